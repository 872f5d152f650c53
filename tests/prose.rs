//! Prose text in reports (issue 16, item 7): the seed article as plain text, Markdown and HTML
//! (fixtures/seed/npo-mash.{txt,md,html}: the same prose, with emphasis, links, entities, a
//! soft line break and inline code in the markup) gives the same `text` for every span kind,
//! while each span still points at the bytes of its own original.

mod common;

use serde_json::Value;

const VARIANTS: [&str; 3] = [
    "fixtures/seed/npo-mash.txt",
    "fixtures/seed/npo-mash.md",
    "fixtures/seed/npo-mash.html",
];

/// The one document of a `whosaid check FILE --format FORMAT` run.
fn report(file: &str, format: &str) -> Value {
    let out = common::whosaid(
        &["check", file, "--format", format, "--fail-on", "never"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    match format {
        "json" => v["documents"][0].clone(),
        _ => v,
    }
}

fn texts<'a>(items: impl Iterator<Item = &'a Value>) -> Vec<String> {
    items
        .map(|t| t["text"].as_str().expect("text").to_string())
        .collect()
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], |a| a.as_slice())
}

/// Every span kind's texts, in report order: claims, contents, cues, attribution sources,
/// mentions, and the findings (rule and message, which quote mentions and cues).
fn span_texts(doc: &Value) -> Vec<(&'static str, Vec<String>)> {
    let atts = list(&doc["attributions"]);
    let findings = list(&doc["findings"])
        .iter()
        .map(|f| format!("{}: {}", f["rule"], f["message"]))
        .collect();
    vec![
        ("claims", texts(list(&doc["claims"]).iter())),
        (
            "contents",
            texts(
                atts.iter()
                    .filter(|a| !a["content"].is_null())
                    .map(|a| &a["content"]),
            ),
        ),
        ("cues", texts(atts.iter().map(|a| &a["cue"]))),
        (
            "attribution sources",
            texts(atts.iter().flat_map(|a| list(&a["sources"]))),
        ),
        (
            "mentions",
            texts(
                list(&doc["sources"])
                    .iter()
                    .flat_map(|s| list(&s["mentions"])),
            ),
        ),
        ("findings", findings),
    ]
}

#[test]
fn markdown_and_html_text_equals_the_plain_text_variant() {
    for format in ["json", "jsonl"] {
        let plain = span_texts(&report(VARIANTS[0], format));
        for (kind, texts) in &plain {
            assert!(!texts.is_empty(), "the seed has {kind}");
        }
        for file in &VARIANTS[1..] {
            let other = span_texts(&report(file, format));
            for ((kind, want), (_, got)) in plain.iter().zip(&other) {
                assert_eq!(
                    got.len(),
                    want.len(),
                    "{file} --format {format}: number of {kind}"
                );
                for (w, g) in want.iter().zip(got) {
                    assert_eq!(g, w, "{file} --format {format}: {kind}");
                }
            }
        }
    }
}

#[test]
fn spans_still_point_at_the_markup() {
    for file in &VARIANTS[1..] {
        let doc = report(file, "json");
        let raw = String::from_utf8(common::fixture(file)).unwrap();
        let mut marked = 0;
        for c in list(&doc["claims"]) {
            let text = c["text"].as_str().unwrap();
            let (s, e) = (
                c["span"]["start"].as_u64().unwrap() as usize,
                c["span"]["end"].as_u64().unwrap() as usize,
            );
            let original = &raw[s..e];
            for bad in ["*", "](", "&rsquo;", "<em>", "<a ", "\n"] {
                assert!(!text.contains(bad), "{file}: {bad:?} in {text:?}");
            }
            if original != text {
                marked += 1;
                // the same words, the markup around them in the original
                let first = text.split_whitespace().next().unwrap();
                assert!(original.contains(first), "{original:?} / {text:?}");
            }
        }
        assert!(marked >= 4, "{file}: claims with markup in their span");
    }
}
