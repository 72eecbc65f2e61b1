//! All application state and `State::apply(Action)`. Never imports ratatui
//! or crossterm: the view reads this state, `app.rs` feeds it actions.

mod geometry;
mod nav;
mod reader;
mod search;
#[cfg(test)]
mod tests;
mod tree;

pub use geometry::{Area, Geometry, MIN_HEIGHT, MIN_WIDTH};

use geometry::{help_box, help_text_width};
pub use reader::{Anchor, Reader};
pub use search::{Hit, Search};
pub use tree::{Node, Tree};

use crate::action::Action;
use crate::doc::{Builder, Doc};
use crate::keymap::{self, HelpLine, Mode};
use crate::model::Proceedings;
use crate::text::AmbiguousWidth;

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Text,
}

/// What `app.rs` must do after an action, beyond redrawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Clear the terminal and repaint everything.
    Redraw,
    /// Restore the terminal, stop the process, repaint on return.
    Suspend,
    /// Turn mouse capture on or off.
    Mouse(bool),
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
    size: (u16, u16),
}

impl State {
    pub fn new(p: Proceedings, amb: AmbiguousWidth) -> State {
        let tree = Tree::new(&p);
        let doc = Builder::new(&p).forum();
        State {
            reader: Reader::new(Node::Forum, doc, amb),
            p,
            amb,
            focus: Focus::Tree,
            tree,
            search: Search::default(),
            help: None,
            mouse: true,
            message: None,
            size: (0, 0),
        }
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
        Geometry::new(self.size.0, self.size.1)
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
        } else if self.search.typing {
            Mode::Prompt
        } else {
            Mode::Normal
        }
    }

    fn doc_for(&self, node: Node) -> Doc {
        let b = self.builder();
        match node {
            Node::Forum => b.forum(),
            Node::Segment(i) => b.segment(i),
            Node::Speech(i, j) => b.speech(i, j),
        }
    }

    fn tree_height(&self) -> usize {
        self.geometry().map_or(1, |g| usize::from(g.tree.height))
    }

    fn text_height(&self) -> usize {
        self.geometry().map_or(1, |g| usize::from(g.text.height))
    }

    fn sync_tree(&mut self) {
        let rows = self.tree.rows(&self.p);
        let h = self.tree_height();
        self.tree.scroll_to_selection(&rows, h);
    }

    /// Shows a node in the text pane and selects it in the tree.
    pub fn open(&mut self, node: Node) {
        if node != self.reader.node {
            let doc = self.doc_for(node);
            self.reader.open(node, doc);
            self.search.run(&self.reader.doc);
            self.search.origin = None;
        }
        self.tree.reveal(node);
        self.sync_tree();
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

    /// Gives an action its effect.
    pub fn apply(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if self.help.is_some() {
            return self.apply_help(action);
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Redraw => return Effect::Redraw,
            Action::Suspend => return Effect::Suspend,
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                let state = if self.mouse {
                    "on"
                } else {
                    "off: select text with the mouse"
                };
                self.say(format!("mouse capture {state}"));
                return Effect::Mouse(self.mouse);
            }
            Action::Help => self.help = Some(0),
            Action::CloseHelp => {}
            Action::Resize(w, h) => self.resize(w, h),
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::Tree => Focus::Text,
                    Focus::Text => Focus::Tree,
                }
            }
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.page(1, 1),
            Action::PageUp => self.page(-1, 1),
            Action::HalfPageDown => self.page(1, 2),
            Action::HalfPageUp => self.page(-1, 2),
            Action::Top => self.ends(false),
            Action::Bottom => self.ends(true),
            Action::Open => self.open_selected(),
            Action::Collapse => self.collapse(),
            Action::NextSpeech => self.next_speech(),
            Action::PrevSpeech => self.prev_speech(),
            Action::NextSegment => self.next_segment(),
            Action::PrevSegment => self.prev_segment(),
            Action::NextRoundtable => self.roundtable(true),
            Action::PrevRoundtable => self.roundtable(false),
            Action::GotoSegment(n) => self.goto_segment(usize::from(n)),
            Action::SearchStart => self.search_start(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::ClearSearch => self.search = Search::default(),
            Action::PromptChar(c) => {
                self.search.query.push(c);
                self.search_update();
            }
            Action::PromptBackspace => {
                self.search.query.pop();
                self.search_update();
            }
            Action::PromptAccept => self.search_accept(),
            Action::PromptCancel => self.search_cancel(),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, d) => self.wheel(x, y, d),
        }
        Effect::None
    }

    fn apply_help(&mut self, action: Action) -> Effect {
        let view = self.help_view();
        let height = usize::from(view.area.height.saturating_sub(2)).max(1);
        let max = view.lines.len().saturating_sub(height);
        let off = self.help.unwrap_or(0);
        self.help = match action {
            Action::Quit => return Effect::Quit,
            Action::Resize(w, h) => {
                self.resize(w, h);
                Some(off)
            }
            Action::CloseHelp | Action::Help => None,
            Action::Down => Some(off + 1),
            Action::Up => Some(off.saturating_sub(1)),
            Action::PageDown => Some(off + height / 2),
            Action::PageUp => Some(off.saturating_sub(height / 2)),
            _ => Some(off),
        }
        .map(|o| o.min(max));
        Effect::None
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(g) = self.geometry() {
            self.reader
                .resize(usize::from(g.text.width), usize::from(g.text.height));
        }
        self.sync_tree();
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => self.move_selection(delta),
            Focus::Text => self.reader.scroll_by(delta),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = self.tree.rows(&self.p);
        let at = rows
            .iter()
            .position(|n| *n == self.tree.selected)
            .unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(rows.len() - 1);
        self.tree.selected = rows[to];
        self.sync_tree();
    }

    fn page(&mut self, dir: isize, divisor: usize) {
        match self.focus {
            Focus::Tree => {
                let n = (self.tree_height() / divisor).max(1);
                self.move_selection(dir * n as isize);
            }
            Focus::Text => {
                // A full page keeps two lines of context, as less does not
                // but most readers expect.
                let h = self.text_height();
                let n = if divisor == 1 {
                    h.saturating_sub(2)
                } else {
                    h / divisor
                };
                self.reader.scroll_by(dir * n.max(1) as isize);
            }
        }
    }

    fn ends(&mut self, bottom: bool) {
        match self.focus {
            Focus::Tree => {
                let rows = self.tree.rows(&self.p);
                self.tree.selected = if bottom {
                    rows[rows.len() - 1]
                } else {
                    Node::Forum
                };
                self.sync_tree();
            }
            Focus::Text => self.reader.scroll_to(if bottom { usize::MAX } else { 0 }),
        }
    }

    fn open_selected(&mut self) {
        let node = self.tree.selected;
        if let Node::Segment(i) = node
            && self.reader.node == node
        {
            // Enter on the open segment toggles it, like a folder.
            let open = !self.tree.is_expanded(i);
            self.tree.set_expanded(i, open);
            self.sync_tree();
            return;
        }
        if let Node::Segment(i) = node {
            self.tree.set_expanded(i, true);
        }
        self.open(node);
    }

    fn collapse(&mut self) {
        match self.tree.selected {
            Node::Speech(i, _) => self.tree.selected = Node::Segment(i),
            Node::Segment(i) if self.tree.is_expanded(i) => self.tree.set_expanded(i, false),
            Node::Segment(_) | Node::Forum => self.tree.selected = Node::Forum,
        }
        self.sync_tree();
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(g) = self.geometry() else { return };
        if g.tree.contains(x, y) {
            let rows = self.tree.rows(&self.p);
            if let Some(node) = rows
                .get(self.tree.offset + usize::from(y - g.tree.y))
                .copied()
            {
                self.focus = Focus::Tree;
                self.tree.selected = node;
                self.open_selected();
            }
        } else if g.text.contains(x, y) || g.text_header.contains(x, y) {
            self.focus = Focus::Text;
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let Some(g) = self.geometry() else { return };
        if g.tree.contains(x, y) {
            self.move_selection(isize::from(delta));
        } else if x > g.separator.x {
            self.reader.scroll_by(isize::from(delta));
        }
    }
}
