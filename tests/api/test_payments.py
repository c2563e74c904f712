"""Paying for a booking on the sandbox: intent, TEST MODE page, signed
webhook, booking confirmed; signatures checked, events applied once."""
import hashlib
import hmac
import json
import time

import pytest

from confer_harness import assert_problem

WEBHOOK_SECRET = "whsec_api_test_secret"
SERVER_ENV = {"STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET, "PLATFORM_FEE_BPS": "2000"}
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def sign(payload: bytes, secret=WEBHOOK_SECRET, timestamp=None):
    t = int(timestamp if timestamp is not None else time.time())
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def event(intent, kind="payment_intent.succeeded", event_id=None, amount=None, currency=None):
    """A Stripe event about `intent` (as create-intent answered it), for its amount."""
    received = intent["amount"] if amount is None else amount
    return json.dumps({"id": event_id or f"evt_{time.time_ns()}", "object": "event", "type": kind,
                       "data": {"object": {"id": intent["providerPaymentId"],
                                           "object": "payment_intent", "amount": received,
                                           "amount_received": received,
                                           "currency": (currency or intent["currency"]).lower()}}}
                      ).encode()


def post_event(client, payload, signature):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    return client.post("/api/payments/webhook", data=payload, headers=headers)


@pytest.fixture
def pending(client):
    specialist = client.signup("specialist")
    token = specialist["accessToken"]
    client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": "17:00"} for d in WEEK},
        "slotDuration": [60], "maxAdvanceBooking": 730})
    service = client.post("/api/services", token=token, json={
        "title": "Paid", "duration": 60, "price": 12345, "currency": "USD"}).json()
    slots = client.get(f"/api/specialists/{specialist['user']['id']}/slots",
                       params={"from": "2027-07-01", "to": "2027-07-01"}).json()["slots"]
    customer = client.signup("customer")
    booking = client.post("/api/bookings", token=customer["accessToken"],
                          json={"slotId": slots[0]["id"]}).json()
    assert booking["status"] == "pending"
    return {"customer": customer, "specialist": specialist, "booking": booking}


def create_intent(client, pending):
    response = client.post("/api/payments/create-intent", token=pending["customer"]["accessToken"],
                           json={"bookingId": pending["booking"]["id"]})
    assert response.status_code == 201, response.text
    return response.json()


def test_an_intent_takes_the_amount_from_the_service_and_splits_the_fee(client, pending):
    intent = create_intent(client, pending)
    assert intent["provider"] == "sandbox"
    assert (intent["amount"], intent["currency"]) == (12345, "USD")
    assert intent["platformFee"] == 2469 and intent["specialistPayout"] == 9876
    assert intent["platformFee"] + intent["specialistPayout"] == intent["amount"]
    assert intent["clientSecret"].startswith(intent["providerPaymentId"] + "_secret_")
    again = create_intent(client, pending)
    assert again["paymentId"] == intent["paymentId"]
    stranger = client.signup("customer")["accessToken"]
    assert_problem(client.post("/api/payments/create-intent", token=stranger,
                               json={"bookingId": pending["booking"]["id"]}), 404)


def test_a_signed_success_event_confirms_the_booking_once(client, pending):
    intent = create_intent(client, pending)
    payload = event(intent)
    first = post_event(client, payload, sign(payload))
    assert first.status_code == 200 and first.json()["outcome"] == "applied"
    repeat = post_event(client, payload, sign(payload))
    assert repeat.status_code == 200 and repeat.json()["outcome"] == "duplicate"
    booking = client.get(f"/api/bookings/{pending['booking']['id']}",
                         token=pending["customer"]["accessToken"]).json()
    assert booking["status"] == "confirmed"
    assert booking["payment"]["status"] == "completed"
    assert booking["meeting"]["joinUrl"]
    payment = client.get(f"/api/payments/{intent['paymentId']}",
                         token=pending["customer"]["accessToken"]).json()
    assert payment["status"] == "succeeded"
    # A second, different event for the same intent changes nothing more.
    other = event(intent)
    assert post_event(client, other, sign(other)).json()["outcome"] == "applied"
    history = client.get("/api/payments/history", token=pending["specialist"]["accessToken"]).json()
    assert [p["paymentId"] for p in history["items"]] == [intent["paymentId"]]


def test_a_success_event_for_another_amount_or_currency_confirms_nothing(client, pending):
    intent = create_intent(client, pending)
    token = pending["customer"]["accessToken"]
    for wrong in (event(intent, amount=1), event(intent, currency="EUR")):
        answer = post_event(client, wrong, sign(wrong))
        assert answer.status_code == 200  # recorded; Stripe need not send it again
        booking = client.get(f"/api/bookings/{pending['booking']['id']}", token=token).json()
        assert booking["status"] == "pending" and booking["payment"]["status"] == "pending"
    payment = client.get(f"/api/payments/{intent['paymentId']}", token=token).json()
    assert payment["status"] == "pending" and "12345 usd" in payment["failureReason"]
    right = event(intent)
    assert post_event(client, right, sign(right)).status_code == 200
    assert client.get(f"/api/bookings/{pending['booking']['id']}",
                      token=token).json()["status"] == "confirmed"


@pytest.mark.parametrize("tamper", ["changed byte", "wrong secret", "too old", "no header", "garbage"])
def test_a_bad_signature_is_400_and_changes_nothing(client, pending, tamper):
    intent = create_intent(client, pending)
    payload = event(intent)
    signature = sign(payload)
    if tamper == "changed byte":
        payload = payload.replace(b"payment_intent.succeeded", b"payment_intent.succeedeD")
    elif tamper == "wrong secret":
        signature = sign(payload, secret="whsec_someone_else")
    elif tamper == "too old":
        signature = sign(payload, timestamp=time.time() - 301)
    elif tamper == "no header":
        signature = None
    else:
        signature = "t=abc,v1=zzz"
    assert_problem(post_event(client, payload, signature), 400)
    booking = client.get(f"/api/bookings/{pending['booking']['id']}",
                         token=pending["customer"]["accessToken"]).json()
    assert booking["status"] == "pending"


def test_a_failure_event_records_why(client, pending):
    intent = create_intent(client, pending)
    payload = json.dumps({"id": "evt_fail_1", "type": "payment_intent.payment_failed",
                          "data": {"object": {"id": intent["providerPaymentId"],
                                              "last_payment_error": {"message": "Card declined"}}}}).encode()
    assert post_event(client, payload, sign(payload)).status_code == 200
    payment = client.get(f"/api/payments/{intent['paymentId']}",
                         token=pending["customer"]["accessToken"]).json()
    assert payment["status"] == "failed" and payment["failureReason"] == "Card declined"


def test_the_sandbox_page_pays_and_confirms(client, pending):
    intent = create_intent(client, pending)
    page = client.get(intent["checkoutUrl"])
    assert page.status_code == 200 and "TEST MODE" in page.text and "123.45 USD" in page.text
    paid = client.post(intent["checkoutUrl"] + "/pay")
    assert paid.status_code == 200 and "confirmed" in paid.text
    booking = client.get(f"/api/bookings/{pending['booking']['id']}",
                         token=pending["customer"]["accessToken"]).json()
    assert booking["status"] == "confirmed"
    assert_problem(client.get("/api/payments/sandbox/pi_sandbox_unknown"), 404)


def pay(client, pending):
    intent = create_intent(client, pending)
    assert client.post(intent["checkoutUrl"] + "/pay").status_code == 200
    return intent


def test_cancelling_a_paid_booking_inside_the_deadline_refunds_it_all(client, pending):
    intent = pay(client, pending)
    token = pending["customer"]["accessToken"]
    cancelled = client.delete(f"/api/bookings/{pending['booking']['id']}", token=token,
                              json={"reason": "plans changed"})
    assert cancelled.status_code == 200, cancelled.text
    body = cancelled.json()
    assert body["refund"]["amount"] == 12345 and body["refund"]["withinDeadline"] is True
    assert body["payment"]["status"] == "refunded" and body["payment"]["refundAmount"] == 12345
    payment = client.get(f"/api/payments/{intent['paymentId']}", token=token).json()
    assert payment["status"] == "refunded" and payment["refundedAmount"] == 12345


def test_the_specialist_refunds_part_and_then_the_rest(client, pending):
    intent = pay(client, pending)
    specialist = pending["specialist"]["accessToken"]
    customer = pending["customer"]["accessToken"]
    path = f"/api/payments/{intent['paymentId']}/refund"
    assert_problem(client.post(path, token=customer, json={}), 403)
    assert_problem(client.post(path, token=client.signup("specialist")["accessToken"], json={}), 404)
    assert "amount" in assert_problem(client.post(path, token=specialist, json={"amount": 99999}), 422)["errors"]
    part = client.post(path, token=specialist, json={"amount": 345})
    assert part.status_code == 200 and part.json()["status"] == "partially-refunded"
    assert part.json()["refundedAmount"] == 345
    rest = client.post(path, token=specialist, json={})
    assert rest.json()["status"] == "refunded" and rest.json()["refundedAmount"] == 12345
    assert_problem(client.post(path, token=specialist, json={}), 409)


def test_declining_on_the_sandbox_leaves_the_booking_waiting(client, pending):
    intent = create_intent(client, pending)
    declined = client.post(intent["checkoutUrl"] + "/decline")
    assert declined.status_code == 200 and "declined" in declined.text
    payment = client.get(f"/api/payments/{intent['paymentId']}",
                         token=pending["customer"]["accessToken"]).json()
    assert payment["status"] == "failed"
    booking = client.get(f"/api/bookings/{pending['booking']['id']}",
                         token=pending["customer"]["accessToken"]).json()
    assert booking["status"] == "pending"


def test_earnings_split_what_was_kept_and_admins_see_platform_revenue(client, server, pending):
    intent = pay(client, pending)
    specialist = pending["specialist"]["accessToken"]
    client.post(f"/api/payments/{intent['paymentId']}/refund", token=specialist, json={"amount": 2345})
    body = client.get("/api/earnings", token=specialist).json()
    assert len(body["months"]) == 1
    row = body["months"][0]
    assert (row["gross"], row["refunded"], row["currency"]) == (10000, 2345, "USD")
    assert (row["platformFee"], row["net"]) == (2000, 8000)
    assert row["platformFee"] + row["net"] == row["gross"]
    assert_problem(client.get("/api/earnings", token=pending["customer"]["accessToken"]), 403)
    assert_problem(client.get("/api/admin/revenue", token=specialist), 403)
    import subprocess
    from confer_harness import BINARY
    admin = client.signup("customer")
    subprocess.run([str(BINARY), "make-admin", admin["user"]["email"]], env=server.env, check=True,
                   capture_output=True)
    token = client.post("/api/auth/login", json={"email": admin["user"]["email"],
                                                 "password": admin["password"]}).json()["accessToken"]
    revenue = client.get("/api/admin/revenue", token=token).json()
    assert sum(t["platformFee"] for t in revenue["totals"] if t["currency"] == "USD") >= 2000
    users = client.get("/api/admin/users", token=token, params={"role": "admin"}).json()
    assert admin["user"]["id"] in [u["id"] for u in users["items"]]
