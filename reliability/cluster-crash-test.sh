#!/usr/bin/env bash
# Two-node crash test (README, "Cluster"): two copies of the provisioned server on one PostgreSQL
# database behind HAProxy (reliability/balancer.sh), started at the same moment on the empty
# database; concurrent clients pay deals through the balancer while one node and then the other is
# killed with SIGKILL and restarted (the rest carries on). Then the single-node crash test's checks
# (reliability/CrashTest.java) plus the cluster's: no two runs of one job overlapped, the sweep still
# runs, one job history, nothing stranded. Last line:
#   SUMMARY nodes=2 kills=N payments=N discrepancies=N seconds=N
# and a non-zero exit on any discrepancy.
#
#   reliability/cluster-crash-test.sh                        # short form: 150 payments, 2 kills
#   PAYMENTS=1000 KILLS=4 CLIENTS=16 reliability/cluster-crash-test.sh
#
# Needs the built server and EAR (mvn -B package -DskipTests), a JDK 17+, PostgreSQL (POSTGRESQL_HOST/
# PORT/USER, trust auth) with psql, and HAProxy (installed by balancer.sh with apt-get if missing).
# Nodes at port offsets NODE_OFFSETS (default 340,360: http 8420 and 8440, management 10330 and
# 10350), the balancer on BALANCER_PORT (8399), a fresh database dropped at the end (KEEP_DB=true
# keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."

export POSTGRESQL_HOST=${POSTGRESQL_HOST:-127.0.0.1}
export POSTGRESQL_PORT=${POSTGRESQL_PORT:-5432}
export POSTGRESQL_USER=${POSTGRESQL_USER:-postgres}
export POSTGRESQL_PASSWORD=${POSTGRESQL_PASSWORD:-trust-auth-ignores-it}
export PGPASSWORD=$POSTGRESQL_PASSWORD
export PAYMENTS=${PAYMENTS:-150}
export KILLS=${KILLS:-2}
export CLIENTS=${CLIENTS:-8}
export DB_KIND=postgresql
export CLUSTER_NODES=${CLUSTER_NODES:-node-a,node-b}
export NODE_OFFSETS=${NODE_OFFSETS:-340,360}
export BALANCER_PORT=${BALANCER_PORT:-8399}
export BASE_URL=http://127.0.0.1:$BALANCER_PORT
# Two servers boot at once (and again after each kill, beside the other's load).
export SERVER_START_MINUTES=${SERVER_START_MINUTES:-12}
export NODES_DIR=reliability/target/cluster

provisioned=wildfly-config/target/server
ear=ear/target/escrow.ear
[ -x "$provisioned/bin/standalone.sh" ] || { echo "No provisioned server in $provisioned: build first"; exit 2; }
[ -f "$ear" ] || { echo "No $ear: build first"; exit 2; }

IFS=, read -r -a names <<< "$CLUSTER_NODES"
IFS=, read -r -a offsets <<< "$NODE_OFFSETS"
rm -rf "$NODES_DIR"
mkdir -p "$NODES_DIR"
backends=()
for i in "${!names[@]}"; do
  home=$NODES_DIR/${names[$i]}
  cp -a "$provisioned" "$home"
  rm -rf "$home"/standalone/data "$home"/standalone/log "$home"/standalone/tmp
  # A copy taken while a test server ran from the provisioned one can hold that server's
  # deployment (the deployment scanner would then find a duplicate): the copy deploys its own.
  sed -i '/<deployments>/,/<\/deployments>/d' "$home/standalone/configuration/standalone.xml"
  cp "$ear" "$home/standalone/deployments/"
  backends+=("$((8080 + offsets[i])):$((9990 + offsets[i]))")
done

export POSTGRESQL_DATABASE="cluster_rel_$(date +%s)_$$"
psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -q -c "CREATE DATABASE $POSTGRESQL_DATABASE" postgres

reliability/balancer.sh -d "$BALANCER_PORT" "${backends[@]}"
balancer_pid=$(cat "reliability/target/haproxy-$BALANCER_PORT.pid")
cleanup() {
  kill "$balancer_pid" 2> /dev/null || true
  if [ "${KEEP_DB:-false}" != true ]; then
    psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -q \
      -c "DROP DATABASE IF EXISTS $POSTGRESQL_DATABASE WITH (FORCE)" postgres || true
  else
    echo "kept database $POSTGRESQL_DATABASE"
  fi
}
trap cleanup EXIT

echo "cluster crash test: node logs in $NODES_DIR/*/standalone/log"
rm -rf reliability/target/classes
javac -d reliability/target/classes tools/driver/*.java reliability/CrashTest.java reliability/ClusterCrashTest.java
java -cp reliability/target/classes ClusterCrashTest
