#!/usr/bin/env bash
# Instructions of a cold run, counted by callgrind, for two builds of svcorg on the same
# generated district: the check that a change kept a hot path's cost when the machine is
# too noisy to time it (counts do not depend on the load; docs/PERFORMANCE.md).
#
#   bench/instructions.sh OLD_SVCORG NEW_SVCORG [NEEDS]     default: 20000 needs
#
# Env: WORK (default /tmp/svcorg-bench), SEED (1), YEAR (2026: the generated district's
# needs span 2025 and 2026, so 2026 has needs carried over). Each command runs once per
# build with --no-cache --jobs 1 (cold, one thread: the count is then repeatable).
set -euo pipefail
old=${1:?usage: bench/instructions.sh OLD_SVCORG NEW_SVCORG [NEEDS]}
new=${2:?usage: bench/instructions.sh OLD_SVCORG NEW_SVCORG [NEEDS]}
needs=${3:-20000}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/svcorg-bench}
SEED=${SEED:-1}
YEAR=${YEAR:-2026}
command -v valgrind >/dev/null || { echo "bench/instructions.sh: needs valgrind (Debian package valgrind)" >&2; exit 2; }
district=$WORK/files-$needs
if [ ! -f "$district/.done" ]; then
  rm -rf "$district"
  python3 "$HERE/gen_district.py" --seed "$SEED" --needs "$needs" --layout files --out "$district" >/dev/null
  touch "$district/.done"
fi
count() {  # count SVCORG COMMAND: instructions of one cold run
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" "$2" "$district" --year "$YEAR" \
    --as-of "$YEAR-12-31" --no-cache --jobs 1 -q >/dev/null 2>"$out" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out"
  rm -f "$out"
}
echo "district: $needs needs (seed $SEED), $YEAR as of $YEAR-12-31, cold, --jobs 1"
printf '%-9s %16s %16s %9s\n' command old new change
for cmd in validate score; do
  a=$(count "$old" "$cmd")
  b=$(count "$new" "$cmd")
  printf '%-9s %16s %16s %+8.2f%%\n' "$cmd" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN {print (b - a) * 100 / a}')"
done
