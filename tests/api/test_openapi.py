"""docs/openapi.yaml describes every route the server knows."""
import subprocess

import yaml

from confer_harness import BINARY, REPO


def load_spec():
    return yaml.safe_load((REPO / "docs" / "openapi.yaml").read_text())


def server_routes():
    output = subprocess.run([str(BINARY), "routes"], check=True, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"}).stdout
    return [line.split(" ", 1) for line in output.splitlines() if line.strip()]


def test_every_route_is_described():
    paths = load_spec()["paths"]
    routes = server_routes()
    assert len(routes) > 10
    missing = [f"{m} {p}" for m, p in routes if m.lower() not in paths.get(p, {})]
    assert not missing, f"routes missing from docs/openapi.yaml: {missing}"


def test_every_described_operation_exists_and_documents_a_client_error():
    routes = {(m.lower(), p) for m, p in server_routes()}
    for path, item in load_spec()["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            assert (method, path) in routes, f"{method.upper()} {path} is described but not served"
            codes = [str(code) for code in operation["responses"]]
            assert any(code.startswith("4") for code in codes), f"{method} {path} has no 4xx"


def test_every_reference_resolves():
    spec = load_spec()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    target = spec
                    for part in value.lstrip("#/").split("/"):
                        target = target[part]
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)


def test_the_server_serves_the_same_document(client):
    response = client.get("/api/openapi.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.text)["openapi"].startswith("3.1")
