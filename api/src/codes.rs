//! The council's numbering: møte M/YYYY and sak N/M/YYYY, parsed from what people write
//! ("Sak 16/2/25", "sak 12/2//23", "møte 2/2025").
use std::fmt;

use crate::error::{AppError, AppResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MeetingCode {
    pub number: i32,
    pub year: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SakCode {
    pub number: i32,
    pub meeting: i32,
    pub year: i32,
}

fn numbers(s: &str) -> Vec<&str> {
    s.split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn strip_word<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let t = s.trim();
    // Compare the word's length of `t` itself: lowercasing can change byte lengths (the
    // Kelvin sign "K" becomes "k"), and slicing at an offset of the lowercased text could
    // split a character.
    for w in words {
        if t.get(..w.len())
            .is_some_and(|head| head.to_lowercase() == *w)
        {
            return t[w.len()..].trim_start();
        }
    }
    t
}

fn year(s: &str) -> Option<i32> {
    let n: i32 = s.parse().ok()?;
    match s.len() {
        2 => Some(2000 + n),
        4 if (1900..=2200).contains(&n) => Some(n),
        _ => None,
    }
}

fn positive(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|n| *n > 0 && s.len() <= 4)
}

impl MeetingCode {
    pub fn parse(s: &str) -> AppResult<Self> {
        let body = strip_word(s, &["møte", "mote"]);
        match numbers(body).as_slice() {
            [n, y] => positive(n)
                .zip(year(y))
                .map(|(number, year)| Self { number, year }),
            _ => None,
        }
        .ok_or_else(|| {
            AppError::validation(
                "code",
                format!("{s:?} is not a meeting number such as 2/2025"),
            )
        })
    }
}

impl SakCode {
    pub fn parse(s: &str) -> AppResult<Self> {
        let body = strip_word(s, &["sak"]);
        match numbers(body).as_slice() {
            [n, m, y] => {
                positive(n)
                    .zip(positive(m))
                    .zip(year(y))
                    .map(|((number, meeting), year)| Self {
                        number,
                        meeting,
                        year,
                    })
            }
            _ => None,
        }
        .ok_or_else(|| {
            AppError::validation(
                "code",
                format!("{s:?} is not a sak number such as 19/2/2026"),
            )
        })
    }

    pub fn meeting_code(self) -> MeetingCode {
        MeetingCode {
            number: self.meeting,
            year: self.year,
        }
    }
}

impl fmt::Display for MeetingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.number, self.year)
    }
}

impl fmt::Display for SakCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.number, self.meeting, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sak_numbers_parse_in_the_forms_the_papers_use() {
        let want = SakCode {
            number: 19,
            meeting: 2,
            year: 2026,
        };
        for s in [
            "19/2/2026",
            "Sak 19/2/2026",
            "sak 19/2/26",
            "19/2//26",
            " SAK 19 / 2 / 2026 ",
        ] {
            assert_eq!(SakCode::parse(s).unwrap(), want, "{s}");
        }
        assert_eq!(SakCode::parse("12/2//23").unwrap().to_string(), "12/2/2023");
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for s in [
            "",
            "19/2",
            "0/2/2026",
            "a/b/c",
            "19/2/226",
            "1/2/3/4",
            "-1/2/2026",
            "sa\u{212A} 19/2/2026",
        ] {
            assert!(SakCode::parse(s).is_err(), "{s}");
        }
        assert!(MeetingCode::parse("2/2025").is_ok());
        assert!(MeetingCode::parse("møte 2/2025").is_ok());
        assert!(MeetingCode::parse("2025").is_err());
    }
}
