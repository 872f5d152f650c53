//! HTML input (to be filled in).

use super::SourceDoc;

/// Parse HTML: the body's article text, without script, style, nav, header, footer, aside, form.
pub fn parse_html(path: &str, raw: String) -> SourceDoc {
    let mut d = super::parse_text(path, raw);
    d.format = super::Format::Html;
    d
}
