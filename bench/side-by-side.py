#!/usr/bin/env python3
"""The results of two bench/run.sh runs side by side: python3 bench/side-by-side.py SQLITE_RESULTS_DIR POSTGRES_RESULTS_DIR."""
import glob, json, os, sys
def load(folder):
    rows, meta = {}, {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        report = json.load(open(path, encoding="utf-8"))
        if "results" not in report:
            continue
        meta[report["name"]] = dict((m["key"], m["value"]) for m in report.get("meta", []))
        for r in report["results"]:
            rows[(report["name"], r["scenario"], r["clients"])] = r
    return rows, meta
sqlite, sm = load(sys.argv[1])
pg, pm = load(sys.argv[2])
print("# PostgreSQL beside SQLite\n")
for name in sorted(set(sm) | set(pm)):
    print(f"- {name}: SQLite {sm.get(name, {}).get('Seed', '?')}; PostgreSQL {pm.get(name, {}).get('Seed', '?')}")
print("\n| file | scenario | clients | PostgreSQL median / p95 ms | SQLite median / p95 ms | p95 ratio | errors (pg / sqlite) |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
def cell(r):
    return "skipped" if r is None or r.get("skipped") else f"{r['medianMs']:.2f} / {r['p95Ms']:.2f}"
for key in sorted(set(sqlite) | set(pg), key=lambda k: (k[0], k[2], k[1])):
    s, p = sqlite.get(key), pg.get(key)
    ratio = f"{p['p95Ms'] / s['p95Ms']:.1f}×" if s and p and s["p95Ms"] and not s.get("skipped") and not p.get("skipped") else ""
    print(f"| {key[0]} | {key[1]} | {key[2]} | {cell(p)} | {cell(s)} | {ratio} | {p['errors'] if p else '-'} / {s['errors'] if s else '-'} |")
