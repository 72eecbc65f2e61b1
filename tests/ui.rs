//! Whole-screen snapshots of the renderer at fixed sizes (insta), plus
//! checks on what must be on the screen in each scene.

mod common;

use common::{SCENES, screen, text};

#[test]
fn snapshots_at_three_sizes() {
    for (w, h) in [(120, 40), (80, 24), (50, 16)] {
        for (name, keys) in SCENES {
            let buf = screen(w, h, keys);
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&buf));
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
            assert!(lines[0].contains("small"), "{w}x{h}: {t}");
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
