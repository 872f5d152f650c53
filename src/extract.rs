//! Attributions (to be filled in).
use crate::lexicon::Lexicons;
use crate::model::{Analysis, Attribution};

/// Find the attributions of an analysed document.
pub fn extract_attributions(analysis: &Analysis, lex: &Lexicons) -> Vec<Attribution> {
    let _ = (analysis, lex);
    Vec::new()
}
