//! How the regexes of pattern lists ([`super::Patterns`]) are compiled: as the `regex` crate
//! would (`regex::Regex` is this engine, `regex_automata::meta`, configured the same way), from
//! the syntax tree the prefilters were made from (no second parse), and without the engine's
//! own literal prefilter where the list's prefilters already do its work.
//!
//! A text reaches a pattern behind `Prefilter::Literals` only when it holds one of the literal
//! strings every match holds; the engine would then build a second literal searcher of its own
//! (for `(?i)...(?:alleged|believed|...)\s+to` the case variants of the inner literals, a Teddy
//! searcher and a reverse automaton: most of the pattern's compilation, millions of
//! instructions), to skip parts of a paragraph that the lazy DFA crosses about as fast. Two
//! kinds of pattern keep it: one with a Unicode word boundary (`\b`), which the lazy DFA cannot
//! run on a text that is not ASCII, so that without a prefilter narrowing the search the
//! slowest engine reads the whole text; and one whose every match begins with one same byte
//! (`,\s+it\s+was ...`), whose prefilter is a `memchr` that costs nothing to build and skips
//! most of a text.
//!
//! Nor is the one-pass DFA built: it serves only the captures of an anchored pattern, and the
//! anchored patterns of the lists are asked only whether they match (the captures of the
//! agentless patterns, unanchored, come from the other engines).

use regex_automata::meta;
use regex_syntax::hir::Hir;

/// A pattern's regex, the `regex` crate's engine configured as `regex::RegexBuilder` configures
/// it with `size_limit(nfa)` and `dfa_size_limit(dfa)` (see the module for its prefilter). None
/// when it is too big.
pub(super) fn compile(hir: &Hir, (nfa, dfa): (usize, usize)) -> Option<meta::Regex> {
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(nfa))
        .hybrid_cache_capacity(dfa)
        .auto_prefilter(keeps_prefilter(hir))
        .onepass(false);
    meta::Builder::new()
        .configure(config)
        .build_from_hir(hir)
        .ok()
}

/// A regex asked only for the captures of its matches (the frames of `rules/patterns/`),
/// configured as `regex::Regex::new(src)` with `size_limit(nfa)`, but for one that matches only
/// at the start of a text: no lazy DFA, nor the reverse NFA it needs (half the compilation of
/// `^(?P<cue>...)\s+(?P<source>[^,;:"“]{2,120}?),\s`, whose bounded class is most of its NFA);
/// the one-pass DFA or the backtracker find an anchored match and its groups in one pass.
/// None when `src` does not compile.
pub fn captures_regex(src: &str, nfa: usize) -> Option<meta::Regex> {
    let hir = regex_syntax::parse(src).ok()?;
    let anchored = (hir.properties().look_set_prefix()).contains(regex_syntax::hir::Look::Start);
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(nfa))
        .hybrid(!anchored);
    meta::Builder::new()
        .configure(config)
        .build_from_hir(&hir)
        .ok()
}

/// Whether the engine's own literal prefilter is worth building for `hir` (see the module).
fn keeps_prefilter(hir: &Hir) -> bool {
    if hir.properties().look_set().contains_word_unicode() {
        return true;
    }
    let mut first = [false; 256];
    let empty = super::prefilter::first_bytes(hir, &mut first);
    !empty && first.iter().filter(|&&b| b).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Hir {
        regex_syntax::parse(src).unwrap()
    }

    #[test]
    fn the_engine_prefilter_is_kept_for_unicode_boundaries_and_one_first_byte() {
        assert!(keeps_prefilter(&parse(r"(?i)\bfree (reports|trial)\b")));
        assert!(keeps_prefilter(&parse(r"(?i),\s+(?P<cue>it\s+was)")));
        assert!(!keeps_prefilter(&parse(
            r"(?i)(?-u:\b)(?P<cue>is|was)\s+said"
        )));
        assert!(!keeps_prefilter(&parse(r"x?y")));
    }

    /// The engine answers as `regex::Regex` does, captures included.
    #[test]
    fn compiled_as_the_regex_crate_would() {
        let src = r"(?i)(?-u:\b)(?P<cue>(?:is|was)\s+(?:said|reported)\s+to)\s+(?:be|have)(?-u:\b)";
        let ours = compile(&parse(src), (1 << 20, 2 << 20)).unwrap();
        let theirs = regex::Regex::new(src).unwrap();
        for t in [
            "He is said to be ill.",
            "it WAS reported to have",
            "This is said to bee",
            "Ünal is said to be",
            "",
        ] {
            assert_eq!(ours.is_match(t), theirs.is_match(t), "{t:?}");
            let mut caps = ours.create_captures();
            ours.captures(t, &mut caps);
            let cue = caps.get_group_by_name("cue").map(|s| s.range());
            let want = theirs
                .captures(t)
                .and_then(|c| c.name("cue"))
                .map(|m| m.range());
            assert_eq!(cue, want, "{t:?}");
        }
    }
}
