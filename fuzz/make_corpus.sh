#!/usr/bin/env bash
# Seeds for the fuzz targets from the example district and the rule fixtures:
#   fuzz/make_corpus.sh OUT   writes OUT/load/ (one YAML file each) and OUT/pipeline/
#   (small trees: files joined by NUL bytes, as fuzz_pipeline splits them), and OUT/escape/
#   (one piece of user text each, for fuzz_escape: ~200 names, summaries, titles and notes
#   from examples/ plus hand-written Markdown/HTML injection cases), and OUT/cache/ (the
#   parse cache entries of examples/ and the rule fixtures, as fuzz_cache reads them: the
#   first section's length, the first section, the second), when SVCORG names a built svcorg.
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
# A district with no errors, so the seeds reach scoring and the report: what `svcorg init`
# writes (its District first), when SVCORG names a built svcorg.
if [ -n "${SVCORG:-}" ] && [ -x "$SVCORG" ]; then
  tmp=$(mktemp -d)
  "$SVCORG" init "$tmp/d" >/dev/null
  { cat "$tmp/d/district.yaml"
    for f in $(find "$tmp/d" -name '*.yaml' ! -name district.yaml ! -name '.*' | sort); do printf '\0'; cat "$f"; done
  } > "$out/pipeline/seed-init"
  rm -rf "$tmp"
fi
# Cache seeds: the entries a run writes, without their header.
mkdir -p "$out/cache"
if [ -n "${SVCORG:-}" ] && [ -x "$SVCORG" ]; then
  tmp=$(mktemp -d)
  (cd "$root" && "$SVCORG" validate examples --as-of 2026-06-30 --cache-dir "$tmp" >/dev/null 2>&1) || true
  (cd "$root/tests/fixtures/rules" && "$SVCORG" validate . --as-of 2026-06-30 --cache-dir "$tmp" >/dev/null 2>&1) || true
  python3 - "$tmp" "$out/cache" <<'PY'
import os, struct, sys
src, dst = sys.argv[1], sys.argv[2]
for n, name in enumerate(sorted(f for f in os.listdir(src) if f.endswith('.svc'))):
    b = open(os.path.join(src, name), 'rb').read()
    first, _, second, _ = struct.unpack('<QQQQ', b[32:64])
    with open(os.path.join(dst, 'seed-%d' % n), 'wb') as out:
        out.write(struct.pack('<I', first) + b[64:64 + first + second])
PY
  rm -rf "$tmp"
fi
# Escape seeds: scalar text of name/title/summary/notes/description keys in examples/
# (quotes and YAML flow punctuation stripped; a rough cut is fine for seeds), then nasty cases.
mkdir -p "$out/escape"
k=0
while IFS= read -r line; do
  printf '%s' "$line" > "$out/escape/seed-$k"; k=$((k + 1))
done < <(grep -rhoE '(name|title|summary|notes|description): *[^,}]+' "$root/examples" --include='*.yaml' |
         sed -E 's/^[a-z]+: *//; s/^["'\'']//; s/["'\'']$//' | awk 'length > 0 && !seen[$0]++' | head -200)
nasty=('<script>alert(1)</script>' '| x' 'a | b' '*a*' '_a_' '**a**' '[a](b)' '![a](b)' '[a]: b'
       '`a`' '``' '```' 'a`b' 'http://x' 'https://x.org/a_b' 'www.x.com' 'a@b.co' '<http://x>'
       '1. x' '2) x' '- x' '+ x' '* x' '> x' '# x' '===' '---' '&amp;' '&#60;' '&copy;'
       '\\' 'trailing backslash \' '~~a~~' '~a~' ':-)' '<!-- c -->' '<img src=x onerror=alert(1)>'
       '    code' 'a  ' '   - x' '[ ] task' '[^1]' '美丽园 | 居民区 <b>加装电梯</b>'
       '静安区南京西路街道' '😀 emoji 👍🏽' $'line1\nline2' $'cr\r\nlf\rtab\tend' $'a\fb\v')
for s in "${nasty[@]}"; do printf '%s' "$s" > "$out/escape/seed-$k"; k=$((k + 1)); done
echo "fuzz corpus: $i load seeds, $((j + 1)) pipeline seeds, $k escape seeds, $(find "$out/cache" -type f | wc -l) cache seeds in $out"
