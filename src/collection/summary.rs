//! The figures of the collection view, computed from the documents' reports.
//!
//! A source is the same across documents when it matched the same registry row, or, unmatched,
//! when its name normalizes the same ([`crate::registry::normalize_name`]: "Reuters" and
//! "reuters" are one, "Tom Hegel" and "Tom Hegal" are two). Anonymous sources are never ranked
//! (each "officials" is a different, unknown set of people); they are counted in the anonymous
//! shares instead; nor are references whosaid could not resolve past a pronoun ("she", "they",
//! "I": [`PRONOUNS`]), which are counted as unresolved.

use super::Doc;
use crate::registry::normalize_name;
use indexmap::IndexMap;
use serde::Serialize;

/// Claims by status: the sentences of kind `claim` (a report without kinds counts every claim),
/// and beside them how many were background, self-reports or quotations (never flagged, so not
/// in the shares).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// All claims of kind `claim`.
    pub total: usize,
    /// Two or more independent sources.
    pub corroborated: usize,
    /// Exactly one.
    pub single_source: usize,
    /// None.
    pub unattributed: usize,
    /// A source the sentence cites disputes it.
    pub disputed: usize,
    /// Sentences of another kind (background, self_report, quote).
    pub other_kinds: usize,
}

impl StatusCounts {
    fn add(&mut self, status: &str, kind: Option<&str>) {
        if kind.is_some_and(|k| k != "claim") {
            self.other_kinds += 1;
            return;
        }
        self.total += 1;
        match status {
            "corroborated" => self.corroborated += 1,
            "single_source" => self.single_source += 1,
            "disputed" => self.disputed += 1,
            _ => self.unattributed += 1,
        }
    }

    fn merge(&mut self, o: &StatusCounts) {
        self.total += o.total;
        self.corroborated += o.corroborated;
        self.single_source += o.single_source;
        self.unattributed += o.unattributed;
        self.disputed += o.disputed;
        self.other_kinds += o.other_kinds;
    }

    /// Claims that rest on one source or none.
    pub fn weak(&self) -> usize {
        self.single_source + self.unattributed
    }
}

/// A source cited in the collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    /// The registry row's name when matched, else the name in the first report that cites it.
    pub name: String,
    /// Kind, as in the first report that cites it.
    pub kind: String,
    /// Registry row id, when matched.
    pub registry: Option<String>,
    /// The registry row's credibility.
    pub credibility: Option<String>,
    /// Documents citing it.
    pub articles: usize,
    /// Claims it supports.
    pub claims: usize,
    /// Attributions to it.
    pub attributions: usize,
}

/// Sources cited, by kind (a source cited in two documents counts twice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// `person`, `organization`, `media`, `government`, `anonymous`, `unknown`.
    pub kind: String,
    /// Document sources of this kind.
    pub sources: usize,
}

/// Document sources by the credibility of their registry row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CredibilityCounts {
    /// Rated high.
    pub high: usize,
    /// Rated medium.
    pub medium: usize,
    /// Rated low.
    pub low: usize,
    /// Rated deprecated.
    pub deprecated: usize,
    /// In the registry, not rated.
    pub unrated: usize,
    /// Named, not in the registry.
    pub unregistered: usize,
}

/// One document of the collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    /// Path or id.
    pub path: String,
    /// Its date, when known.
    pub date: Option<String>,
    /// Claims by status.
    pub claims: StatusCounts,
    /// Share of the claims that rest on one source or none (0 when there are no claims).
    pub weak_share: f64,
    /// Attributions.
    pub attributions: usize,
    /// Attributions to anonymous sources only.
    pub anonymous_attributions: usize,
    /// The named source behind the most claims, and the share of the sourced claims it is
    /// behind: how hard the document leans on one voice.
    pub top_source: Option<String>,
    /// That share (0 when no claim has a source).
    pub top_source_share: f64,
}

/// One month of the collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodRow {
    /// `YYYY-MM`.
    pub period: String,
    /// Documents dated in it.
    pub documents: usize,
    /// Their claims.
    pub claims: StatusCounts,
    /// Their attributions.
    pub attributions: usize,
    /// Those to anonymous sources only.
    pub anonymous_attributions: usize,
}

/// Everything the collection view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Documents.
    pub documents: usize,
    /// Documents without a date.
    pub undated: usize,
    /// Claims by status.
    pub claims: StatusCounts,
    /// Attributions.
    pub attributions: usize,
    /// Attributions to anonymous sources only.
    pub anonymous_attributions: usize,
    /// Claims whose sources are all anonymous.
    pub anonymous_claims: usize,
    /// Document sources that are an unresolved pronoun ("she said" with no one to refer to).
    pub unresolved_sources: usize,
    /// Named sources, most cited first (documents, then claims, then name).
    pub sources: Vec<SourceRow>,
    /// Document sources by kind, most first.
    pub kinds: Vec<KindCount>,
    /// Named document sources by registry credibility.
    pub credibility: CredibilityCounts,
    /// Documents, those resting most on one source or none first.
    pub articles: Vec<ArticleRow>,
    /// Months, in order, for dated documents.
    pub periods: Vec<PeriodRow>,
}

/// Personal and demonstrative pronouns (a closed grammatical class): a source whose name is one
/// of these is a reference that was not resolved to anyone, not a source to rank.
pub const PRONOUNS: [&str; 17] = [
    "he", "her", "him", "i", "it", "me", "one", "she", "that", "them", "these", "they", "this",
    "those", "us", "we", "you",
];

/// `part / whole`, 0 when `whole` is 0, rounded to 4 decimals (so reports are stable).
pub(crate) fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
}

/// `n` and `word`, plural when `n` is not 1 ("1 document", "2 documents"; the plural adds `s`).
pub(crate) fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `part / whole` as a percentage with one decimal ("42.1%"), "-" when `whole` is 0.
pub(crate) fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".to_string();
    }
    format!("{:.1}%", part as f64 / whole as f64 * 100.0)
}

/// The collection key of a document source: its registry row, or its normalized name.
fn key(s: &super::DocSource) -> String {
    match &s.registry {
        Some(r) => format!("registry:{}", r.id),
        None => format!("name:{}", normalize_name(&s.name)),
    }
}

/// The summary, built a document at a time (so a stream of reports of any length needs memory
/// for the sources and one row per document, not for the reports).
#[derive(Debug, Default)]
pub struct Summarizer {
    documents: usize,
    claims: StatusCounts,
    attributions: usize,
    anonymous_attributions: usize,
    anonymous_claims: usize,
    sources: IndexMap<String, SourceRow>,
    kinds: IndexMap<String, usize>,
    credibility: CredibilityCounts,
    articles: Vec<ArticleRow>,
    periods: IndexMap<String, PeriodRow>,
    undated: usize,
    unresolved: usize,
}

/// The summary of `docs`, in their order.
pub fn summarize(docs: &[Doc]) -> Summary {
    let mut s = Summarizer::default();
    for doc in docs {
        s.add(doc);
    }
    s.finish()
}

impl Summarizer {
    /// Add the next document.
    pub fn add(&mut self, doc: &Doc) {
        self.documents += 1;
        let Summarizer {
            claims,
            attributions,
            anonymous_attributions,
            anonymous_claims,
            sources,
            kinds,
            credibility,
            articles,
            periods,
            undated,
            unresolved,
            ..
        } = self;
        // this document's sources: id -> (collection key, anonymous)
        let local: IndexMap<&str, (Option<String>, bool)> = doc
            .sources
            .iter()
            .map(|s| {
                let anonymous = s.anonymous || s.kind == "anonymous";
                let pronoun =
                    s.registry.is_none() && PRONOUNS.contains(&normalize_name(&s.name).as_str());
                let k = (!anonymous && !pronoun).then(|| key(s));
                (s.id.as_str(), (k, anonymous))
            })
            .collect();
        let is_anon = |id: &str| local.get(id).is_none_or(|(_, a)| *a);
        let key_of = |id: &str| local.get(id).and_then(|(k, _)| k.clone());
        for s in &doc.sources {
            *kinds.entry(s.kind.clone()).or_default() += 1;
            let Some(k) = key_of(&s.id) else {
                if !is_anon(&s.id) {
                    *unresolved += 1;
                }
                continue;
            };
            match &s.registry {
                None => credibility.unregistered += 1,
                Some(r) => match r.credibility.as_deref() {
                    Some("high") => credibility.high += 1,
                    Some("medium") => credibility.medium += 1,
                    Some("low") => credibility.low += 1,
                    Some("deprecated") => credibility.deprecated += 1,
                    _ => credibility.unrated += 1,
                },
            }
            let row = sources.entry(k).or_insert_with(|| SourceRow {
                name: s.name.clone(),
                kind: s.kind.clone(),
                registry: s.registry.as_ref().map(|r| r.id.clone()),
                credibility: s.registry.as_ref().and_then(|r| r.credibility.clone()),
                articles: 0,
                claims: 0,
                attributions: 0,
            });
            row.articles += 1;
        }
        let mut doc_anon_atts = 0;
        for a in &doc.attributions {
            if !a.sources.is_empty() && a.sources.iter().all(|m| is_anon(&m.source)) {
                doc_anon_atts += 1;
            }
            let mut seen: Vec<String> = Vec::new();
            for k in a.sources.iter().filter_map(|m| key_of(&m.source)) {
                if !seen.contains(&k) {
                    if let Some(row) = sources.get_mut(&k) {
                        row.attributions += 1;
                    }
                    seen.push(k);
                }
            }
        }
        let mut doc_claims = StatusCounts::default();
        let mut per_source: IndexMap<String, usize> = IndexMap::new();
        let mut sourced = 0;
        for c in &doc.claims {
            doc_claims.add(&c.status, c.kind.as_deref());
            if !c.sources.is_empty() {
                sourced += 1;
                if c.sources.iter().all(|s| is_anon(s)) {
                    *anonymous_claims += 1;
                }
            }
            let mut seen: Vec<String> = Vec::new();
            for k in c.sources.iter().filter_map(|s| key_of(s)) {
                if !seen.contains(&k) {
                    if let Some(row) = sources.get_mut(&k) {
                        row.claims += 1;
                    }
                    *per_source.entry(k.clone()).or_default() += 1;
                    seen.push(k);
                }
            }
        }
        // the first of the sources behind the most claims
        let top = per_source
            .iter()
            .fold(None::<(&String, usize)>, |best, (k, &n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((k, n)),
            });
        claims.merge(&doc_claims);
        *attributions += doc.attributions.len();
        *anonymous_attributions += doc_anon_atts;
        let date = doc.date.clone();
        match &date {
            Some(d) if d.len() >= 7 => {
                let p = periods
                    .entry(d[..7].to_string())
                    .or_insert_with(|| PeriodRow {
                        period: d[..7].to_string(),
                        documents: 0,
                        claims: StatusCounts::default(),
                        attributions: 0,
                        anonymous_attributions: 0,
                    });
                p.documents += 1;
                p.claims.merge(&doc_claims);
                p.attributions += doc.attributions.len();
                p.anonymous_attributions += doc_anon_atts;
            }
            _ => *undated += 1,
        }
        articles.push(ArticleRow {
            path: doc.path.clone(),
            date,
            claims: doc_claims,
            weak_share: share(doc_claims.weak(), doc_claims.total),
            attributions: doc.attributions.len(),
            anonymous_attributions: doc_anon_atts,
            top_source: top
                .and_then(|(k, _)| sources.get(k))
                .map(|r| r.name.clone()),
            top_source_share: top.map_or(0.0, |(_, n)| share(n, sourced)),
        });
    }

    /// The summary of the documents added, in their order.
    pub fn finish(self) -> Summary {
        let Summarizer {
            documents,
            claims,
            attributions,
            anonymous_attributions,
            anonymous_claims,
            sources,
            kinds,
            credibility,
            mut articles,
            periods,
            undated,
            unresolved,
        } = self;
        let mut sources: Vec<SourceRow> = sources.into_values().collect();
        sources.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.claims.cmp(&a.claims))
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut kinds: Vec<KindCount> = kinds
            .into_iter()
            .map(|(kind, sources)| KindCount { kind, sources })
            .collect();
        kinds.sort_by(|a, b| b.sources.cmp(&a.sources).then_with(|| a.kind.cmp(&b.kind)));
        // stable: documents with equal shares keep their input order
        articles.sort_by(|a, b| {
            b.weak_share
                .total_cmp(&a.weak_share)
                .then(b.claims.weak().cmp(&a.claims.weak()))
        });
        let mut periods: Vec<PeriodRow> = periods.into_values().collect();
        periods.sort_by(|a, b| a.period.cmp(&b.period));
        Summary {
            documents,
            undated,
            claims,
            attributions,
            anonymous_attributions,
            anonymous_claims,
            unresolved_sources: unresolved,
            sources,
            kinds,
            credibility,
            articles,
            periods,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::read_reports;

    /// A report line: `sources` as (id, name, kind, registry id), `claims` as (status, source ids),
    /// `atts` as source ids per attribution.
    fn line(
        path: &str,
        date: Option<&str>,
        sources: &[(&str, &str, &str, Option<&str>)],
        claims: &[(&str, &[&str])],
        atts: &[&[&str]],
    ) -> String {
        let sources: Vec<serde_json::Value> = sources
            .iter()
            .map(|(id, name, kind, reg)| {
                serde_json::json!({"id": id, "name": name, "kind": kind,
                    "anonymous": *kind == "anonymous",
                    "registry": reg.map(|r| serde_json::json!({"id": r, "match": "exact", "score": 1.0, "credibility": "high"})),
                    "mentions": [{"text": name, "span": {"line": 1}}]})
            })
            .collect();
        let claims: Vec<serde_json::Value> = claims
            .iter()
            .map(|(st, ss)| serde_json::json!({"status": st, "sources": ss}))
            .collect();
        let atts: Vec<serde_json::Value> = atts
            .iter()
            .map(|ss| serde_json::json!({"sources": ss.iter().map(|s| serde_json::json!({"source": s})).collect::<Vec<_>>()}))
            .collect();
        let mut v = serde_json::json!({"path": path, "sources": sources, "attributions": atts, "claims": claims});
        if let Some(d) = date {
            v["date"] = d.into();
        }
        v.to_string()
    }

    fn docs() -> Vec<Doc> {
        let a = line(
            "a",
            Some("2020-01-05"),
            &[
                ("s1", "Reuters", "media", Some("reuters")),
                ("s2", "officials", "anonymous", None),
            ],
            &[
                ("single_source", &["s1"]),
                ("single_source", &["s2"]),
                ("unattributed", &[]),
                ("corroborated", &["s1", "s2"]),
            ],
            &[&["s1"], &["s2"]],
        );
        let b = line(
            "b",
            Some("2020-02-01"),
            &[
                ("s1", "Reuters News", "media", Some("reuters")),
                ("s2", "Ana Lima", "person", None),
            ],
            &[("corroborated", &["s1", "s2"]), ("single_source", &["s2"])],
            &[&["s1"], &["s2"], &["s2"]],
        );
        let c = line(
            "c",
            None,
            &[
                ("s1", "ana lima", "person", None),
                ("s2", "She", "unknown", None),
            ],
            &[("single_source", &["s2"])],
            &[&["s2"]],
        );
        read_reports("t", format!("{a}\n{b}\n{c}\n").as_bytes()).unwrap()
    }

    #[test]
    fn ranks_sources_across_documents_by_registry_row_or_name_but_not_pronouns() {
        let s = summarize(&docs());
        let got: Vec<(&str, usize, usize, usize)> = s
            .sources
            .iter()
            .map(|r| (r.name.as_str(), r.articles, r.claims, r.attributions))
            .collect();
        // Reuters: a and b (one registry row, two spellings), 3 claims; Ana Lima: b and (as
        // "ana lima") c, 2 claims
        assert_eq!(got, [("Reuters", 2, 3, 2), ("Ana Lima", 2, 2, 2)]);
        assert_eq!(s.sources[0].registry.as_deref(), Some("reuters"));
    }

    #[test]
    fn counts_disputed_claims_and_keeps_other_kinds_out_of_the_shares() {
        let claims = [
            serde_json::json!({"status": "disputed", "kind": "claim", "sources": []}),
            serde_json::json!({"status": "unattributed", "kind": "background", "sources": []}),
            serde_json::json!({"status": "single_source", "kind": "self_report", "sources": []}),
            serde_json::json!({"status": "unattributed", "sources": []}),
        ];
        let line =
            serde_json::json!({"path": "k", "sources": [], "attributions": [], "claims": claims});
        let docs = read_reports("t", line.to_string().as_bytes()).unwrap();
        let c = summarize(&docs).claims;
        // a report without kinds (the last claim) counts every claim as kind `claim`
        assert_eq!(
            (c.total, c.disputed, c.unattributed, c.other_kinds),
            (2, 1, 1, 2)
        );
        assert_eq!(c.weak(), 1);
    }

    #[test]
    fn counts_statuses_anonymous_shares_and_months() {
        let s = summarize(&docs());
        assert_eq!(
            s.claims,
            StatusCounts {
                total: 7,
                corroborated: 2,
                single_source: 4,
                unattributed: 1,
                disputed: 0,
                other_kinds: 0,
            }
        );
        assert_eq!(
            (s.attributions, s.anonymous_attributions, s.anonymous_claims),
            (6, 1, 1)
        );
        // "She" with no one to refer to: counted as unresolved, not ranked, not anonymous
        assert_eq!(s.unresolved_sources, 1);
        assert_eq!(s.credibility.high, 2);
        assert_eq!(s.credibility.unregistered, 2);
        assert_eq!(s.undated, 1);
        let months: Vec<(&str, usize, usize)> = s
            .periods
            .iter()
            .map(|p| (p.period.as_str(), p.documents, p.claims.total))
            .collect();
        assert_eq!(months, [("2020-01", 1, 4), ("2020-02", 1, 2)]);
        let kinds: Vec<(&str, usize)> = s
            .kinds
            .iter()
            .map(|k| (k.kind.as_str(), k.sources))
            .collect();
        assert_eq!(
            kinds,
            [
                ("media", 2),
                ("person", 2),
                ("anonymous", 1),
                ("unknown", 1)
            ]
        );
    }

    #[test]
    fn ranks_articles_by_what_rests_on_one_source_or_none() {
        let s = summarize(&docs());
        let got: Vec<(&str, f64, Option<&str>, f64)> = s
            .articles
            .iter()
            .map(|a| {
                (
                    a.path.as_str(),
                    a.weak_share,
                    a.top_source.as_deref(),
                    a.top_source_share,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("c", 1.0, None, 0.0),
                ("a", 0.75, Some("Reuters"), 0.6667),
                ("b", 0.5, Some("Ana Lima"), 1.0),
            ]
        );
    }
}
