//! Reading a proceedings file: bytes → UTF-8 (checked once) → raw types
//! (deserialized straight from the text) → schema version → validated
//! [`Proceedings`](super::Proceedings). Only when the typed parse fails is
//! the text read again, to say why in the order a reader expects: JSON
//! syntax, then the top-level type, then the schema version, then the JSON
//! path of the wrong type (`diagnose.rs`, with `serde_path_to_error`).
//! The loader never prints and never panics on input.
//!
//! The file's text is kept whole, as the arena its paragraphs are ranges
//! of ([`Text`](super::Text)): the bytes read become that text without a
//! copy, and serde_json lends every string without escapes out of it.
//! Measured on a 106 MB file (`examples/synth.rs`, 50,000 speeches,
//! `/usr/bin/time forum-tui --check`): when every paragraph was copied out
//! of the bytes the peak was 2.26 × the file (1.25 × when the file was
//! parsed as it was read, at 1.7 × the time); with the arena it is 1.31 ×
//! and the load takes 0.60 s where it took 0.89 s (a bare serde_json typed
//! parse: 0.67 s). The reader keeps 1.41 × the file resident (it kept
//! 1.39 ×): the arena, the domain types (15 MiB), what the allocator keeps
//! of the raw types, and the 繁/简 tables warmed at start (8 MB).

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::Loaded;
use super::diagnose::{check_schema_version, diagnose};
use super::error::{LoadError, LoadErrorKind};
use super::progress::{self, Progress};
use super::raw::RawFile;
use super::read::{display_path, read_file, read_limited};
use super::rules::may_hold_controls;
use super::validate::validate;

/// The most read from a stream (standard input, a pipe, a device) unless
/// `--max-size` says otherwise: 1 GiB. A regular file has no limit but the
/// one given, since its size is known before it is read.
pub const DEFAULT_STREAM_LIMIT: u64 = 1 << 30;

/// The `schema_version` this program reads.
pub const SCHEMA_VERSION: u64 = 1;

/// Reads and loads the file at `path`, with no size limit for a regular
/// file (a stream such as `/dev/stdin` gets [`DEFAULT_STREAM_LIMIT`]).
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_limited(path, None)
}

/// Reads and loads the file at `path`, refusing one larger than `max` bytes
/// (`--max-size`). The file is named in messages by [`display_path`]. A
/// missing file, a directory, an unreadable or too large file is an error
/// of kind [`LoadErrorKind::Io`].
pub fn load_path_limited(path: &Path, max: Option<u64>) -> Result<Loaded, LoadError> {
    load_path_tracked(path, max, None)
}

/// [`load_path_limited`], telling `progress` how far it has got (reading,
/// then parsing and validating); when it returns, loaded or not, the
/// fraction is 1.0.
pub fn load_path_progress(
    path: &Path,
    max: Option<u64>,
    progress: &Arc<Progress>,
) -> Result<Loaded, LoadError> {
    let loaded = load_path_tracked(path, max, Some(progress));
    progress.finish();
    loaded
}

fn load_path_tracked(
    path: &Path,
    max: Option<u64>,
    progress: Option<&Arc<Progress>>,
) -> Result<Loaded, LoadError> {
    let name = display_path(path);
    let bytes = read_path(&name, path, max, progress)?;
    load_owned(&name, bytes, progress)
}

/// The bytes of the file at `path` (named `name` in messages), with the
/// reading reported to `progress`.
pub(super) fn read_path(
    name: &str,
    path: &Path,
    max: Option<u64>,
    progress: Option<&Arc<Progress>>,
) -> Result<Vec<u8>, LoadError> {
    let on_read = |done, total| {
        if let Some(p) = progress {
            p.read(done, total);
        }
    };
    read_file(path, max, &on_read)
        .map_err(|message| LoadError::whole_file(LoadErrorKind::Io, name, &message))
}

/// Reads a stream (standard input) up to `max` bytes and loads it; past
/// `max` it stops reading and says so, so `/dev/zero` or `yes` cannot make
/// memory grow without bound.
pub fn load_reader(name: &str, reader: impl Read, max: u64) -> Result<Loaded, LoadError> {
    let bytes = read_limited(reader, max, 0, &|_, _| {})
        .map_err(|message| LoadError::whole_file(LoadErrorKind::Io, name, &message))?;
    load_owned(name, bytes, None)
}

/// Loads a proceedings file from its bytes; `file_name` is only used in
/// messages. A leading UTF-8 byte-order mark is ignored. The text is
/// copied once, into the arena the paragraphs share.
pub fn load_bytes(file_name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    not_utf16(file_name, bytes)?;
    let text =
        std::str::from_utf8(bytes).map_err(|e| LoadError::not_utf8(file_name, e.valid_up_to()))?;
    load_text(file_name, Arc::new(text.to_owned()), None)
}

/// [`load_bytes`] for bytes read here: they become the arena as they are
/// (the UTF-8 check is the only pass over them before the parse).
pub(super) fn load_owned(
    file_name: &str,
    bytes: Vec<u8>,
    progress: Option<&Arc<Progress>>,
) -> Result<Loaded, LoadError> {
    not_utf16(file_name, &bytes)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| LoadError::not_utf8(file_name, e.utf8_error().valid_up_to()))?;
    load_text(file_name, Arc::new(text), progress)
}

/// UTF-16 gets its own message, before the UTF-8 check would name the
/// first byte of the file.
fn not_utf16(file_name: &str, bytes: &[u8]) -> Result<(), LoadError> {
    match utf16(bytes) {
        None => Ok(()),
        Some(order) => {
            let msg = format!("not UTF-8: the file looks like UTF-16 ({order}); save it as UTF-8");
            Err(LoadError::whole_file(
                LoadErrorKind::NotUtf8,
                file_name,
                &msg,
            ))
        }
    }
}

/// The text (kept as the arena) to validated proceedings.
fn load_text(
    file_name: &str,
    arena: Arc<String>,
    progress: Option<&Arc<Progress>>,
) -> Result<Loaded, LoadError> {
    let tracking = progress::track(progress, &arena);
    let (raw, controls) = parse(file_name, &arena)?;
    tracking.validating();
    validate(file_name, raw, controls, &arena)
}

/// Text to raw types, with the schema version checked; also says whether
/// any text may hold a control character (for the validator's warnings).
fn parse(file_name: &str, text: &str) -> Result<(RawFile, bool), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start_matches([' ', '\t', '\n', '\r']).is_empty() {
        let msg = "empty file, expected a JSON object";
        return Err(LoadError::whole_file(LoadErrorKind::Syntax, file_name, msg));
    }
    // `from_str`, not `from_slice`: the text is known to be UTF-8, so
    // serde_json does not check each string again, and it lends strings
    // out of the text rather than copying them.
    match serde_json::from_str::<RawFile>(text) {
        Ok(raw) => {
            check_schema_version(file_name, raw.schema_version.as_ref())?;
            Ok((raw, may_hold_controls(text)))
        }
        Err(_) => Err(diagnose(file_name, text)),
    }
}

/// UTF-16 by its byte-order mark, or by a NUL byte beside each character
/// of ASCII JSON (`{` `\0` `"` `\0`): a common mistake of editors on
/// Windows, which deserves a better word than "invalid byte at offset 0".
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian, with a byte-order mark"),
        [0xFE, 0xFF, ..] => Some("big-endian, with a byte-order mark"),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some("little-endian"),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some("big-endian"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        load_bytes("t.json", bytes)
            .expect_err("should not load")
            .to_string()
    }

    #[test]
    fn a_limit_refuses_a_larger_file() {
        let full = Path::new("tests/fixtures/valid/full.json");
        let e = load_path_limited(full, Some(100)).expect_err("too large");
        assert_eq!(
            e.to_string(),
            "tests/fixtures/valid/full.json: larger than 100 bytes, not read (--max-size sets the limit)"
        );
    }

    #[test]
    fn syntax_errors_name_line_and_character_column() {
        assert_eq!(err(b"{\n  \"a\" 1}"), "t.json:2:7: expected `:`");
        assert_eq!(err("{\"標題\" 1}".as_bytes()), "t.json:1:7: expected `:`");
        assert_eq!(err(b""), "t.json: empty file, expected a JSON object");
        assert_eq!(
            err(b"\xEF\xBB\xBF \n"),
            "t.json: empty file, expected a JSON object"
        );
        assert_eq!(err(b"{"), "t.json:1:1: EOF while parsing an object");
        assert_eq!(err(b"{} x"), "t.json:1:4: trailing characters");
    }

    #[test]
    fn encoding_offsets_count_the_bom() {
        assert_eq!(
            err(b"{\"a\xff\": 1}"),
            "t.json: not UTF-8: invalid byte at offset 3"
        );
        assert_eq!(
            err(b"\xEF\xBB\xBF{\"a\xff\": 1}"),
            "t.json: not UTF-8: invalid byte at offset 6"
        );
        // A truncated multi-byte sequence at the end.
        assert_eq!(
            err(b"[\"\xe4\xb8"),
            "t.json: not UTF-8: invalid byte at offset 2"
        );
    }

    #[test]
    fn the_top_level_must_be_an_object() {
        assert_eq!(
            err(b"[1]"),
            "t.json: expected a JSON object at the top level, found an array"
        );
        assert_eq!(
            err(b"null"),
            "t.json: expected a JSON object at the top level, found null"
        );
    }

    #[test]
    fn schema_version_is_checked_first() {
        assert_eq!(err(b"{}"), "t.json: schema_version: missing required field");
        assert_eq!(
            err(b"{\"schema_version\": 2, \"forum\": 5}"),
            "t.json: schema_version: unknown version 2 (this program reads version 1)"
        );
        assert_eq!(
            err(b"{\"schema_version\": \"1\"}"),
            "t.json: schema_version: expected the number 1, found a string"
        );
        assert_eq!(
            err(b"{\"schema_version\": 1.0}"),
            "t.json: forum: missing required field"
        );
    }

    #[test]
    fn null_is_a_wrong_type_not_an_absence() {
        assert_eq!(
            err(b"{\"schema_version\": 1, \"forum\": {\"title\": null}}"),
            "t.json: forum.title: invalid type: null, expected a string"
        );
    }

    #[test]
    fn wrong_types_speak_json() {
        let doc = |forum: &str| format!(r#"{{"schema_version": 1, "forum": {forum}}}"#);
        assert_eq!(
            err(doc("\"x\"").as_bytes()),
            "t.json: forum: invalid type: string \"x\", expected a forum object"
        );
        assert_eq!(
            err(doc(r#"{"title": "t", "summary": {}}"#).as_bytes()),
            "t.json: forum.summary: invalid type: object, expected an array"
        );
        assert_eq!(
            err(doc(r#"{"title": "t", "organizers": [[]]}"#).as_bytes()),
            r#"t.json: forum.organizers[0]: invalid type: array, expected an organizer object {"role", "name"}"#
        );
        assert_eq!(
            super::super::diagnose::json_words("invalid type: string \"map,\", expected a map"),
            "invalid type: string \"map,\", expected a map"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            err(deep.as_bytes()),
            "t.json:1:128: recursion limit exceeded"
        );
    }
}
