//! JSON (`--format json`) and JSON Lines (`--format jsonl`) reports.

use super::{DocumentReport, SCHEMA_VERSION, Summary};
use serde::Serialize;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Run<'a> {
    schema_version: u32,
    tool: Tool,
    documents: &'a [DocumentReport],
    summary: &'a Summary,
}

/// The whole-run JSON object, pretty-printed, with a final newline.
pub fn render_run(documents: &[DocumentReport], summary: &Summary) -> String {
    let run = Run {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "whosaid",
            version: env!("CARGO_PKG_VERSION"),
        },
        documents,
        summary,
    };
    let mut s = serde_json::to_string_pretty(&run).expect("report serializes");
    s.push('\n');
    s
}

/// One document as one JSON line (with the newline).
pub fn render_line(doc: &DocumentReport) -> String {
    let mut s = serde_json::to_string(doc).expect("report serializes");
    s.push('\n');
    s
}
