#!/usr/bin/env bash
# Builds and runs every benchmark, then writes docs/BENCHMARKS.md.
# Usage: tests/bench/run.sh   (SITEBOOK_BUILD_DIR to use another build directory)
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/install-deps.sh
BUILD_DIR=${SITEBOOK_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSITEBOOK_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target storage_bench

RESULTS="$BUILD_DIR/bench-results"
mkdir -p "$RESULTS"
"$BUILD_DIR/tests/bench/storage_bench" --output "$RESULTS/storage.md"

{
  echo "# Benchmarks"
  echo
  echo "Produced by \`bash tests/bench/run.sh\` on $(date -u +%Y-%m-%d). Each table compares"
  echo "variants measured in the same run on the same machine, so read the ratios, not the"
  echo "absolute numbers: these machines are shared and noisy."
  echo
  cat "$RESULTS/storage.md"
} > docs/BENCHMARKS.md
echo "wrote docs/BENCHMARKS.md"
