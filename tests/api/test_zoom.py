"""Zoom, with real parts: meetings are made, moved and deleted by the booking
jobs through Prism serving Zoom's API description (../shared/contracts/zoom/
zoom.meetings.slim.json) behind a recording proxy; the Server-to-Server OAuth
token comes from a stand-in for zoom.us/oauth/token (no spec covers it) and is
fetched once and reused. Zoom's webhooks: signature and freshness, the URL
validation challenge, started/ended moving the session, the recording stored
and mailed to the customer, each event applied once."""
import base64
import hashlib
import hmac
import http.server
import json
import threading
import time
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from delivery_harness import CONTRACTS, Prism, RecordingProxy

SECRET = "zoom-webhook-secret-token"
REDIRECT = "https://app.confer.test/api/zoom/callback"
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NINE = 1811926800  # 2027-06-02T09:00:00Z


class ZoomOAuthStub:
    """POST /oauth/token?grant_type=account_credentials&account_id=… with Basic auth."""

    def __init__(self):
        self.calls = []       # platform (S2S) token requests
        self.user_calls = []  # authorization-code and refresh grants
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
                url = urlparse(self.path)
                query = parse_qs(url.query)
                expected = "Basic " + base64.b64encode(b"client-id:client-secret").decode()
                ok = url.path == "/oauth/token" and self.headers.get("Authorization") == expected
                if query.get("grant_type") == ["account_credentials"]:
                    stub.calls.append((url.path, query, self.headers.get("Authorization")))
                    answer = {"access_token": f"zoom-token-{len(stub.calls)}",
                              "token_type": "bearer", "expires_in": 3599}
                else:
                    # A specialist's own account (authorization code, then refresh).
                    stub.user_calls.append(form)
                    grant = form.get("grant_type", [""])[0]
                    ok = ok and ((grant == "authorization_code" and form.get("code") == ["good-code"]
                                  and form.get("redirect_uri") == [REDIRECT])
                                 or (grant == "refresh_token"
                                     and form.get("refresh_token", [""])[0].startswith("user-refresh-")))
                    n = len(stub.user_calls)
                    # 61 s: expired (by our one-minute margin) a second later.
                    answer = {"access_token": f"user-access-{n}", "refresh_token": f"user-refresh-{n}",
                              "expires_in": 61}
                body = json.dumps(answer if ok else {"reason": "invalid grant"}).encode()
                self.send_response(200 if ok else 401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def oauth():
    stub = ZoomOAuthStub()
    yield stub
    stub.stop()


@pytest.fixture(scope="module")
def zoom_api():
    prism = Prism(CONTRACTS / "zoom" / "zoom.meetings.slim.json", dynamic=True).start()
    proxy = RecordingProxy(prism.port).start()
    yield proxy
    proxy.stop()
    prism.stop()


@pytest.fixture(scope="module")
def server_env(oauth, zoom_api):
    return {"ZOOM_ACCOUNT_ID": "acc-1", "ZOOM_CLIENT_ID": "client-id",
            "ZOOM_CLIENT_SECRET": "client-secret", "ZOOM_OAUTH_BASE": oauth.base,
            "ZOOM_API_BASE": zoom_api.base, "ZOOM_WEBHOOK_SECRET_TOKEN": SECRET,
            "ZOOM_REDIRECT_URI": REDIRECT, "FRONTEND_URL": "https://app.confer.test",
            "JOB_POLL_MS": "50"}


def signed(payload, timestamp=None, secret=SECRET):
    body = json.dumps(payload).encode()
    ts = str(int(timestamp if timestamp is not None else time.time()))
    mac = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "x-zm-request-timestamp": ts,
                  "x-zm-signature": f"v0={mac}"}


def hook(client, payload, **kw):
    body, headers = signed(payload, **kw)
    return client.post("/api/zoom/webhook", data=body, headers=headers)


def wait(predicate, timeout=15, message=lambda: ""):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"condition not met in time {message()}")


def accepted(exchange, status):
    assert exchange["status"] == status, (exchange["path"], exchange["status"],
                                          exchange["response_body"][:800])
    assert "sl-violations" not in exchange["response_headers"], \
        exchange["response_headers"]["sl-violations"]
    assert exchange["headers"]["Authorization"].startswith("Bearer zoom-token-")


def book(client, slot_offset=0):
    specialist = client.signup("specialist")
    token = specialist["accessToken"]
    client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": "12:00"} for d in DAYS},
        "slotDuration": [60], "maxAdvanceBooking": 730})
    service = client.post("/api/services", token=token, json={
        "title": "Mentoring", "duration": 60, "price": 0, "currency": "USD"}).json()
    customer = client.signup("customer")
    booked = client.post("/api/bookings", token=customer["accessToken"],
                         json={"slotId": f"{service['id']}.{NINE + slot_offset}"})
    assert booked.status_code == 201, booked.text
    return specialist, customer, service, booked.json()


def meeting_of(client, token, booking_id):
    return client.get(f"/api/bookings/{booking_id}", token=token).json()["meeting"]


def test_meetings_follow_the_booking_through_zoom_s_api(client, server, oauth, zoom_api):
    mark, tokens_before = len(zoom_api.exchanges), len(oauth.calls)
    specialist, customer, service, booking = book(client)
    ctoken, stoken = customer["accessToken"], specialist["accessToken"]
    meeting = wait(lambda: meeting_of(client, ctoken, booking["id"]))
    assert meeting["provider"] == "zoom" and meeting["joinUrl"]
    assert "hostUrl" not in meeting  # the host link is the specialist's alone
    assert "hostUrl" in meeting_of(client, stoken, booking["id"])
    (create,) = [e for e in zoom_api.exchanges[mark:] if e["method"] == "POST"]
    accepted(create, 201)
    assert create["path"] == "/users/me/meetings"
    sent = json.loads(create["body"])
    assert sent["type"] == 2 and sent["duration"] == 60
    assert sent["start_time"] == "2027-06-02T09:00:00Z" and "Mentoring" in sent["topic"]

    moved = client.post(f"/api/bookings/{booking['id']}/reschedule", token=ctoken,
                        json={"slotId": f"{service['id']}.{NINE + 3600}"})
    assert moved.status_code == 200
    patch = wait(lambda: [e for e in zoom_api.exchanges[mark:] if e["method"] == "PATCH"],
                 message=lambda: [(e["method"], e["path"], e["status"], e["response_body"][:300])
                                  for e in zoom_api.exchanges[mark:]] + [server.logs()])[0]
    accepted(patch, 204)
    assert json.loads(patch["body"])["start_time"] == "2027-06-02T10:00:00Z"

    assert client.delete(f"/api/bookings/{booking['id']}", token=ctoken,
                         json={"reason": "no longer needed"}).status_code == 200
    delete = wait(lambda: [e for e in zoom_api.exchanges[mark:] if e["method"] == "DELETE"])[0]
    accepted(delete, 204)
    assert delete["path"] == patch["path"]
    # One token served every call of this server: it is kept until shortly
    # before it expires.
    assert len(oauth.calls) - tokens_before == 1
    assert oauth.calls[-1][1] == {"grant_type": ["account_credentials"], "account_id": ["acc-1"]}


def test_zoom_webhooks_are_signed_fresh_and_applied_once(client, server, zoom_api):
    specialist, customer, _, booking = book(client, slot_offset=7200)
    ctoken = customer["accessToken"]
    wait(lambda: meeting_of(client, ctoken, booking["id"]))
    create = [e for e in zoom_api.exchanges if e["method"] == "POST"][-1]
    meeting_id = str(json.loads(create["response_body"])["id"])

    challenge = hook(client, {"event": "endpoint.url_validation",
                              "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"},
                              "event_ts": 1})
    assert challenge.status_code == 200
    expected = hmac.new(SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()
    assert challenge.json() == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": expected}

    started = {"event": "meeting.started", "event_ts": 1000,
               "payload": {"object": {"id": meeting_id, "uuid": "u1"}}}
    forged_body, forged_headers = signed(started, secret="someone else")
    assert client.post("/api/zoom/webhook", data=forged_body,
                       headers=forged_headers).status_code == 401
    assert hook(client, started, timestamp=time.time() - 301).status_code == 401
    body, headers = signed(started)
    headers.pop("x-zm-signature")
    assert client.post("/api/zoom/webhook", data=body, headers=headers).status_code == 401
    status = lambda: client.get(f"/api/bookings/{booking['id']}", token=ctoken).json()  # noqa: E731
    assert status()["status"] == "confirmed"  # nothing changed

    assert hook(client, started).json() == {"received": True, "applied": True}
    assert hook(client, started).json() == {"received": True, "applied": False}
    assert status()["status"] == "in-progress"
    ended = {"event": "meeting.ended", "event_ts": 2000,
             "payload": {"object": {"id": meeting_id, "uuid": "u1"}}}
    assert hook(client, ended).json()["applied"] is True
    assert status()["status"] == "completed"

    recording = {"event": "recording.completed", "event_ts": 3000,
                 "payload": {"object": {"id": meeting_id, "uuid": "u1", "duration": 58,
                                        "share_url": "https://zoom.us/rec/share/abc",
                                        "recording_files": [{"id": "file-1", "file_type": "MP4",
                                                             "play_url": "https://zoom.us/rec/play/abc"}]}}}
    assert hook(client, recording).json()["applied"] is True
    seen = status()["recording"]
    assert seen["url"] == "https://zoom.us/rec/share/abc" and seen["durationMinutes"] == 58
    assert seen["id"] == "file-1" and seen["isPublic"] is False
    # Someone else sees nothing of it.
    stranger = client.signup("customer")["accessToken"]
    assert client.get(f"/api/bookings/{booking['id']}", token=stranger).status_code == 404
    # The customer gets the link by email (the file outbox here).
    def mailed():
        for path in server.data_dir.glob("outbox/*.eml"):
            text = path.read_text(errors="replace")
            if "Recording ready" in text and customer["user"]["email"] in text:
                return True
        return False
    wait(mailed)


def test_a_specialist_connects_their_own_zoom_account(client, server, engine, oauth, zoom_api):
    specialist = client.signup("specialist")
    stoken = specialist["accessToken"]
    assert client.get("/api/zoom/status", token=stoken).json() == {"available": True,
                                                                  "connected": False}
    url = client.get("/api/zoom/connect", token=stoken).json()["authorizeUrl"]
    parsed = urlparse(url)
    query = parse_qs(parsed.query)
    assert url.startswith(oauth.base + "/oauth/authorize?")
    assert query["response_type"] == ["code"] and query["client_id"] == ["client-id"]
    assert query["redirect_uri"] == [REDIRECT]
    state = query["state"][0]
    forged = state[:-3] + ("AAA" if not state.endswith("AAA") else "BBB")
    assert client.get("/api/zoom/callback", params={"code": "good-code", "state": forged},
                      allow_redirects=False).status_code == 400
    back = client.get("/api/zoom/callback", params={"code": "good-code", "state": state},
                      allow_redirects=False)
    assert back.status_code == 302, back.text
    assert back.headers["Location"] == "https://app.confer.test/dashboard?zoom=connected"
    assert client.get("/api/zoom/status", token=stoken).json()["connected"] is True
    if engine == "sqlite":  # sealed at rest: the database never holds the tokens in clear
        import sqlite3
        rows = sqlite3.connect(server.data_dir / "confer.db").execute(
            "SELECT access_token_enc, refresh_token_enc FROM zoom_accounts").fetchall()
        assert rows and not any("user-" in cell for row in rows for cell in row)

    # Their meetings go on their own account, with a refreshed token once it expired.
    time.sleep(1.2)
    mark = len(zoom_api.exchanges)
    client.post("/api/availability", token=stoken, json={
        "timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": "12:00"} for d in DAYS},
        "slotDuration": [60], "maxAdvanceBooking": 730})
    service = client.post("/api/services", token=stoken, json={
        "title": "Own Zoom", "duration": 60, "price": 0, "currency": "USD"}).json()
    customer = client.signup("customer")
    booked = client.post("/api/bookings", token=customer["accessToken"],
                         json={"slotId": f"{service['id']}.{NINE}"}).json()
    wait(lambda: meeting_of(client, customer["accessToken"], booked["id"]))
    (create,) = [e for e in zoom_api.exchanges[mark:] if e["method"] == "POST"]
    grants = [c.get("grant_type", [""])[0] for c in oauth.user_calls]
    assert grants[-1] == "refresh_token", grants
    assert create["headers"]["Authorization"] == f"Bearer user-access-{len(oauth.user_calls)}"

    assert client.delete("/api/zoom/connect", token=stoken).status_code == 204
    assert client.get("/api/zoom/status", token=stoken).json()["connected"] is False
    customer_token = client.signup("customer")["accessToken"]
    assert client.get("/api/zoom/connect", token=customer_token).status_code == 403
