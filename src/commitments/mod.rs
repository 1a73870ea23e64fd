//! Financial commitments: the amounts that `money` classifies as pledged, granted, lent,
//! invested, signed for or set as a target, and who pays and who receives them ([`parties`]);
//! each points to the event that announces it, whose source then agrees with its donor
//! ([`pledges`]).

mod parties;
mod pledges;
mod rows;

pub use pledges::agree_sources;
pub use rows::rows;

#[cfg(test)]
mod tests;
