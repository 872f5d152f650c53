//! Loading and validating the registry CSV.
//!
//! Consumes: registry CSV text (a header row, columns in any order, names case-insensitive).
//! Produces: a [`Registry`] with its name index built, or the first problem found as
//! [`Error::Registry`] with the 1-based physical line of the file (`path:line: message`).
//!
//! Problems are reported in this order: CSV syntax (an unclosed quote, text after a closing
//! quote), the header (duplicate or missing required columns), then each row in file order (field
//! count, missing values, unknown kind or credibility, bad date, duplicate id), then the
//! affiliations (unknown ids, self-affiliation, cycles).

use super::{Credibility, Entry, EntryKind, Registry, normalize_name};
use crate::error::{Error, Result};
use indexmap::IndexMap;
use std::ops::ControlFlow;
use std::path::Path;

/// Columns every registry must have.
const REQUIRED: [&str; 3] = ["id", "name", "kind"];

const KINDS: &str = "person, organization (or organisation), media, government, anonymous";
const CREDIBILITIES: &str = "high, medium, low, deprecated, or empty for unrated";

/// Where each column the registry interprets sits in a row.
struct Columns {
    id: usize,
    name: usize,
    kind: usize,
    aliases: Option<usize>,
    affiliation: Option<usize>,
    role: Option<usize>,
    credibility: Option<usize>,
    domains: Option<usize>,
    conflicts: Option<usize>,
    notes: Option<usize>,
    last_verified: Option<usize>,
    /// Every other named column: (index, lower-case name).
    extra: Vec<(usize, String)>,
    /// Number of fields in the header.
    width: usize,
}

impl Columns {
    /// Read the header; `Err` carries the message for the header's line.
    fn from_header(header: &csv::StringRecord) -> std::result::Result<Columns, String> {
        let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        // (a set, not a scan of the columns before each: a header may have 100,000 columns)
        let mut seen = std::collections::HashSet::new();
        for n in &names {
            if !n.is_empty() && !seen.insert(n.as_str()) {
                return Err(format!("duplicate column `{}` in the header", shown(n)));
            }
        }
        let find = |col: &str| names.iter().position(|n| n == col);
        let mut required = [0usize; 3];
        for (slot, col) in required.iter_mut().zip(REQUIRED) {
            *slot = find(col).ok_or_else(|| {
                format!(
                    "missing required column `{col}` (required: {}; found: {})",
                    REQUIRED.join(", "),
                    shown(&names.join(", "))
                )
            })?;
        }
        const KNOWN: [&str; 11] = [
            "id",
            "name",
            "kind",
            "aliases",
            "affiliation",
            "role",
            "credibility",
            "domains",
            "conflicts",
            "notes",
            "last_verified",
        ];
        let extra = names
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty() && !KNOWN.contains(&n.as_str()))
            .map(|(i, n)| (i, n.clone()))
            .collect();
        Ok(Columns {
            id: required[0],
            name: required[1],
            kind: required[2],
            aliases: find("aliases"),
            affiliation: find("affiliation"),
            role: find("role"),
            credibility: find("credibility"),
            domains: find("domains"),
            conflicts: find("conflicts"),
            notes: find("notes"),
            last_verified: find("last_verified"),
            extra,
            width: names.len(),
        })
    }
}

impl Registry {
    /// Load and validate a registry file.
    pub fn load(path: &Path) -> Result<Registry> {
        let data = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
        let name = path.display().to_string();
        let text = crate::input::decode_utf8(&name, data)?;
        Registry::from_csv(&name, &text)
    }

    /// Parse and validate registry CSV text; `name` is used in errors.
    ///
    /// A leading UTF-8 BOM and CRLF line endings are accepted, fields are trimmed, and rows
    /// whose fields are all empty are skipped. A file with only a header is an empty registry.
    pub fn from_csv(name: &str, data: &str) -> Result<Registry> {
        let fail = |line: usize, msg: String| Error::Registry {
            path: name.to_string(),
            line,
            msg,
        };
        let data = data.strip_prefix('\u{feff}').unwrap_or(data);
        check_quotes(data).map_err(|(line, msg)| fail(line, msg))?;

        let mut records = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(data.as_bytes())
            .into_records();
        // csv's own line count is off after CRLF and blank lines (a record's position is
        // taken before the terminator's `\n` and blank lines are skipped), so lines come
        // from the record's byte offset, moved past any line breaks.
        let lines = line_starts(data);
        let line_at = |pos: &csv::Position| {
            let start = usize::try_from(pos.byte()).unwrap_or(data.len());
            let skipped = data.get(start..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches(['\r', '\n']).len()
            });
            line_of(&lines, start + skipped)
        };
        // The line of the last record read, for csv errors that carry no position.
        let mut last_line = 1;
        let mut next_record = || -> Result<Option<(usize, csv::StringRecord)>> {
            match records.next() {
                None => Ok(None),
                Some(Ok(rec)) => {
                    last_line = rec.position().map_or(last_line, line_at);
                    Ok(Some((last_line, rec)))
                }
                Some(Err(e)) => {
                    let line = e.position().map_or(last_line, line_at);
                    Err(fail(line, format!("malformed CSV: {e}")))
                }
            }
        };

        let Some((header_line, header)) = next_record()? else {
            return Err(fail(
                1,
                format!(
                    "no header row; a registry needs at least the columns {}",
                    REQUIRED.join(", ")
                ),
            ));
        };
        let cols = Columns::from_header(&header).map_err(|msg| fail(header_line, msg))?;

        let mut entries: IndexMap<String, Entry> = IndexMap::new();
        let mut extra = Vec::new();
        while let Some((line, rec)) = next_record()? {
            if rec.iter().all(str::is_empty) {
                continue;
            }
            if rec.len() != cols.width {
                return Err(fail(
                    line,
                    format!(
                        "row has {} fields but the header has {} (a missing or extra comma, or a comma in a field that is not quoted?)",
                        rec.len(),
                        cols.width
                    ),
                ));
            }
            let (entry, row_extra) = parse_row(&cols, &rec, line).map_err(|msg| fail(line, msg))?;
            if let Some(first) = entries.get(&entry.id) {
                return Err(fail(
                    line,
                    format!(
                        "duplicate id `{}` (first defined on line {})",
                        shown(&entry.id),
                        first.line
                    ),
                ));
            }
            entries.insert(entry.id.clone(), entry);
            extra.push(row_extra);
        }

        check_affiliations(&entries).map_err(|(line, msg)| fail(line, msg))?;
        Ok(Registry::build(name.to_string(), entries, extra))
    }
}

/// One data row as an [`Entry`] plus its uninterpreted columns; `Err` is the message for its line.
fn parse_row(
    cols: &Columns,
    rec: &csv::StringRecord,
    line: usize,
) -> std::result::Result<(Entry, Vec<(String, String)>), String> {
    let field = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
    let required = |i: usize, col: &str| match field(Some(i)) {
        "" => Err(format!("missing value for required column `{col}`")),
        v => Ok(v),
    };
    let id = required(cols.id, "id")?;
    if id.contains('|') {
        return Err(format!(
            "id `{}` contains `|`, which separates ids in the affiliation column",
            shown(id)
        ));
    }
    let name = required(cols.name, "name")?;
    if normalize_name(name).is_empty() {
        return Err(format!("name `{}` has no letters or digits", shown(name)));
    }
    let kind = parse_kind(required(cols.kind, "kind")?)?;
    let credibility = parse_credibility(field(cols.credibility))?;
    let last_verified = optional(field(cols.last_verified));
    if let Some(date) = &last_verified
        && !is_date(date)
    {
        return Err(format!(
            "bad last_verified date `{}`; expected a real date as YYYY-MM-DD",
            shown(date)
        ));
    }
    let entry = Entry {
        id: id.to_string(),
        name: name.to_string(),
        aliases: list(field(cols.aliases)),
        kind,
        affiliation: list(field(cols.affiliation)),
        role: optional(field(cols.role)),
        credibility,
        domains: list(field(cols.domains)),
        conflicts: list(field(cols.conflicts)),
        notes: optional(field(cols.notes)),
        last_verified,
        line,
    };
    let extra = cols
        .extra
        .iter()
        .filter_map(|(i, col)| optional(field(Some(*i))).map(|v| (col.clone(), v)))
        .collect();
    Ok((entry, extra))
}

fn parse_kind(s: &str) -> std::result::Result<EntryKind, String> {
    Ok(match s.to_lowercase().as_str() {
        "person" => EntryKind::Person,
        "organization" | "organisation" => EntryKind::Organization,
        "media" => EntryKind::Media,
        "government" => EntryKind::Government,
        "anonymous" => EntryKind::Anonymous,
        _ => {
            return Err(format!(
                "unknown kind `{}`; expected one of: {KINDS}",
                shown(s)
            ));
        }
    })
}

fn parse_credibility(s: &str) -> std::result::Result<Option<Credibility>, String> {
    Ok(Some(match s.to_lowercase().as_str() {
        "" => return Ok(None),
        "high" => Credibility::High,
        "medium" => Credibility::Medium,
        "low" => Credibility::Low,
        "deprecated" => Credibility::Deprecated,
        _ => {
            return Err(format!(
                "unknown credibility `{}`; expected one of: {CREDIBILITIES}",
                shown(s)
            ));
        }
    }))
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// A `|`-separated list, items trimmed, empty items dropped.
fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// True for a real calendar date written YYYY-MM-DD (year 0001 to 9999).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |from: usize, to: usize| {
        s.get(from..to)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
    };
    let (Some(year), Some(month), Some(day)) = (number(0, 4), number(5, 7), number(8, 10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}

/// Find CSV quoting mistakes the csv crate would silently accept: a quoted field that is never
/// closed (it would swallow the rest of the file), and text after a closing quote (usually an
/// undoubled quote inside a quoted field). Mirrors the csv crate: a quote opens a quoted field
/// only as the field's first character. `Err` is (1-based line, message).
fn check_quotes(data: &str) -> std::result::Result<(), (usize, String)> {
    let mut line = 1;
    let mut field_start = true;
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if field_start => {
                let open = line;
                loop {
                    match chars.next() {
                        None => {
                            return Err((
                                open,
                                format!(
                                    "unbalanced quote: the quoted field that starts on line {open} is never closed"
                                ),
                            ));
                        }
                        Some('\n') => line += 1,
                        Some('\r') if chars.peek() != Some(&'\n') => line += 1,
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                        }
                        Some('"') => break,
                        Some(_) => {}
                    }
                }
                while let Some(&next) = chars.peek() {
                    match next {
                        ' ' | '\t' => {
                            chars.next();
                        }
                        ',' | '\r' | '\n' => break,
                        other => {
                            return Err((
                                line,
                                format!(
                                    "malformed CSV: `{other}` after a closing quote; inside a quoted field write a quote as two quotes (\"\")"
                                ),
                            ));
                        }
                    }
                }
                field_start = false;
            }
            ',' => field_start = true,
            '\r' => {
                // a lone CR ends a line (old Mac files); in CRLF the LF does
                if chars.peek() != Some(&'\n') {
                    line += 1;
                }
                field_start = true;
            }
            '\n' => {
                line += 1;
                field_start = true;
            }
            _ => field_start = false,
        }
    }
    Ok(())
}

/// The start offset of every line of `data`: a line ends at LF, CRLF or a lone CR, as the csv
/// reader ends a record (so a file saved with CR line endings has its lines counted).
fn line_starts(data: &str) -> Vec<usize> {
    let b = data.as_bytes();
    let mut starts = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            continue;
        }
        starts.push(i + 1);
    }
    starts
}

/// The 1-based line of byte `offset`, given the [`line_starts`].
fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).max(1)
}

/// The longest a value quoted in an error may be, in characters.
const SHOWN_MAX: usize = 120;

/// `s` to quote in an error message: whole when short, else its first [`SHOWN_MAX`] characters
/// and how much was cut (an error must not echo a megabyte cell).
fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(SHOWN_MAX) {
        None => s.into(),
        Some((cut, _)) => {
            format!("{}... ({} more bytes not shown)", &s[..cut], s.len() - cut).into()
        }
    }
}

/// Every affiliation names another row, and the affiliation graph has no cycle.
/// `Err` is (1-based line, message).
fn check_affiliations(
    entries: &IndexMap<String, Entry>,
) -> std::result::Result<(), (usize, String)> {
    for e in entries.values() {
        for a in &e.affiliation {
            if *a == e.id {
                return Err((
                    e.line,
                    format!("`{}` is affiliated to itself", shown(&e.id)),
                ));
            }
            if !entries.contains_key(a) {
                return Err((
                    e.line,
                    format!(
                        "affiliation `{}` of `{}` is not an id in this registry",
                        shown(a),
                        shown(&e.id)
                    ),
                ));
            }
        }
    }
    if let Some(mut cycle) = find_cycle(entries) {
        // Start the cycle at its earliest row so the report is stable.
        let first = cycle
            .iter()
            .enumerate()
            .min_by_key(|&(_, &row)| row)
            .map_or(0, |(i, _)| i);
        cycle.rotate_left(first);
        let ids: Vec<&str> = cycle
            .iter()
            .chain(cycle.first())
            .filter_map(|&row| entries.get_index(row).map(|(id, _)| id.as_str()))
            .collect();
        let line = cycle
            .first()
            .and_then(|&row| entries.get_index(row))
            .map_or(1, |(_, e)| e.line);
        return Err((
            line,
            format!("affiliation cycle: {}", shown(&ids.join(" -> "))),
        ));
    }
    Ok(())
}

/// A cycle in the affiliation graph as row indices, in edge order, if there is one.
fn find_cycle(entries: &IndexMap<String, Entry>) -> Option<Vec<usize>> {
    let edges: Vec<Vec<usize>> = entries
        .values()
        .map(|e| {
            e.affiliation
                .iter()
                .filter_map(|a| entries.get_index_of(a))
                .collect()
        })
        .collect();
    let mut first = None;
    cycles(&edges, |c| {
        first = Some(c);
        ControlFlow::Break(())
    });
    first
}

/// Hand `found` each cycle of the graph `edges` (row -> rows it points to) that a depth-first
/// search closes with a back edge, as row indices in edge order, until it breaks. Iterative, so
/// a long chain cannot overflow the stack. The loader stops at the first; `registry validate`
/// reports them all.
pub(crate) fn cycles(edges: &[Vec<usize>], mut found: impl FnMut(Vec<usize>) -> ControlFlow<()>) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let mut state = vec![State::New; edges.len()];
    for start in 0..edges.len() {
        if state[start] != State::New {
            continue;
        }
        state[start] = State::OnPath;
        // (row, index of the next edge to follow)
        let mut path = vec![(start, 0usize)];
        while let Some(&(row, next)) = path.last() {
            match edges[row].get(next) {
                Some(&to) => {
                    if let Some(top) = path.last_mut() {
                        top.1 += 1;
                    }
                    match state[to] {
                        State::New => {
                            state[to] = State::OnPath;
                            path.push((to, 0));
                        }
                        State::OnPath => {
                            let at = path.iter().position(|&(r, _)| r == to).unwrap_or(0);
                            let cycle = path[at..].iter().map(|&(r, _)| r).collect();
                            if found(cycle).is_break() {
                                return;
                            }
                        }
                        State::Done => {}
                    }
                }
                None => {
                    state[row] = State::Done;
                    path.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::MatchKind;

    const SEED: &str = include_str!("../../fixtures/seed/registry.csv");

    /// The error `from_csv` gives for `csv`, as displayed.
    fn error(csv: &str) -> String {
        match Registry::from_csv("r.csv", csv) {
            Ok(r) => panic!("expected an error, loaded {} rows", r.len()),
            Err(e) => e.to_string(),
        }
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/registry")
            .join(name)
    }

    #[test]
    fn loads_the_seed_registry() {
        let r = Registry::from_csv("registry.csv", SEED).expect("seed loads");
        assert_eq!(r.len(), 10);
        assert_eq!(r.path, "registry.csv");
        let tom = r.get("tom-hegel").expect("tom-hegel row");
        assert_eq!(tom.name, "Tom Hegel");
        assert_eq!(tom.kind, EntryKind::Person);
        assert_eq!(tom.affiliation, ["sentinelone"]);
        assert_eq!(tom.aliases, ["Thomas Hegel"]);
        assert_eq!(tom.credibility, Some(Credibility::High));
        assert_eq!(tom.role.as_deref(), Some("threat researcher"));
        assert_eq!(tom.notes.as_deref(), Some("detected the NPO Mash breach"));
        assert_eq!(tom.line, 5);
        let reuters = r.get("reuters").expect("reuters row");
        assert_eq!(reuters.aliases, ["Reuters News", "Thomson Reuters"]);
        assert_eq!(reuters.notes, None);
        assert_eq!(reuters.last_verified, None);
        assert_eq!(r.extra("reuters", "URL"), Some("https://www.reuters.com"));
        assert_eq!(r.extra("tom-hegel", "url"), None);
        assert_eq!(
            r.get("kremlin").map(|e| e.kind),
            Some(EntryKind::Government)
        );
        let ids: Vec<&str> = r.entries().map(|e| e.id.as_str()).collect();
        assert_eq!(ids[..3], ["reuters", "benzinga", "sentinelone"]);
    }

    #[test]
    fn loads_the_seed_registry_file() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/registry.csv");
        let r = Registry::load(&path).expect("seed loads");
        assert_eq!(r.len(), 10);
        assert_eq!(r.path, path.display().to_string());
    }

    #[test]
    fn header_only_is_an_empty_registry() {
        let r = Registry::from_csv("r.csv", "id,name,kind\n").expect("loads");
        assert!(r.is_empty());
        assert_eq!(r.lookup("Reuters"), None);
        let r = Registry::from_csv("r.csv", "id,name,kind").expect("loads");
        assert!(r.is_empty());
    }

    #[test]
    fn accepts_bom_crlf_any_column_order_and_case() {
        let csv = "\u{feff} NAME ,Kind,Id ,Credibility\r\nReuters,MEDIA,reuters,High\r\nAcme, organisation ,acme,\r\n";
        let r = Registry::from_csv("r.csv", csv).expect("loads");
        assert_eq!(r.len(), 2);
        let reuters = r.get("reuters").expect("reuters");
        assert_eq!(reuters.name, "Reuters");
        assert_eq!(reuters.kind, EntryKind::Media);
        assert_eq!(reuters.credibility, Some(Credibility::High));
        let acme = r.get("acme").expect("acme");
        assert_eq!(acme.kind, EntryKind::Organization);
        assert_eq!(acme.credibility, None);
        assert_eq!(acme.line, 3);
    }

    #[test]
    fn trims_fields_and_list_items_and_skips_blank_rows() {
        let csv = "id,name,kind,aliases,domains,conflicts\n\n a , Ann  Ay ,person, A. Ay || Annie Ay ,cyber| defence,\n,,,,,\n";
        let r = Registry::from_csv("r.csv", csv).expect("loads");
        assert_eq!(r.len(), 1);
        let a = r.get("a").expect("row a");
        assert_eq!(a.name, "Ann  Ay");
        assert_eq!(a.aliases, ["A. Ay", "Annie Ay"]);
        assert_eq!(a.domains, ["cyber", "defence"]);
        assert!(a.conflicts.is_empty());
        assert_eq!(a.line, 3);
    }

    #[test]
    fn quoted_fields_with_newlines_keep_line_numbers() {
        let csv = "id,name,kind,notes\na,Ann Ay,person,\"one\ntwo\"\na,Bo Bee,person,\n";
        assert_eq!(
            error(csv),
            "r.csv:4: duplicate id `a` (first defined on line 2)"
        );
        let ok =
            "id,name,kind,notes\na,Ann Ay,person,\"one, \"\"two\"\"\nthree\"\nb,Bo Bee,person,\n";
        let r = Registry::from_csv("r.csv", ok).expect("loads");
        assert_eq!(
            r.get("a").and_then(|e| e.notes.as_deref()),
            Some("one, \"two\"\nthree")
        );
        assert_eq!(r.get("b").map(|e| e.line), Some(4));
    }

    #[test]
    fn reports_missing_required_column() {
        assert_eq!(
            error("ID,name,aliases\nreuters,Reuters,\n"),
            "r.csv:1: missing required column `kind` (required: id, name, kind; found: id, name, aliases)"
        );
        assert_eq!(
            error(""),
            "r.csv:1: no header row; a registry needs at least the columns id, name, kind"
        );
        assert_eq!(
            error("id,name,kind,Name\n"),
            "r.csv:1: duplicate column `name` in the header"
        );
    }

    #[test]
    fn reports_missing_required_value() {
        assert_eq!(
            error("id,name,kind\nreuters,Reuters,media\nbenzinga,,media\n"),
            "r.csv:3: missing value for required column `name`"
        );
        assert_eq!(
            error("id,name,kind\n ,Reuters,media\n"),
            "r.csv:2: missing value for required column `id`"
        );
        assert_eq!(
            error("id,name,kind\nreuters,Reuters,\n"),
            "r.csv:2: missing value for required column `kind`"
        );
        assert_eq!(
            error("id,name,kind\nx,...,media\n"),
            "r.csv:2: name `...` has no letters or digits"
        );
        assert_eq!(
            error("id,name,kind\na|b,A,media\n"),
            "r.csv:2: id `a|b` contains `|`, which separates ids in the affiliation column"
        );
    }

    #[test]
    fn reports_duplicate_id_with_first_line() {
        assert_eq!(
            error(
                "id,name,kind\nreuters,Reuters,media\nbenzinga,Benzinga,media\nreuters,Reuters News,media\n"
            ),
            "r.csv:4: duplicate id `reuters` (first defined on line 2)"
        );
    }

    #[test]
    fn reports_unknown_kind_and_credibility() {
        assert_eq!(
            error("id,name,kind\nhal,HAL 9000,robot\n"),
            "r.csv:2: unknown kind `robot`; expected one of: person, organization (or organisation), media, government, anonymous"
        );
        assert_eq!(
            error("id,name,kind,credibility\nr,Reuters,media,high\nb,Benzinga,media,meh\n"),
            "r.csv:3: unknown credibility `meh`; expected one of: high, medium, low, deprecated, or empty for unrated"
        );
    }

    #[test]
    fn reports_bad_dates() {
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-1-01",
            "01/02/2023",
            "2023-04-31",
            "0000-01-01",
            "２０２３-01-01",
        ] {
            assert_eq!(
                error(&format!(
                    "id,name,kind,last_verified\nr,Reuters,media,{bad}\n"
                )),
                format!(
                    "r.csv:2: bad last_verified date `{bad}`; expected a real date as YYYY-MM-DD"
                )
            );
        }
        let r = Registry::from_csv(
            "r.csv",
            "id,name,kind,last_verified\nr,Reuters,media,2024-02-29\n",
        )
        .expect("a leap day is a real date");
        assert_eq!(
            r.get("r").and_then(|e| e.last_verified.as_deref()),
            Some("2024-02-29")
        );
    }

    #[test]
    fn reports_bad_affiliations() {
        assert_eq!(
            error("id,name,kind,affiliation\na,Ann Ay,person,\nb,Bo Bee,person,nowhere\n"),
            "r.csv:3: affiliation `nowhere` of `b` is not an id in this registry"
        );
        assert_eq!(
            error("id,name,kind,affiliation\na,Ann Ay,person,\nb,Bo Bee,person,a|b\n"),
            "r.csv:3: `b` is affiliated to itself"
        );
        assert_eq!(
            error(
                "id,name,kind,affiliation\nx,X,organization,\na,A,organization,b\nb,B,organization,a\n"
            ),
            "r.csv:3: affiliation cycle: a -> b -> a"
        );
        // The cycle is found from the last row but reported from its earliest one.
        assert_eq!(
            error(
                "id,name,kind,affiliation\na,A,organization,b\nb,B,organization,c\nc,C,organization,b\nd,D,person,a\n"
            ),
            "r.csv:3: affiliation cycle: b -> c -> b"
        );
        // Affiliation may point forward; shared parents are not cycles.
        let r = Registry::from_csv(
            "r.csv",
            "id,name,kind,affiliation\na,Ann Ay,person,lab|org\nlab,Lab,organization,org\norg,Org,organization,\n",
        )
        .expect("a diamond is not a cycle");
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn reports_malformed_csv_with_line() {
        assert_eq!(
            error("id,name,kind,notes\na,Ann Ay,person,ok\nb,Bo Bee,person,\"open\nc,Cy,person,\n"),
            "r.csv:3: unbalanced quote: the quoted field that starts on line 3 is never closed"
        );
        assert_eq!(
            error("id,name,kind,notes\na,Ann Ay,person,\"she said \"hi\" to me\"\n"),
            "r.csv:2: malformed CSV: `h` after a closing quote; inside a quoted field write a quote as two quotes (\"\")"
        );
        assert_eq!(
            error("id,name,kind\na,Ann Ay,person\nb,Bo Bee,person,extra\n"),
            "r.csv:3: row has 4 fields but the header has 3 (a missing or extra comma, or a comma in a field that is not quoted?)"
        );
        assert_eq!(
            error("id,name,kind\r\na,Ann Ay\r\n"),
            "r.csv:2: row has 2 fields but the header has 3 (a missing or extra comma, or a comma in a field that is not quoted?)"
        );
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_literal() {
        let r = Registry::from_csv(
            "r.csv",
            "id,name,kind,notes\na,Ann Ay,person,called \"the boss\"\n",
        )
        .expect("loads");
        assert_eq!(
            r.get("a").and_then(|e| e.notes.as_deref()),
            Some("called \"the boss\"")
        );
    }

    /// Each bad fixture gives exactly this line and message; the CLI tests reuse the files.
    #[test]
    fn bad_fixture_registries_report_line_and_message() {
        let cases = [
            (
                "missing-column.csv",
                1,
                "missing required column `kind` (required: id, name, kind; found: id, name, aliases, role)",
            ),
            (
                "duplicate-id.csv",
                4,
                "duplicate id `reuters` (first defined on line 2)",
            ),
            (
                "unknown-kind.csv",
                3,
                "unknown kind `robot`; expected one of: person, organization (or organisation), media, government, anonymous",
            ),
            (
                "bad-credibility.csv",
                2,
                "unknown credibility `very high`; expected one of: high, medium, low, deprecated, or empty for unrated",
            ),
            (
                "unbalanced-quote.csv",
                3,
                "unbalanced quote: the quoted field that starts on line 3 is never closed",
            ),
            (
                "affiliation-cycle.csv",
                2,
                "affiliation cycle: lab -> institute -> lab",
            ),
        ];
        for (file, want_line, want_msg) in cases {
            let path = fixture(file);
            match Registry::load(&path) {
                Ok(_) => panic!("{file} loaded"),
                Err(err) => {
                    let shown = err.to_string();
                    match err {
                        Error::Registry { path: p, line, msg } => {
                            assert_eq!((line, msg.as_str()), (want_line, want_msg), "{file}");
                            assert_eq!(p, path.display().to_string());
                            assert_eq!(shown, format!("{p}:{want_line}: {want_msg}"));
                        }
                        other => panic!("{file}: not a registry error: {other}"),
                    }
                }
            }
        }
    }

    #[test]
    fn bom_crlf_fixture_loads() {
        let r = Registry::load(&fixture("bom-crlf.csv")).expect("bom-crlf.csv loads");
        assert_eq!(r.len(), 3);
        let reuters = r.get("reuters").expect("reuters");
        assert_eq!(
            reuters.notes.as_deref(),
            Some("news agency,\r\nbased in London")
        );
        assert_eq!(reuters.credibility, Some(Credibility::High));
        assert_eq!(reuters.last_verified.as_deref(), Some("2024-02-29"));
        assert_eq!(r.extra("reuters", "url"), Some("https://www.reuters.com"));
        let jose = r.get("jose-garcia").expect("jose-garcia");
        assert_eq!(jose.line, 4);
        assert_eq!(jose.affiliation, ["reuters"]);
        assert_eq!(
            r.get("acme").map(|e| (e.kind, e.name.as_str(), e.line)),
            Some((EntryKind::Organization, "Acme Corp.", 5))
        );
        let m = r.lookup("Jose Garcia").expect("diacritics fold");
        assert_eq!((m.id.as_str(), m.how), ("jose-garcia", MatchKind::Exact));
        assert_eq!(r.independent_groups(&["jose-garcia", "reuters"]), 1);
    }

    fn registry_error(csv: &str) -> (usize, String) {
        match Registry::from_csv("r.csv", csv) {
            Err(Error::Registry { line, msg, .. }) => (line, msg),
            other => panic!("expected a registry error, got {other:?}"),
        }
    }

    #[test]
    fn cr_only_line_endings_count_lines() {
        let (line, msg) = registry_error("id,name,kind\ra,Ann Ay,person\rb,Bo Be,planet\r");
        assert_eq!(line, 3, "{msg}");
        assert!(msg.contains("unknown kind `planet`"), "{msg}");
        // a lone CR inside a quoted field is a line too; CRLF is one line break
        let (line, _) =
            registry_error("id,name,kind,notes\r\na,Ann Ay,person,\"x\ry\"\r\nb,Bo,planet,\r\n");
        assert_eq!(line, 4);
        let (line, msg) = registry_error("id,name,kind\ra,Ann Ay,person\r\rb,\"Bo\"x,person\r");
        assert_eq!(line, 4, "{msg}");
    }

    #[test]
    fn a_huge_cell_is_quoted_cut_short() {
        let kind = "k".repeat(1_000_000);
        let (line, msg) = registry_error(&format!("id,name,kind\na,Ann Ay,{kind}\n"));
        assert_eq!(line, 2);
        assert!(msg.len() < 400, "{} bytes", msg.len());
        assert!(
            msg.contains(&format!(
                "{}... (999880 more bytes not shown)",
                "k".repeat(120)
            )),
            "{msg}"
        );
        let header: Vec<String> = (0..100_000).map(|i| format!("col{i}")).collect();
        let (_, msg) = registry_error(&format!("{}\n", header.join(",")));
        assert!(msg.starts_with("missing required column `id`"), "{msg}");
        assert!(
            msg.len() < 400 && msg.contains("more bytes not shown"),
            "{msg}"
        );
        // short values are quoted whole
        assert_eq!(shown("Ann Ay"), "Ann Ay");
        assert_eq!(shown(&"é".repeat(120)), "é".repeat(120));
    }

    #[test]
    fn many_aliases_and_columns_load() {
        let aliases: Vec<String> = (0..100_000)
            .map(|i| format!("Alias Number{i} Person"))
            .collect();
        let csv = format!(
            "id,name,kind,aliases\np1,Maria Lopez,person,\"{}\"\n",
            aliases.join("|")
        );
        let r = Registry::from_csv("r.csv", &csv).expect("loads");
        assert_eq!(r.get("p1").map(|e| e.aliases.len()), Some(100_000));
        let m = r
            .lookup("Alias Number99999 Person")
            .expect("an alias matches");
        assert_eq!((m.id.as_str(), m.how), ("p1", MatchKind::Alias));
        let cols: Vec<String> = (0..100_000).map(|i| format!("x{i}")).collect();
        let csv = format!(
            "id,name,kind,{}\np1,Maria Lopez,person,{}\n",
            cols.join(","),
            vec!["v"; 100_000].join(",")
        );
        let r = Registry::from_csv("r.csv", &csv).expect("loads");
        assert_eq!(r.extra("p1", "x99999"), Some("v"));
        let (line, msg) = registry_error(&format!("id,name,kind,{},X7\n", cols.join(",")));
        assert_eq!(line, 1);
        assert_eq!(msg, "duplicate column `x7` in the header");
    }
}
