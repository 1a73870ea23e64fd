//! Events: cue detection per language (`cues`, with the mood rules of `fr` and `en`), then
//! participants, date and place from the mentions near the cue, and one event per distinct
//! happening in the document.
//!
//! Not counted as events: negated, conditional and questioned cues; vague declarations of
//! intent to cooperate ("ont réaffirmé leur engagement", "is ready to"), which diplomatic prose
//! repeats without any happening behind them; and what an appeal asks for ("a exhorté ses
//! interlocuteurs à soutenir…": the appeal is the event, the support is not).

pub mod cues;
mod en;
mod fr;
mod words;

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::actors::{DocActors, Kind};
use crate::dates::{find_dates, DateMatch};
use crate::money::SentenceMoney;
use crate::view::DocContext;
use cues::{find_cues, Cue, Mood, SubjectRole};
use words::Discourse;

/// One event of a document (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub event_type: &'static str,
    pub subtype: &'static str,
    pub cameo: &'static str,
    /// Participant actor ids, persons first, then the countries and organisations.
    pub actors: Vec<String>,
    pub source_actor: Option<String>,
    pub target_actor: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_span: Option<(usize, usize)>,
    pub location: Option<String>,
    pub n_mentions: u32,
    /// The amount a pledge or aid cue announces, in the currency's units: two announcements of
    /// different amounts are two events.
    pub amount: Option<(f64, &'static str)>,
    /// A definite noun ("the meeting", "cette réunion") that names a happening already told.
    pub refers_back: bool,
}

/// How far (bytes) from its cue a mention may stand and still be a participant: about a
/// clause on either side.
const CLAUSE_REACH: usize = 160;

/// How many of the latest events a new mention is compared with, to merge repeated mentions of
/// one happening or find the meeting a signing belongs to. An article tells far fewer; a
/// transcript or a page of repeated headlines would otherwise cost the square of its events.
const MERGE_WINDOW: usize = 256;

/// The latest [`MERGE_WINDOW`] events from `from` on.
fn recent(events: &[Event], from: usize) -> &[Event] {
    &events[from.max(events.len().saturating_sub(MERGE_WINDOW))..]
}

/// Words before a place name that make it the place where something happens.
const LOCATIVES: &[&str] = &[
    "à",
    "a",
    "au",
    "aux",
    "dans",
    "près de",
    "près d'",
    "près d’",
    "à l'",
    "à l’",
    "en",
    "depuis",
    "in",
    "at",
    "near",
    "outside",
    "to",
];

/// The discourse words of a document's language; of both for an undetermined one.
fn discourse(lang: crate::Lang) -> &'static [&'static Discourse] {
    match lang {
        crate::Lang::Fr => &[&fr::DISCOURSE],
        crate::Lang::En => &[&en::DISCOURSE],
        crate::Lang::Und => &[&fr::DISCOURSE, &en::DISCOURSE],
    }
}

/// One list of every language's discourse words.
fn all<'a>(
    words: &'a [&'a Discourse],
    list: impl Fn(&Discourse) -> &'static [&'static str] + 'a,
) -> impl Iterator<Item = &'static str> + 'a {
    words.iter().flat_map(move |w| list(w).iter().copied())
}

/// "2. Turkmenistan hosted…", "- Kazakhstan signed…": an item of a list.
fn opens_list_item(sentence: &str) -> bool {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\d{1,2}[.)]|[-•*–])\s").expect("list item pattern compiles")
    });
    ITEM.is_match(sentence)
}

/// "The two sides signed…": a subject that names the parties of the meeting told, together.
fn collective_subject(words: &[&Discourse], before_cue: &str) -> bool {
    let before = before_cue.to_lowercase();
    all(words, |w| w.collective).any(|c| crate::text::contains_phrase(&before, c))
}

fn preceded_by_locative(text: &str, start: usize) -> bool {
    let before = crate::text::lowercase_tail(text, start, 48);
    // "dans la capitale ouzbèke Tachkent", "in the Kazakh capital, Astana", "dans la ville de
    // Samarcande": a locative, then the kind of place, then its name.
    static APPOSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|\W)(?:à|a|dans|en|in|at|near)\s+(?:la\s+|le\s+|l['’]|the\s+)?(?:\w+\s+)?(?:capitale|ville|cité|city|capital|port)(?:\s+\w+)?(?:\s+(?:de|d['’]|of))?,?$",
        )
        .expect("locative apposition pattern compiles")
    });
    APPOSED.is_match(&before) || crate::text::tail_ends_with(&before, LOCATIVES)
}

/// What the reading of a document carries from one sentence to the next.
struct Story<'r> {
    events: Vec<Event>,
    /// The day of the latest dated event ("le même jour", "later that day").
    previous_date: Option<NaiveDate>,
    /// Where the current story's events begin: a numbered or bulleted item of a digest starts
    /// a story of its own, with its own place and meeting.
    start: usize,
    /// The document's places without a country (regions, seas): too broad to tell events apart.
    regions: Vec<&'r str>,
}

/// Every event of the document, repeated mentions of one happening merged.
pub fn extract(ctx: &DocContext, found: &DocActors) -> Vec<Event> {
    let words = discourse(ctx.lang);
    let mut story = Story {
        events: Vec::new(),
        previous_date: None,
        start: 0,
        regions: found
            .actors
            .iter()
            .filter(|a| a.kind == Kind::Place)
            .map(|a| a.id.as_str())
            .collect(),
    };
    for (si, s) in ctx.sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        if opens_list_item(&ctx.text[s.start..s.end]) {
            story.start = story.events.len();
        }
        read_sentence(ctx, found, words, &mut story, si);
    }
    story.events
}

/// The cues of a sentence that count as events, each with how it points back to what was told.
fn counted_cues<'c>(
    words: &[&Discourse],
    sentence: &str,
    cues: &'c [Cue],
) -> Vec<(&'c Cue, Reference)> {
    let appeal_at = cues
        .iter()
        .find(|c| c.event_type == "REQUEST")
        .map(|c| c.end);
    cues.iter()
        .filter(|c| {
            // A pledge with neither money nor goods is a promise of good will; an
            // agreement or offer to do something is an event unless what is offered is
            // vague.
            matches!(c.mood, Mood::Asserted | Mood::Intent)
                && !(c.family == "pledge" && c.subtype == "intent")
                && !(c.family == "intent" && vague_after(words, sentence, c.end))
                && appeal_at.is_none_or(|at| c.start < at)
        })
        .map(|c| {
            let r = if c.nominal {
                reference(words, sentence, c.start, c.end)
            } else {
                Reference::None
            };
            (c, r)
        })
        .collect()
}

/// Where in the document a cue stands, and how it relates to what was told.
struct Site<'c> {
    sentence: usize,
    cue: &'c Cue,
    /// One more mention of a happening already told.
    back: bool,
    /// End (bytes, in the text) of the sentence's dateline, 0 when it has none.
    dateline_end: usize,
}

/// The events of sentence `si`, added to the story or merged into what it told.
fn read_sentence(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    story: &mut Story,
    si: usize,
) {
    let s = &ctx.sentences[si];
    let sentence = &ctx.text[s.start..s.end];
    let cues = find_cues(sentence, ctx.lang);
    if cues.is_empty() {
        return;
    }
    let counted = counted_cues(words, sentence, &cues);
    // "The meeting, convened by…, was chaired by…": every cue of that type in the sentence
    // tells of the happening already told. "After the summit, she was received by…": beside
    // a cue of its own, a circumstance only dates the new happening.
    let told_of = |event_type| {
        counted
            .iter()
            .any(|&(c, r)| r == Reference::Subject && c.event_type == event_type)
    };
    let tells_anew = |event_type| {
        counted
            .iter()
            .any(|&(c, r)| r == Reference::None && c.event_type == event_type)
    };
    // "TASHKENT (Reuters) -": where the story was filed and who filed it take no part.
    let dateline_end = s.start + crate::text::dateline_len(sentence);
    // Read only once a cue of the sentence turns out to be an event.
    let mut dates: Option<Vec<DateMatch>> = None;
    for &(cue, r) in &counted {
        if (r == Reference::Circumstance && tells_anew(cue.event_type))
            || (cue.referring_only && r == Reference::None)
        {
            continue;
        }
        let site = Site {
            sentence: si,
            cue,
            back: r != Reference::None || told_of(cue.event_type),
            dateline_end,
        };
        if let Some(event) = cue_event(ctx, found, words, story, &site, &mut dates) {
            add_or_merge(&mut story.events, &story.regions, event);
        }
    }
}

/// The event a counted cue tells, `None` when it names nobody it could be about.
fn cue_event(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    story: &mut Story,
    site: &Site,
    dates: &mut Option<Vec<DateMatch>>,
) -> Option<Event> {
    let (si, cue) = (site.sentence, site.cue);
    let s = &ctx.sentences[si];
    let sentence = &ctx.text[s.start..s.end];
    let (cue_start, cue_end) = (s.start + cue.start, s.start + cue.end);
    let Participants {
        actors,
        before,
        after,
        location,
    } = cue_participants(ctx, found, words, story, site)?;
    let (source_actor, target_actor) = match cue.subject_role {
        SubjectRole::Recipient | SubjectRole::Visitor if cue.subtype == "host" => (after, before),
        SubjectRole::Recipient => (after, before),
        _ => (before, after),
    };
    let dates = dates.get_or_insert_with(|| find_dates(sentence, ctx.lang));
    let date = governing_date(dates, sentence, cue);
    let resolved = date.and_then(|d| d.expr.resolve(ctx.doc.published, story.previous_date));
    if resolved.is_some() {
        story.previous_date = resolved;
    }
    let story_place = story.events[story.start..]
        .last()
        .and_then(|e| e.location.clone());
    let amount = match matches!(cue.family, "pledge" | "aid")
        .then(|| amount_after(ctx.money(si), cue.end))
        .flatten()
    {
        Some(Sum::Measured) => return None,
        Some(Sum::Committed(amount, currency)) => Some((amount, currency)),
        None => None,
    };
    Some(Event {
        sentence: si,
        start: cue_start,
        end: cue_end,
        event_type: cue.event_type,
        subtype: cue.subtype,
        cameo: cue.cameo,
        actors,
        source_actor,
        target_actor,
        date: resolved,
        date_span: date.map(|d| (s.start + d.start, s.start + d.end)),
        // Unsaid, the place is where the story has been so far.
        location: location.or(story_place),
        n_mentions: 1,
        amount,
        refers_back: site.back,
    })
}

/// The participants of a cue's event, `None` when the cue is no event: nobody named, a bare
/// meeting noun among countries only, or support in words with no person to voice it.
fn cue_participants(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    story: &Story,
    site: &Site,
) -> Option<Participants> {
    let (si, cue) = (site.sentence, site.cue);
    let s = &ctx.sentences[si];
    let sentence = &ctx.text[s.start..s.end];
    let (cue_start, cue_end) = (s.start + cue.start, s.start + cue.end);
    let near = |m: &&crate::actors::Mention| {
        m.end + CLAUSE_REACH >= cue_start && m.start <= cue_end + CLAUSE_REACH
    };
    let mentions: Vec<_> = found.in_sentence(si).iter().filter(near).collect();
    let mut found_here = participants(
        ctx,
        found,
        words,
        mentions
            .iter()
            .filter(|m| m.start >= site.dateline_end)
            .copied(),
        (cue_start, cue_end),
    );
    // A bare meeting noun ("la réunion", "une tournée") with only countries around it
    // is too vague to be an event; with a person (named, or an official: "le ministre
    // kazakh") or an organisation it is one.
    let bare_noun = cue.nominal && !sentence[cue.start..cue.end].contains(char::is_whitespace);
    let someone = mentions.iter().any(|m| m.official);
    let vague = bare_noun
        && !someone
        && cue.event_type == "CONSULT"
        && found_here.actors.iter().all(|a| is_country_id(a));
    // "Soutenir" and "appuyer" also mean propping up an economy or a candidacy: such
    // cues need a person among their actors.
    let unvoiced = cue.needs_person
        && !mentions
            .iter()
            .any(|m| found.actors[m.actor].kind == Kind::Person);
    // "A communiqué was signed", "the two sides signed…": with nobody
    // named, or the parties named together, a text is signed by the parties to the
    // meeting being told.
    let signed_by_parties = cue.subtype == "signing"
        && (found_here.actors.is_empty() || collective_subject(words, &sentence[..cue.start]));
    if signed_by_parties {
        let meeting = recent(&story.events, story.start)
            .iter()
            .rev()
            .find(|e| e.event_type == "CONSULT");
        for a in meeting.map(|e| e.actors.clone()).unwrap_or_default() {
            if !found_here.actors.contains(&a) {
                found_here.actors.push(a);
            }
        }
    }
    // A noun pointing back needs no one named: it is one more mention of what was told.
    let told = site.back
        && recent(&story.events, 0)
            .iter()
            .any(|e| e.event_type == cue.event_type);
    let no_one = found_here.actors.is_empty() || vague || unvoiced;
    (told || !no_one).then_some(found_here)
}

/// The date of a cue's event: a day ("mardi", "le 20 mai") before a month or a year, then the
/// nearest, within the cue's clause and not inside words it reports ("said the troops would
/// leave on Friday").
fn governing_date<'a>(dates: &'a [DateMatch], sentence: &str, cue: &Cue) -> Option<&'a DateMatch> {
    dates
        .iter()
        .map(|d| (d, d.start.abs_diff(cue.start).min(d.end.abs_diff(cue.end))))
        .filter(|&(_, distance)| distance <= CLAUSE_REACH)
        .filter(|(d, _)| {
            d.end <= cue.start
                || !crate::text::reports_speech(&sentence[cue.end..d.start.max(cue.end)])
        })
        .min_by_key(|&(d, distance)| (!d.expr.is_day(), distance))
        .map(|(d, _)| d)
}

/// Who takes part in the event of a cue at `cue` (bytes), from the mentions of its clause: the
/// actors, the first named before and after the cue, and the place it happened.
struct Participants {
    actors: Vec<String>,
    before: Option<String>,
    after: Option<String>,
    location: Option<String>,
}

fn participants<'a>(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    mentions: impl Iterator<Item = &'a crate::actors::Mention>,
    (cue_start, cue_end): (usize, usize),
) -> Participants {
    let mut actors: Vec<String> = Vec::new();
    let mut before: Option<String> = None;
    let mut after: Option<String> = None;
    let mut location: Option<((bool, usize), String)> = None;
    for m in mentions {
        let actor = &found.actors[m.actor];
        let id = if actor.kind == Kind::Place {
            if preceded_by_locative(ctx.text, m.start) {
                // A city or capital beats a region; then the nearest.
                let rank = (actor.country.is_none(), m.start.abs_diff(cue_start));
                if location.as_ref().is_none_or(|(r, _)| rank < *r) {
                    location = Some((rank, actor.id.clone()));
                }
                continue;
            }
            if actor.country.is_none() {
                // "$5 million for the Fergana Valley": a region that benefits takes part.
                if words
                    .iter()
                    .any(|w| crate::text::preceded_by(ctx.text, m.start, w.beneficiary))
                    && !actors.contains(&actor.id)
                {
                    actors.push(actor.id.clone());
                }
                continue;
            }
            // A capital standing for its government ("Washington soutient…").
            match found.country_of(m.actor) {
                Some(c) => c.to_string(),
                None => continue,
            }
        } else {
            // "reçu à la Maison Blanche": the body is a participant, its seat the place.
            if let Some(seat) = actor
                .seat
                .as_ref()
                .filter(|_| preceded_by_locative(ctx.text, m.start))
            {
                let rank = (false, m.start.abs_diff(cue_start));
                if location.as_ref().is_none_or(|(r, _)| rank < *r) {
                    location = Some((rank, seat.clone()));
                }
            }
            actor.id.clone()
        };
        if m.end <= cue_start && before.is_none() {
            before = Some(id.clone());
        } else if m.start >= cue_end && after.is_none() && Some(&id) != before.as_ref() {
            after = Some(id.clone());
        }
        if !actors.contains(&id) {
            actors.push(id);
        }
        // The body a person acts for ("JICA President Akihiko Tanaka").
        if let Some(body) = &actor.affiliation {
            if !actors.contains(body) {
                actors.push(body.clone());
            }
        }
        // The country a person's office or a national body implies (Blinken → USA).
        if matches!(actor.kind, Kind::Person | Kind::Organization) {
            if let Some(country) = found.country_of(m.actor) {
                if !actors.iter().any(|a| a == country) {
                    actors.push(country.to_string());
                }
            }
        }
    }
    Participants {
        actors,
        before,
        after,
        location: location.map(|(_, id)| id),
    }
}

/// The same happening mentioned again (a headline, a bullet summary, a later paragraph): same
/// type and kind of happening (a reception, a visit and talks between the same people are one
/// bilateral meeting), one set of named participants within the other (or, where only countries
/// are named, a country in common), and no conflicting days — except for happenings that last
/// several days (exercises, summits), whose start and end may both be reported.
fn add_or_merge(all: &mut Vec<Event>, regions: &[&str], new: Event) {
    let from = all.len().saturating_sub(MERGE_WINDOW);
    let events = &mut all[from..];
    // Persons and organisations; countries and regions are too broad to tell events apart.
    let named = |e: &Event| {
        e.actors
            .iter()
            .filter(|a| !is_country_id(a) && !regions.contains(&a.as_str()))
            .cloned()
            .collect::<Vec<_>>()
    };
    let nested = |a: &[String], b: &[String]| {
        a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
    };
    let overlap = |a: &[String], b: &[String]| a.iter().any(|x| b.contains(x));
    let days_agree = |e: &Event| {
        lasts_days(e.subtype) || e.date.is_none() || new.date.is_none() || e.date == new.date
    };
    let amounts_agree =
        |e: &Event| e.amount.is_none() || new.amount.is_none() || e.amount == new.amount;
    // "The meeting focused on water…": the latest happening of that type, whoever is named.
    let told = new.refers_back.then(|| {
        events
            .iter()
            .rposition(|e| e.event_type == new.event_type && days_agree(e) && amounts_agree(e))
    });
    let same = match told.flatten() {
        Some(i) => events.get_mut(i),
        None => events.iter_mut().find(|e| {
            // Two cues of one type in one sentence describe one happening ("an extraordinary
            // session by videoconference").
            if e.event_type == new.event_type && e.sentence == new.sentence && amounts_agree(e) {
                return true;
            }
            let (named_e, named_new) = (named(e), named(&new));
            let same_kind = kind_of(e.subtype) == kind_of(new.subtype);
            let participants_agree = if named_e.is_empty()
                || named_new.is_empty()
                || (same_kind && lasts_days(e.subtype))
            {
                overlap(&e.actors, &new.actors)
            } else {
                nested(&named_e, &named_new)
            };
            e.event_type == new.event_type
                && (same_kind || hosts(e.subtype, new.subtype))
                && participants_agree
                && days_agree(e)
                && amounts_agree(e)
        }),
    };
    match same {
        Some(e) => {
            e.n_mentions += 1;
            // "met in Astana for a summit": the conference names what the meeting was.
            if e.sentence == new.sentence
                && new.subtype == "multilateral"
                && matches!(e.subtype, "meeting" | "talks")
            {
                e.subtype = new.subtype;
                e.cameo = new.cameo;
            }
            for a in new.actors {
                if !e.actors.contains(&a) {
                    e.actors.push(a);
                }
            }
            e.date = e.date.or(new.date);
            e.date_span = e.date_span.or(new.date_span);
            e.location = e.location.take().or(new.location);
            e.source_actor = e.source_actor.take().or(new.source_actor);
            e.target_actor = e.target_actor.take().or(new.target_actor);
            e.amount = e.amount.or(new.amount);
        }
        None => all.push(new),
    }
}

/// Subtypes that name one kind of happening seen from different sides.
fn kind_of(subtype: &str) -> &str {
    match subtype {
        "meeting" | "talks" | "host" | "visit" | "phone" => "bilateral",
        other => other,
    }
}

/// A host receives one guest or a whole conference ("the forum Kazakhstan hosted").
fn hosts(a: &str, b: &str) -> bool {
    matches!((a, b), ("host", "multilateral") | ("multilateral", "host"))
}

fn lasts_days(subtype: &str) -> bool {
    matches!(subtype, "exercise" | "deployment" | "multilateral")
}

/// How an event noun points back to a happening already told.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reference {
    /// "the talks", "a meeting", or a verb: the sentence may tell something new.
    None,
    /// "The meeting focused on water…": the sentence goes on about it.
    Subject,
    /// "After the summit, …", "lors de la réunion": it only dates what the sentence tells.
    Circumstance,
}

/// "the meeting", "cette réunion", but not "the meeting with…", "the first summit".
fn reference(words: &[&Discourse], sentence: &str, start: usize, end: usize) -> Reference {
    let before = crate::text::lowercase_tail(sentence, start, 40);
    let definite = all(words, |w| w.definite).find(|d| {
        before.ends_with(*d)
            && before[..before.len() - d.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    let next_word = sentence[end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase();
    let Some(determiner) = definite else {
        return Reference::None;
    };
    if all(words, |w| w.introducing).any(|w| w == next_word) {
        return Reference::None;
    }
    let preceding = before[..before.len() - determiner.len()]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if all(words, |w| w.circumstantial).any(|w| w == preceding) {
        Reference::Circumstance
    } else {
        Reference::Subject
    }
}

/// True when one of the first words after a declaration of intent is vague.
fn vague_after(words: &[&Discourse], sentence: &str, end: usize) -> bool {
    sentence[end..]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(4)
        .any(|w| {
            let w = w.to_lowercase();
            all(words, |d| d.vague).any(|v| v == w)
        })
}

/// What the first amount after a pledge or aid cue in its clause says, when there is one.
enum Sum {
    Committed(f64, &'static str),
    /// "supplied gas at a price of $120": a measurement, not money someone commits.
    Measured,
}

/// What the first amount after a cue, within its reach, is.
fn amount_after(money: &SentenceMoney, cue_end: usize) -> Option<Sum> {
    let i = money
        .amounts
        .iter()
        .position(|m| m.start >= cue_end && m.start <= cue_end + CLAUSE_REACH)?;
    let m = &money.amounts[i];
    Some(match money.classes.get(i) {
        Some(c) if c.is_statistic => Sum::Measured,
        _ => Sum::Committed(m.amount, m.currency),
    })
}

/// Country actor ids are ISO 3166 alpha-3 codes; every other id is lowercase snake case.
fn is_country_id(id: &str) -> bool {
    id.len() == 3 && id.chars().all(|c| c.is_ascii_uppercase())
}
