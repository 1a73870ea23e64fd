//! Documents in, the six tables out; actors tables of several runs merged into one.

use arrow_array::RecordBatch;
use arrow_schema::ArrowError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use super::{building_error, options, rows_of, to_table};
use crate::pipeline::{self, extract_batches};
use crate::{input, tables};

type SixTables = (PyTable, PyTable, PyTable, PyTable, PyTable, PyTable);

fn into_py_tables(batches: Result<[RecordBatch; 6], ArrowError>) -> PyResult<SixTables> {
    let [documents, mentions, actors, events, commitments, quotes] =
        batches.map_err(building_error)?;
    Ok((
        to_table(documents)?,
        to_table(mentions)?,
        to_table(actors)?,
        to_table(events)?,
        to_table(commitments)?,
        to_table(quotes)?,
    ))
}

/// extract_tables(documents, *, threads=None, dictionaries=None) -> (documents, mentions, actors, events, commitments, quotes)
///
/// `documents` is any Arrow table-like object (a Polars DataFrame, a pyarrow Table, ...) with
/// `doc_id` and `text` columns; `dictionaries` is a list of `(name, TOML text)` user files.
/// Returns six Arrow tables.
#[pyfunction]
#[pyo3(signature = (documents, *, threads=None, dictionaries=None))]
pub(super) fn extract_tables(
    py: Python<'_>,
    documents: PyTable,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<SixTables> {
    let docs = rows_of(documents, input::documents_from_batch)?;
    let options = options(py, threads, dictionaries)?;
    into_py_tables(py.detach(|| extract_batches(&docs, &options)))
}

/// merge_actors(actors) -> actors
///
/// One row per actor from actors tables of several runs concatenated (chunks, batches,
/// partitions): counts summed, aliases united, and the office with a role, then of the most
/// documents, kept; the result does not depend on how the corpus was split or ordered.
#[pyfunction]
pub(super) fn merge_actors(py: Python<'_>, actors: PyTable) -> PyResult<PyTable> {
    let rows = rows_of(actors, input::actors_from_batch)?;
    let merged = py.detach(|| pipeline::merge_actors(rows));
    to_table(tables::actors_batch(&merged).map_err(building_error)?)
}
