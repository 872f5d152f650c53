//! The index of sources by their name keys, for joining a mention to a source already found.

use super::*;

/// The sources that have each key, while mentions are resolved (when sources and keys are only
/// added): a name is looked up, not compared with every key of every source (a long document
/// cites thousands). Besides the keys themselves, their last words (the whole key when it has
/// no space) and the first words of those with a space, for the searches by surname and by
/// short form: each list holds every source that can pass such a search, in order, and the
/// search tests them as before. Built once there are [`KeyIndex::FEW`] sources; before, every
/// source is a candidate.
#[derive(Default)]
pub(super) struct KeyIndex {
    pub(super) built: bool,
    pub(super) key: std::collections::HashMap<String, Vec<usize>, FxBuild>,
    pub(super) last: std::collections::HashMap<String, Vec<usize>, FxBuild>,
    pub(super) first: std::collections::HashMap<String, Vec<usize>, FxBuild>,
}

/// Whether `k` is the key of a mention that referred to nobody: `?` and the mention's offset.
pub(super) fn is_placeholder(k: &str) -> bool {
    k.strip_prefix('?')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The indices below [`KeyIndex::FEW`], for "every source" as a slice.
pub(super) const ALL: [usize; KeyIndex::FEW] = {
    let mut all = [0; KeyIndex::FEW];
    let mut i = 0;
    while i < KeyIndex::FEW {
        all[i] = i;
        i += 1;
    }
    all
};

impl KeyIndex {
    /// Below this many sources, scans are cheaper than keeping the maps.
    pub(super) const FEW: usize = 32;

    /// Source `i` is to have key `k` (too).
    pub(super) fn add(&mut self, i: usize, k: &str, sources: &[Source]) {
        if !self.built && sources.len() >= KeyIndex::FEW {
            self.build(sources);
        }
        if self.built {
            self.put(i, k);
        }
    }

    /// The last of `sources` was just added.
    pub(super) fn pushed(&mut self, sources: &[Source]) {
        let i = sources.len() - 1;
        if self.built {
            for k in &sources[i].keys {
                self.put(i, k);
            }
        } else if sources.len() >= KeyIndex::FEW {
            self.build(sources);
        }
    }

    pub(super) fn build(&mut self, sources: &[Source]) {
        self.built = true;
        for (j, s) in sources.iter().enumerate() {
            for k in &s.keys {
                self.put(j, k);
            }
        }
    }

    pub(super) fn put(&mut self, i: usize, k: &str) {
        // The key of a mention that referred to nobody (`?` and its offset) is never looked
        // up, and thousands of them differ only in their last bytes, which FxHash leaves in its
        // high bits: hashbrown, which buckets by the low bits, then probed one long chain
        // (a document of `Yes, he said.` spent 40% of its time there).
        if is_placeholder(k) {
            return;
        }
        fn put(
            map: &mut std::collections::HashMap<String, Vec<usize>, FxBuild>,
            w: &str,
            i: usize,
        ) {
            match map.get_mut(w) {
                Some(v) => {
                    if let Err(at) = v.binary_search(&i) {
                        v.insert(at, i);
                    }
                }
                None => {
                    map.insert(w.to_string(), vec![i]);
                }
            }
        }
        put(&mut self.key, k, i);
        put(&mut self.last, k.rsplit(' ').next().unwrap_or(k), i);
        if let Some((first, _)) = k.split_once(' ') {
            put(&mut self.first, first, i);
        }
    }

    /// The first source with key `k` (`sources.iter().position(|s| s.keys.contains(k))`).
    pub(super) fn first(&self, k: &str, sources: &[Source]) -> Option<usize> {
        if is_placeholder(k) {
            // placeholders are not indexed (see `put`), before the maps are built or after
            return None;
        }
        if !self.built {
            return sources.iter().position(|s| s.keys.iter().any(|x| x == k));
        }
        self.key.get(k).and_then(|v| v.first().copied())
    }

    pub(super) fn list<'a>(
        &'a self,
        map: &'a std::collections::HashMap<String, Vec<usize>, FxBuild>,
        w: &str,
        sources: &[Source],
    ) -> &'a [usize] {
        if is_placeholder(w) {
            return &[];
        }
        if !self.built {
            return &ALL[..sources.len()];
        }
        map.get(w).map_or(&[], Vec::as_slice)
    }

    /// In order, the sources with key `k` (among others, before the maps are built).
    pub(super) fn with_key(&self, k: &str, sources: &[Source]) -> &[usize] {
        self.list(&self.key, k, sources)
    }

    /// In order, the sources with a key whose last word (after its last space) is `w`.
    pub(super) fn with_last(&self, w: &str, sources: &[Source]) -> &[usize] {
        self.list(&self.last, w, sources)
    }

    /// In order, the sources with a key of two words or more whose first word is `w`.
    pub(super) fn with_first(&self, w: &str, sources: &[Source]) -> &[usize] {
        self.list(&self.first, w, sources)
    }
}
