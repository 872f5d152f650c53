#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ with starting inputs made from the repository's fixtures and rule
# files. libFuzzer adds what it finds to the same directories (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/parse corpus/check corpus/registry corpus/rules corpus/registry_tools
i=0
for f in "$root"/fixtures/input/* "$root"/fixtures/seed/npo-mash.txt; do
  cp "$f" "corpus/parse/$(basename "$f")"
  # check: the first byte picks the format (0 text, 1 Markdown, 2 HTML; +4 with the registry)
  for sel in 0 1 2 4 5 6; do
    { printf "\\x$(printf %02x $sel)"; cat "$f"; } >"corpus/check/$sel-$(basename "$f")"
  done
done
printf '{"id":"a","text":"The dam failed, officials said."}\n{"id":2,"text":"\\u201cNo,\\u201d she said."}\n' \
  >corpus/parse/records.jsonl
for f in "$root"/fixtures/registry/*.csv "$root"/fixtures/seed/registry.csv; do
  cp "$f" "corpus/registry/$(basename "$f")"
done
# registry_tools: the first byte picks the tool (0 validate, 1 import-ratings with the ratings
# after a NUL byte, 2 a report line)
for f in "$root"/fixtures/registry/*.csv "$root"/fixtures/seed/registry.csv; do
  { printf '\x00'; cat "$f"; } >"corpus/registry_tools/v-$(basename "$f")"
  { printf '\x01'; cat "$f"; printf '\0domain,score\nreuters.com,0.9\nbbc.co.uk,0.3\n'; } \
    >"corpus/registry_tools/i-$(basename "$f")"
done
printf '\x01id,name,kind,domains,credibility,rating_source\nr,R,media,reuters.com,high,\nb,B,media,www.bbc.co.uk,,x\n\0domain,score\nreuters.com,0.1\nbbc.co.uk,0.8\n' \
  >corpus/registry_tools/i-media.csv
printf '\x02{"path":"a","sources":[],"attributions":[],"claims":[{"status":"unattributed","sources":[]}]}\n' \
  >corpus/registry_tools/r-line.jsonl
# rules: the first byte picks the directory (sel % 3: checks, lexicon, patterns) and the file
# (sel / 3: the n-th embedded file of that directory, or a new name past the end).
for dir in checks lexicon patterns; do
  case $dir in checks) k=0 ;; lexicon) k=1 ;; patterns) k=2 ;; esac
  n=0
  for f in "$root"/rules/$dir/*; do
    sel=$((n * 3 + k))
    [ $sel -lt 256 ] || break
    { printf "\\x$(printf %02x $sel)"; cat "$f"; } >"corpus/rules/$dir-$(basename "$f")"
    n=$((n + 1))
  done
done
echo "corpus: $(ls corpus/parse | wc -l) parse, $(ls corpus/check | wc -l) check, $(ls corpus/registry | wc -l) registry, $(ls corpus/rules | wc -l) rules, $(ls corpus/registry_tools | wc -l) registry_tools"
