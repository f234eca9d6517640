#!/usr/bin/env bash
# Soak test of `fieldguide serve` (docs/performance.md, "serve over a long session"): EDITS edits
# (default 5,000) to a copy of the real site while serve runs; checks that the heap after a full GC,
# the open files and the threads of the serve JVM stay flat, and that the served site equals a fresh
# build at the end. Not part of `mvn verify`; a scheduled workflow runs it (.github/workflows/soak.yml).
#
#   bench/serve/soak.sh               # 5,000 edits
#   EDITS=500 bench/serve/soak.sh     # a shortened run
#   PACE_MS=700 bench/serve/soak.sh   # 5,000 edits spread over about an hour
#
# Settings (environment): EDITS, PORT (default 18741), OUT (default bench/out), JAR (default
# target/fieldguide.jar, built if missing), SAMPLE (edits between samples, default EDITS/20),
# PACE_MS, SETTLE_MS (11000), HEAP_SLACK_MB (32), HEAP_TREND_MB (8), THREAD_SLACK (8), FD_SLACK (16):
# see bench/serve/Soak.java. Linux only; loopback only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out}
JAR=${JAR:-$ROOT/target/fieldguide.jar}
EDITS=${EDITS:-5000}
PORT=${PORT:-18741}
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -DskipTests package)
mkdir -p "$OUT"
project="$OUT/soak-project"
rm -rf "$project" "$OUT/soak-fresh"
mkdir -p "$project"
cp -r "$ROOT/content" "$ROOT/templates" "$project/"
echo "== soak: $EDITS edits on a copy of the site in $project, serve on 127.0.0.1:$PORT"
java "$ROOT/bench/serve/Soak.java" "$JAR" "$project" "$EDITS" "$PORT" "$OUT"
