//! Lexicons compiled from the ruleset once per run, in the shapes the stages need.

use crate::model::SourceKind;
use crate::ruleset::{Lexicon, Pattern, Ruleset};
use regex::Regex;
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

/// The 1 to 7 bytes of `rest` as a little-endian word, zero-extended: the value of
/// `u64::from_le_bytes` of them padded with zeros, from two (overlapping) loads instead of a
/// copy of a variable length (a call to `memcpy`).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u16_at = |i: usize| u16::from_le_bytes([rest[i], rest[i + 1]]) as u64;
    let u32_at = |i: usize| u32::from_le_bytes(rest[i..i + 4].try_into().expect("4 bytes")) as u64;
    if n >= 4 {
        u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
    } else if n >= 2 {
        u16_at(0) | u16_at(n - 2) << (8 * (n - 2))
    } else {
        rest[0] as u64
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
            self.add(tail_word(rest));
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

/// A map from words to bit sets, for the lookup of every token of a text (see
/// [`crate::extract::WordClasses`]): open addressing on the words' lengths and bytes read as
/// two integers, so that a word of up to 16 bytes, most words, is hashed with one multiply and
/// compared with two integer compares (a [`WordMap`] hashes a word a chunk at a time and calls
/// `memcmp` on a match).
#[derive(Debug, Clone)]
pub struct WordBits {
    /// a power of two of slots, at most half of them used
    slots: Vec<BitsSlot>,
    /// the words, in the order added (those longer than 16 bytes are compared in full)
    words: Vec<String>,
    shift: u32,
    len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordKey {
    /// the length in bytes (`usize::MAX`: an empty slot)
    len: usize,
    /// the first (up to) 8 bytes, little-endian, zero-extended
    head: u64,
    /// bytes 8..16 the same way; the last 8 bytes of a word longer than 16 bytes
    tail: u64,
}

#[derive(Debug, Clone, Copy)]
struct BitsSlot {
    key: WordKey,
    bits: u64,
    /// index in `words`
    word: u32,
}

const EMPTY_SLOT: BitsSlot = BitsSlot {
    key: WordKey {
        len: usize::MAX,
        head: 0,
        tail: 0,
    },
    bits: 0,
    word: u32::MAX,
};

/// `b` (at most 8 bytes) as a little-endian integer, zero-extended.
#[inline]
fn le_word(b: &[u8]) -> u64 {
    match b.len() {
        0 => 0,
        8 => u64::from_le_bytes(b.try_into().expect("8 bytes")),
        _ => tail_word(b),
    }
}

impl WordKey {
    /// Two words of at most 16 bytes are equal when their keys are.
    #[inline]
    fn of(w: &[u8]) -> WordKey {
        let n = w.len();
        let (head, tail) = if n <= 8 {
            (le_word(w), 0)
        } else if n <= 16 {
            (le_word(&w[..8]), le_word(&w[8..]))
        } else {
            (le_word(&w[..8]), le_word(&w[n - 8..]))
        };
        WordKey { len: n, head, tail }
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ (self.len as u64).rotate_left(53))
            .wrapping_mul(SEED)
    }
}

impl Default for WordBits {
    fn default() -> WordBits {
        WordBits {
            slots: vec![EMPTY_SLOT; 2],
            words: Vec::new(),
            shift: 63,
            len: 0,
        }
    }
}

impl WordBits {
    /// The slot of `w`: where it is, or the empty slot where it would go.
    #[inline]
    fn slot(&self, w: &str) -> usize {
        let key = WordKey::of(w.as_bytes());
        let mask = self.slots.len() - 1;
        // (the high bits of the product depend on every bit of the key)
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.key.len == usize::MAX
                || (s.key == key && (key.len <= 16 || self.words[s.word as usize] == w))
            {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Add the bits `bits` to those of `w`.
    pub fn insert(&mut self, w: &str, bits: u64) {
        if (self.len + 1) * 2 > self.slots.len() {
            let grown = vec![EMPTY_SLOT; self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, grown);
            self.shift -= 1;
            for s in old.into_iter().filter(|s| s.key.len != usize::MAX) {
                let i = self.slot(&self.words[s.word as usize]);
                self.slots[i] = s;
            }
        }
        let i = self.slot(w);
        let s = &mut self.slots[i];
        if s.key.len == usize::MAX {
            s.key = WordKey::of(w.as_bytes());
            s.word = u32::try_from(self.words.len()).expect("fewer than 2^32 words");
            self.words.push(w.to_string());
            self.len += 1;
        }
        s.bits |= bits;
    }

    /// The bits of `w` (0 when it has none).
    #[inline]
    pub fn get(&self, w: &str) -> u64 {
        self.slots[self.slot(w)].bits
    }
}

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
    pub organization_words: WordSet,
    /// Government words.
    pub government_words: WordSet,
    /// Recipients of "told".
    pub recipients: WordSet,
    /// Capitalised words that do not start names.
    pub non_source_words: WordSet,
    /// Loaded verb lemmas.
    pub loaded_verbs: WordSet,
    /// Boilerplate paragraph patterns.
    pub boilerplate: Patterns,
    /// Not-claim sentence patterns.
    pub not_claims: Patterns,
    /// The classes of single words that extraction asks about (made from the above).
    pub word_classes: crate::extract::WordClasses,
}

/// A list of patterns, for whether any of them matches a text, each behind a cheap test that
/// lets through every text it can match: a pattern anchored at the start of the text runs only
/// on a text whose first byte can start one of its matches; another pattern whose every match
/// contains one of a few literal strings ("reply", "comment"...) runs only on a text that has
/// one of them, ASCII case aside (one pass of a packed searcher over the text lower-cased, far
/// cheaper than the pattern's own search from the candidates of its prefix, "did", "does",
/// "could"...).
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    patterns: Vec<(Prefilter, Pattern)>,
    /// The strings of all the `Prefilter::Literals` of two patterns or more: when a text has
    /// none, those patterns are not tried one by one.
    any_literal: Option<aho_corasick::packed::Searcher>,
}

#[derive(Debug, Clone)]
enum Prefilter {
    None,
    /// The bytes a match anchored at the start can begin with (it cannot be empty).
    FirstByte(Box<[bool; 256]>),
    /// [`Prefilter::FirstByte`], then the characters a match anchored at the start can begin
    /// with, after a run it may skip.
    Starts(Box<[bool; 256]>, Box<Starts>),
    /// One of these strings, lower case, is in every match, ASCII case aside.
    Literals {
        lits: Vec<Vec<u8>>,
        search: aho_corasick::packed::Searcher,
        /// The longest match, in bytes, when the pattern's only look-around assertions are
        /// word boundaries: then a long text is searched only around the strings (see
        /// [`Patterns::is_match`]).
        window: Option<usize>,
    },
}

/// Texts from this long on are searched around the strings of a `Prefilter::Literals` only.
const WINDOWED_MIN: usize = 1 << 14;

impl Patterns {
    /// The patterns of a ruleset's pattern list.
    pub fn new(patterns: &[Pattern]) -> Patterns {
        let prefilter = |src: &str| {
            let Ok(hir) = regex_syntax::parse(src) else {
                return Prefilter::None;
            };
            let props = hir.properties();
            if props
                .look_set_prefix()
                .contains(regex_syntax::hir::Look::Start)
            {
                let mut first = Box::new([false; 256]);
                return if props.minimum_len().unwrap_or(0) > 0 && !first_bytes(&hir, &mut first) {
                    match anchored_starts(&hir) {
                        Some(starts) => Prefilter::Starts(first, Box::new(starts)),
                        None => Prefilter::FirstByte(first),
                    }
                } else {
                    Prefilter::None
                };
            }
            let window = props
                .maximum_len()
                .filter(|_| !props.look_set().contains_anchor());
            required_literals(&hir)
                .filter(|l| min_len(l) >= 3)
                .and_then(|lits| {
                    let search = aho_corasick::packed::Searcher::new(&lits)?;
                    Some(Prefilter::Literals {
                        lits,
                        search,
                        window,
                    })
                })
                .unwrap_or(Prefilter::None)
        };
        let patterns: Vec<(Prefilter, Pattern)> = patterns
            .iter()
            .map(|p| (prefilter(&p.source), p.clone()))
            .collect();
        let all: Vec<&Vec<Vec<u8>>> = (patterns.iter())
            .filter_map(|(p, _)| match p {
                Prefilter::Literals { lits, .. } => Some(lits),
                _ => None,
            })
            .collect();
        let any_literal = if all.len() >= 2 {
            aho_corasick::packed::Searcher::new(all.into_iter().flatten())
        } else {
            None
        };
        Patterns {
            patterns,
            any_literal,
        }
    }

    /// True when one of the patterns matches `text`.
    ///
    /// In a long text, a pattern behind strings and of a bounded length, whose only look-around
    /// assertions are word boundaries, runs only on the pieces of the text around the strings
    /// (from the longest match before one to the longest match after it, widened to a byte
    /// that no word has on each side, so that a boundary at the end of a piece is one in the
    /// text): every match holds one of the strings, and a match in a piece is one in the text.
    pub fn is_match(&self, text: &str) -> bool {
        let mut lower: Option<Vec<u8>> = None;
        let mut any_literal: Option<bool> = None;
        self.patterns.iter().any(|(pre, p)| match pre {
            Prefilter::None => p.regex().is_match(text),
            Prefilter::FirstByte(first) => {
                text.as_bytes().first().is_some_and(|&b| first[b as usize])
                    && p.regex().is_match(text)
            }
            Prefilter::Starts(first, starts) => {
                text.as_bytes().first().is_some_and(|&b| first[b as usize])
                    && starts.may_match(text)
                    && p.regex().is_match(text)
            }
            Prefilter::Literals { search, window, .. } => {
                let lower: &[u8] =
                    lower.get_or_insert_with(|| text.as_bytes().to_ascii_lowercase());
                if !*any_literal.get_or_insert_with(|| {
                    (self.any_literal.as_ref()).is_none_or(|s| s.find(lower).is_some())
                }) {
                    return false;
                }
                match window {
                    Some(w) if text.len() >= WINDOWED_MIN => {
                        windows_match(text, lower, search, *w, p.regex())
                    }
                    _ => search.find(lower).is_some() && p.regex().is_match(text),
                }
            }
        })
    }
}

/// How a match of a pattern anchored at the start of the text (`^\s*(read|see) (next|more)`)
/// can begin: after a run of characters of `skip` (a leading `\s*`), with one of the sequences
/// of character classes `seqs` (`[Rr][Ee][Aa][Dd] `, `[Ssſ][Ee][Ee] `), which are never empty.
/// A text that does not is not matched: its pattern is neither run nor compiled.
#[derive(Debug, Clone)]
struct Starts {
    skip: Option<ClassUnicode>,
    /// whether no sequence can start with a character of `skip`: then only the end of the
    /// run need be tried
    disjoint: bool,
    seqs: Vec<Vec<ClassUnicode>>,
}

use regex_syntax::hir::{ClassUnicode, Hir};

/// Sequences of classes and whether each can still grow (what follows it in the pattern is
/// also in every match).
type Seqs = Vec<(Vec<ClassUnicode>, bool)>;

const MAX_SEQS: usize = 64;
const MAX_SEQ_LEN: usize = 16;

/// The [`Starts`] of a pattern `^X*R`, `^R` (None when not of this shape, or when some match
/// of `R` can begin with anything).
fn anchored_starts(hir: &Hir) -> Option<Starts> {
    use regex_syntax::hir::{Class, HirKind, Look};
    let HirKind::Concat(subs) = hir.kind() else {
        return None;
    };
    let (first, mut rest) = subs.split_first()?;
    if !matches!(first.kind(), HirKind::Look(Look::Start)) {
        return None;
    }
    let mut skip = None;
    if let Some(HirKind::Repetition(r)) = rest.first().map(Hir::kind)
        && r.min == 0
        && r.max.is_none()
        && let HirKind::Class(Class::Unicode(c)) = r.sub.kind()
    {
        skip = Some(c.clone());
        rest = &rest[1..];
    }
    let mut seqs: Seqs = vec![(Vec::new(), true)];
    for h in rest {
        seqs = extend_starts(h, seqs)?;
    }
    if seqs.iter().any(|(s, _)| s.is_empty()) {
        return None;
    }
    let seqs: Vec<Vec<ClassUnicode>> = seqs.into_iter().map(|(s, _)| s).collect();
    let disjoint = skip.as_ref().is_none_or(|k: &ClassUnicode| {
        seqs.iter().all(|s| {
            let mut both = k.clone();
            both.intersect(&s[0]);
            both.ranges().is_empty()
        })
    });
    Some(Starts {
        skip,
        disjoint,
        seqs,
    })
}

/// `seqs` followed by what every match of `h` begins with (None: too many sequences).
fn extend_starts(h: &Hir, mut seqs: Seqs) -> Option<Seqs> {
    use regex_syntax::hir::{Class, ClassUnicodeRange, HirKind};
    let push = |seqs: &mut Seqs, c: &ClassUnicode| {
        for (s, open) in seqs.iter_mut().filter(|(_, open)| *open) {
            s.push(c.clone());
            *open = s.len() < MAX_SEQ_LEN;
        }
    };
    let close = |seqs: &mut Seqs| seqs.iter_mut().for_each(|(_, open)| *open = false);
    match h.kind() {
        // (an assertion consumes nothing: what follows it follows what is before it)
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(lit) => {
                for ch in lit.chars() {
                    push(
                        &mut seqs,
                        &ClassUnicode::new([ClassUnicodeRange::new(ch, ch)]),
                    );
                }
            }
            Err(_) => close(&mut seqs),
        },
        HirKind::Class(Class::Unicode(c)) => push(&mut seqs, c),
        HirKind::Class(Class::Bytes(_)) => close(&mut seqs),
        HirKind::Capture(c) => return extend_starts(&c.sub, seqs),
        HirKind::Concat(subs) => {
            for s in subs {
                seqs = extend_starts(s, seqs)?;
            }
        }
        HirKind::Alternation(subs) => {
            let (open, closed): (Seqs, Seqs) = seqs.into_iter().partition(|(_, open)| *open);
            seqs = closed;
            for s in subs {
                seqs.extend(extend_starts(s, open.clone())?);
                if seqs.len() > MAX_SEQS {
                    return None;
                }
            }
        }
        HirKind::Repetition(r) => {
            // `min` copies at least (a few at most looked at), then anything
            for _ in 0..r.min.min(4) {
                seqs = extend_starts(&r.sub, seqs)?;
            }
            if r.max != Some(r.min) || r.min > 4 {
                close(&mut seqs);
            }
        }
    }
    Some(seqs)
}

/// Whether the class `c` has the character `ch`.
fn class_has(c: &ClassUnicode, ch: char) -> bool {
    use std::cmp::Ordering;
    c.ranges()
        .binary_search_by(|r| {
            if r.end() < ch {
                Ordering::Less
            } else if r.start() > ch {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

impl Starts {
    /// False when no match of the pattern can begin `text`.
    fn may_match(&self, text: &str) -> bool {
        let begins = |rest: &str| {
            self.seqs.iter().any(|seq| {
                let mut chars = rest.chars();
                seq.iter()
                    .all(|c| chars.next().is_some_and(|ch| class_has(c, ch)))
            })
        };
        let Some(skip) = &self.skip else {
            return begins(text);
        };
        let mut at = 0;
        loop {
            let rest = &text[at..];
            if !self.disjoint && begins(rest) {
                return true;
            }
            match rest.chars().next() {
                Some(ch) if class_has(skip, ch) => at += ch.len_utf8(),
                _ => return self.disjoint && begins(rest),
            }
        }
    }
}

/// Adds to `first` every byte a non-empty match of `hir` can begin with; true when `hir` can
/// match the empty string (then what follows it can begin the match too).
fn first_bytes(hir: &regex_syntax::hir::Hir, first: &mut [bool; 256]) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(l) => match l.0.first() {
            Some(&b) => {
                first[b as usize] = true;
                false
            }
            None => true,
        },
        HirKind::Class(Class::Unicode(c)) => {
            let mut buf = [0u8; 4];
            for r in c.ranges() {
                // UTF-8 first bytes grow with the code point
                let lo = r.start().encode_utf8(&mut buf).as_bytes()[0];
                let hi = r.end().encode_utf8(&mut buf).as_bytes()[0];
                first[lo as usize..=hi as usize].fill(true);
            }
            c.ranges().is_empty()
        }
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                first[r.start() as usize..=r.end() as usize].fill(true);
            }
            c.ranges().is_empty()
        }
        HirKind::Repetition(r) => first_bytes(&r.sub, first) || r.min == 0,
        HirKind::Capture(c) => first_bytes(&c.sub, first),
        HirKind::Concat(subs) => subs.iter().all(|s| first_bytes(s, first)),
        HirKind::Alternation(subs) => {
            // every branch adds its bytes (no short circuit)
            let mut empty = false;
            for s in subs {
                empty |= first_bytes(s, first);
            }
            empty
        }
    }
}

/// Whether `r` matches `text` somewhere around the strings `search` finds in `lower` (the text
/// lower-cased): see [`Patterns::is_match`]; `longest` is the longest match of `r`.
fn windows_match(
    text: &str,
    lower: &[u8],
    search: &aho_corasick::packed::Searcher,
    longest: usize,
    r: &Regex,
) -> bool {
    let b = text.as_bytes();
    // a byte that no word has (ASCII, not a letter, digit or underscore): a piece may end
    // before one and start after one
    let apart = |x: u8| x.is_ascii() && !x.is_ascii_alphanumeric() && x != b'_';
    const REACH: usize = 256;
    let mut piece: Option<(usize, usize)> = None;
    for m in search.find_iter(lower) {
        let mut start = m.start().saturating_sub(longest);
        let mut end = (m.end() + longest).min(b.len());
        let left = start;
        while start > 0 && !apart(b[start - 1]) {
            start -= 1;
            if left - start > REACH {
                return r.is_match(text);
            }
        }
        let right = end;
        while end < b.len() && !apart(b[end]) {
            end += 1;
            if end - right > REACH {
                return r.is_match(text);
            }
        }
        piece = match piece {
            Some((a, z)) if start <= z => Some((a, z.max(end))),
            Some((a, z)) => {
                if r.is_match(&text[a..z]) {
                    return true;
                }
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    piece.is_some_and(|(a, z)| r.is_match(&text[a..z]))
}

fn min_len(lits: &[Vec<u8>]) -> usize {
    lits.iter().map(Vec::len).min().unwrap_or(0)
}

/// The character a class matches when it is one ASCII letter in both cases (`(?i)a`), lower case.
fn case_pair(class: &regex_syntax::hir::Class) -> Option<u8> {
    let regex_syntax::hir::Class::Unicode(c) = class else {
        return None;
    };
    match c.ranges() {
        [u, l] if u.start() == u.end() && l.start() == l.end() => {
            let (u, l) = (u.start(), l.start());
            (u.is_ascii_uppercase() && l == u.to_ascii_lowercase()).then_some(l as u8)
        }
        _ => None,
    }
}

/// Literal strings (lower case; to be found ignoring ASCII case) one of which every match of
/// `hir` contains, if there are such: a literal, a run of literals and one-letter classes in a
/// concatenation (the run with the longest shortest string of all the concatenation offers), one
/// such set from every branch of an alternation. A letter whose case folds to a character other
/// than its two ASCII cases (`(?i)s` also matches `ſ`) ends a run.
fn required_literals(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Literal(l) => Some(vec![l.0.to_ascii_lowercase()]),
        HirKind::Class(c) => case_pair(c).map(|b| vec![vec![b]]),
        HirKind::Capture(c) => required_literals(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_literals(&r.sub),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for s in subs {
                all.extend(required_literals(s)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(subs) => {
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut offer = |set: Vec<Vec<u8>>| {
                if best.as_ref().is_none_or(|b| min_len(&set) > min_len(b)) {
                    best = Some(set);
                }
            };
            let mut run: Vec<u8> = Vec::new();
            for s in subs {
                let piece = match s.kind() {
                    HirKind::Literal(l) => Some(l.0.to_ascii_lowercase()),
                    HirKind::Class(c) => case_pair(c).map(|b| vec![b]),
                    _ => None,
                };
                match piece {
                    Some(p) => run.extend(p),
                    None => {
                        if !run.is_empty() {
                            offer(vec![std::mem::take(&mut run)]);
                        }
                        if let Some(set) = required_literals(s) {
                            offer(set);
                        }
                    }
                }
            }
            if !run.is_empty() {
                offer(vec![run]);
            }
            best
        }
        _ => None,
    }
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
        let mut lex = Lexicons {
            cue_verbs,
            cue_phrases,
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
            organization_words: set(rs.lexicon("organization-words")),
            government_words: set(rs.lexicon("government-words")),
            recipients: set(rs.lexicon("recipients")),
            non_source_words: set(rs.lexicon("non-source-words")),
            loaded_verbs: set(rs.lexicon("loaded-verbs")),
            boilerplate: Patterns::new(rs.patterns("boilerplate")),
            not_claims: Patterns::new(rs.patterns("not-claims")),
            word_classes: Default::default(),
        };
        lex.word_classes = crate::extract::WordClasses::new(&lex);
        lex
    }

    /// True when a paragraph is page furniture (copyright lines, promotions...).
    pub fn is_boilerplate(&self, paragraph: &str) -> bool {
        self.boilerplate.is_match(paragraph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `WordBits` answers as a map from words to the union of their bits.
    #[test]
    fn word_bits_are_a_map() {
        let alphabet = ["a", "b", "e", "\u{e9}", "'", "-", "s", "t", "x", "\u{201c}"];
        let words: Vec<String> =
            crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 3000, 12).collect();
        let mut table = WordBits::default();
        let mut map: HashMap<String, u64> = HashMap::new();
        for (k, w) in words.iter().enumerate().filter(|(k, _)| k % 3 == 0) {
            let bits = 1u64 << (k % 64) | 1u64 << (w.len() % 64);
            table.insert(w, bits);
            *map.entry(w.clone()).or_default() |= bits;
        }
        table.insert("", 1 << 5);
        *map.entry(String::new()).or_default() |= 1 << 5;
        for w in words.iter().map(String::as_str).chain(["", "a", "zz"]) {
            assert_eq!(table.get(w), map.get(w).copied().unwrap_or(0), "{w:?}");
        }
        // words of 8, 16 and more bytes that differ in one byte only
        let mut table = WordBits::default();
        for n in [7, 8, 9, 15, 16, 17, 24, 40] {
            table.insert(&"a".repeat(n), n as u64);
        }
        for n in [7, 8, 9, 15, 16, 17, 24, 40] {
            assert_eq!(table.get(&"a".repeat(n)), n as u64);
            for at in [0, n / 2, n - 1] {
                let mut other = "a".repeat(n).into_bytes();
                other[at] = b'b';
                assert_eq!(
                    table.get(std::str::from_utf8(&other).unwrap()),
                    0,
                    "{n} {at}"
                );
            }
        }
    }

    #[test]
    fn tail_words_are_the_bytes_zero_padded() {
        let bytes = [0x81u8, 0x02, 0xf3, 0x44, 0x05, 0xa6, 0x77];
        for n in 1..=7 {
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(b), "{n}");
        }
    }

    /// `Patterns::is_match` is `any(is_match)` of its patterns, whatever their prefilters.
    #[test]
    fn patterns_match_as_their_regexes() {
        let rs = Ruleset::embedded();
        let mut lists: Vec<Vec<Pattern>> = ["boilerplate", "not-claims"]
            .iter()
            .map(|l| rs.patterns(l).to_vec())
            .collect();
        let extra = [
            r"(?i)\bsubscribe\b",
            r"(?i)^\s*kas\b",
            r"(?i)\b(mask|SK) (up|down)",
            r"(?i)x?",
            r"^(?i:\s*)[A-Z]\w+ said",
            r"\bWord\b",
            r"(?i)(first|sec)ond|third",
            r"(ab|)cd",
            r"^\s*\d+ (percent|%)",
            r"(?i)e+\s*(ſk|k)ey",
            r"(?i)\bsign up\b.{0,40}\bfree\b",
            r"\bmask (up|down)\b",
            r"x\bkey",
            r"(?i)\bfree\b.*\bpercent",
            r"^\s*(ab|)cd",
            r"^\s*\sx",
            r"^\s*(?:\s|Word)+\b",
            r"(?i)^\s*(follow|like) us\b",
            r"^a{2,3}b",
            r"^(x|y)?z",
            r"^(?i)\s*(k|x){2}a",
            r"^\s*\d{2}\s*%",
            r"^\s*(\b|x)said",
        ];
        lists.push(
            extra
                .iter()
                .map(|s| Pattern::new(s, Regex::new(s).unwrap()))
                .collect(),
        );
        let alphabet = [
            " ",
            "\n",
            "\u{a0}",
            "a",
            "did not ",
            "Didn't ",
            "RESPOND",
            "respond",
            "comment",
            "Monday, ",
            "May ",
            "12, 2020",
            "2020-01-02",
            "By ",
            "Jane ",
            "Doe",
            " and ",
            ",",
            "posted:",
            "\u{a9} ",
            "all rights reserved",
            "ALL RIGHTS RESERVED",
            "sign up ",
            "subscribe",
            "ſubscribe",
            " newsletter",
            "free trial",
            "\u{212a}as",
            "kas",
            "mask ",
            "SK ",
            "up",
            "x",
            "Word",
            "word",
            "second",
            "cd",
            "ab",
            "42 ",
            "percent",
            "key",
            "\u{17f}k",
            "eeey",
            "said",
            "Tom ",
            "\u{201c}",
            "é",
            "Follow ",
            "us",
            "aab",
            "z",
            "2",
            "%",
        ];
        for list in &lists {
            let pats = Patterns::new(list);
            for t in crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 4000, 12) {
                let want = list.iter().any(|p| p.regex().is_match(&t));
                assert_eq!(pats.is_match(&t), want, "{t:?}");
            }
            // long texts, searched around the strings, each pattern on its own too
            for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 60, 6000) {
                if t.len() < WINDOWED_MIN {
                    continue;
                }
                let want = list.iter().any(|p| p.regex().is_match(&t));
                assert_eq!(pats.is_match(&t), want, "a long text");
                for p in list {
                    let one = Patterns::new(std::slice::from_ref(p));
                    assert_eq!(one.is_match(&t), p.regex().is_match(&t), "{}", p.source);
                }
            }
        }
    }

    #[test]
    fn required_literals_and_first_bytes() {
        let lits = |s: &str| {
            required_literals(&regex_syntax::parse(s).unwrap()).map(|v| {
                v.iter()
                    .map(|b| String::from_utf8(b.clone()).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            lits(r"(?i)\b(do|did) (comment|remark)\b"),
            Some(vec!["comment".to_string(), "remar".to_string()])
        );
        // `(?i)s` also matches `ſ`: a run of letters stops there
        assert_eq!(lits(r"(?i)subscribe"), Some(vec!["cribe".to_string()]));
        assert_eq!(lits(r"a|\w+"), None);
        assert_eq!(lits(r"(ab)?c"), Some(vec!["c".to_string()]));
        let first = |s: &str| {
            let mut f = [false; 256];
            let empty = first_bytes(&regex_syntax::parse(s).unwrap(), &mut f);
            let bytes: Vec<u8> = (0..=255u8).filter(|&b| f[b as usize]).collect();
            (bytes, empty)
        };
        assert_eq!(first(r"^(?i)ab"), (b"Aa".to_vec(), false));
        assert_eq!(first(r"^x?y*"), (b"xy".to_vec(), true));
        assert_eq!(first(r"^(é|b)"), (vec![b'b', 0xc3], false));
    }
}
