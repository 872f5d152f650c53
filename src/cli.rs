//! The command line: parses arguments, sets up the checker and the scheduler ([`crate::run`]),
//! writes the report and maps the outcome to an exit code (0 clean, 1 findings at or above
//! `--fail-on`, 2 could not run).

use crate::run::{SharedBuf, Work, Writer, collect_inputs, run_jobs};
use crate::write::write_atomic;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use whosaid::baseline::{self, Baseline};
use whosaid::changed::ChangedLines;
use whosaid::config::{self, Config};
use whosaid::model::Severity;
use whosaid::policy::Policy;
use whosaid::report::text::{TextOptions, sanitize};
use whosaid::report::{self, Summary};
use whosaid::{Checker, Error, Registry, Ruleset};

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Check the sourcing of news writing: who said what, and which claims stand on nothing."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check articles (files, directories, or - for standard input).
    Check(CheckArgs),
    /// List the rules in force.
    Rules {
        /// Directory of rule overrides (checks/*.toml, lexicon/*.txt, patterns/*.txt).
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Write a commented starter whosaid.toml in the current directory (never overwrites).
    Init,
    /// Run the language server (LSP on standard input and output), for editors.
    Lsp,
    /// Explain one rule: what it flags, why it matters, how to fix it.
    Explain {
        /// Rule id, e.g. single-source.
        rule: String,
        /// Directory of rule overrides.
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Keep the source registry: validate it, suggest rows from articles, import ratings.
    Registry(crate::registry_cmd::RegistryArgs),
    /// Summarise the sourcing of a collection: articles, or the JSON Lines reports of `check`.
    Report(crate::report_cmd::ReportArgs),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum OutFormat {
    Text,
    Json,
    Jsonl,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML (GitLab, Jenkins test views).
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// A Markdown summary (pull-request comment, job summary).
    Markdown,
    /// CSV, a row per finding.
    Csv,
    /// One self-contained page for an editor (src/report/html.rs).
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum InFormat {
    Auto,
    Text,
    Markdown,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; - reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Source registry CSV (id, name, kind, aliases, affiliation, credibility...).
    #[arg(long)]
    registry: Option<PathBuf>,
    /// Directory of rule overrides (checks/*.toml, lexicon/*.txt, patterns/*.txt).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    format: OutFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit with 1 when a finding of this severity or worse is found [default: error, or
    /// whosaid.toml's fail-on].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Input format; auto goes by file extension (and plain text for standard input).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InFormat,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Skip files larger than this many bytes (with a warning); in JSON Lines, the limit of each
    /// record (a longer one is an error).
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_file_size: u64,
    /// Documents checked at once (default: the number of cores). Output keeps the input order.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Settings file [default: whosaid.toml in the current directory or its nearest parent].
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Read no whosaid.toml.
    #[arg(long)]
    no_config: bool,
    /// Report only findings whose fingerprint is not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the fingerprints of this run's findings in FILE (a baseline), atomically.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision (git diff --unified=0).
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Apply whosaid.toml's exclude to files named on the command line too (as pre-commit
    /// names them); without it only directory walks are filtered.
    #[arg(long)]
    force_exclude: bool,
    /// Exit 0 when no article is found (default: "no articles found", exit 2).
    #[arg(long)]
    allow_empty: bool,
    /// Progress bar on standard error: auto shows one when it is a terminal and there are
    /// more than a few files.
    #[arg(long, value_enum, default_value = "auto")]
    progress: Color,
}

/// Run the command line.
pub fn main() -> ExitCode {
    quiet_panics_while_guarded();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.cmd {
        Cmd::Check(args) => check(args),
        Cmd::Rules { rules } => list_rules(rules.as_deref()),
        Cmd::Init => init(),
        Cmd::Explain { rule, rules } => explain(&rule, rules.as_deref()),
        Cmd::Lsp => whosaid::lsp::serve(
            std::io::BufReader::new(std::io::stdin()),
            std::io::stdout(),
            whosaid::lsp::Options::default(),
        )
        .map(|()| 0),
        Cmd::Registry(args) => crate::registry_cmd::run(args),
        Cmd::Report(args) => crate::report_cmd::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if let Error::Io { source, .. } = &e
                && source.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {}", sanitize(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// A panic while a document is checked is caught and becomes that input's error (`path:
/// internal error while checking this input (...)`, exit 2): the default hook's `thread '...'
/// panicked at src/...` on top of it would only alarm. Any other panic is printed as usual.
fn quiet_panics_while_guarded() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::run::guarded() {
            default(info);
        }
    }));
}

fn load_rules(dir: Option<&Path>) -> Result<Ruleset, Error> {
    match dir {
        Some(d) => Ruleset::with_overrides(d),
        None => Ok(Ruleset::embedded()),
    }
}

fn list_rules(dir: Option<&Path>) -> Result<u8, Error> {
    let rs = load_rules(dir)?;
    let mut out = String::new();
    // the checks, then the notes a run adds (an unused suppression); ids, names and summaries
    // come from rule files: sanitized like everything else printed
    let notes = Ruleset::notes();
    let all = || rs.rules.values().chain(&notes);
    let w = all().map(|r| r.id.chars().count()).max().unwrap_or(4);
    for r in all() {
        let sev = if r.enabled {
            r.severity.as_str()
        } else {
            "off"
        };
        out.push_str(&format!(
            "{:<w$}  {:<7}  {}\n",
            sanitize(&r.id),
            sev,
            sanitize(&r.summary)
        ));
    }
    write_stdout(&out)?;
    Ok(0)
}

fn explain(id: &str, dir: Option<&Path>) -> Result<u8, Error> {
    let rs = load_rules(dir)?;
    let note = Ruleset::note(id);
    let Some(r) = rs.rules.get(id).or(note.as_ref()) else {
        return Err(Error::Usage(format!(
            "no rule {id:?}; `whosaid rules` lists them"
        )));
    };
    // a rule file from --rules is untrusted text: sanitized line by line for the terminal
    let text: String = whosaid::rule_docs::explain(r)
        .lines()
        .map(|l| sanitize(l) + "\n")
        .collect();
    write_stdout(&text)?;
    Ok(0)
}

fn summary_findings(s: &Summary) -> usize {
    s.findings.error + s.findings.warning + s.findings.info
}

/// A per-file error as the reports list it: the file's name and the problem (without the name
/// repeated in front).
fn file_error(e: &Error) -> report::FileError {
    let path = match e {
        Error::Io { path, .. } => path.display().to_string(),
        Error::Utf8 { path, .. }
        | Error::Input { path, .. }
        | Error::Internal { path, .. }
        | Error::Registry { path, .. }
        | Error::Rule { path, .. } => path.clone(),
        _ => String::new(),
    };
    let full = e.to_string();
    let message = match full.strip_prefix(&path) {
        Some(rest) if !path.is_empty() => {
            let rest = rest.trim_start_matches(':').trim_start();
            // "12: problem" (a line number first) reads as "line 12: problem"
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && rest[digits..].starts_with(':') {
                format!("line {rest}")
            } else {
                rest.to_string()
            }
        }
        _ => full,
    };
    report::FileError { path, message }
}

/// Standard output without std's line buffer, for a report written through a `BufWriter` of
/// its own: `Stdout` looks for the last newline in every piece written to it (a `memrchr`
/// over the whole report: 4% of the instructions of writing a large JSON Lines report). On
/// Unix a duplicate of descriptor 1 (what was printed before is flushed first); elsewhere, or
/// if it cannot be duplicated, `Stdout` itself.
fn unbuffered_stdout() -> Box<dyn Write + Send> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let out = std::io::stdout();
        if out.lock().flush().is_ok()
            && let Ok(fd) = out.as_fd().try_clone_to_owned()
        {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout())
}

fn write_stdout(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// `whosaid init`: the starter whosaid.toml, never over an existing file.
fn init() -> Result<u8, Error> {
    let path = Path::new(config::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Usage(format!(
                "{}: already exists; not overwritten (remove it first to start again)",
                config::FILE_NAME
            )));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    file.write_all(config::STARTER.as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::io(path, e))?;
    write_stdout(&format!(
        "wrote {}: every setting, commented out at its default (docs/configuration.md)\n",
        config::FILE_NAME
    ))?;
    Ok(0)
}

/// The settings of a run: `--config FILE`, else the nearest whosaid.toml, else the defaults
/// (all of them with `--no-config`). `check`, `report` and `registry suggest` share it.
pub(crate) fn load_config(file: Option<&Path>, no_config: bool) -> Result<Config, Error> {
    if no_config {
        return Ok(Config::default());
    }
    let path = match file {
        Some(p) => Some(p.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|d| config::find(&d)),
    };
    match path {
        Some(p) => Config::load(&p),
        None => Ok(Config::default()),
    }
}

fn check(args: CheckArgs) -> Result<u8, Error> {
    let config = load_config(args.config.as_deref(), args.no_config)?;
    // the command line wins over the file
    let rules_dir = args.rules.clone().or_else(|| config.rules.clone());
    let mut ruleset = load_rules(rules_dir.as_deref())?;
    config.apply(&mut ruleset)?;
    let registry_path = args.registry.clone().or_else(|| config.registry.clone());
    let registry = match &registry_path {
        Some(p) => Some(Registry::load(p)?),
        None => None,
    };
    let checker = Checker::new(ruleset, registry);
    let mut errors = Vec::new();
    let inputs = collect_inputs(&args.paths, &config, args.force_exclude, &mut errors);
    // (with --force-exclude, as from a hook, a commit of excluded files alone is fine)
    if inputs.is_empty() && errors.is_empty() && !args.allow_empty && !args.force_exclude {
        return Err(Error::Usage(format!(
            "no articles found in {} (extensions: {}; --allow-empty to accept that)",
            args.paths.join(", "),
            config.extensions.join(", ")
        )));
    }
    let baseline = match &args.baseline {
        Some(p) => Some(Baseline::load(p)?),
        None => None,
    };
    let changed = match &args.changed_since {
        Some(rev) => {
            let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
            Some(ChangedLines::since(rev, &cwd)?)
        }
        None => None,
    };
    let fail_on = args
        .fail_on
        .or(config.fail_on.map(|f| match f {
            config::FailOn::Error => FailOn::Error,
            config::FailOn::Warning => FailOn::Warning,
            config::FailOn::Info => FailOn::Info,
            config::FailOn::Never => FailOn::Never,
        }))
        .unwrap_or(FailOn::Error);
    let policy = Policy {
        config,
        baseline,
        changed,
        record: args.write_baseline.is_some(),
    };
    let files = inputs.len();
    let show_progress = match args.progress {
        Color::Always => true,
        Color::Never => false,
        // not over a report streaming to the same terminal
        Color::Auto => {
            std::io::stderr().is_terminal()
                && files > 5
                && (args.output.is_some() || !std::io::stdout().is_terminal())
        }
    };
    let progress = show_progress.then(|| {
        let bar = indicatif::ProgressBar::new(files as u64);
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar
    });
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let topts = TextOptions { color };
    let threads = match args.threads {
        Some(0) | None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    let buf = std::sync::Arc::new(Mutex::new(Vec::new()));
    // the HTML page is put together at the end (its index comes before the documents)
    let buffered = args.output.is_some() || args.format == OutFormat::Html;
    let out: Box<dyn Write + Send> = match buffered {
        true => Box::new(SharedBuf(buf.clone())),
        false => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            unbuffered_stdout(),
        )),
    };
    let mut writer = Writer {
        out,
        summary: Summary::default(),
        docs: Vec::new(),
        worst: None,
        errors,
        in_baseline: 0,
        entries: Vec::new(),
        progress,
    };
    let work = Work {
        checker: &checker,
        format: args.format,
        topts,
        policy: &policy,
    };
    run_jobs(
        inputs,
        args.input_format,
        args.max_file_size,
        &work,
        threads,
        &mut writer,
    )?;

    if let Some(p) = writer.progress.take() {
        p.finish_and_clear();
    }
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let file_errors: Vec<report::FileError> = writer.errors.iter().map(file_error).collect();
    let (docs, summary) = (&writer.docs, &writer.summary);
    let rendered = match args.format {
        OutFormat::Json => report::json::render_run_with_errors(docs, summary, &file_errors),
        OutFormat::Text => report::text::render_summary(summary, topts),
        OutFormat::Jsonl => String::new(),
        OutFormat::Sarif => report::sarif::render_with_docs(
            docs,
            &file_errors,
            &checker.ruleset,
            &policy.config.docs_url,
        ),
        OutFormat::Github => report::github::render(docs, &file_errors),
        OutFormat::Junit => report::junit::render(docs, &file_errors, threshold),
        OutFormat::Gitlab => report::gitlab::render(docs, &file_errors),
        OutFormat::Markdown => report::markdown::render(docs, &file_errors, summary),
        OutFormat::Csv => report::csv::render(docs, &file_errors),
        // put together below (its index comes before the documents)
        OutFormat::Html => String::new(),
    };
    writer.write(&rendered)?;
    writer.flush()?;
    // the report is written even when some files failed: they are in it (and on stderr)
    if buffered {
        let mut data = std::mem::take(&mut *buf.lock().unwrap_or_else(|p| p.into_inner()));
        if args.format == OutFormat::Html {
            let documents = String::from_utf8_lossy(&data);
            let page = report::html::render_page(
                &writer.docs,
                &documents,
                &writer.summary,
                &checker.ruleset,
                &policy.config.docs_url,
            );
            data = page.into_bytes();
        }
        match &args.output {
            Some(path) => write_atomic(path, &data)?,
            None => write_stdout(&String::from_utf8_lossy(&data))?,
        }
    }
    if let Some(b) = &policy.baseline {
        eprintln!(
            "baseline: {} finding{} matched the baseline and {} not reported; {} new",
            writer.in_baseline,
            if writer.in_baseline == 1 { "" } else { "s" },
            if writer.in_baseline == 1 { "is" } else { "are" },
            summary_findings(&writer.summary),
        );
        let _ = b;
    }
    if let Some(path) = &args.write_baseline {
        write_atomic(path, baseline::render(&writer.entries).as_bytes())?;
        eprintln!(
            "baseline: {} finding{} recorded in {}",
            writer.entries.len(),
            if writer.entries.len() == 1 { "" } else { "s" },
            sanitize(&path.display().to_string())
        );
    }
    if !writer.errors.is_empty() {
        for e in &writer.errors {
            eprintln!("error: {}", sanitize(&e.to_string()));
        }
        return Ok(2);
    }
    Ok(match (threshold, writer.worst) {
        (Some(t), Some(w)) if w >= t => 1,
        _ => 0,
    })
}
