//! English forms of money expressions (folded: lowercase, no accents).

use super::words::{ScaleKind, Word};

/// The word joining the parts of a number in words ("one hundred and five"), with its space.
pub(super) const NUMBER_JOINERS: &[&str] = &["and "];

pub(super) const NUMBER_WORDS: &[(&str, Word)] = &[
    ("zero", Word::Unit(0.0)),
    ("one", Word::Unit(1.0)),
    ("two", Word::Unit(2.0)),
    ("three", Word::Unit(3.0)),
    ("four", Word::Unit(4.0)),
    ("five", Word::Unit(5.0)),
    ("six", Word::Unit(6.0)),
    ("seven", Word::Unit(7.0)),
    ("eight", Word::Unit(8.0)),
    ("nine", Word::Unit(9.0)),
    ("ten", Word::Unit(10.0)),
    ("eleven", Word::Unit(11.0)),
    ("twelve", Word::Unit(12.0)),
    ("thirteen", Word::Unit(13.0)),
    ("fourteen", Word::Unit(14.0)),
    ("fifteen", Word::Unit(15.0)),
    ("sixteen", Word::Unit(16.0)),
    ("seventeen", Word::Unit(17.0)),
    ("eighteen", Word::Unit(18.0)),
    ("nineteen", Word::Unit(19.0)),
    ("twenty", Word::Unit(20.0)),
    ("thirty", Word::Unit(30.0)),
    ("forty", Word::Unit(40.0)),
    ("fifty", Word::Unit(50.0)),
    ("sixty", Word::Unit(60.0)),
    ("seventy", Word::Unit(70.0)),
    ("eighty", Word::Unit(80.0)),
    ("ninety", Word::Unit(90.0)),
    ("hundred", Word::Hundred),
    ("thousand", Word::Thousand),
    ("a", Word::Article),
    ("an", Word::Article),
    ("half", Word::Fraction(0.5)),
    ("quarter", Word::Fraction(0.25)),
    ("quarters", Word::Quarters),
];

/// Scale words after a number (short scale: a billion is 10^9).
pub(super) const SCALES: &[(&str, f64, ScaleKind)] = &[
    ("thousand", 1e3, ScaleKind::Plain),
    ("k", 1e3, ScaleKind::Short),
    ("m", 1e6, ScaleKind::Short),
    ("mn", 1e6, ScaleKind::Plain),
    ("mln", 1e6, ScaleKind::Plain),
    ("mil", 1e6, ScaleKind::Plain),
    ("million", 1e6, ScaleKind::Plain),
    ("millions", 1e6, ScaleKind::Plain),
    ("bn", 1e9, ScaleKind::Plain),
    ("bln", 1e9, ScaleKind::Plain),
    ("billion", 1e9, ScaleKind::LongInFrench(1e3)),
    ("tn", 1e12, ScaleKind::Plain),
    ("trn", 1e12, ScaleKind::Plain),
    ("trillion", 1e12, ScaleKind::LongInFrench(1e6)),
    ("lakh", 1e5, ScaleKind::Plain),
    ("lakhs", 1e5, ScaleKind::Plain),
    ("crore", 1e7, ScaleKind::Plain),
    ("crores", 1e7, ScaleKind::Plain),
];

/// Words that join a scale word to the currency name: "two million of dollars".
pub(super) const OF: &[&str] = &["of "];

/// Words before an amount and the qualifier they give (longest first where one contains another).
pub(super) const QUALIFIERS: &[(&str, &str)] = &[
    ("no less than", "at_least"),
    ("not less than", "at_least"),
    ("at least", "at_least"),
    ("a minimum of", "at_least"),
    ("approximately", "approx"),
    ("an estimated", "approx"),
    ("about", "approx"),
    ("around", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
    ("close to", "approx"),
    ("circa", "approx"),
    ("approaching", "approx"),
    ("more than", "over"),
    ("in excess of", "over"),
    ("upwards of", "over"),
    ("exceeding", "over"),
    ("over", "over"),
    ("above", "over"),
    ("less than", "under"),
    ("under", "under"),
    ("below", "under"),
    ("up to", "up_to"),
];

/// Words that open a range: "between $2 and $3 billion".
pub(super) const RANGE_OPEN: &[&str] = &["between"];
/// Words joining the bounds of a range ("and" only after "between").
pub(super) const RANGE_JOIN: &[&str] = &["to", "and"];
/// Joins an amount to its hundredths: "thirteen dollars and forty-five cents".
pub(super) const CENTS_JOIN: &str = "and ";

/// Common English function words, to tell the language of a text that does not say it.
pub(super) const STOPWORDS: &[&str] = &[
    "the", "of", "and", "is", "to", "in", "for", "with", "that", "was", "on", "by", "from", "has",
    "have", "it", "its", "are", "were", "at", "this", "said", "will", "which",
];

/// What opens the parts of a sum written without their currency ("of which 300 million").
pub(super) const PART_OPENERS: &[&str] = &["of which", "including"];
/// What joins the next part.
pub(super) const PART_JOINERS: &[&str] = &["and"];
/// After a number and its scale word, what makes it a count of things, not a part of the sum.
pub(super) const COUNTED_AFTER: &[&str] = &["of"];
/// A number and its scale word with no currency, told after a sum, are more of that money only
/// before one of these or a punctuation mark ("and 200 million will go to…"): English puts
/// the noun of a count right after it ("2 million people").
pub(super) const AFTER_BARE_SUM: Option<&[&str]> = Some(&[
    "will", "would", "was", "were", "is", "are", "has", "had", "have", "for", "to", "in", "from",
    "more", "each", "and", "by", "went", "go", "goes", "promised", "pledged", "already",
]);
/// The scale words a sum without its currency is written with.
pub(super) const BARE_SUM_SCALES: &[&str] = &["million", "billion"];
