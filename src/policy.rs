//! Which of a document's findings are reported, after the checks have run: the rules of its
//! [article kind](crate::config) (an opinion column is not held to a news report's sourcing),
//! its [suppressions](crate::suppress), the [baseline](crate::baseline) of accepted findings,
//! and, with `--changed-since`, only the [changed lines](crate::changed). The checks themselves
//! are unchanged: this stage removes findings (and adds the notes of unused suppressions).
//!
//! Order: kind, suppressions, baseline, changed lines, so a suppression that only hides a
//! finding of a rule the kind turns off is reported as unused, and the baseline counts every
//! accepted finding of the document, changed or not. `--write-baseline` records what is left
//! (what the run reports).

use crate::baseline::{self, Baseline};
use crate::changed::ChangedLines;
use crate::config::Config;
use crate::model::Analysis;
use crate::report::{Locator, fingerprint};
use std::path::Path;

/// What to apply to every document of a run.
#[derive(Debug, Default)]
pub struct Policy {
    /// The settings (article kinds).
    pub config: Config,
    /// Findings accepted already (`--baseline`).
    pub baseline: Option<Baseline>,
    /// Only these lines (`--changed-since`).
    pub changed: Option<ChangedLines>,
    /// Whether to return the baseline entries of what is reported (`--write-baseline`).
    pub record: bool,
}

/// What the policy did to one document.
#[derive(Debug, Default)]
pub struct Applied {
    /// The document's article kind, if it has one.
    pub kind: Option<String>,
    /// Findings removed by the kind's rules.
    pub by_kind: usize,
    /// Findings removed by suppressions.
    pub suppressed: usize,
    /// Findings removed because the baseline has them.
    pub in_baseline: usize,
    /// Findings removed because they touch no changed line.
    pub unchanged: usize,
    /// The baseline entries of the findings reported (with `record`).
    pub entries: Vec<baseline::Entry>,
}

impl Policy {
    /// Filter `a`'s findings.
    pub fn apply(&self, a: &mut Analysis) -> Applied {
        let mut out = Applied::default();
        if !self.config.kinds.is_empty() {
            let fm = match a.doc.format {
                crate::input::Format::Text => Vec::new(),
                _ => crate::input::front_matter(&a.doc.raw),
            };
            if let Some(kind) = self.config.kind_of(&a.doc.path, &fm) {
                let before = a.findings.len();
                a.findings
                    .retain(|f| !kind.disable.iter().any(|d| *d == f.rule));
                out.by_kind = before - a.findings.len();
                out.kind = Some(kind.name.clone());
            }
        }
        out.suppressed = crate::suppress::apply(a);
        if let Some(b) = &self.baseline
            && !a.findings.is_empty()
        {
            let prints = fingerprint::fingerprints(a, &Locator::new(a));
            let mut keep = prints.iter().map(|p| !b.contains(p));
            let before = a.findings.len();
            a.findings.retain(|_| keep.next().unwrap_or(true));
            out.in_baseline = before - a.findings.len();
        }
        if let Some(changed) = &self.changed {
            let path = Path::new(&a.doc.path);
            let map = &a.doc.map;
            let lines = crate::span::LineIndex::new(&a.doc.raw);
            let raw = a.doc.raw.as_str();
            let before = a.findings.len();
            a.findings.retain(|f| {
                let s = map.span_to_raw(f.span);
                let first = lines.line_col(raw, s.start).0;
                let last = lines.line_col(raw, s.end).0.max(first);
                changed.touches(path, first, last)
            });
            out.unchanged = before - a.findings.len();
        }
        if self.record && !a.findings.is_empty() {
            // what is reported, as the reports fingerprint it
            let loc = Locator::new(a);
            let prints = fingerprint::fingerprints(a, &loc);
            out.entries = (a.findings.iter().zip(prints))
                .map(|(f, fp)| baseline::Entry {
                    fingerprint: fp,
                    path: a.doc.path.clone(),
                    rule: f.rule.to_string(),
                    line: loc.span(f.span).line,
                    message: f.message.clone(),
                })
                .collect();
        }
        out
    }
}
