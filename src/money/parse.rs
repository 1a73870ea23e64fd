//! Shared grammar of money expressions, read on the folded text (`text::normalise`): numbers
//! written in digits or in words, and scale words. Language-specific word lists live in `fr.rs`
//! and `en.rs`.

use super::words::{ScaleKind, Word};
use super::{en, fr};
use crate::Lang;

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
