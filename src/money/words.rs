//! The shape of one language's number and scale words: each language lists its own in
//! `fr.rs` and `en.rs`, and the grammar (`parse.rs`) reads them.

/// What a number word contributes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Word {
    /// 0–19 and the tens.
    Unit(f64),
    /// "cent(s)" (French only: multiplies 1–9), "hundred".
    Hundred,
    /// "mille", "thousand".
    Thousand,
    /// "a", "an": one, only before hundred, thousand, a fraction or a scale word.
    Article,
    /// "half", "quarter".
    Fraction(f64),
    /// "quarters" in "three quarters".
    Quarters,
}

/// How a scale word applies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum ScaleKind {
    Plain,
    /// "billion", "trillion": the long scale (x1000, x1e6) when French syntax follows ("de").
    LongInFrench(f64),
    /// "k", "m": only glued to the number or with a currency.
    Short,
}
