//! Plain text: paragraphs are separated by blank lines; a file without blank lines has one
//! paragraph per line.

use super::{Block, BlockKind, Format, OffsetMap, SourceDoc};
use crate::span::Span;

/// Parse plain text. `text` is `raw` without a leading BOM; offsets map back exactly.
pub fn parse_text(path: &str, raw: String) -> SourceDoc {
    let shift = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let text = raw[shift..].to_string();
    let blocks = paragraphs(&text)
        .into_iter()
        .map(|span| Block {
            span,
            kind: BlockKind::Paragraph,
        })
        .collect();
    SourceDoc {
        path: path.to_string(),
        format: Format::Text,
        raw,
        text,
        map: OffsetMap::shifted(shift),
        blocks,
        links: Vec::new(),
        site: None,
        date: None,
        inline_code: Vec::new(),
    }
}

/// Paragraph spans of plain text (trimmed, never empty).
pub fn paragraphs(text: &str) -> Vec<Span> {
    // Lines with their spans (without the terminator), each told blank once.
    let is_blank = |s: Span| s.slice(text).trim().is_empty();
    let mut lines = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let l = Span::new(start, i);
        lines.push((l, is_blank(l)));
        start = i + 1;
    }
    let l = Span::new(start, text.len());
    lines.push((l, is_blank(l)));
    // a blank line between two that are not
    let has_blank = match (
        lines.iter().position(|&(_, blank)| !blank),
        lines.iter().rposition(|&(_, blank)| !blank),
    ) {
        (Some(a), Some(b)) => lines[a..b].iter().any(|&(_, blank)| blank),
        _ => false,
    };
    let mut out = Vec::new();
    if has_blank {
        let mut cur: Option<Span> = None;
        for &(l, blank) in &lines {
            if blank {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
            } else {
                cur = Some(match cur {
                    Some(c) => c.cover(l),
                    None => l,
                });
            }
        }
        if let Some(c) = cur {
            out.push(c);
        }
    } else {
        out.extend(lines.iter().filter(|&&(_, blank)| !blank).map(|&(l, _)| l));
    }
    out.into_iter()
        .map(|s| s.trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `paragraphs` as first written (each line tested for blankness up to three times).
    fn paragraphs_reference(text: &str) -> Vec<Span> {
        let mut lines = Vec::new();
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            lines.push(Span::new(start, i));
            start = i + 1;
        }
        lines.push(Span::new(start, text.len()));
        let is_blank = |s: &Span| s.slice(text).trim().is_empty();
        let has_blank = {
            let non_blank: Vec<usize> =
                (0..lines.len()).filter(|&i| !is_blank(&lines[i])).collect();
            match (non_blank.first(), non_blank.last()) {
                (Some(&a), Some(&b)) => (a..b).any(|i| is_blank(&lines[i])),
                _ => false,
            }
        };
        let mut out = Vec::new();
        if has_blank {
            let mut cur: Option<Span> = None;
            for l in &lines {
                if is_blank(l) {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                } else {
                    cur = Some(match cur {
                        Some(c) => c.cover(*l),
                        None => *l,
                    });
                }
            }
            if let Some(c) = cur {
                out.push(c);
            }
        } else {
            out.extend(lines.iter().filter(|l| !is_blank(l)).copied());
        }
        out.into_iter()
            .map(|s| s.trim(text))
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn paragraphs_as_first_written() {
        let alphabet = [
            "a", " ", "\n", "\r\n", "\t", "\u{a0}", "\u{2003}", "word.", "\n\n",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 20_000, 24) {
            assert_eq!(paragraphs(&t), paragraphs_reference(&t), "{t:?}");
        }
    }

    #[test]
    fn lines_are_paragraphs_without_blank_lines() {
        let d = parse_text("t", "One.\nTwo.\r\nThree.".into());
        let p: Vec<&str> = d.blocks.iter().map(|b| b.span.slice(&d.text)).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let d = parse_text("t", "One\nstill one.\n\n\nTwo.\n".into());
        let p: Vec<&str> = d.blocks.iter().map(|b| b.span.slice(&d.text)).collect();
        assert_eq!(p, ["One\nstill one.", "Two."]);
    }

    #[test]
    fn bom_is_skipped_and_offsets_map_back() {
        let d = parse_text("t", "\u{feff}Hello.".into());
        assert_eq!(d.text, "Hello.");
        assert_eq!(d.map.span_to_raw(d.blocks[0].span), Span::new(3, 9));
    }
}
