//! `forum-tui`: parses the command line, loads and validates the file
//! before the terminal is touched, then prints (`--check`, `--outline`,
//! `--dump`, or any run whose output is not a terminal) or opens the
//! reader.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use forum_tui::cli::{self, Args, Command, Input};
use forum_tui::model::import::{self, Format};
use forum_tui::model::{self, Loaded};
use forum_tui::session::Session;
use forum_tui::state::State;
use forum_tui::text::layout::LayoutOptions;
use forum_tui::text::sanitize::sanitize;
use forum_tui::{DEFAULT_NAME, DEFAULT_PROCEEDINGS, app, print, ui};

fn main() -> ExitCode {
    app::trace::start();
    let args = match cli::parse(
        std::env::args_os().skip(1),
        std::env::var(cli::AMBIGUOUS_ENV).ok(),
    ) {
        Ok(a) => a,
        Err(e) => {
            err_line(&format!(
                "forum-tui: {}\nTry 'forum-tui --help' for more information.",
                sanitize(&e)
            ));
            return ExitCode::from(2);
        }
    };
    match args.command {
        Command::Help => return out(&format!("{}\n", cli::USAGE)),
        Command::Version => return out(&format!("forum-tui {}\n", env!("CARGO_PKG_VERSION"))),
        _ => {}
    }
    if args.command == Command::Read && io::stdout().is_terminal() {
        return read(&args);
    }
    let loaded = match load(&args.input, args.max_size, args.from, None) {
        Ok(l) => l,
        Err(e) => {
            err_line(&format!("forum-tui: {e}"));
            return ExitCode::from(1);
        }
    };
    app::trace::line(format_args!("loaded {}", input_bytes(&args.input)));
    let dump_width = || {
        args.width
            .or_else(|| cli::columns(std::env::var("COLUMNS").ok().as_deref()))
            .or_else(terminal_width)
            .unwrap_or(80)
    };
    let only = match dump_only(&loaded.proceedings, &args) {
        Ok(o) => o,
        Err(e) => {
            err_line(&format!("forum-tui: {}", sanitize(&e)));
            return ExitCode::from(2);
        }
    };
    // The dump in the script asked for: a converted copy, as the reader shows.
    let dump = |p: &model::Proceedings| {
        let converted = args
            .script
            .filter(|&to| forum_tui::find::document_script(p).is_some_and(|s| s != to))
            .map(|to| forum_tui::find::shown_in(p, to));
        let options = LayoutOptions::from(args.ambiguous).hang(args.hang);
        print::dump(converted.as_ref().unwrap_or(p), only, dump_width(), options)
    };
    match args.command {
        Command::Check => {
            for w in &loaded.warnings {
                err_line(&format!("warning: {w}"));
            }
            let code = out(&format!("{}\n", print::check_summary(&loaded)));
            // The process ends here: freeing every string of a large file
            // one by one would only add to the time --check takes.
            std::mem::forget(loaded);
            code
        }
        Command::Outline => out(&print::outline(&loaded.proceedings)),
        Command::Count => {
            let query = args.query.as_deref().unwrap_or_default();
            let n = forum_tui::find::count_all(&loaded.proceedings, query).unwrap_or(0);
            app::trace::line(format_args!("counted {n}"));
            out(&format!("{n}\n"))
        }
        // As man does: output that is not a terminal gets the text.
        Command::Dump | Command::Read => {
            let code = out(&dump(&loaded.proceedings));
            // As for --check: the process ends here, and freeing a large
            // file's strings one by one would only add to the time.
            std::mem::forget(loaded);
            code
        }
        Command::Convert => convert(&loaded, args.output.as_deref()),
        Command::Help | Command::Version => ExitCode::SUCCESS,
    }
}

/// The reader. When loading takes longer than [`LOADING_GLANCE`], the
/// screen shows how far it has got and `q` quits.
fn read(args: &Args) -> ExitCode {
    let input_tty = io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok();
    if !input_tty {
        err_line("forum-tui: no terminal to read keys from (use --dump for text)");
        return ExitCode::from(1);
    }
    // Nothing is warmed on the side: the fold tables (27 ms), which the
    // first screen needs to tell the script, are built on this thread after
    // the load, in memory the load freed (a thread of their own kept 8 MB
    // of heap); the 繁/简 converters unpack on the first t (13 ms to
    // Simplified, 70 ms to Traditional), 12 MB that most readings never use.
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let look = ui::Look::new(colour, args.ambiguous);
    let (loaded, screen) = match load_watched(args, &look) {
        Ok(l) => l,
        Err(code) => return code,
    };
    app::trace::line(format_args!("loaded {}", input_bytes(&args.input)));
    let mut state = State::new(loaded.proceedings, args.ambiguous)
        .with_measure(args.width)
        .with_script(args.script)
        .with_hang(args.hang);
    let session = if args.no_resume {
        None
    } else {
        Session::new(&args.input, forum_tui::resume::default_state_dir())
    };
    if let Some(s) = &session {
        s.resume(&mut state);
    }
    let mut screen = match screen.map_or_else(app::Screen::enter, Ok) {
        Ok(s) => s,
        Err(e) => return terminal_error(&e),
    };
    let result = app::run(&mut screen, &mut state, look);
    screen.leave(state.mouse);
    // The terminal is restored: a position that cannot be saved is said
    // here, and never changes the exit status.
    if let Some(Err(e)) = session.as_ref().map(|s| s.save(&state)) {
        err_line(&format!("forum-tui: {}", sanitize(&e.to_string())));
    }
    // The process ends here: freeing every string of a large file one by
    // one would only keep the shell waiting (a second for a gigabyte).
    std::mem::forget(state);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => terminal_error(&e),
    }
}

/// Loads the input. When that takes longer than [`LOADING_GLANCE`], a
/// watcher thread takes the terminal over to show how far loading has got
/// (and hands it on, still taken, with the result); `q` there ends the
/// program. The load itself runs on the main thread, where its many small
/// allocations are quickest (a thread's malloc arena measured 10 % slower).
/// Any way out but a loaded file is its exit status, with the terminal
/// restored and the message said.
fn load_watched(args: &Args, look: &ui::Look) -> Result<(Loaded, Option<app::Screen>), ExitCode> {
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let (name, look) = (input_name(&args.input), *look);
    let progress = model::Progress::new();
    let shown = Arc::clone(&progress);
    let watcher = std::thread::Builder::new()
        .name("loading".into())
        .spawn(move || -> std::io::Result<Option<app::Screen>> {
            if done_rx.recv_timeout(LOADING_GLANCE).is_ok() {
                return Ok(None);
            }
            let mut screen = app::Screen::enter()?;
            match app::wait_for(&mut screen, &done_rx, || shown.fraction(), &name, &look) {
                Ok(Some(())) => Ok(Some(screen)),
                Ok(None) => {
                    // The user quit: nothing was read, nothing to save.
                    screen.leave(false);
                    std::process::exit(0);
                }
                Err(e) => {
                    screen.leave(false);
                    Err(e)
                }
            }
        })
        .map_err(|e| {
            err_line(&format!("forum-tui: cannot start loading: {e}"));
            ExitCode::from(1)
        })?;
    let result = load(&args.input, args.max_size, args.from, Some(&progress));
    let _ = done_tx.send(());
    let screen = match watcher.join() {
        Ok(Ok(screen)) => screen,
        Ok(Err(e)) => return Err(terminal_error(&e)),
        Err(_) => return Err(ExitCode::from(1)),
    };
    match result {
        Ok(loaded) => Ok((loaded, screen)),
        Err(e) => {
            if let Some(s) = screen {
                s.leave(false);
            }
            err_line(&format!("forum-tui: {e}"));
            Err(ExitCode::from(1))
        }
    }
}

/// How long loading may take before the screen says it is loading: a
/// blink, so that small files open with no flash of a loading screen.
const LOADING_GLANCE: Duration = Duration::from_millis(100);

fn terminal_error(e: &io::Error) -> ExitCode {
    err_line(&format!("forum-tui: terminal error: {e}"));
    ExitCode::from(1)
}

/// The input as the loading screen names it.
fn input_name(input: &Input) -> String {
    match input {
        Input::Default => DEFAULT_NAME.to_owned(),
        Input::Stdin => "<stdin>".to_owned(),
        Input::Path(p) => model::display_path(p),
    }
}

/// The size of the input, for the trace (0 for a stream).
fn input_bytes(input: &Input) -> u64 {
    match input {
        Input::Default => DEFAULT_PROCEEDINGS.len() as u64,
        Input::Stdin => 0,
        Input::Path(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
    }
}

/// Loads and validates the proceedings, in any format forum-tui reads
/// (told from the content unless `--from` says), reading at most
/// `max_size` bytes (standard input: 1 GiB unless given); the error is one
/// printable line.
fn load(
    input: &Input,
    max_size: Option<u64>,
    from: Option<Format>,
    progress: Option<&Arc<model::Progress>>,
) -> Result<Loaded, String> {
    match input {
        Input::Default => model::load_bytes(DEFAULT_NAME, DEFAULT_PROCEEDINGS.as_bytes()),
        Input::Path(p) => match progress {
            Some(progress) => import::load_path_any_progress(p, max_size, from, progress),
            None => import::load_path_any(p, max_size, from),
        },
        Input::Stdin if io::stdin().is_terminal() => {
            return Err("<stdin>: standard input is a terminal: pipe a file in \
                        (forum-tui - < FILE) or name one"
                .to_owned());
        }
        Input::Stdin => import::load_reader_any(
            "<stdin>",
            io::stdin().lock(),
            max_size.unwrap_or(model::DEFAULT_STREAM_LIMIT),
            from,
        ),
    }
    .map_err(|e| e.to_string())
}

/// `convert`: the proceedings format to `output` or standard output, and
/// the warnings `--check` would give on standard error.
fn convert(loaded: &Loaded, output: Option<&Path>) -> ExitCode {
    for w in &loaded.warnings {
        err_line(&format!("warning: {w}"));
    }
    let json = model::to_json(&loaded.proceedings);
    match output {
        None => out(&json),
        Some(path) => match std::fs::write(path, json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let shown = model::display_path(path);
                let name = sanitize(&shown);
                err_line(&format!("forum-tui: {name}: cannot write: {e}"));
                ExitCode::from(1)
            }
        },
    }
}

/// Writes one line to standard error. A standard error that cannot be
/// written (`2>/dev/full`, a closed pipe) loses the message, but never
/// panics as `eprintln!` does: the exit status still tells.
fn err_line(line: &str) {
    let mut e = io::stderr().lock();
    let _ = e.write_all(line.as_bytes());
    let _ = e.write_all(b"\n");
    let _ = e.flush();
}

/// The width of the controlling terminal, asked through /dev/tty so that
/// it answers with standard output in a pipe.
fn terminal_width() -> Option<usize> {
    let tty = std::fs::File::open("/dev/tty").ok()?;
    let size = rustix::termios::tcgetwinsize(&tty).ok()?;
    (size.ws_col > 0).then_some(usize::from(size.ws_col))
}

/// Which part `--dump` prints, with `--segment N` and `--speaker ID`
/// checked against the file.
fn dump_only(p: &model::Proceedings, args: &Args) -> Result<print::Only, String> {
    if let Some(n) = args.segment {
        let count = p.segments.len();
        return if (1..=count).contains(&n) {
            Ok(print::Only::Segment(n - 1))
        } else {
            Err(format!(
                "--segment {n}: the programme has {}",
                forum_tui::state::count_of(count, "segment")
            ))
        };
    }
    if let Some(id) = &args.speaker {
        return match p.speakers.iter().position(|s| s.id == *id) {
            Some(i) => Ok(print::Only::Speaker(model::SpeakerIdx(i))),
            None => Err(format!("--speaker {id}: no speaker has this id")),
        };
    }
    Ok(print::Only::All)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn out(s: &str) -> ExitCode {
    let mut o = io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|()| o.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            err_line(&format!("forum-tui: {e}"));
            ExitCode::from(1)
        }
    }
}
