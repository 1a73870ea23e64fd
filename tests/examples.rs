//! The examples of every dimension and language, run by one harness.
//!
//! `tests/examples/<dimension>.<lang>.toml` holds texts with what an extractor must find in
//! each: `money` (`money::find_money`), `cues` (`events::cues::find_cues`), `dates`
//! (`dates::resolve_dates` against the file's `published`), `mentions` and `commitments` (the
//! whole pipeline on a one-document corpus). An expected item lists only
//! the fields it checks; numbers match within 1e-6 relative. The items found must be the items
//! expected, in text order, unless the example says `partial = true` (each expected item is then
//! among those found). A new language is a new set of files; a new dimension, a reader below.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use communique::events::cues::{find_cues, Mood};
use communique::pipeline::{analyse, Options};
use communique::text::Folded;
use communique::view::SentenceView;
use communique::{dates, money, Document, Lang};
use serde::Deserialize;
use toml::Value;

#[derive(Deserialize)]
struct File {
    lang: String,
    #[serde(default)]
    published: Option<String>,
    example: Vec<Example>,
}

#[derive(Deserialize)]
struct Example {
    text: String,
    #[serde(default)]
    partial: bool,
    /// The dimension's expected items, under the dimension's name.
    #[serde(flatten)]
    expected: BTreeMap<String, Vec<BTreeMap<String, Value>>>,
}

type Item = BTreeMap<String, Value>;

fn item(fields: &[(&str, Value)]) -> Item {
    fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn opt(value: Option<&str>) -> Value {
    value.map_or(Value::String(String::new()), |v| Value::String(v.into()))
}

fn money_found(text: &str, lang: Lang) -> Vec<Item> {
    money::find_money(text, lang)
        .iter()
        .map(|m| {
            item(&[
                ("span", text[m.start..m.end].into()),
                ("amount", m.amount.into()),
                (
                    "amount_max",
                    m.amount_max.map_or(Value::Float(0.0), Value::Float),
                ),
                ("currency", m.currency.into()),
                ("qualifier", opt(m.qualifier)),
            ])
        })
        .collect()
}

fn mood_name(mood: Mood) -> &'static str {
    match mood {
        Mood::Asserted => "asserted",
        Mood::Negated => "negated",
        Mood::Conditional => "conditional",
        Mood::Intent => "intent",
        Mood::Question => "question",
    }
}

fn cues_found(text: &str, lang: Lang) -> Vec<Item> {
    let folded = Folded::new(text);
    let tokens = OnceLock::new();
    find_cues(&SentenceView::new(text, folded.whole(), &tokens), lang)
        .iter()
        .map(|c| {
            item(&[
                ("span", text[c.start..c.end].into()),
                ("subtype", c.subtype.into()),
                ("event_type", c.event_type.into()),
                ("cameo", c.cameo.into()),
                ("mood", mood_name(c.mood).into()),
            ])
        })
        .collect()
}

fn dates_found(text: &str, lang: Lang, published: Option<&str>) -> Vec<Item> {
    let published = published.and_then(|d| d.parse().ok());
    dates::resolve_dates(text, lang, published)
        .iter()
        .map(|d| {
            let day = d.date.map(|day| day.to_string());
            item(&[
                ("span", text[d.start..d.end].into()),
                ("date", opt(day.as_deref())),
                ("granularity", d.granularity.as_str().into()),
            ])
        })
        .collect()
}

fn document(text: &str, lang: Lang, published: Option<&str>) -> Document {
    let mut doc = Document::new("example", text);
    doc.lang = Some(lang);
    doc.published = published.and_then(|d| d.parse().ok());
    doc
}

fn mentions_found(text: &str, lang: Lang, published: Option<&str>) -> Vec<Item> {
    analyse(&document(text, lang, published), &Options::default())
        .mentions
        .iter()
        .map(|m| {
            item(&[
                ("span", m.text.as_str().into()),
                ("actor_id", m.actor_id.as_str().into()),
                ("kind", m.kind.into()),
            ])
        })
        .collect()
}

fn commitments_found(text: &str, lang: Lang, published: Option<&str>) -> Vec<Item> {
    analyse(&document(text, lang, published), &Options::default())
        .commitments
        .iter()
        .map(|c| {
            item(&[
                ("span", c.text.as_str().into()),
                ("amount", c.amount.into()),
                ("currency", c.currency.into()),
                ("donor", opt(c.donor.as_deref())),
                ("recipient", opt(c.recipient.as_deref())),
                ("status", c.status.into()),
            ])
        })
        .collect()
}

fn same(expected: &Value, found: &Value) -> bool {
    let number = |v: &Value| match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    match (number(expected), number(found)) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(1.0),
        _ => expected == found,
    }
}

/// Every field the expected item gives has the value found.
fn matches(expected: &Item, found: &Item) -> bool {
    expected
        .iter()
        .all(|(k, v)| found.get(k).is_some_and(|f| same(v, f)))
}

fn check(example: &Example, dimension: &str, found: &[Item]) -> Result<(), String> {
    let expected = &example.expected[dimension];
    let ok = if example.partial {
        expected.iter().all(|e| found.iter().any(|f| matches(e, f)))
    } else {
        expected.len() == found.len() && expected.iter().zip(found).all(|(e, f)| matches(e, f))
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{:?}\n    expected {dimension}: {expected:?}\n    found: {found:?}",
            example.text
        ))
    }
}

fn run_file(path: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(path).expect("the example file reads");
    let file: File = toml::from_str(&source)
        .unwrap_or_else(|e| panic!("{}: not an example file: {e}", path.display()));
    let lang = Lang::parse(&file.lang).expect("a known language code");
    let published = file.published.as_deref();
    let mut failures = Vec::new();
    for example in &file.example {
        for dimension in example.expected.keys() {
            let text = example.text.as_str();
            let found = match dimension.as_str() {
                "money" => money_found(text, lang),
                "cues" => cues_found(text, lang),
                "dates" => dates_found(text, lang, published),
                "mentions" => mentions_found(text, lang, published),
                "commitments" => commitments_found(text, lang, published),
                other => panic!("{}: no reader for {other:?}", path.display()),
            };
            if let Err(e) = check(example, dimension, &found) {
                failures.push(format!("{}: {e}", path.display()));
            }
        }
    }
    failures
}

#[test]
fn every_example_gives_what_it_expects() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("tests/examples exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "example files: {files:?}");
    let failures: Vec<String> = files.iter().flat_map(|f| run_file(f)).collect();
    assert!(
        failures.is_empty(),
        "{} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
