//! `whosaid registry ...`: the commands that keep a registry (validate, suggest, import-ratings).
//! The work is in the library (`whosaid::registry::{validate, suggest, ratings}`); this module
//! reads the files, prints, writes atomically and picks the exit code.

use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use whosaid::Error;
use whosaid::registry::validate::{self, Level};
use whosaid::report::text::sanitize;

#[derive(clap::Args)]
pub(crate) struct RegistryArgs {
    #[command(subcommand)]
    cmd: RegistryCmd,
}

#[derive(Subcommand)]
enum RegistryCmd {
    /// Check a registry file: every problem at once, each with its line.
    Validate(ValidateArgs),
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

pub(crate) fn run(args: RegistryArgs) -> Result<u8, Error> {
    match args.cmd {
        RegistryCmd::Validate(a) => validate_cmd(a),
    }
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
