//! Conjuncts of a source phrase that go on with the name before them rather than name sources
//! of their own: "and" inside a body's name ("the High Court of England and Wales", "Road
//! Transport and Bridges Minister Obaidul Quader", "Nils-Erik Haagenrud of Rogaland Fire and
//! Rescue", "The Fire and Rescue").

use crate::extract::context::Ctx;
use crate::extract::nouns::Np;
use crate::lexicon::cls;
use crate::model::MentionKind;

impl Np {
    /// The person or body `head` with the words after it to `end` in the mention, its name
    /// its own: "Tom Hegel of SentinelOne", "Jane Doe in Paris".
    pub(in crate::extract) fn affiliated(head: Np, end: usize) -> Np {
        Np {
            end,
            name_end: head.end,
            kind: MentionKind::Name,
            referent: None,
            ..head
        }
    }
}

impl Ctx<'_> {
    /// True when the token at `k` is an acronym of two capitals or more ("UC", "NPR").
    fn acronym(&self, k: usize) -> bool {
        let t = self.toks[k].span.slice(self.text);
        t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase())
    }

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
                    && !(n.name_start..n.end).any(|k| self.acronym(k))
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
                && !(n.start..n.end).any(|k| self.is(k, cls::TITLE) || self.acronym(k))
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
            *out = vec![Np::affiliated(head, last.end)];
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

    /// The names coordinated before `last` ("X and Y said", "X, Y and Z said", "La Riva,
    /// Hawkins, Blankenship, and Carroll"), `last` among them; `placed` when `last` is a name
    /// with its place after "in" ("Jane Doe in Paris"). Err with one phrase when the names are
    /// places after "in" and the phrase's head before them speaks ("Officials in Texas and
    /// Ohio said").
    pub(in crate::extract) fn coordinated_left(
        &self,
        last: Np,
        placed: bool,
    ) -> Result<Vec<Np>, Np> {
        let mut out = vec![last];
        // coordination: "X and Y said", "X, Y and Z said" (an "and" must join the last two:
        // in "In Paris, Smith said" Paris is no source)
        let mut s = last.start;
        let mut joined = false;
        while s >= 2 && (self.w(s - 1) == "and" || (joined && self.punct(s - 1, ','))) {
            // (a serial comma before "and": "La Riva, Hawkins, Blankenship, and Carroll",
            // in a list of three or more; not a clause after a comma, "in Saqqara and Tuna
            // el-Gebel, and Egyptologists have reported", "Yeah, and I think")
            let serial = self.w(s - 1) == "and" && s >= 3 && self.punct(s - 2, ',');
            let at = if serial { s - 2 } else { s - 1 };
            let listed = |np: &Np| np.start >= 1 && self.punct(np.start - 1, ',');
            match self.name_left(at).filter(|np| !serial || listed(np)) {
                // "Officials in Texas and Ohio said", "Police in Paris and London said":
                // places after "in", the phrase's head before them the source (none
                // there: the places are no sources, "... (CU Boulder) in Colorado and the
                // College of Wooster in Ohio reported")
                Some(np) if np.start >= 2 && self.w(np.start - 1) == "in" => {
                    let before = np.start - 1;
                    // ("John Smith in London and Jane Doe in Paris said": two people)
                    if placed
                        && out[0].name_end < out[0].end
                        && let Some(head) = self.name_left(before)
                    {
                        out.insert(0, Np::affiliated(head, np.end));
                        s = head.start;
                        joined = true;
                        continue;
                    }
                    let head = (self.simple_left(before))
                        .or_else(|| self.anonymous_left(before))
                        .or_else(|| self.name_left(before));
                    if let Some(head) = head {
                        return Err(Np {
                            end: last.end,
                            name_end: head.name_end.min(head.end),
                            ..head
                        });
                    }
                    break;
                }
                Some(np) => {
                    out.insert(0, np);
                    s = np.start;
                    joined = true;
                }
                None => break,
            }
        }
        Ok(out)
    }
}
