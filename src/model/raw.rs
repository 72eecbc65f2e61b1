//! The file as written: serde types that mirror the format one to one,
//! deserialized straight from the text (no intermediate `Value`).
//!
//! Required fields are `Option` here, so that the validator can name the
//! missing field itself (`segments[2].title`) rather than its parent. A JSON
//! `null` is a wrong type, not an absent field (as in the JSON Schema): a
//! present member always has the field's type. Each object's `Deserialize`
//! is written by [`raw_object!`] rather than derived: it notes the *names* of
//! unknown and repeated members (for `--check`'s warnings) and skips unknown
//! values without buffering them, where `#[serde(flatten)]` would buffer
//! every object. A repeated member keeps its last value, as JSON readers do.
//!
//! The bulk text (paragraphs, list items, notes) is a [`RawText`]: where it
//! lies in the text parsed, when serde_json lends it, so that the validator
//! can make it a range of the file's text rather than a copy.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::progress;

/// Members of an object that the format does not define, and members given
/// more than once: names only, in file order (rare, so usually empty).
#[derive(Debug, Default)]
pub(crate) struct Extra {
    pub(crate) unknown: Vec<String>,
    pub(crate) repeated: Vec<String>,
}

/// An object key, borrowed from the text when it has no escapes.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(s))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(s.to_owned()))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(s))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// A raw object type: every listed member as an `Option` of its type, and
/// `extra` for the rest. The generated `Deserialize` reads a JSON object
/// only (`expecting` names it in a wrong-type message).
macro_rules! raw_object {
    (
        $(#[$meta:meta])*
        $name:ident, $expecting:expr, { $($field:ident: $ty:ty),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Default)]
        pub(crate) struct $name {
            $(pub(crate) $field: Option<$ty>,)*
            pub(crate) extra: Extra,
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                struct ObjectVisitor;

                impl<'de> Visitor<'de> for ObjectVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(key) = map.next_key::<Key<'de>>()? {
                            match key.as_str() {
                                $(stringify!($field) => {
                                    if out.$field.is_some() {
                                        out.extra.repeated.push(key.as_str().to_owned());
                                    }
                                    out.$field = Some(map.next_value()?);
                                })*
                                other => {
                                    out.extra.unknown.push(other.to_owned());
                                    map.next_value::<IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(out)
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}

raw_object! {
    /// The whole file. `schema_version` is kept as a `Value` (a number,
    /// normally) because a wrong one gets its own message.
    RawFile, "a proceedings object", {
        schema_version: Value,
        forum: RawForum,
        speakers: Vec<RawSpeaker>,
        segments: Vec<RawSegment>,
    }
}

raw_object! {
    /// Only the version, for the error path: read before anything else is
    /// judged, so that a file of another version is told so.
    RawVersion, "a proceedings object", { schema_version: Value }
}

raw_object! {
    RawForum, "a forum object", {
        title: String,
        theme: String,
        date: String,
        location: String,
        format: String,
        language: String,
        organizers: Vec<RawOrganizer>,
        summary: Vec<RawBlock>,
        source: RawSource,
    }
}

raw_object! {
    RawOrganizer, "an organizer object {\"role\", \"name\"}", {
        role: String,
        name: String,
    }
}

raw_object! {
    RawSource, "a source object", {
        publisher: String,
        title: String,
        published: String,
        author: String,
        editor: String,
        url: String,
    }
}

raw_object! {
    RawSpeaker, "a speaker object", {
        id: String,
        name: String,
        kind: String,
        affiliations: Vec<RawAffiliation>,
        note: String,
    }
}

raw_object! {
    RawAffiliation, "an affiliation object", {
        organization: String,
        position: String,
        former: bool,
    }
}

raw_object! {
    RawSegment, "a segment object", {
        id: String,
        kind: String,
        title: String,
        topic: String,
        description: Vec<RawBlock>,
        participants: Vec<String>,
        parents: Vec<String>,
        speeches: Vec<RawSpeech>,
    }
}

raw_object! {
    RawSpeech, "a speech object", {
        id: String,
        speaker: String,
        title: String,
        form: String,
        role: String,
        time: String,
        paragraphs: Vec<RawBlock>,
    }
}

raw_object! {
    /// `{"list": [...], "ordered": bool}` or `{"note": "..."}`.
    RawBlockObject, "a block object {\"list\": [...]} or {\"note\": \"...\"}", {
        list: Vec<RawText>,
        ordered: bool,
        note: RawText,
    }
}

/// A block: a paragraph string, or an object (a list or a note; which one
/// the validator decides, so that it can name what is missing or doubled).
#[derive(Debug)]
pub(crate) enum RawBlock {
    Paragraph(RawText),
    /// Boxed: most blocks are paragraphs, and every element of a
    /// `Vec<RawBlock>` is as large as the largest variant.
    Object(Box<RawBlockObject>),
}

impl<'de> Deserialize<'de> for RawBlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawBlock, D::Error> {
        struct BlockVisitor;

        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = RawBlock;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a paragraph (a string), a list (an object {"list": [...]}) or a note (an object {"note": "..."})"#,
                )
            }

            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<RawBlock, E> {
                Ok(RawBlock::Paragraph(RawText::at(s)))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawBlock, E> {
                Ok(RawBlock::Paragraph(RawText::Owned(s.to_owned())))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<RawBlock, E> {
                Ok(RawBlock::Paragraph(RawText::Owned(s)))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawBlock, A::Error> {
                RawBlockObject::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|o| RawBlock::Object(Box::new(o)))
            }
        }

        deserializer.deserialize_any(BlockVisitor)
    }
}

/// A paragraph, list item or note as the parser hands it over: the address
/// and length of the string in the text being parsed, when serde_json lends
/// it (it has no escapes and is parsed from a `str`), else its characters
/// (escapes undone). An address, not a reference, so that the raw types
/// need no lifetime; the validator checks that it lies in the text.
#[derive(Debug)]
pub(crate) enum RawText {
    At { addr: usize, len: usize },
    Owned(String),
}

impl RawText {
    /// The text lent by the parser, reported to a tracked load's progress.
    fn at(s: &str) -> RawText {
        let addr = s.as_ptr() as usize;
        progress::reached(addr);
        RawText::At { addr, len: s.len() }
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawText, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<RawText, E> {
                Ok(RawText::at(s))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawText, E> {
                Ok(RawText::Owned(s.to_owned()))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<RawText, E> {
                Ok(RawText::Owned(s))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}
