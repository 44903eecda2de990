# Anello — the two commands of the README.
#   make run   set up, build and serve on http://127.0.0.1:3000 with the demo network (SQLite)
#   make test  formatting, clippy (both feature sets), unit and integration tests on SQLite
#              and PostgreSQL, the release build, and the browser tests
# Both install what is missing first (.ci/setup.sh) and can be run again at any time.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/end2end/node_modules/.bin:$(PATH)
# One cargo target directory for every clone on this machine (~/.cache/anello/target), so
# that a fresh clone, as CI makes for each run, compiles only Anello's own crates: the
# third-party ones the previous clone compiled are reused. Cargo tells the clones' crates
# apart by their path and rebuilds them from the clone's own sources, so the shared
# directory cannot make a broken build pass. `ANELLO_CARGO_TARGET=target make …` keeps a
# clone's build to itself. Within one run the lint, test and release builds share it too.
ANELLO_CARGO_TARGET ?= $(HOME)/.cache/anello/target
export CARGO_TARGET_DIR := $(abspath $(ANELLO_CARGO_TARGET))
export LEPTOS_SITE_ROOT := target/site

DATABASE_URL ?= sqlite://data/anello.db?mode=rwc
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: run test test-here setup setup-test build lint test-sqlite test-postgres e2e clean-test-databases bench fuzz

# `make test` says after each step, and at its end, how long it has taken.
# Exported, so that the run in the build directory counts from the first make's start.
ifndef STARTED
STARTED := $(shell date +%s)
endif
export STARTED
since_start = $$(( ($$(date +%s) - $(STARTED)) / 60 )) min $$(( ($$(date +%s) - $(STARTED)) % 60 )) s
elapsed = echo "make: $(1) done, $(since_start) since the start"

run: setup build
	DATABASE_URL='$(DATABASE_URL)' target/release/anello serve --demo-if-empty

# In the machine's one build directory, a copy of this clone (.ci/in-build-dir.sh): a
# new clone then reuses the incremental build of the last one.
test:
	.ci/in-build-dir.sh test-here

test-here: setup-test lint test-sqlite test-postgres build e2e
	@echo "make test: all checks passed in $(since_start)"

setup:
	.ci/setup.sh
	.ci/trim-target-cache.sh

setup-test:
	.ci/setup.sh --test
	.ci/trim-target-cache.sh

# --precompress writes a brotli and a gzip copy of every asset beside it, served as is;
# --split cuts the browser bundle into files per group of pages (app/src/pages.rs).
# What a deployment copies (README) is then in the clone: target/release/anello, the
# hash.txt beside it (the hashed asset names) and target/site.
build:
	cargo leptos build --release --precompress --split
	@if [ "$(CARGO_TARGET_DIR)" != "$(CURDIR)/target" ]; then \
	  mkdir -p target/release && cp -f $(CARGO_TARGET_DIR)/release/anello $(CARGO_TARGET_DIR)/release/hash.txt target/release/; fi
	@$(call elapsed,release build)

lint:
	cargo fmt --all -- --check
	.ci/check-file-sizes.sh
	.ci/check-kernel.sh
	python3 .ci/check-imports.py
	cargo clippy -p app -p server -p migrations --all-targets --features app/ssr -- -D warnings
	cargo clippy -p app -p frontend --target wasm32-unknown-unknown --features app/hydrate -- -D warnings
	@# The browser bundle must not link server-only crates (database, password hashing).
	@for crate in sea-orm argon2 tower-sessions; do \
	  if cargo tree -p app --no-default-features --features hydrate -e normal -i $$crate 2>/dev/null | grep -q .; then \
	    echo "the hydrate build of app pulls in $$crate"; exit 1; fi; done
	@$(call elapsed,lint)

test-sqlite:
	cargo test -p app -p server -p migrations --features app/ssr
	@$(call elapsed,tests on SQLite)

# The same packages and features as test-sqlite, so that cargo reuses its test binaries
# instead of building app and server again with another feature set: the HTTP tests and
# the tests of server-side functions beside the code (--lib; app/src/testing.rs).
test-postgres: clean-test-databases
	ANELLO_TEST_POSTGRES_URL='$(TEST_POSTGRES_URL)' cargo test -p app -p server -p migrations --features app/ssr --lib --test integration
	@$(call elapsed,tests on PostgreSQL)

# Test databases are named anello_test_<uuid>; drop the previous run's before a new one.
clean-test-databases:
	@psql '$(TEST_POSTGRES_URL)' -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'anello_test_%'" \
	  | while read -r db; do psql '$(TEST_POSTGRES_URL)' -qc "DROP DATABASE IF EXISTS $$db" >/dev/null; done

# The browser tests on SQLite, then through nginx over TLS with two replicas on PostgreSQL.
e2e:
	.ci/e2e.sh
	TEST_POSTGRES_URL='$(TEST_POSTGRES_URL)' .ci/e2e-proxy.sh
	@$(call elapsed,browser tests)

# Benchmarks print ratios measured in one run (not part of `make test`). The first-load
# benchmark needs Debian's chromium (`.ci/setup.sh --test`).
bench: setup-test build
	.ci/bench-first-load.sh
	TEST_POSTGRES_URL='$(TEST_POSTGRES_URL)' .ci/e2e-proxy.sh --bench
	cargo bench -p server --bench people_list
	cargo bench -p server --bench board
	cargo bench -p server --bench memory
	cargo bench -p server --bench board_browser
	cargo bench -p server --bench checkpoints
	TEST_POSTGRES_URL='$(TEST_POSTGRES_URL)' cargo bench -p server --bench forum
	cargo bench -p server --bench reports

# The pure parsers' properties (Markdown, CSV, dates, codes, search terms), 100 000 cases
# each (256 in `make test`); then generated requests to every server function from every
# role (100 per function in `make test`), here 10 000 per function on both databases,
# with the counts printed. A property's failure is kept in app/proptest-regressions.
FUZZ_CASES ?= 10000
PROPERTY_CASES ?= 100000
fuzz: setup-test clean-test-databases
	PROPTEST_CASES=$(PROPERTY_CASES) cargo test -p app --features ssr --lib prop_
	@echo "fuzz: 5 properties x $(PROPERTY_CASES) generated cases, no finding"
	ANELLO_FUZZ_CASES=$(FUZZ_CASES) cargo test -p app -p server -p migrations --features app/ssr --test integration -- fuzz --nocapture
	ANELLO_FUZZ_CASES=$(FUZZ_CASES) ANELLO_TEST_POSTGRES_URL='$(TEST_POSTGRES_URL)' cargo test -p app -p server -p migrations --features app/ssr --test integration -- fuzz --nocapture
