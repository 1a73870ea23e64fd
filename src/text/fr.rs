//! French words of text handling: what ends no sentence, what opens reported speech, the
//! articles that may stand between a preposition and a name, and the function words that tell
//! French from English.

/// Words that end with a period without ending the sentence (compared case-sensitively
/// without the final period): titles, months, references.
pub const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Pr", "Prof", "St", "Ste", "Gén", "No",
    "no", "Vol", "vol", "p", "pp", "art", "cf", "etc", "env", "av", "apr", "janv", "févr", "avr",
    "juil", "sept", "oct", "nov", "déc", "min", "max", "S.E", "c.-à-d", "Bd", "bd", "éd", "trad",
    "dir",
];

/// Words that open what someone said (lowercase).
pub const REPORTING: &[&str] = &[
    "a dit",
    "a déclaré",
    "a indiqué",
    "a annoncé",
    "a ajouté",
    "a affirmé",
    "que",
    "qu'",
    "qu’",
];

/// Articles between a preposition and a name: "à la Maison Blanche", "pour l'Asie" (the elided
/// one is written without a space before the name).
pub const ARTICLES: &[&str] = &["l'", "l’", " la", " le", " les"];

/// The commonest function words, lowercase, without accents or elision marks.
pub const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans", "que", "qui",
    "sur", "avec", "au", "aux", "a", "ont", "sont", "ce", "cette", "son", "sa", "ses", "leur",
    "leurs", "par", "pas", "plus", "entre", "selon", "l", "d", "qu",
];
