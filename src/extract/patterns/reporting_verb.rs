//! **Reporting verb**: a cue verb with its source before it, the pattern most attributions
//! are found by.
//!
//! Examples: "Hegel found that ...", '"...," Hegel told the outlet', "which Putin says can
//! ...", "Tom Hegel, a security expert ..., found ...", "the former who said", "She went on to
//! say: ...", "Scott blasted Congress and said ...".
//!
//! Makes `indirect` attributions (the clause after the cue, up to its end: [`Ctx::content_after`])
//! and `direct_quote` ones (a quotation after the cue, or before the source: the quote-first
//! pattern, [`super::quote_first`]). The cue takes in its auxiliaries and adverbs ("has also
//! said"), a particle ("called for") and a recipient of "told" stays out of the content.
//!
//! The pattern runs in this order, each step in its own function or file:
//! 1. the guards ([`super::not_a_cue`]): no verb of saying here;
//! 2. the verb group ([`Ctx::verb_group`]): adverbs, auxiliaries and a time phrase before the
//!    verb; a passive without agent ends here;
//! 3. a relative pronoun before it ([`Ctx::relative_pronoun`]): "Smith, who said" (but "who
//!    asked not to be named" is an anonymity clause, no cue: [`crate::extract::speakers`]);
//! 4. "went on to say" ([`Ctx::went_on_to_say`]);
//! 5. the ", saying" participle ([`super::saying`]);
//! 6. a second verb of the attribution before ("... and said"): [`super::continuation`];
//! 7. the subject before the verb ([`Ctx::sources_before`], [`Ctx::attribute_to_subject`]);
//! 8. failing a subject, the inverted tail ('"...," said X': [`super::inverted`]).
//!
//! Not to be confused with the passive ("was reported by Reuters": [`super::passive`], which the
//! dispatch tries first) or with a cue that opens its sentence ('Said Comey, "..."':
//! [`super::opening_cue`]).

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::grammar::{OBJECT_PRONOUNS, PROGRESSIVE_AUXILIARIES, TIME_OPENERS};
use crate::lexicon::cls;
use crate::model::{Attribution, AttributionKind, Content, MentionKind};

impl<'a> Ctx<'a> {
    /// The reporting-verb pattern at the cue form `i` (see the module doc for its steps).
    pub(in crate::extract) fn reporting_verb(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let first = self.sentence_first(i);
        // the verb's lemma ("" for a multi-word cue), looked up once
        let lemma = self.lex.cue_lemma(self.w(i));
        let speech = self.lex.speech_verbs.contains(lemma);
        if self.not_a_cue_here(i, lemma, speech) {
            return;
        }
        let Some((j, cue_start)) = self.verb_group(i, first) else {
            return;
        };
        let (j, relative) = self.relative_pronoun(first, j, lemma, speech);
        // "One official, who asked not to be named, said": the anonymity clause is about the
        // speaker, no attribution ([`crate::extract::speakers`])
        if let Some(r) = relative
            && self.anonymity_right(r).is_some_and(|e| e > i)
        {
            return;
        }
        if self.went_on_to_say(i, first, j, lemma, out) {
            return;
        }
        if self.saying_participle(i, first, out) {
            return;
        }
        // "called it careless, but said ...", "denounced it and said ...": a second verb of the
        // speaker of the attribution just before
        if j > first + 1 && matches!(self.w(j - 1), "and" | "but") && !self.is(j - 2, cls::VERBISH)
        {
            let lemma = lemma.to_string();
            if self.continue_previous(i, cue_start, &lemma, false, out) {
                return;
            }
        }
        let mut nps = self.sources_before(i, first, j, relative, speech);
        if let [np] = &mut nps[..] {
            let mut np = *np;
            self.anonymity_inside(&mut np);
            nps[0] = np;
        }
        let lemma = self.cue_lemma(i);
        if !nps.is_empty() {
            self.attribute_to_subject(i, &nps, relative, cue_start, &lemma, out);
            return;
        }
        self.inverted(i, speech, &lemma, out);
    }

    /// The start of the verb group ending at the cue `i` (adverbs and auxiliaries before it,
    /// "on Tuesday", "in the past") and the start of the cue (PolNeAR's cues take in their
    /// auxiliaries and adverbs: "has also said"); `None` for a passive without an agent ("were
    /// announced").
    pub(in crate::extract) fn verb_group(&self, i: usize, first: usize) -> Option<(usize, usize)> {
        // skip adverbs and auxiliaries before the verb
        let mut j = i;
        loop {
            // ("Both think ...", "All said ...": a quantifier opening the sentence is its
            // subject, not an adverb of the verb as in "they both think")
            if j == first + 1 && self.is(first, cls::DETERMINER | cls::QUANTITY) {
                break;
            }
            if j > first
                && (self.is(j - 1, cls::ADVERB)
                    || self.adverb_ly(j - 1)
                    || self.w(j - 1).ends_with("n't")
                    || self.w(j - 1).ends_with("n\u{2019}t"))
            {
                // ("didn't say", "hasn't said": negated auxiliaries are part of the cue)
                j -= 1;
            } else if j > first + 1
                && TIME_OPENERS.contains(&self.w(j - 2))
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
            && TIME_OPENERS.contains(&self.w(cue_start))
            && !self.is(cue_start + 1, cls::ADVERB)
        {
            cue_start += 2;
        }
        if j > first && self.is(j - 1, cls::PASSIVE_AUX) {
            // ("The Times is expected to endorse ...": an expectation, PolNeAR's cue "is
            // expected" with the subject as its source)
            let expected = self.w(i) == "expected" && self.w(i + 1) == "to";
            if !self.w(i).ends_with("ing") && !expected {
                return None; // "were announced": passive without an agent
            }
            // "Trump is arguing", "has been saying", "would be praising": a progressive, its
            // auxiliaries part of the cue
            j -= 1;
            while j > first
                && (PROGRESSIVE_AUXILIARIES.contains(&self.w(j - 1)) || self.is(j - 1, cls::ADVERB))
            {
                j -= 1;
            }
            cue_start = j;
        }
        Some((j, cue_start))
    }

    /// "the former who said", "Smith, who said", "the AP report, which notes": the verb group
    /// start `j` moved before a relative pronoun (and its comma), and the pronoun's token.
    pub(in crate::extract) fn relative_pronoun(
        &self,
        first: usize,
        j: usize,
        lemma: &str,
        speech: bool,
    ) -> (usize, Option<usize>) {
        let mut j = j;
        // "the former who said", "Smith, who said" (after a comma the mention is "who", as
        // PolNeAR marks it, standing for the name before it)
        let mut relative = None;
        // ("the AP report, which notes, ...": the same for "which" after a comma)
        // (only verbs of saying and finding: "North Korea, which seeks to develop ..." states
        // no one's claim)
        let which_states = speech || self.lex.relative_cues.contains(lemma);
        // (not "the WHO noted": an acronym in capitals)
        let acronym = j > first && self.toks[j - 1].span.slice(self.text) == "WHO";
        if j > first
            && !acronym
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
                // ("tour manager Thomas Gray, 24, who cited": an age between the name and
                // the relative)
                let w = self.w(j.saturating_sub(1));
                if j > first + 2
                    && (1..=3).contains(&w.len())
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && self.punct(j - 2, ',')
                {
                    j -= 2;
                }
            }
        }
        (j, relative)
    }

    /// "She went on to say:", "continued to argue": the subject before the verb group; true
    /// when that subject was found (the cue is then done with).
    pub(in crate::extract) fn went_on_to_say(
        &mut self,
        i: usize,
        first: usize,
        j: usize,
        lemma: &str,
        out: &mut Vec<Attribution>,
    ) -> bool {
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
                    && (self.w(s).ends_with("ed") || self.lex.went_on_verbs.contains(self.w(s)))
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
                    return true;
                }
            }
        }
        false
    }

    /// The sources before the verb group `j..` of the cue `i`: the subject of the clause
    /// ("Tom Hegel, a security expert ..., who ..., found", "Ford itself said"), the subject of
    /// a first verb ("Scott blasted Congress and said"), the relative pronoun standing for its
    /// antecedent; none for an inverted cue inside the sentence ("..., said Doyle and others,
    /// was ...").
    pub(in crate::extract) fn sources_before(
        &self,
        i: usize,
        first: usize,
        j: usize,
        relative: Option<usize>,
        speech: bool,
    ) -> Vec<Np> {
        // "The contrast with Trump, said Doyle and others, was ...": an inverted cue inside the
        // sentence, its source after it and closed by a comma or the sentence end
        let inverted_here = j == i
            && i > first
            && self.punct(i - 1, ',')
            && speech
            && !OBJECT_PRONOUNS.contains(&self.w(i + 1))
            && self.sources_right(i + 1).last().is_some_and(|np| {
                // ("..., said Dasbach to Wikinews.": a recipient after the source)
                let end = if self.w(np.end) == "to" && self.same_sentence(i, np.end + 1) {
                    self.recipient_end(np.end + 1)
                } else {
                    np.end
                };
                np.kind != MentionKind::Other
                    && (self.punct(end, ',')
                        || self.punct(end, '.')
                        || end >= self.toks.len()
                        || !self.same_sentence(i, end))
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
        // "A spokeswoman for the company said": the body's voice, with the body its referent
        if let [np] = &mut nps[..] {
            self.voice_before(np, first);
        }
        // "Tom Hegel, a security expert ..., who ..., found", "Ford itself said", "Nearly eight
        // in 10 Democratic voters said": the whole subject of the clause
        if nps.is_empty() && j > first && !inverted_here {
            if let Some(np) = self.subject_left(first, j) {
                nps = vec![np];
            } else if matches!(self.w(j - 1), "and" | "but")
                && !(j > first + 1 && self.is(j - 2, cls::VERBISH))
            {
                // "Scott blasted Congress and said ...": the subject of the first verb
                let mut subj = self.sources_right(first);
                let mut appositive = false;
                // "Gary Emineth, a former state party chairman, became a delegate and said":
                // the name with its appositive, the subject of the verb after it
                if let [name] = subj[..]
                    && name.kind == MentionKind::Name
                    && self.punct(name.end, ',')
                    // (an appositive noun phrase, not a relative clause: "Amman, who was
                    // described as ... by the police, sent ... and advised")
                    && self.is(name.end + 1, cls::DETERMINER)
                    && let Some(close) =
                        (name.end + 1..(name.end + 14).min(j - 1)).find(|&k| self.punct(k, ','))
                    && (self.looks_like_verb(close + 1)
                        || self.is(close + 1, cls::VERBISH)
                        // (an irregular past: "became", "met")
                        || (self.is_word(close + 1)
                            && !self.toks[close + 1].cap
                            && !self.is(close + 1, cls::DETERMINER | cls::PREPOSITION)
                            && !self.clause_start(close + 1)))
                    && let Some(np) = self.subject_left(first, close + 1)
                    && np.start == name.start
                    && np.end > name.end
                {
                    subj = vec![np];
                    appositive = true;
                }
                // (not "At his rallies, Trump ... and cites": a preposition opens no subject)
                if subj.last().is_some_and(|l| {
                    l.end < j - 1 && (self.is_word(l.end) || appositive && self.punct(l.end, ','))
                }) && !self.is(first, cls::PREPOSITION)
                    && !self.is(first, cls::INTRO)
                    && !matches!(self.w(first), "along" | "at" | "for" | "by")
                {
                    nps = subj;
                } else {
                    // "By the end of the day, Mr. Trump was forced into ... and said", "Asked
                    // if ..., he laughed and said": the clause after an opening phrase, its
                    // subject right after a comma and followed by its verb
                    nps = self.coordinated_subject_after_comma(first, j - 1);
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
                referent: None,
            }];
        }
        nps
    }

    /// The subject of a verb coordinated with the cue by the "and" / "but" at `conj`: the
    /// sources right after the first comma of `first..conj` after which they are, then a verb
    /// (a word that looks like one, or an auxiliary) and no comma before `conj`; none when a
    /// quotation, a cue or a clause word comes between.
    fn coordinated_subject_after_comma(&self, first: usize, conj: usize) -> Vec<Np> {
        // (one pass from `conj` back: where the words up to `conj` first hold a quotation, a
        // cue or a clause word, and the next comma from each token, so that a sentence of
        // many commas is not read again from each)
        let n = conj.saturating_sub(first);
        let mut next_comma = vec![conj; n + 1];
        let mut open = first;
        for k in (first..conj).rev() {
            next_comma[k - first] = if self.punct(k, ',') {
                k
            } else {
                next_comma[k + 1 - first]
            };
            if open == first
                && (self.open_mark.at(k).is_some()
                    || self.in_quote.at(k).is_some()
                    || self.is_cue_form(k)
                    || self.clause_start(k))
            {
                open = k + 1;
            }
        }
        // (the first clause start after a comma with none of them after it)
        let blocked = |c: usize| open > first && c < open;
        let mut k = next_comma[0];
        while k < conj {
            let c = k + 1;
            if !(c >= conj || self.is(c, cls::PREPOSITION) || self.is(c, cls::INTRO) || blocked(c))
            {
                let subj = self.sources_right(c);
                if let Some(l) = subj.last()
                    && l.end < conj
                    && matches!(
                        subj[0].kind,
                        MentionKind::Name
                            | MentionKind::Pronoun
                            | MentionKind::Description
                            | MentionKind::Anonymous
                    )
                    && (self.looks_like_verb(l.end) || self.is(l.end, cls::VERBISH))
                    && next_comma[l.end - first] >= conj
                {
                    return subj;
                }
            }
            k = next_comma[c.min(conj) - first];
        }
        Vec::new()
    }

    /// The attribution of the cue `i` to its subject `nps`, with the content after the cue.
    pub(in crate::extract) fn attribute_to_subject(
        &mut self,
        i: usize,
        nps: &[Np],
        relative: Option<usize>,
        cue_start: usize,
        lemma: &str,
        out: &mut Vec<Attribution>,
    ) {
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
        self.push(out, kind, nps, cue, lemma, content, i);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::expect;

    /// Real sentences (Wikinews): an opening time phrase is no part of the subject; "Ambassador
    /// to the United Nations" is a title before the name; a place or medium before a quotation
    /// is no content; "attribute X to Y" and "credit themselves with" report; "No claims" is a
    /// noun phrase.
    #[test]
    fn openings_titles_media_and_frames() {
        expect(
            "Late on Sunday, the President Donald Trump, in a statement, announced US troops would leave.",
            &[(
                &["the President Donald Trump"],
                "announced",
                "US troops would leave",
            )],
        );
        expect(
            "Senator Graham said on Fox News, \"This is going to lead to a war.\"",
            &[(
                &["Senator Graham"],
                "said",
                "This is going to lead to a war.",
            )],
        );
        expect(
            "Haley wrote on Twitter, \"We must always have the backs of our allies.\"",
            &[(
                &["Haley"],
                "wrote",
                "We must always have the backs of our allies.",
            )],
        );
        expect(
            "Experts attribute this to human activity.",
            &[(&["Experts"], "attribute", "this to human activity")],
        );
        expect(
            "Sea-Eye credit themselves with around 14,000 lives saved.",
            &[(
                &["Sea-Eye"],
                "credit themselves with",
                "around 14,000 lives saved",
            )],
        );
        expect("One attribute of the plan is its cost.", &[]);
        // a name in quotation marks after a naming verb is no quotation; the words a source
        // is said to have called something are its
        expect(
            "The University hosted a program at Fishmongers' Hall called \"Learning Together\".",
            &[],
        );
        expect(
            "The move was met with what WalesOnline called \"fury\" from local tourism chiefs.",
            &[(
                &["WalesOnline"],
                "called",
                "fury\" from local tourism chiefs",
            )],
        );
        // an age between a name and its relative pronoun
        expect(
            "Another was tour manager Thomas Gray, 24, who cited his experience with rugby.",
            &[(&["who"], "cited", "his experience with rugby")],
        );
        expect("No claims of responsibility were reported yesterday.", &[]);
        // what a word means is no one's saying; "the WHO" is no relative pronoun; an appositive
        // after the source of "according to" may be the next speaker's
        expect(
            "The word only refers to how widely a disease has spread.",
            &[],
        );
        expect(
            "Although it is mild, the WHO noted the need to act.",
            &[(&["the WHO"], "noted", "the need to act")],
        );
        expect(
            "According to the agency ISNA, the prosecutor of Tehran, Ali Mehr, said the men must face charges.",
            &[
                (
                    &["the agency ISNA"],
                    "According to",
                    "the prosecutor of Tehran, Ali Mehr, said the men must face charges",
                ),
                (
                    &["the prosecutor of Tehran, Ali Mehr"],
                    "said",
                    "the men must face charges",
                ),
            ],
        );
        // "and" inside the name of a body; an expectation "reportedly" held is no one's
        expect(
            "Turkey's Disaster and Emergency Management Presidency reported the magnitude was 6.6.",
            &[(
                &["Disaster and Emergency Management Presidency"],
                "reported",
                "the magnitude was 6.6.",
            )],
        );
    }

    #[test]
    fn finds_the_subject_before_the_cue() {
        expect(
            "Hegel found that the attacks were rare.",
            &[(&["Hegel"], "found", "that the attacks were rare")],
        );
        expect(
            "Smith, who said the plan works, left.",
            &[(&["who"], "said", "the plan works")],
        );
        expect(
            "She went on to say the plan works.",
            &[(&["She"], "went on to say", "the plan works")],
        );
    }

    #[test]
    fn a_voice_before_the_cue_speaks_for_its_body() {
        expect(
            "A spokeswoman for the company said the talks had failed.",
            &[(
                &["A spokeswoman for the company"],
                "said",
                "the talks had failed",
            )],
        );
        expect(
            "A senior spokesman for Acme said the plant would shut.",
            &[(
                &["A senior spokesman for Acme"],
                "said",
                "the plant would shut",
            )],
        );
    }

    #[test]
    fn an_inverted_cue_may_name_its_recipient() {
        // (the clause before the comma is the content, not the source; the recipient is
        // in neither the cue nor the source, as after "told")
        expect(
            "Neither party won, said Dasbach to Wikinews.",
            &[(&["Dasbach"], "said", "Neither party won")],
        );
    }

    #[test]
    fn coordinated_modifiers_and_unnamed_sources_make_one_subject() {
        expect(
            "They knew the risks, current and former officials said.",
            &[(
                &["current and former officials"],
                "said",
                "They knew the risks",
            )],
        );
        expect(
            "U.S. and European officials said the talks failed.",
            &[(&["U.S. and European officials"], "said", "the talks failed")],
        );
        expect(
            "They knew the risks, officials and experts said.",
            &[(&["officials", "experts"], "said", "They knew the risks")],
        );
    }

    #[test]
    fn a_lower_case_description_before_a_name_is_in_the_mention() {
        expect(
            "It will pass, digital strategist Phil Musser says.",
            &[(&["digital strategist Phil Musser"], "says", "It will pass")],
        );
    }

    #[test]
    fn a_cue_after_and_takes_the_subject_of_the_clause_after_an_opening_phrase() {
        expect(
            "Later, he smiled and said the plan failed.",
            &[(&["he"], "said", "the plan failed")],
        );
        expect(
            "By the end of the day, Mr. Trump was forced into damage control and said his words had been misconstrued.",
            &[(&["Mr. Trump"], "said", "his words had been misconstrued")],
        );
        // (no subject ends in "and": "Trump jokes and" is none)
        expect("At his rallies, Trump jokes and cites the polls.", &[]);
    }

    #[test]
    fn a_contrast_after_a_comma_ends_the_content() {
        expect(
            "Pelosi has said her plans will begin with easy issues, but Democrats also plan to address the shutdown.",
            &[(
                &["Pelosi"],
                "has said",
                "her plans will begin with easy issues",
            )],
        );
        expect(
            "The fire service said the baby was critically ill, while two adults were seriously injured.",
            &[(&["The fire service"], "said", "the baby was critically ill")],
        );
        // (", but also": the same speaker's second point)
        expect(
            "The group said it would not only cut taxes, but also raise pensions.",
            &[(
                &["The group"],
                "said",
                "it would not only cut taxes, but also raise pensions",
            )],
        );
    }

    #[test]
    fn a_manner_adverb_before_a_colon_or_that_is_in_the_cue() {
        expect(
            "She said angrily: “Go home.”",
            &[(&["She"], "said angrily:", "Go home.")],
        );
        expect(
            "He added warily that the plan could fail.",
            &[(&["He"], "added warily", "that the plan could fail")],
        );
        expect(
            "Then she added warily: “There is always something.”",
            &[(&["she"], "added warily:", "There is always something.")],
        );
    }

    #[test]
    fn allows_a_cue_with_nothing_attributed() {
        expect("Over 1,000 rescuers responded.", &[]);
    }
}
