//! GitHub Actions workflow commands (`--format github`): one `::error`, `::warning` or
//! `::notice` line per finding, which GitHub shows as an annotation on the file and line of a
//! pull request.
//!
//! GitHub reads `::LEVEL key=value,key=value::message`. In the message `%`, `\r` and `\n` must
//! be written `%25`, `%0D` and `%0A`; in a property value `:` and `,` as well (`%3A`, `%2C`),
//! or a file name such as `2019-05-01: budget, vote.md` cuts the command short
//! (<https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts>).
//!
//! Example:
//!
//! ```text
//! ::warning file=news/a.md,line=5,col=1,endLine=5,endColumn=40,title=whosaid single-source::claim rests on one source (Reuters)
//! ```

use super::{DocumentReport, FileError};
use crate::model::Severity;

/// The workflow commands of a run: a line per finding, then one `::error` per file that could
/// not be checked.
pub fn render(documents: &[DocumentReport], errors: &[FileError]) -> String {
    let mut out = String::new();
    for d in documents {
        for f in &d.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let s = &f.span;
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&d.path),
                s.line,
                s.column,
                s.end_line,
                s.end_column,
                escape_property(&format!("whosaid {}", f.rule)),
                escape_data(&f.message),
            ));
        }
    }
    for e in errors {
        out.push_str(&format!(
            "::error file={},title=whosaid::{}\n",
            escape_property(&e.path),
            escape_data(&e.message)
        ));
    }
    out
}

/// A message: `%`, `\r`, `\n` escaped.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(
            escape_data("100%\r\nsure: yes, no"),
            "100%25%0D%0Asure: yes, no"
        );
        assert_eq!(escape_property("a:b,c%d\ne.md"), "a%3Ab%2Cc%25d%0Ae.md");
    }
}
