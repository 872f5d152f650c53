//! Resolution: turns the source mentions of attributions into the document's sources.
//!
//! A surname joins the person already named in full ("Hegel" -> Tom Hegel), or the full name
//! found elsewhere in the text; "the outlet"/"the publication" join the last media source, "the
//! company" the last organisation, and a definite description with a head of
//! `description-heads` ("the agency", "the report", "the researchers") the last source of a kind
//! its head fits or whose name ends in it; "the former"/"the latter" pick from the last pair of
//! names; he/she the last person whose gender fits (titles, pronouns, `given-names`), it the
//! last organisation. A name's kind comes from the registry when it matches, else from its words
//! and the lexicons (`name-heads`: "Coast Guard" is no person). What cannot be resolved stays a source of
//! unknown identity, named as written, and is reported; nothing is invented. Each source is then
//! matched against the registry, and every place the text names it is collected.

use crate::lexicon::Lexicons;
use crate::model::{Analysis, Mention, MentionKind, NameWord, NameWords, Source, SourceKind};
use crate::registry::{MatchKind, Registry, RegistryMatch, normalize_name};
use crate::span::Span;
use crate::token::WordIndex;

/// Fx hashing for the maps of source indices and spans (SipHash's flooding resistance buys
/// nothing for them).
type FxBuild = std::hash::BuildHasherDefault<crate::hash::FxHasher>;

/// Resolve every attribution's mentions to sources (filling `analysis.sources` and each
/// mention's `source`); returns the spans of mentions that refer to nobody found.
pub fn resolve_sources(
    analysis: &mut Analysis,
    lex: &Lexicons,
    registry: Option<&Registry>,
) -> Vec<Span> {
    resolve_sources_with(analysis, lex, registry, None)
}

/// [`resolve_sources`], with the capitalised words of the whole text as extraction found them
/// ([`NameWords`]), for the people the text names; None to find them from the text. Either is
/// read only when a pronoun needs them.
pub(crate) fn resolve_sources_with(
    analysis: &mut Analysis,
    lex: &Lexicons,
    registry: Option<&Registry>,
    names: Option<&NameWords>,
) -> Vec<Span> {
    // (borrowed beside the attributions it resolves, not copied)
    let text: &str = &analysis.doc.text;
    // every whole word of the text, once: names are looked up in it, not scanned for
    let index = Some(WordIndex::for_text(text));
    // (room for a source per mention at most, made once: a list grown by doubling copies
    // itself and leaves the old pages behind, and room never written costs no memory)
    let most = analysis.mention_count();
    let mut sources: Vec<Source> = Vec::with_capacity(most);
    let mut last_pos: Vec<usize> = Vec::with_capacity(most);
    let mut keys = KeyIndex::default();
    // what the text tells of a person's gender (titles, pronouns already resolved): true = she
    let mut female: std::collections::HashMap<usize, bool, FxBuild> = Default::default();
    // people named in the text, found only if a he/she needs them
    let people_cell: std::cell::OnceCell<Vec<NamedPerson>> = std::cell::OnceCell::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // (sized for a mention each, as `sources`: a set grown by doubling inserts everything again)
    let mut mentioned: std::collections::HashSet<(usize, Span), FxBuild> =
        std::collections::HashSet::with_capacity_and_hasher(most, FxBuild::default());
    let mut unresolved = Vec::new();
    // the source each mention's span resolved to, for the same span in a later attribution
    let mut at_span: std::collections::HashMap<Span, usize, FxBuild> =
        std::collections::HashMap::with_capacity_and_hasher(most, FxBuild::default());
    // the sources a pronoun or description may stand for, by kind and recency
    let mut recent = Recent::default();
    // the turns of an interview (transcript attributions: their contents and attributions, in
    // text order): "I" and "we" in a turn are its speaker
    let turns: Vec<(Span, usize)> = (analysis.attributions.iter().enumerate())
        .filter(|(_, a)| a.kind == crate::model::AttributionKind::Transcript)
        .filter_map(|(ai, a)| a.content.as_ref().map(|c| (c.span, ai)))
        .collect();

    for ai in 0..analysis.attributions.len() {
        let mut group = Vec::new();
        // (the cited sources after the speaking ones: "according to Reuters, citing two
        // officials")
        let speaking = analysis.attributions[ai].sources.len();
        for mi in 0..speaking + analysis.attributions[ai].cited.len() {
            let m = mention(&analysis.attributions[ai], mi).clone();
            // sources made or changed by this mention, for `recent`
            let before = sources.len();
            let mut touched = None;
            // (a carrier, a post-modifier or an anonymity clause in the mention is not part of
            // the source: "a statement released by her family", "the ministry in a statement")
            let surface = m.referent.unwrap_or(m.span).slice(text);
            let name = m.name.slice(text);
            // the same description read by two attributions ("The agency did not mention ...,
            // but said ..."): the source the first found (recency would pass it over, as it is
            // now the latest mention). (Pronouns too would be right, "he described ... and
            // urged ...", but one in the dev eval then loses a spurious second source that
            // hid a quotation taken for a single-sourced claim: left for the claims stage.)
            let again = (!matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
                .then(|| at_span.get(&m.span).copied())
                .flatten();
            let found = match m.kind {
                _ if again.is_some() => again,
                // (whatever extraction took the word for: a capital "I" may read as a name)
                _ if matches!(surface, "I" | "we" | "We")
                    && let Some(src) = turn_speaker(analysis, &turns, ai, m.span.start) =>
                {
                    Some(src)
                }
                MentionKind::Name => {
                    // (the words before the name are a title only when they name it: not a
                    // carrier, "a report on Wednesday by UpGuard")
                    let whole = m.referent.unwrap_or(m.span);
                    // ("according to CNN's projections": the owner is named without its "'s")
                    let name = if m.name.end < m.span.end {
                        (name.strip_suffix("'s"))
                            .or_else(|| name.strip_suffix("\u{2019}s"))
                            .filter(|n| !n.is_empty())
                            .unwrap_or(name)
                    } else {
                        name
                    };
                    let i = resolve_name(
                        text,
                        index.as_ref(),
                        m.name,
                        whole,
                        name,
                        lex,
                        &mut sources,
                        &mut last_pos,
                        &mut keys,
                    );
                    if let Some(f) = title_gender(text.get(whole.start..m.name.start).unwrap_or(""))
                        .or_else(|| {
                            appositive_gender(text.get(m.name.end..m.span.end).unwrap_or(""))
                        })
                        .or_else(|| {
                            (sources[i].kind == SourceKind::Person)
                                .then(|| given_gender(&sources[i].name, lex))
                                .flatten()
                        })
                    {
                        female.entry(i).or_insert(f);
                    }
                    Some(i)
                }
                MentionKind::Anonymous | MentionKind::Other => {
                    // a relative "who"/"which" stands for the phrase before it ("according to
                    // police, who said"): that phrase names the source
                    let relative = m.name != m.span
                        && matches!(surface.to_lowercase().as_str(), "who" | "which");
                    let surface = if relative { name } else { surface };
                    let key = normalize_name(surface);
                    let back = keys.first(&key, &sources).or_else(|| {
                        // "the government", "the researchers": the earlier source it fits
                        description_head(surface).and_then(|head| {
                            refer_back(head, lex, &recent, &keys, &sources, &last_pos, m.span.start)
                        })
                    });
                    let idx = back.unwrap_or_else(|| {
                        // "the researchers" after the team was named, "his lawyers": a
                        // definite description of people the article has named refers back
                        let refers_back = definite_description(surface)
                            && sources
                                .iter()
                                .enumerate()
                                .any(|(i, s)| s.named && last_pos[i] < m.span.start);
                        // ("a police spokesman", "a spokeswoman for the city": extraction
                        // found the body the voice speaks for, and kept the mention no
                        // anonymous one)
                        let anonymous = (m.kind == MentionKind::Anonymous && !refers_back)
                            || (indefinite_description(surface)
                                && !(m.kind == MentionKind::Other && voice_of(surface, lex)));
                        let kind = if anonymous {
                            SourceKind::Anonymous
                        } else {
                            classify(name, false, lex)
                        };
                        let s = new_source(surface.to_string(), kind, anonymous, vec![key]);
                        push_source(&mut sources, &mut last_pos, &mut keys, s)
                    });
                    Some(idx)
                }
                MentionKind::Pronoun => {
                    // (a pronoun in lower case already, as most are, is not copied)
                    let lower: std::borrow::Cow<'_, str> =
                        if surface.bytes().all(|b| b.is_ascii_lowercase()) {
                            std::borrow::Cow::Borrowed(surface)
                        } else {
                            std::borrow::Cow::Owned(surface.to_lowercase())
                        };
                    let want: &[SourceKind] = match lower.as_ref() {
                        "he" | "she" => &[SourceKind::Person],
                        "it" => &[
                            SourceKind::Organization,
                            SourceKind::Media,
                            SourceKind::Government,
                        ],
                        _ => &[
                            SourceKind::Anonymous,
                            SourceKind::Organization,
                            SourceKind::Government,
                            SourceKind::Media,
                        ],
                    };
                    if matches!(lower.as_ref(), "he" | "she") {
                        // the last person whose gender, as far as the text tells, fits
                        let want_female = lower.as_ref() == "she";
                        let mut found = recent.latest_person(want_female, m.span.start);
                        // a person named later than that source, though not cited yet
                        // ("Ms. Harriet Sacoolas left ... She said ..."); one whose gender the
                        // text gives is preferred to a nearer one whose gender it does not
                        // (None: no such source before the pronoun; a person named at the
                        // text's first byte is after it)
                        let since = found.map(|i| last_pos[i]);
                        let since_unknown = recent
                            .latest_at(&[SourceKind::Unknown], m.span.start)
                            .map(|(p, _)| p);
                        let after =
                            |p: &NamedPerson, pos: Option<usize>| pos.is_none_or(|s| p.pos > s);
                        let known_gender = found.is_some_and(|i| female.contains_key(&i));
                        let near =
                            |p: &NamedPerson| p.pos < m.span.start && m.span.start - p.pos < 1500;
                        let people = people_cell.get_or_init(|| match names {
                            Some(n) => people_in(text, &n.words, lex),
                            None => people_named(text, lex),
                        });
                        // (in text order: only the people just before the pronoun are looked
                        // at, not every one named in the text, for every pronoun)
                        debug_assert!(people.windows(2).all(|w| w[0].pos <= w[1].pos));
                        let before_it = &people[..people.partition_point(|p| p.pos < m.span.start)];
                        let person = (!known_gender)
                            .then(|| {
                                before_it
                                    .iter()
                                    .rev()
                                    .take_while(|p| near(p))
                                    // (a title's gender, not a given name's: that one does
                                    // not outweigh a nearer source)
                                    .find(|p| p.titled && p.female == Some(want_female))
                            })
                            .flatten()
                            .or_else(|| {
                                before_it
                                    .iter()
                                    .rev()
                                    .take_while(|p| after(p, since))
                                    // a person named by a given name alone, not after a source
                                    // that may be a person too ("Sergey said"): else ambiguous
                                    .filter(|p| p.titled || after(p, since_unknown))
                                    .find(|p| p.female.is_none_or(|f| f == want_female))
                            });
                        if let Some(p) = person {
                            let key = normalize_name(&p.name);
                            let surname = key.rsplit(' ').next().unwrap_or("").to_string();
                            let known = match (
                                keys.first(&key, &sources),
                                keys.first(&surname, &sources),
                            ) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            };
                            let i = known.unwrap_or_else(|| {
                                let mut s = new_source(
                                    p.name.clone(),
                                    SourceKind::Person,
                                    false,
                                    vec![key, surname],
                                );
                                s.named = true;
                                push_source(&mut sources, &mut last_pos, &mut keys, s)
                            });
                            touched = Some(i);
                            if sources[i].kind == SourceKind::Person {
                                if let Some(f) = p.female {
                                    female.entry(i).or_insert(f);
                                }
                                if female.get(&i).is_none_or(|&f| f == want_female) {
                                    found = Some(i);
                                }
                            }
                        }
                        if let Some(i) = found {
                            female.entry(i).or_insert(want_female);
                        }
                        found
                    } else {
                        // ("they" in an interviewee's turn is no one of the interview: the
                        // latest such source is the interviewer's label, "WN"; unresolved
                        // rather than that)
                        recent.latest(want, m.span.start).filter(|&src| {
                            !in_the_dialogue(analysis, &turns, ai, m.span.start, src)
                        })
                    }
                }
                MentionKind::Description
                    if description_head(surface)
                        .is_some_and(|h| lex.description_heads.contains_key(h)) =>
                {
                    let head = description_head(surface).unwrap_or_default();
                    refer_back(head, lex, &recent, &keys, &sources, &last_pos, m.span.start)
                }
                MentionKind::Description => {
                    let words = surface.to_lowercase();
                    let kind = lex.descriptions.get(&words).copied().unwrap_or_else(|| {
                        // "the foreign minister": a role
                        let last = words.rsplit(' ').next().unwrap_or("");
                        if lex.titles.contains(last) {
                            SourceKind::Person
                        } else {
                            SourceKind::Unknown
                        }
                    });
                    let want: Vec<SourceKind> = match kind {
                        SourceKind::Organization => {
                            vec![SourceKind::Organization, SourceKind::Government]
                        }
                        k => vec![k],
                    };
                    recent.latest(&want, m.span.start)
                }
                MentionKind::Ordinal => {
                    let g = groups.iter().rev().find(|g| g.len() >= 2);
                    match (g, surface.to_lowercase().ends_with("former")) {
                        (Some(g), true) => Some(g[0]),
                        (Some(g), false) => g.last().copied(),
                        _ => None,
                    }
                }
            };
            let idx = match found {
                Some(i) => i,
                None => {
                    unresolved.push(m.span);
                    let key = crate::decimal::prefixed('?', m.span.start);
                    let s = new_source(surface.to_string(), SourceKind::Unknown, false, vec![key]);
                    push_source(&mut sources, &mut last_pos, &mut keys, s)
                }
            };
            at_span.entry(m.span).or_insert(idx);
            last_pos[idx] = last_pos[idx].max(m.span.start);
            for i in (before..sources.len()).chain(touched).chain([idx]) {
                recent.update(i, &sources[i], last_pos[i], female.get(&i).copied());
            }
            // (a set beside the lists: a source may have hundreds of thousands of mentions)
            if mentioned.insert((idx, m.span)) {
                // (room for one: most sources have one mention, and a first push makes room
                // for four)
                let mentions = &mut sources[idx].mentions;
                if mentions.capacity() == 0 {
                    mentions.reserve_exact(1);
                }
                mentions.push(m.span);
            }
            mention_mut(&mut analysis.attributions[ai], mi).source = Some(idx);
            if m.kind == MentionKind::Name && mi < speaking {
                group.push(idx);
            }
        }
        if group.len() >= 2 {
            groups.push(group);
        }
    }

    for s in &mut sources {
        if let Some(reg) = registry {
            match_registry(s, reg);
        }
    }
    merge_same_registry_row(&mut sources, &mut analysis.attributions);
    collect_mentions(text, index.as_ref(), &mut sources);
    analysis.sources = sources;
    unresolved
}

/// True when `surface` is a definite or possessive description ("the researchers", "the two
/// officers", "his lawyers", "both officers"), not a demonstrative ("this person") nor a bare
/// plural ("officials").
fn definite_description(surface: &str) -> bool {
    let mut words = surface.split_whitespace();
    crate::hash::with_lower(words.next().unwrap_or(""), |first| {
        matches!(first, "the" | "his" | "her" | "their" | "its" | "both")
    }) && words.next().is_some()
}

/// The head noun of a definite description whose other words are all lower case ("the
/// agency", "The website", "both officers", "the state news agency"; not "The Coast Guard", a
/// name, nor "its website"), lower case; None for anything else.
fn description_head(surface: &str) -> Option<&str> {
    let mut words = surface.split_whitespace();
    let first = words.next()?;
    if !matches!(first, "the" | "The" | "both" | "Both") {
        return None;
    }
    let mut head = None;
    for w in words {
        if w.chars().any(|c| !c.is_lowercase()) {
            return None;
        }
        head = Some(w);
    }
    head
}

/// The source a definite description with `head` refers back to: of the sources mentioned
/// before `pos`, the last one of a kind the head fits (`description-heads`) or named with a
/// name that ends in the head ("the agency" after "Saudi Press Agency"); None when the head is
/// not in the lexicon or nothing earlier fits.
fn refer_back(
    head: &str,
    lex: &Lexicons,
    recent: &Recent,
    keys: &KeyIndex,
    sources: &[Source],
    last_pos: &[usize],
    pos: usize,
) -> Option<usize> {
    let kinds = lex.description_heads.get(head)?;
    let by_kind = recent.latest_at(kinds, pos);
    let by_name = keys
        .with_last(head, sources)
        .iter()
        .copied()
        .filter(|&i| {
            let s = &sources[i];
            s.named
                && last_pos[i] < pos
                && s.keys
                    .iter()
                    .any(|k| k.contains(' ') && k.rsplit(' ').next() == Some(head))
        })
        .map(|i| (last_pos[i], i))
        .max();
    // "The report said" after "according to a 1989 report from the NTSB": the same report
    // (among the last sources made: a bounded look, not a scan of thousands per mention)
    let by_words = sources
        .iter()
        .enumerate()
        .rev()
        .take(KeyIndex::FEW)
        .filter(|&(i, s)| {
            last_pos[i] < pos
                && !s.anonymous
                && s.keys
                    .iter()
                    .any(|k| k.contains(' ') && k.split(' ').any(|w| w == head))
        })
        .map(|(i, _)| (last_pos[i], i))
        .max();
    by_kind.max(by_name).max(by_words).map(|(_, i)| i)
}

/// Quantifiers that open a description of a source whose identity stays indeterminate: "one
/// MP", "one of the children", "several", "some of the protesters Wikinews interviewed".
const INDEFINITE: &[&str] = &["another", "many", "most", "one", "several", "some"];

/// Whether a mention's words hold a head of `voice-heads` ("a city spokesperson"): with
/// a body named, the institution speaking, which [`indefinite_description`] alone would call
/// anonymous for want of a capital.
fn voice_of(surface: &str, lex: &Lexicons) -> bool {
    let lower = surface.to_lowercase();
    lower
        .split_whitespace()
        .any(|w| lex.voice_heads.contains(w))
}

/// True when `surface`, a mention that is not a name, leaves its source's identity withheld or
/// indeterminate: it opens with a quantifier ("One MP told the BBC"), or it is an indefinite
/// noun phrase without a capital ("a neighbour"; not "a Coast Guard spokesperson", an
/// institution speaking).
fn indefinite_description(surface: &str) -> bool {
    let mut words = surface.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.to_lowercase();
    if INDEFINITE.contains(&first.as_str()) {
        return true;
    }
    matches!(first.as_str(), "a" | "an")
        && surface.chars().skip(1).all(|c| !c.is_uppercase())
        && words.next().is_some()
}

/// Mention `mi` of attribution `a`: its sources, then its cited sources.
fn mention(a: &crate::model::Attribution, mi: usize) -> &Mention {
    let n = a.sources.len();
    if mi < n {
        &a.sources[mi]
    } else {
        &a.cited[mi - n]
    }
}

/// [`mention`], to change.
fn mention_mut(a: &mut crate::model::Attribution, mi: usize) -> &mut Mention {
    let n = a.sources.len();
    if mi < n {
        &mut a.sources[mi]
    } else {
        &mut a.cited[mi - n]
    }
}

/// Sources that matched the same registry row are one source ("Tom Hegel" and "T. Hegel").
fn merge_same_registry_row(
    sources: &mut Vec<Source>,
    attributions: &mut [crate::model::Attribution],
) {
    let mut remap: Vec<usize> = (0..sources.len()).collect();
    // the first source of each registry row (a map, not a scan of the sources before each)
    let mut first: std::collections::HashMap<&str, usize> = Default::default();
    for (i, s) in sources.iter().enumerate() {
        if let Some(m) = &s.registry {
            remap[i] = *first.entry(m.id.as_str()).or_insert(i);
        }
    }
    if remap.iter().enumerate().all(|(i, &r)| i == r) {
        return;
    }
    // move mentions and keys into the kept source, then drop the merged ones
    for i in 0..sources.len() {
        let r = remap[i];
        if r != i {
            let (mentions, keys) = (sources[i].mentions.clone(), sources[i].keys.clone());
            sources[r].mentions.extend(mentions);
            sources[r].mentions.sort();
            sources[r].mentions.dedup();
            sources[r].keys.extend(keys);
        }
    }
    let mut new_index = vec![0; sources.len()];
    let mut kept = Vec::new();
    for (i, s) in sources.drain(..).enumerate() {
        if remap[i] == i {
            new_index[i] = kept.len();
            kept.push(s);
        }
    }
    *sources = kept;
    for a in attributions.iter_mut() {
        for m in a.sources.iter_mut().chain(a.cited.iter_mut()) {
            if let Some(s) = m.source {
                m.source = Some(new_index[remap[s]]);
            }
        }
    }
}

mod keys;
mod people;
#[cfg(test)]
mod tests;

use keys::*;
use people::*;

/// Add source `s`, with its keys indexed; its index.
fn push_source(
    sources: &mut Vec<Source>,
    last_pos: &mut Vec<usize>,
    keys: &mut KeyIndex,
    s: Source,
) -> usize {
    sources.push(s);
    last_pos.push(0);
    keys.pushed(sources);
    sources.len() - 1
}

fn new_source(name: String, kind: SourceKind, anonymous: bool, keys: Vec<String>) -> Source {
    Source {
        name,
        kind,
        anonymous,
        named: false,
        registry: None,
        credibility: None,
        mentions: Vec::new(),
        keys,
    }
}

/// The sources a pronoun or a description may refer to (all but the placeholders of mentions
/// that referred to nobody), ordered by class (kind, and for a person the gender the text gives)
/// and then by last mention: the most recent one before a position is a look-up, not a scan of
/// every source for every pronoun (which made a document of `Yes, he said.` quadratic).
#[derive(Default)]
struct Recent {
    /// (class, last mention, source index)
    by_class: std::collections::BTreeSet<(u8, usize, usize)>,
    /// each source's entry in `by_class`, if it has one
    entry: Vec<Option<(u8, usize)>>,
}

impl Recent {
    /// A source's class: its kind, and for a person whether the text says she (2), he (1) or
    /// neither (0).
    fn class(kind: SourceKind, female: Option<bool>) -> u8 {
        let gender = match (kind, female) {
            (SourceKind::Person, Some(true)) => 2,
            (SourceKind::Person, Some(false)) => 1,
            _ => 0,
        };
        Self::kind_class(kind) + gender
    }

    fn kind_class(kind: SourceKind) -> u8 {
        let k = match kind {
            SourceKind::Person => 0,
            SourceKind::Organization => 1,
            SourceKind::Media => 2,
            SourceKind::Government => 3,
            SourceKind::Anonymous => 4,
            SourceKind::Unknown => 5,
        };
        k * 3
    }

    /// Source `i` as it is now (after a mention made or changed it).
    fn update(&mut self, i: usize, s: &Source, last_pos: usize, female: Option<bool>) {
        if self.entry.len() <= i {
            self.entry.resize(i + 1, None);
        }
        let placeholder = s.keys.iter().any(|k| k.starts_with('?'));
        let new = (!placeholder).then(|| (Self::class(s.kind, female), last_pos));
        if self.entry[i] == new {
            return;
        }
        if let Some((c, p)) = self.entry[i] {
            self.by_class.remove(&(c, p, i));
        }
        if let Some((c, p)) = new {
            self.by_class.insert((c, p, i));
        }
        self.entry[i] = new;
    }

    /// The source of `class` last mentioned before `pos` (of two mentioned last at once, the
    /// later source).
    fn in_class(&self, class: u8, pos: usize) -> Option<(usize, usize)> {
        self.by_class
            .range((class, 0, 0)..(class, pos, 0))
            .next_back()
            .map(|&(_, p, i)| (p, i))
    }

    /// The most recently mentioned source (before `pos`) of one of the `kinds`.
    fn latest(&self, kinds: &[SourceKind], pos: usize) -> Option<usize> {
        self.latest_at(kinds, pos).map(|(_, i)| i)
    }

    /// [`Recent::latest`] with the position of that source's last mention: (position, index).
    fn latest_at(&self, kinds: &[SourceKind], pos: usize) -> Option<(usize, usize)> {
        kinds
            .iter()
            .flat_map(|&k| (0..3).map(move |g| Self::kind_class(k) + g))
            .filter_map(|c| self.in_class(c, pos))
            .max()
    }

    /// The person last mentioned before `pos` whose gender, as far as the text tells, fits.
    fn latest_person(&self, want_female: bool, pos: usize) -> Option<usize> {
        let fits = Self::class(SourceKind::Person, Some(want_female));
        [Self::class(SourceKind::Person, None), fits]
            .into_iter()
            .filter_map(|c| self.in_class(c, pos))
            .max()
            .map(|(_, i)| i)
    }
}

/// How many of `turns` start at or before byte `pos` when the last of them is an interview
/// turn (transcript attribution, resolved before attribution `ai`) whose content holds `pos`.
fn turns_to(turns: &[(Span, usize)], ai: usize, pos: usize) -> Option<usize> {
    let k = turns.partition_point(|(span, _)| span.start <= pos);
    let &(span, ti) = turns[..k].last()?;
    (ti < ai && pos < span.end).then_some(k)
}

/// The speaker of a transcript attribution `ti`.
fn speaker_of(analysis: &Analysis, ti: usize) -> Option<usize> {
    analysis.attributions[ti].sources.first()?.source
}

/// The source of the interview turn whose content holds byte `pos` (see [`turns_to`]).
fn turn_speaker(
    analysis: &Analysis,
    turns: &[(Span, usize)],
    ai: usize,
    pos: usize,
) -> Option<usize> {
    let k = turns_to(turns, ai, pos)?;
    speaker_of(analysis, turns[k - 1].1)
}

/// True when byte `pos` is in an interview turn and `src` is the speaker of that turn or of
/// one of the two before it: a party to the dialogue, whom a "they" or an "it" in the turn does
/// not stand for.
fn in_the_dialogue(
    analysis: &Analysis,
    turns: &[(Span, usize)],
    ai: usize,
    pos: usize,
    src: usize,
) -> bool {
    turns_to(turns, ai, pos).is_some_and(|k| {
        speaker_of(analysis, turns[k - 1].1).is_some()
            && turns[k.saturating_sub(3)..k]
                .iter()
                .any(|&(_, ti)| speaker_of(analysis, ti) == Some(src))
    })
}

#[allow(clippy::too_many_arguments)]
fn resolve_name(
    text: &str,
    index: Option<&WordIndex>,
    name_span: Span,
    mention_span: Span,
    name: &str,
    lex: &Lexicons,
    sources: &mut Vec<Source>,
    last_pos: &mut Vec<usize>,
    keys: &mut KeyIndex,
) -> usize {
    let key = normalize_name(name);
    if let Some(i) = keys.first(&key, sources) {
        return i;
    }
    let tokens: Vec<&str> = key.split_whitespace().collect();
    // "the Chief Technological Officer of Red Hat" read as the officer "Hat": the capitalised
    // word before the name makes with it a source already named ("Red Hat")
    if tokens.len() == 1
        && let Some(before) =
            (text.get(mention_span.start..name_span.start)).and_then(|t| t.strip_suffix(' '))
        && let Some(prev) = before.rsplit(' ').next()
        && prev.starts_with(char::is_uppercase)
        && let Some(i) = keys.first(&normalize_name(&format!("{prev} {name}")), sources)
    {
        return i;
    }
    if tokens.len() == 1 {
        // a surname: the person already named in full
        if let Some(i) = keys.with_last(&key, sources).iter().copied().find(|&i| {
            let s = &sources[i];
            s.kind == SourceKind::Person
                && s.name.split_whitespace().count() > 1
                && s.keys
                    .iter()
                    .any(|k| k.rsplit(' ').next() == Some(key.as_str()))
        }) {
            keys.add(i, &key, sources);
            sources[i].keys.push(key);
            return i;
        }
        // a given name alone for the one person named in full with it ("Dr Meerjady" after
        // "Dr Meerjady Sabrina Flora", "Hunter" after "Hunter Biden"): not when two are
        let persons = keys.with_first(&key, sources).iter().copied().filter(|&i| {
            let s = &sources[i];
            s.kind == SourceKind::Person
                && s.name.split_whitespace().count() > 1
                && normalize_name(&s.name).split(' ').next() == Some(key.as_str())
        });
        let mut persons = persons.take(2);
        if let (Some(i), None) = (persons.next(), persons.next()) {
            keys.add(i, &key, sources);
            sources[i].keys.push(key);
            return i;
        }
        // a short form of a body named in full earlier ("Ford" for "Ford Motor Company")
        if let Some(i) = keys.with_first(&key, sources).iter().copied().find(|&i| {
            let s = &sources[i];
            matches!(
                s.kind,
                SourceKind::Organization | SourceKind::Government | SourceKind::Media
            ) && s
                .keys
                .iter()
                .any(|k| k.contains(' ') && k.split(' ').next() == Some(key.as_str()))
        }) {
            keys.add(i, &key, sources);
            sources[i].keys.push(key);
            return i;
        }
    } else if let Some(last) = tokens.last() {
        // the full name of a person first cited by surname
        if let Some(i) = keys.with_key(last, sources).iter().copied().find(|&i| {
            let s = &sources[i];
            s.keys.len() == 1 && s.keys[0] == *last && s.kind != SourceKind::Anonymous
        }) {
            sources[i].name = name.to_string();
            sources[i].kind = SourceKind::Person;
            keys.add(i, &key, sources);
            sources[i].keys.push(key);
            return i;
        }
    }
    // a relative "who" stands for a name before it: no title prefix then
    let prefix = text
        .get(mention_span.start..name_span.start.max(mention_span.start))
        .unwrap_or("")
        .trim()
        .to_lowercase();
    // ("Recycled toilet paper producer Who Gives a Crap": a description whose head names a
    // body is no title, and gives the kind)
    let body_head = (prefix.split_whitespace().last())
        .and_then(|w| lex.description_heads.get(w))
        .and_then(|kinds| {
            kinds
                .first()
                .copied()
                .filter(|_| !kinds.contains(&SourceKind::Person))
        });
    let titled = !prefix.is_empty() && prefix != "the" && body_head.is_none();
    let mut kind = classify(name, titled, lex);
    if let Some(k) = body_head
        && matches!(kind, SourceKind::Unknown | SourceKind::Person)
    {
        kind = k;
    }
    let mut full = name.to_string();
    let mut new_keys = vec![key.clone()];
    // a bare surname: the full name elsewhere in the text ("Hegel" -> "Tom Hegel"); an outlet's
    // name too when that full name opens with a given name ("Bloomberg endorsed his former
    // rival" where the text names Michael Bloomberg: the person, though an outlet has the name)
    let surname = matches!(kind, SourceKind::Unknown | SourceKind::Person)
        && name.chars().next().is_some_and(char::is_uppercase);
    if tokens.len() == 1
        && (surname || kind == SourceKind::Media)
        && let Some(f) = full_name_in_text(text, index, name, lex)
        && (surname
            || (f.split_whitespace().next())
                .is_some_and(|g| crate::hash::with_lower(g, |l| lex.given_names.contains_key(l))))
    {
        full = f;
        kind = SourceKind::Person;
        new_keys.push(normalize_name(&full));
    }
    if kind == SourceKind::Person
        && tokens.len() > 1
        && let Some(last) = tokens.last()
    {
        new_keys.push(last.to_string());
    }
    // "the Department of Forestry and Fire Protection (CalFire)": the short form in parentheses
    // names the same source when it comes again alone ("CalFire indicated ...")
    if let Some(short) = short_form(mention_span.slice(text)) {
        new_keys.push(normalize_name(short));
    }
    let mut s = new_source(full, kind, false, new_keys);
    s.named = true;
    push_source(sources, last_pos, keys, s)
}

/// The short form a name gives itself in parentheses at its end: "CalFire" of "the Department of
/// Forestry and Fire Protection (CalFire)", "HHS"; one word of letters and digits, two to 15 of
/// them (not a party and state, "Marco Rubio (R-Fla.)").
fn short_form(name: &str) -> Option<&str> {
    let inner = name.trim_end().strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let short = &inner[open + 2..];
    ((2..=15).contains(&short.chars().count())
        && short.chars().all(char::is_alphanumeric)
        && short.chars().next().is_some_and(char::is_uppercase)
        && open > 0)
        .then_some(short)
}

/// What a name names, from the words in it.
fn classify(name: &str, titled: bool, lex: &Lexicons) -> SourceKind {
    let lower = name.to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    // one buffer for the phrases looked up ("the " and a name, two words), not one string each
    let mut phrase = String::with_capacity(lower.len() + 4);
    let joined = |phrase: &mut String, a: &str, sep: &str, b: &str| {
        phrase.clear();
        phrase.push_str(a);
        phrase.push_str(sep);
        phrase.push_str(b);
    };
    joined(&mut phrase, "the", " ", bare);
    if lex.media_names.contains(&lower)
        || lex.media_names.contains(bare)
        || lex.media_names.contains(phrase.as_str())
    {
        return SourceKind::Media;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && words.last().is_some_and(|w| lex.media_words.contains(*w)) {
        return SourceKind::Media;
    }
    let mut has = |set: &crate::hash::WordSet| {
        words.iter().any(|w| set.contains(*w))
            || words.windows(2).any(|p| {
                joined(&mut phrase, p[0], " ", p[1]);
                set.contains(phrase.as_str())
            })
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
    // "Coast Guard", "Chicago Marathon", "United Nations": a body's name by its last word
    if words.len() > 1
        && let Some(&k) = words.last().and_then(|w| lex.name_heads.get(*w))
    {
        return k;
    }
    let mut original = name.split_whitespace();
    let (first, second) = (original.next(), original.next());
    let count = usize::from(first.is_some()) + usize::from(second.is_some()) + original.count();
    if let (Some(w), None) = (first, second) {
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        if letters.clone().nth(1).is_some() && letters.all(char::is_uppercase) {
            return SourceKind::Organization;
        }
        if w.chars().skip(1).any(char::is_uppercase) {
            return SourceKind::Organization; // SentinelOne, eBay
        }
        return SourceKind::Unknown;
    }
    if (2..=4).contains(&count)
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return SourceKind::Person;
    }
    SourceKind::Unknown
}

/// A longer name ending in `surname` somewhere in the text ("Tom Hegel" for "Hegel"), without
/// titles: up to three capitalised words or initials right before an occurrence of the surname;
/// the first that opens with a given name, else the longest.
/// (A plain scan: a regex compiled per surname cost more than the rest of the pipeline.)
fn full_name_in_text(
    text: &str,
    index: Option<&WordIndex>,
    surname: &str,
    lex: &Lexicons,
) -> Option<String> {
    let mut best: Option<String> = None;
    // a surname of letters and digits only: its whole-word occurrences from the index (the
    // others are never preceded by a space and followed by a non-alphanumeric)
    let occurrences: Box<dyn Iterator<Item = usize>> = match index {
        Some(ix) if surname.chars().all(char::is_alphanumeric) => match ix.positions(surname) {
            Some(p) => Box::new(p.iter().copied()),
            None => crate::token::match_offsets(text, surname),
        },
        _ => crate::token::match_offsets(text, surname),
    };
    for pos in occurrences {
        let after = &text[pos + surname.len()..];
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        // words before, separated by single spaces
        let mut words: Vec<&str> = Vec::new();
        let mut rest = &text[..pos];
        while words.len() < 3 {
            let Some(r) = rest.strip_suffix(' ') else {
                break;
            };
            let start = r
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0);
            let w = &r[start..];
            let initial = w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase);
            let word = w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'));
            if !(initial || word) {
                break;
            }
            words.insert(0, w);
            rest = &r[..start];
        }
        // keep the words after the last title or sentence opener
        let keep = words
            .iter()
            .rposition(|w| {
                let l = w.to_lowercase();
                lex.titles.contains(&l) || lex.non_source_words.contains(&l)
            })
            .map(|i| i + 1)
            .unwrap_or(0);
        if keep >= words.len() {
            continue;
        }
        let cand = format!("{} {}", words[keep..].join(" "), surname);
        // the first full name with a given name is the one the surname stands for (the
        // principal person, named first: "Joe Biden", then "Biden's son Hunter Biden")
        if crate::hash::with_lower(words[keep], |l| lex.given_names.contains_key(l)) {
            return Some(cand);
        }
        if best.as_ref().is_none_or(|b| cand.len() > b.len()) {
            best = Some(cand);
        }
    }
    best
}

fn match_registry(s: &mut Source, reg: &Registry) {
    if s.anonymous || s.keys.iter().any(|k| k.starts_with('?')) {
        return;
    }
    let mut m = reg.lookup(&s.name);
    if m.is_none() {
        // another full form of the same source found in the document
        for k in s.keys.iter().filter(|k| k.contains(' ')) {
            if let Some(found) = reg.lookup(k) {
                m = Some(RegistryMatch {
                    how: MatchKind::Coreference,
                    score: found.score * 0.9,
                    ..found
                });
                break;
            }
        }
    }
    if let Some(m) = m {
        if let Some(e) = reg.get(&m.id) {
            s.name = e.name.clone();
            s.credibility = e.credibility;
            s.kind = SourceKind::from(e.kind);
            // (a set beside the keys: a registry row may have 100,000 aliases)
            let mut known: std::collections::HashSet<String, FxBuild> =
                s.keys.iter().cloned().collect();
            for a in &e.aliases {
                let k = normalize_name(a);
                if known.insert(k.clone()) {
                    s.keys.push(k);
                }
            }
        }
        s.registry = Some(m);
    }
}

/// Add every place the text names each source (its name, surname, aliases) to its mentions.
fn collect_mentions(text: &str, index: Option<&WordIndex>, sources: &mut [Source]) {
    for s in sources.iter_mut() {
        if s.anonymous || s.keys.iter().any(|k| k.starts_with('?')) {
            s.mentions.sort();
            continue;
        }
        let mut forms: Vec<String> = vec![s.name.clone()];
        // (a set beside the list: a source may be named in many ways)
        let mut seen: std::collections::HashSet<&str> = [s.name.as_str()].into_iter().collect();
        for m in &s.mentions {
            let t = m.slice(text);
            if t.chars().next().is_some_and(char::is_uppercase) && seen.insert(t) {
                forms.push(t.to_string());
            }
        }
        if s.kind == SourceKind::Person
            && let Some(last) = s.name.split_whitespace().last()
        {
            forms.push(last.to_string());
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        // the mentions so far (may overlap each other), sorted, with the running max of ends;
        // the spans found below never overlap anything, so a map by start answers for them
        let mut first = s.mentions.clone();
        first.sort_unstable();
        let mut m = 0;
        let first_max: Vec<usize> = first
            .iter()
            .map(|sp| {
                m = m.max(sp.end);
                m
            })
            .collect();
        let mut found: std::collections::BTreeMap<usize, usize> = Default::default();
        let overlaps = |found: &std::collections::BTreeMap<usize, usize>, sp: Span| {
            let n = first.partition_point(|o| o.start < sp.end);
            (n > 0 && first_max[n - 1] > sp.start)
                || found
                    .range(..sp.end)
                    .next_back()
                    .is_some_and(|(_, &e)| e > sp.start)
        };
        for f in &forms {
            if f.len() < 2 {
                continue;
            }
            let at: Box<dyn Iterator<Item = usize>> =
                match index.and_then(|ix| ix.find_whole(text, f)) {
                    Some(it) => it,
                    None => crate::token::match_offsets(text, f),
                };
            for pos in at {
                let sp = Span::new(pos, pos + f.len());
                let before_ok = text[..pos]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after_ok = text[sp.end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before_ok && after_ok && !overlaps(&found, sp) {
                    found.insert(sp.start, sp.end);
                }
            }
        }
        let mut spans = s.mentions.clone();
        spans.extend(found.into_iter().map(|(a, b)| Span::new(a, b)));
        spans.sort();
        s.mentions = spans;
    }
}
