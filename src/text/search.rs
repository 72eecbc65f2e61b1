//! Finding a query in text the way a reader expects: smart case,
//! full-width ASCII (`２０２２`, `ＡＢＣ`) equal to its ASCII form, and
//! Simplified equal to Traditional (质量 finds 質量, 監管 finds 监管).
//!
//! Matching compares chars after folding each one to a single char
//! (full-width to ASCII, then lower case unless the query asks for case,
//! then [`script::fold_char`] to one representative of its 繁/简 class).
//! One char to one char keeps positions, so every match maps back to exact
//! byte ranges of the original haystack even where folding changes byte
//! lengths (a full-width letter is 3 bytes, its ASCII form 1). A match must
//! start and end on grapheme boundaries, so a highlight never splits a
//! cluster (`e` does not match inside `e\u{301}`).
//!
//! The per-character fold misses the few conversions that are one word to
//! another (OpenCC's phrase tables: 頭髮 ↔ 头发 is per character, but a
//! regional word such as 軟體 ↔ 软件 is not); those are not matched.
//!
//! [`Matcher`] folds the query once for searching many texts (the
//! forum-wide search); [`find_matches`] is the one-shot form.

use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

use super::script;

/// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to ASCII.
#[inline]
fn narrow(c: char) -> char {
    match c as u32 {
        u @ 0xff01..=0xff5e => char::from_u32(u - 0xfee0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Lower case when that is one char (it is for every letter a query is
/// likely to hold); otherwise the char itself.
#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Han and the CJK blocks have no case; skip the Unicode tables there.
    if ('\u{2e80}'..='\u{9fff}').contains(&c) {
        return c;
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

fn is_boundary(s: &str, i: usize) -> bool {
    GraphemeCursor::new(i, s.len(), true)
        .is_boundary(s, 0)
        .unwrap_or(true)
}

/// A query folded once, ready to be found in many texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher {
    needle: Vec<char>,
    exact_case: bool,
    /// When the query starts with a Han character (which has no case and
    /// no full-width form): every char that folds to it, to find
    /// candidates without folding the whole haystack.
    firsts: Option<Vec<char>>,
}

impl Matcher {
    /// A matcher for `query`; `None` for an empty query, which matches
    /// nothing. A query with an upper-case letter matches case exactly.
    pub fn new(query: &str) -> Option<Matcher> {
        if query.is_empty() {
            return None;
        }
        let exact_case = query.chars().any(char::is_uppercase);
        let mut m = Matcher {
            needle: Vec::new(),
            exact_case,
            firsts: None,
        };
        m.needle = query.chars().map(|c| m.fold(c)).collect();
        let first = m.needle[0];
        if ('\u{3400}'..='\u{9fff}').contains(&first) {
            m.firsts = Some(script::same_class(first));
        }
        Some(m)
    }

    #[inline]
    fn fold(&self, c: char) -> char {
        let c = narrow(c);
        let c = if self.exact_case { c } else { lower(c) };
        script::fold_char(c)
    }

    /// Calls `found` with each non-overlapping match in `haystack`, in
    /// order, as a byte range of `haystack`.
    pub fn for_each(&self, haystack: &str, mut found: impl FnMut(Range<usize>)) {
        let first = self.needle[0];
        let rest = &self.needle[1..];
        // With a Han first char: where each of its forms next occurs, at
        // or after `from` (`None`: no more). Each form is searched with
        // `str::find(char)`, a byte search, and each part of the haystack
        // once per form.
        let mut ahead: Vec<(char, Option<usize>)> = self
            .firsts
            .iter()
            .flatten()
            .map(|&c| (c, haystack.find(c)))
            .collect();
        let mut from = 0;
        while from < haystack.len() {
            // The next char that folds to the needle's first.
            let next = if self.firsts.is_some() {
                for (c, at) in &mut ahead {
                    if at.is_some_and(|i| i < from) {
                        *at = haystack[from..].find(*c).map(|i| from + i);
                    }
                }
                ahead.iter().filter_map(|&(_, at)| at).min()
            } else {
                haystack[from..]
                    .char_indices()
                    .find(|&(_, c)| self.fold(c) == first)
                    .map(|(i, _)| from + i)
            };
            let Some(start) = next else {
                return;
            };
            let c = haystack[start..].chars().next().unwrap_or_default();
            let after_first = start + c.len_utf8();
            match self.match_rest(haystack, after_first, rest) {
                Some(end) if is_boundary(haystack, start) && is_boundary(haystack, end) => {
                    found(start..end);
                    from = end;
                }
                _ => from = after_first,
            }
        }
    }

    /// Where `rest` ends when it matches `haystack` from byte `at`.
    #[inline]
    fn match_rest(&self, haystack: &str, at: usize, rest: &[char]) -> Option<usize> {
        let mut chars = haystack[at..].char_indices();
        for &want in rest {
            let (_, c) = chars.next()?;
            if self.fold(c) != want {
                return None;
            }
        }
        Some(chars.next().map_or(haystack.len(), |(i, _)| at + i))
    }

    /// Every match in `haystack`, as in [`Matcher::for_each`].
    pub fn find(&self, haystack: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.for_each(haystack, |r| out.push(r));
        out
    }

    /// The number of matches in `haystack`.
    pub fn count(&self, haystack: &str) -> usize {
        let mut n = 0;
        self.for_each(haystack, |_| n += 1);
        n
    }
}

/// Non-overlapping matches of `query` in `haystack`, in order, as byte
/// ranges of `haystack`. A query with no upper-case letter ignores case;
/// one with an upper-case letter matches case exactly. Simplified and
/// Traditional forms of a character are equal. An empty query matches
/// nothing.
///
/// ```
/// use forum_tui::text::search::find_matches;
/// assert_eq!(find_matches("２０２２年與2022年", "2022"), [0..12, 18..22]);
/// assert_eq!(find_matches("Ratatui ratatui", "Ratatui"), [0..7]);
/// assert_eq!(find_matches("提升質量", "质量"), [6..12]);
/// ```
pub fn find_matches(haystack: &str, query: &str) -> Vec<Range<usize>> {
    Matcher::new(query).map_or_else(Vec::new, |m| m.find(haystack))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        #[allow(clippy::single_range_in_vec_init)]
        let cases: &[(&str, &str, &[Range<usize>])] = &[
            ("", "a", &[]),
            ("abc", "", &[]),
            ("質量強國，質量之光", "質量", &[0..6, 15..21]),
            ("質量", "質量強國", &[]),
            ("Hello hello HELLO", "hello", &[0..5, 6..11, 12..17]),
            ("Hello hello HELLO", "Hello", &[0..5]),
            ("Hello hello HELLO", "HELLO", &[12..17]),
            ("２０２２年", "2022", &[0..12]),
            ("2022年", "２０２２", &[0..4]),
            ("ＡＢＣ abc", "abc", &[0..9, 10..13]),
            ("ＡＢＣ abc", "ABC", &[0..9]),
            ("ａｂｃ ABC", "Abc", &[]),
            ("aaaa", "aa", &[0..2, 2..4]),
            ("aaa", "aa", &[0..2]),
            ("ΣΊΣΥΦΟΣ", "σίσυφοσ", &[0..14]),
            ("cafe\u{301} cafe", "cafe", &[7..11]),
            ("2.71%。", "2.71％", &[0..5]),
            ("a　b", "a b", &[0..5]),
            ("👨\u{200D}👩\u{200D}👧", "👩", &[]),
            // 繁/简 either way, mixed, and with the other folds.
            ("提升質量", "质量", &[6..12]),
            ("提升质量", "質量", &[6..12]),
            ("金融監管與质量", "监管", &[6..12]),
            ("金融監管與质量", "質量", &[15..21]),
            ("質量质量", "质量", &[0..6, 6..12]),
            ("蒲長城委員", "长城", &[3..9]),
            ("幹部、干涉", "干", &[0..3, 9..12]),
            ("２０２２年質量Ｑ", "2022年质量q", &[0..24]),
            ("質量Ｑ", "质量q", &[0..9]),
            ("質量ｑ", "质量Q", &[]),
            ("中質量", "中質量", &[0..9]),
            ("質量", "量質", &[]),
            ("x量", "質量", &[]),
            ("量質量质", "质量", &[3..9]),
            ("委員會委员", "委員", &[0..6, 9..15]),
        ];
        for (hay, query, want) in cases {
            assert_eq!(find_matches(hay, query), *want, "{query:?} in {hay:?}");
        }
    }
}

#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;

    /// Chars that fold into one another (case, width, 繁/简), a
    /// combining mark, a joiner, and plain text between them.
    const POOL: &str = "質质量量監监管aAＡｂbB e\u{301}\u{200D}👩　中。";

    fn text(max: usize) -> impl Strategy<Value = String> {
        let pool: Vec<char> = POOL.chars().collect();
        prop::collection::vec(prop::sample::select(pool), 0..max)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn matches_are_ordered_folded_equal_on_boundaries(hay in text(40), query in text(4)) {
            let got = find_matches(&hay, &query);
            let Some(m) = Matcher::new(&query) else {
                prop_assert!(got.is_empty());
                return Ok(());
            };
            let mut last_end = 0;
            for r in &got {
                prop_assert!(r.start >= last_end && r.start < r.end, "{got:?}");
                last_end = r.end;
                prop_assert!(is_boundary(&hay, r.start) && is_boundary(&hay, r.end));
                let folded: Vec<char> = hay[r.clone()].chars().map(|c| m.fold(c)).collect();
                prop_assert_eq!(&folded, &m.needle);
            }
            // The byte search of a Han first char finds what folding every
            // char finds.
            let slow = Matcher { firsts: None, ..m.clone() };
            prop_assert_eq!(slow.find(&hay), got);
        }
    }
}
