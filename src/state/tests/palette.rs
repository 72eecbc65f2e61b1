//! The jump palette through the keymap, on the built-in forum: pinyin and
//! characters find a speaker, Enter lands on their first turn, Tab opens
//! their page, Esc closes, and every jump can be come back from with `''`.

use super::*;
use crate::find::Target;

fn speaker_named(s: &State, name: &str) -> SpeakerIdx {
    SpeakerIdx(
        s.proceedings()
            .speakers
            .iter()
            .position(|sp| sp.name == name)
            .unwrap_or_else(|| panic!("{name} is a speaker")),
    )
}

/// The palette's first row after typing `query`, opened with `open`.
fn first_row(s: &mut State, open: &str, query: &str) -> Option<Target> {
    keys(s, &format!("{open}{query}"));
    assert_eq!(s.mode(), Mode::Palette, "{open}{query}");
    let first = s.palette.as_ref()?.entries.first().map(|e| e.target);
    keys(s, "<Esc>");
    first
}

#[test]
fn pinyin_and_characters_put_the_speaker_first() {
    let mut s = builtin();
    let hao = Target::Speaker(speaker_named(&s, "郝明虹"));
    let pu = Target::Speaker(speaker_named(&s, "蒲長城"));
    for (query, want) in [
        ("hmh", hao),
        ("haominghong", hao),
        ("hao ming hong", hao),
        ("haomh", hao),
        ("郝明虹", hao),
        ("changcheng", pu),
        ("zhangcheng", pu),
        ("蒲长城", pu),
    ] {
        for open in ["p", "<C-p>"] {
            assert_eq!(first_row(&mut s, open, query), Some(want), "{open}{query}");
        }
    }
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.reader.page, Page::Forum, "looking moves nothing");
}

#[test]
fn an_empty_query_lists_everything_in_programme_order() {
    let mut s = builtin();
    keys(&mut s, "p");
    let jump = s.palette.clone().expect("open");
    let p = s.proceedings();
    assert_eq!(jump.entries.len(), p.speakers.len() + p.segments.len());
    assert_eq!(jump.entries[0].target, Target::Segment(0));
    let segments: Vec<usize> = jump
        .entries
        .iter()
        .filter_map(|e| match e.target {
            Target::Segment(i) => Some(i),
            Target::Speaker(_) => None,
        })
        .collect();
    assert_eq!(segments, (0..p.segments.len()).collect::<Vec<_>>());
}

#[test]
fn enter_lands_on_the_speakers_first_turn_and_back_with_two_quotes() {
    let mut s = builtin();
    keys(&mut s, "]");
    let before = s.place();
    keys(&mut s, "phmh<Enter>");
    assert_eq!(s.mode(), Mode::Normal, "Enter closes the palette");
    let hao = speaker_named(&s, "郝明虹");
    let p = s.proceedings();
    let (i, j) = p
        .segments
        .iter()
        .enumerate()
        .find_map(|(i, seg)| {
            let j = seg.speeches.iter().position(|sp| sp.speaker == Some(hao))?;
            Some((i, j))
        })
        .expect("郝明虹 speaks");
    assert_eq!(s.reader.page, Page::Segment(i));
    assert_eq!(top_turn(&s), Some((i, j)));
    assert_eq!(s.reading(), Node::Speech(i, j));
    assert_eq!(s.tree.selected, Node::Speech(i, j), "the tree follows");
    keys(&mut s, "''");
    assert_eq!(s.place(), before, "'' comes back from the jump");
}

#[test]
fn enter_on_a_segment_opens_its_page() {
    let mut s = builtin();
    let p = s.proceedings();
    let last = p.segments.len() - 1;
    let title = p.segments[last].title.clone();
    keys(&mut s, &format!("p{title}<Enter>"));
    assert_eq!(s.reader.page, Page::Segment(last));
    assert!(s.reader.at_top());
}

#[test]
fn tab_opens_the_speakers_page_and_esc_returns() {
    let mut s = builtin();
    keys(&mut s, "]");
    let before = s.place();
    keys(&mut s, "pchangcheng<Tab>");
    let pu = speaker_named(&s, "蒲長城");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.reader.page, Page::Speaker(pu));
    let turns = s
        .proceedings()
        .segments
        .iter()
        .flat_map(|seg| &seg.speeches)
        .filter(|sp| sp.speaker == Some(pu))
        .count();
    assert_eq!(s.reader.doc.turns.len(), turns);
    keys(&mut s, "<Esc>");
    assert_eq!(s.place(), before, "Esc leaves the speaker's page");
    keys(&mut s, "pchangcheng<Tab>''");
    assert_eq!(s.place(), before, "'' comes back too");
}

#[test]
fn tab_on_a_segment_says_so_and_stays() {
    let mut s = builtin();
    keys(&mut s, "p<Tab>");
    assert_eq!(s.mode(), Mode::Palette);
    assert!(s.message.as_ref().is_some_and(|m| m.error));
    assert_eq!(s.reader.page, Page::Forum);
}

#[test]
fn esc_closes_without_moving_and_typing_is_not_a_command() {
    let mut s = builtin();
    keys(&mut s, "]]");
    let before = s.place();
    // q, ], / and ? are typed into the query, not obeyed.
    keys(&mut s, "pq]/?");
    assert_eq!(s.palette.as_ref().map(|j| j.query.as_str()), Some("q]/?"));
    assert_eq!(s.place(), before);
    keys(&mut s, "<BS><BS><BS><BS>");
    assert_eq!(s.palette.as_ref().map(|j| j.query.as_str()), Some(""));
    keys(&mut s, "<Esc>");
    assert_eq!(s.palette, None);
    assert_eq!(s.place(), before);
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn the_selection_moves_stops_at_the_ends_and_stays_in_view() {
    let mut s = builtin();
    keys(&mut s, "p");
    let n = s.palette.as_ref().unwrap().entries.len();
    let rows = s.palette_rows();
    assert!(n > rows, "the built-in forum has more rows than the box");
    keys(&mut s, "<Up><C-p>");
    assert_eq!(s.palette.as_ref().unwrap().selected, 0);
    keys(&mut s, "<Down><C-n>");
    assert_eq!(s.palette.as_ref().unwrap().selected, 2);
    for _ in 0..n + 5 {
        keys(&mut s, "<Down>");
    }
    let jump = s.palette.clone().unwrap();
    assert_eq!(jump.selected, n - 1);
    assert_eq!(jump.scroll, n - rows, "the last row at the bottom");
    keys(&mut s, "<PgUp>");
    let jump = s.palette.clone().unwrap();
    assert_eq!(jump.selected, n - 1 - rows);
    assert_eq!(jump.scroll, jump.selected, "scrolled up to the selection");
    // Typing selects the best match again.
    keys(&mut s, "h");
    assert_eq!(s.palette.as_ref().unwrap().selected, 0);
    // Enter on the selected row, not the first.
    keys(&mut s, "<BS><Down><Enter>");
    assert_eq!(s.reader.page, Page::Segment(0));
    assert_eq!(
        top_turn(&s),
        Some((0, 0)),
        "the second row: the first speaker"
    );
}

#[test]
fn nothing_matching_keeps_the_palette_open() {
    let mut s = builtin();
    keys(&mut s, "pzzzzqqq");
    assert!(s.palette.as_ref().unwrap().entries.is_empty());
    keys(&mut s, "<Enter>");
    assert_eq!(s.mode(), Mode::Palette);
    assert!(s.message.is_some());
    assert_eq!(s.reader.page, Page::Forum);
}
