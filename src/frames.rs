//! Framing attributions: a sentence that opens "Per the decree signed by the Pope, ..." or "As
//! revealed at trial, ..." attributes the rest of it, though no reporting verb has a subject
//! there. Extraction does not make these; this stage, after resolution, adds one attribution
//! (kind `according_to`) per frame that no extracted attribution overlaps, with the patterns of
//! `rules/patterns/frames.txt`. Its source is a source the frame names ("Per numbers reported
//! by The Associated Press" is The Associated Press), or else a new one named by the frame's
//! noun phrase ("trial").

use crate::claims::ClaimLexicons;
use crate::model::{
    Analysis, Attribution, AttributionKind, Content, Mention, MentionKind, Source, SourceKind,
};
use crate::span::Span;

/// Add the framing attributions of `analysis` (its sources resolved), keeping attributions in
/// document order.
pub fn add_frames(analysis: &mut Analysis, cl: &ClaimLexicons) {
    if cl.frames.is_empty() {
        return;
    }
    let text = &analysis.doc.text;
    let mut found: Vec<Attribution> = Vec::new();
    for (si, s) in analysis.sentences.iter().enumerate() {
        let start = s.label.map(|l| l.end).unwrap_or(s.span.start);
        let span = Span::new(start, s.span.end).trim(text);
        let t = span.slice(text);
        // a cheap test first: every frame opens with "per" or "as"
        let first = t.as_bytes().get(..3).unwrap_or_default();
        if !(first.eq_ignore_ascii_case(b"per") || first.eq_ignore_ascii_case(b"as ")) {
            continue;
        }
        let Some(caps) = cl.frames.iter().find_map(|re| {
            let mut caps = re.create_captures();
            re.captures(t, &mut caps);
            caps.is_match().then_some(caps)
        }) else {
            continue;
        };
        let (Some(cue), Some(src), Some(all)) = (
            caps.get_group_by_name("cue"),
            caps.get_group_by_name("source"),
            caps.get_group(0),
        ) else {
            continue;
        };
        let cue = Span::new(span.start + cue.start, span.start + cue.end);
        let src = Span::new(span.start + src.start, span.start + src.end);
        let content = Span::new(span.start + all.end, span.end).trim(text);
        // extraction's attributions with a cue in this sentence (found by binary search)
        let first = analysis
            .attributions
            .partition_point(|a| a.cue.start < s.span.start);
        let taken = analysis.attributions[first..]
            .iter()
            .take_while(|a| a.cue.start < s.span.end)
            .any(|a| {
                a.cue.overlaps(Span::new(cue.start, src.end))
                    || a.sources.iter().any(|m| m.span.overlaps(src))
            });
        if content.is_empty() || taken {
            continue;
        }
        let lemma = if cue.slice(text).to_ascii_lowercase().starts_with("per") {
            "per"
        } else {
            // "as revealed at" -> "reveal", "as shown in" -> "show"
            match cue.slice(text).split_whitespace().nth(1).unwrap_or("") {
                w if w.starts_with("reveal") => "reveal",
                w if w.starts_with("shown") => "show",
                w if w.starts_with("heard") => "hear",
                w if w.starts_with("establish") => "establish",
                w if w.starts_with("stated") => "state",
                w if w.starts_with("reported") => "report",
                _ => "set out",
            }
        };
        found.push(Attribution {
            kind: AttributionKind::AccordingTo,
            sources: vec![Mention {
                span: src,
                name: src,
                kind: MentionKind::Other,
                referent: None,
                source: None,
            }],
            cited: Vec::new(),
            cue,
            cue_lemma: lemma.to_string(),
            content: Some(Content::single(content)),
            sentence: si,
            paragraph: s.paragraph,
        });
    }
    if found.is_empty() {
        return;
    }
    for a in &mut found {
        let np = a.sources[0].span;
        let phrase = np.slice(&analysis.doc.text);
        // a source the phrase names (the longest name), else a new one
        let named = (analysis.sources.iter().enumerate())
            .filter(|(_, s)| !s.anonymous && s.name.len() >= 2 && contains_words(phrase, &s.name))
            .max_by_key(|(_, s)| s.name.len())
            .map(|(i, _)| i);
        let si = named.unwrap_or_else(|| {
            let name = phrase
                .strip_prefix("the ")
                .or_else(|| phrase.strip_prefix("The "))
                .unwrap_or(phrase)
                .to_string();
            analysis.sources.push(Source {
                name,
                kind: SourceKind::Unknown,
                anonymous: false,
                named: false,
                registry: None,
                credibility: None,
                mentions: Vec::new(),
                keys: Vec::new(),
            });
            analysis.sources.len() - 1
        });
        a.sources[0].source = Some(si);
        let m = &mut analysis.sources[si].mentions;
        let at = m.partition_point(|s| s.start < np.start);
        m.insert(at, np);
    }
    // both lists are in document order: merge them
    analysis.merge_attributions(found);
}

/// True when `name` is in `phrase` as whole words.
fn contains_words(phrase: &str, name: &str) -> bool {
    let b = phrase.as_bytes();
    phrase.match_indices(name).any(|(i, m)| {
        let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let j = i + m.len();
        let after = j == b.len() || !b[j].is_ascii_alphanumeric();
        before && after
    })
}
