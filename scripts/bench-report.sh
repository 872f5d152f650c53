#!/usr/bin/env bash
# Speed and memory of the collection report, `whosaid report`, against the check it summarises.
#
#   scripts/bench-report.sh            # an archive of 20 MB of article text
#   MB=5 REPEAT=3 scripts/bench-report.sh
#   BIN=/other/whosaid scripts/bench-report.sh
#
# Builds the release binary, makes (under target/bench-report/) a JSON Lines archive by repeating
# the Wikinews sample (../shared or ../../shared corpora/wikinews/) until it holds MB of article
# text, ids made unique, and times under /usr/bin/time -v, REPEAT times each (median printed):
#   check:         whosaid check ARCHIVE --format jsonl -o REPORTS    (the baseline)
#   report:        whosaid report ARCHIVE --format json               (check + summary)
#   from-reports:  whosaid report --from-reports REPORTS --dates ARCHIVE --format json
#   html:          whosaid report --from-reports REPORTS --format html
# with wall-clock seconds, documents/s and peak RSS. Needs python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-20}
REPEAT=${REPEAT:-3}
if [ -z "${BIN:-}" ]; then
  cargo build --release --locked -q
  BIN=target/release/whosaid
fi
sample=""
for s in ../shared ../../shared; do
  [ -f "$s/corpora/wikinews/wikinews_en_2019_2020.jsonl" ] && sample="$s/corpora/wikinews/wikinews_en_2019_2020.jsonl" && break
done
[ -n "$sample" ] || { echo "no Wikinews sample in ../shared or ../../shared" >&2; exit 2; }
dir=target/bench-report
mkdir -p "$dir"
archive="$dir/archive-${MB}mb.jsonl"
python3 - "$sample" "$archive" "$MB" <<'PY'
import json, sys
src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
recs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
size, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1e6:
        for r in recs:
            r = dict(r, id=f"{r['id']}-{n}")
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            size += len(r["text"].encode("utf-8"))
            n += 1
            if size >= mb * 1e6:
                break
print(f"archive: {n} documents, {size / 1e6:.1f} MB of article text", file=sys.stderr)
PY
docs=$(wc -l <"$archive")
reports="$dir/reports.jsonl"
run() { # name, command...
  local name=$1
  shift
  local walls=() rss=()
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$dir/time.txt" || { cat "$dir/time.txt" >&2; exit 1; }
    walls+=("$(grep 'Elapsed (wall clock)' "$dir/time.txt" | awk '{print $NF}')")
    rss+=("$(grep 'Maximum resident set size' "$dir/time.txt" | awk '{print $NF}')")
  done
  python3 - "$name" "$docs" "${walls[*]}" "${rss[*]}" <<'PY'
import statistics, sys
name, docs, walls, rss = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split()
def secs(t):
    p = [float(x) for x in t.split(":")]
    return sum(v * 60 ** i for i, v in enumerate(reversed(p)))
w = statistics.median(secs(t) for t in walls)
r = statistics.median(int(x) for x in rss) / 1024
print(f"{name:14} {w:7.2f} s  {docs / w:9.0f} docs/s  peak RSS {r:7.1f} MB")
PY
}
run check "$BIN" check "$archive" --format jsonl --fail-on never -o "$reports"
echo "reports: $(du -m "$reports" | cut -f1) MB"
run report "$BIN" report "$archive" --format json
run from-reports "$BIN" report --from-reports "$reports" --dates "$archive" --format json
run html "$BIN" report --from-reports "$reports" --format html
