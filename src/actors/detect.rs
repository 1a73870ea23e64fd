//! Dictionary matches over the folded text.

use crate::lexicon::{Entry, Lexicon, Matcher};
use crate::text::Folded;
use crate::view::DocContext;

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
    scan(ctx, matcher, 0, ctx.folded.text.len(), false, &mut hits);
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
        scan(ctx, matcher, fs, fe, true, &mut hits);
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    hits.dedup();
    hits
}

fn scan(
    ctx: &DocContext,
    matcher: &Matcher,
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
        if exact
            .as_deref()
            .is_some_and(|spelling| !same_acronym(found, spelling))
        {
            continue;
        }
        if matcher.needs_capital[pattern] && !found.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(sentence) = ctx.sentence_at(start) else {
            continue;
        };
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
