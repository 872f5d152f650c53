//! Groups that speak with one voice: "scientists from the University of Bristol and UC Davis
//! say" names two bodies, the affiliations of one group, not two independent sources; "Trump
//! and his supporters" are one side.

use crate::model::Analysis;

/// Keep in `voices` one source of each attribution of `atts` whose speaker is a group from the
/// bodies it names ("scientists from X and Y say", "researchers at X and Y found"): the first.
/// The group's head is in the mention ("scientists from the University of Bristol") or just
/// before it ("scientists from China's Tsinghua University").
pub(super) fn one_voice_per_group(analysis: &Analysis, atts: &[usize], voices: &mut Vec<usize>) {
    let text = &analysis.doc.text;
    for &ai in atts {
        let a = &analysis.attributions[ai];
        let [m, rest @ ..] = a.sources.as_slice() else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        let head = text.get(m.span.start..m.name.start).unwrap_or("");
        // (the four words before the mention, from a character boundary)
        let mut from = m.span.start.saturating_sub(48);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before: Vec<&str> = text[from..m.span.start].split_whitespace().collect();
        let words: Vec<&str> = (before[before.len().saturating_sub(4)..].iter().copied())
            .chain(head.split_whitespace())
            .collect();
        let group = words.windows(2).any(|w| {
            matches!(w[1], "from" | "at")
                && w[0].len() > 3
                && w[0].ends_with('s')
                && w[0].chars().skip(1).all(char::is_lowercase)
        });
        if group {
            voices.retain(|&s| Some(s) == m.source || !rest.iter().any(|x| x.source == Some(s)));
        }
    }
}

/// Drop from `voices` the sources of the mentions of each attribution of `atts` that speak as
/// part of the one named before them, by a possessive ("Trump and his supporters claimed",
/// "the mayor and her deputy said"): the speaker's own people, not an independent voice.
pub(super) fn one_voice_with_its_own(analysis: &Analysis, atts: &[usize], voices: &mut Vec<usize>) {
    let text = &analysis.doc.text;
    for &ai in atts {
        let a = &analysis.attributions[ai];
        let [first, rest @ ..] = a.sources.as_slice() else {
            continue;
        };
        for m in rest {
            let opens = m.span.slice(text).split_whitespace().next().unwrap_or("");
            if matches!(
                opens.to_ascii_lowercase().as_str(),
                "his" | "her" | "its" | "their"
            ) && m.source != first.source
            {
                voices.retain(|&s| Some(s) != m.source);
            }
        }
    }
}

/// Drop from `voices` a person whose mentions name another of the voices, a body ("Tedros
/// Adhanom Ghebreyesus, the Director-General of the WHO" beside "the WHO noted"): GUIDELINES,
/// two voices of one organisation count once. (The first eight mentions of each person are
/// read; names are compared by their normalised words.)
pub(super) fn one_voice_per_body(analysis: &Analysis, voices: &mut Vec<usize>) {
    use crate::model::SourceKind;
    let bodies: Vec<usize> = (voices.iter().copied())
        .filter(|&s| {
            matches!(
                analysis.sources[s].kind,
                SourceKind::Organization | SourceKind::Government | SourceKind::Media
            )
        })
        .collect();
    if bodies.is_empty() {
        return;
    }
    let text = &analysis.doc.text;
    let speaks_for_a_body = |p: usize| {
        let src = &analysis.sources[p];
        src.kind == SourceKind::Person
            && src.mentions.iter().take(8).any(|m| {
                let words = format!(" {} ", crate::registry::normalize_name(m.slice(text)));
                bodies.iter().any(|&b| {
                    (analysis.sources[b].keys.iter())
                        .any(|k| !k.is_empty() && words.contains(&format!(" {k} ")))
                })
            })
    };
    voices.retain(|&p| !speaks_for_a_body(p));
}
