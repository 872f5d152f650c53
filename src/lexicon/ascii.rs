//! A pattern's cheap wider twin: the same regex with every class that holds some non-ASCII
//! characters made to hold all of them, so that it matches every text the pattern matches
//! (and more), for ruling texts out before the pattern itself is compiled or run.
//!
//! A Unicode class such as `\p{L}` or `\w`, repeated by `{0,3}`, costs most of a pattern's
//! compilation: the byline pattern of `not-claims` (`^\s*By\s+\p{Lu}[\p{L}.'’-]*...`) cost
//! about 24 M instructions, its twin (`[A-Z\x{80}-\x{10FFFF}]...`) a sixth of that. A regex
//! without word assertions is monotone in its classes (no operator of the syntax negates what
//! follows it: a negated class is a class), so a wider class never loses a match: when the twin
//! does not match a text, neither does the pattern, which is then neither compiled nor run.
//! Patterns with a word boundary (`\b`, whose answer depends on what a class holds) get no twin.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// The non-ASCII ranges a pattern's classes must have for a twin to be worth its own
/// compilation: the letters of `(?i)` (the Kelvin sign, the long s) or the digits of `\d` cost
/// little, while `\p{L}` or `\w` (hundreds of ranges each) cost most of a pattern.
const WORTH: usize = 256;

/// The wider twin of regex `hir`, when it has one worth compiling (see the module).
pub(super) fn wider(hir: &Hir) -> Option<Hir> {
    if weight(hir) < WORTH || hir.properties().look_set().contains_word() {
        return None;
    }
    Some(widen(hir))
}

/// The number of non-ASCII ranges in the classes of `hir` (a repetition's counted up to four
/// times, as `{0,3}` copies its class), but for classes that already end with every character
/// from some point on (`[^.;]`).
fn weight(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty
        | HirKind::Literal(_)
        | HirKind::Look(_)
        | HirKind::Class(Class::Bytes(_)) => 0,
        HirKind::Class(Class::Unicode(c)) => {
            let outside = c.ranges().iter().filter(|r| !r.end().is_ascii()).count();
            let open = c.ranges().last().is_some_and(|r| r.end() == '\u{10FFFF}');
            if open && outside <= 2 { 0 } else { outside }
        }
        HirKind::Repetition(r) => weight(&r.sub) * r.max.unwrap_or(r.min).clamp(1, 4) as usize,
        HirKind::Capture(c) => weight(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().map(weight).sum(),
    }
}

/// `hir` with every class that has a non-ASCII character given all of them.
fn widen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty
        | HirKind::Literal(_)
        | HirKind::Look(_)
        | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Class(Class::Unicode(c)) => {
            let mut c = c.clone();
            if c.ranges().last().is_some_and(|r| !r.end().is_ascii()) {
                c.union(&ClassUnicode::new([ClassUnicodeRange::new(
                    '\u{80}',
                    '\u{10FFFF}',
                )]));
            }
            Hir::class(Class::Unicode(c))
        }
        HirKind::Repetition(r) => {
            let mut r = r.clone();
            r.sub = Box::new(widen(&r.sub));
            Hir::repetition(r)
        }
        HirKind::Capture(c) => {
            let mut c = c.clone();
            c.sub = Box::new(widen(&c.sub));
            Hir::capture(c)
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(widen).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(widen).collect()),
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    /// The wider twin of regex `src`, when it has one worth compiling, compiled.
    fn twin(src: &str) -> Option<Regex> {
        Regex::new(&super::wider(&regex_syntax::parse(src).ok()?)?.to_string()).ok()
    }

    const BY: &str = r"^\s*By\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*(,|and)\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})*\s*$";

    #[test]
    fn a_wider_twin_matches_wherever_its_pattern_does() {
        let texts = [
            "By Jane Doe",
            "By Jane O’Neil and Éric Zoé",
            "By José Álvarez, Ana Díaz",
            "By Monday, officials had left.",
            "By yesterday, the World Health Organization",
            "By STAFF",
            "by jane doe",
            "By\u{a0}Ünal",
            "By 5:00 pm EDT",
            "Monday, March 3, 2020",
            "Monday, Μarch 3, 2020",
            "Monday, Marché 3, 2020",
            "",
        ];
        let patterns = [
            BY,
            r"(?i)^\s*(monday|tuesday),?\s+\w+\s+\d{1,2},?\s+\d{4}\s*$",
        ];
        let mut ruled_out = 0;
        for src in patterns {
            let twin = twin(src).expect("a twin");
            let re = Regex::new(src).unwrap();
            for t in texts {
                if re.is_match(t) {
                    assert!(twin.is_match(t), "{src} on {t:?}");
                }
                ruled_out += usize::from(!twin.is_match(t));
            }
        }
        assert!(
            ruled_out >= 10,
            "the twins rule out most texts ({ruled_out})"
        );
        // wider: it may match where the pattern does not
        assert!(twin(BY).unwrap().is_match("By Ébc"));
        assert!(twin(BY).unwrap().is_match("By ébc"));
        assert!(!Regex::new(BY).unwrap().is_match("By ébc"));
    }

    #[test]
    fn only_a_pattern_with_costly_classes_and_no_word_boundary_has_a_twin() {
        assert!(twin(BY).is_some());
        assert!(
            twin(r"(?i)\bstatements?\s+of\s+\w+").is_none(),
            "a word boundary"
        );
        assert!(
            twin(r"(?i)^(See|Read)[^.;]*\d").is_none(),
            "(?i) and \\d cost little"
        );
        assert!(twin(r"([").is_none());
    }
}
