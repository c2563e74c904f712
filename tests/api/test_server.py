"""Transport behaviour: health, ids, headers, routing errors, keep-alive,
slow clients, CORS, static files and a clean stop."""
import json
import socket
import time

import requests

from confer_harness import Client, ConferServer, assert_problem

SERVER_ENV = {"HEADER_TIMEOUT_SECONDS": "2", "FRONTEND_URL": "http://localhost:5173"}


def test_health_answers_ok(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert {k: body[k] for k in ("status", "ready", "database")} == {
        "status": "ok", "ready": True, "database": "up"}
    assert set(body["jobs"]) == {"due", "oldestDueAgeSeconds"} and body["jobs"]["due"] >= 0


def test_every_response_has_a_request_id_and_nosniff(client):
    for path in ("/api/health", "/api/nope", "/api/users/me"):
        response = client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert 0 < len(response.headers["X-Request-Id"]) <= 64


def test_a_sane_incoming_request_id_is_echoed_and_a_bad_one_replaced(client):
    assert client.get("/api/health", headers={"X-Request-Id": "abc-123_X"}).headers[
        "X-Request-Id"] == "abc-123_X"
    replaced = client.get("/api/health", headers={"X-Request-Id": "bad id;<script>"})
    assert replaced.headers["X-Request-Id"] != "bad id;<script>"


def test_unknown_route_is_404_and_wrong_method_405_with_allow(client):
    assert_problem(client.get("/api/does-not-exist"), 404)
    response = client.delete("/api/users/me")
    assert_problem(response, 405)
    assert set(m.strip() for m in response.headers["Allow"].split(",")) == {"GET", "PATCH"}


def test_keep_alive_serves_many_requests_on_one_connection(server):
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.settimeout(5)
        reader = sock.makefile("rb")
        for _ in range(20):
            sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
            status = reader.readline()
            assert status.startswith(b"HTTP/1.1 200")
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert json.loads(reader.read(length))["status"] == "ok"


def test_a_client_that_stops_sending_headers_is_cut_off(server, client):
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        # Other clients are served meanwhile.
        assert client.get("/api/health").status_code == 200
        sock.settimeout(8)
        try:
            data = sock.recv(1024)
        except ConnectionResetError:
            data = b""
        assert data == b"" or b"408" in data or b"400" in data
        assert time.time() - started < 6


def test_cors_allows_only_the_configured_origin(client):
    allowed = client.get("/api/health", headers={"Origin": "http://localhost:5173"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "http://localhost:5173"
    assert "Origin" in allowed.headers["Vary"]
    evil = client.get("/api/health", headers={"Origin": "http://evil.example"})
    assert "Access-Control-Allow-Origin" not in evil.headers


def test_cors_preflight_names_methods_and_headers(client):
    response = client.request("OPTIONS", "/api/auth/login", headers={
        "Origin": "http://localhost:5173", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,authorization"})
    assert response.status_code == 204
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed_headers = response.headers["Access-Control-Allow-Headers"].lower()
    assert "authorization" in allowed_headers and "content-type" in allowed_headers
    evil = client.request("OPTIONS", "/api/auth/login", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in evil.headers


def test_sigterm_stops_the_server_cleanly(tmp_path):
    instance = ConferServer(env={}, data_dir=tmp_path).start()
    assert requests.get(instance.url("/api/health"), timeout=2).status_code == 200
    assert instance.stop() == 0
    try:
        requests.get(instance.url("/api/health"), timeout=1)
        raise AssertionError("server still answers after SIGTERM")
    except requests.ConnectionError:
        pass


def test_sigterm_lets_a_request_in_flight_finish(tmp_path):
    instance = ConferServer(env={}, data_dir=tmp_path).start()
    body = b'{"email": "nobody@example.com", "password": "whatever password"}'
    with socket.create_connection(("127.0.0.1", instance.port)) as sock:
        # Headers sent, body not yet: the request is in flight when SIGTERM comes.
        sock.sendall(b"POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        time.sleep(0.2)
        instance.process.send_signal(__import__("signal").SIGTERM)
        time.sleep(0.2)
        sock.sendall(body)
        sock.settimeout(10)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
    assert b"Connection: close" in answer or b"connection: close" in answer.lower()
    assert instance.stop() == 0
