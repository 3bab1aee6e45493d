#!/usr/bin/env bash
# `pveum` for a running sim/proxmox: put this file on PATH under the name pveum, and scripts written for a Proxmox
# node (deploy/proxmox/setup-token.sh) change the sim's users, tokens, roles, pools and ACLs instead.
#   PVE_SIM_URL  the sim's URL, e.g. https://127.0.0.1:8006
#   PVE_SIM_CA   its CA file (curl verifies the sim with it)
# Prints what pveum would print; on a refusal prints pveum's error to stderr and exits 255, like pveum.
set -euo pipefail
: "${PVE_SIM_URL:?PVE_SIM_URL must name the simulator, e.g. https://127.0.0.1:8006}"
form=()
for arg in "$@"; do form+=(--data-urlencode "arg=$arg"); done
body="$(mktemp)"
trap 'rm -f "$body"' EXIT
status="$(curl --silent --show-error -X POST -o "$body" -w '%{http_code}' ${PVE_SIM_CA:+--cacert "$PVE_SIM_CA"} "${form[@]}" "$PVE_SIM_URL/__sim/pveum")"
if [ "$status" = 200 ]; then
  cat "$body"
else
  cat "$body" >&2
  exit 255
fi
