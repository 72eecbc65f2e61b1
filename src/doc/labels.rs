//! The words of the page furniture (日期, 議程…) in the document's language.

/// The words of the page furniture, in the document's language.
#[derive(Debug)]
pub struct Labels {
    pub overview: &'static str,
    pub theme: &'static str,
    pub date: &'static str,
    pub location: &'static str,
    pub format: &'static str,
    pub summary: &'static str,
    pub source: &'static str,
    pub publisher: &'static str,
    pub published: &'static str,
    pub author: &'static str,
    pub editor: &'static str,
    pub url: &'static str,
    pub programme: &'static str,
    pub kind: &'static str,
    pub topic: &'static str,
    pub description: &'static str,
    pub participants: &'static str,
    pub speeches: &'static str,
    pub segment: &'static str,
    pub form: &'static str,
    pub list_sep: &'static str,
    /// Between a label and its value: 日期　2023-01-13, Date: 2024-09-10.
    pub meta_sep: &'static str,
    pub open_paren: &'static str,
    pub close_paren: &'static str,
    /// Between the parts of a speaker line: name, role, form, time.
    pub field_sep: &'static str,
    /// Counts are written the Chinese way (3 則發言) or the English way
    /// (3 turns, 1 turn).
    pub chinese: bool,
    /// 則發言, the counter of turns in Chinese, and 則 of 第 3 則.
    pub turn_counter: &'static str,
    pub turn_ordinal: &'static str,
}

impl Labels {
    /// `第 3 則` / ` · turn 3`: a turn's number within its segment.
    pub fn turn_number(&self, n: usize) -> String {
        if self.chinese {
            format!("\u{3000}第 {n} {}", self.turn_ordinal)
        } else {
            format!(", turn {n}")
        }
    }

    /// The counts at the top of a speaker's page.
    pub fn speaker_counts(&self, turns: usize, chars: usize) -> String {
        if self.chinese {
            format!("{turns} {}\u{3000}{chars} 字", self.turn_counter)
        } else {
            let c = if chars == 1 {
                "character"
            } else {
                "characters"
            };
            format!("{}, {chars} {c}", self.turns(turns))
        }
    }

    /// A count of turns in the document's language: 3 則發言, 1 turn, 3 turns.
    pub fn turns(&self, n: usize) -> String {
        match (self.chinese, n) {
            (true, _) => format!("{n} {}", self.turn_counter),
            (false, 1) => "1 turn".to_owned(),
            (false, _) => format!("{n} turns"),
        }
    }
}

pub(super) const ZH: Labels = Labels {
    overview: "概覽",
    theme: "主題",
    date: "日期",
    location: "地點",
    format: "形式",
    summary: "概述",
    source: "來源",
    publisher: "出處",
    published: "發布",
    author: "作者",
    editor: "編輯",
    url: "網址",
    programme: "議程",
    kind: "類型",
    topic: "議題",
    description: "說明",
    participants: "參與",
    speeches: "發言",
    segment: "環節",
    form: "形式",
    list_sep: "、",
    meta_sep: "\u{3000}",
    open_paren: "（",
    close_paren: "）",
    field_sep: "\u{3000}",
    chinese: true,
    turn_counter: "則發言",
    turn_ordinal: "則",
};

/// The same furniture in Simplified characters, for a page shown in
/// Simplified (`t`, `--script hans`).
pub(super) const ZH_HANS: Labels = Labels {
    overview: "概览",
    theme: "主题",
    date: "日期",
    location: "地点",
    format: "形式",
    summary: "概述",
    source: "来源",
    publisher: "出处",
    published: "发布",
    author: "作者",
    editor: "编辑",
    url: "网址",
    programme: "议程",
    kind: "类型",
    topic: "议题",
    description: "说明",
    participants: "参与",
    speeches: "发言",
    segment: "环节",
    form: "形式",
    list_sep: "、",
    meta_sep: "\u{3000}",
    open_paren: "（",
    close_paren: "）",
    field_sep: "\u{3000}",
    chinese: true,
    turn_counter: "则发言",
    turn_ordinal: "则",
};

pub(super) const EN: Labels = Labels {
    overview: "Overview",
    theme: "Theme",
    date: "Date",
    location: "Place",
    format: "Format",
    summary: "Summary",
    source: "Source",
    publisher: "Publisher",
    published: "Published",
    author: "Author",
    editor: "Editor",
    url: "URL",
    programme: "Programme",
    kind: "Kind",
    topic: "Topic",
    description: "About",
    participants: "Taking part",
    speeches: "Speeches",
    segment: "Segment",
    form: "Form",
    list_sep: ", ",
    meta_sep: ": ",
    open_paren: " (",
    close_paren: ")",
    field_sep: ", ",
    chinese: false,
    turn_counter: "",
    turn_ordinal: "",
};
