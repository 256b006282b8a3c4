#!/usr/bin/env bash
# `make test-fresh`: the README's two commands on a new machine. A clean clone of this
# repository's HEAD (uncommitted work is not tested) in a minimal Debian 12 root that has
# only make and git; as root there, `make run`, then `make test`. Prints how long each took.
# Run as root from the repository (chroot and mounts). FRESH_KEEP=1 keeps the root.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/fresh/root.sh

JOBS=${JOBS:-2}
head=$(git rev-parse HEAD)
root=$FRESH_DIR/root-test-fresh

start=$(date +%s)
fresh_root "$root"
say "a clean clone of $(git rev-parse --short HEAD) in $root/root/svcorg"
git clone --quiet --no-checkout "$PWD" "$root/root/svcorg"
git -C "$root/root/svcorg" checkout --quiet --detach "$head"
echo "fresh root ready after $(since "$start") s"

step=$(date +%s)
say "make run (in the root, as root)"
in_root "$root" "cd /root/svcorg && make run JOBS=$JOBS"
run_s=$(since "$step")

step=$(date +%s)
say "make test (in the root, as root)"
in_root "$root" "cd /root/svcorg && make test JOBS=$JOBS"
test_s=$(since "$step")

say "test-fresh passed: make run ${run_s} s (packages, build, run), make test ${test_s} s; $(since "$start") s in all"
