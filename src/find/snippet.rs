//! A snippet of a line for a results list: the match with as much
//! context on each side as fits, cut by display width on grapheme
//! boundaries, with `…` where the line was cut.

use std::ops::Range;

use crate::text::AmbiguousWidth;
use crate::text::width::{Graphemes, grapheme_width, str_width};

/// A piece of a line centred on a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text to show: one line (line breaks and tabs become spaces),
    /// `…` at an end where the line goes on. Not sanitised: draw it as any
    /// other text from a file.
    pub text: String,
    /// The match's byte range in `text` (shortened if the match alone is
    /// wider than the snippet).
    pub range: Range<usize>,
}

/// The part of `line` around `range` (a byte range on grapheme boundaries,
/// as the search returns) that fits in `cells` display cells: the whole
/// line if it fits, else the match with the context split evenly between
/// both sides (a side with less to show gives the rest to the other), and
/// `…` where text was left out. A match wider than `cells` shows its start.
///
/// ```
/// use forum_tui::find::snippet;
/// use forum_tui::text::AmbiguousWidth::Narrow;
/// let s = snippet("一二三四五六七八九十", 12..15, 9, Narrow);
/// assert_eq!(s.text, "…四五六…");
/// assert_eq!(&s.text[s.range.clone()], "五");
/// ```
pub fn snippet(line: &str, range: Range<usize>, cells: usize, amb: AmbiguousWidth) -> Snippet {
    let ellipsis = str_width("…", amb);
    let (before, hit, after) = (
        &line[..range.start],
        &line[range.clone()],
        &line[range.end..],
    );
    let hit_width = str_width(hit, amb);
    let (before_width, after_width) = (str_width(before, amb), str_width(after, amb));
    let mut text = String::new();
    if before_width + hit_width + after_width <= cells {
        push_line(&mut text, line);
        return Snippet { text, range };
    }
    if hit_width >= cells {
        // The match alone does not fit: its start, then `…`.
        let mut width = 0;
        for g in Graphemes::new(hit) {
            let w = grapheme_width(g, amb);
            if width + w + ellipsis > cells {
                break;
            }
            width += w;
            push_line(&mut text, g);
        }
        let end = text.len();
        if ellipsis <= cells {
            text.push('…');
        }
        return Snippet {
            text,
            range: 0..end,
        };
    }
    let room = cells - hit_width;
    // The left side's share: all of it if short, else what the right side
    // leaves, else half; a cut side spends cells on `…`.
    let share = if before_width <= room / 2 {
        before_width
    } else if after_width <= room - room / 2 {
        (room - after_width).saturating_sub(ellipsis)
    } else {
        (room / 2).saturating_sub(ellipsis)
    };
    let kept_before = tail_fitting(before, share, amb);
    let left_cut = kept_before.len() < before.len();
    let used = str_width(kept_before, amb) + if left_cut { ellipsis } else { 0 };
    // The right side takes the rest.
    let rest = room.saturating_sub(used);
    let kept_after = if after_width <= rest {
        after
    } else {
        head_fitting(after, rest.saturating_sub(ellipsis), amb)
    };
    if left_cut {
        text.push('…');
    }
    push_line(&mut text, kept_before);
    let start = text.len();
    push_line(&mut text, hit);
    let end = text.len();
    push_line(&mut text, kept_after);
    if kept_after.len() < after.len() {
        text.push('…');
    }
    Snippet {
        text,
        range: start..end,
    }
}

/// `s` with line breaks and tabs as spaces, so a snippet is one line; the
/// byte length stays the same.
fn push_line(out: &mut String, s: &str) {
    out.extend(s.chars().map(|c| {
        if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        }
    }));
}

/// The longest prefix of `s` that fits in `max` cells.
fn head_fitting(s: &str, max: usize, amb: AmbiguousWidth) -> &str {
    crate::text::width::truncate(s, max, amb).0
}

/// The longest suffix of `s`, starting on a grapheme boundary, that fits in
/// `max` cells.
fn tail_fitting(s: &str, max: usize, amb: AmbiguousWidth) -> &str {
    let graphemes: Vec<&str> = Graphemes::new(s).collect();
    let mut width = 0;
    let mut start = s.len();
    for g in graphemes.iter().rev() {
        let w = grapheme_width(g, amb);
        if width + w > max {
            break;
        }
        width += w;
        start -= g.len();
    }
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::AmbiguousWidth::{Narrow, Wide};

    /// (line, match, cells, ambiguous width, snippet, match in snippet)
    type Case = (
        &'static str,
        Range<usize>,
        usize,
        AmbiguousWidth,
        &'static str,
        &'static str,
    );

    #[test]
    fn snippets() {
        let long = "一二三四五六七八九十";
        let cases: &[Case] = &[
            ("短句", 0..3, 20, Narrow, "短句", "短"),
            (long, 12..15, 9, Narrow, "…四五六…", "五"),
            (long, 12..15, 10, Narrow, "…四五六七…", "五"),
            (long, 0..3, 9, Narrow, "一二三四…", "一"),
            (long, 27..30, 9, Narrow, "…七八九十", "十"),
            (long, 12..15, 9, Wide, "…五六…", "五"),
            (long, 0..30, 9, Narrow, "一二三四…", "一二三四"),
            (long, 0..30, 1, Narrow, "…", ""),
            (long, 0..3, 0, Narrow, "", ""),
            ("a\nb\tc 質量 d", 6..12, 40, Narrow, "a b c 質量 d", "質量"),
            (
                "The quality of quality forums",
                15..22,
                16,
                Narrow,
                "…of quality for…",
                "quality",
            ),
            (
                "e\u{301}e\u{301}e\u{301}中文",
                9..12,
                4,
                Narrow,
                "…中…",
                "中",
            ),
        ];
        for (line, range, cells, amb, want, want_hit) in cases {
            let s = snippet(line, range.clone(), *cells, *amb);
            assert_eq!(s.text, *want, "{line:?} {range:?} in {cells}");
            assert_eq!(&s.text[s.range.clone()], *want_hit, "{line:?} {range:?}");
            assert!(
                str_width(&s.text, *amb) <= *cells,
                "{:?} fits {cells}",
                s.text
            );
        }
    }
}
