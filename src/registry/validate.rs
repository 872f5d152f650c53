//! `whosaid registry validate`: every problem of a registry file at once, each with its line.
//!
//! Consumes: registry CSV text. Produces: a list of [`Problem`]s in line order, each an
//! [`Level::Error`] (the registry cannot be loaded: [`super::Registry::from_csv`] would stop
//! at the first of them) or a [`Level::Warning`] (it loads, but will mislead: a name or alias
//! two rows share matches neither, a one-word alias that is a common word matches the word,
//! a `last_verified` date is old).
//!
//! Examples of what it reports:
//!
//! ```text
//! sources.csv:4: error: duplicate id `reuters` (first defined on line 2)
//! sources.csv:6: error: affiliation `acme` of `ana-lima` is not an id in this registry
//! sources.csv:7: warning: alias `Times` is a common word; it would match the word wherever it is capitalised
//! sources.csv:9: warning: last_verified 2019-03-01 is 2104 days old (more than 365)
//! ```

use super::normalize_name;
use super::rows::{RawTable, read_table};
use std::collections::HashMap;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The registry loads, but a row will mislead.
    Warning,
    /// The registry cannot be loaded.
    Error,
}

impl Level {
    /// `error` or `warning`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// One problem of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the file.
    pub line: usize,
    /// Error or warning.
    pub level: Level,
    /// What is wrong and how to fix it.
    pub msg: String,
}

/// Settings of a validation.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Today, as days since 1970-01-01 (the binary passes the clock's date).
    pub today: i64,
    /// A `last_verified` older than this many days is a warning; `None` turns that off.
    pub max_age_days: Option<u32>,
}

/// Words that make a poor one-word alias (data: `rules/registry/common-words.txt`).
const COMMON_WORDS: &str = include_str!("../../rules/registry/common-words.txt");

/// Columns every registry must have.
const REQUIRED: [&str; 3] = ["id", "name", "kind"];
const KINDS: [&str; 6] = [
    "person",
    "organization",
    "organisation",
    "media",
    "government",
    "anonymous",
];
const CREDIBILITIES: [&str; 4] = ["high", "medium", "low", "deprecated"];

/// Every problem of the registry `data` (read from `name`), in line order.
pub fn validate(name: &str, data: &str, opts: &Options) -> Vec<Problem> {
    let data = data.strip_prefix('\u{feff}').unwrap_or(data);
    let mut out = Vec::new();
    let table = match read_table(name, data) {
        Ok(t) => t,
        Err(e) => {
            out.push(loader_problem(&e).unwrap_or(Problem {
                line: 1,
                level: Level::Error,
                msg: e.to_string(),
            }));
            return out;
        }
    };
    check_table(&table, opts, &mut out);
    // The loader is the authority on what loads: the first problem it stops at, when the
    // checks above found none on that line (a quote never closed, say), is reported too.
    if let Err(e) = super::Registry::from_csv(name, data) {
        let p = loader_problem(&e).unwrap_or(Problem {
            line: 1,
            level: Level::Error,
            msg: e.to_string(),
        });
        if !out
            .iter()
            .any(|q| q.level == Level::Error && q.line == p.line)
        {
            out.push(p);
        }
    }
    out.sort_by_key(|p| p.line);
    out
}

fn loader_problem(e: &crate::Error) -> Option<Problem> {
    match e {
        crate::Error::Registry { line, msg, .. } => Some(Problem {
            line: *line,
            level: Level::Error,
            msg: msg.clone(),
        }),
        _ => None,
    }
}

/// A row as far as the cross-row checks need it.
struct Row {
    line: usize,
    id: String,
    affiliation: Vec<String>,
}

fn check_table(table: &RawTable, opts: &Options, out: &mut Vec<Problem>) {
    let mut err = |line: usize, msg: String| {
        out.push(Problem {
            line,
            level: Level::Error,
            msg,
        })
    };
    let Some(header) = &table.header else {
        err(
            1,
            format!(
                "no header row; a registry needs at least the columns {}",
                REQUIRED.join(", ")
            ),
        );
        return;
    };
    let names: Vec<String> = header.fields.iter().map(|h| h.to_lowercase()).collect();
    for (i, n) in names.iter().enumerate() {
        if !n.is_empty() && names[..i].contains(n) {
            err(header.line, format!("duplicate column `{n}` in the header"));
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| table.column(c).is_none())
        .collect();
    if !missing.is_empty() {
        err(
            header.line,
            format!(
                "missing required column{} `{}` (found: {})",
                if missing.len() > 1 { "s" } else { "" },
                missing.join("`, `"),
                names.join(", ")
            ),
        );
        return;
    }
    let col = |c: &str| table.column(c);
    let (c_id, c_name, c_kind) = (col("id"), col("name"), col("kind"));
    let (c_aliases, c_affiliation) = (col("aliases"), col("affiliation"));
    let (c_cred, c_verified) = (col("credibility"), col("last_verified"));
    let width = header.fields.len();

    let mut rows: Vec<Row> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    // normalized name or alias -> (line, id, written form, is alias), first row only
    let mut forms: HashMap<String, (usize, String)> = HashMap::new();
    let mut warnings: Vec<Problem> = Vec::new();
    let mut warn = |line: usize, msg: String| {
        warnings.push(Problem {
            line,
            level: Level::Warning,
            msg,
        })
    };
    for r in table.rows.iter().filter(|r| !r.is_blank()) {
        let line = r.line;
        if r.fields.len() != width {
            err(
                line,
                format!(
                    "row has {} fields but the header has {width} (a missing or extra comma, or a comma in a field that is not quoted?)",
                    r.fields.len()
                ),
            );
            continue;
        }
        let id = r.get(c_id);
        let name = r.get(c_name);
        let kind = r.get(c_kind);
        for (value, column) in [(id, "id"), (name, "name"), (kind, "kind")] {
            if value.is_empty() {
                err(
                    line,
                    format!("missing value for required column `{column}`"),
                );
            }
        }
        if id.contains('|') {
            err(
                line,
                format!("id `{id}` contains `|`, which separates ids in the affiliation column"),
            );
        }
        if !name.is_empty() && normalize_name(name).is_empty() {
            err(line, format!("name `{name}` has no letters or digits"));
        }
        if !kind.is_empty() && !KINDS.contains(&kind.to_lowercase().as_str()) {
            err(
                line,
                format!(
                    "unknown kind `{kind}`; expected one of: person, organization (or organisation), media, government, anonymous"
                ),
            );
        }
        let cred = r.get(c_cred);
        if !cred.is_empty() && !CREDIBILITIES.contains(&cred.to_lowercase().as_str()) {
            err(
                line,
                format!(
                    "unknown credibility `{cred}`; expected one of: high, medium, low, deprecated, or empty for unrated"
                ),
            );
        }
        let verified = r.get(c_verified);
        if !verified.is_empty() {
            match days_from_date(verified) {
                None => err(
                    line,
                    format!(
                        "bad last_verified date `{verified}`; expected a real date as YYYY-MM-DD"
                    ),
                ),
                Some(day) if day > opts.today => {
                    warn(line, format!("last_verified {verified} is in the future"))
                }
                Some(day) => {
                    if let Some(max) = opts.max_age_days
                        && opts.today - day > i64::from(max)
                    {
                        warn(
                            line,
                            format!(
                                "last_verified {verified} is {} days old (more than {max}); check the row again and update the date",
                                opts.today - day
                            ),
                        );
                    }
                }
            }
        }
        if id.is_empty() {
            continue;
        }
        if let Some(first) = first_line.get(id) {
            err(
                line,
                format!("duplicate id `{id}` (first defined on line {first})"),
            );
            continue;
        }
        first_line.insert(id.to_string(), line);

        // names and aliases two rows share
        let name_form = normalize_name(name);
        let aliases: Vec<&str> = r
            .get(c_aliases)
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect();
        let mut own: Vec<String> = Vec::new();
        for (written, is_alias) in
            std::iter::once((name, false)).chain(aliases.iter().map(|a| (*a, true)))
        {
            let form = normalize_name(written);
            if form.is_empty() || own.contains(&form) {
                continue;
            }
            own.push(form.clone());
            let what = if is_alias { "alias" } else { "name" };
            match forms.get(&form) {
                Some((other_line, other_id)) => warn(
                    line,
                    format!(
                        "{what} `{written}` is also a name or alias of `{other_id}` (line {other_line}); a source so named will match neither row"
                    ),
                ),
                None => {
                    forms.insert(form.clone(), (line, id.to_string()));
                }
            }
            if is_alias && form != name_form && !form.contains(' ') && is_common_word(&form) {
                warn(
                    line,
                    format!(
                        "alias `{written}` is a common word; it would match the word wherever it is capitalised (use a longer alias)"
                    ),
                );
            }
        }
        rows.push(Row {
            line,
            id: id.to_string(),
            affiliation: r
                .get(c_affiliation)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
        });
    }
    check_affiliations(&rows, &mut err);
    out.extend(warnings);
}

fn is_common_word(form: &str) -> bool {
    COMMON_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|w| w.trim() == form)
}

/// Affiliations to missing ids, to the row itself, and every cycle (once, from its earliest row).
fn check_affiliations(rows: &[Row], err: &mut impl FnMut(usize, String)) {
    let index: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (i, r) in rows.iter().enumerate() {
        for a in &r.affiliation {
            if *a == r.id {
                err(r.line, format!("`{}` is affiliated to itself", r.id));
            } else if let Some(&j) = index.get(a.as_str()) {
                edges[i].push(j);
            } else {
                err(
                    r.line,
                    format!(
                        "affiliation `{a}` of `{}` is not an id in this registry",
                        r.id
                    ),
                );
            }
        }
    }
    // each cycle once, whichever row the search entered it by
    let mut seen: Vec<Vec<usize>> = Vec::new();
    super::load::cycles(&edges, |mut cycle| {
        let first = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
        cycle.rotate_left(first);
        if !seen.contains(&cycle) {
            let ids: Vec<&str> = cycle
                .iter()
                .chain(cycle.first())
                .map(|&i| rows[i].id.as_str())
                .collect();
            err(
                rows[cycle[0]].line,
                format!("affiliation cycle: {}", ids.join(" -> ")),
            );
            seen.push(cycle);
        }
        std::ops::ControlFlow::Continue(())
    });
}

/// Days since 1970-01-01 of a real calendar date written `YYYY-MM-DD`, `None` otherwise.
pub fn days_from_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| {
        s.get(from..to)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<i64>().ok())
    };
    let (y, m, d) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if y < 1 || !(1..=days).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-01-01";

    fn run(data: &str) -> Vec<(usize, Level, String)> {
        let opts = Options {
            today: days_from_date(TODAY).unwrap(),
            max_age_days: Some(365),
        };
        validate("r.csv", data, &opts)
            .into_iter()
            .map(|p| (p.line, p.level, p.msg))
            .collect()
    }

    #[test]
    fn dates_count_days_since_1970() {
        assert_eq!(days_from_date("1970-01-01"), Some(0));
        assert_eq!(days_from_date("2000-03-01"), Some(11_017));
        assert_eq!(
            days_from_date("2024-02-29").unwrap() - days_from_date("2024-02-28").unwrap(),
            1
        );
        assert_eq!(days_from_date("2023-02-29"), None);
        assert_eq!(days_from_date("2023-13-01"), None);
        assert_eq!(days_from_date("23-01-01"), None);
    }

    #[test]
    fn a_clean_registry_has_no_problems() {
        let data = "id,name,aliases,kind,affiliation,credibility,last_verified\n\
                    acme,Acme Corp,Acme,organization,,medium,2025-12-01\n\
                    ana,Ana Lima,A. Lima,person,acme,high,\n";
        assert_eq!(run(data), vec![]);
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let data = "id,name,aliases,kind,affiliation,credibility,last_verified\n\
                    a,Ann Lee,,person,,high,\n\
                    a,Ann Lee Two,,person,,high,\n\
                    b,Bo,,newspaper,zz,superb,2020-02-30\n\
                    c,Cy,,person,d,,\n\
                    d,Di,,person,c,,\n\
                    e,Ed,,person,\n";
        let got = run(data);
        let lines: Vec<(usize, Level)> = got.iter().map(|(l, v, _)| (*l, *v)).collect();
        assert_eq!(
            lines,
            [
                (3, Level::Error),
                (4, Level::Error),
                (4, Level::Error),
                (4, Level::Error),
                (4, Level::Error),
                (5, Level::Error),
                (7, Level::Error),
            ],
            "{got:#?}"
        );
        let all: String = got
            .iter()
            .map(|(_, _, m)| m.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        for want in [
            "duplicate id `a` (first defined on line 2)",
            "unknown kind `newspaper`",
            "unknown credibility `superb`",
            "bad last_verified date `2020-02-30`",
            "affiliation `zz` of `b` is not an id",
            "affiliation cycle: c -> d -> c",
            "row has 5 fields but the header has 7",
        ] {
            assert!(all.contains(want), "missing {want:?} in\n{all}");
        }
    }

    #[test]
    fn shared_aliases_common_words_and_old_dates_are_warnings() {
        let data = "id,name,aliases,kind,last_verified\n\
                    nyt,The New York Times,Times|NYT,media,2020-01-01\n\
                    lat,Los Angeles Times,LA Times|NYT,media,2025-06-01\n\
                    x,Xu Li,,person,2027-01-01\n";
        let got = run(data);
        assert!(got.iter().all(|(_, l, _)| *l == Level::Warning), "{got:#?}");
        let msgs: Vec<(usize, &str)> = got.iter().map(|(l, _, m)| (*l, m.as_str())).collect();
        assert!(
            msgs.iter()
                .any(|(l, m)| *l == 2 && m.starts_with("alias `Times` is a common word")),
            "{msgs:#?}"
        );
        assert!(msgs.iter().any(|(l, m)| *l == 2 && m.starts_with("last_verified 2020-01-01 is 2192 days old")), "{msgs:#?}");
        assert!(
            msgs.iter().any(|(l, m)| *l == 3
                && m.contains("alias `NYT` is also a name or alias of `nyt` (line 2)")),
            "{msgs:#?}"
        );
        assert!(
            msgs.iter()
                .any(|(l, m)| *l == 4 && m.contains("in the future")),
            "{msgs:#?}"
        );
        assert_eq!(got.len(), 4, "{msgs:#?}");
    }

    #[test]
    fn a_missing_required_column_stops_the_row_checks() {
        let got = run("id,kind\na,person\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 1);
        assert!(
            got[0].2.contains("missing required column `name`"),
            "{got:?}"
        );
    }

    #[test]
    fn what_the_loader_rejects_is_an_error_too() {
        let got = run("id,name,kind\na,\"Ann,person\n");
        assert!(
            got.iter()
                .any(|(l, v, m)| *l == 2 && *v == Level::Error && m.contains("quote")),
            "{got:?}"
        );
    }

    #[test]
    fn hostile_input_gives_problems_not_panics() {
        for data in [
            "",
            "\u{feff}",
            "\"",
            "id,name,kind\n\"\"\"\n",
            "id,name,kind\n,,\n,,,,,,\n",
            "id,id,name,kind\na,b,c,person\n",
            "id,name,kind,affiliation\na,A,person,a|b|a\nb,B,person,a\n",
            "id,name,kind,last_verified\na,A,person,9999-12-31\nb,B,person,0000-01-01\n",
            "id,name,kind,aliases\na,\u{202e}A,person,|||\n",
        ] {
            let got = run(data);
            if data.trim_start_matches('\u{feff}').is_empty() {
                assert_eq!(got.len(), 1, "{data:?}: {got:?}");
            }
            for (line, _, msg) in &got {
                assert!(*line >= 1 && !msg.is_empty(), "{data:?}: {got:?}");
            }
        }
        // a self-affiliation and a two-row cycle, each reported once
        let got = run("id,name,kind,affiliation\na,A,person,a|b\nb,B,person,a\n");
        let msgs: Vec<&str> = got.iter().map(|(_, _, m)| m.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "`a` is affiliated to itself",
                "affiliation cycle: a -> b -> a"
            ]
        );
    }

    #[test]
    fn common_word_list_is_sorted_lower_case_without_duplicates() {
        let words: Vec<&str> = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        for w in windows(&words) {
            assert!(w.0 < w.1, "{} then {}", w.0, w.1);
        }
        assert!(
            words
                .iter()
                .all(|w| *w == w.to_lowercase() && !w.is_empty())
        );
    }

    fn windows<'a>(v: &'a [&'a str]) -> impl Iterator<Item = (&'a str, &'a str)> {
        v.windows(2).map(|w| (w[0], w[1]))
    }
}
