//! Rules and lexicons as data: the defaults in `rules/` are embedded in the binary; a repository's
//! `--rules DIR` layers its own files on top (same rule id replaces fields, a new id adds,
//! `enabled = false` disables; lexicon lines add entries and `!entry` removes one).

use crate::error::{Error, Result};
use crate::model::Severity;
use indexmap::{IndexMap, IndexSet};
use regex::Regex;
use serde::Deserialize;
use std::path::Path;

/// The notes whosaid adds after the checks (not checks themselves), documented in rule-file
/// form so that `whosaid rules`, `whosaid explain`, SARIF and the rule pages treat them as
/// rules: an unused suppression.
pub const EMBEDDED_NOTES: &[(&str, &str)] = &[(
    "unused-suppression.toml",
    include_str!("../rules/notes/unused-suppression.toml"),
)];

/// Embedded rule files, `(file name, contents)`, alphabetical.
pub const EMBEDDED_CHECKS: &[(&str, &str)] = &[
    (
        "anonymous-source.toml",
        include_str!("../rules/checks/anonymous-source.toml"),
    ),
    (
        "loaded-verb.toml",
        include_str!("../rules/checks/loaded-verb.toml"),
    ),
    (
        "low-credibility-source.toml",
        include_str!("../rules/checks/low-credibility-source.toml"),
    ),
    (
        "non-independent-sources.toml",
        include_str!("../rules/checks/non-independent-sources.toml"),
    ),
    (
        "orphan-quote.toml",
        include_str!("../rules/checks/orphan-quote.toml"),
    ),
    (
        "single-source.toml",
        include_str!("../rules/checks/single-source.toml"),
    ),
    (
        "unattributed-claim.toml",
        include_str!("../rules/checks/unattributed-claim.toml"),
    ),
    (
        "unknown-source.toml",
        include_str!("../rules/checks/unknown-source.toml"),
    ),
    (
        "unresolved-reference.toml",
        include_str!("../rules/checks/unresolved-reference.toml"),
    ),
];

/// Embedded lexicons, `(file name, contents)`, alphabetical.
pub const EMBEDDED_LEXICONS: &[(&str, &str)] = &[
    (
        "abbreviations.txt",
        include_str!("../rules/lexicon/abbreviations.txt"),
    ),
    (
        "anonymity-phrases.txt",
        include_str!("../rules/lexicon/anonymity-phrases.txt"),
    ),
    (
        "anonymous-heads.txt",
        include_str!("../rules/lexicon/anonymous-heads.txt"),
    ),
    (
        "anonymous-postmodifiers.txt",
        include_str!("../rules/lexicon/anonymous-postmodifiers.txt"),
    ),
    (
        "as-participles.txt",
        include_str!("../rules/lexicon/as-participles.txt"),
    ),
    (
        "carrier-nouns.txt",
        include_str!("../rules/lexicon/carrier-nouns.txt"),
    ),
    (
        "citing-participles.txt",
        include_str!("../rules/lexicon/citing-participles.txt"),
    ),
    (
        "claim-account-cues.txt",
        include_str!("../rules/lexicon/claim-account-cues.txt"),
    ),
    (
        "claim-act-cues.txt",
        include_str!("../rules/lexicon/claim-act-cues.txt"),
    ),
    (
        "claim-agreement-cues.txt",
        include_str!("../rules/lexicon/claim-agreement-cues.txt"),
    ),
    (
        "claim-authority-words.txt",
        include_str!("../rules/lexicon/claim-authority-words.txt"),
    ),
    (
        "claim-consequential.txt",
        include_str!("../rules/lexicon/claim-consequential.txt"),
    ),
    (
        "claim-dispute-cues.txt",
        include_str!("../rules/lexicon/claim-dispute-cues.txt"),
    ),
    (
        "claim-self-cues.txt",
        include_str!("../rules/lexicon/claim-self-cues.txt"),
    ),
    (
        "content-stops.txt",
        include_str!("../rules/lexicon/content-stops.txt"),
    ),
    (
        "contracted-passives.txt",
        include_str!("../rules/lexicon/contracted-passives.txt"),
    ),
    (
        "cue-adverbs.txt",
        include_str!("../rules/lexicon/cue-adverbs.txt"),
    ),
    (
        "cue-phrases.txt",
        include_str!("../rules/lexicon/cue-phrases.txt"),
    ),
    (
        "cue-verbs-learned.txt",
        include_str!("../rules/lexicon/cue-verbs-learned.txt"),
    ),
    (
        "cue-verbs.txt",
        include_str!("../rules/lexicon/cue-verbs.txt"),
    ),
    (
        "description-heads.txt",
        include_str!("../rules/lexicon/description-heads.txt"),
    ),
    (
        "descriptions.txt",
        include_str!("../rules/lexicon/descriptions.txt"),
    ),
    (
        "evidence-intros.txt",
        include_str!("../rules/lexicon/evidence-intros.txt"),
    ),
    (
        "evidence-nouns.txt",
        include_str!("../rules/lexicon/evidence-nouns.txt"),
    ),
    (
        "given-names.txt",
        include_str!("../rules/lexicon/given-names.txt"),
    ),
    (
        "government-words.txt",
        include_str!("../rules/lexicon/government-words.txt"),
    ),
    (
        "ing-adjective-modifiers.txt",
        include_str!("../rules/lexicon/ing-adjective-modifiers.txt"),
    ),
    (
        "intention-participles.txt",
        include_str!("../rules/lexicon/intention-participles.txt"),
    ),
    (
        "link-hosts-not-sources.txt",
        include_str!("../rules/lexicon/link-hosts-not-sources.txt"),
    ),
    (
        "loaded-verbs.txt",
        include_str!("../rules/lexicon/loaded-verbs.txt"),
    ),
    (
        "media-names.txt",
        include_str!("../rules/lexicon/media-names.txt"),
    ),
    (
        "media-words.txt",
        include_str!("../rules/lexicon/media-words.txt"),
    ),
    (
        "name-connectors.txt",
        include_str!("../rules/lexicon/name-connectors.txt"),
    ),
    (
        "name-heads.txt",
        include_str!("../rules/lexicon/name-heads.txt"),
    ),
    (
        "naming-verbs.txt",
        include_str!("../rules/lexicon/naming-verbs.txt"),
    ),
    (
        "non-source-words.txt",
        include_str!("../rules/lexicon/non-source-words.txt"),
    ),
    (
        "not-claimed.txt",
        include_str!("../rules/lexicon/not-claimed.txt"),
    ),
    (
        "noun-cue-forms.txt",
        include_str!("../rules/lexicon/noun-cue-forms.txt"),
    ),
    (
        "obligation-words.txt",
        include_str!("../rules/lexicon/obligation-words.txt"),
    ),
    (
        "opening-cues.txt",
        include_str!("../rules/lexicon/opening-cues.txt"),
    ),
    (
        "organization-words.txt",
        include_str!("../rules/lexicon/organization-words.txt"),
    ),
    (
        "passive-cues.txt",
        include_str!("../rules/lexicon/passive-cues.txt"),
    ),
    (
        "past-cue-forms.txt",
        include_str!("../rules/lexicon/past-cue-forms.txt"),
    ),
    (
        "poll-nouns.txt",
        include_str!("../rules/lexicon/poll-nouns.txt"),
    ),
    (
        "quantity-words.txt",
        include_str!("../rules/lexicon/quantity-words.txt"),
    ),
    (
        "recipients.txt",
        include_str!("../rules/lexicon/recipients.txt"),
    ),
    (
        "relative-cues.txt",
        include_str!("../rules/lexicon/relative-cues.txt"),
    ),
    (
        "sentence-starters.txt",
        include_str!("../rules/lexicon/sentence-starters.txt"),
    ),
    (
        "show-nouns.txt",
        include_str!("../rules/lexicon/show-nouns.txt"),
    ),
    (
        "source-heads.txt",
        include_str!("../rules/lexicon/source-heads.txt"),
    ),
    (
        "speech-acts.txt",
        include_str!("../rules/lexicon/speech-acts.txt"),
    ),
    (
        "speech-nouns.txt",
        include_str!("../rules/lexicon/speech-nouns.txt"),
    ),
    (
        "speech-verbs.txt",
        include_str!("../rules/lexicon/speech-verbs.txt"),
    ),
    (
        "survey-participles.txt",
        include_str!("../rules/lexicon/survey-participles.txt"),
    ),
    (
        "that-cue-forms.txt",
        include_str!("../rules/lexicon/that-cue-forms.txt"),
    ),
    ("titles.txt", include_str!("../rules/lexicon/titles.txt")),
    (
        "voice-heads.txt",
        include_str!("../rules/lexicon/voice-heads.txt"),
    ),
    (
        "went-on-verbs.txt",
        include_str!("../rules/lexicon/went-on-verbs.txt"),
    ),
];

/// Embedded regex pattern lists, `(file name, contents)`, alphabetical.
pub const EMBEDDED_PATTERNS: &[(&str, &str)] = &[
    (
        "agentless.txt",
        include_str!("../rules/patterns/agentless.txt"),
    ),
    (
        "background.txt",
        include_str!("../rules/patterns/background.txt"),
    ),
    (
        "boilerplate.txt",
        include_str!("../rules/patterns/boilerplate.txt"),
    ),
    (
        "captions.txt",
        include_str!("../rules/patterns/captions.txt"),
    ),
    ("frames.txt", include_str!("../rules/patterns/frames.txt")),
    (
        "not-claims.txt",
        include_str!("../rules/patterns/not-claims.txt"),
    ),
    (
        "record-acts.txt",
        include_str!("../rules/patterns/record-acts.txt"),
    ),
    (
        "reference-headings.txt",
        include_str!("../rules/patterns/reference-headings.txt"),
    ),
];

/// One rule's metadata and settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable kebab-case id.
    pub id: crate::model::RuleId,
    /// Short name.
    pub name: String,
    /// Severity.
    pub severity: Severity,
    /// Whether it runs.
    pub enabled: bool,
    /// Message template; `{source}`, `{cue}`, `{suggestion}`... are filled in by the check.
    pub message: String,
    /// Templates of the rule's other messages, by case (`[messages]`: `agentless = "..."` for
    /// a claim reported without saying by whom); a check falls back on `message`.
    pub messages: IndexMap<String, String>,
    /// One line.
    pub summary: String,
    /// The journalism standard behind the rule: its name ("SPJ Code of Ethics").
    pub standard_name: Option<String>,
    /// What the standard asks, in a sentence.
    pub standard: Option<String>,
    /// Where to read it (a URL).
    pub standard_link: Option<String>,
    /// What it flags / Why it matters / Example / How to fix (Markdown).
    pub description: String,
    /// Numeric parameters.
    pub params: IndexMap<String, f64>,
    /// Examples: text and the rule ids expected on it.
    pub examples: Vec<Example>,
}

/// A rule file's example.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// An article text.
    pub text: String,
    /// Rule ids that must be found on it (only this rule's id is checked).
    #[serde(default)]
    pub expect: Vec<String>,
    /// A registry (CSV text) to check the example against, for rules that need one.
    #[serde(default)]
    pub registry: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    name: Option<String>,
    severity: Option<Severity>,
    enabled: Option<bool>,
    message: Option<String>,
    #[serde(default)]
    messages: IndexMap<String, String>,
    summary: Option<String>,
    standard_name: Option<String>,
    standard: Option<String>,
    standard_link: Option<String>,
    description: Option<String>,
    #[serde(default)]
    params: IndexMap<String, f64>,
    #[serde(default)]
    example: Vec<Example>,
}

/// A list of words or phrases, lower-cased, with a lookup set.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Entries in file order (each entry is the whole line), Fx-hashed (a lexicon is looked up
    /// for words of every sentence, and its keys are the rules' own).
    pub entries: IndexSet<String, crate::hash::FxBuild>,
    /// The entries for [`Lexicon::contains`], made at its first call: a word of up to 16 bytes
    /// is one multiply and two compares there (`crate::hash::WordBits`), a third of a look-up
    /// in `entries`. Entries changed after that call are not seen: the rule loader, the one
    /// place that changes them, makes it anew.
    fast: std::sync::OnceLock<crate::hash::WordBits>,
}

impl Lexicon {
    /// True when `s` (compared lower-case) is an entry.
    pub fn contains(&self, s: &str) -> bool {
        let fast = self.fast.get_or_init(|| {
            let mut w = crate::hash::WordBits::default();
            for e in &self.entries {
                w.insert(e, 1);
            }
            w
        });
        crate::hash::with_lower(s, |l| fast.get(l) != 0)
    }
}

/// All rules, lexicons and patterns in force.
#[derive(Debug, Clone)]
pub struct Ruleset {
    /// Rules by id, in order.
    pub rules: IndexMap<String, Rule>,
    /// Lexicons by file stem (`cue-verbs`, `titles`...).
    pub lexicons: IndexMap<String, Lexicon>,
    /// Regex lists by file stem (`boilerplate`...).
    pub patterns: IndexMap<String, Vec<Pattern>>,
}

/// A regex of a pattern list and its source. The embedded ones (tested valid) are compiled when
/// first used: a run whose texts never get past a pattern's prefilter
/// (`lexicon::Patterns`) does not pay for its compilation, tens of millions of
/// instructions for all of them; a repository's own are compiled when loaded, so that an
/// invalid one is reported with its file and line.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The regex as written.
    pub source: String,
    regex: std::sync::OnceLock<Regex>,
}

impl Pattern {
    /// A pattern compiled now.
    pub fn new(source: &str, regex: Regex) -> Pattern {
        Pattern {
            source: source.to_string(),
            regex: std::sync::OnceLock::from(regex),
        }
    }

    /// A valid pattern, compiled when first used.
    fn deferred(source: &str) -> Pattern {
        Pattern {
            source: source.to_string(),
            regex: std::sync::OnceLock::new(),
        }
    }

    /// The compiled regex.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            compile("", 0, &self.source).expect("a deferred pattern is a valid embedded one")
        })
    }
}

pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

fn compile(path: &str, line: usize, src: &str) -> Result<Regex> {
    regex::RegexBuilder::new(src)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT * 2)
        .build()
        .map_err(|e| Error::Rule {
            path: path.to_string(),
            line,
            msg: format!("invalid regex: {e}"),
        })
}

/// The regexes of a pattern file, with their line numbers (from 1).
fn pattern_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn toml_line(text: &str, err: &toml::de::Error) -> usize {
    err.span()
        .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count())
        .unwrap_or(0)
}

impl Ruleset {
    /// The embedded defaults.
    pub fn embedded() -> Ruleset {
        let mut rs = Ruleset {
            rules: IndexMap::new(),
            lexicons: IndexMap::new(),
            patterns: IndexMap::new(),
        };
        for (name, text) in EMBEDDED_CHECKS {
            rs.add_rule_file(&format!("rules/checks/{name}"), text, true)
                .expect("embedded rule file is valid");
        }
        for (name, text) in EMBEDDED_LEXICONS {
            rs.add_lexicon(name, text);
        }
        for (name, text) in EMBEDDED_PATTERNS {
            // (valid: see the test `embedded_patterns_compile`)
            let stem = name.trim_end_matches(".txt").to_string();
            let list = rs.patterns.entry(stem).or_default();
            list.extend(pattern_lines(text).map(|(_, l)| Pattern::deferred(l)));
        }
        rs
    }

    /// The notes of [`EMBEDDED_NOTES`], in order: the findings a run adds besides the checks'
    /// (an unused suppression). They are not in [`Ruleset::rules`]: nothing runs them, and a
    /// rules directory or whosaid.toml does not change them.
    pub fn notes() -> Vec<Rule> {
        let mut rs = Ruleset {
            rules: IndexMap::new(),
            lexicons: IndexMap::new(),
            patterns: IndexMap::new(),
        };
        for (name, text) in EMBEDDED_NOTES {
            rs.add_rule_file(&format!("rules/notes/{name}"), text, true)
                .expect("embedded note file is valid");
        }
        rs.rules.into_values().collect()
    }

    /// The note `id`, if there is one (see [`Ruleset::notes`]).
    pub fn note(id: &str) -> Option<Rule> {
        Ruleset::notes().into_iter().find(|r| r.id == id)
    }

    /// The defaults with the files of `dir` layered on top.
    pub fn with_overrides(dir: &Path) -> Result<Ruleset> {
        let mut rs = Ruleset::embedded();
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "{}: --rules must name a directory",
                dir.display()
            )));
        }
        let mut any = false;
        for (sub, kind) in [("checks", 0), ("lexicon", 1), ("patterns", 2)] {
            let d = dir.join(sub);
            if !d.is_dir() {
                continue;
            }
            let mut files: Vec<_> = std::fs::read_dir(&d)
                .map_err(|e| Error::io(&d, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            for p in files {
                let name = p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string();
                let shown = p.display().to_string();
                let want = if kind == 0 { ".toml" } else { ".txt" };
                if !name.ends_with(want) {
                    continue;
                }
                let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
                let text = crate::input::decode_utf8(&shown, bytes)?;
                any = true;
                match kind {
                    0 => rs.add_rule_file(&shown, &text, false)?,
                    1 => rs.add_lexicon(&name, &text),
                    _ => rs.add_patterns(&shown, &name, &text)?,
                }
            }
        }
        if !any {
            return Err(Error::Usage(format!(
                "{}: no rule files found (expected checks/*.toml, lexicon/*.txt or patterns/*.txt)",
                dir.display()
            )));
        }
        Ok(rs)
    }

    fn add_rule_file(&mut self, path: &str, text: &str, embedded: bool) -> Result<()> {
        let f: RuleFile = toml::from_str(text).map_err(|e| Error::Rule {
            path: path.to_string(),
            line: toml_line(text, &e),
            msg: e.message().to_string(),
        })?;
        let line_of = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map(|i| i + 1)
                .unwrap_or(1)
        };
        if f.id.is_empty()
            || !f
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(Error::Rule {
                path: path.to_string(),
                line: line_of("id"),
                msg: format!("rule id {:?} must be kebab-case (a-z, 0-9, -)", f.id),
            });
        }
        if let Some(existing) = self.rules.get_mut(&f.id) {
            if embedded {
                return Err(Error::Rule {
                    path: path.to_string(),
                    line: line_of("id"),
                    msg: format!("duplicate rule id {:?}", f.id),
                });
            }
            if let Some(v) = f.name {
                existing.name = v;
            }
            if let Some(v) = f.severity {
                existing.severity = v;
            }
            if let Some(v) = f.enabled {
                existing.enabled = v;
            }
            if let Some(v) = f.message {
                existing.message = v;
            }
            existing.messages.extend(f.messages);
            if let Some(v) = f.summary {
                existing.summary = v;
            }
            if f.standard_name.is_some() {
                existing.standard_name = f.standard_name;
            }
            if f.standard.is_some() {
                existing.standard = f.standard;
            }
            if f.standard_link.is_some() {
                existing.standard_link = f.standard_link;
            }
            if let Some(v) = f.description {
                existing.description = v;
            }
            for (k, v) in f.params {
                if !existing.params.contains_key(&k) {
                    return Err(Error::Rule {
                        path: path.to_string(),
                        line: line_of(&k),
                        msg: format!("rule {:?} has no parameter {:?}", f.id, k),
                    });
                }
                existing.params.insert(k, v);
            }
            existing.examples.extend(f.example);
            return Ok(());
        }
        // an unknown id is named as such first (it used to be "needs a severity", then
        // "needs a message", and only then "unknown rule id")
        if !embedded {
            // A repository cannot add code: a new id must reuse an existing kind, which
            // whosaid 0.1 does not offer yet. Say so rather than silently ignore it.
            return Err(Error::Rule {
                path: path.to_string(),
                line: line_of("id"),
                msg: format!(
                    "unknown rule id {:?}; known rules: {}",
                    f.id,
                    self.rules.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            });
        }
        let missing = |what: &str| Error::Rule {
            path: path.to_string(),
            line: 1,
            msg: format!("new rule {:?} needs a {what}", f.id),
        };
        let rule = Rule {
            name: f.name.unwrap_or_else(|| f.id.clone()),
            severity: f.severity.ok_or_else(|| missing("severity"))?,
            enabled: f.enabled.unwrap_or(true),
            message: f.message.ok_or_else(|| missing("message"))?,
            messages: f.messages,
            summary: f.summary.unwrap_or_default(),
            standard_name: f.standard_name,
            standard: f.standard,
            standard_link: f.standard_link,
            description: f.description.unwrap_or_default(),
            params: f.params,
            examples: f.example,
            id: f.id.as_str().into(),
        };
        self.rules.insert(f.id, rule);
        Ok(())
    }

    fn add_lexicon(&mut self, file: &str, text: &str) {
        let stem = file.trim_end_matches(".txt").to_string();
        let lex = self.lexicons.entry(stem).or_default();
        for line in text.lines() {
            let l = line.split(" #").next().unwrap_or("").trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if let Some(rm) = l.strip_prefix('!') {
                lex.entries.shift_remove(&rm.trim().to_lowercase());
            } else {
                lex.entries.insert(l.to_lowercase());
            }
        }
        lex.fast = std::sync::OnceLock::new();
    }

    fn add_patterns(&mut self, path: &str, file: &str, text: &str) -> Result<()> {
        let stem = file.trim_end_matches(".txt").to_string();
        let mut new = Vec::new();
        for (line, l) in pattern_lines(text) {
            new.push(Pattern::new(l, compile(path, line, l)?));
        }
        self.patterns.entry(stem).or_default().extend(new);
        Ok(())
    }

    /// The lexicon `name` (empty if there is none).
    pub fn lexicon(&self, name: &str) -> &Lexicon {
        static EMPTY: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        self.lexicons
            .get(name)
            .unwrap_or_else(|| EMPTY.get_or_init(Lexicon::default))
    }

    /// The pattern list `name`.
    pub fn patterns(&self, name: &str) -> &[Pattern] {
        self.patterns.get(name).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The rule `id`, if it exists and is enabled.
    pub fn enabled(&self, id: &str) -> Option<&Rule> {
        self.rules.get(id).filter(|r| r.enabled)
    }

    /// A rule's numeric parameter, or `default`.
    pub fn param(&self, id: &str, key: &str, default: f64) -> f64 {
        self.rules
            .get(id)
            .and_then(|r| r.params.get(key).copied())
            .unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &str) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn embedded_tables_list_every_file() {
        let list = |t: &[(&str, &str)]| t.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>();
        assert_eq!(list(EMBEDDED_CHECKS), names_in("rules/checks"));
        assert_eq!(list(EMBEDDED_LEXICONS), names_in("rules/lexicon"));
        assert_eq!(list(EMBEDDED_PATTERNS), names_in("rules/patterns"));
        assert_eq!(list(EMBEDDED_NOTES), names_in("rules/notes"));
    }

    #[test]
    fn notes_are_documented_like_rules_and_named_as_their_findings_are() {
        let notes = Ruleset::notes();
        let ids: Vec<&str> = notes.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, [crate::suppress::UNUSED]);
        let embedded = Ruleset::embedded();
        for n in &notes {
            assert!(
                !embedded.rules.contains_key(n.id.as_str()),
                "{} is a check too",
                n.id
            );
            assert!(n.description.contains("## What it flags"), "{}", n.id);
            assert_eq!(n.severity, Severity::Info);
        }
    }

    #[test]
    fn lexicons_are_sorted_without_duplicates() {
        for (name, text) in EMBEDDED_LEXICONS {
            let entries: Vec<String> = text
                .lines()
                .map(|l| l.split(" #").next().unwrap().trim().to_lowercase())
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            let mut sorted = entries.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(
                entries, sorted,
                "{name} must be sorted and free of duplicates"
            );
        }
    }

    #[test]
    fn embedded_patterns_compile() {
        let rs = Ruleset::embedded();
        let mut n = 0;
        for (name, text) in EMBEDDED_PATTERNS {
            let stem = name.trim_end_matches(".txt");
            let sources: Vec<&str> = pattern_lines(text).map(|(_, l)| l).collect();
            let list = rs.patterns(stem);
            assert_eq!(list.len(), sources.len(), "{name}");
            for (p, (line, l)) in list.iter().zip(pattern_lines(text)) {
                assert_eq!(p.source, l);
                let eager = compile(name, line, l).expect("valid");
                assert_eq!(p.regex().as_str(), eager.as_str());
                n += 1;
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn every_rule_file_names_itself() {
        let rs = Ruleset::embedded();
        for (name, _) in EMBEDDED_CHECKS {
            let id = name.trim_end_matches(".toml");
            let r = rs.rules.get(id).expect("rule id matches file name");
            assert!(
                !r.description.is_empty() && !r.summary.is_empty(),
                "{id} documented"
            );
        }
    }

    #[test]
    fn overrides_change_severity_and_disable() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("checks")).unwrap();
        std::fs::write(
            dir.path().join("checks/x.toml"),
            "id = \"single-source\"\nseverity = \"error\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("checks/y.toml"),
            "id = \"loaded-verb\"\nenabled = false\n",
        )
        .unwrap();
        let rs = Ruleset::with_overrides(dir.path()).unwrap();
        assert_eq!(rs.rules["single-source"].severity, Severity::Error);
        assert!(rs.enabled("loaded-verb").is_none());
    }

    #[test]
    fn bad_rule_file_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("checks")).unwrap();
        let p = dir.path().join("checks/bad.toml");
        std::fs::write(&p, "id = \"single-source\"\nseverity = \"loud\"\n").unwrap();
        let err = Ruleset::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}:2:", p.display())), "{err}");
        std::fs::write(&p, "id = \"single-source\"\ncolour = 1\n").unwrap();
        let err = Ruleset::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(err.contains(":2:") && err.contains("colour"), "{err}");
        // an unknown id is named first, not as a new rule lacking a severity or a message
        std::fs::write(&p, "# a typo\nid = \"singel-source\"\nenabled = false\n").unwrap();
        let err = Ruleset::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!(
                "{}:2: unknown rule id \"singel-source\"",
                p.display()
            )),
            "{err}"
        );
    }

    #[test]
    fn invalid_regex_is_an_error_with_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("patterns")).unwrap();
        let p = dir.path().join("patterns/boilerplate.txt");
        std::fs::write(&p, "# c\n^ok$\n(unclosed\n").unwrap();
        let err = Ruleset::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}:3: invalid regex", p.display())),
            "{err}"
        );
    }

    #[test]
    fn lexicon_override_adds_and_removes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lexicon")).unwrap();
        std::fs::write(
            dir.path().join("lexicon/media-names.txt"),
            "the daily bugle\n!reuters\n",
        )
        .unwrap();
        let rs = Ruleset::with_overrides(dir.path()).unwrap();
        assert!(rs.lexicon("media-names").contains("The Daily Bugle"));
        assert!(!rs.lexicon("media-names").contains("reuters"));
    }
}
