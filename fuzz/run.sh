#!/usr/bin/env bash
# Run fuzz targets one after another, each for SECONDS (default 600), and keep their logs in
# fuzz/logs/. Usage: fuzz/run.sh [SECONDS] [TARGET...]   (targets: check parse registry rules)
# Crashing inputs land in fuzz/artifacts/<target>/; add each one to tests/bad_input/fuzz/.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check parse registry rules)
[ -d corpus ] || ./seed.sh
mkdir -p logs
cargo +nightly fuzz build -a
for t in "${targets[@]}"; do
  extra=()
  case $t in check | parse) extra=(-dict=dict/article.dict -max_len=8192) ;; esac
  echo "== $t for ${secs}s"
  cargo +nightly fuzz run -a "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" >"logs/$t.log" 2>&1
  echo "$t: exit $?; $(grep -E '^(stat::number_of_executed_units|Done)' "logs/$t.log" | tr '\n' ' ')"
done
