//! The CI report formats (`--format sarif|github|junit|gitlab|markdown|csv`), each produced for
//! the seed and for a directory of Markdown and HTML articles, and checked against the JSON
//! report of the same run: the same findings, at the same places, with the same fingerprints.

mod common;

use common::whosaid;
use serde_json::Value;
use std::path::Path;

const SARIF_SCHEMA: &str = "/work/shared/schemas/sarif-schema-2.1.0.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The output of `whosaid check ARGS --format FORMAT --fail-on never` (run in the crate root).
fn run(format: &str, args: &[&str]) -> (String, i32) {
    let mut all = vec!["check", "--format", format, "--fail-on", "never"];
    all.extend_from_slice(args);
    let out = common::whosaid_in(root(), &all, None);
    (
        String::from_utf8(out.stdout).expect("UTF-8 report"),
        out.status.code().unwrap_or(-1),
    )
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&run("json", args).0).expect("JSON report")
}

/// (path, line, column, end line, end column, rule, fingerprint) of every finding of a JSON
/// report, in order.
type Row = (String, u64, u64, u64, u64, String, String, String);
fn rows(report: &Value) -> Vec<Row> {
    let mut out = Vec::new();
    for d in report["documents"].as_array().unwrap() {
        for f in d["findings"].as_array().unwrap() {
            let s = &f["span"];
            out.push((
                d["path"].as_str().unwrap().to_string(),
                s["line"].as_u64().unwrap(),
                s["column"].as_u64().unwrap(),
                s["end_line"].as_u64().unwrap(),
                s["end_column"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
                f["fingerprint"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

const SEED: &[&str] = &[
    "fixtures/seed/npo-mash.txt",
    "--registry",
    "fixtures/seed/registry.csv",
];
const DIR: &[&str] = &["fixtures/input", "--registry", "fixtures/seed/registry.csv"];

#[test]
fn sarif_validates_against_the_schema_and_has_every_finding() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(SARIF_SCHEMA).expect("the SARIF schema"))
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("SARIF schema compiles");
    for args in [SEED, DIR] {
        let (out, code) = run("sarif", args);
        assert_eq!(code, 0);
        let sarif: Value = serde_json::from_str(&out).expect("SARIF is JSON");
        let errs: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errs.is_empty(), "SARIF does not validate: {errs:#?}");
        let want = rows(&json(args));
        assert!(!want.is_empty());
        let r = &sarif["runs"][0];
        assert_eq!(r["columnKind"], "unicodeCodePoints");
        let results = r["results"].as_array().unwrap();
        assert_eq!(results.len(), want.len());
        let rules = r["tool"]["driver"]["rules"].as_array().unwrap();
        for (res, w) in results.iter().zip(&want) {
            let reg = &res["locations"][0]["physicalLocation"]["region"];
            let got = (
                res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                reg["startLine"].as_u64().unwrap(),
                reg["startColumn"].as_u64().unwrap(),
                reg["endLine"].as_u64().unwrap(),
                reg["endColumn"].as_u64().unwrap(),
                res["ruleId"].as_str().unwrap().to_string(),
                res["partialFingerprints"]["whosaid/v1"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                match res["level"].as_str().unwrap() {
                    "note" => "info".to_string(),
                    l => l.to_string(),
                },
            );
            assert_eq!(&got, w);
            let idx = res["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[idx]["id"], res["ruleId"]);
            assert!(
                rules[idx]["helpUri"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("docs/rules/{}.md", w.5))
            );
            assert!(!rules[idx]["help"]["text"].as_str().unwrap().is_empty());
        }
    }
    // a file that cannot be read is a notification of a valid log, and the run is unsuccessful
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("fixtures/seed/npo-mash.txt"),
        dir.path().join("a b.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.md"), b"caf\xe9\n").unwrap();
    let p = dir.path().display().to_string();
    let (out, code) = run("sarif", &[&p]);
    assert_eq!(code, 2);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let errs: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errs.is_empty(), "{errs:#?}");
    let inv = &sarif["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert!(note["message"]["text"].as_str().unwrap().contains("UTF-8"));
    let uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str();
    assert!(uri.unwrap().ends_with("/bad.md"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str();
    assert!(uri.unwrap().ends_with("/a%20b.txt"), "{uri:?}");
}

#[test]
fn github_commands_match_the_findings_and_escape_file_names() {
    for args in [SEED, DIR] {
        let (out, _) = run("github", args);
        let want = rows(&json(args));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), want.len());
        for (l, w) in lines.iter().zip(&want) {
            let level = if w.7 == "info" { "notice" } else { &w.7 };
            let head = format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title=whosaid {}::",
                w.0, w.1, w.2, w.3, w.4, w.5
            );
            assert!(l.starts_with(&head), "{l}\n{head}");
        }
    }
    // a file name with `:`, `,` and `%`, and a file that is not UTF-8
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("2019-05-01: budget, vote 100%.txt");
    std::fs::copy(root().join("fixtures/seed/npo-mash.txt"), &name).unwrap();
    std::fs::write(dir.path().join("bad.md"), b"caf\xe9 au lait\n").unwrap();
    let p = dir.path().display().to_string();
    let (out, code) = run("github", &[&p]);
    assert_eq!(code, 2, "a file failed: {out}");
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace(':', "%3A")
            .replace(',', "%2C")
    };
    let finding = out
        .lines()
        .find(|l| l.starts_with("::warning"))
        .expect(&out);
    assert!(
        finding.starts_with(&format!(
            "::warning file={},line=1,",
            esc(&name.display().to_string())
        )),
        "{finding}"
    );
    assert!(
        finding.contains("%3A budget%2C vote 100%25.txt,line="),
        "{finding}"
    );
    let error = out.lines().find(|l| l.starts_with("::error")).expect(&out);
    assert!(
        error.contains("bad.md") && error.contains("UTF-8"),
        "{error}"
    );
}

#[test]
fn junit_has_a_testcase_per_file_and_a_failure_per_finding() {
    for args in [SEED, DIR] {
        let report = json(args);
        let docs = report["documents"].as_array().unwrap().len();
        let want = rows(&report);
        let mut a = args.to_vec();
        a.extend(["--fail-on", "warning"]);
        let mut all = vec!["check", "--format", "junit"];
        all.extend(a);
        let out = common::whosaid_in(root(), &all, None);
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
        assert_eq!(out.matches("<testcase ").count(), docs);
        // at --fail-on warning, each warning is a failure and each info is listed
        let warnings = want.iter().filter(|w| w.7 == "warning").count();
        assert!(warnings > 0 && want.iter().all(|w| w.7 != "error"));
        assert_eq!(out.matches("<failure ").count(), warnings);
        assert!(out.contains(&format!("failures=\"{warnings}\"")));
        assert_eq!(out.matches("<testsuite ").count(), 1);
        assert!(out.trim_end().ends_with("</testsuites>"));
        // at the default threshold (error) they are listed but do not fail
        let (out, _) = run("junit", args);
        assert_eq!(out.matches("<failure ").count(), 0);
        assert_eq!(out.matches("<system-out>").count(), docs);
    }
}

#[test]
fn gitlab_code_quality_has_unique_fingerprints_and_lines() {
    for args in [SEED, DIR] {
        let (out, _) = run("gitlab", args);
        let issues: Value = serde_json::from_str(&out).unwrap();
        let issues = issues.as_array().unwrap();
        let want = rows(&json(args));
        assert_eq!(issues.len(), want.len());
        let mut seen = std::collections::HashSet::new();
        for (i, w) in issues.iter().zip(&want) {
            assert_eq!(i["check_name"], w.5.as_str());
            assert_eq!(i["fingerprint"], w.6.as_str());
            assert_eq!(i["location"]["path"], w.0.as_str());
            assert_eq!(i["location"]["lines"]["begin"], w.1);
            assert!(["info", "minor", "major"].contains(&i["severity"].as_str().unwrap()));
            assert!(!i["description"].as_str().unwrap().is_empty());
            assert!(seen.insert(w.6.clone()), "duplicate fingerprint {}", w.6);
        }
    }
}

#[test]
fn markdown_summary_counts_per_rule_and_a_table_per_file() {
    for args in [SEED, DIR] {
        let (out, _) = run("markdown", args);
        let report = json(args);
        let want = rows(&report);
        assert!(
            out.starts_with(&format!("## whosaid: {} findings", want.len())),
            "{out}"
        );
        let mut per_rule = std::collections::BTreeMap::<&str, [usize; 3]>::new();
        for w in &want {
            let k = ["error", "warning", "info"]
                .iter()
                .position(|s| *s == w.7)
                .unwrap();
            per_rule.entry(&w.5).or_default()[k] += 1;
        }
        for (rule, [e, w, i]) in per_rule {
            assert!(
                out.contains(&format!("| `{rule}` | {e} | {w} | {i} |")),
                "{rule}\n{out}"
            );
        }
        let with_findings = (report["documents"].as_array().unwrap().iter())
            .filter(|d| !d["findings"].as_array().unwrap().is_empty())
            .count();
        assert_eq!(
            out.matches("| line | severity | rule | message |").count(),
            with_findings
        );
    }
}

#[test]
fn csv_has_a_row_per_finding_with_its_fingerprint() {
    for args in [SEED, DIR] {
        let (out, _) = run("csv", args);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let header = r.headers().unwrap().clone();
        assert_eq!(&header[0], "path");
        assert_eq!(&header[9], "fingerprint");
        let got: Vec<Row> = r
            .records()
            .map(|rec| {
                let rec = rec.unwrap();
                let n = |i: usize| rec[i].parse::<u64>().unwrap();
                (
                    rec[0].to_string(),
                    n(1),
                    n(2),
                    n(3),
                    n(4),
                    rec[6].to_string(),
                    rec[9].to_string(),
                    rec[5].to_string(),
                )
            })
            .collect();
        assert_eq!(got, rows(&json(args)));
    }
}

#[test]
fn json_names_files_that_failed_and_still_reports_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("fixtures/seed/npo-mash.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), b"caf\xe9\n").unwrap();
    let out_file = dir.path().join("out.json");
    let p = dir.path().display().to_string();
    let o = out_file.display().to_string();
    let out = whosaid(&["check", &p, "--format", "json", "--output", &o], None);
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["path"].as_str().unwrap().ends_with("b.md"));
    assert!(errors[0]["message"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn fingerprints_survive_edits_above_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(root().join("fixtures/seed/npo-mash.txt")).unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, &body).unwrap();
    let p = f.display().to_string();
    let before = rows(&json(&[&p]));
    assert!(!before.is_empty());
    std::fs::write(
        &f,
        format!("An editor's note added at the top, before the article.\n{body}"),
    )
    .unwrap();
    let after = rows(&json(&[&p]));
    for b in &before {
        let a = after.iter().find(|a| a.5 == b.5 && a.6 == b.6);
        let a = a.unwrap_or_else(|| panic!("{b:?} lost its fingerprint: {after:?}"));
        assert!(a.1 > b.1, "it moved down: {a:?} {b:?}");
    }
}

/// Every format that shows attributed contents says when one was cut at
/// `whosaid::model::MAX_CONTENT_BYTES`: JSON and JSON Lines mark it `"truncated": true`, the
/// HTML page says `content cut at 4,096 bytes` beside it and in the summary. The others show
/// no contents (only the line of a finding, shortened), which the test checks too: a stretch of
/// the article longer than any of their snippets appears only in the formats that show contents.
#[test]
fn every_format_that_shows_a_cut_content_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.txt");
    // one sentence of cues, each content running to its end: cut at the cap
    std::fs::write(&path, "he said that ".repeat(1300)).unwrap();
    let path = path.to_str().unwrap();
    let stretch = "he said that ".repeat(12);
    let stretch = stretch.trim_end();
    let note = whosaid::report::content_cut_note();
    assert_eq!(note, "content cut at 4,096 bytes");
    let mut showing = Vec::new();
    for format in [
        "text", "json", "jsonl", "html", "sarif", "github", "junit", "gitlab", "markdown", "csv",
    ] {
        let (out, code) = run(format, &[path]);
        assert_eq!(code, 0, "{format}");
        if !out.contains(stretch) {
            continue;
        }
        showing.push(format);
        let says = match format {
            "json" | "jsonl" => {
                let docs: Vec<Value> = if format == "json" {
                    let v: Value = serde_json::from_str(&out).expect("JSON");
                    v["documents"].as_array().unwrap().clone()
                } else {
                    (out.lines())
                        .map(|l| serde_json::from_str(l).expect("a JSON line"))
                        .collect()
                };
                let d = &docs[0];
                let cut = (d["attributions"].as_array().unwrap().iter())
                    .filter(|a| a["content"]["truncated"] == true)
                    .count();
                cut > 0 && d["stats"]["truncated_contents"] == cut
            }
            _ => out.contains(&note),
        };
        assert!(
            says,
            "{format} shows a cut content without saying it was cut"
        );
    }
    assert_eq!(showing, ["json", "jsonl", "html"]);
    // the page marks each cut content of the who-said-what table, and counts them
    let (html, _) = run("html", &[path]);
    assert!(html.contains(&format!("<span class=\"cut\">({note})</span>")));
    assert!(html.contains("attributed contents cut: <b>"));
    // some 300 contents overlap at each word: one highlight element for them, not one each
    // (the page was 66 MB for these 17 KB; now about 1.4 MB, mostly the 1,300 findings)
    assert!(html.len() < 200 * 13 * 1300, "{} bytes of page", html.len());
    // and not an uncut one
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "The mayor said that the bridge will open in May.\n").unwrap();
    let (html, _) = run("html", &[small.to_str().unwrap()]);
    assert!(html.contains("m-content") && !html.contains("content cut at"));
}
