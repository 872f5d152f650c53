//! `unresolved-reference`: a pronoun or description that refers to nobody found.

use super::{Context, finding};
use crate::model::Finding;
use crate::ruleset::Rule;
use crate::span::Span;

/// Flag each unresolved source mention.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    if cx.unresolved.is_empty() {
        return;
    }
    // The first attribution of each mention's span, from one sorted list: a scan of every
    // attribution for each unresolved mention made a document of `Yes, he said. ` quadratic, and
    // a hash map of the spans costs two cache misses a look-up. Sorted by span and then by
    // attribution, the first of equal spans is the first attribution; the unresolved mentions
    // come in document order, so one walk along the list finds them all.
    let atts = &cx.analysis.attributions;
    let mut first: Vec<(Span, usize)> = Vec::with_capacity(cx.analysis.mention_count());
    first.extend(
        (atts.iter().enumerate())
            .flat_map(|(i, a)| (a.sources.iter().chain(&a.cited)).map(move |m| (m.span, i))),
    );
    first.sort_unstable();
    first.dedup_by_key(|&mut (span, _)| span);
    out.reserve(cx.unresolved.len());
    let mut at = 0;
    let mut last: Option<Span> = None;
    for &span in cx.unresolved {
        if last.is_some_and(|l| span < l) {
            // out of document order: look it up from the start
            at = 0;
        }
        last = Some(span);
        at = seek(&first, at, span);
        let mut f = finding(rule, span, &[("mention", &cx.analysis.prose(span))]);
        f.attribution = first.get(at).filter(|&&(s, _)| s == span).map(|&(_, i)| i);
        out.push(f);
    }
}

/// The index of the first entry of `first` at or after `from` whose span is not before `span`,
/// found by galloping from `from` (steps of 1, 2, 4...) and then a binary search in the last
/// step: a walk in order costs little per look-up.
fn seek(first: &[(Span, usize)], from: usize, span: Span) -> usize {
    let (mut lo, mut hi, mut step) = (from, from, 1);
    while hi < first.len() && first[hi].0 < span {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(first.len());
    lo + first[lo..hi].partition_point(|&(s, _)| s < span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seek_finds_what_a_binary_search_finds_from_anywhere() {
        let spans: Vec<(Span, usize)> = (0..300)
            .map(|i| (Span::new(3 * i, 3 * i + 1 + i % 2), i))
            .collect();
        for from in [0, 1, 7, 150, 299, 300] {
            for start in 0..905 {
                let span = Span::new(start, start + 1);
                let want = spans.partition_point(|&(s, _)| s < span).max(from);
                assert_eq!(seek(&spans, from, span), want, "{span:?} from {from}");
            }
        }
        assert_eq!(seek(&[], 0, Span::new(1, 2)), 0);
    }
}
