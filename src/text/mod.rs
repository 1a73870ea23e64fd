//! Text handling shared by every extractor: the folded copy matchers run on, sentence
//! segmentation, boilerplate lines, language identification, and code-point offsets.

pub mod boilerplate;
mod en;
pub mod encoding;
pub mod fold_table;
mod fr;
pub mod lang;
pub mod normalise;
pub mod offsets;
pub mod phrases;
pub mod segment;
pub mod tokens;

pub use normalise::{Folded, FoldedSpan};
pub use segment::Sentence;

/// The last words of `text[..at]`, lowercase: at most `max_bytes` bytes, cut at a char boundary.
/// For "is this name preceded by «à» / «pour» / «in»?" checks without lowercasing a document.
pub fn lowercase_tail(text: &str, at: usize, max_bytes: usize) -> String {
    let mut from = at.saturating_sub(max_bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at].trim_end().to_lowercase()
}

/// True when one of `words` (lowercase) ends right before byte `start`, an article between them
/// allowed: "à la Maison Blanche", "pour l'Asie centrale", "to the EU".
pub fn preceded_by<W: AsRef<str>>(text: &str, start: usize, words: &[W]) -> bool {
    tail_ends_with(&lowercase_tail(text, start, 48), words)
}

/// [`preceded_by`] on the [`lowercase_tail`] before the name, for callers that read it too.
pub fn tail_ends_with<W: AsRef<str>>(tail: &str, words: &[W]) -> bool {
    let tail = fr::ARTICLES
        .iter()
        .chain(en::ARTICLES)
        .find_map(|article| tail.strip_suffix(article))
        .unwrap_or(tail)
        .trim_end();
    words.iter().map(AsRef::as_ref).any(|w| {
        tail.ends_with(w)
            && tail[..tail.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when the folded `gap` holds a word that opens reported speech (of either language:
/// quotes cross languages): a date after it belongs to the words reported ("said the
/// delegation would return on Friday"), not to the cue before them.
pub fn reports_speech(gap: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let mut words: Vec<String> = fr::REPORTING
            .iter()
            .chain(en::REPORTING)
            .map(|w| normalise::fold_str(w))
            .collect();
        words.dedup();
        words
    });
    WORDS.iter().any(|w| contains_phrase(gap, w))
}

/// True when `phrase` occurs in `text` as whole words; an elided phrase ("qu'") may run into
/// the next word. Both are compared as given: lowercase them first.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    let bounded = |i: usize| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric())
            && (phrase.ends_with(['\'', '’']) || after.is_none_or(|c| !c.is_alphanumeric()))
    };
    let Some((&first, rest)) = phrase.as_bytes().split_first() else {
        return text.match_indices(phrase).any(|(i, _)| bounded(i));
    };
    // The occurrences `match_indices` finds (leftmost, not overlapping), by a scan for the first
    // byte: the texts are short, and setting up a substring searcher for each phrase cost more
    // than this. A match starts at a char boundary: `first` starts a char, no byte inside one.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = memchr::memchr_iter(first, &bytes[at..])
        .map(|i| at + i)
        .find(|&i| bytes[i + 1..].starts_with(rest))
    {
        if bounded(i) {
            return true;
        }
        at = i + phrase.len();
    }
    false
}

/// Length in bytes of a dateline or a rubric opening a sentence ("ASTANA, Kazakhstan —",
/// "SAMARKAND (Reuters) -", "Ouzbékistan : le ministre reçoit…"), 0 when there is none. Both name
/// where the story was filed or what it is about, not who acts.
pub fn dateline_len(sentence: &str) -> usize {
    static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\p{Lu}{2,}[\p{Lu}\p{M} .'’-]{0,40}(?:,[^—–()\n]{1,40}|\s*\([^)]{1,30}\))+\s*[—–-]\s",
        )
        .expect("dateline pattern compiles")
    });
    static RUBRIC: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\p{Lu}[\p{L}’'-]+(?: [\p{L}’'-]+)? ?: ")
            .expect("rubric pattern compiles")
    });
    // Both open with a capital (`\p{Lu}` is uppercase); a dateline with a second one, a rubric
    // holds ": ". Most sentences fail these before either regex runs.
    let mut chars = sentence.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return 0;
    }
    if !chars.next().is_some_and(char::is_uppercase) && !sentence.contains(": ") {
        return 0;
    }
    DATELINE
        .find(sentence)
        .or_else(|| RUBRIC.find(sentence))
        .map_or(0, |m| m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_speech_is_read_in_the_fold() {
        let folded = Folded::new("Le ministre a  Déclaré qu’il reviendrait vendredi");
        assert!(reports_speech(folded.between(11, 40)));
        assert!(reports_speech(&normalise::fold_str(
            "the envoy SAID on Monday"
        )));
        assert!(!reports_speech(&normalise::fold_str(
            "a signé mardi un accord"
        )));
        // Whole words only: "thatcher" holds no "that".
        assert!(!reports_speech("thatcher visited"));
    }

    #[test]
    fn datelines() {
        let s = "BISHKEK, Kyrgyzstan — The deputy minister said on Monday";
        assert_eq!(&s[dateline_len(s)..], "The deputy minister said on Monday");
        let s = "ASTANA (Reuters) - Kazakhstan said";
        assert_eq!(&s[dateline_len(s)..], "Kazakhstan said");
        assert_eq!(dateline_len("Le Kazakhstan et les États-Unis ont signé"), 0);
        assert_eq!(dateline_len("USAID - the agency - said"), 0);
        let s = "Ouzbékistan : le ministre reçoit son homologue";
        assert_eq!(&s[dateline_len(s)..], "le ministre reçoit son homologue");
        assert_eq!(dateline_len("Il a déclaré : « Nous soutenons »"), 0);
    }

    #[test]
    fn phrases_as_whole_words() {
        for (text, phrase, found) in [
            ("il a dit que", "a dit", true),
            ("il a dite", "a dit", false),
            ("qu'il", "qu'", true),
            ("jusqu'ici", "qu'", false),
            ("thathat that", "that", true),
            ("thathat", "that", false),
            ("she said", "said", true),
            ("unsaid", "said", false),
            ("a déclaré", "a déclaré", true),
            ("é said", "said", true),
            ("", "said", false),
            ("said", "", false),
            ("said, x", "", true),
        ] {
            assert_eq!(contains_phrase(text, phrase), found, "{text:?} {phrase:?}");
        }
    }

    #[test]
    fn capital_letters_are_uppercase() {
        // `dateline_len` rejects with `char::is_uppercase` what its patterns read as `\p{Lu}`.
        let capital = regex::Regex::new(r"^\p{Lu}$").unwrap();
        for c in char::MIN..=char::MAX {
            if capital.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(c.is_uppercase(), "{c:?}");
            }
        }
    }
}
