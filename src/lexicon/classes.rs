//! The classes of single words that extraction asks about, a bit each ([`cls`]), and the
//! table of every word's bits ([`WordClasses`]).

use super::Lexicons;
use crate::grammar;
use crate::hash::{WordBits, WordSet};

/// The word classes of [`WordClasses`], a bit each: the lexicons of `rules/lexicon/` and the
/// closed classes of [`crate::grammar`].
pub(crate) mod cls {
    pub const CUE_VERB: u64 = 1 << 0;
    pub const CUE_PHRASE: u64 = 1 << 1;
    pub const TITLE: u64 = 1 << 2;
    /// the words that start a title of two words or more
    pub const TITLE_START: u64 = 1 << 3;
    pub const ANONYMOUS_HEAD: u64 = 1 << 4;
    pub const NON_SOURCE: u64 = 1 << 5;
    pub const SOURCE_HEAD: u64 = 1 << 6;
    pub const PASSIVE_CUE: u64 = 1 << 7;
    pub const EVIDENCE: u64 = 1 << 8;
    pub const GOVERNMENT: u64 = 1 << 9;
    pub const ORGANIZATION: u64 = 1 << 10;
    pub const SENTENCE_STARTER: u64 = 1 << 11;
    pub const ADVERB: u64 = 1 << 12;
    pub const PASSIVE_AUX: u64 = 1 << 13;
    pub const VERBISH: u64 = 1 << 14;
    pub const TIME_UNIT: u64 = 1 << 15;
    pub const CLAUSE_WORD: u64 = 1 << 16;
    pub const QUANTITY: u64 = 1 << 17;
    pub const CUE_PARTICLE: u64 = 1 << 18;
    pub const CONTENT_STOP: u64 = 1 << 19;
    pub const INTRO: u64 = 1 << 20;
    pub const PREPOSITION: u64 = 1 << 21;
    pub const PRONOUN: u64 = 1 << 22;
    pub const CONNECTOR: u64 = 1 << 23;
    pub const DETERMINER: u64 = 1 << 24;
    pub const POSTMODIFIER: u64 = 1 << 25;
    pub const STOP: u64 = 1 << 26;
    pub const DAY: u64 = 1 << 27;
    /// the first words of the definite descriptions
    pub const DESCRIPTION_START: u64 = 1 << 28;
    /// "according" and "by", which start patterns of `extract::dispatch` anywhere in a sentence
    pub const PATTERN_START: u64 = 1 << 29;
    /// the words of `media-words.txt` (last words of media names: "Times", "Post")
    pub const MEDIA_WORD: u64 = 1 << 30;
    /// the words of `opening-cues.txt` ("said", "added": 'Said Comey, "..."'), asked of every
    /// token that opens a sentence
    pub const OPENING_CUE: u64 = 1 << 31;
    /// the abbreviations of `abbreviations.txt`, with their full stops ("mr.", "gen."), asked of
    /// the word before every full stop by `segment`
    pub const ABBREVIATION: u64 = 1 << 32;
    /// the base forms of `noun-cue-forms.txt` ("report"): a cue only as a verb
    pub const NOUN_CUE_FORM: u64 = 1 << 33;
    /// the forms of `that-cue-forms.txt` ("established"): a cue only before "that"
    pub const THAT_CUE_FORM: u64 = 1 << 34;
    /// (not a class of words: set on the token that a sentence starts with, see
    /// `Ctx::sentence_first` in `extract`, by `Ctx::new`)
    pub const OPENS_SENTENCE: u64 = 1 << 63;
}

/// The classes ([`cls`]) of each word that has one, made once per ruleset: extraction looks each
/// token up once and then tests bits, where it would hash a token for each lexicon it asks
/// about, or compare it with each word of a list, several times per token.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    map: WordBits,
    /// the word-prefixes of the titles of two words or more ("chief", "chief executive" of
    /// "chief executive officer"): a title is looked for at a token only as long as the words
    /// so far are one of these
    pub(crate) title_prefixes: WordSet,
}

impl WordClasses {
    /// The classes of the lexicons of `lex` and of the closed classes of [`crate::grammar`].
    pub fn new(lex: &Lexicons) -> WordClasses {
        let mut map = WordBits::default();
        let mut add = |w: &str, c: u64| map.insert(w, c);
        for w in lex.cue_verbs.keys() {
            add(w, cls::CUE_VERB);
        }
        for w in lex.cue_phrases.keys() {
            add(w, cls::CUE_PHRASE);
        }
        let mut title_prefixes = WordSet::default();
        for t in &lex.titles {
            add(t, cls::TITLE);
            let words: Vec<&str> = t.split(' ').collect();
            if words.len() > 1 {
                add(words[0], cls::TITLE_START);
                for k in 1..words.len() {
                    title_prefixes.insert(words[..k].join(" "));
                }
            }
        }
        for d in lex.descriptions.keys() {
            add(d.split(' ').next().unwrap_or(""), cls::DESCRIPTION_START);
        }
        let sets: [(&WordSet, u64); 6] = [
            (&lex.anonymous_heads, cls::ANONYMOUS_HEAD),
            (&lex.non_source_words, cls::NON_SOURCE),
            (&lex.source_heads, cls::SOURCE_HEAD),
            (&lex.passive_cues, cls::PASSIVE_CUE),
            (&lex.evidence_nouns, cls::EVIDENCE),
            (&lex.sentence_starters, cls::SENTENCE_STARTER),
        ];
        for (set, c) in sets {
            for w in set {
                add(w, c);
            }
        }
        for w in &lex.government_words {
            add(w, cls::GOVERNMENT);
        }
        for w in &lex.organization_words {
            add(w, cls::ORGANIZATION);
        }
        for w in &lex.media_words {
            add(w, cls::MEDIA_WORD);
        }
        for w in &lex.opening_cues {
            add(w, cls::OPENING_CUE);
        }
        for w in &lex.abbreviations {
            add(w, cls::ABBREVIATION);
        }
        for w in &lex.noun_cue_forms {
            add(w, cls::NOUN_CUE_FORM);
        }
        for w in lex.that_cue_forms.keys() {
            add(w, cls::THAT_CUE_FORM);
        }
        // the open classes of rules/lexicon/ and the closed ones of the grammar, in the order
        // the word lists of extract.rs had (the order words are added in does not change any
        // word's bits)
        let open: [(&WordSet, u64); 5] = [
            (&lex.cue_adverbs, cls::ADVERB),
            (&lex.quantity_words, cls::QUANTITY),
            (&lex.content_stops, cls::CONTENT_STOP),
            (&lex.name_connectors, cls::CONNECTOR),
            (&lex.anonymous_postmodifiers, cls::POSTMODIFIER),
        ];
        for (set, c) in open {
            for w in set {
                add(w, c);
            }
        }
        for (list, c) in CLOSED_CLASSES {
            for w in list {
                add(w, c);
            }
        }
        add("according", cls::PATTERN_START);
        add("by", cls::PATTERN_START);
        WordClasses {
            map,
            title_prefixes,
        }
    }

    /// The classes of the word `w` (lower case).
    #[inline]
    pub fn of(&self, w: &str) -> u64 {
        self.map.get(w)
    }
}

/// The closed classes of [`crate::grammar`] and their class bits.
const CLOSED_CLASSES: [(&[&str], u64); 11] = [
    (grammar::PASSIVE_AUX, cls::PASSIVE_AUX),
    (grammar::VERBISH, cls::VERBISH),
    (grammar::TIME_UNITS, cls::TIME_UNIT),
    (grammar::CLAUSE_WORDS, cls::CLAUSE_WORD),
    (grammar::CUE_PARTICLES, cls::CUE_PARTICLE),
    (grammar::INTRO, cls::INTRO),
    (grammar::PREPOSITIONS, cls::PREPOSITION),
    (grammar::PRONOUNS, cls::PRONOUN),
    (grammar::DETERMINERS, cls::DETERMINER),
    (grammar::STOP, cls::STOP),
    (grammar::DAYS, cls::DAY),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::Ruleset;
    /// A word's classes are its memberships of the lexicons and lists they stand for.
    #[test]
    fn word_classes_are_the_memberships() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let mut words: Vec<String> = ["", "x", "according", "by", "the", "vice", "Said", "said."]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let sets = [
            &lex.titles,
            &lex.anonymous_heads,
            &lex.non_source_words,
            &lex.source_heads,
            &lex.passive_cues,
            &lex.evidence_nouns,
            &lex.sentence_starters,
        ];
        for set in sets {
            words.extend(set.iter().cloned());
        }
        words.extend(lex.organization_words.iter().cloned());
        words.extend(lex.media_words.iter().cloned());
        words.extend(lex.opening_cues.iter().cloned());
        words.extend(lex.abbreviations.iter().cloned());
        words.extend(lex.noun_cue_forms.iter().cloned());
        words.extend(lex.that_cue_forms.keys().cloned());
        words.extend(lex.government_words.iter().cloned());
        words.extend(lex.cue_verbs.keys().cloned());
        words.extend(lex.cue_phrases.keys().cloned());
        words.extend(lex.descriptions.keys().cloned());
        let split: Vec<String> = words
            .iter()
            .flat_map(|w| w.split(' ').map(str::to_string))
            .collect();
        words.extend(split);
        let open = [
            (&lex.cue_adverbs, cls::ADVERB),
            (&lex.quantity_words, cls::QUANTITY),
            (&lex.content_stops, cls::CONTENT_STOP),
            (&lex.name_connectors, cls::CONNECTOR),
            (&lex.anonymous_postmodifiers, cls::POSTMODIFIER),
        ];
        let lists: Vec<(Vec<&str>, u64)> = (open.iter())
            .map(|(set, bit)| (set.iter().map(String::as_str).collect(), *bit))
            .chain(CLOSED_CLASSES.iter().map(|(l, bit)| (l.to_vec(), *bit)))
            .collect();
        for (list, _) in &lists {
            words.extend(list.iter().map(|w| w.to_string()));
        }
        for w in &words {
            let c = lex.word_classes.of(w);
            let mut want = vec![
                (cls::CUE_VERB, lex.cue_verbs.contains_key(w)),
                (cls::CUE_PHRASE, lex.cue_phrases.contains_key(w)),
                (cls::TITLE, lex.titles.contains(w)),
                (
                    cls::TITLE_START,
                    (lex.titles.iter()).any(|t| t.split_once(' ').is_some_and(|(f, _)| f == w)),
                ),
                (cls::ANONYMOUS_HEAD, lex.anonymous_heads.contains(w)),
                (cls::NON_SOURCE, lex.non_source_words.contains(w)),
                (cls::SOURCE_HEAD, lex.source_heads.contains(w)),
                (cls::PASSIVE_CUE, lex.passive_cues.contains(w)),
                (cls::EVIDENCE, lex.evidence_nouns.contains(w)),
                (cls::GOVERNMENT, lex.government_words.contains(w)),
                (cls::ORGANIZATION, lex.organization_words.contains(w)),
                (cls::MEDIA_WORD, lex.media_words.contains(w)),
                (cls::OPENING_CUE, lex.opening_cues.contains(w)),
                (cls::ABBREVIATION, lex.abbreviations.contains(w)),
                (cls::NOUN_CUE_FORM, lex.noun_cue_forms.contains(w)),
                (cls::THAT_CUE_FORM, lex.that_cue_forms.contains_key(w)),
                (cls::SENTENCE_STARTER, lex.sentence_starters.contains(w)),
                (
                    cls::DESCRIPTION_START,
                    lex.descriptions
                        .keys()
                        .any(|k| k.split(' ').next() == Some(w)),
                ),
                (cls::PATTERN_START, matches!(w.as_str(), "according" | "by")),
            ];
            want.extend((lists.iter()).map(|(l, bit)| (*bit, l.contains(&w.as_str()))));
            for (bit, has) in want {
                assert_eq!(c & bit != 0, has, "{w:?} {bit:#x}");
            }
        }
    }
}
