//! The hostile corpus (issue 9): bad or strange files under
//! `tests/fixtures/hostile/`, each with its asserted outcome, plus the huge
//! ones, generated here rather than committed (1,000,000-deep nesting, a
//! 50 MB paragraph, a 200,000-character token, 100,000 speakers). Each file
//! goes through the loader (the exact message or warnings) and through the
//! binary (`--check`, `--outline`, `--dump`): the exit status, and that no
//! control, bidi or stray tag character reaches either output.

use std::path::Path;
use std::process::{Command, Output};

use forum_tui::model::{Loaded, load_bytes, load_path};

const DIR: &str = "tests/fixtures/hostile";

/// What a file must give.
enum Outcome {
    /// Not loaded: the whole line after `FILE` (`: ...` or `:L:C: ...`).
    Error(&'static str),
    /// Loaded, with exactly these warnings.
    Ok(&'static [&'static str]),
    /// Loaded, with this many warnings (checked further in their own test).
    OkWarnings(usize),
}

use Outcome::{Error, Ok, OkWarnings};

const CASES: &[(&str, Outcome)] = &[
    ("empty.json", Error(": empty file, expected a JSON object")),
    (
        "whitespace-only.json",
        Error(": empty file, expected a JSON object"),
    ),
    (
        "bom-then-nothing.json",
        Error(": empty file, expected a JSON object"),
    ),
    ("bom-valid.json", Ok(&[])),
    ("crlf-line-endings.json", Ok(&[])),
    (
        "invalid-utf8-mid-string.json",
        Error(": not UTF-8: invalid byte at offset 210"),
    ),
    (
        "utf16le-bom.json",
        Error(
            ": not UTF-8: the file looks like UTF-16 (little-endian, with a byte-order mark); save it as UTF-8",
        ),
    ),
    (
        "utf16be-bom.json",
        Error(
            ": not UTF-8: the file looks like UTF-16 (big-endian, with a byte-order mark); save it as UTF-8",
        ),
    ),
    (
        "utf16le-no-bom.json",
        Error(": not UTF-8: the file looks like UTF-16 (little-endian); save it as UTF-8"),
    ),
    (
        "top-level-string.json",
        Error(": expected a JSON object at the top level, found a string"),
    ),
    (
        "top-level-number.json",
        Error(": expected a JSON object at the top level, found a number"),
    ),
    ("trailing-garbage.json", Error(":2:1: trailing characters")),
    ("comments.json", Error(":1:1: expected value")),
    ("nan-literal.json", Error(":1:20: expected value")),
    ("huge-number.json", Error(":1:24: number out of range")),
    (
        "lone-surrogate.json",
        Error(":1:200: unexpected end of hex escape"),
    ),
    ("truncated.json", Error(":1:101: EOF while parsing a value")),
    (
        "raw-nul-between-tokens.json",
        Error(":1:2: key must be a string"),
    ),
    (
        "id-is-a-number.json",
        Error(": speakers[0].id: invalid type: integer `7`, expected a string"),
    ),
    (
        "nul-tab-cr-backspace.json",
        Ok(&[
            "forum.title: control characters U+0000, U+000D, U+0008",
            "segments[0].speeches[0].paragraphs[0]: control characters U+000D, U+0008, U+0000",
        ]),
    ),
    (
        "c1-controls.json",
        Ok(&["forum.title: control characters U+0085, U+009B, U+0090, U+009D, U+009F"]),
    ),
    ("bidi-controls.json", Ok(&[])),
    ("tag-characters.json", Ok(&[])),
    ("zwj-and-combining-stacks.json", Ok(&[])),
    ("escapes-everywhere.json", OkWarnings(38)),
    (
        "escaped-key-unknown.json",
        Ok(&[
            r#"["\u{1b}]0;title\u{7}"]: unknown field"#,
            r#"["a\\u{1b}b"]: unknown field"#,
        ]),
    ),
    (
        "duplicate-keys.json",
        Ok(&[
            "schema_version: duplicate key (the last value is used)",
            "forum.title: duplicate key (the last value is used)",
            "segments[0].id: duplicate key (the last value is used)",
        ]),
    ),
    ("long-key.json", OkWarnings(1)),
    // Nested 5,000 deep inside a member nobody reads: skipped without
    // recursion, so it loads (with a warning) instead of overflowing.
    ("deep-unknown-field.json", Ok(&["deep: unknown field"])),
];

fn warnings(loaded: &Loaded) -> Vec<String> {
    loaded.warnings.iter().map(ToString::to_string).collect()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run forum-tui")
}

/// No C0/C1 control (but `\n`), bidi control, line separator or tag
/// character outside a flag in `text`.
fn assert_inert(text: &str, what: &str) {
    let mut prev_flag = false;
    for c in text.chars() {
        let tag = ('\u{E0000}'..='\u{E007F}').contains(&c);
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
            || (tag && !prev_flag);
        assert!(!bad, "{what}: U+{:04X} reached the output", u32::from(c));
        prev_flag = c == '\u{1F3F4}' || (tag && prev_flag);
    }
}

#[test]
fn every_hostile_fixture_has_its_outcome() {
    for (name, outcome) in CASES {
        let path = Path::new(DIR).join(name);
        let result = load_path(&path);
        let shown = path.display().to_string();
        match (outcome, result) {
            (Error(what), Err(e)) => assert_eq!(e.to_string(), format!("{shown}{what}"), "{name}"),
            (Ok(want), Result::Ok(loaded)) => assert_eq!(warnings(&loaded), *want, "{name}"),
            (OkWarnings(n), Result::Ok(loaded)) => {
                assert_eq!(loaded.warnings.len(), *n, "{name}");
            }
            (_, Err(e)) => panic!("{name} should load: {e}"),
            (_, Result::Ok(_)) => panic!("{name} should not load"),
        }
    }
}

#[test]
fn every_hostile_fixture_is_in_the_table() {
    let mut listed: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    listed.sort_unstable();
    let mut on_disk: Vec<String> = std::fs::read_dir(DIR)
        .expect("hostile fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort_unstable();
    assert_eq!(listed, on_disk);
    assert!(listed.len() >= 25, "at least 25 hostile files");
}

/// Through the binary: `--check` exits 0 or 1 as the loader says, and
/// nothing of `--check`, `--outline` or `--dump` carries a control.
#[test]
fn the_binary_keeps_every_hostile_file_inert() {
    for (name, outcome) in CASES {
        let rel = format!("{DIR}/{name}");
        let o = run(&["--check", &rel]);
        let code = if matches!(outcome, Error(_)) { 1 } else { 0 };
        assert_eq!(o.status.code(), Some(code), "--check {name}");
        for args in [
            &["--check", &rel][..],
            &["--outline", &rel],
            &["--dump", "--width", "40", &rel],
        ] {
            let o = run(args);
            assert_eq!(o.status.code(), Some(code), "{args:?}");
            let out = String::from_utf8(o.stdout).expect("UTF-8 stdout");
            let err = String::from_utf8(o.stderr).expect("UTF-8 stderr");
            assert_inert(&out, &format!("{args:?} stdout"));
            assert_inert(&err, &format!("{args:?} stderr"));
            if args[0] == "--dump" {
                for line in out.lines() {
                    let w = unicode_width::UnicodeWidthStr::width(line);
                    assert!(w <= 40, "{name}: {w} cells: {line}");
                }
            }
        }
    }
}

/// Every field of the format was given escape sequences (OSC 52, OSC 0,
/// OSC 8, CSI 2J, DCS, APC, 8-bit CSI): each one is named by a warning.
#[test]
fn escapes_in_every_field_are_each_warned_about() {
    let loaded = load_path(&Path::new(DIR).join("escapes-everywhere.json")).expect("loads");
    let mut paths: Vec<&str> = loaded.warnings.iter().map(|w| w.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let fields = [
        "forum.title",
        "forum.theme",
        "forum.location",
        "forum.format",
        "forum.language",
        "forum.organizers[0].role",
        "forum.organizers[0].name",
        "forum.summary[0]",
        "forum.summary[1].list[0]",
        "forum.summary[1].list[1]",
        "forum.summary[2].note",
        "forum.source.publisher",
        "forum.source.title",
        "forum.source.published",
        "forum.source.author",
        "forum.source.editor",
        "forum.source.url",
        "speakers[0].id",
        "speakers[0].name",
        "speakers[0].affiliations[0].organization",
        "speakers[0].affiliations[0].position",
        "speakers[0].note",
        "segments[0].id",
        "segments[0].kind",
        "segments[0].title",
        "segments[0].topic",
        "segments[0].description[0]",
        "segments[0].participants[0]",
        "segments[0].parents[0]",
        "segments[0].speeches[0].id",
        "segments[0].speeches[0].title",
        "segments[0].speeches[0].form",
        "segments[0].speeches[0].role",
        "segments[0].speeches[0].paragraphs[0]",
        "segments[0].speeches[0].paragraphs[1].note",
    ];
    for field in fields {
        assert!(paths.contains(&field), "no warning for {field}: {paths:?}");
    }
    // And the two keys: an unknown member of the forum and of the speaker.
    assert_eq!(paths.len(), fields.len() + 2, "{paths:?}");
}

#[test]
fn a_long_key_is_one_warning_with_its_whole_path() {
    let loaded = load_path(&Path::new(DIR).join("long-key.json")).expect("loads");
    assert_eq!(
        warnings(&loaded),
        [format!("{}: unknown field", "k".repeat(100_000))]
    );
}

#[test]
fn a_million_levels_of_nesting_are_an_error_not_a_crash() {
    let deep = "[".repeat(1_000_000);
    let e = load_bytes("deep.json", deep.as_bytes()).expect_err("too deep");
    assert_eq!(e.to_string(), "deep.json:1:128: recursion limit exceeded");
    // Inside the document, where a block is expected.
    let doc = format!(
        r#"{{"schema_version": 1, "forum": {{"title": "t", "summary": {deep}"#,
        deep = "[".repeat(1_000_000)
    );
    let e = load_bytes("deep.json", doc.as_bytes()).expect_err("too deep");
    assert_eq!(e.to_string(), "deep.json:1:183: recursion limit exceeded");
    // Inside a member nobody reads: skipped without recursion, closed.
    let doc = format!(
        r#"{{"schema_version": 1, "x": {}{}, "forum": {{"title": "t"}}, "speakers": [],
            "segments": [{{"id": "s", "kind": "other", "title": "t", "speeches": []}}]}}"#,
        "[".repeat(1_000_000),
        "]".repeat(1_000_000)
    );
    let loaded = load_bytes("deep.json", doc.as_bytes()).expect("loads");
    assert_eq!(warnings(&loaded), ["x: unknown field"]);
}

fn one_speech_doc(paragraph: &str) -> String {
    format!(
        r#"{{"schema_version": 1, "forum": {{"title": "t", "language": "zh-Hant"}},
            "speakers": [{{"id": "a", "name": "甲"}}],
            "segments": [{{"id": "s", "kind": "other", "title": "t",
                "speeches": [{{"speaker": "a", "paragraphs": ["{paragraph}"]}}]}}]}}"#
    )
}

/// A 50 MB paragraph loads whole and `--check` says so.
#[test]
fn a_fifty_megabyte_paragraph_loads() {
    let text = "質量提升，標準先行。".repeat(50 * 1024 * 1024 / 30);
    let doc = one_speech_doc(&text);
    let loaded = load_bytes("big.json", doc.as_bytes()).expect("loads");
    let speech = &loaded.proceedings.segments[0].speeches[0];
    assert_eq!(
        speech.paragraphs,
        [forum_tui::model::Block::Paragraph(text.into())]
    );
    let path = std::env::temp_dir().join(format!("forum-tui-big-{}.json", std::process::id()));
    std::fs::write(&path, &doc).unwrap();
    let o = run(&["--check", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, b"ok: 1 segment, 1 speaker, 1 speech\n");
}

/// A 200,000-character token with no break opportunity is cut to the
/// width, never past it, and `--dump` keeps every character.
#[test]
fn a_token_without_breaks_is_cut_to_the_width() {
    let token = "x".repeat(200_000);
    let doc = one_speech_doc(&token);
    let path = std::env::temp_dir().join(format!("forum-tui-token-{}.json", std::process::id()));
    std::fs::write(&path, &doc).unwrap();
    let o = run(&["--dump", "--width", "40", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40)
    );
    let xs: usize = out
        .lines()
        .filter(|l| l.trim_start().chars().all(|c| c == 'x'))
        .map(|l| l.trim_start().len())
        .sum();
    assert_eq!(xs, 200_000);
}

/// 100,000 speakers, each speaking once: loaded and counted.
#[test]
fn a_hundred_thousand_speakers_load() {
    let n = 100_000;
    let speakers: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "p{i}", "name": "甲{i}"}}"#))
        .collect();
    let speeches: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"speaker": "p{i}", "paragraphs": ["第{i}則。"]}}"#))
        .collect();
    let doc = format!(
        r#"{{"schema_version": 1, "forum": {{"title": "t"}}, "speakers": [{}],
            "segments": [{{"id": "s", "kind": "other", "title": "t", "speeches": [{}]}}]}}"#,
        speakers.join(","),
        speeches.join(",")
    );
    let loaded = load_bytes("many.json", doc.as_bytes()).expect("loads");
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let p = &loaded.proceedings;
    assert_eq!((p.speakers.len(), p.speech_count()), (n, n));
    assert_eq!(
        p.speaker(p.segments[0].speeches[n - 1].speaker.unwrap()).id,
        "p99999"
    );
}

/// A directory, an unreadable file, and a file whose name carries escape
/// sequences: one line each, the name shown inert.
#[cfg(unix)]
#[test]
fn awkward_paths_are_one_inert_line() {
    let o = run(&["--check", "tests/fixtures"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "forum-tui: tests/fixtures: is a directory, not a proceedings file\n"
    );
    // Readable by no one, root included: reading it fails with EIO.
    let o = run(&["--check", "/proc/self/mem"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.starts_with("forum-tui: /proc/self/mem: cannot read: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    let dir = std::env::temp_dir().join(format!("forum-tui-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = dir.join("a\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}.json");
    std::fs::copy(Path::new(DIR).join("nul-tab-cr-backspace.json"), &name).unwrap();
    for mode in ["--check", "--outline", "--dump"] {
        let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
            .arg(mode)
            .arg(&name)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{mode}");
        assert_inert(&String::from_utf8(o.stdout).unwrap(), mode);
        assert_inert(&String::from_utf8(o.stderr).unwrap(), mode);
    }
    std::fs::remove_file(&name).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .arg("--check")
        .arg(&name)
        .output()
        .unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.ends_with("a\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202e}.json: no such file\n"),
        "{err}"
    );
    std::fs::remove_dir(&dir).unwrap();
}
