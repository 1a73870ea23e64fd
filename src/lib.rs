//! communique: events, actors and financial commitments from diplomatic news.
//!
//! One document's path: [`text`] (fold, segment, flag boilerplate, detect language) →
//! [`actors`] (mentions, resolution to canonical actors) → [`events`], [`money`] and
//! [`commitments`] → [`tables`] (Arrow record batches). [`pipeline`] runs that path over many
//! documents in parallel. The Python binding lives in `python/` behind the `python` feature.

pub mod actors;
pub mod clauses;
pub mod commitments;
pub mod dates;
pub mod document;
pub mod events;
pub mod expr;
pub mod files;
pub mod geo;
pub mod goldstein;
pub mod ids;
pub mod input;
pub mod lexicon;
pub mod money;
pub mod pipeline;
pub mod quotes;
pub mod sample;
pub mod tables;
pub mod text;
pub mod view;

#[cfg(feature = "python")]
mod python;

pub use document::{Document, Lang};
pub use pipeline::{analyse, extract, Analysis, Options};
pub use tables::Tables;
