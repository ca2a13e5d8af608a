#!/usr/bin/env bash
# Runs a command (by default the README's `npm test`) with a throwaway PostgreSQL server, so the
# PostgreSQL tests run against a real database instead of being skipped:
#   scripts/with-test-postgres.sh [command...]
# Installs Debian's `postgresql` server when no `initdb` is found (a new machine may have only the
# client), creates a cluster in a temporary folder (as the `postgres` user when run as root: the
# server refuses to run as root), starts it on a free 127.0.0.1 port with fsync off (the data is
# thrown away), exports LUMEN_TEST_DATABASE_URL, runs the command, and on any exit stops the server
# by its postmaster PID and removes the folder. The command's exit status is the script's.
# With LUMEN_TEST_DATABASE_URL already set, the command runs against that database instead.
set -uo pipefail

if [ "$#" -eq 0 ]; then set -- npm test; fi

if [ -n "${LUMEN_TEST_DATABASE_URL:-}" ]; then
  echo "with-test-postgres: using the LUMEN_TEST_DATABASE_URL already set"
  exec "$@"
fi

# The newest server binaries: on PATH, or Debian's versioned folders.
find_pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  return 1
}

PG_BIN=$(find_pg_bin)
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "with-test-postgres: no initdb found; installing Debian's postgresql server"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q postgresql; } >/tmp/with-test-postgres-apt.log 2>&1 \
      || { echo "with-test-postgres: apt-get install postgresql failed (log: /tmp/with-test-postgres-apt.log)"; tail -n 20 /tmp/with-test-postgres-apt.log; }
    PG_BIN=$(find_pg_bin)
  fi
fi
if [ -z "$PG_BIN" ]; then
  echo "with-test-postgres: no PostgreSQL server available: the PostgreSQL tests will be skipped"
  exec "$@"
fi

# The server refuses to run as root: as root, the cluster belongs to the `postgres` user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner=(runuser -u postgres --)
fi

WORK=$(mktemp -d /tmp/lumen-test-pg.XXXXXX)
chmod 755 "$WORK"
[ "${#as_owner[@]}" -gt 0 ] && chown postgres: "$WORK"
POSTMASTER_PID=""

stop_server() {
  if [ -z "$POSTMASTER_PID" ] && [ -f "$WORK/data/postmaster.pid" ]; then POSTMASTER_PID=$(head -n 1 "$WORK/data/postmaster.pid"); fi
  if [ -n "$POSTMASTER_PID" ] && kill -0 "$POSTMASTER_PID" 2>/dev/null; then
    kill -INT "$POSTMASTER_PID" 2>/dev/null # fast shutdown: roll back open transactions, close sessions
    for _ in $(seq 1 100); do kill -0 "$POSTMASTER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$POSTMASTER_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! "${as_owner[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U lumen_test --auth=trust -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1; then
  echo "with-test-postgres: initdb failed:"; cat "$WORK/initdb.log"; exit 1
fi

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

started=no
for _ in 1 2 3; do
  PORT=$(free_port)
  if "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ "$started" != yes ]; then
  echo "with-test-postgres: the server did not start:"; tail -n 20 "$WORK/server.log"; exit 1
fi
POSTMASTER_PID=$(head -n 1 "$WORK/data/postmaster.pid")

if ! "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U lumen_test lumen_test >"$WORK/createdb.log" 2>&1; then
  echo "with-test-postgres: createdb failed:"; cat "$WORK/createdb.log"; exit 1
fi

export LUMEN_TEST_DATABASE_URL="postgres://lumen_test@127.0.0.1:$PORT/lumen_test"
echo "with-test-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (postmaster $POSTMASTER_PID)"
"$@"
