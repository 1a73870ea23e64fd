//! Quotations: who said what. A direct quote is the words between quotation marks (« … »,
//! “ … ”, "…"); an indirect one is the clause a verb of speech opens with "que" / "that"
//! ("a déclaré que …", "said that …"), or the clause beside "selon X" / "according to X".
//! Each is attributed through its cue (the reporting verb or "selon") to the speaker named
//! beside it: an actor mention, or a singular pronoun ("a-t-il ajouté", "she said") standing
//! for the last person named before the quotation. The words of each language are data
//! (`data/quotes/<lang>.toml`, read by `fr.rs` and `en.rs`); this engine is shared.

mod attribution;
mod cues;
mod en;
mod fr;
mod indirect;
mod marks;
mod words;

use crate::actors::{DocActors, Kind, Mention};
use crate::document::Lang;
use crate::view::DocContext;
use marks::Marks;
use words::Cues;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quotation, byte offsets into the document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub sentence: usize,
    /// The quoted words, without quotation marks.
    pub start: usize,
    pub end: usize,
    /// Index into [`DocActors::actors`]; `None` when the speaker is unnamed or unknown.
    pub speaker: Option<usize>,
    /// The span naming the speaker: a mention, or the pronoun standing for them.
    pub speaker_span: Option<(usize, usize)>,
    /// The reporting verb or "selon" / "according to".
    pub cue: Option<(usize, usize)>,
    pub kind: QuoteKind,
}

/// A quotation with no cue nor speaker is kept only when it reads like a sentence: shorter
/// ones are names, titles or words held at a distance ("le « format C5+1 »").
const UNATTRIBUTED_MIN_WORDS: usize = 6;

/// The quotations of a document, in text order.
pub fn extract(ctx: &DocContext, found: &DocActors) -> Vec<Quote> {
    let cues: &Cues = match ctx.lang {
        Lang::Fr => &fr::CUES,
        Lang::En => &en::CUES,
        Lang::Und => return Vec::new(),
    };
    let doc = Doc {
        ctx,
        text: ctx.text,
        found,
        cues,
        marks: marks::quotations(ctx.text)
            .into_iter()
            .filter(|m| {
                ctx.sentence_at(m.start)
                    .is_some_and(|s| !ctx.sentences[s].boilerplate)
            })
            .collect(),
    };
    let mut quotes = doc.direct_quotes();
    quotes.extend((0..ctx.sentences.len()).filter_map(|si| doc.indirect_quote(si)));
    quotes.sort_by_key(|q| q.start);
    quotes
}

/// A word of the text: its byte range and its form in the document's fold (lower case,
/// accents stripped, apostrophes as `'`), which is how the cue words are compared.
struct Token<'f> {
    start: usize,
    end: usize,
    lower: &'f str,
}

/// The words of `text[from..to]`: letters and digits, joined by inner apostrophes and hyphens
/// ("qu'il", "a-t-il", "d'après").
fn tokens<'f>(ctx: &'f DocContext, from: usize, to: usize) -> Vec<Token<'f>> {
    let text = ctx.text;
    let folded = ctx.folded.span(from, to);
    let mut out = Vec::new();
    let mut word: Option<(usize, usize)> = None;
    let mut push = |(s, e): (usize, usize)| {
        out.push(Token {
            start: from + s,
            end: from + e,
            lower: &folded.text[folded.folded(s)..folded.folded(e)],
        })
    };
    for (i, c) in text[from..to].char_indices() {
        match word {
            _ if c.is_alphanumeric() => {
                let s = word.map_or(i, |(s, _)| s);
                word = Some((s, i + c.len_utf8()));
            }
            Some((_, e)) if e == i && matches!(c, '\'' | '’' | '-') => {}
            Some(w) => {
                push(w);
                word = None;
            }
            None => {}
        }
    }
    word.into_iter().for_each(push);
    out
}

/// A cue found among tokens: its byte range, first and last token, whether it names its
/// source after it ("selon"), and a subject pronoun joined to its verb ("a-t-il").
struct Cue {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    source: bool,
    pronoun: Option<(usize, usize)>,
}

/// What attributes a quotation: its cue and, when named, its speaker (actor, span).
struct Attribution {
    cue: Option<(usize, usize)>,
    speaker: Option<(Option<usize>, (usize, usize))>,
}

struct Doc<'a> {
    ctx: &'a DocContext<'a>,
    text: &'a str,
    found: &'a DocActors,
    cues: &'a Cues,
    marks: Vec<Marks>,
}

impl Doc<'_> {
    /// Every quotation between marks that is attributed, continues an attributed one, or reads
    /// like a sentence.
    fn direct_quotes(&self) -> Vec<Quote> {
        let mut quotes: Vec<Quote> = Vec::new();
        for (i, m) in self.marks.iter().enumerate() {
            let prev_close = i.checked_sub(1).map_or(0, |p| self.marks[p].close_end);
            let next_open = self.marks.get(i + 1).map_or(self.text.len(), |n| n.open);
            let attribution = self
                .attribute(m, prev_close, next_open)
                .or_else(|| self.continued(m, quotes.last()));
            let words = tokens(self.ctx, m.start, m.end).len();
            if attribution.is_none() && words < UNATTRIBUTED_MIN_WORDS {
                continue;
            }
            let (cue, speaker) = attribution.map_or((None, None), |a| (a.cue, a.speaker));
            quotes.push(Quote {
                sentence: self.ctx.sentence_at(m.start).unwrap_or_default(),
                start: m.start,
                end: m.end,
                speaker: speaker.and_then(|(actor, _)| actor),
                speaker_span: speaker.map(|(_, span)| span),
                cue,
                kind: QuoteKind::Direct,
            });
        }
        quotes
    }

    /// A quotation right after an attributed one, in the same paragraph with no other person
    /// than its speaker named between them, goes on with the same speaker: « … », a-t-il dit. « … »
    fn continued(&self, m: &Marks, previous: Option<&Quote>) -> Option<Attribution> {
        let previous = previous.filter(|p| p.kind == QuoteKind::Direct)?;
        let span = previous.speaker_span?;
        let between = &self.text[previous.end..m.open];
        let other_person = self.mentions_in(previous.end, m.open).any(|x| {
            self.found.actors[x.actor].kind == Kind::Person && Some(x.actor) != previous.speaker
        });
        (!between.contains('\n') && !other_person).then_some(Attribution {
            cue: None,
            speaker: Some((previous.speaker, span)),
        })
    }

    /// The mentions lying within `from..to`, in text order.
    fn mentions_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Mention> {
        let mentions = &self.found.mentions;
        let first = mentions.partition_point(|m| m.start < from);
        mentions[first..]
            .iter()
            .take_while(move |m| m.start < to)
            .filter(move |m| m.end <= to)
    }

    /// Whether byte `at` lies inside the words of a quotation.
    fn quoted(&self, at: usize) -> bool {
        let i = self.marks.partition_point(|m| m.open <= at);
        i > 0 && at < self.marks[i - 1].close_end
    }
}

#[cfg(test)]
mod tests;
