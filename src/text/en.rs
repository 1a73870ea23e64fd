//! English words of text handling: what ends no sentence, what opens reported speech, the
//! articles that may stand between a preposition and a name, and the function words that tell
//! English from French.

/// Words that end with a period without ending the sentence (compared case-sensitively
/// without the final period): titles, months, company forms, references.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov",
    "Sen", "Rep", "Rev", "Hon", "No", "no", "Vol", "vol", "p", "pp", "art", "cf", "etc", "vs",
    "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "min", "max", "Ave", "Mt", "Ft", "ed",
];

/// Words that open what someone said (lowercase).
pub const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "declared",
    "stated",
    "added",
    "that",
];

/// Articles between a preposition and a name: "to the EU".
pub const ARTICLES: &[&str] = &[" the"];

/// The commonest function words, lowercase.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "for", "with", "on", "that", "by", "as", "at", "was",
    "were", "has", "have", "are", "from", "its", "their", "this", "which", "be", "an", "a", "will",
    "said", "it",
];
