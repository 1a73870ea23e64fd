//! Persons that no dictionary knows and no title introduces, found by the shape of their name:
//! two to four capitalised words (initials and particles riding along) that are no common
//! word of the document, no office, month or weekday, and no head of an organisation or of a
//! named thing.

use rustc_hash::FxHashSet;

use super::capitals::{is_capitalised, opens_clause, title_case, Word};
use super::words::Words;
use crate::text::normalise::fold_str;
use crate::view::DocContext;

/// The folded words written in lower case somewhere in the document's content: capitalised
/// elsewhere, they are common words at a sentence's start or in a heading, not names.
pub(super) fn lowercase_words(ctx: &DocContext) -> FxHashSet<String> {
    let mut seen = FxHashSet::default();
    for s in ctx.sentences.iter().filter(|s| !s.boilerplate) {
        for word in ctx.text[s.start..s.end].split(|c: char| !c.is_alphabetic() && c != '-') {
            if word.chars().next().is_some_and(char::is_lowercase) && word.len() > 2 {
                seen.insert(fold_str(word));
            }
        }
    }
    seen
}

/// Where the person's name starts among `words[a..b]` (one sentence's run, sentence starting at
/// byte `sentence_start`), when the run has the shape of a person's name.
pub(super) fn person_name(
    ctx: &DocContext,
    words: &Words,
    lowercase: &FxHashSet<String>,
    run: &[Word],
    (mut a, b): (usize, usize),
    sentence: (usize, usize),
) -> Option<usize> {
    let text = |w: &Word| &ctx.text[w.start..w.end];
    if title_case(&ctx.text[sentence.0..sentence.1]) {
        return None;
    }
    // "Selon Jean Dupont", "After John Smith": the word opening the sentence is no name.
    let opens = |w: &Word| opens_clause(&ctx.text[sentence.0..w.start]);
    while a < b
        && opens(&run[a])
        && (words.opens_a_sentence(text(&run[a])) || common(lowercase, text(&run[a])))
    {
        a += 1;
    }
    // « Nourly Jol », "Belt and Road": a quoted name is a programme's or a slogan's. An
    // opening quote other than « is written against the name; one a space away closes a
    // quotation ("…a memory," Elena Marchetti said).
    let before = &ctx.text[sentence.0..run.get(a)?.start];
    if before.trim_end().ends_with('«') || before.ends_with(['“', '"', '\'']) {
        return None;
    }
    // "Cabinet Secretary John Mbadi", "Commodore Jay Tarriela": the name follows the last
    // word that cannot be part of one; "Camp Aguinaldo" keeps one word, too few.
    let disqualified = |w: &str| {
        is_capitalised(w)
            && (words.is_not_a_name(w)
                || words.is_org_head(w)
                || words.is_thing_head(w)
                || common(lowercase, w))
    };
    // "Park Ji-hoon", "Moon Jae-in": a family name before a Korean given name is a name
    // whatever common word it also is.
    let family_name = |i: usize| i + 1 == b - 1 && korean_given_name(text(&run[i + 1]));
    if let Some(last) = (a..b)
        .rev()
        .find(|&i| disqualified(text(&run[i])) && !family_name(i))
    {
        a = last + 1;
    }
    if run
        .get(a)
        .is_some_and(|w| after_a_place_word(words, &ctx.text[sentence.0..w.start]))
    {
        return None;
    }
    // "the EU-Central Asia summit": an acronym joined to a word makes no name.
    if run[a..b].iter().any(|w| joins_an_acronym(text(w))) {
        return None;
    }
    let names: Vec<&str> = run[a..b]
        .iter()
        .map(text)
        .filter(|w| is_capitalised(w))
        .collect();
    let with_initials =
        run[a..b].len() > names.len() && run[a..b].iter().any(|w| text(w).len() == 1);
    let sized = (2..=4).contains(&names.len()) || (names.len() == 1 && with_initials);
    sized.then_some(a)
}

/// The words of `before`, last first ("la zone d'" → "d", "zone", "la").
pub(super) fn words_before(before: &str) -> impl Iterator<Item = &str> {
    before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// `before` (a sentence up to a run) ends with a word that makes the run a place's name: "at",
/// "the zone of", "la zone de", "près de".
pub(super) fn after_a_place_word(words: &Words, before: &str) -> bool {
    let mut previous = words_before(before);
    let Some(last) = previous.next() else {
        return false;
    };
    if words.is_place_preposition(last) || words.is_place_head(last) {
        return true;
    }
    let of = matches!(fold_str(last).as_str(), "of" | "de" | "d" | "du");
    of && previous.next().is_some_and(|w| words.is_place_head(w))
}

/// "Commodore Jay Tarriela", "Selon Jean Dupont, chercheur…": a title introduces the person,
/// but the rank or office words and the adverb or preposition that open the run are not their
/// name. Where the name starts, leaving at least one word.
pub(super) fn after_ranks(
    ctx: &DocContext,
    words: &Words,
    run: &[Word],
    (mut a, b): (usize, usize),
) -> usize {
    let text = |i: usize| &ctx.text[run[i].start..run[i].end];
    // "A." in "Dr. A. Rahman Al-Sayed" is an initial, not the article.
    let initial =
        |i: usize| text(i).chars().count() == 1 && ctx.text[run[i].end..].starts_with('.');
    while a + 1 < b
        && !initial(a)
        && (words.is_not_a_name(text(a)) || words.opens_a_sentence(text(a)))
    {
        a += 1;
    }
    // "Minister of Economy and Sustainable Development Levan Davitashvili": the portfolio ends
    // with its last word that is never a name's.
    if let Some(last) = (a..b - 1).rev().find(|&i| words.is_not_a_name(text(i))) {
        a = last + 1;
    }
    a
}

/// "Ji-hoon", "Jae-in": two syllables of a Korean given name, the second in lower case.
fn korean_given_name(word: &str) -> bool {
    let Some((first, second)) = word.split_once('-') else {
        return false;
    };
    let syllable =
        |s: &str| (1..=5).contains(&s.chars().count()) && s.chars().all(char::is_alphabetic);
    syllable(first)
        && syllable(second)
        && first.starts_with(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && second.chars().all(char::is_lowercase)
}

/// "EU-Central", "UN-Habitat": a hyphenated word with a part in capitals of two letters or more.
fn joins_an_acronym(word: &str) -> bool {
    word.contains('-')
        && word
            .split('-')
            .any(|part| part.chars().count() >= 2 && part.chars().all(char::is_uppercase))
}

/// A capitalised word also written in lower case in the document ("Marché", "Foreign").
fn common(lowercase: &FxHashSet<String>, word: &str) -> bool {
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    lowercase.contains(&fold_str(word))
}

#[cfg(test)]
mod tests {
    fn person_mentions(text: &str, lang: crate::Lang) -> Vec<String> {
        let mut doc = crate::Document::new("shapes", text);
        doc.lang = Some(lang);
        let x = crate::pipeline::analyse(&doc, &crate::pipeline::Options::default());
        let persons = x.mentions.into_iter().filter(|m| m.kind == "person");
        persons.map(|m| m.text).collect()
    }

    #[test]
    fn a_name_after_a_locative_word_is_a_place() {
        let text = "Ruto urged companies to invest in the special economic zone at Kiwanja Mpya.";
        assert!(person_mentions(text, crate::Lang::En).is_empty());
        let text = "Le port sera construit près de Kiwanja Mpya, a dit Amadou Diallo.";
        assert_eq!(person_mentions(text, crate::Lang::Fr), ["Amadou Diallo"]);
    }

    #[test]
    fn portfolio_words_are_no_name_and_a_titled_name_starts_after_them() {
        let text = "Minister of Public Works and Transport Peng Ponea signed. Minister of Economy \
                    and Sustainable Development Levan Davitashvili spoke.";
        let found = person_mentions(text, crate::Lang::En);
        assert_eq!(found, ["Peng Ponea", "Levan Davitashvili"]);
        let text =
            "Le vice-ministre de l'Industrie et de la Construction Zhanibek Utegenov a signé.";
        assert_eq!(
            person_mentions(text, crate::Lang::Fr),
            ["Zhanibek Utegenov"]
        );
    }

    #[test]
    fn a_building_is_no_person() {
        let text = "Prime Minister Hun Manet attended the ceremony at the Peace Palace.";
        assert_eq!(person_mentions(text, crate::Lang::En), ["Hun Manet"]);
    }
}
