//! Input: turns the bytes of a file (plain text, Markdown, HTML) or a JSON Lines record into a
//! [`SourceDoc`]: the prose to analyse (`text`), its blocks, and an [`OffsetMap`] from every
//! offset of `text` back to the bytes of the original (`raw`).
//!
//! Consumes: bytes. Produces: `SourceDoc`. Nothing downstream reads `raw` except the reports.

mod front_matter;
mod html;
mod jsonl;
mod markdown;
mod template;
mod text;

pub(crate) use markdown::front_matter_len;
pub use template::mask as mask_templates;

pub use front_matter::{
    FrontMatter, front_matter, front_matter_date, get as front_matter_values, valid_month,
};
pub use html::parse_html;
pub use jsonl::{JsonlLines, JsonlReader, Line, parse_line};
pub use markdown::parse_markdown;
pub use text::parse_text;

use crate::error::{Error, Result};
use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;

/// The kind of input, as chosen by extension or `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (CommonMark with front matter).
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The format for a file name by its extension, if it is one whosaid reads.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The name used in reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// What a block of prose is, as far as the input format tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A heading (Markdown `#`, HTML `h1`-`h6`): never a claim.
    Heading,
    /// An item of a list.
    ListItem,
    /// A table cell or other fragment that is not running prose.
    Other,
}

/// One block (paragraph) of `SourceDoc::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Where it is in `text`.
    pub span: Span,
    /// What it is.
    pub kind: BlockKind,
}

/// One piece of the offset map: `text[text_start..text_start+text_len]` came from
/// `raw[raw_start..raw_start+raw_len]`. Equal lengths map byte for byte; unequal lengths (an HTML
/// entity, a Markdown escape) map as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Start in `text`.
    pub text_start: usize,
    /// Length in `text`.
    pub text_len: usize,
    /// Start in `raw`.
    pub raw_start: usize,
    /// Length in `raw`.
    pub raw_len: usize,
}

/// Maps offsets of the extracted text back to offsets of the original file.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Sorted by `text_start`, not overlapping. Text between pieces (separators that whosaid
    /// inserted) maps to the end of the piece before it.
    pieces: Vec<Piece>,
    /// When true, `text` is `raw[shift..]` and `pieces` is empty.
    identity: bool,
    shift: usize,
}

impl OffsetMap {
    /// `text` is `raw` from byte `shift` on (used for plain text, after a BOM).
    pub fn shifted(shift: usize) -> OffsetMap {
        OffsetMap {
            pieces: Vec::new(),
            identity: true,
            shift,
        }
    }

    /// A map built from pieces (sorted by `text_start`).
    pub fn from_pieces(pieces: Vec<Piece>) -> OffsetMap {
        debug_assert!(
            pieces
                .windows(2)
                .all(|w| w[0].text_start <= w[1].text_start)
        );
        OffsetMap {
            pieces,
            identity: false,
            shift: 0,
        }
    }

    /// True when `text` is `raw` (from byte `shift` on): plain text.
    pub fn is_identity(&self) -> bool {
        self.identity
    }

    /// The pieces (empty for an identity map).
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Raw offset of text offset `off`, for the start of a span.
    pub fn start_to_raw(&self, off: usize) -> usize {
        self.to_raw(off, false)
    }

    /// Raw offset of text offset `off`, for the end of a span.
    pub fn end_to_raw(&self, off: usize) -> usize {
        self.to_raw(off, true)
    }

    /// A text span as a raw span.
    pub fn span_to_raw(&self, span: Span) -> Span {
        let s = self.start_to_raw(span.start);
        let e = self.end_to_raw(span.end).max(s);
        Span::new(s, e)
    }

    fn to_raw(&self, off: usize, is_end: bool) -> usize {
        if self.identity {
            return off + self.shift;
        }
        if self.pieces.is_empty() {
            return 0;
        }
        // Last piece starting at or before `off` (for an end, strictly before, so that an end
        // at a piece boundary stays with the piece it closes).
        let idx = self.pieces.partition_point(|p| {
            if is_end {
                p.text_start < off
            } else {
                p.text_start <= off
            }
        });
        if idx == 0 {
            return self.pieces[0].raw_start;
        }
        let p = self.pieces[idx - 1];
        let rel = off - p.text_start;
        if rel >= p.text_len {
            // Past this piece: an inserted separator. Starts snap to the next piece.
            if !is_end && let Some(next) = self.pieces.get(idx) {
                return next.raw_start;
            }
            return p.raw_start + p.raw_len;
        }
        if p.text_len == p.raw_len {
            p.raw_start + rel
        } else if is_end && rel > 0 {
            p.raw_start + p.raw_len
        } else {
            p.raw_start
        }
    }
}

/// One document ready for analysis.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The path as given, `-` for standard input, or a JSON Lines record's `id`.
    pub path: String,
    /// The input format.
    pub format: Format,
    /// The original text (the file's bytes, known to be UTF-8).
    pub raw: String,
    /// The prose to analyse: blocks joined by blank lines.
    pub text: String,
    /// From `text` offsets to `raw` offsets.
    pub map: OffsetMap,
    /// The blocks of `text`, in order.
    pub blocks: Vec<Block>,
    /// The hyperlinks of the prose (Markdown and HTML), in order: empty for plain text.
    pub links: Vec<Link>,
    /// The host of the page's own address when the markup gives one (HTML `<link
    /// rel="canonical">`, `og:url`, `<base href>`; front matter `canonical_url` or `url` when it
    /// is absolute), lower case, without `www.`: links to it are the site's own, not sources.
    pub site: Option<String>,
    /// The document's date as written, when it starts `YYYY-MM`: a Markdown file's front matter
    /// `date`, an HTML page's `article:published_time` (or `date`) meta, or a JSON Lines
    /// record's `date` field.
    pub date: Option<String>,
    /// The inline code that `text` leaves out (Markdown `` `code` ``, HTML `<code>`, `<kbd>`,
    /// `<samp>` inside prose), in order: not analysed, but shown in [`SourceDoc::prose`].
    pub inline_code: Vec<InlineCode>,
}

/// A piece of inline code that `SourceDoc::text` leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineCode {
    /// The offset of `text` where it stood.
    pub at: usize,
    /// Its bytes in `raw` (Markdown: with the backticks; HTML: its character data).
    pub raw: Span,
    /// Its text as a reader sees it (entities decoded).
    pub text: String,
    /// True when white space followed it in `raw` that `text` does not have at `at` (HTML
    /// collapses it into the space before).
    pub space_after: bool,
}

impl SourceDoc {
    /// The prose a reader sees in text span `span`, for reports: for plain text the original's
    /// bytes (`text` is `raw`); for Markdown and HTML the analysed text (markup gone, entities
    /// decoded, soft line breaks as spaces) with the separator between two blocks as one space
    /// and the inline code whose bytes the span covers put back. Its place is still the span
    /// of the original (`map`).
    pub fn prose(&self, span: Span) -> Cow<'_, str> {
        let text = span.slice(&self.text);
        if self.map.identity {
            return Cow::Borrowed(text);
        }
        if span.is_empty() {
            return Cow::Borrowed(text);
        }
        // the first block that ends after the span starts: a span not inside it has separators
        let first = self.blocks.partition_point(|b| b.span.end <= span.start);
        let inside = (self.blocks.get(first))
            .is_some_and(|b| b.span.start <= span.start && span.end <= b.span.end);
        let crosses = !inside && !self.blocks.is_empty();
        let code_from = self.inline_code.partition_point(|c| c.at <= span.start);
        let near = &self.inline_code[code_from..];
        let near = &near[..near.partition_point(|c| c.at < span.end)];
        let codes: Vec<&InlineCode> = if near.is_empty() {
            Vec::new()
        } else {
            let raw = self.map.span_to_raw(span);
            (near.iter())
                .filter(|c| raw.start <= c.raw.start && c.raw.end <= raw.end)
                .collect()
        };
        if !crosses && codes.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut at = span.start;
        let mut codes = codes.into_iter().peekable();
        // the gaps between the blocks inside the span, in order
        // (from the gap before `first`, in case the span starts in it)
        let mut gaps = (self.blocks[first.saturating_sub(1)..].windows(2))
            .map(|w| Span::new(w[0].span.end, w[1].span.start))
            .filter(|g| g.end > span.start)
            .take_while(|g| g.start < span.end)
            .peekable();
        loop {
            let next_gap = gaps.peek().map(|g| g.start);
            let next_code = codes.peek().map(|c| c.at);
            let next = match (next_gap, next_code) {
                (None, None) => break,
                (Some(g), Some(c)) => g.min(c),
                (Some(g), None) => g,
                (None, Some(c)) => c,
            };
            let next = next.clamp(at, span.end);
            out.push_str(&self.text[at..next]);
            at = next;
            if next_code.is_some_and(|c| c <= next_gap.unwrap_or(usize::MAX)) {
                let c = codes.next().expect("peeked");
                out.push_str(&c.text);
                let after = self.text[at..span.end].chars().next();
                if c.space_after && after.is_some_and(|ch| !ch.is_whitespace()) {
                    out.push(' ');
                }
            } else {
                let g = gaps.next().expect("peeked");
                out.push(' ');
                at = g.end.min(span.end).max(at);
            }
        }
        out.push_str(&self.text[at..span.end]);
        Cow::Owned(out)
    }
}

/// A hyperlink of the prose: its target as written and where its anchor text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The anchor text in `SourceDoc::text` (trimmed, never empty).
    pub span: Span,
    /// The URL (`href`, Markdown destination), as written, entities decoded.
    pub url: String,
}

/// The host of an absolute `http(s)` URL, lower case and without `www.` (`None` for a relative
/// link, `mailto:` and the like).
pub fn url_host(url: &str) -> Option<String> {
    let u = url.trim();
    let (scheme, rest) = u.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    host_in(rest)
}

/// The host at the start of `rest`, a URL without its scheme or a bare domain
/// (`www.Reuters.com/world` -> `reuters.com`): lower case, without `www.`, user or port, if it
/// looks like a host name.
pub fn host_in(rest: &str) -> Option<String> {
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").trim_end_matches('.');
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let ok = host.contains('.')
        && !host.starts_with('.')
        && !host.contains("..")
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    ok.then(|| host.to_string())
}

/// The encoding announced by a UTF-16 or UTF-32 byte order mark at the start of `bytes`
/// (none of these marks is valid UTF-8).
pub(crate) fn wide_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xff, 0xfe, 0, 0, ..] => Some("UTF-32LE"),
        [0, 0, 0xfe, 0xff, ..] => Some("UTF-32BE"),
        [0xff, 0xfe, ..] => Some("UTF-16LE"),
        [0xfe, 0xff, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

/// The error for text in a wide encoding: say which, rather than "bad byte at offset 0".
pub(crate) fn wide_error(path: &str, line: usize, encoding: &str) -> Error {
    Error::Input {
        path: path.to_string(),
        line,
        msg: format!("{encoding} (byte order mark) is not supported; convert the file to UTF-8"),
    }
}

/// Decode bytes as UTF-8, or name the first bad byte and its line (or the UTF-16/UTF-32
/// encoding that a byte order mark announces).
pub fn decode_utf8(path: &str, bytes: Vec<u8>) -> Result<String> {
    if let Some(encoding) = wide_bom(&bytes) {
        return Err(wide_error(path, 1, encoding));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(Error::Utf8 {
                path: path.to_string(),
                line,
                offset,
            })
        }
    }
}

/// Parse `raw` (already UTF-8) as `format`.
pub fn parse(path: &str, raw: String, format: Format) -> SourceDoc {
    match format {
        Format::Text => parse_text(path, raw),
        Format::Markdown => {
            // (the mask blanks the front matter, which names the page's own address)
            let site = markdown::site_of(raw.strip_prefix('\u{feff}').unwrap_or(&raw));
            let date = front_matter_date(&raw);
            let mut doc = parse_masked(path, raw, parse_markdown);
            doc.site = site;
            doc.date = date;
            doc
        }
        Format::Html => parse_masked(path, raw, parse_html),
    }
}

/// `raw` parsed by `parse` with its template markup and front matter blanked out
/// ([`template::mask`], same length, so every offset is an offset of `raw`), and `raw` kept as
/// the original.
fn parse_masked(path: &str, raw: String, parse: fn(&str, String) -> SourceDoc) -> SourceDoc {
    let masked = template::mask(&raw);
    if masked == raw {
        return parse(path, raw);
    }
    let mut doc = parse(path, masked);
    doc.raw = raw;
    doc
}

/// Builds the `text`, offset map and blocks of a [`SourceDoc`] for the structured readers
/// (Markdown, HTML): prose is pushed piece by piece, each piece with the raw bytes it came from;
/// blocks are trimmed of white space and joined by `"\n\n"` (not covered by any piece).
#[derive(Debug, Default)]
struct DocBuilder {
    text: String,
    pieces: Vec<Piece>,
    blocks: Vec<Block>,
    /// The block being built: where its separator starts, where its text starts, its kind.
    open: Option<(usize, usize, BlockKind)>,
    /// The links found, and the ones open (where their text starts, their URL), innermost last.
    links: Vec<Link>,
    open_links: Vec<(usize, String)>,
    /// The inline code left out of `text`, and how many of the last ones came before any text
    /// of their block (placed at the block's start when it opens).
    inline_code: Vec<InlineCode>,
    pending_code: usize,
}

impl DocBuilder {
    /// Append `s`, which is `raw[raw_start..raw_start + s.len()]` byte for byte.
    fn push_linear(&mut self, s: &str, raw_start: usize, kind: BlockKind) {
        let (s, raw_start) = if self.open.is_none() {
            let t = s.trim_start();
            (t, raw_start + (s.len() - t.len()))
        } else {
            (s, raw_start)
        };
        self.push(s, raw_start, s.len(), kind);
    }

    /// Append `s`, which stands for `raw[raw_start..raw_start + raw_len]` as a whole (an
    /// entity, an escape, a line break).
    fn push_atomic(&mut self, s: &str, raw_start: usize, raw_len: usize, kind: BlockKind) {
        // At the start of a block, leading white space goes; what is left still stands for the
        // whole raw range.
        let s = if self.open.is_none() {
            s.trim_start()
        } else {
            s
        };
        self.push(s, raw_start, raw_len, kind);
    }

    fn push(&mut self, s: &str, raw_start: usize, raw_len: usize, kind: BlockKind) {
        if s.is_empty() {
            return;
        }
        if self.open.is_none() {
            let sep = self.text.len();
            if sep > 0 {
                self.text.push_str("\n\n");
            }
            self.open = Some((sep, self.text.len(), kind));
            let n = self.inline_code.len();
            for c in &mut self.inline_code[n - self.pending_code..] {
                c.at = self.text.len();
            }
            self.pending_code = 0;
        }
        let text_start = self.text.len();
        self.text.push_str(s);
        let linear = s.len() == raw_len;
        if let Some(last) = self.pieces.last_mut()
            && linear
            && last.text_len == last.raw_len
            && last.text_start + last.text_len == text_start
            && last.raw_start + last.raw_len == raw_start
        {
            last.text_len += s.len();
            last.raw_len += raw_len;
            return;
        }
        self.pieces.push(Piece {
            text_start,
            text_len: s.len(),
            raw_start,
            raw_len,
        });
    }

    /// Inline code at `raw` (its text `text`) stood here, left out of `text`; `space_after`
    /// when white space follows it in `raw`.
    fn inline_code(&mut self, raw: Span, text: String, space_after: bool) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        if self.open.is_none() {
            self.pending_code += 1;
        }
        self.inline_code.push(InlineCode {
            at: self.text.len(),
            raw,
            text,
            space_after,
        });
    }

    /// Whether white space follows the last inline code in `raw` (known after it ends).
    fn code_space_after(&mut self, yes: bool) {
        if let Some(c) = self.inline_code.last_mut() {
            c.space_after = yes;
        }
    }

    /// A link starts here (its anchor text is what is pushed until [`DocBuilder::end_link`]).
    fn start_link(&mut self, url: &str) {
        self.open_links.push((self.text.len(), url.to_string()));
    }

    /// The innermost open link ends here; it is kept when its anchor has text.
    fn end_link(&mut self) {
        let Some((start, url)) = self.open_links.pop() else {
            return;
        };
        let start = start.min(self.text.len());
        let span = Span::new(start, self.text.len()).trim(&self.text);
        if !span.is_empty() {
            self.links.push(Link { span, url });
        }
    }

    /// True when nothing has been pushed into the current block, or its text ends with white
    /// space (for collapsing runs of white space).
    fn at_space(&self) -> bool {
        self.open.is_none() || self.text.ends_with([' ', '\n', '\t'])
    }

    /// Close the current block: trim its trailing white space and record it, or drop it (and
    /// its separator) when nothing is left.
    fn end_block(&mut self) {
        let Some((sep, start, kind)) = self.open.take() else {
            return;
        };
        loop {
            let keep = start + self.text[start..].trim_end().len();
            if keep == self.text.len() {
                break;
            }
            while self.pieces.last().is_some_and(|p| p.text_start >= keep) {
                self.pieces.pop();
            }
            let mut cut_to = keep;
            if let Some(p) = self.pieces.last_mut() {
                let end = p.text_start + p.text_len;
                if end > keep {
                    if p.text_len == p.raw_len {
                        p.text_len -= end - keep;
                        p.raw_len -= end - keep;
                    } else {
                        // An atomic piece cannot be split: drop it whole and trim again.
                        cut_to = p.text_start;
                        self.pieces.pop();
                    }
                }
            }
            self.text.truncate(cut_to);
            if cut_to == keep {
                break;
            }
        }
        if self.text.len() == start {
            self.text.truncate(sep);
        } else {
            self.blocks.push(Block {
                span: Span::new(start, self.text.len()),
                kind,
            });
        }
    }

    /// The finished document.
    fn finish(mut self, path: &str, format: Format, raw: String) -> SourceDoc {
        self.end_block();
        while !self.open_links.is_empty() {
            self.end_link();
        }
        // (a link whose text a block's trimming cut is gone with it)
        let len = self.text.len();
        self.links.retain(|l| l.span.end <= len);
        self.links.sort_by_key(|l| (l.span.start, l.span.end));
        for c in &mut self.inline_code {
            c.at = c.at.min(len);
        }
        SourceDoc {
            path: path.to_string(),
            format,
            raw,
            text: self.text,
            map: OffsetMap::from_pieces(self.pieces),
            blocks: self.blocks,
            links: self.links,
            site: None,
            date: None,
            inline_code: self.inline_code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_shifts() {
        let m = OffsetMap::shifted(3);
        assert_eq!(m.span_to_raw(Span::new(0, 4)), Span::new(3, 7));
    }

    #[test]
    fn pieces_map_linear_and_atomic() {
        // raw: "a&amp;b" -> text "a&b"
        let m = OffsetMap::from_pieces(vec![
            Piece {
                text_start: 0,
                text_len: 1,
                raw_start: 0,
                raw_len: 1,
            },
            Piece {
                text_start: 1,
                text_len: 1,
                raw_start: 1,
                raw_len: 5,
            },
            Piece {
                text_start: 2,
                text_len: 1,
                raw_start: 6,
                raw_len: 1,
            },
        ]);
        assert_eq!(m.span_to_raw(Span::new(0, 3)), Span::new(0, 7));
        assert_eq!(m.span_to_raw(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.span_to_raw(Span::new(2, 3)), Span::new(6, 7));
    }

    /// The prose of the span of `text`'s first `from ... to` (both included).
    fn prose_between<'a>(d: &'a SourceDoc, from: &str, to: &str) -> std::borrow::Cow<'a, str> {
        let s = d.text.find(from).expect("from in text");
        let e = s + d.text[s..].find(to).expect("to in text") + to.len();
        d.prose(Span::new(s, e))
    }

    #[test]
    fn prose_is_what_a_reader_sees() {
        let md = parse(
            "t.md",
            concat!(
                "An *NPO Mash* employee [exposed](https://x.example) it,\n",
                "said NPO Mash&rsquo;s `nmap` log, and `ls`.\n\n",
                "Next block `x` here.\n"
            )
            .to_string(),
            Format::Markdown,
        );
        let want = "An NPO Mash employee exposed it, said NPO Mash\u{2019}s nmap log, and ls.";
        assert_eq!(
            prose_between(&md, "An", "and"),
            want.trim_end_matches(" ls.")
        );
        assert_eq!(prose_between(&md, "An", "and ."), want);
        // across blocks: the separator reads as a space
        assert_eq!(
            prose_between(&md, "and", "here."),
            "and ls. Next block x here."
        );
        // a span that stops before the code does not show it
        assert_eq!(prose_between(&md, "Next", "block"), "Next block");
        let html = parse(
            "t.html",
            concat!(
                "<p>An <em>NPO Mash</em> employee <a href=\"https://x.example\">exposed</a> it,\n",
                "  said NPO Mash&rsquo;s <code>nmap</code> log, and <kbd>ls</kbd>.</p>",
                "<p>Next block <code>x</code>here.</p>"
            )
            .to_string(),
            Format::Html,
        );
        assert_eq!(prose_between(&html, "An", "and ."), want);
        assert_eq!(
            prose_between(&html, "and", "here."),
            "and ls. Next block xhere."
        );
        // spans still point at the markup
        let at = md.text.find("NPO Mash\u{2019}s").unwrap();
        let raw = md
            .map
            .span_to_raw(Span::new(at, at + "NPO Mash\u{2019}s".len()));
        assert_eq!(raw.slice(&md.raw), "NPO Mash&rsquo;s");
        // plain text: the bytes as written, line breaks and all
        let txt = parse("t.txt", "One *two*\nthree.\n".to_string(), Format::Text);
        assert_eq!(prose_between(&txt, "One", "three."), "One *two*\nthree.");
    }

    /// On random Markdown and HTML, the prose of any span is the analysed text plus what it
    /// puts back (a space for a block break, inline code, which may stand inside a word of the
    /// text): never a panic, never text lost.
    #[test]
    fn prose_of_random_markup_keeps_the_text() {
        let alphabet = [
            "word ",
            "*",
            "_",
            "`",
            "`co de`",
            "[a](u)",
            "&rsquo;",
            "&amp;",
            "\n",
            "\n\n",
            "<code>x</code>",
            "<p>",
            "</p>",
            "<em>",
            "</em>",
            " ",
            "\u{e9}",
            "# ",
            "- ",
            "<br>",
            "<kbd>k&lt;</kbd>",
            "  \n",
        ];
        for (k, raw) in
            crate::testutil::random_texts(&alphabet, 0x51_7cc1_b727_220a, 400, 60).enumerate()
        {
            let format = if k % 2 == 0 {
                Format::Markdown
            } else {
                Format::Html
            };
            let d = parse("t", raw.clone(), format);
            let bounds: Vec<usize> = (0..=d.text.len())
                .filter(|&i| d.text.is_char_boundary(i))
                .collect();
            for (a, &s) in bounds.iter().enumerate().step_by(3) {
                for &e in bounds[a..].iter().step_by(2) {
                    let p = d.prose(Span::new(s, e));
                    // the text's characters (but white space), in order, are all there
                    let mut rest = p.chars().filter(|c| !c.is_whitespace());
                    for c in d.text[s..e].chars().filter(|c| !c.is_whitespace()) {
                        assert!(
                            rest.any(|r| r == c),
                            "{raw:?} [{s}, {e}): {c:?} lost in {p:?}"
                        );
                    }
                    assert!(!p.contains("\n\n"), "{raw:?} [{s}, {e}): {p:?}");
                }
            }
        }
    }

    #[test]
    fn utf8_error_names_offset_and_line() {
        let err = decode_utf8("x.txt", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt:2: not valid UTF-8 (first bad byte at offset 7); convert the file to UTF-8"
        );
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let err = decode_utf8("w.txt", b"\xff\xfeH\0i\0".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "w.txt:1: UTF-16LE (byte order mark) is not supported; convert the file to UTF-8"
        );
        let err = decode_utf8("w.txt", b"\xfe\xff\0H".to_vec()).unwrap_err();
        assert!(err.to_string().contains("UTF-16BE"), "{err}");
        let err = decode_utf8("w.txt", b"\xff\xfe\0\0H\0\0\0".to_vec()).unwrap_err();
        assert!(err.to_string().contains("UTF-32LE"), "{err}");
        assert!(decode_utf8("w.txt", "\u{feff}ok".into()).is_ok());
    }
}
