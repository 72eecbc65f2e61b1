//! Whatever the bytes, the loader returns (never panics), and every error
//! and warning is one printable line: files are untrusted input.

use forum_tui::model::{load_bytes, load_path, load_path_limited};
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

fn check(name: &str, bytes: &[u8]) {
    match load_bytes(name, bytes) {
        Ok(loaded) => loaded
            .warnings
            .iter()
            .for_each(|w| assert_one_safe_line(&w.to_string())),
        Err(e) => assert_one_safe_line(&e.to_string()),
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

proptest! {
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
