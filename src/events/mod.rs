//! Events: cue detection per language (`cues`, with the mood rules of `fr` and `en`), then
//! participants, date and place from the sentence's mentions.

pub mod cues;
mod en;
mod fr;
