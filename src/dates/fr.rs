//! French date grammar. Month and weekday names are the French calendar's (closed classes); the
//! usual press abbreviations are accepted with their dot only, since "sept" alone is a number.

use super::{
    alternation, capitalised_inside_sentence, day_expr, follows_day_number, grammar, key, lookup,
    max_day, parse_day, parse_year, previous_word, read_period, read_year, DateExpr, DateMatch,
    Grammar,
};
use chrono::Weekday;
use regex::Captures;
use std::sync::LazyLock;

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv.", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr.", 2),
    ("fevr.", 2),
    ("fév.", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr.", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil.", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("sept.", 9),
    ("octobre", 10),
    ("oct.", 10),
    ("novembre", 11),
    ("nov.", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc.", 12),
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

/// Days counted from publication; the part of the day ("hier soir") does not change the day.
const RELATIVE: &[(&str, i64)] = &[
    ("avant-hier", -2),
    ("hier", -1),
    ("aujourd'hui", 0),
    ("ce matin", 0),
    ("ce midi", 0),
    ("ce soir", 0),
    ("cet après-midi", 0),
    ("ce jour", 0),
    ("demain", 1),
    ("après-demain", 2),
];

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let m = format!("(?:{})", alternation(MONTHS));
    let w = format!("(?:{})", alternation(WEEKDAYS));
    let g = |p: &str| grammar(p, &m, &w);
    Grammar::new(vec![
        // "le 20 mai", "le dimanche 1er novembre 2015", "les 19 et 20 mai", "du 19 au 21 mai dernier"
        (
            g(
                r"(?i)\b(?:(?:le|ce|les|du)\s+)?(?:WEEKDAY,?\s+)?(?P<d1>1er|1ᵉʳ|premier|[0-9]{1,2})(?:\s*(?:et|au|à|-|–)\s*(?:le\s+)?(?P<d2>1er|[0-9]{1,2}))?\s+(?P<mon>MONTH)(?:\s+(?P<y>[0-9]{4})\b|\s+(?:dernier|prochain)\b)?",
            ),
            day,
        ),
        (
            g(
                r"(?i)\b(?:(?:le|du)\s+)?(?P<d>[0-9]{1,2})(?P<s1>[/.-])(?P<m>[0-9]{1,2})(?P<s2>[/.-])(?P<y>[0-9]{4})\b",
            ),
            numeric,
        ),
        // "en septembre 2022", "septembre 2013", "depuis septembre", "mi-août", "mai dernier"
        (
            g(
                r"(?i)(?:(?P<cue>\b(?:en|depuis|dès|d['’]ici|jusqu['’]en|au\s+mois\s+de|courant|fin|début)|à\s+partir\s+de)\s+|(?P<mi>\bmi-))?(?P<mon>MONTH)(?:\s+(?P<y>[0-9]{4})\b|\s+(?P<mod>dernier|prochain)\b)?",
            ),
            month,
        ),
        // A year alone only after a word that makes it one: "en 2022", "d'ici à 2030", "fin 2021".
        (
            g(
                r"(?i)(?:(?:\b(?:en|depuis|dès|d['’]ici(?:\s+à)?|jusqu['’]en|courant|fin|début)|à\s+l['’]horizon|à\s+partir\s+de)\s+|\bmi-)(?P<y>[0-9]{4})\b",
            ),
            read_year,
        ),
        // "jeudi", "ce mercredi", "mardi dernier", "lundi soir prochain"
        (
            g(
                r"(?i)\b(?:(?:ce|le|depuis|dès|d['’]ici|jusqu['’]à)\s+)?(?P<wd>WEEKDAY)(?:\s+(?:matin|midi|après-midi|soir)\b)?(?:\s+(?P<mod>(?:dernier|prochain)\b|passé))?",
            ),
            weekday,
        ),
        (
            g(
                r"(?i)\b(?P<w>avant-hier|après-demain|aujourd['’]hui|hier|demain|ce\s+matin|ce\s+midi|ce\s+soir|cet\s+après-midi|ce\s+jour)\b(?:\s+(?:matin|midi|après-midi|soir)\b)?",
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
    ])
});

/// Every French date expression in `text`, overlapping readings included.
pub(super) fn find(text: &str) -> Vec<DateMatch> {
    GRAMMAR.find(text)
}

fn day(_: &str, c: &Captures) -> Option<DateExpr> {
    let first = parse_day(c.name("d1")?.as_str())?;
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
    day_expr(first, month, year)
}

fn numeric(_: &str, c: &Captures) -> Option<DateExpr> {
    if c.name("s1")?.as_str() != c.name("s2")?.as_str() {
        return None;
    }
    let day = c.name("d")?.as_str().parse().ok()?;
    let month = c.name("m")?.as_str().parse().ok()?;
    day_expr(day, month, Some(parse_year(c.name("y")?.as_str())?))
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

fn weekday(_: &str, c: &Captures) -> Option<DateExpr> {
    let weekday = lookup(WEEKDAYS, c.name("wd")?.as_str())?;
    let modifier = c.name("mod").map(|m| m.as_str().to_lowercase());
    Some(DateExpr::Weekday {
        weekday,
        strictly_before: matches!(modifier.as_deref(), Some("dernier" | "passé")),
        next: modifier.as_deref() == Some("prochain"),
    })
}

fn relative(text: &str, c: &Captures) -> Option<DateExpr> {
    let w = c.name("w")?;
    let days = lookup(RELATIVE, &key(w.as_str()))?;
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
        use DateExpr::{
            DayMonth, DaysFromPublication, EarlierThisMonth, Full, LastWeek, Month, MonthYear,
            SameDayAsPrevious, ThisWeek, Year,
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
            ("Ils se sont retrouvés le dimanche 1er novembre à Bakou.", "le dimanche 1er novembre", DayMonth { day: 1, month: 11 }),
            ("Il a parlé le 20 mai devant la presse.", "le 20 mai", DayMonth { day: 20, month: 5 }),
            ("« J'étais à Genève ce 18 mai », dit-il.", "ce 18 mai", DayMonth { day: 18, month: 5 }),
            ("Arrivé le 1er février au soir, il est reparti.", "le 1er février", DayMonth { day: 1, month: 2 }),
            ("Le sommet se tiendra les 19 et 20 mai.", "les 19 et 20 mai", DayMonth { day: 19, month: 5 }),
            ("Des exercices du 19 au 21 août à Och.", "du 19 au 21 août", DayMonth { day: 19, month: 8 }),
            ("Il l'avait reçu le 2 octobre dernier.", "le 2 octobre dernier", DayMonth { day: 2, month: 10 }),
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
            ("Il devait rencontrer ce mercredi les investisseurs.", "ce mercredi", wd(Weekday::Wed, false, false)),
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
        ];
        for text in cases {
            let found = find_dates(text, Lang::Fr);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
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
