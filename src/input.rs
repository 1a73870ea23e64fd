//! Documents from Arrow record batches (what the Python side hands over zero-copy): columns
//! `doc_id`, `text` and optionally `title`, `lang`, `published`, `source`, `url`, `error`,
//! `encoding`.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Date64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use chrono::NaiveDate;

use crate::document::{Document, Lang};

/// Reads one string column whatever its Arrow string layout; `None` for nulls.
fn strings(batch: &RecordBatch, name: &str) -> Result<Option<Vec<Option<String>>>, String> {
    let Some(column) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let values: Vec<Option<String>> = match column.data_type() {
        DataType::Utf8 => column
            .as_string::<i32>()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        DataType::LargeUtf8 => column
            .as_string::<i64>()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        DataType::Utf8View => column
            .as_string_view()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        DataType::Null => vec![None; column.len()],
        other => return Err(format!("column `{name}` must hold strings, not {other}")),
    };
    Ok(Some(values))
}

fn dates(batch: &RecordBatch, name: &str) -> Result<Vec<Option<NaiveDate>>, String> {
    let Some(column) = batch.column_by_name(name) else {
        return Ok(vec![None; batch.num_rows()]);
    };
    match column.data_type() {
        DataType::Date32 => Ok((0..column.len())
            .map(|i| {
                column
                    .as_primitive::<Date32Type>()
                    .value_as_date(i)
                    .filter(|_| column.is_valid(i))
            })
            .collect()),
        DataType::Date64 => Ok((0..column.len())
            .map(|i| {
                column
                    .as_primitive::<Date64Type>()
                    .value_as_date(i)
                    .filter(|_| column.is_valid(i))
            })
            .collect()),
        DataType::Null => Ok(vec![None; column.len()]),
        _ => {
            let text = strings(batch, name)?.unwrap_or_default();
            text.into_iter()
                .map(|v| match v.as_deref().map(str::trim) {
                    None | Some("") => Ok(None),
                    Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map(Some)
                        .map_err(|_| format!("column `{name}`: `{s}` is not a date (YYYY-MM-DD)")),
                })
                .collect()
        }
    }
}

/// Documents of one record batch, in row order.
pub fn documents_from_batch(batch: &RecordBatch) -> Result<Vec<Document>, String> {
    let rows = batch.num_rows();
    let column = |name: &str| strings(batch, name).map(|c| c.unwrap_or_else(|| vec![None; rows]));
    let ids = strings(batch, "doc_id")?.ok_or("the documents need a `doc_id` column")?;
    let texts = strings(batch, "text")?.ok_or("the documents need a `text` column")?;
    let encodings = column("encoding")?;
    let (titles, langs, sources, urls, errors) = (
        column("title")?,
        column("lang")?,
        column("source")?,
        column("url")?,
        column("error")?,
    );
    let published = dates(batch, "published")?;
    let mut docs = Vec::with_capacity(rows);
    for (i, text) in texts.into_iter().enumerate() {
        docs.push(Document {
            doc_id: ids[i].clone().unwrap_or_default(),
            text,
            title: titles[i].clone(),
            lang: langs[i].as_deref().map(Lang::parse),
            published: published[i],
            source: sources[i].clone(),
            url: urls[i].clone(),
            read_error: errors[i].clone(),
            encoding: encodings[i].clone(),
        });
    }
    Ok(docs)
}
