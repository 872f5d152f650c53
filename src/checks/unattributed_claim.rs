//! `unattributed-claim`: a claim (kind `claim`, not background, a self-report or a quotation)
//! that no attribution supports.

use super::{Context, finding, source_names};
use crate::model::{ClaimKind, Finding};
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
            let mut f = finding(rule, c.span, &[]);
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
