//! Word and punctuation tokens with byte spans.

use crate::span::Span;
use std::collections::HashSet;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits (with inner apostrophes, hyphens and periods: "it's", "U.S.").
    Word,
    /// One punctuation character.
    Punct,
}

/// A token of the analysed text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// Word or punctuation.
    pub kind: TokKind,
    /// Lower-cased text, with a possessive 's removed and curly apostrophes made straight.
    pub lower: String,
    /// True when the first character is upper case.
    pub cap: bool,
    /// True when the word had a possessive 's.
    pub possessive: bool,
}

impl Token {
    /// True when this is the punctuation character `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.lower.starts_with(c)
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for the quotation marks whosaid knows.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{00ab}'
            | '\u{00bb}'
            | '\u{2018}'
            | '\u{2019}'
            | '\''
    )
}

/// Tokenize `text[span]`. A trailing period stays on a word when the word with it is an
/// abbreviation (`abbreviations`), has inner periods ("U.S."), or is a single capital (an initial).
pub fn tokenize(text: &str, span: Span, abbreviations: &HashSet<String>) -> Vec<Token> {
    let mut out = Vec::new();
    let s = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = off;
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                    continue;
                }
                // inner joiners: ' ’ - . & followed by a word char
                if matches!(cj, '\'' | '\u{2019}' | '-' | '.' | '&')
                    && j + 1 < chars.len()
                    && is_word_char(chars[j + 1].1)
                {
                    j += 2;
                    continue;
                }
                // "1,000": a comma between digits
                if cj == ','
                    && chars[j - 1].1.is_ascii_digit()
                    && j + 1 < chars.len()
                    && chars[j + 1].1.is_ascii_digit()
                {
                    j += 2;
                    continue;
                }
                break;
            }
            let mut end = if j < chars.len() { chars[j].0 } else { s.len() };
            let word = &s[start..end];
            // trailing period
            if j < chars.len() && chars[j].1 == '.' {
                let with = format!("{}.", word.to_lowercase());
                let single_cap = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if word.contains('.') || single_cap || abbreviations.contains(&with) {
                    end += 1;
                    j += 1;
                }
            }
            let raw = &s[start..end];
            let mut lower = raw.to_lowercase().replace('\u{2019}', "'");
            let mut possessive = false;
            if lower.len() > 2 && (lower.ends_with("'s")) {
                lower.truncate(lower.len() - 2);
                possessive = true;
            } else if lower.len() > 1 && lower.ends_with("s'") {
                lower.truncate(lower.len() - 1);
                possessive = true;
            }
            out.push(Token {
                span: Span::new(span.start + start, span.start + end),
                kind: TokKind::Word,
                lower,
                cap: raw.chars().next().is_some_and(char::is_uppercase),
                possessive,
            });
            i = j;
        } else {
            let end = off + c.len_utf8();
            out.push(Token {
                span: Span::new(span.start + off, span.start + end),
                kind: TokKind::Punct,
                lower: c.to_string(),
                cap: false,
                possessive: false,
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let ab: HashSet<String> = ["dr.".to_string()].into_iter().collect();
        tokenize(s, Span::new(0, s.len()), &ab)
            .iter()
            .map(|t| t.span.slice(s).to_string())
            .collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            words("Dr. J. Smith of the U.S. said it's fine."),
            [
                "Dr.", "J.", "Smith", "of", "the", "U.S.", "said", "it's", "fine", "."
            ]
        );
    }

    #[test]
    fn possessive_is_noted() {
        let s = "NPO Mash’s systems";
        let t = tokenize(s, Span::new(0, s.len()), &HashSet::new());
        assert_eq!(t[1].lower, "mash");
        assert!(t[1].possessive);
    }
}
