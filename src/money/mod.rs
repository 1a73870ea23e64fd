//! Money expressions in French and English text: amount, ISO 4217 currency, range and
//! qualifier, with byte offsets; and conversion to US dollars with bundled yearly rates.
//!
//! The grammar works on a folded copy of the text (lowercase, no accents, plain spaces and
//! apostrophes) and maps every offset back to the original. An amount is a number (digits or
//! words) with an optional scale word, and a currency before it (symbol or code: "$25 million",
//! "USD 25 million") or after it (symbol, code or name: "25 millions de dollars", "25 M$").
//! Without a currency a number is never money. [`classify`] tells what each amount of a
//! sentence is: money someone commits (with its status, year and purpose) or a measurement.

mod classify;
mod en;
mod fr;
mod parse;
mod rates;
mod words;

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::text::normalise::fold_str;
use crate::text::{Folded, FoldedSpan};
use crate::Lang;
pub use classify::{classify, opens_with_parts, Classification, SentenceMoney, Status};
use parse::Num;
use words::ScaleKind;

#[derive(Clone, Debug, PartialEq)]
pub struct MoneyMatch {
    /// Byte offsets into the text: the amount through the currency.
    pub start: usize,
    pub end: usize,
    /// In currency units; for a range, the lower bound.
    pub amount: f64,
    /// Upper bound of a range.
    pub amount_max: Option<f64>,
    /// ISO 4217.
    pub currency: &'static str,
    /// "approx", "over", "under", "up_to", "at_least" or "range".
    pub qualifier: Option<&'static str>,
}

/// Every money expression in `text`. `lang` is a hint (Fr: "1,500" is 1.5 and "1.500" is 1500;
/// En: the reverse); with `Lang::Und` the text's commonest function words decide, and failing
/// that the number's shape ("1,500" and "1.500" are then 1500). French and English forms are
/// both recognised in any text.
pub fn find_money(text: &str, lang: Lang) -> Vec<MoneyMatch> {
    find_money_folded(text, Folded::new(text).whole(), lang)
}

/// [`find_money`] on a text already folded (a sentence of the document view).
pub fn find_money_folded(text: &str, folded: FoldedSpan, lang: Lang) -> Vec<MoneyMatch> {
    find_money_after(text, folded, lang, &|| None)
}

/// [`find_money_folded`] for a sentence told after others: a number with its scale word and no
/// currency ("en plus des 270 millions promis", "180 millions serviraient à…") is a sum in the
/// currency of the latest sum before it, in the sentence or else the one `told_before` gives
/// (asked only when needed).
pub fn find_money_after(
    text: &str,
    folded: FoldedSpan,
    lang: Lang,
    told_before: &dyn Fn() -> Option<&'static str>,
) -> Vec<MoneyMatch> {
    let lex = lexicon();
    let t = folded.text;
    let tokens = currency_tokens(lex, text, folded);
    // Without a currency in the sentence a number is money only when it goes on a sum told
    // before, and most sentences name no scale word ("million", "milliards") either.
    if tokens.is_empty() && !has_bare_scale(t) {
        return Vec::new();
    }
    let lang = match lang {
        Lang::Und => parse::guess_lang(t),
        l => l,
    };
    let scanner = Scanner {
        t,
        lang,
        lex,
        tokens: &tokens,
    };
    let mut found = Vec::new();
    let mut done = 0;
    for start in candidates(t, &tokens) {
        if start < done {
            continue;
        }
        let read = scanner
            .parse_at(start, true)
            .or_else(|| scanner.parse_at(start, false));
        if let Some(m) = read {
            done = m.end;
            found.push(m);
        }
    }
    let parts = scanner.parts_after(&found);
    found.extend(parts);
    found.sort_by_key(|m| m.start);
    let bare = scanner.bare_sums(&found, told_before);
    if !bare.is_empty() {
        found.extend(bare);
        found.sort_by_key(|m| m.start);
    }
    found
        .into_iter()
        .map(|m| MoneyMatch {
            start: folded.orig(m.start),
            end: folded.orig(m.end),
            amount: m.amount,
            amount_max: m.amount_max,
            currency: m.currency,
            qualifier: m.qualifier,
        })
        .collect()
}

/// USD value of `amount` of `currency` with the bundled yearly average rates (`data/rates.csv`).
/// When `year` has no rate, the nearest year with one within 2 years is used; `None` when the
/// currency is unknown or no rate is that close.
pub fn to_usd(amount: f64, currency: &str, year: i32) -> Option<f64> {
    rates::usd_per_unit(currency, year).map(|r| amount * r)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// Before or after the number, may touch it: "$", "US$", "€".
    Symbol,
    /// ISO code: before or after the number.
    Code,
    /// After the number: "dollars", "livres sterling".
    Name,
    /// Hundredths, after the number: "cents", "pence".
    Subunit,
    /// A code or symbol carrying a scale: "M$", "MUSD".
    Scaled,
}

#[derive(Clone, Debug)]
enum Case {
    Any,
    /// Letters must be capitals in the text (codes that are also words: "TRY", "RUB").
    Upper,
    /// Must be written exactly so ("M$", "k€").
    Exact(String),
}

#[derive(Clone, Debug)]
struct Form {
    code: &'static str,
    kind: Kind,
    /// Multiplier: 0.01 for hundredths, 1e6 for "M$".
    scale: f64,
    case: Case,
    /// A name that is also a common word: money only after a scale word.
    weak: bool,
}

struct Lexicon {
    forms: Vec<Form>,
    ac: Option<AhoCorasick>,
}

#[derive(Deserialize)]
struct CurrencyFile {
    #[serde(default)]
    upper_only: Vec<String>,
    #[serde(default)]
    scaled: Vec<ScaledEntry>,
    #[serde(default)]
    currency: Vec<CurrencyEntry>,
}

#[derive(Deserialize)]
struct ScaledEntry {
    form: String,
    code: String,
    scale: f64,
}

#[derive(Deserialize)]
struct CurrencyEntry {
    code: String,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    weak_names: Vec<String>,
    #[serde(default)]
    subunits: Vec<String>,
}

const CURRENCIES: &str = include_str!("../../data/currencies.toml");

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        build_lexicon(CURRENCIES).unwrap_or(Lexicon {
            forms: Vec::new(),
            ac: None,
        })
    })
}

fn build_lexicon(src: &str) -> Option<Lexicon> {
    let file: CurrencyFile = toml::from_str(src).ok()?;
    // codes are few and live for the whole run: one leaked string per distinct code
    let mut interned: HashMap<String, &'static str> = HashMap::new();
    let mut intern = |c: &str| -> &'static str {
        interned
            .entry(c.to_string())
            .or_insert_with(|| Box::leak(c.to_string().into_boxed_str()))
    };
    let mut patterns = Vec::new();
    let mut forms = Vec::new();
    let mut add = |pat: &str, form: Form| {
        let f = fold_str(pat);
        if !f.is_empty() {
            patterns.push(f);
            forms.push(form);
        }
    };
    for s in &file.scaled {
        let code = intern(&s.code);
        add(
            &s.form,
            Form {
                code,
                kind: Kind::Scaled,
                scale: s.scale,
                case: Case::Exact(s.form.clone()),
                weak: false,
            },
        );
    }
    for c in &file.currency {
        let code = intern(&c.code);
        for k in &c.codes {
            let case = if file.upper_only.iter().any(|u| u == k) {
                Case::Upper
            } else {
                Case::Any
            };
            add(
                k,
                Form {
                    code,
                    kind: Kind::Code,
                    scale: 1.0,
                    case,
                    weak: false,
                },
            );
        }
        let lists = [
            (&c.symbols, Kind::Symbol, 1.0, false),
            (&c.names, Kind::Name, 1.0, false),
            (&c.weak_names, Kind::Name, 1.0, true),
            (&c.subunits, Kind::Subunit, 0.01, false),
        ];
        for (list, kind, scale, weak) in lists {
            for p in list {
                add(
                    p,
                    Form {
                        code,
                        kind,
                        scale,
                        case: Case::Any,
                        weak,
                    },
                );
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        // Read on every sentence, and small: the fastest kind costs little memory or time.
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .ok()?;
    Some(Lexicon {
        forms,
        ac: Some(ac),
    })
}

/// A currency form found in the folded text.
#[derive(Clone, Copy, Debug)]
struct Token {
    end: usize,
    form: usize,
}

/// The longest valid currency form starting at each folded offset.
fn currency_tokens(lex: &Lexicon, orig: &str, folded: FoldedSpan) -> HashMap<usize, Token> {
    let mut out: HashMap<usize, Token> = HashMap::new();
    let Some(ac) = &lex.ac else {
        return out;
    };
    let t = folded.text;
    for m in ac.find_overlapping_iter(t) {
        let (s, e) = (m.start(), m.end());
        let Some(form) = lex.forms.get(m.pattern().as_usize()) else {
            continue;
        };
        let pat = &t[s..e];
        // letters at the edges must not continue a word ("dollarisation", "pesos" vs "peso")
        let first_alpha = pat.chars().next().is_some_and(char::is_alphabetic);
        let last_alpha = pat.chars().next_back().is_some_and(char::is_alphabetic);
        if first_alpha && parse::prev_char(t, s).is_some_and(char::is_alphabetic) {
            continue;
        }
        if last_alpha && parse::next_char(t, e).is_some_and(|c| c.is_alphabetic() || c == '\'') {
            continue;
        }
        let original = &orig[folded.orig(s)..folded.orig(e)];
        let case_ok = match &form.case {
            Case::Any => true,
            Case::Upper => !original.chars().any(char::is_lowercase),
            Case::Exact(f) => original == f,
        };
        if !case_ok {
            continue;
        }
        let tok = Token {
            end: e,
            form: m.pattern().as_usize(),
        };
        out.entry(s)
            .and_modify(|old| {
                if tok.end > old.end {
                    *old = tok;
                }
            })
            .or_insert(tok);
    }
    out
}

/// The scale words of either language a sum without its currency is written with.
fn bare_scales() -> impl Iterator<Item = &'static &'static str> {
    fr::BARE_SUM_SCALES.iter().chain(en::BARE_SUM_SCALES)
}

/// True when the folded `t` holds a scale word of a sum written without its currency.
fn has_bare_scale(t: &str) -> bool {
    bare_scales().any(|w| {
        t.match_indices(w)
            .any(|(i, _)| parse::word_start(t, i) && parse::starts_with_phrase(t, i, w))
    })
}

/// Where an amount may start: a number in digits, a number word, or a currency before a number.
fn candidates(t: &str, tokens: &HashMap<usize, Token>) -> Vec<usize> {
    let b = t.as_bytes();
    let mut out: Vec<usize> = tokens.keys().copied().collect();
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            let prev = i.checked_sub(1).and_then(|k| b.get(k)).copied();
            let prev2 = i.checked_sub(2).and_then(|k| b.get(k)).copied();
            let continues = prev.is_some_and(|p| p.is_ascii_digit())
                || (matches!(prev, Some(b'.') | Some(b','))
                    && prev2.is_some_and(|p| p.is_ascii_digit()));
            if !continues {
                out.push(i);
            }
        } else if c.is_ascii_alphabetic()
            && t.is_char_boundary(i)
            && parse::word_start(t, i)
            && parse::is_number_word_at(t, i)
        {
            out.push(i);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

struct Found {
    start: usize,
    end: usize,
    amount: f64,
    amount_max: Option<f64>,
    currency: &'static str,
    qualifier: Option<&'static str>,
}

/// The currency of an amount (written before or after it), and what it tells of the amount.
struct CurrencyRead {
    code: &'static str,
    /// Multiplier of the amount: 0.01 for cents.
    unit: f64,
    /// "de" / "of" before the currency in French: "milliard" is then read in the long scale.
    long_scale: bool,
    subunit: bool,
    end: usize,
}

/// A number with its scale word.
#[derive(Clone, Copy, Debug)]
struct Amount {
    num: Num,
    end: usize,
    scale: f64,
    kind: Option<ScaleKind>,
}

struct Scanner<'a> {
    t: &'a str,
    lang: Lang,
    lex: &'a Lexicon,
    tokens: &'a HashMap<usize, Token>,
}

impl Scanner<'_> {
    fn token(&self, i: usize) -> Option<(Token, &Form)> {
        let tok = *self.tokens.get(&i)?;
        Some((tok, self.lex.forms.get(tok.form)?))
    }

    fn number(&self, i: usize) -> Option<Num> {
        parse::parse_digits(self.t, i, self.lang).or_else(|| parse::parse_words(self.t, i))
    }

    /// A number and, when one follows, its scale word.
    fn amount(&self, i: usize) -> Option<Amount> {
        let num = self.number(i)?;
        let mut a = Amount {
            num,
            end: num.end,
            scale: 1.0,
            kind: None,
        };
        let mut j = parse::skip_spaces(self.t, num.end, 1);
        // "un demi-milliard"
        if num.words && j == num.end && self.t.as_bytes().get(j) == Some(&b'-') {
            j += 1;
        }
        if let Some((end, m, kind)) = parse::scale_at(self.t, j) {
            // a glued "k"/"m" only after digits ("10k", "$3m"), spaced only before a currency
            let short_ok = kind != ScaleKind::Short
                || (j == num.end && !num.words)
                || self.token(parse::skip_spaces(self.t, end, 1)).is_some();
            if short_ok {
                a.end = end;
                a.scale = m;
                a.kind = Some(kind);
            }
        }
        Some(a)
    }

    fn parse_at(&self, start: usize, allow_range: bool) -> Option<Found> {
        let (prefix, i) = self.currency_before(start);
        let mut a = self.amount(i)?;
        if prefix.is_some_and(|p| p.kind == Kind::Scaled) && a.kind.is_some() {
            return None;
        }
        let (end, amount_max) = if allow_range {
            self.widen_to_range(&mut a, start, prefix)
        } else {
            (a.end, None)
        };
        let read = match prefix {
            Some(p) => CurrencyRead {
                code: p.code,
                unit: p.scale,
                long_scale: false,
                subunit: false,
                // "$ 10 dollars": the same currency said twice
                end: self
                    .suffix(end, &a)
                    .filter(|(form, _, _)| {
                        form.code == p.code && matches!(form.kind, Kind::Name | Kind::Code)
                    })
                    .map_or(end, |(_, tend, _)| tend),
            },
            None => self.currency_after(&mut a, end, amount_max.is_some())?,
        };
        let CurrencyRead {
            code: currency,
            unit,
            long_scale,
            subunit,
            mut end,
        } = read;
        let mut amount_max = amount_max;
        if let Some(ScaleKind::LongInFrench(f)) = a.kind {
            if long_scale {
                a.scale *= f;
                amount_max = amount_max.map(|m| m * f);
            }
        }
        let mut amount = a.num.value * a.scale * unit;
        let amount_max = amount_max.map(|m| m * unit);
        // "15 dollars et 15 cents", "thirteen dollars forty-five", "c $ 100 and fifty"
        if !subunit && a.kind.is_none() && a.num.integral && amount_max.is_none() {
            if let Some((cents, cend)) = self.cents_tail(end) {
                amount += cents / 100.0;
                end = cend;
            }
        }
        if !amount.is_finite() || amount < 0.0 {
            return None;
        }
        let amount_max = amount_max.filter(|m| m.is_finite());
        let qualifier = match amount_max {
            Some(_) => Some("range"),
            None => qualifier_before(self.t, start),
        };
        Some(Found {
            start,
            end,
            amount,
            amount_max,
            currency,
            qualifier,
        })
    }

    /// The parts of a sum written after it without their currency, which they share: "500
    /// millions de dollars, dont 300 millions pour les routes et 1,2 milliard pour le rail".
    /// A part opens with "dont" / "of which", the next ones follow "et" / "and" / a comma; each
    /// needs a scale word ("millions"), and none counts things ("2 millions de doses").
    fn parts_after(&self, found: &[Found]) -> Vec<Found> {
        let mut parts = Vec::new();
        for (k, whole) in found.iter().enumerate() {
            let until = found.get(k + 1).map_or(self.t.len(), |next| next.start);
            let mut at = self.part_opener(whole.end, until);
            while let Some(part) = at.and_then(|i| self.bare_part(i, until, whole.currency)) {
                at = self.next_part(part.end, until);
                parts.push(part);
            }
        }
        parts
    }

    /// Where the first part begins: after "dont" / "of which" following the sum, at once or
    /// after a comma a few words on ("2 milliards d'euros devraient être signés lors de cette
    /// visite, dont 1,2 milliard…"), within its sentence.
    fn part_opener(&self, end: usize, until: usize) -> Option<usize> {
        const MAX_WORDS_BEFORE: usize = 10;
        let t = self.t;
        let openers = || fr::PART_OPENERS.iter().chain(en::PART_OPENERS);
        let mut words = 0;
        let mut i = end;
        while i < until && words <= MAX_WORDS_BEFORE {
            let gap = t[end..i].trim_end_matches(' ');
            let after_comma = gap.is_empty() || gap.ends_with(',');
            if after_comma && parse::word_start(t, i) {
                if let Some(w) = openers().find(|w| parse::starts_with_phrase(t, i, w)) {
                    let start = parse::skip_spaces(t, i + w.len(), 2);
                    return (start < until).then_some(start);
                }
            }
            let c = t[i..].chars().next()?;
            if matches!(c, '.' | ';' | '!' | '?')
                && !t[i + 1..].starts_with(|d: char| d.is_ascii_digit())
            {
                return None;
            }
            words += usize::from(c == ' ');
            i += c.len_utf8();
        }
        None
    }

    /// The numbers with a scale word and no currency outside the sums `found`, each in the
    /// currency of the latest sum before it, else the one `told_before` gives.
    fn bare_sums(
        &self,
        found: &[Found],
        told_before: &dyn Fn() -> Option<&'static str>,
    ) -> Vec<Found> {
        let after_bare = match self.lang {
            Lang::Fr => fr::AFTER_BARE_SUM,
            _ => en::AFTER_BARE_SUM,
        };
        let before = std::cell::OnceCell::new();
        let mut out: Vec<Found> = Vec::new();
        for i in candidates(self.t, &HashMap::new()) {
            let inside = |f: &Found| f.start <= i && i < f.end;
            if found.iter().chain(&out).any(inside) || !parse::word_start(self.t, i) {
                continue;
            }
            let latest = found.iter().rev().find(|f| f.end <= i).map(|f| f.currency);
            let Some(currency) = latest.or_else(|| *before.get_or_init(told_before)) else {
                continue;
            };
            let Some(sum) = self.bare_part(i, self.t.len(), currency) else {
                continue;
            };
            let scaled = bare_scales().any(|w| self.t[..sum.end].ends_with(w));
            if scaled && self.ends_a_bare_sum(sum.end, after_bare) {
                out.push(sum);
            }
        }
        out
    }

    /// True when what follows a bare number and its scale word at `end` lets it be money:
    /// punctuation or the end, else any word (`None`) or one of `words`.
    fn ends_a_bare_sum(&self, end: usize, words: Option<&[&str]>) -> bool {
        let next = parse::skip_spaces(self.t, end, 1);
        match self.t[next..].chars().next() {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            Some(_) => words.is_none_or(|ws| {
                ws.iter()
                    .any(|w| parse::starts_with_phrase(self.t, next, w))
            }),
        }
    }

    /// An amount with a scale word and no currency at `i`, taking `currency`.
    fn bare_part(&self, i: usize, until: usize, currency: &'static str) -> Option<Found> {
        let a = self.amount(i)?;
        let after = parse::skip_spaces(self.t, a.end, 1);
        let counts_things = fr::COUNTED_AFTER
            .iter()
            .chain(en::COUNTED_AFTER)
            .any(|w| parse::starts_with_phrase(self.t, after, w));
        let amount = a.num.value * a.scale;
        (a.kind.is_some() && a.end <= until && !counts_things && amount.is_finite()).then(|| {
            Found {
                start: i,
                end: a.end,
                amount,
                amount_max: None,
                currency,
                qualifier: qualifier_before(self.t, i),
            }
        })
    }

    /// The start of the next part after a part ending at `end`: a number right after "et" /
    /// "and" / a comma, a few words on ("pour les routes et 200 millions"), within the clause.
    fn next_part(&self, end: usize, until: usize) -> Option<usize> {
        const MAX_WORDS_BETWEEN: usize = 8;
        let t = self.t;
        // A full stop between digits is a decimal point ("1.2 billion"), not the clause's end.
        let clause = t[end..until]
            .char_indices()
            .find(|&(k, c)| {
                let decimal =
                    c == '.' && t[end + k + 1..].starts_with(|d: char| d.is_ascii_digit());
                matches!(c, '.' | ';' | ':' | '(' | '!' | '?') && !decimal
            })
            .map_or(until, |(k, _)| end + k);
        let mut words = 0;
        for (k, c) in t[end..clause].char_indices() {
            let i = end + k;
            if c == ' ' {
                words += 1;
                if words > MAX_WORDS_BETWEEN {
                    return None;
                }
            }
            let starts_number = c.is_ascii_digit() || parse::is_number_word_at(t, i);
            let scaled = starts_number
                && parse::word_start(t, i)
                && self.amount(i).is_some_and(|a| a.kind.is_some());
            if !scaled {
                continue;
            }
            let before = t[end..i].trim_end_matches(' ');
            let joined = before.ends_with(',')
                || fr::PART_JOINERS
                    .iter()
                    .chain(en::PART_JOINERS)
                    .any(|w| parse::ends_with_phrase(t, end + before.len(), w));
            return joined.then_some(i);
        }
        None
    }

    /// A currency before a number at `start` ("$", "USD", "M$") and where the number starts;
    /// not across punctuation ("USD,100").
    fn currency_before(&self, start: usize) -> (Option<&Form>, usize) {
        let t = self.t;
        if let Some((tok, form)) = self.token(start) {
            let j = parse::skip_spaces(t, tok.end, 1);
            let number_follows = t.as_bytes().get(j).is_some_and(u8::is_ascii_digit)
                || parse::is_number_word_at(t, j);
            if matches!(form.kind, Kind::Symbol | Kind::Code | Kind::Scaled) && number_follows {
                return (Some(form), j);
            }
        }
        (None, start)
    }

    /// Range: "2-3 milliards", "entre 2 et 3 milliards", "$2 to $3 billion": the end of the
    /// upper bound and its value, the lower bound `a` taking the upper one's scale.
    fn widen_to_range(
        &self,
        a: &mut Amount,
        start: usize,
        prefix: Option<&Form>,
    ) -> (usize, Option<f64>) {
        let opened = range_opened(self.t, start);
        let Some((b, bend)) = self.range_tail(a.end, prefix, opened) else {
            return (a.end, None);
        };
        let (scale, kind) = match a.kind {
            Some(_) => (a.scale, a.kind),
            None => (b.scale, b.kind),
        };
        let hi = b.num.value * b.scale;
        if hi > a.num.value * scale {
            a.scale = scale;
            a.kind = kind;
            return (bend, Some(hi));
        }
        (a.end, None)
    }

    /// The currency after the amount `a` ending at `end`, with no currency before it: "75 USD
    /// million" (a code between the number and its scale, which `a` then takes), "3 milliards
    /// de dollars".
    fn currency_after(&self, a: &mut Amount, end: usize, range: bool) -> Option<CurrencyRead> {
        let t = self.t;
        if a.kind.is_none() && !range {
            let j = parse::skip_spaces(t, end, 1);
            if let Some((tok, form)) = self.token(j) {
                let k = parse::skip_spaces(t, tok.end, 1);
                if form.kind == Kind::Code && k > tok.end {
                    if let Some((send, m, ScaleKind::Plain)) = parse::scale_at(t, k) {
                        a.scale = m;
                        a.kind = Some(ScaleKind::Plain);
                        return Some(CurrencyRead {
                            code: form.code,
                            unit: 1.0,
                            long_scale: false,
                            subunit: false,
                            end: send,
                        });
                    }
                }
            }
        }
        let (form, tend, via_of) = self.suffix(end, a)?;
        Some(CurrencyRead {
            code: form.code,
            unit: form.scale,
            subunit: form.kind == Kind::Subunit,
            long_scale: via_of && self.french_of(end),
            end: tend,
        })
    }

    /// The currency after an amount: (form, end, joined by "de"/"of").
    fn suffix(&self, i: usize, a: &Amount) -> Option<(&Form, usize, bool)> {
        let t = self.t;
        let glued = |j: usize| -> Option<(&Form, usize, bool)> {
            let (tok, form) = self.token(j)?;
            if (form.kind == Kind::Scaled && a.kind.is_some()) || (form.weak && a.kind.is_none()) {
                return None;
            }
            // a code or symbol touching the next number belongs to it ("3 USD50")
            if matches!(form.kind, Kind::Code | Kind::Symbol)
                && j > i
                && t.as_bytes().get(tok.end).is_some_and(u8::is_ascii_digit)
            {
                return None;
            }
            Some((form, tok.end, false))
        };
        let j = parse::skip_spaces(t, i, 1);
        if let Some(found) = glued(j) {
            return Some(found);
        }
        // "10 Mrd. Euro": the dot of an abbreviated scale word
        if a.kind.is_some()
            && t.as_bytes().get(i) == Some(&b'.')
            && t.as_bytes().get(i + 1) == Some(&b' ')
        {
            if let Some(found) = glued(i + 2) {
                return Some(found);
            }
        }
        // "12-cent", "one-yen"
        if t.as_bytes().get(i) == Some(&b'-') {
            if let Some((form, e, _)) = glued(i + 1) {
                if matches!(form.kind, Kind::Name | Kind::Subunit) {
                    return Some((form, e, false));
                }
            }
        }
        // "25 millions de dollars": only after a scale word or a number in words
        if a.kind.is_some() || a.num.words {
            for of in fr::OF.iter().chain(en::OF.iter()) {
                if parse::starts_with_phrase(t, j, of) {
                    let k = j + of.len();
                    if let Some((tok, form)) = self.token(k) {
                        if form.kind != Kind::Scaled {
                            return Some((form, tok.end, true));
                        }
                    }
                }
            }
        }
        None
    }

    /// True when the "of" word just after `i` is French ("de", "d'").
    fn french_of(&self, i: usize) -> bool {
        let j = parse::skip_spaces(self.t, i, 1);
        fr::OF
            .iter()
            .any(|of| parse::starts_with_phrase(self.t, j, of))
    }

    /// The upper bound of a range after `i`: (amount, end).
    fn range_tail(&self, i: usize, prefix: Option<&Form>, opened: bool) -> Option<(Amount, usize)> {
        let t = self.t;
        let b = t.as_bytes();
        let mut j = parse::skip_spaces(t, i, 1);
        let mut hyphen = false;
        if b.get(j) == Some(&b'-') {
            j += 1;
            hyphen = true;
        } else {
            let w = parse::word_at(t, j);
            let joins = fr::RANGE_JOIN.iter().chain(en::RANGE_JOIN.iter());
            let needs_open = |w: &str| w == "et" || w == "and";
            if w.is_empty() || !joins.clone().any(|x| *x == w) || (needs_open(w) && !opened) {
                return None;
            }
            j += w.len();
        }
        j = parse::skip_spaces(t, j, 1);
        if let Some(p) = prefix {
            if let Some((tok, form)) = self.token(j) {
                if form.code != p.code {
                    return None;
                }
                j = parse::skip_spaces(t, tok.end, 1);
            }
        }
        // after a hyphen only digits: "vingt-cinq" is one number, "12-cent" an adjective
        let digit = b.get(j).is_some_and(u8::is_ascii_digit);
        if !digit && (hyphen || !parse::is_number_word_at(t, j)) {
            return None;
        }
        let a = self.amount(j)?;
        Some((a, a.end))
    }

    /// Hundredths after an amount and its currency: (value, end).
    fn cents_tail(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.t;
        let mut j = parse::skip_spaces(t, i, 1);
        if j == i {
            return None;
        }
        for join in [fr::CENTS_JOIN, en::CENTS_JOIN] {
            if parse::starts_with_phrase(t, j, join) {
                j += join.len();
                break;
            }
        }
        let n = self.number(j)?;
        if !n.integral || n.value >= 100.0 || (!n.words && n.digits > 2) {
            return None;
        }
        let k = parse::skip_spaces(t, n.end, 1);
        if let Some((tok, form)) = self.token(k) {
            return (form.kind == Kind::Subunit).then_some((n.value, tok.end));
        }
        // a bare number is hundredths only when nothing makes it an amount of its own
        let b = t.as_bytes();
        let next = b.get(n.end).copied();
        if matches!(next, Some(b'%') | Some(b'.') | Some(b','))
            && b.get(n.end + 1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let glued_word = parse::next_char(t, n.end).is_some_and(char::is_alphanumeric);
        if glued_word || next == Some(b'%') || parse::scale_at(t, k).is_some() {
            return None;
        }
        Some((n.value, n.end))
    }
}

/// "entre"/"between" just before the amount.
fn range_opened(t: &str, start: usize) -> bool {
    let before = t.get(..start).unwrap_or("").trim_end_matches(' ');
    fr::RANGE_OPEN
        .iter()
        .chain(en::RANGE_OPEN.iter())
        .any(|w| parse::ends_with_phrase(t, before.len(), w))
}

/// The qualifier written just before the amount ("près de", "more than").
fn qualifier_before(t: &str, start: usize) -> Option<&'static str> {
    let before = t.get(..start).unwrap_or("");
    let end = before.trim_end_matches(' ').len();
    let joined = before.ends_with('\'');
    fr::QUALIFIERS
        .iter()
        .chain(en::QUALIFIERS.iter())
        .find(|(p, _)| {
            if p.ends_with('\'') {
                joined && parse::ends_with_phrase(t, start, p)
            } else {
                parse::ends_with_phrase(t, end, p)
            }
        })
        .map(|&(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, lang: Lang) -> Option<MoneyMatch> {
        let all = find_money(text, lang);
        assert!(all.len() <= 1, "{text:?}: {all:?}");
        all.into_iter().next()
    }

    #[test]
    fn several_in_one_sentence() {
        let t = "Ils verseront 25 millions de dollars en plus des 25 millions de dollars déjà annoncés, \
                 et 10 rmb 20 usd.";
        let ms = find_money(t, Lang::Fr);
        let got: Vec<(&str, f64, &str)> = ms
            .iter()
            .map(|m| (&t[m.start..m.end], m.amount, m.currency))
            .collect();
        assert_eq!(
            got,
            vec![
                ("25 millions de dollars", 25e6, "USD"),
                ("25 millions de dollars", 25e6, "USD"),
                ("10 rmb", 10.0, "CNY"),
                ("20 usd", 20.0, "USD"),
            ]
        );
    }

    #[test]
    fn offsets_on_char_boundaries_for_any_input() {
        let long = "9 ".repeat(20_000) + "$";
        let inputs = [
            "é\u{301}25 millions de dollars\u{301}",
            "😀$5😀 million 😀",
            "İİİ 5 € İİİ",
            "\u{0}\u{0}5\u{0}$",
            "ｄｏｌｌａｒｓ ５",
            "1,,,2...3   $",
            "99999999999999999999999999999999999999999999 milliards de dollars",
            long.as_str(),
        ];
        for text in inputs {
            for lang in [Lang::Fr, Lang::En, Lang::Und] {
                for m in find_money(text, lang) {
                    assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    assert!(m.start < m.end && m.end <= text.len());
                    assert!(m.amount.is_finite());
                }
            }
        }
    }

    #[test]
    fn decomposed_accents_match() {
        // "États-Unis" written with a combining acute accent
        let t = "5 millions de dollars des E\u{301}tats-Unis";
        let m = one(t, Lang::Fr).unwrap_or_else(|| panic!("no money"));
        assert_eq!(m.end, t.len());
    }

    #[test]
    fn usd_conversion() {
        assert_eq!(to_usd(25e6, "USD", 2023), Some(25e6));
        let kzt = to_usd(460e6, "KZT", 2022).unwrap_or(0.0);
        assert!((kzt / 1e6 - 1.0).abs() < 0.05, "{kzt}");
        assert_eq!(to_usd(1.0, "ZZZ", 2022), None);
    }

    #[test]
    fn bundled_lexicon_parses() {
        let lex = build_lexicon(CURRENCIES);
        assert!(lex.is_some_and(|l| l.forms.len() > 300));
    }
}
