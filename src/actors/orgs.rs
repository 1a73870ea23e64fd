//! Organisations that no dictionary knows, found by their shape: a capitalised phrase holding
//! the head of a body or a company's sector word ("Asian Infrastructure Investment Bank",
//! "Banque de développement du Kazakhstan", "Acme Mining"), a name with a legal form ("Acme
//! SA"), a name introduced or described by a common noun ("la société Acme", "Acme, géant
//! minier australien,"), then its short forms ("Acme") and the acronym given in brackets
//! after it.

use super::capitals::{is_capitalised, opens_clause, title_case, words_of, Word};
use super::words::{self, Words};
use super::{DocActor, DocActors, Hit, Kind, Mention};
use crate::lexicon::{Entry, Lexicon};
use crate::text::normalise::fold_str;
use crate::view::DocContext;
use crate::Lang;

/// What a word of a sentence is, for the organisation rules.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tag {
    /// Outside any dictionary match.
    Free,
    /// A country or a nationality word ("Kazakhstan", "australien"), with the country.
    Country(usize),
    /// A dictionary place ("Almaty Development Bank").
    Place,
    /// A title or an honorific: a name after it is a person's.
    Title,
    /// Any other dictionary match (an organisation, a person): not ours to take.
    Taken,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    /// Capitalised, or an acronym ("SOCAR", "DEME").
    cap: bool,
    tag: Tag,
    /// Where the dictionary match holding the word ends ("Côte d'Ivoire"); its end if none.
    hit_end: usize,
    /// A nationality word ("Chinese", "australien"), not a country's name.
    nationality: bool,
}

/// One sentence's words, tagged.
struct Sentence<'a> {
    text: &'a str,
    words: &'a Words,
    toks: Vec<Tok>,
    /// Byte offset where the sentence starts.
    start: usize,
    index: usize,
}

/// An organisation found in one sentence.
struct Found {
    start: usize,
    end: usize,
    country: Option<usize>,
    /// The nationality word beside the name that gave its country ("Acme, géant minier
    /// australien"): it describes the organisation and is no mention of the country.
    describing: Option<(usize, usize)>,
}

/// Words `a..b`, and the word giving their country (inside or beside them).
type Named = (usize, usize, Option<usize>);

impl<'a> Sentence<'a> {
    /// Sentence `index` of the document with its words tagged.
    fn read(ctx: &'a DocContext, hits: &[Hit], words: &'a Words, index: usize) -> Sentence<'a> {
        let s = &ctx.sentences[index];
        Sentence {
            text: ctx.text,
            words,
            toks: tagged(ctx, hits, s.start, s.end),
            start: s.start,
            index,
        }
    }
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    /// Words `i` and `i + 1` are separated by spaces only.
    /// An ampersand joins too: "Larsen & Toubro", "Ernst & Young" are one firm's name.
    fn joined(&self, i: usize) -> bool {
        let gap = &self.text[self.toks[i].end..self.toks[i + 1].start];
        let spaces = |s: &str| s.chars().all(|c| c == ' ' || c == '\u{a0}');
        spaces(gap)
            || gap
                .split_once('&')
                .is_some_and(|(a, b)| !a.is_empty() && spaces(a) && spaces(b) && !b.is_empty())
    }

    /// A capitalised word, outside dictionary names other than countries and places, that is
    /// not the article or adverb opening the sentence.
    fn name_word(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.cap
            && !matches!(t.tag, Tag::Taken | Tag::Title)
            && !(opens_clause(&self.text[self.start..t.start])
                && self.words.opens_a_sentence(self.word(i)))
    }

    /// The connective ("de", "de l'", "of the") starting at word `i`: the index after it.
    fn connective_at(&self, i: usize) -> Option<usize> {
        self.words.connectives.iter().find_map(|c| {
            let mut at = i;
            for part in c.split_inclusive([' ', '\'']) {
                let part = part.trim_end();
                let elided = part.strip_suffix('\'');
                let t = self.toks.get(at)?;
                let word = fold_str(self.word(at));
                if word != elided.unwrap_or(part) || t.cap || t.tag != Tag::Free {
                    return None;
                }
                let gap = self.toks.get(at + 1).map(|n| &self.text[t.end..n.start])?;
                let fits = match elided {
                    Some(_) => matches!(gap, "'" | "’"),
                    None => gap.chars().all(char::is_whitespace) && !gap.is_empty(),
                };
                if !fits {
                    return None;
                }
                at += 1;
            }
            Some(at)
        })
    }

    /// The end of the name after word `i` (exclusive), over capitalised words and connectives
    /// followed by a capitalised word or, in French, by one lower-case complement ("Banque de
    /// développement du Kazakhstan").
    fn extend_right(&self, lang: Lang, mut end: usize) -> usize {
        let mut lowercase_complements = 0;
        loop {
            // A dictionary name is taken whole ("du cacao de Côte d'Ivoire").
            while end < self.toks.len() && self.toks[end].start < self.toks[end - 1].hit_end {
                end += 1;
            }
            if end < self.toks.len() && self.joined(end - 1) && self.name_word(end) {
                end += 1;
                continue;
            }
            let Some(next) = self.connective_at(end).filter(|_| self.joined(end - 1)) else {
                return end;
            };
            let Some(t) = self.toks.get(next) else {
                return end;
            };
            let calendar = self.words.is_calendar_word(self.word(next));
            // "Fonds de l'OPEP pour le développement": a dictionary body's acronym inside a
            // name that goes on after it.
            let acronym_inside = self.taken_acronym(next)
                && next + 1 < self.toks.len()
                && self.joined(next)
                && self.connective_at(next + 1).is_some();
            if acronym_inside {
                end = next + 1;
                continue;
            }
            if t.cap
                && !calendar
                && !self.qualifies_a_noun_after_and(end, next)
                && matches!(t.tag, Tag::Free | Tag::Country(_) | Tag::Place)
            {
                end = next + 1;
            } else if lang == Lang::Fr
                && !t.cap
                && t.tag == Tag::Free
                && lowercase_complements < 2
                && self.word(next).chars().count() >= 4
                && self.connective_at(next).is_none()
            {
                lowercase_complements += 1;
                end = next + 1;
                // "Centre d'études politiques de Kinshasa": an adjective before the next
                // complement.
                let then = self.connective_at(end + 1).and_then(|n| self.toks.get(n));
                // "Société béninoise d'énergie électrique (SBEE)": or a last adjective that the
                // acronym in brackets or a pause closes ("Fonds arménien de développement
                // territorial, un organisme public").
                if end < self.toks.len()
                    && self.joined(end - 1)
                    && self.adjective(end)
                    && (then.is_some_and(|t| t.cap && t.tag != Tag::Taken)
                        || self.acronym_follows(end)
                        || self.last_adjective(end))
                {
                    end += 1;
                }
            } else {
                return end;
            }
        }
    }

    /// An adjective by its ending ("territorial", "agricole") right before a comma, a
    /// semicolon, a full stop or a bracket, or one of institutions ("international").
    fn last_adjective(&self, i: usize) -> bool {
        let after = self
            .toks
            .get(i + 1)
            .map_or(&self.text[self.toks[i].end..], |n| {
                &self.text[self.toks[i].end..n.start]
            });
        let pause = after.trim_start().starts_with([',', ';', '.', '(', ')']);
        self.words.looks_adjectival(self.word(i))
            && (pause || self.words.is_not_a_name(self.word(i)))
    }

    /// "the Saudi Fund for Development and Chinese lenders": after "and" (word `and`), the
    /// nationality word at `next` qualifies the lower-case noun after it, and opens no part
    /// of the name.
    fn qualifies_a_noun_after_and(&self, and: usize, next: usize) -> bool {
        let conjunction = self.words.is_conjunction(self.word(and));
        let noun_after = self.toks.get(next + 1).is_some_and(|n| {
            !n.cap
                && n.tag == Tag::Free
                && self.joined(next)
                && !self.words.is_function_word(self.word(next + 1))
        });
        conjunction && self.toks[next].nationality && noun_after
    }

    /// "Korporata Elektroenergjetike Shqiptare (KESH)": the acronym in brackets after words
    /// `a..b` starts with their initials, in order; a person's name is given no acronym.
    fn initials_in_brackets(&self, a: usize, b: usize) -> bool {
        if !self.acronym_follows(b - 1) {
            return false;
        }
        let rest = &self.text[self.toks[b - 1].end + 2..];
        let mut acronym = rest.chars().take_while(|c| *c != ')');
        (a..b).all(|k| {
            let initial = self.word(k).chars().next();
            initial.is_some_and(|c| acronym.any(|l| l == c))
        }) && self.word(a).chars().next() == rest.chars().next()
    }

    /// "la Convention tchadienne pour la défense des droits de l'homme (CTDDH)": a capitalised
    /// word and the words after it whose initials, connectives and articles left out, spell the
    /// acronym in brackets that follows them (at most a dozen words).
    fn spelled_by_acronym(&self, i: usize, free_from: usize) -> Option<Named> {
        let t = self.toks[i];
        if i < free_from || !self.name_word(i) || t.tag != Tag::Free {
            return None;
        }
        let end = (i + 1..self.toks.len().min(i + 12)).find(|&j| self.acronym_follows(j))?;
        let free = |k: usize| matches!(self.toks[k].tag, Tag::Free | Tag::Country(_) | Tag::Place);
        if !(i..=end).all(|k| free(k) && (k == end || self.joined_or_elided(k))) {
            return None;
        }
        let spelled: String = (i..=end)
            .map(|k| self.word(k))
            .filter(|w| {
                w.chars().count() > 2
                    && !self.words.is_function_word(w)
                    && !self.is_connective_word(w)
            })
            .filter_map(|w| fold_str(w).chars().next())
            .collect();
        let rest = &self.text[self.toks[end].end + 2..];
        let acronym = fold_str(rest.split(')').next().unwrap_or_default());
        (spelled.chars().count() >= 3 && spelled == acronym)
            .then(|| (i, end + 1, self.country_in(i, end + 1)))
    }

    /// Words `k` and `k + 1` are separated by spaces or an elided article's apostrophe.
    fn joined_or_elided(&self, k: usize) -> bool {
        self.joined(k)
            || matches!(
                &self.text[self.toks[k].end..self.toks[k + 1].start],
                "'" | "’"
            )
    }

    /// A word of one of the language's connectives ("de", "la", "of", "the").
    fn is_connective_word(&self, word: &str) -> bool {
        let word = fold_str(word);
        self.words
            .connectives
            .iter()
            .any(|c| c.split([' ', '\'']).any(|p| p == word))
    }

    /// An acronym in brackets right after word `i` ("… électrique (SBEE)").
    fn acronym_follows(&self, i: usize) -> bool {
        let rest = &self.text[self.toks[i].end..];
        let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.split(')').next()) else {
            return false;
        };
        (2..=8).contains(&inner.chars().count()) && inner.chars().all(char::is_uppercase)
    }

    /// A legal form right after word `end - 1` ("Acme Mining LLC", "Acme, S.A."), and a second
    /// one after it ("Acme Engineering Co., Ltd."): the byte where they end.
    fn legal_form_after(&self, end: usize) -> Option<usize> {
        let last = self.toks[end - 1].end;
        let first = self.legal_form_at(last);
        // "Acme Co., Ltd." read with "Co" as the last word of the name: a form may follow it.
        let from =
            first.or_else(|| self.words.is_org_suffix(self.word(end - 1)).then_some(last))?;
        // "Co." leaves its dot out of the first form's end.
        let dot = usize::from(self.text[from..].starts_with('.'));
        self.legal_form_at(from + dot).or(first)
    }

    /// A legal form after byte `from`, past a comma and spaces: the byte where it ends.
    fn legal_form_at(&self, from: usize) -> Option<usize> {
        let after = &self.text[from..];
        let rest = after.strip_prefix(',').unwrap_or(after);
        let rest_trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        if rest_trimmed.len() == rest.len() {
            return None;
        }
        let raw: &str = rest_trimmed
            .split(|c: char| !(c.is_alphanumeric() || c == '.'))
            .next()?;
        let bare = raw.trim_end_matches('.');
        let upper = bare.chars().next().is_some_and(char::is_uppercase);
        if !upper || !self.words.is_org_suffix(bare) {
            return None;
        }
        // "S.A." keeps its last dot; after "SA" a dot ends the sentence.
        let kept = if bare.contains('.') { raw } else { bare };
        Some(from + (after.len() - rest_trimmed.len()) + kept.len())
    }
}

fn tagged(ctx: &DocContext, hits: &[Hit], from: usize, to: usize) -> Vec<Tok> {
    let mut words: Vec<Word> = Vec::new();
    words_of(ctx.text, from, to, &mut words);
    // "L'Agence", "D'Acme": the elided article is a word of its own.
    let words = words.iter().flat_map(|&w| {
        let text = &ctx.text[w.start..w.end];
        let mut chars = text.char_indices();
        let elided = chars.next().is_some_and(|(_, c)| c.is_uppercase())
            && chars.next().is_some_and(|(_, c)| matches!(c, '\'' | '’'));
        let after = text.char_indices().nth(2).map(|(i, _)| w.start + i);
        match (elided, after) {
            (true, Some(rest)) => vec![
                Word {
                    start: w.start,
                    end: w.start + 1,
                },
                Word {
                    start: rest,
                    end: w.end,
                },
            ],
            _ => vec![w],
        }
    });
    let first = hits.partition_point(|h| h.end <= from);
    // "Belgrade-based" is an English adjective; "Eko-svest" a name in any other language.
    let english = ctx.lang == Lang::En;
    words
        .map(|w| {
            let hit = hits[first..]
                .iter()
                .take_while(|h| h.start < w.end)
                .find(|h| h.end > w.start && !h.inside_title);
            let tag = hit.map_or(Tag::Free, |h| match h.entry {
                Entry::Country(c) | Entry::Demonym(c) => Tag::Country(c),
                Entry::Place(_) => Tag::Place,
                Entry::Title(_) | Entry::Honorific => Tag::Title,
                _ => Tag::Taken,
            });
            let text = &ctx.text[w.start..w.end];
            let acronym = text.chars().count() >= 2 && text.chars().all(char::is_uppercase);
            Tok {
                start: w.start,
                end: w.end,
                cap: (is_capitalised(text) && !(english && adjective_compound(text))) || acronym,
                tag,
                hit_end: hit.map_or(w.end, |h| h.end.max(w.end)),
                nationality: hit.is_some_and(|h| matches!(h.entry, Entry::Demonym(_))),
            }
        })
        .collect()
}

/// "Belgrade-based", "Moscow-led", "US-backed": a capitalised compound ending in a lower-case
/// word is an adjective, no word of a name ("Kassym-Jomart", "Addis-Abeba" end in capitals).
fn adjective_compound(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(head, tail)| !head.is_empty() && tail.starts_with(char::is_lowercase))
}

impl Sentence<'_> {
    /// The head word at `i` and the capitalised words and complements around it: the word
    /// range, when it holds more than the head ("Acme Mining", not "Energy").
    fn by_head(&self, lang: Lang, i: usize, free_from: usize) -> Option<(usize, usize)> {
        let t = self.toks[i];
        if !t.cap || t.tag != Tag::Free || !self.words.is_org_head(self.word(i)) {
            return None;
        }
        let mut a = i;
        loop {
            while a > free_from && self.joined(a - 1) && self.name_word(a - 1) {
                a -= 1;
            }
            match self.sector_pair_before(a, free_from) {
                Some(before) => a = before,
                None => break,
            }
        }
        let mut b = i + 1;
        // "Agence française de développement", "Banque centrale du Kazakhstan".
        if lang == Lang::Fr && b < self.toks.len() && self.joined(i) && !self.toks[b].cap {
            let adjective = matches!(self.toks[b].tag, Tag::Country(_))
                || (self.toks[b].tag == Tag::Free && self.connective_at(b + 1).is_some());
            if adjective && self.connective_at(b).is_none() {
                b += 1;
            }
        }
        let b = self.extend_right(lang, b);
        // "the OPEC Fund for International Development": a dictionary body's acronym before
        // a head with a complement opens the name of a body of its own.
        if a == i && a > free_from && b > i + 1 && self.joined(a - 1) && self.taken_acronym(a - 1) {
            return Some((a - 1, b));
        }
        Some((a, b))
    }

    /// "China Road and Bridge Corporation", "Kazakh Oil and Gas Company": the word before `a`
    /// is "and" between two common nouns of a name (sectors or things), or after an adjective
    /// ("Legal and Human Rights Centre"), so the name goes on to the left; "Safaricom and Kenya
    /// Railways Corporation" names two. The word before "and".
    fn sector_pair_before(&self, a: usize, free_from: usize) -> Option<usize> {
        if a < free_from + 2 || !self.joined(a - 1) || !self.joined(a - 2) {
            return None;
        }
        let and =
            self.connective_at(a - 1) == Some(a) && self.words.is_conjunction(self.word(a - 1));
        let common = |i: usize| {
            self.toks[i].cap
                && self.toks[i].tag == Tag::Free
                && (self.words.is_thing_head(self.word(i)) || self.words.is_org_head(self.word(i)))
        };
        let adjective = self.toks[a - 2].cap
            && self.toks[a - 2].tag == Tag::Free
            && self.words.looks_adjectival(self.word(a - 2))
            && self.toks[a].cap;
        (and && ((common(a) && common(a - 2)) || adjective)).then_some(a - 2)
    }

    /// A capitalised name right after a noun that introduces an organisation ("la société
    /// Acme", "le groupe minier australien Acme", "the company Acme").
    fn by_cue(&self, lang: Lang, i: usize) -> Option<(usize, usize)> {
        let t = self.toks[i];
        // "l'ONG Guinée Écologie", "the NGO Licadho": a cue may be an acronym.
        let acronym = self.word(i).chars().all(char::is_uppercase);
        if (t.cap && !acronym) || t.tag != Tag::Free || !self.words.is_org_cue(self.word(i)) {
            return None;
        }
        let mut m = i + 1;
        // French adjectives follow the noun: "groupe minier australien".
        let mut skipped = 0;
        while lang == Lang::Fr && skipped < 2 && m < self.toks.len() && !self.toks[m].cap {
            if !self.joined(m - 1) || !self.adjective(m) {
                return None;
            }
            m += 1;
            skipped += 1;
        }
        if m >= self.toks.len() || !self.joined(m - 1) || !self.name_word(m) {
            return None;
        }
        // "l'ONG Guinée Écologie": a country opens the name when a free word follows it.
        let country_first = matches!(self.toks[m].tag, Tag::Country(_) | Tag::Place)
            && self
                .toks
                .get(m + 1)
                .is_some_and(|n| n.cap && n.tag == Tag::Free)
            && self.joined(m);
        // "la société Mardi" is no name, "l'association Eau Pour Tous" is one.
        let longer = self.toks.get(m + 1).is_some_and(|n| n.cap) && self.joined(m);
        let word_of_name = !self.words.is_not_a_name(self.word(m)) || longer;
        if !word_of_name || !(self.toks[m].tag == Tag::Free || country_first) {
            return None;
        }
        let mut b = m + 1;
        loop {
            while b < self.toks.len() && self.joined(b - 1) && self.name_word(b) {
                b += 1;
            }
            // "l'entreprise publique Yacimientos de Litio Bolivianos": over a connective to
            // the next capitalised word; "and" there joins two names ("the company Srbijagas
            // and NOMAGAS").
            let conjunction = b < self.toks.len() && self.words.is_conjunction(self.word(b));
            let next = self
                .connective_at(b)
                .filter(|_| self.joined(b - 1) && !conjunction);
            match next.and_then(|n| self.toks.get(n).map(|t| (n, t))) {
                Some((n, t))
                    if t.cap && matches!(t.tag, Tag::Free | Tag::Country(_) | Tag::Place) =>
                {
                    b = n + 1
                }
                _ => return Some((m, b)),
            }
        }
    }

    /// A lower-case adjective or nationality word ("minier", "australien").
    fn adjective(&self, i: usize) -> bool {
        let t = self.toks[i];
        !t.cap
            && (matches!(t.tag, Tag::Country(_))
                || (t.tag == Tag::Free
                    && self.word(i).chars().count() >= 4
                    && !self.words.is_function_word(self.word(i))
                    && self.connective_at(i).is_none()))
    }

    /// A word before the noun of an apposition: an adjective, and in English a nationality
    /// (capitalised there) or a short noun ("the Azerbaijani state oil company").
    fn modifier(&self, lang: Lang, i: usize) -> bool {
        let t = self.toks[i];
        let english = lang == Lang::En
            && (matches!(t.tag, Tag::Country(_))
                || (!t.cap
                    && t.tag == Tag::Free
                    && self.word(i).chars().count() >= 3
                    && !self.words.is_function_word(self.word(i))
                    && self.connective_at(i).is_none()));
        english || self.adjective(i)
    }

    /// The capitalised words `a..b` described, after a comma, by a noun phrase ending in an
    /// organisation noun ("Acme, géant minier australien,", "Acme, the Australian miner,").
    fn by_apposition(&self, lang: Lang, a: usize, b: usize) -> bool {
        if b >= self.toks.len() || self.text[self.toks[b - 1].end..self.toks[b].start].trim() != ","
        {
            return false;
        }
        let mut i = b;
        if self.words.is_function_word(self.word(i)) && !self.toks[i].cap {
            i += 1;
        }
        // English adjectives come before the noun, French ones after it.
        let mut before = 0;
        while i < self.toks.len() && before < 4 && !self.words.is_org_cue(self.word(i)) {
            if !self.modifier(lang, i) || (i > b && !self.joined(i - 1)) {
                return false;
            }
            i += 1;
            before += 1;
        }
        if i >= self.toks.len() || self.toks[i].cap || (i > b && !self.joined(i - 1)) {
            return false;
        }
        let mut after = i + 1;
        while lang == Lang::Fr && after < self.toks.len() && self.joined(after - 1) {
            if !self.adjective(after) || after - i > 2 {
                return false;
            }
            after += 1;
        }
        // The noun ends the apposition ("…australien,"), else it is part of something else
        // ("a bank official").
        let ends = after >= self.toks.len()
            || !self.joined(after - 1)
            || self.connective_at(after).is_some();
        ends && a < b
    }

    /// The nationality word among words `a..b`.
    fn country_in(&self, a: usize, b: usize) -> Option<usize> {
        (a..b.min(self.toks.len())).find(|&i| matches!(self.toks[i].tag, Tag::Country(_)))
    }
}

/// An organisation found in the document, for its later short forms.
struct Known {
    actor: usize,
    /// Its name as first written.
    name: String,
    /// The first word of its name, when it can stand for it alone ("Acme").
    short: Option<String>,
    /// The acronym given in brackets after it.
    acronym: Option<String>,
}

/// Finds the organisations of the document by their shape, adds them and their mentions to
/// `out`, and returns the byte ranges they take, sorted.
pub(super) fn organisations(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    out: &mut DocActors,
) -> Vec<(usize, usize)> {
    let words = words::of(ctx.lang);
    let mut known: Vec<Known> = Vec::new();
    let mut taken = Vec::new();
    for (index, s) in ctx.sentences.iter().enumerate() {
        if s.boilerplate || title_case(&ctx.text[s.start..s.end]) {
            continue;
        }
        let sentence = Sentence::read(ctx, hits, words, index);
        let mut previous: Option<(usize, usize)> = None;
        for found in sentence.found(ctx.lang) {
            // The name is taken whole, as a dictionary name would be: the country or place
            // inside it ("Qatar Fund for Development") and the nationality describing it are
            // no mentions of their own.
            let describing = found.describing.unwrap_or_default();
            out.mentions.retain(|m| {
                (m.start, m.end) != describing && !(found.start <= m.start && m.end <= found.end)
            });
            let name = &ctx.text[found.start..found.end];
            let actor = other_name_of(ctx.text, previous, &found)
                .unwrap_or_else(|| out.intern(text_organisation(lexicon, name, found.country)));
            push_mention(out, actor, found.start, found.end, index);
            taken.push((found.start, found.end));
            previous = Some((found.end, actor));
            if known.iter().any(|k| k.actor == actor && k.name == name) {
                continue;
            }
            known.push(Known {
                actor,
                name: name.to_string(),
                short: short_form(words, name),
                acronym: acronym_after(ctx.text, (found.start, found.end), s.end),
            });
        }
    }
    merge_prefixes(&mut known, out);
    redefined_acronyms(ctx, &known, out);
    repeats(ctx, &known, &mut taken, out);
    short_forms(ctx, hits, &known, &mut taken, out);
    taken.sort_unstable();
    taken
}

/// "Banque coréenne d'import-export (Korea Eximbank)": a name in brackets right after the
/// organisation found before it (`previous`: where that one ends, and its actor) is its other
/// name.
fn other_name_of(text: &str, previous: Option<(usize, usize)>, found: &Found) -> Option<usize> {
    let (end, actor) = previous?;
    let bracketed = text.get(end..found.start) == Some(" (") && text[found.end..].starts_with(')');
    bracketed.then_some(actor)
}

fn push_mention(out: &mut DocActors, actor: usize, start: usize, end: usize, sentence: usize) {
    out.mentions.push(Mention {
        start,
        end,
        sentence,
        actor,
        role_span: None,
        official: false,
    });
}

fn text_organisation(lexicon: &Lexicon, name: &str, country: Option<usize>) -> DocActor {
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    DocActor {
        id: crate::ids::provisional_id(Kind::Organization.as_str(), name),
        name: name.to_string(),
        kind: Kind::Organization,
        country: country.map(|c| lexicon.countries[c].iso3.clone()),
        role: None,
        cameo: None,
        seat: None,
        affiliation: None,
        person: None,
    }
}

/// "Acme" for "Acme Mining" (or for "Acme" itself): a first word that is no head, nationality or common word.
fn short_form(words: &Words, name: &str) -> Option<String> {
    let mut parts = name.split([' ', '\u{a0}']);
    // "Vale" for "PT Vale Indonesia": the legal form written first is no short form.
    let first = parts
        .next()
        .filter(|w| !words.is_org_prefix(w))
        .or_else(|| parts.next())?;
    let fits = first.chars().count() >= 3
        && is_capitalised(first)
        && !words.is_function_word(first)
        && !words.is_org_head(first)
        && !words.is_not_a_name(first)
        && !words.is_thing_head(first);
    fits.then(|| first.to_string())
}

/// "Banque de développement du Kazakhstan (BDK)", "… d'import-export (Afreximbank)": the
/// acronym or short name in brackets right after the name `text[start..end]`.
fn acronym_after(text: &str, (start, end): (usize, usize), sentence_end: usize) -> Option<String> {
    let rest = text[end..sentence_end].strip_prefix(" (")?;
    let inner = &rest[..rest.find(')')?];
    let letters = inner.chars().count();
    let acronym = (2..=8).contains(&letters)
        && inner
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && inner.chars().any(char::is_uppercase);
    (acronym || short_name_of(inner, &text[start..end])).then(|| inner.to_string())
}

/// A one-word short name in brackets ("Afreximbank", "Kazatomprom"): capitalised, of letters
/// only, and starting as one of the name's words does; a place or a source in brackets
/// ("(Reuters)") starts otherwise.
fn short_name_of(inner: &str, name: &str) -> bool {
    let mut letters = inner.chars();
    let first = letters.next().map(|c| fold_str(&c.to_string()));
    let sized = (3..=16).contains(&inner.chars().count());
    let shaped = is_capitalised(inner) && inner.chars().all(char::is_alphabetic);
    let initials: Vec<String> = name
        .split(|c: char| !c.is_alphabetic())
        .filter_map(|w| w.chars().next())
        .map(|c| fold_str(&c.to_string()))
        .collect();
    sized && shaped && first.is_some_and(|f| initials.contains(&f))
}

/// Names are at most this many words, connectives included.
const LONGEST_NAME: usize = 10;

impl Sentence<'_> {
    /// The organisations of the sentence, left to right, none inside another.
    fn found(&self, lang: Lang) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        let mut free_from = 0;
        while i < self.toks.len() {
            let hit = self
                .prefixed(i)
                .or_else(|| {
                    self.by_cue(lang, i)
                        .map(|(a, b)| (a, b, self.country_in(i + 1, b)))
                })
                .or_else(|| self.subsidiary(i, free_from))
                .or_else(|| self.headed(lang, i, free_from))
                .or_else(|| self.described(lang, i, free_from))
                .or_else(|| self.spelled_by_acronym(i, free_from));
            match hit {
                Some((a, b, country)) => {
                    let end = self.legal_form_after(b).unwrap_or(self.toks[b - 1].end);
                    let beside = country.filter(|&c| c < a || c >= b).map(|c| self.toks[c]);
                    found.push(Found {
                        start: self.toks[a].start,
                        end,
                        country: country.and_then(|c| match self.toks[c].tag {
                            Tag::Country(country) => Some(country),
                            _ => None,
                        }),
                        describing: beside.map(|t| (t.start, t.end)),
                    });
                    i = b;
                    free_from = b;
                }
                None => i += 1,
            }
        }
        found
    }

    /// [`Self::by_head`], kept when the name is more than its head or has a legal form, and
    /// does not name a thing ("the Acme Mining Project").
    fn headed(&self, lang: Lang, i: usize, free_from: usize) -> Option<Named> {
        let (a, b) = self.by_head(lang, i, free_from)?;
        // After a title or an honorific, a name is a person's ("USAID Administrator Samantha
        // Power"); before a dictionary body, a part of it ("Centre régional des Nations Unies").
        let after_title = a > 0 && self.toks[a - 1].tag == Tag::Title && self.joined(a - 1);
        // "Vice Minister of Energy Nurlan Abenov": a head that is a portfolio word, right
        // after a title and "of", is the title's portfolio ("Chairman of Acme Energy" is not).
        let portfolio = a == i
            && a > 1
            && self.toks[a - 2].tag == Tag::Title
            && self.connective_at(a - 1) == Some(a)
            && self.words.is_not_a_name(self.word(i));
        let part_of_known = self
            .connective_at(b)
            .and_then(|n| self.toks.get(n))
            .is_some_and(|t| t.tag == Tag::Taken);
        if after_title || part_of_known || portfolio {
            return None;
        }
        let long_enough = b - a >= 2 || self.legal_form_after(b).is_some();
        let thing =
            self.words.is_thing_head(self.word(b - 1)) && !self.words.is_org_head(self.word(b - 1));
        (long_enough && !thing && b - a <= LONGEST_NAME).then(|| (a, b, self.country_in(a, b)))
    }

    /// A legal form written first and the capitalised words after it ("PT Vale Indonesia",
    /// "JSC Samruk-Kazyna"); a country among them is the company's.
    fn prefixed(&self, i: usize) -> Option<Named> {
        let t = self.toks[i];
        if t.tag != Tag::Free || !self.words.is_org_prefix(self.word(i)) {
            return None;
        }
        let mut b = i + 1;
        while b < self.toks.len() && b - i <= 4 && self.joined(b - 1) && self.name_word(b) {
            b += 1;
        }
        (b > i + 1).then(|| (i, b, self.country_in(i + 1, b)))
    }

    /// A run of capitalised words starting at `i` that a legal form follows ("Borealis SAS",
    /// "Georgian Railway JSC") or an apposition describes ("Acme, géant minier australien,",
    /// "Transparency International Georgia, a watchdog,"). A country or a place may be a word
    /// of the name; a legal form makes a company of a name ending like a thing's.
    fn described(&self, lang: Lang, i: usize, free_from: usize) -> Option<Named> {
        let inner = |t: &Tok| matches!(t.tag, Tag::Free | Tag::Country(_) | Tag::Place);
        let starts_run = i >= free_from
            && self.name_word(i)
            && inner(&self.toks[i])
            && !(i > 0 && self.joined(i - 1) && self.name_word(i - 1));
        if !starts_run || self.words.is_not_a_name(self.word(i)) {
            return None;
        }
        let mut b = i + 1;
        // A legal form ends the name ("Taraz Metall LLP").
        while b < self.toks.len()
            && self.joined(b - 1)
            && self.name_word(b)
            && inner(&self.toks[b])
            && !self.words.is_org_suffix(self.word(b))
        {
            b += 1;
        }
        let free = (i..b).any(|k| self.toks[k].tag == Tag::Free);
        if b - i > 4 || !free {
            return None;
        }
        if self.legal_form_after(b).is_some() || (b - i >= 2 && self.initials_in_brackets(i, b)) {
            return Some((i, b, self.country_in(i, b)));
        }
        let first_free = self.toks[i].tag == Tag::Free;
        (first_free
            && !self.words.is_thing_head(self.word(b - 1))
            && self.by_apposition(lang, i, b))
        .then(|| (i, b, self.country_in(i, b).or(self.country_until_pause(b))))
    }

    /// "KTZ Express SA": a dictionary body's acronym, capitalised words and a legal form name a
    /// company of its own, its subsidiary.
    fn subsidiary(&self, i: usize, free_from: usize) -> Option<Named> {
        if i < free_from || !self.taken_acronym(i) {
            return None;
        }
        let mut b = i + 1;
        while b < self.toks.len()
            && b - i <= 3
            && self.joined(b - 1)
            && self.name_word(b)
            && self.toks[b].tag == Tag::Free
            && !self.words.is_org_suffix(self.word(b))
        {
            b += 1;
        }
        (b > i + 1 && self.legal_form_after(b).is_some()).then_some((i, b, None))
    }

    /// Word `i` is the acronym of a dictionary body ("OPEC", "KTZ").
    fn taken_acronym(&self, i: usize) -> bool {
        let word = self.word(i);
        self.toks[i].tag == Tag::Taken
            && word.chars().count() >= 2
            && word.chars().all(char::is_uppercase)
    }

    /// The first nationality word from word `from` to the next punctuation mark.
    fn country_until_pause(&self, from: usize) -> Option<usize> {
        let mut i = from;
        while i < self.toks.len() {
            if let Tag::Country(_) = self.toks[i].tag {
                return Some(i);
            }
            let pause = self.toks.get(i + 1).is_some_and(|n| {
                self.text[self.toks[i].end..n.start].contains([',', ';', '.', '(', ')'])
            });
            if pause && i > from {
                return None;
            }
            i += 1;
        }
        None
    }
}

/// Later mentions of the organisations found: their first word alone ("Acme") and their
/// acronym ("BDK"), outside dictionary names and the spans already taken.
fn short_forms(
    ctx: &DocContext,
    hits: &[Hit],
    known: &[Known],
    taken: &mut Vec<(usize, usize)>,
    out: &mut DocActors,
) {
    if known.is_empty() {
        return;
    }
    let words = words::of(ctx.lang);
    let occupied = Occupied::new(taken.clone());
    for (index, s) in ctx.sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        let sentence = Sentence::read(ctx, hits, words, index);
        for i in 0..sentence.toks.len() {
            let t = sentence.toks[i];
            if occupied.overlaps(t.start, t.end) || t.tag != Tag::Free {
                continue;
            }
            let capital_beside = (i > 0 && sentence.joined(i - 1) && sentence.toks[i - 1].cap)
                || (i + 1 < sentence.toks.len() && sentence.joined(i) && sentence.toks[i + 1].cap);
            let alone = !capital_beside;
            let word = sentence.word(i);
            let org = known.iter().find(|k| {
                (alone && t.cap && k.short.as_deref() == Some(word))
                    || k.acronym.as_deref() == Some(word)
            });
            if let Some(k) = org {
                push_mention(out, k.actor, t.start, t.end, sentence.index);
                taken.push((t.start, t.end));
            }
        }
    }
}

/// "Kuwait Fund" in a headline, "Kuwait Fund for Arab Economic Development" in the text: a
/// name that begins another found in the document is its short form.
fn merge_prefixes(known: &mut [Known], out: &mut DocActors) {
    for i in 0..known.len() {
        let prefix = format!("{} ", known[i].name);
        let longer = known
            .iter()
            .find(|k| k.name.starts_with(&prefix))
            .map(|k| k.actor);
        let Some(longer) = longer else {
            continue;
        };
        let shorter = known[i].actor;
        for m in out.mentions.iter_mut().filter(|m| m.actor == shorter) {
            m.actor = longer;
        }
        known[i].actor = longer;
    }
}

/// "Banque africaine de développement (BAD)": an acronym the document defines after a name
/// means that organisation there, whatever body the dictionary gives it (the Asian Development
/// Bank is "BAD" too in some French texts).
fn redefined_acronyms(ctx: &DocContext, known: &[Known], out: &mut DocActors) {
    for k in known {
        let Some(acronym) = k.acronym.as_deref() else {
            continue;
        };
        for m in out.mentions.iter_mut() {
            let dictionary = out.actors[m.actor].kind == Kind::Organization;
            if dictionary && m.actor != k.actor && &ctx.text[m.start..m.end] == acronym {
                m.actor = k.actor;
            }
        }
    }
}

/// The name of an organisation found once, written again elsewhere in the document ("Georgian
/// Railway" after "la compagnie publique Georgian Railway"), then its leading words alone
/// ("Ege Yapı chairman…" after "Ege Yapı İnşaat A.Ş."). A country or a place inside the
/// repeat is no mention of its own, as in the name first found.
fn repeats(
    ctx: &DocContext,
    known: &[Known],
    taken: &mut Vec<(usize, usize)>,
    out: &mut DocActors,
) {
    let words = words::of(ctx.lang);
    for k in known.iter().filter(|k| k.name.contains(' ')) {
        written_again(ctx, (k.actor, &k.name), false, taken, out);
    }
    for k in known {
        for lead in leading_words(words, &k.name) {
            written_again(ctx, (k.actor, lead), true, taken, out);
        }
    }
}

/// The mentions of `name` outside the `taken` ranges and across no other mention; a name's
/// leading words (`leading`) only where no capitalised word follows them.
fn written_again(
    ctx: &DocContext,
    (actor, name): (usize, &str),
    leading: bool,
    taken: &mut Vec<(usize, usize)>,
    out: &mut DocActors,
) {
    let occupied = Occupied::new(taken.clone());
    for (start, _) in ctx.text.match_indices(name) {
        let end = start + name.len();
        let bounded = !ctx.text[..start].ends_with(char::is_alphanumeric)
            && !ctx.text[end..].starts_with(char::is_alphanumeric);
        let next = ctx.text[end..].trim_start_matches([' ', '\u{a0}']);
        let alone = !leading || !next.starts_with(char::is_uppercase);
        let crossing = out
            .mentions
            .iter()
            .any(|m| m.start < end && m.end > start && !(start <= m.start && m.end <= end));
        let Some(sentence) = ctx.sentence_at(start) else {
            continue;
        };
        let content = !ctx.sentences[sentence].boilerplate;
        if bounded && alone && content && !crossing && !occupied.overlaps(start, end) {
            out.mentions.retain(|m| !(start <= m.start && m.end <= end));
            push_mention(out, actor, start, end, sentence);
            taken.push((start, end));
        }
    }
}

/// The first words of a longer name that can stand for it alone, longest first: two or more
/// capitalised words before its first head, connective, legal form or office word ("Ege Yapı
/// İnşaat" and "Ege Yapı" of "Ege Yapı İnşaat A.Ş.", not "National Bank" of "National Bank
/// of Georgia").
fn leading_words<'n>(words: &Words, name: &'n str) -> Vec<&'n str> {
    let parts: Vec<&str> = name.split(' ').collect();
    let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    let distinctive = |w: &str| {
        (is_capitalised(w) || acronym(w))
            && !words.is_org_head(w)
            && !words.is_thing_head(w)
            && !words.is_not_a_name(w)
            && !words.is_org_suffix(w)
            && !words.is_org_prefix(w)
            && !words.is_function_word(w)
    };
    let count = parts.iter().take_while(|w| distinctive(w)).count();
    let count = count.min(parts.len() - 1);
    (2..=count)
        .rev()
        .map(|n| {
            let len = parts[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
            &name[..len]
        })
        .collect()
}

/// Byte ranges already named, for telling in logarithmic time whether a span meets one.
struct Occupied {
    /// Sorted by start.
    ranges: Vec<(usize, usize)>,
    /// The largest end among `ranges[..=i]`.
    max_end: Vec<usize>,
}

impl Occupied {
    fn new(mut ranges: Vec<(usize, usize)>) -> Occupied {
        ranges.sort_unstable();
        let max_end = ranges
            .iter()
            .scan(0, |max, &(_, end)| {
                *max = end.max(*max);
                Some(*max)
            })
            .collect();
        Occupied { ranges, max_end }
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.ranges.partition_point(|&(s, _)| s < end);
        before > 0 && self.max_end[before - 1] > start
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{analyse, Analysis, Options};
    use crate::{Document, Lang};

    fn analysed(text: &str, lang: Lang) -> Analysis {
        let mut doc = Document::new("orgs", text);
        doc.lang = Some(lang);
        analyse(&doc, &Options::default())
    }

    /// (span, actor id) of every mention.
    fn mentions(text: &str, lang: Lang) -> Vec<(String, String)> {
        let found = analysed(text, lang).mentions;
        found.into_iter().map(|m| (m.text, m.actor_id)).collect()
    }

    fn has(found: &[(String, String)], span: &str, id: &str) -> bool {
        found.iter().any(|(s, i)| s == span && i == id)
    }

    #[test]
    fn a_legal_form_written_first_opens_the_company_name() {
        let found = mentions(
            "Workers at PT Sinar Baru Kalimantan went on strike. The smelter of PT Sinar Baru \
             Kalimantan stopped, and JSC Altyn Tobe said it would buy the ore.",
            Lang::En,
        );
        let id = "org:pt_sinar_baru_kalimantan";
        assert_eq!(
            found.iter().filter(|(_, i)| i == id).count(),
            2,
            "{found:?}"
        );
        assert!(
            has(&found, "JSC Altyn Tobe", "org:jsc_altyn_tobe"),
            "{found:?}"
        );
        let found = mentions(
            "Le groupe OAO Severnyi Kombinat a racheté la mine.",
            Lang::Fr,
        );
        assert!(has(
            &found,
            "OAO Severnyi Kombinat",
            "org:oao_severnyi_kombinat"
        ));
    }

    #[test]
    fn a_country_after_a_legal_form_is_the_company_s() {
        let x = analysed("PT Semen Indonesia will build a new kiln.", Lang::En);
        let company = x
            .actors
            .iter()
            .find(|a| a.actor_id == "org:pt_semen_indonesia");
        assert_eq!(company.and_then(|a| a.country.as_deref()), Some("IDN"));
        assert!(!x.mentions.iter().any(|m| m.actor_id == "IDN"));
    }

    #[test]
    fn a_short_name_in_brackets_stands_for_the_organisation() {
        let found = mentions(
            "La Caisse régionale de garantie des exportations (Garantexport) a signé. Plus tard, \
             Garantexport a versé la somme.",
            Lang::Fr,
        );
        let id = "org:caisse_regionale_de_garantie_des_exportations";
        let short = found.iter().filter(|(s, i)| s == "Garantexport" && i == id);
        assert_eq!(short.count(), 2, "{found:?}");
        // A town in brackets shares no initial with the name: no short name of it.
        let found = mentions(
            "The Northern Grain Trading Company (Bloomfield) signed a deal.",
            Lang::En,
        );
        assert!(!found.iter().any(|(s, _)| s == "Bloomfield"), "{found:?}");
    }

    #[test]
    fn an_english_apposition_may_give_a_nationality_and_noun_modifiers() {
        let x = analysed(
            "KAZMUNAI, the Kazakh state oil company, signed. Brenmor, the Irish shipbuilder, \
             will deliver two ferries.",
            Lang::En,
        );
        let country = |id: &str| {
            let actor = x.actors.iter().find(|a| a.actor_id == id);
            actor.and_then(|a| a.country.clone())
        };
        assert_eq!(country("org:kazmunai").as_deref(), Some("KAZ"));
        assert_eq!(country("org:brenmor").as_deref(), Some("IRL"));
        // The nationality describes the company: no mention of the country of its own.
        assert!(!x.mentions.iter().any(|m| m.actor_id == "IRL"));
    }

    #[test]
    fn an_apposition_about_a_person_names_no_organisation() {
        let found = mentions(
            "Jane Holloway, a former bank official, and Tom Reyes, an energy analyst at the \
             institute, spoke.",
            Lang::En,
        );
        assert!(
            !found.iter().any(|(_, i)| i.starts_with("org:")),
            "{found:?}"
        );
    }

    #[test]
    fn a_legal_form_makes_a_company_of_a_name_holding_a_country_or_a_place() {
        let found = mentions(
            "Georgian Railway JSC will lay the line, and Djibouti Logistique Maritime SA will \
             handle the cargo.",
            Lang::En,
        );
        assert!(
            has(&found, "Georgian Railway JSC", "org:georgian_railway_jsc"),
            "{found:?}"
        );
        assert!(
            has(
                &found,
                "Djibouti Logistique Maritime SA",
                "org:djibouti_logistique_maritime_sa"
            ),
            "{found:?}"
        );
        let found = mentions("Les cadres de Taraz Metall LLP ont signé.", Lang::Fr);
        assert!(
            has(&found, "Taraz Metall LLP", "org:taraz_metall_llp"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_holding_a_country_may_be_described_by_an_apposition() {
        let x = analysed(
            "Transparency International Georgia, a watchdog, criticised the choice.",
            Lang::En,
        );
        let org = x
            .actors
            .iter()
            .find(|a| a.actor_id == "org:transparency_international_georgia");
        assert_eq!(org.and_then(|a| a.country.as_deref()), Some("GEO"));
    }

    #[test]
    fn a_sector_after_a_title_is_its_portfolio_not_a_company() {
        let found = mentions(
            "Asakawa met Vice Minister of Energy Nurlan Abenov in the capital.",
            Lang::En,
        );
        assert!(
            !found.iter().any(|(_, i)| i.starts_with("org:")),
            "{found:?}"
        );
        assert!(
            has(&found, "Nurlan Abenov", "person:nurlan_abenov"),
            "{found:?}"
        );
    }

    #[test]
    fn two_common_nouns_joined_by_and_stay_in_one_name() {
        let found = mentions(
            "The road will be built by China Road and Bridge Corporation, while Safaricom and \
             Kenya Railways Corporation will run it.",
            Lang::En,
        );
        let road = "org:china_road_and_bridge_corporation";
        assert!(
            has(&found, "China Road and Bridge Corporation", road),
            "{found:?}"
        );
        assert!(has(
            &found,
            "Kenya Railways Corporation",
            "org:kenya_railways_corporation"
        ));
    }

    #[test]
    fn long_french_names_take_their_connectives_and_a_last_adjective_before_the_acronym() {
        let found = mentions(
            "Le président de l'Autorité des ports et des zones franches de Djibouti (APZF) a \
             parlé. La Société béninoise d'énergie électrique (SBEE) conduira les travaux, et le \
             Fonds saoudien pour le développement (FSD) paiera. L'APZF paiera aussi.",
            Lang::Fr,
        );
        let apzf = "org:autorite_des_ports_et_des_zones_franches_de_djibouti";
        assert!(has(&found, "APZF", apzf), "{found:?}");
        let sbee = "org:societe_beninoise_d_energie_electrique";
        assert!(has(&found, "SBEE", sbee), "{found:?}");
        let fsd = "org:fonds_saoudien_pour_le_developpement";
        assert!(has(&found, "FSD", fsd), "{found:?}");
    }

    #[test]
    fn words_followed_by_the_acronym_of_their_initials_name_an_organisation() {
        let found = mentions(
            "Le projet sera conduit par la Korporata Elektroenergjetike Shqiptare (KESH). Jean \
             Dupont (JD) n'est pas une organisation.",
            Lang::Fr,
        );
        let kesh = "org:korporata_elektroenergjetike_shqiptare";
        assert!(has(&found, "KESH", kesh), "{found:?}");
        assert!(
            !found.iter().any(|(s, _)| s == "Jean Dupont (JD)"),
            "{found:?}"
        );
    }

    #[test]
    fn an_acronym_defined_in_the_document_overrides_the_dictionary() {
        let found = mentions(
            "La Banque africaine de développement (BAD) versera un don. La BAD a confirmé.",
            Lang::Fr,
        );
        let bad = found.iter().filter(|(s, _)| s == "BAD");
        assert!(
            bad.clone().count() == 2
                && bad
                    .into_iter()
                    .all(|(_, i)| i == "org:banque_africaine_de_developpement"),
            "{found:?}"
        );
        // Defined by a dictionary name, the acronym keeps the dictionary's body.
        let found = mentions(
            "La Banque asiatique de développement (BAD) a prêté. La BAD a confirmé.",
            Lang::Fr,
        );
        assert!(has(&found, "BAD", "adb"), "{found:?}");
    }

    #[test]
    fn an_ngo_cue_in_capitals_and_a_dateline_article() {
        let found = mentions(
            "Hermann Djossou, coordonnateur de l'ONG Alternatives Citoyennes, a parlé.",
            Lang::Fr,
        );
        assert!(has(
            &found,
            "Alternatives Citoyennes",
            "org:alternatives_citoyennes"
        ));
        let found = mentions(
            "MANAMA — The Kuwait Fund for Arab Economic Development will lend $150 million. \
             The Kuwait Fund said so.",
            Lang::En,
        );
        let fund = "org:kuwait_fund_for_arab_economic_development";
        assert!(
            has(&found, "Kuwait Fund for Arab Economic Development", fund),
            "{found:?}"
        );
        assert!(!found.iter().any(|(s, _)| s == "The"), "{found:?}");
    }

    #[test]
    fn a_name_that_begins_a_longer_one_of_the_document_is_its_short_form() {
        let found = mentions(
            "Kuwait Fund lends Bahrain money\n\nThe Kuwait Fund for Arab Economic Development \
             will lend Bahrain $150 million.",
            Lang::En,
        );
        let fund = "org:kuwait_fund_for_arab_economic_development";
        assert!(has(&found, "Kuwait Fund", fund), "{found:?}");
    }

    #[test]
    fn a_compound_adjective_is_no_word_of_the_name_and_and_joins_two_names() {
        let found = mentions(
            "Ivana Markovic, an economist at the Belgrade-based Centre for Energy Transition, \
             spoke. The state gas company Srbijagas and NOMAGAS, the gas operator, signed.",
            Lang::En,
        );
        let centre = "org:centre_for_energy_transition";
        assert!(
            has(&found, "Centre for Energy Transition", centre),
            "{found:?}"
        );
        assert!(has(&found, "Srbijagas", "org:srbijagas"), "{found:?}");
        let found = mentions(
            "L'entreprise publique Yacimientos de Litio Bolivianos (YLB) a présenté un projet.",
            Lang::Fr,
        );
        let ylb = "org:yacimientos_de_litio_bolivianos";
        assert!(has(&found, "YLB", ylb), "{found:?}");
    }

    #[test]
    fn a_weekday_ends_a_name_and_a_party_cue_introduces_one() {
        let found = mentions(
            "He signed a loan with the Saudi Fund for Development on Monday. Zitto Kabwe, leader \
             of the opposition party ACT Wazalendo, spoke.",
            Lang::En,
        );
        assert!(
            found.iter().any(|(s, _)| s == "Saudi Fund for Development"),
            "{found:?}"
        );
        assert!(
            has(&found, "ACT Wazalendo", "org:act_wazalendo"),
            "{found:?}"
        );
    }

    #[test]
    fn a_french_cue_takes_a_name_opening_with_a_common_word_or_a_hyphen() {
        let found = mentions(
            "L'association Eau Pour Tous a dénoncé les coupures, et l'ONG Eko-svest a protesté.",
            Lang::Fr,
        );
        assert!(
            has(&found, "Eau Pour Tous", "org:eau_pour_tous"),
            "{found:?}"
        );
        assert!(has(&found, "Eko-svest", "org:eko_svest"), "{found:?}");
    }

    #[test]
    fn an_ampersand_joins_the_words_of_a_firm_s_name() {
        let found = mentions(
            "The works will go to the Indian firm Larsen & Toubro. Larsen said so.",
            Lang::En,
        );
        assert!(
            has(&found, "Larsen & Toubro", "org:larsen_toubro"),
            "{found:?}"
        );
        assert!(has(&found, "Larsen", "org:larsen_toubro"), "{found:?}");
    }

    #[test]
    fn words_whose_initials_spell_the_acronym_after_them_name_an_organisation() {
        let found = mentions(
            "Le secrétaire général de la Convention tchadienne pour la défense des droits de \
             l'homme (CTDDH) a parlé. La CTDDH a demandé les contrats.",
            Lang::Fr,
        );
        let id = "org:convention_tchadienne_pour_la_defense_des_droits_de_l_homme";
        let ctddh = found.iter().filter(|(s, i)| s == "CTDDH" && i == id);
        assert_eq!(ctddh.count(), 2, "{found:?}");
        // Initials that spell something else name nothing.
        let found = mentions("La Convention sur le climat (COP) a commencé.", Lang::Fr);
        assert!(
            !found.iter().any(|(_, i)| i.starts_with("org:")),
            "{found:?}"
        );
    }
}
