//! Code actions: suppress a finding on its line, and add an unknown source to the registry.
//!
//! The suppression comment is the one the checker honours: `<!-- whosaid-disable-next-line
//! RULE -->` in Markdown and HTML, `# whosaid-disable-next-line RULE` on its own line in plain
//! text, put on the line before the finding's (with that line's indentation).
//!
//! Adding a source appends a row (id, name and kind, in the file's own column order) to the
//! registry of `whosaid.toml`, writing a new file beside it and renaming it over the old one,
//! so the registry is never half written. The action's title says what it will do: that is the
//! confirmation an editor shows before running it.

use super::{ADD_SOURCE_COMMAND, Checked};
use crate::error::Error;
use crate::input::Format;
use crate::model::SourceKind;
use lsp_types as lt;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The arguments of the add-source command.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddSource {
    /// The registry CSV (the configured one).
    pub registry: String,
    /// The source's name as the document gives it.
    pub name: String,
    /// Its kind (`person`, `organization`, `media`, `government`, `anonymous`).
    pub kind: String,
}

/// The suppression comment for `rule` in a document of `format`, with a line break.
pub fn suppression_comment(format: Format, rule: &str, indent: &str, newline: &str) -> String {
    match format {
        Format::Text => format!("{indent}# whosaid-disable-next-line {rule}{newline}"),
        Format::Markdown | Format::Html => {
            format!("{indent}<!-- whosaid-disable-next-line {rule} -->{newline}")
        }
    }
}

/// The registry kind for a document source's kind (a source of unknown kind is taken for a
/// person, which the title of the action says).
fn registry_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Organization => "organization",
        SourceKind::Media => "media",
        SourceKind::Government => "government",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Person | SourceKind::Unknown => "person",
    }
}

/// The code actions for the findings that touch `range`.
pub fn code_actions(
    c: &Checked,
    uri: &lt::Uri,
    range: lt::Range,
    registry: Option<&Path>,
    rule_docs_base: &str,
) -> Vec<lt::CodeActionOrCommand> {
    let (from, to) = (
        c.lines.offset(&c.text, range.start),
        c.lines.offset(&c.text, range.end),
    );
    let newline = if c.text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let diags = super::diagnostics(&c.report, &c.text, &c.lines, rule_docs_base);
    let mut out = Vec::new();
    for (f, diag) in c.report.findings.iter().zip(diags) {
        if f.span.start > to || f.span.end < from {
            continue;
        }
        let line = c.lines.position(&c.text, f.span.start).line;
        let at = lt::Position::new(line, 0);
        let line_start = c.lines.offset(&c.text, at);
        let indent: String = c.text[line_start..]
            .chars()
            .take_while(|ch| *ch == ' ' || *ch == '\t')
            .collect();
        let edit = lt::TextEdit {
            range: lt::Range::new(at, at),
            new_text: suppression_comment(c.format, &f.rule, &indent, newline),
        };
        out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
            title: format!(
                "Suppress {} on this line (whosaid-disable-next-line)",
                f.rule
            ),
            kind: Some(lt::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag.clone()]),
            edit: Some(lt::WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..Default::default()
            }),
            ..Default::default()
        }));
        if f.rule != "unknown-source" {
            continue;
        }
        let (Some(registry), Some(sid)) = (registry, &f.source) else {
            continue;
        };
        let Some(s) = c.report.sources.iter().find(|s| &s.id == sid) else {
            continue;
        };
        let kind = registry_kind(s.kind);
        let file = registry.file_name().map_or_else(
            || registry.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let title = format!(
            "Add \u{201c}{}\u{201d} to the registry as a {kind} (appends a row to {file})",
            crate::report::text::sanitize(&s.name)
        );
        let arg = AddSource {
            registry: registry.display().to_string(),
            name: s.name.clone(),
            kind: kind.to_string(),
        };
        out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
            title: title.clone(),
            kind: Some(lt::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag]),
            command: Some(lt::Command {
                title,
                command: ADD_SOURCE_COMMAND.to_string(),
                arguments: Some(vec![serde_json::to_value(arg).unwrap_or_default()]),
            }),
            ..Default::default()
        }));
    }
    out
}

/// An id for `name`: lower-case ASCII letters and digits joined by `-` ("Jane Roe" →
/// "jane-roe"), made unique among `taken` with a number.
fn new_id(name: &str, taken: &[String]) -> String {
    let mut base = String::new();
    for c in crate::registry::normalize_name(name).chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { "source" } else { base };
    let mut id = base.to_string();
    let mut n = 2;
    while taken.iter().any(|t| t == &id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Append a row for a source to the registry CSV at `path`, atomically; returns its id.
pub fn append_source(path: &Path, name: &str, kind: &str) -> Result<String, Error> {
    const KINDS: &[&str] = &["person", "organization", "media", "government", "anonymous"];
    let bad = |line: usize, msg: String| Error::Registry {
        path: path.display().to_string(),
        line,
        msg,
    };
    if !KINDS.contains(&kind) {
        return Err(bad(
            0,
            format!("kind {kind:?} is not one of {}", KINDS.join(", ")),
        ));
    }
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return Err(bad(0, format!("{name:?} is not a source name")));
    }
    let data = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(data.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| bad(1, format!("cannot read the header row: {e}")))?
        .clone();
    let col = |want: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
            .ok_or_else(|| bad(1, format!("no `{want}` column in the header row")))
    };
    let (id_col, name_col, kind_col) = (col("id")?, col("name")?, col("kind")?);
    let mut taken = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| bad(i + 2, e.to_string()))?;
        taken.push(rec.get(id_col).unwrap_or("").trim().to_string());
    }
    let id = new_id(name, &taken);
    let mut row = vec![String::new(); headers.len()];
    row[id_col] = id.clone();
    row[name_col] = name.trim().to_string();
    row[kind_col] = kind.to_string();
    let crlf = data.contains("\r\n");
    let mut w = csv::WriterBuilder::new()
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    w.write_record(&row)
        .map_err(|e| bad(0, format!("cannot write the row: {e}")))?;
    let row = w
        .into_inner()
        .map_err(|e| bad(0, format!("cannot write the row: {e}")))?;
    let mut new = data.into_bytes();
    if !new.is_empty() && !new.ends_with(b"\n") {
        new.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
    new.extend_from_slice(&row);
    write_atomic(path, &new)?;
    Ok(id)
}

/// Write `data` to `path` by writing a file beside it and renaming it over `path`.
fn write_atomic(path: &Path, data: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.whosaid-tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = f.set_permissions(meta.permissions());
        }
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_made_unique() {
        let taken = vec!["jane-roe".to_string(), "jane-roe-2".to_string()];
        assert_eq!(new_id("Jane Roe", &taken), "jane-roe-3");
        assert_eq!(new_id("Dr. José Núñez", &[]), "dr-jose-nunez");
        assert_eq!(new_id("!!!", &[]), "source");
    }

    #[test]
    fn appends_a_row_in_the_files_column_order() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("reg.csv");
        std::fs::write(&p, "name,kind,id,notes\nReuters,media,reuters,\"a, b\"").unwrap();
        let id = append_source(&p, "Jane \"JR\" Roe", "person").unwrap();
        assert_eq!(id, "jane-jr-roe");
        let text = std::fs::read_to_string(&p).unwrap();
        assert_eq!(
            text,
            "name,kind,id,notes\nReuters,media,reuters,\"a, b\"\n\"Jane \"\"JR\"\" Roe\",person,jane-jr-roe,\n"
        );
        let reg = crate::Registry::load(&p).unwrap();
        assert_eq!(reg.get("jane-jr-roe").unwrap().name, "Jane \"JR\" Roe");
        // nothing else is left in the directory
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let e = append_source(&p, "X", "alien").unwrap_err().to_string();
        assert!(e.contains("reg.csv") && e.contains("alien"), "{e}");
        std::fs::write(&p, "name,kind\nA,person\n").unwrap();
        let e = append_source(&p, "X", "person").unwrap_err().to_string();
        assert!(e.contains("reg.csv:1") && e.contains("`id`"), "{e}");
    }

    #[test]
    fn suppression_comments_follow_the_format() {
        assert_eq!(
            suppression_comment(Format::Markdown, "single-source", "  ", "\n"),
            "  <!-- whosaid-disable-next-line single-source -->\n"
        );
        assert_eq!(
            suppression_comment(Format::Text, "loaded-verb", "", "\r\n"),
            "# whosaid-disable-next-line loaded-verb\r\n"
        );
    }
}
