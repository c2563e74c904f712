"""Webhooks signed by Stripe's own Node library (npm `stripe`,
webhooks.generateTestHeaderString) are accepted; a changed byte, another
secret, a timestamp older than 300 s or no header is 400 and changes
nothing. Also: Connect onboarding on the sandbox, charge.refunded and
account.updated events, in any order and any number of times."""
import json
import subprocess
import time

import pytest

from confer_harness import REPO, assert_problem
from test_payments import WEBHOOK_SECRET, create_intent, pending, post_event, sign  # noqa: F401

SERVER_ENV = {"STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET, "PLATFORM_FEE_BPS": "2000"}


@pytest.fixture(scope="module")
def stripe_node():
    out = subprocess.run(["bash", str(REPO / "scripts" / "stripe-node-install.sh")], check=True,
                         capture_output=True, text=True, timeout=600)
    return out.stdout.strip().splitlines()[-1]


def official_header(stripe_node, payload: bytes, secret=WEBHOOK_SECRET, timestamp=None):
    script = ("const Stripe=require(process.argv[1]+'/stripe');"
              "const s=new Stripe('sk_test_unused');"
              "const o={payload:process.argv[2],secret:process.argv[3]};"
              "if(process.argv[4])o.timestamp=Number(process.argv[4]);"
              "process.stdout.write(s.webhooks.generateTestHeaderString(o));")
    args = ["node", "-e", script, stripe_node, payload.decode(), secret, str(timestamp or "")]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout


def succeeded(intent):
    """Stripe's event for `intent` (as create-intent answered it) paid in full."""
    return json.dumps({"id": f"evt_{time.time_ns()}", "object": "event",
                       "type": "payment_intent.succeeded",
                       "data": {"object": {"id": intent["providerPaymentId"],
                                           "object": "payment_intent",
                                           "amount": intent["amount"],
                                           "amount_received": intent["amount"],
                                           "currency": intent["currency"].lower()}}}).encode()


def booking_status(client, pending):
    return client.get(f"/api/bookings/{pending['booking']['id']}",
                      token=pending["customer"]["accessToken"]).json()["status"]


@pytest.mark.parametrize("tamper", ["byte", "secret", "old", "missing"])
def test_stripes_own_signatures_are_accepted_and_forgeries_are_not(client, pending, stripe_node,
                                                                    tamper):
    intent = create_intent(client, pending)
    payload = succeeded(intent)
    if tamper == "byte":
        header = official_header(stripe_node, payload)
        payload = payload.replace(b'"object": "event"', b'"object": "evenT"')
    elif tamper == "secret":
        header = official_header(stripe_node, payload, secret="whsec_someone_else")
    elif tamper == "old":
        header = official_header(stripe_node, payload, timestamp=int(time.time()) - 301)
    else:
        header = None
    assert_problem(post_event(client, payload, header), 400)
    assert booking_status(client, pending) == "pending"
    genuine = succeeded(intent)
    assert post_event(client, genuine, official_header(stripe_node, genuine)).status_code == 200
    assert booking_status(client, pending) == "confirmed"


def test_sandbox_connect_onboarding_turns_on_destination_charges(client, pending):
    specialist = pending["specialist"]["accessToken"]
    assert client.get("/api/payments/connect", token=specialist).json() == {"connected": False,
                                                                            "status": "none"}
    assert client.get("/api/payments/connect",
                      token=pending["customer"]["accessToken"]).status_code == 403
    started = client.post("/api/payments/connect", token=specialist)
    assert started.status_code == 201, started.text
    account = started.json()
    assert account["accountId"].startswith("acct_sandbox_") and account["chargesEnabled"] is False
    assert account["status"] == "pending"
    page_path = "/api/" + account["onboardingUrl"].split("/api/", 1)[1]
    page = client.get(page_path)
    assert page.status_code == 200 and "TEST MODE" in page.text
    # Asking again keeps the same account.
    assert client.post("/api/payments/connect",
                       token=specialist).json()["accountId"] == account["accountId"]
    done = client.post(page_path + "/complete")
    assert done.status_code == 200 and "payouts are set up" in done.text
    state = client.get("/api/payments/connect", token=specialist).json()
    assert state["chargesEnabled"] and state["payoutsEnabled"] and state["detailsSubmitted"]
    assert state["status"] == "active"
    assert client.post("/api/payments/sandbox-onboarding/acct_sandbox_nope/complete").status_code == 404
    # From now on the specialist's payments go to their account, less the fee.
    intent = create_intent(client, pending)
    payment = client.get(f"/api/payments/{intent['paymentId']}",
                         token=pending["customer"]["accessToken"]).json()
    assert payment["metadata"]["destination"] == account["accountId"]


def test_account_updated_and_charge_refunded_apply_once_in_any_order(client, pending):
    intent = create_intent(client, pending)
    pid = intent["providerPaymentId"]
    amount = intent["amount"]

    def charge_refunded(total):
        return json.dumps({"id": f"evt_{time.time_ns()}", "object": "event",
                           "type": "charge.refunded",
                           "data": {"object": {"id": "ch_1", "object": "charge",
                                               "payment_intent": pid,
                                               "amount_refunded": total}}}).encode()

    paid = succeeded(intent)
    part, whole = charge_refunded(amount // 4), charge_refunded(amount)
    # The whole refund arrives before the partial one, and twice.
    for payload in (paid, whole, whole, part, paid):
        assert post_event(client, payload, sign(payload)).status_code == 200
    payment = client.get(f"/api/payments/{intent['paymentId']}",
                         token=pending["customer"]["accessToken"]).json()
    assert payment["status"] == "refunded"
    assert payment["refundedAmount"] == amount


def test_config_names_the_provider(client):
    assert client.get("/api/payments/config").json() == {"provider": "sandbox",
                                                         "publishableKey": None}
