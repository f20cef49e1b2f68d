#!/usr/bin/env bash
# Renders every main screen of the app from demonstration data into docs/screenshots/: a phone
# (412 x 860) in English and Welsh at standard and largest (200 %) text, a small phone
# (360 x 640) in Welsh at 200 %, and a tablet (1280 x 800). Needs a built app
# (SITEBOOK_BUILD_DIR, default build) and Xvfb (scripts/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${SITEBOOK_BUILD_DIR:-build}/app/sitebook
OUT=docs/screenshots
render() {  # folder, then sitebook options
    local dir=$OUT/$1
    shift
    rm -rf "$dir"
    xvfb-run -a -s "-screen 0 1920x1200x24" "$APP" --screenshot "$dir" "$@"
}
render app --lang en
render app-200 --lang en --text-scale 2
render app-cy --lang cy
render app-cy-200 --lang cy --text-scale 2
render app-small-cy-200 --size 360x640 --lang cy --text-scale 2
render app-tablet --lang en --size 1280x800
echo "Screenshots written to $OUT/"
