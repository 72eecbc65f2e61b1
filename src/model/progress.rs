//! How far a load has got, for a loading screen on another thread: a
//! [`Progress`] handle the loader advances while it reads the bytes and
//! while it parses and validates them, and that anyone holding the `Arc`
//! may sample at any time.
//!
//! Parsing has no callback of its own: serde_json lends each paragraph out
//! of the text it parses, so the paragraph's address tells how far into the
//! file the parser is. The loader puts the handle in a thread-local for the
//! duration of the parse and validation ([`track`]); the raw types and the
//! validator report each paragraph's address to it ([`reached`]), one
//! thread-local access per paragraph, nothing when no handle is given.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Shares of the whole load, in percent, so that the fraction grows about
/// evenly with time. Measured on a 106 MB synthetic file (`examples/synth`,
/// 50,000 speeches) in the page cache, 0.72 s in all: reading 0.15–0.23 s,
/// the UTF-8 check 0.21 s (one call, so the bar waits through it), the
/// parse 0.10 s, the validation and the freeing of the raw types 0.2 s.
const READ: u64 = 25;
const CHECK: u64 = 30;
const PARSE: u64 = 15;
const VALIDATE: u64 = 100 - READ - CHECK - PARSE;

/// The progress of one load. Made by [`Progress::new`], given to a loader
/// such as [`load_path_progress`](super::load_path_progress), read with
/// [`fraction`](Progress::fraction) from any thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// In units of the work to do; 0 until the size is known.
    total: AtomicU64,
    done: AtomicU64,
}

impl Progress {
    pub fn new() -> Arc<Progress> {
        Arc::new(Progress::default())
    }

    /// How much of the load is done, from 0.0 to 1.0; `None` while the
    /// size is not known (before the file is opened, or for a stream,
    /// whose size is known only at its end). Never decreases.
    pub fn fraction(&self) -> Option<f64> {
        let done = self.done.load(Ordering::Relaxed);
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (done as f64 / total as f64).min(1.0))
    }

    /// The load is about `bytes` long (a file's length); the fraction
    /// counts from now on.
    fn size(&self, bytes: u64) {
        self.total
            .fetch_max(bytes.saturating_mul(100).max(1), Ordering::Relaxed);
    }

    fn advance(&self, done: u64) {
        self.done.fetch_max(done, Ordering::Relaxed);
    }

    /// The load is over, whatever its outcome: the fraction is 1.0.
    pub(super) fn finish(&self) {
        self.total.fetch_max(1, Ordering::Relaxed);
        let total = self.total.load(Ordering::Relaxed);
        self.advance(total);
    }

    /// `done` of `total` bytes are read (`total` 0 when not known).
    pub(super) fn read(&self, done: u64, total: u64) {
        if total > 0 {
            self.size(total);
            self.advance(done.min(total) * READ);
        }
    }
}

/// A load being tracked on this thread.
struct Tracked {
    progress: Arc<Progress>,
    /// The address of the text being parsed, and its length.
    base: usize,
    len: u64,
    /// Where the current phase starts, and its share.
    from: u64,
    share: u64,
}

thread_local! {
    static TRACKED: RefCell<Option<Tracked>> = const { RefCell::new(None) };
}

/// Reports to the tracked load, if any, that text at `addr` has been
/// reached by the current phase (the parse or the validation).
pub(super) fn reached(addr: usize) {
    TRACKED.with_borrow(|t| {
        // Text from elsewhere (never, from the parser) says nothing.
        if let Some(t) = t
            && let Some(offset) = addr.checked_sub(t.base)
            && offset as u64 <= t.len
        {
            t.progress.advance(t.from + offset as u64 * t.share);
        }
    });
}

/// Tracks the parse of `text` (its UTF-8 check done) on this thread until
/// the guard is dropped; with no handle, tracks nothing.
pub(super) fn track(progress: Option<&Arc<Progress>>, text: &str) -> Tracking {
    let Some(progress) = progress else {
        return Tracking(false);
    };
    let len = text.len() as u64;
    progress.size(len);
    progress.advance(len * (READ + CHECK));
    TRACKED.set(Some(Tracked {
        progress: Arc::clone(progress),
        base: text.as_ptr() as usize,
        len,
        from: len * (READ + CHECK),
        share: PARSE,
    }));
    Tracking(true)
}

/// The parse (or the validation) of a tracked load; dropping it ends the
/// tracking.
#[derive(Debug)]
pub(super) struct Tracking(bool);

impl Tracking {
    /// The parse is done; the validation goes through the text again.
    pub(super) fn validating(&self) {
        if !self.0 {
            return;
        }
        TRACKED.with_borrow_mut(|t| {
            if let Some(t) = t {
                t.from = t.len * (READ + CHECK + PARSE);
                t.share = VALIDATE;
                t.progress.advance(t.from);
            }
        });
    }
}

impl Drop for Tracking {
    fn drop(&mut self) {
        if self.0 {
            TRACKED.set(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_follow_one_another_and_end_at_one() {
        let p = Progress::new();
        assert_eq!(p.fraction(), None);
        p.read(0, 0);
        assert_eq!(p.fraction(), None, "a stream's size is not known");
        p.read(50, 100);
        assert_eq!(p.fraction(), Some(0.125));
        let text = "x".repeat(100);
        let guard = track(Some(&p), &text);
        assert_eq!(p.fraction(), Some(0.55));
        reached(text.as_ptr() as usize + 50);
        assert_eq!(p.fraction(), Some(0.625));
        guard.validating();
        assert_eq!(p.fraction(), Some(0.7));
        // An address outside the text moves nothing.
        reached(0);
        reached(text.as_ptr() as usize + 101);
        assert_eq!(p.fraction(), Some(0.7));
        drop(guard);
        reached(text.as_ptr() as usize + 100);
        assert_eq!(p.fraction(), Some(0.7), "no longer tracked");
        p.finish();
        assert_eq!(p.fraction(), Some(1.0));
    }

    /// The parse and the validation report as they go: with the reading
    /// not counted and before the load is declared finished, the fraction
    /// is as far as the last paragraph of the file.
    #[test]
    fn a_load_reports_up_to_its_last_paragraph() {
        let doc = r#"{"schema_version": 1, "forum": {"title": "t"},
            "speakers": [{"id": "a", "name": "甲"}],
            "segments": [{"id": "s", "kind": "other", "title": "t",
                "speeches": [{"speaker": "a", "paragraphs": ["一段。", "二段。"]}]}]}"#;
        let p = Progress::new();
        let loaded = crate::model::load::load_owned("t.json", doc.into(), Some(&p));
        let loaded = loaded.expect("loads");
        let last = doc.rfind("二段").expect("in the doc") as u64;
        let len = doc.len() as u64;
        let want = (len * (READ + CHECK + PARSE) + last * VALIDATE) as f64 / (len * 100) as f64;
        assert_eq!(p.fraction(), Some(want));
        // Nothing stays tracked on the thread: the end of the arena the
        // last paragraph lies in moves nothing.
        let crate::model::Block::Paragraph(text) =
            &loaded.proceedings.segments[0].speeches[0].paragraphs[1]
        else {
            panic!("a paragraph");
        };
        assert!(text.is_shared());
        reached(text.as_ptr() as usize + text.len() + 10);
        assert_eq!(p.fraction(), Some(want));
    }

    #[test]
    fn an_untracked_load_reports_nothing() {
        let guard = track(None, "abc");
        reached(1);
        drop(guard);
        let p = Progress::new();
        p.finish();
        assert_eq!(p.fraction(), Some(1.0), "a finished stream is done");
    }
}
