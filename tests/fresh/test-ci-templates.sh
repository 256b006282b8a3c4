#!/usr/bin/env bash
# `make test-ci-templates`: the jobs of the CI files `svcorg init` writes, each template on
# a clean Debian 12 root (tests/fresh/root.sh), in a new records repository made by the
# svcorg given ($1, the one just built). SVCORG_GIT_URL points at a bare clone of this
# repository's HEAD inside the root (file://), SVCORG_REF at its branch. For each file:
#   the merge-request job (GitLab: default.before_script + script; GitHub: its run: steps)
#   must install the packages, build and install svcorg, and pass its gate (exit 0);
#   the year-end job (its steps that are not the installation, already run) must run
#   `svcorg score` and print the scores: exit 0 or 1 (under the threshold) as they decide.
# Run as root from the repository. FRESH_KEEP=1 keeps the roots.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/fresh/root.sh

svcorg=$(realpath "${1:?usage: test-ci-templates.sh PATH-TO-SVCORG}")
head=$(git rev-parse HEAD)
short=$(git rev-parse --short HEAD)
ref=$(git symbolic-ref --quiet --short HEAD || echo fresh-test)
work=$FRESH_DIR/ci-templates
start=$(date +%s)

say "a records repository from $("$svcorg" --version), and a bare clone of $short ($ref)"
rm -rf "$work"
mkdir -p "$work"
"$svcorg" init -q "$work/records"
git -C "$work/records" init -q
git -C "$work/records" add -A
git -C "$work/records" -c user.name=svcorg-test -c user.email=test@example.org -c commit.gpgsign=false \
  commit -q -m "svcorg init"
git clone --quiet --bare "$PWD" "$work/svcorg.git"
git -C "$work/svcorg.git" update-ref "refs/heads/$ref" "$head"

# $1 gitlab|github, $2 the CI file, $3 the merge-request job, $4 the year-end job.
check_template() {
  local kind=$1 file=$2 mr_job=$3 year_job=$4 root t rc
  root=$FRESH_DIR/root-ci-$kind
  say "$kind: $file in a fresh root"
  fresh_root "$root"
  cp -a "$work/svcorg.git" "$root/srv/svcorg.git"
  mkdir -p "$root/builds"
  cp -a "$work/records" "$root/builds/records"
  python3 tests/fresh/ci_steps.py "$kind" "$work/records/$file" "$mr_job" >"$root/tmp/merge-request.sh"
  python3 tests/fresh/ci_steps.py "$kind" "$work/records/$file" "$year_job" --except "$mr_job" >"$root/tmp/year-end.sh"
  # GitHub's runner gives a job (in its debian:12 container, as root) a temporary folder.
  local env="export SVCORG_GIT_URL=file:///srv/svcorg.git SVCORG_REF=$ref"
  if [ "$kind" = github ]; then
    env="$env RUNNER_TEMP=/tmp/runner GITHUB_WORKSPACE=/builds/records; mkdir -p /tmp/runner"
  fi

  say "$kind: job $mr_job (installs, builds, installs svcorg, then its gate)"
  t=$(date +%s)
  in_root "$root" "$env; cd /builds/records && bash /tmp/merge-request.sh"
  echo "$kind: $mr_job passed after $(since "$t") s"
  local version
  version=$(in_root "$root" "svcorg --version")
  [ "$version" = "$("$svcorg" --version | sed 's/(commit .*)/(commit '"$short"')/')" ] ||
    { echo "FAIL: the installed svcorg says '$version', not the version and commit $short" >&2; exit 1; }
  echo "$kind: installed $(in_root "$root" "command -v svcorg"): $version"
  if [ "$kind" = gitlab ]; then
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert isinstance(r, list), r; print(f"gitlab: Code Quality report, {len(r)} findings")' \
      "$root/builds/records/gl-code-quality-report.json"
  fi

  say "$kind: job $year_job (its steps after the installation)"
  set +e
  in_root "$root" "$env; cd /builds/records && bash /tmp/year-end.sh" | tee "$root/tmp/year-end.out"
  rc=${PIPESTATUS[0]}
  set -e
  grep -q "^svcorg: the scores of $(date +%Y)" "$root/tmp/year-end.out" && [ "$(date +%m)" != 01 ] ||
    grep -q "^svcorg: the scores of $(( $(date +%Y) - 1 ))" "$root/tmp/year-end.out" ||
    { echo "FAIL: the year-end job did not say which year it scores" >&2; exit 1; }
  grep -q "hehua" "$root/tmp/year-end.out" || { echo "FAIL: the year-end job printed no scores" >&2; exit 1; }
  case $rc in
    0) echo "$kind: $year_job ran: every branch at or over the threshold (exit 0)" ;;
    1) echo "$kind: $year_job ran: a branch under the threshold (exit 1)" ;;
    *) echo "FAIL: $year_job exited $rc" >&2; exit 1 ;;
  esac
  fresh_cleanup_one "$root"
}

# TEMPLATES="gitlab github" by default; one of them to check only that file.
for kind in ${TEMPLATES:-gitlab github}; do
  case $kind in
    gitlab) check_template gitlab .gitlab-ci.yml svcorg-validate svcorg-year-end ;;
    github) check_template github .github/workflows/svcorg.yml validate year-end ;;
    *) echo "test-ci-templates: no CI file $kind (TEMPLATES: gitlab, github)" >&2; exit 2 ;;
  esac
done
[ -n "${FRESH_KEEP:-}" ] || rm -rf "$work"
say "test-ci-templates passed in $(since "$start") s"
