#!/usr/bin/env bash
# `make test-deb`: the package `make deb` built ($1: its build folder), installed with apt-get
# on a clean Debian 12 root (tests/fresh/root.sh), which must pull its Depends from Debian;
# then `svcorg --version`, `svcorg validate` on the example district (copied in), and the
# man pages and completions where Debian looks for them.
# Run as root from the repository. FRESH_KEEP=1 keeps the root.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/fresh/root.sh

debs=("${1:?usage: test-deb.sh DEB-BUILD-FOLDER}"/svcorg_*_*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: not one svcorg_*.deb in $1: ${debs[*]}" >&2; exit 1; }
deb=${debs[0]}
name=$(basename "$deb")
start=$(date +%s)

say "the package: $name"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libc6 libstdc++6 libyaml-0-2 libutf8proc2 libxxhash0 libxlsxwriter4 libsqlite3-0 libpq5; do
  grep -q "\\b$lib\\b" <<<"$depends" || { echo "FAIL: Depends does not name $lib: $depends" >&2; exit 1; }
done
[ "$name" = "svcorg_$(dpkg-deb --field "$deb" Version)_$(dpkg-deb --field "$deb" Architecture).deb" ] ||
  { echo "FAIL: $name is not named svcorg_VERSION_ARCH.deb" >&2; exit 1; }

root=$FRESH_DIR/root-test-deb
fresh_root "$root"
cp "$deb" "$root/tmp/"
cp -a examples "$root/tmp/examples"

say "apt-get install ./$name (in a fresh root)"
in_root "$root" "cd /tmp && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./$name"

say "svcorg in the root"
in_root "$root" "command -v svcorg && svcorg --version"
version=$(in_root "$root" "svcorg --version")
[[ $version =~ ^svcorg\ [0-9.]+\ \(commit\ [0-9a-f]{7,}\)$ ]] ||
  { echo "FAIL: svcorg --version says '$version'" >&2; exit 1; }
in_root "$root" "svcorg validate /tmp/examples"
in_root "$root" "svcorg score /tmp/examples --year 2025 >/tmp/scores.txt && head -4 /tmp/scores.txt"
for f in /usr/share/man/man1/svcorg.1 /usr/share/man/man1/svcorg-validate.1 \
         /usr/share/bash-completion/completions/svcorg /usr/share/zsh/site-functions/_svcorg; do
  [ -s "$root$f" ] || { echo "FAIL: the package installed no $f" >&2; exit 1; }
  echo "installed: $f"
done
say "test-deb passed: $name installs from Debian and runs ($(since "$start") s)"
