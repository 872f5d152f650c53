//! `whosaid report`: the collection view over articles and over `check`'s JSON Lines reports,
//! in every format, and the HTML page rendered in headless Chromium.

mod common;

use common::whosaid;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// The shared Wikinews sample: ../shared next to the main checkout, ../../shared from a
/// worktree under wt/.
fn shared_sample() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|s| {
            root.join(s)
                .join("corpora/wikinews/wikinews_en_2019_2020.jsonl")
        })
        .find(|p| p.exists())
}

/// `whosaid check PATHS --format jsonl` into `to`.
fn check_jsonl(paths: &[&str], to: &Path) {
    let args = [
        &["check"][..],
        paths,
        &[
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "-o",
            to.to_str().unwrap(),
        ],
    ]
    .concat();
    let o = whosaid(&args, None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

fn report_json(args: &[&str]) -> Value {
    let args = [&["report"][..], args, &["--format", "json"]].concat();
    let o = whosaid(&args, None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    serde_json::from_str(&out(&o)).expect("report JSON")
}

const A: &str = "fixtures/wikinews/wikinews_00006.txt";
const B: &str = "fixtures/wikinews/wikinews_00120.txt";
const C: &str = "fixtures/seed/npo-mash.txt";

#[test]
fn concatenated_reports_summarise_as_one_run_over_both() {
    let dir = tempfile::tempdir().unwrap();
    let (ra, rb, rab) = (
        dir.path().join("a.jsonl"),
        dir.path().join("b.jsonl"),
        dir.path().join("ab.jsonl"),
    );
    check_jsonl(&[A], &ra);
    check_jsonl(&[B, C], &rb);
    check_jsonl(&[A, B, C], &rab);
    let cat = dir.path().join("cat.jsonl");
    fs::write(
        &cat,
        [fs::read(&ra).unwrap(), fs::read(&rb).unwrap()].concat(),
    )
    .unwrap();

    let one_run = report_json(&["--from-reports", rab.to_str().unwrap()]);
    let concatenated = report_json(&["--from-reports", cat.to_str().unwrap()]);
    let two_files = report_json(&["--from-reports", ra.to_str().unwrap(), rb.to_str().unwrap()]);
    let articles = report_json(&[A, B, C]);
    assert_eq!(concatenated, one_run);
    assert_eq!(two_files, one_run);
    assert_eq!(
        articles, one_run,
        "articles and their reports summarise alike"
    );

    // and the figures are the reports' own
    let s = &one_run["summary"];
    assert_eq!(s["documents"], 3);
    let lines: Vec<Value> = fs::read_to_string(&rab)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // the shares are of the sentences of kind `claim`; the other kinds are counted apart
    let all: Vec<&Value> = lines
        .iter()
        .flat_map(|d| d["claims"].as_array().unwrap())
        .collect();
    let claims = all.iter().filter(|c| c["kind"] == "claim").count();
    let unattributed = all
        .iter()
        .filter(|c| c["kind"] == "claim" && c["status"] == "unattributed")
        .count();
    assert_eq!(s["claims"]["total"], claims);
    assert_eq!(s["claims"]["unattributed"], unattributed);
    assert_eq!(s["claims"]["other_kinds"], all.len() - claims);
    assert!(claims > 20, "{claims}");
}

#[test]
fn ranks_registry_sources_with_their_credibility() {
    let v = report_json(&[C, "--registry", "fixtures/seed/registry.csv"]);
    let s = &v["summary"];
    let top = &s["sources"][0];
    assert_eq!(top["name"], "Reuters");
    assert_eq!(top["registry"], "reuters");
    assert_eq!(top["credibility"], "high");
    assert_eq!(top["claims"], 5, "{top}");
    assert!(
        s["credibility"]["low"].as_u64().unwrap() >= 1,
        "{}",
        s["credibility"]
    );
    assert!(s["anonymous_attributions"].as_u64().unwrap() >= 1);
}

#[test]
fn markdown_and_csv_carry_the_same_figures() {
    let v = report_json(&[C, "--registry", "fixtures/seed/registry.csv"]);
    let total = v["summary"]["claims"]["total"].as_u64().unwrap();
    let o = whosaid(
        &[
            "report",
            C,
            "--registry",
            "fixtures/seed/registry.csv",
            "--format",
            "markdown",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let md = out(&o);
    assert!(md.starts_with("# Sourcing across the collection\n"), "{md}");
    assert!(md.contains(&format!("1 document, {total} claims")), "{md}");
    assert!(
        md.contains("| Reuters | media | reuters | high | 1 | 5 |"),
        "{md}"
    );
    let o = whosaid(
        &[
            "report",
            C,
            "--registry",
            "fixtures/seed/registry.csv",
            "--format",
            "csv",
        ],
        None,
    );
    let csv = out(&o);
    assert!(csv.starts_with("section,name,metric,value\n"), "{csv}");
    assert!(
        csv.contains(&format!("\noverall,,claims,{total}\n")),
        "{csv}"
    );
    assert!(csv.contains("\nsource,Reuters,claims,5\n"), "{csv}");
}

#[test]
fn dates_come_from_front_matter_and_jsonl_fields() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("story.md");
    fs::write(&md, "---\ntitle: Breach\ndate: 2023-08-07\n---\n\nThe breach lasted five months, Reuters reported.\n").unwrap();
    let jl = dir.path().join("more.jsonl");
    fs::write(
        &jl,
        "{\"id\": \"x1\", \"date\": \"2023-09-01\", \"text\": \"Prices rose 4%, officials said.\"}\n{\"id\": \"x2\", \"text\": \"Nothing here.\"}\n",
    )
    .unwrap();
    let v = report_json(&[md.to_str().unwrap(), jl.to_str().unwrap()]);
    let s = &v["summary"];
    let periods: Vec<(&str, u64)> = s["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap(),
                p["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(periods, [("2023-08", 1), ("2023-09", 1)]);
    assert_eq!(s["undated"], 1);

    // check's reports carry their documents' dates: the summary from the reports is the one
    // from the articles, without --dates
    let r = dir.path().join("r.jsonl");
    check_jsonl(&[md.to_str().unwrap(), jl.to_str().unwrap()], &r);
    let lines = fs::read_to_string(&r).unwrap();
    let dates: Vec<Option<String>> = lines
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["date"].as_str().map(String::from)
        })
        .collect();
    assert_eq!(
        dates,
        [Some("2023-08-07".into()), Some("2023-09-01".into()), None]
    );
    let from_reports = report_json(&["--from-reports", r.to_str().unwrap()]);
    assert_eq!(
        from_reports, v,
        "reports summarise as their articles, dates included"
    );
    // reports written without dates are dated from their articles with --dates
    let stripped = dir.path().join("stripped.jsonl");
    let undated_lines: String = lines
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("date");
            format!("{v}\n")
        })
        .collect();
    fs::write(&stripped, undated_lines).unwrap();
    let undated = report_json(&["--from-reports", stripped.to_str().unwrap()]);
    assert_eq!(undated["summary"]["undated"], 3);
    let r = stripped;
    let dated = report_json(&[
        "--from-reports",
        r.to_str().unwrap(),
        "--dates",
        jl.to_str().unwrap(),
        "--dates",
        md.to_str().unwrap(),
    ]);
    assert_eq!(
        dated, v,
        "reports dated from their articles summarise as the articles"
    );
}

#[test]
fn bad_report_lines_and_conflicting_flags_exit_2_with_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r.jsonl");
    check_jsonl(&[A], &r);
    let mut data = fs::read(&r).unwrap();
    data.extend_from_slice(b"{\"not\": \"a report\"}\n");
    fs::write(&r, data).unwrap();
    let o = whosaid(&["report", "--from-reports", r.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(&format!("{}:2: not a whosaid document report", r.display())),
        "{}",
        err(&o)
    );
    let o = whosaid(
        &[
            "report",
            "--from-reports",
            r.to_str().unwrap(),
            "--registry",
            "fixtures/seed/registry.csv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("drop --registry"), "{}", err(&o));
    let o = whosaid(&["report", "no/such/dir"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no/such/dir"), "{}", err(&o));
}

#[test]
fn html_escapes_what_the_articles_say() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    fs::write(
        &a,
        "{\"id\": \"<script>alert(1)</script>\", \"text\": \"Prices rose 40% in May, Ana Lima said.\"}\n",
    )
    .unwrap();
    let o = whosaid(
        &[
            "report",
            a.to_str().unwrap(),
            "--format",
            "html",
            "--title",
            "<i>t</i>",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let html = out(&o);
    assert!(
        html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"),
        "{html}"
    );
    assert!(html.contains("<h1>&lt;i&gt;t&lt;/i&gt;</h1>"), "{html}");
    assert!(!html.contains("<script") && !html.contains("<i>"), "{html}");
    // nothing is fetched: no script, style sheet or image from elsewhere
    assert!(
        !html.contains("<link") && !html.contains("src=") && !html.contains("url("),
        "{html}"
    );
    // the same id in Markdown cannot open a tag or break the table
    let o = whosaid(
        &["report", a.to_str().unwrap(), "--format", "markdown"],
        None,
    );
    assert!(
        out(&o).contains("| \\<script\\>alert(1)\\</script\\> |"),
        "{}",
        out(&o)
    );
}

#[test]
fn html_report_of_the_wikinews_sample_renders_in_headless_chromium() {
    let Some(chrome) = common::chromium::chromium("the HTML collection report's browser test")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("collection.html");
    let sample = shared_sample();
    let input = sample
        .as_ref()
        .map_or("fixtures/wikinews".to_string(), |p| p.display().to_string());
    let o = whosaid(
        &[
            "report",
            &input,
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let (dom, _) = common::chromium::run_chromium(&chrome, &page, "--dump-dom");
    assert!(
        dom.contains("<h1>Sourcing across the collection</h1>"),
        "{dom}"
    );
    for chart in [
        "chart-status",
        "chart-sources",
        "chart-kinds",
        "chart-credibility",
    ] {
        let at = dom
            .find(&format!("id=\"{chart}\""))
            .unwrap_or_else(|| panic!("no {chart} in the DOM"));
        let svg = &dom[at..at + dom[at..].find("</svg>").unwrap()];
        assert!(
            svg.matches("<rect class=\"bar\"").count() >= 3,
            "{chart} has no bars: {svg}"
        );
    }
    if sample.is_some() {
        // dated records: the chart over time has its three lines, one point per month
        let at = dom
            .find("id=\"chart-time\"")
            .expect("no chart-time in the DOM");
        let svg = &dom[at..at + dom[at..].find("</svg>").unwrap()];
        assert_eq!(svg.matches("<polyline class=\"line\"").count(), 3);
        assert!(svg.matches("<circle").count() >= 3 * 20, "{svg}");
        assert!(dom.contains("<b>295</b>documents"), "figures missing");
        assert!(dom.contains("<td>Donald Trump</td>"), "top source missing");
    } else {
        eprintln!(
            "note: the shared Wikinews sample is missing; rendered fixtures/wikinews instead"
        );
    }
}

/// A repository with a whosaid.toml: its registry, its exclude and its extensions.
fn configured_repo() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("news")).unwrap();
    fs::create_dir_all(d.join("drafts")).unwrap();
    fs::copy(root.join("fixtures/seed/registry.csv"), d.join("reg.csv")).unwrap();
    fs::copy(root.join(C), d.join("news/npo.txt")).unwrap();
    fs::copy(root.join(A), d.join("drafts/a.txt")).unwrap();
    fs::copy(root.join(B), d.join("news/b.md")).unwrap();
    fs::write(
        d.join("whosaid.toml"),
        "registry = \"reg.csv\"\nexclude = [\"drafts/**\"]\nextensions = [\"txt\"]\n",
    )
    .unwrap();
    dir
}

#[test]
fn report_and_suggest_honour_whosaid_toml_as_check_does() {
    let dir = configured_repo();
    let d = dir.path();
    let json = |args: &[&str]| -> Value {
        let o = common::whosaid_in(d, args, None);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        serde_json::from_str(&out(&o)).expect("report JSON")
    };
    let paths = |v: &Value| -> Vec<String> {
        v["summary"]["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["path"].as_str().unwrap().to_string())
            .collect()
    };

    // from a subdirectory, the file is found upward: drafts/ excluded, .md not an extension
    let sub = d.join("news");
    let o = common::whosaid_in(&sub, &["report", ".", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["summary"]["documents"], 1, "{}", v["summary"]);
    assert_eq!(v["summary"]["sources"][0]["registry"], "reuters");

    let v = json(&["report", ".", "--format", "json"]);
    assert_eq!(paths(&v), ["./news/npo.txt"]);
    assert_eq!(v["summary"]["sources"][0]["credibility"], "high");
    // check takes the same files
    let o = common::whosaid_in(
        d,
        &["check", ".", "--format", "jsonl", "--fail-on", "never"],
        None,
    );
    let checked: Vec<String> = out(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(checked, paths(&v));

    // --no-config: every article, no registry
    let v = json(&["report", ".", "--format", "json", "--no-config"]);
    assert_eq!(paths(&v).len(), 3, "{:?}", paths(&v));
    assert_eq!(v["summary"]["sources"][0]["registry"], Value::Null);

    // --config names another file (here: none of the settings)
    fs::write(d.join("empty.toml"), "").unwrap();
    let v = json(&["report", ".", "--format", "json", "--config", "empty.toml"]);
    assert_eq!(paths(&v).len(), 3);

    // registry suggest: Reuters is in the configured registry, so not suggested again
    let suggest = |extra: &[&str]| {
        let args = [&["registry", "suggest", "."][..], extra].concat();
        let o = common::whosaid_in(d, &args, None);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        out(&o)
    };
    let with = suggest(&[]);
    assert!(
        with.starts_with("id,name,aliases,kind,affiliation"),
        "{with}"
    );
    assert!(!with.contains("\nreuters,"), "{with}");
    assert!(!with.contains("drafts/"), "{with}");
    let without = suggest(&["--no-config"]);
    assert!(without.contains("\nreuters,Reuters,"), "{without}");

    // a bad whosaid.toml is an error naming the file and line, exit 2
    fs::write(
        d.join("whosaid.toml"),
        "registry = \"reg.csv\"\ndisabel = [\"x\"]\n",
    )
    .unwrap();
    for args in [&["report", "."][..], &["registry", "suggest", "."][..]] {
        let o = common::whosaid_in(d, args, None);
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        assert!(err(&o).contains("whosaid.toml:2"), "{}", err(&o));
    }
}
