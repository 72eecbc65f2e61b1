//! Blocks laid out into lines with prefixes: paragraphs (optionally with the
//! Chinese two-ideographic-space first-line indent) and lists (a marker on
//! the first line of each item, a hanging indent of the marker's width on
//! the rest).

use std::ops::Range;

use super::AmbiguousWidth;
use super::wrap::wrap_with_indent;

/// One line of a laid-out block: `prefix` (indent, list marker or hanging
/// spaces, `prefix_width` cells) is drawn before the content, which is
/// `range` of item `item`'s text (`item` is 0 for a paragraph), `width`
/// cells wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidLine {
    pub prefix: String,
    pub prefix_width: usize,
    pub item: usize,
    pub range: Range<usize>,
    pub width: usize,
}

/// The first-line indent of Chinese prose: two ideographic spaces.
pub const CJK_INDENT: &str = "\u{3000}\u{3000}";
const CJK_INDENT_WIDTH: usize = 4;

/// Marker of unordered list items. Deliberately not East Asian Ambiguous
/// (unlike • or ·), so its width is the same in every terminal: 2 cells.
pub const BULLET: &str = "・";
const BULLET_WIDTH: usize = 2;

/// How blocks are laid out: the ambiguous width, and whether full-width
/// closing punctuation may hang in a 2-cell gutter past the width
/// ([`crate::text::wrap::WrapOptions::hang`]). `From<AmbiguousWidth>` gives
/// the defaults, so `layout_paragraph(text, width, indent, amb)` still reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    pub amb: AmbiguousWidth,
    pub hang: bool,
}

impl From<AmbiguousWidth> for LayoutOptions {
    fn from(amb: AmbiguousWidth) -> Self {
        LayoutOptions { amb, hang: false }
    }
}

/// Lays out one paragraph. With `cjk_indent`, line 0 gets the prefix
/// [`CJK_INDENT`] unless the text already starts with white space (its own
/// indent) or is empty, or the width leaves no room for a Han character
/// after the indent.
pub fn layout_paragraph(
    text: &str,
    width: usize,
    cjk_indent: bool,
    opts: impl Into<LayoutOptions>,
) -> Vec<LaidLine> {
    let amb = opts.into().amb;
    let indent = cjk_indent
        && text.chars().next().is_some_and(|c| !c.is_whitespace())
        && width >= CJK_INDENT_WIDTH + 2;
    let first = if indent { CJK_INDENT_WIDTH } else { 0 };
    wrap_with_indent(text, width, first, 0, amb)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let (prefix, prefix_width) = if i == 0 && indent {
                (CJK_INDENT.to_owned(), CJK_INDENT_WIDTH)
            } else {
                (String::new(), 0)
            };
            LaidLine {
                prefix,
                prefix_width,
                item: 0,
                range: l.range,
                width: l.width,
            }
        })
        .collect()
}

/// Lays out a list. Ordered items get `1. ` … `10. ` with the numbers
/// right-aligned to the widest; unordered ones [`BULLET`]. Continuation
/// lines hang under the text by the marker's width.
pub fn layout_list<S: AsRef<str>>(
    items: &[S],
    ordered: bool,
    width: usize,
    opts: impl Into<LayoutOptions>,
) -> Vec<LaidLine> {
    let amb = opts.into().amb;
    let digits = items.len().to_string().len();
    let marker_width = if ordered { digits + 2 } else { BULLET_WIDTH };
    let hanging = " ".repeat(marker_width);
    let mut out = Vec::new();
    for (item, text) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{:>digits$}. ", item + 1)
        } else {
            BULLET.to_owned()
        };
        let lines = wrap_with_indent(text.as_ref(), width, marker_width, marker_width, amb);
        for (i, l) in lines.into_iter().enumerate() {
            out.push(LaidLine {
                prefix: if i == 0 {
                    marker.clone()
                } else {
                    hanging.clone()
                },
                prefix_width: marker_width,
                item,
                range: l.range,
                width: l.width,
            });
        }
    }
    out
}

/// Whether a BCP 47 tag names a Chinese language (the C of CJK, whose prose
/// takes the two-ideographic-space indent): `zh` with any subtags
/// (`zh-Hant`, `zh-TW`), the Chinese macrolanguage's members (`yue`, `cmn`,
/// `wuu`, `nan`, `hak`, …), `lzh`, and any tag with a Han script subtag
/// (`Hans`, `Hant`, `Hani`). Case-insensitive; `_` is accepted for `-`.
pub fn is_cjk_language(tag: Option<&str>) -> bool {
    const CHINESE: &[&str] = &[
        "zh", "yue", "cmn", "wuu", "hak", "nan", "gan", "hsn", "cjy", "cdo", "cpx", "czh", "czo",
        "mnp", "lzh", "cnp", "csp",
    ];
    let Some(tag) = tag else {
        return false;
    };
    let mut subtags = tag.trim().split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    CHINESE.iter().any(|l| l.eq_ignore_ascii_case(primary))
        || subtags.any(|s| {
            ["hans", "hant", "hani"]
                .iter()
                .any(|h| h.eq_ignore_ascii_case(s))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        for tag in [
            "zh",
            "ZH",
            "zh-Hant",
            "zh-hans",
            "zh-TW",
            "zh_CN",
            "yue",
            "yue-HK",
            "cmn-Hans-CN",
            "und-Hant",
        ] {
            assert!(is_cjk_language(Some(tag)), "{tag}");
        }
        for tag in ["", "en", "en-US", "ja", "ko", "zha", "x-zh"] {
            assert!(!is_cjk_language(Some(tag)), "{tag}");
        }
        assert!(!is_cjk_language(None));
    }
}
