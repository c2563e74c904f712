"""The web app's files, the single-page fallback, and the API reference page."""
import atexit
import gzip
import shutil
import tempfile
from pathlib import Path

import brotli
import pytest
import requests

from confer_harness import assert_problem

WEB = Path(tempfile.mkdtemp(prefix="confer-web-"))
atexit.register(shutil.rmtree, WEB, ignore_errors=True)
(WEB / "assets").mkdir()
(WEB / "index.html").write_text("<!doctype html><title>Confer</title><p>marker-7f3a</p>")
(WEB / "assets" / "app.js").write_text("console.log('app');")
# A bundle as the web build leaves it: beside each file its brotli and gzip copies.
BUNDLE = ("export const greeting = 'hello';\n" * 200).encode()
(WEB / "assets" / "bundle-1a2b.js").write_bytes(BUNDLE)
(WEB / "assets" / "bundle-1a2b.js.br").write_bytes(brotli.compress(BUNDLE))
(WEB / "assets" / "bundle-1a2b.js.gz").write_bytes(gzip.compress(BUNDLE))
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


def raw_get(server, path, **headers):
    response = requests.get(server.url(path), headers=headers, timeout=10, stream=True)
    return response, response.raw.read(decode_content=False)


def test_precompressed_copies_go_to_clients_that_accept_them(server):
    copies = {"br": "bundle-1a2b.js.br", "gzip": "bundle-1a2b.js.gz", None: "bundle-1a2b.js"}
    for accept, coding in (("br, gzip", "br"), ("gzip", "gzip"), ("identity", None)):
        response, data = raw_get(server, "/assets/bundle-1a2b.js", **{"Accept-Encoding": accept})
        assert response.status_code == 200
        assert response.headers.get("Content-Encoding") == coding
        assert "javascript" in response.headers["Content-Type"]
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "immutable" in response.headers["Cache-Control"]
        assert data == (WEB / "assets" / copies[coding]).read_bytes()


def test_a_current_copy_is_answered_304_without_a_body(server):
    first, _ = raw_get(server, "/assets/bundle-1a2b.js", **{"Accept-Encoding": "br"})
    tag = first.headers["ETag"]
    again, data = raw_get(server, "/assets/bundle-1a2b.js",
                          **{"Accept-Encoding": "br", "If-None-Match": tag})
    assert again.status_code == 304 and data == b"" and again.headers["ETag"] == tag
    # Another coding is another representation, with its own tag.
    plain, data = raw_get(server, "/assets/bundle-1a2b.js",
                          **{"Accept-Encoding": "identity", "If-None-Match": tag})
    assert plain.status_code == 200 and data == BUNDLE and plain.headers["ETag"] != tag
    page, _ = raw_get(server, "/")
    assert page.headers["Cache-Control"] == "no-cache"
    current = raw_get(server, "/", **{"If-None-Match": f'W/{page.headers["ETag"]}'})[0]
    assert current.status_code == 304
    # A browser lays these headers over its copy of the page: the page's own
    # policy, not the API's (default-src 'none' would stop its scripts).
    assert current.headers["Content-Security-Policy"] == page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in current.headers["Content-Security-Policy"]
