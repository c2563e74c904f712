#!/usr/bin/env python3
"""Summarises bench/scale.sh's results.tsv: per database, size and route the
median req/s (and its spread over the rounds), the ratio to /api/health
measured just before it, p50 and p99; then the growth between sizes, when
the run had two. With STRICT=1 in the environment, exits 1 when any answer
was not 2xx or timed out."""
import collections
import math
import os
import statistics
import sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
runs = collections.OrderedDict()
last_health = {}
failures = []
for engine, size, route, _round, rps, p50, p99, bad, timeouts in rows:
    key = (engine, size)
    rps, p50, p99, bad, timeouts = float(rps), float(p50), float(p99), int(bad), int(timeouts)
    if bad or timeouts:
        failures.append(f"{engine} {size} {route}: {bad} not 2xx, {timeouts} timeouts")
    if route == "health":
        last_health[key] = rps
        continue
    entry = runs.setdefault(key, collections.OrderedDict()).setdefault(
        route, {"rps": [], "p50": [], "p99": [], "ratio": []})
    entry["rps"].append(rps)
    entry["p50"].append(p50)
    entry["p99"].append(p99)
    if route != "writes" and not route.startswith("health-") and last_health.get(key):
        entry["ratio"].append(rps / last_health[key])


def spread(values, fmt):
    if len(values) == 1:
        return fmt(values[0])
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def verdict(route, e):
    if route == "writes":
        return ""
    if route.startswith("health-"):
        return "✓" if min(e["rps"]) > 0 and max(e["p99"]) <= 5 else "✗ p99 > 5 ms or starved"
    if not e["ratio"]:
        return "✗ health starved"
    ok = statistics.median(e["ratio"]) >= 0.10 and statistics.median(e["p99"]) <= 25
    return "✓" if ok else "✗"


for (engine, size), routes in runs.items():
    print(f"\n{engine}, {size}")
    print(f"  {'route':<34} {'req/s':>24} {'of health':>20} {'p50 ms':>22} {'p99 ms':>22}")
    for route, e in routes.items():
        ratio = spread(e["ratio"], lambda v: f"{v:.1%}") if e["ratio"] else ""
        print(f"  {route:<34} {spread(e['rps'], lambda v: f'{v:,.0f}'):>24} {ratio:>20}"
              f" {spread(e['p50'], lambda v: f'{v:.2f}'):>22} {spread(e['p99'], lambda v: f'{v:.2f}'):>22}"
              f"  {verdict(route, e)}")

engines = {engine for engine, _ in runs}
for engine in sorted(engines):
    if (engine, "small") in runs and (engine, "large") in runs:
        print(f"\n{engine}: growth small → large (p50 latency ×, req/s ×)")
        small, large = runs[(engine, "small")], runs[(engine, "large")]
        for route in large:
            if route in small and not route.startswith("health-"):
                a, b = statistics.median(small[route]["p50"]), statistics.median(large[route]["p50"])
                ra, rb = statistics.median(small[route]["rps"]), statistics.median(large[route]["rps"])
                growth = b / a if a else math.nan
                print(f"  {route:<34} p50 {a:.2f} → {b:.2f} ms (×{growth:.2f}), req/s {ra:,.0f} → {rb:,.0f}"
                      f"  {'✓' if growth <= 1.5 else '✗'}")

if failures:
    print("\nanswers that were not 2xx:\n  " + "\n  ".join(failures))
    if os.environ.get("STRICT"):
        sys.exit(1)
