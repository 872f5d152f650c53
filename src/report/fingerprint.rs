//! Stable fingerprints of findings: a finding keeps its fingerprint when the article is edited
//! above it, so a baseline, GitHub code scanning (`partialFingerprints`) and GitLab Code Quality
//! follow it across edits.
//!
//! A fingerprint is made of the rule id, the normalised text of the finding's span, the
//! normalised text of the sentence it starts in, and the document's path (without `./`
//! segments, with `/` separators: [`normal_path`]); never byte offsets
//! or line numbers. Normalised means lower-cased, curly quotes and apostrophes made straight,
//! and every run of white space made one space, so re-wrapping a paragraph keeps it. When two
//! findings of one document would share a fingerprint (the same sentence twice), the second and
//! later get their occurrence number mixed in, so fingerprints are unique within a document.
//!
//! The hash is 64-bit FNV-1a written as 16 hex digits: small, dependency-free, and the same on
//! every platform and release (it is part of the report contract; changing it invalidates every
//! stored baseline).

use super::Locator;
use crate::hash::FxHasher;
use crate::model::{Analysis, Finding};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The fingerprints of `analysis`'s findings, in their order.
pub fn fingerprints(analysis: &Analysis, loc: &Locator) -> Vec<String> {
    hashes(analysis, loc).into_iter().map(hex16).collect()
}

/// The fingerprints of `analysis`'s findings as numbers (a fingerprint is [`hex16`] of its
/// number), for a report that writes their digits itself.
pub(crate) fn hashes(analysis: &Analysis, loc: &Locator) -> Vec<u64> {
    // (Fx-hashed: the keys are hashes already, and only looked up, never iterated)
    let mut seen: HashMap<u64, u64, BuildHasherDefault<FxHasher>> = HashMap::default();
    let path = normal_path(&analysis.doc.path);
    let mut long = LongSentences::default();
    (analysis.findings.iter())
        .map(|f| {
            let base = base_hash(analysis, loc, f, &path, &mut long);
            let n = seen.entry(base).or_insert(0);
            let h = if *n == 0 {
                base
            } else {
                let mut h = Fnv::from(base);
                h.write(b"#");
                let (digits, len) = crate::decimal::digits(*n as usize);
                h.write(&digits[..len]);
                h.0
            };
            *n += 1;
            h
        })
        .collect()
}

/// `h` as 16 hex digits, lower case (`format!("{h:016x}")` without the formatter).
fn hex16(h: u64) -> String {
    String::from_utf8(hex16_bytes(h).to_vec()).expect("hex digits are ASCII")
}

/// The 16 hex digits of [`hex16`], as bytes.
pub(crate) fn hex16_bytes(h: u64) -> [u8; 16] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 16];
    for (k, d) in out.iter_mut().rev().enumerate() {
        *d = DIGITS[((h >> (4 * k)) & 15) as usize];
    }
    out
}

/// A sentence longer than this many bytes is hashed once for each rule and span text, not once
/// for each finding in it (see [`LongSentences`]).
const LONG_SENTENCE: usize = 512;

/// The base hashes already made of findings in long sentences, by the hash of the rule and
/// span text (which come first) and the sentence's index: one sentence of thousands of
/// findings ("he said that he said that ...") is hashed once for each different rule and span
/// text, not once for each finding, which took the square of its length. The hashes are the
/// same as without it.
#[derive(Default)]
struct LongSentences(HashMap<(u64, usize), u64>);

/// The hash of finding `f` of `analysis` (whose path, normalised, is `path`).
fn base_hash(
    analysis: &Analysis,
    loc: &Locator,
    f: &Finding,
    path: &str,
    long: &mut LongSentences,
) -> u64 {
    // the sentence the finding starts in (sentences are in order: a binary search, so a long
    // document's fingerprints are not findings times sentences)
    let ss = &analysis.sentences;
    let k = ss.partition_point(|s| s.span.start <= f.span.start);
    let sentence = (k > 0)
        .then(|| k - 1)
        .filter(|&k| f.span.start < ss[k].span.end.max(ss[k].span.start + 1))
        .map_or((usize::MAX, ""), |k| (k, loc.original(ss[k].span)));
    let mut h = Fnv::new();
    h.write(f.rule.as_bytes());
    h.write(&[0]);
    normalise_bytes(loc.original(f.span), |b| h.byte(b));
    h.write(&[0]);
    let key = (h.0, sentence.0);
    if sentence.1.len() > LONG_SENTENCE
        && let Some(&done) = long.0.get(&key)
    {
        return done;
    }
    normalise_bytes(sentence.1, |b| h.byte(b));
    h.write(&[0]);
    h.write(path.as_bytes());
    if sentence.1.len() > LONG_SENTENCE {
        long.0.insert(key, h.0);
    }
    h.0
}

/// A path as fingerprints see it: `/` separators, without `.` segments or doubled slashes, so
/// `./news/a.md` (from `whosaid check .`) and `news/a.md` (from `whosaid check news`) are the
/// same file to a baseline.
pub fn normal_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/');
    let parts: Vec<&str> = (path.split('/'))
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Lower case, straight quotes, one space for every run of white space, trimmed.
pub fn normalise(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    normalise_bytes(s, |b| out.push(b));
    String::from_utf8(out).expect("normalised text is UTF-8")
}

/// The bytes of [`normalise`]`(s)`, one at a time, to `emit` (no string is built: fingerprints
/// hash them as they come).
fn normalise_bytes(s: &str, mut emit: impl FnMut(u8)) {
    let mut started = false;
    let mut space = false;
    let b = s.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; 4];
    while i < b.len() {
        // (ASCII a byte at a time: `char::is_whitespace` and `char::to_lowercase` of an ASCII
        // character are `\t`..`\r` and space, and `to_ascii_lowercase`)
        let a = b[i];
        if a < 0x80 {
            if matches!(a, b' ' | b'\t'..=b'\r') {
                space = started;
                i += 1;
                continue;
            }
            if space {
                emit(b' ');
                space = false;
            }
            started = true;
            // the rest of a run of ASCII bytes that are not white space, without the book-keeping
            // (one table lookup a byte: `PLAIN`)
            emit(a.to_ascii_lowercase());
            i += 1;
            while let Some(&a) = b.get(i) {
                let l = PLAIN[a as usize];
                if l == 0 {
                    break;
                }
                emit(l);
                i += 1;
            }
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_whitespace() {
            space = started;
            continue;
        }
        if space {
            emit(b' ');
            space = false;
        }
        started = true;
        let mut put = |c: char| c.encode_utf8(&mut buf).bytes().for_each(&mut emit);
        match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => put('"'),
            '\u{2018}' | '\u{2019}' | '\u{201a}' => put('\''),
            c => c.to_lowercase().for_each(put),
        }
    }
}

/// Each byte's lower case when it is ASCII and not white space, else 0 (white space, bytes of
/// non-ASCII characters, and NUL itself: the slow path of [`normalise_bytes`]).
const PLAIN: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 1;
    while i < 0x80 {
        let b = i as u8;
        if !matches!(b, b' ' | b'\t'..=b'\r') {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn from(h: u64) -> Fnv {
        Fnv(h)
    }
    fn write(&mut self, b: &[u8]) {
        for &c in b {
            self.byte(c);
        }
    }
    fn byte(&mut self, c: u8) {
        self.0 ^= u64::from(c);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex16_is_the_formatter_s() {
        for h in [
            0,
            1,
            0xf,
            0x10,
            0xdead_beef,
            0x0123_4567_89ab_cdef,
            u64::MAX,
        ] {
            assert_eq!(hex16(h), format!("{h:016x}"));
        }
    }

    #[test]
    fn plain_bytes_are_the_lower_case_of_ascii_that_is_not_white_space() {
        for b in 0..=255u8 {
            let plain = b != 0 && b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r');
            assert_eq!(
                PLAIN[b as usize],
                if plain { b.to_ascii_lowercase() } else { 0 }
            );
        }
    }

    #[test]
    fn normalise_folds_case_quotes_and_white_space() {
        assert_eq!(
            normalise("  \u{201c}It\u{2019}s\n  Done,\u{201d}\tshe SAID "),
            "\"it's done,\" she said"
        );
    }

    /// `normalise` as it was written first, a character at a time.
    fn normalise_chars(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            match c {
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => out.push('"'),
                '\u{2018}' | '\u{2019}' | '\u{201a}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    #[test]
    fn normalise_a_byte_at_a_time_as_a_character_at_a_time() {
        let alphabet = [
            "a", "B", " ", "\n", "\t", "\u{b}", "\u{c}", "\r", "\u{1f}", "\u{a0}", "\u{85}",
            "\u{2003}", "\u{201c}", "\u{2019}", "\u{ab}", "\u{c9}", "\u{130}", "\u{3a3}", "Z",
            "\u{4e2d}", "\"", "'", "\0",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 20_000, 24) {
            assert_eq!(normalise(&t), normalise_chars(&t), "{t:?}");
        }
    }

    #[test]
    fn paths_are_compared_without_dot_segments() {
        assert_eq!(normal_path("./news//a.md"), "news/a.md");
        assert_eq!(normal_path("news\\a.md"), "news/a.md");
        assert_eq!(normal_path("/srv/./site/a.md"), "/srv/site/a.md");
    }

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        // from the FNV reference (draft-eastlake-fnv): "" and "a"
        assert_eq!(Fnv::new().0, 0xcbf2_9ce4_8422_2325);
        let mut h = Fnv::new();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }

    /// In a sentence longer than `LONG_SENTENCE` holding many findings of one rule and text,
    /// and others of other texts, each base hash is the one made without the memo.
    #[test]
    fn long_sentences_hash_as_without_the_memo() {
        let text = "he said that it said that Bob Smith said that ".repeat(60);
        let c = crate::Checker::new(crate::Ruleset::embedded(), None);
        let a = c.check(crate::input::parse_text("t", text));
        let loc = Locator::new(&a);
        assert!(a.findings.len() > 50, "{} findings", a.findings.len());
        assert!(a.sentences[0].span.len() > LONG_SENTENCE);
        let mut long = LongSentences::default();
        let path = normal_path(&a.doc.path);
        for f in &a.findings {
            let fresh = base_hash(&a, &loc, f, &path, &mut LongSentences::default());
            assert_eq!(base_hash(&a, &loc, f, &path, &mut long), fresh);
        }
        assert!(long.0.len() < 5, "{} keys", long.0.len());
    }
}
