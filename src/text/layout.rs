//! Blocks laid out into lines with prefixes: paragraphs (optionally with the
//! Chinese two-ideographic-space first-line indent) and lists (a marker on
//! the first line of each item, a hanging indent of the marker's width on
//! the rest).
//!
//! List markers follow the document's language ([`Bullet::for_language`]):
//! `・` for Japanese only; otherwise the bullet Chinese and Western text
//! use, `•`, when ambiguous characters are drawn wide, and in narrow mode
//! `∙` (U+2219 BULLET OPERATOR, East Asian Width Neutral) followed by a
//! space, because `•`, `‧` and `·` are East Asian Ambiguous: a terminal
//! may draw them one cell wide or two, and the text after them would
//! shift. So the marker is 2 cells in every terminal.

use std::ops::Range;

use super::AmbiguousWidth;
use super::wrap::{WrapOptions, wrap_each};

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

/// Cells of every unordered-list marker.
const BULLET_WIDTH: usize = 2;

/// The default unordered-list marker in narrow mode ([`Bullet::Dot`]), for
/// plain-text uses such as copying a list.
pub const BULLET: &str = "∙ ";

/// Which marker unordered list items take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bullet {
    /// `•` (wide mode) or `∙ ` (narrow mode): Chinese (Taiwan and mainland
    /// usage alike) and everything but Japanese.
    #[default]
    Dot,
    /// `・`, the katakana middle dot: Japanese.
    Katakana,
}

impl Bullet {
    /// The bullet for a document in BCP 47 language `tag`: [`Bullet::Katakana`]
    /// for `ja` (any subtags), [`Bullet::Dot`] otherwise.
    pub fn for_language(tag: Option<&str>) -> Bullet {
        let primary = tag.and_then(|t| t.trim().split(['-', '_']).next());
        if primary.is_some_and(|p| p.eq_ignore_ascii_case("ja")) {
            Bullet::Katakana
        } else {
            Bullet::Dot
        }
    }

    /// The marker as drawn, 2 cells wide under `amb`. None of
    /// the narrow-mode markers is East Asian Ambiguous.
    pub fn marker(self, amb: AmbiguousWidth) -> &'static str {
        match (self, amb) {
            (Bullet::Katakana, _) => "・",
            (Bullet::Dot, AmbiguousWidth::Wide) => "•",
            (Bullet::Dot, AmbiguousWidth::Narrow) => BULLET,
        }
    }
}

/// How blocks are laid out: the ambiguous width; whether full-width
/// closing punctuation may hang in a gutter of
/// [`HANG_GUTTER`](super::wrap::HANG_GUTTER) cells past the width (so a
/// line may take `width + 2` cells; see [`WrapOptions`]); and the list
/// bullet. `From<AmbiguousWidth>` gives the defaults (no hanging, `Dot`
/// bullets), so `layout_paragraph(text, width, indent, amb)` still reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    pub amb: AmbiguousWidth,
    pub hang: bool,
    pub bullet: Bullet,
}

impl From<AmbiguousWidth> for LayoutOptions {
    fn from(amb: AmbiguousWidth) -> Self {
        LayoutOptions {
            amb,
            ..LayoutOptions::default()
        }
    }
}

impl LayoutOptions {
    /// With hanging punctuation on or off.
    pub fn hang(self, hang: bool) -> Self {
        LayoutOptions { hang, ..self }
    }

    /// With the bullet of a document in language `tag`.
    pub fn language(self, tag: Option<&str>) -> Self {
        LayoutOptions {
            bullet: Bullet::for_language(tag),
            ..self
        }
    }

    fn wrap(self) -> WrapOptions {
        WrapOptions {
            amb: self.amb,
            hang: self.hang,
        }
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
    let opts = opts.into();
    let indent = cjk_indent
        && text.chars().next().is_some_and(|c| !c.is_whitespace())
        && width >= CJK_INDENT_WIDTH + 2;
    let first = if indent { CJK_INDENT_WIDTH } else { 0 };
    let mut out = Vec::new();
    wrap_each(text, width, first, 0, opts.wrap(), |l| {
        let (prefix, prefix_width) = if out.is_empty() && indent {
            (CJK_INDENT.to_owned(), CJK_INDENT_WIDTH)
        } else {
            (String::new(), 0)
        };
        out.push(LaidLine {
            prefix,
            prefix_width,
            item: 0,
            range: l.range,
            width: l.width,
        });
    });
    out
}

/// Lays out a list. Ordered items get `1. ` … `10. ` with the numbers
/// right-aligned to the widest; unordered ones the options' [`Bullet`].
/// Continuation lines hang under the text by the marker's width.
pub fn layout_list<S: AsRef<str>>(
    items: &[S],
    ordered: bool,
    width: usize,
    opts: impl Into<LayoutOptions>,
) -> Vec<LaidLine> {
    let opts = opts.into();
    let digits = items.len().to_string().len();
    let marker_width = if ordered { digits + 2 } else { BULLET_WIDTH };
    let hanging = " ".repeat(marker_width);
    let mut out = Vec::new();
    for (item, text) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{:>digits$}. ", item + 1)
        } else {
            opts.bullet.marker(opts.amb).to_owned()
        };
        let first = out.len();
        wrap_each(
            text.as_ref(),
            width,
            marker_width,
            marker_width,
            opts.wrap(),
            |l| {
                out.push(LaidLine {
                    prefix: if out.len() == first {
                        marker.clone()
                    } else {
                        hanging.clone()
                    },
                    prefix_width: marker_width,
                    item,
                    range: l.range,
                    width: l.width,
                })
            },
        );
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

    #[test]
    fn bullets() {
        use super::super::width::{is_east_asian_ambiguous, str_width};
        for (tag, bullet) in [
            (Some("ja"), Bullet::Katakana),
            (Some("ja-JP"), Bullet::Katakana),
            (Some("JA"), Bullet::Katakana),
            (Some("zh-Hant"), Bullet::Dot),
            (Some("zh-Hans"), Bullet::Dot),
            (Some("jam"), Bullet::Dot),
            (Some("en"), Bullet::Dot),
            (None, Bullet::Dot),
        ] {
            assert_eq!(Bullet::for_language(tag), bullet, "{tag:?}");
        }
        for b in [Bullet::Dot, Bullet::Katakana] {
            for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
                assert_eq!(str_width(b.marker(amb), amb), BULLET_WIDTH, "{b:?} {amb:?}");
            }
            let narrow = b.marker(AmbiguousWidth::Narrow);
            assert!(!narrow.chars().any(is_east_asian_ambiguous), "{narrow}");
        }
    }
}
