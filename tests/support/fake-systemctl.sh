#!/usr/bin/env bash
# Stands in for systemctl in the upgrade test (no systemd here): runs one unit the way its .service file would,
# `npm start` in FAKE_UNIT_DIR (followed like WorkingDirectory= through a link) with FAKE_UNIT_ENV_FILE's
# variables and nothing else. Verbs: start, stop, restart, is-active [--quiet], show -p NRestarts --value.
set -euo pipefail
verb=$1
shift
unit=${*: -1}
pidfile=$FAKE_SYSTEMD_STATE/$unit.pid

running() {
  [[ -f $pidfile ]] || return 1
  local pid stat state
  pid=$(<"$pidfile")
  # A zombie still answers kill -0; the state letter after the command name in /proc/<pid>/stat says it is gone.
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  state=${stat##*) }
  [[ ${state:0:1} != Z ]]
}

start() {
  running && return 0
  cd "$FAKE_UNIT_DIR"
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  setsid env -i PATH="$PATH" HOME="$FAKE_SYSTEMD_STATE" bash -c 'set -a; . "$1"; set +a; exec npm start' _ "$FAKE_UNIT_ENV_FILE" \
    >>"$FAKE_SYSTEMD_STATE/$unit.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

stop() {
  if ! running; then
    rm -f "$pidfile"
    return 0
  fi
  local pid
  pid=$(<"$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    running || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case $verb in
  start) start ;;
  stop) stop ;;
  restart) stop && start ;;
  is-active) running ;;
  show) echo 0 ;;
  *) echo "fake systemctl: $verb is not supported" >&2 && exit 1 ;;
esac
