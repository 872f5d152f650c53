//! The seed article end to end: the binary's JSON report must meet every expectation of
//! fixtures/seed/expected.json (the same 40 checks as ../shared/tools/check-expected.py).

mod common;

use serde_json::Value;

#[test]
fn seed_report_meets_every_expectation() {
    let out = common::whosaid(
        &[
            "check",
            "fixtures/seed/npo-mash.txt",
            "--registry",
            "fixtures/seed/registry.csv",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["schema_version"], 1);
    let exp: Value =
        serde_json::from_slice(&common::fixture("fixtures/seed/expected.json")).unwrap();
    let raw = common::fixture("fixtures/seed/npo-mash.txt");
    let doc = &report["documents"][0];
    let (n, fails) = common::check_expected(&exp, doc, &raw);
    assert_eq!(n, 40, "the expectations file has 40 checks");
    assert!(
        fails.is_empty(),
        "{} of {n} failed:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

#[test]
fn every_span_is_on_char_boundaries_inside_the_file() {
    let out = common::whosaid(
        &[
            "check",
            "fixtures/seed/npo-mash.txt",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        None,
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw = String::from_utf8(common::fixture("fixtures/seed/npo-mash.txt")).unwrap();
    let mut spans = Vec::new();
    fn walk(v: &Value, out: &mut Vec<(u64, u64)>) {
        match v {
            Value::Object(m) => {
                if let (Some(s), Some(e)) = (
                    m.get("start").and_then(Value::as_u64),
                    m.get("end").and_then(Value::as_u64),
                ) {
                    out.push((s, e));
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&report, &mut spans);
    assert!(spans.len() > 50);
    for (s, e) in spans {
        let (s, e) = (s as usize, e as usize);
        assert!(s <= e && e <= raw.len(), "span {s}..{e}");
        assert!(
            raw.is_char_boundary(s) && raw.is_char_boundary(e),
            "span {s}..{e}"
        );
    }
}
