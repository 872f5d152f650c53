//! JSON Lines input: one `{"id": "...", "text": "..."}` object per line; other fields ignored.

use super::{Format, SourceDoc, parse};
use crate::error::{Error, Result};
use std::io::BufRead;

/// Reads documents from a JSON Lines stream, one at a time (the stream is never held whole):
/// [`JsonlLines`] and [`parse_line`] together.
pub struct JsonlReader<R> {
    lines: JsonlLines<R>,
    format: Format,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `reader`, named `name` in errors; each record's text is parsed as `format`.
    pub fn new(name: &str, reader: R, format: Format) -> Self {
        JsonlReader {
            lines: JsonlLines::new(name, reader),
            format,
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<SourceDoc>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = match self.lines.next()? {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            if let Some(doc) = parse_line(self.lines.name(), line.number, &line.bytes, self.format)
            {
                return Some(doc);
            }
        }
    }
}

/// One line of a JSON Lines stream, not yet parsed: its number (from 1) and its bytes.
#[derive(Debug)]
pub struct Line {
    /// The line's number, from 1.
    pub number: usize,
    /// The line, with its line break.
    pub bytes: Vec<u8>,
}

/// The lines of a JSON Lines stream, unparsed, so that one thread can read while others parse
/// ([`parse_line`]). Lines with nothing but ASCII white space are skipped; a stream in UTF-16 or
/// UTF-32 is one error, and ends there.
///
/// A line is read in pieces of the reader's buffer, its memory reserved with `try_reserve`: a line
/// longer than [`JsonlLines::with_max_line`] allows, or than memory holds, is an error naming the
/// stream and the line (its bytes are skipped to the next line break, and reading goes on), not
/// an abort.
pub struct JsonlLines<R> {
    name: String,
    reader: R,
    line: usize,
    /// Set when the stream is not worth reading on (UTF-16 or UTF-32 text, a read error).
    stop: bool,
    /// The longest line accepted, in bytes (its line break not counted).
    max_line: usize,
}

impl<R: BufRead> JsonlLines<R> {
    /// The lines of `reader`, named `name` in errors.
    pub fn new(name: &str, reader: R) -> Self {
        JsonlLines {
            name: name.to_string(),
            reader,
            line: 0,
            stop: false,
            max_line: usize::MAX,
        }
    }

    /// Lines longer than `max` bytes (without the line break) are errors, skipped unread.
    pub fn with_max_line(mut self, max: u64) -> Self {
        self.max_line = usize::try_from(max).unwrap_or(usize::MAX);
        self
    }

    /// The stream's name, as errors give it.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl<R: std::io::Read> JsonlLines<std::io::BufReader<R>> {
    /// Whether a whole line is already read and waiting in the reader's buffer: the next call to
    /// `next` will not wait for input.
    pub fn line_waiting(&self) -> bool {
        memchr::memchr(b'\n', self.reader.buffer()).is_some()
    }
}

/// What reading one line gave.
enum Read {
    /// The line (with its line break, if it had one); empty at the end of the stream.
    Line,
    /// The line was longer than the limit (`true`) or than memory could hold (`false`), and was
    /// skipped; its length without the line break.
    TooLong(bool, usize),
}

impl<R: BufRead> JsonlLines<R> {
    /// Read the next line into `bytes`, as `read_until(b'\n')` does, but in pieces: each piece's
    /// memory reserved with `try_reserve`, and no more than `max_line` bytes kept.
    fn read_line(&mut self, bytes: &mut Vec<u8>) -> std::io::Result<Read> {
        let mut len = 0usize;
        let mut too_long = None;
        let mut ended = false;
        loop {
            let (done, used) = {
                let buf = match self.reader.fill_buf() {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if buf.is_empty() {
                    break;
                }
                let (done, used) = match memchr::memchr(b'\n', buf) {
                    Some(i) => (true, i + 1),
                    None => (false, buf.len()),
                };
                len = len.saturating_add(used);
                let content = len - usize::from(done);
                if too_long.is_none() && content > self.max_line {
                    too_long = Some(true);
                } else if too_long.is_none() && bytes.try_reserve(used).is_err() {
                    too_long = Some(false);
                }
                if too_long.is_none() {
                    bytes.extend_from_slice(&buf[..used]);
                } else {
                    bytes.clear();
                }
                (done, used)
            };
            self.reader.consume(used);
            if done {
                ended = true;
                break;
            }
        }
        Ok(match too_long {
            Some(over_limit) => Read::TooLong(over_limit, len - usize::from(ended)),
            None => Read::Line,
        })
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stop {
                return None;
            }
            let mut bytes = Vec::new();
            self.line += 1;
            match self.read_line(&mut bytes) {
                Ok(Read::Line) if bytes.is_empty() => return None,
                Ok(Read::Line) => {}
                Ok(Read::TooLong(over_limit, len)) => {
                    let msg = if over_limit {
                        format!(
                            "record of {len} bytes is over the limit of {} bytes (--max-file-size applies to each record); skipped",
                            self.max_line
                        )
                    } else {
                        format!("record of {len} bytes does not fit in memory; skipped")
                    };
                    return Some(Err(Error::Input {
                        path: self.name.clone(),
                        line: self.line,
                        msg,
                    }));
                }
                Err(e) => {
                    self.stop = true;
                    return Some(Err(Error::io(self.name.clone(), e)));
                }
            }
            if self.line == 1
                && let Some(encoding) = super::wide_bom(&bytes)
            {
                // Every line would be an error: report the encoding once.
                self.stop = true;
                return Some(Err(super::wide_error(&self.name, 1, encoding)));
            }
            // the first byte that is not white space is near the start of any record
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Ok(Line {
                number: self.line,
                bytes,
            }));
        }
    }
}

#[derive(serde::Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<serde_json::Value>,
}

/// The document of line `number` of the JSON Lines stream `name`, its text parsed as `format`;
/// `None` for a line of white space only. Errors name the stream and the line.
pub fn parse_line(
    name: &str,
    number: usize,
    bytes: &[u8],
    format: Format,
) -> Option<Result<SourceDoc>> {
    let err = |msg: String| Error::Input {
        path: name.to_string(),
        line: number,
        msg,
    };
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l,
        Err(e) => {
            let offset = e.valid_up_to();
            return Some(Err(err(format!(
                "not valid UTF-8 (first bad byte at offset {offset} of the line)"
            ))));
        }
    };
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return None;
    }
    let rec: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return Some(Err(err(format!("not a JSON object: {e}")))),
    };
    let Some(text) = rec.text else {
        return Some(Err(err("record has no \"text\" string".to_string())));
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None => format!("{name}:{number}"),
        Some(other) => {
            return Some(Err(err(format!(
                "\"id\" must be a string or a number, not {other}"
            ))));
        }
    };
    let mut doc = parse(&id, text, format);
    // (a record's own date over its text's front matter; a date that is no date is none)
    if let Some(serde_json::Value::String(d)) = rec.date
        && super::valid_month(&d)
    {
        doc.date = Some(d);
    }
    Some(Ok(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_skips_blank_lines() {
        let data = "{\"id\":\"a\",\"text\":\"One.\"}\n\n{\"id\":7,\"text\":\"Two.\",\"x\":1}\n";
        let docs: Vec<SourceDoc> = JsonlReader::new("in.jsonl", data.as_bytes(), Format::Text)
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].path, "a");
        assert_eq!(docs[1].path, "7");
        assert_eq!(docs[1].text, "Two.");
    }

    #[test]
    fn a_record_over_the_limit_is_an_error_and_reading_goes_on() {
        let big = format!("{{\"id\":\"b\",\"text\":\"{}\"}}", "x".repeat(100_000));
        let ok = "{\"id\":\"a\",\"text\":\"One.\"}";
        let data = format!("{ok}\n{big}\n{ok}\n{big}");
        // a small buffer: the long lines come in many pieces
        let reader = std::io::BufReader::with_capacity(64, data.as_bytes());
        let lines = JsonlLines::new("in.jsonl", reader).with_max_line(ok.len() as u64);
        let got: Vec<std::result::Result<usize, String>> = lines
            .map(|l| l.map(|l| l.number).map_err(|e| e.to_string()))
            .collect();
        let err = |n: usize| {
            Err(format!(
                "in.jsonl:{n}: record of {} bytes is over the limit of {} bytes (--max-file-size applies to each record); skipped",
                big.len(),
                ok.len()
            ))
        };
        assert_eq!(got, [Ok(1), err(2), Ok(3), err(4)]);
        // without a limit the same lines are read whole, in pieces as they come
        let reader = std::io::BufReader::with_capacity(64, data.as_bytes());
        let lens: Vec<usize> = JsonlLines::new("in.jsonl", reader)
            .map(|l| l.unwrap().bytes.len())
            .collect();
        assert_eq!(lens, [ok.len() + 1, big.len() + 1, ok.len() + 1, big.len()]);
    }

    #[test]
    fn bad_record_names_line() {
        let data = "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\"}\n";
        let mut r = JsonlReader::new("in.jsonl", data.as_bytes(), Format::Text);
        assert!(r.next().unwrap().is_ok());
        let e = r.next().unwrap().unwrap_err();
        assert_eq!(e.to_string(), "in.jsonl:2: record has no \"text\" string");
    }

    #[test]
    fn utf16_stream_is_one_error() {
        let data: Vec<u8> = b"\xff\xfe{\0}\0\n\0{\0}\0\n\0".to_vec();
        let got: Vec<String> = JsonlReader::new("w.jsonl", &data[..], Format::Text)
            .map(|r| r.unwrap_err().to_string())
            .collect();
        assert_eq!(
            got,
            ["w.jsonl:1: UTF-16LE (byte order mark) is not supported; convert the file to UTF-8"]
        );
    }

    #[test]
    fn lines_keep_their_numbers_and_parse_alone() {
        let data = "{\"text\":\"One.\"}\n  \n\n{\"id\":\"b\",\"text\":\"Two.\"}\n{\"id\":[1],\"text\":\"x\"}\n";
        let lines: Vec<Line> = JsonlLines::new("in.jsonl", data.as_bytes())
            .collect::<Result<_>>()
            .unwrap();
        let numbers: Vec<usize> = lines.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 4, 5]);
        let doc = |l: &Line| parse_line("in.jsonl", l.number, &l.bytes, Format::Text).unwrap();
        // no id: the stream's name and the line's number
        assert_eq!(doc(&lines[0]).unwrap().path, "in.jsonl:1");
        assert_eq!(doc(&lines[1]).unwrap().text, "Two.");
        assert_eq!(
            doc(&lines[2]).unwrap_err().to_string(),
            "in.jsonl:5: \"id\" must be a string or a number, not [1]"
        );
        // white space that is not ASCII is no record either
        assert!(parse_line("in.jsonl", 9, "\u{feff}\u{3000}\n".as_bytes(), Format::Text).is_none());
    }

    #[test]
    fn knows_whether_a_line_is_waiting() {
        let data = "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n{\"text\":";
        let mut lines = JsonlLines::new("in.jsonl", std::io::BufReader::new(data.as_bytes()));
        assert!(
            !lines.line_waiting(),
            "nothing is read before the first line is asked for"
        );
        assert_eq!(lines.next().unwrap().unwrap().number, 1);
        assert!(lines.line_waiting());
        assert_eq!(lines.next().unwrap().unwrap().number, 2);
        // what is left is not a whole line: taking it would wait for more input
        assert!(!lines.line_waiting());
        assert_eq!(lines.next().unwrap().unwrap().number, 3);
        assert!(lines.next().is_none());
    }
}
