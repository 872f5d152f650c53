//! `unresolved-reference`: a pronoun or description that refers to nobody found.

use super::{Context, finding};
use crate::model::Finding;
use crate::ruleset::Rule;
use crate::span::Span;

/// Fx hashing for a map of spans (SipHash's flooding resistance buys nothing for offsets).
type FxBuild = std::hash::BuildHasherDefault<crate::lexicon::FxHasher>;

/// Flag each unresolved source mention.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    if cx.unresolved.is_empty() {
        return;
    }
    // the first attribution of each mention's span, found once: a scan of every attribution for
    // each unresolved mention made a document of `Yes, he said.` quadratic
    let mut first: std::collections::HashMap<Span, usize, FxBuild> = Default::default();
    for (i, a) in cx.analysis.attributions.iter().enumerate() {
        for m in &a.sources {
            first.entry(m.span).or_insert(i);
        }
    }
    for &span in cx.unresolved {
        let mut f = finding(rule, span, &[("mention", cx.analysis.text(span))]);
        f.attribution = first.get(&span).copied();
        out.push(f);
    }
}
