//! `orphan-quote`: a quotation that nothing gives a speaker to.

use super::{Context, finding};
use crate::input::BlockKind;
use crate::model::Finding;
use crate::ruleset::Rule;

/// Flag quotations (not quoted terms) in paragraphs without any attribution, unless an
/// attribution's content covers them (a quote continued from an earlier paragraph).
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let lex = &cx.checker.lex;
    for q in &a.quotes {
        if !q.is_quotation {
            continue;
        }
        let block = &a.doc.blocks[q.paragraph];
        if block.kind == BlockKind::Heading || lex.is_boilerplate(block.span.slice(&a.doc.text)) {
            continue;
        }
        let spoken = a.attributions.iter().any(|at| {
            at.paragraph == q.paragraph
                || at
                    .content
                    .as_ref()
                    .is_some_and(|c| c.fragments.iter().any(|f| f.overlaps(q.inner)))
        });
        // a quotation inside another quotation is covered by the outer one
        let nested = a
            .quotes
            .iter()
            .any(|o| o.span != q.span && o.is_quotation && o.inner.contains(q.span));
        if !spoken && !nested {
            out.push(finding(rule, q.span, &[]));
        }
    }
}
