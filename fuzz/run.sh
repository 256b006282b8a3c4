#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS:
#   fuzz/run.sh SECONDS [BUILD_DIR]
# The targets run at the same time (each on one process; the kernel shares the cores), so
# the whole run takes about SECONDS. The corpus grows in BUILD_DIR/corpus/<target>; crashes
# are written to BUILD_DIR/artifacts and make the script fail. Env: TARGETS (default
# "load pipeline escape cache"), JOBS (build parallelism, default 2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:?usage: fuzz/run.sh SECONDS [BUILD_DIR]}"
build="${2:-$root/build-fuzz}"
jobs="${JOBS:-2}"
targets="${TARGETS:-load pipeline escape cache}"
# A build folder configured already (`make test-sanitize` makes build-san with the tests
# and the fuzz targets) is used as it is.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DSVCORG_FUZZ=ON -DSVCORG_TESTS=OFF >/dev/null
fi
build_targets=(svcorg_cli)
for t in $targets; do build_targets+=("fuzz_$t"); done
cmake --build "$build" -j"$jobs" --target "${build_targets[@]}"
seeds="$build/seeds"
rm -rf "$seeds"
SVCORG="$build/svcorg" "$root/fuzz/make_corpus.sh" "$seeds"
mkdir -p "$build/artifacts"

declare -A pids
for target in $targets; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  dict="$root/fuzz/svcorg.dict" max_len=65536
  # fuzz_escape: Markdown/HTML dictionary; it skips inputs over 4096 bytes.
  if [ "$target" = escape ]; then dict="$root/fuzz/markdown.dict" max_len=4096; fi
  # fuzz_cache: binary entries, no dictionary; an entry of a ledger file is ~50 KB.
  if [ "$target" = cache ]; then dict="" max_len=131072; fi
  dict_arg=()
  if [ -n "$dict" ]; then dict_arg=(-dict="$dict"); fi
  # -rss_limit_mb and -timeout make memory or time blow-ups findings too.
  "$build/fuzz/fuzz_$target" "$corpus" "$seeds/$target" "${dict_arg[@]}" \
      -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 >"$build/fuzz_$target.log" 2>&1 &
  pids[$target]=$!
done
echo "fuzzing ${targets// /, } for ${seconds}s each (logs: $build/fuzz_*.log)"
status=0
for target in $targets; do
  rc=0
  wait "${pids[$target]}" || rc=$?
  echo "== fuzz_$target"
  grep -E 'INITED|DONE|ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss' "$build/fuzz_$target.log" || true
  if [ "$rc" != 0 ]; then
    echo "fuzz_$target found a problem (exit $rc): see $build/fuzz_$target.log and $build/artifacts/"
    sed -n '/==ERROR\|runtime error\|Invariant\|violation/,+30p' "$build/fuzz_$target.log" | head -60
    status=1
  fi
done
exit $status
