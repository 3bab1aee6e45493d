#!/usr/bin/env bash
# Proves the arcade's network isolation from inside the CTs. Run as root on the Proxmox node, after copying the
# generated firewall files to /etc/pve/firewall/ and starting the CTs you want checked:
#
#   deploy/proxmox/check-isolation.sh deploy/out/proxmox/isolation-probes.tsv
#
# Each line of the probe list (written by `npm run deploy:config`) is one TCP connect made with `pct exec` from a
# CT: flows the design needs must connect ("open"), every other direction must not ("closed"; its target really
# listens, so a refusal is the firewall's). Prints a table; exits 1 if any probe disagrees, 0 otherwise. Probes
# from or to a stopped CT are listed as "not checked". Environment: PROBE_TIMEOUT seconds per connect [3].
set -euo pipefail

die() { echo "check-isolation: $*" >&2; exit 2; }

[ $# -eq 1 ] || die "usage: $0 deploy/out/proxmox/isolation-probes.tsv"
PROBES="$1"
[ -f "$PROBES" ] || die "$PROBES does not exist: run 'npm run deploy:config' and copy deploy/out to the node"
TIMEOUT="${PROBE_TIMEOUT:-3}"
[[ "$TIMEOUT" =~ ^[0-9]+$ ]] || die "PROBE_TIMEOUT must be whole seconds (got $TIMEOUT)"
command -v pct >/dev/null || die "pct not found: run this on a Proxmox VE node"

if command -v pve-firewall >/dev/null && ! pve-firewall status 2>/dev/null | grep -q "enabled/running"; then
  echo "check-isolation: warning: 'pve-firewall status' does not say enabled/running: enable the datacenter firewall (docs/deploy.md §8)" >&2
fi

declare -A running=()
is_running() {
  local vmid="$1"
  if [ -z "${running[$vmid]:-}" ]; then
    if [ "$(pct status "$vmid" 2>/dev/null | awk '{print $2}')" = running ]; then running[$vmid]=yes; else running[$vmid]=no; fi
  fi
  [ "${running[$vmid]}" = yes ]
}

# bash's /dev/tcp: every Debian CT has bash, not every one has curl or nc.
probe() {
  local from="$1" host="$2" port="$3"
  if pct exec "$from" -- timeout "$TIMEOUT" bash -c "exec 3<>/dev/tcp/$host/$port" >/dev/null 2>&1; then echo open; else echo closed; fi
}

failures=0
unchecked=0
printf '%-7s %-7s %-21s %-7s %-7s %-13s %s\n' FROM TO TARGET EXPECT GOT RESULT WHAT
while IFS=$'\t' read -r from to host port expect what; do
  case "$from" in ''|'#'*) continue ;; esac
  [[ "$from" =~ ^[0-9]+$ && "$port" =~ ^[0-9]+$ && "$host" =~ ^[0-9a-fA-F.:]+$ ]] || die "bad probe line: $from $to $host $port"
  [[ "$expect" = open || "$expect" = closed ]] || die "bad expectation '$expect' for $from → $host:$port"
  got="-"
  if ! is_running "$from"; then
    result="not checked"; what="$what (CT$from stopped)"; unchecked=$((unchecked + 1))
  elif [ "$to" != "-" ] && ! is_running "$to"; then
    result="not checked"; what="$what (CT$to stopped)"; unchecked=$((unchecked + 1))
  else
    got="$(probe "$from" "$host" "$port")"
    if [ "$got" = "$expect" ]; then result="ok"; else result="FAIL"; failures=$((failures + 1)); fi
  fi
  target_ct="-"; [ "$to" = "-" ] || target_ct="CT$to"
  printf '%-7s %-7s %-21s %-7s %-7s %-13s %s\n' "CT$from" "$target_ct" "$host:$port" "$expect" "$got" "$result" "$what"
done <"$PROBES"

echo
if [ "$failures" -gt 0 ]; then
  echo "$failures probe(s) disagree with the design: check /etc/pve/firewall/<vmid>.fw, firewall=1 on every NIC, and the datacenter firewall."
  exit 1
fi
if [ "$unchecked" -gt 0 ]; then
  echo "Every checked probe agrees with the design; $unchecked not checked: start those CTs and run again."
else
  echo "Every probe agrees with the design."
fi
