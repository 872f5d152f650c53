//! Sentences: splits each block at sentence-ending punctuation, keeping abbreviations ("U.S.",
//! "Sept.", "Dr.") inside sentences unless the next word plainly starts a new one.

use crate::input::SourceDoc;
use crate::lexicon::Lexicons;
use crate::model::Sentence;
use crate::span::Span;

/// The sentences of every block of `doc`, in order.
pub fn sentences(doc: &SourceDoc, lex: &Lexicons) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, block) in doc.blocks.iter().enumerate() {
        let text = &doc.text;
        let spans = split_block(text, block.span, lex);
        out.reserve(spans.len());
        for (k, s) in spans.into_iter().enumerate() {
            let label = if k == 0 {
                find_label(text, s).or_else(|| find_dateline(text, s))
            } else {
                None
            };
            out.push(Sentence {
                span: s,
                paragraph: pi,
                label,
            });
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201d}' | '\u{2019}' | '\'' | ')' | ']' | '\u{00bb}'
    )
}

/// Split one block into sentence spans.
pub fn split_block(text: &str, block: Span, lex: &Lexicons) -> Vec<Span> {
    let s = &text[block.start..block.end];
    let bytes = s.as_bytes();
    let char_at = |i: usize| s[i..].chars().next();
    let mut out = Vec::new();
    // byte offsets in `s`; only the sentence marks (. ! ? and the 0xE2 of …) are looked at
    let mut start = 0usize;
    let mut marks = crate::token::FourBytes::new(bytes, [b'.', b'!', b'?'], 0xe2);
    // the words before periods, lower-cased with the period, in one buffer for the block
    let mut with_dot = String::new();
    let mut i = 0;
    while let Some(m) = marks.next(i) {
        i = m;
        let c = char_at(i).unwrap_or(' ');
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            i += c.len_utf8();
            continue;
        }
        // extend over repeated marks and closers
        let mut j = i + c.len_utf8();
        while let Some(d) = char_at(j).filter(|&d| matches!(d, '.' | '!' | '?') || is_closer(d)) {
            j += d.len_utf8();
        }
        // must be followed by white space then a plausible sentence start
        let mut k = j;
        let mut saw_space = false;
        while let Some(d) = char_at(k).filter(|d| d.is_whitespace()) {
            saw_space = true;
            k += d.len_utf8();
        }
        let Some(next) = char_at(k) else {
            break;
        };
        let starts = next.is_uppercase()
            || next.is_numeric()
            || matches!(
                next,
                '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\u{00ab}' | '\'' | '-' | '\u{2014}'
            );
        if saw_space && starts && !(c == '.' && abbreviation_holds(s, i, k, lex, &mut with_dot)) {
            push(
                &mut out,
                text,
                Span::new(block.start + start, block.start + j),
            );
            start = k;
            i = k;
            continue;
        }
        i = j;
    }
    push(&mut out, text, Span::new(block.start + start, block.end));
    out
}

fn push(out: &mut Vec<Span>, text: &str, span: Span) {
    let sp = span.trim(text);
    if !sp.is_empty() {
        out.push(sp);
    }
}

/// True when the period at byte `dot` of `s` ends an abbreviation (or an initial) and the word
/// at byte `next` does not plainly start a new sentence.
fn abbreviation_holds(
    s: &str,
    dot: usize,
    next: usize,
    lex: &Lexicons,
    with_dot: &mut String,
) -> bool {
    // the word before the dot
    let mut b = dot;
    while let Some(c) = s[..b]
        .chars()
        .next_back()
        .filter(|&c| c.is_alphanumeric() || c == '.' || c == '\'')
    {
        b -= c.len_utf8();
    }
    let word = &s[b..dot];
    if word.is_empty() {
        return false;
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if !(initial || word.contains('.')) {
        with_dot.clear();
        crate::token::push_lower(with_dot, word);
        with_dot.push('.');
        // (through the word classes: one multiply and two compares, not a hash of the word)
        let abbreviation = crate::lexicon::cls::ABBREVIATION;
        if lex.word_classes.of(with_dot) & abbreviation == 0 {
            return false;
        }
    }
    // next word
    let rest = &s[next..];
    let nw: String = rest
        .chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect::<String>()
        .to_lowercase();
    !lex.sentence_starters.contains(&nw)
}

/// Words that make a leading "Words:" a label rather than a speaker.
const LABEL_WORDS: &[&str] = &[
    "about",
    "analysis",
    "also",
    "background",
    "bottom",
    "breaking",
    "context",
    "correction",
    "editor's",
    "exclusive",
    "happened",
    "happens",
    "how",
    "key",
    "line",
    "matters",
    "more",
    "next",
    "note",
    "opinion",
    "read",
    "related",
    "see",
    "takeaways",
    "the",
    "update",
    "watch",
    "what",
    "when",
    "where",
    "who",
    "why",
];

/// A leading label such as "What Happened:" (at most four capitalised words and a colon,
/// followed by more text).
pub fn find_label(text: &str, sentence: Span) -> Option<Span> {
    let s = sentence.slice(text);
    // (the SIMD search of the memchr crate: most sentences have no colon, and are read whole)
    let colon = memchr::memchr(b':', s.as_bytes())?;
    let head = &s[..colon];
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || s[colon + 1..].trim().is_empty() {
        return None;
    }
    let small = ["a", "an", "and", "for", "in", "of", "the", "to", "it"];
    let ok = words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() || (i > 0 && small.contains(w)))
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
    });
    // A colon right after a digit is a time or a ratio; after a name ("Marco Rubio:") it is a
    // speaker, not a label: a label has a word such as "What", "Why", "Read".
    if !ok || words.len() < 2 {
        return None;
    }
    let labelish = words.iter().any(|w| {
        let l = w.to_lowercase().replace('\u{2019}', "'");
        LABEL_WORDS.contains(&l.as_str())
    });
    if !labelish {
        return None;
    }
    Some(Span::new(sentence.start, sentence.start + colon + 1))
}

/// A wire dateline opening a paragraph's first sentence: "WASHINGTON (AP) — ", "BEDFORD,
/// N.H. (AP) — ", "ORLANDO, Fla. (Reuters) - ", "WASHINGTON, Dec. 8 (UPI) — ", "LONDON — ".
/// A place in capitals (words of capital letters, with '.', '-' or an apostrophe), then at most
/// two short parts after commas (a state, a date: "Fla.", "Dec. 8"), then the agency in
/// parentheses, then a dash and a space. Without the agency, the place is two letters or more
/// and the sentence has no other dash ("UNICEF — the UN children's agency — said" is its
/// subject set off by dashes, not a dateline). Like a label, it is no part of the sentence's
/// claim, and no subject.
pub fn find_dateline(text: &str, sentence: Span) -> Option<Span> {
    let s = sentence.slice(text);
    // (a dateline is short: only its first bytes are read)
    let mut cut = s.len().min(100);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let b = head.as_bytes();
    let mut i = 0;
    // the place: words of capitals
    let mut caps = 0;
    loop {
        let w0 = i;
        while i < b.len() && (b[i].is_ascii_uppercase() || matches!(b[i], b'.' | b'-' | b'\'')) {
            caps += usize::from(b[i].is_ascii_uppercase());
            i += 1;
        }
        if i == w0 || i < b.len() && b[i].is_ascii_alphanumeric() {
            return None;
        }
        // another word of the place ("NEW YORK", "SAN JUAN, P.R.")
        if b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
            let j = i + 1;
            let mut k = j;
            while k < b.len() && (b[k].is_ascii_uppercase() || matches!(b[k], b'.' | b'-')) {
                k += 1;
            }
            if k > j + 1 && (k == b.len() || !b[k].is_ascii_alphanumeric()) {
                i = j;
                continue;
            }
        }
        break;
    }
    if caps < 2 {
        return None;
    }
    // at most two parts after commas: a state or a country, a date ("Fla.", "Dec. 8")
    for _ in 0..2 {
        if !head[i..].starts_with(", ") {
            break;
        }
        let j = i + 2;
        // (up to the next comma, parenthesis or dash: " -" is a dash, "-" inside a word not)
        let len = (head[j..].find([',', '(', '\u{2014}', '\u{2013}']))
            .into_iter()
            .chain(head[j..].find(" -"))
            .min()
            .unwrap_or(head.len() - j);
        let part = head[j..j + len].trim_end();
        let ok = !part.is_empty()
            && part.len() <= 20
            && part.starts_with(|c: char| c.is_ascii_uppercase())
            && part.split(' ').count() <= 3
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | ' ' | '\''));
        if !ok {
            return None;
        }
        i = j + part.len();
    }
    let rest = &head[i..];
    let after_space = rest.trim_start_matches(' ');
    let mut k = i + (rest.len() - after_space.len());
    let mut agency = false;
    if after_space.starts_with('(') {
        let close = after_space.find(')')?;
        let inner = &after_space[1..close];
        if inner.is_empty()
            || inner.len() > 30
            || !inner.starts_with(|c: char| c.is_uppercase())
            || inner.contains(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        agency = true;
        k += close + 1;
        k += head[k..].len() - head[k..].trim_start_matches(' ').len();
    }
    let dash = ["\u{2014}", "\u{2013}", "--", "-"]
        .iter()
        .find(|d| head[k..].starts_with(**d))?;
    let end = k + dash.len();
    if !head[end..].starts_with(' ') {
        return None;
    }
    if !agency && s[end..].contains(['\u{2014}', '\u{2013}']) {
        return None;
    }
    Some(Span::new(sentence.start, sentence.start + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::Ruleset;

    fn split(s: &str) -> Vec<String> {
        let lex = Lexicons::new(&Ruleset::embedded());
        split_block(s, Span::new(0, s.len()), &lex)
            .iter()
            .map(|sp| sp.slice(s).to_string())
            .collect()
    }

    /// Split one block into sentence spans.
    fn split_block_reference(text: &str, block: Span, lex: &Lexicons) -> Vec<Span> {
        let s = &text[block.start..block.end];
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let mut start = 0usize;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            if matches!(c, '.' | '!' | '?' | '\u{2026}') {
                // extend over repeated marks and closers
                let mut j = i + 1;
                while j < chars.len()
                    && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1))
                {
                    j += 1;
                }
                // must be followed by white space then a plausible sentence start
                let mut k = j;
                let mut saw_space = false;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    saw_space = true;
                    k += 1;
                }
                if k >= chars.len() {
                    break;
                }
                let next = chars[k].1;
                let starts = next.is_uppercase()
                    || next.is_numeric()
                    || matches!(
                        next,
                        '"' | '\u{201c}'
                            | '\u{2018}'
                            | '('
                            | '['
                            | '\u{00ab}'
                            | '\''
                            | '-'
                            | '\u{2014}'
                    );
                if saw_space
                    && starts
                    && !(c == '.' && abbreviation_holds_reference(s, &chars, i, k, lex))
                {
                    let end = if j < chars.len() { chars[j].0 } else { s.len() };
                    push(
                        &mut out,
                        text,
                        Span::new(block.start + start, block.start + end),
                    );
                    start = chars[k].0;
                    i = k;
                    continue;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        push(&mut out, text, Span::new(block.start + start, block.end));
        out
    }

    /// True when the period at `dot` ends an abbreviation (or an initial) and the word at `next`
    /// does not plainly start a new sentence.
    fn abbreviation_holds_reference(
        s: &str,
        chars: &[(usize, char)],
        dot: usize,
        next: usize,
        lex: &Lexicons,
    ) -> bool {
        // the word before the dot
        let mut b = dot;
        while b > 0 {
            let c = chars[b - 1].1;
            if c.is_alphanumeric() || c == '.' || c == '\'' {
                b -= 1;
            } else {
                break;
            }
        }
        let word = &s[chars[b].0..chars[dot].0];
        if word.is_empty() {
            return false;
        }
        let with_dot = format!("{}.", word.to_lowercase());
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !(lex.abbreviations.contains(&with_dot) || initial || word.contains('.')) {
            return false;
        }
        // next word
        let rest = &s[chars[next].0..];
        let nw: String = rest
            .chars()
            .skip_while(|c| !c.is_alphanumeric())
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .collect::<String>()
            .to_lowercase();
        !lex.sentence_starters.contains(&nw)
    }

    #[test]
    fn same_sentences_as_the_reference() {
        let lex = Lexicons::new(&Ruleset::embedded());
        let alphabet = [
            "a", "B", " ", "\n", ".", "!", "?", "\u{2026}", "\"", "\u{201d}", "\u{2019}", "'", ")",
            "U.S.", "Dr", "dr", "J", "Sept", "The", "é", "É", "1", "(", "\u{2014}", "-", "\u{a0}",
            "It", "mr.", "\u{201c}",
        ];
        for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 5000, 30) {
            let sp = Span::new(0, t.len());
            assert_eq!(
                split_block(&t, sp, &lex),
                split_block_reference(&t, sp, &lex),
                "{t:?}"
            );
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Dr. Smith met U.S. officials in Sept. 2022 at 5 p.m. Eastern. They left."),
            [
                "Dr. Smith met U.S. officials in Sept. 2022 at 5 p.m. Eastern.",
                "They left."
            ]
        );
    }

    #[test]
    fn a_sentence_may_end_with_an_abbreviation() {
        assert_eq!(
            split("The missile can reach the U.S. The tests went on."),
            ["The missile can reach the U.S.", "The tests went on."]
        );
        assert_eq!(
            split("It can reach the mainland U.S."),
            ["It can reach the mainland U.S."]
        );
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(
            split("\u{201c}We won.\u{201d} She left! Did he? Yes."),
            ["\u{201c}We won.\u{201d}", "She left!", "Did he?", "Yes."]
        );
    }

    #[test]
    fn initials_stay() {
        assert_eq!(
            split("J. R. Smith said so. Then he left."),
            ["J. R. Smith said so.", "Then he left."]
        );
    }

    #[test]
    fn datelines_are_labels() {
        for (t, want) in [
            ("WASHINGTON (AP) — The vote failed.", "WASHINGTON (AP) — "),
            ("BEDFORD, N.H. (AP) — Rubio spoke.", "BEDFORD, N.H. (AP) — "),
            (
                "ORLANDO, Fla. (Reuters) - Obama met them.",
                "ORLANDO, Fla. (Reuters) - ",
            ),
            (
                "WASHINGTON, Dec. 8 (UPI) — In response, she spoke.",
                "WASHINGTON, Dec. 8 (UPI) — ",
            ),
            ("NEW YORK — The market fell.", "NEW YORK — "),
            (
                "LONDON (Reuters) — “Sequestration severely handicapped our military, readiness and equipment,” he said.",
                "LONDON (Reuters) — ",
            ),
        ] {
            let got = find_dateline(t, Span::new(0, t.len())).map(|s| s.slice(t));
            assert_eq!(got, Some(want), "{t}");
        }
        for t in [
            "UNICEF — the UN children's agency — said it would help.",
            "Washington (AP) — lower case is no dateline here.",
            "I — for one — agree.",
            "NASA said the launch — delayed twice — went well.",
            "The vote (AP) — failed.",
            "“Sequestration severely handicapped our military training-wise, readiness, equipment, facilities,” he said.",
        ] {
            assert_eq!(find_dateline(t, Span::new(0, t.len())), None, "{t}");
        }
    }

    #[test]
    fn labels_are_found() {
        let s = "What Happened: Last year, hackers struck.";
        assert_eq!(
            find_label(s, Span::new(0, s.len())).unwrap().slice(s),
            "What Happened:"
        );
        let n = "Marco Rubio: We will win.";
        assert!(
            find_label(n, Span::new(0, n.len())).is_none(),
            "a speaker, not a label"
        );
        let t = "Smith: we will win.";
        assert!(find_label(t, Span::new(0, t.len())).is_none());
        let u = "The time was 10:30 today.";
        assert!(find_label(u, Span::new(0, u.len())).is_none());
    }
}
