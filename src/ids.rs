//! Deterministic identifiers: a function of the document and the span only, so results do not
//! depend on how a corpus is split, ordered or parallelised.

use xxhash_rust::xxh3::xxh3_64;

/// `<prefix>_<16 hex digits>` from the document id, a kind tag and code-point offsets.
pub fn span_id(prefix: &str, doc_id: &str, kind: &str, start: u32, end: u32) -> String {
    let key = format!("{doc_id}\u{1f}{kind}\u{1f}{start}\u{1f}{end}");
    format!("{prefix}_{:016x}", xxh3_64(key.as_bytes()))
}

/// Lowercase ASCII snake case of a name: "Kassym-Jomart Tokayev" → "kassym_jomart_tokayev".
pub fn snake_case(name: &str) -> String {
    let folded = crate::text::normalise::fold_str(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '+' {
            out.push_str("_plus_");
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let trimmed = out.trim_matches('_');
    let mut clean = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        if !(c == '_' && clean.ends_with('_')) {
            clean.push(c);
        }
    }
    clean
}

/// Prefixes of the provisional ids of actors that no dictionary knows, found by their shape.
const PROVISIONAL: [(&str, &str); 2] = [("person", "person:"), ("organization", "org:")];

/// The provisional id of a person or organisation found in the text: its kind's prefix and
/// the snake case of its name ("person:jean_dupont", "org:acme_mining"), the same in every
/// document that spells the name alike.
pub fn provisional_id(kind: &str, name: &str) -> String {
    let prefix = PROVISIONAL
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("actor:", |(_, p)| p);
    format!("{prefix}{}", snake_case(&transliterated(name)))
}

/// The name with the letters that accent folding keeps written in ASCII ("Jørgensen" →
/// "Jorgensen", "Łukasz" → "Lukasz", "Токаев" → "Tokaev"), so that no letter of a name found in
/// the text is lost to its id. Dictionary ids, and the gazetteer's ids made like them, keep
/// `snake_case` alone.
fn transliterated(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in crate::text::normalise::fold_str(name).chars() {
        match c.is_ascii() {
            true => out.push(c),
            false => out.push_str(deunicode::deunicode_char(c).unwrap_or(" ")),
        }
    }
    out
}

/// Where an actor comes from: `text` for a provisional id, `dictionary` for any other.
pub fn source_of(actor_id: &str) -> &'static str {
    if PROVISIONAL.iter().any(|(_, p)| actor_id.starts_with(p)) {
        "text"
    } else {
        "dictionary"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_depend_only_on_document_and_span() {
        let a = span_id("ev", "doc1", "meeting", 10, 20);
        assert_eq!(a, span_id("ev", "doc1", "meeting", 10, 20));
        assert_ne!(a, span_id("ev", "doc2", "meeting", 10, 20));
        assert_ne!(a, span_id("ev", "doc1", "meeting", 11, 20));
        assert!(a.starts_with("ev_") && a.len() == 19);
    }

    #[test]
    fn snake_case_folds_accents_and_punctuation() {
        assert_eq!(snake_case("Kassym-Jomart Tokaïev"), "kassym_jomart_tokaiev");
        assert_eq!(snake_case("C5+1"), "c5_plus_1");
        assert_eq!(snake_case("  Banque mondiale "), "banque_mondiale");
    }

    #[test]
    fn provisional_ids_transliterate_letters_that_folding_keeps() {
        assert_eq!(
            provisional_id("person", "Søren Østergård"),
            "person:soren_ostergard"
        );
        assert_eq!(
            provisional_id("organization", "Łódź Straße"),
            "org:lodz_strasse"
        );
        assert_eq!(
            provisional_id("person", "Сергей Лавров"),
            "person:sergei_lavrov"
        );
        assert_eq!(provisional_id("person", "Þóra Æsa"), "person:thora_aesa");
    }

    #[test]
    fn provisional_ids_tell_their_source() {
        let person = provisional_id("person", "Jean Dupont");
        let org = provisional_id("organization", "Acme Mining");
        assert_eq!(
            (person.as_str(), org.as_str()),
            ("person:jean_dupont", "org:acme_mining")
        );
        assert_eq!((source_of(&person), source_of(&org)), ("text", "text"));
        assert_eq!(source_of("antony_blinken"), "dictionary");
    }
}
