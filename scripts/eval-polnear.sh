#!/usr/bin/env bash
# Score whosaid's attributions on PolNeAR (github:networkdynamics/PolNeAR).
#
# Usage: scripts/eval-polnear.sh GIT_DIR [SPLIT]
#   GIT_DIR  a bare git directory holding a snapshot of the PolNeAR repository
#   SPLIT    dev (default) or train. The test split is reserved: do not develop against it.
# Writes converted data and predictions under data/ (ignored by git: the texts belong to their
# publishers) and prints the scorer's table: exact and token-overlap P/R/F1 per role and linked F1.
set -euo pipefail
cd "$(dirname "$0")/.."
git_dir=${1:?usage: scripts/eval-polnear.sh GIT_DIR [dev|train]}
split=${2:-dev}
shared=${SHARED:-../shared}
mkdir -p data
gold=data/polnear-$split.jsonl
if [ ! -s "$gold" ]; then
  python3 "$shared/tools/convert-polnear.py" "$git_dir" "$gold" --splits "$split" >&2
fi
cargo build --release --quiet
./target/release/whosaid check --input-format jsonl --format jsonl --fail-on never - <"$gold" >"data/pred-$split.jsonl"
python3 "$shared/tools/score-attributions.py" "$gold" "data/pred-$split.jsonl" --split "$split"
