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
use whosaid::model::Severity;
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
    /// Explain one rule: what it flags, why it matters, how to fix it.
    Explain {
        /// Rule id, e.g. single-source.
        rule: String,
        /// Directory of rule overrides.
        #[arg(long)]
        rules: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum OutFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum InFormat {
    Auto,
    Text,
    Markdown,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
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
    /// Exit with 1 when a finding of this severity or worse is found.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
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
        Cmd::Explain { rule, rules } => explain(&rule, rules.as_deref()),
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

/// `s`, from a rule file (untrusted), made safe for a terminal line by line: each line
/// [`sanitize`]d, the line breaks kept.
fn sanitize_lines(s: &str) -> String {
    s.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

fn list_rules(dir: Option<&Path>) -> Result<u8, Error> {
    let rs = load_rules(dir)?;
    let mut out = String::new();
    // ids, names and summaries come from rule files: sanitized like everything else printed
    let w = rs
        .rules
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(4);
    for r in rs.rules.values() {
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
    let Some(r) = rs.rules.get(id) else {
        return Err(Error::Usage(format!(
            "no rule {id:?}; `whosaid rules` lists them"
        )));
    };
    write_stdout(&format!(
        "# {} ({})\n\n{}\n\nSeverity: {}\n\n{}\n",
        sanitize(&r.name),
        sanitize(&r.id),
        sanitize(&r.summary),
        r.severity.as_str(),
        sanitize_lines(r.description.trim())
    ))?;
    Ok(0)
}

fn write_stdout(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

fn check(args: CheckArgs) -> Result<u8, Error> {
    let ruleset = load_rules(args.rules.as_deref())?;
    let registry = match &args.registry {
        Some(p) => Some(Registry::load(p)?),
        None => None,
    };
    let checker = Checker::new(ruleset, registry);
    let mut errors = Vec::new();
    let inputs = collect_inputs(&args.paths, &mut errors);
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
    let out: Box<dyn Write + Send> = match &args.output {
        Some(_) => Box::new(SharedBuf(buf.clone())),
        None => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        )),
    };
    let mut writer = Writer {
        out,
        summary: Summary::default(),
        docs: Vec::new(),
        worst: None,
        errors,
    };
    let work = Work {
        checker: &checker,
        format: args.format,
        topts,
    };
    run_jobs(
        inputs,
        args.input_format,
        args.max_file_size,
        &work,
        threads,
        &mut writer,
    )?;

    match args.format {
        OutFormat::Json => {
            let s = report::json::render_run(&writer.docs, &writer.summary);
            writer.write(&s)?;
        }
        OutFormat::Text => {
            let s = report::text::render_summary(&writer.summary, topts);
            writer.write(&s)?;
        }
        OutFormat::Jsonl => {}
    }
    writer.flush()?;
    if !writer.errors.is_empty() {
        for e in &writer.errors {
            eprintln!("error: {}", sanitize(&e.to_string()));
        }
        return Ok(2);
    }
    if let Some(path) = &args.output {
        let data = std::mem::take(&mut *buf.lock().unwrap_or_else(|p| p.into_inner()));
        write_atomic(path, &data)?;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    Ok(match (threshold, writer.worst) {
        (Some(t), Some(w)) if w >= t => 1,
        _ => 0,
    })
}
