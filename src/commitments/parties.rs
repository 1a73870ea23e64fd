//! Donor and recipient of a commitment from the actors of its sentence. The donor is, in order:
//! the agent of a passive or the subject of a relative clause right after the amount ("déjà
//! accordés par l'Union européenne", "$150 million that Korea had extended"); a lender the
//! deal is made with ("a loan agreement with the Asian Development Bank"); the subject of the
//! giving clause, pronouns and role phrases resolved ("Astana would invest…, the envoy said");
//! else the nearest country or organisation before the amount, or the body a person acts for,
//! else their country. A programme stands for its owner (the Belt and Road Initiative → China).
//! The recipient is the first actor after the amount introduced by a beneficiary preposition
//! ("à l'Ouzbékistan", "pour l'Asie centrale", "to Kazakhstan").

use crate::actors::{DocActors, Kind, Mention};
use crate::clauses;
use crate::events::cues::find_cues;
use crate::view::DocContext;

/// True when only "et" / "and" / a comma (and an article) separate two names; false for names
/// that overlap or touch nothing between them to read.
fn coordinated(ctx: &DocContext, from: usize, to: usize) -> bool {
    if from > to {
        return false;
    }
    let gap = ctx.folded.between(from, to).trim();
    // "l'agence coréenne KOICA": words side by side qualify one name, they list no two.
    if gap.is_empty() {
        return false;
    }
    let gap = gap.trim_start_matches(',').trim();
    gap.is_empty()
        || clauses::words(ctx.lang)
            .name_joiners
            .iter()
            .any(|w| w == gap)
}

fn introduced_by_beneficiary(ctx: &DocContext, start: usize) -> bool {
    crate::text::preceded_by(ctx.text, start, &clauses::words(ctx.lang).beneficiary)
}

/// The clauses of one sentence, one per verb (bytes in the sentence), read once for all its
/// amounts.
pub struct SentenceSpans {
    clauses: Vec<clauses::Clause>,
}

impl SentenceSpans {
    pub fn read(ctx: &DocContext, sentence: usize) -> SentenceSpans {
        let s = &ctx.sentences[sentence];
        let text = &ctx.text[s.start..s.end];
        let dates: Vec<_> = crate::dates::find_dates(text, ctx.lang)
            .iter()
            .map(|d| (d.start, d.end))
            .collect();
        SentenceSpans {
            clauses: clauses::read(text, ctx.lang, &verbs_of(ctx, sentence), &dates),
        }
    }
}

/// `(donor, recipient)` actor ids for the amount at `start..end` (bytes) of sentence `sentence`,
/// whose verbs and dates are `spans`.
pub fn parties(
    ctx: &DocContext,
    found: &DocActors,
    (sentence, spans): (usize, &SentenceSpans),
    start: usize,
    end: usize,
) -> (Option<String>, Option<String>) {
    let in_sentence: Vec<_> = found.in_sentence(sentence).iter().collect();
    let donor = agent_after(ctx, found, sentence, end)
        .or_else(|| lender_partner(ctx, found, sentence, (start, end)))
        .or_else(|| clause_subject(ctx, found, (sentence, spans), start))
        .and_then(|m| payer(found, m))
        .or_else(|| nationality_of_giving(ctx, found, sentence, start))
        .or_else(|| nearest_payer(ctx, found, sentence, start))
        .map(|id| clauses::programme_owner(&id).map_or(id, str::to_string));
    let recipient = in_sentence
        .iter()
        .filter(|m| m.start >= end && introduced_by_beneficiary(ctx, m.start))
        // "…, the envoy said during a visit to Tashkent": past the reporting verb, no longer
        // the commitment's clause.
        .filter(|m| !crate::text::reports_speech(ctx.folded.between(end, m.start)))
        .map(|m| found.actors[m.actor].id.clone())
        .find(|id| Some(id) != donor.as_ref());
    (donor, recipient)
}

/// Who pays, for the actor a mention names: a body itself, a person's body or country, a
/// capital's country.
fn payer(found: &DocActors, m: &Mention) -> Option<String> {
    let actor = &found.actors[m.actor];
    match actor.kind {
        Kind::Country | Kind::Organization => Some(actor.id.clone()),
        Kind::Person => actor
            .affiliation
            .clone()
            .or_else(|| found.country_of(m.actor).map(str::to_string)),
        Kind::Place => actor
            .country
            .as_ref()
            .and(found.country_of(m.actor))
            .map(str::to_string),
    }
}

/// How far after an amount (bytes) the agent of its passive or the subject of its relative
/// clause may stand: "25 millions de dollars que la banque avait déjà accordés".
const AGENT_REACH: usize = 60;

/// The agent or relative subject right after the amount ending at `end` (bytes, in the text).
fn agent_after<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    sentence: usize,
    end: usize,
) -> Option<&'f Mention> {
    let s = &ctx.sentences[sentence];
    let text = &ctx.text[s.start..s.end];
    let words = clauses::words(ctx.lang);
    let reach = (end - s.start + AGENT_REACH).min(text.len());
    let after = end - s.start;
    let window = text.get(after..reach)?;
    let mut at = 0;
    let mut first = true;
    for word in window.split_inclusive(char::is_whitespace) {
        let w = word.trim().to_lowercase();
        at += word.len();
        if w.is_empty() {
            continue;
        }
        if w.contains([',', ';', ':']) {
            return None;
        }
        if words.agent.contains(&w) || (first && words.relative_subject(&w)) {
            let phrase = clauses::phrase_at(text, ctx.lang, after + at);
            return clauses::subject_actor(ctx, found, sentence, phrase, &|i| verbs_of(ctx, i));
        }
        first = false;
    }
    None
}

/// The verbs of sentence `si` the clause reader cuts it by: its event cues that are verbs.
fn verbs_of(ctx: &DocContext, si: usize) -> Vec<(usize, usize)> {
    find_cues(&ctx.sentence(si), ctx.lang)
        .iter()
        .filter(|c| !c.nominal)
        .map(|c| (c.start, c.end))
        .collect()
}

/// A lender the deal is made with, before the amount at `start..end`: "signed a loan agreement
/// with the Asian Development Bank for $50 million", or after it in the same phrase: "a $200
/// million loan agreement with the World Bank".
fn lender_partner<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    sentence: usize,
    (start, end): (usize, usize),
) -> Option<&'f Mention> {
    let lender = |m: &&Mention| {
        let actor = &found.actors[m.actor];
        actor.kind == Kind::Organization
            && clauses::is_lender(&actor.name)
            && crate::text::preceded_by(ctx.text, m.start, &clauses::words(ctx.lang).partner)
    };
    let mentions = found.in_sentence(sentence);
    // The sum's phrase ends at the next comma or semicolon.
    let s = &ctx.sentences[sentence];
    let from = end.clamp(s.start, s.end);
    let phrase_end = ctx
        .text
        .get(from..s.end)
        .and_then(|rest| rest.find([',', ';']))
        .map_or(s.end, |at| from + at);
    mentions
        .iter()
        .rev()
        .filter(|m| m.end <= start)
        .find(lender)
        .or_else(|| {
            mentions
                .iter()
                .filter(|m| m.start >= end && m.start < phrase_end)
                .find(lender)
        })
}

/// "The European Union and the EBRD would invest €500 million and €300 million respectively":
/// the bodies coordinated in the sentence before its first amount at `first` (bytes, in the
/// text), one payer each in order, when the sentence says "respectively".
pub fn respective_payers(
    ctx: &DocContext,
    found: &DocActors,
    sentence: usize,
    first: usize,
) -> Vec<String> {
    let view = ctx.sentence(sentence);
    let respectively = &clauses::words(ctx.lang).respectively;
    let said = view.tokens().iter().any(|t| {
        t.word
            && respectively
                .iter()
                .any(|w| w == &view.folded.text[t.start..t.end])
    });
    if !said {
        return Vec::new();
    }
    let mut bodies: Vec<&Mention> = Vec::new();
    for m in found
        .in_sentence(sentence)
        .iter()
        .filter(|m| m.end <= first)
    {
        let kind = found.actors[m.actor].kind;
        if !matches!(kind, Kind::Country | Kind::Organization) {
            continue;
        }
        match bodies.last() {
            // "the European Bank for Reconstruction and Development (EBRD)": one body.
            Some(last) if last.actor == m.actor => continue,
            Some(last) if coordinated(ctx, last.end, m.start) => bodies.push(m),
            _ => bodies = vec![m],
        }
    }
    bodies.iter().filter_map(|m| payer(found, m)).collect()
}

/// The subject of the clause whose verb comes last before the amount at `start`.
fn clause_subject<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    (sentence, spans): (usize, &SentenceSpans),
    start: usize,
) -> Option<&'f Mention> {
    let s = &ctx.sentences[sentence];
    let at = start - s.start;
    let before = spans.clauses.partition_point(|c| c.verb.1 <= at);
    let clause = spans.clauses[..before].last()?;
    // "Il devait rencontrer…; des accords d'une valeur de…": another clause's subject.
    if clause.end < at {
        return None;
    }
    let (ss, se) = clause.subject?;
    // "NUR-SULTAN, Oct 3 (Reuters) - The Asian Development Bank will lend…": the subject
    // begins after the dateline, which names no payer.
    let dateline = clauses::dateline_len(&ctx.text[s.start..s.end]);
    let subject = (ss.max(dateline), se);
    if subject.0 >= se {
        return None;
    }
    let verbs = |i| verbs_of(ctx, i);
    let mention = clauses::subject_actor(ctx, found, sentence, subject, &verbs)
        .or_else(|| clauses::possessor(ctx, found, sentence, subject, &verbs))?;
    (mention.start >= s.start + dateline || mention.sentence != sentence).then_some(mention)
}

/// How far before a sum (bytes) the noun of what is given may stand: "porter le volume des
/// investissements coréens dans l'économie kazakhstanaise jusqu'à 5 milliards".
const GIVING_NOUN_REACH: usize = 120;

/// "les investissements coréens", "Korean investment", "prêts chinois": the country whose
/// nationality word qualifies the noun of what is given, in the sum's clause before it (at
/// `start`, bytes in the text), pays it.
fn nationality_of_giving(
    ctx: &DocContext,
    found: &DocActors,
    sentence: usize,
    start: usize,
) -> Option<String> {
    let s = &ctx.sentences[sentence];
    let nouns = &clauses::words(ctx.lang).giving_nouns;
    let is_noun = |w: Option<&str>| w.is_some_and(|w| nouns.contains(&w.to_lowercase()));
    found
        .in_sentence(sentence)
        .iter()
        .filter(|m| m.end <= start && m.start + GIVING_NOUN_REACH >= start)
        .filter(|m| found.actors[m.actor].kind == Kind::Country)
        .filter(|m| !ctx.text[m.end..start].contains([',', ';']))
        .find(|m| {
            let before = ctx.text[s.start..m.start].split_whitespace().next_back();
            let after = ctx.text[m.end..start].split_whitespace().next();
            is_noun(before) || is_noun(after)
        })
        .map(|m| found.actors[m.actor].id.clone())
}

/// How far (bytes) from a mention the commas of the relative clause around it are looked for.
const RELATIVE_REACH: usize = 160;

/// The char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// "Le fonds saoudien, qui avait investi en Ouzbékistan, devrait y consacrer 4 milliards": a
/// mention inside a relative clause set off by commas and closed before the amount at `start`
/// tells of something else than who pays it.
fn in_closed_relative(ctx: &DocContext, sentence_start: usize, m: &Mention, start: usize) -> bool {
    // Within a clause's reach either side, so that a long sentence costs no square.
    let from = floor_boundary(
        ctx.text,
        m.start.saturating_sub(RELATIVE_REACH).max(sentence_start),
    );
    let to = floor_boundary(ctx.text, (m.end + RELATIVE_REACH).min(start).max(m.end));
    let (Some(head), Some(tail)) = (ctx.text.get(from..m.start), ctx.text.get(m.end..to)) else {
        return false;
    };
    // ", " and not the comma of "1,5 milliard".
    let Some(comma) = head.rfind(", ") else {
        return false;
    };
    let opens = head[comma + 2..]
        .split_whitespace()
        .next()
        .is_some_and(|w| clauses::words(ctx.lang).relative_subject(&w.to_lowercase()));
    opens && tail.contains(", ")
}

/// The nearest country or organisation before the amount, else a person's body or country.
fn nearest_payer(
    ctx: &DocContext,
    found: &DocActors,
    sentence: usize,
    start: usize,
) -> Option<String> {
    let in_sentence: Vec<_> = found.in_sentence(sentence).iter().collect();
    // The payer is the nearest country or organisation before the amount that is not a
    // beneficiary or a partner ("avec la Banque nationale…") nor a dateline ("ASTANA,
    // Kazakhstan —"); a person stands for the country of their office only when no body is named.
    let sentence_start = ctx.sentences[sentence].start;
    let dateline_end = sentence_start
        + clauses::dateline_len(&ctx.text[sentence_start..ctx.sentences[sentence].end]);
    let before: Vec<_> = in_sentence
        .iter()
        .rev()
        .filter(|m| {
            m.end <= start
                && m.start >= dateline_end
                && !introduced_by_beneficiary(ctx, m.start)
                && !crate::text::preceded_by(ctx.text, m.start, &clauses::words(ctx.lang).partner)
                && !in_closed_relative(ctx, sentence_start, m, start)
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
            && coordinated(ctx, earlier.end, later.start)
        {
            chosen = Some(earlier);
        }
    }
    chosen
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
        })
}
