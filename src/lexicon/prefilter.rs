//! The prefilters of pattern lists: [`Patterns`], a list of regexes asked whether any of them
//! matches a text, each behind a cheap test derived from its syntax.

use crate::ruleset::Pattern;
use regex_automata::meta;
use regex_syntax::hir::{ClassUnicode, Hir};
use std::sync::OnceLock;

/// A list of patterns, for whether any of them matches a text, each behind a cheap test that
/// lets through every text it can match: a pattern anchored at the start of the text runs only
/// on a text whose first byte can start one of its matches; another pattern whose every match
/// contains one of a few literal strings ("reply", "comment"...) runs only on a text that has
/// one of them, ASCII case aside (one pass of a packed searcher over the text lower-cased, far
/// cheaper than the pattern's own search from the candidates of its prefix, "did", "does",
/// "could"...).
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    patterns: Vec<(Prefilter, Matcher)>,
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

/// The cheap test in front of the pattern of syntax `hir` (see [`Patterns`]).
fn prefilter(hir: &Hir) -> Prefilter {
    let props = hir.properties();
    if props
        .look_set_prefix()
        .contains(regex_syntax::hir::Look::Start)
    {
        let mut first = Box::new([false; 256]);
        return if props.minimum_len().unwrap_or(0) > 0 && !first_bytes(hir, &mut first) {
            match anchored_starts(hir) {
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
    required_literals(hir)
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
}

/// Texts from this long on are searched around the strings of a `Prefilter::Literals` only.
const WINDOWED_MIN: usize = 1 << 14;

impl Patterns {
    /// The patterns of a ruleset's pattern list (valid regexes: each is compiled when a text
    /// first passes its prefilter).
    pub fn new(patterns: &[Pattern]) -> Patterns {
        let limit = crate::ruleset::REGEX_SIZE_LIMIT;
        Patterns::of(patterns.iter().map(|p| {
            let hir = regex_syntax::parse(&p.source).expect("a pattern is a valid regex");
            Matcher::new(hir, (limit, 2 * limit))
        }))
    }

    /// The pattern `joined` compiled now with NFA size limit `limit` (and the `regex` crate's
    /// default lazy DFA capacity), or None when it does not compile; then the valid patterns
    /// `apart`, each compiled when a text first passes its prefilter.
    pub fn joined(joined: &str, limit: usize, apart: &[String]) -> Option<Patterns> {
        let hir = regex_syntax::parse(joined).ok()?;
        let m = Matcher::new(hir, (limit, 2 << 20));
        let re = super::engine::compile(&m.hir, m.limits)?;
        m.regex.set(re).expect("a new matcher has no regex");
        let each = crate::ruleset::REGEX_SIZE_LIMIT;
        let apart = apart.iter().map(|src| {
            let hir = regex_syntax::parse(src).expect("a pattern is a valid regex");
            Matcher::new(hir, (each, 2 * each))
        });
        Some(Patterns::of(std::iter::once(m).chain(apart)))
    }

    /// The patterns of `matchers`, each behind its prefilter.
    fn of(matchers: impl IntoIterator<Item = Matcher>) -> Patterns {
        let patterns: Vec<(Prefilter, Matcher)> = (matchers.into_iter())
            .map(|m| (prefilter(&m.hir), m))
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
        let mut memo = Memo::default();
        (self.patterns.iter()).any(|(pre, p)| self.one_matches(pre, p, text, &mut memo))
    }

    /// Call `f` with the regex of each pattern that matches `text`, in order: the patterns
    /// the prefilters rule out are neither run nor compiled.
    pub fn each_match(&self, text: &str, mut f: impl FnMut(&meta::Regex)) {
        let mut memo = Memo::default();
        for (pre, p) in &self.patterns {
            if self.one_matches(pre, p, text, &mut memo) {
                f(p.regex());
            }
        }
    }

    /// True when the pattern `p` behind `pre` matches `text` (see [`Patterns::is_match`]).
    fn one_matches(&self, pre: &Prefilter, p: &Matcher, text: &str, memo: &mut Memo) -> bool {
        match pre {
            Prefilter::None => p.is_match(text),
            Prefilter::FirstByte(first) => {
                text.as_bytes().first().is_some_and(|&b| first[b as usize]) && p.is_match(text)
            }
            Prefilter::Starts(first, starts) => {
                text.as_bytes().first().is_some_and(|&b| first[b as usize])
                    && starts.may_match(text)
                    && p.is_match(text)
            }
            Prefilter::Literals { search, window, .. } => {
                let lower: &[u8] = lower_into(&mut memo.lower, text);
                if !*memo.any_literal.get_or_insert_with(|| {
                    (self.any_literal.as_ref()).is_none_or(|s| s.find(lower).is_some())
                }) {
                    return false;
                }
                match window {
                    Some(w) if text.len() >= WINDOWED_MIN => {
                        windows_match(text, lower, search, *w, p)
                    }
                    _ => search.find(lower).is_some() && p.is_match(text),
                }
            }
        }
    }
}

/// What the patterns of one text share: its ASCII lower case, and whether it has one of the
/// strings of the patterns' `Prefilter::Literals` at all (each made when first needed). The
/// lower case is written into a buffer of the thread's, handed back when the memo is dropped:
/// no allocation for each text.
#[derive(Default)]
struct Memo {
    lower: Option<Vec<u8>>,
    any_literal: Option<bool>,
}

thread_local! {
    /// The buffer of [`Memo::lower`] between two texts.
    static LOWER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The ASCII lower case of `text` in `lower` (a [`Memo`]'s, made when first asked for).
fn lower_into<'m>(lower: &'m mut Option<Vec<u8>>, text: &str) -> &'m [u8] {
    lower.get_or_insert_with(|| {
        let mut buf = LOWER.take();
        buf.clear();
        buf.extend_from_slice(text.as_bytes());
        buf.make_ascii_lowercase();
        buf
    })
}

impl Drop for Memo {
    fn drop(&mut self) {
        if let Some(buf) = self.lower.take() {
            LOWER.set(buf);
        }
    }
}

/// A pattern and its wider twin ([`super::ascii::wider`]), each compiled when first used: a
/// text the twin does not match is not matched, and the pattern is compiled only for a text it
/// does.
#[derive(Debug, Clone)]
struct Matcher {
    /// The pattern's syntax (the prefilter's too).
    hir: Hir,
    /// Its NFA size limit and lazy DFA capacity.
    limits: (usize, usize),
    regex: OnceLock<meta::Regex>,
    /// The twin's syntax and its regex (None when it does not compile: then the pattern runs
    /// alone).
    wider: Option<(Hir, OnceLock<Option<meta::Regex>>)>,
}

impl Matcher {
    fn new(hir: Hir, limits: (usize, usize)) -> Matcher {
        Matcher {
            wider: super::ascii::wider(&hir).map(|w| (w, OnceLock::new())),
            hir,
            limits,
            regex: OnceLock::new(),
        }
    }

    /// The pattern's regex (a pattern list's regexes are valid: see [`Patterns::new`]).
    fn regex(&self) -> &meta::Regex {
        self.regex.get_or_init(|| {
            super::engine::compile(&self.hir, self.limits).expect("a valid pattern compiles")
        })
    }

    fn is_match(&self, text: &str) -> bool {
        self.wider.as_ref().is_none_or(|(hir, re)| {
            re.get_or_init(|| super::engine::compile(hir, self.limits))
                .as_ref()
                .is_none_or(|w| w.is_match(text))
        }) && self.regex().is_match(text)
    }
}

/// How a match of a pattern anchored at the start of the text (`^\s*(read|see) (next|more)`)
/// can begin: after a run of characters of `skip` (a leading `\s*`), with one of the sequences
/// of character classes `seqs` (`[Rr][Ee][Aa][Dd] `, `[Ssſ][Ee][Ee] `), which are never empty.
/// A text that does not is not matched: its pattern is neither run nor compiled. No sequence
/// begins with a character of `skip`, so that only the end of the run is tried.
#[derive(Debug, Clone)]
struct Starts {
    skip: Option<ClassUnicode>,
    seqs: Vec<Vec<ClassUnicode>>,
}

/// Sequences of classes and whether each can still grow (what follows it in the pattern is
/// also in every match).
type Seqs = Vec<(Vec<ClassUnicode>, bool)>;

const MAX_SEQS: usize = 64;
const MAX_SEQ_LEN: usize = 16;

/// The [`Starts`] of a pattern `^X*R`, `^R` (None when not of this shape, when some match of
/// `R` can begin with anything, or when one can begin with a character of `X`: then every
/// character of the run would be tried against every sequence, for `^[^.;]*?\b(is|are)\s+...`
/// of the background patterns 64 sequences at each character of a sentence, far costlier than
/// the regex).
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
    disjoint.then_some(Starts { skip, seqs })
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
            match rest.chars().next() {
                Some(ch) if class_has(skip, ch) => at += ch.len_utf8(),
                _ => return begins(rest),
            }
        }
    }
}

/// Adds to `first` every byte a non-empty match of `hir` can begin with; true when `hir` can
/// match the empty string (then what follows it can begin the match too).
pub(super) fn first_bytes(hir: &regex_syntax::hir::Hir, first: &mut [bool; 256]) -> bool {
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
    r: &Matcher,
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
/// True when every match of `hir` holds one of a few literal strings of at least `min` bytes
/// (ASCII case aside): a text without them is ruled out by one cheap search.
pub(crate) fn has_literal_prefilter(hir: &regex_syntax::hir::Hir, min: usize) -> bool {
    required_literals(hir).is_some_and(|l| min_len(&l) >= min)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::Ruleset;
    use regex::Regex;

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
