//! Financial commitments: the amounts that `money` classifies as pledged, granted, lent,
//! invested, signed for or set as a target, and who pays and who receives them ([`parties`]).

mod parties;
mod rows;

pub use rows::rows;

#[cfg(test)]
mod tests;
