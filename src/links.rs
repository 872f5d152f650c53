//! Links are sources: in Markdown and HTML a hyperlink is how online writing cites ("according
//! to [a report](https://www.reuters.com/...)", "The breach lasted five months
//! ([report](https://...))"). This stage, after resolution and the framing attributions, turns
//! the document's links ([`crate::input::Link`]) into [`SourceLink`]s:
//!
//! - which links cite: an absolute `http(s)` link in running prose (a paragraph or list item
//!   that is not boilerplate), not to the page's own site (`SourceDoc::site`, or any subdomain
//!   of it) and not a block that is nothing but the link ("[Read more](...)", a related-links
//!   list: furniture, as GUIDELINES.md's "lists of links or sources" are not prose), nor to a
//!   host that illustrates rather than cites (a GIF or stock photo:
//!   `rules/lexicon/link-hosts-not-sources.txt`). Relative links are the site's own and never
//!   cite.
//! - an attribution whose cue, source mention or content contains the anchor records the link;
//!   when the anchor is in a source mention of a source that the registry did not match by
//!   name (and that is not a person: a person's page is not the outlet), the row of the link's
//!   domain becomes the source's (match `link`; "[an advisory](https://www.cisa.gov/...)" is
//!   CISA's, no longer anonymous).
//! - a link no attribution records is the support of its sentence: one attribution of kind
//!   `link` per link (its anchor is its cue and its mention, its sentence its content), whose
//!   source is the registry row of the domain (the document's source of that row when it has
//!   one), or else a source named by the domain. One domain is one source: two links to one
//!   outlet count once, two outlets twice (claims: a link attribution's content does not make
//!   another link's outlet "inside" it).
//!
//! Consumes: the analysis (sources resolved), the registry and its [`DomainIndex`]. Produces:
//! `Analysis::links`, new attributions (in document order) and sources.

use crate::input::{BlockKind, url_host};
use crate::model::{
    Analysis, Attribution, AttributionKind, Content, Mention, MentionKind, Source, SourceKind,
    SourceLink,
};
use crate::registry::domains::DomainIndex;
use crate::registry::ratings::host_and_parents;
use crate::registry::{MatchKind, Registry, RegistryMatch};
use crate::ruleset::Lexicon;
use crate::span::Span;
use std::collections::HashMap;

/// Find the citing links of `analysis`, record them on attributions, and add a `link`
/// attribution for each that no attribution records.
pub fn add_links(
    analysis: &mut Analysis,
    registry: Option<&Registry>,
    index: &DomainIndex,
    not_sources: &Lexicon,
) {
    if analysis.doc.links.is_empty() {
        return;
    }
    let (mut links, paras): (Vec<SourceLink>, Vec<usize>) =
        citing_links(analysis, registry, index, not_sources)
            .into_iter()
            .unzip();
    if links.is_empty() {
        return;
    }
    // links inside an attribution's mention: the registry row of the domain for its source
    for (l, &p) in links.iter().zip(&paras) {
        if let Some(ai) = covering(&analysis.attributions, p, l.span)
            && let Some(id) = &l.registry
            && let Some(reg) = registry
        {
            let a = &analysis.attributions[ai];
            let in_mention = a.sources.iter().find(|m| m.span.contains(l.span));
            if let Some(src) = in_mention.and_then(|m| m.source) {
                take_row(&mut analysis.sources[src], reg, id);
            }
        }
    }
    let mut found: Vec<Attribution> = Vec::new();
    // the document's source of each registry row, or named by a domain (its first)
    let mut known: HashMap<String, usize> = HashMap::new();
    for (i, s) in analysis.sources.iter().enumerate() {
        let key = s
            .registry
            .as_ref()
            .map_or_else(|| key_of(&s.name), |m| m.id.clone());
        known.entry(key).or_insert(i);
    }
    for (l, &p) in links.iter().zip(&paras) {
        if covering(&analysis.attributions, p, l.span).is_some() {
            continue;
        }
        let Some(si) = sentence_of(analysis, l.span) else {
            continue;
        };
        let s = analysis.sentences[si].clone();
        let start = s.label.map_or(s.span.start, |x| x.end);
        let content = Span::new(start, s.span.end).trim(&analysis.doc.text);
        let key = l.registry.clone().unwrap_or_else(|| key_of(&l.domain));
        let src = match known.get(&key) {
            Some(&i) => i,
            None => {
                let i = new_source(analysis, registry, l);
                known.insert(key, i);
                i
            }
        };
        let m = &mut analysis.sources[src].mentions;
        let at = m.partition_point(|x| x.start < l.span.start);
        m.insert(at, l.span);
        found.push(Attribution {
            kind: AttributionKind::Link,
            sources: vec![Mention {
                span: l.span,
                name: l.span,
                kind: MentionKind::Other,
                referent: None,
                source: Some(src),
            }],
            cited: Vec::new(),
            cue: l.span,
            cue_lemma: "link".to_string(),
            content: Some(Content::single(content)),
            sentence: si,
            paragraph: s.paragraph,
        });
    }
    analysis.merge_attributions(found);
    for (l, &p) in links.iter_mut().zip(&paras) {
        l.attribution = covering(&analysis.attributions, p, l.span);
    }
    analysis.links = links;
}

/// The links of the document that cite, with their domain and registry row, and the index of
/// the paragraph each is in.
fn citing_links(
    analysis: &Analysis,
    registry: Option<&Registry>,
    index: &DomainIndex,
    not_sources: &Lexicon,
) -> Vec<(SourceLink, usize)> {
    let doc = &analysis.doc;
    let own = doc.site.as_deref();
    let mut out = Vec::new();
    for link in &doc.links {
        let Some(domain) = url_host(&link.url) else {
            continue;
        };
        if own.is_some_and(|o| same_site(&domain, o))
            || host_and_parents(&domain).any(|d| not_sources.contains(d))
        {
            continue;
        }
        let bi = doc
            .blocks
            .partition_point(|b| b.span.end <= link.span.start);
        let Some(block) = doc.blocks.get(bi) else {
            continue;
        };
        let prose = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem);
        let boiler = analysis.boilerplate.get(bi).copied().unwrap_or(false);
        if !prose || boiler || !block.span.contains(link.span) {
            continue;
        }
        // a block that is the link and nothing else (but punctuation) is furniture
        let rest = block
            .span
            .slice(&doc.text)
            .trim_matches(|c: char| !c.is_alphanumeric());
        if rest
            == link
                .span
                .slice(&doc.text)
                .trim_matches(|c: char| !c.is_alphanumeric())
        {
            continue;
        }
        let row = index.lookup(&domain).map(str::to_string);
        let credibility = row
            .as_deref()
            .and_then(|id| registry?.get(id))
            .and_then(|e| e.credibility);
        let l = SourceLink {
            span: link.span,
            url: link.url.clone(),
            domain,
            registry: row,
            credibility,
            attribution: None,
        };
        out.push((l, bi));
    }
    out
}

/// True when `host` is the site `own` or a subdomain of it, or `own` a subdomain of `host`.
fn same_site(host: &str, own: &str) -> bool {
    let under = |a: &str, b: &str| a == b || a.strip_suffix(b).is_some_and(|p| p.ends_with('.'));
    under(host, own) || under(own, host)
}

/// The attribution that records a link at `span` in paragraph `para`: the one whose source
/// mention contains it, else whose cue does, else the one with the shortest content containing
/// it. Only the attributions with a cue in the paragraph or the one before or after it are
/// looked at (a quotation's content may run over a paragraph break), so that a page of
/// thousands of links costs its length, not its square.
fn covering(attributions: &[Attribution], para: usize, span: Span) -> Option<usize> {
    let from = attributions.partition_point(|a| a.paragraph + 1 < para);
    let to = from + attributions[from..].partition_point(|a| a.paragraph <= para + 1);
    let near = || (from..to).map(|i| (i, &attributions[i]));
    let in_content = |a: &Attribution| {
        a.content
            .as_ref()
            .is_some_and(|c| c.fragments.iter().any(|f| f.contains(span)))
    };
    let mention = near().find(|(_, a)| a.sources.iter().any(|m| m.span.contains(span)));
    mention
        .or_else(|| near().find(|(_, a)| a.cue.contains(span)))
        .or_else(|| {
            near()
                .filter(|(_, a)| in_content(a))
                .min_by_key(|(_, a)| a.content.as_ref().map_or(usize::MAX, |c| c.span.len()))
        })
        .map(|(i, _)| i)
}

/// The sentence that contains `span`.
fn sentence_of(analysis: &Analysis, span: Span) -> Option<usize> {
    let s = &analysis.sentences;
    let i = s.partition_point(|x| x.span.end <= span.start);
    s.get(i).filter(|x| x.span.contains(span)).map(|_| i)
}

/// The key of a source with no registry row named `name` (not a registry id: those have no
/// `/`).
fn key_of(name: &str) -> String {
    format!("//{name}")
}

/// A new source for a link attribution whose row (or domain) the document has none of: the
/// registry row of its domain, or a source named by the domain.
fn new_source(analysis: &mut Analysis, registry: Option<&Registry>, l: &SourceLink) -> usize {
    let mut s = Source {
        name: l.domain.clone(),
        kind: SourceKind::Unknown,
        anonymous: false,
        named: true,
        registry: None,
        credibility: None,
        mentions: Vec::new(),
        keys: Vec::new(),
    };
    if let (Some(reg), Some(id)) = (registry, &l.registry) {
        take_row(&mut s, reg, id);
    }
    analysis.sources.push(s);
    analysis.sources.len() - 1
}

/// Give `s` the registry row `id` (matched by a link's domain), unless the registry matched it
/// by name already or it is a person. An unnamed source that links to its row ("according to
/// [an advisory](https://www.cisa.gov/...)") is named by it: the reader can follow the link.
fn take_row(s: &mut Source, reg: &Registry, id: &str) {
    if s.registry.is_some() || s.kind == SourceKind::Person {
        return;
    }
    let Some(e) = reg.get(id) else { return };
    s.name = e.name.clone();
    s.credibility = e.credibility;
    s.named = true;
    s.anonymous = false;
    s.kind = SourceKind::from(e.kind);
    s.registry = Some(RegistryMatch {
        id: e.id.clone(),
        how: MatchKind::Link,
        score: 1.0,
    });
}

#[cfg(test)]
mod tests {
    use crate::model::{Analysis, AttributionKind, ClaimStatus, SourceKind};
    use crate::{Checker, Registry, Ruleset};

    const REGISTRY: &str = "id,name,kind,credibility,domains\n\
        reuters,Reuters,media,high,reuters.com\n\
        bbc,BBC News,media,high,bbc.co.uk\n\
        rumor,The Daily Rumor,media,deprecated,dailyrumor.example\n";

    fn check(md: &str, registry: bool) -> Analysis {
        let reg = registry.then(|| Registry::from_csv("r.csv", REGISTRY).unwrap());
        let c = Checker::new(Ruleset::embedded(), reg);
        c.check(crate::input::parse(
            "t.md",
            md.to_string(),
            crate::input::Format::Markdown,
        ))
    }

    fn link_sources(a: &Analysis) -> Vec<&str> {
        (a.attributions.iter())
            .filter(|x| x.kind == AttributionKind::Link)
            .map(|x| a.sources[x.sources[0].source.unwrap()].name.as_str())
            .collect()
    }

    #[test]
    fn two_outlets_corroborate_and_two_links_to_one_count_once() {
        let a = check(
            "The breach lasted five months ([report](https://www.reuters.com/a), \
             [BBC](https://www.bbc.co.uk/b)).\n\n\
             The attackers sold the data ([one](https://reuters.com/c), \
             [two](https://graphics.reuters.com/d)).\n",
            true,
        );
        assert_eq!(
            link_sources(&a),
            ["Reuters", "BBC News", "Reuters", "Reuters"]
        );
        let st: Vec<(ClaimStatus, usize)> = (a.claims.iter())
            .map(|c| (c.status, c.independent_sources))
            .collect();
        assert_eq!(
            st,
            [
                (ClaimStatus::Corroborated, 2),
                (ClaimStatus::SingleSource, 1)
            ]
        );
        assert_eq!(a.links.len(), 4);
        assert!(a.links.iter().all(|l| l.attribution.is_some()));
    }

    #[test]
    fn a_person_keeps_their_name_and_their_deprecated_link_is_flagged() {
        let a = check(
            "Jane Roe said in [a post](https://dailyrumor.example/p) that the plant was hacked.\n",
            true,
        );
        let roe = a.sources.iter().find(|s| s.name == "Jane Roe").unwrap();
        assert_eq!(
            (roe.kind, roe.registry.is_none()),
            (SourceKind::Person, true)
        );
        assert!(
            link_sources(&a).is_empty(),
            "the link is Roe's attribution's"
        );
        assert_eq!(a.links[0].registry.as_deref(), Some("rumor"));
        let f: Vec<(&str, &str)> = (a.findings.iter())
            .filter(|f| f.rule == "low-credibility-source")
            .map(|f| (f.message.as_str(), a.text(f.span)))
            .collect();
        assert_eq!(
            f,
            [(
                "The Daily Rumor has deprecated credibility in the registry",
                "a post"
            )]
        );
    }

    #[test]
    fn furniture_own_site_and_relative_links_cite_nothing() {
        let a = check(
            "---\nurl: https://paper.example/x\n---\n\
             [Read more](https://www.reuters.com/more)\n\n\
             - [Related story](https://bbc.co.uk/r)\n\n\
             The plant was shut for a week, as [we reported](https://news.paper.example/y) \
             and [here](/z) and [mail](mailto:a@reuters.com) ([gif](https://media.tenor.com/g)).\n",
            true,
        );
        assert!(a.links.is_empty(), "{:?}", a.links);
        assert!(link_sources(&a).is_empty());
    }

    #[test]
    fn without_a_registry_the_domain_names_the_source() {
        let a = check(
            "The breach lasted five months ([report](https://www.reuters.com/a)) and cost \
             millions ([more](https://www.reuters.com/b)).\n",
            false,
        );
        assert_eq!(link_sources(&a), ["reuters.com", "reuters.com"]);
        assert_eq!(a.sources.len(), 1);
        assert_eq!(a.sources[0].mentions.len(), 2);
        assert_eq!(a.claims[0].independent_sources, 1);
    }

    #[test]
    fn plain_text_has_no_links() {
        let c = Checker::new(Ruleset::embedded(), None);
        let a = c.check(crate::input::parse_text(
            "t.txt",
            "See https://www.reuters.com/a for the report.".to_string(),
        ));
        assert!(a.links.is_empty());
    }
}
