//! Where each part of the screen goes, as plain arithmetic on the terminal
//! size. The view draws into these areas and mouse events are resolved
//! against them, so both agree without the state knowing ratatui.

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Area {
        Area {
            x,
            y,
            width,
            height,
        }
    }

    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x && x < self.x + self.width && y >= self.y && y < self.y + self.height
    }
}

/// The smallest terminal the layout works in; below it a message is shown.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The screen's parts: a title line, the tree on the left, the text on the
/// right with its scrollbar, and the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub title: Area,
    pub tree_header: Area,
    pub tree: Area,
    pub separator: Area,
    pub text_header: Area,
    pub text: Area,
    pub scrollbar: Area,
    pub status: Area,
}

impl Geometry {
    /// The layout for a terminal of `width` × `height`, with or without the
    /// tree, the text column at most `measure` cells wide; `None` when the
    /// terminal is too small for one.
    pub fn new(width: u16, height: u16, tree: bool, measure: Option<usize>) -> Option<Geometry> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let body = height - 2;
        let left = if tree {
            (width * 3 / 10).clamp(20, 36)
        } else {
            0
        };
        let right_x = if tree { left + 1 } else { 0 };
        let right = width - right_x;
        // One cell of margin on each side of the text, then the scrollbar.
        let room = right - 3;
        let text_width =
            measure.map_or(room, |m| room.min(m.clamp(1, usize::from(u16::MAX)) as u16));
        Some(Geometry {
            title: Area::new(0, 0, width, 1),
            tree_header: Area::new(0, 1, left, 1),
            tree: Area::new(0, 2, left, body - 1),
            separator: Area::new(left, 1, u16::from(tree), body),
            text_header: Area::new(right_x, 1, right, 1),
            text: Area::new(right_x + 1, 2, text_width, body - 1),
            scrollbar: Area::new(width - 1, 2, 1, body - 1),
            status: Area::new(0, height - 1, width, 1),
        })
    }
}

/// The help overlay's box for a screen and a number of lines: at most 78
/// cells wide, centred, leaving a margin around it.
pub(super) fn help_box(width: u16, height: u16, lines: usize) -> Area {
    let w = width.saturating_sub(4).min(78);
    let h = (lines as u16)
        .saturating_add(2)
        .min(height.saturating_sub(2));
    Area::new((width - w) / 2, (height - h) / 2, w, h)
}

/// Cells of the help box's text column: inside the borders and a margin.
pub(super) fn help_text_width(box_width: u16) -> usize {
    usize::from(box_width.saturating_sub(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_has_no_layout() {
        for tree in [true, false] {
            assert!(Geometry::new(10, 5, tree, None).is_none());
            assert!(Geometry::new(39, 30, tree, None).is_none());
            assert!(Geometry::new(100, 9, tree, None).is_none());
            assert!(Geometry::new(0, 0, tree, None).is_none());
            assert!(Geometry::new(MIN_WIDTH, MIN_HEIGHT, tree, None).is_some());
        }
    }

    #[test]
    fn without_the_tree_the_text_takes_the_width_and_a_measure_caps_it() {
        let g = Geometry::new(100, 30, false, None).unwrap();
        assert_eq!((g.tree.width, g.separator.width), (0, 0));
        assert_eq!(g.text.x, 1);
        assert_eq!(g.text.width, 97);
        let g = Geometry::new(100, 30, false, Some(60)).unwrap();
        assert_eq!(g.text.width, 60);
        assert_eq!(g.scrollbar.x, 99);
        let g = Geometry::new(100, 30, true, Some(usize::MAX)).unwrap();
        assert_eq!(g.text.width, 100 - 31 - 3);
    }

    #[test]
    fn areas_tile_the_screen() {
        for (w, h) in [
            (40, 10),
            (50, 16),
            (80, 24),
            (100, 30),
            (120, 40),
            (300, 100),
        ] {
            let g = Geometry::new(w, h, true, None).unwrap();
            assert_eq!(
                g.tree.width + g.separator.width + 1 + g.text.width + 1 + g.scrollbar.width,
                w
            );
            assert_eq!(
                g.title.height + g.tree_header.height + g.tree.height + g.status.height,
                h
            );
            assert!(g.text.width >= 16, "{w}x{h}");
            assert_eq!(g.scrollbar.x, w - 1);
        }
    }
}
