//! A minimal LSP client that drives `whosaid lsp` as an editor would: spawns it, writes
//! requests and notifications to its standard input, and reads its messages from its standard
//! output on a thread. Shared by tests/lsp.rs and benches/lsp_latency.rs.
#![allow(dead_code)]

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::BufReader;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// A running server and what it sent that nobody has taken yet.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<(Instant, Message)>,
    next_id: i32,
    /// Notifications received while waiting for something else, with when they arrived.
    pub pending: VecDeque<(Instant, Notification)>,
}

/// How long to wait for any answer before the test fails (a debug build on a busy machine).
pub const PATIENCE: Duration = Duration::from_secs(60);

impl Client {
    /// Spawn `bin lsp` in `cwd`.
    pub fn spawn(bin: &Path, cwd: &Path) -> Client {
        let mut child = Command::new(bin)
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn whosaid lsp");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Ok(Some(m)) = Message::read(&mut r) {
                if tx.send((Instant::now(), m)).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            rx,
            next_id: 1,
            pending: VecDeque::new(),
        }
    }

    fn send(&mut self, m: Message) {
        m.write(self.stdin.as_mut().expect("stdin open"))
            .expect("write to whosaid lsp");
    }

    /// Send a notification; returns when it was written.
    pub fn notify(&mut self, method: &str, params: Value) -> Instant {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
        Instant::now()
    }

    /// Send a request and wait for its response: `Ok(result)` or `Err(error object)`.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(id),
            method.into(),
            params,
        )));
        let deadline = Instant::now() + PATIENCE;
        loop {
            let (at, m) = self.next_message(deadline).unwrap_or_else(|| {
                panic!("no response to {method} within {PATIENCE:?}");
            });
            match m {
                Message::Response(r) if r.id == RequestId::from(id) => {
                    return r
                        .response_result
                        .map_err(|e| serde_json::to_value(e).unwrap());
                }
                Message::Notification(n) => self.pending.push_back((at, n)),
                Message::Request(r) => panic!("unexpected request from the server: {r:?}"),
                Message::Response(r) => panic!("response to an unknown request: {r:?}"),
            }
        }
    }

    fn next_message(&mut self, deadline: Instant) -> Option<(Instant, Message)> {
        match self
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(m) => Some(m),
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The first notification `method` whose params satisfy `pred` (taken from those already
    /// received first), with when it arrived; `None` after `timeout`.
    pub fn wait_for(
        &mut self,
        method: &str,
        timeout: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Option<(Instant, Value)> {
        if let Some(i) =
            (self.pending.iter()).position(|(_, n)| n.method == method && pred(&n.params))
        {
            let (at, n) = self.pending.remove(i).unwrap();
            return Some((at, n.params));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let (at, m) = self.next_message(deadline)?;
            match m {
                Message::Notification(n) if n.method == method && pred(&n.params) => {
                    return Some((at, n.params));
                }
                Message::Notification(n) => self.pending.push_back((at, n)),
                other => panic!("unexpected message: {other:?}"),
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> (Instant, Vec<Value>) {
        let (at, p) = self
            .wait_for("textDocument/publishDiagnostics", PATIENCE, |p| {
                p["uri"] == uri && p["version"] == version
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} version {version}"));
        (at, p["diagnostics"].as_array().cloned().unwrap_or_default())
    }

    /// `initialize` with `root` as the workspace, then `initialized`; the server's capabilities.
    pub fn initialize(&mut self, root: &Path) -> Value {
        let uri = file_uri(root);
        let result = self
            .request(
                "initialize",
                json!({
                    "processId": std::process::id(),
                    "rootUri": uri,
                    "workspaceFolders": [{"uri": uri, "name": "test"}],
                    "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
                }),
            )
            .expect("initialize");
        self.notify("initialized", json!({}));
        result
    }

    /// `shutdown` then `exit`; the server's exit status.
    pub fn shutdown(mut self) -> std::process::ExitStatus {
        self.request("shutdown", Value::Null).expect("shutdown");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The `file://` URI of a path (percent-encoding what a URI cannot hold).
pub fn file_uri(p: &Path) -> String {
    let mut s = String::from("file://");
    for b in p.display().to_string().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}
