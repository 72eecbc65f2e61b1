//! Load + validate against a bare `serde_json::from_slice` typed parse of
//! the same bytes (issue 9's target: at most 1.3 × the bare parse). The
//! input is a synthetic proceedings file of 2,000 speeches (about 4 MB of
//! mostly Chinese text), made in memory by `examples/synth.rs`, which also
//! holds the bare structs, so the command-line measurement on a 100 MB file
//! (`synth --bare-parse`) uses the same baseline.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use forum_tui::model;

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

fn bench_load(c: &mut Criterion) {
    let mut bytes = Vec::new();
    synth::write_proceedings(&mut bytes, 2_000, 1).expect("synth writes to memory");
    assert!(
        model::load_bytes("synth.json", &bytes).is_ok(),
        "synth is valid"
    );
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("load_and_validate", |b| {
        b.iter(|| {
            let loaded = model::load_bytes("synth.json", black_box(&bytes)).expect("loads");
            black_box(loaded.proceedings.segments.len())
        })
    });
    group.bench_function("bare_serde_json_typed_parse", |b| {
        b.iter(|| black_box(synth::bare::parse(black_box(&bytes)).expect("parses")))
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
