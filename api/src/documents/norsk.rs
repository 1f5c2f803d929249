//! Dates and times written the way the council's papers write them.
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

fn weekday(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Mandag",
        Weekday::Tue => "Tirsdag",
        Weekday::Wed => "Onsdag",
        Weekday::Thu => "Torsdag",
        Weekday::Fri => "Fredag",
        Weekday::Sat => "Lørdag",
        Weekday::Sun => "Søndag",
    }
}

/// "21. mai 2025".
pub fn date(d: NaiveDate) -> String {
    format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "Onsdag 21. mai 2025".
pub fn weekday_date(d: NaiveDate) -> String {
    format!("{} {}", weekday(d), date(d))
}

/// "2.5.2025", as the oversikt's cells write dates.
pub fn short_date(d: NaiveDate) -> String {
    format!("{}.{}.{}", d.day(), d.month(), d.year())
}

/// "10" on the hour, else "10.30" (Norwegian clock times take a full stop).
pub fn clock(t: NaiveTime) -> String {
    if t.minute() == 0 {
        t.hour().to_string()
    } else {
        format!("{}.{:02}", t.hour(), t.minute())
    }
}

/// "Onsdag 21. mai 2025, kl. 10–15"; the time part only as far as it is known.
pub fn meeting_when(
    d: Option<NaiveDate>,
    starts: Option<NaiveTime>,
    ends: Option<NaiveTime>,
) -> String {
    let Some(d) = d else {
        return "Dato er ikke fastsatt".to_owned();
    };
    let day = weekday_date(d);
    match (starts, ends) {
        (Some(s), Some(e)) => format!("{day}, kl. {}–{}", clock(s), clock(e)),
        (Some(s), None) => format!("{day}, kl. {}", clock(s)),
        _ => day,
    }
}

/// An agenda line's slot, "10:00–10:05", as the saksliste writes it.
pub fn slot(start: Option<NaiveTime>, end: Option<NaiveTime>) -> String {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    match (start, end) {
        (Some(s), Some(e)) => format!("{}–{}", hm(s), hm(e)),
        (Some(s), None) => hm(s),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn a_meeting_day_reads_like_the_papers() {
        assert_eq!(
            meeting_when(Some(d(2025, 5, 21)), Some(t(10, 0)), Some(t(15, 0))),
            "Onsdag 21. mai 2025, kl. 10–15"
        );
        assert_eq!(
            meeting_when(Some(d(2023, 3, 20)), Some(t(9, 30)), None),
            "Mandag 20. mars 2023, kl. 9.30"
        );
        assert_eq!(meeting_when(None, None, None), "Dato er ikke fastsatt");
        assert_eq!(slot(Some(t(10, 0)), Some(t(10, 5))), "10:00–10:05");
        assert_eq!(short_date(d(2025, 5, 2)), "2.5.2025");
        assert_eq!(weekday_date(d(2025, 11, 30)), "Søndag 30. november 2025");
    }
}
