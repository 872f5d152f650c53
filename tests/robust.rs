//! Issue 13: no input can stall a run or make it write where it should not. The report file is
//! written through a temporary file that no planted link can redirect, keeps the permissions of
//! the report it replaces and is removed on SIGINT/SIGTERM; everything `rules` and `explain`
//! print from a rule file is sanitised. See docs/security.md.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

const ARTICLE: &str = "The dam failed in 2019, officials said.\n";

/// `whosaid check - --output OUT` with `ARTICLE` on standard input, after `before(pid)` ran.
fn check_stdin_to(out: &Path, env: &[(&str, &str)], before: impl FnOnce(u32)) -> Output {
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json", "--output"])
        .arg(out)
        .arg("-")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    before(child.id());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(ARTICLE.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn a_link_planted_under_the_old_temporary_name_is_not_followed() {
    // The attack of issue 13: `ln -s victim .S.json.$PID.tmp` before the report is written.
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious\n").unwrap();
    let out = dir.path().join("S.json");
    let o = check_stdin_to(&out, &[], |pid| {
        symlink(&victim, dir.path().join(format!(".S.json.{pid}.tmp"))).unwrap();
    });
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    let meta = fs::symlink_metadata(&out).unwrap();
    assert!(
        meta.file_type().is_file(),
        "S.json is {:?}",
        meta.file_type()
    );
    let report = fs::read_to_string(&out).unwrap();
    assert!(report.contains("\"documents\": 1"), "{report}");
}

#[test]
fn an_output_path_that_is_a_link_is_replaced_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious\n").unwrap();
    let out = dir.path().join("S.json");
    symlink(&victim, &out).unwrap();
    let o = check_stdin_to(&out, &[], |_| {});
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(fs::symlink_metadata(&out).unwrap().file_type().is_file());
    assert_eq!(names(dir.path()), ["S.json", "victim"]);
}

#[test]
fn a_replaced_report_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("S.json");
    for mode in [0o600, 0o640, 0o604] {
        fs::write(&out, "old\n").unwrap();
        fs::set_permissions(&out, fs::Permissions::from_mode(mode)).unwrap();
        let o = check_stdin_to(&out, &[], |_| {});
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_ne!(fs::read_to_string(&out).unwrap(), "old\n");
        let got = fs::metadata(&out).unwrap().permissions().mode() & 0o7777;
        assert_eq!(got, mode, "{mode:o} became {got:o}");
    }
    assert_eq!(names(dir.path()), ["S.json"]);
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the write pause exists in debug builds only"
)]
fn sigint_and_sigterm_during_the_write_leave_no_temporary_file() {
    // The debug binary waits WHOSAID_TEST_WRITE_PAUSE_MS with the temporary file written and
    // not renamed: the signal lands in the window a large report's write would open.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        fs::write(&out, "previous report\n").unwrap();
        let mut seen = Vec::new();
        let o = check_stdin_to(&out, &[("WHOSAID_TEST_WRITE_PAUSE_MS", "20000")], |pid| {
            // the input goes in after this returns; wait for the temporary file in a thread
            let dir = dir.path().to_path_buf();
            let waiter = std::thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(60);
                loop {
                    let tmp: Vec<String> = names(&dir)
                        .into_iter()
                        .filter(|n| n.starts_with(".report.json.") && n.ends_with(".tmp"))
                        .collect();
                    if !tmp.is_empty() || Instant::now() > deadline {
                        let st = Command::new("kill")
                            .args([format!("-{signal}"), pid.to_string()])
                            .status()
                            .unwrap();
                        assert!(st.success());
                        return tmp;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            });
            seen.push(waiter);
        });
        let tmp = seen.pop().unwrap().join().unwrap();
        assert_eq!(tmp.len(), 1, "{signal}: the temporary file never appeared");
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(o.status.signal(), Some(number), "{signal}: {:?}", o.status);
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        assert_eq!(fs::read_to_string(&out).unwrap(), "previous report\n");
        assert_eq!(
            names(dir.path()),
            ["report.json"],
            "{signal}: a temporary file was left"
        );
    }
}

/// Terminal controls a hostile rule file may carry: set the window title, clear the screen,
/// a one-character CSI, a bidi override, a zero-width space.
const HOSTILE: &str = "\\u001b]0;pwned\\u0007 \\u001b[2J \\u009b31m \\u202e \\u200b";

fn hostile_rules() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("checks")).unwrap();
    let orig = fs::read_to_string("rules/checks/single-source.toml").unwrap();
    let mut out = String::new();
    let mut in_description = false;
    for line in orig.lines() {
        if in_description {
            if line == "\"\"\"" {
                in_description = false;
            }
            continue;
        }
        if line.starts_with("name = ") {
            out.push_str(&format!("name = \"Single {HOSTILE}\"\n"));
        } else if line.starts_with("summary = ") {
            out.push_str(&format!("summary = \"One source {HOSTILE}\"\n"));
        } else if line.starts_with("description = ") {
            out.push_str(&format!(
                "description = \"## What it flags\\n{HOSTILE}\\nsecond line {HOSTILE}\"\n"
            ));
            in_description = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    fs::write(dir.path().join("checks/single-source.toml"), out).unwrap();
    dir
}

fn assert_clean(what: &str, o: &Output) {
    assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(o));
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    for c in text.chars() {
        assert!(
            c == '\n'
                || !(c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{200b}'..='\u{200f}').contains(&c)),
            "{what}: U+{:04X} in {text:?}",
            c as u32
        );
    }
    // the texts are there, their controls replaced one for one
    assert!(
        text.contains("\u{fffd}]0;pwned\u{fffd} \u{fffd}[2J \u{fffd}31m \u{fffd} \u{fffd}"),
        "{what}: {text}"
    );
}

#[test]
fn rules_and_explain_sanitise_what_a_rule_file_says() {
    let rules = hostile_rules();
    let dir = rules.path().to_str().unwrap();
    let o = Command::new(BIN)
        .args(["rules", "--rules", dir])
        .output()
        .unwrap();
    assert_clean("rules", &o);
    let listing = String::from_utf8_lossy(&o.stdout).to_string();
    let line = listing
        .lines()
        .find(|l| l.starts_with("single-source "))
        .unwrap_or_else(|| panic!("{listing}"));
    assert!(line.contains("One source \u{fffd}]0;pwned"), "{line}");
    let o = Command::new(BIN)
        .args(["explain", "single-source", "--rules", dir])
        .output()
        .unwrap();
    assert_clean("explain", &o);
    let page = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(page.starts_with("# Single \u{fffd}]0;pwned"), "{page}");
    // the description's own line breaks are kept
    assert!(
        page.contains("\n## What it flags\n\u{fffd}]0;pwned"),
        "{page}"
    );
    assert!(page.contains("\nsecond line \u{fffd}]0;pwned"), "{page}");
}

/// Run whosaid with `args`, killed after 60 s (a hang fails the test, it does not stall the run).
fn run_limited(args: &[&str]) -> Output {
    let child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    // (output read as it comes: a full pipe must not stall the run)
    std::thread::spawn(move || tx.send(child.wait_with_output().unwrap()));
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(o) => o,
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("whosaid {args:?} did not finish in 60 s");
        }
    }
}

#[test]
fn a_device_given_as_a_path_is_refused() {
    let o = run_limited(&["check", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error: /dev/zero: a device or socket, not a file; not read"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn a_fifo_given_as_a_path_is_read_up_to_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("endless.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // a writer that never stops (until the reader goes away)
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = ARTICLE.repeat(100);
        let mut sent = 0usize;
        while f.write_all(chunk.as_bytes()).is_ok() {
            sent += chunk.len();
        }
        sent
    });
    let o = run_limited(&["check", "--max-file-size", "100000", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("endless.txt: more than --max-file-size 100000 bytes"),
        "{}",
        stderr(&o)
    );
    let sent = writer.join().unwrap();
    assert!(sent < 10_000_000, "{sent} bytes were read");
    // a FIFO under the limit is read and checked
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
        f.write_all(ARTICLE.as_bytes()).unwrap();
    });
    let o = run_limited(&["check", "--format", "json", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"claims\": 1"));
}

#[test]
fn a_jsonl_file_over_the_size_limit_is_streamed_and_each_record_limited() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("archive.jsonl");
    let rec = |id: usize, text: &str| format!("{{\"id\":\"d{id}\",\"text\":{text:?}}}\n");
    let mut data: String = (0..50).map(|i| rec(i, ARTICLE)).collect();
    fs::write(&file, &data).unwrap();
    let limit = "1000";
    assert!(data.len() > 1000);
    let o = run_limited(&[
        "check",
        "--format",
        "jsonl",
        "--max-file-size",
        limit,
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 50);
    assert!(!stderr(&o).contains("skipped"), "{}", stderr(&o));
    // one record over the limit: an error naming its line, the others checked, exit 2
    let long = rec(50, &"The dam failed, officials said. ".repeat(40));
    data.push_str(&long);
    data.push_str(&rec(51, ARTICLE));
    fs::write(&file, &data).unwrap();
    let o = run_limited(&[
        "check",
        "--format",
        "jsonl",
        "--max-file-size",
        limit,
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 51);
    let name = file.display().to_string();
    assert!(
        stderr(&o).contains(&format!(
            "{name}:51: record of {} bytes is over the limit of 1000 bytes",
            long.len() - 1
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_thread_that_cannot_start_is_an_error() {
    // Under a 1 GB address-space limit, 5,000 threads of 2 MiB stacks cannot all start, as
    // long as they are alive together: the input comes on standard input after a second, so
    // the threads started wait for it (with a file at hand they could take it, find nothing
    // more and end, giving their stacks back before the last was started: exit 0). When
    // the address space runs out between a thread's stack and its signal stack (a page or
    // two, which the new thread maps itself), the Rust runtime aborts that thread ("failed to
    // allocate an alternative stack"): no program can catch that, so such a run is tried again
    // (it was once in many runs, on a loaded machine); any other outcome is judged at once.
    let run = || {
        Command::new("sh")
            .args([
                "-c",
                &format!(
                    "ulimit -v 1000000 && (sleep 1; cat fixtures/seed/npo-mash.txt) \
                     | exec {BIN} check -j 5000 -"
                ),
            ])
            .output()
            .unwrap()
    };
    let mut o = run();
    for _ in 0..3 {
        if !stderr(&o).contains("failed to allocate an alternative stack") {
            break;
        }
        o = run();
    }
    assert_eq!(o.status.code(), Some(2), "{:?}: {}", o.status, stderr(&o));
    assert!(
        stderr(&o).contains("could not start worker thread") && stderr(&o).contains("of 5000"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn json_reports_escape_del_and_the_c1_controls() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("c1\u{9b}.txt");
    // U+009B is a one-character CSI: `\u{9b}2J` clears a screen that takes 8-bit controls
    let text = "The dam failed in 2019, \u{9b}2Jofficials\u{7f} said. \u{85}\u{80}\u{9f} Maria Lopez said it.\n";
    fs::write(&name, text).unwrap();
    for format in ["json", "jsonl"] {
        let o = run_limited(&["check", "--format", format, name.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        let raw: Vec<char> = out
            .chars()
            .filter(|c| ('\u{7f}'..='\u{9f}').contains(c))
            .collect();
        assert!(raw.is_empty(), "{format}: raw {raw:?} in {out}");
        assert!(out.contains("\\u009b2Jofficials\\u007f"), "{format}: {out}");
        assert!(out.contains("c1\\u009b.txt"), "{format}: {out}");
        // and the JSON still says the same text
        let first = out.lines().next().unwrap();
        if format == "jsonl" {
            let v: serde_json::Value = serde_json::from_str(first).unwrap();
            assert_eq!(v["path"], name.to_str().unwrap());
        } else {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(v["documents"][0]["path"], name.to_str().unwrap());
        }
    }
}

#[test]
fn utf32_text_is_a_clear_error_in_an_article_a_registry_and_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let utf32 = |s: &str, le: bool| -> Vec<u8> {
        let mut b: Vec<u8> = if le {
            vec![0xff, 0xfe, 0, 0]
        } else {
            vec![0, 0, 0xfe, 0xff]
        };
        for c in s.chars() {
            let u = c as u32;
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let article = dir.path().join("wide.txt");
    fs::write(&article, utf32("The dam failed, officials said.\n", true)).unwrap();
    let o = run_limited(&["check", article.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("wide.txt:1: UTF-32LE"),
        "{}",
        stderr(&o)
    );
    let reg = dir.path().join("wide.csv");
    fs::write(&reg, utf32("id,name,kind\n", false)).unwrap();
    let o = run_limited(&[
        "check",
        "--registry",
        reg.to_str().unwrap(),
        "fixtures/seed/npo-mash.txt",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("wide.csv:1: UTF-32BE"),
        "{}",
        stderr(&o)
    );
    let stream = dir.path().join("wide.jsonl");
    fs::write(&stream, utf32("{\"id\":\"a\",\"text\":\"x\"}\n", true)).unwrap();
    let o = run_limited(&["check", stream.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("error:").count(), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("wide.jsonl:1: UTF-32LE"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_json_lines_record_larger_than_memory_is_an_error_not_an_abort() {
    // 600 MB on one line under a 500 MB address-space limit, no size limit: the old reader
    // aborted (exit 134, "memory allocation of ... failed"); now the line is skipped with an
    // error naming it, and the next record is checked.
    let script = format!(
        "ulimit -v 500000; (printf '{{\"id\":\"a\",\"text\":\"'; head -c 600000000 /dev/zero | tr '\\0' a; \
         printf '\"}}\\n{{\"id\":\"b\",\"text\":\"The dam failed, officials said.\"}}\\n') | \
         {BIN} check --input-format jsonl --format jsonl --max-file-size 100000000000 -"
    );
    let o = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{:?}: {}", o.status, stderr(&o));
    assert!(
        stderr(&o)
            .contains("error: -:1: record of 600000020 bytes does not fit in memory; skipped"),
        "{}",
        stderr(&o)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("\"path\":\"b\""), "{out}");
}

/// A panic while one input is checked (a bug) becomes that input's error: the run goes on with
/// the others, reports them, and exits 2, and the panic hook prints no `panicked at` over the
/// error. The debug binary panics on the input named by `WHOSAID_TEST_PANIC`.
#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the WHOSAID_TEST_PANIC trigger exists in debug builds only"
)]
fn a_panic_in_one_input_is_its_error_and_the_others_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(dir.path().join(name), ARTICLE).unwrap();
    }
    let run = |threads: &str, format: &str, panic_on: &str| {
        Command::new(BIN)
            .args([
                "check",
                "-j",
                threads,
                "--format",
                format,
                "--fail-on",
                "never",
            ])
            .arg(dir.path())
            .env("WHOSAID_TEST_PANIC", panic_on)
            .output()
            .unwrap()
    };
    for threads in ["1", "2"] {
        for format in ["json", "text", "jsonl"] {
            let o = run(threads, format, "b.txt");
            let err = stderr(&o);
            let out = String::from_utf8_lossy(&o.stdout);
            assert_eq!(o.status.code(), Some(2), "-j{threads} {format}: {err}");
            assert!(
                err.contains("b.txt: internal error while checking this input (WHOSAID_TEST_PANIC"),
                "-j{threads} {format}: {err}"
            );
            assert!(!err.contains("panicked"), "-j{threads} {format}: {err}");
            assert!(out.contains("a.txt") && out.contains("c.txt"), "{out}");
            if format == "json" {
                let v: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
                let paths: Vec<&str> = (v["documents"].as_array().unwrap().iter())
                    .map(|d| d["path"].as_str().unwrap())
                    .collect();
                assert_eq!(paths.len(), 2, "{paths:?}");
                assert!(paths.iter().all(|p| !p.ends_with("b.txt")), "{paths:?}");
            }
        }
    }
    // the trigger names no input: the run is clean (so the errors above are the trigger's)
    let o = run("1", "json", "no-such-input.txt");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // a record of a JSON Lines stream likewise
    let mut child = Command::new(BIN)
        .args([
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "-",
        ])
        .env("WHOSAID_TEST_PANIC", "rec-2")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for id in ["rec-1", "rec-2", "rec-3"] {
        let line = serde_json::json!({ "id": id, "text": ARTICLE });
        writeln!(stdin, "{line}").unwrap();
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("rec-2") && err.contains("internal error"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("rec-1") && out.contains("rec-3") && !out.contains("\"rec-2\""));
}
