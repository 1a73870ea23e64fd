//! The shape of one language's reporting words (`data/quotes/<lang>.toml`): each language
//! fills it in its own file (`fr.rs`, `en.rs`), and the engine (`mod.rs`) reads it.

use std::collections::HashSet;

use serde::Deserialize;

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

/// Reporting words of one language, lower case, apostrophes written `'`.
pub(super) struct Cues {
    /// Verbs of speech, each as its words ("fait savoir" is two).
    pub verbs: Vec<Vec<String>>,
    /// Cues whose source follows them ("selon", "according to").
    pub sources: Vec<Vec<String>>,
    pub auxiliaries: HashSet<String>,
    /// Open reported words; one ending with an apostrophe is elided ("qu'il").
    pub complementisers: Vec<String>,
    pub pronouns: HashSet<String>,
    pub determiners: HashSet<String>,
    /// Titles that, after a determiner and without a name, stand for a person ("le ministre").
    pub descriptions: HashSet<String>,
    /// Verbs of speech whose addressee may stand at length before "que" / "that".
    pub object_verbs: HashSet<String>,
    pub bare_clause: HashSet<String>,
    pub not_clause: HashSet<String>,
    /// A verb with its subject pronoun joined after it ("a-t-il", "ajoute-t-elle"): the byte
    /// length of the verb and the byte offset of the pronoun inside the token.
    pub split_inverted: fn(&str) -> Option<(usize, usize)>,
}

fn phrases(words: Vec<String>) -> Vec<Vec<String>> {
    words
        .into_iter()
        .map(|w| w.split_whitespace().map(normal).collect())
        .collect()
}

/// Lower case, typographic apostrophe as `'`: how tokens are compared.
pub(super) fn normal(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

impl Cues {
    /// Panics on a malformed bundled file: it is compiled in, and a test reads each one.
    pub fn parse(toml_text: &str, split_inverted: fn(&str) -> Option<(usize, usize)>) -> Cues {
        let file: CueFile = toml::from_str(toml_text).expect("data/quotes: valid cue file");
        let set = |words: Vec<String>| words.iter().map(|w| normal(w)).collect();
        Cues {
            verbs: phrases(file.verbs),
            sources: phrases(file.sources),
            auxiliaries: set(file.auxiliaries),
            complementisers: file.complementisers.iter().map(|w| normal(w)).collect(),
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
