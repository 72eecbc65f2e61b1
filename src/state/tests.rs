//! Key-sequence tests: keys go through the real keymap into `apply`, and
//! the state is inspected afterwards. No terminal involved.

use super::*;
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

#[test]
fn starts_on_the_landing_page_with_the_tree_focused() {
    let s = state();
    assert_eq!(s.reader.node, Node::Forum);
    assert_eq!(s.tree.selected, Node::Forum);
    assert_eq!(s.focus, Focus::Tree);
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn bracket_walks_speeches_across_segments() {
    let mut s = state();
    keys(&mut s, "]");
    assert_eq!(s.reader.node, Node::Speech(0, 0));
    keys(&mut s, "]]");
    assert_eq!(
        s.reader.node,
        Node::Speech(1, 0),
        "crosses into the roundtable"
    );
    assert_eq!(s.tree.selected, Node::Speech(1, 0), "the tree follows");
    keys(&mut s, "[");
    assert_eq!(s.reader.node, Node::Speech(0, 1));
    keys(&mut s, "]]]]]]]]");
    assert_eq!(s.reader.node, Node::Speech(3, 1));
    assert!(s.message.as_ref().unwrap().text.contains("last speech"));
    keys(&mut s, "2[");
    assert_eq!(
        s.reader.node,
        Node::Speech(0, 1),
        "[ from a segment overview: the speech before it"
    );
    keys(&mut s, "2]");
    assert_eq!(
        s.reader.node,
        Node::Speech(1, 0),
        "] from a segment overview: its first speech"
    );
}

#[test]
fn braces_walk_segments() {
    let mut s = state();
    keys(&mut s, "}");
    assert_eq!(s.reader.node, Node::Segment(0));
    keys(&mut s, "}}");
    assert_eq!(s.reader.node, Node::Segment(2));
    keys(&mut s, "]{");
    assert_eq!(
        s.reader.node,
        Node::Segment(2),
        "{{ from a speech: its own segment"
    );
    keys(&mut s, "{");
    assert_eq!(s.reader.node, Node::Segment(1));
    keys(&mut s, "}}}");
    assert_eq!(s.reader.node, Node::Segment(3));
    assert!(s.message.is_some());
}

#[test]
fn r_finds_roundtables_after_the_reading_position_and_wraps() {
    let mut s = state();
    keys(&mut s, "r");
    assert_eq!(s.reader.node, Node::Segment(1));
    keys(&mut s, "r");
    assert_eq!(s.reader.node, Node::Segment(3));
    keys(&mut s, "r");
    assert_eq!(s.reader.node, Node::Segment(1), "wraps around");
    assert!(s.message.as_ref().unwrap().text.contains("wrapped"));
    keys(&mut s, "R");
    assert_eq!(s.reader.node, Node::Segment(3), "backwards wraps too");
    keys(&mut s, "3R");
    assert_eq!(s.reader.node, Node::Segment(1));
    // From a speech inside the keynote, r goes to the next roundtable.
    keys(&mut s, "3]r");
    assert_eq!(s.reader.node, Node::Segment(3));
}

#[test]
fn digits_open_the_nth_segment() {
    let mut s = state();
    keys(&mut s, "4");
    assert_eq!(s.reader.node, Node::Segment(3));
    keys(&mut s, "9");
    assert_eq!(
        s.reader.node,
        Node::Segment(3),
        "no ninth segment: nothing moves"
    );
    assert!(s.message.as_ref().unwrap().error);
}

#[test]
fn tree_selection_moves_and_opens() {
    let mut s = state();
    keys(&mut s, "jj");
    assert_eq!(s.tree.selected, Node::Speech(0, 0));
    assert_eq!(
        s.reader.node,
        Node::Forum,
        "moving the selection does not open"
    );
    keys(&mut s, "<Enter>");
    assert_eq!(s.reader.node, Node::Speech(0, 0));
    keys(&mut s, "k");
    assert_eq!(s.tree.selected, Node::Segment(0));
    keys(&mut s, "l");
    assert_eq!(s.reader.node, Node::Segment(0));
    keys(&mut s, "h");
    assert!(!s.tree.is_expanded(0), "h collapses an expanded segment");
    keys(&mut s, "j");
    assert_eq!(
        s.tree.selected,
        Node::Segment(1),
        "collapsed speeches are skipped"
    );
    keys(&mut s, "kl");
    assert!(
        s.tree.is_expanded(0),
        "Enter on the open segment toggles it"
    );
    keys(&mut s, "jh");
    assert_eq!(
        s.tree.selected,
        Node::Segment(0),
        "h on a speech goes to its parent"
    );
    keys(&mut s, "hh");
    assert_eq!(s.tree.selected, Node::Forum);
    keys(&mut s, "G");
    assert_eq!(s.tree.selected, Node::Speech(3, 1));
    keys(&mut s, "g");
    assert_eq!(s.tree.selected, Node::Forum);
}

#[test]
fn text_focus_scrolls_by_lines_pages_and_ends() {
    let mut s = state();
    keys(&mut s, "3]<Tab>");
    assert_eq!(s.focus, Focus::Text);
    assert_eq!(s.reader.node, Node::Speech(2, 0));
    assert!(s.reader.max_top() > 30, "the long speech needs scrolling");
    let h = s.geometry().unwrap().text.height as usize;
    keys(&mut s, "jjj");
    assert_eq!(s.reader.top, 3);
    keys(&mut s, "k");
    assert_eq!(s.reader.top, 2);
    keys(&mut s, " ");
    assert_eq!(s.reader.top, 2 + h - 2);
    keys(&mut s, "b");
    assert_eq!(s.reader.top, 2);
    keys(&mut s, "<C-d>");
    assert_eq!(s.reader.top, 2 + h / 2);
    keys(&mut s, "<C-u>");
    assert_eq!(s.reader.top, 2);
    keys(&mut s, "G");
    assert_eq!(s.reader.top, s.reader.max_top());
    assert_eq!(s.reader.percent(), 100);
    keys(&mut s, "g");
    assert_eq!(s.reader.top, 0);
    keys(&mut s, "<Tab>");
    assert_eq!(s.focus, Focus::Tree);
}

#[test]
fn reading_position_survives_resize_and_return() {
    let mut s = state();
    keys(&mut s, "3]<Tab>");
    keys(&mut s, "<C-d><C-d>");
    let before = s.reader.anchor();
    assert!(before.piece > 3);
    s.apply(Action::Resize(60, 20));
    let after = s.reader.anchor();
    assert_eq!((after.piece, after.item), (before.piece, before.item));
    assert!(after.offset <= before.offset);
    s.apply(Action::Resize(100, 30));
    assert_eq!(
        s.reader.anchor(),
        before,
        "back to the same width, the same line"
    );
    keys(&mut s, "<Tab><Tab>");
    assert_eq!(s.reader.anchor(), before, "focus changes keep it");
    keys(&mut s, "]["); // away and back
    assert_eq!(
        s.reader.anchor(),
        before,
        "returning to a page resumes reading"
    );
}

#[test]
fn search_highlights_counts_and_wraps() {
    let mut s = state();
    keys(&mut s, "3]");
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
    let line = s.reader.line_of(s.search.hits[59].anchor());
    assert!(
        (s.reader.top..s.reader.top + s.reader.height).contains(&line),
        "the match is in view"
    );
    keys(&mut s, "<Esc>");
    assert!(!s.search.is_active());
    assert!(s.search.hits.is_empty());
}

#[test]
fn incremental_search_starts_at_the_reading_position_and_esc_returns() {
    let mut s = state();
    keys(&mut s, "3]<Tab><C-d><C-d>");
    let top = s.reader.top;
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
    assert_eq!(s.reader.top, top, "no match: nothing moves");
    keys(&mut s, "<Esc>");
    assert_eq!(s.mode(), Mode::Normal);
    assert_eq!(s.reader.top, top, "Esc returns to where reading was");
    assert!(!s.search.is_active());
}

#[test]
fn search_without_match_says_so() {
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
    keys(&mut s, "]/甲<Enter>");
    assert_eq!(s.search.hits.len(), 2, "title and paragraph of 甲's speech");
    keys(&mut s, "]");
    assert_eq!(s.search.hits.len(), 0, "乙's speech has no 甲");
    keys(&mut s, "2");
    assert!(!s.search.hits.is_empty(), "the roundtable overview does");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state();
    keys(&mut s, "?");
    assert_eq!(s.mode(), Mode::Help);
    keys(&mut s, "]");
    assert_eq!(s.reader.node, Node::Forum, "keys do not leak through help");
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
    assert_eq!(keys(&mut s, "m"), vec![Effect::Mouse(false)]);
    assert_eq!(keys(&mut s, "m"), vec![Effect::Mouse(true)]);
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
    assert_eq!(s.reader.node, Node::Speech(0, 0));
    assert_eq!(s.tree.selected, Node::Speech(0, 0));
    keys(&mut s, "3]");
    s.apply(Action::Wheel(g.text.x + 1, g.text.y + 1, 3));
    assert_eq!(s.reader.top, 3);
    s.apply(Action::Wheel(1, g.tree.y, 3));
    assert_eq!(
        s.reader.top, 3,
        "the wheel over the tree leaves the text alone"
    );
}

#[test]
fn tiny_sizes_do_not_panic() {
    let mut s = state();
    for (w, h) in [(1, 1), (0, 0), (10, 5), (40, 10), (39, 9), (200, 2)] {
        s.apply(Action::Resize(w, h));
        keys(&mut s, "]]jjG<C-d>/質<Enter>n?j<Esc>r");
    }
}

#[test]
fn the_other_keys_of_each_binding_do_the_same() {
    let mut s = state();
    keys(&mut s, "<Down><Down><Right>");
    assert_eq!(
        s.reader.node,
        Node::Speech(0, 0),
        "Down Down Right opens like j j l"
    );
    keys(&mut s, "<Up><Left>");
    assert!(!s.tree.is_expanded(0), "Left collapses like h");
    keys(&mut s, "<Left>");
    assert_eq!(s.tree.selected, Node::Forum, "and then goes to the parent");
    keys(&mut s, "<End>");
    assert_eq!(s.tree.selected, Node::Speech(3, 1));
    keys(&mut s, "<Home>");
    assert_eq!(s.tree.selected, Node::Forum);
    keys(&mut s, "3]<S-Tab>");
    assert_eq!(s.focus, Focus::Text, "Shift-Tab also switches pane");
    keys(&mut s, "<PgDn>");
    let page = s.reader.top;
    assert!(page > 0);
    keys(&mut s, "<C-f>");
    assert_eq!(s.reader.top, 2 * page);
    keys(&mut s, "<PgUp><C-b>");
    assert_eq!(s.reader.top, 0);
    keys(&mut s, "<F1>");
    assert_eq!(s.mode(), Mode::Help);
    keys(&mut s, "<F1>");
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn page_keys_in_the_tree_move_the_selection_by_a_page() {
    let mut s = state();
    s.apply(Action::Resize(100, 12));
    let h = s.geometry().unwrap().tree.height as isize;
    keys(&mut s, " ");
    let rows = s.tree.rows(s.proceedings());
    let at = rows.iter().position(|n| *n == s.tree.selected).unwrap() as isize;
    assert_eq!(at, h.min(rows.len() as isize - 1));
    assert!(s.tree.offset > 0, "the selection stays visible");
    keys(&mut s, "b");
    assert_eq!(s.tree.selected, Node::Forum);
    assert_eq!(s.tree.offset, 0);
}

#[test]
fn help_scrolls_to_its_last_wrapped_line_and_no_further() {
    let mut s = state();
    s.apply(Action::Resize(50, 16));
    keys(&mut s, "?");
    for _ in 0..40 {
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
    keys(&mut s, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbk");
    assert_eq!(s.help, Some(0));
}
