//! **Opening cue**: a verb of saying that opens the sentence, its speaker after it.
//!
//! Examples: 'Said Comey, "The thought ..."', 'Continued Stone: "So I think ..."'.
//!
//! Makes a `direct_quote` attribution: the quotation after the comma or colon that ends the
//! speaker's mention (with its appositive), the cue the verb.
//!
//! Not to be confused with the inverted tail inside a sentence ('"...," said Hegel':
//! [`super::inverted`]) or with an opening cue form with no quotation after its speaker
//! (nothing).

use crate::extract::context::Ctx;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::MentionKind;

impl<'a> Ctx<'a> {
    /// 'Said Comey, "The thought ..."', 'Continued Stone: "So I think ..."': a verb of saying
    /// opening the sentence, its speaker after it, the quotation after a comma or colon.
    pub(in crate::extract) fn opening_cue(&mut self, i: usize, out: &mut Vec<Attribution>) {
        let mut nps = self.sources_right(i + 1);
        let Some(&last) = nps.last() else {
            return;
        };
        if !matches!(last.kind, MentionKind::Name | MentionKind::Description) {
            return;
        }
        // the speaker's appositive runs to the comma or colon before the quotation
        let end = self.sentence_end(i);
        let Some(mark) = (last.end..(last.end + 30).min(end)).find(|&k| {
            (self.punct(k, ',') || self.punct(k, ':'))
                && self.open_mark.get(k + 1).is_some_and(|q| q.is_some())
        }) else {
            return;
        };
        let Some(q) = self.open_mark.at(mark + 1) else {
            return;
        };
        if nps.len() == 1 && mark > last.end && self.punct(last.end, ',') {
            nps[0].end = mark;
        } else if mark != last.end {
            return;
        }
        self.used[i] = true;
        self.used[mark] = true;
        let lemma = self.cue_lemma(i);
        let cue = self.toks[i].span;
        let content = self.quote_content(q);
        self.push(
            out,
            AttributionKind::DirectQuote,
            &nps,
            cue,
            &lemma,
            Some(content),
            i,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect, one};

    #[test]
    fn finds_a_verb_of_saying_opening_the_sentence() {
        expect(
            "Said Comey, \"The thought makes me sick.\"",
            &[(&["Comey"], "Said", "The thought makes me sick.")],
        );
    }

    #[test]
    fn allows_an_opening_cue_form_with_no_speaker_and_quotation() {
        expect("Said to be the oldest, the bridge is closed.", &[]);
    }

    #[test]
    fn a_verb_of_saying_opening_the_sentence() {
        let a = atts("Said Comey, \"The thought is very painful.\"");
        assert_eq!(
            a,
            vec![(
                vec!["Comey".to_string()],
                "Said".to_string(),
                "The thought is very painful.".to_string()
            )]
        );
        let a = atts("Continued Stone: \"So I think it's a very real problem.\"");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, vec!["Stone".to_string()]);
        let a = one("Said Dorothy Poynter, who grew up with Ali, \"We were all so proud of him.\"");
        assert_eq!(
            a.0,
            vec!["Dorothy Poynter, who grew up with Ali".to_string()]
        );
        assert!(atts("Said to be the oldest, the tree stands alone.").is_empty());
    }
}
