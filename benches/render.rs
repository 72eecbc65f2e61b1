//! One full 120×40 frame of a long speech: the renderer and ratatui's diff
//! into a test backend (target: under 1 ms); and what opening a big page
//! costs: the 632-turn segment of an open-government meeting and a
//! 147,814-character turn of a Legislative Yuan sitting, opened and then
//! `G` to their end.

use criterion::{Criterion, criterion_group, criterion_main};
use forum_tui::action::Action;
use forum_tui::model;
use forum_tui::state::{Node, State};
use forum_tui::text::AmbiguousWidth;
use forum_tui::ui::{self, Look};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The Legislative Yuan sitting of 2012-09-27, whose longest speech (the
/// minister's report) has 120 paragraphs.
const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/valid/ly-2012-09-27-internal-affairs.json"
);

fn longest_speech_state() -> State {
    let loaded = model::load_path(std::path::Path::new(FILE)).expect("fixture loads");
    let p = &loaded.proceedings;
    let (i, j) = p
        .segments
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.speeches
                .iter()
                .enumerate()
                .map(move |(j, sp)| ((i, j), sp))
        })
        .max_by_key(|(_, sp)| format!("{:?}", sp.paragraphs).len())
        .map(|(at, _)| at)
        .expect("a speech");
    let mut s = State::new(loaded.proceedings, AmbiguousWidth::Narrow);
    s.apply(Action::Resize(120, 40));
    s.open(Node::Speech(i, j));
    s.press("<Tab><C-d><C-d>/委員<Enter>");
    s
}

fn frame(c: &mut Criterion) {
    let state = longest_speech_state();
    let look = Look::new(true, AmbiguousWidth::Narrow);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function("frame 120x40 long speech", |b| {
        b.iter(|| {
            // A full repaint: clear forces every cell through the diff.
            terminal.clear().expect("clear");
            terminal
                .draw(|f| ui::render(f, &state, &look))
                .expect("draw");
        });
    });
}

fn load(name: &str) -> model::Proceedings {
    let path = format!("{}/tests/fixtures/valid/{name}", env!("CARGO_MANIFEST_DIR"));
    model::load_path(std::path::Path::new(&path))
        .expect("fixture loads")
        .proceedings
}

/// Opening a page and going to its end: only what is shown is laid out.
fn page_open(c: &mut Criterion) {
    let cases = [
        (
            "open 632-turn segment, G",
            "transcript-2019-04-03-open-government-46.json",
            Node::Segment(0),
        ),
        (
            "open 147,814-character turn, G",
            "ly-2012-03-26-finance-economics.json",
            Node::Speech(2, 1),
        ),
    ];
    for (name, file, node) in cases {
        let p = load(file);
        c.bench_function(name, |b| {
            b.iter_batched(
                || {
                    let mut s = State::new(p.clone(), AmbiguousWidth::Narrow);
                    s.apply(Action::Resize(120, 40));
                    s
                },
                |mut s| {
                    s.open(node);
                    s.press("<Tab>G");
                    s
                },
                criterion::BatchSize::LargeInput,
            );
        });
    }
    // A key on an open big page: j at its end, then g and G again.
    let mut s = State::new(load(cases[0].1), AmbiguousWidth::Narrow);
    s.apply(Action::Resize(120, 40));
    s.open(cases[0].2);
    s.press("<Tab>G");
    c.bench_function("g then G on the 632-turn page", |b| {
        b.iter(|| s.press("gG"));
    });
}

criterion_group!(benches, frame, page_open);
criterion_main!(benches);
