#!/usr/bin/env bash
# Runs Kam on http://127.0.0.1:5080 with an embedded SQLite database under ./data (migrated on start).
#   ./run.sh               a clean Kam; the first start prints the admin password once
#   ./run.sh --demo        with the demo department (exec, head, assistant, am1–am4, admin; password Demo#2026)
#   ./run.sh --urls http://0.0.0.0:8080 --Kam:DataDir=/srv/kam    any other setting, see README
# The console shows readable log lines; servers keep the default JSON lines (Logging:Console:FormatterName).
set -euo pipefail
cd "$(dirname "$0")"
args=("$@")
case " $* " in *Kam:DataDir*) ;; *) args+=("--Kam:DataDir=$PWD/data") ;; esac
case " $* " in *FormatterName*) ;; *) args+=("--Logging:Console:FormatterName=simple") ;; esac
echo "Kam: building the Release binary (the first time takes about a minute)..."
dotnet build src/Kam.Web -c Release -nologo -v quiet -clp:ErrorsOnly
echo "Kam: starting; data in ${PWD}/data unless --Kam:DataDir says otherwise."
exec dotnet run --no-build --project src/Kam.Web -c Release --no-launch-profile -- "${args[@]}"
