//! `whosaid lsp` driven as an editor drives it: the real binary spawned, LSP messages on its
//! standard input and output (tests/lsp/client.rs). The expected diagnostics are the findings of
//! `whosaid check --format json` on the same text, their byte offsets converted to UTF-16
//! positions here, independently of the server's own conversion.

#[path = "lsp/client.rs"]
mod client;

use client::{Client, PATIENCE, file_uri};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

/// The LSP position of byte `offset` of `text` (lines at `\n`, characters in UTF-16 units).
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// The findings of `whosaid check` on `text` with `registry` (JSON report).
fn cli_findings(dir: &Path, text: &str, registry: Option<&Path>) -> Vec<Value> {
    let file = dir.join("cli-copy.txt");
    std::fs::write(&file, text).unwrap();
    let mut cmd = Command::new(BIN);
    cmd.arg("check")
        .arg(&file)
        .args(["--format", "json", "--fail-on", "never"]);
    if let Some(r) = registry {
        cmd.arg("--registry").arg(r);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rep: Value = serde_json::from_slice(&out.stdout).unwrap();
    std::fs::remove_file(&file).unwrap();
    rep["documents"][0]["findings"].as_array().unwrap().clone()
}

/// The diagnostics must be the findings: as many, in order, with the rule id as code, a link
/// to the rule's page, the severity, and the range of the finding's bytes in UTF-16 units.
fn assert_diagnostics_match(diags: &[Value], findings: &[Value], text: &str) {
    let codes = |v: &[Value], k: &str| v.iter().map(|d| d[k].clone()).collect::<Vec<_>>();
    assert_eq!(codes(diags, "code"), codes(findings, "rule"));
    for (d, f) in diags.iter().zip(findings) {
        let span = &f["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap(),
            span["end"].as_u64().unwrap(),
        );
        let want = json!({
            "start": position(text, start as usize),
            "end": position(text, end as usize),
        });
        assert_eq!(d["range"], want, "range of {f}");
        let rule = f["rule"].as_str().unwrap();
        let href = d["codeDescription"]["href"].as_str().unwrap();
        assert!(href.ends_with(&format!("/docs/rules/{rule}.md")), "{href}");
        let severity = match f["severity"].as_str().unwrap() {
            "error" => 1,
            "warning" => 2,
            _ => 3,
        };
        assert_eq!(d["severity"], severity);
        assert_eq!(d["source"], "whosaid");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .starts_with(f["message"].as_str().unwrap())
        );
    }
}

fn hover_text(client: &mut Client, uri: &str, text: &str, needle: &str, nth: usize) -> String {
    let offset = text.match_indices(needle).nth(nth).expect("needle").0 + 1;
    let result = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, offset)}),
        )
        .expect("hover");
    assert_eq!(result["contents"]["kind"], "markdown", "{result}");
    result["contents"]["value"].as_str().unwrap().to_string()
}

fn code_actions(client: &mut Client, uri: &str, range: &Value) -> Vec<Value> {
    client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": range,
                "context": {"diagnostics": []},
            }),
        )
        .expect("codeAction")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn an_editor_session_on_the_seed_article() {
    let ws = tempfile::tempdir().unwrap();
    let root = ws.path();
    std::fs::create_dir(root.join("data")).unwrap();
    let registry = root.join("data/registry.csv");
    std::fs::copy("fixtures/seed/registry.csv", &registry).unwrap();
    std::fs::write(
        root.join("whosaid.toml"),
        "registry = \"data/registry.csv\"\n",
    )
    .unwrap();
    let seed = std::fs::read_to_string("fixtures/seed/npo-mash.txt").unwrap();
    let draft = root.join("articles/draft.txt");
    std::fs::create_dir(root.join("articles")).unwrap();
    std::fs::write(&draft, &seed).unwrap();
    let uri = file_uri(&draft);
    let scratch = tempfile::tempdir().unwrap();

    // the server is started elsewhere: it finds whosaid.toml from the workspace root
    let mut client = Client::spawn(Path::new(BIN), scratch.path());
    let init = client.initialize(root);
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["executeCommandProvider"]["commands"][0],
        "whosaid.addSource"
    );

    // open: the seed's findings, with the registry of whosaid.toml
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": seed}}),
    );
    let (_, diags) = client.diagnostics(&uri, 1);
    let findings = cli_findings(scratch.path(), &seed, Some(&registry));
    assert_eq!(diags.len(), findings.len());
    assert!(
        diags.iter().any(|d| d["code"] == "low-credibility-source"),
        "the registry was not used: {diags:?}"
    );
    assert_diagnostics_match(&diags, &findings, &seed);

    // a change at the end of the text: an unattributed sentence (after an emoji: two UTF-16
    // units, one character) and a source the registry does not know, a paragraph a line as in
    // the rest of the seed (a blank line would make its lines one paragraph)
    let added = "\nThe hackers \u{1f680} stole 40 terabytes of missile data in 2022.\n\
                 \u{201c}We saw it coming,\u{201d} said Jane Roe, a professor at the University of Leeds.\n";
    assert!(!seed.ends_with('\n'));
    let end = position(&seed, seed.len());
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": end, "end": end}, "text": added}],
        }),
    );
    let text = format!("{seed}{added}");
    let (_, diags2) = client.diagnostics(&uri, 2);
    let findings2 = cli_findings(scratch.path(), &text, Some(&registry));
    assert_diagnostics_match(&diags2, &findings2, &text);
    assert_eq!(
        diags2.len(),
        diags.len() + 2,
        "one unattributed claim and one unknown source more"
    );
    let sentence = "The hackers \u{1f680} stole 40 terabytes of missile data in 2022.";
    let at = text.find(sentence).unwrap();
    let new_claim = diags2
        .iter()
        .find(|d| d["code"] == "unattributed-claim" && d["range"]["start"] == position(&text, at))
        .expect("a diagnostic for the added sentence");
    let units = sentence.chars().map(char::len_utf16).sum::<usize>();
    assert_eq!(new_claim["range"]["end"]["character"], units);
    assert_ne!(units, sentence.chars().count());

    // hover on a source mention: the resolved source, its registry row, its claims
    let h = hover_text(&mut client, &uri, &text, "Hegel told", 0);
    for want in [
        "Tom Hegel",
        "tom\\-hegel",
        "credibility **high**",
        "threat researcher",
        "SentinelOne",
        "Supports 2 claims",
    ] {
        assert!(h.contains(want), "{want:?} not in {h}");
    }
    let h = hover_text(&mut client, &uri, &text, "the former", 0);
    assert!(h.contains("refers to Nicholas Weaver"), "{h}");
    assert!(
        h.contains("International Computer Science Institute"),
        "{h}"
    );
    // hover on a claim: its status and its supports
    let h = hover_text(&mut client, &uri, &text, "The hackers", 0);
    assert!(
        h.contains("**unattributed**") && h.contains("No attribution supports it"),
        "{h}"
    );
    let h = hover_text(&mut client, &uri, &text, "The authenticity", 0);
    assert!(
        h.contains("**corroborated**") && h.contains("Nicholas Weaver") && h.contains("Matt Tait"),
        "{h}"
    );

    // code action: suppress the new finding on its line
    let actions = code_actions(&mut client, &uri, &new_claim["range"]);
    let suppress = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Suppress unattributed-claim")
        })
        .expect("a suppress action");
    let line = new_claim["range"]["start"]["line"].clone();
    assert_eq!(
        suppress["edit"]["changes"][&uri],
        json!([{
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
            "newText": "# whosaid-disable-next-line unattributed-claim\n",
        }])
    );
    assert_eq!(suppress["diagnostics"][0]["code"], "unattributed-claim");

    // code action: add Jane Roe to the registry, confirmed by its title
    let unknown = diags2
        .iter()
        .find(|d| d["code"] == "unknown-source")
        .expect("unknown-source for Jane Roe");
    let actions = code_actions(&mut client, &uri, &unknown["range"]);
    let add = actions
        .iter()
        .find(|a| a.get("command").is_some())
        .expect("an add-source action");
    assert_eq!(
        add["title"],
        "Add \u{201c}Jane Roe\u{201d} to the registry as a person (appends a row to registry.csv)"
    );
    let before = std::fs::read_to_string(&registry).unwrap();
    let cmd = &add["command"];
    let id = client
        .request(
            "workspace/executeCommand",
            json!({"command": cmd["command"], "arguments": cmd["arguments"]}),
        )
        .expect("executeCommand");
    assert_eq!(id, "jane-roe");
    let after = std::fs::read_to_string(&registry).unwrap();
    assert_eq!(after, format!("{before}jane-roe,Jane Roe,,person,,,,,\n"));
    // the registry is read again and the draft checked again: Jane Roe is known now
    let (_, diags3) = client.diagnostics(&uri, 2);
    assert_eq!(diags3.len(), diags2.len() - 1);
    assert!(!diags3.iter().any(|d| d["code"] == "unknown-source"));

    // whosaid.toml is read again when it changes; a bad one is reported with its line
    std::fs::write(
        root.join("whosaid.toml"),
        "# no registry now\nregistry = 3\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"text": text}],
        }),
    );
    let (_, diags4) = client.diagnostics(&uri, 3);
    let (_, msg) = client
        .wait_for("window/showMessage", PATIENCE, |_| true)
        .expect("a message about whosaid.toml");
    let msg = msg["message"].as_str().unwrap();
    assert!(
        msg.contains("whosaid.toml:2") && msg.contains("expected a string"),
        "{msg}"
    );
    assert_diagnostics_match(&diags4, &cli_findings(scratch.path(), &text, None), &text);

    // and the rules of whosaid.toml apply: a repository's rules directory turning a rule off
    std::fs::create_dir_all(root.join("newsroom/checks")).unwrap();
    std::fs::write(
        root.join("newsroom/checks/unattributed-claim.toml"),
        "id = \"unattributed-claim\"\nenabled = false\n",
    )
    .unwrap();
    std::fs::write(
        root.join("whosaid.toml"),
        "registry = \"data/registry.csv\"\nrules = \"newsroom\"\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 4},
            "contentChanges": [{"text": text}],
        }),
    );
    let (_, diags5) = client.diagnostics(&uri, 4);
    assert!(!diags5.iter().any(|d| d["code"] == "unattributed-claim"));
    let unattributed = diags3
        .iter()
        .filter(|d| d["code"] == "unattributed-claim")
        .count();
    assert!(unattributed > 0);
    assert_eq!(diags5.len(), diags3.len() - unattributed);

    // whosaid.toml's own `disable` and `severity` apply too, as `check` applies them
    std::fs::remove_dir_all(root.join("newsroom")).unwrap();
    std::fs::write(
        root.join("whosaid.toml"),
        "registry = \"data/registry.csv\"\ndisable = [\"unattributed-claim\"]\n\n[severity]\nsingle-source = \"error\"\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 5},
            "contentChanges": [{"text": text}],
        }),
    );
    let (_, diags6) = client.diagnostics(&uri, 5);
    assert!(!diags6.iter().any(|d| d["code"] == "unattributed-claim"));
    assert_eq!(diags6.len(), diags3.len() - unattributed);
    let single: Vec<&Value> = diags6
        .iter()
        .filter(|d| d["code"] == "single-source")
        .collect();
    assert!(!single.is_empty(), "{diags6:?}");
    assert!(single.iter().all(|d| d["severity"] == 1), "{single:?}");
    assert!(
        diags3
            .iter()
            .any(|d| d["code"] == "single-source" && d["severity"] != 1)
    );

    // a whosaid.toml naming a rule that does not exist is reported with its line, and the
    // rest of it (the registry: Jane Roe known) still applies
    std::fs::write(
        root.join("whosaid.toml"),
        "registry = \"data/registry.csv\"\ndisable = [\"singel-source\"]\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 6},
            "contentChanges": [{"text": text}],
        }),
    );
    let (_, diags7) = client.diagnostics(&uri, 6);
    let (_, msg) = client
        .wait_for("window/showMessage", PATIENCE, |m| {
            m["message"]
                .as_str()
                .is_some_and(|s| s.contains("singel-source"))
        })
        .expect("a message about the unknown rule id");
    assert!(
        msg["message"].as_str().unwrap().contains("whosaid.toml:2"),
        "{msg}"
    );
    assert_eq!(diags7, diags3);

    // a request the server does not know gets an error, not silence
    let err = client
        .request(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        )
        .unwrap_err();
    assert_eq!(err["code"], -32601);

    // closing clears the diagnostics; shutdown and exit end the process cleanly
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let (_, cleared) = client
        .wait_for("textDocument/publishDiagnostics", PATIENCE, |p| {
            p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|d| d.is_empty())
        })
        .expect("cleared diagnostics");
    assert!(cleared["version"].is_null());
    assert!(client.shutdown().success());
    // the article on disk was never touched
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), seed);
}

/// Markdown drafts get the Markdown comment, and positions count from the file's own lines
/// (front matter included).
#[test]
fn markdown_drafts_get_the_html_comment() {
    let ws = tempfile::tempdir().unwrap();
    let text = "---\ntitle: T\n---\n\n# Heading\n\nOfficials said the \u{e9}lection was rigged.\n\nThe plant \u{1f680} produced 4,000 missiles in 2023.\n";
    let uri = file_uri(&ws.path().join("a.md"));
    let mut client = Client::spawn(Path::new(BIN), ws.path());
    client.initialize(ws.path());
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 7, "text": text}}),
    );
    let (_, diags) = client.diagnostics(&uri, 7);
    let md = ws.path().join("copy.md");
    std::fs::write(&md, text).unwrap();
    let out = Command::new(BIN)
        .arg("check")
        .arg(&md)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let rep: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = rep["documents"][0]["findings"].as_array().unwrap().clone();
    assert!(!findings.is_empty());
    assert_diagnostics_match(&diags, &findings, text);
    let d = &diags[0];
    let actions = code_actions(&mut client, &uri, &d["range"]);
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    let rule = d["code"].as_str().unwrap();
    assert_eq!(
        edit["newText"],
        format!("<!-- whosaid-disable-next-line {rule} -->\n")
    );
    assert!(client.shutdown().success());
}

/// A message that is not JSON ends the server with exit status 2 and an error naming the
/// problem, not a panic; a request before `initialize` is refused with the protocol's error.
#[test]
fn bad_input_is_an_error_not_a_panic() {
    use std::io::Write;
    let run = |input: &[u8]| {
        let mut child = Command::new(BIN)
            .arg("lsp")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(b"Content-Length: 5\r\n\r\n{bad}");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: <lsp input>:") && !err.contains("panicked"),
        "{err}"
    );

    let hover = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#;
    let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    let input = format!(
        "Content-Length: {}\r\n\r\n{hover}Content-Length: {}\r\n\r\n{exit}",
        hover.len(),
        exit.len()
    );
    let out = run(input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let reply = String::from_utf8_lossy(&out.stdout);
    assert!(reply.contains("\"code\":-32002"), "{reply}");
}
