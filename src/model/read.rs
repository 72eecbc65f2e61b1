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

/// Reads a whole file, refusing more than `max` bytes; `on_read(done,
/// total)` is told how far it has got (`total` being the file's length),
/// after each MiB, when the length is known.
pub(super) fn read_file(
    path: &Path,
    max: Option<u64>,
    on_read: &dyn Fn(u64, u64),
) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(io_message)?;
    if meta.is_dir() {
        return Err("is a directory, not a proceedings file".to_owned());
    }
    let file = File::open(path).map_err(io_message)?;
    if !meta.is_file() {
        // A device or a pipe: its size is not known, read it as a stream.
        return read_limited(file, max.unwrap_or(DEFAULT_STREAM_LIMIT), 0, on_read);
    }
    let max = max.unwrap_or(u64::MAX);
    if meta.len() > max {
        return Err(too_large(max));
    }
    // Sized to the file (plus one byte to see the end), so reading does
    // not double the buffer: the bytes are most of the peak memory.
    read_limited(file, max, meta.len(), on_read)
}

/// How much a sized read takes at a time, between reports of progress.
const CHUNK: u64 = 1 << 20;

/// Reads at most `max` bytes (an error past it), starting with a buffer of
/// `size_hint` bytes. The buffer grows by doubling but never past `max`
/// (`read_to_end` would take 2 GiB to refuse a stream at a 1 GiB limit),
/// and one byte past the limit is looked for with a probe. With a size
/// hint, `on_read(done, size_hint)` follows the reading MiB by MiB.
pub(super) fn read_limited(
    mut reader: impl Read,
    max: u64,
    size_hint: u64,
    on_read: &dyn Fn(u64, u64),
) -> Result<Vec<u8>, String> {
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let first = usize::try_from(size_hint).unwrap_or(usize::MAX).min(max);
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(first)
        .map_err(|_| format!("too large to hold in memory ({size_hint} bytes)"))?;
    if first > 0 {
        // A regular file: read straight into the buffer sized for it (std
        // probes past a full buffer without growing it), then probe.
        let mut left = max as u64;
        while left > 0 {
            let n = (&mut reader)
                .take(CHUNK.min(left))
                .read_to_end(&mut bytes)
                .map_err(io_message)?;
            if n == 0 {
                break;
            }
            left -= n as u64;
            on_read(bytes.len() as u64, size_hint);
        }
        let mut probe = [0u8; 1];
        return loop {
            match reader.read(&mut probe) {
                Ok(0) => break Ok(bytes),
                Ok(_) => break Err(too_large(max as u64)),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(io_message(e)),
            }
        };
    }
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let room = max - bytes.len();
        let want = chunk.len().min(room.max(1));
        let n = match reader.read(&mut chunk[..want]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_message(e)),
        };
        if n == 0 {
            return Ok(bytes);
        }
        if n > room {
            return Err(too_large(max as u64));
        }
        if bytes.len() + n > bytes.capacity() {
            let target = (bytes.capacity() * 2).max(bytes.len() + n).min(max);
            bytes
                .try_reserve_exact(target - bytes.len())
                .map_err(|_| format!("too large to hold in memory (over {} bytes)", bytes.len()))?;
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_read_up_to_the_limit_and_no_further() {
        let data = vec![b'x'; 4096];
        assert_eq!(
            read_limited(&data[..], 4096, 0, &|_, _| {}).map(|b| b.len()),
            Ok(4096)
        );
        assert_eq!(
            read_limited(&data[..], 4095, 0, &|_, _| {}),
            Err("larger than 4095 bytes, not read (--max-size sets the limit)".to_owned())
        );
        assert_eq!(read_limited(&data[..0], 0, 0, &|_, _| {}), Ok(Vec::new()));
        // An endless stream is refused at the limit; what fits it exactly
        // is held in a buffer no larger than the limit.
        assert!(read_limited(std::io::repeat(b'y'), 1 << 16, 0, &|_, _| {}).is_err());
        let v = read_limited(std::io::repeat(b'y').take(100_000), 100_000, 0, &|_, _| {}).unwrap();
        assert_eq!(v.len(), 100_000);
        assert!(v.capacity() <= 100_000, "{}", v.capacity());
        // A regular file's buffer is sized from its length.
        let v = read_limited(&data[..], u64::MAX, 4096, &|_, _| {}).unwrap();
        assert_eq!(v.capacity(), 4096);
    }

    #[test]
    fn sizes_are_shown_in_their_largest_whole_unit() {
        assert_eq!(size_text(1 << 30), "1 GiB");
        assert_eq!(size_text(64 << 20), "64 MiB");
        assert_eq!(size_text(10 << 10), "10 KiB");
        assert_eq!(size_text(1500), "1500 bytes");
        assert_eq!(size_text(1), "1 byte");
        assert_eq!(size_text(0), "0 bytes");
    }
}
