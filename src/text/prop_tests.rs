//! Property tests of the wrapper over arbitrary Unicode and over text biased
//! towards what breaks line breakers: CJK with its punctuation, digits and
//! separators, Latin words, every kind of space, controls, joiners.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::AmbiguousWidth::{self, Narrow, Wide};
use super::breaks::{Flags, Tier, flags, is_digit, no_end, no_start};
use super::plan::tier_cost;
use super::render::glyphs;
use super::units::{Kind, Unit, units};
use super::width::{is_han, str_width};
use super::wrap::{Ending, HANG_GUTTER, Method, WrapLine, WrapOptions, wrap_explained};

/// Chars chosen to exercise every rule.
const INTERESTING: &str = concat!(
    "中文質量強國論壇發展的是在一",
    "。．，、：；！？‼⁇,.:;!?”’」』）》〉】〗〕］｝)]}～〜–—·・‧／%％‰℃°′″々ーっァ",
    "“‘「『（《〈【〖〔［｛([{¥$£€#№",
    "0123456789０１２３-+…⋯",
    "abcXYZéßΩд",
    "  \u{3000}\t\u{A0}\n",
    "\x1b\x07\r\u{9b}\u{7f}\u{202E}\u{2066}\u{200B}\u{200D}\u{FEFF}\u{AD}\u{2028}",
    "\u{301}\u{FE0F}👨👩🇨🇳ｶﾞ각",
);

fn interesting_char() -> impl Strategy<Value = char> {
    let pool: Vec<char> = INTERESTING.chars().collect();
    prop::sample::select(pool)
}

/// Text: arbitrary chars, or mostly interesting ones.
pub(crate) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => prop::collection::vec(any::<char>(), 0..40),
        1 => prop::collection::vec(
            prop_oneof![9 => interesting_char(), 1 => any::<char>()],
            0..80
        ),
        1 => prop::collection::vec(
            prop_oneof![
                6 => prop::sample::select("中文質量的是".chars().collect::<Vec<_>>()),
                3 => interesting_char(),
            ],
            0..120
        ),
    ]
    .prop_map(|v| v.into_iter().collect())
}

fn amb() -> impl Strategy<Value = AmbiguousWidth> {
    prop_oneof![Just(Narrow), Just(Wide)]
}

/// Base char of the first grapheme of `s`.
fn first_base(s: &str) -> Option<char> {
    s.chars().next()
}

/// Base char of the last grapheme of `s`.
fn last_base(s: &str) -> Option<char> {
    s.graphemes(true).next_back().and_then(|g| g.chars().next())
}

fn glyph_width(text: &str, line: &WrapLine, col: usize, amb: AmbiguousWidth) -> usize {
    glyphs(text, line.range.clone(), col, amb)
        .map(|g| g.width)
        .sum()
}

/// Whether breaking between `line` (trailing space already trimmed) and
/// `next`, with `gap` dropped between them, breaks one of the prohibitions.
fn breaks_a_rule(line: &str, gap: &str, next: &str) -> bool {
    let (Some(p), Some(n)) = (last_base(line), first_base(next)) else {
        return false;
    };
    let adjacent = gap.is_empty();
    no_start(n)
        || no_end(p)
        || (adjacent && is_digit(p) && is_digit(n))
        || (adjacent && p == '—' && n == '—')
}

/// Checks every invariant of one wrap, greedy and planned, with and without
/// hanging punctuation; returns the first failure.
fn check_wrap(
    text: &str,
    width: usize,
    first: usize,
    rest: usize,
    amb: AmbiguousWidth,
) -> Result<(), TestCaseError> {
    for hang in [false, true] {
        let opts = WrapOptions { amb, hang };
        let greedy = wrap_explained(text, width, first, rest, opts, Method::Greedy);
        let planned = wrap_explained(text, width, first, rest, opts, Method::Planned);
        check_lines(text, width, first, rest, opts, &greedy)?;
        check_lines(text, width, first, rest, opts, &planned)?;
        check_greedy_breaks(text, &greedy)?;
        // The planner weighs the greedy layout too: it never breaks worse.
        let (g, p) = (
            rule_cost(text, &greedy, width, rest, amb),
            rule_cost(text, &planned, width, rest, amb),
        );
        prop_assert!(
            p <= g,
            "planned breaks cost {} > greedy {} (hang {})",
            p,
            g,
            hang
        );
    }
    Ok(())
}

/// The line's segment: where it starts in `text`, and its units.
fn segment_of(text: &str, at: usize, amb: AmbiguousWidth) -> (usize, Vec<Unit>) {
    let seg_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let seg_end = text[seg_start..]
        .find('\n')
        .map_or(text.len(), |i| seg_start + i);
    (seg_start, units(&text[seg_start..seg_end], amb).collect())
}

/// What the soft breaks of a layout cost by their tiers, as the planner
/// counts them.
fn rule_cost(
    text: &str,
    lines: &[(WrapLine, Ending)],
    width: usize,
    rest: usize,
    amb: AmbiguousWidth,
) -> u128 {
    let avail = width.saturating_sub(rest).max(1);
    let mut sum = 0u128;
    for pair in lines.windows(2) {
        let [(_, Ending::Soft(tier)), (next, _)] = pair else {
            continue;
        };
        let (seg_start, seg) = segment_of(text, next.range.start, amb);
        let j = seg
            .iter()
            .position(|u| u.start == next.range.start - seg_start)
            .expect("a line starts at a unit");
        sum = sum.saturating_add(tier_cost(&seg, j, avail, *tier));
    }
    sum
}

/// Invariants every layout keeps, greedy or planned.
fn check_lines(
    text: &str,
    width: usize,
    first: usize,
    rest: usize,
    opts: WrapOptions,
    lines: &[(WrapLine, Ending)],
) -> Result<(), TestCaseError> {
    let amb = opts.amb;
    prop_assert!(!lines.is_empty());
    let mut prev_end = 0;
    for (k, (line, _)) in lines.iter().enumerate() {
        let (indent, after_hard) = if k == 0 {
            (first, true)
        } else {
            (rest, text[prev_end..line.range.start].contains('\n'))
        };
        let avail = width.saturating_sub(indent).max(1);
        let s = &text[line.range.clone()];
        // In order; only white space (and hard breaks) between lines.
        prop_assert!(line.range.start >= prev_end, "line {k} out of order");
        let gap = &text[prev_end..line.range.start];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "gap {gap:?} before line {k}"
        );
        prop_assert!(!s.contains('\n'));
        if k > 0 {
            prop_assert_eq!(
                after_hard,
                lines[k - 1].1 == Ending::Hard,
                "line {} ends {:?} but the gap is {:?}",
                k - 1,
                lines[k - 1].1,
                gap
            );
        }
        // Never ends in white space; starts with it only after a hard break.
        prop_assert!(!s.chars().next_back().is_some_and(char::is_whitespace));
        if !after_hard {
            // A space carrying a combining mark is a drawn cluster, not space.
            let first_g = s.graphemes(true).next().unwrap_or_default();
            prop_assert!(
                !(first_g.chars().count() == 1 && first_g.chars().all(char::is_whitespace))
            );
            prop_assert!(!s.is_empty(), "empty continuation line {k}");
        }
        // Width as drawn; not over the width unless a single grapheme.
        prop_assert_eq!(
            line.width,
            glyph_width(text, line, indent, amb),
            "line {} {:?}",
            k,
            s
        );
        if line.width > avail {
            // A hung mark in the gutter, or a single grapheme.
            let last = s.graphemes(true).next_back().unwrap_or_default();
            let mark = last.chars().next().map(flags);
            let hung = opts.hang
                && mark.is_some_and(|f| f.has(Flags::HANG))
                && line.width <= avail + HANG_GUTTER
                && line.width - str_width(last, amb) <= avail;
            prop_assert!(
                hung || s.graphemes(true).count() == 1,
                "line {} {:?} too wide",
                k,
                s
            );
        }
        prev_end = line.range.end;
    }
    let tail = &text[prev_end..];
    prop_assert!(tail.chars().all(char::is_whitespace), "tail {tail:?}");
    prop_assert_eq!(
        lines.iter().filter(|(_, e)| *e == Ending::Hard).count(),
        text.matches('\n').count() + 1
    );
    // A soft break that breaks a prohibition is never of a rule-keeping tier.
    for pair in lines.windows(2) {
        let [(line, Ending::Soft(tier)), (next, _)] = pair else {
            continue;
        };
        let s = &text[line.range.clone()];
        let gap = &text[line.range.end..next.range.start];
        if breaks_a_rule(s, gap, &text[next.range.clone()]) {
            prop_assert!(
                !matches!(tier, Tier::Rule | Tier::Url | Tier::Soft),
                "{:?} | {:?} broke a rule at tier {:?}",
                s,
                &text[next.range.clone()],
                tier
            );
        }
    }
    Ok(())
}

/// Every fallback of the greedy fill was needed: re-running the search
/// over the line (every grapheme boundary after its first content, up to
/// the start of the next line) finds no point of a better tier than the
/// one taken.
fn check_greedy_breaks(text: &str, lines: &[(WrapLine, Ending)]) -> Result<(), TestCaseError> {
    for pair in lines.windows(2) {
        let [(line, ending), (next, _)] = pair else {
            continue;
        };
        let Ending::Soft(tier) = *ending else {
            continue;
        };
        let s = &text[line.range.clone()];
        if tier == Tier::Rule {
            continue;
        }
        // The segment holding both lines, and the line's offset in it.
        let seg_start = text[..line.range.start].rfind('\n').map_or(0, |i| i + 1);
        let seg_end = text[seg_start..]
            .find('\n')
            .map_or(text.len(), |i| seg_start + i);
        let seg = &text[seg_start..seg_end];
        let (from, to) = (line.range.start - seg_start, next.range.start - seg_start);
        let mut seen_content = false;
        for u in units(seg, Narrow) {
            if u.start > from && u.start <= to && seen_content {
                prop_assert!(
                    u.tier >= tier,
                    "a better break ({:?}) than {:?} existed in {:?} at {}",
                    u.tier,
                    tier,
                    s,
                    u.start
                );
            }
            if u.start >= from && u.start < to && u.kind == Kind::Content {
                seen_content = true;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn wrap_invariants(text in text(), width in 1usize..=120, amb in amb()) {
        check_wrap(&text, width, 0, 0, amb)?;
    }

    #[test]
    fn wrap_invariants_narrow(text in text(), width in 1usize..=8) {
        check_wrap(&text, width, 0, 0, Narrow)?;
    }

    #[test]
    fn wrap_with_indent_invariants(
        text in text(),
        width in 0usize..=40,
        first in 0usize..=12,
        rest in 0usize..=12,
        amb in amb(),
    ) {
        check_wrap(&text, width, first, rest, amb)?;
    }

    /// What `units` relies on to skip runs of Han: UAX #14 breaks between
    /// two Han chars, and its state after a Han char that follows another
    /// does not depend on what came before, so the line-break iterator can
    /// be restarted there.
    #[test]
    fn linebreaks_restart_after_han(text in text()) {
        let all: Vec<usize> = unicode_linebreak::linebreaks(&text).map(|(i, _)| i).collect();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for w in chars.windows(2) {
            let [(_, a), (k, b)] = *w else { continue };
            if !(is_han(a as u32) && is_han(b as u32)) {
                continue;
            }
            prop_assert!(all.contains(&k), "no break between {a} and {b}");
            let restarted: Vec<usize> =
                unicode_linebreak::linebreaks(&text[k..]).map(|(i, _)| k + i).collect();
            let tail: Vec<usize> = all.iter().copied().filter(|&i| i > k).collect();
            prop_assert_eq!(restarted, tail, "restart at {}", k);
        }
    }

    #[test]
    fn sanitised_output_has_no_controls(text in text(), width in 1usize..=40, amb in amb()) {
        prop_assert!(!super::sanitize::sanitize(&text).chars().any(char::is_control));
        let opts = WrapOptions { amb, hang: false };
        for (line, _) in wrap_explained(&text, width, 2, 0, opts, Method::Planned) {
            for g in glyphs(&text, line.range, 0, amb) {
                prop_assert!(!g.text.chars().any(char::is_control), "{:?}", g.text);
            }
        }
        for g in glyphs(&text, 0..text.len(), 0, amb) {
            prop_assert!(!g.text.chars().any(char::is_control), "{:?}", g.text);
        }
    }
}
