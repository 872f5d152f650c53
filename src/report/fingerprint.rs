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
use crate::model::{Analysis, Finding};
use std::collections::HashMap;

/// The fingerprints of `analysis`'s findings, in their order.
pub fn fingerprints(analysis: &Analysis, loc: &Locator) -> Vec<String> {
    let mut seen: HashMap<u64, u64> = HashMap::new();
    (analysis.findings.iter())
        .map(|f| {
            let base = base_hash(analysis, loc, f);
            let n = seen.entry(base).or_insert(0);
            let h = if *n == 0 {
                base
            } else {
                let mut h = Fnv::from(base);
                h.write(b"#");
                h.write(n.to_string().as_bytes());
                h.0
            };
            *n += 1;
            format!("{h:016x}")
        })
        .collect()
}

fn base_hash(analysis: &Analysis, loc: &Locator, f: &Finding) -> u64 {
    // the sentence the finding starts in (sentences are in order: a binary search, so a long
    // document's fingerprints are not findings times sentences)
    let ss = &analysis.sentences;
    let k = ss.partition_point(|s| s.span.start <= f.span.start);
    let sentence = (k > 0)
        .then(|| &ss[k - 1])
        .filter(|s| f.span.start < s.span.end.max(s.span.start + 1))
        .map_or("", |s| loc.text(s.span));
    let mut h = Fnv::new();
    h.write(f.rule.as_bytes());
    h.write(&[0]);
    normalise_into(loc.text(f.span), &mut |b| h.write(b));
    h.write(&[0]);
    normalise_into(sentence, &mut |b| h.write(b));
    h.write(&[0]);
    h.write(normal_path(&analysis.doc.path).as_bytes());
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
    normalise_into(s, &mut |b| out.extend_from_slice(b));
    String::from_utf8(out).expect("normalised text is UTF-8")
}

/// The bytes of [`normalise`]`(s)`, handed to `sink` in pieces as they are made (no string in
/// between; ASCII a byte at a time without decoding). [`normalise_chars`] is the definition it
/// must agree with (a test compares them).
fn normalise_into(s: &str, sink: &mut impl FnMut(&[u8])) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut started = false;
    let mut space = false;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
            // char::is_whitespace of an ASCII character: tab, LF, VT, FF, CR and space
            if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
                space = started;
                continue;
            }
            if space {
                sink(b" ");
                space = false;
            }
            sink(&[c.to_ascii_lowercase()]);
            started = true;
            continue;
        }
        let ch = s[i..].chars().next().expect("a char at a char boundary");
        i += ch.len_utf8();
        if ch.is_whitespace() {
            space = started;
            continue;
        }
        if space {
            sink(b" ");
            space = false;
        }
        let mut buf = [0u8; 4];
        match ch {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => sink(b"\""),
            '\u{2018}' | '\u{2019}' | '\u{201a}' => sink(b"'"),
            ch => {
                for l in ch.to_lowercase() {
                    sink(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        started = true;
    }
}

/// The plain definition of [`normalise`], char by char.
#[cfg(test)]
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
            self.0 ^= u64::from(c);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_quotes_and_white_space() {
        assert_eq!(
            normalise("  \u{201c}It\u{2019}s\n  Done,\u{201d}\tshe SAID "),
            "\"it's done,\" she said"
        );
    }

    #[test]
    fn normalise_agrees_with_its_char_by_char_definition() {
        let pieces = [
            "A",
            "b",
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u{a0}",
            "\u{2003}",
            "\u{201c}",
            "\u{2019}",
            "\u{c9}",
            "\u{130}",
            "\u{df}",
            "\u{3a3}",
            "x1",
            ",",
            "\u{1f600}",
            "\u{b}",
            "\u{c}",
        ];
        // every string of up to four pieces, and a pseudo-random longer mix
        let mut all = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for s in &all {
                for p in pieces {
                    next.push(format!("{s}{p}"));
                }
            }
            all.extend(next);
            all.dedup();
        }
        let mut x: u64 = 7;
        let mut long = String::new();
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            long.push_str(pieces[(x >> 33) as usize % pieces.len()]);
        }
        all.push(long);
        for s in &all {
            assert_eq!(normalise(s), normalise_chars(s), "{s:?}");
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
}
