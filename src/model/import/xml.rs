//! A small element tree read with quick-xml's streaming reader, for the
//! XML importers. Safe by construction: the DTD is skipped unread, so no
//! entity is ever declared; a reference to anything but the five predefined
//! entities and character references is an error. No file and no network
//! is touched, and memory stays proportional to the input.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

use crate::model::LoadError;

/// Deeper than this is an error rather than a risk to the stack of the
/// importers, which walk the tree recursively.
const MAX_DEPTH: usize = 256;

/// One element: its local name (prefix dropped), its attributes by
/// qualified name (`xml:id`, `who`), and its children in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The attribute with this qualified name, as written (references resolved).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element with this local name, this one or below (depth first).
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.elements().find_map(|e| e.find(name))
    }

    /// Every element with this local name below this one, in document order.
    pub(crate) fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.find_all(name, out);
        }
    }

    /// All the text below this element, as written.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_text(out),
            }
        }
    }

    /// [`Element::text`] with the layout whitespace of the XML collapsed.
    pub(crate) fn clean_text(&self) -> String {
        collapse(&self.text())
    }
}

/// Collapses runs of XML whitespace (space, tab, CR, LF) to one space and
/// trims them at both ends: in these formats they are the file's layout,
/// not the text. Other spaces (U+3000, U+00A0) are text and kept.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split([' ', '\t', '\r', '\n'])
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The local name of the root element, skipping the prolog (declaration,
/// comments, processing instructions, doctype); `None` when the text is not
/// XML enough to tell.
pub(crate) fn root_name(text: &str) -> Option<String> {
    let mut reader = Reader::from_str(text.trim_start_matches('\u{feff}'));
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => return Some(local_name(&e)),
            Ok(Event::Text(t)) if t.xml10_content().trim().is_empty() => {}
            Ok(Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_)) => {}
            _ => return None,
        }
    }
}

/// Reads the whole document into a tree. Errors name `file` and the line
/// and column (in characters) where the reader stopped.
pub(crate) fn parse(file: &str, text: &str) -> Result<Element, LoadError> {
    let mut reader = Reader::from_str(text);
    let err = |offset: u64, message: &str| {
        let (line, column) = line_col(text, offset as usize);
        LoadError::syntax(file, line, column, &format!("XML: {message}"))
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), &e.to_string()))?;
        let here = reader.buffer_position();
        match event {
            Event::Start(e) => {
                if root.is_some() {
                    return Err(err(here, "content after the root element"));
                }
                if stack.len() >= MAX_DEPTH {
                    let m = format!("elements nested deeper than {MAX_DEPTH}");
                    return Err(err(here, &m));
                }
                stack.push(start(&e).map_err(|m| err(here, &m))?);
            }
            Event::Empty(e) => {
                let element = start(&e).map_err(|m| err(here, &m))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None if root.is_none() => root = Some(element),
                    None => return Err(err(here, "content after the root element")),
                }
            }
            Event::End(_) => {
                let Some(element) = stack.pop() else {
                    return Err(err(here, "closing tag without an opening one"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content(), root.is_some())
                .map_err(|m| err(here, m))?,
            Event::CData(t) => push_text(&mut stack, &t.xml10_content(), root.is_some())
                .map_err(|m| err(here, m))?,
            Event::GeneralRef(r) => {
                let c = reference(&r).map_err(|m| err(here, &m))?;
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]), root.is_some())
                    .map_err(|m| err(here, m))?;
            }
            // The DTD is skipped unread: no entity it declares exists here.
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        let m = format!("unexpected end of file: <{}> is not closed", open.name);
        return Err(err(text.len() as u64, &m));
    }
    root.ok_or_else(|| err(text.len() as u64, "no root element"))
}

fn push_text(stack: &mut [Element], text: &str, after_root: bool) -> Result<(), &'static str> {
    match stack.last_mut() {
        Some(e) => {
            match e.children.last_mut() {
                Some(Node::Text(t)) => t.push_str(text),
                _ => e.children.push(Node::Text(text.to_owned())),
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None if after_root => Err("content after the root element"),
        None => Err("text before the root element"),
    }
}

/// A character reference, or one of the five predefined entities.
fn reference(r: &BytesRef<'_>) -> Result<char, String> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c),
            _ => Err(format!("invalid character reference &{};", &**r)),
        };
    }
    match &**r {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        name => Err(format!(
            "entity &{name}; is not one of the five predefined ones \
             (forum-tui reads no DTD and expands no other entity)"
        )),
    }
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

fn start(e: &BytesStart<'_>) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key: String = a.key.as_ref().to_owned();
        let value: Cow<'_, str> = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("attribute {key}: {e}"))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name: local_name(e),
        attrs,
        children: Vec::new(),
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse("f.xml", text).expect_err("should fail").to_string()
    }

    #[test]
    fn a_tree_with_text_references_and_attributes() {
        let root = parse(
            "f.xml",
            "<?xml version=\"1.0\"?>\n<!-- c --><a x=\"1 &amp; 2\"><b>t &lt; &#x4e2d;</b><c/>tail</a>",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1 & 2"));
        assert_eq!(root.child("b").unwrap().text(), "t < 中");
        assert_eq!(root.text(), "t < 中tail");
        assert!(root.child("c").is_some());
    }

    #[test]
    fn prefixes_are_dropped_from_element_names() {
        let root = parse("f.xml", "<t:TEI xmlns:t=\"u\"><t:u xml:id=\"a\"/></t:TEI>").unwrap();
        assert_eq!(root.name, "TEI");
        assert_eq!(root.child("u").unwrap().attr("xml:id"), Some("a"));
    }

    #[test]
    fn errors_name_line_and_character_column() {
        assert_eq!(
            err("<a>\n  <中文>x</b>\n</a>"),
            "f.xml:2:8: XML: ill-formed document: expected `</中文>`, but `</b>` was found"
        );
        assert!(err("<a>").starts_with("f.xml:1:4: XML: "), "{}", err("<a>"));
        assert!(err("<a></a><b/>").contains("content after the root element"));
    }

    #[test]
    fn declared_entities_are_never_expanded() {
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]><l>&b;</l>";
        assert!(err(laughs).contains("entity &b; is not one of the five predefined"));
        let xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assert!(err(xxe).contains("entity &e;"));
        let in_attr = "<!DOCTYPE x [<!ENTITY e \"v\">]><x a=\"&e;\"/>";
        assert!(err(in_attr).contains("attribute a"), "{}", err(in_attr));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(err(&deep).contains("nested deeper than 256"));
    }

    #[test]
    fn root_names_skip_the_prolog() {
        let text = "\u{feff}<?xml version=\"1.0\"?>\n<!-- x -->\n<!DOCTYPE a>\n<akn:akomaNtoso/>";
        assert_eq!(root_name(text).as_deref(), Some("akomaNtoso"));
        assert_eq!(root_name("# title").as_deref(), None);
    }

    #[test]
    fn whitespace_collapses_but_ideographic_space_stays() {
        assert_eq!(collapse("\n\t a  b\r\n c　d "), "a b c　d");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\n中文x", 9), (2, 3));
        assert_eq!(line_col("ab", 0), (1, 1));
    }
}
