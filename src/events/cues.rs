//! Event cues: trigger words and phrases of diplomatic events in one sentence, with the mood the
//! sentence gives them (asserted, negated, conditional, intended, asked).
//!
//! The lexicons (`data/triggers/{fr,en}.toml`) list every inflected form; matching runs on a folded
//! copy of the sentence (lower case, no accents, one kind of apostrophe and space) and reports byte
//! offsets into the sentence as given.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::words::Modality;
use crate::text::normalise::fold_str;
use crate::text::normalise::is_word_char;
use crate::text::phrases::Phrases;
use crate::text::tokens::{token_range, Token};
use crate::view::SentenceView;
use crate::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    Asserted,
    Negated,
    Conditional,
    Intent,
    Question,
}

/// Who the grammatical subject is, when the cue says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectRole {
    Any,
    Host,
    Visitor,
    Donor,
    Recipient,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// Byte offsets of the trigger span in the sentence given.
    pub start: usize,
    pub end: usize,
    pub subtype: &'static str,
    /// PLOVER event type.
    pub event_type: &'static str,
    /// CAMEO event code, with its leading zeros.
    pub cameo: &'static str,
    pub mood: Mood,
    pub subject_role: SubjectRole,
    /// A noun ("visite", "summit") rather than a verb.
    pub nominal: bool,
    /// The lexicon family the cue came from, before its mood recoded it ("meeting" for a
    /// planned meeting whose subtype is "intent").
    pub family: &'static str,
    /// A noun that is a cue only when it points back to a happening already told ("the call").
    pub referring_only: bool,
    /// A cue whose words also name something other than an event ("soutenir l'économie"): it
    /// counts only when a person is among its actors.
    pub needs_person: bool,
}

/// Every event cue in one sentence, with its mood decided from the sentence. Overlapping cues keep
/// the longest; a governing verb and its event noun ("a tenu un sommet") make one cue.
pub fn find_cues(view: &SentenceView, lang: Lang) -> Vec<Cue> {
    let langs: &[Lang] = match lang {
        Lang::Fr => &[Lang::Fr],
        Lang::En => &[Lang::En],
        Lang::Und => &[Lang::Fr, Lang::En],
    };
    let question = is_question(view.text);
    let mut found: Vec<Found> = Vec::new();
    for &l in langs {
        if let Some(lex) = lexicon(l) {
            found.extend(lex.matches(view, question));
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let found = keep_longest(found);
    let found = merge_verb_into_noun(found, view.tokens());
    found
        .into_iter()
        .map(|f| {
            let (start, end) = view.folded.original_range(f.start, f.end);
            Cue {
                start,
                end,
                subtype: f.subtype,
                event_type: f.event_type,
                cameo: f.cameo,
                mood: f.mood,
                subject_role: f.role,
                nominal: f.nominal,
                family: f.family,
                referring_only: f.referring_only,
                needs_person: f.needs_person,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Lexicon

#[derive(Deserialize)]
struct LexiconFile {
    exclude: Vec<String>,
    lowercase_only: Vec<String>,
    referring_only: Vec<String>,
    context: ContextFile,
    cue: Vec<CueFile>,
}

#[derive(Deserialize)]
struct ContextFile {
    military: Vec<String>,
    humanitarian: Vec<String>,
    aid: Vec<String>,
    protest: Vec<String>,
}

#[derive(Deserialize)]
struct CueFile {
    subtype: String,
    event_type: String,
    cameo: String,
    subject_role: String,
    forms: Vec<String>,
    future: Vec<String>,
    conditional: Vec<String>,
    infinitive: Vec<String>,
    nouns: Vec<String>,
    not_followed_by: Vec<String>,
    not_preceded_by: Vec<String>,
    void_in_protest: bool,
    needs_person: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Plain,
    Future,
    Conditional,
    Infinitive,
    Noun,
}

struct CueClass {
    subtype: String,
    event_type: String,
    cameo: String,
    role: SubjectRole,
    not_followed_by: Vec<String>,
    not_preceded_by: Vec<String>,
    void_in_protest: bool,
    needs_person: bool,
}

enum Pattern {
    /// A cue form; `also_noun` when the same spelling is one of the cue's nouns.
    Cue {
        class: usize,
        kind: Kind,
        also_noun: bool,
    },
    Exclude,
}

struct Lexicon {
    modality: &'static Modality,
    phrases: Phrases,
    patterns: Vec<Pattern>,
    classes: Vec<CueClass>,
    lowercase_only: Vec<String>,
    referring_only: Vec<String>,
    context: ContextWords,
}

/// The context words of every kind in one automaton, so that a sentence is read once whatever
/// the number of words: each distinct word with what it tells of a sentence holding it.
struct ContextWords {
    phrases: Phrases,
    marks: Vec<SentenceContext>,
}

impl ContextWords {
    fn build(file: &ContextFile) -> Option<ContextWords> {
        let mut words: Vec<String> = Vec::new();
        let mut marks: Vec<SentenceContext> = Vec::new();
        let only = SentenceContext::default();
        let lists = [
            (&file.aid, SentenceContext { aid: true, ..only }),
            (
                &file.protest,
                SentenceContext {
                    protest: true,
                    ..only
                },
            ),
            (
                &file.military,
                SentenceContext {
                    military: true,
                    ..only
                },
            ),
            (
                &file.humanitarian,
                SentenceContext {
                    humanitarian: true,
                    ..only
                },
            ),
        ];
        for (list, mark) in lists {
            for word in list.iter().map(|w| fold_str(w)).filter(|w| !w.is_empty()) {
                let at = match words.iter().position(|w| *w == word) {
                    Some(at) => at,
                    None => {
                        words.push(word);
                        marks.push(SentenceContext::default());
                        words.len() - 1
                    }
                };
                marks[at] = marks[at].union(mark);
            }
        }
        let phrases = Phrases::new(&words).ok()?;
        Some(ContextWords { phrases, marks })
    }
}

fn lexicon(lang: Lang) -> Option<&'static Lexicon> {
    static FR: OnceLock<Option<Lexicon>> = OnceLock::new();
    static EN: OnceLock<Option<Lexicon>> = OnceLock::new();
    match lang {
        Lang::Fr => FR
            .get_or_init(|| {
                Lexicon::build(
                    include_str!("../../data/triggers/fr.toml"),
                    &super::fr::MODALITY,
                )
            })
            .as_ref(),
        Lang::En => EN
            .get_or_init(|| {
                Lexicon::build(
                    include_str!("../../data/triggers/en.toml"),
                    &super::en::MODALITY,
                )
            })
            .as_ref(),
        Lang::Und => None,
    }
}

fn parse_role(s: &str) -> SubjectRole {
    match s {
        "host" => SubjectRole::Host,
        "visitor" => SubjectRole::Visitor,
        "donor" => SubjectRole::Donor,
        "recipient" => SubjectRole::Recipient,
        _ => SubjectRole::Any,
    }
}

impl Lexicon {
    fn build(source: &str, modality: &'static Modality) -> Option<Lexicon> {
        let file: LexiconFile = toml::from_str(source).ok()?;
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut classes = Vec::new();
        for (ci, cue) in file.cue.into_iter().enumerate() {
            let groups = [
                (Kind::Plain, &cue.forms),
                (Kind::Future, &cue.future),
                (Kind::Conditional, &cue.conditional),
                (Kind::Infinitive, &cue.infinitive),
                (Kind::Noun, &cue.nouns),
            ];
            for (kind, forms) in groups {
                for form in forms {
                    let key = fold_str(form);
                    if key.is_empty() {
                        continue;
                    }
                    match index.get(&key) {
                        Some(&pi) => {
                            // Same spelling as an earlier form: a noun of the same cue marks it
                            // ambiguous; anything else keeps the first reading.
                            if let Pattern::Cue {
                                class, also_noun, ..
                            } = &mut patterns[pi]
                            {
                                if *class == ci && kind == Kind::Noun {
                                    *also_noun = true;
                                }
                            }
                        }
                        None => {
                            index.insert(key.clone(), patterns.len());
                            keys.push(key);
                            patterns.push(Pattern::Cue {
                                class: ci,
                                kind,
                                also_noun: false,
                            });
                        }
                    }
                }
            }
            classes.push(CueClass {
                subtype: cue.subtype,
                event_type: cue.event_type,
                cameo: cue.cameo,
                role: parse_role(&cue.subject_role),
                not_followed_by: cue.not_followed_by.iter().map(|s| fold_str(s)).collect(),
                not_preceded_by: cue.not_preceded_by.iter().map(|s| fold_str(s)).collect(),
                void_in_protest: cue.void_in_protest,
                needs_person: cue.needs_person,
            });
        }
        for phrase in &file.exclude {
            let key = fold_str(phrase);
            if !key.is_empty() && !index.contains_key(&key) {
                index.insert(key.clone(), patterns.len());
                keys.push(key);
                patterns.push(Pattern::Exclude);
            }
        }
        let phrases = Phrases::new(&keys).ok()?;
        Some(Lexicon {
            modality,
            phrases,
            patterns,
            classes,
            lowercase_only: file.lowercase_only.iter().map(|s| fold_str(s)).collect(),
            referring_only: file.referring_only.iter().map(|s| fold_str(s)).collect(),
            context: ContextWords::build(&file.context)?,
        })
    }

    fn matches(&'static self, view: &SentenceView, question: bool) -> Vec<Found> {
        let text = view.folded.text;
        let (raw, excluded) = self.candidates(text);
        if raw.is_empty() {
            return Vec::new();
        }
        let context = SentenceContext::new(text, &self.context);
        let sentence = SentenceRead {
            view,
            question,
            context,
        };
        raw.into_iter()
            .filter(|&(start, end, _)| !excluded[start..end].iter().any(|&x| x))
            .filter_map(|(start, end, pi)| self.accept(&sentence, start, end, pi))
            .collect()
    }

    /// Every cue form found in the folded sentence `text` as whole words (start, end, pattern),
    /// and which bytes an exclusion phrase covers.
    fn candidates(&self, text: &str) -> (Vec<(usize, usize, usize)>, Vec<bool>) {
        let mut excluded = vec![false; text.len()];
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        for start in self.phrases.starts(text) {
            self.phrases.starting_at(text, start, |pi, end| {
                if !is_word_edge(text, start, end) {
                    return;
                }
                match self.patterns.get(pi) {
                    Some(Pattern::Exclude) => excluded[start..end].fill(true),
                    Some(Pattern::Cue { .. }) => raw.push((start, end, pi)),
                    None => {}
                }
            });
        }
        (raw, excluded)
    }

    /// The cue of pattern `pi` at folded bytes `start..end`, unless its words or its sentence
    /// make it something else (a noun of the same spelling, aid without goods, a protest).
    fn accept(
        &'static self,
        sentence: &SentenceRead,
        start: usize,
        end: usize,
        pi: usize,
    ) -> Option<Found> {
        let (view, context) = (sentence.view, &sentence.context);
        let text = view.folded.text;
        let Some(Pattern::Cue {
            class,
            kind,
            also_noun,
        }) = self.patterns.get(pi)
        else {
            return None;
        };
        let class_def = self.classes.get(*class)?;
        if class_def
            .not_followed_by
            .iter()
            .any(|w| followed_by(text, end, w))
        {
            return None;
        }
        let key = &text[start..end];
        if self.lowercase_only.iter().any(|w| w == key) {
            let (os, _) = view.folded.original_range(start, end);
            if view.text[os..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase())
            {
                return None;
            }
        }
        let tokens = view.tokens();
        let (first, last) = token_range(tokens, start, end);
        let mut kind = *kind;
        if *also_noun && kind != Kind::Noun {
            // Sentence-initial or after a determiner, the shared spelling is the noun.
            let after_determiner = match previous_word(tokens, text, first) {
                Some(w) => self.modality.determiners.contains(&w),
                None => true,
            };
            if kind != Kind::Plain || after_determiner {
                kind = Kind::Noun;
            }
        }
        // `not_preceded_by` tells a verb from a noun of the same spelling ("la demande").
        if kind != Kind::Noun
            && class_def
                .not_preceded_by
                .iter()
                .any(|w| preceded_by(text, start, w))
        {
            return None;
        }
        // An aid verb names aid only beside money or goods: "fournir des efforts" does not.
        if class_def.subtype == "aid" && kind != Kind::Noun && !context.aid {
            return None;
        }
        // Demands voiced by a crowd belong to the protest, which is no event of ours.
        if class_def.void_in_protest && context.protest {
            return None;
        }
        let window = Window::new(tokens, text, first, last);
        let mood = if sentence.question {
            Mood::Question
        } else {
            mood(self.modality, &window, kind)
        };
        let role = subject_role(self.modality, &window, class_def, kind);
        let (subtype, event_type, cameo) = settle(class_def, mood, context);
        Some(Found {
            start,
            end,
            subtype,
            event_type,
            cameo,
            mood,
            role,
            nominal: kind == Kind::Noun,
            family: class_def.subtype.as_str(),
            referring_only: self.referring_only.iter().any(|w| w == key),
            needs_person: class_def.needs_person,
        })
    }
}

/// One sentence as its cues are judged: its view, whether it asks, and what it is about.
struct SentenceRead<'v> {
    view: &'v SentenceView<'v>,
    question: bool,
    context: SentenceContext,
}

/// What the sentence says around its cues: the kind of aid it concerns, whether it reports a
/// protest.
#[derive(Clone, Copy, Default)]
struct SentenceContext {
    aid: bool,
    protest: bool,
    military: bool,
    humanitarian: bool,
}

impl SentenceContext {
    /// A kind is present when one of its words stands in `text` as a whole word.
    fn new(text: &str, words: &ContextWords) -> SentenceContext {
        let mut found = SentenceContext::default();
        for start in words.phrases.starts(text) {
            words.phrases.starting_at(text, start, |word, end| {
                if is_word_edge(text, start, end) {
                    found = found.union(words.marks[word]);
                }
            });
        }
        found
    }

    fn union(self, other: SentenceContext) -> SentenceContext {
        SentenceContext {
            aid: self.aid || other.aid,
            protest: self.protest || other.protest,
            military: self.military || other.military,
            humanitarian: self.humanitarian || other.humanitarian,
        }
    }
}

/// Codes of a cue once its mood is known (SPEC "Events: ontology"): a planned meeting is an intent
/// to meet (036), planned aid is a pledge (0331/0332), delivered aid is 071 or 073 (humanitarian).
fn settle(
    class: &'static CueClass,
    mood: Mood,
    ctx: &SentenceContext,
) -> (&'static str, &'static str, &'static str) {
    let same = (
        class.subtype.as_str(),
        class.event_type.as_str(),
        class.cameo.as_str(),
    );
    let pledge = if ctx.military { "0332" } else { "0331" };
    match (class.subtype.as_str(), mood) {
        ("meeting" | "talks" | "visit" | "host" | "multilateral" | "phone", Mood::Intent) => {
            ("intent", "AGREE", "036")
        }
        ("signing" | "endorse", Mood::Intent) => ("intent", "AGREE", "030"),
        ("aid", Mood::Intent) => ("pledge", "AGREE", pledge),
        ("aid", _) if ctx.humanitarian => ("aid", "AID", "073"),
        ("pledge", _) if !ctx.aid => ("intent", "AGREE", "030"),
        ("pledge", _) => ("pledge", "AGREE", pledge),
        _ => same,
    }
}

// ---------------------------------------------------------------------------------------------
// Mood and voice

/// The words around a cue within its clause: up to six before, four after, never across
/// punctuation.
struct Window<'a> {
    before: Vec<&'a str>,
    inside: Vec<&'a str>,
    after: Vec<&'a str>,
}

const BEFORE: usize = 6;
const AFTER: usize = 4;

impl<'a> Window<'a> {
    fn new(tokens: &[Token], text: &'a str, first: usize, last: usize) -> Window<'a> {
        let word = |t: &Token| &text[t.start..t.end];
        let mut before = Vec::new();
        for t in tokens[..first.min(tokens.len())].iter().rev() {
            if !t.word || before.len() == BEFORE {
                break;
            }
            before.push(word(t));
        }
        let inside = tokens
            .get(first..last)
            .unwrap_or(&[])
            .iter()
            .filter(|t| t.word)
            .map(word)
            .collect();
        let mut after = Vec::new();
        for t in tokens.get(last..).unwrap_or(&[]) {
            if !t.word || after.len() == AFTER {
                break;
            }
            after.push(word(t));
        }
        Window {
            before,
            inside,
            after,
        }
    }
}

fn any_in(words: &[&str], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(w))
}

fn mood(m: &Modality, w: &Window, kind: Kind) -> Mood {
    let opened = any_in(&w.before, m.negation_openers) || any_in(&w.inside, m.negation_openers);
    let closed = any_in(&w.before, m.negation_closers)
        || any_in(&w.inside, m.negation_closers)
        || any_in(&w.after[..w.after.len().min(2)], m.negation_closers);
    if any_in(&w.before, m.negators)
        || any_in(&w.inside, m.negators)
        || (opened && closed)
        || (kind == Kind::Noun && any_in(&w.after, m.negated_after_noun))
    {
        return Mood::Negated;
    }
    if kind == Kind::Conditional {
        return if any_in(&w.before, m.reported) {
            Mood::Intent
        } else {
            Mood::Conditional
        };
    }
    if any_in(&w.before, m.conditional) {
        return Mood::Conditional;
    }
    let pair = match w.before.as_slice() {
        [second, first, ..] => m.intent_pairs.contains(&(*first, *second)),
        _ => false,
    };
    let intent = kind == Kind::Future
        || pair
        || any_in(&w.before, m.intent)
        || (kind == Kind::Infinitive && any_in(&w.before, m.intent_before_infinitive))
        || (kind == Kind::Noun
            && (any_in(&w.before, m.intent_before_noun) || any_in(&w.after, m.intent_after_noun)));
    if intent {
        Mood::Intent
    } else {
        Mood::Asserted
    }
}

fn subject_role(m: &Modality, w: &Window, class: &CueClass, kind: Kind) -> SubjectRole {
    if kind == Kind::Noun {
        return class.role;
    }
    let passive = w
        .before
        .iter()
        .take(2)
        .any(|x| m.passive_auxiliaries.contains(x))
        || w.after.first().is_some_and(|x| m.agent_markers.contains(x));
    match (class.role, passive) {
        (SubjectRole::Host, true) => SubjectRole::Visitor,
        (SubjectRole::Donor, true) if m.passive_aid_subject_is_recipient => SubjectRole::Recipient,
        (SubjectRole::Donor, true) => SubjectRole::Any,
        (role, _) => role,
    }
}

fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '»' | '”' | ')' | '\''))
        .ends_with(['?', '？'])
}

// ---------------------------------------------------------------------------------------------
// Selection

struct Found {
    start: usize,
    end: usize,
    subtype: &'static str,
    event_type: &'static str,
    cameo: &'static str,
    mood: Mood,
    role: SubjectRole,
    nominal: bool,
    family: &'static str,
    referring_only: bool,
    needs_person: bool,
}

/// Longest cues first; a cue overlapping one already kept is dropped. Marking bytes costs at most
/// the longest pattern per cue, so the whole pass stays linear in the sentence.
fn keep_longest(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let len = found.iter().map(|f| f.end).max().unwrap_or(0);
    let mut taken = vec![false; len];
    let mut kept = Vec::new();
    for f in found {
        if taken[f.start..f.end].iter().any(|&x| x) {
            continue;
        }
        taken[f.start..f.end].fill(true);
        kept.push(f);
    }
    kept.sort_by_key(|f| f.start);
    kept
}

/// "a tenu un sommet", "hosted the summit", "a signé un protocole d'accord": the verb and the noun
/// it governs describe one event; the noun is kept and takes the verb's mood and subject role.
fn merge_verb_into_noun(found: Vec<Found>, tokens: &[Token]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut pending: Option<Found> = None;
    for f in found {
        if let Some(verb) = pending.take() {
            let gap = words_between(tokens, verb.end, f.start);
            if f.nominal && verb.event_type == f.event_type && gap.is_some_and(|n| n <= 3) {
                let mut noun = f;
                if noun.mood == Mood::Asserted && verb.mood != Mood::Asserted {
                    noun.mood = verb.mood;
                    if verb.subtype != noun.subtype && verb.event_type == "AGREE" {
                        noun.subtype = verb.subtype;
                        noun.cameo = verb.cameo;
                    }
                }
                if verb.mood == Mood::Intent && noun.event_type == "CONSULT" {
                    (noun.subtype, noun.event_type, noun.cameo) = ("intent", "AGREE", "036");
                }
                // The verb knows the voice: "was granted a loan" makes its subject the recipient.
                if verb.role != SubjectRole::Any {
                    noun.role = verb.role;
                }
                out.push(noun);
                continue;
            }
            out.push(verb);
        }
        if f.nominal {
            out.push(f);
        } else {
            pending = Some(f);
        }
    }
    out.extend(pending);
    out
}

/// Number of words between two byte offsets, or None when punctuation stands between them.
fn words_between(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.start < from);
    let mut n = 0;
    for t in tokens.get(i..).unwrap_or(&[]) {
        if t.start >= to {
            return Some(n);
        }
        if !t.word {
            return None;
        }
        n += 1;
        if n > 3 {
            return Some(n);
        }
    }
    Some(n)
}

// ---------------------------------------------------------------------------------------------
// Tokens, word edges

fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let left = text[..start].chars().next_back();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let right = text[end..].chars().next();
    let edge = |outer: Option<char>, inner: Option<char>| {
        !(outer.is_some_and(is_word_char) && inner.is_some_and(is_word_char))
    };
    edge(left, first) && edge(right, last)
}

fn followed_by(text: &str, end: usize, phrase: &str) -> bool {
    let rest = text[end..].trim_start();
    rest.starts_with(phrase) && {
        let at = text.len() - rest.len();
        is_word_edge(text, at, at + phrase.len())
    }
}

fn preceded_by(text: &str, start: usize, phrase: &str) -> bool {
    let head = text[..start].trim_end();
    head.ends_with(phrase) && is_word_edge(text, head.len() - phrase.len(), head.len())
}

fn previous_word<'a>(tokens: &[Token], text: &'a str, first: usize) -> Option<&'a str> {
    let t = tokens.get(first.checked_sub(1)?)?;
    t.word.then(|| &text[t.start..t.end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Folded;

    /// The cues of a sentence read alone.
    fn find_cues(s: &str, lang: Lang) -> Vec<Cue> {
        let folded = Folded::new(s);
        let tokens = OnceLock::new();
        super::find_cues(&SentenceView::new(s, folded.whole(), &tokens), lang)
    }

    fn cues(s: &str, lang: Lang) -> Vec<(String, &'static str, &'static str, &'static str, Mood)> {
        find_cues(s, lang)
            .into_iter()
            .map(|c| {
                (
                    s[c.start..c.end].to_string(),
                    c.subtype,
                    c.event_type,
                    c.cameo,
                    c.mood,
                )
            })
            .collect()
    }

    fn first(s: &str, lang: Lang) -> Option<Cue> {
        find_cues(s, lang).into_iter().next()
    }

    #[test]
    fn lexicons_load() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = lexicon(lang).expect("lexicon parses");
            assert!(lex.patterns.len() > 500);
        }
    }

    #[test]
    fn codes_agree_with_cameo_plover_table() {
        let table: HashMap<String, String> = include_str!("../../data/cameo_plover.csv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("cameo,"))
            .filter_map(|l| {
                let mut f = l.split(',');
                Some((f.next()?.to_string(), f.next()?.to_string()))
            })
            .collect();
        let mut pairs: Vec<(&str, &str)> = vec![
            ("036", "AGREE"),
            ("030", "AGREE"),
            ("0331", "AGREE"),
            ("0332", "AGREE"),
            ("073", "AID"),
        ];
        for lang in [Lang::Fr, Lang::En] {
            let lex = lexicon(lang).expect("lexicon parses");
            pairs.extend(
                lex.classes
                    .iter()
                    .map(|c| (c.cameo.as_str(), c.event_type.as_str())),
            );
        }
        for (cameo, event_type) in pairs {
            assert_eq!(
                table.get(cameo).map(String::as_str),
                Some(event_type),
                "CAMEO {cameo}"
            );
        }
    }

    #[test]
    fn a_name_is_no_aid() {
        // "Don" is a gift in French, and a first name.
        assert!(find_cues("Don Pedro est arrivé hier soir.", Lang::Fr)
            .iter()
            .all(|c| c.subtype != "aid"));
    }

    #[test]
    fn hosting_an_event_is_one_cue() {
        let got = cues("Astana accueillera le sommet en septembre.", Lang::Fr);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "sommet");
        assert_eq!(got[0].4, Mood::Intent);
    }

    #[test]
    fn subject_roles() {
        let c = first("Le président a reçu le secrétaire d'État.", Lang::Fr).expect("cue");
        assert_eq!(c.subject_role, SubjectRole::Host);
        let c = first(
            "Le secrétaire d'État a été reçu par le président.",
            Lang::Fr,
        )
        .expect("cue");
        assert_eq!(c.subject_role, SubjectRole::Visitor);
        let c = first("Kazakhstan was granted a loan of $30 million.", Lang::En).expect("cue");
        assert_eq!(c.subject_role, SubjectRole::Recipient);
    }

    #[test]
    fn offsets_survive_odd_text() {
        let inputs = [
            "",
            " ",
            "?",
            "\u{0}\u{0}",
            "Le ministre a rencontre\u{301} 🇰🇿 son homologue",
            "ÉTAT\u{2019}S s\u{2019}est entretenu avec",
            "ﬁ ß İ ǅ a signé",
            "a\u{301}\u{302}\u{303}",
        ];
        for s in inputs {
            for lang in [Lang::Fr, Lang::En, Lang::Und] {
                for c in find_cues(s, lang) {
                    assert!(s.is_char_boundary(c.start) && s.is_char_boundary(c.end));
                    assert!(c.start < c.end && c.end <= s.len(), "{s:?}");
                }
            }
        }
        let s = "Le ministre a rencontre\u{301} son homologue";
        let c = first(s, Lang::Fr).expect("cue");
        assert_eq!(&s[c.start..c.end], "rencontre\u{301}");
        let s = "Il s\u{2019}est entretenu avec lui";
        let c = first(s, Lang::Fr).expect("cue");
        assert_eq!(&s[c.start..c.end], "s\u{2019}est entretenu avec");
    }

    #[test]
    fn repeated_triggers_stay_fast() {
        let s = "rencontre signé visite ".repeat(5000);
        let t = std::time::Instant::now();
        let got = find_cues(&s, Lang::Fr);
        assert!(got.len() >= 5000);
        assert!(t.elapsed().as_secs() < 20);
        let s = "meeting ".repeat(20000);
        assert_eq!(find_cues(&s, Lang::En).len(), 20000);
    }
}
