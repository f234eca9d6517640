#!/usr/bin/env bash
# Builds and runs the JMH stage benchmarks against a generated corpus (default 1000 pages).
#
#   bench/jmh/run.sh                          # every benchmark
#   bench/jmh/run.sh StageBenchmarks.parse    # JMH options pass through (a name regex, -f, -i, -prof gc, ...)
#
# Settings (environment): PAGES (default 1000), OUT (default bench/out, ignored by git).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PAGES=${PAGES:-1000}
OUT=${OUT:-$ROOT/bench/out}
CORPUS="$OUT/corpus-$PAGES"

if [ ! -f "$CORPUS/.complete" ] && [ ! -d "$CORPUS/content" ]; then
  java "$ROOT/bench/corpus/CorpusGenerator.java" "$PAGES" "$CORPUS"
  ln -s "$ROOT/templates" "$CORPUS/templates"
fi
# The main artifact goes to the local repository; the benchmarks depend on it.
(cd "$ROOT" && mvn -q install -DskipTests -Djacoco.skip=true)
(cd "$ROOT/bench/jmh" && mvn -q package)
exec java -Dbench.corpus="$CORPUS" -jar "$ROOT/bench/jmh/target/benchmarks.jar" "$@"
