#!/usr/bin/env bash
# Save-to-reload latency of `fieldguide serve` (README: serve) on the real site and on the synthetic
# 10,000-page corpus: median of RUNS edits of one page, from the end of the write to the reload event,
# for an edit of the page's body and for an edit of its title.
#
#   bench/serve/run.sh                  # both, 5 runs each
#   SIZES="" RUNS=3 bench/serve/run.sh  # the real site only
#   WARMUP=2 bench/serve/run.sh         # fewer untimed edits first (default 10)
#
# The projects are copies under bench/out/ (ignored by git), so content/ is never edited.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out}
JAR=${JAR:-$ROOT/target/fieldguide.jar}
RUNS=${RUNS:-5}
SIZES=${SIZES:-10000}
PORT=${PORT:-18731}
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -DskipTests package)
mkdir -p "$OUT"

rm -rf "$OUT/serve-real" && mkdir -p "$OUT/serve-real"
cp -r "$ROOT/content" "$ROOT/templates" "$OUT/serve-real/"
for edit in body title; do
  echo "== real site: edit the $edit of content/alignment/dpo.md"
  EDIT=$edit java "$ROOT/bench/serve/ReloadLatency.java" "$JAR" "$OUT/serve-real" content/alignment/dpo.md /alignment/dpo/ \
    "$RUNS" "$PORT"
done

for n in $SIZES; do
  corpus="$OUT/serve-corpus-$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    java "$ROOT/bench/corpus/CorpusGenerator.java" "$n" "$corpus"
    cp -r "$ROOT/templates" "$corpus/templates"
    touch "$corpus/.complete"
  fi
  for edit in body title; do
    echo "== $n-page corpus: edit the $edit of content/sec-000/page-00001.md"
    EDIT=$edit java "$ROOT/bench/serve/ReloadLatency.java" "$JAR" "$corpus" content/sec-000/page-00001.md \
      /sec-000/page-00001/ "$RUNS" "$PORT"
  done
done
