//! French forms of money expressions (folded: lowercase, no accents).

use super::words::{ScaleKind, Word};

/// The word joining the parts of a number in words ("vingt et un"), with its space.
pub(super) const NUMBER_JOINERS: &[&str] = &["et "];

pub(super) const NUMBER_WORDS: &[(&str, Word)] = &[
    ("zero", Word::Unit(0.0)),
    ("un", Word::Unit(1.0)),
    ("une", Word::Unit(1.0)),
    ("deux", Word::Unit(2.0)),
    ("trois", Word::Unit(3.0)),
    ("quatre", Word::Unit(4.0)),
    ("cinq", Word::Unit(5.0)),
    ("six", Word::Unit(6.0)),
    ("sept", Word::Unit(7.0)),
    ("huit", Word::Unit(8.0)),
    ("neuf", Word::Unit(9.0)),
    ("dix", Word::Unit(10.0)),
    ("onze", Word::Unit(11.0)),
    ("douze", Word::Unit(12.0)),
    ("treize", Word::Unit(13.0)),
    ("quatorze", Word::Unit(14.0)),
    ("quinze", Word::Unit(15.0)),
    ("seize", Word::Unit(16.0)),
    ("vingt", Word::Unit(20.0)),
    ("vingts", Word::Unit(20.0)),
    ("trente", Word::Unit(30.0)),
    ("quarante", Word::Unit(40.0)),
    ("cinquante", Word::Unit(50.0)),
    ("soixante", Word::Unit(60.0)),
    ("septante", Word::Unit(70.0)),
    ("huitante", Word::Unit(80.0)),
    ("octante", Word::Unit(80.0)),
    ("nonante", Word::Unit(90.0)),
    ("cent", Word::Hundred),
    ("cents", Word::Hundred),
    ("mille", Word::Thousand),
    ("demi", Word::Fraction(0.5)),
];

/// Scale words after a number. "billion" and "trillion" are 10^12 and 10^18 in French; the
/// long scale applies when French syntax follows ("2 billions de dollars").
pub(super) const SCALES: &[(&str, f64, ScaleKind)] = &[
    ("mille", 1e3, ScaleKind::Plain),
    ("million", 1e6, ScaleKind::Plain),
    ("millions", 1e6, ScaleKind::Plain),
    ("mio", 1e6, ScaleKind::Plain),
    ("milliard", 1e9, ScaleKind::Plain),
    ("milliards", 1e9, ScaleKind::Plain),
    ("md", 1e9, ScaleKind::Plain),
    ("mds", 1e9, ScaleKind::Plain),
    ("mrd", 1e9, ScaleKind::Plain),
    ("mrds", 1e9, ScaleKind::Plain),
    ("mld", 1e9, ScaleKind::Plain),
    ("mlds", 1e9, ScaleKind::Plain),
    ("billions", 1e9, ScaleKind::LongInFrench(1e3)),
    ("trillions", 1e12, ScaleKind::LongInFrench(1e6)),
];

/// Words that join a scale word to the currency name: "25 millions de dollars".
pub(super) const OF: &[&str] = &["de ", "d'", "d '"];

/// Words before an amount and the qualifier they give (longest first where one contains another).
pub(super) const QUALIFIERS: &[(&str, &str)] = &[
    ("pas moins de", "at_least"),
    ("pas moins d'", "at_least"),
    ("au moins", "at_least"),
    ("au minimum", "at_least"),
    ("un minimum de", "at_least"),
    ("pres de", "approx"),
    ("pres d'", "approx"),
    ("d'environ", "approx"),
    ("environ", "approx"),
    ("quelque", "approx"),
    ("approximativement", "approx"),
    ("autour de", "approx"),
    ("de l'ordre de", "approx"),
    ("presque", "approx"),
    ("quasiment", "approx"),
    ("plus de", "over"),
    ("plus d'", "over"),
    ("superieur a", "over"),
    ("superieure a", "over"),
    ("superieurs a", "over"),
    ("superieures a", "over"),
    ("au-dela de", "over"),
    ("depassant", "over"),
    ("moins de", "under"),
    ("moins d'", "under"),
    ("inferieur a", "under"),
    ("inferieure a", "under"),
    ("jusqu'a", "up_to"),
    ("jusqu' a", "up_to"),
];

/// Words that open a range: "entre 2 et 3 milliards".
pub(super) const RANGE_OPEN: &[&str] = &["entre"];
/// Words joining the bounds of a range ("et" only after "entre").
pub(super) const RANGE_JOIN: &[&str] = &["a", "et"];
/// Joins an amount to its hundredths: "15 dollars et 15 cents".
pub(super) const CENTS_JOIN: &str = "et ";

/// Common French function words, to tell the language of a text that does not say it.
pub(super) const STOPWORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "sur", "avec", "qui",
    "que", "aux", "ont", "par", "sont", "cette", "mais", "ou", "pas", "ses", "leur", "il", "elle",
];

/// What opens the parts of a sum written without their currency ("dont 300 millions").
pub(super) const PART_OPENERS: &[&str] = &["dont"];
/// What joins the next part.
pub(super) const PART_JOINERS: &[&str] = &["et", "ainsi que"];
/// After a number and its scale word, what makes it a count of things, not a part of the sum.
pub(super) const COUNTED_AFTER: &[&str] = &["de", "d'"];
/// A number and its scale word with no currency, told after a sum, are more of that money
/// before any word but those of [`COUNTED_AFTER`]: French counts things with "de" ("2 millions
/// d'habitants"), so "270 millions promis", "180 millions serviraient" are sums.
pub(super) const AFTER_BARE_SUM: Option<&[&str]> = None;
/// The scale words a sum without its currency is written with.
pub(super) const BARE_SUM_SCALES: &[&str] = &["million", "millions", "milliard", "milliards"];
