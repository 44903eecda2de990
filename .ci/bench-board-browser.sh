#!/usr/bin/env bash
# The bed board at 1000 beds in Chromium: serves the release build (as bench-first-load.sh
# does) on the generated network that `cargo bench -p server --bench board_browser` made
# in DATABASE_FILE, and runs end2end/bench/board-drop.mjs against it.
# Usage: .ci/bench-board-browser.sh DATABASE_FILE
set -euo pipefail
cd "$(dirname "$0")/.."
database=$1
port=${BENCH_PORT:-3301}
log=$(mktemp)
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$log"' EXIT
DATABASE_URL="sqlite://$database" LEPTOS_SITE_ROOT=target/site ANELLO_LOG=warn \
  target/release/anello serve --listen "127.0.0.1:$port" >"$log" 2>&1 &
server_pid=$!
ready=0
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && { ready=1; break; }
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
[ "$ready" = 1 ] || { echo "the server never answered /readyz"; cat "$log"; exit 1; }
cd end2end
BASE_URL="http://127.0.0.1:$port" node bench/board-drop.mjs
