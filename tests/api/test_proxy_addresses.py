"""TRUST_PROXY: the client address is the rightmost X-Forwarded-For entry that
is not a trusted proxy, and only when the peer itself is a trusted proxy.
The access log's "ip" shows which address the server took; the per-address
login limit shows that a client cannot dodge it by writing the header."""
import json
import uuid

import pytest

from confer_harness import Client, ConferServer, assert_problem, unique_email

SERVER_ENV = {"TRUST_PROXY": "1", "LOG_LEVEL": "info", "LOGIN_MAX_FAILURES_PER_IP": "3",
              "LOGIN_MAX_FAILURES_PER_ACCOUNT": "1000"}


def logged_address(server, client, forwarded):
    """The client address the server logged for one request with this header."""
    request_id = uuid.uuid4().hex
    headers = {"X-Request-Id": request_id}
    if forwarded is not None:
        headers["X-Forwarded-For"] = forwarded
    assert client.get("/api/health", headers=headers).status_code == 200
    for line in server.log_path.read_text(errors="replace").splitlines():
        if request_id in line and '"msg":"request"' in line:
            return json.loads(line)["ip"]
    raise AssertionError(f"no access-log line for {request_id}")


@pytest.mark.parametrize("forwarded, expected", [
    ("203.0.113.9", "203.0.113.9"),
    # The client wrote the first entry; the proxy appended what it saw.
    ("6.6.6.6, 203.0.113.9", "203.0.113.9"),
    # Trusted proxies (loopback) in the chain are skipped from the right.
    ("6.6.6.6, 203.0.113.9, 127.0.0.5, ::1", "203.0.113.9"),
    ("6.6.6.6,2001:DB8::0001", "2001:db8::1"),
    # Nothing but trusted hops: the leftmost of them is the client.
    ("127.0.0.9, 127.0.0.8", "127.0.0.9"),
    # A malformed entry ends the walk at the last trusted hop.
    ("203.0.113.9, not-an-address", "127.0.0.1"),
    ("", "127.0.0.1"),
    (None, "127.0.0.1"),
])
def test_the_client_address_is_the_rightmost_untrusted_entry(server, client, forwarded, expected):
    assert logged_address(server, client, forwarded) == expected


def test_every_x_forwarded_for_line_counts(server):
    # A second header line appended by a proxy must not be ignored in favour
    # of the first one, which the client wrote.
    import http.client
    request_id = uuid.uuid4().hex
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.putrequest("GET", "/api/health")
    connection.putheader("X-Request-Id", request_id)
    connection.putheader("X-Forwarded-For", "6.6.6.6")
    connection.putheader("X-Forwarded-For", "203.0.113.77")
    connection.endheaders()
    assert connection.getresponse().status == 200
    connection.close()
    lines = [json.loads(line) for line in server.log_path.read_text().splitlines()
             if request_id in line and '"msg":"request"' in line]
    assert [line["ip"] for line in lines] == ["203.0.113.77"]


def test_a_forged_leftmost_entry_does_not_dodge_the_address_limit(client):
    for i in range(3):
        assert_problem(client.post("/api/auth/login", headers={
            "X-Forwarded-For": f"10.1.{i}.1, 198.51.100.33"},
            json={"email": unique_email(), "password": "wrong password"}), 401)
    assert_problem(client.post("/api/auth/login", headers={
        "X-Forwarded-For": "10.9.9.9, 198.51.100.33"},
        json={"email": unique_email(), "password": "wrong password"}), 429)


def test_the_header_is_ignored_when_the_peer_is_not_a_trusted_proxy(server, engine,
                                                                     postgres_cluster):
    env = dict(SERVER_ENV, TRUSTED_PROXIES="10.0.0.0/8, fd00::/8")
    other = ConferServer(database_url=server.env.get("DATABASE_URL"), env=env,
                         data_dir=server.data_dir if engine == "sqlite" else None).start()
    try:
        assert logged_address(other, Client(other), "203.0.113.9") == "127.0.0.1"
    finally:
        assert other.stop() == 0
        other.cleanup()


@pytest.mark.parametrize("value", ["10.0.0.0/33", "banana", "10.0.0.0/8,,::1/129", "::1/-1"])
def test_a_bad_trusted_proxies_list_stops_the_server_with_a_clear_message(value):
    server = ConferServer(env={"TRUSTED_PROXIES": value, "TRUST_PROXY": "1"})
    try:
        with pytest.raises(RuntimeError) as failure:
            server.start(timeout=10)
        assert "TRUSTED_PROXIES" in str(failure.value)
    finally:
        server.stop()
        server.cleanup()
