#!/bin/sh
# Screenshots of the home page, an explainer, a flowchart and the glossary at 390 and 1280 px,
# light and dark, for a person to look at. Builds the site first unless SITE names a built one.
# Writes to target/screenshots/ (ignored by git). Needs /usr/bin/chromium (or CHROMIUM).
set -eu
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-/usr/bin/chromium}
out=target/screenshots
site=${SITE:-}
if [ -z "$site" ]; then
  site=target/screenshot-site
  java -jar target/fieldguide.jar build --out "$site" >/dev/null
fi
case $site in /*) ;; *) site=$(pwd)/$site ;; esac
mkdir -p "$out"
for page in index.html alignment/rlhf/index.html flowcharts/choosing-an-approach/index.html glossary/index.html; do
  name=$(printf '%s' "$page" | sed 's#/index.html##; s#index.html#home#; s#/#-#g')
  for width in 390 1280; do
    height=$([ "$width" = 390 ] && echo 844 || echo 800)
    for theme in light dark; do
      flag=""
      [ "$theme" = dark ] && flag="--blink-settings=preferredColorScheme=0"
      # shellcheck disable=SC2086
      timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars $flag \
        --window-size="$width,$height" --screenshot="$out/$name-$width-$theme.png" \
        "file://$site/$page" >/dev/null 2>&1
    done
  done
done
echo "screenshots in $out"
