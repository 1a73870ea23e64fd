//! The event a commitment is announced by, and that event's source agreeing with the donor.

use std::collections::HashMap;

use crate::actors::DocActors;
use crate::tables::{CommitmentRow, EventRow};

/// How many of the latest events before a sentence may be the headline's pledge its sum
/// repeats: an article tells far fewer; a page of repeated lines would cost the square.
const HEADLINE_WINDOW: usize = 64;

fn is_money_event(e: &EventRow) -> bool {
    matches!(e.event_type, "AGREE" | "AID")
}

/// The event that announces the sum `text` at `start` (code points) of sentence `sentence`: the
/// nearest pledge or aid of its sentence; else a pledge or aid told before whose sentence names
/// the same sum (a headline: "Japan pledges $300 million…" merged the body's "pledged"); else
/// the nearest event of its sentence.
pub fn announcing_event<'e>(
    events: &'e [EventRow],
    sentence: usize,
    start: u32,
    text: &str,
) -> Option<&'e EventRow> {
    let of_sentence = events_of_sentence(events, sentence);
    let nearest = |money: bool| {
        of_sentence
            .iter()
            .filter(|e| is_money_event(e) == money)
            .min_by_key(|e| e.start.abs_diff(start))
    };
    nearest(true)
        .or_else(|| {
            events[..events.partition_point(|e| (e.sentence as usize) < sentence)]
                .iter()
                .rev()
                .take(HEADLINE_WINDOW)
                .find(|e| is_money_event(e) && e.evidence.contains(text))
        })
        .or_else(|| nearest(false))
}

/// The events of sentence `sentence`: events are made sentence by sentence, so their first
/// sentences run in order.
fn events_of_sentence(events: &[EventRow], sentence: usize) -> &[EventRow] {
    let from = events.partition_point(|e| (e.sentence as usize) < sentence);
    let to = events.partition_point(|e| e.sentence as usize <= sentence);
    &events[from..to]
}

/// True when the actor `source` speaks for `donor`: the same actor, a person or body of the
/// donor's country or body, or the country of a donor body ("KOR" for KOICA's grant).
/// `side` gives each actor's body or country.
fn speaks_for(side: &HashMap<&str, &str>, source: &str, donor: &str) -> bool {
    source == donor || side.get(source) == Some(&donor) || side.get(donor) == Some(&source)
}

/// A pledge or aid event announcing commitments of one donor takes that donor as its source
/// when its own source speaks for none of them ("Beijing agreed to open a credit line", read
/// with the Armenian prime minister named first): the donor is read from the giving clause.
pub fn agree_sources(found: &DocActors, events: &mut [EventRow], rows: &[CommitmentRow]) {
    let mut donors_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in rows {
        if let (Some(event), Some(donor)) = (r.event_id.as_deref(), r.donor.as_deref()) {
            donors_of.entry(event).or_default().push(donor);
        }
    }
    let side: HashMap<&str, &str> = found
        .actors
        .iter()
        .filter_map(|a| {
            let of = a.affiliation.as_deref().or(a.country.as_deref())?;
            Some((a.id.as_str(), of))
        })
        .collect();
    for e in events.iter_mut().filter(|e| is_money_event(e)) {
        let Some(donors) = donors_of.get(e.event_id.as_str()) else {
            continue;
        };
        let Some(first) = donors.first() else {
            continue;
        };
        let agrees = e
            .source_actor
            .as_deref()
            .is_some_and(|s| donors.iter().any(|d| speaks_for(&side, s, d)));
        // "Les deux présidents ont annoncé un programme…, dont 250 millions apportés par le
        // Kazakhstan et 150 millions par l'Azerbaïdjan": several payers, no one source.
        if agrees || donors.iter().any(|d| d != first) {
            continue;
        }
        e.source_actor = Some(first.to_string());
        if !e.actors.iter().any(|a| a == first) {
            e.actors.push(first.to_string());
        }
        if e.target_actor.as_deref() == Some(*first) {
            e.target_actor = None;
        }
    }
}
