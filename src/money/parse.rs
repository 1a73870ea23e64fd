//! Shared grammar of money expressions: the folded view of the text, numbers written in digits or
//! in words, and scale words. Language-specific word lists live in `fr.rs` and `en.rs`.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::words::{ScaleKind, Word};
use super::{en, fr};
use crate::text::fold_table::FoldTable;
use crate::Lang;

/// The text lowercased, without accents, with typographic spaces, apostrophes and dashes made
/// plain, so that one ASCII grammar serves every spelling. `orig[i]` maps folded byte `i` back
/// to the byte offset of the character it came from.
pub(crate) struct Folded {
    pub text: String,
    orig: Vec<usize>,
}

impl Folded {
    /// Original byte offset of folded byte `i` (the text's length past the end).
    pub fn orig(&self, i: usize) -> usize {
        self.orig
            .get(i)
            .copied()
            .unwrap_or_else(|| self.orig.last().copied().unwrap_or(0))
    }

    /// Folded offset of original byte offset `o` (the first folded byte at or after it).
    pub fn folded(&self, o: usize) -> usize {
        self.orig.partition_point(|&x| x < o).min(self.text.len())
    }
}

fn fold_char(c: char, out: &mut String) {
    static LATIN: LazyLock<FoldTable> = LazyLock::new(|| FoldTable::new(fold_by_rule));
    match LATIN.get(c) {
        Some(form) => out.push_str(form),
        None => fold_by_rule(c, out),
    }
}

/// What [`fold_by_rule`] gives each ASCII byte: always one byte.
const ASCII_FOLDS: [u8; 128] = {
    let mut table = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte as usize] = match byte {
            b'\t' => b' ',
            b'`' => b'\'',
            b => b.to_ascii_lowercase(),
        };
        byte += 1;
    }
    table
};

fn fold_by_rule(c: char, out: &mut String) {
    match c {
        '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\t' => out.push(' '),
        '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{b4}' | '`' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                let mut lower = d.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => out.push(l),
                    _ => out.push(d),
                }
            }
        }),
    }
}

pub(crate) fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut orig = Vec::with_capacity(s.len() + 1);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            // Most of a sentence: one byte in, one byte out.
            text.push(char::from(ASCII_FOLDS[usize::from(bytes[i])]));
            orig.push(i);
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let before = text.len();
        fold_char(c, &mut text);
        orig.resize(orig.len() + (text.len() - before), i);
        i += c.len_utf8();
    }
    orig.push(s.len());
    Folded { text, orig }
}

/// The folded form of a lexicon entry.
pub(super) fn fold_str(s: &str) -> String {
    fold(s).text
}

pub(super) fn prev_char(t: &str, i: usize) -> Option<char> {
    t.get(..i).and_then(|s| s.chars().next_back())
}

pub(super) fn next_char(t: &str, i: usize) -> Option<char> {
    t.get(i..).and_then(|s| s.chars().next())
}

/// Skips up to `max` plain spaces (never a line break: an amount does not span lines).
pub(super) fn skip_spaces(t: &str, mut i: usize, max: usize) -> usize {
    let b = t.as_bytes();
    let mut n = 0;
    while n < max && b.get(i) == Some(&b' ') {
        i += 1;
        n += 1;
    }
    i
}

/// The ASCII word starting at `i` (empty when none).
pub(super) fn word_at(t: &str, i: usize) -> &str {
    let b = t.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    t.get(i..j).unwrap_or("")
}

/// True when `i` does not continue a word on its left.
pub(super) fn word_start(t: &str, i: usize) -> bool {
    !prev_char(t, i).is_some_and(char::is_alphanumeric)
}

/// True when `i` does not continue a word on its right.
pub(super) fn word_end(t: &str, i: usize) -> bool {
    !next_char(t, i).is_some_and(|c| c.is_alphanumeric() || c == '\'')
}

/// The phrase `p` (folded, may contain spaces) ends exactly at `i`, starting a word.
pub(super) fn ends_with_phrase(t: &str, i: usize, p: &str) -> bool {
    i >= p.len()
        && t.get(i - p.len()..i) == Some(p)
        && (p.ends_with(' ') || p.ends_with('\'') || word_start(t, i - p.len()))
}

/// The phrase `p` starts exactly at `i` and ends a word (or with an apostrophe or space).
pub(super) fn starts_with_phrase(t: &str, i: usize, p: &str) -> bool {
    t.get(i..).is_some_and(|s| s.starts_with(p))
        && (p.ends_with('\'') || p.ends_with(' ') || word_end(t, i + p.len()))
}

/// A number: where it ends and its value.
#[derive(Clone, Copy, Debug)]
pub(super) struct Num {
    pub end: usize,
    pub value: f64,
    pub integral: bool,
    pub words: bool,
    pub digits: usize,
}

/// A number in digits at `i`: thousands grouped by spaces, dots or commas, decimals after a
/// comma or a dot. Which separator is which follows the number's shape; only "1,500" and
/// "1.500" depend on the language (`Und`: thousands for both).
pub(super) fn parse_digits(t: &str, i: usize, lang: Lang) -> Option<Num> {
    let b = t.as_bytes();
    let digits_from = |k: usize| -> usize {
        let mut j = k;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j - k
    };
    let first = digits_from(i);
    if first == 0 {
        return None;
    }
    // groups: (separator before it, digits)
    let mut groups: Vec<(u8, &str)> = vec![(0, t.get(i..i + first)?)];
    let mut j = i + first;
    loop {
        let sep = match b.get(j) {
            Some(&c) if c == b' ' || c == b',' || c == b'.' => c,
            _ => break,
        };
        let n = digits_from(j + 1);
        if n == 0 {
            break;
        }
        if sep == b' ' {
            // a space groups thousands only: "7 500", never "2021 500" nor "5 12"
            let lead_ok =
                groups.iter().all(|&(s, _)| s == b' ' || s == 0) && groups[0].1.len() <= 3;
            if n != 3 || !lead_ok {
                break;
            }
        }
        groups.push((sep, t.get(j + 1..j + 1 + n)?));
        j += 1 + n;
    }
    let count = |s: u8| groups.iter().filter(|g| g.0 == s).count();
    let (commas, dots) = (count(b','), count(b'.'));
    let last_sep = groups.last().map(|g| g.0).unwrap_or(0);
    let decimal_sep: Option<u8> = if commas > 0 && dots > 0 {
        // both: the last one is the decimal mark when it occurs once
        if (last_sep == b',' && commas == 1) || (last_sep == b'.' && dots == 1) {
            Some(last_sep)
        } else {
            None
        }
    } else if commas + dots == 1 {
        let after = groups.last().map(|g| g.1.len()).unwrap_or(0);
        let lead_zero = groups[0].1 == "0";
        if after != 3 || lead_zero || groups[0].1.len() > 3 {
            Some(last_sep)
        } else {
            match (lang, last_sep) {
                (Lang::Fr, b',') | (Lang::En, b'.') => Some(last_sep),
                _ => None,
            }
        }
    } else if last_sep == b',' || last_sep == b'.' {
        // several of one mark: thousands ("1,234,567"), unless the last group is not three long
        let after = groups.last().map(|g| g.1.len()).unwrap_or(0);
        if after != 3 {
            Some(last_sep)
        } else {
            None
        }
    } else {
        None
    };
    let mut int = String::new();
    let mut frac = String::new();
    let n = groups.len();
    for (k, &(sep, g)) in groups.iter().enumerate() {
        if k + 1 == n && k > 0 && Some(sep) == decimal_sep {
            frac.push_str(g);
        } else {
            int.push_str(g);
        }
    }
    let value: f64 = if frac.is_empty() {
        int.parse().ok()?
    } else {
        format!("{int}.{frac}").parse().ok()?
    };
    Some(Num {
        end: j,
        value,
        integral: frac.is_empty(),
        words: false,
        digits: int.len(),
    })
}

fn number_word(w: &str) -> Option<(Word, Lang)> {
    if let Some(&(_, v)) = fr::NUMBER_WORDS.iter().find(|(s, _)| *s == w) {
        return Some((v, Lang::Fr));
    }
    en::NUMBER_WORDS
        .iter()
        .find(|(s, _)| *s == w)
        .map(|&(_, v)| (v, Lang::En))
}

/// True when a number in words may start at `i`.
pub(super) fn is_number_word_at(t: &str, i: usize) -> bool {
    word_start(t, i) && number_word(word_at(t, i)).is_some()
}

/// A number in words at `i` ("vingt-cinq", "deux cents", "trois mille", "twenty-five",
/// "a hundred", "three quarters"). Joined by spaces, hyphens, "et" and "and".
pub(super) fn parse_words(t: &str, i: usize) -> Option<Num> {
    if !word_start(t, i) {
        return None;
    }
    let (mut total, mut current) = (0.0_f64, 0.0_f64);
    let mut pos = i;
    let mut end = None;
    let mut any_lang_en = false;
    let mut last: Option<Word> = None;
    let mut article = false;
    loop {
        let w = word_at(t, pos);
        let Some((word, wl)) = number_word(w) else {
            break;
        };
        let wend = pos + w.len();
        match word {
            Word::Unit(v) => {
                if matches!(last, Some(Word::Unit(_)) | Some(Word::Fraction(_))) {
                    // a unit after a unit: "vingt" after "quatre" makes 80; otherwise it adds
                    // to a ten ("vingt-cinq", "soixante-dix", "forty five") or to "dix"
                    // ("dix-sept"); "five five" is two numbers
                    let small = current % 100.0;
                    let tens = small >= 20.0 && small % 10.0 == 0.0;
                    if w.starts_with("vingt") && small == 4.0 {
                        current += 76.0;
                    } else if (tens && v < 20.0) || (small == 10.0 && v > 0.0 && v < 10.0) {
                        current += v;
                    } else {
                        break;
                    }
                } else {
                    current += v;
                }
            }
            Word::Hundred => {
                let small = current % 100.0;
                if wl == Lang::Fr {
                    // "cent"/"cents" multiplies only 1-9 and only after French words;
                    // otherwise it is the currency subunit ("quarante-cinq cents")
                    let plural = w.ends_with('s');
                    let ok = !any_lang_en
                        && (current == 0.0 || (current == small && small < 10.0))
                        && (!plural || small >= 2.0);
                    if !ok {
                        break;
                    }
                }
                current = (current - small) + small.max(1.0) * 100.0;
            }
            Word::Thousand => {
                total += current.max(1.0) * 1000.0;
                current = 0.0;
            }
            Word::Article => {
                if last.is_some() {
                    break;
                }
                article = true;
                current = 1.0;
            }
            Word::Fraction(f) => {
                // "un demi", "a half": one half; "deux demi" is not a number
                if matches!(last, Some(Word::Unit(_))) && current != 1.0 {
                    break;
                }
                current = f;
            }
            Word::Quarters => {
                if !matches!(last, Some(Word::Unit(_))) {
                    break;
                }
                current *= 0.25;
            }
        }
        if wl == Lang::En {
            any_lang_en = true;
        }
        last = Some(word);
        end = Some(wend);
        // joiner to the next word: space, hyphen, " et ", " and "
        let b = t.as_bytes();
        let mut next = wend;
        match b.get(next) {
            Some(b' ') | Some(b'-') => next += 1,
            _ => break,
        }
        for j in ["et ", "and "] {
            if t.get(next..).is_some_and(|s| s.starts_with(j))
                && matches!(last, Some(Word::Unit(_)) | Some(Word::Hundred))
            {
                let after = next + j.len();
                if matches!(number_word(word_at(t, after)), Some((Word::Unit(_), _))) {
                    next = after;
                }
            }
        }
        pos = next;
    }
    let end = end?;
    let value = total + current;
    // a lone article is not a number; it must be followed by a scale word
    if article && last == Some(Word::Article) {
        let after = skip_spaces(t, end, 1);
        scale_at(t, after)?;
    }
    Some(Num {
        end,
        value,
        integral: value.fract() == 0.0,
        words: true,
        digits: 0,
    })
}

/// A scale word at `i`: (end, multiplier, kind).
pub(super) fn scale_at(t: &str, i: usize) -> Option<(usize, f64, ScaleKind)> {
    let w = word_at(t, i);
    if w.is_empty() || !word_end(t, i + w.len()) {
        return None;
    }
    fr::SCALES
        .iter()
        .chain(en::SCALES.iter())
        .find(|(s, _, _)| *s == w)
        .map(|&(_, m, k)| (i + w.len(), m, k))
}

/// Language of a text without a given one, from the commonest function words.
pub(super) fn guess_lang(t: &str) -> Lang {
    let (mut f, mut e) = (0usize, 0usize);
    for w in t
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if fr::STOPWORDS.contains(&w) {
            f += 1;
        } else if en::STOPWORDS.contains(&w) {
            e += 1;
        }
    }
    match f.cmp(&e) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => Lang::Und,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_table_is_the_rule() {
        for byte in 0..128u8 {
            let mut by_rule = String::new();
            fold_by_rule(char::from(byte), &mut by_rule);
            assert_eq!(
                by_rule,
                char::from(ASCII_FOLDS[usize::from(byte)]).to_string()
            );
        }
    }
}
