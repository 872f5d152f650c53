//! `unattributed-claim`: a claim (kind `claim`, not background, a self-report or a quotation)
//! that no attribution supports, or that only an agentless one does ("reportedly", "is
//! accused of": reported without saying by whom).

use super::{Context, finding, source_names};
use crate::model::{AttributionKind, ClaimKind, Finding};
use crate::ruleset::Rule;

/// Flag claims of kind `claim` at or above `min_checkworthiness` that no source supports; a
/// claim that a source disputes says so ("disputed by ...").
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let min = rule
        .params
        .get("min_checkworthiness")
        .copied()
        .unwrap_or(0.5);
    for (ci, c) in a.claims.iter().enumerate() {
        if c.kind == ClaimKind::Claim && c.sources.is_empty() && c.checkworthiness >= min {
            // "reportedly", "is accused of": support that names no one (the first of them)
            let agentless = (c.attributions.iter())
                .find(|&&ai| a.attributions[ai].kind == AttributionKind::Agentless);
            let mut f = match (agentless, rule.messages.get("agentless")) {
                (Some(&ai), Some(template)) => {
                    let mut f = finding(rule, c.span, &[]);
                    let cue = a.prose(a.attributions[ai].cue);
                    f.message = super::fill(template, &[("cue", &cue)]);
                    f.attribution = Some(ai);
                    f
                }
                _ => finding(rule, c.span, &[]),
            };
            if !c.disputed_by.is_empty() {
                f.message = format!(
                    "{} (disputed by {})",
                    f.message,
                    source_names(a, &c.disputed_by)
                );
                f.source = c.disputed_by.first().copied();
            }
            f.claim = Some(ci);
            out.push(f);
        }
    }
}
