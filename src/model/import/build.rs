//! What every importer builds through: speakers made once per key with
//! ids that are valid and unique, segments with unique ids, speech ids made
//! the way the loader makes them, and the warnings `--check` shows. The
//! result is the same validated [`Proceedings`] the JSON loader produces.

use std::collections::{HashMap, HashSet};

use crate::model::path::JsonPath;
use crate::model::rules::{control_chars_message, is_space};
use crate::model::{
    Affiliation, Block, Forum, Loaded, Proceedings, Segment, SegmentKind, Speaker, SpeakerIdx,
    SpeakerKind, Speech, Text, Warning,
};

/// A turn or a note-only entry, before it gets its id.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Turn {
    pub(crate) speaker: Option<SpeakerIdx>,
    pub(crate) title: Option<String>,
    pub(crate) form: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) time: Option<String>,
    pub(crate) blocks: Vec<Block>,
}

impl Turn {
    /// A procedural entry between turns: no speaker, only notes.
    pub(crate) fn notes(notes: Vec<Text>) -> Turn {
        Turn {
            blocks: notes.into_iter().map(Block::Note).collect(),
            ..Turn::default()
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub(crate) forum: Forum,
    speakers: Vec<Speaker>,
    by_key: HashMap<String, SpeakerIdx>,
    speaker_ids: HashSet<String>,
    segments: Vec<Segment>,
    segment_ids: HashSet<String>,
    warnings: Vec<Warning>,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder::default()
    }

    /// The speaker known in the source by `key` (an id, or the name itself),
    /// made on first use with an id derived from `key`.
    pub(crate) fn speaker(
        &mut self,
        key: &str,
        name: &str,
        affiliations: impl FnOnce() -> Vec<Affiliation>,
    ) -> SpeakerIdx {
        if let Some(&idx) = self.by_key.get(key) {
            return idx;
        }
        let id = unique(&mut self.speaker_ids, &make_id(key, "speaker"));
        let idx = SpeakerIdx(self.speakers.len());
        self.speakers.push(Speaker {
            id,
            name: name.to_owned(),
            kind: SpeakerKind::Person,
            affiliations: affiliations(),
            note: None,
        });
        self.by_key.insert(key.to_owned(), idx);
        idx
    }

    /// Marks a speaker as an organisation (a committee, a party).
    pub(crate) fn organization(&mut self, idx: SpeakerIdx) {
        self.speakers[idx.0].kind = SpeakerKind::Organization;
    }

    /// Starts a segment; the turns pushed next belong to it.
    pub(crate) fn segment(&mut self, kind: SegmentKind, title: &str, parents: Vec<String>) {
        let number = self.segments.len() + 1;
        let id = unique(&mut self.segment_ids, &format!("s{number}"));
        self.segments.push(Segment {
            id,
            kind,
            title: title.to_owned(),
            parents,
            topic: None,
            description: Vec::new(),
            participants: Vec::new(),
            speeches: Vec::new(),
        });
    }

    /// The segment being filled, if one was started.
    pub(crate) fn current(&mut self) -> Option<&mut Segment> {
        self.segments.last_mut()
    }

    pub(crate) fn has_segments(&self) -> bool {
        !self.segments.is_empty()
    }

    /// Adds a turn to the current segment (starting an untitled one named
    /// `fallback_title` if there is none). Turns without blocks are dropped:
    /// the format needs at least one.
    pub(crate) fn turn(&mut self, turn: Turn, fallback_title: &str) {
        if turn.blocks.is_empty() {
            // An empty note is nothing; a speaker's empty turn is worth a word.
            if let Some(who) = turn.speaker {
                let name = self.speakers[who.0].name.clone();
                let at = self.segments.len().saturating_sub(1);
                self.warn(
                    &format!("segments[{at}]"),
                    &format!("a turn of {name} with no text in the source was left out"),
                );
            }
            return;
        }
        if self.segments.is_empty() {
            self.segment(SegmentKind::Other, fallback_title, Vec::new());
        }
        let segment = self.segments.last_mut().expect("a segment was just made");
        let id = format!("{}/{}", segment.id, segment.speeches.len() + 1);
        segment.speeches.push(Speech {
            id,
            speaker: turn.speaker,
            title: turn.title,
            form: turn.form,
            role: turn.role,
            time: turn.time,
            paragraphs: turn.blocks,
        });
    }

    pub(crate) fn warn(&mut self, path: &str, message: &str) {
        self.warnings.push(Warning {
            path: path.to_owned(),
            message: message.to_owned(),
        });
    }

    /// The proceedings, with a warning for each text holding control
    /// characters (as the JSON loader gives them).
    pub(crate) fn finish(mut self) -> Loaded {
        self.drop_silent_speakers();
        let proceedings = Proceedings {
            forum: self.forum,
            speakers: self.speakers,
            segments: self.segments,
        };
        let mut warnings = self.warnings;
        control_warnings(&proceedings, &mut warnings);
        Loaded {
            proceedings,
            warnings,
        }
    }
}

impl Builder {
    /// Speakers left with no speech (their only turns were empty) go, and
    /// the indices of the others follow: the loader would warn about them.
    fn drop_silent_speakers(&mut self) {
        let mut spoke = vec![false; self.speakers.len()];
        for s in self.segments.iter().flat_map(|g| &g.speeches) {
            if let Some(i) = s.speaker {
                spoke[i.0] = true;
            }
        }
        if spoke.iter().all(|&x| x) {
            return;
        }
        let mut new_index = vec![None; spoke.len()];
        let mut kept = Vec::new();
        for (i, speaker) in std::mem::take(&mut self.speakers).into_iter().enumerate() {
            if spoke[i] {
                new_index[i] = Some(SpeakerIdx(kept.len()));
                kept.push(speaker);
            }
        }
        self.speakers = kept;
        for s in self.segments.iter_mut().flat_map(|g| &mut g.speeches) {
            s.speaker = s.speaker.and_then(|i| new_index[i.0]);
        }
    }
}

/// An id from a key: whitespace and control characters become `-`; an
/// empty key becomes `what`.
fn make_id(key: &str, what: &str) -> String {
    let id: String = key
        .trim_matches(is_space)
        .chars()
        .map(|c| {
            if is_space(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    if id.is_empty() { what.to_owned() } else { id }
}

/// `base`, or `base-2`, `base-3`… whichever is not taken yet.
fn unique(taken: &mut HashSet<String>, base: &str) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}

fn check(warnings: &mut Vec<Warning>, path: &JsonPath, text: &str) {
    if let Some(message) = control_chars_message(text) {
        warnings.push(Warning::at(path, &message));
    }
}

fn check_blocks(warnings: &mut Vec<Warning>, path: &JsonPath, blocks: &[Block]) {
    for (i, b) in blocks.iter().enumerate() {
        let path = path.index(i);
        match b {
            Block::Paragraph(s) => check(warnings, &path, s),
            Block::Note(s) => check(warnings, &path.key("note"), s),
            Block::List { items, .. } => {
                for (j, item) in items.iter().enumerate() {
                    check(warnings, &path.key("list").index(j), item);
                }
            }
        }
    }
}

/// The control-character warnings the loader would give for the same text.
fn control_warnings(p: &Proceedings, w: &mut Vec<Warning>) {
    let root = JsonPath::root();
    let forum = root.key("forum");
    check(w, &forum.key("title"), &p.forum.title);
    for (key, value) in [
        ("theme", &p.forum.theme),
        ("location", &p.forum.location),
        ("format", &p.forum.format),
        ("language", &p.forum.language),
    ] {
        if let Some(v) = value {
            check(w, &forum.key(key), v);
        }
    }
    check_blocks(w, &forum.key("summary"), &p.forum.summary);
    if let Some(source) = &p.forum.source {
        let path = forum.key("source");
        for (key, value) in [
            ("publisher", &source.publisher),
            ("title", &source.title),
            ("author", &source.author),
            ("editor", &source.editor),
            ("url", &source.url),
        ] {
            if let Some(v) = value {
                check(w, &path.key(key), v);
            }
        }
    }
    for (i, s) in p.speakers.iter().enumerate() {
        let path = root.key("speakers").index(i);
        check(w, &path.key("name"), &s.name);
        for (j, a) in s.affiliations.iter().enumerate() {
            let path = path.key("affiliations").index(j);
            for (key, value) in [("organization", &a.organization), ("position", &a.position)] {
                if let Some(v) = value {
                    check(w, &path.key(key), v);
                }
            }
        }
    }
    for (i, seg) in p.segments.iter().enumerate() {
        let path = root.key("segments").index(i);
        check(w, &path.key("title"), &seg.title);
        for (j, parent) in seg.parents.iter().enumerate() {
            check(w, &path.key("parents").index(j), parent);
        }
        check_blocks(w, &path.key("description"), &seg.description);
        for (j, speech) in seg.speeches.iter().enumerate() {
            let path = path.key("speeches").index(j);
            for (key, value) in [
                ("title", &speech.title),
                ("form", &speech.form),
                ("role", &speech.role),
            ] {
                if let Some(v) = value {
                    check(w, &path.key(key), v);
                }
            }
            check_blocks(w, &path.key("paragraphs"), &speech.paragraphs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_ids_are_valid_and_unique() {
        let mut b = Builder::new();
        let a = b.speaker("Liz Barry", "Liz Barry", Vec::new);
        let again = b.speaker("Liz Barry", "Liz Barry", Vec::new);
        let silent = b.speaker("Silent", "Silent", Vec::new);
        let c = b.speaker("Liz-Barry", "Liz-Barry", Vec::new);
        let empty = b.speaker(" ", "?", Vec::new);
        let control = b.speaker("a\u{1b}[31m", "a", Vec::new);
        assert_eq!(a, again);
        b.segment(SegmentKind::Other, "t", Vec::new());
        for s in [a, c, empty, control] {
            b.turn(
                Turn {
                    speaker: Some(s),
                    blocks: vec![Block::Paragraph("x".into())],
                    ..Turn::default()
                },
                "t",
            );
        }
        let p = b.finish().proceedings;
        let ids: Vec<&str> = p.speakers.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["Liz-Barry", "Liz-Barry-2", "speaker", "a-[31m"]);
        assert_ne!(silent, c, "made, then dropped at the end");
        let names: Vec<&str> = p.segments[0]
            .speeches
            .iter()
            .map(|s| p.speaker(s.speaker.unwrap()).name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Liz Barry", "Liz-Barry", "?", "a"],
            "indices follow"
        );
        let speech_ids: Vec<&str> = p.segments[0]
            .speeches
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(speech_ids, ["s1/1", "s1/2", "s1/3", "s1/4"]);
    }

    #[test]
    fn control_characters_warn_at_their_json_path() {
        let mut b = Builder::new();
        b.forum.title = "t".into();
        b.turn(Turn::notes(vec!["a\u{1b}b".into()]), "untitled");
        b.turn(Turn::default(), "untitled");
        let ann = b.speaker("Ann", "Ann", Vec::new);
        let empty = Turn {
            speaker: Some(ann),
            ..Turn::default()
        };
        b.turn(empty, "untitled");
        let loaded = b.finish();
        let speeches = loaded.proceedings.segments[0].speeches.len();
        assert_eq!(speeches, 1, "empty turns dropped");
        assert!(
            loaded.proceedings.speakers.is_empty(),
            "and a speaker left silent"
        );
        let w: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            [
                "segments[0]: a turn of Ann with no text in the source was left out",
                "segments[0].speeches[0].paragraphs[0].note: control character U+001B",
            ]
        );
    }
}
