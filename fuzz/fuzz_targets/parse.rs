//! The input readers: plain text, Markdown, HTML and JSON Lines never panic, and every block and
//! offset-map piece they produce is in bounds and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::input::{Format, JsonlReader, parse_html, parse_markdown, parse_text};

#[path = "invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    for doc in JsonlReader::new("fuzz.jsonl", data, Format::Markdown).flatten() {
        invariants::check_doc(&doc);
    }
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for doc in [
        parse_text("fuzz.txt", s.to_string()),
        parse_markdown("fuzz.md", s.to_string()),
        parse_html("fuzz.html", s.to_string()),
    ] {
        assert_eq!(doc.raw, s);
        invariants::check_doc(&doc);
    }
});
