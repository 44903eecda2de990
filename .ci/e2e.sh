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
BASE_URL="http://127.0.0.1:$port" npx playwright test "$@" 2>&1 | tee "$workdir/playwright.log" || status=$?
# Keep the server's log beside the test results. When something failed, show the end of
# the server's log and then, last, Playwright's summary (which tests failed): CI keeps
# only the last lines of a run's output, and they must name the failing tests.
mkdir -p test-results && cp "$workdir/server.log" "$workdir/playwright.log" test-results/
if [ "$status" != 0 ]; then
  # The database as the failing run left it: its audit trail says who was refused what.
  cp "$workdir"/e2e.db* test-results/ 2>/dev/null || true
  echo "--- the end of the server's log ---"
  tail -n 15 test-results/server.log
  echo "--- Playwright's summary ---"
  grep -E '^\s+[0-9]+\) |^\s+(Error|TimeoutError|Test timeout|Expected|Received)|^\s+> +[0-9]+ \||^\s+at .*spec\.ts|^\s+[0-9]+ (failed|flaky|passed|did not run)|^\s+\[(javascript|no-javascript)\] ' \
    test-results/playwright.log | tail -n 40 || true
fi
exit "$status"
