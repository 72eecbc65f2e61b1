//! 繁/简 conversion on the Legislative Yuan finance sitting of 2012-03-26
//! (44 segments, 1,919 turns, about 360,000 characters of text): all of
//! its text to Simplified and back as one string, and the whole
//! proceedings converted as `t` would (every field). Target: the whole
//! file in well under a frame (16 ms).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use forum_tui::find::convert_proceedings;
use forum_tui::model::{self, Proceedings};
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

/// Every text the search covers, one per line.
fn all_text(p: &Proceedings) -> String {
    forum_tui::find::texts(p).collect::<Vec<_>>().join("\n")
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
