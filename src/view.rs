//! The document view: what every extractor of one document reads — its text, sentences and
//! folded copy, built once, and each sentence's tokens and money, built once on first use.

use std::sync::OnceLock;

use crate::document::{Document, Lang};
use crate::money::SentenceMoney;
use crate::text::tokens::{tokenize, Token};
use crate::text::{offsets::CodePoints, Folded, FoldedSpan, Sentence};

/// What every extractor of one document reads.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    pub folded: Folded,
    pub code_points: CodePoints<'a>,
    /// Each sentence's tokens and amounts, read on first use: most sentences need no tokens,
    /// and events and commitments both need the amounts.
    tokens: Vec<OnceLock<Vec<Token>>>,
    money: Vec<OnceLock<SentenceMoney>>,
}

/// One sentence as its extractors read it: the original text, the folded copy with offsets
/// relative to the sentence, and the tokens of the folded copy.
#[derive(Clone, Copy)]
pub struct SentenceView<'v> {
    pub text: &'v str,
    pub folded: FoldedSpan<'v>,
    tokens: &'v OnceLock<Vec<Token>>,
}

impl<'v> SentenceView<'v> {
    /// A sentence read alone (`tokens` holds its tokens once they are read).
    pub fn new(
        text: &'v str,
        folded: FoldedSpan<'v>,
        tokens: &'v OnceLock<Vec<Token>>,
    ) -> SentenceView<'v> {
        SentenceView {
            text,
            folded,
            tokens,
        }
    }

    /// The tokens of the folded sentence, built on first use.
    pub fn tokens(&self) -> &'v [Token] {
        self.tokens.get_or_init(|| tokenize(self.folded.text))
    }
}

impl<'a> DocContext<'a> {
    pub fn new(doc: &'a Document, text: &'a str, lang: Lang, sentences: Vec<Sentence>) -> Self {
        Self::with_folded(doc, text, lang, sentences, Folded::new(text))
    }

    /// [`DocContext::new`] with the fold of `text` already made (segmentation reads it too).
    pub fn with_folded(
        doc: &'a Document,
        text: &'a str,
        lang: Lang,
        sentences: Vec<Sentence>,
        folded: Folded,
    ) -> Self {
        DocContext {
            doc,
            text,
            lang,
            tokens: sentences.iter().map(|_| OnceLock::new()).collect(),
            money: sentences.iter().map(|_| OnceLock::new()).collect(),
            sentences,
            folded,
            code_points: CodePoints::new(text),
        }
    }

    /// Sentence `sentence` as its extractors read it.
    pub fn sentence(&self, sentence: usize) -> SentenceView<'_> {
        let s = &self.sentences[sentence];
        SentenceView::new(
            &self.text[s.start..s.end],
            self.folded.span(s.start, s.end),
            &self.tokens[sentence],
        )
    }

    /// The amounts of sentence `sentence` and what each one is.
    pub fn money(&self, sentence: usize) -> &SentenceMoney {
        self.money[sentence].get_or_init(|| {
            let s = &self.sentences[sentence];
            SentenceMoney::read(
                &self.text[s.start..s.end],
                self.folded.span(s.start, s.end),
                self.lang,
                &|| self.currency_told_before(sentence),
            )
        })
    }

    /// The currency of the latest sum in the two sentences before `sentence`, read with their
    /// own currencies only (so that no chain of sentences is read back).
    fn currency_told_before(&self, sentence: usize) -> Option<&'static str> {
        (sentence.saturating_sub(2)..sentence).rev().find_map(|i| {
            let s = &self.sentences[i];
            let text = &self.text[s.start..s.end];
            let folded = self.folded.span(s.start, s.end);
            match self.money[i].get() {
                Some(read) => read.amounts.last().map(|m| m.currency),
                None => crate::money::find_money_folded(text, folded, self.lang)
                    .last()
                    .map(|m| m.currency),
            }
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
