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
