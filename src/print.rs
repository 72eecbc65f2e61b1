//! The non-interactive outputs: the `--check` summary, the `--outline`
//! tree and the `--dump` text. Every piece of file text goes through
//! `text::sanitize` or the layout engine, so no byte of a file can reach
//! the terminal as an escape sequence.

use std::fmt::Write as _;

use crate::doc::{Builder, Doc, Role};
use crate::model::{Block, Loaded, Proceedings, SpeakerIdx, Speech};
use crate::text;
use crate::text::layout::LayoutOptions;

/// `ok: N segments, M speakers, K speeches`, each count with its noun in
/// the right number (`1 segment`).
pub fn check_summary(loaded: &Loaded) -> String {
    let p = &loaded.proceedings;
    format!(
        "ok: {}, {}, {}",
        count(p.segments.len(), "segment", "segments"),
        count(p.speakers.len(), "speaker", "speakers"),
        count(p.speech_count(), "speech", "speeches"),
    )
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The programme as an indented plain-text tree: the forum; the headings
/// of `parents`, one line per level shared by consecutive segments; each
/// segment with its kind in the document's language; each speech with its
/// speaker's posts, role and time (or its title, or its note).
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
        let (open, sep, close) = parens(&b);
        let _ = write!(head, "{open}{}{close}", details.join(sep));
    }
    line(&mut out, 0, &head);
    let mut open: &[String] = &[];
    for seg in &p.segments {
        let shared = open
            .iter()
            .zip(&seg.parents)
            .take_while(|(a, b)| a == b)
            .count();
        for (level, heading) in seg.parents.iter().enumerate().skip(shared) {
            line(&mut out, 1 + level, heading);
        }
        open = &seg.parents;
        let depth = 1 + seg.parents.len();
        let kind = b.kind_label(&seg.kind);
        line(&mut out, depth, &format!("[{kind}] {}", seg.title));
        for s in &seg.speeches {
            line(&mut out, depth + 1, &outline_entry(&b, s));
        }
    }
    out
}

/// One speech of the outline: `name  posts  (role, time)`, or an
/// unattributed speech's title (or first note) in brackets, once.
fn outline_entry(b: &Builder<'_>, s: &Speech) -> String {
    let mut entry = match s.speaker {
        Some(i) => {
            let sp = b.p.speaker(i);
            let posts = b.posts(sp);
            if posts.is_empty() {
                sp.name.clone()
            } else {
                format!("{}  {posts}", sp.name)
            }
        }
        None => {
            let first_note = s.paragraphs.iter().find_map(|block| match block {
                Block::Note(t) => Some(t.as_str()),
                _ => None,
            });
            bracketed(b, s.title.as_deref().or(first_note).unwrap_or_default())
        }
    };
    let extra: Vec<&str> = [s.role.as_deref(), s.time.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !extra.is_empty() {
        let (open, sep, close) = parens(b);
        let _ = write!(entry, "  {}{}{close}", open.trim_start(), extra.join(sep));
    }
    entry
}

/// Brackets and separator in the document's language: `（a，b）` in
/// Chinese, ` (a, b)` in others.
fn parens(b: &Builder<'_>) -> (&'static str, &'static str, &'static str) {
    let l = b.labels();
    let sep = if b.cjk { "，" } else { ", " };
    (l.open_paren, sep, l.close_paren)
}

/// `（title）` / `(title)`, unless the title already stands in brackets:
/// `（休息）`, `[The Speaker in the Chair]`.
fn bracketed(b: &Builder<'_>, title: &str) -> String {
    const PAIRS: [(char, char); 7] = [
        ('(', ')'),
        ('[', ']'),
        ('（', '）'),
        ('［', '］'),
        ('【', '】'),
        ('〔', '〕'),
        ('〈', '〉'),
    ];
    let t = title.trim();
    let mut chars = t.chars();
    let (first, last) = (chars.next(), chars.next_back());
    let already = PAIRS
        .iter()
        .any(|&(o, c)| first == Some(o) && last == Some(c));
    if already {
        t.to_owned()
    } else {
        let (open, _, close) = parens(b);
        format!("{}{t}{close}", open.trim_start())
    }
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
/// reader lays them out. `opts` is an [`AmbiguousWidth`](text::AmbiguousWidth) or
/// [`LayoutOptions`]; with hanging punctuation on, a line may take
/// `width + 2` cells (a full-width closing mark in the gutter). List
/// bullets follow the forum's language.
pub fn dump(p: &Proceedings, only: Only, width: usize, opts: impl Into<LayoutOptions>) -> String {
    let amb = opts.into().language(p.forum.language.as_deref());
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
fn doc(out: &mut String, d: &Doc, width: usize, opts: LayoutOptions) {
    let (lines, amb) = (d.layout(width, opts), opts.amb);
    // The widest line of the piece being underlined.
    let mut rule_width = 0;
    for (k, v) in lines.iter().enumerate() {
        let piece = &d.pieces[v.piece];
        if piece.role == Role::Blank {
            out.push('\n');
            continue;
        }
        // Written straight into `out`, then trimmed there: no line is
        // built on its own.
        let start = out.len();
        if let Some(t) = piece.items().get(v.line.item) {
            text::render::push_line(out, t, &v.line, amb);
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
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
