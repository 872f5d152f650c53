//! Resolution (to be filled in).
use crate::lexicon::Lexicons;
use crate::model::Analysis;
use crate::registry::Registry;
use crate::span::Span;

/// Resolve mentions to sources; returns the spans of mentions that could not be resolved.
pub fn resolve_sources(
    analysis: &mut Analysis,
    lex: &Lexicons,
    registry: Option<&Registry>,
) -> Vec<Span> {
    let _ = (analysis, lex, registry);
    Vec::new()
}
