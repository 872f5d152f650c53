//! `--format html`: the page of the seed article and of hostile articles, read as markup
//! (html5gum) and as a browser builds it (headless Chromium's `--dump-dom`), with Chromium's
//! network log to show that no request leaves the page.
//!
//! Chromium is found and run by `common::chromium`: without it the browser tests say so loudly
//! on standard error and are skipped, unless `WHOSAID_REQUIRE_CHROMIUM` is set.

mod common;

use common::chromium::run_chromium;
use common::whosaid;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Elements the page is made of; nothing else may appear in it.
const PAGE_ELEMENTS: &[&str] = &[
    "a", "aside", "b", "body", "br", "code", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4",
    "head", "header", "html", "i", "li", "meta", "nav", "ol", "p", "pre", "script", "section",
    "span", "style", "table", "tbody", "td", "th", "thead", "title", "tr", "ul",
];

/// Attributes the page uses; nothing else may appear in it.
const PAGE_ATTRIBUTES: &[&str] = &[
    "charset",
    "class",
    "content",
    "data-s",
    "data-script",
    "href",
    "http-equiv",
    "id",
    "lang",
    "name",
    "title",
];

/// A tag of a page: its name and attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of `html` and the text of every `<script>` and `<style>`, and all text.
struct Page {
    tags: Vec<Tag>,
    scripts: Vec<String>,
    styles: Vec<String>,
    text: String,
}

fn parse(html: &str) -> Page {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::<()>::default();
    emitter.naively_switch_states(true);
    let mut page = Page {
        tags: Vec::new(),
        scripts: Vec::new(),
        styles: Vec::new(),
        text: String::new(),
    };
    let mut open: Option<String> = None;
    for tok in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(tok) = tok;
        match tok {
            Token::StartTag(t) => {
                let name = String::from_utf8_lossy(&t.name).into_owned();
                let attrs = (t.attributes.iter())
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect();
                if name == "script" || name == "style" {
                    open = Some(name.clone());
                    if name == "script" {
                        page.scripts.push(String::new());
                    } else {
                        page.styles.push(String::new());
                    }
                }
                page.tags.push(Tag { name, attrs });
            }
            Token::EndTag(_) => open = None,
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                match open.as_deref() {
                    Some("script") => page.scripts.last_mut().unwrap().push_str(&s),
                    Some("style") => page.styles.last_mut().unwrap().push_str(&s),
                    _ => page.text.push_str(&s),
                }
            }
            _ => {}
        }
    }
    page
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                ABC[(n >> (18 - 6 * k) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

fn sha256_source(s: &str) -> String {
    use sha2::Digest;
    format!("'sha256-{}'", base64(&sha2::Sha256::digest(s.as_bytes())))
}

/// The hostile articles' markup is on the page as text (and, by [`assert_page_is_closed`], not
/// as elements).
fn assert_hostile_markup_is_text(page: &Page, what: &str) {
    for markup in [
        "<script>alert('article script')</script>",
        "<img src=x onerror=alert('img')>",
        "javascript:alert('link')",
    ] {
        assert!(
            page.text.contains(markup),
            "{what}: {markup:?} is not in the text"
        );
    }
}

/// Everything a page must be, whatever the article: only the page's own elements and
/// attributes, links only to places in the page, one script and one style, each allowed by its
/// hash in a CSP that allows nothing else.
fn assert_page_is_closed(page: &Page, what: &str) {
    for t in &page.tags {
        assert!(
            PAGE_ELEMENTS.contains(&t.name.as_str()),
            "{what}: element <{}> is not the page's own: {t:?}",
            t.name
        );
        for (k, v) in &t.attrs {
            assert!(
                PAGE_ATTRIBUTES.contains(&k.as_str()),
                "{what}: attribute {k}={v:?} on <{}>",
                t.name
            );
            if k == "href" {
                assert!(v.starts_with('#'), "{what}: link out of the page: {v:?}");
            }
        }
    }
    assert_eq!(page.scripts.len(), 1, "{what}: one script");
    assert_eq!(page.styles.len(), 1, "{what}: one style");
    let csp: Vec<&Tag> = (page.tags.iter())
        .filter(|t| t.attr("http-equiv") == Some("Content-Security-Policy"))
        .collect();
    assert_eq!(csp.len(), 1, "{what}: one CSP meta tag");
    let policy = csp[0].attr("content").unwrap();
    let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
    assert!(directives.contains(&"default-src 'none'"), "{policy}");
    assert!(!policy.contains("unsafe"), "{policy}");
    assert!(
        directives.contains(&format!("script-src {}", sha256_source(&page.scripts[0])).as_str()),
        "{what}: the script's hash is not the one allowed: {policy}"
    );
    assert!(
        directives.contains(&format!("style-src {}", sha256_source(&page.styles[0])).as_str()),
        "{what}: the style's hash is not the one allowed: {policy}"
    );
    // the CSP comes before anything it governs
    let first_meta = page.tags.iter().position(|t| t.name == "meta").unwrap();
    let csp_at = (page.tags.iter())
        .position(|t| t.attr("http-equiv").is_some())
        .unwrap();
    let style_at = page.tags.iter().position(|t| t.name == "style").unwrap();
    assert!(first_meta <= csp_at && csp_at < style_at);
}

/// A hostile article: markup of every kind, event handlers, `javascript:` links, control
/// characters and 10,000 quotation marks.
fn hostile_article() -> String {
    let mut s = String::new();
    s.push_str("<script>alert('article script')</script> The minister said the plan failed.\n\n");
    s.push_str("\"<img src=x onerror=alert('img')>,\" the spokesman told <b onmouseover=alert(1)>reporters</b>.\n\n");
    s.push_str("Read <a href=\"javascript:alert('link')\">more</a> or <iframe src=\"https://example.com/track\"></iframe> \
                <link rel=stylesheet href=\"https://example.com/x.css\"> <svg onload=alert(2)></svg>.\n\n");
    s.push_str("Control characters \u{0}\u{1}\u{2}\u{7}\u{1b}[31mred\u{1b}[0m \u{7f}\u{85} and \u{202e}reversed\u{202c} text, \
                \r a carriage return, said Jane Doe.\n\n");
    s.push_str("</section></div><style>body{display:none}</style><meta http-equiv=refresh content=\"0;url=https://example.com/\"> \
                &lt;script&gt; and \"quoted\u{1}\" d\u{1}-s1 ids, officials said.\n\n");
    for i in 0..10_000 {
        s.push(if i % 3 == 0 { '\u{201c}' } else { '"' });
        if i % 7 == 0 {
            s.push_str(" word");
        }
    }
    s.push_str(" the end.\n");
    s
}

fn write_hostile(dir: &Path) -> (PathBuf, PathBuf) {
    let text = hostile_article();
    let txt = dir.join("<img src=x onerror=alert(9)>.txt");
    std::fs::write(&txt, &text).unwrap();
    let html = dir.join("hostile.html");
    std::fs::write(
        &html,
        format!(
            "<html><body onload=\"alert('body')\"><article><p>{}</p></article></body></html>",
            text.replace("\n\n", "</p><p>")
        ),
    )
    .unwrap();
    (txt, html)
}

fn html_report(args: &[&str]) -> String {
    let out = whosaid(args, None);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn seed_json() -> Value {
    let out = whosaid(
        &[
            "check",
            "fixtures/seed/npo-mash.txt",
            "--registry",
            "fixtures/seed/registry.csv",
            "--format",
            "json",
        ],
        None,
    );
    serde_json::from_slice::<Value>(&out.stdout).unwrap()["documents"][0].clone()
}

fn seed_page() -> String {
    html_report(&[
        "check",
        "fixtures/seed/npo-mash.txt",
        "--registry",
        "fixtures/seed/registry.csv",
        "--format",
        "html",
    ])
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The seed's page has what an editor looks for, matching the JSON report: a row per claim in
/// the who-said-what table, a badge per claim in the margin, a cue per attribution, every
/// source's mentions lit, and its registry row.
fn assert_seed_content(page_html: &str, what: &str) {
    let rep = seed_json();
    let claims = rep["claims"].as_array().unwrap();
    let atts = rep["attributions"].as_array().unwrap();
    let sources = rep["sources"].as_array().unwrap();
    let findings = rep["findings"].as_array().unwrap();
    let page = parse(page_html);
    let with_class = |class: &str| {
        (page.tags.iter())
            .filter(|t| {
                t.attr("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == class))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(with_class("wsw-row").len(), claims.len(), "{what}");
    assert_eq!(with_class("finding").len(), findings.len(), "{what}");
    assert_eq!(with_class("index-row").len(), 1, "{what}");
    assert_eq!(with_class("card").len(), sources.len(), "{what}");
    let badges = with_class("badge")
        .into_iter()
        .filter(|t| t.attr("id").is_some())
        .count();
    assert_eq!(badges, claims.len(), "{what}: a margin badge per claim");
    // a cue per attribution, with its id
    let cue_ids: BTreeSet<&str> = with_class("m-cue")
        .iter()
        .filter_map(|t| t.attr("id"))
        .collect();
    assert_eq!(cue_ids.len(), atts.len(), "{what}");
    // every source mentioned in the text, each mention a highlight with the source's key
    let mention_keys: BTreeSet<&str> = with_class("m-src")
        .iter()
        .filter_map(|t| t.attr("data-s"))
        .collect();
    assert_eq!(mention_keys.len(), sources.len(), "{what}");
    let mentions: usize = sources
        .iter()
        .map(|s| s["mentions"].as_array().unwrap().len())
        .sum();
    assert!(with_class("m-src").len() >= mentions, "{what}");
    assert!(!with_class("m-content").is_empty(), "{what}");
    for s in sources {
        assert!(page.text.contains(s["name"].as_str().unwrap()), "{what}");
    }
    // the registry row of Tom Hegel: role and affiliation (by name)
    assert!(page.text.contains("threat researcher"), "{what}");
    assert!(page.text.contains("SentinelOne"), "{what}");
    // statuses as the model gives them, and the rule explanations embedded
    for c in claims {
        let status = c["status"].as_str().unwrap().replace('_', "-");
        assert!(page.text.contains(&status), "{what}: {status}");
    }
    for f in findings {
        let rule = f["rule"].as_str().unwrap();
        assert!(
            page.tags
                .iter()
                .any(|t| t.attr("id") == Some(&format!("rule-{rule}"))),
            "{what}: explanation of {rule}"
        );
    }
    // findings ranked: severities never rise down the list
    let sev: Vec<&str> = with_class("sev")
        .iter()
        .map(|t| t.attr("class").unwrap().rsplit('-').next().unwrap())
        .collect();
    let rank = |s: &str| ["error", "warning", "info"].iter().position(|x| *x == s);
    assert!(sev.windows(2).all(|w| rank(w[0]) <= rank(w[1])), "{sev:?}");
}

#[test]
fn seed_page_has_highlights_table_and_registry_rows() {
    let page = seed_page();
    assert_page_is_closed(&parse(&page), "seed");
    assert_seed_content(&page, "seed");
}

/// `-o` writes the same page (atomically, through the same writer as the other formats).
#[test]
fn output_file_holds_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let out = whosaid(
        &[
            "check",
            "fixtures/seed/npo-mash.txt",
            "--registry",
            "fixtures/seed/registry.csv",
            "--format",
            "html",
            "-o",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), seed_page());
}

#[test]
fn hostile_articles_give_no_element_from_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let (txt, html) = write_hostile(dir.path());
    let page = html_report(&[
        "check",
        txt.to_str().unwrap(),
        html.to_str().unwrap(),
        "--format",
        "html",
    ]);
    let parsed = parse(&page);
    assert_page_is_closed(&parsed, "hostile");
    assert_hostile_markup_is_text(&parsed, "hostile");
    // the file name too, and control characters are shown, not passed on
    assert!(parsed.text.contains("<img src=x onerror=alert(9)>.txt"));
    assert!(
        parsed
            .text
            .contains("\u{2400}\u{2401}\u{2402}\u{2407}\u{241b}[31mred")
    );
    assert!(!page.contains('\u{0}') && !page.contains('\u{1b}') && !page.contains('\u{202e}'));
    // two documents, two sections, ids numbered apart (an article's own "d\u{1}-s1" stays text)
    assert_eq!(count(&page, "class=\"index-row\""), 2);
    assert_eq!(count(&page, "<section class=\"doc\" id=\"d1\">"), 1);
    assert_eq!(count(&page, "<section class=\"doc\" id=\"d2\">"), 1);
    assert!(parsed.text.contains("d\u{2401}-s1 ids"));
}

// --- in a browser ---

/// Chromium, or `None` (said loudly) when the browser tests cannot run.
fn chromium() -> Option<PathBuf> {
    common::chromium::chromium("the browser tests of the HTML report")
}

/// The URLs of the requests a page made, from Chromium's network log: every
/// `URL_REQUEST_START_JOB` whose initiator is an origin. The browser's own background requests
/// (which `--disable-background-networking` does not stop entirely) have the initiator "not an
/// origin"; a request of a `file://` page has "null".
fn requests_from_pages(netlog: &str) -> Vec<String> {
    let log: Value = serde_json::from_str(netlog.trim_end().trim_end_matches(',')).unwrap_or_else(
        // a log cut short (the browser exiting) lacks its closing brackets
        |_| {
            serde_json::from_str(&format!("{}]}}", netlog.trim_end().trim_end_matches(',')))
                .unwrap()
        },
    );
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .expect("URL_REQUEST_START_JOB in the log's constants");
    let mut out = Vec::new();
    for e in log["events"].as_array().expect("events") {
        if e["type"].as_u64() != Some(start_job) {
            continue;
        }
        // the beginning of a job has its URL and initiator; its end, only an error code
        let p = &e["params"];
        if let Some(url) = p["url"].as_str()
            && p["initiator"].as_str() != Some("not an origin")
        {
            out.push(url.to_string());
        }
    }
    out
}

/// The network log shows a page's requests: a page that loads an image and fetches a URL,
/// without a CSP, is seen making both (so that an empty list below means something).
fn assert_netlog_sees_requests(bin: &Path, dir: &Path) {
    let leak = dir.join("leak.html");
    std::fs::write(
        &leak,
        "<html><body><img src=\"http://127.0.0.1:9/x.png\">\
         <script>fetch(\"http://127.0.0.1:9/y\").catch(function(){})</script></body></html>",
    )
    .unwrap();
    let (_, netlog) = run_chromium(bin, &leak, "--dump-dom");
    let seen = requests_from_pages(&netlog);
    assert!(
        seen.iter().any(|u| u.ends_with("/x.png")) && seen.iter().any(|u| u.ends_with("/y")),
        "the network log did not show the control page's requests: {seen:?}"
    );
}

#[test]
fn chromium_renders_the_seed_and_hostile_pages_closed() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();

    let seed = dir.path().join("seed.html");
    std::fs::write(&seed, seed_page()).unwrap();
    assert_netlog_sees_requests(&bin, dir.path());
    let (dom, netlog) = run_chromium(&bin, &seed, "--dump-dom");
    assert_eq!(requests_from_pages(&netlog), Vec::<String>::new());
    // the script ran, so its hash in the CSP is right
    assert!(
        dom.contains("data-script=\"ready\""),
        "the page's script did not run"
    );
    let parsed = parse(&dom);
    assert_page_is_closed(&parsed, "seed in Chromium");
    assert_seed_content(&dom, "seed in Chromium");

    let (txt, html) = write_hostile(dir.path());
    let hostile = dir.path().join("hostile-report.html");
    let page = html_report(&[
        "check",
        txt.to_str().unwrap(),
        html.to_str().unwrap(),
        "--format",
        "html",
    ]);
    std::fs::write(&hostile, page).unwrap();
    let (dom, netlog) = run_chromium(&bin, &hostile, "--dump-dom");
    assert_eq!(requests_from_pages(&netlog), Vec::<String>::new());
    assert!(dom.contains("data-script=\"ready\""));
    let parsed = parse(&dom);
    assert_page_is_closed(&parsed, "hostile in Chromium");
    assert_hostile_markup_is_text(&parsed, "hostile in Chromium");
    assert_eq!(count(&dom, "class=\"index-row\""), 2);
}

/// `WHOSAID_SCREENSHOT=docs/html-report.png cargo test --test html screenshot` renders the
/// seed's page to that file (the picture in docs/ and the README). Without the variable it
/// checks that a screenshot can be taken.
#[test]
fn screenshot_of_the_seed_page() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed.html");
    std::fs::write(&seed, seed_page()).unwrap();
    let target = match std::env::var_os("WHOSAID_SCREENSHOT") {
        Some(p) => std::env::current_dir().unwrap().join(p),
        None => dir.path().join("seed.png"),
    };
    let (_, netlog) = run_chromium(&bin, &seed, &format!("--screenshot={}", target.display()));
    assert_eq!(requests_from_pages(&netlog), Vec::<String>::new());
    let png = std::fs::read(&target).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
}
