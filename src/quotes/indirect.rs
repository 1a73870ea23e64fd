//! Reported speech without quotation marks: "X a déclaré que …", "X said (that) …",
//! "Selon X, …", "…, according to X." One per sentence, the first cue that opens a clause.

use super::cues::cues_in;
use super::{tokens, Cue, Doc, Quote, QuoteKind, Token};

/// How many words may stand between a verb of speech and "que" / "that" ("a déclaré aux
/// journalistes que", "said on Monday that"), and after a verb addressed to someone ("told a
/// forum of foreign investors on Wednesday that").
const MAX_WORDS_BEFORE_CLAUSE: usize = 4;
const MAX_WORDS_BEFORE_CLAUSE_ADDRESSED: usize = 8;
/// Reported words without "that" are taken only when they read like a clause.
const BARE_CLAUSE_MIN_WORDS: usize = 4;

impl Doc<'_> {
    /// The indirect quotation of sentence `si`, if it has one outside quotation marks.
    pub(super) fn indirect_quote(&self, si: usize) -> Option<Quote> {
        let s = &self.ctx.sentences[si];
        if s.boilerplate {
            return None;
        }
        let toks = tokens(self.ctx, s.start, s.end);
        cues_in(self.text, self.cues, &toks)
            .into_iter()
            .find_map(|cue| {
                let (start, end, speaker) = if cue.source {
                    self.source_clause(&toks, &cue, s.start, s.end)?
                } else {
                    let start = self.clause_after(&toks, &cue)?;
                    let before = &toks[..cue.first];
                    let speaker = self
                        .inverted(&cue, cue.start)
                        .or_else(|| self.last_speaker(before, s.start, cue.start, cue.start));
                    (start, clause_end(self.text, start, s.end), speaker)
                };
                let overlaps = self
                    .marks
                    .iter()
                    .any(|m| m.open < end && cue.start < m.close_end);
                (start < end && !overlaps).then(|| Quote {
                    sentence: si,
                    start,
                    end,
                    speaker: speaker.and_then(|(actor, _)| actor),
                    speaker_span: speaker.map(|(_, span)| span),
                    cue: Some((cue.start, cue.end)),
                    kind: QuoteKind::Indirect,
                })
            })
    }

    /// Where the reported words after a verb of speech begin: after "que" / "qu'" / "that"
    /// a few words on, or right after "said" when a clause follows.
    fn clause_after(&self, toks: &[Token], cue: &Cue) -> Option<usize> {
        let next = toks.get(cue.last + 1)?;
        let reach = if self.cues.object_verbs.contains(toks[cue.last].lower) {
            MAX_WORDS_BEFORE_CLAUSE_ADDRESSED
        } else {
            MAX_WORDS_BEFORE_CLAUSE
        };
        for t in toks[cue.last + 1..].iter().take(reach + 1) {
            if self.text[cue.end..t.start].contains(['.', ';', ':', '!', '?', '(']) {
                return None;
            }
            for comp in &self.cues.complementisers {
                if t.lower == *comp {
                    return toks.iter().find(|n| n.start > t.start).map(|n| n.start);
                }
                if comp.ends_with('\'')
                    && t.lower.len() > comp.len()
                    && t.lower.starts_with(comp.as_str())
                {
                    // "qu'il": the clause opens after the apostrophe, whichever was typed.
                    let elided = self.text[t.start..t.end].find(['\'', '’'])?;
                    let mark = self.text[t.start + elided..].chars().next()?.len_utf8();
                    return Some(t.start + elided + mark);
                }
            }
        }
        let bare = self.cues.bare_clause.contains(toks[cue.last].lower)
            && self.text[cue.end..next.start].trim().is_empty()
            && !self.cues.not_clause.contains(next.lower)
            && toks.len() - (cue.last + 1) >= BARE_CLAUSE_MIN_WORDS;
        bare.then_some(next.start)
    }

    /// "Selon X, <clause>." or "<clause>, selon X.": the clause, and X (required).
    fn source_clause(
        &self,
        toks: &[Token],
        cue: &Cue,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize, Option<super::attribution::Speaker>)> {
        let comma = self.text[cue.end..end].find(',').map(|c| cue.end + c);
        let named_until = comma.unwrap_or_else(|| clause_end(self.text, cue.end, end));
        let speaker = self.first_speaker(
            &toks[cue.last + 1..(cue.last + 2).min(toks.len())],
            cue.end,
            named_until,
            cue.start,
        )?;
        let before = self.text[start..cue.start].trim_end();
        if let Some(head) = before.strip_suffix(',') {
            // "<clause>, selon X."
            let first = toks.first()?.start;
            let head_end = start + head.trim_end().len();
            return (first < head_end).then_some((first, head_end, Some(speaker)));
        }
        // "Selon X, <clause>.": the cue opens the sentence.
        let comma = comma.filter(|_| cue.first <= 1)?;
        let clause = toks.iter().find(|t| t.start > comma)?.start;
        Some((clause, clause_end(self.text, clause, end), Some(speaker)))
    }
}

/// The end of reported words running to the sentence's end, final punctuation left out.
fn clause_end(text: &str, start: usize, end: usize) -> usize {
    let words =
        text[start..end].trim_end_matches(|c: char| c.is_whitespace() || ".!?;…".contains(c));
    start + words.len()
}
