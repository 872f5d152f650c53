//! **Passive and "based on data reviewed by"**: a passive participle of a cue with its agent
//! after "by", also through a chain of evidence.
//!
//! Examples: "The claim was affirmed by X and Y.", "was confirmed by evidence assessed by
//! Reuters and analyzed by experts", "Based on data reviewed by Reuters, ...".
//!
//! Makes a `passive` attribution: the agent's mentions after "by", cue from the participle to
//! the "by", content the subject before the auxiliary (or the sentence after the comma of an
//! opening "Based on ...").
//!
//! Not to be confused with an active cue followed by "by" and no source ("said by telephone":
//! [`super::reporting_verb`]) or with a passive without an agent ("were announced": no
//! attribution).

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::lexicon::cls;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::span::Span;

impl<'a> Ctx<'a> {
    /// Record a passive attribution whose cue runs from `cue_start` to the "by" at `last_by`
    /// (the participle at `part` gives the lemma), marking its tokens used.
    #[allow(clippy::too_many_arguments)] // the pieces of one passive, each found separately
    pub(in crate::extract) fn push_passive(
        &mut self,
        out: &mut Vec<Attribution>,
        nps: &[Np],
        cue_start: usize,
        part: usize,
        last_by: usize,
        content: Option<Content>,
        at: usize,
    ) {
        for t in part..=last_by {
            self.used[t] = true;
        }
        let cue = Span::new(self.toks[cue_start].span.start, self.toks[last_by].span.end);
        let lemma = self.w(part).to_string();
        self.push(out, AttributionKind::Passive, nps, cue, &lemma, content, at);
    }

    /// The agent of a passive "by" at `by`: the sources, and the index of the "by" that
    /// introduces them (after a chain through evidence: "evidence assessed by Reuters").
    pub(in crate::extract) fn agent(&self, by: usize) -> Option<(Vec<Np>, usize)> {
        let nps = self.sources_right(by + 1);
        if !nps.is_empty() {
            return Some((nps, by));
        }
        let e = self.evidence_right(by + 1)?;
        if self.is(e, cls::PASSIVE_CUE) && self.w(e + 1) == "by" {
            return self.agent(e + 1);
        }
        None
    }

    /// The participle of "identified as X by" before the "by" at `by` (`as-participles.txt`):
    /// at most five words of the description between "as" and "by", no punctuation.
    pub(in crate::extract) fn as_participle_before(&self, by: usize) -> Option<usize> {
        let first = self.sentence_first(by);
        let mut k = by;
        while k > first && by - k < 6 {
            k -= 1;
            if !self.is_word(k) {
                return None;
            }
            if self.w(k) == "as" && k + 1 < by && k > first {
                let part = k - 1;
                return (self.lex.as_participles.contains(self.w(part)) && !self.used[part])
                    .then_some(part);
            }
        }
        None
    }

    /// "The deceased seaman was identified as Jaypee Galicha by a Coast Guard spokesperson":
    /// the agent after "by" says the description; the cue is the auxiliary to "as", the content
    /// the subject and the description.
    pub(in crate::extract) fn passive_as(
        &mut self,
        by: usize,
        part: usize,
        out: &mut Vec<Attribution>,
    ) {
        let Some((nps, last_by)) = self.agent(by) else {
            return;
        };
        let first = self.sentence_first(by);
        let mut k = part;
        while k > first && self.is(k - 1, cls::ADVERB) && !self.is(k - 1, cls::PASSIVE_AUX) {
            k -= 1;
        }
        if !(k > first && self.is(k - 1, cls::PASSIVE_AUX)) {
            return;
        }
        let aux = k - 1;
        let mut m = aux;
        while m > first && matches!(self.w(m - 1), "has" | "have" | "had") {
            m -= 1;
        }
        let (Some(subject), Some(description)) =
            (self.content_span(first, m), self.content_span(part + 2, by))
        else {
            return;
        };
        for t in aux..=last_by {
            self.used[t] = true;
        }
        let cue = Span::new(self.toks[aux].span.start, self.toks[part + 1].span.end);
        let lemma = self.w(part).to_string();
        let content = Content::from_fragments(vec![subject, description]);
        self.push(
            out,
            AttributionKind::Passive,
            &nps,
            cue,
            &lemma,
            Some(content),
            by,
        );
    }

    pub(in crate::extract) fn passive(&mut self, by: usize, out: &mut Vec<Attribution>) {
        let part = by - 1;
        let Some((nps, last_by)) = self.agent(by) else {
            return;
        };
        let first = self.sentence_first(by);
        let end = self.sentence_end(by);
        // what the participle hangs on
        let mut k = part;
        while k > first && self.is(k - 1, cls::ADVERB) && !self.is(k - 1, cls::PASSIVE_AUX) {
            k -= 1;
        }
        let mut cue_start = part;
        let content;
        let asked = self.w(part) == "asked";
        if asked && (k == first || self.is(k - 1, cls::PASSIVE_AUX)) {
            // "Asked by Starnes if he believed ..., Trump said", "Rubio was asked by the
            // moderator whether ...": the question, up to a comma
            if k > first {
                cue_start = k - 1;
            }
            let from = nps.last().map_or(last_by + 1, |n| n.end);
            let comma = (from..end).find(|&c| self.punct(c, ',')).unwrap_or(end);
            content = self.content_span(from, comma).map(Content::single);
            if content.is_none() {
                return; // "He was asked by reporters.": no question reported
            }
        } else if k > first && self.is(k - 1, cls::PASSIVE_AUX) {
            let aux = k - 1;
            cue_start = aux;
            let mut m = aux;
            while m > first && matches!(self.w(m - 1), "has" | "have" | "had") {
                m -= 1;
            }
            if m > first + 1 && matches!(self.w(m - 1), "which" | "that") && self.punct(m - 2, ',')
            {
                content = self.content_span(first, m - 2).map(Content::single);
            } else {
                content = self.content_span(first, m).map(Content::single);
            }
        } else if k > first && self.w(k - 1) == "as" {
            // "As reported by Western Journalism, investigators found ...", "..., as first
            // reported by the Post": the rest of the sentence, or what comes before
            cue_start = k - 1;
            if k - 1 == first {
                let after = (last_by + 1..end).find(|&c| self.punct(c, ','));
                content = after.and_then(|c| self.content_span(c + 1, end).map(Content::single));
            } else {
                content = self.content_span(first, k - 1).map(Content::single);
            }
        } else if k > first && self.is(k - 1, cls::EVIDENCE) {
            // "Based on technical data reviewed by X, ...": the main clause after the comma
            let intro = (first..k).find(|&s| self.lex.evidence_intros.contains(self.w(s)));
            // ("According to data released by the Home Office, ...": the according-to
            // pattern's already, its source the body behind the carrier)
            if intro.is_some_and(|s| self.w(s) == "according" && self.used[s]) {
                return;
            }
            let after = (last_by + 1..end).find(|&c| self.punct(c, ','));
            match (intro, after) {
                (Some(s), Some(c)) if s == first => {
                    cue_start = s;
                    content = self.content_span(c + 1, end).map(Content::single);
                }
                _ => content = self.content_span(first, end).map(Content::single),
            }
        } else {
            return;
        }
        self.push_passive(out, &nps, cue_start, part, last_by, content.clone(), by);
        // "... and analyzed by cybersecurity experts": a sibling with the same content
        let mut tail = nps.last().map(|n| n.end).unwrap_or(by + 1);
        while self.w(tail) == "and"
            && self.is(tail + 1, cls::PASSIVE_CUE)
            && self.w(tail + 2) == "by"
        {
            let p2 = tail + 1;
            let Some((nps2, by2)) = self.agent(tail + 2) else {
                break;
            };
            self.push_passive(out, &nps2, p2, p2, by2, content.clone(), p2);
            tail = nps2.last().map(|n| n.end).unwrap_or(by2 + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect, one};

    #[test]
    fn finds_a_passive_with_its_agents() {
        expect(
            "The claim was affirmed by Smith and Jones.",
            &[(&["Smith", "Jones"], "was affirmed by", "The claim")],
        );
        expect(
            "Based on data reviewed by Reuters, the plant closed in May.",
            &[(
                &["Reuters"],
                "Based on data reviewed by",
                "the plant closed in May",
            )],
        );
    }

    #[test]
    fn allows_a_passive_without_agent_and_an_active_cue_by_a_means() {
        expect("The results were announced on Monday.", &[]);
        // "said by telephone": the reporting verb's, with "by" a means, not an agent
        expect(
            "\"It's nonsense,\" Mr. Trump said by telephone.",
            &[(&["Mr. Trump"], "said", "It's nonsense,")],
        );
    }

    #[test]
    fn passive_with_coordinated_appositive_names() {
        let v = atts(
            "The content was affirmed by two computer security specialists, Nicholas Weaver and Matt Tait.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, ["Nicholas Weaver", "Matt Tait"]);
        assert_eq!(v[0].1, "was affirmed by");
        assert_eq!(v[0].2, "The content");
    }

    #[test]
    fn passive_chain_through_evidence() {
        let v = atts(
            "Hackers infiltrated the firm, which was confirmed by technical evidence assessed by Reuters and analyzed by cybersecurity experts.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, ["Reuters"]);
        assert_eq!(v[0].1, "was confirmed by technical evidence assessed by");
        assert_eq!(v[0].2, "Hackers infiltrated the firm");
        assert_eq!(v[1].0, ["cybersecurity experts"]);
        assert_eq!(v[1].1, "analyzed by");
    }

    #[test]
    fn based_on_data_reviewed_by() {
        let (s, cue, c) =
            one("Based on technical data reviewed by Reuters, the breach lasted five months.");
        assert_eq!(s, ["Reuters"]);
        assert_eq!(cue, "Based on technical data reviewed by");
        assert_eq!(c, "the breach lasted five months");
    }

    #[test]
    fn passive_without_agent_is_not_an_attribution() {
        assert!(atts("Advancements were announced in the months after the breach.").is_empty());
        assert!(atts("The activities were detected by the company's engineers.").is_empty());
    }

    #[test]
    fn passives_opening_a_sentence() {
        let a = atts("As reported by Western Journalism, investigators found over 2,200 emails.");
        assert_eq!(
            a[0],
            (
                vec!["Western Journalism".to_string()],
                "As reported by".to_string(),
                "investigators found over 2,200 emails".to_string()
            )
        );
        let a = one("The Times broke the story, as first reported by The Washington Post.");
        assert_eq!(a.2, "The Times broke the story");
        let a = atts("Asked by Starnes if he believed it, Trump said no.");
        assert_eq!(
            a[0],
            (
                vec!["Starnes".to_string()],
                "Asked by".to_string(),
                "if he believed it".to_string()
            )
        );
        assert!(atts("He was asked by reporters.").is_empty());
    }
}
