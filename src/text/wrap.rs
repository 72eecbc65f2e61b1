//! Greedy line filling: splits text into lines of at most a given number of
//! cells, returning byte ranges of the source (nothing is copied).
//!
//! Each `\n` is a hard break. Within a segment the fill takes graphemes
//! until the next one would overflow, then breaks at the last point of the
//! best tier the line offers: a UAX #14 opportunity our rules allow, else
//! one they forbid, else a boundary that breaks no rule, else the boundary
//! before the overflowing grapheme (see `breaks.rs`).
//! White space never causes an overflow: it hangs past the margin and is
//! trimmed from the line, so no line ends in white space and a continuation
//! line never starts with it.
//! Leading white space of a segment is content (an author's indent).
//! Tabs expand to the next multiple of 4 cells, counted from the column the
//! content starts at (the indent).

use std::ops::Range;

use super::AmbiguousWidth;
use super::breaks::Tier;
use super::units::{Kind, Unit, units};
use super::width::tab_cells;

/// One wrapped line: a byte range of the source and its width in cells
/// (tabs expanded). Neither includes trailing white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapLine {
    pub range: Range<usize>,
    pub width: usize,
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
/// numbers). The indents also set where tab stops fall.
pub fn wrap_with_indent(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    amb: AmbiguousWidth,
) -> Vec<WrapLine> {
    // Han takes 3 bytes for 2 cells; guessing the line count up front saves
    // the Vec's regrowth copies on long paragraphs.
    let bytes_per_line = width.max(1).saturating_mul(3) / 2;
    let mut out = Vec::with_capacity(text.len() / bytes_per_line + 1);
    wrap_core(text, width, first_indent, rest_indent, amb, |line, _| {
        out.push(line);
    });
    out
}

/// [`wrap_with_indent`] with how each line ended.
#[cfg(test)]
pub(crate) fn wrap_explained(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    amb: AmbiguousWidth,
) -> Vec<(WrapLine, Ending)> {
    let mut out = Vec::new();
    wrap_core(text, width, first_indent, rest_indent, amb, |line, end| {
        out.push((line, end));
    });
    out
}

/// Line geometry: how many cells content may take and where it starts.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    avail: usize,
    col: usize,
}

fn wrap_core(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
    amb: AmbiguousWidth,
    mut emit: impl FnMut(WrapLine, Ending),
) {
    let geometry = |indent: usize| Geometry {
        avail: width.saturating_sub(indent).max(1),
        col: indent,
    };
    let first = geometry(first_indent);
    let rest = geometry(rest_indent);
    let mut buf: Vec<Unit> = Vec::new();
    let mut offset = 0;
    let mut geo = first;
    for seg in text.split('\n') {
        fill_segment(seg, offset, amb, &mut geo, rest, &mut buf, &mut emit);
        offset += seg.len() + 1;
        geo = rest;
    }
}

/// Where the line would end if it broke before unit `at`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    at: usize,
    content_end: usize,
    width: usize,
}

/// Fills one `\n`-free segment. `buf` is scratch space reused across
/// segments so that wrapping allocates nothing per line.
fn fill_segment(
    seg: &str,
    offset: usize,
    amb: AmbiguousWidth,
    geo: &mut Geometry,
    rest: Geometry,
    buf: &mut Vec<Unit>,
    emit: &mut impl FnMut(WrapLine, Ending),
) {
    let mut source = units(seg, amb);
    buf.clear();
    // Per line: `x` counts every cell so far (hanging space included, since
    // content after it sits further right); `content_end`/`content_width`
    // stop at the last non-space unit.
    let mut line_start = 0;
    let mut i = 0;
    let mut x = 0;
    let mut content_end = 0;
    let mut content_width = 0;
    // The last candidate of each tier better than `Tier::Any`.
    let mut best: [Option<Candidate>; 4] = [None; 4];
    loop {
        if i == buf.len() {
            match source.next() {
                Some(u) => buf.push(u),
                None => break,
            }
        }
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
            let (cand, tier) = match best {
                [Some(c), ..] => (c, Tier::Rule),
                [None, Some(c), ..] => (c, Tier::Uax),
                [None, None, Some(c), _] => (c, Tier::Soft),
                [None, None, None, Some(c)] => (c, Tier::Loose),
                [None, None, None, None] => (
                    Candidate {
                        at: i,
                        content_end,
                        width: content_width,
                    },
                    Tier::Any,
                ),
            };
            emit(
                line(buf, line_start, cand.content_end, offset, cand.width),
                Ending::Soft(tier),
            );
            // Restart the fill at the break: the carried-over units are
            // measured again, since the new line's indent and tab stops
            // differ. Drop what is done so `buf` stays one line long.
            buf.drain(..cand.at);
            *geo = rest;
            line_start = 0;
            i = 0;
            x = 0;
            content_end = 0;
            content_width = 0;
            best = [None; 4];
            continue;
        }
        x += w;
        i += 1;
        content_end = i;
        content_width = x;
    }
    if buf.is_empty() {
        emit(
            WrapLine {
                range: offset..offset,
                width: 0,
            },
            Ending::Hard,
        );
    } else {
        emit(
            line(buf, line_start, content_end, offset, content_width),
            Ending::Hard,
        );
    }
}

/// The line made of `buf[start..content_end]` (empty at `buf[start]` when
/// it has no content).
#[inline]
fn line(buf: &[Unit], start: usize, content_end: usize, offset: usize, width: usize) -> WrapLine {
    let begin = offset + buf[start].start;
    let end = if content_end > start {
        offset + buf[content_end - 1].end
    } else {
        begin
    };
    WrapLine {
        range: begin..end,
        width,
    }
}
