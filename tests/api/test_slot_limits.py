"""A slot list's work and size are bounded whatever a specialist publishes
(issue 13): at most 92 days a request, at most SERVICES_MAX_PER_SPECIALIST
services, at most 10,000 slots an answer with `nextAfter` to go on, and the
server's memory stays under 100 MB for the largest list anyone can ask for."""
import datetime as dt

from confer_harness import assert_problem

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SERVER_ENV = {"SERVICES_MAX_PER_SPECIALIST": "40"}


def peak_memory_mb(server):
    """The server process's peak resident memory (VmHWM), in MB."""
    with open(f"/proc/{server.process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


def busiest_specialist(client):
    """Open 24/7 with the most 5-minute services allowed: 288 slots a day each."""
    specialist = client.signup("specialist")
    token = specialist["accessToken"]
    assert client.post("/api/availability", token=token, json={
        "timezone": "UTC", "workingHours": {d: {"start": "00:00", "end": "24:00"} for d in DAYS},
        "slotDuration": [5], "maxAdvanceBooking": 730, "minBookingNotice": 0}).status_code == 201
    for i in range(40):
        created = client.post("/api/services", token=token, json={
            "title": f"Quick call {i}", "duration": 5, "price": 100, "currency": "USD"})
        assert created.status_code == 201, created.text
    one_more = client.post("/api/services", token=token, json={
        "title": "One too many", "duration": 5, "price": 100, "currency": "USD"})
    assert "40 services" in assert_problem(one_more, 409)["detail"]
    return specialist["user"]["id"]


def test_the_largest_slot_list_is_paged_and_memory_stays_bounded(client, server):
    specialist = busiest_specialist(client)
    today = dt.date.today()
    path = f"/api/specialists/{specialist}/slots"
    too_long = client.get(path, params={"from": today.isoformat(),
                                        "to": (today + dt.timedelta(days=93)).isoformat()})
    assert "92 days" in assert_problem(too_long, 422)["errors"]["to"][0]
    assert "after" in assert_problem(client.get(path, params={"after": "yesterday"}), 422)["errors"]

    window = {"from": today.isoformat(), "to": (today + dt.timedelta(days=92)).isoformat()}
    first = client.get(path, params=window)
    assert first.status_code == 200
    page = first.json()
    starts = [s["start"] for s in page["slots"]]
    assert 10_000 - 40 < len(starts) <= 10_000 and starts == sorted(starts)
    assert page["nextAfter"] is not None and all(s < page["nextAfter"] for s in starts)
    assert len(first.content) < 4_000_000

    second = client.get(path, params={**window, "after": page["nextAfter"]}).json()
    assert second["slots"][0]["start"] == page["nextAfter"]
    assert not {s["id"] for s in page["slots"]} & {s["id"] for s in second["slots"]}
    # A month of one service (what the booking calendar asks for) fits in one answer.
    one_service = client.get(path, params={
        "from": today.isoformat(), "to": (today + dt.timedelta(days=30)).isoformat(),
        "serviceId": page["slots"][0]["serviceId"]}).json()
    assert one_service["nextAfter"] is None and len(one_service["slots"]) <= 31 * 288

    for _ in range(3):  # the calendar view (all statuses) of the same owner, and again
        assert client.get(f"/api/availability/{specialist}/calendar", params=window).status_code == 200
    assert peak_memory_mb(server) < 100, f"peak {peak_memory_mb(server):.0f} MB"
