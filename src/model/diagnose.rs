//! Why a file that is UTF-8 does not load, found by reading it again only
//! when the typed parse has failed: the JSON syntax (with the column in
//! characters), the top-level type, the schema version, then the JSON path
//! of the wrong type (with `serde_path_to_error`), in serde's words made
//! JSON's.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::SCHEMA_VERSION;
use super::error::{LoadError, LoadErrorKind};
use super::path::JsonPath;
use super::raw::{RawFile, RawVersion};

/// Why the text does not deserialize into [`RawFile`], found by reading it
/// again: first as any JSON (syntax and the top-level type), then for its
/// version, then with the JSON path recorded.
pub(super) fn diagnose(file: &str, text: &str) -> LoadError {
    match serde_json::from_str::<Shape>(text) {
        Err(e) => return syntax_error(file, text, &e),
        Ok(Shape::Object) => {}
        Ok(other) => {
            let msg = format!(
                "expected a JSON object at the top level, found {}",
                other.name()
            );
            return LoadError::whole_file(LoadErrorKind::NotObject, file, &msg);
        }
    }
    let version = serde_json::from_str::<RawVersion>(text).unwrap_or_default();
    if let Err(e) = check_schema_version(file, version.schema_version.as_ref()) {
        return e;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, RawFile>(&mut de) {
        Err(e) => {
            let path = JsonPath::from_serde(e.path());
            let inner = e.inner();
            let full = inner.to_string();
            let suffix = format!(" at line {} column {}", inner.line(), inner.column());
            let message = full.strip_suffix(&suffix).unwrap_or(&full);
            LoadError::at(LoadErrorKind::WrongType, file, &path, &json_words(message))
        }
        // The same text just failed to deserialize; this cannot happen,
        // but a message is better than a panic.
        Ok(_) => LoadError::whole_file(
            LoadErrorKind::WrongType,
            file,
            "cannot be read as proceedings",
        ),
    }
}

/// The JSON type of a whole document, read without keeping anything: the
/// syntax check of the error path. It nests like `serde_json::Value` (so
/// the recursion limit and every syntax message are serde_json's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Null => "null",
            Shape::Bool => "a boolean",
            Shape::Number => "a number",
            Shape::String => "a string",
            Shape::Array => "an array",
            Shape::Object => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Shape, D::Error> {
        struct ShapeVisitor;

        impl<'de> Visitor<'de> for ShapeVisitor {
            type Value = Shape;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
                Ok(Shape::Null)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Bool)
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Number)
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
                Ok(Shape::Number)
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
                Ok(Shape::Number)
            }

            fn visit_str<E: de::Error>(self, _: &str) -> Result<Shape, E> {
                Ok(Shape::String)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
                while seq.next_element::<Shape>()?.is_some() {}
                Ok(Shape::Array)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                while map.next_key::<IgnoredAny>()?.is_some() {
                    map.next_value::<Shape>()?;
                }
                Ok(Shape::Object)
            }
        }

        deserializer.deserialize_any(ShapeVisitor)
    }
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

pub(super) fn check_schema_version(file: &str, version: Option<&Value>) -> Result<(), LoadError> {
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
pub(super) fn json_words(message: &str) -> String {
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

    #[test]
    fn columns_count_characters() {
        assert_eq!(char_column("ab", 1, 2), 2);
        assert_eq!(char_column("x\n中文x", 2, 7), 3);
        assert_eq!(char_column("x\n中文x", 2, 4), 2);
        assert_eq!(char_column("", 1, 0), 0);
    }
}
