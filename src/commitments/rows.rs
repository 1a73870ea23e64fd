//! The rows of the commitments table: each committed amount of a document with its parties,
//! status, year and the event of its sentence that announces it.

use std::collections::HashMap;

use chrono::Datelike;

use super::parties::{parties, respective_payers, SentenceSpans};
use super::pledges::announcing_event;
use crate::actors::DocActors;
use crate::ids::span_id;
use crate::money::{self, SentenceMoney};
use crate::tables::{CommitmentRow, EventRow};
use crate::view::DocContext;

/// One row per committed amount of the document, with its donor, recipient and the event that
/// announces it; an amount a headline repeats is one row.
pub fn rows(ctx: &DocContext, found: &DocActors, events: &[EventRow]) -> Vec<CommitmentRow> {
    let mut rows: Vec<CommitmentRow> = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        let sentence = &ctx.text[s.start..s.end];
        let SentenceMoney { amounts, classes } = ctx.money(si);
        if amounts.is_empty() {
            continue;
        }
        // "$20 million for Tajikistan. It includes $5 million for…": the sum before is
        // the whole whose parts follow.
        if money::opens_with_parts(ctx.sentence(si).folded.text) {
            if let Some(whole) = rows
                .last_mut()
                .filter(|r| r.sentence as usize + 1 == si && r.status == "new")
            {
                whole.status = "total";
            }
        }
        // Read on the first committed amount of the sentence, once.
        let mut spans: Option<SentenceSpans> = None;
        let first_row = rows.len();
        let mut first_at: Option<usize> = None;
        for (k, (m, c)) in amounts.iter().zip(classes).enumerate() {
            if !c.is_commitment {
                continue;
            }
            let (ms, me) = (s.start + m.start, s.start + m.end);
            first_at.get_or_insert(ms);
            let read = spans.get_or_insert_with(|| SentenceSpans::read(ctx, si));
            let (donor, recipient) = parties(ctx, found, (si, read), ms, me);
            // "It includes $10.8 million for…": the payer named in an earlier sentence.
            let donor = donor.or_else(|| rows.last().and_then(|r| r.donor.clone()));
            let year = c.year;
            let rate_year = year.or(ctx.doc.published.map(|d| d.year()));
            let amount_usd = match (m.currency, rate_year) {
                ("USD", _) => Some(m.amount),
                (currency, Some(y)) => money::to_usd(m.amount, currency, y),
                _ => None,
            };
            let (start, end) = (ctx.code_points.at(ms), ctx.code_points.at(me));
            let event_id =
                announcing_event(events, si, start, &ctx.text[ms..me]).map(|e| e.event_id.clone());
            rows.push(CommitmentRow {
                commitment_id: span_id("cm", &ctx.doc.doc_id, m.currency, start, end),
                doc_id: ctx.doc.doc_id.clone(),
                sentence: si as u32,
                start,
                end,
                text: ctx.text[ms..me].to_string(),
                amount: m.amount,
                currency: m.currency,
                amount_usd,
                donor,
                recipient,
                purpose: c
                    .purpose
                    .map(|(ps, pe)| sentence[ps..pe].trim().to_string()),
                status: earlier_status(ctx, si, amounts, k, c.status).as_str(),
                year,
                event_id,
                evidence: sentence.to_string(),
                qualifier: m.qualifier,
            });
        }
        if let Some(at) = first_at {
            pair_respective_payers(ctx, found, si, at, &mut rows[first_row..]);
        }
    }
    drop_repeated_amounts(rows)
}

/// "A and B will provide €40 million and $60 million respectively": when the sentence's bodies
/// before its first sum (at `first`) pair with its sums, each sum is its body's.
fn pair_respective_payers(
    ctx: &DocContext,
    found: &DocActors,
    si: usize,
    first: usize,
    told: &mut [CommitmentRow],
) {
    let payers = respective_payers(ctx, found, si, first);
    if payers.len() >= 2 && payers.len() == told.len() {
        for (row, payer) in told.iter_mut().zip(payers) {
            row.donor = Some(payer);
        }
    }
}

/// How far before a sum (bytes) its own phrase may begin.
const OWN_PHRASE_REACH: usize = 80;

/// "aux 90 millions de dollars que la banque avait accordés", "qui avait déjà investi 1,5
/// milliard", "$150 million that JICA had extended": a sum whose own phrase — back to the comma
/// or the sum before it, and the relative clause right after it — holds a pluperfect auxiliary
/// or "déjà" / "already" was committed before; "déjà" even when a neighbouring clause plans
/// ("…, devrait y consacrer"), the auxiliary alone not over a plan ("avait évoqué 8 milliards,
/// … pourrait évoluer"). A sum told as the whole of a package stays one.
fn earlier_status(
    ctx: &DocContext,
    si: usize,
    amounts: &[money::MoneyMatch],
    k: usize,
    status: money::Status,
) -> money::Status {
    if matches!(status, money::Status::Total | money::Status::Previous) {
        return status;
    }
    let s = &ctx.sentences[si];
    let sentence = &ctx.text[s.start..s.end];
    let (start, end) = (amounts[k].start, amounts[k].end);
    let floor = k.checked_sub(1).map_or(0, |i| amounts[i].end);
    let mut from = start.saturating_sub(OWN_PHRASE_REACH).max(floor);
    while !sentence.is_char_boundary(from) {
        from += 1;
    }
    // Amounts never overlap; were they to, the phrase is empty rather than a panic.
    let before = sentence.get(from..start).unwrap_or_default();
    let before = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    let ceiling = amounts.get(k + 1).map_or(sentence.len(), |m| m.start);
    let after = sentence.get(end..ceiling).unwrap_or_default();
    let after = after.split([',', ';', ':']).next().unwrap_or(after);
    let words = crate::clauses::words(ctx.lang);
    let lower = |t: &str| t.to_lowercase();
    let relative = after
        .split_whitespace()
        .next()
        .is_some_and(|w| words.relative_subject(&lower(w)));
    let phrase = if relative {
        format!("{before} {after}")
    } else {
        before.to_string()
    };
    let said = |list: &[String]| {
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| list.contains(&lower(w)))
    };
    let planned = status == money::Status::Target;
    if said(&words.already) || (!planned && said(&words.pluperfect)) {
        money::Status::Previous
    } else {
        status
    }
}

/// A headline or summary repeating an amount of the body is one commitment: across sentences,
/// the same amount and currency is kept once, from the longest sentence (the body's).
fn drop_repeated_amounts(rows: Vec<CommitmentRow>) -> Vec<CommitmentRow> {
    let mut kept: Vec<CommitmentRow> = Vec::new();
    // The kept rows by currency and amount to nine significant digits, so that finding a twin
    // costs the same however many amounts a document holds.
    let mut by_amount: HashMap<(&'static str, String), Vec<usize>> = HashMap::new();
    for row in rows {
        let same = by_amount
            .entry((row.currency, format!("{:.8e}", row.amount)))
            .or_default();
        let twin = same
            .iter()
            .copied()
            .find(|&i| kept[i].sentence != row.sentence);
        match twin.map(|i| &mut kept[i]) {
            Some(k) if row.evidence.len() > k.evidence.len() => {
                let donor = row.donor.clone().or_else(|| k.donor.take());
                *k = row;
                k.donor = donor;
            }
            Some(_) => {}
            None => {
                same.push(kept.len());
                kept.push(row);
            }
        }
    }
    kept
}
