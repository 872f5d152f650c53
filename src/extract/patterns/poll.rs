//! **Poll**: a poll or survey that opens the sentence is the source of the clause after its
//! comma.
//!
//! Example: "In a CNN poll released Monday, 50 percent chose Clinton."
//!
//! Makes an `according_to` attribution, cue "In", source the poll's noun phrase ("a CNN poll
//! released Monday"), content the clause after the comma.
//!
//! Not to be confused with an opening "In ..." that is no poll ("In Texas, ..."), or with a
//! clause that has a cue of its own after the comma (then that cue's pattern attributes it).

use crate::extract::context::Ctx;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;

impl<'a> Ctx<'a> {
    /// "In a CNN poll released Monday, 50 percent chose Clinton": a poll or survey that opens
    /// the sentence is the source of the clause after its comma (cue "In"), unless that clause
    /// has a cue of its own.
    pub(in crate::extract) fn in_a_poll(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let end = self.sentence_end(i);
        let Some(comma) = (i + 1..(i + 16).min(end)).find(|&k| self.punct(k, ',')) else {
            return;
        };
        let head = (i + 1..comma).find(|&k| {
            self.lex.poll_nouns.contains(self.w(k))
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
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::expect;

    #[test]
    fn finds_a_poll_opening_the_sentence() {
        expect(
            "In a CNN poll released Monday, 50 percent chose Clinton.",
            &[(
                &["a CNN poll released Monday"],
                "In",
                "50 percent chose Clinton",
            )],
        );
    }

    #[test]
    fn allows_an_opening_phrase_that_is_no_poll() {
        expect("In Texas, 50 percent chose Clinton.", &[]);
    }
}
