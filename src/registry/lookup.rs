//! Matching names against the registry (to be filled in).

use super::{Entry, Registry, RegistryMatch};

/// A name folded for comparison: lower case, diacritics removed, possessive 's dropped,
/// punctuation (other than inner hyphens and apostrophes) turned into single spaces.
pub fn normalize_name(s: &str) -> String {
    s.to_lowercase()
}

impl Registry {
    /// The registry row for `name` (titles already removed), if it matches one.
    pub fn lookup(&self, name: &str) -> Option<RegistryMatch> {
        let _ = name;
        None
    }

    /// A row whose name is close to `name` (Jaro-Winkler), to suggest; never a match.
    pub fn suggest(&self, name: &str) -> Option<&Entry> {
        let _ = name;
        None
    }

    /// How many independent groups the rows `ids` form: rows that share an affiliation, or
    /// where one is affiliated to the other (directly or through a chain), count once.
    pub fn independent_groups(&self, ids: &[&str]) -> usize {
        ids.len()
    }
}
