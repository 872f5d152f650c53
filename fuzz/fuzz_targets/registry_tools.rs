//! The registry tools on any text: `registry validate` never panics, gives every problem a line
//! that exists, and finds an error exactly when the loader refuses the file; `import-ratings`
//! never panics, and on a registry that loads writes one that loads with every row the newsroom
//! rated itself unchanged; a report line that is not a report is an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::Registry;
use whosaid::collection::parse_report_line;
use whosaid::registry::ratings::{Cuts, Ratings, import};
use whosaid::registry::validate::{Level, Options, validate};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(body) else {
        return;
    };
    match sel % 3 {
        0 => {
            let opts = Options {
                today: 20_000,
                max_age_days: Some(365),
            };
            let problems = validate("fuzz.csv", s, &opts);
            // lines end at LF, CRLF or a lone CR, as the csv reader ends records
            let lines = s.replace("\r\n", "\n").matches(['\n', '\r']).count().max(1) + 1;
            for p in &problems {
                assert!(p.line >= 1 && p.line <= lines, "line {}: {}", p.line, p.msg);
                assert!(!p.msg.is_empty());
            }
            let errors = problems.iter().any(|p| p.level == Level::Error);
            let loads = Registry::from_csv("fuzz.csv", s).is_ok();
            assert_eq!(errors, !loads, "validate and the loader disagree: {problems:?}");
        }
        1 => {
            let (reg, ratings) = s.split_once('\0').unwrap_or((s, "domain,score\n"));
            let Ok(table) = Ratings::read("r.csv", ratings, "domain", "score") else {
                return;
            };
            let Ok(out) = import("fuzz.csv", reg, &table, &Cuts::default(), "fuzz") else {
                return;
            };
            let before = Registry::from_csv("fuzz.csv", reg).expect("import accepted it");
            let after = Registry::from_csv("fuzz.csv", &out.text).expect("import's output loads");
            assert_eq!(before.len(), after.len());
            for e in before.entries() {
                let own = e.credibility.is_some()
                    && before.extra(&e.id, "rating_source").is_none();
                if own {
                    let a = after.get(&e.id).expect("row kept");
                    assert_eq!(a.credibility, e.credibility, "{}", e.id);
                    assert_eq!(a.name, e.name);
                }
            }
        }
        _ => {
            let _ = parse_report_line("fuzz.jsonl", 1, body);
        }
    }
});
