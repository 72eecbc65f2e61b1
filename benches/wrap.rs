//! Throughput of `wrap` on real Chinese prose: the default proceedings'
//! paragraphs (or, until that file exists, the committed source article in
//! `benches/corpus.txt`), repeated to about 10 MB and wrapped at 80 cells
//! one paragraph at a time, as the reader does.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use forum_tui::text::AmbiguousWidth;
use forum_tui::text::wrap::wrap;
use serde_json::Value;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// Every paragraph and list item of a proceedings file.
fn collect_blocks(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if matches!(key.as_str(), "paragraphs" | "summary" | "description") {
                    for block in v.as_array().into_iter().flatten() {
                        match block {
                            Value::String(s) => out.push(s.clone()),
                            Value::Object(list) => out.extend(
                                list.get("list")
                                    .and_then(Value::as_array)
                                    .into_iter()
                                    .flatten()
                                    .filter_map(Value::as_str)
                                    .map(str::to_owned),
                            ),
                            _ => {}
                        }
                    }
                } else {
                    collect_blocks(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_blocks(v, out)),
        _ => {}
    }
}

fn source_paragraphs() -> (Vec<String>, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Ok(json) = fs::read_to_string(root.join("data/light-of-quality-2022.json"))
        && let Ok(value) = serde_json::from_str::<Value>(json.trim_start_matches('\u{FEFF}'))
    {
        let mut out = Vec::new();
        collect_blocks(&value, &mut out);
        if !out.is_empty() {
            return (out, "data/light-of-quality-2022.json");
        }
    }
    let corpus = fs::read_to_string(root.join("benches/corpus.txt"))
        .expect("benches/corpus.txt is committed with the bench");
    let paragraphs = corpus
        .split("\n\n")
        .map(|p| p.trim_end_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect();
    (paragraphs, "benches/corpus.txt")
}

fn bench_wrap(c: &mut Criterion) {
    let (source, from) = source_paragraphs();
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for p in &source {
            bytes += p.len();
            paragraphs.push(p.as_str());
        }
    }
    eprintln!(
        "wrap corpus: {} paragraphs, {bytes} bytes, from {from}",
        paragraphs.len()
    );
    let mut group = c.benchmark_group("wrap");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("chinese_prose_80", |b| {
        b.iter(|| {
            let mut lines = 0;
            for p in &paragraphs {
                lines += wrap(black_box(p), 80, AmbiguousWidth::Narrow).len();
            }
            black_box(lines)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_wrap);
criterion_main!(benches);
