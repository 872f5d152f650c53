//! `single-source`: a check-worthy claim with one independent source.
//!
//! A sentence that is mostly its speaker's own quoted words is not flagged: a quotation is the
//! record of what one person said, and needs no second voice to be reported accurately.

use super::{Context, finding, source_names};
use crate::model::{AttributionKind, ClaimStatus, Finding};
use crate::ruleset::Rule;
use crate::span::Span;

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
        // the parts of the sentence that are quotation, speaker or cue of a direct quote
        let mut parts: Vec<Span> = Vec::new();
        for &ai in &c.attributions {
            let at = &a.attributions[ai];
            if at.kind != AttributionKind::DirectQuote {
                continue;
            }
            if let Some(ct) = &at.content {
                parts.extend(ct.fragments.iter().copied());
            }
            // speaker and cue with what stands between them (an appositive)
            let who = at.sources.iter().fold(at.cue, |acc, m| acc.cover(m.span));
            parts.push(who);
        }
        let covered: usize = (c.span.start..c.span.end)
            .filter(|&b| {
                a.doc.text.as_bytes()[b].is_ascii_alphanumeric()
                    && parts.iter().any(|p| p.start <= b && b < p.end)
            })
            .count();
        let letters = a.doc.text.as_bytes()[c.span.start..c.span.end]
            .iter()
            .filter(|b| b.is_ascii_alphanumeric())
            .count();
        if letters > 0 && covered * 10 >= letters * 7 {
            continue;
        }
        let names = source_names(a, &c.sources);
        let mut f = finding(rule, c.span, &[("sources", &names)]);
        f.claim = Some(ci);
        f.source = c.sources.first().copied();
        out.push(f);
    }
}
