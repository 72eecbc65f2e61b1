//! Whatever the bytes, the loader returns (never panics), every error and
//! warning is one printable line (files are untrusted input), and every
//! file that loads satisfies the format's invariants.

use std::collections::HashSet;

use forum_tui::model::{Block, Proceedings, load_bytes, load_path, load_path_limited};
use proptest::prelude::*;
use serde_json::Value;

const FULL: &str = "tests/fixtures/valid/full.json";

fn full_bytes() -> Vec<u8> {
    std::fs::read(FULL).expect("full.json")
}

/// One printable line: no C0/C1 control, DEL, line separator or bidi control.
fn assert_one_safe_line(line: &str) {
    let bad = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!line.chars().any(bad), "unsafe message: {line:?}");
}

/// Returns whether it loaded.
fn check(name: &str, bytes: &[u8]) -> bool {
    match load_bytes(name, bytes) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                assert_one_safe_line(&w.to_string());
            }
            assert_invariants(&loaded.proceedings);
            true
        }
        Err(e) => {
            assert_one_safe_line(&e.to_string());
            false
        }
    }
}

fn blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// `HH:MM`, `HH:MM:SS`, or `YYYY-MM-DDTHH:MM...`: the shape the loader
/// promises (its own tests check the details).
fn time_shaped(t: &str) -> bool {
    let b = t.as_bytes();
    let clock = |c: &[u8]| {
        c.len() >= 5
            && c[2] == b':'
            && c[..2].iter().chain(&c[3..5]).all(u8::is_ascii_digit)
            && (c[0] - b'0') * 10 + (c[1] - b'0') < 24
            && (c[3] - b'0') * 10 + (c[4] - b'0') < 60
    };
    match b.len() {
        5 | 8 => clock(b),
        _ => b.len() >= 16 && b[10] == b'T' && clock(&b[11..]),
    }
}

/// What every loaded file guarantees to the reader.
fn assert_invariants(p: &Proceedings) {
    assert!(!p.segments.is_empty(), "at least one segment");
    let mut speaker_ids = HashSet::new();
    for s in &p.speakers {
        assert!(!s.id.is_empty() && !s.id.chars().any(|c| c.is_whitespace() || c == '\u{feff}'));
        assert!(speaker_ids.insert(s.id.as_str()), "speaker ids unique");
        assert!(!blank(&s.name), "speaker names not blank");
    }
    let mut segment_ids = HashSet::new();
    let mut speech_ids = HashSet::new();
    for seg in &p.segments {
        assert!(!seg.id.is_empty() && !seg.id.chars().any(char::is_whitespace));
        assert!(segment_ids.insert(seg.id.as_str()), "segment ids unique");
        assert!(seg.parents.iter().all(|h| !blank(h)), "parents not blank");
        for sp in &seg.speeches {
            assert!(
                speech_ids.insert(sp.id.as_str()),
                "speech ids unique: {}",
                sp.id
            );
            assert!(!sp.paragraphs.is_empty(), "a speech has a block");
            if let Some(i) = sp.speaker {
                assert!(i.0 < p.speakers.len(), "speaker index in range");
            } else {
                assert!(
                    sp.title.is_some() || sp.is_note_only(),
                    "unattributed needs a title"
                );
            }
            if let Some(t) = &sp.time {
                assert!(time_shaped(t), "time {t:?}");
            }
            assert_eq!(
                sp.is_note_only(),
                sp.paragraphs.iter().all(|b| matches!(b, Block::Note(_)))
            );
        }
    }
}

/// Strings that like to break things: controls, bidi, CJK, quotes.
fn nasty_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('\u{1b}'),
            Just('\u{0}'),
            Just('\n'),
            Just('\u{202e}'),
            Just('\u{85}'),
            Just('"'),
            Just('\u{3000}'),
            Just('中'),
            any::<char>(),
        ],
        0..8,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        nasty_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map(nasty_string(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Places in full.json where a random value is put.
const PLACES: &[&str] = &[
    "/schema_version",
    "/forum",
    "/forum/title",
    "/forum/date",
    "/forum/organizers/0",
    "/forum/summary/1",
    "/forum/source",
    "/speakers",
    "/speakers/0/id",
    "/speakers/0/affiliations/1",
    "/speakers/2/kind",
    "/segments/0",
    "/segments/1/kind",
    "/segments/2/speeches/2",
    "/segments/3/speeches/1/speaker",
    "/segments/1/speeches/0/paragraphs/1",
    "/segments/2/participants",
];

/// A proceedings-shaped document from random parts, mostly valid (so that
/// many load and their invariants are checked), sometimes not.
fn proceedings_like() -> impl Strategy<Value = Value> {
    // Index-based ids, now and then a bad or colliding one.
    let id = |prefix: &'static str| {
        prop_oneof![
            8 => (0..6usize).prop_map(move |i| format!("{prefix}{i}")),
            1 => Just(String::new()),
            1 => nasty_string(),
        ]
    };
    let text = prop_oneof![
        6 => Just("發言。".to_owned()),
        1 => Just(" ".to_owned()),
        2 => nasty_string(),
    ];
    let block = prop_oneof![
        6 => text.clone().prop_map(Value::from),
        3 => text.clone().prop_map(|t| serde_json::json!({ "note": t })),
        1 => proptest::collection::vec(text.clone(), 0..3)
            .prop_map(|l| serde_json::json!({ "list": l })),
        1 => json_value(),
    ];
    let time = prop_oneof![
        4 => Just("09:30".to_owned()),
        1 => Just("24:00".to_owned()),
        1 => Just("2023-02-29T10:00".to_owned()),
        2 => Just("2024-02-29T23:59:59.5+08:00".to_owned()),
        1 => nasty_string(),
    ];
    let speech = (
        proptest::option::weighted(0.1, id("sp")),
        proptest::option::weighted(0.7, id("p")),
        proptest::option::weighted(0.3, text.clone()),
        proptest::option::weighted(0.3, time),
        proptest::collection::vec(block, 1..4),
    )
        .prop_map(|(id, speaker, title, time, paragraphs)| {
            let mut s = serde_json::Map::new();
            id.map(|v| s.insert("id".into(), v.into()));
            speaker.map(|v| s.insert("speaker".into(), v.into()));
            title.map(|v| s.insert("title".into(), v.into()));
            time.map(|v| s.insert("time".into(), v.into()));
            s.insert("paragraphs".into(), paragraphs.into());
            Value::Object(s)
        });
    let segment = (
        id("s"),
        proptest::collection::vec(text.clone(), 0..3),
        proptest::collection::vec(speech, 0..4),
    )
        .prop_map(|(id, parents, speeches)| {
            serde_json::json!({ "id": id, "kind": "other", "title": "t", "parents": parents,
                                "speeches": speeches })
        });
    (
        0..6usize,
        proptest::collection::vec(segment, 1..3),
        proptest::option::weighted(0.1, nasty_string()),
    )
        .prop_map(|(speakers, segments, odd_speaker)| {
            let mut speakers: Vec<Value> = (0..speakers)
                .map(|i| serde_json::json!({ "id": format!("p{i}"), "name": "甲" }))
                .collect();
            if let Some(id) = odd_speaker {
                speakers.push(serde_json::json!({ "id": id, "name": "乙" }));
            }
            serde_json::json!({ "schema_version": 1, "forum": { "title": "t" },
                                "speakers": speakers, "segments": segments })
        })
}

proptest! {
    #[test]
    fn proceedings_like_documents_load_only_when_sound(doc in proceedings_like()) {
        check("t.json", doc.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_json_never_panics(doc in json_value()) {
        check("t.json", doc.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        check("t.json", &bytes);
    }

    #[test]
    fn truncated_or_corrupted_files_never_panic(cut in 0usize..4000, at in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = full_bytes();
        let len = bytes.len();
        check("t.json", &bytes[..cut.min(len)]);
        bytes[at % len] = byte;
        check("t.json", &bytes);
    }

    #[test]
    fn any_value_anywhere_never_panics(place in 0..PLACES.len(), value in json_value(), name in nasty_string()) {
        let mut doc: Value = serde_json::from_slice(&full_bytes()).expect("full.json");
        *doc.pointer_mut(PLACES[place]).expect("place exists") = value;
        check(&name, doc.to_string().as_bytes());
    }

    #[test]
    fn any_key_anywhere_never_panics(place in 0..PLACES.len(), key in nasty_string(), value in json_value()) {
        let mut doc: Value = serde_json::from_slice(&full_bytes()).expect("full.json");
        let parent = PLACES[place].rsplit_once('/').map_or("", |(p, _)| p);
        if let Some(Value::Object(map)) = doc.pointer_mut(parent) {
            map.insert(key, value);
        }
        check("t.json", doc.to_string().as_bytes());
    }
}

#[test]
fn special_files_are_errors_not_hangs() {
    #[cfg(unix)]
    {
        let e = load_path(std::path::Path::new("/dev/null")).expect_err("empty");
        assert_eq!(
            e.to_string(),
            "/dev/null: empty file, expected a JSON object"
        );
        // An endless device is read up to the size limit, then refused
        // (1 GiB by default for a stream; a small one here).
        let zero = std::path::Path::new("/dev/zero");
        let e = load_path_limited(zero, Some(1 << 20)).expect_err("endless");
        assert_eq!(
            e.to_string(),
            "/dev/zero: larger than 1 MiB, not read (--max-size sets the limit)"
        );
    }
}

/// The generator above is only worth its invariants if many of its
/// documents load: at least one in ten does.
#[test]
fn proceedings_like_documents_often_load() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = proceedings_like();
    let loaded = (0..300)
        .filter(|_| {
            let doc = strategy
                .new_tree(&mut runner)
                .expect("a document")
                .current();
            check("t.json", doc.to_string().as_bytes())
        })
        .count();
    assert!(loaded >= 30, "only {loaded} of 300 loaded");
}
