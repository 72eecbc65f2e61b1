//! Renders a buffer as an SVG image, for the screenshots in `screenshots/`.
//! Every run of cells with one style becomes one `<text>`. The font size is
//! twice the cell width, so a monospace CJK font advances ASCII one cell and
//! Han two; any other character (“ — ⋯ ▐, which such fonts draw wide) gets
//! a `<tspan>` placed at its own cell, and the text after it is placed
//! again, so nothing drifts off the grid.

use std::fmt::Write as _;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

const CELL_W: usize = 10;
const CELL_H: usize = 24;
const FONT_SIZE: usize = 2 * CELL_W;
const BASELINE: usize = 19;
const FOREGROUND: &str = "#e4e4e4";
const BACKGROUND: &str = "#1c1c1c";
const NARROW_FONT: &str = r#" font-family="'DejaVu Sans Mono','Noto Sans Mono',monospace""#;
const FONTS: &str =
    "'Noto Sans Mono CJK TC','Noto Sans Mono CJK SC','Sarasa Mono TC','DejaVu Sans Mono',monospace";

/// The xterm colour of a cell colour, or `None` for the default.
fn rgb(c: Color) -> Option<String> {
    const BASIC: [&str; 16] = [
        "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
        "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
    ];
    Some(match c {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) if i < 16 => BASIC[usize::from(i)].to_owned(),
        Color::Indexed(_) => return None,
        named => {
            let i = [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
                Color::DarkGray,
                Color::LightRed,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightMagenta,
                Color::LightCyan,
                Color::White,
            ]
            .iter()
            .position(|k| *k == named)?;
            BASIC[i].to_owned()
        }
    })
}

/// Foreground, background, bold, underline of a cell, reverse applied.
fn look(cell: &Cell) -> (String, Option<String>, bool, bool) {
    let mut fg = rgb(cell.fg);
    let mut bg = rgb(cell.bg);
    if cell.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
        fg = fg.or_else(|| Some(BACKGROUND.to_owned()));
        bg = bg.or_else(|| Some(FOREGROUND.to_owned()));
    }
    (
        fg.unwrap_or_else(|| FOREGROUND.to_owned()),
        bg,
        cell.modifier.contains(Modifier::BOLD),
        cell.modifier.contains(Modifier::UNDERLINED),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as an SVG document.
pub fn to_svg(buf: &Buffer) -> String {
    let (w, h) = (usize::from(buf.area.width), usize::from(buf.area.height));
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="{FONTS}" font-size="{FONT_SIZE}">"#,
        w * CELL_W,
        h * CELL_H
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"#
    );
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x as u16, y as u16)];
            let style = look(cell);
            // A run: cells of one look; wide glyphs take their cells along.
            let mut text = String::new();
            let mut end = x;
            // Whether the next cell must be placed explicitly.
            let mut place = true;
            while end < w {
                let c = &buf[(end as u16, y as u16)];
                if look(c) != style {
                    break;
                }
                let sym = c.symbol();
                let width = unicode_width::UnicodeWidthStr::width(sym).max(1);
                let natural = sym.is_ascii() || width == 2;
                if place || !natural {
                    if end > x {
                        text.push_str("</tspan>");
                    }
                    // A one-cell character that is neither ASCII nor wide
                    // (“ ” — in narrow mode) gets a Latin font, which draws
                    // it narrow, as the terminal does.
                    let font = if natural { "" } else { NARROW_FONT };
                    let _ = write!(text, r#"<tspan x="{}"{font}>"#, end * CELL_W);
                }
                text.push_str(&escape(sym));
                place = !natural;
                // A wide glyph covers the cells after it.
                end += width;
            }
            text.push_str("</tspan>");
            let end = end.min(w);
            let (fg, bg, bold, underline) = &style;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{CELL_H}" fill="{bg}"/>"#,
                    x * CELL_W,
                    y * CELL_H,
                    (end - x) * CELL_W
                );
            }
            if !buf.content()[y * w + x..y * w + end.min(w)]
                .iter()
                .all(|c| c.symbol().trim().is_empty())
            {
                let weight = if *bold { r#" font-weight="bold""# } else { "" };
                let _ = writeln!(
                    out,
                    r#"<text y="{}" fill="{fg}"{weight} xml:space="preserve">{text}</text>"#,
                    y * CELL_H + BASELINE,
                );
            }
            // Drawn as a line: not every SVG renderer supports
            // text-decoration.
            if *underline {
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="1" fill="{fg}"/>"#,
                    x * CELL_W,
                    y * CELL_H + BASELINE + 3,
                    (end - x) * CELL_W
                );
            }
            x = end;
        }
    }
    out.push_str("</svg>\n");
    out
}
