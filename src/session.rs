//! Resuming between runs: which document the reader has open (its
//! [`DocKey`]), and loading and saving its position and marks in the
//! [`Store`]. The reader's only file I/O besides loading the proceedings;
//! the state stays pure ([`State::saved`], [`State::restore`]).

use std::path::PathBuf;

use crate::cli::Input;
use crate::resume::{DocKey, SaveError, Store};
use crate::state::State;
use crate::{DEFAULT_NAME, DEFAULT_PROCEEDINGS};

/// One document's saved state in one store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    store: Store,
    key: DocKey,
}

impl Session {
    /// The session of an input, kept in `dir` (usually
    /// [`crate::resume::default_state_dir`]). `None` when there is nothing
    /// to key it by (standard input, a file that cannot be looked up) or
    /// nowhere to keep it.
    pub fn new(input: &Input, dir: Option<PathBuf>) -> Option<Session> {
        let key = match input {
            Input::Default => DocKey::builtin(DEFAULT_NAME, DEFAULT_PROCEEDINGS),
            Input::Path(p) => DocKey::for_file(p).ok()?,
            Input::Stdin => return None,
        };
        Some(Session {
            store: Store::new(dir?),
            key,
        })
    }

    /// Restores the saved position and marks. Nothing saved yet is
    /// silent; a state file that cannot be read, is corrupt or belongs to
    /// another file is ignored with a one-line notice in the status line.
    pub fn resume(&self, state: &mut State) {
        match self.store.load(&self.key) {
            Ok(saved) => state.restore(&saved),
            Err(notice) if notice.is_worth_showing() => state.notify(notice.to_string(), true),
            Err(_) => {}
        }
    }

    /// Saves the position and marks; the caller decides what a failure
    /// costs (never the program).
    pub fn save(&self, state: &State) -> Result<(), SaveError> {
        self.store.save(&self.key, &state.saved())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::resume::tests::TempDir;
    use crate::text::AmbiguousWidth;

    fn reader() -> State {
        let loaded = crate::model::load_bytes(DEFAULT_NAME, DEFAULT_PROCEEDINGS.as_bytes())
            .expect("the built-in forum loads");
        State::new(loaded.proceedings, AmbiguousWidth::Narrow)
    }

    /// A run of the reader: resumed, some keys, saved.
    fn run(session: &Session, keys: &str) -> (State, Result<(), SaveError>) {
        let mut s = reader();
        session.resume(&mut s);
        s.apply(Action::Resize(100, 30));
        s.press(keys);
        let saved = session.save(&s);
        (s, saved)
    }

    #[test]
    fn the_position_and_marks_survive_a_restart() {
        let tmp = TempDir::new();
        let session = Session::new(&Input::Default, Some(tmp.0.clone())).expect("a key");
        let (first, saved) = run(&session, "4]]ma7");
        saved.expect("saved");
        let (again, _) = run(&session, "");
        assert_eq!(again.place(), first.place());
        assert_eq!(again.message, None, "a good state says nothing");
        let (mut back, _) = run(&session, "'a");
        let (mut want, _) = run(&session, "");
        want.press("4]]");
        back.press("");
        assert_eq!(back.reading(), want.reading(), "mark a came back");
    }

    #[test]
    fn a_first_opening_is_silent() {
        let tmp = TempDir::new();
        let session = Session::new(&Input::Default, Some(tmp.0.clone())).expect("a key");
        let (s, _) = run(&session, "");
        assert_eq!(s.message, None);
        assert_eq!(s.reader.page, crate::state::Page::Forum);
    }

    #[test]
    fn a_corrupt_or_foreign_state_is_ignored_with_a_notice() {
        let tmp = TempDir::new();
        let session = Session::new(&Input::Default, Some(tmp.0.clone())).expect("a key");
        run(&session, "4]]").1.expect("saved");
        let file = std::fs::read_dir(&tmp.0)
            .expect("the state directory")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
            .expect("a state file");
        let json = std::fs::read_to_string(&file).expect("read");
        for (bad, says) in [
            ("{ not json".to_owned(), "corrupt"),
            (json.replace("builtin:", "builtin:other "), "another file"),
        ] {
            std::fs::write(&file, bad).expect("write");
            let mut s = reader();
            session.resume(&mut s);
            s.apply(Action::Resize(100, 30));
            let m = s.message.clone().expect("a notice");
            assert!(
                m.text.contains(says) && !m.text.contains('\n'),
                "{}",
                m.text
            );
            assert_eq!(
                s.reader.page,
                crate::state::Page::Forum,
                "opened at the start"
            );
        }
    }

    #[test]
    fn a_state_directory_that_cannot_exist_stops_nothing() {
        // A path under a regular file fails for root too, unlike chmod.
        let tmp = TempDir::new();
        let file = tmp.0.join("a-file");
        std::fs::write(&file, "").expect("write");
        let session = Session::new(&Input::Default, Some(file.join("forum-tui"))).expect("a key");
        let (s, saved) = run(&session, "4]]");
        assert!(saved.is_err(), "the save fails, and says where");
        assert_eq!(s.reading(), {
            let mut t = reader();
            t.apply(Action::Resize(100, 30));
            t.press("4]]");
            t.reading()
        });
    }

    #[test]
    fn standard_input_and_no_directory_have_no_session() {
        let tmp = TempDir::new();
        assert_eq!(Session::new(&Input::Stdin, Some(tmp.0.clone())), None);
        assert_eq!(Session::new(&Input::Default, None), None);
        let missing = Input::Path(tmp.0.join("missing.json"));
        assert_eq!(Session::new(&missing, Some(tmp.0.clone())), None);
    }
}
