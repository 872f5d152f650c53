//! The collection view as Markdown: headings and tables, for a wiki page or a pull request.
//! Every cell is escaped ([`cell`]) so a source's name cannot break the table or inject markup.

use super::Summary;
use super::summary::{count, percent};

/// How many sources and articles the tables list.
pub const TOP: usize = 25;

/// `s` safe inside a Markdown table cell: line breaks become spaces and other control and bidi
/// characters U+FFFD ([`crate::report::text::sanitize_char`]); `|`, `\`, `` ` ``, `*`,
/// `_`, `[`, `]`, `<`, `>`, `#`, `!` and `~` are backslash-escaped.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(crate::report::text::sanitize_char) {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The summary as a Markdown document.
pub fn render(s: &Summary) -> String {
    let mut o = String::new();
    let c = &s.claims;
    o.push_str("# Sourcing across the collection\n\n");
    o.push_str(&format!(
        "{}, {}, {}, {}.\n\n",
        count(s.documents, "document"),
        count(c.total, "claim"),
        count(s.attributions, "attribution"),
        count(s.sources.len(), "named source")
    ));
    o.push_str("| claims | count | share |\n|---|---:|---:|\n");
    for (label, n) in [
        (
            "corroborated (two or more independent sources)",
            c.corroborated,
        ),
        ("single source", c.single_source),
        ("unattributed", c.unattributed),
        ("disputed", c.disputed),
    ] {
        o.push_str(&format!("| {label} | {n} | {} |\n", percent(n, c.total)));
    }
    o.push_str(&format!(
        "\nAnonymous: {} of {} attributions ({}) and {} claims rest on anonymous sources only.\n\n",
        s.anonymous_attributions,
        s.attributions,
        percent(s.anonymous_attributions, s.attributions),
        s.anonymous_claims
    ));
    if s.unresolved_sources > 0 {
        o.push_str(&format!(
            "{} document sources are a pronoun whosaid could not resolve to anyone (\"she said\"); they are not ranked.\n\n",
            s.unresolved_sources
        ));
    }

    o.push_str(&format!(
        "## Most cited sources\n\nThe {} named sources cited in the most documents (of {}).\n\n",
        TOP.min(s.sources.len()),
        s.sources.len()
    ));
    o.push_str("| source | kind | registry | credibility | documents | claims | attributions |\n|---|---|---|---|---:|---:|---:|\n");
    for r in s.sources.iter().take(TOP) {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&r.name),
            cell(&r.kind),
            cell(r.registry.as_deref().unwrap_or("-")),
            cell(r.credibility.as_deref().unwrap_or("-")),
            r.articles,
            r.claims,
            r.attributions
        ));
    }

    o.push_str("\n## Sources by kind and credibility\n\n| kind | sources |\n|---|---:|\n");
    for k in &s.kinds {
        o.push_str(&format!("| {} | {} |\n", cell(&k.kind), k.sources));
    }
    let cr = &s.credibility;
    o.push_str("\n| registry credibility | named sources |\n|---|---:|\n");
    for (label, n) in [
        ("high", cr.high),
        ("medium", cr.medium),
        ("low", cr.low),
        ("deprecated", cr.deprecated),
        ("in the registry, unrated", cr.unrated),
        ("not in the registry", cr.unregistered),
    ] {
        o.push_str(&format!("| {label} | {n} |\n"));
    }

    o.push_str(&format!(
        "\n## Articles resting most on one source or none\n\nThe {} documents with the largest share of claims that are single-sourced or unattributed.\n\n",
        TOP.min(s.articles.len())
    ));
    o.push_str("| document | date | claims | single source | unattributed | share | top source (share of sourced claims) |\n|---|---|---:|---:|---:|---:|---|\n");
    for a in s.articles.iter().take(TOP) {
        let top = match &a.top_source {
            Some(t) => format!("{} ({:.0}%)", cell(t), a.top_source_share * 100.0),
            None => "-".to_string(),
        };
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&a.path),
            cell(a.date.as_deref().unwrap_or("-")),
            a.claims.total,
            a.claims.single_source,
            a.claims.unattributed,
            percent(a.claims.weak(), a.claims.total),
            top
        ));
    }

    if !s.periods.is_empty() {
        o.push_str("\n## Over time\n\n| month | documents | claims | corroborated | single source | unattributed | anonymous attributions |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for p in &s.periods {
            o.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                cell(&p.period),
                p.documents,
                p.claims.total,
                percent(p.claims.corroborated, p.claims.total),
                percent(p.claims.single_source, p.claims.total),
                percent(p.claims.unattributed, p.claims.total),
                percent(p.anonymous_attributions, p.attributions)
            ));
        }
        if s.undated > 0 {
            o.push_str(&format!(
                "\n{} no date.\n",
                if s.undated == 1 {
                    "1 document has".to_string()
                } else {
                    format!("{} documents have", s.undated)
                }
            ));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table_or_add_markup() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(cell("<script>"), "\\<script\\>");
        assert_eq!(cell("[x](javascript:y)"), "\\[x\\](javascript:y)");
    }
}
