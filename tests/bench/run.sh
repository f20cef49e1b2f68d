#!/usr/bin/env bash
# Builds and runs every benchmark, then writes docs/BENCHMARKS.md and docs/benchmarks.json.
# Usage: bash tests/bench/run.sh
#   SITEBOOK_BUILD_DIR   build directory (default: build)
#   SITEBOOK_BENCH_SYNC_ARGS  extra sync_bench options, e.g. "--upload 10000 --download 10000"
#   SITEBOOK_BENCH_PEER_SIZES record counts for the peer (default: 10000 100000)
#   SITEBOOK_BENCH_BUILD_TYPE CMake build type (default: Release)
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/install-deps.sh
BUILD_DIR=${SITEBOOK_BUILD_DIR:-build}
PEER_SIZES=${SITEBOOK_BENCH_PEER_SIZES:-"10000 100000"}
SYNC_ARGS=${SITEBOOK_BENCH_SYNC_ARGS:-}
BUILD_TYPE=${SITEBOOK_BENCH_BUILD_TYPE:-Release}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DSITEBOOK_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target storage_bench sync_bench app_bench login_flood_bench sitebook-server

RESULTS="$BUILD_DIR/bench-results"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.md "$RESULTS"/*.json "$RESULTS"/*.jsonl

"$BUILD_DIR/tests/bench/storage_bench" --output "$RESULTS/storage.md" --json "$RESULTS/storage.json"
"$BUILD_DIR/tests/bench/app_bench" --output "$RESULTS/app.md" --json "$RESULTS/app.json"

# The peer: PouchDB replicating against pouchdb-server on loopback, the same record counts.
PEER_ARGS=()
# shellcheck disable=SC2086
if bash tests/bench/peer/run-peer.sh $PEER_SIZES >"$RESULTS/peer.jsonl"; then
  PEER_ARGS=(--peer "$RESULTS/peer.jsonl")
else
  echo "the peer did not run (npm or node missing?); the sync section has no comparison" >&2
fi

# 200 concurrent wrong-password logins against the real server: its peak memory and health
# latency meanwhile (exits non-zero only when a call was answered otherwise than designed).
"$BUILD_DIR/tests/bench/login_flood_bench" --calls 200 \
  --output "$RESULTS/login_flood.md" --json "$RESULTS/login_flood.json"

# sync_bench exits non-zero when an exactly-once check fails; the report is written anyway.
SYNC_RC=0
# shellcheck disable=SC2086
"$BUILD_DIR/tests/bench/sync_bench" "${PEER_ARGS[@]}" $SYNC_ARGS \
  --output "$RESULTS/sync.md" --json "$RESULTS/sync.json" || SYNC_RC=$?

COMMAND="bash tests/bench/run.sh"
[ -n "$SYNC_ARGS" ] && COMMAND="SITEBOOK_BENCH_SYNC_ARGS=\"$SYNC_ARGS\" $COMMAND"
[ -n "${SITEBOOK_BENCH_PEER_SIZES:-}" ] && COMMAND="SITEBOOK_BENCH_PEER_SIZES=\"$PEER_SIZES\" $COMMAND"
[ "$BUILD_TYPE" != Release ] && COMMAND="SITEBOOK_BENCH_BUILD_TYPE=$BUILD_TYPE $COMMAND"
DATE=$(date -u +%Y-%m-%d)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
CORES=$(nproc)
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`$COMMAND\` on $DATE, on $CPU ($CORES cores). The machine is"
  echo "shared with compiles and other work, so read the ratios within a run, not the absolute"
  echo "numbers. The figures are also in \`docs/benchmarks.json\`. Nothing here is a timed test:"
  echo "ctest runs each benchmark at tiny sizes (\`bench_smoke.*\`) only to check that it completes"
  echo "and that its exactly-once checks hold."
  echo
  cat "$RESULTS/storage.md"
  cat "$RESULTS/sync.md"
  cat "$RESULTS/app.md"
  cat "$RESULTS/login_flood.md"
} > docs/BENCHMARKS.md
python3 tests/bench/bounds.py "$RESULTS"

python3 - "$RESULTS" "$COMMAND" "$DATE" <<'EOF'
import json, sys, pathlib
results, command, date = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
sync = json.loads((results / "sync.json").read_text())
out = {
    "command": command,
    "date": date,
    "machine": sync.pop("machine"),
    "note": "shared machine; compare figures within one run",
    "storage": json.loads((results / "storage.json").read_text()),
    "sync": sync,
    "app": json.loads((results / "app.json").read_text()),
    "login_flood": json.loads((results / "login_flood.json").read_text()),
}
pathlib.Path("docs/benchmarks.json").write_text(json.dumps(out, indent=2) + "\n")
EOF
echo "wrote docs/BENCHMARKS.md and docs/benchmarks.json"
exit "$SYNC_RC"
