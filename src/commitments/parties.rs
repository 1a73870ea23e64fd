//! Donor and recipient of a commitment from the actors of its sentence: the donor is the
//! nearest country or organisation before the amount (the payer is the subject: "les
//! États-Unis verseront…"), or the body a person acts for, else their country; the recipient
//! the first actor after it introduced by a beneficiary preposition ("à l'Ouzbékistan", "pour
//! l'Asie centrale", "to Kazakhstan").

use crate::actors::{DocActors, Kind};
use crate::view::DocContext;

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

/// Words that introduce the other party of a deal, not its payer.
const PARTNER: &[&str] = &["avec", "with", "entre", "between"];

/// True when only "et" / "and" / a comma (and an article) separate two names.
fn coordinated(text: &str, from: usize, to: usize) -> bool {
    let gap = text[from..to].trim().to_lowercase();
    let gap = gap.trim_start_matches(',').trim();
    [
        "et", "and", "et la", "et le", "et les", "et l'", "et l’", "and the", "",
    ]
    .contains(&gap)
}

fn introduced_by_beneficiary(text: &str, start: usize) -> bool {
    crate::text::preceded_by(text, start, BENEFICIARY)
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
    // The payer is the nearest country or organisation before the amount that is not a
    // beneficiary or a partner ("avec la Banque nationale…") nor a dateline ("ASTANA,
    // Kazakhstan —"); a person stands for the country of their office only when no body is named.
    let sentence_start = ctx.sentences[sentence].start;
    let dateline_end = sentence_start
        + crate::text::dateline_len(&ctx.text[sentence_start..ctx.sentences[sentence].end]);
    let before: Vec<_> = in_sentence
        .iter()
        .rev()
        .filter(|m| {
            m.end <= start
                && m.start >= dateline_end
                && !introduced_by_beneficiary(ctx.text, m.start)
                && !crate::text::preceded_by(ctx.text, m.start, PARTNER)
        })
        .collect();
    let bodies: Vec<_> = before
        .iter()
        .filter(|m| {
            matches!(
                found.actors[m.actor].kind,
                Kind::Country | Kind::Organization
            )
        })
        .collect();
    // "l'agence japonaise et la banque ouzbèke ont signé…": of
    // coordinated subjects, the first named.
    let mut chosen = bodies.first().copied();
    for pair in bodies.windows(2) {
        let (later, earlier) = (pair[0], pair[1]);
        if chosen.is_some_and(|c| std::ptr::eq(c, later))
            && coordinated(ctx.text, earlier.end, later.start)
        {
            chosen = Some(earlier);
        }
    }
    let donor = chosen
        .map(|m| found.actors[m.actor].id.clone())
        .or_else(|| {
            before
                .iter()
                .filter(|m| found.actors[m.actor].kind == Kind::Person)
                .find_map(|m| {
                    let person = &found.actors[m.actor];
                    person
                        .affiliation
                        .clone()
                        .or_else(|| found.country_of(m.actor).map(str::to_string))
                })
        });
    let recipient = in_sentence
        .iter()
        .filter(|m| m.start >= end && introduced_by_beneficiary(ctx.text, m.start))
        // "…, the envoy said during a visit to Tashkent": past the reporting verb, no longer
        // the commitment's clause.
        .filter(|m| !crate::text::reports_speech(&ctx.text[end..m.start]))
        .map(|m| found.actors[m.actor].id.clone())
        .find(|id| Some(id) != donor.as_ref());
    (donor, recipient)
}
