//! Display width in terminal cells, measured per grapheme cluster, and the
//! fast grapheme segmentation that the wrapper and renderer share.
//!
//! A grapheme is measured as it is drawn (see [`super::sanitize`]): a control
//! takes the width of its visible stand-in, a dropped char takes none. A
//! single char takes its `unicode-width` width; a cluster of several takes
//! 2 when any of its chars is wide (Han, emoji presentation), otherwise the
//! `unicode-width` width of the cluster — the same number ratatui's buffer
//! uses, so a renderer that hands our glyphs to ratatui stays aligned.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::AmbiguousWidth;
use super::sanitize::{self, Action};

/// Tab stops are every this many cells (only the wrapper expands tabs).
pub(crate) const TAB_STOP: usize = 4;

/// Cells a tab takes when it starts at column `col`.
#[inline]
pub(crate) fn tab_cells(col: usize) -> usize {
    TAB_STOP - col % TAB_STOP
}

/// Han ideographs (unified, extensions, compatibility): always 2 cells and
/// never part of a longer cluster's rules. Checked first because it is the
/// bulk of Chinese prose.
#[inline]
pub(crate) fn is_han(u: u32) -> bool {
    (0x4e00..=0x9fff).contains(&u)
        || (0x3400..=0x4dbf).contains(&u)
        || (0xf900..=0xfaff).contains(&u)
        || (0x20000..=0x3fffd).contains(&u)
}

/// Whether `c` has the East Asian Width property Ambiguous (`EAW=A`): the
/// characters [`AmbiguousWidth::Wide`] counts 2 cells when they are
/// otherwise 1 (Greek and Cyrillic letters included).
#[inline]
pub fn is_east_asian_ambiguous(c: char) -> bool {
    super::eaw::is_ambiguous(c)
}

/// Cells of one char as `unicode-width` counts it, except that in wide mode
/// every East Asian Ambiguous char of width 1 takes 2: `width_cjk` keeps
/// Greek and Cyrillic narrow, which a terminal set to wide ambiguous
/// characters does not.
#[inline]
fn plain_width(c: char, amb: AmbiguousWidth) -> usize {
    match amb {
        AmbiguousWidth::Narrow => c.width().unwrap_or(0),
        AmbiguousWidth::Wide => {
            let w = c.width_cjk().unwrap_or(0);
            if w == 1 && is_east_asian_ambiguous(c) {
                2
            } else {
                w
            }
        }
    }
}

/// Cells of one char that forms a grapheme on its own, as drawn.
#[inline]
pub(crate) fn char_cells(c: char, amb: AmbiguousWidth) -> usize {
    let u = c as u32;
    if (0x20..0x7f).contains(&u) {
        return 1;
    }
    if is_han(u) {
        return 2;
    }
    match sanitize::action(c) {
        Action::Keep => plain_width(c, amb),
        Action::Replace(r) => plain_width(r, amb),
        Action::Drop | Action::Joiner | Action::Tag => 0,
    }
}

/// Width of one grapheme cluster as we render it.
///
/// ```
/// use forum_tui::text::{AmbiguousWidth::Narrow, width::grapheme_width};
/// assert_eq!(grapheme_width("中", Narrow), 2);
/// assert_eq!(grapheme_width("e\u{301}", Narrow), 1);
/// assert_eq!(grapheme_width("👨\u{200D}👩\u{200D}👧", Narrow), 2);
/// assert_eq!(grapheme_width("\x1b", Narrow), 1); // drawn as ␛
/// ```
pub fn grapheme_width(g: &str, amb: AmbiguousWidth) -> usize {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    if chars.as_str().is_empty() {
        return char_cells(first, amb);
    }
    let drawn = sanitize::sanitize_grapheme(g);
    cluster_width(&drawn, amb)
}

/// Width of an already sanitised cluster of several chars.
fn cluster_width(s: &str, amb: AmbiguousWidth) -> usize {
    if s.chars().any(|c| plain_width(c, amb) == 2) {
        return 2;
    }
    match amb {
        AmbiguousWidth::Narrow => s.width(),
        AmbiguousWidth::Wide => s.width_cjk(),
    }
}

/// Width of a string: the sum over its graphemes. Controls count as their
/// visible stand-in (so a tab counts 1 here), bidi controls 0.
pub fn str_width(s: &str, amb: AmbiguousWidth) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    Graphemes::new(s).map(|g| grapheme_width(g, amb)).sum()
}

/// The longest prefix of `s` that ends on a grapheme boundary and fits in
/// `max` cells, with its width. Zero-width graphemes at the cut are kept.
pub fn truncate(s: &str, max: usize, amb: AmbiguousWidth) -> (&str, usize) {
    let mut width = 0;
    let mut end = 0;
    for g in Graphemes::new(s) {
        let w = grapheme_width(g, amb);
        if width + w > max {
            break;
        }
        width += w;
        end += g.len();
    }
    (&s[..end], width)
}

/// Whether `c` can neither extend the cluster before it nor be extended by an
/// ordinary char after it. For a pair of such chars the grapheme rules of
/// UAX #29 always put a boundary in between (no Extend, ZWJ, SpacingMark,
/// Prepend, Hangul jamo, regional indicator or CR among them), so the common
/// case can skip the full segmentation state machine.
#[inline]
pub(crate) fn is_simple(c: char) -> bool {
    let u = c as u32;
    if u < 0x7f {
        return u >= 0x20;
    }
    // Tested in order of frequency in Chinese prose; the exclusions are the
    // ideographic tone marks and the kana voicing marks, which extend.
    if (0x3000..=0x9fff).contains(&u) {
        return !(0x302a..=0x302f).contains(&u) && !(0x3099..=0x309a).contains(&u);
    }
    matches!(
        u,
        0xa0..=0xac
            | 0xae..=0x2ff
            | 0x2010..=0x2027
            | 0x2030..=0x205e
            | 0xf900..=0xfaff
            | 0xff01..=0xff9d
            | 0x20000..=0x3fffd
    )
}

/// Byte index where the grapheme starting at `start` ends.
#[inline]
pub(crate) fn grapheme_end(s: &str, start: usize) -> usize {
    let rest = &s[start..];
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return start;
    };
    let next = start + c.len_utf8();
    match chars.next() {
        None => next,
        Some(n) if is_simple(c) && is_simple(n) => next,
        Some(_) => {
            let mut cursor = GraphemeCursor::new(start, s.len(), true);
            match cursor.next_boundary(s, 0) {
                Ok(Some(end)) => end,
                // Cannot happen with the whole string as the chunk; fall back
                // to the library's own iterator rather than guess.
                _ => start + rest.graphemes(true).next().map_or(rest.len(), str::len),
            }
        }
    }
}

/// Grapheme clusters of a string, with the ASCII/CJK fast path.
#[derive(Debug, Clone)]
pub(crate) struct Graphemes<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Graphemes<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Graphemes { s, pos: 0 }
    }
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.pos >= self.s.len() {
            return None;
        }
        let start = self.pos;
        self.pos = grapheme_end(self.s, start);
        Some(&self.s[start..self.pos])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    #[test]
    fn widths() {
        let cases: &[(&str, usize, usize)] = &[
            ("", 0, 0),
            ("abc", 3, 3),
            ("中文", 4, 4),
            ("“質量”", 6, 8),
            ("—…·①", 4, 8),
            ("┌─┐", 3, 6),
            ("e\u{301}", 1, 1),
            ("👨\u{200D}👩\u{200D}👧", 2, 2),
            ("👍🏽", 2, 2),
            ("❤\u{FE0F}", 2, 2),
            ("🇨🇳", 2, 2),
            ("ｶﾞ", 2, 2),
            ("a\tb", 3, 3),
            ("\x1b[0m", 4, 4),
            ("\u{9b}", 1, 2),
            ("a\u{202E}b\u{200B}", 2, 2),
            ("\r\n", 2, 2),
            ("\u{3000}", 2, 2),
            // Wide mode follows the EAW property, Greek and Cyrillic too.
            ("αβγ", 3, 6),
            ("Дом", 3, 6),
            ("α\u{301}", 1, 2),
            ("\u{E8FB}", 1, 2),
            ("　　你好，世界。", 16, 16),
        ];
        for &(s, narrow, wide) in cases {
            assert_eq!(str_width(s, Narrow), narrow, "narrow {s:?}");
            assert_eq!(str_width(s, Wide), wide, "wide {s:?}");
        }
    }

    /// Wide mode counts 2 for every ambiguous char of width 1 and for every
    /// char `unicode-width` counts 2 in CJK mode; nothing else changes.
    #[test]
    fn wide_mode_is_the_union_of_eaw_and_width_cjk() {
        for u in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let (narrow, wide) = (plain_width(c, Narrow), plain_width(c, Wide));
            let cjk = c.width_cjk().unwrap_or(0);
            let want = if narrow == 1 && is_east_asian_ambiguous(c) {
                2
            } else {
                cjk
            };
            assert_eq!(wide, want, "U+{u:04X}");
            assert!(wide >= narrow, "U+{u:04X}");
        }
    }

    #[test]
    fn truncation() {
        assert_eq!(truncate("中文字", 5, Narrow), ("中文", 4));
        assert_eq!(truncate("中文字", 6, Narrow), ("中文字", 6));
        assert_eq!(truncate("ab", 0, Narrow), ("", 0));
        assert_eq!(truncate("e\u{301}x", 1, Narrow), ("e\u{301}", 1));
        assert_eq!(truncate("“a”", 1, Wide), ("", 0));
        assert_eq!(truncate("“a”", 3, Wide), ("“a", 3));
        assert_eq!(truncate("a\u{200B}b", 1, Narrow), ("a\u{200B}", 1));
    }

    #[test]
    fn simple_chars_never_join() {
        // Pairing each "simple" char with itself and with chars of the
        // other kinds exposes every way it could join (Extend, SpacingMark,
        // ZWJ, Prepend, Hangul jamo, regional indicators).
        for u in 0..0x40000u32 {
            let Some(c) = char::from_u32(u).filter(|&c| is_simple(c)) else {
                continue;
            };
            for pair in [
                [c, c],
                [c, 'a'],
                ['a', c],
                [c, '中'],
                ['中', c],
                [c, '\u{301}'],
            ] {
                let s: String = pair.iter().collect();
                let expect = if pair[1] == '\u{301}' { 1 } else { 2 };
                assert_eq!(s.graphemes(true).count(), expect, "U+{u:04X} in {s:?}");
            }
        }
    }

    #[test]
    fn fast_segmentation_matches_library() {
        let samples = [
            "中文，English 123 ｶﾞ e\u{301} 👨\u{200D}👩\u{200D}👧 🇨🇳🇺🇸 각ᄀᄀ \r\n \u{3099}か\u{3099}",
            "क्षि ‼\u{FE0F} ©\u{FE0F} a\u{200D}b \u{0600}1 ٣",
        ];
        for s in samples {
            let ours: Vec<&str> = Graphemes::new(s).collect();
            let lib: Vec<&str> = s.graphemes(true).collect();
            assert_eq!(ours, lib);
        }
    }
}
