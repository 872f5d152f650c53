//! The context of one paragraph: its tokens, their lower-cased words and word classes
//! ([`crate::lexicon::cls`]), the sentence and quotation each token is in, which tokens are
//! already used by an attribution, and the scratch buffers handed from one paragraph to the
//! next ([`Scratch`]). Every pattern is a method of [`Ctx`]; the small questions they all ask
//! (the word at `i`, is it of a class, is it punctuation, where does its sentence start and
//! end, is it a cue form) are here, and so is [`Ctx::push`], which records an attribution.

use crate::extract::nouns::Np;
use crate::lexicon::Lexicons;
use crate::lexicon::cls;
use crate::model::Analysis;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::model::Mention;
use crate::model::Quote;
use crate::span::Span;
use crate::token::Token;
use crate::token::Tokens;

/// `from + s[from..].partition_point(pred)`, for a point likely near `from`: probes 1, 2, 4, ...
/// items on, then searches the last step. A huge paragraph's many short runs (sentences,
/// quotations) then cost a few cache lines each, not a search of all its tokens each.
pub(in crate::extract) fn partition_from<T>(
    s: &[T],
    from: usize,
    pred: impl Fn(&T) -> bool,
) -> usize {
    let rest = &s[from..];
    let (mut lo, mut step) = (0, 1);
    // `pred` holds for `rest[..lo]`
    while step <= rest.len() && pred(&rest[step - 1]) {
        lo = step;
        step *= 2;
    }
    from + lo + rest[lo..step.min(rest.len())].partition_point(pred)
}

pub(in crate::extract) struct Ctx<'a> {
    pub(in crate::extract) text: &'a str,
    pub(in crate::extract) lex: &'a Lexicons,
    pub(in crate::extract) quotes: &'a [Quote],
    pub(in crate::extract) para: usize,
    pub(in crate::extract) toks: &'a [Token],
    /// the lower-cased text of each token
    pub(in crate::extract) words: Vec<&'a str>,
    /// the classes of each token's word ([`WordClasses`])
    pub(in crate::extract) classes: Vec<u64>,
    /// the classes of "" (the word of a position past the last token)
    pub(in crate::extract) classes_none: u64,
    /// a buffer for the words of a lexicon probe ("foreign minister"), reused
    pub(in crate::extract) scratch: std::cell::RefCell<String>,
    /// sentence index of each token
    pub(in crate::extract) sent: Vec<u32>,
    /// first token of each sentence of the paragraph (after its label), by sentence index
    pub(in crate::extract) sent_first: Vec<Option<usize>>,
    /// index of the paragraph's first sentence (`sent_first[0]` is that sentence's)
    pub(in crate::extract) sent_lo: usize,
    /// for each token, one past the last token of its sentence
    pub(in crate::extract) sent_end: Vec<u32>,
    /// quotation index when the token lies inside a quotation's marks
    pub(in crate::extract) in_quote: QuoteOf,
    /// quotation index when the token is an opening / closing mark
    pub(in crate::extract) open_mark: QuoteOf,
    pub(in crate::extract) close_mark: QuoteOf,
    pub(in crate::extract) used: Vec<bool>,
    /// sentences written in title case ("Trump Says He Will Win"), where cues are capitalised
    /// (in order)
    pub(in crate::extract) headline: Vec<u32>,
    /// the paragraph's attributions chained by sentence, for [`Ctx::last_of_sentence`] (made
    /// when first asked for)
    pub(in crate::extract) by_sentence: std::cell::RefCell<SentenceChains>,
    /// the paragraph's [`Behind`] tables, made when a long stretch is first searched
    pub(in crate::extract) behind: std::cell::OnceCell<Behind>,
}

/// For each position `x` of a paragraph, the nearest token before it (or from it on) that
/// marks where a subject may start, so that the searches of [`Ctx::subject_left`] over a long
/// sentence take constant time, not the length of the sentence (a sentence of thousands of
/// cues would take the square of its length): each entry is one more than the index found, 0
/// for none.
#[derive(Default)]
pub(in crate::extract) struct Behind {
    /// the last ";" or ":" before `x`
    pub(in crate::extract) barrier: Vec<u32>,
    /// the last clause word before `x` (see [`Ctx::clause_start`])
    pub(in crate::extract) clause: Vec<u32>,
    /// the last comma before `x`
    pub(in crate::extract) comma: Vec<u32>,
    /// the first comma at or after `x` (`u32::MAX`: none)
    pub(in crate::extract) next_comma: Vec<u32>,
    /// for each token that closes a quotation, the byte where that quotation opens (see
    /// [`Ctx::subject_left`]: the last close in a range of a quotation that opened before a
    /// point, in logarithmic time however many quotations close in the range)
    pub(in crate::extract) opened_at: MinTree,
}

/// A segment tree of the minimum over a sequence of values, for one question: the last
/// position in a range whose value is at most a bound ([`MinTree::last_at_most`]), in time
/// logarithmic in the sequence's length.
#[derive(Default)]
pub(in crate::extract) struct MinTree {
    /// the number of leaves (a power of two, or 0)
    leaves: usize,
    /// node `n`'s children are `2n` and `2n + 1`; the leaves are `leaves..2 * leaves`
    min: Vec<usize>,
}

impl MinTree {
    /// The tree of `values` (a missing value is `usize::MAX`).
    pub(in crate::extract) fn new(values: impl ExactSizeIterator<Item = usize>) -> MinTree {
        let leaves = values.len().next_power_of_two();
        let mut min = vec![usize::MAX; 2 * leaves];
        for (i, v) in values.enumerate() {
            min[leaves + i] = v;
        }
        for n in (1..leaves).rev() {
            min[n] = min[2 * n].min(min[2 * n + 1]);
        }
        MinTree { leaves, min }
    }

    /// The last position in `lo..hi` whose value is at most `bound`.
    pub(in crate::extract) fn last_at_most(
        &self,
        lo: usize,
        hi: usize,
        bound: usize,
    ) -> Option<usize> {
        self.search(1, 0, self.leaves, lo, hi.min(self.leaves), bound)
    }

    /// [`MinTree::last_at_most`] within node `n`, which covers `from..to`: a node wholly in
    /// the range whose minimum is at most `bound` always holds the answer, so the search
    /// visits at most two paths from the root.
    fn search(
        &self,
        n: usize,
        from: usize,
        to: usize,
        lo: usize,
        hi: usize,
        bound: usize,
    ) -> Option<usize> {
        if to <= lo || hi <= from || self.min.get(n).is_none_or(|&m| m > bound) {
            return None;
        }
        if to - from == 1 {
            return Some(from);
        }
        let mid = (from + to) / 2;
        (self.search(2 * n + 1, mid, to, lo, hi, bound))
            .or_else(|| self.search(2 * n, from, mid, lo, hi, bound))
    }
}

/// A paragraph's attributions chained by sentence ([`Ctx::last_of_sentence`]).
#[derive(Default)]
pub(in crate::extract) struct SentenceChains {
    /// the last link of each sentence of the paragraph
    pub(in crate::extract) heads: Vec<usize>,
    /// an index in `out`, and the link before it in its sentence
    pub(in crate::extract) links: Vec<(usize, usize)>,
    /// how many of `out` are chained
    pub(in crate::extract) indexed: usize,
}

/// The per-token vectors of a [`Ctx`], handed from one paragraph's to the next so that a
/// paragraph allocates none of them.
#[derive(Default)]
pub(in crate::extract) struct Scratch {
    /// (empty: see [`recycle`])
    pub(in crate::extract) words: Vec<&'static str>,
    pub(in crate::extract) classes: Vec<u64>,
    pub(in crate::extract) sent: Vec<u32>,
    pub(in crate::extract) sent_first: Vec<Option<usize>>,
    pub(in crate::extract) sent_end: Vec<u32>,
    pub(in crate::extract) in_quote: QuoteOf,
    pub(in crate::extract) open_mark: QuoteOf,
    pub(in crate::extract) close_mark: QuoteOf,
    pub(in crate::extract) used: Vec<bool>,
    pub(in crate::extract) headline: Vec<u32>,
}

/// `v` emptied, as a vector of strings of any other lifetime, with its allocation (collecting a
/// vector's `into_iter` into a vector of the same layout reuses the allocation).
pub(in crate::extract) fn recycle<'x>(mut v: Vec<&str>) -> Vec<&'x str> {
    v.clear();
    v.into_iter().map(|_| "").collect()
}

/// A quotation (an index of `Analysis::quotes`) or none for each token of a paragraph: the
/// index less that of the paragraph's first quotation, in a `u32` (`u32::MAX`: none), a
/// quarter of an `Option<usize>`.
#[derive(Default)]
pub(in crate::extract) struct QuoteOf {
    pub(in crate::extract) of: Vec<u32>,
    /// the index of the paragraph's first quotation
    pub(in crate::extract) base: usize,
}

impl QuoteOf {
    const NONE: u32 = u32::MAX;

    /// `n` tokens without a quotation, of a paragraph whose quotations are from `base` on.
    pub(in crate::extract) fn reset(&mut self, n: usize, base: usize) {
        refill(&mut self.of, n, Self::NONE);
        self.base = base;
    }

    /// Token `i`'s is quotation `q` (of the paragraph's, which are fewer than `u32::MAX`).
    pub(in crate::extract) fn set(&mut self, i: usize, q: usize) {
        self.of[i] = u32::try_from(q - self.base)
            .ok()
            .filter(|&k| k != Self::NONE)
            .expect("fewer than 2^32 - 1 quotations in a paragraph");
    }

    /// The quotation of token `i` (which must exist).
    #[inline]
    pub(in crate::extract) fn at(&self, i: usize) -> Option<usize> {
        let k = self.of[i];
        (k != Self::NONE).then(|| self.base + k as usize)
    }

    /// The quotation of token `i`, None past the last token.
    #[inline]
    pub(in crate::extract) fn get(&self, i: usize) -> Option<Option<usize>> {
        self.of
            .get(i)
            .map(|&k| (k != Self::NONE).then(|| self.base + k as usize))
    }
}

/// `v` cleared, then `n` copies of `x`.
pub(in crate::extract) fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// Sentences in title case: at least three words of four letters or more, seven in ten of them
/// capitalised.
pub(in crate::extract) fn headline_sentences(
    toks: &[Token],
    lower: &str,
    sent: &[u32],
    out: &mut Vec<u32>,
) {
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
pub(in crate::extract) fn four_chars_or_more(w: &str) -> bool {
    w.len() >= 4 && (w.as_bytes()[..4].is_ascii() || w.chars().nth(3).is_some())
}

impl<'a> Ctx<'a> {
    pub(in crate::extract) fn new(
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
            behind: Default::default(),
        }
    }

    /// The vectors of this paragraph's context, for the next's.
    pub(in crate::extract) fn into_scratch(self) -> Scratch {
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

    pub(in crate::extract) fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The classes ([`cls`]) of the word at `i` ([`Ctx::w`]).
    #[inline]
    pub(in crate::extract) fn class(&self, i: usize) -> u64 {
        self.classes.get(i).copied().unwrap_or(self.classes_none)
    }

    /// True when the word at `i` ([`Ctx::w`]) is of one of the classes `c` ([`cls`]).
    #[inline]
    pub(in crate::extract) fn is(&self, i: usize, c: u64) -> bool {
        self.class(i) & c != 0
    }

    /// `f` of the words `a..b` joined by spaces (without an allocation per call; `f` must not
    /// call this again).
    pub(in crate::extract) fn with_joined<R>(
        &self,
        a: usize,
        b: usize,
        f: impl FnOnce(&str) -> R,
    ) -> R {
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
    pub(in crate::extract) fn base(&self, i: usize) -> &str {
        let w = self.w(i);
        ["'ve", "'re", "'d", "'ll", "'m"]
            .iter()
            .find_map(|c| w.strip_suffix(c))
            .unwrap_or(w)
    }

    /// A pronoun with a contracted auxiliary ("he's said", "she's hoping", "who've said",
    /// "we'd like"), not a possessive.
    pub(in crate::extract) fn contracted(&self, i: usize) -> bool {
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

    pub(in crate::extract) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    pub(in crate::extract) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c))
    }

    pub(in crate::extract) fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sent.get(a) == self.sent.get(b)
    }

    pub(in crate::extract) fn span(&self, a: usize, b: usize) -> Span {
        // tokens a..b (exclusive)
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    pub(in crate::extract) fn is_cue_form(&self, i: usize) -> bool {
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
            || self.noun_form_as_verb(i)
            // ("The researchers established that ...": a verb of finding before "that")
            || (self.class(i) & cls::THAT_CUE_FORM != 0
                && self.toks.get(i).is_some_and(|t| t.is_word() && !t.cap)
                && self.w(i + 1) == "that"
                && self.in_quote.at(i).is_none())
    }

    /// True when the word at `i` is a base form of `noun-cue-forms.txt` ("report") used as a
    /// verb: after a plural subject (a pronoun, or a plural noun with no "a" or possessive
    /// before it: "Scientists report", not "a police report") and before "that" or a clause,
    /// with no cue form right after it ("Police report shows ...").
    fn noun_form_as_verb(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if i == 0
            || self.classes[i] & cls::NOUN_CUE_FORM == 0
            || t.cap
            || self.in_quote.at(i).is_some()
            || self.class(i + 1) & (cls::CUE_VERB | cls::CUE_PHRASE | cls::NOUN_CUE_FORM) != 0
        {
            return false;
        }
        let prev = self.w(i - 1);
        let plural_subject = matches!(prev, "they" | "we" | "i" | "you")
            || (self.is_word(i - 1)
                && prev.len() > 3
                && prev.ends_with('s')
                && !prev.ends_with("ss")
                && !self.toks[i - 1].possessive
                && !(i >= 2
                    && (matches!(self.w(i - 2), "a" | "an") || self.toks[i - 2].possessive)));
        plural_subject && self.clause_follows(i + 1, false)
    }

    /// The number of tokens of a multi-word cue ("pointed out", "made it clear") starting at
    /// `i`, or 0.
    pub(in crate::extract) fn phrase_at(&self, i: usize) -> usize {
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
    pub(in crate::extract) fn cue_lemma(&self, i: usize) -> std::borrow::Cow<'a, str> {
        // (the lexicon's own string for a one-word cue: no copy of it a cue)
        let lex: &'a Lexicons = self.lex;
        if let Some(l) = lex.cue_verbs.get(self.w(i)) {
            return std::borrow::Cow::Borrowed(l.as_str());
        }
        if let Some(l) = lex.that_cue_forms.get(self.w(i)) {
            return std::borrow::Cow::Borrowed(l.as_str());
        }
        // ("report" as a verb: its own lemma)
        if let Some(l) = lex.noun_cue_forms.get(self.w(i)) {
            return std::borrow::Cow::Borrowed(l.as_str());
        }
        let n = self.phrase_at(i);
        std::borrow::Cow::Owned((i..i + n).map(|k| self.w(k)).collect::<Vec<_>>().join(" "))
    }

    // ---------------------------------------------------------------- helpers for content

    pub(in crate::extract) fn sentence_first(&self, i: usize) -> usize {
        let k = (self.sent[i] as usize).wrapping_sub(self.sent_lo);
        self.sent_first.get(k).copied().flatten().unwrap_or(i)
    }

    pub(in crate::extract) fn sentence_end(&self, i: usize) -> usize {
        if i >= self.toks.len() {
            return self.toks.len();
        }
        self.sent_end[i] as usize
    }

    #[allow(clippy::too_many_arguments)] // one call per pattern; a struct would only rename them
    pub(in crate::extract) fn push(
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
        self.push_sources(out, kind, self.mentions(nps), cue, lemma, content, at);
    }

    /// [`Ctx::push`] with the source mentions already made (those of another attribution: a
    /// continuation of the same speaker, the reason a speaker cites).
    #[allow(clippy::too_many_arguments)] // as `push`
    pub(in crate::extract) fn push_sources(
        &self,
        out: &mut Vec<Attribution>,
        kind: AttributionKind,
        sources: Vec<Mention>,
        cue: Span,
        lemma: &str,
        content: Option<Content>,
        at: usize,
    ) {
        out.push(Attribution {
            kind,
            sources,
            cited: Vec::new(),
            cue,
            cue_lemma: lemma.to_string(),
            content,
            sentence: self.sent[at] as usize,
            paragraph: self.para,
        });
    }

    /// The content after the cue at `i` (its tail ending at `cue_end`): [`Ctx::content_after`],
    /// or, with `following`, [`Ctx::content_following`] (a participle after a quoted phrase,
    /// whose content is never that quotation).
    pub(in crate::extract) fn content_after_cue(
        &self,
        i: usize,
        cue_end: usize,
        following: bool,
    ) -> (AttributionKind, Option<Content>) {
        if following {
            self.content_following(i, cue_end, i)
        } else {
            self.content_after(i, cue_end, i)
        }
    }

    /// The index in `out` of the last attribution of this paragraph's sentence `sentence` for
    /// which `pred` holds: `out.iter().rposition(|a| a.paragraph == self.para && a.sentence ==
    /// sentence && pred(a))`, without a walk back through all the attributions before it (in one
    /// huge paragraph, each of thousands of cues would walk back through all the others): the
    /// paragraph's attributions are chained by sentence as they are found (`Ctx::by_sentence`).
    pub(in crate::extract) fn last_of_sentence(
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
}

#[cfg(test)]
mod tests {
    use super::MinTree;

    /// `last_at_most` answers as a scan does, for every range and several bounds, over
    /// sequences of every length up to 40 (powers of two and not) with values from a fixed-seed
    /// xorshift, `usize::MAX` (no value) among them.
    #[test]
    fn min_tree_finds_the_last_value_at_most_a_bound_as_a_scan_does() {
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        for n in 0..40 {
            let values: Vec<usize> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    if x.is_multiple_of(4) {
                        usize::MAX
                    } else {
                        (x % 50) as usize
                    }
                })
                .collect();
            let tree = MinTree::new(values.iter().copied());
            for lo in 0..=n {
                for hi in lo..=n + 2 {
                    for bound in [0, 10, 25, 49, usize::MAX - 1] {
                        let scan = (lo..hi.min(n)).rev().find(|&k| values[k] <= bound);
                        assert_eq!(
                            tree.last_at_most(lo, hi, bound),
                            scan,
                            "{values:?} {lo}..{hi} <= {bound}"
                        );
                    }
                }
            }
        }
    }
}
