//! English date grammar. English capitalises month and weekday names, which tells "May" the
//! month from "may" the verb and "March" from "march"; numeric dates are month/day/year.

use super::{
    alternation, amount_precedes, capitalised_inside_sentence, day_expr, day_with_weekday,
    ends_clause, follows_day_number, grammar, holiday_alternation, holidays, key, lookup, max_day,
    nth_weekday_alone, number_continues, numeric_date, parse_day, parse_year, placed,
    plain_weekday, previous_word_start, read_amounts, read_holiday, read_mixed, read_period,
    read_year, AmountWords, DateExpr, DateMatch, Grammar, HolidayRule, MonthRef, Reader, Relation,
    MIXED,
};
use chrono::Weekday;
use regex::{Captures, Match};
use std::sync::LazyLock;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan.", 1),
    ("jan", 1),
    ("february", 2),
    ("feb.", 2),
    ("feb", 2),
    ("march", 3),
    ("mar.", 3),
    ("mar", 3),
    ("april", 4),
    ("apr.", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun.", 6),
    ("jun", 6),
    ("july", 7),
    ("jul.", 7),
    ("jul", 7),
    ("august", 8),
    ("aug.", 8),
    ("aug", 8),
    ("september", 9),
    ("sept.", 9),
    ("sept", 9),
    ("sep.", 9),
    ("sep", 9),
    ("october", 10),
    ("oct.", 10),
    ("oct", 10),
    ("november", 11),
    ("nov.", 11),
    ("nov", 11),
    ("december", 12),
    ("dec.", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Days counted from publication; the part of the day ("yesterday evening") does not change it.
const RELATIVE: &[(&str, i64)] = &[
    ("the day before yesterday", -2),
    ("yesterday", -1),
    ("last night", -1),
    ("today", 0),
    ("tonight", 0),
    ("this morning", 0),
    ("this afternoon", 0),
    ("this evening", 0),
    ("tomorrow", 1),
    ("tmrw", 1),
    ("the day after tomorrow", 2),
    ("the day after tmrw", 2),
];

/// Month names that are also common lowercase words: they are months only with a capital.
const LOWERCASE_WORDS: &[&str] = &["may", "march", "mar", "mar."];

/// Weekday abbreviations, read only before a day ("Mon 13th", "Tue May 9").
const WEEKDAY_ABBREVIATIONS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// Day numbers and counts in words, ordinal or cardinal, looked up with hyphens as spaces
/// ("twenty-first"); "one" and "a" count ("a month ago") but name no day.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty first", 21),
    ("twenty second", 22),
    ("twenty third", 23),
    ("twenty fourth", 24),
    ("twenty fifth", 25),
    ("twenty sixth", 26),
    ("twenty seventh", 27),
    ("twenty eighth", 28),
    ("twenty ninth", 29),
    ("thirtieth", 30),
    ("thirty first", 31),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("twenty one", 21),
    ("twenty two", 22),
    ("twenty three", 23),
    ("twenty four", 24),
    ("twenty five", 25),
    ("twenty six", 26),
    ("twenty seven", 27),
    ("twenty eight", 28),
    ("twenty nine", 29),
    ("thirty", 30),
    ("thirty one", 31),
];

/// Cardinals below a hundred that years in words are made of ("nineteen", "seventy", "eight").
const CARDINALS: &[(&str, i32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// A year in words right after a day and month, up to a clause's end: its length in bytes
/// and the year ("nineteen seventy-eight", "two thousand and ten", "seventeen hundred").
pub(super) fn year_after(after: &str) -> Option<(usize, i32)> {
    static YEAR: LazyLock<regex::Regex> = LazyLock::new(|| {
        let word = format!("(?:{})", alternation(CARDINALS));
        let p = format!(
            r"(?i)^(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<y>(?:two[-\s]+thousand|{word}(?:[-\s]+hundred)?)(?:[-\s]+(?:and|oh|zero|{word}))*)\b"
        );
        grammar(&p, "", "")
    });
    let c = YEAR.captures(after)?;
    let whole = c.get(0)?;
    if !ends_clause(after, whole.end()) {
        return None;
    }
    Some((whole.end(), spelled_year(c.name("y")?.as_str())?))
}

/// Reads a year in words: "two thousand [and] N", or a century ("nineteen", "seventeen
/// hundred") then "oh"/"zero" and a unit, or a number from ten to ninety-nine.
fn spelled_year(words: &str) -> Option<i32> {
    let lower = words.to_lowercase().replace('-', " ");
    let t: Vec<&str> = lower.split_whitespace().filter(|w| *w != "and").collect();
    if t.starts_with(&["two", "thousand"]) {
        return Some(2000 + below_hundred(&t[2..])?.unwrap_or(0));
    }
    let century = lookup(CARDINALS, t.first()?).filter(|c| (10..=20).contains(c))?;
    let (hundred, rest) = match t.get(1) {
        Some(&"hundred") => (true, &t[2..]),
        _ => (false, &t[1..]),
    };
    let (oh, rest) = match rest.first() {
        Some(&("oh" | "zero")) => (true, &rest[1..]),
        _ => (false, rest),
    };
    let within = match below_hundred(rest)? {
        None if hundred && !oh => 0,
        Some(n) if n < 10 && (oh || hundred) => n,
        Some(n) if n >= 10 && !oh => n,
        _ => return None,
    };
    Some(century * 100 + within)
}

/// A number below a hundred in words ("eight", "seventy eight"), `Some(None)` for no words.
fn below_hundred(words: &[&str]) -> Option<Option<i32>> {
    match words {
        [] => Some(None),
        [one] => lookup(CARDINALS, one).map(Some),
        [tens, unit] => {
            let tens = lookup(CARDINALS, tens).filter(|t| *t >= 20 && t % 10 == 0)?;
            let unit = lookup(CARDINALS, unit).filter(|u| *u < 10)?;
            Some(Some(tens + unit))
        }
        _ => None,
    }
}

/// Words before a weekday that place it: before publication, after it.
const WEEKDAY_MODIFIERS: &[(&str, Relation)] = &[
    ("last", Relation::PreviousWeek),
    ("previous", Relation::PreviousWeek),
    ("this past", Relation::Before),
    ("past", Relation::Before),
    ("next", Relation::NextWeek),
    ("following", Relation::NextWeek),
    ("this coming", Relation::After),
    ("coming", Relation::After),
    ("this upcoming", Relation::After),
    ("upcoming", Relation::After),
];

/// Words that place a week or a month from publication's: -1, 0, +1.
const RELATIVE_PERIOD: &[(&str, i64)] = &[
    ("last", -1),
    ("previous", -1),
    ("this", 0),
    ("next", 1),
    ("following", 1),
    ("the following", 1),
];

/// Units of a time counted in months and days ("two years ago").
const UNITS: &[(&str, (i64, i64))] = &[
    ("day", (0, 1)),
    ("days", (0, 1)),
    ("week", (0, 7)),
    ("weeks", (0, 7)),
    ("fortnight", (0, 14)),
    ("fortnights", (0, 14)),
    ("month", (1, 0)),
    ("months", (1, 0)),
    ("year", (12, 0)),
    ("years", (12, 0)),
];

/// Counts: figures, "a", "an", "one" and the number words.
fn count(word: &str) -> Option<u32> {
    match word {
        "a" | "an" | "one" => Some(1),
        "few" | "a few" => Some(3),
        _ => word.parse().ok().or_else(|| lookup(NUMBER_WORDS, word)),
    }
}

const AMOUNT_WORDS: AmountWords = AmountWords {
    number: count,
    units: UNITS,
    joiners: &["and"],
};

/// Ordinals of a weekday in its month ("the first Friday of July").
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("1st", 1),
    ("second", 2),
    ("2nd", 2),
    ("third", 3),
    ("3rd", 3),
    ("fourth", 4),
    ("4th", 4),
    ("fifth", 5),
    ("5th", 5),
];

/// One amount with its unit, then more joined to it: "2 years 1 month and 21 days" (not after
/// a comma: in "in 3 weeks, two years after", the second is another time).
const AMOUNT: &str = r"\b(?:(?:a\s+)?few|[0-9]{1,3}|an?|one|DAYWORD)\s+(?:days?|weeks?|fortnights?|months?|years?)\b(?:(?:\s+and\s+|\s+)(?:[0-9]{1,3}|an?|one|DAYWORD)\s+(?:days?|weeks?|fortnights?|months?|years?)\b)*";

/// "3 days after", "2 weeks before", "16 days from": a time counted from the date that follows,
/// at the end of `before`: where it starts and its months and days. A date that begins with its
/// own "from" ("2 weeks from January 15") lends it to the time before it.
pub(super) fn offset_before(before: &str, date: &str) -> Option<(usize, (i64, i64))> {
    static BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
        let n = format!("(?:{})", alternation(NUMBER_WORDS).replace(' ', r"[-\s]+"));
        let p = format!(r"(?i)(?P<amt>{AMOUNT})\s+(?P<rel>from|after|before)\s*$");
        grammar(&p.replace("DAYWORD", &n), "", "")
    });
    let joined;
    let before = match date.get(..5).filter(|w| w.eq_ignore_ascii_case("from ")) {
        Some(from) => {
            joined = format!("{before}{from}");
            joined.as_str()
        }
        None => before,
    };
    let c = BEFORE.captures(before)?;
    let sign = if c.name("rel")?.as_str().eq_ignore_ascii_case("before") {
        -1
    } else {
        1
    };
    Some((
        c.get(0)?.start(),
        read_amounts(c.name("amt")?.as_str(), &AMOUNT_WORDS, sign)?,
    ))
}

static HOLIDAYS: LazyLock<Vec<(String, HolidayRule)>> =
    LazyLock::new(|| holidays::load(include_str!("../../data/holidays/en.toml")));

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let m = format!("(?:{})", alternation(MONTHS));
    let w = format!("(?:{})", alternation(WEEKDAYS));
    let a = format!("(?:{})", alternation(WEEKDAY_ABBREVIATIONS));
    let n = format!("(?:{})", alternation(NUMBER_WORDS).replace(' ', r"[-\s]+"));
    let h = holiday_alternation(&HOLIDAYS);
    let glued = glued_months();
    let g = |p: &str| {
        let p = p
            .replace("DAYWORD", &n)
            .replace("WDABBR", &a)
            .replace("MGLUE", &glued);
        grammar(&p.replace("HOLIDAY", &h), &m, &w)
    };
    let mut rules = calendar_rules(&g);
    rules.extend(relative_rules(&g));
    Grammar::new(rules)
});

/// Words that place a week or a month, as a regex (read by [`RELATIVE_PERIOD`]).
const PERIOD_WORDS: &str = r"last|previous|this|next|the\s+following|following";

/// Rules for dates written with a month, a number or a holiday.
fn calendar_rules(g: &dyn Fn(&str) -> regex::Regex) -> Vec<(regex::Regex, Reader)> {
    let rel = PERIOD_WORDS;
    vec![
        // "Christmas", "Easter 2018", "last Easter", "Earth Day of this year"
        (
            g(&format!(
                r"(?i)(?:\b(?P<rel>{rel})\s+)?(?P<h>HOLIDAY)(?:\s+(?:of\s+|in\s+)?(?P<y>[0-9]{{4}})\b|\s+of\s+(?P<this>this)\s+year\b)?"
            )),
            |text, c| read_holiday(text, c, &HOLIDAYS, |r| lookup(RELATIVE_PERIOD, &key(r))),
        ),
        // "Oct-2", "Oct/2", "Oct2", "Dec31 , 1994", "May twenty-first", "Jan first"
        (
            g(
                r"(?i)\b(?:(?:on|by|since|until|till|from)\s+)?(?:(?P<mon>MONTH)(?P<sep>\s*[-/]\s*|)(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>[0-9]{4})\b)?|(?P<mon2>MONTH)\s+(?:the\s+)?(?P<w1>DAYWORD)\b(?:,?\s+(?P<y2>[0-9]{4})\b)?)",
            ),
            month_day,
        ),
        // "the second of Aug", "twenty second of June 2017", "the tenth of September"
        (
            g(
                r"(?i)\b(?:(?:on|by|since|until)\s+)?(?:the\s+)?(?P<w1>DAYWORD)\s+(?:(?:day\s+)?of\s+)?(?P<mon>MONTH)(?:,?\s+(?:of\s+)?(?P<y>[0-9]{4})\b)?",
            ),
            word_day_month,
        ),
        // "on 3/7/2017", "9-18-15", "on 4/22", "Friday 7/6", "this 5/12"
        (
            g(
                r"(?i)\b(?:(?P<pre>on|this|next)\s+)?(?:(?:WEEKDAY|WDABBR)\s+)?(?P<m>[0-9]{1,2})(?P<s1>[/.-])(?P<d>[0-9]{1,2})(?:(?P<s2>[/.-])(?P<y>[0-9]{4}|[0-9]{2})|,\s*(?P<y4>[0-9]{4}))?\b",
            ),
            numeric,
        ),
        // "the 27th", "on 15", "the twenty second", "20th of next month", "the 21st this month"
        (
            g(&format!(
                r"(?i)\b(?:the|on)\s+(?P<d>[0-9]{{1,2}}(?:st|nd|rd|th)?|DAYWORD)\b(?:\s+day)?(?:\s+of\s+(?P<rel>{rel})\s+month|\s+(?P<rel2>this)\s+month)?|\b(?P<d2>[0-9]{{1,2}}(?:st|nd|rd|th))\s+(?:day\s+)?of\s+(?P<rel3>{rel})\s+month"
            )),
            day_of_month,
        ),
        // "Thursday the 21st", "Monday 21", "Mon 13th", "Friday the twenty second"
        (
            g(
                r"(?i)\b(?P<wd>WEEKDAY|WDABBR),?\s+(?:the\s+)?(?P<d>[0-9]{1,2}(?:st|nd|rd|th)?|DAYWORD)\b",
            ),
            weekday_day,
        ),
        // "next week Sunday", "Friday next week", "Tuesday of last week", "this week Monday"
        (
            g(&format!(
                r"(?i)\b(?:(?:on\s+)?(?P<wd>WEEKDAY)\s+(?:of\s+)?(?:the\s+)?(?P<rel>{rel})\s+week|(?P<rel2>{rel})\s+week(?:\s*-\s*|\s+on\s+|\s+)(?P<wd2>WEEKDAY))\b"
            )),
            weekday_of_week,
        ),
        // "the next day", "the day after", "the day before", "the following day"
        (
            g(
                r"(?i)\b(?:(?P<next>(?:the\s+)?next\s+day|the\s+following\s+day|the\s+day\s+after)|(?P<eve>the\s+previous\s+day|the\s+day\s+before|the\s+eve))\b",
            ),
            from_previous,
        ),
        // "two years ago", "in 3 weeks", "a month ago", "two weeks from now", "a fortnight later"
        (
            g(&format!(
                r"(?i)(?:\b(?P<in>in)\s+)?(?P<amt>{AMOUNT})(?:\s+(?P<ago>ago)\b|\s+(?P<later>from\s+now|later)\b)?"
            )),
            shift,
        ),
        // "Oct2", "Dec31, 1994", "October. 2": the day against the month, or after its dot
        (
            g(
                r"(?i)\b(?P<mon>MGLUE)(?P<dot>\.\s+)?(?P<d1>[0-9]{1,2})\b(?:\s*,\s*(?P<y>[0-9]{4})\b)?",
            ),
            glued_month_day,
        ),
    ]
}

/// Rules for dates placed from publication, from a week or from another date.
fn relative_rules(g: &dyn Fn(&str) -> regex::Regex) -> Vec<(regex::Regex, Reader)> {
    let rel = PERIOD_WORDS;
    vec![
        // "2019-sep-1", "23/Sep/2020", "05-Aug-2016", "Sep-23-2020"
        (g(MIXED), |_, c| read_mixed(c, |m| lookup(MONTHS, m))),
        // "the second Sunday": of publication's month
        (
            g(
                r"(?i)\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?P<wd>WEEKDAY)\b",
            ),
            nth_weekday_of_this_month,
        ),
        // "the first Friday of July", "the second Monday of next month"
        (
            g(&format!(
                r"(?i)\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?P<wd>WEEKDAY)\s+(?:of|in)\s+(?:(?P<mon>MONTH)|(?P<rel>{rel})\s+month)\b"
            )),
            nth_weekday,
        ),
        // "3 April 2025", "on Sunday, 1 November", "the 4th of July", "19-20 May"
        (
            g(
                r"(?i)\b(?:(?P<pre>on|by|since|until|till|from|next)\s+)?(?:(?P<wd>WEEKDAY|WDABBR),?\s+)?(?:the\s+)?(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?:the\s+)?(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?)?(?:\.?\s+|-)(?:of\s+)?(?P<mon>MONTH)(?:(?:\s*,\s*|\s+|-)(?:of\s+|in\s+)?(?P<y>[0-9]{4})\b)?",
            ),
            day,
        ),
        // "April 3, 2025", "on Jan. 5", "May 19-20", "Sept. 1st"
        (
            g(
                r"(?i)\b(?:(?P<pre>on|by|since|until|till|from|next)\s+)?(?:(?P<wd>WEEKDAY|WDABBR),?\s+)?(?P<mon>MONTH)\s+(?:the\s+)?(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|and|to)\s*(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\b)?(?:(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<y>[0-9]{4})\b)?",
            ),
            day,
        ),
        // "in September 2022", "September 2013", "since September", "mid-August", "last May"
        (
            g(
                r"(?i)\b(?:(?P<cue>in|since|by|until|till|through|during|from|early|late|mid|last|next|this|earlier\s+in|later\s+in)\s+|(?P<mi>mid-))?(?P<mon>MONTH)(?:,?\s+(?:of\s+)?(?P<y>[0-9]{4})\b)?",
            ),
            month,
        ),
        // A year alone only after a word that makes it one: "in 2022", "by 2030", "mid-2021".
        (
            g(
                r"(?i)\b(?:(?:in|since|by|until|till|through|during|early|late|mid)\s+|mid-)(?P<y>[0-9]{4})\b",
            ),
            read_year,
        ),
        // "on Tuesday", "last Tuesday", "next Thursday", "Monday night"
        (
            g(
                r"(?i)\b(?:(?P<pre>on|this\s+past|this\s+coming|this\s+upcoming|this|last|next|past|previous|coming|upcoming|following|since|by|until)\s+)?(?P<wd>WEEKDAY)(?:\s+(?:morning|afternoon|evening|night)\b)?",
            ),
            weekday,
        ),
        (
            g(
                r"(?i)\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+(?:tomorrow|tmrw)|yesterday|today|tomorrow|tmrw|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b(?:\s+(?:morning|afternoon|evening|night)\b)?",
            ),
            relative,
        ),
        (
            g(
                r"(?i)\b(?:(?:later|earlier)\s+(?:that|in\s+the)\s+day|(?:on\s+)?(?:that|the)\s+same\s+day|at\s+the\s+(?:same\s+time|very\s+moment)|later\s+that\s+(?:morning|afternoon|evening|night))\b",
            ),
            |_, _| Some(DateExpr::SameDayAsPrevious),
        ),
        // "last month", "this year", "next year" (not "the next month", a time)
        (
            g(r"(?i)(?:\b(?P<the>the)\s+)?\b(?P<rel>last|this|next)\s+(?P<unit>month|year)\b"),
            month_or_year_from_publication,
        ),
        (
            g(
                r"(?i)\b(?:(?P<last>last\s+week)|(?P<this>this\s+week)|(?P<early>earlier\s+(?:this|in\s+the)\s+month))\b",
            ),
            read_period,
        ),
    ]
}

/// Every English date expression in `text`, overlapping readings included.
pub(super) fn find(text: &str) -> Vec<DateMatch> {
    GRAMMAR.find(text)
}

/// English writes month and weekday names with a capital; lowercase names are read too, but
/// for those that are also common words ("may", "march").
fn capitalised(m: Match) -> bool {
    m.as_str().starts_with(char::is_uppercase)
}

fn month_of(m: Match) -> Option<u32> {
    let lower = m.as_str().to_lowercase();
    if !capitalised(m) && LOWERCASE_WORDS.contains(&lower.as_str()) {
        return None;
    }
    lookup(MONTHS, &lower)
}

fn month_name(c: &Captures) -> Option<u32> {
    month_of(c.name("mon")?)
}

/// A weekday written in full or abbreviated (capitalised only: "sun", "sat" are words).
fn weekday_of(m: Match) -> Option<Weekday> {
    lookup(WEEKDAYS, m.as_str())
        .or_else(|| lookup(WEEKDAY_ABBREVIATIONS, m.as_str()).filter(|_| capitalised(m)))
}

/// A day number in figures ("3", "21st") or words ("twenty-first", "fifteen").
fn day_number(s: &str) -> Option<u32> {
    parse_day(s).or_else(|| lookup(NUMBER_WORDS, &key(&s.replace('-', " "))))
}

/// The year of a match, `Some(None)` without one, `None` when it is no year.
fn year_of(y: Option<Match>) -> Option<Option<i32>> {
    match y {
        Some(y) => Some(Some(parse_year(y.as_str())?)),
        None => Some(None),
    }
}

fn day(text: &str, c: &Captures) -> Option<DateExpr> {
    let month = month_name(c)?;
    if amount_precedes(text, c.name("d1")?.start()) {
        return None;
    }
    let weekday = match c.name("wd") {
        Some(w) => Some(weekday_of(w)?),
        None => None,
    };
    let first = parse_day(c.name("d1")?.as_str())?;
    if let Some(last) = c.name("d2") {
        if parse_day(last.as_str())? > max_day(month) {
            return None;
        }
    }
    let expr = day_with_weekday(weekday, first, month, year_of(c.name("y"))?)?;
    Some(placed(expr, next_prefix(c)))
}

/// The month names without a word boundary after them, for days written against them.
fn glued_months() -> String {
    let mut names: Vec<&str> = MONTHS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !name.ends_with('.'))
        .collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    format!("(?:{})", names.join("|"))
}

/// "Oct2" at once; "October. 2" with a year or at a clause's end only.
fn glued_month_day(text: &str, c: &Captures) -> Option<DateExpr> {
    let (whole, d) = (c.get(0)?, c.name("d1")?);
    let year = year_of(c.name("y"))?;
    if c.name("dot").is_some() && year.is_none() && !ends_clause(text, whole.end()) {
        return None;
    }
    day_expr(parse_day(d.as_str())?, month_name(c)?, year)
}

/// "Oct-2", "Oct2" at once; a day in words after the month ("May twenty-first").
fn month_day(text: &str, c: &Captures) -> Option<DateExpr> {
    if let Some(mon) = c.name("mon2") {
        let day = day_number(c.name("w1")?.as_str())?;
        return day_expr(day, month_of(mon)?, year_of(c.name("y2"))?);
    }
    let d = c.name("d1")?;
    if number_continues(text, d.end()) {
        return None;
    }
    day_expr(
        parse_day(d.as_str())?,
        month_name(c)?,
        year_of(c.name("y"))?,
    )
}

fn month(text: &str, c: &Captures) -> Option<DateExpr> {
    let month = month_name(c)?;
    let cued = c.name("cue").is_some() || c.name("mi").is_some();
    let mon = c.name("mon")?;
    if follows_day_number(text, mon.start()) {
        return None;
    }
    // Uncued, a month name after a capitalised word is likely a surname ("Theresa May").
    if !cued
        && previous_word_start(text, mon.start())
            .is_some_and(|w| capitalised_inside_sentence(text, w))
    {
        return None;
    }
    match c.name("y") {
        Some(y) => Some(DateExpr::MonthYear {
            month,
            year: parse_year(y.as_str())?,
        }),
        None if cued => Some(DateExpr::Month(month)),
        None => None,
    }
}

fn word_day_month(_: &str, c: &Captures) -> Option<DateExpr> {
    let day = day_number(c.name("w1")?.as_str())?;
    day_expr(day, month_name(c)?, year_of(c.name("y"))?)
}

/// Month first, else day first when that is no day ("22/04"); without a year only with a
/// slash, and after "on", "this" or a weekday or at a clause's end ("1/3 of the vote").
fn numeric(text: &str, c: &Captures) -> Option<DateExpr> {
    let (whole, m, s1) = (c.get(0)?, c.name("m")?, c.name("s1")?.as_str());
    if c.name("s2").is_some_and(|s2| s2.as_str() != s1) || number_continues(text, whole.end()) {
        return None;
    }
    let year = c.name("y").or(c.name("y4"));
    let cued = whole.start() < m.start();
    if year.is_none() && (s1 != "/" || !(cued || ends_clause(text, whole.end()))) {
        return None;
    }
    let expr = numeric_date(
        m.as_str(),
        c.name("d")?.as_str(),
        year.map(|y| y.as_str()),
        false,
    )?;
    Some(placed(expr, next_prefix(c)))
}

/// `Some(true)` when "next" comes before a day ("next 5/12", "next 6th of April"): the next
/// such day after publication.
fn next_prefix(c: &Captures) -> Option<bool> {
    c.name("pre")
        .filter(|p| p.as_str().eq_ignore_ascii_case("next"))
        .map(|_| true)
}

fn day_of_month(text: &str, c: &Captures) -> Option<DateExpr> {
    let whole = c.get(0)?;
    let written = c.name("d").or(c.name("d2"))?.as_str();
    let day = day_number(written)?;
    let month_offset = match c.name("rel").or(c.name("rel2")).or(c.name("rel3")) {
        Some(r) => Some(lookup(RELATIVE_PERIOD, &key(r.as_str()))? as i32),
        None => None,
    };
    // Alone, a day in words is one only from twenty on: "the first", "le deux" are ranks.
    let alone = month_offset.is_none();
    let rank = !written.starts_with(|c: char| c.is_ascii_digit()) && day < 20;
    if alone && (rank || !ends_clause(text, whole.end())) {
        return None;
    }
    Some(DateExpr::DayOfMonth { day, month_offset })
}

/// A weekday with a day number, only at a clause's end ("on Monday 12 people were hurt").
fn weekday_day(text: &str, c: &Captures) -> Option<DateExpr> {
    if !ends_clause(text, c.get(0)?.end()) {
        return None;
    }
    Some(DateExpr::WeekdayDay {
        weekday: weekday_of(c.name("wd")?)?,
        day: day_number(c.name("d")?.as_str())?,
    })
}

fn weekday_of_week(_: &str, c: &Captures) -> Option<DateExpr> {
    let weekday = lookup(WEEKDAYS, c.name("wd").or(c.name("wd2"))?.as_str())?;
    let weeks = lookup(
        RELATIVE_PERIOD,
        &key(c.name("rel").or(c.name("rel2"))?.as_str()),
    )?;
    Some(DateExpr::WeekdayOfWeek { weekday, weeks })
}

/// "the next day" after the story's last day; "the day before" only at a clause's end ("the
/// day before the vote" is another day).
fn from_previous(text: &str, c: &Captures) -> Option<DateExpr> {
    let whole = c.get(0)?;
    let open = whole.as_str().to_lowercase();
    if open.starts_with("the day") && !ends_clause(text, whole.end()) {
        return None;
    }
    let days = if c.name("next").is_some() { 1 } else { -1 };
    Some(DateExpr::FromPrevious { months: 0, days })
}

/// A time from publication: "in", "from now" count forward, "ago" back; "later" counts from
/// the story's previous day ("troops left a week later").
fn shift(_: &str, c: &Captures) -> Option<DateExpr> {
    let sign = if c.name("ago").is_some() { -1 } else { 1 };
    let (months, days) = read_amounts(c.name("amt")?.as_str(), &AMOUNT_WORDS, sign)?;
    let later = c
        .name("later")
        .is_some_and(|l| l.as_str().eq_ignore_ascii_case("later"));
    if later {
        Some(DateExpr::FromPrevious { months, days })
    } else if c.name("in").is_some() || c.name("later").is_some() || sign < 0 {
        Some(DateExpr::Shift { months, days })
    } else {
        None
    }
}

/// Words after "the second Sunday" that attach it to something other than this month ("of
/// Advent", "after the election").
const NTH_WEEKDAY_ATTACHED: &[&str] = &[
    "of",
    "in",
    "after",
    "before",
    "since",
    "following",
    "that",
    "when",
    "on",
];

/// "the second Sunday" alone: of publication's month.
fn nth_weekday_of_this_month(text: &str, c: &Captures) -> Option<DateExpr> {
    nth_weekday_alone(text, c, ORDINALS, WEEKDAYS, NTH_WEEKDAY_ATTACHED)
}

fn nth_weekday(_: &str, c: &Captures) -> Option<DateExpr> {
    let month = match (c.name("mon"), c.name("rel")) {
        (Some(m), _) => MonthRef::Named(month_of(m)?),
        (None, r) => MonthRef::FromPublication(lookup(RELATIVE_PERIOD, &key(r?.as_str()))? as i32),
    };
    Some(DateExpr::NthWeekday {
        nth: lookup(ORDINALS, c.name("nth")?.as_str())?,
        weekday: lookup(WEEKDAYS, c.name("wd")?.as_str())?,
        month,
    })
}

/// A month or a year placed from publication's; with "the" before it ("over the last year")
/// it is a time, not a date.
fn month_or_year_from_publication(_: &str, c: &Captures) -> Option<DateExpr> {
    if c.name("the").is_some() {
        return None;
    }
    let offset = lookup(RELATIVE_PERIOD, c.name("rel")?.as_str())? as i32;
    if c.name("unit")?.as_str().eq_ignore_ascii_case("month") {
        Some(DateExpr::MonthFromPublication(offset))
    } else {
        Some(DateExpr::YearFromPublication(offset))
    }
}

/// "this Friday" is the current week's; "last", "previous" Friday the previous week's, "next",
/// "following" Friday the next week's; "this past" Friday the latest before publication,
/// "coming" Friday the next after it.
fn weekday(_: &str, c: &Captures) -> Option<DateExpr> {
    let name = c.name("wd")?;
    let pre = c.name("pre").map(|m| key(m.as_str()));
    // Lowercase, a weekday needs a word that makes it one ("on monday", not "monday notes").
    if !capitalised(name) && pre.is_none() {
        return None;
    }
    let weekday = lookup(WEEKDAYS, name.as_str())?;
    if pre.as_deref() == Some("this") {
        return Some(DateExpr::WeekdayOfWeek { weekday, weeks: 0 });
    }
    Some(
        match pre.as_deref().and_then(|p| lookup(WEEKDAY_MODIFIERS, p)) {
            Some(relation) => relation.weekday(weekday),
            None => plain_weekday(weekday),
        },
    )
}

fn relative(text: &str, c: &Captures) -> Option<DateExpr> {
    let w = c.name("w")?;
    let days = lookup(RELATIVE, &key(w.as_str()))?;
    // A capital inside a sentence is a title ("Russia Today").
    (!capitalised_inside_sentence(text, w.start())).then_some(DateExpr::DaysFromPublication(days))
}

#[cfg(test)]
mod tests {
    use crate::dates::{find_dates, DateExpr};
    use crate::Lang;
    use chrono::{NaiveDate, Weekday};

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

    /// Each sentence holds exactly one date expression: its span text and its reading.
    #[test]
    fn forms() {
        use crate::dates::{HolidayRule, HolidayYear, MonthRef};
        use DateExpr::{
            DayMonth, DayOfMonth, DaysFromPublication, EarlierThisMonth, FromPrevious, Full,
            Holiday, LastWeek, Month, MonthYear, NthWeekday, Offset, SameDayAsPrevious, Shift,
            ThisWeek, WeekdayDay, WeekdayDayMonth, WeekdayOfWeek, Year,
        };
        #[rustfmt::skip]
        let cases: &[(&str, &str, DateExpr)] = &[
            ("The treaty was signed on 3 April 2025 in Paris.", "on 3 April 2025", Full(d(2025, 4, 3))),
            ("The treaty was signed April 3, 2025, in Paris.", "April 3, 2025", Full(d(2025, 4, 3))),
            ("Talks opened on Jan. 12, 2023 in Astana.", "on Jan. 12, 2023", Full(d(2023, 1, 12))),
            ("A memo dated Sept. 14th 2019 surfaced.", "Sept. 14th 2019", Full(d(2019, 9, 14))),
            ("A letter dated 04/03/2025 was sent.", "04/03/2025", Full(d(2025, 4, 3))),
            ("He arrived on the 2nd of March 2024.", "on the 2nd of March 2024", Full(d(2024, 3, 2))),
            ("He spoke on May 20 before the press.", "on May 20", DayMonth { day: 20, month: 5 }),
            ("He spoke on 20 May before the press.", "on 20 May", DayMonth { day: 20, month: 5 }),
            ("Fighting broke out on January 2 in the town.", "on January 2", DayMonth { day: 2, month: 1 }),
            ("Troops will leave by January 19.", "by January 19", DayMonth { day: 19, month: 1 }),
            ("Leaders met on Sunday, November 1 in Baku.", "on Sunday, November 1", WeekdayDayMonth { weekday: Weekday::Sun, day: 1, month: 11 }),
            ("The deal takes effect next January 1, officials said.", "next January 1", DateExpr::DayMonthPlaced { day: 1, month: 1, after: true }),
            ("The harvest doubled last year, officials said.", "last year", DateExpr::YearFromPublication(-1)),
            ("Talks resume next month in Geneva.", "next month", DateExpr::MonthFromPublication(1)),
            ("It ends 2 weeks from January 15, he said.", "2 weeks from January 15", Offset { base: Box::new(DayMonth { day: 15, month: 1 }), months: 0, days: 14 }),
            ("The council meets the second Sunday, as it always has.", "the second Sunday", NthWeekday { nth: 2, weekday: Weekday::Sun, month: MonthRef::FromPublication(0) }),
            ("The summit runs May 19-20 in Bishkek.", "May 19-20", DayMonth { day: 19, month: 5 }),
            ("Drills ran from 19 to 21 August near Osh.", "from 19 to 21 August", DayMonth { day: 19, month: 8 }),
            ("He visited on the 1st of June.", "on the 1st of June", DayMonth { day: 1, month: 6 }),
            ("The initiative launched in September 2022 goes on.", "in September 2022", MonthYear { month: 9, year: 2022 }),
            ("They first met in May of 2017 in Riyadh.", "in May of 2017", MonthYear { month: 5, year: 2017 }),
            ("The collapse came in December 1991.", "in December 1991", MonthYear { month: 12, year: 1991 }),
            ("The country was shaken in January by riots.", "in January", Month(1)),
            ("Their third meeting since September.", "since September", Month(9)),
            ("The first units arrived in mid-August.", "mid-August", Month(8)),
            ("The group was founded in 2001 in Shanghai.", "in 2001", Year(2001)),
            ("Emissions must fall by 2030 at the latest.", "by 2030", Year(2030)),
            ("Ties have grown since 2015 overall.", "since 2015", Year(2015)),
            ("The minister announced on Tuesday a new grant.", "on Tuesday", wd(Weekday::Tue, false, false)),
            ("On Monday, leaders met online.", "On Monday", wd(Weekday::Mon, false, false)),
            ("They spoke last Tuesday by phone.", "last Tuesday", WeekdayOfWeek { weekday: Weekday::Tue, weeks: -1 }),
            ("The vote is due next Thursday in parliament.", "next Thursday", WeekdayOfWeek { weekday: Weekday::Thu, weeks: 1 }),
            ("He landed Monday night in Tashkent.", "Monday night", wd(Weekday::Mon, false, false)),
            ("The minister said yesterday that nothing was settled.", "yesterday", DaysFromPublication(-1)),
            ("We are gathered here today to sign.", "today", DaysFromPublication(0)),
            ("The text will be signed tomorrow in Bishkek.", "tomorrow", DaysFromPublication(1)),
            ("She arrived the day before yesterday in Dushanbe.", "the day before yesterday", DaysFromPublication(-2)),
            ("The president received the envoy this morning.", "this morning", DaysFromPublication(0)),
            ("Later that day, he met the mayor.", "Later that day", SameDayAsPrevious),
            ("He signed a second deal the same day.", "the same day", SameDayAsPrevious),
            ("He met the governor later in the day.", "later in the day", SameDayAsPrevious),
            ("The two sides discussed transit last week.", "last week", LastWeek),
            ("This week's package is larger.", "This week", ThisWeek),
            ("He said so earlier this month in Almaty.", "earlier this month", EarlierThisMonth),
            ("The meeting on Tuesday, May 5, 2015 ended late.", "on Tuesday, May 5, 2015", Full(d(2015, 5, 5))),
            ("Protests have continued since January 19 in the west.", "since January 19", DayMonth { day: 19, month: 1 }),
            ("They met this past Friday in Astana.", "this past Friday", wd(Weekday::Fri, true, false)),
            ("They meet this coming Friday in Astana.", "this coming Friday", wd(Weekday::Fri, false, true)),
            ("Prices rose sharply in March 2020 across the region.", "in March 2020", MonthYear { month: 3, year: 2020 }),
            ("The loan is due by mid-2027 at the latest.", "mid-2027", Year(2027)),
            ("The envoy will be back for the 19th.", "the 19th", DayOfMonth { day: 19, month_offset: None }),
            ("The vote is set for the 12th of next month.", "the 12th of next month", DayOfMonth { day: 12, month_offset: Some(1) }),
            ("Talks resume Thursday the 9th.", "Thursday the 9th", WeekdayDay { weekday: Weekday::Thu, day: 9 }),
            ("He will travel on Thursday of next week to Baku.", "on Thursday of next week", WeekdayOfWeek { weekday: Weekday::Thu, weeks: 1 }),
            ("They will sign this Friday in Astana.", "this Friday", WeekdayOfWeek { weekday: Weekday::Fri, weeks: 0 }),
            ("The delegation left the next day for Osh.", "the next day", FromPrevious { months: 0, days: 1 }),
            ("The treaty was signed three years ago by six states.", "three years ago", Shift { months: -36, days: 0 }),
            ("The envoy returns in 5 weeks to Tashkent.", "in 5 weeks", Shift { months: 0, days: 35 }),
            ("Troops withdrew ten days later, officials said.", "ten days later", FromPrevious { months: 0, days: 10 }),
            ("They parted 2 months and 10 days ago without a deal.", "2 months and 10 days ago", Shift { months: -2, days: -10 }),
            ("The council meets on the first Monday of July.", "the first Monday of July", NthWeekday { nth: 1, weekday: Weekday::Mon, month: MonthRef::Named(7) }),
            ("Markets will be shut on Christmas Day, traders said.", "Christmas Day", Holiday { rule: HolidayRule::Fixed { month: 12, day: 25 }, when: HolidayYear::Nearest }),
            ("Prices fell after last Easter across the region.", "last Easter", Holiday { rule: HolidayRule::Easter(0), when: HolidayYear::Before }),
            ("The raid came 10 days before March 4, 2003 near Basra.", "10 days before March 4, 2003", Offset { base: Box::new(Full(d(2003, 3, 4))), months: 0, days: -10 }),
            ("A memo dated 7-14-19 surfaced.", "7-14-19", Full(d(2019, 7, 14))),
            ("A file stamped 20190321 was found.", "20190321", Full(d(2019, 3, 21))),
            ("The note dated 14/Mar/2021 leaked.", "14/Mar/2021", Full(d(2021, 3, 14))),
            ("The plant opened on 4 March nineteen eighty-one, officials said.", "on 4 March nineteen eighty-one", Full(d(1981, 3, 4))),
            ("The deal was struck on June twenty-second in Riyadh.", "on June twenty-second", DayMonth { day: 22, month: 6 }),
            ("The parcel was posted Nov5.", "Nov5", DayMonth { day: 5, month: 11 }),
            ("They met on 25/09 in Geneva.", "on 25/09", DayMonth { day: 25, month: 9 }),
            ("Schedule it on monday for the envoy.", "on monday", wd(Weekday::Mon, false, false)),
        ];
        for (text, span, want) in cases {
            let found = find_dates(text, Lang::En);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].start..found[0].end], *span, "{text}");
            assert_eq!(&found[0].expr, want, "{text}");
        }
    }

    #[test]
    fn not_dates() {
        let cases = [
            "Trade has grown over the last year and the next month.",
            "The mission to Mars, backed by the G20 summit of 2023, cost $2 billion.",
            "The country sent 2,000 troops and 2022 vehicles.",
            "Officials may 5 times reconsider; protesters march 3 abreast.",
            "The document dated February 30, 2024 is a forgery.",
            "A deal with Theresa May drew criticism.",
            "According to Russia Today, talks stalled.",
            "The plant produces 1500 tonnes a day in 2 shifts.",
            "Output rose in 2021 % terms.",
            "Our weekly edition, this weekend, monday notes.",
            "He won 1/3 of the vote and offers 24/7 support.",
            "A trip to Easter Island was planned.",
            "The bank lent $12 December bonds.",
            "Officials may 2 times review it, the day before the vote.",
            "The score was 4-22 and 5.12 percent.",
            "He spent 2 years in jail over 3 days of riots.",
            "She was the first, and he came second.",
        ];
        for text in cases {
            let found = find_dates(text, Lang::En);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    /// An ordinal weekday attached to something else is no day of this month.
    #[test]
    fn ordinal_weekday_attached() {
        for text in [
            "Crowds gathered on the first Sunday of Advent.",
            "The vote falls on the first Tuesday after the election.",
        ] {
            let found = find_dates(text, Lang::En);
            assert!(
                !found
                    .iter()
                    .any(|m| matches!(m.expr, DateExpr::NthWeekday { .. })),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn resolution_in_context() {
        // Published on Thursday 13 January 2022.
        let published = Some(d(2022, 1, 13));
        let text = "Late on January 5, the president appealed for help. On Monday, leaders met. \
                    The troops left on Thursday and will be gone by January 19. \
                    The unrest began on December 28.";
        let resolved: Vec<_> = find_dates(text, Lang::En)
            .iter()
            .map(|m| (&text[m.start..m.end], m.expr.resolve(published, None)))
            .collect();
        assert_eq!(
            resolved,
            vec![
                ("on January 5", Some(d(2022, 1, 5))),
                ("On Monday", Some(d(2022, 1, 10))),
                ("on Thursday", Some(d(2022, 1, 13))),
                ("by January 19", Some(d(2022, 1, 19))),
                ("on December 28", Some(d(2021, 12, 28))),
            ]
        );
    }
}
