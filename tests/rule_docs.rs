//! docs/rules/RULE.md stays generated from the rule files: each page's generated block is what
//! `whosaid::rule_docs::page_block` makes of its rule (run with `WHOSAID_BLESS=1` to rewrite
//! the blocks), every rule names the journalism standard behind it with a link, and
//! `whosaid explain` prints it.

mod common;

use std::path::Path;
use whosaid::Ruleset;
use whosaid::rule_docs::{find_block, page_block, replace_block};

#[test]
fn every_rule_page_has_the_block_its_rule_file_gives() {
    let bless = std::env::var_os("WHOSAID_BLESS").is_some();
    let rs = Ruleset::embedded();
    let mut problems = Vec::new();
    // the checks, and the notes a run adds (documented the same way)
    let notes = Ruleset::notes();
    assert!(!notes.is_empty());
    for rule in rs.rules.values().chain(&notes) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/rules/{}.md", rule.id));
        let page = std::fs::read_to_string(&path).unwrap_or_default();
        let want = page_block(rule);
        match find_block(&page) {
            None => problems.push(format!("docs/rules/{}.md has no generated block", rule.id)),
            Some(got) if got == want => {}
            Some(_) if bless => {
                std::fs::write(&path, replace_block(&page, &want).unwrap()).unwrap();
            }
            Some(got) => problems.push(format!(
                "docs/rules/{}.md: the generated block differs from rules/checks/{}.toml (run WHOSAID_BLESS=1 cargo test --test rule_docs)\n--- page\n{got}\n--- rule file\n{want}",
                rule.id, rule.id
            )),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_rule_names_its_standard_with_a_link() {
    let rs = Ruleset::embedded();
    for rule in rs.rules.values() {
        let name = rule.standard_name.as_deref().unwrap_or("");
        let text = rule.standard.as_deref().unwrap_or("");
        let link = rule.standard_link.as_deref().unwrap_or("");
        assert!(
            !name.is_empty() && text.len() > 40,
            "{}: no standard_name/standard",
            rule.id
        );
        assert!(
            link.starts_with("https://") && !link.contains(' '),
            "{}: standard_link {link:?}",
            rule.id
        );
    }
}

#[test]
fn explain_prints_the_standard() {
    let o = common::whosaid(&["explain", "single-source"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("# Single-sourced claim (single-source)\n"),
        "{out}"
    );
    assert!(
        out.contains("## The standard behind it\n**The two-source practice"),
        "{out}"
    );
    assert!(
        out.contains("<https://www.bbc.com/editorialguidelines/guidelines/accuracy/guidelines>"),
        "{out}"
    );
}
