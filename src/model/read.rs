//! Getting the bytes: a named file (sized from its length, no limit but
//! `--max-size`), a stream (read up to a limit, so `/dev/zero` cannot make
//! memory grow without bound), and the file name as messages show it.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::load::DEFAULT_STREAM_LIMIT;

/// A path as messages show it: as `Path::display` does, except that bytes
/// which are not UTF-8 are written `\xff` instead of becoming U+FFFD, so
/// that the name can be told apart and typed again.
pub fn display_path(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

pub(super) fn read_file(path: &Path, max: Option<u64>) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(io_message)?;
    if meta.is_dir() {
        return Err("is a directory, not a proceedings file".to_owned());
    }
    let file = File::open(path).map_err(io_message)?;
    if !meta.is_file() {
        // A device or a pipe: its size is not known, read it as a stream.
        return read_limited(file, max.unwrap_or(DEFAULT_STREAM_LIMIT), 0);
    }
    let max = max.unwrap_or(u64::MAX);
    if meta.len() > max {
        return Err(too_large(max));
    }
    // Sized to the file (plus one byte to see the end), so reading does
    // not double the buffer: the bytes are most of the peak memory.
    read_limited(file, max, meta.len())
}

/// Reads at most `max` bytes (an error past it), starting with a buffer of
/// `size_hint` bytes.
pub(super) fn read_limited(reader: impl Read, max: u64, size_hint: u64) -> Result<Vec<u8>, String> {
    let capacity = usize::try_from(size_hint.saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(capacity)
        .map_err(|_| format!("too large to hold in memory ({size_hint} bytes)"))?;
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_message)?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

fn too_large(max: u64) -> String {
    format!(
        "larger than {}, not read (--max-size sets the limit)",
        size_text(max)
    )
}

/// `1 GiB`, `64 MiB`, `10 KiB`, `1000 bytes`.
pub(crate) fn size_text(n: u64) -> String {
    for (unit, size) in [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] {
        if n >= size && n.is_multiple_of(size) {
            return format!("{} {unit}", n / size);
        }
    }
    match n {
        1 => "1 byte".to_owned(),
        n => format!("{n} bytes"),
    }
}

fn io_message(e: io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory, not a proceedings file".to_owned(),
        _ => format!("cannot read: {e}"),
    }
}
