//! Real articles: ten English Wikinews stories (CC BY 2.5, see fixtures/wikinews/NOTICE.md), each
//! with an editor's expectations of a correct report in fixtures/wikinews/<id>.expected.json (the
//! format of fixtures/seed/expected.json).
//!
//! Every regular expectation must hold. The "known_failures" of each file are correct expectations
//! that whosaid does not meet yet, each a one-item expectations object with a "why"; they do not
//! fail the test, but the test prints which of them now pass so that they can be moved into the
//! regular lists (`cargo test --test wikinews -- --nocapture`).

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};

const DIR: &str = "fixtures/wikinews";

/// The expectation lists of the format; a known failure holds exactly one item of one of them.
const KEYS: [&str; 8] = [
    "attributions",
    "not_sources",
    "anonymous_sources",
    "registry_matches",
    "claims",
    "findings",
    "no_findings",
    "no_claims_containing",
];

fn expectation_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/wikinews")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".expected.json"))
        })
        .collect();
    files.sort();
    files
}

/// The document of the binary's JSON report on `article` (a path relative to the crate).
fn report(article: &str) -> Value {
    let out = common::whosaid(
        &["check", article, "--format", "json", "--fail-on", "never"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{article}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["schema_version"], 1);
    let docs = report["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 1, "{article}: one document");
    docs[0].clone()
}

/// How many expectation items `v` holds, over all the keys of the format.
fn items(v: &Value) -> usize {
    KEYS.iter()
        .map(|k| match v.get(*k) {
            Some(Value::Array(a)) => a.len(),
            Some(Value::Object(m)) => m.len(),
            _ => 0,
        })
        .sum()
}

#[test]
fn wikinews_reports_meet_every_expectation() {
    let files = expectation_files();
    let (mut fixtures, mut checked) = (0, 0);
    let (mut known, mut promotable) = (0, Vec::new());
    let mut fails = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let exp: Value = serde_json::from_slice(&std::fs::read(file).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let article = exp["article"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no \"article\""));
        let path = format!("{DIR}/{article}");
        let raw = common::fixture(&path);
        let doc = report(&path);

        let (n, f) = common::check_expected(&exp, &doc, &raw);
        assert_eq!(n, items(&exp), "{name}: every expectation is counted");
        fixtures += 1;
        checked += n;
        fails.extend(f.into_iter().map(|f| format!("{name}: {f}")));

        for (i, kf) in exp["known_failures"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let why = kf["why"].as_str().unwrap_or_default();
            assert!(
                !why.is_empty(),
                "{name}: known_failures[{i}] has no \"why\""
            );
            assert_eq!(
                items(kf),
                1,
                "{name}: known_failures[{i}] must hold exactly one expectation"
            );
            let (n, f) = common::check_expected(kf, &doc, &raw);
            assert_eq!(n, 1, "{name}: known_failures[{i}] is one check");
            known += 1;
            if f.is_empty() {
                promotable.push(format!("{name}: known_failures[{i}] now passes: {why}"));
            }
        }
    }

    println!(
        "wikinews: {fixtures} articles, {checked} expectations checked, {} failed",
        fails.len()
    );
    println!(
        "wikinews: {} of {known} known failures now pass{}",
        promotable.len(),
        if promotable.is_empty() {
            ""
        } else {
            " (move them into the regular lists):"
        }
    );
    for p in &promotable {
        println!("  {p}");
    }

    assert!(fixtures >= 10, "only {fixtures} expectation files in {DIR}");
    assert!(checked >= 60, "only {checked} expectations checked");
    assert!(
        fails.is_empty(),
        "{} of {checked} expectations failed:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

#[test]
fn every_wikinews_article_has_expectations_and_credit() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let notice = std::fs::read_to_string(dir.join("NOTICE.md")).expect("NOTICE.md");
    assert!(notice.contains("CC BY 2.5"), "NOTICE.md names the licence");
    let mut articles = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        let Some(id) = name.strip_suffix(".txt") else {
            continue;
        };
        articles += 1;
        assert!(
            dir.join(format!("{id}.expected.json")).exists(),
            "{name} has no {id}.expected.json"
        );
        assert!(notice.contains(&name), "NOTICE.md does not credit {name}");
    }
    assert_eq!(articles, expectation_files().len());
}
