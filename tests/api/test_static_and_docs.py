"""The web app's files, the single-page fallback, and the API reference page."""
import tempfile
from pathlib import Path

import pytest

from confer_harness import assert_problem

WEB = Path(tempfile.mkdtemp(prefix="confer-web-"))
(WEB / "assets").mkdir()
(WEB / "index.html").write_text("<!doctype html><title>Confer</title><p>marker-7f3a</p>")
(WEB / "assets" / "app.js").write_text("console.log('app');")
SERVER_ENV = {"WEB_DIR": str(WEB)}


def test_root_serves_index_html_with_a_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert "marker-7f3a" in response.text
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_assets_are_served_with_their_type_and_cached(client):
    response = client.get("/assets/app.js")
    assert response.status_code == 200
    assert "javascript" in response.headers["Content-Type"]
    assert "immutable" in response.headers["Cache-Control"]
    assert client.get("/assets/missing.js").status_code == 404


def test_client_side_routes_fall_back_to_the_app(client):
    for path in ("/dashboard", "/specialists/123", "/reset-password",
                 # The emails' manage links: a token with a dot between payload and signature.
                 "/manage/NWJhMDIzY2QtNzJm.3QOK2XVlies2obXPpzjQa0fkvrOI7de3Q9hxSRy2_98"):
        response = client.get(path)
        assert response.status_code == 200 and "marker-7f3a" in response.text


def test_missing_files_stay_404_rather_than_the_app(client):
    for path in ("/assets/missing.js", "/logo.png", "/favicon.ico", "/assets/chunk-abc.unknownext"):
        assert client.get(path).status_code == 404, path


def test_api_paths_never_fall_back_to_the_app(client):
    assert_problem(client.get("/api/nope"), 404)


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/assets/..%2f..%2f..%2fetc%2fpasswd", "/.hidden"])
def test_no_path_leaves_the_web_folder(server, path):
    import socket
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert b"root:" not in data


def test_only_get_and_head_reach_static_files(client):
    assert client.post("/index.html", data="x").status_code == 405
    assert client.request("HEAD", "/").status_code == 200


def test_the_api_reference_page_is_served(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert "swagger-ui-bundle.js" in page.text
    bundle = client.get("/api/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "javascript" in bundle.headers["Content-Type"]
    assert len(bundle.content) > 100_000
