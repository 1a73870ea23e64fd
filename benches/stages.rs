//! Time per pipeline stage on the bundled sample corpus: `cargo bench --bench stages`.
//!
//! Each stage runs on the same documents as in the pipeline; the figures are per pass over
//! the whole sample corpus (five articles), so stages can be compared with each other and
//! with the end-to-end `pipeline` figure.

use communique::pipeline::{analyse, extract, Options};
use communique::text::{self, offsets::CodePoints, Folded};
use communique::view::DocContext;
use communique::{actors, dates, events, money, tables, Document, Lang};

fn main() {
    divan::main();
}

fn corpus() -> Vec<Document> {
    communique::sample::SAMPLE_FILES
        .iter()
        .filter(|(name, _)| name.ends_with(".txt"))
        .map(|(name, text)| Document::new(name.trim_end_matches(".txt"), *text))
        .collect()
}

fn texts() -> Vec<(String, Lang)> {
    corpus()
        .into_iter()
        .filter_map(|d| d.text)
        .map(|t| {
            let lang = text::lang::detect(&t);
            (t, lang)
        })
        .collect()
}

fn bytes() -> divan::counter::BytesCount {
    divan::counter::BytesCount::new(texts().iter().map(|(t, _)| t.len()).sum::<usize>())
}

fn context<'a>(doc: &'a Document, text: &'a str, lang: Lang) -> DocContext<'a> {
    DocContext::new(doc, text, lang, text::segment::sentences(text, None))
}

#[divan::bench]
fn language(bencher: divan::Bencher) {
    let texts = texts();
    bencher.counter(bytes()).bench(|| {
        texts
            .iter()
            .map(|(t, _)| text::lang::detect(t))
            .collect::<Vec<_>>()
    });
}

#[divan::bench]
fn segmentation(bencher: divan::Bencher) {
    let texts = texts();
    bencher.counter(bytes()).bench(|| {
        texts
            .iter()
            .map(|(t, _)| text::segment::sentences(t, None).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn folding_and_offsets(bencher: divan::Bencher) {
    let texts = texts();
    bencher.counter(bytes()).bench(|| {
        texts
            .iter()
            .map(|(t, _)| (Folded::new(t), CodePoints::new(t)))
            .collect::<Vec<_>>()
    });
}

#[divan::bench]
fn actors(bencher: divan::Bencher) {
    let docs = corpus();
    let options = Options::default();
    let contexts: Vec<_> = docs
        .iter()
        .filter_map(|d| d.text.as_deref().map(|t| (d, t)))
        .map(|(d, t)| context(d, t, text::lang::detect(t)))
        .collect();
    bencher.counter(bytes()).bench(|| {
        contexts
            .iter()
            .map(|c| actors::extract(c, &options.lexicon).mentions.len())
            .sum::<usize>()
    });
}

/// Money sentence by sentence on the view's folded text, as the pipeline reads it (the fold is
/// `folding_and_offsets`).
#[divan::bench]
fn money(bencher: divan::Bencher) {
    let docs = corpus();
    let contexts: Vec<_> = docs
        .iter()
        .filter_map(|d| d.text.as_deref().map(|t| (d, t)))
        .map(|(d, t)| context(d, t, text::lang::detect(t)))
        .collect();
    bencher.counter(bytes()).bench(|| {
        contexts
            .iter()
            .flat_map(|c| {
                c.sentences.iter().map(|s| {
                    let sentence = &c.text[s.start..s.end];
                    money::find_money_folded(sentence, c.folded.span(s.start, s.end), c.lang).len()
                })
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn dates(bencher: divan::Bencher) {
    let texts = texts();
    bencher.counter(bytes()).bench(|| {
        texts
            .iter()
            .map(|(t, lang)| dates::find_dates(t, *lang).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn events(bencher: divan::Bencher) {
    let docs = corpus();
    let options = Options::default();
    let prepared: Vec<_> = docs
        .iter()
        .filter_map(|d| d.text.as_deref().map(|t| (d, t)))
        .map(|(d, t)| {
            let ctx = context(d, t, text::lang::detect(t));
            let found = actors::extract(&ctx, &options.lexicon);
            (d, t, ctx.lang, ctx.sentences, found)
        })
        .collect();
    // A fresh context each time: a context keeps the money it has read.
    bencher.counter(bytes()).bench(|| {
        prepared
            .iter()
            .map(|(d, t, lang, sentences, found)| {
                let ctx = DocContext::new(d, t, *lang, sentences.clone());
                events::extract(&ctx, found).len()
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn table_building(bencher: divan::Bencher) {
    let t = extract(&corpus(), &Options::default());
    bencher.counter(bytes()).bench(|| {
        [
            tables::documents_batch(&t.documents).map(|b| b.num_rows()),
            tables::mentions_batch(&t.mentions).map(|b| b.num_rows()),
            tables::actors_batch(&t.actors).map(|b| b.num_rows()),
            tables::events_batch(&t.events).map(|b| b.num_rows()),
            tables::commitments_batch(&t.commitments).map(|b| b.num_rows()),
        ]
    });
}

/// Every stage of one document after another, on one thread (no table building).
#[divan::bench]
fn pipeline(bencher: divan::Bencher) {
    let docs = corpus();
    let options = Options::default();
    bencher.counter(bytes()).bench(|| {
        docs.iter()
            .map(|d| analyse(d, &options).mentions.len())
            .sum::<usize>()
    });
}
