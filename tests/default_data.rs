//! Checks the default proceedings, `data/light-of-quality-2022.json`, against
//! the article they were curated from, `tests/fixtures/source-article.txt`,
//! by the normalisation rules recorded in `data/README.md`.
//!
//! This test uses only `serde_json` and std, not the crate's own loader, so
//! that the data is checked independently of the code that reads it.

use serde_json::Value;
use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

const DATA_FILE: &str = "data/light-of-quality-2022.json";
const ARTICLE_FILE: &str = "tests/fixtures/source-article.txt";

/// Letters a pinyin annotation is made of: lowercase Latin letters and the
/// tone-marked vowels.
const PINYIN_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// The one mojibake run of the article and what it stands for.
const MOJIBAKE: (&str, &str) = ("黨?茖W", "黨校科學");

/// Half-width marks that stand in Chinese text, and their full-width forms.
const FULL_WIDTH: [(char, char); 7] = [
    (',', '，'),
    (':', '：'),
    (';', '；'),
    ('!', '！'),
    ('?', '？'),
    ('(', '（'),
    (')', '）'),
];

/// Where the article's body starts and the words its last paragraph starts
/// and ends with.
const BODY_START: &str = "中國經濟網北京1月14日訊";
const LAST_PARAGRAPH_START: &str = "市場監管總局有關司局";
const BODY_END: &str = "參加論壇。";

/// Marks at which the body is split into sentences.
const SENTENCE_ENDS: [char; 4] = ['。', '！', '？', '；'];

/// Counts recorded in data/README.md.
const PINYIN_IN_FILE: usize = 411;
const PINYIN_IN_BODY: usize = 397;
const BODY_SENTENCES: usize = 71;

fn read(relative: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), relative].iter().collect();
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn data() -> Value {
    serde_json::from_str(&read(DATA_FILE)).unwrap_or_else(|e| panic!("{DATA_FILE}: {e}"))
}

fn article() -> String {
    read(ARTICLE_FILE)
}

// ---------------------------------------------------------------------------
// Normalisation, as in data/README.md (steps 1-3), without regular expressions.

fn is_pinyin_letter(c: char) -> bool {
    PINYIN_LETTERS.contains(c)
}

/// If a pinyin annotation (`open`, one or more pinyin letters, `close`)
/// starts at `chars[i]`, the index just past it.
fn annotation_end(chars: &[char], i: usize, open: char, close: char) -> Option<usize> {
    if chars.get(i) != Some(&open) {
        return None;
    }
    let mut j = i + 1;
    while chars.get(j).is_some_and(|&c| is_pinyin_letter(c)) {
        j += 1;
    }
    (j > i + 1 && chars.get(j) == Some(&close)).then_some(j + 1)
}

/// Step 1: removes every `(` + pinyin letters + `)`; returns the text and
/// how many annotations were removed.
fn strip_pinyin(text: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = annotation_end(&chars, i, '(', ')') {
            removed += 1;
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    (out, removed)
}

/// Pinyin annotations in `text`, in ASCII or full-width brackets.
fn pinyin_annotations(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter_map(|i| {
            annotation_end(&chars, i, '(', ')')
                .or_else(|| annotation_end(&chars, i, '（', '）'))
                .map(|end| chars[i..end].iter().collect())
        })
        .collect()
}

/// Step 2: restores the mojibake run.
fn fix_mojibake(text: &str) -> String {
    text.replace(MOJIBAKE.0, MOJIBAKE.1)
}

/// Step 3: half-width punctuation becomes full-width, except between two
/// ASCII digits (numbers and times).
fn full_width_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    chars
        .iter()
        .enumerate()
        .map(
            |(i, &c)| match FULL_WIDTH.iter().find(|(half, _)| *half == c) {
                Some(&(_, full)) if !(is_digit(i.checked_sub(1)) && is_digit(Some(i + 1))) => full,
                _ => c,
            },
        )
        .collect()
}

/// The article's body, normalised, and the number of pinyin annotations
/// removed from it.
fn normalised_body() -> (String, usize) {
    let raw = article();
    let (text, _) = strip_pinyin(&raw);
    let text = fix_mojibake(&text);
    let start = text
        .find(BODY_START)
        .expect("the body's first words are in the article");
    let last = start
        + text[start..]
            .find(LAST_PARAGRAPH_START)
            .expect("the attendance paragraph is in the article");
    let end = last
        + text[last..]
            .find(BODY_END)
            .expect("the body's last words are in the article")
        + BODY_END.len();
    let body = &text[start..end];
    let (_, removed) = strip_pinyin(raw_body(&raw));
    (full_width_punctuation(body), removed)
}

/// The body in the raw article, for counting what was removed from it.
fn raw_body(raw: &str) -> &str {
    let start = raw
        .find("中國經(jīng)濟網(wǎng)北京")
        .expect("raw body start");
    let end = raw.find(BODY_END).expect("raw body end") + BODY_END.len();
    &raw[start..end]
}

fn sentences(text: &str) -> Vec<&str> {
    text.split(SENTENCE_ENDS)
        .filter(|s| !letters_and_digits(s).is_empty())
        .collect()
}

fn letters_and_digits(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

// ---------------------------------------------------------------------------
// Reading the JSON with serde_json only.

fn array<'a>(value: &'a Value, what: &str) -> &'a Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("{what} is not an array"))
}

fn string<'a>(value: &'a Value, what: &str) -> &'a str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string"))
}

fn segments(data: &Value) -> &Vec<Value> {
    array(&data["segments"], "segments")
}

fn speeches(segment: &Value) -> &Vec<Value> {
    array(&segment["speeches"], "speeches")
}

/// The text of a list of blocks: paragraphs, and list items in order.
fn block_texts(blocks: &Value, out: &mut Vec<String>) {
    let Some(blocks) = blocks.as_array() else {
        return;
    };
    for block in blocks {
        match block {
            Value::String(paragraph) => out.push(paragraph.clone()),
            Value::Object(list) => {
                for item in array(&list["list"], "list") {
                    out.push(string(item, "list item").to_owned());
                }
            }
            other => panic!("a block is neither a string nor a list: {other}"),
        }
    }
}

/// All body text of the file in file order: forum summary, then per segment
/// its description and its speeches' paragraphs and list items.
fn file_texts(data: &Value) -> Vec<String> {
    let mut out = Vec::new();
    block_texts(&data["forum"]["summary"], &mut out);
    for segment in segments(data) {
        block_texts(&segment["description"], &mut out);
        for speech in speeches(segment) {
            block_texts(&speech["paragraphs"], &mut out);
        }
    }
    out
}

/// Every string value anywhere in the file.
fn all_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| all_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| all_strings(v, out)),
        _ => {}
    }
}

fn strings_of(data: &Value) -> Vec<String> {
    let mut out = Vec::new();
    all_strings(data, &mut out);
    out
}

fn speakers_of(segment: &Value) -> Vec<&str> {
    speeches(segment)
        .iter()
        .filter_map(|speech| speech["speaker"].as_str())
        .collect()
}

fn strs(values: &[Value]) -> Vec<&str> {
    values.iter().map(|v| string(v, "value")).collect()
}

// ---------------------------------------------------------------------------
// The checks.

#[test]
fn normalisation_counts_match_data_readme() {
    let (_, in_file) = strip_pinyin(&article());
    assert_eq!(in_file, PINYIN_IN_FILE, "pinyin annotations in the article");
    let (body, in_body) = normalised_body();
    assert_eq!(in_body, PINYIN_IN_BODY, "pinyin annotations in the body");
    assert_eq!(
        sentences(&body).len(),
        BODY_SENTENCES,
        "sentences in the body"
    );
    assert!(
        body.contains("中央黨校科學社會主義教研部"),
        "mojibake restored in the body"
    );
    assert!(pinyin_annotations(&body).is_empty() && !body.contains('?'));
}

#[test]
fn every_sentence_of_the_body_is_in_the_file() {
    let (body, _) = normalised_body();
    let haystack = letters_and_digits(&file_texts(&data()).concat());
    let mut from = 0;
    let mut missing = Vec::new();
    for sentence in sentences(&body) {
        let needle = letters_and_digits(sentence);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None if haystack.contains(&needle) => missing.push(format!("out of order: {sentence}")),
            None => missing.push(format!("missing: {sentence}")),
        }
    }
    assert!(
        missing.is_empty(),
        "body sentences not in the file in order:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_file_holds_the_body_and_nothing_else() {
    let (body, _) = normalised_body();
    let want = letters_and_digits(&body);
    let got = letters_and_digits(&file_texts(&data()).concat());
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(10))
                .take(30)
                .collect::<String>()
        };
        panic!(
            "the file's text differs from the body at letter {at}:\n file: …{}\n body: …{}",
            around(&got),
            around(&want)
        );
    }
    for chrome in [
        "手機看中經",
        "精彩圖片",
        "查看余下全文",
        "責任編輯",
        "2023-01-14 16:35",
    ] {
        for text in file_texts(&data()) {
            assert!(!text.contains(chrome), "page chrome {chrome} in: {text}");
        }
    }
}

#[test]
fn no_pinyin_annotation_remains() {
    for text in strings_of(&data()) {
        let found = pinyin_annotations(&text);
        assert!(found.is_empty(), "pinyin annotations {found:?} in: {text}");
    }
}

#[test]
fn no_mojibake_or_question_mark() {
    let data = data();
    for text in strings_of(&data) {
        for bad in ['?', '\u{FFFD}', '茖'] {
            assert!(!text.contains(bad), "{bad:?} in: {text}");
        }
    }
    assert!(
        !read(DATA_FILE).contains(MOJIBAKE.0),
        "the mojibake run is in the file"
    );
    let restored = file_texts(&data)
        .iter()
        .filter(|t| t.contains("中央黨校科學社會主義教研部"))
        .count();
    assert_eq!(
        restored, 1,
        "the restored 中央黨校科學社會主義教研部 in 徐浩然's speech"
    );
}

#[test]
fn no_half_width_punctuation_next_to_han() {
    for text in strings_of(&data()) {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if !FULL_WIDTH.iter().any(|(half, _)| *half == c) {
                continue;
            }
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            assert!(
                !before.is_some_and(is_han) && !after.is_some_and(is_han),
                "half-width {c:?} next to Han text in: {text}"
            );
        }
    }
}

#[test]
fn text_is_pretty_printed_utf8_without_escapes() {
    let raw = read(DATA_FILE);
    assert!(!raw.starts_with('\u{FEFF}') && raw.ends_with("}\n"));
    assert!(!raw.contains("\\u"), "escaped characters in the file");
    for (n, line) in raw.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert!(
            indent % 2 == 0 && !line.contains('\t'),
            "line {} is not 2-space indented",
            n + 1
        );
    }
    assert_eq!(data()["schema_version"], 1);
}

#[test]
fn forum_and_source() {
    let data = data();
    let forum = &data["forum"];
    assert_eq!(forum["title"], "2022年度“質量之光”論壇");
    assert_eq!(forum["theme"], "加快建設質量強國 助推中國式現代化");
    assert_eq!(forum["date"], "2023-01-13");
    assert_eq!(forum["location"], "北京");
    assert_eq!(forum["format"], "線上線下相結合");
    assert_eq!(forum["language"], "zh-Hant");
    let organizers: Vec<(&str, &str)> = array(&forum["organizers"], "organizers")
        .iter()
        .map(|o| (string(&o["role"], "role"), string(&o["name"], "name")))
        .collect();
    assert_eq!(
        organizers,
        [("指導", "市場監管總局"), ("主辦", "中國質量報刊社")]
    );
    let summary = array(&forum["summary"], "summary");
    assert_eq!(summary.len(), 2);
    assert!(string(&summary[0], "summary").starts_with("中國經濟網北京1月14日訊（記者 蘇蘭）"));
    assert!(string(&summary[1], "summary").starts_with("據悉，此次論壇以"));
    let source = &forum["source"];
    assert_eq!(source["publisher"], "中國經濟網");
    assert_eq!(source["published"], "2023-01-14T16:35:00+08:00");
    assert_eq!(source["author"], "蘇蘭");
    assert_eq!(source["editor"], "佟明彪");
    assert_eq!(
        source["title"],
        "聚焦“加快建設質量強國 助推中國式現代化” 2022年度“質量之光”論壇成功舉辦"
    );
    assert!(source.get("url").is_none(), "the article gives no url");
}

/// (organization, position, former)
type Post = (&'static str, &'static str, bool);

const SPEAKERS: [(&str, &str, &[Post]); 20] = [
    (
        "pu-changcheng",
        "蒲長城",
        &[
            ("中國計量測試學會", "理事長", false),
            ("質檢總局", "副局長", true),
        ],
    ),
    ("han-yi", "韓毅", &[("市場監管總局", "總工程師", true)]),
    (
        "li-gang",
        "李剛",
        &[
            ("中國質量報刊社", "黨委書記", false),
            ("中國質量報刊社", "社長", false),
        ],
    ),
    (
        "xu-haoran",
        "徐浩然",
        &[
            ("中央黨校科學社會主義教研部", "教授", false),
            ("中央黨校科學社會主義教研部", "博士生導師", false),
        ],
    ),
    (
        "lang-zhizheng",
        "郎志正",
        &[("國際質量科學院", "院士", false), ("國務院", "參事", true)],
    ),
    (
        "guo-xin",
        "郭欣",
        &[("市場監管總局質量發展局", "一級巡視員", false)],
    ),
    (
        "li-hejun",
        "李賀軍",
        &[("市場監管總局質量監督司", "副司長", false)],
    ),
    (
        "hao-minghong",
        "郝明虹",
        &[("市場監管總局食品抽檢司", "二級巡視員", false)],
    ),
    (
        "yang-zeshi",
        "楊澤世",
        &[("市場監管總局特種設備局", "副局長", false)],
    ),
    (
        "wei-hong",
        "魏宏",
        &[("市場監管總局標準技術司", "副司長", false)],
    ),
    (
        "zheng-wenchao",
        "鄭文超",
        &[("河南省市場監管局", "一級巡視員", false)],
    ),
    (
        "ding-zuquan",
        "丁祖權",
        &[("安徽省市場監管局", "一級巡視員", false)],
    ),
    (
        "xie-zaichun",
        "謝再春",
        &[
            ("福建省市場監管局", "黨組成員", false),
            ("福建省市場監管局", "副局長", false),
        ],
    ),
    (
        "sun-guoquan",
        "孫國權",
        &[
            ("河南省平頂山市市場監管局", "黨組書記", false),
            ("河南省平頂山市市場監管局", "局長", false),
        ],
    ),
    (
        "li-tianchun",
        "李天春",
        &[("重慶市市場監管局質量發展處", "處長", false)],
    ),
    (
        "song-fangyi",
        "宋方義",
        &[("河北省市場監管局質量發展局", "二級調研員", false)],
    ),
    (
        "guan-yong",
        "關勇",
        &[("沈陽飛機工業（集團）有限公司", "副總經理", false)],
    ),
    (
        "li-zhong",
        "李忠",
        &[
            ("深圳市市場監管局", "黨組書記", false),
            ("深圳市市場監管局", "局長", false),
        ],
    ),
    (
        "cui-zhiqiang",
        "崔志強",
        &[
            ("北京市海淀區市場監管局", "黨組成員", false),
            ("北京市海淀區市場監管局", "副局長", false),
        ],
    ),
    (
        "hao-huifeng",
        "郝惠鋒",
        &[("仰韶酒業集團", "黨委副書記", false)],
    ),
];

#[test]
fn twenty_person_speakers_with_their_posts() {
    let data = data();
    let speakers = array(&data["speakers"], "speakers");
    assert_eq!(speakers.len(), SPEAKERS.len(), "number of speakers");
    for (speaker, (id, name, posts)) in speakers.iter().zip(SPEAKERS) {
        assert_eq!(speaker["id"], id);
        assert_eq!(speaker["name"], name, "name of {id}");
        assert_eq!(
            speaker["kind"].as_str().unwrap_or("person"),
            "person",
            "kind of {id}"
        );
        let got: Vec<(&str, &str, bool)> = array(&speaker["affiliations"], "affiliations")
            .iter()
            .map(|a| {
                let former = a["former"]
                    .as_bool()
                    .unwrap_or_else(|| panic!("former of {id} is not a bool"));
                (
                    string(&a["organization"], "organization"),
                    string(&a["position"], "position"),
                    former,
                )
            })
            .collect();
        assert_eq!(got, posts, "affiliations of {name}");
    }
}

/// (id, kind, title, speakers of the attributed speeches, unattributed speeches)
type ExpectedSegment = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    usize,
);

const SEGMENTS: [ExpectedSegment; 9] = [
    (
        "opening",
        "opening",
        "致辭",
        &["pu-changcheng", "han-yi", "li-gang"],
        0,
    ),
    ("keynote", "keynote", "主旨演講", &["xu-haoran"], 0),
    (
        "quality-news-2022",
        "announcement",
        "“2022年度十大質量新聞”揭曉",
        &["lang-zhizheng"],
        1,
    ),
    (
        "policy-interpretation",
        "interpretation",
        "政策解讀與主旨演講",
        &[
            "guo-xin",
            "li-hejun",
            "hao-minghong",
            "yang-zeshi",
            "wei-hong",
        ],
        0,
    ),
    (
        "campaign-launch",
        "ceremony",
        "“質量強國有我”主題宣傳活動啟動",
        &[],
        1,
    ),
    (
        "experience-sharing",
        "experience",
        "質量技術幫扶“提質強企”典型經驗分享",
        &["zheng-wenchao", "ding-zuquan", "xie-zaichun"],
        0,
    ),
    (
        "roundtable-quality",
        "roundtable",
        "圓桌論壇：推動質量提升",
        &["sun-guoquan", "li-tianchun", "song-fangyi", "guan-yong"],
        0,
    ),
    (
        "roundtable-food-safety",
        "roundtable",
        "圓桌論壇：保障食品安全",
        &["li-zhong", "cui-zhiqiang", "hao-huifeng"],
        0,
    ),
    ("attendance", "other", "與會情況", &[], 0),
];

#[test]
fn segments_follow_the_article_with_expected_kinds() {
    let data = data();
    let segments = segments(&data);
    assert!(segments.len() >= 9, "only {} segments", segments.len());
    let got: Vec<(&str, &str, &str, Vec<&str>, usize)> = segments
        .iter()
        .map(|s| {
            let unattributed = speeches(s)
                .iter()
                .filter(|sp| sp.get("speaker").is_none())
                .count();
            (
                string(&s["id"], "id"),
                string(&s["kind"], "kind"),
                string(&s["title"], "title"),
                speakers_of(s),
                unattributed,
            )
        })
        .collect();
    let want: Vec<(&str, &str, &str, Vec<&str>, usize)> = SEGMENTS
        .iter()
        .map(|&(id, kind, title, who, n)| (id, kind, title, who.to_vec(), n))
        .collect();
    assert_eq!(got, want);
    // Each speaker speaks where the article names them, in the article's order.
    let (body, _) = normalised_body();
    let mut from = 0;
    for speaker in segments.iter().flat_map(speakers_of) {
        let name = SPEAKERS
            .iter()
            .find(|s| s.0 == speaker)
            .map(|s| s.1)
            .expect("known speaker");
        let at = body[from..]
            .find(name)
            .unwrap_or_else(|| panic!("{name} out of the article's order"));
        from += at + name.len();
    }
}

#[test]
fn roundtables_have_their_panellists_topic_and_participants() {
    let data = data();
    let roundtables: Vec<&Value> = segments(&data)
        .iter()
        .filter(|s| s["kind"] == "roundtable")
        .collect();
    let expected: [(&str, &str, &[&str], &[&str]); 2] = [
        (
            "roundtable-quality",
            "推動質量提升",
            &[
                "重慶市市場監管局",
                "河北省市場監管局",
                "河南平頂山市市場監管局",
                "中航沈飛集團",
            ],
            &["sun-guoquan", "li-tianchun", "song-fangyi", "guan-yong"],
        ),
        (
            "roundtable-food-safety",
            "保障食品安全",
            &["廣東深圳市市場監管局", "北京海淀區市場監管局", "仰韶酒業"],
            &["li-zhong", "cui-zhiqiang", "hao-huifeng"],
        ),
    ];
    assert_eq!(roundtables.len(), expected.len(), "number of roundtables");
    for (segment, (id, topic, participants, panel)) in roundtables.into_iter().zip(expected) {
        assert_eq!(segment["id"], id);
        assert_eq!(segment["topic"], topic, "topic of {id}");
        assert_eq!(
            strs(array(&segment["participants"], "participants")),
            participants,
            "participants of {id}"
        );
        let speeches = speeches(segment);
        assert!(
            speeches.iter().all(|sp| sp.get("speaker").is_some()),
            "unattributed speech in {id}"
        );
        assert_eq!(speakers_of(segment), panel, "speakers of {id}");
        let description = array(&segment["description"], "description");
        assert_eq!(description.len(), 1, "description of {id}");
        assert!(
            string(&description[0], "description").contains(&format!("“{topic}”")),
            "description of {id}"
        );
    }
}

#[test]
fn ten_news_items_are_one_ordered_list() {
    let data = data();
    let mut lists = Vec::new();
    for segment in segments(&data) {
        for speech in speeches(segment) {
            for block in array(&speech["paragraphs"], "paragraphs") {
                if block.is_object() {
                    lists.push((segment["kind"].clone(), block));
                }
            }
        }
    }
    assert_eq!(lists.len(), 1, "list blocks in the file");
    let (kind, list) = &lists[0];
    assert_eq!(kind, "announcement");
    assert_eq!(list["ordered"], true);
    let items = strs(array(&list["list"], "list"));
    // The expected items, straight from the article: the run after the
    // announcement, up to 等十大新聞事件入選, split at ；.
    let (body, _) = normalised_body();
    let run = body
        .split_once("2022年度十大質量新聞”在論壇上正式揭曉。")
        .and_then(|(_, rest)| rest.split_once("等十大新聞事件入選。"))
        .expect("the news run in the article")
        .0;
    let want: Vec<&str> = run.split('；').collect();
    assert_eq!(want.len(), 10);
    assert_eq!(items, want);
}

#[test]
fn speeches_are_well_formed() {
    let data = data();
    let speaker_ids: Vec<&str> = array(&data["speakers"], "speakers")
        .iter()
        .map(|s| string(&s["id"], "id"))
        .collect();
    let mut ids = HashSet::new();
    for id in &speaker_ids {
        assert!(
            !id.is_empty() && id.is_ascii() && !id.contains(char::is_whitespace),
            "speaker id {id:?}"
        );
        assert!(
            ids.insert(format!("speaker {id}")),
            "duplicate speaker {id}"
        );
    }
    let mut spoken = HashSet::new();
    for segment in segments(&data) {
        let segment_id = string(&segment["id"], "segment id");
        assert!(
            segment_id.is_ascii() && !segment_id.contains(char::is_whitespace),
            "segment id {segment_id:?}"
        );
        assert!(
            ids.insert(format!("segment {segment_id}")),
            "duplicate segment {segment_id}"
        );
        for speech in speeches(segment) {
            let id = string(&speech["id"], "speech id");
            assert!(
                id.is_ascii() && !id.contains(char::is_whitespace),
                "speech id {id:?}"
            );
            assert!(ids.insert(format!("speech {id}")), "duplicate speech {id}");
            let paragraphs = array(&speech["paragraphs"], "paragraphs");
            assert!(!paragraphs.is_empty(), "speech {id} has no paragraphs");
            match speech["speaker"].as_str() {
                Some(speaker) => {
                    assert!(
                        speaker_ids.contains(&speaker),
                        "speech {id} names unknown speaker {speaker}"
                    );
                    spoken.insert(speaker);
                    let name = SPEAKERS
                        .iter()
                        .find(|s| s.0 == speaker)
                        .map_or(speaker, |s| s.1);
                    let first = string(&paragraphs[0], "first paragraph");
                    assert!(
                        first.contains(name),
                        "speech {id} does not start with {name}'s words"
                    );
                }
                None => assert!(
                    speech["title"].as_str().is_some_and(|t| !t.is_empty()),
                    "unattributed speech {id} has no title"
                ),
            }
        }
    }
    let silent: Vec<&&str> = speaker_ids
        .iter()
        .filter(|id| !spoken.contains(**id))
        .collect();
    assert!(silent.is_empty(), "speakers who never speak: {silent:?}");
}

/// Speeches are cut where the article turns to the next person: each
/// attributed speech opens with the article's attribution (the speaker's
/// organisations and posts, then the name, within the first sentence), every
/// speech ends at a sentence end, and no speech or description holds the
/// words of another speaker.
#[test]
fn speeches_are_cut_where_the_article_turns_to_the_next_person() {
    let data = data();
    let speakers = array(&data["speakers"], "speakers");
    let name_of = |id: &str| {
        speakers
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| string(&s["name"], "name").to_owned())
            .unwrap_or_else(|| panic!("no speaker {id}"))
    };
    let all_names: Vec<String> = speakers
        .iter()
        .map(|s| string(&s["name"], "name").to_owned())
        .collect();
    for segment in segments(&data) {
        let mut description = Vec::new();
        block_texts(&segment["description"], &mut description);
        for text in &description {
            let named: Vec<&String> = all_names.iter().filter(|n| text.contains(*n)).collect();
            assert!(
                named.is_empty(),
                "description names speakers {named:?}: {text}"
            );
        }
        for speech in speeches(segment) {
            let id = string(&speech["id"], "speech id");
            let mut texts = Vec::new();
            block_texts(&speech["paragraphs"], &mut texts);
            let last = texts.last().expect("paragraphs");
            assert!(
                last.ends_with('。') || last.ends_with('；'),
                "speech {id} does not end at a sentence end: {last}"
            );
            let own = speech["speaker"].as_str().map(name_of);
            let others: Vec<&String> = all_names
                .iter()
                .filter(|n| Some(*n) != own.as_ref() && texts.iter().any(|t| t.contains(*n)))
                .collect();
            assert!(
                others.is_empty(),
                "speech {id} holds the words of {others:?}"
            );
            let (Some(speaker), Some(name)) = (speech["speaker"].as_str(), own) else {
                continue;
            };
            let first = &texts[0];
            let attribution = &first[..first
                .find(&name)
                .unwrap_or_else(|| panic!("speech {id} does not name {name} first"))];
            assert!(
                !attribution.contains(SENTENCE_ENDS),
                "speech {id} starts before {name}'s sentence: {attribution}"
            );
            let speaker = speakers
                .iter()
                .find(|s| s["id"] == speaker)
                .expect("speaker");
            for post in array(&speaker["affiliations"], "affiliations") {
                for field in ["organization", "position"] {
                    let words = string(&post[field], field);
                    assert!(
                        attribution.contains(words),
                        "speech {id}: {name}'s {field} {words} is not in the attribution {attribution}"
                    );
                }
            }
        }
    }
}
