//! `low-credibility-source`: a source the registry rates low (warning) or deprecated (error).

use super::{Context, finding, first_cited};
use crate::model::{Finding, Severity};
use crate::registry::Credibility;
use crate::ruleset::Rule;

/// Flag sources rated `low` (the rule's severity) or `deprecated` (always an error).
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (si, s) in a.sources.iter().enumerate() {
        let Some(cred) = s.credibility else { continue };
        if !matches!(cred, Credibility::Low | Credibility::Deprecated) {
            continue;
        }
        let Some((ai, span)) = first_cited(a, si) else {
            continue;
        };
        let mut f = finding(
            rule,
            span,
            &[("source", &s.name), ("credibility", cred.as_str())],
        );
        if cred == Credibility::Deprecated {
            f.severity = Severity::Error;
        }
        f.source = Some(si);
        f.attribution = Some(ai);
        out.push(f);
    }
}
