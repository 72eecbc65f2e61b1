//! What the text pane shows, as a list of styled pieces: the forum overview
//! or a segment's transcript page (its header, then every turn with its
//! speaker line). Built from the model, laid out by `text::layout` one piece
//! at a time (so a page costs what is on screen), drawn by `ui`. Pure: no
//! terminal, no app state.

mod build;
mod labels;
mod page;

pub use build::{Builder, first_sentence};
pub use labels::Labels;

pub use crate::find::Field;
use crate::model::{Block, Text};
use crate::text;
use crate::text::layout::{LaidLine, LayoutOptions};

/// Between the headings of nested sections: 委員會 › 質詢.
pub const PATH_SEP: &str = " › ";

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
    /// The line that starts a turn: who speaks, in what capacity, when.
    Speaker,
    /// A procedural note or stage direction: dimmed, never indented.
    Note,
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
    /// The turn the piece belongs to, as (segment, speech) indices; `None`
    /// for page headers.
    pub at: Option<(usize, usize)>,
    /// Which text of the model the piece shows, so that a forum-wide hit or
    /// a saved position finds its piece.
    pub src: Option<Src>,
}

/// Where a piece's text comes from: a field of the forum, the segment or
/// the turn (`Piece::at` says which turn), its block, and the bytes of
/// furniture before the model's text (a label such as 議題　).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Src {
    pub field: Field,
    pub block: usize,
    pub base: usize,
}

impl Piece {
    fn text(role: Role, text: impl Into<String>) -> Piece {
        Piece {
            role,
            content: Content::Text {
                text: text.into(),
                indent: false,
            },
            at: None,
            src: None,
        }
    }

    /// The piece with its source.
    fn from(self, field: Field, block: usize, base: usize) -> Piece {
        Piece {
            src: Some(Src { field, block, base }),
            ..self
        }
    }

    /// Bytes of searchable text, for the cheap position counts.
    fn len(&self) -> usize {
        self.items().iter().map(String::len).sum::<usize>().max(1)
    }

    /// Lays the piece out for a text column of `width` cells.
    pub fn layout(&self, width: usize, opts: impl Into<LayoutOptions>) -> Vec<LaidLine> {
        match &self.content {
            Content::Text { text, indent } => {
                text::layout::layout_paragraph(text, width, *indent, opts)
            }
            Content::List { items, ordered } => {
                text::layout::layout_list(items, *ordered, width, opts)
            }
            Content::Blank => vec![LaidLine {
                prefix: String::new(),
                prefix_width: 0,
                item: 0,
                range: 0..0,
                width: 0,
            }],
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

/// Where a turn starts on a page: its (segment, speech) and the index of
/// its first piece (the speaker line, or its first note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    pub at: (usize, usize),
    pub piece: usize,
}

/// A page of the text pane.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    pub pieces: Vec<Piece>,
    /// The turns on the page, in page order.
    pub turns: Vec<Turn>,
    /// For each piece, the bytes of text before it: percentages and the
    /// scrollbar come from these counts, not from laying the page out.
    starts: Vec<usize>,
}

/// One screen line of a laid-out doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VLine {
    pub piece: usize,
    pub line: LaidLine,
}

impl Doc {
    /// Lays the whole doc out for a text column of `width` cells (for
    /// `--dump`; the reader lays out only the pieces it shows).
    pub fn layout(&self, width: usize, opts: impl Into<LayoutOptions>) -> Vec<VLine> {
        let opts = opts.into();
        let mut out = Vec::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            let lines = piece.layout(width, opts);
            out.extend(lines.into_iter().map(|line| VLine { piece: i, line }));
        }
        out
    }

    /// Bytes of text before a piece (plus `offset` into it), and the total:
    /// how far through the page a place is, without laying it out.
    pub fn bytes_before(&self, piece: usize) -> usize {
        self.starts
            .get(piece)
            .copied()
            .unwrap_or(self.total_bytes())
    }

    pub fn total_bytes(&self) -> usize {
        match (self.starts.last(), self.pieces.last()) {
            (Some(s), Some(p)) => s + p.len(),
            _ => 0,
        }
    }

    /// The piece holding the `byte`-th byte of the page's text.
    pub fn piece_at_byte(&self, byte: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1)
    }

    /// The turn a piece belongs to, as its index in [`Doc::turns`].
    pub fn turn_of(&self, piece: usize) -> Option<usize> {
        let at = self.pieces.get(piece)?.at?;
        let k = self
            .turns
            .partition_point(|t| t.piece <= piece)
            .checked_sub(1)?;
        (self.turns[k].at == at).then_some(k)
    }

    fn push(&mut self, p: Piece) {
        self.starts.push(self.total_bytes());
        self.pieces.push(p);
    }

    fn blank(&mut self) {
        if self.pieces.last().is_some_and(|p| p.role != Role::Blank) {
            let at = self.pieces.last().and_then(|p| p.at);
            self.push(Piece {
                role: Role::Blank,
                content: Content::Blank,
                at,
                src: None,
            });
        }
    }

    /// Blocks of text, each after a blank line. Spoken paragraphs take the
    /// Chinese indent in Chinese documents; notes never do.
    fn blocks(&mut self, blocks: &[Block], cjk: bool, at: Option<(usize, usize)>, field: Field) {
        self.blocks_from(blocks, cjk, at, field, true);
    }

    /// [`Doc::blocks`], the first one right under what precedes it unless
    /// `gap` (a turn's first block sits under its speaker line).
    fn blocks_from(
        &mut self,
        blocks: &[Block],
        cjk: bool,
        at: Option<(usize, usize)>,
        field: Field,
        gap: bool,
    ) {
        for (k, b) in blocks.iter().enumerate() {
            if gap || k > 0 {
                self.blank();
            }
            let (role, content) = match b {
                Block::Paragraph(t) => (
                    Role::Body,
                    Content::Text {
                        text: t.to_string(),
                        indent: cjk,
                    },
                ),
                Block::Note(t) => (
                    Role::Note,
                    Content::Text {
                        text: t.to_string(),
                        indent: false,
                    },
                ),
                Block::List { items, ordered } => (
                    Role::Body,
                    Content::List {
                        items: items.iter().map(Text::to_string).collect(),
                        ordered: *ordered,
                    },
                ),
            };
            let src = Some(Src {
                field,
                block: k,
                base: 0,
            });
            self.push(Piece {
                role,
                content,
                at,
                src,
            });
        }
    }

    fn meta(&mut self, labels: &Labels, label: &str, value: Option<&str>) {
        if let Some(p) = meta_piece(labels, label, value) {
            self.push(p);
        }
    }

    /// The piece showing a model text, and the bytes before it there.
    pub fn piece_of(
        &self,
        at: Option<(usize, usize)>,
        field: Field,
        block: usize,
    ) -> Option<(usize, usize)> {
        self.pieces
            .iter()
            .position(|p| p.at == at && p.src.is_some_and(|s| s.field == field && s.block == block))
            .map(|i| (i, self.pieces[i].src.map_or(0, |s| s.base)))
    }
}

/// 日期　2023-01-13: a label and its value, or nothing without a value.
fn meta_piece(labels: &Labels, label: &str, value: Option<&str>) -> Option<Piece> {
    let v = value.filter(|v| !v.is_empty())?;
    Some(Piece::text(
        Role::Meta,
        format!("{label}{}{v}", labels.meta_sep),
    ))
}
