"""Contract tests for the Stripe provider: `confer serve` with a Stripe key
talks to Prism serving Stripe's own OpenAPI description
(../shared/contracts/stripe/stripe.slim.json) with request validation on,
through a recording proxy. Every request we send — Connect Express account,
account link, PaymentIntent as a destination charge with the platform fee,
refund reversing the transfer — must be accepted (200, no `sl-violations`),
carry an Idempotency-Key, and say what we mean. A flaky stand-in for Stripe
shows the retry rules: 5xx and 409 are retried with the same key, 4xx is not
and reaches the client as a 502 problem."""
import http.server
import json
import threading
import time
from urllib.parse import parse_qs

import pytest

from confer_harness import Client, ConferServer, assert_problem
from delivery_harness import CONTRACTS, Prism, RecordingProxy
from test_payments import WEBHOOK_SECRET, post_event, sign

WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
KEY = "sk_test_contract_key"


@pytest.fixture(scope="module")
def stripe_mock():
    prism = Prism(CONTRACTS / "stripe" / "stripe.slim.json").start()
    proxy = RecordingProxy(prism.port).start()
    yield proxy
    proxy.stop()
    prism.stop()


@pytest.fixture(scope="module")
def server_env(stripe_mock):
    # No job workers here: tests that start servers of their own on the same
    # database count the provider calls their jobs make, which this server's
    # worker would otherwise sometimes take first.
    return {"STRIPE_SECRET_KEY": KEY, "STRIPE_API_BASE": stripe_mock.base,
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET, "STRIPE_PUBLISHABLE_KEY": "pk_test_contract",
            "JOB_WORKERS": "0"}


def form(exchange):
    return {k: v[0] for k, v in parse_qs(exchange["body"].decode(), keep_blank_values=True).items()}


def accepted(exchange):
    assert exchange["status"] == 200, (exchange["path"], exchange["status"],
                                       exchange["response_body"][:1500])
    assert "sl-violations" not in exchange["response_headers"], \
        exchange["response_headers"]["sl-violations"]
    assert exchange["headers"].get("Authorization") == f"Bearer {KEY}"
    if exchange["method"] == "POST":
        assert exchange["headers"].get("Idempotency-Key"), exchange["path"]


def calls_to(proxy, path, since):
    return [e for e in proxy.exchanges[since:] if e["path"].split("?")[0] == path]


def test_the_mock_really_validates(stripe_mock):
    # An intent without an amount, or with an amount that is not a number, is refused.
    import requests
    auth = {"Authorization": f"Bearer {KEY}"}
    for body in ({"currency": "usd"}, {"amount": "ten", "currency": "usd"}):
        bad = requests.post(stripe_mock.base + "/v1/payment_intents", data=body, headers=auth,
                            timeout=30)
        assert bad.status_code == 422, (body, bad.status_code, bad.text[:300])


def test_connect_intent_and_refund_requests_match_stripes_api(client, stripe_mock):
    assert client.get("/api/payments/config").json() == {"provider": "stripe",
                                                         "publishableKey": "pk_test_contract"}
    specialist = client.signup("specialist")
    stoken = specialist["accessToken"]
    mark = len(stripe_mock.exchanges)
    connected = client.post("/api/payments/connect", token=stoken)
    assert connected.status_code == 201, connected.text
    (account_call,) = calls_to(stripe_mock, "/v1/accounts", mark)
    (link_call,) = calls_to(stripe_mock, "/v1/account_links", mark)
    for call in (account_call, link_call):
        accepted(call)
    sent = form(account_call)
    assert sent["type"] == "express" and sent["email"] == specialist["user"]["email"]
    assert sent["capabilities[transfers][requested]"] == "true"
    assert sent["metadata[user_id]"] == specialist["user"]["id"]
    assert account_call["headers"]["Idempotency-Key"] == f"confer-account-{specialist['user']['id']}"
    assert form(link_call)["type"] == "account_onboarding"
    assert form(link_call)["account"] == connected.json()["accountId"]
    # A link is single-use: each request for one has its own key, named after the account.
    assert link_call["headers"]["Idempotency-Key"].startswith(
        f"confer-link-{connected.json()['accountId']}-")
    assert connected.json()["onboardingUrl"]

    # Stripe reports the finished onboarding.
    account_id = connected.json()["accountId"]
    update = json.dumps({"id": f"evt_acct_{time.time_ns()}", "object": "event",
                         "type": "account.updated",
                         "data": {"object": {"id": account_id, "object": "account",
                                             "charges_enabled": True, "payouts_enabled": True,
                                             "details_submitted": True}}}).encode()
    assert post_event(client, update, sign(update)).status_code == 200
    state = client.get("/api/payments/connect", token=stoken).json()
    assert state["chargesEnabled"] is True and state["status"] == "active"

    client.post("/api/availability", token=stoken, json={
        "timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": "17:00"} for d in WEEK},
        "slotDuration": [60], "maxAdvanceBooking": 730})
    service = client.post("/api/services", token=stoken, json={
        "title": "Paid", "duration": 60, "price": 10000, "currency": "EUR"}).json()
    customer = client.signup("customer")
    ctoken = customer["accessToken"]
    booking = client.post("/api/bookings", token=ctoken,
                          json={"slotId": f"{service['id']}.1814000400"}).json()
    assert booking["status"] == "pending", booking
    mark = len(stripe_mock.exchanges)
    intent = client.post("/api/payments/create-intent", token=ctoken,
                         json={"bookingId": booking["id"]})
    assert intent.status_code == 201, intent.text
    (intent_call,) = calls_to(stripe_mock, "/v1/payment_intents", mark)
    accepted(intent_call)
    sent = form(intent_call)
    assert sent["amount"] == "10000" and sent["currency"] == "eur"
    assert sent["application_fee_amount"] == "2000"
    assert sent["transfer_data[destination]"] == account_id
    assert sent["metadata[booking_id]"] == booking["id"]
    assert intent_call["headers"]["Idempotency-Key"] == f"confer-intent-{booking['id']}"

    paid = json.dumps({"id": f"evt_pi_{time.time_ns()}", "object": "event",
                       "type": "payment_intent.succeeded",
                       "data": {"object": {"id": intent.json()["providerPaymentId"],
                                           "object": "payment_intent", "amount": 10000,
                                           "amount_received": 10000, "currency": "eur"}}}).encode()
    assert post_event(client, paid, sign(paid)).status_code == 200
    assert client.get(f"/api/bookings/{booking['id']}", token=ctoken).json()["status"] == "confirmed"

    mark = len(stripe_mock.exchanges)
    cancelled = client.delete(f"/api/bookings/{booking['id']}", token=ctoken,
                              json={"reason": "plans changed"})
    assert cancelled.status_code == 200, cancelled.text
    (refund_call,) = calls_to(stripe_mock, "/v1/refunds", mark)
    accepted(refund_call)
    sent = form(refund_call)
    assert sent["payment_intent"] == intent.json()["providerPaymentId"]
    assert sent["amount"] == "10000"
    assert sent["reverse_transfer"] == "true" and sent["refund_application_fee"] == "true"


class FlakyStripe:
    """Answers /v1/payment_intents with the statuses queued in `script` and
    /v1/refunds with those queued in `refunds` (200 once a queue is empty)."""

    def __init__(self, script, refunds=()):
        self.script = list(script)
        self.refunds = list(refunds)
        self.seen = []          # Idempotency-Key of each intent request
        self.refunds_seen = []  # Idempotency-Key of each refund request
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                key = self.headers.get("Idempotency-Key")
                if self.path.startswith("/v1/refunds"):
                    outer.refunds_seen.append(key)
                    status = outer.refunds.pop(0) if outer.refunds else 200
                    made = {"id": f"re_flaky_{time.time_ns()}", "object": "refund",
                            "status": "succeeded"}
                else:
                    outer.seen.append(key)
                    status = outer.script.pop(0) if outer.script else 200
                    intent = f"pi_flaky_{time.time_ns()}"
                    made = {"id": intent, "client_secret": intent + "_secret"}
                body = (json.dumps(made) if status == 200 else
                        json.dumps({"error": {"type": "invalid_request_error",
                                              "message": f"no thanks ({status})"}})).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def paid_pending_booking(client):
    specialist = client.signup("specialist")
    token = specialist["accessToken"]
    client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": "17:00"} for d in WEEK},
        "slotDuration": [60], "maxAdvanceBooking": 730})
    service = client.post("/api/services", token=token, json={
        "title": "Paid", "duration": 60, "price": 5000, "currency": "USD"}).json()
    customer = client.signup("customer")
    booking = client.post("/api/bookings", token=customer["accessToken"],
                          json={"slotId": f"{service['id']}.1814000400"}).json()
    return customer["accessToken"], booking["id"]


@pytest.mark.parametrize("script, retried, outcome", [
    ([500, 503], True, 201),   # server errors: retried with the same key, then success
    ([409], True, 201),        # a concurrent request with the same key: retried
    ([400], False, 502),       # Stripe said no: not retried, a clear 502 problem
])
def test_only_safe_failures_are_retried_and_always_with_the_same_key(
        server, engine, postgres_cluster, script, retried, outcome):
    flaky = FlakyStripe(script)
    own = ConferServer(database_url=server.env.get("DATABASE_URL"), data_dir=server.data_dir,
                       env={"STRIPE_SECRET_KEY": KEY, "STRIPE_API_BASE": flaky.base}).start()
    try:
        client = Client(own)
        token, booking_id = paid_pending_booking(client)
        response = client.post("/api/payments/create-intent", token=token,
                               json={"bookingId": booking_id})
        assert response.status_code == outcome, response.text
        if outcome == 502:
            assert "no thanks (400)" in assert_problem(response, 502)["detail"]
        assert len(flaky.seen) == (len(script) + 1 if retried else 1)
        assert set(flaky.seen) == {f"confer-intent-{booking_id}"}
    finally:
        assert own.stop() == 0
        own.cleanup()
        flaky.stop()


def test_a_refund_stripe_refuses_is_asked_again_by_its_job_and_made_once(
        server, engine, postgres_cluster):
    # Stripe refuses the first refund (a 4xx: not retried on the spot). The
    # cancellation still stands — 200, money owed shown as refund-pending —
    # and the refund job written with it asks again with the same key.
    flaky = FlakyStripe([], refunds=[400])
    own = ConferServer(database_url=server.env.get("DATABASE_URL"), data_dir=server.data_dir,
                       env={"STRIPE_SECRET_KEY": KEY, "STRIPE_API_BASE": flaky.base,
                            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET, "REFUND_RETRY_SECONDS": "1",
                            "JOB_WORKERS": "1", "JOB_POLL_MS": "50"}).start()
    try:
        client = Client(own)
        token, booking_id = paid_pending_booking(client)
        intent = client.post("/api/payments/create-intent", token=token,
                             json={"bookingId": booking_id})
        assert intent.status_code == 201, intent.text
        paid = json.dumps({"id": f"evt_pi_{time.time_ns()}", "object": "event",
                           "type": "payment_intent.succeeded",
                           "data": {"object": {"id": intent.json()["providerPaymentId"],
                                               "object": "payment_intent", "amount": 5000,
                                               "amount_received": 5000,
                                               "currency": "usd"}}}).encode()
        assert post_event(client, paid, sign(paid)).status_code == 200

        cancelled = client.delete(f"/api/bookings/{booking_id}", token=token,
                                  json={"reason": "plans changed"})
        assert cancelled.status_code == 200, cancelled.text
        assert cancelled.json()["status"] == "cancelled"
        assert cancelled.json()["payment"]["status"] == "refund-pending"
        assert cancelled.json()["refund"]["amount"] == 5000
        assert len(flaky.refunds_seen) == 1

        deadline = time.time() + 15
        while time.time() < deadline:
            payment = client.get(f"/api/bookings/{booking_id}", token=token).json()["payment"]
            if payment["status"] == "refunded":
                break
            time.sleep(0.1)
        assert payment["status"] == "refunded", payment
        time.sleep(1.5)  # a second job run, if any, would ask again here
        assert len(flaky.refunds_seen) == 2, flaky.refunds_seen
        assert len(set(flaky.refunds_seen)) == 1  # the same key: Stripe makes it once
    finally:
        assert own.stop() == 0
        own.cleanup()
        flaky.stop()


def test_a_sandbox_intent_made_before_stripe_was_configured_is_replaced(server, engine):
    # The customer opened the sandbox's checkout; then the operator set a
    # Stripe key. The booking must still be payable: a Stripe intent replaces
    # the sandbox one (which can no longer be paid).
    def own_server(env):
        return ConferServer(database_url=server.env.get("DATABASE_URL"), data_dir=server.data_dir,
                            env={"STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET, "JOB_WORKERS": "0",
                                 **env}).start()

    sandbox = own_server({})
    try:
        token, booking_id = paid_pending_booking(Client(sandbox))
        first = Client(sandbox).post("/api/payments/create-intent", token=token,
                                     json={"bookingId": booking_id})
        assert first.status_code == 201 and first.json()["provider"] == "sandbox"
    finally:
        assert sandbox.stop() == 0
    stripe = FlakyStripe([])
    live = own_server({"STRIPE_SECRET_KEY": KEY, "STRIPE_API_BASE": stripe.base})
    try:
        client = Client(live)
        again = client.post("/api/payments/create-intent", token=token,
                            json={"bookingId": booking_id})
        assert again.status_code == 201, again.text
        assert again.json()["provider"] == "stripe"
        assert again.json()["paymentId"] != first.json()["paymentId"]
        old = client.get(f"/api/payments/{first.json()['paymentId']}", token=token).json()
        assert old["status"] == "failed"
        # Asking once more gives the same Stripe intent, without asking Stripe again.
        assert client.post("/api/payments/create-intent", token=token, json={
            "bookingId": booking_id}).json()["paymentId"] == again.json()["paymentId"]
        assert len(stripe.seen) == 1
    finally:
        assert live.stop() == 0
        stripe.stop()


def test_stripe_out_of_reach_is_a_502_that_names_no_internal_address(server, engine):
    own = ConferServer(database_url=server.env.get("DATABASE_URL"), data_dir=server.data_dir,
                       env={"STRIPE_SECRET_KEY": KEY,
                            "STRIPE_API_BASE": "http://127.0.0.1:9"}).start()  # nothing listens
    try:
        client = Client(own)
        token, booking_id = paid_pending_booking(client)
        response = client.post("/api/payments/create-intent", token=token,
                               json={"bookingId": booking_id})
        detail = assert_problem(response, 502)["detail"]
        assert "could not be reached" in detail
        for leak in ("127.0.0.1", "http", "/v1/"):
            assert leak not in detail, detail
    finally:
        assert own.stop() == 0
