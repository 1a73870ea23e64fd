//! Properties of extraction on generated text: every span slices its document exactly (code
//! points), no row points outside its document, and the output does not depend on the run or
//! the number of threads.

use communique::pipeline::{extract, Options};
use communique::Document;
use communique::Tables;
use proptest::prelude::*;

/// Pieces of diplomatic news and of dirty input, so that generated texts reach the extractors
/// (actors, triggers, amounts, dates) and not only the tokenizer.
const PIECES: &[&str] = &[
    "Le ministre kazakh des Affaires étrangères",
    "le secrétaire d'État américain",
    "Antony Blinken",
    "Tokaïev",
    "Washington",
    "Astana",
    "a rencontré",
    "a signé un accord avec",
    "s'est entretenu avec",
    "a promis",
    "une aide de 25 millions de dollars",
    "1,5 milliard d'euros",
    "$300 million",
    "USD 12.5 million",
    "jusqu'en 2027",
    "le 14 novembre 2023",
    "mardi dernier",
    "on May 19-20",
    "The Secretary of State met the Kazakh Foreign Minister",
    "pledged",
    "the United States",
    "Ouzbékistan",
    "C5+1",
    ".",
    ". ",
    ", ",
    "\n\n",
    "\r\n",
    "« ",
    " »",
    "’",
    "😀",
    "🇰🇿",
    "e\u{301}",
    "\u{301}",
    "\u{200f}",
    "\0",
    "\u{fffd}",
    "Ақорда",
    "أستانا",
    "   ",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,12}",
            1 => any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.join(" "))
}

fn corpus() -> impl Strategy<Value = Vec<Document>> {
    prop::collection::vec(
        (
            news_text(),
            prop::option::of(prop::sample::select(&["fr", "en", "de"][..])),
        ),
        1..5,
    )
    .prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, (text, lang))| Document {
                lang: lang
                    .map(|code| communique::Lang::parse(code).unwrap_or(communique::Lang::Und)),
                ..Document::new(format!("d{i}"), text)
            })
            .collect()
    })
}

fn with_threads(threads: usize) -> Options {
    Options {
        threads: Some(threads),
        ..Options::default()
    }
}

/// The code points `start..end` of `text`, or `None` when they are not inside it.
fn slice(text: &str, start: u32, end: u32) -> Option<String> {
    let (start, end) = (start as usize, end as usize);
    (start <= end && end <= text.chars().count())
        .then(|| text.chars().skip(start).take(end - start).collect())
}

fn check_spans(docs: &[Document], tables: &Tables) -> Result<(), TestCaseError> {
    prop_assert_eq!(tables.documents.len(), docs.len());
    for (doc, row) in docs.iter().zip(&tables.documents) {
        prop_assert_eq!(&row.doc_id, &doc.doc_id);
        let text = doc.text.as_deref().unwrap_or_default();
        prop_assert_eq!(row.n_chars as usize, text.chars().count());
    }
    let doc = |id: &str| docs.iter().position(|d| d.doc_id == id);
    let spans = tables
        .mentions
        .iter()
        .map(|m| (&m.doc_id, m.sentence, m.start, m.end, &m.text))
        .chain(
            tables
                .events
                .iter()
                .map(|e| (&e.doc_id, e.sentence, e.start, e.end, &e.trigger)),
        )
        .chain(
            tables
                .commitments
                .iter()
                .map(|c| (&c.doc_id, c.sentence, c.start, c.end, &c.text)),
        );
    for (doc_id, sentence, start, end, span) in spans {
        let Some(i) = doc(doc_id) else {
            return Err(TestCaseError::fail(format!(
                "row of an unknown document {doc_id}"
            )));
        };
        let text = docs[i].text.as_deref().unwrap_or_default();
        let sliced = slice(text, start, end);
        prop_assert_eq!(sliced.as_ref(), Some(span), "{}..{}", start, end);
        prop_assert!(sentence < tables.documents[i].n_sentences);
    }
    for e in &tables.events {
        let text = doc(&e.doc_id)
            .and_then(|i| docs[i].text.as_deref())
            .unwrap_or_default();
        prop_assert!(text.contains(&e.evidence));
    }
    Ok(())
}

proptest! {
    // Failing cases are kept by hand in tests/regressions.rs, not in proptest's own files.
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn spans_slice_their_own_document(docs in corpus()) {
        let tables = extract(&docs, &with_threads(1));
        check_spans(&docs, &tables)?;
    }

    #[test]
    fn output_is_identical_across_runs_and_thread_counts(docs in corpus()) {
        let one = format!("{:?}", extract(&docs, &with_threads(1)));
        prop_assert_eq!(&one, &format!("{:?}", extract(&docs, &with_threads(2))));
        prop_assert_eq!(&one, &format!("{:?}", extract(&docs, &with_threads(1))));
    }

    #[test]
    fn arbitrary_strings_keep_their_row(text in any::<String>()) {
        let docs = vec![Document::new("any", text)];
        let tables = extract(&docs, &with_threads(1));
        check_spans(&docs, &tables)?;
    }
}
