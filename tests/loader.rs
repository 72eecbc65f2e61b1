//! The loader against the fixtures: every invalid file fails with the exact
//! one-line message (file, place, what), every valid file loads with
//! exactly the expected warnings.

use std::path::Path;

use forum_tui::model::{
    Block, LoadError, LoadErrorKind, Loaded, Place, SegmentKind, SpeakerIdx, SpeakerKind,
    load_bytes, load_path,
};

const INVALID: &str = "tests/fixtures/invalid";
const VALID: &str = "tests/fixtures/valid";

fn load_invalid(name: &str) -> LoadError {
    let path = Path::new(INVALID).join(name);
    match load_path(&path) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e,
    }
}

fn load_valid(name: &str) -> Loaded {
    let path = Path::new(VALID).join(name);
    load_path(&path).unwrap_or_else(|e| panic!("{name} should load: {e}"))
}

fn warnings(loaded: &Loaded) -> Vec<String> {
    loaded.warnings.iter().map(ToString::to_string).collect()
}

/// (fixture, kind, the message after "tests/fixtures/invalid/FIXTURE: ").
const INVALID_CASES: &[(&str, LoadErrorKind, &str)] = &[
    (
        "not-utf8.json",
        LoadErrorKind::NotUtf8,
        "not UTF-8: invalid byte at offset 55",
    ),
    (
        "not-an-object.json",
        LoadErrorKind::NotObject,
        "expected a JSON object at the top level, found an array",
    ),
    (
        "missing-schema-version.json",
        LoadErrorKind::Missing,
        "schema_version: missing required field",
    ),
    (
        "unknown-schema-version.json",
        LoadErrorKind::SchemaVersion,
        "schema_version: unknown version 2 (this program reads version 1)",
    ),
    (
        "missing-required-field.json",
        LoadErrorKind::Missing,
        "segments[2].title: missing required field",
    ),
    (
        "missing-forum-title.json",
        LoadErrorKind::Missing,
        "forum.title: missing required field",
    ),
    (
        "missing-speakers.json",
        LoadErrorKind::Missing,
        "speakers: missing required field",
    ),
    (
        "empty-segments.json",
        LoadErrorKind::Invalid,
        "segments: empty (at least one segment is required)",
    ),
    (
        "wrong-type.json",
        LoadErrorKind::WrongType,
        "speakers[0].affiliations[1].former: invalid type: string \"yes\", expected a boolean",
    ),
    (
        "wrong-type-block.json",
        LoadErrorKind::WrongType,
        "segments[1].speeches[0].paragraphs[0]: invalid type: integer `5`, \
         expected a paragraph (a string), a list (an object {\"list\": [...]}) \
         or a note (an object {\"note\": \"...\"})",
    ),
    (
        "null-field.json",
        LoadErrorKind::WrongType,
        "forum.theme: invalid type: null, expected a string",
    ),
    (
        "list-without-items.json",
        LoadErrorKind::Missing,
        "segments[1].speeches[0].paragraphs[1].list: missing required field",
    ),
    (
        "unknown-speaker-kind.json",
        LoadErrorKind::Invalid,
        "speakers[2].kind: unknown speaker kind \"org\" (expected \"person\" or \"organization\")",
    ),
    (
        "empty-id.json",
        LoadErrorKind::Invalid,
        "speakers[1].id: empty id",
    ),
    (
        "whitespace-id.json",
        LoadErrorKind::Invalid,
        "segments[1].id: id \"主旨\u{3000}演講\" contains whitespace (U+3000)",
    ),
    (
        "empty-name.json",
        LoadErrorKind::Invalid,
        "speakers[2].name: empty name",
    ),
    (
        "duplicate-speaker-id.json",
        LoadErrorKind::Invalid,
        "speakers[3].id: duplicate speaker id \"lee\" (first at speakers[1].id)",
    ),
    (
        "duplicate-segment-id.json",
        LoadErrorKind::Invalid,
        "segments[3].id: duplicate segment id \"open\" (first at segments[0].id)",
    ),
    (
        "duplicate-speech-id.json",
        LoadErrorKind::Invalid,
        "segments[2].speeches[1].id: duplicate speech id \"open-1\" (first at segments[0].speeches[0].id)",
    ),
    (
        "dangling-speaker.json",
        LoadErrorKind::Invalid,
        "segments[3].speeches[1].speaker: no speaker has the id \"zhang\"",
    ),
    (
        "control-in-value.json",
        LoadErrorKind::Invalid,
        "segments[3].speeches[1].speaker: no speaker has the id \"\\u{1b}]0;pwned\\u{7}zhang\\u{202e}\"",
    ),
    (
        "no-speaker-no-title.json",
        LoadErrorKind::Missing,
        "segments[2].speeches[2].title: missing required field (a speech without a speaker needs a title)",
    ),
    (
        "no-paragraphs.json",
        LoadErrorKind::Invalid,
        "segments[1].speeches[0].paragraphs: empty (a speech needs at least one paragraph)",
    ),
    (
        "missing-paragraphs.json",
        LoadErrorKind::Missing,
        "segments[0].speeches[0].paragraphs: missing required field",
    ),
    (
        "bad-date.json",
        LoadErrorKind::Invalid,
        "forum.date: \"2023-02-30\" is not a real calendar date",
    ),
    (
        "bad-date-format.json",
        LoadErrorKind::Invalid,
        "forum.date: \"2023-2-3\" is not a date of the form YYYY-MM-DD",
    ),
    // The December additions: parents, time, note, note-only speeches.
    (
        "parents-not-array.json",
        LoadErrorKind::WrongType,
        "segments[1].parents: invalid type: string \"質詢\", expected an array",
    ),
    (
        "parents-not-string.json",
        LoadErrorKind::WrongType,
        "segments[1].parents[1]: invalid type: integer `3`, expected a string",
    ),
    (
        "parents-empty-heading.json",
        LoadErrorKind::Invalid,
        "segments[1].parents[1]: empty heading (each of `parents` names a section)",
    ),
    (
        "time-bad-format.json",
        LoadErrorKind::Invalid,
        "segments[1].speeches[0].time: \"上午九時\" is not a time of the form HH:MM, HH:MM:SS \
         or an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS)",
    ),
    (
        "time-not-real.json",
        LoadErrorKind::Invalid,
        "segments[1].speeches[1].time: \"25:10\" is not a real time of day",
    ),
    (
        "time-no-such-day.json",
        LoadErrorKind::Invalid,
        "segments[1].speeches[0].time: \"2023-02-29T09:30:00+08:00\" is not a real calendar date",
    ),
    (
        "note-not-string.json",
        LoadErrorKind::WrongType,
        "segments[1].speeches[0].paragraphs[1].note: invalid type: integer `5`, expected a string",
    ),
    (
        "note-and-list.json",
        LoadErrorKind::Invalid,
        "segments[1].speeches[0].paragraphs[1]: a block is a list or a note, not both",
    ),
    (
        "no-speaker-spoken-text.json",
        LoadErrorKind::Missing,
        "segments[1].speeches[1].title: missing required field (a speech without a speaker needs a title)",
    ),
];

/// Syntax errors use `FILE:LINE:COL:` instead of `FILE: `.
const SYNTAX_CASES: &[(&str, &str)] = &[
    // The comma after "開幕致辭" is missing; the next key is at 88:7.
    ("syntax-error.json", "88:7: expected `,` or `}`"),
    // An unescaped ESC byte inside a key is not JSON; nothing raw is echoed.
    (
        "control-in-key.json",
        "5:6: control character (\\u0000-\\u001F) found while parsing a string",
    ),
];

#[test]
fn every_invalid_fixture_fails_at_the_exact_place() {
    for &(name, kind, what) in INVALID_CASES {
        let e = load_invalid(name);
        assert_eq!(e.to_string(), format!("{INVALID}/{name}: {what}"), "{name}");
        assert_eq!(e.kind(), kind, "{name}");
        assert_eq!(e.file(), format!("{INVALID}/{name}"));
    }
    for &(name, what) in SYNTAX_CASES {
        let e = load_invalid(name);
        assert_eq!(e.to_string(), format!("{INVALID}/{name}:{what}"), "{name}");
        assert_eq!(e.kind(), LoadErrorKind::Syntax, "{name}");
    }
}

#[test]
fn every_invalid_fixture_is_in_the_table() {
    let mut listed: Vec<&str> = INVALID_CASES.iter().map(|c| c.0).collect();
    listed.extend(SYNTAX_CASES.iter().map(|c| c.0));
    listed.sort_unstable();
    let mut on_disk: Vec<String> = std::fs::read_dir(INVALID)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort_unstable();
    assert_eq!(listed, on_disk);
}

#[test]
fn accessors_give_the_place() {
    let e = load_invalid("dangling-speaker.json");
    assert_eq!(e.path(), Some("segments[3].speeches[1].speaker"));
    assert_eq!(e.message(), "no speaker has the id \"zhang\"");
    assert_eq!(e.line_col(), None);

    let e = load_invalid("syntax-error.json");
    assert_eq!(e.line_col(), Some((88, 7)));
    assert_eq!(
        e.place(),
        &Place::LineCol {
            line: 88,
            column: 7
        }
    );
    assert_eq!(e.path(), None);

    let e = load_invalid("not-utf8.json");
    assert_eq!(e.offset(), Some(55));
    assert_eq!(e.kind(), LoadErrorKind::NotUtf8);

    let e = load_invalid("not-an-object.json");
    assert_eq!(e.place(), &Place::File);
}

#[test]
fn no_message_carries_a_control_character() {
    let all = INVALID_CASES
        .iter()
        .map(|c| c.0)
        .chain(SYNTAX_CASES.iter().map(|c| c.0));
    for name in all {
        let line = load_invalid(name).to_string();
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{name}: {line:?}"
        );
    }
}

#[test]
fn a_file_name_with_escapes_is_shown_escaped() {
    let e = load_bytes("evil\u{1b}[2J\u{202e}.json", b"[]").expect_err("not an object");
    assert_eq!(
        e.to_string(),
        "evil\\u{1b}[2J\\u{202e}.json: expected a JSON object at the top level, found an array"
    );
}

#[test]
fn unreadable_paths_are_one_line_errors() {
    let e = load_path(Path::new("tests/fixtures/no-such-file.json")).expect_err("missing");
    assert_eq!(
        e.to_string(),
        "tests/fixtures/no-such-file.json: no such file"
    );
    assert_eq!(e.kind(), LoadErrorKind::Io);

    let e = load_path(Path::new("tests/fixtures")).expect_err("a directory");
    assert_eq!(
        e.to_string(),
        "tests/fixtures: is a directory, not a proceedings file"
    );
    assert_eq!(e.kind(), LoadErrorKind::Io);
}

#[test]
fn minimal_and_bom_files_load_alike() {
    let minimal = load_valid("minimal.json");
    let bom = load_valid("bom.json");
    assert_eq!(minimal.proceedings, bom.proceedings);
    assert!(minimal.warnings.is_empty());
    assert!(bom.warnings.is_empty());
    assert_eq!(minimal.proceedings.forum.title, "最小論壇");
    assert_eq!(minimal.proceedings.speech_count(), 0);
}

#[test]
fn the_full_file_loads_every_field() {
    let loaded = load_valid("full.json");
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let p = &loaded.proceedings;
    assert_eq!(
        p.forum.date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(p.forum.organizers.len(), 2);
    assert_eq!(
        p.forum.summary[1],
        Block::List {
            items: vec!["質量".into(), "標準".into(), "計量".into()],
            ordered: true
        }
    );
    assert_eq!(
        p.forum.source.as_ref().and_then(|s| s.published.as_deref()),
        Some("2024-03-01T09:00:00+08:00")
    );
    assert_eq!(
        p.speakers[0].posts(),
        "中國計量測試學會理事長；原質檢總局副局長"
    );
    assert_eq!(p.speakers[2].kind, SpeakerKind::Organization);
    assert_eq!(p.speakers[3].short_post().as_deref(), Some("主持人"));
    assert_eq!(p.segments[2].kind, SegmentKind::Roundtable);
    assert_eq!(p.segments[2].participants, ["甲公司", "乙協會"]);
    assert_eq!(p.speech_count(), 7);

    let keynote = &p.segments[1].speeches[0];
    assert_eq!(p.speaker(keynote.speaker.expect("attributed")).name, "李華");
    assert_eq!(
        keynote.paragraphs[1],
        Block::List {
            items: vec!["第一點".into(), "第二點".into()],
            ordered: false
        }
    );
    let pause = &p.segments[2].speeches[2];
    assert_eq!(
        (pause.speaker, pause.title.as_deref()),
        (None, Some("（休息）"))
    );
}

#[test]
fn made_speech_ids_are_unique_and_keep_given_ones() {
    let p = load_valid("full.json").proceedings;
    let ids: Vec<&str> = p
        .segments
        .iter()
        .flat_map(|s| &s.speeches)
        .map(|s| s.id.as_str())
        .collect();
    // "keynote/1" is given to a later speech, so the made one steps aside.
    assert_eq!(
        ids,
        [
            "open-1",
            "keynote/1-2",
            "round/1",
            "round/2",
            "round/3",
            "close/1",
            "keynote/1"
        ]
    );
}

#[test]
fn warnings_are_collected_exactly() {
    let loaded = load_valid("warnings.json");
    assert_eq!(
        warnings(&loaded),
        [
            "generator: unknown field",
            "forum[\"x\\u{1b}[31m\"]: unknown field",
            "forum.title: control character U+0004",
            "speakers[0].twitter: unknown field",
            "speakers[1].note: control character U+0085",
            "segments[0].kind: unknown segment kind \"panel\" (shown as written)",
            "segments[0].speeches[0].mood: unknown field",
            "segments[0].speeches[0].paragraphs[0]: control characters U+0004 (2 times), U+0005",
            "segments[0].speeches[0].paragraphs[1].style: unknown field",
            "segments[0].speeches[0].paragraphs[1].list[0]: control character U+007F",
            "speakers[1]: speaker \"silent\" never speaks",
        ]
    );
    let p = &loaded.proceedings;
    assert_eq!(p.segments[0].kind, SegmentKind::Unknown("panel".into()));
    assert_eq!(p.segments[0].kind.name(), "panel");
    // Text is kept as written: sanitising is the reader's job.
    assert_eq!(p.forum.title, "警告測試\u{4}");
    assert_eq!(p.segments[0].speeches[0].speaker, Some(SpeakerIdx(0)));
}

#[test]
fn real_transcript_loads_without_warnings() {
    let loaded = load_valid("transcript-2019-04-03-open-government-46.json");
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let p = &loaded.proceedings;
    assert_eq!(
        (p.segments.len(), p.speakers.len(), p.speech_count()),
        (1, 45, 632)
    );
    assert_eq!(
        p.forum.date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-03")
    );
    let organizations = p
        .speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Organization)
        .count();
    assert_eq!(organizations, 1);
    // Stage notes have no speaker but a title.
    assert!(
        p.segments[0]
            .speeches
            .iter()
            .any(|s| s.speaker.is_none() && s.title.is_some())
    );
}

#[test]
fn real_legislative_record_loads_without_warnings() {
    let loaded = load_valid("ly-2012-09-27-internal-affairs.json");
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let p = &loaded.proceedings;
    assert_eq!(
        (p.segments.len(), p.speakers.len(), p.speech_count()),
        (26, 26, 954)
    );
    let roundtables = p.segments.iter().filter(|s| s.kind.is_roundtable()).count();
    assert_eq!(roundtables, 17);
    let paragraphs: usize = p
        .segments
        .iter()
        .flat_map(|s| &s.speeches)
        .map(|s| s.paragraphs.len())
        .sum();
    assert_eq!(paragraphs, 1193);
    // Made ids are unique across the file.
    let mut ids: Vec<&str> = p
        .segments
        .iter()
        .flat_map(|s| &s.speeches)
        .map(|s| s.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 954);
}

#[test]
fn a_name_of_only_spaces_is_empty() {
    let doc = r#"{"schema_version": 1, "forum": {"title": "t"},
        "speakers": [{"id": "a", "name": "　 "}],
        "segments": [{"id": "s", "kind": "other", "title": "t", "speeches": []}]}"#;
    let e = load_bytes("t.json", doc.as_bytes()).expect_err("empty name");
    assert_eq!(e.to_string(), "t.json: speakers[0].name: empty name");
}

#[test]
fn the_format_additions_load() {
    let loaded = load_valid("additions.json");
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let p = &loaded.proceedings;
    let parents: Vec<Vec<&str>> = p
        .segments
        .iter()
        .map(|s| s.parents.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        parents,
        [
            vec![],
            vec!["報告事項"],
            vec!["討論事項", "第一案：電價調整"],
            vec!["討論事項", "第一案：電價調整"],
            vec!["討論事項"],
            vec![],
        ]
    );
    let open = &p.segments[0].speeches[0];
    assert_eq!(open.role.as_deref(), Some("主席"));
    assert_eq!(open.time.as_deref(), Some("09:02"));
    assert_eq!(
        open.paragraphs,
        [
            Block::Paragraph("現在開會。".into()),
            Block::Note("（敲槌）".into())
        ]
    );
    assert!(!open.is_note_only());
    assert_eq!(p.segments[1].speeches[0].time.as_deref(), Some("09:05:30"));
    let q1 = &p.segments[2].speeches;
    assert_eq!(q1[0].time.as_deref(), Some("2012-03-26T10:15:00+08:00"));
    assert_eq!(q1[1].role, None);
    assert_eq!(q1[1].time, None);
    // A note-only entry between turns: neither speaker nor title.
    assert_eq!((q1[2].speaker, q1[2].title.as_deref()), (None, None));
    assert!(q1[2].is_note_only());
    assert_eq!(q1[2].id, "q1/3");
    let close = &p.segments[5].speeches[0];
    assert!(close.is_note_only());
    assert_eq!(close.title.as_deref(), Some("散會"));
    assert_eq!(close.time.as_deref(), Some("2012-03-26T12:01"));
}

#[test]
fn a_note_with_an_order_is_warned_about() {
    let doc = r#"{"schema_version": 1, "forum": {"title": "t"}, "speakers": [],
        "segments": [{"id": "s", "kind": "other", "title": "t", "speeches": [
            {"paragraphs": [{"note": "（鼓掌）", "ordered": true}]}]}]}"#;
    let loaded = load_bytes("t.json", doc.as_bytes()).expect("loads");
    assert_eq!(
        warnings(&loaded),
        ["segments[0].speeches[0].paragraphs[0].ordered: unknown field (a note has no order)"]
    );
}

/// Issue 9, fault 6: a value quoted in a warning has `\` and `"` escaped,
/// so a literal `\u{1b}` in the file cannot pass for an escaped real ESC.
#[test]
fn quoted_values_in_messages_escape_backslash_and_quote() {
    let doc = |kind: &str| {
        let kind = serde_json::to_string(kind).unwrap();
        format!(
            r#"{{"schema_version": 1, "forum": {{"title": "t"}}, "speakers": [],
            "segments": [{{"id": "s", "kind": {kind}, "title": "t", "speeches": []}}]}}"#
        )
    };
    let warn = |kind: &str| {
        let loaded = load_bytes("t.json", doc(kind).as_bytes()).expect("loads");
        warnings(&loaded)
    };
    assert_eq!(
        warn("x\u{1b}"),
        [
            "segments[0].kind: control character U+001B",
            r#"segments[0].kind: unknown segment kind "x\u{1b}" (shown as written)"#
        ]
    );
    assert_eq!(
        warn(r"x\u{1b}"),
        [r#"segments[0].kind: unknown segment kind "x\\u{1b}" (shown as written)"#]
    );
    assert_eq!(
        warn(r#"a" (shown as written), and "b"#),
        [
            r#"segments[0].kind: unknown segment kind "a\" (shown as written), and \"b" (shown as written)"#
        ]
    );
}

/// Issue 9, fault 6: a key given twice warns, naming the path; the last
/// value is the one used, as JSON readers do.
#[test]
fn duplicate_keys_warn_with_their_path() {
    let doc = r#"{"schema_version": 1, "forum": {"title": "first", "title": "last", "x": 1, "x": 2},
        "speakers": [], "segments": [{"id": "s", "kind": "other", "title": "t",
        "speeches": [{"title": "a", "paragraphs": ["p"], "paragraphs": ["q"]}]}],
        "speakers": []}"#;
    let loaded = load_bytes("t.json", doc.as_bytes()).expect("loads");
    assert_eq!(
        warnings(&loaded),
        [
            "speakers: duplicate key (the last value is used)",
            "forum.x: unknown field",
            "forum.title: duplicate key (the last value is used)",
            "forum.x: duplicate key (the last value is used)",
            "segments[0].speeches[0].paragraphs: duplicate key (the last value is used)",
        ]
    );
    let p = &loaded.proceedings;
    assert_eq!(p.forum.title, "last");
    assert_eq!(
        p.segments[0].speeches[0].paragraphs,
        [Block::Paragraph("q".into())]
    );
}
