//! The bundled persons as two flat tables, one row per person and one per office, which the
//! build script writes from `data/persons.toml` (the source of truth) and the loader reads back:
//! CSV is read many times faster than TOML, and the persons are most of the dictionary.
//! Shared by `build.rs` and the library, with the shape of a person in a dictionary file.

use serde::{Deserialize, Serialize};

/// A person as dictionary files write it (`[[person]]`).
#[derive(Deserialize, Debug, PartialEq)]
pub struct PersonRaw {
    pub id: Option<String>,
    pub name: String,
    pub country: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub office: Vec<OfficeRaw>,
}

/// One office of a person (`[[person.office]]`). In the offices table, a row is the index of
/// the person's row followed by these fields, without a header.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct OfficeRaw {
    pub role: Option<String>,
    pub country: Option<String>,
    pub org: Option<String>,
    pub cameo: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// Separates the aliases of a person in one field.
pub const ALIAS_SEPARATOR: char = '|';

#[derive(Serialize, Deserialize)]
pub struct PersonRow {
    pub id: Option<String>,
    pub name: String,
    pub country: Option<String>,
    /// Joined by [`ALIAS_SEPARATOR`].
    pub aliases: String,
}
