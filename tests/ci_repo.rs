//! The fixture repository of issue 14 (fixtures/ci-repo: a whosaid.toml, an opinion column, a
//! Jekyll page with front matter and Liquid, a Markdown post with highlight blocks and inline
//! code, suppressions, a README and an excluded draft), checked as CI would check it. Each test
//! works on a copy in a temporary directory, so the fixture is never changed.

mod common;

use common::whosaid_in;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ci-repo")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A copy of the fixture repository.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    whosaid_in(dir, args, None)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["check", ".", "--format", "json"];
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        o.status.code(),
        stderr(&o)
    );
    serde_json::from_slice(&o.stdout).expect("JSON report")
}

/// (path, line, rule) of every finding.
fn findings(report: &Value) -> Vec<(String, u64, String)> {
    let mut out = Vec::new();
    for d in report["documents"].as_array().unwrap() {
        for f in d["findings"].as_array().unwrap() {
            out.push((
                d["path"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("./")
                    .to_string(),
                f["span"]["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

fn has(all: &[(String, u64, String)], path: &str, line: u64, rule: &str) -> bool {
    all.iter()
        .any(|(p, l, r)| p == path && *l == line && r == rule)
}

#[test]
fn the_walk_takes_articles_only_and_the_config_excludes_drafts() {
    let dir = repo();
    let report = json(dir.path(), &[]);
    let mut paths: Vec<&str> = (report["documents"].as_array().unwrap().iter())
        .map(|d| d["path"].as_str().unwrap().trim_start_matches("./"))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "_posts/2024-03-01-council.html",
            "_posts/2024-03-02-scraper.md",
            "news/suppressed.md",
            "opinion/column.md"
        ]
    );
    // the registry named in whosaid.toml (relative to it) was read: Tom Hegel is in it
    let council = &report["documents"][0];
    assert_eq!(council["sources"][0]["registry"]["id"], "tom-hegel");
    // fail-on = "warning" from the file; the command line wins
    assert_eq!(run(dir.path(), &["check", "."]).status.code(), Some(1));
    let o = run(dir.path(), &["check", ".", "--fail-on", "never"]);
    assert_eq!(o.status.code(), Some(0));
    // and without the file, the draft and the default fail-on are back
    let o = run(
        dir.path(),
        &["check", ".", "--no-config", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
}

/// The byte ranges of `raw` that are template code, front matter or code.
fn code_ranges(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for pat in [
        r"(?s)\A---\n.*?\n---\n",
        r"(?s)\{%.*?%\}",
        r"(?s)\{\{.*?\}\}",
        r"(?s)\{% highlight.*?endhighlight %\}",
        r"(?s)\{% raw %\}.*?\{% endraw %\}",
        r"(?s)```.*?```",
        r"`[^`\n]*`",
    ] {
        let re = regex::Regex::new(pat).unwrap();
        out.extend(re.find_iter(raw).map(|m| (m.start(), m.end())));
    }
    out
}

#[test]
fn no_finding_starts_in_template_code_front_matter_or_code() {
    let dir = repo();
    let report = json(dir.path(), &[]);
    let mut checked = 0;
    for d in report["documents"].as_array().unwrap() {
        let path = d["path"].as_str().unwrap();
        let raw = std::fs::read_to_string(dir.path().join(path)).unwrap();
        let ranges = code_ranges(&raw);
        assert!(!ranges.is_empty() || path.contains("suppressed"), "{path}");
        for f in d["findings"].as_array().unwrap() {
            let start = f["span"]["start"].as_u64().unwrap() as usize;
            assert!(
                !ranges.iter().any(|&(s, e)| s <= start && start < e),
                "{path}: {f} starts in template markup or code"
            );
            checked += 1;
        }
        for s in d["sources"].as_array().unwrap() {
            for m in s["mentions"].as_array().unwrap() {
                let start = m["span"]["start"].as_u64().unwrap() as usize;
                assert!(!ranges.iter().any(|&(s, e)| s <= start && start < e), "{m}");
            }
        }
    }
    assert!(checked >= 3);
    let all = findings(&report);
    // the Jekyll page: its one claim, at the paragraph (line 10), not the Liquid around it
    assert!(has(
        &all,
        "_posts/2024-03-01-council.html",
        10,
        "unattributed-claim"
    ));
    // the post with code: findings on its prose lines only (6, 13 and 23; 13 is prose with
    // inline code), the claim of line 23 among them; no orphan quote from `say "hi`
    let scraper: Vec<_> = all.iter().filter(|f| f.0.contains("scraper")).collect();
    assert!(
        scraper.iter().all(|f| [6, 13, 23].contains(&f.1)),
        "{scraper:?}"
    );
    assert!(
        scraper
            .iter()
            .any(|f| f.1 == 23 && f.2 == "unattributed-claim"),
        "{scraper:?}"
    );
    assert!(!all.iter().any(|f| f.2 == "orphan-quote"), "{all:?}");
}

#[test]
fn the_opinion_column_is_held_to_its_kinds_rules() {
    let dir = repo();
    let all = findings(&json(dir.path(), &[]));
    let column: Vec<_> = all.iter().filter(|f| f.0 == "opinion/column.md").collect();
    // its unattributed claim and single-sourced quote are not findings; its unknown source is
    assert_eq!(column.len(), 1, "{column:?}");
    assert_eq!(column[0].2, "unknown-source");
    // with the opinion kind redefined so the column is not one, it is held to a news report's
    // rules (the config named with --config; its registry relative to it)
    let alt = dir.path().join("alt.toml");
    std::fs::write(
        &alt,
        "registry = \"sources.csv\"\n[kinds.opinion]\ncategories = [\"no-such-category\"]\n",
    )
    .unwrap();
    let all = findings(&json(dir.path(), &["--config", "alt.toml"]));
    assert!(
        has(&all, "opinion/column.md", 7, "unattributed-claim"),
        "{all:?}"
    );
    // and a kind by path, with its own rules
    std::fs::write(
        &alt,
        "[kinds.desk]\npaths = [\"news/**\"]\ndisable = [\"anonymous-source\"]\n",
    )
    .unwrap();
    let all = findings(&json(dir.path(), &["--config", "alt.toml"]));
    assert!(
        !all.iter()
            .any(|f| f.0 == "news/suppressed.md" && f.2 == "anonymous-source")
    );
    assert!(
        has(&all, "news/suppressed.md", 7, "unattributed-claim"),
        "{all:?}"
    );
}

#[test]
fn the_suppressed_finding_is_gone_and_the_unused_suppression_reported() {
    let dir = repo();
    let all = findings(&json(dir.path(), &[]));
    let path = "news/suppressed.md";
    assert!(!has(&all, path, 4, "unattributed-claim"), "{all:?}");
    assert!(has(&all, path, 7, "unused-suppression"), "{all:?}");
    assert!(has(&all, path, 9, "anonymous-source"), "{all:?}");
    // without the comment the finding is there (the suppression did the work)
    let file = dir.path().join(path);
    let raw = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        raw.replace(
            "<!-- whosaid-disable-next-line unattributed-claim -->\n",
            "\n",
        ),
    )
    .unwrap();
    let all = findings(&json(dir.path(), &[]));
    assert!(has(&all, path, 4, "unattributed-claim"), "{all:?}");
}

#[test]
fn after_a_baseline_only_new_findings_are_reported() {
    let dir = repo();
    let d = dir.path();
    let before = findings(&json(d, &[]));
    assert!(before.len() >= 4);
    let o = run(
        d,
        &[
            "check",
            ".",
            "--write-baseline",
            "baseline.json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("{} findings recorded", before.len())));
    // the same articles against it: nothing new, and it says how many it matched
    let o = run(d, &["check", ".", "--baseline", "baseline.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("{} findings matched the baseline", before.len())),
        "{}",
        stderr(&o)
    );
    // named another way (`news` rather than `./news`), the files are the same to the baseline
    let o = run(
        d,
        &[
            "check",
            "news",
            "_posts",
            "opinion",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // an edit above the old findings and a new unsourced claim: only the claim is new
    let file = d.join("news/suppressed.md");
    let raw = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        format!(
            "An editor's note.\n\nThe mayor's office spent two million dollars on consultants \
             in 2023, more than any other city in the state.\n\n{raw}"
        ),
    )
    .unwrap();
    let after = findings(&json(d, &["--baseline", "baseline.json"]));
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(after[0].0, "news/suppressed.md");
    assert_eq!((after[0].1, after[0].2.as_str()), (3, "unattributed-claim"));
    // a file that is not a baseline is an error naming it
    let o = run(d, &["check", ".", "--baseline", "sources.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("sources.csv:1: not a whosaid baseline"),
        "{}",
        stderr(&o)
    );
}

fn git(dir: &Path, args: &[&str]) {
    let o = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn changed_since_reports_only_changed_lines() {
    let dir = repo();
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "articles"]);
    // nothing changed: nothing reported
    let all = findings(&json(d, &["--changed-since", "HEAD"]));
    assert!(all.is_empty(), "{all:?}");
    // a new claim at the end of the post with code, and a new untracked article
    let post = d.join("_posts/2024-03-02-scraper.md");
    let raw = std::fs::read_to_string(&post).unwrap();
    std::fs::write(
        &post,
        format!(
            "{raw}\nThe mayor's office spent two million dollars on consultants in 2023, more \
             than any other city in the state.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("news/new.md"),
        "Officials privately admit the bridge will not open until 2027 at the earliest.\n",
    )
    .unwrap();
    let all = findings(&json(d, &["--changed-since", "HEAD"]));
    let lines = raw.lines().count() as u64;
    assert!(
        has(
            &all,
            "_posts/2024-03-02-scraper.md",
            lines + 2,
            "unattributed-claim"
        ),
        "{all:?}"
    );
    assert!(all.iter().any(|f| f.0 == "news/new.md"), "{all:?}");
    assert!(
        all.iter().all(|f| f.0 == "news/new.md" || f.1 > lines),
        "only the changed lines: {all:?}"
    );
    // without the option, the old findings are there too
    assert!(findings(&json(d, &[])).len() > all.len());
    // errors say what went wrong
    let o = run(d, &["check", ".", "--changed-since", "no-such-branch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"no-such-branch\" is not a revision git knows"),
        "{}",
        stderr(&o)
    );
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("a.md"), "Text.\n").unwrap();
    let o = run(outside.path(), &["check", ".", "--changed-since", "HEAD"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--changed-since: `git rev-parse --show-toplevel` failed"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn config_errors_name_file_line_and_key() {
    let dir = repo();
    let d = dir.path();
    std::fs::write(
        d.join("whosaid.toml"),
        "registry = \"sources.csv\"\n\ndisabel = [\"x\"]\n",
    )
    .unwrap();
    let o = run(d, &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("whosaid.toml:3: ") && e.contains("disabel"),
        "{e}"
    );
    std::fs::write(
        d.join("whosaid.toml"),
        "[severity]\nsingel-source = \"error\"\n",
    )
    .unwrap();
    let e = stderr(&run(d, &["check", "."]));
    assert!(
        e.contains("whosaid.toml:2: `severity`: unknown rule id \"singel-source\""),
        "{e}"
    );
    // found from a subdirectory too (the nearest parent's)
    let e = stderr(&run(&d.join("news"), &["check", "."]));
    assert!(e.contains("whosaid.toml:2: "), "{e}");
}

#[test]
fn init_writes_a_starter_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = run(d, &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let starter = std::fs::read_to_string(d.join("whosaid.toml")).unwrap();
    assert!(starter.contains("# registry = "));
    std::fs::write(d.join("a.md"), "Text.\n").unwrap();
    // the starter is a valid config
    assert_eq!(run(d, &["check", "."]).status.code(), Some(0));
    std::fs::write(d.join("whosaid.toml"), "fail-on = \"never\"\n").unwrap();
    let o = run(d, &["init"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(d.join("whosaid.toml")).unwrap(),
        "fail-on = \"never\"\n"
    );
}

#[test]
fn an_empty_run_says_so_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("README.md"), "The council cut the budget.\n").unwrap();
    std::fs::write(d.join("data.json"), "{}\n").unwrap();
    let o = run(d, &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no articles found in ."),
        "{}",
        stderr(&o)
    );
    let o = run(d, &["check", ".", "--allow-empty"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn force_exclude_applies_the_config_to_named_files() {
    let dir = repo();
    let d = dir.path();
    let named = [
        "check",
        "drafts/unfinished.md",
        "news/suppressed.md",
        "--format",
        "json",
    ];
    let o = run(d, &named);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    // named files are checked whatever the config says
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    let mut args = named.to_vec();
    args.push("--force-exclude");
    let v: Value = serde_json::from_slice(&run(d, &args).stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["documents"][0]["path"], "news/suppressed.md");
    // a hook given only excluded files has nothing to do, and that is fine
    let o = run(d, &["check", "drafts/unfinished.md", "--force-exclude"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn explain_knows_the_unused_suppression_note() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["explain", "unused-suppression"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("# Unused suppression (unused-suppression)\n"),
        "{out}"
    );
    assert!(out.contains("suppressed no finding"));
    assert!(
        out.contains("Severity: info") && out.contains("## How to fix"),
        "{out}"
    );
    // `whosaid rules` lists it, after the checks, with its severity
    let o = run(dir.path(), &["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    let last = out.lines().last().unwrap_or("");
    let cols: Vec<&str> = last.split_whitespace().take(2).collect();
    assert_eq!(cols, ["unused-suppression", "info"], "{out}");
    // and SARIF describes it from the same text, with its page
    let dir = repo();
    let o = run(
        dir.path(),
        &["check", ".", "--format", "sarif", "--fail-on", "never"],
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let d = (rules.iter())
        .find(|r| r["id"] == "unused-suppression")
        .expect("a descriptor for the note");
    assert!(
        d["help"]["text"]
            .as_str()
            .unwrap()
            .contains("## What it flags")
    );
    assert!(
        d["helpUri"]
            .as_str()
            .unwrap()
            .ends_with("/unused-suppression.md")
    );
}

#[test]
fn docs_url_moves_every_rule_link() {
    let dir = repo();
    let d = dir.path();
    let sarif_uris = |d: &Path| -> Vec<String> {
        let o = run(
            d,
            &["check", ".", "--format", "sarif", "--fail-on", "never"],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["helpUri"].as_str().map(String::from))
            .collect()
    };
    let html = |d: &Path| -> String {
        let o = run(d, &["check", ".", "--format", "html", "--fail-on", "never"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let default = "https://github.com/whosaid/whosaid/blob/main/docs/rules/";
    let uris = sarif_uris(d);
    assert!(!uris.is_empty());
    assert!(uris.iter().all(|u| u.starts_with(default)), "{uris:?}");
    assert!(html(d).contains(&format!("<code>{default}single-source.md</code>")));

    let toml = std::fs::read_to_string(d.join("whosaid.toml")).unwrap();
    std::fs::write(
        d.join("whosaid.toml"),
        format!("docs-url = \"https://news.example/rules?a=1&b=2\"\n{toml}"),
    )
    .unwrap();
    let uris = sarif_uris(d);
    assert!(
        uris.contains(&"https://news.example/rules?a=1&b=2/single-source.md".to_string()),
        "{uris:?}"
    );
    assert!(!uris.iter().any(|u| u.starts_with(default)), "{uris:?}");
    let page = html(d);
    // as text (the page links only within itself), escaped
    assert!(page.contains("<code>https://news.example/rules?a=1&amp;b=2/single-source.md</code>"));
    assert!(!page.contains(default));

    std::fs::write(
        d.join("whosaid.toml"),
        format!("docs-url = \"javascript:alert(1)\"\n{toml}"),
    )
    .unwrap();
    let o = run(d, &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("whosaid.toml:1: `docs-url`"),
        "{}",
        stderr(&o)
    );
}

/// (document, line, rule) of every finding on an HTML page, document by document (in the
/// order of the run, as in the JSON report).
fn html_findings(page: &str) -> Vec<(usize, u64, String)> {
    let re = regex::Regex::new(
        r##"<li class="finding">.*?<a href="#rule-([a-z0-9-]+)">.*?<a class="where" href="[^"]*">line (\d+), column \d+</a>"##,
    )
    .unwrap();
    let mut out = Vec::new();
    for (i, section) in page.split("<section class=\"doc\"").skip(1).enumerate() {
        for c in re.captures_iter(section) {
            out.push((i, c[2].parse().unwrap(), c[1].to_string()));
        }
    }
    out.sort();
    out
}

#[test]
fn the_html_report_applies_kinds_suppressions_and_baselines_as_the_others_do() {
    let dir = repo();
    let d = dir.path();
    let both = |extra: &[&str]| {
        let report = json(d, extra);
        let mut want: Vec<(usize, u64, String)> = Vec::new();
        for (i, doc) in report["documents"].as_array().unwrap().iter().enumerate() {
            for f in doc["findings"].as_array().unwrap() {
                want.push((
                    i,
                    f["span"]["line"].as_u64().unwrap(),
                    f["rule"].as_str().unwrap().to_string(),
                ));
            }
        }
        want.sort();
        let args = [&["check", ".", "--format", "html"][..], extra].concat();
        let o = run(d, &args);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        (want, html_findings(&String::from_utf8_lossy(&o.stdout)))
    };
    let (want, got) = both(&[]);
    assert!(want.len() > 3, "{want:?}");
    assert_eq!(got, want);
    // among them: the unused suppression, and not the suppressed finding
    let docs: Vec<String> = json(d, &[])["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            x["path"]
                .as_str()
                .unwrap()
                .trim_start_matches("./")
                .to_string()
        })
        .collect();
    let sup = docs.iter().position(|p| p == "news/suppressed.md").unwrap();
    assert!(
        got.contains(&(sup, 7, "unused-suppression".to_string())),
        "{got:?}"
    );
    assert!(
        !got.contains(&(sup, 4, "unattributed-claim".to_string())),
        "{got:?}"
    );
    // the opinion column gets none of the rules its kind turns off
    let op = docs.iter().position(|p| p.starts_with("opinion/")).unwrap();
    assert!(
        !got.iter()
            .any(|(i, _, r)| *i == op && (r == "unattributed-claim" || r == "single-source")),
        "{got:?}"
    );

    // after a baseline of this run, both show nothing
    let o = run(
        d,
        &[
            "check",
            ".",
            "--write-baseline",
            "base.json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (want, got) = both(&["--baseline", "base.json"]);
    assert_eq!(want, Vec::new());
    assert_eq!(got, want);
}
