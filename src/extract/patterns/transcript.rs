//! **Transcript turn**: a paragraph opening with a speaker's label is that speaker's words, and
//! so are the paragraphs after it up to the next label or heading (an interview printed as
//! questions and answers).
//!
//! Examples: "((Rich Bowen)) I'm the Community Manager for the CentOS project. ..." (the
//! Wikinews interview style), "TAPPER: You said on Sunday ..." (a broadcast transcript). A
//! document is read as a transcript only when at least two of its paragraphs open with a label
//! ([`MIN_TURNS`]): one "NOTE: ..." paragraph is no interview.
//!
//! Makes a `transcript` attribution per turn: the label's name the source, the label's
//! punctuation ("((...))" or the colon) the cue, the rest of the paragraph and each paragraph
//! that continues the turn the content (one fragment per paragraph). Its sentences are the
//! speaker's quoted words, judged as quotations (claims of kind `quote`).
//!
//! Not to be confused with a colon quote in running text ("Marco Rubio: 'You don't win ...'",
//! one sentence: [`super::colon_quote`], which keeps the first sentence of a turn whose label is
//! a name of mixed case) or with a rubric label ("What Happened:", [`crate::segment::find_label`]).

use crate::input::BlockKind;
use crate::model::{Analysis, Attribution, AttributionKind, Content, Mention, MentionKind};
use crate::span::Span;

/// Paragraphs that must open with a label for a document to be read as a transcript.
pub(in crate::extract) const MIN_TURNS: usize = 2;

/// A speaker's label opening a paragraph: where its name is and where the label ends (both
/// relative to the paragraph's text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::extract) struct Label {
    /// The speaker's name ("Rich Bowen", "TAPPER").
    pub name: (usize, usize),
    /// The label's punctuation, the cue ("((" ... "))", or ":").
    pub cue: (usize, usize),
    /// Where the turn's words start.
    pub rest: usize,
}

/// The label opening `para`, if any: "((Name))" (one to five words, no parenthesis or line
/// break inside), or a name in capitals and a colon ("TAPPER:", "JOEL BENENSON:"; two letters
/// at least, at most four words). Words must follow it.
pub(in crate::extract) fn label(para: &str) -> Option<Label> {
    let words_after = |at: usize| -> Option<usize> {
        let rest = &para[at..];
        let skip = rest.len() - rest.trim_start().len();
        rest[skip..]
            .starts_with(|c: char| c.is_alphanumeric() || "\"'\u{201c}\u{2018}([".contains(c))
            .then_some(at + skip)
    };
    if let Some(inner) = para.strip_prefix("((") {
        let close = inner
            .get(..64.min(inner.len()))
            .unwrap_or(inner)
            .find("))")?;
        let name = &inner[..close];
        let words = name.split_whitespace().count();
        if !(1..=5).contains(&words)
            || name.contains(['(', ')', '\n'])
            || !name.chars().any(char::is_alphabetic)
        {
            return None;
        }
        let lead = name.len() - name.trim_start().len();
        let rest = words_after(2 + close + 2)?;
        return Some(Label {
            name: (2 + lead, 2 + name.trim_end().len()),
            cue: (0, 2 + close + 2),
            rest,
        });
    }
    let colon = para.get(..48.min(para.len())).unwrap_or("").find(':')?;
    let name = &para[..colon];
    let words: Vec<&str> = name.split(' ').collect();
    let capitals = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || ".'-\u{2019}".contains(c))
    };
    if words.len() > 4 || !words.iter().all(capitals) {
        return None;
    }
    let rest = words_after(colon + 1)?;
    Some(Label {
        name: (0, colon),
        cue: (colon, colon + 1),
        rest,
    })
}

/// The transcript turns of a document (none unless [`MIN_TURNS`] paragraphs open with a
/// label); `skip(pi)` is true for a paragraph that is no prose (boilerplate), which neither
/// opens nor continues a turn.
pub(in crate::extract) fn turns(
    analysis: &Analysis,
    skip: impl Fn(usize) -> bool,
) -> Vec<Attribution> {
    let text = &analysis.doc.text;
    let blocks = &analysis.doc.blocks;
    let labels: Vec<Option<Label>> = blocks
        .iter()
        .enumerate()
        // (the label first: a look at the paragraph's first bytes, cheaper than `skip`)
        .map(|(pi, b)| {
            (b.kind != BlockKind::Heading)
                .then(|| label(b.span.slice(text)))
                .flatten()
                .filter(|_| !skip(pi))
        })
        .collect();
    if labels.iter().flatten().count() < MIN_TURNS {
        return Vec::new();
    }
    let mut out: Vec<Attribution> = Vec::new();
    let mut open = false;
    for (pi, b) in blocks.iter().enumerate() {
        let at = b.span.start;
        if let Some(l) = labels[pi] {
            let name = Span::new(at + l.name.0, at + l.name.1);
            let cue = Span::new(at + l.cue.0, at + l.cue.1);
            let content = Span::new(at + l.rest, b.span.end).trim(text);
            let sentence = analysis
                .sentences
                .partition_point(|s| s.span.end <= cue.start)
                .min(analysis.sentences.len().saturating_sub(1));
            out.push(Attribution {
                kind: AttributionKind::Transcript,
                sources: vec![Mention {
                    span: name,
                    name,
                    kind: MentionKind::Name,
                    referent: None,
                    source: None,
                }],
                cited: Vec::new(),
                cue,
                cue_lemma: "say".to_string(),
                content: Some(Content::single(content)),
                sentence,
                paragraph: pi,
            });
            open = true;
        } else if b.kind == BlockKind::Heading {
            open = false;
        } else if open && !skip(pi) {
            let more = b.span.trim(text);
            if let Some(Some(c)) = out.last_mut().map(|a| a.content.as_mut())
                && !more.is_empty()
            {
                c.fragments.push(more);
                c.span = c.span.cover(more);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(p: &str) -> Option<&str> {
        label(p).map(|l| &p[l.name.0..l.name.1])
    }

    #[test]
    fn finds_labels() {
        assert_eq!(name("((Rich Bowen))  I'm the manager."), Some("Rich Bowen"));
        assert_eq!(name("((WN)) What is it?"), Some("WN"));
        assert_eq!(name("TAPPER: You said so."), Some("TAPPER"));
        assert_eq!(
            name("JOEL BENENSON: This is a man who ..."),
            Some("JOEL BENENSON")
        );
        let l = label("((Rich Bowen))  I'm the manager.").unwrap();
        assert_eq!((l.cue, l.rest), ((0, 14), 16));
    }

    #[test]
    fn allows_other_openings() {
        // a rubric, a time, a caption, mixed case, nothing after the label
        for p in [
            "What Happened: the plant closed.",
            "At 10:30 the plant closed.",
            "Image: the plant.",
            "Marco Rubio: You don't win.",
            "((Rich Bowen))",
            "(see below) the plant closed.",
            "A: yes.",
        ] {
            assert_eq!(label(p), None, "{p}");
        }
    }

    #[test]
    fn finds_turns_that_run_over_paragraphs() {
        let text = "Intro line about the interview.\n\n((WN)) What do you do?\n\n((Rich Bowen)) I manage it.\n\nI have a team too.\n\n((WN)) Thanks.\n";
        let doc = crate::input::parse_text("t", text.to_string());
        let analysis = Analysis::new(doc);
        let turns = turns(&analysis, |_| false);
        let said: Vec<(&str, Vec<&str>)> = turns
            .iter()
            .map(|a| {
                (
                    a.sources[0].span.slice(text),
                    (a.content.as_ref().unwrap().fragments.iter())
                        .map(|f| f.slice(text))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            said,
            [
                ("WN", vec!["What do you do?"]),
                ("Rich Bowen", vec!["I manage it.", "I have a team too."]),
                ("WN", vec!["Thanks."]),
            ]
        );
        // one label is no transcript
        let one = "((Note)) This is a note.\n\nThe plant closed.\n";
        let doc = crate::input::parse_text("t", one.to_string());
        assert!(super::turns(&Analysis::new(doc), |_| false).is_empty());
    }
}
