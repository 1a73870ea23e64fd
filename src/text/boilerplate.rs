//! Website furniture: lines that are not article content. Recognised by general rules (very
//! short lines without punctuation, such as tags, "Close" or a menu word) and by the phrase
//! patterns of `data/boilerplate.toml`. Extractors skip sentences on such lines.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use serde::Deserialize;

use super::normalise::fold_str;

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

/// The bundled patterns twice: as written, and with ASCII word boundaries. The regex engine
/// supports Unicode `\b` in its fast automata on ASCII text only, and on other text falls back
/// to a much slower one; ASCII `\b` is fast on any text. Both agree on a line whose non-ASCII
/// characters are not word characters, which after folding is nearly every line.
struct Bundled {
    unicode_boundaries: RegexSet,
    ascii_boundaries: RegexSet,
}

static BUNDLED: LazyLock<Bundled> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../../data/boilerplate.toml"))
        .expect("data/boilerplate.toml is valid (checked by tests)");
    let patterns = file.boilerplate;
    let ascii = |list: &[String]| list.iter().map(|p| ascii_word_boundaries(p)).collect();
    let ascii_patterns = Patterns {
        fr: ascii(&patterns.fr),
        en: ascii(&patterns.en),
        any: ascii(&patterns.any),
    };
    let compiled = |p: &Patterns| {
        compile(p).expect("data/boilerplate.toml patterns compile (checked by tests)")
    };
    Bundled {
        unicode_boundaries: compiled(&patterns),
        ascii_boundaries: compiled(&ascii_patterns),
    }
});

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
    let unicode_words = folded
        .chars()
        .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c));
    if unicode_words {
        BUNDLED.unicode_boundaries.is_match(folded)
    } else {
        BUNDLED.ascii_boundaries.is_match(folded)
    }
}

/// Compiles patterns of every language into one anchored set.
pub fn compile(patterns: &Patterns) -> Result<RegexSet, regex::Error> {
    let all = patterns.fr.iter().chain(&patterns.en).chain(&patterns.any);
    RegexSet::new(all.map(|p| format!("^(?:{p})$")))
}

/// True when `line` (one line of the original text) is boilerplate.
pub fn is_boilerplate(line: &str, extra: Option<&RegexSet>) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return false;
    }
    if is_fragment(trimmed) || BYLINE.is_match(trimmed) {
        return true;
    }
    let folded = fold_str(trimmed);
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
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with(['.', '!', '?', '»', '"', '”', ':']);
    words <= 2 && !ends_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(is_boilerplate(line, None), "{line}");
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
        assert!(!is_boilerplate("Prøv øsubscribe today for free.", None));
        assert!(is_boilerplate("« Subscribe » to our newsletter now.", None));
    }

    #[test]
    fn keeps_article_content() {
        for line in [
            "Le président kazakh a reçu jeudi le secrétaire d'État adjoint américain.",
            "Renforcer la coopération économique entre les deux pays",
            "Blinken met Tokayev in Astana on Tuesday.",
            "Par ailleurs, les deux ministres ont signé un accord.",
            "Publication of the report was delayed by the ministry.",
        ] {
            assert!(!is_boilerplate(line, None), "{line}");
        }
    }
}
