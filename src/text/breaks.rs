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

use unicode_linebreak::{BreakClass, break_property};
use unicode_width::UnicodeWidthChar;

use super::width::is_han;

/// How good a break point is; the wrapper takes the best tier a line offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// A UAX #14 opportunity (or LB19a quote break) that breaks no rule.
    Rule,
    /// A grapheme boundary that breaks no rule, though UAX #14 offers none.
    Soft,
    /// Any other grapheme boundary: only when nothing better fits.
    Any,
}

/// Stand-in for "no char here" (start of a segment); `\n` never occurs
/// inside a segment, and no rule below matches it.
pub(crate) const NONE: char = '\n';

/// Never at the start of a line (clreq closing punctuation, strict kana).
/// Listed explicitly because UAX #14 classes some of them ID or AL
/// (～ ／ · ”), and the wrapper's fallback tier must honour them too.
/// (`matches!` rather than a slice: it compiles to a few range tests.)
#[inline]
fn listed_no_start(c: char) -> bool {
    matches!(
        c,
        '。' | '．'
            | '，'
            | '、'
            | '：'
            | '；'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〗'
            | '〕'
            | '］'
            | '｝'
            | '〙'
            | '〛'
            | '〞'
            | '〟'
            | ')'
            | ']'
            | '}'
            | '～'
            | '〜'
            | '–'
            | '—'
            | '·'
            | '・'
            | '‧'
            | '／'
            | '%'
            | '％'
            | '‰'
            | '℃'
            | '°'
            | '′'
            | '″'
            | '々'
            | '〻'
            | 'ー'
            | '｡'
            | '､'
            | '｣'
            | '･'
            | 'ｰ'
    )
}

/// Never at the end of a line (opening punctuation, currency and number
/// prefixes that belong to what follows).
#[inline]
fn listed_no_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〖'
            | '〔'
            | '［'
            | '｛'
            | '〘'
            | '〚'
            | '〝'
            | '('
            | '['
            | '{'
            | '¥'
            | '$'
            | '£'
            | '€'
            | '#'
            | '№'
            | '＄'
            | '￥'
            | '￡'
            | '＃'
            | '｢'
    )
}

#[inline]
fn punct_candidate(c: char) -> bool {
    // Everything in the tables is beyond ASCII letters/digits or is ASCII
    // punctuation; Han and ASCII alphanumerics answer "no" at once.
    let u = c as u32;
    !(is_han(u) || c.is_ascii_alphanumeric() || c == ' ')
}

/// A char that must not begin a line.
#[inline]
pub(crate) fn no_start(c: char) -> bool {
    punct_candidate(c)
        && (listed_no_start(c)
            || matches!(
                break_property(c as u32),
                BreakClass::ClosePunctuation
                    | BreakClass::CloseParenthesis
                    | BreakClass::Exclamation
                    | BreakClass::InfixSeparator
                    | BreakClass::NonStarter
                    | BreakClass::ConditionalJapaneseStarter
            ))
}

/// A char that must not end a line.
#[inline]
pub(crate) fn no_end(c: char) -> bool {
    punct_candidate(c)
        && (listed_no_end(c) || break_property(c as u32) == BreakClass::OpenPunctuation)
}

/// East Asian Wide/Fullwidth/Halfwidth, the context LB19a asks about.
#[inline]
fn is_east_asian(c: char) -> bool {
    let u = c as u32;
    is_han(u)
        || (c != NONE && c.width() == Some(2))
        || (0xff61..=0xffdc).contains(&u)
        || (0xffe8..=0xffee).contains(&u)
}

#[inline]
fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '‟' | '‛')
}

#[inline]
fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’')
}

#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[inline]
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/' | '．' | '：' | '／')
}

#[inline]
fn is_sign(c: char) -> bool {
    matches!(c, '-' | '+' | '−' | '±' | '－' | '＋')
}

#[inline]
fn is_range_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '～' | '〜' | '-' | '－')
}

/// Characters that must not be split when doubled (clreq: `——`, `……`).
#[inline]
fn is_doubled_mark(c: char) -> bool {
    matches!(c, '—' | '―' | '…' | '⋯' | '─')
}

/// A letter or digit of an alphabetic script: a run of these is a word.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Answer the blocks common in Chinese prose by range, skipping the slow
    // Unicode look-ups: Latin-1 and Latin Extended letters (pinyin) are
    // word chars; punctuation, symbols, CJK and full-width forms are not.
    let u = c as u32;
    if (0xc0..=0x24f).contains(&u) {
        return u != 0xd7 && u != 0xf7;
    }
    if u < 0xc0
        || (0x2000..=0x2bff).contains(&u)
        || (0x2e00..=0xa4cf).contains(&u)
        || (0xf900..=0xffef).contains(&u)
        || is_han(u)
    {
        return false;
    }
    c.is_alphanumeric() && c.width() == Some(1)
}

/// Base chars of the graphemes around a boundary: `pp` `p` | `n` `nn`
/// ([`NONE`] where there is none).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Around {
    /// The char before `p`.
    pub(crate) pp: char,
    /// The last char before the boundary.
    pub(crate) p: char,
    /// The first char after the boundary.
    pub(crate) n: char,
    /// The char after `n`.
    pub(crate) nn: char,
    /// The base char of the last non-white-space grapheme before the
    /// boundary: what the line would visibly end with.
    pub(crate) last_visible: char,
}

/// Whether breaking here would split something that must stay together.
#[inline]
fn keeps_together(a: &Around) -> bool {
    let Around { pp, p, n, nn, .. } = *a;
    (is_digit(p) && is_digit(n))
        || (is_number_separator(p) && is_digit(pp) && is_digit(n))
        || (is_digit(p) && is_number_separator(n) && is_digit(nn))
        || (is_sign(p) && is_digit(n))
        || (is_range_dash(p) && is_digit(pp) && is_digit(n))
        || (p == n && is_doubled_mark(p))
        || (is_word_char(p) && is_word_char(n))
        || is_glue(p)
        || is_glue(n)
}

/// No-break space and word joiners: UAX #14 GL/WJ, never broken around.
#[inline]
fn is_glue(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{202F}' | '\u{2007}' | '\u{2011}' | '\u{2060}' | '\u{FEFF}' | '\u{F0C}'
    )
}

/// The LB19a opportunities Unicode 15.1 added: before an opening curly quote
/// and after a closing one when both neighbours are East Asian, so
/// `的“質量”論` may break before `“` and after `”`. We also allow `”|“`
/// between Chinese text on both sides, which clreq permits.
#[inline]
fn quote_break(a: &Around) -> bool {
    let opening = is_opening_quote(a.n);
    let closing = is_closing_quote(a.p);
    if !(opening || closing) {
        return false;
    }
    let before = if closing { a.pp } else { a.p };
    let after = if opening { a.nn } else { a.n };
    is_east_asian(before) && is_east_asian(after)
}

/// A minus or plus sign starting a number after Chinese text (`溫度-3.5`):
/// UAX #14 reads it as a hyphen and forbids the break before it.
#[inline]
fn sign_break(a: &Around) -> bool {
    is_sign(a.n) && is_digit(a.nn) && is_east_asian(a.p)
}

/// Tier of the grapheme boundary described by `a`; `uax` says whether
/// UAX #14 offers a break there. `n_is_space` boundaries are never break
/// points at all (white space hangs at the end of the line before it), which
/// the caller handles; here they rank lowest.
#[inline]
pub(crate) fn tier(a: &Around, uax: bool) -> Tier {
    if is_han(a.p as u32) && is_han(a.n as u32) {
        // The bulk of Chinese text: nothing to check, UAX #14 allows it
        // unless a joiner or the like intervenes.
        return if uax { Tier::Rule } else { Tier::Soft };
    }
    if a.p.is_ascii_alphanumeric() && a.n.is_ascii_alphanumeric() {
        // Inside a word or number: kept together.
        return Tier::Any;
    }
    if a.n.is_whitespace() || no_start(a.n) || no_end(a.last_visible) || keeps_together(a) {
        return Tier::Any;
    }
    if uax || quote_break(a) || sign_break(a) {
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
            pp,
            p,
            n,
            nn,
            last_visible: p,
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
            ('中', '文', 'r', 'a', false),
            ('中', '—', '中', '中', false),
        ];
        for (pp, p, n, nn, want) in cases {
            assert_eq!(
                keeps_together(&around(pp, p, n, nn)),
                want,
                "{pp}{p}|{n}{nn}"
            );
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
    }
}
