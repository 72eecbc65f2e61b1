//! The reading position and marks as the resume store keeps them: in terms
//! of the proceedings ([`resume::Position`]), not of pages or screens, so
//! they survive another terminal size. No file I/O here: `main.rs` loads
//! and saves, through [`crate::session`].
//!
//! A position names the model text on the top line:
//! - in a turn: its segment and speech, the block (paragraph, list, note)
//!   and the byte offset in the block's text (a list's items counted one
//!   after another); block 0 at offset 0 is the turn's start, its speaker
//!   line; a line of a turn that shows no block (the speaker line, the
//!   gap between blocks) saves as the start of the next block;
//! - in a page's header (speech `None`): block 0 is the top of the page,
//!   block k + 1 the k-th block of the segment's description (of the
//!   forum's summary on the overview, segment `None`), with the offset in
//!   it; the rest of a header (title, dates, the programme list) saves as
//!   the page's top;
//! - a speaker's page saves as the turn being read, on its segment's page.
//!
//! A position the file no longer has (a segment, turn or block past the
//! end, an offset past its block's end) opens the landing page; an offset
//! inside a character (saved while the other script was shown) goes to
//! that character's start.

use super::{Anchor, Page, Place, State};
use crate::doc::{Content, Doc, Field, Piece};
use crate::resume::{Position, Saved};

impl State {
    /// The reading position and the marks, to be kept between runs.
    pub fn saved(&self) -> Saved {
        let here = self.place();
        let position = position_in(&self.reader.doc, &here);
        let marks = self
            .marks
            .iter()
            .map(|(&c, place)| {
                let pos = if place.page == self.reader.page {
                    position_in(&self.reader.doc, place)
                } else {
                    position_in(&self.doc_for(place.page), place)
                };
                (c, pos)
            })
            .collect();
        Saved { position, marks }
    }

    /// Returns to a saved position and sets the saved marks. A position or
    /// mark the file no longer has is dropped, with a remark; the reader
    /// then stays where it is (the landing page at start).
    pub fn restore(&mut self, saved: &Saved) {
        let before = self.reading();
        let mut lost = 0;
        for (&c, pos) in &saved.marks {
            match self.place_of(pos) {
                Some(place) => {
                    self.marks.insert(c, place);
                }
                None => lost += 1,
            }
        }
        match self.place_of(&saved.position) {
            // Before the first layout, the place waits for it.
            Some(place) if self.geometry().is_none() => self.resume_at = Some(place),
            Some(place) => self.go_to_place(place),
            None => {
                lost += 1;
                self.complain(
                    "the saved position is not in this file any more: opened at the start",
                );
            }
        }
        if lost > 0 && self.message.is_none() {
            self.complain(format!(
                "{} not in this file any more: dropped",
                super::count_of(lost, "saved mark")
            ));
        }
        self.follow_reading(before);
    }

    /// A one-line remark for the status line from outside the keys (the
    /// resume store's notice at start); `error` shows it as a warning.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        if error {
            self.complain(text);
        } else {
            self.say(text);
        }
    }

    /// The place a position names, if the file has it.
    fn place_of(&self, pos: &Position) -> Option<Place> {
        let page = match pos.segment {
            None if pos.speech.is_none() => Page::Forum,
            None => return None,
            Some(i) if i < self.p.segments.len() => Page::Segment(i),
            Some(_) => return None,
        };
        let doc = if page == self.reader.page {
            None
        } else {
            Some(self.doc_for(page))
        };
        place_in(doc.as_ref().unwrap_or(&self.reader.doc), page, pos)
    }
}

/// Where a place is, as a position.
fn position_in(doc: &Doc, place: &Place) -> Position {
    let turn_start = |k: usize| {
        doc.turns.get(k).map(|t| Position {
            segment: Some(t.at.0),
            speech: Some(t.at.1),
            block: 0,
            offset: 0,
        })
    };
    let top = match place.page {
        Page::Forum => Position::default(),
        Page::Segment(i) => Position {
            segment: Some(i),
            ..Position::default()
        },
        // Above its first turn, a speaker's page is about that turn.
        Page::Speaker(_) => turn_start(0).unwrap_or_default(),
    };
    if let Some(p) = place.turn.and_then(turn_start) {
        return p;
    }
    let a = place.anchor;
    let Some(piece) = doc.pieces.get(a.piece) else {
        return top;
    };
    match (piece.at, piece.src) {
        (Some((s, j)), Some(src)) if src.field == Field::Body => Position {
            segment: Some(s),
            speech: Some(j),
            block: src.block,
            offset: offset_in(piece, a).saturating_sub(src.base),
        },
        (Some((s, j)), _) => {
            // Not a block: the start of the turn's next block.
            let block = doc.pieces[a.piece..]
                .iter()
                .take_while(|p| p.at == Some((s, j)))
                .find_map(|p| p.src.filter(|src| src.field == Field::Body))
                .map_or(0, |src| src.block);
            Position {
                segment: Some(s),
                speech: Some(j),
                block,
                offset: 0,
            }
        }
        (None, Some(src))
            if matches!(
                (place.page, src.field),
                (Page::Forum, Field::Summary) | (Page::Segment(_), Field::Description)
            ) =>
        {
            Position {
                block: src.block + 1,
                offset: offset_in(piece, a).saturating_sub(src.base),
                ..top
            }
        }
        (None, _) => top,
    }
}

/// An anchor's byte offset in its piece's text, a list's items counted one
/// after another.
fn offset_in(piece: &Piece, a: Anchor) -> usize {
    let before: usize = piece.items().iter().take(a.item).map(String::len).sum();
    before + a.offset
}

/// The place of a position on `page`, whose doc is `doc`.
pub(super) fn place_in(doc: &Doc, page: Page, pos: &Position) -> Option<Place> {
    let at = |anchor| {
        Some(Place {
            page,
            anchor,
            turn: None,
        })
    };
    let (key, field, block) = match (pos.speech, pos.block) {
        (None, 0) => return at(Anchor::default()),
        (None, k) => {
            let field = match page {
                Page::Forum => Field::Summary,
                _ => Field::Description,
            };
            (None, field, k - 1)
        }
        (Some(j), 0) if pos.offset == 0 => {
            let s = pos.segment?;
            let k = doc.turns.iter().position(|t| t.at == (s, j))?;
            return Some(Place {
                page,
                anchor: Anchor::piece(doc.turns[k].piece),
                turn: Some(k),
            });
        }
        (Some(j), k) => (Some((pos.segment?, j)), Field::Body, k),
    };
    let (piece, base) = doc.piece_of(key, field, block)?;
    let mut offset = pos.offset.checked_add(base)?;
    let items = doc.pieces[piece].items();
    if let Content::Text { .. } = doc.pieces[piece].content {
        let text = items.first()?;
        return at(Anchor {
            piece,
            item: 0,
            offset: char_start(text, offset)?,
        });
    }
    for (item, text) in items.iter().enumerate() {
        if offset < text.len() || (offset == text.len() && item + 1 == items.len()) {
            return at(Anchor {
                piece,
                item,
                offset: char_start(text, offset)?,
            });
        }
        offset -= text.len();
    }
    None
}

/// The start of the character holding byte `offset` of `text` (a position
/// saved while the other script was shown may fall inside one where the
/// two differ in bytes); `None` past the end.
fn char_start(text: &str, offset: usize) -> Option<usize> {
    (offset <= text.len()).then(|| (0..=offset).rev().find(|&i| text.is_char_boundary(i)))?
}
