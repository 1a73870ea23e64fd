//! Sentence segmentation with byte offsets into the original text.
//!
//! Lines are units first (news pages put headlines, bullets and paragraphs on their own lines);
//! inside a line, a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes) followed by
//! a space and a capital, a digit or an opening quote, unless the word before the period is an
//! abbreviation ("M.", "Mme", "Dr", "St.", "U.S."), an initial ("J. Borrell"), or the period is
//! inside a number ("1.5").
//!
//! A "sentence" longer than [`MAX_SENTENCE`] bytes (a transcript, a table or a PDF page without
//! punctuation) is cut into pieces of at most that length, at a clause mark or a space: every
//! extractor's work per sentence is then bounded, and its cost over a document linear.

use super::boilerplate::is_boilerplate;
use super::normalise::Folded;
use super::{en, fr};
use regex::RegexSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// On a boilerplate line: extractors skip it.
    pub boilerplate: bool,
    /// Index of the line (0-based, counting every `\n`), to tell headline from body.
    pub line: u32,
}

/// The longest sentence the extractors see, in bytes: about five times the longest sentence of
/// ordinary news, so that only unpunctuated text is ever cut.
pub const MAX_SENTENCE: usize = 2_000;

/// Splits `text` into sentences. `extra_boilerplate` adds user patterns to the bundled ones.
pub fn sentences(text: &str, extra_boilerplate: Option<&RegexSet>) -> Vec<Sentence> {
    sentences_of(text, &Folded::new(text), extra_boilerplate)
}

/// [`sentences`] of a text already folded (`folded`): the boilerplate patterns read its lines
/// there.
pub fn sentences_of(
    text: &str,
    folded: &Folded,
    extra_boilerplate: Option<&RegexSet>,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0usize;
    for (line_no, line) in text.split('\n').enumerate() {
        let line_end = line_start + line.len();
        let boilerplate = is_boilerplate(text, folded, (line_start, line_end), extra_boilerplate);
        split_line(line, line_start, line_no as u32, boilerplate, &mut out);
        line_start = line_end + 1;
    }
    out
}

fn split_line(line: &str, base: usize, line_no: u32, boilerplate: bool, out: &mut Vec<Sentence>) {
    let mut start = 0usize;
    let mut at = 0usize;
    while let Some(found) = next_terminator(line.as_bytes(), at) {
        let c = char_at(line, found).expect("a terminator starts a char");
        if !matches!(c, '.' | '!' | '?' | '…') {
            at = found + c.len_utf8();
            continue;
        }
        // Swallow a run of terminators and closing quotes/brackets.
        let mut j = found + c.len_utf8();
        loop {
            while let Some(t) = char_at(line, j).filter(|&t| is_terminal_tail(t)) {
                j += t.len_utf8();
            }
            // French typography puts a space before the closing guillemet: ". »".
            let next = skip_spaces(line, j);
            if next > j && matches!(char_at(line, next), Some('»' | '”')) {
                j = next;
            } else {
                break;
            }
        }
        let after_space = skip_spaces(line, j);
        if after_space > j
            && char_at(line, after_space).is_some_and(starts_sentence)
            && !(c == '.' && is_abbreviation(line, found))
            && !(c == '.' && is_item_number(line, found))
        {
            push(line, base, start, j, line_no, boilerplate, out);
            start = after_space;
            at = after_space;
        } else {
            at = j;
        }
    }
    push(line, base, start, line.len(), line_no, boilerplate, out);
}

/// The first byte at or after `at` that may start a terminator: '.', '!', '?', or the first
/// byte of '…' (which starts other chars too, but no continuation byte). Tests 16 bytes at a
/// time without branching, which the compiler vectorises: most bytes are none of them.
fn next_terminator(bytes: &[u8], mut at: usize) -> Option<usize> {
    let candidate = |b: &u8| matches!(b, b'.' | b'!' | b'?' | 0xE2);
    while let Some(chunk) = bytes.get(at..at + 16) {
        if chunk.iter().fold(false, |any, b| any | candidate(b)) {
            break;
        }
        at += 16;
    }
    bytes.get(at..)?.iter().position(candidate).map(|i| at + i)
}

/// The char at byte `at` of `text`, `None` at the end.
fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

fn is_terminal_tail(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '»' | '"' | '”' | '\'' | '’' | ')' | ']' | '\u{a0}' | '\u{202f}'
    ) && c != ' '
}

fn skip_spaces(line: &str, at: usize) -> usize {
    line[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(line.len(), |(i, _)| at + i)
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '‘' | '(' | '[' | '—' | '–' | '-' | '•')
}

/// "2. The bank approved…": the number of a list item, at the start of its line.
fn is_item_number(line: &str, dot: usize) -> bool {
    let number = line[..dot].trim_start();
    (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}

/// True when the period at byte `dot` of `line` ends an abbreviation or an initial.
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let word_start = line[..dot]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '«' | '"' | '“'))
        .map_or(0, |p| {
            p + line[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &line[word_start..dot];
    if word.is_empty() {
        return false;
    }
    // Both languages' abbreviations: articles quote each other's names and titles.
    if fr::ABBREVIATIONS.contains(&word) || en::ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = letters.next();
    let single_capital = first.is_some_and(char::is_uppercase)
        && letters.next().is_none()
        && word.chars().count() <= 2;
    // "U.S", "U.N", "J.-C": letters separated by periods.
    let dotted = word.contains('.') && word.split(['.', '-']).all(|p| p.chars().count() <= 2);
    single_capital || dotted
}

fn push(
    line: &str,
    base: usize,
    start: usize,
    end: usize,
    line_no: u32,
    boilerplate: bool,
    out: &mut Vec<Sentence>,
) {
    let piece = &line[start..end];
    let leading = piece.len()
        - piece
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '▪' | '*'))
            .len();
    let trailing = piece.len() - piece.trim_end().len();
    if leading + trailing >= piece.len() {
        return;
    }
    let (mut start, end) = (start + leading, end - trailing);
    while end - start > MAX_SENTENCE {
        let cut = cut_point(&line[start..floor_char(line, start + MAX_SENTENCE)]);
        out.push(Sentence {
            start: base + start,
            end: base + start + cut,
            boilerplate,
            line: line_no,
        });
        start += cut + line[start + cut..].len() - line[start + cut..].trim_start().len();
    }
    out.push(Sentence {
        start: base + start,
        end: base + end,
        boilerplate,
        line: line_no,
    });
}

/// Where to end a piece of an overlong sentence within `window`: after its last clause mark
/// (";", ",", ":") in the second half, else at its last space there, else at its end.
fn cut_point(window: &str) -> usize {
    let half = floor_char(window, window.len() / 2);
    let tail = &window[half..];
    tail.rfind([';', ',', ':'])
        .map(|p| half + p + 1)
        .or_else(|| {
            tail.rfind(char::is_whitespace)
                .filter(|&p| p > 0)
                .map(|p| half + p)
        })
        .unwrap_or(window.len())
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, None)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_terminators_before_capitals() {
        assert_eq!(
            split("Il est venu. Elle est partie! Vraiment? Oui…"),
            vec!["Il est venu.", "Elle est partie!", "Vraiment?", "Oui…"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_numbers() {
        assert_eq!(
            split("M. Burns a vu Mme Durand. Le Dr Smith et J. Borrell sont là."),
            vec![
                "M. Burns a vu Mme Durand.",
                "Le Dr Smith et J. Borrell sont là."
            ]
        );
        assert_eq!(
            split("The U.S. Secretary met St. John in Washington. It cost 1.5 billion, or 1,5 milliard."),
            vec!["The U.S. Secretary met St. John in Washington.", "It cost 1.5 billion, or 1,5 milliard."]
        );
        assert_eq!(
            split("Il hésita... puis signa. Fin."),
            vec!["Il hésita... puis signa.", "Fin."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("« C’est bien. » Il a ajouté : “Nous soutenons.” Puis il est parti."),
            vec![
                "« C’est bien. »",
                "Il a ajouté : “Nous soutenons.”",
                "Puis il est parti."
            ]
        );
    }

    #[test]
    fn lines_and_bullets_are_units() {
        assert_eq!(
            split("1. The bank lent money. It was new.\n2. Talks ended."),
            ["1. The bank lent money.", "It was new.", "2. Talks ended."]
        );
        let text =
            "Titre de l'article\n\n  • Premier point sans point final\nPartagez cet article:\n";
        let found = sentences(text, None);
        let pieces: Vec<&str> = found.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            pieces,
            vec![
                "Titre de l'article",
                "Premier point sans point final",
                "Partagez cet article:"
            ]
        );
        assert!(found[2].boilerplate && !found[1].boilerplate);
        assert_eq!(found[1].line, 2);
    }

    #[test]
    fn terminators_quotes_and_wide_characters() {
        let cases: [(&str, &[&str]); 7] = [
            (
                "Il est venu. Elle est partie! Vraiment? Oui… Non…Si. « Bien. » Fin ?",
                &[
                    "Il est venu.",
                    "Elle est partie!",
                    "Vraiment?",
                    "Oui…",
                    "Non…Si.",
                    "« Bien. »",
                    "Fin ?",
                ],
            ),
            (
                "Une phrase assez longue pour remplir seize octets. Et une autre ici.",
                &[
                    "Une phrase assez longue pour remplir seize octets.",
                    "Et une autre ici.",
                ],
            ),
            (
                "L’État — « Nous soutenons. »\u{a0}Puis… 😀 Emoji. “Quoted.” (Aside.) [Note.] Done",
                &[
                    "L’État — « Nous soutenons. »\u{a0}Puis… 😀 Emoji.",
                    "“Quoted.”",
                    "(Aside.)",
                    "[Note.]",
                    "Done",
                ],
            ),
            (
                "M. Burns, Dr. Who, U.S. policy. 1. First. 12. Twelfth. 123. Not an item.",
                &[
                    "M. Burns, Dr. Who, U.S. policy.",
                    "1.",
                    "First.",
                    "12.",
                    "Twelfth.",
                    "123.",
                    "Not an item.",
                ],
            ),
            ("ends with spaces.   ", &["ends with spaces."]),
            ("...!?", &["...!?"]),
            ("……… Ensuite.\u{202f}Fin.", &["………", "Ensuite.\u{202f}Fin."]),
        ];
        for (line, expected) in cases {
            let mut found = Vec::new();
            split_line(line, 0, 0, false, &mut found);
            let texts: Vec<&str> = found.iter().map(|s| &line[s.start..s.end]).collect();
            assert_eq!(texts, expected, "{line:?}");
        }
    }

    #[test]
    fn overlong_sentences_are_cut_at_clause_marks_or_spaces() {
        let words = "a rencontré a signé verseront 25 millions, sommet C5+1 mardi ".repeat(200);
        let found = sentences(&words, None);
        assert!(found.len() >= words.len() / MAX_SENTENCE);
        let mut previous_end = 0;
        for s in &found {
            assert!(s.end - s.start <= MAX_SENTENCE);
            assert!(
                words[previous_end..s.start].trim().is_empty(),
                "nothing is lost"
            );
            assert!(words[s.start..s.end].ends_with(',') || s.end == words.trim_end().len());
            previous_end = s.end;
        }
        let letters = "é".repeat(3 * MAX_SENTENCE);
        let pieces = split(&letters);
        assert_eq!(pieces.concat(), letters);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE));
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(sentences("", None).is_empty());
        assert!(sentences(" \n\t\r\n", None).is_empty());
        assert_eq!(split("...!?"), vec!["...!?"]);
        assert_eq!(split("a\r\nb"), vec!["a", "b"]);
    }
}
