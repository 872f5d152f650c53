//! `whosaid registry import-ratings`: outlet ratings keyed by web domain, brought into the
//! registry's media rows as credibility tiers.
//!
//! Consumes: a ratings table (CSV with a header; a domain column and a score column from 0 to 1,
//! such as the domain-quality ratings of Lin et al., PNAS Nexus 2023) and the registry text.
//! Produces: the registry text with the media rows' `credibility` set from the rating of the
//! web domains in their `domains` column, and a `rating_source` column saying where the tier came
//! from; plus the list of what changed ([`Outcome`]).
//!
//! Rules:
//! - a score maps to a tier by [`Cuts`] (by default >= 0.75 high, >= 0.5 medium, >= 0.25 low,
//!   else deprecated);
//! - a row the newsroom rated itself (a credibility and no `rating_source`) is never changed;
//! - a row's web domains are the items of `domains` that look like a host name (`reuters.com`,
//!   `https://www.bbc.co.uk/news`: scheme, `www.`, port and path are dropped); a domain not in
//!   the table is looked up by its parent domains (`edition.cnn.com` finds `cnn.com`); a row
//!   with several rated domains takes the lowest score, the cautious choice;
//! - every row that is not changed is copied byte for byte (with an empty `rating_source` cell
//!   appended when the column is new).

use super::rows::{RawRow, read_table};
use super::{Credibility, Registry};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// The lowest score of each tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cuts {
    /// From this score on: high.
    pub high: f64,
    /// From this score on: medium.
    pub medium: f64,
    /// From this score on: low; below it: deprecated.
    pub low: f64,
}

impl Default for Cuts {
    fn default() -> Self {
        Cuts {
            high: 0.75,
            medium: 0.5,
            low: 0.25,
        }
    }
}

impl Cuts {
    /// Cuts written `HIGH,MEDIUM,LOW` (`0.75,0.5,0.25`), decreasing, within [0, 1].
    pub fn parse(s: &str) -> std::result::Result<Cuts, String> {
        let v: Vec<f64> = s
            .split(',')
            .map(|x| x.trim().parse::<f64>())
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| format!("cuts `{s}`: expected three numbers, HIGH,MEDIUM,LOW"))?;
        let [high, medium, low] = v[..] else {
            return Err(format!(
                "cuts `{s}`: expected three numbers, HIGH,MEDIUM,LOW"
            ));
        };
        if !((0.0..=1.0).contains(&low) && low <= medium && medium <= high && high <= 1.0) {
            return Err(format!(
                "cuts `{s}`: expected 1 >= HIGH >= MEDIUM >= LOW >= 0"
            ));
        }
        Ok(Cuts { high, medium, low })
    }

    /// The tier of `score`.
    pub fn tier(&self, score: f64) -> Credibility {
        if score >= self.high {
            Credibility::High
        } else if score >= self.medium {
            Credibility::Medium
        } else if score >= self.low {
            Credibility::Low
        } else {
            Credibility::Deprecated
        }
    }
}

/// The host name in `s` (`https://www.Reuters.com/world` -> `reuters.com`), if it looks like one.
pub fn domain_of(s: &str) -> Option<String> {
    let s = s.trim();
    crate::input::host_in(s.split_once("://").map_or(s, |(_, rest)| rest))
}

/// `host` and its parent domains down to two labels: `a.b.example.com`, `b.example.com`,
/// `example.com` (never a bare `com`).
pub(crate) fn host_and_parents(host: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(host), |d| {
        d.split_once('.')
            .map(|(_, parent)| parent)
            .filter(|p| p.contains('.'))
    })
}

/// A ratings table: domain -> (score, 1-based line).
#[derive(Debug, Clone, Default)]
pub struct Ratings {
    scores: HashMap<String, (f64, usize)>,
}

impl Ratings {
    /// Read a ratings CSV (`name` in errors) with the domain in `domain_col` and the score in
    /// `score_col` (header names, case-insensitive). A score that is not a number from 0 to 1,
    /// a cell that is not a domain, or a domain given twice is an error naming its line.
    pub fn read(name: &str, data: &str, domain_col: &str, score_col: &str) -> Result<Ratings> {
        let data = data.strip_prefix('\u{feff}').unwrap_or(data);
        let fail = |line: usize, msg: String| Error::Input {
            path: name.to_string(),
            line,
            msg,
        };
        let table = read_table(name, data)?;
        let header = table
            .header
            .as_ref()
            .ok_or_else(|| fail(1, "empty ratings file: expected a header row".into()))?;
        let find = |col: &str| {
            table.column(col).ok_or_else(|| {
                fail(
                    header.line,
                    format!(
                        "no column `{col}` in the header (found: {})",
                        header.fields.join(", ")
                    ),
                )
            })
        };
        let (dc, sc) = (find(domain_col)?, find(score_col)?);
        let mut scores: HashMap<String, (f64, usize)> = HashMap::new();
        for r in table.rows.iter().filter(|r| !r.is_blank()) {
            let cell = r.get(Some(dc));
            let domain = domain_of(cell)
                .ok_or_else(|| fail(r.line, format!("`{cell}` is not a web domain")))?;
            let raw = r.get(Some(sc));
            let score = raw
                .parse::<f64>()
                .ok()
                .filter(|s| (0.0..=1.0).contains(s))
                .ok_or_else(|| {
                    fail(
                        r.line,
                        format!("score `{raw}` of {domain} is not a number from 0 to 1"),
                    )
                })?;
            if let Some((_, first)) = scores.get(&domain) {
                return Err(fail(
                    r.line,
                    format!("{domain} is rated twice (first on line {first})"),
                ));
            }
            scores.insert(domain, (score, r.line));
        }
        Ok(Ratings { scores })
    }

    /// Number of rated domains.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// True when no domain is rated.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// The score of `domain` or of its nearest rated parent domain, with the domain rated.
    pub fn score(&self, domain: &str) -> Option<(f64, &str)> {
        host_and_parents(domain).find_map(|d| {
            self.scores
                .get_key_value(d)
                .map(|(k, (s, _))| (*s, k.as_str()))
        })
    }
}

/// What the import did to one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The credibility was set (`before` is the old value, empty when unrated).
    Changed {
        /// Old credibility.
        before: String,
        /// New credibility.
        after: Credibility,
    },
    /// The row already had this tier from the same rating source.
    Unchanged,
    /// The newsroom rated the row itself: left alone (`tier` is what the rating would give).
    Kept {
        /// The newsroom's credibility.
        own: String,
        /// The tier the rating would give.
        tier: Credibility,
    },
}

/// One media row the ratings cover.
#[derive(Debug, Clone, PartialEq)]
pub struct RowChange {
    /// 1-based line in the registry.
    pub line: usize,
    /// Row id.
    pub id: String,
    /// The rated domain the score came from.
    pub domain: String,
    /// The score.
    pub score: f64,
    /// What happened.
    pub action: Action,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The new registry text.
    pub text: String,
    /// Media rows the ratings cover, in file order.
    pub rows: Vec<RowChange>,
    /// Ids of media rows no rating covers.
    pub unrated: Vec<String>,
}

/// Import `ratings` into the registry `data` (named `name`), labelling the tiers it sets with
/// `label` in the `rating_source` column. The registry must load
/// ([`Registry::from_csv`]); so must the result.
pub fn import(
    name: &str,
    data: &str,
    ratings: &Ratings,
    cuts: &Cuts,
    label: &str,
) -> Result<Outcome> {
    Registry::from_csv(name, data)?;
    let bom = if data.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let body = &data[bom.len()..];
    let table = read_table(name, body)?;
    let Some(header) = &table.header else {
        return Err(Error::Registry {
            path: name.to_string(),
            line: 1,
            msg: "no header row".into(),
        });
    };
    let col = |c: &str| table.column(c);
    let (c_id, c_kind, c_domains) = (col("id"), col("kind"), col("domains"));
    // columns the import needs and the registry lacks are added at the end of every row
    let mut added: Vec<&str> = Vec::new();
    let mut index_of = |c: &str| match col(c) {
        Some(i) => i,
        None => {
            added.push(if c == "credibility" {
                "credibility"
            } else {
                "rating_source"
            });
            header.fields.len() + added.len() - 1
        }
    };
    let (c_cred, c_source) = (index_of("credibility"), index_of("rating_source"));
    let width = header.fields.len() + added.len();
    let mut rows = Vec::new();
    let mut unrated = Vec::new();
    let mut out = String::with_capacity(data.len() + table.rows.len() * 16);
    out.push_str(bom);
    let mut at = header.end;
    out.push_str(&body[..header.end]);
    for c in &added {
        out.push(',');
        out.push_str(c);
    }
    for r in &table.rows {
        out.push_str(&body[at..r.start]);
        at = r.end;
        let original = &body[r.start..r.end];
        let copy = |out: &mut String| {
            out.push_str(original);
            if !r.is_blank() {
                out.push_str(&",".repeat(added.len()));
            }
        };
        if r.is_blank() || !r.get(c_kind).eq_ignore_ascii_case("media") {
            copy(&mut out);
            continue;
        }
        let id = r.get(c_id).to_string();
        let Some((score, domain)) = row_score(r, c_domains, ratings) else {
            unrated.push(id);
            copy(&mut out);
            continue;
        };
        let tier = cuts.tier(score);
        let own = r.get(Some(c_cred)).to_string();
        let source = r.get(Some(c_source)).to_string();
        let action = if !own.is_empty() && source.is_empty() {
            Action::Kept { own, tier }
        } else if own.eq_ignore_ascii_case(tier.as_str()) && source == label {
            Action::Unchanged
        } else {
            Action::Changed {
                before: own,
                after: tier,
            }
        };
        if let Action::Changed { after, .. } = &action {
            let mut fields = r.fields.clone();
            fields.resize(width, String::new());
            fields[c_cred] = after.as_str().to_string();
            fields[c_source] = label.to_string();
            out.push_str(&csv_record(&fields));
        } else {
            copy(&mut out);
        }
        rows.push(RowChange {
            line: r.line,
            id,
            domain,
            score,
            action,
        });
    }
    out.push_str(&body[at..]);
    // a bug here must not reach the newsroom's file
    Registry::from_csv(name, &out)?;
    Ok(Outcome {
        text: out,
        rows,
        unrated,
    })
}

/// The lowest score of the row's rated web domains, with the domain rated.
fn row_score(r: &RawRow, c_domains: Option<usize>, ratings: &Ratings) -> Option<(f64, String)> {
    r.get(c_domains)
        .split('|')
        .filter_map(domain_of)
        .filter_map(|d| ratings.score(&d).map(|(s, k)| (s, k.to_string())))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

/// One CSV record (no line break), quoted where needed.
fn csv_record(fields: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(fields);
    let s = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    s.trim_end_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = "id,name,kind,domains,credibility\r\n\
        reuters,Reuters,media,reuters.com,\r\n\
        \"rt\",RT,media,\"rt.com|https://www.rt.com/news\",high\r\n\
        cnn,CNN,media,edition.cnn.com|politics,\r\n\
        ana,Ana Lima,person,ana.example,\r\n\
        blog,A Blog,media,,\r\n";

    fn ratings() -> Ratings {
        Ratings::read(
            "r.csv",
            "domain,pc1\nreuters.com,0.9\nwww.rt.com,0.1\ncnn.com,0.6\nana.example,0.1\n",
            "domain",
            "PC1",
        )
        .unwrap()
    }

    #[test]
    fn cuts_map_scores_to_tiers() {
        let c = Cuts::default();
        let tiers: Vec<&str> = [1.0, 0.75, 0.74, 0.5, 0.25, 0.2, 0.0]
            .iter()
            .map(|s| c.tier(*s).as_str())
            .collect();
        assert_eq!(
            tiers,
            [
                "high",
                "high",
                "medium",
                "medium",
                "low",
                "deprecated",
                "deprecated"
            ]
        );
        assert_eq!(Cuts::parse("0.8, 0.6,0.3").unwrap().medium, 0.6);
        assert!(Cuts::parse("0.5,0.6,0.3").is_err());
        assert!(Cuts::parse("0.5,0.3").is_err());
    }

    #[test]
    fn domains_are_host_names_without_scheme_www_or_path() {
        assert_eq!(
            domain_of("https://www.Reuters.com/world?x=1").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(domain_of("bbc.co.uk:443").as_deref(), Some("bbc.co.uk"));
        assert_eq!(domain_of("politics"), None);
        assert_eq!(domain_of("a..b"), None);
        let r = ratings();
        assert_eq!(r.score("edition.cnn.com"), Some((0.6, "cnn.com")));
        assert_eq!(r.score("com"), None);
    }

    #[test]
    fn sets_unrated_media_rows_and_keeps_the_newsrooms_own_ratings() {
        let o = import("reg.csv", REGISTRY, &ratings(), &Cuts::default(), "lin2023").unwrap();
        let lines: Vec<&str> = o.text.split("\r\n").collect();
        assert_eq!(lines[0], "id,name,kind,domains,credibility,rating_source");
        assert_eq!(lines[1], "reuters,Reuters,media,reuters.com,high,lin2023");
        // the newsroom said high: untouched, byte for byte, but for the new empty cell
        assert_eq!(
            lines[2],
            "\"rt\",RT,media,\"rt.com|https://www.rt.com/news\",high,"
        );
        assert_eq!(
            lines[3],
            "cnn,CNN,media,edition.cnn.com|politics,medium,lin2023"
        );
        // not media: untouched
        assert_eq!(lines[4], "ana,Ana Lima,person,ana.example,,");
        assert_eq!(lines[5], "blog,A Blog,media,,,");
        let got: Vec<(&str, &Action)> = o.rows.iter().map(|r| (r.id.as_str(), &r.action)).collect();
        assert_eq!(
            got,
            [
                (
                    "reuters",
                    &Action::Changed {
                        before: String::new(),
                        after: Credibility::High
                    }
                ),
                (
                    "rt",
                    &Action::Kept {
                        own: "high".into(),
                        tier: Credibility::Deprecated
                    }
                ),
                (
                    "cnn",
                    &Action::Changed {
                        before: String::new(),
                        after: Credibility::Medium
                    }
                ),
            ]
        );
        assert_eq!(o.unrated, ["blog"]);
        // a second import with the same ratings changes nothing
        let again = import("reg.csv", &o.text, &ratings(), &Cuts::default(), "lin2023").unwrap();
        assert_eq!(again.text, o.text);
        let actions: Vec<&Action> = again.rows.iter().map(|r| &r.action).collect();
        assert_eq!(actions[0], &Action::Unchanged);
        assert!(matches!(actions[1], Action::Kept { .. }));
        assert_eq!(actions[2], &Action::Unchanged);
        // new cuts move the tier of an imported row, never of the newsroom's
        let strict = Cuts::parse("0.95,0.7,0.5").unwrap();
        let moved = import("reg.csv", &o.text, &ratings(), &strict, "lin2023").unwrap();
        assert!(
            moved
                .text
                .contains("reuters,Reuters,media,reuters.com,medium,lin2023")
        );
        assert!(
            moved
                .text
                .contains("cnn,CNN,media,edition.cnn.com|politics,low,lin2023")
        );
        assert!(
            moved
                .text
                .contains("\"rt\",RT,media,\"rt.com|https://www.rt.com/news\",high,")
        );
    }

    #[test]
    fn bad_ratings_name_their_line() {
        let e = Ratings::read("r.csv", "domain,score\nx.com,1.5\n", "domain", "score").unwrap_err();
        assert_eq!(
            e.to_string(),
            "r.csv:2: score `1.5` of x.com is not a number from 0 to 1"
        );
        let e = Ratings::read(
            "r.csv",
            "domain,score\nx.com,1\nwww.x.com,0\n",
            "domain",
            "score",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "r.csv:3: x.com is rated twice (first on line 2)"
        );
        let e = Ratings::read("r.csv", "site,score\n", "domain", "score").unwrap_err();
        assert!(
            e.to_string().starts_with("r.csv:1: no column `domain`"),
            "{e}"
        );
    }
}
