use chrono::NaiveDate;

use super::*;
use crate::document::{Document, Lang};
use crate::lexicon::Lexicon;

/// The events of `text` published on `published` (ISO date, or none).
fn events(text: &str, lang: Lang, published: Option<&str>) -> Vec<Event> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    doc.published = published.and_then(|p| p.parse().ok());
    let sentences = crate::text::segment::sentences(text, None);
    let ctx = DocContext::new(&doc, text, lang, sentences);
    let found = crate::actors::extract(&ctx, &Lexicon::bundled());
    extract(&ctx, &found)
}

fn day(iso: &str) -> Option<NaiveDate> {
    iso.parse().ok()
}

fn of_type<'e>(events: &'e [Event], subtype: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.subtype == subtype)
        .unwrap_or_else(|| panic!("no {subtype} event in {events:?}"))
}

#[test]
fn a_dateline_gives_the_venue_not_the_day() {
    let text = "SEOUL, Dec. 17 (Yonhap) -- South Korean President Moon Jae-in held talks with Uzbek President Shavkat Mirziyoyev on Thursday, his office said.";
    let found = events(text, Lang::En, Some("2021-12-17"));
    let talks = &found[0];
    assert_eq!(talks.location.as_deref(), Some("seoul"));
    assert_eq!(talks.date, day("2021-12-16"));
    // The agency of a doubled-dash dateline takes no part.
    let text = "ASTANA, 12 mars (Xinhua) -- Le président kazakh Kassym-Jomart Tokaïev s'est entretenu mardi avec le chancelier allemand Olaf Scholz.";
    let found = events(text, Lang::Fr, Some("2024-03-12"));
    assert_eq!(found[0].location.as_deref(), Some("astana"));
    assert!(
        !found[0].actors.iter().any(|a| a == "xinhua"),
        "{:?}",
        found[0].actors
    );
}

#[test]
fn without_a_publication_date_days_count_from_the_texts_full_date() {
    let text = "Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon on Thursday in Dushanbe. The summit opened on July 5, 2024.";
    let found = events(text, Lang::En, None);
    assert_eq!(found[0].date, day("2024-07-04"));
    assert_eq!(
        events(text.split(". ").next().unwrap_or(text), Lang::En, None)[0].date,
        None
    );
}

#[test]
fn a_sentence_set_at_a_meeting_takes_its_day_and_place() {
    let text = "Le président kazakh Kassym-Jomart Tokaïev s'est entretenu mardi à Astana avec le chancelier allemand Olaf Scholz. Lors de la réunion, les délégations ont signé des accords dans l'énergie.";
    let found = events(text, Lang::Fr, Some("2024-03-14"));
    let signing = of_type(&found, "signing");
    assert_eq!(signing.date, day("2024-03-12"));
    assert_eq!(signing.location.as_deref(), Some("astana"));
    let text = "Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon on Thursday in Dushanbe. In the presence of the two leaders, the ministers signed agreements on energy.";
    let found = events(text, Lang::En, Some("2024-07-05"));
    assert_eq!(of_type(&found, "signing").date, day("2024-07-04"));
}

#[test]
fn the_day_before_counts_from_the_latest_dated_happening() {
    let text = "Le président Kassym-Jomart Tokaïev a eu mardi un entretien téléphonique avec le président ouzbek Shavkat Mirziyoyev. La veille, il avait reçu à Astana le Premier ministre kirghize Akylbek Japarov.";
    let found = events(text, Lang::Fr, Some("2023-02-15"));
    let host = found
        .iter()
        .find(|e| e.actors.iter().any(|a| a == "akylbek_japarov"));
    assert_eq!(host.map(|e| e.date), Some(day("2023-02-13")));
}

#[test]
fn a_host_city_and_a_place_arrived_at_are_venues() {
    let text = "Bichkek a accueilli jeudi le forum économique, en présence du Premier ministre kirghize Akylbek Japarov et du ministre chinois des Affaires étrangères Wang Yi.";
    let found = events(text, Lang::Fr, Some("2025-04-03"));
    assert_eq!(found[0].location.as_deref(), Some("bishkek"));
    let text = "Le ministre chinois des Affaires étrangères Wang Yi a gagné Och, où il a rencontré le président Sadyr Japarov.";
    let found = events(text, Lang::Fr, Some("2025-04-03"));
    assert_eq!(found[0].location.as_deref(), Some("osh"));
}

#[test]
fn two_cities_said_are_two_happenings() {
    let text = "Le ministre chinois Wang Yi a gagné Och, où il a rencontré le président Sadyr Japarov. De retour à Bichkek, Wang Yi s'est entretenu avec le président Sadyr Japarov.";
    let found = events(text, Lang::Fr, Some("2025-04-03"));
    let places: Vec<_> = found.iter().map(|e| e.location.as_deref()).collect();
    assert_eq!(places, [Some("osh"), Some("bishkek")]);
}

#[test]
fn a_region_given_to_is_no_venue() {
    let text = "In Tashkent, Japanese Foreign Minister Yoko Kamikawa said Japan will allocate $20 million to Central Asian countries.";
    let found = events(text, Lang::En, Some("2023-09-20"));
    let pledge = of_type(&found, "pledge");
    assert_eq!(pledge.location.as_deref(), Some("tashkent"));
    assert!(pledge.actors.iter().any(|a| a == "central_asia"));
}

#[test]
fn a_happening_called_off_is_no_event() {
    let text =
        "Une visite du président kirghize Sadyr Japarov à Pékin, prévue en mai, a été annulée.";
    assert!(events(text, Lang::Fr, Some("2025-04-03")).is_empty());
    let text = "Une visite du président kirghize Sadyr Japarov à Pékin est prévue en mai.";
    assert_eq!(events(text, Lang::Fr, Some("2025-04-03")).len(), 1);
}

#[test]
fn a_plan_sets_no_place_for_what_follows() {
    let text = "Le président Kassym-Jomart Tokaïev a reçu à Astana le président Shavkat Mirziyoyev. Ils ont évoqué la visite du président ouzbek à Tachkent, prévue en avril. Le président Tokaïev a ensuite salué le ministre kirghize Jeenbek Kulubaev.";
    let found = events(text, Lang::Fr, Some("2023-02-14"));
    let last = found.last().map(|e| e.location.as_deref());
    assert_eq!(last, Some(Some("astana")), "{found:?}");
}

#[test]
fn the_source_is_the_person_before_the_cue_and_the_target_not_of_their_side() {
    let text = "Le président du Kazakhstan, Kassym-Jomart Tokaïev, a eu mardi un entretien téléphonique avec le président ouzbek Shavkat Mirziyoyev.";
    let call = &events(text, Lang::Fr, Some("2023-02-14"))[0];
    assert_eq!(call.source_actor.as_deref(), Some("kassym_jomart_tokayev"));
    assert_eq!(call.target_actor.as_deref(), Some("UZB"));
}

#[test]
fn a_pronoun_subject_brings_its_antecedent() {
    let text = "Le chancelier allemand Olaf Scholz est arrivé à Astana. Il a salué la qualité du partenariat avec le Kazakhstan.";
    let found = events(text, Lang::Fr, Some("2024-03-12"));
    let praise = of_type(&found, "endorse");
    assert_eq!(praise.source_actor.as_deref(), Some("olaf_scholz"));
    assert!(
        praise.actors.iter().any(|a| a == "DEU"),
        "{:?}",
        praise.actors
    );
}

#[test]
fn a_tour_is_not_its_first_stop() {
    let text = "The European Union's special representative began a tour of Central Asia. On Monday, in Astana, he met Kazakh Foreign Minister Murat Nurtleu.";
    let found = events(text, Lang::En, Some("2025-02-20"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].date, None);
    assert_eq!(found[1].date, day("2025-02-17"));
}

#[test]
fn money_still_negotiated_is_no_aid() {
    let text = "Les négociations se poursuivent avec le Tadjikistan sur un prêt de 100 millions de dollars.";
    assert!(events(text, Lang::Fr, Some("2023-05-18")).is_empty());
    let text = "La BERD a accordé au Tadjikistan un prêt de 100 millions de dollars.";
    assert_eq!(events(text, Lang::Fr, Some("2023-05-18")).len(), 1);
}

#[test]
fn a_sentence_without_a_happening_moves_the_story_to_its_city() {
    let text = "Chinese Premier Li Qiang held talks with Georgian Prime Minister Irakli Kobakhidze in Tbilisi on Monday. Li then flew to Yerevan. On Wednesday, he held talks with Armenian Prime Minister Nikol Pashinyan.";
    let found = events(text, Lang::En, Some("2025-09-26"));
    let last = found.last().expect("the talks in Yerevan");
    assert_eq!(last.location.as_deref(), Some("yerevan"), "{found:?}");
    let text = "British Foreign Secretary David Lammy announced new funding for the region. Speaking in Almaty on Tuesday, he said the UK would stand with its partners. He met Kazakh Foreign Minister Murat Nurtleu.";
    let found = events(text, Lang::En, Some("2024-11-13"));
    assert_eq!(
        of_type(&found, "meeting").location.as_deref(),
        Some("almaty")
    );
    // A place said further in the sentence, of earlier meetings, moves nothing.
    let text = "Le ministre japonais a rencontré mardi à Astana son homologue kazakh. Il s'agissait de leur troisième rencontre, après des échanges à New York en décembre. Le ministre a ensuite été reçu par le président Kassym-Jomart Tokaïev.";
    let found = events(text, Lang::Fr, Some("2024-03-14"));
    assert!(
        found
            .iter()
            .all(|e| e.location.as_deref() == Some("astana")),
        "{found:?}"
    );
}

#[test]
fn a_relative_clause_in_the_pluperfect_tells_an_earlier_happening_aside() {
    let text = "On September 18, in Tbilisi, Chinese Premier Li Qiang and Georgian Prime Minister Irakli Kobakhidze, who had met Chinese officials at a forum in Beijing a year earlier, oversaw the signing of agreements worth $1.8 billion. Later that week Li held talks with Armenian officials.";
    let found = events(text, Lang::En, Some("2025-09-29"));
    let earlier = found
        .iter()
        .find(|e| e.aside)
        .expect("the forum, told aside");
    assert_eq!(earlier.date, None);
    assert_eq!(earlier.location.as_deref(), Some("beijing"));
    let later = found.last().expect("the later talks");
    assert_ne!(later.location.as_deref(), Some("beijing"), "{found:?}");
}

#[test]
fn a_circumstance_with_its_own_day_and_place_sets_what_the_sentence_tells() {
    let text = "On September 20, Chinese Premier Li Qiang held talks with Armenian Prime Minister Nikol Pashinyan in Yerevan. The European Union will invest €500 million in the cable, European Commission President Ursula von der Leyen said at the summit held on September 25 in Baku.";
    let found = events(text, Lang::En, Some("2025-09-29"));
    let summit = of_type(&found, "multilateral");
    assert_eq!(summit.date, day("2025-09-25"));
    assert_eq!(summit.location.as_deref(), Some("baku"));
    let pledge = of_type(&found, "pledge");
    assert_eq!(
        (pledge.date, pledge.location.as_deref()),
        (day("2025-09-25"), Some("baku"))
    );
}

#[test]
fn talks_still_going_on_are_no_happening() {
    let text = "Negotiations continue on a $400 million credit line from the Japan Bank for International Cooperation.";
    assert!(events(text, Lang::En, Some("2024-03-05")).is_empty());
    let text =
        "Les négociations se poursuivent avec la Banque mondiale sur un crédit pour l'énergie.";
    assert!(events(text, Lang::Fr, Some("2024-03-05")).is_empty());
    let text = "Negotiations between Japan and the World Bank opened in Tokyo on Monday.";
    assert!(!events(text, Lang::En, Some("2024-03-05")).is_empty());
}

#[test]
fn a_dateline_between_slashes_gives_the_venue() {
    let text = "Bichkek, 9 avril 2024 / Kabar /. Le président Sadyr Japarov a reçu mardi l'ambassadeur de la République de Corée.";
    let found = events(text, Lang::Fr, Some("2024-04-10"));
    assert_eq!(found[0].location.as_deref(), Some("bishkek"), "{found:?}");
}

#[test]
fn a_plan_reported_from_a_participant_was_voiced_at_the_happening_before() {
    let text = "Le président kirghiz Sadyr Japarov a eu mardi un entretien téléphonique avec le Premier ministre chinois Li Qiang. Li Qiang a noté que la Chine allouera un crédit de 300 millions de dollars au Kirghizstan.";
    let found = events(text, Lang::Fr, Some("2024-04-11"));
    assert_eq!(
        of_type(&found, "pledge").date,
        day("2024-04-09"),
        "{found:?}"
    );
    // Someone who took no part in it voiced the plan on a day of their own.
    let text = "Le président kirghiz Sadyr Japarov a eu mardi un entretien téléphonique avec le Premier ministre chinois Li Qiang. Le président russe Vladimir Poutine a noté que la Russie allouera un crédit de 300 millions de dollars au Kirghizstan.";
    let found = events(text, Lang::Fr, Some("2024-04-11"));
    assert_eq!(of_type(&found, "pledge").date, None, "{found:?}");
}

#[test]
fn the_weekday_of_a_plan_is_the_coming_one() {
    // Published on a Wednesday: "jeudi" of a plan is the next day, of a report the last one.
    let text = "Mme Renaud-Basso se rendra jeudi à Noukous pour visiter une station de pompage.";
    let found = events(text, Lang::Fr, Some("2025-05-14"));
    assert_eq!(of_type(&found, "intent").date, day("2025-05-15"));
    let text = "During his visit, Jin Liqun is also expected to be received by President Ilham Aliyev on Friday.";
    let found = events(text, Lang::En, Some("2025-03-13"));
    assert_eq!(of_type(&found, "intent").date, day("2025-03-14"));
    let text =
        "Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon on Friday.";
    let found = events(text, Lang::En, Some("2025-03-13"));
    assert_eq!(found[0].date, day("2025-03-07"));
}

#[test]
fn a_region_said_yields_to_the_city_the_story_is_set_in() {
    let text = "BICHKEK, 17 avril (AKIpress) – Le président kirghize Sadyr Japarov a reçu mardi le ministre japonais des Affaires étrangères, Takeshi Iwaya, arrivé la veille pour une tournée en Asie centrale.";
    let found = events(text, Lang::Fr, Some("2025-04-17"));
    assert_eq!(of_type(&found, "host").location.as_deref(), Some("bishkek"));
    // Alone, the region is the place.
    let text = "Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Central Asia on Friday.";
    let found = events(text, Lang::En, Some("2025-03-13"));
    assert_eq!(found[0].location.as_deref(), Some("central_asia"));
}

#[test]
fn a_visit_is_paid_to_the_country_of_its_venue() {
    let text =
        "ADB President Masatsugu Asakawa arrived in Nur-Sultan on Friday for a two-day visit.";
    let found = events(text, Lang::En, Some("2021-10-03"));
    let visit = of_type(&found, "visit");
    assert!(
        visit.actors.iter().any(|a| a == "KAZ"),
        "{:?}",
        visit.actors
    );
    let text = "On 13 March Wang Yi arrived to Tashkent.";
    let found = events(text, Lang::En, Some("2025-03-13"));
    assert_eq!(
        of_type(&found, "visit").location.as_deref(),
        Some("tashkent")
    );
}

#[test]
fn an_opening_speech_is_given_at_the_meeting_told() {
    let text = "Leaders of the five Central Asian states met in Dushanbe on Friday for a summit hosted by Tajik President Emomali Rahmon. In his opening speech, Rahmon urged donors to fund glacier monitoring.";
    let found = events(text, Lang::En, Some("2025-05-31"));
    let appeal = of_type(&found, "appeal");
    assert_eq!(appeal.date, day("2025-05-30"));
    assert_eq!(appeal.location.as_deref(), Some("dushanbe"));
}

#[test]
fn the_parties_that_sign_are_those_of_the_meeting_told() {
    let text = "On 12 March, Minister of Economy Mikayil Jabbarov met with the President of the Asian Infrastructure Investment Bank, Jin Liqun, in Baku. Following the meeting, the parties signed a loan agreement.";
    let found = events(text, Lang::En, Some("2025-03-13"));
    let signing = of_type(&found, "signing");
    assert!(
        signing
            .actors
            .iter()
            .any(|a| a.ends_with("mikayil_jabbarov")),
        "{:?}",
        signing.actors
    );
    assert_eq!(signing.date, day("2025-03-12"));
}

#[test]
fn a_clause_naming_nobody_goes_on_telling_the_occasion_before() {
    let text = "Le président tadjik Emomali Rahmon s'est rendu à Riyad le 12 mars 2024. Il y a été reçu par le prince héritier Mohammed ben Salmane.";
    let found = events(text, Lang::Fr, Some("2024-06-01"));
    assert_eq!(of_type(&found, "host").date, day("2024-03-12"));
    // A subject that names someone tells an occasion of its own.
    let text = "Le président tadjik Emomali Rahmon s'est rendu à Riyad le 12 mars 2024. Le prince héritier Mohammed ben Salmane a reçu le ministre ouzbek des Affaires étrangères.";
    let found = events(text, Lang::Fr, Some("2024-06-01"));
    assert_eq!(of_type(&found, "host").date, None);
}

#[test]
fn what_is_still_negotiated_is_neither_pledged_nor_given() {
    let text = "Negotiations continue on a $500 million climate fund backed by the World Bank.";
    let found = events(text, Lang::En, Some("2025-05-31"));
    assert!(
        found
            .iter()
            .all(|e| e.event_type != "AID" && e.event_type != "AGREE"),
        "{found:?}"
    );
    let text = "Les négociations se poursuivent sur un prêt de 300 millions d'euros de la Banque mondiale.";
    let found = events(text, Lang::Fr, Some("2025-05-31"));
    assert!(
        found
            .iter()
            .all(|e| e.event_type != "AID" && e.event_type != "AGREE"),
        "{found:?}"
    );
    // Given, the fund is an event.
    let text = "The World Bank launched a $500 million climate fund for Central Asia.";
    let found = events(text, Lang::En, Some("2025-05-31"));
    assert!(
        found
            .iter()
            .any(|e| e.event_type == "AID" || e.event_type == "AGREE"),
        "{found:?}"
    );
}

#[test]
fn a_pronoun_after_an_opening_day_is_the_subject() {
    let text = "Chinese Foreign Minister Wang Yi began a tour of Central Asia on Monday in Astana. On Wednesday he arrived in Tashkent.";
    let found = events(text, Lang::En, Some("2024-03-14"));
    let arrival = found
        .iter()
        .find(|e| e.location.as_deref() == Some("tashkent"))
        .unwrap_or_else(|| panic!("no arrival in Tashkent in {found:?}"));
    assert!(
        arrival.actors.iter().any(|a| a == "wang_yi"),
        "{:?}",
        arrival.actors
    );
    assert_eq!(arrival.date, day("2024-03-13"));
}

#[test]
fn a_role_phrase_finds_the_person_titled_so_in_apposition() {
    let text = "The European Union's Commissioner for International Partnerships, Jozef Síkela, arrived in Ashgabat on Monday. On Tuesday, Síkela held talks with Turkmen Foreign Minister Rashid Meredov. On Wednesday, the commissioner travelled to Tashkent.";
    let found = events(text, Lang::En, Some("2025-06-18"));
    let trip = found
        .iter()
        .find(|e| e.sentence == 2)
        .unwrap_or_else(|| panic!("no event in the third sentence: {found:?}"));
    assert!(
        trip.actors.iter().any(|a| a.ends_with("sikela")),
        "{:?}",
        trip.actors
    );
}

#[test]
fn a_place_named_after_its_kind_is_the_venue() {
    let text = "The European Union's Commissioner for International Partnerships, Jozef Síkela, arrived in Ashgabat on Monday. The same day, the commissioner travelled to the Caspian port of Turkmenbashi, where he visited a container terminal.";
    let found = events(text, Lang::En, Some("2025-06-18"));
    assert!(
        found
            .iter()
            .any(|e| e.location.as_deref() == Some("turkmenbashi")),
        "{found:?}"
    );
}

#[test]
fn a_happening_of_an_earlier_year_does_not_move_the_story() {
    let text = "At TICAD 8 in Tunis in 2022, Japan promised $30 billion for Africa. On Thursday, Prime Minister Shigeru Ishiba held talks with Kenyan President William Ruto.";
    let found = events(text, Lang::En, Some("2025-08-25"));
    let talks = found
        .iter()
        .find(|e| e.sentence == 1)
        .unwrap_or_else(|| panic!("no talks in {found:?}"));
    assert_eq!(talks.location, None);
    // Dated this year, the same happening sets the story's place.
    let text = "At TICAD 8 in Tunis in 2025, Japan promised $30 billion for Africa. On Thursday, Prime Minister Shigeru Ishiba held talks with Kenyan President William Ruto.";
    let found = events(text, Lang::En, Some("2025-08-25"));
    let talks = found.iter().find(|e| e.sentence == 1);
    assert_eq!(talks.and_then(|e| e.location.as_deref()), Some("tunis"));
}

#[test]
fn a_clause_naming_nobody_after_a_scene_is_on_its_day() {
    let text = "Speaking in Almaty on 12 November 2024, British Foreign Secretary David Lammy said the UK would stand with its partners. He met Kazakh Foreign Minister Murat Nurtleu.";
    let found = events(text, Lang::En, Some("2024-11-13"));
    let met = found
        .iter()
        .find(|e| e.sentence == 1)
        .unwrap_or_else(|| panic!("no meeting in {found:?}"));
    assert_eq!(met.date, day("2024-11-12"));
    // Named anew, the subject tells a happening of its own day.
    let text = "Speaking in Almaty on 12 November 2024, British Foreign Secretary David Lammy said the UK would stand with its partners. Murat Nurtleu met Chinese Foreign Minister Wang Yi.";
    let found = events(text, Lang::En, Some("2024-11-13"));
    assert_eq!(
        found.iter().find(|e| e.sentence == 1).and_then(|e| e.date),
        None
    );
}
