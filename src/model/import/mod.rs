//! Importers: proceedings kept in other formats (markdown transcripts,
//! ParlaMint TEI, Akoma Ntoso debate records) read into the same validated
//! [`Proceedings`](super::Proceedings) the JSON loader makes, with their
//! warnings. The format is told from the content, never from the file name.
//! docs/import.md gives every mapping field by field.
//!
//! The only I/O besides the file itself: the ParlaMint importer reads the
//! person list and a corpus root's sittings, by the relative names found
//! in the document, in the sitting's folder or the one above.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::error::{LoadError, LoadErrorKind};
use super::{Loaded, Progress, read};

mod akoma_meta;
mod akoma_ntoso;
mod build;
mod detect;
mod markdown;
mod parlamint;
mod persons;
mod xml;

use detect::Detected;

/// A format forum-tui reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The proceedings format itself.
    Json,
    /// A markdown transcript in the archive.tw convention.
    Markdown,
    /// ParlaMint TEI: a sitting (`<TEI>`) or a corpus root (`<teiCorpus>`).
    ParlaMint,
    /// An Akoma Ntoso debate record (`<akomaNtoso>`), version 2.0, 3.0 or none.
    AkomaNtoso,
}

impl Format {
    /// Every format with its name on the command line (`--from NAME`).
    pub const NAMES: [(&'static str, Format); 4] = [
        ("json", Format::Json),
        ("markdown", Format::Markdown),
        ("parlamint", Format::ParlaMint),
        ("akoma-ntoso", Format::AkomaNtoso),
    ];

    /// The format named `name` on the command line.
    pub fn parse(name: &str) -> Option<Format> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, f)| f)
    }
}

/// The sentence every "what is this file?" error ends with.
pub(crate) fn formats_message() -> &'static str {
    "forum-tui opens the proceedings format (a JSON object), markdown transcripts \
     (`### Speaker:` turns), ParlaMint TEI (<TEI> or <teiCorpus>) and Akoma Ntoso \
     (<akomaNtoso>)"
}

const BOM: &str = "\u{feff}";

/// Reads the file at `path` (refusing more than `max` bytes, as
/// [`load_path_limited`](super::load_path_limited) does) and loads it in
/// the format `from`, or the one its content shows.
pub fn load_path_any(
    path: &Path,
    max: Option<u64>,
    from: Option<Format>,
) -> Result<Loaded, LoadError> {
    load_path_any_tracked(path, max, from, None)
}

/// [`load_path_any`], telling `progress` how far it has got: all the way
/// for JSON, the reading only for the other formats. When it returns,
/// loaded or not, the fraction is 1.0.
pub fn load_path_any_progress(
    path: &Path,
    max: Option<u64>,
    from: Option<Format>,
    progress: &Arc<Progress>,
) -> Result<Loaded, LoadError> {
    let loaded = load_path_any_tracked(path, max, from, Some(progress));
    progress.finish();
    loaded
}

fn load_path_any_tracked(
    path: &Path,
    max: Option<u64>,
    from: Option<Format>,
    progress: Option<&Arc<Progress>>,
) -> Result<Loaded, LoadError> {
    let name = super::display_path(path);
    let bytes = super::load::read_path(&name, path, max, progress)?;
    // JSON is detected from the bytes, which then become its arena.
    match import(&name, &bytes, Some(path), from)? {
        Some(loaded) => Ok(loaded),
        None => super::load::load_owned(&name, bytes, progress),
    }
}

/// Reads a stream (standard input) up to `max` bytes and loads it in the
/// format `from`, or the one its content shows. A ParlaMint sitting read
/// this way has no folder to find its person list in.
pub fn load_reader_any(
    name: &str,
    reader: impl Read,
    max: u64,
    from: Option<Format>,
) -> Result<Loaded, LoadError> {
    let bytes = read::read_limited(reader, max, 0, &|_, _| {})
        .map_err(|message| LoadError::whole_file(LoadErrorKind::Io, name, &message))?;
    match import(name, &bytes, None, from)? {
        Some(loaded) => Ok(loaded),
        None => super::load::load_owned(name, bytes, None),
    }
}

/// Loads proceedings from `bytes` in the format `from`, or the one the
/// content shows: a JSON object, `<TEI`, `<teiCorpus`, `<akomaNtoso` (after
/// any BOM, XML declaration, comments or doctype), else a markdown
/// transcript. `name` names the file in messages; `path`, when the bytes
/// come from a file, lets the ParlaMint importer find the person list and
/// the sittings beside it. A leading UTF-8 byte-order mark is ignored.
pub fn load_any(
    name: &str,
    bytes: &[u8],
    path: Option<&Path>,
    from: Option<Format>,
) -> Result<Loaded, LoadError> {
    match import(name, bytes, path, from)? {
        Some(loaded) => Ok(loaded),
        None => super::load_bytes(name, bytes),
    }
}

/// [`load_any`] for every format but JSON, which is `None`: the caller
/// loads it, from the bytes it owns when it can (they become the arena).
fn import(
    name: &str,
    bytes: &[u8],
    path: Option<&Path>,
    from: Option<Format>,
) -> Result<Option<Loaded>, LoadError> {
    // Before any pass over the bytes: the JSON loader checks them itself.
    if from == Some(Format::Json) || (from.is_none() && starts_like_json(bytes)) {
        return Ok(None);
    }
    let skipped = if bytes.starts_with(BOM.as_bytes()) {
        BOM.len()
    } else {
        0
    };
    let text = match std::str::from_utf8(&bytes[skipped..]) {
        Ok(t) => t,
        // The JSON loader's encoding messages (UTF-16 named as such, else
        // the offset) hold for every format.
        Err(e) => {
            return Err(match super::load_bytes(name, bytes) {
                Err(why) => why,
                Ok(_) => LoadError::not_utf8(name, skipped + e.valid_up_to()),
            });
        }
    };
    let detected = detect::detect(text);
    let format = match (from, &detected) {
        (Some(f), _) => f,
        (None, Detected::Json) => Format::Json,
        (None, Detected::Markdown) => Format::Markdown,
        (None, Detected::Empty) => {
            let m = format!("empty file. {}", formats_message());
            return Err(LoadError::whole_file(LoadErrorKind::Syntax, name, &m));
        }
        (None, Detected::Xml(root)) => match root.as_deref() {
            Some("TEI" | "teiCorpus") => Format::ParlaMint,
            Some("akomaNtoso") => Format::AkomaNtoso,
            // Reading it whole names the first syntax error, if any.
            _ => return Err(unknown_root(name, &xml::parse(name, text)?.name)),
        },
    };
    match format {
        Format::Json => Ok(None),
        Format::Markdown => markdown::import(name, text).map(Some),
        Format::ParlaMint => {
            let root = xml::parse(name, text)?;
            parlamint::import(name, root, path).map(Some)
        }
        Format::AkomaNtoso => {
            let root = xml::parse(name, text)?;
            if root.name != "akomaNtoso" {
                return Err(wrong_root(name, &root.name, "<akomaNtoso>"));
            }
            akoma_ntoso::import(name, &root).map(Some)
        }
    }
}

/// Whether the first non-blank byte (after a BOM) opens JSON, as
/// [`detect`](detect::detect) would find, without reading further.
fn starts_like_json(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    matches!(
        body.iter()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')),
        Some(b'{' | b'[')
    )
}

fn unknown_root(name: &str, root: &str) -> LoadError {
    let m = format!(
        "unknown XML root <{root}>: not a format forum-tui reads. {}",
        formats_message()
    );
    LoadError::whole_file(LoadErrorKind::Invalid, name, &m)
}

/// The file is XML, but not of the kind `--from` asked for.
pub(crate) fn wrong_root(name: &str, root: &str, expected: &str) -> LoadError {
    let m = format!("the XML root is <{root}>, expected {expected}");
    LoadError::whole_file(LoadErrorKind::Invalid, name, &m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        load_any("f", bytes, None, None).unwrap_err().to_string()
    }

    #[test]
    fn format_names_round_trip() {
        for (name, f) in Format::NAMES {
            assert_eq!(Format::parse(name), Some(f));
        }
        assert_eq!(Format::parse("xml"), None);
    }

    #[test]
    fn json_goes_to_the_json_loader_unchanged() {
        assert_eq!(
            err(b"[1]"),
            "f: expected a JSON object at the top level, found an array"
        );
        assert_eq!(err(b"\xEF\xBB\xBF{"), "f:1:1: EOF while parsing an object");
    }

    #[test]
    fn encoding_and_empty_files() {
        assert_eq!(err(b"# a\xff"), "f: not UTF-8: invalid byte at offset 3");
        assert_eq!(
            err(b"\xEF\xBB\xBF\xff"),
            "f: not UTF-8: invalid byte at offset 3"
        );
        assert!(err(b"\n \n").starts_with("f: empty file. forum-tui opens"));
        assert_eq!(
            err(b"\xFF\xFE<\x00T\x00"),
            "f: not UTF-8: the file looks like UTF-16 (little-endian, with a byte-order mark); \
             save it as UTF-8"
        );
    }

    #[test]
    fn unknown_roots_list_the_formats() {
        let m = err(b"<?xml version=\"1.0\"?>\n<html><body/></html>");
        assert!(m.starts_with("f: unknown XML root <html>: "), "{m}");
        assert!(m.contains("Akoma Ntoso (<akomaNtoso>)"), "{m}");
        assert!(
            err(b"<a><b></a>").starts_with("f:1:7: XML: "),
            "{}",
            err(b"<a><b></a>")
        );
    }

    #[test]
    fn from_overrides_detection() {
        let md = b"### A:\nhello\n";
        let e = load_any("f", md, None, Some(Format::Json)).unwrap_err();
        assert_eq!(e.kind(), LoadErrorKind::Syntax);
        let e = load_any("f", b"<TEI/>", None, Some(Format::AkomaNtoso)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "f: the XML root is <TEI>, expected <akomaNtoso>"
        );
        let loaded = load_any("f", b"<TEI/>", None, Some(Format::Markdown)).unwrap_err();
        assert!(loaded.to_string().contains("no turns found"));
    }
}
