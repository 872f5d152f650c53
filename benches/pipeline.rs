//! Benchmarks of each stage of the pipeline: `cargo bench` (or `cargo bench -- segment` for
//! one). Throughput is in bytes of article text.
//!
//! Inputs: the seed article, and Wikinews articles read at bench time from
//! ../shared/corpora/wikinews/wikinews_en_2019_2020.jsonl when it is there (the shortest, the
//! median and the longest article, and all of them); without it the Wikinews inputs fall back
//! to the seed article.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::path::Path;
use std::sync::OnceLock;
use whosaid::input::{SourceDoc, parse_text};
use whosaid::model::Analysis;
use whosaid::report::text::TextOptions;
use whosaid::{Checker, Ruleset, checks, claims, extract, quotes, report, resolve, segment};

fn main() {
    divan::main();
}

const INPUTS: &[&str] = &[
    "seed",
    "wikinews-short",
    "wikinews-median",
    "wikinews-long",
    "wikinews-all",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// (name, texts) of every input.
fn inputs() -> &'static Vec<(&'static str, Vec<String>)> {
    static INPUTS_: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    INPUTS_.get_or_init(|| {
        let seed = std::fs::read_to_string(root().join("fixtures/seed/npo-mash.txt"))
            .expect("fixtures/seed/npo-mash.txt");
        let corpus = root().join("../shared/corpora/wikinews/wikinews_en_2019_2020.jsonl");
        let mut articles: Vec<String> = std::fs::read_to_string(corpus)
            .map(|s| {
                s.lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| v["text"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if articles.is_empty() {
            articles.push(seed.clone());
        }
        let mut by_len = articles.clone();
        by_len.sort_by_key(String::len);
        vec![
            ("seed", vec![seed]),
            ("wikinews-short", vec![by_len[0].clone()]),
            ("wikinews-median", vec![by_len[by_len.len() / 2].clone()]),
            ("wikinews-long", vec![by_len[by_len.len() - 1].clone()]),
            ("wikinews-all", articles),
        ]
    })
}

fn texts(name: &str) -> &'static [String] {
    &inputs().iter().find(|(n, _)| *n == name).expect("input").1
}

fn docs(name: &str) -> Vec<SourceDoc> {
    texts(name)
        .iter()
        .enumerate()
        .map(|(i, t)| parse_text(&format!("{name}-{i}"), t.clone()))
        .collect()
}

fn bytes(name: &str) -> BytesCount {
    BytesCount::new(texts(name).iter().map(String::len).sum::<usize>())
}

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Ruleset::embedded(), None))
}

/// Documents analysed up to (not including) extraction.
fn segmented(name: &str) -> Vec<Analysis> {
    let lex = &checker().lex;
    docs(name)
        .into_iter()
        .map(|doc| Analysis {
            sentences: segment::sentences(&doc, lex),
            quotes: quotes::find_quotes(&doc),
            ..Analysis::new(doc)
        })
        .collect()
}

/// Documents with attributions extracted (sources not resolved yet).
fn extracted(name: &str) -> Vec<Analysis> {
    let lex = &checker().lex;
    let mut v = segmented(name);
    for a in &mut v {
        a.attributions = extract::extract_attributions(a, lex);
    }
    v
}

/// Documents through every stage.
fn checked(name: &str) -> Vec<Analysis> {
    docs(name).into_iter().map(|d| checker().check(d)).collect()
}

#[divan::bench(args = INPUTS)]
fn input_parse_text(b: Bencher, name: &str) {
    b.counter(bytes(name)).bench(|| {
        for t in texts(name) {
            black_box(parse_text("t", t.clone()));
        }
    });
}

#[divan::bench(args = INPUTS)]
fn segment(b: Bencher, name: &str) {
    let docs = docs(name);
    let lex = &checker().lex;
    b.counter(bytes(name)).bench(|| {
        for d in &docs {
            black_box(segment::sentences(d, lex));
        }
    });
}

#[divan::bench(args = INPUTS)]
fn quotes(b: Bencher, name: &str) {
    let docs = docs(name);
    b.counter(bytes(name)).bench(|| {
        for d in &docs {
            black_box(quotes::find_quotes(d));
        }
    });
}

#[divan::bench(args = INPUTS)]
fn tokenize(b: Bencher, name: &str) {
    let docs = docs(name);
    let ab = &checker().lex.abbreviations;
    b.counter(bytes(name)).bench(|| {
        for d in &docs {
            for block in &d.blocks {
                black_box(whosaid::token::tokenize(&d.text, block.span, ab));
            }
        }
    });
}

#[divan::bench(args = INPUTS)]
fn extract(b: Bencher, name: &str) {
    let v = segmented(name);
    let lex = &checker().lex;
    b.counter(bytes(name)).bench(|| {
        for a in &v {
            black_box(extract::extract_attributions(a, lex));
        }
    });
}

/// Extraction over one sentence of `n` cues ("said x said x ..."), at two sizes: extraction is
/// linear in a sentence's length when the larger costs about four times the smaller.
#[divan::bench(args = [10_000, 40_000])]
fn extract_long_sentence(b: Bencher, n: usize) {
    let text = "said x ".repeat(n);
    let lex = &checker().lex;
    let doc = parse_text("long", text.clone());
    let a = Analysis {
        sentences: segment::sentences(&doc, lex),
        quotes: quotes::find_quotes(&doc),
        ..Analysis::new(doc)
    };
    b.counter(BytesCount::new(text.len()))
        .bench(|| black_box(extract::extract_attributions(&a, lex)));
}

#[divan::bench(args = INPUTS)]
fn resolve(b: Bencher, name: &str) {
    let v = extracted(name);
    let lex = &checker().lex;
    b.counter(bytes(name))
        .with_inputs(|| v.clone())
        .bench_local_refs(|v| {
            for a in v.iter_mut() {
                black_box(resolve::resolve_sources(a, lex, None));
            }
        });
}

#[divan::bench(args = INPUTS)]
fn claims(b: Bencher, name: &str) {
    let v = checked(name);
    let c = checker();
    b.counter(bytes(name)).bench(|| {
        for a in &v {
            black_box(claims::find_claims(a, c));
        }
    });
}

#[divan::bench(args = INPUTS)]
fn checks(b: Bencher, name: &str) {
    let v = checked(name);
    let c = checker();
    // the unresolved mentions only feed one check; none here
    b.counter(bytes(name)).bench(|| {
        for a in &v {
            black_box(checks::run_checks(a, c, &[]));
        }
    });
}

/// Every stage: `Checker::check`.
#[divan::bench(args = INPUTS)]
fn check(b: Bencher, name: &str) {
    let c = checker();
    b.counter(bytes(name))
        .with_inputs(|| docs(name))
        .bench_local_values(|docs| {
            for d in docs {
                black_box(c.check(d));
            }
        });
}

#[divan::bench(args = INPUTS)]
fn report_build(b: Bencher, name: &str) {
    let v = checked(name);
    b.counter(bytes(name)).bench(|| {
        for a in &v {
            black_box(report::build(a, 0));
        }
    });
}

#[divan::bench(args = INPUTS)]
fn render_json_line(b: Bencher, name: &str) {
    let v = checked(name);
    b.counter(bytes(name)).bench(|| {
        for a in &v {
            black_box(report::json::render_analysis_line(a, 0));
        }
    });
}

#[divan::bench(args = INPUTS)]
fn render_text(b: Bencher, name: &str) {
    let v = checked(name);
    let reps: Vec<_> = v.iter().map(|a| report::build(a, 0)).collect();
    let opts = TextOptions { color: false };
    b.counter(bytes(name)).bench(|| {
        for (r, a) in reps.iter().zip(&v) {
            black_box(report::text::render_document(r, &a.doc.raw, opts));
        }
    });
}
