//! The scheduler of `whosaid check`: collects the input files, reads them (a JSON Lines stream
//! a line at a time), checks the documents on worker threads and writes their reports in input
//! order through a [`Writer`]. The command line (`cli.rs`) sets it up and reads its outcome.

use crate::cli::{InFormat, OutFormat};
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use whosaid::input::{self, Format, JsonlLines, Line, SourceDoc};
use whosaid::model::Severity;
use whosaid::report::text::{TextOptions, sanitize};
use whosaid::report::{self, DocumentReport, Summary};
use whosaid::{Analysis, Checker, Error};

pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

/// The inputs named on the command line, in order: files as given (whatever their name; those
/// that match the config's `exclude` dropped with `force_exclude`), and
/// the files of directories (walked in name order, respecting `.gitignore`) that `config`
/// takes: article extensions, not README/CHANGELOG/LICENSE/CONTRIBUTING, `include`/`exclude`.
pub(crate) fn collect_inputs(
    paths: &[String],
    config: &whosaid::config::Config,
    force_exclude: bool,
    errors: &mut Vec<Error>,
) -> Vec<Input> {
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
                            if e.file_type().is_some_and(|t| t.is_file()) && config.walk_takes(ep) {
                                found.push(ep.to_path_buf());
                            }
                        }
                        Err(e) => errors.push(Error::Usage(format!("{}: {e}", path.display()))),
                    }
                }
                out.extend(found.into_iter().map(Input::File));
            }
            Ok(_) if force_exclude && config.excluded(&path) => {}
            Ok(_) => out.push(Input::File(path)),
        }
    }
    out
}

/// One document to check, in input order: parsed already (a JSON Lines record), still raw (a
/// file, parsed by the worker that checks it), or an input error to report in its place.
pub(crate) enum Job {
    /// A line of a JSON Lines stream.
    Line {
        name: Arc<str>,
        line: Line,
    },
    /// A file, read and parsed by its worker (at most `max` bytes of it: a FIFO has no size
    /// to check before).
    File {
        name: String,
        path: PathBuf,
        format: Format,
        max: u64,
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
/// `--format json` and `html`), and its rendering (empty for `--format json`); or, for a JSON line
/// too long to hold ([`STREAM_MIN`]), the analysis, written by the writer as the line is made.
#[derive(Default)]
pub(crate) struct Done {
    counts: Summary,
    worst: Option<Severity>,
    rep: Option<DocumentReport>,
    /// (bytes: a JSON line is made as bytes, and is not checked again to be UTF-8)
    out: Vec<u8>,
    stream: Option<(Analysis, usize)>,
    /// What the policy (kinds, suppressions, baseline, changed lines) removed and recorded.
    applied: whosaid::policy::Applied,
}

/// JSON lines from about this size on are written out as they are made, not held whole (a 20 MB
/// document makes a line of 200 to 300 MB). A panic while one is written leaves it cut short
/// (then ended with a newline); the input gets an error, as for a panic while checking it.
pub(crate) const STREAM_MIN: usize = 8 << 20;

/// How documents are checked and rendered, shared by every worker.
pub(crate) struct Work<'a> {
    pub(crate) checker: &'a Checker,
    pub(crate) format: OutFormat,
    pub(crate) topts: TextOptions,
    pub(crate) policy: &'a whosaid::policy::Policy,
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
            Job::File {
                name,
                path,
                format,
                max,
            } => {
                let bytes = read_file(&path, max)?;
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
        // others are checked, and the run exits 2. The panic hook keeps quiet meanwhile
        // ([`guarded`]): the error says it all.
        let path = doc.path.clone();
        let _quiet = Guard::new();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            test_panic(&path);
            let checker = self.checker;
            let mut analysis = checker.check(doc);
            let mut applied = self.policy.apply(&mut analysis);
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
                        out: Vec::new(),
                        stream: Some((analysis, independent)),
                        applied,
                    };
                }
                // straight from the analysis: no report in between
                OutFormat::Jsonl => (
                    None,
                    report::json::render_analysis_bytes(&analysis, independent),
                ),
                OutFormat::Text => {
                    let rep = report::build(&analysis, independent);
                    let out = report::text::render_document(&rep, &analysis.doc.raw, self.topts);
                    (None, out.into_bytes())
                }
                OutFormat::Html => {
                    let rep = report::build(&analysis, independent);
                    let registry = checker.registry.as_ref();
                    let out = report::html::render_document(&rep, &analysis.doc.raw, registry);
                    (Some(rep), out.into_bytes())
                }
                // rendered from the whole run's reports at its end
                _ => (Some(report::build(&analysis, independent)), Vec::new()),
            };
            Done {
                counts,
                worst,
                rep,
                out,
                stream: None,
                applied: std::mem::take(&mut applied),
            }
        }))
        .map_err(|payload| internal_error(path, payload))
    }
}

/// For the test of the internal-error guard only (debug builds): panic while checking the input
/// whose name ends with `WHOSAID_TEST_PANIC`, as a bug would. Release builds have no such panic.
fn test_panic(path: &str) {
    #[cfg(debug_assertions)]
    if let Ok(name) = std::env::var("WHOSAID_TEST_PANIC")
        && !name.is_empty()
        && path.ends_with(&name)
    {
        panic!("WHOSAID_TEST_PANIC on {path}");
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}

thread_local! {
    /// Whether this thread is checking a document under `catch_unwind`.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic on this thread now will be caught and reported as an input's internal error
/// (so the panic hook need not print it).
pub(crate) fn guarded() -> bool {
    GUARDED.with(|g| g.get())
}

/// [`guarded`] is true while this lives.
struct Guard(bool);

impl Guard {
    fn new() -> Guard {
        Guard(GUARDED.with(|g| g.replace(true)))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        GUARDED.with(|g| g.set(self.0));
    }
}

/// The bytes of the file at `path`, at most `max` of them: a FIFO given as a path has no size to
/// check first, so a longer one is an error, not read on. Memory for a regular file is reserved
/// with `try_reserve` from its size (a failure is an error naming the file, not an abort).
fn read_file(path: &std::path::Path, max: u64) -> Result<Vec<u8>, Error> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let hint = f.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::new();
    if bytes
        .try_reserve_exact(usize::try_from(hint.min(max)).unwrap_or(usize::MAX))
        .is_err()
    {
        return Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::OutOfMemory,
                format!("{hint} bytes do not fit in memory; lower --max-file-size"),
            ),
        ));
    }
    f.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(Error::io(
            path,
            std::io::Error::other(format!(
                "more than --max-file-size {max} bytes (a pipe or a file still growing); not read on"
            )),
        ));
    }
    Ok(bytes)
}

/// The error of an input whose check panicked: the first line of the panic's message.
pub(crate) fn internal_error(path: String, payload: Box<dyn std::any::Any + Send>) -> Error {
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
pub(crate) struct Writer {
    pub(crate) out: Box<dyn Write + Send>,
    pub(crate) summary: Summary,
    pub(crate) docs: Vec<DocumentReport>,
    pub(crate) worst: Option<Severity>,
    pub(crate) errors: Vec<Error>,
    /// Findings the baseline matched, over the run.
    pub(crate) in_baseline: usize,
    /// The baseline entries of what was reported (for `--write-baseline`).
    pub(crate) entries: Vec<whosaid::baseline::Entry>,
    /// Documents done (checked or failed), for the progress bar.
    pub(crate) progress: Option<indicatif::ProgressBar>,
}

impl Writer {
    pub(crate) fn accept(&mut self, done: Result<Done, Error>) -> Result<(), Error> {
        match done {
            Ok(d) => {
                if let Some((analysis, independent)) = &d.stream {
                    let out = &mut self.out;
                    let _quiet = Guard::new();
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
                self.in_baseline += d.applied.in_baseline;
                self.entries.extend(d.applied.entries);
                self.worst = self.worst.max(d.worst);
                self.write_bytes(&d.out)?;
                if let Some(rep) = d.rep {
                    self.docs.push(rep);
                }
            }
            Err(e) => self.errors.push(e),
        }
        if let Some(p) = &self.progress {
            p.inc(1);
        }
        Ok(())
    }

    pub(crate) fn write(&mut self, s: &str) -> Result<(), Error> {
        self.write_bytes(s.as_bytes())
    }

    pub(crate) fn write_bytes(&mut self, b: &[u8]) -> Result<(), Error> {
        self.out.write_all(b).map_err(|e| Error::io("<stdout>", e))
    }

    pub(crate) fn flush(&mut self) -> Result<(), Error> {
        self.out.flush().map_err(|e| Error::io("<stdout>", e))
    }
}

/// A `Write` into a shared buffer (for `--output`, written atomically once the run is done).
pub(crate) struct SharedBuf(pub(crate) Arc<Mutex<Vec<u8>>>);

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
pub(crate) const WINDOW_PER_THREAD: usize = 8;

/// The jobs of the inputs, in order, taken one at a time: a JSON Lines stream gives a job a line
/// (read here, parsed by the worker that checks it), any other file a job a file (read by its
/// worker). Reading is all the source does, so that one thread reads while the others check.
pub(crate) struct Source {
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
        // a stream may be of any length; each record is held whole, so each is limited
        let lines = JsonlLines::new(name, BufReader::with_capacity(1 << 16, reader))
            .with_max_line(self.max_file_size);
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
                    let jsonl = self.is_jsonl(&name);
                    match std::fs::metadata(&path) {
                        Ok(m) if is_device(&m) => {
                            return Some(Job::Failed(Error::io(
                                &path,
                                std::io::Error::new(
                                    std::io::ErrorKind::InvalidInput,
                                    "a device or socket, not a file; not read",
                                ),
                            )));
                        }
                        // a JSON Lines file is streamed: the limit applies to each record
                        Ok(m) if m.len() > self.max_file_size && !jsonl => {
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
                    if jsonl {
                        match std::fs::File::open(&path) {
                            Ok(f) => self.open_stream(&name, Box::new(f)),
                            Err(e) => return Some(Job::Failed(Error::io(&path, e))),
                        }
                        continue;
                    }
                    let format = self.format(&name);
                    return Some(Job::File {
                        name,
                        path,
                        format,
                        max: self.max_file_size,
                    });
                }
            }
        }
    }
}

/// Whether `m` is a character or block device or a socket: given as a path, `/dev/zero` would
/// be read without end (a FIFO is read, up to --max-file-size: `<(command)` is a legitimate use).
fn is_device(m: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        t.is_char_device() || t.is_block_device() || t.is_socket()
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        false
    }
}

/// Check every job on `threads` threads, writing results in input order as they complete.
///
/// Every thread (this one too) takes the next job from the source, under its lock, checks it,
/// and writes it, and any finished after it, under the writer's lock if it is the next in
/// order. So no thread hands work to another, and none waits but for a moment on a lock, or
/// for input. At most about `window` documents are in flight (taken and not yet written): a
/// thread that is that far ahead of the oldest waits until it is written.
pub(crate) fn run_jobs(
    inputs: Vec<Input>,
    input_format: InFormat,
    max_file_size: u64,
    work: &Work<'_>,
    threads: usize,
    writer: &mut Writer,
) -> Result<(), Error> {
    let mut source = Source::new(inputs, input_format, max_file_size);
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
        for n in 1..threads {
            if let Err(e) = std::thread::Builder::new().spawn_scoped(scope, worker) {
                // (under a memory or process limit) an error, not a panic: the threads started
                // stop at their next job, and the run exits 2
                let mut st = lock();
                st.failed = Some(Error::Usage(format!(
                    "could not start worker thread {} of {threads} ({e}); try a lower --threads",
                    n + 1
                )));
                room.notify_all();
                return;
            }
        }
        worker();
    });
    let st = state.into_inner().unwrap_or_else(|p| p.into_inner());
    match st.failed {
        Some(e) => Err(e),
        None => st.writer.flush(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_while_a_guard_lives_and_as_before_after() {
        assert!(!guarded());
        {
            let _g = Guard::new();
            assert!(guarded());
            {
                let _inner = Guard::new();
                assert!(guarded());
            }
            assert!(guarded(), "an inner guard put back what it found");
        }
        assert!(!guarded());
        // a panic caught under a guard leaves the flag as it was
        let r = std::panic::catch_unwind(|| {
            let _g = Guard::new();
            panic!("boom");
        });
        assert!(r.is_err());
        assert!(!guarded());
    }
}
