//! Reading the data files (`data/*.csv`, `data/*.toml`) into a [`Lexicon`].

use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde::Deserialize;

use super::person_rows::{OfficeRaw, PersonRaw, PersonRow, ALIAS_SEPARATOR};
use super::{Country, Entry, Lexicon, Office, Organisation, Person, Place, Title};
use crate::text::normalise::fold_str;
use crate::Lang;

/// A data file that cannot be read, with the file named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexiconError {}

#[derive(Deserialize)]
struct CountryRow {
    iso3: String,
    name: String,
    names_fr: String,
    names_en: String,
    demonyms_fr: String,
    demonyms_en: String,
    cameo: String,
}

#[derive(Deserialize)]
struct PlaceRow {
    id: String,
    name: String,
    country: String,
    kind: String,
    names_fr: String,
    names_en: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DictionaryFile {
    person: Vec<PersonRaw>,
    organization: Vec<OrganisationRaw>,
    place: Vec<PlaceRaw>,
    country: Vec<CountryRaw>,
    title: Vec<TitleRaw>,
    honorifics: Option<Honorifics>,
}

#[derive(Deserialize)]
struct OrganisationRaw {
    id: Option<String>,
    name: String,
    cameo: Option<String>,
    country: Option<String>,
    #[serde(default)]
    members: Vec<String>,
    seat: Option<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Deserialize)]
struct PlaceRaw {
    id: Option<String>,
    name: String,
    country: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Deserialize)]
struct CountryRaw {
    iso3: String,
    name: String,
    cameo: Option<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    demonyms_fr: Vec<String>,
    #[serde(default)]
    demonyms_en: Vec<String>,
}

#[derive(Deserialize)]
struct TitleRaw {
    role: String,
    #[serde(default = "default_sector")]
    sector: String,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

fn default_sector() -> String {
    "GOV".into()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Honorifics {
    fr: Vec<String>,
    en: Vec<String>,
}

fn err(file: &str, what: impl std::fmt::Display) -> LexiconError {
    LexiconError(format!("{file}: {what}"))
}

fn split(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn non_empty(s: String) -> Option<String> {
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn csv_rows<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<Vec<T>, LexiconError> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
        .deserialize()
        .map(|row| row.map_err(|e| err(file, e)))
        .collect()
}

pub(super) fn bundled(lexicon: &mut Lexicon) -> Result<(), LexiconError> {
    for row in csv_rows::<CountryRow>("countries.csv", include_str!("../../data/countries.csv"))? {
        let entry_index = lexicon.countries.len();
        for (lang, names, demonyms) in [
            (Lang::Fr, &row.names_fr, &row.demonyms_fr),
            (Lang::En, &row.names_en, &row.demonyms_en),
        ] {
            for name in split(names) {
                lexicon.add_alias(Some(lang), name, Entry::Country(entry_index));
            }
            for demonym in split(demonyms) {
                lexicon.add_alias(Some(lang), demonym, Entry::Demonym(entry_index));
            }
        }
        lexicon.countries.push(Country {
            iso3: row.iso3,
            name: row.name,
            cameo: row.cameo,
        });
    }
    for row in csv_rows::<PlaceRow>("places.csv", include_str!("../../data/places.csv"))? {
        let index = lexicon.places.len();
        for (lang, names) in [(Lang::Fr, &row.names_fr), (Lang::En, &row.names_en)] {
            for name in split(names) {
                lexicon.add_alias(Some(lang), name, Entry::Place(index));
            }
        }
        lexicon.places.push(Place {
            id: row.id,
            name: row.name,
            country: non_empty(row.country),
            kind: row.kind,
            by_context: false,
        });
    }
    user_file(
        lexicon,
        "organisations.toml",
        include_str!("../../data/organisations.toml"),
    )?;
    add_persons(lexicon, "persons.toml", bundled_persons()?)?;
    user_file(
        lexicon,
        "titles.toml",
        include_str!("../../data/titles.toml"),
    )?;
    Ok(())
}

/// The gazetteer's cities that no dictionary names, by their name, as places told by their
/// context ([`Place::by_context`]); read last, so that every dictionary keeps its names.
pub(super) fn gazetteer_cities(lexicon: &mut Lexicon) {
    let known: FxHashSet<&str> = lexicon.places.iter().map(|p| p.id.as_str()).collect();
    let mut named: FxHashSet<String> = lexicon
        .aliases
        .values()
        .flatten()
        .map(|(alias, _)| fold_str(alias))
        .collect();
    let cities: Vec<_> = crate::geo::cities()
        .into_iter()
        .filter(|(id, name, _)| !known.contains(id.as_str()) && named.insert(fold_str(name)))
        .collect();
    for (id, name, country) in cities {
        let index = lexicon.places.len();
        lexicon.add_alias(None, &name, Entry::Place(index));
        lexicon.places.push(Place {
            id,
            name,
            country: Some(country),
            kind: "city".into(),
            by_context: true,
        });
    }
}

/// The persons of `data/persons.toml`, from the tables the build script made of it.
fn bundled_persons() -> Result<Vec<PersonRaw>, LexiconError> {
    let file = "persons.toml";
    let mut persons = Vec::new();
    let person_rows = include_str!(concat!(env!("OUT_DIR"), "/persons.csv"));
    for row in csv::Reader::from_reader(person_rows.as_bytes()).into_deserialize() {
        let row: PersonRow = row.map_err(|e| err(file, e))?;
        persons.push(PersonRaw {
            id: row.id,
            name: row.name,
            country: row.country,
            aliases: match row.aliases.as_str() {
                "" => Vec::new(),
                joined => joined.split(ALIAS_SEPARATOR).map(str::to_string).collect(),
            },
            office: Vec::new(),
        });
    }
    let office_rows = include_str!(concat!(env!("OUT_DIR"), "/offices.csv"));
    let offices = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(office_rows.as_bytes());
    for row in offices.into_deserialize() {
        let (index, office): (usize, OfficeRaw) = row.map_err(|e| err(file, e))?;
        persons
            .get_mut(index)
            .ok_or_else(|| err(file, format!("office of unknown person {index}")))?
            .office
            .push(office);
    }
    Ok(persons)
}

fn date(file: &str, value: Option<String>) -> Result<Option<NaiveDate>, LexiconError> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map_err(|_| err(file, format!("`{v}` is not a YYYY-MM-DD date")))
        })
        .transpose()
}

fn id_or_name(id: Option<String>, name: &str) -> String {
    id.and_then(non_empty)
        .unwrap_or_else(|| crate::ids::snake_case(name))
}

/// Adds one dictionary file (the bundled TOML files or a user's) to the lexicon.
pub(super) fn user_file(lexicon: &mut Lexicon, file: &str, text: &str) -> Result<(), LexiconError> {
    let parsed: DictionaryFile = toml::from_str(text).map_err(|e| err(file, e))?;
    for raw in parsed.country {
        let index = lexicon.countries.len();
        for (lang, names, demonyms) in [
            (Lang::Fr, &raw.fr, &raw.demonyms_fr),
            (Lang::En, &raw.en, &raw.demonyms_en),
        ] {
            names
                .iter()
                .for_each(|n| lexicon.add_alias(Some(lang), n, Entry::Country(index)));
            demonyms
                .iter()
                .for_each(|n| lexicon.add_alias(Some(lang), n, Entry::Demonym(index)));
        }
        lexicon.countries.push(Country {
            cameo: raw.cameo.unwrap_or_else(|| raw.iso3.clone()),
            iso3: raw.iso3,
            name: raw.name,
        });
    }
    for raw in parsed.organization {
        let index = lexicon.organisations.len();
        raw.fr
            .iter()
            .for_each(|n| lexicon.add_alias(Some(Lang::Fr), n, Entry::Organisation(index)));
        raw.en
            .iter()
            .for_each(|n| lexicon.add_alias(Some(Lang::En), n, Entry::Organisation(index)));
        if raw.fr.is_empty() && raw.en.is_empty() {
            lexicon.add_alias(None, &raw.name, Entry::Organisation(index));
        }
        lexicon.organisations.push(Organisation {
            id: id_or_name(raw.id, &raw.name),
            name: raw.name,
            cameo: raw.cameo,
            country: raw.country,
            members: raw.members,
            seat: raw.seat,
        });
    }
    for raw in parsed.place {
        let index = lexicon.places.len();
        raw.fr
            .iter()
            .for_each(|n| lexicon.add_alias(Some(Lang::Fr), n, Entry::Place(index)));
        raw.en
            .iter()
            .for_each(|n| lexicon.add_alias(Some(Lang::En), n, Entry::Place(index)));
        if raw.fr.is_empty() && raw.en.is_empty() {
            lexicon.add_alias(None, &raw.name, Entry::Place(index));
        }
        lexicon.places.push(Place {
            id: id_or_name(raw.id, &raw.name),
            name: raw.name,
            country: raw.country,
            kind: raw.kind.unwrap_or_else(|| "place".into()),
            by_context: false,
        });
    }
    add_persons(lexicon, file, parsed.person)?;
    for raw in parsed.title {
        let index = lexicon.titles.len();
        for (lang, forms) in [(Lang::Fr, &raw.fr), (Lang::En, &raw.en)] {
            for form in forms {
                lexicon.add_alias(Some(lang), form, Entry::Title(index));
                if let Some(plural) = plural_title(lang, form) {
                    lexicon.add_alias(Some(lang), &plural, Entry::Title(index));
                }
            }
        }
        lexicon.titles.push(Title {
            role: raw.role,
            sector: raw.sector,
        });
    }
    if let Some(h) = parsed.honorifics {
        h.fr.iter()
            .for_each(|n| lexicon.add_alias(Some(Lang::Fr), n, Entry::Honorific));
        h.en.iter()
            .for_each(|n| lexicon.add_alias(Some(Lang::En), n, Entry::Honorific));
    }
    Ok(())
}

/// Adds the persons of one dictionary file (named in errors) with their offices.
fn add_persons(
    lexicon: &mut Lexicon,
    file: &str,
    persons: Vec<PersonRaw>,
) -> Result<(), LexiconError> {
    for raw in persons {
        let mut offices = Vec::with_capacity(raw.office.len());
        for o in raw.office {
            offices.push(Office {
                role: o.role,
                country: o.country,
                org: o.org,
                cameo: o.cameo,
                start: date(file, o.start)?,
                end: date(file, o.end)?,
            });
        }
        let mut aliases = raw.aliases;
        if !aliases.contains(&raw.name) {
            aliases.insert(0, raw.name.clone());
        }
        lexicon.add_person(Person {
            id: id_or_name(raw.id, &raw.name),
            name: raw.name,
            country: raw.country,
            aliases,
            offices,
        });
    }
    Ok(())
}

/// The plural of a title, so that "les ministres kazakh et américain" and "the foreign
/// ministers" are titles too: French inflects the head noun (the first word: "ministres des
/// Affaires étrangères"), English the last ("Foreign Ministers"). Words ending in s, x or z
/// are left as they are.
fn plural_title(lang: Lang, title: &str) -> Option<String> {
    let words: Vec<&str> = title.split(' ').collect();
    let head = match lang {
        Lang::Fr => 0,
        _ => words.len() - 1,
    };
    let word = words[head];
    if !word.chars().all(|c| c.is_alphabetic() || c == '-') || word.ends_with(['s', 'x', 'z']) {
        return None;
    }
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[head] = format!("{word}s");
    Some(out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_persons_are_those_of_their_toml_source() {
        let source: DictionaryFile =
            toml::from_str(include_str!("../../data/persons.toml")).expect("valid TOML");
        assert_eq!(bundled_persons().expect("readable tables"), source.person);
    }
}
