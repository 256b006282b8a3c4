# Clean Debian 12 roots for the tests of tests/fresh/ (sourced, not run).
#
#   fresh_tarball           prints the cached minimal bookworm root tarball, building it
#                           with mmdebstrap when today's is missing
#   fresh_root DIR          unpacks a fresh copy of it into DIR, mounts /proc, /sys and /dev
#                           (bind) there and copies /etc/resolv.conf; fresh_cleanup, run by
#                           the EXIT trap, unmounts them and removes DIR
#   in_root DIR CMD...      runs CMD as root inside DIR (bash -c, HOME=/root, a clean PATH)
#
# The root has only what a new machine has: Debian's minbase, make and git. Its apt sources
# are Debian's own mirrors, named here, never the host's lists (which may hold other
# vendors' repositories).
set -euo pipefail

FRESH_DIR=${FRESH_DIR:-build/fresh}
FRESH_MIRRORS=(
  "deb http://deb.debian.org/debian bookworm main"
  "deb http://deb.debian.org/debian bookworm-updates main"
  "deb http://deb.debian.org/debian-security bookworm-security main"
)
FRESH_ROOTS=()

say() { printf '\n==> %s\n' "$*"; }

fresh_tarball() {
  local tarball
  tarball="$FRESH_DIR/bookworm-minbase-make-git-$(date -u +%Y%m%d).tar"
  if [ ! -s "$tarball" ]; then
    mkdir -p "$FRESH_DIR"
    rm -f "$FRESH_DIR"/bookworm-minbase-make-git-*.tar
    say "building a minimal Debian 12 root (mmdebstrap, minbase + make + git): $tarball" >&2
    mmdebstrap --quiet --format=tar --variant=minbase --include=make,git bookworm "$tarball.part" "${FRESH_MIRRORS[@]}" >&2
    mv "$tarball.part" "$tarball"
  fi
  printf '%s\n' "$tarball"
}

fresh_root() {
  local root=$1 tarball
  tarball=$(fresh_tarball)
  rm -rf "$root"
  mkdir -p "$root"
  FRESH_ROOTS+=("$root")
  tar -C "$root" -xf "$tarball"
  mount -t proc proc "$root/proc"
  mount -t sysfs sysfs "$root/sys"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}

fresh_mounts() {
  awk -v r="$(realpath "$1")" '$2 == r || index($2, r "/") == 1 {print $2}' /proc/mounts | sort -r
}

# Unmounts what is mounted under root $1, then removes it (unless FRESH_KEEP is set).
fresh_cleanup_one() {
  local root=$1 m
  [ -d "$root" ] || return 0
  # Every mount under the root, deepest first; the root is removed only when none is left
  # (and never across file systems), so the host's /dev is never touched.
  for m in $(fresh_mounts "$root"); do
    umount "$m" || umount -l "$m" || true
  done
  if [ -n "$(fresh_mounts "$root")" ]; then
    echo "fresh: still mounted under $root, not removing it" >&2
  elif [ -n "${FRESH_KEEP:-}" ]; then
    echo "fresh: kept $root (FRESH_KEEP)"
  else
    rm -rf --one-file-system "$root"
  fi
}

fresh_cleanup() {
  local root
  for root in "${FRESH_ROOTS[@]}"; do fresh_cleanup_one "$root"; done
}
trap fresh_cleanup EXIT
trap 'exit 130' INT TERM

# Seconds since $1 (a `date +%s`), for the timings the tests print.
since() { echo $(( $(date +%s) - $1 )); }

in_root() {
  local root=$1
  shift
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -euo pipefail -c "$*"
}
