//! The newsroom's source registry: a CSV of known sources, and matching document sources
//! against it.
//!
//! Consumes: a CSV file. Produces: [`Registry`], whose [`Registry::lookup`] matches a name
//! (exact, alias, surname with a compatible given name) and whose [`Registry::suggest`] offers a
//! close name (string similarity) that is never taken as a match.

pub mod domains;
mod load;
mod lookup;
pub mod ratings;
pub mod rows;
pub mod validate;

pub use lookup::normalize_name;

use indexmap::IndexMap;
use serde::Serialize;

/// What a registry row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A person.
    Person,
    /// A company, NGO, institute...
    Organization,
    /// A news organisation.
    Media,
    /// A government body.
    Government,
    /// A standing anonymous source (e.g. "a senior official" the newsroom tracks).
    Anonymous,
}

impl EntryKind {
    /// The lower-case name used in CSV and reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntryKind::Person => "person",
            EntryKind::Organization => "organization",
            EntryKind::Media => "media",
            EntryKind::Government => "government",
            EntryKind::Anonymous => "anonymous",
        }
    }
}

/// A row's credibility rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Credibility {
    /// Not to be used as a source.
    Deprecated,
    /// Use with care.
    Low,
    /// Ordinary.
    Medium,
    /// Well established.
    High,
}

impl Credibility {
    /// The lower-case name used in CSV and reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            Credibility::High => "high",
            Credibility::Medium => "medium",
            Credibility::Low => "low",
            Credibility::Deprecated => "deprecated",
        }
    }
}

/// One registry row.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Unique id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Kind.
    pub kind: EntryKind,
    /// Ids of rows this one belongs to (employer, parent body).
    pub affiliation: Vec<String>,
    /// Role or description.
    pub role: Option<String>,
    /// Credibility, `None` when unrated.
    pub credibility: Option<Credibility>,
    /// Subject domains.
    pub domains: Vec<String>,
    /// Known conflicts of interest.
    pub conflicts: Vec<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// Date of last verification (YYYY-MM-DD).
    pub last_verified: Option<String>,
    /// 1-based line of the row in the CSV file.
    pub line: usize,
}

/// How a document source matched a registry row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The row's name.
    Exact,
    /// One of the row's aliases.
    Alias,
    /// Surname with a compatible given name or initial.
    Surname,
    /// Through another mention of the same source in the document.
    Coreference,
    /// By the web domain of the link the mention carries (the row's `domains`).
    Link,
}

/// A match of a name against the registry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegistryMatch {
    /// Row id.
    pub id: String,
    /// How it matched.
    pub how: MatchKind,
    /// Confidence in [0, 1].
    pub score: f64,
}

/// A loaded registry.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The file it came from.
    pub path: String,
    entries: IndexMap<String, Entry>,
    /// normalized name or alias -> (row index, is alias); what [`Registry::lookup`] matches.
    names: std::collections::HashMap<String, Vec<(usize, bool)>>,
    /// Every normalized name and alias, in file order (row index, form); for surname matching
    /// and [`Registry::suggest`].
    forms: Vec<(usize, String)>,
    /// Values of the columns the registry does not interpret, per row index: (column, value).
    extra: Vec<Vec<(String, String)>>,
}

impl Registry {
    /// The row with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// All rows, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value of a column the registry does not interpret (`url`, say) for row `id`;
    /// `column` is compared case-insensitively. `None` when the row, column or value is missing.
    pub fn extra(&self, id: &str, column: &str) -> Option<&str> {
        let row = self.entries.get_index_of(id)?;
        let column = column.trim().to_lowercase();
        self.extra
            .get(row)?
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, v)| v.as_str())
    }
}
