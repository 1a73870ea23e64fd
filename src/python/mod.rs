//! The only module that knows Python, one file per concept as in the core: extraction of
//! documents into the six tables (`extraction.rs`), per-text columns for the Polars namespace
//! (`columns.rs`) and reading input (`input.rs`). Documents arrive as Arrow streams, tables
//! leave as Arrow tables (PyCapsule interface), and the work runs with the GIL released.

mod columns;
mod extraction;
mod input;

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::ArrowError;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::document::Lang;
use crate::lexicon::Lexicon;
use crate::pipeline::Options;

/// The allocator of the extension's Rust code (Python keeps its own): with glibc's malloc, a
/// fifth of the extraction time went to allocating and freeing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` and `mi_option_allow_thp` in the option enum of mimalloc 3 (the
/// version `libmimalloc-sys` builds).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// Freed memory goes back to the system after a millisecond (mimalloc's default is ten): the
/// peak resident size then stays below glibc's, for about 4 % of the time saved. Transparent huge
/// pages are refused: memory given back and taken again was zeroed 2 MiB at a time, which cost
/// 7 % of the extraction time and 12 % of the peak resident size.
fn return_memory_promptly() {
    // SAFETY: setting an option is a plain store of a valid option of this mimalloc.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 1);
        libmimalloc_sys::mi_option_set(ALLOW_THP, 0);
    }
}

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

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    return_memory_promptly();
    m.add_function(wrap_pyfunction!(extraction::extract_tables, m)?)?;
    m.add_function(wrap_pyfunction!(columns::money_column, m)?)?;
    m.add_function(wrap_pyfunction!(columns::dates_column, m)?)?;
    m.add_function(wrap_pyfunction!(columns::mentions_column, m)?)?;
    m.add_function(wrap_pyfunction!(columns::events_column, m)?)?;
    m.add_function(wrap_pyfunction!(columns::quotes_column, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::merge_actors, m)?)?;
    m.add_function(wrap_pyfunction!(input::sample_files, m)?)?;
    m.add_function(wrap_pyfunction!(input::decode_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(input::read_files, m)?)?;
    m.add_function(wrap_pyfunction!(input::sentences, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
