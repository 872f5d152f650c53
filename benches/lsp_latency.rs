//! The language server's latency: how long after an editor's last change the diagnostics of a
//! 5,000-word draft arrive. `cargo bench --bench lsp_latency` prints the figures (it is not a
//! timed test: nothing here fails on a slow machine).
//!
//! The draft is the Wikinews fixtures (fixtures/wikinews/*.txt) joined in order until it holds
//! 5,000 words, checked with the seed's registry (through a whosaid.toml). Measured:
//!
//! - in process: what a check costs (parse, check, report, diagnostics) on the draft;
//! - through the binary (`whosaid lsp`, spawned as an editor spawns it): from writing a
//!   one-character `didChange` to reading its `publishDiagnostics`, for keystrokes apart (the
//!   debounce plus the check plus the pipe), and for bursts of keystrokes 5 ms apart (measured
//!   from the last; a burst should cost one check).

#[path = "../tests/lsp/client.rs"]
mod client;

use client::{Client, file_uri};
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

const WORDS: usize = 5_000;
const KEYSTROKES: usize = 60;
const BURSTS: usize = 10;
const BURST_LEN: usize = 10;

fn draft() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/wikinews");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/wikinews")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = String::new();
    'fill: loop {
        for f in &files {
            out.push_str(std::fs::read_to_string(f).unwrap().trim());
            out.push_str("\n\n");
            if out.split_whitespace().count() >= WORDS {
                break 'fill;
            }
        }
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let q = |p: f64| ms(v[((v.len() - 1) as f64 * p).round() as usize]);
    println!(
        "{name:<44} median {:6.2} ms   p90 {:6.2} ms   max {:6.2} ms   (n = {})",
        q(0.5),
        q(0.9),
        q(1.0),
        v.len()
    );
}

fn main() {
    let text = draft();
    let words = text.split_whitespace().count();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let registry = whosaid::Registry::load(&root.join("fixtures/seed/registry.csv")).unwrap();
    println!(
        "draft: {words} words, {} bytes, {} lines; debounce {} ms",
        text.len(),
        text.lines().count(),
        whosaid::lsp::Options::default().debounce.as_millis()
    );

    // in process: one check of the draft, as the server makes it
    let checker = whosaid::Checker::new(whosaid::Ruleset::embedded(), Some(registry));
    let (mut costs, mut checks, mut reports, mut conversions) = (vec![], vec![], vec![], vec![]);
    let mut findings = 0;
    for _ in 0..30 {
        let t = Instant::now();
        let doc = whosaid::input::parse("draft.txt", text.clone(), whosaid::input::Format::Text);
        let analysis = checker.check(doc);
        let t1 = Instant::now();
        let all: Vec<usize> = (0..analysis.sources.len()).collect();
        let independent = checker.independent(&analysis, &all);
        let rep = whosaid::report::build(&analysis, independent);
        let t2 = Instant::now();
        let lines = whosaid::lsp::text::LineMap::new(&text);
        let diags = whosaid::lsp::diagnostics(&rep, &text, &lines, whosaid::lsp::RULE_DOCS_BASE);
        let t3 = Instant::now();
        findings = diags.len();
        costs.push(t3 - t);
        checks.push(t1 - t);
        reports.push(t2 - t1);
        conversions.push(t3 - t2);
    }
    println!("{findings} diagnostics");
    summary("check in process (parse..diagnostics)", costs);
    summary("  of which parse and check", checks);
    summary("  of which report", reports);
    summary("  of which diagnostics (UTF-16 ranges)", conversions);

    // through the binary
    let ws = tempfile::tempdir().unwrap();
    std::fs::copy(
        root.join("fixtures/seed/registry.csv"),
        ws.path().join("registry.csv"),
    )
    .unwrap();
    std::fs::write(
        ws.path().join("whosaid.toml"),
        "registry = \"registry.csv\"\n",
    )
    .unwrap();
    let uri = file_uri(&ws.path().join("draft.txt"));
    let mut c = Client::spawn(Path::new(env!("CARGO_BIN_EXE_whosaid")), ws.path());
    c.initialize(ws.path());
    let t = c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let (at, d) = c.diagnostics(&uri, 1);
    println!(
        "didOpen -> publishDiagnostics: {:.2} ms ({} diagnostics)",
        ms(at - t),
        d.len()
    );
    let line_count = text.lines().count() as u64;
    let mut version = 1;
    let keystroke = |c: &mut Client, version: &mut i64, k: usize| {
        *version += 1;
        let line = (k as u64 * 7919) % line_count;
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": *version},
                "contentChanges": [{
                    "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                    "text": "x",
                }],
            }),
        )
    };
    let mut single = Vec::new();
    for k in 0..KEYSTROKES {
        let t = keystroke(&mut c, &mut version, k);
        let (at, _) = c.diagnostics(&uri, version);
        single.push(at - t);
        std::thread::sleep(Duration::from_millis(40));
    }
    summary("keystroke -> diagnostics (keystrokes apart)", single);

    let mut bursts = Vec::new();
    let mut published = 0;
    for b in 0..BURSTS {
        let first = version + 1;
        let mut last = Instant::now();
        for k in 0..BURST_LEN {
            last = keystroke(&mut c, &mut version, 1000 + b * BURST_LEN + k);
            std::thread::sleep(Duration::from_millis(5));
        }
        let (at, _) = c.diagnostics(&uri, version);
        bursts.push(at - last);
        published += 1;
        // diagnostics of the burst's earlier versions, if any were published
        while c
            .wait_for("textDocument/publishDiagnostics", Duration::ZERO, |p| {
                p["version"]
                    .as_i64()
                    .is_some_and(|v| v >= first && v < version)
            })
            .is_some()
        {
            published += 1;
        }
        std::thread::sleep(Duration::from_millis(40));
    }
    summary("last of 10 keystrokes 5 ms apart -> diagnostics", bursts);
    println!(
        "checks for {BURSTS} bursts of {BURST_LEN} keystrokes: {published} ({:.1} a burst)",
        published as f64 / BURSTS as f64
    );
    assert!(c.shutdown().success());
}
