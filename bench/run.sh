#!/usr/bin/env bash
# Builds the same synthetic corpus with fieldguide and with Hugo, several runs each, alternating, and
# reports the median wall time, CPU time (user+sys) and peak RSS of each, and fieldguide/Hugo.
# Also times the real site (java -jar target/fieldguide.jar build) against its 2-second target.
#
#   bench/run.sh                      # N = 1000 and 10000, 5 runs each
#   SIZES="1000" RUNS=3 bench/run.sh  # quicker
#
# Settings (environment):
#   SIZES        page counts to measure                       (default "1000 10000")
#   RUNS         timed runs per tool and size                 (default 5)
#   OUT          where corpora, outputs and results go        (default bench/out; ignored by git)
#   JAR          the fieldguide jar                           (default target/fieldguide.jar, built if missing)
#   JAVA_OPTS    extra JVM options for fieldguide             (default none: what a user runs)
#   ALT_OPTS     if set, also times fieldguide with these JVM options, as tool "fieldguide-alt"
#                (e.g. ALT_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC")
#   ALT_JAR      if set, "fieldguide-alt" runs this jar instead (another commit's build), in turn
#                with JAR in the same runs: the fair way to compare two versions on a shared machine
#   EDIT         1 to time, as tool "fieldguide-edit", a build after a one-page body edit, into the
#                output of the full build just before it, with the .fieldguide-cache/ that build left
#                (default 1); the page is restored after each run
#   HUGO         1 to time Hugo, 0 to skip it (when only two jars are compared; default 1)
#   REAL         1 to time the real site too, 0 to skip it    (default 1): a build with nothing
#                changed (real-site), after REAL_EDIT's body changed (real-site-edit, if EDIT=1),
#                and with --no-cache (real-site-cold, for a jar that has the option), each jar in
#                its own copy of the project under OUT
#   REAL_PROJECT project whose content/ is the real site      (default the repository root)
#   REAL_EDIT    the page real-site-edit changes              (default content/alignment/dpo.md)
#   LOAD_MAX     wait before a run until the 1-minute load average is below this (default: number of cores)
#   LOAD_WAIT    longest wait for the load to drop, seconds   (default 300; then it runs and records the load)
#
# Needs: JDK 17, Maven (to build the jar), Hugo (Debian: apt-get install -y hugo) and GNU time
# (/usr/bin/time; Debian: apt-get install -y time). Run as root, it installs the last two if missing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
OUT=${OUT:-$BENCH/out}
JAR=${JAR:-$ROOT/target/fieldguide.jar}
JAVA_OPTS=${JAVA_OPTS:-}
ALT_OPTS=${ALT_OPTS:-}
ALT_JAR=${ALT_JAR:-}
REAL=${REAL:-1}
EDIT=${EDIT:-1}
HUGO=${HUGO:-1}
REAL_PROJECT=${REAL_PROJECT:-$ROOT}
REAL_EDIT=${REAL_EDIT:-content/alignment/dpo.md}
CORES=$(nproc)
LOAD_MAX=${LOAD_MAX:-$CORES}
LOAD_WAIT=${LOAD_WAIT:-300}

need() {
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing $2 ..." >&2
      apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
    else
      echo "bench: $1 is missing; install it (Debian: apt-get install -y $2)" >&2
      exit 2
    fi
  fi
}
if [ "$HUGO" = 1 ]; then need hugo hugo; fi
need /usr/bin/time time
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -q -DskipTests package)
fi

mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW="$OUT/runs-$STAMP.csv"
REPORT="$OUT/results-$STAMP.md"
echo "tool,pages,run,wall_s,user_s,sys_s,cpu_s,max_rss_kb,load1_before,load5_before,load15_before" >"$RAW"

load1() { cut -d' ' -f1 /proc/loadavg; }

# Waits (up to LOAD_WAIT seconds) for the 1-minute load average to drop below LOAD_MAX.
wait_for_quiet() {
  local waited=0
  while awk -v l="$(load1)" -v m="$LOAD_MAX" 'BEGIN { exit !(l >= m) }'; do
    if [ "$waited" -ge "$LOAD_WAIT" ]; then
      echo "  (load $(load1) still >= $LOAD_MAX after ${waited}s; running anyway, the load is recorded)" >&2
      return
    fi
    sleep 10
    waited=$((waited + 10))
  done
}

# timed TOOL PAGES RUN -- command...: runs the command under /usr/bin/time -v and appends a CSV row.
timed() {
  local tool=$1 pages=$2 run=$3
  shift 4
  wait_for_quiet
  local loads
  loads=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')
  local tf="$OUT/time.txt" dest="$RAW"
  if [ "$run" = 0 ]; then dest=/dev/null; fi # warm-up
  if ! /usr/bin/time -v -o "$tf" "$@" >"$OUT/last-run.log" 2>&1; then
    echo "bench: $tool failed on $pages pages; see $OUT/last-run.log" >&2
    cat "$OUT/last-run.log" >&2
    exit 1
  fi
  awk -v tool="$tool" -v pages="$pages" -v run="$run" -v loads="$loads" '
    /User time \(seconds\)/ { user = $NF }
    /System time \(seconds\)/ { sys = $NF }
    /Maximum resident set size/ { rss = $NF }
    /Elapsed \(wall clock\) time/ {
      n = split($NF, p, ":"); wall = 0
      for (i = 1; i <= n; i++) wall = wall * 60 + p[i]
    }
    END { printf "%s,%s,%s,%.2f,%.2f,%.2f,%.2f,%d,%s\n", tool, pages, run, wall, user, sys, user + sys, rss, loads }
  ' "$tf" | tee -a "$dest"
}

corpus() {
  local n=$1 fg="$OUT/corpus-$1" hg="$OUT/hugo-$1"
  if [ ! -f "$fg/.complete" ]; then
    rm -rf "$fg" "$hg"
    echo "generating $n pages ..." >&2
    java "$BENCH/corpus/CorpusGenerator.java" "$n" "$fg"
    cp -r "$ROOT/templates" "$fg/templates"   # a copy: the build refuses a templates/ that links outside the project
    mkdir -p "$hg"
    cp -r "$BENCH/hugo/." "$hg/"
    java "$BENCH/corpus/HugoTranslator.java" "$fg" "$hg"
    touch "$fg/.complete"
  fi
  # The corpus must check cleanly (no errors, no warnings), or the comparison means nothing.
  local diag
  diag=$(java -jar "$JAR" check --strict --project "$fg" 2>&1) || { echo "$diag" >&2; exit 1; }
  if [ "$(printf '%s\n' "$diag" | grep -c .)" -ne 1 ]; then
    echo "bench: the corpus does not check cleanly:" >&2
    echo "$diag" | head -20 >&2
    exit 1
  fi
}

# Whether site-N is the output of this JAR's full build, with the cache that build left.
fresh_site=0

run_fieldguide() {
  local n=$1 run=$2
  rm -rf "$OUT/site-$n"
  # shellcheck disable=SC2086
  timed fieldguide "$n" "$run" -- java $JAVA_OPTS -jar "$JAR" build --project "$OUT/corpus-$n" --out "$OUT/site-$n"
  fresh_site=1
}

# A build after one page's body changed: the case of CI with a kept .fieldguide-cache/ and of a
# maintainer's second build. It builds into the output of the full build just before (an untimed
# one if the last build was not this jar's), changes one paragraph of one page (another each run),
# times the rebuild, and restores the page.
run_edit() {
  local n=$1 run=$2
  [ "$EDIT" = 1 ] || return 0
  local project="$OUT/corpus-$n"
  if [ "$fresh_site" != 1 ]; then
    rm -rf "$OUT/site-$n"
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$JAR" build --project "$project" --out "$OUT/site-$n" >/dev/null 2>&1
  fi
  local page
  local i=$(((run * 3761) % n))
  page=$(printf '%s/content/sec-%03d/page-%05d.md' "$project" $((i / 100)) "$i")
  cp "$page" "$OUT/edited-page.bak"
  printf '\nThis paragraph was added by the benchmark, run %s.\n' "$run" >>"$page"
  # shellcheck disable=SC2086
  timed fieldguide-edit "$n" "$run" -- java $JAVA_OPTS -jar "$JAR" build --project "$project" --out "$OUT/site-$n"
  cp "$OUT/edited-page.bak" "$page"
  fresh_site=0
}

run_alt() {
  local n=$1 run=$2
  [ -n "$ALT_OPTS" ] || [ -n "$ALT_JAR" ] || return 0
  fresh_site=0
  rm -rf "$OUT/site-$n"
  # shellcheck disable=SC2086
  timed fieldguide-alt "$n" "$run" -- java $ALT_OPTS -jar "${ALT_JAR:-$JAR}" build --project "$OUT/corpus-$n" --out "$OUT/site-$n"
}

run_hugo() {
  local n=$1 run=$2
  [ "$HUGO" = 1 ] || return 0
  rm -rf "$OUT/public-$n"
  timed hugo "$n" "$run" -- hugo --quiet -s "$OUT/hugo-$n" -d "$OUT/public-$n"
}

echo "machine: $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 " GiB" }')" >&2
for n in $SIZES; do
  corpus "$n"
  echo "warm-up (not counted) ..." >&2
  run_fieldguide "$n" 0 >/dev/null
  run_hugo "$n" 0 >/dev/null
  run_alt "$n" 0 >/dev/null
  for run in $(seq 1 "$RUNS"); do
    if [ $((run % 2)) = 1 ]; then
      run_fieldguide "$n" "$run"; run_edit "$n" "$run"; run_hugo "$n" "$run"; run_alt "$n" "$run"
    else
      run_alt "$n" "$run"; run_hugo "$n" "$run"; run_fieldguide "$n" "$run"; run_edit "$n" "$run"
    fi
  done
done

# The real site, built from copies under OUT so the project's site/ and .fieldguide-cache/ are left
# alone. Each jar builds its own copy (content, templates and git history, so that dates are read as
# in the project) into its own output: in one project, two jars would each find the other's stamp
# in .fieldguide-cache/ and use none of it. The --no-cache runs write to an output of their own, so
# that they leave the cached runs' output as those left it.
copy_project() {
  rm -rf "$1" && mkdir -p "$1"
  cp -a "$REAL_PROJECT/content" "$REAL_PROJECT/templates" "$1/"
  if [ -d "$REAL_PROJECT/.git" ]; then cp -a "$REAL_PROJECT/.git" "$1/"; fi
}
if [ "$REAL" = 1 ]; then
  echo "warm-up real site (not counted) ..." >&2
  real="$OUT/real-project"
  copy_project "$real"
  java -jar "$JAR" build --project "$real" --out "$OUT/real-site" >/dev/null
  pages=$(find "$real/content" -name '*.md' | wc -l)
  edited="$real/$REAL_EDIT"
  cold=0
  if java -jar "$JAR" build --help 2>&1 | grep -q -- --no-cache; then cold=1; fi
  if [ -n "$ALT_OPTS" ] || [ -n "$ALT_JAR" ]; then
    copy_project "$OUT/real-project-alt"
    # shellcheck disable=SC2086
    java $ALT_OPTS -jar "${ALT_JAR:-$JAR}" build --project "$OUT/real-project-alt" --out "$OUT/real-site-alt" >/dev/null
  fi
  for run in $(seq 1 "$RUNS"); do
    # Nothing changed since the last build: what the caches keep is all reused.
    # shellcheck disable=SC2086
    timed real-site "$pages" "$run" -- java $JAVA_OPTS -jar "$JAR" build --project "$real" --out "$OUT/real-site"
    if [ "$EDIT" = 1 ] && [ -f "$edited" ]; then
      # One paragraph added to one page, as in fieldguide-edit; then the page is restored and built
      # again, untimed, so that the next run again finds nothing changed.
      cp "$edited" "$OUT/real-edited.bak"
      printf '\nThis paragraph was added by the benchmark, run %s.\n' "$run" >>"$edited"
      # shellcheck disable=SC2086
      timed real-site-edit "$pages" "$run" -- java $JAVA_OPTS -jar "$JAR" build --project "$real" --out "$OUT/real-site"
      cp "$OUT/real-edited.bak" "$edited"
      # shellcheck disable=SC2086
      java $JAVA_OPTS -jar "$JAR" build --project "$real" --out "$OUT/real-site" >/dev/null
    fi
    if [ "$cold" = 1 ]; then
      rm -rf "$OUT/real-site-cold"
      # shellcheck disable=SC2086
      timed real-site-cold "$pages" "$run" -- java $JAVA_OPTS -jar "$JAR" build --no-cache --project "$real" --out "$OUT/real-site-cold"
    fi
    if [ -n "$ALT_OPTS" ] || [ -n "$ALT_JAR" ]; then
      # shellcheck disable=SC2086
      timed real-site-alt "$pages" "$run" -- java $ALT_OPTS -jar "${ALT_JAR:-$JAR}" build --project "$OUT/real-project-alt" --out "$OUT/real-site-alt"
    fi
  done
fi

# Medians, and the ratio fieldguide/Hugo.
{
  echo "# Benchmark results $STAMP"
  echo
  echo "Machine: $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 }') GiB;"
  echo "$(java -version 2>&1 | head -1); $( [ "$HUGO" = 1 ] && hugo version | cut -d' ' -f1-2). Runs per cell: $RUNS (medians)."
  echo
  awk -F, 'NR > 1 {
      key = $1 "," $2; n[key]++
      wall[key, n[key]] = $4; cpu[key, n[key]] = $7; rss[key, n[key]] = $8; load[key, n[key]] = $9
      if (!(key in seen)) { seen[key] = 1; order[++k] = key }
    }
    function median(arr, key, count,   i, j, t, v) {
      for (i = 1; i <= count; i++) v[i] = arr[key, i]
      for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
    }
    function range(arr, key, count,   i, lo, hi) {
      lo = hi = arr[key, 1]
      for (i = 2; i <= count; i++) { if (arr[key, i] < lo) lo = arr[key, i]; if (arr[key, i] > hi) hi = arr[key, i] }
      return lo "–" hi
    }
    END {
      print "| tool | pages | wall s (median) | CPU s user+sys (median) | peak RSS MiB (median) | wall range s | 1-min load before runs |"
      print "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
      for (i = 1; i <= k; i++) {
        key = order[i]; split(key, p, ",")
        W[key] = median(wall, key, n[key]); C[key] = median(cpu, key, n[key]); R[key] = median(rss, key, n[key]) / 1024
        printf "| %s | %s | %.2f | %.2f | %.0f | %s | %s |\n", p[1], p[2], W[key], C[key], R[key], range(wall, key, n[key]), range(load, key, n[key])
      }
      print ""
      print "| tool | pages | wall ÷ Hugo | CPU ÷ Hugo | RSS ÷ Hugo |"
      print "| --- | ---: | ---: | ---: | ---: |"
      for (i = 1; i <= k; i++) {
        key = order[i]; split(key, p, ",")
        if (p[1] ~ /^fieldguide/ && (("hugo," p[2]) in W)) {
          h = "hugo," p[2]
          printf "| %s | %s | %.2f | %.2f | %.2f |\n", p[1], p[2], W[key] / W[h], C[key] / C[h], R[key] / R[h]
        }
      }
    }' "$RAW"
} | tee "$REPORT"
echo >&2
echo "raw runs: $RAW" >&2
echo "report:   $REPORT" >&2
