//! Writes the bundled persons (`data/persons.toml`) as the two CSV tables of
//! `src/lexicon/person_rows.rs`, which the library reads at start-up instead of the TOML.

use std::path::PathBuf;

use serde::Deserialize;

#[path = "src/lexicon/person_rows.rs"]
mod person_rows;

use person_rows::{OfficeRaw, PersonRaw, PersonRow, ALIAS_SEPARATOR};

/// Any other table would be lost: persons only.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonsFile {
    person: Vec<PersonRaw>,
}

/// CSV reads an empty optional field back as absent: an empty value would not survive.
fn checked(value: Option<String>, what: &str) -> Option<String> {
    assert!(
        value.as_deref() != Some(""),
        "data/persons.toml: empty {what} (leave the key out instead)"
    );
    value
}

fn main() {
    println!("cargo::rerun-if-changed=data/persons.toml");
    println!("cargo::rerun-if-changed=src/lexicon/person_rows.rs");
    let text = std::fs::read_to_string("data/persons.toml").expect("data/persons.toml is readable");
    let file: PersonsFile = toml::from_str(&text).expect("data/persons.toml is valid");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut persons = csv::Writer::from_path(out.join("persons.csv")).expect("persons.csv");
    let mut offices = csv::WriterBuilder::new()
        .has_headers(false)
        .from_path(out.join("offices.csv"))
        .expect("offices.csv");
    for (index, p) in file.person.into_iter().enumerate() {
        assert!(
            p.aliases
                .iter()
                .all(|a| !a.is_empty() && !a.contains(ALIAS_SEPARATOR)),
            "data/persons.toml: an alias of {} is empty or holds `{ALIAS_SEPARATOR}`",
            p.name
        );
        for o in p.office {
            let office = OfficeRaw {
                role: checked(o.role, "role"),
                country: checked(o.country, "office country"),
                org: checked(o.org, "org"),
                cameo: checked(o.cameo, "cameo"),
                start: checked(o.start, "start"),
                end: checked(o.end, "end"),
            };
            offices
                .serialize((index, office))
                .expect("office row written");
        }
        let row = PersonRow {
            id: checked(p.id, "id"),
            name: p.name,
            country: checked(p.country, "country"),
            aliases: p.aliases.join(&ALIAS_SEPARATOR.to_string()),
        };
        persons.serialize(row).expect("person row written");
    }
    persons.flush().expect("persons.csv written");
    offices.flush().expect("offices.csv written");
}
