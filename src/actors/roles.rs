//! Titles attached to persons: the title before a name ("le ministre kazakh des Affaires
//! étrangères Moukhtar Tileuberdi") or in apposition after it ("Roman Vassilenko,
//! vice-ministre des Affaires étrangères du Kazakhstan"), its canonical English role and
//! country; then each person's office at the document's date.

use super::{document_date, DocActors, Hit, Kind};
use crate::lexicon::{Entry, Lexicon};
use crate::text::normalise::fold_str;
use crate::view::DocContext;

/// A title found in the text for one mention.
#[derive(Clone, Debug)]
struct TextRole {
    span: (usize, usize),
    role: String,
    sector: String,
    country: Option<String>,
    organization: Option<String>,
}

/// The title starting at hit `at`, extended over a nationality word that interrupts it and over
/// a following "de l'Ouzbékistan"-style complement. Returns the span, title index and country.
pub(super) fn title_from(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    at: usize,
    mut title: usize,
) -> (usize, usize, usize, Option<usize>) {
    let (start, mut end) = (hits[at].start, hits[at].end);
    let mut country = hits[at + 1..]
        .iter()
        .take_while(|h| h.start < end)
        .find_map(|h| match h.entry {
            Entry::Country(c) | Entry::Demonym(c) => Some(c),
            _ => None,
        });
    // "Uzbek Foreign Minister", "Georgia's Prime Minister", "Kenya's Treasury Cabinet
    // Secretary": the nationality before, a possessive's body between.
    if country.is_none() {
        country = hits[..at]
            .iter()
            .rev()
            .find(|h| h.end <= start)
            .filter(|h| nationality_gap(&ctx.text[h.end..start]))
            .and_then(|h| match h.entry {
                Entry::Country(c) | Entry::Demonym(c) => Some(c),
                _ => None,
            });
    }
    let mut next = at + 1;
    while hits.get(next).is_some_and(|h| h.start < end) {
        next += 1;
    }
    // "ministre" + "kazakh" + "des Affaires étrangères": re-match the title without the adjective.
    if let Some(h) = hits.get(next) {
        if let (Entry::Demonym(c), true) = (h.entry, ctx.text[end..h.start].trim().is_empty()) {
            country = Some(c);
            end = h.end;
            next += 1;
            let head = fold_str(&ctx.text[start..hits[at].end]);
            let tail_end = floor_boundary(ctx.text, (h.end + 120).min(ctx.sentence_end(h.start)));
            let tail = &ctx.text[h.end..tail_end];
            let stitched = format!("{head}{}", fold_str_keep_lead(tail));
            if let Some((len, t)) = lexicon.title_prefix(ctx.lang, &stitched) {
                if len > head.len() {
                    title = t;
                    end = original_end(tail, h.end, len - head.len());
                    while hits.get(next).is_some_and(|x| x.start < end) {
                        next += 1;
                    }
                }
            }
        }
    }
    // "... des Affaires étrangères du Kazakhstan", "... of Kazakhstan".
    if let Some(h) = hits.get(next) {
        let gap = &ctx.text[end..h.start];
        let joins = gap.chars().count() <= 6
            && gap.split_whitespace().all(|w| {
                matches!(
                    fold_str(w).as_str(),
                    "du" | "de" | "des" | "d'" | "l'" | "de l'" | "of" | "the"
                )
            })
            || matches!(fold_str(gap).as_str(), "de l'" | "d'");
        if let (Entry::Country(c), true) = (h.entry, joins && !gap.is_empty()) {
            country = Some(c);
            end = h.end;
        }
    }
    (start, office_complement(ctx, end), title, country)
}

/// Between a nationality and the title it qualifies: nothing, or a possessive and up to three
/// capitalised words naming the body ("'s Treasury").
fn nationality_gap(gap: &str) -> bool {
    let gap = gap.trim();
    let Some(body) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")) else {
        return gap.is_empty();
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    words.len() <= 3 && words.iter().all(|w| super::capitals::is_capitalised(w))
}

/// "Minister of State for International Cooperation", "ministre délégué de la Coopération
/// Internationale": the portfolio after a title, in capitalised words that are never a name's
/// (so that a name after it is left whole). Where the title ends with it.
fn office_complement(ctx: &DocContext, end: usize) -> usize {
    let words = super::words::of(ctx.lang);
    let to = floor_boundary(ctx.text, (end + 80).min(ctx.sentence_end(end)));
    let mut toks = Vec::new();
    super::capitals::words_of(ctx.text, end, to, &mut toks);
    let text = |w: &super::capitals::Word| &ctx.text[w.start..w.end];
    let connective_part = |w: &str| {
        let w = fold_str(w);
        words
            .connectives
            .iter()
            .any(|c| c.split([' ', '\'']).any(|p| p == w))
    };
    let mut from = end;
    let mut lead = 0;
    let mut office_end = end;
    for (i, w) in toks.iter().enumerate() {
        // Words side by side: spaces or an elided article's apostrophe between them.
        if !ctx.text[from..w.start]
            .chars()
            .all(|c| matches!(c, ' ' | '\'' | '’'))
        {
            break;
        }
        let word = text(w);
        let capitalised = super::capitals::is_capitalised(word);
        if !capitalised && lead == i && lead < 2 && connective_part(word) {
            lead += 1;
        } else if capitalised && lead > 0 && words.is_not_a_name(word) {
            office_end = w.end;
        } else if !(lead > 0 && i > lead && matches!(fold_str(word).as_str(), "and" | "et")) {
            break;
        }
        from = w.end;
    }
    office_end
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Folds `tail` keeping one leading space if it starts with whitespace.
fn fold_str_keep_lead(tail: &str) -> String {
    let folded = fold_str(tail);
    if tail.starts_with(char::is_whitespace) {
        format!(" {folded}")
    } else {
        folded
    }
}

/// Original byte offset in `tail` (which starts at `base`) after `folded_len` folded bytes.
fn original_end(tail: &str, base: usize, folded_len: usize) -> usize {
    let folded = crate::text::Folded::new(tail);
    // `fold_str_keep_lead` trimmed leading spaces to one, as `Folded` does.
    let (_, end) = folded.original_range(0, folded_len.min(folded.text.len()));
    base + end
}

fn role_for_mention(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    start: usize,
    end: usize,
    sentence: usize,
) -> Option<TextRole> {
    let make = |(s, e, title, country): (usize, usize, usize, Option<usize>)| {
        let t = &lexicon.titles[title];
        TextRole {
            span: (s, e),
            role: t.role.clone(),
            sector: t.sector.clone(),
            country: country.map(|c| lexicon.countries[c].iso3.clone()),
            organization: organization_of_title(ctx, lexicon, hits, s, e),
        }
    };
    // Before the name: the nearest title in the sentence whose span reaches the name through
    // punctuation and short words only.
    let first_after = hits.partition_point(|h| h.start < start);
    let before = hits[..first_after]
        .iter()
        .enumerate()
        .rev()
        // Hits run in text order: the sentence's hits end where an earlier sentence's begin.
        .take_while(|(_, h)| h.sentence == sentence)
        .filter(|(_, h)| h.end <= start)
        .take(4)
        .filter_map(|(i, h)| match h.entry {
            Entry::Title(t) => Some(title_from(ctx, lexicon, hits, i, t)),
            _ => None,
        })
        .find(|&(_, e, _, _)| {
            // "Deputy Minister Dr. Aliyev…": honorifics may stand right after the title.
            let mut from = e;
            while let Some(h) = hits[hits.partition_point(|h| h.start < from)..first_after]
                .iter()
                .find(|h| {
                    h.entry == Entry::Honorific
                        && h.end <= start
                        && ctx.text[from..h.start].trim().is_empty()
                })
            {
                from = h.end;
            }
            let gap = &ctx.text[from.min(start)..start];
            (gap.chars().count() <= 4 && gap.chars().all(|c| c.is_whitespace() || c == ','))
                || body_between(ctx, from.min(start), start)
        });
    if let Some(found) = before {
        return Some(make(found));
    }
    // After the name, in apposition: "Roman Vassilenko, vice-ministre…".
    let i = hits.partition_point(|h| h.start < end);
    let h = hits.get(i).filter(|h| h.sentence == sentence)?;
    let gap = &ctx.text[end..h.start];
    match h.entry {
        Entry::Title(t) if apposition_gap(ctx, gap) => {
            Some(make(title_from(ctx, lexicon, hits, i, t)))
        }
        _ => None,
    }
}

/// "the chairman of Acme Mining, John Smith", "le directeur général de Petrosen, Thierno
/// Ly": between a title and a name, the body it is held in (a connective, then capitalised
/// words or acronyms, connectives between them) and a comma.
fn body_between(ctx: &DocContext, from: usize, to: usize) -> bool {
    let gap = &ctx.text[from..to];
    let Some(body) = gap.trim_end().strip_suffix(',') else {
        return false;
    };
    if body.chars().count() > 60 {
        return false;
    }
    let words = super::words::of(ctx.lang);
    let connective = |w: &str| {
        let w = fold_str(w);
        words
            .connectives
            .iter()
            .any(|c| c.split([' ', '\'']).any(|p| p == w))
    };
    let mut toks = Vec::new();
    super::capitals::words_of(ctx.text, from, from + body.len(), &mut toks);
    let named = |w: &str| {
        super::capitals::is_capitalised(w) || (w.len() >= 2 && w.chars().all(char::is_uppercase))
    };
    let text = |i: usize| &ctx.text[toks[i].start..toks[i].end];
    let lead = (0..toks.len().min(2))
        .take_while(|&i| connective(text(i)))
        .count();
    let rest_named = (lead..toks.len()).all(|i| named(text(i)) || connective(text(i)));
    lead > 0 && toks.len() > lead && named(text(lead)) && named(text(toks.len() - 1)) && rest_named
}

/// Between a name and the title in apposition after it: a comma, then at most an article or
/// possessive determiner and a possessive noun ("Jane Doe, the fund's chief executive", "John
/// Roe, an analyst at…", "Jean Dupont, chercheur au…").
fn apposition_gap(ctx: &DocContext, gap: &str) -> bool {
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return false;
    };
    let words = super::words::of(ctx.lang);
    let parts: Vec<&str> = rest.split_whitespace().collect();
    let determiner = |w: &str| words.is_function_word(w) && w.chars().all(char::is_lowercase);
    let possessive = |w: &str| {
        let noun = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
        noun.is_some_and(|n| !n.is_empty() && n.chars().all(char::is_lowercase))
    };
    match parts.as_slice() {
        [] => true,
        [a] => determiner(a) || possessive(a),
        [a, b] => determiner(a) && possessive(b),
        _ => false,
    }
}

/// The organisation a title names within it ("USAID Administrator"), right before it ("NATO's
/// Secretary General") or after it ("Secretary General of the CSTO").
fn organization_of_title(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    start: usize,
    end: usize,
) -> Option<String> {
    let first_after = hits.partition_point(|h| h.start < end);
    let before = hits[..hits.partition_point(|h| h.start < start)]
        .iter()
        .rev()
        .find(|h| h.end <= start)
        .filter(|h| {
            let gap = ctx.text[h.end..start].trim();
            gap.is_empty() || gap == "'s" || gap == "’s"
        });
    let after = hits.get(first_after).filter(|h| {
        let gap = fold_str(ctx.text[end..h.start].trim());
        matches!(
            gap.as_str(),
            "of" | "of the" | "de" | "de l'" | "du" | "des" | "d'"
        )
    });
    let within = hits[hits.partition_point(|h| h.start < start)..first_after]
        .iter()
        .filter(|h| h.end <= end);
    within
        .chain(before)
        .chain(after)
        .find_map(|h| match h.entry {
            Entry::Organisation(o) => Some(lexicon.organisations[o].id.clone()),
            _ => None,
        })
}

/// "his Kazakh counterpart Ruslan …", "son homologue kazakh Ruslan …": the nationality beside
/// the word that introduces a name.
fn nationality_of_introducer(
    ctx: &DocContext,
    lexicon: &Lexicon,
    hits: &[Hit],
    name_start: usize,
) -> Option<String> {
    let before = &hits[..hits.partition_point(|h| h.start < name_start)];
    let mut adjacent = before.iter().rev().filter(|h| h.end <= name_start);
    let next_to_name = adjacent.next()?;
    let further = adjacent.next()?;
    // Hits may nest (a country inside a title): only hits side by side count.
    let touching =
        |a: &Hit, b_start: usize| a.end <= b_start && ctx.text[a.end..b_start].trim().is_empty();
    if !touching(next_to_name, name_start) || !touching(further, next_to_name.start) {
        return None;
    }
    let demonym = match (further.entry, next_to_name.entry) {
        (Entry::Demonym(c), Entry::Honorific) | (Entry::Honorific, Entry::Demonym(c)) => c,
        _ => return None,
    };
    Some(lexicon.countries[demonym].iso3.clone())
}

pub(super) fn attach(ctx: &DocContext, lexicon: &Lexicon, hits: &[Hit], out: &mut DocActors) {
    let mut text_roles: Vec<Option<TextRole>> = vec![None; out.actors.len()];
    let mut introduced: Vec<Option<String>> = vec![None; out.actors.len()];
    for m in out.mentions.iter_mut() {
        if out.actors[m.actor].kind != Kind::Person {
            continue;
        }
        if let Some(role) = role_for_mention(ctx, lexicon, hits, m.start, m.end, m.sentence) {
            m.role_span = Some(role.span);
            text_roles[m.actor].get_or_insert(role);
        }
        if introduced[m.actor].is_none() {
            introduced[m.actor] = nationality_of_introducer(ctx, lexicon, hits, m.start);
        }
    }
    let date = document_date(ctx);
    for ((actor, text_role), nationality) in out.actors.iter_mut().zip(text_roles).zip(introduced) {
        if actor.kind != Kind::Person {
            continue;
        }
        if actor.country.is_none() {
            actor.country = nationality;
        }
        let office = actor.person.and_then(|p| {
            let person = &lexicon.persons[p];
            match date {
                Some(_) => person.office_on(date),
                // Undated: the office the text names, else the most recent one.
                None => text_role
                    .as_ref()
                    .and_then(|r| {
                        person
                            .offices
                            .iter()
                            .find(|o| o.role.as_deref() == Some(r.role.as_str()))
                    })
                    .or_else(|| person.office_on(None)),
            }
        });
        // The body the text names in the role, else the one the office on that day is held in
        // (the EU's High Representative acts for the EU, not her country).
        if actor.affiliation.is_none() {
            actor.affiliation = text_role
                .as_ref()
                .and_then(|r| r.organization.clone())
                .or_else(|| office.and_then(|o| o.org.clone()));
        }
        match (office, text_role) {
            (Some(o), text_role) => {
                actor.role = o
                    .role
                    .clone()
                    .or_else(|| text_role.as_ref().map(|r| r.role.clone()));
                actor.country = o.country.clone().or(actor.country.take());
                actor.cameo = o.cameo.clone();
            }
            (None, Some(r)) => {
                actor.role = Some(r.role);
                if actor.country.is_none() {
                    actor.country = r.country;
                }
                actor.cameo = actor.country.as_ref().map(|c| {
                    let code = lexicon
                        .country_by_iso3
                        .get(c)
                        .map_or(c.as_str(), |&i| lexicon.countries[i].cameo.as_str());
                    format!("{code}{}", r.sector)
                });
            }
            (None, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{analyse, Options};
    use crate::{Document, Lang};

    /// (id, role, country) of every person of the text.
    fn persons(text: &str, lang: Lang) -> Vec<(String, Option<String>, Option<String>)> {
        let mut doc = Document::new("roles", text);
        doc.lang = Some(lang);
        doc.published = "2024-06-01".parse().ok();
        let actors = analyse(&doc, &Options::default()).actors;
        let persons = actors.into_iter().filter(|a| a.kind == "person");
        persons.map(|a| (a.actor_id, a.role, a.country)).collect()
    }

    fn role(text: &str, lang: Lang, id: &str) -> Option<String> {
        let found = persons(text, lang);
        let person = found.iter().find(|(i, _, _)| i == id);
        person
            .unwrap_or_else(|| panic!("{id} not in {found:?}"))
            .1
            .clone()
    }

    #[test]
    fn a_title_in_apposition_may_follow_an_article_and_a_possessive() {
        let text = "Jane Holloway, the fund's chief executive, said the plant would open. Tom \
                    Reyes, an analyst at the Northern Institute, doubted it.";
        let ceo = role(text, Lang::En, "person:jane_holloway");
        assert_eq!(ceo.as_deref(), Some("Chief Executive Officer"));
        let analyst = role(text, Lang::En, "person:tom_reyes");
        assert_eq!(analyst.as_deref(), Some("Analyst"));
        // Another word between the comma and the title: no apposition.
        let text = "Jane Holloway, whose team met the chief executive, said nothing.";
        assert_eq!(role(text, Lang::En, "person:jane_holloway"), None);
    }

    #[test]
    fn the_portfolio_after_a_title_is_part_of_it_and_the_name_after_it_stays_whole() {
        let text = "Norway's Minister of State for Development Cooperation Ingrid Solheim met \
                    the delegation.";
        let found = persons(text, Lang::En);
        let minister = (
            "person:ingrid_solheim".to_string(),
            Some("Minister".to_string()),
        );
        assert_eq!(found, [(minister.0, minister.1, Some("NOR".to_string()))]);
    }

    #[test]
    fn a_possessive_nationality_reaches_a_title_over_the_name_of_its_body() {
        let text = "Kenya's Treasury Cabinet Secretary Peter Ochieng signed the loan.";
        let found = persons(text, Lang::En);
        let expected = ("person:peter_ochieng", "Cabinet Secretary", "KEN");
        let found: Vec<_> = found
            .iter()
            .map(|(i, r, c)| {
                (
                    i.as_str(),
                    r.as_deref().unwrap_or(""),
                    c.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(found, [expected]);
    }

    #[test]
    fn a_title_reaches_a_name_over_the_body_it_is_held_in() {
        let text = "The chairman of Marlow Mining Holdings, Peter Ochieng, resigned.";
        let chairman = role(text, Lang::En, "person:peter_ochieng");
        assert_eq!(chairman.as_deref(), Some("Chairman"));
        let text = "Le directeur général de Sonatrel, Amadou Keita, a démissionné.";
        let director = role(text, Lang::Fr, "person:amadou_keita");
        assert_eq!(director.as_deref(), Some("Director-General"));
        // Lower-case words between: no body of the title, no role.
        let text = "Le directeur général de la filiale, Amadou Keita, a démissionné.";
        assert_eq!(role(text, Lang::Fr, "person:amadou_keita"), None);
    }

    #[test]
    fn a_french_profession_in_apposition_gives_the_role_and_keeps_the_adverb_out() {
        let text = "Selon Marc Lebrun, chercheur au Centre d'études stratégiques, la trêve \
                    tiendra.";
        let researcher = role(text, Lang::Fr, "person:marc_lebrun");
        assert_eq!(researcher.as_deref(), Some("Researcher"));
    }
}
