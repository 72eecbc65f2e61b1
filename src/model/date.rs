//! Calendar dates in the form `YYYY-MM-DD` (proleptic Gregorian calendar).

use std::fmt;
use std::str::FromStr;

use super::Date;

/// Why a string is not a [`Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not exactly `YYYY-MM-DD` with ASCII digits.
    Format,
    /// In the form, but no such day (2023-02-29, 2024-13-01, 2024-04-31).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "not a date of the form YYYY-MM-DD",
            DateError::NoSuchDay => "not a real calendar date",
        })
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// Whether `year` has a 29 February (Gregorian rule).
    pub fn is_leap_year(year: u16) -> bool {
        year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
    }

    /// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
    pub fn days_in_month(year: u16, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if Date::is_leap_year(year) => 29,
            2 => 28,
            _ => 0,
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses exactly `YYYY-MM-DD`: four, two and two ASCII digits.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Result<u16, DateError> {
            b[range].iter().try_fold(0u16, |acc, &d| {
                if d.is_ascii_digit() {
                    Ok(acc * 10 + u16::from(d - b'0'))
                } else {
                    Err(DateError::Format)
                }
            })
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let year = digits(0..4)?;
        let month = u8::try_from(digits(5..7)?).map_err(|_| DateError::Format)?;
        let day = u8::try_from(digits(8..10)?).map_err(|_| DateError::Format)?;
        if day == 0 || day > Date::days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Date, DateError> {
        s.parse()
    }

    #[test]
    fn real_dates_parse() {
        assert_eq!(
            parse("2022-09-16"),
            Ok(Date {
                year: 2022,
                month: 9,
                day: 16
            })
        );
        assert_eq!(
            parse("2024-02-29").map(|d| d.to_string()),
            Ok("2024-02-29".to_owned())
        );
        assert!(parse("2000-02-29").is_ok());
        assert!(parse("2023-12-31").is_ok());
        assert!(parse("0001-01-01").is_ok());
    }

    #[test]
    fn impossible_days_are_rejected() {
        for s in [
            "2023-02-29",
            "2023-02-30",
            "1900-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
        ] {
            assert_eq!(parse(s), Err(DateError::NoSuchDay), "{s}");
        }
    }

    #[test]
    fn only_the_exact_form_is_accepted() {
        for s in [
            "",
            "2024-2-29",
            "2024-02-9",
            "24-02-09",
            "2024/02/09",
            "2024-02-09T00:00",
            " 2024-02-09",
            "２０２４-02-09",
            "2024-+2-09",
            "2024-02-0a",
        ] {
            assert_eq!(parse(s), Err(DateError::Format), "{s:?}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(Date::is_leap_year(2024));
        assert!(Date::is_leap_year(2000));
        assert!(!Date::is_leap_year(1900));
        assert!(!Date::is_leap_year(2023));
        assert_eq!(Date::days_in_month(2023, 2), 28);
        assert_eq!(Date::days_in_month(2024, 2), 29);
        assert_eq!(Date::days_in_month(2024, 13), 0);
    }
}
