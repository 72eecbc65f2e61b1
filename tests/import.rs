//! The importers, run as a user would (`--check`, `convert`, `--dump`) on
//! the real samples in tests/fixtures/import/, with turn counts taken from
//! the sources by a plain scan that shares nothing with the importers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use forum_tui::model::import::{Format, load_any, load_path_any};
use forum_tui::model::{Block, Loaded, Proceedings, SegmentKind, load_bytes};
use proptest::prelude::*;
use serde_json::Value;

const DIR: &str = "tests/fixtures/import";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run forum-tui")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(rel)
}

fn import(rel: &str) -> Loaded {
    load_path_any(&path(rel), None, None).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A turn is an entry with spoken words; note-only entries stand between turns.
fn turns(p: &Proceedings) -> usize {
    p.segments
        .iter()
        .flat_map(|s| &s.speeches)
        .filter(|s| !s.is_note_only())
        .count()
}

fn source(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).expect("fixture")
}

/// `### ` headings, counted line by line.
fn markdown_turns(text: &str) -> usize {
    text.lines().filter(|l| l.starts_with("### ")).count()
}

/// Start tags `<NAME ` or `<NAME>` (with or without a prefix).
fn tags(text: &str, name: &str) -> usize {
    text.split('<')
        .skip(1)
        .filter(|rest| {
            let tag = rest.split_once(':').map_or(*rest, |(pre, after)| {
                if pre.contains([' ', '>', '/']) {
                    rest
                } else {
                    after
                }
            });
            tag.strip_prefix(name)
                .is_some_and(|after| after.starts_with([' ', '>', '\n', '\t', '/']))
        })
        .count()
}

const SAMPLES: [&str; 9] = [
    "markdown/2016-11-10-許毓仁委員拜會.md",
    "markdown/2019-04-03-開放政府第46次議題協作會議.md",
    "markdown/2026-07-31-Civic-Wave.md",
    "parlamint/ParlaMint-SI/2022/ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.xml",
    "parlamint/ParlaMint-SI/ParlaMint-SI.xml",
    "akoma-ntoso/Debate_Bungeni_1995-10-31.xml",
    "akoma-ntoso/test_empty_title.xml",
    "akoma-ntoso/test_unicode_character.xml",
    "akoma-ntoso/test_xpath.xml",
];

/// The turns the source holds, counted from its text.
fn source_turns(rel: &str) -> usize {
    if rel.ends_with(".md") {
        return markdown_turns(&source(rel));
    }
    if rel.starts_with("akoma-ntoso/") {
        let s = source(rel);
        return ["speech", "question", "answer"]
            .iter()
            .map(|t| tags(&s, t))
            .sum();
    }
    if rel.ends_with("ParlaMint-SI.xml") {
        // The corpus root opens the one sitting present.
        return tags(
            &source("parlamint/ParlaMint-SI/2022/ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.xml"),
            "u",
        );
    }
    tags(&source(rel), "u")
}

#[test]
fn the_independent_counts_are_the_samples_own() {
    // The numbers of import-samples/README.md, so the scan itself is checked.
    assert_eq!(source_turns(SAMPLES[0]), 135);
    assert_eq!(source_turns(SAMPLES[1]), 628);
    assert_eq!(source_turns(SAMPLES[2]), 25);
    assert_eq!(source_turns(SAMPLES[3]), 4);
    assert_eq!(source_turns(SAMPLES[5]), 5);
    assert_eq!(source_turns(SAMPLES[6]), 3);
    assert_eq!(source_turns(SAMPLES[7]), 0);
    assert_eq!(source_turns(SAMPLES[8]), 1);
    assert_eq!(tags("<a:u x='1'><uu><u><u/>", "u"), 3);
}

#[test]
fn every_sample_checks_and_converts_to_json_that_loads_back_equal() {
    for rel in SAMPLES {
        let file = format!("{DIR}/{rel}");
        let imported = import(rel);
        assert_eq!(
            turns(&imported.proceedings),
            source_turns(rel),
            "{rel}: one turn per source turn"
        );

        let check = run(&["--check", &file]);
        assert_eq!(check.status.code(), Some(0), "{rel}: {}", stderr(&check));
        assert!(stdout(&check).starts_with("ok: "), "{rel}");

        round_trip(rel, &imported);
    }
}

/// `convert` writes JSON that loads back to the imported proceedings, with
/// no warning the import did not give, and that dumps to the same text.
fn round_trip(rel: &str, imported: &Loaded) {
    let file = format!("{DIR}/{rel}");
    let convert = run(&["convert", &file]);
    assert_eq!(
        convert.status.code(),
        Some(0),
        "{rel}: {}",
        stderr(&convert)
    );
    let json = stdout(&convert);
    let back = load_bytes("converted.json", json.as_bytes())
        .unwrap_or_else(|e| panic!("{rel}: the JSON does not load: {e}"));
    assert_eq!(back.proceedings, imported.proceedings, "{rel}");
    // Nothing to warn about beyond what the source itself warrants.
    for w in &back.warnings {
        assert!(imported.warnings.contains(w), "{rel}: new warning {w}");
    }
    // UTF-8 throughout: `\u` escapes only for what must not reach a
    // terminal raw (controls, bidi controls, line separators).
    let escapes_only_controls = json.match_indices("\\u").all(|(i, _)| {
        let code = json.get(i + 2..i + 6).and_then(|h| u32::from_str_radix(h, 16).ok());
        code.and_then(char::from_u32).is_some_and(|c| {
            c.is_control()
                || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
    });
    assert!(escapes_only_controls, "{rel}: UTF-8, not \\u escapes");

    // The same screen text from the source and from its conversion.
    let dumped = stdout(&run(&["--dump", "--width", "60", &file]));
    let out = std::env::temp_dir().join(format!(
        "forum-tui-import-{}-{}.json",
        std::process::id(),
        rel.replace('/', "_")
    ));
    let o = run(&["convert", &file, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{rel}");
    assert_eq!(stdout(&o), "", "{rel}: -o writes nothing to stdout");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), json, "{rel}");
    let from_json = stdout(&run(&["--dump", "--width", "60", out.to_str().unwrap()]));
    std::fs::remove_file(&out).ok();
    assert_eq!(dumped, from_json, "{rel}");
}

#[test]
fn hostile_files_round_trip_too() {
    for rel in [
        "hostile/escapes.md",
        "hostile/escapes.xml",
        "hostile/xxe-external-dtd.xml",
    ] {
        round_trip(rel, &import(rel));
    }
}

#[test]
fn parlamint_speakers_are_named_from_the_person_list() {
    let p = import("parlamint/ParlaMint-SI/2022/ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.xml");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let p = p.proceedings;
    let names: Vec<&str> = p.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Branko Simonovič", "Igor Zorčič", "Primož Siter"]);
    let zorcic = &p.speakers[1];
    assert_eq!(zorcic.id, "ZorčičIgor");
    assert_eq!(
        zorcic.posts_in(forum_tui::model::PostStyle::Western),
        "MP, DZ; Member, party.NP",
        "the affiliations in force on the sitting's date"
    );
    assert_eq!(
        p.forum.title,
        "Slovenski parlamentarni korpus ParlaMint-SI, 99. izredna seja (6. 4. 2022) [ParlaMint SAMPLE]"
    );
    assert_eq!(
        p.forum.date.map(|d| d.to_string()).as_deref(),
        Some("2022-04-06")
    );
    let speeches = &p.segments[0].speeches;
    let chair: Vec<Option<&str>> = speeches
        .iter()
        .filter(|s| s.speaker.is_some())
        .map(|s| s.role.as_deref())
        .collect();
    assert_eq!(chair, [Some("chair"), None, None, Some("chair")]);
    // The kinesic inside Zorčič's turn is a note in place; the sampling gap
    // stands between turns.
    assert!(
        speeches[2]
            .paragraphs
            .contains(&Block::Note("znak za konec razprave".into()))
    );
    assert_eq!(speeches[3].paragraphs, [Block::Note("SAMPLING".into())]);

    let dump = stdout(&run(&[
        "--dump",
        &format!("{DIR}/parlamint/ParlaMint-SI/2022/ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.xml"),
    ]));
    assert!(dump.contains("Igor Zorčič"), "{dump}");
    assert!(!dump.contains("ZorčičIgor"), "ids never reach the screen");
}

#[test]
fn a_parlamint_sitting_alone_is_named_from_its_labels_with_one_warning() {
    let rel = "parlamint-alone/ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.xml";
    let p = import(rel);
    let names: Vec<&str> = p
        .proceedings
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "PODPREDSEDNIK BRANKO SIMONOVIČ",
            "IGOR ZORČIČ (PS NP)",
            "SiterPrimož"
        ]
    );
    let o = run(&["--check", &format!("{DIR}/{rel}")]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("warning: speakers: no person list"),
        "{err}"
    );
}

#[test]
fn a_parlamint_corpus_root_opens_its_sittings_under_their_titles() {
    let loaded = import("parlamint/ParlaMint-SI/ParlaMint-SI.xml");
    let p = &loaded.proceedings;
    assert_eq!(
        p.forum.title,
        "Slovenski parlamentarni korpus ParlaMint-SI [ParlaMint SAMPLE]"
    );
    assert_eq!(
        p.segments[0].parents,
        [
            "Slovenski parlamentarni korpus ParlaMint-SI, 99. izredna seja (6. 4. 2022) [ParlaMint SAMPLE]"
        ]
    );
    assert_eq!(p.speakers[1].name, "Igor Zorčič");
    let missing: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        missing,
        [
            "sitting \"2007/ParlaMint-SI_2007-11-28-SDZ4-Izredna-30.xml\" is not present, skipped",
            "sitting \"2015/ParlaMint-SI_2015-03-06-SDZ7-Redna-05.xml\" is not present, skipped",
        ]
    );
}

#[test]
fn akoma_ntoso_sections_nest_and_questions_answer() {
    let loaded = import("akoma-ntoso/Debate_Bungeni_1995-10-31.xml");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let p = loaded.proceedings;
    assert_eq!(
        p.forum.date.map(|d| d.to_string()).as_deref(),
        Some("1995-10-31")
    );
    let outline: Vec<(Vec<&str>, &str, &str)> = p
        .segments
        .iter()
        .map(|s| {
            (
                s.parents.iter().map(String::as_str).collect(),
                s.title.as_str(),
                s.kind.name(),
            )
        })
        .collect();
    assert_eq!(
        outline,
        [
            (vec![], "preamble", "other"),
            (vec![], "PRAYERS", "ceremony"),
            (vec![], "PAPERS LAID", "other"),
            (
                vec!["NOTICE OF MOTION"],
                "EXPORT OF MANGROVE POLES",
                "other"
            ),
            (
                vec!["ORAL ANSWERS TO QUESTIONS"],
                "BANDITRY MENACE IN GALOLE",
                "roundtable"
            ),
            (vec![], "ADJOURNMENT", "closing"),
        ]
    );
    let qa = &p.segments[4];
    assert_eq!(qa.kind, SegmentKind::Roundtable);
    let turns: Vec<(Option<&str>, Option<&str>, Option<&str>)> = qa
        .speeches
        .iter()
        .filter(|s| s.speaker.is_some())
        .map(|s| {
            (
                s.form.as_deref(),
                s.speaker.map(|i| p.speaker(i).name.as_str()),
                s.role.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        turns,
        [
            (Some("question"), Some("Mr. Adam"), None),
            (None, Some("Mr Smith"), Some("Mr. Speaker")),
            (
                Some("answer"),
                Some("Mr. Cameroon"),
                Some("Minister of State, Office of the President")
            ),
        ]
    );
    let adjourned = p.segments[5].speeches.last().unwrap();
    assert_eq!(adjourned.time.as_deref(), Some("1995-10-31T06:30:00"));
    assert!(
        matches!(&adjourned.paragraphs[0], Block::Note(n) if n.starts_with("At 6:30 pm the House stood adjourned"))
    );
}

/// `(fixture, exact stderr after "forum-tui: FILE")`, each exiting 1.
const BAD: [(&str, &str); 5] = [
    (
        "malformed.xml",
        ":6:41: XML: ill-formed document: expected `</seg>`, but `</u>` was found",
    ),
    (
        "billion-laughs.xml",
        ":17:44: XML: entity &lol9; is not one of the five predefined ones \
         (forum-tui reads no DTD and expands no other entity)",
    ),
    (
        "xxe.xml",
        ":12:31: XML: entity &xxe; is not one of the five predefined ones \
         (forum-tui reads no DTD and expands no other entity)",
    ),
    (
        "unknown-root.xml",
        ": unknown XML root <rss>: not a format forum-tui reads. forum-tui opens the \
         proceedings format (a JSON object), markdown transcripts (`### Speaker:` turns), \
         ParlaMint TEI (<TEI> or <teiCorpus>) and Akoma Ntoso (<akomaNtoso>)",
    ),
    (
        "no-turns.md",
        ": no turns found: a markdown transcript starts each turn with a `### Speaker:` \
         heading. forum-tui opens the proceedings format (a JSON object), markdown \
         transcripts (`### Speaker:` turns), ParlaMint TEI (<TEI> or <teiCorpus>) and \
         Akoma Ntoso (<akomaNtoso>)",
    ),
];

#[test]
fn bad_input_exits_1_with_one_line_naming_the_file_and_place() {
    for (name, message) in BAD {
        let file = format!("{DIR}/bad/{name}");
        for args in [vec!["--check", &file], vec!["convert", &file], vec![&file]] {
            let o = run(&args);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert_eq!(stdout(&o), "", "{args:?}");
            assert_eq!(
                stderr(&o),
                format!("forum-tui: {file}{message}\n"),
                "{args:?}"
            );
        }
    }
}

#[test]
fn no_entity_ever_reads_a_file() {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let first = passwd.lines().next().unwrap_or("root:x:0:0");
    for file in ["bad/xxe.xml", "hostile/xxe-external-dtd.xml"] {
        let o = run(&["--dump", &format!("{DIR}/{file}")]);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert!(!all.contains(first), "{file}: {all}");
        assert!(!all.contains("root:x:"), "{file}: {all}");
    }
    // An external DTD is never fetched: the document loads on its own.
    let o = run(&["--dump", &format!("{DIR}/hostile/xxe-external-dtd.xml")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Nothing here comes from the DTD."));
}

#[test]
fn escape_sequences_in_imported_text_are_shown_inert() {
    for file in ["hostile/escapes.md", "hostile/escapes.xml"] {
        let file = format!("{DIR}/{file}");
        let o = run(&["--dump", &file]);
        assert_eq!(o.status.code(), Some(0), "{file}");
        let out = stdout(&o);
        assert!(!out.contains('\u{1b}'), "{file}: no raw ESC: {out:?}");
        assert!(!out.contains('\u{7}'), "{file}: no raw BEL: {out:?}");
        assert!(
            out.contains("[31m"),
            "{file}: the rest of the text stays: {out:?}"
        );
        let convert = stdout(&run(&["convert", &file]));
        let raw = |c: char| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c);
        assert!(
            !convert.chars().any(raw),
            "{file}: convert writes them escaped"
        );
        let check = run(&["--check", &file]);
        assert_eq!(check.status.code(), Some(0), "{file}");
        assert!(stderr(&check).contains("control character"), "{file}");
        assert!(!stderr(&check).contains('\u{1b}'), "{file}");
    }
}

#[test]
fn the_format_comes_from_the_content_not_the_name() {
    let md = source("markdown/2016-11-10-許毓仁委員拜會.md");
    let as_json_name = load_any("transcript.json", md.as_bytes(), None, None).unwrap();
    assert_eq!(turns(&as_json_name.proceedings), 135);
    let forced = load_any("t.md", md.as_bytes(), None, Some(Format::Json)).unwrap_err();
    assert!(forced.to_string().starts_with("t.md:1:1: "), "{forced}");

    let mut child = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(["--check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source("akoma-ntoso/test_xpath.xml").as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "ok: 1 segment, 0 speakers, 1 speech\n");

    let o = run(&[
        "--from",
        "parlamint",
        "--check",
        &format!("{DIR}/akoma-ntoso/test_xpath.xml"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the XML root is <akomaNtoso>, expected <TEI> or <teiCorpus>"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A sample cut anywhere, with a byte changed anywhere, is an error or
    /// proceedings: never a panic.
    #[test]
    fn damaged_samples_never_panic(
        which in 0..SAMPLES.len(),
        cut in 0.0f64..=1.0,
        at in 0.0f64..1.0,
        byte in any::<u8>(),
    ) {
        let mut bytes = std::fs::read(path(SAMPLES[which])).expect("fixture");
        bytes.truncate((bytes.len() as f64 * cut) as usize);
        if !bytes.is_empty() {
            let last = bytes.len() - 1;
            let i = ((bytes.len() as f64) * at) as usize;
            bytes[i.min(last)] = byte;
        }
        let _ = load_any("damaged", &bytes, None, None);
    }
}

#[test]
fn every_conversion_passes_the_json_schema() {
    let read = |p: &str| -> Value {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p));
        serde_json::from_str(&text.expect("schema")).expect("schema is JSON")
    };
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let url = "urn:forum-tui:proceedings.schema.json";
    compiler
        .add_resource(url, read("data/proceedings.schema.json"))
        .expect("schema resource");
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(url, &mut schemas)
        .expect("schema compiles");
    for rel in SAMPLES {
        let json = forum_tui::model::to_json(&import(rel).proceedings);
        let doc: Value = serde_json::from_str(&json).expect("JSON");
        if let Err(e) = schemas.validate(&doc, index) {
            panic!("{rel}: {e}");
        }
    }
}
