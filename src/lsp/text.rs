//! Positions as the Language Server Protocol counts them: 0-based lines (broken at `\n`,
//! `\r\n` or `\r`) and characters in UTF-16 code units, to and from byte offsets of the text;
//! and the application of an editor's changes to a document's text.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// The line starts of a text, for converting byte offsets to LSP positions and back.
#[derive(Debug, Clone)]
pub struct LineMap {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl LineMap {
    /// The lines of `text`.
    pub fn new(text: &str) -> LineMap {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineMap { starts }
    }

    /// The byte range of line `line` without its line break.
    fn line_bytes(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let b = text.as_bytes();
        if end > start && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (start, end) = self.line_bytes(text, line);
        let units: usize = text[start..offset.min(end)]
            .chars()
            .map(char::len_utf16)
            .sum();
        Position::new(line as u32, units as u32)
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The byte offset of `pos`: a line past the end is the end of the text; a character past
    /// the end of its line is the end of the line; a character inside a surrogate pair is the
    /// start of that character.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let (start, end) = self.line_bytes(text, line);
        let mut units = 0usize;
        for (i, c) in text[start..end].char_indices() {
            let next = units + c.len_utf16();
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        end
    }
}

/// Apply an editor's changes, in order, to `text`: a change with a range replaces it, one
/// without replaces the whole text.
pub fn apply_changes(text: &mut String, changes: Vec<TextDocumentContentChangeEvent>) {
    for ch in changes {
        match ch.range {
            None => *text = ch.text,
            Some(r) => {
                let lines = LineMap::new(text);
                let start = lines.offset(text, r.start);
                let end = lines.offset(text, r.end).max(start);
                text.replace_range(start..end, &ch.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_every_line_break() {
        let text = "a\u{e9}\u{1f680}b\r\nx\ry\n\u{4e2d}z";
        let m = LineMap::new(text);
        // 'b' is after a (1), é (1), 🚀 (2 units)
        let b = text.find('b').unwrap();
        assert_eq!(m.position(text, b), Position::new(0, 4));
        assert_eq!(
            m.position(text, text.find('x').unwrap()),
            Position::new(1, 0)
        );
        assert_eq!(
            m.position(text, text.find('y').unwrap()),
            Position::new(2, 0)
        );
        assert_eq!(
            m.position(text, text.find('z').unwrap()),
            Position::new(3, 1)
        );
        // the end of a line is before its break
        assert_eq!(m.position(text, b + 1), Position::new(0, 5));
        for off in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let p = m.position(text, off);
            let back = m.offset(text, p);
            // offsets inside a \r\n come back as the end of the line
            assert!(
                back == off || &text[back..off] == "\r",
                "{off} -> {p:?} -> {back}"
            );
        }
        // inside the surrogate pair: the start of the rocket; past the line: its end
        assert_eq!(
            m.offset(text, Position::new(0, 3)),
            text.find('\u{1f680}').unwrap()
        );
        assert_eq!(m.offset(text, Position::new(0, 99)), b + 1);
        assert_eq!(m.offset(text, Position::new(9, 0)), text.len());
    }

    #[test]
    fn changes_apply_in_order() {
        let mut t = "one \u{1f680} two\nthree".to_string();
        apply_changes(
            &mut t,
            vec![
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(0, 7), Position::new(0, 10))),
                    range_length: None,
                    text: "2".into(),
                },
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(1, 5), Position::new(1, 5))),
                    range_length: None,
                    text: "!\nfour".into(),
                },
            ],
        );
        assert_eq!(t, "one \u{1f680} 2\nthree!\nfour");
        apply_changes(
            &mut t,
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            }],
        );
        assert_eq!(t, "new");
    }
}
