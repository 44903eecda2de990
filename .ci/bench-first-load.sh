#!/usr/bin/env bash
# The first-load benchmark: serves the release build (hashed, precompressed assets) on a
# fresh SQLite database with the demo network and measures a phone's first visit of a
# few pages in Debian's chromium (end2end/bench/first-load.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-3300}
workdir=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
DATABASE_URL="sqlite://$workdir/bench.db?mode=rwc" LEPTOS_SITE_ROOT=target/site ANELLO_LOG=warn \
  target/release/anello serve --listen "127.0.0.1:$port" --demo-if-empty >"$workdir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log"; exit 1; }
  sleep 0.5
done
cd end2end
BASE_URL="http://127.0.0.1:$port" node bench/first-load.mjs
