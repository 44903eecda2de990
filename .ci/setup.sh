#!/usr/bin/env bash
# Installs, idempotently, everything a build of Anello needs on a fresh Debian machine
# with the Rust toolchain: the wasm32 target, cargo-leptos, the wasm-bindgen CLI matching
# Cargo.lock, the npm packages of end2end/ (binaryen's wasm-opt, playwright-core) and,
# with --test, Debian's chromium, nginx, openssl and a running PostgreSQL.
# Nothing here downloads a prebuilt binary at run time: tools come from crates.io, npm
# and Debian only.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.11
WITH_TEST_TOOLS=0
[ "${1:-}" = "--test" ] && WITH_TEST_TOOLS=1

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. The wasm32 target for the hydrate build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. cargo-leptos. Plain --locked fails on rustc 1.95 (a locked dependency wants 1.96),
#    hence --ignore-rust-version; no_downloads keeps it from fetching sass/tailwind/wasm-opt.
if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 10 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos@"$CARGO_LEPTOS_VERSION" --locked --ignore-rust-version --features no_downloads
fi

# 3. The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WB_VERSION=${WB_VERSION:-0.2.130}
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  log "installing wasm-bindgen-cli $WB_VERSION"
  # Without --locked: its own lock names a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 4. npm packages: binaryen (wasm-opt for release builds; Debian's 108 breaks hydration)
#    and playwright-core for the browser tests.
if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing npm packages of end2end/"
  (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$WITH_TEST_TOOLS" = 1 ]; then
  command -v curl >/dev/null || apt_install curl
  # 5. Debian's chromium for the browser tests (a test tool's own browser download fails here).
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
  fi
  # 6. nginx and openssl for the browser tests through a TLS reverse proxy (the
  #    configuration shipped in deploy/), and PostgreSQL's client tools (pg_dump,
  #    pg_restore) for the backup tests. Debian's nginx package starts a server on port
  #    80 when installed; the tests run their own, so that one is stopped.
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    apt_install nginx
    (service nginx stop || pkill -x nginx || true) >/dev/null 2>&1
  fi
  command -v openssl >/dev/null || apt_install openssl
  command -v pg_dump >/dev/null || apt_install postgresql-client
  # 7. PostgreSQL: the test suite runs every database test on it too, never skipped.
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
    # A fresh Debian cluster asks for passwords on TCP; the tests connect as postgres on
    # loopback, like the machines that come with PostgreSQL already set up.
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -n1)
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    log "starting PostgreSQL"
    cluster=$(ls /etc/postgresql | sort -V | tail -n1)
    pg_ctlcluster --skip-systemctl-redirect "$cluster" main start || pg_ctlcluster "$cluster" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
log "ready"
