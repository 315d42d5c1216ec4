#!/usr/bin/env bash
# Two Kam servers behind nginx on one PostgreSQL, measured through the proxy (the README's "Several app servers"):
#   BOOK=/srv/book bench/cluster.sh [FILE ...] [-- options for Kam.Bench run]
# BOOK is a book that "bench/run.sh --postgres" seeded (its PostgreSQL files in BOOK/pg). Default scenarios:
# accounts, fieldwork and deals at 1 and 8 clients. The servers run from the Release build with
# Kam:MigrateOnStart=false after one "migrate"; nginx (Debian's) runs deploy/nginx/kam.conf. Requests carry no
# cookie, so the proxy spreads them over both servers. Results go to bench/results/ (or RESULTS_DIR) as for run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
INVOKED="bench/cluster.sh${*:+ $*}"
BOOK=${BOOK:?"BOOK=<a book seeded by bench/run.sh --postgres> bench/cluster.sh"}
[ -f "$BOOK/pg/PG_VERSION" ] || { echo "bench/cluster.sh: no PostgreSQL book in $BOOK/pg (seed one: BOOK=$BOOK bench/run.sh --postgres)" >&2; exit 64; }
[ -x /usr/sbin/nginx ] || { echo "bench/cluster.sh: needs Debian's nginx (apt-get install nginx)" >&2; exit 1; }
FILES=(); BENCH_ARGS=(--concurrency 1,8)
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; BENCH_ARGS=("$@"); break ;;
    *) FILES+=("$1") ;;
  esac
  shift
done
[ ${#FILES[@]} -gt 0 ] || FILES=(bench/scenarios/accounts.json bench/scenarios/fieldwork.json bench/scenarios/deals.json)
RESULTS=${RESULTS_DIR:-$ROOT/bench/results}; mkdir -p "$RESULTS"
STAMP=$(date -u +%Y%m%d-%H%M%S)
WORK=$(mktemp -d /tmp/kam-cluster-bench.XXXXXX); chmod 777 "$WORK"
WEB=src/Kam.Web/bin/Release/net10.0/Kam.Web.dll
BENCH=bench/Kam.Bench/bin/Release/net10.0/Kam.Bench.dll
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=(); NGINX=""
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -z "$NGINX" ] || kill "$NGINX" 2>/dev/null || true
  as_pg "$(pg_bin)/pg_ctl" -D "$BOOK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Build (Release)"
dotnet build src/Kam.Web -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Kam.Bench -c Release -nologo -clp:ErrorsOnly

echo "== PostgreSQL, migrate once"
PGPORT=$(free_port)
as_pg "$(pg_bin)/pg_ctl" -D "$BOOK/pg" -l "$BOOK/pg/server.log" -w -o "-p $PGPORT -k $BOOK/pg -c listen_addresses=127.0.0.1 \
  -c shared_buffers=2GB -c work_mem=32MB -c max_connections=300" start >/dev/null
DB=(--Database:Provider=Postgres "--ConnectionStrings:Kam=Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=kam;Maximum Pool Size=100" --Kam:DataDir="$BOOK")
dotnet "$WEB" migrate "${DB[@]}" > "$RESULTS/cluster-migrate-$STAMP.log" 2>&1

echo "== Two Kam servers and nginx"
P1=$(free_port); P2=$(free_port); PP=$(free_port)
for port in $P1 $P2; do
  dotnet "$WEB" --urls "http://127.0.0.1:$port" "${DB[@]}" --Kam:MigrateOnStart=false --Kam:ForwardedHeaders=true \
    --Kam:SignIn:AttemptsPerMinute=100000 > "$RESULTS/cluster-server-$port-$STAMP.log" 2>&1 &
  PIDS+=($!)
done
sed -e "s/KAM_SERVER_1/127.0.0.1:$P1/g" -e "s/KAM_SERVER_2/127.0.0.1:$P2/g" -e "s/KAM_LISTEN/127.0.0.1:$PP/g" deploy/nginx/kam.conf > "$WORK/kam.conf"
cat > "$WORK/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
    include $WORK/kam.conf;
}
CONF
/usr/sbin/nginx -p "$WORK" -c "$WORK/nginx.conf" &
NGINX=$!
for port in $P1 $P2 $PP; do
  for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ] && break; sleep 0.2; done
done
echo "servers on $P1 and $P2 (PIDs ${PIDS[*]}), nginx on $PP"

status=0
for file in "${FILES[@]}"; do
  echo "== Scenarios through the proxy: $file"
  dotnet "$BENCH" run --base "http://127.0.0.1:$PP" --scenarios "$file" --results "$RESULTS" \
    --meta "Set-up=two Kam servers (Release, PostgreSQL book $BOOK) behind nginx (deploy/nginx/kam.conf), requests spread over both" \
    --meta "Invoked as=$INVOKED" "${BENCH_ARGS[@]}" || status=$?
done
exit "$status"
