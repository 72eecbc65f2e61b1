//! What the text pane shows, as a list of styled pieces: the forum overview,
//! a segment overview, or a speech. Built from the model, laid out by
//! `text::layout`, drawn by `ui`. Pure: no terminal, no app state.

mod build;
mod labels;

pub use build::{Builder, first_sentence};
pub use labels::Labels;

use crate::model::Block;
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
                // A procedural note: dimmed (Meta is the dim role for now) and never indented.
                Block::Note(t) => Piece {
                    role: Role::Meta,
                    content: Content::Text {
                        text: t.clone(),
                        indent: false,
                    },
                },
            });
        }
    }

    fn meta(&mut self, labels: &Labels, label: &str, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let sep = labels.meta_sep;
            self.push(Piece::text(Role::Meta, format!("{label}{sep}{v}")));
        }
    }
}
