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
//! alone is the latest such day on or before publication ("ce mercredi", "this Wednesday" too:
//! the current week's day, already past in a report), and a day and month without a year is
//! taken in the year that puts it at most [`FUTURE_TOLERANCE_DAYS`] after publication (so that
//! "le 28 décembre" in an article of 3 January is the previous December, while an upcoming
//! meeting "on January 19" announced on 13 January stays in the same year).

mod en;
mod fr;

use crate::Lang;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
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
    /// "la semaine dernière", "last week".
    LastWeek,
    /// "cette semaine", "this week".
    ThisWeek,
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
    let mut found = iso_dates(text);
    if matches!(lang, Lang::Fr | Lang::Und) {
        found.extend(fr::find(text));
    }
    if matches!(lang, Lang::En | Lang::Und) {
        found.extend(en::find(text));
    }
    select(found)
}

impl DateExpr {
    /// True for expressions of one day (resolvable or not), false for months, years and weeks.
    pub fn is_day(&self) -> bool {
        matches!(
            self,
            DateExpr::Full(_)
                | DateExpr::DayMonth { .. }
                | DateExpr::Weekday { .. }
                | DateExpr::DaysFromPublication(_)
                | DateExpr::SameDayAsPrevious
        )
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
        match *self {
            DateExpr::Full(date) => Some(date),
            DateExpr::DayMonth { day, month } => resolve_day_month(day, month, published?),
            DateExpr::Weekday {
                weekday,
                strictly_before,
                next,
            } => resolve_weekday(weekday, strictly_before, next, published?),
            DateExpr::DaysFromPublication(days) => {
                published?.checked_add_signed(Duration::try_days(days)?)
            }
            DateExpr::SameDayAsPrevious => previous,
            DateExpr::MonthYear { .. }
            | DateExpr::Month(_)
            | DateExpr::Year(_)
            | DateExpr::EarlierThisMonth
            | DateExpr::LastWeek
            | DateExpr::ThisWeek => None,
        }
    }

    /// Rank of precision, lower is more precise.
    fn vagueness(&self) -> u8 {
        match self {
            DateExpr::Full(_) => 0,
            DateExpr::DayMonth { .. } => 1,
            DateExpr::SameDayAsPrevious
            | DateExpr::DaysFromPublication(_)
            | DateExpr::Weekday { .. } => 2,
            DateExpr::MonthYear { .. } => 3,
            DateExpr::EarlierThisMonth | DateExpr::LastWeek | DateExpr::ThisWeek => 4,
            DateExpr::Month(_) => 5,
            DateExpr::Year(_) => 6,
        }
    }
}

/// The latest of last year's, this year's and next year's occurrence that is at most
/// [`FUTURE_TOLERANCE_DAYS`] after publication. 29 February resolves only to a leap year among
/// those three, else to nothing.
fn resolve_day_month(day: u32, month: u32, published: NaiveDate) -> Option<NaiveDate> {
    let limit = published.checked_add_signed(Duration::days(FUTURE_TOLERANCE_DAYS))?;
    let year = published.year();
    [year + 1, year, year - 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|date| *date <= limit)
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

/// ISO 8601 dates ("2025-04-03") are the same in every language.
fn iso_dates(text: &str) -> Vec<DateMatch> {
    static ISO: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| grammar(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b", "", ""));
    ISO.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let year = parse_year(c.get(1)?.as_str())?;
            let month = c.get(2)?.as_str().parse().ok()?;
            let day = c.get(3)?.as_str().parse().ok()?;
            Some(DateMatch {
                start: whole.start(),
                end: whole.end(),
                expr: day_expr(day, month, Some(year))?,
            })
        })
        .collect()
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
    fn day_month_year_rollover() {
        let cases = [
            // Published early January: late December is last year's.
            (d(2024, 1, 3), 28, 12, Some(d(2023, 12, 28))),
            // Published late December: early January within the tolerance is next year's.
            (d(2024, 12, 25), 3, 1, Some(d(2025, 1, 3))),
            (d(2024, 12, 25), 20, 1, Some(d(2024, 1, 20))),
            // 29 February: the nearest leap year among the candidates, else nothing.
            (d(2024, 3, 10), 29, 2, Some(d(2024, 2, 29))),
            (d(2026, 3, 10), 29, 2, None),
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
