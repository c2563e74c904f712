#!/usr/bin/env python3
"""A specialist open around the clock with a free 5-minute service, and a
customer: what bench/book.lua books. Prints "service-id customer-token
specialist-id customer-id".

usage: booking_setup.py BASE_URL [EMAIL_PREFIX]"""
import json
import sys
import urllib.request as u

base = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else "bench"


def call(path, body, token=None):
    req = u.Request(base + path, json.dumps(body).encode(), {"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    return json.load(u.urlopen(req))


s = call("/api/auth/signup", {"email": f"{prefix}-s@x.co", "password": "benchmark password",
                              "name": "S", "role": "specialist"})
days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
call("/api/availability", {"timezone": "UTC", "workingHours": {d: {"start": "00:00", "end": "24:00"} for d in days},
                           "slotDuration": [5], "maxAdvanceBooking": 730}, s["accessToken"])
service = call("/api/services", {"title": "Bench", "duration": 5, "price": 0, "currency": "USD"},
               s["accessToken"])
c = call("/api/auth/signup", {"email": f"{prefix}-c@x.co", "password": "benchmark password",
                              "name": "C", "role": "customer"})
print(service["id"], c["accessToken"], s["user"]["id"], c["user"]["id"])
