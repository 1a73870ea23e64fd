//! Tables from Arrow record batches (what the Python side hands over zero-copy): documents
//! (columns `doc_id`, `text` and optionally `title`, `lang`, `published`, `source`, `url`,
//! `error`, `encoding`), and actors tables to merge.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Date64Type, UInt32Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use chrono::NaiveDate;

use crate::actors::Kind;
use crate::document::{Document, Lang};
use crate::geo;
use crate::tables::ActorRow;

/// Reads one string column whatever its Arrow string layout; `None` for nulls.
fn strings(batch: &RecordBatch, name: &str) -> Result<Option<Vec<Option<String>>>, String> {
    batch
        .column_by_name(name)
        .map(|column| string_values(column.as_ref(), name))
        .transpose()
}

fn string_values(column: &dyn Array, name: &str) -> Result<Vec<Option<String>>, String> {
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
    Ok(values)
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
        let (lang, lang_error) = given_lang(langs[i].as_deref());
        let read_error = match (errors[i].clone(), lang_error) {
            (Some(first), Some(second)) => Some(format!("{first}; {second}")),
            (first, second) => first.or(second),
        };
        docs.push(Document {
            doc_id: ids[i].clone().unwrap_or_default(),
            text,
            title: titles[i].clone(),
            lang,
            published: published[i],
            source: sources[i].clone(),
            url: urls[i].clone(),
            read_error,
            encoding: encodings[i].clone(),
        });
    }
    Ok(docs)
}

/// The language a `lang` value gives (`None`: detect it), and the error of a code without rules:
/// such a document keeps its row, with `lang = "und"` and the reason, rather than passing
/// silently unextracted.
fn given_lang(code: Option<&str>) -> (Option<Lang>, Option<String>) {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => (None, None),
        Some(code) => match Lang::parse(code) {
            Some(lang) => (Some(lang), None),
            None => (
                Some(Lang::Und),
                Some(format!(
                    "unknown language code {code:?}: lang must be {}",
                    Lang::ACCEPTED
                )),
            ),
        },
    }
}

/// Rows of an actors table (as `actors_batch` writes it), to merge tables of several runs.
pub fn actors_from_batch(batch: &RecordBatch) -> Result<Vec<ActorRow>, String> {
    let required = |name: &str| {
        strings(batch, name)?.ok_or_else(|| format!("an actors table needs a `{name}` column"))
    };
    let counts = |name: &str| -> Result<Vec<u32>, String> {
        let column = batch
            .column_by_name(name)
            .ok_or_else(|| format!("an actors table needs a `{name}` column"))?;
        match column.data_type() {
            DataType::UInt32 => Ok(column
                .as_primitive::<UInt32Type>()
                .iter()
                .map(Option::unwrap_or_default)
                .collect()),
            other => Err(format!("column `{name}` must hold UInt32, not {other}")),
        }
    };
    let (ids, names, kinds) = (required("actor_id")?, required("name")?, required("kind")?);
    let (countries, roles, cameos) = (required("country")?, required("role")?, required("cameo")?);
    let aliases = string_lists(batch, "aliases")?;
    let (n_mentions, n_docs) = (counts("n_mentions")?, counts("n_docs")?);
    let mut rows = Vec::with_capacity(batch.num_rows());
    for i in 0..batch.num_rows() {
        let kind = Kind::parse(kinds[i].as_deref().unwrap_or_default()).ok_or_else(|| {
            format!(
                "row {i}: `{}` is not an actor kind",
                kinds[i].as_deref().unwrap_or("")
            )
        })?;
        let id = ids[i].clone().unwrap_or_default();
        // Coordinates follow from the id, kind and country: looked up again, not read.
        let at = geo::locate(&id, kind.as_str(), countries[i].as_deref());
        rows.push(ActorRow {
            actor_id: id,
            name: names[i].clone().unwrap_or_default(),
            kind: kind.as_str(),
            country: countries[i].clone(),
            role: roles[i].clone(),
            cameo: cameos[i].clone(),
            aliases: aliases[i].clone(),
            n_mentions: n_mentions[i],
            n_docs: n_docs[i],
            source: crate::ids::source_of(ids[i].as_deref().unwrap_or_default()),
            lat: at.map(|l| l.lat),
            lon: at.map(|l| l.lon),
            feature: at.map(|l| l.feature),
        });
    }
    Ok(rows)
}

/// A list-of-strings column, nulls read as empty lists.
fn string_lists(batch: &RecordBatch, name: &str) -> Result<Vec<Vec<String>>, String> {
    let column = batch
        .column_by_name(name)
        .ok_or_else(|| format!("an actors table needs a `{name}` column"))?;
    let list = |item: Option<std::sync::Arc<dyn Array>>| -> Result<Vec<String>, String> {
        Ok(match item {
            Some(values) => string_values(values.as_ref(), name)?
                .into_iter()
                .flatten()
                .collect(),
            None => Vec::new(),
        })
    };
    match column.data_type() {
        DataType::List(_) => column.as_list::<i32>().iter().map(list).collect(),
        DataType::LargeList(_) => column.as_list::<i64>().iter().map(list).collect(),
        other => Err(format!(
            "column `{name}` must hold lists of strings, not {other}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::actors_batch;

    #[test]
    fn a_language_without_rules_is_a_per_document_error() {
        assert_eq!(given_lang(None), (None, None));
        assert_eq!(given_lang(Some(" ")), (None, None));
        assert_eq!(given_lang(Some("FR")), (Some(Lang::Fr), None));
        assert_eq!(given_lang(Some("und")), (Some(Lang::Und), None));
        let (lang, error) = given_lang(Some("xx"));
        assert_eq!(lang, Some(Lang::Und));
        let error = error.expect("an unknown code is reported");
        assert!(
            error.contains("\"xx\"") && error.contains("\"fr\", \"en\""),
            "{error}"
        );
    }

    #[test]
    fn actors_read_back_as_written() {
        let rows = vec![
            ActorRow {
                actor_id: "kassym_jomart_tokayev".into(),
                name: "Kassym-Jomart Tokayev".into(),
                kind: "person",
                country: Some("KAZ".into()),
                role: Some("President".into()),
                cameo: Some("KAZGOV".into()),
                aliases: vec!["Tokaïev".into(), "Tokayev".into()],
                n_mentions: 3,
                n_docs: 2,
                source: "dictionary",
                lat: None,
                lon: None,
                feature: None,
            },
            ActorRow {
                actor_id: "astana".into(),
                name: "Astana".into(),
                kind: "place",
                country: Some("KAZ".into()),
                role: None,
                cameo: None,
                aliases: Vec::new(),
                n_mentions: 1,
                n_docs: 1,
                source: "dictionary",
                lat: Some(51.1801),
                lon: Some(71.446),
                feature: Some("city"),
            },
        ];
        let batch = actors_batch(&rows).expect("actors batch builds");
        assert_eq!(actors_from_batch(&batch), Ok(rows));
    }
}
