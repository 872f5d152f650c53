//! Checks: one file per rule, each a pure function of the analysis that appends findings.
//! Rule metadata (severity, message template, parameters) comes from `rules/checks/*.toml`.

mod anonymous_source;
mod loaded_verb;
mod low_credibility_source;
mod non_independent_sources;
mod orphan_quote;
mod single_source;
mod unattributed_claim;
mod unknown_source;
mod unresolved_reference;

use crate::Checker;
use crate::model::{Analysis, Finding};
use crate::ruleset::Rule;
use crate::span::Span;

/// What a check reads.
pub struct Context<'a> {
    /// The analysed document.
    pub analysis: &'a Analysis,
    /// The checker (rules, lexicons, registry).
    pub checker: &'a Checker,
    /// Mentions that resolution could not resolve.
    pub unresolved: &'a [Span],
}

type CheckFn = fn(&Context<'_>, &Rule, &mut Vec<Finding>);

/// Every check, by rule id (alphabetical).
const CHECKS: &[(&str, CheckFn)] = &[
    ("anonymous-source", anonymous_source::check),
    ("loaded-verb", loaded_verb::check),
    ("low-credibility-source", low_credibility_source::check),
    ("non-independent-sources", non_independent_sources::check),
    ("orphan-quote", orphan_quote::check),
    ("single-source", single_source::check),
    ("unattributed-claim", unattributed_claim::check),
    ("unknown-source", unknown_source::check),
    ("unresolved-reference", unresolved_reference::check),
];

/// Run every enabled check; findings come back in document order.
pub fn run_checks(analysis: &Analysis, checker: &Checker, unresolved: &[Span]) -> Vec<Finding> {
    let cx = Context {
        analysis,
        checker,
        unresolved,
    };
    let mut out = Vec::new();
    for (id, f) in CHECKS {
        if let Some(rule) = checker.ruleset.enabled(id) {
            f(&cx, rule, &mut out);
        }
    }
    fn key(f: &Finding) -> (usize, usize, &str) {
        (f.span.start, f.span.end, &f.rule)
    }
    // (stable: findings of one rule at one span keep their order; a list already in order,
    // as one rule's alone is, is not sorted: a stable sort takes a buffer of half the list)
    if !out.is_sorted_by(|a, b| key(a) <= key(b)) {
        out.sort_by(|a, b| key(a).cmp(&key(b)));
    }
    out
}

/// A finding of `rule` at `span` with its message template filled from `vars`.
pub fn finding(rule: &Rule, span: Span, vars: &[(&str, &str)]) -> Finding {
    let message = fill(&rule.message, vars);
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message,
        span,
        claim: None,
        source: None,
        attribution: None,
        suggestion: None,
    }
}

/// `template` with each `{key}` of `vars` replaced by its value, as `str::replace` of each in
/// turn leaves it; in one pass when no value has a brace (then no value can make or hide a
/// `{key}` for the ones after it).
pub(crate) fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    if vars.iter().any(|(_, v)| v.contains(['{', '}'])) {
        let mut message = template.to_string();
        for (k, v) in vars {
            message = message.replace(&format!("{{{k}}}"), v);
        }
        return message;
    }
    let mut out =
        String::with_capacity(template.len() + vars.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    // (the memchr crate's search: `str::find` of a char costs more on short texts)
    while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = vars.iter().find_map(|(k, v)| {
            (after.starts_with(k) && after[k.len()..].starts_with('}')).then_some((k.len(), v))
        });
        match value {
            Some((klen, v)) => {
                out.push_str(v);
                rest = &after[klen + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first place an attribution cites source `src`: (attribution index, mention span).
pub fn first_cited(analysis: &Analysis, src: usize) -> Option<(usize, Span)> {
    analysis
        .attributions
        .iter()
        .enumerate()
        .find_map(|(ai, a)| {
            (a.sources.iter().chain(&a.cited))
                .find(|m| m.source == Some(src))
                .map(|m| (ai, m.span))
        })
}

/// Names of the sources `ids`, joined for a message (an unresolved pronoun as "an unnamed
/// speaker ('she')": [`crate::model::source_label`]), each once.
pub fn source_names(analysis: &Analysis, ids: &[usize]) -> String {
    let mut names: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(ids.len());
    for &i in ids {
        let label = crate::model::source_label(&analysis.sources[i].name);
        if !names.contains(&label) {
            names.push(label);
        }
    }
    names.join(", ")
}

/// How a message names the source `si` at a mention written `mention`: the mention, unless it
/// is a bare pronoun ("They"); then the source's name with the pronoun ("officials ('They')"),
/// or "an unnamed speaker ('they')" when it was resolved to no one.
pub fn mention_label(analysis: &Analysis, si: usize, mention: &str) -> String {
    let lower = mention.to_lowercase();
    if !crate::grammar::PERSONAL_PRONOUNS.contains(&lower.as_str()) {
        return mention.to_string();
    }
    let name = &analysis.sources[si].name;
    match crate::model::source_label(name) {
        std::borrow::Cow::Borrowed(name) => format!("{name} ('{mention}')"),
        std::borrow::Cow::Owned(unnamed) => unnamed,
    }
}

/// Ids every check must list: a test compares this with the rule files.
pub fn check_ids() -> Vec<&'static str> {
    CHECKS.iter().map(|(id, _)| *id).collect()
}

#[cfg(test)]
mod tests {
    use super::fill;
    use crate::input::parse_text;
    use crate::ruleset::Ruleset;
    use crate::{Checker, Registry};

    #[test]
    fn every_rule_file_has_a_check_and_back() {
        let rs = Ruleset::embedded();
        let mut files: Vec<&str> = rs.rules.keys().map(|s| s.as_str()).collect();
        files.sort();
        assert_eq!(super::check_ids(), files);
    }

    /// Each rule file's examples: the rule fires exactly when the example expects it.
    #[test]
    fn rule_file_examples_hold() {
        let rs = Ruleset::embedded();
        for rule in rs.rules.values() {
            for ex in &rule.examples {
                let reg = ex
                    .registry
                    .as_ref()
                    .map(|csv| Registry::from_csv("example.csv", csv).expect("example registry"));
                let checker = Checker::new(rs.clone(), reg);
                let a = checker.check(parse_text("example", ex.text.clone()));
                let fired = a.findings.iter().any(|f| f.rule == rule.id);
                let want = ex.expect.iter().any(|e| e == &rule.id);
                assert_eq!(
                    fired, want,
                    "rule {} on {:?}: findings {:?}",
                    rule.id, ex.text, a.findings
                );
            }
        }
    }

    /// `fill` leaves what `str::replace` of each variable in turn leaves.
    #[test]
    fn templates_fill_as_replace_in_turn() {
        let replace = |t: &str, vars: &[(&str, &str)]| {
            let mut m = t.to_string();
            for (k, v) in vars {
                m = m.replace(&format!("{{{k}}}"), v);
            }
            m
        };
        let alphabet = [
            "{", "}", "a", "b", "{a}", "{b}", "{ab}", " ", "\u{e9}", "{{a}}",
        ];
        let values = ["", "x", "{b}", "}", "{", "a}", "\u{201c}"];
        let mut n = 0;
        for t in crate::testutil::random_texts(&alphabet, 0x9e37_79b9_7f4a_7c15, 3000, 10) {
            n += 1;
            let (v1, v2) = (values[n % values.len()], values[(n / 7) % values.len()]);
            for vars in [
                vec![("a", v1), ("b", v2)],
                vec![("b", v2), ("ab", v1), ("a", v1)],
                vec![("a", v1), ("a", v2)],
                vec![],
            ] {
                assert_eq!(fill(&t, &vars), replace(&t, &vars), "{t:?} {vars:?}");
            }
        }
    }

    fn findings(text: &str, registry: Option<&str>) -> Vec<(String, String)> {
        let reg = registry.map(|csv| Registry::from_csv("r.csv", csv).unwrap());
        let c = Checker::new(Ruleset::embedded(), reg);
        let a = c.check(parse_text("t", text.to_string()));
        a.findings
            .iter()
            .map(|f| (f.rule.to_string(), f.span.slice(&a.doc.text).to_string()))
            .collect()
    }

    fn has(f: &[(String, String)], rule: &str, text: &str) -> bool {
        f.iter().any(|(r, t)| r == rule && t.contains(text))
    }

    /// A single-source message names the sources the one source cites: the chain is one account.
    #[test]
    fn a_single_source_message_names_whom_its_source_cites() {
        let text = "Three soldiers were killed in the attack, Reuters reported, citing two military officials.";
        let reg = None::<Registry>;
        let c = Checker::new(Ruleset::embedded(), reg);
        let a = c.check(parse_text("t", text.to_string()));
        let msgs: Vec<&str> = (a.findings.iter())
            .filter(|f| f.rule == "single-source")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            msgs,
            ["claim rests on one source (Reuters, citing two military officials)"]
        );
    }

    /// An interview's answers are its speaker's words: no unattributed or single-source finding
    /// for them, while the same sentences as the writer's prose are flagged.
    #[test]
    fn transcript_turns_are_the_speakers_words() {
        let answer = "Acme fired 400 workers in 2023 after the plant fire killed two of them.";
        let prose = format!("{answer}\n\nThe plant fire killed two workers in May 2024.\n");
        let f = findings(&prose, None);
        assert!(has(&f, "unattributed-claim", "Acme fired 400"), "{f:?}");
        let interview = format!(
            "((WN)) What happened at the plant?\n\n((Jane Roe)) {answer}\n\nThe plant fire killed two workers in May 2024.\n\n((WN)) Thank you.\n"
        );
        let f = findings(&interview, None);
        assert!(
            !f.iter()
                .any(|(r, _)| r == "unattributed-claim" || r == "single-source"),
            "{f:?}"
        );
    }

    #[test]
    fn flags_unattributed_and_single_source_claims() {
        let f = findings(
            "Acme fired 400 workers in 2023.\n\nThe plant fire killed two workers in May 2024, according to Reuters.\n\nThe plant closed in May 2024, according to Reuters.",
            None,
        );
        assert!(has(&f, "unattributed-claim", "Acme fired 400"), "{f:?}");
        assert!(has(&f, "single-source", "The plant fire killed"), "{f:?}");
        assert!(!has(&f, "unattributed-claim", "The plant fire"));
        // one outlet is enough for what is neither contested nor consequential
        assert!(!has(&f, "single-source", "The plant closed"), "{f:?}");
    }

    #[test]
    fn direct_quotes_are_not_single_source_findings() {
        let f = findings(
            "\"We fired 400 workers in 2023 and we regret it,\" Acme chief John Doe said.",
            None,
        );
        assert!(!has(&f, "single-source", "fired"), "{f:?}");
    }

    #[test]
    fn flags_anonymous_sources() {
        let f = findings(
            "The plant closed in May 2024, two people familiar with the matter said.",
            None,
        );
        assert!(
            has(
                &f,
                "anonymous-source",
                "two people familiar with the matter"
            ),
            "{f:?}"
        );
    }

    #[test]
    fn anonymity_is_judged_after_resolution() {
        // a definite description after named people refers back to them
        let f = findings(
            "Frogs grew spiky skulls 25 times, Daniel Paluh said. The skulls protect the frogs from predators, the researchers said.",
            None,
        );
        assert!(!has(&f, "anonymous-source", "researchers"), "{f:?}");
        // an indeterminate one does not
        let f = findings(
            "Frogs grew spiky skulls 25 times, researchers said.\n\nOne MP told the BBC that the vote was lost.",
            None,
        );
        assert!(has(&f, "anonymous-source", "researchers"), "{f:?}");
        assert!(has(&f, "anonymous-source", "One MP"), "{f:?}");
    }

    /// A pronoun mention of an anonymous source is named by what it refers to, with the
    /// pronoun, never as the bare pronoun ("anonymous source: They").
    #[test]
    fn an_anonymous_pronoun_is_named_by_its_source() {
        let c = Checker::new(Ruleset::embedded(), None);
        let a = c.check(parse_text(
            "t",
            "Officials said the dam failed on Monday. They said 40 people were killed in the flood."
                .to_string(),
        ));
        let msgs: Vec<&str> = (a.findings.iter())
            .filter(|f| f.rule == "anonymous-source")
            .map(|f| f.message.as_str())
            .collect();
        assert!(
            msgs.contains(&"anonymous source: Officials ('They')"),
            "{msgs:?}"
        );
        assert!(!msgs.contains(&"anonymous source: They"), "{msgs:?}");
    }

    /// A claim whose only support is agentless is flagged as reported without saying by whom,
    /// and is not single-sourced or corroborated.
    #[test]
    fn an_agentless_claim_says_it_is_reported_by_no_one_named() {
        let c = Checker::new(Ruleset::embedded(), None);
        let a = c.check(parse_text(
            "t",
            "The crash reportedly killed seven people in May 2024.".to_string(),
        ));
        let f: Vec<&str> = a.findings.iter().map(|f| f.message.as_str()).collect();
        assert!(
            f.iter()
                .any(|m| m.starts_with("claim is reported without saying by whom ('reportedly')")),
            "{f:?}"
        );
        assert_eq!(a.claims[0].status, crate::model::ClaimStatus::Unattributed);
        assert!(a.claims[0].sources.is_empty());
    }

    #[test]
    fn orphan_quote_but_not_scare_quotes() {
        let f = findings(
            "\"We will not back down from this fight, not now and not ever.\"\n\nThe \"Zircon\" missile flew in 2023.",
            None,
        );
        assert!(has(&f, "orphan-quote", "We will not back down"), "{f:?}");
        assert!(!has(&f, "orphan-quote", "Zircon"));
    }

    const REG: &str = "id,name,aliases,kind,affiliation,credibility\nacme,Acme Corporation,Acme,organization,,medium\njdoe,John Doe,,person,acme,high\njroe,Jane Roe,,person,acme,low\nbad,Bad Source,,person,,deprecated\n";

    #[test]
    fn unknown_source_with_suggestion() {
        let reg = Registry::from_csv("r.csv", REG).unwrap();
        let c = Checker::new(Ruleset::embedded(), Some(reg));
        let a = c.check(parse_text(
            "t",
            "The plant closed in May 2024, John Dow said.".into(),
        ));
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == "unknown-source")
            .expect("unknown-source");
        assert_eq!(f.suggestion.as_deref(), Some("did you mean John Doe?"));
    }

    #[test]
    fn credibility_and_independence() {
        let f = findings(
            "The plant closed in May 2024, John Doe said, and Jane Roe confirmed it.\n\nThe plant will reopen in 2026, Bad Source said.",
            Some(REG),
        );
        assert!(has(&f, "low-credibility-source", "Jane Roe"), "{f:?}");
        assert!(
            has(&f, "non-independent-sources", "The plant closed"),
            "{f:?}"
        );
        let reg = Registry::from_csv("r.csv", REG).unwrap();
        let c = Checker::new(Ruleset::embedded(), Some(reg));
        let a = c.check(parse_text(
            "t",
            "The plant will reopen in 2026, Bad Source said.".into(),
        ));
        let bad = a
            .findings
            .iter()
            .find(|f| f.rule == "low-credibility-source")
            .unwrap();
        assert_eq!(bad.severity, crate::model::Severity::Error);
    }

    #[test]
    fn loaded_verbs() {
        let f = findings(
            "Minister Jane Roe insisted the 2023 figures were accurate.",
            None,
        );
        assert!(has(&f, "loaded-verb", "insisted"), "{f:?}");
    }
}
