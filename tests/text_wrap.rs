//! Golden line-breaking cases through the public API: each case is the text,
//! the width in cells and the expected lines separated by ` / ` (narrow
//! ambiguous width, no indent).

use forum_tui::text::AmbiguousWidth::{self, Narrow, Wide};
use forum_tui::text::wrap::{HANG_GUTTER, WrapLine, WrapOptions, wrap, wrap_with_indent};

fn lines_with(text: &str, width: usize, opts: WrapOptions) -> String {
    wrap_with_indent(text, width, 0, 0, opts)
        .iter()
        .map(|l| &text[l.range.clone()])
        .collect::<Vec<_>>()
        .join(" / ")
}

fn lines(text: &str, width: usize, amb: AmbiguousWidth) -> String {
    lines_with(text, width, WrapOptions { amb, hang: false })
}

fn check(cases: &[(&str, usize, &str)]) {
    check_with(cases, WrapOptions::default());
}

fn check_with(cases: &[(&str, usize, &str)], opts: WrapOptions) {
    let mut failures = Vec::new();
    for &(text, width, want) in cases {
        let got = lines_with(text, width, opts);
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
        // The last line keeps two characters (no orphan).
        ("他說：「好。」然後", 10, "他說： / 「好。」 / 然後"),
        (
            "對《行動方案（2022—2025年）》進行解讀",
            14,
            "對《行動方案 / （2022—2025 / 年）》進行解讀",
        ),
        ("超過5.45萬家", 7, "超過 / 5.45 / 萬家"),
        ("不合格率為2.71%。", 12, "不合格率為 / 2.71%。"),
        ("使用ratatui框架", 8, "使用 / ratatui / 框架"),
        ("Hello world 你好", 8, "Hello / world / 你好"),
        (
            "超長單詞internationalization測試",
            10,
            "超長單詞 / internatio / nalization / 測試",
        ),
        ("　　你好，世界。", 8, "　　你 / 好， / 世界。"),
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
        ("一二三……", 6, "一 / 二三……"),
        // Numbers keep their separators and sign.
        ("時間16:35開始", 8, "時間 / 16:35 / 開始"),
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
        ("成為“金字招牌”。", 7, "成為 / “金字 / 招牌”。"),
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
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301} / e\u{301}e\u{301}"),
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
        // (the planner starts the long date-time on the first line, since
        // it must be split anyway)
        (
            "發布2023-01-14T16:35:00+08:00",
            11,
            "發布2023-01 / -14T16:35: / 00+08:00",
        ),
        // …but a word that would fit a line whole is not split when a
        // bracket or mark can go to the next line instead.
        ("(roundtable)", 11, "(roundtable / )"),
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

#[test]
fn orphans_are_avoided_when_a_rule_allows() {
    check(&[
        // A break one unit earlier on the line before: 落實。 not 實。.
        ("以保障行動方案落實。", 16, "以保障行動方案 / 落實。"),
        ("以保障行動方案落實。", 10, "以保障行動 / 方案落實。"),
        // Two lines before, when the line before cannot give.
        ("他說：「好。」然後", 10, "他說： / 「好。」 / 然後"),
        // Never at the cost of a rule: the word stays whole.
        ("internationalization中", 20, "internationalization / 中"),
    ]);
}

#[test]
fn hanging_punctuation_is_opt_in() {
    let hang = WrapOptions {
        amb: Narrow,
        hang: true,
    };
    check_with(
        &[
            // The comma hangs in the gutter instead of pushing 文 down.
            ("中文中文，中文", 8, "中文中文， / 中文"),
            (
                "這是一段測試文字，看看效果如何。",
                10,
                "這是一段測 / 試文字，看 / 看效果如何。",
            ),
            // Only one mark hangs, and only when it would overflow.
            ("中文中文。」中文", 8, "中文中 / 文。」 / 中文"),
        ],
        hang,
    );
    // Off by default; on, a line takes at most the gutter's 2 more cells.
    assert_eq!(lines("中文中文，中文", 8, Narrow), "中文中 / 文，中文");
    let widths: Vec<usize> = wrap_with_indent("中文中文，中文", 8, 0, 0, hang)
        .iter()
        .map(|l| l.width)
        .collect();
    assert_eq!(widths, [8 + HANG_GUTTER, 4]);
}

#[test]
fn breaks_look_ahead() {
    check(&[
        // Not 對《行動方 / 案 / （2022— / 2025年）》: the range must be split
        // anyway, so it starts on the line of 案.
        (
            "對《行動方案（2022—2025年）》進行解讀",
            10,
            "對《行動方 / 案（2022— / 2025年）》 / 進行解讀",
        ),
        // Not 對《行動方 / 案 / （2022—2025: no needlessly short line.
        (
            "對《行動方案（2022—2025年）》進行解讀",
            11,
            "對《行 / 動方案 / （2022—2025 / 年）》進行 / 解讀",
        ),
        // Not 同步揭 / 曉 / “2022.
        (
            "同步揭曉“2022年度十大質量新聞”",
            6,
            "同步 / 揭曉 / “2022 / 年度十 / 大質量 / 新聞”",
        ),
        // Not 中 / 文 / “ABC”.
        ("中文“ABC”", 6, "中文 / “ABC”"),
    ]);
}

#[test]
fn quote_after_han_before_a_digit() {
    check(&[
        (
            "同步揭曉“2022年度十大質量新聞”",
            10,
            "同步揭曉 / “2022年度 / 十大質量 / 新聞”",
        ),
        (
            "同步揭曉“2022年度十大質量新聞”",
            8,
            "同步揭曉 / “2022年 / 度十大質 / 量新聞”",
        ),
        // and after ” before Han
        ("“ABC”發布了", 6, "“ABC” / 發布了"),
    ]);
}

#[test]
fn digits_before_a_full_width_opening_bracket() {
    check(&[
        ("資家數32.69%（不含", 12, "資家數32.69% / （不含"),
        ("ABC（中文）", 6, "ABC / （中 / 文）"),
    ]);
}

#[test]
fn forced_splits_prefer_brackets_to_splitting_short_words() {
    check(&[
        // Not （Clea / n）。 nor 2. / 71%。
        ("愈「潔淨」（Clean）。", 10, "愈「潔淨」 / （Clean） / 。"),
        ("不合格率為2.71%。", 6, "不合格 / 率為 / 2.71% / 。"),
        // A word longer than the line is still split inside.
        ("(internationalization)", 10, "(internati / onalizati / on)"),
    ]);
}

#[test]
fn ideographic_space_padding_is_no_break() {
    check(&[
        // 薛　凌 is one name; the double spaces separate names.
        (
            "提案人：李應元　　許添財　　薛　凌　　林德福",
            12,
            "提案人：李應 / 元　　許添財 / 薛　凌　　林 / 德福",
        ),
        // A label and its value stay on one line (not 中文編輯 / 佟明彪).
        ("中文編輯　佟明彪", 10, "中文編 / 輯　佟明彪"),
        // 時　　間: a two-character label padded to four.
        ("時　　間　中華民國101年", 10, "時　　間 / 中華民國 / 101年"),
        // After a run of more than four characters U+3000 still separates.
        ("中華民國政府　質量強國", 12, "中華民國政府 / 質量強國"),
    ]);
}

#[test]
fn urls_stay_whole_or_break_after_slashes() {
    check(&[
        // Whole when it fits: the line breaks before it.
        ("網址：https://a.b/c-d.e", 20, "網址： / https://a.b/c-d.e"),
        // Too long: only after / ? & #, never after - or .
        ("網址：https://a.b/c-d.e", 14, "網址：https:// / a.b/c-d.e"),
        (
            "見https://example.com/some-path/to-a/page.html?q=1&r=2",
            14,
            "見https:// / example.com/ / some-path/ / to-a/ / page.html?q=1& / r=2",
        ),
        // Trailing punctuation is not part of the URL.
        (
            "URL: https://example.com/x.",
            14,
            "URL: https:// / example.com/x.",
        ),
    ]);
}

#[test]
fn wide_mode_counts_every_ambiguous_char_as_two() {
    // Greek and Cyrillic are East Asian Ambiguous: 2 cells in wide mode.
    assert_eq!(lines("αβγδεζ中文", 6, Wide), "αβγ / δεζ / 中文");
    assert_eq!(lines("αβγδεζ中文", 6, Narrow), "αβγδεζ / 中文");
    assert_eq!(wrap("Дом", 10, Wide)[0].width, 6);
    for l in wrap("αβγδεζ中文", 6, Wide) {
        assert!(l.width <= 6, "{l:?}");
    }
}
