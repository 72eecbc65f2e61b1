//! The "bare serde_json typed parse" reference of `bench/run.sh`: reads
//! FILE and deserializes it with `serde_json::from_slice` into plain
//! derived structs that mirror the proceedings format (nothing checked,
//! nothing copied afterwards), so that its time and peak memory can be
//! measured beside `forum-tui --check FILE` as a process of its own:
//!
//! ```text
//! cargo run --release --example bare_parse -- FILE
//! ```
//!
//! `bare_parse --longest FILE` prints instead the number (from 1) of the
//! segment with the most text and how many segments there are, for the
//! bench's `G` in the longest page; it is not what is timed.
//!
//! The structs are `examples/synth.rs`'s `bare` module, the same baseline
//! `benches/load.rs` measures against, so the command line and criterion
//! compare with one reference.

use std::process::ExitCode;

// Only its `bare` module is used here; the generator is compiled along.
#[allow(dead_code)]
#[path = "synth.rs"]
mod synth;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let (longest, path) = match args.as_slice() {
        [path] => (false, path),
        [flag, path] if flag == "--longest" => (true, path),
        _ => {
            eprintln!("usage: bare_parse [--longest] FILE");
            return ExitCode::from(2);
        }
    };
    let shown = path.to_string_lossy();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("bare_parse: {shown}: {e}");
            return ExitCode::from(1);
        }
    };
    match serde_json::from_slice::<synth::bare::File>(&bytes) {
        Ok(file) if longest => {
            let text = |s: &synth::bare::Segment| -> usize {
                s.speeches
                    .iter()
                    .flat_map(|sp| &sp.paragraphs)
                    .map(block_len)
                    .sum()
            };
            let most = (0..file.segments.len()).max_by_key(|&i| text(&file.segments[i]));
            println!("{} {}", most.map_or(0, |i| i + 1), file.segments.len());
            ExitCode::SUCCESS
        }
        Ok(file) => {
            let speeches: usize = file.segments.iter().map(|s| s.speeches.len()).sum();
            println!("parsed: {speeches} speeches");
            // As `forum-tui --check` does: the process ends here without
            // freeing every string one by one, so the two are timed alike.
            std::mem::forget(file);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bare_parse: {shown}: {e}");
            ExitCode::from(1)
        }
    }
}

/// The bytes of text in a block.
fn block_len(b: &synth::bare::Block) -> usize {
    match b {
        synth::bare::Block::Paragraph(t) => t.len(),
        synth::bare::Block::Object(o) => {
            o.note.as_ref().map_or(0, String::len)
                + o.list.iter().flatten().map(String::len).sum::<usize>()
        }
    }
}
