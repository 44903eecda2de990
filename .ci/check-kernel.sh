#!/usr/bin/env bash
# `make lint`: the shared kernel (app/src/kernel) imports no feature. Features import the
# kernel; if the kernel imported a feature back, a change in one feature could break
# every other through it (README, Architecture). Test-only modules (testing,
# fuzz_properties) are not features: a test may use them.
set -euo pipefail
cd "$(dirname "$0")/.."
features=$(find app/src -mindepth 1 -maxdepth 1 \( -type d -o -name '*.rs' \) -printf '%f\n' \
  | sed 's/\.rs$//' | grep -vxE 'kernel|entity|lib|main|testing|fuzz_properties' | sort -u | paste -sd'|')
found=$(grep -rnE "(crate|super::super)::($features)\b" app/src/kernel || true)
if [ -n "$found" ]; then
  echo "the kernel (app/src/kernel) must not import a feature; move what it needs into the kernel:"
  echo "$found" | sed 's/^/  /'
  exit 1
fi
