#!/usr/bin/env bash
# Least-privilege Proxmox API token for the Cartofia Arcade portal (CT2100). Run as root on a Proxmox node.
#
#   deploy/proxmox/setup-token.sh [VMID...]      e.g. deploy/proxmox/setup-token.sh 2000 2201
#
# Creates (or brings up to date) a role with exactly VM.Audit + VM.PowerMgmt, the user arcade@pve, a pool holding
# the game CTs, a privilege-separated token, and ACLs for both the user and the token on /pool/<pool>: a privsep
# token's rights are the intersection of its own ACLs and its user's, so both need the role. A second, read-only
# role with Sys.Audit on /nodes lets the admin page show each node's CPU and memory (nothing else needs it).
# Safe to re-run: existing objects are kept, and the token secret is only printed when the token is created.
# Override names with ARCADE_ROLE, ARCADE_NODE_ROLE, ARCADE_USER, ARCADE_TOKEN, ARCADE_POOL.
set -euo pipefail

ROLE="${ARCADE_ROLE:-ArcadePower}"
NODE_ROLE="${ARCADE_NODE_ROLE:-ArcadeNodeAudit}"
USER_ID="${ARCADE_USER:-arcade@pve}"
TOKEN="${ARCADE_TOKEN:-portal}"
POOL="${ARCADE_POOL:-arcade}"
PRIVS="VM.Audit VM.PowerMgmt"
NODE_PRIVS="Sys.Audit"

die() { echo "setup-token: $*" >&2; exit 1; }

command -v pveum >/dev/null || die "pveum not found: run this on a Proxmox VE node"
[ "$(id -u)" -eq 0 ] || die "run as root (pveum needs it)"
for name in "$ROLE" "$NODE_ROLE"; do
  case "$name" in PVE*) die "custom role names may not start with PVE (got $name)";; esac
done
for vmid in "$@"; do
  [[ "$vmid" =~ ^[0-9]+$ ]] || die "not a CT id: $vmid (usage: $0 [VMID...])"
done

# pveum prints JSON on one line; look for the exact "key":"value" pair instead of depending on jq. The listing is
# captured first so an early grep exit cannot SIGPIPE pveum and, under pipefail, flip the answer.
has() { grep -q "\"$2\":\"$3\"" <<<"$1"; }

ensure_role() { # name privileges
  if has "$(pveum role list --output-format json)" roleid "$1"; then
    pveum role modify "$1" --privs "$2"
    echo "role $1: privileges set to $2"
  else
    pveum role add "$1" --privs "$2"
    echo "role $1: created with $2"
  fi
}
ensure_role "$ROLE" "$PRIVS"
ensure_role "$NODE_ROLE" "$NODE_PRIVS"

if has "$(pveum user list --output-format json)" userid "$USER_ID"; then
  echo "user $USER_ID: exists"
else
  pveum user add "$USER_ID" --comment "Cartofia Arcade portal (power + audit on pool $POOL)"
  echo "user $USER_ID: created (no password: it only acts through its token)"
fi

if has "$(pveum pool list --output-format json)" poolid "$POOL"; then
  echo "pool $POOL: exists"
else
  pveum pool add "$POOL" --comment "Cartofia Arcade game CTs"
  echo "pool $POOL: created"
fi

for vmid in "$@"; do
  # Adding a CT that is already a member fails; treat that as done and report anything else.
  if output="$(pveum pool modify "$POOL" --vms "$vmid" 2>&1)"; then
    echo "pool $POOL: added CT $vmid"
  elif grep -qi "already" <<<"$output"; then
    echo "pool $POOL: CT $vmid already a member"
  else
    die "could not add CT $vmid to pool $POOL: $output"
  fi
done

pveum acl modify "/pool/$POOL" --users "$USER_ID" --roles "$ROLE"
echo "acl /pool/$POOL: $USER_ID -> $ROLE"

secret=""
if has "$(pveum user token list "$USER_ID" --output-format json)" tokenid "$TOKEN"; then
  echo "token $USER_ID!$TOKEN: exists (its secret was shown once, when it was created)"
  echo "  to rotate it: pveum user token remove $USER_ID $TOKEN && $0 $*"
else
  created="$(pveum user token add "$USER_ID" "$TOKEN" --privsep 1 --comment "Cartofia Arcade portal" --output-format json)"
  secret="$(sed -n 's/.*"value":"\([^"]*\)".*/\1/p' <<<"$created")"
  [ -n "$secret" ] || die "token created but no secret found in: $created"
fi

pveum acl modify "/pool/$POOL" --tokens "$USER_ID!$TOKEN" --roles "$ROLE"
echo "acl /pool/$POOL: $USER_ID!$TOKEN -> $ROLE"

pveum acl modify /nodes --users "$USER_ID" --roles "$NODE_ROLE"
pveum acl modify /nodes --tokens "$USER_ID!$TOKEN" --roles "$NODE_ROLE"
echo "acl /nodes: $USER_ID and $USER_ID!$TOKEN -> $NODE_ROLE (read-only: node CPU and memory)"

echo
echo "Effective permissions of the token:"
pveum user token permissions "$USER_ID" "$TOKEN"

echo
echo "Put these in the portal's environment file on CT2100 (/etc/cartofia-arcade/portal.env):"
echo "  PROXMOX_TOKEN_ID=$USER_ID!$TOKEN"
if [ -n "$secret" ]; then
  echo "  PROXMOX_TOKEN_SECRET=$secret"
  echo "The secret is shown only now: store it before closing this terminal."
else
  echo "  PROXMOX_TOKEN_SECRET=<the secret saved when the token was created>"
fi
