//! The workspace's configuration for the language server: the nearest `whosaid.toml` from the
//! workspace root upward, of which only `registry` (a CSV path) and `rules` (a directory) are
//! read, both relative to the file. A small stand-in for the configuration module of the
//! command line; it is re-read whenever the file, the registry or the rules change.

use crate::error::Error;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The configuration file's name.
pub const FILE_NAME: &str = "whosaid.toml";

/// What the server takes from `whosaid.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it was read from, if any.
    pub file: Option<PathBuf>,
    /// The registry CSV, resolved against the file's directory.
    pub registry: Option<PathBuf>,
    /// The rules directory, resolved against the file's directory.
    pub rules: Option<PathBuf>,
}

/// The nearest `whosaid.toml` in `root` or a directory above it.
pub fn find(root: &Path) -> Option<PathBuf> {
    root.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Read `registry` and `rules` from the configuration file `path`; other keys are left to the
/// command line's configuration and ignored here.
pub fn read(path: &Path) -> Result<Config, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let value: toml::Table = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            1 + text[..s.start.min(text.len())].matches('\n').count()
        });
        Error::Input {
            path: path.display().to_string(),
            line,
            msg: e.message().to_string(),
        }
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let key = |k: &str| -> Result<Option<PathBuf>, Error> {
        match value.get(k) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(dir.join(s))),
            Some(_) => Err(Error::Input {
                path: path.display().to_string(),
                line: text
                    .lines()
                    .position(|l| l.trim_start().starts_with(k))
                    .map_or(1, |i| i + 1),
                msg: format!("`{k}` must be a string (a path relative to this file)"),
            }),
        }
    };
    Ok(Config {
        file: Some(path.to_path_buf()),
        registry: key("registry")?,
        rules: key("rules")?,
    })
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
            "registry = \"data/reg.csv\"\nrules = \"rules\"\nfail_on = \"warning\"\n",
        )
        .unwrap();
        assert_eq!(find(&sub), Some(file.clone()));
        let c = read(&file).unwrap();
        assert_eq!(c.registry, Some(dir.path().join("data/reg.csv")));
        assert_eq!(c.rules, Some(dir.path().join("rules")));
    }

    #[test]
    fn errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, "# c\nregistry = 3\n").unwrap();
        let e = read(&file).unwrap_err().to_string();
        assert!(
            e.contains("whosaid.toml:2") && e.contains("must be a string"),
            "{e}"
        );
        std::fs::write(&file, "\n\nregistry = \n").unwrap();
        let e = read(&file).unwrap_err().to_string();
        assert!(e.contains("whosaid.toml:3"), "{e}");
    }
}
