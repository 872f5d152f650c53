//! The whole check: any article (plain text, Markdown or HTML, chosen by the first byte), with
//! or without the seed registry, goes through every stage, the JSON report parses back, every
//! span lies in the article on character boundaries, the JSON holds no raw DEL or C1 control,
//! and the text report has no control, bidi or invisible character (none that `sanitize` would
//! replace) but line breaks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use whosaid::input::{Format, parse};
use whosaid::report::text::TextOptions;
use whosaid::{Checker, Registry, Ruleset, report};

#[path = "invariants.rs"]
mod invariants;

fn checkers() -> &'static [Checker; 2] {
    static C: OnceLock<[Checker; 2]> = OnceLock::new();
    C.get_or_init(|| {
        let reg = Registry::from_csv(
            "registry.csv",
            include_str!("../../fixtures/seed/registry.csv"),
        )
        .expect("seed registry");
        [
            Checker::new(Ruleset::embedded(), None),
            Checker::new(Ruleset::embedded(), Some(reg)),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let format = match sel % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let checker = &checkers()[usize::from(sel & 4 != 0)];
    let doc = parse("fuzz", text.to_string(), format);
    invariants::check_doc(&doc);
    let analysis = checker.check(doc);
    let all: Vec<usize> = (0..analysis.sources.len()).collect();
    let independent = checker.independent(&analysis, &all);
    let rep = report::build(&analysis, independent);
    invariants::check_report(text, &rep, format == Format::Text);
    let line = report::json::render_line(&rep);
    assert_eq!(
        report::json::render_analysis_line(&analysis, independent),
        line,
        "the JSON line from the analysis is the report's"
    );
    assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
    assert!(
        !line.contains(|c: char| ('\u{7f}'..='\u{9f}').contains(&c)),
        "DEL or a C1 control left raw in the JSON line"
    );
    let v: serde_json::Value = serde_json::from_str(&line).expect("JSON report parses");
    assert_eq!(v["path"], "fuzz");
    let shown = report::text::render_document(&rep, text, TextOptions { color: false });
    assert!(
        !shown.chars().any(|c| (c.is_control() && c != '\n')
            || report::text::sanitize_char(c) != c && c != '\n'),
        "control, bidi or invisible character in the text report"
    );
});
