#!/usr/bin/env bash
# Installs what is missing, builds Sitebook, then runs the main job: the sync server on its
# embedded SQLite store, loaded with demo data, and the app against it.
# Data lives in ${SITEBOOK_DATA:-$HOME/.local/share/sitebook-demo}; delete it to start afresh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
BUILD_DIR=${SITEBOOK_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITEBOOK_BUILD_TESTS=OFF
cmake --build "$BUILD_DIR" -j "$(nproc)"

DATA=${SITEBOOK_DATA:-$HOME/.local/share/sitebook-demo}
SERVER="$BUILD_DIR/sync-server/sitebook-server"
ADDRESS=${SITEBOOK_ADDRESS:-127.0.0.1:50443}

if [ ! -x "$SERVER" ]; then
  echo "error: $SERVER was not built" >&2
  exit 1
fi
if [ ! -f "$DATA/server/sitebook-server.db" ]; then
  "$SERVER" init --data-dir "$DATA/server" --dev-tls
  if "$SERVER" demo-data --help >/dev/null 2>&1; then
    # One random password for every demo user, kept beside the data (mode 0600) and passed
    # on standard input, never on a command line.
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DATA/demo-password")
    "$SERVER" demo-data --data-dir "$DATA/server" --password-stdin <"$DATA/demo-password"
  fi
fi
if [ -f "$DATA/demo-password" ]; then
  echo "Demo users (officer radeyemi, supervisor dmarsh, admin aclarke, manager mbrennan, ...)"
  echo "share the password in $DATA/demo-password"
fi

"$SERVER" serve --data-dir "$DATA/server" --listen "$ADDRESS" &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
echo "Sitebook server listening on $ADDRESS (TLS; CA certificate: $DATA/server/tls/ca.pem)"

APP="$BUILD_DIR/app/sitebook"
if [ -x "$APP" ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
  fi
  "$APP" --server "$ADDRESS" --ca "$DATA/server/tls/ca.pem"
else
  echo "Press Ctrl+C to stop the server."
  wait $SERVER_PID
fi
