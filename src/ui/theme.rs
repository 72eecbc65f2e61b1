//! The one theme: every style the views use, and the chrome's symbols.
//! Views take styles from here and never name a colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::doc::Role;
use crate::text::AmbiguousWidth;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title_bar: Style,
    pub pane_header: Style,
    pub pane_header_focused: Style,
    pub separator: Style,
    pub tree_forum: Style,
    pub tree_heading: Style,
    pub tree_segment: Style,
    pub tree_speech: Style,
    pub tree_post: Style,
    pub tree_reading: Style,
    pub selected_focused: Style,
    pub selected_unfocused: Style,
    pub title: Style,
    pub subtitle: Style,
    pub heading: Style,
    pub meta: Style,
    pub body: Style,
    pub entry: Style,
    pub speaker: Style,
    pub note: Style,
    pub hit: Style,
    pub hit_current: Style,
    pub scrollbar_thumb: Style,
    pub scrollbar_track: Style,
    pub status: Style,
    pub status_key: Style,
    pub status_info: Style,
    pub status_error: Style,
    pub help: Style,
    pub help_heading: Style,
    pub help_key: Style,
    pub too_small: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const ACCENT: Color = Color::Rgb(0xd7, 0x87, 0x00);
const INK: Color = Color::Rgb(0x1c, 0x1c, 0x1c);
const PAPER: Color = Color::Rgb(0xee, 0xe8, 0xd5);
const BLUE: Color = Color::Rgb(0x26, 0x8b, 0xd2);
const DIM: Color = Color::Rgb(0x93, 0xa1, 0xa1);
const HIT: Color = Color::Rgb(0xe5, 0xc0, 0x7b);
const RED: Color = Color::Rgb(0xdc, 0x32, 0x2f);

/// The colour theme. With `NO_COLOR`, [`Theme::without_colour`] keeps only
/// its modifiers, which alone tell focus, selection and matches apart.
pub const THEME: Theme = Theme {
    title_bar: Style::new().fg(PAPER).bg(BLUE).add_modifier(Modifier::BOLD),
    pane_header: fg(DIM).add_modifier(Modifier::BOLD),
    pane_header_focused: Style::new().fg(INK).bg(PAPER).add_modifier(Modifier::BOLD),
    separator: fg(DIM),
    tree_forum: Style::new().add_modifier(Modifier::BOLD),
    tree_heading: fg(ACCENT).add_modifier(Modifier::BOLD),
    tree_segment: fg(BLUE).add_modifier(Modifier::BOLD),
    tree_speech: Style::new(),
    tree_post: fg(DIM),
    tree_reading: Style::new().add_modifier(Modifier::BOLD),
    selected_focused: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    title: fg(ACCENT).add_modifier(Modifier::BOLD),
    subtitle: fg(BLUE),
    heading: fg(BLUE).add_modifier(Modifier::BOLD),
    meta: fg(DIM),
    body: Style::new(),
    entry: Style::new().add_modifier(Modifier::BOLD),
    speaker: fg(ACCENT).add_modifier(Modifier::BOLD),
    note: fg(DIM).add_modifier(Modifier::ITALIC),
    hit: Style::new()
        .fg(INK)
        .bg(HIT)
        .add_modifier(Modifier::UNDERLINED),
    hit_current: Style::new()
        .fg(INK)
        .bg(ACCENT)
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    scrollbar_thumb: fg(ACCENT),
    scrollbar_track: fg(DIM),
    status: Style::new().fg(PAPER).bg(INK),
    status_key: Style::new().fg(ACCENT).bg(INK).add_modifier(Modifier::BOLD),
    status_info: Style::new().fg(PAPER).bg(INK).add_modifier(Modifier::BOLD),
    status_error: Style::new().fg(RED).bg(INK).add_modifier(Modifier::BOLD),
    help: Style::new(),
    help_heading: fg(BLUE).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    help_key: fg(ACCENT).add_modifier(Modifier::BOLD),
    too_small: Style::new().add_modifier(Modifier::BOLD),
};

fn strip(s: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..s
    }
}

impl Theme {
    /// The same theme with no colour at all (`NO_COLOR`).
    pub fn without_colour(self) -> Theme {
        Theme {
            title_bar: strip(self.title_bar).add_modifier(Modifier::REVERSED),
            pane_header: strip(self.pane_header),
            pane_header_focused: strip(self.pane_header_focused).add_modifier(Modifier::REVERSED),
            separator: strip(self.separator),
            tree_forum: strip(self.tree_forum),
            tree_heading: strip(self.tree_heading),
            tree_segment: strip(self.tree_segment),
            tree_speech: strip(self.tree_speech),
            tree_post: strip(self.tree_post),
            tree_reading: strip(self.tree_reading),
            selected_focused: strip(self.selected_focused),
            selected_unfocused: strip(self.selected_unfocused),
            title: strip(self.title),
            subtitle: strip(self.subtitle),
            heading: strip(self.heading),
            meta: strip(self.meta),
            body: strip(self.body),
            entry: strip(self.entry),
            speaker: strip(self.speaker),
            note: strip(self.note).add_modifier(Modifier::DIM),
            hit: strip(self.hit),
            hit_current: strip(self.hit_current).add_modifier(Modifier::REVERSED),
            scrollbar_thumb: strip(self.scrollbar_thumb),
            scrollbar_track: strip(self.scrollbar_track),
            status: strip(self.status).add_modifier(Modifier::REVERSED),
            status_key: strip(self.status_key).add_modifier(Modifier::REVERSED),
            status_info: strip(self.status_info).add_modifier(Modifier::REVERSED),
            status_error: strip(self.status_error).add_modifier(Modifier::REVERSED),
            help: strip(self.help),
            help_heading: strip(self.help_heading),
            help_key: strip(self.help_key),
            too_small: strip(self.too_small),
        }
    }

    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Title => self.title,
            Role::Subtitle => self.subtitle,
            Role::Heading => self.heading,
            Role::Meta => self.meta,
            Role::Body | Role::Blank => self.body,
            Role::Entry => self.entry,
            Role::Speaker => self.speaker,
            Role::Note => self.note,
        }
    }
}

/// The chrome's characters. None is East Asian Ambiguous, so the chrome
/// lines up whatever width a terminal gives those; in wide mode everything,
/// borders included, is ASCII.
#[derive(Debug, Clone, Copy)]
pub struct Symbols {
    pub expanded: &'static str,
    pub collapsed: &'static str,
    pub reading: &'static str,
    pub ellipsis: &'static str,
    pub thumb: &'static str,
    pub track: &'static str,
    pub separator: &'static str,
    pub title_sep: &'static str,
    pub crumb_sep: &'static str,
    pub border: border::Set<'static>,
    /// The done and to-do parts of the loading bar.
    pub bar_full: &'static str,
    pub bar_empty: &'static str,
}

const NARROW: Symbols = Symbols {
    expanded: "▾",
    collapsed: "▸",
    reading: "»",
    ellipsis: "⋯",
    thumb: "▐",
    track: "╎",
    separator: "│",
    title_sep: " ｜ ",
    crumb_sep: " › ",
    border: border::ROUNDED,
    bar_full: "█",
    bar_empty: "░",
};

const ASCII: Symbols = Symbols {
    expanded: "v",
    collapsed: ">",
    reading: "*",
    ellipsis: "...",
    thumb: "#",
    track: "|",
    separator: "|",
    title_sep: " | ",
    crumb_sep: " > ",
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    bar_full: "#",
    bar_empty: "-",
};

impl Symbols {
    pub fn for_width(amb: AmbiguousWidth) -> &'static Symbols {
        match amb {
            AmbiguousWidth::Narrow => &NARROW,
            AmbiguousWidth::Wide => &ASCII,
        }
    }
}
