//! Importing the largest sample, the 175 KB markdown transcript of the
//! 46th open-government collaboration meeting (628 turns), against loading
//! the JSON that `convert` makes of it. Target: import ≤ 3 × the JSON load.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use forum_tui::model::{self, import};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/markdown/2019-04-03-開放政府第46次議題協作會議.md"
);

fn bench(c: &mut Criterion) {
    let markdown = std::fs::read(FILE).expect("fixture");
    let imported = import::load_any("t.md", &markdown, None, None).expect("imports");
    let json = model::to_json(&imported.proceedings);
    let mut g = c.benchmark_group("import");
    g.bench_function("markdown transcript (175 KB)", |b| {
        b.iter(|| import::load_any("t.md", black_box(&markdown), None, None).expect("imports"));
    });
    g.bench_function("the same as JSON", |b| {
        b.iter(|| model::load_bytes("t.json", black_box(json.as_bytes())).expect("loads"));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
