//! `--threads`: reports come out in input order and byte for byte the same whatever the number
//! of threads, and JSON Lines output streams (the first report before the input ends).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Run whosaid with `args`, feeding `stdin` from another thread (the output streams, so
/// writing all of a large input before reading would fill both pipes).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut w = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = w.write_all(&data);
    });
    let out = child.wait_with_output().expect("whosaid output");
    feeder.join().unwrap();
    out
}

fn record(id: &str, text: &str) -> String {
    let mut s = serde_json::json!({ "id": id, "text": text }).to_string();
    s.push('\n');
    s
}

/// The Wikinews sample when ../shared is there, else documents made from the seed article and
/// its paragraphs (short and long, with and without quotations).
fn corpus() -> String {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/wikinews/wikinews_en_2019_2020.jsonl");
    if let Ok(s) = std::fs::read_to_string(&shared) {
        return s;
    }
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/npo-mash.txt"),
    )
    .unwrap();
    let paras: Vec<&str> = seed.split("\n\n").collect();
    let mut out = String::new();
    for i in 0..120 {
        let text = match i % 3 {
            0 => seed.clone(),
            1 => paras[i % paras.len()].to_string(),
            _ => paras[..1 + i % paras.len()].join("\n\n"),
        };
        out.push_str(&record(&format!("doc-{i}"), &text));
    }
    out
}

const JSONL: &[&str] = &["check", "--input-format", "jsonl", "--format", "jsonl"];

fn with(base: &[&str], extra: &[&'static str]) -> Vec<String> {
    base.iter()
        .chain(extra)
        .map(|s| s.to_string())
        .chain(["-".to_string()])
        .collect()
}

fn run_with(base: &[&str], extra: &[&'static str], stdin: &[u8]) -> Output {
    let args = with(base, extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args, stdin)
}

#[test]
fn jsonl_output_is_the_same_with_one_and_two_threads() {
    let input = corpus();
    let one = run_with(JSONL, &["--threads", "1"], input.as_bytes());
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    let docs = input.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(one.stdout.iter().filter(|&&b| b == b'\n').count(), docs);
    for extra in [&["--threads", "2"][..], &["-j", "3"], &["-j", "8"]] {
        let many = run_with(JSONL, extra, input.as_bytes());
        assert_eq!(many.status.code(), Some(0));
        assert!(
            one.stdout == many.stdout,
            "{extra:?}: output differs from --threads 1"
        );
    }
}

#[test]
fn json_and_text_reports_are_the_same_with_two_threads() {
    let input: String = corpus()
        .lines()
        .take(40)
        .map(|l| format!("{l}\n"))
        .collect();
    for format in ["json", "text"] {
        let base = ["check", "--input-format", "jsonl", "--format", format];
        let one = run_with(&base, &["-j", "1", "--color", "never"], input.as_bytes());
        let two = run_with(&base, &["-j", "2", "--color", "never"], input.as_bytes());
        assert!(!one.stdout.is_empty());
        assert!(one.stdout == two.stdout, "--format {format} differs");
        assert_eq!(one.status.code(), two.status.code());
    }
}

#[test]
fn bad_records_keep_their_place_and_the_exit_code() {
    let mut input = String::new();
    for i in 0..50 {
        if i % 7 == 3 {
            input.push_str("not json\n");
        } else {
            input.push_str(&record(
                &format!("d{i}"),
                "The dam failed in 2019, officials said.",
            ));
        }
    }
    let one = run_with(JSONL, &["-j", "1"], input.as_bytes());
    let two = run_with(JSONL, &["-j", "2"], input.as_bytes());
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(two.status.code(), Some(2));
    assert!(one.stdout == two.stdout);
    assert_eq!(one.stderr, two.stderr);
}

/// The first report is written while standard input is still open.
#[test]
fn jsonl_output_streams() {
    for threads in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(with(JSONL, &["--threads", threads]))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(record("first", "The dam failed in 2019, officials said.").as_bytes())
            .unwrap();
        stdin.flush().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(60));
        drop(stdin);
        let _ = child.wait();
        let line = line.unwrap_or_else(|_| panic!("-j {threads}: no report before end of input"));
        assert!(line.contains("\"path\":\"first\""), "{line}");
    }
}

/// Records that arrive together are checked together, and their reports all go out before more
/// input comes: none waits in a buffer for the next record.
#[test]
fn jsonl_output_streams_every_record_at_hand() {
    for threads in ["1", "2", "3"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(with(JSONL, &["--threads", threads]))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut n = 0;
        for batch in [3, 1, 4] {
            let mut chunk = String::new();
            for _ in 0..batch {
                chunk.push_str(&record(
                    &format!("r{n}"),
                    "The dam failed in 2019, officials said. \"It held,\" Ms. Diaz said.",
                ));
                n += 1;
            }
            stdin.write_all(chunk.as_bytes()).unwrap();
            stdin.flush().unwrap();
            for k in n - batch..n {
                let line = rx
                    .recv_timeout(Duration::from_secs(60))
                    .unwrap_or_else(|_| {
                        panic!("-j {threads}: report {k} not out while the input is open")
                    });
                assert!(line.contains(&format!("\"path\":\"r{k}\"")), "{line}");
            }
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
    }
}
