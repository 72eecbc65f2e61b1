//! The screen while a large file loads: its name, a bar with the share
//! done, and how to quit. Shown only when loading takes longer than a
//! glance (the caller decides when).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Look;
use crate::text::sanitize::sanitize;
use crate::text::width::{str_width, truncate};

/// The widest the bar is drawn, in cells.
const BAR: usize = 40;

/// Draws the loading screen for `name`, `done` being the share loaded
/// (0.0 to 1.0), when known.
pub fn render_loading(frame: &mut Frame<'_>, name: &str, done: Option<f64>, look: &Look) {
    let area = frame.area();
    draw(frame.buffer_mut(), area, name, done, look);
}

fn draw(buf: &mut Buffer, area: Rect, name: &str, done: Option<f64>, look: &Look) {
    let width = usize::from(area.width);
    if width == 0 || area.height == 0 {
        return;
    }
    let name = sanitize(name);
    let title = format!("Loading {name}");
    let percent = done.map(|d| (d.clamp(0.0, 1.0) * 100.0).floor() as usize);
    let bar_width = BAR.min(width.saturating_sub(6));
    let bar = percent.map(|p| {
        let full = bar_width * p / 100;
        format!(
            "{}{} {p:>3}%",
            look.symbols.bar_full.repeat(full),
            look.symbols.bar_empty.repeat(bar_width - full)
        )
    });
    let lines: Vec<&str> = [Some(title.as_str()), bar.as_deref(), Some("q quits")]
        .into_iter()
        .flatten()
        .collect();
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (k, line) in lines.iter().enumerate() {
        let y = top + k as u16;
        if y >= area.bottom() {
            break;
        }
        let (shown, w) = truncate(line, width, look.amb);
        let x = area.x + ((width - w) / 2) as u16;
        let style = if k == 0 {
            look.theme.pane_header_focused
        } else {
            look.theme.meta
        };
        buf.set_string(x, y, shown, style);
        debug_assert!(str_width(shown, look.amb) <= width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::AmbiguousWidth;

    fn screen(w: u16, h: u16, name: &str, done: Option<f64>) -> Vec<String> {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        let look = Look::new(false, AmbiguousWidth::Narrow);
        draw(&mut buf, area, name, done, &look);
        (0..h)
            .map(|y| {
                // A wide character's second cell is not a character.
                let mut row = String::new();
                let mut x = 0;
                while x < w {
                    let sym = buf[(x, y)].symbol();
                    row.push_str(sym);
                    x += str_width(sym, AmbiguousWidth::Narrow).max(1) as u16;
                }
                row.trim_end().to_owned()
            })
            .collect()
    }

    #[test]
    fn shows_the_name_the_share_and_how_to_quit() {
        let rows = screen(50, 5, "year.json", Some(0.456));
        let text = rows.join("\n");
        assert!(rows[1].contains("Loading year.json"), "{text}");
        assert!(rows[2].ends_with(" 45%"), "{text}");
        assert_eq!(rows[2].matches('█').count(), 40 * 45 / 100, "{text}");
        assert!(rows[3].contains("q quits"), "{text}");
    }

    #[test]
    fn an_unknown_share_has_no_bar_and_a_hostile_name_is_made_harmless() {
        let rows = screen(30, 4, "\u{1b}]0;pwned\u{7}x.json", None);
        let text = rows.join("\n");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(!text.contains('%'), "{text}");
        assert!(text.contains("q quits"), "{text}");
    }

    #[test]
    fn fits_any_width() {
        for w in 1..60 {
            let rows = screen(
                w,
                3,
                "長長長長長長長長長長長長長長長長長長長.json",
                Some(1.0),
            );
            assert!(
                rows.iter()
                    .all(|r| str_width(r, AmbiguousWidth::Narrow) <= w as usize)
            );
        }
    }
}
