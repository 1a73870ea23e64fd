//! The money grammar on arbitrary text: spans on character boundaries, in order, without
//! overlaps, and finite non-negative amounts.
#![no_main]

use communique::money::find_money;
use communique::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lang = [Lang::Fr, Lang::En, Lang::Und][usize::from(control % 3)];
    let mut previous_end = 0;
    for m in find_money(&text, lang) {
        assert!(previous_end <= m.start && m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(
            m.amount.is_finite() && m.amount >= 0.0,
            "amount {}",
            m.amount
        );
        if let Some(max) = m.amount_max {
            assert!(
                max.is_finite() && max >= m.amount,
                "range {}..{max}",
                m.amount
            );
        }
        previous_end = m.end;
    }
});
