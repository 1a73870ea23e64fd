//! Which money amounts of a sentence are financial commitments (pledged, granted, lent, invested,
//! allocated, signed for, or set as a target), with their status, year and purpose phrase.
//!
//! The cue lexicons are data (`data/commitment_cues.toml`, French and English side by side); the
//! rules here are about where a cue stands relative to the amount: the nearest governing cue of
//! the clause decides between commitment and statistic, and status cues only count between the
//! amount and its neighbouring amounts, so that each amount of "A en plus des B déjà annoncés"
//! gets its own.

use std::sync::OnceLock;

use serde::Deserialize;

use super::MoneyMatch;
use crate::text::normalise::fold_str;
use crate::text::phrases::Phrases;
use crate::text::FoldedSpan;
use crate::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Additional,
    Previous,
    Target,
    Total,
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Additional => "additional",
            Status::Previous => "previous",
            Status::Target => "target",
            Status::Total => "total",
            Status::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Classification {
    pub is_commitment: bool,
    /// A measurement (a price, trade, a stock over years) rather than money someone commits.
    pub is_statistic: bool,
    /// Money still under negotiation ("les négociations se poursuivent sur un prêt de…").
    pub is_pending: bool,
    pub status: Status,
    /// Deadline or commitment year stated near the amount.
    pub year: Option<i32>,
    /// Byte span (in the sentence) of the purpose phrase.
    pub purpose: Option<(usize, usize)>,
}

/// How far (bytes of folded text) a cue may stand from the amount and still govern it.
const GOVERN: usize = 200;
/// Longer than any cue phrase of `data/commitment_cues.toml` (bytes, folded).
const MAX_CUE: usize = 80;
/// Cues that qualify the amount itself stand next to it.
const NEAR_ADDITIONAL: usize = 30;
const NEAR_TOTAL: usize = 40;
const NEAR_PREVIOUS: usize = 60;
/// Words allowed between the amount and its purpose phrase ("déjà annoncés et destinés à").
const PURPOSE_GAP: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    Commit,
    Statistic,
    Additional,
    AdditionalLink,
    Previous,
    Target,
    Total,
    Parts,
    Purpose,
    Pending,
}

#[derive(Deserialize, Default)]
struct Pair {
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Deserialize)]
struct CueFile {
    commit: Pair,
    statistic: Pair,
    additional: Pair,
    additional_link: Pair,
    previous: Pair,
    target: Pair,
    total: Pair,
    parts: Pair,
    purpose: Pair,
    #[serde(default)]
    pending: Pair,
}

struct Cue {
    cat: Cat,
    stem: bool,
}

struct Cues {
    list: Vec<Cue>,
    phrases: Option<Phrases>,
}

const CUES: &str = include_str!("../../data/commitment_cues.toml");

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        build(CUES).unwrap_or(Cues {
            list: Vec::new(),
            phrases: None,
        })
    })
}

fn build(src: &str) -> Option<Cues> {
    let f: CueFile = toml::from_str(src).ok()?;
    let cats = [
        (&f.commit, Cat::Commit),
        (&f.statistic, Cat::Statistic),
        (&f.additional, Cat::Additional),
        (&f.additional_link, Cat::AdditionalLink),
        (&f.previous, Cat::Previous),
        (&f.target, Cat::Target),
        (&f.total, Cat::Total),
        (&f.parts, Cat::Parts),
        (&f.purpose, Cat::Purpose),
        (&f.pending, Cat::Pending),
    ];
    let mut pats = Vec::new();
    let mut list = Vec::new();
    for (pair, cat) in cats {
        for c in pair.fr.iter().chain(pair.en.iter()) {
            let stem = c.ends_with('*');
            let folded = fold_str(c.trim_end_matches('*'));
            if !folded.is_empty() {
                pats.push(folded);
                list.push(Cue { cat, stem });
            }
        }
    }
    let phrases = Phrases::new(&pats).ok()?;
    Some(Cues {
        list,
        phrases: Some(phrases),
    })
}

/// A cue found in the folded sentence.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    cat: Cat,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn find_cues(t: &str, spans: &[(usize, usize)]) -> Vec<Hit> {
    let c = cues();
    let Some(phrases) = &c.phrases else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in phrases.starts(t) {
        phrases.starting_at(t, s, |pattern, e| {
            let Some(cue) = c.list.get(pattern) else {
                return;
            };
            let after = t.get(e..).and_then(|x| x.chars().next());
            // words inside an amount ("milliards de dollars") are not cues
            if (!cue.stem && is_word(after)) || overlaps_any(spans, s, e) {
                return;
            }
            out.push(Hit {
                start: s,
                end: e,
                cat: cue.cat,
            });
        });
    }
    out
}

/// True when a sentence opens by listing the parts of a sum told before it ("It includes $3
/// million for…", "Elle comprend…").
/// `folded` is the sentence's folded text (the document view's).
pub fn opens_with_parts(folded: &str) -> bool {
    let opening = folded
        .char_indices()
        .nth(24)
        .map_or(folded.len(), |(i, _)| i);
    find_cues(&folded[..opening], &[])
        .iter()
        .any(|h| h.cat == Cat::Parts)
}

/// The amounts of one sentence and what each one is.
pub struct SentenceMoney {
    pub amounts: Vec<MoneyMatch>,
    pub classes: Vec<Classification>,
}

impl SentenceMoney {
    /// `told_before`: the currency of the latest sum told before the sentence, for the sums it
    /// names without one ([`crate::money::find_money_after`]).
    pub fn read(
        sentence: &str,
        folded: FoldedSpan,
        lang: Lang,
        told_before: &dyn Fn() -> Option<&'static str>,
    ) -> SentenceMoney {
        let amounts = crate::money::find_money_after(sentence, folded, lang, told_before);
        // Most sentences hold no amount: nothing to classify.
        let classes = if amounts.is_empty() {
            Vec::new()
        } else {
            classify(sentence, folded, &amounts, lang)
        };
        SentenceMoney { amounts, classes }
    }
}

/// Distance between a cue and the amount `[s, e)`.
fn dist(h: &Hit, s: usize, e: usize) -> usize {
    if h.end <= s {
        s - h.end
    } else {
        h.start.saturating_sub(e)
    }
}

/// Positions of sentence-internal stops (";", ":", line breaks, dashes between spaces), never
/// commas, which French uses inside noun phrases around amounts. Clauses lie between them.
fn stops(t: &str) -> Vec<usize> {
    let b = t.as_bytes();
    (0..b.len())
        .filter(|&i| match b[i] {
            b';' | b'\n' | b'!' | b'?' => true,
            b':' | b'.' => b.get(i + 1).is_none_or(|c| *c == b' '),
            b'-' => i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' '),
            _ => false,
        })
        .collect()
}

/// The clause around `[s, e)` given the sorted stop positions of the sentence.
fn clause(stops: &[usize], len: usize, s: usize, e: usize) -> (usize, usize) {
    let before = stops.partition_point(|&p| p < s);
    let cs = if before > 0 { stops[before - 1] + 1 } else { 0 };
    let after = stops.partition_point(|&p| p < e);
    let ce = stops.get(after).copied().unwrap_or(len);
    (cs.min(s), ce.max(e))
}

/// True when `[s, e)` overlaps one of the sorted, disjoint `spans`.
fn overlaps_any(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|&(_, end)| end <= s);
    spans.get(i).is_some_and(|&(a, _)| a < e)
}

/// Four-digit years (1900-2099) in the folded sentence, outside the amounts.
fn years(t: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize, i32)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let glued_num = matches!(b.get(j), Some(b',') | Some(b'.'))
                && b.get(j + 1).is_some_and(u8::is_ascii_digit);
            let inside = overlaps_any(spans, i, j);
            if j - i == 4 && !glued_num && !inside {
                if let Some(y) = t.get(i..j).and_then(|y| y.parse::<i32>().ok()) {
                    if (1900..2100).contains(&y) {
                        out.push((i, j, y));
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Classify every money match of one sentence at once (so that "25 millions ... en plus des
/// 25 millions déjà annoncés" gives Additional + Previous, and a package whose parts are listed
/// gives Total + its New parts). `matches` carry offsets relative to `sentence`.
/// French and English cues both apply whatever `lang` says: English amounts and quotes occur in
/// French articles, and the other way round.
pub fn classify(
    sentence: &str,
    f: FoldedSpan,
    matches: &[MoneyMatch],
    _lang: Lang,
) -> Vec<Classification> {
    let t = f.text;
    let spans: Vec<(usize, usize)> = matches
        .iter()
        .map(|m| {
            let s = f.folded(m.start.min(sentence.len()));
            (s, f.folded(m.end.min(sentence.len())).max(s))
        })
        .collect();
    let mut hits = find_cues(t, &spans);
    hits.sort_by_key(|h| (h.start, h.end));
    drop_frames_to_come(&mut hits);
    let yrs = years(t, &spans);
    let n = spans.len();
    let stops = stops(t);
    // The cues that start in `[from, to)`: each amount looks only at its neighbourhood, so a
    // sentence with thousands of amounts stays linear.
    let starting_in = |from: usize, to: usize| {
        let a = hits.partition_point(|h| h.start < from);
        let b = hits.partition_point(|h| h.start < to);
        &hits[a..b.max(a)]
    };

    // each year goes to the amount nearest to it
    let mut year_of: Vec<Option<(usize, i32)>> = vec![None; n];
    for &(ys, ye, y) in &yrs {
        let h = Hit {
            start: ys,
            end: ye,
            cat: Cat::Target,
        };
        // the amounts either side of the year
        let i = spans.partition_point(|&(a, _)| a < ys);
        let nearest = [i.checked_sub(1), (i < n).then_some(i)]
            .into_iter()
            .flatten()
            .min_by_key(|&k| dist(&h, spans[k].0, spans[k].1));
        if let Some(k) = nearest {
            let d = dist(&h, spans[k].0, spans[k].1);
            if year_of[k].is_none_or(|(od, _)| d < od) {
                year_of[k] = Some((d, y));
            }
        }
    }

    let pending_of = pending_amounts(&hits, &spans, &stops, t.len());
    let mut out: Vec<Classification> = Vec::with_capacity(n);
    let mut linked_to_next = vec![false; n];
    for k in 0..n {
        let (s, e) = spans[k];
        let (cs, ce) = clause(&stops, t.len(), s, e);
        // the stretch between this amount and its neighbours, within the clause
        let left = cs.max(if k > 0 { spans[k - 1].1 } else { 0 });
        let right = ce.min(spans.get(k + 1).map(|x| x.0).unwrap_or(t.len()));
        let in_clause = |h: &&Hit| h.start >= cs && h.end <= ce;
        let in_window = |h: &&Hit| h.start >= left && h.end <= right;
        let governed = starting_in(s.saturating_sub(GOVERN + MAX_CUE), e + GOVERN + 1);
        let nearest = |cat: Cat, window: bool| -> Option<usize> {
            governed
                .iter()
                .filter(|h| h.cat == cat)
                .filter(|h| if window { in_window(h) } else { in_clause(h) })
                .map(|h| dist(h, s, e))
                .filter(|&d| d <= GOVERN)
                .min()
        };
        let near = |cat: Cat, max: usize| nearest(cat, true).is_some_and(|d| d <= max);

        let purpose = purpose_span(t, e, right, starting_in(e, right));
        let commit_d = nearest(Cat::Commit, false);
        let stat_d = nearest(Cat::Statistic, false);
        // "Les négociations se poursuivent sur un prêt de…": nothing is committed yet.
        let pending = pending_of[k];
        let is_commitment = !pending
            && match (commit_d, stat_d) {
                (Some(c), Some(st)) => c <= st,
                (Some(_), None) => true,
                // money with a purpose and nothing measuring it: "$3 million for schools"
                (None, None) => purpose.is_some_and(|(ps, _)| ps.saturating_sub(e) <= 2),
                (None, Some(_)) => false,
            };

        let parts_after = starting_in(e, right)
            .iter()
            .any(|h| h.cat == Cat::Parts && h.end <= right && k + 1 < n)
            && spans.get(k + 1).is_some_and(|x| x.0 <= ce);
        let link_after = starting_in(e, right)
            .iter()
            .any(|h| h.cat == Cat::AdditionalLink && h.end <= right);
        let link_before = k > 0
            && starting_in(left, s)
                .iter()
                .any(|h| h.cat == Cat::AdditionalLink && h.end <= s);
        linked_to_next[k] = link_after && k + 1 < n && spans[k + 1].0 <= ce;

        let status = if !is_commitment {
            Status::Unknown
        } else if parts_after || near(Cat::Total, NEAR_TOTAL) {
            Status::Total
        } else if nearest(Cat::Target, true).is_some() {
            Status::Target
        } else if link_before || near(Cat::Previous, NEAR_PREVIOUS) {
            Status::Previous
        } else if link_after || near(Cat::Additional, NEAR_ADDITIONAL) {
            Status::Additional
        } else {
            Status::New
        };
        out.push(Classification {
            is_commitment,
            is_statistic: !is_commitment && stat_d.is_some(),
            is_pending: pending,
            status,
            year: year_of[k].map(|(_, y)| y),
            purpose: purpose.map(|(ps, pe)| (f.orig(ps), f.orig(pe))),
        });
    }
    share_coordinated_status(t, &spans, &hits, &mut out);
    // "A en plus des B destinés à X": A shares B's purpose
    for k in (0..n.saturating_sub(1)).rev() {
        if linked_to_next[k] && out[k].purpose.is_none() {
            out[k].purpose = out[k + 1].purpose;
        }
    }
    out
}

/// How far after a time frame (bytes, folded) the words of years to come may start: "au cours
/// des cinq prochaines années".
const FRAME_TO_COME: usize = 16;

/// "au cours des cinq prochaines années": a time frame (a span that is both a statistic and an
/// earlier-sum cue: "au cours des", "since") that runs into the years to come measures nothing
/// and tells of no earlier sum; its statistic and previous readings are dropped.
fn drop_frames_to_come(hits: &mut Vec<Hit>) {
    let frame = |h: &Hit| {
        h.cat == Cat::Statistic
            && hits
                .iter()
                .any(|o| o.cat == Cat::Previous && (o.start, o.end) == (h.start, h.end))
    };
    let to_come: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| frame(h))
        .filter(|h| {
            hits.iter().any(|o| {
                o.cat == Cat::Target && o.start >= h.end && o.start <= h.end + FRAME_TO_COME
            })
        })
        .map(|h| (h.start, h.end))
        .collect();
    hits.retain(|h| {
        !(matches!(h.cat, Cat::Statistic | Cat::Previous) && to_come.contains(&(h.start, h.end)))
    });
}

/// Which amounts money still negotiated names: each pending cue governs the first amount after
/// it in its clause ("les négociations se poursuivent sur un prêt de 800 millions"), else the
/// nearest before it ("a $50 million loan is still being negotiated"); the amounts of another
/// part of the sentence ("…devraient apporter 2 milliards, mais les négociations se
/// poursuivent sur…") stay committed.
fn pending_amounts(
    hits: &[Hit],
    spans: &[(usize, usize)],
    stops: &[usize],
    len: usize,
) -> Vec<bool> {
    let mut pending = vec![false; spans.len()];
    for h in hits.iter().filter(|h| h.cat == Cat::Pending) {
        let (cs, ce) = clause(stops, len, h.start, h.end);
        let next = spans.partition_point(|&(a, _)| a < h.end);
        let after = spans
            .get(next)
            .filter(|&&(a, _)| a <= ce && a - h.end <= GOVERN)
            .map(|_| next);
        let before = next
            .checked_sub(1)
            .filter(|&i| spans[i].0 >= cs && h.start.saturating_sub(spans[i].1) <= GOVERN);
        if let Some(i) = after.or(before) {
            pending[i] = true;
        }
    }
    pending
}

/// Longest gap (bytes, folded) between two amounts coordinated in one noun phrase: "1 milliard
/// d'euros de fonds publics et 500 millions".
const COORDINATED_GAP: usize = 48;

/// "vise à mobiliser 1 milliard d'euros de fonds publics et 500 millions d'investissements
/// privés": amounts joined by "et" / "and" with no status cue of their own between (nouns of
/// money, "de prêts", are no status) share the status one of them states (a target, an earlier
/// sum).
fn share_coordinated_status(
    t: &str,
    spans: &[(usize, usize)],
    hits: &[Hit],
    out: &mut [Classification],
) {
    for k in 0..spans.len().saturating_sub(1) {
        let (gap_start, gap_end) = (spans[k].1, spans[k + 1].0);
        let gap = &t[gap_start..gap_end];
        let joined = gap_end - gap_start <= COORDINATED_GAP
            && (gap.contains(" et ") || gap.contains(" and "))
            && !gap.contains([';', ':'])
            && !hits
                .iter()
                .filter(|h| !matches!(h.cat, Cat::Commit | Cat::Purpose))
                .any(|h| h.start >= gap_start && h.end <= gap_end);
        let (a, b) = (out[k].status, out[k + 1].status);
        if !joined || !out[k].is_commitment || !out[k + 1].is_commitment {
            continue;
        }
        let stated =
            |s: Status| matches!(s, Status::Target | Status::Previous | Status::Additional);
        match (a, b) {
            (Status::New, s) if stated(s) => out[k].status = s,
            (s, Status::New) if stated(s) => out[k + 1].status = s,
            _ => {}
        }
    }
}

/// The purpose phrase after an amount ending at `e`: from an opener ("pour", "destinés à",
/// "for") to the end of its phrase.
fn purpose_span(t: &str, e: usize, right: usize, hits: &[Hit]) -> Option<(usize, usize)> {
    let opener = hits
        .iter()
        .filter(|h| h.cat == Cat::Purpose && h.start >= e && h.start <= e + PURPOSE_GAP)
        .filter(|h| h.end <= right)
        .min_by_key(|h| (h.start, std::cmp::Reverse(h.end)))?;
    let b = t.as_bytes();
    let mut end = opener.end;
    while end < right {
        let stop = match b.get(end) {
            Some(b',') | Some(b';') | Some(b'(') | Some(b'"') | Some(b':') => true,
            Some(b'.') => b.get(end + 1).is_none_or(|c| *c == b' ' || *c == b'\n'),
            _ => false,
        };
        let rest = t.get(end..).unwrap_or("");
        let clause_word = [
            " qui ",
            " which ",
            " jusqu'",
            " d'ici ",
            " by 20",
            " until ",
            " as ",
            " while ",
            " when ",
            " lors d",
            " alors ",
            " tandis ",
            " since ",
            " depuis ",
            " au cours ",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
        if stop || clause_word {
            break;
        }
        end += 1;
    }
    while end > opener.end && b.get(end - 1) == Some(&b' ') {
        end -= 1;
    }
    // an opener with nothing after it is no purpose
    (end > opener.end + 1 && t.is_char_boundary(end)).then_some((opener.start, end))
}

#[cfg(test)]
mod tests {

    #[test]
    fn sentences_opening_with_parts() {
        assert!(opens_with_parts(&fold_str(
            "It includes $3 million for schools."
        )));
        assert!(opens_with_parts(&fold_str(
            "Elle comprend 5 millions pour l'eau."
        )));
        assert!(!opens_with_parts(&fold_str(
            "The package, which includes roads, is new."
        )));
    }

    use super::*;
    use crate::money::find_money;
    use crate::text::Folded;

    fn run(sentence: &str, lang: Lang) -> Vec<(bool, Status, Option<i32>, Option<String>)> {
        let ms = find_money(sentence, lang);
        classify(sentence, Folded::new(sentence).whole(), &ms, lang)
            .into_iter()
            .map(|c| {
                let p = c.purpose.map(|(a, b)| sentence[a..b].to_string());
                (c.is_commitment, c.status, c.year, p)
            })
            .collect()
    }

    fn statuses(sentence: &str, lang: Lang) -> Vec<Status> {
        run(sentence, lang).into_iter().map(|r| r.1).collect()
    }

    #[test]
    fn bundled_cues_parse() {
        let c = build(CUES);
        assert!(c.is_some_and(|c| c.list.len() > 200));
    }

    #[test]
    fn additional_and_previous() {
        let s = "Le Japon versera 40 millions de dollars en plus des 40 millions de dollars déjà \
                 promis et destinés au programme de santé rurale, lancé en mars 2021.";
        let r = run(s, Lang::Fr);
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].0, r[0].1, r[0].2), (true, Status::Additional, None));
        assert_eq!(
            (r[1].0, r[1].1, r[1].2),
            (true, Status::Previous, Some(2021))
        );
        let purpose = Some("destinés au programme de santé rurale".to_string());
        assert_eq!(r[1].3, purpose);
        assert_eq!(r[0].3, purpose);
        let s = "Seoul will provide an additional $30 million on top of the $50 million it \
                 previously pledged for water projects.";
        assert_eq!(
            statuses(s, Lang::En),
            vec![Status::Additional, Status::Previous]
        );
    }

    #[test]
    fn package_and_parts() {
        let s =
            "La Banque a annoncé une enveloppe de 100 millions d'euros, dont 60 millions d'euros \
                 pour l'irrigation et 40 millions d'euros pour les écoles.";
        assert_eq!(
            statuses(s, Lang::Fr),
            vec![Status::Total, Status::New, Status::New]
        );
        let s = "The agency announced a $90 million package including $50 million for roads \
                 and $40 million for clinics.";
        assert_eq!(
            statuses(s, Lang::En),
            vec![Status::Total, Status::New, Status::New]
        );
    }

    #[test]
    fn targets_and_years() {
        let s =
            "Le plan prévoit l'attraction de 20 milliards de dollars d'investissements d'ici 2030.";
        let r = run(s, Lang::Fr);
        assert_eq!((r[0].0, r[0].1, r[0].2), (true, Status::Target, Some(2030)));
        let s = "The initiative aims to attract $5 billion for clean energy projects by 2028.";
        let r = run(s, Lang::En);
        assert_eq!((r[0].0, r[0].1, r[0].2), (true, Status::Target, Some(2028)));
        assert_eq!(r[0].3.as_deref(), Some("for clean energy projects"));
    }

    #[test]
    fn new_commitments() {
        for (s, lang) in [
            (
                "La France a accordé un prêt de 150 millions d'euros à la Mongolie.",
                Lang::Fr,
            ),
            (
                "Les deux sociétés ont signé un contrat d'une valeur de 2 milliards de dollars.",
                Lang::Fr,
            ),
            (
                "The bank approved a $200 million loan to Tajikistan for hydropower.",
                Lang::En,
            ),
            (
                "Canada granted C$15 million to support rural schools.",
                Lang::En,
            ),
        ] {
            let r = run(s, lang);
            assert_eq!((r[0].0, r[0].1), (true, Status::New), "{s}");
        }
    }

    #[test]
    fn coordinated_amounts_share_their_status() {
        let s = "L'UE vise à mobiliser 1 milliard d'euros de fonds publics et 500 millions d'euros d'investissements privés.";
        let r = run(s, Lang::Fr);
        assert_eq!((r[0].1, r[1].1), (Status::Target, Status::Target), "{s}");
        let s = "La Chine fournira 2 milliards de yuans d'aide gratuite et 5 milliards de yuans de prêts d'ici 2030.";
        assert_eq!(
            statuses(s, Lang::Fr),
            [Status::Target, Status::Target],
            "{s}"
        );
    }

    #[test]
    fn statistics_are_not_commitments() {
        for (s, lang) in [
            (
                "Le commerce bilatéral a atteint 3 milliards de dollars l'an dernier.",
                Lang::Fr,
            ),
            (
                "Le PIB du pays s'élève à 260 milliards de dollars.",
                Lang::Fr,
            ),
            (
                "Les investissements américains totalisent 50 milliards de dollars depuis 1991.",
                Lang::Fr,
            ),
            ("Le billet coûte 300 dollars.", Lang::Fr),
            ("Bilateral trade reached $4 billion in 2022.", Lang::En),
            ("Exports of grain rose to $900 million.", Lang::En),
            ("The bridge cost $1.2 billion to build.", Lang::En),
        ] {
            let r = run(s, lang);
            assert_eq!(r.len(), 1, "{s}");
            assert!(!r[0].0, "{s}");
            assert_eq!(r[0].1, Status::Unknown, "{s}");
        }
    }

    #[test]
    fn odd_input_is_safe() {
        let m = MoneyMatch {
            start: 3,
            end: 400,
            amount: 1.0,
            amount_max: None,
            currency: "USD",
            qualifier: None,
        };
        for s in ["", "😀", "e\u{301}\u{301}", "déjà; : - ;"] {
            let r = classify(
                s,
                Folded::new(s).whole(),
                std::slice::from_ref(&m),
                Lang::Und,
            );
            assert_eq!(r.len(), 1);
            if let Some((a, b)) = r[0].purpose {
                assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
        assert!(classify("rien", Folded::new("rien").whole(), &[], Lang::Fr).is_empty());
    }
}
