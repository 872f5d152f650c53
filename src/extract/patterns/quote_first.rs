//! **Quote first**: a quotation, then its source and cue.
//!
//! Examples: '"We will win," Hegel said.', '"A," she said, "B."' (the second part continues
//! the first), '"A," Bayh said. "B."' (whole quoted sentences after it are the same voice),
//! '"Why not?" she asked.' (a quotation ending in its own sentence mark, right before the
//! speaker).
//!
//! Makes a `direct_quote` attribution whose content is the quotation (and its continuations:
//! [`Ctx::content_before`]). The source and cue are found by the reporting-verb pattern
//! ([`super::reporting_verb`]: "Hegel said" is a subject and its verb); this file is the
//! question the content finder ([`Ctx::content_after`]) asks first: is the content the
//! quotation before the source?
//!
//! Not to be confused with the inverted order ('"...," said Hegel': [`super::inverted`]), with
//! a colon after the cue that opens another quotation ('"...," he warned: "..."': that one is
//! the content), or with a quotation in a sentence of its own followed by another after the cue
//! ('"... prayers." Duda remarked, "..."': the second is the speaker's).

use crate::extract::context::Ctx;
use crate::model::{AttributionKind, Content};

impl<'a> Ctx<'a> {
    /// The content of the cue `i` (the first token after the cue `cue_end`, the source from
    /// `src_start`) when it is a quotation before the source; `None` when it is not.
    pub(in crate::extract) fn quote_first(
        &self,
        i: usize,
        cue_end: usize,
        src_start: usize,
    ) -> Option<(AttributionKind, Option<Content>)> {
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
                return Some(self.content_before(src_start.min(i)));
            }
            // '"Why not?" she asked.': a quotation ending in its own sentence mark, right
            // before the speaker, unless another quotation follows the cue (then that one is
            // the speaker's: '"... prayers." Duda remarked, "..."')
            // (after the recipient of "told": '"...!" Macron told the world on Thursday')
            let ends_here = {
                let mut k = cue_end.max(i + 1);
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
                return Some((AttributionKind::DirectQuote, Some(self.quote_content(qi))));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{expect, one};

    #[test]
    fn finds_the_quotation_before_its_source() {
        expect(
            "\u{201c}These findings are rare,\u{201d} Hegel told the outlet.",
            &[(&["Hegel"], "told", "These findings are rare,")],
        );
        expect(
            "\"Why not?\" she asked.",
            &[(&["she"], "asked", "Why not?")],
        );
        expect(
            "\"Our house is burning. Let's discuss it!\" Macron told the world on Thursday via Twitter.",
            &[(
                &["Macron"],
                "told",
                "Our house is burning. Let's discuss it!",
            )],
        );
    }

    #[test]
    fn a_possessive_opens_the_speaker_after_the_quotation() {
        expect(
            "“We were ready,” his nephew John Smith added.",
            &[(&["his nephew John Smith"], "added", "We were ready,")],
        );
    }

    #[test]
    fn allows_a_quotation_that_is_not_the_content() {
        // the clause after the cue is the content, not the quotation before the sentence
        expect(
            "\"Enough.\" Hegel said the attacks were rare.",
            &[(&["Hegel"], "said", "the attacks were rare")],
        );
    }

    #[test]
    fn quote_then_speaker() {
        let (s, cue, c) = one("\u{201c}These findings are rare,\u{201d} Hegel told the outlet.");
        assert_eq!(s, ["Hegel"]);
        assert_eq!(cue, "told");
        assert_eq!(c, "These findings are rare,");
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
}
