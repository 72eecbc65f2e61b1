//! All application state and `State::apply(Action)`. Never imports ratatui
//! or crossterm: the view reads this state, `app.rs` feeds it actions.

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

use crate::action::Action;
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
            let doc = self.doc_for(page);
            self.reader.open(page, doc, at);
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

    /// Gives an action its effect.
    pub fn apply(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if self.help.is_some() {
            return self.apply_help(action);
        }
        let before = self.reading();
        let place = self.place();
        let effect = self.dispatch(action);
        if marks::is_jump(action) && self.place() != place {
            self.last_jump = Some(place);
        }
        self.follow_reading(before);
        effect
    }

    fn dispatch(&mut self, action: Action) -> Effect {
        if action == Action::Work {
            self.work();
            return Effect::None;
        }
        if let Some(effect) = self.palette_action(action) {
            return effect;
        }
        if self.find.is_some() {
            return self.dispatch_find(action);
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
            Action::Copy => return self.copy_turn(),
            Action::ToggleScript => self.toggle_script(),
            Action::ToggleHang => self.toggle_hang(),
            Action::Help => self.help = Some(0),
            Action::CloseHelp => {}
            Action::Resize(w, h) => self.resize(w, h),
            Action::ToggleTree => {
                self.show_tree = !self.show_tree;
                if !self.show_tree {
                    self.focus = Focus::Text;
                }
                let (w, h) = self.size;
                self.resize(w, h);
            }
            Action::FocusNext | Action::FocusPrev if self.show_tree => {
                self.focus = match self.focus {
                    Focus::Tree => Focus::Text,
                    Focus::Text => Focus::Tree,
                }
            }
            Action::FocusNext | Action::FocusPrev => {}
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::ReadDown => self.read_on(true),
            Action::ReadUp => self.read_on(false),
            Action::PageDown if self.focus == Focus::Text => self.read_on(true),
            Action::PageUp if self.focus == Focus::Text => self.read_on(false),
            Action::PageDown => self.page(1, 1),
            Action::PageUp => self.page(-1, 1),
            Action::HalfPageDown => self.page(1, 2),
            Action::HalfPageUp => self.page(-1, 2),
            Action::Top => self.ends(false),
            Action::Bottom => self.ends(true),
            Action::Open => self.open_selected(),
            Action::Expand => self.expand_selected(),
            Action::Collapse => self.collapse(),
            Action::CollapseOthers => {
                let keep = self.reading().segment();
                self.tree.collapse_others(keep);
            }
            Action::NextSpeech => self.next_turn(),
            Action::PrevSpeech => self.prev_turn(),
            Action::NextSegment => self.next_segment(),
            Action::PrevSegment => self.prev_segment(),
            Action::NextRoundtable => self.roundtable(true),
            Action::PrevRoundtable => self.roundtable(false),
            Action::GotoSegment(n) => self.goto_segment(usize::from(n)),
            Action::GotoStart => self.goto = Some(String::new()),
            Action::SearchStart => self.search_start(),
            Action::FindStart => self.find_start(),
            Action::CloseResults | Action::Work => {}
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::ClearSearch => self.escape(),
            Action::SetMark => self.pending = Some(Pending::SetMark),
            Action::JumpMark => self.pending = Some(Pending::JumpMark),
            Action::SpeakerPage => self.open_speaker_page(),
            Action::PromptChar(c) if self.pending.is_some() => {
                let pending = self.pending.take().expect("checked");
                self.pending_key(pending, c);
            }
            Action::PromptCancel | Action::PromptAccept | Action::PromptBackspace
                if self.pending.is_some() =>
            {
                self.pending = None;
            }
            Action::PromptChar(c) => match &mut self.goto {
                Some(g) => g.push(c),
                None => {
                    self.search.query.push(c);
                    self.search_update();
                }
            },
            Action::PromptBackspace => match &mut self.goto {
                Some(g) => {
                    if g.pop().is_none() {
                        self.goto = None;
                    }
                }
                None => {
                    self.search.query.pop();
                    self.search_update();
                }
            },
            Action::PromptAccept if self.goto.is_some() => self.goto_accept(),
            Action::PromptCancel if self.goto.is_some() => self.goto = None,
            Action::PromptAccept => self.search_accept(),
            Action::PromptCancel => self.search_cancel(),
            // The palette's own actions, all handled above.
            Action::PaletteOpen
            | Action::PaletteChar(_)
            | Action::PaletteBackspace
            | Action::PaletteUp
            | Action::PaletteDown
            | Action::PalettePageUp
            | Action::PalettePageDown
            | Action::PaletteAccept
            | Action::PaletteSpeaker
            | Action::PaletteClose => {}
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, d) => self.wheel(x, y, d),
        }
        Effect::None
    }

    /// Actions while the forum-wide search is open: typing its query, or
    /// moving through its results.
    fn dispatch_find(&mut self, action: Action) -> Effect {
        let page = self.text_height().saturating_sub(2).max(1) as isize;
        match action {
            Action::Quit => return Effect::Quit,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Redraw => return Effect::Redraw,
            Action::Suspend => return Effect::Suspend,
            Action::PromptChar(c) => self.find_edit(|q| q.push(c)),
            Action::PromptBackspace => self.find_edit(|q| {
                q.pop();
            }),
            Action::PromptAccept => self.find_accept(),
            Action::PromptCancel | Action::CloseResults => self.find_close(),
            Action::FindStart => self.find_start(),
            Action::Down => self.find_move(1),
            Action::Up => self.find_move(-1),
            Action::PageDown | Action::ReadDown => self.find_move(page),
            Action::PageUp | Action::ReadUp => self.find_move(-page),
            Action::Top => self.find_ends(false),
            Action::Bottom => self.find_ends(true),
            Action::Open => self.find_open(),
            Action::Help => self.help = Some(0),
            _ => {}
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
            // Hung punctuation takes two cells beyond the measure.
            let gutter = if self.reader.options().hang { 2 } else { 0 };
            let width = usize::from(g.text.width).saturating_sub(gutter).max(1);
            self.reader.resize(width, usize::from(g.text.height));
            if let Some(place) = self.resume_at.take() {
                self.go_to_place(place);
            }
        }
    }
}
