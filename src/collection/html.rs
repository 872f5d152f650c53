//! The collection view as one self-contained HTML page: the tables of the Markdown view plus
//! charts drawn as inline SVG (claims by status, most cited sources, sources by kind, shares by
//! month). No script, no style sheet or font from the network: the page opens offline and is
//! safe to mail. Every piece of text from a report is escaped ([`escape`]).
//!
//! Each chart is an `<svg class="chart" id="chart-...">` with a `<title>`, so a test (or a
//! screen reader) finds it.

use super::Summary;
use super::markdown::TOP;
use super::summary::percent;
use std::fmt::Write;

/// Sources shown in the bar chart.
const CHART_SOURCES: usize = 15;

/// Colours of the claim statuses: corroborated, single source, unattributed.
const STATUS_COLORS: [&str; 4] = ["#2e7d32", "#f9a825", "#c62828", "#6a1b9a"];

/// `s` escaped for HTML text and attribute values, as the HTML report escapes them
/// ([`crate::report::html::escape`]), after line breaks became spaces and other control and
/// bidi characters U+FFFD ([`crate::report::text::sanitize_char`]): the page's labels are one
/// line each.
pub fn escape(s: &str) -> String {
    let sanitize = crate::report::text::sanitize_char;
    if s.chars().all(|c| sanitize(c) == c) {
        return crate::report::html::escape(s);
    }
    crate::report::html::escape(&s.chars().map(sanitize).collect::<String>())
}

/// A horizontal bar chart of `rows` (label, value).
fn bar_chart(id: &str, title: &str, rows: &[(String, usize)], color: &str) -> String {
    let (label_w, bar_w, row_h) = (230.0, 420.0, 22.0);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let height = rows.len() as f64 * row_h + 10.0;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" width="{w}" height="{height}" viewBox="0 0 {w} {height}" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{title}</title>"#,
        w = label_w + bar_w + 60.0,
        title = escape(title)
    );
    for (i, (label, v)) in rows.iter().enumerate() {
        let y = 5.0 + i as f64 * row_h;
        let len = (*v as f64 / max * bar_w).max(1.0);
        let short: String = if label.chars().count() > 32 {
            label.chars().take(31).chain(std::iter::once('…')).collect()
        } else {
            label.clone()
        };
        let _ = write!(
            o,
            r#"<text x="{lx}" y="{ty}" text-anchor="end" font-size="12">{l}</text><rect class="bar" x="{label_w}" y="{y}" width="{len:.1}" height="{bh}" fill="{color}"><title>{full}: {v}</title></rect><text x="{vx:.1}" y="{ty}" font-size="12">{v}</text>"#,
            lx = label_w - 6.0,
            ty = y + 14.0,
            l = escape(&short),
            bh = row_h - 6.0,
            full = escape(label),
            vx = label_w + len + 4.0,
        );
    }
    o.push_str("</svg>");
    o
}

/// One bar of the claims, split by status, with a legend.
fn status_chart(s: &Summary) -> String {
    let c = &s.claims;
    let (w, h) = (650.0, 70.0);
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<svg class="chart" id="chart-status" role="img" aria-labelledby="chart-status-title" width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg"><title id="chart-status-title">Claims by status</title>"#
    );
    let parts = [
        ("corroborated", c.corroborated),
        ("single source", c.single_source),
        ("unattributed", c.unattributed),
        ("disputed", c.disputed),
    ];
    let mut x = 0.0;
    for (i, (label, n)) in parts.iter().enumerate() {
        let part = if c.total == 0 {
            0.0
        } else {
            *n as f64 / c.total as f64 * w
        };
        let _ = write!(
            o,
            r#"<rect class="bar" x="{x:.1}" y="0" width="{part:.1}" height="28" fill="{}"><title>{label}: {n} ({})</title></rect>"#,
            STATUS_COLORS[i],
            percent(*n, c.total)
        );
        x += part;
        let lx = i as f64 * 170.0;
        let _ = write!(
            o,
            r#"<rect x="{lx}" y="42" width="12" height="12" fill="{}"/><text x="{tx}" y="53" font-size="12">{label} {} ({})</text>"#,
            STATUS_COLORS[i],
            n,
            percent(*n, c.total),
            tx = lx + 16.0
        );
    }
    o.push_str("</svg>");
    o
}

/// Lines of the share of claims per status, month by month.
fn time_chart(s: &Summary) -> String {
    let (w, h, left, bottom, top) = (700.0, 260.0, 45.0, 40.0, 10.0);
    let plot_w = w - left - 40.0;
    let plot_h = h - bottom - top;
    let n = s.periods.len();
    let x_at = |i: usize| {
        if n <= 1 {
            left + plot_w / 2.0
        } else {
            left + i as f64 / (n - 1) as f64 * plot_w
        }
    };
    let y_at = |share: f64| top + (1.0 - share) * plot_h;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<svg class="chart" id="chart-time" role="img" aria-labelledby="chart-time-title" width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg"><title id="chart-time-title">Share of claims by status, by month</title>"#
    );
    for pct in [0, 25, 50, 75, 100] {
        let y = y_at(f64::from(pct) / 100.0);
        let _ = write!(
            o,
            r##"<line x1="{left}" y1="{y:.1}" x2="{x2}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end" font-size="11">{pct}%</text>"##,
            x2 = left + plot_w,
            tx = left - 4.0,
            ty = y + 4.0
        );
    }
    let every = n.div_ceil(12).max(1);
    for (i, p) in s.periods.iter().enumerate() {
        if i % every == 0 {
            let _ = write!(
                o,
                r#"<text x="{x:.1}" y="{y}" text-anchor="middle" font-size="11">{}</text>"#,
                escape(&p.period),
                x = x_at(i),
                y = h - bottom + 16.0
            );
        }
    }
    type Count = fn(&super::PeriodRow) -> usize;
    let series: [(&str, Count); 3] = [
        ("corroborated", |p| p.claims.corroborated),
        ("single source", |p| p.claims.single_source),
        ("unattributed", |p| p.claims.unattributed),
    ];
    for (k, (label, get)) in series.iter().enumerate() {
        let points: Vec<String> = s
            .periods
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let sh = if p.claims.total == 0 {
                    0.0
                } else {
                    get(p) as f64 / p.claims.total as f64
                };
                format!("{:.1},{:.1}", x_at(i), y_at(sh))
            })
            .collect();
        let _ = write!(
            o,
            r#"<polyline class="line" fill="none" stroke="{c}" stroke-width="2" points="{}"><title>{label}</title></polyline>"#,
            points.join(" "),
            c = STATUS_COLORS[k]
        );
        for pt in &points {
            let (x, y) = pt.split_once(',').unwrap_or(("0", "0"));
            let _ = write!(
                o,
                r#"<circle cx="{x}" cy="{y}" r="2.5" fill="{}"/>"#,
                STATUS_COLORS[k]
            );
        }
        let lx = left + k as f64 * 160.0;
        let _ = write!(
            o,
            r#"<rect x="{lx}" y="{ly}" width="12" height="12" fill="{c}"/><text x="{tx}" y="{ty}" font-size="12">{label}</text>"#,
            ly = h - 16.0,
            c = STATUS_COLORS[k],
            tx = lx + 16.0,
            ty = h - 5.0
        );
    }
    o.push_str("</svg>");
    o
}

/// The summary as an HTML page titled `title`.
pub fn render(s: &Summary, title: &str) -> String {
    let c = &s.claims;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{t}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 62em; padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.d {{ white-space: nowrap; }}
.figures {{ display: flex; gap: 2em; flex-wrap: wrap; }}
.figure b {{ display: block; font-size: 1.6em; }}
svg.chart {{ display: block; margin: 1em 0; max-width: 100%; height: auto; }}
</style>
</head>
<body>
<h1>{t}</h1>
<div class="figures">
<div class="figure" id="fig-documents"><b>{docs}</b>documents</div>
<div class="figure" id="fig-claims"><b>{claims}</b>claims</div>
<div class="figure" id="fig-weak"><b>{weak}</b>of claims rest on one source or none</div>
<div class="figure" id="fig-anonymous"><b>{anon}</b>of attributions are to anonymous sources</div>
<div class="figure" id="fig-sources"><b>{sources}</b>named sources</div>
</div>
<h2>Claims by status</h2>
"#,
        t = escape(title),
        docs = s.documents,
        claims = c.total,
        weak = percent(c.weak(), c.total),
        anon = percent(s.anonymous_attributions, s.attributions),
        sources = s.sources.len(),
    );
    o.push_str(&status_chart(s));
    let _ = write!(
        o,
        "\n<p>{} claims rest on anonymous sources only. {} document sources are a pronoun whosaid could not resolve to anyone; they are not ranked.</p>\n<h2>Most cited sources</h2>\n",
        s.anonymous_claims, s.unresolved_sources
    );
    let top: Vec<(String, usize)> = s
        .sources
        .iter()
        .take(CHART_SOURCES)
        .map(|r| (r.name.clone(), r.articles))
        .collect();
    o.push_str(&bar_chart(
        "chart-sources",
        "Documents citing each source",
        &top,
        "#1565c0",
    ));
    o.push_str("\n<table id=\"sources\">\n<tr><th>source</th><th>kind</th><th>registry</th><th>credibility</th><th class=\"n\">documents</th><th class=\"n\">claims</th><th class=\"n\">attributions</th></tr>\n");
    for r in s.sources.iter().take(TOP) {
        let _ = writeln!(
            o,
            r#"<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            escape(&r.name),
            escape(&r.kind),
            escape(r.registry.as_deref().unwrap_or("-")),
            escape(r.credibility.as_deref().unwrap_or("-")),
            r.articles,
            r.claims,
            r.attributions
        );
    }
    o.push_str("</table>\n<h2>Sources by kind and credibility</h2>\n");
    let kinds: Vec<(String, usize)> = s
        .kinds
        .iter()
        .map(|k| (k.kind.clone(), k.sources))
        .collect();
    o.push_str(&bar_chart(
        "chart-kinds",
        "Document sources by kind",
        &kinds,
        "#6a1b9a",
    ));
    let cr = &s.credibility;
    let creds: Vec<(String, usize)> = [
        ("high", cr.high),
        ("medium", cr.medium),
        ("low", cr.low),
        ("deprecated", cr.deprecated),
        ("in the registry, unrated", cr.unrated),
        ("not in the registry", cr.unregistered),
    ]
    .into_iter()
    .map(|(l, n)| (l.to_string(), n))
    .collect();
    o.push('\n');
    o.push_str(&bar_chart(
        "chart-credibility",
        "Named document sources by registry credibility",
        &creds,
        "#00838f",
    ));
    o.push_str("\n<h2>Articles resting most on one source or none</h2>\n<table id=\"articles\">\n<tr><th>document</th><th>date</th><th class=\"n\">claims</th><th class=\"n\">single source</th><th class=\"n\">unattributed</th><th class=\"n\">share</th><th>top source (share of sourced claims)</th></tr>\n");
    for a in s.articles.iter().take(TOP) {
        let top = match &a.top_source {
            Some(t) => format!("{} ({:.0}%)", escape(t), a.top_source_share * 100.0),
            None => "-".to_string(),
        };
        let _ = writeln!(
            o,
            r#"<tr><td>{}</td><td class="d">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>"#,
            escape(&a.path),
            escape(a.date.as_deref().unwrap_or("-")),
            a.claims.total,
            a.claims.single_source,
            a.claims.unattributed,
            percent(a.claims.weak(), a.claims.total),
            top
        );
    }
    o.push_str("</table>\n");
    if !s.periods.is_empty() {
        o.push_str("<h2>Over time</h2>\n");
        o.push_str(&time_chart(s));
        o.push_str("\n<table id=\"periods\">\n<tr><th>month</th><th class=\"n\">documents</th><th class=\"n\">claims</th><th class=\"n\">corroborated</th><th class=\"n\">single source</th><th class=\"n\">unattributed</th><th class=\"n\">anonymous attributions</th></tr>\n");
        for p in &s.periods {
            let _ = writeln!(
                o,
                r#"<tr><td class="d">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
                escape(&p.period),
                p.documents,
                p.claims.total,
                percent(p.claims.corroborated, p.claims.total),
                percent(p.claims.single_source, p.claims.total),
                percent(p.claims.unattributed, p.claims.total),
                percent(p.anonymous_attributions, p.attributions)
            );
        }
        o.push_str("</table>\n");
        if s.undated > 0 {
            let _ = writeln!(
                o,
                "<p>{} no date.</p>",
                if s.undated == 1 {
                    "1 document has".to_string()
                } else {
                    format!("{} documents have", s.undated)
                }
            );
        }
    }
    o.push_str("</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<img src=x onerror='a'>&\"\u{1b}\u{202e}"),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;\u{fffd}\u{fffd}"
        );
    }
}
