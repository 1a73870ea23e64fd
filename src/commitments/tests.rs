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

fn statuses(text: &str, lang: Lang) -> Vec<&'static str> {
    commitments(text, lang).into_iter().map(|c| c.1).collect()
}

#[test]
fn a_sum_committed_in_the_pluperfect_or_already_is_previous() {
    let text =
        "Ce prêt s'ajoute aux 70 millions de dollars que la banque avait accordés au pays en 2019.";
    assert_eq!(statuses(text, Lang::Fr), ["previous"]);
    let text = "The credit adds to the $80 million that Japan had extended in 2018.";
    assert_eq!(statuses(text, Lang::En), ["previous"]);
    // "déjà" in a relative clause wins over the plan of the main clause, which keeps its own.
    let text = "Le fonds koweïtien, qui avait déjà investi 2,5 milliards de dollars en 2020, devrait y consacrer 3 milliards de dollars au cours des cinq prochaines années.";
    assert_eq!(statuses(text, Lang::Fr), ["previous", "target"]);
    // A plan said in the pluperfect stays a plan.
    let text = "Le ministre avait évoqué des accords pour un montant de 6 milliards de dollars, un chiffre qui pourrait évoluer.";
    assert_ne!(statuses(text, Lang::Fr), ["previous"]);
}

#[test]
fn respectively_gives_each_sum_its_payer() {
    let text = "The European Union and the World Bank will provide a further €30 million and $45 million respectively to the programme.";
    assert_eq!(
        commitments(text, Lang::En),
        [
            (
                "€30 million".to_string(),
                "additional",
                Some("eu".to_string())
            ),
            (
                "$45 million".to_string(),
                "additional",
                Some("world_bank".to_string())
            ),
        ]
    );
    let text = "La France et l'Allemagne verseront respectivement 20 millions d'euros et 15 millions d'euros au fonds.";
    assert_eq!(
        donors(text, Lang::Fr),
        [Some("FRA".to_string()), Some("DEU".to_string())]
    );
}

#[test]
fn a_lender_named_after_the_sum_is_the_donor() {
    let text = "Mongolia signed a $90 million loan agreement with the Asian Development Bank to build roads.";
    assert_eq!(donors(text, Lang::En), [Some("adb".to_string())]);
}

#[test]
fn a_possessive_subject_pays_for_what_it_stands_for() {
    let text = "Qatar is a donor now. Its investment authority granted $75 million to Kyrgyzstan for schools.";
    assert_eq!(donors(text, Lang::En), [Some("QAT".to_string())]);
}

#[test]
fn a_body_pays_not_the_nationality_word_beside_it() {
    let text = "Il a été noté que l'agence japonaise JICA a déjà accordé au Kirghizstan des dons de 30 millions de dollars.";
    assert_eq!(donors(text, Lang::Fr), [Some("jica".to_string())]);
}

#[test]
fn a_relative_clause_between_subject_and_verb_names_no_payer() {
    let text = "Le fonds souverain saoudien, qui avait investi en Ouzbékistan en 2021, devrait consacrer 2 milliards de dollars au Kazakhstan.";
    assert_eq!(donors(text, Lang::Fr), [Some("SAU".to_string())]);
}

#[test]
fn a_fund_found_by_its_shape_stands_for_its_owner() {
    let text = "Earlier the Silk Road Fund had allocated 300 million US dollars for solar plants in Uzbekistan.";
    assert_eq!(donors(text, Lang::En), [Some("CHN".to_string())]);
}

#[test]
fn negotiations_hold_back_only_the_sum_they_are_about() {
    let text = "Le Japon et la Corée devraient apporter 3 milliards de dollars à un fonds pour l'eau, mais les négociations se poursuivent sur un prêt de 900 millions de dollars.";
    assert_eq!(
        commitments(text, Lang::Fr)
            .into_iter()
            .map(|c| c.0)
            .collect::<Vec<_>>(),
        ["3 milliards de dollars"]
    );
    let text = "Talks are still under way on a $2 billion loan for the rail link.";
    assert!(commitments(text, Lang::En).is_empty());
}

#[test]
fn overlapping_mentions_do_not_panic() {
    // Payers read by their neighbours: the nearest bodies before a sum no verb governs, and
    // the bodies "respectivement" pairs with the sums.
    let text = "Pour la Banque mondiale et la France, un prêt de 10 millions de dollars. \
                L'Allemagne et la Corée verseront respectivement 5 millions d'euros et 4 millions d'euros.";
    let mut doc = Document::new("t", text);
    doc.lang = Some(Lang::Fr);
    let sentences = crate::text::segment::sentences(text, None);
    let ctx = DocContext::new(&doc, text, Lang::Fr, sentences);
    let mut found = crate::actors::extract(&ctx, &Lexicon::bundled());
    assert!(found.mentions.len() >= 2);
    // Every mention runs into the next one, and a few bytes into a multi-byte letter.
    let n = found.mentions.len();
    for i in 0..n - 1 {
        let next = found.mentions[i + 1].start;
        found.mentions[i].end = (next + 2).min(text.len());
    }
    let rows = super::rows(&ctx, &found, &[]);
    assert_eq!(rows.len(), 3);
}

/// `(amount as written, event trigger, event source)` of every commitment of `text`, through
/// the whole pipeline.
fn announced(text: &str, lang: Lang) -> Vec<(String, Option<String>, Option<String>)> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    let x = crate::pipeline::extract(&[doc], &crate::pipeline::Options::default());
    x.commitments
        .iter()
        .map(|c| {
            let event = x
                .events
                .iter()
                .find(|e| Some(&e.event_id) == c.event_id.as_ref());
            (
                c.text.clone(),
                event.map(|e| e.trigger.clone()),
                event.and_then(|e| e.source_actor.clone()),
            )
        })
        .collect()
}

#[test]
fn a_commitment_points_to_its_pledge_and_its_donor_is_the_source() {
    // The headline's pledge holds the body's: the body's sum points to it.
    let text = "Japan pledges $300 million to Kenya\n\nJapanese Foreign Minister Yoko Kamikawa met Kenyan President William Ruto on Monday and pledged $300 million in loans for the port.";
    let rows = announced(text, Lang::En);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some("pledges"));
    // The giving clause's subject, not the person named first, is the pledge's source.
    let text = "On Friday, he held talks with Armenian Prime Minister Nikol Pashinyan, and Beijing agreed to open a $250 million credit line for small businesses.";
    let rows = announced(text, Lang::En);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].2.as_deref(), Some("CHN"), "{rows:?}");
}

/// `(amount as written, status)` of every commitment row of `text` published on `published`.
fn dated_statuses(text: &str, lang: Lang, published: &str) -> Vec<(String, &'static str)> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    doc.published = published.parse().ok();
    let sentences = crate::text::segment::sentences(text, None);
    let ctx = DocContext::new(&doc, text, lang, sentences);
    let found = crate::actors::extract(&ctx, &Lexicon::bundled());
    super::rows(&ctx, &found, &[])
        .into_iter()
        .map(|r| (r.text, r.status))
        .collect()
}

#[test]
fn a_sum_committed_in_an_earlier_year_was_committed_before() {
    let text = "At the 2022 conference in Tunis, Japan promised $30 billion for Africa in 2022.";
    assert_eq!(
        dated_statuses(text, Lang::En, "2025-08-25"),
        [("$30 billion".to_string(), "previous")]
    );
    // The same sum in the article's own year is new.
    assert_eq!(
        dated_statuses(text, Lang::En, "2022-08-25"),
        [("$30 billion".to_string(), "new")]
    );
    let text = "L'Union européenne a accordé 15 millions d'euros au Turkménistan en 2023.";
    assert_eq!(
        dated_statuses(text, Lang::Fr, "2025-02-10"),
        [("15 millions d'euros".to_string(), "previous")]
    );
}

#[test]
fn a_whole_committed_before_and_its_parts_share_its_status() {
    let text = "The minister noted that the AIIB has already allocated a total of $1.1 billion to projects in Azerbaijan, including $600 million for the gas pipeline.";
    assert_eq!(
        dated_statuses(text, Lang::En, "2025-03-13"),
        [
            ("$1.1 billion".to_string(), "previous"),
            ("$600 million".to_string(), "previous")
        ]
    );
    // Without "already" the whole stays one, its parts new.
    let text = "The AIIB will provide a total of $1.1 billion to projects in Azerbaijan, including $600 million for the gas pipeline.";
    assert_eq!(
        dated_statuses(text, Lang::En, "2025-03-13"),
        [
            ("$1.1 billion".to_string(), "total"),
            ("$600 million".to_string(), "new")
        ]
    );
}

#[test]
fn a_pronoun_after_a_reporting_verb_stands_for_the_speaker() {
    let text = "Tajik President Emomali Rahmon opened the summit. The World Bank said it would provide $250 million to the region for irrigation.";
    assert_eq!(donors(text, Lang::En), [Some("world_bank".to_string())]);
    let text = "Le président tadjik Emomali Rahmon a ouvert le sommet. La Banque mondiale a annoncé qu'elle accordera 250 millions de dollars à la région.";
    assert_eq!(donors(text, Lang::Fr), [Some("world_bank".to_string())]);
    // "It" never stands for a person.
    let text = "President Emomali Rahmon opened the summit. It will provide $5 million.";
    assert_eq!(donors(text, Lang::En), [None]);
}

#[test]
fn sums_that_add_up_to_a_commitment_are_its_parts() {
    let text = "La JICA a signé un accord de prêt de 120 millions de dollars. Ce prêt financera la route : 80 millions de dollars iront au tronçon nord et 40 millions de dollars au tronçon sud.";
    assert_eq!(
        commitments(text, Lang::Fr),
        [
            (
                "120 millions de dollars".to_string(),
                "total",
                Some("jica".to_string())
            ),
            (
                "80 millions de dollars".to_string(),
                "new",
                Some("jica".to_string())
            ),
            (
                "40 millions de dollars".to_string(),
                "new",
                Some("jica".to_string())
            ),
        ]
    );
    // Sums that do not add up to it are no parts.
    let text = "La JICA a signé un accord de prêt de 120 millions de dollars. Les échanges ont atteint 80 millions de dollars en 2023 et 30 millions de dollars en 2024.";
    assert_eq!(commitments(text, Lang::Fr).len(), 1);
}

#[test]
fn the_subject_after_a_dateline_pays() {
    let text = "NUR-SULTAN, Oct 3 (Reuters) - The Asian Development Bank will lend Kazakhstan $350 million to modernise its grid.";
    assert_eq!(donors(text, Lang::En), [Some("adb".to_string())]);
}

#[test]
fn the_nationality_of_what_is_given_names_the_payer() {
    let text = "Les chefs des États ont convenu de porter le volume des investissements coréens dans l'économie kazakhstanaise jusqu'à 5 milliards de dollars.";
    assert_eq!(donors(text, Lang::Fr), [Some("KOR".to_string())]);
    let text = "The leaders agreed to raise Korean investment in the Kazakh economy to $5 billion.";
    assert_eq!(donors(text, Lang::En), [Some("KOR".to_string())]);
}

#[test]
fn an_intention_to_give_sets_a_target() {
    let text = "Les entreprises chinoises ont l'intention d'investir 2 milliards de dollars au Kazakhstan.";
    assert_eq!(
        commitments(text, Lang::Fr),
        [(
            "2 milliards de dollars".to_string(),
            "target",
            Some("CHN".to_string())
        )]
    );
}

#[test]
fn the_lender_stands_for_the_lending_body_told_before() {
    let text = "The Asian Development Bank will lend Kazakhstan $350 million. The Manila-based lender has committed more than $6 billion to Kazakhstan since 1994.";
    assert_eq!(
        donors(text, Lang::En),
        [Some("adb".to_string()), Some("adb".to_string())]
    );
}

#[test]
fn a_sum_whose_clause_lists_bare_figures_is_their_whole() {
    let text = "Le fonds saoudien a annoncé une enveloppe de 500 millions de dollars pour le Tadjikistan, dont 300 millions pour la centrale et 200 millions pour les routes.";
    assert_eq!(dated_statuses(text, Lang::Fr, "2024-06-01")[0].1, "total");
    // A clause that goes on about something else leaves the sum new.
    let text = "Le fonds saoudien a annoncé une enveloppe de 500 millions de dollars pour le Tadjikistan, dont la population compte 10 millions d'habitants.";
    assert_eq!(dated_statuses(text, Lang::Fr, "2024-06-01")[0].1, "new");
}

#[test]
fn a_last_sum_told_respectively_is_the_last_payers() {
    let text = "Les Émirats arabes unis et le Qatar devraient apporter respectivement 2 milliards et 1 milliard de dollars à un fonds régional pour l'eau.";
    assert_eq!(donors(text, Lang::Fr), [Some("QAT".to_string())]);
}

#[test]
fn a_first_sum_told_respectively_is_the_first_payers() {
    let text = "The United Arab Emirates and Qatar would provide $2 billion and 1 billion respectively to a regional water fund.";
    assert_eq!(donors(text, Lang::En), [Some("ARE".to_string())]);
}
