//! Claims: which sentences assert something, of what kind (editorial GUIDELINES.md: claim,
//! background, self_report, quote), which attributions support each, which sources dispute it,
//! and how many independent sources stand behind it.
//!
//! - **Support.** An attribution supports the sentences its content overlaps and the sentence
//!   of its cue, unless its cue disputes (`claim-dispute-cues`: "which he denied"): then its
//!   source disputes the claim.
//! - **Carry-over follows the speaker's account.** A sentence with no attribution of its own
//!   inherits one only when it continues that account: a sentence that is mostly quotation
//!   inherits the last direct quotation of its paragraph (or of the paragraph its quotation
//!   opened in); the sentences after an account ("X described", "According to X, ...", "X
//!   said:") inherit it to the end of the paragraph. A sentence after "X said ..." with a subject
//!   and an act of its own inherits nothing.
//! - **Independence.** Sources that share a registry affiliation count once; a news outlet
//!   beside another source relays it and counts once with it; a source named inside another
//!   attribution's content is not a second supporter; a quote or a self-report is never
//!   corroborated (each speaker vouches for their own words only).

use crate::Checker;
use crate::input::BlockKind;
use crate::lexicon::Patterns;
use crate::model::MAX_CONTENT_BYTES;
use crate::model::{
    Analysis, Attribution, AttributionKind, Claim, ClaimKind, ClaimStatus, SourceKind,
};
use crate::registry::Registry;
use crate::ruleset::{Lexicon, Ruleset};
use crate::span::Span;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

mod agreement;
mod groups;
mod joined;

use joined::ascii_bounded;
#[cfg(test)]
use joined::uncaptured;

/// The word lists and patterns of claim judgement, compiled once per run from the ruleset.
#[derive(Debug, Clone, Default)]
pub struct ClaimLexicons {
    /// Words of contested or consequential claims (`claim-consequential`).
    pub consequential: WordSet,
    /// Cue lemmas of a speaker's own act or view (`claim-self-cues`).
    pub self_cues: Lexicon,
    /// Cue lemmas that also name acts (`claim-act-cues`).
    pub act_cues: Lexicon,
    /// Cue lemmas of disputing (`claim-dispute-cues`).
    pub dispute_cues: Lexicon,
    /// Cue lemmas of agreeing with another source (`claim-agreement-cues`).
    pub agreement_cues: Lexicon,
    /// Each agreement cue's first word less its last letter: every form `has_lemma` accepts
    /// begins with one, a cheap test of every attribution before it.
    pub agreement_stems: Vec<String>,
    /// Cue lemmas of an account the next sentences continue (`claim-account-cues`).
    pub account_cues: Lexicon,
    /// Words that make a source an authority of record (`claim-authority-words`).
    pub authority_words: Lexicon,
    /// Background sentences (`background`).
    pub background: Patterns,
    /// Caption paragraphs (`captions`).
    pub captions: Patterns,
    /// A body's own rulings (`record-acts`).
    pub record_acts: Patterns,
    /// Framing attributions at the start of a sentence (`frames`), with groups `cue` and
    /// `source`.
    pub frames: Vec<regex_automata::meta::Regex>,
}

impl ClaimLexicons {
    /// Compile the claim lexicons of `rs`.
    pub fn new(rs: &Ruleset) -> ClaimLexicons {
        ClaimLexicons {
            consequential: WordSet::new(rs.lexicon("claim-consequential")),
            self_cues: rs.lexicon("claim-self-cues").clone(),
            act_cues: rs.lexicon("claim-act-cues").clone(),
            dispute_cues: rs.lexicon("claim-dispute-cues").clone(),
            agreement_cues: rs.lexicon("claim-agreement-cues").clone(),
            agreement_stems: (rs.lexicon("claim-agreement-cues").entries.iter())
                .filter_map(|e| {
                    let w = e.split_whitespace().next()?;
                    let (k, _) = w.char_indices().last()?;
                    (k > 0).then(|| w[..k].to_string())
                })
                .collect(),
            account_cues: rs.lexicon("claim-account-cues").clone(),
            authority_words: rs.lexicon("claim-authority-words").clone(),
            background: ascii_bounded(rs.patterns("background")),
            captions: ascii_bounded(rs.patterns("captions")),
            record_acts: ascii_bounded(rs.patterns("record-acts")),
            frames: (rs.patterns("frames").iter())
                .map(|p| {
                    crate::lexicon::captures_regex(&p.source, crate::ruleset::REGEX_SIZE_LIMIT)
                        .expect("a frame pattern is a valid regex")
                })
                .collect(),
        }
    }

    /// True when an ASCII word of `t` (a run of letters, digits and hyphens, at most 32 bytes),
    /// lower-cased, is in `lex` (whose entries are ASCII). No allocation
    /// ([`Lexicon::contains`] lower-cases such a word on the stack).
    fn any_word(lex: &Lexicon, t: &str) -> bool {
        t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .any(|w| !w.is_empty() && w.len() <= 32 && lex.contains(w))
    }

    /// True when cue lemma `lemma` is in `lex`, or a base form of it is (the learned cue
    /// lexicon's lemmas are the forms themselves: "issued", "cited").
    pub fn has_lemma(lex: &Lexicon, lemma: &str) -> bool {
        if lex.contains(lemma) {
            return true;
        }
        let first = lemma.split_whitespace().next().unwrap_or("");
        let strip = |suffix: &str| first.strip_suffix(suffix).filter(|b| b.len() >= 2);
        // (one suffix after another, each looked up only when the word ends with it)
        for suffix in ["d", "ed", "s", "es", "ing"] {
            if strip(suffix).is_some_and(|b| lex.contains(b)) {
                return true;
            }
        }
        strip("ing").is_some_and(|b| lex.contains(&format!("{b}e")))
    }

    /// True when `t` is contested or consequential: an allegation, harm, money, a cause...
    pub fn is_consequential(&self, t: &str) -> bool {
        self.consequential.any_in(t) || {
            // '$', '\u{a3}' (C2 A3) or '\u{20ac}' (E2 82 AC) before an ASCII digit: the
            // bytes searched for, not the characters decoded
            let b = t.as_bytes();
            memchr::memchr3_iter(b'$', 0xc2, 0xe2, b).any(|i| {
                let after = match b[i] {
                    b'$' => i + 1,
                    0xc2 if b[i + 1..].starts_with(&[0xa3]) => i + 2,
                    0xe2 if b[i + 1..].starts_with(&[0x82, 0xac]) => i + 3,
                    _ => return false,
                };
                b.get(after).is_some_and(u8::is_ascii_digit)
            })
        }
    }

    /// True when paragraph text `t` is a caption or a credit.
    pub fn is_caption(&self, t: &str) -> bool {
        self.captions.is_match(t)
    }

    /// True when paragraph `para` of `analysis` is a caption or a credit: from
    /// `analysis.captions` when computed, else tested now.
    pub fn paragraph_is_caption(&self, analysis: &Analysis, para: usize) -> bool {
        match analysis.captions.get(para) {
            Some(&c) => c,
            None => self.is_caption(analysis.doc.blocks[para].span.slice(&analysis.doc.text)),
        }
    }
}

/// Whole words of a lexicon found in one pass over a text (ASCII case aside): an Aho-Corasick
/// automaton over the entries, each match kept when no letter, digit or hyphen touches it.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    ac: Option<aho_corasick::AhoCorasick>,
}

impl WordSet {
    fn new(lex: &Lexicon) -> WordSet {
        let words: Vec<&str> = lex.entries.iter().map(String::as_str).collect();
        let ac = (!words.is_empty())
            .then(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(&words)
                    .ok()
            })
            .flatten();
        WordSet { ac }
    }

    /// True when a whole word of `t` is in the set.
    pub fn any_in(&self, t: &str) -> bool {
        let Some(ac) = &self.ac else { return false };
        let b = t.as_bytes();
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c >= 0x80;
        // (leftmost-longest, not overlapping: a word found inside a longer one fails the
        // boundary test, and the search goes on after it)
        ac.find_iter(t).any(|m| {
            (m.start() == 0 || !word(b[m.start() - 1])) && (m.end() == b.len() || !word(b[m.end()]))
        })
    }
}

/// How a sentence's attributions carry over to the sentences after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Carry {
    /// An account ("X described", "According to X, ...", "X said:"): to the end of the paragraph.
    Account,
    /// Only to sentences that continue a quotation.
    Quotation,
}

/// Each sentence's own attributions: its cue is in the sentence, or its content overlaps it
/// (found by binary search over the sentences, not by a scan per sentence); in one list, by
/// sentence and then attribution, with where each sentence's part begins (not a list a sentence).
struct OwnAttributions {
    atts: Vec<usize>,
    /// Where sentence `i`'s part of `atts` begins (and, at `i + 1`, ends).
    starts: Vec<usize>,
}

impl OwnAttributions {
    fn new(analysis: &Analysis) -> OwnAttributions {
        let sentences = &analysis.sentences;
        let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(analysis.attributions.len());
        for (ai, a) in analysis.attributions.iter().enumerate() {
            let mut hit = |span: Span, whole: bool| {
                let first = sentences.partition_point(|s| s.span.end <= span.start);
                for (si, s) in sentences.iter().enumerate().skip(first) {
                    if s.span.start >= span.end.max(span.start + 1) {
                        break;
                    }
                    let ok = if whole {
                        s.span.contains(span)
                    } else {
                        s.span.overlaps(span)
                    };
                    if ok && pairs.last() != Some(&(si, ai)) {
                        pairs.push((si, ai));
                    }
                }
            };
            hit(a.cue, true);
            if let Some(c) = &a.content {
                for f in &c.fragments {
                    hit(*f, false);
                }
            }
        }
        // (mostly in order already: attributions come in the order of their cues)
        if !pairs.is_sorted() {
            pairs.sort_unstable();
        }
        pairs.dedup();
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        let mut k = 0;
        for si in 0..=sentences.len() {
            while k < pairs.len() && pairs[k].0 < si {
                k += 1;
            }
            starts.push(k);
        }
        OwnAttributions {
            atts: pairs.into_iter().map(|(_, ai)| ai).collect(),
            starts,
        }
    }

    /// Sentence `si`'s own attributions, in order.
    fn of(&self, si: usize) -> &[usize] {
        &self.atts[self.starts[si]..self.starts[si + 1]]
    }
}

/// Find the claims of an analysed document (attributions and sources already resolved).
pub fn find_claims(analysis: &Analysis, checker: &Checker) -> Vec<Claim> {
    let lex = &checker.lex;
    let cl = &checker.claim_lex;
    let text = &analysis.doc.text;
    let mut out = Vec::with_capacity(analysis.sentences.len());
    let mut boiler = vec![false; analysis.doc.blocks.len()];
    for (i, b) in boiler.iter_mut().enumerate() {
        *b = lex.paragraph_is_boilerplate(analysis, i) || cl.paragraph_is_caption(analysis, i);
    }
    // each sentence's own attributions: its cue is in the sentence, or its content overlaps it
    // (found by binary search over the sentences, not by a scan per sentence)
    let sentences = &analysis.sentences;
    let own_by_sentence = OwnAttributions::new(analysis);
    let quoted = QuotedLetters::new(analysis);
    // what the last sentence with attributions of its own passes on: (paragraph, attributions,
    // how); and the last direct quotation (attribution) with its paragraph
    let mut carried: Option<(usize, Vec<usize>, Carry)> = None;
    // (the list `carried` held last, kept for the next one: not a new list a sentence)
    let mut spare: Vec<usize> = Vec::new();
    let mut last_quote: Option<(usize, usize)> = None;
    for (si, s) in sentences.iter().enumerate() {
        // (a sentence's links are its support, but say nothing of what kind of sentence it is,
        // and no later sentence inherits them)
        // (most sentences have no link and no dispute: their own list is borrowed, not copied;
        // a list is made only for a claim)
        let not_link = |ai: usize| analysis.attributions[ai].kind != AttributionKind::Link;
        let mine = own_by_sentence.of(si);
        let (own, own_links): (Cow<'_, [usize]>, Vec<usize>) =
            if mine.iter().all(|&ai| not_link(ai)) {
                (Cow::Borrowed(mine), Vec::new())
            } else {
                let (own, links) = mine.iter().partition(|&&ai| not_link(ai));
                (Cow::Owned(own), links)
            };
        let block = &analysis.doc.blocks[s.paragraph];
        let start = s.label.map(|l| l.end).unwrap_or(s.span.start);
        let span = Span::new(start, s.span.end).trim(text);
        let t = span.slice(text);
        let quote_share = quoted.share(text, span);
        // mostly quotation, or quotation with its speaker and cue ("..." Baloch wrote)
        // (a turn of an interview is its speaker's words, quotation marks or not)
        let is_quote = quote_share >= 0.5
            || (quote_share >= 0.3 && quoted_with_speakers(analysis, &own, text, span) >= 0.6)
            || own
                .iter()
                .any(|&ai| analysis.attributions[ai].kind == AttributionKind::Transcript);
        let disputes = |ai: usize| {
            ClaimLexicons::has_lemma(&cl.dispute_cues, &analysis.attributions[ai].cue_lemma)
        };
        let (disputing, supporting): (Vec<usize>, Cow<'_, [usize]>) =
            if own.iter().any(|&ai| disputes(ai)) {
                let (d, s) = own.iter().partition(|&&ai| disputes(ai));
                (d, Cow::Owned(s))
            } else {
                (Vec::new(), own.clone())
            };
        let mut inherited: Vec<usize> = Vec::new();
        let attributions: Cow<'_, [usize]> = if !own.is_empty() {
            if let Some(&q) = supporting
                .iter()
                .rev()
                .find(|&&ai| analysis.attributions[ai].kind == AttributionKind::DirectQuote)
            {
                last_quote = Some((s.paragraph, q));
            }
            // what is carried over: the accounts among the attributions with a speaker, else
            // those (an agentless report is no speaker's account: nothing to carry over)
            let voiced = |ai: &usize| analysis.attributions[*ai].kind != AttributionKind::Agentless;
            let mut keep = match carried.take() {
                Some((_, v, _)) => v,
                None => std::mem::take(&mut spare),
            };
            keep.clear();
            keep.extend(
                (supporting.iter().copied())
                    .filter(|ai| voiced(ai) && is_account(analysis, cl, *ai, s.span, t)),
            );
            let how = if !keep.is_empty() {
                Some(Carry::Account)
            } else {
                keep.extend(supporting.iter().copied().filter(voiced));
                (!keep.is_empty()).then_some(Carry::Quotation)
            };
            carried = match how {
                Some(how) => Some((s.paragraph, keep, how)),
                None => {
                    spare = keep;
                    None
                }
            };
            supporting
        } else {
            let opened_before = quoted.opened_before(s.paragraph, span);
            match (&carried, last_quote) {
                (_, Some((p, q))) if is_quote && (p == s.paragraph || opened_before) => {
                    inherited.push(q);
                }
                (Some((p, atts, Carry::Account)), _) if *p == s.paragraph => {
                    inherited.extend(atts.iter().copied());
                }
                _ => {}
            }
            Cow::Owned(inherited.clone())
        };
        if block.kind == BlockKind::Heading || boiler[s.paragraph] {
            continue;
        }
        let words = Words::of(t);
        if !is_claim_text(t, block.span.slice(text) == s.span.slice(text), words.count)
            || lex.not_claims.is_match(t)
        {
            continue;
        }
        // the attributions with a source: an agentless one ("reportedly") names no speaker whose
        // own act or view the sentence could be, and tells no one's account
        let voiced = |ai: &&usize| analysis.attributions[**ai].kind != AttributionKind::Agentless;
        let has_voice = own.iter().any(|ai| voiced(&ai));
        let kind = if is_quote {
            ClaimKind::Quote
        } else if has_voice && {
            let mut with_source = attributions.iter().filter(voiced).peekable();
            with_source.peek().is_some()
                && with_source.all(|&ai| is_self_report(analysis, cl, &analysis.attributions[ai]))
        } {
            ClaimKind::SelfReport
        } else if has_voice {
            // (a sentence with an attribution of its own is told as someone's: the patterns of
            // the writer's background and of acts of record, the costliest tests here, are for
            // sentences without one)
            ClaimKind::Claim
        } else if cl.record_acts.is_match(t) {
            ClaimKind::SelfReport
        } else if cl.background.is_match(t) {
            ClaimKind::Background
        } else {
            ClaimKind::Claim
        };
        // (in order of first mention; a set beside the list once it is long, so that a claim
        // of thousands of sources is not a search of the list for each)
        let mut seen: HashSet<usize> = HashSet::new();
        let mut attributions = attributions.into_owned();
        if !own_links.is_empty() {
            attributions.extend(own_links);
            attributions.sort_unstable();
            attributions.dedup();
        }
        let mut sources: Vec<usize> = Vec::new();
        for &ai in &attributions {
            for m in &analysis.attributions[ai].sources {
                if let Some(src) = m.source
                    && !listed(&sources, &mut seen, src)
                {
                    sources.push(src);
                }
            }
        }
        let in_sources = |src: usize| {
            if seen.is_empty() {
                sources.contains(&src)
            } else {
                seen.contains(&src)
            }
        };
        let mut seen_disputing: HashSet<usize> = HashSet::new();
        let mut disputed_by: Vec<usize> = Vec::new();
        for &ai in &disputing {
            for m in &analysis.attributions[ai].sources {
                if let Some(src) = m.source
                    && !in_sources(src)
                    && !listed(&disputed_by, &mut seen_disputing, src)
                {
                    disputed_by.push(src);
                }
            }
        }
        let voices = independent_voices(analysis, cl, &attributions, &sources);
        let mut independent = independent_count(analysis, checker.registry.as_ref(), &voices);
        if independent >= 2 && !same_proposition(analysis, &attributions, &voices) {
            // two voices on two different things ("X said A; Y urged B") corroborate nothing
            independent = 1;
        }
        let status = status_of(kind, !disputed_by.is_empty(), independent);
        let checkworthiness = match kind {
            ClaimKind::Claim => score(t, &words, cl),
            ClaimKind::Background => 0.2,
            ClaimKind::SelfReport | ClaimKind::Quote => 0.3,
        };
        out.push(Claim {
            span,
            sentence: si,
            checkworthiness,
            kind,
            status,
            attributions,
            inherited,
            disputed_by,
            sources,
            independent_sources: independent,
        });
    }
    agreement::link_agreements(analysis, checker, &mut out);
    out
}

/// The status of a claim of `kind` with `independent` independent sources, disputed or not: a
/// dispute or corroboration is said of a claim only (a quotation or a self-report is its
/// speaker's).
fn status_of(kind: ClaimKind, disputed: bool, independent: usize) -> ClaimStatus {
    if disputed && kind == ClaimKind::Claim {
        ClaimStatus::Disputed
    } else {
        match independent {
            0 => ClaimStatus::Unattributed,
            1 => ClaimStatus::SingleSource,
            _ if kind == ClaimKind::Claim => ClaimStatus::Corroborated,
            _ => ClaimStatus::SingleSource,
        }
    }
}

/// The share of the letters of `span` that are quotation, or speaker or cue of one of the direct
/// quotations `atts`.
fn quoted_with_speakers(analysis: &Analysis, atts: &[usize], text: &str, span: Span) -> f64 {
    let mut parts: Vec<Span> = Vec::new();
    for &ai in atts {
        let a = &analysis.attributions[ai];
        if a.kind != AttributionKind::DirectQuote {
            continue;
        }
        if let Some(c) = &a.content {
            parts.extend(c.fragments.iter().copied());
        }
        parts.push((a.sources.iter().chain(&a.cited)).fold(a.cue, |acc, m| acc.cover(m.span)));
    }
    if parts.is_empty() {
        return 0.0;
    }
    parts.sort_unstable();
    let letters = |s: Span| ascii_alnum_count(&text.as_bytes()[s.start..s.end]);
    let (mut covered, mut at) = (0, span.start);
    for p in &parts {
        let (from, to) = (p.start.max(at), p.end.min(span.end));
        if from < to {
            covered += letters(Span::new(from, to));
            at = to;
        }
    }
    let total = letters(span);
    if total == 0 {
        0.0
    } else {
        covered as f64 / total as f64
    }
}

/// True when attribution `ai`, in sentence `sentence` (text `t` without a label), opens an
/// account the next sentences go on with: an account cue ("described", "revealed"), an
/// "according to" that opens the sentence, or a cue before a colon that ends it ("X said:").
fn is_account(analysis: &Analysis, cl: &ClaimLexicons, ai: usize, sentence: Span, t: &str) -> bool {
    let a = &analysis.attributions[ai];
    if ClaimLexicons::has_lemma(&cl.account_cues, &a.cue_lemma) {
        // (not "described the attacks as a dastardly act": a characterisation, the speaker's view)
        return !a
            .content
            .as_ref()
            .is_some_and(|c| analysis.text(c.span).contains(" as "));
    }
    // (an "According to X, ..." that opens a sentence is not one: what follows it in the
    // paragraph is as often the writer's own as X's)
    let _ = sentence;
    t.trim_end().ends_with(':')
}

/// Subject pronouns that can stand for a source of kind `kind` speaking of itself.
fn own_pronoun(word: &str, kind: SourceKind) -> bool {
    let w = word.to_ascii_lowercase();
    match kind {
        SourceKind::Person => matches!(w.as_str(), "he" | "she" | "i" | "we"),
        SourceKind::Anonymous => matches!(w.as_str(), "he" | "she" | "i" | "we" | "they"),
        SourceKind::Unknown => matches!(w.as_str(), "he" | "she" | "i" | "we" | "they" | "it"),
        _ => matches!(w.as_str(), "it" | "we" | "they"),
    }
}

/// True when attribution `a` reports its source's own act, view or decision: its cue is one of
/// acts ("pledged", "announced", "called", "claimed responsibility"), or its content's subject is
/// the source itself ("said he would resign", "said it will close 20 stores"), not in the passive
/// ("said she was forced into ...": something done to the speaker, by another).
pub fn is_self_report(analysis: &Analysis, cl: &ClaimLexicons, a: &Attribution) -> bool {
    if ClaimLexicons::has_lemma(&cl.self_cues, &a.cue_lemma)
        || is_bare_act(analysis, cl, a)
        // (a stance: "argued for using ballot access", "voted against")
        || {
            let cue = analysis.text(a.cue);
            cue.ends_with(" for") || cue.ends_with(" against")
        }
    {
        return true;
    }
    let Some(content) = &a.content else {
        return false;
    };
    let t = analysis.text(content.fragments[0]);
    let mut words = t
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty());
    let mut first = words.next().unwrap_or("");
    if first.eq_ignore_ascii_case("that") {
        first = words.next().unwrap_or("");
    }
    // (a stance: "argued against Universal Basic Income", "argued for using ballot access")
    if matches!(
        first.to_ascii_lowercase().as_str(),
        "responsibility" | "credit" | "for" | "against"
    ) {
        return true;
    }
    // a view of what ought to be: "the victims had a right to ...", "bishops must be reported"
    let lower = t.to_lowercase();
    if [
        " should ",
        " must ",
        " ought ",
        " a right to ",
        " the right to ",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return true;
    }
    let kind = a
        .sources
        .iter()
        .find_map(|m| m.source)
        .map(|s| analysis.sources[s].kind)
        .unwrap_or(SourceKind::Unknown);
    if !own_pronoun(first, kind) {
        return false;
    }
    // the passive: a form of "be" (after "had", "has", "have", "not") then a participle
    let rest: Vec<&str> = words.take(4).collect();
    let mut i = 0;
    while i < rest.len() && matches!(rest[i], "had" | "has" | "have" | "not" | "also") {
        i += 1;
    }
    let be = rest
        .get(i)
        .is_some_and(|w| matches!(*w, "was" | "were" | "is" | "are" | "been" | "be"));
    let participle = rest.get(i + 1).is_some_and(|w| {
        (w.ends_with("ed") || w.ends_with("en")) && !matches!(*w, "often" | "seen")
    });
    !(be && participle)
}

/// True when `a`'s cue also names an act ("showed", "issued", "ordered"): it reports speech only
/// with a clause, a quotation or a "that" after it ("ZMapp initially showed promise" does not).
pub fn is_act_cue(cl: &ClaimLexicons, a: &Attribution) -> bool {
    ClaimLexicons::has_lemma(&cl.act_cues, &a.cue_lemma)
}

/// True when `a` is a cue that also names an act (`claim-act-cues`) with no clause, quotation
/// or "that" after it: the attribution records its source's own act, not speech.
pub fn is_bare_act(analysis: &Analysis, cl: &ClaimLexicons, a: &Attribution) -> bool {
    if !is_act_cue(cl, a) || a.kind == AttributionKind::DirectQuote {
        return false;
    }
    let Some(content) = &a.content else {
        return true;
    };
    let t = analysis.text(content.span);
    if t.starts_with(['"', '\u{201c}', '\'', '\u{2018}']) {
        return false;
    }
    let mut words = t
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty());
    if words.next().is_some_and(|w| w.eq_ignore_ascii_case("that")) {
        return false;
    }
    // a finite verb in the content: a clause
    !words.any(|w| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "did"
                | "does"
        )
    })
}

/// The sources of `sources` (of the attributions `atts`) that count as voices of their own: a
/// source named only inside another of the attributions' content is that attribution's, and a
/// news outlet beside a source that is not one relays it.
fn independent_voices(
    analysis: &Analysis,
    cl: &ClaimLexicons,
    atts: &[usize],
    sources: &[usize],
) -> Vec<usize> {
    if sources.len() < 2 {
        return sources.to_vec();
    }
    // each source's mentions and attributions here, in one pass (not a pass over all the
    // attributions for each source: a claim of thousands of sources took the square)
    let index: HashMap<usize, usize> = (sources.iter().enumerate()).map(|(k, &s)| (s, k)).collect();
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); sources.len()];
    let mut cites: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    for &ai in atts {
        for m in &analysis.attributions[ai].sources {
            if let Some(&k) = m.source.and_then(|s| index.get(&s)) {
                mentions[k].push(m.span);
                if cites[k].last() != Some(&ai) {
                    cites[k].push(ai);
                }
            }
        }
    }
    // the contents of the attributions, by start: a content holding a mention starts at most
    // `MAX_CONTENT_BYTES` before it (contents are capped), so few are looked at for each
    // (a link's content is its whole sentence: another link in it is a citation of its own,
    // so links are left out; beside each content, the source of its attribution when it has
    // only one, so that the common case needs no look at the attribution)
    let mut contents: Vec<(Span, usize, Option<usize>)> = (atts.iter())
        .filter(|&&bi| analysis.attributions[bi].kind != AttributionKind::Link)
        .filter_map(|&bi| {
            let a = &analysis.attributions[bi];
            let only = match a.sources.as_slice() {
                [m] => m.source,
                _ => None,
            };
            Some((a.content.as_ref()?.span, bi, only))
        })
        .collect();
    contents.sort_by_key(|&(c, _, _)| c.start);
    // a source named only inside another of the attributions' content is that attribution's
    let inside_other = |k: usize, src: usize| {
        !mentions[k].is_empty()
            && mentions[k].iter().all(|&m| {
                let to = contents.partition_point(|(c, _, _)| c.start <= m.start);
                let from = contents[..to]
                    .partition_point(|(c, _, _)| c.start + MAX_CONTENT_BYTES < m.start);
                contents[from..to].iter().any(|&(c, bi, only)| {
                    c.contains(m)
                        && only != Some(src)
                        && (only.is_some()
                            || !(analysis.attributions[bi].sources.iter())
                                .any(|x| x.source == Some(src)))
                })
            })
    };
    // a source whose only attributions here are its own acts ("showed promise") is no voice
    let acts_only = |k: usize| {
        (cites[k].iter()).all(|&ai| is_bare_act(analysis, cl, &analysis.attributions[ai]))
    };
    let mut voices: Vec<usize> = (sources.iter().enumerate())
        .filter(|&(k, &s)| !inside_other(k, s) && !acts_only(k))
        .map(|(_, &s)| s)
        .collect();
    groups::one_voice_per_group(analysis, atts, &mut voices);
    groups::one_voice_with_its_own(analysis, atts, &mut voices);
    groups::one_voice_per_body(analysis, &mut voices);
    let media = |s: usize| analysis.sources[s].kind == SourceKind::Media;
    if voices.iter().any(|&s| !media(s)) {
        voices.retain(|&s| !media(s));
    }
    if voices.is_empty() {
        voices.push(sources[0]);
    }
    voices
}

/// True when `x` is in `list`, which `seen` mirrors once the list is longer than 16 (a search
/// of the list before that); `x` is then added to `seen`, the caller pushing it to `list`.
fn listed(list: &[usize], seen: &mut HashSet<usize>, x: usize) -> bool {
    const SHORT: usize = 16;
    if list.len() < SHORT {
        return list.contains(&x);
    }
    if seen.is_empty() {
        seen.extend(list.iter().copied());
    }
    !seen.insert(x)
}

/// True when two of the `voices` assert one proposition: one attribution has two of them ("X and
/// Y said"), or the contents of attributions of two of them overlap, or one of the two contents
/// only points back ("and firefighters confirmed it"). Linear in the attributions but for a
/// sort of their contents (a claim of thousands of attributions is no pairwise comparison).
fn same_proposition(analysis: &Analysis, atts: &[usize], voices: &[usize]) -> bool {
    let voices: HashSet<usize> = voices.iter().copied().collect();
    // (the voice and content of each attribution with one voice and a content)
    let mut one: Vec<(usize, Span)> = Vec::with_capacity(atts.len());
    let mut back = false;
    for &a in atts {
        let att = &analysis.attributions[a];
        let mut va = (att.sources.iter())
            .filter_map(|m| m.source)
            .filter(|s| voices.contains(s));
        let Some(v) = va.next() else { continue };
        if va.next().is_some() {
            return true;
        }
        let Some(c) = &att.content else { continue };
        // ("and firefighters confirmed it": a content that only points back is the other's)
        let t = analysis.text(c.span);
        back |= t.len() <= 4
            && ["it", "this", "that", "so"]
                .iter()
                .any(|w| t.eq_ignore_ascii_case(w));
        one.push((v, c.span));
    }
    let two_voices = one.iter().any(|&(v, _)| v != one[0].0);
    if !two_voices {
        return false;
    }
    if back {
        return true;
    }
    overlap_of_two_voices(&mut one)
}

/// True when two of `contents` (a voice and a content each) of different voices share a byte
/// ([`Span::overlaps`]). In order of start, each is set against the furthest end among the
/// earlier starts of a voice other than its own (kept as the furthest end of all, and the
/// furthest of a voice other than that one's): a sort and one pass.
fn overlap_of_two_voices(one: &mut [(usize, Span)]) -> bool {
    one.sort_by_key(|&(_, c)| c.start);
    let mut furthest: Option<(usize, usize)> = None; // (end, voice)
    let mut other = 0; // the furthest end of a voice other than furthest's
    let mut g = 0;
    while g < one.len() {
        let start = one[g].1.start;
        let h = g
            + (one[g..].iter())
                .take_while(|(_, c)| c.start == start)
                .count();
        let group = &one[g..h];
        for &(v, _) in group {
            let end = match furthest {
                Some((e, fv)) if fv != v => e,
                Some(_) => other,
                None => 0,
            };
            if start < end {
                return true;
            }
        }
        // (contents that start at one byte share it unless empty)
        let mut nonempty = group.iter().filter(|(_, c)| c.end > c.start);
        if let Some(&(v, _)) = nonempty.next()
            && nonempty.any(|&(w, _)| w != v)
        {
            return true;
        }
        for &(v, c) in group {
            furthest = match furthest {
                None => Some((c.end, v)),
                Some((e, fv)) if fv == v => Some((e.max(c.end), v)),
                Some((e, _)) if c.end > e => {
                    other = e;
                    Some((c.end, v))
                }
                Some(f) => {
                    other = other.max(c.end);
                    Some(f)
                }
            };
        }
        g = h;
    }
    false
}

/// For each source of `analysis`, whether it is an authority of record: a government body, or a
/// source a mention of which has a word of office ("Judge", "police", "spokesperson", "Highway
/// Patrol"), in the mention up to a relative clause. One pass over the attributions.
pub fn authorities(analysis: &Analysis, cl: &ClaimLexicons) -> Vec<bool> {
    let mut out: Vec<bool> = analysis
        .sources
        .iter()
        .map(|s| {
            s.kind == SourceKind::Government
                || ClaimLexicons::any_word(&cl.authority_words, &s.name)
        })
        .collect();
    for m in analysis.attributions.iter().flat_map(|a| a.sources.iter()) {
        let Some(src) = m.source else { continue };
        if out[src] {
            continue;
        }
        // the mention up to a relative clause ("..., Director General of the institute that
        // monitored the trial": the trial is not the source)
        let t = analysis.text(m.span);
        let head = before_relative(t);
        out[src] = ClaimLexicons::any_word(&cl.authority_words, head);
    }
    out
}

/// `t` up to the first " that ", " which " or " who " (one pass over its spaces).
fn before_relative(t: &str) -> &str {
    let b = t.as_bytes();
    memchr::memchr_iter(b' ', b)
        .find(|&i| {
            let rest = &b[i + 1..];
            [&b"that "[..], b"which ", b"who "]
                .iter()
                .any(|r| rest.starts_with(r))
        })
        .map_or(t, |i| &t[..i])
}

/// The share of the letters and digits of a sentence that are inside quotation marks.
struct QuotedLetters {
    /// The inner spans of the quotations (not terms), merged, in order, with the paragraph each
    /// opened in.
    spans: Vec<(Span, usize)>,
}

impl QuotedLetters {
    fn new(analysis: &Analysis) -> QuotedLetters {
        let mut spans: Vec<(Span, usize)> = Vec::new();
        for q in analysis.quotes.iter().filter(|q| q.is_quotation) {
            match spans.last_mut() {
                Some((last, _)) if q.inner.start <= last.end => *last = last.cover(q.inner),
                _ => spans.push((q.inner, q.paragraph)),
            }
        }
        QuotedLetters { spans }
    }

    fn share(&self, text: &str, span: Span) -> f64 {
        let first = self.spans.partition_point(|(q, _)| q.end <= span.start);
        if self
            .spans
            .get(first)
            .is_none_or(|(q, _)| q.start >= span.end)
        {
            return 0.0;
        }
        let letters = |s: Span| ascii_alnum_count(&text.as_bytes()[s.start..s.end]);
        let total = letters(span);
        if total == 0 {
            return 0.0;
        }
        let mut inside = 0;
        for (q, _) in &self.spans[first..] {
            if q.start >= span.end {
                break;
            }
            inside += letters(Span::new(q.start.max(span.start), q.end.min(span.end)));
        }
        inside as f64 / total as f64
    }

    /// True when a quotation covering the start of `span` opened in a paragraph before `para`.
    fn opened_before(&self, para: usize, span: Span) -> bool {
        let first = self.spans.partition_point(|(q, _)| q.end <= span.start);
        self.spans
            .get(first)
            .is_some_and(|(q, p)| q.start <= span.start && *p < para)
    }
}

/// What the claim tests need of a sentence's words, in one pass over it: how many words
/// (`str::split_whitespace`), up to [`Words::ENOUGH`], and whether a word after the first starts,
/// after opening quotes and brackets, with a capital.
struct Words {
    /// The number of words, or [`Words::ENOUGH`] when there are more (the pass stops there
    /// once a capital was found).
    count: usize,
    named: bool,
}

impl Words {
    /// No test tells apart more words than this.
    const ENOUGH: usize = 12;

    fn of(t: &str) -> Words {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        // per byte of 8 ASCII bytes, the high bit when the byte is in `lo..=hi` (exact byte by
        // byte, "hasbetween" of Bit Twiddling Hacks: no borrow or carry crosses a byte)
        let between = |x: u64, lo: u8, hi: u8| {
            let low7 = x & (LO * 0x7f);
            (LO * (0x7f + hi as u64 + 1)).wrapping_sub(low7)
                & low7.wrapping_add(LO * (0x7f - (lo as u64 - 1)))
                & HI
        };
        let equal = |x: u64, c: u8| {
            let y = x ^ (LO * c as u64);
            !(((y & (LO * 0x7f)) + LO * 0x7f) | y) & HI
        };
        let b = t.as_bytes();
        let (mut count, mut named) = (0, false);
        // whether the character before `i` is part of a word (not white space)
        let mut in_word = false;
        let mut i = 0;
        while i < b.len() && !(named && count >= Words::ENOUGH) {
            // the ASCII bytes among the next 8, as a whole: word starts are the bytes that
            // are not white space after one that is (8 bytes a few operations each, the
            // words of a sentence being a few bytes long)
            if let Some(w) = b.get(i..i + 8) {
                let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
                if count >= Words::ENOUGH
                    && x & HI == 0
                    && between(x, b'A', b'Z') | between(x, b'"', b'(') == 0
                {
                    // enough words counted, and no capital here to start one, nor a quote or
                    // bracket before one: only where the last word ends matters
                    in_word = !matches!(w[7], b' ' | b'\t'..=b'\r');
                    i += 8;
                    continue;
                }
                let ascii = match x & HI {
                    0 => 8,
                    high => high.trailing_zeros() as usize / 8,
                };
                if ascii > 0 {
                    let keep = HI >> (8 * (8 - ascii));
                    // `char::is_whitespace` of ASCII: ' ' and '\t'..='\r'
                    let space = equal(x, b' ') | between(x, b'\t', b'\r');
                    let word = !space & keep;
                    let starts = word & !((word << 8) | (u64::from(in_word) << 7));
                    if starts != 0 {
                        if !named {
                            // the words after the first word of the text
                            let later = if count == 0 {
                                starts & (starts - 1)
                            } else {
                                starts
                            };
                            if later & between(x, b'A', b'Z') != 0 {
                                named = true;
                            } else {
                                // a word opening on a quote or bracket: the character after
                                // (tested for every word opening on a byte from '"' to '(':
                                // one not a quote or bracket is itself not a capital)
                                let mut open = later & between(x, b'"', b'(');
                                while open != 0 && !named {
                                    named = capital_after_openers(
                                        t,
                                        i + open.trailing_zeros() as usize / 8,
                                    );
                                    open &= open - 1;
                                }
                            }
                        }
                        // (one bit per byte: their sum by a multiplication, not a popcount,
                        // which the baseline x86-64 has no instruction for)
                        count += ((starts >> 7).wrapping_mul(LO) >> 56) as usize;
                    }
                    in_word = word & (0x80 << (8 * (ascii - 1))) != 0;
                    i += ascii;
                    continue;
                }
            }
            // one character
            let c = b[i];
            let (ws, len) = if c < 0x80 {
                (matches!(c, b' ' | b'\t'..=b'\r'), 1)
            } else {
                let ch = t[i..].chars().next().unwrap_or(' ');
                (ch.is_whitespace(), ch.len_utf8())
            };
            if !ws && !in_word {
                if count >= 1 && !named {
                    named = capital_after_openers(t, i);
                }
                count += 1;
            }
            in_word = !ws;
            i += len;
        }
        Words {
            count: count.min(Words::ENOUGH),
            named,
        }
    }
}

/// Whether the word at byte `i` of `t` starts, after opening quotes and brackets, with a capital.
fn capital_after_openers(t: &str, i: usize) -> bool {
    t[i..]
        .chars()
        .find(|c| !matches!(c, '"' | '\u{201c}' | '(' | '\''))
        .filter(|c| !c.is_whitespace())
        .is_some_and(char::is_uppercase)
}

/// True for text that can be a claim: a statement of at least four words, not a question, and
/// not a short line without end punctuation (a heading, a caption, a label).
fn is_claim_text(t: &str, whole_paragraph: bool, words: usize) -> bool {
    if words < 4
        || t.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')'])
            .ends_with('?')
    {
        return false;
    }
    let ends = t
        .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')', ']'])
        .ends_with(['.', '!', '\u{2026}', ';']);
    if !ends && whole_paragraph && words < Words::ENOUGH {
        return false;
    }
    true
}

/// How much a sentence needs a source, in [0, 1], as a claim: 0.55, and 0.8 or more when it is
/// contested or consequential (an allegation, harm, money, a cause: `claim-consequential`),
/// more with figures and names.
pub fn checkworthiness(t: &str, cl: &ClaimLexicons) -> f64 {
    score(t, &Words::of(t), cl)
}

fn score(t: &str, words: &Words, cl: &ClaimLexicons) -> f64 {
    // (below 0.7 without a consequential word, whatever else the sentence holds)
    let mut score: f64 = 0.55;
    if cl.is_consequential(t) {
        score += 0.25;
    }
    if has_digit(t.as_bytes()) {
        score += 0.05;
    }
    if words.named {
        score += 0.05;
    }
    score.min(1.0)
}

/// True when `b` has an ASCII digit (8 bytes at a time).
fn has_digit(b: &[u8]) -> bool {
    let mut words = b.chunks_exact(8);
    words.any(|w| {
        bytes_between(
            u64::from_le_bytes(w.try_into().expect("8 bytes")),
            b'0',
            b'9',
        ) != 0
    }) || words.remainder().iter().any(u8::is_ascii_digit)
}

/// One in each byte, `0x0101...`.
const LO: u64 = 0x0101_0101_0101_0101;

/// Per byte of `x`, the high bit when the byte is in `lo..=hi` ("hasbetween" of Bit Twiddling
/// Hacks, exact byte by byte; bytes from 0x80 never; `lo` at least 1, `hi` below 0x80).
fn bytes_between(x: u64, lo: u8, hi: u8) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    let low7 = x & (LO * 0x7f);
    (LO * (0x7f + hi as u64 + 1)).wrapping_sub(low7)
        & !x
        & low7.wrapping_add(LO * (0x7f - (lo as u64 - 1)))
        & HI
}

/// How many independent sources the document sources `ids` form: sources matched to registry
/// rows that share an affiliation count once; other sources count one each.
pub fn independent_count(analysis: &Analysis, registry: Option<&Registry>, ids: &[usize]) -> usize {
    let mut reg_ids: Vec<&str> = Vec::new();
    let mut others = 0;
    for &i in ids {
        match (&analysis.sources[i].registry, registry) {
            (Some(m), Some(_)) => {
                if !reg_ids.contains(&m.id.as_str()) {
                    reg_ids.push(&m.id);
                }
            }
            _ => others += 1,
        }
    }
    let grouped = match registry {
        Some(r) if !reg_ids.is_empty() => r.independent_groups(&reg_ids),
        _ => 0,
    };
    grouped + others
}

/// The ASCII letters and digits in `b` (`b.iter().filter(u8::is_ascii_alphanumeric).count()`),
/// 8 bytes at a time.
pub(crate) fn ascii_alnum_count(b: &[u8]) -> usize {
    let mut words = b.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        // letters as lower case: `c | 0x20` is in 'a'..='z' for ASCII letters and no other byte
        let hits = bytes_between(x, b'0', b'9') | bytes_between(x | (LO * 0x20), b'a', b'z');
        n += ((hits >> 7).wrapping_mul(LO) >> 56) as usize;
    }
    n + words
        .remainder()
        .iter()
        .filter(|c| c.is_ascii_alphanumeric())
        .count()
}

#[cfg(test)]
mod tests;
