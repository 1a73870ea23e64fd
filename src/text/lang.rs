//! Language identification per document: French, English, or `und` for anything else.
//!
//! whatlang's trigram model decides on long enough text; on short or boilerplate-heavy pages,
//! where trigrams are unreliable, the share of very frequent French and English function words
//! decides, and a page with too little evidence stays `und` rather than guessed.

use std::collections::HashMap;
use std::sync::LazyLock;

use whatlang::Lang as Wl;

use crate::Lang;

const FR_FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans", "que", "qui",
    "sur", "avec", "au", "aux", "a", "ont", "sont", "ce", "cette", "son", "sa", "ses", "leur",
    "leurs", "par", "pas", "plus", "entre", "selon", "l", "d", "qu",
];
const EN_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "for", "with", "on", "that", "by", "as", "at", "was",
    "were", "has", "have", "are", "from", "its", "their", "this", "which", "be", "an", "a", "will",
    "said", "it",
];

/// Length in bytes of the longest function word: a longer ASCII word is none of them.
const LONGEST_FUNCTION_WORD: usize = {
    let (fr, en) = (longest(FR_FUNCTION_WORDS), longest(EN_FUNCTION_WORDS));
    if fr > en {
        fr
    } else {
        en
    }
};

const fn longest(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > longest {
            longest = words[i].len();
        }
        i += 1;
    }
    longest
}

/// Every function word: whether it is a French one, an English one.
static FUNCTION_WORDS: LazyLock<HashMap<&str, (bool, bool)>> = LazyLock::new(|| {
    let mut words: HashMap<&str, (bool, bool)> = HashMap::new();
    for &w in FR_FUNCTION_WORDS {
        words.entry(w).or_default().0 = true;
    }
    for &w in EN_FUNCTION_WORDS {
        words.entry(w).or_default().1 = true;
    }
    words
});

/// Detects the language of `text` (only its first few thousand bytes are read).
pub fn detect(text: &str) -> Lang {
    let head = prefix(text, 6000);
    let (fr, en, words) = function_word_counts(head);
    if words < 3 {
        return Lang::Und;
    }
    let by_words = |min_share: f64| {
        let share = fr.max(en) as f64 / words as f64;
        if share < min_share || fr == en {
            Lang::Und
        } else if fr > en {
            Lang::Fr
        } else {
            Lang::En
        }
    };
    // Function words this frequent decide whatever the trigrams say (every arm below agrees),
    // so the trigram model only runs when they do not.
    let by_function_words = by_words(0.25);
    if by_function_words != Lang::Und {
        return by_function_words;
    }
    match whatlang::detect(head) {
        Some(info) if info.lang() == Wl::Fra && fr >= en => Lang::Fr,
        Some(info) if info.lang() == Wl::Eng && en >= fr => Lang::En,
        // Another language reliably detected: only strong function-word evidence overrides it.
        Some(info) if info.is_reliable() && !matches!(info.lang(), Wl::Fra | Wl::Eng) => {
            by_words(0.25)
        }
        _ => by_words(0.08),
    }
}

fn prefix(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn function_word_counts(text: &str) -> (usize, usize, usize) {
    let (mut fr, mut en, mut words) = (0, 0, 0);
    let mut lowercase = [0u8; LONGEST_FUNCTION_WORD];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let found = if !word.is_ascii() {
            FUNCTION_WORDS.get(word.to_lowercase().as_str())
        } else if word.len() <= LONGEST_FUNCTION_WORD {
            // Lowercased into a buffer, not a new string: most words are short ASCII ones.
            let lower = &mut lowercase[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower)
                .ok()
                .and_then(|w| FUNCTION_WORDS.get(w))
        } else {
            None
        };
        let (is_fr, is_en) = found.copied().unwrap_or_default();
        fr += is_fr as usize;
        en += is_en as usize;
    }
    (fr, en, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_english_and_other() {
        assert_eq!(
            detect("Le ministre kazakh des Affaires étrangères a reçu jeudi le secrétaire d'État."),
            Lang::Fr
        );
        assert_eq!(
            detect("The Kazakh foreign minister met the US Secretary of State on Tuesday."),
            Lang::En
        );
        assert_eq!(
            detect("Der Außenminister traf sich am Dienstag mit dem amerikanischen Minister in Berlin."),
            Lang::Und
        );
        assert_eq!(
            detect("Министр иностранных дел Казахстана встретился с госсекретарём США."),
            Lang::Und
        );
    }

    #[test]
    fn short_and_empty_texts() {
        assert_eq!(detect(""), Lang::Und);
        assert_eq!(detect("   \n "), Lang::Und);
        assert_eq!(detect("Kazakhstan"), Lang::Und);
        assert_eq!(
            detect("Partagez cet article sur la visite du président"),
            Lang::Fr
        );
    }
}
