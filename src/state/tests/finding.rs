//! Key-sequence tests for finding and returning: the speaker's page, marks,
//! the forum-wide search, 繁/简 and hanging punctuation.

use super::*;

#[test]
fn s_opens_the_speakers_page_and_esc_returns() {
    let mut s = state();
    keys(&mut s, "S");
    assert!(s.message.as_ref().unwrap().error, "no turn on the overview");
    keys(&mut s, "2]");
    assert_eq!(s.reading(), Node::Speech(1, 0));
    let before = s.place();
    keys(&mut s, "S");
    assert_eq!(s.reader.page, Page::Speaker(SpeakerIdx(0)));
    let turns: Vec<_> = s.reader.doc.turns.iter().map(|t| t.at).collect();
    assert_eq!(
        turns,
        vec![(0, 0), (1, 0), (3, 0)],
        "every turn of 甲, in order"
    );
    assert_eq!(
        s.reading(),
        Node::Speech(1, 0),
        "at the turn reading was in"
    );
    keys(&mut s, "]");
    assert_eq!(s.reading(), Node::Speech(3, 0));
    keys(&mut s, "]");
    assert!(s.message.as_ref().unwrap().text.contains("last turn"));
    keys(&mut s, "[[");
    assert_eq!(s.reading(), Node::Speech(0, 0));
    keys(&mut s, "<Esc>");
    assert_eq!(s.place(), before, "Esc returns to where S was pressed");
    keys(&mut s, "S]<Enter>");
    assert_eq!(
        s.reader.page,
        Page::Segment(3),
        "Enter opens the turn in its segment"
    );
    assert_eq!(s.reading(), Node::Speech(3, 0));
}

#[test]
fn marks_and_back_to_the_last_jump() {
    let mut s = state();
    keys(&mut s, "3<Tab><C-d>");
    let here = s.place();
    keys(&mut s, "ma");
    assert_eq!(s.mode(), Mode::Normal);
    assert!(s.message.as_ref().unwrap().text.contains("mark a"));
    keys(&mut s, "1");
    assert_eq!(s.reader.page, Page::Segment(0));
    keys(&mut s, "'a");
    assert_eq!(s.place(), here, "'a returns to the mark");
    keys(&mut s, "''");
    assert_eq!(
        s.reader.page,
        Page::Segment(0),
        "'' returns to where the jump came from"
    );
    keys(&mut s, "''");
    assert_eq!(s.place(), here, "and '' again comes back");
    keys(&mut s, "'b");
    assert!(s.message.as_ref().unwrap().error, "mark b is not set");
    assert_eq!(s.place(), here);
    keys(&mut s, "m<Esc>");
    assert_eq!(s.mode(), Mode::Normal, "Esc cancels");
    keys(&mut s, "m1");
    assert!(s.message.as_ref().unwrap().error, "marks are letters");
    // Lines and pages are not jumps.
    let mut t = state();
    keys(&mut t, "''");
    assert!(t.message.as_ref().unwrap().error, "nothing to go back from");
    keys(&mut t, "3<Tab>jj<C-d>''");
    assert_eq!(
        t.reader.page,
        Page::Forum,
        "'' undoes the jump 3, not the scrolling after it"
    );
}

/// Every text the forum-wide search reads, counted without it: the summary,
/// segment titles, topics and descriptions, turn titles, paragraphs, list
/// items and notes.
fn count_everywhere(p: &Proceedings, needle: &str) -> usize {
    let blocks = |bs: &[Block]| -> usize {
        bs.iter()
            .map(|b| match b {
                Block::Paragraph(t) | Block::Note(t) => t.matches(needle).count(),
                Block::List { items, .. } => items.iter().map(|t| t.matches(needle).count()).sum(),
            })
            .sum()
    };
    blocks(&p.forum.summary)
        + p.segments
            .iter()
            .map(|seg| {
                seg.title.matches(needle).count()
                    + seg
                        .topic
                        .as_deref()
                        .map_or(0, |t| t.matches(needle).count())
                    + blocks(&seg.description)
                    + seg
                        .speeches
                        .iter()
                        .map(|sp| {
                            sp.title.as_deref().map_or(0, |t| t.matches(needle).count())
                                + blocks(&sp.paragraphs)
                        })
                        .sum::<usize>()
            })
            .sum::<usize>()
}

#[test]
fn forum_search_counts_every_hit_in_either_script() {
    let mut s = builtin();
    let want = count_everywhere(s.proceedings(), "質量");
    assert!(want > 100, "{want}");
    keys(&mut s, "f質量");
    assert_eq!(s.mode(), Mode::Prompt);
    assert_eq!(s.find.as_ref().unwrap().hits().len(), want);
    keys(&mut s, "<Esc>f质量");
    assert_eq!(
        s.find.as_ref().unwrap().hits().len(),
        want,
        "a Simplified query finds the Traditional text"
    );
    keys(&mut s, "<Enter>");
    assert_eq!(s.mode(), Mode::Results);
    keys(&mut s, "<Esc>");
    assert!(s.find.is_none());
    assert_eq!(
        s.reader.page,
        Page::Forum,
        "Esc returns to where reading was"
    );
}

#[test]
fn a_forum_hit_opens_highlighted_and_n_crosses_into_the_next_turn() {
    let mut s = builtin();
    keys(&mut s, "f總局<Enter>");
    let hits = s.find.as_ref().unwrap().hits().to_vec();
    let first_turn = hits.iter().position(|h| h.place.speech.is_some()).unwrap();
    for _ in 0..first_turn {
        keys(&mut s, "j");
    }
    keys(&mut s, "<Enter>");
    assert!(s.find.is_none(), "the results close");
    let hit = &hits[first_turn];
    assert_eq!(s.reader.page, Page::Segment(hit.place.segment.unwrap()));
    let current = s
        .search
        .current
        .expect("the match is the page's current one");
    let a = s.search.hits[current].anchor();
    assert!(
        s.reader
            .window()
            .any(|(p, l)| p == a.piece && l.range.contains(&a.offset)),
        "the match is in view"
    );
    assert_eq!(s.search.query, "總局", "in-page search on the same query");
    // n goes on to the next hit in another turn, across the forum.
    let at = |h: &crate::find::Hit| (h.place.segment, h.place.speech);
    let next = hits[first_turn + 1..]
        .iter()
        .position(|h| at(h) != at(hit))
        .map(|k| first_turn + 1 + k)
        .unwrap();
    for _ in first_turn..next {
        keys(&mut s, "n");
    }
    assert_eq!(s.forum_nav.as_ref().unwrap().current, next);
    let h = &hits[next];
    assert_eq!(
        s.reader.page,
        h.place.segment.map_or(Page::Forum, Page::Segment)
    );
    keys(&mut s, "N");
    assert_eq!(s.forum_nav.as_ref().unwrap().current, next - 1);
    keys(&mut s, "<Esc>");
    assert!(s.forum_nav.is_none() && !s.search.is_active());
}

#[test]
fn page_search_is_script_insensitive_too() {
    let mut s = builtin();
    keys(&mut s, "1/质量<Enter>");
    assert!(!s.search.hits.is_empty(), "质量 finds 質量 on the page");
}

#[test]
fn t_shows_the_other_script_and_back_at_the_same_place() {
    let mut s = builtin();
    keys(&mut s, "4]<Tab>jjj");
    let here = s.place();
    let top = |s: &State| {
        let (piece, line) = s.reader.window().next().unwrap();
        let p = &s.reader.doc.pieces[piece];
        p.items()[line.item][line.range.clone()].to_owned()
    };
    let before = top(&s);
    assert!(s.proceedings().forum.title.contains("質量"));
    keys(&mut s, "t");
    assert!(
        s.proceedings().forum.title.contains("质量"),
        "{}",
        s.proceedings().forum.title
    );
    assert_eq!(s.reader.page, here.page);
    assert_eq!(
        top(&s),
        crate::text::script::convert(&before, crate::text::script::Script::Hans),
        "the same line, converted"
    );
    assert_eq!(s.builder().labels().programme, "议程");
    keys(&mut s, "/质量<Enter>");
    let hits = s.search.hits.len();
    keys(&mut s, "<Esc>t");
    assert!(s.proceedings().forum.title.contains("質量"));
    assert_eq!(s.place(), here, "back to the same place");
    keys(&mut s, "/質量<Enter>");
    assert_eq!(
        s.search.hits.len(),
        hits,
        "the same matches in either script"
    );
    let ly = State::new(fixture(), crate::text::AmbiguousWidth::Narrow)
        .with_script(Some(crate::text::script::Script::Hans));
    assert!(
        ly.proceedings().segments[0].speeches[0].paragraphs[0]
            == Block::Paragraph("甲的致辞。质量之光。".into())
    );
}

#[test]
fn w_hangs_punctuation_in_a_gutter_kept_free_and_keeps_the_place() {
    let mut s = builtin();
    keys(&mut s, "4]<Tab>jj");
    let here = s.place();
    let column = usize::from(s.geometry().unwrap().text.width);
    assert_eq!(s.reader.width(), column);
    keys(&mut s, "w");
    assert!(s.reader.options().hang);
    assert_eq!(s.reader.width(), column - 2, "the gutter is kept free");
    assert_eq!(s.place().anchor.piece, here.anchor.piece);
    let widest = s
        .reader
        .window()
        .map(|(_, l)| l.prefix_width + l.width)
        .max()
        .unwrap();
    assert!(
        widest <= column,
        "nothing beyond the gutter: {widest} > {column}"
    );
    keys(&mut s, "w");
    assert!(!s.reader.options().hang);
    assert_eq!(s.place(), here, "back at the same place");
}

#[test]
fn the_overview_is_kept_while_away_and_dropped_when_the_script_changes() {
    let mut s = builtin();
    keys(&mut s, "<Tab>jjjjj");
    let (page, anchor) = (s.reader.page, s.reader.anchor());
    assert_eq!(page, Page::Forum);
    let pieces = |s: &State| -> Vec<String> {
        s.reader
            .doc
            .pieces
            .iter()
            .map(|p| p.items().concat())
            .collect()
    };
    let overview = pieces(&s);
    keys(&mut s, "}");
    assert_ne!(s.reader.page, Page::Forum);
    keys(&mut s, "{");
    assert_eq!(s.reader.page, Page::Forum);
    assert_eq!(pieces(&s), overview, "the same overview");
    assert_eq!(s.reader.anchor(), anchor, "where it was left");
    // Away again, the script changes: the overview comes back converted.
    keys(&mut s, "}t{");
    assert_eq!(s.reader.page, Page::Forum);
    let fresh: Vec<String> = s
        .builder()
        .forum()
        .pieces
        .iter()
        .map(|p| p.items().concat())
        .collect();
    assert_eq!(pieces(&s), fresh, "as built in the new script");
    assert_ne!(fresh, overview);
}
