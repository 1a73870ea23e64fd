//! The per-language word lists of the actor rules, read once from `data/actors/fr.toml` and
//! `data/actors/en.toml` (compiled in). Words are folded (lower case, no accents) on load and
//! looked up folded.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::text::normalise::fold_str;
use crate::Lang;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    function_words: Vec<String>,
    sentence_openers: Vec<String>,
    not_names: Vec<String>,
    org_heads: Vec<String>,
    org_suffixes: Vec<String>,
    org_prefixes: Vec<String>,
    org_cues: Vec<String>,
    thing_heads: Vec<String>,
    connectives: Vec<String>,
    language_cues: Vec<String>,
    #[serde(default)]
    place_name_heads_after: Vec<String>,
    #[serde(default)]
    place_name_heads_before: Vec<String>,
    #[serde(default)]
    place_document_heads: Vec<String>,
    #[serde(default)]
    place_prepositions: Vec<String>,
    #[serde(default)]
    place_heads: Vec<String>,
    #[serde(default)]
    city_prepositions: Vec<String>,
    conjunctions: Vec<String>,
    #[serde(default)]
    calendar: Vec<String>,
    #[serde(default)]
    adjective_endings: Vec<String>,
    #[serde(default)]
    place_name_ends: Vec<String>,
    #[serde(default)]
    given_name_titles: Vec<String>,
}

/// One language's words, folded.
#[derive(Default)]
pub(super) struct Words {
    /// Capitalised at a sentence's start, these open a noun phrase, not a name.
    function_words: FxHashSet<String>,
    /// Capitalised at a sentence's start, these are not the first word of a name.
    sentence_openers: FxHashSet<String>,
    /// Never a word of a person's name.
    not_names: FxHashSet<String>,
    /// A capitalised phrase holding one is an organisation.
    org_heads: FxHashSet<String>,
    /// Legal forms after a company's name, without dots.
    org_suffixes: FxHashSet<String>,
    /// Legal forms written before a company's name, in capitals ("PT", "JSC", "OAO").
    org_prefixes: FxHashSet<String>,
    /// Common nouns that introduce or describe an organisation beside its name.
    org_cues: FxHashSet<String>,
    /// A capitalised phrase ending (or, in French, starting) with one names a thing.
    thing_heads: FxHashSet<String>,
    /// Words joining the parts of an organisation's name, longest first.
    pub connectives: Vec<String>,
    /// Before a nationality word, they name a language.
    language_cues: FxHashSet<String>,
    /// After a place, they make it part of a thing's name ("Heathrow airport").
    place_name_heads_after: FxHashSet<String>,
    /// Right before a place, the same ("la route Almaty–Bichkek").
    place_name_heads_before: FxHashSet<String>,
    /// Before "de" and a place, the same ("le protocole de Kyoto").
    place_document_heads: FxHashSet<String>,
    /// Before a name, they make it a place's ("at Kiwanja Mpya").
    place_prepositions: FxHashSet<String>,
    /// Before a name or "of" and a name, the same ("the zone of Kiwanja Mpya").
    place_heads: FxHashSet<String>,
    /// Before a city's name, they tell it is one ("in Iquitos", "à Arusha").
    city_prepositions: FxHashSet<String>,
    /// "and" joining two names or two words of one.
    conjunctions: FxHashSet<String>,
    /// Months and weekdays.
    calendar: FxHashSet<String>,
    /// Endings of adjectives ("Legal", "Economic"), folded.
    adjective_endings: Vec<String>,
    /// A run of capitalised words opening or ending with one names a place ("Ho Chi Minh
    /// City", "Mekong Delta").
    place_name_ends: FxHashSet<String>,
    /// Titles that are given names too ("Amir", "Sultan").
    given_name_titles: FxHashSet<String>,
}

fn folded_set(words: Vec<String>) -> FxHashSet<String> {
    words.iter().map(|w| fold_str(w)).collect()
}

impl Words {
    fn from_file(file: WordsFile) -> Words {
        let mut connectives: Vec<String> = file.connectives.iter().map(|w| fold_str(w)).collect();
        connectives.sort_by_key(|c| std::cmp::Reverse(c.len()));
        Words {
            function_words: folded_set(file.function_words),
            sentence_openers: folded_set(file.sentence_openers),
            not_names: folded_set(file.not_names),
            org_heads: folded_set(file.org_heads),
            org_suffixes: folded_set(file.org_suffixes),
            org_prefixes: file.org_prefixes.into_iter().collect(),
            org_cues: folded_set(file.org_cues),
            thing_heads: folded_set(file.thing_heads),
            connectives,
            language_cues: folded_set(file.language_cues),
            place_name_heads_after: folded_set(file.place_name_heads_after),
            place_name_heads_before: folded_set(file.place_name_heads_before),
            place_document_heads: folded_set(file.place_document_heads),
            place_prepositions: folded_set(file.place_prepositions),
            place_heads: folded_set(file.place_heads),
            city_prepositions: folded_set(file.city_prepositions),
            conjunctions: folded_set(file.conjunctions),
            calendar: folded_set(file.calendar),
            adjective_endings: file.adjective_endings.iter().map(|w| fold_str(w)).collect(),
            place_name_ends: folded_set(file.place_name_ends),
            given_name_titles: folded_set(file.given_name_titles),
        }
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(&fold_str(word))
    }

    /// Not the first word of a name at a sentence's start.
    pub fn opens_a_sentence(&self, word: &str) -> bool {
        let folded = fold_str(word);
        self.sentence_openers.contains(&folded) || self.function_words.contains(&folded)
    }

    pub fn is_not_a_name(&self, word: &str) -> bool {
        self.not_names.contains(&fold_str(word))
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(&fold_str(word))
    }

    /// "LLC", "Ltd.", "S.A.": compared without dots.
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes
            .contains(&fold_str(&word.replace('.', "")))
    }

    /// "PT Vale", "JSC Samruk": compared as written, capitals only.
    pub fn is_org_prefix(&self, word: &str) -> bool {
        self.org_prefixes.contains(word)
    }

    pub fn is_org_cue(&self, word: &str) -> bool {
        self.org_cues.contains(&fold_str(word))
    }

    pub fn is_thing_head(&self, word: &str) -> bool {
        self.thing_heads.contains(&fold_str(word))
    }

    pub fn is_language_cue(&self, word: &str) -> bool {
        self.language_cues.contains(&fold_str(word))
    }

    pub fn is_place_name_head_after(&self, word: &str) -> bool {
        self.place_name_heads_after.contains(&fold_str(word))
    }

    pub fn is_place_name_head_before(&self, word: &str) -> bool {
        self.place_name_heads_before.contains(&fold_str(word))
    }

    pub fn is_place_document_head(&self, word: &str) -> bool {
        self.place_document_heads.contains(&fold_str(word))
    }

    pub fn is_place_preposition(&self, word: &str) -> bool {
        self.place_prepositions.contains(&fold_str(word))
    }

    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.calendar.contains(&fold_str(word))
    }

    pub fn is_conjunction(&self, word: &str) -> bool {
        self.conjunctions.contains(&fold_str(word))
    }

    pub fn is_city_preposition(&self, word: &str) -> bool {
        self.city_prepositions.contains(&fold_str(word))
    }

    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(&fold_str(word))
    }

    /// Ends as an adjective does, with letters to spare ("Legal", not "Al").
    pub fn looks_adjectival(&self, word: &str) -> bool {
        let folded = fold_str(word);
        self.adjective_endings
            .iter()
            .any(|e| folded.ends_with(e.as_str()) && folded.len() >= e.len() + 3)
    }

    pub fn is_place_name_end(&self, word: &str) -> bool {
        self.place_name_ends.contains(&fold_str(word))
    }

    pub fn is_given_name_title(&self, word: &str) -> bool {
        self.given_name_titles.contains(&fold_str(word))
    }
}

fn parse(file: &str, text: &str) -> Words {
    let raw: WordsFile = toml::from_str(text)
        .unwrap_or_else(|e| panic!("{file} is invalid (checked by tests): {e}"));
    Words::from_file(raw)
}

static FR: LazyLock<Words> = LazyLock::new(|| {
    parse(
        "data/actors/fr.toml",
        include_str!("../../data/actors/fr.toml"),
    )
});
static EN: LazyLock<Words> = LazyLock::new(|| {
    parse(
        "data/actors/en.toml",
        include_str!("../../data/actors/en.toml"),
    )
});
static NONE: LazyLock<Words> = LazyLock::new(Words::default);

/// The words of a document's language; none for an undetermined one, which has no extraction.
pub(super) fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
        Lang::Und => &NONE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_reads_its_own_words() {
        assert!(of(Lang::Fr).is_function_word("Les") && !of(Lang::Fr).is_function_word("the"));
        assert!(of(Lang::En).is_function_word("The") && !of(Lang::En).is_function_word("les"));
        assert!(!of(Lang::Und).is_function_word("the"));
    }

    #[test]
    fn words_are_compared_folded() {
        assert!(of(Lang::Fr).is_org_head("Ministère") && of(Lang::Fr).is_org_suffix("S.A."));
        assert!(of(Lang::En).is_org_suffix("Ltd.") && of(Lang::En).is_thing_head("Airport"));
        assert!(of(Lang::Fr).is_not_a_name("Février") && of(Lang::Fr).opens_a_sentence("Après"));
        assert!(!of(Lang::En).is_org_head("Smith"));
        assert!(of(Lang::En).is_org_prefix("JSC") && !of(Lang::En).is_org_prefix("jsc"));
    }
}
