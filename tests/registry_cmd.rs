//! `whosaid registry validate|suggest|import-ratings` end to end through the built binary.

mod common;

use common::whosaid;
use std::fs;

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// The shared Wikinews sample: ../shared next to the main checkout, ../../shared from a
/// worktree under wt/.
fn shared_sample() -> Option<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|s| {
            root.join(s)
                .join("corpora/wikinews/wikinews_en_2019_2020.jsonl")
        })
        .find(|p| p.exists())
}

#[test]
fn validate_accepts_the_seed_registry() {
    let o = whosaid(
        &["registry", "validate", "fixtures/seed/registry.csv"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert_eq!(
        out(&o),
        "fixtures/seed/registry.csv: 0 errors, 0 warnings\n"
    );
}

#[test]
fn validate_lists_every_error_with_its_line_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sources.csv");
    fs::write(
        &p,
        "id,name,kind,affiliation,credibility\n\
         reuters,Reuters,media,,high\n\
         reuters,Reuters News,media,,high\n\
         ana,Ana Lima,person,acme,\n\
         bo,Bo Li,newspaper,,great\n",
    )
    .unwrap();
    let o = whosaid(&["registry", "validate", p.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    let text = out(&o);
    let name = p.display().to_string();
    for want in [
        format!("{name}:3: error: duplicate id `reuters` (first defined on line 2)"),
        format!("{name}:4: error: affiliation `acme` of `ana` is not an id in this registry"),
        format!("{name}:5: error: unknown kind `newspaper`"),
        format!("{name}:5: error: unknown credibility `great`"),
        format!("{name}: 4 errors, 0 warnings"),
    ] {
        assert!(text.contains(&want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn validate_finds_the_cycle_of_the_fixture() {
    let o = whosaid(
        &[
            "registry",
            "validate",
            "fixtures/registry/affiliation-cycle.csv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out(&o)
            .contains("affiliation-cycle.csv:2: error: affiliation cycle: lab -> institute -> lab"),
        "{}",
        out(&o)
    );
}

#[test]
fn warnings_exit_1_only_with_fail_on_warning_and_age_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sources.csv");
    fs::write(
        &p,
        "id,name,aliases,kind,last_verified\n\
         nyt,The New York Times,Times,media,2025-01-01\n",
    )
    .unwrap();
    let p = p.to_str().unwrap();
    let base = ["registry", "validate", p, "--today", "2026-01-01"];
    let o = whosaid(&base, None);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(
        out(&o).contains(":2: warning: alias `Times` is a common word"),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("0 errors, 1 warning\n"), "{}", out(&o));
    let o = whosaid(&[&base[..], &["--fail-on", "warning"]].concat(), None);
    assert_eq!(o.status.code(), Some(1));
    // 365 days old is not more than 365; with --max-age 300 it is
    let o = whosaid(&[&base[..], &["--max-age", "300"]].concat(), None);
    assert!(
        out(&o).contains(":2: warning: last_verified 2025-01-01 is 365 days old (more than 300)"),
        "{}",
        out(&o)
    );
    let o = whosaid(&["registry", "validate", p, "--today", "2026-02-30"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--today"), "{}", err(&o));
}

#[test]
fn validate_of_a_missing_file_names_it_and_exits_2() {
    let o = whosaid(&["registry", "validate", "no/such/registry.csv"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no/such/registry.csv"), "{}", err(&o));
}

/// The suggested rows of `paths`, appended under the seed registry, validated.
fn suggest_then_validate(paths: &[&str]) -> (usize, String) {
    let dir = tempfile::tempdir().unwrap();
    let rows = dir.path().join("rows.csv");
    let args = [
        &["registry", "suggest"][..],
        paths,
        &[
            "--registry",
            "fixtures/seed/registry.csv",
            "-o",
            rows.to_str().unwrap(),
        ],
    ]
    .concat();
    let o = whosaid(&args, None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let rows = fs::read_to_string(&rows).unwrap();
    let seed = fs::read_to_string("fixtures/seed/registry.csv").unwrap();
    let (header, body) = rows.split_once('\n').unwrap();
    assert_eq!(header, seed.lines().next().unwrap().to_string() + "");
    let n = body.lines().count();
    let merged = dir.path().join("merged.csv");
    fs::write(&merged, format!("{seed}{body}")).unwrap();
    let o = whosaid(
        &[
            "registry",
            "validate",
            merged.to_str().unwrap(),
            "--max-age",
            "0",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    (n, out(&o))
}

#[test]
fn suggested_rows_for_the_wikinews_fixtures_pass_validate() {
    let (n, report) = suggest_then_validate(&["fixtures/wikinews"]);
    assert!(n >= 20, "only {n} rows suggested");
    assert!(report.ends_with(": 0 errors, 0 warnings\n"), "{report}");
}

#[test]
fn suggested_rows_for_the_shared_wikinews_sample_pass_validate() {
    let Some(sample) = shared_sample() else {
        eprintln!("SKIPPED: the shared Wikinews sample is not here (no ../shared or ../../shared)");
        return;
    };
    let (n, report) = suggest_then_validate(&[sample.to_str().unwrap()]);
    assert!(n >= 300, "only {n} rows suggested");
    assert!(report.ends_with(": 0 errors, 0 warnings\n"), "{report}");
}

#[test]
fn near_matches_are_listed_apart_and_never_become_rows() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(
        &a,
        "\"It was a screwup,\" said Nicholas Weever.\n\nTom Hegal said the breach was large.\n\nMaria Ressa said the site would appeal.\n",
    )
    .unwrap();
    let o = whosaid(
        &[
            "registry",
            "suggest",
            a.to_str().unwrap(),
            "--registry",
            "fixtures/seed/registry.csv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let rows = out(&o);
    assert!(
        !rows.contains("Weever") && !rows.contains("Hegal"),
        "{rows}"
    );
    assert!(
        rows.contains(&format!(
            "maria-ressa,Maria Ressa,,person,,,,,suggested: 1 mention in 1 document; first at {}:5",
            a.display()
        )),
        "{rows}"
    );
    let e = err(&o);
    assert!(
        e.contains("near match: Nicholas Weever (1 mention, first at "),
        "{e}"
    );
    assert!(
        e.contains("is close to `nicholas-weaver` (Nicholas Weaver)"),
        "{e}"
    );
    assert!(e.contains("near match: Tom Hegal"), "{e}");
    assert!(
        e.contains("1 new row suggested, 2 near matches to review"),
        "{e}"
    );
}

const MEDIA_REGISTRY: &str = "id,name,aliases,kind,domains,credibility,rating_source,notes\n\
reuters,Reuters,Reuters News,media,reuters.com,,,\n\
rt,RT,Russia Today,media,rt.com,high,,\"the desk's own call, 2024\"\n\
cnn,CNN,,media,edition.cnn.com,low,old-list.csv,\n\
breitbart,Breitbart,,media,https://www.breitbart.com,,,\n\
ana-lima,Ana Lima,,person,reuters.com,,,\n";

const RATINGS: &str =
    "domain,pc1\nreuters.com,0.91\nrt.com,0.12\ncnn.com,0.63\nbreitbart.com,0.2\n";

/// `whosaid registry import-ratings RATINGS --registry REG -o OUT EXTRA...` on a `domain,pc1`
/// table.
fn import_ratings(
    ratings: &std::path::Path,
    registry: &std::path::Path,
    out: &std::path::Path,
    extra: &[&str],
) -> std::process::Output {
    let args = [
        &[
            "registry",
            "import-ratings",
            ratings.to_str().unwrap(),
            "--domain-column",
            "domain",
            "--score-column",
            "pc1",
            "--registry",
            registry.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ][..],
        extra,
    ]
    .concat();
    whosaid(&args, None)
}

#[test]
fn import_ratings_writes_a_new_file_and_leaves_newsroom_rated_rows_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("sources.csv");
    let rat = dir.path().join("lin2023.csv");
    let new = dir.path().join("new.csv");
    fs::write(&reg, MEDIA_REGISTRY).unwrap();
    fs::write(&rat, RATINGS).unwrap();
    let o = import_ratings(&rat, &reg, &new, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(
        fs::read_to_string(&reg).unwrap(),
        MEDIA_REGISTRY,
        "the registry itself changed"
    );
    let text = fs::read_to_string(&new).unwrap();
    let old: Vec<&str> = MEDIA_REGISTRY.lines().collect();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got[0], old[0]);
    assert_eq!(
        got[1],
        "reuters,Reuters,Reuters News,media,reuters.com,high,lin2023.csv,"
    );
    assert_eq!(
        got[2], old[2],
        "the newsroom's own rating of RT was changed"
    );
    assert_eq!(got[3], "cnn,CNN,,media,edition.cnn.com,medium,lin2023.csv,");
    assert_eq!(
        got[4],
        "breitbart,Breitbart,,media,https://www.breitbart.com,deprecated,lin2023.csv,"
    );
    assert_eq!(got[5], old[5], "a person row was changed");
    let report = out(&o);
    let name = reg.display().to_string();
    for want in [
        format!("{name}:2: reuters: credibility (unrated) -> high (reuters.com 0.91)"),
        format!("{name}:3: rt: kept high, rated by the newsroom (rt.com 0.12 would give deprecated)"),
        format!("{name}:4: cnn: credibility low -> medium (cnn.com 0.63)"),
        format!("{name}:5: breitbart: credibility (unrated) -> deprecated (breitbart.com 0.2)"),
        "3 rows changed, 1 kept (rated by the newsroom), 0 media rows without a rating of 4 rated domains".to_string(),
    ] {
        assert!(report.contains(&want), "missing {want:?} in\n{report}");
    }
    // the new file is a registry that validates
    let o = whosaid(&["registry", "validate", new.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));

    // configurable cuts: with 0.95,0.9,0.5 Reuters is medium; RT is still the newsroom's
    let new2 = dir.path().join("new2.csv");
    let o = import_ratings(
        &rat,
        &reg,
        &new2,
        &["--cuts", "0.95,0.9,0.5", "--label", "lin"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = fs::read_to_string(&new2).unwrap();
    assert!(
        text.contains("\nreuters,Reuters,Reuters News,media,reuters.com,medium,lin,\n"),
        "{text}"
    );
    assert!(text.contains(old[2]), "{text}");
}

#[test]
fn import_ratings_refuses_to_overwrite_its_input_and_names_bad_rating_lines() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("sources.csv");
    let rat = dir.path().join("ratings.csv");
    fs::write(&reg, MEDIA_REGISTRY).unwrap();
    fs::write(&rat, "domain,pc1\nreuters.com,0.91\nrt.com,high\n").unwrap();
    let run = |out: &std::path::Path| import_ratings(&rat, &reg, out, &[]);
    let o = run(&reg);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("names an input"), "{}", err(&o));
    let new = dir.path().join("new.csv");
    let o = run(&new);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(&format!(
            "{}:3: score `high` of rt.com is not a number from 0 to 1",
            rat.display()
        )),
        "{}",
        err(&o)
    );
    assert!(!new.exists(), "a failed import left a file");
    assert_eq!(fs::read_to_string(&reg).unwrap(), MEDIA_REGISTRY);
}

#[test]
fn validate_agrees_with_the_loader_on_every_registry_fixture() {
    let mut n = 0;
    for entry in fs::read_dir("fixtures/registry").unwrap() {
        let path = entry.unwrap().path();
        let p = path.to_str().unwrap();
        n += 1;
        let check = whosaid(
            &["check", "fixtures/seed/npo-mash.txt", "--registry", p],
            None,
        );
        let validate = whosaid(&["registry", "validate", p], None);
        if check.status.code() == Some(2) {
            // the loader's first problem is among validate's, at the same line
            let first = err(&check);
            let first = first.trim().strip_prefix("error: ").unwrap();
            let (place, msg) = first.split_at(first.find(": ").unwrap());
            assert_eq!(validate.status.code(), Some(2), "{p}: {}", out(&validate));
            let v = out(&validate);
            let line = v
                .lines()
                .find(|l| l.starts_with(&format!("{place}: error: ")))
                .unwrap_or_else(|| panic!("{p}: no error at {place} in\n{v}"));
            // same problem (the loader's message may say a little more)
            let word = msg
                .trim_start_matches(": ")
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                line.contains(&word),
                "{p}: loader said {msg:?}, validate said {line:?}"
            );
        } else {
            assert_ne!(validate.status.code(), Some(2), "{p}: {}", out(&validate));
            assert!(out(&validate).contains(": 0 errors"), "{p}");
        }
    }
    assert!(n >= 7, "only {n} fixtures");
}
