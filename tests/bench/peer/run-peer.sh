#!/usr/bin/env bash
# Installs the peer (PouchDB + pouchdb-server from the npm registry), starts pouchdb-server on
# loopback with a LevelDB store in a temp dir, and replicates the given record counts.
# Prints one JSON line per count. Usage: tests/bench/peer/run-peer.sh 10000 100000
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/pouchdb-server ]; then
  npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null
fi
WORK=$(mktemp -d)
PORT=${SITEBOOK_PEER_PORT:-59841}
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/server"
# pouchdb-server writes config.json and log.txt into its working directory: keep them in WORK.
PEER_DIR=$(pwd)
(cd "$WORK" && exec "$PEER_DIR/node_modules/.bin/pouchdb-server" --host 127.0.0.1 --port "$PORT" \
  --dir "$WORK/server" --no-stdout-logs >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  sleep 0.1
done
for n in "$@"; do
  mkdir -p "$WORK/client-$n"
  node replicate.mjs --records "$n" --server "http://127.0.0.1:$PORT" --dir "$WORK/client-$n"
done
