//! **Agreement**: a source that agrees with what another source has just said supports that
//! claim, and the claim supports the agreeing sentence: two voices on one proposition.
//!
//! Example: "Arnel dela Vega of the army said the Abu Sayyaf Group are the suspected
//! perpetrators. The first bomb went off during Mass. Regional Governor Mujiv Hataman agreed,
//! saying only this organisation appeared capable of the double bombing." Both the first and
//! the third sentence stand on two independent sources.
//!
//! An agreement is an attribution of the sentence's own whose cue lemma is in
//! `claim-agreement-cues` ("agreed", "concurred", "echoed"), with a source, and not "agreed to"
//! (a deal or a payment: an act, no agreement with a claim). It reaches back to the nearest
//! earlier claim or quotation of the same paragraph, at most [`REACH`] sentences back, that has
//! a source other than the agreeing one's; "agreed with X" reaches back to X's sentence, and
//! when that is a self-report (a view agreed with) to nothing. Each then takes in the other's attributions, marked
//! inherited, and its independence is counted again, at most its own count plus the other
//! side's (two voices on two different things in one sentence do not become more by it).
//!
//! Not to be confused with carry-over (one speaker's account continued, in [`super`]) or with
//! two sources in one sentence (counted where the claim is made).

use super::{ClaimLexicons, independent_count, independent_voices, status_of};
use crate::Checker;
use crate::model::{Analysis, AttributionKind, Claim, ClaimKind};
use std::collections::HashSet;

/// How many sentences back an agreement reaches ("X said A. <one sentence>. Y agreed": two).
pub const REACH: usize = 3;

/// Link each agreeing claim of `claims` (those of `analysis`, in sentence order) with the claim
/// it agrees with.
pub(super) fn link_agreements(analysis: &Analysis, checker: &Checker, claims: &mut [Claim]) {
    let cl = &checker.claim_lex;
    let is_agreement = |ai: usize| {
        let first = (analysis.attributions[ai]
            .cue_lemma
            .split_whitespace()
            .next())
        .unwrap_or("");
        (cl.agreement_stems.iter()).any(|s| first.starts_with(s.as_str()))
            && is_agreement(analysis, cl, ai)
    };
    for j in 0..claims.len() {
        if claims[j].kind != ClaimKind::Claim
            || !claims[j].attributions.iter().any(|&ai| is_agreement(ai))
        {
            continue;
        }
        let inherited: HashSet<usize> = claims[j].inherited.iter().copied().collect();
        let agreeing: Vec<usize> = (claims[j].attributions.iter().copied())
            .filter(|ai| !inherited.contains(ai))
            .filter(|&ai| is_agreement(ai))
            .collect();
        let agreeing_sources = sources_of(analysis, &agreeing);
        if agreeing_sources.is_empty() {
            continue;
        }
        let agreeing_set: HashSet<usize> = agreeing_sources.iter().copied().collect();
        // the last word of whom it agrees with, when named: "agreed with La Riva"
        let named = agreeing.first().and_then(|&ai| {
            let cue = analysis.attributions[ai].cue;
            let after = &analysis.doc.text[cue.end..];
            let rest = if analysis.text(cue).ends_with(" with") {
                after.trim_start()
            } else {
                after.strip_prefix(" with ")?
            };
            let words: Vec<&str> = (rest.split(|c: char| c.is_whitespace() || c == ','))
                .take(3)
                .take_while(|w| w.starts_with(char::is_uppercase))
                .collect();
            words.last().map(|w| w.to_string())
        });
        let here = &analysis.sentences[claims[j].sentence];
        let Some(k) = (0..j)
            .rev()
            .take_while(|&k| {
                analysis.sentences[claims[k].sentence].paragraph == here.paragraph
                    && claims[j].sentence - claims[k].sentence <= REACH
            })
            .find(|&k| {
                let kind_fits = match &named {
                    // (agreeing with a named speaker's view, "La Riva argued against UBI.
                    // Carroll agreed with La Riva", is a view of one's own: it reaches no
                    // claim before that view)
                    Some(w) => (claims[k].sources.iter())
                        .any(|&s| analysis.sources[s].name.split_whitespace().any(|x| x == w)),
                    None => matches!(claims[k].kind, ClaimKind::Claim | ClaimKind::Quote),
                };
                kind_fits && (claims[k].sources.iter()).any(|s| !agreeing_set.contains(s))
            })
            .filter(|&k| matches!(claims[k].kind, ClaimKind::Claim | ClaimKind::Quote))
        else {
            continue;
        };
        let agreed_with: Vec<usize> = claims[k].attributions.clone();
        let (k_count, j_count) = (
            claims[k].independent_sources,
            independent_count(
                analysis,
                checker.registry.as_ref(),
                &independent_voices(analysis, cl, &agreeing, &agreeing_sources),
            ),
        );
        take_in(analysis, checker, &mut claims[j], &agreed_with, k_count);
        take_in(analysis, checker, &mut claims[k], &agreeing, j_count);
    }
}

/// True when attribution `ai` is an agreement: a cue of agreeing, with a source, not "agreed
/// to" (an act).
fn is_agreement(analysis: &Analysis, cl: &ClaimLexicons, ai: usize) -> bool {
    let a = &analysis.attributions[ai];
    if matches!(a.kind, AttributionKind::Agentless | AttributionKind::Link)
        || !ClaimLexicons::has_lemma(&cl.agreement_cues, &a.cue_lemma)
    {
        return false;
    }
    let after_cue = analysis.doc.text[a.cue.end..].trim_start();
    !(after_cue.starts_with("to ") || after_cue.starts_with("on "))
}

/// The sources of the attributions `atts`, in order of first mention.
fn sources_of(analysis: &Analysis, atts: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for &ai in atts {
        for m in &analysis.attributions[ai].sources {
            if let Some(s) = m.source
                && seen.insert(s)
            {
                out.push(s);
            }
        }
    }
    out
}

/// `claim` with the attributions `extra` (of another sentence, `extra_count` independent
/// sources) taken in as inherited support, its sources, independence and status counted again.
fn take_in(
    analysis: &Analysis,
    checker: &Checker,
    claim: &mut Claim,
    extra: &[usize],
    extra_count: usize,
) {
    // (sets, not searches of the lists: a sentence may have thousands of attributions)
    let mut has: HashSet<usize> = claim.attributions.iter().copied().collect();
    for &ai in extra {
        if has.insert(ai) {
            claim.attributions.push(ai);
            claim.inherited.push(ai);
        }
    }
    claim.attributions.sort_unstable();
    claim.inherited.sort_unstable();
    let mut known: HashSet<usize> = (claim.sources.iter().chain(&claim.disputed_by))
        .copied()
        .collect();
    for s in sources_of(analysis, extra) {
        if known.insert(s) {
            claim.sources.push(s);
        }
    }
    let voices = independent_voices(
        analysis,
        &checker.claim_lex,
        &claim.attributions,
        &claim.sources,
    );
    let counted = independent_count(analysis, checker.registry.as_ref(), &voices);
    claim.independent_sources = counted.min(claim.independent_sources + extra_count);
    claim.status = status_of(
        claim.kind,
        !claim.disputed_by.is_empty(),
        claim.independent_sources,
    );
}

#[cfg(test)]
mod tests {
    use crate::Checker;
    use crate::model::ClaimStatus;
    use crate::ruleset::Ruleset;

    fn statuses(text: &str) -> Vec<(String, ClaimStatus, usize)> {
        let c = Checker::new(Ruleset::embedded(), None);
        let a = c.check(crate::input::parse_text("t", text.to_string()));
        (a.claims.iter())
            .map(|c| {
                (
                    c.span.slice(&a.doc.text).to_string(),
                    c.status,
                    c.independent_sources,
                )
            })
            .collect()
    }

    #[test]
    fn an_agreement_and_the_claim_it_agrees_with_corroborate_each_other() {
        let c = statuses(
            "Arnel dela Vega said the Abu Sayyaf Group are the suspected perpetrators. The first bomb went off during Mass. Regional Governor Mujiv Hataman agreed, saying only this group appeared capable of the double bombing.",
        );
        assert_eq!((c[0].1, c[0].2), (ClaimStatus::Corroborated, 2), "{c:?}");
        assert_eq!(c[1].1, ClaimStatus::Unattributed, "{c:?}");
        assert_eq!((c[2].1, c[2].2), (ClaimStatus::Corroborated, 2), "{c:?}");
    }

    #[test]
    fn agreeing_to_an_act_or_across_paragraphs_corroborates_nothing() {
        let c = statuses(
            "Police said the driver was drunk. The driver's lawyer agreed to pay a fine of $500.",
        );
        assert_ne!(c[0].1, ClaimStatus::Corroborated, "{c:?}");
        let c = statuses(
            "Police said the driver was drunk when the car hit the wall.\n\nThe mayor agreed, saying the roads were safe.",
        );
        assert!(c.iter().all(|c| c.1 != ClaimStatus::Corroborated), "{c:?}");
    }
}
