//! One full 120×40 frame of a long speech: the renderer and ratatui's diff
//! into a test backend. Target: under 1 ms.

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

criterion_group!(benches, frame);
criterion_main!(benches);
