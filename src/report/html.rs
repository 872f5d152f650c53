//! The HTML report (`--format html`): one self-contained page per run, for an editor.
//!
//! Consumes the [`DocumentReport`] of each document with its original text (and the registry
//! and rules of the run) and produces one page: a summary of the run and an index with a row
//! per document, then each document (its text with sources, cues and attributed content
//! highlighted, each claim's status in the margin, its findings ranked, its sources with their
//! registry rows, and a who-said-what table), then the explanation of every rule a finding
//! names, so the page stands alone.
//!
//! The page loads nothing: its style and script are inline (`report.css`, `report.js` beside
//! this file) and allowed by their SHA-256 hashes in a Content-Security-Policy meta tag that
//! allows nothing else (`default-src 'none'`). Every piece of article, registry, rule and file
//! name text goes through [`escape`], which also shows control characters as visible symbols,
//! so nothing from an article becomes markup. Highlights differ by line style and weight as
//! well as by colour.
//!
//! Documents are rendered one at a time, on the worker threads ([`render_document`]), and the
//! page is put together at the end ([`render_page`]). A document's element ids hold the
//! placeholder [`DOC_MARK`] where its number goes, because a worker does not know it; the page
//! numbers the documents in order. [`escape`] never writes the placeholder, so no article can
//! forge one.

use crate::model::Severity;
use crate::registry::Registry;
use crate::report::{DocumentReport, SpanReport, Summary};
use crate::ruleset::Ruleset;
use std::fmt::Write as _;

const CSS: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Stands for the document's number in the element ids of a rendered document.
pub const DOC_MARK: char = '\u{1}';
/// Ends a rendered document.
const DOC_END: char = '\u{2}';

/// Longest attributed content quoted in the who-said-what table, in characters.
const QUOTE_CHARS: usize = 240;

/// `s` escaped for HTML text and attribute values (quotes included), with every control
/// character shown as a visible symbol (C0 controls as their Control Pictures, U+2400 to
/// U+241F, DEL as U+2421; C1 controls, line and paragraph separators and bidirectional
/// controls as U+FFFD), so a page shows what the article holds and nothing in it is markup.
/// Tabs and line feeds are kept; a carriage return is shown as U+240D.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let rep: Option<&str> = match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '"' => Some("&quot;"),
            '\'' => Some("&#39;"),
            _ => None,
        };
        let visible = match c {
            '\t' | '\n' => None,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
            '\u{7f}' => Some('\u{2421}'),
            '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => Some('\u{fffd}'),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
                Some('\u{fffd}')
            }
            _ => None,
        };
        if rep.is_none() && visible.is_none() {
            continue;
        }
        out.push_str(&s[plain..i]);
        if let Some(r) = rep {
            out.push_str(r);
        }
        if let Some(v) = visible {
            out.push(v);
        }
        plain = i + c.len_utf8();
    }
    out.push_str(&s[plain..]);
}

/// The status of a claim as the model names it (`corroborated`, `single_source`, ...): whatever
/// the model serializes, so a new status shows without a change here.
fn status_key<T: serde::Serialize>(status: &T) -> String {
    match serde_json::to_value(status) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "unknown".to_string(),
    }
}

/// A status for a person: `single_source` as "single-source".
fn status_label(key: &str) -> String {
    key.replace('_', "-")
}

/// A shape per status, so the margin reads without colour.
fn status_symbol(key: &str) -> &'static str {
    match key {
        "corroborated" => "\u{25cf}",  // ●
        "single_source" => "\u{25d0}", // ◐
        "unattributed" => "\u{25cb}",  // ○
        "disputed" => "\u{25c6}",      // ◆
        _ => "\u{25c7}",               // ◇
    }
}

/// A class name made of `key`: ASCII letters, digits, `-` and `_` only.
fn class_safe(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The known statuses in the order a summary lists them; others follow in order of appearance.
const STATUS_ORDER: &[&str] = &["corroborated", "single_source", "disputed", "unattributed"];

fn percent(part: usize, whole: usize) -> String {
    match (part * 100 + whole / 2).checked_div(whole) {
        Some(p) => format!("{p}%"),
        None => "0%".to_string(),
    }
}

/// An element id of the document being rendered (`d<DOC_MARK>-<rest>`).
fn did(rest: &str) -> String {
    format!("d{DOC_MARK}-{rest}")
}

/// The kind of a highlight in the article text, in nesting order (outermost first).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MarkKind {
    /// An unattributed claim (underlined in the text as well as marked in the margin).
    Unattributed,
    /// Attributed content.
    Content,
    /// A source mention (index of the source).
    Source(usize),
    /// A cue (index of the attribution).
    Cue(usize),
}

#[derive(Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    kind: MarkKind,
}

/// Whether a support of a claim was carried over from elsewhere (its cue and content lie outside
/// the claim): the line it was inherited from. A model that flags inherited supports itself
/// should be read here instead.
fn inherited_from(claim: &SpanReport, att: &crate::report::AttributionReport) -> Option<usize> {
    let overlaps = |s: &SpanReport| s.start < claim.end && claim.start < s.end;
    let inside = overlaps(&att.cue.span) || att.content.as_ref().is_some_and(|c| overlaps(&c.span));
    (!inside).then_some(att.cue.span.line)
}

/// The highlights of a document, in the original's byte offsets, sorted by start.
fn marks(doc: &DocumentReport, raw: &str) -> Vec<Mark> {
    let ok = |s: &SpanReport| {
        s.start < s.end
            && s.end <= raw.len()
            && raw.is_char_boundary(s.start)
            && raw.is_char_boundary(s.end)
    };
    let mut out = Vec::new();
    let mut push = |s: &SpanReport, kind| {
        if ok(s) {
            out.push(Mark {
                start: s.start,
                end: s.end,
                kind,
            });
        }
    };
    for c in &doc.claims {
        if status_key(&c.status) == "unattributed" {
            push(&c.span, MarkKind::Unattributed);
        }
    }
    for (i, a) in doc.attributions.iter().enumerate() {
        push(&a.cue.span, MarkKind::Cue(i));
        if let Some(content) = &a.content {
            match &content.fragments {
                Some(frags) => frags.iter().for_each(|f| push(f, MarkKind::Content)),
                None => push(&content.span, MarkKind::Content),
            }
        }
    }
    for (i, s) in doc.sources.iter().enumerate() {
        for m in &s.mentions {
            push(&m.span, MarkKind::Source(i));
        }
    }
    out.sort_by_key(|m| (m.start, m.kind));
    out
}

/// Open the element of a highlight; `first` when this piece is where the highlight starts.
fn open_mark(out: &mut String, doc: &DocumentReport, m: &Mark, first: bool) {
    match m.kind {
        MarkKind::Unattributed => out.push_str("<span class=\"m-claim-unattributed\">"),
        MarkKind::Content => out.push_str("<span class=\"m-content\">"),
        MarkKind::Source(i) => {
            let key = did(&doc.sources[i].id);
            let _ = write!(
                out,
                "<a class=\"m-src\" href=\"#{key}\" data-s=\"{key}\" title=\"{}\">",
                escape(&crate::model::source_label(&doc.sources[i].name))
            );
        }
        MarkKind::Cue(i) => {
            if first {
                let _ = write!(
                    out,
                    "<span class=\"m-cue\" id=\"{}\">",
                    did(&doc.attributions[i].id)
                );
            } else {
                out.push_str("<span class=\"m-cue\">");
            }
        }
    }
}

fn close_mark(out: &mut String, m: &Mark) {
    out.push_str(match m.kind {
        MarkKind::Source(_) => "</a>",
        _ => "</span>",
    });
}

/// The article's lines, each with its number, the badges of the claims that start on it, and its
/// text with the highlights: the text is cut at every start and end of a highlight, and each
/// piece is wrapped in the highlights that cover it, so elements always nest.
fn render_text(out: &mut String, doc: &DocumentReport, raw: &str) {
    let marks = marks(doc, raw);
    let mut next_mark = 0;
    let mut active: Vec<Mark> = Vec::new();
    let mut claims = doc.claims.iter().peekable();
    let mut line_start = 0;
    for (n, line) in raw.split('\n').enumerate() {
        let number = n + 1;
        let line_end = line_start + line.len();
        let text_end = if line.ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        let _ = write!(
            out,
            "<div class=\"ln\" id=\"{}\"><span class=\"gutter\">{number}</span><span class=\"margin\">",
            did(&format!("L{number}"))
        );
        while let Some(c) = claims.next_if(|c| c.span.line <= number) {
            let key = status_key(&c.status);
            let _ = write!(
                out,
                "<a class=\"badge st-{}\" id=\"{}\" href=\"#{}\" title=\"claim {}: {}\">{} {}</a>",
                class_safe(&key),
                did(&c.id),
                did(&format!("w-{}", c.id)),
                escape(&c.id),
                escape(&status_label(&key)),
                status_symbol(&key),
                escape(&status_label(&key)),
            );
        }
        out.push_str("</span><span class=\"tx\">");
        // pieces of this line between consecutive boundaries
        let mut at = line_start;
        while at < text_end {
            active.retain(|m| m.end > at);
            while next_mark < marks.len() && marks[next_mark].start <= at {
                if marks[next_mark].end > at {
                    active.push(marks[next_mark]);
                }
                next_mark += 1;
            }
            active.sort_by_key(|m| m.kind);
            let mut end = text_end;
            if let Some(m) = marks.get(next_mark) {
                end = end.min(m.start);
            }
            for m in &active {
                end = end.min(m.end);
            }
            // links do not nest: where mentions overlap, the piece links to the innermost
            let link = (active.iter().enumerate())
                .filter(|(_, m)| matches!(m.kind, MarkKind::Source(_)))
                .min_by_key(|(_, m)| m.end - m.start)
                .map(|(k, _)| k);
            // and overlapping contents (or claims) look as one: one element for them, not one
            // each (in "he said that he said that ..." some 300 contents overlap at every word,
            // which made 66 MB of page for 16 KB of text)
            let shown = |k: usize, m: &Mark| match m.kind {
                MarkKind::Source(_) => Some(k) == link,
                MarkKind::Content | MarkKind::Unattributed => {
                    k == 0 || active[k - 1].kind != m.kind
                }
                MarkKind::Cue(_) => true,
            };
            for (k, m) in active.iter().enumerate() {
                if shown(k, m) {
                    open_mark(out, doc, m, m.start == at);
                }
            }
            escape_into(out, &raw[at..end]);
            for (k, m) in active.iter().enumerate().rev() {
                if shown(k, m) {
                    close_mark(out, m);
                }
            }
            at = end;
        }
        out.push_str("</span></div>\n");
        line_start = line_end + 1;
    }
}

/// The summary of one document: claims by status, the share on one source or none, the share
/// of attributions to anonymous sources, findings by severity.
fn render_doc_summary(out: &mut String, doc: &DocumentReport) {
    let mut by_status: Vec<(String, usize)> =
        STATUS_ORDER.iter().map(|s| (s.to_string(), 0)).collect();
    for c in &doc.claims {
        let key = status_key(&c.status);
        match by_status.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => by_status.push((key, 1)),
        }
    }
    let total = doc.claims.len();
    let weak = by_status
        .iter()
        .filter(|(k, _)| k == "single_source" || k == "unattributed")
        .map(|(_, n)| n)
        .sum::<usize>();
    let anonymous = doc
        .attributions
        .iter()
        .filter(|a| {
            a.sources.iter().any(|m| {
                doc.sources
                    .iter()
                    .find(|s| s.id == m.source)
                    .is_some_and(|s| s.anonymous)
            })
        })
        .count();
    out.push_str("<div class=\"summary\">");
    let _ = write!(out, "<span class=\"fig\"><b>{total}</b> claims</span>");
    for (k, n) in &by_status {
        if *n == 0
            && !matches!(
                k.as_str(),
                "corroborated" | "single_source" | "unattributed"
            )
        {
            continue;
        }
        let _ = write!(
            out,
            "<span class=\"fig badge st-{}\">{} <b>{n}</b> {}</span>",
            class_safe(k),
            status_symbol(k),
            escape(&status_label(k))
        );
    }
    let _ = write!(
        out,
        "<span class=\"fig\">on one source or none: <b>{}</b> ({weak} of {total})</span>",
        percent(weak, total)
    );
    let _ = write!(
        out,
        "<span class=\"fig\">attributions to anonymous sources: <b>{}</b> ({anonymous} of {})</span>",
        percent(anonymous, doc.attributions.len()),
        doc.attributions.len()
    );
    if doc.stats.truncated_contents > 0 {
        let _ = write!(
            out,
            "<span class=\"fig cut\">attributed contents cut: <b>{}</b> ({})</span>",
            doc.stats.truncated_contents,
            escape(&super::content_cut_note())
        );
    }
    let (mut e, mut w, mut i) = (0, 0, 0);
    for f in &doc.findings {
        match f.severity {
            Severity::Error => e += 1,
            Severity::Warning => w += 1,
            Severity::Info => i += 1,
        }
    }
    let _ = write!(
        out,
        "<span class=\"fig\">findings: <b>{e}</b> errors, <b>{w}</b> warnings, <b>{i}</b> info</span>"
    );
    out.push_str("</div>\n");
}

/// The findings in order of importance: severity first, then the check-worthiness of the claim
/// they are about (allegations and figures score highest), then document order. Returns indices.
fn ranked_findings(doc: &DocumentReport) -> Vec<usize> {
    let worth = |i: usize| {
        doc.findings[i]
            .claim
            .as_ref()
            .and_then(|id| doc.claims.iter().find(|c| &c.id == id))
            .map_or(0.0, |c| c.checkworthiness)
    };
    let mut order: Vec<usize> = (0..doc.findings.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (&doc.findings[a], &doc.findings[b]);
        fb.severity
            .cmp(&fa.severity)
            .then(worth(b).total_cmp(&worth(a)))
            .then(a.cmp(&b))
    });
    order
}

fn render_findings(out: &mut String, doc: &DocumentReport) {
    let _ = write!(
        out,
        "<h3>Findings ({}), most important first</h3>\n<ol class=\"findings\">\n",
        doc.findings.len()
    );
    for i in ranked_findings(doc) {
        let f = &doc.findings[i];
        let sev = f.severity.as_str();
        let rule = escape(&f.rule);
        let _ = write!(
            out,
            "<li class=\"finding\"><span class=\"sev sev-{sev}\">{sev}</span> \
             <a href=\"#rule-{}\">{rule}</a> {} \
             <a class=\"where\" href=\"#{}\">line {}, column {}</a>",
            class_safe(&f.rule),
            escape(&f.message),
            did(&format!("L{}", f.span.line)),
            f.span.line,
            f.span.column,
        );
        if let Some(s) = &f.suggestion {
            let _ = write!(
                out,
                "<br><span class=\"where\">suggestion: {}</span>",
                escape(s)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn render_sources(out: &mut String, doc: &DocumentReport, registry: Option<&Registry>) {
    // (each source once: two unresolved "she" are one card, with an anchor for each)
    let groups = super::source_rows(doc);
    let _ = writeln!(out, "<h3>Sources ({})</h3>", groups.len());
    for group in &groups {
        let s = &doc.sources[group[0]];
        let key = did(&s.id);
        let _ = write!(out, "<div class=\"card\" id=\"{key}\" data-s=\"{key}\">");
        for &other in &group[1..] {
            let _ = write!(out, "<span id=\"{}\"></span>", did(&doc.sources[other].id));
        }
        let _ = write!(
            out,
            "<h4>{}</h4><dl>",
            escape(&crate::model::source_label(&s.name))
        );
        let kind = status_key(&s.kind);
        let _ = write!(out, "<dt>kind</dt><dd>{}</dd>", escape(&kind));
        let mut lines: Vec<usize> = (group.iter())
            .flat_map(|&i| doc.sources[i].mentions.iter().map(|m| m.span.line))
            .collect();
        let mentions = lines.len();
        lines.sort_unstable();
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let _ = write!(
            out,
            "<dt>mentions</dt><dd>{} (line {})</dd>",
            mentions,
            lines.join(", ")
        );
        match &s.registry {
            None => out.push_str("<dt>registry</dt><dd>not in the registry</dd>"),
            Some(m) => {
                let _ = write!(
                    out,
                    "<dt>registry</dt><dd>{} ({} match)</dd>",
                    escape(&m.id),
                    escape(&status_key(&m.how))
                );
                if let Some(row) = registry.and_then(|r| r.get(&m.id)) {
                    let _ = write!(out, "<dt>row kind</dt><dd>{}</dd>", row.kind.as_str());
                    if let Some(role) = &row.role {
                        let _ = write!(out, "<dt>role</dt><dd>{}</dd>", escape(role));
                    }
                    if !row.affiliation.is_empty() {
                        let names: Vec<String> = (row.affiliation.iter())
                            .map(|a| match registry.and_then(|r| r.get(a)) {
                                Some(e) => escape(&e.name),
                                None => escape(a),
                            })
                            .collect();
                        let _ = write!(out, "<dt>affiliation</dt><dd>{}</dd>", names.join(", "));
                    }
                    let _ = write!(
                        out,
                        "<dt>last verified</dt><dd>{}</dd>",
                        escape(row.last_verified.as_deref().unwrap_or("never"))
                    );
                }
                let cred = m.credibility.map_or("unrated", |c| c.as_str());
                let _ = write!(out, "<dt>credibility</dt><dd>{cred}</dd>");
            }
        }
        let ids: Vec<&String> = group.iter().map(|&i| &doc.sources[i].id).collect();
        let supported: Vec<String> = (doc.claims.iter())
            .filter(|c| c.sources.iter().any(|id| ids.contains(&id)))
            .map(|c| {
                format!(
                    "<a href=\"#{}\">{} (line {})</a>",
                    did(&format!("w-{}", c.id)),
                    escape(&c.id),
                    c.span.line
                )
            })
            .collect();
        let _ = write!(
            out,
            "<dt>supports</dt><dd>{} claim{}{}{}</dd>",
            supported.len(),
            if supported.len() == 1 { "" } else { "s" },
            if supported.is_empty() { "" } else { ": " },
            supported.join(", ")
        );
        out.push_str("</dl></div>\n");
    }
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}\u{2026}", &s[..i]),
        None => s.to_string(),
    }
}

fn render_who_said_what(out: &mut String, doc: &DocumentReport) {
    out.push_str(
        "<h3>Who said what</h3>\n<table class=\"wsw\"><thead><tr><th>claim</th><th>status</th>\
         <th>the claim</th><th>supported by</th></tr></thead><tbody>\n",
    );
    for c in &doc.claims {
        let key = status_key(&c.status);
        let _ = write!(
            out,
            "<tr class=\"wsw-row\" id=\"{}\"><td><a href=\"#{}\">{}</a><br>line {}</td>\
             <td><span class=\"badge st-{}\">{} {}</span><br>{} independent</td><td>{}</td><td>",
            did(&format!("w-{}", c.id)),
            did(&format!("L{}", c.span.line)),
            escape(&c.id),
            c.span.line,
            class_safe(&key),
            status_symbol(&key),
            escape(&status_label(&key)),
            c.independent_sources,
            escape(&c.text),
        );
        if c.attributions.is_empty() {
            out.push_str("no attribution");
        } else {
            out.push_str("<ul>");
            for aid in &c.attributions {
                let Some(a) = doc.attributions.iter().find(|a| &a.id == aid) else {
                    continue;
                };
                out.push_str("<li>");
                if a.sources.is_empty() {
                    // (agentless: "reportedly", "is accused of")
                    out.push_str("<i>no one named</i>");
                }
                for (k, m) in a.sources.iter().enumerate() {
                    if k > 0 {
                        out.push_str(" and ");
                    }
                    match doc.sources.iter().find(|s| s.id == m.source) {
                        Some(s) => {
                            let key = did(&s.id);
                            let _ = write!(
                                out,
                                "<a href=\"#{key}\" data-s=\"{key}\"><b>{}</b></a>",
                                escape(&crate::model::source_label(&s.name))
                            );
                            if s.name != m.text {
                                let _ = write!(out, " (\u{201c}{}\u{201d})", escape(&m.text));
                            }
                        }
                        None => {
                            let _ = write!(out, "<b>{}</b> (unresolved)", escape(&m.text));
                        }
                    }
                }
                let _ = write!(
                    out,
                    " <a class=\"m-cue\" href=\"#{}\">{}</a> ({}, line {})",
                    did(&a.id),
                    escape(&a.cue.text),
                    escape(&status_label(&status_key(&a.kind))),
                    a.cue.span.line
                );
                if let Some(content) = &a.content {
                    let _ = write!(
                        out,
                        ": \u{201c}{}\u{201d}",
                        escape(&shorten(&content.text, QUOTE_CHARS))
                    );
                    if content.truncated {
                        let _ = write!(
                            out,
                            " <span class=\"cut\">({})</span>",
                            escape(&super::content_cut_note())
                        );
                    }
                }
                if let Some(line) = inherited_from(&c.span, a) {
                    let _ = write!(
                        out,
                        " <span class=\"inherited\">inherited from line {line}</span>"
                    );
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// One document's part of the page: its heading, summary, text with highlights, findings,
/// sources and who-said-what table. `raw` is the original text the report's spans point into;
/// `registry` gives the rows of matched sources.
pub fn render_document(doc: &DocumentReport, raw: &str, registry: Option<&Registry>) -> String {
    let mut out = String::with_capacity(raw.len() * 3 + 4096);
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"d{DOC_MARK}\">\n<h2>{}</h2>\n",
        escape(&doc.path)
    );
    render_doc_summary(&mut out, doc);
    out.push_str(
        "<p class=\"legend\">Key: <span class=\"m-src\">source</span> \
         <span class=\"m-cue\">cue</span> <span class=\"m-content\">attributed content</span> \
         <span class=\"m-claim-unattributed\">unattributed claim</span><br>In the margin, each claim's \
         status (\u{25cf} corroborated, \u{25d0} single-source, \u{25cb} unattributed). Point at a \
         source to light all its mentions.</p>\n",
    );
    out.push_str("<div class=\"layout\">\n<div class=\"article\">\n");
    render_text(&mut out, doc, raw);
    out.push_str("</div>\n<aside class=\"side\">\n");
    render_findings(&mut out, doc);
    render_sources(&mut out, doc, registry);
    out.push_str("</aside>\n</div>\n");
    render_who_said_what(&mut out, doc);
    out.push_str("</section>\n");
    out.push(DOC_END);
    out
}

/// The base64 of `bytes` (standard alphabet, padded), for the CSP hashes.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP source of an inline element's content: `'sha256-...'`.
fn csp_hash(content: &str) -> String {
    use sha2::Digest;
    format!(
        "'sha256-{}'",
        base64(&sha2::Sha256::digest(content.as_bytes()))
    )
}

/// The Content-Security-Policy of the page: nothing may load; only the page's own style and
/// script (by hash) may apply or run.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; font-src 'none'; \
         connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; \
         worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(CSS),
        csp_hash(SCRIPT)
    )
}

/// A rule's Markdown description as HTML: `##` headings, paragraphs, `-` lists, fenced code and
/// inline code; everything else is text (escaped).
fn render_description(out: &mut String, md: &str) {
    let mut para: Vec<&str> = Vec::new();
    let mut in_list = false;
    let mut in_code = false;
    let inline = |s: &str| {
        let escaped = escape(s);
        let mut o = String::new();
        for (k, piece) in escaped.split('`').enumerate() {
            if k % 2 == 1 {
                let _ = write!(o, "<code>{piece}</code>");
            } else {
                o.push_str(piece);
            }
        }
        o
    };
    let flush = |out: &mut String, para: &mut Vec<&str>| {
        if !para.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", inline(&para.join(" ")));
            para.clear();
        }
    };
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            flush(out, &mut para);
            if in_code {
                out.push_str("</pre>\n");
            } else {
                out.push_str("<pre>");
            }
            in_code = !in_code;
            continue;
        }
        if in_code {
            escape_into(out, line);
            out.push('\n');
            continue;
        }
        let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "));
        if in_list && item.is_none() {
            out.push_str("</ul>\n");
            in_list = false;
        }
        if let Some(h) = t.strip_prefix('#') {
            flush(out, &mut para);
            let _ = writeln!(out, "<h4>{}</h4>", inline(h.trim_start_matches('#').trim()));
        } else if let Some(item) = item {
            flush(out, &mut para);
            if !in_list {
                out.push_str("<ul>");
                in_list = true;
            }
            let _ = write!(out, "<li>{}</li>", inline(item));
        } else if t.is_empty() {
            flush(out, &mut para);
        } else {
            para.push(t);
        }
    }
    flush(out, &mut para);
    if in_list {
        out.push_str("</ul>\n");
    }
    if in_code {
        out.push_str("</pre>\n");
    }
}

/// The whole page: the run's summary, an index of the documents, the documents rendered by
/// [`render_document`] (concatenated, in order, in `documents`), and the explanation of every
/// rule their findings name, each with the address of its page under `docs_url`
/// (whosaid.toml's `docs-url`, by default [`crate::rule_docs::DOCS_URL`]) as text: the page
/// links only to places in itself. `docs` are the same documents' reports.
pub fn render_page(
    docs: &[DocumentReport],
    documents: &str,
    summary: &Summary,
    ruleset: &Ruleset,
    docs_url: &str,
) -> String {
    let mut out = String::with_capacity(documents.len() + 16384);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"whosaid {}\">\n\
         <title>whosaid: sourcing report</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        content_security_policy(),
        env!("CARGO_PKG_VERSION")
    );
    let _ = write!(
        out,
        "<header class=\"run\"><h1>whosaid: sourcing report</h1>\n<div class=\"summary\">\
         <span class=\"fig\"><b>{}</b> document{}</span><span class=\"fig\"><b>{}</b> claims</span>\
         <span class=\"fig\"><b>{}</b> attributions</span><span class=\"fig\"><b>{}</b> sources</span>\
         <span class=\"fig\">findings: <b>{}</b> errors, <b>{}</b> warnings, <b>{}</b> info</span>\
         </div></header>\n",
        summary.documents,
        if summary.documents == 1 { "" } else { "s" },
        summary.claims,
        summary.attributions,
        summary.sources,
        summary.findings.error,
        summary.findings.warning,
        summary.findings.info,
    );
    out.push_str(
        "<nav class=\"index\"><table class=\"index\"><thead><tr><th>document</th><th>claims</th>\
         <th>corroborated</th><th>single-source</th><th>unattributed</th><th>other</th>\
         <th>findings</th></tr></thead><tbody>\n",
    );
    for (k, d) in docs.iter().enumerate() {
        let count = |key: &str| {
            d.claims
                .iter()
                .filter(|c| status_key(&c.status) == key)
                .count()
        };
        let (co, si, un) = (
            count("corroborated"),
            count("single_source"),
            count("unattributed"),
        );
        let _ = writeln!(
            out,
            "<tr class=\"index-row\"><td><a href=\"#d{}\">{}</a></td><td class=\"num\">{}</td>\
             <td class=\"num\">{co}</td><td class=\"num\">{si}</td><td class=\"num\">{un}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            k + 1,
            escape(&d.path),
            d.claims.len(),
            d.claims.len() - co - si - un,
            d.findings.len(),
        );
    }
    out.push_str("</tbody></table></nav>\n");
    let parts = documents.split(DOC_END).filter(|p| !p.is_empty());
    for (k, part) in parts.enumerate() {
        let number = (k + 1).to_string();
        let mut rest = part;
        while let Some(i) = rest.find(DOC_MARK) {
            out.push_str(&rest[..i]);
            out.push_str(&number);
            rest = &rest[i + DOC_MARK.len_utf8()..];
        }
        out.push_str(rest);
    }
    let mut named: Vec<&str> = Vec::new();
    for d in docs {
        for f in &d.findings {
            if !named.contains(&f.rule.as_str()) {
                named.push(&f.rule);
            }
        }
    }
    if !named.is_empty() {
        out.push_str("<section class=\"rules\"><h2>The rules</h2>\n");
        // the checks, then the notes a run adds (an unused suppression)
        let notes = Ruleset::notes();
        for rule in ruleset.rules.values().chain(&notes) {
            if !named.contains(&rule.id.as_str()) {
                continue;
            }
            let _ = writeln!(
                out,
                "<div class=\"rule\" id=\"rule-{}\"><h3>{} ({})</h3><p><i>{}</i>. Default \
                 severity: {}.</p>",
                class_safe(&rule.id),
                escape(&rule.name),
                escape(&rule.id),
                escape(&rule.summary),
                rule.severity.as_str()
            );
            render_description(&mut out, &rule.description);
            // the address as text, not a link: the page links only to places in itself
            let _ = writeln!(
                out,
                "<p class=\"rule-page\">The rule's page: <code>{}</code> (or <code>whosaid \
                 explain {}</code>)</p>",
                escape(&crate::rule_docs::url(docs_url, &rule.id)),
                escape(&rule.id)
            );
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup_and_shows_controls() {
        let s = "<script>alert('x')</script> & \"q\" \u{0}\u{1}\u{2}\u{1b}[31m\u{7f}\u{85}\u{202e}\r\tok";
        let e = escape(s);
        assert!(!e.contains('<') && !e.contains('>') && !e.contains('"') && !e.contains('\''));
        assert!(e.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
        assert!(
            e.contains("\u{2400}\u{2401}\u{2402}\u{241b}[31m\u{2421}\u{fffd}\u{fffd}\u{240d}\tok")
        );
        // the placeholders of the page's assembly never come out of escaping
        assert!(!e.contains(DOC_MARK) && !e.contains(DOC_END));
        for c in (0u32..0x300).filter_map(char::from_u32) {
            let e = escape(&c.to_string());
            assert!(
                e.chars().all(|x| x == '\t' || x == '\n' || !x.is_control()),
                "{c:?} -> {e:?}"
            );
        }
    }

    #[test]
    fn base64_matches_the_rfc_4648_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want);
        }
        // sha256("abc") from FIPS 180-2
        assert_eq!(
            csp_hash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
    }

    /// Overlapping highlights still nest, and links never do: a text with a mention inside
    /// another and a content across both renders to balanced elements.
    #[test]
    fn overlapping_highlights_nest_and_links_do_not() {
        let raw = "Said Tom Hegel of SentinelOne today.";
        let analysis = crate::Analysis::new(crate::input::parse_text("t", raw.to_string()));
        let mut rep = crate::report::build(&analysis, 0);
        let loc = crate::report::Locator::new(&analysis);
        let span = |a: usize, b: usize| loc.raw_span(crate::span::Span::new(a, b));
        let source =
            |id: &str, spans: Vec<crate::report::SpanReport>| crate::report::SourceReport {
                id: id.into(),
                name: id.into(),
                kind: crate::model::SourceKind::Person,
                anonymous: false,
                registry: None,
                mentions: (spans.into_iter())
                    .map(|span| crate::report::TextSpan {
                        text: raw[span.start..span.end].into(),
                        span,
                        fragments: None,
                        truncated: false,
                    })
                    .collect(),
            };
        rep.sources = vec![
            source("s1", vec![span(5, 29)]),
            source("s2", vec![span(18, 29), span(18, 29)]),
        ];
        let mut out = String::new();
        render_text(&mut out, &rep, raw);
        let opens = out.matches("<a ").count();
        assert_eq!(opens, out.matches("</a>").count());
        assert_eq!(out.matches("<span").count(), out.matches("</span>").count());
        // no <a> opens while another is open
        let mut depth = 0;
        for (i, _) in out.match_indices('<') {
            if out[i..].starts_with("<a ") {
                depth += 1;
                assert_eq!(depth, 1, "{out}");
            } else if out[i..].starts_with("</a>") {
                depth -= 1;
            }
        }
        assert!(
            out.contains("data-s=\"d\u{1}-s2\" title=\"s2\">SentinelOne</a>"),
            "{out}"
        );
        assert!(
            out.contains("data-s=\"d\u{1}-s1\" title=\"s1\">Tom Hegel of </a>"),
            "{out}"
        );
    }

    #[test]
    fn shorten_cuts_at_characters() {
        assert_eq!(shorten("h\u{e9}llo", 3), "h\u{e9}l\u{2026}");
        assert_eq!(shorten("abc", 3), "abc");
    }

    #[test]
    fn descriptions_render_headings_lists_code_escaped() {
        let mut out = String::new();
        render_description(
            &mut out,
            "## What it flags\nA <b>claim</b> with `x<y`.\n\n- one\n- two\n\n```\n<tag>\n```\n",
        );
        assert_eq!(
            out,
            "<h4>What it flags</h4>\n<p>A &lt;b&gt;claim&lt;/b&gt; with <code>x&lt;y</code>.</p>\n\
             <ul><li>one</li><li>two</li></ul>\n<pre>&lt;tag&gt;\n</pre>\n"
        );
    }
}
