"""What a booking sets in motion, with real parts: the job queue sends the
confirmation, reschedule and cancellation emails (with calendar invites that
keep one UID and raise SEQUENCE) to a real SMTP server on loopback; in-app
notifications; the manage link from the email works without a login; and
the private calendar feed."""

import icalendar
import pytest
import requests

from delivery_harness import invite_of

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NINE = 1811926800  # 2027-06-02T09:00:00Z, a Wednesday


@pytest.fixture(scope="module")
def server_env(smtp):
    return {"SMTP_URL": smtp.url(), "MAIL_FROM": "Confer <no-reply@confer.test>",
            "FRONTEND_URL": "https://app.confer.test", "JOB_POLL_MS": "50"}


def wait_for_mail(smtp, recipient, subject_prefix, timeout=15):
    return smtp.wait_for_subject(recipient, subject_prefix, timeout)


def setup_booking(client, engine_tag):
    specialist = client.signup("specialist", name=f"Maya {engine_tag}")
    token = specialist["accessToken"]
    assert client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": "12:00"} for d in DAYS},
        "slotDuration": [60], "maxAdvanceBooking": 730}).status_code == 201
    service = client.post("/api/services", token=token, json={
        "title": "Career talk", "duration": 60, "price": 0, "currency": "USD"}).json()
    customer = client.signup("customer", name="Ada Customer", timezone="Europe/Berlin")
    return specialist, service, customer


def test_a_booking_mails_both_sides_and_its_invite_follows_every_change(client, smtp, engine):
    specialist, service, customer = setup_booking(client, engine)
    ctoken, cmail = customer["accessToken"], customer["user"]["email"]
    booked = client.post("/api/bookings", token=ctoken, json={"slotId": f"{service['id']}.{NINE}"})
    assert booked.status_code == 201 and booked.json()["status"] == "confirmed"
    booking_id = booked.json()["id"]

    confirmation = wait_for_mail(smtp, cmail, "Confirmed:")
    calendar, event = invite_of(confirmation)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"{booking_id}@confer"
    assert int(event["SEQUENCE"]) == 0
    assert event["DTSTART"].dt.isoformat() == "2027-06-02T09:00:00+00:00"
    text = confirmation.get_body(preferencelist=("plain",)).get_content()
    assert "11:00" in text and "Europe/Berlin" in text  # the customer's own clock
    assert booked.json()["meeting"]["joinUrl"] in text
    wait_for_mail(smtp, specialist["user"]["email"], "New booking:")

    notes = client.get("/api/notifications", token=ctoken).json()
    assert notes["unread"] == 1 and notes["items"][0]["kind"] == "booking.confirmed"
    assert notes["items"][0]["bookingId"] == booking_id
    assert notes["items"][0]["bookingStart"] == "2027-06-02T09:00:00Z"
    assert client.post(f"/api/notifications/{notes['items'][0]['id']}/read",
                       token=ctoken).status_code == 204
    assert client.get("/api/notifications", token=ctoken,
                      params={"unread": "true"}).json()["total"] == 0
    other = client.signup("customer")["accessToken"]
    assert client.post(f"/api/notifications/{notes['items'][0]['id']}/read",
                       token=other).status_code == 404

    ten = f"{service['id']}.{NINE + 3600}"
    assert client.post(f"/api/bookings/{booking_id}/reschedule", token=ctoken,
                       json={"slotId": ten}).status_code == 200
    moved = wait_for_mail(smtp, cmail, "Rescheduled:")
    _, event = invite_of(moved)
    assert str(event["UID"]) == f"{booking_id}@confer" and int(event["SEQUENCE"]) == 1
    assert event["DTSTART"].dt.isoformat() == "2027-06-02T10:00:00+00:00"

    # The manage link from the email acts for the customer without a login.
    link = next(w for w in text.split() if "/manage/" in w)
    assert link.startswith("https://app.confer.test/manage/")
    manage_token = link.rsplit("/", 1)[1]
    seen = client.get(f"/api/manage/{manage_token}")
    assert seen.status_code == 200 and seen.json()["id"] == booking_id
    forged = manage_token[:-2] + ("AA" if not manage_token.endswith("AA") else "BB")
    assert client.get(f"/api/manage/{forged}").status_code == 404
    cancelled = client.post(f"/api/manage/{manage_token}/cancel", json={"reason": "ill"})
    assert cancelled.status_code == 200, cancelled.text
    cancel_mail = wait_for_mail(smtp, cmail, "Cancelled:")
    calendar, event = invite_of(cancel_mail)
    assert str(calendar["METHOD"]) == "CANCEL" and int(event["SEQUENCE"]) == 2
    wait_for_mail(smtp, specialist["user"]["email"], "Cancelled:")
    kinds = [n["kind"] for n in client.get("/api/notifications", token=ctoken).json()["items"]]
    assert kinds == ["booking.cancelled", "booking.rescheduled", "booking.confirmed"]


def test_the_private_calendar_feed_lists_bookings_until_revoked(client, server, engine):
    specialist, service, customer = setup_booking(client, engine + "-feed")
    ctoken = customer["accessToken"]
    booked = client.post("/api/bookings", token=ctoken, json={"slotId": f"{service['id']}.{NINE}"})
    assert booked.status_code == 201
    assert client.get("/api/calendar/feed", token=ctoken).json()["active"] is False
    created = client.post("/api/calendar/feed", token=ctoken)
    assert created.status_code == 201
    path = "/api/calendar/" + created.json()["url"].split("/api/calendar/", 1)[1]
    feed = requests.get(server.url(path), timeout=10)
    assert feed.status_code == 200 and feed.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.text)
    uids = [str(e["UID"]) for e in calendar.walk() if e.name == "VEVENT"]
    assert uids == [f"{booked.json()['id']}@confer"]
    # The specialist's feed shows the same booking from their side.
    stoken = specialist["accessToken"]
    spath = "/api/calendar/" + client.post("/api/calendar/feed", token=stoken).json()["url"].split(
        "/api/calendar/", 1)[1]
    assert booked.json()["id"] in requests.get(server.url(spath), timeout=10).text
    # A new URL replaces the old one; revoking ends it.
    again = client.post("/api/calendar/feed", token=ctoken).json()["url"]
    assert requests.get(server.url(path), timeout=10).status_code == 404
    assert client.delete("/api/calendar/feed", token=ctoken).status_code == 204
    new_path = "/api/calendar/" + again.split("/api/calendar/", 1)[1]
    assert requests.get(server.url(new_path), timeout=10).status_code == 404
    assert client.delete("/api/calendar/feed", token=ctoken).status_code == 404


def test_phone_and_sms_consent_are_checked(client):
    token = client.signup("customer")["accessToken"]
    bad = client.patch("/api/users/me", token=token, json={"phone": "0301234567"})
    assert bad.status_code == 422 and "phone" in bad.json()["errors"]
    alone = client.patch("/api/users/me", token=token, json={"smsOptIn": True})
    assert alone.status_code == 422 and "smsOptIn" in alone.json()["errors"]
    ok = client.patch("/api/users/me", token=token, json={"phone": "+14155550123", "smsOptIn": True})
    assert ok.status_code == 200 and ok.json()["phone"] == "+14155550123" and ok.json()["smsOptIn"]
    cleared = client.patch("/api/users/me", token=token, json={"phone": None, "smsOptIn": False})
    assert cleared.status_code == 200 and cleared.json()["phone"] is None
