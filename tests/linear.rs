//! Issue 13: the shapes of input that were quadratic are linear. Each shape is run at a size and
//! at four times that size, in this process (the library as `cargo test` builds it: debug by
//! default, release with `--release`), and the larger may cost at most 8 times the smaller; a
//! quadratic stage costs 16 times, a linear one 4. This is a ratio within one run, not a timed
//! test: each figure is the fastest of four runs, small and large interleaved, so that a busy
//! machine slows both alike. `scripts/bench.sh` prints the same shapes' time per byte against
//! the archive's.
//!
//! The long sentence of mixed quotation marks and `said x` is not here: it is still quadratic
//! in extraction (see docs/security.md, known limits).

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
