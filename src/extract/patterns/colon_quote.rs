//! **Colon quote**: a quotation introduced by a colon, in a sentence whose subject is a source,
//! or a name opening a sentence then a colon (a transcript or a headline).
//!
//! Examples: 'Jo Anne Van Tilburg disagreed with these findings: "..."', "Marco Rubio: 'You
//! don't win ...'", "JOEL BENENSON: This is a man who ...", "Trump: ..." (in a headline, when
//! the text names Trump again).
//!
//! Makes a `direct_quote` attribution (the quotation, or the rest of the sentence after a
//! speaker's colon) with the cue the colon. Runs after every other pattern of the paragraph, on
//! the quotations none of them claimed.
//!
//! Not to be confused with a cue before a colon ('The mayor said: "..."': the reporting verb's)
//! or with a label or headline word before a colon ("What Happened:", "Bombshell:", "Look:").

use crate::extract::context::Ctx;
use crate::lexicon::cls;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::model::MentionKind;

impl<'a> Ctx<'a> {
    /// 'Jo Anne Van Tilburg disagreed with these findings: "..."': a quotation introduced by a
    /// colon, in a sentence whose subject is a source, is that source's.
    /// A one-word name before a headline colon ("Trump: ...", "Graham: ...") is a speaker when
    /// the text names it again elsewhere with the same capital ("Bombshell:", "Look:" do not).
    pub(in crate::extract) fn named_elsewhere(&self, k: usize) -> bool {
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

    pub(in crate::extract) fn colon_quotes(&mut self, out: &mut Vec<Attribution>) {
        // "Marco Rubio: 'You don't win ...'", "JOEL BENENSON: This is a man who ...": a name
        // opening its sentence, then a colon
        let firsts: Vec<usize> = self.sent_first.iter().flatten().copied().collect();
        for f in firsts {
            let Some(np) = self.name_right(f) else {
                continue;
            };
            let colon = np.end;
            // (a quotation mark that opens no quotation of ours, then words: "Trump: ‘I’m the
            // Worst Thing ...’", whose apostrophe the quotation's parse took for its close)
            let stray_mark = self.open_mark.get(colon + 1).flatten().is_none()
                && self.toks.get(colon + 1).is_some_and(|t| {
                    t.span
                        .slice(self.text)
                        .starts_with(crate::token::is_quote_char)
                })
                && self.is_word(colon + 2)
                && self.same_sentence(colon, colon + 2);
            // two words at least ("Bombshell:", "Look:" head a rubric), and words after the
            // colon, not a tally ("Clinton: 547")
            if !self.punct(colon, ':')
                || self.used[colon]
                || !self.same_sentence(f, colon)
                || (np.end - np.name_start < 2 && !self.named_elsewhere(np.name_start))
                || !self.is_word(colon + 1)
                    && self.open_mark.get(colon + 1).flatten().is_none()
                    && !stray_mark
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
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{expect, one};

    #[test]
    fn finds_a_quotation_after_a_colon() {
        expect(
            "Jo Anne Van Tilburg disagreed with these findings: \"They are wrong.\"",
            &[(&["Jo Anne Van Tilburg"], ":", "They are wrong.")],
        );
    }

    #[test]
    fn a_headline_speaker_before_a_quotation_mark_the_parse_left_open() {
        // (the apostrophe of "I’m" closes no quotation of ours: the quotation is not one)
        expect(
            "John Bolton: ‘I’m the Worst Thing That Ever Happened to the Establishment.’",
            &[(
                &["John Bolton"],
                ":",
                "I’m the Worst Thing That Ever Happened to the Establishment",
            )],
        );
    }

    #[test]
    fn allows_a_label_before_a_colon() {
        expect("What Happened: the plant closed.", &[]);
    }

    #[test]
    fn colon_introduces_a_quote() {
        let (s, cue, c) = one(
            "Jo Anne Van Tilburg disagreed with these findings: \"The seeps are minor resources.\"",
        );
        assert_eq!((s[0].as_str(), cue.as_str()), ("Jo Anne Van Tilburg", ":"));
        assert_eq!(c, "The seeps are minor resources.");
    }
}
