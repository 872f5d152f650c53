//! The command line: parses arguments, reads inputs, runs the checker, writes reports and maps
//! the outcome to an exit code (0 clean, 1 findings at or above `--fail-on`, 2 could not run).

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use whosaid::input::{self, Format, JsonlReader, SourceDoc};
use whosaid::model::Severity;
use whosaid::report::text::{TextOptions, sanitize};
use whosaid::report::{self, DocumentReport, Summary};
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
enum OutFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InFormat {
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
    /// Skip files larger than this many bytes (with a warning).
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_file_size: u64,
}

/// Run the command line.
pub fn main() -> ExitCode {
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

fn load_rules(dir: Option<&Path>) -> Result<Ruleset, Error> {
    match dir {
        Some(d) => Ruleset::with_overrides(d),
        None => Ok(Ruleset::embedded()),
    }
}

fn list_rules(dir: Option<&Path>) -> Result<u8, Error> {
    let rs = load_rules(dir)?;
    let mut out = String::new();
    let w = rs.rules.keys().map(|k| k.len()).max().unwrap_or(4);
    for r in rs.rules.values() {
        let sev = if r.enabled {
            r.severity.as_str()
        } else {
            "off"
        };
        out.push_str(&format!("{:<w$}  {:<7}  {}\n", r.id, sev, r.summary));
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
        "# {} ({})\n\n{}\n\nDefault severity: {}\n\n{}\n",
        r.name,
        r.id,
        r.summary,
        r.severity.as_str(),
        r.description.trim()
    ))?;
    Ok(0)
}

fn write_stdout(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Where output goes: standard output as it comes, or a buffer written atomically at the end.
struct Sink {
    buf: Option<Vec<u8>>,
}

impl Sink {
    fn write(&mut self, s: &str) -> Result<(), Error> {
        match &mut self.buf {
            Some(b) => {
                b.extend_from_slice(s.as_bytes());
                Ok(())
            }
            None => write_stdout(s),
        }
    }
}

/// Write `data` to `path` through a temporary file in the same directory and a rename, so that
/// readers never see a partial report and a failed run leaves the previous one in place.
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

enum Input {
    Stdin,
    File(PathBuf),
}

fn collect_inputs(paths: &[String], errors: &mut Vec<Error>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Err(e) => errors.push(Error::io(&path, e)),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                for entry in ignore::WalkBuilder::new(&path)
                    .sort_by_file_name(|a, b| a.cmp(b))
                    .build()
                {
                    match entry {
                        Ok(e) => {
                            let ep = e.path();
                            let ok_ext = ep.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                DEFAULT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                            });
                            if e.file_type().is_some_and(|t| t.is_file()) && ok_ext {
                                found.push(ep.to_path_buf());
                            }
                        }
                        Err(e) => errors.push(Error::Usage(format!("{}: {e}", path.display()))),
                    }
                }
                out.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => out.push(Input::File(path)),
        }
    }
    out
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
    let mut sink = Sink {
        buf: args.output.as_ref().map(|_| Vec::new()),
    };
    let mut summary = Summary::default();
    let mut docs: Vec<DocumentReport> = Vec::new();
    let mut worst: Option<Severity> = None;

    let mut handle = |doc: SourceDoc, sink: &mut Sink| -> Result<(), Error> {
        let analysis = checker.check(doc);
        let all: Vec<usize> = (0..analysis.sources.len()).collect();
        let independent = checker.independent(&analysis, &all);
        let rep = report::build(&analysis, independent);
        summary.add(&rep);
        for f in &rep.findings {
            worst = worst.max(Some(f.severity));
        }
        match args.format {
            OutFormat::Jsonl => sink.write(&report::json::render_line(&rep))?,
            OutFormat::Text => sink.write(&report::text::render_document(
                &rep,
                &analysis.doc.raw,
                topts,
            ))?,
            OutFormat::Json => docs.push(rep),
        }
        Ok(())
    };

    for inp in inputs {
        let (name, bytes) = match inp {
            Input::Stdin => {
                let mut b = Vec::new();
                if let Err(e) = std::io::stdin().lock().read_to_end(&mut b) {
                    errors.push(Error::io("-", e));
                    continue;
                }
                ("-".to_string(), b)
            }
            Input::File(p) => {
                let name = p.display().to_string();
                match std::fs::metadata(&p) {
                    Ok(m) if m.len() > args.max_file_size => {
                        eprintln!(
                            "warning: {}: skipped: {} bytes is over --max-file-size {}",
                            sanitize(&name),
                            m.len(),
                            args.max_file_size
                        );
                        continue;
                    }
                    _ => {}
                }
                match std::fs::read(&p) {
                    Ok(b) => (name, b),
                    Err(e) => {
                        errors.push(Error::io(&p, e));
                        continue;
                    }
                }
            }
        };
        if args.input_format == InFormat::Jsonl
            || (args.input_format == InFormat::Auto
                && (name.ends_with(".jsonl") || name.ends_with(".ndjson")))
        {
            let reader = JsonlReader::new(&name, std::io::Cursor::new(bytes), Format::Text);
            for doc in reader {
                match doc {
                    Ok(d) => handle(d, &mut sink)?,
                    Err(e) => errors.push(e),
                }
            }
            continue;
        }
        let format = match args.input_format {
            InFormat::Text => Format::Text,
            InFormat::Markdown => Format::Markdown,
            InFormat::Html => Format::Html,
            _ => Format::from_path(&name).unwrap_or(Format::Text),
        };
        match input::decode_utf8(&name, bytes) {
            Ok(raw) => handle(input::parse(&name, raw, format), &mut sink)?,
            Err(e) => errors.push(e),
        }
    }

    match args.format {
        OutFormat::Json => sink.write(&report::json::render_run(&docs, &summary))?,
        OutFormat::Text => sink.write(&report::text::render_summary(&summary, topts))?,
        OutFormat::Jsonl => {}
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("error: {}", sanitize(&e.to_string()));
        }
        return Ok(2);
    }
    if let (Some(path), Some(buf)) = (&args.output, &sink.buf) {
        write_atomic(path, buf)?;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    Ok(match (threshold, worst) {
        (Some(t), Some(w)) if w >= t => 1,
        _ => 0,
    })
}
