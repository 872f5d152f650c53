//! Reports: the JSON report model (docs/report-schema.md) built from an [`Analysis`], and one
//! renderer per output format.
//!
//! Every span in a report is in the original file's coordinates (bytes, 1-based line/column).

pub mod csv;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use crate::model::{
    Analysis, AttributionKind, ClaimKind, ClaimStatus, Content, Severity, SourceKind,
};
use crate::span::{LineIndex, Span};
use serde::Serialize;

/// JSON schema version of the report.
pub const SCHEMA_VERSION: u32 = 1;

/// A span in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanReport {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column (characters) of `start`.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`.
    pub end_column: usize,
}

/// Text with its place.
#[derive(Debug, Clone, Serialize)]
pub struct TextSpan {
    /// The prose as a reader sees it (markup removed, entities decoded); `span` points at the
    /// original's bytes.
    pub text: String,
    /// Where.
    pub span: SpanReport,
    /// The pieces of an interrupted content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fragments: Option<Vec<SpanReport>>,
    /// True for a content cut at [`crate::model::MAX_CONTENT_BYTES`] (written only then).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// Registry match of a source.
#[derive(Debug, Clone, Serialize)]
pub struct RegistryReport {
    /// Row id.
    pub id: String,
    /// `exact`, `alias`, `surname`, `coreference` or `link`.
    #[serde(rename = "match")]
    pub how: crate::registry::MatchKind,
    /// Confidence in [0, 1].
    pub score: f64,
    /// The row's credibility.
    pub credibility: Option<crate::registry::Credibility>,
}

/// A source of the document.
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    /// `s1`, `s2`, ...
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: SourceKind,
    /// Unnamed source.
    pub anonymous: bool,
    /// Registry match.
    pub registry: Option<RegistryReport>,
    /// Every mention.
    pub mentions: Vec<TextSpan>,
}

/// The sources of `doc` as a sources table lists them, each once: indices into `doc.sources`,
/// grouped by what a reader tells apart (the name as a message gives it,
/// [`crate::model::source_label`], the kind and the registry row), in order of first
/// appearance. Two unresolved "she" are one row, "an unnamed speaker ('she')".
pub fn source_rows(doc: &DocumentReport) -> Vec<Vec<usize>> {
    let key = |s: &SourceReport| {
        (
            crate::model::source_label(&s.name).to_lowercase(),
            s.kind,
            s.registry.as_ref().map(|r| r.id.clone()),
        )
    };
    let mut keys = Vec::new();
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for (i, s) in doc.sources.iter().enumerate() {
        let k = key(s);
        match keys.iter().position(|x| *x == k) {
            Some(r) => rows[r].push(i),
            None => {
                keys.push(k);
                rows.push(vec![i]);
            }
        }
    }
    rows
}

/// A source mention at an attribution.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionSourceReport {
    /// Source id.
    pub source: String,
    /// The mention as read (prose, as [`TextSpan::text`]).
    pub text: String,
    /// Where.
    pub span: SpanReport,
}

/// An attribution.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionReport {
    /// `a1`, `a2`, ...
    pub id: String,
    /// Kind.
    pub kind: AttributionKind,
    /// Source mentions.
    pub sources: Vec<AttributionSourceReport>,
    /// The sources the source cites for it ("according to Reuters, citing two officials"):
    /// one chain with `sources`, one account. Left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<AttributionSourceReport>,
    /// Reporting words.
    pub cue: TextSpan,
    /// What is attributed.
    pub content: Option<TextSpan>,
    /// The hyperlink its cue, source or content carries (Markdown and HTML only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkReport>,
}

/// A hyperlink an attribution carries.
#[derive(Debug, Clone, Serialize)]
pub struct LinkReport {
    /// The URL as written.
    pub url: String,
    /// Its host, lower case, without `www.`.
    pub domain: String,
}

/// A claim.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimReport {
    /// `c1`, `c2`, ...
    pub id: String,
    /// The claim as read (prose, as [`TextSpan::text`]).
    pub text: String,
    /// Where.
    pub span: SpanReport,
    /// In [0, 1].
    pub checkworthiness: f64,
    /// Kind: claim, background, self_report or quote.
    pub kind: ClaimKind,
    /// Status.
    pub status: ClaimStatus,
    /// Supporting attribution ids.
    pub attributions: Vec<String>,
    /// The ids of `attributions` carried over from an earlier sentence.
    pub inherited: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// Ids of the sources that dispute the claim.
    pub disputed_by: Vec<String>,
    /// Independent sources.
    pub independent_sources: usize,
}

/// A finding.
#[derive(Debug, Clone, Serialize)]
pub struct FindingReport {
    /// Rule id.
    pub rule: crate::model::RuleId,
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: String,
    /// Where.
    pub span: SpanReport,
    /// Claim id.
    pub claim: Option<String>,
    /// Source id.
    pub source: Option<String>,
    /// Attribution id.
    pub attribution: Option<String>,
    /// Suggested fix.
    pub suggestion: Option<String>,
    /// Stable across edits elsewhere in the file: rule, normalised span and sentence text, path
    /// ([`fingerprint`]).
    pub fingerprint: String,
}

/// Per-document figures.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Sentences.
    pub sentences: usize,
    /// Claims.
    pub claims: usize,
    /// Attributions.
    pub attributions: usize,
    /// Sources.
    pub sources: usize,
    /// Independent sources among all the document's sources.
    pub independent_sources: usize,
    /// Contents cut at [`crate::model::MAX_CONTENT_BYTES`] (written only when there are any).
    #[serde(skip_serializing_if = "is_zero")]
    pub truncated_contents: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// What a report that shows attributed contents says beside one cut at
/// [`crate::model::MAX_CONTENT_BYTES`]: `content cut at 4,096 bytes` (one wording for every
/// format; JSON marks the content `"truncated": true` and counts them in its stats).
pub fn content_cut_note() -> String {
    let digits = crate::model::MAX_CONTENT_BYTES.to_string();
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("content cut at {grouped} bytes")
}

/// How many of the document's contents were cut at [`crate::model::MAX_CONTENT_BYTES`].
pub fn truncated_contents(analysis: &Analysis) -> usize {
    (analysis.attributions.iter())
        .filter(|a| a.content.as_ref().is_some_and(|c| c.truncated))
        .count()
}

/// The report of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    /// Path or id.
    pub path: String,
    /// `text`, `markdown` or `html`.
    pub format: crate::input::Format,
    /// The document's date, when its input gives one (front matter `date`, a JSON Lines `date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Figures.
    pub stats: Stats,
    /// Sources.
    pub sources: Vec<SourceReport>,
    /// Attributions.
    pub attributions: Vec<AttributionReport>,
    /// Claims.
    pub claims: Vec<ClaimReport>,
    /// Findings.
    pub findings: Vec<FindingReport>,
}

/// A file that could not be checked (unreadable, not UTF-8...): reported in its place, in every
/// format, while the other files are still reported.
#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    /// The path as given (or found in a directory walk).
    pub path: String,
    /// What went wrong, for a person.
    pub message: String,
}

/// Finding counts by severity.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct SeverityCounts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
}

/// Totals over a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Documents.
    pub documents: usize,
    /// Claims.
    pub claims: usize,
    /// Attributions.
    pub attributions: usize,
    /// Sources.
    pub sources: usize,
    /// Findings by severity.
    pub findings: SeverityCounts,
}

impl Summary {
    /// Add one document's figures.
    pub fn add(&mut self, doc: &DocumentReport) {
        self.add_counts(
            doc.claims.len(),
            doc.attributions.len(),
            doc.sources.len(),
            doc.findings.iter().map(|f| f.severity),
        );
    }

    /// Add the figures of one analysed document (those of its report).
    pub fn add_analysis(&mut self, analysis: &Analysis) {
        self.add_counts(
            analysis.claims.len(),
            analysis.attributions.len(),
            analysis.sources.len(),
            analysis.findings.iter().map(|f| f.severity),
        );
    }

    /// Add the figures of `other`.
    pub fn merge(&mut self, other: &Summary) {
        self.documents += other.documents;
        self.claims += other.claims;
        self.attributions += other.attributions;
        self.sources += other.sources;
        self.findings.error += other.findings.error;
        self.findings.warning += other.findings.warning;
        self.findings.info += other.findings.info;
    }

    fn add_counts(
        &mut self,
        claims: usize,
        attributions: usize,
        sources: usize,
        severities: impl Iterator<Item = Severity>,
    ) {
        self.documents += 1;
        self.claims += claims;
        self.attributions += attributions;
        self.sources += sources;
        for s in severities {
            match s {
                Severity::Error => self.findings.error += 1,
                Severity::Warning => self.findings.warning += 1,
                Severity::Info => self.findings.info += 1,
            }
        }
    }
}

/// Converts text spans of an analysis into report spans of the original file.
pub struct Locator<'a> {
    analysis: &'a Analysis,
    lines: LineIndex,
    /// Characters before every `CHAR_STEP`-th byte of the original: a column is the characters
    /// between two offsets, counted from the nearest mark before each (time independent of the
    /// line's length).
    char_marks: Vec<usize>,
    /// Characters before the start of each line.
    line_chars: Vec<usize>,
    /// Whether each line is all ASCII (then a column is a difference of offsets).
    ascii_lines: Vec<bool>,
    /// The line of the last offset asked for (spans come mostly in order, two ends on a line).
    last_line: std::cell::Cell<usize>,
    /// The offsets of the original's bytes that a JSON string escapes (`"`, `\`, control
    /// characters), in order: a text of the original is written to JSON by copying what lies
    /// between them, not by testing every byte of every text again (found when first asked
    /// for: only JSON lines are written so).
    specials: std::cell::OnceCell<Vec<usize>>,
}

/// Bytes between two marks of [`Locator::char_marks`].
const CHAR_STEP: usize = 32;

/// UTF-8 continuation bytes (`10xxxxxx`) among the 8 bytes of `x`.
#[inline]
fn continuation_bytes(x: u64) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    // bit 7 set and bit 6 clear, per byte; the sum of the bytes by a multiplication
    let cont = (x & !(x << 1) & HI) >> 7;
    (cont.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// Whether one of the 8 bytes of `x` is one that a JSON string escapes (below 0x20, `"` or
/// `\`), or DEL, or 0xc2 (the first byte of a C1 control, which the report escapes too, and
/// of other characters from U+0080 to U+00BF, which it does not): exact as a yes/no.
#[inline]
pub(crate) fn json_special(x: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    x.wrapping_sub(LO * 0x20) & !x & HI != 0
        || zero(x ^ (LO * 0x22))
        || zero(x ^ (LO * 0x5c))
        || zero(x ^ (LO * 0x7f))
        || zero(x ^ (LO * 0xc2))
}

/// Whether a JSON string escapes byte `c` (DEL included), or `c` may begin a C1 control
/// (0xc2): what [`json_special`] looks for, one byte.
#[inline]
pub(crate) fn json_special_byte(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\' || c == 0x7f || c == 0xc2
}

/// The C1 control (U+0080 to U+009F) whose UTF-8 form begins at `b[i]`, as its code.
#[inline]
pub(crate) fn c1_at(b: &[u8], i: usize) -> Option<u8> {
    match (b[i], b.get(i + 1)) {
        (0xc2, Some(&c)) if (0x80..=0x9f).contains(&c) => Some(c),
        _ => None,
    }
}

/// The offsets of the bytes of `b` that a JSON string of the report escapes, in order: control
/// characters and `"` 8 bytes at a time (one test: `c ^ 2` is below 0x21 for those and no other
/// byte), then `\`, DEL and the first bytes of C1 controls by SIMD searches.
fn json_specials(b: &[u8]) -> Vec<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut out = Vec::new();
    let control_or_quote = |c: u8| c < 0x20 || c == b'"';
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let y = u64::from_le_bytes(w.try_into().expect("8 bytes")) ^ (LO * 2);
        if y.wrapping_sub(LO * 0x21) & !y & HI != 0 {
            out.extend((0..8).filter(|&i| control_or_quote(w[i])).map(|i| at + i));
        }
        at += 8;
    }
    let rest = words.remainder();
    out.extend(
        (0..rest.len())
            .filter(|&i| control_or_quote(rest[i]))
            .map(|i| at + i),
    );
    let before = out.len();
    out.extend(memchr::memchr_iter(b'\\', b));
    // DEL and the C1 controls, which the report escapes too ([`json::escape_del_c1`])
    out.extend(
        memchr::memchr2_iter(0x7f, 0xc2, b).filter(|&i| b[i] == 0x7f || c1_at(b, i).is_some()),
    );
    if out.len() > before {
        out.sort_unstable();
    }
    out
}

/// Characters in `b` (whole UTF-8 characters, or counted by their first bytes).
#[inline]
fn count_chars(b: &[u8]) -> usize {
    let mut words = b.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        n += 8 - continuation_bytes(u64::from_le_bytes(w.try_into().expect("8 bytes")));
    }
    n + words
        .remainder()
        .iter()
        .filter(|&&c| (c as i8) >= -0x40)
        .count()
}

impl<'a> Locator<'a> {
    /// A locator for `analysis`.
    pub fn new(analysis: &'a Analysis) -> Self {
        let raw = analysis.doc.raw.as_bytes();
        let mut char_marks = Vec::with_capacity(raw.len() / CHAR_STEP + 1);
        let mut chars = 0;
        char_marks.push(0);
        for block in raw.chunks_exact(CHAR_STEP) {
            chars += count_chars(block);
            char_marks.push(chars);
        }
        let mut loc = Locator {
            analysis,
            lines: LineIndex::new(&analysis.doc.raw),
            char_marks,
            line_chars: Vec::new(),
            ascii_lines: Vec::new(),
            last_line: std::cell::Cell::new(0),
            specials: std::cell::OnceCell::new(),
        };
        loc.line_chars = (loc.lines.line_starts().iter())
            .map(|&start| loc.chars_before(start))
            .collect();
        let starts = loc.lines.line_starts();
        loc.ascii_lines = (0..starts.len())
            .map(|l| {
                let end = starts.get(l + 1).copied().unwrap_or(raw.len());
                let chars_end = match loc.line_chars.get(l + 1) {
                    Some(&c) => c,
                    None => loc.chars_before(raw.len()),
                };
                chars_end - loc.line_chars[l] == end - starts[l]
            })
            .collect();
        loc
    }

    /// The offsets of [`Locator::specials`] in `[start, end)` of the original.
    pub(crate) fn specials_in(&self, start: usize, end: usize) -> impl Iterator<Item = usize> {
        let specials =
            (self.specials).get_or_init(|| json_specials(self.analysis.doc.raw.as_bytes()));
        let k = specials.partition_point(|&p| p < start);
        specials[k..].iter().copied().take_while(move |&p| p < end)
    }

    /// The original text.
    pub(crate) fn raw_text(&self) -> &'a str {
        &self.analysis.doc.raw
    }

    /// 1-based line and column (in characters) of byte `offset` of the original, as
    /// [`LineIndex::line_col`] gives them, in time independent of the line's length.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.analysis.doc.raw.as_str();
        let offset = offset.min(text.len());
        let line_starts = self.lines.line_starts();
        let last = self.last_line.get();
        let line = if line_starts[last] <= offset
            && line_starts.get(last + 1).is_none_or(|&next| offset < next)
        {
            last
        } else {
            let line = match line_starts.binary_search(&offset) {
                Ok(i) => i,
                Err(i) => i - 1,
            };
            self.last_line.set(line);
            line
        };
        let start = line_starts[line];
        let col = if self.ascii_lines[line] {
            offset - start
        } else if text.is_char_boundary(offset) {
            self.chars_before(offset) - self.line_chars[line]
        } else {
            offset - start
        };
        (line + 1, col + 1)
    }

    /// Characters in `raw[..offset]` (`offset` on a character boundary).
    #[inline]
    fn chars_before(&self, offset: usize) -> usize {
        let raw = self.analysis.doc.raw.as_bytes();
        let k = offset / CHAR_STEP;
        let mut at = k * CHAR_STEP;
        let mut chars = self.char_marks[k];
        if self.char_marks.get(k + 1) == Some(&(chars + CHAR_STEP)) {
            // an ASCII block: a character a byte
            return chars + (offset - at);
        }
        while at + 8 <= offset {
            let w = u64::from_le_bytes(raw[at..at + 8].try_into().expect("8 bytes"));
            chars += 8 - continuation_bytes(w);
            at += 8;
        }
        let rest = offset - at;
        if rest > 0 {
            if let Some(w) = raw.get(at..at + 8) {
                // the 8 bytes from `at`, those at `offset` and after made zero (not continuation)
                let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
                chars += rest - continuation_bytes(w & ((1u64 << (8 * rest)) - 1));
            } else {
                chars += count_chars(&raw[at..offset]);
            }
        }
        chars
    }

    /// The raw span of a text span.
    pub fn raw(&self, span: Span) -> Span {
        self.analysis.doc.map.span_to_raw(span)
    }

    /// A text span as a report span.
    pub fn span(&self, span: Span) -> SpanReport {
        self.raw_span(self.raw(span))
    }

    /// A span of the original as a report span.
    pub fn raw_span(&self, raw: Span) -> SpanReport {
        let (line, column) = self.line_col(raw.start);
        let (end_line, end_column) = self.line_col(raw.end);
        SpanReport {
            start: raw.start,
            end: raw.end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The bytes of the original file that a text span points at, markup and all (what
    /// fingerprints hash).
    pub fn original(&self, span: Span) -> &'a str {
        let raw = self.raw(span);
        &self.analysis.doc.raw[raw.start..raw.end]
    }

    /// The prose a reader sees in a text span ([`crate::input::SourceDoc::prose`]): what the
    /// reports give as `text`. For plain text, the bytes of the original.
    pub fn prose(&self, span: Span) -> std::borrow::Cow<'a, str> {
        self.analysis.doc.prose(span)
    }

    /// Whether the original is plain text, whose prose is its bytes ([`Locator::original`]).
    pub(crate) fn prose_is_original(&self) -> bool {
        self.analysis.doc.map.is_identity()
    }

    /// Text and place of a text span (the prose as read, the place in the original file).
    pub fn text_span(&self, span: Span) -> TextSpan {
        TextSpan {
            text: self.prose(span).into_owned(),
            span: self.span(span),
            fragments: None,
            truncated: false,
        }
    }

    fn content(&self, c: &Content) -> TextSpan {
        let mut t = self.text_span(c.span);
        t.truncated = c.truncated;
        if let Some(f) = fragments(c) {
            t.fragments = Some(f.iter().map(|f| self.span(*f)).collect());
        }
        t
    }

    /// The line index of the original text.
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }
}

/// The pieces of a content that the report lists (those of an interrupted content only).
fn fragments(c: &Content) -> Option<&[Span]> {
    (c.fragments.len() > 1).then_some(c.fragments.as_slice())
}

/// A score as reported: rounded to two decimals.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `prefix` and `i + 1` in decimal ("s1"), without the formatting machinery of `format!`.
fn id(prefix: char, i: usize) -> String {
    let mut digits = [0u8; 20];
    let (mut n, mut k) = (i + 1, digits.len());
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(1 + digits.len() - k);
    s.push(prefix);
    s.extend(digits[k..].iter().map(|&d| d as char));
    s
}
fn sid(i: usize) -> String {
    id('s', i)
}
fn aid(i: usize) -> String {
    id('a', i)
}
fn cid(i: usize) -> String {
    id('c', i)
}

/// Build the report of one analysed document.
pub fn build(analysis: &Analysis, independent_sources: usize) -> DocumentReport {
    let loc = Locator::new(analysis);
    let sources = analysis
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| SourceReport {
            id: sid(i),
            name: s.name.clone(),
            kind: s.kind,
            anonymous: s.anonymous,
            registry: s.registry.as_ref().map(|m| RegistryReport {
                id: m.id.clone(),
                how: m.how,
                score: round2(m.score),
                credibility: s.credibility,
            }),
            mentions: s.mentions.iter().map(|m| loc.text_span(*m)).collect(),
        })
        .collect();
    let links = analysis.attribution_links();
    let mention_report = |m: &crate::model::Mention| {
        let t = loc.text_span(m.span);
        AttributionSourceReport {
            source: m.source.map(sid).unwrap_or_default(),
            text: t.text,
            span: t.span,
        }
    };
    let attributions = analysis
        .attributions
        .iter()
        .enumerate()
        .map(|(i, a)| AttributionReport {
            id: aid(i),
            kind: a.kind,
            sources: a.sources.iter().map(mention_report).collect(),
            cited: a.cited.iter().map(mention_report).collect(),
            cue: loc.text_span(a.cue),
            content: a.content.as_ref().map(|c| loc.content(c)),
            link: links.get(i).copied().flatten().map(|l| LinkReport {
                url: l.url.clone(),
                domain: l.domain.clone(),
            }),
        })
        .collect();
    let claims = analysis
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let t = loc.text_span(c.span);
            ClaimReport {
                id: cid(i),
                text: t.text,
                span: t.span,
                checkworthiness: round2(c.checkworthiness),
                kind: c.kind,
                status: c.status,
                attributions: c.attributions.iter().map(|&a| aid(a)).collect(),
                inherited: c.inherited.iter().map(|&a| aid(a)).collect(),
                sources: c.sources.iter().map(|&s| sid(s)).collect(),
                disputed_by: c.disputed_by.iter().map(|&s| sid(s)).collect(),
                independent_sources: c.independent_sources,
            }
        })
        .collect();
    let fingerprints = fingerprint::fingerprints(analysis, &loc);
    let findings = analysis
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(f, fingerprint)| FindingReport {
            rule: f.rule.clone(),
            severity: f.severity,
            message: f.message.clone(),
            span: loc.span(f.span),
            claim: f.claim.map(cid),
            source: f.source.map(sid),
            attribution: f.attribution.map(aid),
            suggestion: f.suggestion.clone(),
            fingerprint,
        })
        .collect();
    DocumentReport {
        path: analysis.doc.path.clone(),
        format: analysis.doc.format,
        date: analysis.doc.date.clone(),
        stats: Stats {
            sentences: analysis.sentences.len(),
            claims: analysis.claims.len(),
            attributions: analysis.attributions.len(),
            sources: analysis.sources.len(),
            independent_sources,
            truncated_contents: truncated_contents(analysis),
        },
        sources,
        attributions,
        claims,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_text;

    /// The analysis of `raw` as plain text, with nothing found in it (for the locator).
    fn plain(raw: &str) -> Analysis {
        Analysis::new(parse_text("t", raw.to_string()))
    }

    /// Columns from checkpoints agree with counting from the line start, on long lines of
    /// multi-byte characters, at every offset (character boundary or not).
    #[test]
    fn ids_are_prefix_and_number() {
        for i in [0, 8, 9, 10, 98, 99, 12345, usize::MAX - 1] {
            assert_eq!(sid(i), format!("s{}", i + 1));
        }
        assert_eq!((aid(0), cid(41)), ("a1".to_string(), "c42".to_string()));
    }

    #[test]
    fn columns_on_long_lines_match_the_line_index() {
        let mut raw = String::new();
        for i in 0..12_000 {
            raw.push_str(["word ", "é ", "\u{201c}q\u{201d} ", "中文 ", "ab"][i % 5]);
            if i % 4999 == 0 {
                raw.push('\n');
            }
        }
        let analysis = plain(&raw);
        let loc = Locator::new(&analysis);
        let idx = LineIndex::new(&raw);
        for off in (0..=raw.len() + 2).filter(|o| o % 13 == 0 || raw.len().abs_diff(*o) < 5) {
            assert_eq!(loc.line_col(off), idx.line_col(&raw, off), "offset {off}");
        }
        // short lines, offsets in and out of order (a column is counted on from the last one)
        let raw = "ab\u{e9}cd\nx\u{201c}y\u{201d}z w\n\nlast line \u{4e2d}\u{6587}".repeat(50);
        let analysis = plain(&raw);
        let loc = Locator::new(&analysis);
        let idx = LineIndex::new(&raw);
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for k in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let off = if k % 3 == 0 {
                k % (raw.len() + 2)
            } else {
                (seed % (raw.len() as u64 + 2)) as usize
            };
            assert_eq!(loc.line_col(off), idx.line_col(&raw, off), "offset {off}");
        }
    }

    /// Columns on texts of ASCII and other lines and blocks (counted by a subtraction on the
    /// first), and the bytes a JSON string escapes, agree with plain scans.
    #[test]
    fn ascii_lines_and_json_specials_match_scans() {
        let alphabet = [
            "a",
            "word ",
            "\n",
            "\r\n",
            "\u{e9}",
            "\u{201c}",
            "\"",
            "\\",
            "\t",
            "\u{1}",
            "\u{1f}",
            " ",
            "\u{7f}",
            "\u{4e2d}",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "!",
            "#",
            "\u{2028}",
            "\u{85}",
            "\u{9f}",
            "\u{a0}",
            "\u{a3}",
        ];
        for (k, raw) in
            crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 600, 200).enumerate()
        {
            let analysis = plain(&raw);
            let loc = Locator::new(&analysis);
            let idx = LineIndex::new(&raw);
            for off in (0..=raw.len() + 1).filter(|o| (o + k) % 3 == 0 || *o >= raw.len()) {
                assert_eq!(loc.line_col(off), idx.line_col(&raw, off), "{raw:?} {off}");
            }
            let b = raw.as_bytes();
            let scan: Vec<usize> = (0..b.len())
                .filter(|&i| {
                    b[i] < 0x20
                        || b[i] == b'"'
                        || b[i] == b'\\'
                        || b[i] == 0x7f
                        || (b[i] == 0xc2 && (0x80..=0x9f).contains(&b[i + 1]))
                })
                .collect();
            let specials = loc.specials_in(0, raw.len()).collect::<Vec<_>>();
            assert_eq!(specials, scan, "{raw:?}");
            for start in (0..=raw.len())
                .filter(|&i| raw.is_char_boundary(i))
                .step_by(7)
            {
                for end in (start..=raw.len())
                    .filter(|&i| raw.is_char_boundary(i))
                    .step_by(5)
                {
                    // serde_json's string, with DEL and C1 escaped as the reports escape them
                    let mut serde = serde_json::to_string(&raw[start..end]).unwrap();
                    json::escape_del_c1(&mut serde);
                    assert_eq!(json::raw_str_for_tests(&loc, Span::new(start, end)), serde);
                }
            }
        }
    }
}
