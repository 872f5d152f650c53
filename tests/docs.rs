//! The documentation keeps up with the rules, and its links lead somewhere.
//!
//! - every rule file `rules/checks/<id>.toml` (and note file `rules/notes/<id>.toml`) has a page `docs/rules/<id>.md` that names the
//!   rule and repeats its "What it flags" section, and the rules index links to it;
//! - every page in `docs/rules/` (other than `README.md` and `configuring.md`) belongs to a rule;
//! - relative links in `docs/*.md`, `docs/rules/*.md` and `CONTRIBUTING.md` point to files that
//!   exist, and `#anchors` into Markdown files point to headings that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Files in `dir` (not recursive) whose name ends with `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(ext))
        .collect();
    v.sort();
    v
}

/// White space collapsed to single spaces, so that re-wrapped text still compares equal.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body of the `## {title}` section of Markdown `md` (up to the next `## ` heading).
fn section<'a>(md: &'a str, title: &str) -> Option<&'a str> {
    let head = format!("## {title}");
    let start = md
        .lines()
        .scan(0usize, |pos, line| {
            let at = *pos;
            *pos += line.len() + 1;
            Some((at, line))
        })
        .find(|(_, line)| line.trim_end() == head)
        .map(|(at, _)| at + head.len())?;
    let rest = &md[start.min(md.len())..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

/// Rule files: id -> (name, description).
fn rules() -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    // the checks, and the notes a run adds besides them (an unused suppression)
    let paths = [
        files(&root().join("rules/checks"), ".toml"),
        files(&root().join("rules/notes"), ".toml"),
    ];
    for path in paths.concat() {
        let v: toml::Value =
            toml::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let field = |k: &str| {
            v.get(k)
                .and_then(toml::Value::as_str)
                .unwrap_or_else(|| panic!("{}: no string `{k}`", path.display()))
                .to_string()
        };
        out.insert(field("id"), (field("name"), field("description")));
    }
    assert!(!out.is_empty(), "no rule files found");
    out
}

#[test]
fn every_rule_has_a_page_that_repeats_what_it_flags() {
    let dir = root().join("docs/rules");
    let index = read(&dir.join("README.md"));
    let mut problems = Vec::new();
    for (id, (name, description)) in rules() {
        let page_path = dir.join(format!("{id}.md"));
        let Ok(page) = fs::read_to_string(&page_path) else {
            problems.push(format!(
                "rule {id}: no page docs/rules/{id}.md (copy the rule's description into one)"
            ));
            continue;
        };
        if !page.contains(&id) {
            problems.push(format!(
                "docs/rules/{id}.md does not mention the rule id `{id}`"
            ));
        }
        if page.lines().next().map(str::trim) != Some(&format!("# {name}")) {
            problems.push(format!(
                "docs/rules/{id}.md should start with the rule's name: `# {name}`"
            ));
        }
        match section(&description, "What it flags") {
            None => problems.push(format!(
                "rules/checks/{id}.toml: description has no `## What it flags` section"
            )),
            Some(flags) => {
                if !squash(&page).contains(&squash(flags)) {
                    problems.push(format!(
                        "docs/rules/{id}.md does not repeat the rule file's `## What it flags` \
                         section; it should contain:\n{flags}"
                    ));
                }
            }
        }
        if !index.contains(&format!("]({id}.md)")) {
            problems.push(format!("docs/rules/README.md does not link to {id}.md"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_rule_page_belongs_to_a_rule() {
    let ids: BTreeSet<String> = rules().into_keys().collect();
    let mut strays = Vec::new();
    for path in files(&root().join("docs/rules"), ".md") {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "README.md" || name == "configuring.md" {
            continue;
        }
        let id = name.trim_end_matches(".md");
        if !ids.contains(id) {
            strays.push(format!(
                "docs/rules/{name} has no rules/checks/{id}.toml (renamed or removed rule?)"
            ));
        }
    }
    assert!(strays.is_empty(), "\n{}", strays.join("\n"));
}

/// `md` without fenced code blocks and inline code spans (links there are examples, not links).
/// Inline code is emptied, not removed, so that ``[`id`](id.md)`` stays a link.
fn prose(md: &str) -> String {
    let mut out = String::new();
    let mut fence: Option<&str> = None;
    for line in md.lines() {
        let t = line.trim_start();
        match fence {
            Some(f) => {
                if t.starts_with(f) {
                    fence = None;
                }
                out.push('\n');
                continue;
            }
            None if t.starts_with("```") || t.starts_with("~~~") => {
                fence = Some(&t[..3]);
                out.push('\n');
                continue;
            }
            None => {}
        }
        let mut in_code = false;
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
            } else if !in_code {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

/// Targets of inline Markdown links and images, `[text](target)`, in `md` (text may span lines).
fn link_targets(md: &str) -> Vec<String> {
    let re = regex::Regex::new(r"\]\(\s*<?([^()\s>]+)>?(?:\s+\x22[^\x22]*\x22)?\s*\)").unwrap();
    let text = prose(md);
    re.captures_iter(&text).map(|c| c[1].to_string()).collect()
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped,
/// spaces made hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Every anchor of a Markdown file's headings (duplicates get `-1`, `-2`, as on GitHub).
fn anchors(md: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeSet::new();
    let mut fence = false;
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence || !t.starts_with('#') {
            continue;
        }
        let text = t.trim_start_matches('#');
        if !text.starts_with(' ') {
            continue;
        }
        let base = slug(text);
        let n = seen.entry(base.clone()).or_insert(0);
        out.insert(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    out
}

#[test]
fn relative_links_in_docs_lead_to_files_that_exist() {
    let root = root();
    let mut pages = files(&root.join("docs"), ".md");
    pages.extend(files(&root.join("docs/rules"), ".md"));
    pages.push(root.join("CONTRIBUTING.md"));
    let mut broken = Vec::new();
    let mut checked = 0;
    for page in &pages {
        let md = read(page);
        let shown = page
            .strip_prefix(&root)
            .unwrap_or(page)
            .display()
            .to_string();
        for target in link_targets(&md) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (file, anchor) = match target.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (target.as_str(), None),
            };
            let dest = if file.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(file)
            };
            if !dest.exists() {
                broken.push(format!("{shown}: link to {target}: no such file"));
                continue;
            }
            if let Some(a) = anchor
                && dest.extension().is_some_and(|e| e == "md")
                && dest.is_file()
                && !anchors(&read(&dest)).contains(a)
            {
                broken.push(format!(
                    "{shown}: link to {target}: no heading with anchor #{a}"
                ));
            }
        }
    }
    assert!(
        checked > 20,
        "only {checked} links found; is the link parser broken?"
    );
    assert!(broken.is_empty(), "\n{}", broken.join("\n"));
}

#[test]
fn link_parser_and_slugs_work() {
    let md =
        "See [a](a.md) and [`b`](b.md#x \"t\").\n```\n[c](c.md)\n```\n`[d](d.md)` [e\nf](g.md)";
    assert_eq!(link_targets(md), ["a.md", "b.md#x", "g.md"]);
    assert_eq!(
        slug("Exit codes and `--fail-on`"),
        "exit-codes-and---fail-on"
    );
    assert_eq!(slug("What counts as a claim"), "what-counts-as-a-claim");
    let a = anchors("# T\n## Notes\n## Notes\n```\n# not a heading\n```\n");
    assert!(a.contains("t") && a.contains("notes") && a.contains("notes-1"));
    assert!(!a.contains("not-a-heading"));
}
