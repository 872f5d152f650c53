//! `whosaid registry ...`: the commands that keep a registry (validate, suggest, import-ratings).
//! The work is in the library (`whosaid::registry::{validate, suggest, ratings}`); this module
//! reads the files, prints, writes atomically and picks the exit code.

use crate::gather::{CheckingArgs, check_articles};
use crate::write::write_atomic;
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use whosaid::collection::suggest;
use whosaid::registry::ratings::{self, Action, Cuts, Ratings};
use whosaid::registry::rows;
use whosaid::registry::validate::{self, Level};
use whosaid::report::text::sanitize;
use whosaid::{Error, Registry};

#[derive(clap::Args)]
pub(crate) struct RegistryArgs {
    #[command(subcommand)]
    cmd: RegistryCmd,
}

#[derive(Subcommand)]
enum RegistryCmd {
    /// Check a registry file: every problem at once, each with its line.
    Validate(ValidateArgs),
    /// Named sources in articles that the registry lacks, as CSV rows ready to paste; names
    /// close to a row are listed apart (on standard error), never merged.
    Suggest(SuggestArgs),
    /// Set the credibility of media rows from a table of outlet ratings keyed by web domain,
    /// into a new registry file; rows the newsroom rated itself are never changed.
    ImportRatings(ImportArgs),
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The ratings CSV (a header row; a domain column and a 0-1 score column).
    ratings: PathBuf,
    /// The column of the ratings that holds the web domain.
    #[arg(long, value_name = "C")]
    domain_column: String,
    /// The column of the ratings that holds the score, from 0 to 1.
    #[arg(long, value_name = "S")]
    score_column: String,
    /// The registry CSV to import into (it is not changed).
    #[arg(long)]
    registry: PathBuf,
    /// The new registry file to write (atomically).
    #[arg(long, short)]
    output: PathBuf,
    /// The lowest scores of the tiers high, medium and low; below the last: deprecated.
    #[arg(long, value_name = "HIGH,MEDIUM,LOW", default_value = "0.75,0.5,0.25")]
    cuts: String,
    /// What the rating_source column says for the tiers set (default: the ratings file's name).
    #[arg(long, value_name = "NAME")]
    label: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
}

#[derive(clap::Args)]
struct ValidateArgs {
    /// The registry CSV.
    file: PathBuf,
    /// Warn about a `last_verified` date older than this many days (0 turns the warning off).
    #[arg(long, value_name = "DAYS", default_value_t = 365)]
    max_age: u32,
    /// The date to count ages from, YYYY-MM-DD (default: today, by the system clock).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Exit with 1 when there are warnings (errors always exit 2).
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
}

#[derive(clap::Args)]
struct SuggestArgs {
    /// Articles (files, directories, - for standard input).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Write the rows to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    checking: CheckingArgs,
}

pub(crate) fn run(args: RegistryArgs) -> Result<u8, Error> {
    match args.cmd {
        RegistryCmd::Validate(a) => validate_cmd(a),
        RegistryCmd::Suggest(a) => suggest_cmd(a),
        RegistryCmd::ImportRatings(a) => import_cmd(a),
    }
}

/// The registry at `path` and its header's columns.
fn load_with_header(path: &Path) -> Result<(Registry, Vec<String>), Error> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let registry = Registry::from_csv(&name, &text)?;
    let data = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let header = rows::read_table(&name, data)?
        .header
        .map(|h| h.fields)
        .unwrap_or_default();
    Ok((registry, header))
}

fn suggest_cmd(a: SuggestArgs) -> Result<u8, Error> {
    // the registry's own columns, or the required ones without a registry
    let mut header = ["id", "name", "aliases", "kind"].map(String::from).to_vec();
    let how = a.checking.checking(|p| {
        let (r, h) = load_with_header(p)?;
        header = h;
        Ok(r)
    })?;
    let sink = suggest::Suggester::new(how.registry.clone().unwrap_or_default());
    let s = check_articles(&a.paths, how, sink)?.finish();
    let csv = suggest::rows_csv(&header, &s.rows);
    match &a.output {
        Some(p) => write_atomic(p, csv.as_bytes())?,
        None => print(&csv)?,
    }
    for n in &s.near {
        eprintln!(
            "{}",
            sanitize(&format!(
                "near match: {} ({} mention{}, first at {}:{}) is close to `{}` ({}): the same source? add an alias; a different one? add a row",
                n.name,
                n.mentions,
                if n.mentions == 1 { "" } else { "s" },
                n.first.0,
                n.first.1,
                n.row_id,
                n.row_name
            ))
        );
    }
    eprintln!(
        "{} new row{} suggested, {} near match{} to review",
        s.rows.len(),
        if s.rows.len() == 1 { "" } else { "s" },
        s.near.len(),
        if s.near.len() == 1 { "" } else { "es" }
    );
    Ok(0)
}

/// Today as days since 1970-01-01, or the day `--today` names.
fn today(arg: Option<&str>) -> Result<i64, Error> {
    match arg {
        Some(s) => validate::days_from_date(s)
            .ok_or_else(|| Error::Usage(format!("--today {s:?} is not a date written YYYY-MM-DD"))),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            Ok(i64::try_from(secs / 86_400).unwrap_or(0))
        }
    }
}

/// The text of a file as UTF-8 (its name in errors).
pub(crate) fn read_text(path: &Path) -> Result<String, Error> {
    let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    whosaid::input::decode_utf8(&path.display().to_string(), data)
}

pub(crate) fn print(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

fn validate_cmd(a: ValidateArgs) -> Result<u8, Error> {
    let opts = validate::Options {
        today: today(a.today.as_deref())?,
        max_age_days: (a.max_age > 0).then_some(a.max_age),
    };
    let name = a.file.display().to_string();
    let text = read_text(&a.file)?;
    let problems = validate::validate(&name, &text, &opts);
    let mut out = String::new();
    for p in &problems {
        out.push_str(&sanitize(&format!(
            "{name}:{}: {}: {}",
            p.line,
            p.level.as_str(),
            p.msg
        )));
        out.push('\n');
    }
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    let warnings = problems.len() - errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    out.push_str(&sanitize(&format!(
        "{name}: {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )));
    out.push('\n');
    print(&out)?;
    Ok(if errors > 0 {
        2
    } else if warnings > 0 && a.fail_on == FailOn::Warning {
        1
    } else {
        0
    })
}

fn import_cmd(a: ImportArgs) -> Result<u8, Error> {
    let cuts = Cuts::parse(&a.cuts).map_err(|e| Error::Usage(format!("--cuts: {e}")))?;
    let same = |x: &Path, y: &Path| match (x.canonicalize(), y.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => x == y,
    };
    if same(&a.output, &a.registry) || same(&a.output, &a.ratings) {
        return Err(Error::Usage(format!(
            "-o {} names an input; write the new registry to a new file and compare it before replacing the old one",
            a.output.display()
        )));
    }
    let label = a.label.clone().unwrap_or_else(|| {
        a.ratings
            .file_name()
            .map_or("ratings".into(), |n| n.to_string_lossy().to_string())
    });
    let rname = a.ratings.display().to_string();
    let table = Ratings::read(
        &rname,
        &read_text(&a.ratings)?,
        &a.domain_column,
        &a.score_column,
    )?;
    let name = a.registry.display().to_string();
    let outcome = ratings::import(&name, &read_text(&a.registry)?, &table, &cuts, &label)?;
    write_atomic(&a.output, outcome.text.as_bytes())?;
    let mut out = String::new();
    let (mut changed, mut kept) = (0, 0);
    for r in &outcome.rows {
        let line = match &r.action {
            Action::Changed { before, after } => {
                changed += 1;
                let before = if before.is_empty() {
                    "(unrated)"
                } else {
                    before
                };
                format!(
                    "{name}:{}: {}: credibility {before} -> {} ({} {})",
                    r.line,
                    r.id,
                    after.as_str(),
                    r.domain,
                    r.score
                )
            }
            Action::Kept { own, tier } => {
                kept += 1;
                format!(
                    "{name}:{}: {}: kept {own}, rated by the newsroom ({} {} would give {})",
                    r.line,
                    r.id,
                    r.domain,
                    r.score,
                    tier.as_str()
                )
            }
            Action::Unchanged => continue,
        };
        out.push_str(&sanitize(&line));
        out.push('\n');
    }
    out.push_str(&sanitize(&format!(
        "{changed} row{} changed, {kept} kept (rated by the newsroom), {} media row{} without a rating of {} rated domains; wrote {}",
        if changed == 1 { "" } else { "s" },
        outcome.unrated.len(),
        if outcome.unrated.len() == 1 { "" } else { "s" },
        table.len(),
        a.output.display()
    )));
    out.push('\n');
    print(&out)?;
    Ok(0)
}
