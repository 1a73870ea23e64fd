//! The actor dictionary: countries, organisations, places, persons with dated offices, titles
//! and honorifics, loaded from the bundled data files (compiled in) plus any user files, and
//! compiled once into one Aho-Corasick automaton per language over folded text.

mod load;
mod person_rows;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::text::normalise::fold_str;
use crate::text::phrases::Phrases;
use crate::Lang;

pub use load::LexiconError;

#[derive(Clone, Debug)]
pub struct Country {
    pub iso3: String,
    pub name: String,
    pub cameo: String,
}

#[derive(Clone, Debug)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub cameo: Option<String>,
    pub country: Option<String>,
    pub members: Vec<String>,
    /// The place id of the building a body is named after ("Kremlin" → moscow).
    pub seat: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub kind: String,
    /// A city of the gazetteer that no dictionary names: a place only where the text says it
    /// is one ("in Iquitos", "à Arusha", a dateline), not wherever its name is written.
    pub by_context: bool,
}

#[derive(Clone, Debug)]
pub struct Office {
    pub role: Option<String>,
    pub country: Option<String>,
    pub org: Option<String>,
    pub cameo: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

impl Person {
    /// The office held on `date`; without a date, the most recent office (latest start).
    /// Offices with a role are preferred over bare CAMEO codes held at the same time.
    pub fn office_on(&self, date: Option<NaiveDate>) -> Option<&Office> {
        let held = |o: &&Office| match date {
            Some(d) => o.start.is_none_or(|s| s <= d) && o.end.is_none_or(|e| d <= e),
            None => true,
        };
        self.offices
            .iter()
            .filter(held)
            .max_by_key(|o| (o.role.is_some(), o.start))
    }
}

#[derive(Clone, Debug)]
pub struct Title {
    pub role: String,
    pub sector: String,
}

/// What a dictionary pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Country(usize),
    /// A demonym or national adjective of that country ("kazakh", "américaines").
    Demonym(usize),
    Organisation(usize),
    Place(usize),
    Person(usize),
    Title(usize),
    Honorific,
}

/// One language's compiled patterns.
pub struct Matcher {
    pub phrases: Phrases,
    /// Per pattern: what it stands for, and the exact original spelling when it must be matched
    /// case-sensitively (short all-capital acronyms such as "UE", "BAD", "US").
    pub patterns: Vec<(Entry, Option<String>)>,
    /// Per pattern: the words (bit i for word i, up to 32) of a proper name written with a
    /// capital, which must have one in the text too ("La Réunion" the island, not "la réunion"
    /// or "La réunion" the meeting). Zero for common words and titles.
    pub needs_capital: Vec<u32>,
    /// Countries, demonyms and organisations only, for looking inside a title ("USAID
    /// Administrator", where the whole title is the longest match of `phrases`), with the
    /// index in `patterns` of each of its patterns.
    pub bodies: Phrases,
    pub bodies_pattern: Vec<usize>,
}

#[derive(Default)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    pub places: Vec<Place>,
    pub persons: Vec<Person>,
    pub titles: Vec<Title>,
    /// Surface forms per language, before compilation.
    aliases: HashMap<Lang, Vec<(String, Entry)>>,
    /// Transliteration key of a full name → persons.
    pub person_by_key: FxHashMap<String, Vec<usize>>,
    /// Transliteration key of a surname → persons.
    pub person_by_surname: FxHashMap<String, Vec<usize>>,
    pub country_by_iso3: HashMap<String, usize>,
    pub organisation_by_id: HashMap<String, usize>,
    matchers: HashMap<Lang, Matcher>,
    /// Folded title forms per language, longest first, for re-matching a title interrupted by
    /// a nationality ("ministre kazakh des Affaires étrangères").
    title_forms: HashMap<Lang, Vec<(String, usize)>>,
}

static BUNDLED: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(
        Lexicon::from_sources(&[]).expect("the bundled data files are valid (checked by tests)"),
    )
});

impl Lexicon {
    /// The dictionary compiled into the library.
    pub fn bundled() -> Arc<Lexicon> {
        Arc::clone(&BUNDLED)
    }

    /// The bundled dictionary extended with user files: `(name, TOML text)` pairs in the
    /// format of the bundled files (`[[person]]`, `[[organization]]`, `[[place]]`,
    /// `[[country]]`, `[[title]]` tables).
    pub fn from_sources(user: &[(String, String)]) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        load::bundled(&mut lexicon)?;
        for (name, text) in user {
            load::user_file(&mut lexicon, name, text)?;
        }
        load::gazetteer_cities(&mut lexicon);
        lexicon.compile()?;
        Ok(lexicon)
    }

    pub fn matcher(&self, lang: Lang) -> Option<&Matcher> {
        self.matchers.get(&lang)
    }

    /// The longest title form that `folded` starts with (whole words), and its title index.
    pub fn title_prefix(&self, lang: Lang, folded: &str) -> Option<(usize, usize)> {
        self.title_forms
            .get(&lang)?
            .iter()
            .find_map(|(form, title)| {
                let rest = folded.strip_prefix(form.as_str())?;
                let bounded = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
                bounded.then_some((form.len(), *title))
            })
    }

    pub(crate) fn add_alias(&mut self, lang: Option<Lang>, alias: &str, entry: Entry) {
        let alias = alias.trim();
        if alias.is_empty() {
            return;
        }
        for l in lang.map_or(vec![Lang::Fr, Lang::En], |l| vec![l]) {
            self.aliases
                .entry(l)
                .or_default()
                .push((alias.to_string(), entry));
        }
    }

    pub(crate) fn add_person(&mut self, person: Person) {
        let index = self.persons.len();
        for alias in &person.aliases {
            let key = name_key(alias);
            if key.split(' ').count() < 2 {
                continue;
            }
            let at = self.person_by_key.entry(key.clone()).or_default();
            if !at.contains(&index) {
                at.push(index);
            }
            if let Some(surname) = key.rsplit(' ').next().filter(|s| s.len() >= 3) {
                let at = self
                    .person_by_surname
                    .entry(surname.to_string())
                    .or_default();
                if !at.contains(&index) {
                    at.push(index);
                }
            }
        }
        self.persons.push(person);
    }

    fn compile(&mut self) -> Result<(), LexiconError> {
        for (lang, aliases) in &self.aliases {
            let mut titles: Vec<(String, usize)> = aliases
                .iter()
                .filter_map(|(alias, entry)| match entry {
                    Entry::Title(t) => Some((fold_str(alias), *t)),
                    _ => None,
                })
                .collect();
            titles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
            self.title_forms.insert(*lang, titles);
            let mut seen: HashMap<String, usize> = HashMap::new();
            let mut folded_patterns = Vec::new();
            let mut patterns = Vec::new();
            let mut needs_capital = Vec::new();
            for (alias, entry) in aliases {
                let folded = fold_str(alias);
                let case_sensitive = is_acronym(alias).then(|| alias.clone());
                // The first entry for a folded form wins, except that case-sensitive acronyms
                // keep their own pattern so "US" (case-sensitive) never shadows "us".
                let key = format!("{folded}\u{1f}{}", case_sensitive.is_some());
                if seen.contains_key(&key) {
                    continue;
                }
                seen.insert(key, patterns.len());
                folded_patterns.push(folded);
                patterns.push((*entry, case_sensitive));
                let proper = matches!(
                    entry,
                    Entry::Country(_) | Entry::Place(_) | Entry::Organisation(_)
                );
                needs_capital.push(if proper { capital_words(alias) } else { 0 });
            }
            let build = |patterns: &[&String]| {
                Phrases::new(patterns)
                    .map_err(|e| LexiconError(format!("compiling the {lang:?} patterns: {e}")))
            };
            let bodies_pattern: Vec<usize> = patterns
                .iter()
                .enumerate()
                .filter(|(_, (entry, _))| {
                    matches!(
                        entry,
                        Entry::Country(_) | Entry::Demonym(_) | Entry::Organisation(_)
                    )
                })
                .map(|(i, _)| i)
                .collect();
            let bodies = build(
                &bodies_pattern
                    .iter()
                    .map(|&i| &folded_patterns[i])
                    .collect::<Vec<_>>(),
            )?;
            let phrases = build(&folded_patterns.iter().collect::<Vec<_>>())?;
            self.matchers.insert(
                *lang,
                Matcher {
                    phrases,
                    patterns,
                    needs_capital,
                    bodies,
                    bodies_pattern,
                },
            );
        }
        self.country_by_iso3 = self
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        self.organisation_by_id = self
            .organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        Ok(())
    }
}

/// Bit i set when word i of `alias` (split at spaces) starts with a capital.
fn capital_words(alias: &str) -> u32 {
    alias
        .split_whitespace()
        .take(32)
        .enumerate()
        .filter(|(_, w)| w.starts_with(char::is_uppercase))
        .fold(0, |bits, (i, _)| bits | (1 << i))
}

/// Short all-capital aliases are matched case-sensitively ("UE" but not "ue", "BAD" but not "bad").
fn is_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// Transliteration-insensitive key of a person's name: folded, then the spelling variants of
/// Russian and Central Asian names written in French or English made equal (ou/u, kh/h, y/i,
/// dj/j, tch/ch, c/k, -iev/-yev/-ev, doubled letters), hyphens to spaces.
pub fn name_key(name: &str) -> String {
    let folded = fold_str(name);
    let mut key = String::with_capacity(folded.len());
    // Reused for every word: keys are computed for every capitalised word of a document.
    let mut word = String::new();
    for part in folded.split([' ', '-']) {
        word.clear();
        word.extend(part.chars().filter(|c| c.is_alphanumeric()));
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        push_transliterated(&word, &mut key);
    }
    key
}

/// Appends the transliteration key of one word (never empty for a non-empty word) to `key`.
fn push_transliterated(word: &str, key: &mut String) {
    let mut w = Cow::Borrowed(word);
    for (from, to) in [
        ("tch", "ch"),
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("kh", "h"),
        ("ou", "u"),
        ("gue", "ge"),
        ("gui", "gi"),
        ("q", "k"),
        ("ck", "k"),
        ("y", "i"),
        ("w", "v"),
        ("ph", "f"),
    ] {
        // Most words hold none of these spellings: copy only when one is there. Words are
        // short: comparing at each position beats setting up a substring search, and the first
        // byte rules out most positions without a call to compare slices.
        let from_bytes = from.as_bytes();
        if w.as_bytes()
            .windows(from_bytes.len())
            .any(|at| at[0] == from_bytes[0] && at == from_bytes)
        {
            w = Cow::Owned(w.replace(from, to));
        }
    }
    let start = key.len();
    // c before a consonant or at the end sounds k ("Turc" / "Turk"); doubled letters are one.
    let mut last: Option<char> = None;
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        let out = if c == 'c' && !matches!(chars.peek(), Some('e' | 'i' | 'h')) {
            'k'
        } else if Some(c) != last || c.is_ascii_digit() {
            c
        } else {
            continue;
        };
        key.push(out);
        last = Some(out);
    }
    // -iev / -yev / -ev endings, -ii / -i.
    for (from, to) in [("iev", "ev"), ("ii", "i")] {
        if key[start..].ends_with(from) {
            key.truncate(key.len() - from.len());
            key.push_str(to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_of_a_key_is_transliterated_on_its_own() {
        // Doubled letters and endings are judged within a word, never across the space.
        assert_eq!(name_key("Dzhumabaev-Tchoulpan Iiev"), "jumabaev chulpan ev");
        assert_eq!(name_key("cccc ckq yyy wwph Ouguei"), "kkkk k i vf ugei");
        assert_eq!(name_key("Ana Aziz"), "ana aziz");
        assert_eq!(name_key(" a--b  c "), "a b k");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(
            name_key("Moukhtar Tileuberdi"),
            name_key("Mukhtar Tileuberdi")
        );
        assert_eq!(
            name_key("Kassym-Jomart Tokaïev"),
            name_key("Kassym-Jomart Tokayev")
        );
        assert_eq!(
            name_key("Noursoultan Nazarbaïev"),
            name_key("Nursultan Nazarbayev")
        );
        assert_eq!(name_key("Marc Turc"), name_key("Marc Turk"));
        assert_eq!(name_key("Sergueï Lavrov"), name_key("Sergei Lavrov"));
        assert_ne!(name_key("Antony Blinken"), name_key("Antoine Blink"));
    }

    #[test]
    fn bundled_lexicon_loads_and_resolves() {
        let lexicon = Lexicon::bundled();
        assert!(lexicon.countries.len() > 240);
        assert!(lexicon.persons.len() > 1000);
        let blinken = &lexicon.persons[lexicon.person_by_key[&name_key("Antony Blinken")][0]];
        let office = |d: &str| {
            blinken
                .office_on(NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .and_then(|o| o.role.clone())
        };
        assert_eq!(office("2022-05-20").as_deref(), Some("Secretary of State"));
        assert_eq!(
            office("2014-05-08").as_deref(),
            Some("Deputy National Security Advisor")
        );
        assert!(lexicon.matcher(Lang::Fr).is_some() && lexicon.matcher(Lang::En).is_some());
    }

    #[test]
    fn capital_words_are_marked_by_position() {
        assert_eq!(capital_words("La Réunion"), 0b11);
        assert_eq!(capital_words("Nations unies"), 0b1);
        assert_eq!(capital_words("ministère des Affaires étrangères"), 0b100);
    }

    #[test]
    fn acronyms_are_case_sensitive() {
        assert!(is_acronym("UE") && is_acronym("U.S.") && is_acronym("C5+1"));
        assert!(!is_acronym("Nations unies") && !is_acronym("Kazakhstan"));
    }
}
