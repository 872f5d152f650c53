#!/usr/bin/env bash
# whosaid as a filter in Apache Spark (local mode): `rdd.pipe("whosaid check --input-format
# jsonl --format jsonl -")` over the Wikinews sample, compared with a plain run of whosaid on the
# same file (the same findings per document, by path). Not part of CI: it installs pyspark from
# PyPI into a virtual environment (VENV, default target/spark-venv) and needs Java 17.
#
#   scripts/spark-demo.sh [INPUT.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."

INPUT=${1:-../shared/corpora/wikinews/wikinews_en_2019_2020.jsonl}
VENV=${VENV:-target/spark-venv}
PARTITIONS=${PARTITIONS:-4}

cargo build --release --quiet
BIN=$(pwd)/target/release/whosaid

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import pyspark" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet pyspark
fi
echo "pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)'), $(java -version 2>&1 | head -n1)"

"$VENV/bin/python" - "$BIN" "$INPUT" "$PARTITIONS" <<'EOF'
import json, os, subprocess, sys, time
from pyspark.sql import SparkSession

bin_, path, parts = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
cmd = f"{bin_} check --input-format jsonl --format jsonl --fail-on never --threads 1 -"

def findings(doc):
    return sorted((f["rule"], f["span"]["start"], f["span"]["end"], f["message"])
                  for f in doc["findings"])

spark = (SparkSession.builder.master("local[2]").appName("whosaid-demo")
         .config("spark.ui.enabled", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
t = time.time()
rdd = spark.sparkContext.textFile(path, minPartitions=parts)
lines = rdd.pipe(cmd).collect()
spark_s = time.time() - t
print(f"spark: {rdd.getNumPartitions()} partitions, {len(lines)} report lines in {spark_s:.1f} s")
spark.stop()

t = time.time()
with open(path, "rb") as f:
    out = subprocess.run(cmd.split(), stdin=f, capture_output=True, check=True).stdout
plain_s = time.time() - t
plain = [json.loads(l) for l in out.decode().splitlines()]
print(f"plain: {len(plain)} report lines in {plain_s:.1f} s")

by_spark = {d["path"]: d for d in map(json.loads, lines)}
by_plain = {d["path"]: d for d in plain}
same_docs = by_spark.keys() == by_plain.keys()
differ = [p for p in by_plain if p in by_spark and findings(by_plain[p]) != findings(by_spark[p])]
identical = sum(by_plain[p] == by_spark.get(p) for p in by_plain)
n_findings = sum(len(d["findings"]) for d in plain)
print(f"documents: spark {len(by_spark)}, plain {len(by_plain)}, same paths: {same_docs}")
print(f"findings: {n_findings}; documents whose findings differ: {len(differ)}"
      + (f" ({', '.join(differ[:5])})" if differ else ""))
print(f"reports identical as JSON: {identical} of {len(by_plain)}")
sys.exit(0 if same_docs and not differ else 1)
EOF
