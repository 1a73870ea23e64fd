//! French date grammar. Month and weekday names are the French calendar's (closed classes); the
//! usual abbreviations are accepted with or without their dot, but "sept." only with it, since
//! "sept" alone is a number.

use super::{
    alternation, capitalised_inside_sentence, day_expr, day_with_weekday, ends_clause, followed_by,
    follows_day_number, grammar, holiday_alternation, holidays, key, lookup, max_day,
    nth_weekday_alone, number_continues, number_precedes, numeric_date, parse_day,
    parse_numeric_year, parse_year, placed, plain_weekday, previous_word, read_amounts,
    read_holiday, read_mixed, read_period, read_year, AmountWords, DateExpr, DateMatch, Grammar,
    HolidayRule, MonthRef, Reader, Relation, MIXED,
};
use chrono::Weekday;
use regex::Captures;
use std::sync::LazyLock;

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv.", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr.", 2),
    ("fevr.", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév.", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr.", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil.", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("sept.", 9),
    ("sep.", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct.", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov.", 11),
    ("nov", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc.", 12),
    ("déc", 12),
    ("dec.", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
];

/// Weekdays abbreviated, as page headers write them ("ven. 12 mai 2023"): with their dot, and
/// only before a day number.
const WEEKDAY_ABBREVIATIONS: &[(&str, Weekday)] = &[
    ("lun.", Weekday::Mon),
    ("mar.", Weekday::Tue),
    ("mer.", Weekday::Wed),
    ("jeu.", Weekday::Thu),
    ("ven.", Weekday::Fri),
    ("sam.", Weekday::Sat),
    ("dim.", Weekday::Sun),
];

/// Days counted from publication; the part of the day ("hier soir") does not change the day.
/// Looked up with hyphens as spaces ("avant-hier", "avant hier").
const RELATIVE: &[(&str, i64)] = &[
    ("avant hier", -2),
    ("hier", -1),
    ("aujourd'hui", 0),
    ("ce matin", 0),
    ("ce midi", 0),
    ("ce soir", 0),
    ("cet après midi", 0),
    ("ce jour", 0),
    ("demain", 1),
    ("après demain", 2),
    ("apres demain", 2),
];

/// Day numbers and counts in words, looked up with hyphens as spaces ("vingt-deux"); "un"
/// and "une" count ("il y a un mois") but name no day alone.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("dix sept", 17),
    ("dix huit", 18),
    ("dix neuf", 19),
    ("vingt", 20),
    ("vingt et un", 21),
    ("vingt deux", 22),
    ("vingt trois", 23),
    ("vingt quatre", 24),
    ("vingt cinq", 25),
    ("vingt six", 26),
    ("vingt sept", 27),
    ("vingt huit", 28),
    ("vingt neuf", 29),
    ("trente", 30),
    ("trente et un", 31),
];

/// Words after a weekday that place it: before publication, after it.
const WEEKDAY_MODIFIERS: &[(&str, Relation)] = &[
    ("dernier", Relation::Before),
    ("précédent", Relation::Before),
    ("passé", Relation::Before),
    ("prochain", Relation::After),
    ("prochaine", Relation::After),
    ("suivant", Relation::After),
    ("à venir", Relation::After),
];

/// Words that place a week or a month from publication's: -1, 0, +1.
const RELATIVE_PERIOD: &[(&str, i64)] = &[
    ("dernière", -1),
    ("dernier", -1),
    ("passée", -1),
    ("passé", -1),
    ("précédente", -1),
    ("précédent", -1),
    ("cette", 0),
    ("ce", 0),
    ("prochaine", 1),
    ("prochain", 1),
    ("suivante", 1),
    ("suivant", 1),
];

/// Units of a time counted in months and days ("il y a deux ans").
const UNITS: &[(&str, (i64, i64))] = &[
    ("jour", (0, 1)),
    ("jours", (0, 1)),
    ("semaine", (0, 7)),
    ("semaines", (0, 7)),
    ("mois", (1, 0)),
    ("an", (12, 0)),
    ("ans", (12, 0)),
    ("année", (12, 0)),
    ("années", (12, 0)),
];

/// Counts: figures, "un", "une" and the number words.
fn count(word: &str) -> Option<u32> {
    match word {
        "un" | "une" => Some(1),
        "quelques" => Some(3),
        _ => word.parse().ok().or_else(|| lookup(NUMBER_WORDS, word)),
    }
}

const AMOUNT_WORDS: AmountWords = AmountWords {
    number: count,
    units: UNITS,
    joiners: &["et", "plus", "de", "d"],
};

/// Ordinals of a weekday in its month ("le premier vendredi de juillet").
const ORDINALS: &[(&str, u32)] = &[
    ("premier", 1),
    ("1er", 1),
    ("deuxième", 2),
    ("deuxieme", 2),
    ("second", 2),
    ("troisième", 3),
    ("troisieme", 3),
    ("quatrième", 4),
    ("quatrieme", 4),
    ("cinquième", 5),
    ("cinquieme", 5),
];

/// One amount with its unit, then more joined to it: "deux ans plus d'un mois et 21 jours".
const AMOUNT: &str = r"\b(?:[0-9]{1,3}|une?|quelques|DAYWORD)\s+(?:jours?|semaines?|mois|ans|an|années?)\b(?:(?:\s+et\s+|\s+plus\s+d(?:e\s+|['’])|\s+)(?:[0-9]{1,3}|une?|DAYWORD)\s+(?:jours?|semaines?|mois|ans|an|années?)\b)*";

/// "trois jours après", "2 semaines avant", "16 jours à partir du": a time counted from the date
/// that follows, at the end of `before`: where it starts and its months and days.
pub(super) fn offset_before(before: &str) -> Option<(usize, (i64, i64))> {
    static BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
        let n = format!("(?:{})", alternation(NUMBER_WORDS).replace(' ', r"[-\s]+"));
        let p = format!(
            r"(?i)(?P<amt>{AMOUNT})\s+(?P<rel>après|avant|à\s+partir|à\s+compter)(?:\s+d(?:e|u|es)|\s+d['’])?(?:\s+(?:le|la)|\s+l['’])?\s*$"
        );
        grammar(&p.replace("DAYWORD", &n), "", "")
    });
    let c = BEFORE.captures(before)?;
    let sign = if c.name("rel")?.as_str().to_lowercase() == "avant" {
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
    LazyLock::new(|| holidays::load(include_str!("../../data/holidays/fr.toml")));

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let m = format!("(?:{})", alternation(MONTHS));
    let w = format!("(?:{})", alternation(WEEKDAYS));
    let a = format!("(?:{})", alternation(WEEKDAY_ABBREVIATIONS));
    let n = format!("(?:{})", alternation(NUMBER_WORDS).replace(' ', r"[-\s]+"));
    let h = holiday_alternation(&HOLIDAYS);
    let g = |p: &str| {
        let p = p.replace("DAYWORD", &n).replace("WDABBR", &a);
        grammar(&p.replace("HOLIDAY", &h), &m, &w)
    };
    let mut rules = calendar_rules(&g);
    rules.extend(relative_rules(&g));
    Grammar::new(rules)
});

/// Rules for dates written with a month, a number or a holiday.
fn calendar_rules(g: &dyn Fn(&str) -> regex::Regex) -> Vec<(regex::Regex, Reader)> {
    vec![
        // "Noël", "Pâques 2018", "la dernière Pâques", "le jour de l'an de cette année"
        (
            g(
                r"(?i)(?:\b(?P<rel>dernière|dernier|prochaine|prochain)\s+)?(?P<h>HOLIDAY)(?:\s+(?P<rel2>précédente?|suivante?|dernière|dernier|prochaine?)\b)?(?:\s+(?:de\s+)?(?P<y>[0-9]{4})\b|\s+de\s+(?P<this>cette)\s+année\b)?",
            ),
            |text, c| read_holiday(text, c, &HOLIDAYS, |r| lookup(RELATIVE_PERIOD, r)),
        ),
        // "le 20 mai", "le dimanche 1er novembre 2015", "les 19 et 20 mai", "du 19 au 21 mai dernier"
        (
            g(
                r"(?i)\b(?:(?:le|ce|les|du)\s+)?(?:(?P<wd>WEEKDAY|WDABBR),?\s+)?(?P<d1>1er|1ᵉʳ|premier|[0-9]{1,2}|DAYWORD)(?:\s*(?:et|au|à|-|–)\s*(?:le\s+)?(?P<d2>1er|[0-9]{1,2}))?\s+(?P<mon>MONTH)(?:,?\s+(?:de\s+)?(?P<y>[0-9]{4})\b|\s+(?P<rel>dernier|prochain)\b)?",
            ),
            day,
        ),
        // "1er avril 78": a year of two digits, at the end of a clause only ("le 3 mai 12 soldats")
        (
            g(
                r"(?i)\b(?:(?:le|du)\s+)?(?:WEEKDAY,?\s+)?(?P<d1>1er|premier|[0-9]{1,2})\s+(?P<mon>MONTH)\s+(?P<yy>[0-9]{2})\b",
            ),
            day_short_year,
        ),
        // "mars 3", "Oct. 2", "Oct-2", "Mai vingt et un", "novembre 23 de 1987"
        (
            g(
                r"(?i)\b(?:WEEKDAY\s+)?(?P<mon>MONTH)(?P<sep>\s*[-/]\s*|\.?\s+)(?P<d1>[0-9]{1,2}|DAYWORD)\b(?:,?\s+(?:de\s+)?(?P<y>[0-9]{4})\b)?",
            ),
            month_day,
        ),
        // "le 03/04/2025", "21/04/16", "12/08, 2015", "le 22/04"
        (
            g(
                r"(?i)\b(?:(?:le|du|ce)\s+)?(?:(?:WEEKDAY|WDABBR)\s+)?(?P<d>[0-9]{1,2})(?P<s1>[/.-])(?P<m>[0-9]{1,2})(?:(?P<s2>[/.-])(?P<y>[0-9]{4}|[0-9]{2})|,\s*(?P<y4>[0-9]{4}))?\b",
            ),
            numeric,
        ),
        // "23/sept./2020", "2019-août-1", "05-oct-2016"
        (g(MIXED), |_, c| read_mixed(c, |m| lookup(MONTHS, m))),
        // "02 04 2009": day, month and year apart
        (
            g(r"\b(?P<d>[0-9]{1,2})\s(?P<m>[0-9]{1,2})\s(?P<y>[0-9]{4})\b"),
            spaced,
        ),
        // "le deuxième jour d'août", "le 4e jour de juillet 1995"
        (
            g(
                r"(?i)\b(?:le\s+)?(?P<nth>premier|1er|[0-9]{1,2}(?:e|ème|eme)|deuxi[eè]me|second|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+jour\s+(?:de\s+|d['’])(?P<mon>MONTH)(?:,?\s+(?:de\s+)?(?P<y>[0-9]{4})\b)?",
            ),
            ordinal_day,
        ),
        // "le 27", "le vingt-deux", "le 20 du mois prochain", "le 31 de ce mois"
        (
            g(
                r"(?i)\b(?:le|ce|du)\s+(?P<d>1er|[0-9]{1,2}|DAYWORD)\b(?:\s+(?:du|de)\s+(?:(?P<this>ce)\s+mois(?:-ci)?|mois\s+(?P<rel>prochain|dernier|suivant|précédent|passé))|\s+(?P<this2>ce)\s+mois-ci)?",
            ),
            day_of_month,
        ),
        // "vendredi 22", "le jeudi 21", "vendredi, le 15", "21, lundi", "le 25 mardi"
        (
            g(
                r"(?i)\b(?:(?P<wd>WEEKDAY),?\s+(?:le\s+)?(?P<d>1er|[0-9]{1,2}|DAYWORD)\b|(?P<d2>1er|[0-9]{1,2}|DAYWORD),?\s+(?P<wd2>WEEKDAY))",
            ),
            weekday_day,
        ),
    ]
}

/// Rules for dates placed from publication, from a week or from another date.
fn relative_rules(g: &dyn Fn(&str) -> regex::Regex) -> Vec<(regex::Regex, Reader)> {
    vec![
        // "vendredi de la semaine prochaine", "la semaine dernière mardi", "cette semaine lundi"
        (
            g(
                r"(?i)\b(?:(?P<wd>WEEKDAY)\s+(?:de\s+)?(?:(?P<this>cette)|la)\s+semaine(?:\s+(?P<rel>prochaine?|dernière|dernier|passée|suivante|précédente))?|(?:(?P<this2>cette)|la)\s+semaine(?:\s+(?P<rel2>prochaine?|dernière|dernier|passée|suivante|précédente))?(?:\s*-\s*|\s+)(?P<wd2>WEEKDAY))\b",
            ),
            weekday_of_week,
        ),
        // "le lendemain", "le jour suivant", "la veille" (not "la veille du sommet")
        (
            g(
                r"(?i)\b(?:(?P<next>(?:le\s+)?lendemain|le\s+jour\s+suivant)|(?P<eve>la\s+veille))\b",
            ),
            from_previous,
        ),
        // "il y a deux ans", "dans trois semaines", "d'ici deux ans", "il y a un mois et 21
        // jours", "il y a environ un mois"
        (
            g(&format!(
                r"(?i)\b(?P<dir>il\s+y\s*a|dans|d['’]ici(?:\s+à)?)\s+(?:(?:environ|à\s+peu\s+près|près\s+de|presque)\s+)?(?P<amt>{AMOUNT})"
            )),
            shift,
        ),
        // "deux jours plus tard", "une semaine après": from the story's previous day
        (
            g(&format!(r"(?i)(?P<amt>{AMOUNT})\s+(?:plus\s+tard|après)\b")),
            later,
        ),
        // "le deuxième dimanche": of publication's month
        (
            g(
                r"(?i)\b(?:le\s+)?(?P<nth>premier|1er|deuxi[eè]me|second|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+(?P<wd>WEEKDAY)\b",
            ),
            nth_weekday_of_this_month,
        ),
        // "le premier vendredi de juillet", "le deuxième lundi du mois prochain"
        (
            g(
                r"(?i)\b(?:le\s+)?(?P<nth>premier|1er|deuxi[eè]me|second|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+(?P<wd>WEEKDAY)\s+(?:de\s+|du\s+|d['’]|en\s+)(?:(?P<mon>MONTH)|(?P<this>ce)\s+mois|mois\s+(?P<rel>prochain|dernier|suivant|précédent|passé))",
            ),
            nth_weekday,
        ),
        // "en septembre 2022", "septembre 2013", "depuis septembre", "mi-août", "mai dernier"
        (
            g(
                r"(?i)(?:(?P<cue>\b(?:en|depuis|dès|d['’]ici|jusqu['’]en|au\s+mois\s+de|courant|fin|début)|à\s+partir\s+de)\s+|(?P<mi>\bmi-))?(?P<mon>MONTH)(?:\s+(?P<y>[0-9]{4})\b|\s+(?P<mod>dernier|prochain)\b)?",
            ),
            month,
        ),
        // "le mois dernier", "ce mois-ci", "l'an dernier", "l'année prochaine", "cette année"
        (
            g(
                r"(?i)\b(?:(?:le\s+)?mois\s+(?P<mrel>prochain|dernier|passé)\b|(?P<mthis>ce\s+mois)\b(?:-ci\b)?|(?:l['’])?(?:an|année)\s+(?P<yrel>prochaine?|dernière|dernier|passée?)\b|(?P<ythis>cette\s+année))",
            ),
            month_or_year_from_publication,
        ),
        // A year alone only after a word that makes it one: "en 2022", "d'ici à 2030", "fin 2021".
        (
            g(
                r"(?i)(?:(?:\b(?:en|depuis|dès|d['’]ici(?:\s+à)?|jusqu['’]en|courant|fin|début)|à\s+l['’]horizon|à\s+partir\s+de)\s+|\bmi-)(?P<y>[0-9]{4})\b",
            ),
            read_year,
        ),
        // "jeudi", "ce mercredi", "mardi dernier", "lundi soir prochain", "dernier mercredi"
        (
            g(
                r"(?i)\b(?:(?P<pre>ce|cette|le|depuis|dès|d['’]ici|jusqu['’]à|dernier|prochain)\s+)?(?P<wd>WEEKDAY)(?:\s+(?:matin|midi|après-midi|soir)\b)?(?:\s+(?P<mod>(?:dernier|prochaine?|suivant|précédent)\b|passé|à\s+venir\b))?",
            ),
            weekday,
        ),
        (
            g(
                r"(?i)\b(?P<w>avant[-\s]hier|apr[eè]s[-\s]demain|aujourd['’]hui|hier|demain|ce\s+matin|ce\s+midi|ce\s+soir|cet\s+après-midi|ce\s+jour)\b(?:\s+(?:matin|midi|après-midi|soir)\b)?",
            ),
            relative,
        ),
        (
            g(
                r"(?i)\b(?:(?:plus\s+(?:tard|tôt)\s+dans\s+la\s+(?:même\s+)?journée|dans\s+la\s+même\s+journée|le\s+même\s+jour|le\s+jour\s+même|au\s+moment\s+même|au\s+même\s+moment|simultanément)\b|(?:ce\s+(?:même\s+)?jour|ce\s+matin|ce\s+soir|cet\s+après-midi)-là)",
            ),
            |_, _| Some(DateExpr::SameDayAsPrevious),
        ),
        (
            g(
                r"(?i)\b(?:(?P<last>la\s+semaine\s+(?:dernière|passée))|(?P<this>cette\s+semaine)|(?P<early>plus\s+tôt\s+(?:ce\s+mois-ci|dans\s+le\s+mois|ce\s+mois)))\b",
            ),
            read_period,
        ),
    ]
}

/// Every French date expression in `text`, overlapping readings included.
pub(super) fn find(text: &str) -> Vec<DateMatch> {
    GRAMMAR.find(text)
}

/// A day number in figures ("3", "1er", "premier") or words ("vingt-deux").
fn day_number(s: &str) -> Option<u32> {
    parse_day(s).or_else(|| lookup(NUMBER_WORDS, &key(&s.replace('-', " "))))
}

fn day(_: &str, c: &Captures) -> Option<DateExpr> {
    let first = day_number(c.name("d1")?.as_str())?;
    let month = lookup(MONTHS, c.name("mon")?.as_str())?;
    if let Some(last) = c.name("d2") {
        if parse_day(last.as_str())? > max_day(month) {
            return None;
        }
    }
    let year = match c.name("y") {
        Some(y) => Some(parse_year(y.as_str())?),
        None => None,
    };
    let weekday = match c.name("wd") {
        Some(w) => {
            Some(lookup(WEEKDAYS, w.as_str()).or(lookup(WEEKDAY_ABBREVIATIONS, w.as_str()))?)
        }
        None => None,
    };
    let after = c
        .name("rel")
        .map(|r| r.as_str().eq_ignore_ascii_case("prochain"));
    Some(placed(
        day_with_weekday(weekday, first, month, year)?,
        after,
    ))
}

fn day_short_year(text: &str, c: &Captures) -> Option<DateExpr> {
    if !ends_clause(text, c.get(0)?.end()) {
        return None;
    }
    let day = day_number(c.name("d1")?.as_str())?;
    let month = lookup(MONTHS, c.name("mon")?.as_str())?;
    day_expr(
        day,
        month,
        Some(parse_numeric_year(c.name("yy")?.as_str())?),
    )
}

/// "Oct-2", "Oct/2" at once; "mars 3" with a space only with a year or at a clause's end.
fn month_day(text: &str, c: &Captures) -> Option<DateExpr> {
    let (whole, d) = (c.get(0)?, c.name("d1")?);
    let tight = c.name("sep")?.as_str().contains(['-', '/']);
    let year = match c.name("y") {
        Some(y) => Some(parse_year(y.as_str())?),
        None => None,
    };
    // With its year ("janvier 21 2018") the number to check is the year.
    let last_number = if year.is_some() { whole.end() } else { d.end() };
    if number_continues(text, last_number)
        || (!tight && year.is_none() && !ends_clause(text, whole.end()))
    {
        return None;
    }
    day_expr(
        day_number(d.as_str())?,
        lookup(MONTHS, c.name("mon")?.as_str())?,
        year,
    )
}

/// Day first; without a year only with a slash, and after "le" or a weekday or at a clause's
/// end ("1/3 des voix" is a fraction).
fn numeric(text: &str, c: &Captures) -> Option<DateExpr> {
    let (whole, d, s1) = (c.get(0)?, c.name("d")?, c.name("s1")?.as_str());
    if c.name("s2").is_some_and(|s2| s2.as_str() != s1) || number_continues(text, whole.end()) {
        return None;
    }
    let year = c.name("y").or(c.name("y4"));
    let cued = whole.start() < d.start();
    if year.is_none() && (s1 != "/" || !(cued || ends_clause(text, whole.end()))) {
        return None;
    }
    numeric_date(
        d.as_str(),
        c.name("m")?.as_str(),
        year.map(|y| y.as_str()),
        true,
    )
}

fn spaced(text: &str, c: &Captures) -> Option<DateExpr> {
    let whole = c.get(0)?;
    if number_precedes(text, whole.start()) || number_continues(text, whole.end()) {
        return None;
    }
    numeric_date(
        c.name("d")?.as_str(),
        c.name("m")?.as_str(),
        Some(c.name("y")?.as_str()),
        true,
    )
}

fn day_of_month(text: &str, c: &Captures) -> Option<DateExpr> {
    let whole = c.get(0)?;
    let written = c.name("d")?.as_str();
    let day = day_number(written)?;
    let month_offset = if c.name("this").or(c.name("this2")).is_some() {
        Some(0)
    } else {
        match c.name("rel") {
            Some(r) => Some(lookup(RELATIVE_PERIOD, r.as_str())? as i32),
            None => None,
        }
    };
    // Alone, a day in words is one only from twenty on: "the first", "le deux" are ranks.
    let alone = month_offset.is_none();
    let rank = !written.starts_with(|c: char| c.is_ascii_digit()) && day < 20;
    if alone && (rank || !ends_clause(text, whole.end())) {
        return None;
    }
    (1..=31)
        .contains(&day)
        .then_some(DateExpr::DayOfMonth { day, month_offset })
}

/// A weekday with a day number, only at a clause's end ("mardi, 12 soldats ont été tués").
fn weekday_day(text: &str, c: &Captures) -> Option<DateExpr> {
    let (wd, d) = match (c.name("wd"), c.name("d")) {
        (Some(wd), Some(d)) => (wd, d),
        _ => (c.name("wd2")?, c.name("d2")?),
    };
    if !ends_clause(text, c.get(0)?.end()) {
        return None;
    }
    Some(DateExpr::WeekdayDay {
        weekday: lookup(WEEKDAYS, wd.as_str())?,
        day: day_number(d.as_str())?,
    })
}

fn weekday_of_week(_: &str, c: &Captures) -> Option<DateExpr> {
    let weekday = lookup(WEEKDAYS, c.name("wd").or(c.name("wd2"))?.as_str())?;
    let weeks = match c.name("rel").or(c.name("rel2")) {
        Some(r) => lookup(RELATIVE_PERIOD, r.as_str())?,
        None if c.name("this").or(c.name("this2")).is_some() => 0,
        None => return None,
    };
    Some(DateExpr::WeekdayOfWeek { weekday, weeks })
}

/// "le lendemain" and "la veille" of the story's last day; not "la veille du sommet", the
/// day before something else.
fn from_previous(text: &str, c: &Captures) -> Option<DateExpr> {
    let rest = text.get(c.get(0)?.end()..).unwrap_or("").trim_start();
    let of = ["de ", "du ", "des ", "d'", "d’"];
    if of.iter().any(|w| rest.to_lowercase().starts_with(w)) {
        return None;
    }
    let days = if c.name("next").is_some() { 1 } else { -1 };
    Some(DateExpr::FromPrevious { months: 0, days })
}

/// "il y a" counts back from publication; "dans" and "d'ici" (the end of the time) forward.
fn shift(_: &str, c: &Captures) -> Option<DateExpr> {
    let sign = if c.name("dir")?.as_str().to_lowercase().starts_with("il") {
        -1
    } else {
        1
    };
    let (months, days) = read_amounts(c.name("amt")?.as_str(), &AMOUNT_WORDS, sign)?;
    Some(DateExpr::Shift { months, days })
}

/// "trois jours plus tard", "trois jours après,": a time after the story's previous day
/// ("trois jours après l'attentat" counts from something else).
fn later(text: &str, c: &Captures) -> Option<DateExpr> {
    let whole = c.get(0)?;
    if whole.as_str().ends_with("après") && !ends_clause(text, whole.end()) {
        return None;
    }
    let (months, days) = read_amounts(c.name("amt")?.as_str(), &AMOUNT_WORDS, 1)?;
    Some(DateExpr::FromPrevious { months, days })
}

/// "le deuxième jour d'août": a day counted in its month, in words or figures ("4e").
fn ordinal_day(_: &str, c: &Captures) -> Option<DateExpr> {
    let nth = c.name("nth")?.as_str();
    let day = match lookup(ORDINALS, nth) {
        Some(day) => day,
        None => nth
            .trim_end_matches(|ch: char| !ch.is_ascii_digit())
            .parse()
            .ok()?,
    };
    let year = match c.name("y") {
        Some(y) => Some(parse_year(y.as_str())?),
        None => None,
    };
    day_expr(day, lookup(MONTHS, c.name("mon")?.as_str())?, year)
}

/// Words after "le deuxième dimanche" that attach it to something other than this month
/// ("de l'Avent", "après l'élection").
const NTH_WEEKDAY_ATTACHED: &[&str] = &[
    "de", "du", "des", "d'", "d’", "en", "après", "avant", "suivant", "qui", "où",
];

/// "le deuxième dimanche" alone: of publication's month.
fn nth_weekday_of_this_month(text: &str, c: &Captures) -> Option<DateExpr> {
    nth_weekday_alone(text, c, ORDINALS, WEEKDAYS, NTH_WEEKDAY_ATTACHED)
}

fn nth_weekday(_: &str, c: &Captures) -> Option<DateExpr> {
    let nth = lookup(ORDINALS, c.name("nth")?.as_str())?;
    let month = match (c.name("mon"), c.name("rel")) {
        (Some(m), _) => MonthRef::Named(lookup(MONTHS, m.as_str())?),
        (None, Some(r)) => MonthRef::FromPublication(lookup(RELATIVE_PERIOD, r.as_str())? as i32),
        (None, None) => MonthRef::FromPublication(0),
    };
    Some(DateExpr::NthWeekday {
        nth,
        weekday: lookup(WEEKDAYS, c.name("wd")?.as_str())?,
        month,
    })
}

fn month(text: &str, c: &Captures) -> Option<DateExpr> {
    let mon = c.name("mon")?;
    if follows_day_number(text, mon.start()) {
        return None;
    }
    let month = lookup(MONTHS, mon.as_str())?;
    match c.name("y") {
        Some(y) => Some(DateExpr::MonthYear {
            month,
            year: parse_year(y.as_str())?,
        }),
        // A month name alone is a date only when a word makes it one.
        None if c.name("cue").is_some() || c.name("mi").is_some() || c.name("mod").is_some() => {
            Some(DateExpr::Month(month))
        }
        None => None,
    }
}

/// A month or a year placed from publication's; not "cette année-là", "ce mois-là", which are
/// the story's.
fn month_or_year_from_publication(text: &str, c: &Captures) -> Option<DateExpr> {
    if followed_by(text, c.get(0)?.end(), &["-là", "là"]) {
        return None;
    }
    let offset = |rel: Option<regex::Match>| match rel {
        Some(r) => lookup(RELATIVE_PERIOD, r.as_str()).map(|k| k as i32),
        None => Some(0),
    };
    if c.name("mrel").is_some() || c.name("mthis").is_some() {
        Some(DateExpr::MonthFromPublication(offset(c.name("mrel"))?))
    } else {
        Some(DateExpr::YearFromPublication(offset(c.name("yrel"))?))
    }
}

/// "ce mercredi" is the current week's; "mercredi dernier", "dernier mercredi", "mercredi
/// passé" the latest before publication (French names the last one gone by, in this week or
/// the one before); "mercredi prochain" the next after it.
fn weekday(_: &str, c: &Captures) -> Option<DateExpr> {
    let weekday = lookup(WEEKDAYS, c.name("wd")?.as_str())?;
    let pre = c.name("pre").map(|m| m.as_str().to_lowercase());
    let relation = match (c.name("mod"), pre.as_deref()) {
        (Some(m), _) => lookup(WEEKDAY_MODIFIERS, &key(m.as_str()))?,
        (None, Some("ce" | "cette")) => return Some(DateExpr::WeekdayOfWeek { weekday, weeks: 0 }),
        (None, Some(p)) => match lookup(WEEKDAY_MODIFIERS, p) {
            Some(relation) => relation,
            None => return Some(plain_weekday(weekday)),
        },
        (None, None) => return Some(plain_weekday(weekday)),
    };
    Some(relation.weekday(weekday))
}

fn relative(text: &str, c: &Captures) -> Option<DateExpr> {
    let w = c.name("w")?;
    let days = lookup(RELATIVE, &key(&w.as_str().replace('-', " ")))?;
    // "à ce jour", "jusqu'à aujourd'hui" mean "so far", not a day; a capital inside a sentence
    // is a title ("… Aujourd'hui").
    let until_now = days == 0 && previous_word(text, w.start()).to_lowercase() == "à";
    (!until_now && !capitalised_inside_sentence(text, w.start()))
        .then_some(DateExpr::DaysFromPublication(days))
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
            ("Le traité a été signé le 3 avril 2025 à Paris.", "le 3 avril 2025", Full(d(2025, 4, 3))),
            ("Signé le 1er mars 2024.", "le 1er mars 2024", Full(d(2024, 3, 1))),
            ("Il partira le premier juin 2026.", "le premier juin 2026", Full(d(2026, 6, 1))),
            ("Réunion du 12 janv. 2023 à Astana.", "du 12 janv. 2023", Full(d(2023, 1, 12))),
            ("Note datée du 7 févr. 2021.", "du 7 févr. 2021", Full(d(2021, 2, 7))),
            ("Accord conclu le 14 sept. 2019.", "le 14 sept. 2019", Full(d(2019, 9, 14))),
            ("Courrier du 03/04/2025 au ministère.", "du 03/04/2025", Full(d(2025, 4, 3))),
            ("Décret du 5.11.2020 publié.", "du 5.11.2020", Full(d(2020, 11, 5))),
            ("Par la rédaction | 9 MARS 2022", "9 MARS 2022", Full(d(2022, 3, 9))),
            ("Ils se sont retrouvés le dimanche 1er novembre à Bakou.", "le dimanche 1er novembre", WeekdayDayMonth { weekday: Weekday::Sun, day: 1, month: 11 }),
            ("Il a parlé le 20 mai devant la presse.", "le 20 mai", DayMonth { day: 20, month: 5 }),
            ("« J'étais à Genève ce 18 mai », dit-il.", "ce 18 mai", DayMonth { day: 18, month: 5 }),
            ("Arrivé le 1er février au soir, il est reparti.", "le 1er février", DayMonth { day: 1, month: 2 }),
            ("Le sommet se tiendra les 19 et 20 mai.", "les 19 et 20 mai", DayMonth { day: 19, month: 5 }),
            ("Des exercices du 19 au 21 août à Och.", "du 19 au 21 août", DayMonth { day: 19, month: 8 }),
            ("Il l'avait reçu le 2 octobre dernier.", "le 2 octobre dernier", DateExpr::DayMonthPlaced { day: 2, month: 10, after: false }),
            ("Le contrat prendra effet le 1er janvier prochain.", "le 1er janvier prochain", DateExpr::DayMonthPlaced { day: 1, month: 1, after: true }),
            ("Un programme lancé en septembre 2022 continue.", "en septembre 2022", MonthYear { month: 9, year: 2022 }),
            ("Leur dernière rencontre, septembre 2013, reste floue.", "septembre 2013", MonthYear { month: 9, year: 2013 }),
            ("Le pays a été secoué en janvier par des émeutes.", "en janvier", Month(1)),
            ("Troisième réunion depuis septembre pour eux.", "depuis septembre", Month(9)),
            ("Les premiers sont arrivés à la mi-août sur la base.", "mi-août", Month(8)),
            ("Il était venu en mai dernier pour négocier.", "en mai dernier", Month(5)),
            ("Créée en 2001, l'organisation compte six membres.", "en 2001", Year(2001)),
            ("Un objectif à atteindre d'ici 2030 au plus tard.", "d'ici 2030", Year(2030)),
            ("Un plan en vigueur jusqu'en 2027 selon lui.", "jusqu'en 2027", Year(2027)),
            ("Le ministre a reçu jeudi son homologue.", "jeudi", wd(Weekday::Thu, false, false)),
            ("Dimanche, le Premier ministre a visité l'usine.", "Dimanche", wd(Weekday::Sun, false, false)),
            ("Il devait rencontrer ce mercredi les investisseurs.", "ce mercredi", WeekdayOfWeek { weekday: Weekday::Wed, weeks: 0 }),
            ("Ils se sont parlé mardi dernier au téléphone.", "mardi dernier", wd(Weekday::Tue, true, false)),
            ("Le vote aura lieu jeudi prochain au Parlement.", "jeudi prochain", wd(Weekday::Thu, false, true)),
            ("Il a atterri lundi soir à Tachkent.", "lundi soir", wd(Weekday::Mon, false, false)),
            ("Le ministre a déclaré hier que rien n'était joué.", "hier", DaysFromPublication(-1)),
            ("Elle est arrivée avant-hier à Douchanbé.", "avant-hier", DaysFromPublication(-2)),
            ("Nous sommes réunis ici aujourd'hui pour signer.", "aujourd'hui", DaysFromPublication(0)),
            ("Nous sommes réunis ici aujourd’hui pour signer.", "aujourd’hui", DaysFromPublication(0)),
            ("Le texte sera signé demain à Bichkek.", "demain", DaysFromPublication(1)),
            ("Il s'est exprimé hier soir à la télévision.", "hier soir", DaysFromPublication(-1)),
            ("Le président a reçu ce matin l'ambassadeur.", "ce matin", DaysFromPublication(0)),
            ("Le ministère a annoncé ce jour un nouveau plan.", "ce jour", DaysFromPublication(0)),
            ("Plus tard dans la journée, il a rencontré le maire.", "Plus tard dans la journée", SameDayAsPrevious),
            ("Il a signé le même jour un second accord.", "le même jour", SameDayAsPrevious),
            ("Au même moment, les troupes défilaient.", "Au même moment", SameDayAsPrevious),
            ("Il parlait au moment même où ils arrivaient.", "au moment même", SameDayAsPrevious),
            ("Ce jour-là, la délégation est partie.", "Ce jour-là", SameDayAsPrevious),
            ("Les deux pays ont discuté la semaine dernière du transit.", "la semaine dernière", LastWeek),
            ("Le paquet de cette semaine pèse davantage.", "cette semaine", ThisWeek),
            ("Il l'avait dit plus tôt ce mois-ci à Almaty.", "plus tôt ce mois-ci", EarlierThisMonth),
            ("Les travaux commenceront à partir de mars selon lui.", "à partir de mars", Month(3)),
            ("Une capacité doublée à l'horizon 2030 est prévue.", "à l'horizon 2030", Year(2030)),
            ("Le plan vise d'ici à 2035 une hausse nette.", "d'ici à 2035", Year(2035)),
            ("Le décret prendra effet fin 2025, dit-il.", "fin 2025", Year(2025)),
            ("Les élections sont prévues début mars 2026.", "début mars 2026", MonthYear { month: 3, year: 2026 }),
            ("Le sommet des 5 et 6 juin 2024 a réuni six pays.", "5 et 6 juin 2024", Full(d(2024, 6, 5))),
            ("Il a parlé le 20\u{a0}mai à Bruxelles.", "le 20\u{a0}mai", DayMonth { day: 20, month: 5 }),
            ("Ils s'étaient vus mardi passé à Moscou.", "mardi passé", wd(Weekday::Tue, true, false)),
            ("Ce soir-là, il a quitté Astana.", "Ce soir-là", SameDayAsPrevious),
            ("Arrivée le 14 JUILLET 2021 à Khiva.", "le 14 JUILLET 2021", Full(d(2021, 7, 14))),
            ("Le ministre reviendra le 19.", "le 19", DayOfMonth { day: 19, month_offset: None }),
            ("Il a promis une réponse pour le vingt-quatre.", "le vingt-quatre", DayOfMonth { day: 24, month_offset: None }),
            ("Le vote aura lieu le 14 du mois prochain à Bichkek.", "le 14 du mois prochain", DayOfMonth { day: 14, month_offset: Some(1) }),
            ("Les délégués se retrouvent jeudi 9.", "jeudi 9", WeekdayDay { weekday: Weekday::Thu, day: 9 }),
            ("Le sommet aura lieu jeudi de la semaine prochaine à Astana.", "jeudi de la semaine prochaine", WeekdayOfWeek { weekday: Weekday::Thu, weeks: 1 }),
            ("Ils se sont vus la semaine dernière mercredi à Genève.", "la semaine dernière mercredi", WeekdayOfWeek { weekday: Weekday::Wed, weeks: -1 }),
            ("Il est reparti le lendemain pour Almaty.", "le lendemain", FromPrevious { months: 0, days: 1 }),
            ("Ils avaient tout préparé la veille, dit-il.", "la veille", FromPrevious { months: 0, days: -1 }),
            ("Le traité a été signé il y a quatre ans par les six pays.", "il y a quatre ans", Shift { months: -48, days: 0 }),
            ("Les experts reviendront dans cinq semaines à Tachkent.", "dans cinq semaines", Shift { months: 0, days: 35 }),
            ("Dix jours plus tard, les troupes se sont retirées.", "Dix jours plus tard", FromPrevious { months: 0, days: 10 }),
            ("Ils se sont quittés il y a deux mois et 10 jours sans accord.", "il y a deux mois et 10 jours", Shift { months: -2, days: -10 }),
            ("Le conseil se réunit le premier lundi de juillet.", "le premier lundi de juillet", NthWeekday { nth: 1, weekday: Weekday::Mon, month: MonthRef::Named(7) }),
            ("Le marché sera fermé à Noël, selon la mairie.", "Noël", Holiday { rule: HolidayRule::Fixed { month: 12, day: 25 }, when: HolidayYear::Nearest }),
            ("Le pèlerinage a eu lieu à Pâques 2021.", "Pâques 2021", Holiday { rule: HolidayRule::Easter(0), when: HolidayYear::Written(2021) }),
            ("Les députés rentrent quatre jours après le 9 mars.", "quatre jours après le 9 mars", Offset { base: Box::new(DayMonth { day: 9, month: 3 }), months: 0, days: 4 }),
            ("Elle est partie dix jours avant Noël.", "dix jours avant Noël", Offset { base: Box::new(Holiday { rule: HolidayRule::Fixed { month: 12, day: 25 }, when: HolidayYear::Nearest }), months: 0, days: -10 }),
            ("Un courrier du 17/09/19 a été retrouvé.", "du 17/09/19", Full(d(2019, 9, 17))),
            ("Un document du 2019/03/21 a fuité.", "2019/03/21", Full(d(2019, 3, 21))),
            ("Une note datée du 14/sept./2021 circule.", "14/sept./2021", Full(d(2021, 9, 14))),
            ("Le ministre partira après demain pour Bakou.", "après demain", DaysFromPublication(2)),
            ("Il est né le 3 juin 81.", "le 3 juin 81", Full(d(1981, 6, 3))),
            ("Le 3 mai 12 soldats ont été tués.", "Le 3 mai", DayMonth { day: 3, month: 5 }),
            ("Mardi, 12 soldats ont été tués.", "Mardi", wd(Weekday::Tue, false, false)),
            ("Un rendez-vous fixé le 25/09 à Paris.", "le 25/09", DayMonth { day: 25, month: 9 }),
            ("Ils rentreront le deuxième jour d'août.", "le deuxième jour d'août", DayMonth { day: 2, month: 8 }),
            ("Le traité date du 4e jour de juillet 1995, dit-il.", "4e jour de juillet 1995", Full(d(1995, 7, 4))),
            ("Le conseil se réunit le troisième mardi, comme toujours.", "le troisième mardi", NthWeekday { nth: 3, weekday: Weekday::Tue, month: MonthRef::FromPublication(0) }),
            ("Mis en ligne le ven. 12 mai 2023 à 10 h 05.", "le ven. 12 mai 2023", Full(d(2023, 5, 12))),
            ("Rendez-vous jeu. 23 mai au siège.", "jeu. 23 mai", WeekdayDayMonth { weekday: Weekday::Thu, day: 23, month: 5 }),
            ("Les prix ont baissé le mois dernier, dit-il.", "le mois dernier", DateExpr::MonthFromPublication(-1)),
            ("L'an prochain, la centrale ouvrira.", "L'an prochain", DateExpr::YearFromPublication(1)),
            ("Le commerce a doublé cette année.", "cette année", DateExpr::YearFromPublication(0)),
            ("Un accord est attendu d'ici deux semaines, dit-il.", "d'ici deux semaines", Shift { months: 0, days: 14 }),
            ("Les pourparlers ont cessé il y a environ un mois à Genève.", "il y a environ un mois", Shift { months: -1, days: 0 }),
            ("Note publiée lundi mars 4 2019 au journal officiel.", "lundi mars 4 2019", Full(d(2019, 3, 4))),
            ("Il est revenu trois jours avant le nouvel an.", "trois jours avant le nouvel an", Offset { base: Box::new(Holiday { rule: HolidayRule::Fixed { month: 1, day: 1 }, when: HolidayYear::Nearest }), months: 0, days: -3 }),
        ];
        for (text, span, want) in cases {
            let found = find_dates(text, Lang::Fr);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].start..found[0].end], *span, "{text}");
            assert_eq!(&found[0].expr, want, "{text}");
        }
    }

    /// Numbers that are amounts or counts, impossible days and words that only look like dates.
    #[test]
    fn not_dates() {
        let cases = [
            "Le pays a envoyé 2 000 soldats et 2022 véhicules.",
            "Il a fallu 2019 heures de travail.",
            "Le contrat porte sur 1500 tonnes en 2 000 lots.",
            "Le document daté du 31 février 2024 est un faux.",
            "Rendez-vous le 30 février.",
            "Sept délégations sont venues, et sept ministres.",
            "La production a progressé de 2021 %.",
            "Ce journal, le mardiste, les lundis.",
            "À ce jour, aucun accord n'a été trouvé.",
            "Les ventes atteignent 1 250 000 en 2 ans.",
            "Il a obtenu 1/3 des voix, et 3/4 au second tour.",
            "Le 20 heures a ouvert sur la crise.",
            "Noël Mamère a pris la parole.",
            "Le score est de 10-12 ans après le match 3-2.",
            "Appelez le 01.02.03.04.05 ou écrivez.",
            "La veille de la réunion, rien n'était prêt.",
            "Il est arrivé le premier, elle le deux.",
            "Trois jours après l'attentat, la ville pleurait.",
            "Le deuxième jour, les négociateurs ont avancé.",
            "Le 1er ministre a parlé devant les 27 pays de l'Union.",
            "La mission vers Mars, lancée par le G20 de 2023, a coûté 2 milliards.",
            "Cette année-là, les négociateurs ont avancé, et ce mois-là aussi.",
        ];
        for text in cases {
            let found = find_dates(text, Lang::Fr);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    /// An ordinal weekday attached to something else is no day of this month; the weekday given
    /// with a day and month fixes its year.
    #[test]
    fn ordinal_weekdays_and_weekday_years() {
        let advent = find_dates(
            "Ils se retrouvent le premier dimanche de l'Avent.",
            Lang::Fr,
        );
        assert!(
            advent
                .iter()
                .all(|m| !matches!(m.expr, DateExpr::NthWeekday { .. })),
            "{advent:?}"
        );
        // Published on Monday 7 November 2016; 9 May was a Monday in 2016, a Tuesday in 2017.
        let published = Some(d(2016, 11, 7));
        let day = |text: &str| find_dates(text, Lang::Fr)[0].expr.resolve(published, None);
        assert_eq!(
            day("Le vote aura lieu le mardi 9 mai."),
            Some(d(2017, 5, 9))
        );
        assert_eq!(
            day("Le vote a eu lieu le lundi 9 mai."),
            Some(d(2016, 5, 9))
        );
        assert_eq!(
            day("Le vote a eu lieu le jeudi 9 mai."),
            Some(d(2016, 5, 9))
        );
    }

    /// Several dates in one text come back in order, each resolved against the publication day.
    #[test]
    fn resolution_in_context() {
        // Published on Thursday 8 May 2014.
        let published = Some(d(2014, 5, 8));
        let text = "Le président a reçu jeudi le secrétaire d'État. Il avait déjà parlé mercredi, \
                    puis le 28 décembre et le 20 mai. Plus tard dans la journée, il est parti.";
        let found = find_dates(text, Lang::Fr);
        let mut previous = None;
        let mut resolved = Vec::new();
        for m in &found {
            let day = m.expr.resolve(published, previous);
            previous = day.or(previous);
            resolved.push((&text[m.start..m.end], day));
        }
        assert_eq!(
            resolved,
            vec![
                ("jeudi", Some(d(2014, 5, 8))),
                ("mercredi", Some(d(2014, 5, 7))),
                ("le 28 décembre", Some(d(2013, 12, 28))),
                ("le 20 mai", Some(d(2014, 5, 20))),
                ("Plus tard dans la journée", Some(d(2014, 5, 20))),
            ]
        );
        assert!(found.iter().all(|m| m.expr.resolve(None, None).is_none()));
    }
}
