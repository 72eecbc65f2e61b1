//! The file as written: serde types that mirror the format one to one.
//!
//! Required fields are `Option` here, so that the validator can name the
//! missing field itself (`segments[2].title`) rather than its parent. A JSON
//! `null` is a wrong type, not an absent field (as in the JSON Schema): every
//! `Option` goes through [`present`]. Unknown members of every object are
//! kept in `extra` so that the validator can warn about them.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::Value;

/// Members of an object that the format does not define.
pub(crate) type Extra = BTreeMap<String, Value>;

/// For `Option` fields: absent is `None` (with `#[serde(default)]`), but a
/// present value, `null` included, must have the field's type.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a proceedings object")]
pub(crate) struct RawFile {
    /// Checked before deserializing; listed so it is not an unknown field.
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) schema_version: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) forum: Option<RawForum>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) speakers: Option<Vec<RawSpeaker>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) segments: Option<Vec<RawSegment>>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a forum object")]
pub(crate) struct RawForum {
    #[serde(default, deserialize_with = "present")]
    pub(crate) title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) theme: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) date: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) location: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) format: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) language: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) organizers: Option<Vec<RawOrganizer>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) summary: Option<Vec<RawBlock>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) source: Option<RawSource>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "an organizer object {\"role\", \"name\"}")]
pub(crate) struct RawOrganizer {
    #[serde(default, deserialize_with = "present")]
    pub(crate) role: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) name: Option<String>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a source object")]
pub(crate) struct RawSource {
    #[serde(default, deserialize_with = "present")]
    pub(crate) publisher: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) published: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) author: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) editor: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) url: Option<String>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a speaker object")]
pub(crate) struct RawSpeaker {
    #[serde(default, deserialize_with = "present")]
    pub(crate) id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) kind: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) affiliations: Option<Vec<RawAffiliation>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) note: Option<String>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "an affiliation object")]
pub(crate) struct RawAffiliation {
    #[serde(default, deserialize_with = "present")]
    pub(crate) organization: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) position: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) former: Option<bool>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a segment object")]
pub(crate) struct RawSegment {
    #[serde(default, deserialize_with = "present")]
    pub(crate) id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) kind: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) topic: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) description: Option<Vec<RawBlock>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) participants: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) parents: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) speeches: Option<Vec<RawSpeech>>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a speech object")]
pub(crate) struct RawSpeech {
    #[serde(default, deserialize_with = "present")]
    pub(crate) id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) speaker: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) form: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) role: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) time: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) paragraphs: Option<Vec<RawBlock>>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
}

/// A block: a paragraph string, or an object (a list or a note; which one
/// the validator decides, so that it can name what is missing or doubled).
#[derive(Debug)]
pub(crate) enum RawBlock {
    Paragraph(String),
    Object(RawBlockObject),
}

/// `{"list": [...], "ordered": bool}` or `{"note": "..."}`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a block object {\"list\": [...]} or {\"note\": \"...\"}")]
pub(crate) struct RawBlockObject {
    #[serde(default, deserialize_with = "present")]
    pub(crate) list: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) ordered: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) note: Option<String>,
    #[serde(flatten)]
    pub(crate) extra: Extra,
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

            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawBlock, E> {
                Ok(RawBlock::Paragraph(s.to_owned()))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<RawBlock, E> {
                Ok(RawBlock::Paragraph(s))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawBlock, A::Error> {
                RawBlockObject::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawBlock::Object)
            }
        }

        deserializer.deserialize_any(BlockVisitor)
    }
}
