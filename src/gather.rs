//! Checking articles for the commands that summarise them (`report`, `registry suggest`): the
//! articles go through the same scheduler as `whosaid check --format jsonl` ([`crate::run`]),
//! and its JSON Lines are read back with [`whosaid::collection::read_reports`], so a summary of
//! articles and a summary of the reports `check` wrote for them are the same by construction.

use crate::cli::{InFormat, OutFormat};
use crate::run::{SharedBuf, Work, Writer, collect_inputs, run_jobs};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use whosaid::collection::{Doc, front_matter_date, read_reports, valid_month};
use whosaid::report::Summary;
use whosaid::report::text::TextOptions;
use whosaid::{Checker, Error, Registry, Ruleset};

/// Largest file checked, as `check`'s default `--max-file-size`.
const MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// The reports of the articles at `paths` (files, directories, `-`), checked with `registry`
/// and the rules of `rules`, in input order; with `dated`, dated from JSON Lines `date` fields
/// and Markdown front matter (which reads those files once more). The first input error stops it.
pub(crate) fn check_articles(
    paths: &[String],
    registry: Option<Registry>,
    rules: Option<&Path>,
    threads: Option<usize>,
    dated: bool,
) -> Result<Vec<Doc>, Error> {
    let ruleset = match rules {
        Some(d) => Ruleset::with_overrides(d)?,
        None => Ruleset::embedded(),
    };
    let checker = Checker::new(ruleset, registry);
    let mut errors = Vec::new();
    let inputs = collect_inputs(paths, &mut errors);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let mut dates: HashMap<String, String> = HashMap::new();
    for input in inputs.iter().filter(|_| dated) {
        if let crate::run::Input::File(p) = input {
            read_dates(p, &mut dates)?;
        }
    }
    let threads = match threads {
        Some(0) | None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    let buf = Arc::new(Mutex::new(Vec::new()));
    let mut writer = Writer {
        out: Box::new(SharedBuf(buf.clone())),
        summary: Summary::default(),
        docs: Vec::new(),
        worst: None,
        errors: Vec::new(),
    };
    let work = Work {
        checker: &checker,
        format: OutFormat::Jsonl,
        topts: TextOptions::default(),
    };
    run_jobs(
        inputs,
        InFormat::Auto,
        MAX_FILE_SIZE,
        &work,
        threads,
        &mut writer,
    )?;
    if let Some(e) = writer.errors.into_iter().next() {
        return Err(e);
    }
    let data = std::mem::take(&mut *buf.lock().unwrap_or_else(|p| p.into_inner()));
    let mut docs = read_reports("<reports>", &data[..])?;
    for d in &mut docs {
        if d.date.is_none() {
            d.date = dates.get(&d.path).cloned();
        }
    }
    Ok(docs)
}

/// The dates a file gives its documents: a JSON Lines file's records (`id` -> `date`), or a
/// Markdown file's front matter (its path -> `date`). Other files give none.
pub(crate) fn read_dates(path: &Path, dates: &mut HashMap<String, String>) -> Result<(), Error> {
    let name = path.display().to_string();
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        #[derive(serde::Deserialize)]
        struct Record {
            id: Option<serde_json::Value>,
            date: Option<serde_json::Value>,
        }
        let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        for (i, line) in data.split(|&b| b == b'\n').enumerate() {
            // bad lines are the checker's to report; here they only lack a date
            let Ok(r) = serde_json::from_slice::<Record>(line) else {
                continue;
            };
            let id = match r.id {
                Some(serde_json::Value::String(s)) => s,
                Some(v @ serde_json::Value::Number(_)) => v.to_string(),
                // as input::parse_line names a record without an id
                None => format!("{name}:{}", i + 1),
                _ => continue,
            };
            if let Some(serde_json::Value::String(d)) = r.date
                && valid_month(&d)
            {
                dates.insert(id, d);
            }
        }
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        if let Some(d) = front_matter_date(&String::from_utf8_lossy(&data)) {
            dates.insert(name, d);
        }
    }
    Ok(())
}
