"""Money, access and time at the edges, as a user or an attacker would try
them (issue 13): each party's manage link acts as that party, a booking keeps
the policy it was sold under, a session ended early keeps its slot, unpaid
holds are limited, a specialist's own address stays private, one receipt
number everywhere, and the zone a customer picked travels with the booking."""
import concurrent.futures
import datetime as dt
import time

import icalendar
import pytest
import requests

from confer_harness import assert_problem
from delivery_harness import invite_of, text_of

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NINE = 1811926800  # 2027-06-02T09:00:00Z, a Wednesday


@pytest.fixture(scope="module")
def server_env(smtp):
    return {"SMTP_URL": smtp.url(), "MAIL_FROM": "Confer <no-reply@confer.test>",
            "FRONTEND_URL": "https://app.confer.test", "JOB_POLL_MS": "50"}


def make_specialist(client, price=5000, policy=None, hours=("09:00", "17:00"), duration=60,
                    notice=0, name="Maya Specialist"):
    specialist = client.signup("specialist", name=name)
    token = specialist["accessToken"]
    availability = client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": hours[0], "end": hours[1]} for d in DAYS},
        "slotDuration": [duration], "maxAdvanceBooking": 730, "minBookingNotice": notice})
    assert availability.status_code == 201, availability.text
    service = client.post("/api/services", token=token, json={
        "title": "Career talk", "duration": duration, "price": price, "currency": "USD",
        "cancellationPolicy": policy or {"deadlineHours": 24, "refund": "none"}})
    assert service.status_code == 201, service.text
    return {"token": token, "id": specialist["user"]["id"], "email": specialist["user"]["email"],
            "service": service.json()["id"]}


def book(client, token, service_id, start=NINE, **extra):
    return client.post("/api/bookings", token=token,
                       json={"slotId": f"{service_id}.{start}", **extra})


def pay(client, token, booking_id):
    intent = client.post("/api/payments/create-intent", token=token, json={"bookingId": booking_id})
    assert intent.status_code == 201, intent.text
    assert client.post(intent.json()["checkoutUrl"] + "/pay").status_code == 200


def link_token(text):
    link = next(word for word in text.split() if "/manage/" in word)
    assert link.startswith("https://app.confer.test/manage/")
    return link.rsplit("/", 1)[1]


def test_each_party_gets_a_manage_link_that_acts_as_them(client, smtp):
    specialist = make_specialist(client, policy={"deadlineHours": 24, "refund": "none"})
    name = 'Ada "The Countess" Customer'
    customer = client.signup("customer", name=name)
    ctoken, cmail = customer["accessToken"], customer["user"]["email"]
    booking = book(client, ctoken, specialist["service"]).json()
    pay(client, ctoken, booking["id"])

    confirmation = smtp.wait_for_subject(cmail, "Confirmed:")
    # A quote in a display name is escaped: the To header still parses as one address.
    assert confirmation["To"].addresses[0].display_name == name
    assert confirmation["To"].addresses[0].addr_spec == cmail
    new_booking = smtp.wait_for_subject(specialist["email"], "New booking:")
    customer_link, specialist_link = link_token(text_of(confirmation)), link_token(text_of(new_booking))
    assert customer_link != specialist_link
    _, event = invite_of(new_booking)
    assert customer_link not in text_of(new_booking) and customer_link not in str(event)

    as_customer = client.get(f"/api/manage/{customer_link}").json()
    assert as_customer["viewer"] == "customer" and "specialistNotes" not in as_customer
    as_specialist = client.get(f"/api/manage/{specialist_link}").json()
    assert as_specialist["viewer"] == "specialist" and "specialistNotes" in as_specialist

    # Through their own link the specialist cancels as the specialist: the
    # customer gets everything back, whatever the customer's own rule says.
    quote = client.get(f"/api/manage/{specialist_link}/cancellation").json()
    assert quote["refund"]["amount"] == 5000
    cancelled = client.post(f"/api/manage/{specialist_link}/cancel", json={"reason": "sick"})
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["cancellationType"] == "specialist"
    assert cancelled.json()["refund"]["amount"] == 5000
    assert cancelled.json()["payment"]["refundAmount"] == 5000


def test_a_cancellation_follows_the_policy_the_booking_was_sold_under(client):
    specialist = make_specialist(client, policy={"deadlineHours": 24, "refund": "full"})
    customer = client.signup("customer")
    ctoken = customer["accessToken"]
    booking = book(client, ctoken, specialist["service"]).json()
    pay(client, ctoken, booking["id"])
    # After the sale the specialist makes the policy as strict as it gets.
    changed = client.put(f"/api/services/{specialist['service']}", token=specialist["token"],
                         json={"cancellationPolicy": {"deadlineHours": 720, "refund": "none"}})
    assert changed.status_code == 200, changed.text

    seen = client.get(f"/api/bookings/{booking['id']}", token=ctoken).json()
    assert seen["service"]["cancellationPolicy"]["deadlineHours"] == 24
    assert seen["service"]["cancellationPolicy"]["refund"] == "full"
    quote = client.get(f"/api/bookings/{booking['id']}/cancellation", token=ctoken)
    assert quote.status_code == 200, quote.text
    assert quote.json()["refund"] == {"amount": 5000, "currency": "USD", "withinDeadline": True,
                                      "reason": quote.json()["refund"]["reason"]}
    assert quote.json()["paid"] == 5000
    # The quote changed nothing.
    assert client.get(f"/api/bookings/{booking['id']}", token=ctoken).json()["status"] == "confirmed"
    cancelled = client.delete(f"/api/bookings/{booking['id']}", token=ctoken).json()
    assert cancelled["refund"]["amount"] == 5000
    # Nobody else may ask.
    stranger = client.signup("customer")["accessToken"]
    assert_problem(client.get(f"/api/bookings/{booking['id']}/cancellation", token=stranger), 404)


def test_a_session_ended_early_keeps_its_slot(client):
    specialist = make_specialist(client, price=0, hours=("00:00", "24:00"), duration=5)
    now = time.time()
    today = dt.datetime.fromtimestamp(now, dt.timezone.utc).date()
    slots = client.get(f"/api/specialists/{specialist['id']}/slots", params={
        "from": today.isoformat(), "to": (today + dt.timedelta(days=1)).isoformat(),
        "serviceId": specialist["service"]}).json()["slots"]
    soon = next(s for s in slots
                if dt.datetime.fromisoformat(s["start"].replace("Z", "+00:00")).timestamp() > now + 60)
    first = client.signup("customer")["accessToken"]
    booked = client.post("/api/bookings", token=first, json={"slotId": soon["id"]})
    assert booked.status_code == 201 and booked.json()["status"] == "confirmed"
    path = f"/api/bookings/{booked.json()['id']}/session"
    assert client.post(path + "/start", token=specialist["token"]).status_code == 200
    ended = client.post(path + "/end", token=specialist["token"])
    assert ended.status_code == 200 and ended.json()["status"] == "completed"

    free = client.get(f"/api/specialists/{specialist['id']}/slots", params={
        "from": today.isoformat(), "to": (today + dt.timedelta(days=1)).isoformat(),
        "serviceId": specialist["service"]}).json()["slots"]
    assert soon["id"] not in [s["id"] for s in free]
    second = client.signup("customer")["accessToken"]
    assert_problem(client.post("/api/bookings", token=second, json={"slotId": soon["id"]}), 409)
    # A session cannot start earlier than 15 minutes before its time.
    later = next(s for s in slots
                 if dt.datetime.fromisoformat(s["start"].replace("Z", "+00:00")).timestamp()
                 > now + 3600)
    early = client.post("/api/bookings", token=second, json={"slotId": later["id"]}).json()
    refused = assert_problem(
        client.post(f"/api/bookings/{early['id']}/session/start", token=specialist["token"]), 409)
    assert "15 minutes" in refused["detail"]


def test_unpaid_holds_are_limited_per_customer_and_per_specialist(client):
    first, second, third = (make_specialist(client) for _ in range(3))
    token = client.signup("customer")["accessToken"]
    assert book(client, token, first["service"], NINE).json()["status"] == "pending"
    assert book(client, token, first["service"], NINE + 3600).status_code == 201
    refused = book(client, token, first["service"], NINE + 7200)
    body = assert_problem(refused, 429)
    assert "waiting for payment" in body["detail"]
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    assert book(client, token, second["service"], NINE + 7200).status_code == 201
    assert_problem(book(client, token, third["service"], NINE + 3 * 3600), 429)
    # The slots refused were never held.
    slots = client.get(f"/api/specialists/{third['id']}/slots",
                       params={"from": "2027-06-02", "to": "2027-06-02"}).json()["slots"]
    assert f"{third['service']}.{NINE + 3 * 3600}" in [s["id"] for s in slots]


def test_the_hold_limit_holds_under_concurrent_bookings(client):
    specialist = make_specialist(client)
    token = client.signup("customer")["accessToken"]
    starts = [NINE + i * 3600 for i in range(8)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda start: book(client, token, specialist["service"], start)
                              .status_code, starts))
    assert sorted(codes) == [201, 201] + [429] * 6, codes


def test_feeds_and_invites_never_show_the_specialists_own_address(client, server, smtp):
    specialist = make_specialist(client, price=0)
    customer = client.signup("customer")
    ctoken = customer["accessToken"]
    booking = book(client, ctoken, specialist["service"]).json()
    confirmation = smtp.wait_for_subject(customer["user"]["email"], "Confirmed:")
    _, event = invite_of(confirmation)
    assert str(event["ORGANIZER"]) == "mailto:no-reply@confer.test"
    assert event["ORGANIZER"].params["CN"] == "Maya Specialist"
    assert client.delete(f"/api/bookings/{booking['id']}", token=ctoken).status_code == 200
    url = client.post("/api/calendar/feed", token=ctoken).json()["url"]
    feed = requests.get(server.url("/api/calendar/" + url.split("/api/calendar/", 1)[1]), timeout=10)
    assert feed.status_code == 200 and booking["id"] in feed.text
    assert specialist["email"] not in feed.text
    calendar = icalendar.Calendar.from_ical(feed.text)
    organizers = {str(e["ORGANIZER"]) for e in calendar.walk() if e.name == "VEVENT"}
    assert organizers == {"mailto:no-reply@confer.test"}


def test_one_receipt_number_everywhere(client, smtp):
    specialist = make_specialist(client)
    customer = client.signup("customer")
    ctoken = customer["accessToken"]
    booking = book(client, ctoken, specialist["service"]).json()
    pay(client, ctoken, booking["id"])
    mail = smtp.wait_for_subject(customer["user"]["email"], "Receipt:")
    number = next(line.split(": ", 1)[1].strip() for line in text_of(mail).splitlines()
                  if line.startswith("Receipt number:"))
    assert number.startswith("CONF-")
    assert client.get(f"/api/bookings/{booking['id']}", token=ctoken).json()["receiptNumber"] == number
    receipt = client.get(f"/api/bookings/{booking['id']}/receipt", token=ctoken)
    assert receipt.json()["receiptNumber"] == number
    html = client.get(f"/api/bookings/{booking['id']}/receipt", token=ctoken,
                      params={"format": "html"})
    assert number in html.text


def test_the_zone_picked_on_the_calendar_travels_with_the_booking(client, smtp):
    specialist = make_specialist(client, price=0)
    customer = client.signup("customer", timezone="Europe/London")
    ctoken = customer["accessToken"]
    bad = book(client, ctoken, specialist["service"], timezone="Mars/Olympus")
    assert "timezone" in assert_problem(bad, 422)["errors"]
    booked = book(client, ctoken, specialist["service"], timezone="Asia/Tokyo")
    assert booked.status_code == 201, booked.text
    assert booked.json()["customerTimezone"] == "Asia/Tokyo"
    text = text_of(smtp.wait_for_subject(customer["user"]["email"], "Confirmed:"))
    # 09:00 UTC is 18:00 in Tokyo and 10:00 in London (summer time).
    assert "18:00–19:00 JST (Asia/Tokyo)" in text
    assert "In your account's time zone: Wednesday, 2 June 2027, 10:00–11:00 BST (Europe/London)" in text


def test_nul_characters_are_refused_and_nothing_is_written(client):
    body = {"email": "nul-test@example.com", "password": "correct horse battery staple",
            "name": "Ada\u0000Lovelace", "role": "customer"}
    refused = assert_problem(client.post("/api/auth/signup", json=body), 422)
    assert "NUL" in refused["errors"]["name"][0]
    assert client.post("/api/auth/login", json={"email": body["email"],
                                                "password": body["password"]}).status_code == 401
