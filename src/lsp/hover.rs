//! Hover: what whosaid knows about the place under the cursor. On a source mention, who it
//! resolves to, its registry row and the claims it supports; on a claim, its status and the
//! attributions behind it (and where a support was inherited from); on a finding, the rule.

use super::Checked;
use crate::registry::Registry;
use crate::report::text::sanitize;
use crate::report::{ClaimReport, DocumentReport, SpanReport};
use crate::ruleset::Ruleset;
use lsp_types as lt;

/// `s` (untrusted text) as Markdown text: on one line, without control characters, every ASCII
/// punctuation character that Markdown could read as syntax escaped with a backslash.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in sanitize(s).chars() {
        if "\\`*_{}[]()<>#+-.!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The status of a claim as the model names it, for a person (`single-source`).
fn label<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s.replace('_', "-"),
        _ => "unknown".into(),
    }
}

fn contains(s: &SpanReport, off: usize) -> bool {
    s.start <= off && off < s.end
}

fn source_section(
    rep: &DocumentReport,
    sid: &str,
    mention: &str,
    registry: Option<&Registry>,
) -> Option<String> {
    let s = rep.sources.iter().find(|s| s.id == sid)?;
    let mut out = format!("**{}** ({})", md_escape(&s.name), label(&s.kind));
    if mention != s.name {
        out.push_str(&format!(
            ": \u{201c}{}\u{201d} refers to {}",
            md_escape(mention),
            md_escape(&s.name)
        ));
    }
    out.push_str("\n\n");
    match &s.registry {
        None => out.push_str("Registry: not in the registry.\n"),
        Some(m) => {
            out.push_str(&format!(
                "Registry: `{}` ({} match)",
                md_escape(&m.id),
                label(&m.how)
            ));
            let cred = m.credibility.map_or("unrated", |c| c.as_str());
            out.push_str(&format!(", credibility **{cred}**"));
            if let Some(row) = registry.and_then(|r| r.get(&m.id)) {
                out.push_str(&format!(", {}", row.kind.as_str()));
                if let Some(role) = &row.role {
                    out.push_str(&format!(", {}", md_escape(role)));
                }
                if !row.affiliation.is_empty() {
                    let names: Vec<String> = (row.affiliation.iter())
                        .map(|a| md_escape(registry.and_then(|r| r.get(a)).map_or(a, |e| &e.name)))
                        .collect();
                    out.push_str(&format!(", affiliated with {}", names.join(", ")));
                }
                out.push_str(&format!(
                    ", last verified {}",
                    md_escape(row.last_verified.as_deref().unwrap_or("never"))
                ));
            }
            out.push_str(".\n");
        }
    }
    let claims: Vec<String> = (rep.claims.iter())
        .filter(|c| c.sources.iter().any(|x| x == sid))
        .map(|c| format!("{} (line {})", c.id, c.span.line))
        .collect();
    out.push_str(&format!(
        "\nSupports {} claim{}{}{}; {} mention{} in the text.",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" },
        if claims.is_empty() { "" } else { ": " },
        claims.join(", "),
        s.mentions.len(),
        if s.mentions.len() == 1 { "" } else { "s" },
    ));
    Some(out)
}

fn claim_section(rep: &DocumentReport, c: &ClaimReport) -> String {
    let mut out = format!(
        "**Claim {}** (line {}): **{}**, {} independent source{}\n",
        c.id,
        c.span.line,
        label(&c.status),
        c.independent_sources,
        if c.independent_sources == 1 { "" } else { "s" }
    );
    if c.attributions.is_empty() {
        out.push_str("\nNo attribution supports it.");
    }
    for aid in &c.attributions {
        let Some(a) = rep.attributions.iter().find(|a| &a.id == aid) else {
            continue;
        };
        let who: Vec<String> = (a.sources.iter())
            .map(|m| match rep.sources.iter().find(|s| s.id == m.source) {
                Some(s) if s.name != m.text => {
                    format!(
                        "{} (\u{201c}{}\u{201d})",
                        md_escape(&s.name),
                        md_escape(&m.text)
                    )
                }
                Some(s) => md_escape(&s.name),
                None => format!("{} (unresolved)", md_escape(&m.text)),
            })
            .collect();
        let overlaps = |s: &SpanReport| s.start < c.span.end && c.span.start < s.end;
        let inside = overlaps(&a.cue.span) || a.content.as_ref().is_some_and(|x| overlaps(&x.span));
        out.push_str(&format!(
            "\n- {}: *{}* ({}, line {}){}",
            who.join(" and "),
            md_escape(&a.cue.text),
            label(&a.kind),
            a.cue.span.line,
            if inside {
                String::new()
            } else {
                format!(", inherited from line {}", a.cue.span.line)
            }
        ));
    }
    out
}

/// The hover at `pos` of a checked document, or `None` when whosaid knows nothing there.
pub fn hover(
    c: &Checked,
    pos: lt::Position,
    registry: Option<&Registry>,
    ruleset: &Ruleset,
) -> Option<lt::Hover> {
    let off = c.lines.offset(&c.text, pos);
    let rep = &c.report;
    let mut sections = Vec::new();
    let mut range: Option<&SpanReport> = None;
    // a source mention: the smallest one under the cursor
    let mention = (rep.sources.iter())
        .flat_map(|s| s.mentions.iter().map(move |m| (s, m)))
        .filter(|(_, m)| contains(&m.span, off))
        .min_by_key(|(_, m)| m.span.end - m.span.start);
    if let Some((s, m)) = mention
        && let Some(sec) = source_section(rep, &s.id, &m.text, registry)
    {
        sections.push(sec);
        range = Some(&m.span);
    }
    for f in rep.findings.iter().filter(|f| contains(&f.span, off)) {
        let summary = ruleset
            .rules
            .get(f.rule.as_str())
            .map(|r| r.summary.as_str())
            .unwrap_or("");
        sections.push(format!(
            "**{}** ({}): {}\n\n{}",
            md_escape(&f.rule),
            f.severity.as_str(),
            md_escape(&f.message),
            md_escape(summary)
        ));
    }
    if let Some(claim) = rep.claims.iter().find(|cl| contains(&cl.span, off)) {
        sections.push(claim_section(rep, claim));
        range.get_or_insert(&claim.span);
    }
    if sections.is_empty() {
        return None;
    }
    Some(lt::Hover {
        contents: lt::HoverContents::Markup(lt::MarkupContent {
            kind: lt::MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: range.map(|r| c.lines.range(&c.text, r.start, r.end)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escape_leaves_no_syntax() {
        assert_eq!(
            md_escape("[x](javascript:1) <b>*y*</b>\n#"),
            "\\[x\\]\\(javascript:1\\) \\<b\\>\\*y\\*\\</b\\> \\#"
        );
        assert_eq!(md_escape("a\u{1b}b"), "a\u{fffd}b");
    }
}
