//! The keymap written out: key labels (`Ctrl-D`, `1-9`), the key notation
//! tests use (`]<C-d>`), the help overlay's rows and the README's table,
//! all generated from [`BINDINGS`](super::BINDINGS).

use super::{Binding, Group, K, Key, KeyCode, Mode, bindings};
use crate::text::{AmbiguousWidth, width::str_width, wrap::wrap};

/// How the help overlay writes a binding's keys: `j Down`, and a run of
/// digits as `1-9`.
pub fn keys_label(keys: &[Key]) -> String {
    let digits: Option<Vec<u32>> = keys
        .iter()
        .map(|k| match k.code {
            KeyCode::Char(c) if !k.ctrl => c.to_digit(10),
            _ => None,
        })
        .collect();
    if let Some(d) = digits.filter(|d| d.len() > 2 && d.windows(2).all(|w| w[1] == w[0] + 1)) {
        return format!("{}-{}", d[0], d[d.len() - 1]);
    }
    keys.iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses keys written in a small vim-like notation: plain characters, and
/// `<Esc>`, `<Enter>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Up>`, `<Down>`,
/// `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<F1>`,
/// `<lt>` (a literal `<`) and `<C-x>`. Tests and scripts drive the reader
/// with it.
pub fn parse_keys(seq: &str) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let mut chars = seq.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            keys.push(Key::ch(c));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let code = match name.as_str() {
            "Esc" => K::Esc,
            "Enter" | "CR" => K::Enter,
            "Tab" => K::Tab,
            "S-Tab" => K::BackTab,
            "BS" => K::Backspace,
            "Up" => K::Up,
            "Down" => K::Down,
            "Left" => K::Left,
            "Right" => K::Right,
            "PgUp" => K::PageUp,
            "PgDn" => K::PageDown,
            "Home" => K::Home,
            "End" => K::End,
            "lt" => K::Char('<'),
            f if f.starts_with('F') && f[1..].parse::<u8>().is_ok() => {
                K::F(f[1..].parse().unwrap_or(1))
            }
            c if c.starts_with("C-") && c.chars().count() == 3 => {
                keys.push(Key::ctrl(c.chars().nth(2).unwrap_or(' ')));
                continue;
            }
            other => return Err(format!("unknown key <{other}>")),
        };
        keys.push(Key::plain(code));
    }
    Ok(keys)
}

/// One row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    Binding { keys: String, help: &'static str },
    Blank,
}

/// The help overlay's rows: every binding of the table, the reading keys
/// grouped by purpose, then the search prompt's and the help's own keys.
pub fn help_rows() -> Vec<HelpRow> {
    let mut rows = Vec::new();
    let mut section = |title: &'static str, items: Vec<&'static Binding>| {
        if items.is_empty() {
            return;
        }
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(title));
        rows.extend(items.into_iter().map(|b| HelpRow::Binding {
            keys: keys_label(b.keys),
            help: b.help,
        }));
    };
    for g in Group::ALL {
        section(
            g.title(),
            bindings(Mode::Normal).filter(|b| b.group == g).collect(),
        );
    }
    section("In the search prompt", bindings(Mode::Prompt).collect());
    section("In the jump palette", bindings(Mode::Palette).collect());
    section(
        "In the forum-wide results (f)",
        bindings(Mode::Results).collect(),
    );
    section("In this help", bindings(Mode::Help).collect());
    rows
}

/// One screen line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    /// Keys (empty on a continuation line) and a line of the description.
    Entry {
        keys: String,
        text: String,
    },
    Blank,
}

/// The help overlay laid out for a text column of `width` cells: the width
/// of the keys column, and the lines, descriptions wrapped beside the keys
/// rather than cut off.
pub fn help_lines(width: usize, amb: AmbiguousWidth) -> (usize, Vec<HelpLine>) {
    let rows = help_rows();
    let widest = rows
        .iter()
        .filter_map(|r| match r {
            HelpRow::Binding { keys, .. } => Some(str_width(keys, amb)),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let keys_w = widest.min(24).min(width / 3);
    // One cell of indent before the keys, two between keys and text.
    let text_w = width.saturating_sub(keys_w + 3).max(1);
    let mut lines = Vec::new();
    for row in rows {
        match row {
            HelpRow::Heading(h) => lines.push(HelpLine::Heading(h)),
            HelpRow::Blank => lines.push(HelpLine::Blank),
            HelpRow::Binding { keys, help } => {
                // Both columns wrap: a long key list (Space PgDn Ctrl-F)
                // takes more lines rather than being cut.
                let key_lines: Vec<&str> = wrap(&keys, keys_w.max(1), amb)
                    .into_iter()
                    .map(|l| &keys[l.range])
                    .collect();
                let text_lines: Vec<&str> = wrap(help, text_w, amb)
                    .into_iter()
                    .map(|l| &help[l.range])
                    .collect();
                for i in 0..key_lines.len().max(text_lines.len()) {
                    lines.push(HelpLine::Entry {
                        keys: key_lines.get(i).copied().unwrap_or("").to_owned(),
                        text: text_lines.get(i).copied().unwrap_or("").to_owned(),
                    });
                }
            }
        }
    }
    (keys_w, lines)
}

/// The keymap as a Markdown table, one row per binding of the reading
/// mode, grouped as in the help overlay. The README carries this table and
/// a test keeps it current.
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for g in Group::ALL {
        for b in bindings(Mode::Normal).filter(|b| b.group == g) {
            let keys: Vec<String> = keys_label(b.keys)
                .split(' ')
                .map(|k| format!("`{k}`"))
                .collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::BINDINGS;
    use super::*;

    #[test]
    fn help_lists_every_binding_once() {
        let rows = help_rows();
        let listed = rows
            .iter()
            .filter(|r| matches!(r, HelpRow::Binding { .. }))
            .count();
        assert_eq!(listed, BINDINGS.len());
        for b in BINDINGS {
            let want = HelpRow::Binding {
                keys: keys_label(b.keys),
                help: b.help,
            };
            assert!(rows.contains(&want), "{:?} missing from help", b.help);
        }
    }

    #[test]
    fn narrow_help_wraps_descriptions_instead_of_cutting_them() {
        let (_, wide) = help_lines(70, AmbiguousWidth::Narrow);
        let (keys_w, narrow) = help_lines(30, AmbiguousWidth::Narrow);
        assert!(narrow.len() > wide.len());
        let text: String = narrow
            .iter()
            .filter_map(|l| match l {
                HelpLine::Entry { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect::<String>()
            .replace(' ', "");
        assert!(
            text.contains("mousecaptureon/off(off:selecttextnatively)"),
            "{text}"
        );
        for l in &narrow {
            if let HelpLine::Entry { text, .. } = l {
                assert!(
                    str_width(text, AmbiguousWidth::Narrow) <= 30 - keys_w - 3,
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn key_notation() {
        assert_eq!(
            parse_keys("]<C-d><Esc><lt>x<F1><S-Tab>").unwrap(),
            vec![
                Key::ch(']'),
                Key::ctrl('d'),
                Key::plain(K::Esc),
                Key::ch('<'),
                Key::ch('x'),
                Key::plain(K::F(1)),
                Key::plain(K::BackTab),
            ]
        );
        assert!(parse_keys("<Bogus>").is_err());
    }
}
