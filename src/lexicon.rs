//! Lexicons compiled from the ruleset once per run, in the shapes the stages need.

use crate::model::SourceKind;
use crate::ruleset::{Lexicon, Ruleset};
use regex::Regex;
use std::collections::{HashMap, HashSet};

/// The lexicons and patterns of a ruleset, ready for lookups.
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Cue verb form -> lemma ("said" -> "say").
    pub cue_verbs: HashMap<String, String>,
    /// Participles that attribute with "by".
    pub passive_cues: HashSet<String>,
    /// Abbreviations ("u.s.", "dr.").
    pub abbreviations: HashSet<String>,
    /// Words that begin sentences.
    pub sentence_starters: HashSet<String>,
    /// Title words and phrases.
    pub titles: HashSet<String>,
    /// Longest title in words.
    pub max_title_words: usize,
    /// Anonymous heads.
    pub anonymous_heads: HashSet<String>,
    /// Definite descriptions -> kind.
    pub descriptions: HashMap<String, SourceKind>,
    /// Evidence nouns.
    pub evidence_nouns: HashSet<String>,
    /// Media names.
    pub media_names: HashSet<String>,
    /// Last words of media names.
    pub media_words: HashSet<String>,
    /// Organisation words.
    pub organization_words: HashSet<String>,
    /// Government words.
    pub government_words: HashSet<String>,
    /// Recipients of "told".
    pub recipients: HashSet<String>,
    /// Capitalised words that do not start names.
    pub non_source_words: HashSet<String>,
    /// Loaded verb lemmas.
    pub loaded_verbs: HashSet<String>,
    /// Boilerplate paragraph patterns.
    pub boilerplate: Vec<Regex>,
    /// Not-claim sentence patterns.
    pub not_claims: Vec<Regex>,
}

fn set(l: &Lexicon) -> HashSet<String> {
    l.entries.iter().cloned().collect()
}

impl Lexicons {
    /// Compile the lexicons of `rs`.
    pub fn new(rs: &Ruleset) -> Lexicons {
        let mut cue_verbs = HashMap::new();
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
        let mut descriptions = HashMap::new();
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
        Lexicons {
            cue_verbs,
            passive_cues: set(rs.lexicon("passive-cues")),
            abbreviations: set(rs.lexicon("abbreviations")),
            sentence_starters: set(rs.lexicon("sentence-starters")),
            titles,
            max_title_words,
            anonymous_heads: set(rs.lexicon("anonymous-heads")),
            descriptions,
            evidence_nouns: set(rs.lexicon("evidence-nouns")),
            media_names: set(rs.lexicon("media-names")),
            media_words: set(rs.lexicon("media-words")),
            organization_words: set(rs.lexicon("organization-words")),
            government_words: set(rs.lexicon("government-words")),
            recipients: set(rs.lexicon("recipients")),
            non_source_words: set(rs.lexicon("non-source-words")),
            loaded_verbs: set(rs.lexicon("loaded-verbs")),
            boilerplate: regexes("boilerplate"),
            not_claims: regexes("not-claims"),
        }
    }

    /// True when a paragraph is page furniture (copyright lines, promotions...).
    pub fn is_boilerplate(&self, paragraph: &str) -> bool {
        self.boilerplate.iter().any(|r| r.is_match(paragraph))
    }
}
