#!/bin/sh
# Lighthouse scores (performance, accessibility, best practices, SEO) for the home page and pages of
# each kind, on a phone (Lighthouse's default mobile emulation) and on a desktop, with the site served
# gzipped as GitHub Pages serves it. Fails if any score is below MIN (default 95).
#
#   bench/lighthouse/run.sh                  # builds the site, then measures
#   SITE=/tmp/site MIN=90 bench/lighthouse/run.sh
#
# Needs /usr/bin/chromium (or CHROMIUM), python3 and npm: Lighthouse 12 is installed with npm into
# bench/out/lighthouse (ignored by git) the first time. Not part of `mvn verify`: the scores depend
# on the machine's load, so read them on a quiet machine.
set -eu
cd "$(dirname "$0")/../.."
chromium=${CHROMIUM:-/usr/bin/chromium}
min=${MIN:-95}
port=${PORT:-8766}
tools=bench/out/lighthouse
site=${SITE:-}
if [ -z "$site" ]; then
  site=bench/out/lighthouse-site
  java -jar target/fieldguide.jar build --out "$site" >/dev/null
fi
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null)
fi
python3 bench/lighthouse/serve_gzip.py "$site" "$port" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
status=0
for page in "" alignment/rlhf/ flowcharts/choosing-an-approach/ glossary/; do
  for form in mobile desktop; do
    preset=""
    [ "$form" = desktop ] && preset="--preset=desktop"
    report="$tools/report.json"
    # shellcheck disable=SC2086
    CHROME_PATH=$chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" $preset \
      --quiet --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$report" >/dev/null 2>&1
    python3 - "$report" "${page:-home}" "$form" "$min" <<'PY' || status=1
import json, sys
report, page, form, minimum = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
scores = {k: round(v["score"] * 100) for k, v in json.load(open(report))["categories"].items()}
print(f"{page:40} {form:8} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
sys.exit(0 if min(scores.values()) >= minimum else 1)
PY
  done
done
[ "$status" = 0 ] || echo "lighthouse: a score is below $min" >&2
exit "$status"
