//! Noun phrases and mentions: the recognisers of a source phrase to the right or to the left
//! of a token ([`Np`]): names with titles and affiliations ("Sen. Jack Reed (D-R.I.)"),
//! descriptions ("the ministry", "a spokeswoman"), anonymous sources ("officials familiar with
//! the matter"), pronouns, generic and quantity phrases ("nearly half of voters"), lists of them
//! ("Smith and Jones"), and their conversion to [`crate::model::Mention`]s.

use crate::extract::context::Ctx;
use crate::grammar::{POSSESSIVE_DETERMINERS, PRONOUNS, SUBJECT_PRONOUNS};
use crate::lexicon::cls;
use crate::model::Mention;
use crate::model::MentionKind;
use crate::span::Span;

/// Words before a body's voice ("a former spokesman") that say what kind of voice it is, not
/// whose: with only these, the voice stays anonymous (a closed class of modifiers).
const NOT_A_BODY: &[&str] = &[
    "anonymous",
    "chief",
    "deputy",
    "former",
    "official",
    "other",
    "senior",
    "unidentified",
    "unnamed",
];

/// A noun phrase found at some position: tokens `start..end`, the name part from `name_start`.
#[derive(Debug, Clone, Copy)]
pub(in crate::extract) struct Np {
    pub(in crate::extract) start: usize,
    pub(in crate::extract) end: usize,
    pub(in crate::extract) name_start: usize,
    /// end of the name part (before an affiliation such as "of SentinelOne")
    pub(in crate::extract) name_end: usize,
    pub(in crate::extract) kind: MentionKind,
    /// The tokens that name the source when the phrase runs past them (a carrier before, a
    /// post-modifier or an anonymity clause after: [`crate::model::Mention::referent`]).
    pub(in crate::extract) referent: Option<(usize, usize)>,
}

impl Np {
    pub(in crate::extract) fn new(
        start: usize,
        end: usize,
        name_start: usize,
        kind: MentionKind,
    ) -> Np {
        Np {
            start,
            end,
            name_start,
            name_end: end,
            kind,
            referent: None,
        }
    }
}

impl<'a> Ctx<'a> {
    // ---------------------------------------------------------------- noun phrases

    pub(in crate::extract) fn title_at(&self, i: usize) -> usize {
        // number of tokens of the longest title starting at i; the words are looked up joined
        // only while they start a title (most words neither are one nor start one)
        let class = self.class(i);
        if !self.is_word(i) || class & (cls::TITLE | cls::TITLE_START) == 0 {
            return 0;
        }
        let prefixes = &self.lex.word_classes.title_prefixes;
        let mut best = 0;
        let mut words = self.scratch.borrow_mut();
        words.clear();
        for k in 0..self.lex.max_title_words {
            if !self.is_word(i + k) {
                break;
            }
            if k > 0 {
                words.push(' ');
            }
            words.push_str(self.w(i + k));
            let (title, prefix) = if k == 0 {
                (class & cls::TITLE != 0, class & cls::TITLE_START != 0)
            } else {
                (
                    self.lex.titles.contains(words.as_str()),
                    prefixes.contains(words.as_str()),
                )
            };
            if title {
                best = k + 1;
            }
            if !prefix {
                break;
            }
        }
        best
    }

    pub(in crate::extract) fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // "al-Eryani", "el-Sisi": a lower-case particle joined to a capitalised name
        let particle = |s: &str| {
            s.split_once('-').is_some_and(|(p, rest)| {
                matches!(p, "al" | "el" | "ad" | "as" | "ash" | "bin" | "ibn") && !rest.is_empty()
            })
        };
        let text = t.span.slice(self.text);
        t.is_word()
            && (t.cap
                || (particle(text)
                    && text
                        .split_once('-')
                        .is_some_and(|(_, r)| r.starts_with(char::is_uppercase))))
            && self.in_quote.at(i).is_none()
    }

    /// A proper name (with titles) starting at `i`.
    pub(in crate::extract) fn name_right(&self, i: usize) -> Option<Np> {
        let n = self.toks.len();
        let mut k = i;
        let mut name_start = i;
        let mut has_name_word = false;
        if self.w(k) == "the" && self.name_word(k + 1) {
            k += 1;
            name_start = k;
        }
        if k < n && self.name_word(k) && self.is(k, cls::NON_SOURCE) && self.title_at(k) == 0 {
            return None;
        }
        while k < n && self.same_sentence(i, k) {
            let tl = self.title_at(k);
            if tl > 0 {
                // a title: the name starts after it ("Acme chief John Doe"); a lower-case title
                // after a name that no name follows ends the name ("Smith, spokesman")
                if has_name_word && !self.toks[k].cap && !self.name_word(k + tl) {
                    break;
                }
                k += tl;
                name_start = k;
                has_name_word = false;
                // "Minister of Information Moammar al-Eryani": the office's object, then the
                // name (its last two words, or the last one when only two follow "of")
                // ("Ambassador to the United Nations Nikki Haley": "the" may open the object)
                let the = usize::from(self.w(k + 1) == "the");
                if matches!(self.w(k), "of" | "to" | "for") && self.name_word(k + 1 + the) {
                    let mut e = k + 1 + the;
                    while self.name_word(e) && self.same_sentence(i, e) {
                        e += 1;
                    }
                    let n = e - (k + 1 + the);
                    if n >= 2 {
                        name_start = if n >= 3 { e - 2 } else { e - 1 };
                        k = e;
                        has_name_word = true;
                        continue;
                    }
                }
                continue;
            }
            if self.name_word(k) {
                has_name_word = true;
                let poss = self.toks[k].possessive;
                k += 1;
                if poss && self.name_word(k) && self.body_word(k) {
                    // "the Sheriff's Office": the possessive is part of the name
                    continue;
                }
                if poss {
                    // "Putin's spokesman Dmitry Peskov": only a title may follow
                    if self.title_at(k) > 0 && self.name_word(k + self.title_at(k)) {
                        k += self.title_at(k);
                        name_start = k;
                        has_name_word = false;
                        continue;
                    }
                    break;
                }
                continue;
            }
            if has_name_word
                && self.connector(k)
                && self.name_word(k + 1)
                && !self.is(k + 1, cls::TITLE)
            {
                k += 1;
                continue;
            }
            // a lowercase modifier before a title ("security expert Tom Hegel") is not part of it
            break;
        }
        if !has_name_word || name_start >= k {
            return None;
        }
        Some(Np::new(i, k, name_start, MentionKind::Name))
    }

    /// A proper name ending just before `end`.
    pub(in crate::extract) fn name_left(&self, end: usize) -> Option<Np> {
        if end == 0 || !self.name_word(end - 1) {
            return None;
        }
        let mut s = end - 1;
        // "Well I think", "Now We hope", "Christian Keysers))  We": no name ends in a pronoun
        // of the first or second person; the pronoun alone is the mention
        let pronoun = SUBJECT_PRONOUNS.contains(&self.w(end - 1));
        while !pronoun && s > 0 && self.same_sentence(s - 1, end - 1) {
            let p = s - 1;
            let ok = self.name_word(p)
                || (self.is_word(p) && self.is(p, cls::TITLE))
                || (p > 0 && self.connector(p) && self.name_word(p - 1))
                || (self.w(p) == "the" && self.name_word(p + 1));
            if !ok
                || (self.name_word(p)
                    && self.toks[p].possessive
                    && !self.is(p + 1, cls::TITLE)
                    && !self.body_word(p + 1))
            {
                break;
            }
            s = p;
        }
        for st in s..end {
            if let Some(np) = self.name_right(st)
                && np.end == end
            {
                return Some(np);
            }
        }
        None
    }

    /// A word that may join the parts of one name: "Ministry of Defence", "Ludwig van Beethoven".
    /// "of"/"for" join only after a word that names a body or an office ("University of", not
    /// "Tom Hegel of SentinelOne").
    pub(in crate::extract) fn connector(&self, k: usize) -> bool {
        let w = self.w(k);
        // "Who Gives a Crap": a lower-case article inside a run of capitalised words (two
        // before it) is part of the name
        if w == "a" && !self.toks[k].cap {
            return k >= 2
                && self.name_word(k - 1)
                && self.name_word(k - 2)
                && self.same_sentence(k - 2, k)
                && self.toks.get(k + 1).is_some_and(|t| t.cap)
                && self.name_word(k + 1);
        }
        if !self.is(k, cls::CONNECTOR) || w == "and" {
            return false;
        }
        if matches!(w, "of" | "for" | "the" | "&" | "to" | "on") {
            let (prev, prev_class) = if k > 0 {
                (self.w(k - 1), self.class(k - 1))
            } else {
                ("", self.classes_none)
            };
            return prev_class & (cls::ORGANIZATION | cls::GOVERNMENT | cls::TITLE) != 0
                || (w == "the" && prev == "of")
                || w == "&";
        }
        true
    }

    pub(in crate::extract) fn description_at(&self, i: usize, len: usize) -> bool {
        if i + len > self.toks.len() {
            return false;
        }
        // (a description's first word is a token's word: no other needs the lookup)
        if self.is(i, cls::DESCRIPTION_START)
            && self.with_joined(i, i + len, |words| {
                self.lex.descriptions.contains_key(words)
            })
        {
            return true;
        }
        // "the foreign minister", "the county sheriff": a role that refers back to a person
        // (unless a name follows: "the foreign minister Sergei Lavrov")
        self.w(i) == "the"
            && (i + 1..i + len)
                .all(|k| self.is_word(k) && !self.toks[k].cap && self.in_quote.at(k).is_none())
            && self.is(i + len - 1, cls::TITLE)
            && !self.name_word(i + len)
    }

    pub(in crate::extract) fn simple_right(&self, i: usize) -> Option<Np> {
        let w = self.w(i);
        if self.in_quote.get(i).flatten().is_some() {
            return None;
        }
        // (not "the former top aide to ...": an adjective there)
        if w == "the"
            && matches!(self.w(i + 1), "former" | "latter")
            && !(self.np_word(i + 2) && !self.is(i + 2, cls::VERBISH) || self.name_word(i + 2))
        {
            return Some(Np::new(i, i + 2, i, MentionKind::Ordinal));
        }
        for len in [3, 2] {
            if self.description_at(i, len) {
                return Some(Np::new(i, i + len, i, MentionKind::Description));
            }
        }
        if self.is(i, cls::PRONOUN) && self.is_word(i) {
            return Some(Np::new(i, i + 1, i, MentionKind::Pronoun));
        }
        if self.body_at(i) {
            return Some(Np::new(i, i + 1, i, MentionKind::Other));
        }
        if w == "the" {
            // "the police", "the emergencies ministry"
            for m in 1..=3 {
                if self.body_at(i + m) {
                    return Some(Np::new(i, i + m + 1, i + 1, MentionKind::Other));
                }
                if !self.np_word(i + m) {
                    break;
                }
            }
        }
        None
    }

    pub(in crate::extract) fn simple_left(&self, end: usize) -> Option<Np> {
        if end == 0 {
            return None;
        }
        if end >= 2 && self.w(end - 2) == "the" && matches!(self.w(end - 1), "former" | "latter") {
            return Some(Np::new(end - 2, end, end - 2, MentionKind::Ordinal));
        }
        for len in [3, 2] {
            if end >= len && self.description_at(end - len, len) {
                return Some(Np::new(end - len, end, end - len, MentionKind::Description));
            }
        }
        let w = self.base(end - 1);
        if PRONOUNS.contains(&w) && self.is_word(end - 1) {
            return Some(Np::new(end - 1, end, end - 1, MentionKind::Pronoun));
        }
        if self.body_at(end - 1) {
            let start = if end >= 2 && self.w(end - 2) == "the" {
                end - 2
            } else {
                end - 1
            };
            return Some(Np::new(start, end, end - 1, MentionKind::Other));
        }
        None
    }

    /// A word naming a body: "Office", "Ministry", "Institute".
    pub(in crate::extract) fn body_word(&self, i: usize) -> bool {
        self.is(i, cls::ORGANIZATION | cls::GOVERNMENT)
    }

    /// A lower-case "-ly" word or a time adverb before a verb: "openly", "typically", "now".
    pub(in crate::extract) fn adverb_ly(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let lower = self.words[k];
        t.is_word()
            && !t.cap
            && ((lower.ends_with("ly")
                && lower.len() > 4
                && !matches!(
                    lower,
                    "family" | "italy" | "ally" | "rally" | "july" | "only"
                ))
                || matches!(lower, "now" | "meanwhile" | "today" | "yesterday" | "too"))
    }

    /// A capitalised word that does not open its sentence: part of a name ("Bad Source").
    pub(in crate::extract) fn capitalised_mid_sentence(&self, i: usize) -> bool {
        self.toks[i].cap && self.sentence_first(i) != i
    }

    /// An unnamed public body: "police", "the military", "prosecutors".
    pub(in crate::extract) fn body_at(&self, i: usize) -> bool {
        // ("prosecutor Josh Bash" is a title before a name, not a body)
        self.is_word(i)
            && !self.toks[i].cap
            && self.is(i, cls::GOVERNMENT)
            && self.in_quote.at(i).is_none()
            && !self.name_word(i + 1)
    }

    /// True when the head of `np` (its last word before a preposition, else its last word) is
    /// the head of a source (`source-heads.txt`, `anonymous-heads.txt`): "both parents", "his
    /// campaign", "a number of the families of those killed".
    pub(in crate::extract) fn source_headed(&self, np: Np) -> bool {
        let head = (np.start + 1..np.end)
            .find(|&k| self.is(k, cls::PREPOSITION))
            .unwrap_or(np.end)
            - 1;
        head >= np.start && self.is(head, cls::SOURCE_HEAD | cls::ANONYMOUS_HEAD)
    }

    pub(in crate::extract) fn np_word(&self, i: usize) -> bool {
        self.is_word(i)
            && self.in_quote.at(i).is_none()
            && !self.is(i, cls::STOP)
            && !self.is(i, cls::CUE_VERB)
    }

    /// An unnamed source starting at `i`: "officials", "a person familiar with the matter".
    pub(in crate::extract) fn anonymous_right(&self, i: usize) -> Option<Np> {
        let mut k = i;
        if self.is(k, cls::DETERMINER) {
            k += 1;
        }
        let mut head = None;
        for m in 0..5 {
            let p = k + m;
            if !self.same_sentence(i, p)
                || !(self.np_word(p) || self.is(p, cls::DETERMINER) && m == 0)
            {
                break;
            }
            if self.is(p, cls::ANONYMOUS_HEAD) && !self.capitalised_mid_sentence(p) {
                head = Some(p);
                // "official Jane Doe": a title, not an anonymous head
                if self.name_word(p + 1) && !self.punct(p + 1, ',') {
                    return None;
                }
                break;
            }
        }
        let h = head?;
        let end = self.postmodifier(h + 1);
        Some(Np::new(i, end, i, self.anonymous_kind(i, h)))
    }

    /// The kind of a mention `start..` with the anonymous head `head`: a body's voice with the
    /// body named ("a Hampshire Police spokesman", "a city spokesperson", "a spokeswoman for
    /// the ministry") is the institution speaking (`voice-heads`), not an anonymous source.
    pub(in crate::extract) fn anonymous_kind(&self, start: usize, head: usize) -> MentionKind {
        if !self.lex.voice_heads.contains(self.w(head)) {
            return MentionKind::Anonymous;
        }
        let names_body = |k: usize| self.is_word(k) && (self.toks[k].cap || self.body_word(k));
        // any noun before the head names the body ("a hospital spokesperson"), but not a
        // word that says what kind of voice it is ("a former spokesman")
        let before = (start..head).any(|k| {
            self.is_word(k)
                && !self.is(k, cls::DETERMINER | cls::QUANTITY)
                && !NOT_A_BODY.contains(&self.w(k))
                && (names_body(k) || !self.adverb_ly(k))
        });
        let mut after = head + 2;
        let determined = self.is(after, cls::DETERMINER);
        if determined {
            after += 1;
        }
        // ("a spokeswoman for the city", "a representative of the family": a voice for a
        // definite body is that body's, whatever its noun)
        let after = matches!(self.w(head + 1), "for" | "of")
            && self.same_sentence(head, after)
            && (names_body(after)
                || determined && self.w(head + 2) == "the" && self.np_word(after));
        if before || after {
            MentionKind::Other
        } else {
            MentionKind::Anonymous
        }
    }

    pub(in crate::extract) fn postmodifier(&self, from: usize) -> usize {
        if !self.is(from, cls::POSTMODIFIER) || self.w(from) == "who" && self.is_cue_form(from + 1)
        {
            return from;
        }
        let mut k = from;
        while k < self.toks.len() && k < from + 10 && self.same_sentence(from, k) && self.is_word(k)
        {
            if self.is_cue_form(k) && k > from {
                break;
            }
            k += 1;
        }
        k
    }

    pub(in crate::extract) fn anonymous_left(&self, end: usize) -> Option<Np> {
        if end == 0 {
            return None;
        }
        // find a head at most 10 tokens back, followed by a postmodifier reaching `end`
        let lo = end.saturating_sub(11);
        for h in (lo..end).rev() {
            if !self.is_word(h) || !self.same_sentence(h, end - 1) {
                break;
            }
            if self.is(h, cls::ANONYMOUS_HEAD) && !self.capitalised_mid_sentence(h) {
                let pm = self.postmodifier(h + 1);
                if pm != end && h + 1 != end {
                    continue;
                }
                let mut s = h;
                let mut m = 0;
                while s > 0
                    && m < 4
                    && self.same_sentence(s - 1, h)
                    && (self.np_word(s - 1) || self.is(s - 1, cls::DETERMINER))
                {
                    s -= 1;
                    m += 1;
                    if self.is(s, cls::DETERMINER) {
                        break;
                    }
                    // "current and former officials", "U.S. and European officials": two
                    // modifiers of the one head joined by "and" / "or" (not two sources:
                    // "police and local officials", "Smith and other officials")
                    if s >= 2
                        && m < 4
                        && matches!(self.w(s - 1), "and" | "or")
                        && self.same_sentence(s - 2, h)
                        && self.coordinated_modifier(s - 2, s)
                    {
                        s -= 2;
                        m += 1;
                    }
                }
                return Some(Np::new(s, end, s, self.anonymous_kind(s, h)));
            }
        }
        None
    }

    /// True when the word `p` before "and" can modify the head as the word `q` after it does:
    /// a word of a noun phrase that is no determiner, no source or anonymous head of its own,
    /// no name (unless `q` is capitalised too: "U.S. and European officials"), and no
    /// quantity ("two and three officials" is no phrase of ours).
    fn coordinated_modifier(&self, p: usize, q: usize) -> bool {
        self.np_word(p)
            && !self.is(
                p,
                cls::DETERMINER | cls::QUANTITY | cls::ANONYMOUS_HEAD | cls::SOURCE_HEAD,
            )
            && !self.body_at(p)
            && !self.looks_like_verb(p)
            && (!self.capitalised_mid_sentence(p) || self.toks[q].cap)
            && !self.toks[p].possessive
    }

    /// Names joined by "and" / commas, starting at `i`: "Nicholas Weaver and Matt Tait".
    pub(in crate::extract) fn names_right(&self, i: usize) -> Vec<Np> {
        let mut out = Vec::new();
        let Some(first) = self.name_right(i) else {
            return out;
        };
        out.push(first);
        let mut k = first.end;
        loop {
            let next = if self.w(k) == "and" {
                k + 1
            } else if self.punct(k, ',') && self.w(k + 1) == "and" {
                k + 2
            } else if self.punct(k, ',') {
                k + 1
            } else {
                break;
            };
            match self.name_right(next) {
                Some(np)
                    if np.kind == MentionKind::Name
                        && (self.w(k) == "and"
                            || self.w(k + 1) == "and"
                            || self.has_and_after(np.end)) =>
                {
                    out.push(np);
                    k = np.end;
                }
                _ => break,
            }
        }
        self.join_body_name(&mut out);
        // "said Doyle and others": the last mention takes in "and others"
        if let Some(last) = out.last_mut()
            && self.w(last.end) == "and"
            && self.w(last.end + 1) == "others"
        {
            last.end += 2;
        }
        out
    }

    pub(in crate::extract) fn has_and_after(&self, k: usize) -> bool {
        self.w(k) == "and" || (self.punct(k, ',') && self.w(k + 1) == "and")
    }

    /// "Windsor Locks' first selectman, Chris Kervick", "Angela Merkel's spokesperson, Steffen
    /// Seibert", "the El Paso mayor, Dee Margo": a name that only describes, a role, a comma,
    /// and the name of the source.
    pub(in crate::extract) fn described_name_right(&self, i: usize) -> Option<Np> {
        let start = i;
        let i = if matches!(self.w(i), "the" | "a") {
            i + 1
        } else {
            i
        };
        let n = self.name_right(i)?;
        // (a title only: "FEC records, De La Fuente's ..." is no description of a name)
        let modifier = self.name_modifies(n.end, false);
        if !modifier {
            return None;
        }
        let mut k = n.end;
        while k < n.end + 4 && self.is_word(k) && !self.toks[k].cap && self.same_sentence(i, k) {
            k += 1;
        }
        if k == n.end || !self.punct(k, ',') {
            return None;
        }
        let m = self.name_right(k + 1)?;
        Some(Np {
            start,
            end: m.end,
            name_start: m.name_start,
            name_end: m.end,
            kind: MentionKind::Name,
            referent: None,
        })
    }

    /// Source mentions starting at `i` (after "according to", "by", an inverted "said").
    pub(in crate::extract) fn sources_right(&self, i: usize) -> Vec<Np> {
        // "data from the World Bank", "a statement released by the ministry": the source is
        // behind the carrier ([`crate::extract::speakers`])
        let carried = self.carried_right(i);
        if !carried.is_empty() {
            return carried;
        }
        if let Some(np) = self.described_name_right(i) {
            return vec![np];
        }
        if let Some(np) = self.simple_right(i) {
            return vec![np];
        }
        if let Some(anon) = self.anonymous_right(i) {
            // "two specialists, Nicholas Weaver and Matt Tait": the names are the sources
            if self.punct(anon.end, ',') {
                let names = self.names_right(anon.end + 1);
                if !names.is_empty() {
                    return names;
                }
            }
            return vec![anon];
        }
        let mut names = self.names_right(i);
        if names.is_empty() {
            // "study co-author Professor Carl Lipo": lower-case words before a titled name;
            // "his nephew Michery el Soheil", "her friend Jane Roe": after a possessive
            let possessive = POSSESSIVE_DETERMINERS.contains(&self.w(i));
            for k in 1..=3 {
                let opener = k == 1 && possessive && self.is_word(i + 1) && !self.toks[i + 1].cap;
                if !(self.np_word(i + k - 1) || opener) || self.toks[i + k - 1].cap {
                    break;
                }
                if let Some(np) = self.name_right(i + k) {
                    names = vec![Np { start: i, ..np }];
                    break;
                }
            }
        }
        // "Carl Lipo of Binghamton University": the affiliation belongs to the mention
        if names.len() == 1 {
            let e = names[0].end;
            if matches!(self.w(e), "of" | "at" | "from") {
                let aff = self.name_right(e + 1).or_else(|| {
                    (self.w(e + 1) == "the")
                        .then(|| self.name_right(e + 2))
                        .flatten()
                });
                if let Some(aff) = aff {
                    names[0].end = aff.end;
                }
            }
        }
        names
    }

    /// A definite noun phrase ending before `end`: "the archaeologists", "the study".
    pub(in crate::extract) fn generic_left(&self, end: usize) -> Option<Np> {
        let mut s = end;
        while s > 0 && end - s < 3 && self.np_word(s - 1) && !self.toks[s - 1].cap {
            s -= 1;
        }
        if s == end || s == 0 {
            return None;
        }
        let mut det = s - 1;
        let w = self.w(det);
        let mut is_det = matches!(
            w,
            "the" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "my"
        ) && self.same_sentence(det, end - 1);
        // "Trump's campaign", "Sanders' team": a possessor instead of a determiner
        if !is_det && self.toks[det].possessive && self.name_word(det) {
            is_det = true;
            if let Some(owner) = self.name_left(det + 1) {
                det = owner.start;
            }
        }
        // the head must look like a noun: not an adjective or adverb ending
        let head = self.w(end - 1);
        if !is_det || head.ends_with("ly") || head.len() < 3 {
            return None;
        }
        Some(Np::new(det, end, det, MentionKind::Other))
    }

    /// Source mentions ending just before `end` (the subject of a reporting verb).
    pub(in crate::extract) fn sources_left(&self, end: usize) -> Vec<Np> {
        // "Hawkins, Blankenship, and Carroll all argued": a quantifier after names (not the
        // subject itself, "To varying degrees, all agreed")
        if end >= 2
            && self.w(end - 1) == "all"
            && ((self.is_word(end - 2) && self.toks[end - 2].cap) || self.punct(end - 2, ')'))
            && self.same_sentence(end - 2, end - 1)
        {
            return self.sources_left(end - 1);
        }
        // "Sen. Marco Rubio (R-Fla.) said": a short parenthesis after the mention belongs to it
        if end >= 3 && self.punct(end - 1, ')') {
            let open = (end.saturating_sub(8)..end - 1)
                .rev()
                .find(|&k| self.punct(k, '(') || self.punct(k, ')'));
            if let Some(open) = open
                && self.punct(open, '(')
                && open > 0
                && self.same_sentence(open, end - 1)
            {
                let mut nps = self.sources_left(open);
                // "The Department of Forestry and Fire Protection (CalFire) said": a name given
                // its short form in parentheses is one body, whatever "and" stands inside it
                if let [.., prev, last] = nps[..]
                    && prev.end + 1 == last.start
                    && self.w(prev.end) == "and"
                    && last.name_start == last.start
                    && self.names_a_body_of(prev)
                    && self.short_form_of(open + 1..end - 1, prev.name_start, last.start, last.end)
                {
                    nps.pop();
                    let n = nps.len();
                    nps[n - 1] = Np {
                        start: prev.start,
                        name_start: prev.name_start,
                        ..last
                    };
                }
                if let Some(last) = nps.last_mut() {
                    last.end = end;
                }
                return nps;
            }
            return Vec::new();
        }
        if let Some(np) = self.simple_left(end) {
            return vec![np];
        }
        if let Some(np) = self.anonymous_left(end) {
            // "officials and experts said": two unnamed sources joined by "and"
            if np.start >= 2
                && self.w(np.start - 1) == "and"
                && let Some(prev) = self.anonymous_left(np.start - 1)
                && prev.end == np.start - 1
            {
                return vec![prev, np];
            }
            return vec![np];
        }
        if let Some(mut last) = self.name_left(end) {
            // "Tom Hegel of SentinelOne said": the person, with the affiliation in the mention
            // (and "Jane Doe in Paris said": the person, not the place)
            let placed = last.start >= 2 && self.w(last.start - 1) == "in";
            if last.start >= 2
                && (placed || matches!(self.w(last.start - 1), "of" | "at" | "from"))
                && let Some(head) = self.name_left(last.start - 1)
            {
                last = Np::affiliated(head, last.end);
            } else if let Some(np) = self.head_of_name_left(last) {
                last = np;
            }
            // "the National Search and Rescue Agency": "and" inside the name of a body
            // (not "the University of Oxford and Imperial College": two bodies)
            if last.start >= 2
                && self.w(last.start - 1) == "and"
                && self.body_word(last.end - 1)
                && let Some(prev) = self.name_left(last.start - 1)
                && !(prev.name_start..prev.end).any(|k| self.body_word(k))
            {
                return vec![Np {
                    start: prev.start,
                    name_start: prev.name_start,
                    ..last
                }];
            }
            let mut out = match self.coordinated_left(last, placed) {
                Ok(out) => out,
                Err(places) => return vec![places],
            };
            // "the Philippine Institute of Volcanology and Seismology", "the High Court of
            // England and Wales", "Institute of Epidemiology, Disease Control and Research":
            // after the name of a body with "of" or "for" in it, short conjuncts that name no
            // person and open with no determiner go on with that name
            self.join_body_name(&mut out);
            self.join_name_conjuncts(&mut out);
            if out.len() == 1 {
                out[0].start = self.modifiers_left(out[0].start);
            }
            return out;
        }
        let Some(np) = self.generic_left(end) else {
            return Vec::new();
        };
        // "Trump and his supporters claimed", "The mayor and his deputy said": a name or another
        // such phrase joined to it by "and", and opening the clause, is a second source (not
        // "Obama met Netanyahu and his wife said")
        if np.start >= 2
            && self.w(np.start - 1) == "and"
            && let Some(prev) =
                (self.name_left(np.start - 1)).or_else(|| self.generic_left(np.start - 1))
            && prev.end == np.start - 1
            && (prev.start == self.sentence_first(prev.start)
                || self.punct(prev.start - 1, ',')
                || self.is(prev.start - 1, cls::CLAUSE_WORD))
        {
            return vec![prev, np];
        }
        vec![np]
    }

    /// "The senator from Vermont said", "The government of President Petro O. Poroshenko said",
    /// "Republican members of Congress said": a name that is the object of a preposition after
    /// an unnamed head is no subject of its own; the phrase is the mention. The name stays its
    /// referent, as behind a carrier ("a poll by the Public Policy Institute",
    /// [`crate::extract::speakers`]): whom the phrase stands for is read from the name, as
    /// before the phrase was taken in ("An official from TfL" is TfL's voice, "The government
    /// of Oman" Oman's).
    fn head_of_name_left(&self, name: Np) -> Option<Np> {
        // "Researchers in the United Kingdom found", "Doctors in Gaza said": an unnamed group
        // in a place is the source, the place no speaker (but "an official in the Trump
        // administration" is the body's voice: its name stays the source)
        // ("an assembly of several foreign ministers in Cairo denounced": the phrase before
        // "in" as the clause's subject)
        if name.start >= 2
            && self.w(name.start - 1) == "in"
            && !self.body_word(name.end - 1)
            && let Some(head) = (self.anonymous_left(name.start - 1)).or_else(|| {
                let first = self.sentence_first(name.start);
                (self.subject_left(first, name.start - 1))
                    .filter(|h| self.is(h.start, cls::DETERMINER))
            })
            && head.end == name.start - 1
        {
            return Some(Np {
                end: name.end,
                ..head
            });
        }
        if name.start < 2 || !matches!(self.w(name.start - 1), "of" | "at" | "from" | "for" | "by")
        {
            return None;
        }
        let p = name.start - 1;
        // (a plain phrase only with the head of a source or a carrier, and short: not "The ad
        // uses footage of Hillary Clinton")
        let generic = || {
            self.generic_left(p).filter(|h| {
                h.end - h.start <= 5
                    && (self.lex.carrier_nouns.contains(self.w(p - 1))
                        || self.is(p - 1, cls::SOURCE_HEAD))
            })
        };
        let head = self
            .simple_left(p)
            .or_else(|| self.anonymous_left(p))
            .or_else(generic)
            // (not an appositive whose comma never closes: "Sam Lau, the communications
            // director for the Iowa Democratic Party said")
            .filter(|h| {
                h.end == p
                    && h.kind != MentionKind::Pronoun
                    && !(h.start > 0 && self.punct(h.start - 1, ','))
            })?;
        Some(Np {
            start: head.start,
            referent: Some(name.referent.unwrap_or((name.start, name.end))),
            ..name
        })
    }

    /// True when `np` is the name of a body followed by its field: "Department of Forestry",
    /// "Ministry of Health" (a body word, then "of" inside the name).
    fn names_a_body_of(&self, np: Np) -> bool {
        (np.name_start + 1..np.end).any(|k| self.w(k) == "of" && self.body_word(k - 1))
    }

    /// True when the words `short` in parentheses can be the short form of the whole name
    /// `start..end` rather than of its last part `last..end` alone: an acronym of capitals is
    /// the initials of the whole ("Department of Health and Human Services (HHS)", not
    /// "Doctors Without Borders (MSF)" after "the Ministry of Health and"); any other single
    /// word ("(CalFire)") is taken as the whole's.
    fn short_form_of(
        &self,
        short: std::ops::Range<usize>,
        start: usize,
        last: usize,
        end: usize,
    ) -> bool {
        if short.len() != 1 || !self.is_word(short.start) {
            return false;
        }
        let word = self.toks[short.start].span.slice(self.text);
        if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
            return true;
        }
        let initials = |r: std::ops::Range<usize>| -> Vec<u8> {
            r.filter(|&k| self.toks[k].cap)
                .filter_map(|k| self.toks[k].span.slice(self.text).bytes().next())
                .collect()
        };
        let within = |hay: &[u8]| {
            let mut it = hay.iter();
            word.bytes().all(|c| it.any(|&h| h == c))
        };
        within(&initials(start..end)) && !within(&initials(last..end))
    }

    /// Where a name's mention starts when words that describe the person stand before it:
    /// "Republican candidate Lindsey Graham", "public defender Shannon S. Quill", "The
    /// Washington Post's Ed O'Keefe" (at most six words, up to a determiner).
    pub(in crate::extract) fn modifiers_left(&self, start: usize) -> usize {
        let mut s = start;
        while s > 0 && start - s < 6 && self.same_sentence(s - 1, start) {
            let p = s - 1;
            let w = self.w(p);
            // (a possessive opens the phrase as an article does: "his nephew Michery el Soheil")
            if matches!(w, "the" | "a" | "an") || POSSESSIVE_DETERMINERS.contains(&w) {
                s = p;
                break;
            }
            let describes = self.is_word(p)
                && !self.used[p]
                && self.in_quote.at(p).is_none()
                && !self.is_cue_form(p)
                && !self.is(p, cls::STOP | cls::VERBISH | cls::NON_SOURCE)
                && !self.looks_like_verb(p)
                && !self.adverb_ly(p);
            if !describes {
                break;
            }
            s = p;
        }
        // a run that ends in a lower-case word only, or no noun, is not worth it: keep the
        // extension only when it reaches a determiner, a capitalised word or a title
        // (or the run ends in a noun of a person or body: "digital strategist Phil Musser",
        // "industry analyst Jane Roe")
        let worth = matches!(self.w(s), "the" | "a" | "an")
            || POSSESSIVE_DETERMINERS.contains(&self.w(s))
            || self.toks[s].cap
            || (s..start).any(|k| self.is(k, cls::TITLE))
            || (s < start && self.is(start - 1, cls::SOURCE_HEAD | cls::ANONYMOUS_HEAD));
        if s < start && worth { s } else { start }
    }

    /// Evidence ("technical evidence", "data", "documents") starting at `i`.
    pub(in crate::extract) fn evidence_right(&self, i: usize) -> Option<usize> {
        let mut k = i;
        if self.is(k, cls::DETERMINER) || self.w(k) == "its" || self.w(k) == "their" {
            k += 1;
        }
        for m in 0..4 {
            let p = k + m;
            if !self.is_word(p) {
                return None;
            }
            if self.is(p, cls::EVIDENCE) {
                let mut e = p + 1;
                while self.is(e, cls::EVIDENCE) {
                    e += 1;
                }
                return Some(e);
            }
            if self.is(p, cls::STOP) {
                return None;
            }
        }
        None
    }

    pub(in crate::extract) fn mentions(&self, nps: &[Np]) -> Vec<Mention> {
        // ("he's said": the mention is "he", without its auxiliary)
        let trim = |mut span: Span, last: usize| {
            if self.contracted(last) {
                let text = span.slice(self.text);
                if let Some(a) = text.rfind(['\'', '\u{2019}']) {
                    span.end = span.start + a;
                }
            }
            span
        };
        nps.iter()
            .map(|np| Mention {
                span: trim(self.span(np.start, np.end), np.end - 1),
                name: trim(
                    self.span(np.name_start, np.name_end),
                    np.name_end.saturating_sub(1),
                ),
                kind: np.kind,
                referent: np.referent.map(|(s, e)| trim(self.span(s, e), e - 1)),
                source: None,
            })
            .collect()
    }

    /// A name ending at `end` describes what follows it rather than naming it: a possessive or
    /// a place before a title or a head noun ("Angela Merkel's spokesperson", "El Paso mayor",
    /// "the New York businessman", "Clinton aides").
    /// With `heads` false only a title counts after the name.
    pub(in crate::extract) fn name_modifies(&self, end: usize, heads: bool) -> bool {
        self.toks[end - 1].possessive
            || (self.is_word(end)
                && !self.toks[end].cap
                && (self.is(end, cls::TITLE)
                    || heads
                        && ((self.name_word(end + 1) && !self.is(end, cls::STOP))
                            || self.is(end, cls::SOURCE_HEAD)
                            || self.is(end, cls::ANONYMOUS_HEAD))))
    }

    /// A noun phrase over tokens `s..e`, named by the first name inside it: "The group's
    /// executive director, Betty Bradley" is Betty Bradley (a name of two words or more, or one
    /// that opens the phrase); without one it is a plain phrase (`Other`).
    /// A lower-case word at `k` that may be a noun of a phrase: no function word, adverb,
    /// reflexive or verb ("delegate", "researcher"; not "himself", "and", "who", "said").
    fn lower_noun_at(&self, k: usize) -> bool {
        const NOT: u64 = cls::STOP
            | cls::PREPOSITION
            | cls::CLAUSE_WORD
            | cls::DETERMINER
            | cls::PRONOUN
            | cls::CONNECTOR
            | cls::ADVERB
            | cls::VERBISH;
        self.is_word(k)
            && !self.toks[k].cap
            && !self.is(k, NOT)
            && !self.w(k).ends_with("self")
            && !self.w(k).ends_with("selves")
            && !self.adverb_ly(k)
            && !self.looks_like_verb(k)
            && !self.is_cue_form(k)
    }

    pub(in crate::extract) fn np_naming_inside(&self, s: usize, e: usize) -> Np {
        let mut np = Np::new(s, e, s, MentionKind::Other);
        // "The American Samoan delegate to the U.S. House, Aumua Amata", "the president of the
        // Tunisian League for the Defence of Human Rights, Jamel Msallem": a description with
        // a title or a lower-case noun, then a name as its appositive: the appositive's name
        if let Some(p) = (s + 1..e).find(|&c| self.punct(c, ','))
            && let Some(a) = self.name_right(p + 1)
            && a.end == e
            && a.start == p + 1
            && a.end - a.name_start >= 2
            && (s..p).any(|k| self.is(k, cls::TITLE) || self.lower_noun_at(k))
        {
            np.kind = MentionKind::Name;
            np.name_start = a.name_start;
            np.name_end = a.end;
            return np;
        }
        let mut k = s;
        while k < e {
            if let Some(n) = self.name_right(k) {
                // a possessive or a place before a title describes the head, it is not it:
                // "Angela Merkel's spokesperson, Steffen Seibert", "El Paso mayor, Dee Margo"
                let modifier = self.name_modifies(n.end, true);
                if n.end <= e && !modifier && (n.end - n.name_start >= 2 || k == s) {
                    np.kind = MentionKind::Name;
                    np.name_start = n.name_start;
                    np.name_end = n.end;
                    break;
                }
                k = n.end;
            } else {
                k += 1;
            }
        }
        np
    }
}
