//! Per-text columns for the Polars namespace: each chunk of a text column becomes a column of
//! lists of structs (money, dates, mentions, events, quotes), computed with the GIL released.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use arrow_schema::ArrowError;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::PyChunkedArray;

use super::{options, parse_lang};
use crate::expr;
use crate::pipeline::Options;

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
pub(super) fn money_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
) -> PyResult<PyChunkedArray> {
    let lang = parse_lang(lang)?;
    per_chunk(py, texts, |t| expr::money_column(t, lang, threads))
}

/// dates_column(texts, published=None, *, lang=None, threads=None) -> list of date structs per
/// text; `published` is a Date32 column as long as `texts`, one publication date per text.
#[pyfunction]
#[pyo3(signature = (texts, published=None, *, lang=None, threads=None))]
pub(super) fn dates_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    published: Option<PyChunkedArray>,
    lang: Option<&str>,
    threads: Option<usize>,
) -> PyResult<PyChunkedArray> {
    let lang = parse_lang(lang)?;
    let mut days = Vec::new();
    if let Some(published) = published {
        let (chunks, _) = published.into_inner();
        for chunk in &chunks {
            days.extend(expr::days_of(chunk.as_ref()).map_err(PyTypeError::new_err)?);
        }
        let n: usize = texts.chunks().iter().map(|c| c.len()).sum();
        if days.len() != n {
            return Err(PyValueError::new_err(format!(
                "published has {} rows for {n} texts",
                days.len()
            )));
        }
    }
    // Each chunk of texts reads the publication dates of its own rows.
    let offset = AtomicUsize::new(0);
    per_chunk(py, texts, |t| {
        let from = offset.fetch_add(t.len(), Ordering::Relaxed);
        let published = days.get(from..).unwrap_or_default();
        expr::dates_column(t, published, lang, threads)
    })
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
pub(super) fn mentions_column(
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
pub(super) fn events_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<PyChunkedArray> {
    pipeline_column(py, texts, lang, threads, dictionaries, expr::events_column)
}

/// quotes_column(texts, *, lang=None, threads=None, dictionaries=None) -> quote structs per text
#[pyfunction]
#[pyo3(signature = (texts, *, lang=None, threads=None, dictionaries=None))]
pub(super) fn quotes_column(
    py: Python<'_>,
    texts: PyChunkedArray,
    lang: Option<&str>,
    threads: Option<usize>,
    dictionaries: Option<Vec<(String, String)>>,
) -> PyResult<PyChunkedArray> {
    pipeline_column(py, texts, lang, threads, dictionaries, expr::quotes_column)
}
