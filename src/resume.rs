//! The resume store: where reading stopped in each file, and its marks,
//! kept between runs.
//!
//! One small JSON file per document in the state directory
//! (`$XDG_STATE_HOME/forum-tui/`, else `~/.local/state/forum-tui/`),
//! named by a stable hash of the document's key: its canonical path and
//! its size in bytes (a file that changed size is a new document). The
//! file repeats the key, so a hash collision or a stray file is noticed as
//! foreign rather than trusted. Writes go to a temporary file in the same
//! directory and are renamed over the old one, so a crash never leaves
//! half a file. Nothing here reads the environment except
//! [`default_state_dir`]; tests pass their own directory.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The version of the state file's format.
const FORMAT: u32 = 1;

/// A reading position, in terms of the proceedings (not of the screen), so
/// it survives another terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    /// The segment; `None` for the forum overview.
    pub segment: Option<usize>,
    /// The turn within the segment; `None` for the segment's header.
    pub speech: Option<usize>,
    /// The block (paragraph, list, note) within the turn or header.
    pub block: usize,
    /// A byte offset within the block's text.
    pub offset: usize,
}

/// What is kept for one document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Saved {
    pub position: Position,
    /// Marks set with `m` and a letter.
    #[serde(default)]
    pub marks: BTreeMap<char, Position>,
}

/// Which document a state belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocKey {
    /// The canonical path, or a name for a document with no file (the
    /// built-in forum).
    pub path: String,
    pub size: u64,
}

impl DocKey {
    /// The key of a file on disk: its canonical path and size.
    pub fn for_file(path: &Path) -> io::Result<DocKey> {
        let canonical = fs::canonicalize(path)?;
        let size = fs::metadata(&canonical)?.len();
        Ok(DocKey {
            path: canonical.to_string_lossy().into_owned(),
            size,
        })
    }

    /// The key of a document with no file of its own, such as the built-in
    /// forum: a name no canonical path can have, and the text's size.
    pub fn builtin(name: &str, text: &str) -> DocKey {
        DocKey {
            path: format!("builtin:{name}"),
            size: text.len() as u64,
        }
    }

    /// The state file's name: a 64-bit FNV-1a hash of the key, which,
    /// unlike std's hasher, is the same in every build.
    fn file_name(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let size = self.size.to_le_bytes();
        for &b in self.path.as_bytes().iter().chain(&[0]).chain(&size) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}.json")
    }
}

/// The state file as written.
#[derive(Debug, Serialize, Deserialize)]
struct File {
    format: u32,
    key: DocKey,
    saved: Saved,
}

/// The state directory from the values of `XDG_STATE_HOME` and `HOME`:
/// `$XDG_STATE_HOME/forum-tui` when that is an absolute path (the XDG spec
/// says to ignore a relative one), else `$HOME/.local/state/forum-tui`,
/// else `None`.
pub fn state_dir(xdg_state_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
    fn absolute(v: Option<&OsStr>) -> Option<&Path> {
        v.map(Path::new).filter(|p| p.is_absolute())
    }
    if let Some(base) = absolute(xdg_state_home) {
        return Some(base.join("forum-tui"));
    }
    absolute(home).map(|h| h.join(".local").join("state").join("forum-tui"))
}

/// [`state_dir`] from this process's environment.
pub fn default_state_dir() -> Option<PathBuf> {
    state_dir(
        std::env::var_os("XDG_STATE_HOME").as_deref(),
        std::env::var_os("HOME").as_deref(),
    )
}

/// Why no saved state was returned: a one-line notice for the status line.
#[derive(Debug)]
pub enum Notice {
    /// Nothing saved for this document yet (its first opening).
    Missing,
    /// The state file could not be read.
    Unreadable(PathBuf, io::Error),
    /// The state file is not valid JSON of the expected shape.
    Corrupt(PathBuf, String),
    /// The state file is of another document or another format version.
    Foreign(PathBuf),
}

impl Notice {
    /// Whether the notice is worth showing: a first opening is not.
    pub fn is_worth_showing(&self) -> bool {
        !matches!(self, Notice::Missing)
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Missing => write!(f, "no saved position for this file"),
            Notice::Unreadable(p, e) => {
                write!(
                    f,
                    "saved position ignored: cannot read {}: {e}",
                    p.display()
                )
            }
            Notice::Corrupt(p, e) => {
                write!(f, "saved position ignored: {} is corrupt: {e}", p.display())
            }
            Notice::Foreign(p) => write!(
                f,
                "saved position ignored: {} belongs to another file",
                p.display()
            ),
        }
    }
}

/// A failure to save, for the caller to show or ignore: the program goes
/// on either way.
#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot save the reading position in {}: {}",
            self.path.display(),
            self.error
        )
    }
}

impl std::error::Error for SaveError {}

/// The state files in one directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store in `dir` (usually from [`default_state_dir`]); nothing is
    /// created until the first save.
    pub fn new(dir: PathBuf) -> Store {
        Store { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, key: &DocKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The saved state of the document `key`, or why there is none.
    pub fn load(&self, key: &DocKey) -> Result<Saved, Notice> {
        let path = self.path_of(key);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Notice::Missing),
            Err(e) => return Err(Notice::Unreadable(path, e)),
        };
        // Only the format and key first: a newer format may change the
        // rest, which is then foreign rather than corrupt.
        #[derive(Deserialize)]
        struct Head {
            format: u32,
            key: DocKey,
        }
        let head: Head = serde_json::from_slice(&bytes)
            .map_err(|e| Notice::Corrupt(path.clone(), e.to_string()))?;
        if head.format != FORMAT || head.key != *key {
            return Err(Notice::Foreign(path));
        }
        let file: File = serde_json::from_slice(&bytes)
            .map_err(|e| Notice::Corrupt(path.clone(), e.to_string()))?;
        Ok(file.saved)
    }

    /// Saves the state of the document `key`, atomically: a temporary file
    /// in the same directory, flushed, then renamed over the old one.
    pub fn save(&self, key: &DocKey, saved: &Saved) -> Result<(), SaveError> {
        let path = self.path_of(key);
        let fail = |path: &Path, error| SaveError {
            path: path.to_owned(),
            error,
        };
        fs::create_dir_all(&self.dir).map_err(|e| fail(&self.dir, e))?;
        let file = File {
            format: FORMAT,
            key: key.clone(),
            saved: saved.clone(),
        };
        let json = serde_json::to_vec_pretty(&file).map_err(|e| fail(&path, e.into()))?;
        let tmp = self
            .dir
            .join(format!(".{}.{}.tmp", key.file_name(), std::process::id()));
        let write = || -> io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            fs::rename(&tmp, &path)
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            fail(&path, e)
        })
    }
}

#[cfg(test)]
pub(crate) mod tests;
