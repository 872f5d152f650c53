//! SARIF 2.1.0 (`--format sarif`), for GitHub code scanning (`upload-sarif`) and other SARIF
//! viewers: one run, whosaid as the tool with a descriptor per rule in force (its summary, its
//! help text from the rule file and a link to the rule's page), a result per finding, and a
//! tool execution notification per file that could not be checked.
//!
//! Regions are in Unicode code points (`columnKind: unicodeCodePoints`), as the JSON report's
//! columns are; `endColumn` is the column after the span. Each result carries
//! `partialFingerprints."whosaid/v1"`, the finding's [fingerprint](super::fingerprint), so code
//! scanning follows a finding when lines are added above it. The output validates against the
//! OASIS schema (`sarif-schema-2.1.0.json`; a test checks it).

use super::{DocumentReport, FileError};
use crate::model::Severity;
use crate::ruleset::Ruleset;
use serde_json::{Value, json};

/// Where the rules' pages are published by default (whosaid.toml's `docs-url` names another).
pub const RULE_DOCS: &str = crate::rule_docs::DOCS_URL;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF log of a run, pretty-printed, with a final newline; rule pages are linked under
/// [`RULE_DOCS`].
pub fn render(documents: &[DocumentReport], errors: &[FileError], rules: &Ruleset) -> String {
    render_with_docs(documents, errors, rules, RULE_DOCS)
}

/// [`render`] with the rules' pages under `docs_url` (whosaid.toml's `docs-url`).
pub fn render_with_docs(
    documents: &[DocumentReport],
    errors: &[FileError],
    rules: &Ruleset,
    docs_url: &str,
) -> String {
    let mut ids: Vec<&str> = rules.rules.keys().map(String::as_str).collect();
    // findings that are not the rule set's (an unused-suppression note) get a descriptor too,
    // from the note's documentation when it has one
    for f in documents.iter().flat_map(|d| &d.findings) {
        if !ids.contains(&f.rule.as_str()) {
            ids.push(&f.rule);
        }
    }
    let notes = Ruleset::notes();
    let descriptors: Vec<Value> = ids
        .iter()
        .map(
            |id| match (rules.rules.get(*id)).or_else(|| notes.iter().find(|n| n.id == *id)) {
                Some(r) => json!({
                    "id": r.id,
                    "name": pascal(&r.id),
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": r.summary },
                    "help": { "text": r.description.trim(), "markdown": r.description.trim() },
                    "helpUri": crate::rule_docs::url(docs_url, &r.id),
                    "defaultConfiguration": {
                        "level": level(r.severity),
                        "enabled": r.enabled,
                    },
                }),
                None => json!({
                    "id": id,
                    "name": pascal(id),
                    "shortDescription": { "text": id },
                }),
            },
        )
        .collect();
    let mut results = Vec::new();
    for d in documents {
        for f in &d.findings {
            let index = ids.iter().position(|id| *id == f.rule).unwrap_or(0);
            let s = &f.span;
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.path) },
                        "region": {
                            "startLine": s.line,
                            "startColumn": s.column,
                            "endLine": s.end_line,
                            "endColumn": s.end_column,
                            "byteOffset": s.start,
                            "byteLength": s.end - s.start,
                        },
                    },
                }],
                "partialFingerprints": { "whosaid/v1": f.fingerprint },
            });
            if let Some(fix) = &f.suggestion {
                result["properties"] = json!({ "suggestion": fix });
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = (errors.iter())
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } },
                }],
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "whosaid",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/whosaid/whosaid",
                    "rules": descriptors,
                },
            },
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `single-source` as `SingleSource` (SARIF's `name` is an identifier-like display name).
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A path as a URI reference (relative, or `file://` for an absolute path): `/` separators, and
/// every byte outside RFC 3986's
/// unreserved characters and `/` percent-encoded (a space, `%`, `#`, `?` or `:` in a file name
/// would otherwise change what the URI means).
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // an absolute path is a file: URI (SARIF viewers resolve relative ones against the repo)
    if out.starts_with('/') {
        out.insert_str(0, "file://");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("./news/a b:c#1.md"), "news/a%20b%3Ac%231.md");
        assert_eq!(uri("dir\\caf\u{e9}.md"), "dir/caf%C3%A9.md");
        assert_eq!(uri("/srv/site/a.md"), "file:///srv/site/a.md");
        assert_eq!(pascal("single-source"), "SingleSource");
    }
}
