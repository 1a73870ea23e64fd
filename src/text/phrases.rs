//! Dictionary phrases matched where a word may begin.
//!
//! An unanchored Aho-Corasick scan steps through every byte and reports matches inside words
//! ("aide" in "plaidé"), which the callers then reject. Walking an anchored automaton from each
//! position where a word may begin visits far fewer states and reports only candidates. The
//! automaton is a DFA: one table lookup per byte.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, BuildError, MatchKind, StartKind};

use super::normalise::is_word_char;

/// A set of phrases (already folded), each known by its index in the list it was built from.
#[derive(Clone, Debug)]
pub struct Phrases {
    automaton: DFA,
    /// Some phrase begins with a character that is not part of a word ("$", "-gorge").
    opens_with_non_word: bool,
}

impl Phrases {
    pub fn new<P: AsRef<str>>(phrases: &[P]) -> Result<Phrases, BuildError> {
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(phrases.iter().map(|p| p.as_ref()))?;
        let opens_with_non_word = phrases
            .iter()
            .any(|p| p.as_ref().chars().next().is_some_and(|c| !is_word_char(c)));
        Ok(Phrases {
            automaton,
            opens_with_non_word,
        })
    }

    /// Byte offsets of `text` where a phrase may start as a whole word: the start, every char
    /// after a character that is not part of a word, and, if a phrase begins with one, every
    /// such character.
    pub fn starts<'t>(&self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        let anywhere_off_words = self.opens_with_non_word;
        let mut after_word = false;
        text.char_indices().filter_map(move |(i, c)| {
            let word = is_word_char(c);
            let start = !after_word || (anywhere_off_words && !word);
            after_word = word;
            start.then_some(i)
        })
    }

    /// Calls `found(phrase, end)` for every phrase that starts at byte `at` of `text`, shortest
    /// first.
    pub fn starting_at(&self, text: &str, at: usize, mut found: impl FnMut(usize, usize)) {
        let automaton = &self.automaton;
        let Ok(mut state) = automaton.start_state(Anchored::Yes) else {
            return;
        };
        for (read, &byte) in text.as_bytes()[at..].iter().enumerate() {
            state = automaton.next_state(Anchored::Yes, state, byte);
            if automaton.is_dead(state) {
                return;
            }
            if automaton.is_match(state) {
                let len = read + 1;
                // A match state also lists the phrases that are suffixes of what was read;
                // only those as long as the walk start at `at`.
                for i in 0..automaton.match_len(state) {
                    let phrase = automaton.match_pattern(state, i);
                    if automaton.pattern_len(phrase) == len {
                        found(phrase.as_usize(), at + len);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_start_where_the_walk_starts() {
        let phrases = Phrases::new(&["aide", "de", "aide de", "ide"]).unwrap();
        let text = "plaide aide de";
        let mut found = Vec::new();
        phrases.starting_at(text, 7, |p, end| found.push((p, end)));
        // "ide" and "de" end inside the walk but start later: not reported.
        assert_eq!(found, vec![(0, 11), (2, 14)]);
        found.clear();
        phrases.starting_at(text, 1, |p, end| found.push((p, end)));
        assert_eq!(found, vec![]);
        // Inside a word too: telling words apart is the caller's business.
        phrases.starting_at(text, 2, |p, end| found.push((p, end)));
        assert_eq!(found, vec![(0, 6)]);
    }

    #[test]
    fn starts_follow_non_word_characters() {
        let words = Phrases::new(&["paris"]).unwrap();
        let starts: Vec<usize> = words.starts("l'été, à Paris").collect();
        assert_eq!(starts, vec![0, 2, 8, 9, 12]);
        let signs = Phrases::new(&["$", "paris"]).unwrap();
        let starts: Vec<usize> = signs.starts("l'été, à Paris").collect();
        assert_eq!(starts, vec![0, 1, 2, 7, 8, 9, 11, 12]);
    }
}
