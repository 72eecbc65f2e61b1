//! Unit tests of `markdown.rs`, kept apart so the importer reads on its own.

use super::*;
use crate::model::{Date, Proceedings};

fn import_ok(text: &str) -> Proceedings {
    import("t.md", text).expect("imports").proceedings
}

fn para(s: &str) -> Block {
    Block::Paragraph(s.into())
}

fn note(s: &str) -> Block {
    Block::Note(s.into())
}

#[test]
fn title_date_turns_and_notes() {
    let p = import_ok(
        "# 2016-11-10 許毓仁委員拜會\n\n### 許毓仁：\n今天來拜訪。\n\n### 許毓仁：\n第二段。\n\n\
         > （許毓仁助理拍照）\n\n### 唐鳳：\n你們剛剛拍我嗎？\n",
    );
    assert_eq!(p.forum.title, "許毓仁委員拜會");
    assert_eq!(
        p.forum.date,
        Some(Date {
            year: 2016,
            month: 11,
            day: 10
        })
    );
    assert_eq!(p.speakers.len(), 2, "the same name is the same speaker");
    let s = &p.segments[0];
    assert_eq!(s.title, "許毓仁委員拜會");
    let got: Vec<(Option<usize>, &[Block])> = s
        .speeches
        .iter()
        .map(|x| (x.speaker.map(|i| i.0), x.paragraphs.as_slice()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(0), &[para("今天來拜訪。")][..]),
            (Some(0), &[para("第二段。")][..]),
            (None, &[note("（許毓仁助理拍照）")][..]),
            (Some(1), &[para("你們剛剛拍我嗎？")][..]),
        ]
    );
}

#[test]
fn sections_and_the_text_before_them() {
    let p = import_ok(
        "# 2026-07-31 Civic Wave\n\n> (A reconstruction.)\n\n## Opening\n\nIntro text.\n\n\
         ### Liz Barry:\n\nWelcome.\n\n> [Applause.]\n\nGo on.\n\n## Next\n\n### Audrey Tang:\n\nHi.\n",
    );
    assert_eq!(p.forum.summary, [note("(A reconstruction.)")]);
    assert_eq!(p.segments.len(), 2);
    assert_eq!(p.segments[0].title, "Opening");
    assert_eq!(p.segments[0].description, [para("Intro text.")]);
    assert_eq!(
        p.segments[0].speeches[0].paragraphs,
        [para("Welcome."), note("[Applause.]"), para("Go on.")],
        "a note inside a turn stays in place"
    );
    assert_eq!(p.speakers[0].id, "Liz-Barry");
    assert_eq!(p.speakers[1].name, "Audrey Tang");
}

#[test]
fn inline_markdown_becomes_plain_text() {
    let p = import_ok(
        "### A:\n\n**AI into ai 愛**, *ai*, [a book](https://x.example \"t\"), \
         [](https://empty.example), <https://auto.example>, `code`<span>x</span>.\n\n\
         <iframe src=\"https://video.example\"></iframe>\n\n\
         - one\n- two\n  - nested\n\n1. first\n",
    );
    assert_eq!(
        p.segments[0].speeches[0].paragraphs,
        [
            para("AI into ai 愛, ai, a book, https://empty.example, https://auto.example, codex."),
            Block::List {
                items: vec!["one".into(), "two".into(), "nested".into()],
                ordered: false
            },
            Block::List {
                items: vec!["first".into()],
                ordered: true
            },
        ]
    );
}

#[test]
fn soft_breaks_join_chinese_without_a_space() {
    let p = import_ok("### 甲：\n第一行\n第二行\nand\nmore\n");
    assert_eq!(
        p.segments[0].speeches[0].paragraphs,
        [para("第一行第二行 and more")]
    );
}

#[test]
fn turns_before_the_first_section_form_a_first_segment() {
    let p = import_ok("### 甲：\n話。\n\n## 第二部分\n\n### 乙：\n話。\n");
    assert_eq!(p.forum.title, "t", "no title: the file name");
    let titles: Vec<&str> = p.segments.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["t", "第二部分"]);
}

#[test]
fn no_turns_is_an_error_naming_the_formats() {
    let e = import("x.md", "# Title\n\nJust text.\n").unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Invalid);
    let m = e.to_string();
    assert!(m.starts_with("x.md: no turns found"), "{m}");
    assert!(m.contains("ParlaMint"), "{m}");
}

#[test]
fn escape_sequences_are_kept_as_text_for_the_sanitiser() {
    let p = import_ok("### A:\nx\u{1b}[31my\n");
    assert_eq!(p.segments[0].speeches[0].paragraphs, [para("x\u{1b}[31my")]);
}

#[test]
fn names_and_stems() {
    assert_eq!(speaker_name(" 蔡玉琪： "), "蔡玉琪");
    assert_eq!(speaker_name("Liz Barry:"), "Liz Barry");
    assert_eq!(file_stem("a/b/2019-x.md"), "2019-x");
    assert_eq!(split_date("2019-04-03"), (None, "2019-04-03"));
    assert_eq!(split_date("2019-13-03 x"), (None, "2019-13-03 x"));
}

#[test]
fn windows_line_endings_leave_no_carriage_return() {
    let p = import_ok("# 2024-01-02 CRLF\r\n\r\n### A:\r\none\r\ntwo\r\n\r\n> (note)\r\n");
    assert_eq!(p.forum.title, "CRLF");
    let s = &p.segments[0].speeches;
    assert_eq!(s[0].paragraphs, [para("one two")]);
    assert_eq!(s[1].paragraphs, [note("(note)")]);
}

#[test]
fn an_empty_turn_is_left_out_with_a_warning() {
    let loaded = import("t.md", "### A:\n\n### B:\nhi\n").unwrap();
    let p = &loaded.proceedings;
    let names: Vec<&str> = p.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["B"]);
    assert_eq!(
        p.speaker(p.segments[0].speeches[0].speaker.unwrap()).name,
        "B"
    );
    let w: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        ["segments[0]: a turn of A with no text in the source was left out"]
    );
}
