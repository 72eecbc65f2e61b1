//! The wrapper's input: one segment of text (no `\n`) turned into a stream
//! of graphemes, each with its width, whether it is white space, and the
//! tier of the break point before it.
//!
//! One forward pass walks the text alongside `unicode-linebreak`'s iterator.
//! Each char is decoded and classified once (as lookahead); simple chars
//! skip grapheme segmentation ([`width::is_simple`]) and runs of Han skip
//! the line-break iterator, so the common case costs a few table look-ups
//! per char.
//!
//! Two kinds of span override the tiers the rules give: a URL (`http://`,
//! `https://`, `ftp://` or `www.` up to white space or a non-ASCII char)
//! breaks inside only after `/`, `?`, `&` or `#` ([`Tier::Url`]), and U+3000
//! used as padding inside a short name or label (`薛　凌`, `編輯　佟明彪`,
//! `時　　間`) is no opportunity unless the line has no other
//! ([`Tier::Uax`]).

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::AmbiguousWidth;
use super::breaks::{self, Around, Flags, NONE, Tier, flags};
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
    /// What the rules know of the unit's base char.
    pub(crate) flags: Flags,
}

/// The ideographic space, the padding of names and labels.
const IDEOGRAPHIC_SPACE: char = '\u{3000}';
/// The longest name or label that U+3000 pads (`簡任編審　周志聖`); after a
/// longer run of Han it separates words.
const MAX_PADDED_RUN: u32 = 4;

/// Where the URL starting at `seg[start..]` ends, if one starts there.
fn url_end(seg: &str, start: usize) -> Option<usize> {
    let rest = &seg[start..];
    let scheme = ["http://", "https://", "ftp://", "www."].iter().any(|p| {
        rest.len() > p.len()
            && rest
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    });
    if !scheme {
        return None;
    }
    // ASCII graphic chars, without the brackets and quotes that enclose a
    // URL in prose or markup; trailing sentence punctuation is not part of
    // it.
    let len = rest
        .bytes()
        .position(|b| !b.is_ascii_graphic() || b"<>\"'()[]{}".contains(&b))
        .unwrap_or(rest.len());
    let url = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
    Some(start + url.len())
}

/// Whether the U+3000 at `seg[at..]`, after a run of `run` Han chars that
/// starts a word, pads a name or label rather than separating words: one
/// U+3000 (`薛　凌`, `編輯　佟明彪`), or two between single characters
/// (`時　　間`). Returns where the padding ends.
fn padding_end(seg: &str, at: usize, run: u32) -> Option<usize> {
    let rest = &seg[at..];
    let spaces = rest.chars().take_while(|&c| c == IDEOGRAPHIC_SPACE).count();
    let after = &rest[spaces * IDEOGRAPHIC_SPACE.len_utf8()..];
    let han_after = after
        .chars()
        .take_while(|&c| width::is_han(c as u32))
        .count();
    let pads = match spaces {
        1 => han_after >= 1,
        2 => run == 1 && han_after == 1,
        _ => false,
    };
    pads.then(|| at + spaces * IDEOGRAPHIC_SPACE.len_utf8())
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
    /// UAX #14 opportunities of `seg[breaks_from..]`.
    breaks: I,
    breaks_from: usize,
    /// Restarts `breaks` (it is `unicode_linebreak::linebreaks`).
    restart: fn(&'a str) -> I,
    /// `breaks` was not advanced through a run of Han characters.
    stale: bool,
    /// Next UAX #14 opportunity at or after `pos` (usize::MAX when none).
    next_break: usize,
    /// Where the previous grapheme starts.
    prev_start: usize,
    /// The char at `pos` and whether it is [`width::is_simple`]: each char
    /// is decoded and classified once, as lookahead, then reused.
    next: char,
    next_simple: bool,
    next_flags: Flags,
    /// Flags of the base chars of the two previous graphemes.
    pp: Flags,
    p: Flags,
    p_char: char,
    /// The previous grapheme is a single Han char.
    p_han: bool,
    last_visible: Flags,
    /// Length of the run of Han chars before `pos` (saturating), and
    /// whether it began a word (after the start, white space or
    /// punctuation): what tells padding from a word separator.
    han_run: u32,
    run_starts_word: bool,
    /// The URL being read ends here (0: none).
    url_end: usize,
    /// The break before the unit at this byte is padding (0: none).
    padding_end: usize,
}

/// Units of `seg`, which must not contain `\n`.
pub(crate) fn units(
    seg: &str,
    amb: AmbiguousWidth,
) -> Units<'_, impl Iterator<Item = (usize, BreakOpportunity)> + '_> {
    let next = char_at(seg, 0);
    Units {
        seg,
        pos: 0,
        amb,
        breaks: linebreaks(seg),
        breaks_from: 0,
        restart: linebreaks,
        stale: false,
        next_break: 0,
        prev_start: 0,
        next,
        next_simple: width::is_simple(next),
        next_flags: flags(next),
        pp: flags(NONE),
        p: flags(NONE),
        p_char: NONE,
        p_han: false,
        last_visible: flags(NONE),
        han_run: 0,
        run_starts_word: false,
        url_end: 0,
        padding_end: 0,
    }
}

impl<I: Iterator<Item = (usize, BreakOpportunity)>> Iterator for Units<'_, I> {
    type Item = Unit;

    // Inlined into the fill loop so the unit never round-trips through
    // memory (measured: ~15% of wrap time on the benchmark corpus).
    #[inline(always)]
    fn next(&mut self) -> Option<Unit> {
        let seg = self.seg;
        let start = self.pos;
        if start >= seg.len() {
            return None;
        }
        let c = self.next;
        let c_flags = self.next_flags;
        let after_c = start + c.len_utf8();
        let n2 = char_at(seg, after_c);
        let n2_simple = width::is_simple(n2);
        let end = if n2 == NONE || (self.next_simple && n2_simple) {
            self.next = n2;
            self.next_simple = n2_simple;
            self.next_flags = flags(n2);
            after_c
        } else {
            let end = width::grapheme_end(seg, start);
            self.next = char_at(seg, end);
            self.next_simple = width::is_simple(self.next);
            self.next_flags = flags(self.next);
            end
        };
        let single = end == after_c;

        let han = c_flags.has(Flags::HAN);
        let tier = if start == 0 {
            self.override_tier(0, c, Tier::Any)
        } else if han && self.p_han {
            // Between two Han characters UAX #14 always allows a break (no
            // rule forbids ID ÷ ID) and no rule of ours applies, so the
            // line-break iterator need not even look: it is left behind and
            // restarted after the run, which saves most of its work on
            // Chinese prose.
            self.stale = true;
            Tier::Rule
        } else {
            if self.stale {
                // Restart at the Han character before this boundary: after
                // consuming one ID char UAX #14's state is the same whatever
                // came before it (tested in `prop_tests`).
                self.breaks = (self.restart)(&seg[self.prev_start..]);
                self.breaks_from = self.prev_start;
                self.next_break = self.prev_start;
                self.stale = false;
            }
            // Mandatory breaks inside a segment (CR, VT, FF, NEL, U+2028/9)
            // are only opportunities here: `\n` alone is a hard break, the
            // rest are drawn as visible stand-ins.
            while self.next_break < start {
                let from = self.breaks_from;
                self.next_break = self.breaks.next().map_or(usize::MAX, |(i, _)| from + i);
            }
            let uax = self.next_break == start;
            let around = Around {
                pp: self.pp,
                p: self.p,
                n: c_flags,
                // For a quote that carries a mark, what follows the cluster.
                nn: self.next_flags,
                same: self.p_char == c,
                last_visible: self.last_visible,
            };
            // URLs and padding never involve a pair of Han chars, so only
            // this path looks for them.
            self.override_tier(start, c, breaks::tier(&around, uax))
        };

        let (cells, kind) = if !single {
            (grapheme_width(&seg[start..end], self.amb), Kind::Content)
        } else if han {
            (2, Kind::Content)
        } else if c == '\t' {
            (0, Kind::Tab)
        } else if c_flags.has(Flags::SPACE) {
            (char_cells(c, self.amb), Kind::Space)
        } else {
            (char_cells(c, self.amb), Kind::Content)
        };

        // Han runs, for telling padding from separating space.
        if han && single {
            if self.han_run == 0 {
                self.run_starts_word = !self.p.has(Flags::LETTER);
            }
            self.han_run = self.han_run.saturating_add(1);
        } else {
            self.han_run = 0;
        }

        // Rules look at what each grapheme is, i.e. its base char.
        self.pp = self.p;
        self.p = c_flags;
        self.p_char = c;
        self.prev_start = start;
        self.p_han = han && single;
        if kind == Kind::Content {
            self.last_visible = c_flags;
        }
        self.pos = end;
        Some(Unit {
            start,
            end,
            cells,
            kind,
            tier,
            flags: c_flags,
        })
    }
}

impl<I> Units<'_, I> {
    /// The tier of the break before the char `c` at `start`, once URLs and
    /// padding are accounted for. Also notices where they begin.
    #[inline]
    fn override_tier(&mut self, start: usize, c: char, tier: Tier) -> Tier {
        if start < self.url_end {
            // Inside a URL: only after `/ ? & #` (not inside `//`).
            let after_separator = matches!(self.p_char, '/' | '?' | '&' | '#') && c != '/';
            return if after_separator {
                Tier::Url
            } else {
                Tier::Any
            };
        }
        if start == self.padding_end && start > 0 {
            // A padding break is taken only when nothing better fits.
            return tier.max(Tier::Uax);
        }
        if matches!(c, 'h' | 'H' | 'f' | 'F' | 'w' | 'W') && !self.p.has(Flags::WORD) {
            if let Some(end) = url_end(self.seg, start) {
                self.url_end = end;
            }
        } else if c == IDEOGRAPHIC_SPACE
            && self.p_han
            && self.run_starts_word
            && (1..=MAX_PADDED_RUN).contains(&self.han_run)
            && let Some(end) = padding_end(self.seg, start, self.han_run)
        {
            self.padding_end = end;
        }
        tier
    }
}
