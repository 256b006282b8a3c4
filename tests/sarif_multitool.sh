#!/usr/bin/env bash
# svcorg's SARIF through Microsoft's SARIF validator (Sarif.Multitool, the npm package
# @microsoft/sarif-multitool-linux: a self-contained binary that runs offline) with the
# rules that stand for GitHub code scanning's ingestion enabled (GH1xxx, among them GH1006:
# no absolute file: URI GitHub cannot place), on a clean run, runs with findings (relative
# and absolute inputs, from inside and outside the inputs' folder, Chinese file names and
# spaces) and a failed run. Any error or warning fails the test.
#
# Usage: sarif_multitool.sh SVCORG INSTALL_DIR
# INSTALL_DIR is where `make test-sarif-multitool` installs the validator (npm --prefix);
# without it the test is skipped (exit 77, CTest's SKIP_RETURN_CODE).
set -euo pipefail
svcorg=$1
tool=$2/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$tool" ]; then
  echo "SKIP: Microsoft's SARIF validator is not installed in $2; run \`make test-sarif-multitool\` to install it and run this test"
  exit 77
fi
# The validator is a .NET program: no ICU needed (svcorg's SARIF is ASCII JSON), no telemetry.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/sarif
mkdir -p "$out" "$tmp/elsewhere"

# Runs svcorg in folder $1 with the other arguments, SARIF to $out/$2, and checks the exit code $3.
run() {
  local dir=$1 name=$2 want=$3
  shift 3
  local code=0
  (cd "$dir" && "$svcorg" validate --as-of 2026-12-31 --format sarif "$@" >"$out/$name" 2>"$tmp/stderr") || code=$?
  if [ "$code" != "$want" ]; then
    echo "FAIL: svcorg validate $* (in $dir) exited $code, not $want"
    exit 1
  fi
}

# A clean repository: what `svcorg init` writes validates with no finding.
"$svcorg" init "$tmp/repo" >/dev/null
run "$tmp/repo" clean.sarif 0 --strict .

# Findings, in files with Chinese names in a folder with a space: a need naming no branch
# (reference, waived inline: a suppression), a duplicate id (with a related location),
# schema errors.
mkdir -p "$tmp/repo/needs/2026 补充"
sed -e 's/^branch: hehua$/# svcorg-ignore reference reason="待核实"\nbranch: nobody/' \
  "$tmp/repo/needs/2026/hehua.yaml" >"$tmp/repo/needs/2026 补充/荷花 补充.yaml"
printf 'apiVersion: svcorg/v1\nkind: Need\nid: x\nbranch: hehua\n' >"$tmp/repo/needs/2026 补充/不完整.yaml"
run "$tmp/repo" findings-relative.sarif 1 .
run "$tmp/repo" findings-absolute-inside.sarif 1 "$tmp/repo"
run "$tmp/elsewhere" findings-absolute-outside.sarif 1 "$tmp/repo"
run "$tmp/elsewhere" findings-absolute-files.sarif 1 "$tmp/repo/needs" "$tmp/repo/branches/hehua.yaml"

# A run that cannot complete: a path that does not exist.
run "$tmp/repo" failed.sarif 2 . no/such

if ! "$tool" validate --config "$here/data/sarif-multitool-github.xml" --rule-kind "Sarif;Gh;Ghas" \
  --log ForceOverwrite --output "$tmp/validation.sarif" "$out"/*.sarif >"$tmp/validator.log" 2>&1; then
  cat "$tmp/validator.log"
  echo "FAIL: the validator did not run"
  exit 1
fi

python3 - "$tmp/validation.sarif" "$out" <<'EOF'
import json, os, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
checked = sorted(os.listdir(sys.argv[2]))
problems = 0
for run in log["runs"]:
    for r in run.get("results", []):
        if r.get("level", "warning") in ("note", "none") or r.get("kind", "fail") != "fail":
            continue
        problems += 1
        where = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] if r.get("locations") else "?"
        print(f"{os.path.basename(where)}: {r.get('level', 'warning')} {r['ruleId']}: {r['message'].get('text', r['message'])}")
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            if n.get("level", "warning") in ("error", "warning"):
                problems += 1
                print(f"validator: {n.get('level', 'warning')}: {n['message']['text']}")
print(f"sarif-multitool: {len(checked)} SARIF files ({', '.join(checked)}), {problems} problems")
sys.exit(1 if problems else 0)
EOF
