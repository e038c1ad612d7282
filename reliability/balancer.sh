#!/usr/bin/env bash
# The balancer in front of the nodes of a cluster (README, "Cluster"): HAProxy from Debian's
# package (installed with apt-get when missing and allowed), in the foreground unless -d.
#
#   reliability/balancer.sh [-d] PORT NODE_HTTP_PORT:NODE_MANAGEMENT_PORT ...
#   reliability/balancer.sh 8399 8380:10290 8400:10310      # two nodes at offsets 300 and 320
#
# Each node is checked on its management port's /health/ready every second (two failures take it
# out, two successes put it back); pages stick to the node that made their session (cookie
# ESCROW_NODE, added by the balancer), and when that node is down the next request goes to another
# (redispatch): the user signs in again there (sessions are not replicated: docs/operations.md,
# "Cluster"). API requests, which carry no cookie, go round-robin. The balancer appends the client's
# address to X-Forwarded-For; the nodes believe it only from the addresses in TRUSTED_PROXIES.
# Writes its configuration to reliability/target/haproxy-PORT.cfg and, with -d (in the background),
# its pid to reliability/target/haproxy-PORT.pid and its log (one line per request) to
# reliability/target/haproxy-PORT.log.
set -euo pipefail
cd "$(dirname "$0")/.."

daemon=false
if [ "${1:-}" = -d ]; then
  daemon=true
  shift
fi
[ $# -ge 2 ] || { sed -n 2,14p "$0"; exit 2; }
port=$1
shift

if ! command -v haproxy > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing HAProxy (Debian's package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy > /dev/null
  else
    echo "HAProxy is not installed: apt-get install haproxy" >&2
    exit 2
  fi
fi

mkdir -p reliability/target
cfg=reliability/target/haproxy-$port.cfg
pid=reliability/target/haproxy-$port.pid
{
  cat <<CFG
global
    maxconn 2000
    log stderr format short local0 info

defaults
    mode http
    log global
    option httplog
    option dontlognull
    option forwardfor
    # A request whose node does not answer goes to another at its first retry, not after three
    # tries at the dead one (a persisted page session too: it signs in again there).
    option redispatch 1
    retries 3
    # A node killed under a kept-alive connection answers nothing: such a GET or HEAD is sent again
    # (the last try to another node) instead of reaching the user as a 502. Other methods are left
    # to their client (the API's money-moving POSTs carry an Idempotency-Key for that).
    retry-on conn-failure empty-response junk-response
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s

frontend escrow
    bind 127.0.0.1:$port
    default_backend nodes

backend nodes
    balance roundrobin
    cookie ESCROW_NODE insert indirect nocache httponly
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
    http-request disable-l7-retry if !METH_GET !METH_HEAD
CFG
  n=0
  for node in "$@"; do
    n=$((n + 1))
    http=${node%%:*}
    management=${node##*:}
    echo "    server node$n 127.0.0.1:$http check port $management cookie node$n"
  done
} > "$cfg"
haproxy -c -q -f "$cfg"
if $daemon; then
  # Not haproxy -D: a daemon closes its stderr, where the log goes.
  log=reliability/target/haproxy-$port.log
  nohup haproxy -db -f "$cfg" > "$log" 2>&1 < /dev/null &
  echo $! > "$pid"
  echo "balancer on http://127.0.0.1:$port (pid $(cat "$pid"), configuration $cfg, log $log)"
else
  exec haproxy -db -f "$cfg"
fi
