//! The jump palette's candidates: every speaker and every segment, ranked
//! against what is typed with [`text::pinyin`]. A speaker matches on name,
//! organisations, positions and the roles of their turns (主席), a segment
//! on its title and topic, in either script and by pinyin.
//!
//! [`text::pinyin`]: crate::text::pinyin

use crate::model::{Proceedings, SpeakerIdx};
use crate::text::pinyin::{Candidate, Query, Score};

/// What a palette row opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Speaker(SpeakerIdx),
    Segment(usize),
}

/// One row of the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub target: Target,
    /// The best score over the candidate's fields; `None` when the query
    /// is empty (every candidate, in programme order).
    pub score: Option<Score>,
    /// The match was on the name (a speaker's name, a segment's title)
    /// rather than another field.
    pub by_name: bool,
    /// A speaker's number of turns; a segment's number of turns.
    pub turns: usize,
    /// The first turn: a speaker's first `(segment, turn)` in programme
    /// order (`None` for a speaker who never speaks); `(segment, 0)` for a
    /// segment.
    pub first: Option<(usize, usize)>,
}

#[derive(Debug, Clone)]
struct Item {
    target: Target,
    /// Programme order: a segment sorts before its own first turn's
    /// speaker, speakers who never speak after everything.
    order: (usize, usize, usize),
    turns: usize,
    first: Option<(usize, usize)>,
    /// The name first, then the other fields.
    fields: Vec<Candidate>,
}

/// Every speaker and segment of a file, cut into units once so that
/// ranking on each key press costs only the matching.
#[derive(Debug, Clone)]
pub struct Palette {
    items: Vec<Item>,
}

impl Palette {
    pub fn new(p: &Proceedings) -> Palette {
        let mut turns = vec![0usize; p.speakers.len()];
        let mut first = vec![None; p.speakers.len()];
        let mut roles: Vec<Vec<&str>> = vec![Vec::new(); p.speakers.len()];
        for (s, seg) in p.segments.iter().enumerate() {
            for (k, speech) in seg.speeches.iter().enumerate() {
                if let Some(who) = speech.speaker {
                    turns[who.0] += 1;
                    first[who.0].get_or_insert((s, k));
                    if let Some(role) = speech.role.as_deref()
                        && !roles[who.0].contains(&role)
                    {
                        roles[who.0].push(role);
                    }
                }
            }
        }
        let mut items = Vec::with_capacity(p.speakers.len() + p.segments.len());
        for (s, seg) in p.segments.iter().enumerate() {
            let mut fields = vec![Candidate::new(&seg.title)];
            fields.extend(seg.topic.as_deref().map(Candidate::new));
            items.push(Item {
                target: Target::Segment(s),
                order: (s, 0, 0),
                turns: seg.speeches.len(),
                first: Some((s, 0)),
                fields,
            });
        }
        for (i, speaker) in p.speakers.iter().enumerate() {
            let mut fields = vec![Candidate::new(&speaker.name)];
            for a in &speaker.affiliations {
                for text in [&a.organization, &a.position].into_iter().flatten() {
                    fields.push(Candidate::new(text));
                }
            }
            fields.extend(roles[i].iter().map(|r| Candidate::new(r)));
            let order = first[i].map_or((usize::MAX, i, 0), |(s, k)| (s, k + 1, 0));
            items.push(Item {
                target: Target::Speaker(SpeakerIdx(i)),
                order,
                turns: turns[i],
                first: first[i],
                fields,
            });
        }
        Palette { items }
    }

    /// The candidates `query` matches, best first: by score (exact, then
    /// prefix, contains, fuzzy), a match on the name before one on another
    /// field, ties in programme order. An empty query lists everything in
    /// programme order.
    pub fn rank(&self, query: &str) -> Vec<Entry> {
        let entry = |item: &Item, score, by_name| Entry {
            target: item.target,
            score,
            by_name,
            turns: item.turns,
            first: item.first,
        };
        let mut out: Vec<(Entry, (usize, usize, usize))> = match Query::new(query) {
            None => self
                .items
                .iter()
                .map(|item| (entry(item, None, true), item.order))
                .collect(),
            Some(q) => self
                .items
                .iter()
                .filter_map(|item| {
                    let (score, by_name) = item
                        .fields
                        .iter()
                        .enumerate()
                        .filter_map(|(f, c)| Some((c.rank(&q)?, f == 0)))
                        .max()?;
                    Some((entry(item, Some(score), by_name), item.order))
                })
                .collect(),
        };
        out.sort_by(|(a, ao), (b, bo)| {
            (b.score, b.by_name)
                .cmp(&(a.score, a.by_name))
                .then(ao.cmp(bo))
        });
        out.into_iter().map(|(e, _)| e).collect()
    }
}
