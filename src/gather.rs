//! Checking articles for the commands that summarise them (`report`, `registry suggest`): the
//! articles go through the same scheduler as `whosaid check --format jsonl` ([`crate::run`]),
//! and its JSON Lines are read back a line at a time, as they are written, with
//! [`whosaid::collection::parse_report_line`], into a [`DocSink`]; so a summary of articles and
//! a summary of the reports `check` wrote for them are the same by construction, and memory
//! does not grow with the reports.

use crate::cli::{InFormat, OutFormat};
use crate::run::{Work, Writer, collect_inputs, run_jobs};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use whosaid::collection::suggest::Suggester;
use whosaid::collection::{Doc, Summarizer, front_matter_date, parse_report_line, valid_month};
use whosaid::config::Config;
use whosaid::report::Summary;
use whosaid::report::text::TextOptions;
use whosaid::{Checker, Error, Registry, Ruleset};

/// How the articles are checked: as `whosaid check` would with these options.
pub(crate) struct Checking {
    /// The settings (whosaid.toml's, found as `check` finds it): disabled rules, severities,
    /// thresholds, include/exclude, extensions, article kinds.
    pub(crate) config: Config,
    /// The registry (the command line's, else the configuration's).
    pub(crate) registry: Option<Registry>,
    /// Directory of rule overrides (the command line's, else the configuration's).
    pub(crate) rules: Option<PathBuf>,
    /// Worker threads (`None`: one per core).
    pub(crate) threads: Option<usize>,
    /// Files larger than this are skipped with a warning, as by `check`.
    pub(crate) max_file_size: u64,
}

/// The options of the commands that check articles besides `check` (`report`, `registry
/// suggest`): what `check` takes for the same purpose, and whosaid.toml found as it finds it.
#[derive(clap::Args)]
pub(crate) struct CheckingArgs {
    /// Source registry CSV to check the articles with (for `registry suggest`, its columns are
    /// the columns of the rows) [default: whosaid.toml's registry].
    #[arg(long)]
    pub(crate) registry: Option<PathBuf>,
    /// Directory of rule overrides (checks/*.toml, lexicon/*.txt, patterns/*.txt) [default:
    /// whosaid.toml's rules].
    #[arg(long)]
    pub(crate) rules: Option<PathBuf>,
    /// Documents checked at once (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// Skip files larger than this many bytes (with a warning), as `check` does.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub(crate) max_file_size: u64,
    /// Settings file [default: whosaid.toml in the current directory or its nearest parent].
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub(crate) config: Option<PathBuf>,
    /// Read no whosaid.toml.
    #[arg(long)]
    pub(crate) no_config: bool,
}

impl CheckingArgs {
    /// How to check the articles: the settings these name, the registry (the command line's,
    /// else whosaid.toml's, read by `load`) and the rules directory (likewise), as `check`
    /// resolves them.
    pub(crate) fn checking(
        &self,
        load: impl FnOnce(&Path) -> Result<Registry, Error>,
    ) -> Result<Checking, Error> {
        let config = crate::cli::load_config(self.config.as_deref(), self.no_config)?;
        let registry = match self.registry.as_ref().or(config.registry.as_ref()) {
            Some(p) => Some(load(p)?),
            None => None,
        };
        let rules = self.rules.clone().or_else(|| config.rules.clone());
        Ok(Checking {
            config,
            registry,
            rules,
            threads: self.threads,
            max_file_size: self.max_file_size,
        })
    }
}

/// `check`'s default `--max-file-size`, for the commands that check articles too.
pub(crate) const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// What takes the documents' reports, one at a time, in input order.
pub(crate) trait DocSink: Send + 'static {
    /// The next document.
    fn add(&mut self, doc: Doc);
}

impl DocSink for Summarizer {
    fn add(&mut self, doc: Doc) {
        Summarizer::add(self, &doc);
    }
}

impl DocSink for Suggester {
    fn add(&mut self, doc: Doc) {
        Suggester::add(self, &doc);
    }
}

/// The scheduler's output: JSON Lines parsed as they come and handed to the sink, dated.
struct Lines<S> {
    sink: S,
    dates: HashMap<String, String>,
    /// The start of a line not yet ended.
    partial: Vec<u8>,
    /// Lines read.
    line: usize,
    /// The first line that could not be read (a bug: these are whosaid's own reports).
    error: Option<Error>,
}

impl<S: DocSink> Lines<S> {
    fn line(&mut self, bytes: &[u8]) {
        self.line += 1;
        if self.error.is_some() {
            return;
        }
        match parse_report_line("<reports>", self.line, bytes) {
            Ok(Some(mut doc)) => {
                if doc.date.is_none() {
                    doc.date = self.dates.get(&doc.path).cloned();
                }
                self.sink.add(doc);
            }
            Ok(None) => {}
            Err(e) => self.error = Some(e),
        }
    }
}

/// A `Write` into shared [`Lines`] (the scheduler's writer must own its output).
struct SharedLines<S>(Arc<Mutex<Lines<S>>>);

impl<S: DocSink> Write for SharedLines<S> {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let mut st = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let mut rest = b;
        while let Some(i) = memchr::memchr(b'\n', rest) {
            if st.partial.is_empty() {
                st.line(&rest[..i]);
            } else {
                let mut l = std::mem::take(&mut st.partial);
                l.extend_from_slice(&rest[..i]);
                st.line(&l);
                l.clear();
                st.partial = l;
            }
            rest = &rest[i + 1..];
        }
        st.partial.extend_from_slice(rest);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Check the articles at `paths` (files, directories, `-`) as `how` says, and hand their
/// reports to `sink` in input order, each dated as its report is (JSON Lines `date` fields,
/// Markdown front matter). The first input error stops it.
pub(crate) fn check_articles<S: DocSink>(
    paths: &[String],
    how: Checking,
    sink: S,
) -> Result<S, Error> {
    let Checking {
        config,
        registry,
        rules,
        threads,
        max_file_size,
    } = how;
    let mut ruleset = match &rules {
        Some(d) => Ruleset::with_overrides(d)?,
        None => Ruleset::embedded(),
    };
    config.apply(&mut ruleset)?;
    let checker = Checker::new(ruleset, registry);
    let mut errors = Vec::new();
    // the same article files as `check` takes
    let inputs = collect_inputs(paths, &config, false, &mut errors);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    // (the reports carry their documents' dates)
    let dates: HashMap<String, String> = HashMap::new();
    let threads = match threads {
        Some(0) | None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    let lines = Arc::new(Mutex::new(Lines {
        sink,
        dates,
        partial: Vec::new(),
        line: 0,
        error: None,
    }));
    let mut writer = Writer {
        out: Box::new(SharedLines(lines.clone())),
        summary: Summary::default(),
        docs: Vec::new(),
        worst: None,
        errors: Vec::new(),
        in_baseline: 0,
        entries: Vec::new(),
        progress: None,
    };
    let policy = whosaid::policy::Policy {
        config,
        baseline: None,
        changed: None,
        record: false,
    };
    let work = Work {
        checker: &checker,
        format: OutFormat::Jsonl,
        topts: TextOptions::default(),
        policy: &policy,
    };
    run_jobs(
        inputs,
        InFormat::Auto,
        max_file_size,
        &work,
        threads,
        &mut writer,
    )?;
    if let Some(e) = std::mem::take(&mut writer.errors).into_iter().next() {
        return Err(e);
    }
    drop(writer);
    let lines = Arc::try_unwrap(lines)
        .map_err(|_| Error::Usage("internal error: the report writer outlived the run".into()))?;
    let mut lines = lines.into_inner().unwrap_or_else(|p| p.into_inner());
    let last = std::mem::take(&mut lines.partial);
    lines.line(&last);
    match lines.error {
        Some(e) => Err(e),
        None => Ok(lines.sink),
    }
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
