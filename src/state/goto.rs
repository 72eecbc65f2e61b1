//! The `:` prompt: `12` opens segment 12's page, `12.3` turn 3 of segment
//! 12, `40%` the point 40 % through the current page.

use super::{Node, State};

/// What a `:` line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Segment(usize),
    Turn(usize, usize),
    Percent(usize),
}

/// Parses a `:` line (numbers count from 1); `None` for anything else.
pub(crate) fn parse(line: &str) -> Option<Target> {
    let line = line.trim();
    let number = |s: &str| -> Option<usize> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(p) = line.strip_suffix('%') {
        return number(p).filter(|&p| p <= 100).map(Target::Percent);
    }
    match line.split_once('.') {
        Some((s, t)) => Some(Target::Turn(number(s)?, number(t)?)),
        None => number(line).map(Target::Segment),
    }
}

impl State {
    pub(super) fn goto_accept(&mut self) {
        let line = self.goto.take().unwrap_or_default();
        let count = self.p.segments.len();
        match parse(&line) {
            Some(Target::Percent(p)) => {
                self.turn_hint = None;
                self.reader.go_to_percent(p);
            }
            Some(Target::Segment(n)) => self.goto_segment(n),
            Some(Target::Turn(n, t)) if (1..=count).contains(&n) => {
                let turns = self.p.segments[n - 1].speeches.len();
                if (1..=turns).contains(&t) {
                    self.open(Node::Speech(n - 1, t - 1));
                } else {
                    self.complain(format!(
                        "segment {n} has no turn {t} (it has {})",
                        super::nav::count_of(turns, "turn")
                    ));
                }
            }
            Some(Target::Turn(n, _)) => self.goto_segment(n),
            None if line.trim().is_empty() => {}
            None => self.complain(format!("not a place: {line} (try 12, 12.3 or 40%)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goto_lines() {
        let cases = [
            ("12", Some(Target::Segment(12))),
            (" 3 ", Some(Target::Segment(3))),
            ("12.3", Some(Target::Turn(12, 3))),
            ("40%", Some(Target::Percent(40))),
            ("100%", Some(Target::Percent(100))),
            ("101%", None),
            ("12.", None),
            (".3", None),
            ("1.2.3", None),
            ("-1", None),
            ("+1", None),
            ("x", None),
            ("", None),
            ("99999999999999999999999", None),
        ];
        for (line, want) in cases {
            assert_eq!(parse(line), want, "{line:?}");
        }
    }
}
