//! From the raw file to the domain types: the rules of the format that the
//! types alone cannot check (ids, references, non-empty lists, dates), and
//! the warnings. Errors stop at the first one, in file order.

use std::collections::HashMap;
use std::sync::Arc;

use super::error::{LoadError, LoadErrorKind};
use super::path::{JsonPath, quoted};
use super::progress;
use super::raw::{Extra, RawBlock, RawBlockObject, RawFile, RawText};
use super::rules::{SpeechIds, control_chars_message, is_space};
use super::{Block, Loaded, Proceedings, SpeakerIdx, Text, Warning};

mod people;
mod programme;

type Res<T> = Result<T, LoadError>;

/// `controls`: whether a string of the file may hold a control character
/// ([`may_hold_controls`](super::rules::may_hold_controls)); when not,
/// the texts are not looked at one by one. `arena`: the text `raw` was
/// parsed from, which the paragraphs lent by the parser become ranges of.
pub(super) fn validate(
    file: &str,
    raw: RawFile,
    controls: bool,
    arena: &Arc<String>,
) -> Res<Loaded> {
    let mut v = Validator {
        file,
        warnings: Vec::new(),
        controls,
        arena,
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
            let msg = format!("speaker {} never speaks", quoted(&speaker.id));
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
    controls: bool,
    arena: &'a Arc<String>,
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

    /// Warns about members the format does not define (each name once, in
    /// sorted order) and about members given more than once.
    fn extra(&mut self, path: &JsonPath, extra: &Extra) {
        if extra.unknown.is_empty() && extra.repeated.is_empty() {
            return;
        }
        let mut unknown: Vec<&str> = extra.unknown.iter().map(String::as_str).collect();
        unknown.sort_unstable();
        let mut repeated: Vec<&str> = extra.repeated.iter().map(String::as_str).collect();
        repeated.extend(unknown.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]));
        unknown.dedup();
        for key in unknown {
            self.warn(&path.key(key), "unknown field");
        }
        repeated.sort_unstable();
        repeated.dedup();
        for key in repeated {
            self.warn(&path.key(key), "duplicate key (the last value is used)");
        }
    }

    /// Warns about control characters in text that is shown.
    fn text(&mut self, path: &JsonPath, text: &str) {
        if !self.controls {
            return;
        }
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
            let msg = format!(
                "id {} contains whitespace (U+{:04X})",
                quoted(&id),
                u32::from(c)
            );
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
            let msg = format!("duplicate {what} id {} (first at {first})", quoted(&id));
            return Err(self.error(LoadErrorKind::Invalid, &path, &msg));
        }
        seen.insert(id.clone(), path);
        Ok(id)
    }

    /// A paragraph, list item or note: a range of the arena when the
    /// parser lent it, checked to lie there; else the characters it gave.
    fn bulk_text(&mut self, path: &JsonPath, raw: RawText) -> Res<Text> {
        let text = match raw {
            RawText::Owned(s) => Text::from(s),
            RawText::At { addr, len } => {
                progress::reached(addr);
                Text::in_arena(self.arena, addr, len).ok_or_else(|| {
                    let msg = "text outside the file read (an internal error of the loader)";
                    self.error(LoadErrorKind::Invalid, path, msg)
                })?
            }
        };
        self.text(path, &text);
        Ok(text)
    }

    fn blocks(&mut self, path: &JsonPath, raw: Vec<RawBlock>) -> Res<Vec<Block>> {
        let mut blocks = Vec::with_capacity(raw.len());
        for (i, block) in raw.into_iter().enumerate() {
            let path = path.index(i);
            blocks.push(match block {
                RawBlock::Paragraph(s) => Block::Paragraph(self.bulk_text(&path, s)?),
                RawBlock::Object(object) => self.block_object(&path, *object)?,
            });
        }
        Ok(blocks)
    }

    /// A list (`{"list": [...]}`) or a note (`{"note": "..."}`), never both.
    fn block_object(&mut self, path: &JsonPath, object: RawBlockObject) -> Res<Block> {
        self.extra(path, &object.extra);
        match (object.list, object.note) {
            (Some(_), Some(_)) => Err(self.error(
                LoadErrorKind::Invalid,
                path,
                "a block is a list or a note, not both",
            )),
            (None, Some(note)) => {
                if object.ordered.is_some() {
                    self.warn(&path.key("ordered"), "unknown field (a note has no order)");
                }
                Ok(Block::Note(self.bulk_text(&path.key("note"), note)?))
            }
            (list, None) => {
                let raw_items = self.required(path, "list", list)?;
                let mut items = Vec::with_capacity(raw_items.len());
                for (k, item) in raw_items.into_iter().enumerate() {
                    items.push(self.bulk_text(&path.key("list").index(k), item)?);
                }
                Ok(Block::List {
                    items,
                    ordered: object.ordered.unwrap_or(false),
                })
            }
        }
    }
}
