#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS:
#   fuzz/run.sh SECONDS [BUILD_DIR]
# The corpus grows in BUILD_DIR/corpus/<target>; crashes are written to BUILD_DIR/artifacts
# and make the script fail.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:?usage: fuzz/run.sh SECONDS [BUILD_DIR]}"
build="${2:-$root/build-fuzz}"
jobs="${JOBS:-2}"
# A build folder configured already (`make test-sanitize` makes build-san with the tests
# and the fuzz targets) is used as it is.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DSVCORG_FUZZ=ON -DSVCORG_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"$jobs" --target fuzz_load fuzz_pipeline fuzz_escape
seeds="$build/seeds"
rm -rf "$seeds"
"$root/fuzz/make_corpus.sh" "$seeds"
mkdir -p "$build/artifacts"
status=0
for target in load pipeline escape; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  echo "== fuzz_$target for ${seconds}s"
  # -rss_limit_mb and -timeout make memory or time blow-ups findings too.
  rc=0
  dict="$root/fuzz/svcorg.dict" max_len=65536
  # fuzz_escape: Markdown/HTML dictionary; it skips inputs over 4096 bytes.
  if [ "$target" = escape ]; then dict="$root/fuzz/markdown.dict" max_len=4096; fi
  "$build/fuzz/fuzz_$target" "$corpus" "$seeds/$target" -dict="$dict" \
      -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 >"$build/fuzz_$target.log" 2>&1 || rc=$?
  grep -E 'INITED|DONE|ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss' "$build/fuzz_$target.log" || true
  if [ "$rc" != 0 ]; then echo "fuzz_$target found a problem (exit $rc): see $build/fuzz_$target.log"; status=1; fi
done
exit $status
