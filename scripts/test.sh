#!/usr/bin/env bash
# Installs what is missing, builds Sitebook and runs every test suite.
# Usage: scripts/test.sh [extra ctest arguments, e.g. -L unit]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
BUILD_DIR=${SITEBOOK_BUILD_DIR:-build}
JOBS=${SITEBOOK_JOBS:-$(nproc)}

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITEBOOK_BUILD_TESTS=ON
cmake --build "$BUILD_DIR" -j "$JOBS"

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export TZ=UTC LANG=C.UTF-8
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
