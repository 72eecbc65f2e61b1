//! The time a turn began (`Speech::time`): `HH:MM`, `HH:MM:SS`, or an ISO
//! 8601 date-time `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`. The text is kept
//! as written; this module only says whether it is one of the forms and a
//! real time.

use std::fmt;

use super::Date;
use super::date::DateError;

/// Why a string is not a turn's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// None of the forms.
    Format,
    /// In a form, but no such time of day (24:00, 12:60) or offset (+25:00).
    NoSuchTime,
    /// A date-time whose date does not exist (2023-02-29T10:00).
    NoSuchDay,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeError::Format => {
                "not a time of the form HH:MM, HH:MM:SS or an ISO 8601 date-time \
                 (YYYY-MM-DDTHH:MM:SS)"
            }
            TimeError::NoSuchTime => "not a real time of day",
            TimeError::NoSuchDay => "not a real calendar date",
        })
    }
}

impl std::error::Error for TimeError {}

/// Checks a `time` value against the forms above.
pub(crate) fn check_time(s: &str) -> Result<(), TimeError> {
    let b = s.as_bytes();
    if b.len() >= 11 && b[10] == b'T' {
        return check_date_time(s);
    }
    match b.len() {
        5 | 8 => clock(b, false).and_then(end),
        _ => Err(TimeError::Format),
    }
}

fn check_date_time(s: &str) -> Result<(), TimeError> {
    // `s[..10]` is on a char boundary: byte 10 is the ASCII `T`.
    s[..10].parse::<Date>().map_err(|e| match e {
        DateError::Format => TimeError::Format,
        DateError::NoSuchDay => TimeError::NoSuchDay,
    })?;
    let rest = clock(&s.as_bytes()[11..], true)?;
    match rest {
        [] | [b'Z'] => Ok(()),
        [sign, zone @ ..] if matches!(sign, b'+' | b'-') && zone.len() == 5 => {
            let (h, m) = hour_minute(zone)?;
            if h > 23 || m > 59 {
                return Err(TimeError::NoSuchTime);
            }
            Ok(())
        }
        _ => Err(TimeError::Format),
    }
}

/// Reads `HH:MM` or `HH:MM:SS` (with `.fff` when `fraction`) from the start
/// of `b`, checks that it is a real time of day, and returns what follows.
fn clock(b: &[u8], fraction: bool) -> Result<&[u8], TimeError> {
    if b.len() < 5 {
        return Err(TimeError::Format);
    }
    let (h, m) = hour_minute(&b[..5])?;
    let mut rest = &b[5..];
    let mut sec = 0;
    if let [b':', s1, s2, tail @ ..] = rest {
        sec = two_digits(*s1, *s2)?;
        rest = tail;
        if fraction && let [b'.', tail @ ..] = rest {
            let digits = tail.iter().take_while(|d| d.is_ascii_digit()).count();
            if digits == 0 {
                return Err(TimeError::Format);
            }
            rest = &tail[digits..];
        }
    }
    if h > 23 || m > 59 || sec > 59 {
        return Err(TimeError::NoSuchTime);
    }
    Ok(rest)
}

/// `HH:MM` exactly (five bytes).
fn hour_minute(b: &[u8]) -> Result<(u8, u8), TimeError> {
    match b {
        [h1, h2, b':', m1, m2] => Ok((two_digits(*h1, *h2)?, two_digits(*m1, *m2)?)),
        _ => Err(TimeError::Format),
    }
}

fn two_digits(a: u8, b: u8) -> Result<u8, TimeError> {
    if a.is_ascii_digit() && b.is_ascii_digit() {
        Ok((a - b'0') * 10 + (b - b'0'))
    } else {
        Err(TimeError::Format)
    }
}

fn end(rest: &[u8]) -> Result<(), TimeError> {
    if rest.is_empty() {
        Ok(())
    } else {
        Err(TimeError::Format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_is_accepted() {
        for s in [
            "09:30",
            "00:00",
            "23:59",
            "14:05:09",
            "23:59:59",
            "2012-03-26T09:12",
            "2012-03-26T09:12:30",
            "2012-03-26T09:12:30.250",
            "2012-03-26T09:12:30Z",
            "2012-03-26T09:12+08:00",
            "2012-03-26T09:12:30.5-05:30",
            "2024-02-29T00:00:00Z",
        ] {
            assert_eq!(check_time(s), Ok(()), "{s}");
        }
    }

    #[test]
    fn impossible_times_are_named_as_such() {
        for (s, e) in [
            ("24:00", TimeError::NoSuchTime),
            ("12:60", TimeError::NoSuchTime),
            ("12:00:60", TimeError::NoSuchTime),
            ("99:99", TimeError::NoSuchTime),
            ("2012-03-26T25:00", TimeError::NoSuchTime),
            ("2012-03-26T10:00+24:00", TimeError::NoSuchTime),
            ("2023-02-29T10:00", TimeError::NoSuchDay),
            ("2023-13-01T10:00", TimeError::NoSuchDay),
        ] {
            assert_eq!(check_time(s), Err(e), "{s}");
        }
    }

    #[test]
    fn other_forms_are_rejected() {
        for s in [
            "",
            "9:30",
            "09:3",
            "0930",
            "09:30:5",
            "09.30",
            "09:30Z",
            "09:30:00.5",
            "上午九時",
            "２３:００",
            "2012-03-26",
            "2012-03-26 09:12",
            "2012-03-26t09:12",
            "2012-03-26T09",
            "2012-03-26T09:12:30.",
            "2012-03-26T09:12z",
            "2012-03-26T09:12+0800",
            "2012-03-26T09:12+08",
            "2012-3-26T09:12:00",
            "2012-03-26T09:12:30 ",
            "10:00 ",
        ] {
            assert_eq!(check_time(s), Err(TimeError::Format), "{s:?}");
        }
    }
}
