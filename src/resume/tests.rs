use super::*;

use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory under the system's temporary directory, removed when
/// dropped.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    pub(crate) fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "forum-tui-resume-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn key(path: &str, size: u64) -> DocKey {
    DocKey {
        path: path.into(),
        size,
    }
}

fn at(segment: usize, speech: usize, block: usize, offset: usize) -> Position {
    Position {
        segment: Some(segment),
        speech: Some(speech),
        block,
        offset,
    }
}

fn sample() -> Saved {
    Saved {
        position: at(3, 12, 2, 45),
        marks: BTreeMap::from([
            ('a', at(0, 0, 0, 0)),
            ('z', at(40, 7, 1, 9)),
            ('質', Position::default()),
        ]),
    }
}

#[test]
fn restored_after_a_restart() {
    let tmp = TempDir::new();
    let dir = state_dir(Some(tmp.0.as_os_str()), None).expect("absolute");
    let k = key("/data/ly.json", 1234);
    Store::new(dir.clone()).save(&k, &sample()).expect("saved");
    // A new store on the same directory, as a new run would make.
    let again = Store::new(dir.clone());
    assert_eq!(again.load(&k).expect("loads"), sample());
    // Saving again replaces it and leaves no temporary file behind.
    let later = Saved {
        position: at(4, 0, 0, 0),
        marks: BTreeMap::new(),
    };
    again.save(&k, &later).expect("saved again");
    assert_eq!(again.load(&k).expect("loads"), later);
    let names: Vec<String> = fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".json") && !names[0].starts_with('.'));
}

#[test]
fn each_document_its_own_state() {
    let tmp = TempDir::new();
    let store = Store::new(tmp.0.clone());
    let (a, b, a_grown) = (key("/a.json", 10), key("/b.json", 10), key("/a.json", 11));
    store.save(&a, &sample()).expect("saved");
    assert!(matches!(store.load(&b), Err(Notice::Missing)));
    assert!(
        matches!(store.load(&a_grown), Err(Notice::Missing)),
        "a file that changed size is new"
    );
    let builtin = DocKey::builtin("light-of-quality-2022.json", crate::DEFAULT_PROCEEDINGS);
    assert!(builtin.path.starts_with("builtin:"));
    store.save(&builtin, &Saved::default()).expect("saved");
    assert_eq!(store.load(&builtin).expect("loads"), Saved::default());
    assert_eq!(store.load(&a).expect("still there"), sample());
}

#[test]
fn missing_corrupt_and_foreign_files_give_a_notice() {
    let tmp = TempDir::new();
    let store = Store::new(tmp.0.clone());
    let k = key("/x.json", 5);
    let path = store.path_of(&k);
    let missing = store.load(&k).expect_err("nothing saved");
    assert!(matches!(missing, Notice::Missing));
    assert!(!missing.is_worth_showing());

    let foreign_key = serde_json::to_string(&File {
        format: FORMAT,
        key: key("/other.json", 5),
        saved: sample(),
    })
    .expect("json");
    let newer = foreign_key
        .replace("/other.json", "/x.json")
        .replace("\"format\":1", "\"format\":2");
    let cases: [(&str, &str); 6] = [
        ("", "corrupt"),
        ("{not json", "corrupt"),
        (
            "{\"format\":1,\"key\":{\"path\":\"/x.json\",\"size\":5},\"saved\":{\"position\":7}}",
            "corrupt",
        ),
        ("[1, 2]", "corrupt"),
        (&foreign_key, "another file"),
        (&newer, "another file"),
    ];
    for (content, says) in cases {
        fs::write(&path, content).expect("write");
        let notice = store.load(&k).expect_err(content);
        assert!(notice.is_worth_showing());
        let line = notice.to_string();
        assert!(line.contains(says), "{content:?}: {line}");
        assert!(line.contains(&path.display().to_string()), "{line}");
        assert!(!line.contains('\n'), "one line: {line}");
    }
    // A directory where the file should be cannot be read.
    fs::remove_file(&path).expect("remove");
    fs::create_dir(&path).expect("a directory in its place");
    assert!(matches!(store.load(&k), Err(Notice::Unreadable(..))));
}

#[test]
fn an_unwritable_directory_is_an_error_to_ignore() {
    let tmp = TempDir::new();
    // Under a regular file no directory can be made, even by root.
    let file = tmp.0.join("not-a-directory");
    fs::write(&file, "x").expect("write");
    let store = Store::new(file.join("forum-tui"));
    let err = store
        .save(&key("/x.json", 5), &sample())
        .expect_err("cannot save");
    let line = err.to_string();
    assert!(
        line.contains("cannot save") && !line.contains('\n'),
        "{line}"
    );
    assert!(matches!(
        store.load(&key("/x.json", 5)),
        Err(Notice::Missing | Notice::Unreadable(..))
    ));
}

#[test]
fn state_dir_follows_xdg() {
    let some = |s: &'static str| Some(OsStr::new(s));
    let cases = [
        (some("/state"), some("/home/u"), Some("/state/forum-tui")),
        (some("/state"), None, Some("/state/forum-tui")),
        (
            some("relative"),
            some("/home/u"),
            Some("/home/u/.local/state/forum-tui"),
        ),
        (
            some(""),
            some("/home/u"),
            Some("/home/u/.local/state/forum-tui"),
        ),
        (
            None,
            some("/home/u"),
            Some("/home/u/.local/state/forum-tui"),
        ),
        (None, some("relative"), None),
        (None, None, None),
    ];
    for (xdg, home, want) in cases {
        assert_eq!(
            state_dir(xdg, home),
            want.map(PathBuf::from),
            "{xdg:?} {home:?}"
        );
    }
}

#[test]
fn keys_of_files() {
    let tmp = TempDir::new();
    let file = tmp.0.join("f.json");
    fs::write(&file, "12345").expect("write");
    let k = DocKey::for_file(&file).expect("key");
    assert_eq!(k.size, 5);
    let roundabout = tmp.0.join("sub").join("..").join("f.json");
    fs::create_dir(tmp.0.join("sub")).expect("sub");
    assert_eq!(DocKey::for_file(&roundabout).expect("key"), k, "canonical");
    assert!(DocKey::for_file(&tmp.0.join("none.json")).is_err());
    // The file name is stable: the same key, the same name, across builds.
    assert_eq!(
        key("/a.json", 10).file_name(),
        key("/a.json", 10).file_name()
    );
    assert_ne!(
        key("/a.json", 10).file_name(),
        key("/a.json", 11).file_name()
    );
    assert_eq!(
        key("", 0).file_name(),
        format!("{:016x}.json", fnv_of_empty_key())
    );
}

/// FNV-1a of the bytes of an empty path, its separator and a zero size,
/// computed the long way.
fn fnv_of_empty_key() -> u64 {
    let mut h: u64 = 14695981039346656037;
    for b in [0u8; 9] {
        h ^= u64::from(b);
        h = h.wrapping_mul(1099511628211);
    }
    h
}
