//! `non-independent-sources`: a claim whose sources share an affiliation in the registry (not a
//! relaying outlet or a nested source, which the claim's count of independent sources leaves out
//! too).

use super::{Context, finding, source_names};
use crate::model::Finding;
use crate::ruleset::Rule;

/// Flag claims with several sources of which fewer are independent.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (ci, c) in a.claims.iter().enumerate() {
        if c.sources.len() >= 2 && cx.checker.independent(a, &c.sources) < c.sources.len() {
            let names = source_names(a, &c.sources);
            let mut f = finding(rule, c.span, &[("sources", &names)]);
            f.claim = Some(ci);
            out.push(f);
        }
    }
}
