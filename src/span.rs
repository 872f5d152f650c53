//! Byte-offset spans and the line index that turns offsets into 1-based line/column.

use serde::Serialize;

/// A half-open range of byte offsets `[start, end)` into a UTF-8 string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start` must not be after `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text of this span in `s`.
    pub fn slice<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }

    /// The span with leading and trailing white space of `s` removed.
    pub fn trim(&self, s: &str) -> Span {
        let t = &s[self.start..self.end];
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        if lead == t.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Start offsets of every line, for offset -> (line, column) lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text` (lines end at `\n`; a `\r` before it belongs to the line).
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text));
        LineIndex { line_starts }
    }

    /// Start offset of every line.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// 1-based line and 1-based column (in Unicode scalar values) of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line + 1, col + 1)
    }

    /// Byte range of 1-based `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line - 1];
        let mut end = self
            .line_starts
            .get(line)
            .map(|&n| n - 1)
            .unwrap_or(text.len());
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "ab\n“é” x\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 5));
        assert_eq!(idx.line_col(text, text.len()), (3, 5));
    }

    #[test]
    fn line_span_drops_crlf() {
        let text = "one\r\ntwo";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_span(text, 1).slice(text), "one");
        assert_eq!(idx.line_span(text, 2).slice(text), "two");
    }

    #[test]
    fn trim_handles_blank() {
        let s = "  a b  ";
        assert_eq!(Span::new(0, s.len()).trim(s).slice(s), "a b");
        assert!(Span::new(0, 2).trim(s).is_empty());
    }
}
