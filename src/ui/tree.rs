//! The programme tree: the forum, section headings, segments (number, kind,
//! title, turn count) and their turns (speaker, then the turn's first words,
//! dimmed, as far as the width allows). The selected row is highlighted
//! (strongly when the tree has focus) and the row being read carries a
//! marker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Look, pane_header, put, rect};
use crate::model::{Block, Text};
use crate::state::{Focus, Geometry, Node, State};

/// One row as drawn: indent, fold marker, label, and dimmed trailing text.
struct Row {
    indent: u16,
    fold: &'static str,
    label: String,
    trail: Option<String>,
    /// Right-aligned: a segment's turn count.
    count: Option<String>,
    style: Style,
}

pub(super) fn render(buf: &mut Buffer, g: &Geometry, state: &State, look: &Look) {
    if g.tree.width == 0 {
        return;
    }
    let t = &look.theme;
    let b = state.builder();
    let focused = state.focus == Focus::Tree;
    pane_header(
        buf,
        rect(g.tree_header),
        b.labels().programme,
        focused,
        look,
    );

    let area = rect(g.tree);
    let rows = state.tree.rows(state.proceedings());
    let reading_node = state.reading();
    for (i, node) in rows
        .iter()
        .skip(state.tree.offset)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + i as u16;
        let reading = *node == reading_node;
        let selected = *node == state.tree.selected;
        let row = row(state, *node, look);
        let mut style = if reading {
            row.style.patch(t.tree_reading)
        } else {
            row.style
        };
        if selected {
            style = style.patch(if focused {
                t.selected_focused
            } else {
                t.selected_unfocused
            });
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        let mut right = area.right();
        if let Some(count) = &row.count {
            let w = count.len() as u16;
            if w + 8 < area.width {
                let count_style = if selected { style } else { t.tree_post };
                put(buf, right - w - 1, y, w, count, count_style, look);
                right -= w + 2;
            }
        }
        if reading {
            put(buf, area.x, y, 1, look.symbols.reading, style, look);
        }
        let mut x = area.x + 1 + row.indent;
        if !row.fold.is_empty() {
            x += put(buf, x, y, right.saturating_sub(x), row.fold, style, look) + 1;
        }
        x += put(buf, x, y, right.saturating_sub(x), &row.label, style, look);
        if let Some(trail) = row.trail
            && x + 2 < right
        {
            let trail_style = if selected { style } else { t.tree_post };
            put(buf, x + 1, y, right - x - 1, &trail, trail_style, look);
        }
    }
}

fn row(state: &State, node: Node, look: &Look) -> Row {
    let p = state.proceedings();
    let b = state.builder();
    let t = &look.theme;
    let s = look.symbols;
    let tree = &state.tree;
    let fold = |open: bool| if open { s.expanded } else { s.collapsed };
    match node {
        Node::Forum => Row {
            indent: 0,
            fold: "",
            label: p.forum.title.clone(),
            trail: None,
            count: None,
            style: t.tree_forum,
        },
        Node::Heading(h) => {
            let heading = &tree.outline.headings[h];
            Row {
                indent: 2 * heading.level as u16,
                fold: fold(tree.is_open(h)),
                label: heading.title.clone(),
                trail: None,
                count: None,
                style: t.tree_heading,
            }
        }
        Node::Segment(k) => {
            let seg = &p.segments[k];
            Row {
                indent: 2 * tree.outline.depth(k) as u16,
                fold: fold(tree.is_expanded(k)),
                label: format!("{} {} {}", k + 1, b.kind_label(&seg.kind), seg.title),
                trail: None,
                count: Some(seg.speeches.len().to_string()),
                style: t.tree_segment,
            }
        }
        Node::Speech(k, j) => {
            let speech = &p.segments[k].speeches[j];
            let label = b.speech_label(speech);
            let first = speech.paragraphs.first().map(block_text).unwrap_or("");
            let snippet: String = first.split_whitespace().collect::<Vec<_>>().join(" ");
            Row {
                indent: 2 * tree.outline.depth(k) as u16 + 2,
                fold: "",
                // A note-only entry has no name: its words are its label.
                trail: (!label.is_empty()).then_some(snippet.clone()),
                label: if label.is_empty() { snippet } else { label },
                count: None,
                style: t.tree_speech,
            }
        }
    }
}

/// The first words of a block (at most a line's worth is ever drawn).
fn block_text(block: &Block) -> &str {
    let text = match block {
        Block::Paragraph(t) | Block::Note(t) => t.as_str(),
        Block::List { items, .. } => items.first().map_or("", Text::as_str),
    };
    let end = text.char_indices().nth(80).map_or(text.len(), |(i, _)| i);
    &text[..end]
}
