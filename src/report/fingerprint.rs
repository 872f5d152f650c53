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
    h.write(normalise(loc.text(f.span)).as_bytes());
    h.write(&[0]);
    h.write(normalise(sentence).as_bytes());
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
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // (ASCII a byte at a time: `char::is_whitespace` and `char::to_lowercase` of an ASCII
        // character are `\t`..`\r` and space, and `to_ascii_lowercase`)
        let a = b[i];
        if a < 0x80 {
            if matches!(a, b' ' | b'\t'..=b'\r') {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(a.to_ascii_lowercase()));
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
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
