"""Access tokens die with the session: at log-out, at a password reset and when
a refresh token is replayed, not up to 15 minutes later. A password reset
also kills every other reset link of the account."""
import time

from confer_harness import PASSWORD, Client, ConferServer, assert_problem
from test_accounts import reset_token_from


def me(client, token):
    return client.get("/api/users/me", token=token)


def login(client, mail):
    response = client.post("/api/auth/login", json={"email": mail, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()


def test_logout_of_one_device_kills_its_access_token_and_others_refresh(client):
    data = client.signup()
    other = login(client, data["user"]["email"])
    assert me(client, data["accessToken"]).status_code == 200
    assert client.post("/api/auth/logout", token=data["accessToken"],
                       json={"refreshToken": data["refreshToken"]}).status_code == 204
    assert_problem(me(client, data["accessToken"]), 401)
    # The other device's session lives on: its refresh token gets it a new access token.
    refreshed = client.post("/api/auth/refresh-token", json={"refreshToken": other["refreshToken"]})
    assert refreshed.status_code == 200, refreshed.text
    assert me(client, refreshed.json()["accessToken"]).status_code == 200


def test_logout_everywhere_kills_every_access_token(client):
    data = client.signup()
    other = login(client, data["user"]["email"])
    assert client.post("/api/auth/logout", token=data["accessToken"], json={}).status_code == 204
    for token in (data["accessToken"], other["accessToken"]):
        assert_problem(me(client, token), 401)
    assert_problem(client.post("/api/auth/refresh-token",
                               json={"refreshToken": other["refreshToken"]}), 401)
    assert me(client, login(client, data["user"]["email"])["accessToken"]).status_code == 200


def test_a_password_reset_kills_access_tokens(client, server):
    data = client.signup()
    client.post("/api/auth/forgot-password", json={"email": data["user"]["email"]})
    _, token = reset_token_from(server.outbox()[-1])
    assert me(client, data["accessToken"]).status_code == 200
    assert client.post("/api/auth/reset-password",
                       json={"token": token, "password": "a new password here"}).status_code == 204
    assert_problem(me(client, data["accessToken"]), 401)


def test_a_replayed_refresh_token_kills_access_tokens(client):
    data = client.signup()
    rotated = client.post("/api/auth/refresh-token", json={"refreshToken": data["refreshToken"]})
    assert rotated.status_code == 200
    fresh = rotated.json()["accessToken"]
    assert me(client, fresh).status_code == 200
    # Someone replays the stolen first refresh token: the family is revoked,
    # and the access tokens either side holds stop working at once.
    assert_problem(client.post("/api/auth/refresh-token",
                               json={"refreshToken": data["refreshToken"]}), 401)
    assert_problem(me(client, fresh), 401)
    assert_problem(me(client, data["accessToken"]), 401)


def test_using_one_reset_link_kills_the_others(client, server):
    data = client.signup()
    for _ in range(2):
        client.post("/api/auth/forgot-password", json={"email": data["user"]["email"]})
    _, first = reset_token_from(server.outbox()[-2])
    _, second = reset_token_from(server.outbox()[-1])
    assert first != second
    assert client.post("/api/auth/reset-password",
                       json={"token": first, "password": "a new password here"}).status_code == 204
    assert_problem(client.post("/api/auth/reset-password",
                               json={"token": second, "password": "an attacker's password"}), 400)
    response = client.post("/api/auth/login", json={"email": data["user"]["email"],
                                                    "password": "a new password here"})
    assert response.status_code == 200


def test_another_server_sees_a_logout_within_its_cache_time(server, engine, postgres_cluster):
    first = Client(server)
    data = first.signup()
    assert me(first, data["accessToken"]).status_code == 200  # now in the first server's cache
    # The same DATA_DIR: the same generated JWT secret, so the token is valid there too.
    second_server = ConferServer(database_url=server.env.get("DATABASE_URL"),
                                 data_dir=server.data_dir).start()
    try:
        second = Client(second_server)
        assert client_logout(second, data) == 204
        deadline = time.time() + 3
        while me(first, data["accessToken"]).status_code == 200:
            assert time.time() < deadline, "still accepted 3 s after the logout"
            time.sleep(0.1)
        assert_problem(me(first, data["accessToken"]), 401)
    finally:
        assert second_server.stop() == 0
        second_server.cleanup()


def client_logout(client, data):
    return client.post("/api/auth/logout", token=data["accessToken"],
                       json={"refreshToken": data["refreshToken"]}).status_code
