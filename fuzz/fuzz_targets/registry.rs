//! Registry loading never panics; an error names the file and a line that exists (lines end at
//! LF, CRLF or a lone CR); a loaded registry answers look-ups for any name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{Error, Registry};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match Registry::from_csv("fuzz.csv", s) {
        Ok(reg) => {
            let ids: Vec<String> = reg.entries().map(|e| e.id.clone()).collect();
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            reg.independent_groups(&refs);
            for e in reg.entries() {
                reg.lookup(&e.name);
                for a in &e.aliases {
                    reg.lookup(a);
                }
            }
            for line in s.lines().take(20) {
                reg.lookup(line);
                reg.suggest(line);
                reg.surname_candidates(line);
            }
        }
        Err(Error::Registry { path, line, msg }) => {
            assert_eq!(path, "fuzz.csv");
            // lines end at LF, CRLF or a lone CR, as the csv reader ends records
            let breaks = s.replace("\r\n", "\n").matches(['\n', '\r']).count();
            assert!(line >= 1 && line <= breaks + 1, "line {line}: {msg}");
        }
        Err(e) => panic!("unexpected error kind: {e}"),
    }
});
