//! Moving within the panes: the tree's selection (open, expand, collapse),
//! scrolling the text, and the mouse.

use super::{Focus, Node, Page, State};

impl State {
    pub(super) fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => self.move_selection(delta),
            Focus::Text => self.scroll(delta),
        }
    }

    /// Scrolls the text; the turn on top is the current one again.
    pub(super) fn scroll(&mut self, delta: isize) {
        self.turn_hint = None;
        self.reader.scroll_by(delta);
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = self.tree.rows(&self.p);
        let at = rows
            .iter()
            .position(|n| *n == self.tree.selected)
            .unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(rows.len() - 1);
        self.tree.selected = rows[to];
    }

    /// A screenful of the text, keeping two lines of context.
    fn text_page(&self) -> isize {
        self.text_height().saturating_sub(2).max(1) as isize
    }

    pub(super) fn page(&mut self, dir: isize, divisor: usize) {
        match self.focus {
            Focus::Tree => {
                let n = (self.tree_height() / divisor).max(1);
                self.move_selection(dir * n as isize);
            }
            Focus::Text if divisor == 1 => self.scroll(dir * self.text_page()),
            Focus::Text => {
                let n = (self.text_height() / divisor).max(1);
                self.scroll(dir * n as isize);
            }
        }
    }

    /// Space and `b`: a page of text; at the end of a segment's page the
    /// next segment opens at its top, at the top of one the previous
    /// segment opens at its end.
    pub(super) fn read_on(&mut self, forward: bool) {
        let count = self.p.segments.len();
        if forward && self.reader.at_end() {
            let next = match self.reader.page {
                Page::Forum => 0,
                Page::Segment(i) => i + 1,
                Page::Speaker(_) => {
                    self.say("the end of this speaker's turns");
                    return;
                }
            };
            if next < count {
                self.open(Node::Segment(next));
                let title = &self.p.segments[next].title;
                self.say(format!("segment {}/{count}: {title}", next + 1));
            } else {
                self.say("end of the programme");
            }
        } else if !forward && self.reader.at_top() {
            match self.reader.page {
                Page::Forum => self.say("start of the programme"),
                Page::Speaker(_) => self.say("the top of this speaker's page"),
                Page::Segment(0) => {
                    self.open(Node::Forum);
                    self.reader.scroll_to_bottom();
                    self.say("the forum overview");
                }
                Page::Segment(i) => {
                    self.open(Node::Segment(i - 1));
                    self.reader.scroll_to_bottom();
                    let title = &self.p.segments[i - 1].title;
                    self.say(format!("segment {i}/{count}: {title}"));
                }
            }
        } else {
            let n = self.text_page();
            self.scroll(if forward { n } else { -n });
        }
    }

    pub(super) fn ends(&mut self, bottom: bool) {
        match self.focus {
            Focus::Tree => {
                let rows = self.tree.rows(&self.p);
                self.tree.selected = if bottom {
                    rows[rows.len() - 1]
                } else {
                    Node::Forum
                };
            }
            Focus::Text => {
                self.turn_hint = None;
                if bottom {
                    self.reader.scroll_to_bottom();
                } else {
                    self.reader.scroll_to_top();
                }
            }
        }
    }

    /// Enter: opens the selected forum, segment or turn; on a heading,
    /// opens it in the tree. Never closes anything.
    pub(super) fn open_selected(&mut self) {
        match self.tree.selected {
            node @ Node::Heading(_) => self.tree.set_expanded(node, true),
            node => self.open(node),
        }
    }

    /// `l`: opens a closed segment or heading in the tree (and keeps it
    /// open); on an open one, selects its first row; on a turn, opens it.
    pub(super) fn expand_selected(&mut self) {
        let node = self.tree.selected;
        match node {
            Node::Speech(..) | Node::Forum => self.open(node),
            _ if !self.tree.is_node_expanded(node) => self.tree.set_expanded(node, true),
            _ => {
                let rows = self.tree.rows(&self.p);
                if let Some(at) = rows.iter().position(|n| *n == node)
                    && let Some(&child) = rows.get(at + 1)
                    && self.tree.parent(child) == node
                {
                    self.tree.selected = child;
                }
            }
        }
    }

    /// `h`: closes an open segment or heading, else selects the parent.
    pub(super) fn collapse(&mut self) {
        let node = self.tree.selected;
        match node {
            Node::Segment(_) | Node::Heading(_) if self.tree.is_node_expanded(node) => {
                self.tree.set_expanded(node, false);
            }
            _ => self.tree.selected = self.tree.parent(node),
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some(g) = self.geometry() else { return };
        if g.tree.contains(x, y) {
            let rows = self.tree.rows(&self.p);
            if let Some(node) = rows
                .get(self.tree.offset + usize::from(y - g.tree.y))
                .copied()
            {
                self.focus = Focus::Tree;
                self.tree.selected = node;
                self.open_selected();
            }
        } else if g.text.contains(x, y) || g.text_header.contains(x, y) {
            self.focus = Focus::Text;
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let Some(g) = self.geometry() else { return };
        if g.tree.contains(x, y) {
            self.move_selection(isize::from(delta));
        } else if x > g.separator.x || !self.show_tree {
            self.scroll(isize::from(delta));
        }
    }
}
