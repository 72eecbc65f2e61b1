//! End-to-end faults: the real binary in a pseudo-terminal that hangs up,
//! claims an absurd size, or feeds a file that never finishes loading; and
//! the reader left alone uses nothing.

mod pty;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use pty::{Session, StateHome, spawn, spawn_sized};

const BIN: &str = env!("CARGO_BIN_EXE_forum-tui");

/// What a restored terminal has been sent after the last time the reader
/// took it over: alternate screen left, cursor shown, mouse off.
fn assert_restored(raw: &[u8]) {
    let raw = String::from_utf8_lossy(raw);
    let entered = raw
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    let after = &raw[entered..];
    for (seq, what) in [
        ("\x1b[?1049l", "the alternate screen left"),
        ("\x1b[?25h", "the cursor shown"),
    ] {
        assert!(after.contains(seq), "{what}: not in {:?}", tail(after));
    }
    // Raw mode is the pty's state, not a byte; the shell's prompt after
    // the program works only if it was left, which the hang-up tests see.
}

fn tail(s: &str) -> &str {
    let mut start = s.len().saturating_sub(200);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    &s[start..]
}

/// A temporary file, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("forum-tui-faults-{}-{name}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Starts `cmd` in a 100 × 30 terminal, waits for the landing page, then
/// closes the terminal; returns the child.
fn hang_up(mut cmd: CommandBuilder) -> Box<dyn portable_pty::Child + Send + Sync> {
    let home = StateHome::new();
    cmd.env("XDG_STATE_HOME", &home.0);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut parser = vt100::Parser::new(30, 100, 0);
    let mut buf = [0u8; 8192];
    while !parser.screen().contents().contains("議程") {
        let n = reader.read(&mut buf).expect("read");
        assert!(n > 0, "forum-tui closed its terminal early");
        parser.process(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    child
}

fn wait_gone(
    child: &mut Box<dyn portable_pty::Child + Send + Sync>,
    within: Duration,
) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + within;
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            panic!("still running {within:?} after its terminal hung up")
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn hang_up_ends_the_reader_quietly_with_status_129_not_an_abort() {
    // Standard error is the terminal that went away, as in a real session:
    // any message on the way out fails, and must not turn into a panic,
    // whose abort would leave a core file.
    let mut child = hang_up(CommandBuilder::new(BIN));
    let status = wait_gone(&mut child, Duration::from_secs(1));
    assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
    assert!(
        [129, 1].contains(&status.exit_code()),
        "exit status {status:?}"
    );
}

#[test]
fn hang_up_without_a_signal_ends_the_reader_quietly_too() {
    // A shell that ignores SIGHUP leads the session, so forum-tui only
    // sees its terminal go; the shell records how forum-tui ended.
    let status_file = TempFile::new("hup-status");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        "trap '' HUP; \"$0\"; echo $? > \"$1\"",
        BIN,
        status_file.0.to_str().expect("utf-8 temp path"),
    ]);
    let mut shell = hang_up(cmd);
    // The shell outlives forum-tui only by its echo.
    wait_gone(&mut shell, Duration::from_secs(1));
    let code = std::fs::read_to_string(&status_file.0).expect("status written");
    // 134 is SIGABRT: the panic on a failed write to the dead terminal.
    assert!(
        ["129", "1"].contains(&code.trim()),
        "forum-tui ended with status {code}"
    );
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The peak resident memory of a process, in KiB.
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

/// Opens the default forum in a terminal claiming `cols` × `rows`, checks
/// it draws and stays small, and quits with `q`.
fn absurd_size(cols: u16, rows: u16) {
    let mut s = spawn_sized(size(cols, rows), (100, 30), CommandBuilder::new(BIN));
    // Wide characters are written one by one, each placed by itself.
    s.wait_raw("議");
    let pid = s.child.process_id().expect("pid");
    // Two buffers of the drawn area, not of the claimed one (65535² cells
    // would be hundreds of gigabytes).
    let peak = peak_kib(pid);
    assert!(peak < 512 * 1024, "peak memory {peak} KiB at {cols}x{rows}");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&s.raw);
}

#[test]
fn a_65535_square_window_opens_within_bounds_and_q_quits() {
    absurd_size(65535, 65535);
}

#[test]
fn a_20000_square_window_opens_within_bounds_and_q_quits() {
    absurd_size(20000, 20000);
}

#[test]
fn resizing_to_an_absurd_size_and_back_keeps_reading() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    s.master.resize(size(65535, 65535)).expect("resize");
    // The frame at the clamped size: the status line's hints come last.
    s.send("j");
    let pid = s.child.process_id().expect("pid");
    std::thread::sleep(Duration::from_millis(300));
    s.master.resize(size(100, 30)).expect("resize");
    s.parser = vt100::Parser::new(30, 100, 0);
    s.send("\x0c");
    s.wait_text("議程");
    let peak = peak_kib(pid);
    assert!(peak < 512 * 1024, "peak memory {peak} KiB");
    s.send("q");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw);
}

/// A FIFO the test writes the start of a file into and then holds open:
/// a load that never finishes.
fn endless_input(path: &Path) -> std::thread::JoinHandle<()> {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let path = path.to_owned();
    std::thread::spawn(move || {
        // Blocks until forum-tui opens the other end.
        let mut w = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("open fifo");
        let _ = w.write_all(b"{\"schema_version\": 1, \"forum\": {\"title\": \"");
        // Held open until the reader is gone (the write then fails).
        while w.write_all(b" ").is_ok() {
            std::thread::sleep(Duration::from_millis(50));
        }
    })
}

fn loading_session(fifo: &Path) -> Session {
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        "exec \"$0\" - < \"$1\"",
        BIN,
        fifo.to_str().expect("utf-8 temp path"),
    ]);
    pty::spawn_command(80, 24, cmd)
}

#[test]
fn a_slow_load_shows_the_loading_screen_and_q_quits_it() {
    let fifo = TempFile::new("endless-q");
    let writer = endless_input(&fifo.0);
    let mut s = loading_session(&fifo.0);
    s.wait_text("Loading <stdin>");
    s.wait_text("q quits");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&s.raw);
    writer.join().expect("writer");
}

#[test]
fn ctrl_c_quits_a_slow_load_too() {
    let fifo = TempFile::new("endless-c");
    let writer = endless_input(&fifo.0);
    let mut s = loading_session(&fifo.0);
    s.wait_text("Loading <stdin>");
    s.send("\x03");
    let status = s.wait_exit();
    assert_eq!(status.signal(), None, "{status:?}");
    assert_restored(&s.raw);
    writer.join().expect("writer");
}

/// Voluntary and involuntary context switches of each thread of `pid`.
fn switches(pid: u32) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return out;
    };
    for t in tasks.flatten() {
        let Ok(status) = std::fs::read_to_string(t.path().join("status")) else {
            continue;
        };
        let n: u64 = status
            .lines()
            .filter(|l| l.contains("ctxt_switches:"))
            .filter_map(|l| l.split(':').nth(1)?.trim().parse::<u64>().ok())
            .sum();
        out.push((t.file_name().to_string_lossy().into_owned(), n));
    }
    out.sort();
    out
}

#[test]
fn idle_means_idle_no_thread_wakes_while_nothing_happens() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    let pid = s.child.process_id().expect("pid");
    // Let the start-up work (the 繁/简 tables warming up) finish.
    std::thread::sleep(Duration::from_millis(1500));
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(2));
    let after = switches(pid);
    // A thread that ended in between is no wake-up; every thread alive at
    // both readings must not have run at all.
    let woke: Vec<_> = after
        .iter()
        .filter(|(tid, n)| before.iter().any(|(t, m)| t == tid && m != n))
        .collect();
    assert!(
        woke.is_empty(),
        "threads that woke: {woke:?} (before {before:?})"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}
