//! The command line end to end: exit codes, formats, errors that name file, line and problem.

mod common;

use common::whosaid;
use std::fs;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

const SEED: &str = "fixtures/seed/npo-mash.txt";

#[test]
fn exit_codes_follow_fail_on() {
    // the seed has warnings but no errors
    let o = whosaid(&["check", SEED], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = whosaid(&["check", SEED, "--fail-on", "warning"], None);
    assert_eq!(o.status.code(), Some(1));
    let o = whosaid(&["check", SEED, "--fail-on", "never"], None);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn text_report_has_findings_with_position() {
    let o = whosaid(&["check", SEED, "--color", "never"], None);
    let out = stdout(&o);
    assert!(
        out.contains("fixtures/seed/npo-mash.txt:6:1: warning[unattributed-claim]"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "no colour when asked for none");
    let o = whosaid(&["check", SEED, "--color", "always"], None);
    assert!(stdout(&o).contains('\u{1b}'));
}

#[test]
fn missing_file_is_exit_2_with_its_name() {
    let o = whosaid(&["check", "no/such/file.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_names_file_line_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.txt");
    fs::write(&p, b"Fine line.\nBad \xff byte.\n").unwrap();
    let o = whosaid(&["check", p.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("bad.txt:2:") && e.contains("offset 15"), "{e}");
}

#[test]
fn bad_registry_is_exit_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("reg.csv");
    fs::write(
        &p,
        "id,name,kind\na,Alice Smith,person\na,Alice Smyth,person\n",
    )
    .unwrap();
    let o = whosaid(&["check", SEED, "--registry", p.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("reg.csv:3:"), "{e}");
}

#[test]
fn bad_rules_dir_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("patterns")).unwrap();
    let p = dir.path().join("patterns/boilerplate.txt");
    fs::write(&p, "(unclosed\n").unwrap();
    let o = whosaid(
        &["check", SEED, "--rules", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("boilerplate.txt:1: invalid regex"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rules_override_changes_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("checks")).unwrap();
    fs::write(
        dir.path().join("checks/strict.toml"),
        "id = \"unattributed-claim\"\nseverity = \"error\"\n",
    )
    .unwrap();
    let o = whosaid(
        &["check", SEED, "--rules", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error[unattributed-claim]"));
}

#[test]
fn output_file_is_written_and_kept_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let o = whosaid(
        &[
            "check",
            SEED,
            "--format",
            "json",
            "--output",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let first = fs::read_to_string(&out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["summary"]["documents"], 1);
    // a run where one input fails still writes the report of the others, naming the failed
    // one in `errors` (issue 14), and leaves no temporary file behind
    let o = whosaid(
        &[
            "check",
            SEED,
            "missing.txt",
            "--format",
            "json",
            "--output",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["documents"], 1);
    assert_eq!(v["errors"][0]["path"], "missing.txt");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn stdin_and_jsonl_input() {
    let o = whosaid(
        &["check", "--format", "json", "-"],
        Some("The dam failed in 2019, officials said.".as_bytes()),
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"][0]["path"], "-");
    assert_eq!(
        v["documents"][0]["attributions"][0]["sources"][0]["text"],
        "officials"
    );

    let input = "{\"id\":\"one\",\"text\":\"The dam failed in 2019, officials said.\"}\n{\"id\":\"two\",\"text\":\"Acme fired 400 workers in 2023.\"}\n";
    let o = whosaid(
        &["check", "--input-format", "jsonl", "--format", "jsonl", "-"],
        Some(input.as_bytes()),
    );
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "one");
    assert_eq!(lines[1]["findings"][0]["rule"], "unattributed-claim");
}

#[test]
fn bad_jsonl_record_names_line() {
    let o = whosaid(
        &["check", "--input-format", "jsonl", "--format", "jsonl", "-"],
        Some(b"{\"id\":\"a\",\"text\":\"Fine.\"}\nnot json\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("-:2: not a JSON object"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn directories_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Acme fired 400 workers in 2023.").unwrap();
    fs::write(
        dir.path().join("b.md"),
        "# Title\n\nThe dam failed in 2019, officials said.\n",
    )
    .unwrap();
    fs::write(dir.path().join("skip.csv"), "x,y").unwrap();
    let o = whosaid(
        &["check", "--format", "json", dir.path().to_str().unwrap()],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["documents"], 2);
}

#[test]
fn rules_and_explain() {
    let o = whosaid(&["rules"], None);
    let out = stdout(&o);
    for id in [
        "unattributed-claim",
        "single-source",
        "anonymous-source",
        "orphan-quote",
        "loaded-verb",
    ] {
        assert!(out.contains(id), "{out}");
    }
    let o = whosaid(&["explain", "single-source"], None);
    assert!(stdout(&o).contains("## What it flags"));
    let o = whosaid(&["explain", "no-such-rule"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn max_file_size_skips_with_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    fs::write(&p, "Acme fired 400 workers in 2023. ".repeat(100)).unwrap();
    let o = whosaid(
        &[
            "check",
            "--max-file-size",
            "100",
            "--format",
            "json",
            p.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("big.txt: skipped"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["documents"], 0);
}
