//! Changed lines: `--changed-since REV` keeps only the findings whose span touches a line
//! changed since a git revision, so a pull request shows its own problems and not the
//! archive's.
//!
//! The lines come from `git diff --unified=0 REV` (the work tree against REV: committed and
//! uncommitted changes alike) run as a subprocess in the current directory; files git does not
//! track yet (`git ls-files --others --exclude-standard`) count as changed throughout. A hunk
//! that only deletes lines touches the lines on either side of the deletion (taking a sentence
//! out can leave a claim with one source). A file not in the diff has no changed lines. When
//! git is missing, the directory is not a repository or REV is unknown, the error says so, with
//! git's own message.

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The changed lines of every changed file, by absolute path.
#[derive(Debug, Clone, Default)]
pub struct ChangedLines {
    files: HashMap<PathBuf, Lines>,
}

#[derive(Debug, Clone)]
enum Lines {
    /// A new (untracked) file: every line.
    All,
    /// Inclusive 1-based ranges of the new file.
    Ranges(Vec<(usize, usize)>),
}

fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| {
            Error::Usage(format!(
                "--changed-since: could not run git ({e}); is git installed and on PATH?"
            ))
        })?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Usage(format!(
            "--changed-since: `git {}` failed: {}",
            args.join(" "),
            msg.trim()
        )));
    }
    String::from_utf8(out.stdout).map_err(|_| {
        Error::Usage(format!(
            "--changed-since: `git {}` printed non-UTF-8",
            args.join(" ")
        ))
    })
}

impl ChangedLines {
    /// The lines changed since `rev` in the repository that holds `dir`.
    pub fn since(rev: &str, dir: &Path) -> Result<ChangedLines> {
        if rev.starts_with('-') {
            return Err(Error::Usage(format!(
                "--changed-since: {rev:?} is not a revision"
            )));
        }
        let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim_end());
        // a bad revision is named as such, not as a diff failure
        git(
            dir,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map_err(|_| {
            Error::Usage(format!(
                "--changed-since: {rev:?} is not a revision git knows"
            ))
        })?;
        let diff = git(
            &top,
            &[
                "diff",
                "--unified=0",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                rev,
                "--",
            ],
        )?;
        let mut c = ChangedLines::parse_diff(&top, &diff);
        let untracked = git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])?;
        for name in untracked.split('\0').filter(|s| !s.is_empty()) {
            c.files.insert(canonical(&top.join(name)), Lines::All);
        }
        Ok(c)
    }

    /// The changed lines of a `git diff --unified=0` output whose paths are relative to `top`.
    pub fn parse_diff(top: &Path, diff: &str) -> ChangedLines {
        let mut files: HashMap<PathBuf, Lines> = HashMap::new();
        let mut current: Option<PathBuf> = None;
        for line in diff.lines() {
            if let Some(name) = line.strip_prefix("+++ ") {
                current = (name != "/dev/null").then(|| {
                    let name = name.trim_matches('"');
                    let name = name.strip_prefix("b/").unwrap_or(name);
                    canonical(&top.join(name))
                });
                continue;
            }
            let (Some(path), Some(hunk)) = (&current, line.strip_prefix("@@ ")) else {
                continue;
            };
            // @@ -a,b +c,d @@
            let Some(new) = hunk.split_whitespace().find(|p| p.starts_with('+')) else {
                continue;
            };
            let mut parts = new[1..].split(',');
            let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
            let range = if count == 0 {
                (start.max(1), start + 1)
            } else {
                (start, start + count - 1)
            };
            if let Lines::Ranges(r) = files
                .entry(path.clone())
                .or_insert_with(|| Lines::Ranges(Vec::new()))
            {
                r.push(range);
            }
        }
        ChangedLines { files }
    }

    /// Whether lines `first..=last` of the file at `path` touch a changed line.
    pub fn touches(&self, path: &Path, first: usize, last: usize) -> bool {
        match self.files.get(&canonical(path)) {
            None => false,
            Some(Lines::All) => true,
            Some(Lines::Ranges(r)) => r.iter().any(|&(s, e)| first <= e && s <= last),
        }
    }

    /// How many files changed.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file changed.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// `p` made absolute and, when it exists, free of symbolic links (so a path from git and a
/// path from the command line compare equal).
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_side_ranges() {
        let top = Path::new("/nonexistent-repo");
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -3 +3 @@\n-x\n+y\n\
                    @@ -10,0 +11,2 @@\n+p\n+q\n@@ -20,2 +21,0 @@\n-r\n-s\n\
                    diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n";
        let c = ChangedLines::parse_diff(top, diff);
        let a = top.join("a.md");
        assert!(c.touches(&a, 3, 3));
        assert!(!c.touches(&a, 4, 10));
        assert!(c.touches(&a, 12, 12) && c.touches(&a, 5, 11));
        assert!(!c.touches(&a, 13, 20));
        // a deletion after line 21 touches lines 21 and 22
        assert!(c.touches(&a, 22, 30));
        assert!(!c.touches(&top.join("b.md"), 1, 100));
        assert_eq!(c.len(), 1);
    }
}
