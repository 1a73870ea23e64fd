//! Reading input: a file's bytes decoded, a text's sentences, the bundled sample corpus.

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use super::{building_error, to_table};

/// sample_files() -> list of (file name, contents) of the bundled sample corpus.
#[pyfunction]
pub(super) fn sample_files() -> Vec<(&'static str, &'static str)> {
    crate::sample::SAMPLE_FILES.to_vec()
}

/// sentences(text) -> list of (start, end, boilerplate), code-point offsets of each sentence.
#[pyfunction]
pub(super) fn sentences(py: Python<'_>, text: &str) -> Vec<(u32, u32, bool)> {
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
pub(super) fn decode_bytes(py: Python<'_>, data: &[u8]) -> (String, &'static str, Option<String>) {
    let decoded = py.detach(|| crate::text::encoding::decode(data));
    let error = decoded.problem();
    (decoded.text, decoded.encoding, error)
}

/// read_files(paths) -> table of `text`, `encoding`, `error`, one row per path, in order
///
/// Reads and decodes the files in parallel with the GIL released; a file that cannot be read
/// keeps its row with a null `text` and the reason in `error`.
#[pyfunction]
pub(super) fn read_files(py: Python<'_>, paths: Vec<String>) -> PyResult<PyTable> {
    let batch = py.detach(|| crate::files::read_files(&paths));
    to_table(batch.map_err(building_error)?)
}
