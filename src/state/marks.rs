//! Places to come back to: marks (`m` then a letter sets one, `'` then the
//! letter returns), `''` back to where the last jump came from (less and vim
//! habits), and a speaker's page (`S`), which Esc leaves for where it was
//! opened.

use std::collections::BTreeMap;

use super::{Anchor, Page, State};
use crate::action::Action;
use crate::model::SpeakerIdx;

/// A place: a page, the anchor on its top line, and the current turn when
/// a jump made it current on a page too short to scroll it to the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub page: Page,
    pub anchor: Anchor,
    pub turn: Option<usize>,
}

/// What the next key is for, after `m` or `'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    SetMark,
    JumpMark,
}

impl Pending {
    /// The key that started it, shown in the status line.
    pub fn sigil(self) -> &'static str {
        match self {
            Pending::SetMark => "m",
            Pending::JumpMark => "'",
        }
    }
}

/// The marks of one file, by letter.
pub type Marks = BTreeMap<char, Place>;

/// Whether an action is a jump: one `''` can come back from. Moves by lines
/// or pages are not, as in vim.
pub(super) fn is_jump(action: Action) -> bool {
    matches!(
        action,
        Action::NextSpeech
            | Action::PrevSpeech
            | Action::NextSegment
            | Action::PrevSegment
            | Action::NextRoundtable
            | Action::PrevRoundtable
            | Action::GotoSegment(_)
            | Action::Top
            | Action::Bottom
            | Action::SearchNext
            | Action::SearchPrev
            | Action::SpeakerPage
            | Action::PaletteAccept
            | Action::PaletteSpeaker
            | Action::CloseResults
            | Action::Open
            | Action::PromptAccept
            | Action::PromptChar(_)
    )
}

impl State {
    /// Where reading is, as a place.
    pub fn place(&self) -> Place {
        Place {
            page: self.reader.page,
            anchor: self.reader.anchor(),
            turn: self.turn_hint,
        }
    }

    /// Shows a place. A place at the start of its turn (a saved position)
    /// puts that turn on top as a jump to it does.
    pub(super) fn go_to_place(&mut self, place: Place) {
        self.show_page(place.page, Some(place.anchor));
        let start = |k: usize| self.reader.doc.turns.get(k).map(|t| Anchor::piece(t.piece));
        if let Some(k) = place.turn.filter(|&k| start(k) == Some(place.anchor)) {
            self.show_turn(k);
        } else if self.reader.anchor() == place.anchor {
            self.turn_hint = place.turn.filter(|&k| k < self.reader.doc.turns.len());
        }
    }

    /// A letter after `m` or `'`.
    pub(super) fn pending_key(&mut self, pending: Pending, c: char) {
        match (pending, c) {
            (Pending::SetMark, c) if c.is_ascii_alphabetic() => {
                self.marks.insert(c, self.place());
                self.say(format!("mark {c} set"));
            }
            (Pending::JumpMark, '\'') => match self.last_jump {
                Some(back) => self.go_to_place(back),
                None => self.complain("no jump to go back from yet"),
            },
            (Pending::JumpMark, c) if c.is_ascii_alphabetic() => match self.marks.get(&c) {
                Some(&place) => self.go_to_place(place),
                None => self.complain(format!("mark {c} is not set")),
            },
            (_, c) => self.complain(format!("{c} is not a mark: marks are letters a-z, A-Z")),
        }
    }

    /// `S`: every turn of the current turn's speaker.
    pub(super) fn open_speaker_page(&mut self) {
        let Some(k) = self.current_turn() else {
            self.complain("no speaker here: open a turn first (] or Enter)");
            return;
        };
        let (i, j) = self.reader.doc.turns[k].at;
        let Some(who) = self.p.segments[i].speeches[j].speaker else {
            self.complain("this turn has no speaker");
            return;
        };
        // The page opens at the turn reading was in.
        self.open_speaker(who, Some((i, j)));
    }

    /// A speaker's page, with the turn `at` (segment, speech) on top if
    /// given, else where it was left or its top. Esc returns to where
    /// reading was.
    pub(super) fn open_speaker(&mut self, who: SpeakerIdx, at: Option<(usize, usize)>) {
        if self.reader.page != Page::Speaker(who) {
            self.speaker_origin = Some(self.place());
        }
        self.show_page(Page::Speaker(who), None);
        if let Some(k) = at.and_then(|at| self.reader.doc.turns.iter().position(|t| t.at == at)) {
            self.show_turn(k);
        }
    }

    /// Esc with no search to clear: a speaker's page returns to where it was
    /// opened from.
    pub(super) fn escape(&mut self) {
        if self.search.is_active() {
            self.search = super::Search::default();
            self.forum_nav = None;
        } else if let (Page::Speaker(_), Some(back)) = (self.reader.page, self.speaker_origin) {
            self.speaker_origin = None;
            self.go_to_place(back);
        }
    }
}
