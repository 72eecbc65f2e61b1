//! Moving through the programme: turn by turn (across segments), segment by
//! segment, roundtable by roundtable, from wherever reading is.

use super::{Anchor, Node, Page, State};

impl State {
    /// The turns of segment `i`, as tree nodes.
    fn turns_of(&self, i: usize) -> usize {
        self.p.segments.get(i).map_or(0, |s| s.speeches.len())
    }

    /// The first segment from `from` on (or, backwards, before `from`) that
    /// has turns.
    fn segment_with_turns(&self, from: usize, forward: bool) -> Option<usize> {
        if forward {
            (from..self.p.segments.len()).find(|&i| self.turns_of(i) > 0)
        } else {
            (0..from.min(self.p.segments.len()))
                .rev()
                .find(|&i| self.turns_of(i) > 0)
        }
    }

    /// `]`: the next turn's speaker line on top; past a segment's last turn,
    /// the next segment's first.
    pub(super) fn next_turn(&mut self) {
        if self.reader.page == Page::Forum {
            match self.segment_with_turns(0, true) {
                Some(i) => self.open(Node::Speech(i, 0)),
                None => self.say("there is no turn in this programme"),
            }
            return;
        }
        let doc = &self.reader.doc;
        let next = match self.turn_hint {
            Some(k) => k + 1,
            None => doc
                .turns
                .partition_point(|t| t.piece <= self.reader.top_piece()),
        };
        if next < doc.turns.len() {
            self.show_turn(next);
            return;
        }
        let after = match self.reader.page {
            Page::Segment(i) => self.segment_with_turns(i + 1, true),
            Page::Forum | Page::Speaker(_) => None,
        };
        match after {
            Some(n) => self.open(Node::Speech(n, 0)),
            None => self.say("this is the last turn"),
        }
    }

    /// `[`: back to the start of the current turn, or the previous turn;
    /// before a segment's first turn, the previous segment's last.
    pub(super) fn prev_turn(&mut self) {
        let doc = &self.reader.doc;
        let at_start = |k: usize| self.reader.anchor() == Anchor::piece(doc.turns[k].piece);
        let prev = match self.current_turn() {
            Some(k) if self.turn_hint.is_none() && !at_start(k) => Some(k),
            Some(k) => k.checked_sub(1),
            None => None,
        };
        if let Some(k) = prev {
            self.show_turn(k);
            return;
        }
        let before = match self.reader.page {
            Page::Segment(i) => self.segment_with_turns(i, false),
            Page::Forum | Page::Speaker(_) => None,
        };
        match before {
            Some(n) => self.open(Node::Speech(n, self.turns_of(n) - 1)),
            None => self.say("this is the first turn"),
        }
    }

    pub(super) fn next_segment(&mut self) {
        let next = self.here_segment().map_or(0, |i| i + 1);
        if next < self.p.segments.len() {
            self.open(Node::Segment(next));
        } else {
            self.say("this is the last segment");
        }
    }

    /// `{`: the top of this segment's page, or of the previous one.
    pub(super) fn prev_segment(&mut self) {
        match self.reader.page {
            Page::Segment(i) if !self.reader.at_top() => self.open(Node::Segment(i)),
            Page::Segment(0) => self.open(Node::Forum),
            Page::Segment(i) => self.open(Node::Segment(i - 1)),
            Page::Speaker(_) => match self.here_segment() {
                Some(i) => self.open(Node::Segment(i)),
                None => self.open(Node::Forum),
            },
            Page::Forum => self.say("this is the start of the programme"),
        }
    }

    /// The next (or previous) roundtable after the reading position,
    /// wrapping around the programme.
    pub(super) fn roundtable(&mut self, forward: bool) {
        let rounds: Vec<usize> = self
            .p
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
        let here = self.here_segment();
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
        let count = self.p.segments.len();
        if (1..=count).contains(&n) {
            self.open(Node::Segment(n - 1));
        } else {
            self.complain(format!(
                "there is no segment {n} (the programme has {})",
                count_of(count, "segment")
            ));
        }
    }
}

/// `1 segment`, `3 segments`: a count that agrees in number.
pub fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
