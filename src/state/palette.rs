//! The jump palette (`p`, Ctrl-P): a query typed over the text pane, the
//! speakers and segments it matches (ranked by [`find::Palette`], built
//! once on the first opening), the selected row and the scroll. Enter jumps
//! to a speaker's first turn or a segment's page, Tab opens a speaker's
//! page; both are jumps `''` comes back from.

use super::{Area, Effect, Node, State};
use crate::action::Action;
use crate::find::{self, Entry, Target};

/// The open palette.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jump {
    pub query: String,
    /// What the query matches, best first (everything, in programme order,
    /// for an empty query).
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The first row shown.
    pub scroll: usize,
}

impl Jump {
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }
}

impl State {
    /// The palette's box: over the text pane, its header included.
    pub fn palette_area(&self) -> Option<Area> {
        let g = self.geometry()?;
        let h = g.text_header;
        Some(Area::new(h.x, h.y, h.width, h.height + g.text.height))
    }

    /// Rows of entries the box shows: inside the borders, under the query.
    pub fn palette_rows(&self) -> usize {
        self.palette_area()
            .map_or(1, |a| usize::from(a.height.saturating_sub(3)).max(1))
    }

    /// The palette's part of an action; `None` when it is not the
    /// palette's (the palette is closed and the action does not open it).
    pub(super) fn palette_action(&mut self, action: Action) -> Option<Effect> {
        if self.palette.is_none() {
            if action == Action::PaletteOpen {
                self.palette_open();
                return Some(Effect::None);
            }
            return None;
        }
        let page = self.palette_rows() as isize;
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Redraw => return Some(Effect::Redraw),
            Action::Suspend => return Some(Effect::Suspend),
            Action::Resize(w, h) => {
                self.resize(w, h);
                self.palette_move(0);
            }
            Action::PaletteChar(c) => self.palette_edit(|q| q.push(c)),
            Action::PaletteBackspace => self.palette_edit(|q| {
                q.pop();
            }),
            Action::PaletteDown => self.palette_move(1),
            Action::PaletteUp => self.palette_move(-1),
            Action::PalettePageDown => self.palette_move(page),
            Action::PalettePageUp => self.palette_move(-page),
            Action::PaletteAccept => self.palette_accept(),
            Action::PaletteSpeaker => self.palette_speaker(),
            Action::PaletteClose => self.palette = None,
            // Nothing else reaches an open palette through its keymap; the
            // mouse waits until it closes.
            _ => {}
        }
        Some(Effect::None)
    }

    /// Opens the palette with an empty query: everything, in programme
    /// order. The candidates are cut into units on the first opening only.
    fn palette_open(&mut self) {
        let index = self
            .palette_index
            .get_or_insert_with(|| find::Palette::new(&self.p));
        self.palette = Some(Jump {
            entries: index.rank(""),
            ..Jump::default()
        });
    }

    /// Changes the query and ranks again; the best match is selected.
    fn palette_edit(&mut self, edit: impl FnOnce(&mut String)) {
        let (Some(jump), Some(index)) = (self.palette.as_mut(), self.palette_index.as_ref()) else {
            return;
        };
        edit(&mut jump.query);
        jump.entries = index.rank(&jump.query);
        jump.selected = 0;
        jump.scroll = 0;
    }

    /// Moves the selection by `delta` rows, stopping at the ends, and
    /// scrolls to keep it in the box.
    fn palette_move(&mut self, delta: isize) {
        let rows = self.palette_rows();
        let Some(jump) = self.palette.as_mut() else {
            return;
        };
        let last = jump.entries.len().saturating_sub(1);
        jump.selected = jump.selected.saturating_add_signed(delta).min(last);
        if jump.selected < jump.scroll {
            jump.scroll = jump.selected;
        } else if jump.selected >= jump.scroll + rows {
            jump.scroll = jump.selected + 1 - rows;
        }
        jump.scroll = jump.scroll.min(jump.entries.len().saturating_sub(rows));
    }

    /// Enter: a speaker's first turn on its segment's page, or a segment's
    /// page; the palette closes.
    fn palette_accept(&mut self) {
        let Some(entry) = self
            .palette
            .as_ref()
            .and_then(|j| j.selected_entry().copied())
        else {
            self.complain("nothing matches: Backspace to change the query, Esc to close");
            return;
        };
        match (entry.target, entry.first) {
            (Target::Segment(i), _) => self.open(Node::Segment(i)),
            (Target::Speaker(_), Some((i, j))) => self.open(Node::Speech(i, j)),
            (Target::Speaker(who), None) => {
                let name = self.p.speaker(who).name.clone();
                self.complain(format!("{name} has no turns in this programme"));
                return;
            }
        }
        self.palette = None;
    }

    /// Tab: the selected speaker's page; the palette closes.
    fn palette_speaker(&mut self) {
        match self
            .palette
            .as_ref()
            .and_then(|j| j.selected_entry().copied())
        {
            Some(Entry {
                target: Target::Speaker(who),
                turns,
                ..
            }) if turns > 0 => {
                self.palette = None;
                self.open_speaker(who, None);
            }
            Some(Entry {
                target: Target::Speaker(who),
                ..
            }) => {
                let name = self.p.speaker(who).name.clone();
                self.complain(format!("{name} has no turns in this programme"));
            }
            Some(_) => self.complain("Tab opens a speaker's page: Enter opens a segment"),
            None => self.complain("nothing matches: Backspace to change the query, Esc to close"),
        }
    }
}
