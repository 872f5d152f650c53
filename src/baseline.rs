//! Baselines: the findings a repository has accepted, so that CI fails only on what a change
//! adds. `whosaid check --write-baseline FILE` records every finding's
//! [fingerprint](crate::report::fingerprint) (with its path, rule, line and message, for a person
//! reading the file or its diff); `--baseline FILE` drops the findings whose fingerprint is in
//! it and says how many it matched. Fingerprints do not depend on offsets or line numbers, so
//! an edit above a finding keeps it matched; an edit of its sentence makes it new.
//!
//! The file is JSON: `{"whosaid_baseline": 1, "findings": [{"fingerprint", "path", "rule",
//! "line", "message"}, ...]}`, in the order of the run.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The version of the baseline file format.
pub const VERSION: u32 = 1;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Its fingerprint (what is matched).
    pub fingerprint: String,
    /// The document (for people).
    pub path: String,
    /// The rule (for people).
    pub rule: String,
    /// The line it was on when recorded (for people).
    pub line: usize,
    /// Its message (for people).
    pub message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    whosaid_baseline: u32,
    findings: Vec<Entry>,
}

/// A baseline read from a file: the fingerprints it accepts.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    fingerprints: HashSet<String>,
}

impl Baseline {
    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Baseline::parse(&path.display().to_string(), &text)
    }

    /// Parse a baseline file's text (`name` names it in errors).
    pub fn parse(name: &str, text: &str) -> Result<Baseline> {
        let file: File = serde_json::from_str(text).map_err(|e| Error::Input {
            path: name.to_string(),
            line: e.line(),
            msg: format!("not a whosaid baseline: {e}"),
        })?;
        if file.whosaid_baseline != VERSION {
            return Err(Error::Input {
                path: name.to_string(),
                line: 1,
                msg: format!(
                    "baseline format {} is not supported (this whosaid reads {VERSION})",
                    file.whosaid_baseline
                ),
            });
        }
        Ok(Baseline {
            fingerprints: file.findings.into_iter().map(|e| e.fingerprint).collect(),
        })
    }

    /// Whether the baseline accepts a finding with this fingerprint.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.fingerprints.contains(fingerprint)
    }

    /// How many fingerprints it holds.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }
}

/// The text of a baseline file of these findings (pretty JSON, a final newline).
pub fn render(entries: &[Entry]) -> String {
    let file = File {
        whosaid_baseline: VERSION,
        findings: entries.to_vec(),
    };
    let mut s = serde_json::to_string_pretty(&file).expect("baseline serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_other_files() {
        let e = Entry {
            fingerprint: "00000000000000ab".into(),
            path: "a.md".into(),
            rule: "single-source".into(),
            line: 3,
            message: "m".into(),
        };
        let b = Baseline::parse("b.json", &render(&[e])).unwrap();
        assert!(b.contains("00000000000000ab") && !b.contains("00000000000000ac"));
        assert_eq!(b.len(), 1);
        let err = Baseline::parse("b.json", "{\n\"documents\": []}").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("b.json:2: not a whosaid baseline"),
            "{err}"
        );
        let err =
            Baseline::parse("b.json", "{\"whosaid_baseline\": 9, \"findings\": []}").unwrap_err();
        assert!(err.to_string().contains("format 9"), "{err}");
    }
}
