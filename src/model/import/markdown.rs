//! Markdown transcripts in the archive.tw convention (read on the web by
//! SayIt): `# date title`, `## section`, `### Speaker：` starting each turn,
//! `> (…)` for stage directions and notes. Parsed with pulldown-cmark
//! (plain CommonMark, no extensions); see docs/import.md for the mapping.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use unicode_width::UnicodeWidthChar;

use super::build::{Builder, Turn};
use super::formats_message;
use crate::model::{Block, LoadError, LoadErrorKind, Loaded, SegmentKind, Text};

/// Imports a markdown transcript; `name` is the file as named in messages.
pub(crate) fn import(name: &str, text: &str) -> Result<Loaded, LoadError> {
    let mut t = Transcript::new(name);
    let mut inline = Inline::default();
    let mut quote_depth = 0usize;
    let mut lists: Vec<(bool, Vec<String>)> = Vec::new();
    let mut heading: Option<HeadingLevel> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                inline.clear();
                heading = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = inline.take();
                match heading.take() {
                    Some(level) if quote_depth == 0 && lists.is_empty() => t.heading(level, text),
                    _ => t.text(text, quote_depth > 0),
                }
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_)) => inline.clear(),
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) => {
                let text = inline.take();
                match lists.last_mut() {
                    // A paragraph of a loose list item belongs to the item.
                    Some((_, items)) if quote_depth == 0 => push_item_text(items, text),
                    _ => t.text(text, quote_depth > 0),
                }
            }
            Event::Start(Tag::List(first)) => {
                flush_item(&mut inline, &mut lists);
                lists.push((first.is_some(), Vec::new()));
            }
            Event::End(TagEnd::List(_)) => {
                flush_item(&mut inline, &mut lists);
                if let Some((ordered, items)) = lists.pop() {
                    match lists.last_mut() {
                        // A nested list's items follow its parent's.
                        Some((_, outer)) => outer.extend(items),
                        None if quote_depth > 0 => items.into_iter().for_each(|i| t.text(i, true)),
                        None => t.block(Block::List {
                            items: items.into_iter().map(Text::from).collect(),
                            ordered,
                        }),
                    }
                }
            }
            Event::Start(Tag::Item) => flush_item(&mut inline, &mut lists),
            Event::End(TagEnd::Item) => {
                let text = inline.take();
                if let Some((_, items)) = lists.last_mut() {
                    push_item_text(items, text);
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                inline
                    .links
                    .push((inline.text.len(), dest_url.into_string()));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                // Link text is kept; a link with no text keeps its URL.
                if let Some((start, url)) = inline.links.pop()
                    && inline.text.len() == start
                {
                    inline.push(&url);
                }
            }
            Event::Text(s) | Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                inline.push(&s);
            }
            Event::SoftBreak => inline.soft_break = true,
            Event::HardBreak => inline.push("\n"),
            // Raw HTML is dropped; rules, footnote marks and task boxes
            // carry no words.
            _ => {}
        }
    }
    t.finish()
}

fn push_item_text(items: &mut Vec<String>, text: String) {
    if text.is_empty() {
        return;
    }
    items.push(text);
}

/// Text of a tight list item that comes before a nested list.
fn flush_item(inline: &mut Inline, lists: &mut [(bool, Vec<String>)]) {
    let text = inline.take();
    if let Some((_, items)) = lists.last_mut() {
        push_item_text(items, text);
    }
}

/// The plain text of the block being read.
#[derive(Debug, Default)]
struct Inline {
    text: String,
    soft_break: bool,
    links: Vec<(usize, String)>,
}

impl Inline {
    /// Appends text; a pending soft line break becomes a space, except
    /// between two wide (CJK) characters, where Chinese has none.
    fn push(&mut self, s: &str) {
        if std::mem::take(&mut self.soft_break) && !self.text.is_empty() {
            let wide = |c: Option<char>| c.and_then(|c| c.width()) == Some(2);
            if !(wide(self.text.chars().next_back()) && wide(s.chars().next())) {
                self.text.push(' ');
            }
        }
        self.text.push_str(s);
    }

    fn clear(&mut self) {
        self.text.clear();
        self.soft_break = false;
        self.links.clear();
    }

    /// The text, without the code block's final line break.
    fn take(&mut self) -> String {
        let mut text = std::mem::take(&mut self.text);
        self.clear();
        while text.ends_with('\n') {
            text.pop();
        }
        text
    }
}

/// Where the blocks go as the document is read.
#[derive(Debug)]
struct Transcript<'a> {
    name: &'a str,
    b: Builder,
    title_seen: bool,
    /// Before the first `##` and the first turn: blocks for the summary.
    preamble: Vec<Block>,
    turn: Option<Turn>,
    turns: usize,
}

impl<'a> Transcript<'a> {
    fn new(name: &'a str) -> Transcript<'a> {
        Transcript {
            name,
            b: Builder::new(),
            title_seen: false,
            preamble: Vec::new(),
            turn: None,
            turns: 0,
        }
    }

    fn heading(&mut self, level: HeadingLevel, text: String) {
        match level {
            HeadingLevel::H1 if !self.title_seen => {
                self.title_seen = true;
                let (date, title) = split_date(&text);
                self.b.forum.date = date;
                self.b.forum.title = title.to_owned();
            }
            HeadingLevel::H1 | HeadingLevel::H2 => {
                self.flush_turn();
                self.start_first_segment_if_needed();
                let title = if text.is_empty() {
                    "—".to_owned()
                } else {
                    text
                };
                self.b.segment(SegmentKind::Other, &title, Vec::new());
            }
            HeadingLevel::H3 => {
                self.flush_turn();
                let name = speaker_name(&text);
                if name.is_empty() {
                    return self.text(text, false);
                }
                if !self.b.has_segments() {
                    self.start_first_segment_if_needed();
                    let title = self.forum_title();
                    self.b.segment(SegmentKind::Other, &title, Vec::new());
                }
                let speaker = self.b.speaker(name, name, Vec::new);
                self.turns += 1;
                self.turn = Some(Turn {
                    speaker: Some(speaker),
                    ..Turn::default()
                });
            }
            _ => self.text(text, false),
        }
    }

    /// The summary is what came before the first section; once a section
    /// starts, nothing more goes there.
    fn start_first_segment_if_needed(&mut self) {
        if !self.b.has_segments() {
            self.b.forum.summary = std::mem::take(&mut self.preamble);
        }
    }

    /// A paragraph (or a note, in a block quote) where the reading is.
    fn text(&mut self, text: String, note: bool) {
        if text.is_empty() {
            return;
        }
        self.block(if note {
            Block::Note(text.into())
        } else {
            Block::Paragraph(text.into())
        });
    }

    fn block(&mut self, block: Block) {
        if let Some(turn) = &mut self.turn {
            turn.blocks.push(block);
        } else if !self.b.has_segments() {
            self.preamble.push(block);
        } else if let Block::Note(note) = block {
            // A note between turns is an entry of its own.
            self.b.turn(Turn::notes(vec![note]), "");
        } else if let Some(segment) = self.b.current() {
            // Text after a section heading, before its first turn.
            segment.description.push(block);
        }
    }

    /// Ends the turn being read. Notes after its last spoken words stand
    /// between this turn and the next, as their own entry.
    fn flush_turn(&mut self) {
        let Some(mut turn) = self.turn.take() else {
            return;
        };
        let spoken_end = turn
            .blocks
            .iter()
            .rposition(|b| !matches!(b, Block::Note(_)))
            .map_or(turn.blocks.len(), |i| i + 1);
        let trailing = turn.blocks.split_off(spoken_end);
        let fallback = self.forum_title();
        if turn.blocks.is_empty() {
            // Only notes under the heading: they are this speaker's entry.
            turn.blocks = trailing;
            self.b.turn(turn, &fallback);
            return;
        }
        self.b.turn(turn, &fallback);
        if !trailing.is_empty() {
            let notes = Turn {
                blocks: trailing,
                ..Turn::default()
            };
            self.b.turn(notes, &fallback);
        }
    }

    fn forum_title(&self) -> String {
        if self.b.forum.title.is_empty() {
            file_stem(self.name).to_owned()
        } else {
            self.b.forum.title.clone()
        }
    }

    fn finish(mut self) -> Result<Loaded, LoadError> {
        self.flush_turn();
        if self.turns == 0 {
            let m = format!(
                "no turns found: a markdown transcript starts each turn with a \
                 `### Speaker:` heading. {}",
                formats_message()
            );
            return Err(LoadError::whole_file(LoadErrorKind::Invalid, self.name, &m));
        }
        if self.b.forum.title.is_empty() {
            self.b.forum.title = self.forum_title();
        }
        Ok(self.b.finish())
    }
}

/// `2019-04-03 開放政府…` → the date and the rest; otherwise no date.
fn split_date(text: &str) -> (Option<crate::model::Date>, &str) {
    let Some((first, rest)) = text.split_once(char::is_whitespace) else {
        return (None, text);
    };
    match first.parse() {
        Ok(date) if !rest.trim().is_empty() => (Some(date), rest.trim()),
        _ => (None, text),
    }
}

/// `蔡玉琪：` → `蔡玉琪`; `Liz Barry:` → `Liz Barry`.
fn speaker_name(heading: &str) -> &str {
    heading.trim().trim_end_matches([':', '：']).trim_end()
}

/// The file name without folders and extension, for a document with no title.
pub(super) fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
