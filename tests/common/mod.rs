//! Shared by the screen tests: the default proceedings in a state of a
//! given size after some keys, drawn by the real renderer.

#![allow(dead_code, unreachable_pub)]

use forum_tui::model;
use forum_tui::state::State;
use forum_tui::text::AmbiguousWidth;
use forum_tui::ui::{self, Look};
use forum_tui::{DEFAULT_NAME, DEFAULT_PROCEEDINGS};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub fn state(width: u16, height: u16, keys: &str, amb: AmbiguousWidth) -> State {
    let loaded = model::load_bytes(DEFAULT_NAME, DEFAULT_PROCEEDINGS.as_bytes())
        .expect("default file loads");
    let mut s = State::new(loaded.proceedings, amb);
    s.apply(forum_tui::action::Action::Resize(width, height));
    s.press(keys);
    s
}

pub fn draw(s: &State, look: &Look) -> Buffer {
    let (w, h) = s.size();
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| ui::render(f, s, look)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen after `keys`, in colour, narrow ambiguous width.
pub fn screen(width: u16, height: u16, keys: &str) -> Buffer {
    let s = state(width, height, keys, AmbiguousWidth::Narrow);
    draw(&s, &Look::new(true, AmbiguousWidth::Narrow))
}

/// A buffer's text, one line per row, trailing blanks trimmed; the second
/// cell of a wide character is skipped so CJK reads naturally.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Like [`text`], with search matches drawn as «…» and the current match
/// as ‹…›, so a snapshot shows the highlighting too.
pub fn text_with_hits(buf: &Buffer) -> String {
    let theme = forum_tui::ui::THEME;
    let kind = |x: u16, y: u16| {
        let bg = buf[(x, y)].bg;
        if Some(bg) == theme.hit_current.bg {
            2
        } else if Some(bg) == theme.hit.bg {
            1
        } else {
            0
        }
    };
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        let mut open = 0;
        while x < buf.area.width {
            let k = kind(x, y);
            if k != open {
                line.push_str(match open {
                    1 => "»",
                    2 => "›",
                    _ => "",
                });
                line.push_str(match k {
                    1 => "«",
                    2 => "‹",
                    _ => "",
                });
                open = k;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        line.push_str(match open {
            1 => "»",
            2 => "›",
            _ => "",
        });
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The scenes of the snapshot tests and the screenshots: name and keys.
pub const SCENES: &[(&str, &str)] = &[
    ("landing", ""),
    ("roundtable-speech", "r]<Tab>"),
    ("search", "4]/質量<Enter>"),
    ("help", "?"),
    ("collapsed-tree", "jhjjhjjjjjjh"),
];

/// A fixture under `tests/fixtures/valid/` in a state of a given size after
/// some keys.
pub fn fixture_state(name: &str, width: u16, height: u16, keys: &str) -> State {
    let path = format!("{}/tests/fixtures/valid/{name}", env!("CARGO_MANIFEST_DIR"));
    let loaded = model::load_path(std::path::Path::new(&path)).expect("fixture loads");
    let mut s = State::new(loaded.proceedings, AmbiguousWidth::Narrow);
    s.apply(forum_tui::action::Action::Resize(width, height));
    s.press(keys);
    s
}

/// The screen of a fixture after `keys`, in colour.
pub fn fixture_screen(name: &str, width: u16, height: u16, keys: &str) -> Buffer {
    let s = fixture_state(name, width, height, keys);
    draw(&s, &Look::new(true, AmbiguousWidth::Narrow))
}
