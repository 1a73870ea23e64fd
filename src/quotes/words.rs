//! The shape of one language's reporting words (`data/quotes/<lang>.toml`): each language
//! fills it in its own file (`fr.rs`, `en.rs`), and the engine (`mod.rs`) reads it.

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Deserialize;

use crate::text::normalise::fold_str;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    verbs: Vec<String>,
    auxiliaries: Vec<String>,
    sources: Vec<String>,
    complementisers: Vec<String>,
    pronouns: Vec<String>,
    determiners: Vec<String>,
    descriptions: Vec<String>,
    object_verbs: Vec<String>,
    bare_clause: Vec<String>,
    not_clause: Vec<String>,
}

/// Reporting words of one language, in the document fold's form.
pub(super) struct Cues {
    /// Verbs of speech, each as its words ("fait savoir" is two).
    pub verbs: Phrases,
    /// Cues whose source follows them ("selon", "according to").
    pub sources: Phrases,
    pub auxiliaries: FxHashSet<String>,
    /// Open reported words; one ending with an apostrophe is elided ("qu'il").
    pub complementisers: Vec<String>,
    pub pronouns: FxHashSet<String>,
    pub determiners: FxHashSet<String>,
    /// Titles that, after a determiner and without a name, stand for a person ("le ministre").
    pub descriptions: FxHashSet<String>,
    /// Verbs of speech whose addressee may stand at length before "que" / "that".
    pub object_verbs: FxHashSet<String>,
    pub bare_clause: FxHashSet<String>,
    pub not_clause: FxHashSet<String>,
    /// A verb with its subject pronoun joined after it ("a-t-il", "ajoute-t-elle"): the byte
    /// length of the verb and the byte offset of the pronoun inside the token.
    pub split_inverted: fn(&str) -> Option<(usize, usize)>,
}

/// Phrases of one or more words, found by their first word: a token is compared with the few
/// phrases it can begin, not with every phrase of the list.
pub(super) struct Phrases {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new(entries: Vec<String>) -> Phrases {
        let mut by_first: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for entry in entries {
            let words: Vec<String> = entry.split_whitespace().map(fold_str).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        Phrases { by_first }
    }

    /// The phrases whose first word is `word`.
    pub fn starting_with(&self, word: &str) -> &[Vec<String>] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` alone is one of the phrases.
    pub fn has_word(&self, word: &str) -> bool {
        self.starting_with(word).iter().any(|p| p.len() == 1)
    }
}

impl Cues {
    /// Panics on a malformed bundled file: it is compiled in, and a test reads each one.
    pub fn parse(toml_text: &str, split_inverted: fn(&str) -> Option<(usize, usize)>) -> Cues {
        let file: CueFile = toml::from_str(toml_text).expect("data/quotes: valid cue file");
        let set = |words: Vec<String>| words.iter().map(|w| fold_str(w)).collect();
        Cues {
            verbs: Phrases::new(file.verbs),
            sources: Phrases::new(file.sources),
            auxiliaries: set(file.auxiliaries),
            complementisers: file.complementisers.iter().map(|w| fold_str(w)).collect(),
            pronouns: set(file.pronouns),
            determiners: set(file.determiners),
            descriptions: set(file.descriptions),
            object_verbs: set(file.object_verbs),
            bare_clause: set(file.bare_clause),
            not_clause: set(file.not_clause),
            split_inverted,
        }
    }
}
