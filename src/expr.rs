//! Per-text columns for the Polars expression namespace (`pl.col("text").communique`): for each
//! text of a string array, a list of structs — its money expressions, its dates, its mentions
//! or its events — with code-point offsets. A null text gives a null list.
//!
//! Mentions and events run the whole pipeline on each text as a document of its own, named by
//! a hash of the text: identifiers (`event_id`) then depend on the text only, not on its row or
//! on how the column was split into batches.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Float64Builder, NullBufferBuilder, OffsetBufferBuilder, StringBuilder,
    UInt32Builder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use chrono::{Duration, NaiveDate};
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crate::dates::{self, ResolvedDate};
use crate::document::{Document, Lang};
use crate::pipeline::{analyse, Analysis, Options};
use crate::text::offsets::CodePoints;
use crate::{money, tables, text};

/// The texts of a string array (any Arrow string layout), nulls kept.
pub fn texts_of(array: &dyn Array) -> Result<Vec<Option<&str>>, String> {
    Ok(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().collect(),
        DataType::Utf8View => array.as_string_view().iter().collect(),
        DataType::Null => vec![None; array.len()],
        other => return Err(format!("expected a column of strings, not {other}")),
    })
}

/// Runs `f` on a pool of `threads` workers, or on the global pool when `None`.
fn on_threads<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> T {
    match threads.map(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build()) {
        Some(Ok(pool)) => pool.install(f),
        _ => f(),
    }
}

struct Money {
    start: u32,
    end: u32,
    bytes: (usize, usize),
    amount: f64,
    currency: &'static str,
    qualifier: Option<&'static str>,
}

fn money_in(text: &str, lang: Option<Lang>) -> Vec<Money> {
    let lang = lang.unwrap_or_else(|| text::lang::detect(text));
    let found = money::find_money(text, lang);
    if found.is_empty() {
        return Vec::new();
    }
    let cp = CodePoints::new(text);
    found
        .into_iter()
        .map(|m| Money {
            start: cp.at(m.start),
            end: cp.at(m.end),
            bytes: (m.start, m.end),
            amount: m.amount,
            currency: m.currency,
            qualifier: m.qualifier,
        })
        .collect()
}

/// The struct of one money expression, as in SPEC: start, end, text, amount, currency,
/// qualifier.
pub fn money_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::UInt32, false),
        Field::new("end", DataType::UInt32, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("amount", DataType::Float64, false),
        Field::new("currency", DataType::Utf8, false),
        Field::new("qualifier", DataType::Utf8, true),
    ])
}

/// Every money expression of each text (commitment or not). `lang` forces the language;
/// by default it is detected per text.
pub fn money_column(
    texts: &[Option<&str>],
    lang: Option<Lang>,
    threads: Option<usize>,
) -> Result<ArrayRef, ArrowError> {
    let found: Vec<Option<Vec<Money>>> = on_threads(threads, || {
        texts
            .par_iter()
            .map(|t| t.map(|t| catch_unwind(|| money_in(t, lang)).unwrap_or_default()))
            .collect()
    });
    let n: usize = found.iter().flatten().map(Vec::len).sum();
    let (mut start, mut end) = (
        UInt32Builder::with_capacity(n),
        UInt32Builder::with_capacity(n),
    );
    let mut span = StringBuilder::new();
    let mut amount = Float64Builder::with_capacity(n);
    let (mut currency, mut qualifier) = (StringBuilder::new(), StringBuilder::new());
    for (t, ms) in texts.iter().zip(&found) {
        let (Some(t), Some(ms)) = (t, ms) else {
            continue;
        };
        for m in ms {
            start.append_value(m.start);
            end.append_value(m.end);
            span.append_value(t.get(m.bytes.0..m.bytes.1).unwrap_or_default());
            amount.append_value(m.amount);
            currency.append_value(m.currency);
            qualifier.append_option(m.qualifier);
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(span.finish()),
        Arc::new(amount.finish()),
        Arc::new(currency.finish()),
        Arc::new(qualifier.finish()),
    ];
    let values = StructArray::try_new(money_fields(), columns, None)?;
    let counts: Vec<Option<usize>> = found.iter().map(|f| f.as_ref().map(Vec::len)).collect();
    list_of(values, &counts)
}

/// The struct of one date expression: start, end, text, date (the first day of a month or a
/// year; null when it cannot be resolved) and granularity (day, month or year).
pub fn date_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::UInt32, false),
        Field::new("end", DataType::UInt32, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("date", DataType::Date32, true),
        Field::new("granularity", DataType::Utf8, false),
    ])
}

/// Days since 1970-01-01, Arrow's `Date32`.
fn date32(date: NaiveDate) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

/// The days of a `Date32` array (or of an all-null one), nulls kept.
pub fn days_of(array: &dyn Array) -> Result<Vec<Option<NaiveDate>>, String> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).ok_or("no epoch")?;
    let day = |days: i32| epoch.checked_add_signed(Duration::try_days(days.into())?);
    Ok(match array.data_type() {
        DataType::Date32 => array
            .as_primitive::<Date32Type>()
            .iter()
            .map(|d| d.and_then(day))
            .collect(),
        DataType::Null => vec![None; array.len()],
        other => return Err(format!("expected a column of dates, not {other}")),
    })
}

/// Every date expression of each text, resolved against that text's publication date
/// (`published[i]`, or none). `lang` forces the language; by default it is detected per text.
pub fn dates_column(
    texts: &[Option<&str>],
    published: &[Option<NaiveDate>],
    lang: Option<Lang>,
    threads: Option<usize>,
) -> Result<ArrayRef, ArrowError> {
    let found: Vec<Option<Vec<ResolvedDate>>> = on_threads(threads, || {
        texts
            .par_iter()
            .enumerate()
            .map(|(i, t)| {
                let published = published.get(i).copied().flatten();
                t.map(|t| {
                    let lang = lang.unwrap_or_else(|| text::lang::detect(t));
                    catch_unwind(|| dates::resolve_dates(t, lang, published)).unwrap_or_default()
                })
            })
            .collect()
    });
    let n: usize = found.iter().flatten().map(Vec::len).sum();
    let (mut start, mut end) = (
        UInt32Builder::with_capacity(n),
        UInt32Builder::with_capacity(n),
    );
    let (mut span, mut granularity) = (StringBuilder::new(), StringBuilder::new());
    let mut date = Date32Builder::with_capacity(n);
    for (t, ds) in texts.iter().zip(&found) {
        let (Some(t), Some(ds)) = (t, ds) else {
            continue;
        };
        let cp = CodePoints::new(t);
        for d in ds {
            start.append_value(cp.at(d.start));
            end.append_value(cp.at(d.end));
            span.append_value(t.get(d.start..d.end).unwrap_or_default());
            date.append_option(d.date.and_then(date32));
            granularity.append_value(d.granularity.as_str());
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(span.finish()),
        Arc::new(date.finish()),
        Arc::new(granularity.finish()),
    ];
    let values = StructArray::try_new(date_fields(), columns, None)?;
    let counts: Vec<Option<usize>> = found.iter().map(|f| f.as_ref().map(Vec::len)).collect();
    list_of(values, &counts)
}

/// A list per text over `values`, the rows of all texts one after the other; `None` counts are
/// null lists.
fn list_of(values: StructArray, counts: &[Option<usize>]) -> Result<ArrayRef, ArrowError> {
    let mut offsets = OffsetBufferBuilder::<i32>::new(counts.len());
    let mut nulls = NullBufferBuilder::new(counts.len());
    for c in counts {
        offsets.push_length(c.unwrap_or(0));
        nulls.append(c.is_some());
    }
    let item = Arc::new(Field::new("item", values.data_type().clone(), true));
    Ok(Arc::new(ListArray::try_new(
        item,
        offsets.finish(),
        Arc::new(values),
        nulls.finish(),
    )?))
}

/// A table's record batch as structs, without its `doc_id` column.
fn rows_without_doc_id(batch: RecordBatch) -> Result<StructArray, ArrowError> {
    let keep: Vec<usize> = (0..batch.num_columns())
        .filter(|&i| batch.schema().field(i).name() != "doc_id")
        .collect();
    Ok(StructArray::from(batch.project(&keep)?))
}

fn analyses(texts: &[Option<&str>], lang: Option<Lang>, options: &Options) -> Vec<Analysis> {
    on_threads(options.threads, || {
        texts
            .par_iter()
            .map(|t| {
                let Some(t) = t else {
                    return Analysis::default();
                };
                let doc = Document {
                    doc_id: format!("{:016x}", xxh3_64(t.as_bytes())),
                    text: Some(t.to_string()),
                    lang,
                    ..Default::default()
                };
                catch_unwind(AssertUnwindSafe(|| analyse(&doc, options))).unwrap_or_default()
            })
            .collect()
    })
}

fn counts<T>(
    texts: &[Option<&str>],
    rows: &[Analysis],
    of: impl Fn(&Analysis) -> &[T],
) -> Vec<Option<usize>> {
    texts
        .iter()
        .zip(rows)
        .map(|(t, a)| t.map(|_| of(a).len()))
        .collect()
}

/// The mentions of each text: the `mentions` table's columns without `doc_id`.
pub fn mentions_column(
    texts: &[Option<&str>],
    lang: Option<Lang>,
    options: &Options,
) -> Result<ArrayRef, ArrowError> {
    let found = analyses(texts, lang, options);
    let counts = counts(texts, &found, |a| &a.mentions);
    let rows: Vec<_> = found.into_iter().flat_map(|a| a.mentions).collect();
    list_of(
        rows_without_doc_id(tables::mentions_batch(&rows)?)?,
        &counts,
    )
}

/// The events of each text: the `events` table's columns without `doc_id`.
pub fn events_column(
    texts: &[Option<&str>],
    lang: Option<Lang>,
    options: &Options,
) -> Result<ArrayRef, ArrowError> {
    let found = analyses(texts, lang, options);
    let counts = counts(texts, &found, |a| &a.events);
    let rows: Vec<_> = found.into_iter().flat_map(|a| a.events).collect();
    list_of(rows_without_doc_id(tables::events_batch(&rows)?)?, &counts)
}

/// The quotations of each text: the `quotes` table's columns without `doc_id`.
pub fn quotes_column(
    texts: &[Option<&str>],
    lang: Option<Lang>,
    options: &Options,
) -> Result<ArrayRef, ArrowError> {
    let found = analyses(texts, lang, options);
    let counts = counts(texts, &found, |a| &a.quotes);
    let rows: Vec<_> = found.into_iter().flat_map(|a| a.quotes).collect();
    list_of(rows_without_doc_id(tables::quotes_batch(&rows)?)?, &counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::StringArray;

    #[test]
    fn money_has_code_point_offsets_and_null_lists_for_null_texts() {
        let array = StringArray::from(vec![
            Some("Les États-Unis verseront 25 millions de dollars."),
            None,
            Some(""),
            Some("😀 The bank lent $1.5 billion to the project."),
        ]);
        let texts = texts_of(&array).unwrap();
        let column = money_column(&texts, None, Some(1)).unwrap();
        let lists = column.as_list::<i32>();
        assert_eq!(lists.len(), 4);
        assert!(lists.is_null(1));
        assert_eq!(lists.value(2).len(), 0);
        let first = lists.value(0);
        let first = first.as_struct();
        assert_eq!(first.len(), 1);
        let text = "Les États-Unis verseront 25 millions de dollars.";
        let start = first
            .column(0)
            .as_primitive::<arrow_array::types::UInt32Type>()
            .value(0);
        let end = first
            .column(1)
            .as_primitive::<arrow_array::types::UInt32Type>()
            .value(0);
        let span: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(span, first.column(2).as_string::<i32>().value(0));
        assert_eq!(first.column(4).as_string::<i32>().value(0), "USD");
        let last = lists.value(3);
        let amount = last.as_struct().column(3);
        let amount = amount.as_primitive::<arrow_array::types::Float64Type>();
        assert_eq!(amount.value(0), 1.5e9);
    }

    #[test]
    fn mentions_and_events_keep_one_list_per_text() {
        let array = StringArray::from(vec![
            Some("Le secrétaire d'État américain a rencontré le ministre kazakh à Astana."),
            None,
            Some("\u{0}\u{301}"),
        ]);
        let texts = texts_of(&array).unwrap();
        let options = Options::default();
        for column in [
            mentions_column(&texts, None, &options).unwrap(),
            events_column(&texts, Some(Lang::Fr), &options).unwrap(),
        ] {
            let lists = column.as_list::<i32>();
            assert_eq!(lists.len(), 3);
            assert!(lists.is_null(1));
            let DataType::Struct(fields) = lists.value_type() else {
                panic!("not a struct");
            };
            assert!(fields.iter().all(|f| f.name() != "doc_id"));
        }
        let mentions = mentions_column(&texts, None, &options).unwrap();
        assert!(!mentions.as_list::<i32>().value(0).is_empty());
    }

    #[test]
    fn dates_resolve_against_each_texts_publication_day() {
        let array = StringArray::from(vec![
            Some("Élu en 2019, il a parlé jeudi à Astana."),
            None,
            Some("Il a parlé jeudi."),
        ]);
        let texts = texts_of(&array).unwrap();
        let published = days_of(&arrow_array::Date32Array::from(vec![
            Some(19859), // 2024-05-16, a Thursday
            None,
            None,
        ]))
        .unwrap();
        let column = dates_column(&texts, &published, Some(Lang::Fr), Some(1)).unwrap();
        let lists = column.as_list::<i32>();
        assert!(lists.is_null(1));
        let first = lists.value(0);
        let first = first.as_struct();
        let text = first.column(2).as_string::<i32>();
        assert_eq!((text.value(0), text.value(1)), ("en 2019", "jeudi"));
        let start = first
            .column(0)
            .as_primitive::<arrow_array::types::UInt32Type>();
        // "Élu " is four code points, five bytes.
        assert_eq!(start.value(0), 4);
        let date = first.column(3).as_primitive::<Date32Type>();
        assert_eq!(
            from_days(date.value(0)),
            NaiveDate::from_ymd_opt(2019, 1, 1)
        );
        assert_eq!(
            from_days(date.value(1)),
            NaiveDate::from_ymd_opt(2024, 5, 16)
        );
        let granularity = first.column(4).as_string::<i32>();
        assert_eq!(
            (granularity.value(0), granularity.value(1)),
            ("year", "day")
        );
        // Without a publication date the weekday is kept, unresolved.
        let last = lists.value(2);
        assert!(last.as_struct().column(3).is_null(0));
    }

    fn from_days(days: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(Duration::days(days.into()))
    }

    #[test]
    fn publication_dates_must_be_dates() {
        assert!(days_of(&arrow_array::Int32Array::from(vec![1])).is_err());
        let none = days_of(&arrow_array::NullArray::new(2)).unwrap();
        assert_eq!(none, vec![None, None]);
    }

    #[test]
    fn rejects_columns_that_are_not_strings() {
        let numbers = arrow_array::UInt32Array::from(vec![1, 2]);
        assert!(texts_of(&numbers).is_err());
    }
}
