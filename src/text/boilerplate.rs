//! Website furniture: lines that are not article content. Recognised by general rules (very
//! short lines without punctuation, such as tags, "Close" or a menu word) and by the phrase
//! patterns of `data/boilerplate.toml`. Extractors skip sentences on such lines.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use regex_syntax::hir::{Dot, Hir, HirKind, Repetition};
use serde::Deserialize;

use super::normalise::Folded;

#[derive(Deserialize)]
struct File {
    boilerplate: Patterns,
}

#[derive(Deserialize, Default)]
pub struct Patterns {
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub any: Vec<String>,
}

/// Whole-line patterns in two sets that match the same lines as one. A pattern `.*P.*` matches
/// a line (which holds no `\n`) exactly when `P` occurs in it: searched for unanchored, `P`'s
/// literals let the regex engine skip ahead, where the whole-line form reads every byte of
/// every line. The other patterns reject most lines within a few bytes.
struct SplitSet {
    whole_line: RegexSet,
    anywhere: RegexSet,
}

impl SplitSet {
    fn new(patterns: &[&str]) -> Result<SplitSet, regex::Error> {
        let (mut whole_line, mut anywhere) = (Vec::new(), Vec::new());
        for &p in patterns {
            match inside_dot_stars(p) {
                Some(inside) => anywhere.push(inside),
                None => whole_line.push(format!("^(?:{p})$")),
            }
        }
        Ok(SplitSet {
            whole_line: RegexSet::new(whole_line)?,
            anywhere: RegexSet::new(anywhere)?,
        })
    }

    /// True when one pattern matches the whole of `line`, which holds no `\n`.
    fn is_match(&self, line: &str) -> bool {
        self.whole_line.is_match(line) || self.anywhere.is_match(line)
    }
}

/// `P` (as a pattern) when `pattern` is `.*P.*`, with both `.*` outermost.
fn inside_dot_stars(pattern: &str) -> Option<String> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let dot_star = Hir::repetition(Repetition {
        min: 0,
        max: None,
        greedy: true,
        sub: Box::new(Hir::dot(Dot::AnyCharExceptLF)),
    });
    match parts.as_slice() {
        [first, inside @ .., last] if *first == dot_star && *last == dot_star => {
            Some(Hir::concat(inside.to_vec()).to_string())
        }
        _ => None,
    }
}

/// The bundled patterns of every language.
static BUNDLED: LazyLock<Vec<String>> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../../data/boilerplate.toml"))
        .expect("data/boilerplate.toml is valid (checked by tests)");
    let patterns = file.boilerplate;
    [patterns.fr, patterns.en, patterns.any].concat()
});

/// The bundled patterns compiled twice, each on first use: with ASCII word boundaries, and as
/// written. The regex engine supports Unicode `\b` in its fast automata on ASCII text only, and
/// on other text falls back to a much slower one; ASCII `\b` is fast on any text. Both agree on a
/// line whose non-ASCII characters are not word characters, which after folding is nearly every
/// line, so the Unicode set is seldom needed, and seldom built.
static ASCII_BOUNDARIES: LazyLock<SplitSet> = LazyLock::new(|| {
    let ascii: Vec<String> = BUNDLED.iter().map(|p| ascii_word_boundaries(p)).collect();
    bundled_set(&ascii)
});
static UNICODE_BOUNDARIES: LazyLock<SplitSet> = LazyLock::new(|| bundled_set(&BUNDLED));

fn bundled_set(patterns: &[String]) -> SplitSet {
    let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
    SplitSet::new(&patterns).expect("data/boilerplate.toml patterns compile (checked by tests)")
}

/// `pattern` with every word boundary `\b` made an ASCII one.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(escaped) => {
                out.push(c);
                out.push(escaped);
            }
            None => out.push(c),
        }
    }
    out
}

fn is_bundled_boilerplate(folded: &str) -> bool {
    let unicode_words = !folded.is_ascii()
        && folded
            .chars()
            .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c));
    if unicode_words {
        UNICODE_BOUNDARIES.is_match(folded)
    } else {
        ASCII_BOUNDARIES.is_match(folded)
    }
}

/// Compiles patterns of every language into one anchored set.
pub fn compile(patterns: &Patterns) -> Result<RegexSet, regex::Error> {
    let all = patterns.fr.iter().chain(&patterns.en).chain(&patterns.any);
    RegexSet::new(all.map(|p| format!("^(?:{p})$")))
}

/// True when the line `start..end` of `text` is boilerplate; `folded` is the text's fold, in
/// which the line is read rather than folded again.
pub fn is_boilerplate(
    text: &str,
    folded: &Folded,
    (start, end): (usize, usize),
    extra: Option<&RegexSet>,
) -> bool {
    let line = &text[start..end];
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return false;
    }
    if is_fragment(trimmed) || BYLINE.is_match(trimmed) {
        return true;
    }
    let from = start + (line.len() - line.trim_start().len());
    let to = from + trimmed.len();
    let folded = &folded.text[folded.folded_offset(from)..folded.folded_offset(to)];
    let folded = folded.trim_matches(|c: char| c == '|' || c == '-' || c == '•' || c == ' ');
    is_bundled_boilerplate(folded) || extra.is_some_and(|set| set.is_match(folded))
}

/// "Par Jean Dupont", "By Jane Smith, Reuters": a short line naming the author.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Par|By|BY|PAR)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*[,|–-]\s*\p{Lu}[\p{L} ]{0,30})?$")
        .expect("byline pattern compiles")
});

/// One or two words with no sentence punctuation: a tag, a menu entry, a button label.
fn is_fragment(line: &str) -> bool {
    let at_most_two_words = line.split_whitespace().nth(2).is_none();
    let ends_sentence = line.ends_with(['.', '!', '?', '»', '"', '”', ':']);
    at_most_two_words && !ends_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boilerplate(line: &str, extra: Option<&RegexSet>) -> bool {
        is_boilerplate(line, &Folded::new(line), (0, line.len()), extra)
    }

    #[test]
    fn recognises_site_furniture() {
        for line in [
            "Partagez cet article:",
            "PARTAGEZ:",
            "Suivez nous sur",
            "Suivez également Business AM sur Google Actualités",
            "Lire aussi : la visite du ministre",
            "Cet article fait partie des archives en ligne du Journal, qui a fermé en 2020.",
            "Close",
            "Tendance",
            "pop/lpt/ml",
            "Share this article",
            "Follow us on X",
            "By Jane Smith, Reuters",
            "Tags: Kazakhstan, diplomatie",
            "Nous utilisons votre inscription pour fournir du contenu.",
            "Publié le 12 mars 2024 à 10h30",
            "Publié le mardi 12 mars 2024 à 10h",
            "Publié le 16/12/2014 à 08h40 | Mis à jour le 16/12/2014 à 10h05",
            "Published 12 March 2024, 10:30 GMT | Updated 12 March 2024, 14:05 GMT",
            "Updated: 12.03.2024 10:45 GMT",
            "Related stories:",
            "Comments (3)",
            "Subscribe now",
            "Subscribe to our newsletter for free",
        ] {
            assert!(boilerplate(line, None), "{line}");
        }
    }

    #[test]
    fn split_sets_match_as_whole_line_sets() {
        let file: File = toml::from_str(include_str!("../../data/boilerplate.toml")).unwrap();
        let patterns = file.boilerplate;
        let all: Vec<&str> = patterns
            .fr
            .iter()
            .chain(&patterns.en)
            .chain(&patterns.any)
            .map(String::as_str)
            .collect();
        let ascii: Vec<String> = all.iter().map(|p| ascii_word_boundaries(p)).collect();
        let ascii_patterns = Patterns {
            any: ascii.clone(),
            ..Patterns::default()
        };
        let ascii: Vec<&str> = ascii.iter().map(String::as_str).collect();
        for (whole_line, split) in [
            (compile(&patterns).unwrap(), SplitSet::new(&all).unwrap()),
            (
                compile(&ascii_patterns).unwrap(),
                SplitSet::new(&ascii).unwrap(),
            ),
        ] {
            assert!(!split.anywhere.is_empty() && !split.whole_line.is_empty());
            for line in LINES {
                assert_eq!(split.is_match(line), whole_line.is_match(line), "{line:?}");
            }
        }
    }

    /// Lines that the floating patterns match or nearly match, and a few others.
    const LINES: &[&str] = &[
        "",
        "subscribe",
        "please subscribe today",
        "our subscribers today",
        "xsubscribe now",
        "nous utilisons des cookies",
        "ce site utilise des cookies, merci de les accepter",
        "we use cookie settings",
        "cookies are baked; accept them",
        "les opinions n'engagent que leurs auteurs.",
        "le site publie des articles provenant de sources variees",
        "abonnez-vous",
        "pour lire la suite, abonnez-vous !",
        "partagez cet article:",
        "accueil > monde > asie",
        "the minister said he would subscribe to the plan. cookies!",
        "le ministre a recu son homologue a astana",
        "prøv øsubscribe today",
    ];

    #[test]
    fn only_outermost_dot_stars_are_split_off() {
        let inside = inside_dot_stars(r".*\bsubscribe\b.*").unwrap();
        let inside = Regex::new(&inside).unwrap();
        assert!(inside.is_match("please subscribe now") && !inside.is_match("subscribers"));
        for pattern in [
            r".*a|b.*",
            r".*subscribe",
            r"subscribe.*",
            r"(?s).*a.*",
            r"(.*a.*)",
            r".*?a.*",
        ] {
            assert_eq!(inside_dot_stars(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn word_boundaries_made_ascii() {
        assert_eq!(
            ascii_word_boundaries(r".*\bcookies?\b.*\\b\S+"),
            r".*(?-u:\b)cookies?(?-u:\b).*\\b\S+"
        );
    }

    #[test]
    fn unicode_word_characters_keep_unicode_boundaries() {
        // "ø" is a word character: no word boundary before "subscribe".
        assert!(!boilerplate("Prøv øsubscribe today for free.", None));
        assert!(boilerplate("« Subscribe » to our newsletter now.", None));
    }

    #[test]
    fn keeps_article_content() {
        for line in [
            "Le président kazakh a reçu jeudi le secrétaire d'État adjoint américain.",
            "Renforcer la coopération économique entre les deux pays",
            "Blinken met Tokayev in Astana on Tuesday.",
            "Par ailleurs, les deux ministres ont signé un accord.",
            "Publication of the report was delayed by the ministry.",
            "Kazakhstan agreed on Tuesday to subscribe $50 million to the new fund of the bank.",
            "Published figures show that trade grew by 12% in 2023.",
            "Related talks will be held in Tashkent in May.",
            "Comments from Washington were muted, the agency said.",
            "Posted to Astana in 2021, the ambassador has met the president twice.",
            "Publié le rapport, le ministère a annoncé un prêt de 20 millions d'euros.",
        ] {
            assert!(!boilerplate(line, None), "{line}");
        }
    }
}
