//! `unknown-source`: a named source that the registry does not list.

use super::{Context, finding, first_cited};
use crate::model::{Finding, SourceKind};
use crate::ruleset::Rule;

/// Flag named sources with no registry match (only when a registry is given), suggesting a
/// close registry name when there is one. The suggestion is never taken as a match.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(reg) = cx.checker.registry.as_ref() else {
        return;
    };
    let a = cx.analysis;
    for (si, s) in a.sources.iter().enumerate() {
        let unresolved = s.keys.iter().any(|k| k.starts_with('?'));
        if !s.named
            || s.anonymous
            || unresolved
            || s.registry.is_some()
            || s.kind == SourceKind::Anonymous
        {
            continue;
        }
        let Some((ai, span)) = first_cited(a, si) else {
            continue;
        };
        let mut f = finding(rule, span, &[("source", &s.name)]);
        f.source = Some(si);
        f.attribution = Some(ai);
        f.suggestion = reg
            .suggest(&s.name)
            .map(|e| format!("did you mean {}?", e.name));
        out.push(f);
    }
}
