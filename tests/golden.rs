//! Golden outputs: the reports of the repository's own articles, pinned byte for byte in
//! tests/golden/, so that a refactor shows any change in what whosaid says as a diff, and a
//! deliberate change is reviewed as one.
//!
//! When a change is meant to alter output, regenerate the files and review the diff:
//!
//! ```sh
//! WHOSAID_BLESS=1 cargo test --test golden
//! git diff tests/golden
//! ```

mod common;

use std::path::{Path, PathBuf};

/// One pinned run: the golden file's name and the arguments of `whosaid`.
struct Case {
    golden: String,
    args: Vec<String>,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = Vec::new();
    let mut wikinews: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/wikinews"))
        .expect("fixtures/wikinews")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    wikinews.sort();
    assert!(wikinews.len() >= 10, "the Wikinews fixtures are there");
    let rel = |p: &Path| p.strip_prefix(root).unwrap().display().to_string();
    // all the Wikinews fixtures in one JSON Lines run (one line each, in order)
    let mut args: Vec<String> = ["check", "--format", "jsonl", "--fail-on", "never"]
        .map(String::from)
        .to_vec();
    args.extend(wikinews.iter().map(|p| rel(p)));
    cases.push(Case {
        golden: "wikinews.jsonl".into(),
        args,
    });
    for (golden, file, registry, format) in [
        ("seed.jsonl", "fixtures/seed/npo-mash.txt", false, "jsonl"),
        (
            "seed-registry.jsonl",
            "fixtures/seed/npo-mash.txt",
            true,
            "jsonl",
        ),
        (
            "seed-registry.txt",
            "fixtures/seed/npo-mash.txt",
            true,
            "text",
        ),
        (
            "article-md.jsonl",
            "fixtures/input/article.md",
            true,
            "jsonl",
        ),
        (
            "article-html.jsonl",
            "fixtures/input/article.html",
            true,
            "jsonl",
        ),
    ] {
        let mut args: Vec<String> = vec!["check".into(), file.into()];
        if registry {
            args.extend(["--registry".into(), "fixtures/seed/registry.csv".into()]);
        }
        args.extend(
            ["--format", format, "--fail-on", "never", "--color", "never"].map(String::from),
        );
        cases.push(Case {
            golden: golden.into(),
            args,
        });
    }
    cases
}

#[test]
fn reports_match_the_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/golden");
    let bless = std::env::var_os("WHOSAID_BLESS").is_some();
    let mut changed = Vec::new();
    for case in cases() {
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(&args)
            .current_dir(root)
            .output()
            .expect("run whosaid");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            case.golden,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{}: a report", case.golden);
        let path = dir.join(&case.golden);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &out.stdout).unwrap();
            continue;
        }
        let want = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run WHOSAID_BLESS=1 cargo test --test golden",
                path.display()
            )
        });
        if want != out.stdout {
            let got = String::from_utf8_lossy(&out.stdout);
            let want = String::from_utf8_lossy(&want);
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            let detail = match (got.lines().nth(first), want.lines().nth(first)) {
                (Some(g), Some(w)) => first_difference(g, w),
                _ => "a line added or removed".to_string(),
            };
            changed.push(format!(
                "{} differs from `whosaid {}` at line {}: {detail}\n  (WHOSAID_BLESS=1 cargo test \
                 --test golden rewrites it; review the diff)",
                case.golden,
                args.join(" "),
                first + 1
            ));
        }
    }
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

/// Where two lines first differ: the JSON path and both values when both are JSON, else the
/// two lines.
fn first_difference(got: &str, want: &str) -> String {
    use serde_json::Value;
    fn walk(path: &str, g: &Value, w: &Value) -> Option<String> {
        match (g, w) {
            (Value::Object(a), Value::Object(b)) => {
                for (k, bv) in b {
                    match a.get(k) {
                        Some(av) => {
                            if let Some(d) = walk(&format!("{path}.{k}"), av, bv) {
                                return Some(d);
                            }
                        }
                        None => return Some(format!("{path}.{k} is gone")),
                    }
                }
                a.keys()
                    .find(|k| !b.contains_key(*k))
                    .map(|k| format!("{path}.{k} is new"))
            }
            (Value::Array(a), Value::Array(b)) => {
                for (i, (av, bv)) in a.iter().zip(b).enumerate() {
                    if let Some(d) = walk(&format!("{path}[{i}]"), av, bv) {
                        return Some(d);
                    }
                }
                (a.len() != b.len())
                    .then(|| format!("{path} has {} items, was {}", a.len(), b.len()))
            }
            _ if g == w => None,
            _ => Some(format!("{path} is {g}, was {w}")),
        }
    }
    match (
        serde_json::from_str::<Value>(got),
        serde_json::from_str::<Value>(want),
    ) {
        (Ok(g), Ok(w)) => walk("$", &g, &w).unwrap_or_else(|| "same JSON, other bytes".to_string()),
        _ => format!("\n  now: {got}\n  was: {want}"),
    }
}
