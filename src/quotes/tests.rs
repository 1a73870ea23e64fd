use super::*;
use crate::lexicon::Lexicon;
use crate::text;
use crate::Document;

/// Quoted words, speaker id, speaker span text, cue and kind of a quotation.
type Found = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    &'static str,
);

/// Each quotation of `text`, as [`Found`].
fn quotes_of(text: &str, lang: Lang) -> Vec<Found> {
    let doc = Document::new("t", text);
    let sentences = text::segment::sentences(text, None);
    let ctx = DocContext::new(&doc, text, lang, sentences);
    let found = crate::actors::extract(&ctx, &Lexicon::bundled());
    let slice = |span: Option<(usize, usize)>| span.map(|(s, e)| text[s..e].to_string());
    extract(&ctx, &found)
        .into_iter()
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                q.speaker.map(|a| found.actors[a].id.clone()),
                slice(q.speaker_span),
                slice(q.cue),
                q.kind.as_str(),
            )
        })
        .collect()
}

#[test]
fn a_direct_quote_after_its_speaker() {
    let got = quotes_of(
        "Antony Blinken a déclaré : « Nous soutenons la souveraineté du Kazakhstan. »",
        Lang::Fr,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Nous soutenons la souveraineté du Kazakhstan.");
    assert_eq!(got[0].1.as_deref(), Some("antony_blinken"));
    assert_eq!(got[0].3.as_deref(), Some("a déclaré"));
    assert_eq!(got[0].4, "direct");
}

type Row = (&'static str, Option<&'static str>, &'static str);

/// (quoted words, speaker id, kind) of each quotation.
fn brief(text: &str, lang: Lang) -> Vec<(String, Option<String>, &'static str)> {
    quotes_of(text, lang)
        .into_iter()
        .map(|(words, speaker, _, _, kind)| (words, speaker, kind))
        .collect()
}

fn assert_quotes(text: &str, lang: Lang, expected: &[Row]) {
    let got = brief(text, lang);
    let expected: Vec<(String, Option<String>, &str)> = expected
        .iter()
        .map(|(w, s, k)| (w.to_string(), s.map(str::to_string), *k))
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn an_inverted_pronoun_after_the_quote_is_the_last_person_named() {
    assert_quotes(
        "Antony Blinken est arrivé à Astana. « Nous sommes là pour longtemps », a-t-il ajouté.",
        Lang::Fr,
        &[(
            "Nous sommes là pour longtemps",
            Some("antony_blinken"),
            "direct",
        )],
    );
    let got = quotes_of(
        "Antony Blinken est arrivé. « Nous restons », poursuit-il.",
        Lang::Fr,
    );
    assert_eq!(got[0].2.as_deref(), Some("il"));
    assert_eq!(got[0].3.as_deref(), Some("poursuit"));
}

#[test]
fn english_speakers_before_and_after_the_cue() {
    assert_quotes(
        "\u{201c}We agree on the goals,\u{201d} Blinken said. \u{201c}The work starts now,\u{201d} said Antony Blinken.",
        Lang::En,
        &[
            ("We agree on the goals", Some("antony_blinken"), "direct"),
            ("The work starts now", Some("antony_blinken"), "direct"),
        ],
    );
}

#[test]
fn reported_speech_after_que_and_that() {
    assert_quotes(
        "Mukhtar Tileuberdi a souligné qu'il fallait renforcer le corridor transcaspien.",
        Lang::Fr,
        &[(
            "il fallait renforcer le corridor transcaspien",
            Some("mukhtar_tileuberdi"),
            "indirect",
        )],
    );
    assert_quotes(
        "Antony Blinken said on Monday that the talks had been productive.",
        Lang::En,
        &[(
            "the talks had been productive",
            Some("antony_blinken"),
            "indirect",
        )],
    );
}

#[test]
fn selon_and_according_to_name_their_source() {
    assert_quotes(
        "Selon Mukhtar Tileuberdi, les échanges ont doublé en cinq ans.",
        Lang::Fr,
        &[(
            "les échanges ont doublé en cinq ans",
            Some("mukhtar_tileuberdi"),
            "indirect",
        )],
    );
    assert_quotes(
        "The deal will be signed in June, according to Antony Blinken.",
        Lang::En,
        &[(
            "The deal will be signed in June",
            Some("antony_blinken"),
            "indirect",
        )],
    );
    // No speaker named: an estimate, not reported speech.
    assert!(brief(
        "Selon les estimations, la croissance atteindra 5 %.",
        Lang::Fr
    )
    .is_empty());
}

#[test]
fn quotes_spanning_sentences_and_nested_quotes_are_one_row() {
    assert_quotes(
        "Antony Blinken a déclaré : « Le mot “partenariat” a un sens. Nous le prouverons. »",
        Lang::Fr,
        &[(
            "Le mot “partenariat” a un sens. Nous le prouverons.",
            Some("antony_blinken"),
            "direct",
        )],
    );
}

#[test]
fn a_quote_after_an_attributed_one_continues_it() {
    assert_quotes(
        "« Nous avançons », a déclaré Mukhtar Tileuberdi. « Nous ne reculerons pas. »",
        Lang::Fr,
        &[
            ("Nous avançons", Some("mukhtar_tileuberdi"), "direct"),
            (
                "Nous ne reculerons pas.",
                Some("mukhtar_tileuberdi"),
                "direct",
            ),
        ],
    );
}

#[test]
fn a_title_with_a_nationality_stands_for_the_person_of_that_country() {
    assert_quotes(
        "Antony Blinken a rencontré Mukhtar Tileuberdi. « La région compte », a déclaré le \
         ministre kazakh des Affaires étrangères.",
        Lang::Fr,
        &[("La région compte", Some("mukhtar_tileuberdi"), "direct")],
    );
    assert_quotes(
        "Antony Blinken met Mukhtar Tileuberdi. \u{201c}Trade is growing,\u{201d} the Kazakh \
         minister said.",
        Lang::En,
        &[("Trade is growing", Some("mukhtar_tileuberdi"), "direct")],
    );
}

#[test]
fn short_unattributed_quotes_are_terms_not_quotations() {
    assert!(brief("Le « format C5+1 » a dix ans.", Lang::Fr).is_empty());
    assert!(brief(
        "Le ministre a plaidé pour un « corridor médian ».",
        Lang::Fr
    )
    .is_empty());
    assert!(brief("The so-called \"Middle Corridor\" is growing.", Lang::En).is_empty());
}

#[test]
fn odd_text_gives_no_quotation_and_no_panic() {
    for text in [
        "« « « »",
        "\"",
        "”“ » «",
        "a déclaré que",
        "said that",
        "Selon",
        "« 😀 », a-t-il",
        "a-t-il dit « x »\n\"",
    ] {
        let _ = brief(text, Lang::Fr);
        let _ = brief(text, Lang::En);
    }
    assert!(brief("a déclaré que", Lang::Fr).is_empty());
}
