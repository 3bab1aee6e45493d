#!/usr/bin/env bash
# Upgrades the portal (CT2100) or the bot (CT1000) to a tag, branch or commit, beside the running version, and
# rolls back by itself when the new version does not come up healthy. docs/upgrade.md explains every step.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/upgrade.sh portal|bot <tag, branch or commit> [options]     (as root, on the CT)

Backs up the portal's database, fetches the version, builds it in <releases>/<commit> (npm ci, and next build
for the portal) while the old one keeps serving, points <app-dir> at it, restarts the service and waits until it
is healthy. If it is not, it switches back (restoring the database if the new version had migrated it) and exits 1.

  --app-dir DIR        the folder the unit runs from (default /opt/cartofia-arcade); becomes a link to a release
  --releases DIR       where releases are built (default <app-dir>-releases)
  --repo URL           where to fetch from (default: the remote "origin" of the running checkout)
  --env-file FILE      the unit's EnvironmentFile (default /etc/cartofia-arcade/<portal|bot>.env)
  --service NAME       the systemd unit (default cartofia-portal or cartofia-bot)
  --user NAME          owner of the releases; runs git and npm (default arcade)
  --health-url URL     portal: answers 200 when up (default http://127.0.0.1:3000/api/health)
  --health-timeout S   portal: seconds to wait for it (default 120); bot: seconds it must stay up (default 20)
  --keep N             releases and upgrade backups kept, besides the running release and the one before (default 3)
  --systemctl CMD      a program with systemctl's start/stop/restart/is-active/show verbs (default systemctl)
EOF
}

say() { printf 'upgrade: %s\n' "$*"; }
die() {
  printf 'upgrade: %s\n' "$*" >&2
  exit 1
}

if [[ ${1:-} == -h || ${1:-} == --help ]]; then usage && exit 0; fi
ROLE=${1:-}
REF=${2:-}
if [[ $ROLE != portal && $ROLE != bot ]] || [[ -z $REF || $REF == -* ]]; then usage >&2 && exit 64; fi
shift 2

APP_DIR=/opt/cartofia-arcade
RELEASES=""
REPO_URL=""
ENV_FILE=/etc/cartofia-arcade/$ROLE.env
SERVICE=cartofia-$ROLE
RUN_AS=arcade
HEALTH_URL=http://127.0.0.1:3000/api/health
HEALTH_TIMEOUT=""
KEEP=3
SYSTEMCTL=systemctl
while (($#)); do
  [[ $# -ge 2 ]] || die "$1 needs a value (see --help)"
  case $1 in
    --app-dir) APP_DIR=${2%/} ;;
    --releases) RELEASES=${2%/} ;;
    --repo) REPO_URL=$2 ;;
    --env-file) ENV_FILE=$2 ;;
    --service) SERVICE=$2 ;;
    --user) RUN_AS=$2 ;;
    --health-url) HEALTH_URL=$2 ;;
    --health-timeout) HEALTH_TIMEOUT=$2 ;;
    --keep) KEEP=$2 ;;
    --systemctl) SYSTEMCTL=$2 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift 2
done
RELEASES=${RELEASES:-$APP_DIR-releases}
[[ $ROLE == portal ]] && HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120} || HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-20}
[[ $APP_DIR == /* && $RELEASES == /* ]] || die "--app-dir and --releases must be absolute paths"
[[ $HEALTH_TIMEOUT =~ ^[0-9]+$ && $KEEP =~ ^[0-9]+$ ]] || die "--health-timeout and --keep take whole numbers"

# This script's own release (resolved now: the link under APP_DIR moves while it runs) provides node_modules.
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
TSX=$SCRIPT_DIR/../node_modules/tsx/dist/cli.mjs
[[ -f $TSX ]] || die "$SCRIPT_DIR/../node_modules is missing: run npm ci in the checkout this script belongs to"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

# git and npm run as the service's user, so every file of a release belongs to it; HOME and the npm cache live
# beside the releases because that user's home may be the link this script moves.
USER_ENV=(HOME="$RELEASES/.home" npm_config_cache="$RELEASES/.npm-cache" npm_config_update_notifier=false
  npm_config_fund=false npm_config_audit=false NEXT_TELEMETRY_DISABLED=1)
if [[ $RUN_AS == "$(id -un)" ]]; then
  as_user() { env "${USER_ENV[@]}" "$@"; }
elif [[ $(id -u) -eq 0 ]]; then
  id "$RUN_AS" >/dev/null 2>&1 || die "there is no user $RUN_AS: pass --user with the user the service runs as"
  as_user() { runuser -u "$RUN_AS" -- env "${USER_ENV[@]}" "$@"; }
else
  die "run this as root (it runs git and npm as $RUN_AS), or pass --user $(id -un) if you own the releases"
fi
db_tool() { as_user node "$TSX" "$SCRIPT_DIR/upgrade/database-file.ts" "$@"; }

# Reads one variable from the systemd EnvironmentFile (the last assignment wins, as in systemd).
env_value() {
  sed -n -E "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$ENV_FILE" | tail -n 1 |
    sed -E -e 's/[[:space:]]+$//' -e 's/^"(.*)"$/\1/' -e "s/^'(.*)'\$/\\1/"
}

# Uncommitted files would silently be missing from the new release, so they stop the upgrade instead.
check_clean() {
  local changes
  changes=$(as_user git -C "$1" status --porcelain)
  [[ -z $changes ]] || die "$1 has changes that are not committed, which the new release would not have:
$(head -n 10 <<<"$changes")
Commit them to the branch you deploy from (the catalogue in games/ too), or undo them, then upgrade again."
  [[ ! -e $1/.env ]] || die "$1/.env would not be in the new release: move its settings into $ENV_FILE"
}

state_file() { printf '%s/.state/%s.%s' "$RELEASES" "$1" "$2"; }
link_to() {
  ln -sfn "$1" "$APP_DIR.upgrade-link"
  mv -Tf "$APP_DIR.upgrade-link" "$APP_DIR"
}

# --- one upgrade at a time, on the releases layout --------------------------------------------------------------
if [[ ! -d $RELEASES ]]; then
  if [[ $(id -u) -eq 0 ]]; then install -d -o "$RUN_AS" -g "$(id -gn "$RUN_AS")" "$RELEASES"; else mkdir -p "$RELEASES"; fi
fi
as_user mkdir -p "$RELEASES/.state" "$RELEASES/.home"
exec 9>>"$RELEASES/.upgrade.lock"
flock -n 9 || die "another upgrade is running (lock $RELEASES/.upgrade.lock)"
# The lock's descriptor must not outlive this script in a service it starts.
service() { $SYSTEMCTL "$@" 9>&-; }

[[ -f $ENV_FILE ]] || die "$ENV_FILE does not exist: pass --env-file with the file the $SERVICE unit reads"
if [[ $ROLE == portal ]]; then
  DB=$(env_value ARCADE_DB)
  [[ $DB == /* ]] || die "ARCADE_DB in $ENV_FILE is '${DB:-unset}': each release has its own folder, so the database needs an absolute path, e.g. /var/lib/cartofia-portal/arcade.db (move the file there first)"
else
  STATE=$(env_value BOT_STATE_FILE)
  [[ $STATE == /* ]] || die "BOT_STATE_FILE in $ENV_FILE is '${STATE:-unset}': each release has its own folder, so it needs an absolute path, e.g. /var/lib/cartofia-bot/bot-state.json"
fi

if [[ -L $APP_DIR ]]; then
  CURRENT=$(readlink -f "$APP_DIR")
elif [[ -d $APP_DIR/.git ]]; then
  # The first upgrade: the checkout of docs/deploy.md becomes the first release, and its path a link to it. A
  # running service keeps its files (a rename moves no data) and starts from the link next time.
  check_clean "$APP_DIR"
  first=$(as_user git -C "$APP_DIR" rev-parse HEAD)
  [[ ! -e $RELEASES/$first ]] || die "$RELEASES/$first already exists: move it away, then upgrade again"
  mv "$APP_DIR" "$RELEASES/$first"
  link_to "$RELEASES/$first"
  as_user touch "$(state_file "$first" installed)" "$(state_file "$first" used)"
  [[ ! -f $RELEASES/$first/.next/BUILD_ID ]] || as_user touch "$(state_file "$first" built)"
  CURRENT=$RELEASES/$first
  say "moved the checkout $APP_DIR to $CURRENT and put a link in its place"
elif [[ -e $APP_DIR ]]; then
  die "$APP_DIR is neither a link to a release nor a git checkout: install as in docs/deploy.md first"
else
  die "$APP_DIR does not exist: install as in docs/deploy.md first"
fi
check_clean "$CURRENT"
OLD=$(as_user git -C "$CURRENT" rev-parse HEAD)

# --- fetch ------------------------------------------------------------------------------------------------------
CACHE=$RELEASES/repo.git
if [[ -z $REPO_URL ]]; then
  REPO_URL=$(as_user git -C "$CURRENT" remote get-url origin 2>/dev/null) || die "$CURRENT has no remote \"origin\": pass --repo with the repository to upgrade from"
fi
if [[ ! -d $CACHE ]]; then
  say "fetching $REPO_URL"
  as_user git clone --quiet --mirror "$REPO_URL" "$CACHE"
else
  as_user git -C "$CACHE" remote set-url origin "$REPO_URL"
  as_user git -C "$CACHE" fetch --quiet --prune origin
fi
NEW=$(as_user git -C "$CACHE" rev-parse --verify --quiet "$REF^{commit}") || die "$REPO_URL has no tag, branch or commit '$REF'"
if [[ $NEW == "$OLD" ]]; then
  say "$SERVICE already runs $REF (${OLD:0:12}); nothing to do"
  exit 0
fi
RELEASE=$RELEASES/$NEW

# --- build beside the running version -----------------------------------------------------------------------------
build_failed() {
  die "$1 failed in $RELEASE (output above); nothing was switched: $SERVICE still runs ${OLD:0:12}"
}
if [[ ! -d $RELEASE || ! -f $(state_file "$NEW" installed) ]]; then
  rm -f "$(state_file "$NEW" installed)" "$(state_file "$NEW" built)"
  [[ ! -e $RELEASE ]] || as_user rm -rf "$RELEASE"
  as_user git -C "$CACHE" worktree prune
  say "building ${NEW:0:12} ($REF) in $RELEASE"
  as_user git -C "$CACHE" worktree add --quiet --detach "$RELEASE" "$NEW"
  (cd "$RELEASE" && as_user npm ci) || build_failed "npm ci"
  as_user touch "$(state_file "$NEW" installed)"
fi
if [[ $ROLE == portal && ! -f $(state_file "$NEW" built) ]]; then
  (cd "$RELEASE" && as_user npm run build) || build_failed "npm run build"
  as_user touch "$(state_file "$NEW" built)"
fi

# --- back up, switch, restart -------------------------------------------------------------------------------------
BACKUP=""
DB_BEFORE=""
if [[ $ROLE == portal && -e $DB ]]; then
  DB_BEFORE=$(db_tool version "$DB")
  BACKUP=$(dirname "$DB")/upgrade-backups/$(basename "$DB" .db)-$STAMP-before-${NEW:0:12}.db
  as_user mkdir -p "$(dirname "$BACKUP")"
  db_tool snapshot "$DB" "$BACKUP"
  say "backed up $DB (schema $DB_BEFORE) to $BACKUP"
fi

WHY=""
wait_healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT)) restarts=""
  [[ $ROLE == bot ]] && restarts=$(service show -p NRestarts --value "$SERVICE")
  while ((SECONDS < deadline)); do
    # A portal that exits at start is not worth waiting for: systemd would only restart it into the same error.
    if ! service is-active --quiet "$SERVICE"; then
      WHY="$SERVICE stopped (journalctl -u $SERVICE shows why)"
      return 1
    fi
    if [[ $ROLE == portal ]] && node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(3000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$HEALTH_URL"; then
      return 0
    fi
    sleep 1
  done
  if [[ $ROLE == bot ]]; then
    [[ $(service show -p NRestarts --value "$SERVICE") == "$restarts" ]] && return 0
    WHY="systemd restarted $SERVICE while it was settling (journalctl -u $SERVICE shows why)"
    return 1
  fi
  WHY="$HEALTH_URL did not answer within $HEALTH_TIMEOUT s"
  return 1
}

SWITCHED=""
# shellcheck disable=SC2317 # called by the EXIT trap
on_exit() {
  [[ $SWITCHED == yes ]] || return 0
  printf 'upgrade: stopped halfway, with %s pointing at %s. To go back: systemctl stop %s; ln -sfn %s %s; systemctl start %s\n' \
    "$APP_DIR" "${NEW:0:12}" "$SERVICE" "$CURRENT" "$APP_DIR" "$SERVICE" >&2
}
trap on_exit EXIT

say "switching $APP_DIR to ${NEW:0:12} and restarting $SERVICE"
SWITCHED=yes
link_to "$RELEASE"
if service restart "$SERVICE" && wait_healthy; then
  SWITCHED=finished
  as_user touch "$(state_file "$NEW" used)"
  # Keep the newest releases (by when they last ran), always the running one and the one it replaced.
  kept=0
  mapfile -t used_markers < <(ls -1t "$RELEASES"/.state/*.used)
  for used in "${used_markers[@]}"; do
    commit=$(basename "$used" .used)
    if [[ $commit != "$NEW" && $commit != "$OLD" ]] && ((++kept > KEEP)); then
      as_user rm -rf "${RELEASES:?}/$commit" "$RELEASES/.state/$commit".*
    fi
  done
  # Releases that never ran (a failed build or upgrade) go too.
  for dir in "$RELEASES"/*/; do
    commit=$(basename "$dir")
    if [[ $commit =~ ^[0-9a-f]{40,64}$ && ! -f $(state_file "$commit" used) ]]; then
      as_user rm -rf "${RELEASES:?}/$commit" "$RELEASES/.state/$commit".*
    fi
  done
  as_user git -C "$CACHE" worktree prune
  if [[ -n $BACKUP ]]; then
    mapfile -t backups < <(ls -1t "$(dirname "$BACKUP")"/*-before-*.db)
    for old_backup in "${backups[@]:KEEP}"; do as_user rm -f "$old_backup"; done
  fi
  say "upgraded $SERVICE from ${OLD:0:12} to ${NEW:0:12} ($REF); it is healthy"
  exit 0
fi

say "${NEW:0:12} is not healthy: ${WHY:-systemctl restart $SERVICE failed}; rolling back to ${OLD:0:12}"
service stop "$SERVICE" || true
if [[ $ROLE == portal && -e $DB ]]; then
  # Migrations run forward only: once the new version has migrated the file, the old one refuses it.
  db_after=$(db_tool version "$DB")
  if [[ -z $BACKUP ]]; then
    mv "$DB" "$DB.failed-${NEW:0:12}-$STAMP"
    say "moved the database the failed version created to $DB.failed-${NEW:0:12}-$STAMP"
  elif [[ $db_after != "$DB_BEFORE" ]]; then
    db_tool restore "$BACKUP" "$DB" "failed-${NEW:0:12}-$STAMP"
    say "restored $DB from $BACKUP: the failed version had migrated it to schema $db_after (kept as $DB.failed-${NEW:0:12}-$STAMP)"
  fi
fi
link_to "$CURRENT"
SWITCHED=finished
if service start "$SERVICE" && wait_healthy; then
  say "rolled back: $SERVICE runs ${OLD:0:12} again and is healthy. ${NEW:0:12} stays in $RELEASE for a look; the upgrade failed."
  exit 1
fi
say "the rollback is not healthy either: $WHY. $APP_DIR points at ${OLD:0:12} again; see journalctl -u $SERVICE."
exit 2
