//! The README's key table is the keymap's, so it cannot drift: this test
//! fails when they differ and prints the table to paste.

#[test]
fn readme_key_table_is_the_keymap() {
    let readme = include_str!("../README.md");
    let table = forum_tui::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; replace it with:\n\n{table}"
    );
}

#[test]
fn readme_shows_every_screenshot() {
    let readme = include_str!("../README.md");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/screenshots");
    for entry in std::fs::read_dir(dir).expect("screenshots/") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".svg") {
            assert!(
                readme.contains(&format!("screenshots/{name}")),
                "README does not show {name}"
            );
        }
    }
}

#[test]
fn readme_says_what_a_terminal_and_a_toolchain_need() {
    let readme = include_str!("../README.md");
    let manifest = include_str!("../Cargo.toml");
    let msrv = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("Cargo.toml names a rust-version")
        .trim_matches('"');
    assert!(
        readme.contains(&format!("Rust {msrv}")),
        "the README names Rust {msrv}"
    );
    assert!(
        readme.contains("UTF-8 locale"),
        "the README names the locale"
    );
    assert!(readme.contains("CJK"), "the README names the font");
}
