//! Helpers shared by the integration tests: running the binary, and checking a JSON report
//! against an expectations file (the format of fixtures/seed/expected.json, the same rules as
//! ../shared/tools/check-expected.py).
#![allow(dead_code)]

pub mod chromium;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Run the whosaid binary with `args` (and `stdin`, if given).
pub fn whosaid(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.args(args);
    run(cmd, stdin)
}

/// Run `cmd`, feeding it `stdin` (or nothing), and collect its output.
fn run(mut cmd: Command, stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("run whosaid");
    if let Some(data) = stdin {
        child.stdin.take().unwrap().write_all(data).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("whosaid output")
}

fn low(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or("").to_lowercase()
}

/// Check `doc` (one document of a JSON report; `raw` is the article's bytes) against the
/// expectations `exp`. Returns the failures, each a line saying what is wrong.
pub fn check_expected(exp: &Value, doc: &Value, raw: &[u8]) -> (usize, Vec<String>) {
    let mut fails = Vec::new();
    let mut n = 0;
    let empty = Vec::new();
    let arr = |v: &Value, k: &str| v.get(k).and_then(Value::as_array).unwrap_or(&empty).clone();
    let sources = arr(doc, "sources");
    let name_of = |id: &str| {
        sources
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| low(s.get("name")))
            .unwrap_or_default()
    };
    let atts = arr(doc, "attributions");
    for e in arr(exp, "attributions") {
        n += 1;
        let want: Vec<String> = arr(&e, "sources").iter().map(|s| low(Some(s))).collect();
        let cue_any: Vec<String> = arr(&e, "cue_any").iter().map(|s| low(Some(s))).collect();
        let content = low(e.get("content"));
        let ok = atts.iter().any(|a| {
            let ac = low(a.get("content").and_then(|c| c.get("text")));
            let cue = low(a.get("cue").and_then(|c| c.get("text")));
            let names: Vec<String> = arr(a, "sources")
                .iter()
                .map(|r| name_of(r["source"].as_str().unwrap_or("")))
                .collect();
            let mention_ok = match e.get("mention") {
                Some(m) => arr(a, "sources")
                    .iter()
                    .any(|r| low(r.get("text")) == low(Some(m))),
                None => true,
            };
            ac.contains(&content)
                && cue_any.iter().any(|c| cue.contains(c))
                && want.iter().all(|w| names.contains(w))
                && mention_ok
        });
        if !ok {
            fails.push(format!(
                "attribution {want:?} / {cue_any:?} / {content:?} not found"
            ));
        }
    }
    let names: Vec<String> = sources.iter().map(|s| low(s.get("name"))).collect();
    for ns in arr(exp, "not_sources") {
        n += 1;
        if names.contains(&low(Some(&ns))) {
            fails.push(format!("{ns} is a source's name"));
        }
    }
    for a in arr(exp, "anonymous_sources") {
        n += 1;
        let a = low(Some(&a));
        let hit = sources.iter().any(|s| {
            s["anonymous"] == true
                && arr(s, "mentions")
                    .iter()
                    .any(|m| low(m.get("text")).contains(&a))
        });
        if !hit {
            fails.push(format!("no anonymous source mentioned as {a:?}"));
        }
    }
    if let Some(m) = exp.get("registry_matches").and_then(Value::as_object) {
        for (name, id) in m {
            n += 1;
            let got = sources
                .iter()
                .find(|s| low(s.get("name")) == name.to_lowercase())
                .and_then(|s| s.get("registry"))
                .and_then(|r| r.get("id"))
                .cloned();
            if got.as_ref() != Some(id) {
                fails.push(format!("source {name} matched {got:?}, want {id}"));
            }
        }
    }
    let claims = arr(doc, "claims");
    for c in arr(exp, "claims") {
        n += 1;
        let contains = low(c.get("contains"));
        let hit = claims
            .iter()
            .any(|x| low(x.get("text")).contains(&contains) && x["status"] == c["status"]);
        if !hit {
            fails.push(format!(
                "no claim containing {contains:?} with status {}",
                c["status"]
            ));
        }
    }
    let findings = arr(doc, "findings");
    let ftext = |f: &Value| {
        let s = f["span"]["start"].as_u64().unwrap_or(0) as usize;
        let e = f["span"]["end"].as_u64().unwrap_or(0) as usize;
        String::from_utf8_lossy(raw.get(s..e).unwrap_or(b"")).to_lowercase()
    };
    for f in arr(exp, "findings") {
        n += 1;
        let sc = low(f.get("span_contains"));
        if !findings
            .iter()
            .any(|x| x["rule"] == f["rule"] && ftext(x).contains(&sc))
        {
            fails.push(format!("no finding {} on {sc:?}", f["rule"]));
        }
    }
    for f in arr(exp, "no_findings") {
        n += 1;
        let sc = low(f.get("span_contains"));
        if findings
            .iter()
            .any(|x| (f["rule"] == "*" || x["rule"] == f["rule"]) && ftext(x).contains(&sc))
        {
            fails.push(format!("unexpected finding {} on {sc:?}", f["rule"]));
        }
    }
    for t in arr(exp, "no_claims_containing") {
        n += 1;
        let t = low(Some(&t));
        if claims.iter().any(|x| low(x.get("text")).contains(&t)) {
            fails.push(format!("a claim contains {t:?}"));
        }
    }
    (n, fails)
}

/// Read a fixture file.
pub fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("fixture")
}

/// Run the whosaid binary with `args` in directory `dir`.
pub fn whosaid_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.current_dir(dir).args(args);
    run(cmd, stdin)
}
