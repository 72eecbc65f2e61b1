//! The key bindings, as one table of data scoped by mode, with a reverse
//! lookup. The help overlay and the status-bar hints are generated from this
//! table, so they cannot drift from what the keys do.
//!
//! Keys are our own small type, not crossterm's: `app.rs` translates terminal
//! events, and state tests can drive the reader without a terminal.

use std::fmt;

use crate::action::Action;

/// Which bindings are active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Reading: tree or text focused.
    Normal,
    /// The help overlay is open.
    Help,
    /// Typing a search in the status line.
    Prompt,
    /// The jump palette is open: typing filters speakers and segments.
    Palette,
    /// Moving through the forum-wide search's results.
    Results,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

/// A key with the one modifier the reader binds (Ctrl). Shift is part of the
/// character (`G`, `N`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// What a binding does. Most bindings name one action; the digit keys carry
/// their number into the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Fixed(Action),
    /// `1`–`9`: the n-th segment.
    SegmentDigit,
}

impl Bound {
    fn action_for(self, key: Key) -> Option<Action> {
        match self {
            Bound::Fixed(a) => Some(a),
            Bound::SegmentDigit => match key.code {
                KeyCode::Char(c @ '1'..='9') => Some(Action::GotoSegment(c as u8 - b'0')),
                _ => None,
            },
        }
    }
}

/// Groups of the help overlay, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Move,
    Jump,
    Search,
    Screen,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Move, Group::Jump, Group::Search, Group::Screen];

    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move and read",
            Group::Jump => "Jump through the programme",
            Group::Search => "Search",
            Group::Screen => "Screen",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub bound: Bound,
    pub group: Group,
    /// What the help overlay says.
    pub help: &'static str,
    /// Short label for the status-bar hints; hints are shown in table order
    /// until the line is full.
    pub hint: Option<&'static str>,
}

use KeyCode as K;

const fn b(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    group: Group,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        mode,
        keys,
        bound: Bound::Fixed(action),
        group,
        help,
        hint,
    }
}

const N: Mode = Mode::Normal;

/// The keymap. Order matters twice: the first binding of a key in a mode
/// wins, and hints are offered in this order.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(N, &[Key::ch('?'), Key::plain(K::F(1))], Action::Help, Group::Screen, "open or close this help", Some("help")),
    b(N, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, Group::Screen, "quit", Some("quit")),
    b(N, &[Key::ch(']')], Action::NextSpeech, Group::Jump, "next turn: its speaker line to the top (on into the next segment)", Some("turn")),
    b(N, &[Key::ch('[')], Action::PrevSpeech, Group::Jump, "start of this turn, or the previous turn", None),
    b(N, &[Key::ch('}')], Action::NextSegment, Group::Jump, "next segment's page", Some("segment")),
    b(N, &[Key::ch('{')], Action::PrevSegment, Group::Jump, "top of this segment's page, or the previous one", None),
    b(N, &[Key::ch('r')], Action::NextRoundtable, Group::Jump, "next roundtable after the reading position (wraps around)", None),
    b(N, &[Key::ch('R')], Action::PrevRoundtable, Group::Jump, "previous roundtable (wraps around)", None),
    Binding {
        mode: N,
        keys: &[
            Key::ch('1'), Key::ch('2'), Key::ch('3'), Key::ch('4'), Key::ch('5'),
            Key::ch('6'), Key::ch('7'), Key::ch('8'), Key::ch('9'),
        ],
        bound: Bound::SegmentDigit,
        group: Group::Jump,
        help: "the n-th segment's page",
        hint: None,
    },
    b(N, &[Key::ch(':')], Action::GotoStart, Group::Jump, "go to: 12 (segment), 12.3 (its third turn), 40% (of this page)", Some("go to")),
    b(N, &[Key::ch('p'), Key::ctrl('p')], Action::PaletteOpen, Group::Jump, "jump palette: a speaker (name, post or pinyin) or a segment, as you type", None),
    b(N, &[Key::ch('S')], Action::SpeakerPage, Group::Jump, "the speaker's page: every turn of the current turn's speaker (Esc returns)", None),
    b(N, &[Key::ch('m')], Action::SetMark, Group::Jump, "m then a letter: set a mark here", None),
    b(N, &[Key::ch('\'')], Action::JumpMark, Group::Jump, "' then a letter: go to that mark; '' back to where the last jump came from", None),
    b(N, &[Key::ch('/')], Action::SearchStart, Group::Search, "search this page", Some("search")),
    b(N, &[Key::ch('f')], Action::FindStart, Group::Search, "search the whole forum: every turn, note, title and description", Some("find")),
    b(N, &[Key::ch('n')], Action::SearchNext, Group::Search, "next match (after f: the next hit in the whole forum)", None),
    b(N, &[Key::ch('N')], Action::SearchPrev, Group::Search, "previous match (after f: in the whole forum)", None),
    b(N, &[Key::plain(K::Esc)], Action::ClearSearch, Group::Search, "clear the search; on a speaker's page, go back", None),
    b(N, &[Key::ch(' ')], Action::ReadDown, Group::Move, "page down the text; at its end, the next segment", None),
    b(N, &[Key::ch('b')], Action::ReadUp, Group::Move, "page up the text; at its top, the previous segment", None),
    b(N, &[Key::plain(K::Tab)], Action::FocusNext, Group::Move, "focus the other pane", Some("pane")),
    b(N, &[Key::plain(K::BackTab)], Action::FocusPrev, Group::Move, "focus the other pane", None),
    b(N, &[Key::ch('j'), Key::plain(K::Down)], Action::Down, Group::Move, "down: select (tree) or scroll a line (text)", None),
    b(N, &[Key::ch('k'), Key::plain(K::Up)], Action::Up, Group::Move, "up: select (tree) or scroll a line (text)", None),
    b(N, &[Key::plain(K::Enter)], Action::Open, Group::Move, "open the selected turn, segment or heading", Some("open")),
    b(N, &[Key::ch('l'), Key::plain(K::Right)], Action::Expand, Group::Move, "expand a segment or heading (expanded: its first row)", None),
    b(N, &[Key::ch('h'), Key::plain(K::Left)], Action::Collapse, Group::Move, "collapse, or go to the parent", None),
    b(N, &[Key::ch('c')], Action::CollapseOthers, Group::Move, "collapse every segment but the one being read", None),
    b(N, &[Key::plain(K::PageDown), Key::ctrl('f')], Action::PageDown, Group::Move, "page down the focused pane", None),
    b(N, &[Key::plain(K::PageUp), Key::ctrl('b')], Action::PageUp, Group::Move, "page up the focused pane", None),
    b(N, &[Key::ctrl('d')], Action::HalfPageDown, Group::Move, "half a page down", None),
    b(N, &[Key::ctrl('u')], Action::HalfPageUp, Group::Move, "half a page up", None),
    b(N, &[Key::ch('g'), Key::plain(K::Home)], Action::Top, Group::Move, "top of the focused pane", None),
    b(N, &[Key::ch('G'), Key::plain(K::End)], Action::Bottom, Group::Move, "bottom of the focused pane", None),
    b(N, &[Key::ch('y')], Action::Copy, Group::Screen, "copy the current turn, with a citation, to the clipboard", None),
    b(N, &[Key::ch('t')], Action::ToggleScript, Group::Screen, "show the text in Simplified or Traditional characters (繁/简)", None),
    b(N, &[Key::ch('w')], Action::ToggleHang, Group::Screen, "hanging punctuation on/off: 。，、 may stand in the right margin", None),
    b(N, &[Key::ch('z')], Action::ToggleTree, Group::Screen, "hide or show the programme tree", Some("tree")),
    b(N, &[Key::ch('M')], Action::ToggleMouse, Group::Screen, "mouse capture on/off (off: select text natively)", None),
    b(N, &[Key::ctrl('l')], Action::Redraw, Group::Screen, "redraw the screen", None),
    b(N, &[Key::ctrl('z')], Action::Suspend, Group::Screen, "suspend to the shell (fg returns)", None),
    b(Mode::Help, &[Key::plain(K::Esc), Key::ch('?'), Key::ch('q'), Key::plain(K::F(1))], Action::CloseHelp, Group::Screen, "close the help", Some("close")),
    b(Mode::Help, &[Key::ch('j'), Key::plain(K::Down)], Action::Down, Group::Move, "scroll the help", None),
    b(Mode::Help, &[Key::ch('k'), Key::plain(K::Up)], Action::Up, Group::Move, "scroll the help", None),
    b(Mode::Help, &[Key::ch(' '), Key::plain(K::PageDown), Key::ctrl('f')], Action::PageDown, Group::Move, "page down the help", None),
    b(Mode::Help, &[Key::ch('b'), Key::plain(K::PageUp), Key::ctrl('b')], Action::PageUp, Group::Move, "page up the help", None),
    b(Mode::Help, &[Key::ctrl('c')], Action::Quit, Group::Screen, "quit", None),
    b(Mode::Results, &[Key::ch('j'), Key::plain(K::Down)], Action::Down, Group::Search, "next hit", None),
    b(Mode::Results, &[Key::ch('k'), Key::plain(K::Up)], Action::Up, Group::Search, "previous hit", None),
    b(Mode::Results, &[Key::ch(' '), Key::plain(K::PageDown), Key::ctrl('f')], Action::PageDown, Group::Search, "a page of hits down", None),
    b(Mode::Results, &[Key::ch('b'), Key::plain(K::PageUp), Key::ctrl('b')], Action::PageUp, Group::Search, "a page of hits up", None),
    b(Mode::Results, &[Key::ch('g'), Key::plain(K::Home)], Action::Top, Group::Search, "first hit", None),
    b(Mode::Results, &[Key::ch('G'), Key::plain(K::End)], Action::Bottom, Group::Search, "last hit", None),
    b(Mode::Results, &[Key::plain(K::Enter), Key::ch('l')], Action::Open, Group::Search, "open the hit's page, the match in view; then n N go through the forum", Some("open")),
    b(Mode::Results, &[Key::ch('f'), Key::ch('/')], Action::FindStart, Group::Search, "change the query", Some("edit")),
    b(Mode::Results, &[Key::plain(K::Esc)], Action::CloseResults, Group::Search, "close the results, back to where reading was", Some("close")),
    b(Mode::Results, &[Key::ch('?'), Key::plain(K::F(1))], Action::Help, Group::Screen, "help", None),
    b(Mode::Results, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, Group::Screen, "quit", None),
    b(Mode::Prompt, &[Key::plain(K::Enter)], Action::PromptAccept, Group::Search, "keep the search, or go to the place typed after :", Some("accept")),
    b(Mode::Prompt, &[Key::plain(K::Esc)], Action::PromptCancel, Group::Search, "leave the prompt, back to where reading was", Some("cancel")),
    b(Mode::Prompt, &[Key::plain(K::Backspace)], Action::PromptBackspace, Group::Search, "delete a character", None),
    b(Mode::Prompt, &[Key::ctrl('c')], Action::Quit, Group::Screen, "quit", None),
    b(Mode::Palette, &[Key::plain(K::Enter)], Action::PaletteAccept, Group::Jump, "jump: a speaker's first turn, or the segment's page", Some("jump")),
    b(Mode::Palette, &[Key::plain(K::Tab)], Action::PaletteSpeaker, Group::Jump, "the selected speaker's page", Some("speaker's page")),
    b(Mode::Palette, &[Key::plain(K::Esc)], Action::PaletteClose, Group::Jump, "close the palette, back to where reading was", Some("close")),
    b(Mode::Palette, &[Key::plain(K::Down), Key::ctrl('n')], Action::PaletteDown, Group::Move, "select the next row", None),
    b(Mode::Palette, &[Key::plain(K::Up), Key::ctrl('p')], Action::PaletteUp, Group::Move, "select the previous row", None),
    b(Mode::Palette, &[Key::plain(K::PageDown)], Action::PalettePageDown, Group::Move, "a page of rows down", None),
    b(Mode::Palette, &[Key::plain(K::PageUp)], Action::PalettePageUp, Group::Move, "a page of rows up", None),
    b(Mode::Palette, &[Key::plain(K::Backspace)], Action::PaletteBackspace, Group::Search, "delete a character (any other character is typed)", None),
    b(Mode::Palette, &[Key::ctrl('c')], Action::Quit, Group::Screen, "quit", None),
];

/// The bindings of one mode, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.mode == mode)
}

/// The action a key asks for in a mode. In the prompt and the palette, any
/// unbound plain character is typed into the query.
pub fn lookup(mode: Mode, key: Key) -> Option<Action> {
    let bound = bindings(mode)
        .find(|b| b.keys.contains(&key))
        .and_then(|b| b.bound.action_for(key));
    match (bound, mode, key) {
        (Some(a), _, _) => Some(a),
        (
            None,
            Mode::Prompt,
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::PromptChar(c)),
        (
            None,
            Mode::Palette,
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::PaletteChar(c)),
        _ => None,
    }
}

/// The keys bound to an action in a mode (reverse lookup), in table order.
pub fn keys_for(mode: Mode, action: Action) -> Vec<Key> {
    bindings(mode)
        .filter(|b| b.bound == Bound::Fixed(action))
        .flat_map(|b| b.keys.iter().copied())
        .collect()
}

/// Status-bar hints for a mode: (first key, label), in table order.
pub fn hints(mode: Mode) -> impl Iterator<Item = (Key, &'static str)> {
    bindings(mode).filter_map(|b| Some((*b.keys.first()?, b.hint?)))
}

mod notation;

pub use notation::{
    HelpLine, HelpRow, help_lines, help_rows, keys_label, markdown_table, parse_keys,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_key_resolves_to_its_action() {
        let cases = [
            (Key::ch('q'), Action::Quit),
            (Key::ctrl('c'), Action::Quit),
            (Key::plain(K::Tab), Action::FocusNext),
            (Key::plain(K::BackTab), Action::FocusPrev),
            (Key::ch('j'), Action::Down),
            (Key::plain(K::Up), Action::Up),
            (Key::plain(K::Enter), Action::Open),
            (Key::ch('l'), Action::Expand),
            (Key::plain(K::Right), Action::Expand),
            (Key::ch('c'), Action::CollapseOthers),
            (Key::ch(':'), Action::GotoStart),
            (Key::ch('z'), Action::ToggleTree),
            (Key::ch('y'), Action::Copy),
            (Key::ch('M'), Action::ToggleMouse),
            (Key::ch('h'), Action::Collapse),
            (Key::plain(K::Left), Action::Collapse),
            (Key::ch(' '), Action::ReadDown),
            (Key::plain(K::PageDown), Action::PageDown),
            (Key::ctrl('f'), Action::PageDown),
            (Key::ch('b'), Action::ReadUp),
            (Key::ctrl('b'), Action::PageUp),
            (Key::ctrl('d'), Action::HalfPageDown),
            (Key::ctrl('u'), Action::HalfPageUp),
            (Key::ch('g'), Action::Top),
            (Key::plain(K::End), Action::Bottom),
            (Key::ch(']'), Action::NextSpeech),
            (Key::ch('['), Action::PrevSpeech),
            (Key::ch('}'), Action::NextSegment),
            (Key::ch('{'), Action::PrevSegment),
            (Key::ch('r'), Action::NextRoundtable),
            (Key::ch('R'), Action::PrevRoundtable),
            (Key::ch('1'), Action::GotoSegment(1)),
            (Key::ch('9'), Action::GotoSegment(9)),
            (Key::ch('/'), Action::SearchStart),
            (Key::ch('n'), Action::SearchNext),
            (Key::ch('N'), Action::SearchPrev),
            (Key::ch('?'), Action::Help),
            (Key::plain(K::F(1)), Action::Help),
            (Key::ctrl('l'), Action::Redraw),
            (Key::ctrl('z'), Action::Suspend),
        ];
        for (key, action) in cases {
            assert_eq!(lookup(Mode::Normal, key), Some(action), "{key}");
        }
        assert_eq!(lookup(Mode::Normal, Key::ch('0')), None);
        assert_eq!(lookup(Mode::Normal, Key::ch('x')), None);
    }

    #[test]
    fn prompt_types_characters_that_normal_mode_binds() {
        assert_eq!(
            lookup(Mode::Prompt, Key::ch('q')),
            Some(Action::PromptChar('q'))
        );
        assert_eq!(
            lookup(Mode::Prompt, Key::ch('質')),
            Some(Action::PromptChar('質'))
        );
        assert_eq!(
            lookup(Mode::Prompt, Key::plain(K::Esc)),
            Some(Action::PromptCancel)
        );
        assert_eq!(lookup(Mode::Prompt, Key::ctrl('x')), None);
    }

    #[test]
    fn palette_types_characters_and_moves_with_ctrl_n_and_ctrl_p() {
        let cases = [
            (Key::ch('p'), Some(Action::PaletteChar('p'))),
            (Key::ch('q'), Some(Action::PaletteChar('q'))),
            (Key::ch('郝'), Some(Action::PaletteChar('郝'))),
            (Key::ch(' '), Some(Action::PaletteChar(' '))),
            (Key::ctrl('p'), Some(Action::PaletteUp)),
            (Key::ctrl('n'), Some(Action::PaletteDown)),
            (Key::plain(K::Up), Some(Action::PaletteUp)),
            (Key::plain(K::Down), Some(Action::PaletteDown)),
            (Key::plain(K::Enter), Some(Action::PaletteAccept)),
            (Key::plain(K::Tab), Some(Action::PaletteSpeaker)),
            (Key::plain(K::Esc), Some(Action::PaletteClose)),
            (Key::plain(K::Backspace), Some(Action::PaletteBackspace)),
            (Key::ctrl('c'), Some(Action::Quit)),
            (Key::ctrl('x'), None),
        ];
        for (key, action) in cases {
            assert_eq!(lookup(Mode::Palette, key), action, "{key}");
        }
        for key in [Key::ch('p'), Key::ctrl('p')] {
            assert_eq!(
                lookup(Mode::Normal, key),
                Some(Action::PaletteOpen),
                "{key}"
            );
        }
    }

    #[test]
    fn help_mode_closes_on_its_keys() {
        for k in [Key::plain(K::Esc), Key::ch('?'), Key::ch('q')] {
            assert_eq!(lookup(Mode::Help, k), Some(Action::CloseHelp));
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in [
            Mode::Normal,
            Mode::Help,
            Mode::Prompt,
            Mode::Palette,
            Mode::Results,
        ] {
            let mut seen = std::collections::HashSet::new();
            for k in bindings(mode).flat_map(|b| b.keys) {
                assert!(seen.insert(*k), "{k} bound twice in {mode:?}");
            }
        }
    }

    #[test]
    fn reverse_lookup_and_labels() {
        assert_eq!(
            keys_for(Mode::Normal, Action::Quit),
            vec![Key::ch('q'), Key::ctrl('c')]
        );
        assert_eq!(keys_label(&[Key::ch('q'), Key::ctrl('c')]), "q Ctrl-C");
        let digits = bindings(Mode::Normal)
            .find(|b| b.bound == Bound::SegmentDigit)
            .unwrap();
        assert_eq!(keys_label(digits.keys), "1-9");
        assert_eq!(
            keys_label(&[Key::ch(' '), Key::plain(K::PageDown)]),
            "Space PgDn"
        );
    }
}
