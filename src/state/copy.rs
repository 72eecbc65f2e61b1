//! `y`: the current turn as plain text for the clipboard: the speaker line,
//! its blocks unwrapped, and a line citing where it comes from.

use super::{Effect, State};
use crate::model::Block;
use crate::text::sanitize::sanitize;

impl State {
    pub(super) fn copy_turn(&mut self) -> Effect {
        let Some((i, j)) = self.current_turn().map(|k| self.reader.doc.turns[k].at) else {
            self.complain("no turn here to copy: open one with ] or Enter");
            return Effect::None;
        };
        let text = self.turn_text(i, j);
        let chars = text.chars().count();
        self.say(format!("copied {chars} characters to the clipboard"));
        Effect::Copy(text)
    }

    /// The turn's text, sanitised like everything the program writes: a
    /// pasted copy carries no control character.
    pub(crate) fn turn_text(&self, i: usize, j: usize) -> String {
        let b = self.builder();
        let seg = &self.p.segments[i];
        let s = &seg.speeches[j];
        let mut out = Vec::new();
        let line = b.speaker_line(s);
        if !line.is_empty() {
            out.push(line);
        }
        if let (Some(_), Some(t)) = (s.speaker, &s.title) {
            out.push(t.clone());
        }
        for block in &s.paragraphs {
            match block {
                Block::Paragraph(t) => out.push(t.to_string()),
                Block::Note(t) => out.push(t.to_string()),
                Block::List { items, ordered } => {
                    let lines = items.iter().enumerate().map(|(n, item)| {
                        if *ordered {
                            format!("{}. {item}", n + 1)
                        } else {
                            format!("{}{item}", crate::text::layout::BULLET)
                        }
                    });
                    out.push(lines.collect::<Vec<_>>().join("\n"));
                }
            }
        }
        out.push(self.citation(i));
        let text = out.join("\n\n");
        // Line breaks are the text's own; everything else that controls a
        // terminal is made visible.
        text.split('\n')
            .map(|l| sanitize(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// ——《forum》, date, segment; publisher, URL.
    fn citation(&self, i: usize) -> String {
        let f = &self.p.forum;
        let mut parts = vec![f.title.clone()];
        parts.extend(f.date.map(|d| d.to_string()));
        parts.push(self.p.segments[i].title.clone());
        if let Some(src) = &f.source {
            parts.extend(src.publisher.clone());
            parts.extend(src.url.clone());
        }
        let sep = self.builder().labels().list_sep;
        format!("— {}", parts.join(sep))
    }
}
