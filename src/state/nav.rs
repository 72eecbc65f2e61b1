//! Moving through the programme: speech by speech, segment by segment,
//! roundtable by roundtable, from wherever reading is.

use super::{Node, State};

impl State {
    /// Every speech in programme order.
    fn speeches(&self) -> impl DoubleEndedIterator<Item = Node> + '_ {
        self.proceedings()
            .segments
            .iter()
            .enumerate()
            .flat_map(|(i, s)| (0..s.speeches.len()).map(move |j| Node::Speech(i, j)))
    }

    pub(super) fn next_speech(&mut self) {
        let here = self.reader.node;
        // Node's order is programme order: a segment sorts before its
        // speeches, the forum before everything.
        let next = self.speeches().find(|n| *n > here);
        match next {
            Some(n) => self.open(n),
            None => self.say("this is the last speech"),
        }
    }

    pub(super) fn prev_speech(&mut self) {
        let here = self.reader.node;
        let prev = self.speeches().rev().find(|n| *n < here);
        match prev {
            Some(n) => self.open(n),
            None => self.say("this is the first speech"),
        }
    }

    pub(super) fn next_segment(&mut self) {
        let next = match self.reader.node {
            Node::Forum => 0,
            Node::Segment(i) | Node::Speech(i, _) => i + 1,
        };
        if next < self.proceedings().segments.len() {
            self.open(Node::Segment(next));
        } else {
            self.say("this is the last segment");
        }
    }

    /// From a speech, its own segment; from a segment, the one before.
    pub(super) fn prev_segment(&mut self) {
        match self.reader.node {
            Node::Speech(i, _) => self.open(Node::Segment(i)),
            Node::Segment(i) if i > 0 => self.open(Node::Segment(i - 1)),
            Node::Segment(_) => self.open(Node::Forum),
            Node::Forum => self.say("this is the start of the programme"),
        }
    }

    /// The next (or previous) roundtable after the reading position,
    /// wrapping around the programme.
    pub(super) fn roundtable(&mut self, forward: bool) {
        let rounds: Vec<usize> = self
            .proceedings()
            .segments
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind.is_roundtable())
            .map(|(i, _)| i)
            .collect();
        let (Some(&first), Some(&last)) = (rounds.first(), rounds.last()) else {
            self.say("there is no roundtable in this programme");
            return;
        };
        let here = self.reader.node.segment();
        let target = if forward {
            let after = rounds.iter().copied().find(|&i| here.is_none_or(|h| i > h));
            after.ok_or(first)
        } else {
            let before = rounds
                .iter()
                .copied()
                .rev()
                .find(|&i| here.is_some_and(|h| i < h));
            before.ok_or(last)
        };
        match target {
            Ok(i) => self.open(Node::Segment(i)),
            Err(i) => {
                self.open(Node::Segment(i));
                let end = if forward { "first" } else { "last" };
                self.say(format!("wrapped around to the {end} roundtable"));
            }
        }
    }

    pub(super) fn goto_segment(&mut self, n: usize) {
        let count = self.proceedings().segments.len();
        if (1..=count).contains(&n) {
            self.open(Node::Segment(n - 1));
        } else {
            self.complain(format!(
                "there is no segment {n} (the programme has {count})"
            ));
        }
    }
}
