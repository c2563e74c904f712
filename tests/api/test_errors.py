"""Bad input is a clear 4xx problem+json, never a crash, never a half-write."""
from confer_harness import assert_problem


def test_malformed_json_is_400(client):
    response = client.post("/api/auth/signup", data=b'{"email": ',
                           headers={"Content-Type": "application/json"})
    assert_problem(response, 400)


def test_json_nested_too_deeply_is_400(client):
    body = '{"a":' * 40 + "1" + "}" * 40
    response = client.post("/api/auth/signup", data=body, headers={"Content-Type": "application/json"})
    assert "nested" in assert_problem(response, 400)["detail"]


def test_body_over_one_mebibyte_is_413(client):
    body = b'{"x":"' + b"a" * (1024 * 1024 + 10) + b'"}'
    response = client.post("/api/auth/signup", data=body, headers={"Content-Type": "application/json"})
    assert_problem(response, 413)


def test_chunked_body_over_the_limit_is_413(client):
    def chunks():
        for _ in range(3):
            yield b"a" * 600_000
    response = client.post("/api/auth/login", data=chunks(),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_non_json_media_type_is_415(client):
    response = client.post("/api/auth/login", data="email=a", headers={"Content-Type": "text/plain"})
    assert_problem(response, 415)


def test_json_that_is_not_an_object_is_4xx(client):
    for body in ("[]", '"x"', "42"):
        response = client.post("/api/auth/login", data=body,
                               headers={"Content-Type": "application/json"})
        assert 400 <= response.status_code < 500
        assert response.headers["Content-Type"].startswith("application/problem+json")


def test_validation_errors_name_every_bad_field(client):
    response = client.post("/api/auth/signup", json={
        "email": "not-an-email", "password": "short", "name": "", "role": "admin",
        "timezone": "Mars/Olympus"})
    errors = assert_problem(response, 422)["errors"]
    assert set(errors) == {"email", "password", "name", "role", "timezone"}
    assert all(isinstance(m, list) and m and isinstance(m[0], str) for m in errors.values())


def test_a_failed_signup_writes_nothing(client):
    email = "half@example.com"
    assert client.post("/api/auth/signup", json={
        "email": email, "password": "short", "name": "H", "role": "customer"}).status_code == 422
    ok = client.post("/api/auth/signup", json={
        "email": email, "password": "long enough password", "name": "H", "role": "customer"})
    assert ok.status_code == 201
