//! The workspace's configuration for the language server: the nearest `whosaid.toml` from the
//! workspace root upward, read by the command line's own [`crate::config`] module, so that the
//! editor checks with the same registry, rules, disabled rules, severities, thresholds and
//! article kinds as `whosaid check`. It is read again whenever the file, the registry or the
//! rules change ([`stamp`]).

pub use crate::config::{Config, FILE_NAME, find};
use crate::error::Error;
use std::path::Path;
use std::time::SystemTime;

/// Read the configuration file `path` as `whosaid check --config path` does.
pub fn read(path: &Path) -> Result<Config, Error> {
    Config::load(path)
}

/// What the configuration depends on, to tell when to read it again: the modification times of
/// the configuration file, the registry, the rules directory and the files in it.
pub fn stamp(file: Option<&Path>, config: &Config) -> Vec<Option<SystemTime>> {
    let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let mut out = vec![file.and_then(mtime)];
    out.push(config.registry.as_deref().and_then(mtime));
    if let Some(dir) = &config.rules {
        out.push(mtime(dir));
        for sub in ["", "checks", "lexicon", "patterns"] {
            if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
                let mut times: Vec<_> = rd.flatten().map(|e| mtime(&e.path())).collect();
                times.sort();
                out.extend(times);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_relative_to_the_file_found_upward() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(
            &file,
            "registry = \"data/reg.csv\"\nrules = \"rules\"\nfail-on = \"warning\"\ndisable = [\"loaded-verb\"]\n",
        )
        .unwrap();
        assert_eq!(find(&sub), Some(file.clone()));
        let c = read(&file).unwrap();
        assert_eq!(c.registry, Some(dir.path().join("data/reg.csv")));
        assert_eq!(c.rules, Some(dir.path().join("rules")));
        let mut rules = crate::Ruleset::embedded();
        c.apply(&mut rules).unwrap();
        assert!(!rules.rules["loaded-verb"].enabled);
    }

    #[test]
    fn errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, "# c\nregistry = 3\n").unwrap();
        let e = read(&file).unwrap_err().to_string();
        assert!(e.contains("whosaid.toml:2"), "{e}");
        std::fs::write(&file, "\n\nregistry = \n").unwrap();
        let e = read(&file).unwrap_err().to_string();
        assert!(e.contains("whosaid.toml:3"), "{e}");
        // a key only the command line had before is checked here too
        std::fs::write(&file, "\ndisabel = [\"x\"]\n").unwrap();
        let e = read(&file).unwrap_err().to_string();
        assert!(e.contains("whosaid.toml:2") && e.contains("disabel"), "{e}");
    }
}
