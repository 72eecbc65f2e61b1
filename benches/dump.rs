//! `--dump` of the 1 MB synthetic file (`synth --speeches 500 --seed 1`,
//! made in memory by `examples/synth.rs`) at 80 cells: the layout and the
//! text of every page, without the load. Issue 9's target is the whole
//! command at most 1.5 × `wc -m` on its output; this isolates the part
//! that the layout and printing code own.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use forum_tui::model;
use forum_tui::print::{self, Only};
use forum_tui::text::AmbiguousWidth;

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

fn bench_dump(c: &mut Criterion) {
    let mut bytes = Vec::new();
    synth::write_proceedings(&mut bytes, 500, 1).expect("synth writes to memory");
    let p = model::load_bytes("synth.json", &bytes)
        .expect("synth is valid")
        .proceedings;
    let mut group = c.benchmark_group("dump");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("synth_1mb_80", |b| {
        b.iter(|| black_box(print::dump(&p, Only::All, 80, AmbiguousWidth::Narrow)).len())
    });
    group.finish();
}

criterion_group!(benches, bench_dump);
criterion_main!(benches);
