//! The command line: parses arguments, reads inputs, runs the checker, writes reports and maps
//! the outcome to an exit code (0 clean, 1 findings at or above `--fail-on`, 2 could not run).

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use whosaid::input::{self, Format, JsonlLines, Line, SourceDoc};
use whosaid::model::Severity;
use whosaid::report::text::{TextOptions, sanitize};
use whosaid::report::{self, DocumentReport, Summary};
use whosaid::{Analysis, Checker, Error, Registry, Ruleset};

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
    /// Documents checked at once (default: the number of cores). Output keeps the input order.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
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
        "# {} ({})\n\n{}\n\nSeverity: {}\n\n{}\n",
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

/// One document to check, in input order: parsed already (a JSON Lines record), still raw (a
/// file, parsed by the worker that checks it), or an input error to report in its place.
enum Job {
    /// A line of a JSON Lines stream.
    Line {
        name: Arc<str>,
        line: Line,
    },
    /// A file, read and parsed by its worker.
    File {
        name: String,
        path: PathBuf,
        format: Format,
    },
    /// Text read already (from standard input).
    Raw {
        name: String,
        bytes: Vec<u8>,
        format: Format,
    },
    Failed(Error),
}

/// A checked document: its figures, the worst severity of its findings, its report (kept for
/// `--format json` only), and its rendering (empty for `--format json`); or, for a JSON line
/// too long to hold ([`STREAM_MIN`]), the analysis, written by the writer as the line is made.
#[derive(Default)]
struct Done {
    counts: Summary,
    worst: Option<Severity>,
    rep: Option<DocumentReport>,
    out: String,
    stream: Option<(Analysis, usize)>,
}

/// JSON lines from about this size on are written out as they are made, not held whole (a 20 MB
/// document makes a line of 200 to 300 MB). A panic while one is written leaves it cut short
/// (then ended with a newline); the input gets an error, as for a panic while checking it.
const STREAM_MIN: usize = 8 << 20;

/// How documents are checked and rendered, shared by every worker.
struct Work<'a> {
    checker: &'a Checker,
    format: OutFormat,
    topts: TextOptions,
}

impl Work<'_> {
    /// The document of a file's (or standard input's) bytes.
    fn parse_raw(name: String, bytes: Vec<u8>, format: Format) -> Result<SourceDoc, Error> {
        Ok(input::parse(
            &name,
            input::decode_utf8(&name, bytes)?,
            format,
        ))
    }

    fn run(&self, job: Job) -> Result<Done, Error> {
        let doc = match job {
            Job::Line { name, line } => {
                match input::parse_line(&name, line.number, &line.bytes, Format::Text) {
                    Some(doc) => doc?,
                    // white space only
                    None => return Ok(Done::default()),
                }
            }
            Job::File { name, path, format } => {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                Self::parse_raw(name, bytes, format)?
            }
            Job::Raw {
                name,
                bytes,
                format,
            } => Self::parse_raw(name, bytes, format)?,
            Job::Failed(e) => return Err(e),
        };
        // A panic here is a bug; it must not take the run down with it (with several threads a
        // dead worker would leave the reader waiting forever): the input gets an error, the
        // others are checked, and the run exits 2.
        let path = doc.path.clone();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let checker = self.checker;
            let analysis = checker.check(doc);
            let all: Vec<usize> = (0..analysis.sources.len()).collect();
            let independent = checker.independent(&analysis, &all);
            let mut counts = Summary::default();
            counts.add_analysis(&analysis);
            let worst = analysis.findings.iter().map(|f| f.severity).max();
            let (rep, out) = match self.format {
                OutFormat::Jsonl if report::json::line_size_hint(&analysis) >= STREAM_MIN => {
                    return Done {
                        counts,
                        worst,
                        rep: None,
                        out: String::new(),
                        stream: Some((analysis, independent)),
                    };
                }
                // straight from the analysis: no report in between
                OutFormat::Jsonl => (
                    None,
                    report::json::render_analysis_line(&analysis, independent),
                ),
                OutFormat::Text => {
                    let rep = report::build(&analysis, independent);
                    let out = report::text::render_document(&rep, &analysis.doc.raw, self.topts);
                    (None, out)
                }
                OutFormat::Json => (Some(report::build(&analysis, independent)), String::new()),
            };
            Done {
                counts,
                worst,
                rep,
                out,
                stream: None,
            }
        }))
        .map_err(|payload| internal_error(path, payload))
    }
}

/// The error of an input whose check panicked: the first line of the panic's message.
fn internal_error(path: String, payload: Box<dyn std::any::Any + Send>) -> Error {
    Error::Internal {
        path,
        msg: payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect(),
    }
}

/// Where reports go, in input order: standard output as they come (flushed whenever no
/// finished document is waiting), or a buffer written atomically at the end; and what the run
/// adds up to.
struct Writer {
    out: Box<dyn Write + Send>,
    summary: Summary,
    docs: Vec<DocumentReport>,
    worst: Option<Severity>,
    errors: Vec<Error>,
}

impl Writer {
    fn accept(&mut self, done: Result<Done, Error>) -> Result<(), Error> {
        match done {
            Ok(d) => {
                if let Some((analysis, independent)) = &d.stream {
                    let out = &mut self.out;
                    let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        report::json::write_analysis_line(analysis, *independent, &mut **out)
                    }));
                    match written {
                        Ok(r) => r.map_err(|e| Error::io("<stdout>", e))?,
                        Err(payload) => {
                            self.write("\n")?;
                            let path = analysis.doc.path.clone();
                            self.errors.push(internal_error(path, payload));
                            return Ok(());
                        }
                    }
                }
                self.summary.merge(&d.counts);
                self.worst = self.worst.max(d.worst);
                self.write(&d.out)?;
                if let Some(rep) = d.rep {
                    self.docs.push(rep);
                }
            }
            Err(e) => self.errors.push(e),
        }
        Ok(())
    }

    fn write(&mut self, s: &str) -> Result<(), Error> {
        self.out
            .write_all(s.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
    }

    fn flush(&mut self) -> Result<(), Error> {
        self.out.flush().map_err(|e| Error::io("<stdout>", e))
    }
}

/// A `Write` into a shared buffer (for `--output`, written atomically once the run is done).
struct SharedBuf(std::sync::Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Documents in flight per thread: read but not yet written. Bounds memory on a stream of any
/// length, and lets workers run ahead of a slow document.
const WINDOW_PER_THREAD: usize = 8;

/// The jobs of the inputs, in order, taken one at a time: a JSON Lines stream gives a job a line
/// (read here, parsed by the worker that checks it), any other file a job a file (read by its
/// worker). Reading is all the source does, so that one thread reads while the others check.
struct Source {
    inputs: std::vec::IntoIter<Input>,
    input_format: InFormat,
    max_file_size: u64,
    /// The JSON Lines stream being read, with its name as its jobs share it.
    stream: Option<(Arc<str>, Lines)>,
}

/// The lines of a JSON Lines file or of standard input.
type Lines = JsonlLines<BufReader<Box<dyn Read + Send>>>;

impl Source {
    fn new(inputs: Vec<Input>, input_format: InFormat, max_file_size: u64) -> Source {
        Source {
            inputs: inputs.into_iter(),
            input_format,
            max_file_size,
            stream: None,
        }
    }

    fn is_jsonl(&self, name: &str) -> bool {
        self.input_format == InFormat::Jsonl
            || (self.input_format == InFormat::Auto
                && (name.ends_with(".jsonl") || name.ends_with(".ndjson")))
    }

    fn format(&self, name: &str) -> Format {
        match self.input_format {
            InFormat::Text => Format::Text,
            InFormat::Markdown => Format::Markdown,
            InFormat::Html => Format::Html,
            _ => Format::from_path(name).unwrap_or(Format::Text),
        }
    }

    fn open_stream(&mut self, name: &str, reader: Box<dyn Read + Send>) {
        let lines = JsonlLines::new(name, BufReader::with_capacity(1 << 16, reader));
        self.stream = Some((Arc::from(name), lines));
    }

    /// Whether the next job is at hand: taking it will not wait for input (from a pipe).
    fn job_waiting(&self) -> bool {
        match &self.stream {
            Some((_, lines)) => lines.line_waiting(),
            None => !matches!(self.inputs.as_slice().first(), Some(Input::Stdin)),
        }
    }
}

impl Iterator for Source {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((name, lines)) = &mut self.stream {
                match lines.next() {
                    Some(Ok(line)) => {
                        return Some(Job::Line {
                            name: name.clone(),
                            line,
                        });
                    }
                    Some(Err(e)) => return Some(Job::Failed(e)),
                    None => self.stream = None,
                }
                continue;
            }
            match self.inputs.next()? {
                Input::Stdin => {
                    if self.is_jsonl("-") {
                        // a line at a time: the first report comes out before the input ends
                        self.open_stream("-", Box::new(std::io::stdin()));
                        continue;
                    }
                    let mut bytes = Vec::new();
                    if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                        return Some(Job::Failed(Error::io("-", e)));
                    }
                    let format = self.format("-");
                    return Some(Job::Raw {
                        name: "-".to_string(),
                        bytes,
                        format,
                    });
                }
                Input::File(path) => {
                    let name = path.display().to_string();
                    match std::fs::metadata(&path) {
                        Ok(m) if m.len() > self.max_file_size => {
                            eprintln!(
                                "warning: {}: skipped: {} bytes is over --max-file-size {}",
                                sanitize(&name),
                                m.len(),
                                self.max_file_size
                            );
                            continue;
                        }
                        _ => {}
                    }
                    if self.is_jsonl(&name) {
                        match std::fs::File::open(&path) {
                            Ok(f) => self.open_stream(&name, Box::new(f)),
                            Err(e) => return Some(Job::Failed(Error::io(&path, e))),
                        }
                        continue;
                    }
                    let format = self.format(&name);
                    return Some(Job::File { name, path, format });
                }
            }
        }
    }
}

/// Check every job on `threads` threads, writing results in input order as they complete.
///
/// Every thread (this one too) takes the next job from the source, under its lock, checks it,
/// and writes it, and any finished after it, under the writer's lock if it is the next in
/// order. So no thread hands work to another, and none waits but for a moment on a lock, or
/// for input. At most about `window` documents are in flight (taken and not yet written): a
/// thread that is that far ahead of the oldest waits until it is written.
fn run_jobs(
    inputs: Vec<Input>,
    args: &CheckArgs,
    work: &Work<'_>,
    threads: usize,
    writer: &mut Writer,
) -> Result<(), Error> {
    let mut source = Source::new(inputs, args.input_format, args.max_file_size);
    if threads <= 1 {
        // reports go out whenever the next input is not at hand yet
        while let Some(job) = source.next() {
            writer.accept(work.run(job))?;
            if !source.job_waiting() {
                writer.flush()?;
            }
        }
        return writer.flush();
    }
    let window = threads * WINDOW_PER_THREAD;
    struct State<'w> {
        writer: &'w mut Writer,
        /// finished documents waiting for an earlier one, by sequence number
        pending: std::collections::BTreeMap<usize, Result<Done, Error>>,
        /// the sequence number of the next document to write
        next: usize,
        /// threads waiting for room in the window
        waiting: usize,
        failed: Option<Error>,
    }
    let state = Mutex::new(State {
        writer,
        pending: std::collections::BTreeMap::new(),
        next: 0,
        waiting: 0,
        failed: None,
    });
    let room = std::sync::Condvar::new();
    let lock = || state.lock().unwrap_or_else(|p| p.into_inner());
    let source = Mutex::new(source);
    // documents taken from the source (the next one's sequence number; counted under the
    // source's lock), and whether the last one taken had another at hand
    let taken = AtomicUsize::new(0);
    let more_at_hand = AtomicBool::new(true);
    let worker = || {
        loop {
            {
                let mut st = lock();
                while taken.load(Ordering::SeqCst) - st.next >= window && st.failed.is_none() {
                    st.waiting += 1;
                    st = room.wait(st).unwrap_or_else(|p| p.into_inner());
                    st.waiting -= 1;
                }
                // a writer that failed (a closed pipe) stops the run
                if st.failed.is_some() {
                    return;
                }
            }
            let (seq, job) = {
                let mut src = source.lock().unwrap_or_else(|p| p.into_inner());
                let Some(job) = src.next() else { return };
                more_at_hand.store(src.job_waiting(), Ordering::SeqCst);
                (taken.fetch_add(1, Ordering::SeqCst), job)
            };
            let done = work.run(job);
            let mut st = lock();
            st.pending.insert(seq, done);
            let mut wrote = false;
            loop {
                let n = st.next;
                let Some(d) = st.pending.remove(&n) else {
                    break;
                };
                st.next += 1;
                wrote = true;
                if st.failed.is_none()
                    && let Err(e) = st.writer.accept(d)
                {
                    st.failed = Some(e);
                }
            }
            // everything taken is written and the next input is not at hand: the others may
            // be waiting for it, so let what was written go out now
            if wrote
                && taken.load(Ordering::SeqCst) == st.next
                && !more_at_hand.load(Ordering::SeqCst)
                && st.failed.is_none()
                && let Err(e) = st.writer.flush()
            {
                st.failed = Some(e);
            }
            if wrote && st.waiting > 0 {
                room.notify_all();
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(worker);
        }
        worker();
    });
    let st = state.into_inner().unwrap_or_else(|p| p.into_inner());
    match st.failed {
        Some(e) => Err(e),
        None => st.writer.flush(),
    }
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
    run_jobs(inputs, &args, &work, threads, &mut writer)?;

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

/// mimalloc: the pipeline allocates a small string per token and per report field, which the
/// system allocator serves at about twice the cost (and with contention across threads).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
