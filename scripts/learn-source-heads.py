#!/usr/bin/env python3
"""Learn the head nouns of unnamed, lower-case sources from PolNeAR's train split (never dev or test).

A source's head is the last word of its span before any comma ("the Texas senator's allies",
"company executives", "a new poll", "three-quarters of the voters"). Heads written in lower case
and seen as the head of at least MIN_COUNT gold sources are kept, minus pronouns, time words and
words already in anonymous-heads.txt. extract.rs accepts a lower-case subject of a reporting verb
when its head is in this list or in anonymous-heads.txt.

Usage: scripts/learn-source-heads.py data/polnear-train.jsonl > rules/lexicon/source-heads.txt
"""
import collections, json, re, sys

MIN_COUNT = 3
# Not heads of a source: pronouns, numbers, time and function words that end spans by accident.
EXCLUDE = {"in", "them", "him", "himself", "herself", "themselves", "week", "weeks", "years", "year",
           "month", "months", "day", "days", "one", "two", "three", "four", "five", "six", "ten",
           "com", "of", "and", "the", "who", "it", "that", "this", "other", "others", "elections",
           "precedents", "runner", "general", "law", "state", "states", "country", "countries",
           "debate", "side", "us", "me", "all", "both", "time", "night", "morning", "from", "here",
           "over", "to", "today", "you", "whom", "itself", "world", "left", "system", "process"}
W = re.compile(r"[A-Za-z%’'-]+")
anonymous = {l.strip() for l in open("rules/lexicon/anonymous-heads.txt", encoding="utf-8")
             if l.strip() and not l.startswith("#")}
count = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    g = json.loads(line)
    if g.get("split") not in (None, "train"):
        continue
    t = g["text"]
    for a in g["attributions"]:
        for s, e in a["source"]:
            words = W.findall(t[s:e].split(",")[0])
            if len(words) >= 2 and words[-1].islower():
                count[words[-1].lower().replace("’", "'")] += 1
print("# Head nouns of lower-case sources ('the campaign', 'a new poll', 'company executives',")
print("# 'the Texas senator's allies'), learned from PolNeAR train by scripts/learn-source-heads.py:")
print(f"# heads of at least {MIN_COUNT} gold sources, minus pronouns, time words and anonymous-heads.txt.")
for w, n in sorted(count.items()):
    if n >= MIN_COUNT and w not in EXCLUDE and w not in anonymous and w[0].isalpha() and len(w) > 1:
        print(w)
