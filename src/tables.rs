//! The six output tables of SPEC.md: row types (code-point offsets) and their Arrow record
//! batches, built column by column.

use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Float32Builder, Float64Builder, Int32Builder, ListBuilder, StringBuilder,
    UInt32Builder, UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;

/// The six tables for a set of documents.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub documents: Vec<DocumentRow>,
    pub mentions: Vec<MentionRow>,
    pub actors: Vec<ActorRow>,
    pub events: Vec<EventRow>,
    pub commitments: Vec<CommitmentRow>,
    pub quotes: Vec<QuoteRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRow {
    pub doc_id: String,
    pub title: Option<String>,
    pub lang: &'static str,
    pub published: Option<NaiveDate>,
    pub n_chars: u32,
    pub n_sentences: u32,
    pub source: Option<String>,
    pub url: Option<String>,
    pub error: Option<String>,
    pub encoding: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    pub doc_id: String,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub actor_id: String,
    pub kind: &'static str,
    pub role: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorRow {
    pub actor_id: String,
    pub name: String,
    pub kind: &'static str,
    pub country: Option<String>,
    pub role: Option<String>,
    pub cameo: Option<String>,
    pub aliases: Vec<String>,
    pub n_mentions: u32,
    pub n_docs: u32,
    /// `dictionary`, or `text` for an actor found by its shape (with a provisional id).
    pub source: &'static str,
    /// Where a place or country is (`geo.rs`); none for persons and organisations.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub feature: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub event_id: String,
    pub doc_id: String,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub trigger: String,
    pub event_type: &'static str,
    pub subtype: &'static str,
    pub cameo: &'static str,
    pub actors: Vec<String>,
    pub source_actor: Option<String>,
    pub target_actor: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_text: Option<String>,
    pub location: Option<String>,
    pub n_mentions: u32,
    pub evidence: String,
    /// Goldstein score and QuadClass of `cameo` (see `goldstein.rs`).
    pub goldstein: Option<f32>,
    pub quad_class: Option<u8>,
    /// Coordinates of `location`.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommitmentRow {
    pub commitment_id: String,
    pub doc_id: String,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub amount: f64,
    pub currency: &'static str,
    pub amount_usd: Option<f64>,
    pub donor: Option<String>,
    pub recipient: Option<String>,
    pub purpose: Option<String>,
    pub status: &'static str,
    pub year: Option<i32>,
    pub event_id: Option<String>,
    pub evidence: String,
    pub qualifier: Option<&'static str>,
}

/// One quotation: who said what (`quotes.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteRow {
    pub quote_id: String,
    pub doc_id: String,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_start: Option<u32>,
    pub speaker_end: Option<u32>,
    pub cue: Option<String>,
    pub kind: &'static str,
}

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn u32f(name: &str) -> Field {
    Field::new(name, DataType::UInt32, false)
}

fn list_of_utf8(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        false,
    )
}

pub fn documents_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        utf8("title", true),
        utf8("lang", false),
        Field::new("published", DataType::Date32, true),
        u32f("n_chars"),
        u32f("n_sentences"),
        utf8("source", true),
        utf8("url", true),
        utf8("error", true),
        utf8("encoding", true),
    ]))
}

pub fn mentions_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        u32f("sentence"),
        u32f("start"),
        u32f("end"),
        utf8("text", false),
        utf8("actor_id", false),
        utf8("kind", false),
        utf8("role", true),
    ]))
}

pub fn actors_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("actor_id", false),
        utf8("name", false),
        utf8("kind", false),
        utf8("country", true),
        utf8("role", true),
        utf8("cameo", true),
        list_of_utf8("aliases"),
        u32f("n_mentions"),
        u32f("n_docs"),
        utf8("source", false),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        utf8("feature", true),
    ]))
}

pub fn events_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("event_id", false),
        utf8("doc_id", false),
        u32f("sentence"),
        u32f("start"),
        u32f("end"),
        utf8("trigger", false),
        utf8("event_type", false),
        utf8("subtype", false),
        utf8("cameo", false),
        list_of_utf8("actors"),
        utf8("source_actor", true),
        utf8("target_actor", true),
        Field::new("date", DataType::Date32, true),
        utf8("date_text", true),
        utf8("location", true),
        u32f("n_mentions"),
        utf8("evidence", false),
        Field::new("goldstein", DataType::Float32, true),
        Field::new("quad_class", DataType::UInt8, true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
    ]))
}

pub fn commitments_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("commitment_id", false),
        utf8("doc_id", false),
        u32f("sentence"),
        u32f("start"),
        u32f("end"),
        utf8("text", false),
        Field::new("amount", DataType::Float64, false),
        utf8("currency", false),
        Field::new("amount_usd", DataType::Float64, true),
        utf8("donor", true),
        utf8("recipient", true),
        utf8("purpose", true),
        utf8("status", false),
        Field::new("year", DataType::Int32, true),
        utf8("event_id", true),
        utf8("evidence", false),
        utf8("qualifier", true),
    ]))
}

pub fn quotes_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("quote_id", false),
        utf8("doc_id", false),
        u32f("sentence"),
        u32f("start"),
        u32f("end"),
        utf8("text", false),
        utf8("speaker", true),
        Field::new("speaker_start", DataType::UInt32, true),
        Field::new("speaker_end", DataType::UInt32, true),
        utf8("cue", true),
        utf8("kind", false),
    ]))
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};

fn days(date: Option<NaiveDate>) -> Option<i32> {
    date.map(|d| (d - EPOCH).num_days() as i32)
}

/// Arrow's string columns address at most 2 GiB of text in one array.
fn fits(bytes: usize) -> Result<i32, ArrowError> {
    i32::try_from(bytes).map_err(|_| {
        ArrowError::InvalidArgumentError(format!(
            "a column would hold {bytes} bytes of text, over the 2 GiB of one Arrow array: \
             extract fewer documents per call (extract_parquet streams a corpus in batches)"
        ))
    })
}

fn str_col<R>(rows: &[R], f: impl Fn(&R) -> &str) -> Result<ArrayRef, ArrowError> {
    opt_str_col(rows, |r| Some(f(r)))
}

fn opt_str_col<R>(rows: &[R], f: impl Fn(&R) -> Option<&str>) -> Result<ArrayRef, ArrowError> {
    let bytes = fits(rows.iter().map(|r| f(r).map_or(0, str::len)).sum())?;
    let mut b = StringBuilder::with_capacity(rows.len(), bytes as usize);
    rows.iter().for_each(|r| b.append_option(f(r)));
    Ok(Arc::new(b.finish()))
}

fn u32_col<R>(rows: &[R], f: impl Fn(&R) -> u32) -> ArrayRef {
    let mut b = UInt32Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_value(f(r)));
    Arc::new(b.finish())
}

fn opt_u32_col<R>(rows: &[R], f: impl Fn(&R) -> Option<u32>) -> ArrayRef {
    let mut b = UInt32Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn f64_col<R>(rows: &[R], f: impl Fn(&R) -> Option<f64>) -> ArrayRef {
    let mut b = Float64Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn f32_col<R>(rows: &[R], f: impl Fn(&R) -> Option<f32>) -> ArrayRef {
    let mut b = Float32Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn u8_col<R>(rows: &[R], f: impl Fn(&R) -> Option<u8>) -> ArrayRef {
    let mut b = UInt8Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn i32_col<R>(rows: &[R], f: impl Fn(&R) -> Option<i32>) -> ArrayRef {
    let mut b = Int32Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn date_col<R>(rows: &[R], f: impl Fn(&R) -> Option<NaiveDate>) -> ArrayRef {
    let mut b = Date32Builder::with_capacity(rows.len());
    rows.iter().for_each(|r| b.append_option(days(f(r))));
    Arc::new(b.finish())
}

fn list_col<R>(rows: &[R], f: impl Fn(&R) -> &[String]) -> Result<ArrayRef, ArrowError> {
    let bytes = fits(rows.iter().flat_map(&f).map(String::len).sum())?;
    let item = Arc::new(Field::new("item", DataType::Utf8, true));
    let values = StringBuilder::with_capacity(rows.len(), bytes as usize);
    let mut b = ListBuilder::new(values).with_field(item);
    for r in rows {
        for value in f(r) {
            b.values().append_value(value);
        }
        b.append(true);
    }
    Ok(Arc::new(b.finish()))
}

/// The six tables as Arrow batches, each built (and its rows freed) as a task of its own.
pub fn into_batches(tables: Tables) -> Result<[RecordBatch; 6], ArrowError> {
    let Tables {
        documents,
        mentions,
        actors,
        events,
        commitments,
        quotes,
    } = tables;
    // Mentions are the most rows, events the largest ones.
    let ((mentions, (events, quotes)), (documents, (actors, commitments))) = rayon::join(
        || {
            rayon::join(
                move || mentions_batch(&mentions),
                || rayon::join(move || events_batch(&events), move || quotes_batch(&quotes)),
            )
        },
        || {
            rayon::join(
                move || documents_batch(&documents),
                || {
                    rayon::join(
                        move || actors_batch(&actors),
                        move || commitments_batch(&commitments),
                    )
                },
            )
        },
    );
    Ok([
        documents?,
        mentions?,
        actors?,
        events?,
        commitments?,
        quotes?,
    ])
}

pub fn documents_batch(rows: &[DocumentRow]) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(
        documents_schema(),
        vec![
            str_col(rows, |r| &r.doc_id)?,
            opt_str_col(rows, |r| r.title.as_deref())?,
            str_col(rows, |r| r.lang)?,
            date_col(rows, |r| r.published),
            u32_col(rows, |r| r.n_chars),
            u32_col(rows, |r| r.n_sentences),
            opt_str_col(rows, |r| r.source.as_deref())?,
            opt_str_col(rows, |r| r.url.as_deref())?,
            opt_str_col(rows, |r| r.error.as_deref())?,
            opt_str_col(rows, |r| r.encoding.as_deref())?,
        ],
    )
}

pub fn mentions_batch(rows: &[MentionRow]) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(
        mentions_schema(),
        vec![
            str_col(rows, |r| &r.doc_id)?,
            u32_col(rows, |r| r.sentence),
            u32_col(rows, |r| r.start),
            u32_col(rows, |r| r.end),
            str_col(rows, |r| &r.text)?,
            str_col(rows, |r| &r.actor_id)?,
            str_col(rows, |r| r.kind)?,
            opt_str_col(rows, |r| r.role.as_deref())?,
        ],
    )
}

pub fn actors_batch(rows: &[ActorRow]) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(
        actors_schema(),
        vec![
            str_col(rows, |r| &r.actor_id)?,
            str_col(rows, |r| &r.name)?,
            str_col(rows, |r| r.kind)?,
            opt_str_col(rows, |r| r.country.as_deref())?,
            opt_str_col(rows, |r| r.role.as_deref())?,
            opt_str_col(rows, |r| r.cameo.as_deref())?,
            list_col(rows, |r| &r.aliases)?,
            u32_col(rows, |r| r.n_mentions),
            u32_col(rows, |r| r.n_docs),
            str_col(rows, |r| r.source)?,
            f64_col(rows, |r| r.lat),
            f64_col(rows, |r| r.lon),
            opt_str_col(rows, |r| r.feature)?,
        ],
    )
}

pub fn events_batch(rows: &[EventRow]) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(
        events_schema(),
        vec![
            str_col(rows, |r| &r.event_id)?,
            str_col(rows, |r| &r.doc_id)?,
            u32_col(rows, |r| r.sentence),
            u32_col(rows, |r| r.start),
            u32_col(rows, |r| r.end),
            str_col(rows, |r| &r.trigger)?,
            str_col(rows, |r| r.event_type)?,
            str_col(rows, |r| r.subtype)?,
            str_col(rows, |r| r.cameo)?,
            list_col(rows, |r| &r.actors)?,
            opt_str_col(rows, |r| r.source_actor.as_deref())?,
            opt_str_col(rows, |r| r.target_actor.as_deref())?,
            date_col(rows, |r| r.date),
            opt_str_col(rows, |r| r.date_text.as_deref())?,
            opt_str_col(rows, |r| r.location.as_deref())?,
            u32_col(rows, |r| r.n_mentions),
            str_col(rows, |r| &r.evidence)?,
            f32_col(rows, |r| r.goldstein),
            u8_col(rows, |r| r.quad_class),
            f64_col(rows, |r| r.lat),
            f64_col(rows, |r| r.lon),
        ],
    )
}

pub fn commitments_batch(rows: &[CommitmentRow]) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(
        commitments_schema(),
        vec![
            str_col(rows, |r| &r.commitment_id)?,
            str_col(rows, |r| &r.doc_id)?,
            u32_col(rows, |r| r.sentence),
            u32_col(rows, |r| r.start),
            u32_col(rows, |r| r.end),
            str_col(rows, |r| &r.text)?,
            f64_col(rows, |r| Some(r.amount)),
            str_col(rows, |r| r.currency)?,
            f64_col(rows, |r| r.amount_usd),
            opt_str_col(rows, |r| r.donor.as_deref())?,
            opt_str_col(rows, |r| r.recipient.as_deref())?,
            opt_str_col(rows, |r| r.purpose.as_deref())?,
            str_col(rows, |r| r.status)?,
            i32_col(rows, |r| r.year),
            opt_str_col(rows, |r| r.event_id.as_deref())?,
            str_col(rows, |r| &r.evidence)?,
            opt_str_col(rows, |r| r.qualifier)?,
        ],
    )
}

pub fn quotes_batch(rows: &[QuoteRow]) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(
        quotes_schema(),
        vec![
            str_col(rows, |r| &r.quote_id)?,
            str_col(rows, |r| &r.doc_id)?,
            u32_col(rows, |r| r.sentence),
            u32_col(rows, |r| r.start),
            u32_col(rows, |r| r.end),
            str_col(rows, |r| &r.text)?,
            opt_str_col(rows, |r| r.speaker.as_deref())?,
            opt_u32_col(rows, |r| r.speaker_start),
            opt_u32_col(rows, |r| r.speaker_end),
            opt_str_col(rows, |r| r.cue.as_deref())?,
            str_col(rows, |r| r.kind)?,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_tables_have_their_schemas() {
        assert_eq!(documents_batch(&[]).unwrap().num_columns(), 10);
        assert_eq!(mentions_batch(&[]).unwrap().schema(), mentions_schema());
        assert_eq!(actors_batch(&[]).unwrap().schema(), actors_schema());
        assert_eq!(events_batch(&[]).unwrap().schema(), events_schema());
        assert_eq!(
            commitments_batch(&[]).unwrap().schema(),
            commitments_schema()
        );
        assert_eq!(quotes_batch(&[]).unwrap().schema(), quotes_schema());
    }

    #[test]
    fn dates_are_days_since_epoch() {
        assert_eq!(days(NaiveDate::from_ymd_opt(1970, 1, 2)), Some(1));
        assert_eq!(days(NaiveDate::from_ymd_opt(2023, 2, 28)), Some(19416));
    }
}
