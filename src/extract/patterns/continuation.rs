//! **Continuation**: a second cue of the speaker of the attribution just before it, in the same
//! sentence.
//!
//! Examples: "He called it careless, but said ...", '"...," she said, adding that ...',
//! "Clinton says X, calls Y 'troubling'".
//!
//! Makes an attribution of the kind its content gives (`indirect` or `direct_quote`) with the
//! sources of the attribution before it. Asked by the reporting verb ("and said"), the ",
//! saying" participle and the inverted tail; the attributions of the sentence are found through
//! [`Ctx::last_of_sentence`] (linear however many cues a paragraph has).
//!
//! Not to be confused with a new subject after "and" ("Smith said X and Jones said Y": the
//! reporting verb finds Jones) or with a cue with nothing before it in its sentence.

use crate::extract::context::Ctx;
use crate::model::{Attribution, AttributionKind};

impl<'a> Ctx<'a> {
    /// A cue at `i` (cue from `cue_start`) whose speaker is that of the attribution just before
    /// it in the same sentence; records it and returns true when there is one and a content
    /// (after the cue only when `following`).
    pub(in crate::extract) fn continue_previous(
        &mut self,
        i: usize,
        cue_start: usize,
        lemma: &str,
        following: bool,
        out: &mut Vec<Attribution>,
    ) -> bool {
        let sentence = self.sent[i] as usize;
        let before = self.toks[i].span.start;
        let Some(prev) = self.last_of_sentence(out, sentence, |a| a.cue.end <= before) else {
            return false;
        };
        // ("Amman, who was described as violent by the police, ... and advised": the agent of
        // a passive is not the subject of the verb after it)
        if out[prev].kind == AttributionKind::Passive {
            return false;
        }
        let sources = out[prev].sources.clone();
        let tail = self.cue_tail(i + 1);
        let (kind, content) = self.content_after_cue(i, tail, following);
        if content.is_none() {
            return false;
        }
        self.used[i] = true;
        let cue_end = if self.punct(tail, ':') {
            tail + 1
        } else {
            tail
        };
        let cue = self.span(cue_start, cue_end);
        self.push_sources(out, kind, sources, cue, lemma, content, i);
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect};

    #[test]
    fn finds_a_second_verb_of_the_same_speaker() {
        expect(
            "He called it careless, but said the plan would go ahead.",
            &[
                (&["He"], "called", "it careless"),
                (&["He"], "said", "the plan would go ahead"),
            ],
        );
    }

    #[test]
    fn allows_a_new_subject_after_and() {
        // Jones is the second speaker, not a continuation of Smith
        let got = atts("Smith said the plan works and Jones said it fails.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, ["Jones"]);
    }
}
