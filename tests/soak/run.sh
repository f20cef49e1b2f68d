#!/bin/sh
# Fault soak: tests/soak/run.sh [--minutes N] [--seed N] [--build-dir DIR]
# Builds the soak driver, sitebook-cli and sitebook-server, then runs the soak for N minutes
# (default 5). Prints one summary line; exits 0 only on PASS. See docs/SOAK.md.
set -eu
minutes=5
seed=""
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-soak"
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    *) echo "usage: tests/soak/run.sh [--minutes N] [--seed N] [--build-dir DIR]" >&2; exit 2 ;;
  esac
done
[ -f "$build/build.ninja" ] || cmake -S "$root" -B "$build" -G Ninja >/dev/null
ninja -C "$build" sitebook_soak sitebook-cli sitebook-server >/dev/null
set -- --cli "$build/app/cli/sitebook-cli" --server "$build/sync-server/sitebook-server" \
  --seconds $((minutes * 60))
[ -n "$seed" ] && set -- "$@" --seed "$seed"
exec "$build/tests/soak/sitebook_soak" "$@"
