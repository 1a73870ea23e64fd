//! The tokens of a folded sentence, read by every extractor that needs words rather than
//! bytes (the mood and voice of a cue, the words between a verb and its noun, clauses): built
//! once per sentence by the document view.

use super::normalise::is_word_char;

/// A word of the folded text, or one punctuation mark that closes a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets in the folded sentence.
    pub start: usize,
    pub end: usize,
    /// A word, not a clause mark.
    pub word: bool,
}

/// Words are runs of letters and digits (inner hyphens kept), with an elision apostrophe attached
/// ("n'", "qu'"); `, ; : . ! ? ( ) [ ]` and quotation marks are clause marks.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per five bytes of news text: most sentences need no regrowth.
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                // "peace-keeping", and abbreviations: "u.s." is one word, not a clause end.
                let inner = matches!(d, '-' | '.')
                    && text[j + 1..].chars().next().is_some_and(is_word_char);
                let closes_abbreviation = d == '.' && text[i..end].contains('.');
                if is_word_char(d) || inner {
                    end = j + d.len_utf8();
                    chars.next();
                } else if closes_abbreviation {
                    end = j + 1;
                    chars.next();
                    break;
                } else {
                    break;
                }
            }
            if let Some(&(j, '\'')) = chars.peek() {
                end = j + 1;
                chars.next();
            }
            tokens.push(Token {
                start: i,
                end,
                word: true,
            });
        } else if matches!(
            c,
            ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '«' | '»' | '“' | '”'
        ) {
            tokens.push(Token {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
        }
    }
    tokens
}

/// Token indices `first..last` covering bytes `start..end`.
pub fn token_range(tokens: &[Token], start: usize, end: usize) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.end <= start);
    let last = tokens.partition_point(|t| t.start < end);
    (first, last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(&str, bool)> {
        tokenize(text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.word))
            .collect()
    }

    #[test]
    fn words_keep_hyphens_elisions_and_abbreviations() {
        let got = tokens("qu'il a co-organisé, avec les u.s. et l'onu (à new york).");
        let words: Vec<&str> = got.iter().filter(|(_, w)| *w).map(|(t, _)| *t).collect();
        assert_eq!(
            words,
            [
                "qu'",
                "il",
                "a",
                "co-organisé",
                "avec",
                "les",
                "u.s.",
                "et",
                "l'",
                "onu",
                "à",
                "new",
                "york"
            ]
        );
        let marks: Vec<&str> = got.iter().filter(|(_, w)| !*w).map(|(t, _)| *t).collect();
        assert_eq!(marks, [",", "(", ")", "."]);
    }

    #[test]
    fn a_range_covers_the_tokens_it_touches() {
        let text = "le sommet c5+1 a eu lieu";
        let all = tokenize(text);
        let at = text.find("c5").unwrap();
        let (first, last) = token_range(&all, at, at + 4);
        let covered: Vec<&str> = all[first..last]
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(covered, ["c5", "1"]);
    }
}
