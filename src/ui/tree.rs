//! The programme tree: the forum, its segments, their speeches. The
//! selected row is highlighted (strongly when the tree has focus) and the
//! row being read carries a marker.

use ratatui::buffer::Buffer;

use super::{Look, pane_header, put, rect};
use crate::state::{Focus, Geometry, Node, State};

pub(super) fn render(buf: &mut Buffer, g: &Geometry, state: &State, look: &Look) {
    let t = &look.theme;
    let s = look.symbols;
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
    let p = state.proceedings();
    let rows = state.tree.rows(p);
    for (i, node) in rows
        .iter()
        .skip(state.tree.offset)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + i as u16;
        let reading = *node == state.reader.node;
        let selected = *node == state.tree.selected;
        let (indent, fold, label, post, base) = match *node {
            Node::Forum => (0, "", p.forum.title.clone(), None, t.tree_forum),
            Node::Segment(k) => {
                let seg = &p.segments[k];
                let fold = if state.tree.is_expanded(k) {
                    s.expanded
                } else {
                    s.collapsed
                };
                let label = format!("{} {} {}", k + 1, b.kind_label(&seg.kind), seg.title);
                (0, fold, label, None, t.tree_segment)
            }
            Node::Speech(k, j) => {
                let speech = &p.segments[k].speeches[j];
                let post = speech.speaker.and_then(|sp| b.short_post(p.speaker(sp)));
                (2, "", b.speech_label(speech), post, t.tree_speech)
            }
        };
        let mut style = if reading {
            base.patch(t.tree_reading)
        } else {
            base
        };
        if selected {
            style = style.patch(if state.focus == Focus::Tree {
                t.selected_focused
            } else {
                t.selected_unfocused
            });
            buf.set_style(ratatui::layout::Rect::new(area.x, y, area.width, 1), style);
        }
        let mut x = area.x;
        let right = area.right();
        if reading {
            put(buf, x, y, 1, s.reading, style, look);
        }
        x += 1 + indent;
        if !fold.is_empty() {
            x += put(buf, x, y, right.saturating_sub(x), fold, style, look) + 1;
        }
        x += put(buf, x, y, right.saturating_sub(x), &label, style, look);
        if let Some(post) = post
            && x + 2 < right
        {
            let post_style = if selected { style } else { t.tree_post };
            put(buf, x + 1, y, right - x - 1, &post, post_style, look);
        }
    }
}
