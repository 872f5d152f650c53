//! Claims (to be filled in).
use crate::Checker;
use crate::model::{Analysis, Claim};
use crate::registry::Registry;

/// Find the claims of an analysed document.
pub fn find_claims(analysis: &Analysis, checker: &Checker) -> Vec<Claim> {
    let _ = (analysis, checker);
    Vec::new()
}

/// How many independent sources the sources `ids` form.
pub fn independent_count(analysis: &Analysis, registry: Option<&Registry>, ids: &[usize]) -> usize {
    let _ = (analysis, registry);
    ids.len()
}
