#!/usr/bin/env bash
# The HTML reports in a real browser: headless Chromium, with the network off, renders
# `svcorg report --format html` of the example district (every scope, both languages, and
# the 2026 district report) to an A4 PDF and a 1200x1600 PNG screenshot. Checks: the page
# made no network request (Chromium's net log: no request but Chromium's own background
# ones, which fail offline), the PDF is A4 with at least one page, and its text holds the
# report's title (in Chinese too: Noto Sans CJK SC, fonts-noto-cjk, must be installed).
# Prints the page count of each report; a `--brief` report (brief*) may take at most 4.
#
# Usage: report_browser.sh SVCORG OUT_DIR
# OUT_DIR gets the HTML, PDF and PNG files and pages.txt (`make report-images` copies the
# PNGs to docs/images/). Without chromium, the font or poppler-utils (pdfinfo, pdftotext)
# the test is skipped (exit 77, CTest's SKIP_RETURN_CODE); `make test` installs them
# (`make deps-browser`).
set -euo pipefail
svcorg=$(realpath "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
for tool in "$chromium" pdfinfo pdftotext fc-list; do
  if [ -z "$tool" ] || ! command -v "$tool" >/dev/null; then
    echo "SKIP: ${tool:-chromium} is not installed; \`make deps-browser\` (run by \`make test\`) installs chromium, fonts-noto-cjk and poppler-utils"
    exit 77
  fi
done
# The font the style sheet names first: without it Chinese falls back to whatever is there.
fonts=$(fc-list : family)
if [[ $fonts != *"Noto Sans CJK SC"* ]]; then
  echo "SKIP: the font Noto Sans CJK SC is not installed; \`make deps-browser\` installs fonts-noto-cjk"
  exit 77
fi
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The network off: a new network namespace (only a loopback, down) when this user may make
# one; else every host name unresolvable and every connection sent to a closed port.
if unshare -n true 2>/dev/null; then
  offline=(unshare -n)
  offline_flags=()
  echo "network: off (unshare -n)"
else
  offline=()
  offline_flags=("--host-resolver-rules=MAP * ~NOTFOUND" "--proxy-server=127.0.0.1:9")
  echo "network: host names unresolvable, proxy 127.0.0.1:9 (unshare -n is not allowed here)"
fi

fail=0
# Runs Chromium on $1 (an HTML file) with more arguments; its net log goes to $tmp/net.json.
browse() {
  local page=$1
  shift
  rm -rf "$tmp/profile" "$tmp/net.json"
  # As root (CI) Chromium runs only without its sandbox; shared memory in /tmp, for roots
  # whose /dev/shm is not writable.
  "${offline[@]}" "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --no-first-run --no-default-browser-check --disable-extensions --disable-background-networking \
    --disable-sync --disable-component-update --user-data-dir="$tmp/profile" --log-net-log="$tmp/net.json" \
    "${offline_flags[@]}" "$@" "file://$page" >"$tmp/chromium.log" 2>&1 || {
    echo "FAIL: chromium $* $page exited $?:"
    tail -20 "$tmp/chromium.log"
    return 1
  }
  # A request the page made has the page as its initiator; Chromium's own (updates, time)
  # have none ("not an origin").
  python3 - "$tmp/net.json" <<'PY' || return 1
import json, sys
log = json.load(open(sys.argv[1]))
start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
page = [e["params"]["url"] for e in log["events"]
        if e["type"] == start and "url" in e.get("params", {})
        and e["params"].get("initiator") != "not an origin"]
if page:
    print("FAIL: the page made network requests:", *page, sep="\n  ")
    sys.exit(1)
PY
}

printf '%-28s %s\n' report "A4 pages" >"$out/pages.txt"
while read -r name scope lang dates; do
  html=$tmp/$name.html
  # shellcheck disable=SC2086  # $dates is two options and their values
  (cd "$here/.." && "$svcorg" report examples $dates --scope "$scope" --lang "$lang" --format html -o "$html" -q)
  cp "$html" "$out/$name.html"
  if ! browse "$html" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf"; then fail=1; continue; fi
  pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$out/$name.pdf" | sed -n 's/^Page size: *//p')
  if [ "${pages:-0}" -lt 1 ] || [[ $size != *"(A4)"* ]]; then
    echo "FAIL: $name.pdf: $pages pages of $size, not at least one A4 page"
    fail=1
  fi
  title=$(sed -n 's:.*<h1>\([^<]*\).*:\1:p' "$html" | head -1 | sed 's/&amp;/\&/g')
  text=$(pdftotext "$out/$name.pdf" - | tr -s ' \n' ' ')
  if [[ $text != *"${title%%:*}"* ]]; then
    echo "FAIL: $name.pdf does not show the title \"$title\""
    fail=1
  fi
  # The brief is for a meeting pack: issue 22 holds it to 4 A4 pages.
  if [[ $name == brief* ]] && [ "${pages:-0}" -gt 4 ]; then
    echo "FAIL: $name.pdf: $pages A4 pages, more than the 4 a brief may take"
    fail=1
  fi
  printf '%-28s %s\n' "$name" "$pages" >>"$out/pages.txt"
  if [ "$dates" = "--year 2025" ]; then
    browse "$html" --screenshot="$out/report-$name.png" --window-size=1200,1600 || fail=1
  fi
done <<'REPORTS'
district           district          en    --year 2025
district.zh-CN     district          zh-CN --year 2025
street             street:nanjingxi  en    --year 2025
street.zh-CN       street:nanjingxi  zh-CN --year 2025
branch             branch:meiliyuan  en    --year 2025
branch.zh-CN       branch:meiliyuan  zh-CN --year 2025
district-2026.zh-CN district         zh-CN --year 2026 --as-of 2026-11-26
brief              district          en    --year 2025 --brief
brief.zh-CN        district          zh-CN --year 2025 --brief
brief-2026.zh-CN   district          zh-CN --year 2026 --as-of 2026-11-26 --brief
brief-street.zh-CN street:nanjingxi  zh-CN --year 2025 --brief
REPORTS
cat "$out/pages.txt"
exit $fail
