#!/usr/bin/env bash
# Creates an unprivileged game-host CT on the games bridge vmbr2. Run as root on the Proxmox node.
#
#   deploy/proxmox/create-game-ct.sh VMID HOSTNAME IP        e.g. create-game-ct.sh 2000 cartofia 10.22.0.20
#
# Environment (defaults in brackets):
#   TEMPLATE   local:vztmpl/<name> [newest debian-*-standard in `pveam list local`]
#   STORAGE    rootfs storage [the only active one with content rootdir in `pvesm status`]
#   DISK_GB [4]    MEMORY_MB [256]    CORES [1]    BRIDGE [vmbr2]    PREFIX [24]    POOL [arcade]
#   GATEWAY    default route, only with "gameUpdates": true, e.g. GATEWAY=10.22.0.1 [none: the CT routes nowhere]
# The CT gets one NIC (net0) on vmbr2 with the Proxmox firewall flag on, joins the pool the portal's token may
# power, and does not start on boot: the portal starts it when someone presses Play. Its firewall file comes from
# `npm run deploy:config` (deploy/out/proxmox/firewall/<VMID>.fw).
set -euo pipefail

die() { echo "create-game-ct: $*" >&2; exit 1; }

[ $# -eq 3 ] || die "usage: $0 VMID HOSTNAME IP (e.g. $0 2000 cartofia 10.22.0.20)"
VMID="$1"; NAME="$2"; IP="${3%/*}"
DISK_GB="${DISK_GB:-4}"; MEMORY_MB="${MEMORY_MB:-256}"; CORES="${CORES:-1}"
BRIDGE="${BRIDGE:-vmbr2}"; PREFIX="${PREFIX:-24}"; GATEWAY="${GATEWAY:-}"; POOL="${POOL:-arcade}"

[[ "$VMID" =~ ^[0-9]+$ ]] && [ "$VMID" -ge 100 ] || die "VMID must be a number from 100 up (got $VMID)"
[[ "$NAME" =~ ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ ]] || die "HOSTNAME must be lower-case letters, digits and '-' (got $NAME)"
[[ "$IP" =~ ^([0-9]{1,3}\.){3}[0-9]{1,3}$ ]] || die "IP must be an IPv4 address on $BRIDGE such as 10.22.0.20 (got $3)"
command -v pct >/dev/null || die "pct not found: run this on a Proxmox VE node"
[ -z "$GATEWAY" ] || [[ "$GATEWAY" =~ ^([0-9]{1,3}\.){3}[0-9]{1,3}$ ]] || die "GATEWAY must be an IPv4 address such as 10.22.0.1 (got $GATEWAY)"
if [ -z "${STORAGE:-}" ]; then
  # ZFS installs call it local-zfs, LVM ones local-lvm: take the one storage that holds CT disks, or ask.
  storages="$(pvesm status --content rootdir | awk 'NR > 1 && $3 == "active" {print $1}')"
  [ "$(wc -w <<<"$storages")" -eq 1 ] || die "choose the rootfs storage: STORAGE=<name> $0 $* (active storages for CT disks: $(echo $storages))"
  STORAGE="$storages"
fi
if pct status "$VMID" >/dev/null 2>&1; then
  die "CT $VMID already exists: pick another VMID or remove it with 'pct destroy $VMID'"
fi

if [ -z "${TEMPLATE:-}" ]; then
  TEMPLATE="$(pveam list local | awk '{print $1}' | grep -E 'debian-[0-9]+-standard' | sort -V | tail -n 1 || true)"
  [ -n "$TEMPLATE" ] || die "no Debian template in 'local': run 'pveam update', 'pveam available --section system', then 'pveam download local debian-12-standard_<ver>_amd64.tar.zst'"
fi

pools="$(pveum pool list --output-format json)"
if ! grep -q "\"poolid\":\"$POOL\"" <<<"$pools"; then
  pveum pool add "$POOL" --comment "Cartofia Arcade game CTs"
fi

net0="name=eth0,bridge=$BRIDGE,ip=$IP/$PREFIX,firewall=1"
[ -z "$GATEWAY" ] || net0="$net0,gw=$GATEWAY"
echo "Creating CT $VMID ($NAME, $IP/$PREFIX on $BRIDGE, rootfs on $STORAGE) from $TEMPLATE"
pct create "$VMID" "$TEMPLATE" \
  --hostname "$NAME" \
  --unprivileged 1 \
  --features nesting=1 \
  --cores "$CORES" --memory "$MEMORY_MB" --swap "$MEMORY_MB" \
  --rootfs "$STORAGE:$DISK_GB" \
  --net0 "$net0" \
  --tags "arcade" \
  --pool "$POOL" \
  --onboot 0

cat <<NEXT
CT $VMID created. Next (docs/deploy.md, "Game hosts"):
  1. pct start $VMID   (no route out: to install nginx, add a temporary NIC first, docs/deploy.md §3)
  2. pct push $VMID deploy/out/game-hosts/ct$VMID/nginx.conf /root/arcade-nginx.conf
     pct push $VMID deploy/game-host/install.sh /root/install.sh
     pct exec $VMID -- bash /root/install.sh /root/arcade-nginx.conf
  3. deploy/game-host/publish-build.sh $VMID <path to build/web> <web root from deploy/out/README.md>
  4. cp deploy/out/proxmox/firewall/$VMID.fw /etc/pve/firewall/   (regenerate first if the game is new)
NEXT
