//! Attributions: finds (source, cue, content) triples in each paragraph.
//!
//! Consumes the document's sentences and quotations; produces [`Attribution`]s whose source
//! mentions are not yet resolved. The patterns, all driven by lexicons in `rules/lexicon/`:
//!
//! - a reporting verb with its source before it (`Hegel found ...`, `"...," Hegel told the outlet`,
//!   `which Putin says can ...`, `Tom Hegel, a security expert ..., found ...`, `the former who said`)
//!   or after it (`"...," said Hegel.`);
//! - `according to X` at the start, in the middle or at the end of a sentence;
//! - a passive participle with `by` (`was affirmed by X and Y`, `confirmed by evidence assessed
//!   by Reuters and analyzed by experts`, `Based on data reviewed by Reuters, ...`).

use crate::grammar::{DETERMINERS, PRONOUNS};
use crate::lexicon::{Lexicons, cls};
use crate::model::{Analysis, Attribution, AttributionKind, Content, Mention, MentionKind, Quote};
use crate::span::Span;
use crate::token::{Token, Tokens, is_quote_char, tokenize_into};

/// Find the attributions of an analysed document, in document order.
pub fn extract_attributions(analysis: &Analysis, lex: &Lexicons) -> Vec<Attribution> {
    extract_attributions_with(analysis, lex, None)
}

/// What is handed each paragraph's tokens.
pub type TokenSink<'f> = dyn FnMut(&Tokens) + 'f;

/// [`extract_attributions`], handing the tokens of every paragraph, in order, to `each`
/// (boilerplate paragraphs' too) when given.
pub fn extract_attributions_with(
    analysis: &Analysis,
    lex: &Lexicons,
    mut each: Option<&mut TokenSink<'_>>,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    // (the buffers of one paragraph are the next's)
    let mut toks = Tokens::default();
    let mut scratch = Scratch::default();
    for pi in 0..analysis.doc.blocks.len() {
        let boilerplate = lex.paragraph_is_boilerplate(analysis, pi);
        if boilerplate && each.is_none() {
            continue;
        }
        let block = analysis.doc.blocks[pi].span;
        tokenize_into(&analysis.doc.text, block, &lex.abbreviations, &mut toks);
        if let Some(f) = each.as_mut() {
            f(&toks);
        }
        if boilerplate {
            continue;
        }
        let mut cx = Ctx::new(analysis, lex, pi, &toks, scratch);
        cx.run(&mut out);
        scratch = cx.into_scratch();
    }
    out.sort_by_key(|a: &Attribution| (a.cue.start, a.cue.end));
    out
}

/// "Clinton said she opposes ...", "Sanders has suggested that he wants ...": a verb of
/// thinking or wanting inside what someone is reported to have said is part of that content,
/// not an attribution of its own (verbs of saying stay: "Klein said two other women said ...").
/// Removes such attributions from `out[first..]`.
fn drop_nested_attitudes(lex: &Lexicons, out: &mut Vec<Attribution>, first: usize) {
    let para = &out[first..];
    // the contents of reported speech (not quotations; not "according to X", which names
    // whose account the sentence is, the chain included), by start, with the two largest ends so far (and
    // whose the largest is) for each prefix: linear after the sort, whatever the paragraph
    let mut spans: Vec<(usize, usize, usize)> = para
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == AttributionKind::Indirect)
        .filter_map(|(k, b)| b.content.as_ref().map(|c| (c.span.start, c.span.end, k)))
        .collect();
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    let mut best = Vec::with_capacity(spans.len()); // (largest end, its attribution, second end)
    let (mut e1, mut k1, mut e2) = (0, usize::MAX, 0);
    for &(_, e, k) in &spans {
        if e > e1 {
            (e2, e1, k1) = (e1, e, k);
        } else if e > e2 {
            e2 = e;
        }
        best.push((e1, k1, e2));
    }
    let nested: Vec<bool> = para
        .iter()
        .enumerate()
        .map(|(k, a)| {
            if lex.reports_speech(&a.cue_lemma) || a.kind == AttributionKind::AccordingTo {
                return false;
            }
            let n = spans.partition_point(|&(s, _, _)| s <= a.cue.start);
            n > 0 && {
                let (e1, k1, e2) = best[n - 1];
                (if k1 == k { e2 } else { e1 }) >= a.cue.end
            }
        })
        .collect();
    if nested.contains(&true) {
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            k <= first || !nested[k - 1 - first]
        });
    }
}

/// The lemma of a cue form, or "".
fn lemma_of<'a>(lex: &'a Lexicons, form: &str) -> &'a str {
    lex.cue_lemma(form)
}

/// A noun phrase found at some position: tokens `start..end`, the name part from `name_start`.
#[derive(Debug, Clone, Copy)]
struct Np {
    start: usize,
    end: usize,
    name_start: usize,
    /// end of the name part (before an affiliation such as "of SentinelOne")
    name_end: usize,
    kind: MentionKind,
}

impl Np {
    fn new(start: usize, end: usize, name_start: usize, kind: MentionKind) -> Np {
        Np {
            start,
            end,
            name_start,
            name_end: end,
            kind,
        }
    }
}

/// `from + s[from..].partition_point(pred)`, for a point likely near `from`: probes 1, 2, 4, ...
/// items on, then searches the last step. A huge paragraph's many short runs (sentences,
/// quotations) then cost a few cache lines each, not a search of all its tokens each.
fn partition_from<T>(s: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let rest = &s[from..];
    let (mut lo, mut step) = (0, 1);
    // `pred` holds for `rest[..lo]`
    while step <= rest.len() && pred(&rest[step - 1]) {
        lo = step;
        step *= 2;
    }
    from + lo + rest[lo..step.min(rest.len())].partition_point(pred)
}

struct Ctx<'a> {
    text: &'a str,
    lex: &'a Lexicons,
    quotes: &'a [Quote],
    para: usize,
    toks: &'a [Token],
    /// the lower-cased text of each token
    words: Vec<&'a str>,
    /// the classes of each token's word ([`WordClasses`])
    classes: Vec<u64>,
    /// the classes of "" (the word of a position past the last token)
    classes_none: u64,
    /// a buffer for the words of a lexicon probe ("foreign minister"), reused
    scratch: std::cell::RefCell<String>,
    /// sentence index of each token
    sent: Vec<u32>,
    /// first token of each sentence of the paragraph (after its label), by sentence index
    sent_first: Vec<Option<usize>>,
    /// index of the paragraph's first sentence (`sent_first[0]` is that sentence's)
    sent_lo: usize,
    /// for each token, one past the last token of its sentence
    sent_end: Vec<u32>,
    /// quotation index when the token lies inside a quotation's marks
    in_quote: QuoteOf,
    /// quotation index when the token is an opening / closing mark
    open_mark: QuoteOf,
    close_mark: QuoteOf,
    used: Vec<bool>,
    /// sentences written in title case ("Trump Says He Will Win"), where cues are capitalised
    /// (in order)
    headline: Vec<u32>,
    /// the paragraph's attributions chained by sentence, for [`Ctx::last_of_sentence`] (made
    /// when first asked for)
    by_sentence: std::cell::RefCell<SentenceChains>,
}

/// A paragraph's attributions chained by sentence ([`Ctx::last_of_sentence`]).
#[derive(Default)]
struct SentenceChains {
    /// the last link of each sentence of the paragraph
    heads: Vec<usize>,
    /// an index in `out`, and the link before it in its sentence
    links: Vec<(usize, usize)>,
    /// how many of `out` are chained
    indexed: usize,
}

/// The per-token vectors of a [`Ctx`], handed from one paragraph's to the next so that a
/// paragraph allocates none of them.
#[derive(Default)]
struct Scratch {
    /// (empty: see [`recycle`])
    words: Vec<&'static str>,
    classes: Vec<u64>,
    sent: Vec<u32>,
    sent_first: Vec<Option<usize>>,
    sent_end: Vec<u32>,
    in_quote: QuoteOf,
    open_mark: QuoteOf,
    close_mark: QuoteOf,
    used: Vec<bool>,
    headline: Vec<u32>,
}

/// `v` emptied, as a vector of strings of any other lifetime, with its allocation (collecting a
/// vector's `into_iter` into a vector of the same layout reuses the allocation).
fn recycle<'x>(mut v: Vec<&str>) -> Vec<&'x str> {
    v.clear();
    v.into_iter().map(|_| "").collect()
}

/// A quotation (an index of `Analysis::quotes`) or none for each token of a paragraph: the
/// index less that of the paragraph's first quotation, in a `u32` (`u32::MAX`: none), a
/// quarter of an `Option<usize>`.
#[derive(Default)]
struct QuoteOf {
    of: Vec<u32>,
    /// the index of the paragraph's first quotation
    base: usize,
}

impl QuoteOf {
    const NONE: u32 = u32::MAX;

    /// `n` tokens without a quotation, of a paragraph whose quotations are from `base` on.
    fn reset(&mut self, n: usize, base: usize) {
        refill(&mut self.of, n, Self::NONE);
        self.base = base;
    }

    /// Token `i`'s is quotation `q` (of the paragraph's, which are fewer than `u32::MAX`).
    fn set(&mut self, i: usize, q: usize) {
        self.of[i] = u32::try_from(q - self.base)
            .ok()
            .filter(|&k| k != Self::NONE)
            .expect("fewer than 2^32 - 1 quotations in a paragraph");
    }

    /// The quotation of token `i` (which must exist).
    #[inline]
    fn at(&self, i: usize) -> Option<usize> {
        let k = self.of[i];
        (k != Self::NONE).then(|| self.base + k as usize)
    }

    /// The quotation of token `i`, None past the last token.
    #[inline]
    fn get(&self, i: usize) -> Option<Option<usize>> {
        self.of
            .get(i)
            .map(|&k| (k != Self::NONE).then(|| self.base + k as usize))
    }
}

/// `v` cleared, then `n` copies of `x`.
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

impl<'a> Ctx<'a> {
    fn new(
        analysis: &'a Analysis,
        lex: &'a Lexicons,
        para: usize,
        toks: &'a Tokens,
        scratch: Scratch,
    ) -> Ctx<'a> {
        let Scratch {
            words,
            mut classes,
            mut sent,
            mut sent_first,
            mut sent_end,
            mut in_quote,
            mut open_mark,
            mut close_mark,
            mut used,
            mut headline,
        } = scratch;
        let lower = toks.lower.as_str();
        let toks = toks.toks.as_slice();
        let text = analysis.doc.text.as_str();
        let n = toks.len();
        let mut words = recycle(words);
        words.extend(toks.iter().map(|t| t.lower_in(lower)));
        classes.clear();
        classes.extend(words.iter().map(|w| lex.word_classes.of(w)));
        // (token and sentence indices are kept in u32s, checked here)
        let n32 = u32::try_from(n).expect("fewer than 2^32 tokens in a paragraph");
        let idx32 = |i: usize| {
            u32::try_from(i)
                .expect("fewer than 2^32 tokens in a paragraph and sentences in a document")
        };
        refill(&mut sent, n, 0);
        // sentences and quotations come in paragraph order: this paragraph's are a range
        let all = &analysis.sentences;
        let (lo, hi) = (
            all.partition_point(|s| s.paragraph < para),
            all.partition_point(|s| s.paragraph <= para),
        );
        let sentences = &all[lo..hi];
        refill(&mut sent_first, hi - lo, None);
        refill(&mut sent_end, n, n32);
        // tokens and sentences are both in text order: a sentence's tokens are a run, from the
        // first token that starts at or after it (the first sentence's from the first token) to
        // the next sentence's, found by binary searches
        let mut from = 0;
        for (c, s) in sentences.iter().enumerate() {
            let to = match sentences.get(c + 1) {
                Some(next) => partition_from(toks, from, |t| t.span.start < next.span.start),
                None => n,
            };
            sent[from..to].fill(idx32(lo + c));
            sent_end[from..to].fill(idx32(to));
            let after_label = s.label.map(|l| l.end).unwrap_or(s.span.start);
            let first = partition_from(&toks[..to], from, |t| t.span.start < after_label);
            // (the token that opens the sentence; each token of one without a first token opens
            // it, see `Ctx::sentence_first`)
            if first < to {
                sent_first[c] = Some(first);
                classes[first] |= cls::OPENS_SENTENCE;
            } else {
                classes[from..to]
                    .iter_mut()
                    .for_each(|c| *c |= cls::OPENS_SENTENCE);
            }
            from = to;
        }
        if sentences.is_empty() {
            classes.iter_mut().for_each(|c| *c |= cls::OPENS_SENTENCE);
        }
        let quotes = analysis.quotes.as_slice();
        let (qlo, qhi) = (
            quotes.partition_point(|q| q.paragraph < para),
            quotes.partition_point(|q| q.paragraph <= para),
        );
        in_quote.reset(n, qlo);
        open_mark.reset(n, qlo);
        close_mark.reset(n, qlo);
        // (where the previous quotation's tokens began: quotations come by their start, so the
        // searches gallop on from there rather than search the whole paragraph each time)
        let (mut prev_start, mut prev_lo) = (0, 0);
        for (qi, q) in quotes.iter().enumerate().take(qhi).skip(qlo) {
            if q.paragraph != para || !q.is_quotation {
                continue;
            }
            // only the tokens within the quote's span (tokens are sorted)
            let hint = if q.span.start >= prev_start {
                prev_lo
            } else {
                0
            };
            let lo = partition_from(toks, hint, |t| t.span.start < q.span.start);
            let hi = partition_from(toks, lo, |t| t.span.start < q.span.end);
            (prev_start, prev_lo) = (q.span.start, lo);
            for (ti, t) in toks.iter().enumerate().take(hi).skip(lo) {
                if q.inner.contains(t.span) {
                    // the innermost quotation wins (quotes are sorted outer first)
                    in_quote.set(ti, qi);
                } else if t.span.start == q.span.start {
                    open_mark.set(ti, qi);
                } else if !q.unclosed && t.span.end == q.span.end {
                    close_mark.set(ti, qi);
                }
            }
        }
        refill(&mut used, n, false);
        headline_sentences(toks, lower, &sent, &mut headline);
        Ctx {
            text,
            lex,
            quotes,
            para,
            used,
            headline,
            words,
            classes,
            classes_none: lex.word_classes.of(""),
            scratch: Default::default(),
            toks,
            sent,
            sent_first,
            sent_lo: lo,
            sent_end,
            in_quote,
            open_mark,
            close_mark,
            by_sentence: Default::default(),
        }
    }

    /// The vectors of this paragraph's context, for the next's.
    fn into_scratch(self) -> Scratch {
        Scratch {
            words: recycle(self.words),
            classes: self.classes,
            sent: self.sent,
            sent_first: self.sent_first,
            sent_end: self.sent_end,
            in_quote: self.in_quote,
            open_mark: self.open_mark,
            close_mark: self.close_mark,
            used: self.used,
            headline: self.headline,
        }
    }

    fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The classes ([`cls`]) of the word at `i` ([`Ctx::w`]).
    #[inline]
    fn class(&self, i: usize) -> u64 {
        self.classes.get(i).copied().unwrap_or(self.classes_none)
    }

    /// True when the word at `i` ([`Ctx::w`]) is of one of the classes `c` ([`cls`]).
    #[inline]
    fn is(&self, i: usize, c: u64) -> bool {
        self.class(i) & c != 0
    }

    /// `f` of the words `a..b` joined by spaces (without an allocation per call; `f` must not
    /// call this again).
    fn with_joined<R>(&self, a: usize, b: usize, f: impl FnOnce(&str) -> R) -> R {
        let mut words = self.scratch.borrow_mut();
        words.clear();
        for k in a..b {
            if k > a {
                words.push(' ');
            }
            words.push_str(self.w(k));
        }
        f(&words)
    }

    /// The word at `i` without a contracted auxiliary: "they've" is "they", "who'd" "who".
    fn base(&self, i: usize) -> &str {
        let w = self.w(i);
        ["'ve", "'re", "'d", "'ll", "'m"]
            .iter()
            .find_map(|c| w.strip_suffix(c))
            .unwrap_or(w)
    }

    /// A pronoun with a contracted auxiliary ("he's said", "she's hoping", "who've said",
    /// "we'd like"), not a possessive.
    fn contracted(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        t.is_word()
            && if t.possessive {
                matches!(self.w(i), "he" | "she" | "it" | "who" | "that")
            } else {
                self.base(i).len() < self.w(i).len()
                    && matches!(
                        self.base(i),
                        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "who"
                    )
            }
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c))
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sent.get(a) == self.sent.get(b)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        // tokens a..b (exclusive)
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    fn is_cue_form(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let class = self.classes[i];
        t.is_word()
            && class & (cls::CUE_VERB | cls::CUE_PHRASE) != 0
            && (!t.cap || self.headline.binary_search(&self.sent[i]).is_ok())
            && (class & cls::CUE_VERB != 0 || self.phrase_at(i) > 0)
            && self.in_quote.at(i).is_none()
            // ("a think tank": a noun)
            && !(self.words[i] == "think" && matches!(self.w(i + 1), "tank" | "tanks"))
    }

    /// The number of tokens of a multi-word cue ("pointed out", "made it clear") starting at
    /// `i`, or 0.
    fn phrase_at(&self, i: usize) -> usize {
        if !self.is(i, cls::CUE_PHRASE) {
            return 0;
        }
        let Some(tails) = self.lex.cue_phrases.get(self.w(i)) else {
            return 0;
        };
        tails
            .iter()
            .filter(|tail| {
                tail.iter()
                    .enumerate()
                    .all(|(n, w)| i + 1 + n < self.toks.len() && self.w(i + 1 + n) == w.as_str())
            })
            .map(|tail| tail.len() + 1)
            .max()
            .unwrap_or(0)
    }

    /// The lemma of the cue at `i`: its verb's, or the whole phrase of a multi-word cue.
    fn cue_lemma(&self, i: usize) -> String {
        if let Some(l) = self.lex.cue_verbs.get(self.w(i)) {
            return l.clone();
        }
        let n = self.phrase_at(i);
        (i..i + n).map(|k| self.w(k)).collect::<Vec<_>>().join(" ")
    }

    // ---------------------------------------------------------------- noun phrases

    fn title_at(&self, i: usize) -> usize {
        // number of tokens of the longest title starting at i; the words are looked up joined
        // only while they start a title (most words neither are one nor start one)
        let class = self.class(i);
        if !self.is_word(i) || class & (cls::TITLE | cls::TITLE_START) == 0 {
            return 0;
        }
        let prefixes = &self.lex.word_classes.title_prefixes;
        let mut best = 0;
        let mut words = self.scratch.borrow_mut();
        words.clear();
        for k in 0..self.lex.max_title_words {
            if !self.is_word(i + k) {
                break;
            }
            if k > 0 {
                words.push(' ');
            }
            words.push_str(self.w(i + k));
            let (title, prefix) = if k == 0 {
                (class & cls::TITLE != 0, class & cls::TITLE_START != 0)
            } else {
                (
                    self.lex.titles.contains(words.as_str()),
                    prefixes.contains(words.as_str()),
                )
            };
            if title {
                best = k + 1;
            }
            if !prefix {
                break;
            }
        }
        best
    }

    fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // "al-Eryani", "el-Sisi": a lower-case particle joined to a capitalised name
        let particle = |s: &str| {
            s.split_once('-').is_some_and(|(p, rest)| {
                matches!(p, "al" | "el" | "ad" | "as" | "ash" | "bin" | "ibn") && !rest.is_empty()
            })
        };
        let text = t.span.slice(self.text);
        t.is_word()
            && (t.cap
                || (particle(text)
                    && text
                        .split_once('-')
                        .is_some_and(|(_, r)| r.starts_with(char::is_uppercase))))
            && self.in_quote.at(i).is_none()
    }

    /// A proper name (with titles) starting at `i`.
    fn name_right(&self, i: usize) -> Option<Np> {
        let n = self.toks.len();
        let mut k = i;
        let mut name_start = i;
        let mut has_name_word = false;
        if self.w(k) == "the" && self.name_word(k + 1) {
            k += 1;
            name_start = k;
        }
        if k < n && self.name_word(k) && self.is(k, cls::NON_SOURCE) && self.title_at(k) == 0 {
            return None;
        }
        while k < n && self.same_sentence(i, k) {
            let tl = self.title_at(k);
            if tl > 0 {
                // a title: the name starts after it ("Acme chief John Doe"); a lower-case title
                // after a name that no name follows ends the name ("Smith, spokesman")
                if has_name_word && !self.toks[k].cap && !self.name_word(k + tl) {
                    break;
                }
                k += tl;
                name_start = k;
                has_name_word = false;
                // "Minister of Information Moammar al-Eryani": the office's object, then the
                // name (its last two words, or the last one when only two follow "of")
                if matches!(self.w(k), "of" | "to" | "for") && self.name_word(k + 1) {
                    let mut e = k + 1;
                    while self.name_word(e) && self.same_sentence(i, e) {
                        e += 1;
                    }
                    let n = e - (k + 1);
                    if n >= 2 {
                        name_start = if n >= 3 { e - 2 } else { e - 1 };
                        k = e;
                        has_name_word = true;
                        continue;
                    }
                }
                continue;
            }
            if self.name_word(k) {
                has_name_word = true;
                let poss = self.toks[k].possessive;
                k += 1;
                if poss && self.name_word(k) && self.body_word(k) {
                    // "the Sheriff's Office": the possessive is part of the name
                    continue;
                }
                if poss {
                    // "Putin's spokesman Dmitry Peskov": only a title may follow
                    if self.title_at(k) > 0 && self.name_word(k + self.title_at(k)) {
                        k += self.title_at(k);
                        name_start = k;
                        has_name_word = false;
                        continue;
                    }
                    break;
                }
                continue;
            }
            if has_name_word
                && self.connector(k)
                && self.name_word(k + 1)
                && !self.is(k + 1, cls::TITLE)
            {
                k += 1;
                continue;
            }
            // a lowercase modifier before a title ("security expert Tom Hegel") is not part of it
            break;
        }
        if !has_name_word || name_start >= k {
            return None;
        }
        Some(Np::new(i, k, name_start, MentionKind::Name))
    }

    /// A proper name ending just before `end`.
    fn name_left(&self, end: usize) -> Option<Np> {
        if end == 0 || !self.name_word(end - 1) {
            return None;
        }
        let mut s = end - 1;
        while s > 0 && self.same_sentence(s - 1, end - 1) {
            let p = s - 1;
            let ok = self.name_word(p)
                || (self.is_word(p) && self.is(p, cls::TITLE))
                || (p > 0 && self.connector(p) && self.name_word(p - 1))
                || (self.w(p) == "the" && self.name_word(p + 1));
            if !ok
                || (self.name_word(p)
                    && self.toks[p].possessive
                    && !self.is(p + 1, cls::TITLE)
                    && !self.body_word(p + 1))
            {
                break;
            }
            s = p;
        }
        for st in s..end {
            if let Some(np) = self.name_right(st)
                && np.end == end
            {
                return Some(np);
            }
        }
        None
    }

    /// A word that may join the parts of one name: "Ministry of Defence", "Ludwig van Beethoven".
    /// "of"/"for" join only after a word that names a body or an office ("University of", not
    /// "Tom Hegel of SentinelOne").
    fn connector(&self, k: usize) -> bool {
        let w = self.w(k);
        if !self.is(k, cls::CONNECTOR) || w == "and" {
            return false;
        }
        if matches!(w, "of" | "for" | "the" | "&" | "to" | "on") {
            let (prev, prev_class) = if k > 0 {
                (self.w(k - 1), self.class(k - 1))
            } else {
                ("", self.classes_none)
            };
            return prev_class & (cls::ORGANIZATION | cls::GOVERNMENT | cls::TITLE) != 0
                || (w == "the" && prev == "of")
                || w == "&";
        }
        true
    }

    fn description_at(&self, i: usize, len: usize) -> bool {
        if i + len > self.toks.len() {
            return false;
        }
        // (a description's first word is a token's word: no other needs the lookup)
        if self.is(i, cls::DESCRIPTION_START)
            && self.with_joined(i, i + len, |words| {
                self.lex.descriptions.contains_key(words)
            })
        {
            return true;
        }
        // "the foreign minister", "the county sheriff": a role that refers back to a person
        // (unless a name follows: "the foreign minister Sergei Lavrov")
        self.w(i) == "the"
            && (i + 1..i + len)
                .all(|k| self.is_word(k) && !self.toks[k].cap && self.in_quote.at(k).is_none())
            && self.is(i + len - 1, cls::TITLE)
            && !self.name_word(i + len)
    }

    fn simple_right(&self, i: usize) -> Option<Np> {
        let w = self.w(i);
        if self.in_quote.get(i).flatten().is_some() {
            return None;
        }
        if w == "the" && matches!(self.w(i + 1), "former" | "latter") {
            return Some(Np::new(i, i + 2, i, MentionKind::Ordinal));
        }
        for len in [3, 2] {
            if self.description_at(i, len) {
                return Some(Np::new(i, i + len, i, MentionKind::Description));
            }
        }
        if self.is(i, cls::PRONOUN) && self.is_word(i) {
            return Some(Np::new(i, i + 1, i, MentionKind::Pronoun));
        }
        if self.body_at(i) {
            return Some(Np::new(i, i + 1, i, MentionKind::Other));
        }
        if w == "the" {
            // "the police", "the emergencies ministry"
            for m in 1..=3 {
                if self.body_at(i + m) {
                    return Some(Np::new(i, i + m + 1, i + 1, MentionKind::Other));
                }
                if !self.np_word(i + m) {
                    break;
                }
            }
        }
        None
    }

    fn simple_left(&self, end: usize) -> Option<Np> {
        if end == 0 {
            return None;
        }
        if end >= 2 && self.w(end - 2) == "the" && matches!(self.w(end - 1), "former" | "latter") {
            return Some(Np::new(end - 2, end, end - 2, MentionKind::Ordinal));
        }
        for len in [3, 2] {
            if end >= len && self.description_at(end - len, len) {
                return Some(Np::new(end - len, end, end - len, MentionKind::Description));
            }
        }
        let w = self.base(end - 1);
        if PRONOUNS.contains(&w) && self.is_word(end - 1) {
            return Some(Np::new(end - 1, end, end - 1, MentionKind::Pronoun));
        }
        if self.body_at(end - 1) {
            let start = if end >= 2 && self.w(end - 2) == "the" {
                end - 2
            } else {
                end - 1
            };
            return Some(Np::new(start, end, end - 1, MentionKind::Other));
        }
        None
    }

    /// A word naming a body: "Office", "Ministry", "Institute".
    fn body_word(&self, i: usize) -> bool {
        self.is(i, cls::ORGANIZATION | cls::GOVERNMENT)
    }

    /// A lower-case "-ly" word or a time adverb before a verb: "openly", "typically", "now".
    fn adverb_ly(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let lower = self.words[k];
        t.is_word()
            && !t.cap
            && ((lower.ends_with("ly")
                && lower.len() > 4
                && !matches!(
                    lower,
                    "family" | "italy" | "ally" | "rally" | "july" | "only"
                ))
                || matches!(lower, "now" | "meanwhile" | "today" | "yesterday" | "too"))
    }

    /// A capitalised word that does not open its sentence: part of a name ("Bad Source").
    fn capitalised_mid_sentence(&self, i: usize) -> bool {
        self.toks[i].cap && self.sentence_first(i) != i
    }

    /// An unnamed public body: "police", "the military", "prosecutors".
    fn body_at(&self, i: usize) -> bool {
        // ("prosecutor Josh Bash" is a title before a name, not a body)
        self.is_word(i)
            && !self.toks[i].cap
            && self.is(i, cls::GOVERNMENT)
            && self.in_quote.at(i).is_none()
            && !self.name_word(i + 1)
    }

    fn np_word(&self, i: usize) -> bool {
        self.is_word(i)
            && self.in_quote.at(i).is_none()
            && !self.is(i, cls::STOP)
            && !self.is(i, cls::CUE_VERB)
    }

    /// An unnamed source starting at `i`: "officials", "a person familiar with the matter".
    fn anonymous_right(&self, i: usize) -> Option<Np> {
        let mut k = i;
        if self.is(k, cls::DETERMINER) {
            k += 1;
        }
        let mut head = None;
        for m in 0..5 {
            let p = k + m;
            if !self.same_sentence(i, p)
                || !(self.np_word(p) || self.is(p, cls::DETERMINER) && m == 0)
            {
                break;
            }
            if self.is(p, cls::ANONYMOUS_HEAD) && !self.capitalised_mid_sentence(p) {
                head = Some(p);
                // "official Jane Doe": a title, not an anonymous head
                if self.name_word(p + 1) && !self.punct(p + 1, ',') {
                    return None;
                }
                break;
            }
        }
        let h = head?;
        let end = self.postmodifier(h + 1);
        Some(Np::new(i, end, i, MentionKind::Anonymous))
    }

    fn postmodifier(&self, from: usize) -> usize {
        if !self.is(from, cls::POSTMODIFIER) || self.w(from) == "who" && self.is_cue_form(from + 1)
        {
            return from;
        }
        let mut k = from;
        while k < self.toks.len() && k < from + 10 && self.same_sentence(from, k) && self.is_word(k)
        {
            if self.is_cue_form(k) && k > from {
                break;
            }
            k += 1;
        }
        k
    }

    fn anonymous_left(&self, end: usize) -> Option<Np> {
        if end == 0 {
            return None;
        }
        // find a head at most 10 tokens back, followed by a postmodifier reaching `end`
        let lo = end.saturating_sub(11);
        for h in (lo..end).rev() {
            if !self.is_word(h) || !self.same_sentence(h, end - 1) {
                break;
            }
            if self.is(h, cls::ANONYMOUS_HEAD) && !self.capitalised_mid_sentence(h) {
                let pm = self.postmodifier(h + 1);
                if pm != end && h + 1 != end {
                    continue;
                }
                let mut s = h;
                let mut m = 0;
                while s > 0
                    && m < 4
                    && self.same_sentence(s - 1, h)
                    && (self.np_word(s - 1) || self.is(s - 1, cls::DETERMINER))
                {
                    s -= 1;
                    m += 1;
                    if self.is(s, cls::DETERMINER) {
                        break;
                    }
                }
                return Some(Np::new(s, end, s, MentionKind::Anonymous));
            }
        }
        None
    }

    /// Names joined by "and" / commas, starting at `i`: "Nicholas Weaver and Matt Tait".
    fn names_right(&self, i: usize) -> Vec<Np> {
        let mut out = Vec::new();
        let Some(first) = self.name_right(i) else {
            return out;
        };
        out.push(first);
        let mut k = first.end;
        loop {
            let next = if self.w(k) == "and" {
                k + 1
            } else if self.punct(k, ',') && self.w(k + 1) == "and" {
                k + 2
            } else if self.punct(k, ',') {
                k + 1
            } else {
                break;
            };
            match self.name_right(next) {
                Some(np)
                    if np.kind == MentionKind::Name
                        && (self.w(k) == "and"
                            || self.w(k + 1) == "and"
                            || self.has_and_after(np.end)) =>
                {
                    out.push(np);
                    k = np.end;
                }
                _ => break,
            }
        }
        // "said Doyle and others": the last mention takes in "and others"
        if let Some(last) = out.last_mut()
            && self.w(last.end) == "and"
            && self.w(last.end + 1) == "others"
        {
            last.end += 2;
        }
        out
    }

    fn has_and_after(&self, k: usize) -> bool {
        self.w(k) == "and" || (self.punct(k, ',') && self.w(k + 1) == "and")
    }

    /// "Windsor Locks' first selectman, Chris Kervick", "Angela Merkel's spokesperson, Steffen
    /// Seibert", "the El Paso mayor, Dee Margo": a name that only describes, a role, a comma,
    /// and the name of the source.
    fn described_name_right(&self, i: usize) -> Option<Np> {
        let start = i;
        let i = if matches!(self.w(i), "the" | "a") {
            i + 1
        } else {
            i
        };
        let n = self.name_right(i)?;
        // (a title only: "FEC records, De La Fuente's ..." is no description of a name)
        let modifier = self.name_modifies(n.end, false);
        if !modifier {
            return None;
        }
        let mut k = n.end;
        while k < n.end + 4 && self.is_word(k) && !self.toks[k].cap && self.same_sentence(i, k) {
            k += 1;
        }
        if k == n.end || !self.punct(k, ',') {
            return None;
        }
        let m = self.name_right(k + 1)?;
        Some(Np {
            start,
            end: m.end,
            name_start: m.name_start,
            name_end: m.end,
            kind: MentionKind::Name,
        })
    }

    /// Source mentions starting at `i` (after "according to", "by", an inverted "said").
    fn sources_right(&self, i: usize) -> Vec<Np> {
        if let Some(np) = self.described_name_right(i) {
            return vec![np];
        }
        if let Some(np) = self.simple_right(i) {
            return vec![np];
        }
        if let Some(anon) = self.anonymous_right(i) {
            // "two specialists, Nicholas Weaver and Matt Tait": the names are the sources
            if self.punct(anon.end, ',') {
                let names = self.names_right(anon.end + 1);
                if !names.is_empty() {
                    return names;
                }
            }
            return vec![anon];
        }
        let mut names = self.names_right(i);
        if names.is_empty() {
            // "study co-author Professor Carl Lipo": lower-case words before a titled name
            for k in 1..=3 {
                if !self.np_word(i + k - 1) || self.toks[i + k - 1].cap {
                    break;
                }
                if let Some(np) = self.name_right(i + k) {
                    names = vec![Np { start: i, ..np }];
                    break;
                }
            }
        }
        // "Carl Lipo of Binghamton University": the affiliation belongs to the mention
        if names.len() == 1 {
            let e = names[0].end;
            if matches!(self.w(e), "of" | "at" | "from") {
                let aff = self.name_right(e + 1).or_else(|| {
                    (self.w(e + 1) == "the")
                        .then(|| self.name_right(e + 2))
                        .flatten()
                });
                if let Some(aff) = aff {
                    names[0].end = aff.end;
                }
            }
        }
        names
    }

    /// A definite noun phrase ending before `end`: "the archaeologists", "the study".
    fn generic_left(&self, end: usize) -> Option<Np> {
        let mut s = end;
        while s > 0 && end - s < 3 && self.np_word(s - 1) && !self.toks[s - 1].cap {
            s -= 1;
        }
        if s == end || s == 0 {
            return None;
        }
        let mut det = s - 1;
        let w = self.w(det);
        let mut is_det = matches!(
            w,
            "the" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "my"
        ) && self.same_sentence(det, end - 1);
        // "Trump's campaign", "Sanders' team": a possessor instead of a determiner
        if !is_det && self.toks[det].possessive && self.name_word(det) {
            is_det = true;
            if let Some(owner) = self.name_left(det + 1) {
                det = owner.start;
            }
        }
        // the head must look like a noun: not an adjective or adverb ending
        let head = self.w(end - 1);
        if !is_det || head.ends_with("ly") || head.len() < 3 {
            return None;
        }
        Some(Np::new(det, end, det, MentionKind::Other))
    }

    /// Source mentions ending just before `end` (the subject of a reporting verb).
    fn sources_left(&self, end: usize) -> Vec<Np> {
        // "Sen. Marco Rubio (R-Fla.) said": a short parenthesis after the mention belongs to it
        if end >= 3 && self.punct(end - 1, ')') {
            let open = (end.saturating_sub(8)..end - 1)
                .rev()
                .find(|&k| self.punct(k, '(') || self.punct(k, ')'));
            if let Some(open) = open
                && self.punct(open, '(')
                && open > 0
                && self.same_sentence(open, end - 1)
            {
                let mut nps = self.sources_left(open);
                if let Some(last) = nps.last_mut() {
                    last.end = end;
                }
                return nps;
            }
            return Vec::new();
        }
        if let Some(np) = self.simple_left(end) {
            return vec![np];
        }
        if let Some(np) = self.anonymous_left(end) {
            return vec![np];
        }
        if let Some(mut last) = self.name_left(end) {
            // "Tom Hegel of SentinelOne said": the person, with the affiliation in the mention
            if last.start >= 2
                && matches!(self.w(last.start - 1), "of" | "at" | "from")
                && let Some(head) = self.name_left(last.start - 1)
            {
                last = Np {
                    start: head.start,
                    end: last.end,
                    name_start: head.name_start,
                    name_end: head.end,
                    kind: MentionKind::Name,
                };
            }
            let mut out = vec![last];
            // "the National Search and Rescue Agency": "and" inside the name of a body
            if last.start >= 2
                && self.w(last.start - 1) == "and"
                && self.body_word(last.end - 1)
                && let Some(prev) = self.name_left(last.start - 1)
                && !self.body_word(prev.end - 1)
            {
                return vec![Np {
                    start: prev.start,
                    name_start: prev.name_start,
                    ..last
                }];
            }
            // coordination: "X and Y said", "X, Y and Z said" (an "and" must join the last two:
            // in "In Paris, Smith said" Paris is no source)
            let mut s = last.start;
            let mut joined = false;
            while s >= 2 && (self.w(s - 1) == "and" || (joined && self.punct(s - 1, ','))) {
                match self.name_left(s - 1) {
                    Some(np) => {
                        out.insert(0, np);
                        s = np.start;
                        joined = true;
                    }
                    None => break,
                }
            }
            if out.len() == 1 {
                out[0].start = self.modifiers_left(out[0].start);
            }
            return out;
        }
        self.generic_left(end).into_iter().collect()
    }

    /// Where a name's mention starts when words that describe the person stand before it:
    /// "Republican candidate Lindsey Graham", "public defender Shannon S. Quill", "The
    /// Washington Post's Ed O'Keefe" (at most six words, up to a determiner).
    fn modifiers_left(&self, start: usize) -> usize {
        let mut s = start;
        while s > 0 && start - s < 6 && self.same_sentence(s - 1, start) {
            let p = s - 1;
            let w = self.w(p);
            if matches!(w, "the" | "a" | "an") {
                s = p;
                break;
            }
            let describes = self.is_word(p)
                && !self.used[p]
                && self.in_quote.at(p).is_none()
                && !self.is_cue_form(p)
                && !self.is(p, cls::STOP | cls::VERBISH | cls::NON_SOURCE)
                && !self.looks_like_verb(p)
                && !self.adverb_ly(p);
            if !describes {
                break;
            }
            s = p;
        }
        // a run that ends in a lower-case word only, or no noun, is not worth it: keep the
        // extension only when it reaches a determiner, a capitalised word or a title
        let worth = matches!(self.w(s), "the" | "a" | "an")
            || self.toks[s].cap
            || (s..start).any(|k| self.is(k, cls::TITLE));
        if s < start && worth { s } else { start }
    }

    /// Evidence ("technical evidence", "data", "documents") starting at `i`.
    fn evidence_right(&self, i: usize) -> Option<usize> {
        let mut k = i;
        if self.is(k, cls::DETERMINER) || self.w(k) == "its" || self.w(k) == "their" {
            k += 1;
        }
        for m in 0..4 {
            let p = k + m;
            if !self.is_word(p) {
                return None;
            }
            if self.is(p, cls::EVIDENCE) {
                let mut e = p + 1;
                while self.is(e, cls::EVIDENCE) {
                    e += 1;
                }
                return Some(e);
            }
            if self.is(p, cls::STOP) {
                return None;
            }
        }
        None
    }

    // ---------------------------------------------------------------- helpers for content

    fn sentence_first(&self, i: usize) -> usize {
        let k = (self.sent[i] as usize).wrapping_sub(self.sent_lo);
        self.sent_first.get(k).copied().flatten().unwrap_or(i)
    }

    fn sentence_end(&self, i: usize) -> usize {
        if i >= self.toks.len() {
            return self.toks.len();
        }
        self.sent_end[i] as usize
    }

    /// The text of tokens `a..b` without trailing/leading punctuation (but keeping quote marks
    /// that close a quotation inside).
    fn content_span(&self, a: usize, b: usize) -> Option<Span> {
        let (mut a, mut b) = (a, b);
        while a < b && !self.is_word(a) && self.open_mark.at(a).is_none() {
            a += 1;
        }
        while b > a
            && !self.is_word(b - 1)
            && self.close_mark.at(b - 1).is_none()
            && !self.toks[b - 1].is(')')
        {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        Some(self.span(a, b))
    }

    /// End of a clause starting at `a`: the sentence end, or an ", according to" that follows.
    fn clause_end(&self, a: usize) -> usize {
        let end = self.sentence_end(a);
        // "After the court refused to reinstate the law, Gov. McCrory blamed ...": in a
        // subordinate clause opening the sentence, the content ends at its comma (not after
        // "as": "As I said earlier, X" attributes X)
        let mut f = self.sentence_first(a);
        while f < a && matches!(self.w(f), "and" | "but" | "so") {
            f += 1;
        }
        let subordinate = matches!(
            self.w(f),
            "after"
                | "when"
                | "while"
                | "although"
                | "though"
                | "because"
                | "if"
                | "since"
                | "before"
                | "once"
                | "until"
        ) && !(f..a).any(|k| self.punct(k, ','));
        let mut k = a;
        while k < end {
            if subordinate && self.punct(k, ',') && self.in_quote.at(k).is_none() {
                return k;
            }
            // "Early polls show voters rejecting him: A Quinnipiac poll found ...": a colon
            // before a new sentence
            if k > a
                && self.punct(k, ':')
                && self.in_quote.at(k).is_none()
                && self.is_word(k + 1)
                && self.toks[k + 1].cap
            {
                return k;
            }
            if self.punct(k, ',') && self.w(k + 1) == "according" && self.w(k + 2) == "to" {
                return k;
            }
            // ", but ...", ", even as ...", ", including ...": another clause (PolNeAR's content
            // ends before it)
            if self.punct(k, ',')
                && self.is(k + 1, cls::CONTENT_STOP)
                && self.in_quote.at(k).is_none()
            {
                return k;
            }
            if (self.punct(k, ',') || self.dash(k)) && k + 1 < end && self.is_cue_form(k + 1) {
                // ", said X." closing the sentence; "who said ... — said"
                return k;
            }
            // 'who calls Trump a "sociopath," said ...': the quotation ends the clause
            if k > a
                && self.close_mark.at(k).is_some()
                && self.punct(k - 1, ',')
                && k + 1 < end
                && self.is_cue_form(k + 1)
            {
                return k + 1;
            }
            // ", and more than 4 in 10 said ...": another attribution
            if self.punct(k, ',')
                && matches!(self.w(k + 1), "and" | "but")
                && self.in_quote.at(k).is_none()
                && let Some(v) = (k + 2..(k + 14).min(end)).find(|&t| self.is_cue_form(t))
                && !self.w(v).ends_with("ing")
            {
                let mut v = v;
                while v > k + 2 && (self.is(v - 1, cls::ADVERB) || self.adverb_ly(v - 1)) {
                    v -= 1;
                }
                if v > k + 2 && self.subject_from(k + 2, v).is_some() {
                    return k;
                }
            }
            // "she admires him and highlighted ...": the main clause goes on
            if matches!(self.w(k), "and" | "but")
                && self.in_quote.at(k).is_none()
                && !(k > a && self.is(k - 1, cls::VERBISH))
            {
                let mut v = k + 1;
                while v < end && (self.is(v, cls::ADVERB) || self.adverb_ly(v)) {
                    v += 1;
                }
                if v < end && (self.looks_like_verb(v) || self.is_cue_form(v)) {
                    return if k > a && self.punct(k - 1, ',') {
                        k - 1
                    } else {
                        k
                    };
                }
            }
            // ", Mr. Trump said.": a source and its cue closing the sentence
            if self.punct(k, ',')
                && self.in_quote.at(k).is_none()
                && let Some(np) = self.name_right(k + 1).or_else(|| self.simple_right(k + 1))
                && np.end < end
                && self.is_cue_form(np.end)
            {
                return k;
            }
            k += 1;
        }
        end
    }

    fn quote_content(&self, qi: usize) -> Content {
        let mut frags = vec![self.quotes[qi].inner];
        let mut q = &self.quotes[qi];
        let mut idx = qi;
        while q.continues {
            // the next paragraph's first quotation continues it
            match self
                .quotes
                .iter()
                .enumerate()
                .skip(idx + 1)
                .find(|(_, n)| n.paragraph == q.paragraph + 1)
            {
                Some((ni, n)) => {
                    frags.push(n.inner);
                    q = n;
                    idx = ni;
                }
                None => break,
            }
        }
        let frags: Vec<Span> = frags
            .into_iter()
            .map(|f| f.trim(self.text))
            .filter(|f| !f.is_empty())
            .collect();
        if frags.is_empty() {
            return Content::single(self.quotes[qi].inner);
        }
        Content::from_fragments(frags)
    }

    fn mentions(&self, nps: &[Np]) -> Vec<Mention> {
        // ("he's said": the mention is "he", without its auxiliary)
        let trim = |mut span: Span, last: usize| {
            if self.contracted(last) {
                let text = span.slice(self.text);
                if let Some(a) = text.rfind(['\'', '\u{2019}']) {
                    span.end = span.start + a;
                }
            }
            span
        };
        nps.iter()
            .map(|np| Mention {
                span: trim(self.span(np.start, np.end), np.end - 1),
                name: trim(
                    self.span(np.name_start, np.name_end),
                    np.name_end.saturating_sub(1),
                ),
                kind: np.kind,
                source: None,
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)] // one call per pattern; a struct would only rename them
    fn push(
        &self,
        out: &mut Vec<Attribution>,
        kind: AttributionKind,
        nps: &[Np],
        cue: Span,
        lemma: &str,
        content: Option<Content>,
        at: usize,
    ) {
        if nps.is_empty() {
            return;
        }
        out.push(Attribution {
            kind,
            sources: self.mentions(nps),
            cue,
            cue_lemma: lemma.to_string(),
            content,
            sentence: self.sent[at] as usize,
            paragraph: self.para,
        });
    }

    // ---------------------------------------------------------------- patterns

    fn run(&mut self, out: &mut Vec<Attribution>) {
        let first = out.len();
        // (the attributions before this paragraph's are none of [`Ctx::last_of_sentence`]'s)
        self.by_sentence.get_mut().indexed = first;
        let n = self.toks.len();
        let mut i = 0;
        // (most tokens start no pattern: none but a sentence's first word, "according", "by"
        // and cue forms do, see below; a loop of its own skips to the next that may, the loop
        // below keeping the state of all its branches from one token to the next)
        const STARTS: u64 =
            cls::CUE_VERB | cls::CUE_PHRASE | cls::PATTERN_START | cls::OPENS_SENTENCE;
        while let Some(k) = self.classes[i.min(n)..]
            .iter()
            .position(|&c| c & STARTS != 0)
        {
            i += k;
            if self.used[i] || self.in_quote.at(i).is_some() {
                i += 1;
                continue;
            }
            if self.w(i) == "according" && self.w(i + 1) == "to" {
                self.according_to(i, out);
            } else if self.w(i) == "in" && self.sentence_first(i) == i {
                self.in_a_poll(i, out);
            } else if self.sentence_first(i) == i
                && self.toks[i].cap
                && matches!(self.w(i), "said" | "says" | "added" | "continued" | "wrote")
                && self.in_quote.at(i).is_none()
            {
                self.opening_cue(i, out);
            } else if self.sentence_first(i) == i
                && self.toks[i].cap
                && self.w(i).ends_with("ing")
                && self.is(i, cls::CUE_VERB)
                && self.in_quote.at(i).is_none()
            {
                self.opening_participle(i, out);
            } else if self.w(i) == "by"
                && i > 0
                && self.is(i - 1, cls::PASSIVE_CUE)
                && !self.used[i - 1]
            {
                self.passive(i, out);
            } else if self.is_cue_form(i)
                && (self.w(i + 1) != "by" || self.sources_right(i + 2).is_empty())
            {
                // ("said by telephone" is active; "was reported by Reuters" is a passive)
                self.reporting_verb(i, out);
            }
            i += 1;
        }
        self.colon_quotes(out);
        drop_nested_attitudes(self.lex, out, first);
    }

    /// 'Jo Anne Van Tilburg disagreed with these findings: "..."': a quotation introduced by a
    /// colon, in a sentence whose subject is a source, is that source's.
    /// A one-word name before a headline colon ("Trump: ...", "Graham: ...") is a speaker when
    /// the text names it again elsewhere with the same capital ("Bombshell:", "Look:" do not).
    fn named_elsewhere(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let word = t.span.slice(self.text);
        // (headlines only: the first paragraphs, so that the search stays linear)
        if !t.cap
            || self.para > 2
            || self.is(k, cls::SENTENCE_STARTER)
            || self.is(k, cls::NON_SOURCE)
        {
            return false;
        }
        crate::token::match_offsets(self.text, word).any(|at| {
            at != t.span.start
                && !self.text[at + word.len()..].starts_with(char::is_alphanumeric)
                && !self.text[..at].ends_with(char::is_alphanumeric)
        })
    }

    fn colon_quotes(&mut self, out: &mut Vec<Attribution>) {
        // "Marco Rubio: 'You don't win ...'", "JOEL BENENSON: This is a man who ...": a name
        // opening its sentence, then a colon
        let firsts: Vec<usize> = self.sent_first.iter().flatten().copied().collect();
        for f in firsts {
            let Some(np) = self.name_right(f) else {
                continue;
            };
            let colon = np.end;
            // two words at least ("Bombshell:", "Look:" head a rubric), and words after the
            // colon, not a tally ("Clinton: 547")
            if !self.punct(colon, ':')
                || self.used[colon]
                || !self.same_sentence(f, colon)
                || (np.end - np.name_start < 2 && !self.named_elsewhere(np.name_start))
                || !self.is_word(colon + 1) && self.open_mark.get(colon + 1).flatten().is_none()
                || self.w(colon + 1).starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let end = self.sentence_end(f);
            let content = match self.open_mark.get(colon + 1).flatten() {
                Some(q) => Some(self.quote_content(q)),
                None => self.content_span(colon + 1, end).map(Content::single),
            };
            if content.is_none() {
                continue;
            }
            self.used[colon] = true;
            let cue = self.toks[colon].span;
            self.push(
                out,
                AttributionKind::DirectQuote,
                &[np],
                cue,
                ":",
                content,
                colon,
            );
        }
        for o in 1..self.toks.len() {
            let Some(qi) = self.open_mark.at(o) else {
                continue;
            };
            if !self.punct(o - 1, ':') || self.used[o - 1] {
                continue;
            }
            let inner = self.quotes[qi].inner;
            let covered = out.iter().any(|a| {
                a.content
                    .as_ref()
                    .is_some_and(|c| c.fragments.iter().any(|f| f.overlaps(inner)))
            });
            let first = self.sentence_first(o - 1);
            if covered || first + 1 >= o - 1 {
                continue;
            }
            let nps = self.sources_right(first);
            let ok = nps.last().is_some_and(|np| {
                np.end < o - 1
                    && matches!(
                        np.kind,
                        MentionKind::Name | MentionKind::Pronoun | MentionKind::Description
                    )
                    && self.is_word(np.end)
            });
            if !ok {
                continue;
            }
            self.used[o - 1] = true;
            let cue = self.toks[o - 1].span;
            let content = self.quote_content(qi);
            self.push(
                out,
                AttributionKind::DirectQuote,
                &nps,
                cue,
                ":",
                Some(content),
                o - 1,
            );
        }
    }

    /// 'Said Comey, "The thought ..."', 'Continued Stone: "So I think ..."': a verb of saying
    /// opening the sentence, its speaker after it, the quotation after a comma or colon.
    fn opening_cue(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let mut nps = self.sources_right(i + 1);
        let Some(&last) = nps.last() else {
            return;
        };
        if !matches!(last.kind, MentionKind::Name | MentionKind::Description) {
            return;
        }
        // the speaker's appositive runs to the comma or colon before the quotation
        let end = self.sentence_end(i);
        let Some(mark) = (last.end..(last.end + 30).min(end)).find(|&k| {
            (self.punct(k, ',') || self.punct(k, ':'))
                && self.open_mark.get(k + 1).is_some_and(|q| q.is_some())
        }) else {
            return;
        };
        let Some(q) = self.open_mark.at(mark + 1) else {
            return;
        };
        if nps.len() == 1 && mark > last.end && self.punct(last.end, ',') {
            nps[0].end = mark;
        } else if mark != last.end {
            return;
        }
        self.used[i] = true;
        self.used[mark] = true;
        let lemma = self.cue_lemma(i);
        let cue = self.toks[i].span;
        let content = self.quote_content(q);
        self.push(
            out,
            AttributionKind::DirectQuote,
            &nps,
            cue,
            &lemma,
            Some(content),
            i,
        );
    }

    /// "Conceding that a deal was likely, he warned ...": a participle that opens the sentence
    /// is a cue of the main clause's subject; its content runs to the comma.
    fn opening_participle(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let end = self.sentence_end(i);
        // (the comma may close a quotation: '..., "down the line," he warned')
        let Some(comma) = (i + 2..(i + 30).min(end)).find(|&k| {
            self.punct(k, ',')
                && (self.in_quote.at(k).is_none()
                    || self.close_mark.get(k + 1).is_some_and(|c| c.is_some()))
        }) else {
            return;
        };
        let after = if self.close_mark.at(comma + 1).is_some() {
            comma + 2
        } else {
            comma + 1
        };
        let subj = self.sources_right(after);
        let ok = subj.len() == 1
            && matches!(
                subj[0].kind,
                MentionKind::Name | MentionKind::Pronoun | MentionKind::Description
            )
            && !self.toks[subj[0].end - 1].possessive
            && self.is_word(subj[0].end)
            && !self.toks[subj[0].end].cap;
        if !ok {
            return;
        }
        let tail = self.cue_tail(i + 1);
        let Some(content) = self.content_span(tail, after.min(end)) else {
            return;
        };
        self.used[i] = true;
        let lemma = self.cue_lemma(i);
        let cue = self.span(i, tail);
        self.push(
            out,
            AttributionKind::Indirect,
            &subj,
            cue,
            &lemma,
            Some(Content::single(content)),
            i,
        );
    }

    /// "In a CNN poll released Monday, 50 percent chose Clinton": a poll or survey that opens
    /// the sentence is the source of the clause after its comma (cue "In"), unless that clause
    /// has a cue of its own.
    fn in_a_poll(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let end = self.sentence_end(i);
        let Some(comma) = (i + 1..(i + 16).min(end)).find(|&k| self.punct(k, ',')) else {
            return;
        };
        let head = (i + 1..comma).find(|&k| {
            matches!(self.w(k), "poll" | "polls" | "survey" | "surveys")
                && (k + 1 == comma
                    || self.looks_like_verb(k + 1)
                    || matches!(self.w(k + 1), "of" | "by" | "from" | "taken"))
        });
        if head.is_none()
            || (i + 1..comma)
                .any(|k| !self.is_word(k) && !self.punct(k, '/') && !self.punct(k, '-'))
            || (comma + 1..end).any(|k| self.is_cue_form(k))
        {
            return;
        }
        let Some(content) = self.content_span(comma + 1, end) else {
            return;
        };
        let np = self.np_naming_inside(i + 1, comma);
        self.used[i] = true;
        let cue = self.toks[i].span;
        self.push(
            out,
            AttributionKind::AccordingTo,
            &[np],
            cue,
            "according to",
            Some(Content::single(content)),
            i,
        );
    }

    fn according_to(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let nps = self.sources_right(i + 2);
        let (nps, np_end) = if nps.is_empty() {
            // "according to a statement from the ministry": a plain noun phrase up to punctuation
            let mut k = i + 2;
            while k < self.toks.len() && k < i + 9 && self.is_word(k) && self.same_sentence(i, k) {
                k += 1;
            }
            if k == i + 2 {
                return;
            }
            (vec![Np::new(i + 2, k, i + 2, MentionKind::Other)], k)
        } else {
            let e = nps.last().map(|n| n.end).unwrap_or(i + 2);
            (nps, e)
        };
        self.used[i] = true;
        self.used[i + 1] = true;
        let cue = self.span(i, i + 2);
        let first = self.sentence_first(i);
        let end = self.sentence_end(i);
        let content = if i == first {
            // "According to X, ..."
            let mut a = np_end;
            if self.punct(a, ',') {
                a += 1;
            }
            self.content_span(a, end).map(Content::single)
        } else {
            let mut frags = Vec::new();
            let before_end = if i > 0 && self.punct(i - 1, ',') {
                i - 1
            } else {
                i
            };
            if let Some(s) = self.content_span(first, before_end) {
                frags.push(s);
            }
            if np_end < end
                && let Some(s) = self.content_span(np_end, end)
            {
                frags.push(s);
            }
            if frags.is_empty() {
                None
            } else {
                Some(Content::from_fragments(frags))
            }
        };
        self.push(
            out,
            AttributionKind::AccordingTo,
            &nps,
            cue,
            "according to",
            content,
            i,
        );
    }

    /// Record a passive attribution whose cue runs from `cue_start` to the "by" at `last_by`
    /// (the participle at `part` gives the lemma), marking its tokens used.
    #[allow(clippy::too_many_arguments)] // the pieces of one passive, each found separately
    fn push_passive(
        &mut self,
        out: &mut Vec<Attribution>,
        nps: &[Np],
        cue_start: usize,
        part: usize,
        last_by: usize,
        content: Option<Content>,
        at: usize,
    ) {
        for t in part..=last_by {
            self.used[t] = true;
        }
        let cue = Span::new(self.toks[cue_start].span.start, self.toks[last_by].span.end);
        let lemma = self.w(part).to_string();
        self.push(out, AttributionKind::Passive, nps, cue, &lemma, content, at);
    }

    /// The agent of a passive "by" at `by`: the sources, and the index of the "by" that
    /// introduces them (after a chain through evidence: "evidence assessed by Reuters").
    fn agent(&self, by: usize) -> Option<(Vec<Np>, usize)> {
        let nps = self.sources_right(by + 1);
        if !nps.is_empty() {
            return Some((nps, by));
        }
        let e = self.evidence_right(by + 1)?;
        if self.is(e, cls::PASSIVE_CUE) && self.w(e + 1) == "by" {
            return self.agent(e + 1);
        }
        None
    }

    fn passive(&mut self, by: usize, out: &mut Vec<Attribution>) {
        let part = by - 1;
        let Some((nps, last_by)) = self.agent(by) else {
            return;
        };
        let first = self.sentence_first(by);
        let end = self.sentence_end(by);
        // what the participle hangs on
        let mut k = part;
        while k > first && self.is(k - 1, cls::ADVERB) && !self.is(k - 1, cls::PASSIVE_AUX) {
            k -= 1;
        }
        let mut cue_start = part;
        let content;
        let asked = self.w(part) == "asked";
        if asked && (k == first || self.is(k - 1, cls::PASSIVE_AUX)) {
            // "Asked by Starnes if he believed ..., Trump said", "Rubio was asked by the
            // moderator whether ...": the question, up to a comma
            if k > first {
                cue_start = k - 1;
            }
            let from = nps.last().map_or(last_by + 1, |n| n.end);
            let comma = (from..end).find(|&c| self.punct(c, ',')).unwrap_or(end);
            content = self.content_span(from, comma).map(Content::single);
            if content.is_none() {
                return; // "He was asked by reporters.": no question reported
            }
        } else if k > first && self.is(k - 1, cls::PASSIVE_AUX) {
            let aux = k - 1;
            cue_start = aux;
            let mut m = aux;
            while m > first && matches!(self.w(m - 1), "has" | "have" | "had") {
                m -= 1;
            }
            if m > first + 1 && matches!(self.w(m - 1), "which" | "that") && self.punct(m - 2, ',')
            {
                content = self.content_span(first, m - 2).map(Content::single);
            } else {
                content = self.content_span(first, m).map(Content::single);
            }
        } else if k > first && self.w(k - 1) == "as" {
            // "As reported by Western Journalism, investigators found ...", "..., as first
            // reported by the Post": the rest of the sentence, or what comes before
            cue_start = k - 1;
            if k - 1 == first {
                let after = (last_by + 1..end).find(|&c| self.punct(c, ','));
                content = after.and_then(|c| self.content_span(c + 1, end).map(Content::single));
            } else {
                content = self.content_span(first, k - 1).map(Content::single);
            }
        } else if k > first && self.is(k - 1, cls::EVIDENCE) {
            // "Based on technical data reviewed by X, ...": the main clause after the comma
            let intro = (first..k)
                .find(|&s| matches!(self.w(s), "based" | "citing" | "using" | "according"));
            let after = (last_by + 1..end).find(|&c| self.punct(c, ','));
            match (intro, after) {
                (Some(s), Some(c)) if s == first => {
                    cue_start = s;
                    content = self.content_span(c + 1, end).map(Content::single);
                }
                _ => content = self.content_span(first, end).map(Content::single),
            }
        } else {
            return;
        }
        self.push_passive(out, &nps, cue_start, part, last_by, content.clone(), by);
        // "... and analyzed by cybersecurity experts": a sibling with the same content
        let mut tail = nps.last().map(|n| n.end).unwrap_or(by + 1);
        while self.w(tail) == "and"
            && self.is(tail + 1, cls::PASSIVE_CUE)
            && self.w(tail + 2) == "by"
        {
            let p2 = tail + 1;
            let Some((nps2, by2)) = self.agent(tail + 2) else {
                break;
            };
            self.push_passive(out, &nps2, p2, p2, by2, content.clone(), p2);
            tail = nps2.last().map(|n| n.end).unwrap_or(by2 + 1);
        }
    }

    fn reporting_verb(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let first = self.sentence_first(i);
        // the verb's lemma ("" for a multi-word cue), looked up once
        let lemma = lemma_of(self.lex, self.w(i));
        let speech = self.lex.speech_verbs.contains(lemma);
        // "some reports", "the claims", "his statement": a noun, not a verb (a past form such
        // as "said" is never a noun: "many said")
        let past = self.w(i).ends_with("ed")
            || matches!(
                self.w(i),
                "said" | "told" | "wrote" | "thought" | "found" | "saw" | "knew"
            );
        // ("many prefer", "some think": a quantity standing alone is the subject)
        let quantity_subject = !matches!(
            self.w(i.saturating_sub(1)),
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "this"
                | "these"
                | "those"
                | "other"
                | "more"
        ) && !self.w(i).ends_with('s');
        if !past
            && !quantity_subject
            && i > 0
            && (self.is(i - 1, cls::DETERMINER)
                || (self.toks[i - 1].possessive && !self.contracted(i - 1)))
        {
            return;
        }
        // "the exposed email", "a quoted passage": a participle used as an adjective
        if past
            && i > 0
            && matches!(
                self.w(i - 1),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
            )
        {
            return;
        }
        // "a process called exfiltration", "a group named X": naming, not saying
        if past
            && i > 1
            && matches!(self.w(i), "called" | "named" | "dubbed" | "titled")
            && matches!(self.w(i - 2), "a" | "an")
            && self.is_word(i - 1)
            && !self.toks[i - 1].cap
            && !matches!(
                self.w(i + 1),
                "him" | "her" | "it" | "them" | "for" | "on" | "the" | "a" | "an" | "his" | "their"
            )
        {
            return;
        }
        // "called off its search", "slammed into the coast", "other pronounced differences",
        // "337 suspected users": no saying
        if matches!(self.w(i + 1), "off" | "into")
            || (past
                && i > 0
                && (matches!(self.w(i - 1), "other" | "more" | "most")
                    // (but "4 in 10 said Trump ...", "10 said they ...")
                    || (self.w(i - 1).starts_with(|c: char| c.is_ascii_digit())
                        && self.noun_follows(i))))
            // "has alleged ties to the IRGC": an adjective
            || (self.w(i) == "alleged" && self.noun_follows(i))
        {
            return;
        }
        // "aren't showing up", "a strong showing", "the most telling promise", "his radio show":
        // a phrasal verb, a noun, an adjective
        if (lemma == "show"
            && (self.w(i + 1) == "up"
                || (i > 0
                    && matches!(
                        self.w(i - 1),
                        "radio" | "talk" | "tv" | "television" | "game" | "news" | "morning"
                    ))))
            || (self.w(i).ends_with("ing")
                && i > 0
                && (matches!(
                    self.w(i - 1),
                    "most" | "more" | "very" | "less" | "strong" | "weak" | "poor" | "solid"
                ) || self.w(i - 1).ends_with("best")))
        {
            return;
        }
        // "Clinton maintains a wide lead", "he is advising Pfizer", "could add another title":
        // these verbs report only with a clause ("maintained the USPS could handle it",
        // "advised citizens to leave") or a quotation
        if matches!(lemma, "maintain" | "advise" | "add")
            && !(self.punct(i + 1, ',')
                || self.punct(i + 1, ':')
                || self.punct(i + 1, '.')
                || self.open_mark.get(i + 1).is_some_and(|q| q.is_some())
                || (i > 0 && (self.close_mark.at(i - 1).is_some() || self.punct(i - 1, ',')))
                || self.clause_follows(i + 1, lemma == "advise"))
        {
            return;
        }
        // "it's called", "they're called": a contracted "is" or "are" before a participle is
        // a passive ("he's said" is "has said")
        if past
            && i > 0
            && (self.w(i - 1).ends_with("'re")
                || (self.toks[i - 1].possessive
                    && self.contracted(i - 1)
                    && matches!(
                        self.w(i),
                        "called"
                            | "named"
                            | "known"
                            | "considered"
                            | "believed"
                            | "thought"
                            | "seen"
                            | "quoted"
                            | "reported"
                            | "alleged"
                            | "asked"
                    )))
        {
            return;
        }
        // "Republicans seeking the White House", "people hoping to leave": a participle after
        // a noun, no statement of intention (that needs "is seeking", ", seeking")
        if matches!(
            self.w(i),
            "seeking" | "hoping" | "wanting" | "planning" | "trying"
        ) && i > 0
            && self.is_word(i - 1)
            && !self.is(i - 1, cls::PASSIVE_AUX)
            && !self.is(i - 1, cls::ADVERB)
            && !self.adverb_ly(i - 1)
        {
            return;
        }
        // "Unrest continued in Portland": an aspectual verb reports only with "to" or a quote
        if matches!(
            self.w(i),
            "continued" | "continues" | "continue" | "continuing"
        ) && self.w(i + 1) != "to"
            && !self.punct(i + 1, ':')
            && !self.punct(i + 1, ',')
            // ('"...," he continued.': after a quotation)
            && !(self.punct(i + 1, '.')
                && (self.sentence_first(i)..i).any(|k| self.close_mark.at(k).is_some()))
        {
            return;
        }
        // "Trump's proposed ban" (a participle after a possessive), "has found
        // itself": adjectives, nouns and objects, not verbs of saying
        if i > 0
            && self.toks[i - 1].possessive
            && !self.contracted(i - 1)
            && !self.w(i).ends_with('s')
        {
            return;
        }
        if lemma == "find"
            && matches!(
                self.w(i + 1),
                "itself" | "himself" | "herself" | "themselves"
            )
        {
            return;
        }
        // "agreed to support", "promised to": an intention. PolNeAR counts stated intentions as
        // attributions; verbs of speech followed by "to" are something else ("said to be").
        // "said to an enormous cheer", "said to People" name a hearer and stay cues.
        if self.w(i + 1) == "to"
            && speech
            && (matches!(
                self.w(i + 2),
                "be" | "have" | "been" | "include" | "number" | "total"
            ) || i > 0 && self.is(i - 1, cls::PASSIVE_AUX))
        {
            return;
        }
        // "FEC reports show that ...": a noun before the verb
        if !past
            && self.w(i).ends_with('s')
            && self.is_cue_form(i + 1)
            && !self.w(i + 1).ends_with("ing")
        {
            return;
        }
        // "the fire claimed two lives", "claimed victory": a taking, not a saying
        let next = self.w(i + 1);
        if lemma == "claim"
            && (next.starts_with(|c: char| c.is_ascii_digit())
                || self.lex.not_claimed.contains(next))
        {
            return;
        }
        // "a lake found through radar mapping": a participle, not a verb of saying. Verbs of
        // speech keep their prepositions ("said in a statement").
        // ("he declared in a tweet", "Trump wrote on Facebook": after a pronoun or a name the
        // form is a finite verb)
        let after_subject = i > 0
            && (matches!(self.w(i - 1), "he" | "she" | "they" | "we" | "i" | "you")
                || self.punct(i - 1, ',')
                || (self.toks[i - 1].cap && self.name_word(i - 1)));
        let agree_with = self.w(i + 1) == "with" && matches!(lemma, "agree" | "disagree");
        if !speech
            && !after_subject
            && !agree_with
            && self.is(i + 1, cls::PREPOSITION)
            && !self.is(i + 1, cls::CUE_PARTICLE)
        {
            return;
        }
        // skip adverbs and auxiliaries before the verb
        let mut j = i;
        loop {
            if j > first
                && (self.is(j - 1, cls::ADVERB)
                    || self.adverb_ly(j - 1)
                    || self.w(j - 1).ends_with("n't")
                    || self.w(j - 1).ends_with("n\u{2019}t"))
            {
                // ("didn't say", "hasn't said": negated auxiliaries are part of the cue)
                j -= 1;
            } else if j > first + 1
                && matches!(
                    self.w(j - 2),
                    "on" | "last" | "this" | "next" | "earlier" | "later"
                )
                && (self.is(j - 1, cls::NON_SOURCE) || self.is(j - 1, cls::TIME_UNIT))
            {
                // "Ryan, the nation's highest-ranking Republican, on Tuesday called ..."
                j -= 2;
            } else if j > first + 2
                && matches!(
                    (self.w(j - 3), self.w(j - 2), self.w(j - 1)),
                    ("in", "the", "past") | ("at", "the", "time") | ("for", "some", "time")
                )
            {
                // "have in the past said"
                j -= 3;
            } else {
                break;
            }
        }
        // PolNeAR's cues take in their auxiliaries and adverbs: "has also said"
        let mut cue_start = j;
        // (a time phrase between subject and verb is not part of the cue)
        while cue_start + 1 < i
            && matches!(
                self.w(cue_start),
                "on" | "last" | "this" | "next" | "earlier" | "later"
            )
            && !self.is(cue_start + 1, cls::ADVERB)
        {
            cue_start += 2;
        }
        if j > first && self.is(j - 1, cls::PASSIVE_AUX) {
            // ("The Times is expected to endorse ...": an expectation, PolNeAR's cue "is
            // expected" with the subject as its source)
            let expected = self.w(i) == "expected" && self.w(i + 1) == "to";
            if !self.w(i).ends_with("ing") && !expected {
                return; // "were announced": passive without an agent
            }
            // "Trump is arguing", "has been saying", "would be praising": a progressive, its
            // auxiliaries part of the cue
            j -= 1;
            while j > first
                && (matches!(
                    self.w(j - 1),
                    "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                        | "been"
                        | "be"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                ) || self.is(j - 1, cls::ADVERB))
            {
                j -= 1;
            }
            cue_start = j;
        }
        // "the former who said", "Smith, who said" (after a comma the mention is "who", as
        // PolNeAR marks it, standing for the name before it)
        let mut relative = None;
        // ("the AP report, which notes, ...": the same for "which" after a comma)
        // (only verbs of saying and finding: "North Korea, which seeks to develop ..." states
        // no one's claim)
        let which_states = speech
            || matches!(
                lemma,
                "show"
                    | "find"
                    | "suggest"
                    | "conclude"
                    | "indicate"
                    | "claim"
                    | "argue"
                    | "estimate"
                    | "predict"
                    | "urge"
                    | "urged"
            );
        if j > first
            && (self.base(j - 1) == "who"
                || (self.w(j - 1) == "which"
                    && which_states
                    && j > first + 1
                    && self.punct(j - 2, ',')))
        {
            j -= 1;
            relative = Some(j);
            if j > first && self.punct(j - 1, ',') {
                j -= 1;
            }
        }
        // "She went on to say:", "continued to argue": the subject before the verb group
        if j > first + 1 && self.w(j - 1) == "to" {
            for back in 1..=3 {
                let s = j - 1 - back;
                if s <= first || !(s..j - 1).all(|k| self.is_word(k) && !self.toks[k].cap) {
                    break;
                }
                let mut nps = self.sources_left(s);
                if nps.iter().any(|n| n.kind == MentionKind::Other) {
                    nps.clear();
                }
                if nps.is_empty()
                    && (self.w(s).ends_with("ed")
                        || matches!(
                            self.w(s),
                            "went" | "goes" | "go" | "began" | "begins" | "continues" | "tried"
                        ))
                {
                    // "The email went on to say": a plain noun phrase opening the sentence
                    nps.extend(self.subject_from(first, s).filter(|n| n.start == first));
                }
                if !nps.is_empty() {
                    let lemma = lemma.to_string();
                    let cue_end = if self.punct(i + 1, ':') { i + 2 } else { i + 1 };
                    let (kind, content) = self.content_after(i, i + 1, nps[0].start);
                    if content.is_some() {
                        self.used[i] = true;
                        let cue = self.span(s, cue_end);
                        self.push(out, kind, &nps, cue, &lemma, content, i);
                    }
                    return;
                }
            }
        }
        // ", saying ...", ", adding ...": a participle whose source is the sentence's subject
        // "... by citing a poll", "booed after telling holdouts ...", "said before adding:": a
        // participle after a preposition of manner or time, its source the clause's subject
        // (not "criticized him for saying": the object said it)
        // (the subject before the preposition, and no question: "So before declaring the
        // lockdown they should have ...", "What was your reaction after confirming ...?")
        let after_preposition = |k: usize| {
            k > first + 2
                && matches!(self.w(k - 1), "by" | "after" | "before" | "while" | "when")
                && !self.punct(self.sentence_end(i) - 1, '?')
        };
        if self.w(i).ends_with("ing")
            && i > first
            && (self.punct(i - 1, ',')
                || after_preposition(i)
                || (self.adverb_ly(i - 1) && after_preposition(i - 1)))
        {
            let lemma = self.cue_lemma(i);
            // '"...," she said, adding that ...': the speaker of the attribution just before
            if self.continue_previous(i, i, &lemma, out) {
                return;
            }
            // the subject of the clause: after a quotation that opens the sentence
            let start = (first..i)
                .rev()
                .find(|&k| {
                    self.close_mark
                        .at(k)
                        .is_some_and(|q| self.quotes[q].is_quotation)
                })
                .map(|k| {
                    let mut s = k + 1;
                    while self.punct(s, ',') {
                        s += 1;
                    }
                    s
                })
                .unwrap_or(first);
            // ("And then Trump went ...": connectives before the subject)
            let mut start = start;
            while start < i
                && (self.punct(start, ',')
                    || matches!(
                        self.w(start),
                        "and" | "but" | "then" | "so" | "yet" | "still" | "now" | "later" | "also"
                    ))
            {
                start += 1;
            }
            // ("Amid the outcry, Matt Walsh ...", "WASHINGTON (AP) — Clinton ...": an opening
            // phrase or dateline before the subject)
            if (self.is(start, cls::INTRO)
                || self.is(start, cls::PREPOSITION)
                || matches!(self.w(start), "amid" | "just" | "at" | "for" | "by"))
                && let Some(c) = (start..i).find(|&k| self.punct(k, ','))
            {
                start = c + 1;
            } else if let Some(d) = (start..(start + 6).min(i)).find(|&k| self.dash(k))
                && self.toks[start]
                    .span
                    .slice(self.text)
                    .chars()
                    .all(|c| !c.is_lowercase())
            {
                start = d + 1;
            }
            let mut subj = self.sources_right(start);
            // "Hatice Cengiz, fiancée of journalist Jamal Khashoggi, addressed ..., calling":
            // the name with its appositive
            if subj.len() == 1
                && subj[0].kind == MentionKind::Name
                && self.punct(subj[0].end, ',')
                && let Some(v) = (subj[0].end + 1..i).find(|&k| {
                    self.is(k, cls::VERBISH) || self.looks_like_verb(k) || self.is_cue_form(k)
                })
                && let Some(np) = self.subject_left(start, v)
                && np.start == subj[0].start
                && np.end > subj[0].end
            {
                subj[0] = np;
            }
            if subj.is_empty() || subj[0].kind == MentionKind::Other {
                // "Other Republican candidates, including X and Y, have followed ..., saying":
                // the noun phrase before the main verb
                if let Some(v) = (start + 1..i).find(|&k| {
                    self.is(k, cls::VERBISH) || self.looks_like_verb(k) || self.is_cue_form(k)
                }) && let Some(np) = self.subject_left(start, v)
                {
                    subj = vec![np];
                }
            }
            if let Some(last) = subj.last()
                && last.end < i
                && matches!(
                    subj[0].kind,
                    MentionKind::Name
                        | MentionKind::Pronoun
                        | MentionKind::Description
                        | MentionKind::Anonymous
                )
            {
                self.used[i] = true;
                let tail = self.cue_tail(i + 1);
                let (kind, content) = self.content_after(i, tail, i);
                let cue_end = if self.punct(tail, ':') {
                    tail + 1
                } else {
                    tail
                };
                let cue = self.span(i, cue_end);
                self.push(out, kind, &subj, cue, &lemma, content, i);
            }
            return;
        }
        // "called it careless, but said ...", "denounced it and said ...": a second verb of the
        // speaker of the attribution just before
        if j > first + 1 && matches!(self.w(j - 1), "and" | "but") && !self.is(j - 2, cls::VERBISH)
        {
            let lemma = lemma.to_string();
            if self.continue_previous(i, cue_start, &lemma, out) {
                return;
            }
        }
        // "The contrast with Trump, said Doyle and others, was ...": an inverted cue inside the
        // sentence, its source after it and closed by a comma or the sentence end
        let inverted_here = j == i
            && i > first
            && self.punct(i - 1, ',')
            && speech
            && !matches!(self.w(i + 1), "it" | "them" | "him" | "her" | "us" | "me")
            && self.sources_right(i + 1).last().is_some_and(|np| {
                np.kind != MentionKind::Other
                    && (self.punct(np.end, ',')
                        || self.punct(np.end, '.')
                        || np.end >= self.toks.len()
                        || !self.same_sentence(i, np.end))
            });
        let mut nps = if inverted_here {
            Vec::new()
        } else if j > 1 && self.punct(j - 1, ',') && self.punct(j - 2, ')') {
            // "Sen. Jack Reed (D-R.I.), said": a stray comma after the parenthesis
            self.sources_left(j - 1)
        } else if j > 0 && self.same_sentence(j - 1, i)
            || j > 0 && self.close_mark.at(j.saturating_sub(1)).is_none() && j > first
        {
            self.sources_left(j)
        } else {
            Vec::new()
        };
        // "Tom Hegel, a security expert ..., who ..., found", "Ford itself said", "Nearly eight
        // in 10 Democratic voters said": the whole subject of the clause
        if nps.is_empty() && j > first && !inverted_here {
            if let Some(np) = self.subject_left(first, j) {
                nps = vec![np];
            } else if matches!(self.w(j - 1), "and" | "but")
                && !(j > first + 1 && self.is(j - 2, cls::VERBISH))
            {
                // "Scott blasted Congress and said ...": the subject of the first verb
                let subj = self.sources_right(first);
                // (not "At his rallies, Trump ... and cites": a preposition opens no subject)
                if subj
                    .last()
                    .is_some_and(|l| l.end < j - 1 && self.is_word(l.end))
                    && !self.is(first, cls::PREPOSITION)
                    && !self.is(first, cls::INTRO)
                    && !matches!(self.w(first), "along" | "at" | "for" | "by")
                {
                    nps = subj;
                }
            }
        }
        // "the former who said" keeps its mention (it names whom it means); otherwise the
        // mention is "who", standing for the noun phrase before it
        if let (Some(who), [np]) = (relative, nps.as_slice())
            && np.kind != MentionKind::Ordinal
        {
            nps = vec![Np {
                start: who,
                end: who + 1,
                ..*np
            }];
        }
        // "the Associated Press report, which notes ...": a relative after a comma names its
        // antecedent even when that is no source phrase of ours
        if let Some(who) = relative
            && nps.is_empty()
            && who > first + 1
            && self.is_word(who - 2)
        {
            // the antecedent: the words before the comma back to a preposition or a verb
            let comma = who - 1;
            let mut a = comma;
            while a > first
                && comma - a < 8
                && self.is_word(a - 1)
                && !self.is(a - 1, cls::PREPOSITION)
                && !matches!(self.w(a - 1), "to" | "by" | "for" | "of" | "and" | "that")
                && !self.is_cue_form(a - 1)
                && !self.looks_like_verb(a - 1)
            {
                a -= 1;
            }
            // (no words before the comma: the relative names itself)
            let (name_start, name_end) = if a < comma {
                (a, comma)
            } else {
                (who, who + 1)
            };
            nps = vec![Np {
                start: who,
                end: who + 1,
                name_start,
                name_end,
                kind: MentionKind::Other,
            }];
        }
        let lemma = self.cue_lemma(i);
        if !nps.is_empty() {
            // a recipient ("told the outlet", "told reporters") is neither source nor content;
            // the cue is the verb (PolNeAR's convention); "called for", "warned of", "said in a
            // statement": the particle or phrase is part of the cue, and the content follows it
            let (mut cue_tok_end, cue_end) = if lemma == "tell" {
                (i + 1, self.recipient_end(i + 1))
            } else {
                let t = self.cue_tail(i + 1);
                (t, t)
            };
            if self.punct(cue_tok_end, ':') {
                cue_tok_end += 1;
            }
            let (kind, mut content) = self.content_after(i, cue_end, nps[0].start);
            if content.is_none() {
                return; // "Over 1,000 rescuers responded.": nothing is attributed
            }
            // "the staff association, which urged consideration of X, reflected ...": the
            // relative clause ends at its comma ("two women who accused him said ...": or
            // where the main clause's cue starts)
            if relative.is_some()
                && kind == AttributionKind::Indirect
                && let Some(c) = &content
                && let Some(comma) = (cue_end..self.toks.len())
                    .take_while(|&k| self.toks[k].span.start < c.span.end)
                    .find(|&k| {
                        (self.punct(k, ',') || (k > cue_end && self.is_cue_form(k)))
                            && self.in_quote.at(k).is_none()
                    })
                && let Some(cut) = self.content_span(cue_end, comma)
                && cut.start >= c.span.start
            {
                content = Some(Content::single(cut));
            }
            self.used[i] = true;
            let cue_start = if nps.iter().any(|n| n.start >= cue_start) {
                i
            } else {
                cue_start
            };
            let cue = self.span(cue_start, cue_tok_end);
            self.push(out, kind, &nps, cue, &lemma, content, i);
            return;
        }
        // inverted: '"...," said Hegel.' / '..., said the ministry.'
        // "Clinton says X, calls Y 'troubling'": after a comma, a verb that does not invert
        // continues the attribution before it
        if i > 0 && self.punct(i - 1, ',') && !speech && !self.w(i).ends_with("ing") {
            let lemma = self.cue_lemma(i);
            self.continue_previous(i, i, &lemma, out);
            return;
        }
        // (", noting ...", ", promising ...": a participle after a comma is no inverted cue)
        let after_quote = i > 0
            && (self.close_mark.at(i - 1).is_some()
                || (self.punct(i - 1, ',') && !self.w(i).ends_with("ing")));
        if after_quote {
            let mut nps = self.sources_right(i + 1);
            // ("said Dan Gerstein, director of Gotham Ghostwriters and an analyst": the "and"
            // is inside the appositive, not between two speakers)
            if nps.len() > 1 && self.punct(nps[0].end, ',') {
                nps.truncate(1);
            }
            // '"...," said Peter Wehner, a former director ...': the appositive belongs to the
            // source; '"...," said the designer, who works ...': so does a plain noun phrase
            let subject = self.subject_right(i + 1);
            match (nps.len(), subject) {
                // (an appositive, not a prepositional phrase: "officials, with 25 others
                // injured")
                (1, Some(s))
                    if self.punct(nps[0].end, ',')
                        && s.end > nps[0].end
                        && !self.is(nps[0].end + 1, cls::PREPOSITION)
                        && !self.is(nps[0].end + 1, cls::PASSIVE_AUX)
                        && !matches!(
                            self.w(nps[0].end + 1),
                            "has" | "have" | "had" | "will" | "would"
                        )
                        && !matches!(
                            self.w(nps[0].end + 1),
                            "with" | "and" | "but" | "as" | "while" | "after" | "before" | "by"
                        ) =>
                {
                    // (up to a relative clause with a cue of its own: "said Tom Hegel, who
                    // added that ...")
                    nps[0].end = (nps[0].end + 1..s.end)
                        .find(|&k| self.relative_with_cue(k, s.end))
                        .map_or(s.end, |k| k - 1);
                }
                // "said the New York businessman", "said Jim Whelan who represents ...": the
                // mention runs on past the name
                (1, Some(s))
                    if s.start == nps[0].start
                        && s.end > nps[0].end
                        && (nps[0].kind == MentionKind::Name
                            || self.is(nps[0].end, cls::POSTMODIFIER))
                        && self.is_word(nps[0].end)
                        && !self.is(nps[0].end, cls::PREPOSITION)
                        // (not a verb: "said Mrs. Clinton had avoided ...")
                        && (!self.is(nps[0].end, cls::VERBISH)
                            || matches!(self.w(nps[0].end), "who" | "which" | "that"))
                        && !self.looks_like_verb(nps[0].end)
                        && !matches!(self.w(nps[0].end), "after" | "before" | "during" | "on") =>
                {
                    // up to a comma that opens a clause ("..., angered that ...", "..., whom
                    // Bush appointed ..."), with no cue or quotation inside
                    let cut = (nps[0].end..s.end)
                        .find(|&k| {
                            self.punct(k, ',')
                                && self.is_word(k + 1)
                                && !self.toks[k + 1].cap
                                && (!matches!(self.w(k + 1), "a" | "an" | "the" | "who" | "which")
                                    || self.relative_with_cue(k + 1, s.end))
                        })
                        .unwrap_or(s.end);
                    if !(nps[0].end..cut)
                        .any(|k| self.is_cue_form(k) || self.open_mark.at(k).is_some())
                    {
                        let mut e = cut;
                        while e > s.start && self.punct(e - 1, ',') {
                            e -= 1;
                        }
                        nps[0] = self.np_naming_inside(s.start, e);
                    }
                }
                (0, Some(s)) => nps = vec![s],
                _ => {}
            }
            if let Some(last) = nps.last() {
                let e = last.end;
                let ends = e >= self.toks.len()
                    || !self.is_word(e)
                    || !self.same_sentence(i, e)
                    || matches!(
                        self.w(e),
                        "in" | "when" | "while" | "during" | "after" | "before" | "at" | "on"
                    );
                if ends {
                    self.used[i] = true;
                    let (kind, content) = self.content_before(i);
                    let cue = self.span(i, i + 1);
                    self.push(out, kind, &nps, cue, &lemma, content, i);
                }
            }
        }
    }

    /// A cue at `i` (cue from `cue_start`) whose speaker is that of the attribution just before
    /// it in the same sentence; records it and returns true when there is one and a content.
    fn continue_previous(
        &mut self,
        i: usize,
        cue_start: usize,
        lemma: &str,
        out: &mut Vec<Attribution>,
    ) -> bool {
        let sentence = self.sent[i] as usize;
        let before = self.toks[i].span.start;
        let Some(prev) = self.last_of_sentence(out, sentence, |a| a.cue.end <= before) else {
            return false;
        };
        let sources = out[prev].sources.clone();
        let tail = self.cue_tail(i + 1);
        let (kind, content) = self.content_after(i, tail, i);
        if content.is_none() {
            return false;
        }
        self.used[i] = true;
        let cue_end = if self.punct(tail, ':') {
            tail + 1
        } else {
            tail
        };
        out.push(Attribution {
            kind,
            sources,
            cue: self.span(cue_start, cue_end),
            cue_lemma: lemma.to_string(),
            content,
            sentence,
            paragraph: self.para,
        });
        true
    }

    /// The index in `out` of the last attribution of this paragraph's sentence `sentence` for
    /// which `pred` holds: `out.iter().rposition(|a| a.paragraph == self.para && a.sentence ==
    /// sentence && pred(a))`, without a walk back through all the attributions before it (in one
    /// huge paragraph, each of thousands of cues would walk back through all the others): the
    /// paragraph's attributions are chained by sentence as they are found (`Ctx::by_sentence`).
    fn last_of_sentence(
        &self,
        out: &[Attribution],
        sentence: usize,
        pred: impl Fn(&Attribution) -> bool,
    ) -> Option<usize> {
        const NONE: usize = usize::MAX;
        let mut chain = self.by_sentence.borrow_mut();
        let SentenceChains {
            heads,
            links,
            indexed,
        } = &mut *chain;
        let nsent = self.sent_first.len();
        if heads.len() != nsent {
            heads.resize(nsent, NONE);
        }
        // (attributions are only ever pushed while a paragraph is checked: the new ones are
        // `out[indexed..]`; those of earlier paragraphs are never of this one)
        for (k, a) in out.iter().enumerate().skip(*indexed) {
            let s = a.sentence.wrapping_sub(self.sent_lo);
            if a.paragraph == self.para && s < nsent {
                links.push((k, heads[s]));
                heads[s] = links.len() - 1;
            }
        }
        *indexed = out.len();
        let s = sentence.wrapping_sub(self.sent_lo);
        if s >= nsent {
            // (a paragraph without sentences: no chain, walk back)
            return out
                .iter()
                .rposition(|a| a.paragraph == self.para && a.sentence == sentence && pred(a));
        }
        let mut link = heads[s];
        while link != NONE {
            let (k, next) = links[link];
            if pred(&out[k]) {
                return Some(k);
            }
            link = next;
        }
        None
    }

    /// The subject of a clause ending before `j`: from the clause start (the sentence start, or
    /// after a closing quotation mark, ';' or ':'; an introductory phrase such as "In an
    /// interview Tuesday," skipped) to `j`, appositives included. The head (up to the first
    /// comma) must read as a noun phrase: no verb, no cue, no clause word.
    fn subject_left(&self, first: usize, j: usize) -> Option<Np> {
        let mut c = first;
        for k in (first..j).rev() {
            // (a quotation that opens the sentence: '"...," the spokesman said')
            if self.close_mark.at(k).is_some_and(|q| {
                self.quotes[q].is_quotation
                    && self.quotes[q].span.start <= self.toks[first].span.start
            }) || self.punct(k, ';')
                || self.punct(k, ':')
            {
                c = k + 1;
                break;
            }
        }
        while c < j && (self.punct(c, ',') || matches!(self.w(c), "and" | "but")) {
            c += 1;
        }
        let mut starts = Vec::with_capacity(3);
        // ("At least half of voters say": a quantity, not a preposition)
        let at_least = self.w(c) == "at" && matches!(self.w(c + 1), "least" | "most");
        if c < j && !at_least && (self.is(c, cls::INTRO) || self.is(c, cls::PREPOSITION)) {
            if let Some(comma) = (c..j).find(|&k| self.punct(k, ',')) {
                starts.push(comma + 1);
            } else if matches!(self.w(c), "yet" | "still" | "but" | "however" | "meanwhile") {
                // "Yet another said"
                starts.push(c + 1);
            }
        } else {
            starts.push(c);
        }
        // the clause may start later: after a clause word ("a strike that company executives
        // said could ...", "where the secretary of state said", "and one in four said")
        if let Some(k) = (c..j).rev().find(|&k| {
            self.is(k, cls::CLAUSE_WORD) && !matches!(self.w(k), "that" | "so")
                || self.is(k, cls::CLAUSE_WORD) && !self.toks[k].cap
                || matches!(self.w(k), "and" | "or")
        }) && k + 1 < j
            && !starts.contains(&(k + 1))
        {
            starts.push(k + 1);
        }
        if let Some(np) = starts.into_iter().find_map(|c| self.subject_from(c, j)) {
            return Some(np);
        }
        // or after a comma: a parenthetical cue ("..., the Texas senator's allies say, will
        // be ..."), or a subject with appositives inside a sentence ("..., a spokeswoman, Anna
        // Richardson White, said ..."): the widest run of noun phrases that ends at the cue
        let mut best = None;
        let mut k = j.saturating_sub(1);
        let mut tries = 0;
        while k > c && tries < 3 {
            k -= 1;
            if !self.punct(k, ',') {
                continue;
            }
            tries += 1;
            match self.subject_from(k + 1, j) {
                Some(np) => best = Some(np),
                None if best.is_some() => break,
                None => {}
            }
        }
        best
    }

    /// A dash between words: an em or en dash, or a hyphen with spaces around it.
    fn dash(&self, k: usize) -> bool {
        if self.punct(k, '\u{2014}') || self.punct(k, '\u{2013}') {
            return true;
        }
        if !self.punct(k, '-') {
            return false;
        }
        let sp = self.toks[k].span;
        self.text[..sp.start].ends_with(char::is_whitespace)
            && self.text[sp.end..].starts_with(char::is_whitespace)
    }

    /// A lower-case "-ing" form long enough to be a participle ("clamoring", "recalling").
    fn ing_participle(&self, k: usize) -> bool {
        let w = self.w(k);
        w.ends_with("ing") && w.len() > 5 && !self.toks[k].cap
    }

    /// `subject_left` from a given clause start `c`.
    fn subject_from(&self, c: usize, j: usize) -> Option<Np> {
        let mut c = c;
        // (and an opening parenthesis: "(Mr. Lewandowski, who did not respond ..., has denied")
        while c < j && (matches!(self.w(c), "and" | "but" | "or" | "so") || self.punct(c, '(')) {
            c += 1;
        }
        let mut e = j;
        // (an appositive may end in a quotation: 'who calls Trump a "sociopath," said')
        // (dashes set off an appositive as commas do: "Deborah Reynolds - Santilli's girlfriend
        // - told")
        let sep = |k: usize| self.punct(k, ',') || self.dash(k);
        let comma_before =
            j > 1 && (sep(j - 1) || self.close_mark.at(j - 1).is_some() && self.punct(j - 2, ','));
        while e > c && (sep(e - 1) || comma_before && e == j && self.close_mark.at(e - 1).is_some())
        {
            e -= 1;
        }
        if c >= e {
            return None;
        }
        let head_end = (c..e).find(|&k| sep(k)).unwrap_or(e);
        if head_end == c || head_end - c > 12 || e - c > 45 || (head_end < e && !comma_before) {
            return None;
        }
        // "Hawkins and others who want to ban abortion said", "Republican activists clamoring
        // to block Trump say": a noun phrase, then a relative or participle clause that belongs
        // to it
        if head_end == e
            && let Some(r) = (c + 1..e).find(|&k| {
                !self.toks[k].cap && matches!(self.w(k), "who" | "that")
                    || (self.ing_participle(k) && k > c + 1)
            })
            && r > c
            && !(r..e).any(|k| self.open_mark.at(k).is_some() || self.in_quote.at(k).is_some())
            && let Some(np) = self.subject_from(c, r)
        {
            return Some(Np { end: e, ..np });
        }
        // "Ted Cruz, when asked what ..., responded": an adjunct set off by commas is not part
        // of the mention, and may hold cues of its own
        if head_end < e
            && (matches!(
                self.w(head_end + 1),
                "when" | "while" | "after" | "before" | "asked" | "speaking" | "during" | "in"
            ) || self.ing_participle(head_end + 1))
        {
            return self.subject_from(c, head_end);
        }
        // a noun phrase opens with a determiner, a number, a capital or an unnamed head, and
        // has no "to" in its head ("Kurdi's image lead to public calls for ..." is a clause)
        // the head noun: the last word before a preposition ("proponents of more controls",
        // "someone in the audience"), else the last word
        let head = (c + 1..head_end)
            .find(|&k| {
                matches!(
                    self.w(k),
                    "of" | "in" | "at" | "from" | "on" | "with" | "among"
                )
            })
            .map_or(self.w(head_end - 1), |k| self.w(k - 1));
        // (not "released a statement confirming": a verb opens no noun phrase)
        if self.looks_like_verb(c) || self.is_cue_form(c) {
            return None;
        }
        let opener = self.toks[c].cap
            || self.is(c, cls::DETERMINER)
            // ("three-quarters of the voters", "two-thirds")
            || self.w(c).split_once('-').is_some_and(|(n, _)| DETERMINERS.contains(&n))
            || self.is(c, cls::QUANTITY)
            || self.w(c).starts_with(|ch: char| ch.is_ascii_digit())
            || self.is(c, cls::ANONYMOUS_HEAD)
            || self.body_at(c)
            || self.lex.anonymous_heads.contains(head)
            || self.lex.source_heads.contains(head);
        if !opener || (c..head_end).any(|k| self.w(k) == "to" && !self.toks[k].cap) {
            return None;
        }
        // "Humphrey, who calls Trump a "sociopath," said": a relative clause in the appositive
        // may hold cues and quotations of its own
        // ("Mark Cuban, the owner of the Mavericks who rebuffed pleas ..., says": from its
        // relative word on)
        let relative = (head_end..e)
            .find(|&k| matches!(self.w(k), "who" | "which" | "whose"))
            .unwrap_or(e);
        for k in c..e {
            let in_head = k < head_end;
            if !in_head && k >= relative {
                continue;
            }
            if self.used[k]
                || self.in_quote.at(k).is_some()
                || self.open_mark.at(k).is_some()
                || self.is_cue_form(k)
                || (in_head
                    && ((self.is(k, cls::VERBISH)
                        && !(self.w(k) == "than"
                            && k > c
                            && matches!(self.w(k - 1), "more" | "less" | "fewer" | "greater")))
                        || !(self.is_word(k)
                            || self.punct(k, '-')
                            || self.punct(k, '.')
                            || self.punct(k, '%')
                            || self.punct(k, '/')
                            || self.punct(k, '&')
                            || self.punct(k, '(')
                            || self.punct(k, ')'))
                        || (k > c
                            && self.looks_like_verb(k)
                            && !self.participle_after_head(k)
                            && !self.adverb_ly(k - 1)
                            && !self.is(k - 1, cls::DETERMINER)
                            && !self.is(k - 1, cls::QUANTITY))))
            {
                return None;
            }
        }
        let mut np = self.np_naming_inside(c, e);
        if np.kind == MentionKind::Other && (c..head_end).any(|k| self.is(k, cls::ANONYMOUS_HEAD)) {
            np.kind = MentionKind::Anonymous;
        }
        Some(np)
    }

    /// The end of a cue's tail starting at `k`: a particle ("called for", "warned of") or "in a
    /// statement" / "in an interview" (PolNeAR's cues include them).
    fn cue_tail(&self, k: usize) -> usize {
        let verb = if k > 0 { self.w(k - 1) } else { "" };
        // "pointed out", "made it clear": the whole phrase
        if k > 0 {
            let n = self.phrase_at(k - 1);
            if n > 1 {
                return k - 1 + n;
            }
        }
        // "said Sunday": a day right after the verb is part of the cue (PolNeAR: 163 of 240)
        if self.toks.get(k).is_some_and(|t| t.cap && !t.possessive) && self.is(k, cls::DAY) {
            return k + 1;
        }
        // "referring to", "responded to", "pointed to"
        if self.w(k) == "to"
            && ["refer", "respond", "point", "allud", "repl"]
                .iter()
                .any(|p| verb.starts_with(p))
            && self.is_word(k + 1)
        {
            return k + 1;
        }
        // "called for", but not "said on Monday"; "said" takes no particle ("said of him")
        if self.is(k, cls::CUE_PARTICLE)
            && lemma_of(self.lex, verb) != "say"
            && self.is_word(k + 1)
            && !(self.toks[k + 1].cap && self.is(k + 1, cls::NON_SOURCE))
            && !self.w(k + 1).starts_with(|c: char| c.is_ascii_digit())
        {
            return k + 1;
        }
        if self.w(k) == "in"
            && matches!(self.w(k + 1), "a" | "an")
            && matches!(
                self.w(k + 2),
                "statement" | "interview" | "tweet" | "post" | "letter" | "speech" | "email"
            )
        {
            return k + 3;
        }
        k
    }

    /// The source after an inverted cue: from `s` to the end of the sentence, or to an opening
    /// quotation, a ';' or a ", but"/", and" that starts another clause.
    fn subject_right(&self, s: usize) -> Option<Np> {
        let end = self.sentence_end(s.min(self.toks.len().saturating_sub(1)));
        if s >= end || !self.is_word(s) || self.is(s, cls::PREPOSITION) || self.is(s, cls::VERBISH)
        {
            return None;
        }
        let mut e = s;
        while e < end {
            let clause = self.punct(e, ',')
                && matches!(
                    self.w(e + 1),
                    "but"
                        | "and"
                        | "while"
                        | "as"
                        | "adding"
                        | "saying"
                        | "noting"
                        | "speaking"
                        | "referring"
                        | "meanwhile"
                        | "according"
                        | "in"
                        | "following"
                        | "during"
                        | "after"
                );
            if self.open_mark.at(e).is_some()
                || self.punct(e, ';')
                || self.punct(e, ':')
                || clause
                || self.used[e]
            {
                break;
            }
            e += 1;
        }
        while e > s && !self.is_word(e - 1) && !self.toks[e - 1].is(')') {
            e -= 1;
        }
        if e == s || e - s > 40 {
            return None;
        }
        Some(self.np_naming_inside(s, e))
    }

    /// A name ending at `end` describes what follows it rather than naming it: a possessive or
    /// a place before a title or a head noun ("Angela Merkel's spokesperson", "El Paso mayor",
    /// "the New York businessman", "Clinton aides").
    /// With `heads` false only a title counts after the name.
    fn name_modifies(&self, end: usize, heads: bool) -> bool {
        self.toks[end - 1].possessive
            || (self.is_word(end)
                && !self.toks[end].cap
                && (self.is(end, cls::TITLE)
                    || heads
                        && ((self.name_word(end + 1) && !self.is(end, cls::STOP))
                            || self.is(end, cls::SOURCE_HEAD)
                            || self.is(end, cls::ANONYMOUS_HEAD))))
    }

    /// A noun phrase over tokens `s..e`, named by the first name inside it: "The group's
    /// executive director, Betty Bradley" is Betty Bradley (a name of two words or more, or one
    /// that opens the phrase); without one it is a plain phrase (`Other`).
    fn np_naming_inside(&self, s: usize, e: usize) -> Np {
        let mut np = Np::new(s, e, s, MentionKind::Other);
        let mut k = s;
        while k < e {
            if let Some(n) = self.name_right(k) {
                // a possessive or a place before a title describes the head, it is not it:
                // "Angela Merkel's spokesperson, Steffen Seibert", "El Paso mayor, Dee Margo"
                let modifier = self.name_modifies(n.end, true);
                if n.end <= e && !modifier && (n.end - n.name_start >= 2 || k == s) {
                    np.kind = MentionKind::Name;
                    np.name_start = n.name_start;
                    np.name_end = n.end;
                    break;
                }
                k = n.end;
            } else {
                k += 1;
            }
        }
        np
    }

    /// "those surveyed", "voters polled": a participle that closes a noun phrase.
    /// ("New polls released Sunday", but not "officials arrested three men": no object follows)
    fn participle_after_head(&self, k: usize) -> bool {
        k > 0
            && (matches!(self.w(k - 1), "those" | "people" | "adults" | "americans")
                || self.is(k - 1, cls::ANONYMOUS_HEAD)
                || self.is(k - 1, cls::SOURCE_HEAD))
            && !(self.is(k + 1, cls::DETERMINER)
                || matches!(self.w(k + 1), "him" | "her" | "them" | "it" | "us" | "me"))
    }

    /// ", who added that ...": a relative clause after a comma at `k` with a cue of its own
    /// before `end`, which is no part of the speaker's mention before it.
    fn relative_with_cue(&self, k: usize, end: usize) -> bool {
        matches!(self.w(k), "who" | "which")
            && k > 0
            && self.punct(k - 1, ',')
            && (k..end).any(|c| self.is_cue_form(c))
    }

    /// A lower-case word after `i` that opens no clause or phrase: the form at `i` modifies it
    /// ("337 suspected users", "alleged ties").
    fn noun_follows(&self, i: usize) -> bool {
        self.is_word(i + 1)
            && !self.toks[i + 1].cap
            && !self.is(i + 1, cls::PRONOUN)
            && !self.is(i + 1, cls::DETERMINER)
            && !self.is(i + 1, cls::PREPOSITION)
            && !matches!(self.w(i + 1), "that" | "we" | "i" | "there" | "this" | "to")
    }

    /// A clause opens at `k`: "that", or a finite verb within a few words before any
    /// punctuation ("maintained [the USPS could] handle"); with `to`, also "to" ("advised U.S.
    /// citizens to leave").
    fn clause_follows(&self, k: usize, to: bool) -> bool {
        if self.w(k) == "that" {
            return true;
        }
        (k..(k + 8).min(self.toks.len()))
            .take_while(|&t| self.is_word(t))
            .any(|t| {
                (to && self.w(t) == "to")
                    || (t > k
                        && (matches!(
                            self.w(t),
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
                                | "should"
                                | "may"
                                | "might"
                                | "must"
                                | "do"
                                | "does"
                                | "did"
                        ) || self.looks_like_verb(t)))
            })
    }

    /// A lower-case past-tense form ("attacked") inside what would be a subject: the words are a
    /// clause, not a noun phrase.
    fn looks_like_verb(&self, k: usize) -> bool {
        const ADJECTIVES: &[&str] = &[
            "advanced",
            "affiliated",
            "armed",
            "based",
            "concerned",
            "dedicated",
            "detailed",
            "elected",
            "experienced",
            "informed",
            "interested",
            "limited",
            "named",
            "registered",
            "related",
            "renowned",
            "respected",
            "retired",
            "united",
            "unnamed",
            "unidentified",
            "noted",
        ];
        let t = &self.toks[k];
        let lower = self.words[k];
        t.is_word() && !t.cap && lower.ends_with("ed") && !ADJECTIVES.contains(&lower)
    }

    fn recipient_end(&self, k: usize) -> usize {
        if let Some(np) = self.simple_right(k) {
            return np.end;
        }
        if matches!(self.w(k), "him" | "her" | "them" | "us" | "me") {
            return k + 1;
        }
        for len in [2, 1] {
            if self.with_joined(k, k + len, |words| self.lex.recipients.contains(words)) {
                return k + len;
            }
        }
        if let Some(np) = self.name_right(k) {
            return np.end;
        }
        // "told the Associated Press", "told a news conference"
        if matches!(self.w(k), "the" | "a" | "an") {
            let mut e = k + 1;
            while e < k + 4 && self.np_word(e) && !self.punct(e, ',') {
                e += 1;
                if !self.is_word(e) || self.w(e) == "that" {
                    break;
                }
            }
            return e;
        }
        k
    }

    /// Content after the cue (`cue_end` is the first token after it), or before the source
    /// when the cue ends the sentence.
    fn content_after(
        &self,
        i: usize,
        cue_end: usize,
        src_start: usize,
    ) -> (AttributionKind, Option<Content>) {
        let end = self.sentence_end(i);
        // '"...," she said' (and '"A," she said, "B."'): the quotation before the source, unless
        // a colon after the cue opens another ('"...," he warned: "..."')
        let mut b = src_start.min(i);
        while b > 0 && self.punct(b - 1, ',') {
            b -= 1;
        }
        let colon_quote = self.punct(cue_end, ':')
            && self.open_mark.get(cue_end + 1).is_some_and(|q| q.is_some());
        if b > 0 && self.close_mark.at(b - 1).is_some() && !colon_quote {
            if self.same_sentence(b - 1, src_start.min(i)) {
                return self.content_before(src_start.min(i));
            }
            // '"Why not?" she asked.': a quotation ending in its own sentence mark, right
            // before the speaker, unless another quotation follows the cue (then that one is
            // the speaker's: '"... prayers." Duda remarked, "..."')
            let ends_here = {
                let mut k = i + 1;
                while k < self.toks.len() && self.punct(k, ',') {
                    k += 1;
                }
                k >= self.toks.len()
                    || !self.same_sentence(i, k)
                    || self.punct(k, '.')
                    || self.adjunct(k, false)
            };
            if ends_here && self.quote_after_cue(i).is_none() {
                let qi = self.close_mark.at(b - 1).unwrap_or_default();
                return (AttributionKind::DirectQuote, Some(self.quote_content(qi)));
            }
        }
        let mut k = cue_end;
        while k < self.toks.len() && (self.punct(k, ',') || self.punct(k, ':')) {
            k += 1;
        }
        // 'said — on Twitter, as it happens — that ...': a parenthesis between dashes
        if k < end
            && (self.punct(k, '\u{2014}') || self.punct(k, '\u{2013}'))
            && let Some(close) = (k + 1..(k + 14).min(end))
                .find(|&t| self.punct(t, '\u{2014}') || self.punct(t, '\u{2013}'))
        {
            k = close + 1;
        }
        // "said on Friday he can ...", "said Tuesday that ...": a time is not the content
        let t = self.time_end(k);
        if t > k && t < end && (self.is_word(t) || self.open_mark.at(t).is_some()) {
            k = t;
            while k < end && self.punct(k, ',') {
                k += 1;
            }
        }
        if self.w(k) == "that"
            && let Some(qi) = self.open_mark.get(k + 1).flatten()
        {
            // 'said that "..."': the content is the clause, "that" included
            let mut c = self.quote_content(qi);
            c.fragments[0] = Span::new(self.toks[k].span.start, c.fragments[0].end);
            return (
                AttributionKind::DirectQuote,
                Some(Content::from_fragments(c.fragments)),
            );
        }
        if let Some(qi) = self.open_mark.get(k).flatten() {
            return (AttributionKind::DirectQuote, Some(self.quote_content(qi)));
        }
        // "said:" at the end of a paragraph, the quotation in the next one
        if k >= self.toks.len()
            && self.punct(k - 1, ':')
            && let Some(q) = self
                .quotes
                .iter()
                .position(|q| q.paragraph == self.para + 1 && q.is_quotation)
        {
            return (AttributionKind::DirectQuote, Some(self.quote_content(q)));
        }
        // "Facebook created the tool, a spokeswoman said on Saturday, and ...": a source set
        // off by a comma inside the sentence attributes what comes before it
        let s0 = src_start.min(i);
        if s0 > self.sentence_first(i)
            && self.punct(s0 - 1, ',')
            && (k >= end
                || self.punct(k, '.')
                || self.adjunct(k, true)
                || (self.punct(cue_end, ',')
                    && (matches!(self.w(k), "and" | "but" | "while" | "although" | "though")
                        || (self.w(k) == "according" && self.w(k + 1) == "to"))))
        {
            return self.content_before(s0);
        }
        let quote_mark = self.toks.get(k).is_some_and(|t| is_quote_char(t.first));
        if k < end && (self.is_word(k) || quote_mark) {
            // "said in a statement Tuesday that ...", "told delegates at the convention that
            // ...": the content starts at "that"
            let mut k = k;
            if (self.is(k, cls::PREPOSITION)
                || self
                    .lex
                    .cue_verbs
                    .get(self.w(i))
                    .is_some_and(|l| l == "tell"))
                && let Some(t) = (k..(k + 15).min(end))
                    .take_while(|&t| !self.punct(t, ',') || t == k)
                    .find(|&t| self.w(t) == "that")
            {
                k = t;
            }
            let ce = self.clause_end(k);
            if let Some(s) = self.content_span(k, ce) {
                return (AttributionKind::Indirect, Some(Content::single(s)));
            }
        }
        self.content_before(src_start.min(i))
    }

    /// The rest of the sentence from `k` (or, with `to_comma`, up to the next comma, at most 8
    /// words) is an adjunct, not a content: "to an enormous cheer", "by telephone on NBC",
    /// "Saturday night at the debate", "on Saturday, and it has ..." (no "that", no quotation).
    fn adjunct(&self, k: usize, to_comma: bool) -> bool {
        let w = self.w(k);
        let opens = self.is(k, cls::PREPOSITION)
            || matches!(
                w,
                "to" | "by" | "last" | "this" | "earlier" | "yesterday" | "today"
            )
            || (!to_comma && matches!(w, "as" | "tonight" | "recently"))
            || self.time_word(k);
        if !opens {
            return false;
        }
        let end = self.sentence_end(k);
        let stop = if to_comma {
            (k..end).find(|&t| self.punct(t, ',')).unwrap_or(end)
        } else {
            end
        };
        (!to_comma || stop - k <= 8)
            && !(k..stop).any(|t| self.w(t) == "that" || self.open_mark.at(t).is_some())
    }

    /// A capitalised word of time ("Monday", "January").
    fn time_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.cap) && self.is(t, cls::NON_SOURCE)
    }

    /// The end of a time phrase at `k` ("on Friday", "Tuesday", "last week", "earlier this
    /// month"), or `k` when there is none.
    fn time_end(&self, k: usize) -> usize {
        let day = |t: usize| self.time_word(t) && !self.toks[t].possessive;
        let unit = |t: usize| self.is(t, cls::TIME_UNIT);
        match self.w(k) {
            "on" if day(k + 1) => k + 2,
            "last" | "this" | "next" if unit(k + 1) || day(k + 1) => k + 2,
            "earlier" | "later" if self.w(k + 1) == "this" && unit(k + 2) => k + 3,
            "yesterday" | "today" | "tonight" | "recently" | "earlier" | "later" => k + 1,
            _ if day(k) => {
                if unit(k + 1) || self.w(k + 1).starts_with(|c: char| c.is_ascii_digit()) {
                    k + 2
                } else {
                    k + 1
                }
            }
            _ => k,
        }
    }

    /// Content before a source or cue at `at`: a quotation closing there, or the sentence so far.
    fn content_before(&self, at: usize) -> (AttributionKind, Option<Content>) {
        let mut k = at;
        while k > 0 && self.punct(k - 1, ',') {
            k -= 1;
        }
        // the quotation must end in the attribution's sentence: in '"...prayers." President
        // Duda remarked, "..."' the first quotation is someone else's
        if k > 0
            && self.same_sentence(k - 1, at)
            && let Some(qi) = self.close_mark.at(k - 1)
        {
            let mut f = self.quote_content(qi).fragments;
            // '"A," she said, "B."': the second part continues the first
            let last = self.quote_after_cue(at);
            if let Some(next) = last {
                f.extend(self.quote_content(next).fragments);
            }
            // '"A," Bayh said. "B."': whole quoted sentences that follow are the same voice
            let mut k = match last {
                Some(q) => self.close_tok(q).map(|t| t + 1),
                None => Some(self.sentence_end(at)),
            };
            while let Some(s) = k {
                let s = if self.punct(s, '.') { s + 1 } else { s };
                let Some(q) = self.open_mark.get(s).flatten() else {
                    break;
                };
                let Some(close) = self.close_tok(q) else {
                    break;
                };
                // the quotation must be its whole sentence (no attribution of its own after it)
                let after = close + 1;
                let own = after < self.toks.len()
                    && self.same_sentence(close, after)
                    && self.is_word(after)
                    || (self.punct(after, ',') && self.same_sentence(close, after));
                if own || self.quotes[q].unclosed {
                    break;
                }
                f.extend(self.quote_content(q).fragments);
                k = Some(after);
            }
            return (
                AttributionKind::DirectQuote,
                Some(Content::from_fragments(f)),
            );
        }
        // "The dam failed, officials said": the sentence so far, when a comma sets it off
        if k == at {
            return (AttributionKind::Indirect, None);
        }
        let first = self.sentence_first(at);
        (
            AttributionKind::Indirect,
            self.content_span(first, k).map(Content::single),
        )
    }

    /// The token of the closing mark of quotation `q` in this paragraph.
    fn close_tok(&self, q: usize) -> Option<usize> {
        let end = self.quotes[q].span.end;
        let t = self.toks.partition_point(|t| t.span.end < end);
        (t < self.toks.len() && self.close_mark.at(t) == Some(q)).then_some(t)
    }

    /// A quotation that resumes right after the attribution at `at` (", she said, "...").
    fn quote_after_cue(&self, at: usize) -> Option<usize> {
        let end = (at + 12).min(self.toks.len());
        for k in at..end {
            if self.punct(k, ',')
                && let Some(q) = self.open_mark.get(k + 1).flatten()
            {
                return Some(q);
            }
            if self.punct(k, '.') || self.open_mark.at(k).is_some() {
                break;
            }
        }
        None
    }
}

/// Sentences in title case: at least three words of four letters or more, seven in ten of them
/// capitalised.
fn headline_sentences(toks: &[Token], lower: &str, sent: &[u32], out: &mut Vec<u32>) {
    // `sent` does not decrease along the tokens: each sentence's tokens are one run
    out.clear();
    let mut cur: Option<(u32, usize, usize)> = None;
    let mut close = |c: Option<(u32, usize, usize)>| {
        if let Some((s, n, caps)) = c
            && n >= 3
            && caps * 10 >= n * 7
        {
            out.push(s);
        }
    };
    for (t, &s) in toks.iter().zip(sent) {
        if t.is_word() && four_chars_or_more(t.lower_in(lower)) {
            let c = match cur {
                Some(c) if c.0 == s => c,
                _ => {
                    close(cur);
                    (s, 0, 0)
                }
            };
            cur = Some((s, c.1 + 1, c.2 + usize::from(t.cap)));
        }
    }
    close(cur);
}

/// True when `w` has four characters or more: four ASCII bytes first, or a fourth character
/// (without counting them all).
fn four_chars_or_more(w: &str) -> bool {
    w.len() >= 4 && (w.as_bytes()[..4].is_ascii() || w.chars().nth(3).is_some())
}

/// True when a character is a quotation mark (re-exported for callers that scan text).
pub fn quote_char(c: char) -> bool {
    is_quote_char(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_text;
    use crate::ruleset::Ruleset;
    use crate::token::tokenize;

    /// (sources, cue, content) of each attribution of `text`.
    fn atts(text: &str) -> Vec<(Vec<String>, String, String)> {
        let lex = Lexicons::new(&Ruleset::embedded());
        let a = analysis(text, &lex);
        extract_attributions(&a, &lex)
            .iter()
            .map(|at| {
                (
                    at.sources
                        .iter()
                        .map(|m| m.span.slice(&a.doc.text).to_string())
                        .collect(),
                    at.cue.slice(&a.doc.text).to_string(),
                    at.content
                        .as_ref()
                        .map(|c| c.span.slice(&a.doc.text).to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn analysis(text: &str, lex: &Lexicons) -> Analysis {
        let doc = parse_text("t", text.to_string());
        let sentences = crate::segment::sentences(&doc, lex);
        let quotes = crate::quotes::find_quotes(&doc);
        Analysis {
            sentences,
            quotes,
            ..Analysis::new(doc)
        }
    }

    /// `title_at`, which looks up the joined words only while they start a title, finds the
    /// longest title a lookup of every run of words finds.
    #[test]
    fn title_at_is_the_longest_title() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let mut alphabet: Vec<String> = lex
            .titles
            .iter()
            .flat_map(|t| t.split(' ').map(|w| format!("{w} ")))
            .collect();
        // whole titles of several words too, and their beginnings
        for t in lex.titles.iter().filter(|t| t.contains(' ')) {
            alphabet.push(format!("{t} "));
            alphabet.push(format!("{} ", &t[..t.rfind(' ').unwrap_or(0)]));
        }
        alphabet.sort();
        alphabet.dedup();
        alphabet.extend(["Chief ", "the ", ", ", "Smith ", "x ", "\u{201c}"].map(String::from));
        let mut longer = 0;
        let pieces: Vec<&str> = alphabet.iter().map(String::as_str).collect();
        // (a generator stops at its first empty text: many seeds, a few texts each)
        let texts = (1..200u64).flat_map(|k| {
            crate::testutil::random_texts(&pieces, k.wrapping_mul(0x9e37_79b9_7f4a_7c15), 10, 40)
        });
        for text in texts {
            let a = analysis(&text, &lex);
            for (pi, block) in a.doc.blocks.iter().enumerate() {
                let toks = tokenize(&a.doc.text, block.span, &lex.abbreviations);
                let cx = Ctx::new(&a, &lex, pi, &toks, Scratch::default());
                for i in 0..toks.toks.len() + 1 {
                    let mut want = 0;
                    for k in 0..lex.max_title_words {
                        if (i..=i + k).any(|j| !cx.is_word(j)) {
                            break;
                        }
                        let joined: Vec<&str> = (i..=i + k).map(|j| cx.w(j)).collect();
                        if lex.titles.contains(&joined.join(" ")) {
                            want = k + 1;
                        }
                    }
                    assert_eq!(cx.title_at(i), want, "{text:?} at {i}");
                    longer += usize::from(want > 1);
                }
            }
        }
        assert!(longer > 100, "{longer} titles of several words");
    }

    /// Contexts made from the buffers of the paragraph before find what fresh ones find.
    #[test]
    fn partition_from_is_partition_point() {
        // sorted values with runs of repeats; every start that the predicate holds before
        for k in 0..200u64 {
            let mut x = k.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            let mut next = || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            };
            let len = (next() % 70) as usize;
            let mut v: Vec<u64> = (0..len).map(|_| next() % 40).collect();
            v.sort_unstable();
            for bound in 0..42 {
                let want = v.partition_point(|&e| e < bound);
                for from in 0..=want {
                    assert_eq!(
                        partition_from(&v, from, |&e| e < bound),
                        want,
                        "{v:?} {bound}"
                    );
                }
            }
        }
    }

    #[test]
    fn continuing_cues_find_their_sentence_in_a_long_paragraph() {
        // "added" continues the attribution before it in its own sentence, however many
        // sentences and attributions the paragraph has before it
        let one = "Smith said the dam failed. Jones said it held, and added that it was old. ";
        let want = atts(one);
        assert_eq!(want.len(), 3, "{want:?}");
        assert_eq!(want[2].0, ["Jones"]);
        let long = one.repeat(300);
        let got = atts(&long);
        assert_eq!(got.len(), 900);
        for (k, a) in got.iter().enumerate() {
            assert_eq!(a.0, want[k % 3].0, "attribution {k}");
            assert_eq!(a.1, want[k % 3].1, "attribution {k}");
        }
    }

    #[test]
    fn reused_buffers_find_what_fresh_ones_do() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let mut texts: Vec<String> = Vec::new();
        for dir in ["fixtures/wikinews", "fixtures/seed"] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.push(t);
                }
            }
        }
        texts.push(
            "A very long first paragraph, officials said, with \"a quote\" in it and more words \
             than the next.\n\nShort one, he said.\n\n\"Yes,\" said Tom Hegel."
                .to_string(),
        );
        assert!(texts.len() > 3);
        for text in &texts {
            let a = analysis(text, &lex);
            let fresh: Vec<String> = (0..a.doc.blocks.len())
                .flat_map(|pi| {
                    let toks = tokenize(&a.doc.text, a.doc.blocks[pi].span, &lex.abbreviations);
                    let mut out = Vec::new();
                    Ctx::new(&a, &lex, pi, &toks, Scratch::default()).run(&mut out);
                    out.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>()
                })
                .collect();
            let mut reused: Vec<String> = Vec::new();
            let mut toks = Tokens::default();
            let mut scratch = Scratch::default();
            for pi in 0..a.doc.blocks.len() {
                tokenize_into(
                    &a.doc.text,
                    a.doc.blocks[pi].span,
                    &lex.abbreviations,
                    &mut toks,
                );
                let mut out = Vec::new();
                let mut cx = Ctx::new(&a, &lex, pi, &toks, scratch);
                cx.run(&mut out);
                scratch = cx.into_scratch();
                reused.extend(out.iter().map(|x| format!("{x:?}")));
            }
            assert_eq!(reused, fresh);
        }
    }

    /// Each token's sentence, first token of sentence and sentence end, from runs found by
    /// binary searches, are those of a walk over tokens and sentences together.
    #[test]
    fn sentence_runs_are_the_walk_s() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let alphabet = [
            "Tom said. ",
            "BREAKING: ",
            "\"Yes.\" ",
            "Who? ",
            "x",
            " ",
            "\n\n",
            "U.S. ",
            "No! ",
            "a, b ",
            "Dr. Who said ",
        ];
        let texts = (1..100u64).flat_map(|k| {
            crate::testutil::random_texts(&alphabet, k.wrapping_mul(0x2545_f491_4f6c_dd1d), 6, 30)
        });
        let mut seen = 0;
        for text in texts {
            let a = analysis(&text, &lex);
            for (pi, block) in a.doc.blocks.iter().enumerate() {
                let toks = tokenize(&a.doc.text, block.span, &lex.abbreviations);
                let cx = Ctx::new(&a, &lex, pi, &toks, Scratch::default());
                let toks = &toks.toks;
                let n = toks.len();
                let all = &a.sentences;
                let lo = all.partition_point(|s| s.paragraph < pi);
                let hi = all.partition_point(|s| s.paragraph <= pi);
                let sentences: Vec<(usize, &crate::model::Sentence)> =
                    (lo..hi).map(|i| (i, &all[i])).collect();
                let mut sent = vec![0; n];
                let mut sent_first = vec![None; hi - lo];
                let mut cur = 0;
                for (ti, t) in toks.iter().enumerate() {
                    while cur + 1 < sentences.len()
                        && sentences[cur + 1].1.span.start <= t.span.start
                    {
                        cur += 1;
                    }
                    if let Some((si, s)) = sentences.get(cur) {
                        sent[ti] = *si;
                        let after_label = s.label.map(|l| l.end).unwrap_or(s.span.start);
                        if t.span.start >= after_label {
                            sent_first[*si - lo].get_or_insert(ti);
                        }
                    }
                }
                let mut sent_end = vec![n; n];
                for k in (0..n.saturating_sub(1)).rev() {
                    sent_end[k] = if sent[k] == sent[k + 1] {
                        sent_end[k + 1]
                    } else {
                        k + 1
                    };
                }
                let wide = |v: &[u32]| v.iter().map(|&x| x as usize).collect::<Vec<_>>();
                assert_eq!(wide(&cx.sent), sent, "{text:?}");
                assert_eq!(cx.sent_first, sent_first, "{text:?}");
                assert_eq!(wide(&cx.sent_end), sent_end, "{text:?}");
                for i in 0..n {
                    let first = cx.sentence_first(i) == i;
                    assert_eq!(
                        cx.classes[i] & cls::OPENS_SENTENCE != 0,
                        first,
                        "{text:?} {i}"
                    );
                }
                seen += sentences.len();
            }
        }
        assert!(seen > 1000, "{seen} sentences");
    }

    #[test]
    fn four_chars_are_counted() {
        let alphabet = ["a", "é", "中", "\u{1f600}", "1", "'"];
        let texts = (1..50u64).flat_map(|k| {
            crate::testutil::random_texts(&alphabet, k.wrapping_mul(0x9e37_79b9_7f4a_7c15), 20, 8)
        });
        for w in texts {
            assert_eq!(four_chars_or_more(&w), w.chars().count() >= 4, "{w:?}");
        }
    }

    fn one(text: &str) -> (Vec<String>, String, String) {
        let v = atts(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn quote_then_speaker() {
        let (s, cue, c) = one("\u{201c}These findings are rare,\u{201d} Hegel told the outlet.");
        assert_eq!(s, ["Hegel"]);
        assert_eq!(cue, "told");
        assert_eq!(c, "These findings are rare,");
    }

    #[test]
    fn inverted_speaker() {
        let (s, cue, c) = one("\"We are ready,\" said Jane Roe, a spokeswoman.");
        assert_eq!(
            (s[0].as_str(), cue.as_str(), c.as_str()),
            ("Jane Roe, a spokeswoman", "said", "We are ready,")
        );
    }

    #[test]
    fn speaker_colon_quote() {
        let (s, _, c) = one("The mayor said: \"We will rebuild the bridge by May.\"");
        assert_eq!(s, ["The mayor"]);
        assert_eq!(c, "We will rebuild the bridge by May.");
    }

    #[test]
    fn interrupted_quote_has_fragments() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let doc = parse_text("t", "\"We will win,\" she said, \"and soon.\"".to_string());
        let a = Analysis {
            sentences: crate::segment::sentences(&doc, &lex),
            quotes: crate::quotes::find_quotes(&doc),
            ..Analysis::new(doc)
        };
        let at = extract_attributions(&a, &lex);
        assert_eq!(at.len(), 1);
        let f: Vec<&str> = at[0]
            .content
            .as_ref()
            .unwrap()
            .fragments
            .iter()
            .map(|s| s.slice(&a.doc.text))
            .collect();
        assert_eq!(f, ["We will win,", "and soon."]);
    }

    #[test]
    fn reported_speech_with_appositive() {
        let (s, cue, c) = one(
            "Tom Hegel, a security expert from the U.S. firm SentinelOne, who detected the breach, found the hackers gained access.",
        );
        // PolNeAR's convention: the source span takes in the appositive
        assert_eq!(
            s,
            [
                "Tom Hegel, a security expert from the U.S. firm SentinelOne, who detected the breach"
            ]
        );
        assert_eq!(cue, "found");
        assert_eq!(c, "the hackers gained access");
    }

    #[test]
    fn relative_clause_with_title() {
        let (s, cue, c) = one(
            "It hit the \"Zircon\" missile, which Russian President Vladimir Putin says can travel at nine times the speed of sound.",
        );
        assert_eq!(s, ["Russian President Vladimir Putin"]);
        assert_eq!(cue, "says");
        assert_eq!(c, "can travel at nine times the speed of sound");
    }

    #[test]
    fn according_to_at_start_and_end() {
        let (s, _, c) = one("According to Reuters, the breach lasted five months.");
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            ("Reuters", "the breach lasted five months")
        );
        let (s, _, c) = one("The breach lasted five months, according to the publication.");
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            ("the publication", "The breach lasted five months")
        );
    }

    #[test]
    fn passive_with_coordinated_appositive_names() {
        let v = atts(
            "The content was affirmed by two computer security specialists, Nicholas Weaver and Matt Tait.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, ["Nicholas Weaver", "Matt Tait"]);
        assert_eq!(v[0].1, "was affirmed by");
        assert_eq!(v[0].2, "The content");
    }

    #[test]
    fn passive_chain_through_evidence() {
        let v = atts(
            "Hackers infiltrated the firm, which was confirmed by technical evidence assessed by Reuters and analyzed by cybersecurity experts.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, ["Reuters"]);
        assert_eq!(v[0].1, "was confirmed by technical evidence assessed by");
        assert_eq!(v[0].2, "Hackers infiltrated the firm");
        assert_eq!(v[1].0, ["cybersecurity experts"]);
        assert_eq!(v[1].1, "analyzed by");
    }

    #[test]
    fn based_on_data_reviewed_by() {
        let (s, cue, c) =
            one("Based on technical data reviewed by Reuters, the breach lasted five months.");
        assert_eq!(s, ["Reuters"]);
        assert_eq!(cue, "Based on technical data reviewed by");
        assert_eq!(c, "the breach lasted five months");
    }

    #[test]
    fn the_former_who_said_that() {
        let v = atts(
            "It was affirmed by Nicholas Weaver and Matt Tait, the former who said that \"it was an absolutely hilarious screwup.\u{201d}",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["the former"]);
        assert_eq!(v[1].2, "that \"it was an absolutely hilarious screwup.");
    }

    #[test]
    fn anonymous_sources() {
        let (s, _, _) =
            one("The plan was approved, according to a person familiar with the matter.");
        assert_eq!(s, ["a person familiar with the matter"]);
        let (s, _, c) = one("Two senior officials said the talks had stalled.");
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            ("Two senior officials", "the talks had stalled")
        );
    }

    #[test]
    fn passive_without_agent_is_not_an_attribution() {
        assert!(atts("Advancements were announced in the months after the breach.").is_empty());
        assert!(atts("The activities were detected by the company's engineers.").is_empty());
    }

    #[test]
    fn colon_introduces_a_quote() {
        let (s, cue, c) = one(
            "Jo Anne Van Tilburg disagreed with these findings: \"The seeps are minor resources.\"",
        );
        assert_eq!((s[0].as_str(), cue.as_str()), ("Jo Anne Van Tilburg", ":"));
        assert_eq!(c, "The seeps are minor resources.");
    }

    #[test]
    fn inverted_with_role_and_affiliation() {
        let (s, _, _) = one(
            "\"It is found through caves,\" said study co-author Professor Carl Lipo of Binghamton University.",
        );
        assert_eq!(
            s,
            ["study co-author Professor Carl Lipo of Binghamton University"]
        );
    }

    #[test]
    fn nouns_and_intentions_are_not_cues() {
        assert!(atts("Some reports of the crash were wrong.").is_empty());
        assert!(atts("The senator was said to be furious with the vote.").is_empty());
        assert!(atts("A lake found through radar mapping lies under the ice.").is_empty());
    }

    #[test]
    fn body_names_keep_their_and() {
        let (s, _, _) = one("The National Search and Rescue Agency said the search would end.");
        assert_eq!(s, ["The National Search and Rescue Agency"]);
    }

    #[test]
    fn office_titles_and_particles() {
        let (s, _, _) = one(
            "The bomb was in a market, stated Minister of Information Moammar al-Eryani, and it went off.",
        );
        assert_eq!(s, ["Minister of Information Moammar al-Eryani"]);
        let (s, _, _) = one("According to al-Eryani, the rebels are backed by Iran.");
        assert_eq!(s, ["al-Eryani"]);
        let (s, _, _) = one("The Committee to Protect Journalists reports 16 deaths since 2015.");
        assert_eq!(s, ["The Committee to Protect Journalists"]);
    }

    #[test]
    fn quote_then_speaker_with_appositive() {
        let (s, cue, c) =
            one("\u{201c}We found the breach,\u{201d} Jane Roe, a researcher at Acme, said.");
        assert_eq!(
            (s[0].as_str(), cue.as_str(), c.as_str()),
            (
                "Jane Roe, a researcher at Acme",
                "said",
                "We found the breach,"
            )
        );
    }

    #[test]
    fn scare_quotes_and_labels_are_not_sources() {
        assert!(atts("What Happened: Russia's \"Zircon\" missile flew.").is_empty());
    }

    #[test]
    fn speech_to_a_hearer_and_adjuncts_after_the_cue() {
        let (s, cue, c) = one("\"We will build a wall!\" he said to an enormous cheer.");
        assert_eq!((s[0].as_str(), cue.as_str()), ("he", "said"));
        assert_eq!(c, "We will build a wall!");
        let (s, _, c) = one("\"It's nonsense,\" Mr. Trump said by telephone.");
        assert_eq!((s[0].as_str(), c.as_str()), ("Mr. Trump", "It's nonsense,"));
        // "said to be" is no cue
        assert!(atts("The mine is said to be the deepest in Europe.").is_empty());
    }

    #[test]
    fn party_and_state_in_parentheses_belong_to_the_name() {
        let (s, _, _) = one("Gov. Jerry Brown (D) announced the deal with lawmakers Monday.");
        assert_eq!(s, ["Gov. Jerry Brown (D)"]);
        let (s, _, c) = one("\"It reminds us,\" Sen. Marco Rubio (R-Fla.) said Saturday night.");
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            ("Sen. Marco Rubio (R-Fla.)", "It reminds us,")
        );
    }

    #[test]
    fn lower_case_subjects_of_inner_clauses() {
        let (s, _, c) = one(
            "It was shown at a rally, where the secretary of state said she was ready to help.",
        );
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            ("the secretary of state", "she was ready to help")
        );
        let (s, _, _) = one("It ended a strike that company executives said could hurt earnings.");
        assert_eq!(s, ["company executives"]);
        let (s, _, _) = one("By double digits, those surveyed say stricter laws would help.");
        assert_eq!(s, ["those surveyed"]);
        let (s, _, _) =
            one("In each of the five states, about half of voters say they want change.");
        assert_eq!(s, ["about half of voters"]);
        let (s, _, c) =
            one("And the first step, the Texas senator's allies say, will be to keep their seats.");
        assert_eq!(s, ["the Texas senator's allies"]);
        assert_eq!(c, "will be to keep their seats");
    }

    #[test]
    fn progressives_coordination_and_inverted_descriptions() {
        let (s, cue, _) = one("Trump is arguing that a federal judge can't be relied on.");
        assert_eq!((s[0].as_str(), cue.as_str()), ("Trump", "is arguing"));
        let v = atts(
            "James Comey called it \"extremely careless,\" but said she should face no charges.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["James Comey"]);
        assert_eq!(v[1].2, "she should face no charges");
        let (s, _, _) = one("\"We can't have a guy,\" said the New York businessman.");
        assert_eq!(s, ["the New York businessman"]);
        let v = atts("Humphrey, who calls Trump a \"sociopath,\" said he doesn't believe it.");
        let said = v.iter().find(|a| a.1 == "said").expect("said");
        assert!(said.0[0].starts_with("Humphrey"), "{v:?}");
        assert_eq!(said.2, "he doesn't believe it");
        // "can and may declare": one verb group, not two clauses
        let v = atts("Trump said on Friday he can and may declare a national emergency.");
        assert_eq!(
            v[0].2, "he can and may declare a national emergency",
            "{v:?}"
        );
    }

    #[test]
    fn multi_word_cues_and_expectations() {
        let (s, cue, c) = one("Clinton made it clear that she would not back down.");
        assert_eq!((s[0].as_str(), cue.as_str()), ("Clinton", "made it clear"));
        assert_eq!(c, "that she would not back down");
        let (_, cue, _) = one("Sanders pointed out that the system is rigged.");
        assert_eq!(cue, "pointed out");
        let (s, cue, c) =
            one("The New York Times is expected to endorse the Democratic candidate.");
        assert_eq!(
            (s[0].as_str(), cue.as_str()),
            ("The New York Times", "is expected")
        );
        assert_eq!(c, "to endorse the Democratic candidate");
        // "pointed" alone is no cue
        assert!(atts("The officer pointed the way to the exit.").is_empty());
    }

    #[test]
    fn polls_opening_a_sentence_and_negated_cues() {
        let (s, cue, c) =
            one("In a CNN poll released Monday, 50 percent of respondents backed the plan.");
        assert_eq!(
            (s[0].as_str(), cue.as_str()),
            ("a CNN poll released Monday", "In")
        );
        assert_eq!(c, "50 percent of respondents backed the plan");
        // a clause with its own cue keeps it
        let (s, cue, _) = one("In a statement, the ministry said the talks failed.");
        assert_eq!((s[0].as_str(), cue.as_str()), ("the ministry", "said"));
        let (s, cue, _) = one("Trump didn't say that the wall would be built.");
        assert_eq!((s[0].as_str(), cue.as_str()), ("Trump", "didn't say"));
    }

    #[test]
    fn opening_participles_and_colon_quotes_after_a_quote() {
        let v = atts(
            "Conceding that a deal was likely \"down the line,\" he warned: \"Not any time soon.\"",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!((v[0].0[0].as_str(), v[0].1.as_str()), ("he", "Conceding"));
        assert_eq!(v[1].2, "Not any time soon.");
        let (s, _, c) =
            one("Promising that his next book would look closer, Smith closed the session.");
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            ("Smith", "that his next book would look closer")
        );
    }

    #[test]
    fn relative_which_names_its_antecedent() {
        let v = atts(
            "The letter was sent to the staff association, which urged caution, and to others.",
        );
        let which = v.iter().find(|a| a.0 == ["which"]).expect("which");
        assert_eq!(which.2, "caution");
        // no words before the comma to name: no panic, the relative names itself
        let _ = atts("They reported it, which shows the plan failed.");
        let _ = atts("He was angry at what they concluded, which suggests a rift.");
    }

    #[test]
    fn attitudes_inside_reported_speech_and_speech_inside_it() {
        // "she opposes" is part of what Clinton said, not a second attribution
        let a = atts("Clinton said she opposes accounting gimmicks like chained CPI.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].1, "said");
        let a = atts(
            "Sanders has suggested that he will mobilize his supporters and that he wants to lead the committee.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        // standing alone, the same verb is a cue
        assert_eq!(atts("He wants to lead the committee.").len(), 1);
        // a verb of saying or a speech act inside reported speech is a second-hand
        // attribution: all stay, the relative clause's content ending at the main verb
        let a =
            atts("Klein said that two other women who accused him said they also received calls.");
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!((a[1].1.as_str(), a[1].2.as_str()), ("accused", "him"));
        assert_eq!(a[2].0, vec!["two other women who accused him".to_string()]);
        // "a think tank" is a noun; "said it" names no speaker
        let a = atts(
            "Matt Bennett, a founder of the think tank Third Way, said Mrs. Clinton had avoided it.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].0,
            vec!["Matt Bennett, a founder of the think tank Third Way".to_string()]
        );
        let a = atts("Matt Bennett, a founder of the group, said it.");
        assert_eq!(
            a[0].0,
            vec!["Matt Bennett, a founder of the group".to_string()]
        );
    }

    #[test]
    fn contracted_auxiliaries_and_verbs_that_need_a_clause() {
        // a pronoun with a contracted auxiliary is the subject; its mention is the pronoun
        let a = one("He's suggesting that delegates from states he won should flip.");
        assert_eq!((a.0[0].as_str(), a.1.as_str()), ("He", "suggesting"));
        let a = one("They\u{2019}ve said the plan will fail.");
        assert_eq!(a.0, vec!["They".to_string()]);
        let a = atts("Superdelegates who've already said they support Clinton may switch.");
        assert_eq!(a[0].0, vec!["who".to_string()]);
        // a possessive is still no subject
        assert!(atts("Trump's proposed ban drew fire.").is_empty());
        // '"...," he continued.' reports; "Unrest continued." does not
        let a = one("\"We will keep going,\" Mr. Graham continued.");
        assert_eq!(a.0, vec!["Mr. Graham".to_string()]);
        assert!(atts("Unrest continued.").is_empty());
        // verbs that report only with a clause or a quotation
        assert!(atts("Clinton maintains a wide lead over Sanders among black voters.").is_empty());
        assert!(atts("He is now advising Pfizer on the merger.").is_empty());
        assert_eq!(
            one("The campaign has long maintained that they were not marked.").1,
            "has long maintained"
        );
        // phrasal verbs, nouns and participles after a noun
        assert!(atts("Democratic voters just aren't showing up.").is_empty());
        assert!(atts("Her best showing is 10 percent in Vermont.").is_empty());
        assert!(
            atts("All the Republicans seeking the White House raced into the debate.").is_empty()
        );
        assert_eq!(
            one("Clinton is seeking to shore up support.").1,
            "is seeking"
        );
    }

    #[test]
    fn participles_after_prepositions_and_quantities_of_voters() {
        let a = one(
            "Comedian Sarah Silverman was booed after telling holdouts that they were being ridiculous.",
        );
        assert_eq!(
            (a.0[0].as_str(), a.1.as_str()),
            ("Comedian Sarah Silverman", "telling")
        );
        let a = atts("\"It is time,\" Trump said before adding: \"Maybe there is.\"");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!((a[1].0[0].as_str(), a[1].1.as_str()), ("Trump", "adding:"));
        // the object of "for" said it, not the subject: no attribution to "They"
        assert!(
            atts("They criticized him for saying the war was lost.")
                .iter()
                .all(|a| a.1 != "saying")
        );
        let a = one("Even so, three-quarters of the voters said they were very worried.");
        assert_eq!(a.0, vec!["three-quarters of the voters".to_string()]);
        let a =
            one("But 16 percent of Democratic registered voters still say they don't know enough.");
        assert_eq!(
            a.0,
            vec!["16 percent of Democratic registered voters".to_string()]
        );
        let a = atts(
            "Six in 10 voters said they were worried, and more than 4 in 10 said Trump would be best.",
        );
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].2, "they were worried");
        assert_eq!(a[1].0, vec!["more than 4 in 10".to_string()]);
    }

    #[test]
    fn inverted_speakers_with_long_appositives() {
        let a = one(
            "\"It is harmful,\" said Dan Gerstein, director of Gotham Ghostwriters and an independent political analyst.",
        );
        assert_eq!(a.0, vec!["Dan Gerstein, director of Gotham Ghostwriters and an independent political analyst".to_string()]);
        let a = one("\"It is harmful,\" said Dan Golvach when asked about it.");
        assert_eq!(a.0, vec!["Dan Golvach".to_string()]);
        // a relative clause with a cue of its own is not part of the source
        let a = atts(
            "\"It is harmful,\" said one Democrat familiar with the discussion, who added that it was bad.",
        );
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[0].0,
            vec!["one Democrat familiar with the discussion".to_string()]
        );
        assert_eq!(
            one("\"It is harmful,\" said Tom Hegel, who works there.").0,
            vec!["Tom Hegel, who works there".to_string()]
        );
        // two speakers stay two
        assert_eq!(
            one("\"It is harmful,\" said Dan Golvach and Tom Hegel.")
                .0
                .len(),
            2
        );
    }

    #[test]
    fn passives_opening_a_sentence() {
        let a = atts("As reported by Western Journalism, investigators found over 2,200 emails.");
        assert_eq!(
            a[0],
            (
                vec!["Western Journalism".to_string()],
                "As reported by".to_string(),
                "investigators found over 2,200 emails".to_string()
            )
        );
        let a = one("The Times broke the story, as first reported by The Washington Post.");
        assert_eq!(a.2, "The Times broke the story");
        let a = atts("Asked by Starnes if he believed it, Trump said no.");
        assert_eq!(
            a[0],
            (
                vec!["Starnes".to_string()],
                "Asked by".to_string(),
                "if he believed it".to_string()
            )
        );
        assert!(atts("He was asked by reporters.").is_empty());
    }

    #[test]
    fn contents_end_at_a_colon_before_a_sentence_and_at_a_subordinate_comma() {
        let a = atts(
            "Early polls show voters rejecting Mr. Trump: A Quinnipiac University poll this month found Mr. Trump even with Mrs. Clinton.",
        );
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].2, "voters rejecting Mr. Trump");
        assert_eq!(a[1].0, vec!["A Quinnipiac University poll".to_string()]);
        let a = atts(
            "And after the Supreme Court refused to reinstate the law, Gov. Pat McCrory (R) blamed the justices.",
        );
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].2, "to reinstate the law");
        // a plural noun before the verb is no cue of its own
        let a =
            one("But FEC reports show that a quartet of groups can accept unlimited donations.");
        assert_eq!((a.0[0].as_str(), a.1.as_str()), ("FEC reports", "show"));
    }

    #[test]
    fn a_paragraph_may_end_on_a_cue() {
        // no sentence mark after the last word: every look past it must stay in bounds
        for text in [
            "The reports",
            "He says",
            "Officials reports",
            "FEC reports show",
            "it's called",
            "They were worried, and 4 in 10 said",
        ] {
            let _ = atts(text);
        }
    }

    #[test]
    fn plural_possessives_and_shows() {
        let a = one("Sanders' team said the committee appears to skirt limits.");
        assert_eq!(a.0, vec!["Sanders' team".to_string()]);
        assert!(
            atts("Imus' syndicated radio show Imus in the Morning aired for decades.").is_empty()
        );
    }

    #[test]
    fn a_verb_of_saying_opening_the_sentence() {
        let a = atts("Said Comey, \"The thought is very painful.\"");
        assert_eq!(
            a,
            vec![(
                vec!["Comey".to_string()],
                "Said".to_string(),
                "The thought is very painful.".to_string()
            )]
        );
        let a = atts("Continued Stone: \"So I think it's a very real problem.\"");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, vec!["Stone".to_string()]);
        let a = one("Said Dorothy Poynter, who grew up with Ali, \"We were all so proud of him.\"");
        assert_eq!(
            a.0,
            vec!["Dorothy Poynter, who grew up with Ali".to_string()]
        );
        assert!(atts("Said to be the oldest, the tree stands alone.").is_empty());
    }
}
