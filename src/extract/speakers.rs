//! Speakers: the words around a source's name that belong to its mention but not to its name,
//! shared by the patterns that read a source after its cue ([`super::patterns`]: according to,
//! the inverted tail, and every pattern that reads a source with [`Ctx::sources_right`]).
//!
//! - a **carrier** before the source (`carrier-nouns`): "according to data from the World
//!   Health Organisation", "a statement released by the Supreme Court", "the report by Tasnim
//!   News Agency", "a report on Wednesday by UpGuard": the source is the body after "by",
//!   "from" or "in" ([`Ctx::carried_right`]);
//! - an **affiliation** after an unnamed voice: "said a spokesperson for the city"; and
//!   before its cue, the voice before the body it speaks for: "A spokeswoman for the company
//!   said" ([`Ctx::voice_before`], read by the reporting verb);
//! - **post-modifiers**: "said the ministry in a statement", "a report from ABC Australia on
//!   March 3" ([`Ctx::postmodifiers_right`]);
//! - an **anonymity clause** (`anonymity-phrases`): "said a spokesperson for the city, who
//!   spoke on condition of anonymity" makes the speaker anonymous, and its verb no cue of its
//!   own ([`Ctx::speaker_tail`]); so does one in a subject before the verb, "One official, who
//!   asked not to be named, said ..." ([`Ctx::anonymity_inside`], read by the reporting verb).
//!
//! The mention takes them in; its name does not, and its referent
//! ([`crate::model::Mention::referent`]) is the words that name the source, which resolution
//! reads.

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::grammar::MONTHS;
use crate::lexicon::cls;
use crate::model::MentionKind;

impl<'a> Ctx<'a> {
    /// The sources of a carrier phrase starting at `i` ("data from the World Health
    /// Organisation", "a joint statement by Egypt, Greece and Cyprus"): the mentions of the
    /// sources after "by", "from" or "in" ("in" only before a name: "a study in Scientific
    /// Reports"), the first taking in the carrier and the last the post-modifiers after it.
    /// Empty when no carrier starts at `i`.
    pub(in crate::extract) fn carried_right(&self, i: usize) -> Vec<Np> {
        let mut k = i;
        if matches!(self.w(k), "a" | "an" | "the") {
            k += 1;
        }
        // up to two modifiers before the noun: "a recent report", "a 1989 report", "a press
        // release", "a Twitter post"
        let mut mods = 0;
        while !self.lex.carrier_nouns.contains(self.w(k)) {
            if mods == 2
                || !self.is_word(k)
                || (self.toks[k].cap && (k == i || !self.name_word(k)))
                || self.is(k, cls::STOP | cls::CUE_VERB | cls::PREPOSITION)
            {
                return Vec::new();
            }
            k += 1;
            mods += 1;
        }
        if !self.is_word(k) || !self.same_sentence(i, k) || self.in_quote.at(k).is_some() {
            return Vec::new();
        }
        let mut p = k + 1;
        // "a statement released by", "a study published in"
        if self.is(p, cls::PASSIVE_CUE) {
            p += 1;
        }
        // "a report on Wednesday by UpGuard"
        p = self.time_phrase(p).unwrap_or(p);
        if !matches!(self.w(p), "by" | "from" | "in") || !self.same_sentence(i, p + 1) {
            return Vec::new();
        }
        let mut nps = self.carried_sources(p + 1);
        if nps.is_empty() || (self.w(p) == "in" && nps[0].kind != MentionKind::Name) {
            return Vec::new();
        }
        nps[0].referent = Some(nps[0].referent.unwrap_or((nps[0].start, nps[0].end)));
        nps[0].start = i;
        if let Some(last) = nps.last_mut() {
            let e = self.postmodifiers_right(last.end);
            if e > last.end {
                last.referent = Some(last.referent.unwrap_or((last.start, last.end)));
                last.end = e;
            }
        }
        nps
    }

    /// The sources after a carrier's "by" or "from" at `p`: the source phrase there, or the
    /// plain noun phrase of a possessive ("her family", "Erdogan's office").
    fn carried_sources(&self, p: usize) -> Vec<Np> {
        let nps = self.sources_right(p);
        let possessive = nps.first().is_some_and(|n| {
            (n.kind == MentionKind::Pronoun || self.toks[n.end - 1].possessive)
                && self.np_word(n.end)
                && self.same_sentence(p, n.end)
        }) || (nps.is_empty()
            && matches!(self.w(p), "his" | "her" | "its" | "their"));
        if !possessive {
            return nps;
        }
        let mut e = p + 1;
        while e < p + 5 && self.np_word(e) && self.same_sentence(p, e) {
            e += 1;
        }
        if !self.np_word(e - 1) {
            return Vec::new();
        }
        vec![Np::new(p, e, p, MentionKind::Other)]
    }

    /// The end of a time phrase starting at `p`: "on Tuesday", "on March 3", "last week", "in
    /// 2017", "in May 2019".
    pub(in crate::extract) fn time_phrase(&self, p: usize) -> Option<usize> {
        let w = self.w(p);
        let next = self.w(p + 1);
        if !self.same_sentence(p, p + 1) {
            return None;
        }
        let e = match w {
            "on" if self.is(p + 1, cls::DAY) || MONTHS.contains(&next) => p + 2,
            "last" | "this" if self.is(p + 1, cls::DAY | cls::TIME_UNIT) => p + 2,
            // "in 2017", "in May" ("a survey published in 2017 by ...")
            "in" if MONTHS.contains(&next) || is_year(next) => {
                if MONTHS.contains(&next) && is_year(self.w(p + 2)) && self.same_sentence(p, p + 2)
                {
                    return Some(p + 3);
                }
                return Some(p + 2);
            }
            _ => return None,
        };
        // "on March 3"
        let day = self.is_word(e)
            && self.same_sentence(p, e)
            && self.w(e).len() <= 2
            && self.w(e).bytes().all(|b| b.is_ascii_digit());
        Some(if day { e + 1 } else { e })
    }

    /// The end of the post-modifiers of a speaker ending at `e`: "in a statement", "in a
    /// written statement", "on Tuesday", "in a statement on Tuesday" (speech nouns of
    /// `speech-nouns`); `e` when there are none.
    pub(in crate::extract) fn postmodifiers_right(&self, e: usize) -> usize {
        let mut e = e;
        for _ in 0..3 {
            if let Some(t) = self.time_phrase(e) {
                e = t;
                continue;
            }
            if self.w(e) == "in" && matches!(self.w(e + 1), "a" | "an") {
                let noun = (e + 2..e + 4).find(|&k| self.lex.speech_nouns.contains(self.w(k)));
                if let Some(n) = noun
                    && (e + 2..=n).all(|k| self.is_word(k) && self.same_sentence(e, k))
                {
                    e = n + 1;
                    continue;
                }
            }
            break;
        }
        e
    }

    /// The end of an anonymity clause (`anonymity-phrases`) starting at `k` or after a comma
    /// there: ", who spoke on condition of anonymity".
    pub(in crate::extract) fn anonymity_right(&self, k: usize) -> Option<usize> {
        let k = if self.punct(k, ',') { k + 1 } else { k };
        let phrases = self.lex.anonymity_phrases.get(self.w(k))?;
        phrases
            .iter()
            .filter(|rest| {
                rest.iter().enumerate().all(|(j, word)| {
                    let at = k + 1 + j;
                    self.is_word(at) && self.same_sentence(k, at) && self.w(at) == word
                })
            })
            .map(|rest| k + 1 + rest.len())
            .max()
    }

    /// The comma inside `np` after which an anonymity clause runs to its end ("One official,
    /// who asked not to be named"); the clause then makes an unnamed speaker anonymous, and
    /// its referent is the words before the comma.
    pub(in crate::extract) fn anonymity_inside(&self, np: &mut Np) -> Option<usize> {
        let k = (np.start + 1..np.end)
            .find(|&k| self.punct(k, ',') && self.anonymity_right(k) == Some(np.end))?;
        if np.kind != MentionKind::Name {
            np.kind = MentionKind::Anonymous;
            np.referent = Some((np.start, k));
        }
        Some(k)
    }

    /// Extends a source `np` found just before its cue over the voice of the body it names
    /// ("A spokeswoman for the company said", "the spokesman of Acme said": `voice-heads`
    /// before "for", "of" or "from"): the mention takes the voice in, its referent stays the
    /// body, so the source is the body speaking as itself.
    pub(in crate::extract) fn voice_before(&self, np: &mut Np, first: usize) {
        if np.start < first + 2
            || !matches!(self.w(np.start - 1), "for" | "of" | "from")
            || !self.lex.voice_heads.contains(self.w(np.start - 2))
            || !self.is_word(np.start - 2)
        {
            return;
        }
        // the voice's phrase: a determiner and up to two modifiers ("a senior spokeswoman")
        let head = np.start - 2;
        let mut s = head;
        while s > first
            && head - s < 3
            && self.is_word(s - 1)
            && !self.is(s - 1, cls::PREPOSITION)
            && !self.is_cue_form(s - 1)
            && (self.is(s - 1, cls::DETERMINER) || self.np_word(s - 1))
        {
            s -= 1;
            if self.is(s, cls::DETERMINER) {
                break;
            }
        }
        np.referent = Some(np.referent.unwrap_or((np.start, np.end)));
        np.start = s;
    }

    /// A speaker after its cue ("said a spokesperson for the city, who spoke on condition of
    /// anonymity"), extended over its affiliation, post-modifiers and anonymity clause (see
    /// the module doc). An anonymity clause makes an unnamed speaker anonymous and its words no
    /// cues.
    pub(in crate::extract) fn speaker_tail(&mut self, np: &mut Np) {
        let mut e = np.end;
        // an anonymity clause the appositive already took in: "said an official, who declined
        // to be named"
        let inside = self.anonymity_inside(np);
        if let Some(k) = inside {
            e = k;
        }
        // "a spokesperson for the city", "a representative of the company", "the former top
        // aide to President George W. Bush"
        if inside.is_none()
            && matches!(np.kind, MentionKind::Anonymous | MentionKind::Other)
            && self.is(e - 1, cls::ANONYMOUS_HEAD)
            && matches!(self.w(e), "for" | "of" | "at" | "from" | "to")
        {
            let mut k = e + 1;
            if self.is(k, cls::DETERMINER) {
                k += 1;
            }
            let s = k;
            while k < s + 4
                && self.same_sentence(np.start, k)
                && (self.np_word(k) || self.name_word(k))
                && !self.is(k, cls::PREPOSITION)
                && !matches!(self.w(k), "who" | "which" | "that")
            {
                k += 1;
            }
            if k > s {
                e = k;
            }
        }
        let named_end = e;
        e = self.postmodifiers_right(e);
        let anonymity = self.anonymity_right(e);
        if let Some(a) = anonymity {
            for k in e..a {
                self.used[k] = true;
            }
            e = a;
            if np.kind != MentionKind::Name {
                np.kind = MentionKind::Anonymous;
            }
        }
        if e != np.end || inside.is_some() {
            if np.kind != MentionKind::Name {
                np.referent = Some((np.start, named_end));
            }
            np.end = e.max(np.end);
        }
    }
}

/// A year of four digits from 1800 to 2099 ("2017").
fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_attributions;
    use crate::extract::tests::{analysis, atts, expect};
    use crate::lexicon::Lexicons;
    use crate::model::MentionKind;
    use crate::ruleset::Ruleset;

    /// (name, referent, kind) of the first source of each attribution of `text`.
    fn named(text: &str) -> Vec<(String, Option<String>, MentionKind)> {
        let lex = Lexicons::new(&Ruleset::embedded());
        let a = analysis(text, &lex);
        let t = &a.doc.text;
        extract_attributions(&a, &lex)
            .iter()
            .filter_map(|at| at.sources.first())
            .map(|m| {
                let referent = m.referent.map(|r| r.slice(t).to_string());
                (m.name.slice(t).to_string(), referent, m.kind)
            })
            .collect()
    }

    #[test]
    fn the_name_and_referent_leave_out_the_carrier_and_the_tail() {
        let n = named("The plant closed, according to data from the World Bank.");
        assert_eq!(n[0].0, "World Bank");
        assert_eq!(n[0].2, MentionKind::Name);
        let n = named("He died, according to a statement released by her family.");
        assert_eq!(n[0].1.as_deref(), Some("her family"));
        let n = named("\"It is bad,\" said the ministry in a statement on Tuesday.");
        assert_eq!(n[0].1.as_deref(), Some("the ministry"));
        let n = named(
            "\"We stay,\" said a spokesperson for the city, who spoke on condition of anonymity.",
        );
        assert_eq!(n[0].1.as_deref(), Some("a spokesperson for the city"));
        assert_eq!(n[0].2, MentionKind::Anonymous);
        // a name modifying the head of a description gives way to the appositive's name; a
        // title's object opens with "the"; an article inside a capitalised name; a relay after
        // an inverted speaker; the office before a minister's name takes in its "and"
        for (text, name) in [
            (
                "The American Samoan delegate to the U.S. House of Representatives, Aumua Amata, told the press it was unfair.",
                "Aumua Amata",
            ),
            (
                "Haifa University geostrategy expert and former security official, Avinoam Idan, said it was small.",
                "Avinoam Idan",
            ),
            (
                "The president of the Tunisian League for the Defence of Human Rights, Jamel Msallem, said it was unjust.",
                "Jamel Msallem",
            ),
            (
                "Former US Ambassador to the United Nations Nikki Haley wrote that it was a mistake.",
                "Nikki Haley",
            ),
            (
                "Recycled toilet paper producer Who Gives a Crap said it ran out of stock.",
                "Who Gives a Crap",
            ),
            (
                "\"You would minimise the panic,\" said Russell Zimmerman per ABC News.",
                "Russell Zimmerman",
            ),
            (
                "Health and Social Care Secretary Matt Hancock said the plan works.",
                "Matt Hancock",
            ),
        ] {
            assert_eq!(named(text)[0].0, name, "{text}");
        }
        // (two people stay two)
        let lex = Lexicons::new(&Ruleset::embedded());
        let a = analysis("Smith and Senator John Doe said the plan works.", &lex);
        assert_eq!(extract_attributions(&a, &lex)[0].sources.len(), 2);
        // (but with no appositive, the name stays: "Just I" is resolved elsewhere)
        let n = named("Met Office forecasters said it would rain.");
        assert_eq!(n[0].0, "Met Office");
    }

    #[test]
    fn a_long_carrier_with_a_year_and_one_attribution() {
        // (the phrase after "according to" ran seven words: "... by the"; a passive read the
        // same carrier a second time)
        let text = "According to a survey published in 2017 by the Royal Pharmaceutical \
                    Society, 84% of Britons did not wash their hands.";
        assert_eq!(atts(text).len(), 1, "{:?}", atts(text));
        assert_eq!(named(text)[0].0, "Royal Pharmaceutical Society");
        let text = "According to data released by the Home Office, crime fell.";
        assert_eq!(atts(text).len(), 1, "{:?}", atts(text));
        assert_eq!(named(text)[0].0, "Home Office");
    }

    #[test]
    fn an_anonymity_clause_in_the_subject_is_no_attribution_of_its_own() {
        let text = "One official, who asked not to be named, said the plan was dropped.";
        let a = atts(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, ["One official, who asked not to be named"]);
        assert_eq!(a[0].1, "said");
        let n = named(text);
        assert_eq!(n[0].1.as_deref(), Some("One official"));
        assert_eq!(n[0].2, MentionKind::Anonymous);
    }

    #[test]
    fn finds_the_source_behind_a_carrier() {
        expect(
            "The plant closed, according to data from the World Bank.",
            &[(
                &["data from the World Bank"],
                "according to",
                "The plant closed",
            )],
        );
        expect(
            "He died, according to a statement released by her family.",
            &[(
                &["a statement released by her family"],
                "according to",
                "He died",
            )],
        );
    }

    #[test]
    fn allows_a_carrier_with_no_source_after_it() {
        // "a study of 500 patients": no "by", "from" or "in"; the phrase stays whole
        expect(
            "The drug works, according to a study of patients.",
            &[(&["a study of patients"], "according to", "The drug works")],
        );
    }

    #[test]
    fn finds_an_unnamed_speaker_after_the_verb() {
        expect(
            "\"We are not going anywhere,\" said a spokesperson for the city.",
            &[(
                &["a spokesperson for the city"],
                "said",
                "We are not going anywhere,",
            )],
        );
        expect(
            "\"It is bad,\" said the ministry in a statement on Tuesday.",
            &[(
                &["the ministry in a statement on Tuesday"],
                "said",
                "It is bad,",
            )],
        );
    }

    #[test]
    fn an_anonymity_clause_is_no_attribution_of_its_own() {
        let a = atts(
            "\"We are not going anywhere,\" said a spokesperson for the city, who spoke on condition of anonymity.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].0,
            ["a spokesperson for the city, who spoke on condition of anonymity"]
        );
        let a = atts("\"It is over,\" said an official, who asked not to be named.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, ["an official, who asked not to be named"]);
    }
}
