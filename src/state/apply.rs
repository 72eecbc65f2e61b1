//! Giving actions their effect: `State::apply` and the dispatch by mode
//! (reading, the forum-wide results, the help). After every action the
//! tree follows the reading position and jumps are remembered for `''`.

use super::{Effect, Focus, Pending, State, marks};
use crate::action::Action;

impl State {
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

    pub(super) fn resize(&mut self, w: u16, h: u16) {
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
