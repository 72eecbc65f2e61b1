//! The title line and the text pane: the laid-out page, search matches laid
//! over it, and the scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Look, pane_header, put, put_glyph, rect};
use crate::doc::Role;
use crate::state::{Focus, Geometry, Node, Page, State};
use crate::text;

/// forum title ｜ date ｜ place
pub(super) fn title(buf: &mut Buffer, area: Rect, state: &State, look: &Look) {
    buf.set_style(area, look.theme.title_bar);
    let f = &state.proceedings().forum;
    let mut parts = vec![f.title.clone()];
    parts.extend(f.date.map(|d| d.to_string()));
    parts.extend(f.location.clone());
    let line = parts.join(look.symbols.title_sep);
    put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &line,
        look.theme.title_bar,
        look,
    );
}

/// The text pane's header: where the page sits in the programme, and the
/// current turn's speaker. When it is too long the segment's title gives
/// way, never the speaker's name.
fn header(buf: &mut Buffer, area: Rect, state: &State, look: &Look) {
    let p = state.proceedings();
    let focused = state.focus == Focus::Text;
    let (place, who) = match (state.reader.page, state.reading()) {
        (Page::Speaker(who), Node::Speech(i, _)) => {
            (p.speaker(who).name.clone(), Some(segment_place(state, i)))
        }
        (_, node) => place_and_speaker(state, node),
    };
    header_line(buf, area, &place, who, focused, look);
}

/// The segment's place and the turn's speaker, for a segment's page.
fn place_and_speaker(state: &State, node: Node) -> (String, Option<String>) {
    let p = state.proceedings();
    let b = state.builder();
    match node {
        Node::Forum | Node::Heading(_) => (b.labels().overview.to_owned(), None),
        Node::Segment(i) => (segment_place(state, i), None),
        Node::Speech(i, j) => (
            segment_place(state, i),
            Some(b.speech_label(&p.segments[i].speeches[j])),
        ),
    }
}

/// `place › who`, the place shortened first.
fn header_line(
    buf: &mut Buffer,
    area: Rect,
    place: &str,
    who: Option<String>,
    focused: bool,
    look: &Look,
) {
    let Some(who) = who.filter(|w| !w.is_empty()) else {
        pane_header(buf, area, place, focused, look);
        return;
    };
    pane_header(buf, area, "", focused, look);
    let style = if focused {
        look.theme.pane_header_focused
    } else {
        look.theme.pane_header
    };
    let room = area.width.saturating_sub(2);
    let sep = look.symbols.crumb_sep;
    let tail = format!("{sep}{who}");
    let tail_w = text::width::str_width(&text::sanitize::sanitize(&tail), look.amb) as u16;
    let place_room = room.saturating_sub(tail_w.min(room / 2 + room / 4));
    let x = area.x + 1;
    let used = put(buf, x, area.y, place_room, place, style, look);
    put(buf, x + used, area.y, room - used, &tail, style, look);
}

/// 12 委員會 › 質詢 › 第一案: the segment's number, its sections, its title.
fn segment_place(state: &State, i: usize) -> String {
    let seg = &state.proceedings().segments[i];
    let mut parts: Vec<&str> = seg.parents.iter().map(String::as_str).collect();
    parts.push(&seg.title);
    format!("{} {}", i + 1, parts.join(crate::doc::PATH_SEP))
}

pub(super) fn text_pane(buf: &mut Buffer, g: &Geometry, state: &State, look: &Look) {
    let t = &look.theme;
    header(buf, rect(g.text_header), state, look);

    let sep = rect(g.separator);
    for y in (sep.top()..sep.bottom()).filter(|_| sep.width > 0) {
        buf.set_string(sep.x, y, look.symbols.separator, t.separator);
    }

    let area = rect(g.text);
    let r = &state.reader;
    let doc = &r.doc;
    for (row, (piece_index, line)) in r.window().take(usize::from(area.height)).enumerate() {
        let y = area.y + row as u16;
        let piece = &doc.pieces[piece_index];
        if piece.role == Role::Blank {
            continue;
        }
        let base = t.role(piece.role);
        let mut x = area.x;
        for g in text::render::glyphs(&line.prefix, 0..line.prefix.len(), 0, look.amb) {
            put_glyph(buf, x, y, &g.text, g.width, base);
            x += g.width as u16;
        }
        let Some(src) = piece.items().get(line.item) else {
            continue;
        };
        let hits: Vec<_> = state
            .search
            .in_line(piece_index, line.item, &line.range)
            .collect();
        for g in text::render::glyphs(src, line.range.clone(), line.prefix_width, look.amb) {
            if x + g.width as u16 > area.right() {
                break;
            }
            let style = match hits
                .iter()
                .find(|(_, h)| h.start < g.range.end && g.range.start < h.end)
            {
                Some((k, _)) if state.search.current == Some(*k) => base.patch(t.hit_current),
                Some(_) => base.patch(t.hit),
                None => base,
            };
            put_glyph(buf, x, y, &g.text, g.width, style);
            x += g.width as u16;
        }
    }
    scrollbar(buf, rect(g.scrollbar), state, look);
}

/// The scrollbar, from byte counts: the thumb covers the text on screen.
fn scrollbar(buf: &mut Buffer, area: Rect, state: &State, look: &Look) {
    let (start, end, total) = state.reader.extent();
    let h = usize::from(area.height);
    if h == 0 || total == 0 || (start == 0 && end >= total) {
        return;
    }
    let thumb = ((end - start) * h).div_ceil(total).clamp(1, h);
    let pos = if end >= total {
        h - thumb
    } else {
        (start * h / total).min(h - thumb)
    };
    for i in 0..h {
        let y = area.y + i as u16;
        let (sym, style) = if (pos..pos + thumb).contains(&i) {
            (look.symbols.thumb, look.theme.scrollbar_thumb)
        } else {
            (look.symbols.track, look.theme.scrollbar_track)
        };
        buf.set_string(area.x, y, sym, style);
    }
}
