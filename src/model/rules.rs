//! Small rules of the format that the validator applies: what counts as
//! whitespace in an id, what counts as a control character in text, and
//! how speech ids left out of a file are made. The JSON Schema states the
//! whitespace rule the same way.

use std::collections::{HashMap, HashSet};

use super::path::JsonPath;
use super::raw::RawSegment;

/// Whitespace for ids and names: Unicode White_Space (U+3000 included)
/// and U+FEFF, which the schema's pattern spells out the same way.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A control character, as the format means it: C0 and C1 controls and
/// DEL, except `\n` (a hard line break) and `\t`.
fn is_control_char(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `control character U+0004`, `control characters U+0004 (2 times), U+0005`.
pub(super) fn control_chars_message(text: &str) -> Option<String> {
    // Every text of the file passes here: look at bytes first. C0 and DEL
    // are single bytes; a C1 control (U+0080–U+009F) starts with 0xC2.
    let suspect = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xc2);
    next_byte(text.as_bytes(), 0, suspect)?;
    let mut found: Vec<(char, usize)> = Vec::new();
    for c in text.chars().filter(|&c| is_control_char(c)) {
        match found.iter_mut().find(|(f, _)| *f == c) {
            Some((_, n)) => *n += 1,
            None => found.push((c, 1)),
        }
    }
    let list: Vec<String> = found
        .iter()
        .map(|&(c, n)| match n {
            1 => format!("U+{:04X}", u32::from(c)),
            n => format!("U+{:04X} ({n} times)", u32::from(c)),
        })
        .collect();
    match found.as_slice() {
        [] => None,
        [(_, 1)] => Some(format!("control character {}", list[0])),
        _ => Some(format!("control characters {}", list.join(", "))),
    }
}

/// Whether any string of the JSON `text` can hold a control character
/// (one that [`control_chars_message`] names). JSON strings cannot hold a
/// raw C0 control, so one can come only from an escape other than `\n`,
/// `\t`, `\"`, `\\`, `\/` (say `\u001b` or `\r`), or from a raw DEL or C1
/// control (U+0080–U+009F, bytes C2 80–C2 9F). One pass over the file,
/// mostly skipping 64 bytes at a time, saves looking at every string.
pub(super) fn may_hold_controls(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_suspect(b, i) {
        match b[at] {
            0x7f => return true,
            0xc2 if b.get(at + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) => return true,
            b'\\' => match b.get(at + 1) {
                Some(b'n' | b't' | b'"' | b'\\' | b'/') => {
                    i = at + 2;
                    continue;
                }
                Some(b'u') => {
                    let hex = b
                        .get(at + 2..at + 6)
                        .and_then(|h| std::str::from_utf8(h).ok());
                    match hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
                        Some(c) if c < 0x20 && c != 0x0a && c != 0x09 => return true,
                        Some(0x7f..=0x9f) => return true,
                        Some(_) => {}
                        // Not an escape serde_json accepts: the file fails anyway.
                        None => return true,
                    }
                    i = at + 6;
                    continue;
                }
                _ => return true,
            },
            _ => {}
        }
        i = at + 1;
    }
    false
}

/// The first backslash, DEL or 0xC2 byte at or after `from`.
fn next_suspect(b: &[u8], from: usize) -> Option<usize> {
    next_byte(b, from, |c| (c == b'\\') | (c == 0x7f) | (c == 0xc2))
}

/// The first byte at or after `from` for which `is_suspect` holds. The
/// 64-byte blocks are tested without branches, which the compiler
/// vectorises: every text of a file goes through here.
fn next_byte(b: &[u8], from: usize, is_suspect: impl Fn(u8) -> bool) -> Option<usize> {
    let mut blocks = b[from..].chunks_exact(64);
    let mut offset = from;
    for block in &mut blocks {
        // Fixed length, no early exit: this loop becomes vector code.
        let mut any = 0u8;
        for &c in block {
            any |= u8::from(is_suspect(c));
        }
        if any != 0 {
            return block
                .iter()
                .position(|&c| is_suspect(c))
                .map(|p| offset + p);
        }
        offset += 64;
    }
    let rest = blocks.remainder();
    rest.iter().position(|&c| is_suspect(c)).map(|p| offset + p)
}

/// Speech ids: the given ones (checked for duplicates in file order) and
/// the made ones (`SEGMENT/N`), which never collide with any given id.
pub(super) struct SpeechIds {
    pub(super) given: HashSet<String>,
    pub(super) seen: HashMap<String, JsonPath>,
    pub(super) made: HashSet<String>,
}

impl SpeechIds {
    pub(super) fn new(segments: &[RawSegment]) -> SpeechIds {
        let given = segments
            .iter()
            .flat_map(|s| s.speeches.iter().flatten())
            .filter_map(|s| s.id.clone())
            .collect();
        SpeechIds {
            given,
            seen: HashMap::new(),
            made: HashSet::new(),
        }
    }

    pub(super) fn make(&mut self, segment_id: &str, number: usize) -> String {
        let base = format!("{segment_id}/{number}");
        let mut id = base.clone();
        let mut n = 1;
        while self.given.contains(&id) || self.made.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.made.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_named_by_code_point() {
        assert_eq!(control_chars_message("plain\ttext\nok 中文　"), None);
        assert_eq!(
            control_chars_message("a\u{4}b").as_deref(),
            Some("control character U+0004")
        );
        assert_eq!(
            control_chars_message("\u{4}1,274\u{5}\u{4}").as_deref(),
            Some("control characters U+0004 (2 times), U+0005")
        );
        assert_eq!(
            control_chars_message("\r\u{7f}\u{85}").as_deref(),
            Some("control characters U+000D, U+007F, U+0085")
        );
    }

    #[test]
    fn the_file_scan_finds_every_way_a_control_gets_in() {
        for (json, controls) in [
            (
                r#"{"a": "plain 中文", "b": "line\nbreak\ttab \"q\" \\ \/"}"#,
                false,
            ),
            (r#"{"a": "\u4e2d\u000a\u0009 \u00a0 \u00c2"}"#, false),
            ("{\"a\": \"\u{a0}\u{c0}é\"}", false),
            (r#"{"a": "esc \u001b"}"#, true),
            (r#"{"a": "\u001B"}"#, true),
            (r#"{"a": "cr \r"}"#, true),
            (r#"{"a": "\b\f"}"#, true),
            (r#"{"a": "del \u007f"}"#, true),
            (r#"{"a": "c1 \u009b"}"#, true),
            ("{\"a\": \"del \u{7f}\"}", true),
            ("{\"a\": \"csi \u{9b}\"}", true),
            // An escaped backslash before "u001b" is text, not an escape.
            (r#"{"a": "\\u001b"}"#, false),
            (r#"{"a": "\u00"}"#, true),
        ] {
            assert_eq!(may_hold_controls(json), controls, "{json}");
        }
        // Far into the file, across a 64-byte block boundary.
        let long = format!("{{\"a\": \"{}\\u0007\"}}", "中".repeat(40));
        assert!(may_hold_controls(&long));
        for pad in 0..70 {
            let s = format!("{}\\n{}", "x".repeat(pad), "y".repeat(pad));
            assert!(!may_hold_controls(&s), "{pad}");
            let s = format!("{}\\r", "x".repeat(pad));
            assert!(may_hold_controls(&s), "{pad}");
        }
    }

    proptest::proptest! {
        /// The scan never misses a string that has a control character,
        /// however serde_json writes it (raw or escaped).
        #[test]
        fn the_scan_never_misses_a_control(s in "(\\PC|\\pC|[\u{0}-\u{9f}]){0,12}", escape in proptest::bool::ANY) {
            let json = if escape {
                s.chars().map(|c| format!("\\u{:04x}", u32::from(c) & 0xffff)).collect::<String>()
            } else {
                serde_json::to_string(&s).unwrap()
            };
            let decoded: String = serde_json::from_str(&format!("\"{}\"", json.trim_matches('"')))
                .unwrap_or_default();
            if control_chars_message(&decoded).is_some() {
                proptest::prop_assert!(may_hold_controls(&json), "{json}");
            }
        }
    }

    #[test]
    fn made_speech_ids_avoid_given_ones() {
        let mut ids = SpeechIds {
            given: ["s/1".to_owned(), "s/1-2".to_owned()].into_iter().collect(),
            seen: HashMap::new(),
            made: HashSet::new(),
        };
        assert_eq!(ids.make("s", 1), "s/1-3");
        assert_eq!(ids.make("s", 2), "s/2");
        assert_eq!(ids.make("t", 1), "t/1");
    }
}
