//! The people a text names (for he and she): their names, places and genders from titles
//! ("Mr", "Ms") and appositives, from extraction's name words or a scan of the text.

use super::*;
use crate::hash::with_lower;

/// A person named in the text (cited or not), for pronouns to refer to.
pub(crate) struct NamedPerson {
    pub(super) pos: usize,
    pub(super) name: String,
    pub(super) female: Option<bool>,
    /// whether a title names the person ("Ms. Harriet Sacoolas"), not a given name alone
    pub(super) titled: bool,
}

/// People named in the text: two or three capitalised words (or initials) after a title, that
/// name no body and do not open with a sentence word ("Ms. Harriet Sacoolas", "Prime Minister
/// Boris Johnson").
pub(super) fn people_named(text: &str, lex: &Lexicons) -> Vec<NamedPerson> {
    let toks = crate::token::tokenize(text, Span::new(0, text.len()), &lex.abbreviations);
    let mut names = NameWords::default();
    crate::extract::name_words(&toks, lex, &mut names);
    people_in(text, &names.words, lex)
}

/// [`people_named`] from the capitalised words of the text ([`NameWords`], as extraction
/// hands them over).
pub(super) fn people_in(text: &str, words: &[NameWord], lex: &Lexicons) -> Vec<NamedPerson> {
    let mut scan = PeopleScan::default();
    for w in words {
        scan.word(text, w, lex);
    }
    scan.finish(text, lex)
}

/// The state of [`people_in`]'s walk over the capitalised words.
#[derive(Default)]
pub(super) struct PeopleScan {
    /// where the run of capitalised words (since the last other token) starts
    pub(super) run_start: Option<usize>,
    /// whether a title is in the run
    pub(super) titled: bool,
    /// the words after the last title of the run: how many, and the first four
    pub(super) after: usize,
    pub(super) words: Vec<Span>,
    /// whether one of `words` is a word of a body ("Ministry", "Police"...)
    pub(super) bodyish: bool,
    /// the words of an untitled run, while there are at most four and none is a body's
    pub(super) plain: Vec<Span>,
    /// whether the untitled run has more than four words or a body's word
    pub(super) plain_spoilt: bool,
    pub(super) out: Vec<NamedPerson>,
}

impl PeopleScan {
    /// The next capitalised word of `text`.
    pub(super) fn word(&mut self, text: &str, w: &NameWord, lex: &Lexicons) {
        if w.after_break && self.run_start.is_some() {
            self.end_run(text, lex);
        }
        self.run_start.get_or_insert(w.span.start);
        if !self.titled && !w.title {
            if w.bodyish || self.plain.len() == 4 {
                self.plain_spoilt = true;
            } else {
                self.plain.push(w.span);
            }
        }
        if w.title {
            // the name: the words after the last title in the run
            self.titled = true;
            self.after = 0;
            self.words.clear();
            self.bodyish = false;
        } else if self.titled {
            self.after += 1;
            if self.words.len() < 4 {
                self.words.push(w.span);
                self.bodyish = self.bodyish || w.bodyish;
            }
        }
    }

    /// The people named in all the words scanned.
    pub(super) fn finish(mut self, text: &str, lex: &Lexicons) -> Vec<NamedPerson> {
        if self.run_start.is_some() {
            self.end_run(text, lex);
        }
        self.out
    }

    pub(super) fn end_run(&mut self, text: &str, lex: &Lexicons) {
        // an untitled run of two or three words from a given name on, none a body's ("Jane
        // Roe"): a person, of the name's gender, when the name is salient: it opens a
        // sentence or stands between commas ("Another voice actor, Lauren Landa, would"), not
        // "the campaigns of Ron Paul"
        if !self.titled && !self.plain_spoilt {
            let from = (self.plain.iter())
                .position(|w| with_lower(w.slice(text), |l| lex.given_names.contains_key(l)));
            if let Some(from) = from
                && (2..=3).contains(&(self.plain.len() - from))
                && salient(text, self.plain[from], self.plain[self.plain.len() - 1])
            {
                let (a, b) = (self.plain[from], self.plain[self.plain.len() - 1]);
                let name = &text[a.start..b.end];
                self.out.push(NamedPerson {
                    pos: a.start,
                    name: name.to_string(),
                    female: with_lower(a.slice(text), |l| lex.given_names.get(l).copied()),
                    titled: false,
                });
            }
        }
        self.plain.clear();
        self.plain_spoilt = false;
        let words = &self.words[..];
        // only where a title shows that the words name a person ("Ms. Harriet Sacoolas", "Prime
        // Minister Boris Johnson"; "Human Rights" and "United States" are no one)
        if self.titled && (2..=3).contains(&self.after) && !self.bodyish {
            let run_start = self.run_start.unwrap_or(words[0].start);
            let prefix = text.get(run_start..words[0].start).unwrap_or("");
            let name = text[words[0].start..words[words.len() - 1].end].to_string();
            self.out.push(NamedPerson {
                pos: words[0].start,
                name,
                female: title_gender(prefix),
                titled: true,
            });
        }
        self.run_start = None;
        self.titled = false;
        self.after = 0;
        self.words.clear();
        self.bodyish = false;
    }
}

/// Whether the name from word `a` to word `b` opens a sentence (or the text), stands between
/// commas (an appositive) or opens a reported clause: the places of a subject, salient for a
/// later he or she.
fn salient(text: &str, a: Span, b: Span) -> bool {
    let before = text[..a.start].trim_end();
    let after = text[b.end..].trim_start();
    // ("Police said John Smith died", "reported that Jane Roe had left": the subject of a
    // reported clause)
    if before.ends_with(" said") || before.ends_with(" says") || before.ends_with(" that") {
        return true;
    }
    match before.chars().next_back() {
        None => true,
        Some('.' | '!' | '?' | ':' | '"' | '\u{201c}' | '\u{201d}') => true,
        Some(',') => after.starts_with(','),
        Some(_) => false,
    }
}

/// The gender a title before a name tells: Some(true) for "Ms.", "Queen"; Some(false) for
/// "Mr.", "King"; None otherwise.
pub(super) fn title_gender(prefix: &str) -> Option<bool> {
    prefix
        .split_whitespace()
        .rev()
        .find_map(|w| match w.to_lowercase().trim_end_matches('.') {
            "ms" | "mrs" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess"
            | "duchess" => Some(true),
            "mr" | "sir" | "lord" | "king" | "prince" | "duke" => Some(false),
            _ => None,
        })
}

/// The gender an appositive after a name tells ("Hatice Cengiz, fiancée of journalist Jamal
/// Khashoggi"): its words before "of"/"to"/"for", the nouns of kinship and the gendered roles.
pub(super) fn appositive_gender(suffix: &str) -> Option<bool> {
    suffix
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take_while(|w| !matches!(*w, "of" | "to" | "for" | "who" | "at"))
        .take(4)
        .find_map(|w| match w.to_lowercase().as_str() {
            "fiancée" | "wife" | "widow" | "mother" | "daughter" | "sister" | "girlfriend"
            | "actress" | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman"
            | "grandmother" | "aunt" | "niece" => Some(true),
            "fiancé" | "husband" | "widower" | "father" | "son" | "brother" | "boyfriend"
            | "actor" | "spokesman" | "congressman" | "businessman" | "grandfather" | "uncle"
            | "nephew" => Some(false),
            _ => None,
        })
}

/// The gender a person's given name tells (`given-names`): the first word of `name` ("Tom
/// Hegel": he), None when the list does not have it or the name has one word.
pub(super) fn given_gender(name: &str, lex: &Lexicons) -> Option<bool> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    with_lower(first, |l| lex.given_names.get(l).copied())
}
