//! The date grammar on arbitrary text: spans on character boundaries, in order, without
//! overlaps; resolving any match against a publication date never panics.
#![no_main]

use chrono::NaiveDate;
use communique::dates::find_dates;
use communique::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lang = [Lang::Fr, Lang::En, Lang::Und][usize::from(control % 3)];
    let published = NaiveDate::from_ymd_opt(2023, 2, 28);
    let mut previous_end = 0;
    for m in find_dates(&text, lang) {
        assert!(previous_end <= m.start && m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        let _ = m.expr.resolve(published, None);
        previous_end = m.end;
    }
});
