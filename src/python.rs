//! The only file that knows Python: documents arrive as an Arrow stream, the five tables leave
//! as Arrow tables (PyCapsule interface), and extraction runs with the GIL released.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use std::sync::Arc;

use crate::lexicon::Lexicon;
use crate::pipeline::{extract, Options, Tables};
use crate::{input, tables};

fn to_table(
    batch: Result<arrow_array::RecordBatch, arrow_schema::ArrowError>,
) -> PyResult<PyTable> {
    let batch = batch.map_err(|e| PyRuntimeError::new_err(format!("building a table: {e}")))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

type FiveTables = (PyTable, PyTable, PyTable, PyTable, PyTable);

fn into_py_tables(t: &Tables) -> PyResult<FiveTables> {
    Ok((
        to_table(tables::documents_batch(&t.documents))?,
        to_table(tables::mentions_batch(&t.mentions))?,
        to_table(tables::actors_batch(&t.actors))?,
        to_table(tables::events_batch(&t.events))?,
        to_table(tables::commitments_batch(&t.commitments))?,
    ))
}

/// extract_tables(documents, *, threads=None, dictionaries=None) -> (documents, mentions, actors, events, commitments)
///
/// `documents` is any Arrow table-like object (a Polars DataFrame, a pyarrow Table, ...) with
/// `doc_id` and `text` columns; `dictionaries` is a list of `(name, TOML text)` user files.
/// Returns five Arrow tables.
#[pyfunction]
#[pyo3(signature = (documents, *, threads=None, dictionaries=None))]
fn extract_tables(
    py: Python<'_>,
    documents: PyTable,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<FiveTables> {
    let (batches, _) = documents.into_inner();
    let mut docs = Vec::new();
    for batch in &batches {
        docs.extend(input::documents_from_batch(batch).map_err(PyValueError::new_err)?);
    }
    let lexicon = match dictionaries.filter(|d| !d.is_empty()) {
        None => Lexicon::bundled(),
        Some(files) => Arc::new(
            py.detach(|| Lexicon::from_sources(&files))
                .map_err(|e| PyValueError::new_err(format!("dictionary file {e}")))?,
        ),
    };
    let options = Options { threads, lexicon };
    let tables = py.detach(|| extract(&docs, &options));
    into_py_tables(&tables)
}

/// sample_files() -> list of (file name, contents) of the bundled sample corpus.
#[pyfunction]
fn sample_files() -> Vec<(&'static str, &'static str)> {
    crate::sample::SAMPLE_FILES.to_vec()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_tables, m)?)?;
    m.add_function(wrap_pyfunction!(sample_files, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
