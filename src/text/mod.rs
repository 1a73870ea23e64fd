//! Text handling shared by every extractor: the folded copy matchers run on, sentence
//! segmentation, boilerplate lines, language identification, and code-point offsets.

pub mod boilerplate;
pub mod lang;
pub mod normalise;
pub mod offsets;
pub mod segment;

pub use normalise::Folded;
pub use segment::Sentence;
