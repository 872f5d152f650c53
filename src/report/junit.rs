//! JUnit XML (`--format junit`), for the test views of GitLab (`artifacts:reports:junit`),
//! Jenkins and others: a `<testcase>` per file checked, a `<failure>` per finding at or above
//! `--fail-on` (the others listed in its `<system-out>`), and an `<error>` per file that could
//! not be checked. A file with nothing at or above the threshold is a passing test.
//!
//! All text is escaped for XML (`& < > " '`), and characters XML 1.0 cannot hold (control
//! characters other than tab and line breaks) are replaced by U+FFFD.

use super::{DocumentReport, FileError};
use crate::model::Severity;

/// The JUnit XML of a run; `threshold` is the `--fail-on` severity (`None`: nothing fails).
pub fn render(
    documents: &[DocumentReport],
    errors: &[FileError],
    threshold: Option<Severity>,
) -> String {
    let fails = |s: Severity| threshold.is_some_and(|t| s >= t);
    let failures: usize = (documents.iter())
        .map(|d| d.findings.iter().filter(|f| fails(f.severity)).count())
        .sum();
    let tests = documents.len() + errors.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts = format!(
        "tests=\"{tests}\" failures=\"{failures}\" errors=\"{}\"",
        errors.len()
    );
    out.push_str(&format!("<testsuites name=\"whosaid\" {counts}>\n"));
    out.push_str(&format!("  <testsuite name=\"whosaid\" {counts}>\n"));
    for d in documents {
        let path = escape(&d.path);
        out.push_str(&format!(
            "    <testcase classname=\"whosaid\" name=\"{path}\" file=\"{path}\">\n"
        ));
        let mut other = String::new();
        for f in &d.findings {
            let s = &f.span;
            let line = format!(
                "{}:{}:{}: {}[{}] {}",
                d.path,
                s.line,
                s.column,
                f.severity.as_str(),
                f.rule,
                f.message
            );
            if fails(f.severity) {
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    escape(&f.rule),
                    escape(&f.message),
                    escape(&line)
                ));
            } else {
                other.push_str(&line);
                other.push('\n');
            }
        }
        if !other.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&other)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    for e in errors {
        let path = escape(&e.path);
        out.push_str(&format!(
            "    <testcase classname=\"whosaid\" name=\"{path}\" file=\"{path}\">\n      <error message=\"{}\"/>\n    </testcase>\n",
            escape(&e.message)
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Text for an XML attribute or element.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_replaces_what_xml_cannot_hold() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>\u{1}\n"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;\u{fffd}\n"
        );
    }

    #[test]
    fn an_unreadable_file_is_an_error_testcase() {
        let out = render(
            &[],
            &[FileError {
                path: "bad.md".into(),
                message: "not UTF-8".into(),
            }],
            Some(Severity::Error),
        );
        assert!(
            out.contains("tests=\"1\" failures=\"0\" errors=\"1\""),
            "{out}"
        );
        assert!(out.contains("name=\"bad.md\""));
        assert!(out.contains("<error message=\"not UTF-8\"/>"));
    }
}
