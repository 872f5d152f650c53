//! **", saying" participle**: a participle of a cue verb after a comma or after a preposition
//! of manner or time, its source the subject of the clause.
//!
//! Examples: "Trump lashed out at the press, saying the reports were fake", "Hatice Cengiz,
//! fiancée of journalist Jamal Khashoggi, addressed ..., calling ...", "... by citing a poll",
//! "said before adding: ...".
//!
//! Makes an `indirect` attribution (or `direct_quote` for a quotation after the participle)
//! whose source is the clause's subject, or, after a quotation ('"...," she said, adding that
//! ...'), the speaker of the attribution just before ([`super::continuation`]).
//!
//! Not to be confused with a participle opening the sentence ("Conceding that ..., he warned":
//! [`super::opening_participle`]) or with a participle after its object ("criticized him for
//! saying": the object said it, and no preposition of manner or time is before it).

use crate::extract::context::Ctx;
use crate::grammar::CONNECTIVES;
use crate::lexicon::cls;
use crate::model::{Attribution, MentionKind};

impl<'a> Ctx<'a> {
    /// The ", saying" participle at the cue `i` of the sentence from `first`: true when the cue
    /// is one (attributed or not: it is then done with).
    pub(in crate::extract) fn saying_participle(
        &mut self,
        i: usize,
        first: usize,
        out: &mut Vec<Attribution>,
    ) -> bool {
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
        // ('... has "expanded the party," claiming ...': the comma inside the closing mark)
        let quoted_comma = i > first + 1
            && self.punct(i - 2, ',')
            && self
                .close_mark
                .at(i - 1)
                .is_some_and(|q| self.quotes[q].is_quotation);
        let comma_before = i > first && (self.punct(i - 1, ',') || quoted_comma);
        if self.w(i).ends_with("ing")
            && i > first
            && (comma_before
                || after_preposition(i)
                || (self.adverb_ly(i - 1) && after_preposition(i - 1)))
        {
            // "according to Reuters, citing two officials": the source of the attribution
            // before ([`super::citing`])
            if self.citing(i, out) {
                return true;
            }
            let lemma = self.cue_lemma(i);
            // '"...," she said, adding that ...': the speaker of the attribution just before
            if self.continue_previous(i, i, &lemma, quoted_comma, out) {
                return true;
            }
            let start = self.participle_clause_start(i, first, quoted_comma);
            let mut subj = self.sources_right(start);
            // "Hatice Cengiz, fiancée of journalist Jamal Khashoggi, addressed ..., calling":
            // the name with its appositive; "Hillary Clinton's right-hand woman rallied ...,
            // saying": the phrase the possessive name opens
            if subj.len() == 1
                && subj[0].kind == MentionKind::Name
                && (self.punct(subj[0].end, ',') || self.toks[subj[0].end - 1].possessive)
                && let Some(v) = (subj[0].end + 1..i).find(|&k| {
                    self.is(k, cls::VERBISH) || self.looks_like_verb(k) || self.is_cue_form(k)
                })
                && let Some(np) = self.subject_left(start, v)
                && np.start == subj[0].start
                && np.end > subj[0].end
            {
                // (a phrase the possessive opens is a description: "Trump's lawyer")
                let described =
                    self.toks[subj[0].end - 1].possessive && np.kind == MentionKind::Other;
                subj[0] = np;
                if described {
                    subj[0].kind = MentionKind::Description;
                }
            }
            // (a plain noun phrase is the source only as the clause's subject, with the head
            // of a source, and after a comma: "Both parents stiffened their denunciation ...,
            // saying", "His campaign filed suit ..., claiming"; not "The fracas ..., calling",
            // nor "the parents tried to have him released by saying ...", whose act is the
            // sentence's claim, no part of what they said)
            let mut clause_subject = false;
            if subj.is_empty() || subj[0].kind == MentionKind::Other {
                // "Other Republican candidates, including X and Y, have followed ..., saying":
                // the noun phrase before the main verb
                if let Some(v) = (start + 1..i).find(|&k| {
                    self.is(k, cls::VERBISH) || self.looks_like_verb(k) || self.is_cue_form(k)
                }) && let Some(np) = self.subject_left(start, v)
                {
                    clause_subject = np.start == start && np.end == v;
                    subj = vec![np];
                }
            }
            if let Some(last) = subj.last()
                && last.end < i
                && (matches!(
                    subj[0].kind,
                    MentionKind::Name
                        | MentionKind::Pronoun
                        | MentionKind::Description
                        | MentionKind::Anonymous
                ) || clause_subject && comma_before && self.source_headed(subj[0]))
            {
                self.used[i] = true;
                let tail = self.cue_tail(i + 1);
                let (kind, content) = self.content_after_cue(i, tail, quoted_comma);
                let cue_end = if self.punct(tail, ':') {
                    tail + 1
                } else {
                    tail
                };
                let cue = self.span(i, cue_end);
                self.push(out, kind, &subj, cue, &lemma, content, i);
            }
            return true;
        }
        false
    }

    /// Where the subject of the clause of the participle at `i` starts: after a quotation
    /// opening the sentence, connectives, an opening phrase or dateline, or an adverb and its
    /// comma. (`quoted_comma`: the quotation ending right before the participle is inside the
    /// clause: 'went to the "tent city," calling it ...')
    fn participle_clause_start(&self, i: usize, first: usize, quoted_comma: bool) -> usize {
        // the subject of the clause: after a quotation that opens the sentence
        let upto = if quoted_comma { i - 2 } else { i };
        let start = (first..upto)
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
        while start < i && (self.punct(start, ',') || CONNECTIVES.contains(&self.w(start))) {
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
        } else if self.is(start, cls::ADVERB) && self.punct(start + 1, ',') && start + 2 < i {
            // ("First, he juxtaposed numbers, claiming ...", "Separately, the ministry
            // ...": an adverb and its comma before the subject)
            start += 2;
        } else if let Some(d) = (start..(start + 6).min(i)).find(|&k| self.dash(k))
            && self.toks[start]
                .span
                .slice(self.text)
                .chars()
                .all(|c| !c.is_lowercase())
        {
            start = d + 1;
        }
        start
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect};

    #[test]
    fn finds_a_participle_after_a_comma() {
        expect(
            "Trump lashed out at the press, saying the reports were fake.",
            &[
                (&["Trump"], "lashed out at", "the press"),
                (&["Trump"], "saying", "the reports were fake"),
            ],
        );
    }

    #[test]
    fn a_participle_after_a_comma_inside_the_closing_mark() {
        // the comma inside the quotation's closing mark still sets the participle off, and
        // the quoted phrase before it is no content of the participle
        expect(
            "Trump called the plan \"a disaster,\" saying it would fail.",
            &[
                (&["Trump"], "called", "the plan \"a disaster,\""),
                (&["Trump"], "saying", "it would fail"),
            ],
        );
        expect(
            "The mayor went to the \"tent city,\" calling it a disgrace.",
            &[(&["The mayor"], "calling", "it a disgrace")],
        );
    }

    #[test]
    fn a_possessive_name_opens_the_phrase_that_is_the_subject() {
        expect(
            "Trump's lawyer attacked the report, saying it was false.",
            &[(&["Trump's lawyer"], "saying", "it was false")],
        );
    }

    #[test]
    fn a_dateline_is_no_subject() {
        expect(
            "WASHINGTON, Dec. 8 (UPI) — In response to the proposal, the senator rallied supporters, saying: “We have to be ready.”",
            &[(&["the senator"], "saying:", "We have to be ready.")],
        );
    }

    #[test]
    fn a_plain_subject_with_the_head_of_a_source_says_it() {
        // the clause's subject, its main verb no cue: a plain noun phrase with a source's head
        expect(
            "Both parents stiffened their denunciation of Mr. Trump, saying that he lacked character.",
            &[(&["Both parents"], "saying", "that he lacked character")],
        );
        // "noting which" records
        expect(
            "The research team has been putting bands on chicks, noting which birds make it back.",
            &[],
        );
        // not a plain noun phrase with another head
        expect(
            "The fracas began with harsh words about immigrants, calling them rapists.",
            &[],
        );
    }

    #[test]
    fn allows_a_participle_after_its_object() {
        // "criticized him for saying": the object said it; no ", saying" attribution
        let got = atts("The senator criticized him for saying the reports were fake.");
        assert!(got.iter().all(|(_, cue, _)| cue != "saying"), "{got:?}");
    }
}
