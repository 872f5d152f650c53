//! `whosaid report`: the collection view over many articles, or over the JSON Lines reports
//! `whosaid check --format jsonl` wrote (`--from-reports`). The figures and the renderers are
//! the library's (`whosaid::collection`); this module reads, picks the format and writes.

use crate::gather::{CheckingArgs, check_articles, read_dates};
use crate::registry_cmd::print;
use crate::write::write_atomic;
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::BufReader;
use std::path::PathBuf;
use whosaid::collection::{self, Doc, Summarizer};
use whosaid::{Error, Registry};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReportFormat {
    Html,
    Markdown,
    Csv,
    Json,
}

#[derive(clap::Args)]
pub(crate) struct ReportArgs {
    /// Articles (files, directories, - for standard input), or with --from-reports the JSON
    /// Lines report files.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Read JSON Lines reports written by `whosaid check --format jsonl` instead of articles.
    #[arg(long)]
    from_reports: bool,
    /// With --from-reports: date the reports that carry no `date` (written by a whosaid before
    /// reports carried dates) from these article files (JSON Lines records' `id` and `date`, or
    /// a Markdown file's front matter), matched by the report's path.
    #[arg(long, value_name = "FILE")]
    dates: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "markdown")]
    format: ReportFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Title of the HTML page.
    #[arg(long, default_value = "Sourcing across the collection")]
    title: String,
    #[command(flatten)]
    checking: CheckingArgs,
}

/// Every report of `paths`, in order (`-` is standard input).
/// Every report of `paths` (`-` is standard input), in order, dated from `dates`, into `summary`.
fn read_report_files(
    paths: &[String],
    dates: &HashMap<String, String>,
    summary: &mut Summarizer,
) -> Result<(), Error> {
    let mut add = |mut d: Doc| {
        if d.date.is_none() {
            d.date = dates.get(&d.path).cloned();
        }
        summary.add(&d);
    };
    for p in paths {
        if p == "-" {
            collection::for_each_report("-", std::io::stdin().lock(), &mut add)?;
            continue;
        }
        let f = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
        collection::for_each_report(p, BufReader::new(f), &mut add)?;
    }
    Ok(())
}

pub(crate) fn run(a: ReportArgs) -> Result<u8, Error> {
    let summary = if a.from_reports {
        if a.checking.registry.is_some() || a.checking.rules.is_some() {
            return Err(Error::Usage(
                "--from-reports reads finished reports, which carry their registry matches already; drop --registry and --rules, or summarise the articles themselves to check them again".into(),
            ));
        }
        let mut dates = HashMap::new();
        for f in &a.dates {
            std::fs::metadata(f).map_err(|e| Error::io(f, e))?;
            read_dates(f, &mut dates)?;
        }
        let mut summary = Summarizer::default();
        read_report_files(&a.paths, &dates, &mut summary)?;
        summary.finish()
    } else {
        if !a.dates.is_empty() {
            return Err(Error::Usage(
                "--dates is for --from-reports; articles are dated from their own JSON Lines date fields and front matter".into(),
            ));
        }
        // as `check` would: the command line wins over whosaid.toml
        let how = a.checking.checking(Registry::load)?;
        check_articles(&a.paths, how, Summarizer::default())?.finish()
    };
    let out = match a.format {
        ReportFormat::Html => collection::html::render(&summary, &a.title),
        ReportFormat::Markdown => collection::markdown::render(&summary),
        ReportFormat::Csv => collection::csv::render(&summary),
        ReportFormat::Json => collection::json::render(&summary),
    };
    match &a.output {
        Some(p) => write_atomic(p, out.as_bytes())?,
        None => print(&out)?,
    }
    Ok(0)
}
