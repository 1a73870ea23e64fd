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
    let (groups, end) = digit_groups(t, i)?;
    let decimal = decimal_separator(&groups, lang);
    let mut int = String::new();
    let mut frac = String::new();
    let n = groups.len();
    for (k, &(sep, g)) in groups.iter().enumerate() {
        if k + 1 == n && k > 0 && Some(sep) == decimal {
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
        end,
        value,
        integral: frac.is_empty(),
        words: false,
        digits: int.len(),
    })
}

/// The groups of digits of a number at `i`, each with the separator before it (0 for the
/// first), and the number's end; `None` when no digit stands at `i`.
fn digit_groups(t: &str, i: usize) -> Option<(Vec<(u8, &str)>, usize)> {
    let b = t.as_bytes();
    let digits_from = |k: usize| {
        b[k.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let first = digits_from(i);
    if first == 0 {
        return None;
    }
    let mut groups: Vec<(u8, &str)> = vec![(0, t.get(i..i + first)?)];
    let mut j = i + first;
    while let Some(&sep) = b.get(j).filter(|&&c| c == b' ' || c == b',' || c == b'.') {
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
    Some((groups, j))
}

/// Which separator of `groups` (at least one group) marks the decimals, if any.
fn decimal_separator(groups: &[(u8, &str)], lang: Lang) -> Option<u8> {
    let count = |s: u8| groups.iter().filter(|g| g.0 == s).count();
    let (commas, dots) = (count(b','), count(b'.'));
    let last_sep = groups.last().map_or(0, |g| g.0);
    let after = groups.last().map_or(0, |g| g.1.len());
    if commas > 0 && dots > 0 {
        // both: the last one is the decimal mark when it occurs once
        let once = (last_sep == b',' && commas == 1) || (last_sep == b'.' && dots == 1);
        once.then_some(last_sep)
    } else if commas + dots == 1 {
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
        (after != 3).then_some(last_sep)
    } else {
        None
    }
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

/// The value of a number in words read so far, word by word.
#[derive(Default)]
struct WordsValue {
    total: f64,
    current: f64,
    last: Option<Word>,
    any_english: bool,
    article: bool,
}

impl WordsValue {
    /// Adds the number word `w` (`word`, of language `lang`); false when it cannot continue the
    /// number read so far, which then ends before it.
    fn add(&mut self, w: &str, word: Word, lang: Lang) -> bool {
        let small = self.current % 100.0;
        match word {
            Word::Unit(v) if matches!(self.last, Some(Word::Unit(_) | Word::Fraction(_))) => {
                // a unit after a unit: "vingt" after "quatre" makes 80; otherwise it adds to a
                // ten ("vingt-cinq", "soixante-dix", "forty five") or to "dix" ("dix-sept");
                // "five five" is two numbers
                let tens = small >= 20.0 && small % 10.0 == 0.0;
                if w.starts_with("vingt") && small == 4.0 {
                    self.current += 76.0;
                } else if (tens && v < 20.0) || (small == 10.0 && v > 0.0 && v < 10.0) {
                    self.current += v;
                } else {
                    return false;
                }
            }
            Word::Unit(v) => self.current += v,
            Word::Hundred => {
                // "cent"/"cents" multiplies only 1-9 and only after French words; otherwise it
                // is the currency subunit ("quarante-cinq cents")
                let multiplies = !self.any_english
                    && (self.current == 0.0 || (self.current == small && small < 10.0))
                    && (!w.ends_with('s') || small >= 2.0);
                if lang == Lang::Fr && !multiplies {
                    return false;
                }
                self.current = (self.current - small) + small.max(1.0) * 100.0;
            }
            Word::Thousand => {
                self.total += self.current.max(1.0) * 1000.0;
                self.current = 0.0;
            }
            Word::Article if self.last.is_some() => return false,
            Word::Article => {
                self.article = true;
                self.current = 1.0;
            }
            // "un demi", "a half": one half; "deux demi" is not a number
            Word::Fraction(_)
                if matches!(self.last, Some(Word::Unit(_))) && self.current != 1.0 =>
            {
                return false
            }
            Word::Fraction(f) => self.current = f,
            Word::Quarters if !matches!(self.last, Some(Word::Unit(_))) => return false,
            Word::Quarters => self.current *= 0.25,
        }
        self.any_english |= lang == Lang::En;
        self.last = Some(word);
        true
    }
}

/// Where the number word after the one ending at `end` starts: after a space or a hyphen, and
/// after " et " / " and " between a unit or hundred and a unit; `None` when none can follow.
fn next_number_word(t: &str, end: usize, last: Option<Word>) -> Option<usize> {
    let mut next = end;
    match t.as_bytes().get(next) {
        Some(b' ') | Some(b'-') => next += 1,
        _ => return None,
    }
    for joiner in fr::NUMBER_JOINERS.iter().chain(en::NUMBER_JOINERS) {
        if t.get(next..).is_some_and(|s| s.starts_with(joiner))
            && matches!(last, Some(Word::Unit(_)) | Some(Word::Hundred))
        {
            let after = next + joiner.len();
            if matches!(number_word(word_at(t, after)), Some((Word::Unit(_), _))) {
                next = after;
            }
        }
    }
    Some(next)
}

/// A number in words at `i` ("vingt-cinq", "deux cents", "trois mille", "twenty-five",
/// "a hundred", "three quarters"). Joined by spaces, hyphens, "et" and "and".
pub(super) fn parse_words(t: &str, i: usize) -> Option<Num> {
    if !word_start(t, i) {
        return None;
    }
    let mut value = WordsValue::default();
    let mut pos = i;
    let mut end = None;
    while let Some((word, lang)) = number_word(word_at(t, pos)) {
        let w = word_at(t, pos);
        if !value.add(w, word, lang) {
            break;
        }
        end = Some(pos + w.len());
        match next_number_word(t, pos + w.len(), value.last) {
            Some(next) => pos = next,
            None => break,
        }
    }
    let end = end?;
    // a lone article is not a number; it must be followed by a scale word
    if value.article && value.last == Some(Word::Article) {
        let after = skip_spaces(t, end, 1);
        scale_at(t, after)?;
    }
    let number = value.total + value.current;
    Some(Num {
        end,
        value: number,
        integral: number.fract() == 0.0,
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
