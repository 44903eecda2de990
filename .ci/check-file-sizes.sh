#!/usr/bin/env bash
# `make lint`: no source file of app/src or server/src over 600 lines (entities, one table
# each, excepted). A file that grows past it becomes a folder of the same name beside it,
# cut along its sections (README, Architecture).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=600
too_long=$(find app/src server/src -name '*.rs' -not -path 'app/src/entity/*' -print0 \
  | xargs -0 wc -l | awk -v limit="$limit" '$2 != "total" && $1 > limit { print "  " $2 " (" $1 " lines)" }')
if [ -n "$too_long" ]; then
  echo "files over $limit lines; cut them along their sections into a folder of the same name:"
  echo "$too_long"
  exit 1
fi
