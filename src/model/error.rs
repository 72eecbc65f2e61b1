//! Why a file did not load, in one line that names the file and the place.

use std::fmt;

use super::Warning;
use super::path::{JsonPath, escape_for_message};

/// What kind of problem stopped the load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read (missing, a directory, no permission, too large).
    Io,
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The text is not JSON.
    Syntax,
    /// The JSON is not an object.
    NotObject,
    /// `schema_version` is missing, not a number, or a version this program does not know.
    SchemaVersion,
    /// A required field is absent.
    Missing,
    /// A field has the wrong JSON type.
    WrongType,
    /// A value breaks a rule of the format: an empty or duplicate id, a
    /// dangling speaker reference, no paragraphs, an impossible date...
    Invalid,
}

/// Where in the file the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (it cannot be read, or it is not an object).
    File,
    /// A byte offset from the start of the file (encoding errors).
    Offset(usize),
    /// Line and column, both 1-based; the column counts characters.
    LineCol { line: usize, column: usize },
    /// A JSON path such as `segments[3].speeches[1].speaker`.
    Path(String),
}

/// A file that did not load. `Display` gives one line:
///
/// * `FILE:LINE:COL: what` for JSON syntax,
/// * `FILE: not UTF-8: invalid byte at offset N` for the encoding,
/// * `FILE: json.path: what` for the content,
/// * `FILE: what` for the file as a whole.
///
/// Control and bidi characters from the file name, the keys or the values
/// are escaped (`\u{1b}`), so the line is safe to print; the accessors
/// return the same escaped text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    kind: LoadErrorKind,
    file: String,
    place: Place,
    message: String,
}

impl LoadError {
    fn new(kind: LoadErrorKind, file: &str, place: Place, message: &str) -> LoadError {
        let place = match place {
            Place::Path(p) => Place::Path(escape_for_message(&p)),
            other => other,
        };
        LoadError {
            kind,
            file: escape_for_message(file),
            place,
            message: escape_for_message(message),
        }
    }

    pub(crate) fn whole_file(kind: LoadErrorKind, file: &str, message: &str) -> LoadError {
        LoadError::new(kind, file, Place::File, message)
    }

    pub(crate) fn not_utf8(file: &str, offset: usize) -> LoadError {
        let message = format!("not UTF-8: invalid byte at offset {offset}");
        LoadError::new(
            LoadErrorKind::NotUtf8,
            file,
            Place::Offset(offset),
            &message,
        )
    }

    pub(crate) fn syntax(file: &str, line: usize, column: usize, message: &str) -> LoadError {
        LoadError::new(
            LoadErrorKind::Syntax,
            file,
            Place::LineCol { line, column },
            message,
        )
    }

    pub(crate) fn at(kind: LoadErrorKind, file: &str, path: &JsonPath, message: &str) -> LoadError {
        LoadError::new(kind, file, Place::Path(path.as_str().to_owned()), message)
    }

    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }

    /// The file name as given (escaped).
    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    /// The JSON path, for errors about the content.
    pub fn path(&self) -> Option<&str> {
        match &self.place {
            Place::Path(p) => Some(p),
            _ => None,
        }
    }

    /// Line and column (1-based, columns in characters), for syntax errors.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        match self.place {
            Place::LineCol { line, column } => Some((line, column)),
            _ => None,
        }
    }

    /// Byte offset of the first invalid byte, for encoding errors.
    pub fn offset(&self) -> Option<usize> {
        match self.place {
            Place::Offset(n) => Some(n),
            _ => None,
        }
    }

    /// What is wrong, without the file and the place (escaped).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::File | Place::Offset(_) => write!(f, "{}: {}", self.file, self.message),
            Place::LineCol { line, column } => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            Place::Path(path) => write!(f, "{}: {path}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LoadError {}

impl Warning {
    /// A warning at `path`; path and message are escaped like errors.
    pub(crate) fn at(path: &JsonPath, message: &str) -> Warning {
        Warning {
            path: escape_for_message(path.as_str()),
            message: escape_for_message(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_place_has_its_line_format() {
        let path = JsonPath::root().key("forum").key("date");
        let e = LoadError::at(LoadErrorKind::Invalid, "f.json", &path, "bad");
        assert_eq!(e.to_string(), "f.json: forum.date: bad");
        assert_eq!(e.path(), Some("forum.date"));
        assert_eq!(e.line_col(), None);

        let e = LoadError::syntax("f.json", 3, 7, "expected `:`");
        assert_eq!(e.to_string(), "f.json:3:7: expected `:`");
        assert_eq!(e.line_col(), Some((3, 7)));

        let e = LoadError::not_utf8("f.json", 12);
        assert_eq!(
            e.to_string(),
            "f.json: not UTF-8: invalid byte at offset 12"
        );
        assert_eq!(e.offset(), Some(12));

        let e = LoadError::whole_file(LoadErrorKind::Io, "dir", "is a directory");
        assert_eq!(e.to_string(), "dir: is a directory");
        assert_eq!(e.kind(), LoadErrorKind::Io);
    }

    #[test]
    fn nothing_unsafe_reaches_the_line() {
        let path = JsonPath::root().key("forum").key("x\u{1b}");
        let e = LoadError::at(
            LoadErrorKind::WrongType,
            "a\u{1b}]0;t\u{7}.json",
            &path,
            "got \"\u{202e}\"",
        );
        assert_eq!(
            e.to_string(),
            "a\\u{1b}]0;t\\u{7}.json: forum[\"x\\u{1b}\"]: got \"\\u{202e}\""
        );
        let w = Warning::at(&path, "line\nbreak");
        assert_eq!(w.to_string(), "forum[\"x\\u{1b}\"]: line\\u{a}break");
    }
}
