#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, on 127.0.0.1 at a free port.
#   scripts/pg-test-cluster.sh start DIR   → prints the admin URL (role confer, superuser)
#   scripts/pg-test-cluster.sh stop DIR    → stops it and deletes DIR
# PostgreSQL refuses to run as root, so the server runs as user postgres.
set -euo pipefail
action="$1"; dir=$(realpath -m "$2")
bin=/usr/lib/postgresql/15/bin
# From /, which user postgres may enter (the caller's folder may be private).
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >/dev/null
  as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE confer LOGIN SUPERUSER" >/dev/null
  as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE confer OWNER confer" >/dev/null
  echo "postgresql://confer@127.0.0.1:$port/confer"
  ;;
stop)
  if [ -d "$dir/data" ]; then as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
