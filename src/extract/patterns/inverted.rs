//! **Inverted tail**: a cue after a quotation or a comma, its source after it.
//!
//! Examples: '"We will win," said Hegel.', '..., said the ministry.', '"...," said Peter
//! Wehner, a former director ...', "said Jim Whelan who represents ...". After a comma, a verb
//! that does not invert continues the attribution before it ("Clinton says X, calls Y
//! 'troubling'": [`super::continuation`]).
//!
//! Makes a `direct_quote` attribution (the quotation before the cue) or an `indirect` one
//! (the clause before the comma: [`Ctx::content_before`]); the appositive of the source
//! belongs to its mention, and so do a short parenthesis after its name ("said Rep. G.K.
//! Butterfield (D-N.C.), head of ..."), the affiliation of an unnamed voice ("said a
//! spokesperson for the city"), post-modifiers ("said the ministry in a statement on Tuesday")
//! and an anonymity clause, which makes the source anonymous ("..., who spoke on condition of
//! anonymity": [`crate::extract::speakers`]). A clause after the source's comma is not its
//! ("..., says the study, it rises ...").
//!
//! Not to be confused with the quote-first order ('"...," Hegel said': the source before the
//! cue, [`super::quote_first`]) or with ", noting ...", a participle after a comma ([`super::saying`]).

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::grammar::SUBJECT_PRONOUNS;
use crate::lexicon::cls;
use crate::model::{Attribution, MentionKind};

impl<'a> Ctx<'a> {
    /// True when the word at `k`, after an inverted speaker, opens no part of the speaker's
    /// mention but the rest of the sentence: a preposition of time, place, manner or hearer or
    /// a day ('"...," said Smith to reporters', '... as he left', '... via Twitter', '...
    /// Tuesday', '... in a statement').
    fn speaker_ends_before(&self, k: usize) -> bool {
        matches!(
            self.w(k),
            "in" | "when"
                | "while"
                | "during"
                | "after"
                | "before"
                | "at"
                | "on"
                | "to"
                | "as"
                | "via"
                | "for"
                | "per"
        ) || self.is(k, cls::DAY)
    }

    /// The inverted tail at the cue `i` (lemma `lemma`; a verb of saying when `speech`), tried
    /// when no subject is before it.
    pub(in crate::extract) fn inverted(
        &mut self,
        i: usize,
        speech: bool,
        lemma: &str,
        out: &mut Vec<Attribution>,
    ) {
        // inverted: '"...," said Hegel.' / '..., said the ministry.'
        // "Clinton says X, calls Y 'troubling'": after a comma, a verb that does not invert
        // continues the attribution before it
        if i > 0 && self.punct(i - 1, ',') && !speech && !self.w(i).ends_with("ing") {
            let lemma = self.cue_lemma(i);
            self.continue_previous(i, i, &lemma, false, out);
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
            // '"...," said Rep. G.K. Butterfield (D-N.C.), head of ...': a short parenthesis
            // after the name belongs to it
            if let [np] = &mut nps[..]
                && self.punct(np.end, '(')
                && let Some(close) = (np.end + 1..np.end + 8).find(|&k| self.punct(k, ')'))
                && self.same_sentence(np.end, close)
                && (np.end + 1..close).all(|k| self.open_mark.at(k).is_none())
            {
                np.end = close + 1;
            }
            let subject = self.subject_right(i + 1);
            match (nps.len(), subject) {
                // (an appositive, not a prepositional phrase: "officials, with 25 others
                // injured")
                (1, Some(s))
                    if self.punct(nps[0].end, ',')
                        && s.end > nps[0].end
                        && !self.is(nps[0].end + 1, cls::PREPOSITION)
                        && !self.is(nps[0].end + 1, cls::PASSIVE_AUX)
                        // (a clause of its own: "..., says the study, it rises ...")
                        && !SUBJECT_PRONOUNS.contains(&self.w(nps[0].end + 1))
                        && self.w(nps[0].end + 1) != "it"
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
                // "said the New York businessman", "said Jim Whelan who represents ...", "said
                // the former top aide to ...", "said a Republican involved in the planning": the
                // mention runs on past the name or description
                (1, Some(s))
                    if s.start == nps[0].start
                        && s.end > nps[0].end
                        && (matches!(nps[0].kind, MentionKind::Name | MentionKind::Description)
                            || self.is(nps[0].end, cls::POSTMODIFIER))
                        && self.is_word(nps[0].end)
                        && !self.is(nps[0].end, cls::PREPOSITION)
                        // (not a verb: "said Mrs. Clinton had avoided ...", but a post-modifier
                        // is none: "involved in")
                        && (self.is(nps[0].end, cls::POSTMODIFIER)
                            || (!self.is(nps[0].end, cls::VERBISH)
                                || matches!(self.w(nps[0].end), "who" | "which" | "that"))
                                && !self.looks_like_verb(nps[0].end))
                        && !self.speaker_ends_before(nps[0].end) =>
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
                (0, Some(mut s)) => {
                    // (up to a clause of its own: "..., says the study, it rises ...")
                    if let Some(k) = (s.start + 1..s.end).find(|&k| {
                        self.punct(k, ',')
                            && (SUBJECT_PRONOUNS.contains(&self.w(k + 1)) || self.w(k + 1) == "it")
                    }) {
                        s = Np::new(s.start, k, s.name_start.min(k - 1), s.kind);
                    }
                    nps = vec![s]
                }
                _ => {}
            }
            // "said a spokesperson for the city, who spoke on condition of anonymity", "said the
            // ministry in a statement": the speaker's affiliation, post-modifiers and anonymity
            // clause ([`crate::extract::speakers`])
            if let [np] = &mut nps[..] {
                let mut np = *np;
                self.speaker_tail(&mut np);
                nps[0] = np;
            }
            if let Some(last) = nps.last() {
                let e = last.end;
                let ends = e >= self.toks.len()
                    || !self.is_word(e)
                    || !self.same_sentence(i, e)
                    || self.w(e) == "who"
                    || self.speaker_ends_before(e);
                // ("Facebook found the posting, reported it to the F.B.I.": "it" after the verb
                // is its object, never an inverted speaker)
                let object = nps.len() == 1
                    && nps[0].end == nps[0].start + 1
                    && self.w(nps[0].start) == "it";
                if ends && !object {
                    self.used[i] = true;
                    let (kind, content) = self.content_before(i);
                    let cue = self.span(i, i + 1);
                    self.push(out, kind, &nps, cue, lemma, content, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect, one};

    #[test]
    fn finds_the_source_after_the_cue() {
        expect(
            "\"We are ready,\" said Jane Roe, a spokeswoman.",
            &[(&["Jane Roe, a spokeswoman"], "said", "We are ready,")],
        );
        expect(
            "The contrast, said Doyle, was stark.",
            &[(&["Doyle"], "said", "The contrast")],
        );
    }

    #[test]
    fn a_description_or_post_modifier_runs_on() {
        expect(
            "\"It is bad,\" said the former top aide to President George W. Bush.",
            &[(
                &["the former top aide to President George W. Bush"],
                "said",
                "It is bad,",
            )],
        );
        expect(
            "\"It is bad,\" said a Republican involved in the planning.",
            &[(
                &["a Republican involved in the planning"],
                "said",
                "It is bad,",
            )],
        );
        // a preposition ends the speaker's mention; "it" after the verb is its object
        expect(
            "\"It is bad,\" said Smith to reporters as he left.",
            &[(&["Smith"], "said", "It is bad,")],
        );
        let got = atts("Facebook found the posting, reported it to the F.B.I. and removed it.");
        assert!(got.iter().all(|(s, _, _)| s != &["it"]), "{got:?}");
        // (a verb after the name is no part of it)
        expect(
            "\"It is bad,\" said Mrs. Clinton, who had avoided the topic.",
            &[(
                &["Mrs. Clinton, who had avoided the topic"],
                "said",
                "It is bad,",
            )],
        );
    }

    #[test]
    fn finds_a_speaker_with_a_parenthesis_and_an_appositive() {
        expect(
            "\"It is a fraud,\" said Rep. G.K. Butterfield (D-N.C.), head of the caucus.",
            &[(
                &["Rep. G.K. Butterfield (D-N.C.), head of the caucus"],
                "said",
                "It is a fraud,",
            )],
        );
    }

    #[test]
    fn allows_a_clause_after_the_source() {
        // "..., says the study, it rises ...": the clause after the comma is not the source's
        expect(
            "Because warm water is buoyant, says the study, it rises above cooler water.",
            &[(&["the study"], "says", "Because warm water is buoyant")],
        );
    }

    #[test]
    fn allows_a_participle_after_a_comma() {
        // ", noting ...": no inverted cue, and no subject before it
        expect("The plan, noting the cost, was dropped.", &[]);
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
    fn inverted_speakers_with_long_appositives() {
        let a = one(
            "\"It is harmful,\" said Dan Gerstein, director of Gotham Ghostwriters and an independent political analyst.",
        );
        assert_eq!(
            a.0,
            vec![
                "Dan Gerstein, director of Gotham Ghostwriters and an independent political analyst"
                    .to_string()
            ]
        );
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
}
