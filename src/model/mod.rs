//! The proceedings of a forum as validated domain types, and the loader that
//! produces them from a file in the proceedings format (version 1).
//!
//! Everything downstream (the reader, `--dump`, `--outline`) works on these
//! types only: speaker references are already resolved to indices, required
//! fields are present, dates are real dates. This module knows nothing of
//! terminals.

use std::fmt;

mod date;
mod diagnose;
mod error;
mod helpers;
mod load;
mod path;
mod progress;
mod raw;
mod read;
mod rules;
mod text;
mod time;
mod validate;
mod write;

pub mod import;

pub use date::DateError;
pub use error::{LoadError, LoadErrorKind, Place};
pub use helpers::PostStyle;
pub use load::{
    DEFAULT_STREAM_LIMIT, SCHEMA_VERSION, load_bytes, load_path, load_path_limited,
    load_path_progress, load_reader,
};
pub use progress::Progress;
pub use read::display_path;
pub use text::Text;
pub use time::TimeError;
pub use write::to_json;

/// A whole proceedings file, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Proceedings {
    pub forum: Forum,
    pub speakers: Vec<Speaker>,
    pub segments: Vec<Segment>,
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

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub id: String,
    pub kind: SegmentKind,
    pub title: String,
    pub topic: Option<String>,
    pub description: Vec<Block>,
    pub participants: Vec<String>,
    /// Headings of the enclosing sections, outermost first (empty = top
    /// level). Consecutive segments whose `parents` begin alike share them.
    pub parents: Vec<String>,
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
    /// Present when `speaker` is `None`, unless every block is a
    /// [`Block::Note`] (a procedural entry between turns).
    pub title: Option<String>,
    pub form: Option<String>,
    /// The capacity the speaker speaks in here (主席, chair).
    pub role: Option<String>,
    /// When the turn began, as written: `HH:MM`, `HH:MM:SS` or an ISO 8601
    /// date-time (validated on load).
    pub time: Option<String>,
    /// At least one block.
    pub paragraphs: Vec<Block>,
}

impl Speech {
    /// True when every block is a note: a procedural entry, not words
    /// anyone spoke (such a speech may have neither speaker nor title).
    pub fn is_note_only(&self) -> bool {
        !self.paragraphs.is_empty() && self.paragraphs.iter().all(|b| matches!(b, Block::Note(_)))
    }
}

/// One block of text: a paragraph (where `\n` is a hard line break), a list,
/// or a procedural note / stage direction ((鼓掌), [The Speaker in the Chair]).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Text),
    List { items: Vec<Text>, ordered: bool },
    Note(Text),
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
