//! The proceedings of a forum as validated domain types, and the loader that
//! produces them from a file in the proceedings format (version 1).
//!
//! Everything downstream (the reader, `--dump`, `--outline`) works on these
//! types only: speaker references are already resolved to indices, required
//! fields are present, dates are real dates. This module knows nothing of
//! terminals.

use std::fmt;

mod date;
mod error;
mod load;
mod path;
mod raw;
mod rules;
mod validate;

pub use date::DateError;
pub use error::{LoadError, LoadErrorKind, Place};
pub use load::{MAX_FILE_BYTES, SCHEMA_VERSION, load_bytes, load_path};

/// A whole proceedings file, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Proceedings {
    pub forum: Forum,
    pub speakers: Vec<Speaker>,
    pub segments: Vec<Segment>,
}

impl Proceedings {
    /// The speaker a [`SpeakerIdx`] refers to. Indices come from the loader
    /// (`Speech::speaker`) and are always in range; any other index panics.
    pub fn speaker(&self, idx: SpeakerIdx) -> &Speaker {
        &self.speakers[idx.0]
    }

    /// The index of the speaker with this `id`, if any.
    pub fn speaker_by_id(&self, id: &str) -> Option<SpeakerIdx> {
        self.speakers
            .iter()
            .position(|s| s.id == id)
            .map(SpeakerIdx)
    }

    /// Number of speeches in all segments.
    pub fn speech_count(&self) -> usize {
        self.segments.iter().map(|s| s.speeches.len()).sum()
    }
}

/// What the file says about the forum as a whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forum {
    pub title: String,
    pub theme: Option<String>,
    pub date: Option<Date>,
    pub location: Option<String>,
    pub format: Option<String>,
    /// BCP 47 tag, e.g. `zh-Hant`.
    pub language: Option<String>,
    pub organizers: Vec<Organizer>,
    pub summary: Vec<Block>,
    pub source: Option<Source>,
}

/// A real calendar date (validated on load).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organizer {
    pub role: String,
    pub name: String,
}

/// Where the text comes from; every member optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub publisher: Option<String>,
    pub title: Option<String>,
    /// ISO 8601 date or date-time, kept as written.
    pub published: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    pub url: Option<String>,
}

/// Index into [`Proceedings::speakers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpeakerIdx(pub usize);

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    pub affiliations: Vec<Affiliation>,
    pub note: Option<String>,
}

impl Speaker {
    /// A short label for the speaker's post: the first affiliation's
    /// position, or else its organization, with 原 before a former post
    /// (主任委員, 原副局長). `None` when there is nothing to show.
    pub fn short_post(&self) -> Option<String> {
        let first = self.affiliations.first()?;
        let post = non_empty(&first.position).or_else(|| non_empty(&first.organization))?;
        Some(if first.former {
            format!("原{post}")
        } else {
            post.to_owned()
        })
    }

    /// All posts joined with `；`, each as organization then position, with
    /// 原 before a former one: `中國計量測試學會理事長；原質檢總局副局長`.
    /// Consecutive posts in the same organization (and both current or
    /// both former) share it: `中國質量報刊社黨委書記、社長`.
    /// Empty when the speaker has no affiliations.
    pub fn posts(&self) -> String {
        let mut out = String::new();
        let mut previous: Option<&Affiliation> = None;
        for a in &self.affiliations {
            let Some(post) = a.post() else { continue };
            let same_org = previous.is_some_and(|p| {
                p.former == a.former
                    && non_empty(&p.organization).is_some()
                    && p.organization == a.organization
            });
            match non_empty(&a.position) {
                Some(position) if same_org => {
                    out.push('、');
                    out.push_str(position);
                }
                _ => {
                    if !out.is_empty() {
                        out.push('；');
                    }
                    out.push_str(&post);
                }
            }
            previous = Some(a);
        }
        out
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.is_empty())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpeakerKind {
    #[default]
    Person,
    Organization,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Affiliation {
    pub organization: Option<String>,
    pub position: Option<String>,
    /// A past post ("原…").
    pub former: bool,
}

impl Affiliation {
    /// Organization then position (`質檢總局副局長`), with 原 before a former
    /// post; `None` when both are absent or empty.
    pub fn post(&self) -> Option<String> {
        let organization = non_empty(&self.organization).unwrap_or("");
        let position = non_empty(&self.position).unwrap_or("");
        if organization.is_empty() && position.is_empty() {
            return None;
        }
        let former = if self.former { "原" } else { "" };
        Some(format!("{former}{organization}{position}"))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub id: String,
    pub kind: SegmentKind,
    pub title: String,
    pub topic: Option<String>,
    pub description: Vec<Block>,
    pub participants: Vec<String>,
    pub speeches: Vec<Speech>,
}

/// The kind of a programme segment. Unknown kinds are kept as written
/// (forward compatibility); `--check` warns about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentKind {
    Opening,
    Address,
    Keynote,
    Interpretation,
    Announcement,
    Commentary,
    Experience,
    Roundtable,
    Ceremony,
    Closing,
    Other,
    Unknown(String),
}

impl SegmentKind {
    /// Every kind the format knows, with its name in the file.
    pub const KNOWN: [(&'static str, SegmentKind); 11] = [
        ("opening", SegmentKind::Opening),
        ("address", SegmentKind::Address),
        ("keynote", SegmentKind::Keynote),
        ("interpretation", SegmentKind::Interpretation),
        ("announcement", SegmentKind::Announcement),
        ("commentary", SegmentKind::Commentary),
        ("experience", SegmentKind::Experience),
        ("roundtable", SegmentKind::Roundtable),
        ("ceremony", SegmentKind::Ceremony),
        ("closing", SegmentKind::Closing),
        ("other", SegmentKind::Other),
    ];

    /// Parses a kind as written in a file; unknown names are kept.
    pub fn parse(name: &str) -> SegmentKind {
        Self::KNOWN
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| SegmentKind::Unknown(name.to_owned()), |(_, k)| k.clone())
    }

    /// The name as written in a file.
    pub fn name(&self) -> &str {
        match self {
            SegmentKind::Unknown(s) => s,
            known => Self::KNOWN
                .iter()
                .find(|(_, k)| k == known)
                .map_or("other", |(n, _)| n),
        }
    }

    /// A short Chinese label for the tree and overviews (e.g. 圓桌).
    pub fn label(&self) -> &str {
        match self {
            SegmentKind::Opening => "開幕",
            SegmentKind::Address => "致辭",
            SegmentKind::Keynote => "主旨",
            SegmentKind::Interpretation => "解讀",
            SegmentKind::Announcement => "發布",
            SegmentKind::Commentary => "點評",
            SegmentKind::Experience => "分享",
            SegmentKind::Roundtable => "圓桌",
            SegmentKind::Ceremony => "儀式",
            SegmentKind::Closing => "閉幕",
            SegmentKind::Other => "其他",
            SegmentKind::Unknown(s) => s,
        }
    }

    pub fn is_roundtable(&self) -> bool {
        matches!(self, SegmentKind::Roundtable)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speech {
    /// As given in the file, or made by the loader (unique in the file).
    pub id: String,
    pub speaker: Option<SpeakerIdx>,
    /// Required (and present) when `speaker` is `None`.
    pub title: Option<String>,
    pub form: Option<String>,
    /// At least one block.
    pub paragraphs: Vec<Block>,
}

/// One block of text: a paragraph (where `\n` is a hard line break) or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    List { items: Vec<String>, ordered: bool },
}

/// A successfully loaded file and what `--check` should warn about.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub proceedings: Proceedings,
    pub warnings: Vec<Warning>,
}

/// Something in a file that loads but deserves a remark from `--check`:
/// an unknown field, an unknown segment kind, a control character in text,
/// a speaker who never speaks. Collected by the loader, never printed by it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// JSON path of the place, e.g. `segments[3].speeches[1].paragraphs[0]`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn affiliation(
        organization: Option<&str>,
        position: Option<&str>,
        former: bool,
    ) -> Affiliation {
        Affiliation {
            organization: organization.map(str::to_owned),
            position: position.map(str::to_owned),
            former,
        }
    }

    fn speaker(affiliations: Vec<Affiliation>) -> Speaker {
        Speaker {
            id: "s".to_owned(),
            name: "某人".to_owned(),
            kind: SpeakerKind::Person,
            affiliations,
            note: None,
        }
    }

    #[test]
    fn posts_join_organization_and_position() {
        let s = speaker(vec![
            affiliation(Some("中國計量測試學會"), Some("理事長"), false),
            affiliation(Some("質檢總局"), Some("副局長"), true),
        ]);
        assert_eq!(s.posts(), "中國計量測試學會理事長；原質檢總局副局長");
        assert_eq!(s.short_post().as_deref(), Some("理事長"));
    }

    #[test]
    fn posts_in_one_organization_share_it() {
        let s = speaker(vec![
            affiliation(Some("中國質量報刊社"), Some("黨委書記"), false),
            affiliation(Some("中國質量報刊社"), Some("社長"), false),
            affiliation(Some("中國質量報刊社"), Some("總編輯"), true),
            affiliation(Some("質檢總局"), Some("副局長"), true),
            affiliation(Some("質檢總局"), None, true),
        ]);
        assert_eq!(
            s.posts(),
            "中國質量報刊社黨委書記、社長；原中國質量報刊社總編輯；原質檢總局副局長；原質檢總局"
        );
        let s = speaker(vec![
            affiliation(None, Some("教授"), false),
            affiliation(None, Some("院士"), false),
        ]);
        assert_eq!(s.posts(), "教授；院士");
    }

    #[test]
    fn posts_skip_empty_affiliations() {
        let s = speaker(vec![
            affiliation(None, None, false),
            affiliation(Some("立法院"), None, false),
            affiliation(None, Some("委員"), true),
        ]);
        assert_eq!(s.posts(), "立法院；原委員");
        assert_eq!(speaker(vec![]).posts(), "");
    }

    #[test]
    fn short_post_falls_back_to_the_organization() {
        let s = speaker(vec![affiliation(
            Some("宜蘭縣漁民權益協會"),
            Some(""),
            false,
        )]);
        assert_eq!(s.short_post().as_deref(), Some("宜蘭縣漁民權益協會"));
        let s = speaker(vec![affiliation(Some("質檢總局"), Some("副局長"), true)]);
        assert_eq!(s.short_post().as_deref(), Some("原副局長"));
        assert_eq!(speaker(vec![]).short_post(), None);
        assert_eq!(
            speaker(vec![affiliation(None, None, false)]).short_post(),
            None
        );
    }

    #[test]
    fn proceedings_helpers() {
        let speech = |speaker| Speech {
            id: "x".to_owned(),
            speaker,
            title: None,
            form: None,
            paragraphs: vec![Block::Paragraph("p".to_owned())],
        };
        let segment = |speeches| Segment {
            id: "g".to_owned(),
            kind: SegmentKind::Other,
            title: "t".to_owned(),
            topic: None,
            description: vec![],
            participants: vec![],
            speeches,
        };
        let p = Proceedings {
            forum: Forum::default(),
            speakers: vec![speaker(vec![])],
            segments: vec![
                segment(vec![speech(Some(SpeakerIdx(0))), speech(None)]),
                segment(vec![speech(None)]),
            ],
        };
        assert_eq!(p.speech_count(), 3);
        assert_eq!(p.speaker(SpeakerIdx(0)).name, "某人");
        assert_eq!(p.speaker_by_id("s"), Some(SpeakerIdx(0)));
        assert_eq!(p.speaker_by_id("nobody"), None);
    }
}
