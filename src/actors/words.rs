//! The per-language word lists of the actor rules, read once from `data/actors/fr.toml` and
//! `data/actors/en.toml` (compiled in).

use std::sync::LazyLock;

use serde::Deserialize;

use crate::Lang;

/// One language's words, lower case.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    /// Capitalised at a sentence's start, these open a noun phrase, not a name.
    pub function_words: Vec<String>,
}

impl Words {
    pub fn is_function_word(&self, lower: &str) -> bool {
        self.function_words.iter().any(|w| w == lower)
    }
}

fn parse(file: &str, text: &str) -> Words {
    toml::from_str(text).unwrap_or_else(|e| panic!("{file} is invalid (checked by tests): {e}"))
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
        assert!(of(Lang::Fr).is_function_word("les") && !of(Lang::Fr).is_function_word("the"));
        assert!(of(Lang::En).is_function_word("the") && !of(Lang::En).is_function_word("les"));
        assert!(!of(Lang::Und).is_function_word("the"));
    }
}
