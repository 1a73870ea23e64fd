//! The folded copy of a text: lowercase, accents stripped, apostrophes, dashes and spaces
//! unified, with a map back to byte offsets of the original. Built once per document; every
//! dictionary matcher runs on it and reports original offsets.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `c` to `out` (possibly nothing, possibly several chars).
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        // Most text: only case, whitespace and the backtick change.
        out.push(match c {
            '`' => '\'',
            c if c.is_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        });
        return;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_whitespace() => out.push(' '),
        c => {
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// Folds a short string (a dictionary alias, a name) without keeping an offset map: trimmed,
/// whitespace runs made one space.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Whitespace is the only thing that folds to a space.
        if c.is_whitespace() && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        fold_char(c, &mut out);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A folded copy of a text with, for every folded byte, the original byte offset of the char
/// it came from. Whitespace runs fold to one space.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    origin: Vec<u32>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            if c.is_whitespace() && text.ends_with(' ') {
                continue;
            }
            fold_char(c, &mut text);
            origin.resize(text.len(), at as u32);
        }
        Folded {
            text,
            origin,
            original_len: original.len(),
        }
    }

    /// Original byte range of the folded byte range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let orig_start = self
            .origin
            .get(start)
            .map_or(self.original_len, |&o| o as usize);
        let orig_end = if end >= self.origin.len() {
            self.original_len
        } else if end > 0 && self.origin[end] == self.origin[end - 1] {
            // The range ends inside the expansion of one char ("œ" → "oe"): take the whole char.
            self.next_origin_after(end)
        } else {
            self.origin[end] as usize
        };
        (orig_start, orig_end.max(orig_start))
    }

    fn next_origin_after(&self, at: usize) -> usize {
        let here = self.origin[at];
        self.origin[at..]
            .iter()
            .find(|&&o| o != here)
            .map_or(self.original_len, |&o| o as usize)
    }

    /// The folded offset of original byte offset `original` (the first folded byte at or
    /// after it).
    pub fn folded_offset(&self, original: usize) -> usize {
        self.origin.partition_point(|&o| (o as usize) < original)
    }

    /// True when the folded range is delimited by non-word characters on both sides.
    pub fn is_word_bounded(&self, start: usize, end: usize) -> bool {
        let before = self.text[..start].chars().next_back();
        let after = self.text[end..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold_str("États-Unis"), "etats-unis");
        assert_eq!(fold_str("l’Ouzbékistan"), "l'ouzbekistan");
        assert_eq!(fold_str("Tokaïev  \u{202f} x"), "tokaiev x");
        assert_eq!(
            fold_str("manœuvres – conjointes"),
            "manoeuvres - conjointes"
        );
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let original = "Le  Secrétaire d’État à Noursoultan";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "le secretaire d'etat a noursoultan");
        let at = folded.text.find("d'etat").unwrap();
        let (s, e) = folded.original_range(at, at + "d'etat".len());
        assert_eq!(&original[s..e], "d’État");
        let at = folded.text.find("noursoultan").unwrap();
        let (s, e) = folded.original_range(at, folded.text.len());
        assert_eq!(&original[s..e], "Noursoultan");
    }

    #[test]
    fn expansions_map_to_whole_chars() {
        let original = "des manœuvres";
        let folded = Folded::new(original);
        let at = folded.text.find("manoe").unwrap();
        let (s, e) = folded.original_range(at, at + "manoe".len());
        assert_eq!(&original[s..e], "manœ");
    }

    #[test]
    fn word_bounds() {
        let folded = Folded::new("Kazakhstanais, kazakh!");
        let at = folded.text.find("kazakh!").unwrap();
        assert!(folded.is_word_bounded(at, at + 6));
        assert!(!folded.is_word_bounded(0, 6));
    }
}
