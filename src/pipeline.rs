//! One document's path through the extractors, and many documents in parallel.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, LazyLock, Mutex};

use rayon::prelude::*;

use crate::actors::{self, DocActors};
use crate::document::{Document, Lang};
use crate::ids::span_id;
use crate::lexicon::Lexicon;
use arrow_array::RecordBatch;
use arrow_schema::ArrowError;

use crate::tables::{
    self, ActorRow, CommitmentRow, DocumentRow, EventRow, MentionRow, QuoteRow, Tables,
};
use crate::text::{self, Sentence};
use crate::view::DocContext;
use crate::{commitments, events, geo, goldstein, quotes};

/// Settings shared by every document of a call.
pub struct Options {
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// The actor dictionary: the bundled one, or the bundled one extended with user files.
    pub lexicon: Arc<Lexicon>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threads: None,
            lexicon: Lexicon::bundled(),
        }
    }
}

/// Everything extracted from one document, offsets in code points.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub document: Option<DocumentRow>,
    pub mentions: Vec<MentionRow>,
    /// The actors this document mentions (`n_docs` = 1), merged across documents by [`extract`].
    pub actors: Vec<ActorRow>,
    pub events: Vec<EventRow>,
    pub commitments: Vec<CommitmentRow>,
    pub quotes: Vec<QuoteRow>,
}

/// Runs every document through the extractors in parallel. Output order follows input order;
/// a document whose extraction panics keeps its row with the panic in `error`.
pub fn extract(docs: &[Document], options: &Options) -> Tables {
    // Assembly runs in the pool too: merging the actors is parallel.
    in_pool(options, || assemble(analyse_all(docs, options)))
}

/// [`extract`], then the six tables as Arrow batches (documents, mentions, actors, events,
/// commitments, quotes), built side by side in the same pool; the rows are freed there too, rather than
/// one table after another once the threads are idle.
pub fn extract_batches(
    docs: &[Document],
    options: &Options,
) -> Result<[RecordBatch; 6], ArrowError> {
    in_pool(options, || {
        tables::into_batches(assemble(analyse_all(docs, options)))
    })
}

fn analyse_all(docs: &[Document], options: &Options) -> Vec<Analysis> {
    docs.par_iter()
        .map(|d| analyse_guarded(d, options))
        .collect()
}

/// Runs `run` on the pool of `options.threads` threads (rayon's global pool when `None`).
fn in_pool<R: Send>(options: &Options, run: impl FnOnce() -> R + Send) -> R {
    match options.threads.and_then(pool_of) {
        Some(pool) => pool.install(run),
        None => run(),
    }
}

/// One pool per thread count, kept for the process: a corpus streamed in thousands of batches
/// would otherwise start and stop threads for each, and the allocator's per-thread arenas grow
/// with every new thread.
fn pool_of(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    static POOLS: LazyLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> =
        LazyLock::new(Mutex::default);
    let mut pools = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(pool) = pools.get(&threads) {
        return Some(Arc::clone(pool));
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .ok()?,
    );
    pools.insert(threads, Arc::clone(&pool));
    Some(pool)
}

/// Concatenates per-document results and merges the actors seen across documents.
pub fn assemble(analyses: Vec<Analysis>) -> Tables {
    let total = |rows: fn(&Analysis) -> usize| analyses.iter().map(rows).sum::<usize>();
    let mut tables = Tables {
        documents: Vec::with_capacity(analyses.len()),
        mentions: Vec::with_capacity(total(|a| a.mentions.len())),
        actors: Vec::new(),
        events: Vec::with_capacity(total(|a| a.events.len())),
        commitments: Vec::with_capacity(total(|a| a.commitments.len())),
        quotes: Vec::with_capacity(total(|a| a.quotes.len())),
    };
    let mut seen_actors = Vec::with_capacity(total(|a| a.actors.len()));
    for a in analyses {
        tables.documents.extend(a.document);
        tables.mentions.extend(a.mentions);
        tables.events.extend(a.events);
        tables.commitments.extend(a.commitments);
        tables.quotes.extend(a.quotes);
        seen_actors.extend(a.actors);
    }
    tables.actors = merge_actors(seen_actors);
    tables
}

/// One row per actor id: aliases united, mention and document counts summed. Country, role and
/// CAMEO code (kept together) are those with a role, then of the most documents, ties going to
/// the smallest, so that the result does not depend on the order or the split of the corpus.
pub fn merge_actors(mut rows: Vec<ActorRow>) -> Vec<ActorRow> {
    // Stable: each group keeps the input order, so its first row is the same whatever the pool.
    rows.par_sort_by(|a, b| a.actor_id.cmp(&b.actor_id));
    let mut groups: Vec<Vec<ActorRow>> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some(group) if group[0].actor_id == row.actor_id => group.push(row),
            _ => groups.push(vec![row]),
        }
    }
    groups.into_par_iter().map(merge_group).collect()
}

/// One actor's rows (at least one) merged into its first.
fn merge_group(mut group: Vec<ActorRow>) -> ActorRow {
    type Office<'a> = (&'a Option<String>, &'a Option<String>, &'a Option<String>);
    let mut weights: Vec<(Office, u32)> = Vec::new();
    for r in &group {
        let office = (&r.country, &r.role, &r.cameo);
        match weights.iter_mut().find(|(o, _)| *o == office) {
            Some((_, w)) => *w += r.n_docs,
            None => weights.push((office, r.n_docs)),
        }
    }
    let best = weights
        .iter()
        .max_by(|a, b| {
            let known = |o: &Office| o.1.is_some();
            (known(&a.0), a.1)
                .cmp(&(known(&b.0), b.1))
                .then_with(|| b.0.cmp(&a.0))
        })
        .map(|((country, role, cameo), _)| ((*country).clone(), (*role).clone(), (*cameo).clone()));
    let n_mentions = group.iter().map(|r| r.n_mentions).sum();
    let n_docs = group.iter().map(|r| r.n_docs).sum();
    let mut aliases: Vec<String> = group
        .iter_mut()
        .flat_map(|r| std::mem::take(&mut r.aliases))
        .collect();
    aliases.sort();
    aliases.dedup();
    // The rows are merged into the first one: moved, not copied.
    let mut row = group.swap_remove(0);
    if let Some(office) = best {
        (row.country, row.role, row.cameo) = office;
    }
    row.n_mentions = n_mentions;
    row.n_docs = n_docs;
    row.aliases = aliases;
    row
}

fn analyse_guarded(doc: &Document, options: &Options) -> Analysis {
    match catch_unwind(AssertUnwindSafe(|| analyse(doc, options))) {
        Ok(analysis) => analysis,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let n_chars = doc.text.as_deref().map_or(0, |t| t.chars().count() as u32);
            let mut row = bare_row(doc, doc.lang.unwrap_or(Lang::Und), n_chars, 0);
            row.error = Some(join_errors(
                doc.read_error.as_deref(),
                &format!("internal error during extraction: {what}"),
            ));
            Analysis {
                document: Some(row),
                ..Default::default()
            }
        }
    }
}

fn join_errors(first: Option<&str>, second: &str) -> String {
    match first {
        Some(first) => format!("{first}; {second}"),
        None => second.to_string(),
    }
}

fn bare_row(doc: &Document, lang: Lang, n_chars: u32, n_sentences: u32) -> DocumentRow {
    DocumentRow {
        doc_id: doc.doc_id.clone(),
        title: doc.title.clone(),
        lang: lang.as_str(),
        published: doc.published,
        n_chars,
        n_sentences,
        source: doc.source.clone(),
        url: doc.url.clone(),
        error: doc.read_error.clone(),
        encoding: doc.encoding.clone(),
    }
}

/// One document's path: language, sentences, title, then the extractors.
pub fn analyse(doc: &Document, options: &Options) -> Analysis {
    let Some(text) = doc.text.as_deref() else {
        let mut row = bare_row(doc, doc.lang.unwrap_or(Lang::Und), 0, 0);
        row.error = Some(join_errors(doc.read_error.as_deref(), "text is null"));
        return Analysis {
            document: Some(row),
            ..Default::default()
        };
    };
    let folded = text::Folded::new(text);
    let sentences = text::segment::sentences_of(text, &folded, None);
    let lang = doc.lang.unwrap_or_else(|| text::lang::detect(text));
    let n_chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
    let mut row = bare_row(doc, lang, n_chars, sentences.len() as u32);
    if row.title.is_none() {
        row.title = headline(text, &sentences).map(str::to_string);
    }
    if text.trim().is_empty() {
        row.error = Some(join_errors(doc.read_error.as_deref(), "empty text"));
    }
    let mut analysis = Analysis::default();
    if lang != Lang::Und {
        let ctx = DocContext::with_folded(doc, text, lang, sentences, folded);
        let found = actors::extract(&ctx, &options.lexicon);
        analysis.mentions = mention_rows(&ctx, &found);
        analysis.actors = actor_rows(&ctx, &found);
        analysis.events = event_rows(&ctx, &found, &events::extract(&ctx, &found));
        analysis.commitments = commitments::rows(&ctx, &found, &analysis.events);
        commitments::agree_sources(&found, &mut analysis.events, &analysis.commitments);
        analysis.quotes = quote_rows(&ctx, &found);
    }
    analysis.document = Some(row);
    analysis
}

fn sentence_text<'t>(ctx: &DocContext<'t>, sentence: usize) -> &'t str {
    let s = &ctx.sentences[sentence];
    &ctx.text[s.start..s.end]
}

fn event_rows(ctx: &DocContext, found: &DocActors, events: &[events::Event]) -> Vec<EventRow> {
    events
        .iter()
        .map(|e| {
            let (start, end) = (ctx.code_points.at(e.start), ctx.code_points.at(e.end));
            let place = e
                .location
                .as_deref()
                .and_then(|id| place_location(found, id));
            EventRow {
                event_id: span_id("ev", &ctx.doc.doc_id, e.subtype, start, end),
                doc_id: ctx.doc.doc_id.clone(),
                sentence: e.sentence as u32,
                start,
                end,
                trigger: ctx.text[e.start..e.end].to_string(),
                event_type: e.event_type,
                subtype: e.subtype,
                cameo: e.cameo,
                actors: e.actors.clone(),
                source_actor: e.source_actor.clone(),
                target_actor: e.target_actor.clone(),
                date: e.date,
                date_text: e.date_span.map(|(s, e)| ctx.text[s..e].to_string()),
                location: e.location.clone(),
                n_mentions: e.n_mentions,
                evidence: sentence_text(ctx, e.sentence).to_string(),
                goldstein: goldstein::goldstein(e.cameo),
                quad_class: goldstein::quad_class(e.cameo),
                lat: place.map(|l| l.lat),
                lon: place.map(|l| l.lon),
            }
        })
        .collect()
}

/// Where the place actor `id` of this document is.
fn place_location(found: &DocActors, id: &str) -> Option<geo::Location> {
    let actor = found.actors.iter().find(|a| a.id == id)?;
    geo::locate(id, actor.kind.as_str(), actor.country.as_deref())
}

fn quote_rows(ctx: &DocContext, found: &DocActors) -> Vec<QuoteRow> {
    let at = |byte| ctx.code_points.at(byte);
    quotes::extract(ctx, found)
        .into_iter()
        .map(|q| {
            let (start, end) = (at(q.start), at(q.end));
            QuoteRow {
                quote_id: span_id("qt", &ctx.doc.doc_id, q.kind.as_str(), start, end),
                doc_id: ctx.doc.doc_id.clone(),
                sentence: q.sentence as u32,
                start,
                end,
                text: ctx.text[q.start..q.end].to_string(),
                speaker: q.speaker.map(|a| found.actors[a].id.clone()),
                speaker_start: q.speaker_span.map(|(s, _)| at(s)),
                speaker_end: q.speaker_span.map(|(_, e)| at(e)),
                cue: q.cue.map(|(s, e)| ctx.text[s..e].to_string()),
                kind: q.kind.as_str(),
            }
        })
        .collect()
}

fn mention_rows(ctx: &DocContext, found: &DocActors) -> Vec<MentionRow> {
    found
        .mentions
        .iter()
        .map(|m| {
            let actor = &found.actors[m.actor];
            MentionRow {
                doc_id: ctx.doc.doc_id.clone(),
                sentence: m.sentence as u32,
                start: ctx.code_points.at(m.start),
                end: ctx.code_points.at(m.end),
                text: ctx.text[m.start..m.end].to_string(),
                actor_id: actor.id.clone(),
                kind: actor.kind.as_str(),
                role: m.role_span.map(|(s, e)| ctx.text[s..e].to_string()),
            }
        })
        .collect()
}

fn actor_rows(ctx: &DocContext, found: &DocActors) -> Vec<ActorRow> {
    let mut rows: Vec<ActorRow> = found
        .actors
        .iter()
        .map(|a| {
            let at = geo::locate(&a.id, a.kind.as_str(), a.country.as_deref());
            ActorRow {
                actor_id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.as_str(),
                country: a.country.clone(),
                role: a.role.clone(),
                cameo: a.cameo.clone(),
                aliases: Vec::new(),
                n_mentions: 0,
                n_docs: 1,
                source: crate::ids::source_of(&a.id),
                lat: at.map(|l| l.lat),
                lon: at.map(|l| l.lon),
                feature: at.map(|l| l.feature),
            }
        })
        .collect();
    for m in &found.mentions {
        let row = &mut rows[m.actor];
        row.n_mentions += 1;
        let surface = &ctx.text[m.start..m.end];
        if !row.aliases.iter().any(|a| a == surface) {
            row.aliases.push(surface.to_string());
        }
    }
    rows.retain(|r| r.n_mentions > 0);
    rows
}

/// The headline: among the first lines before the body, the first non-boilerplate line of 3 to
/// 30 words that does not end like a sentence of running text.
fn headline<'t>(text: &'t str, sentences: &[Sentence]) -> Option<&'t str> {
    let first_line = sentences.iter().find(|s| !s.boilerplate)?.line;
    sentences
        .iter()
        .filter(|s| !s.boilerplate && s.line <= first_line + 8)
        .take_while(|s| {
            let line = line_of(text, s);
            line.len() < 300
        })
        .map(|s| line_of(text, s))
        .find(|line| {
            let words = line.split_whitespace().count();
            (3..=30).contains(&words) && !line.trim_end().ends_with(['.', ':', ';', ','])
        })
        .map(str::trim)
}

/// The whole line a sentence sits on.
fn line_of<'t>(text: &'t str, s: &Sentence) -> &'t str {
    let start = text[..s.start].rfind('\n').map_or(0, |p| p + 1);
    let end = text[s.end..].find('\n').map_or(text.len(), |p| s.end + p);
    text[start..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_keep_their_rows_whatever_the_input() {
        let docs = vec![
            Document::new("ok", "Le ministre a rencontré son homologue à Astana."),
            Document::new("empty", ""),
            Document::new("blank", "  \n\t "),
            Document {
                doc_id: "null".into(),
                ..Default::default()
            },
            Document::new("nul", "Le\0 ministre\0\0 est venu."),
        ];
        let tables = extract(&docs, &Options::default());
        let ids: Vec<&str> = tables.documents.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["ok", "empty", "blank", "null", "nul"]);
        assert_eq!(tables.documents[0].error, None);
        assert_eq!(tables.documents[0].lang, "fr");
        assert_eq!(tables.documents[1].error.as_deref(), Some("empty text"));
        assert_eq!(tables.documents[3].error.as_deref(), Some("text is null"));
        assert_eq!(tables.documents[4].n_sentences, 1);
    }

    #[test]
    fn headline_is_found_after_site_furniture() {
        let text = "Suivez nous sur\n\nKazakhstan\n\nL'Ouzbékistan accueille un forum régional sur l'eau\n\nPARTAGEZ:\n\nLe vice-ministre a participé à la réunion. Elle s'est tenue en ligne.";
        let sentences = text::segment::sentences(text, None);
        assert_eq!(
            headline(text, &sentences),
            Some("L'Ouzbékistan accueille un forum régional sur l'eau")
        );
        let body_only = "Les ministres se sont réunis mardi à Astana. Ils ont discuté.";
        assert_eq!(
            headline(body_only, &text::segment::sentences(body_only, None)),
            None
        );
    }

    #[test]
    fn merges_actors_across_documents() {
        let row = |aliases: &[&str], role: Option<&str>| ActorRow {
            actor_id: "antony_blinken".into(),
            name: "Antony Blinken".into(),
            kind: "person",
            country: Some("USA".into()),
            role: role.map(str::to_string),
            cameo: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            n_mentions: aliases.len() as u32,
            n_docs: 1,
            source: "dictionary",
            lat: None,
            lon: None,
            feature: None,
        };
        let merged = merge_actors(vec![
            row(&["Blinken", "Antoine Blink"], None),
            row(&["Blinken"], Some("Secretary of State")),
        ]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].aliases, ["Antoine Blink", "Blinken"]);
        assert_eq!((merged[0].n_mentions, merged[0].n_docs), (3, 2));
        assert_eq!(merged[0].role.as_deref(), Some("Secretary of State"));
    }
}
