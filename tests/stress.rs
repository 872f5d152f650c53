//! Deterministic robustness runs through the library, for CI (the cargo-fuzz targets in fuzz/
//! need nightly): a fixed-seed xorshift mutates the fixtures into a few thousand documents and
//! each goes through every stage and both report formats; and every input in
//! tests/bad_input/fuzz/ (crashes the fuzzers once found) is replayed. See docs/security.md.

use std::path::Path;
use whosaid::input::{Format, JsonlReader, SourceDoc, parse};
use whosaid::report::text::TextOptions;
use whosaid::{Checker, Registry, Ruleset, report};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that matter to the parsers and the extractor, spliced in by the mutator.
const TOKENS: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{ab}",
    "\u{bb}",
    " said",
    " says ",
    " told ",
    "according to ",
    "officials",
    "Reuters",
    "Tom Hegel",
    "Mr. ",
    "he",
    "she",
    "the former",
    ". ",
    ", ",
    "? ",
    "\n",
    "\n\n",
    "\r\n",
    "\u{feff}",
    "---\n",
    "```",
    "    ",
    "# ",
    "> ",
    "- ",
    "|",
    "\\",
    "*",
    "_",
    "`",
    "[a](b)",
    "<!--",
    "-->",
    "<p>",
    "</p>",
    "<br>",
    "<h1>",
    "<script>",
    "</script>",
    "&amp;",
    "&quot;",
    "&#8220;",
    "&#x201D;",
    "&nbsp;",
    "&",
    ";",
    "<",
    ">",
    "\u{2028}",
    "\u{202e}",
    "\u{1b}[",
    "\0",
    "\u{301}",
    "\u{1f600}",
    "\u{fffd}",
    "é",
];

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut s: Vec<char> = base.chars().collect();
    // keep documents small: a window of the fixture
    if s.len() > 700 {
        let start = rng.below(s.len() - 700);
        s = s[start..start + 100 + rng.below(600)].to_vec();
    }
    for _ in 0..1 + rng.below(12) {
        let at = rng.below(s.len() + 1);
        match rng.below(6) {
            0 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                s.splice(at..at, t.chars());
            }
            1 if !s.is_empty() => {
                let end = (at + 1 + rng.below(20)).min(s.len());
                s.drain(at.min(end)..end);
            }
            2 if !s.is_empty() => {
                let end = (at + 1 + rng.below(40)).min(s.len());
                let piece: Vec<char> = s[at.min(end)..end].to_vec();
                let to = rng.below(s.len() + 1);
                s.splice(to..to, piece);
            }
            3 => {
                let c = char::from_u32(rng.below(0x3000) as u32).unwrap_or('x');
                s.insert(at, c);
            }
            // no sentence marks: paragraphs end on any word (a cue, a name, a quantity)
            4 => s.retain(|c| !matches!(c, '.' | '!' | '?')),
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let n = 1 + rng.below(30);
                s.splice(at..at, t.repeat(n).chars().collect::<Vec<_>>());
            }
        }
    }
    s.into_iter().collect()
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn seed_registry() -> Registry {
    Registry::from_csv("registry.csv", &fixture("fixtures/seed/registry.csv")).unwrap()
}

fn in_raw(raw: &str, s: &report::SpanReport, what: &str) {
    assert!(
        s.start <= s.end
            && s.end <= raw.len()
            && raw.is_char_boundary(s.start)
            && raw.is_char_boundary(s.end),
        "{what} span {s:?} outside the document or off a char boundary"
    );
}

/// Every stage and both reports, with the invariants the fuzz target `check` asserts.
fn check_one(checker: &Checker, doc: SourceDoc) {
    let raw = doc.raw.clone();
    for b in &doc.blocks {
        assert!(b.span.end <= doc.text.len() && doc.text.is_char_boundary(b.span.start));
        assert!(doc.text.is_char_boundary(b.span.end));
    }
    let analysis = checker.check(doc);
    let all: Vec<usize> = (0..analysis.sources.len()).collect();
    let independent = checker.independent(&analysis, &all);
    let rep = report::build(&analysis, independent);
    for f in &rep.findings {
        in_raw(&raw, &f.span, "finding");
    }
    for c in &rep.claims {
        in_raw(&raw, &c.span, "claim");
    }
    for a in &rep.attributions {
        in_raw(&raw, &a.cue.span, "cue");
    }
    let line = report::json::render_line(&rep);
    let _: serde_json::Value = serde_json::from_str(&line).expect("JSON report parses");
    // the line written straight from the analysis is the report's, byte for byte
    assert_eq!(
        report::json::render_analysis_line(&analysis, independent),
        line
    );
    let text = report::text::render_document(&rep, &raw, TextOptions { color: false });
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn mutated_fixtures_never_panic() {
    let bases = [
        fixture("fixtures/seed/npo-mash.txt"),
        fixture("fixtures/input/article.md"),
        fixture("fixtures/input/article.html"),
    ];
    let checkers = [
        Checker::new(Ruleset::embedded(), None),
        Checker::new(Ruleset::embedded(), Some(seed_registry())),
    ];
    let mut rng = Rng(0x005e_ed0f_0b5e_55ed);
    // 1,500 documents keep this under a minute in a debug build; raise N locally for more.
    let n: usize = std::env::var("WHOSAID_STRESS_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    for i in 0..n {
        let base = &bases[rng.below(bases.len())];
        let text = mutate(&mut rng, base);
        let format = [Format::Text, Format::Markdown, Format::Html][rng.below(3)];
        let checker = &checkers[rng.below(2)];
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_one(checker, parse("stress", text.clone(), format))
        }));
        assert!(
            result.is_ok(),
            "document {i} ({format:?}) broke the check; add it to tests/bad_input/fuzz/check/: {text:?}"
        );
    }
}

/// Replay tests/bad_input/fuzz/<target>/* through the steps of fuzz/fuzz_targets/<target>.rs.
#[test]
fn replay_fuzz_regressions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input/fuzz");
    let checkers = [
        Checker::new(Ruleset::embedded(), None),
        Checker::new(Ruleset::embedded(), Some(seed_registry())),
    ];
    let Ok(targets) = std::fs::read_dir(&root) else {
        return;
    };
    for t in targets.flatten() {
        let target = t.file_name().to_string_lossy().to_string();
        for f in std::fs::read_dir(t.path()).unwrap().flatten() {
            let data = std::fs::read(f.path()).unwrap();
            match target.as_str() {
                "check" => {
                    let Some((&sel, body)) = data.split_first() else {
                        continue;
                    };
                    let Ok(text) = std::str::from_utf8(body) else {
                        continue;
                    };
                    let format = [Format::Text, Format::Markdown, Format::Html][sel as usize % 3];
                    let checker = &checkers[usize::from(sel & 4 != 0)];
                    check_one(checker, parse("fuzz", text.to_string(), format));
                }
                "parse" => {
                    for doc in JsonlReader::new("f.jsonl", &data[..], Format::Markdown).flatten() {
                        check_one(&checkers[0], doc);
                    }
                    if let Ok(s) = std::str::from_utf8(&data) {
                        for format in [Format::Text, Format::Markdown, Format::Html] {
                            check_one(&checkers[0], parse("fuzz", s.to_string(), format));
                        }
                    }
                }
                "registry" => {
                    if let Ok(s) = std::str::from_utf8(&data) {
                        let _ = Registry::from_csv("fuzz.csv", s);
                    }
                }
                "rules" => {
                    use whosaid::ruleset::{EMBEDDED_CHECKS, EMBEDDED_LEXICONS, EMBEDDED_PATTERNS};
                    let Some((&sel, body)) = data.split_first() else {
                        continue;
                    };
                    let (sub, names): (&str, &[(&str, &str)]) = match sel % 3 {
                        0 => ("checks", EMBEDDED_CHECKS),
                        1 => ("lexicon", EMBEDDED_LEXICONS),
                        _ => ("patterns", EMBEDDED_PATTERNS),
                    };
                    let name = match names.get(usize::from(sel / 3)) {
                        Some((n, _)) => n.to_string(),
                        None if sub == "checks" => "new.toml".to_string(),
                        None => "new.txt".to_string(),
                    };
                    let dir = tempfile::tempdir().unwrap();
                    std::fs::create_dir(dir.path().join(sub)).unwrap();
                    std::fs::write(dir.path().join(sub).join(name), body).unwrap();
                    if let Ok(rs) = Ruleset::with_overrides(dir.path()) {
                        let article = fixture("fixtures/seed/npo-mash.txt");
                        check_one(&Checker::new(rs, None), parse("f", article, Format::Text));
                    }
                }
                other => panic!("no replay for fuzz target {other}"),
            }
        }
    }
}

/// Every paragraph of the Wikinews fixtures and the seed, cut after each of its words, goes
/// through every stage: a pattern that looks a token past a comma, quotation mark or cue must
/// not read past a paragraph that ends there ("Responding to change over following a plan,"
/// once read one token past the end).
#[test]
fn every_paragraph_cut_after_any_word_never_panics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = vec![fixture("fixtures/seed/npo-mash.txt")];
    for f in std::fs::read_dir(root.join("fixtures/wikinews"))
        .unwrap()
        .flatten()
    {
        if f.path().extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(f.path()).unwrap());
        }
    }
    texts.push("Responding to change over following a plan, we said".to_string());
    let checker = Checker::new(Ruleset::embedded(), None);
    let mut cuts = 0;
    for text in &texts {
        for para in text.split("\n\n") {
            for (i, _) in para.match_indices(' ').chain([(para.len(), "")]) {
                let piece = &para[..i];
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    check_one(&checker, parse("cut", piece.to_string(), Format::Text))
                }));
                assert!(
                    result.is_ok(),
                    "the cut paragraph {piece:?} broke the check"
                );
                cuts += 1;
            }
        }
    }
    assert!(cuts > 1000, "only {cuts} cuts: the fixtures are missing");
}
