//! A deterministic generator of large, valid proceedings files of mostly
//! Chinese text, for measuring the loader and the reader at scale:
//!
//! ```text
//! cargo run --release --example synth -- --speeches 50000 --seed 1 > big.json
//! ```
//!
//! At N speeches: about N / 25 speakers and N / 100 segments (2,000 and 500
//! at N = 50,000, about 100 MB); paragraphs of 100–400 characters with
//! numbers, Latin words and Chinese punctuation; every fifth segment a
//! roundtable of alternating turns; sittings as `parents`, the chair's
//! `role`, turn `time`s, and procedural `note`s. Written as UTF-8 (no `\u`
//! escapes). The same N and seed give the same bytes. `benches/load.rs`
//! includes this file for [`write_proceedings`] and [`bare`].
//!
//! `synth --bare-parse FILE` parses FILE with a bare `serde_json` typed
//! parse (the baseline of issue 9's targets), so that its time and memory
//! can be measured beside `forum-tui --check FILE`.

use std::io::{self, BufWriter, Write};

/// SplitMix64: tiny, fast and good enough to vary text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }

    /// True with probability `n` in `d`.
    fn chance(&mut self, n: u64, d: u64) -> bool {
        self.next() % d < n
    }
}

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "質量", "標準", "計量", "認證", "檢驗", "檢測", "企業", "產業", "發展", "提升", "推動", "建設", "創新", "技術", "服務",
    "管理", "體系", "監管", "市場", "安全", "食品", "藥品", "設備", "製造", "數字化", "轉型", "升級", "品牌", "消費者", "權益",
    "政策", "法規", "制度", "機制", "改革", "開放", "合作", "交流", "人才", "培養", "教育", "研究", "成果", "應用", "推廣",
    "示範", "試點", "地方", "政府", "部門", "委員會", "預算", "財政", "稅收", "經濟", "增長", "就業", "民生", "環境", "能源",
    "綠色", "低碳", "交通", "農業", "漁業", "工業", "供應鏈", "風險", "評估", "問題", "措施", "方案", "計畫", "目標", "任務",
    "責任", "落實", "協調", "統籌", "社會", "公眾", "參與", "透明", "資訊", "公開", "數據", "平台", "系統", "流程", "效率",
    "成本", "價格", "電價", "油價", "補貼", "投資", "基礎", "設施", "區域", "城市", "鄉村", "醫療", "健康", "文化", "傳承",
];

#[rustfmt::skip]
const CONNECTIVES: &[&str] = &[
    "我們", "同時", "因此", "此外", "但是", "如果", "已經", "必須", "應該", "正在", "將會", "進一步", "持續", "全面", "加強",
    "完善", "關於", "對於", "通過", "圍繞",
];

#[rustfmt::skip]
const LATIN: &[&str] = &[
    "GDP", "AI", "ESG", "ISO 9001", "OECD", "WTO", "5G", "IoT", "PM2.5", "CPI", "API", "KPI",
];

#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "王", "李", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "馬", "朱", "胡", "郭", "何", "林",
    "高", "羅", "鄭", "梁", "謝", "宋", "唐", "許", "韓", "馮", "鄧", "曹", "彭", "曾",
];

#[rustfmt::skip]
const GIVEN: &[&str] = &[
    "明", "華", "強", "偉", "芳", "娜", "敏", "靜", "麗", "軍", "傑", "濤", "超", "勇", "艷", "秀", "英", "平",
    "剛", "桂", "文", "志", "國", "建", "德", "海", "宏", "雲", "春", "欣", "怡", "婷",
];

#[rustfmt::skip]
const ORGS: &[&str] = &[
    "市場監管總局", "經濟部", "財政部", "交通部", "某大學", "質量研究院", "標準化研究院", "消費者協會", "某科技公司", "某製造集團", "立法院",
    "某市政府", "計量測試學會",
];

#[rustfmt::skip]
const POSTS: &[&str] = &[
    "局長", "副局長", "部長", "司長", "處長", "教授", "研究員", "理事長", "總經理", "委員", "主任", "工程師",
];

#[rustfmt::skip]
const NOTES: &[&str] = &[
    "（鼓掌）", "（休息十分鐘）", "（繼續開會）", "（主席敲槌）", "（全場起立）", "（播放影片）",
];

#[rustfmt::skip]
const KINDS: &[&str] = &[
    "opening", "address", "keynote", "interpretation", "announcement", "commentary",
    "experience", "ceremony", "other", "closing",
];

/// Appends one sentence of about `target` characters; returns how many
/// characters it appended.
fn sentence(rng: &mut Rng, out: &mut String, target: usize) -> usize {
    let start = out.len();
    let mut chars = 0;
    let mut since_comma = 0;
    while chars < target {
        let before = out.len();
        match rng.range(0, 19) {
            0 => {
                let n = rng.range(1, 99_999);
                if n >= 1000 {
                    out.push_str(&format!("{},{:03}", n / 1000, n % 1000));
                } else {
                    out.push_str(&n.to_string());
                }
                out.push_str(rng.pick(&["元", "家", "件", "人", "項", "億元", "噸"]));
            }
            1 => out.push_str(&format!("{}.{}%", rng.range(0, 99), rng.range(0, 9))),
            2 => out.push_str(&format!("{}年", rng.range(1990, 2030))),
            3 => {
                out.push(' ');
                out.push_str(rng.pick(LATIN));
                out.push(' ');
            }
            4 | 5 => out.push_str(rng.pick(CONNECTIVES)),
            6 => {
                out.push('「');
                out.push_str(rng.pick(WORDS));
                out.push_str(rng.pick(WORDS));
                out.push('」');
            }
            _ => out.push_str(rng.pick(WORDS)),
        }
        since_comma += 1;
        if since_comma > rng.range(3, 8) {
            if out.ends_with(' ') {
                out.pop();
            }
            out.push_str(rng.pick(&["，", "，", "，", "、", "；"]));
            since_comma = 0;
        }
        chars += out[before..].chars().count();
    }
    while out.ends_with(['，', '、', '；', ' ']) {
        out.pop();
    }
    out.push_str(rng.pick(&["。", "。", "。", "。", "！", "？"]));
    out[start..].chars().count()
}

/// A paragraph of 100–400 characters.
fn paragraph(rng: &mut Rng) -> String {
    let target = rng.range(100, 400);
    let mut p = String::with_capacity(target * 3);
    let mut chars = 0;
    while chars < target {
        let len = rng.range(20, 60).min(target - chars);
        chars += sentence(rng, &mut p, len);
    }
    p
}

/// Writes `s` as a JSON string: UTF-8 as is, only `"`, `\` and controls
/// escaped.
fn json_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let esc = match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            '\n' => "\\n".to_owned(),
            c if c.is_control() => format!("\\u{:04x}", u32::from(c)),
            _ => continue,
        };
        out.write_all(&s.as_bytes()[start..i])?;
        out.write_all(esc.as_bytes())?;
        start = i + c.len_utf8();
    }
    out.write_all(&s.as_bytes()[start..])?;
    out.write_all(b"\"")
}

/// A speaker's name: surname and one or two given characters.
fn name(rng: &mut Rng) -> String {
    let mut n = rng.pick(SURNAMES).to_owned();
    for _ in 0..rng.range(1, 2) {
        n.push_str(rng.pick(GIVEN));
    }
    n
}

/// Writes a valid proceedings file with `speeches` speeches.
pub(crate) fn write_proceedings(
    out: &mut impl Write,
    speeches: usize,
    seed: u64,
) -> io::Result<()> {
    let mut rng = Rng(seed);
    let speeches = speeches.max(1);
    let n_speakers = (speeches / 25).max(2);
    let n_segments = (speeches / 100).max(1);
    out.write_all(b"{\n  \"schema_version\": 1,\n  \"forum\": {\n    \"title\": ")?;
    json_str(
        out,
        &format!("合成論壇紀錄（{speeches}則發言，種子{seed}）"),
    )?;
    out.write_all(
        b",\n    \"date\": \"2026-12-07\",\n    \"location\": \"\xe8\x87\xba\xe5\x8c\x97\",\n    \"language\": \"zh-Hant\",\n    \"summary\": [",
    )?;
    json_str(out, &paragraph(&mut rng))?;
    out.write_all(b"]\n  },\n  \"speakers\": [\n")?;
    for i in 0..n_speakers {
        let sep = if i + 1 < n_speakers { "," } else { "" };
        write!(out, "    {{\"id\": \"p{i}\", \"name\": ")?;
        json_str(out, &name(&mut rng))?;
        out.write_all(b", \"affiliations\": [{\"organization\": ")?;
        json_str(out, rng.pick(ORGS))?;
        out.write_all(b", \"position\": ")?;
        json_str(out, rng.pick(POSTS))?;
        writeln!(out, "}}]}}{sep}")?;
    }
    out.write_all(b"  ],\n  \"segments\": [\n")?;
    // Every speaker speaks once before anyone is picked at random, so
    // `--check` has no "never speaks" warning to give.
    let mut next_new = 0usize;
    let mut pick_speaker = |rng: &mut Rng| {
        if next_new < n_speakers {
            next_new += 1;
            next_new - 1
        } else {
            rng.range(0, n_speakers - 1)
        }
    };
    let per_segment = speeches / n_segments;
    let mut minutes = 9 * 60;
    for seg in 0..n_segments {
        let count = if seg + 1 == n_segments {
            speeches - per_segment * (n_segments - 1)
        } else {
            per_segment
        };
        let roundtable = seg % 5 == 4;
        let kind = if roundtable {
            "roundtable"
        } else {
            KINDS[seg % KINDS.len()]
        };
        write!(
            out,
            "    {{\"id\": \"seg{seg}\", \"kind\": \"{kind}\", \"title\": "
        )?;
        let title = format!("第{}項：{}{}", seg + 1, rng.pick(WORDS), rng.pick(WORDS));
        json_str(out, &title)?;
        // Sittings of ten segments; inside one, the later segments sit
        // under 討論事項.
        let sitting = format!("第{}次會議", seg / 10 + 1);
        if seg % 10 >= 5 {
            out.write_all(b", \"parents\": [")?;
            json_str(out, &sitting)?;
            out.write_all(b", \"\xe8\xa8\x8e\xe8\xab\x96\xe4\xba\x8b\xe9\xa0\x85\"]")?;
        } else if seg % 10 >= 1 {
            out.write_all(b", \"parents\": [")?;
            json_str(out, &sitting)?;
            out.write_all(b"]")?;
        }
        if roundtable {
            out.write_all(b", \"topic\": ")?;
            json_str(out, &format!("{}與{}", rng.pick(WORDS), rng.pick(WORDS)))?;
        }
        out.write_all(b", \"speeches\": [\n")?;
        let chair = pick_speaker(&mut rng);
        let panel: Vec<usize> = (0..rng.range(2, 4))
            .map(|_| pick_speaker(&mut rng))
            .collect();
        for k in 0..count {
            let sep = if k + 1 < count { "," } else { "" };
            minutes = (minutes + rng.range(1, 6)) % (24 * 60);
            let time = format!("{:02}:{:02}", minutes / 60, minutes % 60);
            if k > 0 && rng.chance(1, 40) {
                // A procedural entry between turns: notes only.
                out.write_all(b"      {\"paragraphs\": [{\"note\": ")?;
                json_str(out, rng.pick(NOTES))?;
                writeln!(out, "}}]}}{sep}")?;
                continue;
            }
            let (speaker, role) = if k == 0 {
                (chair, Some("主席"))
            } else if roundtable {
                (panel[(k - 1) % panel.len()], None)
            } else {
                (pick_speaker(&mut rng), None)
            };
            write!(out, "      {{\"speaker\": \"p{speaker}\"")?;
            if let Some(role) = role {
                out.write_all(b", \"role\": ")?;
                json_str(out, role)?;
            }
            write!(out, ", \"time\": \"{time}\", \"paragraphs\": [")?;
            let n = rng.range(1, 6);
            for j in 0..n {
                if j > 0 {
                    out.write_all(b", ")?;
                }
                json_str(out, &paragraph(&mut rng))?;
            }
            if rng.chance(1, 10) {
                out.write_all(b", {\"note\": ")?;
                json_str(out, rng.pick(NOTES))?;
                out.write_all(b"}")?;
            }
            writeln!(out, "]}}{sep}")?;
        }
        let sep = if seg + 1 < n_segments { "," } else { "" };
        writeln!(out, "    ]}}{sep}")?;
    }
    out.write_all(b"  ]\n}\n")
}

/// The baseline the loader is measured against: the same file parsed with
/// `serde_json::from_slice` into plain derived structs (every field of the
/// format, nothing checked, unknown members skipped).
#[allow(dead_code)] // the fields are there to be parsed, not read
pub(crate) mod bare {
    use std::fmt;

    use serde::Deserialize;
    use serde::de::{self, Deserializer, MapAccess, Visitor};

    #[derive(Debug, Deserialize)]
    pub(crate) struct File {
        pub(crate) schema_version: u64,
        pub(crate) forum: Forum,
        pub(crate) speakers: Vec<Speaker>,
        pub(crate) segments: Vec<Segment>,
    }

    #[derive(Debug, Deserialize)]
    pub(crate) struct Forum {
        pub(crate) title: String,
        pub(crate) theme: Option<String>,
        pub(crate) date: Option<String>,
        pub(crate) location: Option<String>,
        pub(crate) format: Option<String>,
        pub(crate) language: Option<String>,
        #[serde(default)]
        pub(crate) summary: Vec<Block>,
    }

    #[derive(Debug, Deserialize)]
    pub(crate) struct Speaker {
        pub(crate) id: String,
        pub(crate) name: String,
        pub(crate) kind: Option<String>,
        #[serde(default)]
        pub(crate) affiliations: Vec<Affiliation>,
        pub(crate) note: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    pub(crate) struct Affiliation {
        pub(crate) organization: Option<String>,
        pub(crate) position: Option<String>,
        pub(crate) former: Option<bool>,
    }

    #[derive(Debug, Deserialize)]
    pub(crate) struct Segment {
        pub(crate) id: String,
        pub(crate) kind: String,
        pub(crate) title: String,
        pub(crate) topic: Option<String>,
        #[serde(default)]
        pub(crate) description: Vec<Block>,
        #[serde(default)]
        pub(crate) participants: Vec<String>,
        #[serde(default)]
        pub(crate) parents: Vec<String>,
        pub(crate) speeches: Vec<Speech>,
    }

    #[derive(Debug, Deserialize)]
    pub(crate) struct Speech {
        pub(crate) id: Option<String>,
        pub(crate) speaker: Option<String>,
        pub(crate) title: Option<String>,
        pub(crate) form: Option<String>,
        pub(crate) role: Option<String>,
        pub(crate) time: Option<String>,
        pub(crate) paragraphs: Vec<Block>,
    }

    #[derive(Debug, Deserialize)]
    pub(crate) struct BlockObject {
        pub(crate) list: Option<Vec<String>>,
        pub(crate) ordered: Option<bool>,
        pub(crate) note: Option<String>,
    }

    /// A string or an object, told apart by a visitor (an untagged enum
    /// would buffer every block and make the baseline slow).
    #[derive(Debug)]
    pub(crate) enum Block {
        Paragraph(String),
        Object(BlockObject),
    }

    impl<'de> Deserialize<'de> for Block {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Block, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Block;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a block")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Block, E> {
                    Ok(Block::Paragraph(s.to_owned()))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                    BlockObject::deserialize(de::value::MapAccessDeserializer::new(map))
                        .map(Block::Object)
                }
            }
            d.deserialize_any(V)
        }
    }

    /// Parses the bytes; returns the number of speeches.
    pub(crate) fn parse(bytes: &[u8]) -> Result<usize, serde_json::Error> {
        let file: File = serde_json::from_slice(bytes)?;
        Ok(file.segments.iter().map(|s| s.speeches.len()).sum())
    }
}

fn usage() -> ! {
    eprintln!("usage: synth [--speeches N] [--seed S] > FILE\n       synth --bare-parse FILE");
    std::process::exit(2)
}

#[allow(dead_code)]
fn main() {
    let mut speeches = 1000usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--bare-parse" => {
                let bytes = std::fs::read(&value).unwrap_or_else(|e| {
                    eprintln!("synth: {value}: {e}");
                    std::process::exit(1)
                });
                match bare::parse(&bytes) {
                    Ok(n) => println!("parsed: {n} speeches"),
                    Err(e) => {
                        eprintln!("synth: {value}: {e}");
                        std::process::exit(1)
                    }
                }
                return;
            }
            "--speeches" => speeches = value.parse().unwrap_or_else(|_| usage()),
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    if let Err(e) = write_proceedings(&mut out, speeches, seed).and_then(|()| out.flush()) {
        eprintln!("synth: {e}");
        std::process::exit(1);
    }
}
