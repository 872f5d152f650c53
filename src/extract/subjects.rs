//! Subjects: where the subject of a cue is when it is not right next to it. The subject to the
//! left across an appositive or a relative clause ([`Ctx::subject_left`], "Tom Hegel, a
//! security expert ..., found"), a plain noun phrase opening the sentence ([`Ctx::subject_from`]),
//! the mention after an inverted cue with its appositive ([`Ctx::subject_right`]), and the
//! small tests they need (does a clause follow, does a word look like a verb, where does a
//! recipient of "told" end).

use crate::extract::context::{Behind, Ctx, MinTree};
use crate::extract::nouns::Np;
use crate::grammar::{AUXILIARIES, OBJECT_PRONOUNS, PERSONAL_OBJECT_PRONOUNS};
use crate::grammar::{DETERMINERS, NO_PHRASE_ENDS, SUBJECT_PRONOUNS};
use crate::lexicon::cls;
use crate::model::MentionKind;

/// A stretch of more tokens than this is searched through the paragraph's [`Behind`] tables
/// (shorter ones token by token, which is cheaper for them).
const LONG: usize = 64;

impl<'a> Ctx<'a> {
    /// The subject of a clause ending before `j`: from the clause start (the sentence start, or
    /// after a closing quotation mark, ';' or ':'; an introductory phrase such as "In an
    /// interview Tuesday," skipped) to `j`, appositives included. The head (up to the first
    /// comma) must read as a noun phrase: no verb, no cue, no clause word.
    pub(in crate::extract) fn subject_left(&self, first: usize, j: usize) -> Option<Np> {
        // (over a long stretch the searches below use the paragraph's tables)
        let long = j > first + LONG;
        let opens_before = |k: usize| {
            self.close_mark.at(k).is_some_and(|q| {
                self.quotes[q].is_quotation
                    && self.quotes[q].span.start <= self.toks[first].span.start
            })
        };
        let mut c = first;
        if long {
            // the last ";" or ":", and the last close of a quotation that opened before the
            // sentence, in first..j
            let b = self.behind();
            let last = (b.barrier[j] as usize)
                .checked_sub(1)
                .filter(|&k| k >= first);
            let lo = last.map_or(first, |k| k + 1);
            let at = self.toks[first].span.start;
            let last = (b.opened_at.last_at_most(lo, j, at)).or(last);
            if let Some(k) = last {
                c = k + 1;
            }
        } else {
            for k in (first..j).rev() {
                // (a quotation that opens the sentence: '"...," the spokesman said')
                if opens_before(k) || self.punct(k, ';') || self.punct(k, ':') {
                    c = k + 1;
                    break;
                }
            }
        }
        while c < j && (self.punct(c, ',') || matches!(self.w(c), "and" | "but")) {
            c += 1;
        }
        let mut starts = Vec::with_capacity(3);
        // ("At least half of voters say": a quantity, not a preposition)
        let at_least = self.w(c) == "at" && matches!(self.w(c + 1), "least" | "most");
        // ("Late on Sunday, the president ... announced": a time phrase opens the sentence)
        let late = matches!(self.w(c), "late" | "early") && self.time_end(c + 1) > c + 1;
        if c < j && !at_least && (self.is(c, cls::INTRO) || self.is(c, cls::PREPOSITION) || late) {
            let comma = if j > c + LONG {
                Some(self.behind().next_comma[c] as usize).filter(|&k| k < j)
            } else {
                (c..j).find(|&k| self.punct(k, ','))
            };
            if let Some(comma) = comma {
                starts.push(comma + 1);
            } else if matches!(self.w(c), "yet" | "still" | "but" | "however" | "meanwhile") {
                // "Yet another said"
                starts.push(c + 1);
            }
        } else {
            starts.push(c);
        }
        // the clause may start later: after a clause word ("a strike that company executives
        // said could ...", "where the secretary of state said", "and one in four said")
        let clause = if j > c + LONG {
            (self.behind().clause[j] as usize)
                .checked_sub(1)
                .filter(|&k| k >= c)
        } else {
            (c..j).rev().find(|&k| self.clause_start(k))
        };
        if let Some(k) = clause
            && k + 1 < j
            && !starts.contains(&(k + 1))
        {
            starts.push(k + 1);
        }
        if let Some(np) = starts.into_iter().find_map(|c| self.subject_from(c, j)) {
            return Some(np);
        }
        // or after a comma: a parenthetical cue ("..., the Texas senator's allies say, will
        // be ..."), or a subject with appositives inside a sentence ("..., a spokeswoman, Anna
        // Richardson White, said ..."): the widest run of noun phrases that ends at the cue
        // (the commas in c..j - 1, from the last, at most three)
        let mut best = None;
        let mut k = j.saturating_sub(1);
        let mut tries = 0;
        while k > c && tries < 3 {
            if j > c + LONG {
                match (self.behind().comma[k] as usize).checked_sub(1) {
                    Some(p) if p >= c => k = p,
                    _ => break,
                }
            } else {
                k -= 1;
                // (a dash sets off what comes before as a comma does: "Fiorina was a planner -
                // a former speechwriter said she ...")
                if !self.punct(k, ',') && !self.dash_before_subject(k, j) {
                    continue;
                }
            }
            tries += 1;
            match self.subject_from(k + 1, j) {
                Some(np) => best = Some(np),
                None if best.is_some() => break,
                None => {}
            }
        }
        best
    }

    /// A token after which the clause of a subject may start: a clause word ("that", "where";
    /// "that" and "so" only in lower case) or "and", "or".
    pub(in crate::extract) fn clause_start(&self, k: usize) -> bool {
        self.is(k, cls::CLAUSE_WORD) && !matches!(self.w(k), "that" | "so")
            || self.is(k, cls::CLAUSE_WORD) && !self.toks[k].cap
            || matches!(self.w(k), "and" | "or")
    }

    /// The paragraph's [`Behind`] tables (made when first asked for).
    pub(in crate::extract) fn behind(&self) -> &Behind {
        self.behind.get_or_init(|| {
            let n = self.toks.len();
            let mut b = Behind::default();
            let (mut barrier, mut clause, mut comma) = (0u32, 0u32, 0u32);
            for k in 0..=n {
                b.barrier.push(barrier);
                b.clause.push(clause);
                b.comma.push(comma);
                if k == n {
                    break;
                }
                let at = k as u32 + 1;
                if self.punct(k, ';') || self.punct(k, ':') {
                    barrier = at;
                }
                if self.clause_start(k) {
                    clause = at;
                }
                if self.punct(k, ',') {
                    comma = at;
                }
            }
            b.opened_at = MinTree::new((0..n).map(|k| {
                (self.close_mark.at(k))
                    .filter(|&q| self.quotes[q].is_quotation)
                    .map_or(usize::MAX, |q| self.quotes[q].span.start)
            }));
            b.next_comma = vec![u32::MAX; n + 1];
            for k in (0..n).rev() {
                b.next_comma[k] = if self.punct(k, ',') {
                    k as u32
                } else {
                    b.next_comma[k + 1]
                };
            }
            b
        })
    }

    /// A dash between words: an em or en dash, or a hyphen with spaces around it.
    pub(in crate::extract) fn dash(&self, k: usize) -> bool {
        if self.punct(k, '\u{2014}') || self.punct(k, '\u{2013}') {
            return true;
        }
        if !self.punct(k, '-') {
            return false;
        }
        let sp = self.toks[k].span;
        self.text[..sp.start].ends_with(char::is_whitespace)
            && self.text[sp.end..].starts_with(char::is_whitespace)
    }

    /// A dash at `k` that may set off a clause before the subject of the cue group at `j`: the
    /// subject opens with a determiner or a capital, and the verb is finite ("- a former
    /// speechwriter said"; not "- 1) estimating", "- 12 points to 10").
    fn dash_before_subject(&self, k: usize, j: usize) -> bool {
        self.dash(k)
            && (self.is(k + 1, cls::DETERMINER) || self.toks[k + 1].cap)
            && self.is_word(k + 1)
            && !self.w(k + 1).starts_with(|c: char| c.is_ascii_digit())
            && !self.w(j).ends_with("ing")
    }

    /// A lower-case "-ing" form long enough to be a participle ("clamoring", "recalling").
    pub(in crate::extract) fn ing_participle(&self, k: usize) -> bool {
        let w = self.w(k);
        w.ends_with("ing") && w.len() > 5 && !self.toks[k].cap
    }

    /// `subject_left` from a given clause start `c`.
    pub(in crate::extract) fn subject_from(&self, c: usize, j: usize) -> Option<Np> {
        let mut c = c;
        // (and an opening parenthesis: "(Mr. Lewandowski, who did not respond ..., has denied")
        while c < j && (matches!(self.w(c), "and" | "but" | "or" | "so") || self.punct(c, '(')) {
            c += 1;
        }
        let mut e = j;
        // (an appositive may end in a quotation: 'who calls Trump a "sociopath," said')
        // (dashes set off an appositive as commas do: "Deborah Reynolds - Santilli's girlfriend
        // - told")
        let sep = |k: usize| self.punct(k, ',') || self.dash(k);
        let comma_before =
            j > 1 && (sep(j - 1) || self.close_mark.at(j - 1).is_some() && self.punct(j - 2, ','));
        while e > c && (sep(e - 1) || comma_before && e == j && self.close_mark.at(e - 1).is_some())
        {
            e -= 1;
        }
        // (a subject of more than 45 tokens is none: known before its head is looked for)
        if c >= e || e - c > 45 {
            return None;
        }
        // "Well I think", "Now we fear", "Whenever I", "the page I told you about": the words
        // before a subject pronoun are no part of its phrase (but "my wife and I")
        if e - c >= 2
            && SUBJECT_PRONOUNS.contains(&self.w(e - 1))
            && !matches!(self.w(e - 2), "and" | "or" | "nor")
            && !self.punct(e - 2, ',')
            && self.is_word(e - 2)
        {
            c = e - 1;
        }
        let head_end = (c..e).find(|&k| sep(k)).unwrap_or(e);
        if head_end == c
            || (head_end < e && !comma_before)
            || NO_PHRASE_ENDS.contains(&self.w(head_end - 1))
        {
            return None;
        }
        if head_end == e
            && let Some(np) = self.subject_with_clause(c, e)
        {
            return Some(np);
        }
        if head_end - c > 12 {
            return None;
        }
        // "Ted Cruz, when asked what ..., responded": an adjunct set off by commas is not part
        // of the mention, and may hold cues of its own
        if head_end < e
            && (matches!(
                self.w(head_end + 1),
                "when" | "while" | "after" | "before" | "asked" | "speaking" | "during" | "in"
            ) || self.ing_participle(head_end + 1))
        {
            return self.subject_from(c, head_end);
        }
        // a noun phrase opens with a determiner, a number, a capital or an unnamed head, and
        // has no "to" in its head ("Kurdi's image lead to public calls for ..." is a clause)
        // the head noun: the last word before a preposition ("proponents of more controls",
        // "someone in the audience"), else the last word
        let head = (c + 1..head_end)
            .find(|&k| {
                matches!(
                    self.w(k),
                    "of" | "in" | "at" | "from" | "on" | "with" | "among"
                )
            })
            .map_or(self.w(head_end - 1), |k| self.w(k - 1));
        // (not "released a statement confirming": a verb opens no noun phrase)
        if self.looks_like_verb(c) || self.is_cue_form(c) {
            return None;
        }
        let opener =
            self.opens_a_noun_phrase(c, head) || e == c + 1 && self.bare_plural_speaker(c, j);
        // ("The deputy head of China's delegation to the forum said", "the ambassador to the
        // UN": "to" after the head of a source opens a phrase of it)
        // ("to the" is never an infinitive: "The deputy head of China's delegation to the forum
        // said"; before a name, only after the head of a source: "the ambassador to Mexico")
        let to_of_head = |k: usize| {
            k > c
                && ((self.w(k + 1) == "the" && self.is_word(k - 1) && !self.looks_like_verb(k - 1))
                    || (self.name_word(k + 1)
                        && (self.is(k - 1, cls::SOURCE_HEAD | cls::ANONYMOUS_HEAD)
                            || self.body_word(k - 1))))
        };
        if !opener
            || (c..head_end).any(|k| self.w(k) == "to" && !self.toks[k].cap && !to_of_head(k))
        {
            return None;
        }
        // "Humphrey, who calls Trump a "sociopath," said": a relative clause in the appositive
        // may hold cues and quotations of its own
        // ("Mark Cuban, the owner of the Mavericks who rebuffed pleas ..., says": from its
        // relative word on)
        let relative = (head_end..e)
            .find(|&k| matches!(self.w(k), "who" | "which" | "whose"))
            .unwrap_or(e);
        for k in c..e {
            let in_head = k < head_end;
            if !in_head && k >= relative {
                continue;
            }
            if self.used[k]
                || self.in_quote.at(k).is_some()
                || self.open_mark.at(k).is_some()
                // (in the appositive, a cue form that reads as a noun is none: "Bob Friedman, a
                // talk show host ..., said")
                || (self.is_cue_form(k) && (in_head || !self.cue_form_as_noun(k)))
                || (in_head
                    && ((self.is(k, cls::VERBISH)
                        && !(self.w(k) == "than"
                            && k > c
                            && matches!(self.w(k - 1), "more" | "less" | "fewer" | "greater")))
                        || !(self.is_word(k)
                            || self.punct(k, '-')
                            || self.punct(k, '.')
                            || self.punct(k, '%')
                            || self.punct(k, '/')
                            || self.punct(k, '&')
                            || self.punct(k, '(')
                            || self.punct(k, ')'))
                        || (k > c
                            && self.looks_like_verb(k)
                            && !self.participle_after_head(k)
                            && !self.adverb_ly(k - 1)
                            && !self.is(k - 1, cls::DETERMINER)
                            && !self.is(k - 1, cls::QUANTITY))))
            {
                return None;
            }
        }
        let mut np = self.np_naming_inside(c, e);
        if np.kind == MentionKind::Other
            && let Some(h) = (c..head_end).find(|&k| self.is(k, cls::ANONYMOUS_HEAD))
        {
            np.kind = self.anonymous_kind(c, h);
        }
        Some(np)
    }

    /// "Hawkins and others who want to ban abortion said", "Republican activists clamoring to
    /// block Trump say": the subject `c..e` as a noun phrase, then a relative or participle
    /// clause that belongs to it (of any length: "Another Muslim who worshiped at the Islamic
    /// Center here and who didn't want to be named said"; past twelve words, with a named or
    /// capitalised head or the head of a source, not "the fact that it's the same brain region
    /// that we see ... tells us").
    fn subject_with_clause(&self, c: usize, e: usize) -> Option<Np> {
        let r = (c + 1..e).find(|&k| {
            !self.toks[k].cap && matches!(self.w(k), "who" | "that" | "whose")
                // ("Democrats trying to regain ... say": after a noun, not a determiner;
                // "Majorities of Democrats ... going to the polls Tuesday say")
                || ((self.ing_participle(k) || matches!(self.w(k), "going" | "doing" | "using"))
                    && (k > c + 1 || !self.is(c, cls::DETERMINER)))
        })?;
        if (r..e).any(|k| self.open_mark.at(k).is_some() || self.in_quote.at(k).is_some()) {
            return None;
        }
        let np = self.subject_from(c, r)?;
        (e - c <= 12
            || np.kind != MentionKind::Other
            || self.toks[np.start].cap
            || self.is(np.end - 1, cls::SOURCE_HEAD | cls::ANONYMOUS_HEAD))
        .then_some(Np { end: e, ..np })
    }

    /// True when the cue form at `k` is no verb here ("a talk show host", "his claims").
    fn cue_form_as_noun(&self, k: usize) -> bool {
        let lemma = self.lex.cue_lemma(self.w(k));
        self.not_a_cue_here(k, lemma, self.lex.speech_verbs.contains(lemma))
    }

    /// A bare plural noun in lower case alone before a verb of saying at `j` (its adverbs
    /// aside): the subject of the parenthetical or clause it opens ("..., forecasters say
    /// health spending will ...", "the issues facing the community, respondents said, are
    /// ...").
    fn bare_plural_speaker(&self, c: usize, j: usize) -> bool {
        let w = self.w(c);
        let mut v = j;
        while v < self.toks.len() && self.is(v, cls::ADVERB) {
            v += 1;
        }
        !self.toks[c].cap
            && w.len() > 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && !self.toks[c].possessive
            && self.is_word(c)
            && !self.looks_like_verb(c)
            && !self.is(c, cls::VERBISH | cls::ADVERB | cls::PREPOSITION | cls::NON_SOURCE)
            && self.lex.speech_verbs.contains(self.lex.cue_lemma(self.w(v)))
            // (a clause or a parenthetical's comma after it: not "countries announced stricter
            // measures")
            && (self.punct(v + 1, ',') || self.clause_follows(v + 1, false))
    }

    /// True when a noun phrase can open at `c` with the head word `head`: a capital, a
    /// determiner, a number or quantity, an unnamed head, a body, or the head of a source or
    /// of evidence.
    fn opens_a_noun_phrase(&self, c: usize, head: &str) -> bool {
        self.toks[c].cap
            || self.is(c, cls::DETERMINER)
            // ("three-quarters of the voters", "two-thirds")
            || self.w(c).split_once('-').is_some_and(|(n, _)| DETERMINERS.contains(&n))
            || self.is(c, cls::QUANTITY)
            || self.w(c).starts_with(|ch: char| ch.is_ascii_digit())
            || self.is(c, cls::ANONYMOUS_HEAD)
            || self.body_at(c)
            || self.lex.anonymous_heads.contains(head)
            || self.lex.source_heads.contains(head)
            // ("video footage from the scene shows ...": evidence speaks for itself)
            || self.lex.evidence_nouns.contains(head)
    }

    /// True when token `k` is a manner adverb before what a cue reports: a colon, "that" or a
    /// quotation ("added warily: ...", "said angrily that ...").
    pub(in crate::extract) fn manner_adverb_before_report(&self, k: usize) -> bool {
        k < self.toks.len()
            && self.adverb_ly(k)
            && (self.punct(k + 1, ':')
                || self.w(k + 1) == "that"
                || self.open_mark.get(k + 1).flatten().is_some())
    }

    /// The end of a cue's tail starting at `k`: a particle ("called for", "warned of") or "in a
    /// statement" / "in an interview" (PolNeAR's cues include them).
    pub(in crate::extract) fn cue_tail(&self, k: usize) -> usize {
        let verb = if k > 0 { self.w(k - 1) } else { "" };
        // "pointed out", "made it clear": the whole phrase
        if k > 0 {
            let n = self.phrase_at(k - 1);
            if n > 1 {
                return k - 1 + n;
            }
        }
        // "said Sunday": a day right after the verb is part of the cue (PolNeAR: 163 of 240)
        if self.toks.get(k).is_some_and(|t| t.cap && !t.possessive) && self.is(k, cls::DAY) {
            return k + 1;
        }
        // "added warily: ...", "said angrily that ...": the manner adverb is part of the cue
        if self.manner_adverb_before_report(k) {
            return k + 1;
        }
        // "referring to", "responded to", "pointed to"
        if self.w(k) == "to"
            && ["refer", "respond", "point", "allud", "repl"]
                .iter()
                .any(|p| verb.starts_with(p))
            && self.is_word(k + 1)
        {
            return k + 1;
        }
        // "called for", but not "said on Monday"; "said" takes no particle ("said of him")
        // ('wrote on Twitter, "..."': a medium before a quotation, no particle)
        if self.is(k, cls::CUE_PARTICLE)
            && self.lex.cue_lemma(verb) != "say"
            && self.quote_after_adjunct(k).is_none()
            && self.is_word(k + 1)
            && !(self.toks[k + 1].cap && self.is(k + 1, cls::NON_SOURCE))
            && !self.w(k + 1).starts_with(|c: char| c.is_ascii_digit())
        {
            return k + 1;
        }
        if self.w(k) == "in"
            && matches!(self.w(k + 1), "a" | "an")
            && self.lex.speech_nouns.contains(self.w(k + 2))
        {
            return k + 3;
        }
        k
    }

    /// The source after an inverted cue: from `s` to the end of the sentence, or to an opening
    /// quotation, a ';' or a ", but"/", and" that starts another clause.
    pub(in crate::extract) fn subject_right(&self, s: usize) -> Option<Np> {
        let end = self.sentence_end(s.min(self.toks.len().saturating_sub(1)));
        if s >= end || !self.is_word(s) || self.is(s, cls::PREPOSITION) || self.is(s, cls::VERBISH)
        {
            return None;
        }
        let mut e = s;
        while e < end {
            let clause = self.punct(e, ',')
                && matches!(
                    self.w(e + 1),
                    "but"
                        | "and"
                        | "while"
                        | "as"
                        | "adding"
                        | "saying"
                        | "noting"
                        | "speaking"
                        | "referring"
                        | "meanwhile"
                        | "according"
                        | "in"
                        | "following"
                        | "during"
                        | "after"
                );
            if self.open_mark.at(e).is_some()
                || self.punct(e, ';')
                || self.punct(e, ':')
                || clause
                || self.used[e]
            {
                break;
            }
            e += 1;
        }
        while e > s && !self.is_word(e - 1) && !self.toks[e - 1].is(')') {
            e -= 1;
        }
        if e == s || e - s > 40 {
            return None;
        }
        Some(self.np_naming_inside(s, e))
    }

    /// "those surveyed", "voters polled": a participle that closes a noun phrase.
    /// ("New polls released Sunday", but not "officials arrested three men": no object follows;
    /// a survey participle closes any head: "Cuban-Americans polled", `survey-participles.txt`)
    pub(in crate::extract) fn participle_after_head(&self, k: usize) -> bool {
        k > 0
            && (matches!(self.w(k - 1), "those" | "people" | "adults" | "americans")
                || self.is(k - 1, cls::ANONYMOUS_HEAD)
                || self.is(k - 1, cls::SOURCE_HEAD)
                || self.lex.survey_participles.contains(self.w(k)) && self.is_word(k - 1))
            && !(self.is(k + 1, cls::DETERMINER) || OBJECT_PRONOUNS.contains(&self.w(k + 1)))
    }

    /// ", who added that ...": a relative clause after a comma at `k` with a cue of its own
    /// before `end`, which is no part of the speaker's mention before it.
    pub(in crate::extract) fn relative_with_cue(&self, k: usize, end: usize) -> bool {
        matches!(self.w(k), "who" | "which")
            && k > 0
            && self.punct(k - 1, ',')
            && (k..end).any(|c| self.is_cue_form(c))
    }

    /// A lower-case word after `i` that opens no clause or phrase: the form at `i` modifies it
    /// ("337 suspected users", "alleged ties").
    pub(in crate::extract) fn noun_follows(&self, i: usize) -> bool {
        self.is_word(i + 1)
            && !self.toks[i + 1].cap
            && !self.is(i + 1, cls::PRONOUN)
            && !self.is(i + 1, cls::DETERMINER)
            && !self.is(i + 1, cls::PREPOSITION)
            && !matches!(self.w(i + 1), "that" | "we" | "i" | "there" | "this" | "to")
    }

    /// A clause opens at `k`: "that", or a finite verb within a few words before any
    /// punctuation ("maintained [the USPS could] handle"); with `to`, also "to" ("advised U.S.
    /// citizens to leave").
    pub(in crate::extract) fn clause_follows(&self, k: usize, to: bool) -> bool {
        if self.w(k) == "that" {
            return true;
        }
        (k..(k + 8).min(self.toks.len()))
            .take_while(|&t| self.is_word(t))
            .any(|t| {
                (to && self.w(t) == "to")
                    || (t > k && (AUXILIARIES.contains(&self.w(t)) || self.looks_like_verb(t)))
            })
    }

    /// A lower-case past-tense form ("attacked") inside what would be a subject: the words are a
    /// clause, not a noun phrase.
    pub(in crate::extract) fn looks_like_verb(&self, k: usize) -> bool {
        const ADJECTIVES: &[&str] = &[
            "advanced",
            "affiliated",
            "armed",
            "based",
            "concerned",
            "dedicated",
            "detailed",
            "elected",
            "experienced",
            "informed",
            "interested",
            "limited",
            "named",
            "registered",
            "related",
            "renowned",
            "respected",
            "retired",
            "united",
            "unnamed",
            "unidentified",
            "noted",
        ];
        let t = &self.toks[k];
        let lower = self.words[k];
        t.is_word() && !t.cap && lower.ends_with("ed") && !ADJECTIVES.contains(&lower)
    }

    pub(in crate::extract) fn recipient_end(&self, k: usize) -> usize {
        if let Some(np) = self.simple_right(k) {
            return np.end;
        }
        if PERSONAL_OBJECT_PRONOUNS.contains(&self.w(k)) {
            return k + 1;
        }
        for len in [2, 1] {
            if self.with_joined(k, k + len, |words| self.lex.recipients.contains(words)) {
                return k + len;
            }
        }
        if let Some(np) = self.name_right(k) {
            return np.end;
        }
        // "told the Associated Press", "told a news conference"
        if matches!(self.w(k), "the" | "a" | "an") {
            let mut e = k + 1;
            while e < k + 4 && self.np_word(e) && !self.punct(e, ',') {
                e += 1;
                if !self.is_word(e) || self.w(e) == "that" {
                    break;
                }
            }
            return e;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::context::{Ctx, Scratch};
    use crate::extract::tests::{analysis, atts};
    use crate::lexicon::Lexicons;
    use crate::ruleset::Ruleset;
    use crate::token::tokenize;

    /// Subjects the clause-start, head-length and dash rules used to miss (PolNeAR train
    /// sentences), and what those rules must still refuse.
    #[test]
    fn long_and_set_off_subjects() {
        let one = |text: &str, source: &str, cue: &str| {
            let got = atts(text);
            assert!(
                got.iter()
                    .any(|(s, c, _)| c == cue && s == &[source.to_string()]),
                "{text}: {got:?}"
            );
        };
        one(
            "Another Muslim who worshiped at the Islamic Center here and who didn't want to be named said he heard it.",
            "Another Muslim who worshiped at the Islamic Center here and who didn't want to be named",
            "said",
        );
        one(
            "Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied.",
            "Majorities of Democrats in five states going to the polls Tuesday",
            "say",
        );
        one(
            "Bob Friedman, a talk show host at the oldest radio station in Alabama, said that he noticed the shift.",
            "Bob Friedman, a talk show host at the oldest radio station in Alabama",
            "said",
        );
        one(
            "The deputy head of China\u{2019}s delegation to the forum said the United States should reduce its exercises.",
            "The deputy head of China\u{2019}s delegation to the forum",
            "said",
        );
        one(
            "If it doesn't slow down, forecasters say health spending will cripple the economy.",
            "forecasters",
            "say",
        );
        one(
            "Fiorina was a planner - a former speechwriter said she demanded detailed analyses.",
            "a former speechwriter",
            "said",
        );
        one(
            "Even so, more than 4 in 10 said billionaire Donald Trump would be best.",
            "more than 4 in 10",
            "said",
        );
        // a bare plural names no speaker of an act; nor does what follows a dash start with a
        // number; nor is a long phrase with an unnamed head a speaker
        for text in [
            "Around the world, countries announced stricter measures to inhibit the disease.",
            "They went into the break down by only two points - 12 points to 10.",
            "And the fact that it's the same brain region that we see to be active in humans tells us that rats and humans are alike.",
        ] {
            let got = atts(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    /// The tables of `Behind` answer each search of `subject_left` as the token-by-token scan
    /// does, from every start and end in long random paragraphs.
    #[test]
    fn behind_tables_are_the_scans() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let alphabet = [
            "said ",
            "Smith ",
            "x ",
            ", ",
            "; ",
            ": ",
            "\"",
            "\u{201d} ",
            "that ",
            "That ",
            "and ",
            "or ",
            "so ",
            "where ",
            "In ",
        ];
        for text in crate::testutil::random_texts(&alphabet, 0x5eed_1234_abcd_0001, 40, 400) {
            let a = analysis(&text, &lex);
            for pi in 0..a.doc.blocks.len() {
                let toks = tokenize(&a.doc.text, a.doc.blocks[pi].span, &lex.abbreviations);
                let cx = Ctx::new(&a, &lex, pi, &toks, Scratch::default());
                let b = cx.behind();
                let n = cx.toks.len();
                let last =
                    |c: usize, j: usize, p: &dyn Fn(usize) -> bool| (c..j).rev().find(|&k| p(k));
                let table = |v: &[u32], c: usize, j: usize| {
                    (v[j] as usize).checked_sub(1).filter(|&k| k >= c)
                };
                for j in 0..=n {
                    for c in [0, j / 2, j.saturating_sub(3), j] {
                        let semi = |k: usize| cx.punct(k, ';') || cx.punct(k, ':');
                        assert_eq!(table(&b.barrier, c, j), last(c, j, &semi));
                        // the last close of a quotation that opened at or before token c
                        let at = cx.toks.get(c).map_or(usize::MAX, |t| t.span.start);
                        let close = |k: usize| {
                            cx.close_mark.at(k).is_some_and(|q| {
                                cx.quotes[q].is_quotation && cx.quotes[q].span.start <= at
                            })
                        };
                        assert_eq!(b.opened_at.last_at_most(c, j, at), last(c, j, &close));
                        assert_eq!(table(&b.clause, c, j), last(c, j, &|k| cx.clause_start(k)));
                        let comma = |k: usize| cx.punct(k, ',');
                        assert_eq!(table(&b.comma, c, j), last(c, j, &comma));
                        let next = Some(b.next_comma[c] as usize).filter(|&k| k < j);
                        assert_eq!(next, (c..j).find(|&k| comma(k)));
                    }
                }
            }
        }
    }

    /// At the end of a sentence of thousands of tokens, the subject after its last ";" and one
    /// after a clause word are found through the tables as in a short sentence.
    #[test]
    fn subjects_at_the_end_of_a_long_sentence() {
        let long = "said x ".repeat(3000);
        let tail = "; Smith said the plan works.";
        assert_eq!(
            atts(&format!("{long}{tail}")),
            atts(&format!("said x{tail}"))
        );
        let tail = " where the mayor said the plan works.";
        let got = atts(&format!("{long}{tail}"));
        assert_eq!(got, atts(&format!("said x{tail}")));
        assert_eq!(got[0].0, ["the mayor"]);
    }
}
