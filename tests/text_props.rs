//! Property tests of width, truncation, sanitising, glyphs and search over
//! arbitrary Unicode, through the public API.

use forum_tui::text::AmbiguousWidth::{self, Narrow, Wide};
use forum_tui::text::render::glyphs;
use forum_tui::text::sanitize::{is_unsafe_char, sanitize};
use forum_tui::text::search::find_matches;
use forum_tui::text::width::{grapheme_width, str_width, truncate};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const INTERESTING: &str = "中文質量，。“”「」（）——……0123456789０１２ABCabcĀǎ \u{3000}\t\n\r\x1b\x07\u{9b}\
                           \u{7f}\u{202E}\u{2067}\u{200B}\u{200C}\u{200D}\u{FEFF}\u{AD}\u{301}\u{FE0F}\
                           👨👩🇨🇳ｶﾞ각ᄀ\u{E0067}🏴";

fn text() -> impl Strategy<Value = String> {
    let pool: Vec<char> = INTERESTING.chars().collect();
    prop::collection::vec(
        prop_oneof![3 => prop::sample::select(pool), 1 => any::<char>()],
        0..60,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn amb() -> impl Strategy<Value = AmbiguousWidth> {
    prop_oneof![Just(Narrow), Just(Wide)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn width_is_the_sum_over_graphemes(s in text(), amb in amb()) {
        let sum: usize = s.graphemes(true).map(|g| grapheme_width(g, amb)).sum();
        prop_assert_eq!(str_width(&s, amb), sum);
        // Glyphs (tabs aside, which expand there) agree with the widths.
        for g in glyphs(&s, 0..s.len(), 0, amb) {
            let source = &s[g.range.clone()];
            if source != "\t" {
                prop_assert_eq!(g.width, grapheme_width(source, amb));
            }
            prop_assert_eq!(source.graphemes(true).count(), 1);
        }
    }

    #[test]
    fn truncation_is_the_longest_fitting_prefix(s in text(), max in 0usize..30, amb in amb()) {
        let (prefix, w) = truncate(&s, max, amb);
        prop_assert!(s.starts_with(prefix));
        prop_assert!(w <= max);
        prop_assert_eq!(w, str_width(prefix, amb));
        let rest = &s[prefix.len()..];
        if let Some(next) = rest.graphemes(true).next() {
            prop_assert!(w + grapheme_width(next, amb) > max, "{:?} would fit", next);
            // The cut is a grapheme boundary of the whole string.
            prop_assert!(s.grapheme_indices(true).any(|(i, _)| i == prefix.len()));
        }
    }

    #[test]
    fn sanitised_text_is_safe(s in text()) {
        let out = sanitize(&s);
        prop_assert!(!out.chars().any(char::is_control));
        let bidi = |c: char| {
            matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}')
        };
        prop_assert!(!out.chars().any(bidi), "bidi control left in {:?}", out);
        prop_assert_eq!(sanitize(&out), out.clone(), "not idempotent");
        if !s.chars().any(is_unsafe_char) {
            prop_assert_eq!(out.as_ref(), s.as_str());
        }
    }

    #[test]
    fn matches_are_ordered_and_fold_to_the_query(s in text(), start in 0usize..60, len in 1usize..4) {
        // A query cut from the haystack itself, lower-cased so it ignores case.
        let chars: Vec<char> = s.chars().collect();
        let start = start.min(chars.len());
        let query: String = chars[start..(start + len).min(chars.len())].iter().collect::<String>().to_lowercase();
        let found = find_matches(&s, &query);
        let mut end = 0;
        for r in &found {
            prop_assert!(r.start >= end && r.start < r.end && s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            end = r.end;
        }
        if query.is_empty() {
            prop_assert!(found.is_empty());
        }
    }
}

#[test]
fn search_finds_what_it_was_cut_from() {
    let hay = "２０２２年度“質量之光”論壇 Ratatui";
    for q in [
        "2022",
        "２０２２",
        "質量",
        "“質量之光”",
        "ratatui",
        "RATATUI",
        "Ratatui",
    ] {
        let found = find_matches(hay, q);
        let want = usize::from(q != "RATATUI");
        assert_eq!(found.len(), want, "{q}");
    }
}
