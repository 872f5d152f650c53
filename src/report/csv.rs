//! CSV (`--format csv`): a row per finding, for a spreadsheet or a database.
//!
//! Columns: `path, line, column, end_line, end_column, severity, rule, message, suggestion,
//! fingerprint`, then a row per file that could not be checked (`severity` is `error`, `rule`
//! is `file-error`). A cell that a spreadsheet would run as a formula (one beginning with `=`,
//! `+`, `-`, `@`, a tab or a carriage return: OWASP's "CSV injection") gets a leading `'`, so a
//! message quoting `=HYPERLINK(...)` from an article stays text.

use super::{DocumentReport, FileError};

const HEADER: [&str; 10] = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "rule",
    "message",
    "suggestion",
    "fingerprint",
];

/// The CSV of a run (RFC 4180 quoting, `\n` line ends).
pub fn render(documents: &[DocumentReport], errors: &[FileError]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut row = |cells: [&str; 10]| {
        w.write_record(cells.iter().map(|c| inert(c).into_owned()))
            .expect("writing CSV to memory");
    };
    row(HEADER);
    for d in documents {
        for f in &d.findings {
            let s = &f.span;
            let (l, c, el, ec) = (
                s.line.to_string(),
                s.column.to_string(),
                s.end_line.to_string(),
                s.end_column.to_string(),
            );
            row([
                &d.path,
                &l,
                &c,
                &el,
                &ec,
                f.severity.as_str(),
                &f.rule,
                &f.message,
                f.suggestion.as_deref().unwrap_or(""),
                &f.fingerprint,
            ]);
        }
    }
    for e in errors {
        row([
            &e.path,
            "",
            "",
            "",
            "",
            "error",
            "file-error",
            &e.message,
            "",
            "",
        ]);
    }
    String::from_utf8(w.into_inner().expect("CSV in memory")).expect("CSV of strings is UTF-8")
}

/// `cell`, with a `'` before it when a spreadsheet would read it as a formula.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_made_inert_and_others_kept() {
        for bad in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"] {
            assert_eq!(inert(bad), format!("'{bad}"));
        }
        for ok in ["plain", "", "a=b", "'quoted"] {
            assert_eq!(inert(ok), ok);
        }
    }

    #[test]
    fn an_error_row_is_written_and_quoted() {
        let out = render(
            &[],
            &[FileError {
                path: "a,b.md".into(),
                message: "=not \"UTF-8\"".into(),
            }],
        );
        let mut lines = out.lines();
        assert_eq!(lines.next(), Some(HEADER.join(",").as_str()));
        assert_eq!(
            lines.next(),
            Some("\"a,b.md\",,,,,error,file-error,\"'=not \"\"UTF-8\"\"\",,")
        );
    }
}
