//! Date expressions in French and English news, and their resolution against the publication date.
//!
//! [`find_dates`] returns every date expression of a text with its byte span. A span includes the
//! word that introduces the date when the grammar recognises one: the article or demonstrative
//! before a day ("le 20 mai", "ce 18 mai", "les 19 et 20 mai", "ce mercredi"), the English
//! preposition or determiner of a day ("on 20 May", "by January 19", "on Tuesday", "last
//! Tuesday"), and the preposition or qualifier that marks a month or a year alone as a date
//! ("en septembre 2022", "depuis septembre", "mi-août", "fin 2025", "in 2022", "by 2030"). A year
//! alone is never a date without such a word, so counts and amounts ("2 000 soldats", "2022
//! véhicules") are not taken for years.
//! A range of days ("les 19 et 20 mai", "du 19 au 21 mai", "May 19-20") is one match that
//! denotes its first day: that is when the event began.
//!
//! [`DateExpr::resolve`] turns an expression into a day. News reports the past, so a weekday
//! alone is the latest such day on or before publication ("ce mercredi", "this Wednesday" are
//! the current week's day, Monday to Sunday), and a day and month without a year is
//! taken in the year that puts it at most [`FUTURE_TOLERANCE_DAYS`] after publication (so that
//! "le 28 décembre" in an article of 3 January is the previous December, while an upcoming
//! meeting "on January 19" announced on 13 January stays in the same year).

mod en;
mod fr;
mod holidays;

use crate::Lang;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
pub use holidays::HolidayRule;
use std::collections::BTreeMap;

/// How far after publication a day without a year may fall before it is read as last year's.
pub const FUTURE_TOLERANCE_DAYS: i64 = 14;

#[derive(Clone, Debug, PartialEq)]
pub enum DateExpr {
    /// "le 3 avril 2025", "3 April 2025", "April 3, 2025", "03/04/2025" (French d/m/y, English m/d/y).
    Full(NaiveDate),
    /// "le 20 mai", "ce 18 mai", "May 20", "on 20 May".
    DayMonth { day: u32, month: u32 },
    /// "en septembre 2022", "in September 2022".
    MonthYear { month: u32, year: i32 },
    /// "en mai", "in May", "mi-mai".
    Month(u32),
    /// "en 2022", "in 2022".
    Year(i32),
    /// "le mois dernier", "ce mois-ci", "next month": a month counted from publication's.
    MonthFromPublication(i32),
    /// "l'an dernier", "cette année", "next year": a year counted from publication's.
    YearFromPublication(i32),
    /// "jeudi"; "mardi dernier"/"last Tuesday" (`strictly_before`); "jeudi prochain"/"next Thursday" (`next`).
    Weekday {
        weekday: Weekday,
        strictly_before: bool,
        next: bool,
    },
    /// "hier" -1, "avant-hier" -2, "aujourd'hui" 0, "demain" 1, "yesterday", "today", "this morning".
    DaysFromPublication(i64),
    /// "plus tard dans la journée", "le même jour", "later that day", "the same day".
    SameDayAsPrevious,
    /// "earlier this month", "plus tôt ce mois-ci".
    EarlierThisMonth,
    /// "le 27", "the 27th" (`month_offset` `None`: the nearest such day, as a day without a
    /// year); "le 20 du mois prochain", "the 31st of this month" (`Some`: months from
    /// publication's).
    DayOfMonth { day: u32, month_offset: Option<i32> },
    /// "vendredi 22", "Friday the 22nd": the 22nd of the nearest month where it is a Friday.
    WeekdayDay { weekday: Weekday, day: u32 },
    /// "le 12 mars dernier", "le 1er janvier prochain", "next 5/12": a day without a year, the
    /// latest before publication or the next after it (`after`).
    DayMonthPlaced { day: u32, month: u32, after: bool },
    /// "mardi 9 mai", "Tuesday, May 9": a day without a year whose weekday may fix its year.
    WeekdayDayMonth {
        weekday: Weekday,
        day: u32,
        month: u32,
    },
    /// "vendredi de la semaine prochaine", "Tuesday of last week": a day of the week `weeks`
    /// from publication's (0 for "ce vendredi", "this Friday").
    WeekdayOfWeek { weekday: Weekday, weeks: i64 },
    /// "le lendemain" 1 day, "la veille" -1, "the next day", "a week later": a time counted
    /// from the previous dated event, or from publication when none comes before.
    FromPrevious { months: i64, days: i64 },
    /// "il y a deux ans", "dans trois semaines", "two days ago", "in 3 weeks": a time counted
    /// from publication, in months (years are twelve) and days (weeks are seven).
    Shift { months: i64, days: i64 },
    /// "trois jours après le 12 janvier", "2 weeks before May 13": a time counted from a date.
    Offset {
        base: Box<DateExpr>,
        months: i64,
        days: i64,
    },
    /// "le premier vendredi de juillet", "the second Monday of next month".
    NthWeekday {
        nth: u32,
        weekday: Weekday,
        month: MonthRef,
    },
    /// "Noël", "Easter 2018", "la dernière Pâques", "next Black Friday".
    Holiday {
        rule: HolidayRule,
        when: HolidayYear,
    },
    /// "la semaine dernière", "last week".
    LastWeek,
    /// "cette semaine", "this week".
    ThisWeek,
}

/// Where a word places a weekday: the latest before publication ("this past Friday", "vendredi
/// dernier"), the next after it ("the coming Friday", "vendredi prochain"), or in the week
/// before or after publication's (English "last Friday", "next Friday": news names a day of the
/// current week alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Relation {
    Before,
    After,
    PreviousWeek,
    NextWeek,
}

impl Relation {
    /// The weekday so placed.
    fn weekday(self, weekday: Weekday) -> DateExpr {
        match self {
            Relation::PreviousWeek => DateExpr::WeekdayOfWeek { weekday, weeks: -1 },
            Relation::NextWeek => DateExpr::WeekdayOfWeek { weekday, weeks: 1 },
            _ => DateExpr::Weekday {
                weekday,
                strictly_before: self == Relation::Before,
                next: self == Relation::After,
            },
        }
    }
}

/// The month of a [`DateExpr::NthWeekday`]: named (the occurrence nearest publication) or
/// counted from publication's ("du mois prochain" 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthRef {
    Named(u32),
    FromPublication(i32),
}

/// Which year's occurrence of a [`DateExpr::Holiday`]: written ("Pâques 2018"), publication's
/// ("of this year"), the last before publication ("last Easter"), the next after it, or the
/// nearest, as a day without a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayYear {
    Written(i32),
    OfPublication,
    Before,
    After,
    Nearest,
}

/// One date expression: `start..end` are byte offsets into the text given to [`find_dates`].
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
}

/// Every date expression in `text`, in text order, without overlaps (the longest reading wins:
/// "mardi 3 mai 2022" is one `Full` date, not a weekday and a month). `Lang::Und` runs both
/// grammars.
pub fn find_dates(text: &str, lang: Lang) -> Vec<DateMatch> {
    let mut found = year_first_dates(text);
    if matches!(lang, Lang::Fr | Lang::Und) {
        found.extend(fr::find(text));
    }
    if matches!(lang, Lang::En | Lang::Und) {
        found.extend(en::find(text));
    }
    if matches!(lang, Lang::En | Lang::Und) {
        let years = spelled_years(text, &found);
        found.extend(years);
    }
    let offsets = offsets(text, lang, &found);
    found.extend(offsets);
    select(found)
}

/// A day and month followed by its year in words ("15 August nineteen ninety-three"): one
/// full date.
fn spelled_years(text: &str, found: &[DateMatch]) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for m in found {
        let (DateExpr::DayMonth { day, month } | DateExpr::WeekdayDayMonth { day, month, .. }) =
            m.expr
        else {
            continue;
        };
        let after = text.get(m.end..).unwrap_or("");
        let Some((length, year)) = en::year_after(after) else {
            continue;
        };
        if let Some(expr) = day_expr(day, month, Some(year)) {
            out.push(DateMatch {
                start: m.start,
                end: m.end + length,
                expr,
            });
        }
    }
    out
}

/// A time counted from each date written just before it ("trois jours après le 12 janvier",
/// "2 weeks before May 13"), in the text's languages.
fn offsets(text: &str, lang: Lang, found: &[DateMatch]) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for m in found {
        let mut from = m.start.saturating_sub(OFFSET_REACH);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = text.get(from..m.start).unwrap_or("");
        let fr = matches!(lang, Lang::Fr | Lang::Und).then(|| fr::offset_before(before));
        let date = text.get(m.start..m.end).unwrap_or("");
        let en = matches!(lang, Lang::En | Lang::Und).then(|| en::offset_before(before, date));
        if let Some((start, (months, days))) = fr.flatten().or(en.flatten()) {
            out.push(DateMatch {
                start: from + start,
                end: m.end,
                expr: DateExpr::Offset {
                    base: Box::new(m.expr.clone()),
                    months,
                    days,
                },
            });
        }
    }
    out
}

/// How far before a date a time counted from it may begin, in bytes.
const OFFSET_REACH: usize = 120;

/// One language's words for a time counted in units: a number reader, the units as months
/// and days ("an" 12 months, "semaine" 7 days) and the words that join amounts ("et").
pub(super) struct AmountWords {
    pub number: fn(&str) -> Option<u32>,
    pub units: &'static [(&'static str, (i64, i64))],
    pub joiners: &'static [&'static str],
}

/// Reads "2 years 1 month 21 days", "un mois et 21 jours", "vingt et un jours" as months and
/// days; `sign` -1 counts back.
pub(super) fn read_amounts(phrase: &str, words: &AmountWords, sign: i64) -> Option<(i64, i64)> {
    let lower = phrase.to_lowercase().replace([',', '\'', '’', '-'], " ");
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    let (mut months, mut days, mut i) = (0i64, 0i64, 0);
    while i < tokens.len() {
        if words.joiners.contains(&tokens[i]) {
            i += 1;
            continue;
        }
        // The longest number of up to three words ("vingt et un"), then its unit.
        let (n, used) = (1..=3)
            .rev()
            .filter(|k| i + k < tokens.len())
            .find_map(|k| (words.number)(&tokens[i..i + k].join(" ")).map(|n| (n, k)))?;
        let (unit_months, unit_days) = lookup(words.units, tokens[i + used])?;
        months += i64::from(n) * unit_months;
        days += i64::from(n) * unit_days;
        i += used + 1;
    }
    (months != 0 || days != 0).then_some((sign * months, sign * days))
}

/// How precise a resolved date expression is: the `granularity` of the `dates()` expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// A date expression resolved in its text: byte span, the day it denotes (the first day of a
/// month or a year) when known, and how precise it is.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedDate {
    pub start: usize,
    pub end: usize,
    pub date: Option<NaiveDate>,
    pub granularity: Granularity,
}

/// Every day, month and year expression of `text` (weeks are left out: they are none of the
/// three), resolved in text order against `published`, "the same day" against the day before
/// it. Without a publication date, a day or month without a year takes its year from the
/// nearest full date of the text (the one before it, else the one after).
pub fn resolve_dates(text: &str, lang: Lang, published: Option<NaiveDate>) -> Vec<ResolvedDate> {
    let found = find_dates(text, lang);
    let full: Vec<(usize, NaiveDate)> = found
        .iter()
        .filter_map(|m| match m.expr {
            DateExpr::Full(date) => Some((m.start, date)),
            _ => None,
        })
        .collect();
    let mut previous = None;
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let Some(granularity) = m.expr.granularity() else {
            continue;
        };
        let date = match published {
            Some(_) => m.expr.resolve_start(published, previous),
            None => m
                .expr
                .resolve_without_publication(nearest_full(&full, m.start), previous),
        };
        if granularity == Granularity::Day && date.is_some() {
            previous = date;
        }
        out.push(ResolvedDate {
            start: m.start,
            end: m.end,
            date,
            granularity,
        });
    }
    out
}

/// The full date written last before `at`, else the first one after it.
fn nearest_full(full: &[(usize, NaiveDate)], at: usize) -> Option<NaiveDate> {
    let after = full.partition_point(|(start, _)| *start < at);
    let before = after.checked_sub(1).and_then(|i| full.get(i));
    before.or_else(|| full.get(after)).map(|(_, date)| *date)
}

impl DateExpr {
    /// Day, month or year; `None` for a week, which is none of them.
    pub fn granularity(&self) -> Option<Granularity> {
        match self {
            DateExpr::Shift { .. } | DateExpr::Offset { .. } | DateExpr::FromPrevious { .. } => {
                Some(Granularity::Day)
            }
            _ if self.is_day() => Some(Granularity::Day),
            DateExpr::MonthYear { .. }
            | DateExpr::Month(_)
            | DateExpr::MonthFromPublication(_)
            | DateExpr::EarlierThisMonth => Some(Granularity::Month),
            DateExpr::Year(_) | DateExpr::YearFromPublication(_) => Some(Granularity::Year),
            _ => None,
        }
    }

    /// As [`DateExpr::resolve_start`] when the publication date is unknown: a day or a month
    /// without a year takes the year that puts it nearest to `anchor`, a full date of the same
    /// text; expressions relative to the publication day stay unresolved.
    fn resolve_without_publication(
        &self,
        anchor: Option<NaiveDate>,
        previous: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        match *self {
            DateExpr::DayMonth { day, month } => nearest_occurrence(day, month, anchor?),
            DateExpr::WeekdayDayMonth {
                weekday,
                day,
                month,
            } => Some(on_weekday(
                nearest_occurrence(day, month, anchor?)?,
                weekday,
            )),
            DateExpr::DayMonthPlaced { day, month, after } => {
                resolve_placed_day(day, month, after, anchor?)
            }
            DateExpr::Month(month) => nearest_occurrence(1, month, anchor?),
            _ => self.resolve_start(None, previous),
        }
    }

    /// True for expressions of one day (resolvable or not), false for months, years, weeks and
    /// times counted in months or years ("il y a deux ans" is no precise day).
    pub fn is_day(&self) -> bool {
        match self {
            DateExpr::Full(_)
            | DateExpr::DayMonth { .. }
            | DateExpr::Weekday { .. }
            | DateExpr::DaysFromPublication(_)
            | DateExpr::SameDayAsPrevious
            | DateExpr::DayOfMonth { .. }
            | DateExpr::WeekdayDay { .. }
            | DateExpr::WeekdayDayMonth { .. }
            | DateExpr::DayMonthPlaced { .. }
            | DateExpr::WeekdayOfWeek { .. }
            | DateExpr::NthWeekday { .. }
            | DateExpr::Holiday { .. } => true,
            DateExpr::Shift { months, .. } | DateExpr::FromPrevious { months, .. } => *months == 0,
            DateExpr::Offset { base, months, .. } => *months == 0 && base.is_day(),
            _ => false,
        }
    }

    /// The day this expression denotes, given the document's publication date and the date of the
    /// previous dated event in the document (for `SameDayAsPrevious`). `None` when it is not
    /// resolvable to a day: a relative expression without a publication date, a month or year
    /// only, a week.
    pub fn resolve(
        &self,
        published: Option<NaiveDate>,
        previous: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        self.is_day()
            .then(|| self.resolve_start(published, previous))
            .flatten()
    }

    /// The first day of what this expression denotes: the day itself, the first of a month
    /// (a month alone in the year that puts it at most [`FUTURE_TOLERANCE_DAYS`] after
    /// publication, as a day without a year), the first of January of a year; a time counted
    /// in months or years keeps publication's day ("il y a deux ans").
    pub fn resolve_start(
        &self,
        published: Option<NaiveDate>,
        previous: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        match self {
            DateExpr::Full(date) => Some(*date),
            DateExpr::DayMonth { day, month } => resolve_day_month(*day, *month, published?),
            DateExpr::Weekday {
                weekday,
                strictly_before,
                next,
            } => resolve_weekday(*weekday, *strictly_before, *next, published?),
            DateExpr::DaysFromPublication(days) => add_days(published?, *days),
            DateExpr::SameDayAsPrevious => previous,
            DateExpr::DayOfMonth { day, month_offset } => {
                resolve_day_of_month(*day, *month_offset, published?)
            }
            DateExpr::WeekdayDay { weekday, day } => {
                resolve_weekday_day(*weekday, *day, published?)
            }
            DateExpr::WeekdayDayMonth {
                weekday,
                day,
                month,
            } => Some(on_weekday(
                resolve_day_month(*day, *month, published?)?,
                *weekday,
            )),
            DateExpr::DayMonthPlaced { day, month, after } => {
                resolve_placed_day(*day, *month, *after, published?)
            }
            DateExpr::WeekdayOfWeek { weekday, weeks } => {
                let monday = published?.week(Weekday::Mon).first_day();
                add_days(
                    monday,
                    weeks * 7 + i64::from(weekday.num_days_from_monday()),
                )
            }
            DateExpr::NthWeekday {
                nth,
                weekday,
                month,
            } => {
                let first = match month {
                    MonthRef::Named(m) => nearest_month_start(*m, published?)?,
                    MonthRef::FromPublication(k) => month_start(published?, *k)?,
                };
                nth_weekday(first, *nth, *weekday)
            }
            DateExpr::FromPrevious { months, days } => {
                add_days(shift_months(previous.or(published)?, *months)?, *days)
            }
            DateExpr::Holiday { rule, when } => resolve_holiday(*rule, *when, published),
            DateExpr::Shift { months, days } => add_days(shift_months(published?, *months)?, *days),
            DateExpr::Offset { base, months, days } => {
                let from = base.resolve_base(published, previous)?;
                add_days(shift_months(from, *months)?, *days)
            }
            DateExpr::MonthYear { month, year } => NaiveDate::from_ymd_opt(*year, *month, 1),
            DateExpr::Month(month) => resolve_day_month(1, *month, published?),
            DateExpr::EarlierThisMonth => published?.with_day(1),
            DateExpr::MonthFromPublication(k) => month_start(published?, *k),
            DateExpr::Year(year) => NaiveDate::from_ymd_opt(*year, 1, 1),
            DateExpr::YearFromPublication(k) => {
                NaiveDate::from_ymd_opt(published?.year().checked_add(*k)?, 1, 1)
            }
            DateExpr::LastWeek | DateExpr::ThisWeek => None,
        }
    }

    /// The day a time is counted from ("trois jours après le 12 janvier", "2 weeks before
    /// Christmas", "3 days from Tuesday"): a day without a year, a holiday without a year and a
    /// weekday alone are their occurrence nearest publication, before or after it, since such a
    /// count mostly sets a schedule; anything else is its first day.
    fn resolve_base(
        &self,
        published: Option<NaiveDate>,
        previous: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        match (self, published) {
            (DateExpr::DayMonth { day, month }, Some(p)) => nearest_occurrence(*day, *month, p),
            (
                DateExpr::Holiday {
                    rule,
                    when: HolidayYear::Nearest,
                },
                Some(p),
            ) => [p.year() - 1, p.year(), p.year() + 1]
                .into_iter()
                .filter_map(|y| rule.in_year(y))
                .min_by_key(|d| (*d - p).num_days().abs()),
            (
                DateExpr::Weekday {
                    weekday,
                    strictly_before: false,
                    next: false,
                },
                Some(p),
            ) => {
                let ahead = (i64::from(weekday.num_days_from_monday())
                    - i64::from(p.weekday().num_days_from_monday()))
                .rem_euclid(7);
                add_days(p, if ahead > 3 { ahead - 7 } else { ahead })
            }
            _ => self.resolve_start(published, previous),
        }
    }

    /// Rank of precision, lower is more precise.
    fn vagueness(&self) -> u8 {
        match self {
            DateExpr::Full(_) => 0,
            DateExpr::DayMonth { .. }
            | DateExpr::WeekdayDay { .. }
            | DateExpr::WeekdayDayMonth { .. }
            | DateExpr::DayMonthPlaced { .. }
            | DateExpr::DayOfMonth { .. }
            | DateExpr::NthWeekday { .. }
            | DateExpr::Holiday { .. }
            | DateExpr::Offset { .. } => 1,
            DateExpr::SameDayAsPrevious
            | DateExpr::DaysFromPublication(_)
            | DateExpr::FromPrevious { .. }
            | DateExpr::WeekdayOfWeek { .. }
            | DateExpr::Shift { .. }
            | DateExpr::Weekday { .. } => 2,
            DateExpr::MonthYear { .. } => 3,
            DateExpr::EarlierThisMonth | DateExpr::LastWeek | DateExpr::ThisWeek => 4,
            DateExpr::Month(_) | DateExpr::MonthFromPublication(_) => 5,
            DateExpr::Year(_) | DateExpr::YearFromPublication(_) => 6,
        }
    }
}

fn resolve_holiday(
    rule: HolidayRule,
    when: HolidayYear,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let HolidayYear::Written(year) = when {
        return rule.in_year(year);
    }
    let published = published?;
    let year = published.year();
    let mut around = [year + 1, year, year - 1]
        .into_iter()
        .filter_map(|y| rule.in_year(y));
    match when {
        HolidayYear::Written(_) | HolidayYear::OfPublication => rule.in_year(year),
        HolidayYear::Before => around.find(|d| *d < published),
        HolidayYear::After => around.filter(|d| *d > published).min(),
        HolidayYear::Nearest => {
            let limit = add_days(published, FUTURE_TOLERANCE_DAYS)?;
            around.find(|d| *d <= limit)
        }
    }
}

/// Reads a holiday match: the name (capture `h`, looked up in `table`), then its year: written
/// (`y`), publication's (`this`), or placed by a word (`rel` or `rel2`, as `period` reads it: -1 the
/// last before publication, 1 the next after). A one-word holiday name before a capitalised
/// word is part of a name ("Noël Mamère", "Easter Island").
fn read_holiday(
    text: &str,
    c: &regex::Captures,
    table: &[(String, HolidayRule)],
    period: impl Fn(&str) -> Option<i64>,
) -> Option<DateExpr> {
    let name = c.name("h")?;
    let next = text.get(name.end()..).unwrap_or("").trim_start();
    let one_word = !name.as_str().contains(char::is_whitespace);
    if one_word && c.get(0)?.end() == name.end() && next.starts_with(char::is_uppercase) {
        return None;
    }
    let rule = holidays::find(table, name.as_str())?;
    let when = match (
        c.name("y"),
        c.name("this"),
        c.name("rel").or(c.name("rel2")),
    ) {
        (Some(y), _, _) => HolidayYear::Written(parse_year(y.as_str())?),
        (None, Some(_), _) => HolidayYear::OfPublication,
        (None, None, Some(r)) => match period(r.as_str())? {
            ..0 => HolidayYear::Before,
            0 => HolidayYear::OfPublication,
            _ => HolidayYear::After,
        },
        (None, None, None) => HolidayYear::Nearest,
    };
    Some(DateExpr::Holiday { rule, when })
}

/// A regex alternation of a holiday table's names, hyphens and blanks alike.
fn holiday_alternation(table: &[(String, HolidayRule)]) -> String {
    let names: Vec<(&str, ())> = table.iter().map(|(n, _)| (n.as_str(), ())).collect();
    let alternatives = alternation(&names)
        .replace(' ', r"[-\s]+")
        .replace('\'', "['’]");
    format!("(?:{alternatives})")
}

/// A weekday alone: the latest on or before publication.
fn plain_weekday(weekday: Weekday) -> DateExpr {
    DateExpr::Weekday {
        weekday,
        strictly_before: false,
        next: false,
    }
}

fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

/// The first of `month` in publication's year, the year before or the year after, whichever
/// is nearest to publication.
fn nearest_month_start(month: u32, published: NaiveDate) -> Option<NaiveDate> {
    nearest_occurrence(1, month, published)
}

/// The `nth` `weekday` of the month starting on `first` (1 for the first); `None` past the
/// month's end ("the fifth Monday" of most months).
fn nth_weekday(first: NaiveDate, nth: u32, weekday: Weekday) -> Option<NaiveDate> {
    let to = weekday.num_days_from_monday() as i64;
    let from = first.weekday().num_days_from_monday() as i64;
    let day = add_days(first, (to - from).rem_euclid(7) + 7 * (i64::from(nth) - 1))?;
    (day.month() == first.month()).then_some(day)
}

/// The latest of next year's, this year's and the previous years' occurrence that is at most
/// [`FUTURE_TOLERANCE_DAYS`] after publication: 29 February is the last leap day gone by when
/// it is none of the three nearest years'.
fn resolve_day_month(day: u32, month: u32, published: NaiveDate) -> Option<NaiveDate> {
    let limit = published.checked_add_signed(Duration::days(FUTURE_TOLERANCE_DAYS))?;
    let year = published.year();
    [year + 1, year, year - 1, year - 2, year - 3, year - 4]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|date| *date <= limit)
}

/// The occurrence of a day and month nearest before `reference`, or after it (`after`); within
/// four years, so that 29 February finds its leap year.
fn resolve_placed_day(
    day: u32,
    month: u32,
    after: bool,
    reference: NaiveDate,
) -> Option<NaiveDate> {
    let year = reference.year();
    let mut years = (year - 4..=year + 4).filter_map(|y| NaiveDate::from_ymd_opt(y, month, day));
    if after {
        years.find(|d| *d > reference)
    } else {
        years.rev().find(|d| *d < reference)
    }
}

/// `date`, or the same day a year before or after when that one falls on `weekday` and `date`
/// does not: "mardi 9 mai" is the 9 May that is a Tuesday.
fn on_weekday(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    if date.weekday() == weekday {
        return date;
    }
    [date.year() - 1, date.year() + 1]
        .into_iter()
        .filter_map(|y| date.with_year(y))
        .find(|d| d.weekday() == weekday)
        .unwrap_or(date)
}

/// `date` moved by whole months, the day kept (or the month's last day when it has fewer).
fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let n = chrono::Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        date.checked_add_months(n)
    } else {
        date.checked_sub_months(n)
    }
}

/// The first of the month `offset` months from `date`'s.
fn month_start(date: NaiveDate, offset: i32) -> Option<NaiveDate> {
    let index = date.year() * 12 + date.month0() as i32 + offset;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// Day `day` of the month `offset` months from publication's; without an offset, the latest
/// such day at most [`FUTURE_TOLERANCE_DAYS`] after publication (months without that day are
/// skipped).
fn resolve_day_of_month(day: u32, offset: Option<i32>, published: NaiveDate) -> Option<NaiveDate> {
    let in_month = |k: i32| month_start(published, k).and_then(|m| m.with_day(day));
    match offset {
        Some(k) => in_month(k),
        None => {
            let limit = published.checked_add_signed(Duration::days(FUTURE_TOLERANCE_DAYS))?;
            (-12..=1).rev().filter_map(in_month).find(|d| *d <= limit)
        }
    }
}

/// Day `day` of a month where it falls on `weekday`: publication's month, the one before, the
/// one after, then the next ones in order (the day named with its weekday is upcoming).
fn resolve_weekday_day(weekday: Weekday, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    [0, -1, 1]
        .into_iter()
        .chain(2..=28)
        .filter_map(|k| month_start(published, k)?.with_day(day))
        .find(|d| d.weekday() == weekday)
}

/// The occurrence of a day and month nearest to `anchor`, in its year or the one before or after.
fn nearest_occurrence(day: u32, month: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    let year = anchor.year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|date| (*date - anchor).num_days().abs())
}

fn resolve_weekday(
    weekday: Weekday,
    strictly_before: bool,
    next: bool,
    published: NaiveDate,
) -> Option<NaiveDate> {
    let from = published.weekday().num_days_from_monday() as i64;
    let to = weekday.num_days_from_monday() as i64;
    let offset = if next {
        match (to - from).rem_euclid(7) {
            0 => 7,
            d => d,
        }
    } else {
        match (from - to).rem_euclid(7) {
            0 if strictly_before => -7,
            d => -d,
        }
    };
    published.checked_add_signed(Duration::days(offset))
}

/// Reads a rule's captures as a date expression (`None` rejects the match).
type Reader = fn(&str, &regex::Captures) -> Option<DateExpr>;

/// One language's grammar: its rules, each a pattern and the reading of its captures, and all
/// the patterns in one set, which tells in one pass over a text which rules match it at all.
struct Grammar {
    rules: Vec<(regex::Regex, Reader)>,
    any: regex::RegexSet,
}

impl Grammar {
    fn new(rules: Vec<(regex::Regex, Reader)>) -> Grammar {
        let any = regex::RegexSet::new(rules.iter().map(|(re, _)| re.as_str()))
            .expect("the date patterns compile as a set as they do alone");
        Grammar { rules, any }
    }

    /// Every match of every rule in `text`, overlapping readings included.
    fn find(&self, text: &str) -> Vec<DateMatch> {
        let mut out = Vec::new();
        for rule in self.any.matches(text).iter() {
            let (re, read) = &self.rules[rule];
            for c in re.captures_iter(text) {
                if let (Some(whole), Some(expr)) = (c.get(0), read(text, &c)) {
                    out.push(DateMatch {
                        start: whole.start(),
                        end: whole.end(),
                        expr,
                    });
                }
            }
        }
        out
    }
}

/// A year alone after the word that makes it one (capture `y`), unless it is part of a number.
fn read_year(text: &str, c: &regex::Captures) -> Option<DateExpr> {
    let y = c.name("y")?;
    let year = parse_year(y.as_str()).filter(|y| plausible_year(*y))?;
    (!number_continues(text, y.end())).then_some(DateExpr::Year(year))
}

/// A week or part of a month: captures `last`, `this` or `early`.
fn read_period(_: &str, c: &regex::Captures) -> Option<DateExpr> {
    if c.name("last").is_some() {
        Some(DateExpr::LastWeek)
    } else if c.name("this").is_some() {
        Some(DateExpr::ThisWeek)
    } else {
        c.name("early").map(|_| DateExpr::EarlierThisMonth)
    }
}

/// Lowercase words separated by single spaces, typographic apostrophes made straight.
fn key(words: &str) -> String {
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// Keeps the longest of overlapping matches, the more precise among equals ("by January" and
/// "January 19" overlap in "by January 19"), then the earliest; returns them in text order.
fn select(mut found: Vec<DateMatch>) -> Vec<DateMatch> {
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.expr.vagueness().cmp(&b.expr.vagueness()))
            .then(a.start.cmp(&b.start))
    });
    // Kept spans are disjoint, so only the kept span starting last before `m.end` can overlap.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::new();
    for m in found {
        let free = taken
            .range(..m.end)
            .next_back()
            .is_none_or(|(_, end)| *end <= m.start);
        if free {
            taken.insert(m.start, m.end);
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

/// The largest day number of a month in any year (29 for February).
fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A day and month (and year when written) with the weekday the text gives it, if any.
fn day_with_weekday(
    weekday: Option<Weekday>,
    day: u32,
    month: u32,
    year: Option<i32>,
) -> Option<DateExpr> {
    match (day_expr(day, month, year)?, weekday) {
        (DateExpr::DayMonth { day, month }, Some(weekday)) => Some(DateExpr::WeekdayDayMonth {
            weekday,
            day,
            month,
        }),
        (expr, _) => Some(expr),
    }
}

/// A day without a year placed before publication ("le 12 mars dernier", `Some(false)`) or
/// after it ("le 1er janvier prochain", `Some(true)`); other expressions as they are.
fn placed(expr: DateExpr, after: Option<bool>) -> DateExpr {
    match (expr, after) {
        (
            DateExpr::DayMonth { day, month } | DateExpr::WeekdayDayMonth { day, month, .. },
            Some(after),
        ) => DateExpr::DayMonthPlaced { day, month, after },
        (expr, _) => expr,
    }
}

/// A day and month (and year when written), or `None` when no such day exists.
fn day_expr(day: u32, month: u32, year: Option<i32>) -> Option<DateExpr> {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(DateExpr::Full),
        None if (1..=12).contains(&month) && (1..=max_day(month)).contains(&day) => {
            Some(DateExpr::DayMonth { day, month })
        }
        None => None,
    }
}

/// Whether a day number ("31", "1er", "2nd", "premier") ends just before `start`: a month name
/// there belongs to a day date, even an impossible one ("31 février 2024" is no month).
fn follows_day_number(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    // Only the last few characters matter; lowercasing all the text before would be quadratic.
    let tail = before
        .char_indices()
        .rev()
        .nth(7)
        .map_or(before, |(i, _)| before.get(i..).unwrap_or(""));
    let before = tail.to_lowercase();
    let number = ["er", "st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| before.strip_suffix(suffix))
        .unwrap_or(&before);
    number.ends_with(|c: char| c.is_ascii_digit()) || before.ends_with("premier")
}

/// A year as written in a date: four ASCII digits.
fn parse_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// A year of a numeric date: four digits, or two ("05/05/89"), read as 2000-2039 below 40
/// and 1940-1999 from 40.
fn parse_numeric_year(s: &str) -> Option<i32> {
    match s.len() {
        2 if s.bytes().all(|b| b.is_ascii_digit()) => {
            let yy: i32 = s.parse().ok()?;
            Some(if yy < 40 { 2000 + yy } else { 1900 + yy })
        }
        _ => parse_year(s),
    }
}

/// A numeric date written day first (`day_first`) or month first; when that reading is no day
/// and the other is ("02/22/2016" in French, "22/04" in English), the other. Without a year
/// the day recurs every year.
fn numeric_date(a: &str, b: &str, year: Option<&str>, day_first: bool) -> Option<DateExpr> {
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let year = match year {
        Some(y) => Some(parse_numeric_year(y)?),
        None => None,
    };
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    day_expr(day, month, year).or_else(|| day_expr(month, day, year))
}

/// Whether nothing but a clause's end follows `end`: the end of the text or punctuation. A bare
/// number ("le 27") is a day only there, not before a noun ("le 27 soldats").
fn ends_clause(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    let mut chars = rest.chars();
    let ends = chars.next().is_none_or(|c| ".,;:!?)»\"”-–—".contains(c));
    // "01.02.03" and "1,5" go on as numbers.
    ends && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether the text after `end` begins with one of `words` (lowercase; a word that ends in a
/// letter must end there): "le premier dimanche de l'Avent" goes on with "de".
fn followed_by(text: &str, end: usize, words: &[&str]) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    let head: String = rest.chars().take(12).collect::<String>().to_lowercase();
    words.iter().any(|w| {
        head.strip_prefix(w).is_some_and(|after| {
            !w.ends_with(char::is_alphabetic) || !after.starts_with(char::is_alphabetic)
        })
    })
}

/// An ordinal weekday standing alone ("le deuxième dimanche", "the second Sunday"): of the
/// publication's month, unless words after it attach it to something else (`attached`).
fn nth_weekday_alone(
    text: &str,
    c: &regex::Captures,
    ordinals: &[(&str, u32)],
    weekdays: &[(&str, Weekday)],
    attached: &[&str],
) -> Option<DateExpr> {
    if followed_by(text, c.get(0)?.end(), attached) {
        return None;
    }
    Some(DateExpr::NthWeekday {
        nth: lookup(ordinals, c.name("nth")?.as_str())?,
        weekday: lookup(weekdays, c.name("wd")?.as_str())?,
        month: MonthRef::FromPublication(0),
    })
}

/// Whether a currency sign ends just before `start`: "$12 December" is an amount.
fn amount_precedes(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    before.ends_with(['$', '€', '£', '¥'])
}

/// Numeric dates with a month name among the figures, as forms and files write them:
/// "2019-sep-1", "23/Sep/2020", "05-Aug-2016", "Sep-23-2020", "September-2020-23",
/// "2020/23/Sep", "23-2020-September" (the groups of each form end in its number).
const MIXED: &str = r"(?i)\b(?:(?P<y1>[0-9]{4})[-/](?P<m1>MONTH)\.?[-/](?P<d1>[0-9]{1,2})|(?P<d2>[0-9]{1,2})[-/](?P<m2>MONTH)\.?[-/](?P<y2>[0-9]{4})|(?P<m3>MONTH)\.?-(?P<d3>[0-9]{1,2})-(?P<y3>[0-9]{4})|(?P<m4>MONTH)-(?P<y4>[0-9]{4})-(?P<d4>[0-9]{1,2})|(?P<y5>[0-9]{4})/(?P<d5>[0-9]{1,2})/(?P<m5>MONTH)|(?P<d6>[0-9]{1,2})-(?P<y6>[0-9]{4})-(?P<m6>MONTH))\b";

/// Reads a match of [`MIXED`], the language's `month` reading the month name.
fn read_mixed(c: &regex::Captures, month: impl Fn(&str) -> Option<u32>) -> Option<DateExpr> {
    let form = (1..=6).find(|i| c.name(&format!("m{i}")).is_some())?;
    let part = |g: &str| c.name(&format!("{g}{form}")).map(|m| m.as_str());
    day_expr(
        part("d")?.parse().ok()?,
        month(part("m")?)?,
        Some(parse_year(part("y")?)?),
    )
}

/// Whether a number ends just before `start` (across blanks): "1 250 12 2020" is no date.
fn number_precedes(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    before.ends_with(|c: char| c.is_ascii_digit())
}

/// Numeric dates written year first, ISO 8601's ("2025-04-03", "20161016") and others
/// ("2015/08/12", "2015.5.13", "2018-7-6", "2016 10 16"), the same in every language.
fn year_first_dates(text: &str) -> Vec<DateMatch> {
    static YMD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        grammar(
            r"\b(?P<y>[0-9]{4})(?P<s1>[/.\- ]?)(?P<m>[0-9]{1,2})(?P<s2>[/.\- ]?)(?P<d>[0-9]{1,2})\b",
            "",
            "",
        )
    });
    YMD.captures_iter(text)
        .filter_map(|c| {
            let (whole, s1) = (c.get(0)?, c.name("s1")?.as_str());
            // Written together ("20161016") the month and the day have two digits each.
            let glued = s1.is_empty() && (c.name("m")?.len() != 2 || c.name("d")?.len() != 2);
            if s1 != c.name("s2")?.as_str()
                || glued
                || number_continues(text, whole.end())
                || number_precedes(text, whole.start())
            {
                return None;
            }
            let expr = day_expr(
                c.name("d")?.as_str().parse().ok()?,
                c.name("m")?.as_str().parse().ok()?,
                Some(parse_year(c.name("y")?.as_str())?),
            )?;
            Some(DateMatch {
                start: whole.start(),
                end: whole.end(),
                expr,
            })
        })
        .collect()
}

/// Whether a year alone is plausible for news: counts and amounts of four digits are not years.
fn plausible_year(year: i32) -> bool {
    (1900..=2099).contains(&year)
}

/// Whether the number that ends at `end` continues as a larger number or a quantity
/// ("2000 000", "2019,5", "2020 %"), so it is no year.
fn number_continues(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || c == '%' => true,
        Some(',' | '.') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) if c.is_whitespace() => {
            let after = rest.trim_start();
            after.starts_with(|c: char| c.is_ascii_digit() || c == '%')
        }
        _ => false,
    }
}

/// What may end the text before a sentence, or open a quotation, a heading or a parenthesis.
const SENTENCE_OPENERS: &[char] = &[
    '.', '!', '?', ':', ';', '"', '“', '”', '«', '»', '(', '—', '–', '-', '|',
];

/// Whether a capitalised word at `start` begins a sentence (else it is likely part of a name,
/// as "Today" in a newspaper's title).
fn sentence_initial(text: &str, start: usize) -> bool {
    match text.get(..start).unwrap_or("").trim_end().chars().last() {
        None => true,
        Some(c) => SENTENCE_OPENERS.contains(&c),
    }
}

/// Whether the word at `start` is a capitalised relative word inside a sentence.
fn capitalised_inside_sentence(text: &str, start: usize) -> bool {
    let upper = text
        .get(start..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase);
    upper && !sentence_initial(text, start)
}

/// Builds a regex alternation from a word table, longest first so that "septembre" wins over
/// "sept.". An entry begins and ends at a word boundary where it begins or ends with an ASCII
/// letter (see [`grammar`]).
fn alternation<T>(table: &[(&str, T)]) -> String {
    let mut words: Vec<&str> = table.iter().map(|(w, _)| *w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| {
            let start = if w.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            let end = if w.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            format!("{start}{}{end}", regex::escape(w))
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Compiles one of the grammar's patterns, after putting the language's month and weekday
/// alternations in place of `MONTH` and `WEEKDAY`. Word boundaries `\b` are made ASCII ones:
/// Unicode boundaries send the regex engine to its slow matcher on any non-ASCII text, twenty
/// times slower on French news. So the patterns put no `\b` next to a non-ASCII letter ("là").
fn grammar(pattern: &str, months: &str, weekdays: &str) -> regex::Regex {
    let pattern = pattern
        .replace("MONTH", months)
        .replace("WEEKDAY", weekdays)
        .replace(r"\b", r"(?-u:\b)");
    // The patterns are constants of this module, exercised by its tests.
    regex::Regex::new(&pattern).expect("valid date pattern")
}

/// Where the word just before `start` begins, if one precedes it across blanks only (letters
/// only: in "jusqu'à" that word is "à").
fn previous_word_start(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start).unwrap_or("").trim_end();
    before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)
}

/// The word just before `start`, or "" (see [`previous_word_start`]).
fn previous_word(text: &str, start: usize) -> &str {
    let before = text.get(..start).unwrap_or("").trim_end();
    previous_word_start(text, start)
        .and_then(|i| before.get(i..))
        .unwrap_or("")
}

/// Looks a word up in a table, ignoring case.
fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let lower = word.to_lowercase();
    table.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v)
}

/// A day number as written: "3", "03", "1er", "1st", "premier".
fn parse_day(s: &str) -> Option<u32> {
    let lower = s.to_lowercase();
    if lower == "premier" {
        return Some(1);
    }
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn wd(weekday: Weekday, strictly_before: bool, next: bool) -> DateExpr {
        DateExpr::Weekday {
            weekday,
            strictly_before,
            next,
        }
    }

    #[test]
    fn resolution_table() {
        // 2024-05-16 is a Thursday.
        let pubd = Some(d(2024, 5, 16));
        let cases: &[(DateExpr, Option<NaiveDate>, Option<NaiveDate>)] = &[
            (DateExpr::Full(d(2020, 2, 29)), None, Some(d(2020, 2, 29))),
            (wd(Weekday::Thu, false, false), pubd, pubd),
            (wd(Weekday::Thu, true, false), pubd, Some(d(2024, 5, 9))),
            (wd(Weekday::Thu, false, true), pubd, Some(d(2024, 5, 23))),
            (wd(Weekday::Tue, false, false), pubd, Some(d(2024, 5, 14))),
            (wd(Weekday::Tue, true, false), pubd, Some(d(2024, 5, 14))),
            (wd(Weekday::Fri, false, false), pubd, Some(d(2024, 5, 10))),
            (wd(Weekday::Fri, false, true), pubd, Some(d(2024, 5, 17))),
            (wd(Weekday::Mon, false, true), pubd, Some(d(2024, 5, 20))),
            (wd(Weekday::Thu, false, false), None, None),
            (
                DateExpr::DaysFromPublication(-1),
                pubd,
                Some(d(2024, 5, 15)),
            ),
            (
                DateExpr::DaysFromPublication(-2),
                pubd,
                Some(d(2024, 5, 14)),
            ),
            (DateExpr::DaysFromPublication(0), pubd, pubd),
            (DateExpr::DaysFromPublication(1), pubd, Some(d(2024, 5, 17))),
            (DateExpr::DaysFromPublication(i64::MAX), pubd, None),
            (DateExpr::DaysFromPublication(-1), None, None),
            (
                DateExpr::DayMonth { day: 20, month: 5 },
                pubd,
                Some(d(2024, 5, 20)),
            ),
            (
                DateExpr::DayMonth { day: 30, month: 5 },
                pubd,
                Some(d(2024, 5, 30)),
            ),
            (
                DateExpr::DayMonth { day: 31, month: 5 },
                pubd,
                Some(d(2023, 5, 31)),
            ),
            (
                DateExpr::DayMonth { day: 2, month: 1 },
                pubd,
                Some(d(2024, 1, 2)),
            ),
            (DateExpr::DayMonth { day: 20, month: 5 }, None, None),
            (
                DateExpr::MonthYear {
                    month: 9,
                    year: 2022,
                },
                pubd,
                None,
            ),
            (DateExpr::Month(5), pubd, None),
            (DateExpr::Year(2022), pubd, None),
            (DateExpr::LastWeek, pubd, None),
            (DateExpr::ThisWeek, pubd, None),
            (DateExpr::EarlierThisMonth, pubd, None),
            (DateExpr::MonthFromPublication(-1), pubd, None),
            (DateExpr::YearFromPublication(1), pubd, None),
        ];
        for (expr, published, want) in cases {
            assert_eq!(
                expr.resolve(*published, None),
                *want,
                "{expr:?} at {published:?}"
            );
        }
    }

    #[test]
    fn resolution_of_days_counted_and_placed() {
        // 2024-05-16 is a Thursday.
        let pubd = Some(d(2024, 5, 16));
        let easter = HolidayRule::Easter(0);
        let cases: &[(DateExpr, Option<NaiveDate>)] = &[
            // The 27th is still to come this month, the 31st is last March's (no 31 April).
            (
                DateExpr::DayOfMonth {
                    day: 27,
                    month_offset: None,
                },
                Some(d(2024, 5, 27)),
            ),
            (
                DateExpr::DayOfMonth {
                    day: 31,
                    month_offset: None,
                },
                Some(d(2024, 3, 31)),
            ),
            (
                DateExpr::DayOfMonth {
                    day: 20,
                    month_offset: Some(1),
                },
                Some(d(2024, 6, 20)),
            ),
            (
                DateExpr::DayOfMonth {
                    day: 31,
                    month_offset: Some(1),
                },
                None,
            ),
            (
                DateExpr::WeekdayDay {
                    weekday: Weekday::Fri,
                    day: 17,
                },
                Some(d(2024, 5, 17)),
            ),
            (
                DateExpr::WeekdayDay {
                    weekday: Weekday::Mon,
                    day: 22,
                },
                Some(d(2024, 4, 22)),
            ),
            (
                DateExpr::WeekdayOfWeek {
                    weekday: Weekday::Mon,
                    weeks: 0,
                },
                Some(d(2024, 5, 13)),
            ),
            (
                DateExpr::WeekdayOfWeek {
                    weekday: Weekday::Fri,
                    weeks: -1,
                },
                Some(d(2024, 5, 10)),
            ),
            (
                DateExpr::WeekdayOfWeek {
                    weekday: Weekday::Tue,
                    weeks: 1,
                },
                Some(d(2024, 5, 21)),
            ),
            (
                DateExpr::FromPrevious { months: 0, days: 1 },
                Some(d(2024, 5, 17)),
            ),
            (
                DateExpr::Shift {
                    months: 0,
                    days: -2,
                },
                Some(d(2024, 5, 14)),
            ),
            // A time in months is no day for the events; its start is publication's day moved.
            (
                DateExpr::Shift {
                    months: -24,
                    days: 0,
                },
                None,
            ),
            (
                DateExpr::NthWeekday {
                    nth: 1,
                    weekday: Weekday::Fri,
                    month: MonthRef::Named(7),
                },
                Some(d(2024, 7, 5)),
            ),
            (
                DateExpr::NthWeekday {
                    nth: 5,
                    weekday: Weekday::Mon,
                    month: MonthRef::FromPublication(0),
                },
                None,
            ),
            (
                DateExpr::Offset {
                    base: Box::new(DateExpr::DayMonth { day: 12, month: 1 }),
                    months: 0,
                    days: 3,
                },
                Some(d(2024, 1, 15)),
            ),
            (
                DateExpr::Holiday {
                    rule: easter,
                    when: HolidayYear::Nearest,
                },
                Some(d(2024, 3, 31)),
            ),
            (
                DateExpr::Holiday {
                    rule: easter,
                    when: HolidayYear::Before,
                },
                Some(d(2024, 3, 31)),
            ),
            (
                DateExpr::Holiday {
                    rule: easter,
                    when: HolidayYear::After,
                },
                Some(d(2025, 4, 20)),
            ),
            (
                DateExpr::Holiday {
                    rule: easter,
                    when: HolidayYear::Written(2018),
                },
                Some(d(2018, 4, 1)),
            ),
        ];
        for (expr, want) in cases {
            assert_eq!(expr.resolve(pubd, None), *want, "{expr:?}");
        }
        let two_years = DateExpr::Shift {
            months: -24,
            days: 0,
        };
        assert_eq!(two_years.resolve_start(pubd, None), Some(d(2022, 5, 16)));
        let placed = |day, month, after| DateExpr::DayMonthPlaced { day, month, after };
        assert_eq!(placed(1, 1, true).resolve(pubd, None), Some(d(2025, 1, 1)));
        assert_eq!(
            placed(20, 5, false).resolve(pubd, None),
            Some(d(2023, 5, 20))
        );
        assert_eq!(
            placed(12, 3, false).resolve(pubd, None),
            Some(d(2024, 3, 12))
        );
        assert_eq!(
            placed(29, 2, true).resolve(pubd, None),
            Some(d(2028, 2, 29))
        );
        let month_before = DateExpr::MonthFromPublication(-5);
        assert_eq!(month_before.resolve_start(pubd, None), Some(d(2023, 12, 1)));
        let next_year = DateExpr::YearFromPublication(1);
        assert_eq!(next_year.resolve_start(pubd, None), Some(d(2025, 1, 1)));
        assert_eq!(next_year.resolve_start(None, None), None);
        let next_day = DateExpr::FromPrevious { months: 0, days: 1 };
        assert_eq!(
            next_day.resolve(pubd, Some(d(2024, 2, 28))),
            Some(d(2024, 2, 29))
        );
    }

    /// A time counted from a day, a holiday or a weekday without a year counts from its
    /// occurrence nearest publication, before or after it.
    #[test]
    fn offsets_count_from_the_nearest_occurrence() {
        // 2016-11-07 is a Monday.
        let pubd = Some(d(2016, 11, 7));
        let offset = |base: DateExpr, days: i64| DateExpr::Offset {
            base: Box::new(base),
            months: 0,
            days,
        };
        let christmas = DateExpr::Holiday {
            rule: HolidayRule::Fixed { month: 12, day: 25 },
            when: HolidayYear::Nearest,
        };
        let cases = [
            (
                offset(DateExpr::DayMonth { day: 12, month: 1 }, 3),
                d(2017, 1, 15),
            ),
            (
                offset(DateExpr::DayMonth { day: 12, month: 6 }, 3),
                d(2016, 6, 15),
            ),
            (offset(christmas, -14), d(2016, 12, 11)),
            (offset(wd(Weekday::Tue, false, false), 3), d(2016, 11, 11)),
            (offset(wd(Weekday::Fri, false, false), 3), d(2016, 11, 7)),
        ];
        for (expr, want) in cases {
            assert_eq!(expr.resolve(pubd, None), Some(want), "{expr:?}");
        }
        // A weekday given with its day keeps its year when it fits, else the year next to it.
        let tuesday_9_may = DateExpr::WeekdayDayMonth {
            weekday: Weekday::Tue,
            day: 9,
            month: 5,
        };
        assert_eq!(tuesday_9_may.resolve(pubd, None), Some(d(2017, 5, 9)));
        assert_eq!(
            tuesday_9_may.resolve(None, None),
            None,
            "no publication date, no year"
        );
    }

    /// Each expression with its granularity and first day; "the same day" follows the day
    /// resolved before it; weeks are left out.
    #[test]
    fn resolved_in_text() {
        let text = "Signed in May 2021, the pact took effect in 2022. On Monday the envoy \
                    arrived; the same day he met the mayor. Last week, talks stalled.";
        let found = resolve_dates(text, Lang::En, Some(d(2024, 5, 16)));
        let got: Vec<_> = found
            .iter()
            .map(|r| (&text[r.start..r.end], r.date, r.granularity))
            .collect();
        assert_eq!(
            got,
            vec![
                ("in May 2021", Some(d(2021, 5, 1)), Granularity::Month),
                ("in 2022", Some(d(2022, 1, 1)), Granularity::Year),
                ("On Monday", Some(d(2024, 5, 13)), Granularity::Day),
                ("the same day", Some(d(2024, 5, 13)), Granularity::Day),
            ]
        );
    }

    /// Without a publication date, a day without a year takes the year of the nearest full
    /// date of the text; what counts from publication stays unresolved.
    #[test]
    fn year_from_the_text_without_publication() {
        let text = "Le 28 décembre, les troupes sont parties. L'accord du 3 janvier 2024 \
                    a suivi, puis une réunion le 27 mai et une autre jeudi, et hier un vote.";
        let found = resolve_dates(text, Lang::Fr, None);
        let got: Vec<_> = found
            .iter()
            .map(|r| (&text[r.start..r.end], r.date))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Le 28 décembre", Some(d(2023, 12, 28))),
                ("du 3 janvier 2024", Some(d(2024, 1, 3))),
                ("le 27 mai", Some(d(2024, 5, 27))),
                ("jeudi", None),
                ("hier", None),
            ]
        );
        assert!(resolve_dates("le 27 mai", Lang::Fr, None)[0].date.is_none());
    }

    #[test]
    fn day_month_year_rollover() {
        let cases = [
            // Published early January: late December is last year's.
            (d(2024, 1, 3), 28, 12, Some(d(2023, 12, 28))),
            // Published late December: early January within the tolerance is next year's.
            (d(2024, 12, 25), 3, 1, Some(d(2025, 1, 3))),
            (d(2024, 12, 25), 20, 1, Some(d(2024, 1, 20))),
            // 29 February: the latest leap day up to the tolerance.
            (d(2024, 3, 10), 29, 2, Some(d(2024, 2, 29))),
            (d(2026, 3, 10), 29, 2, Some(d(2024, 2, 29))),
        ];
        for (published, day, month, want) in cases {
            let expr = DateExpr::DayMonth { day, month };
            assert_eq!(expr.resolve(Some(published), None), want, "{day}/{month}");
        }
    }

    #[test]
    fn same_day_as_previous() {
        let prev = Some(d(2023, 11, 13));
        assert_eq!(DateExpr::SameDayAsPrevious.resolve(None, prev), prev);
        assert_eq!(
            DateExpr::SameDayAsPrevious.resolve(Some(d(2023, 11, 14)), None),
            None
        );
    }

    #[test]
    fn iso_and_overlaps() {
        let text = "Signé le 2025-04-03, publié mardi.";
        let found = find_dates(text, Lang::Und);
        let exprs: Vec<_> = found.iter().map(|m| m.expr.clone()).collect();
        assert_eq!(
            exprs,
            vec![
                DateExpr::Full(d(2025, 4, 3)),
                wd(Weekday::Tue, false, false)
            ]
        );
        assert!(find_dates("2025-02-30", Lang::En).is_empty());
    }

    #[test]
    fn year_continuation() {
        assert!(number_continues("2000 000", 4));
        assert!(number_continues("2019,5 ", 4));
        assert!(number_continues("2020 %", 4));
        assert!(!number_continues("2020, puis", 4));
        assert!(!number_continues("2020.", 4));
        assert!(!number_continues("2020", 4));
    }

    /// Any input is safe: empty, emoji, combining marks, stray digits, very long text.
    #[test]
    fn never_panics() {
        let long = "le 31 février 2024 — 99/99/9999 ".repeat(2000);
        let inputs = [
            "",
            " ",
            "🙂🙂 le 1er 🙂 mai",
            "le 2\u{301}0 mai, e\u{301}n 2022",
            "31 février, 30 février 2024, February 30, 2/30/2024, 0/0/0000",
            "le 0 mai, 00 May, 32 May",
            "mardi dernier? last Tuesday! ce jour-là; à ce jour",
            "\u{0663}\u{0664} mai \u{0662}\u{0660}\u{0662}\u{0662}",
            long.as_str(),
        ];
        for text in inputs {
            for lang in [Lang::Fr, Lang::En, Lang::Und] {
                for m in find_dates(text, lang) {
                    assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    assert!(m.start < m.end && m.end <= text.len());
                    let _ = m.expr.resolve(Some(d(2024, 1, 1)), Some(d(2023, 12, 31)));
                }
            }
        }
    }
}
