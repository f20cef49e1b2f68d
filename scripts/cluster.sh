#!/usr/bin/env bash
# Starts a whole Sitebook cluster on loopback: PostgreSQL 15 in a temporary directory, three
# sitebook-server replicas on it and haproxy in front (gRPC over TLS, HTTP/2 terminated at
# the proxy), loaded with demo data. Ctrl+C stops everything and removes the temporary data.
#
#   bash scripts/cluster.sh            # builds if needed, then runs until Ctrl+C
#   REPLICAS=2 bash scripts/cluster.sh
#
# The app connects to the proxy: printed at start, with the CA and the demo password.
# docs/DEPLOY.md explains what runs where in a real deployment.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${SITEBOOK_BUILD_DIR:-build}
SERVER="$BUILD_DIR/sync-server/sitebook-server"
REPLICAS=${REPLICAS:-3}
PROXY_PORT=${SITEBOOK_PROXY_PORT:-50443}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

if [ ! -x "$SERVER" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$BUILD_DIR" --target sitebook-server
fi
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" /usr/sbin/haproxy; do
  if [ ! -x "$tool" ]; then
    echo "error: $tool is missing; run scripts/install-deps.sh" >&2
    exit 1
  fi
done

free_port() {
  python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
PY
}

WORK=$(mktemp -d -t sitebook-cluster.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# PostgreSQL refuses to run as root: as root, the cluster belongs to `nobody`.
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$WORK"
  as_pg() { runuser -u nobody -- "$@"; }
else
  as_pg() { "$@"; }
fi

PG_PORT=$(free_port)
echo "Starting PostgreSQL 15 on 127.0.0.1:$PG_PORT ($WORK/pg)"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U sitebook --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$WORK/pg" start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U sitebook sitebook
DATABASE="postgresql://sitebook@127.0.0.1:$PG_PORT/sitebook"

# One data directory for what the replicas share from files (TLS certificate and CA).
"$SERVER" init --database "$DATABASE" --data-dir "$WORK/server" --dev-tls >/dev/null
(umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$WORK/demo-password")
"$SERVER" demo-data --database "$DATABASE" --data-dir "$WORK/server" --password-stdin \
  <"$WORK/demo-password" >/dev/null

SERVERS=""
for i in $(seq 1 "$REPLICAS"); do
  port=$(free_port)
  "$SERVER" serve --database "$DATABASE" --data-dir "$WORK/server" \
    --listen "127.0.0.1:$port" >"$WORK/replica-$i.log" 2>&1 &
  PIDS+=($!)
  SERVERS+="    server replica$i 127.0.0.1:$port"$'\n'
  echo "Replica $i on 127.0.0.1:$port (log: $WORK/replica-$i.log)"
done

cat "$WORK/server/tls/server.pem" "$WORK/server/tls/server.key" >"$WORK/proxy.pem"
chmod 600 "$WORK/proxy.pem"
sed -e "s|@BIND@|127.0.0.1:$PROXY_PORT|" -e "s|@FRONT_PEM@|$WORK/proxy.pem|" \
  -e "s|@CA_PEM@|$WORK/server/tls/ca.pem|" sync-server/deploy/haproxy.cfg.in |
  awk -v servers="$SERVERS" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' \
    >"$WORK/haproxy.cfg"
/usr/sbin/haproxy -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)

echo
echo "Sitebook cluster: connect the app to 127.0.0.1:$PROXY_PORT"
echo "  CA certificate: $WORK/server/tls/ca.pem"
echo "  demo users (officer radeyemi, supervisor dmarsh, ...) share the password in $WORK/demo-password"
echo "Press Ctrl+C to stop."
wait "${PIDS[@]}"
