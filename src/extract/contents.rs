//! Contents: what an attribution attributes. The clause after the cue up to its end
//! ([`Ctx::content_after`], [`Ctx::clause_end`]), the quotation or the sentence so far before
//! the source ([`Ctx::content_before`]), quotations with their continuations
//! ([`Ctx::quote_content`]), and the adjuncts and times that are not content ("said on Friday",
//! "told delegates at the convention").

use crate::extract::context::Ctx;
use crate::grammar::SUBORDINATORS;
use crate::lexicon::cls;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::model::MAX_CONTENT_BYTES;
use crate::span::Span;
use crate::token::is_quote_char;

/// The most tokens before a source set off inside a clause ("Cost estimates, he added, were
/// ...") for the words before it to be read as part of its content.
const INTERPOSED_MAX: usize = 40;

impl<'a> Ctx<'a> {
    /// The text of tokens `a..b` without trailing/leading punctuation (but keeping quote marks
    /// that close a quotation inside).
    pub(in crate::extract) fn content_span(&self, a: usize, b: usize) -> Option<Span> {
        let (mut a, mut b) = (a, b);
        while a < b && !self.is_word(a) && self.open_mark.at(a).is_none() {
            a += 1;
        }
        // (a closing parenthesis or a per cent sign ends a clause as a word does: "around 50%")
        while b > a
            && !self.is_word(b - 1)
            && self.close_mark.at(b - 1).is_none()
            && !self.toks[b - 1].is(')')
            && !self.toks[b - 1].is('%')
        {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        Some(self.span(a, b))
    }

    /// End of a clause starting at `a`: the sentence end, or an ", according to" that follows;
    /// and true when the clause was cut at [`MAX_CONTENT_BYTES`] (the search stops there, so
    /// that a sentence of thousands of cues is not searched to its end from each).
    pub(in crate::extract) fn clause_end(&self, a: usize) -> (usize, bool) {
        let end = self.sentence_end(a);
        let far = (self.toks.get(a)).map_or(usize::MAX, |t| t.span.start + MAX_CONTENT_BYTES);
        // "After the court refused to reinstate the law, Gov. McCrory blamed ...": in a
        // subordinate clause opening the sentence, the content ends at its comma (not after
        // "as": "As I said earlier, X" attributes X)
        let mut f = self.sentence_first(a);
        while f < a && matches!(self.w(f), "and" | "but" | "so") {
            f += 1;
        }
        let subordinate = SUBORDINATORS.contains(&self.w(f))
            && !(if a > f + 64 {
                // (the paragraph's table of commas, for a long stretch)
                (self.behind().comma[a] as usize)
                    .checked_sub(1)
                    .is_some_and(|k| k >= f)
            } else {
                (f..a).any(|k| self.punct(k, ','))
            });
        let mut k = a;
        while k < end {
            if self.toks[k].span.start >= far {
                return (k, true);
            }
            if subordinate && self.punct(k, ',') && self.in_quote.at(k).is_none() {
                return (k, false);
            }
            // "Early polls show voters rejecting him: A Quinnipiac poll found ...": a colon
            // before a new sentence
            if k > a
                && self.punct(k, ':')
                && self.in_quote.at(k).is_none()
                && self.is_word(k + 1)
                && self.toks[k + 1].cap
            {
                return (k, false);
            }
            if self.punct(k, ',') && self.w(k + 1) == "according" && self.w(k + 2) == "to" {
                return (k, false);
            }
            // ", but ...", ", even as ...", ", including ...": another clause (PolNeAR's content
            // ends before it)
            // (not ", but also ...": the same speaker's second point)
            if self.punct(k, ',')
                && self.is(k + 1, cls::CONTENT_STOP)
                && self.in_quote.at(k).is_none()
                && !(self.w(k + 1) == "but" && self.w(k + 2) == "also")
            {
                return (k, false);
            }
            if (self.punct(k, ',') || self.dash(k)) && k + 1 < end && self.is_cue_form(k + 1) {
                // ", said X." closing the sentence; "who said ... — said"
                return (k, false);
            }
            // 'who calls Trump a "sociopath," said ...': the quotation ends the clause
            if k > a
                && self.close_mark.at(k).is_some()
                && self.punct(k - 1, ',')
                && k + 1 < end
                && self.is_cue_form(k + 1)
            {
                return (k + 1, false);
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
                    return (k, false);
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
                        (k - 1, false)
                    } else {
                        (k, false)
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
                return (k, false);
            }
            k += 1;
        }
        (end, false)
    }

    pub(in crate::extract) fn quote_content(&self, qi: usize) -> Content {
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

    /// Content after the cue (`cue_end` is the first token after it), or before the source
    /// when the cue ends the sentence.
    pub(in crate::extract) fn content_after(
        &self,
        i: usize,
        cue_end: usize,
        src_start: usize,
    ) -> (AttributionKind, Option<Content>) {
        // '"...," she said': the quote-first order
        if let Some(found) = self.quote_first(i, cue_end, src_start) {
            return found;
        }
        self.content_following(i, cue_end, src_start)
    }

    /// Content after the cue, never a quotation that ends before it: the content of a
    /// participle after a quoted phrase ('called it "a disaster," saying it would fail').
    pub(in crate::extract) fn content_following(
        &self,
        i: usize,
        cue_end: usize,
        src_start: usize,
    ) -> (AttributionKind, Option<Content>) {
        let end = self.sentence_end(i);
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
        // 'said on Fox News, "..."', 'wrote in a post on Twitter: "..."': a place or medium
        // before the quotation is not the content
        if let Some(q) = self.quote_after_adjunct(k) {
            k = q;
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
        // "..., Reuters reported, citing police": the source's source follows, not a content
        // (the citing pattern records it)
        let s0 = src_start.min(i);
        if k > cue_end && self.punct(k - 1, ',') && self.lex.citing.contains(self.w(k)) {
            // ("Police said, citing witnesses, that the man fled": the content after them)
            match self.cited_right(k) {
                Some((_, e)) if self.punct(e, ',') && e + 1 < end && self.is_word(e + 1) => {
                    k = e + 1;
                }
                _ => return self.content_before(s0),
            }
        }
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
            let (ce, cut) = self.clause_end(k);
            let ce = self.past_open_quotation(k, ce);
            if let Some(s) = self.content_span(k, ce) {
                // "Freeing her husband, he promised, was one of his top priorities": a source
                // and cue set off by commas inside the clause, the clause on both sides
                let mut c = match self.interposed_before(s0, cue_end, k) {
                    Some(before) => Content::from_fragments(vec![before, s]),
                    // "the emails, which she said represented all her work": the relative
                    // word is the subject of what she said
                    None => match self.relative_subject_before(s0, k) {
                        Some(rel) => Content::from_fragments(vec![rel, s]),
                        None => Content::single(s),
                    },
                };
                c.truncated = cut;
                return (AttributionKind::Indirect, Some(c));
            }
        }
        self.content_before(src_start.min(i))
    }

    /// `ce`, or the token after the closing mark of a quotation opened in `k..ce` that closes
    /// in a later sentence of the paragraph: 'said immigration reform "is a when question.
    /// It is not an if question."' (the quotation is the speaker's to its end).
    fn past_open_quotation(&self, k: usize, ce: usize) -> usize {
        let end = self.sentence_end(k);
        if ce < end {
            return ce;
        }
        let Some(q) = (k..ce).rev().find_map(|t| self.open_mark.get(t).flatten()) else {
            return ce;
        };
        if !self.quotes[q].is_quotation || self.quotes[q].unclosed {
            return ce;
        }
        match self.close_tok(q) {
            Some(c) if c >= ce => c + 1,
            _ => ce,
        }
    }

    /// The relative word right before the source at `s0` ("which she said represented ...",
    /// "a plan that he says will fail") when the content from `k` has no subject of its own
    /// (it opens with a verb): the subject of the reported clause.
    fn relative_subject_before(&self, s0: usize, k: usize) -> Option<Span> {
        let r = s0.checked_sub(1)?;
        let opens_with_verb = !self.toks[k].cap
            && (self.is(k, cls::VERBISH) || self.looks_like_verb(k))
            && !matches!(self.w(k), "that" | "to");
        (matches!(self.w(r), "which" | "that" | "who") && !self.toks[r].cap && opens_with_verb)
            .then(|| self.span(r, r + 1))
    }

    /// The words of the sentence before the source at `s0` when the source and its cue (up to
    /// `cue_end`) are set off by commas inside one clause whose rest starts at `k` ("Cost
    /// estimates, he added, were ...", "At one point, she said, she was ..."): the part of
    /// the content before them. None when no comma sets them off, when a word before them is
    /// already another attribution's, or when what comes before frames the speech ("In a
    /// statement, the company said, ...").
    fn interposed_before(&self, s0: usize, cue_end: usize, k: usize) -> Option<Span> {
        let first = self.sentence_first(s0);
        // (an opening of a few words: not a long run of clauses, each read again for each of
        // its cues)
        if s0 <= first + 1
            || s0 > first + INTERPOSED_MAX
            || !self.punct(s0 - 1, ',')
            || !(cue_end..k).any(|t| self.punct(t, ','))
            || (first..s0).any(|t| self.used[t])
        {
            return None;
        }
        let frames = self.is(first, cls::PREPOSITION)
            && (first..s0 - 1).any(|t| self.lex.speech_nouns.contains(self.w(t)));
        if frames {
            return None;
        }
        self.content_span(first, s0 - 1)
    }

    /// The rest of the sentence from `k` (or, with `to_comma`, up to the next comma, at most 8
    /// words) is an adjunct, not a content: "to an enormous cheer", "by telephone on NBC",
    /// "Saturday night at the debate", "on Saturday, and it has ..." (no "that", no quotation).
    pub(in crate::extract) fn adjunct(&self, k: usize, to_comma: bool) -> bool {
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

    /// The opening quotation mark after a short phrase of place or medium at `k` ("on Fox
    /// News,", "in a post on Twitter:", "via Twitter,"), when there is one.
    pub(in crate::extract) fn quote_after_adjunct(&self, k: usize) -> Option<usize> {
        if !matches!(self.w(k), "on" | "in" | "via" | "at" | "to") {
            return None;
        }
        let end = self.sentence_end(k).min(k + 9);
        let p = (k + 1..end).find(|&t| self.punct(t, ',') || self.punct(t, ':'))?;
        if !(k + 1..p).all(|t| self.is_word(t) || self.punct(t, '.')) {
            return None;
        }
        let q = p + 1;
        self.open_mark.get(q).flatten().is_some().then_some(q)
    }

    /// A capitalised word of time ("Monday", "January").
    pub(in crate::extract) fn time_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.cap) && self.is(t, cls::NON_SOURCE)
    }

    /// The end of a time phrase at `k` ("on Friday", "Tuesday", "last week", "earlier this
    /// month"), or `k` when there is none.
    pub(in crate::extract) fn time_end(&self, k: usize) -> usize {
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
    pub(in crate::extract) fn content_before(
        &self,
        at: usize,
    ) -> (AttributionKind, Option<Content>) {
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
    pub(in crate::extract) fn close_tok(&self, q: usize) -> Option<usize> {
        let end = self.quotes[q].span.end;
        let t = self.toks.partition_point(|t| t.span.end < end);
        (t < self.toks.len() && self.close_mark.at(t) == Some(q)).then_some(t)
    }

    /// A quotation that resumes right after the attribution at `at` (", she said, "...").
    pub(in crate::extract) fn quote_after_cue(&self, at: usize) -> Option<usize> {
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
