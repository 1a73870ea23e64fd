//! The shape of one language's event words: each language fills these in its own file
//! (`fr.rs`, `en.rs`), and the engines (`cues.rs`, `mod.rs`) read them.

/// Language-specific words that decide the mood and voice of a cue, looked for among the folded
/// tokens (lower case, unaccented; elided words keep their apostrophe: "n'", "qu'", "didn'").
pub(super) struct Modality {
    /// Negate on their own, before the cue ("not", "sans", "refused").
    pub negators: &'static [&'static str],
    /// Negate when one of `negation_closers` follows (French "ne ... pas").
    pub negation_openers: &'static [&'static str],
    pub negation_closers: &'static [&'static str],
    /// After a noun cue: "la visite a été annulée", "talks were cancelled".
    pub negated_after_noun: &'static [&'static str],
    /// Before a cue: "pourrait", "could".
    pub conditional: &'static [&'static str],
    /// Before a cue: "prévoit", "will", "plans".
    pub intent: &'static [&'static str],
    /// The two words right before a cue: "is to host", "are to meet".
    pub intent_pairs: &'static [(&'static str, &'static str)],
    /// Before an infinitive: "pour", "afin".
    pub intent_before_infinitive: &'static [&'static str],
    /// Before a noun cue: "prochaine", "upcoming".
    pub intent_before_noun: &'static [&'static str],
    /// After a noun cue: "prévue", "planned", "will".
    pub intent_after_noun: &'static [&'static str],
    /// A conditional form after these reports a plan ("a dit qu'il signerait").
    pub reported: &'static [&'static str],
    /// Before a participle: passive voice ("a été reçu").
    pub passive_auxiliaries: &'static [&'static str],
    /// After a participle: the agent of a passive ("reçu par").
    pub agent_markers: &'static [&'static str],
    /// A word form after these is a noun ("la visite" but "il visite").
    pub determiners: &'static [&'static str],
    /// Whether a passive aid verb's subject is the recipient ("was granted a loan").
    pub passive_aid_subject_is_recipient: bool,
}

/// Words of one language that tell how a sentence relates to what was told before it.
pub(super) struct Discourse {
    /// Determiners that point back to something already told ("the", "cette").
    pub definite: &'static [&'static str],
    /// Words before a definite event noun that make it a circumstance of the sentence
    /// ("before the meeting", "lors de la réunion").
    pub circumstantial: &'static [&'static str],
    /// Words after an event noun that bring in its own participants ("the meeting with…").
    pub introducing: &'static [&'static str],
    /// What diplomatic prose declares without anything happening behind it: to cooperate, to
    /// strengthen ties, closer coordination.
    pub vague: &'static [&'static str],
    /// Subjects that name the parties of the meeting told, together ("the two sides").
    pub collective: &'static [&'static str],
    /// Words before a region that benefits from what is told ("for the Fergana Valley").
    pub beneficiary: &'static [&'static str],
    /// Phrases that set what a sentence tells at a happening already told, whose day and place
    /// it takes ("lors de son discours", "in the presence of the two leaders").
    pub anchoring: &'static [&'static str],
    /// The day before and the day after the latest dated happening ("la veille", "the next day").
    pub day_before: &'static [&'static str],
    pub day_after: &'static [&'static str],
    /// After a place, the verb that makes it the venue ("Bichkek a accueilli le forum").
    pub hosting: &'static [&'static str],
    /// Before a place name, words that make it the place where something happens ("à", "in").
    pub locative: &'static [&'static str],
    /// Before a place, verbs of arriving that make it the venue ("a gagné Och").
    pub arriving: &'static [&'static str],
    /// After an event noun, words that call it off ("la visite, prévue en mai, a été annulée").
    pub called_off: &'static [&'static str],
    /// After an event noun, further than the cue's own mood looks, words that make it a plan
    /// ("la visite du président ouzbek à Astana, prévue en avril").
    pub planned_after: &'static [&'static str],
    /// Nouns of a tour, whose stops are happenings of their own ("tournée", "tour").
    pub tours: &'static [&'static str],
    /// Right after an event noun, words that make it talks still going on, no happening
    /// ("les négociations se poursuivent", "talks continue").
    pub ongoing: &'static [&'static str],
}
