//! JSON (`--format json`) and JSON Lines (`--format jsonl`) reports.

use super::{DocumentReport, FileError, Locator, SCHEMA_VERSION, Summary, fragments, round2};
use crate::input::Format;
use crate::model::{
    Analysis, Attribution, AttributionKind, Claim, ClaimKind, ClaimStatus, Finding, Severity,
    Source, SourceKind, SourceLink,
};
use crate::span::Span;
use serde::Serialize;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Run<'a> {
    schema_version: u32,
    tool: Tool,
    documents: &'a [DocumentReport],
    summary: &'a Summary,
    errors: &'a [FileError],
}

/// The whole-run JSON object, pretty-printed, with a final newline.
pub fn render_run(documents: &[DocumentReport], summary: &Summary) -> String {
    render_run_with_errors(documents, summary, &[])
}

/// The whole-run JSON object with the files that could not be checked in `errors`.
pub fn render_run_with_errors(
    documents: &[DocumentReport],
    summary: &Summary,
    errors: &[FileError],
) -> String {
    let run = Run {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "whosaid",
            version: env!("CARGO_PKG_VERSION"),
        },
        documents,
        summary,
        errors,
    };
    let mut s = serde_json::to_string_pretty(&run).expect("report serializes");
    escape_del_c1(&mut s);
    s.push('\n');
    s
}

/// DEL (U+007F) and the C1 controls (U+0080 to U+009F) escaped as `\u007f`...`\u009f` in
/// serialized JSON, where serde_json leaves them raw (JSON allows them, but a terminal that
/// shows the report, `jq` without `-r` included, may act on them: U+009B is a one-character
/// CSI). Outside strings JSON is ASCII, so every such character found is inside a string.
pub(crate) fn escape_del_c1(s: &mut String) {
    if memchr::memchr2(0x7f, 0xc2, s.as_bytes()).is_none() {
        return;
    }
    let mut out = Vec::with_capacity(s.len() + 16);
    push_escaping_del_c1(&mut out, s.as_bytes());
    *s = String::from_utf8(out).expect("only ASCII escapes were added");
}

/// Append `text` (UTF-8, the raw part of a JSON string) to `out`, with DEL and the C1 controls
/// escaped ([`escape_del_c1`]).
fn push_escaping_del_c1(out: &mut Vec<u8>, text: &[u8]) {
    let mut at = 0;
    for p in memchr::memchr2_iter(0x7f, 0xc2, text) {
        // a C1 control is 0xc2 then 0x80..=0x9f; other 0xc2 pairs are printable
        let (code, len) = match text[p] {
            0x7f => (0x7f, 1),
            _ => match super::c1_at(text, p) {
                Some(code) => (code, 2),
                None => continue,
            },
        };
        out.extend_from_slice(&text[at..p]);
        push_u00(out, code);
        at = p + len;
    }
    out.extend_from_slice(&text[at..]);
}

/// `\u00` and the two hex digits of `code`: how a JSON string of the report writes a control
/// character that has no short escape, DEL and the C1 controls.
fn push_u00(out: &mut Vec<u8>, code: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u00");
    out.push(HEX[(code >> 4) as usize]);
    out.push(HEX[(code & 15) as usize]);
}

/// One document's report as one JSON line (with the newline).
pub fn render_line(doc: &DocumentReport) -> String {
    let mut s = serde_json::to_string(doc).expect("report serializes");
    escape_del_c1(&mut s);
    s.push('\n');
    s
}

/// The JSON line of an analysed document written straight from its analysis, without the
/// report in between (its spans, texts and ids copied into strings): the bytes
/// `render_line(&report::build(analysis, independent_sources))` makes (a test checks it).
pub fn render_analysis_line(analysis: &Analysis, independent_sources: usize) -> String {
    String::from_utf8(render_analysis_bytes(analysis, independent_sources))
        .expect("JSON of strings is UTF-8")
}

/// [`render_analysis_line`] as bytes (UTF-8), for a writer: not checked again to be UTF-8.
pub fn render_analysis_bytes(analysis: &Analysis, independent_sources: usize) -> Vec<u8> {
    // room for the whole line at once: a document of 20 MB makes a line of 100 MB and more,
    // which growing by doubling would copy and leave behind (pages never written cost nothing)
    let mut w = Line::new(Vec::with_capacity(line_size_hint(analysis)), None);
    w.document(analysis, independent_sources, &Locator::new(analysis));
    w.buf.push(b'\n');
    w.buf
}

/// [`render_analysis_line`] written to `out` as it is made, a piece of about 64 KB at a time
/// (a document of 20 MB makes a line of 200 to 300 MB, which need not be held whole).
pub fn write_analysis_line(
    analysis: &Analysis,
    independent_sources: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_analysis_line_in(analysis, independent_sources, out, SPILL)
}

/// Pieces of a line written to an output as it is made are about this long.
const SPILL: usize = 1 << 16;

fn write_analysis_line_in(
    analysis: &Analysis,
    independent_sources: usize,
    out: &mut dyn std::io::Write,
    spill: usize,
) -> std::io::Result<()> {
    let mut w = Line::new(Vec::with_capacity(spill + spill / 4), Some((out, spill)));
    w.document(analysis, independent_sources, &Locator::new(analysis));
    w.buf.push(b'\n');
    w.spill_now();
    match w.err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// A size at least about that of the JSON line of `a` (text lengths and generous room for the
/// fixed parts; escapes may add a little more).
pub fn line_size_hint(a: &Analysis) -> usize {
    const SPAN: usize = 200;
    const OBJECT: usize = 160;
    let text = |s: &Span| s.len() + SPAN + OBJECT;
    let sources: usize = (a.sources.iter())
        .map(|s| {
            16 + s.name.len()
                + OBJECT * 2
                + s.mentions.iter().map(text).sum::<usize>()
                + s.registry.as_ref().map_or(0, |r| r.id.len())
        })
        .sum();
    let attributions: usize = (a.attributions.iter())
        .map(|at| {
            OBJECT
                + text(&at.cue)
                + at.content.as_ref().map_or(0, |c| {
                    text(&c.span) + fragments(c).map_or(0, |f| f.len() * SPAN)
                })
                + (at.sources.iter().chain(&at.cited))
                    .map(|m| text(&m.span))
                    .sum::<usize>()
        })
        .sum();
    let claims: usize = (a.claims.iter())
        .map(|c| text(&c.span) + 8 * (c.attributions.len() + c.sources.len()))
        .sum();
    let findings: usize = (a.findings.iter())
        .map(|f| {
            f.rule.len()
                + f.message.len()
                + f.suggestion.as_ref().map_or(0, String::len)
                + SPAN
                + OBJECT
        })
        .sum();
    a.doc.path.len() + 512 + sources + attributions + claims + findings
}

/// Compact JSON, as serde_json writes it: into `buf`, which, with an output, goes to it after a
/// list item whenever it holds `spill` bytes or more (the first error is kept, and nothing is
/// written after it).
struct Line<'o> {
    buf: Vec<u8>,
    out: Option<(&'o mut dyn std::io::Write, usize)>,
    err: Option<std::io::Error>,
    /// The span being put together ([`Line::raw_span`]): one buffer for all, written over
    /// (one on the stack for each would be zeroed for each).
    span: SpanBuf,
}

impl<'o> Line<'o> {
    fn new(buf: Vec<u8>, out: Option<(&'o mut dyn std::io::Write, usize)>) -> Self {
        Line {
            buf,
            out,
            err: None,
            span: SpanBuf::default(),
        }
    }

    /// With an output: what `buf` holds goes to it when it is `spill` bytes or more.
    #[inline]
    fn spill(&mut self) {
        if let Some((_, spill)) = self.out
            && self.buf.len() >= spill
        {
            self.spill_now();
        }
    }

    /// With an output: what `buf` holds goes to it.
    fn spill_now(&mut self) {
        if let Some((out, _)) = self.out.as_mut() {
            if self.err.is_none()
                && let Err(e) = out.write_all(&self.buf)
            {
                self.err = Some(e);
            }
            self.buf.clear();
        }
    }

    #[inline]
    fn raw(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// `n` in decimal, two digits at a time, written left-aligned in a fixed buffer that is
    /// appended whole and cut back (no copy of a variable length: no call to `memcpy`).
    #[inline(always)]
    fn uint(&mut self, n: usize) {
        let (buf, digits) = crate::decimal::digits(n);
        let len = self.buf.len();
        self.buf.extend_from_slice(&buf);
        self.buf.truncate(len + digits);
    }

    /// A value serde serializes (the registry's enums, unusual scores): rare enough for
    /// serde_json itself.
    fn serde<T: Serialize>(&mut self, v: &T) {
        let mut s = serde_json::to_string(v).expect("value serializes");
        escape_del_c1(&mut s);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// A score rounded to two decimals ([`round2`]), as serde_json writes it (a test checks
    /// it): those from 0.01 to 1 written from their hundredths, without float formatting.
    fn score(&mut self, x: f64) {
        let hundredths = (x * 100.0).round();
        if !(1.0..=100.0).contains(&hundredths) {
            self.serde(&round2(x));
            return;
        }
        // `round2(x)` is `hundredths / 100.0`, whose shortest decimal form is "0.5", "0.05",
        // "0.55" or "1.0"
        let k = hundredths as usize;
        let (tens, ones) = (k / 10, k % 10);
        match (k, ones) {
            (100, _) => self.raw("1.0"),
            (_, 0) => self.buf.extend_from_slice(&[b'0', b'.', b'0' + tens as u8]),
            _ => self
                .buf
                .extend_from_slice(&[b'0', b'.', b'0' + tens as u8, b'0' + ones as u8]),
        }
    }

    /// A JSON string, escaped as serde_json escapes (`"`, `\`, and control characters), and
    /// DEL and the C1 controls too ([`escape_del_c1`]).
    fn str(&mut self, s: &str) {
        self.buf.push(b'"');
        let b = s.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < b.len() {
            while i + 8 <= b.len() {
                let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
                if super::json_special(x) {
                    break;
                }
                i += 8;
            }
            let Some(&c) = b.get(i) else {
                break;
            };
            if !super::json_special_byte(c) {
                i += 1;
                continue;
            }
            let step = self.escape_at(b, i, start);
            if step == 0 {
                // 0xc2 of a character that is no C1 control: as it is
                i += 1;
                continue;
            }
            i += step;
            start = i;
        }
        self.buf.extend_from_slice(&b[start..]);
        self.buf.push(b'"');
    }

    /// What lies in `b` from `start` to `i`, then the byte to escape at `i` escaped: DEL and a
    /// C1 control as `\u00XX` ([`escape_del_c1`]), the others as serde_json escapes them. How
    /// many bytes were escaped: 0 when `b[i]` is 0xc2 of a character that is no C1 control
    /// (nothing written then), 2 for a C1 control, else 1.
    #[inline]
    fn escape_at(&mut self, b: &[u8], i: usize, start: usize) -> usize {
        let c = b[i];
        let (code, len) = match c {
            0x7f => (0x7f, 1),
            0xc2 => match super::c1_at(b, i) {
                Some(code) => (code, 2),
                None => return 0,
            },
            _ => {
                self.buf.extend_from_slice(&b[start..i]);
                self.escape(c);
                return 1;
            }
        };
        self.buf.extend_from_slice(&b[start..i]);
        push_u00(&mut self.buf, code);
        len
    }

    /// Byte `c`, one that a JSON string escapes, escaped as serde_json escapes it.
    fn escape(&mut self, c: u8) {
        let esc: &str = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => "",
        };
        if esc.is_empty() {
            push_u00(&mut self.buf, c);
        } else {
            self.buf.extend_from_slice(esc.as_bytes());
        }
    }

    /// The text of the original at `raw` as a JSON string ([`Line::str`] of it): what lies
    /// between the bytes to escape, which the locator found once for the whole original, copied
    /// whole.
    fn raw_str(&mut self, loc: &Locator, raw: Span) {
        let text = loc.raw_text().as_bytes();
        self.buf.push(b'"');
        let mut at = raw.start;
        for p in loc.specials_in(raw.start, raw.end) {
            // (the locator's specials are those bytes that are escaped: a 0xc2 among them
            // begins a C1 control, whose two bytes a span holds both or neither of)
            at = p + self.escape_at(text, p, at);
        }
        self.buf.extend_from_slice(&text[at..raw.end]);
        self.buf.push(b'"');
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.list_indexed(items, |w, _, it| each(w, it));
    }

    fn list_indexed<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, usize, &T)) {
        self.buf.push(b'[');
        for (k, it) in items.iter().enumerate() {
            if k > 0 {
                self.buf.push(b',');
            }
            each(self, k, it);
            self.spill();
        }
        self.buf.push(b']');
    }

    /// An id of the report ("s3"): `prefix` and `i + 1`.
    fn id(&mut self, prefix: u8, i: usize) {
        // quotes, prefix and digits in one fixed buffer, appended whole and cut back
        let mut buf = [0u8; 24];
        buf[0] = b'"';
        buf[1] = prefix;
        let digits = crate::decimal::decimal_at::<2>(&mut buf, i + 1);
        buf[2 + digits] = b'"';
        let len = self.buf.len();
        self.buf.extend_from_slice(&buf);
        self.buf.truncate(len + digits + 3);
    }

    fn opt_id(&mut self, prefix: u8, i: Option<usize>) {
        match i {
            Some(i) => self.id(prefix, i),
            None => self.raw("null"),
        }
    }

    /// A report span (`SpanReport`) of a text span.
    fn span(&mut self, loc: &Locator, span: Span) {
        self.raw_span(loc, loc.raw(span));
    }

    /// The report span of the span `raw` of the original: put together in a buffer and
    /// appended at once (one capacity check for the object, not one for each of its
    /// thirteen pieces; a report writes six numbers a span).
    fn raw_span(&mut self, loc: &Locator, raw: Span) {
        let s = loc.raw_span(raw);
        let b = &mut self.span;
        b.len = 0;
        // (written out, not a loop over a table of names and numbers: the loop costs 40% more)
        b.put(b"{\"start\":");
        b.uint(s.start);
        b.put(b",\"end\":");
        b.uint(s.end);
        b.put(b",\"line\":");
        b.uint(s.line);
        b.put(b",\"column\":");
        b.uint(s.column);
        b.put(b",\"end_line\":");
        b.uint(s.end_line);
        b.put(b",\"end_column\":");
        b.uint(s.end_column);
        b.put(b"}");
        self.buf
            .extend_from_slice(&self.span.bytes[..self.span.len]);
    }

    /// A `TextSpan`: the text as written, its span, and the pieces of an interrupted content.
    /// The prose of text span `span` (whose raw span is `raw`) as a JSON string: the bytes of
    /// the original for plain text ([`Line::raw_str`]), else [`Locator::prose`].
    fn prose_str(&mut self, loc: &Locator, span: Span, raw: Span) {
        if loc.prose_is_original() {
            self.raw_str(loc, raw);
        } else {
            self.str(&loc.prose(span));
        }
    }

    fn text_span(&mut self, loc: &Locator, span: Span, pieces: Option<&[Span]>, truncated: bool) {
        let raw = loc.raw(span);
        self.raw("{\"text\":");
        self.prose_str(loc, span, raw);
        self.raw(",\"span\":");
        self.raw_span(loc, raw);
        if let Some(f) = pieces {
            self.raw(",\"fragments\":");
            self.list(f, |w, s| w.span(loc, *s));
        }
        if truncated {
            self.raw(",\"truncated\":true");
        }
        self.buf.push(b'}');
    }

    fn source(&mut self, loc: &Locator, i: usize, s: &Source) {
        self.raw("{\"id\":");
        self.id(b's', i);
        self.raw(",\"name\":");
        self.str(&s.name);
        self.raw(",\"kind\":");
        self.raw(source_kind(s.kind));
        self.raw(if s.anonymous {
            ",\"anonymous\":true"
        } else {
            ",\"anonymous\":false"
        });
        self.raw(",\"registry\":");
        match &s.registry {
            Some(m) => {
                self.raw("{\"id\":");
                self.str(&m.id);
                self.raw(",\"match\":");
                self.serde(&m.how);
                self.raw(",\"score\":");
                self.score(m.score);
                self.raw(",\"credibility\":");
                self.serde(&s.credibility);
                self.buf.push(b'}');
            }
            None => self.raw("null"),
        }
        self.raw(",\"mentions\":");
        self.list(&s.mentions, |w, m| w.text_span(loc, *m, None, false));
        self.buf.push(b'}');
    }

    fn attribution(&mut self, loc: &Locator, i: usize, a: &Attribution, link: Option<&SourceLink>) {
        self.raw("{\"id\":");
        self.id(b'a', i);
        self.raw(",\"kind\":");
        self.raw(attribution_kind(a.kind));
        let mention = |w: &mut Self, m: &crate::model::Mention| {
            w.raw("{\"source\":");
            match m.source {
                Some(s) => w.id(b's', s),
                None => w.raw("\"\""),
            }
            let raw = loc.raw(m.span);
            w.raw(",\"text\":");
            w.prose_str(loc, m.span, raw);
            w.raw(",\"span\":");
            w.raw_span(loc, raw);
            w.buf.push(b'}');
        };
        self.raw(",\"sources\":");
        self.list(&a.sources, mention);
        if !a.cited.is_empty() {
            self.raw(",\"cited\":");
            self.list(&a.cited, mention);
        }
        self.raw(",\"cue\":");
        self.text_span(loc, a.cue, None, false);
        self.raw(",\"content\":");
        match &a.content {
            Some(c) => self.text_span(loc, c.span, fragments(c), c.truncated),
            None => self.raw("null"),
        }
        if let Some(l) = link {
            self.raw(",\"link\":{\"url\":");
            self.str(&l.url);
            self.raw(",\"domain\":");
            self.str(&l.domain);
            self.buf.push(b'}');
        }
        self.buf.push(b'}');
    }

    fn claim(&mut self, loc: &Locator, i: usize, c: &Claim) {
        self.raw("{\"id\":");
        self.id(b'c', i);
        let raw = loc.raw(c.span);
        self.raw(",\"text\":");
        self.prose_str(loc, c.span, raw);
        self.raw(",\"span\":");
        self.raw_span(loc, raw);
        self.raw(",\"checkworthiness\":");
        self.score(c.checkworthiness);
        self.raw(",\"kind\":");
        self.raw(claim_kind(c.kind));
        self.raw(",\"status\":");
        self.raw(claim_status(c.status));
        self.raw(",\"attributions\":");
        self.list(&c.attributions, |w, &a| w.id(b'a', a));
        self.raw(",\"inherited\":");
        self.list(&c.inherited, |w, &a| w.id(b'a', a));
        self.raw(",\"sources\":");
        self.list(&c.sources, |w, &s| w.id(b's', s));
        self.raw(",\"disputed_by\":");
        self.list(&c.disputed_by, |w, &s| w.id(b's', s));
        self.raw(",\"independent_sources\":");
        self.uint(c.independent_sources);
        self.buf.push(b'}');
    }

    fn finding(&mut self, loc: &Locator, f: &Finding, fingerprint: u64) {
        self.raw("{\"rule\":");
        self.str(&f.rule);
        self.raw(",\"severity\":");
        self.raw(severity(f.severity));
        self.raw(",\"message\":");
        self.str(&f.message);
        self.raw(",\"span\":");
        self.span(loc, f.span);
        self.raw(",\"claim\":");
        self.opt_id(b'c', f.claim);
        self.raw(",\"source\":");
        self.opt_id(b's', f.source);
        self.raw(",\"attribution\":");
        self.opt_id(b'a', f.attribution);
        self.raw(",\"suggestion\":");
        self.opt_str(f.suggestion.as_deref());
        self.raw(",\"fingerprint\":\"");
        // (hex digits: nothing to escape)
        self.buf
            .extend_from_slice(&super::fingerprint::hex16_bytes(fingerprint));
        self.buf.push(b'"');
        self.buf.push(b'}');
    }

    fn document(&mut self, a: &Analysis, independent_sources: usize, loc: &Locator) {
        self.raw("{\"path\":");
        self.str(&a.doc.path);
        self.raw(",\"format\":");
        self.raw(format(a.doc.format));
        if let Some(d) = &a.doc.date {
            self.raw(",\"date\":");
            self.str(d);
        }
        self.raw(",\"stats\":{\"sentences\":");
        self.uint(a.sentences.len());
        self.raw(",\"claims\":");
        self.uint(a.claims.len());
        self.raw(",\"attributions\":");
        self.uint(a.attributions.len());
        self.raw(",\"sources\":");
        self.uint(a.sources.len());
        self.raw(",\"independent_sources\":");
        self.uint(independent_sources);
        let cut = super::truncated_contents(a);
        if cut > 0 {
            self.raw(",\"truncated_contents\":");
            self.uint(cut);
        }
        self.raw("},\"sources\":");
        self.list_indexed(&a.sources, |w, i, s| w.source(loc, i, s));
        self.raw(",\"attributions\":");
        let links = a.attribution_links();
        self.list_indexed(&a.attributions, |w, i, at| {
            w.attribution(loc, i, at, links.get(i).copied().flatten())
        });
        self.raw(",\"claims\":");
        self.list_indexed(&a.claims, |w, i, c| w.claim(loc, i, c));
        self.raw(",\"findings\":");
        let fingerprints = super::fingerprint::hashes(a, loc);
        self.list_indexed(&a.findings, |w, i, f| w.finding(loc, f, fingerprints[i]));
        self.buf.push(b'}');
    }
}

/// A span object of the report ([`Line::raw_span`]) as it is put together: 70 bytes of names
/// and punctuation and six numbers of at most 20 digits each.
struct SpanBuf {
    bytes: [u8; 192],
    len: usize,
}

impl Default for SpanBuf {
    fn default() -> Self {
        SpanBuf {
            bytes: [0; 192],
            len: 0,
        }
    }
}

impl SpanBuf {
    #[inline(always)]
    fn put(&mut self, s: &[u8]) {
        self.bytes[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    #[inline(always)]
    fn uint(&mut self, n: usize) {
        // (the digits written straight into the span's buffer: through `decimal::digits`,
        // which returns its buffer, the span writer costs 12% more)
        // (and in place: not into a buffer of its own copied over)
        let at: &mut [u8; 24] = (&mut self.bytes[self.len..self.len + 24])
            .try_into()
            .expect("24 bytes");
        self.len += crate::decimal::decimal_at::<0>(at, n);
    }
}

/// The JSON strings of the enums of a report, as serde writes them (a test checks them): not
/// through serde_json's serializer and escaping, for thousands of values per document.
fn source_kind(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Person => "\"person\"",
        SourceKind::Organization => "\"organization\"",
        SourceKind::Media => "\"media\"",
        SourceKind::Government => "\"government\"",
        SourceKind::Anonymous => "\"anonymous\"",
        SourceKind::Unknown => "\"unknown\"",
    }
}

fn attribution_kind(k: AttributionKind) -> &'static str {
    match k {
        AttributionKind::DirectQuote => "\"direct_quote\"",
        AttributionKind::Indirect => "\"indirect\"",
        AttributionKind::AccordingTo => "\"according_to\"",
        AttributionKind::Passive => "\"passive\"",
        AttributionKind::Other => "\"other\"",
        AttributionKind::Transcript => "\"transcript\"",
        AttributionKind::Link => "\"link\"",
        AttributionKind::Agentless => "\"agentless\"",
    }
}

fn claim_kind(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Claim => "\"claim\"",
        ClaimKind::Background => "\"background\"",
        ClaimKind::SelfReport => "\"self_report\"",
        ClaimKind::Quote => "\"quote\"",
    }
}

fn claim_status(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Corroborated => "\"corroborated\"",
        ClaimStatus::SingleSource => "\"single_source\"",
        ClaimStatus::Unattributed => "\"unattributed\"",
        ClaimStatus::Disputed => "\"disputed\"",
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "\"info\"",
        Severity::Warning => "\"warning\"",
        Severity::Error => "\"error\"",
    }
}

fn format(f: Format) -> &'static str {
    match f {
        Format::Text => "\"text\"",
        Format::Markdown => "\"markdown\"",
        Format::Html => "\"html\"",
    }
}

/// For the tests of the locator: the JSON string of a span of the original, as [`Line`]
/// writes it.
#[cfg(test)]
pub(super) fn raw_str_for_tests(loc: &Locator, raw: Span) -> String {
    let mut w = Line::new(Vec::new(), None);
    w.raw_str(loc, raw);
    String::from_utf8(w.buf).expect("UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_as_serde_writes_them() {
        use serde_json::to_string as json;
        for k in [
            SourceKind::Person,
            SourceKind::Organization,
            SourceKind::Media,
            SourceKind::Government,
            SourceKind::Anonymous,
            SourceKind::Unknown,
        ] {
            assert_eq!(source_kind(k), json(&k).unwrap());
        }
        for k in [
            AttributionKind::DirectQuote,
            AttributionKind::Indirect,
            AttributionKind::AccordingTo,
            AttributionKind::Passive,
            AttributionKind::Other,
            AttributionKind::Transcript,
            AttributionKind::Link,
        ] {
            assert_eq!(attribution_kind(k), json(&k).unwrap());
        }
        for s in [
            ClaimStatus::Corroborated,
            ClaimStatus::SingleSource,
            ClaimStatus::Unattributed,
            ClaimStatus::Disputed,
        ] {
            assert_eq!(claim_status(s), json(&s).unwrap());
        }
        for k in [
            ClaimKind::Claim,
            ClaimKind::Background,
            ClaimKind::SelfReport,
            ClaimKind::Quote,
        ] {
            assert_eq!(claim_kind(k), json(&k).unwrap());
        }
        for s in [Severity::Info, Severity::Warning, Severity::Error] {
            assert_eq!(severity(s), json(&s).unwrap());
        }
        for f in [Format::Text, Format::Markdown, Format::Html] {
            assert_eq!(format(f), json(&f).unwrap());
        }
    }

    #[test]
    fn scores_as_serde_json_writes_them() {
        let mut xs: Vec<f64> = (-300..=300).map(|k| k as f64 / 200.0).collect();
        xs.extend([
            0.0,
            -0.0,
            0.004,
            0.005,
            0.0049999,
            0.995,
            0.99499,
            1.004,
            1.005,
            100.0,
            1e300,
            -1e-300,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            0.1 + 0.2,
            0.35 * 3.0,
        ]);
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            xs.push((seed >> 11) as f64 / (1u64 << 53) as f64 * 1.2 - 0.1);
        }
        for x in xs {
            let mut w = Line::new(Vec::new(), None);
            w.score(x);
            assert_eq!(
                String::from_utf8(w.buf).unwrap(),
                serde_json::to_string(&round2(x)).unwrap(),
                "{x}"
            );
        }
    }

    #[test]
    fn numbers_are_decimal() {
        let mut n = 1usize;
        for k in 0..200 {
            for m in [k, n.wrapping_sub(1), n, n.wrapping_add(1), usize::MAX - k] {
                let mut w = Line::new(Vec::new(), None);
                w.uint(m);
                assert_eq!(String::from_utf8(w.buf).unwrap(), m.to_string());
                if m < usize::MAX {
                    let mut w = Line::new(Vec::new(), None);
                    w.id(b'c', m);
                    assert_eq!(String::from_utf8(w.buf).unwrap(), format!("\"c{}\"", m + 1));
                }
            }
            n = n.wrapping_mul(3) | 1;
        }
    }

    #[test]
    fn strings_escape_as_serde_json_escapes() {
        let alphabet = [
            "a", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}", "é",
            "\u{201c}", "中", "abcdefgh", " ", "/", "\u{2028}", "\u{80}", "\u{9b}", "\u{9f}",
            "\u{a0}", "\u{c2}",
        ];
        for s in crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 5000, 40) {
            let mut w = Line::new(Vec::new(), None);
            w.str(&s);
            let mut serde = serde_json::to_string(&s).unwrap();
            escape_del_c1(&mut serde);
            let line = String::from_utf8(w.buf).unwrap();
            assert_eq!(line, serde, "{s:?}");
            assert!(!line.contains(|c: char| ('\u{7f}'..='\u{9f}').contains(&c)));
            assert_eq!(serde_json::from_str::<String>(&line).unwrap(), s);
        }
    }

    #[test]
    fn del_and_c1_controls_are_escaped() {
        let mut s = serde_json::to_string("a\u{7f}b\u{80}\u{9b}[2J\u{9f}\u{a0}é\u{c2}").unwrap();
        escape_del_c1(&mut s);
        assert_eq!(s, "\"a\\u007fb\\u0080\\u009b[2J\\u009f\u{a0}é\u{c2}\"");
        let mut w = Line::new(Vec::new(), None);
        w.str("x\u{85}y");
        assert_eq!(w.buf, b"\"x\\u0085y\"");
    }

    #[test]
    fn lines_are_serde_json_s() {
        use crate::{Checker, Registry, Ruleset};
        let reg = Registry::from_csv(
            "r.csv",
            "id,name,kind,aliases,affiliation,credibility\nth,Tom Hegel,person,T. Hegel,,high\nr,Reuters,media,,,low\n",
        )
        .unwrap();
        let checker = Checker::new(Ruleset::embedded(), Some(reg));
        let seed = include_str!("../../fixtures/seed/npo-mash.txt");
        let texts = [
            seed,
            "\"We will win,\" she said, \"and soon.\"\n\nThe dam failed, police said, according to Reuters.\tTom Hegel said \"x\\y\u{1}\" was fine.",
            "Tom Hegel found it. T. Hegel added that \"it was rare.\" Ms. Ann Lee said so.\r\n\r\nNo one said anything about the 400 jobs lost in 2023 at Acme Corp.",
        ];
        for (k, text) in texts.iter().enumerate() {
            let a = checker.check(crate::input::parse_text(
                &format!("d\"{k}\n"),
                text.to_string(),
            ));
            let rep = crate::report::build(&a, 1);
            let line = render_analysis_line(&a, 1);
            assert_eq!(line, serde_json::to_string(&rep).unwrap() + "\n", "{text}");
            // written as it is made, in pieces of every size
            for spill in [1, 7, 100, 1 << 16] {
                let mut out = Vec::new();
                write_analysis_line_in(&a, 1, &mut out, spill).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), line, "{spill}");
            }
        }
    }
}
