//! Whole-screen snapshots of the renderer at fixed sizes (insta), plus
//! checks on what must be on the screen in each scene.

mod common;

use common::{SCENES, screen, text, text_with_hits};

#[test]
fn snapshots_at_three_sizes() {
    for (w, h) in [(120, 40), (80, 24), (50, 16)] {
        for (name, keys) in SCENES {
            let buf = screen(w, h, keys);
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text_with_hits(&buf));
        }
    }
}

#[test]
fn too_small_shows_one_centred_line() {
    for (w, h) in [(10, 5), (39, 20), (100, 9), (1, 1)] {
        let buf = screen(w, h, "");
        let t = text(&buf);
        let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(lines.len() <= 1, "{w}x{h}: {t}");
        if w >= 5 {
            assert!(
                lines[0].contains("40x10"),
                "{w}x{h}: names the size that works: {t}"
            );
        }
    }
    insta::assert_snapshot!("too-small-10x5", text(&screen(10, 5, "")));
    insta::assert_snapshot!("too-small-39x12", text(&screen(39, 12, "")));
}

#[test]
fn landing_page_shows_the_forum_overview() {
    let t = text(&screen(100, 30, ""));
    assert!(t.contains("2022年度“質量之光”論壇"), "{t}");
    assert!(t.contains("2023-01-13"));
    assert!(t.contains("議程"));
}

#[test]
fn search_scene_counts_matches_and_highlights_them() {
    let buf = screen(100, 30, "4]/質量<Enter>");
    let t = text(&buf);
    assert!(t.contains("match 1/"), "{t}");
    let theme = forum_tui::ui::THEME;
    let highlighted = buf
        .content()
        .iter()
        .filter(|c| c.bg == theme.hit.bg.unwrap() || c.bg == theme.hit_current.bg.unwrap())
        .count();
    assert!(
        highlighted >= 4,
        "at least two matches of two wide characters are highlighted"
    );
}

#[test]
fn wide_ambiguous_mode_keeps_every_row_on_the_grid() {
    use forum_tui::text::AmbiguousWidth;
    use forum_tui::ui::Look;
    use ratatui::buffer::CellDiffOption;
    let s = common::state(100, 30, "r]", AmbiguousWidth::Wide);
    let buf = common::draw(&s, &Look::new(true, AmbiguousWidth::Wide));
    let g = s.geometry().unwrap();
    let mut forced = 0;
    for y in 0..buf.area.height {
        // Walk the row as a terminal that draws ambiguous characters two
        // cells wide would: every cell's width is its forced width or
        // its symbol's, and the cells it covers must be empty.
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let w = match cell.diff_option {
                CellDiffOption::ForcedWidth(w) => {
                    forced += 1;
                    w.get()
                }
                _ => unicode_width::UnicodeWidthStr::width_cjk(cell.symbol()).max(1) as u16,
            };
            for dx in 1..w {
                assert_eq!(
                    buf[(x + dx, y)].symbol(),
                    " ",
                    "row {y}: cell {} is covered by {:?}",
                    x + dx,
                    cell.symbol()
                );
            }
            x += w;
        }
        assert_eq!(x, buf.area.width, "row {y} ends on the last column");
        if (g.separator.y..g.separator.y + g.separator.height).contains(&y) {
            assert_eq!(
                buf[(g.separator.x, y)].symbol(),
                "|",
                "row {y}: the border stays in its column"
            );
        }
    }
    assert!(
        forced > 0,
        "ambiguous characters on screen carry their width"
    );
    insta::assert_snapshot!("roundtable-speech-wide-100x30", common::text(&buf));
}

#[test]
fn quote_marks_take_two_cells_in_wide_mode() {
    use forum_tui::text::{AmbiguousWidth, width::str_width};
    assert_eq!(str_width("“質量”", AmbiguousWidth::Narrow), 6);
    assert_eq!(str_width("“質量”", AmbiguousWidth::Wide), 8);
}

#[test]
fn hostile_text_reaches_the_screen_only_as_visible_symbols() {
    use forum_tui::action::Action;
    use forum_tui::state::State;
    use forum_tui::text::AmbiguousWidth;
    use forum_tui::ui::Look;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/hostile.json"
    );
    let loaded = forum_tui::model::load_path(std::path::Path::new(path)).expect("loads");
    let mut s = State::new(loaded.proceedings, AmbiguousWidth::Narrow);
    s.apply(Action::Resize(100, 30));
    for keys in ["", "]", "]", "1", "?"] {
        s.press(keys);
        let buf = common::draw(&s, &Look::new(true, AmbiguousWidth::Narrow));
        for cell in buf.content() {
            let bad = cell.symbol().chars().any(|c| {
                c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            });
            assert!(
                !bad,
                "after {keys:?}: {:?} reached the screen",
                cell.symbol()
            );
        }
        let t = common::text(&buf);
        assert!(
            !t.contains("pwned") || t.contains("␛]0;pwned"),
            "the title set is shown inert"
        );
    }
}

#[test]
fn no_color_keeps_focus_selection_and_matches_apart_without_colour() {
    use forum_tui::text::AmbiguousWidth;
    use forum_tui::ui::Look;
    use ratatui::style::{Color, Modifier};
    let s = common::state(100, 30, "4]/質量<Enter>", AmbiguousWidth::Narrow);
    let buf = common::draw(&s, &Look::new(false, AmbiguousWidth::Narrow));
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "no colour at all"
    );
    let g = s.geometry().unwrap();
    let reversed = |a: forum_tui::state::Area| {
        (a.x..a.x + a.width).any(|x| buf[(x, a.y)].modifier.contains(Modifier::REVERSED))
    };
    // The focused pane's header is reversed, the other's is not.
    assert!(reversed(g.tree_header));
    assert!(!reversed(g.text_header));
    // The current match is reversed; the other matches are underlined only.
    let cells: Vec<_> = buf
        .content()
        .iter()
        .filter(|c| c.symbol() == "質")
        .collect();
    let current = cells
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    let others = cells
        .iter()
        .filter(|c| {
            c.modifier.contains(Modifier::UNDERLINED) && !c.modifier.contains(Modifier::REVERSED)
        })
        .count();
    assert!(current >= 1, "the current match stands out");
    assert!(others >= 2, "other matches are marked");
}

const LY: &str = "ly-2012-09-27-internal-affairs.json";

#[test]
fn transcript_pages_of_a_real_sitting_at_three_sizes() {
    // Segment 5, a questioning of 105 turns: its third turn on top, the
    // tree showing the turns with their first words.
    for (w, h) in [(120, 40), (80, 24), (50, 16)] {
        let buf = common::fixture_screen(LY, w, h, "5]]]");
        let t = text(&buf);
        assert!(t.contains("turn 3/105"), "{w}x{h}: {t}");
        insta::assert_snapshot!(format!("transcript-ly-{w}x{h}"), t);
    }
    // At 120x40 at least three speaker lines fit on one screen.
    let s = common::fixture_state(LY, 120, 40, "5]");
    let speaker_lines = s
        .reader
        .window()
        .filter(|(p, _)| s.reader.doc.pieces[*p].role == forum_tui::doc::Role::Speaker)
        .count();
    assert!(speaker_lines >= 3, "{speaker_lines}");
}

#[test]
fn parents_headings_and_notes_on_screen() {
    let buf = common::fixture_screen("additions.json", 100, 30, "4]]");
    let t = text(&buf);
    insta::assert_snapshot!("additions-100x30", t);
    assert!(t.contains("▾ 討論事項"), "a heading node: {t}");
    assert!(t.contains("▾ 第一案：電價調整"), "one per level: {t}");
    assert!(t.contains("討論事項 › 第一案：電價調整"), "the path: {t}");
    // A note is dimmed and not indented; spoken text is indented.
    let s = common::fixture_state("additions.json", 100, 30, "1");
    let g = s.geometry().unwrap();
    let buf = common::draw(
        &s,
        &forum_tui::ui::Look::new(true, forum_tui::text::AmbiguousWidth::Narrow),
    );
    let note_row = (g.text.y..g.text.y + g.text.height)
        .find(|&y| buf[(g.text.x, y)].symbol() == "（")
        .expect("the note （敲槌） starts at the margin");
    assert_eq!(
        buf[(g.text.x, note_row)].fg,
        forum_tui::ui::THEME.note.fg.unwrap()
    );
    assert!(
        text(&buf).contains("王召集委員（召集委員）　主席　09:02"),
        "role and time on the speaker line"
    );
}

/// An overlay's left border is drawn on every row, and no wide character
/// beside it covers it.
fn left_border_is_whole(buf: &ratatui::buffer::Buffer, area: forum_tui::state::Area, size: &str) {
    for y in area.y..area.y + area.height {
        let left = &buf[(area.x, y)];
        assert!(
            ["│", "╭", "╰"].contains(&left.symbol()),
            "{size} row {y}: the left border is {:?}",
            left.symbol()
        );
        let before = buf[(area.x - 1, y)].symbol();
        assert!(
            unicode_width::UnicodeWidthStr::width(before) <= 1,
            "{size} row {y}: {before:?} would cover the border"
        );
    }
}

#[test]
fn overlays_keep_their_border_whole_over_wide_characters() {
    for (w, h) in [
        (120, 40),
        (101, 30),
        (100, 30),
        (80, 24),
        (79, 24),
        (50, 16),
    ] {
        let s = common::fixture_state(LY, w, h, "5?");
        let buf = common::draw(
            &s,
            &forum_tui::ui::Look::new(true, forum_tui::text::AmbiguousWidth::Narrow),
        );
        left_border_is_whole(&buf, s.help_view().area, &format!("{w}x{h}"));
    }
    let buf = common::fixture_screen(LY, 100, 30, "5]?");
    insta::assert_snapshot!("help-over-cjk-tree-100x30", text(&buf));
}

#[test]
fn the_header_keeps_the_speaker_and_shortens_the_segment_title() {
    // Segment 4's title is 39 characters; its speakers must stay whole.
    let s = common::fixture_state(LY, 100, 30, "4]]");
    let buf = common::draw(
        &s,
        &forum_tui::ui::Look::new(true, forum_tui::text::AmbiguousWidth::Narrow),
    );
    let header = text(&buf).lines().nth(1).unwrap().to_owned();
    let forum_tui::state::Node::Speech(i, j) = s.reading() else {
        panic!("reading a turn");
    };
    let p = s.proceedings();
    let name = &p.speaker(p.segments[i].speeches[j].speaker.unwrap()).name;
    assert!(
        header.trim_end().ends_with(&format!("› {name}")),
        "{header}"
    );
    assert!(header.contains('⋯'), "the title gives way: {header}");
}

#[test]
fn no_match_is_said_once() {
    let t = text(&screen(100, 30, "/zzz<Enter>"));
    let status = t.lines().last().unwrap();
    assert_eq!(status.matches("no match").count(), 1, "{status}");
}

#[test]
fn page_furniture_follows_the_language_and_counts_agree() {
    let t = text(&screen(120, 40, "7"));
    assert!(t.contains("類型　圓桌"), "{t}");
    assert!(
        !t.contains("roundtable"),
        "no English kind on a Chinese page: {t}"
    );
    let t = text(&common::fixture_screen("minimal.json", 100, 30, ""));
    assert!(t.contains("overview  1 segment "), "{t}");
}

#[test]
fn the_ly_finance_sitting_read_as_the_issue_asks() {
    use forum_tui::state::Page;
    const FIN: &str = "ly-2012-03-26-finance-economics.json";
    let mut s = common::fixture_state(FIN, 120, 40, "4]");
    let look = forum_tui::ui::Look::new(true, forum_tui::text::AmbiguousWidth::Narrow);
    let speaker_lines = |s: &forum_tui::state::State| {
        s.reader
            .window()
            .filter(|(p, _)| s.reader.doc.pieces[*p].role == forum_tui::doc::Role::Speaker)
            .count()
    };
    assert!(text(&common::draw(&s, &look)).contains("turn 1/"));
    assert!(speaker_lines(&s) >= 3);
    s.press("]]]");
    let t = text(&common::draw(&s, &look));
    assert!(t.lines().last().unwrap().contains("turn 4/"), "{t}");
    let top = s.reader.window().next().unwrap().0;
    assert_eq!(s.reader.doc.pieces[top].role, forum_tui::doc::Role::Speaker);
    let mut presses = 0;
    while s.reader.page == Page::Segment(3) {
        s.press(" ");
        presses += 1;
        assert!(presses < 500);
    }
    assert_eq!(
        s.reader.page,
        Page::Segment(4),
        "Space moves on to segment 5"
    );
    s.press(":12.3<Enter>");
    let t = text(&common::draw(&s, &look));
    assert!(
        t.lines().last().unwrap().starts_with(" segment 12/44"),
        "{t}"
    );
    assert!(t.lines().last().unwrap().contains("turn 3/"), "{t}");
    s.press("z");
    let g = s.geometry().unwrap();
    assert_eq!(g.tree.width, 0);
    assert!(
        !text(&common::draw(&s, &look)).contains("議程"),
        "the tree is hidden"
    );
}

#[test]
fn the_jump_palette_over_the_text_pane() {
    for (w, h) in [(100, 30), (50, 16)] {
        let buf = screen(w, h, "4]pzl<Down>");
        let t = text(&buf);
        assert!(t.contains("› zl"), "the query: {t}");
        assert!(t.contains("Enter jump"), "the keys: {t}");
        insta::assert_snapshot!(format!("palette-{w}x{h}"), t);
    }
    let t = text(&screen(100, 30, "phmh"));
    let row = t.lines().nth(3).unwrap_or_default();
    assert!(row.contains("郝明虹"), "the best match first: {t}");
    assert!(row.contains("1 則發言"), "with its turns: {t}");
    // The selected row stands out, in colour and without.
    for colour in [true, false] {
        let s = common::state(100, 30, "p<Down>", forum_tui::text::AmbiguousWidth::Narrow);
        let look = forum_tui::ui::Look::new(colour, forum_tui::text::AmbiguousWidth::Narrow);
        let buf = common::draw(&s, &look);
        let a = s.palette_area().unwrap();
        // Every cell a terminal draws (the second half of a wide
        // character is drawn with the first).
        let reversed = |y: u16| {
            let mut x = a.x + 1;
            while x < a.x + a.width - 1 {
                let cell = &buf[(x, y)];
                if !cell.modifier.contains(ratatui::style::Modifier::REVERSED) {
                    return false;
                }
                x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
            }
            true
        };
        assert!(!reversed(a.y + 2), "the first row is not selected");
        assert!(reversed(a.y + 3), "the second row is");
    }
    let t = text(&screen(100, 30, "pqqqzzzz"));
    assert!(t.contains("no speaker or segment matches"), "{t}");
    // The box keeps its left border whole over the wide characters of the
    // tree, as the help does.
    for (w, h) in [(120, 40), (101, 30), (80, 24), (79, 24), (50, 16)] {
        let s = common::fixture_state(LY, w, h, "5]p");
        let buf = common::draw(
            &s,
            &forum_tui::ui::Look::new(true, forum_tui::text::AmbiguousWidth::Narrow),
        );
        left_border_is_whole(&buf, s.palette_area().unwrap(), &format!("{w}x{h}"));
    }
}

#[test]
fn forum_results_speaker_page_and_simplified_screens() {
    let t = text(&screen(100, 30, "f质量"));
    assert!(t.contains("forum search: 质量"), "{t}");
    assert!(t.contains("matches"), "{t}");
    insta::assert_snapshot!("forum-search-100x30", t);
    let t = text(&screen(100, 30, "4]]]S"));
    assert!(t.contains("speaker page"), "{t}");
    insta::assert_snapshot!("speaker-page-100x30", t);
    let t = text(&screen(100, 30, "4]]t"));
    assert!(t.contains("质量") && !t.contains("質量"), "{t}");
    assert!(t.contains("议程"), "{t}");
    insta::assert_snapshot!("simplified-100x30", t);
}

#[test]
fn the_results_header_replaces_the_page_header_whole() {
    let t = text(&screen(100, 30, "4]]f質"));
    let header = t.lines().nth(1).unwrap();
    assert!(header.trim_end().ends_with("matches"), "{header}");
    assert!(
        !header.contains('›'),
        "nothing of the page's header is left: {header}"
    );
}
