//! Calendar dates for the charter's time-bound keys (waiver expiry, re-certification): a civil
//! date in UTC, parsed from `YYYY-MM-DD`, with day arithmetic. Reads nothing but the system clock.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A day of the proleptic Gregorian calendar, as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i64);

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date(secs.div_euclid(86_400))
    }

    /// The UTC day of a time in seconds since the epoch.
    pub fn from_unix(secs: i64) -> Date {
        Date(secs.div_euclid(86_400))
    }

    /// The date `y-m-d`, when it exists (years 1000–9999).
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Option<Date> {
        if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > days_in(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    /// `YYYY-MM-DD`, strictly (two-digit month and day).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::from_ymd(num(0..4)?, num(5..7)? as u32, num(8..10)? as u32)
    }

    pub fn add_days(self, days: i64) -> Date {
        Date(self.0 + days)
    }

    /// This date `n` months later, on the same day or the last day of a shorter month.
    pub fn add_months(self, n: i64) -> Date {
        let (y, m, d) = self.ymd();
        let months = y * 12 + i64::from(m) - 1 + n;
        let (y, m) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
        let y = y.clamp(1000, 9999);
        Date::from_ymd(y, m, d.min(days_in(y, m))).unwrap_or(self)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.0 - self.0
    }
}

fn days_in(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        // YAML reads an unquoted 2027-01-31 as a string; a number or anything else is refused.
        let s = String::deserialize(d)?;
        Date::parse(s.trim()).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{}` is not a date; write YYYY-MM-DD (e.g. 2027-01-31)",
                s.chars().take(40).collect::<String>()
            ))
        })
    }
}

/// A period between re-certifications: `month`, `quarter`, `half-year`, `year`, or a count with
/// a unit, `30d`, `6w`, `3m`, `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(i64),
    Months(i64),
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim().to_ascii_lowercase();
        let named = match s.as_str() {
            "month" | "monthly" => Some(Period::Months(1)),
            "quarter" | "quarterly" => Some(Period::Months(3)),
            "half-year" | "half-yearly" => Some(Period::Months(6)),
            "year" | "yearly" | "annually" => Some(Period::Months(12)),
            _ => None,
        };
        if named.is_some() {
            return named;
        }
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let n: i64 = s[..digits]
            .parse()
            .ok()
            .filter(|&n| (1..=3660).contains(&n))?;
        match &s[digits..] {
            "d" => Some(Period::Days(n)),
            "w" => Some(Period::Days(n * 7)),
            "m" if n <= 120 => Some(Period::Months(n)),
            "y" if n <= 10 => Some(Period::Months(n * 12)),
            _ => None,
        }
    }

    /// `from` one period later.
    pub fn after(self, from: Date) -> Date {
        match self {
            Period::Days(n) => from.add_days(n),
            Period::Months(n) => from.add_months(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_what_is_not_a_day() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2026-12-07",
            "2027-01-31",
            "9999-12-31",
        ] {
            assert_eq!(Date::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        for s in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-32",
            "2026-00-10",
            "+026-01-01",
            "",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        // Every day of four centuries converts both ways.
        let start = Date::parse("1900-01-01").unwrap();
        for i in 0..146_097 {
            let d = start.add_days(i);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }

    #[test]
    fn months_clamp_to_the_end_of_a_shorter_month_and_periods_parse() {
        let d = Date::parse("2026-11-30").unwrap();
        assert_eq!(d.add_months(3).to_string(), "2027-02-28");
        assert_eq!(
            Date::parse("2027-12-15").unwrap().add_months(1).to_string(),
            "2028-01-15"
        );
        assert_eq!(Period::parse("quarter"), Some(Period::Months(3)));
        assert_eq!(Period::parse("90d"), Some(Period::Days(90)));
        assert_eq!(Period::parse("2w"), Some(Period::Days(14)));
        assert_eq!(Period::parse("6m"), Some(Period::Months(6)));
        assert_eq!(Period::parse("1y"), Some(Period::Months(12)));
        for bad in ["", "0d", "d", "5x", "99999999999999999999d", "-3d", "11y"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Date::parse("2026-12-07")
                .unwrap()
                .days_until(Date::parse("2027-01-06").unwrap()),
            30
        );
    }
}
