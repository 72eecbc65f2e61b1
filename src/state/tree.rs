//! The programme tree: which segments are expanded, which row is selected,
//! and the scroll offset that keeps the selection visible.

use crate::model::Proceedings;

/// An item of the programme: the forum, a segment, or a speech in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Forum,
    Segment(usize),
    Speech(usize, usize),
}

/// Programme order: the forum first, then each segment followed by its
/// speeches.
impl Ord for Node {
    fn cmp(&self, other: &Node) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Node {
    fn partial_cmp(&self, other: &Node) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Node {
    fn key(self) -> (usize, usize) {
        match self {
            Node::Forum => (0, 0),
            Node::Segment(i) => (i + 1, 0),
            Node::Speech(i, j) => (i + 1, j + 1),
        }
    }

    /// The segment the node belongs to, if any.
    pub fn segment(self) -> Option<usize> {
        match self {
            Node::Forum => None,
            Node::Segment(i) | Node::Speech(i, _) => Some(i),
        }
    }
}

/// Files with more speeches than this open with their segments collapsed, so
/// the tree starts as a readable table of contents.
const EXPAND_ALL_UP_TO: usize = 200;

#[derive(Debug, Clone)]
pub struct Tree {
    expanded: Vec<bool>,
    pub selected: Node,
    /// First visible row.
    pub offset: usize,
}

impl Tree {
    pub fn new(p: &Proceedings) -> Tree {
        let speeches: usize = p.segments.iter().map(|s| s.speeches.len()).sum();
        Tree {
            expanded: vec![speeches <= EXPAND_ALL_UP_TO; p.segments.len()],
            selected: Node::Forum,
            offset: 0,
        }
    }

    pub fn is_expanded(&self, segment: usize) -> bool {
        self.expanded.get(segment).copied().unwrap_or(false)
    }

    pub fn set_expanded(&mut self, segment: usize, open: bool) {
        if let Some(e) = self.expanded.get_mut(segment) {
            *e = open;
        }
    }

    /// The visible rows, top to bottom.
    pub fn rows(&self, p: &Proceedings) -> Vec<Node> {
        let mut rows = vec![Node::Forum];
        for (i, seg) in p.segments.iter().enumerate() {
            rows.push(Node::Segment(i));
            if self.is_expanded(i) {
                rows.extend((0..seg.speeches.len()).map(|j| Node::Speech(i, j)));
            }
        }
        rows
    }

    /// Selects a node, expanding its segment so the row exists.
    pub fn reveal(&mut self, node: Node) {
        if let Node::Speech(i, _) = node {
            self.set_expanded(i, true);
        }
        self.selected = node;
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
