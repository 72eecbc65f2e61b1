//! The forum-wide search, the palette and 繁/简 on real files: the
//! built-in forum and two Legislative Yuan sittings. Counts are checked
//! against an independent count over the raw JSON (serde_json values and
//! `str::matches`), not against the model.

use forum_tui::find::{self, Palette, Target};
use forum_tui::model::{self, Proceedings};
use forum_tui::text::pinyin::Tier;
use forum_tui::text::script::{self, Script};
use forum_tui::{DEFAULT_NAME, DEFAULT_PROCEEDINGS};
use serde_json::Value;

const LY_FINANCE: &str = include_str!("fixtures/valid/ly-2012-03-26-finance-economics.json");
const LY_INTERNAL: &str = include_str!("fixtures/valid/ly-2012-09-27-internal-affairs.json");

fn load(name: &str, json: &str) -> Proceedings {
    model::load_bytes(name, json.as_bytes())
        .expect("file loads")
        .proceedings
}

/// Every string the forum-wide search covers, read from the JSON itself:
/// the summary, each segment's title, topic and description, each turn's
/// title and blocks (a paragraph string, a list's items, a note).
fn searchable_strings(json: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(json).expect("json");
    let mut out = Vec::new();
    let blocks = |bs: &Value, out: &mut Vec<String>| {
        for b in bs.as_array().into_iter().flatten() {
            match b {
                Value::String(s) => out.push(s.clone()),
                Value::Object(o) => {
                    if let Some(Value::String(n)) = o.get("note") {
                        out.push(n.clone());
                    }
                    for item in o
                        .get("list")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        out.extend(item.as_str().map(str::to_owned));
                    }
                }
                _ => {}
            }
        }
    };
    blocks(&v["forum"]["summary"], &mut out);
    for seg in v["segments"].as_array().expect("segments") {
        for key in ["title", "topic"] {
            out.extend(seg[key].as_str().map(str::to_owned));
        }
        blocks(&seg["description"], &mut out);
        for sp in seg["speeches"].as_array().into_iter().flatten() {
            out.extend(sp["title"].as_str().map(str::to_owned));
            blocks(&sp["paragraphs"], &mut out);
        }
    }
    out
}

/// Non-overlapping occurrences of any of `forms` (a word written in
/// either script), counted by `str::matches`.
fn independent_count(json: &str, forms: &[&str]) -> usize {
    let mut forms = forms.to_vec();
    forms.dedup();
    searchable_strings(json)
        .iter()
        .map(|s| forms.iter().map(|f| s.matches(f).count()).sum::<usize>())
        .sum()
}

#[test]
fn forum_wide_count_of_zhiliang_equals_an_independent_count() {
    let p = load(DEFAULT_NAME, DEFAULT_PROCEEDINGS);
    let want = independent_count(DEFAULT_PROCEEDINGS, &["質量", "质量"]);
    assert!(want > 20, "the built-in forum talks about 質量: {want}");
    for query in ["質量", "质量"] {
        let got = find::search_all(&p, query).expect("a query").total();
        assert_eq!(got, want, "{query}");
    }
}

#[test]
fn simplified_and_traditional_queries_find_the_same_on_real_sittings() {
    let cases = [
        (LY_FINANCE, "經濟", "经济"),
        (LY_FINANCE, "銀行", "银行"),
        (LY_FINANCE, "部長", "部长"),
        (LY_INTERNAL, "委員", "委员"),
        (LY_INTERNAL, "原住民", "原住民"),
    ];
    for (json, hant, hans) in cases {
        let p = load("ly", json);
        let want = independent_count(json, &[hant, hans]);
        assert!(want > 0, "{hant} occurs");
        let t = find::search_all(&p, hant).expect("query");
        let s = find::search_all(&p, hans).expect("query");
        assert_eq!(t.total(), want, "{hant}");
        assert_eq!(s.hits(), t.hits(), "{hans} finds what {hant} finds");
        let per_speaker: usize = t.per_speaker().iter().map(|(_, n)| n).sum();
        assert!(per_speaker <= t.total());
    }
}

#[test]
fn search_on_the_finance_sitting_names_speakers_and_places() {
    let p = load("ly", LY_FINANCE);
    let search = find::search_all(&p, "经济").expect("query");
    assert!(
        search.per_speaker().len() >= 3,
        "{:?}",
        search.per_speaker()
    );
    for hit in search.hits() {
        let line = hit.place.text(&p).expect("the place exists");
        let found = &line[hit.range.clone()];
        assert_eq!(
            script::convert(found, Script::Hans),
            "经济",
            "{:?}",
            hit.place
        );
        let snip = find::snippet(line, hit.range.clone(), 40, Default::default());
        assert_eq!(
            script::convert(&snip.text[snip.range.clone()], Script::Hans),
            "经济"
        );
        assert!(forum_tui::text::width::str_width(&snip.text, Default::default()) <= 40);
    }
    let places: Vec<_> = search
        .hits()
        .iter()
        .map(|h| (h.place, h.range.start))
        .collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted, "programme order");
}

fn first_name(p: &Proceedings, palette: &Palette, query: &str) -> Option<String> {
    palette.rank(query).first().map(|e| match e.target {
        Target::Speaker(i) => p.speaker(i).name.clone(),
        Target::Segment(s) => p.segments[s].title.clone(),
    })
}

#[test]
fn palette_puts_the_speaker_first_on_the_built_in_forum() {
    let p = load(DEFAULT_NAME, DEFAULT_PROCEEDINGS);
    let palette = Palette::new(&p);
    let cases = [
        ("hmh", "郝明虹"),
        ("haominghong", "郝明虹"),
        ("hao ming hong", "郝明虹"),
        ("haomh", "郝明虹"),
        ("郝明虹", "郝明虹"),
        ("changcheng", "蒲長城"),
        ("zhangcheng", "蒲長城"),
        ("puchangcheng", "蒲長城"),
        ("蒲长城", "蒲長城"),
        ("zhengwenchao", "鄭文超"),
        ("lihejun", "李賀軍"),
    ];
    for (query, want) in cases {
        assert_eq!(
            first_name(&p, &palette, query).as_deref(),
            Some(want),
            "{query}"
        );
    }
    let hmh = palette.rank("hmh");
    assert_eq!(hmh[0].score.map(|s| s.tier), Some(Tier::Exact));
    for query in ["changcheng", "zhangcheng"] {
        let entries = palette.rank(query);
        let pu = entries
            .iter()
            .find(|e| matches!(e.target, Target::Speaker(i) if p.speaker(i).name == "蒲長城"))
            .expect("蒲長城 is listed");
        assert!(pu.turns > 0, "with its turns");
    }
}

#[test]
fn converting_the_built_in_forum_and_back() {
    let p = load(DEFAULT_NAME, DEFAULT_PROCEEDINGS);
    assert_eq!(find::document_script(&p), Some(Script::Hant));
    let hans = find::convert_proceedings(&p, Script::Hans);
    assert!(hans.forum.title.contains("质量"), "{}", hans.forum.title);
    assert!(!hans.forum.title.contains("質量"));
    let first_text = |q: &Proceedings| format!("{:?}", q.segments[0].speeches[0].paragraphs);
    assert_ne!(first_text(&hans), first_text(&p));
    let back = find::convert_proceedings(&hans, Script::Hant);
    assert!(back.forum.title.contains("質量"));
    // Search works on what is shown: the same hits in the converted file.
    let there = find::search_all(&p, "質量").expect("query");
    let here = find::search_all(&hans, "質量").expect("query");
    let places = |s: &find::ForumSearch| s.hits().iter().map(|h| h.place).collect::<Vec<_>>();
    assert_eq!(places(&here), places(&there));
}
