#!/usr/bin/env python3
"""List multi-word cue candidates from PolNeAR's train split (never dev or test), for
rules/lexicon/cue-phrases.txt.

Usage: scripts/learn-cue-phrases.py data/polnear-train.jsonl

A candidate is a gold cue of two to four words once leading auxiliaries and adverbs are set aside
("has also pointed out" -> "pointed out") with no word of cue-verbs.txt or cue-verbs-learned.txt
in it. It is printed when it is the cue of at least MIN_COUNT gold attributions and a cue in at
least MIN_RATIO of its occurrences in the train texts, with its verdict: "listed" (in
cue-phrases.txt), "add" (reports speech or thought, not yet listed) or the reason it is left out
(EXCLUDE). cue-phrases.txt is edited by hand from this list: it also holds tails chosen on
their own ("agreed with", "issued a statement saying").
"""
import collections, json, re, sys

MIN_COUNT, MIN_RATIO = 3, 0.3
W = re.compile(r"[a-z’']+")
LEAD = {"has", "have", "had", "also", "will", "would", "not", "did", "does", "do", "is", "was",
        "were", "be", "been", "are", "am", "later", "repeatedly", "once", "previously", "to",
        "never", "still", "already", "then", "first", "recently", "since", "can", "could", "may",
        "might", "should", "must"}
# Editorial judgment: what PolNeAR's annotators marked but an editor would not call a report of
# speech or thought (acts, feelings, states, nouns, passives whose source is not the subject).
EXCLUDE = {
    "’s according to": "a possessive before 'according to' (the phrase is known)",
    "widely known": "a state, not a report",
    "drawn criticism": "the critics are not the subject",
    "cheer when": "an act",
    "cast their votes for": "an act",
    "angry about": "a feeling", "angered by": "a feeling", "wary of": "a feeling",
    "confident in": "a feeling", "critical of": "an adjective",
    "pleaded guilty": "a legal act",
    "balked at": "an act as often as a statement",
    "pushed for": "an act ('pushed' is left out of the learned verbs)",
    "pay attention to": "an act",
    "sided with": "a stance, often a vote",
    "focuses on": "a topic, not a report ('focuses' is left out of the learned verbs)",
    "accusations of": "a noun", "relying on": "an act", "known for": "a state",
    "known as": "a naming", "voted for": "an act", "voted against": "an act",
    "charged with": "a legal passive", "views of": "a noun",
    "quick to point out": "'point out' is listed; 'quick to' is a manner",
    "according to": "a pattern of its own (src/extract/patterns/according_to.rs)",
    "doesn't want": "wanting, and a contraction the phrase list cannot start at",
    "counting on": "an expectation of an act", "allegations of": "a noun",
    "rule out": "reasoning as often as a stance ('how do they rule out the other possibilities?')",
    "singled out": "a policy act as often as a statement ('singled out coal country for aid')",
}
known = set()
for f in ["rules/lexicon/cue-verbs.txt", "rules/lexicon/cue-verbs-learned.txt"]:
    for line in open(f, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            known.update(line.split(":", 1)[1].split())
listed = {l.strip() for l in open("rules/lexicon/cue-phrases.txt", encoding="utf-8")
          if l.strip() and not l.startswith("#")}
cue, texts = collections.Counter(), []
for line in open(sys.argv[1], encoding="utf-8"):
    g = json.loads(line)
    if g.get("split") != "train":
        continue
    t = g["text"]
    texts.append(t.lower())
    for a in g["attributions"]:
        if len(a["cue"]) != 1:
            continue
        s, e = a["cue"][0]
        ws = W.findall(t[s:e].lower())
        while ws and ws[0] in LEAD:
            ws = ws[1:]
        if 2 <= len(ws) <= 4 and not any(w in known for w in ws):
            cue[" ".join(ws)] += 1
rows = []
for p, c in cue.items():
    if c < MIN_COUNT:
        continue
    rx = re.compile(r"(?<![a-z’'])" + r"\W+".join(map(re.escape, p.split())) + r"(?![a-z’'])")
    n = sum(len(rx.findall(t)) for t in texts)
    if n and c / n >= MIN_RATIO:
        rows.append((c / n, c, n, p))
for r, c, n, p in sorted(rows, reverse=True):
    verdict = "listed" if p in listed else EXCLUDE.get(p, "add")
    print(f"{r:.2f} {c:4d} {n:5d}  {p}: {verdict}")
