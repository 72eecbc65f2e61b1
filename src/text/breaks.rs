//! Where a line may break: the Chinese (W3C clreq "basic" + strict) rules we
//! apply on top of UAX #14, and the three tiers of break points the wrapper
//! chooses from.
//!
//! UAX #14 (from `unicode-linebreak`, Unicode 15.0) gives the opportunities;
//! this module removes those that would start a line with closing
//! punctuation or end one with opening punctuation, that would split a
//! number, a Latin word, `——`, `……` or a `2022—2025` range, and adds the
//! Unicode 15.1 LB19a opportunities around curly quotes between Chinese
//! characters, which 15.0 lacks (it never breaks next to a QU quote).
//!
//! Every char is classified once into [`Flags`] (the wrapper carries them
//! along with its lookahead), so judging a boundary is a few bit tests.

use std::sync::LazyLock;

use unicode_linebreak::{BreakClass, break_property};
use unicode_width::UnicodeWidthChar;

use super::width::is_han;

/// How good a break point is, best first. The wrapper breaks at the last
/// point of the best tier the line offers: all but `Rule` only serve to
/// split a unit (text between `Rule` points) wider than a whole line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// A UAX #14 opportunity (or one of the quote and bracket breaks we
    /// add) that breaks no rule.
    Rule,
    /// Inside a URL, after `/`, `?`, `&` or `#`: where a URL too long for a
    /// line may break so that it still works when the lines are rejoined.
    Url,
    /// A UAX #14 opportunity that one of our rules forbids.
    Uax,
    /// A grapheme boundary that breaks no rule, though UAX #14 offers none.
    Soft,
    /// A boundary inside a word or a number's separators that leaves no
    /// punctuation orphaned and splits no run of digits, `——` or `……`:
    /// in `2023-01-14T16:35:00`, after `-` or `T`.
    Loose,
    /// A boundary that splits nothing but leaves punctuation at a line's
    /// start or end: `（Clean）` | `。`. The line planner ranks it above a
    /// `Loose` split of a word or number short enough for a line.
    Punct,
    /// Any other grapheme boundary.
    Any,
}

/// Stand-in for "no char here" (start or end of a segment); `\n` never
/// occurs inside a segment, and no rule below matches it.
pub(crate) const NONE: char = '\n';

/// Never at the start of a line (clreq closing punctuation, strict kana).
/// Listed explicitly because UAX #14 classes some of them ID or AL
/// (～ ／ · ”); the closing, exclamation, infix, non-starter and small-kana
/// classes are added from the UAX #14 property.
const NO_START: &str = "。．，、：；！？‼⁇⁈⁉,.:;!?”’」』）》〉】〗〕］｝〙〛〞〟)]}\
                        ～〜–—·・‧／%％‰℃°′″々〻ー｡､｣･ｰ";
/// Never at the end of a line: opening punctuation (plus the UAX #14 OP
/// class), currency and number prefixes that belong to what follows.
const NO_END: &str = "“‘「『（《〈【〖〔［｛〘〚〝([{¥$£€#№＄￥￡＃｢";
const NUMBER_SEPARATORS: &str = ".,:/．：／";
const SIGNS: &str = "-+−±－＋";
const RANGE_DASHES: &str = "—–―～〜-－";
/// Not to be split when doubled (clreq: `——`, `……`).
const DOUBLED: &str = "—―…⋯─";
/// No-break spaces and joiners (UAX #14 GL/WJ): never broken around.
const GLUE: &str = "\u{A0}\u{202F}\u{2007}\u{2011}\u{2060}\u{FEFF}\u{F0C}";
const OPENING_QUOTES: &str = "“‘‟‛";
/// Full-width marks that may hang past the measure (行尾懸掛): the
/// pause and stop marks and the closing brackets and quotes.
const HANGING: &str = "。．，、：；！？”’」』）》〉】〗〕］｝〙〛〞〟";
const CLOSING_QUOTES: &str = "”’";

/// What the rules need to know about one char, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    pub(crate) const HAN: u32 = 1;
    pub(crate) const SPACE: u32 = 1 << 1;
    pub(crate) const NO_START: u32 = 1 << 2;
    pub(crate) const NO_END: u32 = 1 << 3;
    pub(crate) const DIGIT: u32 = 1 << 4;
    const SEPARATOR: u32 = 1 << 5;
    const SIGN: u32 = 1 << 6;
    const DASH: u32 = 1 << 7;
    const DOUBLED: u32 = 1 << 8;
    pub(crate) const WORD: u32 = 1 << 9;
    const GLUE: u32 = 1 << 10;
    const OPENING_QUOTE: u32 = 1 << 11;
    const CLOSING_QUOTE: u32 = 1 << 12;
    /// East Asian Wide/Fullwidth/Halfwidth, the context LB19a asks about.
    const EAST_ASIAN: u32 = 1 << 13;
    /// A letter, digit or ideograph: what a line must hold two of to not be
    /// an orphan (孤字).
    pub(crate) const LETTER: u32 = 1 << 14;
    /// Full-width punctuation that may hang in the right gutter.
    pub(crate) const HANG: u32 = 1 << 15;
    /// An East Asian (full-width) opening bracket, before which UAX #14
    /// allows a break after letters and digits (LB30).
    const WIDE_OPEN: u32 = 1 << 16;
    /// What a word or number is made of, for telling a short one (that
    /// would fit a line whole) from a long one.
    pub(crate) const WORDISH: u32 =
        Self::WORD | Self::DIGIT | Self::SEPARATOR | Self::SIGN | Self::DASH;

    #[inline]
    pub(crate) fn has(self, bits: u32) -> bool {
        self.0 & bits != 0
    }
}

const fn has_byte(s: &str, b: u8) -> bool {
    // An ASCII byte never occurs inside a multi-byte UTF-8 sequence.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b {
            return true;
        }
        i += 1;
    }
    false
}

/// Flags of the ASCII chars, computed at compile time. (No ASCII char has
/// a UAX #14 class we add beyond the lists.)
const ASCII: [u32; 128] = {
    let mut table = [0u32; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        let mut f = 0;
        let lists: [(&str, u32); 9] = [
            (NO_START, Flags::NO_START),
            (NO_END, Flags::NO_END),
            (NUMBER_SEPARATORS, Flags::SEPARATOR),
            (SIGNS, Flags::SIGN),
            (RANGE_DASHES, Flags::DASH),
            (" \t\n\x0b\x0c\r", Flags::SPACE),
            ("0123456789", Flags::DIGIT | Flags::WORD),
            (
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                Flags::WORD,
            ),
            (
                "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                Flags::LETTER,
            ),
        ];
        let mut j = 0;
        while j < lists.len() {
            if has_byte(lists[j].0, b) {
                f |= lists[j].1;
            }
            j += 1;
        }
        table[i] = f;
        i += 1;
    }
    table
};

/// The blocks beyond ASCII that Chinese prose draws on all the time (Latin
/// letters of pinyin, general punctuation, CJK punctuation and kana,
/// full-width forms): their flags are computed once per process, since
/// classifying a char from scratch costs a dozen look-ups.
const TABLED: [(u32, u32); 4] = [
    (0x80, 0x300),
    (0x2000, 0x2070),
    (0x3000, 0x3100),
    (0xff00, 0xfff0),
];

static TABLES: LazyLock<Vec<Vec<u32>>> = LazyLock::new(|| {
    TABLED
        .iter()
        .map(|&(from, to)| {
            (from..to)
                .map(|u| char::from_u32(u).map_or(0, |c| other_flags(c).0))
                .collect()
        })
        .collect()
});

/// Classifies one char.
#[inline]
pub(crate) fn flags(c: char) -> Flags {
    let u = c as u32;
    if u < 128 {
        return Flags(ASCII[u as usize]);
    }
    if is_han(u) {
        return Flags(Flags::HAN | Flags::EAST_ASIAN | Flags::LETTER);
    }
    for (k, &(from, to)) in TABLED.iter().enumerate() {
        if (from..to).contains(&u) {
            return Flags(TABLES[k][(u - from) as usize]);
        }
    }
    other_flags(c)
}

fn other_flags(c: char) -> Flags {
    let mut f = 0;
    let mut set = |yes: bool, bit: u32| {
        if yes {
            f |= bit;
        }
    };
    let class = break_property(c as u32);
    set(c.is_whitespace(), Flags::SPACE);
    set(
        NO_START.contains(c)
            || matches!(
                class,
                BreakClass::ClosePunctuation
                    | BreakClass::CloseParenthesis
                    | BreakClass::Exclamation
                    | BreakClass::InfixSeparator
                    | BreakClass::NonStarter
                    | BreakClass::ConditionalJapaneseStarter
            ),
        Flags::NO_START,
    );
    set(
        NO_END.contains(c) || class == BreakClass::OpenPunctuation,
        Flags::NO_END,
    );
    set(
        c.is_ascii_digit() || ('０'..='９').contains(&c),
        Flags::DIGIT,
    );
    set(NUMBER_SEPARATORS.contains(c), Flags::SEPARATOR);
    set(SIGNS.contains(c), Flags::SIGN);
    set(RANGE_DASHES.contains(c), Flags::DASH);
    set(DOUBLED.contains(c), Flags::DOUBLED);
    set(GLUE.contains(c), Flags::GLUE);
    set(OPENING_QUOTES.contains(c), Flags::OPENING_QUOTE);
    set(CLOSING_QUOTES.contains(c), Flags::CLOSING_QUOTE);
    set(HANGING.contains(c), Flags::HANG);
    set(c.is_alphanumeric(), Flags::LETTER);
    let u = c as u32;
    let wide = c.width() == Some(2);
    set(
        wide || (0xff61..=0xffdc).contains(&u) || (0xffe8..=0xffee).contains(&u),
        Flags::EAST_ASIAN,
    );
    // A letter or digit of an alphabetic script: a run of them is a word.
    set(c.is_alphanumeric() && !wide, Flags::WORD);
    set(
        wide && class == BreakClass::OpenPunctuation,
        Flags::WIDE_OPEN,
    );
    Flags(f)
}

/// A char that must not begin a line.
#[cfg(test)]
pub(crate) fn no_start(c: char) -> bool {
    flags(c).has(Flags::NO_START)
}

/// A char that must not end a line.
#[cfg(test)]
pub(crate) fn no_end(c: char) -> bool {
    flags(c).has(Flags::NO_END)
}

/// An ASCII or full-width digit.
#[cfg(test)]
pub(crate) fn is_digit(c: char) -> bool {
    flags(c).has(Flags::DIGIT)
}

/// Flags of the base chars of the graphemes around a boundary:
/// `pp` `p` | `n` `nn` (those of [`NONE`] where there is none).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Around {
    pub(crate) pp: Flags,
    pub(crate) p: Flags,
    pub(crate) n: Flags,
    pub(crate) nn: Flags,
    /// `p` and `n` are the same char.
    pub(crate) same: bool,
    /// The last non-white-space grapheme before the boundary: what the line
    /// would visibly end with.
    pub(crate) last_visible: Flags,
}

/// Whether breaking here would split something that must stay together: a
/// number with its separators and sign, a range such as 2022—2025, `——`,
/// `……`, a word, or anything glued by a no-break space or word joiner.
#[inline]
fn keeps_together(a: &Around) -> bool {
    use Flags as F;
    let Around { pp, p, n, nn, .. } = *a;
    (p.has(F::DIGIT) && n.has(F::DIGIT))
        || (p.has(F::SEPARATOR) && pp.has(F::DIGIT) && n.has(F::DIGIT))
        || (p.has(F::DIGIT) && n.has(F::SEPARATOR) && nn.has(F::DIGIT))
        || (p.has(F::SIGN) && n.has(F::DIGIT))
        || (p.has(F::DASH) && pp.has(F::DIGIT) && n.has(F::DIGIT))
        || (a.same && p.has(F::DOUBLED))
        || (p.has(F::WORD) && n.has(F::WORD))
        || p.has(F::GLUE)
        || n.has(F::GLUE)
}

/// The LB19a opportunities Unicode 15.1 added: before an opening curly quote
/// and after a closing one when both neighbours are East Asian, so
/// `的“質量”論` may break before `“` and after `”`. We also allow `”|“`
/// between Chinese text on both sides, which clreq permits, and, as
/// Unicode 16 and browsers do, a break before `“` that follows a Han
/// character and after `”` that a Han character follows, whatever the quote
/// holds: `揭曉|“2022年度`, `“ABC”|發布`.
#[inline]
fn quote_break(a: &Around) -> bool {
    let opening = a.n.has(Flags::OPENING_QUOTE);
    let closing = a.p.has(Flags::CLOSING_QUOTE);
    if !(opening || closing) {
        return false;
    }
    if (opening && a.p.has(Flags::HAN)) || (closing && a.n.has(Flags::HAN)) {
        return true;
    }
    let before = if closing { a.pp } else { a.p };
    let after = if opening { a.nn } else { a.n };
    before.has(Flags::EAST_ASIAN) && after.has(Flags::EAST_ASIAN)
}

/// UAX #14's LB30 break before a full-width opening bracket after a letter,
/// digit or `%`, which our number rules or `unicode-linebreak`'s pair table
/// (PO × OP) would otherwise keep together: `32.69%|（不含`, `ABC|（`.
#[inline]
fn bracket_break(a: &Around) -> bool {
    a.n.has(Flags::WIDE_OPEN) && !a.p.has(Flags::SPACE) && !a.last_visible.has(Flags::NO_END)
}

/// A minus or plus sign starting a number after Chinese text (`溫度-3.5`):
/// UAX #14 reads it as a hyphen and forbids the break before it.
#[inline]
fn sign_break(a: &Around) -> bool {
    a.n.has(Flags::SIGN) && a.nn.has(Flags::DIGIT) && a.p.has(Flags::EAST_ASIAN)
}

/// Tier of the grapheme boundary described by `a`; `uax` says whether
/// UAX #14 offers a break there. A break before white space is never taken
/// (the space hangs at the end of the line instead), so it ranks lowest.
#[inline]
pub(crate) fn tier(a: &Around, uax: bool) -> Tier {
    if a.p.has(Flags::HAN) && a.n.has(Flags::HAN) {
        // The bulk of Chinese text: nothing to check.
        return if uax { Tier::Rule } else { Tier::Soft };
    }
    if a.n.has(Flags::SPACE) {
        return Tier::Any;
    }
    let punctuation = a.n.has(Flags::NO_START) || a.last_visible.has(Flags::NO_END);
    let together = keeps_together(a);
    if punctuation || together {
        // Orphaned punctuation and a word or number split at a separator
        // are lesser evils (the planner weighs them by the word's length);
        // a split digit run, `——` or `……`, or both at once, the greatest.
        let splits_a_run =
            (a.p.has(Flags::DIGIT) && a.n.has(Flags::DIGIT)) || (a.same && a.p.has(Flags::DOUBLED));
        return if uax {
            Tier::Uax
        } else if splits_a_run || (punctuation && together) {
            Tier::Any
        } else if punctuation {
            Tier::Punct
        } else {
            Tier::Loose
        };
    }
    if uax || quote_break(a) || sign_break(a) || bracket_break(a) {
        Tier::Rule
    } else {
        Tier::Soft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(pp: char, p: char, n: char, nn: char) -> Around {
        Around {
            pp: flags(pp),
            p: flags(p),
            n: flags(n),
            nn: flags(nn),
            same: p == n,
            last_visible: flags(p),
        }
    }

    #[test]
    fn prohibitions() {
        for c in "。，、：；！？”’」』）》〉】～—·・／%％‰℃°々ーっァ".chars()
        {
            assert!(no_start(c), "{c} may not start a line");
        }
        for c in "“‘「『（《〈【([¥$£€#№".chars() {
            assert!(no_end(c), "{c} may not end a line");
        }
        for c in "中a1“「".chars() {
            assert!(!no_start(c), "{c}");
        }
        for c in "中a1”」".chars() {
            assert!(!no_end(c), "{c}");
        }
    }

    #[test]
    fn ascii_table_matches_the_general_rule() {
        for b in 0u8..128 {
            let c = char::from(b);
            assert_eq!(
                flags(c).0 & !Flags::WORD,
                other_flags(c).0 & !Flags::WORD,
                "{c:?}"
            );
            assert_eq!(
                flags(c).has(Flags::WORD),
                c.is_ascii_alphanumeric(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn together() {
        let cases = [
            ('5', '.', '4', '5', true),
            (NONE, '5', '.', '4', true),
            ('1', '6', ':', '3', true),
            ('1', '4', ',', '0', true),
            (NONE, '-', '3', '.', true),
            ('2', '—', '2', '0', true),
            ('中', '—', '—', '經', true),
            ('…', '…', '…', '中', true),
            ('r', 'a', 't', 'u', true),
            ('j', 'ī', 'n', 'g', true),
            ('中', '文', 'r', 'a', false),
            ('中', '—', '中', '中', false),
        ];
        for (pp, p, n, nn, want) in cases {
            let got = keeps_together(&around(pp, p, n, nn));
            assert_eq!(got, want, "{pp}{p}|{n}{nn}");
        }
    }

    #[test]
    fn quotes_between_chinese() {
        assert!(quote_break(&around('的', '的', '“', '質')));
        assert!(quote_break(&around('光', '”', '論', '壇')));
        assert!(quote_break(&around('題', '”', '“', '加')));
        assert!(!quote_break(&around('a', 'a', '“', 'b')));
        assert!(!quote_break(&around('光', '”', 'a', 'b')));
        assert!(!quote_break(&around('的', '“', '質', '量')));
        // After Han, whatever the quote holds; before Han, likewise.
        assert!(quote_break(&around('揭', '曉', '“', '2')));
        assert!(quote_break(&around('C', '”', '發', '布')));
        assert!(!quote_break(&around('a', '“', '2', '0')));
    }

    #[test]
    fn wide_opening_brackets() {
        assert!(bracket_break(&around('9', '%', '（', '不')));
        assert!(bracket_break(&around('B', 'C', '（', '不')));
        assert!(!bracket_break(&around('B', 'C', '(', 'x')));
        assert!(!bracket_break(&around('（', '（', '（', 'x')));
    }
}
