//! Suppressions: an editor's way to accept one finding in the article itself.
//!
//! In Markdown and HTML, as comments (never shown to readers):
//!
//! ```text
//! <!-- whosaid-disable-next-line single-source -->   the next non-blank line
//! <!-- whosaid-disable anonymous-source -->          from here ...
//! <!-- whosaid-enable anonymous-source -->           ... to here (or the end of the file)
//! <!-- whosaid-disable-file -->                      the whole file
//! ```
//!
//! In plain text, as lines of their own: `# whosaid-disable-next-line RULE` (and `# whosaid-disable`,
//! `# whosaid-enable`, `# whosaid-disable-file`). In front matter (any format):
//! `whosaid: {disable: [RULE, ...]}` for the whole file. Rule ids are separated by spaces or
//! commas; none means every rule. A suppression that suppressed nothing is itself reported, as
//! an `unused-suppression` info finding, so stale ones do not pile up (and a misspelt rule id is
//! noticed).
//!
//! A finding is suppressed by where it starts in the file (its line, for next-line; its offset,
//! for a range), so a suppression covers what the reports show at that place.

use crate::input::{Format, SourceDoc};
use crate::model::{Analysis, Finding, Severity};
use crate::span::{LineIndex, Span};

/// The rule id of an unused suppression's finding.
pub const UNUSED: &str = "unused-suppression";

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    NextLine,
    Disable,
    Enable,
    File,
}

/// One suppression comment (or front-matter entry) of a document.
#[derive(Debug, Clone)]
struct Directive {
    op: Op,
    /// Rule ids (empty: every rule).
    rules: Vec<String>,
    /// Where the directive is in the original (start, end).
    at: (usize, usize),
    /// 1-based line of its start.
    line: usize,
    /// The directive as written, for the unused-suppression message.
    text: String,
}

impl Directive {
    fn covers_rule(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

/// The directive words and what they do: the longest first (`disable-next-line` and
/// `disable-file` begin with `disable`).
const WORDS: &[(&str, Op)] = &[
    ("whosaid-disable-next-line", Op::NextLine),
    ("whosaid-disable-file", Op::File),
    ("whosaid-disable", Op::Disable),
    ("whosaid-enable", Op::Enable),
];

/// The directive in `body` (a comment's text or a `#` line's), if it is one.
fn directive(body: &str) -> Option<(Op, Vec<String>)> {
    let body = body.trim();
    let (word, op) = WORDS.iter().find(|(w, _)| {
        body.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', ',', ':']))
    })?;
    let rules = body[word.len()..]
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    Some((*op, rules))
}

/// The directives of a document, in order.
fn directives(doc: &SourceDoc, lines: &LineIndex) -> Vec<Directive> {
    let raw = doc.raw.as_str();
    let mut out = Vec::new();
    let mut push = |op, rules, start: usize, end: usize| {
        out.push(Directive {
            op,
            rules,
            at: (start, end),
            line: lines.line_col(raw, start).0,
            text: raw[start..end].trim().to_string(),
        })
    };
    match doc.format {
        Format::Markdown | Format::Html => {
            let mut at = 0;
            while let Some(k) = raw[at..].find("<!--").map(|k| at + k) {
                let Some(e) = raw[k + 4..].find("-->").map(|e| k + 4 + e + 3) else {
                    break;
                };
                if let Some((op, rules)) = directive(&raw[k + 4..e - 3]) {
                    push(op, rules, k, e);
                }
                at = e;
            }
        }
        Format::Text => {
            let mut at = 0;
            for l in raw.split_inclusive('\n') {
                if let Some(body) = l.trim_start().strip_prefix('#')
                    && let Some((op, rules)) = directive(body)
                {
                    push(op, rules, at, at + l.trim_end().len());
                }
                at += l.len();
            }
        }
    }
    for (key, values) in crate::input::front_matter(raw) {
        if key == "whosaid.disable" {
            let end = raw.find("whosaid").unwrap_or(0);
            out.push(Directive {
                op: Op::File,
                rules: values,
                at: (end, end),
                line: lines.line_col(raw, end).0,
                text: "whosaid: {disable: [...]} (front matter)".to_string(),
            });
        }
    }
    out.sort_by_key(|d| d.at.0);
    out
}

/// The line a `disable-next-line` directive ending at `end` covers: the next line with
/// anything on it but white space (1-based).
fn next_line(raw: &str, lines: &LineIndex, end: usize) -> usize {
    let after = &raw[end..];
    let skip = after.find('\n').map_or(after.len(), |n| n + 1);
    let rest = &after[skip..];
    let blank = rest.len() - rest.trim_start().len();
    lines.line_col(raw, (end + skip + blank).min(raw.len())).0
}

/// Remove the suppressed findings of `analysis` and add an `unused-suppression` info finding
/// for each suppression that suppressed nothing. Returns how many findings were suppressed.
pub fn apply(analysis: &mut Analysis) -> usize {
    let doc = &analysis.doc;
    let raw = doc.raw.as_str();
    if !raw.contains("whosaid-") && !raw.contains("whosaid:") && !raw.contains("[whosaid]") {
        return 0;
    }
    let lines = LineIndex::new(raw);
    let dirs = directives(doc, &lines);
    if dirs.is_empty() {
        return 0;
    }
    let targets: Vec<usize> = (dirs.iter())
        .map(|d| match d.op {
            Op::NextLine => next_line(raw, &lines, d.at.1),
            _ => 0,
        })
        .collect();
    let mut used = vec![0usize; dirs.len()];
    let before = analysis.findings.len();
    let findings = std::mem::take(&mut analysis.findings);
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let span = doc.map.span_to_raw(f.span);
        let (l0, l1) = (
            lines.line_col(raw, span.start).0,
            lines.line_col(raw, span.end).0,
        );
        let mut hit = None;
        for (i, d) in dirs.iter().enumerate() {
            if !d.covers_rule(&f.rule) {
                continue;
            }
            let covers = match d.op {
                Op::File => true,
                Op::NextLine => l0 <= targets[i] && targets[i] <= l1.max(l0),
                Op::Disable => {
                    span.start >= d.at.1
                        && !dirs[i + 1..].iter().any(|e| {
                            e.op == Op::Enable
                                && e.at.0 <= span.start
                                && (e.rules.is_empty()
                                    || d.rules.iter().all(|r| e.rules.contains(r)))
                        })
                }
                Op::Enable => false,
            };
            if covers {
                hit = Some(i);
                break;
            }
        }
        match hit {
            Some(i) => used[i] += 1,
            None => kept.push(f),
        }
    }
    let suppressed = before - kept.len();
    for (i, d) in dirs.iter().enumerate() {
        if d.op == Op::Enable || used[i] > 0 {
            continue;
        }
        let span = text_span_after(analysis, d.at.1);
        kept.push(Finding {
            rule: UNUSED.into(),
            severity: Severity::Info,
            message: format!(
                "unused suppression on line {}: `{}` matched no finding; remove it",
                d.line, d.text
            ),
            span,
            claim: None,
            source: None,
            attribution: None,
            suggestion: None,
        });
    }
    kept.sort_by_key(|f| (f.span.start, f.span.end));
    analysis.findings = kept;
    suppressed
}

/// A span of the text to show an unused suppression at: the first sentence that starts after
/// raw offset `at` (the comment itself is not in the analysed text), else the last one.
fn text_span_after(analysis: &Analysis, at: usize) -> Span {
    let map = &analysis.doc.map;
    let first_line = |s: Span| {
        let t = s.slice(&analysis.doc.text);
        let n = t.find('\n').unwrap_or(t.len());
        Span::new(s.start, s.start + n)
    };
    (analysis.sentences.iter())
        .find(|s| map.start_to_raw(s.span.start) >= at)
        .or(analysis.sentences.last())
        .map_or(Span::new(0, 0), |s| first_line(s.span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Ruleset};

    fn check(path: &str, raw: &str) -> Analysis {
        let checker = Checker::new(Ruleset::embedded(), None);
        let format = Format::from_path(path).unwrap();
        let mut a = checker.check(crate::input::parse(path, raw.to_string(), format));
        apply(&mut a);
        a
    }

    fn rules(a: &Analysis) -> Vec<&str> {
        a.findings.iter().map(|f| f.rule.as_str()).collect()
    }

    const CLAIM: &str = "The council cut the school budget by a third last year, and the cuts \
                         will close four schools by 2026.";

    #[test]
    fn directives_are_read_with_their_rules() {
        assert_eq!(
            directive(" whosaid-disable-next-line single-source, loaded-verb "),
            Some((
                Op::NextLine,
                vec!["single-source".to_string(), "loaded-verb".to_string()]
            ))
        );
        assert_eq!(directive("whosaid-disable-file"), Some((Op::File, vec![])));
        assert_eq!(directive("whosaid-disabled x"), None);
        assert_eq!(directive("a comment"), None);
    }

    #[test]
    fn next_line_suppression_removes_the_finding_and_an_unused_one_is_reported() {
        let plain = check("a.md", &format!("{CLAIM}\n"));
        assert_eq!(
            rules(&plain),
            ["unattributed-claim"],
            "the claim is flagged"
        );
        let a = check(
            "a.md",
            &format!("<!-- whosaid-disable-next-line unattributed-claim -->\n{CLAIM}\n"),
        );
        assert!(rules(&a).is_empty(), "{:?}", a.findings);
        // the wrong rule: the finding stays and the suppression is reported unused
        let a = check(
            "a.md",
            &format!("<!-- whosaid-disable-next-line loaded-verb -->\n{CLAIM}\n"),
        );
        assert_eq!(rules(&a), ["unattributed-claim", UNUSED]);
        assert!(
            a.findings[1].message.contains("line 1"),
            "{}",
            a.findings[1].message
        );
        assert_eq!(a.findings[1].severity, Severity::Info);
    }

    #[test]
    fn ranges_files_front_matter_and_plain_text() {
        let a = check(
            "a.html",
            &format!(
                "<p>{CLAIM}</p>\n<!-- whosaid-disable unattributed-claim -->\n<p>{CLAIM}</p>\n\
                 <!-- whosaid-enable unattributed-claim -->\n<p>{CLAIM}</p>\n"
            ),
        );
        assert_eq!(rules(&a), ["unattributed-claim", "unattributed-claim"]);
        let a = check(
            "a.md",
            &format!("{CLAIM}\n\n<!-- whosaid-disable-file -->\n"),
        );
        assert!(rules(&a).is_empty());
        let a = check(
            "a.md",
            &format!("---\nwhosaid:\n  disable: [unattributed-claim]\n---\n{CLAIM}\n"),
        );
        assert!(rules(&a).is_empty(), "{:?}", a.findings);
        let a = check(
            "a.txt",
            &format!("# whosaid-disable-next-line unattributed-claim\n{CLAIM}\n"),
        );
        assert!(rules(&a).is_empty(), "{:?}", a.findings);
    }
}
