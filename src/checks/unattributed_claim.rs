//! `unattributed-claim`: a check-worthy claim with no source.

use super::{Context, finding};
use crate::model::{ClaimStatus, Finding};
use crate::ruleset::Rule;

/// Flag claims at or above `min_checkworthiness` that no attribution supports.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let min = rule
        .params
        .get("min_checkworthiness")
        .copied()
        .unwrap_or(0.5);
    for (ci, c) in cx.analysis.claims.iter().enumerate() {
        if c.status == ClaimStatus::Unattributed && c.checkworthiness >= min {
            let mut f = finding(rule, c.span, &[]);
            f.claim = Some(ci);
            out.push(f);
        }
    }
}
