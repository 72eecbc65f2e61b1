//! Line planning with look-ahead, for the segments where the greedy fill
//! leaves trouble: a forced break (a piece of text wider than the line had
//! to be split somewhere) or an orphan (孤字: a last line holding a single
//! letter or ideograph, with or without its punctuation).
//!
//! From two lines before the first trouble to the end of the segment, a
//! dynamic programme chooses the breaks of least cost, where a break costs
//! by its [`Tier`] (each tier far more than the one before, so no amount of
//! better spacing buys a broken rule), a line by its empty cells (so no
//! line is shorter than needed: `行動方案（2022—` / `2025年）` rather than
//! `行動方案` / `（2022—` / `2025年）`), and an orphaned last line by a
//! penalty worth more than any spacing but less than any rule. A split
//! inside a word or number that would fit a line whole costs more than
//! orphaned punctuation: `（Clean）` / `。` rather than `（Clea` / `n）。`.
//!
//! Each line start considers the greedy choice and the last
//! [`CANDIDATES`] break points that fit, so the greedy layout is always
//! one of the plans weighed (the plan is never worse by this cost) and the
//! work is linear in the segment. Ties go to the longer first line, which
//! keeps the greedy layout wherever it is as good. Segments over
//! [`MAX_UNITS`] graphemes, or holding tabs (whose width depends on the
//! column), keep the greedy layout.

use super::breaks::{Flags, Tier};
use super::units::{Kind, Unit};
use super::wrap::{Brk, Ending, Geometry, HANG_GUTTER, hangable, may_hang_before};

/// Longer segments keep the greedy layout (the fallback for huge
/// paragraphs; the planner is linear, but there is no need).
pub(crate) const MAX_UNITS: usize = 20_000;

/// Break points each line start considers besides the greedy one.
const CANDIDATES: usize = 8;

/// Costs add up in `u128`: a tier outweighs any sum of spacing costs over
/// [`MAX_UNITS`] lines, and no sum of tiers overflows.
type Cost = u128;

/// Empty cells count up to this many per line (squared: a line's spacing
/// cost is at most 2^20).
const MAX_SLACK: usize = 1 << 10;
/// An orphaned last line: more than the spacing of a few lines.
const ORPHAN: Cost = 1 << 24;
/// Costs of a break by tier, each 16 times the one before; the first is
/// more than [`MAX_UNITS`] lines of the worst spacing and an orphan.
const URL: Cost = 1 << 40;
const UAX: Cost = 1 << 44;
const SOFT: Cost = 1 << 48;
const LOOSE_LONG: Cost = 1 << 52;
const PUNCT: Cost = 1 << 56;
const LOOSE_SHORT: Cost = 1 << 60;
const ANY: Cost = 1 << 64;

/// Spacing cost of a line that is not the last: its empty cells squared,
/// so that two lines a little short beat one very short.
#[inline]
fn spacing(avail: usize, width: usize) -> Cost {
    let slack = avail.saturating_sub(width).min(MAX_SLACK) as Cost;
    slack * slack
}

/// Scratch space for planning, reused across segments.
#[derive(Debug, Default)]
pub(crate) struct Planner {
    /// Cells before unit `r` of the window (spaces included).
    x: Vec<usize>,
    /// One past the last content unit before `r` (the window's 0 if none).
    content_end: Vec<usize>,
    /// Letters, digits and ideographs from `r` to the end.
    letters: Vec<u32>,
    /// Least cost of laying out the window from `r`, and the first break.
    cost: Vec<Cost>,
    choice: Vec<Choice>,
    out: Vec<Brk>,
    /// The first `r` with `x[r]` past the end of the last line planned
    /// (from a later start): line ends only move back as starts do, so
    /// each is found by stepping back from the one before, not searched.
    past: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Choice {
    next: usize,
    tier: Option<Tier>,
}

/// Whether the last line `start..end` of a segment of several lines is an
/// orphan: it holds exactly one letter, digit or ideograph.
pub(crate) fn is_orphan(buf: &[Unit], start: usize, end: usize) -> bool {
    let mut letters = 0;
    for u in &buf[start..end] {
        if u.kind == Kind::Content && u.flags.has(Flags::LETTER) {
            letters += 1;
            if letters > 1 {
                return false;
            }
        }
    }
    letters == 1
}

/// A line (not the last) this many cells short of its width may have been
/// left short by a greedy choice: two ideographs.
const SHORT: usize = 4;

/// The first line of the greedy layout from which to re-plan, if any: two
/// lines before the first forced break or short line, or before the last
/// line when it is an orphan.
fn trouble(buf: &[Unit], lines: &[Brk], first: Geometry, rest: Geometry) -> Option<usize> {
    let (last, others) = lines.split_last()?;
    let troubled = |(k, l): (usize, &Brk)| {
        let avail = if k == 0 { first.avail } else { rest.avail };
        l.ending != Ending::Soft(Tier::Rule) || l.width + SHORT <= avail
    };
    if let Some(k) = others.iter().enumerate().position(troubled) {
        return Some(k.saturating_sub(2));
    }
    let rest = others;
    (!rest.is_empty() && is_orphan(buf, last.start, last.content_end))
        .then(|| lines.len().saturating_sub(3))
}

impl Planner {
    /// Re-plans `lines` (the greedy layout of `buf`) from before its first
    /// trouble, if it has any.
    pub(crate) fn improve(
        &mut self,
        buf: &[Unit],
        first: Geometry,
        rest: Geometry,
        hang: bool,
        lines: &mut Vec<Brk>,
    ) {
        if buf.len() > MAX_UNITS {
            return;
        }
        let Some(from) = trouble(buf, lines, first, rest) else {
            return;
        };
        let s0 = lines[from].start;
        if buf[s0..].iter().any(|u| u.kind == Kind::Tab) {
            return;
        }
        let geo0 = if from == 0 { first } else { rest };
        self.plan(buf, s0, geo0.avail, rest.avail, hang);
        lines.truncate(from);
        lines.extend_from_slice(&self.out);
    }

    /// Plans the lines of `buf[s0..]`, the first `avail0` cells wide and the
    /// others `avail`, into `self.out`.
    fn plan(&mut self, buf: &[Unit], s0: usize, avail0: usize, avail: usize, hang: bool) {
        let win = &buf[s0..];
        let m = win.len();
        self.x.clear();
        self.content_end.clear();
        self.x.push(0);
        self.content_end.push(0);
        for (r, u) in win.iter().enumerate() {
            self.x.push(self.x[r] + u.cells);
            let ce = if u.kind == Kind::Content {
                r + 1
            } else {
                self.content_end[r]
            };
            self.content_end.push(ce);
        }
        self.letters.clear();
        self.letters.resize(m + 1, 0);
        for r in (0..m).rev() {
            let u = &win[r];
            let letter = u.kind == Kind::Content && u.flags.has(Flags::LETTER);
            self.letters[r] = self.letters[r + 1] + u32::from(letter);
        }
        self.cost.clear();
        self.cost.resize(m + 1, Cost::MAX);
        self.choice.clear();
        self.choice.resize(m + 1, Choice::default());
        self.cost[m] = 0;
        self.past = m + 1;
        // Whether the window's first line follows another of the segment.
        let after_a_line = s0 > 0;
        for r in (0..m).rev() {
            if r > 0 && win[r].kind != Kind::Content {
                continue;
            }
            let line_avail = if r == 0 { avail0 } else { avail };
            self.best_from(buf, s0, r, line_avail, avail, hang, after_a_line || r > 0);
        }
        self.out.clear();
        let mut r = 0;
        while r < m {
            let c = self.choice[r];
            assert!(c.next > r, "no plan from unit {r}");
            let ce = self.content_end[c.next].max(r);
            self.out.push(Brk {
                start: s0 + r,
                content_end: s0 + ce,
                next: s0 + c.next,
                width: self.x[ce] - self.x[r],
                ending: c.tier.map_or(Ending::Hard, Ending::Soft),
            });
            r = c.next;
        }
    }

    /// Cells of the line from `r` that breaks before `j`.
    #[inline]
    fn width(&self, r: usize, j: usize) -> usize {
        let ce = self.content_end[j];
        if ce > r { self.x[ce] - self.x[r] } else { 0 }
    }

    /// Fills `cost[r]` and `choice[r]`: the best first line from `r`.
    #[allow(clippy::too_many_arguments)]
    fn best_from(
        &mut self,
        buf: &[Unit],
        s0: usize,
        r: usize,
        line_avail: usize,
        avail: usize,
        hang: bool,
        not_first: bool,
    ) {
        let win = &buf[s0..];
        let m = win.len();
        // The first content unit past `r` whose end overflows the line.
        let limit = self.x[r] + line_avail;
        let from = (r + 2).min(m + 1);
        let idx = if r == 0 {
            // The window's first line may be wider than the others.
            from + self.x[from..].partition_point(|&v| v <= limit)
        } else {
            while self.past > 0 && self.x[self.past - 1] > limit {
                self.past -= 1;
            }
            self.past.max(from)
        };
        let over = (idx <= m)
            .then(|| next_content_rel(win, idx - 1))
            .filter(|&k| k < m);
        let mut best = (Cost::MAX, 0usize, Choice::default());
        let consider = |cost: Cost, next: usize, c: Choice, best: &mut (Cost, usize, Choice)| {
            if cost < best.0 || (cost == best.0 && next > best.1) {
                *best = (cost, next, c);
            }
        };
        let last_line = |this: &Self| {
            if not_first && this.letters[r] == 1 {
                ORPHAN
            } else {
                0
            }
        };
        match over {
            None => {
                // The rest fits: it may be the last line.
                let c = Choice {
                    next: m,
                    tier: None,
                };
                consider(last_line(self), m, c, &mut best);
            }
            Some(k) => {
                if hang
                    && hangable(&win[k])
                    && self.x[k] - self.x[r] <= line_avail
                    && self.x[k + 1] - self.x[r] <= line_avail + HANG_GUTTER
                {
                    let j = next_content_rel(win, k + 1);
                    if may_hang_before(win, j) {
                        let (line, tier) = if j == m {
                            (last_line(self), None)
                        } else {
                            (
                                tier_cost(buf, s0 + j, avail, win[j].tier),
                                Some(win[j].tier),
                            )
                        };
                        let c = Choice { next: j, tier };
                        consider(line.saturating_add(self.cost[j]), j, c, &mut best);
                    }
                }
                // The greedy fallback: before the overflowing unit, when it
                // is not among the break points below.
                if win[k].tier == Tier::Any || self.content_end[k] <= r {
                    let c = Choice {
                        next: k,
                        tier: Some(Tier::Any),
                    };
                    consider(
                        (ANY + spacing(line_avail, self.width(r, k))).saturating_add(self.cost[k]),
                        k,
                        c,
                        &mut best,
                    );
                }
            }
        }
        // Break points that fit, from the last back: at least
        // `CANDIDATES`, and on until the greedy choice (the last `Rule`
        // point, else the best of all) has been seen.
        let top = over.unwrap_or(m.saturating_sub(1));
        let mut seen = 0;
        let mut rule_seen = false;
        for j in (r + 1..=top).rev() {
            if seen >= CANDIDATES && (rule_seen || over.is_none()) {
                break;
            }
            let t = win[j].tier;
            if t == Tier::Any || self.content_end[j] <= r {
                continue;
            }
            seen += 1;
            rule_seen |= t == Tier::Rule;
            // A line that breaks further back is no wider, so its spacing
            // costs at least this much: once the best plan costs no more,
            // no point from here back can beat it (a tie would go to the
            // longer line, which the best already is).
            let space = spacing(line_avail, self.width(r, j));
            if best.0 <= space {
                break;
            }
            let line = tier_cost(buf, s0 + j, avail, t) + space;
            let c = Choice {
                next: j,
                tier: Some(t),
            };
            consider(line.saturating_add(self.cost[j]), j, c, &mut best);
        }
        self.cost[r] = best.0;
        self.choice[r] = best.2;
    }
}

/// The first content unit at or after `i` of the window.
#[inline]
fn next_content_rel(win: &[Unit], i: usize) -> usize {
    super::wrap::next_content(win, i)
}

/// Cost of breaking before unit `j` of a segment at tier `t`; a `Loose`
/// split costs more when the word or number it splits would fit a line of
/// `avail` whole.
pub(crate) fn tier_cost(seg: &[Unit], j: usize, avail: usize, t: Tier) -> Cost {
    match t {
        Tier::Rule => 0,
        Tier::Url => URL,
        Tier::Uax => UAX,
        Tier::Soft => SOFT,
        Tier::Punct => PUNCT,
        Tier::Any => ANY,
        Tier::Loose => {
            // Measured only as far as `avail`, so that a long run costs no
            // more than a line's worth of look-up per break point.
            let wordish = |u: &&Unit| u.kind == Kind::Content && u.flags.has(Flags::WORDISH);
            let before = seg[..j].iter().rev().take_while(wordish);
            let after = seg[j..].iter().take_while(wordish);
            let mut cells = 0;
            for u in before.chain(after) {
                cells += u.cells;
                if cells > avail {
                    return LOOSE_LONG;
                }
            }
            LOOSE_SHORT
        }
    }
}
