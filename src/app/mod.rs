//! The only code that owns the terminal: entering and leaving the
//! alternate screen, reading events, and the loop that turns them into
//! actions and frames. Everything it decides is delegated to `keymap`,
//! `State::apply` and `ui::render`.
//!
//! The loop blocks on the next event; nothing ticks. Two things can end the
//! program from outside the loop, so a watchdog thread waits for them:
//! a signal (SIGHUP, SIGTERM, SIGINT, SIGQUIT) and the terminal hanging up.
//! The second matters because crossterm 0.29 busy-loops inside its event
//! read once its terminal is gone (crossterm issue 793): the loop would
//! never see an error, so the watchdog restores what it can and exits.
//! Restoring never prints and never fails: on a hang-up standard error is
//! the dead terminal, and a message there would panic and abort.
//!
//! The size the terminal claims is clamped to what can be drawn
//! ([`backend`]), and while a large file loads the screen says how far it
//! has got ([`wait_for`]). `FORUM_TUI_TRACE` records the timings
//! ([`trace`]).

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Stdout};
use std::os::fd::{AsFd, OwnedFd};
use std::process;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode as CtKey, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::action::Action;
use crate::keymap::{self, Key, KeyCode};
use crate::state::{Effect, State};
use crate::ui::{self, Look};

mod backend;
pub mod trace;

use backend::ReaderBackend;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i8 = 3;

/// How often the loading screen looks for the loader's result and keys.
const LOADING_POLL: Duration = Duration::from_millis(20);

/// Frames go out through a buffer that holds a whole frame, flushed once
/// per frame: standard output's own buffer is 1 KiB, so a new page of
/// Chinese text (tens of kilobytes of cells and cursor moves) would take
/// dozens of writes. Everything else written directly to standard output
/// comes between frames, with this buffer empty.
type Term = Terminal<ReaderBackend<BufWriter<Stdout>>>;

/// Bytes of the frame buffer.
const FRAME_BUFFER: usize = 1 << 17;

/// The terminal in the reader's modes (raw, alternate screen), with the
/// watchdog and the panic hook that restore it on every way out.
#[derive(Debug)]
pub struct Screen {
    term: Term,
}

impl Screen {
    /// Takes over the terminal.
    pub fn enter() -> io::Result<Screen> {
        let tty = terminal_fd()?;
        spawn_watchdog(tty)?;
        // Restore before the panic message prints, so it is readable and
        // the shell is usable; the default hook prints it (and ignores a
        // standard error that cannot be written, where ratatui's own hook
        // would panic again and abort).
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave(true);
            default_hook(info);
        }));
        enter(false)?;
        let out = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
        let term = Terminal::new(ReaderBackend(out))?;
        Ok(Screen { term })
    }

    /// Gives the terminal back as it was.
    pub fn leave(self, mouse: bool) {
        drop(self.term);
        leave(mouse);
    }
}

/// Runs the reader until the user quits.
pub fn run(screen: &mut Screen, state: &mut State, look: Look) -> io::Result<()> {
    event_loop(&mut screen.term, state, &look)
}

/// Waits for a value from the loader, showing the loading screen with the
/// share `done` says is loaded; `Ok(None)` when the user quits first
/// (`q` or Ctrl-C). Called once loading has taken longer than a glance.
pub fn wait_for<T>(
    screen: &mut Screen,
    rx: &Receiver<T>,
    done: impl Fn() -> Option<f64>,
    name: &str,
    look: &Look,
) -> io::Result<Option<T>> {
    let percent = |d: Option<f64>| d.map(|d| (d * 100.0) as u8);
    let mut shown = percent(done());
    screen
        .term
        .draw(|f| ui::render_loading(f, name, done(), look))?;
    loop {
        match rx.recv_timeout(Duration::ZERO) {
            Ok(v) => return Ok(Some(v)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the loader stopped before it finished"));
            }
        }
        let mut redraw = false;
        if event::poll(LOADING_POLL)? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release && quits_loading(k) => {
                    return Ok(None);
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            }
        }
        let now = percent(done());
        if redraw || now != shown {
            shown = now;
            screen
                .term
                .draw(|f| ui::render_loading(f, name, done(), look))?;
        }
    }
}

fn quits_loading(k: KeyEvent) -> bool {
    match k.code {
        CtKey::Char('q' | 'Q') => !k.modifiers.contains(KeyModifiers::CONTROL),
        CtKey::Char('c') => k.modifiers.contains(KeyModifiers::CONTROL),
        _ => false,
    }
}

/// The terminal we read keys from: standard input, or /dev/tty when the
/// proceedings came through standard input.
fn terminal_fd() -> io::Result<OwnedFd> {
    if io::stdin().is_terminal() {
        io::stdin().as_fd().try_clone_to_owned()
    } else {
        Ok(File::open("/dev/tty")?.into())
    }
}

fn event_loop(terminal: &mut Term, state: &mut State, look: &Look) -> io::Result<()> {
    if state.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let size = terminal.size()?;
    state.apply(Action::Resize(size.width, size.height));
    terminal.draw(|f| ui::render(f, state, look))?;
    trace::line(format_args!("first-frame"));
    loop {
        // A search with work left runs a step whenever no event is waiting;
        // otherwise the loop blocks: idle means idle.
        let event = if state.busy() && !event::poll(Duration::ZERO)? {
            None
        } else {
            Some(event::read()?)
        };
        // When the key came, for the trace's key-to-frame time.
        let mut key_at = None;
        let action = match event {
            None => Action::Work,
            // Events that mean nothing here (mouse motion, focus) cost no frame.
            Some(ev) => {
                if let Event::Key(k) = ev
                    && trace::on()
                {
                    key_at = to_key(k).map(|key| (key, Instant::now()));
                }
                match to_action(ev, state) {
                    Some(a) => a,
                    None => continue,
                }
            }
        };
        match state.apply(action) {
            Effect::None => {}
            Effect::Quit => return Ok(()),
            Effect::Redraw => repaint(terminal)?,
            Effect::Mouse(on) => {
                if on {
                    execute!(io::stdout(), EnableMouseCapture)?;
                } else {
                    execute!(io::stdout(), DisableMouseCapture)?;
                }
            }
            Effect::Copy(text) => copy(&text)?,
            Effect::Suspend => {
                leave(state.mouse);
                signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
                // Here again after `fg`.
                enter(state.mouse)?;
                repaint(terminal)?;
                let size = terminal.size()?;
                state.apply(Action::Resize(size.width, size.height));
            }
        }
        terminal.draw(|f| ui::render(f, state, look))?;
        if let Some((key, at)) = key_at {
            trace::line(format_args!("key {key} {}", trace::micros(at)));
        }
    }
}

/// Puts text on the system clipboard with OSC 52: the one escape sequence
/// the program writes on purpose, only on `y`. The text travels as base64,
/// so nothing in it can act on the terminal.
fn copy(text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut out = io::stdout().lock();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Standard base64 (RFC 4648) with padding.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Makes the next frame repaint every cell. `Terminal::clear` asks the
/// terminal for the cursor position and fails when no answer comes, so the
/// screen is cleared directly and an empty frame brings ratatui's previous
/// buffer in line with it.
fn repaint(terminal: &mut Term) -> io::Result<()> {
    execute!(io::stdout(), Clear(ClearType::All))?;
    terminal.draw(|_| {})?;
    Ok(())
}

/// Restores the terminal: mouse off, main screen, cooked mode, cursor.
/// Every step is tried whatever the others do, and a failure is ignored:
/// this runs on the way out, often with the terminal already gone, where
/// a message (as `ratatui::restore` prints) would itself fail and panic.
fn leave(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = disable_raw_mode();
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
}

fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Translates a terminal event into an action, through the keymap for keys.
fn to_action(ev: Event, state: &State) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::lookup(state.mode(), to_key(k)?),
        Event::Resize(w, h) => {
            let (w, h) = backend::clamp(w, h);
            Some(Action::Resize(w, h))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, -WHEEL_LINES)),
            _ => None,
        },
        _ => None,
    }
}

fn to_key(k: KeyEvent) -> Option<Key> {
    if k.kind == KeyEventKind::Release || k.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let code = match k.code {
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Enter => KeyCode::Enter,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-letter keys are bound in lower case whatever Shift says.
    let code = match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key { code, ctrl })
}

/// Ends the program, restoring the terminal as far as it still exists, on
/// a terminating signal or when the terminal hangs up.
fn spawn_watchdog(tty: OwnedFd) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                leave(true);
                process::exit(128 + sig);
            }
        })?;
    std::thread::Builder::new()
        .name("hangup".into())
        .spawn(move || {
            use rustix::event::{PollFd, PollFlags, poll};
            // Asking for no events still reports POLLHUP and POLLERR, so
            // this blocks, without waking, until the terminal goes away.
            let mut fds = [PollFd::new(&tty, PollFlags::empty())];
            loop {
                match poll(&mut fds, None) {
                    Ok(_) if !fds[0].revents().is_empty() => break,
                    Err(rustix::io::Errno::INTR) | Ok(_) => continue,
                    Err(_) => break,
                }
            }
            leave(true);
            process::exit(128 + signal_hook::consts::SIGHUP);
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_as_rfc_4648() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("質量", "6LOq6YeP"),
        ];
        for (plain, want) in cases {
            assert_eq!(super::base64(plain.as_bytes()), want, "{plain}");
        }
    }
}
