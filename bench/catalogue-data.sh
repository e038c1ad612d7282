#!/usr/bin/env bash
# Fills the marketplace's catalogue with COUNT ACTIVE, published offers for the benchmark.
#
#   COUNT=100000 bench/catalogue-data.sh
#
# The sellers (SELLERS clients, bench-seller-1..N, password BENCH_PASSWORD) are made through the
# API as the administrator would (409 "taken" is fine on a second run); the offers go straight in
# with SQL (bench/catalogue-data.sql), which is what makes 100 000 take seconds instead of hours.
# Every title carries one of 50 words (rotating), so a search for one of them, e.g. q=vintage,
# matches COUNT/50 offers (2 %); see catalogue-data.sql.
#
# Environment: BASE (default http://127.0.0.1:8340), MARKETPLACE_ADMIN_PASSWORD (default
# bench-admin-password), POSTGRESQL_HOST/PORT/USER, POSTGRESQL_DATABASE (default escrow_bench).
set -euo pipefail
cd "$(dirname "$0")"

COUNT=${COUNT:-100000}
SELLERS=${SELLERS:-4}
BASE=${BASE:-http://127.0.0.1:8340}
ADMIN=admin:${MARKETPLACE_ADMIN_PASSWORD:-bench-admin-password}
BENCH_PASSWORD=${BENCH_PASSWORD:-bench-password}

for i in $(seq 1 "$SELLERS"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN" -H 'Content-Type: application/json' \
    -d "{\"fullName\":\"Bench seller $i\",\"login\":\"bench-seller-$i\",\"password\":\"$BENCH_PASSWORD\"}" \
    "$BASE/api/v1/admin/clients")
  case "$code" in
    201 | 409) ;;
    *) echo "creating bench-seller-$i answered $code"; exit 1 ;;
  esac
done

psql -h "${POSTGRESQL_HOST:-127.0.0.1}" -p "${POSTGRESQL_PORT:-5432}" -U "${POSTGRESQL_USER:-postgres}" \
  -q -v ON_ERROR_STOP=1 -v count="$COUNT" -f catalogue-data.sql "${POSTGRESQL_DATABASE:-escrow_bench}"
echo "catalogue: $COUNT offers added by $SELLERS sellers (log in as bench-seller-1 / $BENCH_PASSWORD)"
