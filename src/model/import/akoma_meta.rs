//! The front of an Akoma Ntoso debate record: `meta/references` (persons,
//! organisations, roles), `meta/notes`, and the forum from the preface and
//! the FRBR identification.

use std::collections::HashMap;

use super::build::Builder;
use super::xml::{Element, Node, collapse};
use crate::model::Block;

/// `meta/references` and `meta/notes`, by id.
#[derive(Debug, Default)]
pub(super) struct References {
    pub(super) persons: HashMap<String, String>,
    /// `TLCOrganization`s: a committee or a party can hold the floor too.
    pub(super) organizations: HashMap<String, String>,
    pub(super) roles: HashMap<String, String>,
    pub(super) notes: HashMap<String, String>,
}

/// The id of an element: `eId` (3.0), `id` (2.0) or `xml:id`.
pub(super) fn akn_id(e: &Element) -> Option<&str> {
    e.attr("eId")
        .or_else(|| e.attr("id"))
        .or_else(|| e.attr("xml:id"))
}

/// `#smith`, ` #speaker` → `smith`, `speaker`.
pub(super) fn reference(value: &str) -> &str {
    value.trim().trim_start_matches('#')
}

impl References {
    pub(super) fn new(doc: &Element) -> References {
        let mut r = References::default();
        let Some(meta) = doc.child("meta") else {
            return r;
        };
        if let Some(refs) = meta.child("references") {
            for e in refs.elements() {
                let (Some(id), Some(show)) = (akn_id(e), e.attr("showAs")) else {
                    continue;
                };
                let show = collapse(show);
                match e.name.as_str() {
                    "TLCPerson" => r.persons.insert(id.to_owned(), show),
                    "TLCOrganization" => r.organizations.insert(id.to_owned(), show),
                    "TLCRole" => r.roles.insert(id.to_owned(), show),
                    _ => None,
                };
            }
        }
        if let Some(notes) = meta.child("notes") {
            for n in notes.elements().filter(|e| e.name == "note") {
                if let Some(id) = akn_id(n) {
                    r.notes.insert(id.to_owned(), n.clean_text());
                }
            }
        }
        r
    }
}

/// The forum: title, date and language from the preface and the FRBR
/// metadata, the preface's other paragraphs as the summary.
pub(super) fn forum(b: &mut Builder, name: &str, doc: &Element) {
    let preface = doc.child("preface");
    let find = |n: &str| preface.and_then(|p| p.find(n));
    let work = doc
        .child("meta")
        .and_then(|m| m.find("FRBRWork"))
        .cloned()
        .unwrap_or_else(empty);
    let title = find("docTitle")
        .map(Element::clean_text)
        .filter(|t| !t.is_empty())
        .or_else(|| doc.attr("name").map(collapse).filter(|t| !t.is_empty()))
        .or_else(|| {
            let heading = preface?
                .elements()
                .find(|p| p.attr("class") == Some("heading"))?;
            Some(heading.clean_text()).filter(|t| !t.is_empty())
        })
        .or_else(|| work.child("FRBRthis")?.attr("value").map(str::to_owned))
        .unwrap_or_else(|| super::markdown::file_stem(name).to_owned());
    b.forum.title = title;
    let date = find("docDate")
        .and_then(|d| d.attr("date"))
        .or_else(|| work.child("FRBRdate")?.attr("date"));
    b.forum.date = date.and_then(|d| d.get(..10)?.parse().ok());
    b.forum.language = doc
        .child("meta")
        .and_then(|m| m.find("FRBRlanguage"))
        .and_then(|l| l.attr("language"))
        .map(bcp47);
    if let Some(preface) = preface {
        for p in preface.elements() {
            if !only_title_and_date(p) {
                let text = p.clean_text();
                if !text.is_empty() {
                    b.forum.summary.push(Block::Paragraph(text.into()));
                }
            }
        }
    }
}

fn empty() -> Element {
    Element {
        name: String::new(),
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A preface paragraph that holds nothing but the title and the date,
/// which the forum's fields already carry.
fn only_title_and_date(p: &Element) -> bool {
    p.children.iter().all(|n| match n {
        Node::Text(t) => t.trim().is_empty(),
        Node::Element(e) => matches!(e.name.as_str(), "docTitle" | "docDate"),
    })
}

/// FRBR's ISO 639-2 codes as BCP 47 tags, for the common ones.
fn bcp47(code: &str) -> String {
    match code {
        "eng" => "en",
        "fra" | "fre" => "fr",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "deu" | "ger" => "de",
        "swa" => "sw",
        "zho" | "chi" => "zh",
        other => other,
    }
    .to_owned()
}
