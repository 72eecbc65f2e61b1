use super::*;
use crate::text::pinyin::Tier;
use crate::text::script::Script;

/// A small forum with a hit in every kind of place.
const FORUM: &str = r#"{
  "schema_version": 1,
  "forum": {
    "title": "質量論壇",
    "summary": ["論壇談質量。", {"list": ["质量一", "標準"]}]
  },
  "speakers": [
    {"id": "pu", "name": "蒲長城", "affiliations": [{"organization": "中國質量報刊社", "position": "社長"}]},
    {"id": "hao", "name": "郝明虹"},
    {"id": "silent", "name": "何明華"}
  ],
  "segments": [
    {
      "id": "a", "kind": "opening", "title": "質量開幕", "topic": "談質量",
      "description": ["說明質量。"],
      "speeches": [
        {"speaker": "pu", "paragraphs": ["質量第一，质量第二。", {"list": ["無", "有質量"]}]},
        {"title": "質量休息", "paragraphs": ["休息。"]}
      ]
    },
    {
      "id": "b", "kind": "keynote", "title": "演講",
      "speeches": [
        {"speaker": "hao", "role": "主席", "paragraphs": ["監管與質量。", {"note": "（質量鼓掌）"}]},
        {"speaker": "pu", "paragraphs": ["再談質量。"]}
      ]
    },
    {"id": "c", "kind": "closing", "title": "閉幕", "speeches": []}
  ]
}"#;

fn forum() -> Proceedings {
    crate::model::load_bytes("test", FORUM.as_bytes())
        .expect("test forum loads")
        .proceedings
}

fn place(
    segment: Option<usize>,
    speech: Option<usize>,
    field: Field,
    block: usize,
    item: Option<usize>,
) -> Place {
    Place {
        segment,
        speech,
        field,
        block,
        item,
    }
}

#[test]
fn every_kind_of_place_in_programme_order() {
    let p = forum();
    let search = search_all(&p, "质量").expect("a query");
    let got: Vec<(Place, Range<usize>)> = search
        .hits()
        .iter()
        .map(|h| (h.place, h.range.clone()))
        .collect();
    use Field::*;
    let want = vec![
        (place(None, None, Summary, 0, None), 9..15),
        (place(None, None, Summary, 1, Some(0)), 0..6),
        (place(Some(0), None, Title, 0, None), 0..6),
        (place(Some(0), None, Topic, 0, None), 3..9),
        (place(Some(0), None, Description, 0, None), 6..12),
        (place(Some(0), Some(0), Body, 0, None), 0..6),
        (place(Some(0), Some(0), Body, 0, None), 15..21),
        (place(Some(0), Some(0), Body, 1, Some(1)), 3..9),
        (place(Some(0), Some(1), SpeechTitle, 0, None), 0..6),
        (place(Some(1), Some(0), Body, 0, None), 9..15),
        (place(Some(1), Some(0), Body, 1, None), 3..9),
        (place(Some(1), Some(1), Body, 0, None), 6..12),
    ];
    assert_eq!(got, want);
    let mut sorted = got.clone();
    sorted.sort_by_key(|(p, r)| (*p, r.start));
    assert_eq!(got, sorted, "Place's order is programme order");
    for hit in search.hits() {
        let text = hit.place.text(&p).expect("a hit's place has text");
        assert_eq!(
            crate::text::script::convert(&text[hit.range.clone()], Script::Hans),
            "质量"
        );
    }
}

#[test]
fn totals_and_speakers() {
    let p = forum();
    let search = search_all(&p, "質量").expect("a query");
    assert_eq!(search.total(), 12);
    assert!(search.is_done());
    assert_eq!(
        search.per_speaker(),
        [(SpeakerIdx(0), 4), (SpeakerIdx(1), 2)],
        "蒲長城 three in one turn and one in another; 郝明虹 one and a note"
    );
    let speakers: Vec<Option<SpeakerIdx>> = search.hits().iter().map(|h| h.speaker).collect();
    assert_eq!(speakers[..5], [None; 5], "summary and segment head");
    assert_eq!(speakers[8], None, "an unattributed turn");
    assert!(search_all(&p, "").is_none());
    assert_eq!(search_all(&p, "不存在").map(|s| s.total()), Some(0));
}

#[test]
fn steps_end_where_one_run_ends() {
    let p = forum();
    let whole = search_all(&p, "质量").expect("a query");
    for budget in [0, 1, 10, 40, 1000] {
        let mut stepped = ForumSearch::new("质量").expect("a query");
        let mut steps = 0;
        let mut seen = Vec::new();
        while !stepped.step(&p, budget) {
            steps += 1;
            seen.push(stepped.next_segment());
            assert!(steps < 100, "a step always moves on");
        }
        assert_eq!(stepped.hits(), whole.hits(), "budget {budget}");
        assert_eq!(stepped.per_speaker(), whole.per_speaker());
        assert_eq!(stepped.scanned(), whole.scanned());
        if budget == 0 {
            // One part a step: the summary, three heads, four turns.
            assert_eq!(steps + 1, 8);
            assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        }
    }
}

#[test]
fn place_text_for_missing_places() {
    let p = forum();
    let cases = [
        (place(Some(9), None, Field::Title, 0, None), None),
        (place(Some(0), Some(9), Field::Body, 0, None), None),
        (place(Some(0), Some(0), Field::Body, 1, None), None),
        (place(Some(0), Some(0), Field::Body, 0, Some(0)), None),
        (place(Some(1), None, Field::Topic, 0, None), None),
        (
            place(Some(0), Some(1), Field::SpeechTitle, 0, None),
            Some("質量休息"),
        ),
        (
            place(Some(0), Some(0), Field::Body, 1, Some(1)),
            Some("有質量"),
        ),
        (
            place(None, None, Field::Summary, 0, None),
            Some("論壇談質量。"),
        ),
    ];
    for (at, want) in cases {
        assert_eq!(at.text(&p), want, "{at:?}");
    }
}

fn names(p: &Proceedings, entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e.target {
            Target::Speaker(i) => format!("{} {}", p.speaker(i).name, e.turns),
            Target::Segment(s) => format!("#{} {}", s, p.segments[s].title),
        })
        .collect()
}

#[test]
fn palette_ranks_and_orders() {
    let p = forum();
    let palette = Palette::new(&p);
    let cases: &[(&str, &[&str])] = &[
        ("hmh", &["郝明虹 1", "何明華 0"]),
        ("haominghong", &["郝明虹 1"]),
        ("郝明虹", &["郝明虹 1"]),
        ("changcheng", &["蒲長城 2"]),
        ("zhangcheng", &["蒲長城 2"]),
        ("蒲长城", &["蒲長城 2"]),
        // A prefix of a segment title before a run inside a post.
        ("zl", &["#0 質量開幕", "蒲長城 2"]),
        ("shezhang", &["蒲長城 2"]),
        ("bimu", &["#2 閉幕"]),
        ("zhuxi", &["郝明虹 1"]),
        ("xyz", &[]),
    ];
    for (query, want) in cases {
        assert_eq!(names(&p, &palette.rank(query)), *want, "{query}");
    }
    // Empty: everything in programme order, a segment before its first
    // turn's speaker, the speaker who never speaks last.
    assert_eq!(
        names(&p, &palette.rank("")),
        [
            "#0 質量開幕",
            "蒲長城 2",
            "#1 演講",
            "郝明虹 1",
            "#2 閉幕",
            "何明華 0"
        ]
    );
    let first = palette.rank("hmh")[0];
    assert_eq!(first.score.map(|s| s.tier), Some(Tier::Exact));
    assert!(first.by_name);
    assert_eq!(first.first, Some((1, 0)));
}

#[test]
fn script_of_a_document() {
    let mut p = forum();
    assert_eq!(document_script(&p), Some(Script::Hant), "by counting");
    p.forum.language = Some("zh-CN".into());
    assert_eq!(document_script(&p), Some(Script::Hans), "the tag wins");
    p.forum.language = Some("en".into());
    let hans = convert_proceedings(&p, Script::Hans);
    assert_eq!(document_script(&hans), Some(Script::Hans));
    assert_eq!(hans.speakers[0].name, "蒲长城");
    assert_eq!(hans.segments[0].title, "质量开幕");
    assert_eq!(
        hans.speakers[0].affiliations[0].organization.as_deref(),
        Some("中国质量报刊社")
    );
    assert_eq!(
        hans.segments[0].speeches[0].speaker,
        p.segments[0].speeches[0].speaker
    );
    let back = convert_proceedings(&hans, Script::Hant);
    assert_eq!(
        back.segments[1].speeches[0].paragraphs,
        p.segments[1].speeches[0].paragraphs
    );
    assert_eq!(
        search_all(&hans, "質量").map(|s| s.total()),
        search_all(&p, "質量").map(|s| s.total()),
        "the same hits in either script"
    );
}

#[test]
fn texts_are_what_the_search_reads() {
    let p = forum();
    let texts: Vec<&str> = texts(&p).collect();
    assert_eq!(texts[..3], ["論壇談質量。", "质量一", "標準"]);
    assert_eq!(texts.last(), Some(&"閉幕"));
    let m = Matcher::new("質量").expect("query");
    let counted: usize = texts.iter().map(|t| m.count(t)).sum();
    assert_eq!(Some(counted), search_all(&p, "質量").map(|s| s.total()));
    for q in ["質量", "质量", "x", "不存在"] {
        let total = search_all(&p, q).map(|s| s.total());
        assert_eq!(count_all(&p, q), total, "{q}");
    }
    assert_eq!(count_all(&p, ""), None);
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    assert_eq!(Some(bytes), search_all(&p, "x").map(|s| s.scanned()));
}

#[test]
fn next_and_previous_hit_from_a_position() {
    let p = forum();
    let search = search_all(&p, "质量").expect("a query");
    let body =
        |segment, speech, block| place(Some(segment), Some(speech), Field::Body, block, None);
    // (place, offset, next, previous): the hits are numbered as in
    // every_kind_of_place_in_programme_order.
    let cases = [
        (place(None, None, Field::Summary, 0, None), 0, Some(0), None),
        (place(None, None, Field::Summary, 0, None), 9, Some(1), None),
        (body(0, 0, 0), 0, Some(6), Some(4)),
        (body(0, 0, 0), 15, Some(7), Some(5)),
        (body(0, 0, 0), 16, Some(7), Some(6)),
        (body(1, 0, 0), 100, Some(10), Some(9)),
        (body(1, 1, 0), 6, None, Some(10)),
        (
            place(Some(2), None, Field::Title, 0, None),
            0,
            None,
            Some(11),
        ),
    ];
    for (at, offset, next, prev) in cases {
        assert_eq!(
            search.next_after(at, offset),
            next,
            "next after {at:?} {offset}"
        );
        assert_eq!(
            search.prev_before(at, offset),
            prev,
            "before {at:?} {offset}"
        );
    }
}
