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
        let mut whole_before = false;
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
            let status = row_status(ctx, (si, amounts, k), c.status, year, &mut whole_before);
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
                status: status.as_str(),
                year,
                event_id,
                evidence: sentence.to_string(),
                qualifier: m.qualifier,
            });
        }
        if let Some(at) = first_at {
            pair_respective_payers(ctx, found, si, at, &mut rows[first_row..]);
        }
        parts_of_whole(ctx, si, amounts, classes, &mut rows);
    }
    drop_repeated_amounts(rows)
}

/// Relative tolerance within which parts add up to their whole (rounded figures).
const PARTS_TOLERANCE: f64 = 1e-3;

/// "Ce prêt… financera la route : 80 millions de dollars iront au tronçon nord et 40 millions
/// au tronçon sud": sums of sentence `si` not read as committed, in one currency, that add up
/// to a sum committed in it or in the sentence before are that sum's parts, with its parties;
/// the sum is then their whole.
fn parts_of_whole(
    ctx: &DocContext,
    si: usize,
    amounts: &[money::MoneyMatch],
    classes: &[money::Classification],
    rows: &mut Vec<CommitmentRow>,
) {
    let parts: Vec<&money::MoneyMatch> = amounts
        .iter()
        .zip(classes)
        .filter(|(_, c)| !c.is_commitment)
        .map(|(m, _)| m)
        .collect();
    let Some(first) = parts.first() else {
        return;
    };
    if parts.len() < 2 || parts.iter().any(|m| m.currency != first.currency) {
        return;
    }
    let sum: f64 = parts.iter().map(|m| m.amount).sum();
    let Some(w) = rows.iter().rposition(|r| {
        r.sentence as usize + 1 >= si
            && r.currency == first.currency
            && matches!(r.status, "new" | "total")
            && (r.amount - sum).abs() <= r.amount * PARTS_TOLERANCE
    }) else {
        return;
    };
    rows[w].status = money::Status::Total.as_str();
    let whole = rows[w].clone();
    let s = &ctx.sentences[si];
    for m in parts {
        let (ms, me) = (s.start + m.start, s.start + m.end);
        let (start, end) = (ctx.code_points.at(ms), ctx.code_points.at(me));
        rows.push(CommitmentRow {
            commitment_id: span_id("cm", &ctx.doc.doc_id, m.currency, start, end),
            sentence: si as u32,
            start,
            end,
            text: ctx.text[ms..me].to_string(),
            amount: m.amount,
            amount_usd: whole.amount_usd.map(|usd| usd * m.amount / whole.amount),
            purpose: None,
            status: money::Status::New.as_str(),
            evidence: ctx.text[s.start..s.end].to_string(),
            qualifier: m.qualifier,
            ..whole.clone()
        });
    }
}

/// How far before the first sum told (bytes) a figure without its currency is looked for.
const BARE_FIGURE_REACH: usize = 30;

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
    if payers.len() < 2 || payers.len() < told.len() {
        return;
    }
    // "respectivement 2 milliards et 1 milliard de dollars": a figure written without its
    // currency is no row; standing before the first sum told, it makes the sums told the last
    // ones, paid by the last payers.
    let s = &ctx.sentences[si];
    let mut from = first.saturating_sub(BARE_FIGURE_REACH).max(s.start);
    while !ctx.text.is_char_boundary(from) {
        from += 1;
    }
    let bare_before = ctx
        .text
        .get(from..first)
        .is_some_and(|t| t.contains(|c: char| c.is_ascii_digit()));
    let skip = if bare_before {
        payers.len() - told.len()
    } else {
        0
    };
    for (row, payer) in told.iter_mut().zip(&payers[skip..]) {
        row.donor = Some(payer.clone());
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
    if status == money::Status::Previous {
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
    // "has already allocated a total of $1.1 billion": a whole committed before.
    let whole = status == money::Status::Total;
    if said(&words.already) || (!planned && !whole && said(&words.pluperfect)) {
        money::Status::Previous
    } else {
        status
    }
}

/// The status of the `k`-th sum of sentence `si`, classified `classified`: committed before
/// when its own phrase or its year says so. `whole_before` records a whole committed before,
/// whose parts told after it in the sentence were committed with it ("…a total of $1.1
/// billion, including $600 million for…").
fn row_status(
    ctx: &DocContext,
    (si, amounts, k): (usize, &[money::MoneyMatch], usize),
    classified: money::Status,
    year: Option<i32>,
    whole_before: &mut bool,
) -> money::Status {
    let status = earlier_status(ctx, si, amounts, k, classified);
    let status = earlier_year(status, year, ctx.doc.published.map(|d| d.year()));
    if classified == money::Status::Total && status == money::Status::Previous {
        *whole_before = true;
    } else if *whole_before && status == money::Status::New {
        return money::Status::Previous;
    }
    status
}

/// "At TICAD 8 in 2022, Japan promised $30 billion", "the €10 billion mobilised in January
/// 2024": a sum told as committed in a year before the article's was committed before; a
/// target or a whole keeps its status.
fn earlier_year(status: money::Status, year: Option<i32>, published: Option<i32>) -> money::Status {
    let earlier = matches!((year, published), (Some(y), Some(p)) if y < p);
    match status {
        money::Status::New | money::Status::Additional | money::Status::Unknown if earlier => {
            money::Status::Previous
        }
        other => other,
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
