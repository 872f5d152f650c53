//! Rule loading: the bytes, as a rule file (checks/*.toml), a lexicon (lexicon/*.txt) or a
//! pattern list (patterns/*.txt) in a --rules directory, never make `Ruleset::with_overrides`
//! panic; an error names the file; rules that load can check an article without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use whosaid::input::parse_text;
use whosaid::ruleset::{EMBEDDED_CHECKS, EMBEDDED_LEXICONS, EMBEDDED_PATTERNS};
use whosaid::{Checker, Error, Ruleset, report};

#[path = "invariants.rs"]
mod invariants;

const ARTICLE: &str = "“We will not comment,” said Maria Lopez, a spokeswoman for Acme Corp.\n\n\
The company fired 400 workers in 2023, according to Reuters. Officials said the plant \
would close. “It is over,” she said. A source familiar with the matter claimed otherwise.";

/// A directory of this process's own (left behind at exit; it lives under the temp dir).
fn root() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    // The selector byte picks the directory and the file name (an embedded name, so that the
    // file layers over the defaults, or a new one).
    let (sub, names): (&str, &[(&str, &str)]) = match sel % 3 {
        0 => ("checks", EMBEDDED_CHECKS),
        1 => ("lexicon", EMBEDDED_LEXICONS),
        _ => ("patterns", EMBEDDED_PATTERNS),
    };
    let pick = (sel / 3) as usize;
    let name = match names.get(pick) {
        Some((n, _)) => n.to_string(),
        None if sub == "checks" => "new.toml".to_string(),
        None => "new.txt".to_string(),
    };
    let dir = root().join("rules");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(sub)).unwrap();
    let file = dir.join(sub).join(&name);
    std::fs::write(&file, body).unwrap();
    match Ruleset::with_overrides(&dir) {
        Ok(rs) => {
            let checker = Checker::new(rs, None);
            let analysis = checker.check(parse_text("fuzz.txt", ARTICLE.to_string()));
            let rep = report::build(&analysis, 0);
            invariants::check_report(ARTICLE, &rep, true);
            report::text::render_document(&rep, ARTICLE, Default::default());
        }
        Err(e @ (Error::Rule { .. } | Error::Utf8 { .. })) => {
            let msg = e.to_string();
            assert!(msg.starts_with(&file.display().to_string()), "{msg}");
        }
        Err(e) => panic!("unexpected error kind: {e}"),
    }
});
