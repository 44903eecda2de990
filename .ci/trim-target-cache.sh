#!/usr/bin/env bash
# The cargo target directory shared by the clones on this machine (Makefile) grows with each
# clone's own crates. Past 60 GiB, or with under 10 GiB left on its disk, it is emptied:
# the next build is then a cold one, never a wrong one.
set -euo pipefail
dir=${CARGO_TARGET_DIR:-}
[ -n "$dir" ] && [ -d "$dir" ] || exit 0
free_kib=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
used_kib=$(du -sk "$dir" | cut -f1)
if [ "$free_kib" -lt $((10 * 1024 * 1024)) ] || [ "$used_kib" -gt $((60 * 1024 * 1024)) ]; then
  echo "trim-target-cache: emptying $dir ($((used_kib / 1024 / 1024)) GiB, $((free_kib / 1024 / 1024)) GiB free)"
  rm -rf "$dir"
fi
