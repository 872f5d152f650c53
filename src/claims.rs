//! Claims: which sentences assert something that needs a source, which attributions support
//! each (an attribution covers the sentences its content overlaps and the sentence of its cue;
//! a sentence without one of its own inherits those of the nearest earlier sentence of its
//! paragraph that has some, never across paragraphs), and how many independent sources stand
//! behind it.

use crate::Checker;
use crate::input::BlockKind;
use crate::model::{Analysis, Claim, ClaimStatus};
use crate::registry::Registry;
use crate::span::Span;

/// Cue lemmas of statements, whose attribution carries over to the next sentences of the
/// paragraph (demands, questions and promises do not: "calling for", "asked", "urged").
const STATEMENT_LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "affirm",
    "allege",
    "announce",
    "answer",
    "argue",
    "assert",
    "believe",
    "boast",
    "caution",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confess",
    "confirm",
    "contend",
    "declare",
    "deny",
    "disclose",
    "emphasize",
    "estimate",
    "explain",
    "find",
    "indicate",
    "insist",
    "maintain",
    "mention",
    "note",
    "observe",
    "predict",
    "recall",
    "remark",
    "reply",
    "report",
    "respond",
    "reveal",
    "say",
    "show",
    "state",
    "stress",
    "suggest",
    "tell",
    "testify",
    "think",
    "tweet",
    "warn",
    "write",
];

fn carries_over(a: &crate::model::Attribution) -> bool {
    use crate::model::AttributionKind;
    matches!(
        a.kind,
        AttributionKind::DirectQuote | AttributionKind::AccordingTo | AttributionKind::Passive
    ) || STATEMENT_LEMMAS.contains(&a.cue_lemma.as_str())
}

/// Find the claims of an analysed document (attributions and sources already resolved).
pub fn find_claims(analysis: &Analysis, checker: &Checker) -> Vec<Claim> {
    let lex = &checker.lex;
    let text = &analysis.doc.text;
    let mut out = Vec::with_capacity(analysis.sentences.len());
    let mut boiler = vec![false; analysis.doc.blocks.len()];
    for (i, b) in boiler.iter_mut().enumerate() {
        *b = lex.paragraph_is_boilerplate(analysis, i);
    }
    // the attributions of the last sentence of the paragraph that had its own, which carry
    // over to the sentences after it (only the nearest: earlier voices do not pile up)
    let mut carried: (usize, Vec<usize>) = (usize::MAX, Vec::new());
    // each sentence's own attributions: its cue is in the sentence, or its content overlaps it
    // (found by binary search over the sentences, not by a scan per sentence)
    let sentences = &analysis.sentences;
    let mut own_by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (ai, a) in analysis.attributions.iter().enumerate() {
        let mut hit = |span: Span, whole: bool| {
            let first = sentences.partition_point(|s| s.span.end <= span.start);
            for (si, s) in sentences.iter().enumerate().skip(first) {
                if s.span.start >= span.end.max(span.start + 1) {
                    break;
                }
                let ok = if whole {
                    s.span.contains(span)
                } else {
                    s.span.overlaps(span)
                };
                if ok && own_by_sentence[si].last() != Some(&ai) {
                    own_by_sentence[si].push(ai);
                }
            }
        };
        hit(a.cue, true);
        if let Some(c) = &a.content {
            for f in &c.fragments {
                hit(*f, false);
            }
        }
    }
    for v in &mut own_by_sentence {
        v.sort_unstable();
        v.dedup();
    }
    for (si, s) in analysis.sentences.iter().enumerate() {
        let own = std::mem::take(&mut own_by_sentence[si]);
        let attributions = if !own.is_empty() {
            // only statements carry over: "calling for the killers to be brought to justice"
            // does not source the background sentences after it
            let statements: Vec<usize> = own
                .iter()
                .copied()
                .filter(|&ai| carries_over(&analysis.attributions[ai]))
                .collect();
            carried = (s.paragraph, statements);
            own
        } else if carried.0 == s.paragraph {
            carried.1.clone()
        } else {
            Vec::new()
        };
        let block = &analysis.doc.blocks[s.paragraph];
        if block.kind == BlockKind::Heading || boiler[s.paragraph] {
            continue;
        }
        let start = s.label.map(|l| l.end).unwrap_or(s.span.start);
        let span = Span::new(start, s.span.end).trim(text);
        let t = span.slice(text);
        let words = Words::of(t);
        if !is_claim_text(t, block.span.slice(text) == s.span.slice(text), words.count)
            || lex.not_claims.is_match(t)
        {
            continue;
        }
        let mut sources: Vec<usize> = Vec::new();
        for &ai in &attributions {
            for m in &analysis.attributions[ai].sources {
                if let Some(src) = m.source
                    && !sources.contains(&src)
                {
                    sources.push(src);
                }
            }
        }
        let independent = independent_count(analysis, checker.registry.as_ref(), &sources);
        let status = match independent {
            0 => ClaimStatus::Unattributed,
            1 => ClaimStatus::SingleSource,
            _ => ClaimStatus::Corroborated,
        };
        out.push(Claim {
            span,
            sentence: si,
            checkworthiness: score(t, &words),
            status,
            attributions,
            sources,
            independent_sources: independent,
        });
    }
    out
}

/// What the claim tests need of a sentence's words, in one pass over it: how many words
/// (`str::split_whitespace`), up to [`Words::ENOUGH`], and whether a word after the first starts,
/// after opening quotes and brackets, with a capital.
struct Words {
    /// The number of words, or [`Words::ENOUGH`] when there are more (the pass stops there
    /// once a capital was found).
    count: usize,
    named: bool,
}

impl Words {
    /// No test tells apart more words than this.
    const ENOUGH: usize = 12;

    fn of(t: &str) -> Words {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        // per byte of 8 ASCII bytes, the high bit when the byte is in `lo..=hi` (exact byte by
        // byte, "hasbetween" of Bit Twiddling Hacks: no borrow or carry crosses a byte)
        let between = |x: u64, lo: u8, hi: u8| {
            let low7 = x & (LO * 0x7f);
            (LO * (0x7f + hi as u64 + 1)).wrapping_sub(low7)
                & low7.wrapping_add(LO * (0x7f - (lo as u64 - 1)))
                & HI
        };
        let equal = |x: u64, c: u8| {
            let y = x ^ (LO * c as u64);
            !(((y & (LO * 0x7f)) + LO * 0x7f) | y) & HI
        };
        let b = t.as_bytes();
        let (mut count, mut named) = (0, false);
        // whether the character before `i` is part of a word (not white space)
        let mut in_word = false;
        let mut i = 0;
        while i < b.len() && !(named && count >= Words::ENOUGH) {
            // the ASCII bytes among the next 8, as a whole: word starts are the bytes that
            // are not white space after one that is (8 bytes a few operations each, the
            // words of a sentence being a few bytes long)
            if let Some(w) = b.get(i..i + 8) {
                let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
                if count >= Words::ENOUGH
                    && x & HI == 0
                    && between(x, b'A', b'Z') | between(x, b'"', b'(') == 0
                {
                    // enough words counted, and no capital here to start one, nor a quote or
                    // bracket before one: only where the last word ends matters
                    in_word = !matches!(w[7], b' ' | b'\t'..=b'\r');
                    i += 8;
                    continue;
                }
                let ascii = match x & HI {
                    0 => 8,
                    high => high.trailing_zeros() as usize / 8,
                };
                if ascii > 0 {
                    let keep = HI >> (8 * (8 - ascii));
                    // `char::is_whitespace` of ASCII: ' ' and '\t'..='\r'
                    let space = equal(x, b' ') | between(x, b'\t', b'\r');
                    let word = !space & keep;
                    let starts = word & !((word << 8) | (u64::from(in_word) << 7));
                    if starts != 0 {
                        if !named {
                            // the words after the first word of the text
                            let later = if count == 0 {
                                starts & (starts - 1)
                            } else {
                                starts
                            };
                            if later & between(x, b'A', b'Z') != 0 {
                                named = true;
                            } else {
                                // a word opening on a quote or bracket: the character after
                                // (tested for every word opening on a byte from '"' to '(':
                                // one not a quote or bracket is itself not a capital)
                                let mut open = later & between(x, b'"', b'(');
                                while open != 0 && !named {
                                    named = capital_after_openers(
                                        t,
                                        i + open.trailing_zeros() as usize / 8,
                                    );
                                    open &= open - 1;
                                }
                            }
                        }
                        // (one bit per byte: their sum by a multiplication, not a popcount,
                        // which the baseline x86-64 has no instruction for)
                        count += ((starts >> 7).wrapping_mul(LO) >> 56) as usize;
                    }
                    in_word = word & (0x80 << (8 * (ascii - 1))) != 0;
                    i += ascii;
                    continue;
                }
            }
            // one character
            let c = b[i];
            let (ws, len) = if c < 0x80 {
                (matches!(c, b' ' | b'\t'..=b'\r'), 1)
            } else {
                let ch = t[i..].chars().next().unwrap_or(' ');
                (ch.is_whitespace(), ch.len_utf8())
            };
            if !ws && !in_word {
                if count >= 1 && !named {
                    named = capital_after_openers(t, i);
                }
                count += 1;
            }
            in_word = !ws;
            i += len;
        }
        Words {
            count: count.min(Words::ENOUGH),
            named,
        }
    }
}

/// Whether the word at byte `i` of `t` starts, after opening quotes and brackets, with a capital.
fn capital_after_openers(t: &str, i: usize) -> bool {
    t[i..]
        .chars()
        .find(|c| !matches!(c, '"' | '\u{201c}' | '(' | '\''))
        .filter(|c| !c.is_whitespace())
        .is_some_and(char::is_uppercase)
}

/// True for text that can be a claim: a statement of at least four words, not a question, and
/// not a short line without end punctuation (a heading, a caption, a label).
fn is_claim_text(t: &str, whole_paragraph: bool, words: usize) -> bool {
    if words < 4
        || t.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')'])
            .ends_with('?')
    {
        return false;
    }
    let ends = t
        .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')', ']'])
        .ends_with(['.', '!', '\u{2026}', ';']);
    if !ends && whole_paragraph && words < Words::ENOUGH {
        return false;
    }
    true
}

/// How much a sentence needs a source, in [0, 1]: figures and named actors raise it.
pub fn checkworthiness(t: &str) -> f64 {
    score(t, &Words::of(t))
}

fn score(t: &str, words: &Words) -> f64 {
    let mut score: f64 = 0.35;
    if has_digit(t.as_bytes()) {
        score += 0.2;
    }
    if words.named {
        score += 0.2;
    }
    if words.count >= Words::ENOUGH {
        score += 0.1;
    }
    score.min(1.0)
}

/// True when `b` has an ASCII digit (8 bytes at a time).
fn has_digit(b: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // a byte above 0x2f and below 0x3a (exact: "hasbetween" of Bit Twiddling Hacks)
    let between = |x: u64| {
        let low7 = x & (LO * 0x7f);
        ((LO * (0x7f + 0x3a)).wrapping_sub(low7) & !x & low7.wrapping_add(LO * (0x7f - 0x2f)) & HI)
            != 0
    };
    let mut words = b.chunks_exact(8);
    words.any(|w| between(u64::from_le_bytes(w.try_into().expect("8 bytes"))))
        || words.remainder().iter().any(u8::is_ascii_digit)
}

/// How many independent sources the document sources `ids` form: sources matched to registry
/// rows that share an affiliation count once; other sources count one each.
pub fn independent_count(analysis: &Analysis, registry: Option<&Registry>, ids: &[usize]) -> usize {
    let mut reg_ids: Vec<&str> = Vec::new();
    let mut others = 0;
    for &i in ids {
        match (&analysis.sources[i].registry, registry) {
            (Some(m), Some(_)) => {
                if !reg_ids.contains(&m.id.as_str()) {
                    reg_ids.push(&m.id);
                }
            }
            _ => others += 1,
        }
    }
    let grouped = match registry {
        Some(r) if !reg_ids.is_empty() => r.independent_groups(&reg_ids),
        _ => 0,
    };
    grouped + others
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::Ruleset;

    fn claims(text: &str) -> Vec<(String, ClaimStatus)> {
        let c = Checker::new(Ruleset::embedded(), None);
        let a = c.check(crate::input::parse_text("t", text.to_string()));
        a.claims
            .iter()
            .map(|c| (c.span.slice(&a.doc.text).to_string(), c.status))
            .collect()
    }

    #[test]
    fn attribution_carries_over_within_paragraph_only() {
        let c = claims(
            "The bridge will close in May, Mayor Jane Roe said. Repairs will cost $4 million.\n\nTraffic will move to Route 9 during the work.",
        );
        assert_eq!(c[0].1, ClaimStatus::SingleSource);
        assert_eq!(c[1].1, ClaimStatus::SingleSource);
        assert_eq!(c[2].1, ClaimStatus::Unattributed);
    }

    #[test]
    fn two_sources_corroborate() {
        let c = claims("The dam failed on Monday, police said, according to Reuters.");
        assert_eq!(c[0].1, ClaimStatus::Corroborated);
    }

    #[test]
    fn questions_headings_and_short_lines_are_not_claims() {
        let c =
            claims("Why It Matters\n\nWho will pay for the new bridge over the river?\n\nComments");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn labels_are_not_part_of_claims() {
        let c = claims("What Happened: Hackers broke into the Acme network in 2021.");
        assert_eq!(c[0].0, "Hackers broke into the Acme network in 2021.");
    }

    /// `Words` counts and tests the words as `str::split_whitespace` splits them.
    #[test]
    fn words_as_split_whitespace() {
        let alphabet = [
            "a", "B", " ", "\n", "\u{a0}", "\u{2003}", "\"", "\u{201c}", "(", "'", "\u{c9}", "x",
            "\u{e9}", "\u{3000}", "\u{b}", "\u{85}", ".", "\u{4e2d}",
        ];
        // and runs of ASCII words of every length, for the 8 bytes at a time
        let ascii = [
            "a", "B", " ", "word", "Words", "  ", "\t", "\r\n", "\"Q", "('x", "'", "\"", "(", "0",
            ".", "\u{1f}", "\u{b}", "\u{c}", "~", "\u{7f}", "\u{201c}", "\u{a0}", "\u{e9}", "Z",
            "@", "[",
        ];
        let texts = crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 5000, 48)
            .chain(crate::testutil::random_texts(
                &ascii,
                0x9e37_79b9_7f4a_7c15,
                20_000,
                40,
            ))
            .chain(crate::testutil::random_texts(
                &ascii,
                0x2545_f491_4f6c_dd1d,
                5000,
                120,
            ))
            // a capital after an opening quote or bracket, the two 8 bytes apart or not, after
            // enough words or not
            .chain((0..14).flat_map(|words| {
                (0..10).flat_map(move |pad| {
                    ["\"Q", "(X", "'\"Z", "\u{201c}A", "\"a", "\"\" B", "x"]
                        .map(|end| "ab ".repeat(words) + &" ".repeat(pad) + end + " the end")
                })
            }));
        for t in texts {
            let named = t.split_whitespace().skip(1).any(|w| {
                w.trim_start_matches(['"', '\u{201c}', '(', '\''])
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            });
            let w = Words::of(&t);
            assert_eq!(
                (w.count, w.named),
                (t.split_whitespace().count().min(Words::ENOUGH), named),
                "{t:?}"
            );
        }
    }

    #[test]
    fn digits_are_found_8_bytes_at_a_time() {
        let alphabet = [
            "a", "/", "0", "5", "9", ":", " ", "\u{e9}", "\u{ff}", "\u{7f}", "\u{b0}", "z",
            "\u{660}",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 20_000, 24) {
            assert_eq!(
                has_digit(t.as_bytes()),
                t.bytes().any(|c| c.is_ascii_digit()),
                "{t:?}"
            );
        }
        // every byte value, alone and among others
        for c in 0..=255u8 {
            for at in [0, 3, 7, 8, 12] {
                let mut b = vec![b'x'; 16];
                b[at] = c;
                assert_eq!(has_digit(&b), c.is_ascii_digit(), "{c} at {at}");
            }
        }
    }

    #[test]
    fn checkworthiness_rises_with_figures_and_names() {
        assert!(checkworthiness("The weather was nice and everyone was happy.") < 0.5);
        assert!(checkworthiness("Acme lost 400 jobs in 2023.") > 0.5);
    }
}
