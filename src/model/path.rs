//! JSON paths as shown in messages (`segments[3].speeches[1].speaker`), and
//! the one function that makes every message safe to print.

use std::fmt;

/// A place in a JSON document: `forum.date`, `speakers[0].id`. The root is
/// the empty path. Keys that are not plain words are quoted
/// (`forum["a.b"]`) so that a path always reads back unambiguously.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JsonPath(String);

impl JsonPath {
    /// The whole document.
    pub(crate) fn root() -> JsonPath {
        JsonPath(String::new())
    }

    /// The member `key` of the object at this path.
    pub(crate) fn key(&self, key: &str) -> JsonPath {
        let mut s = self.0.clone();
        push_key(&mut s, key);
        JsonPath(s)
    }

    /// The element `index` of the array at this path.
    pub(crate) fn index(&self, index: usize) -> JsonPath {
        JsonPath(format!("{}[{index}]", self.0))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// Converts a path recorded by `serde_path_to_error`, so that serde's
    /// errors and the loader's own read alike.
    pub(crate) fn from_serde(path: &serde_path_to_error::Path) -> JsonPath {
        use serde_path_to_error::Segment;
        let mut s = String::new();
        for segment in path.iter() {
            match segment {
                Segment::Seq { index } => s.push_str(&format!("[{index}]")),
                Segment::Map { key } => push_key(&mut s, key),
                Segment::Enum { variant } => push_key(&mut s, variant),
                Segment::Unknown => push_key(&mut s, "?"),
            }
        }
        JsonPath(s)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn push_key(s: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key.chars().all(|c| {
            !c.is_whitespace() && !c.is_control() && !matches!(c, '.' | '[' | ']' | '"' | '\\')
        });
    if plain {
        if !s.is_empty() {
            s.push('.');
        }
        s.push_str(key);
    } else {
        s.push_str("[\"");
        for c in key.chars() {
            if matches!(c, '"' | '\\') {
                s.push('\\');
            }
            s.push(c);
        }
        s.push_str("\"]");
    }
}

/// A value from the file, quoted for a message: `"a\\b \"c\""`. The
/// backslash and the quote are escaped, so that a file cannot make a
/// literal `\u{1b}` (six characters) read like the escaped ESC that
/// [`escape_for_message`] writes, nor end the quotes early.
pub(crate) fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// True for a character that must never reach a terminal from a message:
/// C0 and C1 controls, DEL, line and paragraph separators, and the bidi
/// controls and marks (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
pub(super) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Makes text safe to print on one terminal line: every unsafe character
/// (see [`is_unsafe`]), including `\n` and `\t`, is written as `\u{1b}`.
/// Every error and warning the loader makes goes through this function.
pub(crate) fn escape_for_message(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_json_access() {
        let root = JsonPath::root();
        assert_eq!(root.as_str(), "");
        assert_eq!(root.key("forum").key("date").as_str(), "forum.date");
        assert_eq!(
            root.key("speakers").index(0).key("id").as_str(),
            "speakers[0].id"
        );
        let speech = root.key("segments").index(3).key("speeches").index(1);
        assert_eq!(
            speech.key("speaker").to_string(),
            "segments[3].speeches[1].speaker"
        );
        assert_eq!(root.index(2).as_str(), "[2]");
    }

    #[test]
    fn non_ascii_keys_stay_bare() {
        assert_eq!(
            JsonPath::root().key("forum").key("標題").as_str(),
            "forum.標題"
        );
    }

    #[test]
    fn awkward_keys_are_quoted() {
        let forum = JsonPath::root().key("forum");
        assert_eq!(forum.key("a.b").as_str(), r#"forum["a.b"]"#);
        assert_eq!(forum.key("").as_str(), r#"forum[""]"#);
        assert_eq!(forum.key("two words").as_str(), r#"forum["two words"]"#);
        assert_eq!(forum.key(r#"say "hi""#).as_str(), r#"forum["say \"hi\""]"#);
        assert_eq!(JsonPath::root().key("x]").as_str(), r#"["x]"]"#);
        // A control character is quoted here and escaped later, when the
        // message is made.
        assert_eq!(forum.key("a\u{1b}").as_str(), "forum[\"a\u{1b}\"]");
    }

    #[test]
    fn serde_paths_convert() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            items: Vec<Item>,
        }
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            name: String,
        }
        let value = serde_json::json!({"items": [{"name": "a"}, {"name": 5}]});
        let err = serde_path_to_error::deserialize::<_, Doc>(&value)
            .err()
            .expect("a wrong type");
        assert_eq!(JsonPath::from_serde(err.path()).as_str(), "items[1].name");
    }

    #[test]
    fn quoted_values_cannot_pass_for_escapes() {
        assert_eq!(quoted("lee"), r#""lee""#);
        assert_eq!(quoted(r"a\u{1b}b"), r#""a\\u{1b}b""#);
        assert_eq!(quoted(r#"say "hi""#), r#""say \"hi\"""#);
        // A real ESC is left to escape_for_message, which makes it `\u{1b}`.
        assert_eq!(escape_for_message(&quoted("a\u{1b}")), r#""a\u{1b}""#);
        assert_ne!(
            escape_for_message(&quoted("a\u{1b}")),
            escape_for_message(&quoted(r"a\u{1b}"))
        );
    }

    #[test]
    fn escaping_keeps_text_and_escapes_controls() {
        assert_eq!(escape_for_message("plain 中文 text"), "plain 中文 text");
        assert_eq!(escape_for_message("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(
            escape_for_message("tab\tnew\nline"),
            "tab\\u{9}new\\u{a}line"
        );
        assert_eq!(
            escape_for_message("\u{0}\u{7f}\u{85}\u{9f}"),
            "\\u{0}\\u{7f}\\u{85}\\u{9f}"
        );
        assert_eq!(
            escape_for_message("x\u{202e}y\u{2066}z"),
            "x\\u{202e}y\\u{2066}z"
        );
        assert_eq!(escape_for_message("\u{2028}\u{200f}"), "\\u{2028}\\u{200f}");
        // U+3000 (ideographic space) and U+A0 are text, not controls.
        assert_eq!(escape_for_message("報　告\u{a0}"), "報　告\u{a0}");
    }
}
