#!/usr/bin/env bash
# Seeds for the fuzz targets from the example district and the rule fixtures:
#   fuzz/make_corpus.sh OUT   writes OUT/load/ (one YAML file each) and OUT/pipeline/
#   (small trees: files joined by NUL bytes, as fuzz_pipeline splits them).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: make_corpus.sh OUT}"
mkdir -p "$out/load" "$out/pipeline"
i=0
while IFS= read -r -d '' f; do
  cp "$f" "$out/load/seed-$i.yaml"; i=$((i + 1))
done < <(find "$root/examples" "$root/tests/fixtures" -name '*.y*ml' -size -64k -print0 | sort -z)
# Pipeline seeds: each fixture folder as one tree; the example district with a few branches.
j=0
for d in "$root"/tests/fixtures/rules/*/; do
  files=$(find "$d" -name '*.y*ml' | sort | head -8)
  [ -n "$files" ] || continue
  first=1
  for f in $files; do
    if [ $first = 0 ]; then printf '\0'; fi
    cat "$f"; first=0
  done > "$out/pipeline/seed-$j"
  j=$((j + 1))
done
district=$(find "$root/examples" -name 'district.yaml' | head -1)
if [ -n "$district" ]; then
  { cat "$district"
    for f in $( (find "$root/examples/branches" -name '*.yaml' | sort | head -2
                 find "$root/examples/needs" -name '*.yaml' | sort | head -2
                 find "$root/examples/plans" -name '*.yaml' | sort | head -1
                 find "$root/examples/platforms" -name '*.yaml' | sort | head -2) ); do
      printf '\0'; cat "$f"
    done
  } > "$out/pipeline/seed-examples"
fi
echo "fuzz corpus: $i load seeds, $((j + 1)) pipeline seeds in $out"
