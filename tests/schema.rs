//! The JSON report validates against docs/report.schema.json (the machine-readable form of
//! docs/report-schema.md), and the schema is strict enough to reject broken reports.

use serde_json::{Value, json};
use std::path::Path;
use whosaid::input::Format;
use whosaid::model::{AttributionKind, ClaimKind, ClaimStatus, Severity, SourceKind};
use whosaid::registry::{Credibility, MatchKind};
use whosaid::report::{
    self, AttributionReport, AttributionSourceReport, ClaimReport, DocumentReport, FindingReport,
    LinkReport, RegistryReport, SourceReport, SpanReport, Stats, Summary, TextSpan,
};
use whosaid::{Checker, Registry, Ruleset};

const SCHEMA: &str = include_str!("../docs/report.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("docs/report.schema.json is JSON")
}

/// Validator of the whole-run report.
fn run_validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("schema compiles")
}

/// Validator of one document (`$defs/Document`, for JSON Lines).
fn document_validator() -> jsonschema::Validator {
    let full = schema();
    let wrapper = json!({
        "$schema": full["$schema"],
        "$defs": full["$defs"],
        "$ref": "#/$defs/Document",
    });
    jsonschema::validator_for(&wrapper).expect("document schema compiles")
}

/// Every validation error, one per line (empty when valid).
fn errors(v: &jsonschema::Validator, instance: &Value) -> String {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}\n", e.instance_path()))
        .collect()
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value) {
    let errs = errors(v, instance);
    assert!(
        errs.is_empty(),
        "report does not validate:\n{errs}\n{instance:#}"
    );
}

fn assert_invalid(v: &jsonschema::Validator, instance: &Value) {
    assert!(!v.is_valid(instance), "should not validate:\n{instance:#}");
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/seed")
        .join(name)
}

/// The library's report of the seed article, checked with the seed registry.
fn seed_report() -> (DocumentReport, Summary) {
    let registry = Registry::load(&fixture("registry.csv")).expect("seed registry loads");
    let checker = Checker::new(Ruleset::embedded(), Some(registry));
    let raw = std::fs::read_to_string(fixture("npo-mash.txt")).expect("seed article");
    let analysis = checker.check(whosaid::input::parse_text(
        "fixtures/seed/npo-mash.txt",
        raw,
    ));
    let all: Vec<usize> = (0..analysis.sources.len()).collect();
    let independent = checker.independent(&analysis, &all);
    let doc = report::build(&analysis, independent);
    let mut summary = Summary::default();
    summary.add(&doc);
    (doc, summary)
}

fn span(start: usize, end: usize, line: usize, column: usize) -> SpanReport {
    SpanReport {
        start,
        end,
        line,
        column,
        end_line: line,
        end_column: column + (end - start),
    }
}

fn text_span(text: &str, start: usize, line: usize, column: usize) -> TextSpan {
    TextSpan {
        text: text.into(),
        span: span(start, start + text.len(), line, column),
        fragments: None,
        truncated: false,
    }
}

/// A document report with every field populated (registry match, interrupted content with
/// fragments, a claim, findings with and without suggestion and ids).
fn full_document() -> DocumentReport {
    let hegel = SourceReport {
        id: "s1".into(),
        name: "Tom Hegel".into(),
        kind: SourceKind::Person,
        anonymous: false,
        registry: Some(RegistryReport {
            id: "tom-hegel".into(),
            how: MatchKind::Surname,
            score: 0.9,
            credibility: Some(Credibility::High),
        }),
        mentions: vec![
            text_span("Tom Hegel", 0, 1, 1),
            text_span("Hegel", 120, 2, 40),
        ],
    };
    let experts = SourceReport {
        id: "s2".into(),
        name: "cybersecurity experts".into(),
        kind: SourceKind::Anonymous,
        anonymous: true,
        registry: None,
        mentions: vec![text_span("cybersecurity experts", 60, 1, 61)],
    };
    let reuters = SourceReport {
        id: "s3".into(),
        name: "Reuters".into(),
        kind: SourceKind::Media,
        anonymous: false,
        registry: Some(RegistryReport {
            id: "reuters".into(),
            how: MatchKind::Exact,
            score: 1.0,
            credibility: None,
        }),
        mentions: vec![text_span("Reuters", 90, 1, 91)],
    };
    let mut content = text_span("We will win, and soon.", 200, 3, 1);
    content.fragments = Some(vec![span(200, 212, 3, 1), span(225, 235, 3, 26)]);
    // (as if cut at the cap: the field is written only then)
    content.truncated = true;
    let quote = AttributionReport {
        id: "a1".into(),
        kind: AttributionKind::DirectQuote,
        sources: vec![AttributionSourceReport {
            source: "s1".into(),
            text: "Hegel".into(),
            span: span(120, 125, 2, 40),
        }],
        cited: Vec::new(),
        cue: text_span("told the outlet", 126, 2, 46),
        content: Some(content),
        link: None,
    };
    let according = AttributionReport {
        id: "a2".into(),
        kind: AttributionKind::AccordingTo,
        sources: vec![
            AttributionSourceReport {
                source: "s3".into(),
                text: "Reuters".into(),
                span: span(90, 97, 1, 91),
            },
            AttributionSourceReport {
                source: "s2".into(),
                text: "cybersecurity experts".into(),
                span: span(60, 81, 1, 61),
            },
        ],
        // ("according to Reuters, citing cybersecurity experts" would fill it)
        cited: vec![AttributionSourceReport {
            source: "s2".into(),
            text: "cybersecurity experts".into(),
            span: span(60, 81, 1, 61),
        }],
        cue: text_span("according to", 77, 1, 78),
        content: None,
        link: Some(LinkReport {
            url: "https://www.reuters.com/world/x".into(),
            domain: "reuters.com".into(),
        }),
    };
    let claims = vec![
        ClaimReport {
            id: "c1".into(),
            text: "The hackers gained backdoor access.".into(),
            span: span(10, 45, 1, 11),
            checkworthiness: 0.83,
            kind: ClaimKind::Claim,
            status: ClaimStatus::Corroborated,
            attributions: vec!["a1".into(), "a2".into()],
            inherited: vec!["a2".into()],
            sources: vec!["s1".into(), "s3".into()],
            disputed_by: vec![],
            independent_sources: 2,
        },
        ClaimReport {
            id: "c2".into(),
            text: "The breach lasted five months.".into(),
            span: span(300, 330, 4, 1),
            checkworthiness: 0.5,
            kind: ClaimKind::Claim,
            status: ClaimStatus::Disputed,
            attributions: vec![],
            inherited: vec![],
            sources: vec![],
            disputed_by: vec!["s2".into()],
            independent_sources: 0,
        },
    ];
    let findings = vec![
        FindingReport {
            rule: "unknown-source".into(),
            severity: Severity::Warning,
            message: "Tom Hegle is not in the registry.".into(),
            span: span(0, 9, 1, 1),
            claim: Some("c1".into()),
            source: Some("s1".into()),
            attribution: Some("a1".into()),
            suggestion: Some("did you mean Tom Hegel?".into()),
            fingerprint: "00001234abcd0001".into(),
        },
        FindingReport {
            rule: "unattributed-claim".into(),
            severity: Severity::Error,
            message: "Claim has no source.".into(),
            span: span(300, 330, 4, 1),
            claim: Some("c2".into()),
            source: None,
            attribution: None,
            suggestion: None,
            fingerprint: "00001234abcd0002".into(),
        },
        FindingReport {
            rule: "anonymous-source".into(),
            severity: Severity::Info,
            message: "Unnamed source.".into(),
            span: span(60, 81, 1, 61),
            claim: None,
            source: Some("s2".into()),
            attribution: None,
            suggestion: None,
            fingerprint: "00001234abcd0003".into(),
        },
    ];
    DocumentReport {
        path: "news/article.md".into(),
        format: Format::Markdown,
        date: Some("2024-03-05".into()),
        stats: Stats {
            sentences: 4,
            claims: claims.len(),
            attributions: 2,
            sources: 3,
            independent_sources: 3,
            truncated_contents: 1,
        },
        sources: vec![hegel, experts, reuters],
        attributions: vec![quote, according],
        claims,
        findings,
    }
}

fn run_json(docs: &[DocumentReport]) -> Value {
    let mut summary = Summary::default();
    for d in docs {
        summary.add(d);
    }
    serde_json::from_str(&report::json::render_run(docs, &summary)).expect("render_run is JSON")
}

fn line_json(doc: &DocumentReport) -> Value {
    let line = report::json::render_line(doc);
    assert!(line.ends_with('\n'));
    assert_eq!(line.trim_end_matches('\n').lines().count(), 1, "one line");
    serde_json::from_str(&line).expect("render_line is JSON")
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let s = schema();
    assert_eq!(
        s["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    if let Err(e) = jsonschema::meta::validate(&s) {
        panic!("schema does not validate against its meta-schema: {e}");
    }
}

#[test]
fn seed_article_report_validates() {
    let (doc, summary) = seed_report();
    let v = run_validator();
    let run: Value = serde_json::from_str(&report::json::render_run(
        std::slice::from_ref(&doc),
        &summary,
    ))
    .expect("render_run is JSON");
    assert_valid(&v, &run);
    assert_valid(&document_validator(), &line_json(&doc));
}

#[test]
fn fully_populated_report_validates() {
    let full = full_document();
    let run = run_json(&[full.clone(), seed_report().0]);
    // The hand-built report really has every optional part, so the schema sees them.
    let d = &run["documents"][0];
    assert!(d["sources"][0]["registry"].is_object());
    assert!(d["sources"][2]["registry"]["credibility"].is_null());
    assert!(d["attributions"][0]["content"]["fragments"].is_array());
    assert!(d["attributions"][1]["content"].is_null());
    assert!(d["attributions"][0]["cue"].get("fragments").is_none());
    assert!(d["findings"][0]["suggestion"].is_string());
    assert!(d["findings"][1]["suggestion"].is_null());
    assert_valid(&run_validator(), &run);
}

#[test]
fn every_json_line_validates_as_a_document() {
    let v = document_validator();
    for doc in [full_document(), seed_report().0] {
        assert_valid(&v, &line_json(&doc));
    }
    // A whole run is not a document.
    assert_invalid(&v, &run_json(&[full_document()]));
}

/// A change that breaks a valid report.
type Mutation = Box<dyn Fn(&mut Value)>;

#[test]
fn broken_reports_do_not_validate() {
    let v = run_validator();
    let good = run_json(&[full_document()]);
    assert_valid(&v, &good);

    let mutations: Vec<(&str, Mutation)> = vec![
        (
            "no schema_version",
            Box::new(|r| {
                r.as_object_mut().unwrap().remove("schema_version");
            }),
        ),
        (
            "schema_version 2",
            Box::new(|r| r["schema_version"] = json!(2)),
        ),
        (
            "no summary",
            Box::new(|r| {
                r.as_object_mut().unwrap().remove("summary");
            }),
        ),
        (
            "bad severity",
            Box::new(|r| r["documents"][0]["findings"][0]["severity"] = json!("fatal")),
        ),
        (
            "bad source kind",
            Box::new(|r| r["documents"][0]["sources"][0]["kind"] = json!("robot")),
        ),
        (
            "bad claim status",
            Box::new(|r| r["documents"][0]["claims"][0]["status"] = json!("single-source")),
        ),
        (
            "bad attribution kind",
            Box::new(|r| r["documents"][0]["attributions"][0]["kind"] = json!("quote")),
        ),
        (
            "bad registry match",
            Box::new(|r| r["documents"][0]["sources"][0]["registry"]["match"] = json!("fuzzy")),
        ),
        (
            "bad format",
            Box::new(|r| r["documents"][0]["format"] = json!("pdf")),
        ),
        (
            "finding without suggestion field",
            Box::new(|r| {
                r["documents"][0]["findings"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("suggestion");
            }),
        ),
        (
            "span without line",
            Box::new(|r| {
                r["documents"][0]["claims"][0]["span"]
                    .as_object_mut()
                    .unwrap()
                    .remove("line");
            }),
        ),
        (
            "column 0",
            Box::new(|r| r["documents"][0]["claims"][0]["span"]["column"] = json!(0)),
        ),
        (
            "negative offset",
            Box::new(|r| r["documents"][0]["claims"][0]["span"]["start"] = json!(-1)),
        ),
        (
            "checkworthiness over 1",
            Box::new(|r| r["documents"][0]["claims"][0]["checkworthiness"] = json!(1.5)),
        ),
        (
            "attribution without sources",
            Box::new(|r| r["documents"][0]["attributions"][0]["sources"] = json!([])),
        ),
        (
            "unresolved attribution source",
            Box::new(|r| r["documents"][0]["attributions"][0]["sources"][0]["source"] = json!("")),
        ),
        (
            "registry not an object",
            Box::new(|r| r["documents"][0]["sources"][0]["registry"] = json!("tom-hegel")),
        ),
        (
            "stats count as string",
            Box::new(|r| r["documents"][0]["stats"]["claims"] = json!("2")),
        ),
        (
            "summary without warnings",
            Box::new(|r| {
                r["summary"]["findings"]
                    .as_object_mut()
                    .unwrap()
                    .remove("warning");
            }),
        ),
    ];
    for (what, mutate) in &mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert_ne!(bad, good, "{what}: mutation changed nothing");
        assert!(!v.is_valid(&bad), "{what}: should not validate");
    }

    // The document schema rejects a bad severity in a JSON line too.
    let mut line = line_json(&full_document());
    line["findings"][0]["severity"] = json!("critical");
    assert_invalid(&document_validator(), &line);
}

#[test]
fn added_fields_are_allowed() {
    let mut r = run_json(&[full_document()]);
    r["elapsed_ms"] = json!(12);
    r["documents"][0]["language"] = json!("en");
    r["documents"][0]["findings"][0]["fix"] = json!({"replace": "Tom Hegel"});
    assert_valid(&run_validator(), &r);
}

/// The serialized name of an enum value.
fn name<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serializes")
}

/// The `enum` list of the schema at `pointer`, sorted.
fn schema_enum(pointer: &str) -> Vec<Value> {
    let s = schema();
    let mut values = s
        .pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no enum at {pointer}"))
        .clone();
    values.sort_by_key(|v| v.to_string());
    values
}

fn sorted(mut values: Vec<Value>) -> Vec<Value> {
    values.sort_by_key(|v| v.to_string());
    values
}

/// The schema's enums list exactly the values the library writes. The `match`es have no
/// wildcard, so a new variant fails to compile here until the schema is looked at.
#[test]
fn schema_enums_match_the_library() {
    use AttributionKind as A;
    use ClaimKind as CK;
    use ClaimStatus as C;
    use MatchKind as M;
    use Severity as S;
    use SourceKind as K;

    let kinds = [
        K::Person,
        K::Organization,
        K::Media,
        K::Government,
        K::Anonymous,
        K::Unknown,
    ];
    for k in &kinds {
        match k {
            K::Person | K::Organization | K::Media | K::Government | K::Anonymous | K::Unknown => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Source/properties/kind/enum"),
        sorted(kinds.iter().map(name).collect())
    );

    let attribution_kinds = [
        A::DirectQuote,
        A::Indirect,
        A::AccordingTo,
        A::Passive,
        A::Other,
        A::Transcript,
        A::Link,
        A::Agentless,
    ];
    for k in &attribution_kinds {
        match k {
            A::DirectQuote
            | A::Indirect
            | A::AccordingTo
            | A::Passive
            | A::Other
            | A::Transcript
            | A::Link
            | A::Agentless => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Attribution/properties/kind/enum"),
        sorted(attribution_kinds.iter().map(name).collect())
    );

    let statuses = [
        C::Corroborated,
        C::SingleSource,
        C::Unattributed,
        C::Disputed,
    ];
    for s in &statuses {
        match s {
            C::Corroborated | C::SingleSource | C::Unattributed | C::Disputed => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Claim/properties/status/enum"),
        sorted(statuses.iter().map(name).collect())
    );

    let claim_kinds = [CK::Claim, CK::Background, CK::SelfReport, CK::Quote];
    for k in &claim_kinds {
        match k {
            CK::Claim | CK::Background | CK::SelfReport | CK::Quote => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Claim/properties/kind/enum"),
        sorted(claim_kinds.iter().map(name).collect())
    );

    let severities = [S::Error, S::Warning, S::Info];
    for s in &severities {
        match s {
            S::Error | S::Warning | S::Info => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Finding/properties/severity/enum"),
        sorted(severities.iter().map(name).collect())
    );

    let matches = [M::Exact, M::Alias, M::Surname, M::Coreference, M::Link];
    for m in &matches {
        match m {
            M::Exact | M::Alias | M::Surname | M::Coreference | M::Link => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Registry/properties/match/enum"),
        sorted(matches.iter().map(name).collect())
    );

    let formats = [Format::Text, Format::Markdown, Format::Html];
    for f in &formats {
        match f {
            Format::Text | Format::Markdown | Format::Html => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Document/properties/format/enum"),
        sorted(formats.iter().map(name).collect())
    );
}
