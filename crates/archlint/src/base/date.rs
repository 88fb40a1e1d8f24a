//! Calendar days, for the dates a description announces (`Sunset`) and the
//! day a change is reviewed. Only what those need: no time zones, no clock
//! (the front doors pass today's date in).

use std::fmt;

/// A day, counted from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

impl Day {
    pub fn from_days_since_epoch(days: i64) -> Day {
        Day(days)
    }

    /// `2026-11-28`, `2026-11-28T12:00:00Z` (ISO 8601), or an HTTP date
    /// (`Sat, 28 Nov 2026 23:59:59 GMT`, as `Sunset` headers are written).
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim();
        iso(text).or_else(|| http_date(text))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        later.0 - self.0
    }

    fn civil(self) -> (i64, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        (
            year,
            u32::try_from(month).unwrap_or(1),
            u32::try_from(day).unwrap_or(1),
        )
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.civil();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// Howard Hinnant's days_from_civil, for a valid date.
fn from_civil(year: i64, month: u32, day: u32) -> Option<Day> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month || !(1..=9999).contains(&year) {
        return None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(Day(era * 146_097 + doe - 719_468))
}

fn iso(text: &str) -> Option<Day> {
    let date = text.get(..10)?;
    let mut parts = date.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    let rest = text.get(10..).unwrap_or_default();
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    from_civil(year, month, day)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn http_date(text: &str) -> Option<Day> {
    let after_weekday = text.split_once(',').map_or(text, |(_, rest)| rest);
    let mut words = after_weekday.split_whitespace();
    let day = words.next()?.parse().ok()?;
    let month = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|known| month.starts_with(known))?;
    let year = words.next()?.parse().ok()?;
    from_civil(year, u32::try_from(month).ok()? + 1, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_and_http_dates() {
        let day = Day::parse("2026-11-28").expect("a date");
        assert_eq!(day.to_string(), "2026-11-28");
        assert_eq!(Day::parse("2026-11-28T23:59:59Z"), Some(day));
        assert_eq!(Day::parse("Sat, 28 Nov 2026 23:59:59 GMT"), Some(day));
        assert_eq!(Day::parse("1970-01-01"), Some(Day(0)));
        assert_eq!(
            Day::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Day::parse("2023-02-29"), None);
        assert_eq!(Day::parse("soon"), None);
        assert_eq!(Day::parse("2026-13-01"), None);
        assert_eq!(Day::parse(""), None);
        assert_eq!(Day(0).days_until(day), day.0);
    }
}
