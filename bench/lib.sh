# Shared by the benches that start servers and a PostgreSQL cluster
# (booking-throughput.sh, job-drain.sh): source it after `cd` to the repo.
# Makes $work, a folder the PostgreSQL server (user postgres) can read; every
# pid written to $work/pids is stopped and waited for on exit, then the
# cluster in $work/pg, then the folder goes.
work=$(mktemp -d "/tmp/confer-${BENCH_NAME:-bench}.XXXXXX")
chmod 755 "$work"
bench_cleanup() {
  for pid in $(cat "$work/pids" 2>/dev/null); do
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  done
  bash scripts/pg-test-cluster.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap bench_cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
