//! JSON Lines input: one `{"id": "...", "text": "..."}` object per line; other fields ignored.

use super::{Format, SourceDoc, parse};
use crate::error::{Error, Result};
use std::io::BufRead;

/// Reads documents from a JSON Lines stream, one at a time (the stream is never held whole).
pub struct JsonlReader<R> {
    name: String,
    reader: R,
    line: usize,
    format: Format,
    buf: Vec<u8>,
    /// Set when the stream is not worth reading on (UTF-16 or UTF-32 text).
    stop: bool,
}

#[derive(serde::Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `reader`, named `name` in errors; each record's text is parsed as `format`.
    pub fn new(name: &str, reader: R, format: Format) -> Self {
        JsonlReader {
            name: name.to_string(),
            reader,
            line: 0,
            format,
            buf: Vec::new(),
            stop: false,
        }
    }

    fn err(&self, msg: impl Into<String>) -> Error {
        Error::Input {
            path: self.name.clone(),
            line: self.line,
            msg: msg.into(),
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<SourceDoc>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stop {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Err(Error::io(self.name.clone(), e)));
                }
            }
            if self.line == 1
                && let Some(encoding) = super::wide_bom(&self.buf)
            {
                // Every line would be an error: report the encoding once.
                self.stop = true;
                return Some(Err(super::wide_error(&self.name, 1, encoding)));
            }
            let Ok(line) = std::str::from_utf8(&self.buf) else {
                let offset = std::str::from_utf8(&self.buf).unwrap_err().valid_up_to();
                return Some(Err(self.err(format!(
                    "not valid UTF-8 (first bad byte at offset {offset} of the line)"
                ))));
            };
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            let rec: Record = match serde_json::from_str(line) {
                Ok(r) => r,
                Err(e) => return Some(Err(self.err(format!("not a JSON object: {e}")))),
            };
            let Some(text) = rec.text else {
                return Some(Err(self.err("record has no \"text\" string")));
            };
            let id = match rec.id {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                None => format!("{}:{}", self.name, self.line),
                Some(other) => {
                    return Some(Err(
                        self.err(format!("\"id\" must be a string or a number, not {other}"))
                    ));
                }
            };
            return Some(Ok(parse(&id, text, self.format)));
        }
    }
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
}
