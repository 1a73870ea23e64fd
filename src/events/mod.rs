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
use crate::text::FoldedSpan;
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
    /// The day was said of this mention, not taken from the happening it is set at.
    pub date_said: bool,
    pub date_span: Option<(usize, usize)>,
    pub location: Option<String>,
    pub n_mentions: u32,
    /// The amount a pledge or aid cue announces, in the currency's units: two announcements of
    /// different amounts are two events.
    pub amount: Option<(f64, &'static str)>,
    /// A definite noun ("the meeting", "cette réunion") that names a happening already told.
    pub refers_back: bool,
    /// A tour ("une tournée en Asie centrale"): its stops are happenings of their own.
    pub tour: bool,
    /// Planned, not (yet) happened: "la visite prévue en avril", "plans to visit".
    pub planned: bool,
    /// The place was said of this mention, not carried over from the story: two mentions with
    /// different places said are two happenings.
    pub place_said: bool,
    /// Told aside, in a relative clause in the pluperfect ("Kobakhidze, who had met Chinese
    /// officials in Beijing a year earlier, …"): an earlier happening, which neither takes the
    /// sentence's day nor moves the story to its place.
    pub aside: bool,
    /// Dated in a year before the story's ("At TICAD 8 in Tunis in 2022, …"): an earlier
    /// happening, which takes no place from the story nor moves it to its own.
    pub earlier: bool,
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

/// "Bichkek a accueilli…", "Astana hosted…": a hosting verb right after the place.
fn hosts_here(words: &[&Discourse], text: &str, end: usize) -> bool {
    // The verb stands within a few words: reading further would cost the rest of the document.
    let mut to = (end + 64).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let after = text[end..to].trim_start().to_lowercase();
    all(words, |w| w.hosting)
        .any(|h| after.starts_with(h) && !after[h.len()..].starts_with(char::is_alphanumeric))
}

fn preceded_by_locative(words: &[&Discourse], text: &str, start: usize) -> bool {
    let before = crate::text::lowercase_tail(text, start, 48);
    // "dans la capitale ouzbèke Tachkent", "in the Kazakh capital, Astana", "dans la ville de
    // Samarcande", "travelled to the Caspian port of Turkmenbashi": a locative, then the kind
    // of place, then its name.
    static APPOSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|\W)(?:à|a|au|dans|en|in|at|near|to)\s+(?:la\s+|le\s+|l['’]|the\s+)?(?:\w+\s+)?(?:capitale|ville|cité|city|capital|port)(?:\s+\w+)?(?:\s+(?:de|d['’]|of))?,?$",
        )
        .expect("locative apposition pattern compiles")
    });
    APPOSED.is_match(&before)
        || words
            .iter()
            .any(|w| crate::text::tail_ends_with(&before, w.locative))
}

/// What the reading of a document carries from one sentence to the next.
struct Story<'r> {
    events: Vec<Event>,
    /// The day of the latest dated event ("le même jour", "later that day").
    previous_date: Option<NaiveDate>,
    /// The latest event told, and the sentence it was told in.
    latest: Option<(usize, usize)>,
    /// Where the current story's events begin: a numbered or bulleted item of a digest starts
    /// a story of its own, with its own place and meeting.
    start: usize,
    /// The document's places, and those without a country (regions, seas).
    places: Places<'r>,
    /// The day relative dates count from: the publication date, else the first full date the
    /// text gives ("…, a annoncé son service de presse le 14 février 2023").
    reference: Option<NaiveDate>,
    /// The place of the dateline ("BISHKEK, May 3 (Reuters) -"): the venue of the lead events.
    dateline_place: Option<String>,
    /// Where the story has been so far: the place of the latest event told anew or with a place
    /// said, unless it was only planned.
    place: Option<String>,
    /// The day a sentence that told no happening set its scene at ("Speaking in Almaty on 12
    /// November 2024, the Foreign Secretary said…"), and that sentence.
    scene_day: Option<(usize, NaiveDate)>,
}

impl Story<'_> {
    /// Records the mention of event `i` in sentence `sentence`; `anew` when it was created, or
    /// its place was said.
    fn told(&mut self, i: usize, sentence: usize, anew: bool) {
        let e = &self.events[i];
        self.latest = (!e.aside).then_some((i, sentence)).or(self.latest);
        if anew && !e.planned && !e.aside && !e.earlier && e.location.is_some() {
            self.place = e.location.clone();
        }
    }
}

/// The first full date of the document (day, month and year), for a text without a
/// publication date.
fn first_full_date(ctx: &DocContext) -> Option<NaiveDate> {
    ctx.sentences
        .iter()
        .filter(|s| !s.boilerplate)
        .find_map(|s| {
            find_dates(&ctx.text[s.start..s.end], ctx.lang)
                .into_iter()
                .find_map(|d| match d.expr {
                    crate::dates::DateExpr::Full(day) => Some(day),
                    _ => None,
                })
        })
}

/// Every event of the document, repeated mentions of one happening merged.
pub fn extract(ctx: &DocContext, found: &DocActors) -> Vec<Event> {
    let words = discourse(ctx.lang);
    let mut story = Story {
        events: Vec::new(),
        previous_date: None,
        latest: None,
        reference: ctx.doc.published.or_else(|| first_full_date(ctx)),
        dateline_place: None,
        place: None,
        scene_day: None,
        start: 0,
        places: Places {
            all: found
                .actors
                .iter()
                .filter(|a| a.kind == Kind::Place)
                .map(|a| a.id.as_str())
                .collect(),
            regions: found
                .actors
                .iter()
                .filter(|a| a.kind == Kind::Place && a.country.is_none())
                .map(|a| a.id.as_str())
                .collect(),
        },
    };
    for (si, s) in ctx.sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        if opens_list_item(&ctx.text[s.start..s.end]) {
            story.start = story.events.len();
            story.place = None;
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
    /// End (bytes, in the text) of the sentence's dateline, its start when it has none.
    dateline_end: usize,
    /// The happening already told that the sentence sets its words at ("lors de la réunion",
    /// "in the presence of the two leaders"): its day and place are theirs unless they say
    /// their own.
    anchor: Option<usize>,
    /// The subject of the cue's clause when the cue is a verb (bytes in the sentence).
    subject: Option<(usize, usize)>,
    /// The span of the cue's clause when it tells an earlier happening aside (bytes in the
    /// sentence): see [`Event::aside`].
    aside: Option<(usize, usize)>,
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
    // "TASHKENT (Reuters) -": where the story was filed and who filed it take no part, but the
    // place is the venue of the lead events.
    let dateline_end = s.start + crate::clauses::dateline_len(sentence);
    if story.dateline_place.is_none() && dateline_end > s.start {
        story.dateline_place = found
            .in_sentence(si)
            .iter()
            .filter(|m| m.end <= dateline_end && found.actors[m.actor].kind == Kind::Place)
            .find(|m| found.actors[m.actor].country.is_some())
            .map(|m| found.actors[m.actor].id.clone());
    }
    let cues = find_cues(&ctx.sentence(si), ctx.lang);
    let told = tell_cues(ctx, found, words, story, (si, dateline_end), &cues);
    // "Li then flew to Yerevan.", "Speaking in Almaty, the minister said…": a sentence that
    // tells no happening may still say where the story now is.
    if !told {
        if let Some(place) = scene_place(ctx, found, words, si, dateline_end) {
            story.place = Some(place);
        }
        if let Some(day) = scene_day(ctx, story, si, dateline_end) {
            story.scene_day = Some((si, day));
        }
    }
}

/// The day the circumstance opening sentence `si` sets it at ("Speaking in Almaty on 12
/// November 2024, …", "Mardi, à Astana, …"), resolved against the story's reference day.
fn scene_day(ctx: &DocContext, story: &Story, si: usize, dateline_end: usize) -> Option<NaiveDate> {
    let s = &ctx.sentences[si];
    let from = dateline_end.clamp(s.start, s.end);
    let rest = &ctx.text[from..s.end];
    let opening = &rest[..rest.find(", ")?];
    find_dates(opening, ctx.lang)
        .iter()
        .find_map(|d| d.expr.resolve(story.reference, story.previous_date))
}

/// The place a sentence sets the story at: a city its opening circumstance puts someone in, or
/// that it sends someone to ("Speaking in Almaty, …", "flew to Yerevan", "a gagné Och"); none
/// for a sentence in the pluperfect ("Le format avait été esquissé à New York"), which tells of
/// earlier days.
fn scene_place(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    si: usize,
    dateline_end: usize,
) -> Option<String> {
    let s = &ctx.sentences[si];
    let pluperfect = &crate::clauses::words(ctx.lang).pluperfect;
    let earlier = ctx.text[s.start..s.end]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| pluperfect.contains(&w.to_lowercase()));
    if earlier {
        return None;
    }
    // A locative counts in the circumstance that opens the sentence ("Speaking in Almaty, …"),
    // not further ("…, après des échanges à New York").
    let opening_end = ctx.text[s.start..s.end]
        .find(", ")
        .map_or(s.end, |at| s.start + at);
    found
        .in_sentence(si)
        .iter()
        .filter(|m| m.start >= dateline_end)
        .filter(|m| {
            let actor = &found.actors[m.actor];
            actor.kind == Kind::Place && actor.country.is_some()
        })
        .find(|m| {
            let opening = m.start < opening_end;
            (opening && preceded_by_locative(words, ctx.text, m.start))
                || words
                    .iter()
                    .any(|w| crate::text::preceded_by(ctx.text, m.start, w.arriving))
        })
        .map(|m| found.actors[m.actor].id.clone())
}

/// Tells the events of the cues of sentence `si`; true when one was told (created or merged).
/// The circumstances ("at the summit held on September 25 in Baku", "lors de la réunion") go
/// first: what the sentence tells is set at the happening they name.
fn tell_cues(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    story: &mut Story,
    (si, dateline_end): (usize, usize),
    cues: &[Cue],
) -> bool {
    if cues.is_empty() {
        return false;
    }
    let s = &ctx.sentences[si];
    let sentence = &ctx.text[s.start..s.end];
    let counted = counted_cues(words, sentence, cues);
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
    let verbs = verb_spans(cues);
    let clauses = crate::clauses::read(sentence, ctx.lang, &verbs, &[]);
    // Read only once a cue of the sentence turns out to be an event.
    let mut dates: Option<Vec<DateMatch>> = None;
    let mut told = false;
    let circumstances_first = [true, false].into_iter().flat_map(|first| {
        counted
            .iter()
            .filter(move |(_, r)| (*r == Reference::Circumstance) == first)
    });
    // The happening the sentence's circumstance names, once told: what the rest of the
    // sentence tells is set at it (read once, after the circumstances).
    let mut named: Option<usize> = None;
    let mut set_at: Option<Option<usize>> = None;
    let asides: Vec<(usize, usize)> = clauses
        .iter()
        .filter_map(|c| aside_span(ctx.lang, sentence, c))
        .collect();
    // "Negotiations continue on a $500 million climate fund": what is still being negotiated
    // is neither pledged nor given.
    let negotiating = counted.iter().any(|&(c, _)| ongoing(words, sentence, c));
    for &(cue, r) in circumstances_first {
        if (r == Reference::Circumstance && tells_anew(cue.event_type))
            || (cue.referring_only && r == Reference::None)
            || called_off(words, sentence, cue)
            || ongoing(words, sentence, cue)
            || (negotiating && matches!(cue.family, "pledge" | "aid"))
        {
            continue;
        }
        let anchor = if r == Reference::Circumstance {
            anchor_of(words, sentence, &counted, story)
        } else {
            *set_at.get_or_insert_with(|| {
                named.or_else(|| anchor_of(words, sentence, &counted, story))
            })
        };
        let clause = clauses.iter().find(|c| c.verb == (cue.start, cue.end));
        let aside = asides
            .iter()
            .copied()
            .find(|&(from, to)| cue.start >= from && cue.end <= to);
        let site = Site {
            sentence: si,
            cue,
            back: r != Reference::None || told_of(cue.event_type),
            dateline_end,
            anchor,
            subject: clause.and_then(|c| c.subject),
            aside,
        };
        if let Some(event) = cue_event(ctx, found, words, story, &site, &mut dates) {
            let (n, said) = (story.events.len(), event.place_said);
            if let Some(i) = add_or_merge(&mut story.events, &story.places, event) {
                story.told(i, si, i == n || said);
                told = true;
                if r == Reference::Circumstance {
                    named = Some(i);
                }
            }
        }
    }
    told
}

/// "…, who had met Chinese officials at a forum in Beijing a year earlier, …": a relative clause
/// in the pluperfect tells an earlier happening aside, up to the comma that closes it; its span
/// (bytes in the sentence), for the cues inside it, verbs and nouns alike.
fn aside_span(
    lang: crate::Lang,
    sentence: &str,
    clause: &crate::clauses::Clause,
) -> Option<(usize, usize)> {
    let pluperfect = &crate::clauses::words(lang).pluperfect;
    let in_pluperfect = sentence
        .get(clause.start..clause.verb.0)
        .is_some_and(|before| {
            before
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| pluperfect.contains(&w.to_lowercase()))
        });
    let closed = sentence
        .get(clause.verb.1..clause.end)?
        .find(", ")
        .map_or(clause.end, |at| clause.verb.1 + at);
    (clause.relative && in_pluperfect).then_some((clause.start, closed))
}

/// "Negotiations continue on a loan", "les négociations se poursuivent": talks still going on
/// tell no happening.
fn ongoing(words: &[&Discourse], sentence: &str, cue: &Cue) -> bool {
    if !cue.nominal {
        return false;
    }
    // The words right after the noun: a few dozen characters.
    let rest = sentence[cue.end..].trim_start();
    let near = rest
        .char_indices()
        .nth(40)
        .map_or(rest, |(i, _)| &rest[..i]);
    let after = near.to_lowercase();
    cue.nominal
        && all(words, |w| w.ongoing)
            .any(|o| after.starts_with(o) && !after[o.len()..].starts_with(char::is_alphanumeric))
}

/// The spans of the cues that are verbs, which the clause reader cuts a sentence by.
fn verb_spans(cues: &[Cue]) -> Vec<(usize, usize)> {
    cues.iter()
        .filter(|c| !c.nominal)
        .map(|c| (c.start, c.end))
        .collect()
}

/// The actor a pronoun or role phrase subject stands for ("Il a salué…", "Le chancelier a
/// reçu…"), named in an earlier sentence; `None` when the subject names someone itself.
fn antecedent<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    site: &Site,
) -> Option<&'f crate::actors::Mention> {
    let (ss, se) = site.subject?;
    let base = ctx.sentences[site.sentence].start;
    let named = found
        .in_sentence(site.sentence)
        .iter()
        .any(|m| m.start >= base + ss && m.start < base + se);
    if named {
        return None;
    }
    let verbs_of = |i: usize| verb_spans(&find_cues(&ctx.sentence(i), ctx.lang));
    crate::clauses::subject_actor(ctx, found, site.sentence, (ss, se), &verbs_of)
}

/// The event a sentence is set at: the happening a circumstance names ("lors de la réunion"),
/// else, after an anchoring phrase ("dans son discours", "in the presence of"), the latest
/// meeting told.
fn anchor_of(
    words: &[&Discourse],
    sentence: &str,
    counted: &[(&Cue, Reference)],
    story: &Story,
) -> Option<usize> {
    let from = story
        .events
        .len()
        .saturating_sub(MERGE_WINDOW)
        .max(story.start);
    if let Some(&(cue, _)) = counted.iter().find(|(_, r)| *r == Reference::Circumstance) {
        return (from..story.events.len())
            .rev()
            .find(|&i| story.events[i].event_type == cue.event_type);
    }
    // A speech, a signing "in the presence of…": at the latest meeting told.
    let lower = sentence.to_lowercase();
    all(words, |w| w.anchoring)
        .any(|a| crate::text::contains_phrase(&lower, a))
        .then(|| {
            (from..story.events.len())
                .rev()
                .find(|&i| story.events[i].event_type == "CONSULT")
        })
        .flatten()
}

/// How far after an event noun (characters) the words that call it off may stand: the noun's
/// complements and a participle ("une visite du président à Pékin, prévue en mai, a été annulée").
const CALLED_OFF_REACH: usize = 100;

/// "La visite, prévue en mai, a été annulée": a happening called off in the words after it.
fn called_off(words: &[&Discourse], sentence: &str, cue: &Cue) -> bool {
    cue.nominal && said_after(words, sentence, cue, |w| w.called_off)
}

/// True when a phrase of `list` stands in the words after `cue`, within [`CALLED_OFF_REACH`].
fn said_after(
    words: &[&Discourse],
    sentence: &str,
    cue: &Cue,
    list: fn(&Discourse) -> &'static [&'static str],
) -> bool {
    let after = &sentence[cue.end..];
    let near = after
        .char_indices()
        .nth(CALLED_OFF_REACH)
        .map_or(after, |(i, _)| &after[..i])
        .to_lowercase();
    all(words, list).any(|c| crate::text::contains_phrase(&near, c))
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
    let (
        Participants {
            actors,
            before,
            after,
            location,
        },
        meeting,
    ) = cue_participants(ctx, found, words, story, site)?;
    let (source_actor, target_actor) = match cue.subject_role {
        SubjectRole::Recipient | SubjectRole::Visitor if cue.subtype == "host" => (after, before),
        SubjectRole::Recipient => (after, before),
        _ => (before, after),
    };
    let anchor = anchor_event(ctx, found, story, site, meeting);
    let (anchor_date, anchor_place) = anchor.map_or((None, None), |e| (e.date, e.location.clone()));
    let (said, date_span) = event_day(ctx, words, story, site, dates);
    let date = said
        .or(anchor_date)
        .or_else(|| continued_scene(ctx, found, story, site));
    if date.is_some() && site.aside.is_none() {
        story.previous_date = date;
    }
    let aside = site.aside.is_some();
    let earlier = of_earlier_year(story, date_span, dates.as_deref(), s.start);
    let place_said = location.is_some();
    let location = venue(story, location, anchor_place, aside || earlier);
    let mut actors = actors;
    if cue.subtype == "visit" {
        add_host(found, location.as_deref(), &mut actors);
    }
    let amount = match matches!(cue.family, "pledge" | "aid")
        .then(|| amount_after(ctx.money(si), (cue.start, cue.end)))
        .flatten()
    {
        Some(Sum::Uncommitted) => return None,
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
        date,
        date_said: said.is_some(),
        tour: all(words, |w| w.tours)
            .any(|t| sentence[cue.start..cue.end].to_lowercase().contains(t)),
        planned: cue.mood == Mood::Intent
            || (cue.nominal && said_after(words, sentence, cue, |w| w.planned_after)),
        date_span,
        place_said,
        location,
        aside,
        earlier,
        n_mentions: 1,
        amount,
        // "Les parties ont discuté…": the parties of the meeting told, at that meeting.
        refers_back: site.back || (meeting.is_some() && cue.event_type == "CONSULT"),
    })
}

/// "Le président a eu mardi un entretien téléphonique avec Li Qiang. Li a noté que la partie
/// chinoise allouera un crédit…": a pledge or plan reported from someone who took part in the
/// happening told in the sentence before was voiced there, on its day.
fn said_at_latest(
    ctx: &DocContext,
    found: &DocActors,
    story: &Story,
    site: &Site,
) -> Option<usize> {
    let (i, told_in) = story.latest?;
    let cue = site.cue;
    if cue.event_type != "AGREE" || told_in + 1 < site.sentence {
        return None;
    }
    let s = &ctx.sentences[site.sentence];
    let speaker = found
        .in_sentence(site.sentence)
        .iter()
        .filter(|m| m.end <= s.start + cue.start)
        .find(|m| found.actors[m.actor].kind == Kind::Person)?;
    let took_part = story.events[i]
        .actors
        .contains(&found.actors[speaker.actor].id);
    // The reporting verb stands between the speaker and the cue.
    (took_part && crate::text::reports_speech(ctx.folded.between(speaker.end, s.start + cue.start)))
        .then_some(i)
}

/// "Speaking in Almaty on 12 November 2024, the Foreign Secretary said… He met…": a clause
/// whose subject names nobody, right after a sentence that set its scene on a day, is on that
/// day.
fn continued_scene(
    ctx: &DocContext,
    found: &DocActors,
    story: &Story,
    site: &Site,
) -> Option<NaiveDate> {
    let (set_in, day) = story.scene_day?;
    (set_in + 1 == site.sentence && site.aside.is_none() && names_nobody(ctx, found, site))
        .then_some(day)
}

/// True when the cue's clause has a subject and it names no actor (a pronoun, a role phrase,
/// a noun pointing back).
fn names_nobody(ctx: &DocContext, found: &DocActors, site: &Site) -> bool {
    let Some((ss, se)) = site.subject else {
        return false;
    };
    let base = ctx.sentences[site.sentence].start;
    !found
        .in_sentence(site.sentence)
        .iter()
        .any(|m| m.start >= base + ss && m.start < base + se)
}

/// "…qui s'est rendu à Riyad le 12 mars 2024. Il y a été reçu par le prince héritier…",
/// "…ont signé l'accord. L'accord a été signé par le vice-ministre…": a clause whose subject
/// names nobody (a pronoun, a role phrase, a noun pointing back), right after the sentence that
/// told a dated happening, goes on telling that occasion.
fn continued(ctx: &DocContext, found: &DocActors, story: &Story, site: &Site) -> Option<usize> {
    let (i, told_in) = story.latest?;
    let e = story.events.get(i)?;
    if told_in + 1 != site.sentence || e.date.is_none() || e.planned {
        return None;
    }
    names_nobody(ctx, found, site).then_some(i)
}

/// The day of a cue's event and the span that says it: its governing date (not the
/// dateline's), resolved against the story's reference day, else "la veille" / "the next day"
/// before the cue, counted from the latest dated happening.
fn event_day(
    ctx: &DocContext,
    words: &[&Discourse],
    story: &Story,
    site: &Site,
    dates: &mut Option<Vec<DateMatch>>,
) -> (Option<NaiveDate>, Option<(usize, usize)>) {
    let s = &ctx.sentences[site.sentence];
    let sentence = &ctx.text[s.start..s.end];
    let dateline = site.dateline_end - s.start;
    let dates = dates.get_or_insert_with(|| find_dates(sentence, ctx.lang));
    // Told aside, only the dates of its own clause.
    let (from, to) = site.aside.unwrap_or((dateline, sentence.len()));
    let body: Vec<DateMatch> = dates
        .iter()
        .filter(|d| d.start >= dateline.max(from) && d.end <= to)
        .cloned()
        .collect();
    if let Some(d) = governing_date(&body, ctx.folded.span(s.start, s.end), site.cue) {
        let expr = if site.cue.mood == Mood::Intent && site.cue.subtype == "intent" {
            ahead(&d.expr, story.reference)
        } else {
            d.expr.clone()
        };
        let day = expr.resolve(story.reference, story.previous_date);
        return (day, Some((s.start + d.start, s.start + d.end)));
    }
    if site.aside.is_some() {
        return (None, None);
    }
    let before = sentence[..site.cue.start].to_lowercase();
    let shift = |list: fn(&Discourse) -> &'static [&'static str], days: i64| {
        all(words, list)
            .find_map(|p| before.find(p).map(|at| (at, p.len())))
            .map(|(at, len)| (days, at, len))
    };
    let Some((days, at, len)) = shift(|w| w.day_before, -1).or_else(|| shift(|w| w.day_after, 1))
    else {
        return (None, None);
    };
    let day = story
        .previous_date
        .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
    // The lowercase copy has the same byte offsets as long as case changes keep lengths.
    let span = (before.len() == site.cue.start).then_some((s.start + at, s.start + at + len));
    (day, span)
}

/// "Les deux parties ont signé": the happening a cue's event is set at — the one its sentence
/// names, the meeting of its parties, the one its speaker or its subject goes on telling. Told
/// aside, an earlier happening has only the day and place its clause says.
fn anchor_event<'s>(
    ctx: &DocContext,
    found: &DocActors,
    story: &'s Story,
    site: &Site,
    meeting: Option<usize>,
) -> Option<&'s Event> {
    site.anchor
        .or(meeting)
        .or_else(|| said_at_latest(ctx, found, story, site))
        .or_else(|| continued(ctx, found, story, site))
        .filter(|_| site.aside.is_none())
        .and_then(|i| story.events.get(i))
}

/// The venue of an event: the place said, else its anchor's, else where the story has been so
/// far (not for a happening `set_apart`: told aside or of an earlier year); a region said yields
/// to a city so carried ("une tournée en Asie centrale" told in Bichkek, "for water meters in
/// the Fergana Valley" on the sidelines of a summit in Dushanbe).
fn venue(
    story: &Story,
    said: Option<String>,
    anchor_place: Option<String>,
    set_apart: bool,
) -> Option<String> {
    let carried = anchor_place.or_else(|| {
        (!set_apart)
            .then(|| story.place.clone().or_else(|| story.dateline_place.clone()))
            .flatten()
    });
    let is_region = |p: &String| story.places.regions.contains(&p.as_str());
    match said {
        Some(region) if is_region(&region) => {
            Some(carried.filter(|c| !is_region(c)).unwrap_or(region))
        }
        Some(said) => Some(said),
        None => carried,
    }
}

/// A visit is paid to the country of its venue, which takes part as the host.
fn add_host(found: &DocActors, venue: Option<&str>, actors: &mut Vec<String>) {
    let host = venue.and_then(|p| {
        found
            .actors
            .iter()
            .find(|a| a.id == p && a.kind == Kind::Place)
            .and_then(|a| a.country.as_deref())
    });
    if let Some(host) = host.filter(|h| !actors.iter().any(|a| a == h)) {
        actors.push(host.to_string());
    }
}

/// True when the date said at `span` (bytes in the text; the sentence starts at `base`) falls
/// in a year before the story's reference day: "in 2022", "en janvier 2023".
fn of_earlier_year(
    story: &Story,
    span: Option<(usize, usize)>,
    dates: Option<&[DateMatch]>,
    base: usize,
) -> bool {
    use chrono::Datelike;
    let (Some((start, _)), Some(dates), Some(reference)) = (span, dates, story.reference) else {
        return false;
    };
    dates
        .iter()
        .find(|d| base + d.start == start)
        .and_then(|d| d.expr.resolve_start(story.reference, story.previous_date))
        .is_some_and(|first| first.year() < reference.year())
}

/// "se rendra jeudi à Noukous", "is expected to be received on Friday": the weekday of a plan
/// is the coming one (the day itself when it is the reference day), not the last one.
fn ahead(expr: &crate::dates::DateExpr, reference: Option<NaiveDate>) -> crate::dates::DateExpr {
    use crate::dates::DateExpr;
    use chrono::Datelike;
    match expr {
        DateExpr::Weekday {
            weekday,
            strictly_before: false,
            next: false,
        } if reference.is_none_or(|r| r.weekday() != *weekday) => DateExpr::Weekday {
            weekday: *weekday,
            strictly_before: false,
            next: true,
        },
        other => other.clone(),
    }
}

/// The participants of a cue's event, `None` when the cue is no event: nobody named, a bare
/// meeting noun among countries only, or support in words with no person to voice it.
fn cue_participants(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    story: &Story,
    site: &Site,
) -> Option<(Participants, Option<usize>)> {
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
        matches!(cue.family, "pledge" | "aid"),
    );
    // "Il a salué…": the subject named before is the source.
    if let Some(m) = antecedent(ctx, found, site) {
        let actor = &found.actors[m.actor];
        let implied = found
            .country_of(m.actor)
            .filter(|_| actor.kind != Kind::Country);
        for id in [Some(actor.id.as_str()), implied]
            .into_iter()
            .flatten()
            .rev()
        {
            if !found_here.actors.iter().any(|a| a == id) {
                found_here.actors.insert(0, id.to_string());
            }
        }
        found_here.before = Some(actor.id.clone());
    }
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
    // "A communiqué was signed", "the two sides signed…", "les deux présidents ont discuté":
    // with nobody named to sign, or the parties named together, the actors are the parties to
    // the meeting being told.
    let by_parties = if cue.subtype == "signing" {
        found_here.actors.is_empty() || collective_subject(words, &sentence[..cue.start])
    } else {
        // Other cues only with the parties as their subject, not "told the ministers…".
        crate::clauses::read(sentence, ctx.lang, &[(cue.start, cue.end)], &[])
            .first()
            .and_then(|c| c.subject)
            .is_some_and(|(ss, se)| collective_subject(words, &sentence[ss..se]))
    };
    let from = story
        .events
        .len()
        .saturating_sub(MERGE_WINDOW)
        .max(story.start);
    let meeting = by_parties
        .then(|| {
            (from..story.events.len())
                .rev()
                .find(|&i| story.events[i].event_type == "CONSULT")
        })
        .flatten();
    for a in meeting
        .map(|i| story.events[i].actors.clone())
        .unwrap_or_default()
    {
        if !found_here.actors.contains(&a) {
            found_here.actors.push(a);
        }
    }
    // A noun pointing back needs no one named: it is one more mention of what was told.
    let told = site.back
        && recent(&story.events, 0)
            .iter()
            .any(|e| e.event_type == cue.event_type);
    let no_one = found_here.actors.is_empty() || vague || unvoiced;
    (told || !no_one).then_some((found_here, meeting))
}

/// The date of a cue's event: a day ("mardi", "le 20 mai") before a month or a year, then the
/// nearest, within the cue's clause and not inside words it reports ("said the troops would
/// leave on Friday").
fn governing_date<'a>(
    dates: &'a [DateMatch],
    sentence: FoldedSpan,
    cue: &Cue,
) -> Option<&'a DateMatch> {
    dates
        .iter()
        .map(|d| (d, d.start.abs_diff(cue.start).min(d.end.abs_diff(cue.end))))
        .filter(|&(_, distance)| distance <= CLAUSE_REACH)
        .filter(|(d, _)| {
            d.end <= cue.start
                || !crate::text::reports_speech(sentence.between(cue.end, d.start.max(cue.end)))
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
    giving: bool,
) -> Participants {
    let mut actors: Vec<String> = Vec::new();
    let mut sides: Vec<Side> = Vec::new();
    let mut location: Option<((bool, usize), String)> = None;
    for m in mentions {
        let actor = &found.actors[m.actor];
        let id = if actor.kind == Kind::Place {
            match place_part(ctx, found, words, m, (cue_start, cue_end), giving) {
                PlacePart::Venue => {
                    offer_venue(&mut location, actor, m.start.abs_diff(cue_start));
                    continue;
                }
                PlacePart::HostCountry(country) => {
                    offer_venue(&mut location, actor, m.start.abs_diff(cue_start));
                    country
                }
                PlacePart::Taking => {
                    if !actors.contains(&actor.id) {
                        actors.push(actor.id.clone());
                    }
                    continue;
                }
                PlacePart::Government(country) => country,
                PlacePart::Nothing => continue,
            }
        } else {
            // "reçu à la Maison Blanche": the body is a participant, its seat the place.
            if let Some(seat) = actor
                .seat
                .as_ref()
                .filter(|_| preceded_by_locative(words, ctx.text, m.start))
            {
                let rank = (false, m.start.abs_diff(cue_start));
                if location.as_ref().is_none_or(|(r, _)| rank < *r) {
                    location = Some((rank, seat.clone()));
                }
            }
            actor.id.clone()
        };
        if m.end <= cue_start || m.start >= cue_end {
            sides.push(Side {
                before: m.end <= cue_start,
                person: actor.kind == Kind::Person,
                country: found.country_of(m.actor).map(str::to_string),
                id: id.clone(),
            });
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
    let (before, after) = two_sides(&sides);
    Participants {
        actors,
        before,
        after,
        location: location.map(|(_, id)| id),
    }
}

/// An actor named before or after a cue.
struct Side {
    before: bool,
    person: bool,
    /// The country of a person's office or a national body.
    country: Option<String>,
    id: String,
}

/// The actor named before the cue (a person before a country: "Le président du Kazakhstan,
/// Kassym-Jomart Tokaïev, a appelé…") and the first after it that is not of the same side (not
/// the source's own president or country).
fn two_sides(sides: &[Side]) -> (Option<String>, Option<String>) {
    let before = sides
        .iter()
        .find(|s| s.before && s.person)
        .or_else(|| sides.iter().find(|s| s.before));
    let own = |s: &Side| {
        before.is_some_and(|b| {
            let b_country = b.country.as_ref().unwrap_or(&b.id);
            s.id == b.id || &s.id == b_country || s.country.as_ref() == Some(b_country)
        })
    };
    let after = sides.iter().find(|s| !s.before && !own(s));
    (before.map(|s| s.id.clone()), after.map(|s| s.id.clone()))
}

/// What a place mention is to a cue's event.
enum PlacePart {
    /// "à Astana", "a gagné Och": where it happens.
    Venue,
    /// "Bichkek a accueilli le forum": where it happens, and its country hosts.
    HostCountry(String),
    /// A region that benefits or receives ("pour la vallée de Ferghana", "à l'Asie centrale").
    Taking,
    /// A capital standing for its government ("Washington soutient…").
    Government(String),
    Nothing,
}

fn place_part(
    ctx: &DocContext,
    found: &DocActors,
    words: &[&Discourse],
    m: &crate::actors::Mention,
    (cue_start, cue_end): (usize, usize),
    giving: bool,
) -> PlacePart {
    let actor = &found.actors[m.actor];
    let country = found.country_of(m.actor).map(str::to_string);
    let preceded = |list: fn(&Discourse) -> &'static [&'static str]| {
        words
            .iter()
            .any(|w| crate::text::preceded_by(ctx.text, m.start, list(w)))
    };
    // "a promis 20 millions à l'Asie centrale", "$14 million for programmes in Central Asia":
    // after a giving verb, the recipient, or the region the money goes to.
    if giving && m.start >= cue_end && actor.country.is_none() {
        return PlacePart::Taking;
    }
    if m.end <= cue_start && hosts_here(words, ctx.text, m.end) {
        return country.map_or(PlacePart::Venue, PlacePart::HostCountry);
    }
    if preceded_by_locative(words, ctx.text, m.start) || preceded(|w| w.arriving) {
        return PlacePart::Venue;
    }
    match (actor.country.is_none(), country) {
        // "$5 million for the Fergana Valley": a region that benefits takes part.
        (true, _) if preceded(|w| w.beneficiary) => PlacePart::Taking,
        (true, _) | (false, None) => PlacePart::Nothing,
        (false, Some(c)) => PlacePart::Government(c),
    }
}

/// Keeps the better venue: a city or capital beats a region; then the nearest to the cue.
fn offer_venue(
    venue: &mut Option<((bool, usize), String)>,
    place: &crate::actors::DocActor,
    distance: usize,
) {
    let rank = (place.country.is_none(), distance);
    if venue.as_ref().is_none_or(|(r, _)| rank < *r) {
        *venue = Some((rank, place.id.clone()));
    }
}

/// The same happening mentioned again (a headline, a bullet summary, a later paragraph): same
/// type and kind of happening (a reception, a visit and talks between the same people are one
/// bilateral meeting), one set of named participants within the other (or, where only countries
/// are named, a country in common), and no conflicting days — except for happenings that last
/// several days (exercises, summits), whose start and end may both be reported.
/// The places of a document: all of them, and the regions among them.
struct Places<'r> {
    all: Vec<&'r str>,
    regions: Vec<&'r str>,
}

/// Returns the index of the event told, `None` when `new` names nobody and points back to a
/// happening it matches nowhere ("ce prêt" of another amount): nothing to tell then.
fn add_or_merge(all: &mut Vec<Event>, places: &Places, new: Event) -> Option<usize> {
    let regions = &places.regions;
    let from = all.len().saturating_sub(MERGE_WINDOW);
    let events = &mut all[from..];
    // Persons and organisations; countries and regions are too broad to tell events apart.
    let named = |e: &Event| {
        e.actors
            .iter()
            .filter(|a| !is_country_id(a) && !places.all.contains(&a.as_str()))
            .cloned()
            .collect::<Vec<_>>()
    };
    let nested = |a: &[String], b: &[String]| {
        a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
    };
    let overlap = |a: &[String], b: &[String]| a.iter().any(|x| b.contains(x));
    // Only days said count: one taken from an anchor may be the anchor's, not the happening's.
    let days_agree =
        |e: &Event| lasts_days(e.subtype) || !e.date_said || !new.date_said || e.date == new.date;
    let amounts_agree =
        |e: &Event| e.amount.is_none() || new.amount.is_none() || e.amount == new.amount;
    // "Il a gagné Och… De retour à Bichkek, il s'est entretenu…": two cities said, two
    // happenings; a region may hold either.
    let places_agree = |e: &Event| {
        !(e.place_said && new.place_said)
            || e.location == new.location
            || [&e.location, &new.location]
                .iter()
                .any(|l| l.as_deref().is_some_and(|l| regions.contains(&l)))
    };
    // "The meeting focused on water…": the latest happening of that type, whoever is named,
    // not one told aside, nor a tour.
    let told = new.refers_back.then(|| {
        events.iter().rposition(|e| {
            e.event_type == new.event_type
                && !e.aside
                && e.tour == new.tour
                && days_agree(e)
                && amounts_agree(e)
        })
    });
    let same = match told.flatten() {
        Some(i) => Some(i),
        None => events.iter().position(|e| {
            // Two cues of one type in one sentence describe one happening ("an extraordinary
            // session by videoconference").
            if e.event_type == new.event_type
                && e.sentence == new.sentence
                && e.aside == new.aside
                && amounts_agree(e)
            {
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
                && e.tour == new.tour
                && e.aside == new.aside
                && participants_agree
                && days_agree(e)
                && amounts_agree(e)
                && places_agree(e)
        }),
    };
    match same {
        Some(i) => {
            merge_into(&mut events[i], new, regions);
            Some(from + i)
        }
        None if new.refers_back && new.actors.is_empty() => None,
        None => {
            all.push(new);
            Some(all.len() - 1)
        }
    }
}

/// One more mention `new` of the happening `e`: counted, its participants and what it says
/// added.
fn merge_into(e: &mut Event, new: Event, regions: &[&str]) {
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
    e.date = if new.date_said && !e.date_said {
        new.date
    } else {
        e.date.or(new.date)
    };
    e.date_said |= new.date_said;
    e.date_span = e.date_span.or(new.date_span);
    // A city beats its region.
    let region = |l: &Option<String>| l.as_deref().is_some_and(|l| regions.contains(&l));
    e.location = if region(&e.location) && new.location.is_some() && !region(&new.location) {
        new.location
    } else {
        e.location.take().or(new.location)
    };
    e.source_actor = e.source_actor.take().or(new.source_actor);
    e.target_actor = e.target_actor.take().or(new.target_actor);
    e.amount = e.amount.or(new.amount);
    e.place_said |= new.place_said;
    // "a achevé sa tournée par une réunion à Tachkent": a tour told with a stop is that stop too.
    e.tour &= new.tour;
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
    /// "supplied gas at a price of $120", "talks continue on a $50 million loan": a measurement,
    /// or money still negotiated, not money someone commits.
    Uncommitted,
}

/// Longest gap (bytes) between an amount and the money noun right after it ("a $400 million
/// credit line").
const AMOUNT_BEFORE_NOUN: usize = 2;

/// What the first amount after a cue, within its reach, is; else the amount the cue's noun
/// follows.
fn amount_after(money: &SentenceMoney, (cue_start, cue_end): (usize, usize)) -> Option<Sum> {
    let i = money
        .amounts
        .iter()
        .position(|m| m.start >= cue_end && m.start <= cue_end + CLAUSE_REACH)
        .or_else(|| {
            money
                .amounts
                .iter()
                .position(|m| m.end <= cue_start && m.end + AMOUNT_BEFORE_NOUN >= cue_start)
        })?;
    let m = &money.amounts[i];
    Some(match money.classes.get(i) {
        Some(c) if c.is_statistic || c.is_pending => Sum::Uncommitted,
        _ => Sum::Committed(m.amount, m.currency),
    })
}

/// Country actor ids are ISO 3166 alpha-3 codes; every other id is lowercase snake case.
fn is_country_id(id: &str) -> bool {
    id.len() == 3 && id.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests;
