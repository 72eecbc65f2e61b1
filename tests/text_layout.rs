//! Paragraph and list layout, glyphs and `--dump` lines through the public
//! API, plus a snapshot of real prose laid out at a narrow width.

use forum_tui::text::AmbiguousWidth::{self, Narrow, Wide};
use forum_tui::text::layout::{
    Bullet, LaidLine, LayoutOptions, is_cjk_language, layout_list, layout_paragraph,
};
use forum_tui::text::render::{glyphs, line_string};
use forum_tui::text::width::is_east_asian_ambiguous;
use forum_tui::text::width::str_width;

fn dump(text: &str, lines: &[LaidLine], amb: AmbiguousWidth) -> Vec<String> {
    lines.iter().map(|l| line_string(text, l, amb)).collect()
}

fn dump_list(items: &[&str], lines: &[LaidLine]) -> Vec<String> {
    lines
        .iter()
        .map(|l| line_string(items[l.item], l, Narrow))
        .collect()
}

#[test]
fn paragraph_indent() {
    let text = "　　你好，世界。";
    // The text brings its own indent: no prefix added.
    let lines = layout_paragraph(text, 8, true, Narrow);
    assert_eq!(dump(text, &lines, Narrow), ["　　你", "好，", "世界。"]);
    assert!(lines.iter().all(|l| l.prefix.is_empty()));

    let text = "質量是興國之道、富國之本。";
    let lines = layout_paragraph(text, 12, true, Narrow);
    assert_eq!(
        dump(text, &lines, Narrow),
        ["\u{3000}\u{3000}質量是興", "國之道、富國", "之本。"]
    );
    assert_eq!((lines[0].prefix_width, lines[1].prefix_width), (4, 0));
    assert_eq!(lines[0].range, 0..12);
    for l in &lines {
        assert!(l.prefix_width + l.width <= 12, "{l:?}");
    }

    // Without the indent, or with no room for it.
    let plain = layout_paragraph(text, 12, false, Narrow);
    assert_eq!(
        dump(text, &plain, Narrow),
        ["質量是興國", "之道、富國", "之本。"]
    );
    assert!(
        layout_paragraph("中文", 5, true, Narrow)[0]
            .prefix
            .is_empty()
    );
    assert!(layout_paragraph("", 20, true, Narrow)[0].prefix.is_empty());
}

#[test]
fn paragraph_hard_breaks_keep_the_indent_on_line_zero_only() {
    let text = "第一行\n第二行";
    let lines = layout_paragraph(text, 20, true, Narrow);
    assert_eq!(
        dump(text, &lines, Narrow),
        ["\u{3000}\u{3000}第一行", "第二行"]
    );
}

#[test]
fn ordered_list_of_ten_aligns_markers() {
    let items: Vec<String> = (1..=10)
        .map(|i| format!("第{i}項內容比較長需要換行"))
        .collect();
    let refs: Vec<&str> = items.iter().map(String::as_str).collect();
    let lines = layout_list(&refs, true, 16, Narrow);
    let out = dump_list(&refs, &lines);
    assert_eq!(out[0], " 1. 第1項內容比");
    assert_eq!(out[1], "    較長需要換行");
    let tenth: Vec<&String> = lines
        .iter()
        .zip(&out)
        .filter(|(l, _)| l.item == 9)
        .map(|(_, s)| s)
        .collect();
    assert_eq!(tenth, ["10. 第10項內容比", "    較長需要換行"]);
    assert_eq!(out.len(), 20);
    for l in &lines {
        assert_eq!(l.prefix_width, 4);
        assert_eq!(str_width(&l.prefix, Narrow), 4);
        assert!(l.prefix_width + l.width <= 16, "{l:?}");
    }
}

#[test]
fn unordered_list_hangs_under_the_text() {
    let items = ["加強質量安全監管、強化企業主體責任", "短"];
    let lines = layout_list(&items, false, 14, Narrow);
    assert_eq!(
        dump_list(&items, &lines),
        ["∙ 加強質量安全", "  監管、強化企", "  業主體責任", "∙ 短"]
    );
    // The narrow-mode bullet is not East Asian Ambiguous: same width in
    // every terminal.
    assert!(!lines[0].prefix.chars().any(is_east_asian_ambiguous));
    for amb in [Narrow, Wide] {
        assert_eq!(str_width(&lines[0].prefix, amb), lines[0].prefix_width);
    }
    assert!(layout_list::<&str>(&[], true, 10, Narrow).is_empty());
}

#[test]
fn bullets_follow_the_language() {
    let items = ["短", "長"];
    let marker = |tag: Option<&str>, amb: AmbiguousWidth| {
        let opts = LayoutOptions::from(amb).language(tag);
        layout_list(&items, false, 20, opts)[0].prefix.clone()
    };
    // zh-Hant (Taiwan): a bullet dot, drawn wide only where ambiguous
    // characters are wide; ・ only for Japanese.
    assert_eq!(marker(Some("zh-Hant"), Narrow), "∙ ");
    assert_eq!(marker(Some("zh-Hant"), Wide), "•");
    assert_eq!(marker(Some("zh-Hans"), Narrow), "∙ ");
    assert_eq!(marker(Some("ja"), Narrow), "・");
    assert_eq!(marker(Some("ja-JP"), Wide), "・");
    assert_eq!(marker(None, Narrow), "∙ ");
    assert_eq!(Bullet::for_language(Some("ja")), Bullet::Katakana);
    for amb in [Narrow, Wide] {
        for tag in [Some("zh-Hant"), Some("ja"), None] {
            let m = marker(tag, amb);
            assert_eq!(str_width(&m, amb), 2, "{tag:?} {amb:?}");
        }
    }
}

#[test]
fn hanging_punctuation_through_layout() {
    let text = "中文中文，中文";
    let off = layout_paragraph(text, 8, false, Narrow);
    let on = layout_paragraph(text, 8, false, LayoutOptions::from(Narrow).hang(true));
    assert_eq!(dump(text, &off, Narrow), ["中文中", "文，中文"]);
    // ， hangs past the 8 cells instead of pushing 文 down.
    assert_eq!(dump(text, &on, Narrow), ["中文中文，", "中文"]);
    assert_eq!(on[0].prefix_width + on[0].width, 8 + 2);
    // In a list, the gutter is past the same right edge.
    let items = ["中文中文，中文"];
    let list = layout_list(&items, true, 11, LayoutOptions::from(Narrow).hang(true));
    assert_eq!(dump_list(&items, &list), ["1. 中文中文，", "   中文"]);
}

#[test]
fn glyphs_add_up_to_the_line() {
    let text = "他說：「好。」\t然後\x1b[0m";
    for l in layout_paragraph(text, 10, true, Narrow) {
        let g: Vec<_> = glyphs(text, l.range.clone(), l.prefix_width, Narrow).collect();
        assert_eq!(g.iter().map(|g| g.width).sum::<usize>(), l.width);
        assert!(g.iter().all(|g| !g.text.contains(char::is_control)));
    }
}

#[test]
fn languages() {
    assert!(is_cjk_language(Some("zh-Hant")));
    assert!(is_cjk_language(Some("YUE")));
    assert!(!is_cjk_language(Some("en")));
    assert!(!is_cjk_language(None));
}

#[test]
fn article_snapshot() {
    let p = forum_tui::model::load_bytes("default", forum_tui::DEFAULT_PROCEEDINGS.as_bytes())
        .expect("default proceedings")
        .proceedings;
    let paragraphs = p.forum.summary.iter().chain(
        p.segments
            .iter()
            .flat_map(|s| s.speeches.iter().flat_map(|sp| &sp.paragraphs)),
    );
    let mut out = String::new();
    for block in paragraphs.take(6) {
        let forum_tui::model::Block::Paragraph(para) = block else {
            continue;
        };
        for line in layout_paragraph(para, 30, true, Narrow) {
            out.push_str(&line_string(para, &line, Narrow));
            out.push('\n');
        }
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

/// `--dump --hang-punctuation`: lines of at most width + 2 cells, and only
/// a full-width closing mark ever goes past the width.
#[test]
fn dump_with_hanging_punctuation() {
    use forum_tui::print::{Only, dump};
    let p = forum_tui::model::load_bytes("default", forum_tui::DEFAULT_PROCEEDINGS.as_bytes())
        .expect("default proceedings")
        .proceedings;
    let mut hung = 0;
    for width in [20, 31, 40, 57] {
        let plain = dump(&p, Only::All, width, Narrow);
        let on = dump(&p, Only::All, width, LayoutOptions::from(Narrow).hang(true));
        assert!(plain.lines().all(|l| str_width(l, Narrow) <= width));
        for line in on.lines() {
            let w = str_width(line, Narrow);
            assert!(w <= width + 2, "{width}: {line}");
            if w > width {
                hung += 1;
                let last = line.chars().last().unwrap_or(' ');
                assert!("。，、：；！？”’」』）》".contains(last), "{width}: {line}");
                assert!(w - str_width(&last.to_string(), Narrow) <= width, "{line}");
            }
        }
    }
    assert!(hung > 0, "some mark hangs");
}
