//! Actors: every span naming a country, organisation, place or person, resolved to one
//! canonical actor per document, with the office a person held at the document's date.
//!
//! Dictionary entries (countries, demonyms, organisations, places, titles, honorifics) are
//! found by one automaton over the folded text ([`detect`]); persons by runs of capitalised
//! words looked up by transliteration key, or found from a title or honorific beside them
//! ([`names`]); titles attach to the person they precede or follow ([`roles`]).

mod capitals;
mod detect;
mod names;
mod orgs;
mod roles;
mod shapes;
mod words;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

use crate::lexicon::{Entry, Lexicon};
use crate::view::DocContext;

pub use detect::Hit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    Country,
    Organization,
    Place,
}

impl Kind {
    /// The kind named by `as_str`.
    pub fn parse(name: &str) -> Option<Kind> {
        [Kind::Person, Kind::Country, Kind::Organization, Kind::Place]
            .into_iter()
            .find(|k| k.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Organization => "organization",
            Kind::Place => "place",
        }
    }
}

/// An actor as resolved in one document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocActor {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// ISO3 affiliation (a person's office country, an organisation's or a place's country).
    pub country: Option<String>,
    pub role: Option<String>,
    pub cameo: Option<String>,
    /// Where a body named after its building sits ("Maison Blanche" → washington).
    pub seat: Option<String>,
    /// The organisation a person's title names ("USAID Administrator", "Secretary General of
    /// NATO"): who they act for.
    pub affiliation: Option<String>,
    /// Index in the lexicon's persons, for dictionary persons.
    person: Option<usize>,
}

/// One span of text naming an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// Index into [`DocActors::actors`].
    pub actor: usize,
    /// Byte range of the title attached in the text ("ministre kazakh des Affaires étrangères").
    pub role_span: Option<(usize, usize)>,
    /// A nationality word qualifying a title ("le ministre kazakh", "secrétaire d'État
    /// américain"): it stands for an official of that country, a person even when unnamed.
    pub official: bool,
}

#[derive(Clone, Debug, Default)]
pub struct DocActors {
    pub actors: Vec<DocActor>,
    /// Sorted by start once extraction is done.
    pub mentions: Vec<Mention>,
    index: FxHashMap<String, usize>,
}

impl DocActors {
    fn intern(&mut self, actor: DocActor) -> usize {
        if let Some(&i) = self.index.get(&actor.id) {
            return i;
        }
        self.index.insert(actor.id.clone(), self.actors.len());
        self.actors.push(actor);
        self.actors.len() - 1
    }

    /// The mentions of one sentence.
    pub fn in_sentence(&self, sentence: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.sentence < sentence);
        let to = self.mentions.partition_point(|m| m.sentence <= sentence);
        &self.mentions[from..to]
    }

    /// The country an actor stands for in an event: itself for a country, its country for a
    /// place used as its government ("Washington soutient…") or a national body.
    pub fn country_of(&self, actor: usize) -> Option<&str> {
        let a = &self.actors[actor];
        match a.kind {
            Kind::Country => Some(&a.id),
            _ => a.country.as_deref(),
        }
    }
}

fn dictionary_actor(lexicon: &Lexicon, entry: Entry) -> Option<DocActor> {
    let actor = match entry {
        Entry::Country(i) | Entry::Demonym(i) => {
            let c = &lexicon.countries[i];
            DocActor {
                id: c.iso3.clone(),
                name: c.name.clone(),
                kind: Kind::Country,
                country: Some(c.iso3.clone()),
                role: None,
                cameo: Some(c.cameo.clone()),
                seat: None,
                affiliation: None,
                person: None,
            }
        }
        Entry::Organisation(i) => {
            let o = &lexicon.organisations[i];
            DocActor {
                id: o.id.clone(),
                name: o.name.clone(),
                kind: Kind::Organization,
                country: o.country.clone(),
                role: None,
                cameo: o.cameo.clone(),
                seat: o.seat.clone(),
                affiliation: None,
                person: None,
            }
        }
        Entry::Place(i) => {
            let p = &lexicon.places[i];
            DocActor {
                id: p.id.clone(),
                name: p.name.clone(),
                kind: Kind::Place,
                country: p.country.clone(),
                role: None,
                cameo: None,
                seat: None,
                affiliation: None,
                person: None,
            }
        }
        Entry::Person(_) | Entry::Title(_) | Entry::Honorific => return None,
    };
    Some(actor)
}

/// Finds and resolves every actor mention of one document.
pub fn extract(ctx: &DocContext, lexicon: &Lexicon) -> DocActors {
    let hits = detect::dictionary_hits(ctx, lexicon);
    let mut out = DocActors::default();
    let mut last_title_end: Option<usize> = None;
    for hit in &hits {
        if let Entry::Title(_) = hit.entry {
            last_title_end = Some(hit.end);
        }
        if let Some(actor) = dictionary_actor(lexicon, hit.entry) {
            let actor = out.intern(actor);
            let official = matches!(hit.entry, Entry::Demonym(_))
                && last_title_end.is_some_and(|end| {
                    hit.start >= end.min(hit.start)
                        && ctx.text[end.min(hit.start)..hit.start].trim().is_empty()
                });
            out.mentions.push(Mention {
                start: hit.start,
                end: hit.end,
                sentence: hit.sentence,
                actor,
                role_span: None,
                official,
            });
        }
    }
    let hits = names::without_given_name_titles(ctx, &hits);
    let taken = orgs::organisations(ctx, lexicon, &hits, &mut out);
    names::persons(ctx, lexicon, &hits, &taken, &mut out);
    roles::attach(ctx, lexicon, &hits, &mut out);
    out.mentions.sort_by_key(|m| (m.start, m.end));
    out
}

/// The document date used to pick offices.
fn document_date(ctx: &DocContext) -> Option<NaiveDate> {
    ctx.doc.published
}
