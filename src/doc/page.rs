//! A segment as one transcript page: its header, then every turn in order,
//! each opened by a speaker line (name, short post, role, form, time) and
//! followed by its paragraphs, lists and notes.

use super::{Builder, Content, Doc, Field, Piece, Role, Src, Turn};
use crate::model::{Block, SpeakerIdx, Speech};

impl Builder<'_> {
    /// The transcript page of segment `index`.
    pub fn segment_page(&self, index: usize) -> Doc {
        let mut d = self.segment_header(index);
        for (j, s) in self.p.segments[index].speeches.iter().enumerate() {
            self.turn(&mut d, (index, j), s);
        }
        d
    }

    /// Appends one turn: a blank line, the speaker line (or the title of an
    /// unattributed turn; nothing for a note-only entry), the title of an
    /// attributed speech that has one, then the blocks.
    pub(crate) fn turn(&self, d: &mut Doc, at: (usize, usize), s: &Speech) {
        d.blank();
        let start = d.pieces.len();
        let line = self.speaker_line(s);
        if !line.is_empty() {
            // An unattributed turn's line starts with its title.
            let src = s.speaker.is_none().then_some(Src {
                field: Field::SpeechTitle,
                block: 0,
                base: 0,
            });
            d.push(Piece {
                role: Role::Speaker,
                content: Content::Text {
                    text: line,
                    indent: false,
                },
                at: Some(at),
                src,
            });
        }
        if let (Some(_), Some(title)) = (s.speaker, &s.title) {
            d.push(Piece {
                at: Some(at),
                ..Piece::text(Role::Subtitle, title.clone()).from(Field::SpeechTitle, 0, 0)
            });
        }
        // Without a speaker line (a note-only entry) the turn starts at its
        // first block: the blank before it is already there, so `blocks`
        // adds none.
        d.turns.push(Turn { at, piece: start });
        d.blocks_from(&s.paragraphs, self.cjk, Some(at), Field::Body, false);
    }

    /// 郭欣（一級巡視員）　主席　解讀　10:05; an unattributed turn's title;
    /// empty for a note-only entry.
    pub fn speaker_line(&self, s: &Speech) -> String {
        let l = self.labels();
        let mut parts = Vec::new();
        match s.speaker {
            Some(i) => parts.push(self.name_with_post(self.p.speaker(i))),
            None => parts.extend(s.title.clone()),
        }
        parts.extend(s.role.clone());
        parts.extend(s.form.clone());
        parts.extend(s.time.clone());
        parts.retain(|p| !p.is_empty());
        parts.join(l.field_sep)
    }

    /// A speaker's page: their name and posts, how many turns and
    /// characters, then every turn of theirs in programme order, each
    /// headed by its segment's title and its number there.
    pub fn speaker_page(&self, who: SpeakerIdx) -> Doc {
        let l = self.labels();
        let sp = self.p.speaker(who);
        let mut d = Doc::default();
        d.push(Piece::text(Role::Title, sp.name.clone()));
        let posts = self.posts(sp);
        if !posts.is_empty() {
            d.push(Piece::text(Role::Subtitle, posts));
        }
        let turns: Vec<(usize, usize)> = self
            .p
            .segments
            .iter()
            .enumerate()
            .flat_map(|(i, seg)| {
                seg.speeches
                    .iter()
                    .enumerate()
                    .filter(move |(_, s)| s.speaker == Some(who))
                    .map(move |(j, _)| (i, j))
            })
            .collect();
        let chars: usize = turns
            .iter()
            .map(|&(i, j)| spoken_chars(&self.p.segments[i].speeches[j]))
            .sum();
        d.blank();
        d.push(Piece::text(
            Role::Meta,
            l.speaker_counts(turns.len(), chars),
        ));
        for (i, j) in turns {
            let seg = &self.p.segments[i];
            d.blank();
            d.push(Piece {
                at: Some((i, j)),
                ..Piece::text(
                    Role::Heading,
                    format!("{} {}{}", i + 1, seg.title, l.turn_number(j + 1)),
                )
            });
            self.turn(&mut d, (i, j), &seg.speeches[j]);
        }
        d
    }
}

/// Characters of a turn's spoken words: notes are not a speaker's words.
fn spoken_chars(s: &Speech) -> usize {
    s.paragraphs
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) => t.chars().count(),
            Block::List { items, .. } => items.iter().map(|t| t.chars().count()).sum(),
            Block::Note(_) => 0,
        })
        .sum()
}
