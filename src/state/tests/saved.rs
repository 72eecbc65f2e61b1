//! Saving and restoring the reading position and marks: what a restart
//! brings back, on the fixture and the built-in forum.

use super::*;
use crate::resume::{Position, Saved};

/// A fresh state restored from `saved`, then laid out, as `main` does.
fn restarted(p: Proceedings, saved: &Saved) -> State {
    restarted_at(p, saved, (100, 30))
}

fn restarted_at(p: Proceedings, saved: &Saved, (w, h): (u16, u16)) -> State {
    let mut s = State::new(p, crate::text::AmbiguousWidth::Narrow);
    s.restore(saved);
    s.apply(Action::Resize(w, h));
    s
}

#[test]
fn the_place_comes_back_after_a_restart() {
    // The overview, turns, the middle of a long paragraph, a segment's
    // header, the last turn of a page too short to scroll it to the top.
    let (mut hinted, mut inside) = (0, 0);
    let cases = [
        "",
        "]",
        "]]]",
        "3<Tab><C-d><C-d>j",
        "3<Tab>jjjjjjjjjj",
        "}}",
        "4",
        "4]]",
        "4]]]",
    ];
    for (seq, size) in cases
        .iter()
        .flat_map(|seq| [(seq, (100, 30)), (seq, (40, 12))])
    {
        let mut s = State::new(fixture(), crate::text::AmbiguousWidth::Narrow);
        s.apply(Action::Resize(size.0, size.1));
        keys(&mut s, seq);
        hinted += usize::from(s.place().turn.is_some());
        inside += usize::from(s.reader.anchor().offset > 0);
        let back = restarted_at(fixture(), &s.saved(), size);
        let top = s.reader.anchor().piece;
        if s.place().turn.is_none() && s.reader.doc.pieces[top].role == crate::doc::Role::Blank {
            // The gap between blocks saves as the next block: a line on.
            assert_eq!(back.reader.anchor(), Anchor::piece(top + 1), "{seq:?}");
        } else {
            assert_eq!(back.place(), s.place(), "{seq:?}");
        }
        assert_eq!(back.reading(), s.reading(), "{seq:?}");
        assert_eq!(back.message, None, "{seq:?}");
    }
    assert!(hinted > 0 && inside > 0, "{hinted} {inside}");
}

#[test]
fn the_overviews_furniture_saves_as_its_top() {
    let mut s = State::new(fixture(), crate::text::AmbiguousWidth::Narrow);
    s.apply(Action::Resize(40, 12));
    keys(&mut s, "<Tab>G");
    assert_ne!(s.reader.anchor(), Anchor::default());
    assert_eq!(s.saved().position, Position::default());
}

#[test]
fn a_speakers_page_comes_back_as_the_turn_being_read() {
    let mut s = state();
    keys(&mut s, "}]]S");
    assert!(matches!(s.reader.page, Page::Speaker(_)));
    let turn = s.reading();
    let back = restarted(fixture(), &s.saved());
    assert_eq!(back.reader.page, Page::Segment(turn.segment().unwrap()));
    assert_eq!(back.reading(), turn);
}

#[test]
fn marks_come_back() {
    let mut s = state();
    keys(&mut s, "]]ma3<C-d>mb}}mc");
    let back = restarted(fixture(), &s.saved());
    assert_eq!(back.marks.len(), 3);
    for c in ['a', 'b', 'c'] {
        let mut t = restarted(fixture(), &s.saved());
        let mut u = state();
        keys(&mut u, "]]ma3<C-d>mb}}mc");
        keys(&mut t, &format!("'{c}"));
        keys(&mut u, &format!("'{c}"));
        assert_eq!(t.place(), u.place(), "mark {c}");
    }
}

#[test]
fn lists_save_their_item_and_offset() {
    let mut p = fixture();
    p.segments[0].speeches[0].paragraphs = vec![Block::List {
        items: vec!["第一項。".repeat(30).into(), "第二項。".repeat(60).into()],
        ordered: true,
    }];
    let mut s = State::new(p.clone(), crate::text::AmbiguousWidth::Narrow);
    s.apply(Action::Resize(60, 12));
    keys(&mut s, "1<Tab>");
    for _ in 0..100 {
        if s.reader.anchor().item == 1 && s.reader.anchor().offset > 0 {
            break;
        }
        keys(&mut s, "j");
    }
    assert!(s.reader.anchor().item == 1 && s.reader.anchor().offset > 0);
    let saved = s.saved();
    assert_eq!(saved.position.block, 0);
    assert_eq!(
        saved.position.offset,
        "第一項。".repeat(30).len() + s.reader.anchor().offset
    );
    let mut back = State::new(p, crate::text::AmbiguousWidth::Narrow);
    back.restore(&saved);
    back.apply(Action::Resize(60, 12));
    assert_eq!(back.place(), s.place());
}

#[test]
fn a_position_the_file_no_longer_has_opens_the_landing_page() {
    let at = |segment, speech, block, offset| Position {
        segment,
        speech,
        block,
        offset,
    };
    for pos in [
        at(Some(9), None, 0, 0),
        at(Some(0), Some(9), 0, 0),
        at(Some(0), Some(0), 7, 0),
        at(Some(0), Some(0), 0, 10_000),
        at(Some(0), Some(0), 0, usize::MAX),
        at(Some(usize::MAX), Some(usize::MAX), usize::MAX, usize::MAX),
        at(Some(0), None, 5, 0),
        at(None, Some(0), 0, 0),
        at(None, None, 9, 0),
    ] {
        let saved = Saved {
            position: pos,
            marks: [('a', pos)].into(),
        };
        let s = restarted(fixture(), &saved);
        assert_eq!(s.reader.page, Page::Forum, "{pos:?}");
        assert!(s.reader.at_top(), "{pos:?}");
        assert!(s.marks.is_empty(), "{pos:?}");
        assert!(s.message.as_ref().is_some_and(|m| m.error), "{pos:?}");
    }
}

#[test]
fn an_offset_inside_a_character_goes_to_its_start() {
    // 甲 is three bytes: offsets 1 and 2 are inside it.
    for offset in [1, 2, 4] {
        let pos = Position {
            segment: Some(0),
            speech: Some(0),
            block: 0,
            offset,
        };
        let saved = Saved {
            position: pos,
            marks: Default::default(),
        };
        let s = restarted(fixture(), &saved);
        assert_eq!(s.reader.page, Page::Segment(0), "{offset}");
        assert_eq!(s.message, None, "{offset}");
    }
    let doc = Builder::new(&fixture()).segment_page(0);
    let (piece, _) = doc
        .piece_of(Some((0, 0)), crate::doc::Field::Body, 0)
        .unwrap();
    for (offset, want) in [(0, 0), (1, 0), (2, 0), (3, 3), (5, 3)] {
        let pos = Position {
            segment: Some(0),
            speech: Some(0),
            block: 0,
            offset,
        };
        let place = super::super::saved::place_in(&doc, Page::Segment(0), &pos);
        let want = (offset > 0).then_some(Anchor {
            piece,
            item: 0,
            offset: want,
        });
        assert_eq!(
            place.filter(|p| p.turn.is_none()).map(|p| p.anchor),
            want,
            "{offset}"
        );
    }
}
