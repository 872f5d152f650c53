//! Quotations: curly, straight and mixed marks, nested single quotes, quotes left open at the end
//! of a paragraph and reopened in the next. Short quoted names and terms ("Zircon") are marked as
//! terms, not quotations.

use crate::input::SourceDoc;
use crate::model::Quote;
use crate::span::Span;

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn double_mark(c: char) -> Option<Mark> {
    match c {
        '\u{201c}' | '\u{201e}' | '\u{00ab}' => Some(Mark::Open),
        '\u{201d}' | '\u{00bb}' => Some(Mark::Close),
        '"' => Some(Mark::Either),
        _ => None,
    }
}

fn single_mark(c: char) -> Option<Mark> {
    match c {
        '\u{2018}' => Some(Mark::Open),
        '\u{2019}' => Some(Mark::Close),
        '\'' => Some(Mark::Either),
        _ => None,
    }
}

fn opens_here(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
                )
        }
    };
    let after_ok = next.is_some_and(|n| !n.is_whitespace());
    before_ok && after_ok
}

/// Find the quotations of every block of `doc`.
pub fn find_quotes(doc: &SourceDoc) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let text = &doc.text;
    for (pi, block) in doc.blocks.iter().enumerate() {
        let s = &text[block.span.start..block.span.end];
        let bytes = s.as_bytes();
        // open double quote: (byte offset in text of the mark, mark length)
        let mut open: Option<(usize, usize)> = None;
        let mut single_open: Option<(usize, usize)> = None;
        // only the characters that can be marks are looked at: `"`, `'`, and those whose UTF-8
        // starts with 0xC2 (« ») or 0xE2 (‘ ’ “ ” „)
        let mut marks = crate::token::FourBytes::new(bytes, [b'"', b'\'', 0xe2], 0xc2);
        let mut k = 0;
        while let Some(m) = marks.next(k) {
            k = m;
            let off = k;
            let c = s[off..].chars().next().unwrap_or(' ');
            k += c.len_utf8();
            let prev = s[..off].chars().next_back();
            let mut next = s[k..].chars().next();
            let at = block.span.start + off;
            // two apostrophes stand for a double quotation mark ('' in some archives)
            let (mark, mlen) = if c == '\'' && next == Some('\'') {
                k += 1;
                next = s[k..].chars().next();
                (Some(Mark::Either), 2)
            } else {
                (double_mark(c), c.len_utf8())
            };
            if let Some(m) = mark {
                let is_open = match m {
                    Mark::Open => open.is_none() || m == Mark::Open,
                    Mark::Close => false,
                    Mark::Either => open.is_none() && opens_here(prev, next),
                };
                if is_open && open.is_none() {
                    open = Some((at, mlen));
                    single_open = None;
                } else if let Some((o, olen)) = open {
                    // an opening mark used to close ('here,“ said'): it follows a word and is
                    // followed by space or the end
                    let closes_anyway = prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| {
                            n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | ')')
                        });
                    if m == Mark::Open && !closes_anyway {
                        // a second opening mark while one is open: restart there
                        open = Some((at, mlen));
                        continue;
                    }
                    let inner = Span::new(o + olen, at);
                    out.push(make_quote(text, Span::new(o, at + mlen), inner, pi, false));
                    open = None;
                    single_open = None;
                }
                continue;
            }
            if open.is_some()
                && let Some(m) = single_mark(c)
            {
                let next_word = next.is_some_and(|n| n.is_alphanumeric());
                let prev_word = prev.is_some_and(|p| p.is_alphanumeric());
                if single_open.is_none() && m != Mark::Close && opens_here(prev, next) {
                    single_open = Some((at, c.len_utf8()));
                } else if let (Some((o, olen)), false) = (single_open, m == Mark::Open) {
                    // an apostrophe inside a word ("it's") is not a closing mark
                    if !(prev_word && next_word) && at > o + olen {
                        let inner = Span::new(o + olen, at);
                        let mut q =
                            make_quote(text, Span::new(o, at + c.len_utf8()), inner, pi, false);
                        q.is_quotation = q.is_quotation && !inner.is_empty();
                        out.push(q);
                        single_open = None;
                    }
                }
            }
        }
        if let Some((o, olen)) = open {
            // left open: runs to the end of the paragraph; continued if the next block reopens
            let next_opens = doc.blocks.get(pi + 1).is_some_and(|b| {
                let t = b.span.slice(text);
                t.chars()
                    .next()
                    .is_some_and(|c| matches!(double_mark(c), Some(Mark::Open | Mark::Either)))
            });
            let inner = Span::new(o + olen, block.span.end);
            let mut q = make_quote(text, Span::new(o, block.span.end), inner, pi, true);
            q.continues = next_opens;
            if next_opens {
                q.is_quotation = true;
            }
            out.push(q);
        }
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

/// Words a title in title case may have in lower case ("Advisory Number 25A", "The Lord of
/// the Rings"): a closed class of articles, conjunctions and short prepositions.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// Whether the words of a quote with no closing punctuation are a title, not speech: twelve
/// words at most, the first and every other one but the small words capitalised or a number
/// ('the NHC's "Hurricane Humberto Intermediate Advisory Number 25A"').
fn is_title(t: &str) -> bool {
    let mut n = 0;
    for (k, w) in t.split_whitespace().enumerate() {
        n += 1;
        if n > 12 {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        let ok = first.is_uppercase()
            || first.is_ascii_digit()
            || (k > 0 && TITLE_SMALL_WORDS.contains(&w));
        if !ok {
            return false;
        }
    }
    n > 0
}

fn make_quote(text: &str, span: Span, inner: Span, paragraph: usize, unclosed: bool) -> Quote {
    let t = inner.slice(text).trim();
    // (no test tells apart more than four words: the rest of a long quotation is not read)
    let words = t.split_whitespace().take(4).count();
    let ends_punct = t.ends_with(['.', ',', '!', '?', '\u{2026}', ';', ':']);
    let is_quotation = (words >= 4 && !is_title(t)) || (ends_punct && words >= 1);
    Quote {
        span,
        inner,
        paragraph,
        is_quotation,
        continues: false,
        unclosed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_text;

    /// A quote is a quotation by its first four words and its end, as by all its words.
    #[test]
    fn quotations_by_four_words() {
        let alphabet = [
            "a", " ", "\u{a0}", "word", ".", ",", "?", "\n", "\u{2026}", "\u{e9}",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 5000, 24) {
            let span = Span::new(0, t.len());
            let q = make_quote(&t, span, span, 0, false);
            let trimmed = t.trim();
            let words = trimmed.split_whitespace().count();
            let ends = trimmed.ends_with(['.', ',', '!', '?', '\u{2026}', ';', ':']);
            assert_eq!(q.is_quotation, words >= 4 || (ends && words >= 1), "{t:?}");
        }
    }

    /// A title in title case is no quotation; a capitalised sentence of speech with its stop is.
    #[test]
    fn titles_are_no_quotations() {
        for (t, want) in [
            ("Hurricane Humberto Intermediate Advisory Number 25A", false),
            ("The Lord of the Rings and the Two Towers", false),
            ("We Will Fight On.", true),
            ("We will fight them on the beaches", true),
        ] {
            let span = Span::new(0, t.len());
            assert_eq!(
                make_quote(t, span, span, 0, false).is_quotation,
                want,
                "{t}"
            );
        }
    }

    /// The quotation finder as first written (a vector of characters per block), to check the
    /// one that looks at the marks only.
    fn find_quotes_reference(doc: &SourceDoc) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        let text = &doc.text;
        for (pi, block) in doc.blocks.iter().enumerate() {
            let s = &text[block.span.start..block.span.end];
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            // open double quote: (byte offset in text of the mark, mark length)
            let mut open: Option<(usize, usize)> = None;
            let mut single_open: Option<(usize, usize)> = None;
            let mut skip = false;
            for (i, &(off, c)) in chars.iter().enumerate() {
                if skip {
                    skip = false;
                    continue;
                }
                let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
                let mut next = chars.get(i + 1).map(|x| x.1);
                let at = block.span.start + off;
                // two apostrophes stand for a double quotation mark ('' in some archives)
                let (mark, mlen) = if c == '\'' && next == Some('\'') {
                    skip = true;
                    next = chars.get(i + 2).map(|x| x.1);
                    (Some(Mark::Either), 2)
                } else {
                    (double_mark(c), c.len_utf8())
                };
                if let Some(m) = mark {
                    let is_open = match m {
                        Mark::Open => open.is_none() || m == Mark::Open,
                        Mark::Close => false,
                        Mark::Either => open.is_none() && opens_here(prev, next),
                    };
                    if is_open && open.is_none() {
                        open = Some((at, mlen));
                        single_open = None;
                    } else if let Some((o, olen)) = open {
                        // an opening mark used to close ('here,“ said'): it follows a word and is
                        // followed by space or the end
                        let closes_anyway = prev.is_some_and(|p| !p.is_whitespace())
                            && next.is_none_or(|n| {
                                n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | ')')
                            });
                        if m == Mark::Open && !closes_anyway {
                            // a second opening mark while one is open: restart there
                            open = Some((at, mlen));
                            continue;
                        }
                        let inner = Span::new(o + olen, at);
                        out.push(make_quote(text, Span::new(o, at + mlen), inner, pi, false));
                        open = None;
                        single_open = None;
                    }
                    continue;
                }
                if open.is_some()
                    && let Some(m) = single_mark(c)
                {
                    let next_word = next.is_some_and(|n| n.is_alphanumeric());
                    let prev_word = prev.is_some_and(|p| p.is_alphanumeric());
                    if single_open.is_none() && m != Mark::Close && opens_here(prev, next) {
                        single_open = Some((at, c.len_utf8()));
                    } else if let (Some((o, olen)), false) = (single_open, m == Mark::Open) {
                        // an apostrophe inside a word ("it's") is not a closing mark
                        if !(prev_word && next_word) && at > o + olen {
                            let inner = Span::new(o + olen, at);
                            let mut q =
                                make_quote(text, Span::new(o, at + c.len_utf8()), inner, pi, false);
                            q.is_quotation = q.is_quotation && !inner.is_empty();
                            out.push(q);
                            single_open = None;
                        }
                    }
                }
            }
            if let Some((o, olen)) = open {
                // left open: runs to the end of the paragraph; continued if the next block reopens
                let next_opens = doc.blocks.get(pi + 1).is_some_and(|b| {
                    let t = b.span.slice(text);
                    t.chars()
                        .next()
                        .is_some_and(|c| matches!(double_mark(c), Some(Mark::Open | Mark::Either)))
                });
                let inner = Span::new(o + olen, block.span.end);
                let mut q = make_quote(text, Span::new(o, block.span.end), inner, pi, true);
                q.continues = next_opens;
                if next_opens {
                    q.is_quotation = true;
                }
                out.push(q);
            }
        }
        out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
        out
    }

    #[test]
    fn same_quotes_as_the_reference() {
        let alphabet = [
            "a", "b ", " ", "\n\n", "\"", "'", "''", "\u{201c}", "\u{201d}", "\u{201e}", "\u{ab}",
            "\u{bb}", "\u{2018}", "\u{2019}", "\u{2014}", "\u{e9}", "(", ",", ".", ":", "word ",
            "it's ", "\u{a0}", "\u{2026}",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 4000, 40) {
            let d = parse_text("t", t.clone());
            let key = |v: Vec<Quote>| -> Vec<_> {
                v.iter()
                    .map(|q| {
                        (
                            q.span,
                            q.inner,
                            q.paragraph,
                            q.is_quotation,
                            q.continues,
                            q.unclosed,
                        )
                    })
                    .collect()
            };
            assert_eq!(
                key(find_quotes(&d)),
                key(find_quotes_reference(&d)),
                "{t:?}"
            );
        }
    }

    fn quotes(s: &str) -> Vec<(String, bool)> {
        let d = parse_text("t", s.to_string());
        find_quotes(&d)
            .iter()
            .map(|q| (q.inner.slice(&d.text).to_string(), q.is_quotation))
            .collect()
    }

    #[test]
    fn curly_and_straight_and_mixed() {
        assert_eq!(
            quotes("\u{201c}We won,\u{201d} she said. He said \"it was a total screwup.\u{201d}"),
            [
                ("We won,".to_string(), true),
                ("it was a total screwup.".to_string(), true)
            ]
        );
    }

    #[test]
    fn scare_quotes_are_terms() {
        assert_eq!(
            quotes("Russia's \"Zircon\" hypersonic missile."),
            [("Zircon".to_string(), false)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("\u{201c}It\u{2019}s the hackers\u{2019} work, and it's ours,\u{201d} he said."),
            [(
                "It\u{2019}s the hackers\u{2019} work, and it's ours,".to_string(),
                true
            )]
        );
    }

    #[test]
    fn nested_single_quotes() {
        let q = quotes("\"He told me 'we are done here' and left,\" she said.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].0, "we are done here");
    }

    #[test]
    fn opening_mark_used_to_close() {
        assert_eq!(
            quotes(
                "\u{201c}That could create real problems for her here,\u{201c} said Jim Clyburn."
            ),
            [(
                "That could create real problems for her here,".to_string(),
                true
            )]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            quotes("''It's a movement, not a campaign,'' said Eric Trump."),
            [("It's a movement, not a campaign,".to_string(), true)]
        );
    }

    #[test]
    fn multi_paragraph_quote() {
        let d = parse_text(
            "t",
            "\"First part of it.\n\n\"Second part,\" he said.".into(),
        );
        let q = find_quotes(&d);
        assert_eq!(q.len(), 2);
        assert!(q[0].continues && q[0].unclosed);
        assert_eq!(q[1].inner.slice(&d.text), "Second part,");
    }
}
