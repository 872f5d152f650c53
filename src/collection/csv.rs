//! The collection view as one CSV table in long form, `section,name,metric,value`, one figure a
//! row (for a spreadsheet's pivot table or `pandas.pivot`):
//!
//! ```text
//! section,name,metric,value
//! overall,,documents,295
//! overall,,claims_single_source,1234
//! source,Reuters,articles,12
//! article,wikinews_00006,weak_share,0.75
//! period,2019-01,documents,20
//! ```
//!
//! Every cell is safe to open in a spreadsheet ([`safe_cell`]).

use super::{StatusCounts, Summary};

/// `s` as a CSV cell a spreadsheet will not run as a formula: a cell that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice on CSV injection;
/// [`crate::report::csv::inert`], as in the findings' CSV);
/// control characters, line breaks and bidi controls are replaced as in the terminal report
/// ([`crate::report::text::sanitize`]). Quoting of commas and quotes is the CSV writer's job.
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let plain = !s
        .chars()
        .any(|c| crate::report::text::sanitize_char(c) != c);
    let s: std::borrow::Cow<'_, str> = if plain {
        s.into()
    } else {
        crate::report::text::sanitize(s).into()
    };
    // the findings' CSV report's rule for formulas
    match crate::report::csv::inert(&s) {
        std::borrow::Cow::Owned(quoted) => quoted.into(),
        std::borrow::Cow::Borrowed(_) => s,
    }
}

/// The summary as CSV.
pub fn render(summary: &Summary) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |section: &str, name: &str, metric: &str, value: String| {
        let _ = w.write_record([section, &safe_cell(name), metric, &safe_cell(&value)]);
    };
    row("section", "name", "metric", "value".into());
    fn statuses(prefix: &str, c: &StatusCounts) -> [(String, usize); 6] {
        [
            (format!("{prefix}claims"), c.total),
            (format!("{prefix}claims_corroborated"), c.corroborated),
            (format!("{prefix}claims_single_source"), c.single_source),
            (format!("{prefix}claims_unattributed"), c.unattributed),
            (format!("{prefix}claims_disputed"), c.disputed),
            (format!("{prefix}sentences_of_other_kinds"), c.other_kinds),
        ]
    }
    let s = summary;
    for (m, v) in [("documents", s.documents), ("undated_documents", s.undated)] {
        row("overall", "", m, v.to_string());
    }
    for (m, v) in statuses("", &s.claims) {
        row("overall", "", &m, v.to_string());
    }
    for (m, v) in [
        ("attributions", s.attributions),
        ("anonymous_attributions", s.anonymous_attributions),
        ("anonymous_claims", s.anonymous_claims),
        ("unresolved_sources", s.unresolved_sources),
        ("named_sources", s.sources.len()),
    ] {
        row("overall", "", m, v.to_string());
    }
    let c = &s.credibility;
    for (m, v) in [
        ("high", c.high),
        ("medium", c.medium),
        ("low", c.low),
        ("deprecated", c.deprecated),
        ("unrated", c.unrated),
        ("unregistered", c.unregistered),
    ] {
        row("credibility", m, "sources", v.to_string());
    }
    for k in &s.kinds {
        row("kind", &k.kind, "sources", k.sources.to_string());
    }
    for r in &s.sources {
        row("source", &r.name, "kind", r.kind.clone());
        if let Some(id) = &r.registry {
            row("source", &r.name, "registry", id.clone());
        }
        if let Some(cr) = &r.credibility {
            row("source", &r.name, "credibility", cr.clone());
        }
        for (m, v) in [
            ("articles", r.articles),
            ("claims", r.claims),
            ("attributions", r.attributions),
        ] {
            row("source", &r.name, m, v.to_string());
        }
    }
    for a in &s.articles {
        if let Some(d) = &a.date {
            row("article", &a.path, "date", d.clone());
        }
        for (m, v) in statuses("", &a.claims) {
            row("article", &a.path, &m, v.to_string());
        }
        row("article", &a.path, "weak_share", a.weak_share.to_string());
        row(
            "article",
            &a.path,
            "attributions",
            a.attributions.to_string(),
        );
        row(
            "article",
            &a.path,
            "anonymous_attributions",
            a.anonymous_attributions.to_string(),
        );
        if let Some(t) = &a.top_source {
            row("article", &a.path, "top_source", t.clone());
            row(
                "article",
                &a.path,
                "top_source_share",
                a.top_source_share.to_string(),
            );
        }
    }
    for p in &s.periods {
        row("period", &p.period, "documents", p.documents.to_string());
        for (m, v) in statuses("", &p.claims) {
            row("period", &p.period, &m, v.to_string());
        }
        row(
            "period",
            &p.period,
            "attributions",
            p.attributions.to_string(),
        );
        row(
            "period",
            &p.period,
            "anonymous_attributions",
            p.anonymous_attributions.to_string(),
        );
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_get_a_quote() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+1"), "'+1");
        assert_eq!(safe_cell("@cmd"), "'@cmd");
        assert_eq!(safe_cell("-2"), "'-2");
        assert_eq!(safe_cell("Reuters"), "Reuters");
        assert_eq!(safe_cell(""), "");
        // a leading tab is a space after sanitizing: no formula either way
        assert_eq!(safe_cell("\tx"), " x");
        assert_eq!(safe_cell("a\u{202e}b\nc"), "a\u{fffd}b c");
    }
}
