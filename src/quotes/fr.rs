//! French reporting cues: the words of `data/quotes/fr.toml`, and the subject pronoun French
//! joins after the verb ("a-t-il ajouté", "poursuit-elle").

use std::sync::LazyLock;

use super::words::Cues;

pub(super) static CUES: LazyLock<Cues> =
    LazyLock::new(|| Cues::parse(include_str!("../../data/quotes/fr.toml"), inverted));

/// "a-t-il" → (1, 4), "ajoute-t-elle" → (6, 9), "poursuit-il" → (8, 9).
fn inverted(token: &str) -> Option<(usize, usize)> {
    let (head, pronoun) = token.rsplit_once('-')?;
    if !CUES.pronouns.contains(&pronoun.to_lowercase()) {
        return None;
    }
    let verb = head.strip_suffix("-t").unwrap_or(head);
    (!verb.is_empty()).then_some((verb.len(), head.len() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_subjects_are_split_from_their_verb() {
        assert_eq!(inverted("a-t-il"), Some((1, 4)));
        assert_eq!(inverted("ajoute-t-elle"), Some((6, 9)));
        assert_eq!(inverted("poursuit-il"), Some((8, 9)));
        assert_eq!(inverted("Sud-Est"), None);
        assert_eq!(inverted("vice-président"), None);
    }
}
