//! What of a proceedings file may reach the terminal, and what it becomes.
//!
//! This module owns the one classification of "unsafe" characters that the
//! width calculation, the wrapper and the renderer all share, so that what we
//! measure is exactly what we draw:
//!
//! * C0 controls and DEL become their Control Picture (U+2400–U+2421), C1
//!   controls (CSI U+009B, NEL…) become U+FFFD, and the line/paragraph
//!   separators U+2028/U+2029 become ␤ (U+2424): visible, one glyph each, so
//!   no escape sequence or cursor movement can be smuggled in.
//! * Bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9) are
//!   dropped: they could reorder what the terminal shows ("Trojan Source").
//! * Invisible format characters (ZWSP, WJ, BOM, soft hyphen, …) are dropped:
//!   terminals disagree about whether they take a cell.
//! * ZWJ/ZWNJ survive only *inside* a grapheme (between its first and last
//!   char, as in an emoji ZWJ sequence), tag characters only inside a
//!   well-formed subdivision flag (🏴, 2–6 tag letters or digits, CANCEL
//!   TAG, as in the flag of Scotland); everywhere else the whole Tags block (U+E0000–U+E007F)
//!   is dropped, so no hidden text can ride on a tag run.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

/// What happens to one char on its way to the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Drawn as is.
    Keep,
    /// Drawn as this visible stand-in.
    Replace(char),
    /// Never drawn.
    Drop,
    /// ZWJ/ZWNJ: kept only strictly inside a grapheme.
    Joiner,
    /// Tag characters: kept only inside an emoji tag sequence.
    Tag,
}

/// The black flag, the only base of the recommended emoji tag sequences.
const TAG_BASE: char = '\u{1F3F4}';

/// Classifies one char. Printable ASCII is answered first because it is the
/// common case in every caller's hot loop.
#[inline]
pub(crate) fn action(c: char) -> Action {
    let u = c as u32;
    if (0x20..0x7f).contains(&u) {
        return Action::Keep;
    }
    match u {
        // C0: the Control Pictures block mirrors it code point for code point.
        0x00..=0x1f => Action::Replace(char::from_u32(0x2400 + u).unwrap_or('\u{FFFD}')),
        0x7f => Action::Replace('\u{2421}'),
        // C1 has no pictures; U+FFFD says "something was here".
        0x80..=0x9f => Action::Replace('\u{FFFD}'),
        0x2028 | 0x2029 => Action::Replace('\u{2424}'),
        // Bidi embeddings, overrides, isolates and marks.
        0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069 => Action::Drop,
        // Invisible format characters whose cell width terminals disagree on.
        0x00ad | 0x180e | 0x200b | 0x2060..=0x2064 | 0x206a..=0x206f | 0xfeff | 0xfff9..=0xfffb => {
            Action::Drop
        }
        0x200c | 0x200d => Action::Joiner,
        0xe0020..=0xe007f => Action::Tag,
        // The language tag (deprecated) and the unassigned rest of the block.
        0xe0000..=0xe001f => Action::Drop,
        _ => Action::Keep,
    }
}

/// True for every char that [`sanitize`] replaces or may drop: controls (C0,
/// DEL, C1), U+2028/U+2029, bidi controls, invisible format characters,
/// zero-width joiners and tag characters (the last two survive only inside a
/// grapheme where they belong).
pub fn is_unsafe_char(c: char) -> bool {
    action(c) != Action::Keep
}

/// Makes a single-line label safe to draw: every control, `\n` and `\t`
/// included, becomes a visible stand-in, bidi controls and stray zero-width
/// characters are dropped. Borrows when nothing needs changing.
///
/// ```
/// use forum_tui::text::sanitize::sanitize;
/// assert_eq!(sanitize("質量\x1b[31m"), "質量␛[31m");
/// assert_eq!(sanitize("a\u{202E}b"), "ab");
/// ```
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for g in s.graphemes(true) {
        push_grapheme(g, &mut out);
    }
    Cow::Owned(out)
}

/// The drawable form of one grapheme: borrowed when it is already safe.
pub(crate) fn sanitize_grapheme(g: &str) -> Cow<'_, str> {
    if !g.chars().any(is_unsafe_char) {
        return Cow::Borrowed(g);
    }
    let mut out = String::with_capacity(g.len() + 2);
    push_grapheme(g, &mut out);
    Cow::Owned(out)
}

/// Appends the drawable form of one grapheme cluster to `out`.
///
/// A joiner is kept only between two chars that are drawn as they are,
/// inside the cluster: that is where a ZWJ glues an emoji sequence or an
/// Indic half-form together. Anywhere else it joins nothing we draw and
/// could make a terminal merge cells. (Judging by the neighbours, which are
/// themselves kept, makes sanitising idempotent.)
pub(crate) fn push_grapheme(g: &str, out: &mut String) {
    let flag = is_flag_sequence(g);
    let mut prev = Action::Drop;
    let mut chars = g.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let action = action(c);
        match action {
            Action::Keep => out.push(c),
            Action::Replace(r) => out.push(r),
            Action::Drop => {}
            Action::Joiner => {
                let next = chars.peek().map_or(Action::Drop, |&n| self::action(n));
                if prev == Action::Keep && next == Action::Keep {
                    out.push(c);
                }
            }
            Action::Tag => {
                if flag && !first {
                    out.push(c);
                }
            }
        }
        prev = action;
        first = false;
    }
}

/// 🏴 followed by 2–6 tag digits or lowercase tag letters and CANCEL TAG
/// (U+E007F): the shape of the emoji subdivision flags (gbsct, usca).
/// Anything else carrying tags could hide text, and loses them.
fn is_flag_sequence(g: &str) -> bool {
    let Some(tags) = g.strip_prefix(TAG_BASE) else {
        return false;
    };
    let Some(spec) = tags.strip_suffix('\u{E007F}') else {
        return false;
    };
    let n = spec.chars().count();
    (2..=6).contains(&n)
        && spec
            .chars()
            .all(|c| matches!(c, '\u{E0030}'..='\u{E0039}' | '\u{E0061}'..='\u{E007A}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &str)] = &[
            ("plain 質量", "plain 質量"),
            ("a\nb\tc\r", "a␊b␉c␍"),
            ("\x1b[2J\x07", "␛[2J␇"),
            ("\0\x7f", "␀␡"),
            ("x\u{9b}31m", "x\u{FFFD}31m"),
            ("\u{85}", "\u{FFFD}"),
            ("a\u{2028}b", "a␤b"),
            ("\u{202E}abc\u{202C}", "abc"),
            ("\u{2066}x\u{2069}\u{200E}\u{200F}\u{61C}", "x"),
            ("a\u{200B}b\u{FEFF}c\u{2060}", "abc"),
            ("soft\u{AD}hyphen", "softhyphen"),
            // ZWJ inside an emoji sequence survives, a stray one does not.
            ("👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧"),
            ("a\u{200D}", "a"),
            ("\u{200D}a", "a"),
            ("\u{200C}", ""),
            ("中\u{200C}\u{200C}", "中"),
            ("👨\u{200D}\u{200D}👩", "👨👩"),
            // Tags survive only in a flag tag sequence.
            (
                "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
                "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
            ),
            ("a\u{E0041}\u{E0042}", "a"),
            // Text hidden in tags after a flag base, or a malformed flag,
            // loses its tags; so do the language tag and unassigned tags.
            (
                "🏴\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}\u{E0020}\u{E0061}\u{E007F}",
                "🏴",
            ),
            ("🏴\u{E0067}\u{E0062}\u{E0073}", "🏴"),
            ("🏴\u{E0047}\u{E0042}\u{E007F}", "🏴"),
            ("\u{E0001}\u{E0065}\u{E006E}x", "x"),
            ("a\u{E0000}b\u{E0002}c\u{E001F}", "abc"),
            ("e\u{301}", "e\u{301}"),
        ];
        for (input, want) in cases {
            assert_eq!(sanitize(input), *want, "input {input:?}");
            assert!(!sanitize(input).chars().any(char::is_control));
        }
    }

    #[test]
    fn borrows_when_clean() {
        assert!(matches!(sanitize("中文 text"), Cow::Borrowed(_)));
        assert!(matches!(sanitize("a\tb"), Cow::Owned(_)));
    }

    #[test]
    fn unsafe_chars() {
        for c in [
            '\0', '\t', '\n', '\x1b', '\x7f', '\u{9b}', '\u{202E}', '\u{2067}', '\u{200B}',
        ] {
            assert!(is_unsafe_char(c), "{c:?}");
        }
        for c in ['a', '中', '“', '\u{3000}', ' ', '\u{301}', '\u{FE0F}'] {
            assert!(!is_unsafe_char(c), "{c:?}");
        }
        // Everything `char::is_control` flags is unsafe.
        for u in 0..0x110000u32 {
            if let Some(c) = char::from_u32(u)
                && c.is_control()
            {
                assert!(matches!(action(c), Action::Replace(_)), "{u:X}");
            }
        }
    }
}
