//! Who said a quotation: the cue after it ("», a déclaré M. X", "\", she said") or before it
//! ("X a déclaré : «", "Selon X, «"), and the speaker beside that cue.

use super::cues::cues_in;
use super::marks::Marks;
use super::{tokens, Attribution, Cue, Doc, Token};
use crate::actors::{Kind, Mention};

/// How far after a cue its speaker may be named ("a déclaré le ministre kazakh des Affaires
/// étrangères Mukhtar Tileuberdi").
const SPEAKER_REACH: usize = 120;
/// Words that may stand between a quotation and its cue besides the speaker ("the minister").
const MAX_GAP_WORDS: usize = 3;
/// How many mentions back a pronoun is resolved: its person is named nearby.
const PRONOUN_REACH: usize = 200;

/// A speaker: the actor (unknown for an unresolved pronoun) and the span naming them.
pub(super) type Speaker = (Option<usize>, (usize, usize));

impl Doc<'_> {
    /// The cue after the quotation, else the one before it; one that names its speaker wins.
    pub(super) fn attribute(
        &self,
        m: &Marks,
        prev_close: usize,
        next_open: usize,
    ) -> Option<Attribution> {
        let after = self.cue_after(m, next_open);
        let before = self.cue_before(m, prev_close);
        let named = |a: &Option<Attribution>| a.as_ref().is_some_and(|a| a.speaker.is_some());
        if named(&after) || (!named(&before) && after.is_some()) {
            after
        } else {
            before
        }
    }

    /// "», a déclaré M. X" / "," Blinken said" / "», a-t-il ajouté" / "», selon X".
    fn cue_after(&self, m: &Marks, next_open: usize) -> Option<Attribution> {
        let end = self.ctx.sentence_end(m.close_end - 1).min(next_open);
        let gap = &self.text[m.close_end..end];
        let rest = gap.trim_start_matches(|c: char| c.is_whitespace() || ",—–-".contains(c));
        if !rest.starts_with(char::is_alphanumeric) {
            return None;
        }
        let from = end - rest.len();
        let toks = tokens(self.ctx, from, end);
        let cue = cues_in(self.text, self.cues, &toks)
            .into_iter()
            .next()
            .filter(|c| c.first <= MAX_GAP_WORDS + 3)?;
        let speaker = self
            .inverted(&cue, m.open)
            .or_else(|| self.last_speaker(&toks[..cue.first], from, cue.start, m.open))
            .or_else(|| self.speaker_after(&toks, &cue, end, m.open));
        Some(Attribution {
            cue: Some((cue.start, cue.end)),
            speaker,
        })
    }

    /// "X a déclaré : «" / "Selon X, «" / "a déclaré le ministre : «".
    fn cue_before(&self, m: &Marks, prev_close: usize) -> Option<Attribution> {
        let sentence = self.ctx.sentence_at(m.open)?;
        let from = self.ctx.sentences[sentence].start.max(prev_close);
        let toks = tokens(self.ctx, from, m.open);
        let cue = cues_in(self.text, self.cues, &toks).pop()?;
        let gap = &self.text[cue.end..m.open];
        // "a plaidé pour un « corridor médian »": after an article, a name held at a distance.
        let term = toks
            .last()
            .is_some_and(|t| t.start >= cue.end && self.cues.determiners.contains(t.lower));
        if term
            || gap.contains(['.', '!', '?', ';'])
            || (!self.reported(&cue, &toks)
                && self.loose_words(&toks[cue.last + 1..]) > MAX_GAP_WORDS)
        {
            return None;
        }
        // After "que", the names belong to the reported words, not to the speaker.
        let clause = !cue.source && self.reported(&cue, &toks);
        let speaker = self
            .inverted(&cue, m.open)
            .or_else(|| {
                let after = &toks[cue.last + 1..];
                (!clause).then(|| self.first_speaker(after, cue.end, m.open, m.open))?
            })
            .or_else(|| self.last_speaker(&toks[..cue.first], from, cue.start, m.open));
        Some(Attribution {
            cue: Some((cue.start, cue.end)),
            speaker,
        })
    }

    /// "Selon lui, les capitales doivent « … »", "a déclaré que le pays devait « … »": words
    /// quoted inside reported speech are the cue's, however far from it.
    fn reported(&self, cue: &Cue, toks: &[Token]) -> bool {
        let opens_clause = toks.get(cue.last + 1).is_some_and(|t| {
            self.cues
                .complementisers
                .iter()
                .any(|c| t.lower == *c || (c.ends_with('\'') && t.lower.starts_with(c.as_str())))
        });
        (cue.source && cue.first <= 1) || opens_clause
    }

    /// Words of `toks` that name no speaker: not in a mention or its title, not a pronoun.
    fn loose_words(&self, toks: &[Token]) -> usize {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return 0;
        };
        let named: Vec<(usize, usize)> = self
            .mentions_in(first.start, last.end)
            .flat_map(|m| [Some((m.start, m.end)), m.role_span].into_iter().flatten())
            .collect();
        toks.iter()
            .filter(|t| !named.iter().any(|&(s, e)| s <= t.start && t.end <= e))
            .filter(|t| !self.cues.pronouns.contains(t.lower))
            .filter(|t| !self.cues.complementisers.iter().any(|c| c == t.lower))
            .count()
    }

    /// The subject pronoun joined to the cue's verb ("a-t-il"), resolved.
    pub(super) fn inverted(&self, cue: &Cue, anchor: usize) -> Option<Speaker> {
        cue.pronoun.map(|span| (self.person_before(anchor), span))
    }

    /// The last speaker named in `from..to` (`toks` are its tokens): a person, else a pronoun
    /// right before `to`, else a title standing for a person ("le ministre ouzbek", "the
    /// minister"), else another non-place actor.
    pub(super) fn last_speaker(
        &self,
        toks: &[Token],
        from: usize,
        to: usize,
        anchor: usize,
    ) -> Option<Speaker> {
        let mentions: Vec<&Mention> = self.speakers_in(from, to).collect();
        let person = mentions.iter().rev().find(|m| self.is_person(m));
        let pronoun = toks.last().filter(|t| self.cues.pronouns.contains(t.lower));
        match (person, pronoun) {
            (_, Some(p)) if person.is_none_or(|m| m.end <= p.start) => {
                Some((self.person_before(p.start.min(anchor)), (p.start, p.end)))
            }
            (Some(m), _) => Some((Some(m.actor), (m.start, m.end))),
            _ => self
                .described(toks, &mentions, anchor)
                .or_else(|| mentions.last().map(|m| self.as_speaker(m, anchor))),
        }
    }

    /// A mention as the speaker: an official named by nationality ("a déclaré le secrétaire
    /// d'État américain") is the last person of that country named before, when there is one.
    fn as_speaker(&self, m: &Mention, anchor: usize) -> Speaker {
        let actor = self.found.actors.get(m.actor);
        let official = actor
            .filter(|a| m.official && a.kind == Kind::Country)
            .and_then(|a| self.person_before_of(anchor, Some(&a.id)));
        (official.or(Some(m.actor)), (m.start, m.end))
    }

    /// A subject that is a title without a name stands for the last person named before:
    /// of the country its nationality gives ("le président ouzbek", "Kazakh officials" aside),
    /// else anyone ("le vice-ministre", "the minister").
    fn described(&self, toks: &[Token], mentions: &[&Mention], anchor: usize) -> Option<Speaker> {
        // The first word after the determiner that is not a nationality: "the Kazakh president".
        let title = match toks {
            [det, rest @ ..] if self.cues.determiners.contains(det.lower) => {
                rest.iter().find(|t| {
                    !mentions
                        .iter()
                        .any(|m| m.start <= t.start && t.end <= m.end)
                })?
            }
            _ => return None,
        };
        let official = mentions.iter().find(|m| m.official);
        if !self.cues.descriptions.contains(title.lower) && official.is_none() {
            return None;
        }
        let country = official
            .or_else(|| {
                mentions
                    .iter()
                    .find(|m| self.found.actors[m.actor].kind == Kind::Country)
            })
            .map(|m| self.found.actors[m.actor].id.as_str());
        let person = match country {
            Some(c) => self.person_before_of(anchor, Some(c)),
            None => self.person_before(anchor),
        };
        Some((person, (title.start, title.end)))
    }

    /// The first speaker named in `from..to`: a person, else a pronoun, else another actor.
    pub(super) fn first_speaker(
        &self,
        toks: &[Token],
        from: usize,
        to: usize,
        anchor: usize,
    ) -> Option<Speaker> {
        let mut mentions = self.speakers_in(from, to);
        let first = mentions.next();
        let person = first
            .filter(|m| self.is_person(m))
            .or_else(|| mentions.find(|m| self.is_person(m)));
        let pronoun = toks.iter().find(|t| self.cues.pronouns.contains(t.lower));
        if let Some(m) = person.or(first) {
            return Some(self.as_speaker(m, anchor));
        }
        pronoun.map(|p| (self.person_before(anchor), (p.start, p.end)))
    }

    /// "a déclaré le ministre Mukhtar Tileuberdi": the speaker named just after the cue.
    fn speaker_after(
        &self,
        toks: &[Token],
        cue: &Cue,
        end: usize,
        anchor: usize,
    ) -> Option<Speaker> {
        let reach = (cue.end + SPEAKER_REACH).min(end);
        // Only the word right after the cue may be its pronoun ("said he").
        let next = &toks[cue.last + 1..(cue.last + 2).min(toks.len())];
        self.first_speaker(next, cue.end, reach, anchor)
    }

    /// Mentions that can speak (not places) within `from..to`.
    fn speakers_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Mention> {
        self.mentions_in(from, to)
            .filter(|m| self.found.actors[m.actor].kind != Kind::Place)
    }

    fn is_person(&self, m: &Mention) -> bool {
        self.found.actors[m.actor].kind == Kind::Person
    }

    /// The last person named before byte `before`, outside quoted words.
    pub(super) fn person_before(&self, before: usize) -> Option<usize> {
        self.person_before_of(before, None)
    }

    /// [`Self::person_before`], of `country` when given.
    fn person_before_of(&self, before: usize, country: Option<&str>) -> Option<usize> {
        let upto = self.found.mentions.partition_point(|m| m.start < before);
        self.found.mentions[..upto]
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .find(|m| {
                m.end <= before
                    && self.is_person(m)
                    && !self.quoted(m.start)
                    && country
                        .is_none_or(|c| self.found.actors[m.actor].country.as_deref() == Some(c))
            })
            .map(|m| m.actor)
    }
}
