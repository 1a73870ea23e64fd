//! The shape of words in running text, which names are told by: the words of a span,
//! capitalised words (particles such as "al-" allowed), and headlines in title case, where
//! capitals tell nothing.

/// Lowercase words allowed inside a name ("Ursula von der Leyen", "Abdullah bin Zayed").
pub(super) const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "ibn", "ben", "ul", "da",
    "dos", "du", "di", "ould", "la", "bint",
];

/// Nothing but a dateline, a dash, a colon or an opening quote before a word of a sentence
/// (`before`, from the sentence's start): the word opens a clause ("MANAMA — The Kuwait
/// Fund…"), where a capital tells nothing.
pub(super) fn opens_clause(before: &str) -> bool {
    let rest = before.trim_end_matches([' ', '\u{a0}', '"', '«', '“']);
    // "BELÉM, Brazil, Nov 12 - The Inter-American…": a whole dateline, whatever its dash.
    if rest.is_empty() || crate::text::dateline_len(before) == before.len() {
        return true;
    }
    let Some(head) = rest.strip_suffix(['—', '–', ':']) else {
        return false;
    };
    // A dateline is in capitals ("MANAMA —", "NUR-SULTAN, Oct 3 (Reuters) -" has its own rule).
    let head = head.trim_end();
    head.is_empty() || !head.chars().any(char::is_lowercase) || rest.ends_with(':')
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
}

/// The words of `text[from..to]`, into `words` (cleared first).
pub(super) fn words_of(text: &str, from: usize, to: usize, words: &mut Vec<Word>) {
    words.clear();
    let mut start: Option<usize> = None;
    let slice = &text[from..to];
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_joiner = matches!(c, '-' | '\'' | '’') && start.is_some();
        let joins = inner_joiner
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
            // "l'Ouzbékistan", "d'État": an elided article is a word of its own.
            && !(matches!(c, '\'' | '’') && start.is_some_and(|s| i - s == 1 && slice[s..i].chars().all(char::is_lowercase)));
        if c.is_alphabetic() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push(Word {
                start: from + s,
                end: from + i,
            });
        }
    }
    if let Some(s) = start {
        words.push(Word {
            start: from + s,
            end: to,
        });
    }
}

pub(super) fn is_capitalised(word: &str) -> bool {
    // "al-Shidhani", "el-Sisi": a particle joined to a capitalised name.
    let word = PARTICLES
        .iter()
        .find_map(|p| word.strip_prefix(p).and_then(|rest| rest.strip_prefix('-')))
        .unwrap_or(word);
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    // All-capital words are acronyms or datelines, not names.
    first_upper
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .any(char::is_lowercase)
}

/// A headline in title case ("Kazakhstan Signs Deal With Acme Mining"): capitals tell nothing.
/// A sentence of running text ends with a full stop; a headline does not.
pub(super) fn title_case(text: &str) -> bool {
    if text.trim_end().ends_with(['.', '…', ';', ':']) {
        return false;
    }
    let long: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = long.iter().filter(|w| is_capitalised(w)).count();
    long.len() >= 4 && capitalised * 10 >= long.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_after_a_dateline_or_a_colon_opens_a_clause() {
        assert!(opens_clause("") && opens_clause("MANAMA — ") && opens_clause("« "));
        assert!(opens_clause("Il a dit : ") && opens_clause("BELÉM, Brazil, Nov 12 - "));
        assert!(!opens_clause("The money comes from ") && !opens_clause("the fund — "));
    }
}
