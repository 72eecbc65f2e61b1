//! What the text pane shows, as a list of styled pieces: the forum overview,
//! a segment overview, or a speech. Built from the model, laid out by
//! `text::layout`, drawn by `ui`. Pure: no terminal, no app state.

use crate::model::{Block, Proceedings, Segment, SegmentKind, Speech};
use crate::text::layout::LaidLine;
use crate::text::{self, AmbiguousWidth};

/// How a piece looks. The theme maps roles to styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    Heading,
    /// A label-value line such as 日期　2023-01-13.
    Meta,
    Body,
    /// A line of the programme or of a segment's speeches.
    Entry,
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// One paragraph; `indent` gives it the Chinese first-line indent.
    Text {
        text: String,
        indent: bool,
    },
    List {
        items: Vec<String>,
        ordered: bool,
    },
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub role: Role,
    pub content: Content,
}

impl Piece {
    fn text(role: Role, text: impl Into<String>) -> Piece {
        Piece {
            role,
            content: Content::Text {
                text: text.into(),
                indent: false,
            },
        }
    }

    /// The searchable strings of the piece: one per paragraph or list item.
    pub fn items(&self) -> &[String] {
        match &self.content {
            Content::Text { text, .. } => std::slice::from_ref(text),
            Content::List { items, .. } => items,
            Content::Blank => &[],
        }
    }
}

/// A page of the text pane.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    pub pieces: Vec<Piece>,
}

/// One screen line of a laid-out doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VLine {
    pub piece: usize,
    pub line: LaidLine,
}

impl Doc {
    /// Lays the doc out for a text column of `width` cells.
    pub fn layout(&self, width: usize, amb: AmbiguousWidth) -> Vec<VLine> {
        let mut out = Vec::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            let lines = match &piece.content {
                Content::Text { text, indent } => {
                    text::layout::layout_paragraph(text, width, *indent, amb)
                }
                Content::List { items, ordered } => {
                    text::layout::layout_list(items, *ordered, width, amb)
                }
                Content::Blank => vec![LaidLine {
                    prefix: String::new(),
                    prefix_width: 0,
                    item: 0,
                    range: 0..0,
                    width: 0,
                }],
            };
            out.extend(lines.into_iter().map(|line| VLine { piece: i, line }));
        }
        out
    }

    /// The text a laid-out line draws (without its prefix).
    pub fn line_text(&self, v: &VLine) -> &str {
        self.pieces[v.piece]
            .items()
            .get(v.line.item)
            .map_or("", |s| &s[v.line.range.clone()])
    }

    fn push(&mut self, p: Piece) {
        self.pieces.push(p);
    }

    fn blank(&mut self) {
        if self.pieces.last().is_some_and(|p| p.role != Role::Blank) {
            self.pieces.push(Piece {
                role: Role::Blank,
                content: Content::Blank,
            });
        }
    }

    fn blocks(&mut self, blocks: &[Block], cjk: bool) {
        for b in blocks {
            self.blank();
            self.push(match b {
                Block::Paragraph(t) => Piece {
                    role: Role::Body,
                    content: Content::Text {
                        text: t.clone(),
                        indent: cjk,
                    },
                },
                Block::List { items, ordered } => Piece {
                    role: Role::Body,
                    content: Content::List {
                        items: items.clone(),
                        ordered: *ordered,
                    },
                },
            });
        }
    }

    fn meta(&mut self, label: &str, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.push(Piece::text(Role::Meta, format!("{label}\u{3000}{v}")));
        }
    }
}

/// The words of the page furniture, in the document's language.
#[derive(Debug)]
pub struct Labels {
    pub overview: &'static str,
    pub theme: &'static str,
    pub date: &'static str,
    pub location: &'static str,
    pub format: &'static str,
    pub summary: &'static str,
    pub source: &'static str,
    pub publisher: &'static str,
    pub published: &'static str,
    pub author: &'static str,
    pub editor: &'static str,
    pub url: &'static str,
    pub programme: &'static str,
    pub kind: &'static str,
    pub topic: &'static str,
    pub description: &'static str,
    pub participants: &'static str,
    pub speeches: &'static str,
    pub segment: &'static str,
    pub form: &'static str,
    pub list_sep: &'static str,
    pub open_paren: &'static str,
    pub close_paren: &'static str,
}

const ZH: Labels = Labels {
    overview: "概覽",
    theme: "主題",
    date: "日期",
    location: "地點",
    format: "形式",
    summary: "概述",
    source: "來源",
    publisher: "出處",
    published: "發布",
    author: "作者",
    editor: "編輯",
    url: "網址",
    programme: "議程",
    kind: "類型",
    topic: "議題",
    description: "說明",
    participants: "參與",
    speeches: "發言",
    segment: "環節",
    form: "形式",
    list_sep: "、",
    open_paren: "（",
    close_paren: "）",
};

const EN: Labels = Labels {
    overview: "Overview",
    theme: "Theme",
    date: "Date",
    location: "Place",
    format: "Format",
    summary: "Summary",
    source: "Source",
    publisher: "Publisher",
    published: "Published",
    author: "Author",
    editor: "Editor",
    url: "URL",
    programme: "Programme",
    kind: "Kind",
    topic: "Topic",
    description: "About",
    participants: "Taking part",
    speeches: "Speeches",
    segment: "Segment",
    form: "Form",
    list_sep: ", ",
    open_paren: " (",
    close_paren: ")",
};

/// Builds pages for one proceedings; knows its language.
#[derive(Debug, Clone, Copy)]
pub struct Builder<'a> {
    pub p: &'a Proceedings,
    pub cjk: bool,
}

impl<'a> Builder<'a> {
    pub fn new(p: &'a Proceedings) -> Builder<'a> {
        let cjk = text::layout::is_cjk_language(p.forum.language.as_deref());
        Builder { p, cjk }
    }

    pub fn labels(&self) -> &'static Labels {
        if self.cjk { &ZH } else { &EN }
    }

    /// A speech's label in the tree and in lists: the speaker's name, or the
    /// speech's title.
    pub fn speech_label(&self, s: &Speech) -> String {
        match s.speaker {
            Some(i) => self.p.speakers[i.0].name.clone(),
            None => s.title.clone().unwrap_or_default(),
        }
    }

    /// Name and short post, e.g. 郭欣（一級巡視員）.
    pub fn speaker_with_post(&self, s: &Speech) -> String {
        let l = self.labels();
        match s.speaker {
            Some(i) => {
                let sp = &self.p.speakers[i.0];
                match sp.short_post() {
                    Some(post) => format!("{}{}{post}{}", sp.name, l.open_paren, l.close_paren),
                    None => sp.name.clone(),
                }
            }
            None => s.title.clone().unwrap_or_default(),
        }
    }

    /// The landing page: everything about the forum, then the programme.
    pub fn forum(&self) -> Doc {
        let l = self.labels();
        let mut d = self.forum_header();
        d.blank();
        d.push(Piece::text(Role::Heading, l.programme));
        for (i, seg) in self.p.segments.iter().enumerate() {
            d.blank();
            d.push(Piece::text(
                Role::Entry,
                format!(
                    "{}. {}{}{}{}",
                    i + 1,
                    l.open_paren.trim_start(),
                    seg.kind.label(),
                    l.close_paren,
                    seg.title
                ),
            ));
            let names = self.speaker_names(seg);
            if !names.is_empty() {
                d.push(Piece::text(Role::Meta, names));
            }
        }
        d
    }

    /// Everything about the forum itself: title, theme, date, place, format,
    /// organisers, summary, source.
    pub fn forum_header(&self) -> Doc {
        let f = &self.p.forum;
        let l = self.labels();
        let mut d = Doc::default();
        d.push(Piece::text(Role::Title, f.title.clone()));
        if let Some(t) = &f.theme {
            d.push(Piece::text(Role::Subtitle, t.clone()));
        }
        d.blank();
        d.meta(l.date, f.date.map(|x| x.to_string()).as_deref());
        d.meta(l.location, f.location.as_deref());
        d.meta(l.format, f.format.as_deref());
        for o in &f.organizers {
            d.meta(&o.role, Some(&o.name));
        }
        if !f.summary.is_empty() {
            d.blank();
            d.push(Piece::text(Role::Heading, l.summary));
            d.blocks(&f.summary, self.cjk);
        }
        if let Some(s) = &f.source {
            d.blank();
            d.push(Piece::text(Role::Heading, l.source));
            d.meta(l.publisher, s.publisher.as_deref());
            d.meta(l.source, s.title.as_deref());
            d.meta(l.published, s.published.as_deref());
            d.meta(l.author, s.author.as_deref());
            d.meta(l.editor, s.editor.as_deref());
            d.meta(l.url, s.url.as_deref());
        }
        d
    }

    /// The distinct speakers of a segment, in order, with short posts.
    fn speaker_names(&self, seg: &Segment) -> String {
        let mut seen = Vec::new();
        for s in &seg.speeches {
            if let Some(i) = s.speaker
                && !seen.contains(&i)
            {
                seen.push(i);
            }
        }
        seen.iter()
            .map(|i| {
                let sp = &self.p.speakers[i.0];
                match sp.short_post() {
                    Some(post) => format!(
                        "{}{}{post}{}",
                        sp.name,
                        self.labels().open_paren,
                        self.labels().close_paren
                    ),
                    None => sp.name.clone(),
                }
            })
            .collect::<Vec<_>>()
            .join(self.labels().list_sep)
    }

    /// A segment's overview: what it is, then each speech with its first
    /// sentence.
    pub fn segment(&self, index: usize) -> Doc {
        let seg = &self.p.segments[index];
        let l = self.labels();
        let mut d = self.segment_header(index);
        if !seg.speeches.is_empty() {
            d.blank();
            d.push(Piece::text(Role::Heading, l.speeches));
            for (j, s) in seg.speeches.iter().enumerate() {
                d.blank();
                d.push(Piece::text(
                    Role::Entry,
                    format!("{}. {}", j + 1, self.speaker_with_post(s)),
                ));
                if let Some(first) = s.paragraphs.first().map(first_sentence) {
                    d.push(Piece::text(Role::Body, first));
                }
            }
        }
        d
    }

    /// What a segment is: title, kind, topic, participants, description.
    pub fn segment_header(&self, index: usize) -> Doc {
        let seg = &self.p.segments[index];
        let l = self.labels();
        let mut d = Doc::default();
        d.push(Piece::text(Role::Title, seg.title.clone()));
        d.blank();
        d.meta(l.kind, Some(&kind_text(&seg.kind)));
        d.meta(l.topic, seg.topic.as_deref());
        if !seg.participants.is_empty() {
            d.meta(l.participants, Some(&seg.participants.join(l.list_sep)));
        }
        if !seg.description.is_empty() {
            d.blank();
            d.push(Piece::text(Role::Heading, l.description));
            d.blocks(&seg.description, self.cjk);
        }
        d
    }

    /// A speech: a header (speaker, posts, segment, form or title), then
    /// the paragraphs.
    pub fn speech(&self, seg_index: usize, speech_index: usize) -> Doc {
        let seg = &self.p.segments[seg_index];
        let s = &seg.speeches[speech_index];
        let l = self.labels();
        let mut d = Doc::default();
        match s.speaker {
            Some(i) => {
                let sp = &self.p.speakers[i.0];
                d.push(Piece::text(Role::Title, sp.name.clone()));
                let posts = sp.posts();
                if !posts.is_empty() {
                    d.push(Piece::text(Role::Subtitle, posts));
                }
                if let Some(t) = &s.title {
                    d.push(Piece::text(Role::Subtitle, t.clone()));
                }
            }
            None => d.push(Piece::text(
                Role::Title,
                s.title.clone().unwrap_or_default(),
            )),
        }
        d.blank();
        d.meta(l.segment, Some(&seg.title));
        d.meta(l.form, s.form.as_deref());
        d.blocks(&s.paragraphs, self.cjk);
        d
    }
}

/// `圓桌 (roundtable)`: the label and the name as written.
fn kind_text(kind: &SegmentKind) -> String {
    if kind.label() == kind.name() {
        kind.name().to_owned()
    } else {
        format!("{} ({})", kind.label(), kind.name())
    }
}

/// The first sentence of a block, for overviews: up to and including the
/// first 。！？ (or `.!?` followed by a space), at most 120 characters.
pub fn first_sentence(block: &Block) -> String {
    let text = match block {
        Block::Paragraph(t) => t.as_str(),
        Block::List { items, .. } => items.first().map_or("", String::as_str),
    };
    let text = text.trim_start();
    let mut end = text.len();
    let mut chars = text.char_indices().peekable();
    let mut count = 0;
    while let Some((i, c)) = chars.next() {
        count += 1;
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, '。' | '！' | '？') || (matches!(c, '.' | '!' | '?') && next_is_space) {
            end = i + c.len_utf8();
            break;
        }
        if c == '\n' {
            end = i;
            break;
        }
        if count == 120 {
            end = i + c.len_utf8();
            return format!("{}⋯", &text[..end]);
        }
    }
    text[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        let cases = [
            ("質量是興國之道。貫徹落實", "質量是興國之道。"),
            ("他說：好！然後", "他說：好！"),
            ("No stop here", "No stop here"),
            ("Version 2.5 is out. Next", "Version 2.5 is out."),
            ("line one\nline two", "line one"),
        ];
        for (input, want) in cases {
            assert_eq!(
                first_sentence(&Block::Paragraph(input.into())),
                want,
                "{input}"
            );
        }
        let long = "字".repeat(200);
        assert_eq!(first_sentence(&Block::Paragraph(long)).chars().count(), 121);
    }
}
