//! The forum-wide search's results over the text pane: the query and the
//! count, the hits per speaker, then the hits grouped by segment, each a
//! line with its speaker and a snippet centred on the match.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Look, pane_header, put, rect};
use crate::find::{Hit, snippet};
use crate::state::{FindView, Geometry, State};

/// One row of the list.
enum Row<'a> {
    /// A segment's heading (`None`: the forum's summary).
    Segment(Option<usize>),
    Hit(usize, &'a Hit),
}

/// The rows from hit `offset` on, at most `height` of them: a heading
/// before the first hit shown and wherever the segment changes.
fn rows(hits: &[Hit], offset: usize, height: usize) -> Vec<Row<'_>> {
    let mut out = Vec::with_capacity(height);
    let mut last = None;
    for (k, hit) in hits.iter().enumerate().skip(offset) {
        let seg = Some(hit.place.segment);
        if seg != last {
            out.push(Row::Segment(hit.place.segment));
            last = seg;
        }
        out.push(Row::Hit(k, hit));
        if out.len() >= height {
            break;
        }
    }
    out.truncate(height);
    out
}

pub(super) fn render(buf: &mut Buffer, g: &Geometry, state: &State, f: &FindView, look: &Look) {
    let t = &look.theme;
    let header = rect(g.text_header);
    let total = f.hits().len();
    let done = f.search.as_ref().is_none_or(|s| s.is_done());
    let count = match (total, done) {
        (_, false) => format!("{total} so far, searching…"),
        (0, true) => "no match".to_owned(),
        (1, true) => "1 match".to_owned(),
        (n, true) => format!("{n} matches"),
    };
    // The page's header is drawn beneath: clear it first.
    for x in header.left()..header.right() {
        buf[(x, header.y)].reset();
    }
    pane_header(
        buf,
        header,
        &format!("forum search: {}  {count}", f.query),
        true,
        look,
    );
    // The pane: from the tree's separator to the right edge.
    let area = Rect::new(
        g.text.x,
        g.text.y,
        g.scrollbar.x + 1 - g.text.x,
        g.text.height,
    );
    buf.set_style(area, t.body);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
        }
    }
    if area.height < 2 {
        return;
    }
    let p = state.proceedings();
    // The hits per speaker, as many as fit on one line.
    let per = f
        .search
        .as_ref()
        .map(|s| s.per_speaker())
        .unwrap_or_default();
    let by_speaker: Vec<String> = per
        .iter()
        .map(|(who, n)| format!("{} {n}", p.speaker(*who).name))
        .collect();
    put(
        buf,
        area.x,
        area.y,
        area.width,
        &by_speaker.join("  "),
        t.meta,
        look,
    );
    let list = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let b = state.builder();
    let shown = rows(f.hits(), f.offset, usize::from(list.height));
    // The speakers' names in one column, so the snippets line up.
    let name = |hit: &Hit| hit.speaker.map_or("", |s| p.speaker(s).name.as_str());
    let names = shown
        .iter()
        .filter_map(|r| match r {
            Row::Hit(_, hit) => Some(crate::text::width::str_width(name(hit), look.amb)),
            Row::Segment(_) => None,
        })
        .max()
        .unwrap_or(0)
        .min(usize::from(list.width) / 3) as u16;
    for (i, row) in shown.into_iter().enumerate() {
        let y = list.y + i as u16;
        match row {
            Row::Segment(None) => {
                put(
                    buf,
                    list.x,
                    y,
                    list.width,
                    b.labels().summary,
                    t.heading,
                    look,
                );
            }
            Row::Segment(Some(s)) => {
                let label = format!("{} {}", s + 1, p.segments[s].title);
                put(buf, list.x, y, list.width, &label, t.heading, look);
            }
            Row::Hit(k, hit) => {
                let area = Rect::new(list.x, y, list.width, 1);
                hit_row(buf, area, state, hit, names, k == f.selected, look);
            }
        }
    }
}

/// `  郝明虹  …食品安全的前提是質量…`: who, then the line around the match.
fn hit_row(
    buf: &mut Buffer,
    area: Rect,
    state: &State,
    hit: &Hit,
    names: u16,
    selected: bool,
    look: &Look,
) {
    let t = &look.theme;
    let p = state.proceedings();
    let base: Style = if selected {
        t.body.patch(t.selected_focused)
    } else {
        t.body
    };
    buf.set_style(area, base);
    let who = hit
        .speaker
        .map_or_else(String::new, |s| p.speaker(s).name.clone());
    // A name column as wide as the widest name shown, so snippets line up.
    let mut x = area.x + 2;
    if names > 0 {
        put(buf, x, area.y, names, &who, base.patch(t.speaker), look);
        x += names + 2;
    }
    let Some(line) = hit.place.text(p) else {
        return;
    };
    let room = usize::from(area.right().saturating_sub(x));
    let s = snippet(line, hit.range.clone(), room, look.amb);
    let before = &s.text[..s.range.start];
    let matched = &s.text[s.range.clone()];
    let after = &s.text[s.range.end..];
    for (part, style) in [
        (before, base),
        (matched, base.patch(t.hit_current)),
        (after, base),
    ] {
        x += put(
            buf,
            x,
            area.y,
            area.right().saturating_sub(x),
            part,
            style,
            look,
        );
    }
}
