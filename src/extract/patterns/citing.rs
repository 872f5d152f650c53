//! **Citing**: a participle of citing after a comma that follows an attribution's source or
//! cue, naming the source that source relies on.
//!
//! Examples: "The dam failed on Monday, according to Reuters, citing two officials.", "Three
//! people were killed, Reuters reported, citing police.", "The company cut 400 jobs, the Times
//! said on Friday, quoting a company memo."
//!
//! Makes no attribution of its own for a source: the words after the participle (a source
//! phrase, or a plain noun phrase with the head of a source, "a company memo") are recorded in
//! the `cited` mentions of the attribution before it, one chain of one account ("according to
//! Y, citing X" counts once), and that attribution's content stops before the comma. A plain
//! noun phrase with no source's head is a reason the speaker gives ("McCain said, citing low
//! economic growth"): an `indirect` attribution of the same speaker, its content the phrase. The participles are data
//! (`rules/lexicon/citing-participles.txt`).
//!
//! Not to be confused with a participle of speech after a comma (", saying ...", ", adding
//! that ...": [`super::saying`], a second attribution of the same speaker), or with a citing
//! participle with no attribution just before it ("Citing safety concerns, the city closed the
//! bridge": a reason, no source).

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::lexicon::cls;
use crate::model::{Attribution, AttributionKind, Content, MentionKind};
use crate::span::Span;

/// The most tokens between the end of the attribution before (its cue or its source) and the
/// comma of the participle: a time or a place ("the Times said on Friday, citing ...").
const GAP: usize = 6;

/// The most words of a plain noun phrase after the participle.
const PLAIN_WORDS: usize = 8;

impl<'a> Ctx<'a> {
    /// The citing participle at `i` (after a comma): true when it cites for the attribution
    /// just before it in the sentence, whose `cited` mentions it then fills.
    /// The sources a citing participle at `i` names, and the token after them: a source
    /// phrase, or a plain noun phrase up to punctuation ("citing a company memo").
    pub(in crate::extract) fn cited_right(&self, i: usize) -> Option<(Vec<Np>, usize)> {
        let end = self.sentence_end(i);
        let nps = self.sources_right(i + 1);
        let (nps, mut e) = match nps.last() {
            Some(last) => {
                let e = last.end;
                (nps, e)
            }
            None => {
                let mut k = i + 1;
                while k < end && k < i + 1 + PLAIN_WORDS && self.is_word(k) && self.w(k) != "as" {
                    k += 1;
                }
                if k == i + 1 {
                    return None;
                }
                (vec![Np::new(i + 1, k, i + 1, MentionKind::Other)], k)
            }
        };
        // "citing Johns Hopkins University data, there were ...": a word or two of what was
        // cited after the name, up to the comma
        if let Some(c) = (e..(e + 3).min(end)).find(|&k| !self.is_word(k))
            && self.punct(c, ',')
            && (e..c).all(|k| !self.toks[k].cap && self.w(k) != "as")
        {
            e = c;
        }
        // "citing the move as a grave abuse": a description, not a source
        (self.w(e) != "as").then_some((nps, e))
    }

    /// The tokens of `span` as a content span (punctuation trimmed at both ends).
    fn trimmed(&self, span: Span) -> Option<Span> {
        let a = self.toks.partition_point(|t| t.span.end <= span.start);
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        self.content_span(a, b)
    }

    pub(in crate::extract) fn citing(&mut self, i: usize, out: &mut Vec<Attribution>) -> bool {
        if i < 2 || !self.punct(i - 1, ',') || !self.lex.citing.contains(self.w(i)) {
            return false;
        }
        let sentence = self.sent[i] as usize;
        let comma = self.toks[i - 1].span.start;
        let Some(prev) = self.last_of_sentence(out, sentence, |a| a.cue.end <= comma) else {
            return false;
        };
        // the attribution's own words end just before the comma (its content is elsewhere)
        let own_end = (out[prev].sources.iter().map(|m| m.span.end))
            .chain([out[prev].cue.end])
            .max()
            .unwrap_or(0);
        let from = self.toks.partition_point(|t| t.span.end <= own_end);
        if from + GAP < i - 1 || (from..i - 1).any(|k| self.punct(k, ',') || self.is_cue_form(k)) {
            return false;
        }
        let Some((nps, np_end)) = self.cited_right(i) else {
            return false;
        };
        self.used[i] = true;
        // "McCain said, citing low economic growth": a reason the speaker gives, no source of
        // theirs: an attribution of the speaker's, its content what is cited
        // (a document or a record is a source: "quoting a company memo", "citing court
        // filings": the head of a carrier or of evidence)
        let document = |np: &Np| {
            (np.start..np.end)
                .any(|k| self.is(k, cls::EVIDENCE) || self.lex.carrier_nouns.contains(self.w(k)))
        };
        let reason = nps
            .iter()
            .all(|np| np.kind == MentionKind::Other && !self.source_headed(*np) && !document(np));
        if reason {
            let content = self.content_span(i + 1, np_end).map(Content::single);
            let (sources, cue) = (out[prev].sources.clone(), self.span(i, i + 1));
            let lemma = self.cue_lemma(i);
            self.push_sources(
                out,
                AttributionKind::Indirect,
                sources,
                cue,
                &lemma,
                content,
                i,
            );
        } else {
            let cited = self.mentions(&nps);
            out[prev].cited.extend(cited);
        }
        // the content leaves out ", citing two officials" ("The dam failed on Monday, according
        // to Reuters, citing two officials"; "According to the BBC, citing local officials, the
        // bridge collapsed")
        let mut cut_end = np_end;
        if self.punct(cut_end, ',') {
            cut_end += 1;
        }
        let cut = Span::new(comma, self.toks[cut_end - 1].span.end);
        if let Some(c) = &out[prev].content {
            let mut frags: Vec<Span> = Vec::new();
            for f in &c.fragments {
                // (the part before the cut and the part after it, where there is one)
                for (from, to) in [
                    (f.start, f.end.min(cut.start)),
                    (f.start.max(cut.end), f.end),
                ] {
                    if from < to
                        && let Some(s) = self.trimmed(Span::new(from, to))
                    {
                        frags.push(s);
                    }
                }
            }
            let truncated = c.truncated;
            out[prev].content = (!frags.is_empty()).then(|| {
                let mut c = Content::from_fragments(frags);
                c.truncated = truncated;
                c
            });
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_attributions;
    use crate::extract::tests::{analysis, atts};
    use crate::lexicon::Lexicons;
    use crate::ruleset::Ruleset;

    /// (sources, cited, content) of each attribution of `text`.
    fn chains(text: &str) -> Vec<(Vec<String>, Vec<String>, String)> {
        let lex = Lexicons::new(&Ruleset::embedded());
        let a = analysis(text, &lex);
        let words = |ms: &[crate::model::Mention]| {
            ms.iter()
                .map(|m| m.span.slice(&a.doc.text).to_string())
                .collect::<Vec<_>>()
        };
        (extract_attributions(&a, &lex).iter())
            .map(|at| {
                (
                    words(&at.sources),
                    words(&at.cited),
                    (at.content.as_ref())
                        .map(|c| c.span.slice(&a.doc.text).to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn one(sources: &str, cited: &str, content: &str) -> Vec<(Vec<String>, Vec<String>, String)> {
        vec![(
            vec![sources.to_string()],
            vec![cited.to_string()],
            content.to_string(),
        )]
    }

    #[test]
    fn a_reason_cited_is_the_speaker_s_own_attribution() {
        // no source's head: a reason, said by the speaker; the first content stops before it
        let got = chains("The ministry said the plant closed, citing safety concerns.");
        assert_eq!(
            got,
            [
                (
                    vec!["The ministry".to_string()],
                    vec![],
                    "the plant closed".to_string()
                ),
                (
                    vec!["The ministry".to_string()],
                    vec![],
                    "safety concerns".to_string()
                ),
            ]
        );
        // a document is a source the speaker relies on
        assert_eq!(
            chains("The company cut 400 jobs, the Times said, quoting a company memo."),
            one("the Times", "a company memo", "The company cut 400 jobs")
        );
    }

    #[test]
    fn a_citing_participle_names_the_source_of_the_source() {
        assert_eq!(
            chains("The dam failed on Monday, according to Reuters, citing two officials."),
            one("Reuters", "two officials", "The dam failed on Monday")
        );
    }

    #[test]
    fn an_inverted_cue_keeps_its_content_before_the_citing() {
        assert_eq!(
            chains("Three people were killed in the blast, Reuters reported, citing police."),
            one("Reuters", "police", "Three people were killed in the blast")
        );
        assert_eq!(
            chains("The company cut 400 jobs, the Times said on Friday, quoting a company memo."),
            one("the Times", "a company memo", "The company cut 400 jobs")
        );
        // what was cited, after the name (Wikinews 00213), and a content after the citing
        assert_eq!(
            chains(
                "CBS News reported, citing Johns Hopkins University data, there were 1,000 deaths."
            )[0]
            .2,
            "there were 1,000 deaths"
        );
        assert_eq!(
            chains("Police said, citing witnesses, that the man fled."),
            one("Police", "witnesses", "that the man fled")
        );
    }

    #[test]
    fn a_citing_participle_with_no_attribution_before_it_is_no_source() {
        // a reason, not a source
        let got = atts("Citing safety concerns, the city closed the bridge.");
        assert!(got.is_empty(), "{got:?}");
        // a participle of speech is a second attribution of the same speaker, not a chain
        let got = chains("Reuters reported the dam failed, adding that two people died.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|a| a.1.is_empty()), "{got:?}");
        // "citing X as Y" describes X, it does not name a source (Wikinews 00223)
        let got = chains(
            "Senators condemned the act of the NTC, citing the move as a \"grave abuse of power\".",
        );
        assert!(got.iter().all(|a| a.1.is_empty()), "{got:?}");
    }
}
