//! Search in the text pane: the query, its matches in the page's text (not
//! in the wrapped lines, so a match split across two lines is one match),
//! and which match is current.

use std::ops::Range;

use super::reader::Anchor;
use crate::doc::Doc;
use crate::text;

/// One match: a byte range in one paragraph or list item of a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub piece: usize,
    pub item: usize,
    pub range: Range<usize>,
}

impl Hit {
    pub fn anchor(&self) -> Anchor {
        Anchor {
            piece: self.piece,
            item: self.item,
            offset: self.range.start,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// The prompt is open in the status line.
    pub typing: bool,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
    /// Where reading was when the prompt opened; Esc returns there.
    pub origin: Option<Anchor>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Finds every match of the query in the doc.
    pub fn run(&mut self, doc: &Doc) {
        self.hits.clear();
        self.current = None;
        if self.query.is_empty() {
            return;
        }
        for (p, piece) in doc.pieces.iter().enumerate() {
            for (i, item) in piece.items().iter().enumerate() {
                self.hits.extend(
                    text::search::find_matches(item, &self.query)
                        .into_iter()
                        .map(|range| Hit {
                            piece: p,
                            item: i,
                            range,
                        }),
                );
            }
        }
    }

    /// The first match at or after an anchor, wrapping to the first match.
    pub fn first_from(&self, at: Anchor) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        Some(self.hits.partition_point(|h| h.anchor() < at) % self.hits.len())
    }

    /// The matches that fall in a line's byte range of one item.
    pub fn in_line<'a>(
        &'a self,
        piece: usize,
        item: usize,
        range: &'a Range<usize>,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
        let start = self
            .hits
            .partition_point(|h| (h.piece, h.item, h.range.end) <= (piece, item, range.start));
        self.hits[start..]
            .iter()
            .enumerate()
            .take_while(move |(_, h)| (h.piece, h.item, h.range.start) < (piece, item, range.end))
            .map(move |(k, h)| {
                (
                    start + k,
                    h.range.start.max(range.start)..h.range.end.min(range.end),
                )
            })
    }
}

impl super::State {
    pub(super) fn search_start(&mut self) {
        self.forum_nav = None;
        self.search = Search {
            typing: true,
            origin: Some(self.reader.anchor()),
            ..Search::default()
        };
    }

    /// Runs the query as it is typed: highlights every match and shows the
    /// first one at or after where reading was.
    pub(super) fn search_update(&mut self) {
        let origin = self.search.origin.unwrap_or(self.reader.anchor());
        self.reader.go_to(origin);
        self.search.run(&self.reader.doc);
        let from = self.reader.anchor();
        self.search.current = self.search.first_from(from);
        self.show_current();
    }

    pub(super) fn search_accept(&mut self) {
        self.search.typing = false;
        self.search.origin = None;
        if self.search.query.is_empty() {
            self.search = Search::default();
        } else if self.search.hits.is_empty() {
            self.complain(format!("no match for {}", self.search.query));
        }
    }

    pub(super) fn search_cancel(&mut self) {
        if let Some(origin) = self.search.origin {
            self.reader.go_to(origin);
        }
        self.search = Search::default();
    }

    /// `n` / `N`: the next or previous match, wrapping around with a remark.
    pub(super) fn search_step(&mut self, forward: bool) {
        if self.forum_nav.is_some() {
            self.forum_step(forward);
            return;
        }
        if !self.search.is_active() {
            self.complain("no search: press / to search");
            return;
        }
        let n = self.search.hits.len();
        if n == 0 {
            self.complain(format!("no match for {}", self.search.query));
            return;
        }
        let next = match self.search.current {
            None => self.search.first_from(self.reader.anchor()).unwrap_or(0),
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
        };
        let wrapped = match self.search.current {
            Some(c) => (forward && next <= c) || (!forward && next >= c),
            None => false,
        };
        self.search.current = Some(next);
        self.show_current();
        if wrapped {
            let (end, from) = if forward {
                ("bottom", "top")
            } else {
                ("top", "bottom")
            };
            self.say(format!("search hit {end}, continuing at {from}"));
        }
    }

    fn show_current(&mut self) {
        if let Some(hit) = self.search.current.and_then(|c| self.search.hits.get(c)) {
            self.turn_hint = None;
            self.reader.show(hit.anchor());
        }
    }
}
