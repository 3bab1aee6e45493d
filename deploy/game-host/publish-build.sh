#!/usr/bin/env bash
# Publishes a pygbag build into a game CT's web root. Run as root on the Proxmox node:
#
#   deploy/game-host/publish-build.sh VMID BUILD_DIR WEB_ROOT
#   e.g. publish-build.sh 2000 ~/Cartofia-game/build/web /var/www/games/cartofia
#
# BUILD_DIR is pygbag's build/web (from `pygbag --build --can_close 1 <game folder>`). The CT must be running.
# The new build is unpacked next to the old one and swapped in with two renames, so players never load a
# half-copied archive.
set -euo pipefail

die() { echo "publish-build: $*" >&2; exit 1; }

[ $# -eq 3 ] || die "usage: $0 VMID BUILD_DIR WEB_ROOT"
VMID="$1"; BUILD="$2"; ROOT="${3%/}"
[[ "$VMID" =~ ^[0-9]+$ ]] || die "VMID must be a number (got $VMID)"
[[ "$ROOT" =~ ^/[A-Za-z0-9._/-]+$ ]] || die "WEB_ROOT must be an absolute path such as /var/www/games/cartofia (got $3)"
[ -f "$BUILD/index.html" ] || die "$BUILD has no index.html: pass pygbag's build/web folder"
compgen -G "$BUILD/*.apk" >/dev/null || compgen -G "$BUILD/*.tar.gz" >/dev/null || die "$BUILD has no .apk or .tar.gz: was the build complete?"
[ "$(pct status "$VMID" | awk '{print $2}')" = running ] || die "CT $VMID is not running: pct start $VMID"

bundle="$(mktemp --suffix=.tar.gz)"
trap 'rm -f "$bundle"' EXIT
tar -C "$BUILD" -czf "$bundle" .
pct push "$VMID" "$bundle" /tmp/arcade-build.tar.gz

pct exec "$VMID" -- sh -eu -c "
  rm -rf '$ROOT.new' '$ROOT.old'
  mkdir -p '$ROOT.new'
  tar -C '$ROOT.new' --no-same-owner -xzf /tmp/arcade-build.tar.gz
  chmod -R a+rX '$ROOT.new'
  rm -f /tmp/arcade-build.tar.gz
  if [ -d '$ROOT' ]; then mv '$ROOT' '$ROOT.old'; fi
  mv '$ROOT.new' '$ROOT'
  rm -rf '$ROOT.old'
"
echo "Published $(ls "$BUILD" | tr '\n' ' ')to CT $VMID:$ROOT"
echo "Behind Cloudflare: purge the game's *.apk and *.tar.gz from the cache (Cloudflare caches them by extension)."
