//! Matching a short string (a name, an organisation, a post, a segment
//! title) against what a reader types into a palette: the characters
//! themselves in either script, or pinyin without tones, in full
//! (`haominghong`, `hao ming hong`), as initials (`hmh`) or mixed
//! (`haomh`), with every reading of a polyphonic character (長 is cháng
//! and zhǎng, so `changcheng` and `zhangcheng` both find 蒲長城).
//!
//! Readings come from the `pinyin` crate (Unicode Unihan data, which
//! covers Traditional characters too), with heteronyms; ü is typed `v`
//! or `u`. A candidate is cut into units: one per Han character (its
//! folded char and its readings), one per run of letters or digits (the
//! run, lower-cased), and free units for spaces and punctuation, which the
//! query may pass over. A unit is matched by a non-empty prefix of one of
//! its forms, so a full syllable, its initial, or its first letters all
//! count.
//!
//! [`rank`] scores a match in tiers: the query covers the whole candidate
//! ([`Tier::Exact`]), its start ([`Tier::Prefix`]), a run inside it
//! ([`Tier::Contains`]), or units spread over it ([`Tier::Fuzzy`], a
//! subsequence). Within a tier fewer skipped units, then fewer
//! syllables typed partly, then fewer units left over rank higher.

use std::cmp::Reverse;

use pinyin::ToPinyinMulti;

use super::script;

/// How a query matched, best last (so `Ord` puts the best highest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// The units it covers are spread over the candidate (a subsequence).
    Fuzzy,
    /// A run of units inside the candidate, not at its start.
    Contains,
    /// A run of units at the start, with units left over.
    Prefix,
    /// The whole candidate.
    Exact,
}

/// The score of a match; a greater score is a better match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score {
    pub tier: Tier,
    /// Costs within the tier, lowest best (skipped units, syllables typed
    /// partly, units left over).
    cost: Reverse<(u32, u32, u32)>,
}

impl Score {
    fn new(tier: Tier, cost: (u32, u32, u32)) -> Score {
        Score {
            tier,
            cost: Reverse(cost),
        }
    }
}

/// A query prepared for ranking many candidates: folded like the search
/// (full-width to ASCII, lower case, 繁/简 to one form), with white space
/// and apostrophes (`xi'an`) dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    chars: Vec<char>,
}

impl Query {
    /// `None` when nothing is left to match.
    pub fn new(query: &str) -> Option<Query> {
        let chars: Vec<char> = query
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '’'))
            .map(fold)
            .collect();
        (!chars.is_empty()).then_some(Query { chars })
    }
}

/// One char as matching sees it: full-width to ASCII, lower case, and one
/// form per 繁/简 class.
fn fold(c: char) -> char {
    let c = match c as u32 {
        u @ 0xff01..=0xff5e => char::from_u32(u - 0xfee0).unwrap_or(c),
        _ => c,
    };
    let mut lower = c.to_lowercase();
    let c = match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => c,
    };
    script::fold_char(c)
}

#[derive(Debug, Clone)]
struct Unit {
    /// What may match the unit: the folded char or run, and for a Han
    /// character its readings.
    forms: Vec<Vec<char>>,
    /// Space or punctuation: passing over it costs nothing.
    free: bool,
}

/// A candidate string cut into units once, for ranking against many
/// queries (the palette re-ranks on every key).
#[derive(Debug, Clone)]
pub struct Candidate {
    units: Vec<Unit>,
}

impl Candidate {
    pub fn new(text: &str) -> Candidate {
        let mut units = Vec::new();
        let mut word: Vec<char> = Vec::new();
        let flush = |word: &mut Vec<char>, units: &mut Vec<Unit>| {
            if !word.is_empty() {
                units.push(Unit {
                    forms: vec![std::mem::take(word)],
                    free: false,
                });
            }
        };
        for c in text.chars() {
            if let Some(readings) = c.to_pinyin_multi() {
                flush(&mut word, &mut units);
                let mut forms = vec![vec![fold(c)]];
                for p in readings {
                    for spelling in spellings(p.plain()) {
                        if !forms.contains(&spelling) {
                            forms.push(spelling);
                        }
                    }
                }
                units.push(Unit { forms, free: false });
            } else if c.is_alphanumeric() {
                word.push(fold(c));
            } else {
                flush(&mut word, &mut units);
                units.push(Unit {
                    forms: vec![vec![fold(c)]],
                    free: true,
                });
            }
        }
        flush(&mut word, &mut units);
        Candidate { units }
    }

    /// How well `query` matches, or `None` when it does not.
    pub fn rank(&self, query: &Query) -> Option<Score> {
        let q = &query.chars;
        let n = self.units.len();
        // Non-free units from i to the end: what a run ending at i leaves.
        let mut left = vec![0u32; n + 1];
        for i in (0..n).rev() {
            left[i] = left[i + 1] + u32::from(!self.units[i].free);
        }
        let run = self.runs(q, &left);
        if let Some((early, partial, trail)) = run[0] {
            let tier = if early { Tier::Prefix } else { Tier::Exact };
            return Some(Score::new(tier, (0, partial, trail)));
        }
        let inner = (0..n)
            .filter(|&s| !self.units[s].free)
            .filter_map(|s| run[s * (q.len() + 1)].map(|(_, p, t)| (left[0] - left[s], p, t)))
            .min();
        if let Some(cost) = inner {
            return Some(Score::new(Tier::Contains, cost));
        }
        self.spread(q)
            .map(|(skipped, partial)| Score::new(Tier::Fuzzy, (skipped, partial, 0)))
    }

    /// How many chars of `q` from `j` each form of unit `i` can take: every
    /// `k` such that the form starts with `q[j..j + k]`, with whether that
    /// is the whole form.
    fn takes<'a>(
        &'a self,
        i: usize,
        q: &'a [char],
        j: usize,
    ) -> impl Iterator<Item = (usize, bool)> + 'a {
        self.units[i].forms.iter().flat_map(move |form| {
            let common = form.iter().zip(&q[j..]).take_while(|(a, b)| a == b).count();
            (1..=common).map(move |k| (k, k == form.len()))
        })
    }

    /// For every unit `i` and query position `j` (flattened as
    /// `i * (m + 1) + j`), the best way to take `q[j..]` with a run of
    /// units from `i` on, each taking a prefix of one of its forms (free
    /// units may be passed): (ended before the last unit, syllables taken
    /// partly, units left over), lowest best.
    fn runs(&self, q: &[char], left: &[u32]) -> Vec<Option<(bool, u32, u32)>> {
        let (n, m) = (self.units.len(), q.len());
        let at = |i: usize, j: usize| i * (m + 1) + j;
        let mut best: Vec<Option<(bool, u32, u32)>> = vec![None; (n + 1) * (m + 1)];
        for i in (0..=n).rev() {
            for j in (0..=m).rev() {
                let here = if j == m {
                    Some((left[i] > 0, 0, left[i]))
                } else if i == n {
                    None
                } else {
                    let mut b = if self.units[i].free {
                        best[at(i + 1, j)]
                    } else {
                        None
                    };
                    for (k, whole) in self.takes(i, q, j) {
                        if let Some((e, p, t)) = best[at(i + 1, j + k)] {
                            let c = Some((e, p + u32::from(!whole), t));
                            if b.is_none() || c < b {
                                b = c;
                            }
                        }
                    }
                    b
                };
                best[at(i, j)] = here;
            }
        }
        best
    }

    /// The best subsequence match: (units skipped between the first and
    /// the last unit used, syllables taken partly), lowest best. Falls back
    /// to the query's chars as a plain subsequence of the units' first
    /// forms (a fuzzy match inside a word), which ranks below any other.
    fn spread(&self, q: &[char]) -> Option<(u32, u32)> {
        let (n, m) = (self.units.len(), q.len());
        // started[i][j]: best cost to take q[j..] from unit i once the
        // match has begun (skips count); fresh: before it began.
        let at = |i: usize, j: usize| i * (m + 1) + j;
        let mut started: Vec<Option<(u32, u32)>> = vec![None; (n + 1) * (m + 1)];
        let mut fresh: Vec<Option<(u32, u32)>> = vec![None; (n + 1) * (m + 1)];
        for i in (0..=n).rev() {
            for j in (0..=m).rev() {
                if j == m {
                    started[at(i, j)] = Some((0, 0));
                    fresh[at(i, j)] = Some((0, 0));
                    continue;
                }
                if i == n {
                    continue;
                }
                let skip = u32::from(!self.units[i].free);
                let mut s = started[at(i + 1, j)].map(|(a, b)| (a + skip, b));
                let mut f = fresh[at(i + 1, j)];
                for (k, whole) in self.takes(i, q, j) {
                    if let Some((a, b)) = started[at(i + 1, j + k)] {
                        let c = Some((a, b + u32::from(!whole)));
                        if s.is_none() || c < s {
                            s = c;
                        }
                        if f.is_none() || c < f {
                            f = c;
                        }
                    }
                }
                started[at(i, j)] = s;
                fresh[at(i, j)] = f;
            }
        }
        if let Some(cost) = fresh[at(0, 0)] {
            return Some(cost);
        }
        let mut want = q.iter().peekable();
        for c in self.units.iter().flat_map(|u| u.forms[0].iter()) {
            if want.peek() == Some(&c) {
                want.next();
            }
        }
        want.peek()
            .is_none()
            .then_some((u32::MAX / 2, u32::MAX / 2))
    }
}

/// The ways to type a toneless reading: as given, and with ü as `v` and
/// as `u` (lüe: `lve`, `lue`).
fn spellings(plain: &str) -> Vec<Vec<char>> {
    let base: Vec<char> = plain.chars().map(fold).collect();
    if !base.contains(&'ü') {
        return vec![base];
    }
    let with = |to: char| {
        base.iter()
            .map(|&c| if c == 'ü' { to } else { c })
            .collect()
    };
    vec![base.clone(), with('v'), with('u')]
}

/// How well `query` matches `candidate` (see the module docs), or `None`.
///
/// ```
/// use forum_tui::text::pinyin::{Tier, rank};
/// assert_eq!(rank("郝明虹", "hmh").map(|s| s.tier), Some(Tier::Exact));
/// assert_eq!(rank("蒲長城", "zhangcheng").map(|s| s.tier), Some(Tier::Contains));
/// assert_eq!(rank("郝明虹", "xyz"), None);
/// ```
pub fn rank(candidate: &str, query: &str) -> Option<Score> {
    Candidate::new(candidate).rank(&Query::new(query)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(candidate: &str, query: &str) -> Option<Tier> {
        rank(candidate, query).map(|s| s.tier)
    }

    #[test]
    fn tiers() {
        use Tier::*;
        let cases = [
            ("郝明虹", "郝明虹", Some(Exact)),
            ("郝明虹", "haominghong", Some(Exact)),
            ("郝明虹", "hao ming hong", Some(Exact)),
            ("郝明虹", "HaoMingHong", Some(Exact)),
            ("郝明虹", "hmh", Some(Exact)),
            ("郝明虹", "haomh", Some(Exact)),
            ("郝明虹", "haominghon", Some(Exact)),
            ("郝明虹", "郝", Some(Prefix)),
            ("郝明虹", "hao", Some(Prefix)),
            ("郝明虹", "hm", Some(Prefix)),
            ("郝明虹", "minghong", Some(Contains)),
            ("郝明虹", "hh", Some(Fuzzy)),
            ("郝明虹", "郝虹", Some(Fuzzy)),
            ("郝明虹", "hmx", None),
            ("郝明虹", "hmhh", None),
            ("蒲長城", "puchangcheng", Some(Exact)),
            ("蒲長城", "puzhangcheng", Some(Exact)),
            ("蒲長城", "changcheng", Some(Contains)),
            ("蒲長城", "zhangcheng", Some(Contains)),
            ("蒲長城", "蒲长城", Some(Exact)),
            ("蒲长城", "蒲長城", Some(Exact)),
            ("鄭麗君", "zhenglijun", Some(Exact)),
            ("賀陳旦", "hcd", Some(Exact)),
            ("賀陳旦", "hechendan", Some(Exact)),
            ("呂秀蓮", "lvxiulian", Some(Exact)),
            ("呂秀蓮", "luxiulian", Some(Exact)),
            ("中國計量測試學會", "计量", Some(Contains)),
            ("中國計量測試學會", "zgjl", Some(Prefix)),
            ("中國計量測試學會", "jlxh", Some(Fuzzy)),
            ("Quality Forum", "quality forum", Some(Exact)),
            ("Quality Forum", "qf", Some(Exact)),
            ("Quality Forum", "forum", Some(Contains)),
            ("Quality Forum", "qlty", Some(Fuzzy)),
            ("ＡＢＣ公司", "abc", Some(Prefix)),
            ("王小明（主席）", "wxm", Some(Prefix)),
            ("", "a", None),
        ];
        for (candidate, query, want) in cases {
            assert_eq!(tier(candidate, query), want, "{query:?} for {candidate:?}");
        }
        assert_eq!(rank("郝明虹", " ' "), None, "nothing to match");
    }

    #[test]
    fn order_within_and_across_tiers() {
        // Each pair: the first candidate ranks above the second.
        let cases = [
            ("郝明虹", "郝明虹委員", "hmh"),
            ("郝明虹", "何明華", "haominghong"),
            ("郝明虹", "郝一明虹", "hmh"),
            ("王明", "明王", "wm"),
            ("長城", "蒲長城", "changcheng"),
            ("張明", "王張明", "zhangming"),
            ("張", "張三", "zhang"),
        ];
        for (better, worse, query) in cases {
            let (b, w) = (rank(better, query), rank(worse, query));
            assert!(b.is_some(), "{query} finds {better}");
            assert!(b > w, "{query}: {better} {b:?} above {worse} {w:?}");
        }
        // Full syllables beat initials in the same tier.
        assert!(rank("郝明虹", "haominghong") > rank("郝明虹", "hmh"));
    }
}
