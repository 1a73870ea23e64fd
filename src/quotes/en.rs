//! English reporting cues: the words of `data/quotes/en.toml`. English never joins the subject
//! pronoun to the verb.

use std::sync::LazyLock;

use super::words::Cues;

pub(super) static CUES: LazyLock<Cues> =
    LazyLock::new(|| Cues::parse(include_str!("../../data/quotes/en.toml"), |_| None));
