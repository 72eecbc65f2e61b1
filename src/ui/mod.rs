//! The view: a pure function from `State` to a frame. Nothing here changes
//! state; styles come from the theme, text reaches the buffer only through
//! `text::sanitize` or `text::render::glyphs`.

mod help;
mod loading;
mod palette;
mod results;
mod status;
mod svg;
mod theme;
mod tree;
mod view;

pub use loading::render_loading;
pub use svg::to_svg;
pub use theme::{Symbols, THEME, Theme};

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::state::{Area, MIN_HEIGHT, MIN_WIDTH, State};
use crate::text::{self, AmbiguousWidth};

/// How the view looks beyond the state: colour or not.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub theme: Theme,
    pub symbols: &'static Symbols,
    pub amb: AmbiguousWidth,
}

impl Look {
    pub fn new(colour: bool, amb: AmbiguousWidth) -> Look {
        Look {
            theme: if colour {
                THEME
            } else {
                THEME.without_colour()
            },
            symbols: Symbols::for_width(amb),
            amb,
        }
    }
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame<'_>, state: &State, look: &Look) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let Some(g) = state
        .geometry()
        .filter(|_| state.size() == (area.width, area.height))
    else {
        too_small(buf, area, look);
        return;
    };
    view::title(buf, rect(g.title), state, look);
    tree::render(buf, &g, state, look);
    view::text_pane(buf, &g, state, look);
    if let Some(f) = &state.find {
        results::render(buf, &g, state, f, look);
    }
    let cursor = status::render(buf, rect(g.status), state, look);
    let cursor = palette::render(buf, state, look).or(cursor);
    if let Some(offset) = state.help {
        help::render(buf, state, offset, look);
    } else if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// A centred one-line message instead of a broken layout, naming the
/// smallest size that works, as fully as the width allows.
fn too_small(buf: &mut Buffer, area: Rect, look: &Look) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let need = format!("{MIN_WIDTH}x{MIN_HEIGHT}");
    let candidates = [
        format!(
            "terminal too small ({}x{}): needs at least {need}",
            area.width, area.height
        ),
        format!("too small: needs {need}"),
        format!("needs {need}"),
        format!("min {need}"),
        need,
    ];
    let msg = candidates
        .iter()
        .find(|m| m.len() <= usize::from(area.width))
        .map_or("", String::as_str);
    let w = msg.len() as u16;
    let x = area.x + (area.width - w) / 2;
    let y = area.y + area.height / 2;
    buf.set_string(x, y, msg, look.theme.too_small);
}

/// Readies the cells beside an overlay's box: a wide character whose
/// second half lies under the box's left edge would still be drawn by the
/// terminal over the border (ratatui skips the cell it covers), so it
/// becomes a space.
fn clear_under_overlay(buf: &mut Buffer, area: Rect) {
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom().min(buf.area.bottom()) {
        let cell = &mut buf[(left, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
            || matches!(
                cell.diff_option,
                ratatui::buffer::CellDiffOption::ForcedWidth(w) if w.get() > 1
            )
        {
            let style = cell.style();
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// A pane's one-line header, strong when the pane has focus.
fn pane_header(buf: &mut Buffer, area: Rect, text: &str, focused: bool, look: &Look) {
    let style = if focused {
        look.theme.pane_header_focused
    } else {
        look.theme.pane_header
    };
    buf.set_style(area, style);
    put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        text,
        style,
        look,
    );
}

/// Writes one line of file text (sanitised, truncated with the ellipsis)
/// at (x, y) within `max` cells; returns the cells used.
fn put(buf: &mut Buffer, x: u16, y: u16, max: u16, s: &str, style: Style, look: &Look) -> u16 {
    let clean = text::sanitize::sanitize(s);
    let max_us = usize::from(max);
    let full = text::width::str_width(&clean, look.amb);
    let (shown, ellipsis) = if full <= max_us {
        (clean.as_ref(), "")
    } else {
        let e = look.symbols.ellipsis;
        let room = max_us.saturating_sub(text::width::str_width(e, look.amb));
        (text::width::truncate(&clean, room, look.amb).0, e)
    };
    let mut col = x;
    for g in text::render::glyphs(shown, 0..shown.len(), 0, look.amb).chain(text::render::glyphs(
        ellipsis,
        0..ellipsis.len(),
        0,
        look.amb,
    )) {
        if col + g.width as u16 > x + max {
            break;
        }
        put_glyph(buf, col, y, &g.text, g.width, style);
        col += g.width as u16;
    }
    col - x
}

/// Puts one grapheme in a cell. When our width differs from what ratatui
/// would assume (ambiguous characters in wide mode), the cell carries the
/// width, so the terminal diff keeps the columns aligned.
fn put_glyph(buf: &mut Buffer, x: u16, y: u16, symbol: &str, width: usize, style: Style) {
    use ratatui::buffer::CellDiffOption;
    if width == 0 {
        return;
    }
    let area = buf.area;
    if x >= area.right() || y >= area.bottom() {
        return;
    }
    let cell = &mut buf[(x, y)];
    cell.set_symbol(symbol).set_style(style);
    if unicode_width::UnicodeWidthStr::width(symbol) != width
        && let Some(w) = std::num::NonZeroU16::new(width as u16)
    {
        cell.set_diff_option(CellDiffOption::ForcedWidth(w));
    }
    for dx in 1..width as u16 {
        if x + dx < area.right() {
            buf[(x + dx, y)].reset();
            buf[(x + dx, y)].set_style(style);
        }
    }
}
