//! `anonymous-source`: an attribution to an unnamed source (not in a caption, and not a cue
//! that names its source's own act: "one antibody cocktail showed promise").

use super::{Context, finding};
use crate::model::Finding;
use crate::ruleset::Rule;

/// Flag every attribution mention whose source is anonymous.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    // a set, not a list: one long document has hundreds of thousands of such mentions
    let mut seen = std::collections::HashSet::new();
    // whether each paragraph is a caption, tested once per paragraph (when the analysis does
    // not say)
    let mut caption: Vec<Option<bool>> = vec![None; a.doc.blocks.len()];
    let anonymous = |m: &crate::model::Mention| m.source.is_some_and(|si| a.sources[si].anonymous);
    for (ai, at) in a.attributions.iter().enumerate() {
        // (the cheap test first: most attributions have no anonymous source)
        if !at.sources.iter().chain(&at.cited).any(anonymous) {
            continue;
        }
        // (a caption's "Protesters with a banner saying ..." cites no one)
        let is_caption = *caption[at.paragraph]
            .get_or_insert_with(|| cx.checker.claim_lex.paragraph_is_caption(a, at.paragraph));
        if is_caption || crate::claims::is_bare_act(a, &cx.checker.claim_lex, at) {
            continue;
        }
        // (and the sources it cites: "according to Reuters, citing two officials")
        for m in at.sources.iter().chain(&at.cited) {
            let Some(si) = m.source else { continue };
            if !a.sources[si].anonymous || !seen.insert(m.span) {
                continue;
            }
            let shown = super::mention_label(a, si, &a.prose(m.span));
            let mut f = finding(rule, m.span, &[("source", &shown)]);
            f.source = Some(si);
            f.attribution = Some(ai);
            out.push(f);
        }
    }
}
