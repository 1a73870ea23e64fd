//! Language identification per document: French, English, or `und` for anything else.
//!
//! whatlang's trigram model decides on long enough text; on short or boilerplate-heavy pages,
//! where trigrams are unreliable, the share of very frequent French and English function words
//! decides, and a page with too little evidence stays `und` rather than guessed.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use whatlang::Lang as Wl;

use super::{en, fr};
use crate::Lang;

/// Every function word, packed as a [`word_key`]: whether it is a French one, an English one.
/// A packed key hashes in one multiply, where most words of a text are looked up.
static FUNCTION_WORDS: LazyLock<FxHashMap<u64, (bool, bool)>> = LazyLock::new(|| {
    let mut table: FxHashMap<u64, (bool, bool)> = FxHashMap::default();
    for (words, french) in [(fr::FUNCTION_WORDS, true), (en::FUNCTION_WORDS, false)] {
        for w in words {
            let key = word_key(w.as_bytes()).expect("function words are short ASCII letters");
            let langs = table.entry(key).or_default();
            if french {
                langs.0 = true;
            } else {
                langs.1 = true;
            }
        }
    }
    table
});

/// An ASCII word of at most 8 letters, lowercased and packed in a `u64`; `None` for a longer
/// one, which is no function word.
fn word_key(letters: &[u8]) -> Option<u64> {
    let mut packed = [0u8; 8];
    packed.get_mut(..letters.len())?.copy_from_slice(letters);
    // Setting bit 5 lowercases an ASCII letter and leaves the zero padding alone.
    let case = (u64::MAX >> (64 - 8 * letters.len().max(1))) & 0x2020_2020_2020_2020;
    Some(u64::from_le_bytes(packed) | case)
}

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

/// French function words, English ones, and words, in `text`. A word is a run of letters
/// (`char::is_alphabetic`); only ASCII ones are looked up, as every function word is ASCII and
/// no other letter lowercases to an ASCII one they hold (a test checks it).
fn function_word_counts(text: &str) -> (usize, usize, usize) {
    let (mut fr, mut en, mut words) = (0, 0, 0);
    let function_words = &*FUNCTION_WORDS;
    let mut count = |word: &[u8], ascii: bool| {
        words += 1;
        if let Some(key) = word_key(word).filter(|_| ascii) {
            let (is_fr, is_en) = function_words.get(&key).copied().unwrap_or_default();
            fr += is_fr as usize;
            en += is_en as usize;
        }
    };
    let bytes = text.as_bytes();
    // The word being read: where it starts, and whether it is ASCII so far.
    let mut word: Option<(usize, bool)> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let (len, letter) = if b.is_ascii() {
            (1, b.is_ascii_alphabetic())
        } else {
            let c = text[at..].chars().next().expect("`at` is a char boundary");
            (c.len_utf8(), c.is_alphabetic())
        };
        match (letter, &mut word) {
            (true, None) => word = Some((at, b.is_ascii())),
            (true, Some((_, ascii))) => *ascii &= b.is_ascii(),
            (false, Some((start, ascii))) => {
                count(&bytes[*start..at], *ascii);
                word = None;
            }
            (false, None) => {}
        }
        at += len;
    }
    if let Some((start, ascii)) = word {
        count(&bytes[start..], ascii);
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
    fn only_ascii_words_can_be_function_words() {
        let function_words = || fr::FUNCTION_WORDS.iter().chain(en::FUNCTION_WORDS);
        assert!(function_words().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(function_words().all(|w| !w.contains('k')));
        for c in (char::MIN..=char::MAX).filter(|c| !c.is_ascii()) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(
                    c, '\u{212A}',
                    "only the Kelvin sign lowercases to ASCII, to a k"
                );
            }
        }
    }

    /// Words split on chars and lowercased whole, as the byte walk replaced.
    fn counts_by_chars(text: &str) -> (usize, usize, usize) {
        let (mut fr, mut en, mut words) = (0, 0, 0);
        for word in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let word = word.to_lowercase();
            words += 1;
            fr += fr::FUNCTION_WORDS.contains(&word.as_str()) as usize;
            en += en::FUNCTION_WORDS.contains(&word.as_str()) as usize;
        }
        (fr, en, words)
    }

    #[test]
    fn counts_words_and_function_words() {
        for (text, counts) in [
            ("", (0, 0, 0)),
            // "a" is both French and English; "l'" and "d'" leave "l" and "d", French.
            ("THE Minister of l'État, A dit: «Les»…The", (3, 4, 9)),
            ("le1la\u{a0}LES_ÉtÉ les", (4, 0, 5)),
            ("entre entreprise selon\u{212A} \u{212A}", (1, 0, 4)),
            ("theTHE tHe İs İS Ün 😀de", (1, 1, 6)),
        ] {
            assert_eq!(function_word_counts(text), counts, "{text:?}");
            assert_eq!(counts_by_chars(text), counts, "{text:?}");
        }
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
