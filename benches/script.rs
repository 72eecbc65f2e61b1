//! 繁/简 conversion on the Legislative Yuan finance sitting of 2012-03-26
//! (44 segments, 1,919 turns, about 360,000 characters of text): all of
//! its text to Simplified and back as one string, and the whole
//! proceedings converted as `t` would (every field). Target: the whole
//! file in well under a frame (16 ms).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use forum_tui::find::convert_proceedings;
use forum_tui::model::{self, Block, Proceedings};
use forum_tui::text::script::{self, Script};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/valid/ly-2012-03-26-finance-economics.json"
);

fn proceedings() -> Proceedings {
    model::load_path(std::path::Path::new(FILE))
        .expect("fixture loads")
        .proceedings
}

/// Every paragraph, list item and note, one per line.
fn all_text(p: &Proceedings) -> String {
    let mut out = String::new();
    for seg in &p.segments {
        out.push_str(&seg.title);
        out.push('\n');
        for b in seg
            .description
            .iter()
            .chain(seg.speeches.iter().flat_map(|s| &s.paragraphs))
        {
            match b {
                Block::Paragraph(t) | Block::Note(t) => out.push_str(t),
                Block::List { items, .. } => out.push_str(&items.join("\n")),
            }
            out.push('\n');
        }
    }
    out
}

fn bench_script(c: &mut Criterion) {
    let p = proceedings();
    let hant = all_text(&p);
    let hans = script::convert(&hant, Script::Hans);
    eprintln!("text: {} chars, {} bytes", hant.chars().count(), hant.len());
    let mut g = c.benchmark_group("script");
    g.throughput(Throughput::Bytes(hant.len() as u64));
    g.bench_function("ly-finance text to hans", |b| {
        b.iter(|| script::convert(black_box(&hant), Script::Hans))
    });
    g.bench_function("ly-finance text to hant", |b| {
        b.iter(|| script::convert(black_box(&hans), Script::Hant))
    });
    g.bench_function("ly-finance detect", |b| {
        b.iter(|| script::detect(black_box(hant.lines())))
    });
    g.finish();
    c.bench_function("ly-finance convert_proceedings to hans", |b| {
        b.iter(|| convert_proceedings(black_box(&p), Script::Hans))
    });
}

criterion_group!(benches, bench_script);
criterion_main!(benches);
