"""Answers travel compressed when the client accepts it: JSON made per request
and reused slot lists in brotli or gzip, the web app's files from their
precompressed copies, and nothing a client refused."""
import gzip
import json

import brotli
import requests

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def raw_get(url, accept_encoding, **kw):
    response = requests.get(url, headers={"Accept-Encoding": accept_encoding}, timeout=10,
                            stream=True, **kw)
    return response, response.raw.read(decode_content=False)


def decoded(response, data):
    coding = response.headers.get("Content-Encoding")
    if coding == "br":
        return brotli.decompress(data)
    if coding == "gzip":
        return gzip.decompress(data)
    assert coding is None, coding
    return data


def open_specialist(client):
    data = client.signup("specialist")
    token, specialist = data["accessToken"], data["user"]["id"]
    client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": "08:00", "end": "18:00"} for d in DAYS},
        "slotDuration": [30], "maxAdvanceBooking": 730})
    client.post("/api/services", token=token, json={
        "title": "Half hour", "duration": 30, "price": 0, "currency": "USD"})
    return specialist


def test_slot_lists_come_in_the_coding_the_client_prefers_and_say_so(client, server):
    specialist = open_specialist(client)
    url = server.url(f"/api/specialists/{specialist}/slots?from=2027-06-01&to=2027-06-30")
    plain, plain_bytes = raw_get(url, "identity")
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    assert len(json.loads(plain_bytes)["slots"]) == 30 * 20
    for accept, expected in (("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br"),
                             ("br;q=0.5, gzip", "gzip"), ("br", "br")):  # the last from the cache
        response, data = raw_get(url, accept)
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == expected
        assert "Accept-Encoding" in response.headers["Vary"]
        assert response.headers["Content-Length"] == str(len(data))
        assert len(data) * 8 < len(plain_bytes), (accept, len(data), len(plain_bytes))
        assert decoded(response, data) == plain_bytes


def test_a_refused_coding_is_never_sent(client, server):
    specialist = open_specialist(client)
    url = server.url(f"/api/specialists/{specialist}/slots?from=2027-06-01&to=2027-06-08")
    for accept in ("br;q=0, gzip;q=0", "deflate", "*;q=0", "zstd"):
        response, data = raw_get(url, accept)
        assert response.status_code == 200 and "Content-Encoding" not in response.headers
        assert json.loads(data)["slots"]


def test_answers_made_per_request_are_compressed_and_small_answers_are_not(server):
    response, data = raw_get(server.url("/api/openapi.yaml"), "gzip")
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Content-Type"].startswith("application/yaml")
    assert b"openapi:" in gzip.decompress(data)
    small, small_bytes = raw_get(server.url("/api/health"), "br, gzip")
    assert small.status_code == 200 and "Content-Encoding" not in small.headers
    assert json.loads(small_bytes)
