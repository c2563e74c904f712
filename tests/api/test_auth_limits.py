"""Sign-up limits per client address and password-reset limits per address
asked for, kept in the database so that every server process counts the same.
Each test signs up from its own address (X-Forwarded-For through the trusted
loopback peer), so the tests do not use up each other's allowance."""
import uuid

from confer_harness import PASSWORD, Client, ConferServer, assert_problem, unique_email

SERVER_ENV = {"SIGNUP_MAX_PER_IP_PER_HOUR": "3", "RESET_MAX_PER_ACCOUNT_PER_HOUR": "2",
              "TRUST_PROXY": "1"}


def fresh_address():
    """A client address of its own (IPv6 documentation prefix)."""
    return f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"


def signup_from(client, address):
    return client.post("/api/auth/signup", headers={"X-Forwarded-For": address}, json={
        "email": unique_email(), "password": PASSWORD, "name": "Ada", "role": "customer"})


def assert_retry_after(response, most):
    seconds = int(response.headers["Retry-After"])
    assert 0 < seconds <= most, seconds


def test_signups_from_one_address_are_limited_per_hour(client):
    address = fresh_address()
    for _ in range(3):
        assert signup_from(client, address).status_code == 201
    refused = signup_from(client, address)
    assert "address" in assert_problem(refused, 429)["detail"]
    assert_retry_after(refused, 3600)
    assert signup_from(client, fresh_address()).status_code == 201


def test_a_refused_signup_creates_no_account(client):
    address = fresh_address()
    for _ in range(3):
        assert signup_from(client, address).status_code == 201
    mail = unique_email()
    assert_problem(client.post("/api/auth/signup", headers={"X-Forwarded-For": address}, json={
        "email": mail, "password": PASSWORD, "name": "Ada", "role": "customer"}), 429)
    assert_problem(client.post("/api/auth/login", json={"email": mail, "password": PASSWORD}), 401)


def test_signups_are_counted_by_every_server_on_the_database(server, engine, postgres_cluster):
    address = fresh_address()
    first = Client(server)
    assert signup_from(first, address).status_code == 201
    second_server = ConferServer(
        database_url=server.env.get("DATABASE_URL"), env=dict(SERVER_ENV),
        data_dir=server.data_dir if engine == "sqlite" else None).start()
    try:
        second = Client(second_server)
        assert signup_from(second, address).status_code == 201
        assert signup_from(second, address).status_code == 201
        assert_problem(signup_from(first, address), 429)
    finally:
        assert second_server.stop() == 0
        second_server.cleanup()


def test_forgot_password_is_limited_per_address_alike_for_accounts_and_strangers(client, server):
    known = signup_from(client, fresh_address()).json()["user"]["email"]
    stranger = unique_email()
    before = len(server.outbox())
    answers = {}
    for mail in (known, stranger):
        for _ in range(2):
            response = client.post("/api/auth/forgot-password", json={"email": mail})
            assert response.status_code == 202, response.text
        refused = client.post("/api/auth/forgot-password", json={"email": mail})
        answers[mail] = assert_problem(refused, 429)
        assert_retry_after(refused, 3600)
    # The same refusal either way: the limit says nothing about who has an account.
    assert answers[known] == answers[stranger]
    assert len(server.outbox()) == before + 2, "no mail beyond the limit"
    # Another address has its own allowance.
    assert client.post("/api/auth/forgot-password",
                       json={"email": unique_email()}).status_code == 202


def test_forgot_password_limit_holds_for_every_spelling_of_the_address(client, server):
    mail = signup_from(client, fresh_address()).json()["user"]["email"]
    for spelling in (mail, mail.upper()):
        assert client.post("/api/auth/forgot-password", json={"email": spelling}).status_code == 202
    assert_problem(client.post("/api/auth/forgot-password", json={"email": f"  {mail} "}), 429)
