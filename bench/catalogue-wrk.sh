#!/usr/bin/env bash
# The catalogue benchmark against a running server with the catalogue filled (catalogue-server.sh,
# catalogue-data.sh): for each URL a warm-up, then wrk with latency percentiles.
#
#   bench/catalogue-wrk.sh            # writes bench/target/catalogue-wrk.txt as well
#
# URLs, all but one as one seller with HTTP Basic (the same credentials on every request):
#   floor        GET /api/v1/me: the same path through the server (Basic sign-in, JAX-RS, one EJB
#                call, one indexed query, JSON) without the catalogue's own work
#   anonymous    GET /bank/api/v1/banks: no sign-in at all, the server's bare floor
#   first        GET /api/v1/offers                    (page 0, 20 offers, newest first)
#   deep         GET /api/v1/offers?page=DEEP_PAGE      (default 500: offers 10 000..10 019)
#   search       GET /api/v1/offers?q=SEARCH            (default vintage: 2 % of the offers)
#   search-deep  GET /api/v1/offers?q=SEARCH&page=SEARCH_DEEP_PAGE (default 50)
# Environment: BASE (http://127.0.0.1:8340), CONNECTIONS (32), THREADS (2), DURATION (20s),
# WARMUP (10s), LOGIN/BENCH_PASSWORD (bench-seller-1 / bench-password), ONLY (names to run).
set -euo pipefail
cd "$(dirname "$0")"

BASE=${BASE:-http://127.0.0.1:8340}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
SEARCH=${SEARCH:-vintage}
DEEP_PAGE=${DEEP_PAGE:-500}
SEARCH_DEEP_PAGE=${SEARCH_DEEP_PAGE:-50}
AUTH="Authorization: Basic $(printf '%s:%s' "${LOGIN:-bench-seller-1}" "${BENCH_PASSWORD:-bench-password}" | base64 -w0)"
ONLY=${ONLY:-floor anonymous first deep search search-deep}

declare -A URLS=(
  [floor]="$BASE/api/v1/me"
  [anonymous]="$BASE/bank/api/v1/banks"
  [first]="$BASE/api/v1/offers"
  [deep]="$BASE/api/v1/offers?page=$DEEP_PAGE"
  [search]="$BASE/api/v1/offers?q=$SEARCH"
  [search-deep]="$BASE/api/v1/offers?q=$SEARCH&page=$SEARCH_DEEP_PAGE"
)

mkdir -p target
out=target/catalogue-wrk.txt
: >"$out"
for name in $ONLY; do
  url=${URLS[$name]}
  header=$AUTH
  [ "$name" = anonymous ] && header="Accept: application/json"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url")
  [ "$status" = 200 ] || { echo "$name: $url answered $status"; exit 1; }
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -H "$header" "$url" >/dev/null
  {
    echo "== $name: $url ($CONNECTIONS connections, $DURATION)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -H "$header" "$url"
  } | tee -a "$out"
done
echo "summary (name, requests/s, p50, p99):"
awk '/^== /{name=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Requests\/sec/{print "  " name " " $2 " req/s p50 " p50 " p99 " p99}' "$out" \
  | sed 's/: / /'
