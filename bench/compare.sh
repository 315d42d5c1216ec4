#!/usr/bin/env bash
# Before and after: the same scenario files against two builds of Kam on one seeded book.
#   bench/compare.sh REV [scenario.json ...]     REV (e.g. a commit or main~3) is "before", the working tree "after"
# BENCH_ARGS (e.g. "--concurrency 1") go to every Kam.Bench run; AFTER_FIRST=1 swaps the order of the two builds.
# Seeds once with the working tree's build (SCALE, default 50000), then for each build in turn starts Kam on that
# data, runs every scenario file and stops it. Results (one .md/.json per build and file) go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REV=${1:?usage: bench/compare.sh REV [scenario.json ...]}; shift
FILES=("$@"); [ ${#FILES[@]} -gt 0 ] || FILES=(bench/scenarios/foundation.json bench/scenarios/accounts.json bench/scenarios/fieldwork.json bench/scenarios/deals.json)
SCALE=${SCALE:-50000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS=$ROOT/bench/results; mkdir -p "$RESULTS"
BEFORE=$(mktemp -d /tmp/kam-before.XXXXXX); DATA=$(mktemp -d /tmp/kam-compare.XXXXXX); PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  git worktree remove --force "$BEFORE" >/dev/null 2>&1 || rm -rf "$BEFORE"
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "== Build: after (working tree) and before ($REV)"
dotnet build src/Kam.Web -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Kam.Bench -c Release -nologo -clp:ErrorsOnly
git worktree add --detach -f "$BEFORE" "$REV" >/dev/null
dotnet build "$BEFORE/src/Kam.Web" -c Release -nologo -clp:ErrorsOnly

echo "== Seed --scale $SCALE"
dotnet src/Kam.Web/bin/Release/net10.0/Kam.Web.dll seed-demo --scale "$SCALE" --Kam:DataDir="$DATA" > "$RESULTS/compare-seed.log" 2>&1

run() { # label web.dll
  local label=$1 web=$2 port base
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  dotnet "$web" --urls "$base" --Kam:DataDir="$DATA" --Kam:Demo=true --Kam:Scheduler:Enabled=false > "$RESULTS/compare-$label-server.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)" = 200 ]; do sleep 0.2; done
  for f in "${FILES[@]}"; do
    echo "== $label: $f"
    dotnet bench/Kam.Bench/bin/Release/net10.0/Kam.Bench.dll run --base "$base" --scenarios "$f" --server-pid "$PID" \
      --results "$RESULTS" --meta "Build=$label" ${BENCH_ARGS:-} || true
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}
# AFTER_FIRST=1 measures the working tree first: to tell a real difference from the order the two runs take.
if [ -n "${AFTER_FIRST:-}" ]; then
  run after "$ROOT/src/Kam.Web/bin/Release/net10.0/Kam.Web.dll"
  run before "$BEFORE/src/Kam.Web/bin/Release/net10.0/Kam.Web.dll"
else
  run before "$BEFORE/src/Kam.Web/bin/Release/net10.0/Kam.Web.dll"
  run after "$ROOT/src/Kam.Web/bin/Release/net10.0/Kam.Web.dll"
fi
ls -t "$RESULTS"/*.md | head -$(( ${#FILES[@]} * 2 ))
