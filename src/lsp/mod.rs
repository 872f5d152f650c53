//! `whosaid lsp`: a Language Server Protocol server for Markdown, plain text and HTML drafts.
//!
//! Consumes LSP messages from a reader and produces LSP messages on a writer (both given by
//! the caller: the library never touches standard input or output itself). It checks every open
//! document when it is opened and again [`Options::debounce`] after the last change of a burst,
//! and publishes the findings as diagnostics (ranges in UTF-16 code units, the rule id as code,
//! a link to the rule's page as code description); it answers hover on a source mention (who
//! it resolves to, its registry row, the claims it supports), on a claim (its status and
//! supports) and on a finding (the rule's summary), and offers two code actions: suppress a
//! finding on its line (the `whosaid-disable-next-line` comment), and add an unknown source to
//! the configured registry (a row appended atomically).
//!
//! The registry, rules, disabled rules, severities and article kinds come from the workspace's
//! `whosaid.toml`, read by the command line's configuration module ([`config`]) and applied as
//! `whosaid check` applies them (suppressions too); it is read again whenever it, the registry
//! or the rules change.
//!
//! One thread reads messages and hands them over a channel; the main loop handles them and runs
//! the checks that are due, so a check never races an edit and a burst of edits costs one check.

pub mod actions;
pub mod config;
pub mod hover;
pub mod text;

use crate::error::Error;
use crate::input::{self, Format};
use crate::model::Severity;
use crate::policy::Policy;
use crate::report::{self, DocumentReport};
use crate::{Checker, Registry, Ruleset};
use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types as lt;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use text::LineMap;

/// Where the diagnostics' code descriptions point by default: the rule's page in the
/// repository's docs/rules/, by id. whosaid.toml's `docs-url` names another base, and a client
/// can give its own as the initialization option `ruleDocsBase` (which wins).
pub const RULE_DOCS_BASE: &str = crate::rule_docs::DOCS_URL;

/// The command of the "add this source to the registry" code action.
pub const ADD_SOURCE_COMMAND: &str = "whosaid.addSource";

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long after the last change of a document it is checked: edits that come closer
    /// together than this (a burst of keystrokes, a paste in pieces) cost one check.
    pub debounce: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            debounce: Duration::from_millis(20),
        }
    }
}

/// An open document.
struct Doc {
    uri: lt::Uri,
    version: i32,
    text: String,
    format: Format,
    /// When it is to be checked (set by a change, cleared by the check).
    due: Option<Instant>,
    /// The last check: the text it was made on, its lines, its report.
    checked: Option<Checked>,
}

/// A document as last checked.
pub struct Checked {
    /// The text checked.
    pub text: String,
    /// Its lines.
    pub lines: LineMap,
    /// Its report (spans are byte offsets into `text`).
    pub report: DocumentReport,
    /// The document's format.
    pub format: Format,
}

struct Server<W: Write> {
    out: W,
    options: Options,
    root: Option<PathBuf>,
    /// The settings (whosaid.toml's) as a policy: article kinds and suppressions, as `check`
    /// applies them (no baseline: an editor shows everything on the draft).
    policy: Policy,
    /// The configuration file in use and the modification times it depends on.
    config_stamp: (Option<PathBuf>, Vec<Option<std::time::SystemTime>>),
    checker: Checker,
    docs: HashMap<String, Doc>,
    /// The client's `ruleDocsBase`, if it gave one.
    rule_docs_base: Option<String>,
    shutdown: bool,
}

/// The error of a write to the client.
fn out_err(e: std::io::Error) -> Error {
    Error::io("<lsp output>", e)
}

/// The local path of a `file:` URI (percent-decoded), or `None` for another scheme.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // file:///path or file://localhost/path
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(path.get(i + 1..i + 3).unwrap_or("zz"), 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    let path = String::from_utf8(out).ok()?;
    let path = path.split(['?', '#']).next().unwrap_or("");
    Some(PathBuf::from(path))
}

/// The format of a document from its language id, else its file name; plain text otherwise.
fn format_of(language_id: &str, uri: &str) -> Format {
    match language_id {
        "markdown" | "mdx" => Format::Markdown,
        "html" => Format::Html,
        "plaintext" | "text" => Format::Text,
        _ => Format::from_path(uri).unwrap_or(Format::Text),
    }
}

/// Run the server: read messages from `input`, write messages to `output`, until the client
/// sends `exit` (or closes `input`).
pub fn serve<R, W>(input: R, output: W, options: Options) -> Result<(), Error>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let (tx, rx) = mpsc::channel::<std::io::Result<Option<Message>>>();
    std::thread::spawn(move || {
        let mut input = input;
        loop {
            let msg = Message::read(&mut input);
            let stop = !matches!(msg, Ok(Some(_)));
            if tx.send(msg).is_err() || stop {
                break;
            }
        }
    });
    let mut server = Server {
        out: output,
        options,
        root: None,
        policy: Policy::default(),
        config_stamp: (None, Vec::new()),
        checker: Checker::new(Ruleset::embedded(), None),
        docs: HashMap::new(),
        rule_docs_base: None,
        shutdown: false,
    };
    // the handshake: nothing but `initialize` is answered before it
    loop {
        match rx.recv() {
            Ok(Ok(Some(Message::Request(req)))) if req.method == "initialize" => {
                server.initialize(req)?;
                break;
            }
            Ok(Ok(Some(Message::Request(req)))) => server.send(Response::new_err(
                req.id,
                ErrorCode::ServerNotInitialized as i32,
                "the server is not initialized".into(),
            ))?,
            Ok(Ok(Some(Message::Notification(n)))) if n.method == "exit" => return Ok(()),
            Ok(Ok(Some(_))) => {}
            Ok(Ok(None)) | Err(_) => return Ok(()),
            Ok(Err(e)) => return Err(Error::io("<lsp input>", e)),
        }
    }
    loop {
        let msg = match server.next_due() {
            Some(due) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(m) => Some(m),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            },
        };
        match msg {
            None => server.check_due()?,
            Some(Ok(Some(m))) => {
                if server.handle(m)? {
                    return Ok(());
                }
            }
            Some(Ok(None)) => return Ok(()),
            Some(Err(e)) => return Err(Error::io("<lsp input>", e)),
        }
    }
}

impl<W: Write> Server<W> {
    fn send(&mut self, msg: impl Into<Message>) -> Result<(), Error> {
        msg.into().write(&mut self.out).map_err(out_err)
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) -> Result<(), Error> {
        self.send(Notification::new(method.to_string(), params))
    }

    /// Tell the user something went wrong (a bad whosaid.toml, registry or rule file).
    fn show_error(&mut self, msg: String) -> Result<(), Error> {
        self.notify(
            "window/showMessage",
            lt::ShowMessageParams {
                typ: lt::MessageType::ERROR,
                message: format!("whosaid: {msg}"),
            },
        )
    }

    fn initialize(&mut self, req: Request) -> Result<(), Error> {
        let params: lt::InitializeParams =
            serde_json::from_value(req.params.clone()).unwrap_or_default();
        #[allow(deprecated)]
        let root = (params.workspace_folders.as_ref())
            .and_then(|f| f.first())
            .and_then(|f| uri_to_path(f.uri.as_str()))
            .or_else(|| {
                params
                    .root_uri
                    .as_ref()
                    .and_then(|u| uri_to_path(u.as_str()))
            })
            .or_else(|| params.root_path.as_ref().map(PathBuf::from));
        self.root = root;
        if let Some(base) = (params.initialization_options.as_ref())
            .and_then(|o| o.get("ruleDocsBase"))
            .and_then(Value::as_str)
        {
            self.rule_docs_base = Some(base.to_string());
        }
        let caps = lt::ServerCapabilities {
            position_encoding: Some(lt::PositionEncodingKind::UTF16),
            text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
                lt::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lt::TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
            code_action_provider: Some(lt::CodeActionProviderCapability::Options(
                lt::CodeActionOptions {
                    code_action_kinds: Some(vec![lt::CodeActionKind::QUICKFIX]),
                    ..Default::default()
                },
            )),
            execute_command_provider: Some(lt::ExecuteCommandOptions {
                commands: vec![ADD_SOURCE_COMMAND.to_string()],
                ..Default::default()
            }),
            ..Default::default()
        };
        let result = lt::InitializeResult {
            capabilities: caps,
            server_info: Some(lt::ServerInfo {
                name: "whosaid".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        self.send(Response::new_ok(req.id, result))?;
        self.reload_config()
    }

    /// Read whosaid.toml (found from the root upward), the registry and the rules again.
    fn reload_config(&mut self) -> Result<(), Error> {
        let file = self.root.as_deref().and_then(config::find);
        let mut errors = Vec::new();
        self.policy.config = match &file {
            Some(f) => config::read(f).unwrap_or_else(|e| {
                errors.push(e.to_string());
                config::Config::default()
            }),
            None => config::Config::default(),
        };
        let mut ruleset = match &self.policy.config.rules {
            Some(d) => Ruleset::with_overrides(d).unwrap_or_else(|e| {
                errors.push(e.to_string());
                Ruleset::embedded()
            }),
            None => Ruleset::embedded(),
        };
        // disabled rules, severities, thresholds, as `check` applies them; when one names a
        // rule that does not exist, the rules as they are (the registry and kinds still apply)
        let mut applied = ruleset.clone();
        match self.policy.config.apply(&mut applied) {
            Ok(()) => ruleset = applied,
            Err(e) => errors.push(e.to_string()),
        }
        let registry = match &self.policy.config.registry {
            Some(p) => Registry::load(p).map_or_else(
                |e| {
                    errors.push(e.to_string());
                    None
                },
                Some,
            ),
            None => None,
        };
        self.checker = Checker::new(ruleset, registry);
        self.config_stamp = (
            file.clone(),
            config::stamp(file.as_deref(), &self.policy.config),
        );
        for e in errors {
            self.show_error(e)?;
        }
        Ok(())
    }

    /// The base of the rule pages' links: the client's, else whosaid.toml's `docs-url` (whose
    /// default is [`RULE_DOCS_BASE`]).
    fn docs_base(&self) -> &str {
        (self.rule_docs_base.as_deref()).unwrap_or(&self.policy.config.docs_url)
    }

    /// Whether the configuration changed on disk since it was read.
    fn config_changed(&self) -> bool {
        let file = self.root.as_deref().and_then(config::find);
        file != self.config_stamp.0
            || config::stamp(file.as_deref(), &self.policy.config) != self.config_stamp.1
    }

    fn next_due(&self) -> Option<Instant> {
        self.docs.values().filter_map(|d| d.due).min()
    }

    /// Check the documents whose time has come.
    fn check_due(&mut self) -> Result<(), Error> {
        let now = Instant::now();
        let due: Vec<String> = (self.docs.iter())
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.check(&key)?;
        }
        Ok(())
    }

    /// Check one document now and publish its diagnostics.
    fn check(&mut self, key: &str) -> Result<(), Error> {
        if self.config_changed() {
            self.reload_config()?;
            // everything open is checked against the new configuration, this one included
            let others: Vec<String> = self.docs.keys().filter(|k| *k != key).cloned().collect();
            for k in others {
                if let Some(d) = self.docs.get_mut(&k) {
                    d.due.get_or_insert_with(Instant::now);
                }
            }
        }
        let docs_base = self.docs_base().to_string();
        let Some(doc) = self.docs.get_mut(key) else {
            return Ok(());
        };
        doc.due = None;
        let name = uri_to_path(doc.uri.as_str())
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| doc.uri.as_str().to_string());
        let text = doc.text.clone();
        let source = input::parse(&name, text.clone(), doc.format);
        let checker = &self.checker;
        let mut analysis = checker.check(source);
        // the article kinds and suppressions, as `check` applies them (no baseline: an editor
        // shows everything on the draft)
        self.policy.apply(&mut analysis);
        let all: Vec<usize> = (0..analysis.sources.len()).collect();
        let independent = checker.independent(&analysis, &all);
        let rep = report::build(&analysis, independent);
        let lines = LineMap::new(&text);
        let diagnostics = diagnostics(&rep, &text, &lines, &docs_base);
        let params = lt::PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics,
            version: Some(doc.version),
        };
        doc.checked = Some(Checked {
            text,
            lines,
            report: rep,
            format: doc.format,
        });
        self.notify("textDocument/publishDiagnostics", params)
    }

    /// The document a request is about, checked first if a change is pending, so that answers
    /// are about the text the editor shows.
    fn checked(&mut self, uri: &lt::Uri) -> Result<Option<&Checked>, Error> {
        let key = uri.as_str().to_string();
        if self.docs.get(&key).is_some_and(|d| d.due.is_some()) {
            self.check(&key)?;
        }
        Ok(self.docs.get(&key).and_then(|d| d.checked.as_ref()))
    }

    /// Handle one message; true when the server is to stop.
    fn handle(&mut self, msg: Message) -> Result<bool, Error> {
        match msg {
            Message::Request(req) => self.request(req)?,
            Message::Notification(n) => return self.notification(n),
            Message::Response(_) => {}
        }
        Ok(false)
    }

    fn request(&mut self, req: Request) -> Result<(), Error> {
        if self.shutdown {
            return self.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
        }
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => match serde_json::from_value::<lt::HoverParams>(req.params) {
                Ok(p) => {
                    let tdp = p.text_document_position_params;
                    let registry = self.checker.registry.clone();
                    let ruleset = self.checker.ruleset.clone();
                    let answer = self
                        .checked(&tdp.text_document.uri)?
                        .and_then(|c| hover::hover(c, tdp.position, registry.as_ref(), &ruleset));
                    Ok(serde_json::to_value(answer).unwrap_or(Value::Null))
                }
                Err(e) => Err(bad_params(e)),
            },
            "textDocument/codeAction" => {
                match serde_json::from_value::<lt::CodeActionParams>(req.params) {
                    Ok(p) => {
                        let registry = self.policy.config.registry.clone();
                        let uri = p.text_document.uri.clone();
                        let base = self.docs_base().to_string();
                        let answer = self.checked(&uri)?.map(|c| {
                            actions::code_actions(c, &uri, p.range, registry.as_deref(), &base)
                        });
                        Ok(serde_json::to_value(answer.unwrap_or_default()).unwrap_or(Value::Null))
                    }
                    Err(e) => Err(bad_params(e)),
                }
            }
            "workspace/executeCommand" => {
                match serde_json::from_value::<lt::ExecuteCommandParams>(req.params) {
                    Ok(p) if p.command == ADD_SOURCE_COMMAND => self.add_source(&p.arguments),
                    Ok(p) => Err((
                        ErrorCode::InvalidParams,
                        format!("unknown command {:?}", p.command),
                    )),
                    Err(e) => Err(bad_params(e)),
                }
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("whosaid does not handle {}", req.method),
            )),
        };
        match result {
            Ok(v) => self.send(Response::new_ok(id, v)),
            Err((code, msg)) => self.send(Response::new_err(id, code as i32, msg)),
        }
    }

    /// The "add this source to the registry" command: append the row, then read the registry
    /// again and check every open document.
    fn add_source(&mut self, args: &[Value]) -> Result<Value, (ErrorCode, String)> {
        let arg: actions::AddSource = args
            .first()
            .cloned()
            .and_then(|v| serde_json::from_value(v).ok())
            .ok_or((
                ErrorCode::InvalidParams,
                "expected {registry, name, kind}".into(),
            ))?;
        // only the registry of the configuration, whatever the arguments say
        let Some(registry) = self.policy.config.registry.clone() else {
            return Err((
                ErrorCode::InvalidRequest,
                "no registry is configured (whosaid.toml: registry = \"...\")".into(),
            ));
        };
        if Path::new(&arg.registry) != registry {
            return Err((
                ErrorCode::InvalidParams,
                format!("{} is not the configured registry", arg.registry),
            ));
        }
        let id = actions::append_source(&registry, &arg.name, &arg.kind)
            .map_err(|e| (ErrorCode::RequestFailed, e.to_string()))?;
        let keys: Vec<String> = self.docs.keys().cloned().collect();
        (|| -> Result<(), Error> {
            self.reload_config()?;
            for k in keys {
                self.check(&k)?;
            }
            Ok(())
        })()
        .map_err(|e| (ErrorCode::RequestFailed, e.to_string()))?;
        Ok(Value::String(id))
    }

    fn notification(&mut self, n: Notification) -> Result<bool, Error> {
        match n.method.as_str() {
            "exit" => return Ok(true),
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<lt::DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    let key = d.uri.as_str().to_string();
                    let format = format_of(&d.language_id, d.uri.as_str());
                    self.docs.insert(
                        key.clone(),
                        Doc {
                            uri: d.uri,
                            version: d.version,
                            text: d.text,
                            format,
                            due: None,
                            checked: None,
                        },
                    );
                    self.check(&key)?;
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<lt::DidChangeTextDocumentParams>(n.params)
                    && let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str())
                {
                    text::apply_changes(&mut doc.text, p.content_changes);
                    doc.version = p.text_document.version;
                    doc.due = Some(Instant::now() + self.options.debounce);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lt::DidCloseTextDocumentParams>(n.params)
                    && let Some(doc) = self.docs.remove(p.text_document.uri.as_str())
                {
                    self.notify(
                        "textDocument/publishDiagnostics",
                        lt::PublishDiagnosticsParams {
                            uri: doc.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        },
                    )?;
                }
            }
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                self.reload_config()?;
                let now = Instant::now();
                for d in self.docs.values_mut() {
                    d.due = Some(now);
                }
            }
            _ => {}
        }
        Ok(false)
    }
}

fn bad_params(e: serde_json::Error) -> (ErrorCode, String) {
    (ErrorCode::InvalidParams, e.to_string())
}

/// The diagnostics of a report on `text`.
pub fn diagnostics(
    rep: &DocumentReport,
    text: &str,
    lines: &LineMap,
    rule_docs_base: &str,
) -> Vec<lt::Diagnostic> {
    rep.findings
        .iter()
        .map(|f| {
            let href = lt::Uri::from_str(&crate::rule_docs::url(rule_docs_base, &f.rule)).ok();
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message.push_str(&format!(" ({s})"));
            }
            lt::Diagnostic {
                range: lines.range(text, f.span.start, f.span.end),
                severity: Some(match f.severity {
                    Severity::Error => lt::DiagnosticSeverity::ERROR,
                    Severity::Warning => lt::DiagnosticSeverity::WARNING,
                    Severity::Info => lt::DiagnosticSeverity::INFORMATION,
                }),
                code: Some(lt::NumberOrString::String(f.rule.to_string())),
                code_description: href.map(|href| lt::CodeDescription { href }),
                source: Some("whosaid".into()),
                message,
                ..Default::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///tmp/a%20b/c%C3%A9.md"),
            Some(PathBuf::from("/tmp/a b/c\u{e9}.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/x.txt"),
            Some(PathBuf::from("/x.txt"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
    }

    #[test]
    fn formats_follow_language_then_name() {
        assert_eq!(format_of("markdown", "file:///a.txt"), Format::Markdown);
        assert_eq!(format_of("plaintext", "file:///a.md"), Format::Text);
        assert_eq!(format_of("", "file:///a.htm"), Format::Html);
        assert_eq!(format_of("rust", "file:///a"), Format::Text);
    }
}
