//! Markdown (`--format markdown`): a summary fit for a pull-request comment or a GitHub job
//! summary (`$GITHUB_STEP_SUMMARY`): the totals, the findings per rule, the worst findings, and
//! a table per file. Every piece of article text or path is escaped ([`escape`]) so an article
//! cannot inject links, images, HTML or table cells into the comment. Long runs are cut at
//! [`MAX_ROWS`] table rows (GitHub caps a job summary at 1 MiB), saying how many were left out.

use super::{DocumentReport, FileError, Summary};
use crate::model::Severity;
use indexmap::IndexMap;

/// Rows in the per-file tables at most; the rest are counted.
pub const MAX_ROWS: usize = 500;
/// Findings in the "worst findings" list.
pub const WORST: usize = 10;

/// The Markdown summary of a run.
pub fn render(documents: &[DocumentReport], errors: &[FileError], summary: &Summary) -> String {
    let n = summary.findings.error + summary.findings.warning + summary.findings.info;
    let with = documents.iter().filter(|d| !d.findings.is_empty()).count();
    let mut out = format!(
        "## whosaid: {n} finding{} in {with} of {} article{}\n\n",
        plural(n),
        summary.documents,
        plural(summary.documents)
    );
    out.push_str(&format!(
        "{} errors, {} warnings, {} info; {} claims, {} attributions, {} sources.\n\n",
        summary.findings.error,
        summary.findings.warning,
        summary.findings.info,
        summary.claims,
        summary.attributions,
        summary.sources
    ));
    if !errors.is_empty() {
        out.push_str(&format!(
            "### Files that could not be checked ({})\n\n",
            errors.len()
        ));
        for e in errors {
            out.push_str(&format!("- `{}`: {}\n", code(&e.path), escape(&e.message)));
        }
        out.push('\n');
    }
    if n == 0 {
        return out;
    }
    let mut by_rule: IndexMap<&str, [usize; 3]> = IndexMap::new();
    for f in documents.iter().flat_map(|d| &d.findings) {
        by_rule.entry(&f.rule).or_default()[sev_index(f.severity)] += 1;
    }
    by_rule.sort_by(|a, ak, b, bk| (bk.iter().sum::<usize>(), a).cmp(&(ak.iter().sum(), b)));
    out.push_str(
        "### Findings per rule\n\n| rule | errors | warnings | info |\n|---|---:|---:|---:|\n",
    );
    for (rule, c) in &by_rule {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            code(rule),
            c[0],
            c[1],
            c[2]
        ));
    }
    out.push('\n');
    let mut all: Vec<(&DocumentReport, &super::FindingReport)> = (documents.iter())
        .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
        .collect();
    // worst first; the input order otherwise (the sort is stable)
    all.sort_by_key(|(_, f)| std::cmp::Reverse(f.severity));
    out.push_str("### Worst findings\n\n");
    for (d, f) in all.iter().take(WORST) {
        out.push_str(&format!(
            "- **{}** `{}` {}:{}: {}\n",
            f.severity.as_str(),
            code(&f.rule),
            escape(&d.path),
            f.span.line,
            escape(&f.message)
        ));
    }
    out.push('\n');
    let mut rows = 0;
    let mut left = 0;
    for d in documents.iter().filter(|d| !d.findings.is_empty()) {
        if rows >= MAX_ROWS {
            left += d.findings.len();
            continue;
        }
        out.push_str(&format!(
            "### {}\n\n| line | severity | rule | message |\n|---:|---|---|---|\n",
            escape(&d.path)
        ));
        for f in &d.findings {
            if rows >= MAX_ROWS {
                left += 1;
                continue;
            }
            rows += 1;
            out.push_str(&format!(
                "| {}:{} | {} | `{}` | {} |\n",
                f.span.line,
                f.span.column,
                f.severity.as_str(),
                code(&f.rule),
                escape(&f.message)
            ));
        }
        out.push('\n');
    }
    if left > 0 {
        out.push_str(&format!(
            "_{left} more finding{} not shown; see the full report._\n",
            plural(left)
        ));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Text for Markdown prose or a table cell (never at the start of a line): HTML's `& < >` as
/// entities, the marks that work inside a line (`\ ` * _ [ ] | ~`: emphasis, code, links and
/// images, cells, strike-through) backslash-escaped, line breaks made spaces (a table row is
/// one line).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for inside a code span: backticks and pipes (which end a table cell even in code) and
/// line breaks replaced.
fn code(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '`' => '\'',
            '|' => '/',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup_working() {
        let e = escape("![x](http://evil) <img src=x> | *b* `c`\nnext");
        assert_eq!(
            e,
            "!\\[x\\](http://evil) &lt;img src=x&gt; \\| \\*b\\* \\`c\\` next"
        );
        assert!(!code("a|b`c").contains(['|', '`']));
    }
}
