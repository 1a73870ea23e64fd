//! The folded copy of a text: lowercase, accents stripped, apostrophes, dashes and spaces
//! unified, with a map back to byte offsets of the original. Built once per document; every
//! dictionary matcher runs on it and reports original offsets.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::fold_table::FoldTable;

/// The folded form of every ASCII byte: most text, where only case, whitespace and the backtick
/// change. Only whitespace folds to a space.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'`' => b'\'',
            // `char::is_whitespace` on ASCII: `u8::is_ascii_whitespace` leaves out \x0b.
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ' => b' ',
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// Appends the folded form of non-ASCII `c` to `out` (possibly nothing, possibly several chars).
fn fold_non_ascii(c: char, out: &mut String) {
    match LATIN_FOLDS.get(c) {
        Some(folded) => out.push_str(folded),
        None => fold_by_tables(c, out),
    }
}

/// [`fold_non_ascii`] without the Latin table.
fn fold_by_tables(c: char, out: &mut String) {
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

/// The accented letters of French and most European text, folded once by [`fold_by_tables`]:
/// lowercasing and decomposing each one costs several table searches.
static LATIN_FOLDS: LazyLock<FoldTable> = LazyLock::new(|| FoldTable::new(fold_by_tables));

/// Folds a short string (a dictionary alias, a name) without keeping an offset map: trimmed,
/// whitespace runs made one space.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, true, |_, _| {});
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds `original` onto `out`, whitespace runs made one space (none at the start of `out` when
/// `trim_start`); after each char that adds to `out`, calls `folded(its offset, bytes added)`.
/// ASCII bytes, most of any text, go through a table instead of char decoding.
#[inline(always)]
fn fold_into(
    original: &str,
    out: &mut String,
    trim_start: bool,
    mut folded: impl FnMut(usize, usize),
) {
    let bytes = original.as_bytes();
    // Whether a space would be one too many here: `out` ends with one, or is empty and trimmed.
    let mut after_space = out.ends_with(' ') || (trim_start && out.is_empty());
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // Whitespace is the only thing that folds to a space.
        if b.is_ascii() {
            let f = ASCII_FOLD[usize::from(b)];
            if f != b' ' || !after_space {
                out.push(char::from(f));
                folded(at, 1);
                after_space = f == b' ';
            }
            at += 1;
        } else {
            let c = original[at..]
                .chars()
                .next()
                .expect("`at` is a char boundary");
            if !(c.is_whitespace() && after_space) {
                let len = out.len();
                fold_non_ascii(c, out);
                if out.len() > len {
                    folded(at, out.len() - len);
                    after_space = out.ends_with(' ');
                }
            }
            at += c.len_utf8();
        }
    }
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
        fold_into(original, &mut text, false, |at, added| {
            origin.extend(std::iter::repeat_n(at as u32, added))
        });
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

    /// The folded form of the original bytes `start..end` (a sentence), with offsets relative
    /// to `start`: what a sentence's extractors read instead of folding it again.
    pub fn span(&self, start: usize, end: usize) -> FoldedSpan<'_> {
        let (from, to) = (self.folded_offset(start), self.folded_offset(end));
        FoldedSpan {
            text: &self.text[from..to],
            origin: &self.origin[from..to],
            start,
            len: end - start,
        }
    }

    /// The folded form of the original bytes `start..end`.
    pub fn between(&self, start: usize, end: usize) -> &str {
        &self.text[self.folded_offset(start)..self.folded_offset(end)]
    }

    /// [`Folded::span`] of the whole text.
    pub fn whole(&self) -> FoldedSpan<'_> {
        self.span(0, self.original_len)
    }
}

/// The folded copy of a piece of a text, offsets in both directions relative to the piece.
#[derive(Clone, Copy, Debug)]
pub struct FoldedSpan<'a> {
    pub text: &'a str,
    /// Absolute original offsets of the folded bytes.
    origin: &'a [u32],
    /// The piece's original start and length.
    start: usize,
    len: usize,
}

impl<'a> FoldedSpan<'a> {
    /// The original offset of folded byte `i`; the piece's length at or past the end.
    pub fn orig(&self, i: usize) -> usize {
        self.origin
            .get(i)
            .map_or(self.len, |&o| o as usize - self.start)
    }

    /// The folded offset of original offset `o` (the first folded byte at or after it).
    pub fn folded(&self, o: usize) -> usize {
        self.origin
            .partition_point(|&x| (x as usize) < self.start + o)
    }

    /// The folded form of the original bytes `start..end` of the piece.
    pub fn between(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.folded(start)..self.folded(end)]
    }

    /// Original range of the folded range `start..end`; a range ending inside the expansion
    /// of one char ("œ" → "oe") takes the whole char.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.orig(start);
        let mut to = self.orig(end);
        if end > 0 && end < self.origin.len() && self.origin[end] == self.origin[end - 1] {
            let here = self.origin[end];
            to = self.origin[end..]
                .iter()
                .find(|&&o| o != here)
                .map_or(self.len, |&o| o as usize - self.start);
        }
        (from, to.max(from))
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

    /// The char-by-char folds the table-driven ones replaced.
    fn fold_str_by_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_whitespace() && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            slow_fold_char(c, &mut out);
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    fn folded_by_chars(original: &str) -> (String, Vec<u32>) {
        let (mut text, mut origin) = (String::new(), Vec::new());
        for (at, c) in original.char_indices() {
            if c.is_whitespace() && text.ends_with(' ') {
                continue;
            }
            slow_fold_char(c, &mut text);
            origin.resize(text.len(), at as u32);
        }
        (text, origin)
    }

    fn slow_fold_char(c: char, out: &mut String) {
        if !c.is_ascii() {
            return fold_by_tables(c, out);
        }
        out.push(match c {
            '`' => '\'',
            c if c.is_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        });
    }

    #[test]
    fn table_fold_equals_char_fold() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let latin: String = (0x80..0x300).filter_map(char::from_u32).collect();
        for text in [
            ascii.as_str(),
            latin.as_str(),
            "",
            " ",
            "  \t\r\n x \x0b\x0c y  ",
            "Le Secrétaire d’État\r\n\r\nà\tNoursoultan",
            "Straße, manœuvres, ÆGIS, `quoted`",
            "NBSP\u{a0}\u{a0}here\u{202f}: zero\u{200b}width",
            "emoji 😀\u{1F1F0}\u{1F1FF} flags, e\u{301} combining, \u{301}alone",
            "\u{a0} leading and trailing \u{3000}",
            "Tokaïev  \u{202f} x – y — z ‘a’ K",
        ] {
            assert_eq!(fold_str(text), fold_str_by_chars(text), "{text:?}");
            let folded = Folded::new(text);
            assert_eq!(
                (folded.text, folded.origin),
                folded_by_chars(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_sentence_span_reads_as_the_sentence_folded_alone() {
        let text = "Titre\n\nLe  Secrétaire d’État arrive. Puis la manœuvre  commence.";
        let folded = Folded::new(text);
        for sentence in [
            "Le  Secrétaire d’État arrive.",
            "Puis la manœuvre  commence.",
        ] {
            let start = text.find(sentence).unwrap();
            let span = folded.span(start, start + sentence.len());
            let alone = Folded::new(sentence);
            assert_eq!(span.text, alone.text);
            for i in 0..=span.text.len() {
                assert_eq!(span.orig(i), alone.orig_or_end(i), "{sentence:?} at {i}");
                assert_eq!(
                    span.folded(span.orig(i)),
                    alone.folded_offset(alone.orig_or_end(i))
                );
            }
            let at = span.text.find("oe").unwrap_or(0);
            let (s, e) = span.original_range(at, at + 1);
            assert!(sentence.is_char_boundary(s) && sentence.is_char_boundary(e));
        }
        let e = text.find("d’État").unwrap();
        let span = folded.span(e, e + "d’État".len());
        assert_eq!(span.text, "d'etat");
        assert_eq!(span.original_range(2, 6), (4, "d’État".len()));
    }

    impl Folded {
        fn orig_or_end(&self, i: usize) -> usize {
            self.origin
                .get(i)
                .map_or(self.original_len, |&o| o as usize)
        }
    }

    #[test]
    fn word_bounds() {
        let folded = Folded::new("Kazakhstanais, kazakh!");
        let at = folded.text.find("kazakh!").unwrap();
        assert!(folded.is_word_bounded(at, at + 6));
        assert!(!folded.is_word_bounded(0, 6));
    }
}
