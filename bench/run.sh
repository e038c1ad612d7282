#!/usr/bin/env bash
# Benchmark: how fast the bank and the marketplace are on this machine, beside its physical limit.
#
#   bench/run.sh
#
# Builds the application (unless SKIP_BUILD=true), copies the provisioned server under
# bench/target/server, starts it on a fresh PostgreSQL database with the full demo seed (10 banks,
# 1 000 customers, 100 000 accounts) and a real SMTP server (a sink), and measures:
#   1. bank transfers carried out per second (many in flight) and pgbench tpcb-like beside it,
#   2. marketplace payments per second end to end, latency from confirmation to SUCCEEDED,
#   3. the catalogue with 100 000 ACTIVE offers at 32 clients (wrk) beside a trivial endpoint,
#   4. the refund sweep over 10 000 overdue deals with payments,
#   5. the seed of 100 000 accounts,
#   6. the server's resident memory at the end.
# Every figure is the median of RUNS runs (default 3) after a warm-up. It prints a table and
# writes bench/target/bench/{bench.md,bench.json,bench.png}.
#
# Needs a JDK 17+, Maven, PostgreSQL (POSTGRESQL_HOST/PORT/USER, trust auth) with psql and
# pgbench, and wrk (installed from Debian's packages when missing). The driver runs its own SMTP
# server (tools/driver/SmtpSink.java) on SMTP_SINK_PORT (default 2626) for the codes' mails.
# Knobs: RUNS, TRANSFERS (per run), TRANSFER_CLIENTS, PAYMENTS (per run and concurrency), PAYMENT_LEVELS (4,8,16,32), BUYERS,
# OFFERS, CATALOGUE_CLIENTS, WRK_SECONDS, SWEEP_DEALS, PORT_OFFSET (default 500: http 8580).
set -euo pipefail
cd "$(dirname "$0")/.."

export POSTGRESQL_HOST=${POSTGRESQL_HOST:-127.0.0.1}
export POSTGRESQL_PORT=${POSTGRESQL_PORT:-5432}
export POSTGRESQL_USER=${POSTGRESQL_USER:-postgres}
# The server has no default password (README, "Configuration"); trust authentication accepts any.
export POSTGRESQL_PASSWORD=${POSTGRESQL_PASSWORD:-trust-auth-ignores-it}
export PGPASSWORD=$POSTGRESQL_PASSWORD
export PORT_OFFSET=${PORT_OFFSET:-500}
export SMTP_SINK_PORT=${SMTP_SINK_PORT:-2626}

if ! command -v wrk >/dev/null; then
  echo "Installing wrk"
  (apt-get update -q && apt-get install -y -q wrk) >/dev/null
fi
if ! pg_isready -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -q 2>/dev/null; then
  echo "PostgreSQL is not running: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -q && break; sleep 1; done
fi

if [ "${SKIP_BUILD:-false}" != true ]; then
  mvn -B -q package -DskipTests
fi

provisioned=wildfly-config/target/server
ear=ear/target/escrow.ear
[ -x "$provisioned/bin/standalone.sh" ] || { echo "No provisioned server in $provisioned"; exit 2; }
[ -f "$ear" ] || { echo "No $ear"; exit 2; }

export SERVER_DIR=bench/target/server
rm -rf "$SERVER_DIR" bench/target/bench
mkdir -p bench/target/bench
cp -a "$provisioned" "$SERVER_DIR"
rm -rf "$SERVER_DIR"/standalone/data "$SERVER_DIR"/standalone/log "$SERVER_DIR"/standalone/tmp
cp "$ear" "$SERVER_DIR/standalone/deployments/"

export DATABASE_PREFIX="escrow_bench_$(date +%s)"
cleanup() {
  for db in $(psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -Atc \
      "SELECT datname FROM pg_database WHERE datname LIKE '${DATABASE_PREFIX}%'" postgres); do
    if [ "${KEEP_DB:-false}" != true ]; then
      psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -q \
        -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres || true
    else
      echo "kept database $db"
    fi
  done
}
trap cleanup EXIT

# The driver and what it shares with the crash test's, compiled with the JDK alone.
rm -rf bench/target/classes
javac -d bench/target/classes tools/driver/*.java bench/*.java
java -Djava.awt.headless=true -cp bench/target/classes Bench
