//! `whosaid registry suggest`: the named sources of a set of articles that the registry lacks,
//! as rows ready to paste, and the near matches to review by hand.
//!
//! Consumes: the articles' reports ([`crate::collection::Doc`], checked with the registry) and
//! the registry. Produces: [`Suggestions`]: new rows (an id slug, the name, the kind whosaid
//! gave the source, how often and where first it is mentioned), and near matches ("Tom Hegal"
//! in an article, "Tom Hegel" in the registry), which are never made rows or aliases: two
//! similar names may be two people, and only an editor can say.
//!
//! Example (`whosaid registry suggest stories/ --registry sources.csv`):
//!
//! ```text
//! id,name,aliases,kind,notes
//! donald-trump,Donald Trump,,person,suggested: 117 mentions in 25 documents; first at stories/a.txt:3
//! ```

use crate::collection::Doc;
use crate::registry::{Registry, normalize_name};
use indexmap::IndexMap;
use std::collections::HashSet;

/// Words that start a description, not a name ("The army", "Its website"): determiners and
/// possessives, a closed grammatical class.
const DETERMINERS: [&str; 16] = [
    "a", "an", "another", "any", "each", "every", "her", "his", "its", "my", "our", "some", "the",
    "their", "this", "your",
];

/// Source kinds a registry row can have; other kinds (`unknown`) are not suggested.
const ROW_KINDS: [&str; 4] = ["person", "organization", "media", "government"];

/// A source to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRow {
    /// A unique id slug.
    pub id: String,
    /// The name, as the first report that cites it gives it.
    pub name: String,
    /// The kind whosaid gave it most often.
    pub kind: String,
    /// Mentions across the documents.
    pub mentions: usize,
    /// Documents that cite it.
    pub documents: usize,
    /// The first place it is mentioned: path and 1-based line.
    pub first: (String, usize),
}

/// A source whose name is close to a registry row's: to review, never merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMatch {
    /// The name in the articles.
    pub name: String,
    /// The row it is close to.
    pub row_id: String,
    /// That row's name.
    pub row_name: String,
    /// Mentions across the documents.
    pub mentions: usize,
    /// The first place it is mentioned.
    pub first: (String, usize),
}

/// What `registry suggest` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// New rows, most mentioned first.
    pub rows: Vec<NewRow>,
    /// Near matches, most mentioned first.
    pub near: Vec<NearMatch>,
}

/// True for a name worth a registry row: it starts with a capital letter, not with a
/// determiner, has no comma, and is at most six words.
fn is_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    name.chars().next().is_some_and(char::is_uppercase)
        && !DETERMINERS.contains(&first.to_lowercase().as_str())
        && !name.contains(',')
        && name.split_whitespace().count() <= 6
        && !crate::collection::PRONOUNS.contains(&normalize_name(name).as_str())
}

/// A lower-case ASCII slug of `name`: letters and digits, other runs as one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in normalize_name(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "source".into() } else { out }
}

/// A named source seen in the documents, not in the registry.
#[derive(Debug)]
struct Seen {
    name: String,
    kinds: IndexMap<String, usize>,
    mentions: usize,
    documents: usize,
    first: (String, usize),
}

/// The suggestions, built a document at a time.
#[derive(Debug)]
pub struct Suggester {
    registry: Registry,
    /// Every normalized name and alias of the registry.
    known: HashSet<String>,
    /// Normalized name -> what was seen, in order of first appearance.
    seen: IndexMap<String, Seen>,
}

/// The sources of `docs` the registry lacks, and the near matches.
pub fn suggest(registry: &Registry, docs: &[Doc]) -> Suggestions {
    let mut s = Suggester::new(registry.clone());
    for doc in docs {
        s.add(doc);
    }
    s.finish()
}

impl Suggester {
    /// Suggestions against `registry`.
    pub fn new(registry: Registry) -> Suggester {
        let known = registry
            .entries()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(|n| normalize_name(n))
            .collect();
        Suggester {
            registry,
            known,
            seen: IndexMap::new(),
        }
    }

    /// Add the next document.
    pub fn add(&mut self, doc: &Doc) {
        let mut in_doc: HashSet<String> = HashSet::new();
        for s in &doc.sources {
            if s.anonymous || s.registry.is_some() || !is_name(&s.name) {
                continue;
            }
            let form = normalize_name(&s.name);
            if form.is_empty() || self.known.contains(&form) {
                continue;
            }
            let line = s.mentions.iter().map(|m| m.span.line).min().unwrap_or(1);
            let e = self.seen.entry(form.clone()).or_insert_with(|| Seen {
                name: s.name.clone(),
                kinds: IndexMap::new(),
                mentions: 0,
                documents: 0,
                first: (doc.path.clone(), line),
            });
            *e.kinds.entry(s.kind.clone()).or_default() += 1;
            e.mentions += s.mentions.len().max(1);
            if in_doc.insert(form) {
                e.documents += 1;
            }
        }
    }

    /// New rows and near matches, most mentioned first.
    pub fn finish(self) -> Suggestions {
        let Suggester { registry, seen, .. } = self;
        let mut out = Suggestions::default();
        let mut ids: HashSet<String> = registry.entries().map(|e| e.id.clone()).collect();
        for (_, s) in seen {
            if let Some(row) = registry.suggest(&s.name) {
                out.near.push(NearMatch {
                    name: s.name,
                    row_id: row.id.clone(),
                    row_name: row.name.clone(),
                    mentions: s.mentions,
                    first: s.first,
                });
                continue;
            }
            // the kind given most often; ties to the first given
            let kind = s
                .kinds
                .iter()
                .fold(None::<(&String, usize)>, |best, (k, &n)| match best {
                    Some((_, b)) if b >= n => best,
                    _ => Some((k, n)),
                })
                .map(|(k, _)| k.clone())
                .unwrap_or_default();
            if !ROW_KINDS.contains(&kind.as_str()) {
                continue;
            }
            let base = slug(&s.name);
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.insert(id.clone());
            out.rows.push(NewRow {
                id,
                name: s.name,
                kind,
                mentions: s.mentions,
                documents: s.documents,
                first: s.first,
            });
        }
        out.rows.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(b.documents.cmp(&a.documents))
        });
        out.near.sort_by_key(|n| std::cmp::Reverse(n.mentions));
        out
    }
}

/// The new rows as CSV under `header` (the registry's own columns, so the rows paste at the
/// end of the file; a `notes` column is added when the registry has none): `id`, `name` and
/// `kind` filled, `notes` saying how often and where first the source is mentioned, every
/// other cell empty. Cells are made safe for spreadsheets
/// ([`crate::collection::csv::safe_cell`]).
pub fn rows_csv(header: &[String], rows: &[NewRow]) -> String {
    let mut header: Vec<String> = header.to_vec();
    if !header
        .iter()
        .any(|h| h.trim().eq_ignore_ascii_case("notes"))
    {
        header.push("notes".into());
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&header);
    for r in rows {
        let note = format!(
            "suggested: {} mention{} in {} document{}; first at {}:{}",
            r.mentions,
            if r.mentions == 1 { "" } else { "s" },
            r.documents,
            if r.documents == 1 { "" } else { "s" },
            r.first.0,
            r.first.1
        );
        let cells: Vec<String> = header
            .iter()
            .map(|h| match h.trim().to_lowercase().as_str() {
                "id" => r.id.clone(),
                "name" => r.name.clone(),
                "kind" => r.kind.clone(),
                "notes" => note.clone(),
                _ => String::new(),
            })
            .map(|c| crate::collection::csv::safe_cell(&c).into_owned())
            .collect();
        let _ = w.write_record(&cells);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, sources: &[(&str, &str, bool, Option<&str>, usize)]) -> Doc {
        let sources: Vec<serde_json::Value> = sources
            .iter()
            .map(|(name, kind, anon, reg, line)| {
                serde_json::json!({"id": "s", "name": name, "kind": kind, "anonymous": anon,
                    "registry": reg.map(|r| serde_json::json!({"id": r, "credibility": null})),
                    "mentions": [{"text": name, "span": {"line": line}}, {"text": name, "span": {"line": line + 2}}]})
            })
            .collect();
        serde_json::from_value(
            serde_json::json!({"path": path, "sources": sources, "attributions": [], "claims": []}),
        )
        .unwrap()
    }

    #[test]
    fn suggests_unregistered_names_and_lists_near_matches_apart() {
        let reg = Registry::from_csv(
            "r.csv",
            "id,name,aliases,kind\ntom-hegel,Tom Hegel,,person\nana-lima,Ana Lima,,person\n",
        )
        .unwrap();
        let docs = [
            doc(
                "a.txt",
                &[
                    ("Tom Hegel", "person", false, Some("tom-hegel"), 1),
                    ("Tom Hegal", "person", false, None, 4),
                    ("Nancy Pelosi", "person", false, None, 7),
                    ("officials", "anonymous", true, None, 2),
                    ("The army", "government", false, None, 3),
                    ("She", "unknown", false, None, 5),
                ],
            ),
            doc(
                "b.txt",
                &[
                    ("Nancy Pelosi", "person", false, None, 2),
                    ("Ana  Lima", "person", false, None, 1),
                    ("Znak.com", "unknown", false, None, 1),
                    ("Ana Lima Institute", "organization", false, None, 9),
                ],
            ),
        ];
        let s = suggest(&reg, &docs);
        type Row<'a> = (&'a str, &'a str, &'a str, usize, usize, (&'a str, usize));
        let rows: Vec<Row> = s
            .rows
            .iter()
            .map(|r| {
                (
                    r.id.as_str(),
                    r.name.as_str(),
                    r.kind.as_str(),
                    r.mentions,
                    r.documents,
                    (r.first.0.as_str(), r.first.1),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("nancy-pelosi", "Nancy Pelosi", "person", 4, 2, ("a.txt", 7)),
                (
                    "ana-lima-institute",
                    "Ana Lima Institute",
                    "organization",
                    2,
                    1,
                    ("b.txt", 9)
                ),
            ]
        );
        assert_eq!(s.near.len(), 1);
        assert_eq!(
            (s.near[0].name.as_str(), s.near[0].row_id.as_str()),
            ("Tom Hegal", "tom-hegel")
        );
    }

    #[test]
    fn slugs_are_ascii_and_ids_never_clash() {
        assert_eq!(slug("Zélensky, Volodymyr"), "zelensky-volodymyr");
        assert_eq!(slug("U.S. Army"), "us-army");
        assert_eq!(slug("!!!"), "source");
        let reg = Registry::from_csv(
            "r.csv",
            "id,name,kind\nbbc,British Broadcasting Corporation,media\n",
        )
        .unwrap();
        let s = suggest(&reg, &[doc("a", &[("BBC", "media", false, None, 1)])]);
        assert_eq!(s.rows[0].id, "bbc-2");
    }

    #[test]
    fn rows_follow_the_registry_columns_and_are_spreadsheet_safe() {
        let rows = [NewRow {
            id: "x".into(),
            name: "=cmd()".into(),
            kind: "person".into(),
            mentions: 1,
            documents: 1,
            first: ("a.txt".into(), 3),
        }];
        let header = [
            "id".to_string(),
            "name".into(),
            "aliases".into(),
            "kind".into(),
        ];
        assert_eq!(
            rows_csv(&header, &rows),
            "id,name,aliases,kind,notes\nx,'=cmd(),,person,suggested: 1 mention in 1 document; first at a.txt:3\n"
        );
    }
}
