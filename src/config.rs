//! `whosaid.toml`: a repository's settings for `whosaid check`, found in the current directory
//! or the nearest parent that has one (or named with `--config FILE`; `--no-config` ignores it).
//! Every key is documented, with its default, in docs/configuration.md (a test checks that
//! every key is there); `whosaid init` writes [`STARTER`].
//!
//! Paths in the file (`registry`, `rules`, `include`, `exclude`, `kinds.*.paths`) are relative
//! to the directory of the file, so a check run from a subdirectory finds the same registry.
//! An unknown key or a bad value is an [`Error::Config`] naming the file, the line and the key
//! (from toml's spans), never silently ignored: a misspelt `disabel` must not check everything.
//!
//! Article kinds (`[kinds.opinion]`, ...) say which documents are opinion columns, reviews,
//! obituaries or press releases (by path, or by a front-matter value of `categories`, `tags`,
//! `type` or `layout`) and which rules do not apply to them. The defaults are in
//! [`default_kinds`]; a `[kinds.NAME]` table replaces the default of that name.

use crate::error::{Error, Result};
use crate::model::Severity;
use crate::ruleset::Ruleset;
use indexmap::IndexMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name looked for.
pub const FILE_NAME: &str = "whosaid.toml";

/// The extensions a directory walk takes by default.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "html", "htm", "txt"];

/// File stems a directory walk skips by default (any case, any extension): repository
/// furniture, not articles.
pub const DEFAULT_SKIP_NAMES: &[&str] = &[
    "CHANGELOG",
    "CODE_OF_CONDUCT",
    "CONTRIBUTING",
    "LICENSE",
    "README",
];

/// When `whosaid check` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// On an error.
    Error,
    /// On a warning or worse.
    Warning,
    /// On any finding.
    Info,
    /// Never.
    Never,
}

impl FailOn {
    /// The least severity that fails the run, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A rule's parameters by name (with their places in the file).
type Params = IndexMap<Spanned<String>, f64>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    registry: Option<Spanned<String>>,
    rules: Option<Spanned<String>>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    extensions: Option<Vec<String>>,
    skip_names: Option<Vec<String>>,
    fail_on: Option<FailOn>,
    disable: Option<Vec<Spanned<String>>>,
    severity: Option<IndexMap<Spanned<String>, Severity>>,
    thresholds: Option<IndexMap<Spanned<String>, Params>>,
    kinds: Option<IndexMap<String, KindFile>>,
    docs_url: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct KindFile {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, rename = "type")]
    type_: Vec<String>,
    #[serde(default)]
    layout: Vec<String>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
}

/// An article kind: what marks a document as one, and the rules that do not apply to it.
#[derive(Debug, Clone)]
pub struct Kind {
    /// `opinion`, `review`...
    pub name: String,
    /// Globs of paths (relative to the config file's directory).
    paths: Option<globset::GlobSet>,
    /// Front-matter keys (`categories`, `tags`, `type`, `layout`) and the values (lower case)
    /// that mark the kind.
    pub values: Vec<(&'static str, Vec<String>)>,
    /// Rule ids that do not run on a document of this kind.
    pub disable: Vec<String>,
}

/// The settings of a run: the file's, with defaults for what it leaves out.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// The directory paths are relative to (the file's; the current directory without one).
    pub base: PathBuf,
    /// The source registry.
    pub registry: Option<PathBuf>,
    /// The rules directory.
    pub rules: Option<PathBuf>,
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
    /// Extensions a directory walk takes (lower case, without the dot).
    pub extensions: Vec<String>,
    /// File stems a directory walk skips (compared without case).
    pub skip_names: Vec<String>,
    /// `fail-on`, when the file sets it.
    pub fail_on: Option<FailOn>,
    /// Rule ids disabled, with the line they were named on.
    disable: Vec<(String, usize)>,
    /// Severities by rule id, with lines.
    severity: Vec<(String, Severity, usize)>,
    /// Parameter values by rule id, with lines.
    thresholds: Vec<(String, String, f64, usize)>,
    /// Article kinds, in order (the first that matches a document is its kind).
    pub kinds: Vec<Kind>,
    /// Where the rules' pages are (`docs-url`; [`crate::rule_docs::DOCS_URL`] by default).
    pub docs_url: String,
    /// Rule ids of the kinds, with lines (checked against the rule set).
    kind_rules: Vec<(String, usize)>,
}

/// The kinds in force without a `[kinds]` table: an opinion column is not held to a news
/// report's sourcing (no unattributed-claim or single-source findings), nor is a review; an
/// obituary often rests on the family alone; a press release speaks for its issuer.
pub fn default_kinds() -> Vec<Kind> {
    let kind = |name: &str, values: &[&str], disable: &[&str]| Kind {
        name: name.to_string(),
        paths: None,
        values: ["categories", "tags", "type", "layout"]
            .into_iter()
            .map(|k| (k, values.iter().map(|v| v.to_string()).collect()))
            .collect(),
        disable: disable.iter().map(|s| s.to_string()).collect(),
    };
    vec![
        kind(
            "opinion",
            &[
                "opinion",
                "opinions",
                "editorial",
                "editorials",
                "column",
                "op-ed",
                "commentary",
            ],
            &["unattributed-claim", "single-source"],
        ),
        kind(
            "review",
            &["review", "reviews"],
            &["unattributed-claim", "single-source"],
        ),
        kind("obituary", &["obituary", "obituaries"], &["single-source"]),
        kind(
            "press-release",
            &["press-release", "press release", "press-releases"],
            &["unattributed-claim"],
        ),
    ]
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            base: PathBuf::from("."),
            registry: None,
            rules: None,
            include: None,
            exclude: None,
            extensions: DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect(),
            skip_names: DEFAULT_SKIP_NAMES.iter().map(|s| s.to_string()).collect(),
            fail_on: None,
            disable: Vec::new(),
            severity: Vec::new(),
            thresholds: Vec::new(),
            kinds: default_kinds(),
            kind_rules: Vec::new(),
            docs_url: crate::rule_docs::DOCS_URL.to_string(),
        }
    }
}

/// The nearest `whosaid.toml` in `dir` or its parents.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// 1-based line of byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

impl Config {
    /// Read and check the file at `path`.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let base = if base.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            base
        };
        Config::parse(&path.display().to_string(), &text, &base).map(|mut c| {
            c.path = Some(path.to_path_buf());
            c
        })
    }

    /// Parse a config file's text; `name` names it in errors, `base` is its directory.
    pub fn parse(name: &str, text: &str, base: &Path) -> Result<Config> {
        let err = |line: usize, msg: String| Error::Config {
            path: name.to_string(),
            line,
            msg,
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |s| line_of(text, s.start));
            err(line, e.message().trim().to_string())
        })?;
        let mut c = Config {
            base: base.to_path_buf(),
            ..Config::default()
        };
        c.registry = file.registry.map(|r| base.join(r.into_inner()));
        c.rules = file.rules.map(|r| base.join(r.into_inner()));
        let globs = |list: &[String], key: &str| -> Result<globset::GlobSet> {
            let mut b = globset::GlobSetBuilder::new();
            for g in list {
                let glob = globset::GlobBuilder::new(g)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| {
                        let line = text.find(g.as_str()).map_or(0, |o| line_of(text, o));
                        err(line, format!("`{key}`: bad glob {g:?}: {e}"))
                    })?;
                b.add(glob);
            }
            b.build()
                .map_err(|e| err(0, format!("`{key}`: bad glob: {e}")))
        };
        if let Some(list) = &file.include {
            c.include = Some(globs(list, "include")?);
        }
        if let Some(list) = &file.exclude {
            c.exclude = Some(globs(list, "exclude")?);
        }
        if let Some(ext) = file.extensions {
            c.extensions = ext
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect();
        }
        if let Some(names) = file.skip_names {
            c.skip_names = names;
        }
        c.fail_on = file.fail_on;
        for d in file.disable.unwrap_or_default() {
            let line = line_of(text, d.span().start);
            c.disable.push((d.into_inner(), line));
        }
        for (id, sev) in file.severity.unwrap_or_default() {
            let line = line_of(text, id.span().start);
            c.severity.push((id.into_inner(), sev, line));
        }
        for (id, params) in file.thresholds.unwrap_or_default() {
            for (param, value) in params {
                let line = line_of(text, param.span().start);
                c.thresholds
                    .push((id.get_ref().clone(), param.into_inner(), value, line));
            }
        }
        for (name, k) in file.kinds.unwrap_or_default() {
            let paths = if k.paths.is_empty() {
                None
            } else {
                Some(globs(&k.paths, &format!("kinds.{name}.paths"))?)
            };
            let low = |v: Vec<String>| v.iter().map(|s| s.to_lowercase()).collect();
            let kind = Kind {
                name: name.clone(),
                paths,
                values: vec![
                    ("categories", low(k.categories)),
                    ("tags", low(k.tags)),
                    ("type", low(k.type_)),
                    ("layout", low(k.layout)),
                ],
                disable: k.disable.iter().map(|d| d.get_ref().clone()).collect(),
            };
            for d in &k.disable {
                c.kind_rules
                    .push((d.get_ref().clone(), line_of(text, d.span().start)));
            }
            match c.kinds.iter_mut().find(|x| x.name == name) {
                Some(old) => *old = kind,
                None => c.kinds.push(kind),
            }
        }
        if let Some(u) = file.docs_url {
            let line = line_of(text, u.span().start);
            let u = u.into_inner();
            // it becomes links in SARIF, HTML and the editor: a web (or file) address only
            let scheme_ok = ["https://", "http://", "file://"]
                .iter()
                .any(|p| u.len() > p.len() && u[..p.len()].eq_ignore_ascii_case(p));
            if !scheme_ok || u.chars().any(|ch| ch.is_whitespace() || ch.is_control()) {
                return Err(err(
                    line,
                    format!("`docs-url`: {u:?} is not an http(s):// or file:// address"),
                ));
            }
            c.docs_url = if u.ends_with('/') { u } else { u + "/" };
        }
        Ok(c)
    }

    /// Apply `disable`, `severity` and `thresholds` to `rules`, checking that every rule id
    /// (there and in the kinds) and parameter exists.
    pub fn apply(&self, rules: &mut Ruleset) -> Result<()> {
        let name = self
            .path
            .as_ref()
            .map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string());
        let err = |line: usize, msg: String| Error::Config {
            path: name.clone(),
            line,
            msg,
        };
        let unknown = |id: &str, line: usize, key: &str| {
            err(
                line,
                format!("`{key}`: unknown rule id {id:?}; `whosaid rules` lists them"),
            )
        };
        for (id, line) in &self.disable {
            let r = (rules.rules.get_mut(id)).ok_or_else(|| unknown(id, *line, "disable"))?;
            r.enabled = false;
        }
        for (id, sev, line) in &self.severity {
            let r = (rules.rules.get_mut(id)).ok_or_else(|| unknown(id, *line, "severity"))?;
            r.severity = *sev;
        }
        for (id, param, value, line) in &self.thresholds {
            let r = (rules.rules.get_mut(id)).ok_or_else(|| unknown(id, *line, "thresholds"))?;
            let Some(v) = r.params.get_mut(param) else {
                let known: Vec<&str> = r.params.keys().map(String::as_str).collect();
                return Err(err(
                    *line,
                    format!(
                        "`thresholds.{id}`: rule {id} has no parameter {param:?} (it has: {})",
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                ));
            };
            if !value.is_finite() {
                return Err(err(
                    *line,
                    format!("`thresholds.{id}.{param}`: not a number"),
                ));
            }
            *v = *value;
        }
        for (id, line) in &self.kind_rules {
            if !rules.rules.contains_key(id) {
                return Err(unknown(id, *line, "kinds.*.disable"));
            }
        }
        Ok(())
    }

    /// `path` relative to the config's directory, with `/` separators (for globs).
    fn relative(&self, path: &Path) -> Option<String> {
        let abs = std::path::absolute(path).ok()?;
        let base = std::path::absolute(&self.base).ok()?;
        let rel = abs.strip_prefix(&base).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// Whether a directory walk takes the file `path`: an article extension, not a skipped
    /// name, matching `include` (when set) and not `exclude`.
    pub fn walk_takes(&self, path: &Path) -> bool {
        let ext_ok = (path.extension().and_then(|x| x.to_str()))
            .is_some_and(|x| self.extensions.contains(&x.to_ascii_lowercase()));
        if !ext_ok {
            return false;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if (self.skip_names.iter()).any(|n| n.eq_ignore_ascii_case(stem)) {
            return false;
        }
        let rel = self.relative(path);
        if let Some(inc) = &self.include
            && !rel.as_ref().is_some_and(|r| inc.is_match(r))
        {
            return false;
        }
        if let Some(exc) = &self.exclude
            && rel.as_ref().is_some_and(|r| exc.is_match(r))
        {
            return false;
        }
        true
    }

    /// Whether `path` matches `exclude` (for files named on the command line with
    /// `--force-exclude`, as a pre-commit hook names them).
    pub fn excluded(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        (self.exclude.as_ref()).is_some_and(|exc| rel.as_ref().is_some_and(|r| exc.is_match(r)))
    }

    /// The kind of the document at `path` with front matter `front` (key, values), if any.
    pub fn kind_of(&self, path: &str, front: &[(String, Vec<String>)]) -> Option<&Kind> {
        let rel = self.relative(Path::new(path));
        self.kinds.iter().find(|k| {
            let by_path =
                (k.paths.as_ref()).is_some_and(|g| rel.as_ref().is_some_and(|r| g.is_match(r)));
            by_path
                || k.values.iter().any(|(key, want)| {
                    front.iter().any(|(fk, vals)| {
                        fk == key && vals.iter().any(|v| want.contains(&v.to_lowercase()))
                    })
                })
        })
    }
}

/// The file `whosaid init` writes: every key, commented, at its default.
pub const STARTER: &str = include_str!("../rules/whosaid.starter.toml");

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse("whosaid.toml", text, Path::new("/repo"))
    }

    /// TOML nested past the parser's recursion limit (arrays and inline tables) is an error
    /// naming the line where the nesting is, not a stack overflow or a line-less message.
    #[test]
    fn nesting_past_the_recursion_limit_names_its_line() {
        for deep in [
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            format!("{}1{}", "{a = ".repeat(10_000), "}".repeat(10_000)),
        ] {
            let e = parse(&format!("registry = \"r.csv\"\n\nx = {deep}\n"))
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with("whosaid.toml:3: "),
                "{}",
                &e[..e.len().min(200)]
            );
            assert!(e.contains("recurs"), "{}", &e[..e.len().min(200)]);
        }
    }

    #[test]
    fn docs_url_is_a_web_address_base() {
        let c = parse("").unwrap();
        assert_eq!(c.docs_url, crate::rule_docs::DOCS_URL);
        let c = parse("docs-url = \"https://news.example/whosaid/rules\"\n").unwrap();
        assert_eq!(c.docs_url, "https://news.example/whosaid/rules/");
        for bad in ["javascript:alert(1)", "rules/", "https://a b/"] {
            let e = parse(&format!("\ndocs-url = {bad:?}\n"))
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("whosaid.toml:2: `docs-url`"), "{e}");
        }
    }

    #[test]
    fn unknown_keys_name_the_line_and_key() {
        let e = parse("registry = \"a.csv\"\n\ndisabel = [\"x\"]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("whosaid.toml:3: "), "{e}");
        assert!(e.contains("disabel"), "{e}");
        let e = parse("[kinds.opinion]\npaths = [\"a/**\"]\nlayuot = [\"x\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("whosaid.toml:3: ") && e.contains("layuot"),
            "{e}"
        );
    }

    #[test]
    fn bad_values_name_the_line() {
        let e = parse("\nfail-on = \"sometimes\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("whosaid.toml:2: ") && e.contains("sometimes"),
            "{e}"
        );
        let e = parse("[severity]\nsingle-source = \"fatal\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("whosaid.toml:2: "), "{e}");
        let e = parse("include = [\"a/[b\"]\n").unwrap_err().to_string();
        assert!(
            e.starts_with("whosaid.toml:1: ") && e.contains("include"),
            "{e}"
        );
    }

    #[test]
    fn unknown_rule_ids_and_parameters_are_errors_with_lines() {
        let mut rs = Ruleset::embedded();
        let c =
            parse("disable = [\"loaded-verb\"]\n[severity]\nsingel-source = \"error\"\n").unwrap();
        let e = c.apply(&mut rs).unwrap_err().to_string();
        assert!(
            e.starts_with("whosaid.toml:3: ") && e.contains("singel-source"),
            "{e}"
        );
        let c = parse("[thresholds.single-source]\nmin_checkworthyness = 0.7\n").unwrap();
        let e = c.apply(&mut rs).unwrap_err().to_string();
        assert!(
            e.contains(":2: ") && e.contains("min_checkworthiness"),
            "{e}"
        );
        let c = parse("[kinds.review]\ndisable = [\"nope\"]\n").unwrap();
        assert!(c.apply(&mut rs).unwrap_err().to_string().contains(":2: "));
    }

    #[test]
    fn settings_reach_the_rule_set() {
        let mut rs = Ruleset::embedded();
        let c = parse(
            "disable = [\"loaded-verb\"]\n[severity]\nsingle-source = \"error\"\n\
             [thresholds.single-source]\nmin_checkworthiness = 0.7\n",
        )
        .unwrap();
        c.apply(&mut rs).unwrap();
        assert!(!rs.rules["loaded-verb"].enabled);
        assert_eq!(rs.rules["single-source"].severity, Severity::Error);
        assert_eq!(rs.rules["single-source"].params["min_checkworthiness"], 0.7);
    }

    #[test]
    fn paths_are_relative_to_the_file() {
        let c = parse("registry = \"data/sources.csv\"\nrules = \"house-rules\"\n").unwrap();
        assert_eq!(c.registry.unwrap(), Path::new("/repo/data/sources.csv"));
        assert_eq!(c.rules.unwrap(), Path::new("/repo/house-rules"));
    }

    #[test]
    fn walks_take_articles_only() {
        let c = parse("exclude = [\"drafts/**\"]\n").unwrap();
        assert!(c.walk_takes(Path::new("/repo/news/a.md")));
        assert!(c.walk_takes(Path::new("/repo/news/b.HTML")));
        assert!(!c.walk_takes(Path::new("/repo/README.md")));
        assert!(!c.walk_takes(Path::new("/repo/news/changelog.txt")));
        assert!(!c.walk_takes(Path::new("/repo/data/dump.json")));
        assert!(!c.walk_takes(Path::new("/repo/drafts/x.md")));
        assert!(c.excluded(Path::new("/repo/drafts/x.md")));
        assert!(!c.excluded(Path::new("/repo/news/a.md")));
        let c = parse("include = [\"news/**\"]\nskip-names = []\n").unwrap();
        assert!(c.walk_takes(Path::new("/repo/news/README.md")));
        assert!(!c.walk_takes(Path::new("/repo/blog/a.md")));
    }

    #[test]
    fn kinds_by_front_matter_and_path() {
        let c = parse("[kinds.review]\npaths = [\"reviews/**\"]\ndisable = [\"loaded-verb\"]\n")
            .unwrap();
        let fm = |k: &str, v: &str| vec![(k.to_string(), vec![v.to_string()])];
        let k = c
            .kind_of("/repo/news/a.md", &fm("categories", "Opinion"))
            .unwrap();
        assert_eq!(k.name, "opinion");
        assert!(k.disable.contains(&"unattributed-claim".to_string()));
        let k = c.kind_of("/repo/reviews/film.md", &[]).unwrap();
        assert_eq!(
            (k.name.as_str(), &k.disable[..]),
            ("review", &["loaded-verb".to_string()][..])
        );
        // the review kind was replaced: its front-matter values are gone
        assert!(
            c.kind_of("/repo/news/b.md", &fm("tags", "review"))
                .is_none()
        );
        assert!(
            c.kind_of("/repo/news/c.md", &fm("layout", "post"))
                .is_none()
        );
    }

    /// The starter's commented-out settings, made live: every example in it is valid.
    fn starter_uncommented() -> String {
        (STARTER.lines())
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with('[') || rest.contains(" = ") => rest,
                _ => l,
            })
            .map(|l| format!("{l}\n"))
            .collect()
    }

    #[test]
    fn the_starter_file_parses_commented_and_uncommented() {
        let c = parse(STARTER).unwrap();
        c.apply(&mut Ruleset::embedded()).unwrap();
        assert_eq!(c.extensions, DEFAULT_EXTENSIONS);
        let live = starter_uncommented();
        let c = parse(&live).unwrap();
        c.apply(&mut Ruleset::embedded()).unwrap();
        // what it shows as defaults are the defaults
        assert_eq!(c.extensions, DEFAULT_EXTENSIONS);
        assert_eq!(c.skip_names, DEFAULT_SKIP_NAMES);
        assert_eq!(c.fail_on, Some(FailOn::Error));
        let names: Vec<&str> = c.kinds.iter().map(|k| k.name.as_str()).collect();
        let defaults = default_kinds();
        assert_eq!(
            names,
            defaults.iter().map(|k| k.name.as_str()).collect::<Vec<_>>()
        );
        for (k, d) in c.kinds.iter().zip(&defaults) {
            assert_eq!(k.disable, d.disable, "{}", k.name);
            assert_eq!(k.values[0], d.values[0], "{}", k.name);
        }
    }

    #[test]
    fn every_key_is_documented() {
        let doc = include_str!("../docs/configuration.md");
        let live = starter_uncommented();
        let value: toml::Table = toml::from_str(&live).unwrap();
        let mut keys = Vec::new();
        for (k, v) in &value {
            keys.push(k.clone());
            if k == "kinds" {
                for kind in v.as_table().unwrap().values() {
                    keys.extend(
                        kind.as_table()
                            .unwrap()
                            .keys()
                            .map(|x| format!("kinds.*.{x}")),
                    );
                }
            }
        }
        for k in &["paths", "categories", "tags", "type", "layout", "disable"] {
            assert!(keys.contains(&format!("kinds.*.{k}")), "{k} in the starter");
        }
        for k in keys {
            assert!(
                doc.contains(&format!("### `{k}`")),
                "docs/configuration.md documents `{k}`"
            );
        }
    }
}
