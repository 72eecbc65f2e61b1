//! The non-interactive command line, run as a user would: exit codes,
//! `--check`, `--outline`, `--dump`, and what reaches standard output.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run forum-tui")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn check_the_default_file() {
    let o = run(&["--check"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "ok: 9 segments, 20 speakers, 22 speeches\n");
    assert_eq!(stderr(&o), "", "no warnings");
}

#[test]
fn every_invalid_fixture_exits_1_with_one_line_naming_the_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let rel = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let o = run(&["--check", &rel]);
        assert_eq!(o.status.code(), Some(1), "{rel}");
        assert_eq!(stdout(&o), "", "{rel}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{rel}: {err}");
        assert!(
            err.starts_with(&format!("forum-tui: {rel}")),
            "{rel}: {err}"
        );
        // The same line the loader gives, so the loader's exact-place tests
        // hold for the command too.
        let lib = forum_tui::model::load_path(Path::new(&rel))
            .map(|_| ())
            .expect_err("invalid");
        assert_eq!(err.trim_end(), format!("forum-tui: {lib}"), "{rel}");
        assert!(!err.contains('\u{1b}'), "{rel}: no raw ESC in the message");
        seen += 1;
    }
    assert!(seen >= 17, "one fixture per error class");
}

#[test]
fn exact_places_for_three_classes() {
    let cases = [
        ("syntax-error.json", ":88:7: "),
        (
            "dangling-speaker.json",
            ": segments[3].speeches[1].speaker: ",
        ),
        ("not-utf8.json", ": not UTF-8: invalid byte at offset 55"),
    ];
    for (file, place) in cases {
        let rel = format!("tests/fixtures/invalid/{file}");
        let o = run(&["--check", &rel]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains(&format!("{rel}{place}")),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn unreadable_inputs_are_one_line_errors_not_panics() {
    for (args, code) in [
        (&["--check", "no/such/file.json"][..], 1),
        (&["--check", "tests"], 1),
        (&["--outline", "/dev/null"], 1),
        (&["--bogus"], 2),
        (&["--check", "--dump"], 2),
        (&["--dump", "--width", "0"], 2),
        (&["a.json", "b.json"], 2),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.starts_with("forum-tui: "), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{err}"
        );
    }
}

#[test]
fn warnings_are_listed_by_check() {
    let o = run(&["--check", "tests/fixtures/valid/warnings.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("ok: "));
    let err = stderr(&o);
    assert!(err.lines().all(|l| l.starts_with("warning: ")), "{err}");
    assert!(err.contains("unknown"), "{err}");
    assert!(!err.contains('\u{1b}'));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(["--check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let data = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/minimal.json"
    ))
    .unwrap();
    child.stdin.take().unwrap().write_all(&data).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("ok: 1 segment,"), "{}", stdout(&o));
}

#[test]
fn outline_prints_the_full_tree() {
    let o = run(&["--outline"]);
    assert_eq!(o.status.code(), Some(0));
    let t = stdout(&o);
    insta::assert_snapshot!("outline-default", t);
    let speakers = t
        .lines()
        .filter(|l| l.starts_with("    ") && !l.trim_start().starts_with(['(', '（']))
        .count();
    assert_eq!(speakers, 20, "every attributed speech of the default file");
    assert_eq!(t.lines().filter(|l| l.starts_with("  [")).count(), 9);
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("Usage: forum-tui"));
    for flag in [
        "--check",
        "--outline",
        "--dump",
        "--count",
        "--width",
        "--max-size",
        "--ambiguous-width",
        "--version",
    ] {
        assert!(stdout(&o).contains(flag), "{flag}");
    }
    let o = run(&["-V"]);
    assert_eq!(
        stdout(&o),
        format!("forum-tui {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// Never at the start of a line (clreq basic prohibitions).
const NO_START: &str = "。．，、：；！？‼⁇,.:;!?”’」』）》〉】〗〕］｝)]}～〜–—·・‧／%％‰℃°′″々ー";

#[test]
fn dump_at_every_width_from_10_to_120_keeps_the_rules() {
    for w in 10..=120 {
        let o = run(&["--dump", "--width", &w.to_string()]);
        assert_eq!(o.status.code(), Some(0));
        let t = stdout(&o);
        let lines: Vec<&str> = t.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let width = unicode_width::UnicodeWidthStr::width(*line);
            assert!(width <= w, "width {w}: {width} cells: {line}");
            assert_eq!(
                line.trim_end(),
                *line,
                "width {w}: trailing white space: {line:?}"
            );
            assert!(
                !line.chars().any(|c| c.is_control()),
                "width {w}: control character"
            );
            let Some(first) = line.chars().next() else {
                continue;
            };
            // A single — joining a range stays with what precedes it, so
            // no line starts with one either.
            assert!(
                !NO_START.contains(first),
                "width {w}: line starts with {first}: {line}"
            );
            let Some(prev) = i.checked_sub(1).map(|p| lines[p]) else {
                continue;
            };
            let Some(last) = prev.chars().last() else {
                continue;
            };
            let is_list_item = line
                .split_once(". ")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
            if last.is_ascii_digit() && !is_list_item {
                assert!(
                    !first.is_ascii_digit() && !".,:%".contains(first),
                    "width {w}: number split: {prev} / {line}"
                );
            }
            assert!(!(last == '—' && first == '—'), "width {w}: —— split");
            assert!(!(last == '…' && first == '…'), "width {w}: …… split");
        }
    }
}

#[test]
fn dump_carries_every_paragraph_of_the_default_file() {
    let t = stdout(&run(&["--dump", "--width", "1000"]));
    let v: serde_json::Value =
        serde_json::from_str(forum_tui::DEFAULT_PROCEEDINGS).expect("default JSON");
    for seg in v["segments"].as_array().unwrap() {
        for sp in seg["speeches"].as_array().unwrap() {
            for p in sp["paragraphs"].as_array().unwrap() {
                if let Some(s) = p.as_str() {
                    assert!(t.contains(s), "missing from the dump: {s}");
                }
            }
        }
    }
}

#[test]
fn hostile_text_never_reaches_standard_output_as_control_bytes() {
    for args in [
        &["--dump", "tests/fixtures/valid/hostile.json"][..],
        &["--outline", "tests/fixtures/valid/hostile.json"],
        &["tests/fixtures/valid/hostile.json"],
        &["--check", "tests/fixtures/valid/hostile.json"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        for (name, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            let text = String::from_utf8(bytes.clone()).expect("UTF-8");
            let bad: Vec<char> = text
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n')
                        || ('\u{202a}'..='\u{202e}').contains(&c)
                        || ('\u{2066}'..='\u{2069}').contains(&c)
                })
                .collect();
            assert!(bad.is_empty(), "{args:?} {name}: {bad:?}");
        }
    }
    let dump = stdout(&run(&["--dump", "tests/fixtures/valid/hostile.json"]));
    assert!(
        dump.contains("␛]52;c;"),
        "the clipboard write is shown, inert"
    );
}

#[test]
fn an_english_file_gets_english_furniture_and_no_chinese_indent() {
    let o = run(&[
        "--dump",
        "--width",
        "50",
        "tests/fixtures/valid/english.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let t = stdout(&o);
    insta::assert_snapshot!("dump-english-50", t);
    assert!(t.contains("Date: 2024-09-10"));
    assert!(t.contains("Ada (Engineer), Keynote\n"), "the speaker line");
    assert!(
        !t.contains('\u{3000}'),
        "no ideographic space in an English document"
    );
    let o = run(&["--outline", "tests/fixtures/valid/english.json"]);
    assert!(stdout(&o).contains("Ada  Engineer, Example Corp"));
}

#[test]
fn dump_width_comes_from_the_flag_then_columns_then_80() {
    let widest = |o: &Output| {
        stdout(o)
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    let with_columns = |cols: &str, args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_forum-tui"))
            .args(args)
            .env("COLUMNS", cols)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run")
    };
    let o = with_columns("44", &["--dump"]);
    assert_eq!(o.status.code(), Some(0));
    assert!((40..=44).contains(&widest(&o)), "{}", widest(&o));
    let o = with_columns("44", &["--dump", "--width", "30"]);
    assert!(
        (26..=30).contains(&widest(&o)),
        "the flag wins: {}",
        widest(&o)
    );
    // Piped output of the reader is the dump, at the same width.
    let o = with_columns("52", &[]);
    assert!((48..=52).contains(&widest(&o)), "{}", widest(&o));
    // No flag, no usable $COLUMNS, no terminal (the test has none): 80.
    let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .arg("--dump")
        .env("COLUMNS", "wide")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    if std::fs::File::open("/dev/tty").is_err() {
        assert!((76..=80).contains(&widest(&o)), "{}", widest(&o));
    }
}

#[test]
fn dump_one_segment_or_one_speaker() {
    let o = run(&["--dump", "--width", "80", "--segment", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    assert!(t.starts_with("主旨演講"), "segment 2's page only: {t}");
    assert!(!t.contains("2022年度“質量之光”論壇\n"), "no forum header");
    assert!(t.contains("徐浩然"));
    let o = run(&["--dump", "--width", "80", "--speaker", "hao-minghong"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    assert!(t.starts_with("郝明虹"), "{t}");
    assert!(t.contains("食品安全的前提是質"), "{t}");
    assert!(!t.contains("徐浩然"), "nobody else's turns: {t}");
    for (args, want) in [
        (
            &["--dump", "--segment", "99"][..],
            "the programme has 9 segments",
        ),
        (
            &["--dump", "--speaker", "nobody"][..],
            "no speaker has this id",
        ),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn dump_shows_a_transcript_with_speaker_lines() {
    let o = run(&["--dump", "--width", "80"]);
    let t = stdout(&o);
    // Each turn starts with its speaker line, underlined.
    let lines: Vec<&str> = t.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("郝明虹"))
        .expect("郝明虹's speaker line");
    assert!(lines[at + 1].chars().all(|c| c == '-'), "{}", lines[at + 1]);
    assert!(!t.contains("(roundtable)"), "Chinese furniture only");
}

#[test]
fn help_lists_the_environment() {
    let o = run(&["--help"]);
    let t = stdout(&o);
    for var in ["NO_COLOR", "FORUM_TUI_AMBIGUOUS_WIDTH", "COLUMNS"] {
        assert!(t.contains(var), "{var}");
    }
    for flag in ["--segment", "--speaker"] {
        assert!(t.contains(flag), "{flag}");
    }
}

/// Fix 6: `1 segment`, `0 speakers`, `1 speech`.
#[test]
fn check_counts_agree_in_number() {
    let o = run(&["--check", "tests/fixtures/valid/minimal.json"]);
    assert_eq!(stdout(&o), "ok: 1 segment, 0 speakers, 0 speeches\n");
    let one = r#"{"schema_version": 1, "forum": {"title": "t"},
        "speakers": [{"id": "a", "name": "A"}],
        "segments": [{"id": "s", "kind": "other", "title": "t",
            "speeches": [{"speaker": "a", "paragraphs": ["x"]}]}]}"#;
    let path = std::env::temp_dir().join(format!("forum-tui-one-{}.json", std::process::id()));
    std::fs::write(&path, one).unwrap();
    let o = run(&["--check", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(stdout(&o), "ok: 1 segment, 1 speaker, 1 speech\n");
    let o = run(&["--check", "tests/fixtures/valid/additions.json"]);
    assert_eq!(stdout(&o), "ok: 6 segments, 3 speakers, 9 speeches\n");
}

/// The format additions in `--outline`: one heading line per level of
/// `parents`, shared by consecutive segments; role and time on a turn; a
/// note-only entry shown by its note.
#[test]
fn outline_shows_parents_roles_times_and_notes() {
    let o = run(&["--outline", "tests/fixtures/valid/additions.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "\
立法院第8屆第1會期經濟委員會第5次全體委員會議（測試紀錄）（2012-03-26，立法院紅樓202會議室）
  [開幕] 宣布開會
    王召集委員  經濟委員會召集委員  （主席，09:02）
  報告事項
    [致辭] 經濟部業務報告
      陳部長  經濟部部長  （09:05:30）
  討論事項
    第一案：電價調整
      [其他] 林委員質詢
        林委員  立法院委員  （2012-03-26T10:15:00+08:00）
        陳部長  經濟部部長
        （休息十分鐘）
      [其他] 王召集委員補充
        王召集委員  經濟委員會召集委員  （主席，10:40）
        （書面質詢）
    [其他] 第二案：油價
      陳部長  經濟部部長  （列席官員）
  [閉幕] 散會
    （散會）  （2012-03-26T12:01）
"
    );
}

/// Fix 8: an unattributed title that is already in brackets is shown once,
/// without a second pair around it.
#[test]
fn outline_shows_an_unattributed_title_once() {
    let t = stdout(&run(&["--outline", "tests/fixtures/valid/full.json"]));
    let breaks: Vec<&str> = t.lines().filter(|l| l.contains("休息")).collect();
    assert_eq!(breaks, ["    （休息）"]);
    let t = stdout(&run(&["--outline"]));
    assert!(t.contains("\n    （2022年度十大質量新聞）\n"), "{t}");
    assert!(!t.contains("(（") && !t.contains("（（"), "{t}");
}

/// Fix 9: the outline's furniture follows the document's language.
#[test]
fn outline_furniture_follows_the_document_language() {
    let zh = stdout(&run(&["--outline"]));
    assert!(zh.contains("\n  [圓桌] 圓桌論壇：推動質量提升\n"), "{zh}");
    assert!(
        zh.starts_with("2022年度“質量之光”論壇（2023-01-13，北京）\n"),
        "{zh}"
    );
    for name in ["roundtable", "opening", "keynote", "(", ")"] {
        assert!(!zh.contains(name), "{name} on a Chinese page:\n{zh}");
    }
    let en = stdout(&run(&["--outline", "tests/fixtures/valid/english.json"]));
    assert!(
        en.starts_with("RustConf Proceedings (2024-09-10, Montreal)\n"),
        "{en}"
    );
    assert!(en.contains("\n  [roundtable] Panel: the future\n"), "{en}");
    assert!(!en.contains('圓'), "{en}");
}

/// Runs `forum-tui ARGS` with `feed` writing to its standard input on a
/// thread (write errors, once the program has stopped reading, ignored).
fn run_fed(args: &[&str], feed: impl FnOnce(&mut dyn std::io::Write) + Send + 'static) -> Output {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || feed(&mut stdin));
    let o = child.wait_with_output().expect("wait");
    writer.join().expect("feeder");
    o
}

/// Issue 9, fault 1: an endless standard input ends with a one-line error
/// at the size limit instead of growing without bound.
#[test]
fn an_endless_standard_input_stops_at_the_size_limit() {
    let limit = "forum-tui: <stdin>: larger than 64 KiB, not read (--max-size sets the limit)\n";
    // `yes | forum-tui --check -`, with a generator that gives up after
    // 64 MiB so a broken limit fails the test instead of hanging it.
    let o = run_fed(&["--check", "--max-size", "64K", "-"], |w| {
        let line = b"y\n".repeat(4096);
        for _ in 0..(64 << 20) / line.len() {
            if w.write_all(&line).is_err() {
                return;
            }
        }
    });
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), limit);
    assert_eq!(stdout(&o), "");
    // `forum-tui --check - < /dev/zero`.
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .args(["--check", "--max-size", "64K", "-"])
        .stdin(zero)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), limit);
    // Exactly at the limit is still read.
    let doc = std::fs::read("tests/fixtures/valid/minimal.json").unwrap();
    let size = doc.len().to_string();
    let o = run_fed(&["--check", "--max-size", &size, "-"], move |w| {
        let _ = w.write_all(&doc);
    });
    assert_eq!(stdout(&o), "ok: 1 segment, 0 speakers, 0 speeches\n");
}

/// `--max-size` applies to named files too; without it a file has no cap.
#[test]
fn max_size_applies_to_named_files() {
    let o = run(&[
        "--check",
        "--max-size",
        "1K",
        "tests/fixtures/valid/full.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "forum-tui: tests/fixtures/valid/full.json: larger than 1 KiB, not read \
         (--max-size sets the limit)\n"
    );
    let o = run(&[
        "--check",
        "--max-size",
        "1x",
        "tests/fixtures/valid/full.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 9, fault 2: a standard error that cannot be written never makes
/// the program panic (exit 101); the exit status still says what happened.
#[test]
fn an_unwritable_standard_error_keeps_the_exit_status() {
    let cases: [(&[&str], i32); 4] = [
        (
            &["--check", "tests/fixtures/invalid/dangling-speaker.json"],
            1,
        ),
        (&["--check", "tests/fixtures/valid/warnings.json"], 0),
        (&["--bogus"], 2),
        (&["--check", "no/such/file.json"], 1),
    ];
    for (args, code) in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(full)
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(code), "2>/dev/full {args:?}");
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(writer)
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(code), "closed stderr {args:?}");
    }
}

/// Issue 9, fault 6: a file name that is not UTF-8 is shown with its bytes
/// escaped, not with U+FFFD.
#[cfg(unix)]
#[test]
fn a_non_utf8_file_name_is_shown_with_escaped_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"no/such/caf\xe9-\xff.json");
    let o = Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .arg("--check")
        .arg(name)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "forum-tui: no/such/caf\\xe9-\\xff.json: no such file\n"
    );
}

#[test]
fn dump_shows_the_format_additions() {
    let o = run(&[
        "--dump",
        "--width",
        "60",
        "tests/fixtures/valid/additions.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    assert!(
        t.contains("王召集委員（召集委員）　主席　09:02\n"),
        "role and time: {t}"
    );
    assert!(t.contains("\n（敲槌）\n"), "a note, not indented: {t}");
    assert!(
        t.contains("討論事項 › 第一案：電價調整\n林委員質詢\n"),
        "parents above the title: {t}"
    );
    let o = run(&["--check", "tests/fixtures/valid/additions.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "", "no warnings");
}

/// Every text the forum-wide search reads, walked here from the JSON
/// itself: the summary, and per segment its title, topic, description and
/// each turn's title and blocks (paragraphs, notes, list items).
fn searched_texts(json: &serde_json::Value) -> Vec<String> {
    fn blocks(out: &mut Vec<String>, v: &serde_json::Value) {
        for b in v.as_array().into_iter().flatten() {
            if let Some(t) = b.as_str().or_else(|| b["note"].as_str()) {
                out.push(t.to_owned());
            }
            for item in b["list"].as_array().into_iter().flatten() {
                out.push(item.as_str().expect("list items are strings").to_owned());
            }
        }
    }
    let mut out = Vec::new();
    blocks(&mut out, &json["forum"]["summary"]);
    for seg in json["segments"].as_array().expect("segments") {
        for key in ["title", "topic"] {
            out.extend(seg[key].as_str().map(str::to_owned));
        }
        blocks(&mut out, &seg["description"]);
        for speech in seg["speeches"].as_array().expect("speeches") {
            out.extend(speech["title"].as_str().map(str::to_owned));
            blocks(&mut out, &speech["paragraphs"]);
        }
    }
    out
}

#[test]
fn count_prints_the_forum_wide_search_total() {
    let file = "data/light-of-quality-2022.json";
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file).expect("the data file")).expect("JSON");
    // The file is all Traditional: `str::matches` on 質量 counts what the
    // script-folding matcher finds for either form.
    let expected: usize = searched_texts(&json)
        .iter()
        .map(|t| t.matches("質量").count())
        .sum();
    assert!(expected > 100, "a common word: {expected}");
    let raw = std::fs::read_to_string(file).expect("UTF-8");
    assert!(
        raw.matches("質量").count() > expected,
        "speaker affiliations also say 質量, and are not searched"
    );
    for query in ["質量", "质量"] {
        let o = run(&["--count", query, file]);
        assert_eq!(o.status.code(), Some(0), "{query}");
        assert_eq!(stdout(&o), format!("{expected}\n"), "{query}");
        assert_eq!(stderr(&o), "", "{query}");
    }
    let o = run(&["--count", "不存在的詞", file]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), "0\n".to_owned()));
    let o = run(&["--count", "", file]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("--count: the query is empty"),
        "{}",
        stderr(&o)
    );
}
