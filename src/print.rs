//! The non-interactive outputs: the `--check` summary, the `--outline`
//! tree and the `--dump` text. Every piece of file text goes through
//! `text::sanitize` or the layout engine, so no byte of a file can reach
//! the terminal as an escape sequence.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};

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
            let pages = segment_pages(&b, width, amb);
            out.reserve(pages.iter().map(String::len).sum());
            for page in pages {
                out.push_str(&page);
            }
        }
        Only::Segment(i) => doc(&mut out, &b.segment_page(i), width, amb),
        Only::Speaker(who) => doc(&mut out, &b.speaker_page(who), width, amb),
    }
    out
}

/// Segments per batch of [`segment_pages`]: small enough that the threads
/// finish together, large enough that handing them out costs nothing.
const BATCH: usize = 4;

/// Every segment's page, each after a blank line, in batches of [`BATCH`]
/// segments in order. Pages are independent, so they are laid out on
/// every core the machine offers: on a large file the layout is most of
/// `--dump`'s time. The text is the same whatever the number of threads.
fn segment_pages(b: &Builder<'_>, width: usize, opts: LayoutOptions) -> Vec<String> {
    let segments = b.p.segments.len();
    let batches = segments.div_ceil(BATCH);
    let batch = |k: usize| {
        let mut out = String::new();
        for i in k * BATCH..((k + 1) * BATCH).min(segments) {
            out.push('\n');
            doc(&mut out, &b.segment_page(i), width, opts);
        }
        out
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(batches);
    if threads <= 1 {
        return (0..batches).map(batch).collect();
    }
    // Each thread takes the next batch not yet taken and keeps what it
    // made with the batch's number; the numbers put the pages back in
    // order.
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, String)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= batches {
                            return mine;
                        }
                        mine.push((k, batch(k)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|&(k, _)| k);
    done.into_iter().map(|(_, page)| page).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::AmbiguousWidth::Narrow;

    /// The whole dump is the header and then each segment's page after a
    /// blank line, in order, however the pages were shared out among
    /// threads (the default proceedings have more segments than a batch).
    #[test]
    fn pages_in_order() {
        let p =
            crate::model::load_bytes(crate::DEFAULT_NAME, crate::DEFAULT_PROCEEDINGS.as_bytes())
                .expect("default proceedings load")
                .proceedings;
        assert!(p.segments.len() > BATCH);
        let mut want = String::new();
        doc(
            &mut want,
            &Builder::new(&p).forum_header(),
            40,
            Narrow.into(),
        );
        for i in 0..p.segments.len() {
            want.push('\n');
            want.push_str(&dump(&p, Only::Segment(i), 40, Narrow));
        }
        assert_eq!(dump(&p, Only::All, 40, Narrow), want);
    }
}
