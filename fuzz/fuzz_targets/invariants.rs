//! Checks shared by the fuzz targets: every span a parser or the report produces lies inside
//! its string and on character boundaries.
#![allow(dead_code)]

use whosaid::input::SourceDoc;
use whosaid::report::{DocumentReport, SpanReport};

fn on_boundaries(s: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: start {start} after end {end}");
    assert!(end <= s.len(), "{what}: end {end} past length {}", s.len());
    assert!(
        s.is_char_boundary(start),
        "{what}: start {start} not on a char boundary"
    );
    assert!(
        s.is_char_boundary(end),
        "{what}: end {end} not on a char boundary"
    );
}

/// The blocks and the offset map of a parsed document.
pub fn check_doc(doc: &SourceDoc) {
    let mut prev_end = 0;
    for b in &doc.blocks {
        on_boundaries(&doc.text, b.span.start, b.span.end, "block");
        assert!(!b.span.is_empty(), "empty block {:?}", b.span);
        assert!(
            b.span.start >= prev_end,
            "blocks overlap or are out of order"
        );
        prev_end = b.span.end;
        let raw = doc.map.span_to_raw(b.span);
        on_boundaries(&doc.raw, raw.start, raw.end, "block mapped to raw");
    }
    let mut prev = 0;
    for p in doc.map.pieces() {
        assert!(
            p.text_start >= prev,
            "pieces overlap or are out of order: {p:?}"
        );
        prev = p.text_start + p.text_len;
        on_boundaries(
            &doc.text,
            p.text_start,
            p.text_start + p.text_len,
            "piece (text)",
        );
        on_boundaries(
            &doc.raw,
            p.raw_start,
            p.raw_start + p.raw_len,
            "piece (raw)",
        );
        // Pieces of equal length map byte for byte (a soft line break shown as a space is one):
        // the loop below checks that every character boundary of `text` lands on one of `raw`.
    }
    // Later stages cut spans at any character boundary of `text`: each must map into `raw`.
    for (i, _) in doc.text.char_indices().chain([(doc.text.len(), ' ')]) {
        let s = doc.map.start_to_raw(i);
        let e = doc.map.end_to_raw(i);
        assert!(
            s <= doc.raw.len() && doc.raw.is_char_boundary(s),
            "start_to_raw({i}) = {s}"
        );
        assert!(
            e <= doc.raw.len() && doc.raw.is_char_boundary(e),
            "end_to_raw({i}) = {e}"
        );
    }
}

fn check_span(raw: &str, s: &SpanReport, what: &str) {
    on_boundaries(raw, s.start, s.end, what);
    assert!(
        s.line >= 1 && s.column >= 1 && s.end_line >= s.line,
        "{what}: {s:?}"
    );
}

/// Every span of a report lies in the document's original text; for plain text (`prose_is_raw`)
/// a mention's text is the original's bytes at its span (for Markdown and HTML it is the prose
/// a reader sees there: markup removed, entities decoded, soft breaks as spaces).
pub fn check_report(raw: &str, rep: &DocumentReport, prose_is_raw: bool) {
    for s in &rep.sources {
        for m in &s.mentions {
            check_span(raw, &m.span, "mention");
            if prose_is_raw {
                assert_eq!(m.text, raw[m.span.start..m.span.end]);
            }
        }
    }
    for a in &rep.attributions {
        for m in &a.sources {
            check_span(raw, &m.span, "attribution source");
        }
        check_span(raw, &a.cue.span, "cue");
        if let Some(c) = &a.content {
            check_span(raw, &c.span, "content");
            for f in c.fragments.iter().flatten() {
                check_span(raw, f, "content fragment");
            }
        }
    }
    for c in &rep.claims {
        check_span(raw, &c.span, "claim");
    }
    for f in &rep.findings {
        check_span(raw, &f.span, "finding");
    }
}
