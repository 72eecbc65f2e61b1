//! The forum and the people: organizers, source, speakers and their
//! affiliations.

use std::collections::HashMap;

use crate::model::error::LoadErrorKind;
use crate::model::path::{JsonPath, quoted};
use crate::model::raw::{RawAffiliation, RawForum, RawOrganizer, RawSource, RawSpeaker};
use crate::model::rules::is_space;
use crate::model::{Affiliation, Date, Forum, Organizer, Source, Speaker, SpeakerIdx, SpeakerKind};

use super::{Res, Validator};

impl Validator<'_> {
    pub(super) fn forum(&mut self, path: &JsonPath, raw: RawForum) -> Res<Forum> {
        self.extra(path, &raw.extra);
        let title = self.required_text(path, "title", raw.title)?;
        let theme = self.opt_text(path, "theme", raw.theme);
        let date = match raw.date {
            None => None,
            Some(s) => match s.parse::<Date>() {
                Ok(date) => Some(date),
                Err(e) => {
                    let msg = format!("{} is {e}", quoted(&s));
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

    pub(super) fn speakers(
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
                    "unknown speaker kind {} (expected \"person\" or \"organization\")",
                    quoted(other)
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
}
