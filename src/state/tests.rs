//! Key-sequence tests: keys go through the real keymap into `apply`, and
//! the state is inspected afterwards. No terminal involved.

use super::*;
use crate::action::Action;
use crate::model::{
    Block, Forum, Proceedings, Segment, SegmentKind, Speaker, SpeakerIdx, SpeakerKind, Speech,
};

fn speaker(id: &str, name: &str) -> Speaker {
    Speaker {
        id: id.into(),
        name: name.into(),
        kind: SpeakerKind::Person,
        affiliations: Vec::new(),
        note: None,
    }
}

fn speech(id: &str, who: usize, paragraphs: &[&str]) -> Speech {
    Speech {
        id: id.into(),
        speaker: Some(SpeakerIdx(who)),
        title: None,
        form: None,
        role: None,
        time: None,
        paragraphs: paragraphs
            .iter()
            .map(|p| Block::Paragraph((*p).into()))
            .collect(),
    }
}

fn segment(id: &str, kind: SegmentKind, title: &str, speeches: Vec<Speech>) -> Segment {
    Segment {
        id: id.into(),
        kind,
        title: title.into(),
        topic: None,
        description: Vec::new(),
        participants: Vec::new(),
        parents: Vec::new(),
        speeches,
    }
}

/// Four segments: an opening (2 speeches), a roundtable (3), a keynote
/// (1, long), a roundtable (2).
pub(crate) fn fixture() -> Proceedings {
    let long: Vec<String> = (0..60)
        .map(|i| format!("第{i}段。質量是興國之道、富國之本、強國之策。"))
        .collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    Proceedings {
        forum: Forum {
            title: "測試論壇".into(),
            language: Some("zh-Hant".into()),
            summary: vec![Block::Paragraph("論壇概述。".into())],
            ..Forum::default()
        },
        speakers: vec![speaker("a", "甲"), speaker("b", "乙"), speaker("c", "丙")],
        segments: vec![
            segment(
                "open",
                SegmentKind::Opening,
                "開幕",
                vec![
                    speech("s1", 0, &["甲的致辭。質量之光。"]),
                    speech("s2", 1, &["乙的致辭。"]),
                ],
            ),
            segment(
                "rt1",
                SegmentKind::Roundtable,
                "圓桌一",
                vec![
                    speech("s3", 0, &["圓桌一甲。"]),
                    speech("s4", 1, &["圓桌一乙。"]),
                    speech("s5", 2, &["圓桌一丙。"]),
                ],
            ),
            segment(
                "key",
                SegmentKind::Keynote,
                "主旨",
                vec![speech("s6", 2, &long)],
            ),
            segment(
                "rt2",
                SegmentKind::Roundtable,
                "圓桌二",
                vec![
                    speech("s7", 0, &["圓桌二甲。"]),
                    speech("s8", 1, &["圓桌二乙。"]),
                ],
            ),
        ],
    }
}

fn state() -> State {
    let mut s = State::new(fixture(), crate::text::AmbiguousWidth::Narrow);
    s.apply(Action::Resize(100, 30));
    s
}

fn keys(s: &mut State, seq: &str) -> Vec<Effect> {
    s.press(seq)
}

/// The speaker line's turn on top of the view, as (segment, speech).
fn top_turn(s: &State) -> Option<(usize, usize)> {
    s.current_turn().map(|k| s.reader.doc.turns[k].at)
}

/// Whether the view's top line is the turn's speaker line (or first note).
fn speaker_line_on_top(s: &State) -> bool {
    s.current_turn()
        .is_some_and(|k| s.reader.anchor() == Anchor::piece(s.reader.doc.turns[k].piece))
}

#[test]
fn starts_on_the_landing_page_with_the_tree_focused() {
    let s = state();
    assert_eq!(s.reader.page, Page::Forum);
    assert_eq!(s.reading(), Node::Forum);
    assert_eq!(s.tree.selected, Node::Forum);
    assert_eq!(s.focus, Focus::Tree);
    assert_eq!(s.mode(), Mode::Normal);
    assert!(
        (0..4).all(|i| !s.tree.is_expanded(i)),
        "nothing is being read, nothing is open"
    );
}

#[test]
fn a_segment_is_one_page_and_brackets_walk_its_turns() {
    let mut s = state();
    keys(&mut s, "2");
    assert_eq!(s.reader.page, Page::Segment(1));
    assert!(s.reader.at_top());
    assert_eq!(s.reading(), Node::Segment(1), "the header is on top");
    keys(&mut s, "]");
    assert_eq!(s.reader.page, Page::Segment(1), "the same page");
    assert_eq!(top_turn(&s), Some((1, 0)));
    assert_eq!(s.reading(), Node::Speech(1, 0));
    assert_eq!(s.tree.selected, Node::Speech(1, 0), "the tree follows");
    keys(&mut s, "]");
    assert_eq!(top_turn(&s), Some((1, 1)));
    keys(&mut s, "]");
    assert_eq!(top_turn(&s), Some((1, 2)));
    keys(&mut s, "]");
    assert_eq!(
        s.reader.page,
        Page::Segment(2),
        "past the last turn: the next segment"
    );
    assert_eq!(top_turn(&s), Some((2, 0)));
    assert!(speaker_line_on_top(&s));
    keys(&mut s, "[");
    assert_eq!(s.reader.page, Page::Segment(1));
    assert_eq!(
        s.reading(),
        Node::Speech(1, 2),
        "back to the previous segment's last turn"
    );
}

#[test]
fn brackets_from_the_overview_and_at_the_ends() {
    let mut s = state();
    keys(&mut s, "]");
    assert_eq!(
        s.reading(),
        Node::Speech(0, 0),
        "the overview's ] opens the first turn"
    );
    keys(&mut s, "[");
    assert!(s.message.as_ref().unwrap().text.contains("first turn"));
    keys(&mut s, "4]]");
    assert_eq!(s.reading(), Node::Speech(3, 1));
    keys(&mut s, "]");
    assert!(s.message.as_ref().unwrap().text.contains("last turn"));
    assert_eq!(s.reading(), Node::Speech(3, 1));
}

#[test]
fn bracket_back_goes_to_the_start_of_the_turn_first() {
    let mut s = state();
    keys(&mut s, "3]<Tab>jjjj");
    assert_eq!(top_turn(&s), Some((2, 0)));
    assert!(!speaker_line_on_top(&s));
    keys(&mut s, "[");
    assert!(speaker_line_on_top(&s), "[ inside a turn: its speaker line");
    assert_eq!(top_turn(&s), Some((2, 0)));
}

#[test]
fn the_current_turn_follows_the_scrolling() {
    let mut s = state();
    s.apply(Action::Resize(60, 10));
    keys(&mut s, "2<Tab>");
    assert_eq!(s.reading(), Node::Segment(1));
    for _ in 0..40 {
        if s.reading() == Node::Speech(1, 0) {
            break;
        }
        keys(&mut s, "j");
    }
    assert_eq!(
        s.reading(),
        Node::Speech(1, 0),
        "scrolling reaches the first turn"
    );
    assert_eq!(s.tree.selected, Node::Speech(1, 0));
}

#[test]
fn near_the_end_of_a_page_the_jump_still_counts_turns() {
    // The roundtable's page is shorter than the view: no turn can be put on
    // top, yet ] still goes turn by turn and says where it is.
    let mut s = state();
    keys(&mut s, "2]]");
    assert_eq!(s.reading(), Node::Speech(1, 1));
    keys(&mut s, "]");
    assert_eq!(s.reading(), Node::Speech(1, 2));
    keys(&mut s, "<Tab>j");
    assert_eq!(s.reading(), Node::Segment(1), "scrolling forgets the jump");
}

#[test]
fn space_at_the_end_of_a_page_opens_the_next_segment() {
    let mut s = state();
    keys(&mut s, "3");
    let mut presses = 0;
    while s.reader.page == Page::Segment(2) {
        keys(&mut s, " ");
        presses += 1;
        assert!(presses < 50);
    }
    assert!(presses > 2, "the keynote takes several pages");
    assert_eq!(s.reader.page, Page::Segment(3));
    assert!(s.reader.at_top());
    assert!(s.message.as_ref().unwrap().text.contains("segment 4/4"));
    keys(&mut s, "b");
    assert_eq!(
        s.reader.page,
        Page::Segment(2),
        "b at the top: the previous segment"
    );
    assert!(s.reader.at_end());
    keys(&mut s, "4 ");
    assert!(
        s.message
            .as_ref()
            .unwrap()
            .text
            .contains("end of the programme")
    );
}

#[test]
fn braces_walk_segments() {
    let mut s = state();
    keys(&mut s, "}");
    assert_eq!(s.reader.page, Page::Segment(0));
    keys(&mut s, "}}");
    assert_eq!(s.reader.page, Page::Segment(2));
    keys(&mut s, "]{");
    assert_eq!(s.reader.page, Page::Segment(2), "{{ inside a page: its top");
    assert!(s.reader.at_top());
    keys(&mut s, "{");
    assert_eq!(s.reader.page, Page::Segment(1));
    keys(&mut s, "{{");
    assert_eq!(s.reader.page, Page::Forum);
    keys(&mut s, "}}}}}");
    assert_eq!(s.reader.page, Page::Segment(3));
    assert!(s.message.is_some());
}

#[test]
fn r_finds_roundtables_after_the_reading_position_and_wraps() {
    let mut s = state();
    keys(&mut s, "r");
    assert_eq!(s.reader.page, Page::Segment(1));
    keys(&mut s, "r");
    assert_eq!(s.reader.page, Page::Segment(3));
    keys(&mut s, "r");
    assert_eq!(s.reader.page, Page::Segment(1), "wraps around");
    assert!(s.message.as_ref().unwrap().text.contains("wrapped"));
    keys(&mut s, "R");
    assert_eq!(s.reader.page, Page::Segment(3), "backwards wraps too");
    keys(&mut s, "3R");
    assert_eq!(s.reader.page, Page::Segment(1));
    keys(&mut s, "3]r");
    assert_eq!(s.reader.page, Page::Segment(3));
    assert!(s.reader.at_top(), "a roundtable opens at its top");
}

#[test]
fn digits_open_the_nth_segment() {
    let mut s = state();
    keys(&mut s, "4");
    assert_eq!(s.reader.page, Page::Segment(3));
    keys(&mut s, "9");
    assert_eq!(
        s.reader.page,
        Page::Segment(3),
        "no ninth segment: nothing moves"
    );
    let m = s.message.as_ref().unwrap();
    assert!(m.error);
    assert!(m.text.contains("4 segments"), "{}", m.text);
}

#[test]
fn goto_prompt_opens_segments_turns_and_percentages() {
    let mut s = state();
    keys(&mut s, ":");
    assert_eq!(s.mode(), Mode::Prompt);
    keys(&mut s, "2.3<Enter>");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.reading(), Node::Speech(1, 2));
    keys(&mut s, ":3<Enter>");
    assert_eq!(s.reader.page, Page::Segment(2));
    assert!(s.reader.at_top());
    keys(&mut s, ":50%<Enter>");
    let pct = s.reader.percent();
    assert!((45..=55).contains(&pct), "{pct}");
    let here = s.reader.anchor();
    for bad in [":x<Enter>", ":9<Enter>", ":2.9<Enter>", ":1.<Enter>"] {
        keys(&mut s, bad);
        assert!(s.message.as_ref().unwrap().error, "{bad}");
        assert_eq!(s.reader.anchor(), here, "{bad}: nothing moves");
    }
    keys(&mut s, ":1<Esc>");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.reader.anchor(), here, "Esc cancels");
    keys(&mut s, ":<BS>");
    assert_eq!(
        s.mode(),
        Mode::Normal,
        "backspace on an empty prompt closes it"
    );
}

#[test]
fn tree_selection_moves_expands_and_opens() {
    let mut s = state();
    keys(&mut s, "j");
    assert_eq!(s.tree.selected, Node::Segment(0));
    keys(&mut s, "l");
    assert!(s.tree.is_expanded(0), "l expands");
    assert_eq!(s.reader.page, Page::Forum, "without opening");
    keys(&mut s, "l");
    assert!(s.tree.is_expanded(0), "l never collapses");
    assert_eq!(
        s.tree.selected,
        Node::Speech(0, 0),
        "on an expanded one: its first row"
    );
    keys(&mut s, "<Enter>");
    assert_eq!(s.reading(), Node::Speech(0, 0));
    keys(&mut s, "k<Enter>");
    assert!(s.tree.is_expanded(0), "Enter never collapses");
    assert_eq!(s.reader.page, Page::Segment(0));
    keys(&mut s, "h");
    assert!(!s.tree.is_expanded(0), "h collapses an expanded segment");
    keys(&mut s, "j");
    assert_eq!(
        s.tree.selected,
        Node::Segment(1),
        "collapsed turns are skipped"
    );
    keys(&mut s, "h");
    assert_eq!(
        s.tree.selected,
        Node::Forum,
        "h on a closed one: the parent"
    );
    keys(&mut s, "G");
    assert_eq!(s.tree.selected, Node::Segment(3));
    keys(&mut s, "g");
    assert_eq!(s.tree.selected, Node::Forum);
}

#[test]
fn the_tree_opens_only_the_segment_being_read() {
    let mut s = state();
    keys(&mut s, "2");
    assert!(s.tree.is_expanded(1));
    keys(&mut s, "4");
    assert!(
        !s.tree.is_expanded(1),
        "it closes again when reading moves on"
    );
    assert!(s.tree.is_expanded(3));
    // What the user opens stays open.
    keys(&mut s, "gjl");
    assert!(s.tree.is_expanded(0));
    keys(&mut s, "2");
    assert!(s.tree.is_expanded(0) && s.tree.is_expanded(1));
    keys(&mut s, "c");
    assert!(
        !s.tree.is_expanded(0),
        "c collapses all but the one being read"
    );
    assert!(s.tree.is_expanded(1));
    // Closing the segment being read keeps it closed while reading it.
    keys(&mut s, "]<Tab>");
    let sel = s.tree.selected;
    assert_eq!(sel, Node::Speech(1, 0));
    keys(&mut s, "hh");
    assert!(!s.tree.is_expanded(1));
    keys(&mut s, "<Tab>j");
    assert!(!s.tree.is_expanded(1));
}

#[test]
fn z_hides_the_tree_and_keeps_the_reading_position() {
    let mut s = state();
    keys(&mut s, "3]<Tab><C-d>");
    let here = s.reader.anchor();
    let narrow = s.geometry().unwrap().text.width;
    keys(&mut s, "z");
    assert!(!s.show_tree);
    assert!(s.geometry().unwrap().text.width > narrow);
    assert_eq!(
        s.reader.width(),
        usize::from(s.geometry().unwrap().text.width)
    );
    assert_eq!(s.reader.anchor(), here);
    keys(&mut s, "<Tab>");
    assert_eq!(s.focus, Focus::Text, "no tree to focus");
    keys(&mut s, "z");
    assert!(s.show_tree);
    assert_eq!(s.reader.anchor(), here);
}

#[test]
fn a_measure_caps_the_text_column() {
    let mut s = State::new(fixture(), crate::text::AmbiguousWidth::Narrow).with_measure(Some(30));
    s.apply(Action::Resize(120, 30));
    assert_eq!(s.geometry().unwrap().text.width, 30);
    keys(&mut s, "z");
    assert_eq!(s.geometry().unwrap().text.width, 30);
}

#[test]
fn text_focus_scrolls_by_lines_pages_and_ends() {
    let mut s = state();
    keys(&mut s, "3<Tab>");
    assert_eq!(s.focus, Focus::Text);
    let h = s.geometry().unwrap().text.height as isize;
    let top = |s: &State| s.reader.top();
    keys(&mut s, "jjj");
    let three = top(&s);
    keys(&mut s, "k");
    let two = top(&s);
    assert!(two < three);
    keys(&mut s, " ");
    let paged = top(&s);
    keys(&mut s, "b");
    assert_eq!(top(&s), two);
    keys(&mut s, "<C-d><C-u>");
    assert_eq!(top(&s), two);
    assert!(paged > two);
    keys(&mut s, "G");
    assert!(s.reader.at_end());
    assert_eq!(s.reader.percent(), 100);
    keys(&mut s, "g");
    assert!(s.reader.at_top());
    assert!(h > 2);
    keys(&mut s, "<Tab>");
    assert_eq!(s.focus, Focus::Tree);
}

/// The text of the view's top line.
fn top_line(s: &State) -> String {
    let (piece, line) = s.reader.window().next().unwrap();
    let p = &s.reader.doc.pieces[piece];
    p.items()
        .get(line.item)
        .map(|t| t[line.range.clone()].to_owned())
        .unwrap_or_default()
}

#[test]
fn resizing_keeps_the_reading_position_exactly() {
    let mut s = state();
    keys(&mut s, "3<Tab><C-d><C-d>jjj");
    let before = (s.reader.anchor(), top_line(&s));
    for _ in 0..3 {
        s.apply(Action::Resize(60, 30));
        s.apply(Action::Resize(120, 30));
        s.apply(Action::Resize(100, 30));
        assert_eq!((s.reader.anchor(), top_line(&s)), before);
    }
    for w in (60..=120).rev().chain(60..=120).chain([100]) {
        s.apply(Action::Resize(w, 30));
    }
    assert_eq!(
        (s.reader.anchor(), top_line(&s)),
        before,
        "a drag through every width"
    );
    keys(&mut s, "<Tab><Tab>");
    assert_eq!(s.reader.anchor(), before.0, "focus changes keep it");
}

#[test]
fn copy_gives_the_turn_with_a_citation() {
    let mut s = state();
    assert_eq!(keys(&mut s, "y"), vec![Effect::None]);
    assert!(s.message.as_ref().unwrap().error, "no turn on the overview");
    keys(&mut s, "2]]");
    let effects = keys(&mut s, "y");
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(text.starts_with("乙"), "{text}");
    assert!(text.contains("圓桌一乙。"), "{text}");
    assert!(text.contains("測試論壇"), "{text}");
    assert!(text.contains("圓桌一"), "the segment is cited: {text}");
    let n = text.chars().count();
    assert!(s.message.as_ref().unwrap().text.contains(&n.to_string()));
}

#[test]
fn search_highlights_counts_and_wraps() {
    let mut s = state();
    keys(&mut s, "3");
    keys(&mut s, "/質量");
    assert_eq!(s.mode(), Mode::Prompt);
    assert_eq!(s.search.hits.len(), 60);
    assert_eq!(s.search.current, Some(0));
    keys(&mut s, "<Enter>");
    assert_eq!(s.mode(), Mode::Normal);
    keys(&mut s, "n");
    assert_eq!(s.search.current, Some(1));
    keys(&mut s, "NN");
    assert_eq!(s.search.current, Some(59), "N wraps to the last match");
    assert!(s.message.as_ref().unwrap().text.contains("continuing"));
    let want = s.search.hits[59].anchor();
    assert!(
        s.reader
            .window()
            .any(|(p, l)| p == want.piece && l.range.contains(&want.offset)),
        "the match is in view"
    );
    keys(&mut s, "<Esc>");
    assert!(!s.search.is_active());
    assert!(s.search.hits.is_empty());
}

#[test]
fn incremental_search_starts_at_the_reading_position_and_esc_returns() {
    let mut s = state();
    keys(&mut s, "3<Tab><C-d><C-d>");
    let here = s.reader.anchor();
    keys(&mut s, "/第");
    let first = s.search.current.unwrap();
    assert!(
        s.search.hits[first].anchor() >= here,
        "first match at or after the reading position"
    );
    assert!(first > 0);
    keys(&mut s, "5段");
    assert_eq!(s.search.query, "第5段");
    keys(&mut s, "<BS><BS><BS>");
    assert_eq!(s.search.query, "");
    keys(&mut s, "xyz");
    assert!(s.search.hits.is_empty());
    assert_eq!(s.reader.anchor(), here, "no match: nothing moves");
    keys(&mut s, "<Esc>");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.reader.anchor(), here, "Esc returns to where reading was");
    assert!(!s.search.is_active());
}

#[test]
fn search_without_match_says_so_once() {
    let mut s = state();
    keys(&mut s, "/不存在<Enter>");
    assert!(s.message.as_ref().unwrap().text.contains("no match"));
    keys(&mut s, "n");
    assert!(s.message.as_ref().unwrap().error);
}

#[test]
fn search_follows_the_page_and_n_without_search_complains() {
    let mut s = state();
    keys(&mut s, "n");
    assert!(s.message.as_ref().unwrap().text.contains("no search"));
    keys(&mut s, "1/甲<Enter>");
    assert_eq!(s.search.hits.len(), 2, "甲's speaker line and paragraph");
    keys(&mut s, "3");
    assert_eq!(s.search.hits.len(), 0, "the keynote has no 甲");
    keys(&mut s, "2");
    assert!(!s.search.hits.is_empty(), "the roundtable does");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state();
    keys(&mut s, "?");
    assert_eq!(s.mode(), Mode::Help);
    keys(&mut s, "]");
    assert_eq!(s.reader.page, Page::Forum, "keys do not leak through help");
    keys(&mut s, "j");
    assert_eq!(s.help, Some(1));
    keys(&mut s, "<Esc>");
    assert_eq!(s.mode(), Mode::Normal);
    keys(&mut s, "??");
    assert_eq!(s.help, None);
}

#[test]
fn terminal_effects() {
    let mut s = state();
    assert_eq!(keys(&mut s, "q"), vec![Effect::Quit]);
    assert_eq!(keys(&mut s, "<C-c>"), vec![Effect::Quit]);
    assert_eq!(keys(&mut s, "<C-l>"), vec![Effect::Redraw]);
    assert_eq!(keys(&mut s, "<C-z>"), vec![Effect::Suspend]);
    assert_eq!(keys(&mut s, "M"), vec![Effect::Mouse(false)]);
    assert_eq!(keys(&mut s, "M"), vec![Effect::Mouse(true)]);
    assert_eq!(
        keys(&mut s, "/q"),
        vec![Effect::None, Effect::None],
        "q is typed in the prompt"
    );
}

#[test]
fn mouse_click_opens_a_row_and_wheel_scrolls_the_pane_under_it() {
    let mut s = state();
    let g = s.geometry().unwrap();
    s.apply(Action::Click(2, g.tree.y + 2));
    assert_eq!(s.reader.page, Page::Segment(1), "the third row: segment 2");
    s.apply(Action::Click(2, g.tree.y + 3));
    assert_eq!(s.reading(), Node::Speech(1, 0), "its first turn");
    keys(&mut s, "3");
    s.apply(Action::Wheel(g.text.x + 1, g.text.y + 1, 3));
    assert_eq!(
        s.reader.top().line + s.reader.top().piece,
        3,
        "three lines down"
    );
    let top = s.reader.top();
    s.apply(Action::Wheel(1, g.tree.y, 3));
    assert_eq!(
        s.reader.top(),
        top,
        "the wheel over the tree leaves the text alone"
    );
}

#[test]
fn tiny_sizes_do_not_panic() {
    let mut s = state();
    for (w, h) in [(1, 1), (0, 0), (10, 5), (40, 10), (39, 9), (200, 2)] {
        s.apply(Action::Resize(w, h));
        keys(&mut s, "]]jjG<C-d>/質<Enter>n?j<Esc>r:50%<Enter>z y z ");
    }
}

#[test]
fn the_other_keys_of_each_binding_do_the_same() {
    let mut s = state();
    keys(&mut s, "<Down><Right><Right>");
    assert_eq!(
        s.tree.selected,
        Node::Speech(0, 0),
        "Down Right Right moves like j l l"
    );
    keys(&mut s, "<Up><Left>");
    assert!(!s.tree.is_expanded(0), "Left collapses like h");
    keys(&mut s, "<Left>");
    assert_eq!(s.tree.selected, Node::Forum, "and then goes to the parent");
    keys(&mut s, "<End>");
    assert_eq!(s.tree.selected, Node::Segment(3));
    keys(&mut s, "<Home>");
    assert_eq!(s.tree.selected, Node::Forum);
    keys(&mut s, "3<S-Tab>");
    assert_eq!(s.focus, Focus::Text, "Shift-Tab also switches pane");
    keys(&mut s, "<PgDn>");
    let page = s.reader.top();
    assert!(page > Pos::default());
    keys(&mut s, "<PgUp>");
    assert!(s.reader.at_top());
    keys(&mut s, "<C-f><C-b>");
    assert!(s.reader.at_top());
    keys(&mut s, "<F1>");
    assert_eq!(s.mode(), Mode::Help);
    keys(&mut s, "<F1>");
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn page_keys_in_the_tree_move_the_selection_by_a_page() {
    let mut s = state();
    s.apply(Action::Resize(100, 12));
    keys(&mut s, "gjlgjjjjl"); // open two segments: rows to page through
    keys(&mut s, "g");
    let h = s.geometry().unwrap().tree.height as isize;
    keys(&mut s, "<PgDn>");
    let rows = s.tree.rows(s.proceedings());
    let at = rows.iter().position(|n| *n == s.tree.selected).unwrap() as isize;
    assert_eq!(at, h.min(rows.len() as isize - 1));
    assert!(s.tree.offset > 0, "the selection stays visible");
    keys(&mut s, "<PgUp>");
    assert_eq!(s.tree.selected, Node::Forum);
    assert_eq!(s.tree.offset, 0);
}

#[test]
fn help_scrolls_to_its_last_wrapped_line_and_no_further() {
    let mut s = state();
    s.apply(Action::Resize(50, 16));
    keys(&mut s, "?");
    for _ in 0..60 {
        keys(&mut s, " ");
    }
    let view = s.help_view();
    let visible = usize::from(view.area.height - 2);
    assert!(
        view.lines.len() > visible,
        "the help needs scrolling at 50x16"
    );
    assert_eq!(s.help, Some(view.lines.len() - visible));
    keys(&mut s, "jjj");
    assert_eq!(s.help, Some(view.lines.len() - visible), "no further");
    for _ in 0..60 {
        keys(&mut s, "b");
    }
    assert_eq!(s.help, Some(0));
}

/// The built-in forum in a 100x30 state.
fn builtin() -> State {
    let loaded =
        crate::model::load_bytes(crate::DEFAULT_NAME, crate::DEFAULT_PROCEEDINGS.as_bytes())
            .expect("the built-in forum loads");
    let mut s = State::new(loaded.proceedings, crate::text::AmbiguousWidth::Narrow);
    s.apply(Action::Resize(100, 30));
    s
}

mod finding;
mod palette;
mod saved;
