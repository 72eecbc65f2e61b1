//! Telling a file's format from its first bytes, never from its name.

use super::xml;

/// What the start of a (UTF-8, BOM-less) text looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Detected {
    /// Nothing but whitespace.
    Empty,
    /// Starts with `{` (or `[`: JSON, if not an object, which the JSON
    /// loader explains).
    Json,
    /// Starts with `<`: XML, with the local name of its root element when
    /// the prolog could be read.
    Xml(Option<String>),
    /// Anything else is read as a markdown transcript.
    Markdown,
}

pub(crate) fn detect(text: &str) -> Detected {
    let start = text.trim_start_matches([' ', '\t', '\r', '\n']);
    match start.as_bytes().first() {
        None => Detected::Empty,
        Some(b'{' | b'[') => Detected::Json,
        Some(b'<') => Detected::Xml(xml::root_name(start)),
        Some(_) => Detected::Markdown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        let xml = |root: &str| Detected::Xml(Some(root.to_owned()));
        for (text, want) in [
            ("", Detected::Empty),
            (" \n\t", Detected::Empty),
            ("\n{\"schema_version\": 1}", Detected::Json),
            ("[1]", Detected::Json),
            ("<?xml version=\"1.0\"?>\n<TEI xmlns=\"x\">", xml("TEI")),
            ("<!-- a -->\n<teiCorpus>", xml("teiCorpus")),
            (
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><akomaNtoso/>",
                xml("akomaNtoso"),
            ),
            ("<html><body>", xml("html")),
            ("<<<", Detected::Xml(None)),
            ("# 2019-04-03 標題\n\n### 甲：\n", Detected::Markdown),
            ("### A:\nhi", Detected::Markdown),
        ] {
            assert_eq!(detect(text), want, "{text:?}");
        }
    }
}
