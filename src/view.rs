//! The document view: what every extractor of one document reads — its text, sentences and
//! folded copy, built once, and each sentence's money, read once on first use.

use std::sync::OnceLock;

use crate::document::{Document, Lang};
use crate::money::SentenceMoney;
use crate::text::{offsets::CodePoints, Folded, Sentence};

/// What every extractor of one document reads.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    pub folded: Folded,
    pub code_points: CodePoints<'a>,
    /// Each sentence's amounts, read on first use: events and commitments both need them.
    money: Vec<OnceLock<SentenceMoney>>,
}

impl<'a> DocContext<'a> {
    pub fn new(doc: &'a Document, text: &'a str, lang: Lang, sentences: Vec<Sentence>) -> Self {
        DocContext {
            doc,
            text,
            lang,
            money: sentences.iter().map(|_| OnceLock::new()).collect(),
            sentences,
            folded: Folded::new(text),
            code_points: CodePoints::new(text),
        }
    }

    /// The amounts of sentence `sentence` and what each one is.
    pub fn money(&self, sentence: usize) -> &SentenceMoney {
        self.money[sentence].get_or_init(|| {
            let s = &self.sentences[sentence];
            SentenceMoney::read(
                &self.text[s.start..s.end],
                self.folded.span(s.start, s.end),
                self.lang,
            )
        })
    }

    /// Index of the sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// End of the sentence containing byte `at` (the text's end when outside any sentence).
    pub fn sentence_end(&self, at: usize) -> usize {
        self.sentence_at(at)
            .map_or(self.text.len(), |i| self.sentences[i].end)
    }
}
