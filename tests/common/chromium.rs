//! Headless Chromium for the tests of the HTML pages (`check --format html`, `report --format
//! html`): finding it, and running it offline on a page file with a fresh profile and a network
//! log.
//!
//! Chromium is Debian's `chromium` (installed by .ci/run), or the one `WHOSAID_CHROMIUM` names.
//! Without it the browser tests say so loudly on standard error and are skipped, unless
//! `WHOSAID_REQUIRE_CHROMIUM` is set (CI sets it when it could install the browser), in which
//! case they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium run may take before the test fails.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The Chromium to run, or `None` (after saying so loudly) when there is none and it is not
/// required. `what` names the tests that will not run.
pub fn chromium(what: &str) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("WHOSAID_CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
        Some(PathBuf::from("/usr/bin/google-chrome")),
    ];
    for c in candidates.into_iter().flatten() {
        if c.is_file() {
            return Some(c);
        }
    }
    let msg = format!(
        "headless Chromium not found (/usr/bin/chromium; set WHOSAID_CHROMIUM): {what} did NOT run"
    );
    if std::env::var_os("WHOSAID_REQUIRE_CHROMIUM").is_some() {
        panic!("{msg}, and WHOSAID_REQUIRE_CHROMIUM is set");
    }
    eprintln!("\n*** SKIPPED: {msg} ***\n");
    None
}

/// Chromium `bin` headless on `page` (a file), with a fresh profile and its network log;
/// `mode` is `--dump-dom` or `--screenshot=...`. Returns standard output and the network log.
/// Fails the test when Chromium fails or takes longer than two minutes.
pub fn run_chromium(bin: &Path, page: &Path, mode: &str) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let netlog = profile.path().join("netlog.json");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--window-size=1400,1800",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--net-log-capture-mode=Everything")
        .arg(mode)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chromium");
    let read = |r: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut r) = r {
                let _ = r.read_to_string(&mut s);
            }
            s
        })
    };
    let stdout = read(child.stdout.take().map(|r| Box::new(r) as _));
    let stderr = read(child.stderr.take().map(|r| Box::new(r) as _));
    let deadline = Instant::now() + TIME_LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium took more than {TIME_LIMIT:?} on {}",
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (out, err) = (stdout.join().unwrap(), stderr.join().unwrap());
    assert!(status.success(), "chromium: {status:?} {err}");
    let log = std::fs::read_to_string(&netlog).unwrap_or_default();
    (out, log)
}
