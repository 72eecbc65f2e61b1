//! `f`: the forum-wide search. As the query is typed, every turn, note,
//! title, description and the summary are searched (in steps, so a large
//! file stays responsive: `Action::Work` carries the search on between
//! keys) and the hits are listed over the text pane, grouped by segment.
//! Enter opens a hit's page with the in-page search on the same query, and
//! from there `n` / `N` go on through the hits of the whole forum.

use super::{Anchor, Page, Place, Search, State};
use crate::find::{ForumSearch, Hit};

/// How many bytes of text one step of a search reads before the screen is
/// drawn again: a few milliseconds of matching.
const STEP_BYTES: usize = 4 << 20;

/// The results view while it is open.
#[derive(Debug, Clone)]
pub struct FindView {
    pub query: String,
    /// The query is being typed (the prompt is open).
    pub typing: bool,
    /// `None` while the query is empty.
    pub search: Option<ForumSearch>,
    /// The selected hit.
    pub selected: usize,
    /// The first hit shown.
    pub offset: usize,
    /// Where reading was when `f` was pressed; Esc returns there.
    origin: Place,
}

impl FindView {
    pub fn hits(&self) -> &[Hit] {
        self.search.as_ref().map_or(&[], ForumSearch::hits)
    }
}

/// After a hit is opened: `n` and `N` walk the forum's hits.
#[derive(Debug, Clone)]
pub struct ForumNav {
    pub search: ForumSearch,
    pub current: usize,
}

/// The rows from hit `from` through hit `to`: the hits and a heading
/// before the first and wherever the segment changes.
fn rows_through(hits: &[Hit], from: usize, to: usize) -> usize {
    let shown = &hits[from..=to.min(hits.len().saturating_sub(1))];
    let headings = 1 + shown
        .windows(2)
        .filter(|w| w[0].place.segment != w[1].place.segment)
        .count();
    shown.len() + headings
}

impl State {
    /// Whether a search has work left: the loop then asks for
    /// `Action::Work` when no key is waiting, instead of blocking.
    pub fn busy(&self) -> bool {
        let open = self.find.as_ref().and_then(|f| f.search.as_ref());
        let nav = self.forum_nav.as_ref().map(|n| &n.search);
        open.into_iter().chain(nav).any(|s| !s.is_done())
    }

    /// One step of whatever search is running.
    pub(super) fn work(&mut self) {
        let p = &self.p;
        if let Some(s) = self.find.as_mut().and_then(|f| f.search.as_mut()) {
            s.step(p, STEP_BYTES);
        } else if let Some(n) = self.forum_nav.as_mut() {
            n.search.step(p, STEP_BYTES);
        }
    }

    pub(super) fn find_start(&mut self) {
        let query = self
            .find
            .as_ref()
            .map(|f| f.query.clone())
            .unwrap_or_default();
        let origin = self
            .find
            .as_ref()
            .map_or_else(|| self.place(), |f| f.origin);
        self.find = Some(FindView {
            search: ForumSearch::new(&query),
            query,
            typing: true,
            selected: 0,
            offset: 0,
            origin,
        });
        self.work();
    }

    /// The query changed: search again from the start, and show the first
    /// screen of hits at once.
    pub(super) fn find_edit(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(f) = self.find.as_mut() else { return };
        edit(&mut f.query);
        f.search = ForumSearch::new(&f.query);
        f.selected = 0;
        f.offset = 0;
        self.work();
    }

    /// Enter in the prompt: keep the results and move through them.
    pub(super) fn find_accept(&mut self) {
        let Some(f) = self.find.as_mut() else { return };
        if f.query.is_empty() {
            self.find_close();
            return;
        }
        f.typing = false;
        if f.search
            .as_ref()
            .is_some_and(|s| s.is_done() && s.total() == 0)
        {
            let q = f.query.clone();
            self.complain(format!("no match for {q} in the whole forum"));
        }
    }

    /// Esc: the results close and reading is where it was.
    pub(super) fn find_close(&mut self) {
        if let Some(f) = self.find.take() {
            self.go_to_place(f.origin);
        }
    }

    /// Moves the selection in the results by `delta` (clamped).
    pub(super) fn find_move(&mut self, delta: isize) {
        if let Some(f) = self.find.as_mut() {
            let n = f.hits().len();
            f.selected = f
                .selected
                .saturating_add_signed(delta)
                .min(n.saturating_sub(1));
        }
        self.find_scroll();
    }

    pub(super) fn find_ends(&mut self, bottom: bool) {
        if let Some(f) = self.find.as_mut() {
            f.selected = if bottom {
                f.hits().len().saturating_sub(1)
            } else {
                0
            };
        }
        self.find_scroll();
    }

    /// Keeps the selected hit in the list's rows (the pane's height less
    /// the line of counts), headings counted.
    fn find_scroll(&mut self) {
        let height = self.text_height().saturating_sub(1).max(1);
        let Some(f) = self.find.as_mut() else { return };
        if f.hits().is_empty() {
            f.offset = 0;
        } else if f.selected < f.offset {
            f.offset = f.selected;
        } else if rows_through(f.hits(), f.offset, f.selected) > height {
            // Scrolled past: as many hits above the selected one as fit.
            f.offset = f.selected;
            while f.offset > 0 && rows_through(f.hits(), f.offset - 1, f.selected) <= height {
                f.offset -= 1;
            }
        }
    }

    /// Enter on a hit: its page, the match in view and current, and `n`
    /// `N` through the forum from there.
    pub(super) fn find_open(&mut self) {
        let Some(f) = self.find.take() else { return };
        let Some(search) = f.search else { return };
        if search.total() == 0 {
            self.find = Some(FindView {
                search: Some(search),
                ..f
            });
            self.complain("no hit to open");
            return;
        }
        let current = f.selected.min(search.total() - 1);
        self.search = Search {
            query: f.query,
            ..Search::default()
        };
        self.forum_nav = Some(ForumNav { search, current });
        self.show_forum_hit();
    }

    /// Shows the forum hit `forum_nav.current`.
    fn show_forum_hit(&mut self) {
        let Some(nav) = &self.forum_nav else { return };
        let hit = nav.search.hits()[nav.current].clone();
        let page = hit.place.segment.map_or(Page::Forum, Page::Segment);
        self.show_page(page, None);
        if self.search.hits.is_empty() {
            // A new query on the page already open.
            self.search.run(&self.reader.doc);
        }
        let at = hit.place.segment.zip(hit.place.speech);
        let Some((piece, base)) = self
            .reader
            .doc
            .piece_of(at, hit.place.field, hit.place.block)
        else {
            return;
        };
        let anchor = Anchor {
            piece,
            item: hit.place.item.unwrap_or(0),
            offset: base + hit.range.start,
        };
        self.search.current = self.search.hits.iter().position(|h| h.anchor() == anchor);
        self.reader.show(anchor);
    }

    /// `n` / `N` after a forum-wide search: the next or previous hit in the
    /// whole forum, wrapping around with a remark.
    pub(super) fn forum_step(&mut self, forward: bool) {
        let Some(nav) = self.forum_nav.as_mut() else {
            return;
        };
        let n = nav.search.total();
        let done = nav.search.is_done();
        let c = nav.current;
        let next = if forward {
            if c + 1 < n {
                c + 1
            } else if done {
                0
            } else {
                // Not searched that far yet: finish first.
                let p = &self.p;
                nav.search.finish(p);
                (c + 1).min(nav.search.total() - 1)
            }
        } else if c > 0 {
            c - 1
        } else {
            nav.search.finish(&self.p);
            nav.search.total() - 1
        };
        let wrapped = (forward && next <= c) || (!forward && next >= c);
        nav.current = next;
        self.show_forum_hit();
        if wrapped && n > 1 {
            let end = if forward { "end" } else { "start" };
            self.say(format!(
                "the forum's {end}: search continues at the other end"
            ));
        }
    }
}
