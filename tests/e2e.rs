//! End-to-end: the real binary in a pseudo-terminal, its output fed to a
//! terminal-emulator screen model (vt100), with assertions on that screen.

mod pty;

use portable_pty::{CommandBuilder, PtySize};
use pty::{Session, StateHome, spawn, spawn_command};

#[test]
fn a_reading_session_from_start_to_quit() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    assert!(
        s.parser.screen().alternate_screen(),
        "the reader runs on the alternate screen"
    );

    // ] three times: the third speech of the programme, 李剛, in the header.
    s.send("]]]");
    s.wait_text("turn 3/3");
    s.wait_text("中國質量報刊社黨委書記");
    let header = s.row_with("李剛").expect("speaker in the header");
    assert!(header.contains("李剛"), "{header}");

    // r: the first roundtable's panel.
    s.send("r");
    s.wait_text("推動質量提升");
    s.wait_text("孫國權");
    s.wait_text("segment 7/");

    // A search: highlighted matches and the counter.
    s.send("/質量\r");
    s.wait_text("match 1/");
    let screen = s.parser.screen();
    let (rows, cols) = screen.size();
    let highlighted = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter(|&(r, c)| {
            let cell = screen.cell(r, c).expect("cell");
            cell.contents() == "質" && !matches!(cell.bgcolor(), vt100::Color::Default)
        })
        .count();
    assert!(
        highlighted >= 2,
        "matches are highlighted:\n{}",
        screen.contents()
    );

    // Ctrl-L repaints everything, even where the terminal answers no
    // cursor-position query (this emulator answers none).
    s.send("\u{c}");
    s.send("n");
    s.wait_text("match 2/");
    assert!(
        s.row_with("孫國權").is_some(),
        "the screen is whole after Ctrl-L"
    );

    // q: exit 0, the shell's screen back, the cursor shown.
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
    assert!(!s.parser.screen().hide_cursor(), "cursor shown");
}

#[test]
fn escape_sequences_in_a_file_never_reach_the_terminal() {
    let hostile = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/hostile.json"
    );
    let mut s = spawn(100, 30, &[hostile]);
    s.wait_text("概覽");
    s.wait_text("␛]52;c;");
    s.send("]");
    s.wait_text("turn 1/2");
    s.send("]");
    s.wait_text("turn 2/2");
    s.send("q");
    assert!(s.wait_exit().success());
    let out = String::from_utf8_lossy(&s.raw).into_owned();
    // ratatui writes CSI sequences of its own; the file's OSC (clipboard,
    // title), BEL, C1 controls and bidi overrides must not appear.
    assert!(
        !out.contains("\u{1b}]"),
        "an OSC sequence reached the terminal"
    );
    assert!(!out.contains("\u{1b}c"), "a reset reached the terminal");
    assert!(
        !out.contains("?1049l離開"),
        "the file's alternate-screen switch is inert"
    );
    for c in out.chars() {
        let c1 = ('\u{80}'..='\u{9f}').contains(&c);
        let bidi = ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!c1 && !bidi && c != '\u{7}', "{c:?} reached the terminal");
    }
}

#[test]
fn a_click_opens_a_tree_row_and_the_wheel_scrolls_the_text() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    let row_of = |s: &Session, text: &str| {
        s.parser
            .screen()
            .contents()
            .lines()
            .position(|l| l.contains(text))
            .expect("row in the tree") as u16
    };
    // SGR mouse reports, 1-based: press and release of the left button.
    let click = |s: &mut Session, row: u16| {
        s.send(&format!("\u{1b}[<0;6;{}M\u{1b}[<0;6;{}m", row + 1, row + 1));
    };
    // The first segment's row opens its page, and its turns in the tree.
    let row = row_of(&s, "1 開幕 致辭");
    click(&mut s, row);
    s.wait_text("李剛 中國質量報刊社");
    let row = row_of(&s, "李剛 中國質量報刊社");
    click(&mut s, row);
    s.wait_text("turn 3/3");
    s.wait_text("1 致辭 › 李剛");
    // The wheel over the text pane scrolls it: the percentage moves.
    s.send(":4.1\r");
    s.wait_text("turn 1/5");
    let status = s.row_with("turn 1/5").expect("status line");
    s.send("\u{1b}[<65;60;15M");
    s.wait_for("the text scrolled", move |scr| {
        !scr.contents().contains(status.as_str())
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn narrow_terminal_and_too_small_message() {
    let mut s = spawn(50, 16, &[]);
    s.wait_text("議程");
    s.send("]");
    s.wait_text("turn 1/3");
    s.send("q");
    assert!(s.wait_exit().success());

    let mut s = spawn(10, 5, &[]);
    s.wait_text("min 40x10");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn piped_output_prints_the_dump_and_never_starts_the_screen() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_forum-tui"))
        .output()
        .expect("run forum-tui");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("質量之光"));
    assert!(
        !text.contains('\u{1b}'),
        "no escape sequence in piped output"
    );
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_repaints() {
    // A job-control shell runs forum-tui, says when it stopped, and brings
    // it back with fg, as an interactive shell would.
    let mut s = spawn_command(100, 30, {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args([
            "-c",
            "set -m; \"$0\" 2>/dev/null; echo \"job stopped\"; fg %1",
            env!("CARGO_BIN_EXE_forum-tui"),
        ]);
        cmd
    });
    s.wait_text("議程");
    s.send("]");
    s.wait_text("turn 1/3");
    s.send("\u{1a}");
    // The shell may bring the reader back before this side reads the
    // output, so what happened in between is read from the bytes.
    s.wait_raw("job stopped");
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    let before = &raw[..raw.find("job stopped").expect("seen")];
    let left = before
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    let shown = before.rfind("\u{1b}[?25h").expect("showed the cursor");
    assert!(left > before.rfind("\u{1b}[?1049h").unwrap_or(0));
    assert!(
        shown > before.rfind("\u{1b}[?25l").unwrap_or(0),
        "cursor shown while suspended"
    );
    // fg: back on the alternate screen, repainted where reading was.
    s.wait_for("the reader again", |scr| {
        scr.alternate_screen() && scr.contents().contains("turn 1/3")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn a_resized_terminal_is_laid_out_again_at_the_same_place() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    s.send("3]");
    s.wait_text("turn 1/2");
    s.master
        .resize(PtySize {
            rows: 16,
            cols: 50,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize");
    s.parser.screen_mut().set_size(16, 50);
    // The status line moves to the new last row; the same speech is read.
    s.wait_for("the 50x16 layout", |scr| {
        scr.contents()
            .lines()
            .nth(15)
            .is_some_and(|l| l.contains("turn 1/2"))
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_dash_with_a_terminal_on_standard_input_says_so_at_once() {
    let mut s = spawn(80, 24, &["-"]);
    s.wait_text("standard input is a terminal");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1);
}

#[test]
fn y_copies_the_turn_through_osc_52_only() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    s.send("]");
    s.wait_text("turn 1/");
    assert!(
        !String::from_utf8_lossy(&s.raw).contains("\u{1b}]52;"),
        "nothing is copied before y"
    );
    s.send("y");
    s.wait_raw("\u{1b}]52;c;");
    s.wait_text("copied");
    s.send("q");
    s.wait_exit();
}

#[test]
fn a_forum_wide_search_on_a_real_sitting_lists_hits_and_n_walks_them() {
    let ly = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/ly-2012-03-26-finance-economics.json"
    );
    let mut s = spawn(120, 40, &[ly]);
    s.wait_text("議程");
    s.send("f经济部");
    s.wait_text("132 matches");
    // Hits of at least three speakers, counted per speaker.
    s.wait_for("three speakers counted", |scr| {
        let counts = scr.contents().lines().nth(2).unwrap_or("").to_owned();
        counts
            .split("  ")
            .filter(|c| c.trim().ends_with(char::is_numeric))
            .count()
            >= 3
    });
    s.send("\r\r");
    s.wait_text("match 1/132 in the forum");
    s.send("n");
    s.wait_text("match 2/132 in the forum");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn reading_resumes_where_it_stopped() {
    let home = StateHome::new();
    let run = |args: &[&str], state_home: &std::path::Path| {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_forum-tui"));
        cmd.args(args);
        cmd.env("XDG_STATE_HOME", state_home);
        spawn_command(100, 30, cmd)
    };
    // Where reading is: the status line up to the percentage (the hints
    // after it may still be drawing).
    let status_line = |s: &Session| {
        let contents = s.parser.screen().contents();
        let last = contents.lines().last()?.to_owned();
        Some(last.split('%').next()?.to_owned())
    };
    let mut s = run(&[], &home.0);
    s.wait_text("議程");
    s.send("4]]");
    s.wait_text("turn 2/5");
    let read = status_line(&s).expect("a status line");
    s.send("q");
    assert!(s.wait_exit().success());

    // Opened again: the same turn, and nothing to remark.
    let mut s = run(&[], &home.0);
    s.wait_text("turn 2/5");
    assert_eq!(status_line(&s), Some(read.clone()));
    s.send("q");
    assert!(s.wait_exit().success());

    // --no-resume: the landing page, though the position is kept.
    let mut s = run(&["--no-resume"], &home.0);
    s.wait_text("overview");
    s.send("q");
    assert!(s.wait_exit().success());
    let mut s = run(&[], &home.0);
    s.wait_text("turn 2/5");
    s.send("q");
    assert!(s.wait_exit().success());

    // A corrupt state file: the landing page, and a one-line notice.
    for entry in std::fs::read_dir(home.0.join("forum-tui")).expect("the state directory") {
        std::fs::write(entry.expect("entry").path(), "{ not json").expect("write");
    }
    let mut s = run(&[], &home.0);
    s.wait_text("is corrupt");
    assert!(status_line(&s).is_some_and(|l| l.contains("saved position ignored")));
    s.send("j");
    s.wait_text("overview");
    s.send("q");
    assert!(s.wait_exit().success());

    // A state directory that cannot exist (under a regular file, which
    // stops root too): reading goes on, the failed save is said on
    // standard error once the screen is restored, and the exit is clean.
    let file = home.0.join("a-file");
    std::fs::write(&file, "").expect("write");
    let mut s = run(&[], &file);
    s.wait_text("議程");
    s.send("4]]");
    s.wait_text("turn 2/5");
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(
        s.parser
            .screen()
            .contents()
            .contains("cannot save the reading position"),
        "{}",
        s.parser.screen().contents()
    );
}

#[test]
fn the_jump_palette_in_a_real_terminal() {
    let mut s = spawn(100, 30, &[]);
    s.wait_text("議程");
    // Ctrl-P is byte 0x10; pinyin initials, then Enter.
    s.send("\u{10}");
    s.wait_text("jump: ");
    s.send("hmh");
    s.wait_text("› hmh");
    s.send("\r");
    s.wait_for("郝明虹's turn", |scr| {
        scr.contents()
            .lines()
            .last()
            .is_some_and(|l| l.contains("郝明虹") && l.contains("turn"))
    });
    // p, then Tab: the speaker's page.
    s.send("pchangcheng\t");
    s.wait_text("speaker page  蒲長城");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn forum_tui_trace_records_start_load_first_frame_and_each_key() {
    let trace = std::env::temp_dir().join(format!("forum-tui-trace-{}", std::process::id()));
    let _ = std::fs::remove_file(&trace);
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_forum-tui"));
    cmd.env("FORUM_TUI_TRACE", &trace);
    let mut s = spawn_command(100, 30, cmd);
    s.wait_text("議程");
    s.send("j");
    s.send(" ");
    s.send("q");
    assert!(s.wait_exit().success());
    let text = std::fs::read_to_string(&trace).expect("trace written");
    let _ = std::fs::remove_file(&trace);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split(' ').collect()).collect();
    let kinds: Vec<&str> = lines.iter().map(|l| l[1]).collect();
    assert_eq!(
        kinds,
        ["start", "loaded", "first-frame", "key", "key"],
        "{text}"
    );
    // Times since start grow; the size is the embedded file's.
    let times: Vec<u64> = lines.iter().map(|l| l[0].parse().expect("time")).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{text}");
    assert_eq!(
        lines[1][2],
        forum_tui::DEFAULT_PROCEEDINGS.len().to_string(),
        "{text}"
    );
    assert_eq!((lines[3][2], lines[4][2]), ("j", "Space"), "{text}");
    for key in &lines[3..] {
        let latency: u64 = key[3].parse().expect("latency");
        assert!(latency > 0, "{text}");
    }
}
