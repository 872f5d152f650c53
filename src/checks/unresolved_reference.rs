//! `unresolved-reference`: a pronoun or description that refers to nobody found.

use super::{Context, finding};
use crate::model::Finding;
use crate::ruleset::Rule;

/// Flag each unresolved source mention.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for &span in cx.unresolved {
        let mut f = finding(rule, span, &[("mention", cx.analysis.text(span))]);
        f.attribution = cx
            .analysis
            .attributions
            .iter()
            .position(|a| a.sources.iter().any(|m| m.span == span));
        out.push(f);
    }
}
