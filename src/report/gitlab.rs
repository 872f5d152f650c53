//! GitLab Code Quality JSON (`--format gitlab`, for `artifacts:reports:codequality`): an array
//! of issues, each with a description, the rule as `check_name`, the finding's stable
//! [fingerprint](super::fingerprint) (GitLab compares reports of two pipelines by it, so a
//! finding is "new" only when it really is), a severity and a location (path and lines).
//!
//! Severities: error is `major`, warning `minor`, info `info` (a sourcing problem is never
//! `blocker` or `critical`: it does not break the site). A file that could not be checked is an
//! issue of `check_name` `file-error` at line 1.
//!
//! Format: <https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format>.

use super::{DocumentReport, FileError};
use crate::model::Severity;
use serde_json::json;

/// The Code Quality report of a run, pretty-printed, with a final newline.
pub fn render(documents: &[DocumentReport], errors: &[FileError]) -> String {
    let mut issues = Vec::new();
    for d in documents {
        for f in &d.findings {
            let severity = match f.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            };
            issues.push(json!({
                "description": f.message,
                "check_name": f.rule,
                "fingerprint": f.fingerprint,
                "severity": severity,
                "location": {
                    "path": d.path,
                    "lines": { "begin": f.span.line, "end": f.span.end_line },
                },
            }));
        }
    }
    for e in errors {
        issues.push(json!({
            "description": e.message,
            "check_name": "file-error",
            "fingerprint": format!("file-error:{}", e.path),
            "severity": "major",
            "location": { "path": e.path, "lines": { "begin": 1 } },
        }));
    }
    let mut s = serde_json::to_string_pretty(&issues).expect("report serializes");
    s.push('\n');
    s
}
