//! Attributions: finds (source, cue, content) triples in each paragraph.
//!
//! Consumes the document's sentences and quotations; produces [`Attribution`]s whose source
//! mentions are not yet resolved, and hands resolution the tokens of every paragraph
//! ([`extract_attributions_with`]). All language comes from the lexicons (`rules/lexicon/`,
//! [`crate::lexicon`]) and the closed classes of [`crate::grammar`].
//!
//! # Index: pattern -> file -> example
//!
//! | pattern | file | example |
//! |---|---|---|
//! | according to | `patterns/according_to.rs` | "The plant closed, according to Reuters." |
//! | poll | `patterns/poll.rs` | "In a CNN poll released Monday, 50 percent chose Clinton." |
//! | opening cue | `patterns/opening_cue.rs` | 'Said Comey, "The thought ..."' |
//! | opening participle | `patterns/opening_participle.rs` | "Conceding that a deal was likely, he warned ..." |
//! | passive, "based on data reviewed by" | `patterns/passive.rs` | "was confirmed by X", "Based on data reviewed by Reuters, ..." |
//! | reporting verb (subject before the cue) | `patterns/reporting_verb.rs` | "Hegel found that ...", "Smith, who said ..." |
//! | not a cue here (the reporting verb's guards) | `patterns/not_a_cue.rs` | "the exposed email", "claimed two lives" |
//! | ", saying" participle | `patterns/saying.rs` | "..., saying the reports were fake" |
//! | inverted tail | `patterns/inverted.rs` | '"We are ready," said Jane Roe, a spokeswoman.' |
//! | quote first | `patterns/quote_first.rs` | '"These findings are rare," Hegel told the outlet.' |
//! | continuation | `patterns/continuation.rs` | "He called it careless, but said ..." |
//! | colon quote | `patterns/colon_quote.rs` | 'Van Tilburg disagreed: "..."', "RUBIO: You don't win ..." |
//!
//! The order the patterns are tried in, and why, is in [`dispatch`] (the only place that orders
//! them). The pieces they share:
//!
//! - [`context`]: the per-paragraph token view ([`context::Ctx`]) and its scratch buffers;
//! - [`nouns`]: noun phrases and mentions (names, titles, descriptions, anonymous sources);
//! - [`subjects`]: the subject of a cue away from it (across appositives, relative clauses);
//! - [`contents`]: what is attributed (the clause after the cue, the quotation before it).
//!
//! To add a pattern, follow the checklist in docs/architecture.md.

mod contents;
mod context;
mod dispatch;
mod nouns;
mod patterns;
mod subjects;
#[cfg(test)]
mod tests;

use crate::extract::context::Ctx;
use crate::extract::context::Scratch;
use crate::lexicon::Lexicons;
use crate::model::Analysis;
use crate::model::Attribution;
use crate::token::Tokens;
use crate::token::is_quote_char;
use crate::token::tokenize_into;

/// Find the attributions of an analysed document, in document order.
pub fn extract_attributions(analysis: &Analysis, lex: &Lexicons) -> Vec<Attribution> {
    extract_attributions_with(analysis, lex, None)
}

/// What is handed each paragraph's tokens.
pub type TokenSink<'f> = dyn FnMut(&Tokens) + 'f;

/// [`extract_attributions`], handing the tokens of every paragraph, in order, to `each`
/// (boilerplate paragraphs' too) when given.
pub fn extract_attributions_with(
    analysis: &Analysis,
    lex: &Lexicons,
    mut each: Option<&mut TokenSink<'_>>,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    // (the buffers of one paragraph are the next's)
    let mut toks = Tokens::default();
    let mut scratch = Scratch::default();
    for pi in 0..analysis.doc.blocks.len() {
        let boilerplate = lex.paragraph_is_boilerplate(analysis, pi);
        if boilerplate && each.is_none() {
            continue;
        }
        let block = analysis.doc.blocks[pi].span;
        tokenize_into(&analysis.doc.text, block, &lex.abbreviations, &mut toks);
        if let Some(f) = each.as_mut() {
            f(&toks);
        }
        if boilerplate {
            continue;
        }
        let mut cx = Ctx::new(analysis, lex, pi, &toks, scratch);
        cx.run(&mut out);
        scratch = cx.into_scratch();
    }
    out.sort_by_key(|a: &Attribution| (a.cue.start, a.cue.end));
    out
}

/// True when a character is a quotation mark (re-exported for callers that scan text).
pub fn quote_char(c: char) -> bool {
    is_quote_char(c)
}
