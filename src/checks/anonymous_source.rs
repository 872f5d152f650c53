//! `anonymous-source`: an attribution to an unnamed source.

use super::{Context, finding};
use crate::model::Finding;
use crate::ruleset::Rule;

/// Flag every attribution mention whose source is anonymous.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    // a set, not a list: one long document has hundreds of thousands of such mentions
    let mut seen = std::collections::HashSet::new();
    for (ai, at) in a.attributions.iter().enumerate() {
        for m in &at.sources {
            let Some(si) = m.source else { continue };
            if !a.sources[si].anonymous || !seen.insert(m.span) {
                continue;
            }
            let mut f = finding(rule, m.span, &[("source", a.text(m.span))]);
            f.source = Some(si);
            f.attribution = Some(ai);
            out.push(f);
        }
    }
}
