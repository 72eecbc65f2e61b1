//! From the raw file to the domain types: the rules of the format that the
//! types alone cannot check (ids, references, non-empty lists, dates), and
//! the warnings. Errors stop at the first one, in file order.

use std::collections::HashMap;

use super::error::{LoadError, LoadErrorKind};
use super::path::JsonPath;
use super::raw::{
    Extra, RawAffiliation, RawBlock, RawFile, RawForum, RawOrganizer, RawSegment, RawSource,
    RawSpeaker, RawSpeech,
};
use super::rules::{SpeechIds, control_chars_message, is_space};
use super::{
    Affiliation, Block, Date, Forum, Loaded, Organizer, Proceedings, Segment, SegmentKind, Source,
    Speaker, SpeakerIdx, SpeakerKind, Speech, Warning,
};

type Res<T> = Result<T, LoadError>;

pub(super) fn validate(file: &str, raw: RawFile) -> Res<Loaded> {
    let mut v = Validator {
        file,
        warnings: Vec::new(),
    };
    let root = JsonPath::root();
    v.extra(&root, &raw.extra);
    let forum = v.required(&root, "forum", raw.forum)?;
    let forum = v.forum(&root.key("forum"), forum)?;
    let raw_speakers = v.required(&root, "speakers", raw.speakers)?;
    let (speakers, speaker_ids) = v.speakers(&root.key("speakers"), raw_speakers)?;
    let raw_segments = v.required(&root, "segments", raw.segments)?;
    let segments_path = root.key("segments");
    if raw_segments.is_empty() {
        return Err(v.error(
            LoadErrorKind::Invalid,
            &segments_path,
            "empty (at least one segment is required)",
        ));
    }
    let mut speeches = SpeechIds::new(&raw_segments);
    let mut spoke = vec![false; speakers.len()];
    let mut segment_ids: HashMap<String, JsonPath> = HashMap::new();
    let mut segments = Vec::with_capacity(raw_segments.len());
    for (i, raw) in raw_segments.into_iter().enumerate() {
        let path = segments_path.index(i);
        let ids = Ids {
            speakers: &speaker_ids,
            segments: &mut segment_ids,
            speeches: &mut speeches,
        };
        segments.push(v.segment(&path, raw, ids, &mut spoke)?);
    }
    for (i, speaker) in speakers.iter().enumerate() {
        if !spoke[i] {
            let msg = format!("speaker \"{}\" never speaks", speaker.id);
            v.warn(&root.key("speakers").index(i), &msg);
        }
    }
    Ok(Loaded {
        proceedings: Proceedings {
            forum,
            speakers,
            segments,
        },
        warnings: v.warnings,
    })
}

/// The ids a segment is checked against and adds to.
struct Ids<'a> {
    speakers: &'a HashMap<String, SpeakerIdx>,
    segments: &'a mut HashMap<String, JsonPath>,
    speeches: &'a mut SpeechIds,
}

struct Validator<'a> {
    file: &'a str,
    warnings: Vec<Warning>,
}

impl Validator<'_> {
    fn error(&self, kind: LoadErrorKind, path: &JsonPath, message: &str) -> LoadError {
        LoadError::at(kind, self.file, path, message)
    }

    fn warn(&mut self, path: &JsonPath, message: &str) {
        self.warnings.push(Warning::at(path, message));
    }

    fn required<T>(&self, parent: &JsonPath, key: &str, value: Option<T>) -> Res<T> {
        value.ok_or_else(|| {
            self.error(
                LoadErrorKind::Missing,
                &parent.key(key),
                "missing required field",
            )
        })
    }

    fn extra(&mut self, path: &JsonPath, extra: &Extra) {
        for key in extra.keys() {
            self.warn(&path.key(key), "unknown field");
        }
    }

    /// Warns about control characters in text that is shown.
    fn text(&mut self, path: &JsonPath, text: &str) {
        if let Some(message) = control_chars_message(text) {
            self.warn(path, &message);
        }
    }

    fn opt_text(&mut self, parent: &JsonPath, key: &str, value: Option<String>) -> Option<String> {
        if let Some(s) = &value {
            self.text(&parent.key(key), s);
        }
        value
    }

    fn required_text(
        &mut self,
        parent: &JsonPath,
        key: &str,
        value: Option<String>,
    ) -> Res<String> {
        let s = self.required(parent, key, value)?;
        self.text(&parent.key(key), &s);
        Ok(s)
    }

    /// An id: present, non-empty, without whitespace.
    fn id(&mut self, parent: &JsonPath, value: Option<String>) -> Res<String> {
        let id = self.required_text(parent, "id", value)?;
        let path = parent.key("id");
        if id.is_empty() {
            return Err(self.error(LoadErrorKind::Invalid, &path, "empty id"));
        }
        if let Some(c) = id.chars().find(|&c| is_space(c)) {
            let msg = format!("id \"{id}\" contains whitespace (U+{:04X})", u32::from(c));
            return Err(self.error(LoadErrorKind::Invalid, &path, &msg));
        }
        Ok(id)
    }

    /// An id that must be unique among `seen` (`what`: "speaker", ...).
    fn unique_id(
        &mut self,
        parent: &JsonPath,
        value: Option<String>,
        seen: &mut HashMap<String, JsonPath>,
        what: &str,
    ) -> Res<String> {
        let id = self.id(parent, value)?;
        let path = parent.key("id");
        if let Some(first) = seen.get(&id) {
            let msg = format!("duplicate {what} id \"{id}\" (first at {first})");
            return Err(self.error(LoadErrorKind::Invalid, &path, &msg));
        }
        seen.insert(id.clone(), path);
        Ok(id)
    }

    fn blocks(&mut self, path: &JsonPath, raw: Vec<RawBlock>) -> Res<Vec<Block>> {
        let mut blocks = Vec::with_capacity(raw.len());
        for (i, block) in raw.into_iter().enumerate() {
            let path = path.index(i);
            blocks.push(match block {
                RawBlock::Paragraph(s) => {
                    self.text(&path, &s);
                    Block::Paragraph(s)
                }
                RawBlock::List(list) => {
                    self.extra(&path, &list.extra);
                    let items = self.required(&path, "list", list.list)?;
                    for (k, item) in items.iter().enumerate() {
                        self.text(&path.key("list").index(k), item);
                    }
                    Block::List {
                        items,
                        ordered: list.ordered.unwrap_or(false),
                    }
                }
            });
        }
        Ok(blocks)
    }

    fn forum(&mut self, path: &JsonPath, raw: RawForum) -> Res<Forum> {
        self.extra(path, &raw.extra);
        let title = self.required_text(path, "title", raw.title)?;
        let theme = self.opt_text(path, "theme", raw.theme);
        let date = match raw.date {
            None => None,
            Some(s) => match s.parse::<Date>() {
                Ok(date) => Some(date),
                Err(e) => {
                    let msg = format!("\"{s}\" is {e}");
                    return Err(self.error(LoadErrorKind::Invalid, &path.key("date"), &msg));
                }
            },
        };
        let location = self.opt_text(path, "location", raw.location);
        let format = self.opt_text(path, "format", raw.format);
        let language = self.opt_text(path, "language", raw.language);
        let organizers_path = path.key("organizers");
        let mut organizers = Vec::new();
        for (i, o) in raw.organizers.unwrap_or_default().into_iter().enumerate() {
            organizers.push(self.organizer(&organizers_path.index(i), o)?);
        }
        let summary = self.blocks(&path.key("summary"), raw.summary.unwrap_or_default())?;
        let source = raw.source.map(|s| self.source(&path.key("source"), s));
        Ok(Forum {
            title,
            theme,
            date,
            location,
            format,
            language,
            organizers,
            summary,
            source,
        })
    }

    fn organizer(&mut self, path: &JsonPath, raw: RawOrganizer) -> Res<Organizer> {
        self.extra(path, &raw.extra);
        Ok(Organizer {
            role: self.required_text(path, "role", raw.role)?,
            name: self.required_text(path, "name", raw.name)?,
        })
    }

    fn source(&mut self, path: &JsonPath, raw: RawSource) -> Source {
        self.extra(path, &raw.extra);
        Source {
            publisher: self.opt_text(path, "publisher", raw.publisher),
            title: self.opt_text(path, "title", raw.title),
            published: self.opt_text(path, "published", raw.published),
            author: self.opt_text(path, "author", raw.author),
            editor: self.opt_text(path, "editor", raw.editor),
            url: self.opt_text(path, "url", raw.url),
        }
    }

    fn speakers(
        &mut self,
        path: &JsonPath,
        raw: Vec<RawSpeaker>,
    ) -> Res<(Vec<Speaker>, HashMap<String, SpeakerIdx>)> {
        let mut seen: HashMap<String, JsonPath> = HashMap::new();
        let mut speakers = Vec::with_capacity(raw.len());
        for (i, s) in raw.into_iter().enumerate() {
            speakers.push(self.speaker(&path.index(i), s, &mut seen)?);
        }
        let ids = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), SpeakerIdx(i)))
            .collect();
        Ok((speakers, ids))
    }

    fn speaker(
        &mut self,
        path: &JsonPath,
        raw: RawSpeaker,
        seen: &mut HashMap<String, JsonPath>,
    ) -> Res<Speaker> {
        self.extra(path, &raw.extra);
        let id = self.unique_id(path, raw.id, seen, "speaker")?;
        let name = self.required_text(path, "name", raw.name)?;
        if name.chars().all(is_space) {
            return Err(self.error(LoadErrorKind::Invalid, &path.key("name"), "empty name"));
        }
        let kind = match raw.kind.as_deref() {
            None | Some("person") => SpeakerKind::Person,
            Some("organization") => SpeakerKind::Organization,
            Some(other) => {
                let msg = format!(
                    "unknown speaker kind \"{other}\" (expected \"person\" or \"organization\")"
                );
                return Err(self.error(LoadErrorKind::Invalid, &path.key("kind"), &msg));
            }
        };
        let affiliations_path = path.key("affiliations");
        let affiliations = raw
            .affiliations
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, a)| self.affiliation(&affiliations_path.index(i), a))
            .collect();
        let note = self.opt_text(path, "note", raw.note);
        Ok(Speaker {
            id,
            name,
            kind,
            affiliations,
            note,
        })
    }

    fn affiliation(&mut self, path: &JsonPath, raw: RawAffiliation) -> Affiliation {
        self.extra(path, &raw.extra);
        Affiliation {
            organization: self.opt_text(path, "organization", raw.organization),
            position: self.opt_text(path, "position", raw.position),
            former: raw.former.unwrap_or(false),
        }
    }

    fn segment(
        &mut self,
        path: &JsonPath,
        raw: RawSegment,
        ids: Ids<'_>,
        spoke: &mut [bool],
    ) -> Res<Segment> {
        self.extra(path, &raw.extra);
        let id = self.unique_id(path, raw.id, ids.segments, "segment")?;
        let kind_name = self.required_text(path, "kind", raw.kind)?;
        let kind = SegmentKind::parse(&kind_name);
        if let SegmentKind::Unknown(name) = &kind {
            self.warn(
                &path.key("kind"),
                &format!("unknown segment kind \"{name}\" (shown as written)"),
            );
        }
        let title = self.required_text(path, "title", raw.title)?;
        let topic = self.opt_text(path, "topic", raw.topic);
        let description = self.blocks(
            &path.key("description"),
            raw.description.unwrap_or_default(),
        )?;
        let participants = raw.participants.unwrap_or_default();
        for (i, p) in participants.iter().enumerate() {
            self.text(&path.key("participants").index(i), p);
        }
        let raw_speeches = self.required(path, "speeches", raw.speeches)?;
        let speeches_path = path.key("speeches");
        let mut speeches = Vec::with_capacity(raw_speeches.len());
        for (j, s) in raw_speeches.into_iter().enumerate() {
            let path = speeches_path.index(j);
            let speech = self.speech(&path, s, ids.speakers, ids.speeches, spoke)?;
            let speech_id = match speech.id {
                Some(given) => given,
                None => ids.speeches.make(&id, j + 1),
            };
            speeches.push(Speech {
                id: speech_id,
                ..speech.rest
            });
        }
        Ok(Segment {
            id,
            kind,
            title,
            topic,
            description,
            participants,
            speeches,
        })
    }

    fn speech(
        &mut self,
        path: &JsonPath,
        raw: RawSpeech,
        speaker_ids: &HashMap<String, SpeakerIdx>,
        speech_ids: &mut SpeechIds,
        spoke: &mut [bool],
    ) -> Res<CheckedSpeech> {
        self.extra(path, &raw.extra);
        let id = match raw.id {
            None => None,
            Some(id) => Some(self.unique_id(path, Some(id), &mut speech_ids.seen, "speech")?),
        };
        let speaker = match raw.speaker {
            None => None,
            Some(name) => match speaker_ids.get(&name) {
                Some(&idx) => {
                    spoke[idx.0] = true;
                    Some(idx)
                }
                None => {
                    let msg = format!("no speaker has the id \"{name}\"");
                    return Err(self.error(LoadErrorKind::Invalid, &path.key("speaker"), &msg));
                }
            },
        };
        let title = self.opt_text(path, "title", raw.title);
        if speaker.is_none() && title.is_none() {
            let msg = "missing required field (a speech without a speaker needs a title)";
            return Err(self.error(LoadErrorKind::Missing, &path.key("title"), msg));
        }
        let form = self.opt_text(path, "form", raw.form);
        let raw_paragraphs = self.required(path, "paragraphs", raw.paragraphs)?;
        if raw_paragraphs.is_empty() {
            let msg = "empty (a speech needs at least one paragraph)";
            return Err(self.error(LoadErrorKind::Invalid, &path.key("paragraphs"), msg));
        }
        let paragraphs = self.blocks(&path.key("paragraphs"), raw_paragraphs)?;
        Ok(CheckedSpeech {
            id,
            rest: Speech {
                id: String::new(),
                speaker,
                title,
                form,
                paragraphs,
            },
        })
    }
}

/// A checked speech whose id may still have to be made.
struct CheckedSpeech {
    id: Option<String>,
    rest: Speech,
}
