//! Resolution on real text: short passages of English Wikinews articles (CC BY 2.5, see
//! fixtures/wikinews/passages/NOTICE.md), one case each (issue 16): a definite description
//! that refers back ("The agency", "The researchers"), a pronoun whose gender decides ("she"),
//! a pronoun left unresolved rather than guessed, and the kinds of sources that are no persons
//! (the Chicago Marathon, Magyar Nemzet, the United Nations), the source behind a carrier ("data
//! from the World Health Organisation", "a report on Wednesday by UpGuard") and a speaker after
//! the verb ("says the study, it rises ...", "wrote Steve Winwood in a statement"). Each passage
//! has its expectations in <id>.expected.json, the format of tests/wikinews.rs, plus
//! "source_kinds" (a source's name and the kind the report must give it).

mod common;

use serde_json::Value;
use std::path::Path;

const DIR: &str = "fixtures/wikinews/passages";

#[test]
fn wikinews_passages_resolve_as_an_editor_reads_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let notice = std::fs::read_to_string(dir.join("NOTICE.md")).expect("NOTICE.md");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect(DIR)
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 13, "only {} passages", files.len());
    let mut fails = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let exp: Value = serde_json::from_slice(&std::fs::read(file).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let article = exp["article"].as_str().expect("article");
        assert!(
            notice.contains(article),
            "NOTICE.md does not credit {article}"
        );
        assert!(
            exp["case"].as_str().is_some_and(|c| !c.is_empty()),
            "{name}: no case"
        );
        let path = format!("{DIR}/{article}");
        let out = common::whosaid(
            &["check", &path, "--format", "json", "--fail-on", "never"],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{path}");
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        let doc = &report["documents"][0];
        let (n, f) = common::check_expected(&exp, doc, &common::fixture(&path));
        let kinds = exp["source_kinds"].as_object().cloned().unwrap_or_default();
        assert!(n + kinds.len() > 0, "{name}: no expectation");
        fails.extend(f.into_iter().map(|f| format!("{name}: {f}")));
        let sources = doc["sources"].as_array().cloned().unwrap_or_default();
        for (source, kind) in &kinds {
            let got: Vec<&Value> = sources
                .iter()
                .filter(|s| s["name"].as_str() == Some(source.as_str()))
                .map(|s| &s["kind"])
                .collect();
            if got.is_empty() || got.iter().any(|k| *k != kind) {
                fails.push(format!("{name}: {source} should be {kind}, is {got:?}"));
            }
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}
