//! The wrapper's input: one segment of text (no `\n`) turned into a stream
//! of graphemes, each with its width, whether it is white space, and the
//! tier of the break point before it.
//!
//! One forward pass walks the text alongside `unicode-linebreak`'s iterator;
//! the grapheme fast path ([`width::grapheme_end`]) and the Han shortcut in
//! [`breaks::tier`] keep the common case at a few table look-ups per char.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::AmbiguousWidth;
use super::breaks::{self, Around, NONE, Tier};
use super::width::{self, char_cells, grapheme_width};

/// What kind of grapheme a unit is, for the fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Drawn content; counts towards the line and may overflow it.
    Content,
    /// White space: hangs past the margin at a break and is trimmed there.
    Space,
    /// A tab: white space whose width depends on its column.
    Tab,
}

/// One grapheme of the segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    /// Byte range in the segment.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Cells (0 for a tab, whose width the fill computes).
    pub(crate) cells: usize,
    pub(crate) kind: Kind,
    /// Tier of a break just before this unit (`Any` at the segment start).
    pub(crate) tier: Tier,
}

/// The char starting at byte `i`, or [`NONE`] at the end.
#[inline]
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(NONE)
}

/// Iterator over the [`Unit`]s of one segment.
#[derive(Debug, Clone)]
pub(crate) struct Units<'a, I> {
    seg: &'a str,
    pos: usize,
    amb: AmbiguousWidth,
    breaks: I,
    /// Next UAX #14 opportunity at or after `pos` (usize::MAX when none).
    next_break: usize,
    pp: char,
    p: char,
    last_visible: char,
}

/// Units of `seg`, which must not contain `\n`.
pub(crate) fn units(
    seg: &str,
    amb: AmbiguousWidth,
) -> Units<'_, impl Iterator<Item = (usize, BreakOpportunity)> + '_> {
    Units {
        seg,
        pos: 0,
        amb,
        breaks: linebreaks(seg),
        next_break: 0,
        pp: NONE,
        p: NONE,
        last_visible: NONE,
    }
}

impl<I: Iterator<Item = (usize, BreakOpportunity)>> Iterator for Units<'_, I> {
    type Item = Unit;

    #[inline]
    fn next(&mut self) -> Option<Unit> {
        let seg = self.seg;
        let start = self.pos;
        if start >= seg.len() {
            return None;
        }
        let c = char_at(seg, start);
        let after_c = start + c.len_utf8();
        let n2 = char_at(seg, after_c);
        let end = if n2 == NONE || (width::is_simple(c) && width::is_simple(n2)) {
            after_c
        } else {
            width::grapheme_end(seg, start)
        };
        let single = end == after_c;

        // Mandatory breaks inside a segment (CR, VT, FF, NEL, U+2028/9) are
        // only opportunities here: `\n` alone is a hard break, the rest are
        // drawn as visible stand-ins.
        while self.next_break < start {
            self.next_break = self.breaks.next().map_or(usize::MAX, |(i, _)| i);
        }
        let tier = if start == 0 {
            Tier::Any
        } else {
            let around = Around {
                pp: self.pp,
                p: self.p,
                n: c,
                // For a quote that carries a mark, what follows the cluster.
                nn: if single { n2 } else { char_at(seg, end) },
                last_visible: self.last_visible,
            };
            breaks::tier(&around, self.next_break == start)
        };

        let (cells, kind) = if single {
            if c == '\t' {
                (0, Kind::Tab)
            } else if c.is_whitespace() {
                (char_cells(c, self.amb), Kind::Space)
            } else {
                (char_cells(c, self.amb), Kind::Content)
            }
        } else {
            (grapheme_width(&seg[start..end], self.amb), Kind::Content)
        };

        // Rules look at what each grapheme is, i.e. its base char.
        self.pp = self.p;
        self.p = c;
        if kind == Kind::Content {
            self.last_visible = c;
        }
        self.pos = end;
        Some(Unit {
            start,
            end,
            cells,
            kind,
            tier,
        })
    }
}
