//! Dictionary matches over the folded text.

use super::words::Words;
use crate::lexicon::{Entry, Lexicon, Matcher, Place};
use crate::text::Folded;
use crate::view::DocContext;
use crate::Lang;

/// One dictionary match: original byte range, what it is, and its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
    pub sentence: usize,
    /// Found inside a title ("haut représentant de l'UE", "secrétaire d'État américain").
    pub inside_title: bool,
}

/// Every whole-word dictionary match in the document's content sentences (boilerplate lines
/// skipped), left to right, longest first; then the countries and organisations named inside
/// titles, so that a title's country and its mentions are known.
pub fn dictionary_hits(ctx: &DocContext, lexicon: &Lexicon) -> Vec<Hit> {
    let Some(matcher) = lexicon.matcher(ctx.lang) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    let places = &lexicon.places;
    scan(
        ctx,
        (matcher, places),
        0,
        ctx.folded.text.len(),
        false,
        &mut hits,
    );
    let titles: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| matches!(h.entry, Entry::Title(_)))
        .map(|h| (h.start, h.end))
        .collect();
    for (start, end) in titles {
        let (fs, fe) = (
            ctx.folded.folded_offset(start),
            ctx.folded.folded_offset(end),
        );
        scan(ctx, (matcher, places), fs, fe, true, &mut hits);
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    hits.dedup();
    hits
}

fn scan(
    ctx: &DocContext,
    (matcher, places): (&Matcher, &[Place]),
    from: usize,
    to: usize,
    inside_title: bool,
    hits: &mut Vec<Hit>,
) {
    let folded: &Folded = &ctx.folded;
    // Inside a title, only the bodies it names ("EBRD President", "haut représentant de l'UE").
    let phrases = if inside_title {
        &matcher.bodies
    } else {
        &matcher.phrases
    };
    let text = &folded.text[from..to];
    // Left to right, the longest whole-word phrase at each start, none inside another.
    let mut resume = 0;
    for at in phrases.starts(text) {
        if at < resume {
            continue;
        }
        let mut longest = None;
        phrases.starting_at(text, at, |phrase, end| {
            let longer = longest.is_none_or(|(_, e)| end > e);
            if longer && folded.is_word_bounded(from + at, from + end) {
                longest = Some((phrase, end));
            }
        });
        let Some((phrase, end)) = longest else {
            continue;
        };
        resume = end;
        let (fs, fe) = (from + at, from + end);
        let pattern = if inside_title {
            matcher.bodies_pattern[phrase]
        } else {
            phrase
        };
        let (entry, exact) = &matcher.patterns[pattern];
        if inside_title
            && !matches!(
                entry,
                Entry::Country(_) | Entry::Demonym(_) | Entry::Organisation(_)
            )
        {
            continue;
        }
        let (start, end) = folded.original_range(fs, fe);
        let found = &ctx.text[start..end];
        if !capitals_fit(found, matcher.needs_capital[pattern]) {
            continue;
        }
        let Some(sentence) = ctx.sentence_at(start) else {
            continue;
        };
        let opens_sentence = ctx.text[ctx.sentences[sentence].start..start]
            .trim()
            .is_empty();
        if exact.as_deref().is_some_and(|spelling| {
            !same_acronym(found, spelling)
                && (opens_sentence
                    || !title_case_acronym(found, spelling)
                    || beside_a_name(ctx.text, start, end))
        }) {
            continue;
        }
        let words = super::words::of(ctx.lang);
        if matches!(entry, Entry::Demonym(_)) && names_a_language(ctx, words, start, end) {
            continue;
        }
        if matches!(entry, Entry::Place(_)) && names_a_thing(ctx, words, start, end) {
            continue;
        }
        if matches!(entry, Entry::Place(p) if places[*p].by_context)
            && !told_as_a_city(ctx, words, sentence, start, end)
        {
            continue;
        }
        if ctx.sentences[sentence].boilerplate || end > ctx.sentences[sentence].end {
            continue;
        }
        if matches!(entry, Entry::Demonym(_)) && continues_a_name(ctx, start, found) {
            continue;
        }
        hits.push(Hit {
            start,
            end,
            entry: *entry,
            sentence,
            inside_title,
        });
    }
}

/// The name at `start..end` of sentence `sentence` is a city's where the text says so: in the
/// dateline, after "in" / "à" or "the city of" / "la ville de", and not followed by another
/// capitalised word.
fn told_as_a_city(
    ctx: &DocContext,
    words: &Words,
    sentence: usize,
    start: usize,
    end: usize,
) -> bool {
    let s = &ctx.sentences[sentence];
    // "autour de Vladimir Poutine": a name that goes on is a person's.
    let goes_on = ctx.text[end..s.end]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    if goes_on {
        return false;
    }
    let in_dateline = end <= s.start + crate::text::dateline_len(&ctx.text[s.start..s.end]);
    let before = &ctx.text[s.start..start];
    in_dateline
        || super::shapes::words_before(before)
            .next()
            .is_some_and(|w| words.is_city_preposition(w))
        || super::shapes::after_a_place_word(words, before)
}

/// A capitalised nationality word right after a capitalised word is a surname ("Marc Turc"),
/// not an adjective.
fn continues_a_name(ctx: &DocContext, start: usize, found: &str) -> bool {
    if !found.starts_with(char::is_uppercase) {
        return false;
    }
    let before = ctx.text[..start].trim_end_matches(' ');
    if before.len() + 1 != start {
        return false;
    }
    let previous = before
        .rsplit(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    previous.chars().next().is_some_and(char::is_uppercase)
        && previous.chars().skip(1).any(char::is_lowercase)
        && !super::words::of(ctx.lang).is_function_word(&previous.to_lowercase())
}

/// "UE" matches "UE" only; an acronym's dots and spaces may differ ("U.S." / "U.S").
fn same_acronym(found: &str, spelling: &str) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric() || *c == '+')
            .collect::<String>()
    };
    letters(found) == letters(spelling)
}

/// Each word capitalised in a proper name (bit i for word i) is capitalised in the text.
fn capitals_fit(found: &str, capitals: u32) -> bool {
    found
        .split_whitespace()
        .take(32)
        .enumerate()
        .all(|(i, w)| capitals & (1 << i) == 0 || w.starts_with(char::is_uppercase))
}

/// "Onu" for "ONU", "Nato" for "NATO": an acronym of three letters or more written as a name,
/// away from a sentence's start (where "Who" or "Bad" are words).
fn title_case_acronym(found: &str, spelling: &str) -> bool {
    let mut chars = found.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    shaped && found.chars().count() >= 3 && found.to_uppercase() == spelling.replace('.', "")
}

/// A capitalised word right before or after `start..end`: "Doe" in "Jane Doe" is a surname,
/// not the acronym "DOE".
fn beside_a_name(text: &str, start: usize, end: usize) -> bool {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let before = text[..start]
        .strip_suffix(' ')
        .is_some_and(|b| capitalised(b.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")));
    let after = text[end..].strip_prefix(' ').is_some_and(capitalised);
    before || after
}

/// "en français", "in Russian.": after a language cue, a nationality word names a language.
/// In English the adjective may also qualify a noun ("in Russian airspace"): only before a
/// punctuation mark or the end.
fn names_a_language(ctx: &DocContext, words: &Words, start: usize, end: usize) -> bool {
    let before = ctx.text[..start].trim_end_matches(' ');
    let cue = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if !words.is_language_cue(cue) {
        return false;
    }
    match ctx.lang {
        Lang::Fr => ctx.text[start..end].starts_with(char::is_lowercase),
        _ => !ctx.text[end..]
            .trim_start_matches(' ')
            .starts_with(char::is_alphabetic),
    }
}

/// A place inside the name of a thing: "Heathrow airport", "the Almaty–Bishkek road", "the
/// Kyoto Protocol", "la route Almaty–Bichkek", "le protocole de Kyoto". Places joined by
/// dashes go together.
fn names_a_thing(ctx: &DocContext, words: &Words, start: usize, end: usize) -> bool {
    let dashes = ['-', '–', '—'];
    let mut after = &ctx.text[end..];
    while let Some(rest) = after.strip_prefix(dashes) {
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if len == 0 || !rest.starts_with(char::is_uppercase) {
            break;
        }
        after = &rest[len..];
    }
    let next = after
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next());
    if next.is_some_and(|w| words.is_place_name_head_after(w)) {
        return true;
    }
    let mut before = &ctx.text[..start];
    while let Some(rest) = before.strip_suffix(dashes) {
        let word = rest.trim_end_matches(char::is_alphabetic);
        if word.len() == rest.len() || !rest[word.len()..].starts_with(char::is_uppercase) {
            break;
        }
        before = word;
    }
    let mut previous = before
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphabetic());
    let last = previous.next().unwrap_or("");
    if words.is_place_name_head_before(last) {
        return true;
    }
    // "protocole de Kyoto", "traité d'Almaty".
    let elided = before.ends_with(['\'', '’']) && last == "d";
    (elided || last == "de")
        && previous
            .next()
            .is_some_and(|w| words.is_place_document_head(w))
}
