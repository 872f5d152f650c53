//! **Opening participle**: a participle of a cue verb that opens the sentence, its source the
//! subject of the main clause after the comma.
//!
//! Example: "Conceding that a deal was likely, he warned ...".
//!
//! Makes an `indirect` attribution: the content runs from after the participle (and its
//! particle) to the comma, the cue is the participle.
//!
//! Not to be confused with a participle after a comma (", saying ...": [`super::saying`]) or
//! with an opening participle whose main clause has no single source subject (nothing).

use crate::extract::context::Ctx;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::model::MentionKind;

impl<'a> Ctx<'a> {
    /// "Conceding that a deal was likely, he warned ...": a participle that opens the sentence
    /// is a cue of the main clause's subject; its content runs to the comma.
    pub(in crate::extract) fn opening_participle(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let end = self.sentence_end(i);
        // (the comma may close a quotation: '..., "down the line," he warned')
        let Some(comma) = (i + 2..(i + 30).min(end)).find(|&k| {
            self.punct(k, ',')
                && (self.in_quote.at(k).is_none()
                    || self.close_mark.get(k + 1).is_some_and(|c| c.is_some()))
        }) else {
            return;
        };
        // (the comma may be the paragraph's last token: nothing after it)
        let after = if self.close_mark.get(comma + 1).is_some_and(|c| c.is_some()) {
            comma + 2
        } else {
            comma + 1
        };
        let subj = self.sources_right(after);
        let ok = subj.len() == 1
            && matches!(
                subj[0].kind,
                MentionKind::Name | MentionKind::Pronoun | MentionKind::Description
            )
            && !self.toks[subj[0].end - 1].possessive
            && self.is_word(subj[0].end)
            && !self.toks[subj[0].end].cap;
        if !ok {
            return;
        }
        let tail = self.cue_tail(i + 1);
        let Some(content) = self.content_span(tail, after.min(end)) else {
            return;
        };
        self.used[i] = true;
        let lemma = self.cue_lemma(i);
        let cue = self.span(i, tail);
        self.push(
            out,
            AttributionKind::Indirect,
            &subj,
            cue,
            &lemma,
            Some(Content::single(content)),
            i,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect};

    #[test]
    fn a_participle_whose_comma_ends_the_text_makes_nothing() {
        // (the comma was the last token: looking past it read out of bounds)
        assert!(atts("Responding to change over following a plan,").is_empty());
    }

    #[test]
    fn finds_a_participle_opening_the_sentence() {
        let got = atts("Conceding that a deal was likely, he warned of delays.");
        assert_eq!(
            got[0],
            (
                vec!["he".to_string()],
                "Conceding".to_string(),
                "that a deal was likely".to_string()
            )
        );
    }

    #[test]
    fn allows_an_opening_participle_without_a_source_subject() {
        expect("Conceding that a deal was likely, the talks went on.", &[]);
    }
}
