//! Throughput of `wrap` on real Chinese prose: every paragraph of the
//! default proceedings, repeated to about 10 MB and wrapped at 80 cells one
//! paragraph at a time, as the reader does. Target: 100 MB/s or more.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use forum_tui::model::{self, Block};
use forum_tui::text::AmbiguousWidth;
use forum_tui::text::wrap::wrap;
use forum_tui::{DEFAULT_NAME, DEFAULT_PROCEEDINGS};

const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// Every paragraph and list item of the default proceedings.
fn paragraphs() -> Vec<String> {
    let p = model::load_bytes(DEFAULT_NAME, DEFAULT_PROCEEDINGS.as_bytes())
        .expect("default proceedings load")
        .proceedings;
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
        .flat_map(|b| match b {
            Block::Paragraph(t) | Block::Note(t) => vec![t.to_string()],
            Block::List { items, .. } => items.iter().map(|t| t.to_string()).collect(),
        })
        .collect()
}

fn bench_wrap(c: &mut Criterion) {
    let source = paragraphs();
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for p in &source {
            bytes += p.len();
            corpus.push(p.as_str());
        }
    }
    let mut group = c.benchmark_group("wrap");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("chinese_prose_80", |b| {
        b.iter(|| {
            let mut lines = 0;
            for p in &corpus {
                lines += wrap(black_box(p), 80, AmbiguousWidth::Narrow).len();
            }
            black_box(lines)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_wrap);
criterion_main!(benches);
