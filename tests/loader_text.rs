//! How the loader keeps text: a paragraph written without escapes is a
//! range of the file's own text, one with escapes owns its unescaped
//! characters, and both read exactly as written. And the progress of a
//! load, as a loading screen on another thread sees it.

use std::sync::Arc;
use std::thread;

use forum_tui::model::{Block, Progress, load_bytes, load_path_progress};

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

#[test]
fn escaped_text_is_owned_and_plain_text_shares_the_file() {
    let doc = r#"{"schema_version": 1, "forum": {"title": "t", "summary": ["前言，無跳脫。"]},
        "speakers": [{"id": "a", "name": "甲"}],
        "segments": [{"id": "s", "kind": "other", "title": "t",
            "speeches": [{"speaker": "a", "paragraphs": [
                "第一行\n第二行，\"引號\"與\\反斜線\u3002",
                "純文字段落。",
                {"list": ["一", "二\t項"], "ordered": true},
                {"note": "（鼓掌）"},
                {"note": "\u0028笑\u0029"}
            ]}]}]}"#;
    let loaded = load_bytes("t.json", doc.as_bytes()).expect("loads");
    let p = &loaded.proceedings;
    let Block::Paragraph(preface) = &p.forum.summary[0] else {
        panic!("{:?}", p.forum.summary)
    };
    assert_eq!(preface, "前言，無跳脫。");
    assert!(preface.is_shared());
    let blocks = &p.segments[0].speeches[0].paragraphs;
    let [
        Block::Paragraph(escaped),
        Block::Paragraph(plain),
        Block::List { items, ordered },
        Block::Note(note),
        Block::Note(escaped_note),
    ] = blocks.as_slice()
    else {
        panic!("{blocks:?}")
    };
    assert_eq!(escaped, "第一行\n第二行，\"引號\"與\\反斜線。");
    assert!(!escaped.is_shared());
    assert_eq!(plain, "純文字段落。");
    assert!(plain.is_shared());
    assert_eq!(items.as_slice(), ["一", "二\t項"]);
    assert!(items[0].is_shared() && !items[1].is_shared());
    assert!(*ordered);
    assert_eq!(note, "（鼓掌）");
    assert!(note.is_shared());
    assert_eq!(escaped_note, "(笑)");
    assert!(!escaped_note.is_shared());
    // The two forms compare by content.
    assert_eq!(
        blocks[1],
        Block::Paragraph(forum_tui::model::Text::from("純文字段落。"))
    );
}

#[test]
fn a_control_character_is_warned_about_in_either_form() {
    let doc = r#"{"schema_version": 1, "forum": {"title": "t"},
        "speakers": [{"id": "a", "name": "甲"}],
        "segments": [{"id": "s", "kind": "other", "title": "t",
            "speeches": [{"speaker": "a", "paragraphs": ["a\u001bb", "c"]}]}]}"#;
    let loaded = load_bytes("t.json", doc.as_bytes()).expect("loads");
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["segments[0].speeches[0].paragraphs[0]: control character U+001B"]
    );
}

/// Sampled from another thread while a few MB load, the fraction never
/// goes back, stays within 0..=1, and is 1.0 once the load returns.
#[test]
fn progress_grows_to_one_as_seen_from_another_thread() {
    let mut bytes = Vec::new();
    synth::write_proceedings(&mut bytes, 2_000, 7).expect("synth writes to memory");
    let path = std::env::temp_dir().join(format!("forum-tui-progress-{}.json", std::process::id()));
    std::fs::write(&path, &bytes).expect("temp file");
    let progress = Progress::new();
    let loader = {
        let progress = Arc::clone(&progress);
        let path = path.clone();
        thread::spawn(move || load_path_progress(&path, None, &progress).map(|l| l.warnings))
    };
    let mut seen = Vec::new();
    while !loader.is_finished() {
        if let Some(f) = progress.fraction() {
            seen.push(f);
        }
        thread::yield_now();
    }
    let loaded = loader.join().expect("no panic");
    std::fs::remove_file(&path).expect("temp file removed");
    assert!(loaded.is_ok(), "{loaded:?}");
    assert_eq!(progress.fraction(), Some(1.0));
    seen.push(1.0);
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "went back");
    assert!(seen.iter().all(|f| (0.0..=1.0).contains(f)));
}

#[test]
fn a_failed_load_ends_its_progress_too() {
    let progress = Progress::new();
    let missing = std::path::Path::new("tests/fixtures/no-such-file.json");
    assert!(load_path_progress(missing, None, &progress).is_err());
    assert_eq!(progress.fraction(), Some(1.0));
}
