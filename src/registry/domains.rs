//! Registry rows by web domain: which row a link's host belongs to.
//!
//! Consumes: a [`Registry`] (the web domains in each row's `domains` column, as
//! [`super::ratings::domain_of`] reads them) and a URL or host. Produces: the id of the row whose
//! domain the host is, or is a subdomain of (`www.` and letter case ignored; the longest domain
//! wins, so `news.example.com` can have a row of its own beside `example.com`).
//!
//! Examples, with a row `reuters` whose `domains` are `reuters.com|reuters.co.uk`:
//! `https://www.reuters.com/world/x` -> `reuters`; `graphics.reuters.com` -> `reuters`;
//! `notreuters.com` -> none; `reuters.co` -> none.
//!
//! This is the registry's half of "links are sources" (a linked outlet matched to its row);
//! reading the links of a document and counting them as support is the pipeline's.

use super::Registry;
use super::ratings::{domain_of, host_and_parents};
use std::collections::HashMap;

/// The rows of a registry by web domain, built once.
#[derive(Debug, Clone, Default)]
pub struct DomainIndex {
    /// Domain -> row id; a domain two rows claim maps to neither (`None`).
    rows: HashMap<String, Option<String>>,
}

impl DomainIndex {
    /// The index of `registry`'s web domains.
    pub fn new(registry: &Registry) -> DomainIndex {
        let mut rows: HashMap<String, Option<String>> = HashMap::new();
        for e in registry.entries() {
            for d in e.domains.iter().filter_map(|d| domain_of(d)) {
                rows.entry(d)
                    .and_modify(|id| {
                        if id.as_deref() != Some(e.id.as_str()) {
                            *id = None;
                        }
                    })
                    .or_insert_with(|| Some(e.id.clone()));
            }
        }
        DomainIndex { rows }
    }

    /// The id of the row `url`'s host belongs to: its domain, or the nearest parent domain a row
    /// lists. `None` when no row lists it, or when the nearest domain listed is two rows'.
    pub fn lookup(&self, url: &str) -> Option<&str> {
        let host = domain_of(url)?;
        host_and_parents(&host)
            .find_map(|d| self.rows.get(d))
            .and_then(|id| id.as_deref())
    }

    /// Number of web domains indexed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no row lists a web domain.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> DomainIndex {
        let reg = Registry::from_csv(
            "r.csv",
            "id,name,kind,domains\n\
             reuters,Reuters,media,reuters.com|https://www.reuters.co.uk/\n\
             ex,Example,media,example.com\n\
             exnews,Example News,media,news.example.com\n\
             a,A,media,shared.org\n\
             b,B,media,shared.org|security\n",
        )
        .unwrap();
        DomainIndex::new(&reg)
    }

    #[test]
    fn hosts_match_their_domain_or_a_parent_with_www_ignored() {
        let ix = index();
        assert_eq!(
            ix.lookup("https://www.reuters.com/world/x"),
            Some("reuters")
        );
        assert_eq!(ix.lookup("graphics.reuters.com"), Some("reuters"));
        assert_eq!(ix.lookup("REUTERS.CO.UK"), Some("reuters"));
        assert_eq!(ix.lookup("https://news.example.com/a"), Some("exnews"));
        assert_eq!(ix.lookup("https://blog.example.com/a"), Some("ex"));
    }

    #[test]
    fn lookalikes_and_shared_domains_match_nothing() {
        let ix = index();
        assert_eq!(ix.lookup("notreuters.com"), None);
        assert_eq!(ix.lookup("reuters.co"), None);
        assert_eq!(ix.lookup("https://shared.org/x"), None);
        assert_eq!(ix.lookup("not a url"), None);
        // "security" is a subject, not a web domain
        assert_eq!(ix.len(), 5);
    }
}
