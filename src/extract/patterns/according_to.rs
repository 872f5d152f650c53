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
use crate::grammar::SUBJECT_PRONOUNS;
use crate::lexicon::cls;
use crate::model::Attribution;
use crate::model::AttributionKind;
use crate::model::Content;
use crate::model::MentionKind;

impl<'a> Ctx<'a> {
    pub(in crate::extract) fn according_to(&mut self, i: usize, out: &mut Vec<Attribution>) {
        if self.agentless_starts_at(i) && !self.reports_by(i) {
            // "according to reports": no source ([`super::agentless`])
            return;
        }
        let nps = self.sources_right(i + 2);
        let (nps, np_end) = if nps.is_empty() {
            // "according to a statement from the ministry": a plain noun phrase up to punctuation
            // ("according to you, ...", "according to him": a pronoun is the whole phrase;
            // not "her", which may open one: "according to her memoirs")
            let pronoun = matches!(self.w(i + 2), "you" | "me" | "us" | "him" | "them");
            // (at most seven words, or up to sixteen when a comma closes them: "according to
            // a survey published in 2017 by the Royal Pharmaceutical Society, ...")
            let words_to = |limit: usize| {
                let mut k = i + 2;
                while k < self.toks.len()
                    && k < limit
                    && self.is_word(k)
                    && self.same_sentence(i, k)
                    && !(pronoun && k > i + 2)
                {
                    k += 1;
                }
                k
            };
            let mut k = words_to(i + 9);
            if k == i + 9 {
                let far = words_to(i + 18);
                if far < i + 18 && self.punct(far, ',') {
                    k = far;
                }
            }
            if k == i + 2 {
                return;
            }
            (vec![Np::new(i + 2, k, i + 2, MentionKind::Other)], k)
        } else {
            let mut nps = nps;
            let e = self.phrase_to_punctuation(i, &mut nps);
            (nps, e)
        };
        let (mut nps, mut np_end) = (nps, np_end);
        // "according to the Philippine Institute of Volcanology and Seismology (Phivolcs), ...":
        // a short form in parentheses belongs to the phrase
        if self.punct(np_end, '(')
            && let Some(close) =
                (np_end + 1..(np_end + 5).min(self.toks.len())).find(|&k| self.punct(k, ')'))
            && let Some(last) = nps.last_mut()
            && last.end == np_end
        {
            last.end = close + 1;
            np_end = close + 1;
        }
        // "According to a post by Amy Cook, director of the event, the tusk ...": a named
        // source's appositive belongs to its mention, not to the content
        let first = self.sentence_first(i);
        if i == first
            && let Some(e) = self.appositive_after(np_end)
            && let Some(last) = nps.last_mut()
            && last.kind == MentionKind::Name
            && last.end == np_end
        {
            last.referent = Some(last.referent.unwrap_or((last.start, last.end)));
            last.end = e;
            np_end = e;
        }
        self.used[i] = true;
        self.used[i + 1] = true;
        let cue = self.span(i, i + 2);
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
            frags.extend(self.content_after_phrase(i, np_end, end, before_end));
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

    /// The end of an appositive set off by commas at `comma` (", director of the event,"): a
    /// lower-case noun phrase of at most ten words, no verb or cue in it, then a comma and more
    /// of the sentence.
    fn appositive_after(&self, comma: usize) -> Option<usize> {
        if !self.punct(comma, ',') || !self.is_word(comma + 1) || self.toks[comma + 1].cap {
            return None;
        }
        let end = self.sentence_end(comma).min(comma + 12);
        let close = (comma + 1..end).find(|&k| !self.is_word(k))?;
        let np_like = (comma + 1..close).all(|k| {
            !self.is_cue_form(k)
                && !self.is(k, cls::VERBISH | cls::PRONOUN)
                && !self.looks_like_verb(k)
                && !self.clause_start(k)
        });
        // (not "According to ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said":
        // the phrase is the appositive of the name after it)
        let name_after = self
            .name_right(close + 1)
            .is_some_and(|n| self.punct(n.end, ','));
        (np_like
            && !name_after
            && self.punct(close, ',')
            && (self.is(comma + 1, cls::DETERMINER | cls::TITLE)
                || self.lex.source_heads.contains(self.w(comma + 1))))
        .then_some(close)
    }

    /// True when the reports of "according to (media) reports" at `i` have their source after
    /// them: "according to reports from the ministry", "according to reports by the BBC" (the
    /// source behind the carrier, [`Self::sources_right`]).
    fn reports_by(&self, i: usize) -> bool {
        (i + 2..(i + 6).min(self.toks.len())).any(|k| {
            matches!(self.w(k), "reports" | "report")
                && matches!(self.w(k + 1), "from" | "by")
                && self.same_sentence(i, k + 1)
        })
    }

    /// The end of the phrase after "according to" at `i` whose source phrases are `nps`, the
    /// last of them widened to the whole noun phrase where it stopped inside one.
    fn phrase_to_punctuation(&self, i: usize, nps: &mut [Np]) -> usize {
        let mut e = nps.last().map(|n| n.end).unwrap_or(i + 2);
        // "according to the Democratic chairs from Jefferson", "according to a POLITICO
        // analysis of FEC records": a source phrase that stops inside the noun phrase (at
        // the first lower-case word after a capitalised one) is the whole phrase, up to
        // punctuation; the rest is no content. A time phrase or "in a statement" at its
        // end is in neither ("according to police on Thursday"); a relative clause or a
        // verb stops it ("according to CNN who reported ...": as it was)
        // (eight words, or sixteen when punctuation closes them: "according to the Centers
        // for Disease Control and Prevention in the United States, ...")
        let (mut k, mut stop) = self.phrase_words(i, e, e + 8);
        if k == e + 8 && stop.is_none() {
            (k, stop) = self.phrase_words(i, e, e + 16);
            if k == e + 16 {
                k = e + 8;
            }
        }
        if stop.is_none() && k > e && (!self.is_word(k) || !self.same_sentence(i, k)) {
            stop = Some((k, k));
        }
        if let Some((np_end, skip_end)) = stop {
            if np_end > e {
                // (behind a carrier the name is the owner's: "a POLITICO analysis";
                // otherwise the name was a modifier, "the Democratic chairs", and the
                // phrase is the mention and the name)
                // (and after an affiliation the name is kept: "Commissioner James
                // Rovella of the Department of Emergency Services and Public Protection")
                let carrier = self.lex.carrier_nouns.contains(self.w(e));
                // (a person's affiliation after the name keeps it: "Chief Superintendent
                // Graciano Mijares of the police of the Autonomous Region ...")
                let affiliation = matches!(self.w(e), "of" | "at" | "from");
                // (and a body's name goes on through "for" or "of" and capitalised words:
                // "the Centers for Disease Control and Prevention in the United States")
                let tail = self.name_tail(e, np_end);
                if let Some(last) = nps.last_mut() {
                    let body = (last.name_start..e).any(|k| self.body_word(k));
                    *last = if tail > e && last.name_end == last.end && (self.w(e) == "for" || body)
                    {
                        Np {
                            end: np_end,
                            name_start: last.name_start
                                + usize::from(self.w(last.name_start) == "the"),
                            name_end: tail,
                            kind: MentionKind::Name,
                            ..*last
                        }
                    } else if carrier
                        || (affiliation && last.kind == MentionKind::Name)
                        || last.name_end < last.end
                    {
                        Np {
                            end: np_end,
                            ..*last
                        }
                    } else {
                        // (a carrier's source stays the referent: "reports from the ministry
                        // of internal affairs of Belarus on Friday")
                        Np {
                            referent: last.referent,
                            ..Np::new(last.start, np_end, last.start, MentionKind::Other)
                        }
                    };
                }
            }
            e = skip_end;
        }
        e
    }

    /// The end of the capitalised words that go on with a name ending at `e`, before `end`,
    /// through "for", "of", "and" and "the" ("for Disease Control and Prevention", "and Human
    /// Services"), or `e`.
    fn name_tail(&self, e: usize, end: usize) -> usize {
        if !matches!(self.w(e), "for" | "of" | "and") {
            return e;
        }
        let mut tail = e;
        let mut k = e;
        while k < end {
            if self.is_word(k) && self.toks[k].cap {
                tail = k + 1;
            } else if !matches!(self.w(k), "for" | "of" | "and" | "the") {
                break;
            }
            k += 1;
        }
        tail
    }

    /// The words of an "according to" phrase (cue at `i`) after its source phrase ends at `e`,
    /// up to `limit`: where they stop, and the stop and the end of a time phrase or
    /// post-modifier that closes them (see [`Self::phrase_to_punctuation`]).
    fn phrase_words(&self, i: usize, e: usize, limit: usize) -> (usize, Option<(usize, usize)>) {
        let mut k = e;
        let mut stop = None;
        while k < self.toks.len() && k < limit && self.is_word(k) && self.same_sentence(i, k) {
            // (nor a verb, "according to Wasef archaeologists have not yet found"; a
            // quantity, "according to the New York Times about 100 miles from Okinawa")
            if matches!(
                self.w(k),
                "who" | "which" | "whose" | "that" | "when" | "where"
            ) || self.is_cue_form(k)
                || self.is(k, cls::VERBISH)
                || self.looks_like_verb(k)
                || self.is(k, cls::QUANTITY)
                || matches!(self.w(k), "about" | "around" | "nearly" | "almost" | "than")
                || self.w(k).starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            // ("late today", "early Monday": here only; `time_end` elsewhere takes no "late")
            let t = match self.w(k) {
                "late" | "early" => Some(self.time_end(k + 1)).filter(|&t| t > k + 1),
                _ => None,
            }
            .unwrap_or_else(|| self.postmodifiers_right(k).max(self.time_end(k)));
            if t > k {
                if !self.is_word(t) || !self.same_sentence(i, t) {
                    stop = Some((k, t));
                }
                break;
            }
            k += 1;
        }
        (k, stop)
    }

    /// The content after the phrase "according to X" (`i`, ending at `np_end`) in the middle or
    /// at the end of its sentence (ending at `end`; the content before it ends at
    /// `before_end`): the rest of the sentence from the comma or dash that closes the phrase
    /// ("X, according to Reuters, was ..."), since words before it are still the phrase
    /// ("according to early results of the exit poll conducted by Edison Research"); with no
    /// comma nothing, unless the clause goes on without one: the main verb right after the
    /// phrase ("Rescuers, working in the cold, according to the ministry recovered ten
    /// survivors") or a subject in it ("according to the Ministry of Foreign Affairs he died
    /// at ..."). The comma is looked for in a window, then in the paragraph's table (a
    /// sentence of thousands of "according to x" is not read to its end from each).
    fn content_after_phrase(
        &self,
        i: usize,
        np_end: usize,
        end: usize,
        before_end: usize,
    ) -> Option<crate::span::Span> {
        let window = end.min(np_end + 64);
        let sep = (np_end..window)
            .find(|&k| self.punct(k, ',') || self.dash(k))
            .or_else(|| {
                (window < end)
                    .then(|| self.behind().next_comma[window] as usize)
                    .filter(|&k| k < end)
            });
        let from = match sep {
            Some(k) => k + 1,
            None if np_end < end
                && before_end < i
                && (self.looks_like_verb(np_end) || self.is(np_end, cls::VERBISH)) =>
            {
                np_end
            }
            None => (np_end..end.min(np_end + 8))
                .find(|&k| SUBJECT_PRONOUNS.contains(&self.w(k)) && !self.toks[k].cap)?,
        };
        self.content_span(from, end)
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
    fn the_source_phrase_runs_to_punctuation() {
        // (the content is the clause before, not the rest of the phrase)
        expect(
            "Sanders netted more money than Clinton, according to the Democratic chairs from two counties.",
            &[(
                &["the Democratic chairs from two counties"],
                "according to",
                "Sanders netted more money than Clinton",
            )],
        );
    }

    #[test]
    fn words_after_the_phrase_without_a_comma_are_no_content() {
        let a = crate::extract::tests::atts(
            "The voters want experience, according to early results of the exit poll conducted by Edison Research for the Associated Press.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].2, "The voters want experience");
        // (but a clause that goes on is: its verb, or its subject)
        expect(
            "Rescuers, working in the cold, according to the ministry recovered ten survivors.",
            &[(
                &["the ministry"],
                "according to",
                "Rescuers, working in the cold, according to the ministry recovered ten survivors",
            )],
        );
    }

    #[test]
    fn allows_according_without_to() {
        expect("The plant closed accordingly.", &[]);
    }

    #[test]
    fn according_to_a_long_name_up_to_its_comma() {
        // a body's name through "for" and "and", a place after it in the mention only; a
        // person's affiliation in the mention, the name kept
        let (s, _, c) = one(
            "According to the Centers for Disease Control and Prevention in the United States, one child in a thousand develops encephalitis.",
        );
        assert_eq!(
            (s[0].as_str(), c.as_str()),
            (
                "the Centers for Disease Control and Prevention in the United States",
                "one child in a thousand develops encephalitis"
            )
        );
        let (s, _, c) = one(
            "According to Chief Superintendent Graciano Mijares of the police of the Autonomous Region in Muslim Mindanao, the confirmed deaths are fourteen.",
        );
        assert!(s[0].contains("Graciano Mijares of the police"), "{s:?}");
        assert_eq!(c, "the confirmed deaths are fourteen");
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
