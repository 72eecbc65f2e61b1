//! Golden line-breaking cases through the public API: each case is the text,
//! the width in cells and the expected lines separated by ` / ` (narrow
//! ambiguous width, no indent).

use forum_tui::text::AmbiguousWidth::{self, Narrow, Wide};
use forum_tui::text::wrap::{WrapLine, wrap, wrap_with_indent};

fn lines(text: &str, width: usize, amb: AmbiguousWidth) -> String {
    wrap(text, width, amb)
        .iter()
        .map(|l| &text[l.range.clone()])
        .collect::<Vec<_>>()
        .join(" / ")
}

fn check(cases: &[(&str, usize, &str)]) {
    let mut failures = Vec::new();
    for &(text, width, want) in cases {
        let got = lines(text, width, Narrow);
        if got != want {
            failures.push(format!(
                "{text:?} at {width}:\n   got  {got}\n   want {want}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn golden_from_the_brief() {
    check(&[
        ("中文中文，中文", 8, "中文中 / 文，中文"),
        ("中文中「文字」", 8, "中文中 / 「文字」"),
        ("他說：「好。」然後", 10, "他說： / 「好。」然 / 後"),
        (
            "對《行動方案（2022—2025年）》進行解讀",
            14,
            "對《行動方案 / （2022—2025 / 年）》進行解讀",
        ),
        ("超過5.45萬家", 7, "超過 / 5.45萬 / 家"),
        ("不合格率為2.71%。", 12, "不合格率為 / 2.71%。"),
        ("使用ratatui框架", 8, "使用 / ratatui / 框架"),
        ("Hello world 你好", 8, "Hello / world 你 / 好"),
        (
            "超長單詞internationalization測試",
            10,
            "超長單詞 / internatio / nalization / 測試",
        ),
        ("　　你好，世界。", 8, "　　你 / 好，世 / 界。"),
    ]);
}

#[test]
fn dashes_ellipses_and_numbers() {
    check(&[
        // —— and …… are never split, and never start a line.
        ("經得起——經得起", 7, "經得 / 起——經 / 得起"),
        ("經得起——經得起", 6, "經得 / 起——經 / 得起"),
        ("等等……好的", 6, "等等…… / 好的"),
        ("等等……好的", 5, "等 / 等…… / 好的"),
        ("一二三……", 6, "一二 / 三……"),
        // Numbers keep their separators and sign.
        ("時間16:35開始", 8, "時間 / 16:35開 / 始"),
        ("共計14,000人", 7, "共計 / 14,000 / 人"),
        ("溫度-3.5度", 6, "溫度 / -3.5度"),
        ("在２０２２年", 9, "在 / ２０２２ / 年"),
        ("２０２２年", 6, "２０２ / ２年"),
        ("值為1.5%", 6, "值為 / 1.5%"),
        // A range stays together when it can, and never starts with the dash.
        ("從2022—2025年", 9, "從 / 2022—2025 / 年"),
        ("2022—2025", 5, "2022— / 2025"),
    ]);
}

#[test]
fn quotes_between_chinese() {
    check(&[
        // A break before “ and after ” between Chinese characters…
        ("質量的“質量之光”論壇", 7, "質量的 / “質量之 / 光”論壇"),
        ("他說“好”然後", 4, "他說 / “好” / 然後"),
        // …but never between a quote and its own text.
        ("成為“金字招牌”。", 7, "成為“金 / 字招 / 牌”。"),
        // ”“ may break between Chinese text.
        ("主題”“加快", 5, "主題” / “加快"),
        // Quotes in Latin text keep UAX #14's behaviour.
        ("say “hi” now", 5, "say / “hi” / now"),
    ]);
}

#[test]
fn white_space() {
    check(&[
        // Spaces at a break are dropped; they never end or start a line.
        ("abc    def", 5, "abc / def"),
        ("中文 中文", 4, "中文 / 中文"),
        ("中文　中文", 5, "中文 / 中文"),
        // U+3000 inside a line is content.
        ("中　文", 6, "中　文"),
        // A paragraph's own leading space is kept; trailing space is not.
        ("  ab", 8, "  ab"),
        ("ab   ", 8, "ab"),
        ("   ", 8, ""),
        ("", 8, ""),
    ]);
}

#[test]
fn hard_breaks() {
    check(&[
        ("第一行\n第二行", 20, "第一行 / 第二行"),
        ("a\n\nb", 20, "a /  / b"),
        ("a\n", 20, "a / "),
        ("a \nb", 20, "a / b"),
        ("\r\n", 20, " / "),
    ]);
    let text = "ab\ncd";
    assert_eq!(
        wrap(text, 10, Narrow),
        [
            WrapLine {
                range: 0..2,
                width: 2
            },
            WrapLine {
                range: 3..5,
                width: 2
            }
        ]
    );
}

#[test]
fn tabs() {
    // A tab runs to the next multiple of 4 cells from where content starts.
    assert_eq!(
        wrap("a\tb", 10, Narrow),
        [WrapLine {
            range: 0..3,
            width: 5
        }]
    );
    assert_eq!(
        wrap("ab\tc", 10, Narrow),
        [WrapLine {
            range: 0..4,
            width: 5
        }]
    );
    assert_eq!(
        wrap("abcd\te", 10, Narrow),
        [WrapLine {
            range: 0..6,
            width: 9
        }]
    );
    // With a 2-cell indent the first stop is 2 cells away.
    assert_eq!(
        wrap_with_indent("\tb", 10, 2, 2, Narrow),
        [WrapLine {
            range: 0..2,
            width: 3
        }]
    );
    // A tab at a break hangs and is dropped like a space.
    check(&[("abcd\tefgh", 6, "abcd / efgh"), ("\tab", 8, "\tab")]);
}

#[test]
fn graphemes_stay_whole() {
    check(&[
        (
            "👨\u{200D}👩\u{200D}👧👨\u{200D}👩\u{200D}👧",
            3,
            "👨\u{200D}👩\u{200D}👧 / 👨\u{200D}👩\u{200D}👧",
        ),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}e\u{301} / e\u{301}"),
        ("🇨🇳🇺🇸", 2, "🇨🇳 / 🇺🇸"),
    ]);
    assert_eq!(wrap("e\u{301}e\u{301}", 10, Narrow)[0].width, 2);
}

#[test]
fn overwide_units_split_at_the_best_remaining_point() {
    check(&[
        // No break at all: any grapheme boundary, as full as it fits.
        ("internationalization", 8, "internat / ionaliza / tion"),
        // A UAX #14 opportunity our rules forbid comes first (here before
        // ～, which may not start a line)…
        ("abc.def～ghi", 7, "abc.def / ～ghi"),
        // …then a boundary that breaks no rule (after the full stop)…
        ("abc.defghi", 7, "abc. / defghi"),
        // …then a point inside a word or between a number's separators
        // that orphans no punctuation and splits no run of digits…
        (
            "發布2023-01-14T16:35:00+08:00",
            11,
            "發布 / 2023-01 / -14T16:35: / 00+08:00",
        ),
        ("(roundtable)", 11, "(roundtabl / e)"),
        ("（2022—2025年）", 10, "（2022— / 2025年）"),
        // …and the fallback never splits a grapheme.
        ("ab\u{301}\u{301}cd", 2, "ab\u{301}\u{301} / cd"),
    ]);
}

#[test]
fn narrow_widths() {
    check(&[
        ("中文，好", 1, "中 / 文 / ， / 好"),
        ("中文，好", 2, "中 / 文 / ， / 好"),
        ("abc", 1, "a / b / c"),
        ("（（（（", 4, "（（ / （（"),
        ("，，，，", 4, "，， / ，，"),
    ]);
    // Huge widths and indents do not overflow.
    assert_eq!(lines("中文 ab", usize::MAX, Narrow), "中文 ab");
    let huge = wrap_with_indent("a\tb", usize::MAX, usize::MAX, usize::MAX, Narrow);
    assert_eq!(
        huge.len(),
        2,
        "no room beside the indent: one grapheme a line"
    );
    // Width 0 neither panics nor loops: one grapheme per line.
    assert_eq!(lines("中文ab", 0, Narrow), "中 / 文 / a / b");
    assert_eq!(lines("", 0, Narrow), "");
}

#[test]
fn ambiguous_width() {
    // “質量” is 6 cells narrow, 8 wide; the wrapper follows the setting.
    assert_eq!(wrap("“質量”", 10, Narrow)[0].width, 6);
    assert_eq!(wrap("“質量”", 10, Wide)[0].width, 8);
    assert_eq!(lines("他說“質量”好", 7, Narrow), "他說“質 / 量”好");
    assert_eq!(lines("他說“質量”好", 7, Wide), "他說 / “質 / 量”好");
}

#[test]
fn controls_are_measured_as_drawn() {
    // ESC shows as ␛ (1 cell); a bidi override shows as nothing.
    assert_eq!(wrap("a\x1bb", 10, Narrow)[0].width, 3);
    assert_eq!(wrap("a\u{202E}b", 10, Narrow)[0].width, 2);
}

#[test]
fn long_paragraph_is_linear() {
    // 65,701 chars is the longest real paragraph seen; make sure it is fast
    // even with no break opportunity at all.
    let text = "a".repeat(70_000);
    let out = wrap(&text, 80, Narrow);
    assert_eq!(out.len(), 875);
    let text = "中".repeat(70_000);
    assert_eq!(wrap(&text, 80, Narrow).len(), 1750);
}
