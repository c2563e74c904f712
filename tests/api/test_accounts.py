"""Sign-up, log-in, tokens, log-out, password reset, me, and roles."""
import base64
import email
import json
import re
import uuid

from confer_harness import PASSWORD, assert_problem, unique_email


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_signup_returns_the_user_and_tokens(client):
    mail = unique_email()
    response = client.post("/api/auth/signup", json={
        "email": "  " + mail.upper() + " ", "password": PASSWORD, "name": "Ada Lovelace",
        "role": "specialist", "timezone": "Europe/Berlin"})
    assert response.status_code == 201, response.text
    body = response.json()
    user = body["user"]
    assert user["email"] == mail
    assert user["role"] == "specialist" and user["timezone"] == "Europe/Berlin"
    assert str(uuid.UUID(user["id"])) == user["id"]
    assert body["accessToken"].count(".") == 2 and len(body["refreshToken"]) >= 40


def test_signup_defaults_the_zone_to_utc_and_counts_characters_not_bytes(client):
    data = client.signup(password="é" * 12)
    assert data["user"]["timezone"] == "UTC"
    assert_problem(client.post("/api/auth/signup", json={
        "email": unique_email(), "password": "é" * 11, "name": "x", "role": "customer"}), 422)
    assert_problem(client.post("/api/auth/signup", json={
        "email": unique_email(), "password": "a" * 129, "name": "x", "role": "customer"}), 422)


def test_signup_refuses_admin_and_unknown_roles(client):
    for role in ("admin", "superuser"):
        response = client.post("/api/auth/signup", json={
            "email": unique_email(), "password": PASSWORD, "name": "Eve", "role": role})
        assert "role" in assert_problem(response, 422)["errors"]


def test_duplicate_email_in_any_case_is_409(client):
    data = client.signup()
    response = client.post("/api/auth/signup", json={
        "email": data["user"]["email"].upper(), "password": PASSWORD, "name": "Again",
        "role": "customer"})
    assert_problem(response, 409)


def test_login_works_and_wrong_password_or_unknown_email_are_the_same_401(client):
    data = client.signup()
    ok = client.post("/api/auth/login", json={"email": data["user"]["email"], "password": PASSWORD})
    assert ok.status_code == 200
    assert ok.json()["user"]["id"] == data["user"]["id"]
    wrong = assert_problem(client.post("/api/auth/login", json={
        "email": data["user"]["email"], "password": "not the password"}), 401)
    unknown = assert_problem(client.post("/api/auth/login", json={
        "email": unique_email(), "password": "not the password"}), 401)
    assert (wrong["title"], wrong["detail"]) == (unknown["title"], unknown["detail"])


def test_refresh_rotates_and_a_reused_token_revokes_the_family(client):
    data = client.signup()
    first = data["refreshToken"]
    rotated = client.post("/api/auth/refresh-token", json={"refreshToken": first})
    assert rotated.status_code == 200
    second = rotated.json()["refreshToken"]
    assert second != first and rotated.json()["accessToken"]
    assert_problem(client.post("/api/auth/refresh-token", json={"refreshToken": first}), 401)
    assert_problem(client.post("/api/auth/refresh-token", json={"refreshToken": second}), 401)
    assert_problem(client.post("/api/auth/refresh-token", json={"refreshToken": "garbage"}), 401)
    assert_problem(client.post("/api/auth/refresh-token", json={}), 422)


def test_logout_revokes_the_refresh_token(client):
    data = client.signup()
    assert_problem(client.post("/api/auth/logout", json={"refreshToken": data["refreshToken"]}), 401)
    response = client.post("/api/auth/logout", token=data["accessToken"],
                           json={"refreshToken": data["refreshToken"]})
    assert response.status_code == 204
    assert_problem(client.post("/api/auth/refresh-token",
                               json={"refreshToken": data["refreshToken"]}), 401)


def reset_token_from(message_path):
    message = email.message_from_bytes(message_path.read_bytes())
    text = ""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            text = part.get_payload(decode=True).decode()
    match = re.search(r"reset-password\?token=([A-Za-z0-9_-]+)", text)
    assert match, text
    return message, match.group(1)


def test_forgot_password_answers_the_same_and_mails_only_real_accounts(client, server):
    before = len(server.outbox())
    unknown = client.post("/api/auth/forgot-password", json={"email": unique_email()})
    assert unknown.status_code == 202
    assert len(server.outbox()) == before
    data = client.signup()
    known = client.post("/api/auth/forgot-password", json={"email": data["user"]["email"]})
    assert known.status_code == 202 and known.json() == unknown.json()
    files = server.outbox()
    assert len(files) == before + 1
    message, token = reset_token_from(files[-1])
    assert data["user"]["email"] in message["To"]
    assert message["Subject"] and message["Date"] and message["Message-ID"]


def test_password_reset_changes_the_password_once_and_revokes_sessions(client, server):
    data = client.signup()
    client.post("/api/auth/forgot-password", json={"email": data["user"]["email"]})
    _, token = reset_token_from(server.outbox()[-1])
    assert_problem(client.post("/api/auth/reset-password",
                               json={"token": token, "password": "short"}), 422)
    new_password = "a completely new password"
    assert client.post("/api/auth/reset-password",
                       json={"token": token, "password": new_password}).status_code == 204
    assert_problem(client.post("/api/auth/login", json={
        "email": data["user"]["email"], "password": PASSWORD}), 401)
    assert client.post("/api/auth/login", json={
        "email": data["user"]["email"], "password": new_password}).status_code == 200
    assert_problem(client.post("/api/auth/refresh-token",
                               json={"refreshToken": data["refreshToken"]}), 401)
    assert_problem(client.post("/api/auth/reset-password",
                               json={"token": token, "password": "yet another password"}), 400)
    assert_problem(client.post("/api/auth/reset-password",
                               json={"token": "garbage", "password": "yet another password"}), 400)


def test_me_needs_a_valid_token(client):
    data = client.signup()
    me = client.get("/api/users/me", token=data["accessToken"])
    assert me.status_code == 200
    assert me.json()["id"] == data["user"]["id"]
    for token in (None, "garbage"):
        response = client.get("/api/users/me", token=token)
        assert_problem(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    header, payload, signature = data["accessToken"].split(".")
    forged = f"{header}.{payload}.{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}"
    assert_problem(client.get("/api/users/me", token=forged), 401)
    none_header = b64url(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    assert_problem(client.get("/api/users/me", token=f"{none_header}.{payload}."), 401)
    # A payload that claims another role, signed with nothing we know.
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["role"] = "admin"
    tampered = f"{header}.{b64url(json.dumps(claims).encode())}.{signature}"
    assert_problem(client.get("/api/admin/users", token=tampered), 401)


def test_patch_me_changes_name_and_zone_but_never_role_or_email(client):
    data = client.signup()
    token = data["accessToken"]
    response = client.patch("/api/users/me", token=token, json={"name": "New Name",
                                                                "timezone": "Asia/Kolkata"})
    assert response.status_code == 200
    assert response.json()["name"] == "New Name" and response.json()["timezone"] == "Asia/Kolkata"
    assert "timezone" in assert_problem(
        client.patch("/api/users/me", token=token, json={"timezone": "Not/AZone"}), 422)["errors"]
    assert "role" in assert_problem(
        client.patch("/api/users/me", token=token, json={"role": "admin"}), 422)["errors"]
    assert "email" in assert_problem(
        client.patch("/api/users/me", token=token, json={"email": "x@y.co"}), 422)["errors"]
    assert client.get("/api/users/me", token=token).json()["role"] == "customer"


def test_roles_guard_specialist_and_admin_routes(client):
    customer = client.signup("customer")["accessToken"]
    specialist = client.signup("specialist")["accessToken"]
    assert_problem(client.get("/api/specialists/me", token=customer), 403)
    assert_problem(client.patch("/api/specialists/me", token=customer, json={"bio": "x"}), 403)
    assert_problem(client.get("/api/admin/users", token=customer), 403)
    assert_problem(client.get("/api/admin/users", token=specialist), 403)
    profile = client.get("/api/specialists/me", token=specialist)
    assert profile.status_code == 200
    assert profile.json()["specialties"] == [] and profile.json()["photoUrl"] is None


def test_specialist_profile_updates_are_validated(client):
    token = client.signup("specialist")["accessToken"]
    response = client.patch("/api/specialists/me", token=token, json={
        "headline": "Career coach", "bio": "Ten years.", "specialties": ["career", "interviews"],
        "languages": ["en", "pt-BR"], "photoUrl": "https://example.com/me.png"})
    assert response.status_code == 200, response.text
    assert response.json()["languages"] == ["en", "pt-BR"]
    assert "photoUrl" in assert_problem(client.patch("/api/specialists/me", token=token, json={
        "photoUrl": "javascript:alert(1)"}), 422)["errors"]
    assert client.get("/api/specialists/me", token=token).json()["photoUrl"] == \
        "https://example.com/me.png"


def test_nobody_sees_another_users_account(client):
    a = client.signup()
    b = client.signup()
    assert client.get("/api/users/me", token=a["accessToken"]).json()["id"] == a["user"]["id"]
    assert client.get("/api/users/me", token=b["accessToken"]).json()["id"] == b["user"]["id"]
