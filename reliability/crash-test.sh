#!/usr/bin/env bash
# Crash test: many concurrent clients pay deals while the server is killed with SIGKILL (kill -9)
# at random moments and restarted; then the money is checked (bank audit, final states, no double
# ledger movement, deals = payments = the bank's operations, every account to the kopeck).
# Prints its summary and exits non-zero on any discrepancy.
#
#   reliability/crash-test.sh                  # short form: 300 payments, 3 kills, 12 clients
#   PAYMENTS=2000 KILLS=6 CLIENTS=24 reliability/crash-test.sh
#   DB_KIND=h2 reliability/crash-test.sh       # on the embedded H2 databases of the default run
#
# Needs the built server and EAR (mvn -B -o clean package -DskipTests, or a finished
# `mvn verify`) and a JDK 17+ on the PATH; on PostgreSQL (the default here) also the database
# (POSTGRESQL_HOST/PORT/USER, trust auth) and psql. Uses a COPY of the provisioned server under
# reliability/target/server, port offset PORT_OFFSET (default 400: http 8480) and a fresh
# database that it drops at the end (KEEP_DB=true keeps it for a look); on H2, fresh files in the
# copy's data folder, read (as copies) while the server is down.
set -euo pipefail
cd "$(dirname "$0")/.."

export POSTGRESQL_HOST=${POSTGRESQL_HOST:-127.0.0.1}
export POSTGRESQL_PORT=${POSTGRESQL_PORT:-5432}
export POSTGRESQL_USER=${POSTGRESQL_USER:-postgres}
# The server has no default password (README, "Configuration"); trust authentication accepts any.
export POSTGRESQL_PASSWORD=${POSTGRESQL_PASSWORD:-trust-auth-ignores-it}
export PGPASSWORD=$POSTGRESQL_PASSWORD
export PORT_OFFSET=${PORT_OFFSET:-400}
export PAYMENTS=${PAYMENTS:-300}
export KILLS=${KILLS:-3}
export CLIENTS=${CLIENTS:-12}
export DB_KIND=${DB_KIND:-postgresql}

provisioned=wildfly-config/target/server
ear=ear/target/escrow.ear
[ -x "$provisioned/bin/standalone.sh" ] || { echo "No provisioned server in $provisioned: build first"; exit 2; }
[ -f "$ear" ] || { echo "No $ear: build first"; exit 2; }

export SERVER_DIR=reliability/target/server
rm -rf "$SERVER_DIR"
mkdir -p reliability/target
cp -a "$provisioned" "$SERVER_DIR"
rm -rf "$SERVER_DIR"/standalone/data "$SERVER_DIR"/standalone/log "$SERVER_DIR"/standalone/tmp
cp "$ear" "$SERVER_DIR/standalone/deployments/"

classpath=reliability/target/classes
if [ "$DB_KIND" = h2 ]; then
  # The server's own H2, to read its files with.
  h2_jar=$(ls "$SERVER_DIR"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar | head -1)
  classpath="$classpath:$h2_jar"
else
  export POSTGRESQL_DATABASE="escrow_rel_$(date +%s)_$$"
  psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -q -c "CREATE DATABASE $POSTGRESQL_DATABASE" postgres
fi
cleanup() {
  if [ "$DB_KIND" = h2 ]; then
    return
  fi
  if [ "${KEEP_DB:-false}" != true ]; then
    psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -q \
      -c "DROP DATABASE IF EXISTS $POSTGRESQL_DATABASE WITH (FORCE)" postgres || true
  else
    echo "kept database $POSTGRESQL_DATABASE"
  fi
}
trap cleanup EXIT

echo "crash test: server log in $SERVER_DIR/standalone/log"
# The driver and what it shares with the benchmark's, compiled with the JDK alone.
rm -rf reliability/target/classes reliability/target/h2-copies
javac -d reliability/target/classes tools/driver/*.java reliability/CrashTest.java
java -cp "$classpath" CrashTest
