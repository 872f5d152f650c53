//! The claim pattern lists (`background`, `captions`, `record-acts`) as few regexes as pay:
//! one joined regex of most of a list, with ASCII word boundaries, and apart from it the
//! patterns that would multiply its states.

use crate::lexicon::Patterns;

/// The patterns `list` as one regex (one pass over a sentence instead of one per pattern, and
/// no literal prefilter per pattern), with their word boundaries (`\\b`) made ASCII ones: the
/// lazy DFA of the regex crate cannot run a Unicode word boundary on text that is not ASCII,
/// and falls back to a much slower engine; the claim patterns are about English words. (Bounded
/// repetitions such as `{0,60}` multiply the DFA's states: the claim patterns use `*`.) Falls
/// back to the list as it is when the joined regex does not compile.
///
/// A pattern anchored at the start of the sentence (`^[^.;]*?\b(is|are)\s+...`, `^there\s+`)
/// or with a gap over words (`\b(law|laws|...)\b[^.;]*\b(allow|...)\b`) stays apart, behind
/// its own prefilter: in the joined regex its threads, alive from the start or from its first
/// words to the next period, multiply the lazy DFA's states with those of the others (on the
/// sample's background and record-act sentences, 7 M instructions more). So does a pattern
/// every match of which holds one of a few strings of five bytes or more ("delegates",
/// "plurality", "eligible"): one search for all such strings rules out most sentences before
/// any of them runs, where in the joined regex each would add states read on every sentence
/// (on the sample, 8 M instructions fewer with this session's results patterns).
pub(super) fn ascii_bounded(list: &[crate::ruleset::Pattern]) -> Patterns {
    if list.is_empty() {
        return Patterns::new(list);
    }
    let ascii = |p: &crate::ruleset::Pattern| uncaptured(&p.source).replace("\\b", "(?-u:\\b)");
    let (mut apart, mut joined): (Vec<_>, Vec<_>) =
        list.iter().partition(|p| kept_apart(&p.source));
    if joined.is_empty() {
        std::mem::swap(&mut apart, &mut joined);
    }
    let joined = joined
        .iter()
        .map(|p| format!("(?:{})", ascii(p)))
        .collect::<Vec<_>>()
        .join("|");
    let apart: Vec<String> = apart.into_iter().map(ascii).collect();
    Patterns::joined(&joined, crate::ruleset::REGEX_SIZE_LIMIT * 4, &apart)
        .unwrap_or_else(|| Patterns::new(list))
}

/// Whether regex `src` stays out of its list's joined regex: when every match begins at the
/// start of the text, when it has a gap, an unbounded repetition over words and the spaces
/// between them (`[^.;]*`, `([a-z-]+\s+)*`), or when a literal string of five bytes or more is
/// in every match.
fn kept_apart(src: &str) -> bool {
    regex_syntax::parse(src).is_ok_and(|h| {
        (h.properties().look_set_prefix()).contains(regex_syntax::hir::Look::Start)
            || has_gap(&h)
            || crate::lexicon::has_literal_prefilter(&h, 5)
    })
}

/// Whether `hir` has an unbounded repetition some match of which holds a letter and a space.
fn has_gap(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Repetition(r)
            if r.max.is_none() && can_hold(&r.sub, 'a') && can_hold(&r.sub, ' ') =>
        {
            true
        }
        HirKind::Repetition(r) => has_gap(&r.sub),
        HirKind::Capture(c) => has_gap(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(has_gap),
        _ => false,
    }
}

/// Whether some match of `hir` can hold the ASCII character `ch`.
fn can_hold(hir: &regex_syntax::hir::Hir, ch: char) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(l) => l.0.contains(&(ch as u8)),
        HirKind::Class(Class::Unicode(c)) => {
            (c.ranges().iter()).any(|r| r.start() <= ch && ch <= r.end())
        }
        HirKind::Class(Class::Bytes(c)) => {
            (c.ranges().iter()).any(|r| r.start() <= ch as u8 && ch as u8 <= r.end())
        }
        HirKind::Repetition(r) => r.max != Some(0) && can_hold(&r.sub, ch),
        HirKind::Capture(c) => can_hold(&c.sub, ch),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(|s| can_hold(s, ch)),
    }
}

/// Regex `src` with its capture groups made non-capturing (`(` not followed by `?` outside a
/// class becomes `(?:`): the joined patterns are asked only whether they match, and groups
/// cost at compile time. Unchanged when the syntax is not followed to the end.
pub(super) fn uncaptured(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len() + 16);
    let mut class = 0usize;
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => {
                class += 1;
                // a `]` (after `^`) first in a class is a literal
                if b.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if class > 0 => class -= 1,
            b'(' if class == 0 && b.get(i + 1) != Some(&b'?') => {
                out.push_str(&src[last..=i]);
                out.push_str("?:");
                last = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if class != 0 || i != b.len() {
        return src.to_string();
    }
    out.push_str(&src[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::kept_apart;

    #[test]
    fn anchored_patterns_and_gaps_over_words_are_kept_apart() {
        assert!(kept_apart(r"(?i)^there\s+(was|were)\s+"));
        assert!(kept_apart(r"(?i)\b(law|laws)\b[^.;]*\b(allow|allows)\b"));
        assert!(kept_apart(
            r"(?i)\bhosted\s+(a|the)\s+([a-z-]+\s+)*(summit|rally)\b"
        ));
        // a string of five bytes or more in every match: apart, behind its prefilter
        assert!(kept_apart(r"(?i)\b\d[\d,.]*\s+(followers|subscribers)\b"));
        assert!(kept_apart(r"(?i),\s+meaning\s+"));
        // short or no such strings: joined
        assert!(!kept_apart(
            r"(?i-u)\bcame\s+(in\s+)?(first|second|third)\b"
        ));
        assert!(!kept_apart(
            r"(?i-u)\b(won|lost)\s+(his|her)\s+home\s+state\b"
        ));
        assert!(!kept_apart(r"(?i)\b\d+(\.\d+)?\s?%"));
    }
}
