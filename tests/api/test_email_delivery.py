"""Email over a real SMTP server (aiosmtpd on loopback): the password-reset
mail of `confer serve`, and every template with its calendar invite through
`confer send-test-email`, parsed back with Python's email package and
python3-icalendar."""
import email
import email.policy
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from confer_harness import PASSWORD, free_port, unique_email
from delivery_harness import SmtpSink, run_confer

KINDS = ["confirmation", "new-booking", "receipt", "cancellation", "reschedule", "reminder",
         "recording", "password-reset"]


@pytest.fixture(scope="module")
def server_env(smtp):
    return {"SMTP_URL": smtp.url(), "MAIL_FROM": "Confer Test <no-reply@confer.test>",
            "FRONTEND_URL": "https://app.confer.test"}


@pytest.fixture
def data_dir():
    with tempfile.TemporaryDirectory(prefix="confer-mail-") as folder:
        yield folder


def body_of(message, subtype):
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None, f"no text/{subtype} part"
    return part.get_content()


def calendar_attachment(message):
    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            return part
    raise AssertionError("no text/calendar attachment")


def test_password_reset_mail_arrives_over_smtp_and_its_link_works(client, server, smtp):
    data = client.signup(name="Ada <b>Lovelace</b>")
    address = data["user"]["email"]
    assert client.post("/api/auth/forgot-password", json={"email": address}).status_code == 202
    mail_from, recipients, message = smtp.wait_for(address)
    assert mail_from == "no-reply@confer.test"
    assert recipients == [address]
    assert message["Subject"] == "Reset your Confer password"
    assert message["From"].addresses[0].addr_spec == "no-reply@confer.test"
    assert message["To"].addresses[0].addr_spec == address
    assert message["Message-ID"].endswith("@confer.test>")
    text = body_of(message, "plain")
    html = body_of(message, "html")
    assert "Ada <b>Lovelace</b>" in text
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt;" in html and "<b>Lovelace" not in html
    link = next(word for word in text.split() if "/reset-password?token=" in word)
    assert link.startswith("https://app.confer.test/reset-password?token=")
    assert link.replace("&", "&amp;") in html
    token = link.split("token=", 1)[1]
    new_password = "a fresh password from the mail"
    assert client.post("/api/auth/reset-password",
                       json={"token": token, "password": new_password}).status_code == 204
    assert client.post("/api/auth/login",
                       json={"email": address, "password": new_password}).status_code == 200
    assert client.post("/api/auth/login",
                       json={"email": address, "password": PASSWORD}).status_code == 401


def test_confirmation_carries_a_request_invite_that_calendars_read(smtp, data_dir):
    to = unique_email("invitee")
    result = run_confer(["send-test-email", "--kind", "confirmation", "--to", to,
                         "--tz", "America/New_York", "--start", "2026-03-08T06:30:00Z",
                         "--minutes", "90", "--booking-id", "bk-42", "--sequence", "3"],
                        {"SMTP_URL": smtp.url(), "DATA_DIR": data_dir,
                         "MAIL_FROM": "Confer <mail@confer.test>"})
    assert result.returncode == 0, result.stderr
    _, _, message = smtp.wait_for(to)
    assert message["Subject"] == "Confirmed: Sample session with Ada Specialist"
    text = body_of(message, "plain")
    # 06:30 UTC is 01:30 EST, the night US clocks spring forward; it ends 04:00 EDT.
    assert "Sunday, 8 March 2026, 01:30 EST–04:00 EDT (America/New_York)" in text
    assert "https://meet.jit.si/confer-bk-42" in text

    part = calendar_attachment(message)
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invite.ics"
    calendar = icalendar.Calendar.from_ical(part.get_content())
    assert str(calendar["METHOD"]) == "REQUEST"
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == "bk-42@confer"
    assert int(event["SEQUENCE"]) == 3
    assert event.decoded("DTSTART") == datetime(2026, 3, 8, 6, 30, tzinfo=timezone.utc)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "https://meet.jit.si/confer-bk-42"
    assert "https://meet.jit.si/confer-bk-42" in str(event["DESCRIPTION"])
    # The platform's address organizes: a specialist's own address is theirs to give.
    assert str(event["ORGANIZER"]) == "mailto:mail@confer.test"
    assert event["ORGANIZER"].params["CN"] == "Ada Specialist"
    assert str(event["ATTENDEE"]) == f"mailto:{to}"
    assert event["ATTENDEE"].params["CN"] == "Sam Customer"

    # The invite also travels as the calendar alternative that clients act on.
    alternatives = [p for p in message.walk()
                    if p.get_content_type() == "text/calendar" and not p.get_filename()]
    assert len(alternatives) == 1


def test_cancellation_carries_a_cancel_invite_for_the_same_uid(smtp, data_dir):
    to = unique_email("cancelled")
    result = run_confer(["send-test-email", "--kind", "cancellation", "--to", to,
                         "--booking-id", "bk-42", "--sequence", "4"],
                        {"SMTP_URL": smtp.url(), "DATA_DIR": data_dir})
    assert result.returncode == 0, result.stderr
    _, _, message = smtp.wait_for(to)
    part = calendar_attachment(message)
    assert part.get_param("method") == "CANCEL"
    calendar = icalendar.Calendar.from_ical(part.get_content())
    assert str(calendar["METHOD"]) == "CANCEL"
    event = next(c for c in calendar.walk() if c.name == "VEVENT")
    assert str(event["UID"]) == "bk-42@confer"
    assert int(event["SEQUENCE"]) == 4
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_arrives_with_text_and_html(smtp, data_dir, kind):
    to = unique_email(kind)
    result = run_confer(["send-test-email", "--kind", kind, "--to", to, "--tz", "Asia/Kolkata"],
                        {"SMTP_URL": smtp.url(), "DATA_DIR": data_dir})
    assert result.returncode == 0, result.stderr
    _, _, message = smtp.wait_for(to)
    assert message["Subject"]
    text, html = body_of(message, "plain"), body_of(message, "html")
    assert text.strip() and html.lstrip().startswith("<!DOCTYPE html>")
    if kind != "password-reset":
        assert "IST (Asia/Kolkata)" in text
    has_invite = any(p.get_content_type() == "text/calendar" for p in message.iter_attachments())
    assert has_invite == (kind in ("confirmation", "new-booking", "cancellation", "reschedule"))


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtp_login_from_the_url_and_the_password_is_never_printed(data_dir):
    sink = SmtpSink(login=("confer", "s3cret-pass")).start()
    try:
        to = unique_email("auth")
        ok = run_confer(["send-test-email", "--to", to],
                        {"SMTP_URL": sink.url("confer:s3cret-pass@"), "DATA_DIR": data_dir,
                         "LOG_LEVEL": "debug"})
        assert ok.returncode == 0, ok.stderr
        sink.wait_for(to)
        assert sink.logins and all(success for _, success in sink.logins)
        assert "s3cret-pass" not in ok.stderr + ok.stdout

        refused = run_confer(["send-test-email", "--to", to],
                             {"SMTP_URL": sink.url("confer:wrong-pass@"), "DATA_DIR": data_dir})
        assert refused.returncode == 1
        assert "SMTP delivery through smtp://127.0.0.1" in refused.stderr
        assert "wrong-pass" not in refused.stderr + refused.stdout
    finally:
        sink.stop()


def test_an_unreachable_smtp_server_is_an_error_not_a_silent_loss(data_dir):
    result = run_confer(["send-test-email", "--to", "nobody@example.com"],
                        {"SMTP_URL": f"smtp://user:hunter2@127.0.0.1:{free_port()}",
                         "DATA_DIR": data_dir})
    assert result.returncode == 1
    assert "hunter2" not in result.stderr + result.stdout


def test_without_smtp_or_sendgrid_mail_goes_to_the_file_outbox(data_dir):
    result = run_confer(["send-test-email", "--to", "outbox@example.com"], {"DATA_DIR": data_dir})
    assert result.returncode == 0, result.stderr
    files = list((Path(data_dir) / "outbox").glob("*.eml"))
    assert len(files) == 1
    message = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "outbox@example.com"
    assert "METHOD:REQUEST" in calendar_attachment(message).get_content()
