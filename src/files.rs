//! Text files read in parallel: each file's bytes decoded whatever their encoding
//! (`text::encoding`), as Arrow columns ready to join the documents table. A file that cannot
//! be read keeps its row, with a null text and the reason in `error`.

use std::sync::Arc;

use arrow_array::builder::{LargeStringBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use rayon::prelude::*;

use crate::text::encoding;

/// One file read: its text (None when it could not be read), the encoding it was decoded
/// with, and the reading problem, if any.
pub struct ReadFile {
    pub text: Option<String>,
    pub encoding: Option<&'static str>,
    pub error: Option<String>,
}

/// Reads and decodes one file.
pub fn read_file(path: &str) -> ReadFile {
    match std::fs::read(path) {
        Ok(bytes) => {
            let decoded = encoding::decode(&bytes);
            let error = decoded.problem();
            ReadFile {
                text: Some(decoded.text),
                encoding: Some(decoded.encoding),
                error,
            }
        }
        Err(e) => ReadFile {
            text: None,
            encoding: None,
            error: Some(format!("could not read {path}: {e}")),
        },
    }
}

/// The files of `paths`, in order, read in parallel; columns `text` (large strings: a corpus
/// may hold more than 2 GiB of text), `encoding` and `error`.
pub fn read_files(paths: &[String]) -> Result<RecordBatch, ArrowError> {
    let files: Vec<ReadFile> = paths.par_iter().map(|p| read_file(p)).collect();
    let mut text = LargeStringBuilder::new();
    let mut encodings = StringBuilder::new();
    let mut errors = StringBuilder::new();
    for file in &files {
        text.append_option(file.text.as_deref());
        encodings.append_option(file.encoding);
        errors.append_option(file.error.as_deref());
    }
    let schema = Schema::new(vec![
        Field::new("text", DataType::LargeUtf8, true),
        Field::new("encoding", DataType::Utf8, true),
        Field::new("error", DataType::Utf8, true),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(text.finish()),
        Arc::new(encodings.finish()),
        Arc::new(errors.finish()),
    ];
    RecordBatch::try_new(Arc::new(schema), columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::Array;

    #[test]
    fn files_keep_their_order_and_an_unreadable_one_its_row() {
        let dir = std::env::temp_dir().join(format!("communique-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let latin1 = dir.join("latin1.txt");
        std::fs::write(&latin1, b"Le pr\xe9sident a re\xe7u le ministre.").unwrap();
        let utf8 = dir.join("utf8.txt");
        std::fs::write(&utf8, "Astana, le 3 mars.").unwrap();
        let paths = [
            utf8.display().to_string(),
            dir.join("missing.txt").display().to_string(),
            latin1.display().to_string(),
        ];
        let batch = read_files(&paths).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let text = batch.column(0).as_string::<i64>();
        let encoding = batch.column(1).as_string::<i32>();
        let error = batch.column(2).as_string::<i32>();
        assert_eq!(text.value(0), "Astana, le 3 mars.");
        assert_eq!(encoding.value(0), "UTF-8");
        assert!(error.is_null(0));
        assert!(text.is_null(1) && encoding.is_null(1));
        assert!(error.value(1).starts_with("could not read"));
        assert_eq!(text.value(2), "Le président a reçu le ministre.");
        assert_eq!(encoding.value(2), "windows-1252");
    }
}
