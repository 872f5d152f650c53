//! The closed grammatical classes of English that extraction asks about: determiners,
//! pronouns, prepositions, auxiliaries, clause words, days and units of time. These are part of
//! the language's grammar, not of a newsroom's vocabulary, so they stay in code as named
//! constants (the open classes, lists that are tuned, are data in `rules/lexicon/`). The lists
//! down to [`DAYS`] are classes of [`crate::lexicon::WordClasses`] (see `lexicon::classes`),
//! asked of a token by its bit; the ones after it are asked of a word with `contains`, in the
//! few places named in their docs.

/// Forms of "be" that make a participle passive: "was confirmed by".
pub const PASSIVE_AUX: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// Words that cannot be in the head of a subject noun phrase: auxiliaries, modals, clause words.
pub const VERBISH: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "can", "should", "may", "might", "must", "do", "does", "did", "that", "which", "who",
    "if", "when", "because", "there", "it", "what", "how", "why", "whether", "so", "than",
];

/// Units of time after "last", "this", "on Monday": "last week", "Monday morning".
pub const TIME_UNITS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "night",
    "morning",
    "evening",
    "afternoon",
];

/// Words that open a clause inside a sentence: its subject starts after them.
pub const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "where", "when", "while", "as", "because", "although", "though", "whereas",
    "since", "if", "after", "but", "so", "whom", "whether",
];

/// Prepositions that belong to the cue before the content: "called for", "warned of".
pub const CUE_PARTICLES: &[&str] = &["about", "against", "for", "of", "on"];

/// Words that open an introductory phrase before the subject.
pub const INTRO: &[&str] = &[
    "when",
    "while",
    "as",
    "although",
    "though",
    "because",
    "if",
    "since",
    "after",
    "before",
    "asked",
    "speaking",
    "according",
    "however",
    "meanwhile",
    "still",
    "yet",
    "instead",
    "but",
];

/// Prepositions that open a place or time adjunct ("said in a statement").
pub const PREPOSITIONS: &[&str] = &[
    "through", "in", "on", "at", "with", "during", "near", "under", "after", "before", "across",
    "inside", "within", "from", "into", "beneath", "below", "above", "among", "along", "around",
];

/// Prepositions and conjunctions that no noun phrase ends in: a subject ending in one is none
/// ("Thank you for agreeing to this interview": "for" wants its object, the gerund; "At his
/// rallies, Trump jokes and cites": "and" joins two verbs, "Trump jokes and" is no subject).
pub const NO_PHRASE_ENDS: &[&str] = &[
    "for", "of", "to", "by", "about", "with", "from", "at", "in", "on", "into", "than", "and",
    "or", "but", "nor",
];

/// Subject pronouns of the third person that can be a source.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// The personal pronouns, subject and object: a source named by one of them alone ("She",
/// "they", "him") is one resolution found no one for.
pub const PERSONAL_PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them",
];

/// Determiners, numerals and possessives that open a noun phrase ("two officials", "his aide").
pub const DETERMINERS: &[&str] = &[
    "a", "an", "some", "several", "many", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "dozens", "other", "more", "most", "few", "both", "various", "numerous",
    "multiple", "the", "these", "those", "one", "all", "its", "their", "his", "her", "our",
];

/// Words that cannot be inside a noun phrase (function words, auxiliaries).
pub const STOP: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which", "who", "whom",
    "and", "or", "but", "by", "to", "in", "on", "at", "for", "from", "with", "as", "than", "not",
    "it", "he", "she", "they", "we", "i", "you", "this", "there", "if", "when", "while", "after",
    "before", "because", "since", "would", "will", "could", "can", "may", "might", "should", "did",
    "does", "do", "of", "into", "about", "over", "under", "also", "its", "their", "his", "her",
];

/// The days of the week, lower case.
pub const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower case ("a report from ABC Australia on March 3").
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Auxiliaries and modals: a word after a subject that is one of these starts its verb group ("officials have said").
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "should",
    "may", "might", "must", "do", "does", "did",
];

/// Auxiliaries before a progressive or passive participle, part of the cue: "has been saying", "would be praising".
pub const PROGRESSIVE_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "may", "might", "been", "be", "is", "are",
    "was", "were",
];

/// Determiners after which a cue form is a noun: "the claims", "his statement", "other reports".
pub const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those", "other",
    "more", "no",
];

/// Determiners after which a past participle is an adjective: "the exposed email", "a quoted passage".
pub const ADJECTIVE_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
];

/// Subordinating conjunctions that open a clause a content ends before ("..., because ...").
pub const SUBORDINATORS: &[&str] = &[
    "after", "when", "while", "although", "though", "because", "if", "since", "before", "once",
    "until",
];

/// Object pronouns (and "it"): after a cue they are its object, no source ("said it", "told him").
pub const OBJECT_PRONOUNS: &[&str] = &["it", "them", "him", "her", "us", "me"];

/// Object pronouns of persons: "told him", "asked them".
pub const PERSONAL_OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me"];

/// Subject pronouns: after one a cue form is a finite verb ("he declared in a tweet").
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you"];

/// Possessive determiners: they open a noun phrase as an article does ("his nephew Michery el
/// Soheil", "her friend Jane Roe").
pub const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "their", "its", "our", "my"];

/// Words that open a time phrase between a subject and its verb: "on Tuesday", "last week", "earlier this year".
pub const TIME_OPENERS: &[&str] = &["on", "last", "this", "next", "earlier", "later"];

/// Connectives before a subject: "And then Trump went ...".
pub const CONNECTIVES: &[&str] = &[
    "and", "but", "then", "so", "yet", "still", "now", "later", "also",
];

/// Reflexive pronouns: "has found itself" is no finding.
pub const REFLEXIVES: &[&str] = &["itself", "himself", "herself", "themselves"];
