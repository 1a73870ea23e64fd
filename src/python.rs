//! The only file that knows Python: documents arrive as an Arrow stream, the five tables leave
//! as Arrow tables (PyCapsule interface), and extraction runs with the GIL released.

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::{PyChunkedArray, PyTable};

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::ArrowError;

use crate::document::Lang;
use crate::lexicon::Lexicon;
use crate::pipeline::{self, extract_batches, Options};
use crate::{expr, input, tables};

fn to_table(batch: RecordBatch) -> PyResult<PyTable> {
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

fn building_error(e: ArrowError) -> PyErr {
    PyRuntimeError::new_err(format!("building a table: {e}"))
}

/// The rows of every batch of `table`, read by `read`; its error becomes a ValueError.
fn rows_of<T>(
    table: PyTable,
    read: impl Fn(&RecordBatch) -> Result<Vec<T>, String>,
) -> PyResult<Vec<T>> {
    let (batches, _) = table.into_inner();
    let mut rows = Vec::new();
    for batch in &batches {
        rows.extend(read(batch).map_err(PyValueError::new_err)?);
    }
    Ok(rows)
}

type FiveTables = (PyTable, PyTable, PyTable, PyTable, PyTable);

fn into_py_tables(batches: Result<[RecordBatch; 5], ArrowError>) -> PyResult<FiveTables> {
    let [documents, mentions, actors, events, commitments] = batches.map_err(building_error)?;
    Ok((
        to_table(documents)?,
        to_table(mentions)?,
        to_table(actors)?,
        to_table(events)?,
        to_table(commitments)?,
    ))
}

fn options(
    py: Python<'_>,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<Options> {
    let lexicon = match dictionaries.filter(|d| !d.is_empty()) {
        None => Lexicon::bundled(),
        Some(files) => Arc::new(
            py.detach(|| Lexicon::from_sources(&files))
                .map_err(|e| PyValueError::new_err(format!("dictionary file {e}")))?,
        ),
    };
    Ok(Options { threads, lexicon })
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
    let docs = rows_of(documents, input::documents_from_batch)?;
    let options = options(py, threads, dictionaries)?;
    into_py_tables(py.detach(|| extract_batches(&docs, &options)))
}

fn parse_lang(lang: Option<&str>) -> PyResult<Option<Lang>> {
    let Some(code) = lang else {
        return Ok(None);
    };
    match Lang::parse(code) {
        Some(l @ (Lang::Fr | Lang::En)) => Ok(Some(l)),
        _ => Err(PyValueError::new_err(format!(
            "lang must be \"fr\", \"en\" or None, not {code:?}"
        ))),
    }
}

/// One list-of-struct column per chunk of `texts`, computed with the GIL released.
fn per_chunk(
    py: Python<'_>,
    texts: PyChunkedArray,
    column: impl Fn(&[Option<&str>]) -> Result<arrow_array::ArrayRef, ArrowError> + Send + Sync,
) -> PyResult<PyChunkedArray> {
    let (chunks, _) = texts.into_inner();
    let out = py.detach(|| {
        chunks
            .iter()
            .map(|chunk| {
                let texts = expr::texts_of(chunk.as_ref()).map_err(PyTypeError::new_err)?;
                column(&texts)
                    .map_err(|e| PyRuntimeError::new_err(format!("building a column: {e}")))
            })
            .collect::<PyResult<Vec<_>>>()
    })?;
    let field = match out.first() {
        Some(first) => Arc::new(arrow_schema::Field::new(
            "",
            first.data_type().clone(),
            true,
        )),
        None => {
            let empty = column(&[])
                .map_err(|e| PyRuntimeError::new_err(format!("building a column: {e}")))?;
            Arc::new(arrow_schema::Field::new(
                "",
                empty.data_type().clone(),
                true,
            ))
        }
    };
    PyChunkedArray::try_new(out, field)
}

/// money_column(texts, *, lang=None, threads=None) -> list of money structs per text
#[pyfunction]
#[pyo3(signature = (texts, *, lang=None, threads=None))]
fn money_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
) -> PyResult<PyChunkedArray> {
    let lang = parse_lang(lang)?;
    per_chunk(py, texts, |t| expr::money_column(t, lang, threads))
}

/// Builds one table's rows per text (`expr::mentions_column`, `expr::events_column`).
type RowsPerText =
    fn(&[Option<&str>], Option<crate::Lang>, &Options) -> Result<arrow_array::ArrayRef, ArrowError>;

/// The per-text rows of one table for a column of texts: the shared body of
/// `mentions_column` and `events_column`.
fn pipeline_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
    rows: RowsPerText,
) -> PyResult<PyChunkedArray> {
    let lang = parse_lang(lang)?;
    let options = options(py, threads, dictionaries)?;
    per_chunk(py, texts, |t| rows(t, lang, &options))
}

/// mentions_column(texts, *, lang=None, threads=None, dictionaries=None) -> mention structs per text
#[pyfunction]
#[pyo3(signature = (texts, *, lang=None, threads=None, dictionaries=None))]
fn mentions_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<PyChunkedArray> {
    pipeline_column(
        py,
        texts,
        lang,
        threads,
        dictionaries,
        expr::mentions_column,
    )
}

/// events_column(texts, *, lang=None, threads=None, dictionaries=None) -> event structs per text
#[pyfunction]
#[pyo3(signature = (texts, *, lang=None, threads=None, dictionaries=None))]
fn events_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<PyChunkedArray> {
    pipeline_column(py, texts, lang, threads, dictionaries, expr::events_column)
}

/// merge_actors(actors) -> actors
///
/// One row per actor from actors tables of several runs concatenated (chunks, batches,
/// partitions): counts summed, aliases united, and the office with a role, then of the most
/// documents, kept; the result does not depend on how the corpus was split or ordered.
#[pyfunction]
fn merge_actors(py: Python<'_>, actors: PyTable) -> PyResult<PyTable> {
    let rows = rows_of(actors, input::actors_from_batch)?;
    let merged = py.detach(|| pipeline::merge_actors(rows));
    to_table(tables::actors_batch(&merged).map_err(building_error)?)
}

/// sample_files() -> list of (file name, contents) of the bundled sample corpus.
#[pyfunction]
fn sample_files() -> Vec<(&'static str, &'static str)> {
    crate::sample::SAMPLE_FILES.to_vec()
}

/// sentences(text) -> list of (start, end, boilerplate), code-point offsets of each sentence.
#[pyfunction]
fn sentences(py: Python<'_>, text: &str) -> Vec<(u32, u32, bool)> {
    py.detach(|| {
        let points = crate::text::offsets::CodePoints::new(text);
        crate::text::segment::sentences(text, None)
            .iter()
            .map(|s| (points.at(s.start), points.at(s.end), s.boilerplate))
            .collect()
    })
}

/// decode_bytes(data) -> (text, encoding, error)
///
/// Decodes a file's bytes whatever their encoding (BOM, then UTF-8, then the detected legacy
/// encoding); `encoding` is the WHATWG name used, `error` tells of binary content or of
/// undecodable bytes replaced by U+FFFD (None when the bytes read cleanly).
#[pyfunction]
fn decode_bytes(py: Python<'_>, data: &[u8]) -> (String, &'static str, Option<String>) {
    let decoded = py.detach(|| crate::text::encoding::decode(data));
    let error = decoded.problem();
    (decoded.text, decoded.encoding, error)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_tables, m)?)?;
    m.add_function(wrap_pyfunction!(money_column, m)?)?;
    m.add_function(wrap_pyfunction!(mentions_column, m)?)?;
    m.add_function(wrap_pyfunction!(events_column, m)?)?;
    m.add_function(wrap_pyfunction!(merge_actors, m)?)?;
    m.add_function(wrap_pyfunction!(sample_files, m)?)?;
    m.add_function(wrap_pyfunction!(decode_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
