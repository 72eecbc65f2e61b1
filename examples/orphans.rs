//! Counts, for proceedings files given on the command line (or the built-in
//! forum when none is), how the line breaker does at every width from 10
//! to 120 cells:
//!
//! * orphans (孤字): the last line of a paragraph (of each `\n`-separated
//!   part of one) that holds a single letter or ideograph, with or without
//!   its punctuation, when the part takes two lines or more;
//! * lines over the width in wide mode, measured independently of the
//!   engine: every East Asian Ambiguous character counts 2 cells.
//!
//! (`--show` prints each orphan that remains, with its last two lines.)
//!
//! ```text
//! cargo run --release --example orphans -- [--hang] [--show] [FILE...]
//! ```

use std::process::ExitCode;

use forum_tui::model::{self, Block, Proceedings, Text};
use forum_tui::text::AmbiguousWidth::{self, Narrow, Wide};
use forum_tui::text::layout::{
    LaidLine, LayoutOptions, is_cjk_language, layout_list, layout_paragraph,
};
use forum_tui::text::width::{grapheme_width, is_east_asian_ambiguous};
use unicode_segmentation::UnicodeSegmentation;

const WIDTHS: std::ops::RangeInclusive<usize> = 10..=120;

/// Every paragraph and list item, with whether it takes the CJK indent
/// (list items never do).
fn texts(p: &Proceedings) -> Vec<(Vec<String>, Option<bool>)> {
    let cjk = is_cjk_language(p.forum.language.as_deref());
    let blocks = p
        .forum
        .summary
        .iter()
        .chain(p.segments.iter().flat_map(|s| {
            s.description
                .iter()
                .chain(s.speeches.iter().flat_map(|sp| &sp.paragraphs))
        }));
    blocks
        .map(|b| match b {
            Block::Paragraph(t) => (vec![t.to_string()], Some(cjk)),
            Block::Note(t) => (vec![t.to_string()], Some(false)),
            Block::List { items, .. } => (items.iter().map(Text::to_string).collect(), None),
        })
        .collect()
}

/// A grapheme that is a letter, digit or ideograph (not punctuation).
fn is_char(g: &str) -> bool {
    g.chars().next().is_some_and(char::is_alphanumeric)
}

/// Width of a line's text with every ambiguous character as 2 cells.
fn true_wide_width(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| {
            let narrow = grapheme_width(g, Narrow);
            let base = g.chars().next().unwrap_or(' ');
            if narrow == 1 && is_east_asian_ambiguous(base) {
                2
            } else {
                grapheme_width(g, Wide)
            }
        })
        .sum()
}

#[derive(Default)]
struct Counts {
    parts: usize,
    multi_line: usize,
    orphans: usize,
    wide_lines: usize,
    wide_over: usize,
}

fn lay(items: &[String], indent: Option<bool>, width: usize, opts: LayoutOptions) -> Vec<LaidLine> {
    match indent {
        Some(cjk) => layout_paragraph(&items[0], width, cjk, opts),
        None => layout_list(items, false, width, opts),
    }
}

fn count(p: &Proceedings, hang: bool, show: bool, out: &mut Counts) {
    let gutter = if hang { 2 } else { 0 };
    for (items, indent) in texts(p) {
        for width in WIDTHS {
            let opts = |amb: AmbiguousWidth| {
                let mut o = LayoutOptions::from(amb);
                o.hang = hang;
                o
            };
            let lines = lay(&items, indent, width, opts(Narrow));
            // Group the lines by item and by `\n`-separated part.
            let mut k = 0;
            while k < lines.len() {
                let item = lines[k].item;
                let text = &items[item];
                let part = |l: &LaidLine| text[..l.range.start].matches('\n').count();
                let here = part(&lines[k]);
                let mut end = k;
                while end < lines.len() && lines[end].item == item && part(&lines[end]) == here {
                    end += 1;
                }
                out.parts += 1;
                if end - k >= 2 {
                    out.multi_line += 1;
                    let last = &text[lines[end - 1].range.clone()];
                    if last.graphemes(true).filter(|g| is_char(g)).count() == 1 {
                        out.orphans += 1;
                        if show {
                            let before = &text[lines[end - 2].range.clone()];
                            println!("  width {width}: {before} / {last}");
                        }
                    }
                }
                k = end;
            }
            for l in lay(&items, indent, width, opts(Wide)) {
                out.wide_lines += 1;
                let s = &items[l.item][l.range.clone()];
                if l.prefix_width + true_wide_width(s) > width + gutter {
                    out.wide_over += 1;
                }
            }
        }
    }
}

fn main() -> ExitCode {
    let mut hang = false;
    let mut show = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--hang" {
            hang = true;
        } else if a == "--show" {
            show = true;
        } else {
            files.push(a);
        }
    }
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if files.is_empty() {
        inputs.push((
            forum_tui::DEFAULT_NAME.to_owned(),
            forum_tui::DEFAULT_PROCEEDINGS.as_bytes().to_vec(),
        ));
    }
    for f in files {
        match std::fs::read(&f) {
            Ok(b) => inputs.push((f, b)),
            Err(e) => {
                eprintln!("{f}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "widths {}-{}{}",
        WIDTHS.start(),
        WIDTHS.end(),
        if hang { ", hanging punctuation" } else { "" }
    );
    println!(
        "{:<50} {:>8} {:>10} {:>8} {:>7} {:>10} {:>9}",
        "file", "parts", "multi-line", "orphans", "%", "wide lines", "wide over"
    );
    for (name, bytes) in inputs {
        let p = match model::load_bytes(&name, &bytes) {
            Ok(l) => l.proceedings,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let mut c = Counts::default();
        count(&p, hang, show, &mut c);
        let short = name.rsplit('/').next().unwrap_or(&name);
        println!(
            "{:<50} {:>8} {:>10} {:>8} {:>6.2}% {:>10} {:>9}",
            short,
            c.parts,
            c.multi_line,
            c.orphans,
            100.0 * c.orphans as f64 / c.multi_line.max(1) as f64,
            c.wide_lines,
            c.wide_over
        );
    }
    ExitCode::SUCCESS
}
