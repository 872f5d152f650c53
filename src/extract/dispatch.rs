//! Dispatch: the only place where the patterns are ordered. [`Ctx::run`] walks a paragraph's
//! tokens once; at each token that may start a pattern (a sentence's first word, "according",
//! "by", a cue form) it tries the patterns below in this order, and the first whose trigger
//! holds gets the token (a pattern that finds nothing leaves it unused):
//!
//! | order | pattern | trigger | why here |
//! |---|---|---|---|
//! | 1 | according to ([`super::patterns::according_to`]) | "according to" | the fixed phrase outranks any reading of "according" |
//! | 2 | poll ([`super::patterns::poll`]) | "In" opening the sentence | "In a CNN poll released Monday, ...": before the reporting verb, so that "released" is no cue |
//! | 3 | opening cue ([`super::patterns::opening_cue`]) | "Said", "Says", "Added", "Continued", "Wrote" opening the sentence | 'Said Comey, "..."': the speaker is after the verb, not before it |
//! | 4 | opening participle ([`super::patterns::opening_participle`]) | a capitalised "-ing" cue opening the sentence | "Conceding that ..., he warned": its source is the main clause's subject |
//! | 5 | passive ([`super::patterns::passive`]) | "by" after a passive cue | passive before reporting verb: "was reported by Reuters" is Reuters', not a cue "reported" with a subject |
//! | 6 | reporting verb ([`super::patterns::reporting_verb`]) | any other cue form, unless "by" and a source follow it | the general case, last, with its own steps (guards, ", saying", subject, inverted) |
//! | 7 | colon quote ([`super::patterns::colon_quote`]) | after the walk, every sentence with a colon and a quotation | 'X disagreed: "..."': only the quotations no cue claimed |
//! | 0 | transcript turn ([`super::patterns::transcript`]) | a paragraph opening with a speaker's label, in a document with two at least | before the paragraphs' walk, over the whole document: a turn runs over paragraphs; a colon it holds is its cue alone |
//! | 8 | agentless ([`super::patterns::agentless`]) | after the walk, every match of `rules/patterns/agentless.txt` on words no pattern used | "reportedly", "is accused of", "it was announced that" have no source: only what no sourced attribution explains ("UNESCO reportedly said" is UNESCO's) |
//! | 9 | nested attitudes ([`drop_nested_attitudes`]) | after all | a verb of thinking inside reported speech is content, known only once every attribution of the paragraph is found; an agentless cue inside it too ("Police said the man allegedly ...") |
//!
//! The reporting verb's steps are not entries of this table: they run inside it, in the order
//! its module doc gives: the guards ([`super::patterns::not_a_cue`]), the ", saying"
//! participle ([`super::patterns::saying`], which first asks the citing participle,
//! [`super::patterns::citing`]), the continuation
//! ([`super::patterns::continuation`], also asked by the inverted tail), the quote-first content
//! ([`super::patterns::quote_first`], asked by the content finder) and the inverted tail
//! ([`super::patterns::inverted`]). tests/architecture.rs checks that every file of
//! `patterns/` is named here and in the index of [`crate::extract`].

use crate::extract::context::Ctx;
use crate::lexicon::Lexicons;
use crate::lexicon::cls;
use crate::model::Attribution;
use crate::model::AttributionKind;

/// "Clinton said she opposes ...", "Sanders has suggested that he wants ...": a verb of
/// thinking or wanting inside what someone is reported to have said is part of that content,
/// not an attribution of its own (verbs of saying stay: "Klein said two other women said ...").
/// Removes such attributions from `out[first..]`.
pub(in crate::extract) fn drop_nested_attitudes(
    lex: &Lexicons,
    out: &mut Vec<Attribution>,
    first: usize,
) {
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

impl<'a> Ctx<'a> {
    // ---------------------------------------------------------------- patterns

    pub(in crate::extract) fn run(&mut self, out: &mut Vec<Attribution>) {
        let first = out.len();
        // (the attributions before this paragraph's are none of [`Ctx::last_of_sentence`]'s)
        self.by_sentence.get_mut().indexed = first;
        let n = self.toks.len();
        let mut i = 0;
        // (most tokens start no pattern: none but a sentence's first word, "according", "by"
        // and cue forms do, see below; a loop of its own skips to the next that may, the loop
        // below keeping the state of all its branches from one token to the next)
        const STARTS: u64 = cls::CUE_VERB
            | cls::CUE_PHRASE
            | cls::NOUN_CUE_FORM
            | cls::THAT_CUE_FORM
            | cls::PATTERN_START
            | cls::OPENS_SENTENCE;
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
                && self.is(i, cls::OPENING_CUE)
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
            } else if self.w(i) == "by"
                && let Some(part) = self.as_participle_before(i)
            {
                self.passive_as(i, part, out);
            } else if self.is_cue_form(i)
                && (self.w(i + 1) != "by" || self.sources_right(i + 2).is_empty())
                && !self.agentless_passive(i)
            {
                // ("said by telephone" is active; "was reported by Reuters" is a passive)
                self.reporting_verb(i, out);
            }
            i += 1;
        }
        self.colon_quotes(out);
        self.agentless(out);
        drop_nested_attitudes(self.lex, out, first);
    }
}
