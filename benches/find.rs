//! The forum-wide search on the Legislative Yuan finance sitting of
//! 2012-03-26 (1,919 turns, about 360,000 characters): counting every hit
//! of a two-character word, Traditional (經濟, as written) and Simplified
//! (经济, found through the 繁/简 fold), one budgeted step as the screen
//! would take between frames, and the palette ranking all speakers and
//! segments for a pinyin query. Target: a whole count within one frame
//! (16 ms).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use forum_tui::find::{ForumSearch, Palette, search_all};
use forum_tui::model::{self, Proceedings};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/valid/ly-2012-03-26-finance-economics.json"
);

fn proceedings() -> Proceedings {
    model::load_path(std::path::Path::new(FILE))
        .expect("fixture loads")
        .proceedings
}

fn bench_find(c: &mut Criterion) {
    let p = proceedings();
    for query in ["經濟", "经济", "委員"] {
        let total = search_all(&p, query).map_or(0, |s| s.total());
        eprintln!("{query}: {total} hits");
        c.bench_function(&format!("ly-finance count {query}"), |b| {
            b.iter(|| search_all(black_box(&p), black_box(query)).map(|s| s.total()))
        });
    }
    c.bench_function("ly-finance first step of 64 KiB", |b| {
        b.iter(|| {
            let mut s = ForumSearch::new("经济").expect("query");
            s.step(black_box(&p), 64 * 1024);
            s.total()
        })
    });
    let palette = Palette::new(&p);
    c.bench_function("ly-finance palette build", |b| {
        b.iter(|| Palette::new(black_box(&p)))
    });
    for query in ["lyq", "zhang", "財政部"] {
        c.bench_function(&format!("ly-finance palette rank {query}"), |b| {
            b.iter(|| palette.rank(black_box(query)).len())
        });
    }
}

criterion_group!(benches, bench_find);
criterion_main!(benches);
