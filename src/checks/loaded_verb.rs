//! `loaded-verb`: an attribution verb that is not neutral.

use super::{Context, finding};
use crate::model::Finding;
use crate::ruleset::Rule;

/// Flag attributions whose cue lemma is in the `loaded-verbs` lexicon.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (ai, at) in a.attributions.iter().enumerate() {
        if cx.checker.lex.loaded_verbs.contains(&at.cue_lemma) {
            let mut f = finding(rule, at.cue, &[("cue", &a.prose(at.cue))]);
            f.attribution = Some(ai);
            out.push(f);
        }
    }
}
