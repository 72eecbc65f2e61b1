//! Simplified and Traditional Chinese (繁/简): converting text between the
//! two scripts, telling which one a document is written in, and a
//! per-character fold that makes matching script-insensitive.
//!
//! Conversion is `zhconv` with its OpenCC tables only (`opencc-hans`,
//! `opencc-hant`: Apache-2.0 data, MIT/Apache code; its default MediaWiki
//! tables are GPL and stay off). It converts phrase by phrase (longest
//! match over an Aho-Corasick automaton), so 頭髮 becomes 头发 and 干部
//! becomes 幹部 rather than a blind per-character swap. Converted text can
//! differ in byte length from the original; callers keep both.
//!
//! The fold ([`fold_char`]) maps every character to one representative of
//! its Simplified/Traditional class, one char to one char, so matching on
//! folded chars keeps char positions and every match maps back to byte
//! ranges of the original text. It is built once, lazily, from the
//! single-character pairs of the same OpenCC tables; no table is written
//! here.

use std::collections::HashMap;
use std::sync::LazyLock;

use zhconv::Variant;
use zhconv::tables::{expand_table, get_builtin_tables};

/// A Chinese script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Simplified (zh-Hans).
    Hans,
    /// Traditional (zh-Hant).
    Hant,
}

impl Script {
    /// The other script.
    pub fn other(self) -> Script {
        match self {
            Script::Hans => Script::Hant,
            Script::Hant => Script::Hans,
        }
    }

    /// The BCP 47 script subtag (`Hans`, `Hant`).
    pub fn subtag(self) -> &'static str {
        match self {
            Script::Hans => "Hans",
            Script::Hant => "Hant",
        }
    }

    /// Parses `hans` or `hant` (any case), as `--script` takes it.
    pub fn parse(name: &str) -> Option<Script> {
        if name.eq_ignore_ascii_case("hans") {
            Some(Script::Hans)
        } else if name.eq_ignore_ascii_case("hant") {
            Some(Script::Hant)
        } else {
            None
        }
    }

    fn variant(self) -> Variant {
        match self {
            Script::Hans => Variant::ZhHans,
            Script::Hant => Variant::ZhHant,
        }
    }
}

/// `text` converted to `to`. Text already in that script, and anything that
/// is not Chinese, comes back unchanged.
///
/// ```
/// use forum_tui::text::script::{Script, convert};
/// assert_eq!(convert("質量監管", Script::Hans), "质量监管");
/// assert_eq!(convert("质量监管", Script::Hant), "質量監管");
/// ```
pub fn convert(text: &str, to: Script) -> String {
    let mut out = String::with_capacity(text.len());
    convert_into(text, to, &mut out);
    out
}

/// [`convert`] appending to `out`, to reuse one buffer over many strings.
pub fn convert_into(text: &str, to: Script, out: &mut String) {
    zhconv::get_builtin_converter(to.variant()).convert_to(text, out);
}

/// The script a BCP 47 language tag names: an explicit script subtag
/// (`zh-Hant`, `zh-Hans-CN`), else the region's usual script (`zh-TW`,
/// `zh-HK`, `zh-MO` Traditional; `zh-CN`, `zh-SG`, `zh-MY` Simplified).
/// `None` for a tag that is not Chinese or does not say (`zh`, `en`).
///
/// ```
/// use forum_tui::text::script::{Script, script_of_language};
/// assert_eq!(script_of_language("zh-Hant"), Some(Script::Hant));
/// assert_eq!(script_of_language("zh-CN"), Some(Script::Hans));
/// assert_eq!(script_of_language("zh"), None);
/// ```
pub fn script_of_language(tag: &str) -> Option<Script> {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    if !["zh", "cmn", "yue", "lzh"]
        .iter()
        .any(|l| language.eq_ignore_ascii_case(l))
    {
        return None;
    }
    let mut by_region = None;
    for part in parts {
        if let Some(script) = Script::parse(part) {
            return Some(script);
        }
        let upper = part.to_ascii_uppercase();
        by_region = by_region.or(match upper.as_str() {
            "TW" | "HK" | "MO" => Some(Script::Hant),
            "CN" | "SG" | "MY" => Some(Script::Hans),
            _ => None,
        });
    }
    by_region
}

/// How many characters that belong to only one script a detection looks
/// at before it stops: enough to be sure, and cheap on a 100 MB file.
const DETECT_ENOUGH: usize = 2000;

/// The script of a text given in pieces, by counting characters that exist
/// in only one script (質 is Traditional only, 质 Simplified only). Stops
/// early once 2,000 such characters were seen. `None` when no
/// piece holds any such character, or both kinds are equally many.
pub fn detect<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Option<Script> {
    let tables = tables();
    let (mut hans, mut hant) = (0usize, 0usize);
    for piece in pieces {
        for c in piece.chars() {
            match tables.only_in(c) {
                Some(Script::Hans) => hans += 1,
                Some(Script::Hant) => hant += 1,
                None => {}
            }
        }
        if hans + hant >= DETECT_ENOUGH {
            break;
        }
    }
    match hans.cmp(&hant) {
        std::cmp::Ordering::Greater => Some(Script::Hans),
        std::cmp::Ordering::Less => Some(Script::Hant),
        std::cmp::Ordering::Equal => None,
    }
}

/// One representative of `c`'s script class, Simplified where the class
/// has a Simplified form (質 → 质, 幹 → 干); `c` itself for anything that
/// has no other form. Used on both sides of a comparison, so 质量 and 質量
/// fold to the same chars.
///
/// ```
/// use forum_tui::text::script::fold_char;
/// assert_eq!(fold_char('質'), fold_char('质'));
/// assert_eq!(fold_char('a'), 'a');
/// ```
#[inline]
pub fn fold_char(c: char) -> char {
    if (c as u32) < FIRST_HAN_LIKE {
        return c;
    }
    tables().fold(c)
}

/// Every char that folds as `c` does, `c` among them, in code point
/// order: 質 gives 質 and 质. The search looks for these before folding.
///
/// ```
/// use forum_tui::text::script::same_class;
/// assert_eq!(same_class('質'), ['質', '质']);
/// assert_eq!(same_class('中'), ['中']);
/// ```
pub fn same_class(c: char) -> Vec<char> {
    let rep = fold_char(c);
    match tables().classes.get(&rep) {
        Some(class) => class.clone(),
        None => vec![c],
    }
}

/// Below this nothing has a Simplified or Traditional form (the CJK
/// radicals block starts here), so ASCII and Latin text skip the table.
const FIRST_HAN_LIKE: u32 = 0x2e80;
/// The dense part of the fold covers U+2E80 to U+9FFF: radicals, CJK
/// symbols, extension A and the unified ideographs, where nearly every
/// pair lies. The rest (compatibility ideographs, planes 2 and 3) goes
/// through a hash map.
const DENSE_END: u32 = 0xa000;

/// The per-character data derived from the OpenCC tables.
struct Tables {
    /// `dense[c - FIRST_HAN_LIKE]`: the fold of `c` in the dense range.
    dense: Vec<char>,
    sparse: HashMap<char, char>,
    /// Each class of more than one member, by its representative.
    classes: HashMap<char, Vec<char>>,
    /// Characters the Traditional→Simplified table changes (Traditional
    /// only) and those the Simplified→Traditional table changes.
    from_hant: HashMap<char, char>,
    from_hans: HashMap<char, char>,
}

impl Tables {
    #[inline]
    fn fold(&self, c: char) -> char {
        let u = c as u32;
        if u < DENSE_END {
            self.dense[(u - FIRST_HAN_LIKE) as usize]
        } else {
            self.sparse.get(&c).copied().unwrap_or(c)
        }
    }

    /// The one script `c` belongs to, if it is in one script only.
    fn only_in(&self, c: char) -> Option<Script> {
        if (c as u32) < FIRST_HAN_LIKE {
            return None;
        }
        match (
            self.from_hant.contains_key(&c),
            self.from_hans.contains_key(&c),
        ) {
            (true, false) => Some(Script::Hant),
            (false, true) => Some(Script::Hans),
            _ => None,
        }
    }
}

fn tables() -> &'static Tables {
    static TABLES: LazyLock<Tables> = LazyLock::new(build_tables);
    &TABLES
}

/// The single-character pairs of the built-in tables converting to `to`.
fn char_pairs(to: Script) -> HashMap<char, char> {
    let mut pairs = HashMap::new();
    for table in get_builtin_tables(to.variant()) {
        for (from, into) in expand_table(*table) {
            let (mut f, mut t) = (from.chars(), into.chars());
            if let (Some(a), None, Some(b), None) = (f.next(), f.next(), t.next(), t.next())
                && a != b
            {
                pairs.entry(a).or_insert(b);
            }
        }
    }
    pairs
}

fn build_tables() -> Tables {
    let from_hant = char_pairs(Script::Hans);
    let from_hans = char_pairs(Script::Hant);
    // Classes are the connected parts of both tables' pairs (union-find):
    // 乾 → 干 and 幹 → 干 from one side, 干 → 幹 from the other, make one
    // class; a chain (薴 → 苧 → 苎) or a cycle is one class too.
    let mut parent: HashMap<char, char> = HashMap::new();
    fn root(parent: &mut HashMap<char, char>, c: char) -> char {
        let mut r = c;
        while let Some(&p) = parent.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        // Path halving is not needed: classes have a handful of members.
        r
    }
    // A class's representative: a Simplified form (a char the
    // Traditional → Simplified table produces and never changes), else the
    // smallest member, so the choice does not depend on hash order.
    let simplified: std::collections::HashSet<char> = from_hant
        .values()
        .copied()
        .filter(|v| !from_hant.contains_key(v))
        .collect();
    let rank = |c: char| (!simplified.contains(&c), c);
    for (&a, &b) in from_hant.iter().chain(&from_hans) {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent.insert(ra, rb);
        }
    }
    let members: Vec<char> = parent.keys().copied().collect();
    let mut best: HashMap<char, char> = HashMap::new();
    for &c in &members {
        let r = root(&mut parent, c);
        let slot = best.entry(r).or_insert(c);
        if rank(c) < rank(*slot) {
            *slot = c;
        }
    }
    let mut dense: Vec<char> = (FIRST_HAN_LIKE..DENSE_END)
        .map(|u| char::from_u32(u).unwrap_or('\u{fffd}'))
        .collect();
    let mut sparse = HashMap::new();
    let mut classes: HashMap<char, Vec<char>> = HashMap::new();
    for &c in &members {
        let to = best[&root(&mut parent, c)];
        let u = c as u32;
        if (FIRST_HAN_LIKE..DENSE_END).contains(&u) {
            dense[(u - FIRST_HAN_LIKE) as usize] = to;
        } else if u >= DENSE_END && to != c {
            sparse.insert(c, to);
        }
        if u >= FIRST_HAN_LIKE {
            classes.entry(to).or_default().push(c);
        }
    }
    for class in classes.values_mut() {
        class.sort_unstable();
    }
    Tables {
        dense,
        sparse,
        classes,
        from_hant,
        from_hans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        let cases = [
            ("質量監管", Script::Hans, "质量监管"),
            ("质量监管", Script::Hant, "質量監管"),
            ("頭髮", Script::Hans, "头发"),
            ("干部", Script::Hant, "幹部"),
            ("蒲長城", Script::Hans, "蒲长城"),
            ("質量之光 2022", Script::Hant, "質量之光 2022"),
            ("Quality", Script::Hans, "Quality"),
            ("", Script::Hans, ""),
        ];
        for (text, to, want) in cases {
            assert_eq!(convert(text, to), want, "{text} to {to:?}");
        }
    }

    #[test]
    fn language_tags() {
        let cases = [
            ("zh-Hant", Some(Script::Hant)),
            ("zh-hans", Some(Script::Hans)),
            ("zh-TW", Some(Script::Hant)),
            ("zh-HK", Some(Script::Hant)),
            ("zh-CN", Some(Script::Hans)),
            ("zh_SG", Some(Script::Hans)),
            ("zh-Hans-TW", Some(Script::Hans)),
            ("zh-Hant-CN", Some(Script::Hant)),
            ("yue-HK", Some(Script::Hant)),
            ("zh", None),
            ("en", None),
            ("en-TW", None),
            ("", None),
        ];
        for (tag, want) in cases {
            assert_eq!(script_of_language(tag), want, "{tag}");
        }
    }

    #[test]
    fn detects_by_counting() {
        let cases: [(&[&str], Option<Script>); 6] = [
            (&["質量強國", "監管"], Some(Script::Hant)),
            (&["质量强国", "监管"], Some(Script::Hans)),
            (&["中國質量", "质量"], Some(Script::Hant)),
            (&["中文"], None),
            (&["Quality"], None),
            (&[], None),
        ];
        for (pieces, want) in cases {
            assert_eq!(detect(pieces.iter().copied()), want, "{pieces:?}");
        }
    }

    #[test]
    fn fold_joins_the_two_scripts() {
        let same = [
            ('質', '质'),
            ('監', '监'),
            ('長', '长'),
            ('鄭', '郑'),
            ('賀', '贺'),
            ('幹', '干'),
            ('薴', '苎'),
            ('苧', '苎'),
            ('國', '国'),
        ];
        for (a, b) in same {
            assert_eq!(fold_char(a), fold_char(b), "{a} {b}");
        }
        for c in ['中', 'a', 'Ａ', '。', '𠀀', '\u{fa0e}'] {
            assert_eq!(fold_char(c), c, "{c} has no other form");
        }
        assert_ne!(fold_char('質'), fold_char('量'));
    }

    #[test]
    fn classes_are_what_folds_alike() {
        for c in "質量監管長鄭賀幹干薴後發臺著中a".chars() {
            let class = same_class(c);
            assert!(class.contains(&c), "{c}: {class:?}");
            for &m in &class {
                assert_eq!(fold_char(m), fold_char(c), "{m} in the class of {c}");
            }
        }
        assert_eq!(same_class('幹'), same_class('干'));
        assert!(same_class('臺').len() >= 3, "台 臺 檯 颱");
    }

    #[test]
    fn fold_is_idempotent() {
        for c in "質量監管長鄭賀幹薴後發髮臺颱檯著鐘鍾麵錄".chars() {
            let once = fold_char(c);
            assert_eq!(fold_char(once), once, "{c}");
        }
    }
}
