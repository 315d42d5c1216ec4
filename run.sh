#!/usr/bin/env bash
# Runs Kam on http://127.0.0.1:5080 with an embedded SQLite database under ./data (migrated on start).
#   ./run.sh               a clean Kam; the first start prints the admin password once
#   ./run.sh --demo        with the demo department (exec, head, assistant, am1–am4, admin; password Demo#2026)
#   ./run.sh --urls http://0.0.0.0:8080 --Kam:DataDir=/srv/kam    any other setting, see README
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Kam.Web -c Release --no-launch-profile -- "$@"
