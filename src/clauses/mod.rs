//! The clauses of a sentence and who their subjects stand for.
//!
//! [`read`] cuts a sentence into one clause per verb, from the spans the stages already found
//! (the verbs of event cues, the dates): a clause begins at the sentence start, after a
//! complementiser or a reporting verb ("a déclaré que…", "said Seoul would…") or at a relative
//! pronoun (", où il a rencontré…"). Its subject is what stands between its start and its verb,
//! once the circumstances that open it are set aside ("Mardi, à Astana, le ministre…").
//!
//! [`subject_actor`] says who a subject names: an actor mentioned in it, else, for a pronoun
//! ("Il a salué…") or a role phrase ("Le chancelier a reçu…"), the antecedent: the subject of
//! an earlier sentence, or the latest person the text gave that title. The words are data
//! (`data/clauses.toml`), per language.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::actors::{DocActors, Kind, Mention};
use crate::view::DocContext;
use crate::Lang;

/// One clause of a sentence (byte offsets into the sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    /// The words before the verb, circumstances set aside; `None` when nothing stands there
    /// ("…and announced", a passive after its circumstance).
    pub subject: Option<(usize, usize)>,
    pub verb: (usize, usize),
    /// Opened by a relative pronoun: it tells of something else than its sentence's main clause.
    pub relative: bool,
}

/// The clause words of one language.
/// Every list is required in each language, so that a key misspelt in the data fails the
/// tests instead of silently emptying its rule.
#[derive(Deserialize)]
pub(crate) struct Words {
    pronouns: Vec<String>,
    complementisers: Vec<String>,
    relatives: Vec<String>,
    circumstance: Vec<String>,
    definite: Vec<String>,
    /// Read by the donor rules: "accordés par l'Union européenne".
    pub(crate) agent: Vec<String>,
    /// Nouns that stand for the latest lending body named before ("the lender").
    lender_nouns: Vec<String>,
    /// Nouns that stand for the latest body named before ("the institution").
    body_nouns: Vec<String>,
    /// Subjects that stand for the latest actor named before ("the latter").
    latter: Vec<String>,
    /// Pronouns that stand for a body or a country, never a person ("it").
    neuter: Vec<String>,
    possessives: Vec<String>,
    coordinators: Vec<String>,
    /// Read by the status rules: "que la banque avait accordés", "already provided".
    pub(crate) pluperfect: Vec<String>,
    pub(crate) already: Vec<String>,
    /// Read by the donor rules: the nouns of what is given, whose nationality word names the
    /// payer ("les investissements coréens", "Korean investment").
    pub(crate) giving_nouns: Vec<String>,
    /// Read by the donor rules: "A and B would invest €5m and €3m respectively".
    pub(crate) respectively: Vec<String>,
    /// Read by the recipient rules: "pour le Kirghizstan", "for Kyrgyzstan".
    pub(crate) beneficiary: Vec<String>,
    /// Read by the donor rules: the other party of a deal, "avec la BERD", "with the ADB".
    pub(crate) partner: Vec<String>,
    /// Read by the donor rules: what joins two payers named side by side ("et la", "and the"),
    /// folded like the text.
    pub(crate) name_joiners: Vec<String>,
}

#[derive(Deserialize)]
struct Lenders {
    name_words: Vec<String>,
}

#[derive(Deserialize)]
struct WordFile {
    fr: Words,
    en: Words,
    lenders: Lenders,
    programmes: std::collections::HashMap<String, String>,
}

/// Panics on a malformed bundled file, rather than reading every clause rule as empty: it is
/// compiled in, and the clause tests read it.
fn word_file() -> &'static WordFile {
    static FILE: OnceLock<WordFile> = OnceLock::new();
    FILE.get_or_init(|| {
        toml::from_str(include_str!("../../data/clauses.toml"))
            .expect("data/clauses.toml: valid clause words")
    })
}

/// The clause words of `lang` (French for an undetermined language).
pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &word_file().en,
        Lang::Fr | Lang::Und => &word_file().fr,
    }
}

impl Words {
    /// A complementiser or relative pronoun whose clause's subject follows it: "que la banque
    /// avait accordés", "that Korea had extended".
    pub(crate) fn relative_subject(&self, word: &str) -> bool {
        self.complementisers.iter().any(|w| w == word) || self.relatives.iter().any(|w| w == word)
    }
}

/// The owner a programme or fund stands for ("belt_and_road" → "CHN"), when `id` is one; an
/// organisation found by its shape ("org:silk_road_fund") by the name part of its id.
pub fn programme_owner(id: &str) -> Option<&'static str> {
    let key = id.strip_prefix("org:").unwrap_or(id);
    word_file().programmes.get(key).map(String::as_str)
}

/// True when an organisation's canonical name makes it a lender ("Asian Development Bank").
pub fn is_lender(name: &str) -> bool {
    let lenders = &word_file().lenders.name_words;
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| lenders.iter().any(|l| l == w))
}

/// The words of `text` as `(start, end)` byte spans, lowercased copies beside them.
fn word_spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                // An elided word keeps its apostrophe: "qu'", "l'".
                let end = if matches!(c, '\'' | '’') {
                    i + c.len_utf8()
                } else {
                    i
                };
                out.push((s, end, text[s..end].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), text[s..].to_lowercase()));
    }
    out
}

/// Where clauses begin: after a complementiser, a reporting verb or a relative pronoun, after a
/// semicolon, after a coordinator that follows a comma ("…, and Beijing agreed"). `(position,
/// relative)`, in order.
fn boundaries(sentence: &str, words: &Words) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    for (start, end, w) in word_spans(sentence) {
        if words.complementisers.contains(&w) {
            out.push((end, false));
        } else if words.relatives.contains(&w) {
            out.push((end, true));
        } else if words.coordinators.contains(&w) && sentence[..start].trim_end().ends_with(',') {
            out.push((end, false));
        }
    }
    out.extend(sentence.match_indices(';').map(|(i, _)| (i + 1, false)));
    out.sort_unstable();
    out
}

/// One clause per verb span of `verbs` (sorted, bytes in `sentence`); `dates` are the sentence's
/// date spans, which open a clause as circumstances ("Mardi, …").
pub fn read(
    sentence: &str,
    lang: Lang,
    verbs: &[(usize, usize)],
    dates: &[(usize, usize)],
) -> Vec<Clause> {
    let words = words(lang);
    let bounds = boundaries(sentence, words);
    let mut clauses: Vec<Clause> = Vec::with_capacity(verbs.len());
    for &(vs, ve) in verbs {
        let mut opening = bounds.iter().rev().find(|&&(at, _)| at <= vs);
        // "La BAII, dont le siège est à Pékin, a approuvé…": a relative set off by commas is
        // closed before the verb, which is the main clause's, and its subject stands before it.
        let closed = opening.and_then(|&(at, relative)| {
            relative
                .then(|| closed_relative(sentence, words, at, vs))
                .flatten()
        });
        if let Some((comma, _)) = closed {
            opening = bounds.iter().rev().find(|&&(at, _)| at <= comma);
        }
        let start = opening.map_or(0, |&(at, _)| at);
        let end = bounds
            .iter()
            .find(|&&(at, _)| at > ve)
            .map_or(sentence.len(), |&(at, _)| at);
        // "He met the minister and announced a fund": verbs of one clause share its subject, and
        // so does a clause after "…, and" that names none of its own.
        let subject_end = closed.map_or(vs, |(comma, _)| comma);
        let subject = match clauses.last() {
            Some(c) if c.start == start && closed.is_none() => c.subject,
            previous => subject(sentence, words, (start, subject_end), dates)
                .or_else(|| previous.and_then(|c| c.subject)),
        };
        clauses.push(Clause {
            start,
            end,
            subject,
            verb: (vs, ve),
            relative: opening.is_some_and(|&(_, relative)| relative),
        });
    }
    clauses
}

/// Most words between a relative clause's closing comma and the main verb: its auxiliary and an
/// adverb or two ("…, a ensuite approuvé", "…, would also invest").
const MAIN_VERB_REACH: usize = 4;

/// For a relative pronoun ending at `opened` that follows a comma, when a comma closes its clause
/// before the verb at `verb` with only a few lower-case words between: `(comma before the
/// pronoun, closing comma)`, bytes in `sentence`.
fn closed_relative(
    sentence: &str,
    words: &Words,
    opened: usize,
    verb: usize,
) -> Option<(usize, usize)> {
    let before =
        sentence[..opened].trim_end_matches(|c: char| c.is_alphabetic() || c == '\'' || c == '’');
    let comma = before.trim_end().strip_suffix(',').map(str::len)?;
    let closing = opened + sentence[opened..verb].rfind(',')?;
    let between = &sentence[closing + 1..verb];
    let main_verb = !between.contains(char::is_uppercase)
        && between.split_whitespace().count() <= MAIN_VERB_REACH
        && !word_spans(between)
            .iter()
            .any(|(_, _, w)| words.relatives.contains(w) || words.complementisers.contains(w));
    main_verb.then_some((comma, closing))
}

/// The subject between a clause's start and its verb: the comma-separated segments from the
/// first one that is not a circumstance (a date, "lors de…", "according to…").
fn subject(
    sentence: &str,
    words: &Words,
    (from, verb): (usize, usize),
    dates: &[(usize, usize)],
) -> Option<(usize, usize)> {
    let mut at = from;
    for segment in sentence[from..verb].split_inclusive(',') {
        let (s, e) = (at, at + segment.len());
        at = e;
        let text = segment.trim().to_lowercase();
        let dated = dates.iter().any(|&(ds, de)| ds < e && de > s);
        let circumstance = words.circumstance.iter().any(|c| {
            text.starts_with(c.as_str()) && !text[c.len()..].starts_with(char::is_alphanumeric)
        });
        // The last segment runs into the verb: it is the subject whatever it starts with
        // ("Astana would invest…"), unless it is only a circumstance before a passive.
        // "On Wednesday he arrived…", "Mardi il a reçu…": a circumstance run into its pronoun.
        if (dated || circumstance) && e == verb {
            if let Some(pronoun) = trailing_pronoun(sentence, words, (s, e)) {
                return Some(pronoun);
            }
        }
        if !(dated || circumstance) || e == verb && segment.contains(char::is_uppercase) {
            // "On Monday he met…": a date opening the subject's segment is no part of it.
            let after_date = dates
                .iter()
                .filter(|&&(ds, de)| {
                    ds <= s + (segment.len() - segment.trim_start().len()) && de > s
                })
                .map(|&(_, de)| de)
                .max()
                .unwrap_or(s);
            let span = trimmed(sentence, after_date.min(verb), verb);
            return (span.0 < span.1).then_some(span);
        }
    }
    None
}

/// The subject pronoun that ends the span `(from, to)` of `sentence`, when one does and
/// something stands before it.
fn trailing_pronoun(
    sentence: &str,
    words: &Words,
    (from, to): (usize, usize),
) -> Option<(usize, usize)> {
    let spans = word_spans(sentence.get(from..to)?);
    let (ws, we, w) = spans.last()?;
    (spans.len() > 1 && words.pronouns.iter().any(|p| p == w)).then_some((from + ws, from + we))
}

/// `(start, end)` without the spaces and commas at either end.
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start_matches([' ', ',']).len();
    let trail = inner.len() - inner.trim_end_matches([' ', ',']).len();
    (start + lead, (end - trail).max(start + lead))
}

/// Length in bytes of the dateline opening `sentence` ([`crate::text::dateline_len`]), 0 when
/// none; a doubled dash ends one too, as agencies write it ("ASTANA, 12 mars (Xinhua) --").
pub fn dateline_len(sentence: &str) -> usize {
    // "Bichkek, 9 avril 2024 / Kabar /.": the place, the date, the agency between slashes.
    static SLASHED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\p{Lu}[\p{L}'’ -]{1,30}, [^/\n]{4,30}/ ?\p{Lu}[\p{L} ]{1,24} ?/\.?\s*")
            .expect("slashed dateline pattern compiles")
    });
    if let Some(m) = SLASHED.find(sentence) {
        return m.end();
    }
    let head = sentence
        .char_indices()
        .nth(80)
        .map_or(sentence.len(), |(i, _)| i);
    match sentence[..head].find(" -- ") {
        Some(at) => {
            // Same length, one dash: the dateline ends where it did.
            let mut single = sentence.to_string();
            single.replace_range(at..at + 4, " -  ");
            crate::text::dateline_len(&single)
        }
        None => crate::text::dateline_len(sentence),
    }
}

/// How far back (sentences) a pronoun or a role phrase looks for its antecedent.
const ANTECEDENT_REACH: usize = 3;

/// The mention a clause's subject names (bytes of the sentence `si`): an actor mentioned in it
/// (a person first), else the antecedent of a pronoun or a role phrase.
pub fn subject_actor<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    si: usize,
    subject: (usize, usize),
    verbs_of: &dyn Fn(usize) -> Vec<(usize, usize)>,
) -> Option<&'f Mention> {
    resolve(ctx, found, si, subject, verbs_of, ANTECEDENT_REACH)
}

fn resolve<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    si: usize,
    (ss, se): (usize, usize),
    verbs_of: &dyn Fn(usize) -> Vec<(usize, usize)>,
    reach: usize,
) -> Option<&'f Mention> {
    let base = ctx.sentences[si].start;
    let inside: Vec<&Mention> = found
        .in_sentence(si)
        .iter()
        .filter(|m| m.start >= base + ss && m.start < base + se)
        // "The Manila-based lender": a place written as a qualifier is not the subject.
        .filter(|m| {
            !(found.actors[m.actor].kind == Kind::Place && ctx.text[m.end..].starts_with('-'))
        })
        .collect();
    let kind = |m: &&Mention| found.actors[m.actor].kind;
    // "L'agence coréenne KOICA": the body, not the country its nationality word names.
    if let Some(m) = inside
        .iter()
        .find(|m| kind(m) == Kind::Person)
        .or_else(|| inside.iter().find(|m| kind(m) == Kind::Organization))
        .or_else(|| inside.iter().find(|m| kind(m) != Kind::Place))
        .or_else(|| inside.first())
    {
        return Some(m);
    }
    let words = words(ctx.lang);
    let text = ctx.text[base + ss..base + se].to_lowercase();
    let head = text.split_whitespace().collect::<Vec<_>>();
    if reach == 0 || head.len() > 6 {
        return None;
    }
    // "Il a", "she had already": a pronoun, then at most auxiliaries and adverbs.
    let original = &ctx.text[base + ss..base + se];
    let then_lower = original
        .split_once(' ')
        .is_none_or(|(_, rest)| !rest.contains(char::is_uppercase));
    let pronoun = head
        .first()
        .is_some_and(|w| words.pronouns.iter().any(|p| p == w));
    if pronoun && head.len() <= 3 && then_lower {
        // "it" stands for a body or a country, never for a person.
        let neuter = head
            .first()
            .is_some_and(|w| words.neuter.iter().any(|p| p == w));
        return reporting_subject(ctx, found, si, ss, neuter)
            .or_else(|| earlier_subject(ctx, found, si, verbs_of, reach))
            .filter(|m| !(neuter && kind(m) == Kind::Person));
    }

    if words
        .latter
        .iter()
        .any(|l| text.trim_start().starts_with(l.as_str()))
    {
        return latest_named(found, base + ss);
    }
    role_antecedent(ctx, found, si, &text, words)
}

/// "ce dernier", "the latter": the latest person, body or country named before `at` (bytes).
fn latest_named(found: &DocActors, at: usize) -> Option<&Mention> {
    found.mentions[..found.mentions.partition_point(|m| m.start < at)]
        .iter()
        .rev()
        .find(|m| found.actors[m.actor].kind != Kind::Place)
}

/// How far before a person's name (bytes) a title in apposition may begin ("the European
/// Union's Commissioner for International Partnerships, Jozef Síkela").
const APPOSITION_REACH: usize = 90;

/// "Le chancelier", "the minister": the latest person whose title names the same office; "la
/// banque", "the bank": the latest body whose name holds that noun; "the lender", "le
/// prêteur": the latest lending body. Looked for before sentence `si`.
fn role_antecedent<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    si: usize,
    subject: &str,
    words: &Words,
) -> Option<&'f Mention> {
    let noun = role_noun(subject, words)?;
    let base = ctx.sentences[si].start;
    let holds = |(s, e): (usize, usize)| ctx.text[s..e].to_lowercase().contains(noun);
    let lending = words.lender_nouns.iter().any(|l| l == noun);
    let any_body = words.body_nouns.iter().any(|b| b == noun);
    let titled = |m: &Mention| {
        let sentence_start = ctx.sentences[m.sentence].start;
        let from = m.start.saturating_sub(APPOSITION_REACH).max(sentence_start);
        let from = (from..=m.start)
            .find(|&i| ctx.text.is_char_boundary(i))
            .unwrap_or(m.start);
        m.role_span.is_some_and(holds) || holds((from, m.start))
    };
    let earlier = &found.mentions[..found.mentions.partition_point(|m| m.start < base)];
    // A person once titled so: "Síkela said…" after "Commissioner …, Jozef Síkela".
    let once_titled = |m: &Mention| earlier.iter().any(|o| o.actor == m.actor && titled(o));
    earlier
        .iter()
        .rev()
        .take_while(|m| m.sentence + 2 * ANTECEDENT_REACH >= si)
        .find(|m| match found.actors[m.actor].kind {
            Kind::Person => titled(m) || once_titled(m),
            Kind::Organization => {
                any_body
                    || holds((m.start, m.end))
                    || (lending && is_lender(&found.actors[m.actor].name))
            }
            _ => false,
        })
}

/// For a subject opened by a possessive that names nobody ("Its sovereign wealth fund", "son
/// fonds"), the actor the possessive stands for: the subject of an earlier sentence. Read by
/// the donor rules only: "son homologue" is someone else.
pub fn possessor<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    si: usize,
    (ss, se): (usize, usize),
    verbs_of: &dyn Fn(usize) -> Vec<(usize, usize)>,
) -> Option<&'f Mention> {
    let base = ctx.sentences[si].start;
    let subject = ctx.text.get(base + ss..base + se)?;
    let mut head = subject.split_whitespace();
    let opens = head.next().is_some_and(|w| {
        let w = w.to_lowercase();
        words(ctx.lang).possessives.contains(&w)
    });
    let names_nobody = !found
        .in_sentence(si)
        .iter()
        .any(|m| m.start >= base + ss && m.start < base + se);
    (opens && names_nobody && !head.any(|w| w.contains(char::is_uppercase)))
        .then(|| earlier_subject(ctx, found, si, verbs_of, ANTECEDENT_REACH))
        .flatten()
}

/// The span of the noun phrase starting at `at` in `sentence`: a word, with the determiner
/// before it ("la banque", "l'Union", "Korea"), for [`subject_actor`] to resolve.
pub fn phrase_at(sentence: &str, lang: Lang, at: usize) -> (usize, usize) {
    let words = words(lang);
    let spans = word_spans(&sentence[at..]);
    let take = match spans.first() {
        Some((_, _, w)) if words.definite.contains(w) => 2,
        _ => 1,
    };
    match spans.get(take.min(spans.len()).saturating_sub(1)) {
        Some(&(_, end, _)) => (at + spans[0].0, at + end),
        None => (at, at),
    }
}

/// The noun after a definite determiner opening `subject` ("le chancelier" → "chancelier").
fn role_noun<'t>(subject: &'t str, words: &Words) -> Option<&'t str> {
    words.definite.iter().find_map(|d| {
        let rest = subject.strip_prefix(d.as_str())?;
        let rest = if d.ends_with(['\'', '’']) {
            rest
        } else {
            rest.strip_prefix(' ')?
        };
        // "the manila-based lender": a hyphenated qualifier before the noun is skipped.
        rest.split(|c: char| !c.is_alphanumeric() && c != '-')
            .find(|w| !w.contains('-'))
            .filter(|w| w.chars().count() > 3)
    })
}

/// How far (bytes) a reporting verb may stand between its speaker and the pronoun it reports.
const REPORTING_GAP: usize = 40;

/// "The World Bank said it would provide…", "la BERD a annoncé qu'elle accordera…": a pronoun
/// right after a reporting verb stands for its speaker, named before the verb in the sentence
/// (at `pronoun`, bytes of sentence `si`); a body or country for a `neuter` pronoun, else a
/// person first.
fn reporting_subject<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    si: usize,
    pronoun: usize,
    neuter: bool,
) -> Option<&'f Mention> {
    let s = &ctx.sentences[si];
    let at = s.start + pronoun;
    let dateline_end = s.start + dateline_len(&ctx.text[s.start..s.end]);
    let named: Vec<&Mention> = found
        .in_sentence(si)
        .iter()
        .filter(|m| m.start >= dateline_end && m.end <= at)
        .filter(|m| found.actors[m.actor].kind != Kind::Place)
        .collect();
    let last = named.last()?;
    let gap = ctx.text.get(last.end..at)?;
    if gap.len() > REPORTING_GAP
        || gap.contains([',', ';', ':'])
        || !crate::text::reports_speech(ctx.folded.between(last.end, at))
    {
        return None;
    }
    // The speaker's phrase, back to the comma before it: "ADB President Masatsugu Asakawa".
    let phrase_start = ctx
        .text
        .get(dateline_end..last.start)
        .and_then(|before| before.rfind([',', ';']))
        .map_or(dateline_end, |c| dateline_end + c);
    let is_person = |m: &Mention| found.actors[m.actor].kind == Kind::Person;
    named
        .iter()
        .copied()
        .filter(|m| m.start >= phrase_start)
        .find(|m| is_person(m) != neuter)
        .or(Some(last))
}

/// The subject of the latest earlier sentence whose first clause names one.
fn earlier_subject<'f>(
    ctx: &DocContext,
    found: &'f DocActors,
    si: usize,
    verbs_of: &dyn Fn(usize) -> Vec<(usize, usize)>,
    reach: usize,
) -> Option<&'f Mention> {
    let previous = (0..si).rev().find(|&p| !ctx.sentences[p].boilerplate)?;
    let s = &ctx.sentences[previous];
    let sentence = &ctx.text[s.start..s.end];
    let verbs = verbs_of(previous);
    let first = read(sentence, ctx.lang, &verbs[..verbs.len().min(1)], &[]);
    match first.first().and_then(|c| c.subject) {
        Some(subject) => resolve(ctx, found, previous, subject, verbs_of, reach - 1),
        // No verb to read a subject by: the first person the sentence names ("Chinese Foreign
        // Minister Wang Yi began a tour…"), else the first actor.
        None => {
            let named = found.in_sentence(previous);
            named
                .iter()
                .find(|m| found.actors[m.actor].kind == Kind::Person)
                .or_else(|| {
                    named
                        .iter()
                        .find(|m| found.actors[m.actor].kind != Kind::Place)
                })
        }
    }
}

#[cfg(test)]
mod tests;
