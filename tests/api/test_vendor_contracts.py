"""Contract tests: Confer's SendGrid and Twilio requests against Prism mock
servers built from the vendors' own OpenAPI files (../shared/contracts). A
recording proxy between Confer and Prism shows each request and Prism's
verdict: accepted (SendGrid 202, Twilio 201) with no `sl-violations`."""
import base64
import json
import tempfile
from urllib.parse import parse_qs

import pytest
import requests

from delivery_harness import CONTRACTS, Prism, RecordingProxy, run_confer

SENDGRID_KEY = "SG.contract-test-key"
TWILIO_SID = "AC" + "0123456789abcdef" * 2
TWILIO_TOKEN = "contract-test-token"


def mock(spec):
    prism = Prism(CONTRACTS / spec).start()
    proxy = RecordingProxy(prism.port).start()
    return prism, proxy


@pytest.fixture(scope="module")
def sendgrid():
    prism, proxy = mock("sendgrid/tsg_mail_v3.json")
    yield proxy
    proxy.stop()
    prism.stop()


@pytest.fixture(scope="module")
def twilio():
    prism, proxy = mock("twilio/twilio_api_v2010.json")
    yield proxy
    proxy.stop()
    prism.stop()


@pytest.fixture
def data_dir():
    with tempfile.TemporaryDirectory(prefix="confer-contract-") as folder:
        yield folder


def accepted(exchange, status):
    assert exchange["status"] == status, (exchange["status"], exchange["response_body"][:2000],
                                          exchange["response_headers"])
    assert "sl-violations" not in exchange["response_headers"], \
        exchange["response_headers"]["sl-violations"]


def test_prism_rejects_a_bad_sendgrid_request(sendgrid):
    # The mock really validates: a body without personalizations is refused.
    bad = requests.post(sendgrid.base + "/v3/mail/send", json={"subject": "x"},
                        headers={"Authorization": "Bearer x"}, timeout=30)
    assert bad.status_code >= 400
    assert bad.headers.get("sl-violations")


@pytest.mark.parametrize("kind", ["confirmation", "cancellation", "password-reset"])
def test_sendgrid_accepts_our_mail_send(sendgrid, data_dir, kind):
    before = len(sendgrid.exchanges)
    result = run_confer(["send-test-email", "--kind", kind, "--to", "sam@example.com"],
                        {"SENDGRID_API_KEY": SENDGRID_KEY, "SENDGRID_API_BASE": sendgrid.base,
                         "SENDGRID_FROM_EMAIL": "Confer <no-reply@confer.test>",
                         "DATA_DIR": data_dir, "LOG_LEVEL": "debug"})
    assert result.returncode == 0, result.stderr
    assert SENDGRID_KEY not in result.stderr + result.stdout
    exchanges = sendgrid.exchanges[before:]
    assert len(exchanges) == 1
    exchange = exchanges[0]
    accepted(exchange, 202)
    assert exchange["method"] == "POST" and exchange["path"] == "/v3/mail/send"
    assert exchange["headers"]["Authorization"] == f"Bearer {SENDGRID_KEY}"
    body = json.loads(exchange["body"])
    assert body["personalizations"][0]["to"][0]["email"] == "sam@example.com"
    assert body["from"] == {"email": "no-reply@confer.test", "name": "Confer"}
    assert [c["type"] for c in body["content"]] == ["text/plain", "text/html"]
    if kind == "password-reset":
        assert "attachments" not in body
    else:
        (attachment,) = body["attachments"]
        invite = base64.b64decode(attachment["content"]).decode()
        method = "CANCEL" if kind == "cancellation" else "REQUEST"
        assert f"METHOD:{method}" in invite
        assert attachment["type"].startswith(f"text/calendar; method={method}")


def test_twilio_accepts_our_message(twilio, data_dir):
    before = len(twilio.exchanges)
    result = run_confer(["send-test-sms", "--to", "+14155550100", "--body",
                         "Reminder: your session starts in 24 h. Join: https://meet.jit.si/x?a=1&b=2"],
                        {"TWILIO_ACCOUNT_SID": TWILIO_SID, "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
                         "TWILIO_FROM": "+15005550006", "TWILIO_API_BASE": twilio.base,
                         "DATA_DIR": data_dir, "LOG_LEVEL": "debug"})
    assert result.returncode == 0, result.stderr
    assert TWILIO_TOKEN not in result.stderr + result.stdout
    assert result.stdout.strip().startswith("SM")  # the message SID from the answer
    (exchange,) = twilio.exchanges[before:]
    accepted(exchange, 201)
    assert exchange["path"] == f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"
    assert exchange["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    expected = base64.b64encode(f"{TWILIO_SID}:{TWILIO_TOKEN}".encode()).decode()
    assert exchange["headers"]["Authorization"] == f"Basic {expected}"
    form = parse_qs(exchange["body"].decode(), strict_parsing=True)
    assert form == {"To": ["+14155550100"], "From": ["+15005550006"],
                    "Body": ["Reminder: your session starts in 24 h. Join: "
                             "https://meet.jit.si/x?a=1&b=2"]}


def test_without_twilio_sms_goes_to_the_file_outbox(data_dir):
    from pathlib import Path
    result = run_confer(["send-test-sms", "--to", "+14155550100", "--body", "hello"],
                        {"DATA_DIR": data_dir})
    assert result.returncode == 0, result.stderr
    (sms,) = (Path(data_dir) / "outbox" / "sms").glob("*.txt")
    assert sms.read_text() == "From: Confer\nTo: +14155550100\n\nhello\n"
