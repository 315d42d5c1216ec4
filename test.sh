#!/usr/bin/env bash
# Kam's whole test suite, from a fresh machine with the .NET SDK:
#   1. installs what the tests need when it is missing (Debian chromium, postgresql, nginx, CJK fonts);
#   2. builds, and checks the code style (dotnet format --verify-no-changes);
#   3. runs the unit tests, the API suite on SQLite, the API suite again on a PostgreSQL server it starts
#      itself (and removes afterwards), the browser tests in Chromium, and the cluster lane: two Kam servers
#      (the Release build) behind nginx on that PostgreSQL (tests/Kam.Cluster.Tests);
#   4. ends with the line "N passed, N failed" counted from the test results.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step() { printf '\n== %s\n' "$*"; }
failed_checks=0

# ---- 1. what the tests need ---------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (dotnet on PATH): https://dotnet.microsoft.com/download" >&2
  echo "0 passed, 1 failed"; exit 1
fi
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
fc-list 2>/dev/null | grep -qiE 'Noto Sans CJK|Noto Serif CJK|WenQuanYi' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}" >&2; echo "0 passed, 1 failed"; exit 1; }
fi

# ---- 2. build and style ---------------------------------------------------------------------
step "Build"
if ! dotnet build Kam.slnx -nologo -clp:ErrorsOnly; then
  echo "Build failed."; echo "0 passed, 1 failed"; exit 1
fi
# The cluster lane runs Kam as operators do: the Release binary.
if ! dotnet build src/Kam.Web -c Release -nologo -clp:ErrorsOnly; then
  echo "Release build failed."; echo "0 passed, 1 failed"; exit 1
fi
step "Code style (dotnet format --verify-no-changes)"
if ! dotnet format Kam.slnx --verify-no-changes --no-restore; then
  echo "Code style check failed: run 'dotnet format Kam.slnx'."
  failed_checks=$((failed_checks + 1))
fi

# ---- 3. PostgreSQL for the second run of the API suite --------------------------------------
PGDATA=""
stop_pg() {
  if [ -n "$PGDATA" ] && [ -d "$PGDATA" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop_pg EXIT
step "Starting PostgreSQL"
PGDATA=$(mktemp -d /tmp/kam-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
if as_pg "$(pg_bin)/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
   && as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
        -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  export KAM_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
else
  echo "PostgreSQL did not start."; [ -f "$PGDATA/server.log" ] && tail -20 "$PGDATA/server.log"
  failed_checks=$((failed_checks + 1))
fi

# ---- 4. the suites --------------------------------------------------------------------------
run_suite() { # name project [ENV=VALUE...]
  local name=$1 project=$2; shift 2
  step "$name"
  env "$@" dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
    || echo "($name reported failures)"
}
run_suite core tests/Kam.Core.Tests
run_suite api-sqlite tests/Kam.Web.Tests KAM_TEST_DB=Sqlite
if [ -n "${KAM_TEST_PG:-}" ]; then
  run_suite api-postgres tests/Kam.Web.Tests KAM_TEST_DB=Postgres
fi
run_suite e2e tests/Kam.E2E.Tests
if [ -n "${KAM_TEST_PG:-}" ]; then
  run_suite cluster tests/Kam.Cluster.Tests
fi

# ---- 5. the count ---------------------------------------------------------------------------
step "Summary"
python3 - "$RESULTS" "$failed_checks" <<'PY'
import glob, os, re, sys
results, extra = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
for path in sorted(glob.glob(os.path.join(results, "*.trx"))):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters[^>]*>', text)
    if not m:
        continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p, f = int(c.get("passed", 0)), int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s = int(c.get("total", 0)) - int(c.get("executed", 0))
    print(f"  {os.path.basename(path)[:-4]:<14} {p:>4} passed, {f} failed, {s} skipped")
    if int(c.get("total", 0)) == 0:
        print(f"  {os.path.basename(path)[:-4]} ran no test")
        f += 1
    passed, failed, skipped = passed + p, failed + f, skipped + s
expected = 5 if os.environ.get("KAM_TEST_PG") else 3
if len(glob.glob(os.path.join(results, "*.trx"))) < expected:
    print("  a suite produced no results")
    failed += 1
failed += extra
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
