//! The programme: segments and their speeches, with ids made unique and
//! speaker references resolved.

use std::collections::HashMap;

use crate::model::error::LoadErrorKind;
use crate::model::path::{JsonPath, quoted};
use crate::model::raw::{RawBlock, RawSegment, RawSpeech};
use crate::model::rules::{SpeechIds, is_space};
use crate::model::time::check_time;
use crate::model::{Segment, SegmentKind, SpeakerIdx, Speech};

use super::{Ids, Res, Validator};

impl Validator<'_> {
    pub(super) fn segment(
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
                &format!("unknown segment kind {} (shown as written)", quoted(name)),
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
        let parents = self.parents(path, raw.parents)?;
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
            parents,
            speeches,
        })
    }

    /// Section headings: each one non-empty (not only whitespace).
    fn parents(&mut self, path: &JsonPath, raw: Option<Vec<String>>) -> Res<Vec<String>> {
        let parents = raw.unwrap_or_default();
        for (k, heading) in parents.iter().enumerate() {
            let path = path.key("parents").index(k);
            self.text(&path, heading);
            if heading.chars().all(is_space) {
                let msg = "empty heading (each of `parents` names a section)";
                return Err(self.error(LoadErrorKind::Invalid, &path, msg));
            }
        }
        Ok(parents)
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
                    let msg = format!("no speaker has the id {}", quoted(&name));
                    return Err(self.error(LoadErrorKind::Invalid, &path.key("speaker"), &msg));
                }
            },
        };
        let title = self.opt_text(path, "title", raw.title);
        // A procedural entry between turns ((鼓掌), [The Speaker in the
        // Chair]) needs neither speaker nor title: every block is a note.
        let note_only = raw.paragraphs.as_ref().is_some_and(|p| {
            !p.is_empty()
                && p.iter().all(
                    |b| matches!(b, RawBlock::Object(o) if o.note.is_some() && o.list.is_none()),
                )
        });
        if speaker.is_none() && title.is_none() && !note_only {
            let msg = "missing required field (a speech without a speaker needs a title)";
            return Err(self.error(LoadErrorKind::Missing, &path.key("title"), msg));
        }
        let form = self.opt_text(path, "form", raw.form);
        let role = self.opt_text(path, "role", raw.role);
        let time = self.opt_text(path, "time", raw.time);
        if let Some(t) = &time
            && let Err(e) = check_time(t)
        {
            let msg = format!("{} is {e}", quoted(t));
            return Err(self.error(LoadErrorKind::Invalid, &path.key("time"), &msg));
        }
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
                role,
                time,
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
