//! Tests of extraction as a whole (each pattern's examples are in its own file).

use super::*;
use crate::extract::context::*;
use crate::input::parse_text;
use crate::lexicon::{Lexicons, cls};
use crate::model::{Analysis, MentionKind};
use crate::ruleset::Ruleset;
use crate::token::tokenize;

/// (sources, cue, content) of each attribution of `text`.
pub(in crate::extract) fn atts(text: &str) -> Vec<(Vec<String>, String, String)> {
    let lex = Lexicons::new(&Ruleset::embedded());
    let a = analysis(text, &lex);
    extract_attributions(&a, &lex)
        .iter()
        .map(|at| {
            (
                at.sources
                    .iter()
                    .map(|m| m.span.slice(&a.doc.text).to_string())
                    .collect(),
                at.cue.slice(&a.doc.text).to_string(),
                at.content
                    .as_ref()
                    .map(|c| c.span.slice(&a.doc.text).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

pub(in crate::extract) fn analysis(text: &str, lex: &Lexicons) -> Analysis {
    let doc = parse_text("t", text.to_string());
    let sentences = crate::segment::sentences(&doc, lex);
    let quotes = crate::quotes::find_quotes(&doc);
    Analysis {
        sentences,
        quotes,
        ..Analysis::new(doc)
    }
}

/// `title_at`, which looks up the joined words only while they start a title, finds the
/// longest title a lookup of every run of words finds.
#[test]
fn title_at_is_the_longest_title() {
    let lex = Lexicons::new(&Ruleset::embedded());
    let mut alphabet: Vec<String> = lex
        .titles
        .iter()
        .flat_map(|t| t.split(' ').map(|w| format!("{w} ")))
        .collect();
    // whole titles of several words too, and their beginnings
    for t in lex.titles.iter().filter(|t| t.contains(' ')) {
        alphabet.push(format!("{t} "));
        alphabet.push(format!("{} ", &t[..t.rfind(' ').unwrap_or(0)]));
    }
    alphabet.sort();
    alphabet.dedup();
    alphabet.extend(["Chief ", "the ", ", ", "Smith ", "x ", "\u{201c}"].map(String::from));
    let mut longer = 0;
    let pieces: Vec<&str> = alphabet.iter().map(String::as_str).collect();
    // (a generator stops at its first empty text: many seeds, a few texts each)
    let texts = (1..200u64).flat_map(|k| {
        crate::testutil::random_texts(&pieces, k.wrapping_mul(0x9e37_79b9_7f4a_7c15), 10, 40)
    });
    for text in texts {
        let a = analysis(&text, &lex);
        for (pi, block) in a.doc.blocks.iter().enumerate() {
            let toks = tokenize(&a.doc.text, block.span, &lex.abbreviations);
            let cx = Ctx::new(&a, &lex, pi, &toks, Scratch::default());
            for i in 0..toks.toks.len() + 1 {
                let mut want = 0;
                for k in 0..lex.max_title_words {
                    if (i..=i + k).any(|j| !cx.is_word(j)) {
                        break;
                    }
                    let joined: Vec<&str> = (i..=i + k).map(|j| cx.w(j)).collect();
                    if lex.titles.contains(&joined.join(" ")) {
                        want = k + 1;
                    }
                }
                assert_eq!(cx.title_at(i), want, "{text:?} at {i}");
                longer += usize::from(want > 1);
            }
        }
    }
    assert!(longer > 100, "{longer} titles of several words");
}

/// Contexts made from the buffers of the paragraph before find what fresh ones find.
#[test]
fn partition_from_is_partition_point() {
    // sorted values with runs of repeats; every start that the predicate holds before
    for k in 0..200u64 {
        let mut x = k.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let len = (next() % 70) as usize;
        let mut v: Vec<u64> = (0..len).map(|_| next() % 40).collect();
        v.sort_unstable();
        for bound in 0..42 {
            let want = v.partition_point(|&e| e < bound);
            for from in 0..=want {
                assert_eq!(
                    partition_from(&v, from, |&e| e < bound),
                    want,
                    "{v:?} {bound}"
                );
            }
        }
    }
}

#[test]
fn continuing_cues_find_their_sentence_in_a_long_paragraph() {
    // "added" continues the attribution before it in its own sentence, however many
    // sentences and attributions the paragraph has before it
    let one = "Smith said the dam failed. Jones said it held, and added that it was old. ";
    let want = atts(one);
    assert_eq!(want.len(), 3, "{want:?}");
    assert_eq!(want[2].0, ["Jones"]);
    let long = one.repeat(300);
    let got = atts(&long);
    assert_eq!(got.len(), 900);
    for (k, a) in got.iter().enumerate() {
        assert_eq!(a.0, want[k % 3].0, "attribution {k}");
        assert_eq!(a.1, want[k % 3].1, "attribution {k}");
    }
}

#[test]
fn reused_buffers_find_what_fresh_ones_do() {
    let lex = Lexicons::new(&Ruleset::embedded());
    let mut texts: Vec<String> = Vec::new();
    for dir in ["fixtures/wikinews", "fixtures/seed"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    texts.push(
        "A very long first paragraph, officials said, with \"a quote\" in it and more words \
         than the next.\n\nShort one, he said.\n\n\"Yes,\" said Tom Hegel."
            .to_string(),
    );
    assert!(texts.len() > 3);
    for text in &texts {
        let a = analysis(text, &lex);
        let fresh: Vec<String> = (0..a.doc.blocks.len())
            .flat_map(|pi| {
                let toks = tokenize(&a.doc.text, a.doc.blocks[pi].span, &lex.abbreviations);
                let mut out = Vec::new();
                Ctx::new(&a, &lex, pi, &toks, Scratch::default()).run(&mut out);
                out.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>()
            })
            .collect();
        let mut reused: Vec<String> = Vec::new();
        let mut toks = Tokens::default();
        let mut scratch = Scratch::default();
        for pi in 0..a.doc.blocks.len() {
            tokenize_into(
                &a.doc.text,
                a.doc.blocks[pi].span,
                &lex.abbreviations,
                &mut toks,
            );
            let mut out = Vec::new();
            let mut cx = Ctx::new(&a, &lex, pi, &toks, scratch);
            cx.run(&mut out);
            scratch = cx.into_scratch();
            reused.extend(out.iter().map(|x| format!("{x:?}")));
        }
        assert_eq!(reused, fresh);
    }
}

/// Each token's sentence, first token of sentence and sentence end, from runs found by
/// binary searches, are those of a walk over tokens and sentences together.
#[test]
fn sentence_runs_are_the_walk_s() {
    let lex = Lexicons::new(&Ruleset::embedded());
    let alphabet = [
        "Tom said. ",
        "BREAKING: ",
        "\"Yes.\" ",
        "Who? ",
        "x",
        " ",
        "\n\n",
        "U.S. ",
        "No! ",
        "a, b ",
        "Dr. Who said ",
    ];
    let texts = (1..100u64).flat_map(|k| {
        crate::testutil::random_texts(&alphabet, k.wrapping_mul(0x2545_f491_4f6c_dd1d), 6, 30)
    });
    let mut seen = 0;
    for text in texts {
        let a = analysis(&text, &lex);
        for (pi, block) in a.doc.blocks.iter().enumerate() {
            let toks = tokenize(&a.doc.text, block.span, &lex.abbreviations);
            let cx = Ctx::new(&a, &lex, pi, &toks, Scratch::default());
            let toks = &toks.toks;
            let n = toks.len();
            let all = &a.sentences;
            let lo = all.partition_point(|s| s.paragraph < pi);
            let hi = all.partition_point(|s| s.paragraph <= pi);
            let sentences: Vec<(usize, &crate::model::Sentence)> =
                (lo..hi).map(|i| (i, &all[i])).collect();
            let mut sent = vec![0; n];
            let mut sent_first = vec![None; hi - lo];
            let mut cur = 0;
            for (ti, t) in toks.iter().enumerate() {
                while cur + 1 < sentences.len() && sentences[cur + 1].1.span.start <= t.span.start {
                    cur += 1;
                }
                if let Some((si, s)) = sentences.get(cur) {
                    sent[ti] = *si;
                    let after_label = s.label.map(|l| l.end).unwrap_or(s.span.start);
                    if t.span.start >= after_label {
                        sent_first[*si - lo].get_or_insert(ti);
                    }
                }
            }
            let mut sent_end = vec![n; n];
            for k in (0..n.saturating_sub(1)).rev() {
                sent_end[k] = if sent[k] == sent[k + 1] {
                    sent_end[k + 1]
                } else {
                    k + 1
                };
            }
            let wide = |v: &[u32]| v.iter().map(|&x| x as usize).collect::<Vec<_>>();
            assert_eq!(wide(&cx.sent), sent, "{text:?}");
            assert_eq!(cx.sent_first, sent_first, "{text:?}");
            assert_eq!(wide(&cx.sent_end), sent_end, "{text:?}");
            for i in 0..n {
                let first = cx.sentence_first(i) == i;
                assert_eq!(
                    cx.classes[i] & cls::OPENS_SENTENCE != 0,
                    first,
                    "{text:?} {i}"
                );
            }
            seen += sentences.len();
        }
    }
    assert!(seen > 1000, "{seen} sentences");
}

#[test]
fn four_chars_are_counted() {
    let alphabet = ["a", "é", "中", "\u{1f600}", "1", "'"];
    let texts = (1..50u64).flat_map(|k| {
        crate::testutil::random_texts(&alphabet, k.wrapping_mul(0x9e37_79b9_7f4a_7c15), 20, 8)
    });
    for w in texts {
        assert_eq!(four_chars_or_more(&w), w.chars().count() >= 4, "{w:?}");
    }
}

pub(in crate::extract) fn one(text: &str) -> (Vec<String>, String, String) {
    let v = atts(text);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().unwrap()
}

#[test]
fn speaker_colon_quote() {
    let (s, _, c) = one("The mayor said: \"We will rebuild the bridge by May.\"");
    assert_eq!(s, ["The mayor"]);
    assert_eq!(c, "We will rebuild the bridge by May.");
}

#[test]
fn interrupted_quote_has_fragments() {
    let lex = Lexicons::new(&Ruleset::embedded());
    let doc = parse_text("t", "\"We will win,\" she said, \"and soon.\"".to_string());
    let a = Analysis {
        sentences: crate::segment::sentences(&doc, &lex),
        quotes: crate::quotes::find_quotes(&doc),
        ..Analysis::new(doc)
    };
    let at = extract_attributions(&a, &lex);
    assert_eq!(at.len(), 1);
    let f: Vec<&str> = at[0]
        .content
        .as_ref()
        .unwrap()
        .fragments
        .iter()
        .map(|s| s.slice(&a.doc.text))
        .collect();
    assert_eq!(f, ["We will win,", "and soon."]);
}

#[test]
fn reported_speech_with_appositive() {
    let (s, cue, c) = one(
        "Tom Hegel, a security expert from the U.S. firm SentinelOne, who detected the breach, found the hackers gained access.",
    );
    // PolNeAR's convention: the source span takes in the appositive
    assert_eq!(
        s,
        ["Tom Hegel, a security expert from the U.S. firm SentinelOne, who detected the breach"]
    );
    assert_eq!(cue, "found");
    assert_eq!(c, "the hackers gained access");
}

#[test]
fn relative_clause_with_title() {
    let (s, cue, c) = one(
        "It hit the \"Zircon\" missile, which Russian President Vladimir Putin says can travel at nine times the speed of sound.",
    );
    assert_eq!(s, ["Russian President Vladimir Putin"]);
    assert_eq!(cue, "says");
    // (the relative word, the subject of what he says, is the content's first fragment)
    assert_eq!(
        c,
        "which Russian President Vladimir Putin says can travel at nine times the speed of sound"
    );
}

#[test]
fn the_former_who_said_that() {
    let v = atts(
        "It was affirmed by Nicholas Weaver and Matt Tait, the former who said that \"it was an absolutely hilarious screwup.\u{201d}",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, ["the former"]);
    assert_eq!(v[1].2, "that \"it was an absolutely hilarious screwup.");
}

#[test]
fn anonymous_sources() {
    let (s, _, _) = one("The plan was approved, according to a person familiar with the matter.");
    assert_eq!(s, ["a person familiar with the matter"]);
    let (s, _, c) = one("Two senior officials said the talks had stalled.");
    assert_eq!(
        (s[0].as_str(), c.as_str()),
        ("Two senior officials", "the talks had stalled")
    );
}

#[test]
fn body_names_keep_their_and() {
    let (s, _, _) = one("The National Search and Rescue Agency said the search would end.");
    assert_eq!(s, ["The National Search and Rescue Agency"]);
    // a body's name with its short form in parentheses: one source, not two
    let (s, _, _) = one(
        "The California Department of Forestry and Fire Protection (CalFire) said several acres burned.",
    );
    assert_eq!(
        s,
        ["The California Department of Forestry and Fire Protection (CalFire)"]
    );
    // two bodies stay two: the second has its own determiner, or no parenthesis follows
    let (s, _, _) =
        one("The Department of Health and Human Services (HHS) said the rule would change.");
    assert_eq!(s, ["The Department of Health and Human Services (HHS)"]);
    let (s, _, _) =
        one("The Ministry of Health and Doctors Without Borders (MSF) said it was over.");
    assert_eq!(s.len(), 2, "{s:?}");
    let (s, _, _) = one("The Ministry of Health and Doctors Without Borders said it was over.");
    assert_eq!(s.len(), 2, "{s:?}");
    // after a person's affiliation, or in a name opened by "the", a conjunct that can name no
    // person goes on with the name; outlets and people stay two
    for (t, want) in [
        (
            "Nils-Erik Haagenrud of Rogaland Fire and Rescue said no one would be sent.",
            &["Nils-Erik Haagenrud of Rogaland Fire and Rescue"][..],
        ),
        (
            "The Fire and Rescue said no one would be sent.",
            &["The Fire and Rescue"],
        ),
        (
            "The Guardian and Reuters reported the deal.",
            &["The Guardian", "Reuters"],
        ),
        (
            "Miller and Smith both acknowledged faults.",
            &["Miller", "Smith"],
        ),
    ] {
        let (s, _, _) = one(t);
        assert_eq!(s, want, "{t}");
    }
}

#[test]
fn serial_comma_lists_and_their_quantifier() {
    let (s, _, c) = one(
        "La Riva, Hawkins, Blankenship, and Carroll all agreed that vaccines have done more good than harm.",
    );
    assert_eq!(s, ["La Riva", "Hawkins", "Blankenship", "Carroll"]);
    assert_eq!(c, "that vaccines have done more good than harm");
    // a comma and "and" before a clause join no list; "all" alone is the subject
    let (s, _, _) = one(
        "Mummies were found in Saqqara and Tuna el-Gebel, and Egyptologists have reported they were sacrificed.",
    );
    assert_eq!(s, ["Egyptologists"]);
    let (s, _, _) = one("To varying degrees, all agreed that the plan would raise taxes.");
    assert_eq!(s, ["all"]);
    // a reply before "that"
    let (s, cue, _) = one("Pierce countered that technology is amoral.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("Pierce", "countered"));
}

#[test]
fn a_participle_after_its_noun_is_no_cue_and_reports_may_have_a_source() {
    for t in [
        "The flood warning was lifted on Sunday.",
        "A hurricane warning for Bermuda remained in effect.",
        "A main issue discussed was the liberation of political prisoners.",
        "All of the pardons issued were \"full and unconditional\".",
    ] {
        assert!(atts(t).is_empty(), "{t}: {:?}", atts(t));
    }
    // a clause with a gap keeps its cue
    let (s, _, _) = one(
        "The nearest known black hole — V616 Mon — the study noted was usually estimated at 3000 light years.",
    );
    assert_eq!(s, ["the study"]);
    // "according to reports" has no source, "according to reports by X" has X
    let (s, _, c) = one("According to reports by the BBC, the rally was big.");
    assert_eq!(
        (s[0].as_str(), c.as_str()),
        ("reports by the BBC", "the rally was big")
    );
    let (s, _, _) = one("According to reports, the rally was big.");
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn places_after_in_are_no_sources() {
    for (t, want) in [
        (
            "Officials in Texas and Ohio said the storm passed.",
            &["Officials in Texas and Ohio"][..],
        ),
        (
            "Police in Paris and London said the threat was high.",
            &["Police in Paris and London"],
        ),
        (
            "Jane Doe in Paris said it was over.",
            &["Jane Doe in Paris"],
        ),
        (
            "John Smith in London and Jane Doe in Paris said it was over.",
            &["John Smith in London", "Jane Doe in Paris"],
        ),
    ] {
        let (s, _, _) = one(t);
        assert_eq!(s, want, "{t}");
    }
}

#[test]
fn office_titles_and_particles() {
    let (s, _, _) = one(
        "The bomb was in a market, stated Minister of Information Moammar al-Eryani, and it went off.",
    );
    assert_eq!(s, ["Minister of Information Moammar al-Eryani"]);
    let (s, _, _) = one("According to al-Eryani, the rebels are backed by Iran.");
    assert_eq!(s, ["al-Eryani"]);
    let (s, _, _) = one("The Committee to Protect Journalists reports 16 deaths since 2015.");
    assert_eq!(s, ["The Committee to Protect Journalists"]);
}

#[test]
fn scare_quotes_and_labels_are_not_sources() {
    assert!(atts("What Happened: Russia's \"Zircon\" missile flew.").is_empty());
}

#[test]
fn speech_to_a_hearer_and_adjuncts_after_the_cue() {
    let (s, cue, c) = one("\"We will build a wall!\" he said to an enormous cheer.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("he", "said"));
    assert_eq!(c, "We will build a wall!");
    let (s, _, c) = one("\"It's nonsense,\" Mr. Trump said by telephone.");
    assert_eq!((s[0].as_str(), c.as_str()), ("Mr. Trump", "It's nonsense,"));
    // "said to be" is no cue with a source: reported, not by whom (the agentless pattern)
    let (s, cue, _) = one("The mine is said to be the deepest in Europe.");
    assert_eq!((s.len(), cue.as_str()), (0, "is said to"));
}

#[test]
fn party_and_state_in_parentheses_belong_to_the_name() {
    let (s, _, _) = one("Gov. Jerry Brown (D) announced the deal with lawmakers Monday.");
    assert_eq!(s, ["Gov. Jerry Brown (D)"]);
    let (s, _, c) = one("\"It reminds us,\" Sen. Marco Rubio (R-Fla.) said Saturday night.");
    assert_eq!(
        (s[0].as_str(), c.as_str()),
        ("Sen. Marco Rubio (R-Fla.)", "It reminds us,")
    );
}

#[test]
fn lower_case_subjects_of_inner_clauses() {
    let (s, _, c) =
        one("It was shown at a rally, where the secretary of state said she was ready to help.");
    assert_eq!(
        (s[0].as_str(), c.as_str()),
        ("the secretary of state", "she was ready to help")
    );
    let (s, _, _) = one("It ended a strike that company executives said could hurt earnings.");
    assert_eq!(s, ["company executives"]);
    let (s, _, _) = one("By double digits, those surveyed say stricter laws would help.");
    assert_eq!(s, ["those surveyed"]);
    let (s, _, _) = one("In each of the five states, about half of voters say they want change.");
    assert_eq!(s, ["about half of voters"]);
    let (s, _, c) =
        one("And the first step, the Texas senator's allies say, will be to keep their seats.");
    assert_eq!(s, ["the Texas senator's allies"]);
    // (the content on both sides of the interposed source: its span runs over it)
    assert_eq!(
        c,
        "And the first step, the Texas senator's allies say, will be to keep their seats"
    );
}

#[test]
fn progressives_coordination_and_inverted_descriptions() {
    let (s, cue, _) = one("Trump is arguing that a federal judge can't be relied on.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("Trump", "is arguing"));
    let v =
        atts("James Comey called it \"extremely careless,\" but said she should face no charges.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, ["James Comey"]);
    assert_eq!(v[1].2, "she should face no charges");
    let (s, _, _) = one("\"We can't have a guy,\" said the New York businessman.");
    assert_eq!(s, ["the New York businessman"]);
    let v = atts("Humphrey, who calls Trump a \"sociopath,\" said he doesn't believe it.");
    let said = v.iter().find(|a| a.1 == "said").expect("said");
    assert!(said.0[0].starts_with("Humphrey"), "{v:?}");
    assert_eq!(said.2, "he doesn't believe it");
    // "can and may declare": one verb group, not two clauses
    let v = atts("Trump said on Friday he can and may declare a national emergency.");
    assert_eq!(
        v[0].2, "he can and may declare a national emergency",
        "{v:?}"
    );
}

#[test]
fn multi_word_cues_and_expectations() {
    let (s, cue, c) = one("Clinton made it clear that she would not back down.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("Clinton", "made it clear"));
    assert_eq!(c, "that she would not back down");
    let (_, cue, _) = one("Sanders pointed out that the system is rigged.");
    assert_eq!(cue, "pointed out");
    // the Times is expected to, by someone not named: not the Times's own expectation
    let (s, cue, c) = one("The New York Times is expected to endorse the Democratic candidate.");
    assert_eq!((s.len(), cue.as_str()), (0, "is expected to"));
    assert_eq!(
        c,
        "The New York Times is expected to endorse the Democratic candidate"
    );
    // "pointed" alone is no cue
    assert!(atts("The officer pointed the way to the exit.").is_empty());
    // a speaker's expectation is theirs to say: "expects" with its subject
    let (s, cue, c) = one("He expects rising production costs to cut margins next year.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("He", "expects"));
    assert_eq!(c, "rising production costs to cut margins next year");
}

#[test]
fn polls_opening_a_sentence_and_negated_cues() {
    let (s, cue, c) =
        one("In a CNN poll released Monday, 50 percent of respondents backed the plan.");
    assert_eq!(
        (s[0].as_str(), cue.as_str()),
        ("a CNN poll released Monday", "In")
    );
    assert_eq!(c, "50 percent of respondents backed the plan");
    // a clause with its own cue keeps it
    let (s, cue, _) = one("In a statement, the ministry said the talks failed.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("the ministry", "said"));
    let (s, cue, _) = one("Trump didn't say that the wall would be built.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("Trump", "didn't say"));
}

#[test]
fn opening_participles_and_colon_quotes_after_a_quote() {
    let v = atts(
        "Conceding that a deal was likely \"down the line,\" he warned: \"Not any time soon.\"",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!((v[0].0[0].as_str(), v[0].1.as_str()), ("he", "Conceding"));
    assert_eq!(v[1].2, "Not any time soon.");
    let (s, _, c) =
        one("Promising that his next book would look closer, Smith closed the session.");
    assert_eq!(
        (s[0].as_str(), c.as_str()),
        ("Smith", "that his next book would look closer")
    );
}

#[test]
fn relative_which_names_its_antecedent() {
    let v =
        atts("The letter was sent to the staff association, which urged caution, and to others.");
    let which = v.iter().find(|a| a.0 == ["which"]).expect("which");
    assert_eq!(which.2, "caution");
    // no words before the comma to name: no panic, the relative names itself
    let _ = atts("They reported it, which shows the plan failed.");
    let _ = atts("He was angry at what they concluded, which suggests a rift.");
}

#[test]
fn attitudes_inside_reported_speech_and_speech_inside_it() {
    // "she opposes" is part of what Clinton said, not a second attribution
    let a = atts("Clinton said she opposes accounting gimmicks like chained CPI.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1, "said");
    let a = atts(
        "Sanders has suggested that he will mobilize his supporters and that he wants to lead the committee.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    // standing alone, the same verb is a cue
    assert_eq!(atts("He wants to lead the committee.").len(), 1);
    // a verb of saying or a speech act inside reported speech is a second-hand
    // attribution: all stay, the relative clause's content ending at the main verb
    let a = atts("Klein said that two other women who accused him said they also received calls.");
    assert_eq!(a.len(), 3, "{a:?}");
    assert_eq!((a[1].1.as_str(), a[1].2.as_str()), ("accused", "him"));
    assert_eq!(a[2].0, vec!["two other women who accused him".to_string()]);
    // "a think tank" is a noun; "said it" names no speaker
    let a = atts(
        "Matt Bennett, a founder of the think tank Third Way, said Mrs. Clinton had avoided it.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].0,
        vec!["Matt Bennett, a founder of the think tank Third Way".to_string()]
    );
    let a = atts("Matt Bennett, a founder of the group, said it.");
    assert_eq!(
        a[0].0,
        vec!["Matt Bennett, a founder of the group".to_string()]
    );
}

#[test]
fn contracted_auxiliaries_and_verbs_that_need_a_clause() {
    // a pronoun with a contracted auxiliary is the subject; its mention is the pronoun
    let a = one("He's suggesting that delegates from states he won should flip.");
    assert_eq!((a.0[0].as_str(), a.1.as_str()), ("He", "suggesting"));
    let a = one("They\u{2019}ve said the plan will fail.");
    assert_eq!(a.0, vec!["They".to_string()]);
    let a = atts("Superdelegates who've already said they support Clinton may switch.");
    assert_eq!(a[0].0, vec!["who".to_string()]);
    // a possessive is still no subject
    assert!(atts("Trump's proposed ban drew fire.").is_empty());
    // '"...," he continued.' reports; "Unrest continued." does not
    let a = one("\"We will keep going,\" Mr. Graham continued.");
    assert_eq!(a.0, vec!["Mr. Graham".to_string()]);
    assert!(atts("Unrest continued.").is_empty());
    // verbs that report only with a clause or a quotation
    assert!(atts("Clinton maintains a wide lead over Sanders among black voters.").is_empty());
    assert!(atts("He is now advising Pfizer on the merger.").is_empty());
    assert_eq!(
        one("The campaign has long maintained that they were not marked.").1,
        "has long maintained"
    );
    // phrasal verbs, nouns and participles after a noun
    assert!(atts("Democratic voters just aren't showing up.").is_empty());
    assert!(atts("Her best showing is 10 percent in Vermont.").is_empty());
    assert!(atts("All the Republicans seeking the White House raced into the debate.").is_empty());
    assert_eq!(
        one("Clinton is seeking to shore up support.").1,
        "is seeking"
    );
}

#[test]
fn participles_after_prepositions_and_quantities_of_voters() {
    let a = one(
        "Comedian Sarah Silverman was booed after telling holdouts that they were being ridiculous.",
    );
    assert_eq!(
        (a.0[0].as_str(), a.1.as_str()),
        ("Comedian Sarah Silverman", "telling")
    );
    let a = atts("\"It is time,\" Trump said before adding: \"Maybe there is.\"");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!((a[1].0[0].as_str(), a[1].1.as_str()), ("Trump", "adding:"));
    // the object of "for" said it, not the subject: no attribution to "They"
    assert!(
        atts("They criticized him for saying the war was lost.")
            .iter()
            .all(|a| a.1 != "saying")
    );
    let a = one("Even so, three-quarters of the voters said they were very worried.");
    assert_eq!(a.0, vec!["three-quarters of the voters".to_string()]);
    let a = one("But 16 percent of Democratic registered voters still say they don't know enough.");
    assert_eq!(
        a.0,
        vec!["16 percent of Democratic registered voters".to_string()]
    );
    let a = atts(
        "Six in 10 voters said they were worried, and more than 4 in 10 said Trump would be best.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].2, "they were worried");
    assert_eq!(a[1].0, vec!["more than 4 in 10".to_string()]);
}

#[test]
fn contents_end_at_a_colon_before_a_sentence_and_at_a_subordinate_comma() {
    let a = atts(
        "Early polls show voters rejecting Mr. Trump: A Quinnipiac University poll this month found Mr. Trump even with Mrs. Clinton.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].2, "voters rejecting Mr. Trump");
    assert_eq!(a[1].0, vec!["A Quinnipiac University poll".to_string()]);
    let a = atts(
        "And after the Supreme Court refused to reinstate the law, Gov. Pat McCrory (R) blamed the justices.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].2, "to reinstate the law");
    // a plural noun before the verb is no cue of its own
    let a = one("But FEC reports show that a quartet of groups can accept unlimited donations.");
    assert_eq!((a.0[0].as_str(), a.1.as_str()), ("FEC reports", "show"));
}

#[test]
fn a_paragraph_may_end_on_a_cue() {
    // no sentence mark after the last word: every look past it must stay in bounds
    for text in [
        "The reports",
        "He says",
        "Officials reports",
        "FEC reports show",
        "it's called",
        "They were worried, and 4 in 10 said",
    ] {
        let _ = atts(text);
    }
}

#[test]
fn plural_possessives_and_shows() {
    let a = one("Sanders' team said the committee appears to skirt limits.");
    assert_eq!(a.0, vec!["Sanders' team".to_string()]);
    assert!(atts("Imus' syndicated radio show Imus in the Morning aired for decades.").is_empty());
}

/// Asserts that the attributions of `text` are `want`: (sources, cue, content) each.
pub(in crate::extract) fn expect(text: &str, want: &[(&[&str], &str, &str)]) {
    let got = atts(text);
    let want: Vec<(Vec<String>, String, String)> = want
        .iter()
        .map(|(s, c, t)| {
            (
                s.iter().map(|x| x.to_string()).collect(),
                c.to_string(),
                t.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want, "{text}");
}

/// A word added to the cue lexicons with --rules reaches every place that asks whether a word
/// is a cue: the lexicon's answer, the word's class bit, the reporting-verb and inverted
/// patterns; and one added to the speech verbs reaches the nested-attitude pass, which keeps a
/// verb of saying inside reported speech and drops any other.
#[test]
fn a_cue_added_to_the_lexicons_is_a_cue_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lexicon")).unwrap();
    let cue = "blurt: blurt blurted blurts blurting\n";
    std::fs::write(dir.path().join("lexicon/cue-verbs.txt"), cue).unwrap();
    let only_cue = Lexicons::new(&Ruleset::with_overrides(dir.path()).unwrap());
    std::fs::write(dir.path().join("lexicon/speech-verbs.txt"), "blurt\n").unwrap();
    let speech = Lexicons::new(&Ruleset::with_overrides(dir.path()).unwrap());
    let embedded = Lexicons::new(&Ruleset::embedded());
    let found = |lex: &Lexicons, text: &str| -> Vec<String> {
        let a = analysis(text, lex);
        extract_attributions(&a, lex)
            .iter()
            .map(|at| at.cue.slice(&a.doc.text).to_string())
            .collect()
    };
    assert!(!embedded.is_cue_verb("blurted"));
    assert_eq!(
        found(&embedded, "Smith blurted that the plan works."),
        Vec::<String>::new()
    );
    for lex in [&only_cue, &speech] {
        assert!(lex.is_cue_verb("blurted"));
        assert_eq!(lex.cue_lemma("blurts"), "blurt");
        assert_ne!(lex.word_classes.of("blurting") & cls::CUE_VERB, 0);
        assert_eq!(
            found(lex, "Smith blurted that the plan works."),
            ["blurted"]
        );
        assert_eq!(found(lex, "\"We won,\" blurted Smith."), ["blurted"]);
    }
    // inside reported speech: a speech verb stays an attribution of its own
    let nested = "Clinton said she blurted that the plan works.";
    assert_eq!(found(&only_cue, nested), ["said"]);
    assert_eq!(found(&speech, nested), ["said", "blurted"]);
}

/// The capitalised words extraction hands resolution (from the context's classes in ordinary
/// paragraphs, looked up in boilerplate ones) are those of the whole text's tokens.
#[test]
fn name_words_are_the_whole_text_s() {
    let lex = Lexicons::new(&Ruleset::embedded());
    for text in [
        "Ms. Harriet Sacoolas left. Prime Minister\n\nBoris Johnson Police said so.",
        "President Joe Biden spoke.\n\nCopyright 2020 The Times. All rights reserved.\n\nMr. Tom Hegel's Reuters said.",
        "No capitals here.\n\nDr. A. B. Smith of the Daily Post",
    ] {
        let a = analysis(text, &lex);
        assert!(crate::blocks_tile(&a.doc));
        let got = extract(&a, &lex, true).name_words.expect("asked for");
        let toks = tokenize(
            text,
            crate::span::Span::new(0, text.len()),
            &lex.abbreviations,
        );
        let mut want = crate::model::NameWords::default();
        name_words(&toks, &lex, &mut want);
        assert!(!want.words.is_empty());
        assert_eq!(got.words, want.words, "{text}");
        assert!(extract(&a, &lex, false).name_words.is_none());
    }
}

/// A body's official voice with the body named is the institution speaking, not an anonymous
/// source; alone, or a head that is not a voice ("a senior official"), it stays anonymous.
#[test]
fn a_named_body_s_spokesperson_is_not_anonymous() {
    let lex = Lexicons::new(&Ruleset::embedded());
    let kinds = |text: &str| -> Vec<(String, MentionKind)> {
        let a = analysis(text, &lex);
        extract_attributions(&a, &lex)
            .iter()
            .flat_map(|at| at.sources.iter())
            .map(|m| (m.span.slice(&a.doc.text).to_string(), m.kind))
            .collect()
    };
    for text in [
        "A Hampshire Police spokesman said the road was closed.",
        "A city spokesperson said the road was closed.",
        "A hospital spokeswoman said the road was closed.",
        "A spokeswoman for the ministry said the road was closed.",
    ] {
        let k = kinds(text);
        assert!(
            !k.is_empty() && k.iter().all(|(_, kind)| *kind != MentionKind::Anonymous),
            "{text}: {k:?}"
        );
    }
    for text in [
        "A spokesman said the road was closed.",
        "A former spokesman said the road was closed.",
        "A senior official said the road was closed.",
    ] {
        let k = kinds(text);
        assert!(
            k.iter().any(|(_, kind)| *kind == MentionKind::Anonymous),
            "{text}: {k:?}"
        );
    }
}

#[test]
fn a_name_after_the_preposition_of_an_unnamed_head_is_no_subject_of_its_own() {
    // "The senator from Vermont said": the senator said it, not Vermont
    expect(
        "The senator from Vermont said the system was corrupt.",
        &[(
            &["The senator from Vermont"],
            "said",
            "the system was corrupt",
        )],
    );
    expect(
        "The government of President Petro O. Poroshenko said it was fine.",
        &[(
            &["The government of President Petro O. Poroshenko"],
            "said",
            "it was fine",
        )],
    );
    // (an appositive whose comma never closes is left as it was)
    let got = atts("Sam Lau, the communications director for the Iowa Democratic Party said it.");
    assert!(
        got.iter()
            .all(|(s, _, _)| s[0] != "the communications director for the Iowa Democratic Party"),
        "{got:?}"
    );
}

#[test]
fn a_description_given_as_by_its_agent() {
    // the agent after "by" says who or what the subject is
    let (s, cue, c) =
        one("The deceased seaman was identified as Jaypee Galicha by a Coast Guard spokesperson.");
    assert_eq!(
        (s[0].as_str(), cue.as_str()),
        ("a Coast Guard spokesperson", "was identified as")
    );
    assert_eq!(c, "The deceased seaman was identified as Jaypee Galicha");
    // without an agent, or "as" far from "by", none
    assert!(atts("The seaman was identified as Jaypee Galicha.").is_empty());
    assert!(atts("The seaman was identified as the tall young man in red by police.").is_empty());
    assert_eq!(
        atts("The seaman was identified as the young man in red by police.").len(),
        1
    );
}

#[test]
fn an_opening_adverb_is_not_the_subject_of_a_participle() {
    let (s, cue, _) = one("First, he juxtaposed numbers, saying 85,000 Americans were unemployed.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("he", "saying"));
}

/// The fragments of the content of each attribution of `text`.
fn fragments(text: &str) -> Vec<Vec<String>> {
    let lex = Lexicons::new(&Ruleset::embedded());
    let a = analysis(text, &lex);
    extract_attributions(&a, &lex)
        .iter()
        .map(|at| {
            (at.content.iter())
                .flat_map(|c| c.fragments.iter())
                .map(|s| s.slice(&a.doc.text).to_string())
                .collect()
        })
        .collect()
}

#[test]
fn a_source_set_off_inside_a_clause_has_the_clause_on_both_sides() {
    assert_eq!(
        fragments("At one point, she said, she was considering supporting Donald Trump."),
        [[
            "At one point",
            "she was considering supporting Donald Trump"
        ]]
    );
    assert_eq!(
        fragments(
            "If she becomes president, Clinton suggested in a tweet, women will not be punished."
        ),
        [["If she becomes president", "women will not be punished"]]
    );
    // a phrase that frames the speech is not said
    assert_eq!(
        fragments("In a statement, the company said, it would appeal."),
        [["it would appeal"]]
    );
    // no comma after the cue: the opening phrase is the writer's
    assert_eq!(
        fragments("On Tuesday, Smith said the plan failed."),
        [["the plan failed"]]
    );
}

#[test]
fn a_quotation_opened_in_a_content_is_the_speaker_s_to_its_end() {
    assert_eq!(
        fragments("He said reform \"is a when question. It is not an if question.\" Then he left."),
        [["reform \"is a when question. It is not an if question.\""]]
    );
    // a quotation closed in the sentence ends with it
    assert_eq!(
        fragments("She said the plan was \"a mess.\" Then she left."),
        [["the plan was \"a mess.\""]]
    );
}

#[test]
fn subjects_with_a_participle_or_a_whose_clause() {
    let (s, _, c) =
        one("Democrats trying to regain control of the Senate in November say they have a weapon.");
    assert_eq!(
        s,
        ["Democrats trying to regain control of the Senate in November"]
    );
    assert_eq!(c, "they have a weapon");
    let (s, _, _) = one("The state officials whose laws were invalidated say the change has come.");
    assert_eq!(s, ["The state officials whose laws were invalidated"]);
    // a determiner before the "-ing" word: an adjective, no clause
    let (s, _, _) = one("The leading candidates say the race is close.");
    assert_eq!(s, ["The leading candidates"]);
}

#[test]
fn a_name_and_its_appositive_are_the_subject_of_a_coordinated_cue() {
    // (nor is the agent of a passive before it: the police did not advise)
    let (s, _, c) =
        one("Gary Emineth, a former state chairman, became a delegate and said he is leaning.");
    assert_eq!(s, ["Gary Emineth, a former state chairman"]);
    assert_eq!(c, "he is leaning");
    // a relative clause after the name is no appositive of a subject that said it
    let got = atts(
        "Amman, who was described as violent by the police, sent videos and advised her to leave.",
    );
    assert!(
        got.iter()
            .all(|(s, cue, _)| cue != "advised" || s != &["the police"] && s != &["Amman"]),
        "{got:?}"
    );
}

#[test]
fn evidence_is_a_subject_after_a_semicolon() {
    let (s, cue, c) =
        one("The first bomb went off during Mass; video footage from the scene shows pews broken.");
    assert_eq!(
        (s[0].as_str(), cue.as_str(), c.as_str()),
        ("video footage from the scene", "shows", "pews broken")
    );
}

#[test]
fn a_quantifier_opening_the_sentence_is_its_subject() {
    for (text, who) in [
        ("Most said they were worried.", "Most"),
        ("In Ohio, most said they were worried.", "most"),
        ("Both think Obama advanced the agenda.", "Both"),
    ] {
        let (s, _, _) = one(text);
        assert_eq!(s, [who], "{text}");
    }
    // an adverb after a subject, an adjective before a noun: no subject of their own
    let (s, cue, _) = one("They both said they were worried.");
    assert_eq!((s[0].as_str(), cue.as_str()), ("They", "both said"));
    assert!(atts("The most cited study found nothing new.").is_empty());
}

#[test]
fn a_name_and_a_definite_phrase_are_two_sources() {
    expect(
        "Trump and his supporters claimed Joe Biden won by fraud.",
        &[(
            &["Trump", "his supporters"],
            "claimed",
            "Joe Biden won by fraud",
        )],
    );
    expect(
        "On Monday, Smith and his lawyer said the case was closed.",
        &[(&["Smith", "his lawyer"], "said", "the case was closed")],
    );
    // (the name is an object, not a subject opening the clause)
    expect(
        "Obama met Netanyahu and his wife said the dinner was fine.",
        &[(&["his wife"], "said", "the dinner was fine")],
    );
}

#[test]
fn an_unnamed_group_in_a_place_is_the_source() {
    // (the place was the source: "the United Kingdom" found that ...)
    expect(
        "Researchers in the United Kingdom found that poor hygiene is responsible.",
        &[(
            &["Researchers in the United Kingdom"],
            "found",
            "that poor hygiene is responsible",
        )],
    );
    expect(
        "Doctors in Gaza said 20 people were hurt.",
        &[(&["Doctors in Gaza"], "said", "20 people were hurt")],
    );
    expect(
        "On Wednesday, an assembly of foreign ministers in Cairo denounced the deal.",
        &[(
            &["an assembly of foreign ministers in Cairo"],
            "denounced",
            "the deal",
        )],
    );
}

#[test]
fn a_base_form_that_is_mostly_a_noun_is_a_cue_as_a_verb() {
    expect(
        "Scientists report spiky skulls evolved at least 25 times.",
        &[(
            &["Scientists"],
            "report",
            "spiky skulls evolved at least 25 times",
        )],
    );
    expect(
        "Critics claim the law is void.",
        &[(&["Critics"], "claim", "the law is void")],
    );
    // nouns: with a determiner, in a compound before a cue, or with no clause after them
    expect(
        "A police report said two men fled.",
        &[(&["A police report"], "said", "two men fled")],
    );
    expect(
        "The report found that the vote was fair.",
        &[(&["The report"], "found", "that the vote was fair")],
    );
    expect("The officials report to the minister every week.", &[]);
}

#[test]
fn a_verb_of_finding_reports_before_that() {
    expect(
        "Investigators determined that the fire was set.",
        &[(&["Investigators"], "determined", "that the fire was set")],
    );
    // (no "that": a trade learned, an agency set up; and the form stays in a noun phrase)
    expect("He learned the trade from his father.", &[]);
    expect(
        "The newly established agency said the fire was set.",
        &[(
            &["The newly established agency"],
            "said",
            "the fire was set",
        )],
    );
}
