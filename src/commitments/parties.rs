//! Donor and recipient of a commitment from the actors of its sentence: the donor is the
//! nearest country or organisation before the amount (the payer is the subject: "les
//! États-Unis verseront…"), or a person's country; the recipient the first actor after it
//! introduced by a beneficiary preposition ("à l'Ouzbékistan", "pour l'Asie centrale", "to
//! Kazakhstan").

use crate::actors::{DocActors, Kind};
use crate::pipeline::DocContext;

const BENEFICIARY: &[&str] = &[
    "à",
    "au",
    "aux",
    "pour",
    "en faveur de",
    "destinés à",
    "to",
    "for",
];

fn introduced_by_beneficiary(text: &str, start: usize) -> bool {
    let tail = crate::text::lowercase_tail(text, start, 32);
    let before = tail.as_str();
    let before = before
        .strip_suffix("l'")
        .or_else(|| before.strip_suffix("l’"))
        .or_else(|| before.strip_suffix(" la"))
        .or_else(|| before.strip_suffix(" le"))
        .or_else(|| before.strip_suffix(" les"))
        .or_else(|| before.strip_suffix(" the"))
        .unwrap_or(before)
        .trim_end();
    BENEFICIARY.iter().any(|w| {
        before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `(donor, recipient)` actor ids for the amount at `start..end` (bytes) of sentence `sentence`.
pub fn parties(
    ctx: &DocContext,
    found: &DocActors,
    sentence: usize,
    start: usize,
    end: usize,
) -> (Option<String>, Option<String>) {
    let in_sentence: Vec<_> = found.in_sentence(sentence).iter().collect();
    let donor = in_sentence
        .iter()
        .rev()
        .filter(|m| m.end <= start && !introduced_by_beneficiary(ctx.text, m.start))
        .find_map(|m| {
            let actor = &found.actors[m.actor];
            match actor.kind {
                Kind::Country | Kind::Organization => Some(actor.id.clone()),
                Kind::Person => found.country_of(m.actor).map(str::to_string),
                Kind::Place => None,
            }
        });
    let recipient = in_sentence
        .iter()
        .filter(|m| m.start >= end && introduced_by_beneficiary(ctx.text, m.start))
        .map(|m| found.actors[m.actor].id.clone())
        .find(|id| Some(id) != donor.as_ref());
    (donor, recipient)
}
