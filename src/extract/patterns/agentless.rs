//! **Agentless**: words that say a statement is someone's report, allegation, belief or
//! expectation without saying whose.
//!
//! Examples: "The bank reportedly lost $2 billion.", "Qawi was later accused of inciting the
//! murder.", "He is believed to have died in 2019.", "The vote is expected to pass.", "It was
//! announced on Monday that the plant will close.", "The plant closed, according to reports."
//!
//! Makes an `agentless` attribution with no source, cue the words the patterns of
//! `rules/patterns/agentless.txt` name (their group `cue`), content the rest of the sentence
//! (what follows "it was announced that"; else the words before and after the cue, as
//! fragments). Runs after every other pattern of the paragraph, on words none of them used.
//!
//! Not to be confused with a cue word beside another pattern's cue ("UNESCO reportedly said":
//! UNESCO's attribution), with a cue inside a quotation, or with "expected to" in a sentence
//! about a duty ("priests are expected to report abuse under the new rules":
//! `rules/lexicon/obligation-words.txt`). Inside someone's reported words ("Police said the man
//! allegedly ...") the dispatch's nested-attitude pass drops it: the speaker's content it is.
//! "According to reports" is left to this pattern by [`Ctx::according_to`].

use crate::extract::context::Ctx;
use crate::lexicon::cls;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::span::Span;

/// Bytes of a sentence read after a word for an agentless cue starting there: the longest form
/// of `rules/patterns/agentless.txt` ("it has been widely reported on Monday ... that") is well
/// under it.
const AGENTLESS_WINDOW: usize = 256;

impl<'a> Ctx<'a> {
    /// The text of the paragraph and where it starts.
    fn paragraph_text(&self) -> Option<(usize, &'a str)> {
        let (first, last) = (self.toks.first()?, self.toks.last()?);
        Some((
            first.span.start,
            &self.text[first.span.start..last.span.end],
        ))
    }

    /// The token at `s` (a byte offset), if one starts there.
    fn token_at(&self, s: usize) -> Option<usize> {
        let k = self.toks.partition_point(|t| t.span.start < s);
        (self.toks.get(k)?.span.start == s).then_some(k)
    }

    /// True when an agentless cue starts at token `i` ("according to reports").
    pub(in crate::extract) fn agentless_starts_at(&self, i: usize) -> bool {
        let Some((base, para)) = self.paragraph_text() else {
            return false;
        };
        let at = self.toks[i].span.start - base;
        let end = self.sentence_end(i);
        let mut to = self.toks[end.max(i + 1) - 1].span.end - base;
        // (a cue starting here ends within a few words: a window of the sentence, not the rest
        // of it, so that a sentence of thousands of cues is not read once for each)
        if to > at + AGENTLESS_WINDOW {
            to = at + AGENTLESS_WINDOW;
            while !para.is_char_boundary(to) {
                to -= 1;
            }
        }
        let t = &para[at..to];
        let mut starts = false;
        self.lex.agentless_any.each_match(t, |re| {
            starts = starts || {
                let mut caps = re.create_captures();
                re.captures(t, &mut caps);
                caps.get_group_by_name("cue").is_some_and(|m| m.start == 0)
            };
        });
        starts
    }

    /// True when the cue form at `i` is the participle of an agentless passive ("The bill is
    /// expected to pass", "It was announced that ..."): no reporting verb with "The bill" or
    /// "It" as its source, but this pattern's.
    pub(in crate::extract) fn agentless_passive(&self, i: usize) -> bool {
        let mut j = i;
        // (over an adverb or two: "was later accused of")
        while j > 0 && j + 2 >= i && self.is(j - 1, cls::ADVERB) {
            j -= 1;
        }
        if j == 0 || !self.is(j - 1, cls::PASSIVE_AUX) {
            return false;
        }
        let be = j - 1;
        // ("It was announced", "It has been reported")
        let it_at = |k: usize| self.w(k) == "it" && self.agentless_starts_at(k);
        self.agentless_starts_at(be)
            || (be >= 1 && it_at(be - 1))
            || (be >= 2 && matches!(self.w(be - 1), "has" | "have" | "had") && it_at(be - 2))
    }

    pub(in crate::extract) fn agentless(&mut self, out: &mut Vec<Attribution>) {
        let Some((base, para)) = self.paragraph_text() else {
            return;
        };
        // (cue start, cue end, match end), in tokens
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        // (most paragraphs have none: the prefilters say so, and only the patterns that match
        // are run for their captures, or compiled)
        self.lex.agentless_any.each_match(para, |re| {
            for caps in re.captures_iter(para) {
                let (Some(cue), Some(all)) = (caps.get_group_by_name("cue"), caps.get_group(0))
                else {
                    continue;
                };
                let Some(k0) = self.token_at(base + cue.start) else {
                    continue;
                };
                let k1 = self.toks.partition_point(|t| t.span.end <= base + cue.end);
                let ke = self.toks.partition_point(|t| t.span.end <= base + all.end);
                if k0 < k1 {
                    found.push((k0, k1, ke));
                }
            }
        });
        found.sort_unstable();
        for (k0, k1, ke) in found {
            self.agentless_at(k0, k1, ke, out);
        }
    }

    /// The agentless attribution of the cue at tokens `k0..k1` (its pattern's match ending at
    /// token `ke`), unless it is no such attribution (see the module doc).
    fn agentless_at(&mut self, k0: usize, k1: usize, ke: usize, out: &mut Vec<Attribution>) {
        let n = self.toks.len();
        if !self.same_sentence(k0, k1 - 1)
            || (k0.saturating_sub(2)..(k1 + 2).min(n)).any(|k| self.used[k])
            || (k0..k1).any(|k| self.in_quote.at(k).is_some())
        {
            return;
        }
        let (first, end) = (self.sentence_first(k0), self.sentence_end(k0));
        if (k0..k1).any(|k| self.w(k) == "expected")
            && (first..end).any(|k| self.lex.obligation_words.contains(self.w(k)))
        {
            return;
        }
        let content = if self.w(k0) == "it" && self.w(ke.saturating_sub(1)) == "that" {
            // "It was announced on Monday that ...": what follows
            self.content_span(ke, end).map(Content::single)
        } else {
            let frags: Vec<Span> = [self.content_span(first, k0), self.content_span(k1, end)]
                .into_iter()
                .flatten()
                .collect();
            (!frags.is_empty()).then(|| Content::from_fragments(frags))
        };
        let Some(content) = content else {
            return;
        };
        for k in k0..k1 {
            self.used[k] = true;
        }
        let lemma = (k0..k1).map(|k| self.w(k)).collect::<Vec<_>>().join(" ");
        out.push(Attribution {
            kind: AttributionKind::Agentless,
            sources: Vec::new(),
            cited: Vec::new(),
            cue: self.span(k0, k1),
            cue_lemma: lemma,
            content: Some(content),
            sentence: self.sent[k0] as usize,
            paragraph: self.para,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::expect;

    #[test]
    fn finds_an_adverb_of_report() {
        expect(
            "The bank reportedly lost $2 billion in 2019.",
            &[(
                &[],
                "reportedly",
                "The bank reportedly lost $2 billion in 2019",
            )],
        );
        expect(
            "Two men allegedly stole 40 cars.",
            &[(&[], "allegedly", "Two men allegedly stole 40 cars")],
        );
    }

    #[test]
    fn finds_a_passive_with_no_agent() {
        expect(
            "Qawi was later accused of inciting the murder.",
            &[(
                &[],
                "was later accused of",
                "Qawi was later accused of inciting the murder",
            )],
        );
        expect(
            "The ship is said to be the oldest afloat.",
            &[(
                &[],
                "is said to",
                "The ship is said to be the oldest afloat",
            )],
        );
        expect(
            "The gunman is believed to have fled north.",
            &[(
                &[],
                "is believed to",
                "The gunman is believed to have fled north",
            )],
        );
        expect(
            "The bill is expected to pass next week.",
            &[(
                &[],
                "is expected to",
                "The bill is expected to pass next week",
            )],
        );
        expect(
            "Boeing's first crewed mission is reportedly expected to launch next year.",
            &[(
                &[],
                "is reportedly expected to",
                "Boeing's first crewed mission is reportedly expected to launch next year",
            )],
        );
    }

    #[test]
    fn finds_it_was_announced_and_according_to_reports() {
        expect(
            "It was reported he was in a coma at the time of his death.",
            &[(
                &[],
                "It was reported",
                "he was in a coma at the time of his death",
            )],
        );
        expect(
            "It was announced on Monday that the plant will close.",
            &[(&[], "It was announced", "the plant will close")],
        );
        expect(
            "The plant will close, it was announced.",
            &[(&[], "it was announced", "The plant will close")],
        );
        expect(
            "The plant closed, according to local media reports.",
            &[(&[], "according to local media reports", "The plant closed")],
        );
    }

    #[test]
    fn allows_a_cue_word_beside_a_named_speakers_cue() {
        // UNESCO's, not an agentless report
        let got =
            crate::extract::tests::atts("UNESCO reportedly said a change of name needs approval.");
        assert!(got.iter().all(|(s, _, _)| !s.is_empty()), "{got:?}");
        assert!(!got.is_empty());
    }

    #[test]
    fn allows_a_duty_and_an_active_accusation() {
        expect(
            "Under the new rules, priests are expected to report abuse to their bishops.",
            &[],
        );
        // a named accuser is a reporting verb's source, not an agentless one
        let got = crate::extract::tests::atts("Prosecutors accused Smith of fraud.");
        assert!(got.iter().all(|(s, _, _)| !s.is_empty()), "{got:?}");
        // "reported to" the police is no report of a belief
        expect("The theft was reported to police on Monday.", &[]);
    }

    #[test]
    fn allows_a_cue_inside_a_quotation() {
        let got = crate::extract::tests::atts(
            "\"He allegedly stole the cars,\" the lawyer told reporters.",
        );
        assert!(got.iter().all(|(s, _, _)| !s.is_empty()), "{got:?}");
    }
}
