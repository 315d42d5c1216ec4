#!/usr/bin/env bash
# Kam's HTTP benchmarks in one command (see bench/README.md):
#   bench/run.sh                                      foundation scenarios on a book seeded at SCALE (default 50000)
#   SCALE=0 bench/run.sh                              the demo department only (quick)
#   bench/run.sh bench/scenarios/accounts.json        another scenario file
#   bench/run.sh --import [--rows 100000]             also upload a generated .xlsx to the account import
#   bench/run.sh --no-scenarios --import              the import alone
#   bench/run.sh FILE -- --concurrency 1,2,4          anything after -- goes to "Kam.Bench run"
#   bench/run.sh A.json B.json                        several scenario files against one server
#   BOOK=/srv/book bench/run.sh ...                   seed into BOOK once and keep it: later runs reuse it
#   bench/run.sh --postgres FILE ...                  the same on PostgreSQL: a local server it starts (in BOOK/pg when
#                                                     BOOK is set), seeded through the bulk writer's COPY path, VACUUM ANALYZEd
#   bench/pg-vs-sqlite.sh FILE ...                    both, one after the other, and a table of the two side by side
# Environment: SCALE (50000), ROWS (100000), STARTUP_TIMEOUT (300 s until /health answers), BOOK (a kept data folder).
# It builds Kam and Kam.Bench (Release), seeds a fresh SQLite database in a temp folder, starts Kam on a free
# loopback port, runs the benchmarks over HTTP, stops the server and removes the temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
INVOKED="bench/run.sh${*:+ $*}"
STARTED=$(date +%s)
SCALE=${SCALE:-50000}
ROWS=${ROWS:-100000}
SCENARIOS=()
RUN_SCENARIOS=true
IMPORT=false
BENCH_ARGS=()
POSTGRES=false
while [ $# -gt 0 ]; do
  case "$1" in
    --import) IMPORT=true ;;
    --rows) ROWS=$2; shift ;;
    --no-scenarios) RUN_SCENARIOS=false ;;
    --) shift; BENCH_ARGS=("$@"); break ;;
    --postgres) POSTGRES=true ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "bench/run.sh: unknown option $1" >&2; exit 64 ;;
    *) SCENARIOS+=("$1") ;;
  esac
  shift
done
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(bench/scenarios/foundation.json)
for file in "${SCENARIOS[@]}"; do
  [ -f "$file" ] || { echo "bench/run.sh: no scenario file $file" >&2; exit 64; }
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step() { printf '\n== %s\n' "$*"; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

RESULTS=${RESULTS_DIR:-$ROOT/bench/results}
STAMP=$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS"
WEB=src/Kam.Web/bin/Release/net10.0/Kam.Web.dll
BENCH=bench/Kam.Bench/bin/Release/net10.0/Kam.Bench.dll
# BOOK keeps the seeded folder between runs (seeding 50,000 accounts takes minutes); otherwise a temp folder.
if [ -n "${BOOK:-}" ]; then DATA=$BOOK; mkdir -p "$DATA"; else DATA=$(mktemp -d /tmp/kam-bench.XXXXXX); fi
SERVER_LOG=$RESULTS/server-$STAMP.log
PID=""
DB_ARGS=()
PGDATA=""
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { [ -z "$PGDATA" ] || as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; }

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  stop_pg
  [ -n "${BOOK:-}" ] || rm -rf "$DATA"
}
trap cleanup EXIT

step "Build (Release)"
dotnet build src/Kam.Web -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Kam.Bench -c Release -nologo -clp:ErrorsOnly

if [ "$POSTGRES" = true ]; then
  # The settings of issue 18's table: shared_buffers 2 GB, work_mem 32 MB; the server's files live in DATA/pg.
  step "PostgreSQL"
  [ -n "$(pg_bin)" ] || { echo "bench/run.sh: --postgres needs Debian's postgresql (apt-get install postgresql)" >&2; exit 1; }
  PGDATA=$DATA/pg
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$DATA"
    as_pg "$(pg_bin)/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 \
    -c shared_buffers=2GB -c work_mem=32MB -c max_connections=200" start >/dev/null
  PSQL=("$(pg_bin)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
  "${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'kam'" | grep -q 1 || "${PSQL[@]}" -d postgres -c "CREATE DATABASE kam"
  echo "PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT ($PGDATA)"
  DB_ARGS=(--Database:Provider=Postgres "--ConnectionStrings:Kam=Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=kam;Maximum Pool Size=100")
  SEEDED=$DATA/.seeded-postgres
else
  SEEDED=$DATA/kam.db
fi

if [ -n "${BOOK:-}" ] && [ -f "$SEEDED" ]; then
  step "Book: reusing $DATA (not seeded again; its migrations run at start-up)"
  SEED_S="kept"
else
  step "Seed: seed-demo --scale $SCALE into $DATA"
  t0=$(now)
  dotnet "$WEB" seed-demo --scale "$SCALE" --Kam:DataDir="$DATA" "${DB_ARGS[@]}" > "$RESULTS/seed-$STAMP.log" 2>&1 \
    || { tail -20 "$RESULTS/seed-$STAMP.log"; echo "bench/run.sh: seeding failed" >&2; exit 1; }
  SEED_S=$(secs "$t0" "$(now)")
  [ "$POSTGRES" = true ] && touch "$SEEDED"
fi
if [ "$POSTGRES" = true ]; then
  # Fresh statistics and the visibility map (index-only scans), as an operator runs after a bulk load (autovacuum
  # would get there later); quick on a kept book, whose pages are already marked.
  "${PSQL[@]}" -d kam -c "VACUUM ANALYZE"
  DB_MB=$("${PSQL[@]}" -d kam -c "SELECT pg_database_size('kam') / 1048576")
else
  DB_MB=$(du -cm "$DATA"/kam.db* 2>/dev/null | tail -1 | cut -f1 || echo "?") # with the -wal file
fi
DB_NAME=$([ "$POSTGRES" = true ] && echo "PostgreSQL" || echo "SQLite")
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}
echo "seeded in $SEED_S s ($DB_NAME $DB_MB MB)"

step "Start Kam"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
t0=$(now)
# "dotnet Kam.Web.dll" runs the app in the dotnet process itself, so $! is the server's PID.
# Sign-in is limited per address (10 a minute); every scenario signs its users in, so the benchmark lifts it.
dotnet "$WEB" --urls "$BASE" --Kam:DataDir="$DATA" "${DB_ARGS[@]}" --Kam:Demo=true --Kam:SignIn:AttemptsPerMinute=100000 > "$SERVER_LOG" 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    tail -30 "$SERVER_LOG"; echo "bench/run.sh: Kam exited during start-up" >&2; exit 1
  fi
  if [ $(( ($(now) - t0) / 1000000000 )) -ge "$STARTUP_TIMEOUT" ]; then
    tail -30 "$SERVER_LOG"; echo "bench/run.sh: /health did not answer 200 within $STARTUP_TIMEOUT s" >&2; exit 1
  fi
  sleep 0.1
done
START_S=$(secs "$t0" "$(now)")
echo "Kam (PID $PID) answers on $BASE after $START_S s"

META=(--meta "Seed=seed-demo --scale $SCALE: $SEED_S s, $DB_NAME database $DB_MB MB"
      --meta "Server start-up=$START_S s until /health answered 200 (PID $PID, $DB_NAME, --Kam:Demo=true)"
      --meta "Invoked as=SCALE=$SCALE $INVOKED")
status=0
if [ "$RUN_SCENARIOS" = true ]; then
  for file in "${SCENARIOS[@]}"; do
    step "Scenarios: $file"
    dotnet "$BENCH" run --base "$BASE" --scenarios "$file" --server-pid "$PID" --results "$RESULTS" \
      "${META[@]}" "${BENCH_ARGS[@]}" || status=$?
  done
fi
if [ "$IMPORT" = true ]; then
  step "Import: $ROWS rows"
  dotnet "$BENCH" import --rows "$ROWS" --base "$BASE" --user assistant --server-pid "$PID" --results "$RESULTS" \
    "${META[@]}" || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }
fi

step "Stop Kam"
echo "server peak memory (VmHWM): $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$PID/status" 2>/dev/null || echo '?')"
cleanup
PID=""
PGDATA=""
step "Results"
find "$RESULTS" -maxdepth 1 -type f -newermt "@$STARTED" | sort | sed 's|^|  |'
echo "  server log: $SERVER_LOG"
exit "$status"
