//! Line filling: splits text into lines of at most a given number of
//! cells, returning byte ranges of the source (nothing is copied).
//!
//! Each `\n` is a hard break. A segment (the text between hard breaks) is
//! first filled greedily: the fill takes graphemes until the next one would
//! overflow, then breaks at the last point of the best tier the line offers
//! (a UAX #14 opportunity our rules allow, else inside a URL after `/ ? & #`,
//! else one our rules forbid, else a boundary that breaks no rule, … else
//! the boundary before the overflowing grapheme: see `breaks.rs`). With
//! hanging punctuation on, a full-width closing mark that would overflow
//! stays on the line in a gutter of [`HANG_GUTTER`] cells instead.
//! When that leaves a forced break or an orphan (a last line of one
//! character), the planner (`plan.rs`) re-plans the segment from two lines before
//! the trouble, looking ahead; greedy stays the answer otherwise and for
//! huge segments.
//! White space never causes an overflow: it hangs past the margin and is
//! trimmed from the line, so no line ends in white space and a continuation
//! line never starts with it.
//! Leading white space of a segment is content (an author's indent).
//! Tabs expand to the next multiple of 4 cells, counted from the column the
//! content starts at (the indent).

use std::cell::Cell;
use std::ops::Range;

use super::AmbiguousWidth;
use super::breaks::{Flags, Tier};
use super::plan;
use super::units::{Kind, Unit, units};
use super::width::tab_cells;

/// One wrapped line: a byte range of the source and its width in cells
/// (tabs expanded). Neither includes trailing white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapLine {
    pub range: Range<usize>,
    pub width: usize,
}

/// Cells a hung mark may take past the width: one full-width character.
pub const HANG_GUTTER: usize = 2;

/// How text is wrapped: the ambiguous width, and whether full-width closing
/// punctuation (`。，、：；！？` and closing brackets and quotes) that would
/// push a character to the next line may hang past the width instead, in a
/// gutter of [`HANG_GUTTER`] cells (行尾懸掛). Off by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WrapOptions {
    pub amb: AmbiguousWidth,
    pub hang: bool,
}

impl From<AmbiguousWidth> for WrapOptions {
    fn from(amb: AmbiguousWidth) -> Self {
        WrapOptions { amb, hang: false }
    }
}

/// How a line ended, for tests that check why a rule was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// Before a `\n`, or at the end of the text.
    Hard,
    /// A soft break of this tier.
    Soft(Tier),
}

/// Wraps `text` to `width` cells with no indent.
///
/// ```
/// use forum_tui::text::{AmbiguousWidth::Narrow, wrap::wrap};
/// let text = "中文中文，中文";
/// let lines: Vec<&str> = wrap(text, 8, Narrow).iter().map(|l| &text[l.range.clone()]).collect();
/// assert_eq!(lines, ["中文中", "文，中文"]);
/// ```
pub fn wrap(text: &str, width: usize, amb: AmbiguousWidth) -> Vec<WrapLine> {
    wrap_with_indent(text, width, 0, 0, amb)
}

/// Wraps `text` so that line 0 fits `width - first_indent` cells and the
/// others `width - rest_indent` (at least one grapheme per line whatever the
/// numbers; a hung mark may add [`HANG_GUTTER`] cells). The indents also
/// set where tab stops fall. `opts` is an [`AmbiguousWidth`] or
/// [`WrapOptions`].
pub fn wrap_with_indent(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    opts: impl Into<WrapOptions>,
) -> Vec<WrapLine> {
    // Han takes 3 bytes for 2 cells; guessing the line count up front saves
    // the Vec's regrowth copies on long paragraphs.
    let bytes_per_line = width.max(1).saturating_mul(3) / 2;
    let mut out = Vec::with_capacity(text.len() / bytes_per_line + 1);
    wrap_each(
        text,
        width,
        first_indent,
        rest_indent,
        opts.into(),
        |line| out.push(line),
    );
    out
}

/// [`wrap_with_indent`], handing each line to `emit` as it is made, so
/// that the layout builds its own lines without a `Vec` in between.
pub(crate) fn wrap_each(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    opts: WrapOptions,
    mut emit: impl FnMut(WrapLine),
) {
    wrap_core(
        text,
        width,
        first_indent,
        rest_indent,
        opts,
        Method::Planned,
        |line, _| emit(line),
    );
}

/// [`wrap_with_indent`] with how each line ended, by either method.
#[cfg(test)]
pub(crate) fn wrap_explained(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    opts: WrapOptions,
    method: Method,
) -> Vec<(WrapLine, Ending)> {
    let mut out = Vec::new();
    wrap_core(
        text,
        width,
        first_indent,
        rest_indent,
        opts,
        method,
        |line, end| out.push((line, end)),
    );
    out
}

/// Line geometry: how many cells content may take and where it starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Geometry {
    pub(crate) avail: usize,
    pub(crate) col: usize,
}

/// How lines are chosen (tests compare the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// Greedy fill only.
    #[cfg_attr(not(test), allow(dead_code))]
    Greedy,
    /// Greedy, re-planned where it leaves trouble.
    Planned,
}

/// One line of a segment in unit indices: content `start..content_end`
/// (`width` cells), the next line starting at unit `next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Brk {
    pub(crate) start: usize,
    pub(crate) content_end: usize,
    pub(crate) next: usize,
    pub(crate) width: usize,
    pub(crate) ending: Ending,
}

fn wrap_core(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    opts: WrapOptions,
    method: Method,
    mut emit: impl FnMut(WrapLine, Ending),
) {
    let geometry = |indent: usize| Geometry {
        avail: width.saturating_sub(indent).max(1),
        col: indent,
    };
    let rest = geometry(rest_indent);
    // Taken out of the cell (not borrowed), so nothing `emit` does can
    // find it in use.
    let mut scratch = SCRATCH.take();
    let Scratch {
        buf,
        lines,
        planner,
    } = &mut scratch;
    let mut offset = 0;
    let mut geo = geometry(first_indent);
    for seg in text.split('\n') {
        buf.clear();
        buf.extend(units(seg, opts.amb));
        lines.clear();
        greedy(buf, geo, rest, opts.hang, lines);
        if method == Method::Planned {
            planner.improve(buf, geo, rest, opts.hang, lines);
        }
        for l in lines.iter() {
            emit(line(buf, l, offset), l.ending);
        }
        offset += seg.len() + 1;
        geo = rest;
    }
    if scratch.buf.capacity() <= KEEP_UNITS && scratch.lines.capacity() <= KEEP_UNITS {
        SCRATCH.set(scratch);
    }
}

/// What wrapping a segment needs besides its text: its units, its lines
/// and the planner's tables.
#[derive(Debug, Default)]
struct Scratch {
    buf: Vec<Unit>,
    lines: Vec<Brk>,
    planner: plan::Planner,
}

thread_local! {
    /// Kept per thread between calls: a page or a `--dump` wraps many
    /// thousands of paragraphs, and growing these afresh for each was a
    /// tenth of `--dump`'s time (malloc, realloc's copies, free).
    static SCRATCH: Cell<Scratch> = Cell::default();
}

/// Scratch grown past this many units (2 MB) by one huge paragraph is let
/// go rather than held for the rest of the run. The planner's tables stay
/// small: it plans at most [`plan::MAX_UNITS`] units.
const KEEP_UNITS: usize = 1 << 16;

/// Where the line would end if it broke before unit `at`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    at: usize,
    content_end: usize,
    width: usize,
}

/// Whether a unit is a mark that may hang in the gutter.
#[inline]
pub(crate) fn hangable(u: &Unit) -> bool {
    u.kind == Kind::Content && u.flags.has(Flags::HANG) && u.cells <= HANG_GUTTER
}

/// Whether a line may end after the hung unit `i`: what follows it (past
/// any white space) may start a line.
#[inline]
pub(crate) fn may_hang_before(buf: &[Unit], j: usize) -> bool {
    buf.get(j)
        .is_none_or(|u| matches!(u.tier, Tier::Rule | Tier::Url))
}

/// The first content unit at or after `i` (`buf.len()` when none).
#[inline]
pub(crate) fn next_content(buf: &[Unit], i: usize) -> usize {
    buf[i.min(buf.len())..]
        .iter()
        .position(|u| u.kind == Kind::Content)
        .map_or(buf.len(), |k| i + k)
}

/// Fills one segment's units greedily into `out`: per line, the last break
/// point of the best tier that fits.
fn greedy(buf: &[Unit], first: Geometry, rest: Geometry, hang: bool, out: &mut Vec<Brk>) {
    // Per line: `x` counts every cell so far (hanging space included, since
    // content after it sits further right); `content_end`/`content_width`
    // stop at the last non-space unit.
    let mut geo = first;
    let mut line_start = 0;
    let mut i = 0;
    let mut x = 0;
    let mut content_end = 0;
    let mut content_width = 0;
    // The last candidate of each tier better than `Tier::Any`.
    let mut best: [Option<Candidate>; 6] = [None; 6];
    while i < buf.len() {
        let u = buf[i];
        if i > line_start && content_end > line_start && u.tier != Tier::Any {
            best[u.tier as usize] = Some(Candidate {
                at: i,
                content_end,
                width: content_width,
            });
        }
        let w = match u.kind {
            Kind::Tab => tab_cells(geo.col.wrapping_add(x)),
            _ => u.cells,
        };
        if u.kind != Kind::Content {
            x += w;
            i += 1;
            continue;
        }
        if x + w > geo.avail && i > line_start {
            let cand = if hang
                && hangable(&u)
                && x <= geo.avail
                && x + w <= geo.avail + HANG_GUTTER
                && may_hang_before(buf, next_content(buf, i + 1))
            {
                // The mark hangs; the line breaks after it.
                let next = next_content(buf, i + 1);
                if next == buf.len() {
                    x += w;
                    i += 1;
                    content_end = i;
                    content_width = x;
                    continue;
                }
                Some((
                    Candidate {
                        at: next,
                        content_end: i + 1,
                        width: x + w,
                    },
                    buf[next].tier,
                ))
            } else {
                None
            };
            let (cand, tier) = cand
                .or_else(|| best.iter().zip(TIERS).find_map(|(c, t)| c.map(|c| (c, t))))
                .unwrap_or((
                    Candidate {
                        at: i,
                        content_end,
                        width: content_width,
                    },
                    Tier::Any,
                ));
            out.push(Brk {
                start: line_start,
                content_end: cand.content_end,
                next: cand.at,
                width: cand.width,
                ending: Ending::Soft(tier),
            });
            // Restart the fill at the break: the carried-over units are
            // measured again, since the new line's indent and tab stops
            // differ.
            geo = rest;
            line_start = cand.at;
            i = cand.at;
            x = 0;
            content_end = cand.at;
            content_width = 0;
            best = [None; 6];
            continue;
        }
        x += w;
        i += 1;
        content_end = i;
        content_width = x;
    }
    out.push(Brk {
        start: line_start,
        content_end,
        next: buf.len(),
        width: content_width,
        ending: Ending::Hard,
    });
}

/// The tiers in `best`'s order.
const TIERS: [Tier; 6] = [
    Tier::Rule,
    Tier::Url,
    Tier::Uax,
    Tier::Soft,
    Tier::Loose,
    Tier::Punct,
];

/// The line `l` of a segment at byte `offset` (empty at its start when it
/// has no content).
#[inline]
fn line(buf: &[Unit], l: &Brk, offset: usize) -> WrapLine {
    let Some(first) = buf.get(l.start) else {
        // An empty segment.
        let at = offset + buf.last().map_or(0, |u| u.end);
        return WrapLine {
            range: at..at,
            width: 0,
        };
    };
    let begin = offset + first.start;
    let end = if l.content_end > l.start {
        offset + buf[l.content_end - 1].end
    } else {
        begin
    };
    WrapLine {
        range: begin..end,
        width: l.width,
    }
}
