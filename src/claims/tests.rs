//! Tests of claim judgement: kinds, carry-over, relays, corroboration, disputes.

use super::*;
use crate::ruleset::Ruleset;

fn claims(text: &str) -> Vec<(String, ClaimStatus)> {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text("t", text.to_string()));
    a.claims
        .iter()
        .map(|c| (c.span.slice(&a.doc.text).to_string(), c.status))
        .collect()
}

fn kinds(text: &str) -> Vec<(String, ClaimKind, ClaimStatus, usize)> {
    let c = Checker::new(Ruleset::embedded(), None);
    let a = c.check(crate::input::parse_text("t", text.to_string()));
    a.claims
        .iter()
        .map(|c| {
            (
                c.span.slice(&a.doc.text).to_string(),
                c.kind,
                c.status,
                c.inherited.len(),
            )
        })
        .collect()
}

#[test]
fn an_account_carries_over_within_its_paragraph_only() {
    let c = kinds(
        "The crash began on the bridge, Florida Highway Patrol described, when a car hit a truck. After crossing the divider, the vehicles hit a bus.\n\nTraffic will move to Route 9 during the work.",
    );
    assert_eq!(c[0].2, ClaimStatus::SingleSource, "{c:?}");
    assert_eq!((c[1].2, c[1].3), (ClaimStatus::SingleSource, 1), "{c:?}");
    assert_eq!(c[2].2, ClaimStatus::Unattributed, "{c:?}");
}

#[test]
fn a_new_act_after_said_inherits_nothing() {
    let c =
        kinds("The bridge will close in May, Mayor Jane Roe said. Repairs will cost $4 million.");
    assert_eq!(c[0].2, ClaimStatus::SingleSource);
    assert_eq!((c[1].2, c[1].3), (ClaimStatus::Unattributed, 0), "{c:?}");
}

#[test]
fn a_continued_quotation_inherits_its_speaker() {
    let c = kinds(
        "\"We will rebuild the bridge by May,\" Mayor Jane Roe said. \"It will cost the city four million dollars.\"",
    );
    assert_eq!(c[1].1, ClaimKind::Quote, "{c:?}");
    assert_eq!(c[1].2, ClaimStatus::SingleSource, "{c:?}");
    // a quotation that goes on in the next sentence, after its speaker
    let c = kinds(
        "Mayor Jane Roe said: \"We will rebuild the bridge by May. It will cost the city four million dollars.\"",
    );
    assert_eq!(c[1].2, ClaimStatus::SingleSource, "{c:?}");
}

#[test]
fn a_relaying_outlet_is_not_a_second_voice() {
    // GUIDELINES: "according to Reuters, citing officials" counts once
    let c = kinds("The dam failed on Monday, police said, according to Reuters.");
    assert_eq!(c[0].2, ClaimStatus::SingleSource, "{c:?}");
}

#[test]
fn one_group_or_one_body_is_one_voice() {
    // the bodies a research group comes from are its affiliations, not voices of their own;
    // "and" inside a body's name joins no two bodies
    for t in [
        "Scientists from China's Tsinghua University and the Chinese Academy of Sciences reported bird flight evolved from running.",
        "According to the Philippine Institute of Volcanology and Seismology (Phivolcs), the epicenter was 9 km east of Carrascal.",
        "The High Court of England and Wales ruled that the prorogation was not a matter for the courts.",
        "Nils-Erik Haagenrud of Rogaland Fire and Rescue said late on Tuesday no personnel would be sent into the building.",
        "The Fire and Rescue said no personnel would be sent into the building.",
        // a speaker and their own people are one side
        "Trump and his supporters claimed Joe Biden only won the elections due to voter fraud.",
        "The mayor and her deputy said the budget was cut by $4 million.",
    ] {
        let c = kinds(t);
        assert_ne!(c[0].2, ClaimStatus::Corroborated, "{t}: {c:?}");
    }
    // two parties' acts corroborate nothing: "recognized Israel" names an act, no saying
    let c = kinds("Like the UAE, the nations of Bahrain and Kosovo recognized Israel.");
    assert_ne!(c[0].2, ClaimStatus::Corroborated, "{c:?}");
    // two bodies named side by side are two
    let c = kinds("The University of Oxford and Imperial College said the vaccine works.");
    assert_eq!(c[0].2, ClaimStatus::Corroborated, "{c:?}");
    // an organisation and its head are one voice; two people of no named body are two
    let c = kinds(
        "On Wednesday, the World Health Organization (WHO) declared the outbreak a pandemic. \
         Although the word only refers to how widely a disease has spread, not how dangerous \
         specific cases are, the WHO noted the need to drive governments to action: \"All \
         countries can still change the course of this pandemic,\" said Tedros Adhanom Ghebreyesus, the \
         Director-General of the WHO.",
    );
    assert_ne!(c[1].2, ClaimStatus::Corroborated, "{c:?}");
    let c = kinds("Brit Hume and Chris Wallace described the speech as flat and lacking energy.");
    assert_eq!(c[0].2, ClaimStatus::Corroborated, "{c:?}");
}

#[test]
fn stances_are_self_reports() {
    for t in [
        "Pierce and Hawkins both argued for using ballot access as an inclusion standard for debates.",
        "La Riva argued against Universal Basic Income, proposing a higher minimum wage.",
        "Pierce and Carroll endorsed charter schools.",
    ] {
        let c = kinds(t);
        assert_eq!(c[0].1, ClaimKind::SelfReport, "{t}: {c:?}");
    }
    // a claim about the world stays one
    let c = kinds("Hawkins argued that the debt does not matter.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
    // agreeing with a named speaker's view corroborates no claim before it
    let c = kinds(
        "Pierce said the nation needs visionary leadership. La Riva argued against Universal Basic Income. Carroll agreed with La Riva, saying that jobs are more important than UBI.",
    );
    assert!(c.iter().all(|x| x.2 != ClaimStatus::Corroborated), "{c:?}");
}

#[test]
fn two_voices_on_one_proposition_corroborate() {
    let c = kinds("The dam failed on Monday, police said, and firefighters confirmed it.");
    assert_eq!(c[0].2, ClaimStatus::Corroborated, "{c:?}");
    // two voices on two things do not
    let c = kinds(
        "John Doe said the dam was old, and Jane Roe urged residents to leave the valley at once.",
    );
    assert_ne!(c[0].2, ClaimStatus::Corroborated, "{c:?}");
}

#[test]
fn a_denial_makes_a_disputer_not_a_supporter() {
    let c = kinds("Acme denied that it had fired 400 workers in 2023.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
    assert_eq!(c[0].2, ClaimStatus::Disputed, "{c:?}");
}

#[test]
fn kinds_of_sentences() {
    let c = kinds(
        "Acme said it will close 20 stores next year. The Philippines is a Catholic majority nation. The race was held in Chicago on Sunday. \"We are proud of this city and its people,\" Jane Roe said. Three people were killed in the blast on Monday.",
    );
    let k: Vec<ClaimKind> = c.iter().map(|c| c.1).collect();
    assert_eq!(
        k,
        [
            ClaimKind::SelfReport,
            ClaimKind::Background,
            ClaimKind::Background,
            ClaimKind::Quote,
            ClaimKind::Claim
        ],
        "{c:?}"
    );
}

#[test]
fn a_passive_content_about_the_speaker_is_not_a_self_report() {
    let c = kinds("She said she was forced into the marriage by her family in 2004.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
    let c = kinds("She said she would resign from the board in June.");
    assert_eq!(c[0].1, ClaimKind::SelfReport, "{c:?}");
}

#[test]
fn per_frames_are_attributions() {
    let c = kinds("Per the decree signed by the Pope, priests must report abuse to bishops.");
    assert_eq!(c[0].2, ClaimStatus::SingleSource, "{c:?}");
}

#[test]
fn questions_headings_and_short_lines_are_not_claims() {
    let c = claims("Why It Matters\n\nWho will pay for the new bridge over the river?\n\nComments");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn labels_are_not_part_of_claims() {
    let c = claims("What Happened: Hackers broke into the Acme network in 2021.");
    assert_eq!(c[0].0, "Hackers broke into the Acme network in 2021.");
}

/// `Words` counts and tests the words as `str::split_whitespace` splits them.
#[test]
fn words_as_split_whitespace() {
    let alphabet = [
        "a", "B", " ", "\n", "\u{a0}", "\u{2003}", "\"", "\u{201c}", "(", "'", "\u{c9}", "x",
        "\u{e9}", "\u{3000}", "\u{b}", "\u{85}", ".", "\u{4e2d}",
    ];
    // and runs of ASCII words of every length, for the 8 bytes at a time
    let ascii = [
        "a", "B", " ", "word", "Words", "  ", "\t", "\r\n", "\"Q", "('x", "'", "\"", "(", "0", ".",
        "\u{1f}", "\u{b}", "\u{c}", "~", "\u{7f}", "\u{201c}", "\u{a0}", "\u{e9}", "Z", "@", "[",
    ];
    let texts = crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 5000, 48)
        .chain(crate::testutil::random_texts(
            &ascii,
            0x9e37_79b9_7f4a_7c15,
            20_000,
            40,
        ))
        .chain(crate::testutil::random_texts(
            &ascii,
            0x2545_f491_4f6c_dd1d,
            5000,
            120,
        ))
        // a capital after an opening quote or bracket, the two 8 bytes apart or not, after
        // enough words or not
        .chain((0..14).flat_map(|words| {
            (0..10).flat_map(move |pad| {
                ["\"Q", "(X", "'\"Z", "\u{201c}A", "\"a", "\"\" B", "x"]
                    .map(|end| "ab ".repeat(words) + &" ".repeat(pad) + end + " the end")
            })
        }));
    for t in texts {
        let named = t.split_whitespace().skip(1).any(|w| {
            w.trim_start_matches(['"', '\u{201c}', '(', '\''])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        let w = Words::of(&t);
        assert_eq!(
            (w.count, w.named),
            (t.split_whitespace().count().min(Words::ENOUGH), named),
            "{t:?}"
        );
    }
}

#[test]
fn digits_are_found_8_bytes_at_a_time() {
    let alphabet = [
        "a", "/", "0", "5", "9", ":", " ", "\u{e9}", "\u{ff}", "\u{7f}", "\u{b0}", "z", "\u{660}",
    ];
    for t in crate::testutil::random_texts(&alphabet, 0x2545_f491_4f6c_dd1d, 20_000, 24) {
        assert_eq!(
            has_digit(t.as_bytes()),
            t.bytes().any(|c| c.is_ascii_digit()),
            "{t:?}"
        );
    }
    // every byte value, alone and among others
    for c in 0..=255u8 {
        for at in [0, 3, 7, 8, 12] {
            let mut b = vec![b'x'; 16];
            b[at] = c;
            assert_eq!(has_digit(&b), c.is_ascii_digit(), "{c} at {at}");
        }
    }
}

#[test]
fn consequential_claims_are_more_checkworthy() {
    let cl = ClaimLexicons::new(&Ruleset::embedded());
    assert!(checkworthiness("The weather was nice and everyone was happy.", &cl) < 0.7);
    assert!(checkworthiness("The office had 400 desks in 2023.", &cl) < 0.7);
    assert!(checkworthiness("Three people were killed in the blast.", &cl) >= 0.7);
    assert!(checkworthiness("The deal cost $4 million.", &cl) >= 0.7);
}

#[test]
fn groups_are_made_non_capturing() {
    assert_eq!(
        uncaptured(r"(?i)\b(a|b)\(c\)[(](?P<x>d)"),
        r"(?i)\b(?:a|b)\(c\)[(](?P<x>d)"
    );
    assert_eq!(uncaptured(r"[]()](e)[^](](f)"), r"[]()](?:e)[^](](?:f)");
    assert_eq!(uncaptured(r"[[:alpha:](](g)"), r"[[:alpha:](](?:g)");
}

#[test]
fn lemmas_are_found_by_their_base_form() {
    let cl = ClaimLexicons::new(&Ruleset::embedded());
    assert!(ClaimLexicons::has_lemma(&cl.account_cues, "described"));
    assert!(ClaimLexicons::has_lemma(&cl.act_cues, "issued"));
    assert!(ClaimLexicons::has_lemma(&cl.dispute_cues, "denying"));
    assert!(!ClaimLexicons::has_lemma(&cl.dispute_cues, "said"));
}

/// The sweep of `overlap_of_two_voices` answers as the pairwise comparison it replaced, on
/// random sets of short spans (empty ones and equal starts among them) from a fixed-seed
/// xorshift, with one to three voices.
#[test]
fn overlap_of_two_voices_is_the_pairwise_comparison() {
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m) as usize
    };
    let (mut yes, mut no) = (0, 0);
    for _ in 0..20_000 {
        let n = next(7);
        let mut set: Vec<(usize, Span)> = (0..n)
            .map(|_| {
                let start = next(12);
                (next(3), Span::new(start, start + next(4)))
            })
            .collect();
        let pairwise =
            (0..n).any(|i| (i + 1..n).any(|j| set[i].0 != set[j].0 && set[i].1.overlaps(set[j].1)));
        assert_eq!(overlap_of_two_voices(&mut set), pairwise, "{set:?}");
        if pairwise { yes += 1 } else { no += 1 }
    }
    assert!(yes > 1000 && no > 1000, "{yes} overlapping sets, {no} not");
}

#[test]
fn what_a_filing_or_a_law_records_is_not_a_claim() {
    // the court's record and the document itself: nothing for an editor to source
    let c = kinds(
        "The suit was filed in Yellowstone County. Under the previous law, each carrier was limited to 80 ballots. An issue raised by the complaint was the definition of the term family. Ranchers said the suit was filed to stop the sale of the land.",
    );
    let k: Vec<ClaimKind> = c.iter().map(|c| c.1).collect();
    assert_eq!(
        k[..3],
        [
            ClaimKind::SelfReport,
            ClaimKind::SelfReport,
            ClaimKind::SelfReport
        ],
        "{c:?}"
    );
    // the same words as what a speaker says are still the speaker's claim
    assert_eq!(c[3].1, ClaimKind::Claim, "{c:?}");
    // and an event told without a record is a claim
    let c = kinds("The suit accuses the company of hiding losses from investors for years.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
}

#[test]
fn an_age_on_its_own_is_background() {
    let c = kinds("Nickey Iyambo died on Sunday.\n\nHe was 82 years old.");
    assert_eq!(c[1].1, ClaimKind::Background, "{c:?}");
    let c = kinds("Nickey Iyambo died on Sunday.\n\nHe was 82 when he was shot by the guards.");
    assert_eq!(c[1].1, ClaimKind::Claim, "{c:?}");
}

#[test]
fn a_scheduled_decision_is_background() {
    // when a body is to decide or meet is a routine fact, not a claim to source
    let c = kinds("The Vatican is to decide within a month if an investigation is required.");
    assert_eq!(c[0].1, ClaimKind::Background, "{c:?}");
    let c = kinds("The court is due to rule on Monday.");
    assert_eq!(c[0].1, ClaimKind::Background, "{c:?}");
    // what the decision will be is no schedule
    let c = kinds("The court will rule that the law is void.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
    // a meeting already on the calendar, and what something was called before
    let c = kinds("G7 was already scheduled to meet this weekend.");
    assert_eq!(c[0].1, ClaimKind::Background, "{c:?}");
    let c = kinds("Their ship, MV Alan Kurdi, was previously MV Professor Albrecht Penck.");
    assert_eq!(c[0].1, ClaimKind::Background, "{c:?}");
    let c = kinds("The minister was previously accused of taking bribes.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
}

#[test]
fn standings_results_and_the_rules_of_a_contest_are_background() {
    for t in [
        "Former Vice-President Biden secured pluralities in ten states.",
        "She came in third; Biden secured a plurality, and Sanders came in second.",
        "Warren, formerly a professor at Harvard Law School, lost her home state of Massachusetts.",
        "Additionally, Senator Warren had eight delegates.",
        "In second place, former Vice President Joe Biden had 54.",
        "Bloomberg won the caucus in American Samoa, his first of the campaign season.",
        "Nevada held its caucuses on February 22, and South Carolina held its primary on Saturday.",
        "On Tuesday, the Democratic Party held primary elections in fourteen states.",
        "The name \"Super Tuesday\" comes from the large number of primaries held on the same day.",
        "Candidates must receive at least 15% of the vote to be eligible to earn delegates.",
    ] {
        let c = kinds(t);
        assert_eq!(c[0].1, ClaimKind::Background, "{c:?}");
    }
    // what a candidate did in the race is no standing
    let c = kinds("Bloomberg had opted not to compete in the four earlier primaries.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
}

#[test]
fn a_public_career_told_by_its_subject_is_background() {
    for t in [
        "He became finance minister in 1982.",
        "Park was elected mayor of the capital city in 2011.",
        "Mukherjee was also elected to the Lok Sabha, the lower legislature, for two terms.",
        "Bolton previously served as the US ambassador to the United Nations.",
        "Born on December 11, 1935, in Mirati, Mukherjee began his career in West Bengal.",
    ] {
        let c = kinds(t);
        assert_eq!(c[0].1, ClaimKind::Background, "{c:?}");
    }
    // the news of the sentence is not its subject's career: a death, an act of this week
    let c = kinds("On Monday, Pranab Mukherjee, who served as President of India, died.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
    let c = kinds("Park fired three aides on Monday over the 2011 scandal.");
    assert_eq!(c[0].1, ClaimKind::Claim, "{c:?}");
}
