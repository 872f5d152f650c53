//! Attributions: finds (source, cue, content) triples in each paragraph.
//!
//! Consumes the document's sentences and quotations; produces [`Attribution`]s whose source
//! mentions are not yet resolved, and the capitalised words of every paragraph ([`extract`],
//! [`NameWords`]), which resolution reads for the people the text names. All language comes from the lexicons (`rules/lexicon/`,
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
//! | citing participle (the source's source, on the attribution before) | `patterns/citing.rs` | "..., according to Reuters, citing two officials" |
//! | inverted tail | `patterns/inverted.rs` | '"We are ready," said Jane Roe, a spokeswoman.' |
//! | quote first | `patterns/quote_first.rs` | '"These findings are rare," Hegel told the outlet.' |
//! | continuation | `patterns/continuation.rs` | "He called it careless, but said ..." |
//! | colon quote | `patterns/colon_quote.rs` | 'Van Tilburg disagreed: "..."', "RUBIO: You don't win ..." |
//! | transcript turn | `patterns/transcript.rs` | "((Rich Bowen)) I'm the Community Manager ..." (and the paragraphs after it) |
//! | agentless (no source) | `patterns/agentless.rs` | "The bank reportedly lost $2 billion.", "He is accused of fraud." |
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

mod conjuncts;
mod contents;
mod context;
mod dispatch;
mod nouns;
mod patterns;
mod speakers;
mod subjects;
#[cfg(test)]
mod tests;

use crate::extract::context::Ctx;
use crate::extract::context::Scratch;
use crate::lexicon::Lexicons;
use crate::lexicon::cls;
use crate::model::Analysis;
use crate::model::{Attribution, NameWords};
use crate::token::Tokens;
use crate::token::is_quote_char;
use crate::token::tokenize_into;

/// Find the attributions of an analysed document, in document order.
pub fn extract_attributions(analysis: &Analysis, lex: &Lexicons) -> Vec<Attribution> {
    extract(analysis, lex, false).attributions
}

/// What extraction found in a document: its attributions and, when asked for, the
/// capitalised words of the whole text, for resolution to find the people named in it.
#[derive(Debug, Default)]
pub struct Extraction {
    /// The attributions, in document order.
    pub attributions: Vec<Attribution>,
    /// The capitalised words of every paragraph (boilerplate included), in text order.
    pub name_words: Option<NameWords>,
}

/// [`extract_attributions`], also collecting the [`NameWords`] of every paragraph when
/// `with_names` (asked for when the tokens of the paragraphs, one after the other, are the
/// tokens of the whole text: see `Checker::check`).
pub fn extract(analysis: &Analysis, lex: &Lexicons, with_names: bool) -> Extraction {
    // (room for an attribution a sentence, made once: most sentences have one or none, and a
    // list grown by doubling copies itself; room never written costs no memory)
    let mut out = Vec::with_capacity(analysis.sentences.len());
    let mut names = with_names.then(NameWords::default);
    // (the buffers of one paragraph are the next's)
    let mut toks = Tokens::default();
    let mut scratch = Scratch::default();
    // an interview's turns, over paragraphs (patterns::transcript); the per-paragraph patterns
    // still run inside them, but a colon the turn's label holds is the turn's cue only
    let turns =
        patterns::transcript::turns(analysis, |pi| lex.paragraph_is_boilerplate(analysis, pi));
    for pi in 0..analysis.doc.blocks.len() {
        let boilerplate = lex.paragraph_is_boilerplate(analysis, pi);
        if boilerplate && names.is_none() {
            continue;
        }
        let block = analysis.doc.blocks[pi].span;
        tokenize_into(&analysis.doc.text, block, &lex.abbreviations, &mut toks);
        if boilerplate {
            if let Some(names) = names.as_mut() {
                name_words(&toks, lex, names);
            }
            continue;
        }
        let mut cx = Ctx::new(analysis, lex, pi, &toks, scratch);
        if let Some(names) = names.as_mut() {
            // (the classes the context looked up already)
            push_name_words(&toks, |k| cx.class(k), names);
        }
        cx.run(&mut out);
        scratch = cx.into_scratch();
    }
    if !turns.is_empty() {
        let cues: std::collections::HashSet<usize> = turns.iter().map(|t| t.cue.start).collect();
        out.retain(|a| !cues.contains(&a.cue.start));
        out.extend(turns);
    }
    // (stable; a list already in order, as it mostly is, not sorted: a stable sort takes a
    // buffer of half the list)
    let key = |a: &Attribution| (a.cue.start, a.cue.end);
    if !out.is_sorted_by_key(key) {
        out.sort_by_key(key);
    }
    Extraction {
        attributions: out,
        name_words: names,
    }
}

/// Add the capitalised words of `toks` (and a break for each other token) to `out`.
pub fn name_words(toks: &Tokens, lex: &Lexicons, out: &mut NameWords) {
    // (the lexicons' words by their classes: one lookup for the five sets)
    push_name_words(
        toks,
        |k| lex.word_classes.of(toks.lower_of(&toks.toks[k])),
        out,
    );
}

/// [`name_words`], with the classes of the token at `k` given by `class_of(k)`.
fn push_name_words(toks: &Tokens, class_of: impl Fn(usize) -> u64, out: &mut NameWords) {
    const BODY: u64 = cls::ORGANIZATION | cls::GOVERNMENT | cls::NON_SOURCE | cls::MEDIA_WORD;
    for (k, t) in toks.toks.iter().enumerate() {
        if t.is_word() && t.cap && !t.possessive {
            let class = class_of(k);
            out.word(t.span, class & cls::TITLE != 0, class & BODY != 0);
        } else {
            out.other();
        }
    }
}

/// True when a character is a quotation mark (re-exported for callers that scan text).
pub fn quote_char(c: char) -> bool {
    is_quote_char(c)
}
