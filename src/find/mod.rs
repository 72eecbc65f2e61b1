//! Finding anything in a whole proceedings file: the forum-wide search
//! (every paragraph, list item and note of every turn, speech titles,
//! segment titles, topics and descriptions, the forum summary), snippets
//! of a hit's line for a results list, the jump palette's candidates, and
//! the document's script. Pure: no terminal, no application state.
//!
//! Matching is [`text::search::Matcher`]'s rule (smart case, full-width
//! equal to ASCII, 繁 equal to 简). Hits come in programme order: the
//! forum summary, then each segment's title, topic and description and its
//! turns in order.
//!
//! A search of a 100 MB file takes long enough to be felt, so
//! [`ForumSearch`] runs in steps: [`ForumSearch::step`] scans about a
//! given number of bytes and returns, keeping its place, so the caller can
//! draw between steps and show the first hits at once.
//!
//! [`text::search::Matcher`]: crate::text::search::Matcher

use std::ops::Range;

use crate::model::{Block, Proceedings, SpeakerIdx, Text};
use crate::text::search::Matcher;

mod palette;
mod script;
mod snippet;

pub use palette::{Entry, Palette, Target};
pub use script::{convert_proceedings, document_script, shown_in};
pub use snippet::{Snippet, snippet};

/// Which text of a place a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A block of the forum summary.
    Summary,
    /// A segment's title.
    Title,
    /// A segment's topic.
    Topic,
    /// A block of a segment's description.
    Description,
    /// The title of an unattributed turn.
    SpeechTitle,
    /// A block of a turn: paragraph, list item or note.
    Body,
}

/// Where a hit is. Ordered as the programme reads (`Ord` is programme
/// order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The segment; `None` for the forum summary.
    pub segment: Option<usize>,
    /// The turn within the segment; `None` outside turns.
    pub speech: Option<usize>,
    pub field: Field,
    /// The block within the summary, description or turn; 0 for a title
    /// or topic.
    pub block: usize,
    /// The item within a list block.
    pub item: Option<usize>,
}

impl Place {
    /// The text this place names, or `None` if `p` has no such place.
    pub fn text<'a>(&self, p: &'a Proceedings) -> Option<&'a str> {
        let block_text = |blocks: &'a [Block]| block_line(blocks.get(self.block)?, self.item);
        let Some(s) = self.segment else {
            return block_text(&p.forum.summary);
        };
        let segment = p.segments.get(s)?;
        match (self.field, self.speech) {
            (Field::Title, _) => Some(&segment.title),
            (Field::Topic, _) => segment.topic.as_deref(),
            (Field::Description, _) => block_text(&segment.description),
            (Field::SpeechTitle, Some(k)) => segment.speeches.get(k)?.title.as_deref(),
            (Field::Body, Some(k)) => block_text(&segment.speeches.get(k)?.paragraphs),
            _ => None,
        }
    }
}

/// The text of one line of a block: a paragraph or a note, or item `item`
/// of a list.
fn block_line(block: &Block, item: Option<usize>) -> Option<&str> {
    match (block, item) {
        (Block::Paragraph(t) | Block::Note(t), None) => Some(t),
        (Block::List { items, .. }, Some(i)) => items.get(i).map(Text::as_str),
        _ => None,
    }
}

/// One match: where, and its byte range in that place's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub place: Place,
    pub range: Range<usize>,
    /// The speaker of the turn the hit is in, if it is in an attributed turn.
    pub speaker: Option<SpeakerIdx>,
}

/// Calls `f` with every searchable text of `blocks` and its place.
fn each_block<'a>(blocks: &'a [Block], at: Place, f: &mut impl FnMut(Place, &'a str)) {
    for (b, block) in blocks.iter().enumerate() {
        let place = Place { block: b, ..at };
        match block {
            Block::Paragraph(t) | Block::Note(t) => f(place, t),
            Block::List { items, .. } => {
                for (i, t) in items.iter().enumerate() {
                    f(
                        Place {
                            item: Some(i),
                            ..place
                        },
                        t,
                    );
                }
            }
        }
    }
}

/// A unit of scanning: the summary, a segment's head, or one turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Summary,
    Head(usize),
    Speech(usize, usize),
    Done,
}

impl Part {
    /// The part after this one in `p`.
    fn next(self, p: &Proceedings) -> Part {
        let first_of = |s: usize| {
            if s < p.segments.len() {
                Part::Head(s)
            } else {
                Part::Done
            }
        };
        match self {
            Part::Summary => first_of(0),
            Part::Head(s) if !p.segments[s].speeches.is_empty() => Part::Speech(s, 0),
            Part::Head(s) => first_of(s + 1),
            Part::Speech(s, k) if k + 1 < p.segments[s].speeches.len() => Part::Speech(s, k + 1),
            Part::Speech(s, _) => first_of(s + 1),
            Part::Done => Part::Done,
        }
    }

    /// Calls `f` with every text of this part, in order; returns the
    /// speaker of a turn.
    fn each<'a>(
        self,
        p: &'a Proceedings,
        f: &mut impl FnMut(Place, &'a str),
    ) -> Option<SpeakerIdx> {
        let at = |segment, speech, field| Place {
            segment,
            speech,
            field,
            block: 0,
            item: None,
        };
        match self {
            Part::Summary => each_block(&p.forum.summary, at(None, None, Field::Summary), f),
            Part::Head(s) => {
                let seg = &p.segments[s];
                f(at(Some(s), None, Field::Title), &seg.title);
                if let Some(topic) = &seg.topic {
                    f(at(Some(s), None, Field::Topic), topic);
                }
                each_block(&seg.description, at(Some(s), None, Field::Description), f);
            }
            Part::Speech(s, k) => {
                let speech = &p.segments[s].speeches[k];
                if let Some(title) = &speech.title {
                    f(at(Some(s), Some(k), Field::SpeechTitle), title);
                }
                each_block(&speech.paragraphs, at(Some(s), Some(k), Field::Body), f);
                return speech.speaker;
            }
            Part::Done => {}
        }
        None
    }
}

/// A forum-wide search in progress, or finished.
///
/// ```
/// use forum_tui::find::ForumSearch;
/// # let p = forum_tui::model::load_bytes("x", forum_tui::DEFAULT_PROCEEDINGS.as_bytes()).unwrap().proceedings;
/// let mut search = ForumSearch::new("质量").unwrap();
/// while !search.step(&p, 64 * 1024) {
///     // draw the hits so far: search.hits()
/// }
/// assert!(search.total() > 0);
/// ```
#[derive(Debug, Clone)]
pub struct ForumSearch {
    matcher: Matcher,
    next: Part,
    hits: Vec<Hit>,
    /// Hits per speaker, indexed by [`SpeakerIdx`]; grows as needed.
    per_speaker: Vec<usize>,
    scanned: usize,
}

impl ForumSearch {
    /// A search for `query`, not yet started; `None` for an empty query.
    pub fn new(query: &str) -> Option<ForumSearch> {
        Some(ForumSearch {
            matcher: Matcher::new(query)?,
            next: Part::Summary,
            hits: Vec::new(),
            per_speaker: Vec::new(),
            scanned: 0,
        })
    }

    /// Scans on from where the last step stopped until about `budget`
    /// bytes of text were read (always at least one part: the summary, a
    /// segment's head or one turn), and says whether the search is done.
    /// `p` must be the same proceedings on every step.
    pub fn step(&mut self, p: &Proceedings, budget: usize) -> bool {
        let mut read = 0;
        while self.next != Part::Done {
            let part = self.next;
            self.next = part.next(p);
            let first = self.hits.len();
            let (matcher, hits) = (&self.matcher, &mut self.hits);
            let speaker = part.each(p, &mut |place, text| {
                read += text.len();
                matcher.for_each(text, |range| {
                    hits.push(Hit {
                        place,
                        range,
                        speaker: None,
                    });
                });
            });
            if let Some(who) = speaker {
                for hit in &mut self.hits[first..] {
                    hit.speaker = Some(who);
                }
                if self.per_speaker.len() <= who.0 {
                    self.per_speaker.resize(who.0 + 1, 0);
                }
                self.per_speaker[who.0] += self.hits.len() - first;
            }
            if read >= budget {
                break;
            }
        }
        self.scanned += read;
        self.is_done()
    }

    /// Runs the search to its end.
    pub fn finish(&mut self, p: &Proceedings) {
        while !self.step(p, usize::MAX) {}
    }

    pub fn is_done(&self) -> bool {
        self.next == Part::Done
    }

    /// The hits found so far, in programme order.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The number of hits found so far.
    pub fn total(&self) -> usize {
        self.hits.len()
    }

    /// Bytes of text scanned so far (for a progress display).
    pub fn scanned(&self) -> usize {
        self.scanned
    }

    /// The segment the search will scan next (`None` when done), for a
    /// progress display such as `segment 12/44`.
    pub fn next_segment(&self) -> Option<usize> {
        match self.next {
            Part::Summary => Some(0),
            Part::Head(s) | Part::Speech(s, _) => Some(s),
            Part::Done => None,
        }
    }

    /// The first hit after byte `offset` of `place`'s text, in programme
    /// order (for `n` from where reading is); `None` past the last hit.
    pub fn next_after(&self, place: Place, offset: usize) -> Option<usize> {
        let i = self
            .hits
            .partition_point(|h| (h.place, h.range.start) <= (place, offset));
        (i < self.hits.len()).then_some(i)
    }

    /// The last hit before byte `offset` of `place`'s text (for `N`);
    /// `None` before the first hit.
    pub fn prev_before(&self, place: Place, offset: usize) -> Option<usize> {
        let i = self
            .hits
            .partition_point(|h| (h.place, h.range.start) < (place, offset));
        i.checked_sub(1)
    }

    /// Speakers with hits so far and their counts: most hits first, ties
    /// by speaker index (the order of the file's speaker list).
    pub fn per_speaker(&self) -> Vec<(SpeakerIdx, usize)> {
        let mut counts: Vec<(SpeakerIdx, usize)> = self
            .per_speaker
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(i, &n)| (SpeakerIdx(i), n))
            .collect();
        counts.sort_by_key(|&(who, n)| (std::cmp::Reverse(n), who));
        counts
    }
}

/// Every text the search covers, in programme order, one line (a
/// paragraph, list item, note, title or topic) at a time, lazily.
pub fn texts(p: &Proceedings) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(Part::Summary), move |part| {
        Some(part.next(p)).filter(|&n| n != Part::Done)
    })
    .flat_map(move |part| {
        let mut lines = Vec::new();
        part.each(p, &mut |_, text| lines.push(text));
        lines
    })
}

/// Every hit of `query` in `p`, searched at once (for a small file, a test,
/// or `--dump`); `None` for an empty query.
pub fn search_all(p: &Proceedings, query: &str) -> Option<ForumSearch> {
    let mut search = ForumSearch::new(query)?;
    search.finish(p);
    Some(search)
}

/// The number of hits [`search_all`] would find, counted without keeping
/// them (`--count`: a common word in a large file has millions of hits,
/// each a [`Hit`] of several words); `None` for an empty query.
pub fn count_all(p: &Proceedings, query: &str) -> Option<usize> {
    let matcher = Matcher::new(query)?;
    Some(texts(p).map(|t| matcher.count(t)).sum())
}

#[cfg(test)]
mod tests;
