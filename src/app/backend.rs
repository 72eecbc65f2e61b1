//! The terminal backend as the reader sees it: crossterm's, with the size
//! it reports clamped to what can be drawn.
//!
//! A terminal may claim any size up to 65535 × 65535. ratatui keeps two
//! buffers of that many cells, so such a claim means an allocation of
//! hundreds of gigabytes (an abort with the terminal left raw) or, at
//! 20000 × 20000, a frame so large that memory grows for minutes and `q`
//! is never read. The reader draws at most [`MAX_COLS`] × [`MAX_ROWS`]
//! cells, in the top-left corner of a larger window, which no real screen
//! exceeds at a legible font size.
//!
//! It also writes the cells itself. crossterm's backend moves the cursor
//! before every cell that does not follow the one before by one column, so
//! after each Chinese character (two columns) it sends a cursor move: half
//! the bytes of a page of Chinese, and a third of a key's time. Here the
//! cursor is known to be past a character whose width every terminal
//! agrees on (printable ASCII, CJK ideographs, kana, Hangul, full-width
//! forms), and no move is sent there; after anything else (an ambiguous
//! or emoji character, a combining sequence) the cursor is moved, as
//! crossterm does.

use std::io;

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::style::{
    Attribute, Color as CtColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor,
};
use ratatui::crossterm::terminal::{self, Clear, ClearType as CtClear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// The widest area drawn, in cells.
pub(crate) const MAX_COLS: u16 = 1000;
/// The tallest area drawn, in cells.
pub(crate) const MAX_ROWS: u16 = 500;

/// A size as the reader uses it: never more than it draws, never zero in
/// either direction (a 0 × 0 claim is drawn as the smallest screen).
pub(crate) fn clamp(width: u16, height: u16) -> (u16, u16) {
    (width.clamp(1, MAX_COLS), height.clamp(1, MAX_ROWS))
}

/// A crossterm backend (as ratatui's `CrosstermBackend`, whose writer is
/// out of reach for a draw of our own) whose `size` is [`clamp`]ed.
#[derive(Debug)]
pub(crate) struct ReaderBackend<W: io::Write>(pub(crate) W);

impl<W: io::Write> Backend for ReaderBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = &mut self.0;
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        // Where the terminal's cursor is known to be.
        let mut cursor = None;
        for (x, y, cell) in content {
            if cursor != Some((x, y)) {
                write!(w, "\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1)?;
            }
            if cell.modifier != modifier {
                // Reset, then set what the cell has: simpler than undoing
                // each attribute, and style runs are long.
                queue!(w, SetAttribute(Attribute::Reset))?;
                for (m, a) in ATTRIBUTES {
                    if cell.modifier.contains(m) {
                        queue!(w, SetAttribute(a))?;
                    }
                }
                (fg, bg, modifier) = (Color::Reset, Color::Reset, cell.modifier);
            }
            if cell.fg != fg || cell.bg != bg {
                let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                queue!(w, SetColors(colors))?;
                (fg, bg) = (cell.fg, cell.bg);
            }
            let symbol = cell.symbol();
            w.write_all(symbol.as_bytes())?;
            cursor = agreed_width(symbol).map(|n| (x + n, y));
        }
        queue!(
            w,
            SetForegroundColor(CtColor::Reset),
            SetBackgroundColor(CtColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.0, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.0, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = ratatui::crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.0, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let how = match clear_type {
            ClearType::All => CtClear::All,
            ClearType::AfterCursor => CtClear::FromCursorDown,
            ClearType::BeforeCursor => CtClear::FromCursorUp,
            ClearType::CurrentLine => CtClear::CurrentLine,
            ClearType::UntilNewLine => CtClear::UntilNewLine,
        };
        execute!(self.0, Clear(how))
    }

    fn size(&self) -> io::Result<Size> {
        let (columns, rows) = terminal::size()?;
        let (width, height) = clamp(columns, rows);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = terminal::window_size()?;
        let (width, height) = clamp(w.columns, w.rows);
        Ok(WindowSize {
            columns_rows: Size { width, height },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The SGR attribute of each modifier.
const ATTRIBUTES: [(Modifier, Attribute); 8] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

/// The columns a cell's symbol advances the cursor by in every terminal:
/// one for printable ASCII, two for a CJK ideograph, kana, Hangul syllable
/// or full-width form (East Asian Wide or Fullwidth, never Ambiguous);
/// `None` for anything a terminal may count otherwise.
fn agreed_width(symbol: &str) -> Option<u16> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match u32::from(c) {
        0x20..=0x7E => Some(1),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes drawing `text` at the top left send.
    fn drawn(cells: &[(u16, &str)], style: ratatui::style::Style) -> String {
        let mut b = ReaderBackend(Vec::new());
        let cells: Vec<(u16, Cell)> = cells
            .iter()
            .map(|&(x, s)| {
                let mut c = Cell::default();
                c.set_symbol(s);
                c.set_style(style);
                (x, c)
            })
            .collect();
        b.draw(cells.iter().map(|(x, c)| (*x, 0, c))).expect("draw");
        String::from_utf8(b.0).expect("utf-8")
    }

    #[test]
    fn no_cursor_move_after_a_character_of_agreed_width() {
        let plain = ratatui::style::Style::default();
        let out = drawn(&[(0, "質"), (2, "量"), (4, "a"), (5, "。")], plain);
        assert_eq!(out.matches("\x1b[1;").count(), 1, "{out:?}");
        assert!(out.starts_with("\x1b[1;1H質量a。"), "{out:?}");
        // A gap, an ambiguous character (… is one or two columns,
        // whichever the terminal says) and an emoji each get a move.
        let out = drawn(
            &[(0, "a"), (3, "b"), (4, "…"), (5, "c"), (6, "😀"), (8, "d")],
            plain,
        );
        for at in ["\x1b[1;1Ha", "\x1b[1;4Hb…", "\x1b[1;6Hc😀", "\x1b[1;9Hd"] {
            assert!(out.contains(at), "{at:?} in {out:?}");
        }
    }

    #[test]
    fn styles_are_set_once_per_run_and_reset_at_the_end() {
        use ratatui::style::Style;
        let style = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        let out = drawn(&[(0, "a"), (1, "b")], style);
        assert_eq!(out.matches("\x1b[1m").count(), 1, "{out:?}");
        assert_eq!(out.matches("38;5;1;").count(), 1, "{out:?}");
        assert!(out.ends_with("\x1b[0m"), "{out:?}");
    }

    #[test]
    fn sizes_are_clamped_to_what_is_drawn() {
        let cases = [
            ((80, 24), (80, 24)),
            ((0, 0), (1, 1)),
            ((1000, 500), (1000, 500)),
            ((1001, 501), (1000, 500)),
            ((20000, 20000), (1000, 500)),
            ((65535, 65535), (1000, 500)),
            ((65535, 10), (1000, 10)),
        ];
        for (given, want) in cases {
            assert_eq!(clamp(given.0, given.1), want, "{given:?}");
        }
    }
}
