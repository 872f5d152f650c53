//! The terminal report (`--format text`): one block per finding, then a table of the document's
//! sources and a summary line; [`render_summary`] prints the totals of a run.
//!
//! A finding looks like this (the first line is stable and grep-friendly:
//! `{path}:{line}:{column}: {severity}[{rule}] {message}`):
//!
//! ```text
//! fixtures/seed/npo-mash.txt:6:1: warning[unattributed-claim] claim has no source: ...
//!   |
//! 6 | While investigating the breach, an NPO Mash employee unintentionally exposed the ...
//!   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!   = help: did you mean Tom Hegel?
//! ```
//!
//! Every piece of text that comes from a document, a registry, a rule file or a path goes
//! through [`sanitize`] before it reaches the terminal, so hostile input cannot inject escape
//! sequences, control characters or bidi overrides. Colour codes come only from this module.

use super::{DocumentReport, FindingReport, Summary};
use crate::model::{ClaimStatus, Severity};
use std::fmt::Write as _;

/// Options of the text report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Use ANSI colours.
    pub color: bool,
}

/// Most characters of a source line shown in a snippet (not counting `...` elisions).
const WINDOW: usize = 100;
/// Characters kept before the span start when a long line has to be windowed.
const CONTEXT_BEFORE: usize = 30;
/// Widest a cell of the sources table may be (longer names are cut with `…`).
const MAX_CELL: usize = 48;
/// The elision mark of windowed lines.
const ELLIPSIS: &str = "...";

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED_BOLD: &str = "\x1b[1;31m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const BLUE_BOLD: &str = "\x1b[1;34m";

/// The character shown in place of `c`, which comes from untrusted text: `c` itself when it is
/// safe to print, a space for a tab or a line break, U+FFFD for anything a terminal could
/// interpret or that would hide what the text says. The list (docs/security.md repeats it):
///
/// - C0 controls U+0000 to U+001F (ESC included; tab, LF and CR become a space), DEL U+007F and
///   the C1 controls U+0080 to U+009F (U+009B is a one-character CSI);
/// - the line and paragraph separators U+2028 and U+2029;
/// - bidi controls: the marks U+061C (ALM), U+200E (LRM), U+200F (RLM), the embeddings and
///   overrides U+202A to U+202E, the isolates U+2066 to U+2069;
/// - invisible characters: the soft hyphen U+00AD, U+180E (Mongolian vowel separator), the
///   zero-width space, non-joiner and joiner U+200B to U+200D, the word joiner and invisible
///   operators U+2060 to U+2064, the zero-width no-break space (BOM) U+FEFF, the interlinear
///   annotation controls U+FFF9 to U+FFFB, and the tag characters U+E0000 to U+E007F.
///
/// Exactly one character out for one character in, so columns of the original line and of the
/// displayed line agree (columns count characters).
pub fn sanitize_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => '\u{fffd}',
        '\u{2028}' | '\u{2029}' => '\u{fffd}',
        '\u{61c}' | '\u{200e}' | '\u{200f}' => '\u{fffd}',
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' => '\u{fffd}',
        '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}' => '\u{fffd}',
        _ => c,
    }
}

/// `s` made safe to write to a terminal on one line: every character passed through
/// [`sanitize_char`] (so no control character, escape sequence, line break or bidi control
/// survives, and the result has as many characters as `s`).
pub fn sanitize(s: &str) -> String {
    s.chars().map(sanitize_char).collect()
}

/// Paint `text` (already sanitized) with an ANSI style when colour is on.
fn paint(out: &mut String, color: bool, style: &str, text: &str) {
    if color {
        out.push_str(style);
        out.push_str(text);
        out.push_str(RESET);
    } else {
        out.push_str(text);
    }
}

fn severity_style(s: Severity) -> &'static str {
    match s {
        Severity::Error => RED_BOLD,
        Severity::Warning => YELLOW_BOLD,
        Severity::Info => BLUE_BOLD,
    }
}

/// Start offsets of the lines of a text, for offset -> line lookups.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(raw: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            raw.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { starts }
    }

    /// Byte range of the line holding `offset` (at most `raw.len()`), without its terminator.
    fn line_of(&self, raw: &str, offset: usize) -> (usize, usize) {
        let i = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(i).copied().unwrap_or(0);
        let mut end = self.starts.get(i + 1).map(|&n| n - 1).unwrap_or(raw.len());
        if end > start && raw.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end.max(start))
    }
}

/// The displayed part of one source line: the text (sanitized, with `...` elisions) and where
/// the carets go, in characters of the displayed text.
#[derive(Debug, PartialEq, Eq)]
struct Snippet {
    text: String,
    caret_start: usize,
    caret_len: usize,
}

/// The snippet of the line holding byte `start` of `raw`, with carets over `start..end` (to the
/// end of the line when the span runs over several lines; at least one caret).
fn snippet(raw: &str, lines: &Lines, start: usize, end: usize) -> Option<Snippet> {
    if start > raw.len() {
        return None;
    }
    let start = raw.floor_char_boundary(start);
    let end = raw.floor_char_boundary(end.min(raw.len())).max(start);
    let (line_start, line_end) = lines.line_of(raw, start);
    // `start` may sit on a `\r` before `\n`: then the span starts at the end of the line.
    let start = start.min(line_end).max(line_start);

    let mut before: Vec<char> = raw[line_start..start]
        .chars()
        .rev()
        .take(WINDOW + 1)
        .collect();
    before.reverse();
    let after: Vec<char> = raw[start..line_end].chars().take(WINDOW + 1).collect();
    // Characters of the span on this line (capped: only how far it reaches into the window counts).
    let span_chars = raw[start..end.min(line_end)]
        .chars()
        .take(WINDOW + 1)
        .count();

    let (before_shown, after_shown) = if before.len() + after.len() <= WINDOW {
        (before.len(), after.len())
    } else {
        let b = before
            .len()
            .min(CONTEXT_BEFORE.max(WINDOW.saturating_sub(after.len())));
        (b, after.len().min(WINDOW - b))
    };
    let left_elided = before_shown < before.len();
    let right_elided = after_shown < after.len();

    let mut text = String::new();
    if left_elided {
        text.push_str(ELLIPSIS);
    }
    let shown = before[before.len() - before_shown..]
        .iter()
        .chain(&after[..after_shown]);
    text.extend(shown.map(|&c| sanitize_char(c)));
    if right_elided {
        text.push_str(ELLIPSIS);
    }

    let caret_start = before_shown + if left_elided { ELLIPSIS.len() } else { 0 };
    let runs_on = span_chars > after_shown || end > line_end;
    let mut caret_len = span_chars.min(after_shown);
    if runs_on && right_elided {
        // The span goes on past the window: carets under the elision too.
        caret_len = after_shown + ELLIPSIS.len();
    }
    Some(Snippet {
        text,
        caret_start,
        caret_len: caret_len.max(1),
    })
}

fn render_finding(
    out: &mut String,
    path: &str,
    f: &FindingReport,
    via: &[String],
    raw: &str,
    lines: &Lines,
    color: bool,
) {
    let sev = f.severity;
    // Header: path:line:col: severity[rule] message
    paint(out, color, BOLD, path);
    let _ = write!(out, ":{}:{}: ", f.span.line, f.span.column);
    paint(out, color, severity_style(sev), sev.as_str());
    out.push('[');
    paint(out, color, BOLD, &sanitize(&f.rule));
    out.push_str("] ");
    out.push_str(&sanitize(&f.message));
    out.push('\n');

    let line_no = f.span.line.to_string();
    let pad = " ".repeat(line_no.len());
    let gutter = |out: &mut String, label: &str, sep: &str| {
        let g = format!("{label:>w$} {sep}", w = line_no.len());
        paint(out, color, DIM, &g);
    };
    if let Some(sn) = snippet(raw, lines, f.span.start, f.span.end) {
        gutter(out, &pad, "|");
        out.push('\n');
        gutter(out, &line_no, "|");
        if !sn.text.is_empty() {
            out.push(' ');
            out.push_str(&sn.text);
        }
        out.push('\n');
        gutter(out, &pad, "|");
        out.push(' ');
        out.push_str(&" ".repeat(sn.caret_start));
        paint(out, color, severity_style(sev), &"^".repeat(sn.caret_len));
        out.push('\n');
    }
    // `= note: ...` and `= help: ...` under the snippet (the text sanitised)
    let footnote = |out: &mut String, label: &str, text: &str| {
        gutter(out, &pad, "=");
        out.push(' ');
        paint(out, color, BOLD, label);
        out.push_str(": ");
        out.push_str(&sanitize(text));
        out.push('\n');
    };
    for v in via {
        footnote(out, "note", v);
    }
    if let Some(s) = &f.suggestion {
        footnote(out, "help", s);
    }
    out.push('\n');
}

/// For a finding about a claim with inherited supports, where each comes from: "source
/// inherited via 'Hegel told the outlet', line 4" (the attribution's source and cue, in the
/// order written, and the line of its cue).
fn inherited_notes(doc: &DocumentReport, f: &FindingReport) -> Vec<String> {
    let Some(claim) = f
        .claim
        .as_ref()
        .and_then(|id| doc.claims.iter().find(|c| &c.id == id))
    else {
        return Vec::new();
    };
    claim
        .inherited
        .iter()
        .filter_map(|id| doc.attributions.iter().find(|a| &a.id == id))
        .map(|a| {
            let cue = &a.cue;
            let words = match a.sources.first() {
                Some(m) if m.span.start < cue.span.start => format!("{} {}", m.text, cue.text),
                Some(m) => format!("{} {}", cue.text, m.text),
                None => cue.text.clone(),
            };
            format!("source inherited via '{words}', line {}", cue.span.line)
        })
        .collect()
}

/// `s` sanitized and cut to at most `max` characters (the last one `…` when cut).
fn cell(s: &str, max: usize) -> String {
    let clean = sanitize(s);
    if clean.chars().count() <= max {
        return clean;
    }
    let mut cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn source_row(doc: &DocumentReport, group: &[usize]) -> [String; 5] {
    let s = &doc.sources[group[0]];
    let (registry, credibility) = match &s.registry {
        Some(r) => (
            format!("{} ({})", r.id, enum_name(&r.how)),
            r.credibility
                .map(|c| c.as_str().to_string())
                .unwrap_or_else(|| "-".into()),
        ),
        None => ("-".into(), "-".into()),
    };
    let ids: Vec<&String> = group.iter().map(|&i| &doc.sources[i].id).collect();
    let claims = doc
        .claims
        .iter()
        .filter(|c| c.sources.iter().any(|id| ids.contains(&id)))
        .count();
    [
        cell(&crate::model::source_label(&s.name), MAX_CELL),
        enum_name(&s.kind),
        cell(&registry, MAX_CELL),
        credibility,
        claims.to_string(),
    ]
}

/// The serialized (snake_case) name of a unit enum variant.
fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => sanitize(&s),
        _ => "?".into(),
    }
}

fn render_sources(out: &mut String, doc: &DocumentReport, color: bool) {
    // (each source once: two unresolved "she" are one row)
    let groups = super::source_rows(doc);
    let _ = writeln!(out, "Sources ({})", groups.len());
    if groups.is_empty() {
        return;
    }
    let header = ["name", "kind", "registry", "credibility", "claims"];
    let rows: Vec<[String; 5]> = groups.iter().map(|g| source_row(doc, g)).collect();
    let mut widths = header.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[&str]| -> String {
        let mut l = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            l.push(' ');
            if i + 1 == cells.len() {
                // The count column, right-aligned; no trailing spaces.
                let _ = write!(l, "{c:>w$}", w = widths[i]);
            } else {
                let _ = write!(l, "{c:<w$} ", w = widths[i]);
            }
        }
        l
    };
    paint(out, color, DIM, &line(&header));
    out.push('\n');
    for r in &rows {
        let cells: Vec<&str> = r.iter().map(String::as_str).collect();
        out.push_str(&line(&cells));
        out.push('\n');
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `1 error, 6 warnings, 3 info`, coloured when colour is on and the count is not zero.
fn severity_counts(out: &mut String, color: bool, error: usize, warning: usize, info: usize) {
    let parts = [
        (plural(error, "error", "errors"), error, Severity::Error),
        (
            plural(warning, "warning", "warnings"),
            warning,
            Severity::Warning,
        ),
        (format!("{info} info"), info, Severity::Info),
    ];
    for (i, (text, n, sev)) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if *n > 0 {
            paint(out, color, severity_style(*sev), text);
        } else {
            out.push_str(text);
        }
    }
}

/// Render one document for a person reading a terminal. `raw` is the document's original text;
/// the spans of `doc` are byte offsets into it (spans that do not fit `raw` get no snippet).
///
/// Output: one block per finding (header line, snippet with carets, `help:` when there is a
/// suggestion), the sources table, and a summary line `{path}: claims: ...`, then a blank line.
pub fn render_document(doc: &DocumentReport, raw: &str, opts: TextOptions) -> String {
    let color = opts.color;
    let path = sanitize(&doc.path);
    let mut out = String::new();
    if !doc.findings.is_empty() {
        let lines = Lines::new(raw);
        for f in &doc.findings {
            let via = inherited_notes(doc, f);
            render_finding(&mut out, &path, f, &via, raw, &lines, color);
        }
    }
    render_sources(&mut out, doc, color);

    let count = |s: ClaimStatus| doc.claims.iter().filter(|c| c.status == s).count();
    let (mut error, mut warning, mut info) = (0, 0, 0);
    for f in &doc.findings {
        match f.severity {
            Severity::Error => error += 1,
            Severity::Warning => warning += 1,
            Severity::Info => info += 1,
        }
    }
    paint(&mut out, color, BOLD, &path);
    let _ = write!(
        out,
        ": claims: {} (corroborated {}, single-source {}, unattributed {}); attributions: {}; findings: ",
        doc.claims.len(),
        count(ClaimStatus::Corroborated),
        count(ClaimStatus::SingleSource),
        count(ClaimStatus::Unattributed),
        doc.attributions.len(),
    );
    severity_counts(&mut out, color, error, warning, info);
    out.push_str("\n\n");
    out
}

/// Render the run's totals: documents, claims, attributions, sources and findings by severity,
/// on one line.
pub fn render_summary(summary: &Summary, opts: TextOptions) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "checked {}: {}, {}, {}; findings: ",
        plural(summary.documents, "document", "documents"),
        plural(summary.claims, "claim", "claims"),
        plural(summary.attributions, "attribution", "attributions"),
        plural(summary.sources, "source", "sources"),
    );
    let f = summary.findings;
    severity_counts(&mut out, opts.color, f.error, f.warning, f.info);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;
    use crate::model::{AttributionKind, SourceKind};
    use crate::registry::{Credibility, MatchKind};
    use crate::report::{
        AttributionReport, AttributionSourceReport, ClaimReport, RegistryReport, SourceReport,
        SpanReport, Stats, TextSpan,
    };

    /// A report span for bytes `start..end` of `raw` (line/column computed from `raw`).
    fn span(raw: &str, start: usize, end: usize) -> SpanReport {
        let idx = crate::span::LineIndex::new(raw);
        let (line, column) = idx.line_col(raw, start);
        let (end_line, end_column) = idx.line_col(raw, end);
        SpanReport {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    fn span_of(raw: &str, needle: &str) -> SpanReport {
        let start = raw.find(needle).expect("needle in raw");
        span(raw, start, start + needle.len())
    }

    fn finding(
        rule: &str,
        severity: Severity,
        message: &str,
        span: SpanReport,
        suggestion: Option<&str>,
    ) -> FindingReport {
        FindingReport {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            claim: None,
            source: None,
            attribution: None,
            suggestion: suggestion.map(String::from),
            fingerprint: String::new(),
        }
    }

    fn doc(path: &str, findings: Vec<FindingReport>) -> DocumentReport {
        DocumentReport {
            path: path.into(),
            format: Format::Text,
            date: None,
            stats: Stats {
                sentences: 0,
                claims: 0,
                attributions: 0,
                sources: 0,
                independent_sources: 0,
                truncated_contents: 0,
            },
            sources: Vec::new(),
            attributions: Vec::new(),
            claims: Vec::new(),
            findings,
        }
    }

    fn source(
        id: &str,
        name: &str,
        kind: SourceKind,
        registry: Option<(&str, MatchKind, Option<Credibility>)>,
    ) -> SourceReport {
        SourceReport {
            id: id.into(),
            name: name.into(),
            kind,
            anonymous: kind == SourceKind::Anonymous,
            registry: registry.map(|(id, how, credibility)| RegistryReport {
                id: id.into(),
                how,
                score: 1.0,
                credibility,
            }),
            mentions: Vec::new(),
        }
    }

    fn claim(
        raw: &str,
        id: &str,
        text: &str,
        status: ClaimStatus,
        sources: &[&str],
    ) -> ClaimReport {
        ClaimReport {
            id: id.into(),
            text: text.into(),
            span: span_of(raw, text),
            checkworthiness: 0.5,
            kind: crate::model::ClaimKind::Claim,
            status,
            attributions: Vec::new(),
            inherited: Vec::new(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            disputed_by: Vec::new(),
            independent_sources: sources.len(),
        }
    }

    const PLAIN: TextOptions = TextOptions { color: false };
    const COLOR: TextOptions = TextOptions { color: true };

    fn has_escape(s: &str) -> bool {
        s.chars().any(|c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
    }

    #[test]
    fn sanitize_replaces_controls_escapes_and_bidi() {
        assert_eq!(sanitize("plain “text” é 漢字"), "plain “text” é 漢字");
        assert_eq!(sanitize("a\tb\nc\r\n"), "a b c  ");
        assert_eq!(sanitize("\x1b[2J"), "\u{fffd}[2J");
        assert_eq!(sanitize("\x1b]0;evil\x07"), "\u{fffd}]0;evil\u{fffd}");
        assert_eq!(
            sanitize("\u{7f}\u{80}\u{9b}\u{9f}\u{a0}"),
            "\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{a0}"
        );
        assert_eq!(
            sanitize("x\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}y"),
            format!("x{}y", "\u{fffd}".repeat(9))
        );
        assert_eq!(sanitize("\u{2028}\u{2029}\0"), "\u{fffd}\u{fffd}\u{fffd}");
        // One character out per character in.
        let hostile = "\x1b[31mred\x1b[0m\u{202e}txt.exe\u{9b}";
        assert_eq!(sanitize(hostile).chars().count(), hostile.chars().count());
        assert!(!has_escape(&sanitize(hostile)));
    }

    #[test]
    fn sanitize_replaces_bidi_marks_and_invisible_characters() {
        for c in [
            '\u{61c}',
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{ad}',
            '\u{180e}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{2064}',
            '\u{feff}',
            '\u{fff9}',
            '\u{fffb}',
            '\u{e0000}',
            '\u{e0041}',
            '\u{e007f}',
        ] {
            assert_eq!(
                sanitize(&format!("a{c}b")),
                "a\u{fffd}b",
                "U+{:04X}",
                c as u32
            );
        }
        // their neighbours are printable and kept
        for c in [
            '\u{2010}',
            '\u{2065}',
            '\u{fffc}',
            '\u{e0080}',
            '\u{ae}',
            '\u{200a}',
        ] {
            assert_eq!(
                sanitize(&format!("a{c}b")),
                format!("a{c}b"),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn header_line_format() {
        let raw = "First line.\nSecond line says something.\n";
        let d = doc(
            "news/a.txt",
            vec![finding(
                "unattributed-claim",
                Severity::Warning,
                "claim has no source",
                span_of(raw, "says something"),
                None,
            )],
        );
        let out = render_document(&d, raw, PLAIN);
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "news/a.txt:2:13: warning[unattributed-claim] claim has no source"
        );
    }

    #[test]
    fn caret_under_span_after_multibyte_characters() {
        let raw = "Intro.\n“Quoted” — «text» then the claim here, said he.\n";
        let d = doc(
            "a.txt",
            vec![finding(
                "r",
                Severity::Error,
                "m",
                span_of(raw, "the claim"),
                None,
            )],
        );
        let out = render_document(&d, raw, PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "a.txt:2:24: error[r] m");
        assert_eq!(lines[1], "  |");
        assert_eq!(
            lines[2],
            "2 | “Quoted” — «text» then the claim here, said he."
        );
        assert_eq!(lines[3], format!("  | {}^^^^^^^^^", " ".repeat(23)));
        // The carets start under the span's first character, counted in characters.
        let shown: Vec<char> = lines[2].chars().collect();
        let caret_at = lines[3].chars().position(|c| c == '^').unwrap();
        let under: String = shown[caret_at..caret_at + 9].iter().collect();
        assert_eq!(under, "the claim");
    }

    #[test]
    fn long_line_is_windowed() {
        let mut line = String::new();
        for i in 0..60 {
            let _ = write!(line, "word{i:02} ");
        }
        let raw = format!("{line}\n");
        // "word30" starts at column 211.
        let d = doc(
            "long.txt",
            vec![finding(
                "r",
                Severity::Info,
                "m",
                span_of(&raw, "word30"),
                None,
            )],
        );
        let out = render_document(&d, &raw, PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "long.txt:1:211: info[r] m");
        let shown = lines[2].strip_prefix("1 | ").unwrap();
        assert!(shown.starts_with("..."), "{shown}");
        assert!(shown.ends_with("..."), "{shown}");
        assert_eq!(shown.chars().count(), WINDOW + 2 * ELLIPSIS.len());
        let carets = lines[3].strip_prefix("  | ").unwrap();
        let at = carets.find('^').unwrap();
        assert_eq!(carets[at..].len(), "word30".len());
        assert_eq!(&shown[at..at + 6], "word30");
        assert_eq!(at, ELLIPSIS.len() + CONTEXT_BEFORE);

        // Near the start of a long line: no left elision.
        let d = doc(
            "long.txt",
            vec![finding(
                "r",
                Severity::Info,
                "m",
                span_of(&raw, "word01"),
                None,
            )],
        );
        let out = render_document(&d, &raw, PLAIN);
        let shown = out.lines().nth(2).unwrap().strip_prefix("1 | ").unwrap();
        assert!(shown.starts_with("word00 word01"));
        assert!(shown.ends_with("..."));
        // Near the end: no right elision, the window is filled from the left.
        let d = doc(
            "long.txt",
            vec![finding(
                "r",
                Severity::Info,
                "m",
                span_of(&raw, "word59"),
                None,
            )],
        );
        let out = render_document(&d, &raw, PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        let shown = lines[2].strip_prefix("1 | ").unwrap();
        assert!(shown.starts_with("..."));
        assert!(shown.ends_with("word59 "));
        assert_eq!(shown.chars().count(), WINDOW + ELLIPSIS.len());
        let carets = lines[3].strip_prefix("  | ").unwrap();
        assert_eq!(carets.find('^').unwrap(), shown.find("word59").unwrap());
    }

    #[test]
    fn span_longer_than_window_gets_carets_under_elision() {
        let raw = format!("{}\n", "x".repeat(300));
        let d = doc(
            "a.txt",
            vec![finding(
                "r",
                Severity::Warning,
                "m",
                span(&raw, 0, 300),
                None,
            )],
        );
        let out = render_document(&d, &raw, PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], format!("1 | {}...", "x".repeat(WINDOW)));
        assert_eq!(lines[3], format!("  | {}", "^".repeat(WINDOW + 3)));
    }

    #[test]
    fn multi_line_span_carets_to_end_of_first_line() {
        let raw = "one two\r\nthree four\r\n";
        let d = doc(
            "a.txt",
            vec![finding(
                "r",
                Severity::Warning,
                "m",
                span_of(raw, "two\r\nthree"),
                None,
            )],
        );
        let out = render_document(&d, raw, PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "1 | one two");
        assert_eq!(lines[3], "  |     ^^^");
    }

    #[test]
    fn empty_and_out_of_range_spans_do_not_panic() {
        let raw = "abc “d”\n";
        let cases = [
            (3, 3),     // empty span
            (8, 8),     // at the newline
            (9, 9),     // at the very end
            (5, 6),     // inside a multi-byte character
            (7, 2),     // end before start
            (100, 200), // past the end
        ];
        for (s, e) in cases {
            let mut sp = span(raw, s.min(raw.len()), e.min(raw.len()));
            sp.start = s;
            sp.end = e;
            let d = doc("a.txt", vec![finding("r", Severity::Info, "m", sp, None)]);
            let out = render_document(&d, raw, PLAIN);
            assert!(out.starts_with("a.txt:"));
            if s <= raw.len() {
                assert!(out.contains('^'), "{s}..{e}: {out}");
            } else {
                assert!(!out.contains('^'));
            }
        }
        // An empty document.
        let mut sp = span("", 0, 0);
        sp.end = 5;
        let d = doc("-", vec![finding("r", Severity::Info, "m", sp, None)]);
        let out = render_document(&d, "", PLAIN);
        assert!(out.contains("1 |\n  | ^\n"), "{out}");
    }

    #[test]
    fn help_line_only_with_suggestion() {
        let raw = "Hegle said so.\n";
        let with = doc(
            "a.txt",
            vec![finding(
                "unknown-source",
                Severity::Warning,
                "source not in the registry",
                span_of(raw, "Hegle"),
                Some("did you mean Tom Hegel?"),
            )],
        );
        let out = render_document(&with, raw, PLAIN);
        assert!(
            out.contains("\n  = help: did you mean Tom Hegel?\n"),
            "{out}"
        );
        let without = doc(
            "a.txt",
            vec![finding(
                "unknown-source",
                Severity::Warning,
                "m",
                span_of(raw, "Hegle"),
                None,
            )],
        );
        assert!(!render_document(&without, raw, PLAIN).contains("help"));
    }

    #[test]
    fn color_only_when_asked() {
        let raw = "Some claim.\n";
        let d = doc(
            "a.txt",
            vec![
                finding(
                    "r1",
                    Severity::Error,
                    "m",
                    span_of(raw, "claim"),
                    Some("fix"),
                ),
                finding("r2", Severity::Warning, "m", span_of(raw, "Some"), None),
                finding("r3", Severity::Info, "m", span_of(raw, "Some"), None),
            ],
        );
        let mut summary = Summary::default();
        summary.add(&d);
        let plain = render_document(&d, raw, PLAIN) + &render_summary(&summary, PLAIN);
        assert!(!plain.contains('\x1b'));
        let colored = render_document(&d, raw, COLOR) + &render_summary(&summary, COLOR);
        assert!(colored.contains("\x1b[1;31merror\x1b[0m[\x1b[1mr1\x1b[0m]"));
        assert!(colored.contains("\x1b[1;33mwarning\x1b[0m"));
        assert!(colored.contains("\x1b[1;34minfo\x1b[0m"));
        assert!(colored.contains("\x1b[1;31m^^^^^\x1b[0m"));
        // Without the codes, the coloured output is the plain one.
        let stripped = regex::Regex::new("\x1b\\[[0-9;]*m")
            .unwrap()
            .replace_all(&colored, "");
        assert_eq!(stripped, plain);
    }

    #[test]
    fn hostile_text_prints_no_escape_sequences() {
        let raw = "Evil \x1b]0;evil\x07 title \x1b[2J and \u{202e}txt.exe\u{9b}31m here.\n";
        let mut d = doc(
            "dir/\x1b[2Jevil\x1b]0;evil\x07.txt",
            vec![finding(
                "rule\x1b[31m",
                Severity::Error,
                "message \x1b]0;evil\x07 with \x1b[2J and\nnewline",
                span_of(raw, "title"),
                Some("did you mean \x1b[2J\u{2066}x?"),
            )],
        );
        d.sources.push(source(
            "s1",
            "Name\x1b[2J\u{202e}",
            SourceKind::Person,
            Some(("id\x07\x1b]0;x", MatchKind::Exact, None)),
        ));
        let ours = regex::Regex::new("\x1b\\[(0|1|2|1;31|1;33|1;34)m").unwrap();
        for opts in [PLAIN, COLOR] {
            let out = render_document(&d, raw, opts);
            let without_ours = ours.replace_all(&out, "").to_string();
            assert!(!has_escape(&without_ours), "{without_ours:?}");
            assert!(!out.contains('\x07'));
            assert!(!out.contains("\x1b[2J"));
            assert!(!out.contains("\x1b]"));
            assert!(out.contains("message \u{fffd}]0;evil\u{fffd} with \u{fffd}[2J and newline"));
        }
        // The snippet keeps its columns: the carets are under "title".
        let out = render_document(&d, raw, PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        let shown: Vec<char> = lines[2].chars().collect();
        let at = lines[3].chars().position(|c| c == '^').unwrap();
        assert_eq!(shown[at..at + 5].iter().collect::<String>(), "title");
    }

    #[test]
    fn sources_table_is_aligned() {
        let raw = "Reuters said A. Experts said B. Hegel said A.\n";
        let mut d = doc("a.txt", Vec::new());
        d.sources = vec![
            source(
                "s1",
                "Reuters",
                SourceKind::Media,
                Some(("reuters", MatchKind::Exact, Some(Credibility::High))),
            ),
            source("s2", "cybersecurity experts", SourceKind::Anonymous, None),
            source(
                "s3",
                "Tom Hegel",
                SourceKind::Person,
                Some(("tom-hegel", MatchKind::Surname, None)),
            ),
        ];
        d.claims = vec![
            claim(
                raw,
                "c1",
                "said A",
                ClaimStatus::Corroborated,
                &["s1", "s3"],
            ),
            claim(raw, "c2", "said B", ClaimStatus::SingleSource, &["s2"]),
            claim(raw, "c3", "Hegel", ClaimStatus::Unattributed, &[]),
        ];
        let out = render_document(&d, raw, PLAIN);
        let expected = "\
Sources (3)
  name                   kind       registry             credibility  claims
  Reuters                media      reuters (exact)      high              1
  cybersecurity experts  anonymous  -                    -                 1
  Tom Hegel              person     tom-hegel (surname)  -                 1
a.txt: claims: 3 (corroborated 1, single-source 1, unattributed 1); attributions: 0; findings: 0 errors, 0 warnings, 0 info

";
        assert_eq!(out, expected);
    }

    #[test]
    fn long_names_are_cut_in_the_table() {
        let mut d = doc("a.txt", Vec::new());
        d.sources = vec![source("s1", &"N".repeat(200), SourceKind::Unknown, None)];
        let out = render_document(&d, "", PLAIN);
        let row = out.lines().nth(2).unwrap();
        assert!(row.contains(&format!("{}…", "N".repeat(MAX_CELL - 1))));
        assert!(!row.contains(&"N".repeat(MAX_CELL)));
    }

    #[test]
    fn full_rendering() {
        let raw = "Tom Hegel found the hackers gained access, according to Reuters.\n\
                   While investigating the breach, an employee exposed the company’s mail.\n";
        let mut d = doc(
            "fixtures/seed/npo-mash.txt",
            vec![
                finding(
                    "unattributed-claim",
                    Severity::Warning,
                    "claim has no source: nothing in this paragraph says who stands behind it",
                    span_of(
                        raw,
                        "While investigating the breach, an employee exposed the company’s mail.",
                    ),
                    None,
                ),
                finding(
                    "unknown-source",
                    Severity::Info,
                    "Tom Hegel is not in the registry",
                    span_of(raw, "Tom Hegel"),
                    Some("did you mean Thomas Hegel?"),
                ),
            ],
        );
        d.sources = vec![
            source("s1", "Tom Hegel", SourceKind::Person, None),
            source(
                "s2",
                "Reuters",
                SourceKind::Media,
                Some(("reuters", MatchKind::Exact, Some(Credibility::High))),
            ),
        ];
        d.attributions = vec![AttributionReport {
            id: "a1".into(),
            kind: AttributionKind::AccordingTo,
            sources: vec![AttributionSourceReport {
                source: "s2".into(),
                text: "Reuters".into(),
                span: span_of(raw, "Reuters"),
            }],
            cited: Vec::new(),
            cue: TextSpan {
                text: "according to".into(),
                span: span_of(raw, "according to"),
                fragments: None,
                truncated: false,
            },
            content: None,
            link: None,
        }];
        d.claims = vec![
            claim(
                raw,
                "c1",
                "Tom Hegel found the hackers gained access, according to Reuters.",
                ClaimStatus::Corroborated,
                &["s1", "s2"],
            ),
            claim(
                raw,
                "c2",
                "While investigating the breach, an employee exposed the company’s mail.",
                ClaimStatus::Unattributed,
                &[],
            ),
        ];
        let mut summary = Summary::default();
        summary.add(&d);
        let out = render_document(&d, raw, PLAIN) + &render_summary(&summary, PLAIN);
        let expected = "\
fixtures/seed/npo-mash.txt:2:1: warning[unattributed-claim] claim has no source: nothing in this paragraph says who stands behind it
  |
2 | While investigating the breach, an employee exposed the company’s mail.
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

fixtures/seed/npo-mash.txt:1:1: info[unknown-source] Tom Hegel is not in the registry
  |
1 | Tom Hegel found the hackers gained access, according to Reuters.
  | ^^^^^^^^^
  = help: did you mean Thomas Hegel?

Sources (2)
  name       kind    registry         credibility  claims
  Tom Hegel  person  -                -                 1
  Reuters    media   reuters (exact)  high              1
fixtures/seed/npo-mash.txt: claims: 2 (corroborated 1, single-source 0, unattributed 1); attributions: 1; findings: 0 errors, 1 warning, 1 info

checked 1 document: 2 claims, 1 attribution, 2 sources; findings: 0 errors, 1 warning, 1 info
";
        assert_eq!(out, expected);
    }

    #[test]
    fn summary_line() {
        let summary = Summary {
            documents: 3,
            claims: 25,
            attributions: 20,
            sources: 12,
            findings: crate::report::SeverityCounts {
                error: 1,
                warning: 6,
                info: 3,
            },
        };
        assert_eq!(
            render_summary(&summary, PLAIN),
            "checked 3 documents: 25 claims, 20 attributions, 12 sources; findings: 1 error, 6 warnings, 3 info\n"
        );
    }

    #[test]
    fn inherited_sources_are_noted_with_where_they_come_from() {
        let text = "The crash began on the bridge, an eyewitness described, when a car hit a truck. After crossing the divider, the truck killed two people on the bridge.\n";
        let c = crate::Checker::new(crate::Ruleset::embedded(), None);
        let a = c.check(crate::input::parse_text("v.txt", text.to_string()));
        let doc = crate::report::build(&a, 0);
        let out = render_document(&doc, text, PLAIN);
        assert!(
            out.contains("= note: source inherited via 'an eyewitness described', line 1"),
            "{out}"
        );
        // the sentence with its own attribution has no such note
        assert_eq!(out.matches("source inherited").count(), 1, "{out}");
    }
}

#[cfg(test)]
mod source_table_tests {
    use super::*;
    use crate::ruleset::Ruleset;

    /// Two speakers resolution found no one for ("she", twice, with no woman named) are one
    /// row of the sources table, named for what they are, not "She"; the messages say the same.
    #[test]
    fn an_unresolved_pronoun_is_one_row_named_for_what_it_is() {
        let text = "The fire killed two workers in May 2024, she said.\n\n\
                    Police said the blast injured 40 people.\n\n\
                    The flood killed nine people in June 2024, she said.\n";
        let checker = crate::Checker::new(Ruleset::embedded(), None);
        let a = checker.check(crate::input::parse_text("t.txt", text.to_string()));
        let she = a.sources.iter().filter(|s| s.name == "she").count();
        assert_eq!(she, 2, "two unresolved sources: {:?}", a.sources);
        let doc = crate::report::build(&a, 0);
        let out = render_document(&doc, text, TextOptions { color: false });
        let rows: Vec<&str> = out
            .lines()
            .filter(|l| l.contains("an unnamed speaker ('she')") && l.contains("unknown"))
            .collect();
        assert_eq!(rows.len(), 1, "{out}");
        assert!(rows[0].trim_end().ends_with('2'), "both claims: {out}");
        assert!(out.contains("Sources (2)"), "{out}");
        for f in &a.findings {
            assert!(!f.message.contains("(she)"), "{}", f.message);
        }
        assert!(
            (a.findings.iter()).any(|f| f
                .message
                .contains("one source (an unnamed speaker ('she'))")),
            "{:?}",
            a.findings
        );
        // the HTML report's cards: one for both
        let html = crate::report::html::render_document(&doc, text, None);
        let card = format!(
            "<h4>{}</h4>",
            crate::report::html::escape("an unnamed speaker ('she')")
        );
        assert_eq!(html.matches(&card).count(), 1, "{html}");
    }
}
