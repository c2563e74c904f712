"""Availability rules and the slots customers see, through the API."""
import pytest

from confer_harness import assert_problem

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def nine_to_five(**extra):
    rules = {"timezone": "America/New_York",
             "workingHours": {d: {"start": "09:00", "end": "17:00", "enabled": True} for d in WEEKDAYS},
             "breakTimes": [{"day": "friday", "start": "12:00", "end": "13:00"}],
             "bufferTime": 0, "slotDuration": [30, 60], "maxAdvanceBooking": 730}
    rules.update(extra)
    return rules


@pytest.fixture
def specialist(client):
    data = client.signup("specialist", timezone="America/New_York")
    token = data["accessToken"]
    availability = client.post("/api/availability", token=token, json=nine_to_five())
    assert availability.status_code == 201, availability.text
    service = client.post("/api/services", token=token, json={
        "title": "Strategy hour", "duration": 60, "price": 4500, "currency": "USD"})
    assert service.status_code == 201, service.text
    return {"token": token, "id": data["user"]["id"], "availability": availability.json(),
            "service": service.json()}


def slots(client, specialist_id, **params):
    response = client.get(f"/api/specialists/{specialist_id}/slots", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_availability_is_created_once_read_and_updated(client, specialist):
    token = specialist["token"]
    assert_problem(client.post("/api/availability", token=token, json=nine_to_five()), 409)
    own = client.get("/api/availability", token=token).json()
    assert own["id"] == specialist["availability"]["id"]
    assert own["workingHours"]["monday"] == {"enabled": True, "start": "09:00", "end": "17:00",
                                            "intervals": [{"start": "09:00", "end": "17:00"}]}
    changed = client.put(f"/api/availability/{own['id']}", token=token,
                         json=nine_to_five(bufferTime=15))
    assert changed.status_code == 200 and changed.json()["bufferTime"] == 15
    public = client.get(f"/api/specialists/{specialist['id']}/availability").json()
    assert public["bufferTime"] == 15


def test_only_the_owner_changes_availability(client, specialist):
    other = client.signup("specialist")["accessToken"]
    assert_problem(client.put(f"/api/availability/{specialist['availability']['id']}", token=other,
                              json=nine_to_five()), 404)
    customer = client.signup("customer")["accessToken"]
    assert_problem(client.post("/api/availability", token=customer, json=nine_to_five()), 403)
    assert_problem(client.get("/api/availability", token=other), 404)


def test_bad_rules_are_refused_field_by_field(client):
    token = client.signup("specialist")["accessToken"]
    response = client.post("/api/availability", token=token, json={
        "timezone": "Mars/Olympus", "workingHours": {"monday": {"start": "17:00", "end": "09:00"}},
        "slotDuration": [2], "bufferTime": -5,
        "recurringRules": [{"rrule": "FREQ=NEVER", "start": "2027-01-01T10:00", "duration": 60}]})
    errors = assert_problem(response, 422)["errors"]
    for field in ("timezone", "workingHours.monday.end", "slotDuration", "bufferTime",
                  "recurringRules[0].rrule"):
        assert field in errors, errors
    assert_problem(client.get("/api/availability", token=token), 404)


def test_slots_follow_the_specialists_wall_clock_across_dst(client, specialist):
    # New York springs forward on Sunday 14 March 2027.
    body = slots(client, specialist["id"], **{"from": "2027-03-12", "to": "2027-03-15"})
    assert body["timezone"] == "America/New_York"
    starts = [s["start"] for s in body["slots"]]
    assert starts[0] == "2027-03-12T14:00:00Z"  # Friday 09:00 EST
    assert "2027-03-15T13:00:00Z" in starts      # Monday 09:00 EDT
    assert "2027-03-12T17:00:00Z" not in starts  # Friday's 12:00 break
    first = body["slots"][0]
    assert first["startLocal"] == "2027-03-12T09:00:00-05:00"
    assert (first["duration"], first["price"], first["currency"]) == (60, 4500, "USD")
    assert first["serviceId"] == specialist["service"]["id"] and first["status"] == "available"


def test_slots_are_shown_in_the_customers_zone(client, specialist):
    body = slots(client, specialist["id"], **{"from": "2027-03-12", "to": "2027-03-12",
                                              "tz": "Asia/Kolkata"})
    assert body["timezone"] == "Asia/Kolkata"
    assert body["slots"][0]["start"] == "2027-03-12T14:00:00Z"
    assert body["slots"][0]["startLocal"] == "2027-03-12T19:30:00+05:30"
    assert_problem(client.get(f"/api/specialists/{specialist['id']}/slots?tz=Nowhere/Land"), 422)


def test_a_changed_rule_changes_the_slots_at_once(client, specialist):
    day = {"from": "2027-03-12", "to": "2027-03-12"}
    assert len(slots(client, specialist["id"], **day)["slots"]) == 7
    client.put(f"/api/availability/{specialist['availability']['id']}", token=specialist["token"],
               json=nine_to_five(unavailableDates=["2027-03-12"]))
    assert slots(client, specialist["id"], **day)["slots"] == []
    client.put(f"/api/availability/{specialist['availability']['id']}", token=specialist["token"],
               json=nine_to_five(dateOverrides=[{"date": "2027-03-12",
                                                 "intervals": [{"start": "10:00", "end": "12:00"}]}]))
    assert [s["start"] for s in slots(client, specialist["id"], **day)["slots"]] == [
        "2027-03-12T15:00:00Z", "2027-03-12T16:00:00Z"]


def test_blocked_slots_leave_the_offer_and_show_in_the_calendar(client, specialist):
    day = {"from": "2027-03-12", "to": "2027-03-12"}
    first = slots(client, specialist["id"], **day)["slots"][0]
    other = client.signup("specialist")["accessToken"]
    assert_problem(client.post(f"/api/availability/slots/{first['id']}/block", token=other, json={}), 404)
    blocked = client.post(f"/api/availability/slots/{first['id']}/block", token=specialist["token"],
                          json={"reason": "dentist"})
    assert blocked.status_code == 200 and blocked.json()["status"] == "blocked"
    assert first["id"] not in [s["id"] for s in slots(client, specialist["id"], **day)["slots"]]
    calendar = client.get(f"/api/availability/{specialist['id']}/calendar", params=day).json()
    statuses = {s["id"]: s["status"] for s in calendar["slots"]}
    assert statuses[first["id"]] == "blocked"
    assert client.get(f"/api/slots/{first['id']}").json()["status"] == "blocked"
    freed = client.put(f"/api/slots/{first['id']}", token=specialist["token"], json={"status": "available"})
    assert freed.json()["status"] == "available"
    assert first["id"] in [s["id"] for s in slots(client, specialist["id"], **day)["slots"]]
    assert client.delete(f"/api/slots/{first['id']}", token=specialist["token"]).status_code == 204
    assert client.get(f"/api/slots/{first['id']}").json()["status"] == "blocked"


def test_slot_lookups_refuse_nonsense(client, specialist):
    assert_problem(client.get("/api/slots/not-a-slot"), 404)
    assert_problem(client.get(f"/api/slots/{specialist['service']['id']}.12345"), 404)
    assert_problem(client.get("/api/specialists/00000000-0000-4000-8000-000000000000/slots"), 404)
    assert_problem(client.get(f"/api/specialists/{specialist['id']}/slots?from=2027-03-12&to=2027-03-01"), 422)
    assert_problem(client.get(f"/api/specialists/{specialist['id']}/slots?from=2027-01-01&to=2028-06-01"), 422)
    assert_problem(client.get(f"/api/specialists/{specialist['id']}/slots?from=12/03/2027"), 422)
    assert_problem(client.get("/api/slots/available"), 422)


def test_the_other_slot_routes_answer_the_same_filters(client, specialist):
    params = {"from": "2027-03-12", "to": "2027-03-12", "serviceId": specialist["service"]["id"]}
    expected = slots(client, specialist["id"], **params)["slots"]
    for path in (f"/api/availability/{specialist['id']}/slots",
                 f"/api/slots/available?specialistId={specialist['id']}"):
        assert client.get(path, params=params).json()["slots"] == expected
    own = client.get("/api/availability/slots", token=specialist["token"], params=params).json()
    assert [s["id"] for s in own["slots"]] == [s["id"] for s in expected]
    generated = client.post("/api/availability/slots/generate", token=specialist["token"],
                            json={"from": "2027-03-12", "to": "2027-03-12"})
    assert generated.status_code == 200 and generated.json()["generated"] == len(expected)
    assert client.post("/api/slots/bulk/generate", token=specialist["token"],
                       json={"from": "2027-03-12", "to": "2027-03-12"}).json()["generated"] == len(expected)


def test_notice_keeps_the_near_future_closed(client):
    data = client.signup("specialist")
    token = data["accessToken"]
    every_day = {d: {"start": "00:00", "end": "24:00"} for d in
                 ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}
    client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": every_day, "minBookingNotice": 72,
        "maxAdvanceBooking": 30, "slotDuration": [60]})
    client.post("/api/services", token=token, json={"title": "x", "duration": 60, "price": 0,
                                                    "currency": "EUR"})
    body = slots(client, data["user"]["id"])  # default range: today + 30 days
    import datetime
    first = datetime.datetime.fromisoformat(body["slots"][0]["start"].replace("Z", "+00:00"))
    now = datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(hours=71) < first - now < datetime.timedelta(hours=73)
    last = datetime.datetime.fromisoformat(body["slots"][-1]["start"].replace("Z", "+00:00"))
    assert last - now < datetime.timedelta(days=30)


def test_a_service_must_last_one_of_the_offered_durations(client, specialist):
    response = client.post("/api/services", token=specialist["token"], json={
        "title": "Odd", "duration": 45, "price": 100, "currency": "USD"})
    assert "duration" in assert_problem(response, 422)["errors"]


def specialist_with_rules(client, rules, duration=60):
    data = client.signup("specialist", timezone=rules["timezone"])
    token = data["accessToken"]
    created = client.post("/api/availability", token=token, json=rules)
    assert created.status_code == 201, created.text
    service = client.post("/api/services", token=token, json={
        "title": "Session", "duration": duration, "price": 0, "currency": "EUR"})
    assert service.status_code == 201, service.text
    return data["user"]["id"]


def test_a_weekly_rule_with_bysetpos_opens_only_the_last_of_its_days(client):
    # Issue 13, item 16: BYSETPOS=-1 picks the last of each week's Monday,
    # Wednesday and Friday; it used to be ignored (three days a week). The
    # weeks run across Berlin's change to summer time on 28 March 2027.
    specialist_id = specialist_with_rules(client, {
        "timezone": "Europe/Berlin", "workingHours": {}, "maxAdvanceBooking": 730,
        "slotDuration": [60],
        "recurringRules": [{"rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1",
                            "start": "2027-03-01T10:00", "duration": 120, "kind": "extra"}]})
    body = slots(client, specialist_id, **{"from": "2027-03-01", "to": "2027-04-04"})
    assert [s["startLocal"] for s in body["slots"]] == [
        f"2027-{day}T{hour}:00:00{offset}"
        for day, offset in [("03-05", "+01:00"), ("03-12", "+01:00"), ("03-19", "+01:00"),
                            ("03-26", "+01:00"), ("04-02", "+02:00")]
        for hour in ("10", "11")]


def test_rules_the_expansion_cannot_honour_are_refused_on_the_field(client):
    token = client.signup("specialist")["accessToken"]
    for rrule, reason in [("FREQ=WEEKLY;BYDAY=1MO", "number"),
                          ("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO"),
                          ("FREQ=DAILY;BYSECOND=30", "BYSECOND"),
                          ("FREQ=MONTHLY;BYDAY=1FR,MO", "number every BYDAY day or none")]:
        response = client.post("/api/availability", token=token, json=nine_to_five(
            recurringRules=[{"rrule": rrule, "start": "2027-03-01T10:00", "duration": 60}]))
        errors = assert_problem(response, 422)["errors"]
        assert any(reason in message for message in errors["recurringRules[0].rrule"]), errors


def test_touching_intervals_give_the_same_slots_with_or_without_an_extra(client):
    # Issue 13, item 17: 09:00–12:00 and 12:00–15:00 are one working interval
    # on every Monday, also on the one with an evening extra.
    specialist_id = specialist_with_rules(client, {
        "timezone": "UTC", "maxAdvanceBooking": 730, "slotDuration": [40],
        "workingHours": {"monday": {"intervals": [{"start": "09:00", "end": "12:00"},
                                                  {"start": "12:00", "end": "15:00"}]}},
        "recurringRules": [{"rrule": "FREQ=WEEKLY;COUNT=1", "start": "2027-03-15T18:00",
                            "duration": 60}]}, duration=40)

    def day(date):
        listed = slots(client, specialist_id, **{"from": date, "to": date})["slots"]
        return [s["start"][11:16] for s in listed]
    every_monday = ["09:00", "09:40", "10:20", "11:00", "11:40", "12:20", "13:00", "13:40",
                    "14:20"]
    assert day("2027-03-08") == every_monday
    assert day("2027-03-15") == every_monday + ["18:00"]
