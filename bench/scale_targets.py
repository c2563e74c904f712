#!/usr/bin/env python3
"""Writes the request lists bench/scale.sh loads with wrk: one file of paths
per route (varied, so that no cache hides the cost) and the access tokens of
a busy specialist. Ids come from the database itself; the tokens from
signing in as the seeded accounts.

usage: scale_targets.py BASE_URL DATABASE OUT_DIR BUSY
  DATABASE: a postgresql:// URL, or the SQLite file's path
"""
import datetime
import json
import random
import subprocess
import sqlite3
import sys
import urllib.request

base, database, out, busy = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rng = random.Random(2026)


def rows(sql):
    if database.startswith("postgres"):
        text = subprocess.run(["psql", database, "-At", "-F", "\t", "-c", sql], check=True,
                              capture_output=True, text=True).stdout
        return [line.split("\t") for line in text.splitlines() if line]
    with sqlite3.connect(database) as db:
        return [[str(v) for v in r] for r in db.execute(sql)]


def sign_in(email):
    body = json.dumps({"email": email, "password": "confer-demo-2026"}).encode()
    req = urllib.request.Request(base + "/api/auth/login", body, {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["accessToken"]


def write(name, paths, token=""):
    with open(f"{out}/{name}.paths", "w") as f:
        f.write("\n".join(paths) + "\n")
    with open(f"{out}/{name}.token", "w") as f:
        f.write(token)


specialists = rows("SELECT u.id, u.email FROM users u JOIN specialist_profiles p ON p.user_id = u.id"
                   " WHERE u.email LIKE 'specialist-%@scale.confer.test' ORDER BY u.email")
ids = [r[0] for r in specialists]
busy_id = ids[0]
idle_ids = ids[busy:] or ids
pages = max(1, len(ids) // 20)
today = datetime.date.today()
days = [(today + datetime.timedelta(days=d)).isoformat() for d in range(1, 81)]
zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
topics = ["career", "therapy", "fitness", "nutrition", "law", "finance", "marketing", "design",
          "coding", "languages"]
langs = ["en", "es", "de", "fr", "pt", "ja", "it"]

write("list_first", ["/api/specialists"])
write("list_deep", [f"/api/specialists?page={p}" for p in range(max(1, pages // 2), pages + 1)])
write("search", [f"/api/specialists?q={t}" for t in topics] +
      [f"/api/specialists?q=Specialist%20{rng.randrange(1, len(ids) + 1):06d}" for _ in range(40)])
write("specialty", [f"/api/specialists?specialty={t}&page={p}" for t in topics for p in (1, 2, 3)])
write("language", [f"/api/specialists?language={l}&page={p}" for l in langs for p in (1, 2, 3)])
write("price", [f"/api/specialists?minPrice={lo}&maxPrice={lo + 5000}&currency={c}"
                for lo in range(2000, 20000, 1000) for c in ("USD", "EUR", "GBP")])
write("available_on", [f"/api/specialists?availableOn={d}" for d in days[:60]])
write("profile", [f"/api/specialists/{i}" for i in rng.sample(ids, min(200, len(ids)))])


def slot_paths(specialists):
    paths = []
    for d in range(80):
        for z in zones:
            s = specialists[(d * len(zones) + zones.index(z)) % len(specialists)]
            first = today + datetime.timedelta(days=1 + d % 75)
            last = first + datetime.timedelta(days=6)
            paths.append(f"/api/specialists/{s}/slots?from={first}&to={last}&tz={z}")
    rng.shuffle(paths)
    return paths


write("slots_busy", slot_paths([busy_id]))
write("slots_idle", slot_paths(idle_ids[:50]))
token = sign_in(specialists[0][1])
count = int(rows(f"SELECT COUNT(*) FROM bookings WHERE specialist_id = '{busy_id}'")[0][0])
write("bookings_first", ["/api/bookings?role=specialist"], token)
write("bookings_deep", [f"/api/bookings?role=specialist&page={p}"
                        for p in range(max(1, count // 40), max(2, count // 20))], token)
write("earnings", ["/api/earnings"], token)
write("notifications", ["/api/notifications"], token)
print(f"{len(ids)} specialists; the busy one has {count} bookings")
