#!/usr/bin/env bash
# Browser tests: serve the release build on a fresh SQLite database with the demo network,
# wait until it answers, run Playwright (Debian's chromium), stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${E2E_PORT:-3100}
workdir=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
DATABASE_URL="sqlite://$workdir/e2e.db?mode=rwc" LEPTOS_SITE_ROOT=target/site ANELLO_LOG=warn \
  target/release/anello serve --listen "127.0.0.1:$port" --demo-if-empty >"$workdir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/accedi" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log"; exit 1; }
  sleep 0.5
done
cd end2end
status=0
BASE_URL="http://127.0.0.1:$port" npx playwright test "$@" || status=$?
# Keep the server's log beside the test results; show its end when something failed.
mkdir -p test-results && cp "$workdir/server.log" test-results/server.log
if [ "$status" != 0 ]; then tail -n 40 test-results/server.log; fi
exit "$status"
