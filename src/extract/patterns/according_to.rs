//! **According to**: "according to X" at the start, in the middle or at the end of a sentence.
//!
//! Examples: "According to Reuters, the plant closed.", "The plant closed, according to a
//! statement from the ministry."
//!
//! Makes an `according_to` attribution, cue "according to", source the noun phrase after it (a
//! source phrase, or a plain noun phrase up to punctuation), content the rest of the sentence
//! (before and after the phrase, as fragments). Behind a carrier ("according to data from the
//! World Health Organisation", "a statement released by the Supreme Court", "a report on
//! Wednesday by UpGuard") the source is the body named after it, the carrier in its mention
//! ([`crate::extract::speakers`]).
//!
//! Not to be confused with "according to" with no noun phrase after it (nothing), or with
//! "according to (media) reports", which names no source (the agentless pattern's). Other places
//! that know this kind: the dispatch's nested-attitude pass never drops an `according_to`
//! attribution, and the claims stage counts it for its sentence.

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::model::MentionKind;

impl<'a> Ctx<'a> {
    pub(in crate::extract) fn according_to(&mut self, i: usize, out: &mut Vec<Attribution>) {
        if self.agentless_starts_at(i) {
            // "according to reports": no source ([`super::agentless`])
            return;
        }
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
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{expect, one};

    #[test]
    fn finds_according_to_at_the_start_and_the_end() {
        expect(
            "According to Reuters, the plant closed.",
            &[(&["Reuters"], "According to", "the plant closed")],
        );
        expect(
            "The plant closed, according to a statement from the ministry.",
            &[(
                &["a statement from the ministry"],
                "according to",
                "The plant closed",
            )],
        );
    }

    #[test]
    fn finds_the_source_behind_a_carrier() {
        // (the plain noun phrase stopped after eight words: "... Spokesperson Harry")
        let a = crate::extract::tests::atts(
            "He accepted it, according to a statement by the Presidential Spokesperson Harry Roque.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].0,
            ["a statement by the Presidential Spokesperson Harry Roque"]
        );
    }

    #[test]
    fn allows_according_without_to() {
        expect("The plant closed accordingly.", &[]);
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
}
