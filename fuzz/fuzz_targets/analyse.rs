//! The whole per-document extraction on arbitrary text. The first byte picks the language
//! (French, English, undetermined, or detected) and whether a publication date is known; the
//! rest is the text. Beyond not panicking, every row must point inside its document.
#![no_main]

use chrono::NaiveDate;
use communique::{analyse, Document, Lang, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let doc = Document {
        doc_id: "fuzz".into(),
        text: Some(text.clone()),
        lang: [Some(Lang::Fr), Some(Lang::En), Some(Lang::Und), None][usize::from(control & 3)],
        published: (control & 4 != 0)
            .then(|| NaiveDate::from_ymd_opt(2023, 2, 28))
            .flatten(),
        ..Default::default()
    };
    let a = analyse(&doc, &Options::default());
    let row = a.document.expect("a document row");
    assert_eq!(row.doc_id, "fuzz");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(row.n_chars as usize, chars.len());
    let span = |start: u32, end: u32| -> String {
        assert!(
            start <= end && end as usize <= chars.len(),
            "{start}..{end} outside the text"
        );
        chars[start as usize..end as usize].iter().collect()
    };
    for m in &a.mentions {
        assert!(m.sentence < row.n_sentences);
        assert_eq!(span(m.start, m.end), m.text);
    }
    for e in &a.events {
        assert!(e.sentence < row.n_sentences);
        assert_eq!(span(e.start, e.end), e.trigger);
        assert!(text.contains(&e.evidence));
    }
    for c in &a.commitments {
        assert!(c.sentence < row.n_sentences);
        assert_eq!(span(c.start, c.end), c.text);
        assert!(c.amount.is_finite());
    }
});
