#!/usr/bin/env bash
# A PostgreSQL server for the sync server tests, on 127.0.0.1 only.
#
#   eval "$(bash .ci/postgres.sh)"      # then: .venv/bin/pytest tests/sync
#
# Prints one line on stdout, `export NASKAH_TEST_PG_URL=postgresql://naskah@127.0.0.1:PORT/postgres`
# (everything else goes to stderr). Idempotent and quick when the server already runs.
# - If something already listens on 127.0.0.1:$PORT, it is used: as the role `naskah` if that
#   role can log in, otherwise (as root, for Debian's own cluster) the role is created through the
#   `postgres` account.
# - Otherwise Debian's PostgreSQL packages are installed if missing (apt-get, needs root), and a
#   throwaway cluster is made in $NASKAH_PG_DIR (default /tmp/naskah-pg) with superuser `naskah`,
#   trust authentication (it listens only on 127.0.0.1 and a private socket directory) and
#   fsync off (test data only), then started. `bash .ci/postgres.sh stop` stops it.
# Environment: NASKAH_PG_PORT (5432), NASKAH_PG_DIR (/tmp/naskah-pg).
set -euo pipefail

PORT="${NASKAH_PG_PORT:-5432}"
DIR="${NASKAH_PG_DIR:-/tmp/naskah-pg}"
ROLE=naskah
URL="postgresql://$ROLE@127.0.0.1:$PORT/postgres"

say() { printf '[postgres.sh] %s\n' "$*" >&2; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

pg_bin() {  # the newest installed server binaries
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

run_as() {  # run_as USER CMD...: as root drop to USER, otherwise run as ourselves
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$1" -- "${@:2}"
  else
    "${@:2}"
  fi
}

owner() {  # who runs the throwaway cluster
  if [ "$(id -u)" != 0 ]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  echo postgres
}

can_login() {
  command -v psql >/dev/null 2>&1 || return 1
  psql "$URL" -XtAc 'select 1' >/dev/null 2>&1
}

if [ "${1:-}" = stop ]; then
  if [ -f "$DIR/data/postmaster.pid" ]; then
    BIN="$(pg_bin)"
    run_as "$(stat -c %U "$DIR/data")" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
  fi
  exit 0
fi

if listening; then
  if ! can_login; then
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; then
      say "a server runs on port $PORT; creating role $ROLE through the postgres account"
      runuser -u postgres -- psql -p "$PORT" -XtAc \
        "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
           CREATE ROLE $ROLE LOGIN SUPERUSER PASSWORD '$ROLE'; END IF; END\$\$" >&2
      URL="postgresql://$ROLE:$ROLE@127.0.0.1:$PORT/postgres"
    fi
    if ! psql "$URL" -XtAc 'select 1' >/dev/null 2>&1; then
      say "something listens on 127.0.0.1:$PORT but role $ROLE cannot log in; set NASKAH_PG_PORT"
      exit 1
    fi
  fi
  echo "export NASKAH_TEST_PG_URL=$URL"
  exit 0
fi

if ! BIN="$(pg_bin)"; then
  if [ "$(id -u)" != 0 ]; then
    say "PostgreSQL is not installed; run as root or: apt-get install -y postgresql"
    exit 1
  fi
  say "installing Debian's postgresql packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(pg_bin)"
  if listening; then  # the package started its own cluster on our port: use that
    exec bash "${BASH_SOURCE[0]}"
  fi
fi

USER_NAME="$(owner)"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  say "creating a throwaway cluster in $DIR/data"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chown "$USER_NAME" "$DIR"
  run_as "$USER_NAME" "$BIN/initdb" -D "$DIR/data" -U "$ROLE" --auth=trust --no-sync \
    -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2
    exit 1
  }
fi
say "starting PostgreSQL on 127.0.0.1:$PORT"
# (pg_ctl hands -o to a shell command line: keep it on one line)
OPTS="-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off"
OPTS="$OPTS -c full_page_writes=off -c max_connections=200"
run_as "$USER_NAME" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
  -o "$OPTS" >&2 || {
  tail -n 30 "$DIR/server.log" >&2
  exit 1
}
echo "export NASKAH_TEST_PG_URL=$URL"
