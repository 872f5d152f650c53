//! Hostile and broken input, end to end through the built binary: every case ends with the
//! documented exit status (0 clean, 1 findings, 2 could not run) and an error that names the
//! file (and line), and never with a panic. See docs/security.md.

mod common;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");
const SEED: &str = "fixtures/seed/npo-mash.txt";

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Run whosaid with `args` (from the crate root), killing it after `secs` seconds: a hang is a
/// failure, not a stuck test run. Standard output and error are read as they come (a full pipe
/// must not stall the run). Asserts it did not panic.
fn run(args: &[&str], stdin: Option<&[u8]>, secs: u64) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let input = stdin.map(<[u8]>::to_vec);
    let mut pipe = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let (Some(p), Some(data)) = (pipe.as_mut(), input) {
            let _ = p.write_all(&data);
        }
    });
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let errs = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break Some(st);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    let o = Output {
        status: status.unwrap_or_else(|| child.wait().expect("wait")),
        stdout: out.join().expect("stdout"),
        stderr: errs.join().expect("stderr"),
    };
    assert!(
        status.is_some(),
        "whosaid {args:?} did not finish in {secs} s"
    );
    no_panic(&o);
    o
}

fn no_panic(o: &Output) {
    let e = err(o);
    assert!(!e.contains("panicked"), "panic: {e}");
    assert!(
        matches!(o.status.code(), Some(0..=2)),
        "exit status {:?}: {e}",
        o.status
    );
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&o.stdout)
        )
    })
}

fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    fs::write(&p, data).unwrap();
    p.to_str().unwrap().to_string()
}

/// Check one file as JSON: exit status and the parsed report.
fn check_json(path: &str, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never", path];
    args.extend_from_slice(extra);
    let o = run(&args, None, 120);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    (o.status.code(), json(&o))
}

// ---------------------------------------------------------------- encodings and odd bytes

#[test]
fn invalid_utf8_is_exit_2_with_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bad.txt", b"One line.\nTwo \xc3\x28 bytes.\n");
    let o = run(&["check", &p], None, 60);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("bad.txt:2:") && e.contains("offset 14"), "{e}");
}

#[test]
fn utf16_with_bom_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xff, 0xfe];
    for u in "The dam failed, officials said.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = write(dir.path(), "wide.txt", &bytes);
    let o = run(&["check", &p], None, 60);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains(
            "wide.txt:1: UTF-16LE (byte order mark) is not supported; convert the file to UTF-8"
        ),
        "{e}"
    );
    // big-endian, and as a registry
    let mut be = vec![0xfe, 0xff];
    for u in "id,name,kind\n".encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    let r = write(dir.path(), "wide.csv", &be);
    let o = run(&["check", SEED, "--registry", &r], None, 60);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("wide.csv:1: UTF-16BE"), "{}", err(&o));
}

#[test]
fn utf16_jsonl_on_stdin_is_one_error() {
    let mut bytes = vec![0xff, 0xfe];
    for u in "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let o = run(&["check", "--input-format", "jsonl", "-"], Some(&bytes), 60);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert_eq!(e.matches("error:").count(), 1, "{e}");
    assert!(e.contains("-:1: UTF-16LE"), "{e}");
}

#[test]
fn nul_bytes_do_not_crash_and_output_stays_valid() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The dam\0 failed in 2019,\0 officials said.\0\n\n\0\u{201c}It\0 broke,\u{201d} she said.\0";
    let p = write(dir.path(), "nul.txt", text);
    let (_, v) = check_json(&p, &[]);
    assert_eq!(v["summary"]["documents"], 1);
    let o = run(
        &["check", "--color", "never", "--fail-on", "never", &p],
        None,
        60,
    );
    assert!(!o.stdout.contains(&0), "a NUL byte reached the text report");
    let p = write(dir.path(), "nul.html", format!("<p>{text}</p>"));
    check_json(&p, &[]);
    let p = write(dir.path(), "nul.md", format!("# T\0\n\n{text}"));
    check_json(&p, &[]);
}

#[test]
fn empty_file_is_exit_0_without_findings() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["empty.txt", "empty.md", "empty.html"] {
        let p = write(dir.path(), name, "");
        let (_, v) = check_json(&p, &[]);
        assert_eq!(v["documents"][0]["findings"].as_array().unwrap().len(), 0);
        let o = run(&["check", &p, "--fail-on", "info"], None, 60);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    }
    // white space only, and a BOM only
    let p = write(dir.path(), "blank.txt", " \n\t\r\n\u{feff}");
    check_json(&p, &[]);
    let p = write(dir.path(), "bom.txt", "\u{feff}");
    check_json(&p, &[]);
    let o = run(&["check", "--format", "jsonl", "-"], Some(b""), 60);
    assert_eq!(o.status.code(), Some(0));
}

// ---------------------------------------------------------------- sizes and depths

/// `mb` megabytes of attributions on one line: one paragraph of many sentences, quotations,
/// attributions and findings (each mention of "officials" and "Maria Lopez" the same source).
/// Such a paragraph was once quadratic in several places (claims, orphan-quote, resolve's and
/// anonymous-source's mention lists, report columns): 20 MB took hours, then 49 s in release; now
/// 2.4 s. See docs/performance.md.
fn attributions_on_one_line(mb: usize) {
    let dir = tempfile::tempdir().unwrap();
    let s = "Acme fired 400 workers in 2023, officials said. \u{201c}It is over,\u{201d} said Maria Lopez. ";
    let p = write(
        dir.path(),
        "big.txt",
        s.repeat(mb * 1024 * 1024 / s.len() + 1),
    );
    let o = run(
        &[
            "check",
            "--max-file-size",
            "30000000",
            "--format",
            "jsonl",
            &p,
        ],
        None,
        3600,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

/// A size that a debug build checks in a few seconds: it must finish (no timing is asserted).
#[test]
fn two_megabytes_on_one_line() {
    attributions_on_one_line(2);
}

/// Ignored because it takes about 60 s in a debug build (2.4 s in release).
#[test]
#[ignore = "slow in a debug build (about 60 s); run with --ignored or --release"]
fn twenty_megabytes_on_one_line() {
    attributions_on_one_line(20);
}

/// `mb` megabytes of words on one line, with no sentence end, quotation or cue: one paragraph,
/// one sentence. This part of the pipeline is linear.
fn words_on_one_line(mb: usize) {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "words.txt",
        "lorem ipsum dolor sit amet ".repeat(mb * 1024 * 1024 / 27 + 1),
    );
    let o = run(
        &[
            "check",
            "--max-file-size",
            "30000000",
            "--format",
            "jsonl",
            &p,
        ],
        None,
        600,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["path"], p.as_str());
}

#[test]
fn two_megabytes_of_words_on_one_line() {
    words_on_one_line(2);
}

/// Ignored because it takes about 50 s in a debug build (4 s in release).
#[test]
#[ignore = "slow in a debug build (about 50 s); run with --ignored or --release"]
fn twenty_megabytes_of_words_on_one_line() {
    words_on_one_line(20);
}

#[test]
fn many_paragraphs_on_one_line_of_minified_html() {
    // 2,000 paragraphs on one line (minified HTML): columns must not be recounted from the
    // start of the line for every span.
    let dir = tempfile::tempdir().unwrap();
    let para = "<p>Acme fired 400 workers in 2023, officials said. \u{201c}It is over,\u{201d} said Maria Lopez.</p>";
    let p = write(dir.path(), "min.html", para.repeat(2000));
    let (_, v) = check_json(&p, &[]);
    let last = v["documents"][0]["claims"]
        .as_array()
        .unwrap()
        .last()
        .cloned();
    let last = last.expect("claims");
    assert_eq!(last["span"]["line"], 1);
    assert!(last["span"]["column"].as_u64().unwrap() > 100_000);
}

#[test]
fn two_hundred_thousand_quotation_marks() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("straight.txt", "\"".repeat(200_000)),
        (
            "curly.txt",
            "\u{201c}".repeat(100_000) + &"\u{201d}".repeat(100_000),
        ),
        ("mixed.txt", "\"a \u{201c}b\u{2019} '".repeat(40_000)),
    ] {
        let p = write(dir.path(), name, text);
        let o = run(&["check", "--format", "jsonl", &p], None, 120);
        assert!(o.status.code() == Some(0), "{name}: {}", err(&o));
        let _: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    }
}

#[test]
fn html_nested_twenty_thousand_deep() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Officials said the dam failed in 2019.";
    for tag in ["div", "blockquote", "p", "b", "table"] {
        let html = format!(
            "{}{body}{}",
            format!("<{tag}>").repeat(20_000),
            format!("</{tag}>").repeat(20_000)
        );
        let p = write(dir.path(), &format!("deep-{tag}.html"), html);
        let (_, v) = check_json(&p, &[]);
        assert_eq!(v["summary"]["documents"], 1);
    }
    // unclosed, and a comment/script that never ends
    let p = write(dir.path(), "open.html", "<div>".repeat(20_000) + body);
    check_json(&p, &[]);
    let p = write(
        dir.path(),
        "comment.html",
        format!("<p>{body}</p><!-- never closed"),
    );
    check_json(&p, &[]);
    let p = write(
        dir.path(),
        "script.html",
        format!("<p>{body}</p><script>x = 1"),
    );
    check_json(&p, &[]);
}

#[test]
fn markdown_nested_twenty_thousand_deep() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Officials said the dam failed in 2019.";
    for (name, prefix) in [("quote.md", "> "), ("list.md", "- "), ("emph.md", "*[")] {
        let p = write(dir.path(), name, prefix.repeat(20_000) + body);
        check_json(&p, &[]);
    }
}

#[test]
fn markdown_unclosed_front_matter_and_fence() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "fm.md",
        "---\ntitle: never closed\n\nThe dam failed in 2019, officials said.\n",
    );
    let (_, v) = check_json(&p, &[]);
    assert_eq!(v["summary"]["documents"], 1);
    let p = write(
        dir.path(),
        "fence.md",
        "Intro.\n\n```\nThe dam failed in 2019, officials said.\n\nmore code",
    );
    let (_, v) = check_json(&p, &[]);
    assert_eq!(
        v["summary"]["claims"], 0,
        "an unclosed fence runs to the end: code, not prose"
    );
    let p = write(dir.path(), "only.md", "---");
    check_json(&p, &[]);
    let p = write(dir.path(), "plus.md", "+++\ntitle = 1\n");
    check_json(&p, &[]);
}

// ---------------------------------------------------------------- file system

#[test]
fn directory_with_a_symlink_loop_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("articles");
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::write(d.join("a.txt"), "The dam failed in 2019, officials said.").unwrap();
    std::os::unix::fs::symlink(&d, d.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", d.join("self.txt")).unwrap();
    let o = run(
        &["check", "--format", "json", d.to_str().unwrap()],
        None,
        60,
    );
    // Links are not followed in a directory walk: the loop and the self-link are skipped.
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(json(&o)["summary"]["documents"], 1);
    // Named on the command line, the self-link is an error that names it.
    let s = d.join("self.txt");
    let o = run(&["check", s.to_str().unwrap()], None, 60);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains("self.txt") && e.contains("symbolic links"),
        "{e}"
    );
    // The loop named on the command line is walked once.
    let l = d.join("sub/loop");
    let o = run(
        &["check", "--format", "json", l.to_str().unwrap()],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn unreadable_inputs_are_named() {
    let dir = tempfile::tempdir().unwrap();
    // A dangling symlink named on the command line: exit 2 with its name.
    let dangling = dir.path().join("gone.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &dangling).unwrap();
    let o = run(&["check", dangling.to_str().unwrap()], None, 60);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("gone.txt"), "{}", err(&o));
    // In a directory walk, a dangling link and a FIFO are not regular files: skipped, and the
    // walk does not block on the FIFO.
    write(
        dir.path(),
        "ok.txt",
        "The dam failed in 2019, officials said.",
    );
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let o = run(
        &["check", "--format", "json", dir.path().to_str().unwrap()],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(json(&o)["summary"]["documents"], 1);
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // A file without read permission: exit 2 naming it. Root reads it anyway, so this part
    // only asserts when the permission holds.
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "The dam failed.").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_err() {
        let o = run(&["check", locked.to_str().unwrap()], None, 60);
        assert_eq!(o.status.code(), Some(2));
        assert!(err(&o).contains("locked.txt"), "{}", err(&o));
    } else {
        eprintln!("running as root: a mode 000 file is readable; that part is skipped");
    }
}

#[test]
fn file_over_max_file_size_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(
        dir.path(),
        "big.txt",
        "The dam failed in 2019. ".repeat(100),
    );
    let small = write(
        dir.path(),
        "small.txt",
        "The dam failed in 2019, officials said.",
    );
    let o = run(
        &[
            "check",
            "--max-file-size",
            "1000",
            "--format",
            "json",
            &big,
            &small,
        ],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains("warning:") && e.contains("big.txt: skipped"),
        "{e}"
    );
    assert!(!e.contains("small.txt"), "{e}");
    assert_eq!(json(&o)["summary"]["documents"], 1);
    // in a directory too
    let o = run(
        &[
            "check",
            "--max-file-size",
            "1000",
            "--format",
            "json",
            dir.path().to_str().unwrap(),
        ],
        None,
        60,
    );
    assert!(err(&o).contains("big.txt: skipped"), "{}", err(&o));
}

// ---------------------------------------------------------------- registries

fn registry_error(path: &str) -> String {
    let o = run(&["check", SEED, "--registry", path], None, 60);
    assert_eq!(o.status.code(), Some(2), "{path}: {}", err(&o));
    err(&o)
}

#[test]
fn registry_missing_column() {
    let e = registry_error("fixtures/registry/missing-column.csv");
    assert!(
        e.contains("missing-column.csv:1: missing required column `kind`"),
        "{e}"
    );
}

#[test]
fn registry_duplicate_id() {
    let e = registry_error("fixtures/registry/duplicate-id.csv");
    assert!(
        e.contains("duplicate-id.csv:4: duplicate id `reuters`"),
        "{e}"
    );
}

#[test]
fn registry_unknown_kind() {
    let e = registry_error("fixtures/registry/unknown-kind.csv");
    assert!(
        e.contains("unknown-kind.csv:3: unknown kind `robot`"),
        "{e}"
    );
}

#[test]
fn registry_unknown_credibility() {
    let e = registry_error("fixtures/registry/bad-credibility.csv");
    assert!(
        e.contains("bad-credibility.csv:2: unknown credibility"),
        "{e}"
    );
}

#[test]
fn registry_unbalanced_quote() {
    let e = registry_error("fixtures/registry/unbalanced-quote.csv");
    assert!(
        e.contains("unbalanced-quote.csv:3: unbalanced quote"),
        "{e}"
    );
}

#[test]
fn registry_affiliation_cycle() {
    let e = registry_error("fixtures/registry/affiliation-cycle.csv");
    assert!(
        e.contains("affiliation-cycle.csv:2: affiliation cycle"),
        "{e}"
    );
}

#[test]
fn registry_bom_and_crlf_load() {
    let o = run(
        &[
            "check",
            SEED,
            "--registry",
            "fixtures/registry/bom-crlf.csv",
            "--format",
            "json",
        ],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // and an error in such a file still names the right line
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "crlf.csv",
        "\u{feff}id,name,kind\r\n\r\na,Alice Smith,person\r\nb,Bob Jones,robot\r\n",
    );
    let e = registry_error(&p);
    assert!(e.contains("crlf.csv:4: unknown kind `robot`"), "{e}");
}

#[test]
fn registry_odd_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bad.csv", b"id,name,kind\na,Al\xffice,person\n");
    let e = registry_error(&p);
    assert!(e.contains("bad.csv:2: not valid UTF-8"), "{e}");
    let p = write(dir.path(), "empty.csv", "");
    let e = registry_error(&p);
    assert!(e.contains("empty.csv:1: no header row"), "{e}");
    let p = write(dir.path(), "nul.csv", "id,name,kind\na,\0,person\n");
    let e = registry_error(&p);
    assert!(e.contains("nul.csv:2:"), "{e}");
    let o = run(
        &["check", SEED, "--registry", dir.path().to_str().unwrap()],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(2), "a directory as registry");
}

// ---------------------------------------------------------------- rule files

fn rules_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in files {
        let p = dir.path().join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, data).unwrap();
    }
    dir
}

fn rules_error(files: &[(&str, &[u8])]) -> String {
    let dir = rules_dir(files);
    let o = run(
        &["check", SEED, "--rules", dir.path().to_str().unwrap()],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    err(&o)
}

#[test]
fn rule_file_invalid_regex() {
    let e = rules_error(&[("patterns/boilerplate.txt", b"# c\n^ok$\n(unclosed\n")]);
    assert!(e.contains("boilerplate.txt:3: invalid regex"), "{e}");
}

#[test]
fn rule_file_unknown_key() {
    let e = rules_error(&[(
        "checks/x.toml",
        b"id = \"single-source\"\ncolour = \"red\"\n",
    )]);
    assert!(e.contains("x.toml:2:") && e.contains("colour"), "{e}");
    let e = rules_error(&[(
        "checks/x.toml",
        b"id = \"single-source\"\n[params]\nnope = 1\n",
    )]);
    assert!(e.contains("x.toml:3:") && e.contains("nope"), "{e}");
}

#[test]
fn rule_file_not_toml() {
    let e = rules_error(&[("checks/x.toml", b"id = \"single-source\"\nseverity = \n")]);
    assert!(e.contains("x.toml:2:"), "{e}");
    let e = rules_error(&[(
        "checks/x.toml",
        b"id = \"single-source\"\nid = \"loaded-verb\"\n",
    )]);
    assert!(e.contains("x.toml:2: duplicate key"), "{e}");
    let e = rules_error(&[("checks/x.toml", b"id = \"single-source\"\n\xff\n")]);
    assert!(e.contains("x.toml:2: not valid UTF-8"), "{e}");
    let e = rules_error(&[(
        "checks/x.toml",
        b"id = \"no-such-rule\"\nseverity = \"error\"\nmessage = \"m\"\n",
    )]);
    assert!(e.contains("x.toml:1: unknown rule id"), "{e}");
}

#[test]
fn rule_files_with_the_same_id_layer() {
    let dir = rules_dir(&[
        (
            "checks/a.toml",
            b"id = \"single-source\"\nseverity = \"error\"\n",
        ),
        (
            "checks/b.toml",
            b"id = \"single-source\"\nenabled = false\n",
        ),
        (
            "checks/c.toml",
            b"\xef\xbb\xbfid = \"loaded-verb\"\r\nseverity = \"error\"\r\n",
        ),
    ]);
    let o = run(
        &["rules", "--rules", dir.path().to_str().unwrap()],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or("")
            .to_string()
    };
    assert!(line("single-source ").contains(" off "), "{out}");
    assert!(line("loaded-verb ").contains(" error "), "{out}");
}

#[test]
fn rule_lexicon_with_odd_entries_still_checks() {
    // Lexicon lines that are odd (punctuation, one letter, a removal of what is not there,
    // control characters) change what is matched, but nothing breaks.
    let dir = rules_dir(&[
        (
            "lexicon/cue-verbs.txt",
            b"'\n.\n!nothing\nx\n\x1b[2J\n\"\n said\n:\n",
        ),
        ("lexicon/titles.txt", b"mr.\n\xe2\x80\x9c\n.\n"),
        ("lexicon/anonymous-heads.txt", b"the\n,\n"),
    ]);
    let o = run(
        &[
            "check",
            SEED,
            "--format",
            "json",
            "--rules",
            dir.path().to_str().unwrap(),
        ],
        None,
        120,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    json(&o);
}

// ---------------------------------------------------------------- bounded work

#[test]
fn huge_regexes_are_rejected_with_file_and_line() {
    for re in [
        "x{1000}{1000}",
        "(?:x{1000}){1000}",
        "\\w{1000}{10}",
        "((a{100}){100}){100}",
    ] {
        let data = format!("# big\n{re}\n");
        let e = rules_error(&[("patterns/not-claims.txt", data.as_bytes())]);
        assert!(
            e.contains("not-claims.txt:2: invalid regex") && e.contains("size limit"),
            "{re}: {e}"
        );
    }
}

#[test]
fn nested_repetition_regex_stays_linear() {
    // `(a|aa)*{1000}` compiles under the size limit, and the regex crate matches in linear
    // time: no catastrophic backtracking on a long run of `a`.
    let dir = rules_dir(&[("patterns/boilerplate.txt", b"(a|aa)*{1000}b\n")]);
    let art = tempfile::tempdir().unwrap();
    let p = write(
        art.path(),
        "a.txt",
        "a".repeat(50_000) + "\n\n" + &"a ".repeat(20_000),
    );
    let o = run(
        &[
            "check",
            "--format",
            "json",
            "--rules",
            dir.path().to_str().unwrap(),
            &p,
        ],
        None,
        120,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

fn big_registry(rows: usize) -> String {
    let mut csv = String::from("id,name,kind,aliases,affiliation,credibility\n");
    csv.push_str("r0,Root Body,government,,,high\n");
    for i in 1..rows {
        // a chain of affiliations 100,000 long, and names that share surnames
        let kind = if i % 2 == 0 { "person" } else { "organization" };
        csv.push_str(&format!(
            "r{i},Given{} Surname{},{kind},Alias {i}|G{} Surname{},r{},medium\n",
            i % 1000,
            i % 97,
            i % 1000,
            i % 97,
            i - 1
        ));
    }
    csv
}

#[test]
fn huge_registry_loads() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "big.csv", big_registry(100_000));
    let a = write(
        dir.path(),
        "a.txt",
        "Given5 Surname5 said the dam failed in 2019. Root Body said so too, according to G7 Surname7.",
    );
    let o = run(
        &["check", "--format", "json", "--registry", &p, &a],
        None,
        300,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(json(&o)["summary"]["documents"], 1);
}

// ---------------------------------------------------------------- nothing lost

#[test]
fn killed_run_leaves_the_previous_report_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    fs::write(&out, "previous report\n").unwrap();
    for signal in ["INT", "KILL"] {
        let mut child: Child = Command::new(BIN)
            .args([
                "check",
                "--input-format",
                "jsonl",
                "--format",
                "json",
                "--output",
                out.to_str().unwrap(),
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let rec = "{\"id\":\"x\",\"text\":\"The dam failed in 2019, officials said.\"}\n";
        // Keep standard input open: whosaid is midway, waiting for more records.
        stdin.write_all(rec.repeat(200).as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let st = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        let o = child.wait_with_output().unwrap();
        drop(stdin);
        assert!(!o.status.success(), "{signal}: {:?}", o.status);
        assert!(!err(&o).contains("panicked"), "{}", err(&o));
        assert_eq!(
            fs::read_to_string(&out).unwrap(),
            "previous report\n",
            "{signal}"
        );
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(
            names,
            ["report.json"],
            "{signal}: a temporary file was left"
        );
    }
}

#[test]
fn inputs_are_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        write(dir.path(), "a.txt", common::fixture(SEED)),
        write(
            dir.path(),
            "b.md",
            common::fixture("fixtures/input/article.md"),
        ),
        write(
            dir.path(),
            "c.html",
            common::fixture("fixtures/input/article.html"),
        ),
        write(
            dir.path(),
            "reg.csv",
            common::fixture("fixtures/seed/registry.csv"),
        ),
    ];
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::create_dir(dir.path().join("rules/checks")).unwrap();
    let rule = write(
        &dir.path().join("rules/checks"),
        "x.toml",
        "id = \"single-source\"\nseverity = \"error\"\n",
    );
    let before: Vec<(Vec<u8>, std::time::SystemTime)> = files
        .iter()
        .chain([&rule])
        .map(|f| {
            (
                fs::read(f).unwrap(),
                fs::metadata(f).unwrap().modified().unwrap(),
            )
        })
        .collect();
    std::thread::sleep(Duration::from_millis(20));
    let rules = dir.path().join("rules");
    let o = run(
        &[
            "check",
            "--registry",
            &files[3],
            "--rules",
            rules.to_str().unwrap(),
            &files[0],
            &files[1],
            &files[2],
            dir.path().to_str().unwrap(),
        ],
        None,
        120,
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", err(&o));
    for (f, (bytes, mtime)) in files.iter().chain([&rule]).zip(before) {
        assert_eq!(fs::read(f).unwrap(), bytes, "{f} changed");
        assert_eq!(
            fs::metadata(f).unwrap().modified().unwrap(),
            mtime,
            "{f} touched"
        );
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 5, "nothing was added next to the inputs");
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let seed = common::fixture(SEED);
    for i in 0..300 {
        fs::write(dir.path().join(format!("a{i:03}.txt")), &seed).unwrap();
    }
    for format in ["text", "jsonl", "json"] {
        let mut child = Command::new(BIN)
            .args(["check", "--format", format, dir.path().to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is dropped (closed) here, after 64 bytes
        let o = child.wait_with_output().unwrap();
        let e = err(&o);
        assert!(!e.contains("panicked"), "{format}: {e}");
        assert!(!e.contains("Broken pipe"), "{format}: {e}");
        assert!(
            o.status.code().is_some(),
            "{format}: killed by {:?}",
            o.status
        );
        assert_eq!(o.status.code(), Some(0), "{format}: {e}");
    }
}

// ---------------------------------------------------------------- nothing injected

/// True when every ESC in `s` starts an SGR sequence: `ESC [` digits and `;`, then `m`.
fn only_sgr(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        if s[i] == 0x1b {
            if s.get(i + 1) != Some(&b'[') {
                return false;
            }
            let mut j = i + 2;
            while j < s.len() && (s[j].is_ascii_digit() || s[j] == b';') {
                j += 1;
            }
            if s.get(j) != Some(&b'm') {
                return false;
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    true
}

#[test]
fn terminal_escapes_are_not_passed_through() {
    let dir = tempfile::tempdir().unwrap();
    let reg = write(
        dir.path(),
        "reg.csv",
        "id,name,kind,aliases,credibility\nacme,Acme \x1b]0;pwned\x07Corp\x1b[2J,organization,Acme Corporation,low\n",
    );
    let art = write(
        dir.path(),
        "evil\x1b[31m.txt",
        "Hackers \x1b]0;pwned\x07stole data\x1b[2J from 400 customers, Acme Corporation said.\n\n\
         \u{201c}We found \x1b[1mthe\x1b[0m breach,\u{201d} Jon Smiht\x1b[8m told reporters.\n\n\
         The plant \u{202e}closed\u{202c} in 2019 and 3,000 jobs went.\x07\x08\x7f\u{9b}31m\n",
    );
    let o = run(
        &[
            "check",
            "--color",
            "never",
            "--fail-on",
            "never",
            "--registry",
            &reg,
            &art,
        ],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(out.contains("low-credibility-source"), "{out}");
    assert!(!o.stdout.contains(&0x1b), "ESC in the report:\n{out}");
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in the report:\n{out:?}"
    );
    assert!(!out.contains('\u{202e}'), "a bidi override in the report");
    let o = run(
        &[
            "check",
            "--color",
            "always",
            "--fail-on",
            "never",
            "--registry",
            &reg,
            &art,
        ],
        None,
        60,
    );
    assert!(o.stdout.contains(&0x1b), "colour was asked for");
    assert!(
        only_sgr(&o.stdout),
        "an escape sequence other than whosaid's colours:\n{:?}",
        String::from_utf8_lossy(&o.stdout)
    );
    // error messages name the file; they go to stderr, and are not sanitized: a path given on
    // the command line is the user's own.
}

#[test]
fn json_stays_valid_with_every_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("The dam failed in 2019, officials said. ");
    for b in 1u8..0x20 {
        text.push(b as char);
        text.push_str("x ");
    }
    text.push_str(
        "\u{2028}line\u{2029}para \u{7f}\u{85}\u{feff} \u{201c}Quote\u{0}.\u{201d} she said.",
    );
    let p = write(dir.path(), "ctl.txt", &text);
    let o = run(&["check", "--format", "json", &p], None, 60);
    let v = json(&o);
    assert_eq!(v["summary"]["documents"], 1);
    let o = run(&["check", "--format", "jsonl", &p], None, 60);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.matches('\n').count(), 1, "one line per document");
    let v: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
    // the spans still point at the same bytes
    let raw = text.as_bytes();
    for f in v["findings"].as_array().unwrap() {
        let (s, e) = (
            f["span"]["start"].as_u64().unwrap(),
            f["span"]["end"].as_u64().unwrap(),
        );
        assert!(std::str::from_utf8(&raw[s as usize..e as usize]).is_ok());
    }
    // and through JSON Lines input, where the text is JSON-escaped
    let rec = serde_json::json!({"id": "ctl\u{1b}", "text": text}).to_string() + "\n";
    let o = run(
        &["check", "--input-format", "jsonl", "--format", "jsonl", "-"],
        Some(rec.as_bytes()),
        60,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["path"], "ctl\u{1b}");
}

#[test]
fn error_messages_are_sanitized() {
    // Errors and warnings quote registry values and file names: no escape reaches stderr.
    let dir = tempfile::tempdir().unwrap();
    let reg = write(
        dir.path(),
        "reg.csv",
        "id,name,kind\nx,X Y,\x1b]0;pwned\x07robot\x1b[2J\n",
    );
    let o = run(&["check", SEED, "--registry", &reg], None, 60);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("reg.csv:2: unknown kind"), "{e}");
    assert!(
        !o.stderr.contains(&0x1b) && !o.stderr.contains(&0x07),
        "{e:?}"
    );
    let d = dir.path().join("walk");
    fs::create_dir(&d).unwrap();
    write(&d, "big\x1b[2J.txt", "x".repeat(2000));
    write(&d, "bad\x1b]0;t\x07.txt", b"\xff");
    let o = run(
        &["check", "--max-file-size", "1000", d.to_str().unwrap()],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains("skipped") && e.contains("not valid UTF-8"),
        "{e}"
    );
    assert!(
        !o.stderr.contains(&0x1b) && !o.stderr.contains(&0x07),
        "{e:?}"
    );
}
