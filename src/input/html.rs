//! HTML input: the prose of a web page, tokenized with `html5gum` (no tree is built, so any
//! nesting depth and any malformed markup is fine).
//!
//! Which text: the content of the `<article>` elements when there are any with text, else of
//! `<main>`, else of the whole document; never the content of `head`, `title`, `script`,
//! `style`, `noscript`, `template`, `nav`, `header`, `footer`, `aside`, `form`, `svg` (and a few
//! more non-prose elements, see [`is_skipped`]), of elements with a `hidden` attribute, nor
//! comments.
//!
//! Blocks: block elements (`p`, `h1`-`h6`, `li`, `blockquote`, `div`, `td`, `br`, ...) end the
//! current block; inline elements (`a`, `em`, `span`, ...) do not. A block's kind comes from its
//! nearest classifying ancestor: `h1`-`h6` give [`BlockKind::Heading`], `li`
//! [`BlockKind::ListItem`], table cells, captions and definition lists [`BlockKind::Other`].
//!
//! Text: runs of white space become one space (except inside `pre`) and map to the whole run;
//! character references are decoded, each mapping to its raw `&...;`; other text maps byte for
//! byte.
//!
//! Inline code (`code`, `kbd`, `samp` in prose) is not analysed, but kept beside the text for
//! the reports ([`super::InlineCode`]).
//!
//! Links: each `<a href>` of the text read, with its URL and the span of its anchor text
//! ([`super::Link`]); the page's own host from `<link rel="canonical">`, `og:url` or `<base>`.

use super::{BlockKind, DocBuilder, Format, SourceDoc};
use crate::span::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::collections::HashMap;

/// Parse HTML: the article's text (or the body's), without scripts, navigation and other page
/// furniture; entities decoded; offsets map back to the raw markup.
pub fn parse_html(path: &str, raw: String) -> SourceDoc {
    let (events, site, date) = tokenize(&raw);
    let mut entities = Entities::default();
    let has = |tag: &str| {
        events
            .iter()
            .any(|e| matches!(e, Ev::Start { name, .. } if name == tag))
    };
    let mut doc = None;
    for (scope, present) in [
        (Scope::Article, has("article")),
        (Scope::Main, has("main")),
        (Scope::Body, true),
    ] {
        if !present {
            continue;
        }
        let mut b = walk(&raw, &events, scope, &mut entities);
        b.end_block();
        if !b.blocks.is_empty() || scope == Scope::Body {
            doc = Some(b);
            break;
        }
    }
    let mut doc = doc.unwrap_or_default().finish(path, Format::Html, raw);
    doc.site = site;
    doc.date = date;
    doc
}

/// One token of the markup, as far as the text extraction needs it.
#[derive(Debug)]
enum Ev {
    /// A start tag (lower-case name).
    Start {
        name: String,
        self_closing: bool,
        hidden: bool,
        /// The `href` of an `a` element.
        href: Option<String>,
    },
    /// An end tag (lower-case name).
    End { name: String },
    /// Character data at `raw[start..end]`, entities not yet decoded.
    Text { start: usize, end: usize },
}

/// The tokens of `raw` (comments, doctypes and parse errors dropped); the host of the page's
/// own address: its `<link rel="canonical">`, else its `og:url`, else its `<base href>`; and its
/// date, from `<meta property="article:published_time">` (or `name="date"`), when it starts
/// `YYYY-MM`.
fn tokenize(raw: &str) -> (Vec<Ev>, Option<String>, Option<String>) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style, textarea, title... are raw text: `<` inside them is not a tag.
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    // the page's own address, by preference: canonical, og:url, base
    let mut site: [Option<String>; 3] = [None, None, None];
    let mut date: Option<String> = None;
    for tok in Tokenizer::new_with_emitter(raw, emitter) {
        let Ok(tok) = tok;
        match tok {
            Token::StartTag(t) => {
                let attr = |k: &str| {
                    t.attributes
                        .get(k.as_bytes())
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                };
                let name = String::from_utf8_lossy(&t.name).into_owned();
                let own = match name.as_str() {
                    "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        Some((0, attr("href")))
                    }
                    "meta" if attr("property").as_deref() == Some("og:url") => {
                        Some((1, attr("content")))
                    }
                    "base" => Some((2, attr("href"))),
                    _ => None,
                };
                if let Some((i, Some(url))) = own
                    && site[i].is_none()
                {
                    site[i] = super::url_host(&url);
                }
                if name == "meta"
                    && date.is_none()
                    && (attr("property").as_deref() == Some("article:published_time")
                        || attr("name").is_some_and(|n| n.eq_ignore_ascii_case("date")))
                {
                    date = attr("content")
                        .map(|d| d.trim().to_string())
                        .filter(|d| super::valid_month(d));
                }
                out.push(Ev::Start {
                    href: if name == "a" { attr("href") } else { None },
                    name,
                    self_closing: t.self_closing,
                    hidden: t.attributes.contains_key(b"hidden".as_slice()),
                })
            }
            Token::EndTag(t) => out.push(Ev::End {
                name: String::from_utf8_lossy(&t.name).into_owned(),
            }),
            Token::String(s) => {
                let (mut start, end) = (s.span.start, s.span.end);
                if start == 0 && raw.starts_with('\u{feff}') {
                    start = 3;
                }
                if start < end && end <= raw.len() && raw.get(start..end).is_some() {
                    out.push(Ev::Text { start, end });
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    let [a, b, c] = site;
    (out, a.or(b).or(c), date)
}

/// Which part of the page is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Only the content of `<article>` elements.
    Article,
    /// Only the content of `<main>` elements.
    Main,
    /// Everything.
    Body,
}

impl Scope {
    fn is_root(self, name: &str) -> bool {
        match self {
            Scope::Article => name == "article",
            Scope::Main => name == "main",
            Scope::Body => false,
        }
    }
}

/// An open element, with what it means for the text inside it (inherited from its parent).
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// Inside an element whose content is not prose.
    skip: bool,
    /// Inside the part of the page that is read.
    in_scope: bool,
    /// Inside `pre`: white space is kept.
    pre: bool,
    /// The kind of a block starting here.
    kind: BlockKind,
}

/// Walk the events, pushing the text of `scope` into a new builder. Iterative: the open
/// elements are a stack, so the nesting depth costs memory, never call depth.
fn walk(raw: &str, events: &[Ev], scope: Scope, entities: &mut Entities) -> DocBuilder {
    let mut b = DocBuilder::default();
    let root = Ctx {
        skip: false,
        in_scope: scope == Scope::Body,
        pre: false,
        kind: BlockKind::Paragraph,
    };
    // Open elements and their contexts, innermost last; how many of each name are open.
    let mut stack: Vec<(&str, Ctx)> = Vec::new();
    let mut open: HashMap<&str, usize> = HashMap::new();
    // the depth of the stack at each open link (`a href`), innermost last
    let mut links: Vec<usize> = Vec::new();
    // inline code being read (the stack depth of its element, its raw bytes, its text), and
    // whether the code just closed waits to learn if white space follows it
    let mut code: Option<(usize, Option<Span>, String)> = None;
    let mut code_ended = false;
    for ev in events {
        let mut top = stack.last().map_or(root, |f| f.1);
        if code_ended && !matches!(ev, Ev::End { .. }) {
            code_ended = false;
            let space = matches!(ev, Ev::Text { start, .. }
                if raw[*start..].starts_with(|c: char| c.is_ascii_whitespace()));
            b.code_space_after(space);
        }
        match ev {
            Ev::Start {
                name,
                self_closing,
                hidden,
                href,
            } => {
                let name = name.as_str();
                if name == "body" && open.get("head").is_some_and(|&n| n > 0) {
                    // `<head>` left open: the body starts here anyway.
                    close(&mut stack, &mut open, "head");
                    top = stack.last().map_or(root, |f| f.1);
                }
                if is_block(name) && !top.skip {
                    b.end_block();
                }
                if is_void(name) || *self_closing {
                    continue;
                }
                let ctx = Ctx {
                    skip: top.skip || is_skipped(name) || *hidden,
                    in_scope: top.in_scope || scope.is_root(name),
                    pre: top.pre || name == "pre",
                    kind: own_kind(name).unwrap_or(top.kind),
                };
                if code.is_none()
                    && !top.skip
                    && top.in_scope
                    && matches!(name, "code" | "kbd" | "samp")
                {
                    code = Some((stack.len(), None, String::new()));
                }
                *open.entry(name).or_default() += 1;
                if let Some(url) = href
                    && !ctx.skip
                    && ctx.in_scope
                {
                    links.push(stack.len());
                    b.start_link(url);
                }
                stack.push((name, ctx));
            }
            Ev::End { name } => {
                let name = name.as_str();
                if open.get(name).is_some_and(|&n| n > 0) {
                    close(&mut stack, &mut open, name);
                    if code.as_ref().is_some_and(|c| c.0 >= stack.len()) {
                        let (_, at, text) = code.take().expect("checked");
                        if let Some(at) = at {
                            b.inline_code(at, text, false);
                            code_ended = true;
                        }
                    }
                    while links.last().is_some_and(|&d| d >= stack.len()) {
                        links.pop();
                        b.end_link();
                    }
                    let after = stack.last().map_or(root, |f| f.1);
                    if is_block(name) && !after.skip {
                        b.end_block();
                    }
                } else if is_block(name) && !top.skip {
                    // A stray `</p>` or `</br>`: a break, as browsers make of them.
                    b.end_block();
                }
            }
            Ev::Text { start, end } => {
                if let Some((_, at, text)) = &mut code {
                    let mut i = *start;
                    while i < *end {
                        let entity = (raw.as_bytes()[i] == b'&')
                            .then(|| entities.decode(&raw[i..*end]))
                            .flatten();
                        match entity {
                            Some((len, t)) => {
                                text.push_str(&t);
                                i += len;
                            }
                            None => {
                                let j = raw[i + 1..*end].find('&').map_or(*end, |k| i + 1 + k);
                                text.push_str(&raw[i..j]);
                                i = j;
                            }
                        }
                    }
                    let s = at.map_or(*start, |a| a.start);
                    *at = Some(Span::new(s, *end));
                }
                if !top.skip && top.in_scope {
                    push_text(&mut b, raw, *start, *end, top, entities);
                }
            }
        }
    }
    b
}

/// Pop open elements up to and including the innermost `name` (which must be open).
fn close<'a>(stack: &mut Vec<(&'a str, Ctx)>, open: &mut HashMap<&'a str, usize>, name: &str) {
    while let Some((n, _)) = stack.pop() {
        if let Some(c) = open.get_mut(n) {
            *c = c.saturating_sub(1);
        }
        if n == name {
            break;
        }
    }
}

/// Push the character data `raw[start..end]`: white space collapsed (outside `pre`), entities
/// decoded, each piece mapped to its raw bytes.
fn push_text(
    b: &mut DocBuilder,
    raw: &str,
    start: usize,
    end: usize,
    ctx: Ctx,
    entities: &mut Entities,
) {
    let bytes = raw.as_bytes();
    let kind = ctx.kind;
    let is_ws = |c: u8| !ctx.pre && matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = start;
    while i < end {
        let c = bytes[i];
        if is_ws(c) {
            let mut j = i + 1;
            while j < end && is_ws(bytes[j]) {
                j += 1;
            }
            if !b.at_space() {
                b.push_atomic(" ", i, j - i, kind);
            }
            i = j;
            continue;
        }
        if c == b'&'
            && let Some((len, text)) = entities.decode(&raw[i..end])
        {
            b.push_atomic(&text, i, len, kind);
            i += len;
            continue;
        }
        // A literal run, up to the next entity or white space (both ASCII: char boundaries).
        let mut j = i + 1;
        while j < end && bytes[j] != b'&' && !is_ws(bytes[j]) {
            j += 1;
        }
        b.push_linear(&raw[i..j], i, kind);
        i = j;
    }
}

/// Decodes character references with html5gum's own tables, remembering the answers.
#[derive(Debug, Default)]
struct Entities {
    cache: HashMap<String, Option<String>>,
}

impl Entities {
    /// If `s` (which starts with `&`) starts with a character reference, its raw length and its
    /// decoded text. A named reference is read as far as the name goes (at most 48 characters,
    /// more than the longest name) and its `;`; html5gum then decodes it as a browser would
    /// (`&amp` without `;`, `&#8220;`, `&#x201C;`, `&#128;` as `€`). `&` that starts no
    /// reference (`AT&T`, `&bogus;`) is None: literal text.
    fn decode(&mut self, s: &str) -> Option<(usize, String)> {
        let b = s.as_bytes();
        let mut j = 1;
        if b.get(1) == Some(&b'#') {
            let hex = matches!(b.get(2), Some(b'x' | b'X'));
            j = if hex { 3 } else { 2 };
            let digits = j;
            while j < b.len()
                && (if hex {
                    b[j].is_ascii_hexdigit()
                } else {
                    b[j].is_ascii_digit()
                })
            {
                j += 1;
            }
            if j == digits {
                return None;
            }
        } else {
            while j < b.len() && j < 48 && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            if j == 1 {
                return None;
            }
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        let cand = &s[..j];
        let decoded = match self.cache.get(cand) {
            Some(d) => d.clone(),
            None => {
                let d = decode_reference(cand);
                if cand.len() <= 64 {
                    self.cache.insert(cand.to_string(), d.clone());
                }
                d
            }
        };
        decoded.map(|d| (j, d))
    }
}

/// The decoded text of `cand` (a reference and nothing else), or None when it decodes to itself.
fn decode_reference(cand: &str) -> Option<String> {
    let mut out = Vec::new();
    for tok in Tokenizer::new(cand) {
        let Ok(tok) = tok;
        if let Token::String(s) = tok {
            out.extend_from_slice(&s.value);
        }
    }
    let out = String::from_utf8(out).ok()?;
    (out != cand && !out.is_empty()).then_some(out)
}

/// Elements whose content is not prose of the article.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "svg"
            | "math"
            // code and computer text: never prose (and a quote mark in it never a quotation)
            | "pre"
            | "code"
            | "kbd"
            | "samp"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "button"
            | "textarea"
            | "dialog"
            | "xmp"
            | "noembed"
            | "noframes"
    )
}

/// Elements that end the current block where they start and end.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements that have no content and no end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The block kind an element gives the text inside it, if it decides one.
fn own_kind(name: &str) -> Option<BlockKind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
        "li" => Some(BlockKind::ListItem),
        "td" | "th" | "caption" | "figcaption" | "dd" | "dt" | "summary" => Some(BlockKind::Other),
        "blockquote" => Some(BlockKind::Paragraph),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn html(s: &str) -> SourceDoc {
        parse_html("t.html", s.to_string())
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
    fn links_keep_their_url_and_anchor_span() {
        let d = html(concat!(
            "<html><head><link rel=\"canonical\" href=\"https://www.paper.example/a\">",
            "<meta property=\"og:url\" content=\"https://other.example/\"></head><body>",
            "<nav><a href=\"https://nav.example/\">Home</a></nav>",
            "<p>Per <a href=\"https://www.reuters.com/x?a=1&amp;b=2\"> a <em>Reuters</em>\n",
            "report</a>, and <a href=\"/about\">us</a> <a name=\"x\">anchor</a>",
            "<p><a href=\"https://open.example/\">never closed",
            "</body></html>",
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
                    "a <em>Reuters</em>\nreport",
                    "https://www.reuters.com/x?a=1&b=2"
                ),
                ("us", "us", "/about"),
                ("never closed", "never closed", "https://open.example/"),
            ]
        );
        assert_eq!(d.site.as_deref(), Some("paper.example"));
        let d = html("<base href=\"http://base.example/\"><p>x</p>");
        assert_eq!(d.site.as_deref(), Some("base.example"));
        assert_eq!(d.date, None);
        let d = html(concat!(
            "<meta name=\"date\" content=\"soon\">",
            "<meta property=\"article:published_time\" content=\" 2024-05-02T09:00:00Z\">",
            "<p>x</p>"
        ));
        assert_eq!(d.date.as_deref(), Some("2024-05-02T09:00:00Z"));
    }

    #[test]
    fn page_furniture_is_removed() {
        let d = html(concat!(
            "<!DOCTYPE html><html><head><title>Secret title</title>",
            "<style>p { color: red }</style><script>var secret = '<p>x</p>';</script></head>",
            "<body><header>Site secret</header><nav><a href=/>Home secret</a></nav>",
            "<p>The story.</p><!-- secret comment --><aside>Related secret</aside>",
            "<form><label>Search secret</label><input></form>",
            "<noscript>Enable secret</noscript><template><p>t secret</p></template>",
            "<svg><title>icon secret</title><text>svg secret</text></svg>",
            "<p hidden>hidden secret</p>",
            "<footer>(c) secret</footer></body></html>",
        ));
        assert_eq!(d.text, "The story.");
        assert_eq!(d.format, Format::Html);
        assert_eq!(raw_of(&d, "story"), "story");
    }

    #[test]
    fn article_is_preferred_then_main() {
        let d = html(
            "<body><p>Teaser secret</p><main><p>Main secret</p><article><h1>Title</h1><p>Story.</p></article></main></body>",
        );
        assert_eq!(
            blocks(&d),
            [
                ("Title", BlockKind::Heading),
                ("Story.", BlockKind::Paragraph)
            ]
        );
        let d = html("<body><p>Teaser secret</p><main><p>Main text.</p></main></body>");
        assert_eq!(d.text, "Main text.");
        // An article with no readable text (here inside an aside) does not win.
        let d = html("<main><p>Main text.</p></main><aside><article>Card</article></aside>");
        assert_eq!(d.text, "Main text.");
    }

    #[test]
    fn blocks_and_kinds() {
        let d = html(concat!(
            "<h2>Sub <em>head</em></h2><p>One <a href='x'>linked</a> <strong>word</strong>.</p>",
            "<ul><li>Item one</li><li>Item <b>two</b></ul>",
            "<blockquote><p>Quoted.</p></blockquote>",
            "<table><tr><td>Cell</td><th>Head cell</th></tr></table>",
            "<div>Line one<br>Line two</div><li><p>In item</p></li>",
        ));
        assert_eq!(
            blocks(&d),
            [
                ("Sub head", BlockKind::Heading),
                ("One linked word.", BlockKind::Paragraph),
                ("Item one", BlockKind::ListItem),
                ("Item two", BlockKind::ListItem),
                ("Quoted.", BlockKind::Paragraph),
                ("Cell", BlockKind::Other),
                ("Head cell", BlockKind::Other),
                ("Line one", BlockKind::Paragraph),
                ("Line two", BlockKind::Paragraph),
                ("In item", BlockKind::ListItem),
            ]
        );
        assert!(!d.text.contains('<'));
    }

    #[test]
    fn entities_are_decoded_and_map_to_their_raw_bytes() {
        let d = html("<p>AT&amp;T&rsquo;s &#8220;deal&#x201D;&nbsp;is &notit; &bogus; off</p>");
        assert_eq!(
            d.text,
            "AT&T\u{2019}s \u{201c}deal\u{201d}\u{a0}is \u{ac}it; &bogus; off"
        );
        assert_eq!(raw_of(&d, "&"), "&amp;");
        assert_eq!(raw_of(&d, "T\u{2019}s"), "T&rsquo;s");
        assert_eq!(raw_of(&d, "\u{201c}"), "&#8220;");
        assert_eq!(raw_of(&d, "deal"), "deal");
        assert_eq!(raw_of(&d, "\u{201d}"), "&#x201D;");
        assert_eq!(raw_of(&d, "\u{a0}"), "&nbsp;");
        assert_eq!(raw_of(&d, "is"), "is");
        assert_eq!(raw_of(&d, "&bogus;"), "&bogus;");
        assert_eq!(raw_of(&d, "off"), "off");
    }

    #[test]
    fn white_space_is_collapsed_and_maps_to_the_run() {
        let d = html("<p>\n   Jane   Roe,\r\n  <em>a</em>\n researcher  </p>");
        assert_eq!(d.text, "Jane Roe, a researcher");
        assert_eq!(raw_of(&d, "Roe, a"), "Roe,\r\n  <em>a");
        assert_eq!(raw_of(&d, "Jane"), "Jane");
        assert_eq!(raw_of(&d, "researcher"), "researcher");
        // preformatted text is code or computer output: not prose at all (issue 14)
        let d = html(
            "<p>Before.</p><pre>x = \"a,\" she said\n  y</pre><p>After <code>\"q\"</code> \
                      and <kbd>Ctrl</kbd> <samp>ok</samp>.</p>",
        );
        assert_eq!(d.text, "Before.\n\nAfter and .");
    }

    #[test]
    fn every_piece_maps_text_to_equal_raw_bytes() {
        let d = html("<p>A <i>b</i> &amp; c\n d</p><h1>e</h1>");
        for p in d.map.pieces() {
            let text = &d.text[p.text_start..p.text_start + p.text_len];
            let raw = &d.raw[p.raw_start..p.raw_start + p.raw_len];
            if p.text_len == p.raw_len && text != " " {
                assert_eq!(text, raw);
            }
        }
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let n = 20_000;
        let s = "<div>".repeat(n) + "deep text" + &"</div>".repeat(n);
        assert_eq!(html(&s).text, "deep text");
        let s = "<span><b>".repeat(n) + "x";
        assert_eq!(html(&s).text, "x");
        let s = "<div>a".repeat(n);
        assert_eq!(html(&s).blocks.len(), n);
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for s in [
            "",
            "<",
            "&",
            "&#",
            "&#x;",
            "&#99999999999999999999;",
            "</p></p>text</div>",
            "<p>unclosed <b>bold <i>both",
            "<head><title>t</title><body><p>Body text.",
            "<script>never closed",
            "<!-- never closed",
            "<p class=\"x>broken attr</p>",
            "<nav>unclosed nav<p>lost",
            "\u{feff}<p>bom</p>",
            "<p>caf\u{e9} \u{1f600}&amp;</p>",
        ] {
            let d = html(s);
            for b in &d.blocks {
                let r = d.map.span_to_raw(b.span);
                assert!(r.end <= d.raw.len());
                assert!(d.raw.is_char_boundary(r.start) && d.raw.is_char_boundary(r.end));
            }
        }
        assert_eq!(
            html("<head><title>t</title><body><p>Body text.").text,
            "Body text."
        );
        assert_eq!(html("</p></p>text</div>").text, "text");
        assert_eq!(html("<p>one<p>two").text, "one\n\ntwo");
        assert_eq!(html("\u{feff}<p>bom</p>").text, "bom");
    }

    #[test]
    fn fixture_article() {
        let raw = include_str!("../../fixtures/input/article.html");
        let d = parse_html("article.html", raw.to_string());
        for secret in [
            "Subscribe",
            "Home",
            "cookie",
            "gtag",
            "Related",
            "Copyright",
        ] {
            assert!(!d.text.contains(secret), "{secret} in {}", d.text);
        }
        assert_eq!(d.blocks[0].kind, BlockKind::Heading);
        let quote = "\u{201c}We found the breach,\u{201d} Jane Roe, a researcher at Acme, said.";
        assert!(d.text.contains(quote), "{}", d.text);
        assert_eq!(
            raw_of(&d, quote),
            "&ldquo;We found the breach,&rdquo; <strong>Jane Roe</strong>, a researcher at\n        <a href=\"https://acme.example\">Acme</a>, said."
        );
        assert!(d.blocks.iter().any(|b| b.kind == BlockKind::ListItem));
        assert!(d.text.contains("names & e-mail addresses"));
        for b in &d.blocks {
            let s = b.span.slice(&d.text);
            assert_eq!(s, s.trim());
            assert!(!s.is_empty());
        }
    }
}
