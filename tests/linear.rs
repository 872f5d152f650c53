//! Issue 13: the shapes of input that were quadratic are linear. Each shape is run at a size and
//! at four times that size, in this process (the library as `cargo test` builds it: debug by
//! default, release with `--release`), and the larger may cost at most 8 times the smaller; a
//! quadratic stage costs 16 times, a linear one 4. This is a ratio within one run, not a timed
//! test: each figure is the fastest of four runs, small and large interleaved, so that a busy
//! machine slows both alike. `scripts/bench.sh` prints the same shapes' time per byte against
//! the archive's.
//!
//! One long sentence of repeated cues whose contents run to the sentence's end ("he said that
//! he said that ...") would make a report of the square of its length; contents are cut at
//! `whosaid::model::MAX_CONTENT_BYTES` and marked `truncated` (a test below), which keeps it
//! linear.

use std::time::{Duration, Instant};
use whosaid::input::{Format, parse};
use whosaid::{Checker, Registry, Ruleset};

/// The larger input may cost at most this many times the smaller (it is 4 times as large).
const MAX_RATIO: f64 = 8.0;

/// The fastest of two runs of `f`.
fn fastest(f: &mut dyn FnMut()) -> Duration {
    (0..2)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("two runs")
}

/// Run `make(size)` through `run` at `small` and 4 x `small` bytes and check the ratio.
fn assert_linear(name: &str, small: usize, make: fn(usize) -> String, run: fn(&str)) {
    let (a, b) = (make(small), make(4 * small));
    assert!(
        b.len() >= 3 * a.len(),
        "{name}: inputs of {} and {} bytes",
        a.len(),
        b.len()
    );
    // (one shape timed at a time: the test harness runs the tests of this file on parallel
    // threads, and two timings on two busy cores measure each other)
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    run(&a); // warm up (lexicons, allocator)
    let mut small_t = Duration::MAX;
    let mut large_t = Duration::MAX;
    for _ in 0..2 {
        small_t = small_t.min(fastest(&mut || run(&a)));
        large_t = large_t.min(fastest(&mut || run(&b)));
    }
    let ratio = large_t.as_secs_f64() / small_t.as_secs_f64().max(1e-6);
    eprintln!(
        "{name}: {} bytes {:.3} s, {} bytes {:.3} s: {ratio:.1}x",
        a.len(),
        small_t.as_secs_f64(),
        b.len(),
        large_t.as_secs_f64()
    );
    assert!(
        ratio <= MAX_RATIO,
        "{name}: 4 times the input cost {ratio:.1} times the time ({small_t:?} -> {large_t:?})"
    );
}

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()))
}

fn check_text(text: &str) {
    thread_local! {
        static CHECKER: Checker = Checker::new(Ruleset::embedded(), None);
    }
    CHECKER.with(|c| {
        let a = c.check(parse("shape.txt", text.to_string(), Format::Text));
        assert!(!a.attributions.is_empty());
    });
}

/// A surname of letters only, different for each `i`.
fn surname(mut i: usize) -> String {
    let mut s = String::from("B");
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            return s;
        }
    }
}

#[test]
fn unresolved_pronouns_in_one_paragraph() {
    assert_linear(
        "'Yes, he said. ' x N",
        100_000,
        |n| repeat_to("Yes, he said. ", n),
        check_text,
    );
}

#[test]
fn unresolved_pronouns_in_paragraphs_of_their_own() {
    assert_linear(
        "'Yes, she said.\\n\\n' x N",
        100_000,
        |n| repeat_to("Yes, she said.\n\n", n),
        check_text,
    );
}

#[test]
fn pronouns_among_many_people() {
    // every "it" passes over all the people named before it, if sources are scanned
    assert_linear(
        "'Ann B... said so. It said no. ' x N",
        100_000,
        |n| {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < n {
                s.push_str(&format!(
                    "Ann {} said so. It said no. They said it. ",
                    surname(i)
                ));
                i += 1;
            }
            s
        },
        check_text,
    );
}

#[test]
fn one_sentence_of_he_said_that() {
    assert_linear(
        "'he said that ' x N",
        25_000,
        |n| repeat_to("he said that ", n),
        check_text,
    );
}

#[test]
fn one_sentence_of_who_said_x_and() {
    assert_linear(
        "'who said x and ' x N",
        25_000,
        |n| repeat_to("who said x and ", n),
        check_text,
    );
}

#[test]
fn one_sentence_of_according_to_x() {
    assert_linear(
        "'according to x ' x N",
        50_000,
        |n| repeat_to("according to x ", n),
        check_text,
    );
}

/// One sentence of `said x` after quotation marks of every kind, opening and closing, in a
/// fixed-seed random order (the 3.25 MB case did not finish in 200 s).
fn mixed_quotes(n: usize) -> String {
    const PIECES: [&str; 7] = [
        "said x ",
        "\u{201c} said x ",
        "\u{201d} said x ",
        "\" said x ",
        "\u{2018}said x ",
        "\u{2019} said x ",
        "\u{ab} said x ",
    ];
    let mut x = 0x853c_49e6_748f_ea9b_u64;
    let mut s = String::new();
    while s.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(PIECES[(x % 7) as usize]);
    }
    s
}

#[test]
fn one_sentence_of_mixed_quotation_marks_and_said_x() {
    assert_linear(
        "mixed quotation marks and 'said x' x N",
        50_000,
        mixed_quotes,
        check_text,
    );
}

/// In "he said that he said that ...", each content would run to the sentence's end: it is
/// cut at the cap, marked `truncated`, and counted in the report's stats (the same in the
/// line writer's JSON and serde's).
#[test]
fn contents_past_the_cap_are_cut_marked_and_counted() {
    use whosaid::model::MAX_CONTENT_BYTES;
    let text = repeat_to("he said that ", 4 * MAX_CONTENT_BYTES);
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(parse("t.txt", text, Format::Text));
    let cut = (a.attributions.iter())
        .filter(|at| at.content.as_ref().is_some_and(|c| c.truncated))
        .count();
    assert!(cut > 500, "{cut} of {} cut", a.attributions.len());
    assert!(
        a.attributions
            .iter()
            .all(|at| { (at.content.as_ref()).is_none_or(|c| c.span.len() <= MAX_CONTENT_BYTES) })
    );
    let line = whosaid::report::json::render_analysis_line(&a, 1);
    let serde = whosaid::report::json::render_line(&whosaid::report::build(&a, 1));
    assert!(line == serde, "the line writer and serde differ");
    let v: serde_json::Value = serde_json::from_str(&line).expect("JSON");
    assert_eq!(v["stats"]["truncated_contents"], cut);
    let marked = (v["attributions"].as_array().expect("attributions").iter())
        .filter(|at| at["content"]["truncated"] == true)
        .count();
    assert_eq!(marked, cut);
    // under the cap: no field at all
    let a = c.check(parse(
        "t.txt",
        "he said that it works.".into(),
        Format::Text,
    ));
    let line = whosaid::report::json::render_analysis_line(&a, 1);
    assert!(!line.contains("truncated"), "{line}");
}

fn load_registry(csv: &str) {
    let r = Registry::from_csv("shape.csv", csv).expect("the registry loads");
    assert_eq!(r.len(), 1);
}

#[test]
fn registry_with_many_aliases_in_a_row() {
    assert_linear(
        "registry row with N aliases",
        1_000_000,
        |n| {
            let mut aliases = Vec::new();
            let mut size = 0;
            while size < n {
                let a = format!("Alias {} Person", surname(aliases.len()));
                size += a.len() + 1;
                aliases.push(a);
            }
            format!(
                "id,name,kind,aliases\np1,Maria Lopez,person,\"{}\"\n",
                aliases.join("|")
            )
        },
        load_registry,
    );
}

#[test]
fn registry_with_many_header_columns() {
    assert_linear(
        "registry with N columns",
        1_000_000,
        |n| {
            let cols: Vec<String> = (0..n / 10).map(|i| format!("x{i}")).collect();
            format!(
                "id,name,kind,{}\np1,Maria Lopez,person,{}\n",
                cols.join(","),
                vec!["v"; cols.len()].join(",")
            )
        },
        load_registry,
    );
}

/// Links are sources: a page of thousands of linked claims, each to a site of its own, costs its
/// length (one link attribution and one source each).
#[test]
fn a_link_per_claim_on_one_page() {
    assert_linear(
        "'The plant lost power ([report](https://siteN.example/a)).\\n\\n' x N",
        100_000,
        |n| {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < n {
                s += &format!(
                    "The plant lost power for {i} hours ([report](https://{}.example/a)).\n\n",
                    surname(i).to_lowercase()
                );
                i += 1;
            }
            s
        },
        |text| {
            thread_local! {
                static CHECKER: Checker = Checker::new(Ruleset::embedded(), None);
            }
            CHECKER.with(|c| {
                let a = c.check(parse("shape.md", text.to_string(), Format::Markdown));
                assert_eq!(a.links.len(), a.attributions.len());
                assert_eq!(a.sources.len(), a.links.len());
            });
        },
    );
}
