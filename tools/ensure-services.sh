#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis that the integration tests use are up, and clears away
# test databases that earlier runs left behind. Safe to run again: it only starts what is not running.
# Used by .ci/run; developers can run it by hand before `npm test`.
#
# The tests connect as postgres@127.0.0.1:5432/postgres and to redis://127.0.0.1:6379
# (see test/support/test-env.ts), and create and drop their own databases named sr_test_*.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_HOST=127.0.0.1
REDIS_PORT=6379
WAIT_SECONDS=30

log() { printf 'ensure-services: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

pg_up() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }
redis_up() { [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
# -w: never prompt for a password (there is no one to answer in CI).
psql_admin() { psql -w -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"; }

# Polls a check until it succeeds, for at most WAIT_SECONDS, so a broken service fails the run
# quickly with a clear message instead of hanging it.
wait_for() {
  local name=$1 check=$2 deadline=$((SECONDS + WAIT_SECONDS))
  until "$check"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$name did not answer within ${WAIT_SECONDS}s"
    sleep 0.5
  done
}

if ! pg_up; then
  # Debian's cluster layout: /etc/postgresql/<version>/main. No systemd here, hence the redirect skip.
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || die "PostgreSQL is not running and no cluster was found in /etc/postgresql"
  log "starting PostgreSQL $version"
  # A cluster that is still starting up refuses a second start; the wait below settles it either way.
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || log "pg_ctlcluster start failed; waiting anyway"
fi

if ! redis_up; then
  # Nothing to persist: tests own their data, so no RDB snapshots and no append-only file.
  log "starting Redis"
  redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" --appendonly no >/dev/null ||
    log "redis-server failed to start; waiting anyway"
fi

# The portal's browser tests drive Debian's Chromium (playwright-core cannot download a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  log "installing Debian's chromium for the portal's browser tests"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } ||
    die "chromium could not be installed (apt-get install chromium)"
fi

wait_for PostgreSQL pg_up
wait_for Redis redis_up

# pg_isready only says the server accepts connections; the tests also need to log in as postgres
# over TCP to create their databases.
psql_admin -tAc 'select 1' >/dev/null ||
  die "cannot connect to the postgres database as user postgres on $PG_HOST:$PG_PORT (check pg_hba.conf)"

# A test run that was killed never drops its databases. Drop those that nobody uses any more; one
# that is still in use belongs to a run in progress, and DROP DATABASE refuses it, so leave it.
leftovers=$(psql_admin -tAc "select datname from pg_database where datname like 'sr\_test\_%'")
for db in $leftovers; do
  # Only names the test helper makes, so nothing odd ever reaches the SQL below.
  [[ $db =~ ^sr_test_[a-z0-9_]+$ ]] || continue
  if psql_admin -c "drop database if exists \"$db\"" 2>/dev/null; then
    log "dropped leftover test database $db"
  else
    log "kept test database $db: still in use"
  fi
done

log "PostgreSQL and Redis are ready"
