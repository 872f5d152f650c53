//! Links are sources (issue 17, item 4): the same article in Markdown and in HTML
//! (fixtures/links/), citing three outlets by bare links (one of them deprecated in the
//! registry), a government agency through a linked "advisory", and linking to its own site, a
//! relative path and a "Read more" line that cite nothing.

mod common;

use common::whosaid;
use serde_json::Value;

const REGISTRY: &str = "fixtures/links/registry.csv";

fn report(file: &str, registry: bool) -> Value {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut args = vec![
        "check",
        path.as_str(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let reg = format!("{}/{REGISTRY}", env!("CARGO_MANIFEST_DIR"));
    if registry {
        args.extend(["--registry", reg.as_str()]);
    }
    let out = whosaid(&args, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    v["documents"][0].clone()
}

fn source<'a>(doc: &'a Value, id: &str) -> &'a Value {
    (doc["sources"].as_array().unwrap().iter())
        .find(|s| s["id"] == id)
        .expect("source")
}

/// (kind, source name, registry id and match, link domain) of each attribution with a link.
fn linked(doc: &Value) -> Vec<(String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    (doc["attributions"].as_array().unwrap().iter())
        .filter(|a| a.get("link").is_some())
        .map(|a| {
            let src = source(doc, a["sources"][0]["source"].as_str().unwrap());
            let reg = &src["registry"];
            (
                s(&a["kind"]),
                s(&src["name"]),
                format!("{} {}", s(&reg["id"]), s(&reg["match"])),
                s(&a["link"]["domain"]),
            )
        })
        .collect()
}

fn row(kind: &str, name: &str, reg: &str, domain: &str) -> (String, String, String, String) {
    (kind.into(), name.into(), reg.into(), domain.into())
}

#[test]
fn three_outlets_by_link_give_three_supports_and_one_credibility_finding() {
    for file in ["fixtures/links/article.md", "fixtures/links/article.html"] {
        let doc = report(file, true);
        assert_eq!(
            linked(&doc),
            [
                row("link", "Reuters", "reuters link", "reuters.com"),
                row("link", "BBC News", "bbc link", "bbc.co.uk"),
                row(
                    "link",
                    "The Daily Rumor",
                    "rumor link",
                    "dailyrumor.example"
                ),
                row("according_to", "CISA", "cisa link", "cisa.gov"),
            ],
            "{file}"
        );
        // the three claims the bare links support are single-sourced by them, not unattributed
        let claims = doc["claims"].as_array().unwrap();
        let by_link: Vec<&Value> = claims
            .iter()
            .filter(|c| {
                c["attributions"].as_array().unwrap().iter().any(|a| {
                    (doc["attributions"].as_array().unwrap().iter())
                        .any(|x| x["id"] == *a && x["kind"] == "link")
                })
            })
            .collect();
        assert_eq!(by_link.len(), 3, "{file}");
        for c in &by_link {
            assert_eq!(c["status"], "single_source", "{file}: {c}");
            assert_eq!(c["independent_sources"], 1, "{file}");
        }
        let cred: Vec<(&str, &str, &str)> = (doc["findings"].as_array().unwrap().iter())
            .filter(|f| f["rule"] == "low-credibility-source")
            .map(|f| {
                (
                    f["severity"].as_str().unwrap(),
                    f["message"].as_str().unwrap(),
                    f["source"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(cred.len(), 1, "{file}: {cred:?}");
        assert_eq!(cred[0].0, "error");
        assert_eq!(
            cred[0].1,
            "The Daily Rumor has deprecated credibility in the registry"
        );
        // the anchor maps back to the original bytes
        let raw =
            std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let at = (doc["attributions"].as_array().unwrap().iter())
            .find(|a| a["link"]["domain"] == "dailyrumor.example")
            .unwrap();
        let span = &at["cue"]["span"];
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&raw[s..e], "source", "{file}");
        assert_eq!(at["cue"]["text"], "source");
        // own site, relative, "Read more", navigation and footer links cite nothing
        let text: String = (doc["attributions"].as_array().unwrap().iter())
            .map(|a| a["link"]["url"].to_string())
            .collect();
        for not in [
            "springfield-courier",
            "notice.pdf",
            "/technology/more/",
            "\"https://dailyrumor.example/\"",
            "\"https://www.reuters.com/\"",
        ] {
            assert!(!text.contains(not), "{file}: {not}");
        }
    }
}

#[test]
fn without_a_registry_a_link_is_a_source_named_by_its_domain() {
    let doc = report("fixtures/links/article.md", false);
    let names: Vec<String> = linked(&doc).into_iter().map(|r| r.1).collect();
    assert_eq!(
        names,
        [
            "reuters.com",
            "bbc.co.uk",
            "dailyrumor.example",
            "an advisory"
        ]
    );
    let kinds: Vec<&str> = (doc["sources"].as_array().unwrap().iter())
        .filter(|s| s["name"].as_str().unwrap().contains('.'))
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["unknown", "unknown", "unknown"]);
    assert!(
        !(doc["findings"].as_array().unwrap().iter())
            .any(|f| f["rule"] == "low-credibility-source")
    );
}
