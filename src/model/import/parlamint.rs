//! ParlaMint TEI: a sitting (`<TEI>`) or a corpus root (`<teiCorpus>`)
//! that includes its sittings. Speakers are resolved through the corpus's
//! person list, found beside the sitting, in the folder above, or through
//! the corpus root. See docs/import.md for the mapping.

use std::path::{Component, Path, PathBuf};

use super::build::{Builder, Turn};
use super::persons::Persons;
use super::wrong_root;
use super::xml::{self, Element, Node, collapse};
use crate::model::{Block, LoadError, LoadErrorKind, Loaded, SegmentKind, read};

/// Elements that are notes wherever they stand: between turns, inside a
/// turn, inside a paragraph.
const NOTES: [&str; 5] = ["note", "gap", "kinesic", "vocal", "incident"];

pub(crate) fn import(name: &str, root: Element, path: Option<&Path>) -> Result<Loaded, LoadError> {
    let dir = path.and_then(Path::parent);
    match root.name.as_str() {
        "TEI" => {
            let mut b = Builder::new();
            forum(&mut b, &root);
            let persons = Persons::for_sitting(&root, dir)?;
            if persons.is_none() {
                no_person_list(&mut b);
            }
            let mut s = Sitting::new(&mut b, persons.as_ref(), &root);
            s.body(&root, &[]);
            if !b.has_segments() {
                let title = b.forum.title.clone();
                b.segment(SegmentKind::Other, &title, Vec::new());
            }
            Ok(b.finish())
        }
        "teiCorpus" => corpus(name, &root, dir),
        other => Err(wrong_root(name, other, "<TEI> or <teiCorpus>")),
    }
}

/// A corpus root: every sitting it includes that is present, each under
/// the sitting's title.
fn corpus(name: &str, root: &Element, dir: Option<&Path>) -> Result<Loaded, LoadError> {
    let mut b = Builder::new();
    forum(&mut b, root);
    let Some(dir) = dir else {
        let m = "a ParlaMint corpus root read from standard input cannot open its sittings";
        return Err(LoadError::whole_file(LoadErrorKind::Invalid, name, m));
    };
    let persons = Persons::for_corpus(root, dir)?;
    if persons.is_none() {
        no_person_list(&mut b);
    }
    let hrefs: Vec<&str> = root
        .elements()
        .filter(|e| e.name == "include")
        .filter_map(|e| e.attr("href"))
        .collect();
    let mut opened = 0;
    for href in &hrefs {
        let Some(file) = safe_relative(dir, href) else {
            b.warn(
                "segments",
                &format!("sitting \"{href}\" is not a plain relative path, skipped"),
            );
            continue;
        };
        if !file.is_file() {
            b.warn(
                "segments",
                &format!("sitting \"{href}\" is not present, skipped"),
            );
            continue;
        }
        let (file_name, tei) = read_xml(&file)?;
        if tei.name != "TEI" {
            return Err(wrong_root(&file_name, &tei.name, "<TEI>"));
        }
        let title = main_title(&tei).unwrap_or_else(|| href.to_string());
        let mut s = Sitting::new(&mut b, persons.as_ref(), &tei);
        s.body(&tei, &[title]);
        opened += 1;
    }
    if opened == 0 {
        let m = format!(
            "none of the {} sittings this corpus root includes is present beside it",
            hrefs.len()
        );
        return Err(LoadError::whole_file(LoadErrorKind::Invalid, name, &m));
    }
    Ok(b.finish())
}

fn no_person_list(b: &mut Builder) {
    b.warn(
        "speakers",
        "no person list (ParlaMint-XX-listPerson.xml) found beside the sitting, in the \
         folder above or through the corpus root: speakers are named by the transcript's \
         labels, else by their ids",
    );
}

/// `href` under `dir`, if it is a plain relative path: no scheme, no root,
/// no `..`. Nothing else is ever opened.
pub(crate) fn safe_relative(dir: &Path, href: &str) -> Option<PathBuf> {
    if href.is_empty() || href.contains(':') || href.contains('\\') {
        return None;
    }
    let rel = Path::new(href);
    rel.components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        .then(|| dir.join(rel))
}

/// Reads and parses an XML file the document names; its errors name it.
pub(crate) fn read_xml(path: &Path) -> Result<(String, Element), LoadError> {
    let name = crate::model::display_path(path);
    let bytes = read::read_file(path, None, &|_, _| {})
        .map_err(|m| LoadError::whole_file(LoadErrorKind::Io, &name, &m))?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(body)
        .map_err(|e| LoadError::not_utf8(&name, e.valid_up_to() + (bytes.len() - body.len())))?;
    let root = xml::parse(&name, text)?;
    Ok((name, root))
}

/// The document's language (`xml:lang` of the root).
fn language(root: &Element) -> Option<&str> {
    root.attr("xml:lang")
}

/// The `title type="main"` in the document's own language, else the first.
fn main_title(root: &Element) -> Option<String> {
    let stmt = root.child("teiHeader")?.find("titleStmt")?;
    let mains: Vec<&Element> = stmt
        .elements()
        .filter(|t| t.name == "title" && t.attr("type").is_none_or(|ty| ty == "main"))
        .collect();
    let lang = language(root);
    let pick = mains
        .iter()
        .find(|t| lang.is_some() && t.attr("xml:lang") == lang)
        .or(mains.first())?;
    Some(pick.clean_text()).filter(|t| !t.is_empty())
}

/// The sitting's (or corpus's) date, as written in `setting/date/@when`.
fn when(root: &Element) -> Option<String> {
    let setting = root.child("teiHeader")?.find("setting")?;
    setting.child("date")?.attr("when").map(str::to_owned)
}

/// Title, date, place, language and source from the header.
fn forum(b: &mut Builder, root: &Element) {
    b.forum.title = main_title(root).unwrap_or_else(|| {
        root.attr("xml:id")
            .map_or_else(|| "ParlaMint".to_owned(), str::to_owned)
    });
    b.forum.date = when(root).and_then(|d| d.get(..10)?.parse().ok());
    b.forum.language = language(root).map(str::to_owned);
    let header = root.child("teiHeader");
    if let Some(setting) = header.and_then(|h| h.find("setting")) {
        let names: Vec<String> = setting
            .elements()
            .filter(|e| e.name == "name")
            .map(Element::clean_text)
            .filter(|n| !n.is_empty())
            .collect();
        if !names.is_empty() {
            b.forum.location = Some(names.join(", "));
        }
    }
    if let Some(publication) = header.and_then(|h| h.find("publicationStmt")) {
        let lang = language(root);
        let publisher = publication.child("publisher").and_then(|p| {
            let orgs: Vec<&Element> = p.elements().filter(|e| e.name == "orgName").collect();
            let org = orgs
                .iter()
                .find(|o| lang.is_some() && o.attr("xml:lang") == lang)
                .or(orgs.first())?;
            Some(org.clean_text())
        });
        let url = publication
            .elements()
            .find(|e| e.name == "idno")
            .map(Element::clean_text);
        let published = publication
            .child("date")
            .and_then(|d| d.attr("when"))
            .filter(|w| {
                w.get(..10)
                    .is_some_and(|d| d.parse::<crate::model::Date>().is_ok())
            })
            .map(str::to_owned);
        b.forum.source = Some(crate::model::Source {
            publisher,
            title: None,
            published,
            author: None,
            editor: None,
            url,
        });
    }
}

/// Reading one sitting's body into the builder.
struct Sitting<'a> {
    b: &'a mut Builder,
    persons: Option<&'a Persons>,
    date: Option<String>,
    title: String,
    /// The last `note type="speaker"`: the transcript's label of the next turn.
    label: Option<String>,
    sections: usize,
}

impl<'a> Sitting<'a> {
    fn new(b: &'a mut Builder, persons: Option<&'a Persons>, tei: &Element) -> Sitting<'a> {
        Sitting {
            title: main_title(tei).unwrap_or_else(|| b.forum.title.clone()),
            b,
            persons,
            date: when(tei),
            label: None,
            sections: 0,
        }
    }

    fn body(&mut self, tei: &Element, parents: &[String]) {
        let Some(body) = tei.child("text").and_then(|t| t.child("body")) else {
            return;
        };
        self.divs(body, parents);
    }

    /// Each `div` one segment, titled by its first `head`; a `div` in a
    /// `div` goes under its parent's title.
    fn divs(&mut self, e: &Element, parents: &[String]) {
        let mut loose = false;
        for child in e.elements() {
            if child.name == "div" {
                self.div(child, parents);
            } else if !loose {
                // Turns outside any div: a segment titled by the sitting.
                loose = true;
                let title = self.title.clone();
                self.b.segment(SegmentKind::Other, &title, parents.to_vec());
                self.item(child);
            } else {
                self.item(child);
            }
        }
    }

    fn div(&mut self, div: &Element, parents: &[String]) {
        self.sections += 1;
        let heads: Vec<String> = div
            .elements()
            .filter(|e| e.name == "head")
            .map(Element::clean_text)
            .filter(|h| !h.is_empty())
            .collect();
        let title = heads
            .first()
            .cloned()
            .unwrap_or_else(|| format!("{} {}", self.title, self.sections));
        self.b.segment(SegmentKind::Other, &title, parents.to_vec());
        if let Some(segment) = self.b.current() {
            segment.description = heads
                .iter()
                .skip(1)
                .map(|h| Block::Paragraph(h.as_str().into()))
                .collect();
        }
        let mut inner = parents.to_vec();
        inner.push(title);
        for child in div.elements() {
            match child.name.as_str() {
                "head" => {}
                "div" => self.div(child, &inner),
                _ => self.item(child),
            }
        }
    }

    /// One element between turns: a turn, a speaker label, or a note.
    fn item(&mut self, e: &Element) {
        match e.name.as_str() {
            "u" => self.turn(e),
            "note" if e.attr("type") == Some("speaker") => {
                self.label = Some(e.clean_text());
            }
            name if NOTES.contains(&name) => {
                if let Some(text) = note_text(e) {
                    let fallback = self.title.clone();
                    self.b.turn(Turn::notes(vec![text.into()]), &fallback);
                }
            }
            _ => {}
        }
    }

    fn turn(&mut self, u: &Element) {
        let label = self
            .label
            .take()
            .map(|l| l.trim_end_matches([':', '：']).trim_end().to_owned())
            .filter(|l| !l.is_empty());
        let id = u.attr("who").map(|w| w.trim().trim_start_matches('#'));
        let speaker = match id.filter(|i| !i.is_empty()) {
            Some(id) => {
                let person = self.persons.and_then(|p| p.get(id));
                let name = match (person, &label) {
                    (Some(p), _) => p.name(self.date.as_deref()),
                    (None, Some(l)) => l.clone(),
                    (None, None) => id.to_owned(),
                };
                if person.is_none() && self.persons.is_some() {
                    self.b.warn(
                        "speakers",
                        &format!("#{id} is not in the person list; named \"{name}\""),
                    );
                }
                let date = self.date.clone();
                Some(self.b.speaker(id, &name, || {
                    person.map_or_else(Vec::new, |p| p.affiliations(date.as_deref()))
                }))
            }
            None => None,
        };
        let title = speaker
            .is_none()
            .then(|| label.unwrap_or_else(|| "?".to_owned()));
        let role = u
            .attr("ana")
            .is_some_and(|a| a.split_whitespace().any(|t| t == "#chair"))
            .then(|| "chair".to_owned());
        let mut blocks = Vec::new();
        for child in u.elements() {
            match child.name.as_str() {
                "seg" | "p" => seg_blocks(child, &mut blocks),
                name if NOTES.contains(&name) => {
                    if let Some(text) = note_text(child) {
                        blocks.push(Block::Note(text.into()));
                    }
                }
                _ => {}
            }
        }
        let fallback = self.title.clone();
        self.b.turn(
            Turn {
                speaker,
                title,
                role,
                blocks,
                ..Turn::default()
            },
            &fallback,
        );
    }
}

/// A paragraph, split where a note stands inside it, at any depth.
/// Linguistically annotated files (`.ana.xml`) give the words as `w` and
/// `pc` tokens: they are joined with one space, none after a token marked
/// `join="right"`, and the layout between them and the `linkGrp` syntax
/// links are left out.
fn seg_blocks(seg: &Element, out: &mut Vec<Block>) {
    let mut p = Paragraph {
        tokens: seg.find("w").is_some() || seg.find("pc").is_some(),
        text: String::new(),
        join: false,
        out,
    };
    p.walk(seg);
    p.flush();
}

struct Paragraph<'a> {
    tokens: bool,
    text: String,
    /// The last token asked for no space after it.
    join: bool,
    out: &'a mut Vec<Block>,
}

impl Paragraph<'_> {
    fn walk(&mut self, e: &Element) {
        for n in &e.children {
            match n {
                Node::Text(t) if !self.tokens => self.text.push_str(t),
                Node::Text(_) => {}
                Node::Element(c) if NOTES.contains(&c.name.as_str()) => {
                    self.flush();
                    if let Some(note) = note_text(c) {
                        self.out.push(Block::Note(note.into()));
                    }
                }
                Node::Element(c) if self.tokens && matches!(c.name.as_str(), "w" | "pc") => {
                    if !self.text.is_empty() && !self.join {
                        self.text.push(' ');
                    }
                    self.text.push_str(&c.text());
                    self.join = c.attr("join") == Some("right");
                }
                Node::Element(c) if c.name == "linkGrp" => {}
                Node::Element(c) => self.walk(c),
            }
        }
    }

    fn flush(&mut self) {
        let t = collapse(&self.text);
        if !t.is_empty() {
            self.out.push(Block::Paragraph(t.into()));
        }
        self.text.clear();
        self.join = false;
    }
}

/// A note's text: its `desc`, else its own text, else the kind it names
/// (`type` or `reason`).
fn note_text(e: &Element) -> Option<String> {
    let desc = e.child("desc").map(Element::clean_text);
    desc.filter(|d| !d.is_empty())
        .or_else(|| Some(e.clean_text()).filter(|t| !t.is_empty()))
        .or_else(|| e.attr("reason").or_else(|| e.attr("type")).map(collapse))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
#[path = "parlamint_tests.rs"]
mod tests;
