#!/usr/bin/env python3
"""Times plain SQL on a Kam SQLite book, the floor the API is compared with (bench/README.md, "Raw SQL").

    python3 bench/rawsql.py /path/to/kam.db [--requests 300]

Each statement set is what one API call needs (a page and its count), run the given number of times after a
warm-up, in one process with Python's sqlite3: median and p95 in milliseconds.
"""
import argparse
import sqlite3
import statistics
import time

LIST_COLUMNS = ('"Id", "Name", "ShortName", "CreditCode", "Category", "Tier", "Status", "ProvinceCode", "CityCode", '
                '"OwnerId", "AnnualPurchase", "Tags", "UpdatedAt", "ArchivedAt"')

CASES = {
    # GET /api/accounts?page=1&pageSize=20 as the head: the first page in the default order with its owners' names
    # (the page shows them), and the total.
    "account-list-page+count": [
        (f'SELECT {LIST_COLUMNS}, (SELECT u."DisplayName" FROM "AspNetUsers" AS u WHERE u."Id" = a."OwnerId" LIMIT 1) '
         'FROM "Accounts" AS a WHERE "ArchivedAt" IS NULL ORDER BY "UpdatedAt" DESC LIMIT 20', ()),
        ('SELECT COUNT(*) FROM "Accounts" WHERE "ArchivedAt" IS NULL', ()),
    ],
    # The same without the owners' names (what this case measured before the list showed them from its own query).
    "account-list-page+count-no-owner": [
        (f'SELECT {LIST_COLUMNS} FROM "Accounts" WHERE "ArchivedAt" IS NULL ORDER BY "UpdatedAt" DESC LIMIT 20', ()),
        ('SELECT COUNT(*) FROM "Accounts" WHERE "ArchivedAt" IS NULL', ()),
    ],
    # The same page reading every column (what the list read before it selected its columns).
    "account-list-all-columns": [
        ('SELECT * FROM "Accounts" WHERE "ArchivedAt" IS NULL ORDER BY "UpdatedAt" DESC LIMIT 20', ()),
        ('SELECT COUNT(*) FROM "Accounts" WHERE "ArchivedAt" IS NULL', ()),
    ],
    # A contains-scan of every account's search text for 华远 (what search did before the index).
    "account-search-scan": [
        (f'SELECT {LIST_COLUMNS} FROM "Accounts" WHERE "ArchivedAt" IS NULL AND "SearchText" LIKE ? ESCAPE \'\\\' '
         'ORDER BY "UpdatedAt" DESC LIMIT 20', ("%华远%",)),
        ('SELECT COUNT(*) FROM "Accounts" WHERE "ArchivedAt" IS NULL AND "SearchText" LIKE ? ESCAPE \'\\\'', ("%华远%",)),
    ],
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    con.execute("PRAGMA cache_size=-65536")
    print("| statement set | median ms | p95 ms |")
    print("|---|--:|--:|")
    for name, statements in CASES.items():
        times = []
        for i in range(args.warmup + args.requests):
            started = time.perf_counter()
            for sql, params in statements:
                con.execute(sql, params).fetchall()
            if i >= args.warmup:
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"| {name} | {statistics.median(times):.2f} | {p95:.2f} |")


if __name__ == "__main__":
    main()
