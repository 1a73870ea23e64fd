//! The input unit: one article and what is known about it before extraction.

use chrono::NaiveDate;

/// Languages with extraction rules. `Und` is any other language, or too little text to tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
    Und,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Und => "und",
        }
    }

    /// The codes a caller may give, as error messages list them.
    pub const ACCEPTED: &'static str = "\"fr\", \"en\" or \"und\" (no extraction)";

    /// Parses an ISO 639-1 or 639-2 code, a common name, or `und`; `None` for any other.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            "und" => Some(Lang::Und),
            _ => None,
        }
    }
}

/// One article. `text` is `None` when the input row had no text (a null value).
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub doc_id: String,
    pub text: Option<String>,
    pub title: Option<String>,
    /// Given by the caller; detected when `None`.
    pub lang: Option<Lang>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// A problem found while reading the document (e.g. invalid UTF-8 replaced).
    pub read_error: Option<String>,
    /// The encoding the file was decoded from, when it came from bytes.
    pub encoding: Option<String>,
}

impl Document {
    pub fn new(doc_id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            doc_id: doc_id.into(),
            text: Some(text.into()),
            ..Default::default()
        }
    }
}
