#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's PostgreSQL test leg (and for trying the connector on PostgreSQL).
#
#   eval "$(scripts/postgres.sh)"       start one; stdout is only shell assignments, the last line is DATABASE_URL=...
#   scripts/postgres.sh stop [DIR]      stop and delete DIR, or every cluster this script started
#
# The cluster lives in a fresh temp directory owned by the `postgres` user (initdb refuses to run as root), listens on
# a free loopback port only, trusts local connections (nothing in it outlives the run) and is never a system service.
# Progress goes to stderr so that `eval` sees nothing but the assignments.
set -euo pipefail

STATE_FILE="${TMPDIR:-/tmp}/open-softphone-postgres.clusters"
DB_NAME="softphone_test"

log() { echo "postgres.sh: $*" >&2; }
die() {
  log "$*"
  exit 1
}

# The newest server binaries: Debian keeps them in /usr/lib/postgresql/<major>/bin, off the PATH.
find_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    echo "$dir"
    return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  return 1
}

install_server() {
  [[ "$(id -u)" == "0" ]] || die "PostgreSQL server binaries are missing and installing them needs root (apt-get install postgresql)."
  log "installing Debian's postgresql (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
}

# Run a server binary as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

start() {
  local bindir dir port url
  bindir="$(find_bindir || true)"
  if [[ -z "$bindir" ]]; then
    install_server
    bindir="$(find_bindir)" || die "apt-get installed postgresql but initdb/pg_ctl were not found."
  fi
  if [[ "$(id -u)" == "0" ]] && ! id postgres >/dev/null 2>&1; then
    die "running as root but there is no 'postgres' user to own the cluster (install Debian's postgresql package)."
  fi

  dir="$(mktemp -d "${TMPDIR:-/tmp}/open-softphone-pg.XXXXXX")"
  chmod 755 "$dir"
  mkdir "$dir/data"
  [[ "$(id -u)" == "0" ]] && chown -R postgres: "$dir"
  echo "$dir" >>"$STATE_FILE"

  log "initdb in $dir/data ($bindir)"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    {
      cat "$dir/initdb.log" >&2
      die "initdb failed"
    }

  # A port can be taken between probing and binding: try a few.
  local attempt
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=50" \
      start >&2; then
      break
    fi
    log "start on port $port failed (attempt $attempt)"
    port=""
  done
  [[ -n "$port" ]] || {
    cat "$dir/server.log" >&2 || true
    die "could not start the server"
  }
  echo "$port" >"$dir/port"

  as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE $DB_NAME" >&2

  url="postgres://postgres@127.0.0.1:$port/$DB_NAME"
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running in $dir on 127.0.0.1:$port"
  echo "export DATABASE_URL POSTGRES_SH_DIR"
  echo "POSTGRES_SH_DIR=$dir"
  echo "DATABASE_URL=$url"
}

stop_one() {
  local dir="$1" bindir
  [[ -d "$dir/data" ]] || {
    log "no cluster in $dir"
    return 0
  }
  bindir="$(find_bindir)" || die "pg_ctl not found"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "pg_ctl stop failed for $dir (already stopped?)"
  rm -rf "$dir"
  log "stopped and removed $dir"
}

stop() {
  if [[ $# -gt 0 ]]; then
    stop_one "$1"
    if [[ -f "$STATE_FILE" ]]; then
      grep -vxF "$1" "$STATE_FILE" >"$STATE_FILE.tmp" || true
      mv "$STATE_FILE.tmp" "$STATE_FILE"
    fi
    return 0
  fi
  [[ -f "$STATE_FILE" ]] || {
    log "no clusters to stop"
    return 0
  }
  local dir
  while IFS= read -r dir; do
    [[ -n "$dir" ]] && stop_one "$dir"
  done <"$STATE_FILE"
  rm -f "$STATE_FILE"
}

case "${1:-start}" in
  start) start ;;
  stop)
    shift
    stop "$@"
    ;;
  *) die "usage: $0 [start] | stop [DIR]" ;;
esac
