//! `single-source`: a contested or consequential claim with one independent source that is not
//! the authority of record for it.
//!
//! Only sentences of kind `claim` are flagged: a quotation is the record of what one person
//! said, and a self-report ("the company said it will close 20 stores") has the one source who
//! can know. A claim at or above `min_checkworthiness` (an allegation, harm, money, a cause) is
//! flagged; so is any claim whose one source is anonymous. A government body, a court or a
//! source with a word of office ("Judge", "police", "spokesperson") speaks for the record and
//! is not flagged.

use super::{Context, finding, source_names};
use crate::claims::ascii_alnum_count;
use crate::claims::authorities;
use crate::model::{AttributionKind, ClaimKind, ClaimStatus, Finding};
use crate::ruleset::Rule;
use crate::span::Span;

/// Flag single-sourced claims at or above `min_checkworthiness`.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let min = rule
        .params
        .get("min_checkworthiness")
        .copied()
        .unwrap_or(0.7);
    // (computed once, when a claim first needs it)
    let mut authority: Option<Vec<bool>> = None;
    for (ci, c) in a.claims.iter().enumerate() {
        if c.kind != ClaimKind::Claim
            || !matches!(c.status, ClaimStatus::SingleSource | ClaimStatus::Disputed)
            || c.independent_sources != 1
        {
            continue;
        }
        let anonymous = c.sources.iter().all(|&s| a.sources[s].anonymous);
        if c.checkworthiness < min && !anonymous {
            continue;
        }
        let authority = authority.get_or_insert_with(|| authorities(a, &cx.checker.claim_lex));
        if c.sources.iter().any(|&s| authority[s]) {
            continue;
        }
        // the parts of the sentence that are quotation, speaker or cue of a direct quote
        let mut parts: Vec<Span> = Vec::new();
        for &ai in &c.attributions {
            let at = &a.attributions[ai];
            if at.kind != AttributionKind::DirectQuote {
                continue;
            }
            if let Some(ct) = &at.content {
                parts.extend(ct.fragments.iter().copied());
            }
            // speaker and cue with what stands between them (an appositive)
            let who = at.sources.iter().fold(at.cue, |acc, m| acc.cover(m.span));
            parts.push(who);
        }
        // letters and digits of the claim within the parts (their union, clipped to the claim);
        // without parts there are none, and the claim is flagged whatever it holds
        if !parts.is_empty() {
            let bytes = a.doc.text.as_bytes();
            let alnum = |from: usize, to: usize| ascii_alnum_count(&bytes[from..to]);
            parts.sort_unstable();
            let (mut covered, mut at) = (0, c.span.start);
            for p in &parts {
                let (from, to) = (p.start.max(at), p.end.min(c.span.end));
                if from < to {
                    covered += alnum(from, to);
                    at = to;
                }
            }
            let letters = alnum(c.span.start, c.span.end);
            if letters > 0 && covered * 10 >= letters * 7 {
                continue;
            }
        }
        // a relaying outlet after the source it relays: "Tom Hegel, via Reuters"
        let media = |s: &usize| a.sources[*s].kind == crate::model::SourceKind::Media;
        let (relays, voices): (Vec<usize>, Vec<usize>) = c.sources.iter().copied().partition(media);
        let names = if !relays.is_empty() && !voices.is_empty() {
            format!(
                "{}, via {}",
                source_names(a, &voices),
                source_names(a, &relays)
            )
        } else {
            source_names(a, &c.sources)
        };
        // the sources the supporting attributions cite: "Reuters, citing two officials" (one
        // chain, one account: named so the editor sees whose account it is)
        let mut cited: Vec<usize> = Vec::new();
        for &ai in &c.attributions {
            for m in &a.attributions[ai].cited {
                if let Some(s) = m.source
                    && !c.sources.contains(&s)
                    && !cited.contains(&s)
                {
                    cited.push(s);
                }
            }
        }
        let names = if cited.is_empty() {
            names
        } else {
            format!("{names}, citing {}", source_names(a, &cited))
        };
        let mut f = finding(rule, c.span, &[("sources", &names)]);
        if !c.disputed_by.is_empty() {
            f.message = format!(
                "{} (disputed by {})",
                f.message,
                source_names(a, &c.disputed_by)
            );
        }
        f.claim = Some(ci);
        f.source = c.sources.first().copied();
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_counts_as_a_filter() {
        let alphabet = [
            "a", "Z", "0", "9", "/", ":", "@", "[", "`", "{", " ", "\u{e9}", "\u{ff}", "\u{7f}",
            "\u{c1}", "\u{661}", "word", "\u{1}",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 20_000, 30) {
            let b = t.as_bytes();
            assert_eq!(
                ascii_alnum_count(b),
                b.iter().filter(|c| c.is_ascii_alphanumeric()).count(),
                "{t:?}"
            );
        }
        for c in 0..=255u8 {
            for at in [0, 5, 7, 8, 9, 15] {
                let mut b = vec![b' '; 17];
                b[at] = c;
                assert_eq!(
                    ascii_alnum_count(&b),
                    usize::from(c.is_ascii_alphanumeric())
                );
            }
        }
    }
}
