//! The terminal report (to be filled in).

use super::{DocumentReport, Summary};

/// Options of the text report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Use ANSI colours.
    pub color: bool,
}

/// Render one document for a person reading a terminal. `raw` is the document's original text.
pub fn render_document(doc: &DocumentReport, raw: &str, opts: TextOptions) -> String {
    let _ = (raw, opts);
    let mut out = String::new();
    for f in &doc.findings {
        out.push_str(&format!(
            "{}:{}:{} {} {} {}\n",
            doc.path,
            f.span.line,
            f.span.column,
            f.severity.as_str(),
            f.rule,
            f.message
        ));
    }
    out
}

/// Render the run's summary line(s).
pub fn render_summary(summary: &Summary, opts: TextOptions) -> String {
    let _ = opts;
    format!(
        "{} documents, {} claims, {} findings ({} errors, {} warnings, {} info)\n",
        summary.documents,
        summary.claims,
        summary.findings.error + summary.findings.warning + summary.findings.info,
        summary.findings.error,
        summary.findings.warning,
        summary.findings.info
    )
}
