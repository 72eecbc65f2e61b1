//! Finding a query in text the way a reader expects: smart case, and
//! full-width ASCII (`２０２２`, `ＡＢＣ`) equal to its ASCII form.
//!
//! Matching compares chars after folding each one to a single char, so
//! every match maps back to exact byte ranges of the original haystack even
//! where folding changes byte lengths (a full-width letter is 3 bytes, its
//! ASCII form 1). A match must start and end on grapheme boundaries, so a
//! highlight never splits a cluster (`e` does not match inside `e\u{301}`).

use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

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

/// Non-overlapping matches of `query` in `haystack`, in order, as byte
/// ranges of `haystack`. A query with no upper-case letter ignores case;
/// one with an upper-case letter matches case exactly. An empty query
/// matches nothing.
///
/// ```
/// use forum_tui::text::search::find_matches;
/// assert_eq!(find_matches("２０２２年與2022年", "2022"), [0..12, 18..22]);
/// assert_eq!(find_matches("Ratatui ratatui", "Ratatui"), [0..7]);
/// ```
pub fn find_matches(haystack: &str, query: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let exact_case = query.chars().any(char::is_uppercase);
    let fold = |c: char| {
        let c = narrow(c);
        if exact_case { c } else { lower(c) }
    };
    let needle: Vec<char> = query.chars().map(fold).collect();
    let hay: Vec<(usize, char)> = haystack.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let n = needle.len();
    let mut i = 0;
    while i + n <= hay.len() {
        let matched = hay[i..i + n]
            .iter()
            .zip(&needle)
            .all(|(&(_, h), &q)| h == q);
        if matched {
            let start = hay[i].0;
            let end = hay.get(i + n).map_or(haystack.len(), |&(b, _)| b);
            if is_boundary(haystack, start) && is_boundary(haystack, end) {
                out.push(start..end);
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
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
        ];
        for (hay, query, want) in cases {
            assert_eq!(find_matches(hay, query), *want, "{query:?} in {hay:?}");
        }
    }
}
