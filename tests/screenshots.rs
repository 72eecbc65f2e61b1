//! The screenshots in `screenshots/` are drawn by the real renderer. This
//! test fails when a committed screenshot no longer matches what the
//! renderer draws. To redraw them:
//!
//! ```sh
//! FORUM_TUI_UPDATE_SCREENSHOTS=1 cargo test --test screenshots
//! ```

mod common;

use std::path::PathBuf;

use forum_tui::text::AmbiguousWidth;
use forum_tui::ui::{Look, to_svg};

/// name, width, height, keys, colour
const SHOTS: &[(&str, u16, u16, &str, bool)] = &[
    ("landing", 100, 30, "", true),
    ("roundtable-speech", 100, 30, "r]<Tab>", true),
    ("search", 100, 30, "4]/質量<Enter>", true),
    ("help", 100, 30, "?", true),
    ("narrow", 50, 16, "]]", true),
    ("no-color", 100, 30, "4]/質量<Enter>", false),
    ("palette", 100, 30, "4]pzl<Down>", true),
    ("forum-search", 100, 30, "f质量", true),
    ("speaker-page", 100, 30, "4]]]S", true),
    ("simplified", 100, 30, "4]]t", true),
    ("hanging-off", 64, 18, "z1<Tab>jjjjjjjjjj", true),
    ("hanging-on", 64, 18, "z1<Tab>jjjjjjjjjjw", true),
];

#[test]
fn screenshots_match_the_renderer() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    let update = std::env::var_os("FORUM_TUI_UPDATE_SCREENSHOTS").is_some();
    let mut stale = Vec::new();
    for (name, w, h, keys, colour) in SHOTS {
        let s = common::state(*w, *h, keys, AmbiguousWidth::Narrow);
        let svg = to_svg(&common::draw(
            &s,
            &Look::new(*colour, AmbiguousWidth::Narrow),
        ));
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::write(&path, &svg).expect("write screenshot");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "screenshots out of date: {stale:?}\nredraw with FORUM_TUI_UPDATE_SCREENSHOTS=1 cargo test --test screenshots"
    );
}
