use crate::document::{Document, Lang};
use crate::lexicon::Lexicon;
use crate::view::DocContext;

/// `(amount as written, status, donor)` of every commitment row of `text`.
fn commitments(text: &str, lang: Lang) -> Vec<(String, &'static str, Option<String>)> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    let sentences = crate::text::segment::sentences(text, None);
    let ctx = DocContext::new(&doc, text, lang, sentences);
    let found = crate::actors::extract(&ctx, &Lexicon::bundled());
    super::rows(&ctx, &found, &[])
        .into_iter()
        .map(|r| (r.text, r.status, r.donor))
        .collect()
}

fn donors(text: &str, lang: Lang) -> Vec<Option<String>> {
    commitments(text, lang).into_iter().map(|c| c.2).collect()
}

#[test]
fn the_agent_of_a_passive_is_the_donor() {
    let text = "Le Japon a promis 10 millions de dollars. S'y ajoutent 5 millions d'euros déjà accordés par l'Union européenne.";
    assert_eq!(donors(text, Lang::Fr)[1].as_deref(), Some("eu"));
    let text = "Japan pledged $10 million, on top of $150 million that Korea had already extended.";
    assert_eq!(donors(text, Lang::En)[1].as_deref(), Some("KOR"));
}

#[test]
fn the_subject_of_the_giving_clause_pays_not_the_speaker() {
    let text = "Astana would invest $3 billion in the new port, the US envoy said.";
    assert_eq!(donors(text, Lang::En), [Some("KAZ".to_string())]);
    let text =
        "Selon le diplomate américain, Pékin va accorder 2 milliards de dollars au Tadjikistan.";
    assert_eq!(donors(text, Lang::Fr), [Some("CHN".to_string())]);
}

#[test]
fn a_pronoun_subject_pays_for_its_antecedent() {
    let text = "The European Union sent an envoy to Astana. On Monday he met Kazakh Foreign Minister Murat Nurtleu and announced a fund of 300 million euros.";
    assert_eq!(donors(text, Lang::En), [Some("eu".to_string())]);
}

#[test]
fn a_lender_the_deal_is_made_with_is_the_donor() {
    let text =
        "Kyrgyzstan signed a loan agreement with the Asian Development Bank for $50 million.";
    assert_eq!(donors(text, Lang::En), [Some("adb".to_string())]);
    // A partner that lends nothing stays the other party.
    let text = "La BERD a signé avec le Tadjikistan un prêt de 40 millions de dollars.";
    assert_eq!(donors(text, Lang::Fr), [Some("ebrd".to_string())]);
}

#[test]
fn a_programme_stands_for_its_owner() {
    let text = "Under the Belt and Road Initiative, $1.2 billion would be invested in the dam.";
    assert_eq!(donors(text, Lang::En), [Some("CHN".to_string())]);
}

#[test]
fn money_under_negotiation_is_no_commitment() {
    let text = "Les négociations se poursuivent sur un prêt de 100 millions de dollars.";
    assert!(commitments(text, Lang::Fr).is_empty());
    let text = "Talks are continuing on a 50 million euro loan for the gas sector.";
    assert!(commitments(text, Lang::En).is_empty());
    let text = "The bank signed a 50 million euro loan for the gas sector.";
    assert_eq!(commitments(text, Lang::En).len(), 1);
}

#[test]
fn intentions_and_years_to_come_are_targets() {
    let statuses =
        |text, lang| -> Vec<&str> { commitments(text, lang).into_iter().map(|c| c.1).collect() };
    let text = "Berlin a l'intention d'investir 500 millions d'euros dans l'hydrogène au cours des cinq prochaines années.";
    assert_eq!(statuses(text, Lang::Fr), ["target"]);
    let text = "Japan would invest $15 million in a rail project.";
    assert_eq!(statuses(text, Lang::En), ["target"]);
    let text = "Japan invested $15 million in a rail project.";
    assert_eq!(statuses(text, Lang::En), ["new"]);
    let text = "Les délégations ont signé des accords d'une valeur de 3 milliards d'euros.";
    assert_eq!(statuses(text, Lang::Fr), ["total"]);
}
