//! The non-interactive outputs: the `--check` summary, the `--outline`
//! tree and the `--dump` text. Every piece of file text goes through
//! `text::sanitize` or the layout engine, so no byte of a file can reach
//! the terminal as an escape sequence.

use std::fmt::Write as _;

use crate::doc::{Builder, Doc, Role};
use crate::model::{Loaded, Proceedings, SpeakerIdx};
use crate::text::{self, AmbiguousWidth};

/// `ok: N segments, M speakers, K speeches`.
pub fn check_summary(loaded: &Loaded) -> String {
    let p = &loaded.proceedings;
    let speeches: usize = p.segments.iter().map(|s| s.speeches.len()).sum();
    format!(
        "ok: {} segments, {} speakers, {} speeches",
        p.segments.len(),
        p.speakers.len(),
        speeches
    )
}

/// The programme as an indented plain-text tree: the forum, each segment
/// with its kind, each speech with its speaker's posts (or its title).
pub fn outline(p: &Proceedings) -> String {
    let b = Builder::new(p);
    let mut out = String::new();
    let f = &p.forum;
    let mut head = f.title.clone();
    let details: Vec<String> = f
        .date
        .map(|d| d.to_string())
        .into_iter()
        .chain(f.location.clone())
        .collect();
    if !details.is_empty() {
        let _ = write!(head, " ({})", details.join(", "));
    }
    line(&mut out, 0, &head);
    for seg in &p.segments {
        line(&mut out, 1, &format!("[{}] {}", seg.kind.name(), seg.title));
        for s in &seg.speeches {
            let entry = match s.speaker {
                Some(i) => {
                    let sp = p.speaker(i);
                    let posts = b.posts(sp);
                    if posts.is_empty() {
                        sp.name.clone()
                    } else {
                        format!("{}  {posts}", sp.name)
                    }
                }
                None => format!("({})", s.title.as_deref().unwrap_or_default()),
            };
            line(&mut out, 2, &entry);
        }
    }
    out
}

fn line(out: &mut String, depth: usize, s: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(text::sanitize::sanitize(s).trim_end());
    out.push('\n');
}

/// What `--dump` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// The forum's header and every segment's page.
    All,
    /// One segment's page.
    Segment(usize),
    /// One speaker's turns, each with its segment's title.
    Speaker(SpeakerIdx),
}

/// The proceedings as plain text for a column of `width` cells: the forum's
/// header, then each segment's transcript page, laid out exactly as the
/// reader lays them out.
pub fn dump(p: &Proceedings, only: Only, width: usize, amb: AmbiguousWidth) -> String {
    let b = Builder::new(p);
    let mut out = String::new();
    match only {
        Only::All => {
            doc(&mut out, &b.forum_header(), width, amb);
            for i in 0..p.segments.len() {
                out.push('\n');
                doc(&mut out, &b.segment_page(i), width, amb);
            }
        }
        Only::Segment(i) => doc(&mut out, &b.segment_page(i), width, amb),
        Only::Speaker(who) => doc(&mut out, &b.speaker_page(who), width, amb),
    }
    out
}

/// Prints a doc's lines; its title is underlined, and so is each speaker
/// line, more lightly, so the turns stand out in plain text too.
fn doc(out: &mut String, d: &Doc, width: usize, amb: AmbiguousWidth) {
    let lines = d.layout(width, amb);
    // The widest line of the piece being underlined.
    let mut rule_width = 0;
    for (k, v) in lines.iter().enumerate() {
        let piece = &d.pieces[v.piece];
        if piece.role == Role::Blank {
            out.push('\n');
            continue;
        }
        let s = piece
            .items()
            .get(v.line.item)
            .map(|t| text::render::line_string(t, &v.line, amb))
            .unwrap_or_default();
        out.push_str(s.trim_end());
        out.push('\n');
        let rule = match piece.role {
            Role::Title => '=',
            Role::Speaker => '-',
            _ => continue,
        };
        rule_width = rule_width.max(v.line.prefix_width + v.line.width);
        let last_of_piece = lines.get(k + 1).is_none_or(|n| n.piece != v.piece);
        if last_of_piece {
            out.extend(std::iter::repeat_n(rule, rule_width.clamp(1, width)));
            out.push('\n');
            rule_width = 0;
        }
    }
}
