"""Booking a slot: held or confirmed, never double-booked, idempotent,
private to its two parties; cancel, reschedule, receipts."""
import concurrent.futures
import uuid

import pytest
import requests

from confer_harness import Client, ConferServer, assert_problem

WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def make_specialist(client, buffer=0, durations=(30, 60)):
    data = client.signup("specialist", timezone="Europe/Berlin")
    token = data["accessToken"]
    response = client.post("/api/availability", token=token, json={
        "timezone": "Europe/Berlin", "workingHours": {d: {"start": "09:00", "end": "17:00"} for d in WEEK},
        "bufferTime": buffer, "slotDuration": list(durations), "maxAdvanceBooking": 730})
    assert response.status_code == 201, response.text
    services = {}
    for minutes in durations:
        for price in (0, 5000):
            r = client.post("/api/services", token=token, json={
                "title": f"{minutes} min {'paid' if price else 'free'}", "duration": minutes,
                "price": price, "currency": "EUR",
                "cancellationPolicy": {"deadlineHours": 24, "refund": "none"}})
            services[(minutes, bool(price))] = r.json()["id"]
    return {"token": token, "id": data["user"]["id"], "services": services}


def slot_ids(client, specialist, service, day="2027-06-02"):
    body = client.get(f"/api/specialists/{specialist['id']}/slots",
                      params={"from": day, "to": day, "serviceId": service}).json()
    return {s["start"]: s["id"] for s in body["slots"]}


@pytest.fixture
def setup(client):
    specialist = make_specialist(client)
    customer = client.signup("customer", timezone="America/New_York")
    return specialist, customer


def free_ids(client, specialist, service, day="2027-06-02"):
    return set(slot_ids(client, specialist, service, day).values())


def book(client, token, slot_id, **extra):
    return client.post("/api/bookings", token=token, json={"slotId": slot_id, **extra})


def test_a_free_booking_is_confirmed_with_a_join_link(client, setup):
    specialist, customer = setup
    slots = slot_ids(client, specialist, specialist["services"][(60, False)])
    slot = slots["2027-06-02T07:00:00Z"]  # 09:00 in Berlin (summer time)
    response = book(client, customer["accessToken"], slot, customerNotes="About my roadmap")
    assert response.status_code == 201, response.text
    booking = response.json()
    assert booking["status"] == "confirmed" and booking["slotId"] == slot
    assert (booking["start"], booking["end"]) == ("2027-06-02T07:00:00Z", "2027-06-02T08:00:00Z")
    assert booking["payment"] == {"amount": 0, "currency": "EUR", "status": "not-required",
                                  "refundAmount": 0, "refundRequestedAt": None}
    assert booking["meeting"]["joinUrl"].startswith("https://meet.jit.si/Confer-")
    assert booking["customerNotes"] == "About my roadmap"
    assert "specialistNotes" not in booking
    assert slot not in free_ids(client, specialist, specialist["services"][(60, False)])
    seen = client.get(f"/api/bookings/{booking['id']}", token=specialist["token"]).json()
    assert seen["meeting"]["joinUrl"] == booking["meeting"]["joinUrl"]
    assert seen["specialistNotes"] == ""


def test_a_paid_booking_is_held_pending_payment(client, setup):
    specialist, customer = setup
    slot = slot_ids(client, specialist, specialist["services"][(60, True)])["2027-06-02T09:00:00Z"]
    booking = book(client, customer["accessToken"], slot).json()
    assert booking["status"] == "pending" and booking["meeting"] is None
    assert booking["payment"]["amount"] == 5000 and booking["payment"]["status"] == "pending"
    assert booking["holdExpiresAt"] is not None
    calendar = client.get(f"/api/availability/{specialist['id']}/calendar",
                          params={"from": "2027-06-02", "to": "2027-06-02",
                                  "serviceId": specialist["services"][(60, True)]}).json()
    assert {s["id"]: s["status"] for s in calendar["slots"]}[slot] == "booked"


def test_a_taken_slot_is_409_and_other_durations_that_overlap_too(client, setup):
    specialist, customer = setup
    other = client.signup("customer")
    hour = slot_ids(client, specialist, specialist["services"][(60, False)])
    half = slot_ids(client, specialist, specialist["services"][(30, False)])
    assert book(client, customer["accessToken"], hour["2027-06-02T08:00:00Z"]).status_code == 201
    assert_problem(book(client, other["accessToken"], hour["2027-06-02T08:00:00Z"]), 409)
    assert_problem(book(client, other["accessToken"], half["2027-06-02T08:30:00Z"]), 409)
    # Adjacent slots stay bookable when there is no buffer.
    assert book(client, other["accessToken"], half["2027-06-02T09:00:00Z"]).status_code == 201
    assert book(client, other["accessToken"], half["2027-06-02T07:30:00Z"]).status_code == 201


def test_the_buffer_keeps_room_between_bookings(client):
    specialist = make_specialist(client, buffer=15)
    a, b = client.signup("customer"), client.signup("customer")
    hour = slot_ids(client, specialist, specialist["services"][(60, False)])
    assert book(client, a["accessToken"], hour["2027-06-02T08:00:00Z"]).status_code == 201
    assert_problem(book(client, b["accessToken"], hour["2027-06-02T09:00:00Z"]), 409)
    assert book(client, b["accessToken"], hour["2027-06-02T10:00:00Z"]).status_code == 201


def test_a_customer_cannot_hold_two_overlapping_bookings(client, setup):
    specialist, customer = setup
    second = make_specialist(client)
    first_slot = slot_ids(client, specialist, specialist["services"][(60, False)])["2027-06-02T11:00:00Z"]
    clash = slot_ids(client, second, second["services"][(30, False)])["2027-06-02T11:30:00Z"]
    assert book(client, customer["accessToken"], first_slot).status_code == 201
    assert_problem(book(client, customer["accessToken"], clash), 409)


def test_only_customers_book_and_bad_slot_ids_are_refused(client, setup):
    specialist, customer = setup
    slot = next(iter(slot_ids(client, specialist, specialist["services"][(60, False)]).values()))
    assert_problem(book(client, specialist["token"], slot), 403)
    assert_problem(book(client, customer["accessToken"], "nonsense"), 422)
    assert_problem(book(client, customer["accessToken"], f"{uuid.uuid4()}.1811000000"), 404)
    assert_problem(client.post("/api/bookings", token=customer["accessToken"], json={}), 422)
    # A time the rules do not offer (03:00 in Berlin) is not a slot.
    service = specialist["services"][(60, False)]
    assert_problem(book(client, customer["accessToken"], f"{service}.1811905200"), 404)


def test_fifty_concurrent_requests_for_one_slot_book_it_once(client, server, setup):
    specialist, _ = setup
    customers = [client.signup("customer")["accessToken"] for _ in range(10)]
    slot = slot_ids(client, specialist, specialist["services"][(60, True)])["2027-06-02T12:00:00Z"]

    def attempt(i):
        return requests.post(server.url("/api/bookings"), json={"slotId": slot}, timeout=30,
                             headers={"Authorization": f"Bearer {customers[i % 10]}"}).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(pool.map(attempt, range(50)))
    assert codes.count(201) == 1, codes
    assert codes.count(409) == 49, codes


def test_the_race_holds_across_two_server_processes(client, server, engine):
    specialist = make_specialist(client)
    second = ConferServer(database_url=server.env.get("DATABASE_URL"),
                          data_dir=server.data_dir).start()  # same DATA_DIR: same JWT secret
    try:
        customers = [client.signup("customer")["accessToken"] for _ in range(6)]
        slot = slot_ids(client, specialist, specialist["services"][(60, False)])["2027-06-02T13:00:00Z"]
        bases = [server, second]

        def attempt(i):
            return requests.post(bases[i % 2].url("/api/bookings"), json={"slotId": slot}, timeout=30,
                                 headers={"Authorization": f"Bearer {customers[i % 6]}"}).status_code

        with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
            codes = list(pool.map(attempt, range(30)))
        assert codes.count(201) == 1 and codes.count(409) == 29, codes
    finally:
        assert second.stop() == 0
        second.cleanup()


def test_an_idempotency_key_replays_and_refuses_a_different_body(client, setup):
    specialist, customer = setup
    slots = slot_ids(client, specialist, specialist["services"][(30, False)])
    key = str(uuid.uuid4())
    headers = {"Idempotency-Key": key}
    first = client.post("/api/bookings", token=customer["accessToken"], headers=dict(headers),
                        json={"slotId": slots["2027-06-02T14:00:00Z"]})
    assert first.status_code == 201
    again = client.post("/api/bookings", token=customer["accessToken"], headers=dict(headers),
                        json={"slotId": slots["2027-06-02T14:00:00Z"]})
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert again.headers.get("Idempotent-Replayed") == "true"
    different = client.post("/api/bookings", token=customer["accessToken"], headers=dict(headers),
                            json={"slotId": slots["2027-06-02T14:30:00Z"]})
    assert_problem(different, 422)
    # Keys belong to their user: someone else's same key is a new request.
    other = client.signup("customer")
    fresh = client.post("/api/bookings", token=other["accessToken"], headers=dict(headers),
                        json={"slotId": slots["2027-06-02T14:30:00Z"]})
    assert fresh.status_code == 201


def test_another_users_booking_answers_404_on_every_route(client, setup):
    specialist, customer = setup
    slot = slot_ids(client, specialist, specialist["services"][(60, False)])["2027-06-02T10:00:00Z"]
    booking_id = book(client, customer["accessToken"], slot).json()["id"]
    stranger = client.signup("customer")["accessToken"]
    other_specialist = client.signup("specialist")["accessToken"]
    path = f"/api/bookings/{booking_id}"
    for token in (stranger, other_specialist):
        assert_problem(client.get(path, token=token), 404)
        assert_problem(client.put(path, token=token, json={"customerNotes": "x"}), 404)
        assert_problem(client.delete(path, token=token), 404)
        assert_problem(client.get(path + "/receipt", token=token), 404)
        assert_problem(client.post(path + "/reschedule", token=token, json={"slotId": slot}), 404)
    assert_problem(client.post(path + "/refund", token=stranger, json={}), 404)
    assert_problem(client.post(path + "/session/start", token=other_specialist), 404)
    assert client.get("/api/bookings", token=stranger).json()["items"] == []


def test_rescheduling_moves_the_booking_in_one_step(client, setup):
    specialist, customer = setup
    service = specialist["services"][(60, False)]
    slots = slot_ids(client, specialist, service)
    old, new, taken = (slots["2027-06-02T07:00:00Z"], slots["2027-06-02T10:00:00Z"],
                       slots["2027-06-02T12:00:00Z"])
    booking = book(client, customer["accessToken"], old).json()
    other = client.signup("customer")
    assert book(client, other["accessToken"], taken).status_code == 201
    path = f"/api/bookings/{booking['id']}/reschedule"
    assert_problem(client.post(path, token=customer["accessToken"], json={"slotId": taken}), 409)
    unchanged = client.get(f"/api/bookings/{booking['id']}", token=customer["accessToken"]).json()
    assert unchanged["slotId"] == old
    assert old not in free_ids(client, specialist, service)
    moved = client.post(path, token=customer["accessToken"], json={"slotId": new})
    assert moved.status_code == 200, moved.text
    assert moved.json()["id"] == booking["id"] and moved.json()["start"] == "2027-06-02T10:00:00Z"
    assert moved.json()["rescheduledFrom"] == old
    now_free = free_ids(client, specialist, service)
    assert old in now_free and new not in now_free
    other_service = specialist["services"][(30, False)]
    wrong = next(iter(slot_ids(client, specialist, other_service).values()))
    assert_problem(client.post(path, token=customer["accessToken"], json={"slotId": wrong}), 422)


def test_cancelling_frees_the_slot_and_records_who_and_why(client, setup):
    specialist, customer = setup
    service = specialist["services"][(60, True)]
    slot = slot_ids(client, specialist, service)["2027-06-02T14:00:00Z"]
    booking = book(client, customer["accessToken"], slot).json()
    response = client.delete(f"/api/bookings/{booking['id']}", token=customer["accessToken"],
                             json={"reason": "Clash with work"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "cancelled" and body["cancellationType"] == "customer"
    assert body["cancellationReason"] == "Clash with work"
    assert body["refund"]["amount"] == 0  # nothing was paid yet
    assert slot in free_ids(client, specialist, service)
    assert_problem(client.delete(f"/api/bookings/{booking['id']}", token=customer["accessToken"]), 409)


def test_notes_belong_to_their_writers(client, setup):
    specialist, customer = setup
    slot = slot_ids(client, specialist, specialist["services"][(30, False)])["2027-06-02T14:30:00Z"]
    booking_id = book(client, customer["accessToken"], slot).json()["id"]
    path = f"/api/bookings/{booking_id}"
    assert client.put(path, token=customer["accessToken"], json={"customerNotes": "hi"}).status_code == 200
    assert_problem(client.put(path, token=customer["accessToken"], json={"sharedNotes": "x"}), 422)
    updated = client.put(path, token=specialist["token"],
                         json={"specialistNotes": "private", "sharedNotes": "homework: X"}).json()
    assert updated["specialistNotes"] == "private" and updated["sharedNotes"] == "homework: X"
    seen = client.get(path, token=customer["accessToken"]).json()
    assert seen["sharedNotes"] == "homework: X" and "specialistNotes" not in seen
    assert_problem(client.put(path, token=specialist["token"], json={"status": "completed"}), 422)


def test_lists_filter_by_role_time_and_status_and_paginate(client, setup):
    specialist, customer = setup
    slots = slot_ids(client, specialist, specialist["services"][(30, False)])
    for start in ("2027-06-02T07:00:00Z", "2027-06-02T08:00:00Z", "2027-06-02T09:00:00Z"):
        assert book(client, customer["accessToken"], slots[start]).status_code == 201
    mine = client.get("/api/bookings", token=customer["accessToken"], params={"when": "upcoming"}).json()
    assert mine["total"] == 3
    assert [b["start"] for b in mine["items"]] == sorted(b["start"] for b in mine["items"])
    page = client.get("/api/bookings", token=customer["accessToken"],
                      params={"pageSize": 2, "page": 2, "when": "upcoming"}).json()
    assert len(page["items"]) == 1
    # Keyset: nextAfter leads on from the first page's last booking.
    first = client.get("/api/bookings", token=customer["accessToken"],
                       params={"pageSize": 2, "when": "upcoming"}).json()
    assert first["nextAfter"] == first["items"][1]["id"]
    rest = client.get("/api/bookings", token=customer["accessToken"],
                      params={"pageSize": 2, "when": "upcoming", "after": first["nextAfter"]}).json()
    assert [b["id"] for b in rest["items"]] == [b["id"] for b in page["items"]]
    assert rest["total"] == 3 and rest["nextAfter"] is None
    # Someone else's booking is no place to start from.
    problem = assert_problem(client.get("/api/bookings", token=specialist["token"],
                                        params={"role": "customer", "after": first["nextAfter"]}), 422)
    assert "after" in problem["errors"]
    assert client.get("/api/bookings", token=customer["accessToken"],
                      params={"when": "past"}).json()["total"] == 0
    assert client.get("/api/bookings", token=specialist["token"]).json()["total"] == 3
    assert client.get("/api/bookings", token=customer["accessToken"],
                      params={"status": "cancelled"}).json()["total"] == 0
    assert_problem(client.get("/api/bookings", token=customer["accessToken"],
                              params={"status": "weird"}), 422)


def test_receipts_come_as_json_and_printable_html(client, setup):
    specialist, customer = setup
    slot = slot_ids(client, specialist, specialist["services"][(60, True)])["2027-06-02T13:00:00Z"]
    booking_id = book(client, customer["accessToken"], slot).json()["id"]
    receipt = client.get(f"/api/bookings/{booking_id}/receipt", token=customer["accessToken"]).json()
    assert receipt["amount"] == 5000 and receipt["amountFormatted"] == "50.00 EUR"
    assert receipt["receiptNumber"].startswith("CONF-")
    html = client.get(f"/api/bookings/{booking_id}/receipt?format=html", token=customer["accessToken"])
    assert html.headers["Content-Type"].startswith("text/html") and "50.00 EUR" in html.text


def test_sessions_cannot_start_days_early(client, setup):
    specialist, customer = setup
    slot = slot_ids(client, specialist, specialist["services"][(60, False)])["2027-06-02T14:00:00Z"]
    booking_id = book(client, customer["accessToken"], slot).json()["id"]
    assert_problem(client.post(f"/api/bookings/{booking_id}/session/start", token=specialist["token"]), 409)
    assert_problem(client.post(f"/api/bookings/{booking_id}/session/start",
                               token=customer["accessToken"]), 403)
    assert client.get("/api/sessions", token=customer["accessToken"]).json()["items"] == []
