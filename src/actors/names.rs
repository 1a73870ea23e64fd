//! Persons: runs of capitalised words looked up by transliteration key in the dictionary,
//! surnames resolved to the full name seen in the document, damaged forms ("Antoine Blink")
//! resolved to a person of the document they plainly stand for, and unknown persons found
//! from a title or honorific beside a name.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use rustc_hash::{FxHashMap, FxHashSet};

use super::capitals::{is_capitalised, words_of, Word, PARTICLES};
use super::{document_date, DocActor, DocActors, Hit, Kind, Mention};
use crate::lexicon::{name_key, Entry, Lexicon};
use crate::view::DocContext;

/// A run of capitalised words in one sentence.
#[derive(Clone, Debug)]
struct Run {
    words: Vec<Word>,
    sentence: usize,
}

/// "J." in "J. Smith": one capital letter and a dot.
fn is_initial(text: &str, w: Word) -> bool {
    let mut chars = text[w.start..w.end].chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_none()
        && text[w.end..].starts_with('.')
}

/// Inside one of the sorted, disjoint byte ranges of `taken`.
fn inside(taken: &[(usize, usize)], w: Word) -> bool {
    taken[..taken.partition_point(|t| t.0 < w.end)]
        .last()
        .is_some_and(|t| t.1 > w.start)
}

/// Runs of capitalised words (and initials) outside dictionary matches and the `taken`
/// ranges, with the particles between them.
fn runs(ctx: &DocContext, hits: &[Hit], taken: &[(usize, usize)]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut hit_at = 0usize;
    // One buffer for every sentence's words.
    let mut words = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        let mut current: Vec<Word> = Vec::new();
        let mut pending_particles: Vec<Word> = Vec::new();
        let flush = |current: &mut Vec<Word>, out: &mut Vec<Run>| {
            // A run ends on a capitalised word, not on an initial.
            while current.last().is_some_and(|&w| is_initial(ctx.text, w)) {
                current.pop();
            }
            if !current.is_empty() {
                out.push(Run {
                    words: std::mem::take(current),
                    sentence: si,
                });
            }
        };
        words_of(ctx.text, s.start, s.end, &mut words);
        for &w in &words {
            while hit_at < hits.len() && hits[hit_at].end <= w.start {
                hit_at += 1;
            }
            let blocked = hits[hit_at..]
                .iter()
                .take_while(|h| h.start < w.end)
                .any(|h| h.end > w.start)
                || inside(taken, w);
            let text = &ctx.text[w.start..w.end];
            let adjacent = pending_particles
                .last()
                .or(current.last())
                .is_some_and(|&prev| {
                    let gap = &ctx.text[prev.end..w.start];
                    let gap = match is_initial(ctx.text, prev) {
                        true => gap.strip_prefix('.').unwrap_or(gap),
                        false => gap,
                    };
                    gap.chars().all(|c| c == ' ' || c == '\u{a0}')
                });
            if !blocked && (is_capitalised(text) || is_initial(ctx.text, w)) {
                if !adjacent {
                    flush(&mut current, &mut out);
                    pending_particles.clear();
                }
                current.append(&mut pending_particles);
                current.push(w);
            } else if !blocked && !current.is_empty() && adjacent && PARTICLES.contains(&text) {
                pending_particles.push(w);
            } else {
                pending_particles.clear();
                flush(&mut current, &mut out);
            }
        }
        flush(&mut current, &mut out);
    }
    out
}

fn person_actor(lexicon: &Lexicon, index: usize) -> DocActor {
    let p = &lexicon.persons[index];
    DocActor {
        id: p.id.clone(),
        name: p.name.clone(),
        kind: Kind::Person,
        country: p.country.clone(),
        role: None,
        cameo: None,
        seat: None,
        affiliation: None,
        person: Some(index),
    }
}

/// Among dictionary persons sharing a key, the one in office at the document date, else one
/// with a named office, else the first.
fn pick(lexicon: &Lexicon, candidates: &[usize], ctx: &DocContext) -> Option<usize> {
    let date = document_date(ctx);
    let in_office = |&&i: &&usize| date.is_some() && lexicon.persons[i].office_on(date).is_some();
    let notable = |&&i: &&usize| lexicon.persons[i].offices.iter().any(|o| o.role.is_some());
    candidates
        .iter()
        .find(in_office)
        .or_else(|| candidates.iter().find(notable))
        .or(candidates.first())
        .copied()
}

/// A surname alone resolves to a dictionary person only when exactly one person with that
/// surname is notable (a named office, held at the document date when there is one).
fn pick_by_surname(lexicon: &Lexicon, candidates: &[usize], ctx: &DocContext) -> Option<usize> {
    let date = document_date(ctx);
    let fits: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| {
            let p = &lexicon.persons[i];
            match date {
                Some(_) => p.office_on(date).is_some_and(|o| o.role.is_some()),
                None => p.offices.iter().any(|o| o.role.is_some()),
            }
        })
        .collect();
    (fits.len() == 1).then(|| fits[0])
}

/// The name keys of the document's persons, computed once per actor and indexed by surname and
/// by first word, so that resolving a name costs the same however many persons the document
/// names. Indices are actor indices, in increasing order.
#[derive(Default)]
struct PersonKeys {
    /// How many actors of the document are indexed.
    known: usize,
    keys: HashMap<usize, String>,
    by_surname: BTreeMap<String, Vec<usize>>,
    by_first_word: HashMap<String, Vec<usize>>,
}

impl PersonKeys {
    /// Indexes the persons added to `out` since the last call.
    fn update(&mut self, out: &DocActors) -> &Self {
        for (i, a) in out.actors.iter().enumerate().skip(self.known) {
            if a.kind != Kind::Person {
                continue;
            }
            let key = name_key(&a.name);
            self.by_surname
                .entry(surname(&key).to_string())
                .or_default()
                .push(i);
            if key.contains(' ') {
                let first = key.split(' ').next().unwrap_or_default();
                self.by_first_word
                    .entry(first.to_string())
                    .or_default()
                    .push(i);
            }
            self.keys.insert(i, key);
        }
        self.known = out.actors.len();
        self
    }

    /// The first person of the document with this surname key. A hyphenated surname or one
    /// with its particle ("Renaud-Basso", "Al-Sayed") has a key of several words: the last
    /// words of the person's key.
    fn first_with_surname(&self, key: &str) -> Option<usize> {
        let found = self.by_surname.get(surname(key))?;
        found
            .iter()
            .copied()
            .find(|i| !key.contains(' ') || self.keys[i].ends_with(&format!(" {key}")))
    }

    /// A person of the document that a damaged or partial name stands for: same surname key,
    /// or a surname cut short by machine translation ("Blink" for "Blinken"), with a compatible
    /// first name initial when both have one. Unique or nothing. Names are given by their keys.
    fn damaged_match(&self, first_key: Option<&str>, last_key: &str) -> Option<usize> {
        self.damaged_match_among(first_key, first_key.into_iter(), last_key)
    }

    /// [`Self::damaged_match`] for a name whose words before the surname have the keys
    /// `given` (initials left out): each must start as a word of the person's name does ("Antoine" for "Antony"),
    /// so that "Youssouf Moussa Dawaleh" is not Ilyas Moussa Dawaleh, nor "Salman bin Hamad Al
    /// Khalifa" Salman bin Khalifa Al Khalifa.
    fn damaged_match_among<'k>(
        &self,
        first_key: Option<&str>,
        given: impl Iterator<Item = &'k str> + Clone,
        last_key: &str,
    ) -> Option<usize> {
        if last_key.chars().count() < 4 {
            return None;
        }
        let first_initial = first_key.map(|f| f.chars().next());
        let found = self
            .by_surname
            .range::<str, _>((Bound::Included(last_key), Bound::Unbounded))
            .take_while(|(surname, _)| surname.starts_with(last_key))
            .filter(|(surname, _)| surname.len() <= last_key.len() + 3)
            .flat_map(|(_, found)| found)
            .copied()
            .filter(|i| {
                let key = &self.keys[i];
                let initial_fits = first_initial.is_none_or(|initial| {
                    key.split(' ').count() < 2 || key.chars().next() == initial
                });
                let words_fit = key.split(' ').count() < 2
                    || given.clone().enumerate().all(|(n, g)| {
                        // A first name damaged by translation keeps two letters ("Michel" for
                        // "Mike"); a middle name keeps three.
                        let letters = if n == 0 { 2 } else { 3 };
                        key.split(' ').any(|w| same_start(g, w, letters))
                    });
                initial_fits && words_fit
            });
        the_only(found)
    }

    /// "M. Wang" for Wang Yi: an honorific goes with the family name, which some naming
    /// traditions (Chinese, Korean, Hungarian…) put first; "Sheikh Salman" goes with the given
    /// name. The document persons whose first name word has that key.
    fn family_name_first(&self, key: &str) -> &[usize] {
        self.by_first_word.get(key).map_or(&[], Vec::as_slice)
    }
}

/// Two word keys starting alike (`letters` letters, or the whole of a shorter one): the same
/// word, however damaged or transliterated ("antoine" / "antoni", not "hamad" / "halifa").
fn same_start(a: &str, b: &str, letters: usize) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= letters || common == a.chars().count().min(b.chars().count())
}

/// The only item, or none when zero or several.
fn the_only(mut found: impl Iterator<Item = usize>) -> Option<usize> {
    match (found.next(), found.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}

fn surname(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or_default()
}

/// True when a title or honorific stands right before the run, or a title right after it
/// (an apposition: "Roman Vassilenko, vice-ministre…").
fn has_title_context(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    start: usize,
    end: usize,
) -> bool {
    let first_after = hits.partition_point(|h| h.start < end);
    let earlier = hits.partition_point(|h| h.start < start);
    let before = (earlier.saturating_sub(4)..earlier).rev().any(|i| {
        let h = &hits[i];
        // A title may be interrupted by a nationality ("vice-ministre kazakh des Affaires
        // étrangères"): measure the gap from where the whole title ends.
        let title_end = match h.entry {
            Entry::Title(t) if !h.inside_title => {
                super::roles::title_from(ctx, lexicon, hits, i, t).1
            }
            Entry::Honorific => h.end,
            _ => return false,
        };
        title_end <= start && gap_is_connective(&ctx.text[title_end..start], hits, title_end, start)
    });
    let after = hits.get(first_after).is_some_and(|h| {
        matches!(h.entry, Entry::Title(_)) && {
            let gap = &ctx.text[end..h.start];
            gap.trim_start().starts_with(',') && gap.chars().count() <= 8
        }
    });
    before || after
}

/// Between a title and a name: spaces, commas, and nationality words or short function words
/// ("ministre kazakh des Affaires étrangères, Moukhtar…" is handled by the title automaton;
/// "le président kazakh, Noursoultan…" leaves "kazakh, ").
fn gap_is_connective(gap: &str, hits: &[Hit], from: usize, to: usize) -> bool {
    if gap.chars().count() > 60 {
        return false;
    }
    let mut rest = String::new();
    let mut at = from;
    let first = hits.partition_point(|h| h.start < from);
    for h in hits[first..]
        .iter()
        .take_while(|h| h.start < to)
        .filter(|h| h.end <= to)
    {
        // Hits may nest (a country inside a title): skip what is already passed.
        if h.start < at {
            continue;
        }
        rest.push_str(&gap[at - from..h.start - from]);
        rest.push(' ');
        at = h.end;
    }
    rest.push_str(&gap[at - from..]);
    rest.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().count() <= 3 && w.chars().all(char::is_lowercase))
}

fn honorific_before(hits: &[Hit], ctx: &DocContext, start: usize) -> bool {
    hits[..hits.partition_point(|h| h.start < start)]
        .iter()
        .rev()
        .find(|h| h.end <= start)
        .is_some_and(|h| h.entry == Entry::Honorific && ctx.text[h.end..start].trim().is_empty())
}

/// [`name_key`] of one word, remembered by each thread: the same names come back in document
/// after document, and a key takes thousands of instructions to compute.
fn word_key(word: &str) -> String {
    // Enough for the names of a large corpus, at a few megabytes per thread: longer "words"
    // (a run of letters in a hostile page) are no names worth remembering.
    const REMEMBERED: usize = 1 << 16;
    const LONGEST: usize = 64;
    if word.len() > LONGEST {
        return name_key(word);
    }
    thread_local! {
        static KEYS: RefCell<FxHashMap<String, String>> = RefCell::default();
    }
    KEYS.with_borrow_mut(|keys| {
        if let Some(key) = keys.get(word) {
            return key.clone();
        }
        if keys.len() >= REMEMBERED {
            keys.clear();
        }
        let key = name_key(word);
        keys.insert(word.to_string(), key.clone());
        key
    })
}

/// The name key of words `a..b` of a run: a run's words are separated by spaces only, so its
/// key is the keys of its words joined by spaces.
fn run_key(word_keys: &[String], key: &mut String) {
    key.clear();
    for k in word_keys.iter().filter(|k| !k.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(k);
    }
}

/// One document's person resolution: its runs of capitalised words, their word keys, and the
/// mentions found so far (added to the document's mentions at the end).
struct Resolver<'a, 'c> {
    ctx: &'c DocContext<'a>,
    lexicon: &'c Lexicon,
    hits: &'c [Hit],
    runs: Vec<Run>,
    word_keys: Vec<Vec<String>>,
    person_keys: PersonKeys,
    found: Vec<Mention>,
    /// The document's words seen in lower case, for telling names from common words.
    lowercase: FxHashSet<String>,
}

/// Words `a..b` of run `ri`.
type Span = (usize, usize, usize);

impl<'a, 'c> Resolver<'a, 'c> {
    fn new(
        ctx: &'c DocContext<'a>,
        lexicon: &'c Lexicon,
        hits: &'c [Hit],
        taken: &[(usize, usize)],
    ) -> Self {
        let runs = runs(ctx, hits, taken);
        let word_keys = runs
            .iter()
            .map(|run| {
                run.words
                    .iter()
                    .map(|w| word_key(&ctx.text[w.start..w.end]))
                    .collect()
            })
            .collect();
        Resolver {
            ctx,
            lexicon,
            hits,
            runs,
            word_keys,
            person_keys: PersonKeys::default(),
            found: Vec::new(),
            lowercase: super::shapes::lowercase_words(ctx),
        }
    }

    fn push(&mut self, out: &mut DocActors, actor: DocActor, (ri, a, b): Span) {
        let actor = out.intern(actor);
        let run = &self.runs[ri];
        self.found.push(Mention {
            start: run.words[a].start,
            end: run.words[b - 1].end,
            sentence: run.sentence,
            actor,
            role_span: None,
            official: false,
        });
    }

    /// 1. Full names in the dictionary, longest sub-run first. Returns the spans left open.
    fn full_names(&mut self, out: &mut DocActors) -> Vec<Span> {
        let mut open = Vec::new();
        let mut key = String::new();
        for ri in 0..self.runs.len() {
            let n = self.runs[ri].words.len();
            let mut a = 0;
            let mut unresolved_from = 0;
            while a < n {
                let matched = (a + 2..=n)
                    .rev()
                    .find_map(|b| {
                        run_key(&self.word_keys[ri][a..b], &mut key);
                        let candidates = self.lexicon.person_by_key.get(&key)?;
                        pick(self.lexicon, candidates, self.ctx).map(|p| (b, p))
                    })
                    .or_else(|| self.surname_first(ri, a).map(|p| (a + 2, p)));
                match matched {
                    Some((b, p)) => {
                        if unresolved_from < a {
                            open.push((ri, unresolved_from, a));
                        }
                        self.push(out, person_actor(self.lexicon, p), (ri, a, b));
                        a = b;
                        unresolved_from = b;
                    }
                    None => a += 1,
                }
            }
            if unresolved_from < n {
                open.push((ri, unresolved_from, n));
            }
        }
        open
    }

    /// "Tokaev Kasym-Zhomart": words `a` and `a + 1` of run `ri`, surname first, name a
    /// dictionary person in office at the document's date.
    fn surname_first(&self, ri: usize, a: usize) -> Option<usize> {
        let keys = self.word_keys[ri].get(a..a + 2)?;
        let key = format!("{} {}", keys[1], keys[0]);
        let date = document_date(self.ctx);
        let candidates = self.lexicon.person_by_key.get(&key)?;
        let in_office = |&&p: &&usize| self.lexicon.persons[p].office_on(date).is_some();
        candidates.iter().find(in_office).copied()
    }

    /// 2. Single words: a surname of a person already in the document, or of one notable
    ///    dictionary person. Returns the spans still open.
    fn surnames(&mut self, out: &mut DocActors, open: Vec<Span>) -> Vec<Span> {
        let given_names = self.given_names(&open);
        let mut still_open = Vec::new();
        for (ri, a, b) in open {
            if b - a != 1 {
                still_open.push((ri, a, b));
                continue;
            }
            let key = &self.word_keys[ri][a];
            let in_doc = self.person_keys.update(out).first_with_surname(key);
            // "Sheikh Salman" for Salman bin Khalifa Al Khalifa, named in full elsewhere in the
            // document: left for step 4, which knows the persons step 3 finds.
            let given_name = given_names.contains(key.as_str())
                && honorific_before(self.hits, self.ctx, self.runs[ri].words[a].start);
            if given_name && in_doc.is_none() {
                still_open.push((ri, a, b));
            } else if let Some(i) = in_doc {
                let actor = out.actors[i].clone();
                self.push(out, actor, (ri, a, b));
            } else if let Some(p) = self
                .lexicon
                .person_by_surname
                .get(key)
                .and_then(|c| pick_by_surname(self.lexicon, c, self.ctx))
            {
                self.push(out, person_actor(self.lexicon, p), (ri, a, b));
            } else {
                still_open.push((ri, a, b));
            }
        }
        still_open
    }

    /// The keys of the words before the last of the open spans of several words: the given
    /// names of persons that step 3 may find.
    fn given_names(&self, open: &[Span]) -> FxHashSet<String> {
        open.iter()
            .filter(|(_, a, b)| b - a >= 2)
            .flat_map(|&(ri, a, b)| self.word_keys[ri][a..b - 1].iter().cloned())
            .collect()
    }

    /// 3. Longer runs: damaged forms of a document person, or unknown persons with a title.
    ///    Returns the single words still open.
    fn longer_runs(&mut self, out: &mut DocActors, open: Vec<Span>) -> Vec<Span> {
        let mut singles = Vec::new();
        for (ri, a, b) in open {
            if b - a == 1 {
                singles.push((ri, a, b));
                continue;
            }
            // Names are at most four words besides their particles; a longer run is a
            // heading or a list of names.
            let a = last_name_words(self.ctx.text, &self.runs[ri].words[..b], a, 4);
            // "Mr Al Attiyah" for Khalid bin Mohammed Al Attiyah: a particle is no given name.
            let first_word =
                &self.ctx.text[self.runs[ri].words[a].start..self.runs[ri].words[a].end];
            let particle = PARTICLES.contains(&first_word.to_lowercase().as_str());
            let first = &self.word_keys[ri][a];
            let last = &self.word_keys[ri][b - 1];
            let (start, end) = (self.runs[ri].words[a].start, self.runs[ri].words[b - 1].end);
            // Initials tell too little to compare.
            let given = self.word_keys[ri][a + usize::from(particle)..b - 1]
                .iter()
                .map(String::as_str)
                .filter(|k| k.chars().count() > 1);
            let first_given = (!particle).then_some(first.as_str());
            let damaged =
                self.person_keys
                    .update(out)
                    .damaged_match_among(first_given, given, last);
            let shortened = (b - a == 2 && !particle)
                .then(|| self.without_middle_names(first, last))
                .flatten();
            if let Some(p) = shortened.filter(|_| damaged.is_none()) {
                self.push(out, person_actor(self.lexicon, p), (ri, a, b));
            } else if let Some(i) = damaged {
                let actor = out.actors[i].clone();
                self.push(out, actor, (ri, a, b));
            } else if self.names_a_place((ri, a, b)) {
                // "in Ho Chi Minh City, Foreign Minister…": a place, whatever title follows.
                continue;
            } else if has_title_context(self.ctx, self.lexicon, self.hits, start, end)
                || honorific_before(self.hits, self.ctx, start)
            {
                let words = super::words::of(self.ctx.lang);
                let a = super::shapes::after_ranks(self.ctx, words, &self.runs[ri].words, (a, b));
                let start = self.runs[ri].words[a].start;
                let name = self.ctx.text[start..end].to_string();
                self.push(out, unknown_person(&name), (ri, a, b));
            } else if let Some(a) = self.name_shape((ri, a, b)) {
                let start = self.runs[ri].words[a].start;
                let name = self.ctx.text[start..end].to_string();
                self.push(out, unknown_person(&name), (ri, a, b));
            }
        }
        singles
    }

    /// "William Ruto" for William Samoei Ruto: the one dictionary person in office at the
    /// document date (any, without a date) whose name has the same first word and surname
    /// with middle names between, given by their keys.
    fn without_middle_names(&self, first: &str, last: &str) -> Option<usize> {
        let date = document_date(self.ctx);
        let candidates = self.lexicon.person_by_surname.get(last)?;
        the_only(candidates.iter().copied().filter(|&p| {
            let person = &self.lexicon.persons[p];
            let key = name_key(&person.name);
            let mut words = key.split(' ');
            words.next() == Some(first)
                && key.split(' ').count() >= 3
                && person.office_on(date).is_some()
        }))
    }

    /// Words `a..b` of run `ri` open or end with a word of a place's name ("Mekong Delta").
    fn names_a_place(&self, (ri, a, b): Span) -> bool {
        let words = super::words::of(self.ctx.lang);
        let run = &self.runs[ri].words;
        let text = |i: usize| &self.ctx.text[run[i].start..run[i].end];
        words.is_place_name_end(text(a)) || words.is_place_name_end(text(b - 1))
    }

    /// A run with the shape of a person's name: where the name starts.
    fn name_shape(&self, (ri, a, b): Span) -> Option<usize> {
        let run = &self.runs[ri];
        let sentence = &self.ctx.sentences[run.sentence];
        super::shapes::person_name(
            self.ctx,
            super::words::of(self.ctx.lang),
            &self.lowercase,
            &run.words,
            (a, b),
            (sentence.start, sentence.end),
        )
    }

    /// 4. Remaining single words: surnames of persons found in step 3, damaged surnames, and
    ///    unknown persons after an honorific ("M. Burns").
    fn single_words(&mut self, out: &mut DocActors, singles: Vec<Span>) {
        // Surnames resolve to the persons known before this step, not to those it adds.
        let known_before = out.actors.len();
        for (ri, a, b) in singles {
            let word = self.runs[ri].words[a];
            let key = &self.word_keys[ri][a];
            let honorific = honorific_before(self.hits, self.ctx, word.start);
            let persons = self.person_keys.update(out);
            let target = persons
                .first_with_surname(key)
                .filter(|&i| i < known_before)
                .or_else(|| persons.damaged_match(None, key))
                .or_else(|| {
                    let named = persons.family_name_first(key);
                    honorific.then(|| latest_named_before(&self.found, named, word.start))?
                });
            if let Some(i) = target {
                let actor = out.actors[i].clone();
                self.push(out, actor, (ri, a, b));
            } else if honorific {
                let name = &self.ctx.text[word.start..word.end];
                self.push(out, unknown_person(name), (ri, a, b));
            }
        }
    }
}

/// Of the `candidates` (actor indices), the one mentioned last before byte `at`: "Sheikh
/// Salman" after "Salman bin Khalifa Al Khalifa" is he, not a Salman named further on.
fn latest_named_before(found: &[Mention], candidates: &[usize], at: usize) -> Option<usize> {
    found
        .iter()
        .filter(|m| m.start < at && candidates.contains(&m.actor))
        .max_by_key(|m| m.start)
        .map(|m| m.actor)
}

/// Finds the persons of the document, outside the `taken` ranges (sorted, disjoint).
pub(super) fn persons(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    taken: &[(usize, usize)],
    out: &mut DocActors,
) {
    let mut resolver = Resolver::new(ctx, lexicon, hits, taken);
    let open = resolver.full_names(out);
    let open = resolver.surnames(out, open);
    let singles = resolver.longer_runs(out, open);
    resolver.single_words(out, singles);
    out.mentions.extend(resolver.found);
}

/// The dictionary hits without the titles that are given names here: "Sultan Abdulrahman
/// Al-Marshad, the chief executive of the fund" names a Sultan who is no sultan. A title that
/// is also a given name, written capitalised before at least two more capitalised words, is
/// their first name when a title in apposition after them gives the person's office.
pub(super) fn without_given_name_titles(ctx: &DocContext, hits: &[Hit]) -> Vec<Hit> {
    let words = super::words::of(ctx.lang);
    let mut kept = Vec::with_capacity(hits.len());
    for (i, h) in hits.iter().enumerate() {
        let written = &ctx.text[h.start..h.end];
        let candidate = matches!(h.entry, Entry::Title(_))
            && !h.inside_title
            && is_capitalised(written)
            && words.is_given_name_title(written);
        if !(candidate && names_with_an_office_after(ctx, &hits[i + 1..], h.end)) {
            kept.push(*h);
        }
    }
    kept
}

/// From byte `from`, two or more capitalised words outside dictionary matches, a comma, at most
/// two lower-case words, then a title (the first of `later`, the hits after `from`).
fn names_with_an_office_after(ctx: &DocContext, later: &[Hit], from: usize) -> bool {
    let Some(next) = later.iter().find(|h| !h.inside_title) else {
        return false;
    };
    if !matches!(next.entry, Entry::Title(_)) {
        return false;
    }
    let Some((names, apposition)) = ctx.text[from..next.start].split_once(',') else {
        return false;
    };
    let mut name_words = Vec::new();
    words_of(names, 0, names.len(), &mut name_words);
    let capitalised = name_words
        .iter()
        .filter(|w| is_capitalised(&names[w.start..w.end]))
        .count();
    let particles_only = name_words.iter().all(|w| {
        let word = &names[w.start..w.end];
        is_capitalised(word) || PARTICLES.contains(&word)
    });
    let gap: Vec<&str> = apposition.split_whitespace().collect();
    capitalised >= 2
        && particles_only
        && names.starts_with(' ')
        && !names.contains(['.', ';', ':', '(', ')'])
        && gap.len() <= 2
        && gap.iter().all(|w| w.chars().all(char::is_lowercase))
}

/// The start of the last `count` capitalised words of `words[from..]`, particles ("bin", "von")
/// riding along.
fn last_name_words(text: &str, words: &[Word], from: usize, count: usize) -> usize {
    let mut seen = 0;
    for i in (from..words.len()).rev() {
        if is_capitalised(&text[words[i].start..words[i].end]) {
            seen += 1;
            if seen == count {
                return i;
            }
        }
    }
    from
}

fn unknown_person(name: &str) -> DocActor {
    let name = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    DocActor {
        id: crate::ids::provisional_id(Kind::Person.as_str(), &name),
        name,
        kind: Kind::Person,
        country: None,
        role: None,
        cameo: None,
        seat: None,
        affiliation: None,
        person: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_elided_articles_but_keep_hyphenated_names() {
        let text = "l'Ouzbékistan et Kassym-Jomart Tokaïev, O'Brien";
        let mut words = vec![Word { start: 0, end: 1 }];
        words_of(text, 0, text.len(), &mut words);
        let words: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(
            words,
            [
                "l",
                "Ouzbékistan",
                "et",
                "Kassym-Jomart",
                "Tokaïev",
                "O'Brien"
            ]
        );
    }

    #[test]
    fn a_run_key_is_the_key_of_its_words() {
        let text = "Kassym-Jomart\u{a0}Tokaïev  O'Brien";
        let mut words = Vec::new();
        words_of(text, 0, text.len(), &mut words);
        let word_keys: Vec<String> = words
            .iter()
            .map(|w| name_key(&text[w.start..w.end]))
            .collect();
        let mut key = String::new();
        run_key(&word_keys, &mut key);
        assert_eq!(key, name_key(text));
    }

    #[test]
    fn remembered_keys_are_the_keys() {
        let long = "Tokaïev".repeat(20);
        for word in [
            "Tokaïev",
            "Tokayev",
            "Tokaïev",
            long.as_str(),
            long.as_str(),
        ] {
            assert_eq!(word_key(word), name_key(word));
        }
    }

    fn person_ids(text: &str, published: &str) -> Vec<String> {
        let mut doc = crate::Document::new("names", text);
        doc.lang = Some(crate::Lang::En);
        doc.published = published.parse().ok();
        let x = crate::pipeline::analyse(&doc, &crate::pipeline::Options::default());
        let persons = x.actors.into_iter().filter(|a| a.kind == "person");
        persons.map(|a| a.actor_id).collect()
    }

    #[test]
    fn a_dictionary_person_is_found_without_middle_names() {
        // The dictionary holds Adamu Maina Waziri, in office in Nigeria from May 2010.
        let text = "Crowds cheered as Adamu Waziri arrived in Kano.";
        assert_eq!(person_ids(text, "2012-05-01"), ["adamu_maina_waziri"]);
        // Out of office at the date: an unknown person of that name.
        assert_eq!(person_ids(text, "1990-05-01"), ["person:adamu_waziri"]);
    }

    #[test]
    fn capitalised_words_exclude_acronyms() {
        assert!(is_capitalised("Blinken") && is_capitalised("Kassym-Jomart"));
        assert!(!is_capitalised("PGII") && !is_capitalised("le") && !is_capitalised("ASTANA"));
    }

    #[test]
    fn a_name_with_other_given_names_is_another_person() {
        let text = "Minister Ilyas Moussa Dawaleh spoke. Director Youssouf Moussa Dawaleh agreed. \
                    Minister Salman bin Khalifa Al Khalifa signed; Prime Minister Salman bin Hamad \
                    Al Khalifa met him.";
        let ids = person_ids(text, "2025-05-25");
        for id in [
            "person:ilyas_moussa_dawaleh",
            "person:youssouf_moussa_dawaleh",
            "person:salman_bin_khalifa_al_khalifa",
            "person:salman_bin_hamad_al_khalifa",
        ] {
            assert!(ids.contains(&id.to_string()), "{id} in {ids:?}");
        }
    }

    fn mention_ids(text: &str, lang: crate::Lang, published: &str) -> Vec<(String, String)> {
        let mut doc = crate::Document::new("names", text);
        doc.lang = Some(lang);
        doc.published = published.parse().ok();
        let x = crate::pipeline::analyse(&doc, &crate::pipeline::Options::default());
        x.mentions
            .into_iter()
            .map(|m| (m.text, m.actor_id))
            .collect()
    }

    #[test]
    fn a_given_name_after_an_honorific_is_the_last_person_named_so() {
        let text =
            "Minister of Finance Sheikh Salman bin Khalifa Al Khalifa said so. The deal was \
                    signed by Sheikh Salman on Monday.";
        let found = mention_ids(text, crate::Lang::En, "2025-06-12");
        let id = "person:salman_bin_khalifa_al_khalifa";
        assert!(found.contains(&("Salman".into(), id.into())), "{found:?}");
    }

    #[test]
    fn a_hyphenated_surname_or_one_with_its_particle_goes_to_the_person_named_in_full() {
        let text = "Odile Renaud-Basso est venue. Mme Renaud-Basso a parlé.";
        let found = mention_ids(text, crate::Lang::Fr, "2023-05-01");
        let id = "odile_renaud_basso";
        assert!(
            found.contains(&("Renaud-Basso".into(), id.into())),
            "{found:?}"
        );
        let text = "Dr. A. Rahman Al-Sayed, an economist, spoke. Al-Sayed said debt was high.";
        let found = mention_ids(text, crate::Lang::En, "2025-06-12");
        let id = "person:a_rahman_al_sayed";
        assert!(
            found.contains(&("A. Rahman Al-Sayed".into(), id.into())),
            "{found:?}"
        );
        assert!(found.contains(&("Al-Sayed".into(), id.into())), "{found:?}");
    }

    #[test]
    fn a_dictionary_person_is_found_surname_first() {
        let text = "Il a invité Tokaev Kasym-Zhomart à effectuer la visite.";
        let found = mention_ids(text, crate::Lang::Fr, "2024-11-20");
        let id = "kassym_jomart_tokayev";
        assert!(
            found.contains(&("Tokaev Kasym-Zhomart".into(), id.into())),
            "{found:?}"
        );
    }

    #[test]
    fn bint_is_a_particle_of_a_name() {
        let text = "Minister Amna bint Ahmed Al Romaihi said the homes were ready.";
        let ids = person_ids(text, "2025-06-12");
        assert_eq!(ids, ["person:amna_bint_ahmed_al_romaihi"]);
    }

    #[test]
    fn a_first_name_damaged_by_translation_still_names_the_person() {
        let text = "Le secrétaire d'État Mike Pompeo est arrivé. Michel Pompe a rencontré le \
                    ministre.";
        let found = mention_ids(text, crate::Lang::Fr, "2020-02-02");
        assert!(
            found.contains(&("Michel Pompe".into(), "mike_pompeo".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_malaysian_honorific_is_no_part_of_the_name() {
        let text = "Tan Sri Lee Lam Thye, chairman of the association, urged restraint.";
        assert_eq!(person_ids(text, "2025-07-12"), ["person:lee_lam_thye"]);
    }
}
