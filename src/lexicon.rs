//! Lexicons compiled from the ruleset once per run, in the shapes the stages need.

use crate::model::SourceKind;
use crate::ruleset::{Lexicon, Ruleset};
use regex::{Regex, RegexSet};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hash for lexicon lookups (the Fx hash of rustc): the keys are the rules' own words,
/// so the flooding resistance of the default SipHash buys nothing, and the lookups, several per
/// token, cost a tenth of the pipeline with it.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A set of words hashed with [`FxHasher`].
pub type WordSet = HashSet<String, BuildHasherDefault<FxHasher>>;
/// A map from words hashed with [`FxHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// A Bloom filter of words: a cheap "certainly not one of them" before a hash-map lookup (two
/// bits of an 8,192-bit table per word, from the high bits of the word's [`FxHasher`] hash; with
/// the few hundred cue words, about one other word in a hundred passes).
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Vec<u64>,
}

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter {
            bits: vec![0; WordFilter::BITS / 64],
        }
    }
}

impl WordFilter {
    const BITS: usize = 8192;

    #[inline]
    fn bits_of(word: &str) -> [usize; 2] {
        let mut h = FxHasher::default();
        h.write(word.as_bytes());
        let h = h.finish();
        // the high bits of the product depend on every bit of the word
        [(h >> 51) as usize, ((h >> 38) as usize) % WordFilter::BITS]
    }

    /// Add `word`.
    pub fn insert(&mut self, word: &str) {
        for b in WordFilter::bits_of(word) {
            self.bits[b / 64] |= 1 << (b % 64);
        }
    }

    /// False when `word` was certainly not added.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        WordFilter::bits_of(word)
            .iter()
            .all(|&b| self.bits[b / 64] & (1 << (b % 64)) != 0)
    }
}

/// The lexicons and patterns of a ruleset, ready for lookups.
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Cue verb form -> lemma ("said" -> "say").
    pub cue_verbs: WordMap<String>,
    /// Multi-word cues by their first word: "pointed" -> [["out"], ["to"]].
    pub cue_phrases: WordMap<Vec<Vec<String>>>,
    /// The keys of `cue_verbs` and of `cue_phrases` (made by [`Lexicons::new`]: add a word here
    /// when adding it to either).
    pub cue_heads: WordFilter,
    /// Participles that attribute with "by".
    pub passive_cues: WordSet,
    /// Abbreviations ("u.s.", "dr.").
    pub abbreviations: WordSet,
    /// Words that begin sentences.
    pub sentence_starters: WordSet,
    /// Title words and phrases.
    pub titles: WordSet,
    /// Longest title in words.
    pub max_title_words: usize,
    /// Anonymous heads.
    pub anonymous_heads: WordSet,
    /// Head nouns of lower-case sources learned from PolNeAR train ("campaign", "voters").
    pub source_heads: WordSet,
    /// Definite descriptions -> kind.
    pub descriptions: WordMap<SourceKind>,
    /// Evidence nouns.
    pub evidence_nouns: WordSet,
    /// Media names.
    pub media_names: WordSet,
    /// Last words of media names.
    pub media_words: WordSet,
    /// Organisation words.
    pub organization_words: HashSet<String>,
    /// Government words.
    pub government_words: HashSet<String>,
    /// Recipients of "told".
    pub recipients: WordSet,
    /// Capitalised words that do not start names.
    pub non_source_words: WordSet,
    /// Loaded verb lemmas.
    pub loaded_verbs: WordSet,
    /// Boilerplate paragraph patterns.
    pub boilerplate: Vec<Regex>,
    /// The same patterns as one set, for ASCII paragraphs (one pass of the lazy DFA; on other
    /// text a Unicode `\b` keeps the DFA from running a set, so the patterns run one by one).
    pub boilerplate_ascii: Option<RegexSet>,
    /// Not-claim sentence patterns.
    pub not_claims: Vec<Regex>,
}

/// The patterns as one set, None when there are none or the set is too big to compile.
fn regex_set(patterns: &[(String, Regex)]) -> Option<RegexSet> {
    if patterns.is_empty() {
        return None;
    }
    regex::RegexSetBuilder::new(patterns.iter().map(|(s, _)| s.as_str()))
        .size_limit(crate::ruleset::REGEX_SIZE_LIMIT)
        .dfa_size_limit(crate::ruleset::REGEX_SIZE_LIMIT * 2)
        .build()
        .ok()
}

fn set(l: &Lexicon) -> WordSet {
    l.entries.iter().cloned().collect()
}

impl Lexicons {
    /// Compile the lexicons of `rs`.
    pub fn new(rs: &Ruleset) -> Lexicons {
        let mut cue_verbs = WordMap::default();
        let lines = rs
            .lexicon("cue-verbs")
            .entries
            .iter()
            .chain(&rs.lexicon("cue-verbs-learned").entries);
        for line in lines {
            // "say: say said says"
            let (lemma, forms) = line
                .split_once(':')
                .unwrap_or((line.as_str(), line.as_str()));
            for w in forms.split_whitespace() {
                cue_verbs.insert(w.to_string(), lemma.trim().to_string());
            }
        }
        let mut cue_phrases: WordMap<Vec<Vec<String>>> = WordMap::default();
        for line in &rs.lexicon("cue-phrases").entries {
            let mut words = line.split_whitespace().map(str::to_string);
            if let Some(first) = words.next() {
                let rest: Vec<String> = words.collect();
                if !rest.is_empty() {
                    cue_phrases.entry(first).or_default().push(rest);
                }
            }
        }
        let mut descriptions = WordMap::default();
        for line in &rs.lexicon("descriptions").entries {
            if let Some((words, kind)) = line.rsplit_once(' ') {
                let kind = match kind {
                    "media" => SourceKind::Media,
                    "organization" => SourceKind::Organization,
                    "government" => SourceKind::Government,
                    "person" => SourceKind::Person,
                    _ => SourceKind::Unknown,
                };
                descriptions.insert(words.to_string(), kind);
            }
        }
        let titles = set(rs.lexicon("titles"));
        let max_title_words = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let regexes = |name: &str| rs.patterns(name).iter().map(|(_, r)| r.clone()).collect();
        let mut cue_heads = WordFilter::default();
        for w in cue_verbs.keys().chain(cue_phrases.keys()) {
            cue_heads.insert(w);
        }
        Lexicons {
            cue_verbs,
            cue_phrases,
            cue_heads,
            passive_cues: set(rs.lexicon("passive-cues")),
            abbreviations: set(rs.lexicon("abbreviations")),
            sentence_starters: set(rs.lexicon("sentence-starters")),
            titles,
            max_title_words,
            anonymous_heads: set(rs.lexicon("anonymous-heads")),
            source_heads: set(rs.lexicon("source-heads")),
            descriptions,
            evidence_nouns: set(rs.lexicon("evidence-nouns")),
            media_names: set(rs.lexicon("media-names")),
            media_words: set(rs.lexicon("media-words")),
            organization_words: rs
                .lexicon("organization-words")
                .entries
                .iter()
                .cloned()
                .collect(),
            government_words: rs
                .lexicon("government-words")
                .entries
                .iter()
                .cloned()
                .collect(),
            recipients: set(rs.lexicon("recipients")),
            non_source_words: set(rs.lexicon("non-source-words")),
            loaded_verbs: set(rs.lexicon("loaded-verbs")),
            boilerplate: regexes("boilerplate"),
            boilerplate_ascii: regex_set(rs.patterns("boilerplate")),
            not_claims: regexes("not-claims"),
        }
    }

    /// True when a paragraph is page furniture (copyright lines, promotions...).
    pub fn is_boilerplate(&self, paragraph: &str) -> bool {
        if let Some(set) = &self.boilerplate_ascii
            && paragraph.is_ascii()
        {
            return set.is_match(paragraph);
        }
        self.boilerplate.iter().any(|r| r.is_match(paragraph))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_heads_pass_every_cue_word_and_few_others() {
        let lex = Lexicons::new(&Ruleset::embedded());
        for w in lex.cue_verbs.keys().chain(lex.cue_phrases.keys()) {
            assert!(lex.cue_heads.may_contain(w), "{w}");
        }
        let others: Vec<String> = (0..10_000).map(|i| format!("w{i}")).collect();
        let passed = others
            .iter()
            .filter(|w| lex.cue_heads.may_contain(w))
            .count();
        assert!(passed < 500, "{passed} of 10,000 pass");
    }
}
