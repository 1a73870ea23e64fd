//! Inputs that once broke extraction, found by the fuzz targets (`fuzz/`) and the property
//! tests (`tests/properties.rs`). Each runs through the unguarded per-document path, so that a
//! panic fails the test instead of being turned into a `documents.error`.

use communique::{analyse, Document, Options};

/// Extracts `text` unguarded and checks that the document came through whole.
fn survives(text: &str) {
    let analysis = analyse(&Document::new("regression", text), &Options::default());
    let row = analysis.document.as_ref();
    assert_eq!(row.map(|r| r.n_chars as usize), Some(text.chars().count()));
    assert_eq!(row.and_then(|r| r.error.as_deref()), None);
}

/// Two titles in a row, then a capitalised word read as a name: the title hits overlap inside
/// the gap checked in `actors::names::gap_is_connective`, whose slice bounds crossed.
#[test]
fn overlapping_titles_before_a_capitalised_word() {
    survives(
        "Le ministre kazakh des Affaires étrangères le secrétaire d'État américain a rencontré \
         The Secretary",
    );
}

/// A title holding a nationality right before a name: the nested hits were read as two hits
/// side by side when looking for the word that introduces the name.
#[test]
fn nationality_nested_in_the_title_before_a_name() {
    survives("Le secrétaire d'État américain John Kerry est arrivé à Samarcande.");
}
