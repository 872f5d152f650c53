#!/usr/bin/env python3
"""Break down whosaid's attribution errors on a PolNeAR split (for docs/accuracy.md).

Usage: scripts/polnear-errors.py data/polnear-dev.jsonl data/pred-dev.jsonl
(both written by scripts/eval-polnear.sh). Prints counts of missed gold cues by cause, of
predicted cues that match no gold cue, and of source/content boundary mismatches where the cue
was found.
"""
import collections, json, re, sys

gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
pred = {}
for l in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(l)
    pred[d["path"]] = d
forms = set()
for f in ["rules/lexicon/cue-verbs.txt", "rules/lexicon/cue-verbs-learned.txt"]:
    for l in open(f, encoding="utf-8"):
        if l.strip() and not l.startswith("#"):
            forms.update(l.split(":", 1)[1].split())


def b2c(text):
    t, b = {}, 0
    for i, c in enumerate(text):
        t[b] = i
        b += len(c.encode())
    t[b] = len(text)
    return t


def sig(t, s, e):
    return "".join(c for c in t[s:e] if c.isalnum())


miss, fps, bounds = collections.Counter(), collections.Counter(), collections.Counter()
for g in gold:
    t = g["text"]
    m = b2c(t)
    p = pred.get(g["id"], {"attributions": []})
    pcue = []
    for a in p["attributions"]:
        pcue.append((a, m[a["cue"]["span"]["start"]], m[a["cue"]["span"]["end"]]))
    pcs = set(i for _, s, e in pcue for i in range(s, e))
    gcs = set(i for a in g["attributions"] for s, e in a["cue"] for i in range(s, e))
    for a in g["attributions"]:
        if any(i in pcs for s, e in a["cue"] for i in range(s, e)):
            continue
        cue = " ".join(t[s:e] for s, e in a["cue"]).lower()
        words = re.findall(r"[a-z’']+", cue)
        if not a["source"]:
            miss["missed: cue without a source (whosaid reports no source-less attributions)"] += 1
        elif cue.strip() == ":":
            miss["missed: colon cue"] += 1
        elif any(w in forms for w in words):
            miss["missed: cue word known, structure not recognised"] += 1
        elif len(words) > 1:
            miss["missed: multi-word cue, no known word ('is expected', 'sought to')"] += 1
        else:
            miss["missed: cue word not in the lexicons"] += 1
    for a, s, e in pcue:
        if not any(i in gcs for i in range(s, e)):
            fps["false cue (no gold cue there)"] += 1
            continue
        for b in g["attributions"]:
            if not any(s < ge and gs < e for gs, ge in b["cue"]):
                continue
            if sig(t, s, e) != "".join(sig(t, x, y) for x, y in b["cue"]):
                bounds["cue found, span differs (auxiliaries, particles)"] += 1
            for role in ("source", "content"):
                if role == "source":
                    pr = [(m[x["span"]["start"]], m[x["span"]["end"]]) for x in a["sources"]]
                else:
                    c = a.get("content")
                    pr = [(m[f["start"]], m[f["end"]]) for f in ((c or {}).get("fragments") or ([c["span"]] if c else []))]
                gr = b[role]
                if not gr or not pr:
                    continue
                ps, pe = min(x[0] for x in pr), max(x[1] for x in pr)
                gs_, ge_ = min(x[0] for x in gr), max(x[1] for x in gr)
                if sig(t, ps, pe) == sig(t, gs_, ge_):
                    bounds[f"{role}: exact"] += 1
                elif sig(t, ps, pe) in sig(t, gs_, ge_):
                    bounds[f"{role}: too short"] += 1
                elif sig(t, gs_, ge_) in sig(t, ps, pe):
                    bounds[f"{role}: too long"] += 1
                else:
                    bounds[f"{role}: overlapping, other boundary"] += 1
            break
total = sum(len(g["attributions"]) for g in gold)
print(f"gold attributions: {total}")
for k, v in sorted(miss.items(), key=lambda x: -x[1]):
    print(f"{v:6}  {k}")
for k, v in sorted(fps.items(), key=lambda x: -x[1]):
    print(f"{v:6}  {k}")
for k, v in sorted(bounds.items()):
    print(f"{v:6}  {k}")
