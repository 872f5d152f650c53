//! Tests of resolution.

use super::*;
use crate::Checker;
use crate::ruleset::Ruleset;

/// Full names are found from a surname the same with an index of the text's words and with
/// the index of nothing of a short text (scans).
#[test]
fn full_names_are_found_without_an_index() {
    let lex = crate::lexicon::Lexicons::new(&Ruleset::embedded());
    let text = "President Joe Biden met Smith. Dr. Anna Smith said. xSmith, Jo Smithson and \
                Minister Lee Smith-Jones; the smith. Mr Bo Lee spoke to Lee.";
    let (full, none) = (WordIndex::new(text), WordIndex::for_text(text));
    for surname in ["Smith", "Biden", "Lee", "smith", "Jones", "Smithson", "Bo"] {
        assert_eq!(
            full_name_in_text(text, Some(&full), surname, &lex),
            full_name_in_text(text, Some(&none), surname, &lex),
            "{surname}"
        );
    }
}

/// The key index answers as scans over every source's keys, before and after it is built.
#[test]
fn key_index_answers_as_scans() {
    let words = ["ann", "lee", "ford", "motor", "co", "bo", "?7", "ann lee"];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let (mut sources, mut last_pos, mut keys) = (Vec::new(), Vec::new(), KeyIndex::default());
    for step in 0..400 {
        let key = (0..1 + next(3))
            .map(|_| words[next(words.len())])
            .collect::<Vec<_>>();
        let key = key.join(" ");
        if step % 3 == 0 && !sources.is_empty() {
            let i = next(sources.len());
            keys.add(i, &key, &sources);
            sources[i].keys.push(key);
        } else {
            let s = new_source("x".into(), SourceKind::Unknown, false, vec![key]);
            push_source(&mut sources, &mut last_pos, &mut keys, s);
        }
        for w in words {
            if is_placeholder(w) {
                // the key of a mention that referred to nobody: never looked up, not indexed
                assert_eq!(keys.first(w, &sources), None);
                assert!(keys.with_key(w, &sources).is_empty());
                assert!(keys.with_last(w, &sources).is_empty());
                continue;
            }
            let scan = sources.iter().position(|s| s.keys.iter().any(|k| k == w));
            assert_eq!(keys.first(w, &sources), scan, "{w} at {step}");
            let all = |p: &dyn Fn(&str) -> bool| -> Vec<usize> {
                (0..sources.len())
                    .filter(|&i| sources[i].keys.iter().any(|k| p(k)))
                    .collect()
            };
            let among = |c: &[usize], p: &dyn Fn(&str) -> bool| -> Vec<usize> {
                c.iter()
                    .copied()
                    .filter(|&i| sources[i].keys.iter().any(|k| p(k)))
                    .collect()
            };
            let key_is = |k: &str| k == w;
            let last_is = |k: &str| k.rsplit(' ').next() == Some(w);
            let first_is = |k: &str| k.contains(' ') && k.split(' ').next() == Some(w);
            assert_eq!(among(keys.with_key(w, &sources), &key_is), all(&key_is));
            assert_eq!(among(keys.with_last(w, &sources), &last_is), all(&last_is));
            assert_eq!(
                among(keys.with_first(w, &sources), &first_is),
                all(&first_is)
            );
        }
    }
    assert!(keys.built);
}

/// `classify` as it was first written (a vector per word list, a string per phrase).
fn classify_reference(name: &str, titled: bool, lex: &Lexicons) -> SourceKind {
    let lower = name.to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    if lex.media_names.contains(&lower)
        || lex.media_names.contains(bare)
        || lex.media_names.contains(&format!("the {bare}"))
    {
        return SourceKind::Media;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && words.last().is_some_and(|w| lex.media_words.contains(*w)) {
        return SourceKind::Media;
    }
    let has = |set: &crate::hash::WordSet| {
        words.iter().any(|w| set.contains(*w))
            || (words.len() > 1 && words.windows(2).any(|p| set.contains(&p.join(" "))))
    };
    if has(&lex.government_words) {
        return SourceKind::Government;
    }
    if has(&lex.organization_words) {
        return SourceKind::Organization;
    }
    if titled {
        return SourceKind::Person;
    }
    if words.len() > 1
        && let Some(k) = lex.name_heads.get(words[words.len() - 1])
    {
        return *k;
    }
    let original: Vec<&str> = name.split_whitespace().collect();
    if original.len() == 1 {
        let w = original[0];
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
            return SourceKind::Organization;
        }
        if w.chars().skip(1).any(char::is_uppercase) {
            return SourceKind::Organization;
        }
        return SourceKind::Unknown;
    }
    if (2..=4).contains(&original.len())
        && original
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return SourceKind::Person;
    }
    SourceKind::Unknown
}

#[test]
fn classify_as_first_written() {
    let lex = Lexicons::new(&Ruleset::embedded());
    let words = [
        "the ",
        "The ",
        "White ",
        "House ",
        "house ",
        "Associated ",
        "Press ",
        "atlantic ",
        "Ministry ",
        "of ",
        "Defence ",
        "Bank ",
        "Post ",
        "BBC ",
        "eBay ",
        "SentinelOne ",
        "Tom ",
        "Hegel ",
        "A.",
        "B ",
        "x ",
        "\u{c9}lise ",
        "\u{c9}\u{c9} ",
        "  ",
        "\t",
        "news ",
        "Economist",
        "ABC ",
        "1",
        "-",
    ];
    for name in crate::testutil::random_texts(&words, 0x2545_f491_4f6c_dd1d, 20_000, 7) {
        for titled in [false, true] {
            assert_eq!(
                classify(&name, titled, &lex),
                classify_reference(&name, titled, &lex),
                "{name:?} {titled}"
            );
        }
    }
}

fn sources(text: &str) -> Vec<(String, SourceKind)> {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text("t", text.to_string()));
    a.sources.iter().map(|s| (s.name.clone(), s.kind)).collect()
}

#[test]
fn surname_joins_full_name() {
    let s =
        sources("Tom Hegel found the hackers got in.\n\n\"It was rare,\" Hegel told the outlet.");
    assert_eq!(s, [("Tom Hegel".to_string(), SourceKind::Person)]);
}

#[test]
fn surname_finds_full_name_elsewhere() {
    let s = sources(
        "The report was written by Tom Hegel of SentinelOne.\n\n\"It was rare,\" Hegel said.",
    );
    assert_eq!(s[0].0, "Tom Hegel");
}

#[test]
fn surname_is_the_person_named_first() {
    // the principal is named first; a relative named later with a longer name is not "Biden"
    let s = sources(
        "The race between nominee Joe Biden and the president tightened.\n\nBiden said voters deserve better. He met Hunter Biden's partner.",
    );
    assert_eq!(s[0].0, "Joe Biden");
    // a longer name with no given name ("Honorable Pedro R. Pierluisi") gives way to one that
    // opens with a given name
    let s = sources(
        "The Honorable Pedro R. Pierluisi was sworn in. Pedro Pierluisi is a lawyer.\n\nPierluisi said the Senate had no say.",
    );
    assert_eq!(s[0].0, "Pedro Pierluisi");
}

#[test]
fn a_given_name_alone_and_titles_without_a_stop() {
    // "Dr" with no full stop is a title; a given name with a title stands for the one person
    // named in full with it
    let s = sources(
        "In a briefing, the director of IEDCR, Dr Meerjady Sabrina Flora, said five died.\n\nAccording to Dr Meerjady, two cases were aged above 60.",
    );
    assert_eq!(
        s,
        [("Meerjady Sabrina Flora".to_string(), SourceKind::Person)]
    );
    let s = sources(
        "The general manager of Abu Dhabi Media, Dr Ali bin Tamim, attributed the bombing to rebels.",
    );
    assert_eq!(s[0].0, "Ali bin Tamim");
}

#[test]
fn outlet_is_the_last_media_source() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "The breach lasted months, according to Reuters.\n\nThe missiles improved in 2023, according to the publication.".into(),
    ));
    assert_eq!(a.sources.len(), 1);
    assert_eq!(a.sources[0].name, "Reuters");
    assert_eq!(a.sources[0].kind, SourceKind::Media);
    assert_eq!(a.attributions[1].sources[0].source, Some(0));
}

#[test]
fn former_and_latter() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "It was affirmed by Nicholas Weaver and Matt Tait, the former who said that \"it was a hilarious screwup.\"".into(),
    ));
    let former = &a.attributions[1].sources[0];
    assert_eq!(a.sources[former.source.unwrap()].name, "Nicholas Weaver");
}

#[test]
fn unresolved_pronoun_is_reported_not_invented() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "\"We are ready for the storm,\" she said.".into(),
    ));
    assert_eq!(a.sources.len(), 1);
    assert_eq!(a.sources[0].kind, SourceKind::Unknown);
    assert!(a.findings.iter().any(|f| f.rule == "unresolved-reference"));
}

#[test]
fn pronoun_resolves_to_last_person() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "Jane Roe said the bridge would close in May. She added that repairs would cost $4 million.".into(),
    ));
    assert_eq!(a.sources.len(), 1, "{:?}", a.sources);
    assert_eq!(a.attributions[1].sources[0].source, Some(0));
}

#[test]
fn one_registry_row_is_one_source() {
    let reg = Registry::from_csv("r.csv", "id,name,kind\nth,Tom Hegel,person\n").unwrap();
    let c = Checker::new(Ruleset::embedded(), Some(reg));
    let a = c.check(crate::input::parse_text(
        "t",
        "The breach began in 2021, Tom Hegel said, and T. Hegel added that it lasted months."
            .into(),
    ));
    assert_eq!(a.sources.len(), 1, "{:?}", a.sources);
    assert!(
        a.attributions
            .iter()
            .all(|at| at.sources[0].source == Some(0))
    );
}

#[test]
fn relative_who_stands_for_the_name_before_it() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "Trump heard a lecture from Enrique Pena Nieto, who said that NAFTA has been good for both.".into(),
    ));
    assert_eq!(a.attributions.len(), 1);
    let m = &a.attributions[0].sources[0];
    assert_eq!(m.span.slice(&a.doc.text), "who");
    assert_eq!(a.sources[m.source.unwrap()].name, "Enrique Pena Nieto");
}

#[test]
fn short_form_of_a_company() {
    let s = sources(
        "Ford Motor Company announced an inquiry in 2019.\n\nFord said the inquiry began in February.",
    );
    assert_eq!(
        s,
        [("Ford Motor Company".to_string(), SourceKind::Organization)]
    );
}

#[test]
fn she_and_he_follow_gender_the_text_gives() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "Ms. Harriet Sacoolas left the country, police said. Prime Minister Boris Johnson said he would raise the case in 2019. She said she was sorry.".into(),
    ));
    let she = a
        .attributions
        .iter()
        .find(|at| at.sources[0].span.slice(&a.doc.text) == "She")
        .unwrap();
    assert_eq!(
        a.sources[she.sources[0].source.unwrap()].name,
        "Harriet Sacoolas"
    );
}

/// The people found from each paragraph's tokens in turn are those found from the whole
/// text's tokens (names running over a paragraph break included).
#[test]
fn people_from_paragraph_tokens_are_the_text_s() {
    let lex = Lexicons::new(&Ruleset::embedded());
    for text in [
        "Ms. Harriet Sacoolas left. Prime Minister\n\nBoris Johnson Police said so.",
        "President Joe Biden\n\nSaid Mr. Tom Hegel's Reuters. Dr. A. B. Smith",
        "Mr.\n\nJohn Smith\n\n\u{201c}Queen Anne Boleyn Tudor\u{201d}, Sen. Ann Lee",
    ] {
        let doc = crate::input::parse_text("t", text.to_string());
        assert!(crate::blocks_tile(&doc));
        let mut names = NameWords::default();
        for b in &doc.blocks {
            let toks = crate::token::tokenize(text, b.span, &lex.abbreviations);
            crate::extract::name_words(&toks, &lex, &mut names);
        }
        let key = |v: Vec<NamedPerson>| -> Vec<(usize, String, Option<bool>)> {
            v.into_iter().map(|p| (p.pos, p.name, p.female)).collect()
        };
        let whole = key(people_named(text, &lex));
        assert!(!whole.is_empty(), "{text}");
        assert_eq!(key(people_in(text, &names.words, &lex)), whole, "{text}");
    }
}

#[test]
fn media_names_with_the() {
    let s = sources("The dam failed in 2019, The Guardian reported.");
    assert_eq!(s, [("Guardian".to_string(), SourceKind::Media)]);
}

#[test]
fn kinds_from_names() {
    let lex = Lexicons::new(&Ruleset::embedded());
    assert_eq!(classify("Reuters", false, &lex), SourceKind::Media);
    assert_eq!(
        classify("Ministry of Defence", false, &lex),
        SourceKind::Government
    );
    assert_eq!(
        classify("Acme Corporation", false, &lex),
        SourceKind::Organization
    );
    assert_eq!(classify("Vladimir Putin", true, &lex), SourceKind::Person);
    assert_eq!(classify("ICSI", false, &lex), SourceKind::Organization);
}

/// The source each attribution's first mention resolved to, by name, in text order.
fn resolved(text: &str) -> Vec<(String, String)> {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text("t", text.to_string()));
    a.attributions
        .iter()
        .map(|at| {
            let m = &at.sources[0];
            let s = &a.sources[m.source.unwrap()];
            (m.span.slice(&a.doc.text).to_string(), s.name.clone())
        })
        .collect()
}

#[test]
fn description_heads_are_read_only_from_definite_lower_case_descriptions() {
    assert_eq!(description_head("the agency"), Some("agency"));
    assert_eq!(description_head("The state news agency"), Some("agency"));
    assert_eq!(description_head("both officers"), Some("officers"));
    assert_eq!(description_head("The Coast Guard"), None);
    assert_eq!(description_head("its website"), None);
    assert_eq!(description_head("the"), None);
}

#[test]
fn a_description_joins_the_body_whose_name_ends_in_its_head() {
    let r = resolved(
        "Exports stopped on Monday, according to the Saudi Press Agency. The agency said \
         repairs would take weeks.",
    );
    assert_eq!(
        r[1],
        ("The agency".into(), "Saudi Press Agency".into()),
        "{r:?}"
    );
}

#[test]
fn a_surname_shared_with_an_outlet_is_the_person_named_in_full() {
    // "Bloomberg" is an outlet's name too, but the text names Michael Bloomberg; and the owner
    // in "CNN's projections" is CNN
    let r = resolved(
        "Michael Bloomberg ended his campaign. Bloomberg said he would endorse Joe Biden. \
         He won four states, according to CNN's projections.",
    );
    assert_eq!(r[0].1, "Michael Bloomberg", "{r:?}");
    assert!(r.iter().any(|(_, s)| s == "CNN"), "{r:?}");
}

#[test]
fn a_head_naming_a_body_before_a_name_gives_its_kind() {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text(
        "t",
        "Recycled toilet paper producer Who Gives a Crap said it had run out of stock.".into(),
    ));
    let s = &a.sources[0];
    assert_eq!(
        (s.name.as_str(), s.kind),
        ("Who Gives a Crap", SourceKind::Organization)
    );
}

#[test]
fn the_last_word_of_a_named_body_is_that_body() {
    // extraction reads "the Chief Technological Officer of Red Hat" as the officer "Hat"
    let r = resolved(
        "Software company Red Hat said it would end CentOS. The Chief Technological Officer \
         of Red Hat said Stream was the future.",
    );
    assert_eq!(r[1].1, "Red Hat", "{r:?}");
}

#[test]
fn the_statement_is_its_speakers() {
    // "the statement" after a person's announcement in one is that person's
    let r = resolved(
        "Late on Sunday, President Donald Trump, in a statement, announced troops would leave. \
         The statement also said the troops had defeated ISIS.",
    );
    assert_eq!(r[1].1, "Donald Trump", "{r:?}");
}

#[test]
fn the_researchers_join_the_named_body() {
    let r = resolved(
        "The University of Bristol said zebras confuse flies. The researchers said the \
         stripes dazzle them.",
    );
    assert_eq!(r[1].1, "University of Bristol", "{r:?}");
    // with nothing before it that fits, a description stays as written
    let r = resolved("The researchers said the stripes dazzle flies.");
    assert_eq!(r[0].1, "The researchers", "{r:?}");
}

#[test]
fn a_given_name_tells_the_gender_for_she() {
    // Tom Hegel is a he by his given name: "she" is Jane Roe, named before him
    let r = resolved(
        "Jane Roe said the bridge would close. Tom Hegel said it would not. She added that \
         repairs would cost $4 million.",
    );
    assert_eq!(r[2], ("She".into(), "Jane Roe".into()), "{r:?}");
    assert_eq!(
        given_gender("Emma Caufield", &Lexicons::new(&Ruleset::embedded())),
        Some(true)
    );
    assert_eq!(
        given_gender("Hegel", &Lexicons::new(&Ruleset::embedded())),
        None
    );
}

#[test]
fn a_person_named_as_a_subject_is_a_candidate_before_being_cited() {
    let r = resolved(
        "John Rhys-Davies said a reboot is considered. Emma Caufield talked of being cast in a \
         pilot. \"It was a good day,\" she recalls.",
    );
    assert_eq!(r.last().unwrap().1, "Emma Caufield", "{r:?}");
}

#[test]
fn a_person_named_at_the_first_byte_is_a_candidate() {
    // (no source before the pronoun, and the name opens the text: byte 0 is a place too)
    let r = resolved("John Smith died in Aden on Tuesday. He said the war was bad.");
    assert_eq!(r[0], ("He".into(), "John Smith".into()), "{r:?}");
}

#[test]
fn names_of_bodies_by_their_last_word_are_no_persons() {
    let s = sources(
        "The Chicago Marathon said the course was fast. The Coast Guard said two were \
         rescued. Magyar Nemzet reported the deal. The United Nations said aid was needed.",
    );
    let kind = |n: &str| s.iter().find(|(name, _)| name == n).map(|(_, k)| *k);
    assert_eq!(
        kind("Chicago Marathon"),
        Some(SourceKind::Organization),
        "{s:?}"
    );
    assert_eq!(kind("Coast Guard"), Some(SourceKind::Government), "{s:?}");
    assert_eq!(kind("Magyar Nemzet"), Some(SourceKind::Media), "{s:?}");
    assert_eq!(
        kind("United Nations"),
        Some(SourceKind::Organization),
        "{s:?}"
    );
}

/// A body's short form in parentheses names it again: one source, not two.
#[test]
fn short_form_in_parentheses_names_the_same_source() {
    let s = sources(
        "The California Department of Forestry and Fire Protection (CalFire) said acres burned. \
         CalFire indicated the injuries were minor.",
    );
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(short_form("Marco Rubio (R-Fla.)"), None);
    assert_eq!(short_form("Department of Health (HHS)"), Some("HHS"));
}

#[test]
fn a_body_s_voice_is_no_anonymous_source() {
    // ../shared/editorial/GUIDELINES.md: "a city spokesperson" is the institution speaking
    for text in [
        "A city spokesperson said the library would close.",
        "A spokeswoman for the city said the library would close.",
        "The library will close, a hospital spokesperson said.",
        "A spokesman for Acme said the plant would shut.",
        // the organisers of a named event speak for it
        "Estimates by event organizers indicate a million people marched.",
        "The march organisers said a million people came.",
    ] {
        let s = sources(text);
        assert_eq!(s.len(), 1, "{text}: {s:?}");
        assert_ne!(s[0].1, SourceKind::Anonymous, "{text}: {s:?}");
    }
    // alone, or with no body named, the voice stays anonymous
    for text in [
        "A spokesman said the plant would shut.",
        "A former spokesman said the plant would shut.",
        "Organizers said a million people came.",
    ] {
        let s = sources(text);
        assert_eq!(s[0].1, SourceKind::Anonymous, "{text}: {s:?}");
    }
}

#[test]
fn i_in_an_interview_turn_is_its_speaker() {
    // ("I" read as a one-word name went to whatever source had an "I" in it: "Just I")
    let r = resolved(
        "((WN))  What did you learn?\n\n((Dorsa Derakhshani))  Just I've always had a good \
         position. I think that nothing comes easy.",
    );
    let i = r.iter().find(|(m, _)| m == "I").expect("an I mention");
    assert_eq!(i.1, "Dorsa Derakhshani", "{r:?}");
}

#[test]
fn the_subject_of_a_reported_clause_is_a_candidate() {
    let r = resolved("Police said John Smith was arrested on Tuesday. He said he was innocent.");
    assert_eq!(r.last().unwrap().1, "John Smith", "{r:?}");
}

#[test]
fn they_in_an_interview_turn_is_no_party_to_it() {
    // (the latest plural-capable source was the interviewer's label)
    let r = resolved(
        "((WN))  Who is the toughest opponent you ever faced?\n\n((Dorsa Derakhshani))  I \
         played the Muzychuk sisters. They said the match was a long one.",
    );
    assert!(r.iter().any(|(m, _)| m == "They"), "{r:?}");
    assert!(r.iter().all(|(m, s)| m != "They" || s != "WN"), "{r:?}");
}
