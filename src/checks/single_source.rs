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
        // letters and digits of the claim within the parts (their union, clipped to the claim)
        let bytes = a.doc.text.as_bytes();
        let alnum = |from: usize, to: usize| {
            bytes[from..to]
                .iter()
                .filter(|b| b.is_ascii_alphanumeric())
                .count()
        };
        parts.sort_unstable();
        let (mut covered, mut at) = (0, c.span.start);
        for p in &parts {
            let (from, to) = (p.start.max(at), p.end.min(c.span.end));
            if from < to {
                covered += alnum(from, to);
                at = to;
            }
        }
        let letters = alnum(c.span.start, c.span.end);
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
