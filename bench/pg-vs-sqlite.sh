#!/usr/bin/env bash
# The same scenario files on SQLite and on PostgreSQL, one after the other on this machine, and one table of both:
#   bench/pg-vs-sqlite.sh [FILE ...]        (default: accounts, fieldwork, deals, figures)
#   BOOK=/srv/books bench/pg-vs-sqlite.sh   keeps the two seeded books in /srv/books/sqlite and /srv/books/postgres
# SCALE (50000) as for run.sh. Anything after -- goes to every "Kam.Bench run" (e.g. -- --concurrency 1).
# Writes bench/results/pg-vs-sqlite-STAMP.md: per scenario and number of clients, median / p95 ms on each, the
# ratio of the p95s, and errors.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=(); EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; EXTRA=(-- "$@"); break ;;
    *) FILES+=("$1") ;;
  esac
  shift
done
[ ${#FILES[@]} -gt 0 ] || FILES=(bench/scenarios/accounts.json bench/scenarios/fieldwork.json bench/scenarios/deals.json bench/scenarios/figures.json)
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT=bench/results/pg-vs-sqlite-$STAMP; mkdir -p "$OUT/sqlite" "$OUT/postgres"
BOOK_SQLITE=""; BOOK_PG=""
if [ -n "${BOOK:-}" ]; then BOOK_SQLITE=$BOOK/sqlite; BOOK_PG=$BOOK/postgres; fi
BOOK=$BOOK_SQLITE RESULTS_DIR=$OUT/sqlite bash bench/run.sh "${FILES[@]}" "${EXTRA[@]}"
BOOK=$BOOK_PG RESULTS_DIR=$OUT/postgres bash bench/run.sh --postgres "${FILES[@]}" "${EXTRA[@]}"
python3 bench/side-by-side.py "$OUT/sqlite" "$OUT/postgres" > "bench/results/pg-vs-sqlite-$STAMP.md"
echo "bench/pg-vs-sqlite.sh: bench/results/pg-vs-sqlite-$STAMP.md"
cat "bench/results/pg-vs-sqlite-$STAMP.md"
