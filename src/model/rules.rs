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
    let suspect = |b: &u8| (*b < 0x20 && *b != b'\n' && *b != b'\t') || *b == 0x7f || *b == 0xc2;
    if !text.as_bytes().iter().any(suspect) {
        return None;
    }
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
