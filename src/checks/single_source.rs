//! `single-source`: a check-worthy claim with one independent source.
//!
//! A sentence that is mostly its speaker's own quoted words is not flagged: a quotation is the
//! record of what one person said, and needs no second voice to be reported accurately.

use super::{Context, finding, source_names};
use crate::model::{AttributionKind, ClaimStatus, Finding};
use crate::ruleset::Rule;

/// Flag single-sourced claims at or above `min_checkworthiness`.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let min = rule
        .params
        .get("min_checkworthiness")
        .copied()
        .unwrap_or(0.5);
    for (ci, c) in a.claims.iter().enumerate() {
        if c.status != ClaimStatus::SingleSource || c.checkworthiness < min {
            continue;
        }
        let quoted: usize = c
            .attributions
            .iter()
            .filter(|&&ai| a.attributions[ai].kind == AttributionKind::DirectQuote)
            .filter_map(|&ai| a.attributions[ai].content.as_ref())
            .flat_map(|ct| ct.fragments.iter())
            .filter(|f| f.overlaps(c.span))
            .map(|f| f.end.min(c.span.end) - f.start.max(c.span.start))
            .sum();
        if quoted * 2 >= c.span.len() {
            continue;
        }
        let names = source_names(a, &c.sources);
        let mut f = finding(rule, c.span, &[("sources", &names)]);
        f.claim = Some(ci);
        f.source = c.sources.first().copied();
        out.push(f);
    }
}
