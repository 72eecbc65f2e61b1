//! The text pane: the page being read, laid out lazily one piece at a time
//! (cached per width), and the reading position.
//!
//! A page may be a 632-turn sitting or one turn of 150,000 characters, so
//! nothing here lays out the whole page: a piece is laid out when a move
//! reaches it or the view shows it, and kept for that width. Percentages and
//! the scrollbar come from byte counts the doc keeps, not from line counts.
//!
//! The reading position is an [`Anchor`] in the text, not a line number, so
//! it survives a re-wrap: the line on top is the one holding the anchor, and
//! a resize alone never moves the anchor, so 120 → 60 → 120 columns comes
//! back to the same top line.

use std::collections::HashMap;

use crate::doc::Doc;
use crate::model::SpeakerIdx;
use crate::text::layout::{LaidLine, LayoutOptions};

/// A place in a doc: a piece, a paragraph or list item of it, and a byte
/// offset into that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Anchor {
    pub piece: usize,
    pub item: usize,
    pub offset: usize,
}

impl Anchor {
    /// The start of a piece.
    pub fn piece(piece: usize) -> Anchor {
        Anchor {
            piece,
            ..Anchor::default()
        }
    }
}

/// What the text pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Forum,
    Segment(usize),
    /// Every turn of one speaker.
    Speaker(SpeakerIdx),
}

/// A screen line of the page: line `line` of piece `piece`'s layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub piece: usize,
    pub line: usize,
}

/// How many widths of one page are kept laid out.
const CACHED_WIDTHS: usize = 4;

/// The layouts of a page's pieces at one width, filled in as needed.
type Layouts = Vec<Option<Vec<LaidLine>>>;

#[derive(Debug)]
pub struct Reader {
    pub page: Page,
    pub doc: Doc,
    opts: LayoutOptions,
    width: usize,
    laid: Layouts,
    /// Layouts of this page at other widths, most recent last.
    cache: Vec<(usize, Layouts)>,
    /// The reading position: where the top line starts, as the user last
    /// moved it.
    anchor: Anchor,
    top: Pos,
    pub height: usize,
    /// Where reading was on pages left earlier.
    visited: HashMap<Page, Anchor>,
    /// The forum overview with its layouts (and their width) while another
    /// page is read: it lists every segment, so building it again would
    /// cost in proportion to the file on the key that goes back to it.
    kept: Option<(Doc, usize, Layouts)>,
}

impl Reader {
    pub fn new(page: Page, doc: Doc, opts: LayoutOptions) -> Reader {
        Reader {
            page,
            laid: vec![None; doc.pieces.len()],
            doc,
            opts,
            width: 0,
            cache: Vec::new(),
            anchor: Anchor::default(),
            top: Pos::default(),
            height: 1,
            visited: HashMap::new(),
            kept: None,
        }
    }

    /// Shows another page at `at`, or where reading was when it was left
    /// (its top when it was never read).
    pub fn open(&mut self, page: Page, doc: Doc, at: Option<Anchor>) {
        let laid = vec![None; doc.pieces.len()];
        self.switch(page, doc, laid, at);
    }

    /// Shows the forum overview again as it was kept, when `page` is it and
    /// it was kept; false when the caller must build the page.
    pub fn reopen(&mut self, page: Page, at: Option<Anchor>) -> bool {
        if page != Page::Forum {
            return false;
        }
        let Some((doc, width, laid)) = self.kept.take() else {
            return false;
        };
        let laid = if width == self.width {
            laid
        } else {
            vec![None; doc.pieces.len()]
        };
        self.switch(page, doc, laid, at);
        true
    }

    fn switch(&mut self, page: Page, doc: Doc, laid: Layouts, at: Option<Anchor>) {
        self.visited.insert(self.page, self.anchor);
        let old_doc = std::mem::replace(&mut self.doc, doc);
        let old_laid = std::mem::replace(&mut self.laid, laid);
        if self.page == Page::Forum {
            self.kept = Some((old_doc, self.width, old_laid));
        }
        self.page = page;
        self.cache.clear();
        let at = at.or_else(|| self.visited.get(&page).copied());
        self.go_to(at.unwrap_or_default());
    }

    /// The same page rebuilt (another script): new text, layouts dropped;
    /// the caller puts the anchor back.
    pub fn replace(&mut self, doc: Doc) {
        // A kept overview is in the old script.
        self.kept = None;
        self.laid = vec![None; doc.pieces.len()];
        self.doc = doc;
        self.cache.clear();
    }

    /// The anchor a page was left at, if it was read before.
    pub fn visited(&self, page: Page) -> Option<Anchor> {
        self.visited.get(&page).copied()
    }

    /// A new text column: the layouts of that width (cached or fresh), the
    /// same anchor on top.
    pub fn resize(&mut self, width: usize, height: usize) {
        self.height = height.max(1);
        if width != self.width {
            let fresh = match self.cache.iter().position(|(w, _)| *w == width) {
                Some(i) => self.cache.remove(i).1,
                None => vec![None; self.doc.pieces.len()],
            };
            let old = std::mem::replace(&mut self.laid, fresh);
            if self.width != 0 {
                self.cache.push((self.width, old));
                if self.cache.len() > CACHED_WIDTHS {
                    self.cache.remove(0);
                }
            }
            self.width = width;
        }
        self.top = self.pos_of(self.anchor);
        self.clamp();
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn options(&self) -> LayoutOptions {
        self.opts
    }

    /// Lays the page out anew with other options (hanging punctuation on or
    /// off), the same anchor on top.
    pub fn set_options(&mut self, opts: LayoutOptions) {
        self.kept = None;
        self.opts = opts;
        self.laid = vec![None; self.doc.pieces.len()];
        self.cache.clear();
        self.top = self.pos_of(self.anchor);
        self.clamp();
    }

    /// The layout of one piece at the current width, laid out on first use.
    pub fn lines_of(&mut self, piece: usize) -> &[LaidLine] {
        if self.laid.get(piece).is_some_and(Option::is_none) {
            let lines = self.doc.pieces[piece].layout(self.width, self.opts);
            self.laid[piece] = Some(lines);
        }
        self.laid
            .get(piece)
            .and_then(Option::as_deref)
            .unwrap_or_default()
    }

    fn len_of(&mut self, piece: usize) -> usize {
        self.lines_of(piece).len()
    }

    /// The lines on screen, top to bottom, with their piece. Every piece in
    /// view is laid out by the move that brought it there.
    pub fn window(&self) -> impl Iterator<Item = (usize, &LaidLine)> + '_ {
        let start = self.top;
        self.laid
            .iter()
            .enumerate()
            .skip(start.piece)
            .map_while(|(i, l)| Some((i, l.as_ref()?)))
            .flat_map(move |(i, lines)| {
                let skip = if i == start.piece { start.line } else { 0 };
                lines.iter().skip(skip).map(move |l| (i, l))
            })
            .take(self.height)
    }

    /// The anchor at the top of the view.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// The top line's position.
    pub fn top(&self) -> Pos {
        self.top
    }

    /// The piece on the view's top line.
    pub fn top_piece(&self) -> usize {
        self.top.piece
    }

    fn anchor_at(&mut self, p: Pos) -> Anchor {
        match self.lines_of(p.piece).get(p.line) {
            Some(l) => Anchor {
                piece: p.piece,
                item: l.item,
                offset: l.range.start,
            },
            None => Anchor::piece(p.piece),
        }
    }

    /// The line holding an anchor: the last line of its piece starting at
    /// or before it.
    pub fn pos_of(&mut self, a: Anchor) -> Pos {
        let n = self.doc.pieces.len();
        if n == 0 {
            return Pos::default();
        }
        let piece = a.piece.min(n - 1);
        let line = self
            .lines_of(piece)
            .partition_point(|l| (l.item, l.range.start) <= (a.item, a.offset))
            .saturating_sub(1);
        Pos { piece, line }
    }

    fn last_pos(&mut self) -> Pos {
        let piece = self.doc.pieces.len().saturating_sub(1);
        let line = self.len_of(piece).saturating_sub(1);
        Pos { piece, line }
    }

    /// `p` moved `n` lines down (or up for negative `n`), stopping at the
    /// first and last line. Whole pieces are skipped by their line counts.
    fn advance(&mut self, mut p: Pos, n: isize) -> Pos {
        let pieces = self.doc.pieces.len();
        if pieces == 0 {
            return p;
        }
        if n >= 0 {
            let mut left = n.unsigned_abs();
            loop {
                let len = self.len_of(p.piece);
                if p.line + left < len {
                    p.line += left;
                    return p;
                }
                if p.piece + 1 >= pieces {
                    p.line = len.saturating_sub(1);
                    return p;
                }
                left -= len - p.line;
                p = Pos {
                    piece: p.piece + 1,
                    line: 0,
                };
            }
        } else {
            let mut left = n.unsigned_abs();
            loop {
                if left <= p.line {
                    p.line -= left;
                    return p;
                }
                if p.piece == 0 {
                    p.line = 0;
                    return p;
                }
                left -= p.line + 1;
                let piece = p.piece - 1;
                p = Pos {
                    piece,
                    line: self.len_of(piece).saturating_sub(1),
                };
            }
        }
    }

    /// The highest top line: the one that puts the last line at the bottom.
    fn max_top(&mut self) -> Pos {
        let last = self.last_pos();
        self.advance(last, -(self.height as isize - 1))
    }

    /// Keeps the view from scrolling past the end, and lays out what it
    /// shows.
    fn clamp(&mut self) {
        // Counting `height` lines from the top lays out the view; only when
        // they run out is the bottom sought.
        let end = self.advance(self.top, self.height as isize - 1);
        let last = self.last_pos();
        if end == last {
            let max = self.max_top();
            self.top = self.top.min(max);
        }
    }

    /// Moves the top line, and the reading position with it.
    fn set_top(&mut self, p: Pos) {
        self.top = p;
        self.clamp();
        self.anchor = self.anchor_at(self.top);
    }

    pub fn scroll_by(&mut self, delta: isize) {
        let p = self.advance(self.top, delta);
        self.set_top(p);
    }

    pub fn scroll_to_top(&mut self) {
        self.set_top(Pos::default());
    }

    pub fn scroll_to_bottom(&mut self) {
        let p = self.max_top();
        self.set_top(p);
    }

    /// Puts the line holding `a` on top (as far as the page allows).
    pub fn go_to(&mut self, a: Anchor) {
        if self.width == 0 {
            // Not laid out yet: the first resize puts it on top.
            self.anchor = a;
            return;
        }
        let p = self.pos_of(a);
        self.set_top(p);
    }

    /// Scrolls so the line holding `a` is visible, with a little context
    /// above it when the view has to move.
    pub fn show(&mut self, a: Anchor) {
        let p = self.pos_of(a);
        let bottom = self.advance(self.top, self.height as isize - 1);
        if p < self.top || p > bottom {
            let context = (self.height / 4).min(3) as isize;
            let to = self.advance(p, -context);
            self.set_top(to);
        }
    }

    pub fn at_top(&self) -> bool {
        self.top == Pos::default()
    }

    /// Whether the last line of the page is on screen.
    pub fn at_end(&mut self) -> bool {
        let bottom = self.advance(self.top, self.height as isize - 1);
        bottom == self.last_pos()
    }

    /// How far through the page the view is, 0–100, by bytes of text before
    /// the top line; 100 when the end is on screen.
    pub fn percent(&self) -> usize {
        let total = self.doc.total_bytes();
        let bottom_shown = self.window().count() < self.height || self.last_in_view();
        if total == 0 || bottom_shown {
            return 100;
        }
        let before = self.doc.bytes_before(self.anchor.piece) + self.anchor.offset;
        (before * 100 / total).min(99)
    }

    /// Whether the window's last line is the page's last line (only from
    /// layouts already made: the view's pieces always are).
    fn last_in_view(&self) -> bool {
        let Some((piece, line)) = self.window().last() else {
            return true;
        };
        piece + 1 == self.doc.pieces.len()
            && self
                .laid
                .get(piece)
                .and_then(Option::as_ref)
                .and_then(|l| l.last())
                .is_some_and(|last| std::ptr::eq(last, line))
    }

    /// The fraction of the page before the top line and shown, in bytes, for
    /// the scrollbar.
    pub fn extent(&self) -> (usize, usize, usize) {
        let total = self.doc.total_bytes();
        let start = self.doc.bytes_before(self.top.piece)
            + self.window().next().map_or(0, |(_, l)| l.range.start);
        let end = match self.window().last() {
            Some((p, l)) => self.doc.bytes_before(p) + l.range.end,
            None => start,
        };
        (start.min(total), end.clamp(start, total.max(start)), total)
    }

    /// Jumps to the point `pct` percent through the page, by bytes.
    pub fn go_to_percent(&mut self, pct: usize) {
        let total = self.doc.total_bytes();
        let target = total * pct.min(100) / 100;
        let piece = self.doc.piece_at_byte(target);
        self.go_to(Anchor::piece(piece));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Builder;

    fn text(d: &Doc) -> Vec<String> {
        d.pieces.iter().map(|p| p.items().concat()).collect()
    }

    #[test]
    fn the_overview_is_kept_with_its_layouts_until_the_text_changes() {
        let p =
            crate::model::load_bytes(crate::DEFAULT_NAME, crate::DEFAULT_PROCEEDINGS.as_bytes())
                .expect("built-in forum")
                .proceedings;
        let b = Builder::new(&p);
        let overview = text(&b.forum());
        let mut r = Reader::new(Page::Forum, b.forum(), LayoutOptions::default());
        r.resize(40, 10);
        assert!(!r.lines_of(0).is_empty());
        assert!(!r.reopen(Page::Forum, None), "nothing kept yet");
        r.open(Page::Segment(0), b.segment_page(0), None);
        assert!(r.reopen(Page::Forum, None));
        assert_eq!(text(&r.doc), overview);
        assert!(r.laid[0].is_some(), "its layouts came back with it");
        // A segment page is never kept: it is built again when opened.
        r.open(Page::Segment(0), b.segment_page(0), None);
        assert!(!r.reopen(Page::Segment(0), None));
        // Another script or other layout options: the kept overview goes.
        r.replace(b.segment_page(0));
        assert!(!r.reopen(Page::Forum, None));
        r.open(Page::Forum, b.forum(), None);
        r.open(Page::Segment(1), b.segment_page(1), None);
        r.set_options(LayoutOptions::default().hang(true));
        assert!(!r.reopen(Page::Forum, None));
    }
}
