//! Holidays named as dates ("Noël", "Easter Monday", "Black Friday"), read from
//! `data/holidays/fr.toml` and `data/holidays/en.toml`: each falls on a fixed day, on a day
//! counted from Easter Sunday, or on a weekday of a month.

use chrono::{NaiveDate, Weekday};
use serde::Deserialize;

use super::{add_days, key, month_start, nth_weekday};

/// The day a holiday falls on in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayRule {
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days from Easter Sunday (Good Friday -2).
    Easter(i64),
    /// The `nth` `weekday` of `month`, then `shift` days (Black Friday: the fourth Thursday of
    /// November, then 1).
    Weekday {
        month: u32,
        weekday: Weekday,
        nth: u32,
        shift: i64,
    },
}

impl HolidayRule {
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            HolidayRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            HolidayRule::Easter(days) => add_days(easter_sunday(year)?, days),
            HolidayRule::Weekday {
                month,
                weekday,
                nth,
                shift,
            } => {
                let first = month_start(NaiveDate::from_ymd_opt(year, 1, 1)?, month as i32 - 1)?;
                add_days(nth_weekday(first, nth, weekday)?, shift)
            }
        }
    }
}

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus, as given by
/// Meeus, Astronomical Algorithms, 1991, chapter 8).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (
        year.rem_euclid(19),
        year.div_euclid(100),
        year.rem_euclid(100),
    );
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(
        year,
        u32::try_from(n / 31).ok()?,
        u32::try_from(n % 31 + 1).ok()?,
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    holiday: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    names: Vec<String>,
    month: Option<u32>,
    day: Option<u32>,
    easter: Option<i64>,
    weekday: Option<String>,
    nth: Option<u32>,
    shift: Option<i64>,
}

impl Entry {
    fn rule(&self) -> Option<HolidayRule> {
        let weekday = |w: &str| w.parse::<Weekday>().ok();
        match (self.month, self.day, self.easter, &self.weekday, self.nth) {
            (Some(month), Some(day), None, None, None) => Some(HolidayRule::Fixed { month, day }),
            (None, None, Some(days), None, None) => Some(HolidayRule::Easter(days)),
            (Some(month), None, None, Some(w), Some(nth)) => Some(HolidayRule::Weekday {
                month,
                weekday: weekday(w)?,
                nth,
                shift: self.shift.unwrap_or(0),
            }),
            _ => None,
        }
    }
}

/// Every name of the file's holidays, as a lookup key (lowercase, hyphens as spaces), with
/// its rule. The files are the crate's own, checked by its tests.
pub fn load(toml_text: &str) -> Vec<(String, HolidayRule)> {
    let file: File = toml::from_str(toml_text).expect("the holiday files are valid");
    let mut out = Vec::new();
    for entry in &file.holiday {
        let rule = entry.rule().expect("each holiday has one complete rule");
        for name in &entry.names {
            out.push((name_key(name), rule));
        }
    }
    out
}

/// The rule of a holiday named `name` in `table`.
pub fn find(table: &[(String, HolidayRule)], name: &str) -> Option<HolidayRule> {
    let wanted = name_key(name);
    table.iter().find(|(n, _)| *n == wanted).map(|(_, r)| *r)
}

/// How a holiday's name is looked up: lowercase, hyphens and runs of blanks as one space.
pub fn name_key(name: &str) -> String {
    key(&name.replace('-', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn easter_dates() {
        // Known Easter Sundays, including the earliest (22 March) and latest (25 April) ones.
        for (year, date) in [
            (2018, d(2018, 4, 1)),
            (2019, d(2019, 4, 21)),
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (1818, d(1818, 3, 22)),
            (2038, d(2038, 4, 25)),
        ] {
            assert_eq!(easter_sunday(year), Some(date), "{year}");
        }
    }

    #[test]
    fn both_files_load_with_one_rule_each() {
        for text in [
            include_str!("../../data/holidays/fr.toml"),
            include_str!("../../data/holidays/en.toml"),
        ] {
            let all = load(text);
            assert!(all.len() > 10);
            assert!(all.iter().all(|(name, _)| *name == name_key(name)));
        }
        let black_friday = HolidayRule::Weekday {
            month: 11,
            weekday: Weekday::Thu,
            nth: 4,
            shift: 1,
        };
        assert_eq!(black_friday.in_year(2010), Some(d(2010, 11, 26)));
        assert_eq!(HolidayRule::Easter(1).in_year(2019), Some(d(2019, 4, 22)));
    }
}
