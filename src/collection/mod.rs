//! The collection view: figures over many documents' reports (who is quoted and how often, how
//! much rests on anonymous or single sources, which articles lean hardest on one voice, and how
//! that moves over time), and one renderer per format.
//!
//! Consumes: document reports as `whosaid check --format jsonl` writes them (one JSON object
//! per line, docs/report-schema.md), read back through serde a line at a time
//! ([`for_each_report`]); a `date` field (`YYYY-MM-DD...`) on a line, or one supplied by the
//! caller, dates the document. Produces: a [`Summary`] ([`Summarizer`], a document at a time),
//! rendered by [`html`], [`markdown`], [`csv`] and [`json`]. The summary depends only on the
//! documents and their order, so two report files concatenated summarise as one run over both.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod suggest;
mod summary;

pub use summary::{
    ArticleRow, CredibilityCounts, KindCount, PRONOUNS, PeriodRow, SourceRow, StatusCounts,
    Summarizer, Summary, summarize,
};

use crate::error::{Error, Result};
use serde::Deserialize;
use std::io::BufRead;

/// A document's report, as far as the collection view reads it.
#[derive(Debug, Clone, Deserialize)]
pub struct Doc {
    /// Path or id.
    pub path: String,
    /// The document's date (`YYYY-MM-DD`, or longer: the month is its first seven characters).
    #[serde(default)]
    pub date: Option<String>,
    /// Sources.
    pub sources: Vec<DocSource>,
    /// Attributions.
    pub attributions: Vec<DocAttribution>,
    /// Claims.
    pub claims: Vec<DocClaim>,
}

/// A source of a document.
#[derive(Debug, Clone, Deserialize)]
pub struct DocSource {
    /// `s1`, `s2`...
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `organization`, `media`, `government`, `anonymous` or `unknown`.
    pub kind: String,
    /// Unnamed source.
    pub anonymous: bool,
    /// Registry match.
    pub registry: Option<DocRegistry>,
    /// Every mention.
    pub mentions: Vec<DocMention>,
}

/// The registry match of a source.
#[derive(Debug, Clone, Deserialize)]
pub struct DocRegistry {
    /// Row id.
    pub id: String,
    /// The row's credibility.
    pub credibility: Option<String>,
}

/// A mention of a source.
#[derive(Debug, Clone, Deserialize)]
pub struct DocMention {
    /// As written.
    pub text: String,
    /// Where.
    pub span: DocSpan,
}

/// A place in the original file.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct DocSpan {
    /// 1-based line.
    pub line: usize,
}

/// An attribution.
#[derive(Debug, Clone, Deserialize)]
pub struct DocAttribution {
    /// Source mentions.
    pub sources: Vec<DocAttributionSource>,
}

/// A source mention at an attribution.
#[derive(Debug, Clone, Deserialize)]
pub struct DocAttributionSource {
    /// Source id.
    pub source: String,
}

/// A claim.
#[derive(Debug, Clone, Deserialize)]
pub struct DocClaim {
    /// `corroborated`, `single_source`, `unattributed` or `disputed`.
    pub status: String,
    /// `claim`, `background`, `self_report` or `quote` (absent from reports that predate kinds).
    #[serde(default)]
    pub kind: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// One line of a JSON Lines report (`name` and the 1-based `line` in errors): the document, or
/// `None` for a blank line. A line that is not a document report is an error naming the line.
pub fn parse_report_line(name: &str, line: usize, bytes: &[u8]) -> Result<Option<Doc>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let fail = |msg: String| Error::Input {
        path: name.to_string(),
        line,
        msg,
    };
    let doc: Doc = serde_json::from_slice(bytes).map_err(|e| {
        fail(format!(
            "not a whosaid document report ({e}); --from-reports reads what `whosaid check --format jsonl` writes"
        ))
    })?;
    for c in &doc.claims {
        if !matches!(
            c.status.as_str(),
            "corroborated" | "single_source" | "unattributed" | "disputed"
        ) {
            return Err(fail(format!("unknown claim status `{}`", c.status)));
        }
    }
    if let Some(d) = &doc.date
        && !valid_month(d)
    {
        return Err(fail(format!(
            "date `{d}` does not start with a date written YYYY-MM-DD"
        )));
    }
    Ok(Some(doc))
}

/// Each document of the JSON Lines reports in `reader` (named `name` in errors), in order, a
/// line at a time; the first bad line stops it.
pub fn for_each_report(name: &str, reader: impl BufRead, mut f: impl FnMut(Doc)) -> Result<()> {
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| Error::io(name, e))?;
        if let Some(doc) = parse_report_line(name, i + 1, &line)? {
            f(doc);
        }
    }
    Ok(())
}

/// All the documents of the JSON Lines reports in `reader` ([`for_each_report`]).
pub fn read_reports(name: &str, reader: impl BufRead) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for_each_report(name, reader, |d| docs.push(d))?;
    Ok(docs)
}

pub use crate::input::{front_matter_date, valid_month};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_report_lines_and_names_a_bad_line() {
        let good = r#"{"path":"a.txt","format":"text","stats":{},"sources":[],"attributions":[],"claims":[{"status":"unattributed","sources":[]}],"findings":[]}"#;
        let data = format!("{good}\n\n{good}\n{{\"path\": 3}}\n");
        let e = read_reports("r.jsonl", data.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("r.jsonl:4: not a whosaid document report"),
            "{e}"
        );
        let docs = read_reports("r.jsonl", format!("{good}\n\n{good}\n").as_bytes()).unwrap();
        assert_eq!(docs.len(), 2);
        let bad = good.replace("unattributed", "maybe");
        let e = read_reports("r.jsonl", bad.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(e.contains("r.jsonl:1: unknown claim status `maybe`"), "{e}");
    }

    #[test]
    fn front_matter_date_is_read_from_the_front_matter_only() {
        assert_eq!(
            front_matter_date("---\ntitle: x\ndate: \"2020-03-01\"\n---\nText\n").as_deref(),
            Some("2020-03-01")
        );
        assert_eq!(front_matter_date("title\n---\ndate: 2020-03-01\n"), None);
        assert_eq!(front_matter_date("---\ndate: soon\n---\n"), None);
        assert_eq!(
            front_matter_date("---\ntitle: x\n---\ndate: 2020-03-01\n"),
            None
        );
    }
}
