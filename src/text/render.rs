//! What a renderer draws for one laid-out line: sanitised glyphs with their
//! widths and source ranges, or the whole line as a string for `--dump`.
//!
//! Widths here are computed exactly as the wrapper computed them (same
//! grapheme segmentation, same tab stops), so the glyphs of a line always add
//! up to its `width`.

use std::borrow::Cow;
use std::ops::Range;

use super::AmbiguousWidth;
use super::layout::LaidLine;
use super::sanitize::{Action, action, sanitize_grapheme};
use super::width::{Graphemes, grapheme_width, tab_cells};

/// One grapheme as drawn: `text` is sanitised (a tab becomes the spaces it
/// expands to, a control its visible stand-in) and takes `width` cells;
/// `range` is its bytes in the source.
///
/// A glyph may have width 0 (an orphan combining mark); a renderer should
/// attach it to the previous cell or skip it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph<'a> {
    pub text: Cow<'a, str>,
    pub width: usize,
    pub range: Range<usize>,
}

/// The glyphs of `text[range]`, content starting at column `start_col` (the
/// prefix width), which places the tab stops. Graphemes that draw as nothing
/// (bidi controls, stray zero-width characters) are skipped. A range that is
/// not a valid slice of `text` yields nothing.
pub fn glyphs<'a>(
    text: &'a str,
    range: Range<usize>,
    start_col: usize,
    amb: AmbiguousWidth,
) -> impl Iterator<Item = Glyph<'a>> {
    let base = range.start;
    let slice = text.get(range).unwrap_or_default();
    let mut col = start_col;
    let mut pos = base;
    Graphemes::new(slice).filter_map(move |g| {
        let start = pos;
        pos += g.len();
        let (text, width) = if g == "\t" {
            let w = tab_cells(col);
            (Cow::Owned(" ".repeat(w)), w)
        } else {
            let drawn = sanitize_grapheme(g);
            if drawn.is_empty() {
                return None;
            }
            (drawn, grapheme_width(g, amb))
        };
        col = col.wrapping_add(width);
        Some(Glyph {
            text,
            width,
            range: start..pos,
        })
    })
}

/// The line as plain text: prefix, then the sanitised content (for `--dump`).
/// `text` is the paragraph, or the list item `line.item` refers to.
pub fn line_string(text: &str, line: &LaidLine, amb: AmbiguousWidth) -> String {
    let mut out = String::with_capacity(line.prefix.len() + line.range.len() + 8);
    push_line(&mut out, text, line, amb);
    out
}

/// Appends [`line_string`]'s text to `out`, so that `--dump` builds its
/// output without a `String` per line.
///
/// Most lines hold nothing that sanitising changes (no control, tab, bidi
/// or zero-width char): then the glyphs are the source bytes themselves,
/// and one scan of the chars replaces segmenting, sanitising and measuring
/// every grapheme again.
pub fn push_line(out: &mut String, text: &str, line: &LaidLine, amb: AmbiguousWidth) {
    out.push_str(&line.prefix);
    let slice = text.get(line.range.clone()).unwrap_or_default();
    if is_drawn_as_is(slice) {
        out.push_str(slice);
        return;
    }
    for g in glyphs(text, line.range.clone(), line.prefix_width, amb) {
        out.push_str(&g.text);
    }
}

/// Whether every char of `s` is drawn as it is: no grapheme of it is then
/// changed or skipped by [`glyphs`].
#[inline]
fn is_drawn_as_is(s: &str) -> bool {
    s.chars().all(|c| action(c) == Action::Keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::Narrow;

    fn drawn(text: &str, start_col: usize) -> Vec<(String, usize)> {
        glyphs(text, 0..text.len(), start_col, Narrow)
            .map(|g| (g.text.into_owned(), g.width))
            .collect()
    }

    #[test]
    fn tabs_and_controls() {
        let got = drawn("a\tb\x1b\u{202E}中", 0);
        let want = [("a", 1), ("   ", 3), ("b", 1), ("␛", 1), ("中", 2)];
        let want: Vec<(String, usize)> = want.iter().map(|(s, w)| (s.to_string(), *w)).collect();
        assert_eq!(got, want);
        // Tab stops count the prefix: 'a' at column 2, then one cell to 4.
        assert_eq!(drawn("a\tb", 2)[1], (" ".to_string(), 1));
    }

    #[test]
    fn ranges_point_into_source() {
        let text = "x中\u{200B}y";
        let ranges: Vec<Range<usize>> = glyphs(text, 1..text.len(), 0, Narrow)
            .map(|g| g.range)
            .collect();
        assert_eq!(ranges, [1..4, 7..8]);
        assert_eq!(
            glyphs(text, 2..3, 0, Narrow).count(),
            0,
            "not a char boundary"
        );
    }

    #[test]
    fn dump_line() {
        // The range stops before the bell, as a wrapped line's would if the
        // bell were on the next line; inside the range it would show as ␇.
        let line = LaidLine {
            prefix: "\u{3000}\u{3000}".into(),
            prefix_width: 4,
            item: 0,
            range: 0..7,
            width: 6,
        };
        assert_eq!(
            line_string("中\t文\x07", &line, Narrow),
            "\u{3000}\u{3000}中  文"
        );
        let all = LaidLine {
            range: 0..8,
            ..line
        };
        assert_eq!(
            line_string("中\t文\x07", &all, Narrow),
            "\u{3000}\u{3000}中  文␇"
        );
    }
}
