#!/usr/bin/env bash
# Kam's soak in one command (see bench/README.md, "Soak"): a mixed load of reads and writes for a fixed time.
#   bench/soak.sh                                 10 minutes, 4 clients (am1..am4), on a book seeded at SCALE (default 50000)
#   SCALE=0 MINUTES=1 CLIENTS=2 bench/soak.sh     the demo department only, one minute: a quick smoke test
#   bench/soak.sh -- --seed 7                     anything after -- goes to "Kam.Bench soak"
# Environment: SCALE (50000), MINUTES (10), WARMUP (3 minutes of the same load first, not measured: SQLite's page
# caches fill over several minutes on the 50,000-account book), CLIENTS (4), STARTUP_TIMEOUT (300 s until /health answers).
# It builds Kam and Kam.Bench (Release), seeds a fresh SQLite database in a temp folder, starts Kam on a free
# loopback port, runs the soak over HTTP, stops the server and removes the temp folder. The exit code is non-zero
# when a step failed or the soak saw any error.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
INVOKED="bench/soak.sh${*:+ $*}"
STARTED=$(date +%s)
SCALE=${SCALE:-50000}
MINUTES=${MINUTES:-10}
WARMUP=${WARMUP:-3}
CLIENTS=${CLIENTS:-4}
BENCH_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; BENCH_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench/soak.sh: unknown argument $1 (options for Kam.Bench soak go after --)" >&2; exit 64 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step() { printf '\n== %s\n' "$*"; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

RESULTS=$ROOT/bench/results
STAMP=$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS"
WEB=src/Kam.Web/bin/Release/net10.0/Kam.Web.dll
BENCH=bench/Kam.Bench/bin/Release/net10.0/Kam.Bench.dll
DATA=$(mktemp -d /tmp/kam-soak.XXXXXX)
SERVER_LOG=$RESULTS/soak-server-$STAMP.log
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

step "Build (Release)"
dotnet build src/Kam.Web -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Kam.Bench -c Release -nologo -clp:ErrorsOnly

step "Seed: seed-demo --scale $SCALE into $DATA"
t0=$(now)
dotnet "$WEB" seed-demo --scale "$SCALE" --Kam:DataDir="$DATA" > "$RESULTS/soak-seed-$STAMP.log" 2>&1 \
  || { tail -20 "$RESULTS/soak-seed-$STAMP.log"; echo "bench/soak.sh: seeding failed" >&2; exit 1; }
SEED_S=$(secs "$t0" "$(now)")
DB_MB=$(du -cm "$DATA"/kam.db* 2>/dev/null | tail -1 | cut -f1 || echo "?") # with the -wal file
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}
echo "seeded in $SEED_S s (kam.db $DB_MB MB)"

step "Start Kam"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
t0=$(now)
# "dotnet Kam.Web.dll" runs the app in the dotnet process itself, so $! is the server's PID (whose memory is read).
# No scheduler: its reminder runs would add load of their own at times the soak does not choose. The sign-in limit is
# per address and every client comes from 127.0.0.1.
dotnet "$WEB" --urls "$BASE" --Kam:DataDir="$DATA" --Kam:Demo=true --Kam:Scheduler:Enabled=false \
  --Kam:SignIn:AttemptsPerMinute=100000 > "$SERVER_LOG" 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    tail -30 "$SERVER_LOG"; echo "bench/soak.sh: Kam exited during start-up" >&2; exit 1
  fi
  if [ $(( ($(now) - t0) / 1000000000 )) -ge "$STARTUP_TIMEOUT" ]; then
    tail -30 "$SERVER_LOG"; echo "bench/soak.sh: /health did not answer 200 within $STARTUP_TIMEOUT s" >&2; exit 1
  fi
  sleep 0.1
done
START_S=$(secs "$t0" "$(now)")
echo "Kam (PID $PID) answers on $BASE after $START_S s"

step "Soak: $WARMUP minute(s) of warm-up, then $MINUTES measured, $CLIENTS client(s)"
status=0
dotnet "$BENCH" soak --base "$BASE" --minutes "$MINUTES" --warmup "$WARMUP" --clients "$CLIENTS" --server-pid "$PID" --results "$RESULTS" \
  --meta "Seed=seed-demo --scale $SCALE: $SEED_S s, kam.db $DB_MB MB" \
  --meta "Server start-up=$START_S s until /health answered 200 (PID $PID, SQLite, Release, --Kam:Demo=true --Kam:Scheduler:Enabled=false)" \
  --meta "Invoked as=SCALE=$SCALE MINUTES=$MINUTES WARMUP=$WARMUP CLIENTS=$CLIENTS $INVOKED" \
  "${BENCH_ARGS[@]}" || status=$?

step "Stop Kam"
echo "server peak memory (VmHWM): $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$PID/status" 2>/dev/null || echo '?')"
# Kam logs JSON lines (plain "fail:" lines in Development): a 500 the soak counted has its exception here.
if grep -qE '"LogLevel":"(Error|Critical)"|^(fail|crit): ' "$SERVER_LOG"; then
  echo "the server logged $(grep -cE '"LogLevel":"(Error|Critical)"|^(fail|crit): ' "$SERVER_LOG") errors during the soak (the first 5, cut):"
  { grep -E '"LogLevel":"(Error|Critical)"|^(fail|crit): ' "$SERVER_LOG" | head -5 | cut -c1-400 | sed 's|^|  |'; } || true
fi
cleanup
PID=""
step "Results"
find "$RESULTS" -maxdepth 1 -type f -newermt "@$STARTED" | sort | sed 's|^|  |'
echo "  server log: $SERVER_LOG"
exit "$status"
