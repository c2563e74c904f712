"""Failed-login limits per account and per address, shared through the
database by every server process."""
from confer_harness import PASSWORD, Client, ConferServer, assert_problem, unique_email

SERVER_ENV = {"LOGIN_MAX_FAILURES_PER_ACCOUNT": "3", "LOGIN_MAX_FAILURES_PER_IP": "8"}


def fail_login(client, email, times):
    for _ in range(times):
        assert_problem(client.post("/api/auth/login", json={"email": email, "password": "wrong!"}), 401)


def test_an_account_is_locked_after_too_many_failures(client):
    data = client.signup()
    mail = data["user"]["email"]
    fail_login(client, mail, 3)
    response = client.post("/api/auth/login", json={"email": mail, "password": PASSWORD})
    assert_problem(response, 429)
    assert int(response.headers["Retry-After"]) > 0
    other = client.signup()
    assert client.post("/api/auth/login", json={
        "email": other["user"]["email"], "password": PASSWORD}).status_code == 200


def test_failures_are_shared_by_servers_on_the_same_database(server, engine, postgres_cluster):
    first = Client(server)
    data = first.signup()
    mail = data["user"]["email"]
    fail_login(first, mail, 2)
    env = dict(SERVER_ENV)
    second_server = ConferServer(
        database_url=server.env.get("DATABASE_URL"), env=env,
        data_dir=server.data_dir if engine == "sqlite" else None).start()
    try:
        second = Client(second_server)
        fail_login(second, mail, 1)
        assert_problem(first.post("/api/auth/login", json={"email": mail, "password": PASSWORD}), 429)
    finally:
        assert second_server.stop() == 0
        second_server.cleanup()


def test_an_address_is_limited_across_accounts(client):
    # Runs last in this module: it uses up this address's allowance.
    for _ in range(8):
        client.post("/api/auth/login", json={"email": unique_email(), "password": "wrong!"})
    data_email = unique_email()
    response = client.post("/api/auth/login", json={"email": data_email, "password": "wrong!"})
    assert_problem(response, 429)
