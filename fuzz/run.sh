#!/usr/bin/env bash
# Run fuzz targets one after another, each for SECONDS (default 600), and keep their logs in
# fuzz/logs/. Usage: fuzz/run.sh [SECONDS] [TARGET...]   (targets: check parse registry rules registry_tools)
# Crashing inputs land in fuzz/artifacts/<target>/; add each one to tests/bad_input/fuzz/.
# Exits non-zero when the targets cannot be built (cargo-fuzz missing) or any target fails.
# SANITIZER=address (or none, the default: whosaid has no unsafe code, so AddressSanitizer finds
# nothing a panic would not, and costs about half the speed). MAX_LEN caps input size (8192).
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check parse registry rules registry_tools)
[ -d corpus ] || ./seed.sh
mkdir -p logs
san=${SANITIZER:-none}
cargo +nightly fuzz build -a -s "$san" || { echo "fuzz build failed (is cargo-fuzz installed? cargo install cargo-fuzz)" >&2; exit 2; }
failed=0
for t in "${targets[@]}"; do
  extra=()
  case $t in check | parse) extra=(-dict=dict/article.dict "-max_len=${MAX_LEN:-8192}") ;; esac
  echo "== $t for ${secs}s"
  cargo +nightly fuzz run -a -s "$san" "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" >"logs/$t-$(date +%H%M).log" 2>&1
  rc=$?
  log=$(ls -t logs/"$t"-*.log | head -1)
  echo "$t: exit $rc; $(grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done)' "$log" | tr '\n' ' ')"
  [ "$rc" -eq 0 ] || failed=1
done
exit "$failed"
