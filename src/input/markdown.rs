//! Markdown input: the prose of a CommonMark document (with GitHub tables, footnotes and
//! strikethrough), read with `pulldown-cmark`.
//!
//! Kept: the text of paragraphs, headings ([`BlockKind::Heading`]), list items
//! ([`BlockKind::ListItem`]), block quotes, table cells and footnotes ([`BlockKind::Other`]);
//! inside them, the text of links and emphasis (without the markers).
//! Skipped: front matter, fenced and indented code, inline code (kept beside the text for the
//! reports, [`super::InlineCode`]), HTML blocks and inline HTML (tags and
//! comments), images (URL and alt text), link URLs, reference definitions, footnote markers.
//! Link URLs are kept beside the text: each link's destination and the span of its anchor text
//! ([`super::Link`]), and the page's own host from front matter (`canonical_url`, `url`).
//!
//! Every byte of `text` maps back to the bytes it came from: literal text byte for byte, an
//! entity or escape (`&amp;`) as a whole, a soft line break (a space in `text`) to the raw line
//! ending.

use super::{BlockKind, DocBuilder, Format, SourceDoc};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Parse Markdown: prose blocks only; front matter, code, HTML and URLs skipped.
pub fn parse_markdown(path: &str, raw: String) -> SourceDoc {
    let bom = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let base = bom + front_matter_len(&raw[bom..]).unwrap_or(0);
    let mut b = DocBuilder::default();
    walk(&raw, base, &mut b);
    let site = site_of(&raw[bom..]);
    let mut doc = b.finish(path, Format::Markdown, raw);
    doc.site = site;
    doc
}

/// The host of the page's own address in its front matter (`canonical_url`, `canonical`, `url`
/// or `permalink`, when absolute).
pub(crate) fn site_of(raw: &str) -> Option<String> {
    front_matter_len(raw)?;
    let fm = super::front_matter(raw);
    ["canonical_url", "canonical", "url", "permalink"]
        .iter()
        .find_map(|k| {
            fm.iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| v.first())
                .and_then(|u| super::url_host(u))
        })
}

/// Length of the front matter at the start of `s` (including the line ending after the closing
/// delimiter), if `s` starts with one: a line `---` closed by `---` or `...` (YAML), or a line
/// `+++` closed by `+++` (TOML). As in pulldown-cmark, the line after the opening one must not be
/// blank.
///
/// A front matter that is never closed is not front matter: the file is read as ordinary
/// Markdown (the `---` is a thematic break and what follows is prose). Skipping to the end of the
/// file instead would silently drop the whole article over one missing line.
pub(crate) fn front_matter_len(s: &str) -> Option<usize> {
    let mut lines = s.split_inclusive('\n');
    let first = lines.next()?;
    let closers: &[&str] = match first.trim_end() {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    let mut pos = first.len();
    let mut lines = lines.peekable();
    if lines.peek().is_none_or(|l| l.trim().is_empty()) {
        return None;
    }
    for line in lines {
        pos += line.len();
        if closers.contains(&line.trim_end()) {
            return Some(pos);
        }
    }
    None
}

/// Walk the Markdown of `raw[base..]`, pushing its prose into `b`.
fn walk(raw: &str, base: usize, b: &mut DocBuilder) {
    let src = &raw[base..];
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    // Kinds of the open containers that decide a block's kind (innermost last).
    let mut kinds: Vec<BlockKind> = Vec::new();
    // Depth of open elements whose content is skipped (code, HTML blocks, images).
    let mut skip = 0usize;
    for (ev, r) in Parser::new_ext(src, opts).into_offset_iter() {
        let (start, end) = (base + r.start, base + r.end);
        let kind = kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::List(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => {
                    b.end_block()
                }
                Tag::Heading { .. } => open(b, &mut kinds, BlockKind::Heading),
                Tag::Item => open(b, &mut kinds, BlockKind::ListItem),
                Tag::BlockQuote(_) => open(b, &mut kinds, BlockKind::Paragraph),
                Tag::TableCell | Tag::FootnoteDefinition(_) => {
                    open(b, &mut kinds, BlockKind::Other)
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    b.end_block();
                    skip += 1;
                }
                Tag::Image { .. } => skip += 1,
                Tag::Link { dest_url, .. } if skip == 0 => b.start_link(&dest_url),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow => b.end_block(),
                TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition => {
                    b.end_block();
                    kinds.pop();
                }
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    b.end_block();
                    skip = skip.saturating_sub(1);
                }
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::Link if skip == 0 => b.end_link(),
                _ => {}
            },
            _ if skip > 0 => {}
            Event::Text(t) => {
                if raw.get(start..end) == Some(&*t) {
                    b.push_linear(&t, start, kind);
                } else {
                    // An entity or other escape: the decoded text stands for the raw range.
                    b.push_atomic(&t, start, end - start, kind);
                }
            }
            // Inline code is code, as HTML's <code> is: not prose, never a quotation, and no
            // claim starts inside it (a list item "`edit`: opens a file" is read from ":").
            // The reports still show it ([`SourceDoc::prose`]).
            Event::Code(code) => {
                let space = raw[end..].starts_with(char::is_whitespace);
                b.inline_code(crate::span::Span::new(start, end), code.to_string(), space);
            }
            Event::SoftBreak => b.push_atomic(" ", start, end - start, kind),
            Event::HardBreak => b.push_atomic("\n", start, end - start, kind),
            Event::Rule => b.end_block(),
            // Inline HTML (tags, comments), footnote markers, task markers, math: not prose.
            _ => {}
        }
    }
}

/// Open a container that decides the kind of the blocks inside it.
fn open(b: &mut DocBuilder, kinds: &mut Vec<BlockKind>, kind: BlockKind) {
    b.end_block();
    kinds.push(kind);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn md(s: &str) -> SourceDoc {
        parse_markdown("t.md", s.to_string())
    }

    fn blocks(d: &SourceDoc) -> Vec<(&str, BlockKind)> {
        d.blocks
            .iter()
            .map(|b| (b.span.slice(&d.text), b.kind))
            .collect()
    }

    /// The raw bytes that the first occurrence of `needle` in `text` maps back to.
    fn raw_of<'a>(d: &'a SourceDoc, needle: &str) -> &'a str {
        let at = d.text.find(needle).expect("needle in text");
        d.map
            .span_to_raw(Span::new(at, at + needle.len()))
            .slice(&d.raw)
    }

    #[test]
    fn inline_code_is_never_a_quotation() {
        let d = md("Set `x = \"a\"` and `\u{201c}b\u{201d}` here.\n");
        assert_eq!(d.text, "Set  and  here.");
        assert_eq!(raw_of(&d, "here"), "here");
        assert!(crate::quotes::find_quotes(&d).is_empty());
    }

    #[test]
    fn yaml_and_toml_front_matter_are_skipped() {
        let d = md("---\ntitle: Secret\nauthor: X\n---\nBody text.\n");
        assert_eq!(d.text, "Body text.");
        assert_eq!(raw_of(&d, "Body"), "Body");
        let d = md("+++\ntitle = \"Secret\"\n+++\n\nBody.\n");
        assert_eq!(d.text, "Body.");
        let d = md("\u{feff}---\ntitle: Secret\n...\nBody.\n");
        assert_eq!(d.text, "Body.");
        assert_eq!(d.format, Format::Markdown);
    }

    #[test]
    fn unclosed_front_matter_is_read_as_markdown() {
        let d = md("---\ntitle: x\n\nBody text.\n");
        assert_eq!(
            blocks(&d),
            [
                ("title: x", BlockKind::Paragraph),
                ("Body text.", BlockKind::Paragraph)
            ]
        );
        // Degenerate starts do not panic.
        for s in ["---", "---\n", "+++\n+++", "---\r\n", "", "\u{feff}"] {
            let d = md(s);
            assert!(d.text.len() <= s.len());
        }
    }

    #[test]
    fn code_is_skipped() {
        let d = md("Before.\n\n```rust\nlet secret = 1;\n```\n\n    indented secret\n\nAfter.\n");
        assert_eq!(d.text, "Before.\n\nAfter.");
        let d = md("Before.\n\n```\nnever closed\nsecret\n");
        assert_eq!(d.text, "Before.");
    }

    #[test]
    fn html_comments_images_and_reference_definitions_are_skipped() {
        let d = md(concat!(
            "<div class=\"ad\">\nsecret block\n</div>\n\n",
            "<!-- secret comment -->\n\n",
            "Text <span>kept</span><!-- secret --> here.\n\n",
            "![secret alt](secret.png)\n\n",
            "[ref]: https://secret.example\n",
        ));
        assert_eq!(d.text, "Text kept here.");
    }

    #[test]
    fn link_text_kept_url_dropped() {
        let d = md("See [the report](https://example.com/r) and [that][r].\n\n[r]: https://x.y\n");
        assert_eq!(d.text, "See the report and that.");
        assert_eq!(raw_of(&d, "the report"), "the report");
    }

    #[test]
    fn links_keep_their_url_and_anchor_span() {
        let d = md(concat!(
            "---\nurl: https://www.paper.example/2024/a\n---\n",
            "Per [a *Reuters* report](https://www.reuters.com/x), and [ref][r], ",
            "<https://bare.example/p>, [![pic](i.png)](https://img.example).\n\n",
            "[r]: https://ref.example/y\n"
        ));
        let got: Vec<(&str, &str, &str)> = d
            .links
            .iter()
            .map(|l| {
                let raw = d.map.span_to_raw(l.span).slice(&d.raw);
                (l.span.slice(&d.text), raw, l.url.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "a Reuters report",
                    "a *Reuters* report",
                    "https://www.reuters.com/x"
                ),
                ("ref", "ref", "https://ref.example/y"),
                (
                    "https://bare.example/p",
                    "https://bare.example/p",
                    "https://bare.example/p"
                ),
            ]
        );
        assert_eq!(d.site.as_deref(), Some("paper.example"));
        assert_eq!(md("No [link](/rel) site.\n").site, None);
    }

    #[test]
    fn url_hosts_are_of_absolute_web_urls_only() {
        use crate::input::url_host;
        assert_eq!(
            url_host("HTTPS://WWW.Reuters.com:443/a?b").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            url_host("http://u@news.example.org").as_deref(),
            Some("news.example.org")
        );
        for u in [
            "/about",
            "mailto:a@b.com",
            "ftp://x.org",
            "https://localhost/",
            "#top",
        ] {
            assert_eq!(url_host(u), None, "{u}");
        }
    }

    #[test]
    fn headings_and_list_items_have_their_kinds() {
        let d = md(
            "# The Title\n\nIntro.\n\n- one\n- two\n  - nested\n\n> Quoted.\n\n| a |\n|---|\n| cell |\n",
        );
        assert_eq!(
            blocks(&d),
            [
                ("The Title", BlockKind::Heading),
                ("Intro.", BlockKind::Paragraph),
                ("one", BlockKind::ListItem),
                ("two", BlockKind::ListItem),
                ("nested", BlockKind::ListItem),
                ("Quoted.", BlockKind::Paragraph),
                ("a", BlockKind::Other),
                ("cell", BlockKind::Other),
            ]
        );
        let d = md("Setext\n======\n\n1. loose\n\n2. list\n");
        assert_eq!(
            blocks(&d),
            [
                ("Setext", BlockKind::Heading),
                ("loose", BlockKind::ListItem),
                ("list", BlockKind::ListItem),
            ]
        );
    }

    #[test]
    fn emphasis_markers_are_stripped_and_words_map_back() {
        let d = md("A **Reuters** report, _said_ the code.\n");
        assert_eq!(d.text, "A Reuters report, said the code.");
        let at = d.text.find("Reuters").unwrap();
        let span = d.map.span_to_raw(Span::new(at, at + 7));
        assert_eq!(span, Span::new(4, 11));
        assert_eq!(raw_of(&d, "said"), "said");
        assert_eq!(raw_of(&d, "the code"), "the code");
        assert_eq!(raw_of(&d, "Reuters report"), "Reuters** report");
    }

    #[test]
    fn entities_and_escapes_map_to_their_raw_bytes() {
        let d = md("Smith &amp; Wesson \\*said\\* &#8220;no&#8221;.\n");
        assert_eq!(d.text, "Smith & Wesson *said* \u{201c}no\u{201d}.");
        assert_eq!(raw_of(&d, "&"), "&amp;");
        assert_eq!(raw_of(&d, "Wesson"), "Wesson");
        assert_eq!(raw_of(&d, "\u{201c}"), "&#8220;");
        assert_eq!(raw_of(&d, "no"), "no");
        assert_eq!(raw_of(&d, "\u{201c}no\u{201d}"), "&#8220;no&#8221;");
        assert_eq!(raw_of(&d, "*said"), "*said");
    }

    #[test]
    fn blocks_are_trimmed_even_when_they_start_with_padded_code() {
        // (inline code is skipped: the block is what follows it)
        let d = md("`    \r\nx&#` tail\n");
        assert_eq!(blocks(&d), [("tail", BlockKind::Paragraph)]);
        assert_eq!(raw_of(&d, "tail"), "tail");
    }

    #[test]
    fn line_breaks_map_to_the_raw_line_ending() {
        let d = md("One line\r\nnext line  \nlast.\n");
        assert_eq!(d.text, "One line next line\nlast.");
        assert_eq!(raw_of(&d, "line next"), "line\r\nnext");
        assert_eq!(raw_of(&d, "\nlast"), "  \nlast");
        // The whole block maps to the whole paragraph.
        let raw = d.map.span_to_raw(d.blocks[0].span);
        assert_eq!(raw.slice(&d.raw), "One line\r\nnext line  \nlast.");
    }

    #[test]
    fn every_piece_maps_text_to_equal_raw_bytes() {
        let d = md("# Head\n\nPara with [link](u) and *em*.\n\n- item **b**\n");
        for p in d.map.pieces() {
            if p.text_len == p.raw_len {
                assert_eq!(
                    &d.text[p.text_start..p.text_start + p.text_len],
                    &d.raw[p.raw_start..p.raw_start + p.raw_len]
                );
            }
        }
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let quotes = ">".repeat(20_000) + " deep\n";
        let d = md(&quotes);
        assert_eq!(d.text, "deep");
        let stars = "*".repeat(20_000) + "x" + &"*".repeat(20_000);
        let d = md(&stars);
        assert!(d.text.contains('x'));
        let links = "[".repeat(20_000) + "x" + &"](u)".repeat(20_000);
        let d = md(&links);
        assert!(d.text.contains('x'));
    }

    #[test]
    fn fixture_article() {
        let raw = include_str!("../../fixtures/input/article.md");
        let d = parse_markdown("article.md", raw.to_string());
        assert!(!d.text.contains("title:"));
        assert!(!d.text.contains("https://"));
        assert!(!d.text.contains("curl"));
        assert!(!d.text.contains("**"));
        assert_eq!(d.blocks[0].kind, BlockKind::Heading);
        let quote = "\u{201c}We found the breach,\u{201d} Jane Roe, a researcher at Acme, said.";
        assert!(d.text.contains(quote), "{}", d.text);
        assert_eq!(
            raw_of(&d, quote),
            "&ldquo;We found the breach,&rdquo; **Jane Roe**, a researcher at\n[Acme](https://acme.example), said."
        );
        assert!(d.blocks.iter().any(|b| b.kind == BlockKind::ListItem));
        for b in &d.blocks {
            let s = b.span.slice(&d.text);
            assert_eq!(s, s.trim());
            assert!(!s.is_empty());
        }
    }
}
