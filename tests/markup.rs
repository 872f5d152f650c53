//! Real sites' markup (fixtures/markup, one file per case): template code, code, attribute
//! lists, header-less tables, reference lists and feed footers give no finding; the prose
//! around them is still checked. The comment on each case says what an earlier whosaid
//! reported there.

mod common;

use serde_json::Value;
use std::path::Path;

/// (line, rule) of every finding of the fixture `name`.
fn findings(name: &str) -> Vec<(u64, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = format!("fixtures/markup/{name}");
    let o = common::whosaid_in(
        root,
        &[
            "check",
            &path,
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-config",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    (v["documents"][0]["findings"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["span"]["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn lines(list: &[(u64, &str)]) -> Vec<(u64, String)> {
    list.iter().map(|&(l, r)| (l, r.to_string())).collect()
}

#[test]
fn a_works_cited_list_is_not_claims() {
    // was: an orphan quote, a single-source claim and an anonymous source in the citations
    assert_eq!(
        findings("works-cited.md"),
        lines(&[(3, "unattributed-claim"), (13, "unattributed-claim")])
    );
}

#[test]
fn a_feed_footer_is_boilerplate() {
    // was: "The post ... appeared first on ..." and "This post appeared first on ..." flagged
    // as unattributed claims
    assert_eq!(
        findings("feed-footer.html"),
        lines(&[(2, "unattributed-claim")])
    );
}

#[test]
fn kramdown_attribute_lists_and_headerless_tables_are_not_prose() {
    // was: the table rows read as a paragraph (a single-source claim, a loaded verb)
    assert_eq!(findings("kramdown.md"), lines(&[(1, "unattributed-claim")]));
}

#[test]
fn hugo_shortcodes_and_highlight_blocks_are_code() {
    // was: an orphan quote in the Go code of the highlight shortcode
    assert_eq!(findings("hugo.md"), lines(&[(14, "unattributed-claim")]));
}

#[test]
fn html_pre_code_kbd_and_samp_are_skipped() {
    // was: three orphan quotes, from <pre>, <kbd>, <samp> and <code>
    assert_eq!(
        findings("pre-code.html"),
        lines(&[(2, "unattributed-claim")])
    );
}
