#!/usr/bin/env bash
# Browser tests through a real TLS reverse proxy, as a network deploys Anello: Debian's
# nginx with deploy/nginx/anello.conf (only addresses and paths replaced) terminating TLS
# with a certificate made here, round-robin over two replicas of the release build on
# one PostgreSQL database. With --bench, the first-load benchmark runs through it instead
# of the tests (`make bench`): a phone's first visit over HTTP/2 and TLS, as deployed.
set -euo pipefail
mode=${1:-test}
cd "$(dirname "$0")/.."
root=$PWD
pg=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
database="anello_e2e_proxy_$$"
url="${pg%/*}/$database"
workdir=$(mktemp -d)
replicas=(3201 3202)
pids=()
cleanup() {
  [ -f "$workdir/nginx.pid" ] && kill "$(cat "$workdir/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$pg" -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

psql "$pg" -qc "CREATE DATABASE $database" >/dev/null
export DATABASE_URL="$url" LEPTOS_SITE_ROOT=target/site
ANELLO_LOG=warn target/release/anello migrate
ANELLO_LOG=warn target/release/anello demo-data >/dev/null

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$workdir/key.pem" -out "$workdir/cert.pem" >/dev/null 2>&1

for port in "${replicas[@]}"; do
  ANELLO_PUBLIC_URL=https://localhost:8443 ANELLO_TRUST_PROXY=true ANELLO_LOG=warn \
    target/release/anello serve --listen "127.0.0.1:$port" >"$workdir/replica-$port.log" 2>&1 &
  pids+=($!)
done
for port in "${replicas[@]}"; do
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && break
    sleep 0.5
  done
done

# The shipped configuration, with this run's addresses, certificate and one test-only
# header naming the replica that answered.
sed -e "s/server 127.0.0.1:3000;/server 127.0.0.1:${replicas[0]};/" \
    -e "s/server 127.0.0.1:3001;/server 127.0.0.1:${replicas[1]};/" \
    -e "s/listen 80;/listen 127.0.0.1:8080;/" -e '/listen \[::\]:80;/d' \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:8443 ssl http2;/" -e '/listen \[::\]:443/d' \
    -e "s/server_name anello.rete.example;/server_name localhost;/" \
    -e "s#/etc/letsencrypt/live/anello.rete.example/fullchain.pem#$workdir/cert.pem#" \
    -e "s#/etc/letsencrypt/live/anello.rete.example/privkey.pem#$workdir/key.pem#" \
    -e 's#proxy_pass http://anello;#proxy_pass http://anello;\n        add_header X-Anello-Upstream $upstream_addr always;#' \
    deploy/nginx/anello.conf >"$workdir/anello.conf"
grep -q "127.0.0.1:8443" "$workdir/anello.conf" || { echo "deploy/nginx/anello.conf changed: update .ci/e2e-proxy.sh"; exit 1; }
mkdir -p "$workdir/temp"
cat >"$workdir/nginx.conf" <<NGINX
$( [ "$(id -u)" = 0 ] && echo 'user root;' )
worker_processes 1;
pid $workdir/nginx.pid;
error_log $workdir/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $workdir/temp/body;
    proxy_temp_path $workdir/temp/proxy;
    fastcgi_temp_path $workdir/temp/fastcgi;
    uwsgi_temp_path $workdir/temp/uwsgi;
    scgi_temp_path $workdir/temp/scgi;
    include $workdir/anello.conf;
}
NGINX
nginx=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx" -e "$workdir/nginx-error.log" -p "$workdir" -c "$workdir/nginx.conf" -t -q
"$nginx" -e "$workdir/nginx-error.log" -p "$workdir" -c "$workdir/nginx.conf"
for _ in $(seq 1 40); do
  curl -kfsS -o /dev/null https://localhost:8443/healthz && break
  sleep 0.25
done

cd end2end
if [ "$mode" = --bench ]; then
  BASE_URL=https://localhost:8443 node bench/first-load.mjs
  exit 0
fi
status=0
BASE_URL=https://localhost:8443 npx playwright test -c playwright.proxy.config.ts 2>&1 | tee "$workdir/playwright.log" || status=$?
mkdir -p test-results
cp "$workdir"/replica-*.log "$workdir/nginx-error.log" "$workdir/playwright.log" test-results/ 2>/dev/null || true
if [ "$status" != 0 ]; then
  echo "--- the end of the replicas' and nginx's logs ---"
  tail -n 8 "$workdir"/replica-*.log "$workdir/nginx-error.log" || true
  echo "--- Playwright's summary (through nginx) ---"
  grep -E '^\s+[0-9]+\) |^\s+(Error|TimeoutError|Test timeout|Expected|Received)|^\s+> +[0-9]+ \||^\s+at .*spec\.ts|^\s+[0-9]+ (failed|flaky|passed|did not run)|^\s+\[proxy\] ' \
    "$workdir/playwright.log" | tail -n 40 || true
fi
exit "$status"
