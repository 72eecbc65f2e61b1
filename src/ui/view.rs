//! The title line and the text pane: the laid-out page, search matches laid
//! over it, and the scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Look, pane_header, put, put_glyph, rect};
use crate::doc::Role;
use crate::state::{Focus, Geometry, Node, State};
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

/// Where the page sits in the programme, for the pane's header.
fn crumb(state: &State, look: &Look) -> String {
    let p = state.proceedings();
    let b = state.builder();
    match state.reader.node {
        Node::Forum => b.labels().overview.to_owned(),
        Node::Segment(i) => format!("{} {}", i + 1, p.segments[i].title),
        Node::Speech(i, j) => format!(
            "{}{}{}",
            p.segments[i].title,
            look.symbols.crumb_sep,
            b.speech_label(&p.segments[i].speeches[j])
        ),
    }
}

pub(super) fn text_pane(buf: &mut Buffer, g: &Geometry, state: &State, look: &Look) {
    let t = &look.theme;
    let focused = state.focus == Focus::Text;
    pane_header(buf, rect(g.text_header), &crumb(state, look), focused, look);

    let sep = rect(g.separator);
    for y in sep.top()..sep.bottom() {
        buf.set_string(sep.x, y, look.symbols.separator, t.separator);
    }

    let area = rect(g.text);
    let r = &state.reader;
    let doc = &r.doc;
    for (row, vline) in r
        .lines()
        .iter()
        .skip(r.top)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + row as u16;
        let piece = &doc.pieces[vline.piece];
        if piece.role == Role::Blank {
            continue;
        }
        let base = t.role(piece.role);
        let line = &vline.line;
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
            .in_line(vline.piece, line.item, &line.range)
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

fn scrollbar(buf: &mut Buffer, area: Rect, state: &State, look: &Look) {
    let r = &state.reader;
    let total = r.lines().len();
    let h = usize::from(area.height);
    if total <= h || h == 0 {
        return;
    }
    let thumb = (h * h / total).clamp(1, h);
    let pos = r.top * (h - thumb) / r.max_top().max(1);
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
