//! `orphan-quote`: a quotation that nothing gives a speaker to.

use super::{Context, finding};
use crate::input::BlockKind;
use crate::model::Finding;
use crate::ruleset::Rule;
use crate::span::Span;

/// Spans sorted by start with the running maximum of their ends: "does any span starting before
/// `x` end after `y`" in O(log n).
struct Intervals {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(mut spans: Vec<Span>) -> Intervals {
        spans.sort_unstable();
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                m = m.max(s.end);
                m
            })
            .collect();
        Intervals { spans, max_end }
    }

    /// True when some span `s` has `start_ok(s.start)` (a prefix of the sorted spans) and
    /// `end_ok(s.end)`.
    fn any(&self, start_ok: impl Fn(usize) -> bool, end_ok: impl Fn(usize) -> bool) -> bool {
        let n = self.spans.partition_point(|s| start_ok(s.start));
        n > 0 && end_ok(self.max_end[n - 1])
    }
}

/// Flag quotations (not quoted terms) in paragraphs without any attribution, unless an
/// attribution's content covers them (a quote continued from an earlier paragraph).
///
/// Linear in the quotations (after sorting): a paragraph's boilerplate test runs once, and
/// content overlap and nesting are interval queries, so a document of many thousands of
/// quotation marks costs no more per byte than an ordinary one.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let lex = &cx.checker.lex;
    let blocks = &a.doc.blocks;
    let mut skipped: Vec<Option<bool>> = vec![None; blocks.len()];
    let mut attributed = vec![false; blocks.len()];
    // (an agentless attribution, "reportedly", names no speaker for a quotation)
    let voiced =
        || (a.attributions.iter()).filter(|at| at.kind != crate::model::AttributionKind::Agentless);
    for at in voiced() {
        if let Some(p) = attributed.get_mut(at.paragraph) {
            *p = true;
        }
    }
    let contents = Intervals::new(
        voiced()
            .filter_map(|at| at.content.as_ref())
            .flat_map(|c| c.fragments.iter().copied())
            .collect(),
    );
    let quotations = Intervals::new(
        a.quotes
            .iter()
            .filter(|o| o.is_quotation)
            .map(|o| o.inner)
            .collect(),
    );
    for q in &a.quotes {
        if !q.is_quotation {
            continue;
        }
        let skip = *skipped[q.paragraph].get_or_insert_with(|| {
            let block = &blocks[q.paragraph];
            block.kind == BlockKind::Heading || lex.paragraph_is_boilerplate(a, q.paragraph)
        });
        if skip {
            continue;
        }
        // an attribution in the paragraph, or one whose content overlaps the quotation
        let spoken = attributed[q.paragraph]
            || contents.any(|start| start < q.inner.end, |end| end > q.inner.start);
        // a quotation inside another quotation is covered by the outer one (a quotation's
        // inner span never contains its own marks, so the outer one is another quotation)
        let nested = quotations.any(|start| start <= q.span.start, |end| q.span.end <= end);
        if !spoken && !nested {
            out.push(finding(rule, q.span, &[]));
        }
    }
}
