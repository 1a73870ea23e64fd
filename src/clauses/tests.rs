use super::*;
use crate::document::Document;
use crate::lexicon::Lexicon;

/// The span of `part` in `text`.
fn span(text: &str, part: &str) -> (usize, usize) {
    let at = text.find(part).expect("part of the text");
    (at, at + part.len())
}

fn subject_text<'t>(sentence: &'t str, verb: &str, dates: &[&str], lang: Lang) -> Option<&'t str> {
    let dates: Vec<_> = dates.iter().map(|d| span(sentence, d)).collect();
    let clauses = read(sentence, lang, &[span(sentence, verb)], &dates);
    clauses[0].subject.map(|(s, e)| &sentence[s..e])
}

#[test]
fn the_subject_follows_the_circumstances_that_open_the_clause() {
    let s = "Mardi, à Astana, le ministre japonais a annoncé un prêt.";
    assert_eq!(
        subject_text(s, "a annoncé", &["Mardi"], Lang::Fr),
        Some("le ministre japonais")
    );
    let s = "On Monday, in Astana, he met the minister.";
    assert_eq!(subject_text(s, "met", &["On Monday"], Lang::En), Some("he"));
    let s = "Selon le diplomate, Washington devrait investir un milliard.";
    assert_eq!(
        subject_text(s, "investir", &[], Lang::Fr),
        Some("Washington devrait")
    );
}

#[test]
fn reported_words_open_a_clause_of_their_own() {
    let s = "Li a déclaré que la Chine fournira une aide.";
    assert_eq!(subject_text(s, "fournira", &[], Lang::Fr), Some("la Chine"));
    let s = "Moon said Seoul would provide loans.";
    assert_eq!(
        subject_text(s, "provide", &[], Lang::En),
        Some("Seoul would")
    );
}

#[test]
fn coordinated_verbs_share_their_subject() {
    let s = "On Monday, he met the minister and announced a fund.";
    let clauses = read(s, Lang::En, &[span(s, "met"), span(s, "announced")], &[]);
    assert_eq!(clauses[1].subject.map(|(a, b)| &s[a..b]), Some("he"));
}

#[test]
fn a_relative_clause_is_marked() {
    let s = "Il s'est rendu à Och, où il a rencontré des élus.";
    let clauses = read(s, Lang::Fr, &[span(s, "rendu"), span(s, "rencontré")], &[]);
    assert!(!clauses[0].relative);
    assert!(clauses[1].relative);
    assert_eq!(clauses[1].subject.map(|(a, b)| &s[a..b]), Some("il a"));
}

/// Who the subject of the verb `verb` in the last sentence of `text` names.
fn resolved(text: &str, verb: &str, lang: Lang) -> Option<String> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    let sentences = crate::text::segment::sentences(text, None);
    let ctx = DocContext::new(&doc, text, lang, sentences);
    let found = crate::actors::extract(&ctx, &Lexicon::bundled());
    let last = ctx.sentences.len() - 1;
    let sentence_of = |i: usize| &text[ctx.sentences[i].start..ctx.sentences[i].end];
    // The verbs: every occurrence of the given word, or the first word after a subject.
    let verbs_of = |i: usize| {
        let s = sentence_of(i);
        ["a reçu", "a salué", "met", "signed", "praised"]
            .iter()
            .filter_map(|v| s.find(v).map(|at| (at, at + v.len())))
            .collect::<Vec<_>>()
    };
    let s = sentence_of(last);
    let clause = read(s, lang, &[span(s, verb)], &[]).remove(0);
    let m = subject_actor(&ctx, &found, last, clause.subject?, &verbs_of)?;
    Some(found.actors[m.actor].id.clone())
}

#[test]
fn a_pronoun_stands_for_the_subject_before_it() {
    let text =
        "Le chancelier allemand Olaf Scholz a reçu son homologue. Il a salué le partenariat.";
    assert_eq!(
        resolved(text, "a salué", Lang::Fr).as_deref(),
        Some("olaf_scholz")
    );
    let text = "The European Union met the delegation. It praised the reforms.";
    assert_eq!(resolved(text, "praised", Lang::En).as_deref(), Some("eu"));
}

#[test]
fn a_role_phrase_stands_for_the_latest_person_with_that_title() {
    let text = "Le président kazakh Kassym-Jomart Tokaïev s'est entretenu avec le chancelier allemand Olaf Scholz. Le chancelier a reçu le ministre.";
    assert_eq!(
        resolved(text, "a reçu", Lang::Fr).as_deref(),
        Some("olaf_scholz")
    );
    // With no such title before, the phrase names nobody.
    let text =
        "Le président kazakh Kassym-Jomart Tokaïev est arrivé. Le chancelier a reçu le ministre.";
    assert_eq!(resolved(text, "a reçu", Lang::Fr), None);
}

#[test]
fn lenders_and_programmes_come_from_the_data() {
    assert!(is_lender("Asian Development Bank"));
    assert!(!is_lender("Ministry of Finance"));
    assert_eq!(programme_owner("belt_and_road"), Some("CHN"));
    assert_eq!(programme_owner("adb"), None);
}

#[test]
fn a_circumstance_run_into_its_pronoun_leaves_the_pronoun_as_subject() {
    let s = "On Wednesday he arrived in Tashkent.";
    assert_eq!(subject_text(s, "arrived in", &[], Lang::En), Some("he"));
    let s = "Mardi il a reçu le ministre.";
    assert_eq!(subject_text(s, "a reçu", &[], Lang::Fr), Some("il"));
    // A subject that names someone stays whole.
    let s = "On Wednesday Wang Yi arrived in Tashkent.";
    assert_eq!(
        subject_text(s, "arrived in", &[], Lang::En),
        Some("On Wednesday Wang Yi")
    );
}

#[test]
fn a_relative_closed_by_a_comma_leaves_the_main_verb_its_subject() {
    let s = "La Banque asiatique (BAII), dont le siège est à Pékin, a approuvé un prêt.";
    let clauses = read(s, Lang::Fr, &[span(s, "approuvé")], &[]);
    assert!(!clauses[0].relative);
    assert_eq!(
        clauses[0].subject.map(|(a, b)| &s[a..b]),
        Some("La Banque asiatique (BAII)")
    );
    let s = "The fund, which opened in 2019, would invest $2 billion.";
    assert_eq!(subject_text(s, "invest", &[], Lang::En), Some("The fund"));
    // Still open at the verb, the relative keeps it.
    let s = "Il s'est rendu à Och, où il a rencontré des élus.";
    assert_eq!(subject_text(s, "rencontré", &[], Lang::Fr), Some("il a"));
}
