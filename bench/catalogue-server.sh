#!/usr/bin/env bash
# Starts (or stops) a copy of the provisioned server on PostgreSQL for the catalogue benchmark.
#
#   bench/catalogue-server.sh start   # fresh database, server on http 8080+PORT_OFFSET, waits until up
#   bench/catalogue-server.sh stop    # stops that server (by its pid file); KEEP_DB=true keeps the db
#
# Environment: PORT_OFFSET (default 260: http 8340, management 10250), POSTGRESQL_HOST/PORT/USER (trust auth),
# POSTGRESQL_DATABASE (default escrow_bench; dropped and created again by start),
# MARKETPLACE_ADMIN_PASSWORD (default bench-admin-password), JAVA_OPTS (passed on; e.g. a JFR).
# Needs the built server and EAR (mvn -B clean package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

export POSTGRESQL_HOST=${POSTGRESQL_HOST:-127.0.0.1}
export POSTGRESQL_PORT=${POSTGRESQL_PORT:-5432}
export POSTGRESQL_USER=${POSTGRESQL_USER:-postgres}
export POSTGRESQL_DATABASE=${POSTGRESQL_DATABASE:-escrow_bench}
PORT_OFFSET=${PORT_OFFSET:-260}
SERVER_DIR=${SERVER_DIR:-bench/target/server}
PSQL=(psql -h "$POSTGRESQL_HOST" -p "$POSTGRESQL_PORT" -U "$POSTGRESQL_USER" -q -v ON_ERROR_STOP=1)

stop() {
  if [ -s "$SERVER_DIR/bench.pid" ]; then
    pid=$(cat "$SERVER_DIR/bench.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$SERVER_DIR/bench.pid"
  fi
  if [ "${KEEP_DB:-false}" != true ]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $POSTGRESQL_DATABASE WITH (FORCE)" postgres
  fi
}

start() {
  provisioned=wildfly-config/target/server
  ear=ear/target/escrow.ear
  [ -x "$provisioned/bin/standalone.sh" ] || { echo "No provisioned server in $provisioned: build first"; exit 2; }
  [ -f "$ear" ] || { echo "No $ear: build first"; exit 2; }
  if curl -s -o /dev/null "http://127.0.0.1:$((8080 + PORT_OFFSET))/"; then
    echo "port $((8080 + PORT_OFFSET)) is taken: choose another PORT_OFFSET"; exit 2
  fi
  rm -rf "$SERVER_DIR"
  mkdir -p "$(dirname "$SERVER_DIR")"
  cp -a "$provisioned" "$SERVER_DIR"
  rm -rf "$SERVER_DIR"/standalone/data "$SERVER_DIR"/standalone/log "$SERVER_DIR"/standalone/tmp
  cp "$ear" "$SERVER_DIR/standalone/deployments/"
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $POSTGRESQL_DATABASE WITH (FORCE)" postgres
  "${PSQL[@]}" -c "CREATE DATABASE $POSTGRESQL_DATABASE" postgres

  mkdir -p "$SERVER_DIR/standalone/log"
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$PWD/$SERVER_DIR/bench.pid" \
    DB_KIND=postgresql DEMO_MODE=true \
    MARKETPLACE_ADMIN_PASSWORD=${MARKETPLACE_ADMIN_PASSWORD:-bench-admin-password} \
    BANK_OPERATOR_PASSWORD=${BANK_OPERATOR_PASSWORD:-bench-operator-password} \
    BANK_API_KEY=bench-bank-api-key MARKETPLACE_BANK_API_KEY=bench-bank-api-key \
    SMTP_HOST=127.0.0.1 SMTP_PORT=1 \
    nohup "$SERVER_DIR/bin/standalone.sh" -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
    >"$SERVER_DIR/standalone/log/console.log" 2>&1 &
  base="http://127.0.0.1:$((8080 + PORT_OFFSET))"
  for _ in $(seq 1 240); do
    if [ -s "$SERVER_DIR/bench.pid" ] && ! kill -0 "$(cat "$SERVER_DIR/bench.pid")" 2>/dev/null; then
      echo "the server stopped; see $SERVER_DIR/standalone/log"; exit 1
    fi
    # Deployed when the API answers an anonymous call with its 401.
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/me")" = 401 ]; then
      echo "server up: $base (log $SERVER_DIR/standalone/log)"
      return 0
    fi
    sleep 1
  done
  echo "server did not become ready; see $SERVER_DIR/standalone/log"; exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop"; exit 2 ;;
esac
