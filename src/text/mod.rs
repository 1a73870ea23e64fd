//! Text handling shared by every extractor: the folded copy matchers run on, sentence
//! segmentation, boilerplate lines, language identification, and code-point offsets.

pub mod boilerplate;
pub mod encoding;
pub mod lang;
pub mod normalise;
pub mod offsets;
pub mod segment;

pub use normalise::Folded;
pub use segment::Sentence;

/// The last words of `text[..at]`, lowercase: at most `max_bytes` bytes, cut at a char boundary.
/// For "is this name preceded by «à» / «pour» / «in»?" checks without lowercasing a document.
pub fn lowercase_tail(text: &str, at: usize, max_bytes: usize) -> String {
    let mut from = at.saturating_sub(max_bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at].trim_end().to_lowercase()
}
