//! English date grammar. English capitalises month and weekday names, which tells "May" the
//! month from "may" the verb and "March" from "march"; numeric dates are month/day/year.

use super::{
    alternation, capitalised_inside_sentence, day_expr, follows_day_number, grammar, key, lookup,
    max_day, parse_day, parse_year, previous_word_start, read_period, read_year, DateExpr,
    DateMatch, Grammar,
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
    ("the day after tomorrow", 2),
];

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let m = format!("(?:{})", alternation(MONTHS));
    let w = format!("(?:{})", alternation(WEEKDAYS));
    let g = |p: &str| grammar(p, &m, &w);
    Grammar::new(vec![
        // "3 April 2025", "on Sunday, 1 November", "the 4th of July", "19-20 May"
        (
            g(
                r"(?i)\b(?:(?:on|by|since|until|till|from)\s+)?(?:(?P<wd>WEEKDAY),?\s+)?(?:the\s+)?(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?:the\s+)?(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<mon>MONTH)(?:,?\s+(?P<y>[0-9]{4})\b)?",
            ),
            day,
        ),
        // "April 3, 2025", "on Jan. 5", "May 19-20", "Sept. 1st"
        (
            g(
                r"(?i)\b(?:(?:on|by|since|until|till|from)\s+)?(?:(?P<wd>WEEKDAY),?\s+)?(?P<mon>MONTH)\s+(?:the\s+)?(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|and|to)\s*(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>[0-9]{4})\b)?",
            ),
            day,
        ),
        (
            g(r"(?i)\b(?:on\s+)?(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})/(?P<y>[0-9]{4})\b"),
            numeric,
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
                r"(?i)\b(?:(?P<pre>on|this\s+past|this\s+coming|this|last|next|since|by|until)\s+)?(?P<wd>WEEKDAY)(?:\s+(?:morning|afternoon|evening|night)\b)?",
            ),
            weekday,
        ),
        (
            g(
                r"(?i)\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b(?:\s+(?:morning|afternoon|evening|night)\b)?",
            ),
            relative,
        ),
        (
            g(
                r"(?i)\b(?:(?:later|earlier)\s+(?:that|in\s+the)\s+day|(?:on\s+)?(?:that|the)\s+same\s+day|at\s+the\s+(?:same\s+time|very\s+moment)|later\s+that\s+(?:morning|afternoon|evening|night))\b",
            ),
            |_, _| Some(DateExpr::SameDayAsPrevious),
        ),
        (
            g(
                r"(?i)\b(?:(?P<last>last\s+week)|(?P<this>this\s+week)|(?P<early>earlier\s+(?:this|in\s+the)\s+month))\b",
            ),
            read_period,
        ),
    ])
});

/// Every English date expression in `text`, overlapping readings included.
pub(super) fn find(text: &str) -> Vec<DateMatch> {
    GRAMMAR.find(text)
}

/// English writes month and weekday names with a capital.
fn capitalised(m: Match) -> bool {
    m.as_str().starts_with(char::is_uppercase)
}

fn month_name(c: &Captures) -> Option<u32> {
    let name = c.name("mon").filter(|m| capitalised(*m))?;
    lookup(MONTHS, name.as_str())
}

fn day(_: &str, c: &Captures) -> Option<DateExpr> {
    let month = month_name(c)?;
    if c.name("wd").is_some_and(|w| !capitalised(w)) {
        return None;
    }
    let first = parse_day(c.name("d1")?.as_str())?;
    if let Some(last) = c.name("d2") {
        if parse_day(last.as_str())? > max_day(month) {
            return None;
        }
    }
    let year = match c.name("y") {
        Some(y) => Some(parse_year(y.as_str())?),
        None => None,
    };
    day_expr(first, month, year)
}

fn numeric(_: &str, c: &Captures) -> Option<DateExpr> {
    let month = c.name("m")?.as_str().parse().ok()?;
    let day = c.name("d")?.as_str().parse().ok()?;
    day_expr(day, month, Some(parse_year(c.name("y")?.as_str())?))
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

fn weekday(_: &str, c: &Captures) -> Option<DateExpr> {
    let name = c.name("wd").filter(|m| capitalised(*m))?;
    let weekday = lookup(WEEKDAYS, name.as_str())?;
    let pre = c.name("pre").map(|m| key(m.as_str()));
    Some(DateExpr::Weekday {
        weekday,
        strictly_before: matches!(pre.as_deref(), Some("last" | "this past")),
        next: matches!(pre.as_deref(), Some("next" | "this coming")),
    })
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
        use DateExpr::{
            DayMonth, DaysFromPublication, EarlierThisMonth, Full, LastWeek, Month, MonthYear,
            SameDayAsPrevious, ThisWeek, Year,
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
            ("Leaders met on Sunday, November 1 in Baku.", "on Sunday, November 1", DayMonth { day: 1, month: 11 }),
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
            ("They spoke last Tuesday by phone.", "last Tuesday", wd(Weekday::Tue, true, false)),
            ("The vote is due next Thursday in parliament.", "next Thursday", wd(Weekday::Thu, false, true)),
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
            "The country sent 2,000 troops and 2022 vehicles.",
            "Officials may 5 times reconsider; protesters march 3 abreast.",
            "The document dated February 30, 2024 is a forgery.",
            "A deal with Theresa May drew criticism.",
            "According to Russia Today, talks stalled.",
            "The plant produces 1500 tonnes a day in 2 shifts.",
            "Output rose in 2021 % terms.",
            "Our weekly edition, this weekend, monday notes.",
        ];
        for text in cases {
            let found = find_dates(text, Lang::En);
            assert!(found.is_empty(), "{text}: {found:?}");
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
