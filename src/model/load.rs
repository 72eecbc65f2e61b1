//! Reading a proceedings file: bytes → UTF-8 → JSON → schema version →
//! raw types → validated [`Proceedings`](super::Proceedings). Each step has
//! its own kind of message; the loader never prints and never panics on
//! input.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use serde_json::Value;

use super::Loaded;
use super::error::{LoadError, LoadErrorKind};
use super::path::JsonPath;
use super::raw::RawFile;
use super::validate::validate;

/// The largest file the loader reads (64 MiB); the biggest real proceedings
/// are under 1 MiB. Also bounds reading from a device such as `/dev/zero`.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The `schema_version` this program reads.
pub const SCHEMA_VERSION: u64 = 1;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads and loads the file at `path`. The file is named in messages as
/// `path.display()` shows it. A missing file, a directory or an unreadable
/// file is an error of kind [`LoadErrorKind::Io`].
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let bytes = read_file(path)
        .map_err(|message| LoadError::whole_file(LoadErrorKind::Io, &name, &message))?;
    load_bytes(&name, &bytes)
}

pub(super) fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(io_message)?;
    if meta.is_dir() {
        return Err("is a directory, not a proceedings file".to_owned());
    }
    let file = File::open(path).map_err(io_message)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_message)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "larger than {} MiB, not read",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

fn io_message(e: io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory, not a proceedings file".to_owned(),
        _ => format!("cannot read: {e}"),
    }
}

/// Loads a proceedings file from its bytes; `file_name` is only used in
/// messages. A leading UTF-8 byte-order mark is ignored.
pub fn load_bytes(file_name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let (skipped, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(body)
        .map_err(|e| LoadError::not_utf8(file_name, skipped + e.valid_up_to()))?;
    if text.trim_start_matches([' ', '\t', '\n', '\r']).is_empty() {
        let msg = "empty file, expected a JSON object";
        return Err(LoadError::whole_file(LoadErrorKind::Syntax, file_name, msg));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(file_name, text, &e))?;
    let Value::Object(map) = &value else {
        let msg = format!(
            "expected a JSON object at the top level, found {}",
            json_type(&value)
        );
        return Err(LoadError::whole_file(
            LoadErrorKind::NotObject,
            file_name,
            &msg,
        ));
    };
    check_schema_version(file_name, map.get("schema_version"))?;
    let raw: RawFile = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = JsonPath::from_serde(e.path());
        LoadError::at(
            LoadErrorKind::WrongType,
            file_name,
            &path,
            &json_words(&e.inner().to_string()),
        )
    })?;
    validate(file_name, raw)
}

/// `FILE:LINE:COL: what`, with serde_json's " at line L column C" taken off
/// the message and the column counted in characters rather than bytes.
fn syntax_error(file: &str, text: &str, e: &serde_json::Error) -> LoadError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let column = char_column(text, e.line(), e.column());
    LoadError::syntax(file, e.line(), column, message)
}

/// Converts serde_json's column (bytes into the line) to characters: the
/// number of characters that start within the first `byte_column` bytes
/// of line `line` (1-based).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let bytes = line_text.as_bytes();
    let end = byte_column.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b & 0xC0 != 0x80).count()
        + byte_column.saturating_sub(bytes.len())
}

fn check_schema_version(file: &str, version: Option<&Value>) -> Result<(), LoadError> {
    let path = JsonPath::root().key("schema_version");
    let (kind, msg) = match version {
        None => (LoadErrorKind::Missing, "missing required field".to_owned()),
        Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION) || n.as_f64() == Some(1.0) => {
            return Ok(());
        }
        Some(Value::Number(n)) => (
            LoadErrorKind::SchemaVersion,
            format!("unknown version {n} (this program reads version {SCHEMA_VERSION})"),
        ),
        Some(other) => (
            LoadErrorKind::SchemaVersion,
            format!(
                "expected the number {SCHEMA_VERSION}, found {}",
                json_type(other)
            ),
        ),
    };
    Err(LoadError::at(kind, file, &path, &msg))
}

/// serde speaks of sequences and maps; a JSON file has arrays and objects.
fn json_words(message: &str) -> String {
    let mut m = message.to_owned();
    for (serde, json) in [
        ("invalid type: sequence,", "invalid type: array,"),
        ("invalid type: map,", "invalid type: object,"),
    ] {
        if let Some(rest) = m.strip_prefix(serde) {
            m = format!("{json}{rest}");
        }
    }
    match m.strip_suffix("expected a sequence") {
        Some(head) => format!("{head}expected an array"),
        None => m,
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
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
    fn columns_count_characters() {
        assert_eq!(char_column("ab", 1, 2), 2);
        assert_eq!(char_column("x\n中文x", 2, 7), 3);
        assert_eq!(char_column("x\n中文x", 2, 4), 2);
        assert_eq!(char_column("", 1, 0), 0);
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
            json_words("invalid type: string \"map,\", expected a map"),
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
