//! Akoma Ntoso debate records (OASIS LegalDocML, the import format of
//! SayIt), versions 2.0 and 3.0 or without a namespace: the preface gives
//! the forum, nested sections become segments with `parents`, `speech`,
//! `question` and `answer` become turns. See docs/import.md.

use super::akoma_meta::{References, forum, reference};
use super::build::{Builder, Turn};
use super::xml::{Element, collapse};
use crate::model::{Block, LoadError, LoadErrorKind, Loaded, SegmentKind, Text};

/// The document types that hold a debate.
const DEBATES: [&str; 3] = ["debate", "debateRecord", "debateReport"];
const TURNS: [&str; 3] = ["speech", "question", "answer"];
const NOTES: [&str; 4] = ["narrative", "scene", "summary", "other"];
/// Parts of a section's title, not of its content.
const HEADINGS: [&str; 3] = ["num", "heading", "subheading"];
/// Text blocks that may stand where sections and turns do.
const TEXT_BLOCKS: [&str; 6] = ["p", "ul", "ol", "blockList", "tblock", "table"];

pub(crate) fn import(name: &str, root: &Element) -> Result<Loaded, LoadError> {
    let Some(doc) = root.elements().find(|e| DEBATES.contains(&e.name.as_str())) else {
        let found = root
            .elements()
            .next()
            .map_or("nothing", |e| e.name.as_str());
        let m = format!(
            "this Akoma Ntoso document holds <{found}>, not a debate record \
             (<debate>, <debateRecord> or <debateReport>)"
        );
        return Err(LoadError::whole_file(LoadErrorKind::Invalid, name, &m));
    };
    let refs = References::new(doc);
    let mut d = Debate {
        b: Builder::new(),
        refs,
        sections: 0,
    };
    forum(&mut d.b, name, doc);
    let title = d.b.forum.title.clone();
    if let Some(body) = doc.child("debateBody") {
        d.section(body, &title, &[], true);
    }
    if !d.b.has_segments() {
        d.b.segment(SegmentKind::Other, &title, Vec::new());
    }
    Ok(d.b.finish())
}

#[derive(Debug)]
struct Debate {
    b: Builder,
    refs: References,
    /// Sections seen, to title those without a heading or a name.
    sections: usize,
}

impl Debate {
    /// Reads one section: its own turns and notes form a segment (a new
    /// one after each subsection), its subsections follow under its title.
    fn section(&mut self, s: &Element, title: &str, parents: &[String], is_body: bool) {
        let mut open: Option<Vec<&str>> = None;
        let mut made_any = false;
        let inner: Vec<String> = if is_body {
            parents.to_vec()
        } else {
            let mut p = parents.to_vec();
            p.push(title.to_owned());
            p
        };
        let mut children = Vec::new();
        ungrouped(s, &mut children);
        for e in children {
            let kind = e.name.as_str();
            if HEADINGS.contains(&kind) {
                continue;
            }
            let is_turn = TURNS.contains(&kind);
            if is_turn || NOTES.contains(&kind) || TEXT_BLOCKS.contains(&kind) {
                let turns = open.get_or_insert_with(|| {
                    self.b
                        .segment(section_kind(&s.name), title, parents.to_vec());
                    made_any = true;
                    Vec::new()
                });
                if is_turn {
                    turns.push(if kind == "speech" {
                        ""
                    } else {
                        e.name.as_str()
                    });
                    let turn = self.turn(e);
                    self.b.turn(turn, title);
                } else {
                    let turn = self.notes(e);
                    self.b.turn(turn, title);
                }
                continue;
            }
            if let Some(turns) = open.take() {
                self.close(&turns);
            }
            let sub = self.title(e);
            self.section(e, &sub, &inner, false);
            made_any = true;
        }
        match open {
            Some(turns) => self.close(&turns),
            // A section with a heading only (PRAYERS) is still a place in
            // the programme.
            None if !made_any && !is_body => {
                self.b
                    .segment(section_kind(&s.name), title, parents.to_vec());
            }
            None => {}
        }
    }

    /// A segment whose turns alternate question, answer, … is a roundtable.
    fn close(&mut self, turns: &[&str]) {
        let qa: Vec<&str> = turns.iter().copied().filter(|t| !t.is_empty()).collect();
        let alternates = qa.first() == Some(&"question")
            && qa.contains(&"answer")
            && qa.windows(2).all(|w| w[0] != w[1]);
        if alternates && let Some(segment) = self.b.current() {
            segment.kind = SegmentKind::Roundtable;
        }
    }

    fn title(&mut self, s: &Element) -> String {
        self.sections += 1;
        let heading: Vec<String> = s
            .elements()
            .filter(|e| HEADINGS.contains(&e.name.as_str()))
            .map(Element::clean_text)
            .filter(|t| !t.is_empty())
            .collect();
        if !heading.is_empty() {
            return heading.join(" ");
        }
        if let Some(name) = s.attr("name").map(collapse).filter(|n| !n.is_empty()) {
            return name;
        }
        if s.name != "debateSection" {
            return s.name.clone();
        }
        format!("Section {}", self.sections)
    }

    fn turn(&mut self, e: &Element) -> Turn {
        let from = e
            .child("from")
            .map(Element::clean_text)
            .filter(|t| !t.is_empty());
        let by = e.attr("by").map(reference).filter(|r| !r.is_empty());
        let org = by.and_then(|id| self.refs.organizations.get(id)).is_some();
        let person = by.and_then(|id| {
            let refs = &self.refs;
            Some((
                id,
                refs.persons.get(id).or(refs.organizations.get(id))?.clone(),
            ))
        });
        let speaker = match (person, by, &from) {
            (Some((id, name)), _, _) => {
                let idx = self.b.speaker(id, &name, Vec::new);
                if org && !self.refs.persons.contains_key(id) {
                    self.b.organization(idx);
                }
                Some(idx)
            }
            (None, _, Some(name)) => Some(self.b.speaker(&format!("from:{name}"), name, Vec::new)),
            (None, Some(id), None) => Some(self.b.speaker(id, id, Vec::new)),
            (None, None, None) => None,
        };
        let role = e
            .attr("as")
            .map(reference)
            .filter(|r| !r.is_empty())
            .map(|id| {
                self.refs
                    .roles
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| id.to_owned())
            });
        let form = (e.name != "speech").then(|| e.name.clone());
        let title = speaker.is_none().then(|| capitalised(&e.name));
        let mut blocks = Vec::new();
        for child in e.elements().filter(|c| c.name != "from") {
            self.blocks(child, &mut blocks);
        }
        Turn {
            speaker,
            title,
            form,
            role,
            time: self.time(e),
            blocks,
        }
    }

    /// A note between turns: each paragraph or list item one note.
    fn notes(&mut self, e: &Element) -> Turn {
        let mut blocks = Vec::new();
        self.blocks(e, &mut blocks);
        let blocks = blocks
            .into_iter()
            .flat_map(|b| match b {
                Block::List { items, .. } => items.into_iter().map(Block::Note).collect(),
                Block::Paragraph(s) | Block::Note(s) => vec![Block::Note(s)],
            })
            .collect();
        Turn {
            time: self.time(e),
            blocks,
            ..Turn::default()
        }
    }

    /// The blocks of one element of a turn (or of a note).
    fn blocks(&self, e: &Element, out: &mut Vec<Block>) {
        match e.name.as_str() {
            "ul" | "ol" => {
                let items: Vec<Text> = e
                    .elements()
                    .map(Element::clean_text)
                    .filter(|t| !t.is_empty())
                    .map(Text::from)
                    .collect();
                if !items.is_empty() {
                    out.push(Block::List {
                        items,
                        ordered: e.name == "ol",
                    });
                }
            }
            name if NOTES.contains(&name) => {
                let has_blocks = e.elements().any(|c| TEXT_BLOCKS.contains(&c.name.as_str()));
                if has_blocks {
                    let mut inner = Vec::new();
                    for c in e.elements() {
                        self.blocks(c, &mut inner);
                    }
                    out.extend(inner.into_iter().flat_map(|b| match b {
                        Block::List { items, .. } => items.into_iter().map(Block::Note).collect(),
                        Block::Paragraph(s) | Block::Note(s) => vec![Block::Note(s)],
                    }));
                } else {
                    self.text(e, out, true);
                }
            }
            "recordedTime" => {}
            _ => self.text(e, out, false),
        }
    }

    /// A paragraph (or note) of the element's text, then the notes its
    /// `noteRef`s point to.
    fn text(&self, e: &Element, out: &mut Vec<Block>, note: bool) {
        let text = e.clean_text();
        if !text.is_empty() {
            out.push(if note {
                Block::Note(text.into())
            } else {
                Block::Paragraph(text.into())
            });
        }
        let mut refs = Vec::new();
        e.find_all("noteRef", &mut refs);
        for r in refs {
            let note = r
                .attr("href")
                .and_then(|h| self.refs.notes.get(reference(h)));
            if let Some(n) = note.filter(|n| !n.is_empty()) {
                out.push(Block::Note(n.as_str().into()));
            }
        }
    }

    /// The first `recordedTime` of the turn, when it is a valid time.
    fn time(&mut self, e: &Element) -> Option<String> {
        let t = e.find("recordedTime")?.attr("time")?.trim().to_owned();
        if crate::model::time::check_time(&t).is_ok() {
            Some(t)
        } else {
            self.b.warn(
                "segments",
                &format!("recordedTime \"{t}\" is not a time of the format, dropped"),
            );
            None
        }
    }
}

/// The child elements, with those of a `speechGroup` (3.0's grouping of
/// the turns of one exchange) in its place: it is no section of its own.
fn ungrouped<'a>(s: &'a Element, out: &mut Vec<&'a Element>) {
    for e in s.elements() {
        if e.name == "speechGroup" {
            ungrouped(e, out);
        } else {
            out.push(e);
        }
    }
}

fn section_kind(name: &str) -> SegmentKind {
    match name {
        "adjournment" => SegmentKind::Closing,
        "prayers" => SegmentKind::Ceremony,
        _ => SegmentKind::Other,
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "akoma_ntoso_tests.rs"]
mod tests;
