//! The jump palette's box over the text pane: the query with its cursor,
//! then one row per speaker (name, short post, turns) or segment (number,
//! kind, title, turns), the selected row highlighted. Its title names the
//! keys, from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

use super::{Look, put, rect};
use crate::action::Action;
use crate::find::{Entry, Target};
use crate::keymap::{self, Mode};
use crate::state::State;
use crate::text::width::str_width;

/// Draws the open palette; returns where the cursor goes (after the query).
pub(super) fn render(buf: &mut Buffer, state: &State, look: &Look) -> Option<Position> {
    let (Some(jump), Some(area)) = (state.palette.as_ref(), state.palette_area()) else {
        return None;
    };
    let area = rect(area);
    super::clear_under_overlay(buf, area);
    Clear.render(area, buf);
    let t = &look.theme;
    let p = state.proceedings();
    let keys = |a| keymap::keys_label(&keymap::keys_for(Mode::Palette, a));
    let block = Block::bordered()
        .border_set(look.symbols.border)
        .title(format!(
            " jump: {} of {} ",
            jump.entries.len(),
            p.speakers.len() + p.segments.len()
        ))
        .title_bottom(format!(
            " {} jump  {} speaker's page  {} close ",
            keys(Action::PaletteAccept),
            keys(Action::PaletteSpeaker),
            keys(Action::PaletteClose)
        ))
        .style(t.help);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 3 || inner.height == 0 {
        return None;
    }
    let x = inner.x + 1;
    let w = inner.width - 2;
    let mut col = x + put(buf, x, inner.y, w, "› ", t.help_key, look);
    col += put(
        buf,
        col,
        inner.y,
        (x + w).saturating_sub(col),
        &jump.query,
        t.body,
        look,
    );
    let cursor = Position::new(col.min(x + w - 1), inner.y);
    if jump.query.is_empty() {
        put(
            buf,
            col + 1,
            inner.y,
            (x + w).saturating_sub(col + 1),
            "a name, post, pinyin (hmh, haominghong) or segment",
            t.meta,
            look,
        );
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    if jump.entries.is_empty() {
        if rows > 0 {
            put(
                buf,
                x,
                inner.y + 1,
                w,
                "no speaker or segment matches",
                t.meta,
                look,
            );
        }
        return Some(cursor);
    }
    for (n, entry) in jump.entries.iter().enumerate().skip(jump.scroll).take(rows) {
        let y = inner.y + 1 + (n - jump.scroll) as u16;
        let row = Rect::new(inner.x, y, inner.width, 1);
        row_line(buf, row, state, entry, n == jump.selected, look);
    }
    Some(cursor)
}

/// One row: what it opens on the left, its number of turns on the right.
fn row_line(buf: &mut Buffer, row: Rect, state: &State, e: &Entry, selected: bool, look: &Look) {
    let t = &look.theme;
    let style = |s: Style| {
        if selected {
            s.patch(t.selected_focused)
        } else {
            s
        }
    };
    if selected {
        buf.set_style(row, t.selected_focused);
    }
    let b = state.builder();
    let p = state.proceedings();
    let count = b.labels().turns(e.turns);
    let count_w = str_width(&count, look.amb) as u16;
    let left = row.x + 1;
    let end = row.right().saturating_sub(1);
    let count_x = end.saturating_sub(count_w);
    // The count gives way on a narrow box rather than the name.
    let room_end = if count_x > left + 8 { count_x - 2 } else { end };
    let mut x = left;
    let room = |x: u16| room_end.saturating_sub(x);
    match e.target {
        Target::Speaker(who) => {
            let sp = p.speaker(who);
            x += put(buf, x, row.y, room(x), &sp.name, style(t.speaker), look);
            if let Some(post) = b.short_post(sp) {
                x += 2;
                put(buf, x, row.y, room(x), &post, style(t.tree_post), look);
            }
        }
        Target::Segment(i) => {
            let seg = &p.segments[i];
            let label = format!("{}. {}", i + 1, b.kind_label(&seg.kind));
            x += put(buf, x, row.y, room(x), &label, style(t.tree_segment), look);
            x += 1;
            put(buf, x, row.y, room(x), &seg.title, style(t.entry), look);
        }
    }
    if room_end != end {
        put(buf, count_x, row.y, count_w, &count, style(t.meta), look);
    }
}
