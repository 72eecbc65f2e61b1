//! The real binary in a pseudo-terminal, its output fed to a terminal
//! model (vt100): shared by the end-to-end tests.
//! Every step waits for content to appear (ratatui repaints only changed
//! cells, so matching raw bytes would not work), with a generous deadline
//! so that a broken build fails instead of hanging.

#![allow(dead_code, unreachable_pub)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const DEADLINE: Duration = Duration::from_secs(20);

pub struct Session {
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    pub rx: Receiver<Vec<u8>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    /// The run's own state directory, unless the test gave one.
    _state_home: Option<StateHome>,
}

/// A fresh `XDG_STATE_HOME`, removed when dropped, so that no run resumes
/// where another one (or the developer) stopped reading.
pub struct StateHome(pub std::path::PathBuf);

impl StateHome {
    pub fn new() -> StateHome {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "forum-tui-e2e-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("state directory");
        StateHome(dir)
    }
}

impl Drop for StateHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn spawn(cols: u16, rows: u16, args: &[&str]) -> Session {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_forum-tui"));
    cmd.args(args);
    spawn_command(cols, rows, cmd)
}

pub fn spawn_command(cols: u16, rows: u16, cmd: CommandBuilder) -> Session {
    spawn_sized(
        PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        },
        (cols, rows),
        cmd,
    )
}

/// Starts `cmd` in a terminal of `size`, modelled by a screen of
/// `screen` (columns, rows): a test of an absurd size needs no absurd model.
pub fn spawn_sized(size: PtySize, screen: (u16, u16), mut cmd: CommandBuilder) -> Session {
    let pty = native_pty_system();
    let pair = pty.openpty(size).expect("openpty");
    let state_home = cmd.get_env("XDG_STATE_HOME").is_none().then(|| {
        let home = StateHome::new();
        cmd.env("XDG_STATE_HOME", &home.0);
        home
    });
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    let child = pair.slave.spawn_command(cmd).expect("spawn forum-tui");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Session {
        parser: vt100::Parser::new(screen.1, screen.0, 0),
        raw: Vec::new(),
        rx,
        writer,
        child,
        master: pair.master,
        _state_home: state_home,
    }
}

impl Session {
    /// Feeds output to the screen model until `done` holds.
    pub fn pump(&mut self, what: &str, done: impl Fn(&Session) -> bool) {
        let end = Instant::now() + DEADLINE;
        while !done(self) {
            let left = end.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(_) => panic!(
                    "never saw {what}; the screen was:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }

    /// Until `ok` holds for the screen.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        self.pump(what, |s| ok(s.parser.screen()));
    }

    /// Until the bytes written so far contain `text`.
    pub fn wait_raw(&mut self, text: &str) {
        self.pump(text, |s| String::from_utf8_lossy(&s.raw).contains(text));
    }

    pub fn wait_text(&mut self, text: &str) {
        let t = text.to_owned();
        self.wait_for(text, move |s| s.contents().contains(&t));
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn row_with(&self, text: &str) -> Option<String> {
        self.parser
            .screen()
            .contents()
            .lines()
            .find(|l| l.contains(text))
            .map(str::to_owned)
    }

    /// Each thread of the child with its state and where it sleeps, to tell
    /// a hung child from a busy one.
    pub fn threads(&self) -> String {
        let Some(pid) = self.child.process_id() else {
            return "gone".to_owned();
        };
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            return "gone".to_owned();
        };
        let mut out = Vec::new();
        for t in tasks.flatten() {
            let read = |f: &str| std::fs::read_to_string(t.path().join(f)).unwrap_or_default();
            let stat = read("stat");
            let state = stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .next();
            out.push(format!(
                "{} {} {}",
                read("comm").trim(),
                state.unwrap_or("?"),
                read("wchan")
            ));
        }
        out.join(", ")
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let end = Instant::now() + DEADLINE;
        loop {
            // Keep draining so the child never blocks on a full pty.
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                while let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(200)) {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                return status;
            }
            if Instant::now() >= end {
                panic!(
                    "forum-tui did not exit; its threads: {}; the screen was:\n{}",
                    self.threads(),
                    self.parser.screen().contents()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
