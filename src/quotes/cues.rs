//! Finding reporting cues among tokens: a verb of speech (with its auxiliary: "a déclaré",
//! "has said"; with a joined pronoun: "a-t-il ajouté", "poursuit-elle") or a source cue
//! ("selon", "according to").

use super::words::{Cues, Phrases};
use super::{Cue, Token};
use crate::text::normalise::fold_str;

/// The length in tokens of the longest phrase of `phrases` starting at token `i`.
fn phrase_at(phrases: &Phrases, toks: &[Token], i: usize) -> Option<usize> {
    phrases
        .starting_with(toks.get(i)?.lower)
        .iter()
        .filter(|p| {
            toks.len() >= i + p.len() && p.iter().zip(&toks[i..]).all(|(w, t)| *w == t.lower)
        })
        .map(Vec::len)
        .max()
}

/// A verb of speech one or two tokens after an auxiliary at `i` ("a déclaré", "a également
/// souligné"): its last token and end byte.
fn verb_after(cues: &Cues, toks: &[Token], i: usize) -> Option<(usize, usize)> {
    // "a une note": a determiner between them makes the verb a noun.
    let reach = if cues.determiners.contains(toks.get(i + 1)?.lower) {
        2
    } else {
        3
    };
    (i + 1..(i + reach).min(toks.len()))
        .find_map(|j| phrase_at(&cues.verbs, toks, j).map(|n| (j + n - 1, toks[j + n - 1].end)))
}

/// The cue starting at token `i`, if any.
fn cue_at(text: &str, cues: &Cues, toks: &[Token], i: usize) -> Option<Cue> {
    let t = &toks[i];
    let cue = |last: usize, end: usize, source: bool, pronoun: Option<(usize, usize)>| Cue {
        start: t.start,
        end,
        first: i,
        last,
        source,
        pronoun,
    };
    if let Some(n) = phrase_at(&cues.sources, toks, i) {
        return Some(cue(i + n - 1, toks[i + n - 1].end, true, None));
    }
    if let Some((verb_len, pronoun_at)) = (cues.split_inverted)(&text[t.start..t.end]) {
        let head = fold_str(&text[t.start..t.start + verb_len]);
        let pronoun = Some((t.start + pronoun_at, t.end));
        if cues.auxiliaries.contains(&head) {
            return verb_after(cues, toks, i).map(|(last, end)| cue(last, end, false, pronoun));
        }
        let single = cues.verbs.has_word(&head);
        return single.then(|| cue(i, t.start + verb_len, false, pronoun));
    }
    if cues.auxiliaries.contains(t.lower) {
        return verb_after(cues, toks, i).map(|(last, end)| cue(last, end, false, None));
    }
    let n = phrase_at(&cues.verbs, toks, i)?;
    // "la note", "the remarks": a noun, not a verb.
    let noun = i > 0 && cues.determiners.contains(toks[i - 1].lower);
    (!noun).then(|| cue(i + n - 1, toks[i + n - 1].end, false, None))
}

/// Every cue among `toks`, in order, none inside another.
pub(super) fn cues_in(text: &str, cues: &Cues, toks: &[Token]) -> Vec<Cue> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cue_at(text, cues, toks, i) {
            Some(cue) => {
                i = cue.last + 1;
                found.push(cue);
            }
            None => i += 1,
        }
    }
    found
}
