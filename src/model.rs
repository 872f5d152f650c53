//! The analysis of one document: what every stage produces, in `text` coordinates.

use crate::input::SourceDoc;
use crate::registry::RegistryMatch;
use crate::span::Span;
use serde::Serialize;

/// A sentence (or a heading line) of the document.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Index of its paragraph (block).
    pub paragraph: usize,
    /// A leading label such as "What Happened:" that is not part of the sentence's claim.
    pub label: Option<Span>,
}

/// A quotation (or a quoted term).
#[derive(Debug, Clone)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included (or to the end of the paragraph
    /// when the quote is left open).
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// False for scare quotes and quoted names ("Zircon"): a term, not someone's words.
    pub is_quotation: bool,
    /// True when the quote is left open at the end of its paragraph and the next paragraph
    /// reopens it (a quote running over paragraphs).
    pub continues: bool,
    /// True when the quote has no closing mark.
    pub unclosed: bool,
}

/// The kind of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// `"...," X said.`
    DirectQuote,
    /// `X said (that) ...`
    Indirect,
    /// `according to X`
    AccordingTo,
    /// `... was confirmed by X`, `based on data reviewed by X`
    Passive,
    /// `reportedly`, `is accused of`, `it was announced that`: reported, but not by whom (no
    /// source: `Attribution::sources` is empty)
    Agentless,
    /// Anything else.
    Other,
    /// A turn of an interview transcript: "((Rich Bowen)) I'm ...", "TAPPER: You said ..."
    /// (the paragraphs of the turn its content).
    Transcript,
    /// A claim sentence's hyperlink to a source, with no reporting words ("The breach lasted
    /// five months ([report](https://...))"): the anchor is both its cue and its mention.
    Link,
}

/// What a mention is, grammatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Tom Hegel", "Reuters"), possibly with a title.
    Name,
    /// he, she, they, it...
    Pronoun,
    /// "the outlet", "the company": refers back to a source of a kind.
    Description,
    /// "the former", "the latter".
    Ordinal,
    /// An unnamed source ("officials", "a person familiar with the matter").
    Anonymous,
    /// A plain noun phrase that names no one in particular ("the report", "a study").
    Other,
}

/// A mention of a source at an attribution.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The whole mention as written ("Russian President Vladimir Putin").
    pub span: Span,
    /// The name part without titles ("Vladimir Putin"), for naming and matching.
    pub name: Span,
    /// Its kind.
    pub kind: MentionKind,
    /// For a mention whose words run past the words that name its source (a carrier before
    /// them, "a statement released by the Supreme Court"; a post-modifier or an anonymity
    /// clause after them, "the ministry in a statement", "a spokesperson for the city, who
    /// spoke on condition of anonymity"), those words; `None` when they are the whole `span`.
    pub referent: Option<Span>,
    /// The source it refers to (index into `Analysis::sources`), once resolved.
    pub source: Option<usize>,
}

/// The longest content kept, in bytes of the text (about 700 words). A longer one is cut here
/// and marked [`Content::truncated`]: in "he said that he said that ..." each cue's content runs
/// to the end of the sentence, so a sentence of N cues would give contents of N * N / 2 bytes
/// in all (1.5 GB of report for 200 KB of text). The longest content in the Wikinews sample
/// is 742 bytes, and a multi-paragraph quotation of a few thousand bytes is rare.
pub const MAX_CONTENT_BYTES: usize = 4096;

/// What is attributed, possibly in pieces.
#[derive(Debug, Clone)]
pub struct Content {
    /// Covers all fragments.
    pub span: Span,
    /// The pieces, in order (one piece for uninterrupted content).
    pub fragments: Vec<Span>,
    /// True when the content went on past [`MAX_CONTENT_BYTES`] and was cut there.
    pub truncated: bool,
}

impl Content {
    /// Content made of one piece.
    pub fn single(span: Span) -> Content {
        Content {
            span,
            fragments: vec![span],
            truncated: false,
        }
    }

    /// Content made of pieces (sorted, non-empty).
    pub fn from_fragments(fragments: Vec<Span>) -> Content {
        let span = fragments
            .iter()
            .skip(1)
            .fold(fragments[0], |acc, f| acc.cover(*f));
        Content {
            span,
            fragments,
            truncated: false,
        }
    }

    /// This content, cut to at most [`MAX_CONTENT_BYTES`] of `text` (at a character boundary,
    /// white space at the cut trimmed) and marked truncated when it was longer.
    pub fn capped(self, text: &str) -> Content {
        if self.span.len() <= MAX_CONTENT_BYTES {
            return self;
        }
        let mut cut = self.span.start + MAX_CONTENT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let fragments: Vec<Span> = (self.fragments.iter())
            .filter(|f| f.start < cut)
            .map(|f| {
                if f.end > cut {
                    Span::new(f.start, cut).trim(text)
                } else {
                    *f
                }
            })
            .filter(|f| !f.is_empty())
            .collect();
        let mut c = if fragments.is_empty() {
            Content::single(Span::new(self.span.start, cut))
        } else {
            Content::from_fragments(fragments)
        };
        c.truncated = true;
        c
    }
}

/// Who said what: a source (one or more mentions), a cue and a content.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// Kind.
    pub kind: AttributionKind,
    /// The source mentions (two for "Nicholas Weaver and Matt Tait"); none for an
    /// [`AttributionKind::Agentless`] attribution.
    pub sources: Vec<Mention>,
    /// The sources this attribution's source relies on, as it says ("according to Reuters,
    /// citing two officials": the officials; "the Times reported, quoting a company memo"): one
    /// chain of one account with `sources`, never a second voice. Mostly empty.
    pub cited: Vec<Mention>,
    /// The reporting words.
    pub cue: Span,
    /// The lemma of the cue verb ("say", "according to"), for the loaded-verb check.
    pub cue_lemma: String,
    /// What is attributed.
    pub content: Option<Content>,
    /// Index of the sentence the cue is in.
    pub sentence: usize,
    /// Index of the paragraph the cue is in.
    pub paragraph: usize,
}

/// The kind of a document source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A person.
    Person,
    /// A company, NGO, institute...
    Organization,
    /// A news organisation.
    Media,
    /// A government body.
    Government,
    /// An unnamed source.
    Anonymous,
    /// Not known.
    Unknown,
}

impl From<crate::registry::EntryKind> for SourceKind {
    /// The kind a registry row gives the source it matches.
    fn from(k: crate::registry::EntryKind) -> SourceKind {
        use crate::registry::EntryKind;
        match k {
            EntryKind::Person => SourceKind::Person,
            EntryKind::Organization => SourceKind::Organization,
            EntryKind::Media => SourceKind::Media,
            EntryKind::Government => SourceKind::Government,
            EntryKind::Anonymous => SourceKind::Anonymous,
        }
    }
}

/// A person or body the document cites.
#[derive(Debug, Clone)]
pub struct Source {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: SourceKind,
    /// True for unnamed sources.
    pub anonymous: bool,
    /// True when a proper name identifies it (not "the study", not an unresolved "she").
    pub named: bool,
    /// The registry row it matched.
    pub registry: Option<RegistryMatch>,
    /// The matched row's credibility.
    pub credibility: Option<crate::registry::Credibility>,
    /// Every place the document names or refers to it, in order.
    pub mentions: Vec<Span>,
    /// Normalized name forms that identify it (full name, surname...).
    pub keys: Vec<String>,
}

/// How a message or a table names a source called `name`: the name itself, or, for a bare
/// pronoun that resolution found no one for ("She"), "an unnamed speaker ('she')", never the
/// pronoun as if it were a name.
pub fn source_label(name: &str) -> std::borrow::Cow<'_, str> {
    let lower = name.to_lowercase();
    if crate::grammar::PERSONAL_PRONOUNS.contains(&lower.as_str()) {
        std::borrow::Cow::Owned(format!("an unnamed speaker ('{lower}')"))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// Status of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Two or more independent sources.
    Corroborated,
    /// Exactly one.
    SingleSource,
    /// None.
    Unattributed,
    /// A source the claim cites disputes it ("..., which he denied"): the disputers are in
    /// `Claim::disputed_by`, and the supporters, if any, in `Claim::sources`.
    Disputed,
}

/// What kind of sentence a claim is (editorial GUIDELINES.md): only `Claim` can be flagged as
/// unattributed or single-sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A statement of fact, figure, cause, allegation, event or prediction: "says who?"
    Claim,
    /// A fact an editor would not ask a source for: what something is, a law, a scheduled
    /// event, a result, the writer's framing.
    Background,
    /// A speaker on their own views, intentions, decisions or acts, or an authority on its own
    /// ruling: the one who can know is the source.
    SelfReport,
    /// Mostly a direct quotation: the quoted words are themselves the reported fact.
    Quote,
}

/// A sentence that asserts something that needs a source.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Where it is (the sentence without a leading label).
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// How much it needs a source, in [0, 1]: below 0.5 for what is not of kind `Claim`; from
    /// 0.7 for a contested or consequential claim.
    pub checkworthiness: f64,
    /// Kind.
    pub kind: ClaimKind,
    /// Status.
    pub status: ClaimStatus,
    /// Attributions that support it (indices), inherited ones included.
    pub attributions: Vec<usize>,
    /// The attributions of `attributions` carried over from another sentence (the speaker's
    /// account continued, or a claim and the agreement with it: `claims::agreement`), in the
    /// same order.
    pub inherited: Vec<usize>,
    /// Sources that dispute it (indices), not among `sources`.
    pub disputed_by: Vec<usize>,
    /// Sources behind it (indices).
    pub sources: Vec<usize>,
    /// How many of those are independent.
    pub independent_sources: usize,
}

/// Severity of a finding.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information.
    Info,
    /// Should be looked at.
    Warning,
    /// Must be fixed.
    Error,
}

impl Severity {
    /// The lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's id ("single-source"), shared: a document's findings of one rule hold the one
/// string of the rule's (a clone is a count, not a copy: one rule may have a finding in every
/// sentence).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(std::sync::Arc<str>);

impl RuleId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RuleId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for RuleId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for RuleId {
    fn from(s: &str) -> RuleId {
        RuleId(s.into())
    }
}

impl From<String> for RuleId {
    fn from(s: String) -> RuleId {
        RuleId(s.into())
    }
}

impl From<RuleId> for String {
    fn from(r: RuleId) -> String {
        r.0.to_string()
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<RuleId> for str {
    fn eq(&self, other: &RuleId) -> bool {
        self == &*other.0
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<RuleId> for String {
    fn eq(&self, other: &RuleId) -> bool {
        **self == *other.0
    }
}

impl std::fmt::Debug for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// One problem found.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Rule id.
    pub rule: RuleId,
    /// Severity.
    pub severity: Severity,
    /// One sentence for a person.
    pub message: String,
    /// Where it is.
    pub span: Span,
    /// The claim it is about.
    pub claim: Option<usize>,
    /// The source it is about.
    pub source: Option<usize>,
    /// The attribution it is about.
    pub attribution: Option<usize>,
    /// A suggested fix.
    pub suggestion: Option<String>,
}

/// A capitalised word of the text (not a possessive) with what the lexicons say of it:
/// what extraction hands resolution, in text order, for the people the text names (pronouns
/// refer to them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameWord {
    /// The word.
    pub span: Span,
    /// A title ("Ms.", "Prime Minister" word by word).
    pub title: bool,
    /// A word of a body rather than a person (an organisation, government or media word, or
    /// one of the words that start no name).
    pub bodyish: bool,
    /// Another token (not a capitalised word) is between this word and the one before it.
    pub after_break: bool,
}

/// The [`NameWord`]s of a text, added paragraph by paragraph.
#[derive(Debug, Clone, Default)]
pub struct NameWords {
    /// The words, in text order.
    pub words: Vec<NameWord>,
    /// whether another token came after the last word
    gap: bool,
}

impl NameWords {
    /// Add a capitalised word.
    pub fn word(&mut self, span: Span, title: bool, bodyish: bool) {
        self.words.push(NameWord {
            span,
            title,
            bodyish,
            after_break: std::mem::take(&mut self.gap),
        });
    }

    /// Note a token that is not a capitalised word.
    pub fn other(&mut self) {
        self.gap = true;
    }
}

/// A hyperlink of the prose that cites a source (not the site's own page, not furniture): made
/// by the `links` stage from the document's links.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    /// The anchor text.
    pub span: Span,
    /// The URL as written.
    pub url: String,
    /// Its host, lower case, without `www.`.
    pub domain: String,
    /// The id of the registry row whose `domains` the host is in (or under).
    pub registry: Option<String>,
    /// That row's credibility.
    pub credibility: Option<crate::registry::Credibility>,
    /// The attribution that records it: one whose cue, source or content contains the anchor,
    /// or the `link` attribution made for it.
    pub attribution: Option<usize>,
}

/// Everything whosaid learned about one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document.
    pub doc: SourceDoc,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Its quotations, in order.
    pub quotes: Vec<Quote>,
    /// Its attributions, in order.
    pub attributions: Vec<Attribution>,
    /// The sources it cites.
    pub sources: Vec<Source>,
    /// Its claims, in order.
    pub claims: Vec<Claim>,
    /// Its findings, in order.
    pub findings: Vec<Finding>,
    /// For each paragraph, whether it is boilerplate (`Lexicons::is_boilerplate`), computed
    /// once by `Checker::check`; empty when not computed (see
    /// `Lexicons::paragraph_is_boilerplate`).
    pub boilerplate: Vec<bool>,
    /// For each paragraph, whether it is a caption or a credit (`ClaimLexicons::is_caption`),
    /// computed once by `Checker::check` for the claims and the checks; empty when not computed
    /// (see `ClaimLexicons::paragraph_is_caption`).
    pub captions: Vec<bool>,
    /// The links that cite sources, in document order.
    pub links: Vec<SourceLink>,
}

impl Analysis {
    /// How many source mentions the attributions hold, their speakers and the sources they cite
    /// (the room for a list of them, made once).
    pub fn mention_count(&self) -> usize {
        (self.attributions.iter())
            .map(|a| a.sources.len() + a.cited.len())
            .sum()
    }

    /// Add `found` (attributions in document order, by cue) to the attributions, keeping them in
    /// document order: one merge of the two lists (a later stage's finds, such as frames' and
    /// links').
    pub fn merge_attributions(&mut self, found: Vec<Attribution>) {
        if found.is_empty() {
            return;
        }
        let old = std::mem::take(&mut self.attributions);
        let mut merged = Vec::with_capacity(old.len() + found.len());
        let mut found = found.into_iter().peekable();
        for a in old {
            while found.peek().is_some_and(|f| f.cue.start < a.cue.start) {
                merged.extend(found.next());
            }
            merged.push(a);
        }
        merged.extend(found);
        self.attributions = merged;
    }

    /// The analysis of `doc` before any stage has run: nothing found in it yet.
    pub fn new(doc: SourceDoc) -> Analysis {
        Analysis {
            doc,
            sentences: Vec::new(),
            quotes: Vec::new(),
            attributions: Vec::new(),
            sources: Vec::new(),
            claims: Vec::new(),
            findings: Vec::new(),
            boilerplate: Vec::new(),
            captions: Vec::new(),
            links: Vec::new(),
        }
    }

    /// For each attribution, the link it records (the first, when its spans hold several);
    /// empty when the document has no links (then `get(i)` is `None` for every `i`).
    pub fn attribution_links(&self) -> Vec<Option<&SourceLink>> {
        if self.links.is_empty() {
            return Vec::new();
        }
        let mut out = vec![None; self.attributions.len()];
        for l in self.links.iter().rev() {
            if let Some(x) = l.attribution.and_then(|ai| out.get_mut(ai)) {
                *x = Some(l);
            }
        }
        out
    }

    /// Text of a span of the analysed text.
    pub fn text(&self, span: Span) -> &str {
        span.slice(&self.doc.text)
    }

    /// The prose a reader sees in `span`, for messages and reports
    /// ([`crate::input::SourceDoc::prose`]).
    pub fn prose(&self, span: Span) -> std::borrow::Cow<'_, str> {
        self.doc.prose(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_over_the_cap_is_cut_at_a_character_boundary_and_marked() {
        // "é " is three bytes: the cap falls inside an "é"
        let text = "é ".repeat(MAX_CONTENT_BYTES);
        assert!(!text.is_char_boundary(MAX_CONTENT_BYTES));
        let whole = Span::new(0, text.len());
        let c = Content::single(whole).capped(&text);
        assert!(c.truncated);
        assert!(c.span.len() <= MAX_CONTENT_BYTES && c.span.len() > MAX_CONTENT_BYTES - 4);
        assert!(text.is_char_boundary(c.span.end));
        assert!(!c.span.slice(&text).ends_with(' '));
        assert_eq!(c.fragments, vec![c.span]);
        // fragments past the cut are dropped, the one across it is cut
        let f = vec![
            Span::new(0, 10),
            Span::new(20, MAX_CONTENT_BYTES + 100),
            Span::new(MAX_CONTENT_BYTES + 200, text.len()),
        ];
        let c = Content::from_fragments(f).capped(&text);
        assert_eq!(c.fragments.len(), 2);
        assert_eq!(c.fragments[0], Span::new(0, 10));
        assert!(c.truncated && c.span.end <= MAX_CONTENT_BYTES);
        // at the cap or under it: unchanged
        let c = Content::single(Span::new(3, 3 + MAX_CONTENT_BYTES)).capped(&text);
        assert!(!c.truncated);
        assert_eq!(c.span, Span::new(3, 3 + MAX_CONTENT_BYTES));
    }
}
