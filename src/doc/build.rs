//! Builds the page furniture from the model: the forum overview, the
//! header of a segment's page, and the names and posts shown beside turns.

use super::labels::{EN, Labels, ZH, ZH_HANS};
use super::{Doc, Field, PATH_SEP, Piece, Role};
use crate::model::{Block, PostStyle, Proceedings, Segment, SegmentKind, Speaker, Speech, Text};
use crate::text;

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

    /// The furniture in the document's language, and in Simplified
    /// characters when the document (or its converted copy) says `zh-Hans`.
    pub fn labels(&self) -> &'static Labels {
        match (self.cjk, self.simplified()) {
            (false, _) => &EN,
            (true, true) => &ZH_HANS,
            (true, false) => &ZH,
        }
    }

    /// Whether the document says it is in Simplified characters.
    fn simplified(&self) -> bool {
        let script = self.p.forum.language.as_deref();
        script.and_then(text::script::script_of_language) == Some(text::script::Script::Hans)
    }

    /// A speech's label in the tree and in lists: the speaker's name, or the
    /// speech's title.
    pub fn speech_label(&self, s: &Speech) -> String {
        match s.speaker {
            Some(i) => self.p.speaker(i).name.clone(),
            None => s.title.clone().unwrap_or_default(),
        }
    }

    /// Name and short post, e.g. 郭欣（一級巡視員）.
    pub fn speaker_with_post(&self, s: &Speech) -> String {
        match s.speaker {
            Some(i) => self.name_with_post(self.p.speaker(i)),
            None => s.title.clone().unwrap_or_default(),
        }
    }

    /// The short post shown beside a name, unless it only repeats the
    /// name (a speaker called 主席 whose post is 主席).
    pub fn short_post(&self, sp: &Speaker) -> Option<String> {
        sp.short_post_in(self.post_style())
            .filter(|post| *post != sp.name)
    }

    /// All of a speaker's posts, written as the document's language does.
    pub fn posts(&self, sp: &Speaker) -> String {
        sp.posts_in(self.post_style())
    }

    fn post_style(&self) -> PostStyle {
        if self.cjk {
            PostStyle::Chinese
        } else {
            PostStyle::Western
        }
    }

    /// A segment kind as the tree and overviews show it: 圓桌 in Chinese
    /// documents, the kind's own name (roundtable) in others.
    pub fn kind_label<'k>(&self, kind: &'k SegmentKind) -> &'k str {
        if !self.cjk {
            return kind.name();
        }
        if !self.simplified() {
            return kind.label();
        }
        match kind {
            SegmentKind::Opening => "开幕",
            SegmentKind::Address => "致辞",
            SegmentKind::Interpretation => "解读",
            SegmentKind::Announcement => "发布",
            SegmentKind::Commentary => "点评",
            SegmentKind::Roundtable => "圆桌",
            SegmentKind::Ceremony => "仪式",
            SegmentKind::Closing => "闭幕",
            other => other.label(),
        }
    }

    /// 郭欣（一級巡視員）
    pub(super) fn name_with_post(&self, sp: &Speaker) -> String {
        let l = self.labels();
        match self.short_post(sp) {
            Some(post) => format!("{}{}{post}{}", sp.name, l.open_paren, l.close_paren),
            None => sp.name.clone(),
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
                    "{}. {}{}{}{}{}{}",
                    i + 1,
                    l.open_paren.trim_start(),
                    self.kind_label(&seg.kind),
                    l.close_paren,
                    seg.title,
                    l.meta_sep,
                    l.turns(seg.speeches.len())
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
        d.meta(l, l.date, f.date.map(|x| x.to_string()).as_deref());
        d.meta(l, l.location, f.location.as_deref());
        d.meta(l, l.format, f.format.as_deref());
        for o in &f.organizers {
            d.meta(l, &o.role, Some(&o.name));
        }
        if !f.summary.is_empty() {
            d.blank();
            d.push(Piece::text(Role::Heading, l.summary));
            d.blocks(&f.summary, self.cjk, None, Field::Summary);
        }
        if let Some(s) = &f.source {
            d.blank();
            d.push(Piece::text(Role::Heading, l.source));
            d.meta(l, l.publisher, s.publisher.as_deref());
            d.meta(l, l.source, s.title.as_deref());
            d.meta(l, l.published, s.published.as_deref());
            d.meta(l, l.author, s.author.as_deref());
            d.meta(l, l.editor, s.editor.as_deref());
            d.meta(l, l.url, s.url.as_deref());
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
            .map(|&i| self.name_with_post(self.p.speaker(i)))
            .collect::<Vec<_>>()
            .join(self.labels().list_sep)
    }

    /// What a segment is: the sections it sits in, title, kind, topic,
    /// participants, description.
    pub fn segment_header(&self, index: usize) -> Doc {
        let seg = &self.p.segments[index];
        let l = self.labels();
        let mut d = Doc::default();
        if !seg.parents.is_empty() {
            d.push(Piece::text(Role::Meta, seg.parents.join(PATH_SEP)));
        }
        d.push(Piece::text(Role::Title, seg.title.clone()).from(Field::Title, 0, 0));
        d.blank();
        d.meta(l, l.kind, Some(self.kind_label(&seg.kind)));
        if let Some(p) = super::meta_piece(l, l.topic, seg.topic.as_deref()) {
            let base = l.topic.len() + l.meta_sep.len();
            d.push(p.from(Field::Topic, 0, base));
        }
        if !seg.participants.is_empty() {
            d.meta(l, l.participants, Some(&seg.participants.join(l.list_sep)));
        }
        if !seg.description.is_empty() {
            d.blank();
            d.push(Piece::text(Role::Heading, l.description));
            d.blocks(&seg.description, self.cjk, None, Field::Description);
        }
        d
    }
}

/// The first sentence of a block, for overviews: up to and including the
/// first 。！？ (or `.!?` followed by a space), at most 120 characters.
pub fn first_sentence(block: &Block) -> String {
    let text = match block {
        Block::Paragraph(t) | Block::Note(t) => t.as_str(),
        Block::List { items, .. } => items.first().map_or("", Text::as_str),
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
        assert_eq!(
            first_sentence(&Block::Paragraph(long.into()))
                .chars()
                .count(),
            121
        );
    }
}
