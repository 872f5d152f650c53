//! A registry file read as raw rows, for the tools that keep it (`validate`, `ratings`).
//!
//! Consumes: registry CSV text. Produces: the header and every record with its 1-based line
//! and its byte range in the text, without interpreting any field, so that a tool can report
//! every problem at once ([`super::validate`]) or copy the rows it does not change byte for
//! byte ([`super::ratings`]). [`super::Registry::from_csv`] stays the one reader that builds
//! a registry for checking.

use crate::error::{Error, Result};
use crate::span::LineIndex;

/// One record of the file.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// 1-based line where the record starts.
    pub line: usize,
    /// Byte range of the record in the text, without its line break.
    pub start: usize,
    /// End of the record (exclusive), before the line break.
    pub end: usize,
    /// The fields, trimmed.
    pub fields: Vec<String>,
}

/// The header and the records of a registry file.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// The header row (the first record), `None` for a file with no records.
    pub header: Option<RawRow>,
    /// The other records, in file order, blank rows included.
    pub rows: Vec<RawRow>,
}

impl RawTable {
    /// The index of the column named `name` (compared trimmed and case-insensitively).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .as_ref()?
            .fields
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    }
}

impl RawRow {
    /// The field at `col`, or "" when the column or field is missing.
    pub fn get(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.fields.get(c))
            .map_or("", String::as_str)
    }

    /// True when every field is empty.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(String::is_empty)
    }
}

/// Read `data` (a leading BOM already removed) as CSV records; `name` is used in errors. A
/// CSV syntax error stops the reading with `name:line: malformed CSV`.
pub fn read_table(name: &str, data: &str) -> Result<RawTable> {
    let lines = LineIndex::new(data);
    // csv's own positions are taken before a record's leading line breaks; move past them
    let line_start = |byte: u64| {
        let start = usize::try_from(byte).unwrap_or(data.len());
        let skipped = data.get(start..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches(['\r', '\n']).len()
        });
        start + skipped
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data.as_bytes());
    let mut records: Vec<(usize, csv::StringRecord)> = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        let at = line_start(reader.position().byte());
        match reader.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let start = rec.position().map_or(at, |p| line_start(p.byte()));
                records.push((start, rec.clone()));
            }
            Err(e) => {
                let byte = e.position().map_or(at, |p| line_start(p.byte()));
                return Err(Error::Registry {
                    path: name.to_string(),
                    line: lines.line_col(data, byte.min(data.len())).0,
                    msg: format!("malformed CSV: {e}"),
                });
            }
        }
    }
    let mut rows: Vec<RawRow> = Vec::with_capacity(records.len());
    for (i, (start, rec)) in records.iter().enumerate() {
        // a record ends where the next begins, less the line breaks between them
        let next = records.get(i + 1).map_or(data.len(), |(s, _)| *s);
        let end = start + data[*start..next].trim_end_matches(['\r', '\n']).len();
        rows.push(RawRow {
            line: lines.line_col(data, *start).0,
            start: *start,
            end,
            fields: rec.iter().map(String::from).collect(),
        });
    }
    let mut rows = rows.into_iter();
    let header = rows.next();
    Ok(RawTable {
        header,
        rows: rows.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_their_lines_and_byte_ranges() {
        let data = "id,name\r\n\r\na,\"Ann\nLee\"\r\nb,Bo\n";
        let t = read_table("r.csv", data).unwrap();
        assert_eq!(t.header.as_ref().unwrap().line, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(&data[t.rows[0].start..t.rows[0].end], "a,\"Ann\nLee\"");
        assert_eq!(t.rows[0].fields, ["a", "Ann\nLee"]);
        assert_eq!(t.rows[1].line, 5);
        assert_eq!(&data[t.rows[1].start..t.rows[1].end], "b,Bo");
        assert_eq!(t.column("NAME"), Some(1));
    }
}
