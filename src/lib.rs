//! whosaid checks the sourcing of news writing: who said what, which claims stand on which
//! sources, and which stand on none.
//!
//! The pipeline, one module per stage:
//! `input` (bytes -> text and blocks) -> `segment` (sentences) -> `quotes` -> `extract`
//! (attributions) -> `resolve` (mentions -> sources, registry) -> `claims` -> `checks`
//! (findings) -> `report`. The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs)]

pub mod baseline;
pub mod changed;
pub mod checks;
pub mod claims;
pub mod collection;
pub mod config;
pub(crate) mod decimal;
pub mod error;
pub mod extract;
pub mod frames;
pub mod grammar;
pub mod hash;
pub mod input;
pub mod lexicon;
pub mod links;
pub mod lsp;
pub mod model;
pub mod policy;
pub mod quotes;
pub mod registry;
pub mod report;
pub mod resolve;
pub mod rule_docs;
pub mod ruleset;
pub mod segment;
pub mod span;
pub mod suppress;
#[cfg(test)]
mod testutil;
pub mod token;

pub use error::{Error, Result};
pub use model::Analysis;
pub use registry::Registry;
pub use ruleset::Ruleset;

use input::SourceDoc;
use lexicon::Lexicons;

/// Everything needed to check documents: rules, compiled lexicons and an optional registry.
pub struct Checker {
    /// Rules in force.
    pub ruleset: Ruleset,
    /// Lexicons compiled from the rules.
    pub lex: Lexicons,
    /// The word lists and patterns of claim judgement, compiled from the rules.
    pub claim_lex: claims::ClaimLexicons,
    /// The source registry, if one was given.
    pub registry: Option<Registry>,
    /// The registry's rows by web domain (empty without a registry), for links.
    pub domains: registry::domains::DomainIndex,
}

impl Checker {
    /// A checker with these rules and registry.
    pub fn new(ruleset: Ruleset, registry: Option<Registry>) -> Checker {
        let lex = Lexicons::new(&ruleset);
        let claim_lex = claims::ClaimLexicons::new(&ruleset);
        let domains = registry
            .as_ref()
            .map(registry::domains::DomainIndex::new)
            .unwrap_or_default();
        Checker {
            ruleset,
            lex,
            claim_lex,
            registry,
            domains,
        }
    }

    /// Analyse one document: every stage, then every enabled check.
    pub fn check(&self, doc: SourceDoc) -> Analysis {
        let sentences = segment::sentences(&doc, &self.lex);
        let quotes = quotes::find_quotes(&doc);
        let mut boilerplate: Vec<bool> = doc
            .blocks
            .iter()
            .map(|b| self.lex.is_boilerplate(b.span.slice(&doc.text)))
            .collect();
        mark_reference_lists(&doc, &self.ruleset, &mut boilerplate);
        let captions: Vec<bool> = (doc.blocks.iter())
            .map(|b| self.claim_lex.is_caption(b.span.slice(&doc.text)))
            .collect();
        let mut analysis = Analysis {
            sentences,
            quotes,
            boilerplate,
            captions,
            ..Analysis::new(doc)
        };
        // the capitalised words of every paragraph, for the people named in the text (when
        // the tokens of the blocks are those of the whole text)
        let found = extract::extract(&analysis, &self.lex, blocks_tile(&analysis.doc));
        analysis.attributions = found.attributions;
        cap_contents(&mut analysis);
        let unresolved = resolve::resolve_sources_with(
            &mut analysis,
            &self.lex,
            self.registry.as_ref(),
            found.name_words.as_ref(),
        );
        frames::add_frames(&mut analysis, &self.claim_lex);
        links::add_links(
            &mut analysis,
            self.registry.as_ref(),
            &self.domains,
            self.ruleset.lexicon("link-hosts-not-sources"),
        );
        cap_contents(&mut analysis);
        analysis.claims = claims::find_claims(&analysis, self);
        analysis.findings = checks::run_checks(&analysis, self, &unresolved);
        analysis
    }

    /// How many independent sources the document's sources `ids` (indices) form.
    pub fn independent(&self, analysis: &Analysis, ids: &[usize]) -> usize {
        claims::independent_count(analysis, self.registry.as_ref(), ids)
    }
}

/// Every content but a transcript turn's cut to [`model::MAX_CONTENT_BYTES`] (marked truncated when it was longer), so
/// that the stages after extraction and the report are linear in the document's length.
fn cap_contents(analysis: &mut Analysis) {
    let text = analysis.doc.text.as_str();
    for a in &mut analysis.attributions {
        // (a transcript turn's content is its paragraphs, each in one turn only: linear as it is)
        if a.kind == model::AttributionKind::Transcript {
            continue;
        }
        if let Some(c) = a.content.take() {
            a.content = Some(c.capped(text));
        }
    }
}

/// A reference list ("Works Cited", "References", "Sources", "Bibliography": the headings of
/// `rules/patterns/reference-headings.txt`) is boilerplate: the heading, or a short paragraph
/// standing alone as one, and every block after it up to the next heading.
fn mark_reference_lists(doc: &SourceDoc, ruleset: &Ruleset, boilerplate: &mut [bool]) {
    let Some(patterns) = ruleset.patterns.get("reference-headings") else {
        return;
    };
    let mut inside = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        let text = b.span.slice(&doc.text);
        let heading = b.kind == input::BlockKind::Heading;
        let looks_like_heading = heading || text.len() <= 40;
        if looks_like_heading && patterns.iter().any(|p| p.regex().is_match(text)) {
            inside = true;
        } else if heading {
            inside = false;
        }
        if inside && let Some(x) = boilerplate.get_mut(i) {
            *x = true;
        }
    }
}

/// True when the blocks of `doc` are in order and apart, and nothing but white space is outside
/// them: then the tokens of the blocks, one after the other, are the tokens of the whole text.
pub(crate) fn blocks_tile(doc: &SourceDoc) -> bool {
    let text = doc.text.as_str();
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    let mut at = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        let (start, end) = (b.span.start, b.span.end);
        if start < at || end < start || end > text.len() {
            return false;
        }
        let gap = &text[at..start];
        if (i > 0 && gap.is_empty()) || !blank(gap) {
            return false;
        }
        at = end;
    }
    blank(&text[at..])
}
