//! All application state and `State::apply(Action)`. Never imports ratatui
//! or crossterm: the view reads this state, `app/` feeds it actions.

mod apply;
mod copy;
mod find;
mod geometry;
mod goto;
mod marks;
mod moves;
mod nav;
mod palette;
mod reader;
mod saved;
mod script;
mod search;
#[cfg(test)]
mod tests;
mod tree;

pub use geometry::{Area, Geometry, MIN_HEIGHT, MIN_WIDTH};
pub use nav::count_of;

pub use find::{FindView, ForumNav};
use geometry::{help_box, help_text_width};
pub use marks::{Marks, Pending, Place};
pub use palette::Jump;
pub use reader::{Anchor, Page, Pos, Reader};
pub use script::Scripts;
pub use search::{Hit, Search};
pub use tree::{Heading, Node, Outline, Tree};

use crate::doc::{Builder, Doc};
use crate::keymap::{self, HelpLine, Mode};
use crate::model::Proceedings;
use crate::text::AmbiguousWidth;
use crate::text::layout::LayoutOptions;

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Text,
}

/// What `app.rs` must do after an action, beyond redrawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Clear the terminal and repaint everything.
    Redraw,
    /// Restore the terminal, stop the process, repaint on return.
    Suspend,
    /// Turn mouse capture on or off.
    Mouse(bool),
    /// Put this text on the system clipboard (OSC 52).
    Copy(String),
}

/// The help overlay as drawn: its box, the width of its keys column and
/// its lines (descriptions wrapped to the box).
#[derive(Debug, Clone)]
pub struct HelpView {
    pub area: Area,
    pub keys_width: usize,
    pub lines: Vec<HelpLine>,
}

/// A one-line remark for the status line, shown until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

#[derive(Debug)]
pub struct State {
    p: Proceedings,
    pub amb: AmbiguousWidth,
    pub focus: Focus,
    pub tree: Tree,
    pub reader: Reader,
    pub search: Search,
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    pub mouse: bool,
    pub message: Option<Message>,
    /// The `:` prompt's text while it is open.
    pub goto: Option<String>,
    /// Whether the programme tree is shown (`z` hides it).
    pub show_tree: bool,
    /// The widest text column (`--width`), a reading measure.
    pub measure: Option<usize>,
    /// The turn a jump went to when the page could not scroll far enough to
    /// put it on top (near the end of a page): it is the current turn until
    /// the view moves.
    turn_hint: Option<usize>,
    /// After `m` or `'`: the next key names a mark.
    pub pending: Option<Pending>,
    pub marks: Marks,
    /// Where the last jump came from (`''` returns there).
    pub last_jump: Option<Place>,
    /// Where a speaker's page was opened from (Esc returns there).
    speaker_origin: Option<Place>,
    /// The jump palette, while it is open.
    pub palette: Option<Jump>,
    /// The palette's candidates, built on its first opening.
    palette_index: Option<crate::find::Palette>,
    /// A restored position waiting for the first layout (the turn on top
    /// depends on the size).
    resume_at: Option<Place>,
    /// The forum-wide search's results, while they are shown.
    pub find: Option<FindView>,
    /// After a forum-wide hit was opened: `n` `N` go through the forum.
    pub forum_nav: Option<ForumNav>,
    /// 繁/简: which script is shown, and the other copy.
    pub scripts: Scripts,
    size: (u16, u16),
}

impl State {
    pub fn new(p: Proceedings, amb: AmbiguousWidth) -> State {
        let tree = Tree::new(&p);
        let doc = Builder::new(&p).forum();
        let scripts = Scripts::of(&p);
        State {
            reader: Reader::new(
                Page::Forum,
                doc,
                LayoutOptions::from(amb).language(p.forum.language.as_deref()),
            ),
            p,
            amb,
            focus: Focus::Tree,
            tree,
            search: Search::default(),
            help: None,
            mouse: true,
            message: None,
            goto: None,
            show_tree: true,
            measure: None,
            turn_hint: None,
            pending: None,
            marks: Marks::new(),
            last_jump: None,
            speaker_origin: None,
            palette: None,
            palette_index: None,
            resume_at: None,
            find: None,
            forum_nav: None,
            scripts,
            size: (0, 0),
        }
    }

    /// Hanging punctuation on or off (`--hang-punctuation`).
    pub fn with_hang(mut self, hang: bool) -> State {
        if hang != self.reader.options().hang {
            self.toggle_hang();
        }
        self
    }

    /// `w`: full-width punctuation may hang in a 2-cell gutter right of the
    /// text column, which is kept free for it.
    fn toggle_hang(&mut self) {
        let opts = self.reader.options();
        let hang = !opts.hang;
        self.reader.set_options(opts.hang(hang));
        let (w, h) = self.size;
        self.resize(w, h);
        self.say(if hang {
            "hanging punctuation on: 。，、 may stand in the right margin"
        } else {
            "hanging punctuation off"
        });
    }

    /// Caps the text column at `cells` (a reading measure).
    pub fn with_measure(mut self, cells: Option<usize>) -> State {
        self.measure = cells;
        self
    }

    pub fn proceedings(&self) -> &Proceedings {
        &self.p
    }

    pub fn builder(&self) -> Builder<'_> {
        Builder::new(&self.p)
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::new(self.size.0, self.size.1, self.show_tree, self.measure)
    }

    /// The help overlay for the current screen size.
    pub fn help_view(&self) -> HelpView {
        let (w, h) = self.size;
        let width = help_box(w, h, 0).width;
        let (keys_width, lines) = keymap::help_lines(help_text_width(width), self.amb);
        HelpView {
            area: help_box(w, h, lines.len()),
            keys_width,
            lines,
        }
    }

    /// Which keymap scope is active.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else if self.palette.is_some() {
            Mode::Palette
        } else if let Some(f) = &self.find {
            if f.typing {
                Mode::Prompt
            } else {
                Mode::Results
            }
        } else if self.search.typing || self.goto.is_some() || self.pending.is_some() {
            Mode::Prompt
        } else {
            Mode::Normal
        }
    }

    fn doc_for(&self, page: Page) -> Doc {
        let b = self.builder();
        match page {
            Page::Forum => b.forum(),
            Page::Segment(i) => b.segment_page(i),
            Page::Speaker(who) => b.speaker_page(who),
        }
    }

    fn tree_height(&self) -> usize {
        self.geometry().map_or(1, |g| usize::from(g.tree.height))
    }

    fn text_height(&self) -> usize {
        self.geometry().map_or(1, |g| usize::from(g.text.height))
    }

    /// The turn being read, as its index on the page: the jump's target
    /// while the view has not moved since, else the turn on the top line.
    pub fn current_turn(&self) -> Option<usize> {
        self.turn_hint
            .or_else(|| self.reader.doc.turn_of(self.reader.top_piece()))
    }

    /// The tree node being read: the forum, a segment (its header on top),
    /// or the current turn.
    pub fn reading(&self) -> Node {
        let turns = &self.reader.doc.turns;
        match self.reader.page {
            Page::Forum => Node::Forum,
            Page::Segment(i) => match self.current_turn() {
                Some(k) => {
                    let (seg, j) = turns[k].at;
                    Node::Speech(seg, j)
                }
                None => Node::Segment(i),
            },
            // Above its first turn, a speaker's page is about that turn.
            Page::Speaker(_) => match self.current_turn().or((!turns.is_empty()).then_some(0)) {
                Some(k) => Node::Speech(turns[k].at.0, turns[k].at.1),
                None => Node::Forum,
            },
        }
    }

    /// The segment reading is in: the page's, or on a speaker's page the
    /// current turn's.
    pub(crate) fn here_segment(&self) -> Option<usize> {
        match self.reader.page {
            Page::Forum => None,
            Page::Segment(i) => Some(i),
            Page::Speaker(_) => self.reading().segment(),
        }
    }

    /// Shows a page with `at` on top (`None`: where it was left, or its
    /// top), and the tree follows.
    fn show_page(&mut self, page: Page, at: Option<Anchor>) {
        if page != self.reader.page {
            if !self.reader.reopen(page, at) {
                let doc = self.doc_for(page);
                self.reader.open(page, doc, at);
            }
            self.search.run(&self.reader.doc);
            self.search.origin = None;
        } else if let Some(a) = at {
            self.reader.go_to(a);
        }
        self.turn_hint = None;
    }

    /// Opens a node: the forum overview, a segment's page at its top, or a
    /// turn's speaker line on top of its segment's page.
    pub fn open(&mut self, node: Node) {
        match node {
            Node::Forum => self.show_page(Page::Forum, None),
            Node::Heading(h) => {
                let first = self.tree.outline.headings[h].first;
                self.show_page(Page::Segment(first), Some(Anchor::default()));
            }
            Node::Segment(i) => self.show_page(Page::Segment(i), Some(Anchor::default())),
            Node::Speech(i, j) => self.open_turn(i, j),
        }
    }

    /// Segment `i`'s page with turn `j`'s speaker line on top, as far as
    /// the page scrolls.
    fn open_turn(&mut self, i: usize, j: usize) {
        self.show_page(Page::Segment(i), None);
        if let Some(k) = self.reader.doc.turns.iter().position(|t| t.at == (i, j)) {
            self.show_turn(k);
        }
    }

    /// Turn `k` of the page on top (its speaker line), as far as the page
    /// scrolls; when it cannot be put on top, it is still the current one.
    pub(super) fn show_turn(&mut self, k: usize) {
        let piece = self.reader.doc.turns[k].piece;
        self.reader.go_to(Anchor::piece(piece));
        self.turn_hint = (self.reader.top_piece() != piece).then_some(k);
    }

    /// After every action: the tree's reading mark, the segment it opens by
    /// itself and the selection follow the reading position.
    fn follow_reading(&mut self, before: Node) {
        let now = self.reading();
        self.tree.follow(now.segment());
        if now != before {
            self.tree.selected = now;
        }
        let rows = self.tree.rows(&self.p);
        if !rows.contains(&self.tree.selected) {
            // A collapsed segment or heading hides the selection: select the
            // nearest visible node above it.
            let mut n = self.tree.selected;
            while !rows.contains(&n) && n != Node::Forum {
                n = self.tree.parent(n);
            }
            self.tree.selected = n;
        }
        let h = self.tree_height();
        self.tree.scroll_to_selection(&rows, h);
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Presses keys (in `keymap::parse_keys` notation) through the keymap,
    /// returning each action's effect. For tests and scripted screens.
    pub fn press(&mut self, keys: &str) -> Vec<Effect> {
        let keys = keymap::parse_keys(keys).unwrap_or_else(|e| panic!("{e}"));
        let mut effects = Vec::new();
        for k in keys {
            if let Some(a) = keymap::lookup(self.mode(), k) {
                effects.push(self.apply(a));
            }
        }
        effects
    }
}
