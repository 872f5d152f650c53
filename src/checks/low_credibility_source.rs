//! `low-credibility-source`: a source the registry rates low (warning) or deprecated (error),
//! and a link to a domain of such a row that an attribution of another source carries ("Smith
//! said in [a post](https://deprecated.example/...)").

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
    // links whose row is not the source of the attribution that carries them (a link whose
    // row is its attribution's source was reported with the source, above)
    let mut seen: Vec<&str> = Vec::new();
    for l in &a.links {
        let (Some(cred), Some(id), Some(ai)) =
            (l.credibility, l.registry.as_deref(), l.attribution)
        else {
            continue;
        };
        if !matches!(cred, Credibility::Low | Credibility::Deprecated) || seen.contains(&id) {
            continue;
        }
        let of_source = a.attributions[ai].sources.iter().any(|m| {
            m.source
                .and_then(|s| a.sources[s].registry.as_ref())
                .is_some_and(|r| r.id == id)
        });
        seen.push(id);
        if of_source {
            continue;
        }
        let name = (cx.checker.registry.as_ref())
            .and_then(|r| r.get(id))
            .map_or(l.domain.as_str(), |e| e.name.as_str());
        let mut f = finding(
            rule,
            l.span,
            &[("source", name), ("credibility", cred.as_str())],
        );
        if cred == Credibility::Deprecated {
            f.severity = Severity::Error;
        }
        f.attribution = Some(ai);
        out.push(f);
    }
}
