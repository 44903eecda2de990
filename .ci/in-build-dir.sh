#!/usr/bin/env bash
# Runs `make <targets>` in the machine's one build directory (~/.cache/anello/work), a copy
# of this clone's files, so that every clone (CI makes a new one for each run) builds at
# the same path. rustc reuses its incremental caches only for the same working directory:
# measured on 2026-12-05, a crate rebuilt from a copy of its sources at another path took
# as long as the first build (30.9 s against 31.7 s), and 0.96 s at the same path.
#
# The copy is exact: files are compared by content (--checksum), what the clone lacks is
# deleted, and a file that differs gets the time of its copy, so cargo rebuilds every crate
# with a changed file and no stale result can make a broken build pass. Files the clone
# ignores (.gitignore: target/, data/, node_modules, test results) stay the build
# directory's own. One run at a time (flock). ANELLO_BUILD_DIR=. builds in the clone.
set -euo pipefail
cd "$(dirname "$0")/.."
clone=$(pwd -P)
build_dir=${ANELLO_BUILD_DIR:-$HOME/.cache/anello/work}
mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd -P)
if [ "$build_dir" = "$clone" ]; then
  exec make "$@"
fi
exec 9>"$build_dir.lock"
flock 9
rsync --recursive --links --perms --checksum --delete --exclude=/.git/ \
  --filter=':- .gitignore' ./ "$build_dir/"
echo "make $*: building in $build_dir (a copy of $clone)"
status=0
make -C "$build_dir" "$@" || status=$?
# The browser tests' results and screenshots, back where the clone's reader looks.
for dir in end2end/test-results end2end/screenshots; do
  if [ -d "$build_dir/$dir" ]; then
    rm -rf "$dir" && cp -r "$build_dir/$dir" "$dir"
  fi
done
exit "$status"
