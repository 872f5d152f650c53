//! The attribution patterns, a file per family (see the index in [`crate::extract`] and the
//! order in [`super::dispatch`]). Each file opens with what the pattern finds, examples, the
//! attribution kind it makes and what it must not be confused with, and holds its own positive
//! and negative example sentences as tests.

mod according_to;
mod agentless;
mod citing;
mod colon_quote;
mod continuation;
mod inverted;
mod not_a_cue;
mod opening_cue;
mod opening_participle;
mod passive;
mod poll;
mod quote_first;
mod reporting_verb;
mod saying;
pub(in crate::extract) mod transcript;
