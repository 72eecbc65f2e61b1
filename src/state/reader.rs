//! The text pane: the page being read, its layout for the current width
//! (cached per width), and the reading position. The position is kept as an
//! anchor in the text, not a line number, so it survives a re-wrap.

use std::collections::HashMap;
use std::rc::Rc;

use super::tree::Node;
use crate::doc::{Doc, VLine};
use crate::text::AmbiguousWidth;

/// A place in a doc: a piece, a paragraph or list item of it, and a byte
/// offset into that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Anchor {
    pub piece: usize,
    pub item: usize,
    pub offset: usize,
}

impl Anchor {
    fn of(line: &VLine) -> Anchor {
        Anchor {
            piece: line.piece,
            item: line.line.item,
            offset: line.line.range.start,
        }
    }
}

/// How many widths of one page are kept laid out.
const CACHED_WIDTHS: usize = 4;

#[derive(Debug)]
pub struct Reader {
    pub node: Node,
    pub doc: Doc,
    lines: Rc<Vec<VLine>>,
    width: usize,
    /// Layouts of this doc at other widths, most recent last.
    cache: Vec<(usize, Rc<Vec<VLine>>)>,
    /// First visible line.
    pub top: usize,
    pub height: usize,
    amb: AmbiguousWidth,
    /// Where reading was on pages left earlier.
    visited: HashMap<Node, Anchor>,
}

impl Reader {
    pub fn new(node: Node, doc: Doc, amb: AmbiguousWidth) -> Reader {
        Reader {
            node,
            doc,
            lines: Rc::new(Vec::new()),
            width: 0,
            cache: Vec::new(),
            top: 0,
            height: 1,
            amb,
            visited: HashMap::new(),
        }
    }

    pub fn lines(&self) -> &[VLine] {
        &self.lines
    }

    /// Shows another page, returning to where reading was if it was read
    /// before.
    pub fn open(&mut self, node: Node, doc: Doc) {
        if node == self.node {
            return;
        }
        let here = self.anchor();
        self.visited.insert(self.node, here);
        self.node = node;
        self.doc = doc;
        self.cache.clear();
        let width = self.width;
        self.width = 0;
        self.top = 0;
        self.lines = Rc::new(Vec::new());
        if width > 0 {
            self.resize(width, self.height);
        }
        if let Some(a) = self.visited.get(&node).copied() {
            self.top = self.line_of(a);
            self.clamp();
        }
    }

    /// Lays the page out for a new text column, keeping the reading
    /// position.
    pub fn resize(&mut self, width: usize, height: usize) {
        self.height = height.max(1);
        if width != self.width || self.lines.is_empty() {
            let anchor = self.anchor();
            let fresh = match self.cache.iter().position(|(w, _)| *w == width) {
                Some(i) => self.cache.remove(i).1,
                None => Rc::new(self.doc.layout(width, self.amb)),
            };
            let old = std::mem::replace(&mut self.lines, fresh);
            if self.width != 0 {
                self.cache.push((self.width, old));
                if self.cache.len() > CACHED_WIDTHS {
                    self.cache.remove(0);
                }
            }
            self.width = width;
            self.top = self.line_of(anchor);
        }
        self.clamp();
    }

    /// The anchor at the top of the view.
    pub fn anchor(&self) -> Anchor {
        self.lines.get(self.top).map(Anchor::of).unwrap_or_default()
    }

    /// The line that holds an anchor (the last line starting at or before
    /// it).
    pub fn line_of(&self, a: Anchor) -> usize {
        self.lines
            .partition_point(|l| Anchor::of(l) <= a)
            .saturating_sub(1)
    }

    pub fn max_top(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta);
        self.clamp();
    }

    pub fn scroll_to(&mut self, top: usize) {
        self.top = top;
        self.clamp();
    }

    /// Scrolls so `line` is visible, with a little context above it when
    /// the view has to move.
    pub fn show_line(&mut self, line: usize) {
        if line < self.top || line >= self.top + self.height {
            let context = (self.height / 4).min(3);
            self.top = line.saturating_sub(context);
            self.clamp();
        }
    }

    fn clamp(&mut self) {
        self.top = self.top.min(self.max_top());
    }

    /// How far through the page the view is, 0–100.
    pub fn percent(&self) -> usize {
        match self.max_top() {
            0 => 100,
            max => self.top * 100 / max,
        }
    }
}
