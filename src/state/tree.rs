//! The programme tree: headings of nested sections (from the segments'
//! `parents`), segments and their turns; which of them are expanded, which
//! row is selected, and the scroll offset that keeps the selection visible.
//!
//! Only the segment being read opens by itself, and it closes again when
//! reading moves on; what the user opened stays open.

use crate::model::Proceedings;
use std::cell::RefCell;
use std::rc::Rc;

/// An item of the programme: the forum, a section heading, a segment, or a
/// turn (speech) in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Forum,
    Heading(usize),
    Segment(usize),
    Speech(usize, usize),
}

impl Node {
    /// The segment the node belongs to, if any.
    pub fn segment(self) -> Option<usize> {
        match self {
            Node::Forum | Node::Heading(_) => None,
            Node::Segment(i) | Node::Speech(i, _) => Some(i),
        }
    }
}

/// A heading node: one level of the `parents` of consecutive segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub title: String,
    /// 0 for an outermost heading.
    pub level: usize,
    pub parent: Option<usize>,
    /// The first segment under it; the headings are in programme order.
    pub first: usize,
}

/// The headings of a programme, built once from the segments' `parents`:
/// consecutive segments whose parents begin the same share a heading per
/// level.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub headings: Vec<Heading>,
    /// The innermost heading of each segment.
    pub of_segment: Vec<Option<usize>>,
}

impl Outline {
    pub fn new(p: &Proceedings) -> Outline {
        let mut o = Outline::default();
        let mut open: Vec<usize> = Vec::new();
        for (i, seg) in p.segments.iter().enumerate() {
            let shared = open
                .iter()
                .zip(&seg.parents)
                .take_while(|(h, title)| o.headings[**h].title == **title)
                .count();
            open.truncate(shared);
            for title in &seg.parents[shared..] {
                o.headings.push(Heading {
                    title: title.clone(),
                    level: open.len(),
                    parent: open.last().copied(),
                    first: i,
                });
                open.push(o.headings.len() - 1);
            }
            o.of_segment.push(open.last().copied());
        }
        o
    }

    /// The headings of a segment, outermost first.
    pub fn chain(&self, segment: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut h = self.of_segment.get(segment).copied().flatten();
        while let Some(k) = h {
            chain.push(k);
            h = self.headings[k].parent;
        }
        chain.reverse();
        chain
    }

    /// How deep a segment sits: the number of headings above it.
    pub fn depth(&self, segment: usize) -> usize {
        self.of_segment
            .get(segment)
            .copied()
            .flatten()
            .map_or(0, |h| self.headings[h].level + 1)
    }
}

#[derive(Debug, Clone)]
pub struct Tree {
    pub outline: Outline,
    /// Segments the user opened.
    expanded: Vec<bool>,
    /// The segment opened because it is being read.
    auto: Option<usize>,
    /// The segment reading was in at the last [`Tree::follow`].
    followed: Option<usize>,
    /// Headings the user closed.
    closed: Vec<bool>,
    pub selected: Node,
    /// First visible row.
    pub offset: usize,
    /// The visible rows, made when first asked for after a change of what
    /// is open: every frame and most keys ask, and making them walks every
    /// segment of the file.
    rows: RefCell<Option<Rc<Vec<Node>>>>,
}

impl Tree {
    pub fn new(p: &Proceedings) -> Tree {
        let outline = Outline::new(p);
        Tree {
            closed: vec![false; outline.headings.len()],
            outline,
            expanded: vec![false; p.segments.len()],
            auto: None,
            followed: None,
            selected: Node::Forum,
            offset: 0,
            rows: RefCell::new(None),
        }
    }

    /// What is open has changed: the rows are made again when next asked.
    fn changed(&mut self) {
        *self.rows.get_mut() = None;
    }

    pub fn is_expanded(&self, segment: usize) -> bool {
        self.expanded.get(segment).copied().unwrap_or(false) || self.auto == Some(segment)
    }

    pub fn is_open(&self, heading: usize) -> bool {
        !self.closed.get(heading).copied().unwrap_or(false)
    }

    /// Opens or closes a node as the user asks: the change stays.
    pub fn set_expanded(&mut self, node: Node, open: bool) {
        self.changed();
        match node {
            Node::Segment(i) => {
                if let Some(e) = self.expanded.get_mut(i) {
                    *e = open;
                }
                if !open && self.auto == Some(i) {
                    self.auto = None;
                }
            }
            Node::Heading(h) => {
                if let Some(c) = self.closed.get_mut(h) {
                    *c = !open;
                }
            }
            Node::Forum | Node::Speech(..) => {}
        }
    }

    pub fn is_node_expanded(&self, node: Node) -> bool {
        match node {
            Node::Segment(i) => self.is_expanded(i),
            Node::Heading(h) => self.is_open(h),
            Node::Forum => true,
            Node::Speech(..) => false,
        }
    }

    /// Closes every segment but `keep`.
    pub fn collapse_others(&mut self, keep: Option<usize>) {
        self.changed();
        for (i, e) in self.expanded.iter_mut().enumerate() {
            *e = Some(i) == keep && *e;
        }
        self.auto = keep;
    }

    /// Reading is now in `segment`: it opens by itself (with its headings),
    /// and the one that opened by itself before closes.
    /// Reading staying in the same segment changes nothing, so a segment
    /// the user closed while reading it stays closed.
    pub fn follow(&mut self, segment: Option<usize>) {
        if segment == self.followed {
            return;
        }
        self.changed();
        self.followed = segment;
        self.auto = segment.filter(|&i| !self.expanded.get(i).copied().unwrap_or(true));
        if let Some(i) = segment {
            for h in self.outline.chain(i) {
                self.closed[h] = false;
            }
        }
    }

    /// The visible rows, top to bottom (of `p`, the proceedings the tree
    /// was made for).
    pub fn rows(&self, p: &Proceedings) -> Rc<Vec<Node>> {
        if let Some(rows) = self.rows.borrow().as_ref() {
            return Rc::clone(rows);
        }
        let rows = Rc::new(self.make_rows(p));
        *self.rows.borrow_mut() = Some(Rc::clone(&rows));
        rows
    }

    fn make_rows(&self, p: &Proceedings) -> Vec<Node> {
        let mut rows = vec![Node::Forum];
        let mut next_heading = 0;
        for (i, seg) in p.segments.iter().enumerate() {
            while let Some(h) = self.outline.headings.get(next_heading)
                && h.first == i
            {
                if self.ancestors_open(h.parent) {
                    rows.push(Node::Heading(next_heading));
                }
                next_heading += 1;
            }
            if !self.ancestors_open(self.outline.of_segment[i]) {
                continue;
            }
            rows.push(Node::Segment(i));
            if self.is_expanded(i) {
                rows.extend((0..seg.speeches.len()).map(|j| Node::Speech(i, j)));
            }
        }
        rows
    }

    /// Whether a heading and all above it are open.
    fn ancestors_open(&self, mut h: Option<usize>) -> bool {
        while let Some(k) = h {
            if !self.is_open(k) {
                return false;
            }
            h = self.outline.headings[k].parent;
        }
        true
    }

    /// The node one level up.
    pub fn parent(&self, node: Node) -> Node {
        match node {
            Node::Forum => Node::Forum,
            Node::Speech(i, _) => Node::Segment(i),
            Node::Segment(i) => self.outline.of_segment[i].map_or(Node::Forum, Node::Heading),
            Node::Heading(h) => self.outline.headings[h]
                .parent
                .map_or(Node::Forum, Node::Heading),
        }
    }

    /// Keeps the selected row within a viewport of `height` rows.
    pub fn scroll_to_selection(&mut self, rows: &[Node], height: usize) {
        let height = height.max(1);
        let at = rows.iter().position(|n| *n == self.selected).unwrap_or(0);
        if at < self.offset {
            self.offset = at;
        } else if at >= self.offset + height {
            self.offset = at + 1 - height;
        }
        self.offset = self.offset.min(rows.len().saturating_sub(height));
    }
}
