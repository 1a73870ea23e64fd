//! The bounds that keep extraction linear in a document's length: unpunctuated text is cut into
//! sentences of bounded length, and per-document structures (event merging, repeated amounts,
//! the persons a name may stand for) are looked up, not rescanned. The time these bounds buy is
//! measured by `benchmarks/run.py`; these tests check the bounds themselves.

use communique::text::segment::{sentences, MAX_SENTENCE};
use communique::{analyse, Analysis, Document, Lang, Options};

/// A line of cues, an amount, a summit and a weekday, without a sentence break.
const LINE: &str = "a rencontré a signé verseront 25 millions de dollars sommet C5+1 mardi ";

fn french(text: &str) -> Analysis {
    let doc = Document {
        lang: Some(Lang::Fr),
        ..Document::new("long", text)
    };
    analyse(&doc, &Options::default())
}

#[test]
fn unpunctuated_text_is_cut_into_bounded_sentences_that_cover_it() {
    let text = LINE.repeat(8_000);
    let found = sentences(&text, None);
    assert!(found.len() >= text.len() / MAX_SENTENCE);
    let mut covered = 0;
    for s in &found {
        assert!(s.end - s.start <= MAX_SENTENCE);
        assert!(
            text[covered..s.start].trim().is_empty(),
            "no text is skipped"
        );
        covered = s.end;
    }
    assert_eq!(covered, text.trim_end().len());
}

#[test]
fn four_times_the_text_gives_at_most_four_times_the_rows() {
    let (short, long) = (french(&LINE.repeat(2_000)), french(&LINE.repeat(8_000)));
    for a in [&short, &long] {
        assert_eq!(a.document.as_ref().and_then(|d| d.error.as_deref()), None);
        assert!(a.events.iter().all(|e| e.evidence.len() <= MAX_SENTENCE));
        assert!(a
            .commitments
            .iter()
            .all(|c| c.evidence.len() <= MAX_SENTENCE));
    }
    // One mention of C5+1 a line, kept whatever the length.
    assert_eq!(short.mentions.len(), 2_000);
    assert_eq!(long.mentions.len(), 8_000);
    assert!(!short.events.is_empty() && !short.commitments.is_empty());
    assert!(long.events.len() <= 4 * short.events.len());
    assert!(long.commitments.len() <= 4 * short.commitments.len());
}

/// "Le ministre kazakh Bakar Tulem a rencontré…": thousands of distinct persons and events.
fn roll_call(sentences: usize) -> String {
    let syllables = ["ba", "ke", "lo", "mi", "nu", "ra", "si", "tu", "vo", "za"];
    let name = |mut n: usize| {
        let mut word = String::new();
        for _ in 0..4 {
            word.push_str(syllables[n % syllables.len()]);
            n /= syllables.len();
        }
        let mut chars = word.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    };
    (0..sentences)
        .map(|i| {
            format!(
                "Le ministre kazakh Adil {} a rencontré mardi à Astana le président Daniel {}. ",
                name(2 * i),
                name(2 * i + 1)
            )
        })
        .collect()
}

#[test]
fn a_document_naming_thousands_of_persons_keeps_each_of_them() {
    let (short, long) = (french(&roll_call(500)), french(&roll_call(2_000)));
    let persons = |a: &Analysis| a.actors.iter().filter(|r| r.kind == "person").count();
    assert_eq!(persons(&short), 1_000);
    assert_eq!(persons(&long), 4_000);
    // Each sentence tells a meeting of its own: none is merged with another far away.
    assert_eq!(short.events.len(), 500);
    assert_eq!(long.events.len(), 2_000);
}
