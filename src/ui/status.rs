//! The status line: where the reader is, the search, a remark, and key
//! hints generated from the keymap, pruned to fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::{Look, put};
use crate::keymap;
use crate::state::{Node, Page, State, count_of};
use crate::text;

/// Where reading is: segment i/n (with its sections), speaker, turn i/n,
/// percent.
pub(super) fn position(state: &State) -> String {
    let p = state.proceedings();
    let n = p.segments.len();
    let pct = state.reader.percent();
    let b = state.builder();
    if let Page::Speaker(who) = state.reader.page {
        let name = &p.speaker(who).name;
        let turns = state.reader.doc.turns.len();
        let k = state.current_turn().map_or(0, |k| k + 1);
        return format!("speaker page  {name}  turn {k}/{turns}  {pct}%");
    }
    match state.reading() {
        Node::Forum | Node::Heading(_) => {
            format!("overview  {}  {pct}%", count_of(n, "segment"))
        }
        Node::Segment(i) => format!(
            "segment {}/{n}{}  {}  {pct}%",
            i + 1,
            path(state, i),
            b.kind_label(&p.segments[i].kind)
        ),
        Node::Speech(i, j) => {
            let seg = &p.segments[i];
            let who = b.speech_label(&seg.speeches[j]);
            format!(
                "segment {}/{n}{}  {who}  turn {}/{}  {pct}%",
                i + 1,
                path(state, i),
                j + 1,
                seg.speeches.len()
            )
        }
    }
}

/// ` 委員會 › 質詢`: the sections a segment sits in, if any.
fn path(state: &State, i: usize) -> String {
    let parents = &state.proceedings().segments[i].parents;
    if parents.is_empty() {
        String::new()
    } else {
        format!(" {}", parents.join(crate::doc::PATH_SEP))
    }
}

/// The search's part of the line: `match i/n`, `n matches`, `no match`.
pub(super) fn search_state(state: &State) -> Option<String> {
    let s = &state.search;
    if !s.is_active() {
        return None;
    }
    // After a forum-wide hit was opened, the count is the forum's.
    if let Some(nav) = &state.forum_nav {
        let n = nav.search.total();
        let more = if nav.search.is_done() { "" } else { "+" };
        return Some(format!("match {}/{n}{more} in the forum", nav.current + 1));
    }
    Some(match (s.hits.len(), s.current) {
        (0, _) => "no match".to_owned(),
        (n, Some(c)) => format!("match {}/{n}", c + 1),
        (1, None) => "1 match".to_owned(),
        (n, None) => format!("{n} matches"),
    })
}

/// Draws the line; returns where the cursor goes while typing a search.
pub(super) fn render(buf: &mut Buffer, area: Rect, state: &State, look: &Look) -> Option<Position> {
    let t = &look.theme;
    buf.set_style(area, t.status);
    let right = area.right();
    let mut x = area.x + 1;
    let mut cursor = None;
    // An open prompt: its sigil, what is typed, and the cursor after it.
    let finding = state.find.as_ref().filter(|f| f.typing);
    let prompt = match (&state.goto, state.search.typing, state.pending) {
        _ if finding.is_some() => finding.map(|f| ("find: ", f.query.as_str())),
        (_, _, Some(p)) => Some((p.sigil(), "")),
        (Some(line), _, _) => Some((":", line.as_str())),
        (None, true, _) => Some(("/", state.search.query.as_str())),
        (None, false, None) => None,
    };
    if let Some((sigil, typed)) = prompt {
        x += put(
            buf,
            x,
            area.y,
            right.saturating_sub(x),
            sigil,
            t.status_key,
            look,
        );
        x += put(
            buf,
            x,
            area.y,
            right.saturating_sub(x),
            typed,
            t.status_info,
            look,
        );
        cursor = Some(Position::new(x.min(right.saturating_sub(1)), area.y));
        x += 1;
    } else if let Some(m) = &state.message {
        let style = if m.error {
            t.status_error
        } else {
            t.status_info
        };
        x += put(
            buf,
            x,
            area.y,
            right.saturating_sub(x),
            &m.text,
            style,
            look,
        );
    } else {
        x += put(
            buf,
            x,
            area.y,
            right.saturating_sub(x),
            &position(state),
            t.status,
            look,
        );
        if state.search.is_active() {
            x += 2;
            let q = format!("/{}", state.search.query);
            x += put(
                buf,
                x,
                area.y,
                right.saturating_sub(x),
                &q,
                t.status_key,
                look,
            );
        }
    }
    // A remark says all there is to say: `no match for zzz` alone, not
    // followed by `no match` again.
    if let Some(s) = search_state(state).filter(|_| state.message.is_none()) {
        x += 2;
        let style = if state.search.hits.is_empty() {
            t.status_error
        } else {
            t.status_info
        };
        x += put(buf, x, area.y, right.saturating_sub(x), &s, style, look);
    }
    hints(buf, area, x + 2, state, look);
    cursor
}

/// Key hints from the keymap, right-aligned, as many as fit after `from`.
fn hints(buf: &mut Buffer, area: Rect, from: u16, state: &State, look: &Look) {
    let room = usize::from(area.right().saturating_sub(from + 1));
    let mut chosen = Vec::new();
    let mut used = 0;
    for (key, label) in keymap::hints(state.mode()) {
        let k = key.to_string();
        let w =
            text::width::str_width(&k, look.amb) + 1 + text::width::str_width(label, look.amb) + 2;
        if used + w > room {
            break;
        }
        used += w;
        chosen.push((k, label));
    }
    let mut x = area.right().saturating_sub(used as u16 + 1);
    for (k, label) in chosen {
        x += 2;
        x += put(
            buf,
            x,
            area.y,
            area.right() - x,
            &k,
            look.theme.status_key,
            look,
        ) + 1;
        x += put(
            buf,
            x,
            area.y,
            area.right() - x,
            label,
            look.theme.status,
            look,
        );
    }
}
