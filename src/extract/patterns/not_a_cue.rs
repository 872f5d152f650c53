//! **Not a cue here**: the guards that say a cue form at a token is not a verb of saying in
//! this place, asked by the reporting-verb pattern ([`super::reporting_verb`]) before anything
//! else. A cue form ("said", "claimed", "reports", "showing") is a noun, an adjective, a naming,
//! a taking or a phrasal verb as often as it is a verb of saying.
//!
//! Example (no attribution): "the exposed email", "a process called exfiltration", "some
//! reports", "the fire claimed two lives", "a strong showing", "Clinton maintains a wide lead".
//!
//! Makes no attribution; the guards are one predicate, [`Ctx::not_a_cue_here`], so that a new
//! guard goes in one place. Not to be confused with the checks of [`Ctx::is_cue_form`] (a word
//! of the cue lexicons, outside quotations, capitalised only in headlines), which every pattern
//! asks first.

use crate::extract::context::Ctx;
use crate::grammar::{ADJECTIVE_DETERMINERS, NOUN_DETERMINERS, REFLEXIVES, SUBJECT_PRONOUNS};
use crate::lexicon::cls;

impl<'a> Ctx<'a> {
    /// True when the cue form at `i` (lemma `lemma`, a verb of saying when `speech`) is no
    /// verb of saying here.
    pub(in crate::extract) fn not_a_cue_here(&self, i: usize, lemma: &str, speech: bool) -> bool {
        // "some reports", "the claims", "his statement": a noun, not a verb (a past form such
        // as "said" is never a noun: "many said")
        let past = self.w(i).ends_with("ed") || self.lex.past_cue_forms.contains(self.w(i));
        self.noun_or_modifier(i, lemma, past) || self.not_saying(i, lemma, speech, past)
    }

    /// A noun, an adjective or a naming: "some reports", "the exposed email", "a group named
    /// X", "other pronounced differences", "a strong showing".
    fn noun_or_modifier(&self, i: usize, lemma: &str, past: bool) -> bool {
        // ("many prefer", "some think": a quantity standing alone is the subject)
        let quantity_subject =
            !NOUN_DETERMINERS.contains(&self.w(i.saturating_sub(1))) && !self.w(i).ends_with('s');
        if !past
            && !quantity_subject
            && i > 0
            // ("No claims of responsibility were reported")
            && (self.is(i - 1, cls::DETERMINER)
                || self.w(i - 1) == "no"
                || (self.toks[i - 1].possessive && !self.contracted(i - 1)))
        {
            return true;
        }
        // "By reports on Saturday", "amid claims of fraud", "from statements": a present form
        // after a preposition is a noun (a gerund, "after saying", may still report)
        if !past
            && !self.w(i).ends_with("ing")
            && i > 0
            && (matches!(self.w(i - 1), "by" | "of" | "amid" | "despite")
                || self.is(i - 1, cls::PREPOSITION))
        {
            return true;
        }
        // "the exposed email", "a quoted passage": a participle used as an adjective
        if past && i > 0 && ADJECTIVE_DETERMINERS.contains(&self.w(i - 1)) {
            return true;
        }
        // "A main issue discussed was ...", "the figures reported were wrong": a participle
        // after a noun and before the verb of its clause (a form of "be") modifies the noun
        if past
            && self.w(i).ends_with("ed")
            && i > 0
            && self.is_word(i - 1)
            && !self.toks[i - 1].cap
            && !self.is(i - 1, cls::PRONOUN | cls::ADVERB | cls::PASSIVE_AUX)
            && !matches!(
                self.w(i - 1),
                "nobody" | "everyone" | "everybody" | "someone" | "somebody" | "anyone"
            )
            && matches!(self.w(i + 1), "was" | "were" | "is" | "are")
            // (the noun opens with an article: not the subject of a clause with a gap, "what
            // many progressives believed was unfair")
            // (nor an inserted clause: "The nearest known black hole — V616 Mon — the study
            // noted was ...")
            && (i.saturating_sub(3)..i - 1).any(|k| {
                matches!(self.w(k), "a" | "an" | "the")
                    && (k == self.sentence_first(i) || (k > 0 && self.is_word(k - 1)))
            })
        {
            return true;
        }
        // "a hurricane warning for Bermuda", "The flood warning was lifted": a noun after its
        // noun modifier, before a preposition or the clause's verb
        if self.w(i).ends_with("ing")
            && i > 1
            && matches!(self.w(i - 2), "a" | "an" | "the")
            && self.is_word(i - 1)
            && !self.toks[i - 1].cap
            && !self.is(i - 1, cls::ADVERB)
            && matches!(
                self.w(i + 1),
                "for" | "was" | "is" | "were" | "are" | "had" | "has" | "remains" | "remained"
            )
        {
            return true;
        }
        // "a process called exfiltration", "a group named X": naming, not saying
        if past
            && i > 1
            && self.lex.naming_verbs.contains(self.w(i))
            && matches!(self.w(i - 2), "a" | "an")
            && self.is_word(i - 1)
            && !self.toks[i - 1].cap
            && !matches!(
                self.w(i + 1),
                "him" | "her" | "it" | "them" | "for" | "on" | "the" | "a" | "an" | "his" | "their"
            )
        {
            return true;
        }
        // 'a program at Fishmongers' Hall called "Learning Together"': a name in quotation
        // marks right after a naming verb is what something is called (no quotation)
        if past
            && self.lex.naming_verbs.contains(self.w(i))
            && (self.punct(i + 1, '"') || self.punct(i + 1, '\u{201c}'))
            && self.open_mark.at(i + 1).is_none()
            // (but 'what WalesOnline called "fury"': the words are the source's)
            && !(i.saturating_sub(4)..i).any(|k| self.w(k) == "what")
        {
            return true;
        }
        // "called off its search", "slammed into the coast", "other pronounced differences",
        // "337 suspected users": no saying
        if matches!(self.w(i + 1), "off" | "into")
            || (past
                && i > 0
                // (but "4 in 10 said Trump ...", "10 said they ...", "Most said they ...":
                // the word before is the subject when no noun follows; and "said" is no
                // adjective there: "more than 4 in 10 said billionaire Donald Trump would")
                && self.w(i) != "said"
                && (matches!(self.w(i - 1), "other" | "more" | "most")
                    || self.w(i - 1).starts_with(|c: char| c.is_ascii_digit()))
                && self.noun_follows(i))
            // "has alleged ties to the IRGC": an adjective
            || (self.w(i) == "alleged" && self.noun_follows(i))
        {
            return true;
        }
        // 'the word "pandemic" only refers to how widely ...', "the term refers to": what a
        // word means, no one's saying
        if matches!(lemma, "refers" | "referred" | "referring")
            && (i.saturating_sub(5)..i).any(|k| {
                matches!(
                    self.w(k),
                    "word" | "term" | "name" | "phrase" | "acronym" | "abbreviation" | "label"
                )
            })
        {
            return true;
        }
        // "One attribute of the plan": "attribute" reports only as "attribute X to Y"
        if lemma == "attribute" {
            let end = self.sentence_end(i).min(i + 14);
            if self.w(i + 1) == "of" || !(i + 2..end).any(|k| self.w(k) == "to") {
                return true;
            }
        }
        // "aren't showing up", "a strong showing", "the most telling promise", "his radio show":
        // a phrasal verb, a noun, an adjective
        if (lemma == "show"
            && (self.w(i + 1) == "up" || (i > 0 && self.lex.show_nouns.contains(self.w(i - 1)))))
            || (self.w(i).ends_with("ing")
                && i > 0
                && (self.lex.ing_adjective_modifiers.contains(self.w(i - 1))
                    || self.w(i - 1).ends_with("best")))
        {
            return true;
        }
        false
    }

    /// "reported extensively on the war", "reports from Kabul", "reported for the BBC": a
    /// journalist's coverage, not a report of what someone said (but "reported on Tuesday
    /// that two died", "reported from Kabul that ...": a day, or a clause, follows)
    fn coverage(&self, i: usize) -> bool {
        if i + 1 >= self.toks.len() {
            return false;
        }
        let k = if self.adverb_ly(i + 1) { i + 2 } else { i + 1 };
        // (looked for in the next 40 tokens: a scan for each such word stays bounded)
        let end = self.sentence_end(i).min(k + 40);
        let clause = (k..end).any(|j| self.w(j) == "that" || self.open_mark.at(j).is_some());
        let coverage = match self.w(k) {
            "from" | "for" => true,
            // (after a manner adverb only: "CNN reported on a distress call" tells of the
            // call)
            "on" => {
                k > i + 1
                    && !self.is(k + 1, cls::DAY)
                    && !self.w(k + 1).starts_with(|c: char| c.is_ascii_digit())
            }
            _ => false,
        };
        coverage && !clause
    }

    /// A verb, but not of saying here: "maintains a wide lead", "it's called", "people hoping
    /// to leave", "Unrest continued", "has found itself", "said to be", "claimed two lives", "a
    /// lake found through radar mapping".
    fn not_saying(&self, i: usize, lemma: &str, speech: bool, past: bool) -> bool {
        // "Clinton maintains a wide lead", "he is advising Pfizer", "could add another title",
        // "the nation began observing a mourning period" (a keeping, after an aspectual verb;
        // "the researchers observed flies around zebras" is what they saw): these verbs report
        // only with a clause ("maintained the USPS could handle it", "advised citizens to
        // leave") or a quotation
        let keeping = lemma == "observe"
            && i > 0
            && matches!(
                self.w(i - 1),
                "began" | "begin" | "begins" | "started" | "start" | "starts" | "continued"
            );
        if (matches!(lemma, "maintain" | "advise" | "add") || keeping)
            && !(self.punct(i + 1, ',')
                || self.punct(i + 1, ':')
                || self.punct(i + 1, '.')
                || self.open_mark.get(i + 1).is_some_and(|q| q.is_some())
                || (i > 0 && (self.close_mark.at(i - 1).is_some() || self.punct(i - 1, ',')))
                || self.clause_follows(i + 1, lemma == "advise")
                // ("added warily: ...")
                || self.manner_adverb_before_report(i + 1))
        {
            return true;
        }
        if lemma == "report" && self.coverage(i) {
            return true;
        }
        // "putting bands on chicks, noting which birds make it back": "note" before "which"
        // records, it does not report
        if lemma == "note" && self.w(i + 1) == "which" {
            return true;
        }
        // "it's called", "they're called": a contracted "is" or "are" before a participle is
        // a passive ("he's said" is "has said")
        if past
            && i > 0
            && (self.w(i - 1).ends_with("'re")
                || (self.toks[i - 1].possessive
                    && self.contracted(i - 1)
                    && self.lex.contracted_passives.contains(self.w(i))))
        {
            return true;
        }
        // "Republicans seeking the White House", "people hoping to leave": a participle after
        // a noun, no statement of intention (that needs "is seeking", ", seeking")
        if self.lex.intention_participles.contains(self.w(i))
            && i > 0
            && self.is_word(i - 1)
            && !self.is(i - 1, cls::PASSIVE_AUX)
            && !self.is(i - 1, cls::ADVERB)
            && !self.adverb_ly(i - 1)
        {
            return true;
        }
        // "Unrest continued in Portland": an aspectual verb reports only with "to" or a quote
        if matches!(
            self.w(i),
            "continued" | "continues" | "continue" | "continuing"
        ) && self.w(i + 1) != "to"
            && !self.punct(i + 1, ':')
            && !self.punct(i + 1, ',')
            // ('"...," he continued.': after a quotation)
            && !(self.punct(i + 1, '.')
                && (self.sentence_first(i)..i).any(|k| self.close_mark.at(k).is_some()))
        {
            return true;
        }
        // "Trump's proposed ban" (a participle after a possessive), "has found
        // itself": adjectives, nouns and objects, not verbs of saying
        if i > 0
            && self.toks[i - 1].possessive
            && !self.contracted(i - 1)
            && !self.w(i).ends_with('s')
        {
            return true;
        }
        if lemma == "find" && REFLEXIVES.contains(&self.w(i + 1)) {
            return true;
        }
        // "agreed to support", "promised to": an intention. PolNeAR counts stated intentions as
        // attributions; verbs of speech followed by "to" are something else ("said to be").
        // "said to an enormous cheer", "said to People" name a hearer and stay cues.
        if self.w(i + 1) == "to"
            && speech
            && (matches!(
                self.w(i + 2),
                "be" | "have" | "been" | "include" | "number" | "total"
            ) || i > 0 && self.is(i - 1, cls::PASSIVE_AUX))
        {
            return true;
        }
        // "FEC reports show that ...": a noun before the verb
        if !past
            && self.w(i).ends_with('s')
            && self.is_cue_form(i + 1)
            && !self.w(i + 1).ends_with("ing")
        {
            return true;
        }
        // "the fire claimed two lives", "claimed victory": a taking, not a saying; unless the
        // object is the subject of a clause of its own ("claimed 90 civilians were wounded":
        // an auxiliary within the next few words, before any punctuation)
        let next = self.w(i + 1);
        if lemma == "claim"
            && (next.starts_with(|c: char| c.is_ascii_digit())
                || self.lex.not_claimed.contains(next))
        {
            let clause_follows = ((i + 2)..(i + 6).min(self.toks.len()))
                .take_while(|&k| self.w(k).starts_with(char::is_alphanumeric))
                .any(|k| crate::grammar::AUXILIARIES.contains(&self.w(k)));
            if !clause_follows {
                return true;
            }
        }
        // "a lake found through radar mapping": a participle, not a verb of saying. Verbs of
        // speech keep their prepositions ("said in a statement").
        // ("he declared in a tweet", "Trump wrote on Facebook": after a pronoun or a name the
        // form is a finite verb)
        let after_subject = i > 0
            && (SUBJECT_PRONOUNS.contains(&self.w(i - 1))
                || self.punct(i - 1, ',')
                || (self.toks[i - 1].cap && self.name_word(i - 1)));
        let agree_with = self.w(i + 1) == "with" && matches!(lemma, "agree" | "disagree");
        if !speech
            && !after_subject
            && !agree_with
            && self.is(i + 1, cls::PREPOSITION)
            && !self.is(i + 1, cls::CUE_PARTICLE)
        {
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{atts, expect};

    #[test]
    fn allows_cue_forms_that_are_no_verbs_of_saying() {
        for text in [
            "The exposed email was long.",
            "The fire claimed two lives.",
            "The fire claimed two lives in a town that was built in 1900.",
            "Clinton maintains a wide lead.",
            "Some reports were long.",
        ] {
            expect(text, &[]);
        }
    }

    #[test]
    fn a_number_claimed_to_be_so_is_a_saying() {
        // the number is the subject of a clause: what is claimed, not what was taken
        let a = atts("Mijares further claimed 90 civilians were wounded in the blast.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0[0].as_str(), a[0].1.as_str()),
            ("Mijares", "further claimed")
        );
        assert_eq!(a[0].2, "90 civilians were wounded in the blast");
    }

    #[test]
    fn a_form_after_a_preposition_is_a_noun() {
        // ("From" was taken for the source of "reports")
        let got = atts("From reports on Saturday, officials said that two died.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, vec!["officials".to_string()]);
        assert_eq!(got[0].2, "that two died");
        expect("Amid claims of fraud, the count went on.", &[]);
    }

    #[test]
    fn observing_a_period_is_no_saying() {
        expect(
            "He was cremated as the nation began observing a mourning period.",
            &[],
        );
        expect(
            "Observers observed that the vote was fair.",
            &[(&["Observers"], "observed", "that the vote was fair")],
        );
        expect(
            "The researchers observed horse flies around zebras.",
            &[(
                &["The researchers"],
                "observed",
                "horse flies around zebras",
            )],
        );
    }

    #[test]
    fn coverage_is_no_report() {
        expect("He was 34 and reported extensively on the civil war.", &[]);
        expect("She reported from Kabul for a decade.", &[]);
        expect(
            "Police reported on Tuesday that two died.",
            &[(&["Police"], "reported", "that two died")],
        );
    }

    #[test]
    fn finds_the_same_forms_as_verbs_of_saying() {
        expect(
            "Smith claimed the email was fake.",
            &[(&["Smith"], "claimed", "the email was fake")],
        );
    }

    #[test]
    fn nouns_and_intentions_are_not_cues() {
        assert!(atts("Some reports of the crash were wrong.").is_empty());
        // no reporting verb with the senator as its source: an agentless report
        let got = atts("The senator was said to be furious with the vote.");
        assert!(got.iter().all(|(s, _, _)| s.is_empty()), "{got:?}");
        assert!(atts("A lake found through radar mapping lies under the ice.").is_empty());
    }
}
