//! Writing [`Proceedings`] in the proceedings format (version 1), for
//! `forum-tui convert`: pretty-printed UTF-8 JSON that loads back to equal
//! proceedings. Fields come in the order the format lists them (the
//! December additions before the long arrays they sit beside), and what the
//! loader would fill in by itself (a made speech id, `kind: "person"`,
//! `former: false`, `ordered: false`, empty arrays) is left out.
//!
//! Text is written as UTF-8, except the characters that must never reach a
//! terminal raw (C1 controls, DEL, bidi controls, line separators: C0
//! controls serde_json escapes itself): they are `\u` escapes, so that
//! `convert` to a terminal is as inert as `--dump`, and the JSON means the
//! same.

use serde::Serialize;

use super::{Affiliation, Block, Proceedings, Segment, Source, Speaker, SpeakerKind, Speech};
use super::{Forum, Organizer, SCHEMA_VERSION, Text};

/// The proceedings as a JSON document (ending with a line break).
pub fn to_json(p: &Proceedings) -> String {
    let file = File {
        schema_version: SCHEMA_VERSION,
        forum: ForumOut::from(&p.forum),
        speakers: p.speakers.iter().map(SpeakerOut::from).collect(),
        segments: p.segments.iter().map(|s| SegmentOut::new(s, p)).collect(),
    };
    let json = serde_json::to_string_pretty(&file).expect("plain data always serialises");
    let mut out = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        // Only inside strings: the JSON around them is ASCII.
        if c != '\n' && super::path::is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct File<'a> {
    schema_version: u64,
    forum: ForumOut<'a>,
    speakers: Vec<SpeakerOut<'a>>,
    segments: Vec<SegmentOut<'a>>,
}

#[derive(Serialize)]
struct ForumOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    theme: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    organizers: &'a [Organizer],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    summary: Vec<BlockOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a Source>,
}

impl<'a> From<&'a Forum> for ForumOut<'a> {
    fn from(f: &'a Forum) -> ForumOut<'a> {
        ForumOut {
            title: &f.title,
            theme: f.theme.as_deref(),
            date: f.date.map(|d| d.to_string()),
            location: f.location.as_deref(),
            format: f.format.as_deref(),
            language: f.language.as_deref(),
            organizers: &f.organizers,
            summary: blocks(&f.summary),
            source: f.source.as_ref(),
        }
    }
}

impl Serialize for Organizer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            role: &'a str,
            name: &'a str,
        }
        Out {
            role: &self.role,
            name: &self.name,
        }
        .serialize(s)
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            publisher: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            title: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            published: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            author: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            editor: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            url: Option<&'a str>,
        }
        Out {
            publisher: self.publisher.as_deref(),
            title: self.title.as_deref(),
            published: self.published.as_deref(),
            author: self.author.as_deref(),
            editor: self.editor.as_deref(),
            url: self.url.as_deref(),
        }
        .serialize(s)
    }
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    affiliations: Vec<AffiliationOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> From<&'a Speaker> for SpeakerOut<'a> {
    fn from(s: &'a Speaker) -> SpeakerOut<'a> {
        SpeakerOut {
            id: &s.id,
            name: &s.name,
            kind: match s.kind {
                SpeakerKind::Person => None,
                SpeakerKind::Organization => Some("organization"),
            },
            affiliations: s.affiliations.iter().map(AffiliationOut::from).collect(),
            note: s.note.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct AffiliationOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    former: bool,
}

impl<'a> From<&'a Affiliation> for AffiliationOut<'a> {
    fn from(a: &'a Affiliation) -> AffiliationOut<'a> {
        AffiliationOut {
            organization: a.organization.as_deref(),
            position: a.position.as_deref(),
            former: a.former,
        }
    }
}

#[derive(Serialize)]
struct SegmentOut<'a> {
    id: &'a str,
    kind: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parents: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    description: Vec<BlockOut<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    participants: &'a [String],
    speeches: Vec<SpeechOut<'a>>,
}

impl<'a> SegmentOut<'a> {
    fn new(s: &'a Segment, p: &'a Proceedings) -> SegmentOut<'a> {
        SegmentOut {
            id: &s.id,
            kind: s.kind.name(),
            title: &s.title,
            parents: &s.parents,
            topic: s.topic.as_deref(),
            description: blocks(&s.description),
            participants: &s.participants,
            speeches: s
                .speeches
                .iter()
                .enumerate()
                .map(|(i, x)| SpeechOut::new(x, &s.id, i, p))
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct SpeechOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    form: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<&'a str>,
    paragraphs: Vec<BlockOut<'a>>,
}

impl<'a> SpeechOut<'a> {
    fn new(x: &'a Speech, segment: &str, index: usize, p: &'a Proceedings) -> SpeechOut<'a> {
        // The id the loader makes for a speech without one.
        let made = x.id == format!("{segment}/{}", index + 1);
        SpeechOut {
            id: (!made).then_some(x.id.as_str()),
            speaker: x.speaker.map(|i| p.speaker(i).id.as_str()),
            title: x.title.as_deref(),
            form: x.form.as_deref(),
            role: x.role.as_deref(),
            time: x.time.as_deref(),
            paragraphs: blocks(&x.paragraphs),
        }
    }
}

/// A block as the format writes it: a string, `{"list": …}` or `{"note": …}`.
#[derive(Serialize)]
#[serde(untagged)]
enum BlockOut<'a> {
    Paragraph(&'a str),
    List {
        list: &'a [Text],
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        ordered: bool,
    },
    Note {
        note: &'a str,
    },
}

fn blocks(b: &[Block]) -> Vec<BlockOut<'_>> {
    b.iter()
        .map(|b| match b {
            Block::Paragraph(s) => BlockOut::Paragraph(s),
            Block::List { items, ordered } => BlockOut::List {
                list: items,
                ordered: *ordered,
            },
            Block::Note(s) => BlockOut::Note { note: s },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bytes;

    #[test]
    fn the_default_proceedings_round_trip() {
        let loaded = load_bytes("d", crate::DEFAULT_PROCEEDINGS.as_bytes()).unwrap();
        let json = to_json(&loaded.proceedings);
        let again = load_bytes("d2", json.as_bytes()).unwrap();
        assert_eq!(again.proceedings, loaded.proceedings);
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        assert!(json.contains("質量之光"), "UTF-8, not \\u escapes");
        assert!(json.starts_with("{\n  \"schema_version\": 1,\n  \"forum\": {\n    \"title\""));
    }

    #[test]
    fn given_ids_stay_and_made_ones_are_left_out() {
        let text = r#"{"schema_version": 1, "forum": {"title": "t"},
          "speakers": [{"id": "a", "name": "A", "kind": "organization",
                        "affiliations": [{"position": "p", "former": true}]}],
          "segments": [{"id": "g", "kind": "other", "title": "T", "speeches": [
            {"speaker": "a", "paragraphs": ["x\u001b\u009b\u202e", {"list": ["i"], "ordered": true}]},
            {"id": "mine", "title": "t", "paragraphs": ["y"]}]}]}"#;
        let loaded = load_bytes("t", text.as_bytes()).unwrap();
        let json = to_json(&loaded.proceedings);
        assert!(!json.contains("\"g/1\""), "{json}");
        assert!(json.contains("\"id\": \"mine\""), "{json}");
        assert!(json.contains("\\u001b"), "controls are escaped: {json}");
        assert!(
            json.contains("\\u009b\\u202e"),
            "and C1 and bidi controls: {json}"
        );
        let again = load_bytes("t2", json.as_bytes()).unwrap();
        assert_eq!(again.proceedings, loaded.proceedings);
        assert_eq!(again.warnings, loaded.warnings);
    }
}
