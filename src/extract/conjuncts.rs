//! Conjuncts of a source phrase that go on with the name before them rather than name sources
//! of their own: "and" inside a body's name ("the High Court of England and Wales", "Road
//! Transport and Bridges Minister Obaidul Quader", "Nils-Erik Haagenrud of Rogaland Fire and
//! Rescue", "The Fire and Rescue").

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::lexicon::cls;
use crate::model::MentionKind;

impl Ctx<'_> {
    /// "the Philippine Institute of Volcanology and Seismology", "the High Court of England and
    /// Wales", "Institute of Epidemiology, Disease Control and Research": after the name of a
    /// body with "of" or "for" in it, short conjuncts that name no person nor a body of their
    /// own and open with no determiner go on with that name (one mention, not two sources).
    pub(in crate::extract) fn join_body_name(&self, out: &mut Vec<Np>) {
        // "Road Transport and Bridges Minister Obaidul Quader", "Health and Social Care Secretary
        // Matt Hancock": a title before the last conjunct's name is the office of all of them
        if let [.., prev, last] = out[..]
            && out.len() == 2
            && last.name_start > last.start
            && (last.start..last.name_start).any(|k| self.is(k, cls::TITLE))
            // (the office's words before the title: not "Smith and Senator John Doe")
            && !self.is(last.start, cls::TITLE)
            && prev.start == prev.name_start
            && !self.lex.given_names.contains_key(self.w(prev.name_start))
        {
            *out = vec![Np {
                start: prev.start,
                ..last
            }];
            return;
        }
        if out.len() >= 2
            && (out[0].name_start..out[0].end).any(|k| matches!(self.w(k), "of" | "for"))
            && out[1..].iter().all(|n| {
                n.end - n.name_start <= 2
                    && n.start == n.name_start
                    && !self.body_word(n.end - 1)
                    && !self.lex.given_names.contains_key(self.w(n.name_start))
                    // (nor an acronym: "UC Davis" is a body of its own)
                    && !(n.name_start..n.end).any(|k| {
                        let t = self.toks[k].span.slice(self.text);
                        t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase())
                    })
            })
        {
            let last = out[out.len() - 1];
            *out = vec![Np {
                start: out[0].start,
                name_start: out[0].name_start,
                ..last
            }];
        }
    }

    /// Conjuncts before a cue that go on with the name before them rather than name sources of
    /// their own, when none of them can name a person (no determiner, title, given name or
    /// acronym of their own): after a person's affiliation ("Nils-Erik Haagenrud of Rogaland
    /// Fire and Rescue said": the person; not "Smith of Reuters and the WHO said"), or after a
    /// name opened by "the" with no body word in it ("The Fire and Rescue said", "the National
    /// Measles Response and Recovery Appeal"; not "the University of Oxford and Imperial
    /// College").
    pub(in crate::extract) fn join_name_conjuncts(&self, out: &mut Vec<Np>) {
        let (Some(&first), Some(&last)) = (out.first(), out.last()) else {
            return;
        };
        let acronym = |k: usize| {
            let t = self.toks[k].span.slice(self.text);
            t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase())
        };
        // (nor an outlet's name: "The Guardian and Reuters reported")
        let outlet = |n: &Np| {
            let name =
                &self.text[self.toks[n.name_start].span.start..self.toks[n.end - 1].span.end];
            crate::hash::with_lower(name, |l| {
                self.lex.media_names.contains(l)
                    || self.lex.media_names.contains(format!("the {l}").as_str())
            })
        };
        let personless = |n: &Np| {
            !self.lex.given_names.contains_key(self.w(n.name_start))
                && !(n.start..n.end).any(|k| self.is(k, cls::TITLE) || acronym(k))
                && !outlet(n)
        };
        if out.len() < 2
            || !out[1..]
                .iter()
                .all(|n| n.start == n.name_start && personless(n) && !self.body_word(n.end - 1))
            || !personless(&first)
        {
            return;
        }
        if first.start >= 2
            && matches!(self.w(first.start - 1), "of" | "at" | "from")
            && let Some(head) = self.name_left(first.start - 1)
            && !(head.start..head.end).any(|k| self.body_word(k))
        {
            *out = vec![Np {
                start: head.start,
                end: last.end,
                name_start: head.name_start,
                name_end: head.end,
                kind: MentionKind::Name,
                referent: None,
            }];
        } else if first.start < first.name_start
            && self.w(first.start) == "the"
            && !(first.name_start..first.end).any(|k| self.body_word(k))
        {
            *out = vec![Np {
                start: first.start,
                name_start: first.name_start,
                ..last
            }];
        }
    }
}
