//! The fold's output for the characters news text is written in, computed once.
//!
//! Folding an accented letter decomposes it and drops its marks: a few hundred instructions per
//! "é". This table remembers what the fold rule (`normalise`) gives for each character below
//! U+0250 (ASCII and the Latin blocks), so that folding such a character is a lookup, with
//! exactly the rule's output.

/// Characters below this code point are looked up.
const COVERED: u32 = 0x250;

pub struct FoldTable {
    /// The folded forms one after another; `ends[c]` is where the form of `c` ends.
    forms: String,
    ends: Vec<u32>,
}

impl FoldTable {
    /// The table of `fold`, which appends the folded form of a character to a string.
    pub fn new(fold: impl Fn(char, &mut String)) -> FoldTable {
        let mut forms = String::new();
        let mut ends = Vec::with_capacity(COVERED as usize);
        for code in 0..COVERED {
            // Surrogates are above the covered range: every code point here is a char.
            if let Some(c) = char::from_u32(code) {
                fold(c, &mut forms);
            }
            ends.push(forms.len() as u32);
        }
        FoldTable { forms, ends }
    }

    /// The folded form of `c`, when `c` is covered.
    pub fn get(&self, c: char) -> Option<&str> {
        let code = c as usize;
        let end = *self.ends.get(code)? as usize;
        let start = match code {
            0 => 0,
            _ => self.ends[code - 1] as usize,
        };
        Some(&self.forms[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_gives_what_the_rule_gives() {
        let rule = |c: char, out: &mut String| match c {
            'é' | 'è' => out.push('e'),
            'œ' => out.push_str("oe"),
            '\u{a0}' => {}
            c => out.extend(c.to_lowercase()),
        };
        let table = FoldTable::new(rule);
        for c in ['A', 'é', 'è', 'œ', '\u{a0}', '\0', 'ɏ'] {
            let mut expected = String::new();
            rule(c, &mut expected);
            assert_eq!(table.get(c), Some(expected.as_str()), "{c:?}");
        }
        assert_eq!(table.get('ɐ'), None);
        assert_eq!(table.get('€'), None);
    }
}
