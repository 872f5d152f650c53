//! The documentation of a rule, generated from its rule file: what `whosaid explain RULE`
//! prints, and the generated block of its page `docs/rules/RULE.md`.
//!
//! Consumes: a [`Rule`] (its summary, description and the journalism standard behind it:
//! `standard_name`, `standard`, `standard_link`). Produces: text. The block in a page sits
//! between [`BLOCK_START`] and [`BLOCK_END`]; the rest of the page (parameters, how whosaid
//! decides, the seed article, overrides) is written by hand. `tests/rule_docs.rs` checks that
//! every page's block is what the rule file gives, and `WHOSAID_BLESS=1` rewrites it.

use crate::ruleset::Rule;

/// Where the rules' pages are published by default: a rule's page is `{DOCS_URL}{id}.md`
/// ([`url`]). SARIF's `helpUri`, the language server's diagnostic links and the HTML report's
/// rule sections all link there; whosaid.toml's `docs-url` names another base (a newsroom's
/// own copy of the pages).
pub const DOCS_URL: &str = "https://github.com/whosaid/whosaid/blob/main/docs/rules/";

/// The address of rule `id`'s page under `base` (a [`DOCS_URL`]-like prefix).
pub fn url(base: &str, id: &str) -> String {
    format!("{base}{id}.md")
}

/// The line that opens the generated block of a rule page.
pub const BLOCK_START: &str = "<!-- generated from the rule file: edit rules/checks/*.toml, then run WHOSAID_BLESS=1 cargo test --test rule_docs -->";
/// The line that closes it.
pub const BLOCK_END: &str = "<!-- end of generated block -->";

/// The "standard behind it" section, in Markdown, or `None` when the rule names none.
fn standard(rule: &Rule) -> Option<String> {
    let text = rule.standard.as_deref()?;
    let mut s = String::from("## The standard behind it\n");
    if let Some(name) = &rule.standard_name {
        s.push_str(&format!("**{name}.** "));
    }
    s.push_str(text);
    if let Some(link) = &rule.standard_link {
        s.push_str(&format!(" <{link}>"));
    }
    s.push('\n');
    Some(s)
}

/// What `whosaid explain RULE` prints: name and id, summary, severity, the description and
/// the standard behind the rule.
pub fn explain(rule: &Rule) -> String {
    let mut s = format!(
        "# {} ({})\n\n{}\n\nSeverity: {}\n\n{}\n",
        rule.name,
        rule.id,
        rule.summary,
        rule.severity.as_str(),
        rule.description.trim()
    );
    if let Some(st) = standard(rule) {
        s.push('\n');
        s.push_str(&st);
    }
    s
}

/// The generated block of the rule's page, markers included, ending with a newline.
pub fn page_block(rule: &Rule) -> String {
    let mut s = format!(
        "{BLOCK_START}\n{}\n\n{}\n",
        rule.summary,
        rule.description.trim()
    );
    if let Some(st) = standard(rule) {
        s.push('\n');
        s.push_str(&st);
    }
    s.push_str(BLOCK_END);
    s.push('\n');
    s
}

/// The byte range of the generated block of `page` (markers and the final line break included).
fn block_range(page: &str) -> Option<(usize, usize)> {
    let start = page.find(BLOCK_START)?;
    let end = start + page[start..].find(BLOCK_END)? + BLOCK_END.len();
    let end = if page[end..].starts_with('\n') {
        end + 1
    } else {
        end
    };
    Some((start, end))
}

/// `page` with its generated block replaced by `block`; `None` when the page has no block.
pub fn replace_block(page: &str, block: &str) -> Option<String> {
    let (start, end) = block_range(page)?;
    Some(format!("{}{block}{}", &page[..start], &page[end..]))
}

/// The generated block of `page`, if it has one (markers included).
pub fn find_block(page: &str) -> Option<&str> {
    block_range(page).map(|(start, end)| &page[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Ruleset;

    #[test]
    fn explain_and_page_carry_the_standard_with_its_link() {
        let rs = Ruleset::embedded();
        let rule = &rs.rules["anonymous-source"];
        let e = explain(rule);
        assert!(
            e.starts_with("# Anonymous source (anonymous-source)\n\n"),
            "{e}"
        );
        assert!(e.contains("## The standard behind it\n**AP News Values and Principles: anonymous sources.** The AP uses"), "{e}");
        assert!(
            e.trim_end().ends_with(
                "<https://www.ap.org/about/news-values-and-principles/telling-the-story/>"
            ),
            "{e}"
        );
        let b = page_block(rule);
        assert!(b.starts_with(BLOCK_START) && b.ends_with(&format!("{BLOCK_END}\n")));
        assert!(b.contains("## What it flags"));
    }

    #[test]
    fn a_block_is_replaced_in_place() {
        let page = format!("# T\n\nbefore\n{BLOCK_START}\nold\n{BLOCK_END}\n\n## After\n");
        let new = replace_block(&page, &format!("{BLOCK_START}\nnew\n{BLOCK_END}\n")).unwrap();
        assert_eq!(
            new,
            format!("# T\n\nbefore\n{BLOCK_START}\nnew\n{BLOCK_END}\n\n## After\n")
        );
        assert_eq!(
            find_block(&new).unwrap(),
            format!("{BLOCK_START}\nnew\n{BLOCK_END}\n")
        );
        assert_eq!(replace_block("# T\n", "x"), None);
    }
}
