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

use std::io;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The widest area drawn, in cells.
pub(crate) const MAX_COLS: u16 = 1000;
/// The tallest area drawn, in cells.
pub(crate) const MAX_ROWS: u16 = 500;

/// A size as the reader uses it: never more than it draws, never zero in
/// either direction (a 0 × 0 claim is drawn as the smallest screen).
pub(crate) fn clamp(width: u16, height: u16) -> (u16, u16) {
    (width.clamp(1, MAX_COLS), height.clamp(1, MAX_ROWS))
}

/// [`CrosstermBackend`] whose `size` is [`clamp`]ed.
#[derive(Debug)]
pub(crate) struct Clamped<W: io::Write>(pub(crate) CrosstermBackend<W>);

impl<W: io::Write> Backend for Clamped<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        let s = self.0.size()?;
        let (width, height) = clamp(s.width, s.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let mut w = self.0.window_size()?;
        (w.columns_rows.width, w.columns_rows.height) =
            clamp(w.columns_rows.width, w.columns_rows.height);
        Ok(w)
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
