//! Markdown input (to be filled in).

use super::SourceDoc;

/// Parse Markdown: prose blocks only; front matter, code and HTML comments skipped.
pub fn parse_markdown(path: &str, raw: String) -> SourceDoc {
    let mut d = super::parse_text(path, raw);
    d.format = super::Format::Markdown;
    d
}
