//! `FORUM_TUI_TRACE=FILE`: one line per event appended to FILE, for
//! measuring the reader in a real terminal (bench/run.sh reads it).
//!
//! ```text
//! <t> start
//! <t> loaded <bytes>
//! <t> first-frame
//! <t> key <name> <latency>
//! <t> counted <n>
//! ```
//!
//! `<t>` is microseconds since [`start`] (the first thing `main` does),
//! `<name>` the key as the help writes it, and `<latency>` microseconds from
//! the key event being read to its frame written; `counted` ends a
//! `--count` run, so that the search's own time is `counted` less
//! `loaded`. Unset, the trace costs
//! one check of an initialised `OnceLock` per event.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// The environment variable naming the trace file.
pub const TRACE_ENV: &str = "FORUM_TUI_TRACE";

struct Trace {
    epoch: Instant,
    file: Option<Mutex<File>>,
}

static TRACE: OnceLock<Trace> = OnceLock::new();

/// Starts the clock and opens the trace file if one is asked for. A file
/// that cannot be opened is not an error: the program runs untraced.
pub fn start() {
    let trace = TRACE.get_or_init(|| Trace {
        epoch: Instant::now(),
        file: std::env::var_os(TRACE_ENV)
            .filter(|p| !p.is_empty())
            .and_then(|p| OpenOptions::new().create(true).append(true).open(p).ok())
            .map(Mutex::new),
    });
    if trace.file.is_some() {
        line(format_args!("start"));
    }
}

/// True when a trace is being written: callers skip the work of an event's
/// details otherwise.
pub fn on() -> bool {
    TRACE.get().is_some_and(|t| t.file.is_some())
}

/// Appends `<t> <what>` (nothing when the trace is off). Each line is one
/// write, so a reader of the file never sees half a line.
pub fn line(what: std::fmt::Arguments<'_>) {
    let Some(trace) = TRACE.get() else { return };
    let Some(file) = &trace.file else { return };
    let t = trace.epoch.elapsed().as_micros();
    let text = format!("{t} {what}\n");
    if let Ok(mut f) = file.lock() {
        // A full disk ends the trace, never the reading.
        let _ = f.write_all(text.as_bytes());
    }
}

/// Microseconds since `since`, for a latency.
pub(crate) fn micros(since: Instant) -> u128 {
    since.elapsed().as_micros()
}
