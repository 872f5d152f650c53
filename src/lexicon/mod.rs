//! Lexicons compiled from the ruleset once per run, in the shapes the stages need.
//!
//! - [`Lexicons`]: the word lists of `rules/lexicon/` as sets and maps, and the pattern lists of
//!   `rules/patterns/` behind their prefilters ([`prefilter`]);
//! - [`WordClasses`] ([`classes`]): the class bits ([`cls`]) of every word that has one, from the
//!   lexicons and the closed classes of [`crate::grammar`].

mod ascii;
mod classes;
mod engine;
mod prefilter;

pub use crate::hash::{FxHasher, WordBits, WordMap, WordSet};
pub use classes::WordClasses;
pub(crate) use classes::cls;
pub use engine::captures_regex;
pub use prefilter::Patterns;
pub(crate) use prefilter::has_literal_prefilter;

use crate::model::{Analysis, SourceKind};
use crate::ruleset::{Lexicon, Ruleset};

/// The lexicons and patterns of a ruleset, ready for lookups.
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Cue verb form -> lemma ("said" -> "say").
    pub cue_verbs: WordMap<String>,
    /// Multi-word cues by their first word: "pointed" -> [["out"], ["to"]].
    pub cue_phrases: WordMap<Vec<Vec<String>>>,
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
    /// Anonymous heads that name a body's official voice ("spokesman"): with the body named,
    /// the institution speaking, not an anonymous source (`voice-heads`).
    pub voice_heads: WordSet,
    /// Head nouns of lower-case sources learned from PolNeAR train ("campaign", "voters").
    pub source_heads: WordSet,
    /// Definite descriptions -> kind.
    pub descriptions: WordMap<SourceKind>,
    /// Head nouns of definite descriptions -> the kinds of source they refer back to
    /// (`description-heads`: "the agency", "the report").
    pub description_heads: WordMap<Vec<SourceKind>>,
    /// Last words that make a capitalised name a body's -> its kind (`name-heads`: "Coast
    /// Guard", "Chicago Marathon").
    pub name_heads: WordMap<SourceKind>,
    /// Given names -> whether the name is a woman's (`given-names`, from the 1990 US Census).
    pub given_names: WordMap<bool>,
    /// Evidence nouns.
    pub evidence_nouns: WordSet,
    /// Media names.
    pub media_names: WordSet,
    /// Last words of media names.
    pub media_words: WordSet,
    /// Organisation words.
    pub organization_words: WordSet,
    /// Government words.
    pub government_words: WordSet,
    /// Recipients of "told".
    pub recipients: WordSet,
    /// Capitalised words that do not start names.
    pub non_source_words: WordSet,
    /// Loaded verb lemmas.
    pub loaded_verbs: WordSet,
    /// Lemmas of verbs of saying ("say", "tell", "write").
    pub speech_verbs: WordSet,
    /// Cue verbs that report what was said, besides the speech verbs ("deny", "claim").
    pub speech_acts: WordSet,
    /// Words that may stand between a source and its cue ("also", "has", "repeatedly").
    pub cue_adverbs: WordSet,
    /// Words that open a noun phrase of quantity ("about", "half", "most").
    pub quantity_words: WordSet,
    /// Objects of "claimed" that make it a taking ("lives", "victory").
    pub not_claimed: WordSet,
    /// Words after a comma that end a content ("adding", "however").
    pub content_stops: WordSet,
    /// Participles after an attribution's source that name the source it relies on
    /// ("citing", "quoting").
    pub citing: WordSet,
    /// Lower-case words inside a name ("of", "von", "&").
    pub name_connectors: WordSet,
    /// Words that open what follows an anonymous head ("familiar", "close", "briefed").
    pub anonymous_postmodifiers: WordSet,
    /// Cue forms that open a sentence with the speaker after them ("Said Comey, ...").
    pub opening_cues: WordSet,
    /// `noun-cue-forms.txt`: base forms of cue verbs that are mostly nouns ("report")
    pub noun_cue_forms: WordSet,
    /// `that-cue-forms.txt`: forms of verbs of finding, cues only before "that", and their lemmas
    pub that_cue_forms: WordMap<String>,
    /// Irregular past forms of cue verbs, never nouns ("many said").
    pub past_cue_forms: WordSet,
    /// Participles of naming ("a group named X": no saying).
    pub naming_verbs: WordSet,
    /// Participles of a description given "as ... by" its agent ("was identified as X by
    /// police": `as-participles.txt`).
    pub as_participles: WordSet,
    /// Participles that are passive after a contracted "is" ("it's called").
    pub contracted_passives: WordSet,
    /// Words before "show" that make it a noun ("his radio show").
    pub show_nouns: WordSet,
    /// Words before an -ing form that make it an adjective or noun ("a strong showing").
    pub ing_adjective_modifiers: WordSet,
    /// Participles of intention that after a noun state none ("people hoping to leave").
    pub intention_participles: WordSet,
    /// Lemmas (besides the speech verbs) that state a claim after ", which" ("the report, which shows").
    pub relative_cues: WordSet,
    /// Verbs before "(on) to say" whose subject opens the sentence ("The email went on to say").
    pub went_on_verbs: WordSet,
    /// Nouns of a statement after "in a" ("said in a statement").
    pub speech_nouns: WordSet,
    /// Carrier nouns ("data", "a statement", "the report"): in "data from X" the source is X
    /// (`carrier-nouns`; "press release" by its last word).
    pub carrier_nouns: WordSet,
    /// Anonymity clauses by their first word: "who" -> [["spoke", "on", "condition", "of",
    /// "anonymity"], ...] (`anonymity-phrases`).
    pub anonymity_phrases: WordMap<Vec<Vec<String>>>,
    /// Nouns of a poll ("In a CNN poll released Monday, ...").
    pub poll_nouns: WordSet,
    /// Participles that close the phrase of the people asked ("Cuban-Americans polled said").
    pub survey_participles: WordSet,
    /// Words that open a phrase of evidence ("Based on data reviewed by X, ...").
    pub evidence_intros: WordSet,
    /// The patterns of agentless attributions (`rules/patterns/agentless.txt`), each with a
    /// group `cue` ("reportedly", "is accused of", "it was announced that"), behind their
    /// cheap prefilters: each compiled only once a text passes its prefilter.
    pub agentless_any: Patterns,
    /// Words of a duty or a rule, in whose sentence "expected to" is no agentless attribution.
    pub obligation_words: WordSet,
    /// Boilerplate paragraph patterns.
    pub boilerplate: Patterns,
    /// Not-claim sentence patterns.
    pub not_claims: Patterns,
    /// The classes of single words that extraction asks about (made from the above).
    pub word_classes: WordClasses,
}

/// The kind a lexicon line names ("media", "organization", "government", "person").
fn source_kind(word: &str) -> Option<SourceKind> {
    match word {
        "media" => Some(SourceKind::Media),
        "organization" => Some(SourceKind::Organization),
        "government" => Some(SourceKind::Government),
        "person" => Some(SourceKind::Person),
        _ => None,
    }
}

/// The forms of "lemma: form form ..." lines ("say: say said says"), each mapped to its lemma.
fn lemmas<'l>(lines: impl IntoIterator<Item = &'l String>) -> WordMap<String> {
    let mut out = WordMap::default();
    for line in lines {
        let (lemma, forms) = line
            .split_once(':')
            .unwrap_or((line.as_str(), line.as_str()));
        for w in forms.split_whitespace() {
            out.insert(w.to_string(), lemma.trim().to_string());
        }
    }
    out
}

fn set(l: &Lexicon) -> WordSet {
    l.entries.iter().cloned().collect()
}

impl Lexicons {
    /// Compile the lexicons of `rs`.
    pub fn new(rs: &Ruleset) -> Lexicons {
        let cue_verbs = lemmas(
            (rs.lexicon("cue-verbs").entries.iter())
                .chain(&rs.lexicon("cue-verbs-learned").entries),
        );
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
        let mut anonymity_phrases: WordMap<Vec<Vec<String>>> = WordMap::default();
        for line in &rs.lexicon("anonymity-phrases").entries {
            let mut words = line.split_whitespace().map(str::to_lowercase);
            if let Some(first) = words.next() {
                anonymity_phrases
                    .entry(first)
                    .or_default()
                    .push(words.collect());
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
        let kinds_of = |name: &str| -> WordMap<Vec<SourceKind>> {
            let mut map = WordMap::default();
            for line in &rs.lexicon(name).entries {
                let mut words = line.split_whitespace();
                if let Some(head) = words.next() {
                    let kinds: Vec<SourceKind> = words.filter_map(source_kind).collect();
                    map.insert(head.to_string(), kinds);
                }
            }
            map
        };
        let description_heads = kinds_of("description-heads");
        let name_heads = kinds_of("name-heads")
            .into_iter()
            .filter_map(|(w, k)| Some((w, *k.first()?)))
            .collect();
        let given_names = rs
            .lexicon("given-names")
            .entries
            .iter()
            .filter_map(|l| {
                let (name, g) = l.split_once(' ')?;
                Some((name.to_string(), g.trim() == "f"))
            })
            .collect();
        let titles = set(rs.lexicon("titles"));
        let max_title_words = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let mut lex = Lexicons {
            cue_verbs,
            cue_phrases,
            passive_cues: set(rs.lexicon("passive-cues")),
            abbreviations: set(rs.lexicon("abbreviations")),
            sentence_starters: set(rs.lexicon("sentence-starters")),
            titles,
            max_title_words,
            anonymous_heads: set(rs.lexicon("anonymous-heads")),
            voice_heads: set(rs.lexicon("voice-heads")),
            source_heads: set(rs.lexicon("source-heads")),
            descriptions,
            description_heads,
            name_heads,
            given_names,
            evidence_nouns: set(rs.lexicon("evidence-nouns")),
            media_names: set(rs.lexicon("media-names")),
            media_words: set(rs.lexicon("media-words")),
            organization_words: set(rs.lexicon("organization-words")),
            government_words: set(rs.lexicon("government-words")),
            recipients: set(rs.lexicon("recipients")),
            non_source_words: set(rs.lexicon("non-source-words")),
            loaded_verbs: set(rs.lexicon("loaded-verbs")),
            speech_verbs: set(rs.lexicon("speech-verbs")),
            speech_acts: set(rs.lexicon("speech-acts")),
            cue_adverbs: set(rs.lexicon("cue-adverbs")),
            quantity_words: set(rs.lexicon("quantity-words")),
            not_claimed: set(rs.lexicon("not-claimed")),
            content_stops: set(rs.lexicon("content-stops")),
            citing: set(rs.lexicon("citing-participles")),
            name_connectors: set(rs.lexicon("name-connectors")),
            anonymous_postmodifiers: set(rs.lexicon("anonymous-postmodifiers")),
            opening_cues: set(rs.lexicon("opening-cues")),
            noun_cue_forms: set(rs.lexicon("noun-cue-forms")),
            that_cue_forms: lemmas(&rs.lexicon("that-cue-forms").entries),
            past_cue_forms: set(rs.lexicon("past-cue-forms")),
            naming_verbs: set(rs.lexicon("naming-verbs")),
            as_participles: set(rs.lexicon("as-participles")),
            contracted_passives: set(rs.lexicon("contracted-passives")),
            show_nouns: set(rs.lexicon("show-nouns")),
            ing_adjective_modifiers: set(rs.lexicon("ing-adjective-modifiers")),
            intention_participles: set(rs.lexicon("intention-participles")),
            relative_cues: set(rs.lexicon("relative-cues")),
            went_on_verbs: set(rs.lexicon("went-on-verbs")),
            speech_nouns: set(rs.lexicon("speech-nouns")),
            carrier_nouns: (rs.lexicon("carrier-nouns").entries.iter())
                .filter_map(|l| l.split_whitespace().last().map(str::to_string))
                .collect(),
            anonymity_phrases,
            poll_nouns: set(rs.lexicon("poll-nouns")),
            survey_participles: set(rs.lexicon("survey-participles")),
            evidence_intros: set(rs.lexicon("evidence-intros")),
            agentless_any: Patterns::new(rs.patterns("agentless")),
            obligation_words: set(rs.lexicon("obligation-words")),
            boilerplate: Patterns::new(rs.patterns("boilerplate")),
            not_claims: Patterns::new(rs.patterns("not-claims")),
            word_classes: Default::default(),
        };
        lex.word_classes = WordClasses::new(&lex);
        lex
    }

    /// True when a paragraph is page furniture (copyright lines, promotions...).
    pub fn is_boilerplate(&self, paragraph: &str) -> bool {
        self.boilerplate.is_match(paragraph)
    }

    /// True when paragraph `para` of `analysis` is boilerplate: from `analysis.boilerplate`
    /// when it was computed, else by [`Lexicons::is_boilerplate`].
    pub fn paragraph_is_boilerplate(&self, analysis: &Analysis, para: usize) -> bool {
        match analysis.boilerplate.get(para) {
            Some(&b) => b,
            None => self.is_boilerplate(analysis.text(analysis.doc.blocks[para].span)),
        }
    }

    /// True when `word` (lower case) is a cue verb form ("said", "denies"): the question every
    /// stage asks of [`Lexicons::cue_verbs`], whose answer is also the word's
    /// [`cls::CUE_VERB`] bit.
    pub fn is_cue_verb(&self, word: &str) -> bool {
        self.cue_verbs.contains_key(word)
    }

    /// The lemma of a cue verb form ("said" -> "say"), or "".
    pub fn cue_lemma(&self, form: &str) -> &str {
        self.cue_verbs.get(form).map(String::as_str).unwrap_or("")
    }

    /// True when `lemma` is a verb of saying or a speech act: what stays an attribution of its
    /// own inside reported speech.
    pub fn reports_speech(&self, lemma: &str) -> bool {
        self.speech_verbs.contains(lemma) || self.speech_acts.contains(lemma)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every speech verb and speech act is a cue verb's lemma (or a learned form that is its own
    /// lemma): a lemma no cue verb has would never be asked about.
    #[test]
    fn speech_verbs_are_cue_lemmas() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let lemmas: WordSet = lex.cue_verbs.values().cloned().collect();
        for w in lex.speech_verbs.iter().chain(&lex.speech_acts) {
            assert!(lemmas.contains(w), "{w:?} is not the lemma of a cue verb");
        }
    }
}
